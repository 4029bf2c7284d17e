"""The CLI as a user meets it: real processes, exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
SCRIPTS = sorted((ROOT / "tests" / "scripts").glob("*.yaml"))


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    import os

    full_env = {**os.environ, **(env or {})}
    full_env.pop("MARROWCHAT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "marrowchat", *args], capture_output=True, text=True,
                          input=stdin, env=full_env, timeout=timeout)


def assert_clean_error(proc: subprocess.CompletedProcess[str], code: int = 2) -> None:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("marrowchat, version")
    for cmd in ("assess", "replay", "validate", "schema", "eval"):
        proc = run(cmd, "--help")
        assert proc.returncode == 0 and "Usage:" in proc.stdout


def test_assess_json_contract() -> None:
    proc = run("assess", "--json", "no fever, Hb 8.1, on pegfilgrastim 5 days ago, homogeneous uptake")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"findings", "differential", "red_flags", "unmatched", "knowledge_version", "disclaimer"}
    by_id = {f["id"]: f for f in data["findings"]}
    assert by_id["fever"]["status"] == "absent" and by_id["hb"]["value"] == 8.1 and by_id["hb"]["unit"] == "g/dL"
    assert by_id["gcsf_exposure"]["status"] == "present"
    for f in data["findings"]:
        assert {"id", "label", "status", "text"} <= set(f)
    ddx = data["differential"]
    assert ddx[0]["id"] == "gcsf_effect"
    assert abs(sum(d["probability"] for d in ddx) - 1) < 0.01
    assert {"id", "label", "category", "probability", "for", "against", "management"} <= set(ddx[0])
    assert all({"finding", "weight"} <= set(x) for x in ddx[0]["for"])


def test_assess_reads_stdin() -> None:
    proc = run("assess", "-", stdin="fever, blasts on the film, Hb 7.2")
    assert proc.returncode == 0
    assert "Acute leuk" in proc.stdout and "RED FLAGS" in proc.stdout


def test_assess_without_text_and_without_pipe_is_usage_error() -> None:
    proc = subprocess.run([sys.executable, "-m", "marrowchat", "assess"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    # a non-tty empty stdin is read as empty text: no findings, still a report
    assert proc.returncode == 0


def test_assess_huge_text_is_refused() -> None:
    proc = run("assess", "-", stdin="fever " * 200_000)
    assert_clean_error(proc)
    assert "characters" in proc.stderr


def test_replay_scripts_pass() -> None:
    proc = run("replay", *map(str, SCRIPTS))
    assert proc.returncode == 0, proc.stdout
    assert f"{len(SCRIPTS)} passed, 0 failed" in proc.stdout


def test_replay_failed_expectation_exits_1(tmp_path: Path) -> None:
    script = tmp_path / "wrong.yaml"
    script.write_text("answers:\n  fever: 'yes'\nexpect:\n  top1: myeloma\n")
    proc = run("replay", str(script))
    assert proc.returncode == 1 and "top1: expected myeloma" in proc.stdout


def test_replay_json(tmp_path: Path) -> None:
    proc = run("replay", "--json", str(SCRIPTS[0]))
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and data[0]["ok"] is True and data[0]["differential"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("answers: [unclosed", "not valid YAML"),
        ("answers:\n  no_such_node: 'yes'\n", "no such dialog node"),
        ("title: nothing\n", "neither `answers` nor `turns`"),
        ("answerz:\n  fever: 'yes'\n", "unknown key"),
    ],
)
def test_replay_bad_script_is_usage_error(tmp_path: Path, content: str, message: str) -> None:
    script = tmp_path / "bad.yaml"
    script.write_text(content)
    proc = run("replay", str(script))
    assert_clean_error(proc)
    assert message in proc.stderr and "bad.yaml" in proc.stderr


def test_replay_missing_file() -> None:
    proc = run("replay", "/nonexistent/x.yaml")
    assert_clean_error(proc)
    assert "no such file" in proc.stderr


def test_validate_shipped_and_fixture() -> None:
    proc = run("validate", "--data-dir", str(FIXTURE))
    assert proc.returncode == 0 and "no problems" in proc.stdout


def test_validate_reports_problems_with_exit_1(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "d"
    shutil.copytree(FIXTURE, data)
    cond = data / "knowledge" / "conditions" / "gcsf.yaml"
    cond.write_text(cond.read_text().replace("finding: on_gcsf", "finding: on_gcfs"))
    proc = run("validate", "--data-dir", str(data))
    assert proc.returncode == 1
    assert "knowledge/conditions/gcsf.yaml:evidence[on_gcfs]: unknown finding 'on_gcfs' (did you mean 'on_gcsf'?)" in proc.stdout
    data_json = json.loads(run("validate", "--json", "--data-dir", str(data)).stdout)
    assert data_json["ok"] is False and data_json["problems"][0]["file"] == "knowledge/conditions/gcsf.yaml"


def test_bad_data_dir_is_usage_error(tmp_path: Path) -> None:
    proc = run("assess", "fever", "--data-dir", str(tmp_path / "nope"))
    assert_clean_error(proc)
    assert proc.stderr.startswith("marrowchat: data directory")


def test_broken_data_stops_other_commands_cleanly(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "d"
    shutil.copytree(FIXTURE, data)
    (data / "knowledge" / "findings.yaml").write_bytes(b"\xff\xfe garbage")
    proc = run("assess", "fever", "--data-dir", str(data))
    assert_clean_error(proc)
    assert "knowledge/findings.yaml" in proc.stderr and "UTF-8" in proc.stderr


def test_env_data_dir() -> None:
    proc = run("validate", env={"MARROWCHAT_DATA_DIR": str(FIXTURE)})
    assert proc.returncode == 0 and "fixture-1" in proc.stdout


def test_unknown_option_and_command_are_exit_2() -> None:
    assert_clean_error(run("assess", "--bogus"))
    assert_clean_error(run("frobnicate"))


def test_schema_prints_json_schema() -> None:
    proc = run("schema", "condition")
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"] == "Condition"
    assert set(json.loads(run("schema").stdout)) >= {"dialog", "findings", "script", "case"}


def test_eval_runs_and_floors(tmp_path: Path) -> None:
    # (the whole library is run once, below: here a few cases show the floor's exit code and a bad name's answer)
    few = ("aosd_classic_triad", "aplastic_anaemia_cold_marrow", "b_esa_aranesp_ckd")
    proc = run("eval", "--json", *few)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["assess"]["all"]["n"] == 3
    proc = run("eval", "--min-top3", "1.0", *few)
    assert proc.returncode in (0, 1)
    assert_clean_error(run("eval", "--min-top3", "1.01", *few))  # a floor outside 0-1 is a usage error
    assert_clean_error(run("eval", "no_such_case"))


def test_eval_shares_cases_between_processes_with_the_same_result(shipped) -> None:  # type: ignore[no-untyped-def]
    from marrowchat.core.engine import Engine
    from marrowchat.core.evaluation import evaluate_cases, evaluate_cases_parallel

    cases = list(shipped.cases.values())[:120]
    one = evaluate_cases(Engine(shipped), cases)
    two = evaluate_cases_parallel(Engine(shipped), cases, jobs=2)
    assert [(r.case.id, r.route, r.rank, r.top3, r.flags_fired) for r in one.runs] == \
        [(r.case.id, r.route, r.rank, r.top3, r.flags_fired) for r in two.runs]
    assert one.summary() == two.summary()


def test_eval_floor_on_the_case_library() -> None:
    """CI keeps a floor under the knowledge base: both routes, all cases (the library's ~6800 cases take about seven
    minutes on one core, so they are shared between two processes)."""
    proc = run("eval", "--json", "--min-top3", "0.9", "--jobs", "2", timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert json.loads(proc.stdout)["summary"]["assess"]["all"]["n"] >= 40
