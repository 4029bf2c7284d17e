"""Render the explained differential through jinja2 templates shipped inside the package."""

from __future__ import annotations

import functools
import math
from typing import Any, Literal

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from marrowchat import __version__
from marrowchat.core.facts import Facts
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Extracted
from marrowchat.core.reasoner import Differential
from marrowchat.core.text import md_escape

Format = Literal["md", "txt", "html"]
_TEMPLATES = {"md": "report.md.j2", "txt": "report.txt.j2", "html": "report.html.j2"}


def _pct(p: float) -> str:
    if p >= 0.995:
        return ">99%"
    if p < 0.005:
        return "<1%"
    return f"{p * 100:.0f}%"


def _lr(x: float) -> str:
    return f"×{x:.3g}" if x >= 1 else f"×{x:.2g}"


def _bar(p: float, width: int = 20) -> str:
    full = max(0, min(width, round(p * width)))
    return "█" * full + "░" * (width - full)


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("marrowchat", "templates")]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = _pct
    env.filters["lr"] = _lr
    env.filters["bar"] = _bar
    env.filters["mdx"] = md_escape
    env.filters["signed"] = lambda x: f"{x:+.2f}"
    env.filters["exp"] = math.exp
    return env


def report_context(bundle: Bundle, facts: Facts, ddx: Differential, *, top: int = 8,
                   unmatched: list[str] | None = None, title: str | None = None,
                   references: bool = True) -> dict[str, Any]:
    cited: dict[str, str] = {}

    def cite(keys: list[str]) -> list[str]:
        for k in keys:
            if k in bundle.references:
                cited.setdefault(k, bundle.references[k].citation)
        return keys

    conditions = []
    for r in ddx.ranked[:top]:
        c = r.condition
        conditions.append({
            "id": c.id, "label": c.label, "category": c.category, "grade": c.grade, "grade_note": c.grade_note,
            "summary": c.summary, "probability": r.probability, "cant_miss": c.cant_miss,
            "for": [{"label": x.label, "status": x.status, "lr": x.lr, "weight": x.weight, "source": x.source,
                     "text": x.text, "via": x.via or ""} for x in r.support],
            "against": [{"label": x.label, "status": x.status, "lr": x.lr, "weight": x.weight, "source": x.source,
                         "text": x.text, "via": x.via or ""} for x in r.against],
            "levers": [{"label": lv.label, "if_present": math.exp(lv.if_present), "if_absent": math.exp(lv.if_absent)}
                       for lv in r.levers],
            "management": [{"text": mg.text, "kind": mg.kind, "urgency": mg.urgency, "refs": cite(mg.refs)}
                           for mg in c.management],
            "refs": cite(c.refs),
        })
    rest = [{"label": r.condition.label, "probability": r.probability, "grade": r.condition.grade}
            for r in ddx.ranked[top:top + 12]]
    more = max(0, len(ddx.ranked) - top - 12)
    flags = [{"label": f.flag.label, "message": f.flag.message, "urgency": f.flag.urgency, "refs": cite(f.flag.refs)}
             for f in ddx.red_flags]
    findings = []
    for fact in sorted(facts, key=lambda f: (f.origin != "stated", bundle.findings[f.finding].section, f.finding)):
        f = bundle.findings[fact.finding]
        if fact.origin != "stated" and fact.status == "absent":
            continue  # what follows from a value only matters where it is present (or in the per-condition lists)
        if fact.value is not None:
            shown = f"{fact.value:g} {fact.unit or ''}".strip()
        else:
            shown = fact.status or "?"
        findings.append({"label": f.label, "shown": shown, "status": fact.status or "", "origin": fact.origin,
                         "text": fact.text, "via": fact.via or "", "section": f.section})
    return {
        "title": title or "Diffuse increased bone-marrow FDG uptake — explained differential",
        "disclaimer": bundle.meta.disclaimer,
        "knowledge_version": bundle.meta.version,
        "app_version": __version__,
        "conditions": conditions,
        "rest": rest,
        "more": more,
        "red_flags": flags,
        "findings": findings,
        "balance": {"malignant": ddx.balance.malignant, "benign": ddx.balance.benign,
                    "drivers": [{"label": d.label, "shift": d.shift} for d in ddx.balance.drivers]},
        "unmatched": unmatched or [],
        "references": sorted(cited.items(), key=lambda kv: (len(kv[0]), kv[0])) if references else [],
    }


def render(bundle: Bundle, facts: Facts, ddx: Differential, fmt: Format = "md", **kw: Any) -> str:
    template = environment().get_template(_TEMPLATES[fmt])
    return template.render(**report_context(bundle, facts, ddx, **kw))


def render_parts(bundle: Bundle, facts: Facts, ddx: Differential, **kw: Any) -> tuple[str, list[tuple[str, str]], str]:
    """The Markdown report in parts, for a front-end that shows each condition folded: the head, one
    (title, body) per condition, and the tail — rendered by the same templates as :func:`render`."""
    env = environment()
    ctx = report_context(bundle, facts, ddx, **kw)
    head = env.get_template("_head.md.j2").render(**ctx)
    body = env.get_template("_condition.md.j2")
    parts = [(f"{i}. {c['label']} — {_pct(c['probability'])}", body.render(**ctx, c=c))
             for i, c in enumerate(ctx["conditions"], 1)]
    tail = env.get_template("_tail.md.j2").render(**ctx)
    return head, parts, tail


def assess_json(bundle: Bundle, facts: Facts, ddx: Differential, trace: list[Extracted],
                unmatched: list[str], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The `assess --json` / `replay --json` contract."""
    findings = []
    for fact in facts:
        f = bundle.findings[fact.finding]
        item: dict[str, Any] = {"id": f.id, "label": f.label, "status": fact.status, "text": fact.text,
                                "origin": fact.origin}
        if fact.value is not None:
            item["value"] = fact.value
            item["unit"] = fact.unit
        if fact.via:
            item["via"] = fact.via
        findings.append(item)
    out: dict[str, Any] = {
        "findings": findings,
        "differential": [r.to_json(bundle) for r in ddx.ranked],
        "red_flags": [f.to_json() for f in ddx.red_flags],
        "balance": ddx.balance.to_json(),
        "unmatched": unmatched,
        "trace": [t.to_json() for t in trace],
        "knowledge_version": bundle.meta.version,
        "disclaimer": bundle.meta.disclaimer,
    }
    if extra:
        out.update(extra)
    return out
