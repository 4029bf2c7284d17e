"""What the assistant says: pure functions over the engine's snapshots."""

from __future__ import annotations

from marrowchat.core import conversation as talk
from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle


def test_question_shows_choices_and_hint(fixture_engine: Engine) -> None:
    snap = fixture_engine.replay(fixture_engine.new_session())
    text = talk.question(fixture_engine, snap)
    assert "**Uptake**" in text and "1. Homogeneous" in text and "a number" in text


def test_acknowledge_says_what_was_recorded_and_not_understood(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["no fever, Hb 8.1, ?splenomegaly, purple elephants, h/o TB, Hb 810"])
    assert snap.last is not None
    text = talk.acknowledge(fixture_engine.bundle, snap.last)
    assert "Fever: **absent**" in text and "Haemoglobin **8.1 g/dL**" in text
    assert "with uncertainty" in text and "purple elephants" in text and "outside the plausible range" in text


def test_derived_note(fixture_engine: Engine) -> None:
    state, before = fixture_engine.run_turns(["1"])
    _, after = fixture_engine.answer(state, "SUVmax 5 vs liver 2")
    note = talk.derived_note(fixture_engine.bundle, before, after)
    assert r"Marrow/liver ratio 2\.5" in note and "Marrow above liver" in note  # Markdown-escaped


def test_why_says_what_an_answer_would_change(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "5", "2"])
    text = talk.why(fixture_engine, snap)
    assert "Why I ask" in text and "If Fever is **present**" in text


def test_explain_teaches_why_a_cause_ranks_low(shipped: Bundle) -> None:
    text = talk.explain(shipped, "aplastic anemia")
    assert "grade D" in text and ("cold" in text.lower() or "hypometabolic" in text.lower())
    assert "know no condition" in talk.explain(shipped, "purple disease")


def test_too_long(fixture_bundle: Bundle) -> None:
    assert talk.too_long(fixture_bundle, "fever") is None
    assert "I read at most" in (talk.too_long(fixture_bundle, "x" * 100_000) or "")


def test_edit_finds_the_answered_question(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "5", "2", "yes"])
    node = talk.find_answered_node(fixture_engine, snap, "fever")
    assert node is not None and node.id == "fever"
    assert talk.find_answered_node(fixture_engine, snap, "zzz") is None


def test_a_word_not_understood_twice_is_listed_once(fixture_engine: Engine) -> None:
    # "[bold]no bone pain[/bold]": the markup's word comes twice, and the reply names it once
    _, snap = fixture_engine.run_turns(["[bold]purple elephants[/bold]"])
    assert snap.last is not None
    text = talk.acknowledge(fixture_engine.bundle, snap.last)
    assert text.count("“bold”") == 1, text
