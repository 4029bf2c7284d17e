"""The matcher on the fixture vocabulary: terms, typos, numbers and units, negation and context."""

from __future__ import annotations

import pytest
from helpers import readings

from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher


@pytest.fixture(scope="module")
def matcher(fixture_bundle: Bundle) -> Matcher:
    return Matcher(fixture_bundle)


statuses = readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fever", {"fever": "present"}),
        ("no fever", {"fever": "absent"}),
        ("no fever or night sweats", {"fever": "absent", "night_sweats": "absent"}),
        ("denies fever but reports night sweats", {"fever": "absent", "night_sweats": "present"}),
        ("fever absent; splenomegaly present", {"fever": "absent", "splenomegaly": "present"}),
        ("no change in splenomegaly", {"splenomegaly": "present"}),
        ("no fever, Hb 8.1, on pegfilgrastim", {"fever": "absent", "hb": 8.1, "on_gcsf": "present"}),
        ("negative for fever", {"fever": "absent"}),
        ("Febrile.", {"fever": "present"}),
        ("splenomegally", {"splenomegaly": "present"}),
    ],
)
def test_boolean_phrases(matcher: Matcher, text: str, expected: dict[str, object]) -> None:
    assert statuses(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Hb 8.1", "hb", 8.1),
        ("haemoglobin 81 g/L", "hb", 8.1),
        ("Hb: 9.2 g/dL", "hb", 9.2),
        ("Hgb 81", "hb", 8.1),  # no unit: the first plausible unit
        ("SUVmax 5.2 vs liver 2.1", "suv", 5.2),
        ("SUVmax 5.2 vs liver 2.1", "liver_suv", 2.1),
        ("neulasta 5 days ago", "days_since_gcsf", 5.0),
        ("filgrastim last given 2 weeks ago", "days_since_gcsf", 14.0),
    ],
)
def test_numbers_and_units(matcher: Matcher, text: str, finding: str, value: float) -> None:
    found = statuses(matcher, text)
    assert found[finding] == pytest.approx(value)


def test_implausible_value_is_not_a_finding(matcher: Matcher) -> None:
    res = matcher.match("Hb 810")
    assert not res.findings
    assert res.implausible and res.implausible[0].finding == "hb"


def test_uncertainty_history_and_family(matcher: Matcher) -> None:
    res = matcher.match("?splenomegaly. h/o TB. Mother had fever")
    assert [e.finding for e in res.uncertain] == ["splenomegaly"]
    assert {e.finding: e.status for e in res.findings} == {"tb_history": "present"}
    assert [(e.finding, e.context) for e in res.set_aside] == [("fever", "family")]


def test_unmatched_is_reported(matcher: Matcher) -> None:
    res = matcher.match("fever and purple elephants")
    assert res.unmatched == ["purple elephants"]


def test_trace_has_span_term_and_trigger(matcher: Matcher) -> None:
    text = "patient denies night sweats"
    res = matcher.match(text)
    (ex,) = res.findings
    assert text[ex.span[0]:ex.span[1]] == "night sweats"
    assert ex.trigger is not None and ex.trigger.text == "denies"
    assert ex.to_json()["trigger"] == {"kind": "negation", "text": "denies", "span": [8, 14]}


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x1b[31m", "[bold]fever[/bold]", "🦴🔥 fever", "حمى fever", "fever\n" * 500])
def test_odd_input_never_crashes(matcher: Matcher, text: str) -> None:
    matcher.match(text)


def test_huge_input_is_refused_with_a_message(matcher: Matcher) -> None:
    res = matcher.match("fever " * 200_000)
    assert res.refused and "characters" in res.refused and not res.findings


def test_a_table_of_named_columns_keeps_its_length_and_reads_its_last_row() -> None:
    from marrowchat.core.text import columns_as_pairs
    table = "Time   T     HR   BP\n02:00  37.9  108  102/61\n06:00  38.7  121  88/52\nSpleen 14 cm"
    out = columns_as_pairs(table)
    assert len(out) == len(table) and out.endswith("\nSpleen 14 cm")
    assert "T 38.7," in out and "BP 88/52," in out and "37.9" not in out
    # prose, a row of a different width, or too little room: left as written
    for text in ("The patient was seen\n12 3 4", "Hb WBC Plt\n7.9 1.2 38", "Hb  WBC  Plt\n7.9  1.2"):
        assert columns_as_pairs(text) == text


def test_the_words_of_a_dated_dose_are_not_listed_as_not_understood(shipped: Bundle) -> None:
    res = Matcher(shipped).match("C6 day 1 was 04/15/2024, last filgrastim 04/21/2024. EXAM DATE: 06/02/2024.")
    assert {e.finding: e.value for e in res.findings if e.value is not None}.get("days_since_chemo") == 48.0
    assert not any("C6" in u or "DATE" in u for u in res.unmatched), res.unmatched


def test_reference_ranges_and_dated_rows_keep_the_text_length_and_leave_the_value() -> None:
    from marrowchat.core.text import latest_dated_rows, ranges_before_values
    report = "Ca (adj)         2.20-2.60    3.02    H\nCreatinine       60-110       248     H"
    out = ranges_before_values(report)
    assert len(out) == len(report) and "2.20" not in out and "60-110" not in out and "3.02" in out and "248" in out
    # a trend said in prose ("Hb 8-9.5"), with no value after it, is left as written
    assert ranges_before_values("Hb 8-9.5 g/dL, stable") == "Hb 8-9.5 g/dL, stable"
    rows = "Ferritin (ug/L):\n05/09   12,400\n07/09   24,900\n09/09   38,000\nTG 2.1"
    out = latest_dated_rows(rows)
    assert len(out) == len(rows) and out.startswith("Ferritin (ug/L):") and out.endswith("38,000\nTG 2.1")
    assert "12,400" not in out and "05/09" not in out and "09/09" not in out
    # rows that run backwards keep their first (newest) row; a heading with no name of its own is not one
    back = "Platelets:\n26/02/2024   52\n19/02/2024   96\n12/02/2024   178"
    assert "52" in latest_dated_rows(back) and "178" not in latest_dated_rows(back)
    assert latest_dated_rows("12/02:\n13/02  5\n14/02  6") == "12/02:\n13/02  5\n14/02  6"
