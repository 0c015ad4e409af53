"""The one error type of the ingest stage. It is yielded as a value, so a bad input never stops a run."""
from __future__ import annotations

# How every size error ends. Library callers raise the limit with read_inputs(max_bytes=...).
RAISE_LIMIT = "raise the limit with --max-size MB"


class InputError(Exception):
    """A file or record that could not be read as an article.

    ``source`` is the path (or "path:line" for one record of a corpus), ``message`` says what is
    wrong in one line, ``kind`` is a short machine-readable reason (missing, empty, binary, encoding,
    too_large, no_text, bad_record, bad_date, unreadable, no_inputs, url).
    """

    def __init__(self, source: str, message: str, kind: str = "invalid") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def __repr__(self) -> str:
        return f"InputError({self.source!r}, {self.message!r}, kind={self.kind!r})"

    def __reduce__(self):  # picklable, so errors can travel between worker processes
        return (InputError, (self.source, self.message, self.kind))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, InputError)
                and (self.source, self.message, self.kind) == (other.source, other.message, other.kind))

    def __hash__(self) -> int:
        return hash((self.source, self.message, self.kind))
