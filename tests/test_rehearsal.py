"""Rehearsal: the chart answers, scripted rehearsals pin the scoring, the screen works, progress is kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marrowchat.core import progress
from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.rehearsal import Rehearsal, RehearsalScript, RehearsalState
from marrowchat.tui.rehearse import RehearseApp, RehearseScreen
from marrowchat.tui.widgets import AnswerInput, BotBubble

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "rehearsals"


@pytest.fixture(scope="module")
def reh(shipped: Bundle) -> Rehearsal:
    return Rehearsal(Engine(shipped))


def load_script(name: str) -> RehearsalScript:
    import yaml

    return RehearsalScript.model_validate(yaml.safe_load((SCRIPTS / name).read_text()))


def test_the_chart_answers_questions(reh: Rehearsal) -> None:
    case = reh.pick("hlh_ebv_young_adult")
    chart = reh.chart(case)
    state = RehearsalState(case=case.id)
    state, a = reh.ask(chart, state, "ferritin?")
    assert a.answer.startswith("Ferritin: ") and a.cost == 2
    state, a = reh.ask(chart, state, "ferritin again?")
    assert a.cost == 0  # asking again is free
    state, a = reh.ask(chart, state, "anaemia?")
    assert a.answer.startswith("Haemoglobin: ")  # a derived finding is answered by its value
    state, a = reh.ask(chart, state, "the weather in Paris")
    assert "could not tell" in a.answer and a.cost == 0
    state, a = reh.ask(chart, state, "q 1")
    assert a.cost == 0  # the PET itself is free
    assert len(state.asked) == 4


def test_good_rehearsal_scores_high(reh: Rehearsal) -> None:
    _, _, score = reh.run_script(load_script("hlh_good.yaml"))
    assert score.top1 and score.rank == 1 and score.reciprocal_rank == 1.0
    assert not score.cant_miss_missed and not score.red_flags_missed
    assert score.points >= 80
    assert len(score.steps_matched) >= 3


def test_poor_rehearsal_says_why(reh: Rehearsal) -> None:
    _, _, score = reh.run_script(load_script("hlh_poor.yaml"))
    assert score.rank is None and not score.top3 and score.reciprocal_rank == 0
    assert "hlh" in score.cant_miss_missed
    assert "suspected_hlh" in score.red_flags_missed
    assert "calcium?" in score.tests_that_changed_nothing
    assert any("Fibrinogen" in x or "Haemophagocytosis" in x for x in score.discriminating_not_asked)
    assert score.points < 30


def test_reading_a_differential(reh: Rehearsal) -> None:
    ids, unknown = reh.read_differential("1. HLH 2) DLBCL, sepsis; purple disease")
    assert ids == ["hlh", "aggressive_lymphoma_marrow", "sepsis_bacteraemia"] and unknown == ["purple disease"]


def test_progress_summary(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    progress.record({"case": "a", "expected": "hlh", "points": 90, "top1": True, "top3": True, "rank": 1}, "x", path)
    progress.record({"case": "b", "expected": "mds", "points": 10, "top1": False, "top3": False, "rank": None}, "y", path)
    with path.open("a") as fh:
        fh.write('{"cut": ')  # a line cut by a crash is skipped
    rows = progress.load(path)
    summary = progress.summary(rows)
    assert summary["rehearsals"] == 2 and summary["most_missed"] == [("mds", 1)]
    assert summary["by_category"]["x"]["top1"] == 1.0
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "marrowchat", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_list_reveals_no_answers(shipped: Bundle) -> None:
    out = run("rehearse", "--list").stdout
    for case in shipped.cases.values():
        assert case.id not in out and shipped.conditions[case.expected].label not in out
    assert "malignant infiltration:" in out


def test_scripted_rehearsal_cli(tmp_path: Path) -> None:
    env = {"MARROWCHAT_PROGRESS_FILE": str(tmp_path / "p.jsonl")}
    proc = run("rehearse", "--script", str(SCRIPTS / "hlh_good.yaml"), "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["top1"] is True
    summary = json.loads(run("progress", "--json", env=env).stdout)
    assert summary["rehearsals"] == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("case: no_such_case\n")
    proc = run("rehearse", "--script", str(bad), env=env)
    assert proc.returncode == 2 and "no case" in proc.stderr and "Traceback" not in proc.stderr
    assert run("rehearse", env=env).returncode == 2


async def test_rehearsal_screen(reh: Rehearsal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARROWCHAT_PROGRESS_FILE", str(tmp_path / "p.jsonl"))
    app = RehearseApp(reh, reh.pick("hlh_ebv_young_adult"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RehearseScreen)

        async def say(text: str) -> str:
            screen.query_one(AnswerInput).value = text
            await pilot.press("enter")
            await pilot.pause()
            return list(screen.query(BotBubble))[-1].source

        assert "Ferritin" in await say("ferritin?")
        assert "Dialog questions" in await say("/questions")
        assert "What you have learnt" in await say("/asked")
        assert "ranked differential" in await say("/commit")
        assert "I read your differential" in await say("HLH, sepsis")
        assert "next steps" in await say("")
        await say("HScore, marrow aspirate, haematology today")
        text = " ".join(b.source for b in screen.query(BotBubble))
        assert "Score:" in text and "Teaching point" in text
    assert progress.load(tmp_path / "p.jsonl")[0]["case"] == "hlh_ebv_young_adult"
