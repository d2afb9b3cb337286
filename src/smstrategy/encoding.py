"""Text that may come as bytes: files are read as UTF-8, and a file that is not says so."""

from __future__ import annotations

from typing import TypeVar, overload

from smstrategy.exceptions import StructureError

__all__ = ["utf8_text"]

T = TypeVar("T")


@overload
def utf8_text(data: bytes) -> str: ...
@overload
def utf8_text(data: T) -> T: ...
def utf8_text(data: object) -> object:
    """Return *data* decoded as UTF-8 when it is bytes, and as it came otherwise.

    Bytes that are not UTF-8 raise :class:`~smstrategy.exceptions.StructureError`;
    a byte order mark is kept, for the reader to drop.
    """
    if not isinstance(data, bytes):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise StructureError([f"the file is not UTF-8 text ({e.reason})"]) from None
