"""What the assistant says: questions, acknowledgements and help, as Markdown. Pure; used by every front-end."""

from __future__ import annotations

from marrowchat.core import models as m
from marrowchat.core.engine import Engine, Outcome, Snapshot
from marrowchat.core.facts import Fact
from marrowchat.core.loading import Bundle
from marrowchat.core.reasoner import what_if, what_if_sets
from marrowchat.core.text import md_escape as mdx

__all__ = ["COMMANDS", "SECTION_TITLES", "acknowledge", "ddx_summary", "derived_note", "explain", "find_answered_node",
           "findings_list", "help_text", "mdx", "question", "too_long", "why"]
from marrowchat.core.text import one_line

SECTION_TITLES = {"uptake": "Uptake", "symptoms": "Symptoms", "labs": "Labs", "imaging": "Imaging", "history": "History"}

COMMANDS: dict[str, str] = {
    "/why": "why this question, and what a yes or a no would change",
    "/back": "undo the last answer",
    "/skip": "skip this question (records nothing)",
    "/findings": "what is recorded so far, with the text each came from",
    "/ddx": "the differential as it stands now",
    "/edit <question>": "clear one answer so that the question is asked again",
    "/explain <condition>": "what the knowledge base says about a condition",
    "/save": "confirm the session is saved (it is saved after every answer)",
    "/export md|html [path]": "write the full report, with references",
    "/restart": "start a new session",
    "/help": "this list",
}


def fact_phrase(bundle: Bundle, fact: Fact) -> str:
    f = bundle.findings[fact.finding]
    if fact.value is not None:
        return f"{f.label} **{fact.value:g} {fact.unit or ''}**".rstrip()
    return f"{f.label}: **{fact.status}**"


def question(engine: Engine, snap: Snapshot) -> str:
    node = snap.current
    if node is None:
        return ""
    lines = [f"**{SECTION_TITLES[node.section]}** · {mdx(node.prompt)}"]
    if isinstance(node, m.ChoiceNode):
        for i, opt in enumerate(node.options, 1):
            lines.append(f"{i}. {mdx(opt.label)}")
        hint = "several numbers, e.g. 1,3" if node.kind == "multi_choice" else "a number"
        lines.append(f"\n*Answer with {hint}, or in your own words; “unknown” is fine.*")
    elif isinstance(node, m.YesNoNode):
        lines.append("\n*yes / no / unknown — or say more in your own words.*")
    elif isinstance(node, m.NumberNode):
        f = engine.bundle.findings[node.finding]
        unit = f" in {', '.join(u.unit for u in f.units)}" if f.units and f.units[0].unit not in {"ratio"} else ""
        lines.append(f"\n*A number{unit}, or “unknown”.*")
    else:
        lines.append("\n*Free text: paste or type what you have.*")
    return "\n".join(lines)


def acknowledge(bundle: Bundle, out: Outcome) -> str:
    """Say back what an answer recorded, and what it could not use."""
    parts: list[str] = []
    if out.refused:
        return mdx(out.refused)
    if out.problem == "empty":
        return "I did not get an answer — type one, or “unknown” to move on."
    if out.turn.kind == "skip":
        return "Skipped."
    if out.unknown:
        parts.append("Noted as unknown.")
    if out.recorded:
        shown = [fact_phrase(bundle, f) for f in out.recorded]
        parts.append("Recorded: " + "; ".join(shown) + ".")
    for ex in out.uncertain:
        if ex.no_result:
            parts.append(f"“{mdx(one_line(ex.text, 60))}” names a test without its result, so I did not record "
                         f"{bundle.findings[ex.finding].label}; give the result when you have it.")
            continue
        parts.append(f"You wrote “{mdx(one_line(ex.text, 60))}” with uncertainty, so I did not record "
                     f"{bundle.findings[ex.finding].label}; tell me when it is confirmed.")
    said: set[tuple[str, str | None]] = set()
    for ex in out.set_aside:
        if ex.context == "elsewhere":
            if (ex.finding, ex.organ) in said:
                continue  # "throat swab grew group C streptococci": one note for the throat
            said.add((ex.finding, ex.organ))
            where = "a lesion of no stated organ" if ex.organ == "unstated" else f"the {ex.organ}"
            parts.append(f"“{mdx(one_line(ex.text, 60))}” is about {mdx(where)}, so not counted as "
                         f"{mdx(bundle.findings[ex.finding].label)}.")
            continue
        why = {"family": "family history", "planned": "something planned, not done",
               "later": "something after the scan", "general": "a general statement, not about this patient",
               }.get(ex.context, "past history")
        parts.append(f"“{mdx(one_line(ex.text, 60))}” reads as {why}; not counted as a current finding.")
    for amb in out.ambiguous:
        opts = " or ".join(f"**{i}.** {bundle.findings[c].label}" for i, (c, _) in enumerate(amb.candidates[:3], 1))
        parts.append(f"Did you mean {opts} for “{mdx(one_line(amb.text, 40))}”? Type the number, or “neither”.")
    for imp in out.implausible:
        parts.append(f"“{mdx(one_line(imp.text, 40))}” is outside the plausible range for "
                     f"{bundle.findings[imp.finding].label} ({imp.low:g}–{imp.high:g} {imp.unit}); please check it.")
    if out.diagnoses:
        names = ", ".join(mdx(bundle.conditions[c].label) for c in out.diagnoses[:4])
        parts.append(f"Diagnoses you named ({names}) are noted; the differential is built from the findings.")
    if out.unmatched:
        unique = list(dict.fromkeys(one_line(u, 40) for u in out.unmatched))  # "[bold]x[/bold]": "bold" once
        frags = ", ".join(f"“{mdx(u)}”" for u in unique[:6])
        parts.append(f"I did not understand: {frags}.")
    if out.problem == "not yes or no":
        parts.append("I could not tell whether that is a yes or a no.")
    elif out.problem == "no number":
        parts.append("I did not find a number in that.")
    elif out.problem == "no option":
        parts.append("That matched none of the options.")
    if not parts:
        parts.append("Noted.")
    return " ".join(parts)


def derived_note(bundle: Bundle, before: Snapshot, after: Snapshot) -> str:
    """What the last answer implies beyond what was typed ("Marrow-to-liver ratio 2.32 → marrow above liver")."""
    new = []
    for fact in after.facts:
        if fact.origin == "stated" or fact.status == "absent":
            continue
        old = before.facts.items.get(fact.finding)
        if old is not None and old.status == fact.status and old.value == fact.value:
            continue
        f = bundle.findings[fact.finding]
        shown = f"{f.label} {fact.value:g}" if fact.value is not None else f.label
        new.append(f"{mdx(shown)} ({mdx(fact.via or '')})")
    return ("It follows: " + "; ".join(new[:6]) + ("; …" if len(new) > 6 else "") + ".") if new else ""


def too_long(bundle: Bundle, text: str) -> str | None:
    """The refusal for a paste longer than the matcher reads, so that it is not stored either."""
    limit = bundle.language.max_input_chars
    if len(text) <= limit:
        return None
    return (f"That is {len(text):,} characters; I read at most {limit:,} at a time, so I have not recorded it. "
            "Paste the impression or the relevant paragraph instead.")


def why(engine: Engine, snap: Snapshot) -> str:
    node = snap.current
    if node is None:
        return "There is no open question: the differential is complete."
    text = [f"**Why I ask:** {mdx(node.why)}"]
    finding = None
    if isinstance(node, (m.YesNoNode,)):
        finding = node.finding
    elif isinstance(node, m.NumberNode):
        thresholds = engine.bundle.findings[node.finding].thresholds
        finding = thresholds[0].sets if thresholds else None
    leaders: set[str] = set()
    if isinstance(node, m.ChoiceNode):
        for i, opt in enumerate(node.options, 1):
            if not opt.sets:
                continue
            alt_top = what_if_sets(engine.bundle, snap.facts, opt.sets, 2)
            leaders.add(alt_top[0][0])
            top = ", ".join(f"{mdx(name)} {p:.0%}" for name, p in alt_top)
            text.append(f"- If **{i}. {mdx(opt.label)}**: {top}")
    if finding:
        alt = what_if(engine.bundle, snap.facts, finding)
        label = engine.bundle.findings[finding].label
        for status in ("present", "absent"):
            leaders.add(alt[status][0][0])
            top = ", ".join(f"{mdx(name)} {p:.0%}" for name, p in alt[status])
            text.append(f"- If {label} is **{status}**: {top}")
    if len(leaders) == 1:
        text.append(f"\nWhatever the answer, **{mdx(leaders.pop())}** stays first now; it still refines the rest "
                    "(`/skip` if it is not known).")
    elif leaders:
        text.append("\nThe answer can change which cause leads.")
    return "\n".join(text)


def findings_list(bundle: Bundle, snap: Snapshot) -> str:
    if not len(snap.facts):
        return "Nothing recorded yet."
    lines = ["**Recorded findings**"]
    for fact in snap.facts:
        origin = f" — from “{mdx(one_line(fact.text, 50))}”" if fact.origin == "stated" else f" — {mdx(fact.via or '')}"
        lines.append(f"- {fact_phrase(bundle, fact)}{origin}")
    return "\n".join(lines)


def ddx_summary(engine: Engine, snap: Snapshot, top: int = 5) -> str:
    ddx = engine.differential(snap)
    lines = []
    for f in ddx.red_flags:
        lines.append(f"⚠ **{mdx(f.flag.label)}** — {mdx(f.flag.message)}")
    lines.append("**Differential now**")
    for i, r in enumerate(ddx.top(top), 1):
        lines.append(f"{i}. {mdx(r.condition.label)} — {r.probability:.0%}")
    lines.append(f"\nMalignant infiltration {ddx.balance.malignant:.0%} vs reactive/benign {ddx.balance.benign:.0%}.")
    return "\n".join(lines)


def find_condition(bundle: Bundle, query: str) -> m.Condition | None:
    from rapidfuzz import fuzz, process, utils

    from marrowchat.core.text import normalise

    names: dict[str, str] = {}
    for c in bundle.conditions.values():
        for name in [c.id.replace("_", " "), c.label, *c.synonyms]:
            names[normalise(name)] = c.id
    for v in bundle.vocabulary:
        if v.condition:
            for term in v.terms:
                names.setdefault(normalise(term), v.condition)
    key = normalise(query)
    if key in names:
        return bundle.conditions[names[key]]
    # strict on purpose: "EBV infection" must not become "HIV infection"
    hit = process.extractOne(key, list(names), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=85)
    if hit is None:
        hit = process.extractOne(key, list(names), scorer=fuzz.token_set_ratio, processor=utils.default_process,
                                 score_cutoff=90)
        if hit is not None and len(key) < 4:
            hit = None
    return bundle.conditions[names[hit[0]]] if hit else None


def explain(bundle: Bundle, query: str) -> str:
    c = find_condition(bundle, query)
    if c is None:
        return f"I know no condition called “{mdx(query)}”. Try /ddx to see the names."
    ev = sorted(c.evidence, key=lambda e: -max(abs(e.lr_present), 1 / e.lr_present))
    lines = [f"### {mdx(c.label)}", f"*{c.category}; evidence grade {c.grade}*", "", mdx(c.summary), "",
             f"**How well documented:** {mdx(c.grade_note)}", "", "**Strongest findings:**"]
    for e in ev[:8]:
        lines.append(f"- {mdx(bundle.findings[e.finding].label)}: present ×{e.lr_present:g}, absent ×{e.lr_absent:g} [{e.source}]")
    lines.append("\n**Next steps:**")
    for mg in c.management:
        lines.append(f"- [{mg.urgency}] {mdx(mg.text)} [{', '.join(mg.refs)}]")
    return "\n".join(lines)


def find_answered_node(engine: Engine, snap: Snapshot, query: str) -> m.DialogNode | None:
    """The answered question the user means by ``query`` (node id or words of its prompt)."""
    from rapidfuzz import fuzz, process, utils

    answered = [engine.nodes[n] for n in dict.fromkeys(t.node for t in snap.state.turns if t.node) if n in engine.nodes]
    if not query.strip() or not answered:
        return None
    by_id = {n.id: n for n in answered}
    key = query.strip().lower().replace(" ", "_")
    if key in by_id:
        return by_id[key]
    choices = {n.id: f"{n.id.replace('_', ' ')} {n.prompt}" for n in answered}
    hit = process.extractOne(query, choices, scorer=fuzz.partial_ratio, processor=utils.default_process,
                             score_cutoff=70)
    return by_id[hit[2]] if hit else None


def help_text() -> str:
    lines = ["**Commands**"]
    for cmd, what in COMMANDS.items():
        lines.append(f"- `{cmd}` — {what}")
    lines.append("\nAnswer in your own words at any point: “no fever, Hb 8.1, on pegfilgrastim” records three findings.")
    return "\n".join(lines)
