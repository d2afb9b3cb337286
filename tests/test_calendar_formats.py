"""Calendars meet the tools people schedule with: time zones, iCalendar, spreadsheets, bulk CSV."""

# ruff: noqa: DTZ001  # calendars hold local times: datetimes without a zone are their stuff

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo

import attrs
import icalendar
import openpyxl
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy.strategies import TIMEZONES, calendars, one_line_texts, strings, texts
from smstrategy.validators import blank

OSLO = "Europe/Oslo"
NOT_UTF8 = r"the file is not UTF-8 text \(invalid start byte\)"
MONDAY = dt.date(2027, 1, 4)


def post(when: dt.datetime, **fields) -> sms.Post:
    values = {"channel": "Instagram @fjordcoffee", "topic": "Roast", "text": "Fresh beans"}
    return sms.Post(when=when, **{**values, **fields})


def seconds(calendar: sms.Calendar) -> sms.Calendar:
    """Return *calendar* with its times to the second, as iCalendar carries them."""
    return attrs.evolve(
        calendar,
        posts=[attrs.evolve(p, when=p.when.replace(microsecond=0)) for p in calendar.posts],
    )


# --- posts that can be published ----------------------------------------------------------


def test_a_post_carries_text_a_link_and_media():
    made = post(
        dt.datetime(2027, 1, 4, 9),
        link="https://example.com/beans?roast=guji#notes",
        media=["roast.jpg", "https://example.com/video.mp4"],
    )
    assert made.text == "Fresh beans"
    assert made.media == ("roast.jpg", "https://example.com/video.mp4")


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "ftp://example.com/file",
        "data:text/html,<script>",
        "https://",
        "http://exa mple.com",
        "https://example.com/\x00",
        "//example.com",
        "example.com",
        "http://user@example.com",
        "https://[::1]/",
    ],
)
def test_only_http_and_https_links_are_taken(link):
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Post\.link: expected an http://"):
        post(dt.datetime(2027, 1, 4, 9), link=link)


def test_media_are_one_line_each():
    with pytest.raises(sms.InvalidFieldValueError, match=r"Post\.media\[1\]: expected one line"):
        post(dt.datetime(2027, 1, 4, 9), media=["a.jpg", "b.jpg\nc.jpg"])


def test_older_plan_files_keep_loading():
    """A saved post without text, link or media, and a calendar without a zone, still load."""
    data = {
        "kind": "calendar",
        "posts": [{"when": "2027-01-04T09:00", "channel": "Instagram", "topic": "Roast"}],
    }
    calendar = sms.from_dict(data, sms.Calendar)
    assert calendar.timezone == ""
    assert (calendar.posts[0].text, calendar.posts[0].link, calendar.posts[0].media) == ("", "", ())
    assert sms.from_dict(sms.to_dict(sms.example("roadmap"))) == sms.example("roadmap")


def test_a_calendar_names_an_iana_time_zone():
    assert sms.Calendar(timezone=OSLO).timezone == OSLO
    for bad in ("Mars/Olympus", "../etc/passwd", "Europe/Oslo "):
        with pytest.raises(sms.InvalidFieldValueError, match=r"^Calendar\.timezone: expected an"):
            sms.Calendar(timezone=bad)
    schema = sms.json_schema(sms.Calendar)
    assert schema["$defs"]["Post"]["properties"]["link"]["pattern"]
    assert OSLO in schema["properties"]["timezone"]["enum"]


# --- time zones ---------------------------------------------------------------------------


def test_building_across_a_daylight_saving_change_keeps_the_local_times():
    """Posts planned at 9:00 stay at 9:00 local time on both sides of the change in March."""
    plan = sms.example("five-step")
    calendar = sms.build_calendar(
        plan.technology.channels,
        plan.technology.content_mix,
        dt.date(2027, 3, 22),
        weeks=2,
        hours=(9, 10),
        timezone=OSLO,
    )
    assert calendar.timezone == OSLO
    first = {p.when.date(): p.when.time() for p in calendar.posts}
    assert set(first.values()) <= {dt.time(9), dt.time(9, 30)}
    parsed = icalendar.Calendar.from_ical(sms.to_ical(calendar))
    offsets = {
        e.decoded("DTSTART").date(): e.decoded("DTSTART").utcoffset() for e in parsed.walk("VEVENT")
    }
    assert offsets[dt.date(2027, 3, 22)] == dt.timedelta(hours=1)
    assert offsets[dt.date(2027, 4, 2)] == dt.timedelta(hours=2)
    with pytest.raises(sms.InvalidFieldValueError, match=r"build_calendar\.timezone"):
        sms.build_calendar((), plan.technology.content_mix, MONDAY, 1, timezone="Nowhere")


def test_skipped_and_repeated_local_times_follow_rfc_5545():
    """02:30 on the night clocks go forward is 03:30; 02:30 when they go back is the first."""
    gap = post(dt.datetime(2027, 3, 28, 2, 30))
    fold = post(dt.datetime(2027, 10, 31, 2, 30))
    calendar = sms.Calendar(posts=[gap, fold], timezone=OSLO)
    skipped, repeated = (sms.local_to_absolute(p.when, OSLO) for p in calendar.posts)
    assert skipped.astimezone(dt.UTC) == dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC)
    assert repeated.astimezone(dt.UTC) == dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)
    text = sms.to_ical(calendar)
    assert "DTSTART;TZID=Europe/Oslo:20270328T023000" in text
    assert "DTSTAMP:20270328T013000Z" in text
    assert "DTSTAMP:20271031T003000Z" in text
    assert sms.from_ical(text) == calendar
    vevents = vobject.readOne(text).vevent_list
    assert vevents[0].dtstart.value.astimezone(dt.UTC).hour == 1


# --- iCalendar ----------------------------------------------------------------------------


def test_icalendar_carries_every_field_and_the_zone():
    made = post(
        dt.datetime(2027, 1, 4, 9, 5),
        link="https://example.com/guji",
        media=["roast.jpg"],
        audience="Bergen coffee lovers",
        reviewer="Ola",
        text="Line one,\nline two; with \\ and ,",
    )
    calendar = sms.Calendar(posts=[made], timezone=OSLO)
    text = sms.to_ical(calendar, name="Fjord Coffee")
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["URL"]) == "https://example.com/guji"
    assert str(event["ATTACH"]) == "roast.jpg"
    assert event.decoded("DESCRIPTION").startswith("Line one,\nline two; with \\ and ,")
    assert event["DTSTART"].params["TZID"] == OSLO
    assert icalendar.Calendar.from_ical(text).walk("VTIMEZONE")
    assert sms.from_ical(text) == calendar
    assert sms.from_ical(text.encode()) == calendar


def test_calendars_of_other_applications_are_read():
    """SUMMARY gives channel and topic, DESCRIPTION the text; an all-day event is at midnight."""
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Another//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:20270105\r\n"
        "SUMMARY:Facebook: Launch day\r\nDESCRIPTION:We open\\, at last\r\n"
        "URL:https://example.com\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20270106T080000Z\r\nSUMMARY:Instagram: Coffee\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    first, second = sms.from_ical(text).posts
    assert (first.channel, first.topic, first.text) == (
        "Facebook",
        "Launch day",
        "We open, at last",
    )
    assert first.when == dt.datetime(2027, 1, 5)
    assert first.link == "https://example.com"
    assert second.when == dt.datetime(2027, 1, 6, 8, tzinfo=dt.UTC)


def test_bad_icalendar_is_reported_at_once():
    with pytest.raises(sms.StructureError, match="not iCalendar text"):
        sms.from_ical("hello")
    with pytest.raises(sms.StructureError, match=NOT_UTF8):
        sms.from_ical(b"BEGIN:VCALENDAR\r\nX-A:\xff\r\nEND:VCALENDAR\r\n")
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-TIMEZONE:Mars/Olympus\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20270106T080000Z\r\nSUMMARY:Instagram: ok\r\n"
        "X-SMSTRATEGY-STATUS;VALUE=TEXT:lost\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    with pytest.raises(sms.StructureError) as raised:
        sms.from_ical(text)
    assert len(raised.value.problems) == 3
    assert "X-WR-TIMEZONE: expected an IANA time zone, got 'Mars/Olympus'" in str(raised.value)
    assert "event 1: DTSTART: missing" in str(raised.value)
    assert "event 2: 'lost' is not a valid PostStatus" in str(raised.value)
    with pytest.raises(sms.InvalidFieldValueError, match=r"from_ical\.text"):
        sms.from_ical(3)  # type: ignore[arg-type]


def visible(text: str) -> bool:
    return not blank(text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


HOSTILE = st.lists(
    st.sampled_from(
        [
            "\r",
            "\n",
            "\r\n",
            ":",
            ";",
            ",",
            "\\",
            '"',
            "BEGIN:VEVENT",
            "END:VCALENDAR",
            "X-EVIL:1",
            "\u00a0",
            "é",
            "a",
            " ",
            "\t",
            "DTSTART:2027",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=40)
@given(
    words=st.tuples(HOSTILE.filter(visible), HOSTILE.filter(visible), HOSTILE),
    people=st.tuples(HOSTILE, HOSTILE, HOSTILE),
    media=st.lists(one_line_texts(), max_size=2),
    name=HOSTILE.filter(visible),
)
def test_hostile_text_cannot_add_a_property_or_a_component(words, people, media, name):
    """Two independent parsers see one event with the same properties, whatever the text."""
    channel, topic, text = words
    audience, owner, reviewer = people
    hostile = post(
        dt.datetime(2027, 1, 4, 9),
        channel=channel,
        topic=topic,
        text=text,
        audience=audience,
        owner=owner,
        reviewer=reviewer,
        media=media,
    )
    plain = post(
        dt.datetime(2027, 1, 4, 9),
        channel="c: c" if ": " in channel else "c",
        topic="t",
        text="x" if text else "",
        audience="a" if audience else "",
        owner="o" if owner else "",
        reviewer="r" if reviewer else "",
        media=["m"] * len(media),
    )
    written = sms.to_ical(sms.Calendar(posts=[hostile], timezone=OSLO), name=name)
    expected = sms.to_ical(sms.Calendar(posts=[plain], timezone=OSLO), name="n")
    parsed, plain_parsed = (icalendar.Calendar.from_ical(t) for t in (written, expected))
    assert [c.name for c in parsed.walk()] == [c.name for c in plain_parsed.walk()]
    [event] = parsed.walk("VEVENT")
    [plain_event] = plain_parsed.walk("VEVENT")
    assert sorted(event) == sorted(plain_event)
    other = vobject.readOne(written)
    assert len(other.vevent_list) == 1
    assert sorted(other.vevent.contents) == sorted(vobject.readOne(expected).vevent.contents)
    assert other.vevent.summary.value == _newlines(f"{channel}: {topic}")
    back = sms.from_ical(written).posts[0]
    assert (back.topic, back.owner, back.media) == (
        _newlines(topic),
        _newlines(owner),
        hostile.media,
    )


# --- round trips --------------------------------------------------------------------------

#: Times iCalendar and XLSX can write: whole seconds, from 1900 on.
TIMES = st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1))
ZONED = st.one_of(
    TIMES,
    TIMES.map(lambda t: t.replace(tzinfo=dt.UTC)),
    TIMES.map(lambda t: t.replace(tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))),
)


@st.composite
def schedulable(draw, times=ZONED, text=None):
    """Return calendars whose posts' times and texts the formats under test hold."""
    calendar = draw(calendars())
    made = [
        attrs.evolve(
            p,
            when=draw(times).replace(microsecond=0),
            text=draw(strings(max_size=30) if text is None else text),
        )
        for p in calendar.posts
    ]
    return attrs.evolve(calendar, posts=made)


def _as_ical_keeps(calendar: sms.Calendar) -> sms.Calendar:
    """Return *calendar* as iCalendar keeps it: one kind of line break in text."""
    fields = ("channel", "topic", "text", "audience", "owner", "reviewer")
    return attrs.evolve(
        calendar,
        posts=[
            attrs.evolve(p, **{f: _newlines(getattr(p, f)) for f in fields}) for p in calendar.posts
        ],
    )


@settings(max_examples=60)
@given(calendar=schedulable())
def test_calendar_to_ics_and_back(calendar):
    assert sms.from_ical(sms.to_ical(calendar)) == _as_ical_keeps(calendar)


@settings(max_examples=60)
@given(calendar=calendars())
def test_calendar_to_csv_and_back(calendar):
    """Every field comes back from CSV; a calendar without posts has no row to carry its zone."""
    back = sms.read_calendar_csv(sms.calendar_to_csv(calendar))
    expected = calendar if calendar.posts else attrs.evolve(calendar, timezone="")
    assert back == expected


@settings(max_examples=40)
@given(calendar=schedulable(text=strings(max_size=30)))
def test_calendar_to_xlsx_and_back(calendar):
    """Every field comes back from XLSX, line breaks as line feeds, where a sheet can hold it."""
    back = sms.read_calendar_xlsx(sms.calendar_to_xlsx(calendar))
    posts = [as_sheets_hold(p) for p in calendar.posts]
    expected = attrs.evolve(calendar, posts=posts, timezone=calendar.timezone if posts else "")
    assert back == expected


def as_sheets_hold(made: sms.Post) -> sms.Post:
    """Return the post with every line break a line feed, as a worksheet keeps it."""
    fields = {a.name: getattr(made, a.name) for a in attrs.fields(sms.Post)}
    changes = {k: _newlines(t) for k, t in fields.items() if type(t) is str}
    return attrs.evolve(made, **changes, media=[_newlines(m) for m in made.media])


@settings(max_examples=30)
@given(
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    minute=st.integers(0, 1439),
    zone=st.sampled_from([z for z in TIMEZONES if z]),
)
def test_round_trips_across_daylight_saving_changes(day, minute, zone):
    """Local times on change days, skipped or repeated ones too, come back as written."""
    changes = [
        dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute),
        dt.datetime(2027, 3, 28, 2, 30),  # skipped in Oslo
        dt.datetime(2027, 10, 31, 2, 30),  # twice in Oslo
        dt.datetime(2027, 3, 14, 2, 30),  # skipped in New York
        dt.datetime(2027, 4, 4, 1, 45),  # twice at Lord Howe (half an hour)
    ]
    calendar = sms.Calendar(posts=[post(when) for when in changes], timezone=zone)
    assert sms.from_ical(sms.to_ical(calendar)) == calendar
    assert sms.read_calendar_csv(sms.calendar_to_csv(calendar)) == calendar
    assert sms.read_calendar_xlsx(sms.calendar_to_xlsx(calendar)) == calendar


# --- spreadsheets in ----------------------------------------------------------------------


def test_headers_are_read_in_any_order_case_and_by_other_names():
    text = (
        "Message,Social Profile,DATE,Title,URL,Time_Zone\n"
        "Hello,Instagram,2027-03-28 02:30,Roast,https://example.com,Europe/Oslo\n"
        "\n"
        "Again,Facebook,2027-03-29T09:00+02:00,Roast,,Europe/Oslo\n"
    )
    calendar = sms.read_calendar_csv(text)
    assert calendar.timezone == OSLO
    first, second = calendar.posts
    assert (first.text, first.channel, first.topic, first.link) == (
        "Hello",
        "Instagram",
        "Roast",
        "https://example.com",
    )
    assert second.when == dt.datetime(2027, 3, 29, 7, tzinfo=dt.UTC)


def test_every_problem_in_a_spreadsheet_is_reported_at_once():
    text = (
        "when,channel,topic,status,link,timezone\n"
        "4.1.2027,Instagram,Roast,idea,,\n"
        "2027-01-04 09:00,,Roast,lost,,\n"
        "2027-01-04 09:00,Instagram,Roast,idea,javascript:alert(1),Europe/Oslo\n"
        "2027-01-04 09:00,Instagram,Roast,idea,,UTC\n"
    )
    with pytest.raises(sms.StructureError) as raised:
        sms.read_calendar_csv(text)
    message = str(raised.value)
    assert (
        "row 2, column 'when': expected a date and time as YYYY-MM-DD HH:MM, got '4.1.2027'"
        in message
    )
    assert "row 3, column 'status': expected one of 'idea'" in message
    assert "row 4: Post.link: expected an http:// or https:// link" in message
    assert "column 'timezone': expected one time zone, got 'Europe/Oslo', 'UTC'" in message
    with pytest.raises(sms.StructureError, match="row 1: missing the column"):
        sms.read_calendar_csv("when,channel\n")
    with pytest.raises(sms.StructureError, match=r"row 1: expected columns among .*'colour'"):
        sms.read_calendar_csv("when,channel,topic,colour\n")
    with pytest.raises(sms.StructureError, match="'text' twice"):
        sms.read_calendar_csv("when,channel,topic,text,message\n")
    with pytest.raises(sms.StructureError, match="expected a header row"):
        sms.read_calendar_csv("")
    with pytest.raises(sms.StructureError, match=NOT_UTF8):
        sms.read_calendar_csv(b"when,channel,topic\n\xff\n")
    with pytest.raises(sms.StructureError, match="expected an IANA time zone"):
        sms.read_calendar_csv("when,channel,topic,timezone\n2027-01-04 09:00,a,b,Nowhere\n")
    with pytest.raises(sms.InvalidFieldTypeError, match=r"read_calendar_csv\.text"):
        sms.read_calendar_csv(3)  # type: ignore[arg-type]


def test_xlsx_date_cells_and_text_cells_are_read():
    """A spreadsheet someone typed: real date cells, numbers in text columns, a formula as text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Profile", "Topic", "Message"])
    sheet.append([dt.datetime(2027, 1, 4, 9), "Instagram", "Roast", 42])
    sheet.append(["2027-01-05 10:00", "Instagram", 7.0, "Come by"])
    out = io.BytesIO()
    book.save(out)
    calendar = sms.read_calendar_xlsx(out.getvalue())
    assert [p.when for p in calendar.posts] == [
        dt.datetime(2027, 1, 4, 9),
        dt.datetime(2027, 1, 5, 10),
    ]
    assert [(p.topic, p.text) for p in calendar.posts] == [("Roast", "42"), ("7", "Come by")]
    with pytest.raises(sms.StructureError, match="not an XLSX workbook"):
        sms.read_calendar_xlsx(b"PK not really")
    with pytest.raises(sms.InvalidFieldTypeError, match=r"read_calendar_xlsx\.data"):
        sms.read_calendar_xlsx("text")  # type: ignore[arg-type]


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    calendar = sms.Calendar(posts=[post(dt.datetime(2027, 1, 4, 9), text="=HYPERLINK(1)")])
    data = sms.calendar_to_xlsx(calendar)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["D2"].data_type == "s"
    assert sms.read_calendar_xlsx(data) == calendar


# --- bulk-scheduler CSV -------------------------------------------------------------------


def bulk_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_bulk_csv_is_one_file_per_channel_split_at_350_rows():
    start = dt.datetime(2027, 1, 4, 9)
    made = [post(start + dt.timedelta(minutes=5 * i), text=f"Message {i}") for i in range(400)]
    made.append(post(start, channel="Facebook Fjord Coffee", link="https://example.com"))
    files = sms.to_bulk_csv(sms.Calendar(posts=made))
    assert list(files) == ["Instagram @fjordcoffee", "Facebook Fjord Coffee"]
    first, second = files["Instagram @fjordcoffee"]
    assert len(bulk_rows(first)) == 350
    assert len(bulk_rows(second)) == 50
    assert bulk_rows(first)[0] == ["01/04/2027 09:00", "Message 0", ""]
    assert bulk_rows(files["Facebook Fjord Coffee"][0]) == [
        ["01/04/2027 09:00", "Fresh beans", "https://example.com"]
    ]
    [day_first] = sms.to_bulk_csv(sms.Calendar(posts=made[-1:]), day_first=True).values()
    assert bulk_rows(day_first[0])[0][0] == "04/01/2027 09:00"


def test_bulk_csv_writes_local_times_of_the_calendars_zone():
    at_noon_utc = post(dt.datetime(2027, 7, 1, 12, tzinfo=dt.UTC))
    [files] = sms.to_bulk_csv(sms.Calendar(posts=[at_noon_utc], timezone=OSLO)).values()
    assert bulk_rows(files[0])[0][0] == "07/01/2027 14:00"
    [files] = sms.to_bulk_csv(sms.Calendar(posts=[at_noon_utc])).values()
    assert bulk_rows(files[0])[0][0] == "07/01/2027 12:00"


def test_bulk_csv_refuses_what_the_format_cannot_carry_all_at_once():
    made = [
        post(dt.datetime(2027, 1, 4, 9, 3)),
        post(dt.datetime(2027, 1, 4, 9, 5), text=" "),
        post(dt.datetime(2027, 1, 4, 9, 10), media=["a.jpg"]),
        post(dt.datetime(2027, 1, 4, 9, 15, 30)),
    ]
    with pytest.raises(sms.ExportError) as raised:
        sms.to_bulk_csv(sms.Calendar(posts=made))
    where = "  post {} (Instagram @fjordcoffee, 2027-01-04 {}): "
    assert str(raised.value).splitlines() == [
        "4 problems writing bulk-scheduler CSV:",
        where.format(1, "09:03:00") + "times must fall on five-minute marks",
        where.format(2, "09:05:00") + "a message needs text to publish; the post has none",
        where.format(3, "09:10:00") + "the format has no place for media (1 given)",
        where.format(4, "09:15:30") + "times must fall on five-minute marks",
    ]
    with pytest.raises(sms.InvalidFieldTypeError, match=r"to_bulk_csv\.day_first"):
        sms.to_bulk_csv(sms.Calendar(), day_first="yes")  # type: ignore[arg-type]


@settings(max_examples=40)
@given(
    texts=st.lists(texts(max_size=40), min_size=1, max_size=30),
    link=st.sampled_from(["", "https://example.com/a,b"]),
)
def test_bulk_csv_rows_read_back_as_written(texts, link):
    start = dt.datetime(2027, 1, 4, 9)
    made = [
        post(start + dt.timedelta(minutes=5 * i), text=t, link=link) for i, t in enumerate(texts)
    ]
    [parts] = sms.to_bulk_csv(sms.Calendar(posts=made)).values()
    rows = [row for part in parts for row in list(csv.reader(io.StringIO(part, newline="")))]
    assert [(row[1], row[2]) for row in rows] == [(t, link) for t in texts]


def test_time_zone_names_work_without_the_systems_database():
    """The tzdata package carries the zones where the system has none."""
    assert zoneinfo.ZoneInfo(OSLO).key == OSLO


# --- the command line ---------------------------------------------------------------------

EXAMPLES = __import__("pathlib").Path(__file__).parent.parent / "examples"


def run(capsys, *argv):
    from smstrategy.cli import main

    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_calendar_exports_a_plans_calendar_in_each_format(capsys, tmp_path):
    plan = str(EXAMPLES / "roadmap.toml")
    calendar = sms.example("roadmap").action_plan.calendar
    status, out, _ = run(capsys, "calendar", plan, "--to", "ics")
    assert status == 0
    assert sms.from_ical(out) == calendar
    status, out, _ = run(capsys, "calendar", plan, "--to", "csv")
    assert sms.read_calendar_csv(out) == calendar
    target = tmp_path / "calendar.xlsx"
    assert run(capsys, "calendar", plan, "--to", "xlsx", "-o", str(target))[0] == 0
    assert sms.read_calendar_xlsx(target.read_bytes()) == calendar
    status, _, err = run(capsys, "calendar", plan, "--to", "bulk-csv", "-o", str(tmp_path / "b"))
    assert status == 0
    assert "wrote 2 file(s)" in err
    names = sorted(p.name for p in (tmp_path / "b").iterdir())
    assert names == ["facebook-fjord-coffee-bergen.csv", "instagram-fjordcoffee.csv"]
    status, _, err = run(capsys, "calendar", plan, "--to", "bulk-csv")
    assert status == 2
    assert "bulk-csv makes 2 files, one per channel: name a folder with -o" in err


def test_calendar_from_a_spreadsheet_is_checked_and_rendered(capsys, tmp_path):
    sheet = tmp_path / "january.csv"
    sheet.write_text(
        "date,profile,topic,message\n"
        "2027-01-04 09:00,Instagram,Roast,Fresh beans\n"
        "2027-01-04 09:00,Instagram,Roast,Fresh beans\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "calendar", "--from", str(sheet))
    assert out.startswith("# january\n")
    assert "```mermaid" in out
    assert status == int(
        not sms.check(
            sms.ContentPlan(title="x", calendar=sms.read_calendar_csv(sheet.read_text()))
        ).ok
    )
    status, out, _ = run(capsys, "calendar", "--from", str(sheet), "--to", "bulk-csv")
    assert out.startswith("01/04/2027 09:00,Fresh beans,")
    bad = tmp_path / "bad.csv"
    bad.write_text("when,channel,topic\nsoon,Instagram,Roast\n", encoding="utf-8")
    status, _, err = run(capsys, "calendar", "--from", str(bad))
    assert status == 2
    assert "bad.csv: not a valid calendar: row 2, column 'when'" in err
    for argv, message in [
        (("calendar",), "give a PLAN, or a spreadsheet with --from, not both"),
        (("calendar", "--from", str(tmp_path / "x.txt")), "expected a .csv, .xlsx or .ics file"),
        (("calendar", "--from", str(tmp_path / "none.csv")), "cannot be read"),
        (("calendar", str(EXAMPLES / "popt.toml"), "--to", "ics"), "holds no calendar"),
    ]:
        status, _, err = run(capsys, *argv)
        assert status == 2, argv
        assert message in err, err


def test_the_calendar_command_reads_content_plans_writes_xlsx_out_and_says_what_it_finds(
    capsys, tmp_path, monkeypatch
):
    content = sms.ContentPlan(title="January", calendar=sms.example("roadmap").action_plan.calendar)
    plan_file = tmp_path / "content.json"
    plan_file.write_text(sms.to_json(content), encoding="utf-8")
    status, out, _ = run(capsys, "calendar", str(plan_file), "--to", "csv")
    assert status == 0
    assert sms.read_calendar_csv(out) == content.calendar
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr("sys.stdout", stdout)
    assert run(capsys, "calendar", str(plan_file), "--to", "xlsx")[0] == 0
    stdout.flush()
    assert sms.read_calendar_xlsx(stdout.buffer.getvalue()) == content.calendar
    monkeypatch.undo()
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    status, _, err = run(capsys, "calendar", str(plan_file), "--to", "bulk-csv", "-o", str(blocked))
    assert status == 2
    assert "cannot be written" in err
    status, _, err = run(
        capsys, "calendar", str(plan_file), "--to", "xlsx", "-o", str(blocked / "x.xlsx")
    )
    assert status == 2
    assert "cannot be written" in err
    sheet = tmp_path / "automated.csv"
    sheet.write_text(
        "when,channel,topic,automation\n2027-01-04 09:00,Instagram,Roast,automated\n",
        encoding="utf-8",
    )
    status, _, err = run(capsys, "calendar", "--from", str(sheet))
    assert status == 0  # advice and warnings only
    assert "SMS502" in err


def test_the_formats_name_their_extras_when_they_are_missing(monkeypatch):
    calendar = sms.Calendar()
    monkeypatch.setitem(__import__("sys").modules, "icalendar", None)
    with pytest.raises(sms.MissingExtraError, match=r"pip install 'smstrategy\[ical\]'"):
        sms.to_ical(calendar)
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    with pytest.raises(sms.MissingExtraError, match=r"pip install 'smstrategy\[xlsx\]'"):
        sms.calendar_to_xlsx(calendar)


def test_many_problems_are_counted_after_the_first_ten():
    made = [post(dt.datetime(2027, 1, 4, 9, 1 + 5 * i)) for i in range(12)]
    with pytest.raises(sms.ExportError) as raised:
        sms.to_bulk_csv(sms.Calendar(posts=made))
    assert len(raised.value.problems) == 12
    assert str(raised.value).endswith("... and 2 more")


def test_foreign_categories_are_passed_over():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20270106T080000\r\nSUMMARY:Instagram: Coffee\r\n"
        "CATEGORIES:Meeting,Curated\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [made] = sms.from_ical(text).posts
    assert made.category is sms.ContentCategory.CURATED


def test_odd_cells_and_headers():
    """Empty header cells, empty enum cells, dates without times, oversized fields, numbers."""
    calendar = sms.read_calendar_csv(
        "when,,channel,topic,status\n2027-01-04 09:00,ignored,Instagram,Roast,\n"
    )
    assert calendar.posts[0].status is sms.PostStatus.IDEA
    with pytest.raises(sms.StructureError, match="got '2027-01-04'"):
        sms.read_calendar_csv("when,channel,topic\n2027-01-04,Instagram,Roast\n")
    with pytest.raises(sms.StructureError, match="not CSV: field larger than field limit"):
        sms.read_calendar_csv("when,channel,topic\n2027-01-04 09:00,a," + "x" * 200_000 + "\n")
    book = openpyxl.Workbook()
    book.active.append(["when", "channel", "topic", "text"])
    book.active.append(["2027-01-04 09:00", "Instagram", 7.5, None])
    book.active.append(["2027-01-04 09:00", "Instagram", 1e20, "x"])
    out = io.BytesIO()
    book.save(out)
    made = sms.read_calendar_xlsx(out.getvalue()).posts
    assert [(p.topic, p.text) for p in made] == [("7.5", ""), ("100000000000000000000", "x")]


def test_xlsx_writes_as_text_the_times_a_date_cell_cannot_hold():
    """A moment of its own zone, or a time to the microsecond, is written as ISO 8601 text."""
    made = [
        post(dt.datetime(2027, 1, 4, 9, tzinfo=dt.UTC)),
        post(dt.datetime(2027, 1, 4, 9, 0, 0, 5)),
        post(dt.datetime(1899, 1, 4, 9)),
    ]
    calendar = sms.Calendar(posts=made)
    data = sms.calendar_to_xlsx(calendar)
    column = [c.value for c in openpyxl.load_workbook(io.BytesIO(data)).active["A"]][1:]
    assert column == [
        "2027-01-04 09:00:00+00:00",
        "2027-01-04 09:00:00.000005",
        "1899-01-04 09:00:00",
    ]
    assert sms.read_calendar_xlsx(data) == calendar


def test_a_channel_with_a_colon_and_space_keeps_its_name_in_icalendar():
    made = post(dt.datetime(2027, 1, 4, 9), channel="Facebook: Fjord Coffee", topic="Roast: Guji")
    text = sms.to_ical(sms.Calendar(posts=[made]))
    assert "X-SMSTRATEGY-CHANNEL;VALUE=TEXT:Facebook: Fjord Coffee" in text
    assert sms.from_ical(text).posts == (made,)


def test_the_new_validators_say_what_they_are_and_refuse_other_types():
    from smstrategy import validators as v

    assert (repr(v.one_line()), repr(v.web_link()), repr(v.time_zone())) == (
        "one_line()",
        "web_link()",
        "time_zone()",
    )
    with pytest.raises(sms.InvalidFieldTypeError, match=r"Post\.link: expected a string"):
        post(dt.datetime(2027, 1, 4, 9), link=None)
    with pytest.raises(sms.InvalidFieldTypeError, match=r"Calendar\.timezone: expected a string"):
        sms.Calendar(timezone=None)
