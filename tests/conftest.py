from __future__ import annotations

import os
from pathlib import Path

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle, load_bundle

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's real sessions; never pick up a stray data dir."""
    monkeypatch.setenv("MARROWCHAT_SESSIONS_DIR", str(tmp_path_factory.mktemp("sessions")))
    monkeypatch.setenv("MARROWCHAT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("MARROWCHAT_DATA_DIR", raising=False)


@pytest.fixture(scope="session")
def fixture_bundle() -> Bundle:
    return load_bundle(str(FIXTURE))


@pytest.fixture(scope="session")
def shipped() -> Bundle:
    return load_bundle(str(ROOT))


@pytest.fixture()
def fixture_engine(fixture_bundle: Bundle) -> Engine:
    return Engine(fixture_bundle)


@pytest.fixture(scope="session")
def engine(shipped: Bundle) -> Engine:
    return Engine(shipped)


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
