"""A problem found in a practice record, and its one-line Dutch rendering."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One validation finding: where (path, line, column, field) and what."""

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """`path:line:col: field: severity: message` plus an indented hint line."""
        text = f"{self.path}:{self.line}:{self.col}: {self.field}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    tip: {self.hint}"
        return text

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.field, self.message)
