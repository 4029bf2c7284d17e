"""Language-layer benchmark: precision/recall on the phrase corpus, and per-answer matching time on the
shipped knowledge base and on a synthetic one twenty times larger.

    python benchmarks/matcher.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import scaled  # noqa: E402

from marrowchat.core import models as m  # noqa: E402
from marrowchat.core.corpus import KINDS, score_corpus  # noqa: E402
from marrowchat.core.loading import load_bundle  # noqa: E402
from marrowchat.core.matcher import Matcher  # noqa: E402


def timings(matcher: Matcher, texts: list[str], repeat: int = 3) -> list[tuple[float, str]]:
    out = []
    for text in texts:
        best = min(_once(matcher, text) for _ in range(repeat))
        out.append((best, text))
    return out


def _once(matcher: Matcher, text: str) -> float:
    t0 = time.perf_counter()
    matcher.match(text)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    bundle = load_bundle(str(ROOT))
    corpus = m.PhraseCorpus.model_validate(yaml.safe_load((ROOT / "tests" / "corpus" / "phrases.yaml").read_text()))
    texts = [p.text for p in corpus.phrases]
    matcher = Matcher(bundle)
    score = score_corpus(bundle, matcher, corpus)
    shipped = timings(matcher, texts)
    t0 = time.perf_counter()
    big_bundle = scaled(bundle, 20)
    big = Matcher(big_bundle)
    build_big = time.perf_counter() - t0
    large = timings(big, texts, repeat=1)
    terms = len(matcher.terms)
    result = {
        **score.to_json(),
        "timing_ms": {
            "shipped": {"terms": terms, "median": statistics.median(t for t, _ in shipped) * 1e3,
                        "p99": sorted(t for t, _ in shipped)[int(len(shipped) * 0.99) - 1] * 1e3,
                        "max": max(shipped)[0] * 1e3, "slowest": max(shipped)[1][:120]},
            "x20": {"terms": len(big.terms), "build_s": build_big,
                    "median": statistics.median(t for t, _ in large) * 1e3,
                    "p99": sorted(t for t, _ in large)[int(len(large) * 0.99) - 1] * 1e3,
                    "max": max(large)[0] * 1e3, "slowest": max(large)[1][:120]},
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"phrase corpus: {score.phrases} phrases")
    print(f"{'kind':<12} {'tp':>5} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for kind in (*KINDS, "uncertain", "implausible"):
        t = score.tallies[kind]
        print(f"{kind:<12} {t.tp:>5} {t.fp:>4} {t.fn:>4} {t.precision:>10.3f} {t.recall:>8.3f}")
    o = score.overall
    print(f"{'overall':<12} {o.tp:>5} {o.fp:>4} {o.fn:>4} {o.precision:>10.3f} {o.recall:>8.3f}")
    print(f"negation scope errors: {score.scope_errors}/{score.boolean_expectations} = {score.scope_error_rate:.2%}")
    for name in ("shipped", "x20"):
        r = result["timing_ms"][name]
        print(f"matching time, {name} knowledge base ({r['terms']} terms): median {r['median']:.2f} ms, "
              f"p99 {r['p99']:.2f} ms, max {r['max']:.2f} ms")
        print(f"  slowest: {r['slowest']!r}")


if __name__ == "__main__":
    main()
