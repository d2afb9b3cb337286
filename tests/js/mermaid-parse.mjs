// Reads one JSON string per line (a Mermaid diagram) and answers one JSON object per line:
// {"ok": true, "type": "pie", "config": {...}} when Mermaid's parser accepts it (config: what the
// diagram's front matter and directives set), {"ok": false, "error": "..."} when it does not.
import { createInterface } from "node:readline";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  let answer;
  try {
    const result = await mermaid.parse(JSON.parse(line));
    answer = { ok: true, type: result.diagramType, config: result.config };
  } catch (error) {
    answer = { ok: false, error: String(error?.message ?? error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
