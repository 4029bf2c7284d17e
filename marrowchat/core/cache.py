"""A cache of the loaded, validated and indexed bundle, so that start-up does not parse and check every
YAML file each time. The cache key is every data file's path, size and modification time plus the
marrowchat version; any change to the data or the program makes a new entry. Files are written
atomically with mode 0600 in the user cache folder (platformdirs), or $MARROWCHAT_CACHE_DIR.
MARROWCHAT_NO_CACHE=1 turns it off."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from marrowchat import __version__
from marrowchat.core.loading import Bundle, load_bundle
from marrowchat.core.matcher import get_matcher
from marrowchat.core.resources import locate_data


def cache_dir() -> Path:
    override = os.environ.get("MARROWCHAT_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir("marrowchat", appauthor=False))


def _fingerprint(root: Path) -> str | None:
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{root}".encode())
    try:
        # the code that built the cached indexes is part of the key too (it changes between releases and
        # in a development checkout)
        for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
            st = path.stat()
            digest.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        for folder in ("dialogs", "knowledge"):
            for path in sorted((root / folder).rglob("*")):
                if path.is_file():
                    st = path.stat()
                    digest.update(f"{path.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def load_bundle_cached(data_dir: str | None = None) -> Bundle:
    """Like :func:`load_bundle` (same errors), but served from the cache when the data has not changed."""
    if os.environ.get("MARROWCHAT_NO_CACHE"):
        return load_bundle(data_dir)
    root = locate_data(data_dir)
    if not isinstance(root.root, Path):  # inside a zip or another loader: no stable file times
        return load_bundle(data_dir)
    key = _fingerprint(root.root)
    if key is None:
        return load_bundle(data_dir)
    target = cache_dir() / f"bundle-{key}.pickle"
    try:
        with target.open("rb") as fh:
            bundle = pickle.load(fh)
        if isinstance(bundle, Bundle):
            bundle.root = root
            return bundle
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    bundle = load_bundle(data_dir)  # validates; raises BundleError on broken data (never cached)
    get_matcher(bundle)  # build the indexes now so that they are cached too
    from marrowchat.core.facts import _plan
    from marrowchat.core.reasoner import _index

    _plan(bundle)
    _index(bundle)
    _store(target, bundle)
    return bundle


def _store(target: Path, bundle: Bundle) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in target.parent.glob("bundle-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".bundle-", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o600)
            pickle.dump(bundle, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # a cache that cannot be written only costs time
