"""Problems found in data files: collected, never raised one at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    entry: str
    message: str
    # "error": the data cannot be used safely; "warning": usable, but `validate` still fails on it
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.entry}" if self.entry else self.file
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "entry": self.entry, "message": self.message, "severity": self.severity}


class BundleError(Exception):
    """The data could not be loaded into a usable bundle."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more; run `marrowchat validate`)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}")
