"""The phrase corpus: precision/recall targets of the language layer, and property tests of the matcher."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marrowchat.core.corpus import score_corpus
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher, get_matcher
from marrowchat.core.models import PhraseCorpus

CORPUS = Path(__file__).resolve().parent / "corpus" / "phrases.yaml"


@pytest.fixture(scope="module")
def corpus() -> PhraseCorpus:
    return PhraseCorpus.model_validate(yaml.safe_load(CORPUS.read_text()))


def test_corpus_is_large_enough(corpus: PhraseCorpus, shipped: Bundle) -> None:
    assert len(corpus.phrases) >= 300
    for p in corpus.phrases:
        for e in p.expect:
            assert e.finding in shipped.findings
            assert (e.status is None) != (e.value is None)


def test_precision_recall_and_scope(corpus: PhraseCorpus, shipped: Bundle) -> None:
    score = score_corpus(shipped, get_matcher(shipped), corpus)
    overall = score.overall
    report = "\n".join(f"{e.text[:80]!r}: missing {e.missing}, extra {e.extra}" for e in score.errors)
    assert overall.precision >= 0.97, report
    assert overall.recall >= 0.95, report
    assert score.scope_error_rate <= 0.02, report
    for kind in ("present", "absent", "value"):
        assert score.tallies[kind].precision >= 0.95, kind
        assert score.tallies[kind].recall >= 0.93, kind


ODD = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.lists(st.sampled_from(["[bold]", "[/]", "[link=x]", "\x1b[31m", "\x00", "\u202e", "حمى", "🦴", "no", "fever",
                              "Hb", "8.1", ",", ".", "?", "-", "12,500", ">", "mother", "h/o", "not", "g/L", "k"]),
             max_size=60).map(" ".join),
)


@given(text=ODD)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_matcher_never_crashes(text: str, shipped: Bundle) -> None:
    res = get_matcher(shipped).match(text)
    for ex in res.findings:
        assert ex.finding in shipped.findings
        assert 0 <= ex.span[0] <= ex.span[1]


def test_one_megabyte_paste_is_refused_before_it_is_read(shipped: Bundle) -> None:
    # refused on its length, so nothing in it is matched (how fast that is, benchmarks/ measures, not a timed test)
    matcher = Matcher(shipped)
    text = ("Diffuse marrow uptake, no fever. " * 40_000)[:1_000_000]
    res = matcher.match(text)
    assert res.refused is not None
    assert res.findings == []


def test_longest_accepted_paste_finishes(shipped: Bundle) -> None:
    matcher = Matcher(shipped)
    limit = shipped.language.max_input_chars
    text = ("FINDINGS: Diffuse homogeneous marrow uptake SUVmax 4.2, liver 2.1. No focal lesions. Spleen normal. ") * 200
    res = matcher.match(text[:limit])
    assert res.refused is None and res.findings
