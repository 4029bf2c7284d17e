"""Hardening: random walks through the dialog, random data files, kills at random points, hostile text."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marrowchat.core import models as m
from marrowchat.core.engine import Engine, SessionState
from marrowchat.core.loading import Bundle, parse
from marrowchat.core.problems import Problem
from marrowchat.core.reasoner import rank
from marrowchat.core.report import render

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"

ANSWERS = ["1", "2", "3", "1,2", "yes", "no", "unknown", "skip", "8.1", "810", "45k", "fever", "no fever",
           "?splenomegaly", "Hb 8.1 plt 45k", "pegfilgrastim 5 days ago", "neither", "", "   ", "[bold]x[/]",
           "\x1b[31m\x00", "🦴", "حمى", "homogeneous", "focal", "blasts", "h/o TB", "mother had fever"]
ACTIONS = st.lists(st.one_of(st.sampled_from(ANSWERS).map(lambda t: ("answer", t)),
                             st.just(("back", "")), st.just(("skip", "")),
                             st.sampled_from(["fever", "hb", "pattern", "nothing"]).map(lambda n: ("edit", n))),
                   max_size=40)


def _walk(engine: Engine, actions: list[tuple[str, str]]) -> None:
    state = engine.new_session()
    for kind, arg in actions:
        if kind == "answer":
            state, snap = engine.answer(state, arg)
        elif kind == "back":
            state, snap = engine.back(state)
        elif kind == "skip":
            state, snap = engine.skip(state)
        else:
            state, snap = engine.edit(state, arg)
        # the incremental path and a fresh replay from the saved form agree
        fresh = Engine(engine.bundle).replay(SessionState.model_validate_json(state.model_dump_json()))
        assert [(f.finding, f.status, f.value) for f in fresh.facts] == [(f.finding, f.status, f.value) for f in snap.facts]
        assert (fresh.current.id if fresh.current else None) == (snap.current.id if snap.current else None)
        assert snap.current is None or snap.current.id in engine.nodes
        assert all(f.finding in engine.bundle.findings for f in snap.facts)
        ddx = rank(engine.bundle, snap.facts)
        assert abs(sum(r.probability for r in ddx.ranked) - 1) < 1e-9


@given(actions=ACTIONS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_random_walks_never_reach_an_invalid_state(actions: list[tuple[str, str]], fixture_bundle: Bundle) -> None:
    _walk(Engine(fixture_bundle), actions)


@given(actions=ACTIONS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_random_walks_on_the_shipped_dialog(actions: list[tuple[str, str]], shipped: Bundle) -> None:
    _walk(Engine(shipped), actions)


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["answers", "turns", "expect", "title", "top1", "top3", "id", "split", "vignette", "x",
                         "expected", "category", "source", "red_flags"]) | st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)


@given(data=YAMLISH)
@settings(max_examples=300, deadline=None)
def test_random_script_and_case_files_give_problems_not_exceptions(data: object) -> None:
    for model in (m.ReplayScript, m.Case, m.DialogTree, m.Condition, m.FindingsFile, m.RedFlagsFile):
        problems: list[Problem] = []
        out = parse(model, data, "x.yaml", problems)
        assert (out is None) == bool(problems)
        for p in problems:
            assert p.file == "x.yaml" and p.message


def _data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


BROKEN = {
    "broken yaml": ("knowledge/findings.yaml", "findings:\n  - {id: fever, label: [unclosed\n", "not valid YAML"),
    "wrong type": ("knowledge/conditions/gcsf.yaml", None, "lr_present"),
    "unknown key": ("knowledge/meta.yaml", 'version: "1"\ntitle: t\ndisclaimer: "a long enough disclaimer text"\nextra: 1\n',
                    "unknown key"),
    "dangling id": ("knowledge/red_flags.yaml", None, "unknown finding"),
    "duplicate id": ("knowledge/findings.yaml", "DUP", "duplicate finding id"),
    "huge file": ("knowledge/conditions/huge.yaml", "# " + "x" * (10 * 1024 * 1024), "bytes; data files are limited"),
    "deep nesting": ("knowledge/conditions/deep.yaml", "a: " + "[" * 300 + "]" * 300, "knowledge/conditions/deep.yaml"),
    "not utf-8": ("knowledge/conditions/bad.yaml", b"id: bad\nlabel: caf\xe9\n", "not UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_malformed_data_is_one_clear_message_and_exit_2(name: str, tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    rel, content, expected = BROKEN[name]
    path = data / rel
    if name == "wrong type":
        path.write_text(path.read_text().replace("lr_present: 5,", "lr_present: [5],"))
    elif name == "dangling id":
        path.write_text(path.read_text().replace("{present: anaemia}", "{present: anemia_typo}"))
    elif content == "DUP":
        path.write_text(path.read_text() + "  - {id: fever, label: Fever again, section: symptoms}\n")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        assert isinstance(content, str)
        path.write_text(content)
    proc = subprocess.run([sys.executable, "-m", "marrowchat", "assess", "fever", "--data-dir", str(data)],
                          capture_output=True, text=True, env={**os.environ, "MARROWCHAT_NO_CACHE": "1"})
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert expected in proc.stderr and rel in proc.stderr


def test_symlink_loop_data_dir_is_exit_2(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    proc = subprocess.run([sys.executable, "-m", "marrowchat", "validate", "--data-dir", str(loop)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "cannot be opened" in proc.stderr and "Traceback" not in proc.stderr


KILLER = textwrap.dedent("""
    import os, sys
    os.environ["MARROWCHAT_SESSIONS_DIR"] = sys.argv[1]
    from marrowchat.core.loading import load_bundle
    from marrowchat.core.engine import Engine
    from marrowchat.core.sessions import save
    e = Engine(load_bundle(sys.argv[2]))
    s = e.new_session()
    print(s.id, flush=True)
    for text in sys.argv[3:]:
        s, _ = e.answer(s, text)
        save(s)
        print(len(s.turns), flush=True)
""")

SCRIPT = ["1", "6.5", "2.0", "yes", "no", "8.1", "3", "no", "nothing else"] * 3


@pytest.mark.parametrize("seed", range(24))
def test_sigkill_at_random_points_loses_nothing_answered(seed: int, tmp_path: Path) -> None:
    import random

    from marrowchat.core.sessions import load

    folder = tmp_path / "s"
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(folder), str(FIXTURE), *SCRIPT],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    ident = proc.stdout.readline().strip()
    target = random.Random(seed).randint(0, len(SCRIPT))
    confirmed = 0
    while confirmed < target:
        line = proc.stdout.readline()
        if not line:
            break
        confirmed = int(line)
    time.sleep(random.Random(seed).random() * 0.01)  # kill mid-way through the next write, sometimes
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftovers = [p for p in folder.glob("*") if not p.name.endswith(".json")] if folder.exists() else []
    assert all(p.name.startswith(".") for p in leftovers)  # only temp files, never read as sessions
    if confirmed == 0 and not (folder / f"{ident}.json").exists():
        return
    state = load(ident, folder)
    assert len(state.turns) >= confirmed
    assert [t.text for t in state.turns] == SCRIPT[: len(state.turns)]
    json.loads((folder / f"{ident}.json").read_text())


PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "javascript:alert(1)", "</style><script>x</script>", "{{ 7*7 }}", "{% raw %}", "\x1b]8;;http://x\x07"]


def test_html_export_is_safe_with_payloads_in_every_user_field(fixture_bundle: Bundle) -> None:
    engine = Engine(fixture_bundle)
    turns = ["1"] + [f"fever {p}" for p in PAYLOADS] + [f"{p} Hb 8" for p in PAYLOADS]
    _, snap = engine.run_turns(turns)
    ddx = engine.differential(snap)
    unmatched = [u for o in snap.outcomes for u in o.unmatched]
    assert unmatched  # the payloads reach the report as "not understood" fragments
    html = render(fixture_bundle, snap.facts, ddx, "html", unmatched=unmatched)
    lowered = html.lower()
    for bad in ("<script", "<img", "<svg", "onerror=", "onload="):
        assert bad not in lowered.replace("&lt;script", "")
    assert "49" not in html.split("<body>")[1].split("References")[0] or "{{ 7*7 }}" not in html
    assert "\x1b" not in html and "\x07" not in html
