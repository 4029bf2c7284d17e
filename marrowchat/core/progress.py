"""A trainee's results over time, kept locally (one JSON line per finished rehearsal)."""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir


def progress_file() -> Path:
    override = os.environ.get("MARROWCHAT_PROGRESS_FILE")
    return Path(override) if override else Path(user_data_dir("marrowchat", appauthor=False)) / "progress.jsonl"


def record(result: dict[str, Any], category: str, path: Path | None = None) -> None:
    path = path or progress_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    line = json.dumps({"at": datetime.now(UTC).isoformat(timespec="seconds"), "category": category, **result})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def load(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or progress_file()
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # a line cut by a crash: skip it
        if isinstance(row, dict) and "case" in row and "points" in row:
            rows.append(row)
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_cat[r.get("category", "?")].append(r)
    missed = Counter(r["expected"] for r in rows if not r.get("top3"))
    return {
        "rehearsals": len(rows),
        "recent": [{"at": r["at"], "case": r["case"], "points": r["points"], "rank": r.get("rank")} for r in rows[-10:]],
        "by_category": {cat: {"n": len(rs), "top1": sum(bool(r.get("top1")) for r in rs) / len(rs),
                              "top3": sum(bool(r.get("top3")) for r in rs) / len(rs),
                              "mean_points": sum(r["points"] for r in rs) / len(rs)} for cat, rs in sorted(by_cat.items())},
        "most_missed": missed.most_common(5),
    }
