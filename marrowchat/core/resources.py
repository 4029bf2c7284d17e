"""Where the data lives: an explicit directory, the source checkout, or the installed package."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

ENV_VAR = "MARROWCHAT_DATA_DIR"


class DataDirError(Exception):
    """The data directory cannot be used; the message says why."""


@dataclass(frozen=True)
class DataRoot:
    """A root holding `dialogs/` and `knowledge/`, and how it was found."""

    root: Traversable
    origin: str  # "explicit", "environment", "checkout", "installed"

    def __str__(self) -> str:
        return f"{self.root} ({self.origin})"


def _check_dir(path: Path, origin: str) -> DataRoot:
    try:
        resolved = path.expanduser().resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop on some Pythons
        raise DataDirError(f"data directory {path} cannot be opened: {exc.__class__.__name__}: {exc}") from None
    if not resolved.is_dir():
        raise DataDirError(f"data directory {path} is not a directory")
    missing = [name for name in ("dialogs", "knowledge") if not (resolved / name).is_dir()]
    if missing:
        raise DataDirError(f"data directory {path} has no {' or '.join(n + '/' for n in missing)}")
    return DataRoot(resolved, origin)


def locate_data(explicit: str | os.PathLike[str] | None = None) -> DataRoot:
    """Find the data: ``explicit`` > $MARROWCHAT_DATA_DIR > source checkout > installed package."""
    if explicit is not None and str(explicit) != "":
        return _check_dir(Path(explicit), "explicit")
    env = os.environ.get(ENV_VAR)
    if env:
        return _check_dir(Path(env), "environment")
    checkout = Path(__file__).resolve().parent.parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "dialogs").is_dir() and (checkout / "knowledge").is_dir():
        return DataRoot(checkout, "checkout")
    installed = resources.files("marrowchat").joinpath("_data")
    if installed.joinpath("knowledge").is_dir() and installed.joinpath("dialogs").is_dir():
        return DataRoot(installed, "installed")
    raise DataDirError(
        "no marrowchat data found: pass --data-dir or set MARROWCHAT_DATA_DIR to a folder with dialogs/ and knowledge/"
    )
