"""Sessions on disk: one JSON file per session, written atomically (temp file + rename), mode 0600."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import ValidationError

from marrowchat.core.engine import SessionState

ENV_VAR = "MARROWCHAT_SESSIONS_DIR"


def sessions_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else Path(user_data_dir("marrowchat", appauthor=False)) / "sessions"


def save(state: SessionState, folder: Path | None = None) -> Path:
    folder = folder or sessions_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{state.id}.json"
    fd, tmp = tempfile.mkstemp(prefix=f".{state.id}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(state.model_dump_json(indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


class SessionError(Exception):
    pass


def load(ident: str, folder: Path | None = None) -> SessionState:
    folder = folder or sessions_dir()
    path = Path(ident) if ident.endswith(".json") else folder / f"{ident}.json"
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionError(f"no session {ident!r} in {folder}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(f"session {ident!r} cannot be read: {exc}") from None
    try:
        return SessionState.model_validate(json.loads(data))
    except (ValueError, ValidationError) as exc:
        raise SessionError(f"session file {path} is damaged: {str(exc).splitlines()[0]}") from None


def list_sessions(folder: Path | None = None) -> list[tuple[SessionState, Path]]:
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.json"):
        try:
            out.append((load(str(path)), path))
        except SessionError:
            continue
    out.sort(key=lambda sp: sp[1].stat().st_mtime, reverse=True)
    return out
