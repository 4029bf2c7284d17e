"""marrowchat benchmarks: what users feel, measured against the machine's own baselines.

    python benchmarks/run.py [--json] [--quick]

- start-up: time to the first question on screen (headless `run_test`, a whole process) and `marrowchat assess`
  as a whole process, beside `python -c pass` and `python -c "import textual.app"` measured in the same run;
- per-turn engine time (match + reason + explain) p50/p99 over the case library, and replay throughput in cases
  per second on one core and on all cores;
- scaling with synthetic knowledge bases 10x and 100x the shipped one: per-turn time and peak memory;
- rapidfuzz against the standard library's difflib for the same matching work.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


from marrowchat.core.engine import Engine  # noqa: E402
from marrowchat.core.loading import Bundle, load_bundle  # noqa: E402
from marrowchat.core.report import render  # noqa: E402

FIRST_QUESTION = """
import asyncio, sys
sys.path.insert(0, {root!r})
from marrowchat.core.cache import load_bundle_cached
from marrowchat.tui.app import MarrowChatApp
from marrowchat.tui.widgets import BotBubble

async def main():
    app = MarrowChatApp(load_bundle_cached({root!r}), persist=False)
    async with app.run_test(size=(100, 30)) as pilot:
        while not any("Uptake" in b.source for b in app.screen.query(BotBubble)):
            await pilot.pause(0.005)
asyncio.run(main())
"""

PARAGRAPH = ("68M DLBCL s/p R-CHOP c3 d11, pegfilgrastim 9 days ago. PET: homogeneous diffuse marrow uptake, SUVmax "
             "4.6 vs liver 2.1, no focal lesions, spleen mildly avid. Afebrile, no night sweats. Hb 9.8, WBC 12.4, "
             "plt 150, ferritin 420, CRP 8.")


def _proc(args: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - t0


def startup(repeats: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    py = sys.executable
    runs: dict[str, list[float]] = {"python -c pass": [], "import textual.app": [], "first question on screen": [],
                                    "marrowchat assess (process)": []}
    for _ in range(repeats):  # interleaved, so drift hits every command alike
        runs["python -c pass"].append(_proc([py, "-c", "pass"], env))
        runs["import textual.app"].append(_proc([py, "-c", "import textual.app"], env))
        runs["first question on screen"].append(_proc([py, "-c", FIRST_QUESTION.format(root=str(ROOT))], env))
        runs["marrowchat assess (process)"].append(_proc([py, "-m", "marrowchat", "assess", PARAGRAPH], env))
    med = {k: statistics.median(v) for k, v in runs.items()}
    return {"median_s": med,
            "first_question_vs_import_textual": med["first question on screen"] / med["import textual.app"],
            "assess_vs_python": med["marrowchat assess (process)"] / med["python -c pass"]}


def _turn_times(engine: Engine, cases: list[Any]) -> list[float]:
    times = []
    for case in cases:
        state = engine.new_session()
        snap = engine.replay(state)
        for _ in range(200):
            if snap.current is None and snap.pending is None:
                break
            text = "neither" if snap.pending else case.answers.get(snap.current.id, "unknown")  # type: ignore[union-attr]
            t0 = time.perf_counter()
            state, snap = engine.answer(state, text)
            ddx = engine.differential(snap)
            render(engine.bundle, snap.facts, ddx, "md", top=5, references=False)
            times.append(time.perf_counter() - t0)
            if snap.current is not None and not snap.pending and snap.last and not snap.last.answered:
                state, snap = engine.skip(state)
    return times


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


PER_TURN_CASES = 300  # an even sample of the library, so the benchmark's cost does not grow with the case library


def per_turn(bundle: Bundle) -> dict[str, float]:
    engine = Engine(bundle)
    everything = sorted(bundle.cases.values(), key=lambda c: c.id)
    cases = everything[::max(1, len(everything) // PER_TURN_CASES)]
    _turn_times(engine, cases[:3])  # warm caches
    times = _turn_times(Engine(bundle), cases)
    return {"turns": len(times), "p50_ms": _pct(times, 0.5) * 1e3, "p99_ms": _pct(times, 0.99) * 1e3}


def _replay_chunk(args: tuple[str, list[str]]) -> int:
    root, ids = args
    bundle = load_bundle(root)
    engine = Engine(bundle)
    for cid in ids:
        _, snap = engine.run_answers(dict(bundle.cases[cid].answers))
        engine.differential(snap)
    return len(ids)


def throughput(bundle: Bundle, rounds: int) -> dict[str, float]:
    engine = Engine(bundle)
    cases = list(bundle.cases.values())
    engine.run_answers(dict(cases[0].answers))  # warm
    t0 = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for case in cases:
            _, snap = engine.run_answers(dict(case.answers))
            engine.differential(snap)
            n += 1
    one = n / (time.perf_counter() - t0)
    cores = os.cpu_count() or 1
    ids = [c.id for c in cases] * rounds * 4
    chunks = [(str(ROOT), ids[i::cores]) for i in range(cores)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(cores) as pool:
        done = sum(pool.map(_replay_chunk, chunks))
    everyone = done / (time.perf_counter() - t0)
    return {"one_core_cases_per_s": one, "all_cores_cases_per_s": everyone, "cores": cores}


SCALE_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from synthetic import scaled
from run import per_turn
from marrowchat.core.loading import load_bundle
t0 = time.perf_counter()
bundle = scaled(load_bundle({root!r}), {factor})
build = time.perf_counter() - t0
from marrowchat.core.engine import build_indexes
build_indexes(bundle); import gc; gc.freeze()  # as the CLI does after loading
out = per_turn(bundle)
out.update(factor={factor}, build_s=build, findings=len(bundle.findings), conditions=len(bundle.conditions),
           terms=sum(len(f.synonyms) for f in bundle.findings.values()) + sum(len(v.terms) for v in bundle.vocabulary),
           peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""


def scaling(factors: list[int]) -> list[dict[str, Any]]:
    rows = []
    for factor in factors:
        code = SCALE_CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), factor=factor)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return rows


def difflib_baseline(bundle: Bundle) -> dict[str, float]:
    """The fuzzy step alone: rapidfuzz's extract against difflib.get_close_matches over the same choices."""
    import difflib

    from rapidfuzz import fuzz, process, utils

    from marrowchat.core.matcher import get_matcher

    matcher = get_matcher(bundle)
    choices = matcher._fuzzy_processed
    queries = ["splenomegally", "ferittin", "filgrastin", "haemaglobin", "thrombocytopaenia", "lymphadenopaty",
               "hepatosplenomegally", "pegfilgastrim", "neutrophillia", "hypercalcaemea"] * 3
    t0 = time.perf_counter()
    for q in queries:
        process.extract(utils.default_process(q), choices, scorer=fuzz.ratio, processor=None, score_cutoff=85, limit=5)
    fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    for q in queries:
        difflib.get_close_matches(q, choices, n=5, cutoff=0.85)
    slow = time.perf_counter() - t0
    return {"queries": len(queries), "choices": len(choices), "rapidfuzz_ms_per_query": fast / len(queries) * 1e3,
            "difflib_ms_per_query": slow / len(queries) * 1e3, "difflib_over_rapidfuzz": slow / fast}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (for a smoke run)")
    args = parser.parse_args()
    bundle = load_bundle(str(ROOT))
    import gc

    from marrowchat.core.engine import build_indexes

    build_indexes(bundle)
    gc.freeze()  # as the CLI does after loading
    result = {
        "startup": startup(2 if args.quick else 5),
        "per_turn_shipped": per_turn(bundle),
        "throughput": throughput(bundle, 1 if args.quick else 4),
        "scaling": scaling([10] if args.quick else [10, 100]),
        "matching_baseline": difflib_baseline(bundle),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    s = result["startup"]
    print("start-up (median of whole processes)")
    for name, value in s["median_s"].items():
        print(f"  {name:<30} {value * 1e3:8.0f} ms")
    print(f"  first question / import textual.app   {s['first_question_vs_import_textual']:.2f}x   (target ≤ 2x)")
    print(f"  assess process / python -c pass       {s['assess_vs_python']:.2f}x")
    t = result["per_turn_shipped"]
    print(f"\nper turn, shipped knowledge base (match + reason + explain, {t['turns']} turns over an even sample of the case library)")
    print(f"  p50 {t['p50_ms']:.2f} ms   p99 {t['p99_ms']:.2f} ms   (target p99 < 10 ms)")
    r = result["throughput"]
    print(f"\nreplay throughput: {r['one_core_cases_per_s']:.0f} cases/s on one core (target ≥ 500), "
          f"{r['all_cores_cases_per_s']:.0f} cases/s on {r['cores']} cores")
    print("\nscaling (synthetic knowledge bases)")
    print(f"  {'size':<6} {'findings':>8} {'conditions':>10} {'terms':>7} {'p50 ms':>8} {'p99 ms':>8} {'peak MB':>8}")
    base = t
    print(f"  {'1x':<6} {len(bundle.findings):>8} {len(bundle.conditions):>10} {'':>7} {base['p50_ms']:>8.2f} "
          f"{base['p99_ms']:>8.2f} {'':>8}")
    for row in result["scaling"]:
        print(f"  {str(row['factor']) + 'x':<6} {row['findings']:>8} {row['conditions']:>10} {row['terms']:>7} "
              f"{row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} {row['peak_mb']:>8.0f}")
    print("  (target p99 < 50 ms at 100x)")
    b = result["matching_baseline"]
    print(f"\nfuzzy matching over {b['choices']} terms: rapidfuzz {b['rapidfuzz_ms_per_query']:.3f} ms/query, "
          f"difflib {b['difflib_ms_per_query']:.1f} ms/query — difflib is {b['difflib_over_rapidfuzz']:.0f}x slower")


if __name__ == "__main__":
    main()
