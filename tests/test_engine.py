"""The dialog engine: a pure function of the turns."""

from __future__ import annotations

from marrowchat.core.engine import Engine, SessionState


def ids(engine: Engine, state: SessionState) -> str | None:
    snap = engine.replay(state)
    return snap.current.id if snap.current else None


def test_walks_the_tree_in_order(fixture_engine: Engine) -> None:
    state = fixture_engine.new_session()
    assert ids(fixture_engine, state) == "pattern"
    state, snap = fixture_engine.answer(state, "1")
    assert snap.facts.status("homogeneous") == "present" and snap.facts.status("focal") == "absent"
    assert snap.current is not None and snap.current.id == "suv"


def test_number_node_takes_bare_numbers_and_computes_ratio(fixture_engine: Engine) -> None:
    _state, snap = fixture_engine.run_turns(["homogeneous", "5.0", "2.0"])
    assert snap.facts.value("ratio") == 2.5
    assert snap.facts.status("above_liver") == "present"
    assert snap.facts.items["above_liver"].via == "Marrow/liver ratio 2.5 ratio > 1"


def test_unknown_records_nothing_and_moves_on(fixture_engine: Engine) -> None:
    _state, snap = fixture_engine.run_turns(["unknown"])
    assert len(snap.facts) == 0 and snap.current is not None and snap.current.id == "suv"


def test_free_text_early_skips_later_questions(fixture_engine: Engine) -> None:
    _state, snap = fixture_engine.run_turns(["homogeneous", "no fever or night sweats, SUVmax 4", "2"])
    # fever and sweats were given early: never asked
    assert snap.current is not None and snap.current.id == "hb"
    assert "fever" in snap.path and "sweats" in snap.path


def test_yes_no(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "4", "2", "yes", "nope"])
    assert snap.facts.status("fever") == "present" and snap.facts.status("night_sweats") == "absent"


def test_unclear_answer_repeats_the_question(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "4", "2", "purple"])
    assert snap.current is not None and snap.current.id == "fever"
    assert snap.last is not None and snap.last.problem == "not yes or no"


def test_multi_choice(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "4", "2", "no", "no", "12", "1,2"])
    assert snap.facts.status("splenomegaly") == "present" and snap.facts.status("splenic_lesions") == "present"


def test_branch_follows_answer(fixture_engine: Engine) -> None:
    base = ["1", "4", "2", "no", "no", "12", "3"]
    _, snap = fixture_engine.run_turns([*base, "yes"])
    assert snap.current is not None and snap.current.id == "gcsf_days"
    _, snap = fixture_engine.run_turns([*base, "no"])
    assert snap.current is not None and snap.current.id == "notes"


def test_back_skip_edit(fixture_engine: Engine) -> None:
    state, snap = fixture_engine.run_turns(["1", "4"])
    state, snap = fixture_engine.back(state)
    assert snap.current is not None and snap.current.id == "suv" and snap.facts.value("suv") is None
    state, snap = fixture_engine.skip(state)
    assert snap.current is not None and snap.current.id == "liver"
    state, snap = fixture_engine.edit(state, "pattern")
    assert snap.current is not None and snap.current.id == "pattern"


def test_finishes_and_state_round_trips(fixture_engine: Engine) -> None:
    state, snap = fixture_engine.run_turns(["2", "7", "2", "yes", "no", "8", "3", "no", "nothing else"])
    assert snap.done
    again = SessionState.model_validate_json(state.model_dump_json())
    replayed = fixture_engine.replay(again)
    assert {f.finding: f.status for f in replayed.facts} == {f.finding: f.status for f in snap.facts}


def test_run_answers_by_node(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_answers({"pattern": "focal", "fever": "yes", "hb": "81 g/L"})
    assert snap.done
    assert snap.facts.status("focal") == "present" and snap.facts.value("hb") == 8.1


def test_implausible_number_is_asked_again(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "4", "2", "no", "no", "810"])
    assert snap.current is not None and snap.current.id == "hb"
    assert snap.last is not None and snap.last.implausible


def test_empty_answer(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["   "])
    assert snap.last is not None and snap.last.problem == "empty" and snap.current is not None and snap.current.id == "pattern"


def test_compiled_predicates_agree_with_the_interpreter(shipped) -> None:  # type: ignore[no-untyped-def]
    """Every red flag and branch, compiled, gives what the reference interpreter gives on real sessions."""
    from marrowchat.core.predicates import evaluate, evaluate_slow

    engine = Engine(shipped)
    preds = [rf.when for rf in shipped.red_flags]
    preds += [br.when for n in shipped.dialog.nodes for br in n.next if br.when is not None]
    for case in list(shipped.cases.values())[:15]:
        _, snap = engine.run_answers(dict(case.answers))
        for p in preds:
            assert evaluate(p, snap.facts) == evaluate_slow(p, snap.facts)


def test_fast_replay_equals_answering_one_by_one(shipped) -> None:  # type: ignore[no-untyped-def]
    engine = Engine(shipped)
    for case in list(shipped.cases.values())[:40]:
        fast_state, fast = engine.run_answers(dict(case.answers))
        slow_state, slow = Engine(shipped).run_answers_interactively(dict(case.answers))
        assert [(t.node, t.text, t.kind) for t in fast_state.turns] == [(t.node, t.text, t.kind) for t in slow_state.turns]
        assert [(f.finding, f.status, f.value) for f in fast.facts] == [(f.finding, f.status, f.value) for f in slow.facts]
        again = Engine(shipped).replay(fast_state)
        assert (again.current is None) == (fast.current is None)
