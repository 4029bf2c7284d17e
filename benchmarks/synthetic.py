"""Synthetic knowledge bases N times the shipped one, for scaling benchmarks.

Every finding, vocabulary entry and condition is copied N-1 times under new ids (`<id>_x<i>`) with new terms
("<term> v<i>"), and each copied condition cites the copied findings, so matching, reasoning and explaining all
do N times the work; the dialog and the cases stay as shipped.
"""

from __future__ import annotations

import copy

from marrowchat.core.loading import Bundle


def scaled(bundle: Bundle, factor: int) -> Bundle:
    big = copy.copy(bundle)
    big.cache = {}
    findings = dict(bundle.findings)
    vocab = list(bundle.vocabulary)
    conditions = dict(bundle.conditions)
    for i in range(1, factor):
        def rid(fid: str, i: int = i) -> str:
            return f"{fid}_x{i}"

        for f in bundle.findings.values():
            findings[rid(f.id)] = f.model_copy(update={
                "id": rid(f.id), "label": f"{f.label} (variant {i})",
                "synonyms": [f"{s} v{i}" for s in f.synonyms], "anchors": [],
                "thresholds": [t.model_copy(update={"sets": rid(t.sets)}) for t in f.thresholds],
                "implied_by": [rid(x) for x in f.implied_by], "computed": None, "measured_by": None,
                "derived_when": None,
            })
        for v in bundle.vocabulary:
            if v.finding:
                vocab.append(v.model_copy(update={"finding": rid(v.finding), "terms": [f"{t} v{i}" for t in v.terms],
                                                  "absent_terms": [f"{t} v{i}" for t in v.absent_terms]}))
        for c in bundle.conditions.values():
            conditions[rid(c.id)] = c.model_copy(update={
                "id": rid(c.id), "label": f"{c.label} (variant {i})", "synonyms": [],
                "evidence": [e.model_copy(update={"finding": rid(e.finding)}) for e in c.evidence],
            })
    big.findings = findings
    big.vocabulary = vocab
    big.conditions = conditions
    return big
