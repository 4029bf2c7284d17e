"""The wheel carries the data and templates, once each, so a plain `pip install .` works."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contents(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("marrowchat-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n, c in Counter(names).items() if c > 1]
    assert "marrowchat/_data/dialogs/triage.yaml" in names
    assert "marrowchat/_data/knowledge/findings.yaml" in names
    conditions = [n for n in names if n.startswith("marrowchat/_data/knowledge/conditions/")]
    assert len(conditions) == len(list((ROOT / "knowledge" / "conditions").glob("*.yaml")))
    assert {"marrowchat/templates/report.md.j2", "marrowchat/templates/report.html.j2"} <= set(names)


def test_installed_layout_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a checkout or an override, the data comes from the package's _data folder."""
    import shutil

    from marrowchat.core import resources

    fake_pkg = tmp_path / "site" / "marrowchat"
    shutil.copytree(ROOT / "dialogs", fake_pkg / "_data" / "dialogs")
    shutil.copytree(ROOT / "knowledge", fake_pkg / "_data" / "knowledge")
    monkeypatch.setattr(resources, "__file__", str(fake_pkg / "core" / "resources.py"))
    monkeypatch.setattr(resources.resources, "files", lambda pkg: fake_pkg)
    root = resources.locate_data()
    assert root.origin == "installed"
