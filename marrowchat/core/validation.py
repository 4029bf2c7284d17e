"""Cross-reference checks over a loaded bundle. Every problem is collected, with file and entry."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process, utils

from marrowchat.core import models as m
from marrowchat.core.loading import Bundle
from marrowchat.core.predicates import references
from marrowchat.core.problems import Problem
from marrowchat.core.text import normalise

FINDINGS = "knowledge/findings.yaml"
FLAGS = "knowledge/red_flags.yaml"
VOCAB = "knowledge/vocabulary.yaml"


@dataclass(frozen=True)
class Estimate:
    file: str
    entry: str
    rationale: str

    def __str__(self) -> str:
        return f"{self.file}:{self.entry}: {self.rationale}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)


def suggest(word: str, choices: list[str]) -> str:
    if not choices:
        return ""
    hit = process.extractOne(word, choices, processor=utils.default_process, score_cutoff=70)
    return f" (did you mean {hit[0]!r}?)" if hit else ""


class _Checker:
    def __init__(self, bundle: Bundle):
        self.b = bundle
        self.report = Report()
        self.finding_ids = sorted(bundle.findings)
        self.condition_ids = sorted(bundle.conditions)

    def problem(self, file: str, entry: str, message: str, severity: str = "error") -> None:
        self.report.problems.append(Problem(file, entry, message, severity))

    def warning(self, file: str, entry: str, message: str) -> None:
        self.problem(file, entry, message, "warning")

    def finding(self, file: str, entry: str, fid: str, want: str | None = None) -> bool:
        f = self.b.findings.get(fid)
        if f is None:
            self.problem(file, entry, f"unknown finding {fid!r}{suggest(fid, self.finding_ids)}")
            return False
        if want is not None and f.kind != want:
            self.problem(file, entry, f"finding {fid!r} is {f.kind}, a {want} finding is needed here")
            return False
        return True

    def source(self, file: str, entry: str, source: str, rationale: str | None) -> None:
        if source == "estimate":
            if not rationale:
                self.problem(file, entry, "weight marked 'estimate' has no rationale")
            else:
                self.report.estimates.append(Estimate(file, entry, rationale))
            return
        for key in (s.strip() for s in source.replace(";", ",").split(",")):
            if key not in self.b.references:
                self.problem(file, entry, f"source {key!r} is neither a reference key nor 'estimate'"
                             f"{suggest(key, list(self.b.references))}")

    def refs(self, file: str, entry: str, refs: list[str]) -> None:
        for key in refs:
            if key not in self.b.references:
                self.problem(file, entry, f"unknown reference {key!r}{suggest(key, list(self.b.references))}")

    def predicate(self, file: str, entry: str, pred: m.Predicate) -> None:
        for role, fid in references(pred):
            want = {"status": "boolean", "value": "numeric", "any": None}[role]
            self.finding(file, entry, fid, want)

    # ------------------------------------------------------------------ sections
    def check_findings(self) -> None:
        for f in self.b.findings.values():
            entry = f"findings[{f.id}]"
            if f.kind == "boolean":
                for attr in ("units", "thresholds", "anchors", "after_anchors"):
                    if getattr(f, attr):
                        self.problem(FINDINGS, f"{entry}.{attr}", "only numeric findings take this key")
                if f.plausible or f.computed:
                    self.problem(FINDINGS, entry, "plausible/computed are for numeric findings")
            else:
                if not f.units:
                    self.problem(FINDINGS, f"{entry}.units", "a numeric finding needs at least one unit")
                if f.suspicion_is_enough:
                    self.problem(FINDINGS, f"{entry}.suspicion_is_enough", "only boolean findings take this key")
                if f.implied_by:
                    self.problem(FINDINGS, f"{entry}.implied_by", "only boolean findings can be implied")
                if f.denied_by:
                    self.problem(FINDINGS, f"{entry}.denied_by", "only boolean findings can be denied")
                if f.plausible and f.plausible[0] >= f.plausible[1]:
                    self.problem(FINDINGS, f"{entry}.plausible", "the range must be [low, high] with low < high")
            for i, t in enumerate(f.thresholds):
                if self.finding(FINDINGS, f"{entry}.thresholds[{i}]", t.sets, "boolean"):
                    self.source(FINDINGS, f"{entry}.thresholds[{i}]", t.source, t.rationale)
            for fid in f.implied_by:
                self.finding(FINDINGS, f"{entry}.implied_by", fid, "boolean")
            for fid in f.denied_by:
                self.finding(FINDINGS, f"{entry}.denied_by", fid, "boolean")
            if f.measured_by is not None:
                self.finding(FINDINGS, f"{entry}.measured_by", f.measured_by, "numeric")
            if f.derived_when is not None:
                if f.kind != "boolean":
                    self.problem(FINDINGS, f"{entry}.derived_when", "only boolean findings can be derived by a rule")
                self.predicate(FINDINGS, f"{entry}.derived_when", f.derived_when)
                if f.derived_source is None:
                    self.problem(FINDINGS, f"{entry}.derived_source", "a derived finding needs a source (reference key or 'estimate')")
                else:
                    self.source(FINDINGS, f"{entry}.derived_when", f.derived_source, "rule-derived finding")
            if f.computed:
                for fid in f.computed.ratio:
                    self.finding(FINDINGS, f"{entry}.computed", fid, "numeric")

    def check_vocabulary(self) -> None:
        # every term must mean one thing: collect term -> owners over findings, vocabulary and conditions
        owners: dict[str, set[str]] = defaultdict(set)
        where: dict[tuple[str, str], str] = {}
        for f in self.b.findings.values():
            for term in [f.label, *f.synonyms] if f.kind == "boolean" else f.synonyms:
                key = normalise(term)
                owners[key].add(f"finding {f.id}")
                where[(key, f"finding {f.id}")] = f"{FINDINGS}:findings[{f.id}]"
        for i, v in enumerate(self.b.vocabulary):
            entry = f"vocabulary[{i}]"
            if (v.finding is None) == (v.condition is None):
                self.problem(VOCAB, entry, "give exactly one of `finding` or `condition`")
                continue
            if v.finding is not None:
                if not self.finding(VOCAB, entry, v.finding):
                    continue
                owner = f"finding {v.finding}"
            else:
                assert v.condition is not None
                if v.condition not in self.b.conditions:
                    self.problem(VOCAB, entry, f"unknown condition {v.condition!r}{suggest(v.condition, self.condition_ids)}")
                    continue
                owner = f"condition {v.condition}"
            if v.test_terms and v.condition is not None:
                self.problem(VOCAB, f"{entry}.test_terms", "test_terms are for findings only")
            if not v.terms and not v.absent_terms and not v.composed and not v.test_terms and not v.shared \
                    and not v.near:
                self.problem(VOCAB, entry, "give at least one term")
            if v.absent_terms and v.condition is not None:
                self.problem(VOCAB, f"{entry}.absent_terms", "absent_terms are for findings only")
            for term in [*v.all_terms(), *v.absent_terms]:
                key = normalise(term)
                if not key:
                    self.problem(VOCAB, entry, f"term {term!r} is empty after normalisation")
                    continue
                if owner.startswith("finding"):
                    owners[key].add(owner)
                    where.setdefault((key, owner), f"{VOCAB}:{entry}")
        for i, v in enumerate(self.b.vocabulary):
            for j, term in enumerate(v.shared):
                entry = f"vocabulary[{i}].shared[{j}]"
                if v.finding is None:
                    self.problem(VOCAB, entry, "shared terms are for findings only")
                    break
                who = owners.get(normalise(term), set())
                if not who:
                    self.problem(VOCAB, entry, f"{term!r} is no other finding's term: list it under `terms` instead")
                elif f"finding {v.finding}" in who:
                    self.problem(VOCAB, entry, f"{term!r} is already a term of {v.finding}")
        for key, who in sorted(owners.items()):
            if len(who) > 1:
                names = sorted(who)
                places = sorted({where.get((key, w), "?") for w in names})
                self.warning(places[0].split(":")[0], places[0].split(":", 1)[1],
                             f"term {key!r} is claimed by {', '.join(names)} (also at {', '.join(places[1:]) or 'same place'})")
        cond_terms: dict[str, str] = {}
        for c in self.b.conditions.values():
            for term in [c.label, *c.synonyms]:
                key = normalise(term)
                other = cond_terms.setdefault(key, c.id)
                if other != c.id:
                    self.warning(self.b.sources.get(f"condition:{c.id}", "knowledge/conditions"), "synonyms",
                                 f"term {key!r} also names condition {other!r}")

    def check_conditions(self) -> None:
        settable = self.settable_findings()
        for c in self.b.conditions.values():
            file = self.b.sources.get(f"condition:{c.id}", f"knowledge/conditions/{c.id}.yaml")
            seen: set[str] = set()
            can_raise = False
            for ev in c.evidence:
                entry = f"evidence[{ev.finding}]"
                if ev.finding in seen:
                    self.problem(file, entry, "finding listed twice in this condition")
                seen.add(ev.finding)
                if not self.finding(file, entry, ev.finding, "boolean"):
                    continue
                self.source(file, entry, ev.source, ev.rationale)
                if ev.finding in settable and (ev.lr_present > 1 or ev.lr_absent > 1):
                    can_raise = True
                if ev.lr_present == 1 and ev.lr_absent == 1:
                    self.warning(file, entry, "both likelihood ratios are 1: this evidence changes nothing")
            if not can_raise:
                self.warning(file, "evidence", "no finding that a question can set raises this condition")
            for i, mg in enumerate(c.management):
                self.refs(file, f"management[{i}].refs", mg.refs)
            self.refs(file, "refs", c.refs)

    def check_language(self) -> None:
        for i, cr in enumerate(self.b.language.clause_remap):
            self.finding("knowledge/language.yaml", f"clause_remap[{i}].finding", cr.finding)
            self.finding("knowledge/language.yaml", f"clause_remap[{i}].becomes", cr.becomes)
        for i, r in enumerate(self.b.language.context_remap):
            entry = f"context_remap[{i}]"
            if self.finding("knowledge/language.yaml", entry, r.finding) and self.finding("knowledge/language.yaml", entry, r.becomes):
                if self.b.findings[r.finding].kind != self.b.findings[r.becomes].kind:
                    self.problem("knowledge/language.yaml", entry, "a finding can only become one of the same kind")
        for fid in self.b.language.local_use:
            self.finding("knowledge/language.yaml", f"local_use[{fid}]", fid, "boolean")
        for i, fid in enumerate(self.b.language.highest_kept):
            self.finding("knowledge/language.yaml", f"highest_kept[{i}]", fid, "numeric")
        for noun, kinds in self.b.language.qualifiers.items():
            self.finding("knowledge/language.yaml", f"qualifiers[{noun}]", noun, "boolean")
            for i, fid in enumerate(kinds):
                self.finding("knowledge/language.yaml", f"qualifiers[{noun}][{i}]", fid, "boolean")
        for i, fid in enumerate(self.b.language.marrow_findings):
            self.finding("knowledge/language.yaml", f"marrow_findings[{i}]", fid)
        for i, fid in enumerate(self.b.language.baseline.findings):
            self.finding("knowledge/language.yaml", f"baseline.findings[{i}]", fid)
        for i, fid in enumerate(self.b.language.passing_findings):
            self.finding("knowledge/language.yaml", f"passing_findings[{i}]", fid)
        for i, fid in enumerate(self.b.language.size_findings):
            self.finding("knowledge/language.yaml", f"size_findings[{i}]", fid)
        for letter, fid in self.b.language.differential_letters.items():
            self.finding("knowledge/language.yaml", f"differential_letters[{letter}]", fid, "numeric")
            if self.b.findings.get(fid) is not None and self.b.findings[fid].percent_of is None:
                self.problem("knowledge/language.yaml", f"differential_letters[{letter}]",
                             f"finding '{fid}' has no percent_of, so a percentage of it means nothing")
        for label, fid in self.b.language.unit_labels.items():
            self.finding("knowledge/language.yaml", f"unit_labels[{label}]", fid, "numeric")
        for fid in self.b.language.denied_later_in_clause:
            self.finding("knowledge/language.yaml", f"denied_later_in_clause[{fid}]", fid, "boolean")
        for fid, limits in self.b.language.normal_percent.items():
            self.finding("knowledge/language.yaml", f"normal_percent[{fid}]", fid, "boolean")
            if limits.marrow < limits.blood:
                self.problem("knowledge/language.yaml", f"normal_percent[{fid}]",
                             "the marrow's normal percentage is below the blood's; swapped?")
        for fid, peak in self.b.language.peak_values.items():
            self.finding("knowledge/language.yaml", f"peak_values[{fid}]", fid, "numeric")
            self.finding("knowledge/language.yaml", f"peak_values[{fid}]", peak, "numeric")
        for f in self.b.findings.values():
            if f.reciprocal_below_one and f.kind != "numeric":
                self.problem(FINDINGS, f"findings[{f.id}].reciprocal_below_one", "only a numeric ratio can be read the other way up")
            if f.percent_of is not None:
                self.finding(FINDINGS, f"findings[{f.id}].percent_of", f.percent_of, "numeric")
            if f.yields_to_value and f.kind != "boolean":
                self.problem(FINDINGS, f"findings[{f.id}].yields_to_value", "only a boolean finding can yield to a measured value")
        for i, fid in enumerate(self.b.language.not_negated_by_results):
            self.finding("knowledge/language.yaml", f"not_negated_by_results[{i}]", fid)
        for fid in self.b.language.specimen_bound:
            self.finding("knowledge/language.yaml", f"specimen_bound[{fid}]", fid, "boolean")
        for size, enlarged in self.b.language.below_margin.items():
            self.finding("knowledge/language.yaml", f"below_margin[{size}]", size, "numeric")
            self.finding("knowledge/language.yaml", f"below_margin[{size}]", enlarged, "numeric")

    def check_red_flags(self) -> None:
        seen: set[str] = set()
        for rf in self.b.red_flags:
            entry = f"red_flags[{rf.id}]"
            if rf.id in seen:
                self.problem(FLAGS, entry, "duplicate red-flag id")
            seen.add(rf.id)
            self.predicate(FLAGS, f"{entry}.when", rf.when)
            self.refs(FLAGS, f"{entry}.refs", rf.refs)

    def check_dialogs(self) -> None:
        for tree in self.b.dialogs.values():
            file = self.b.sources.get(f"dialog:{tree.id}", f"dialogs/{tree.id}.yaml")
            nodes: dict[str, m.DialogNode] = {}
            for node in tree.nodes:
                if node.id in nodes:
                    self.problem(file, f"nodes[{node.id}]", "duplicate node id")
                nodes[node.id] = node
            ids = sorted(nodes)
            if tree.start not in nodes:
                self.problem(file, "start", f"start node {tree.start!r} does not exist{suggest(tree.start, ids)}")
            for node in tree.nodes:
                entry = f"nodes[{node.id}]"
                if isinstance(node, m.YesNoNode):
                    self.finding(file, f"{entry}.finding", node.finding, "boolean")
                elif isinstance(node, m.NumberNode):
                    self.finding(file, f"{entry}.finding", node.finding, "numeric")
                elif isinstance(node, m.FreeTextNode):
                    for fid in node.expects:
                        self.finding(file, f"{entry}.expects", fid)
                else:
                    labels: set[str] = set()
                    for j, opt in enumerate(node.options):
                        key = normalise(opt.label)
                        if key in labels:
                            self.problem(file, f"{entry}.options[{j}]", f"duplicate option label {opt.label!r}")
                        labels.add(key)
                        for fid in opt.sets:
                            self.finding(file, f"{entry}.options[{j}].sets", fid, "boolean")
                for k, br in enumerate(node.next):
                    if br.goto not in nodes:
                        self.problem(file, f"{entry}.next[{k}]", f"goto {br.goto!r} does not exist{suggest(br.goto, ids)}")
                    if br.when is not None:
                        self.predicate(file, f"{entry}.next[{k}].when", br.when)
                if node.next and node.next[-1].when is not None:
                    self.warning(file, f"{entry}.next", "the last branch has a `when`: add a default branch without one, or the dialog can stop here by accident")
            # reachability and cycles
            if tree.start in nodes:
                reach: set[str] = set()
                stack = [tree.start]
                while stack:
                    nid = stack.pop()
                    if nid in reach or nid not in nodes:
                        continue
                    reach.add(nid)
                    stack.extend(br.goto for br in nodes[nid].next)
                for nid in ids:
                    if nid not in reach:
                        self.warning(file, f"nodes[{nid}]", "unreachable from the start node")
                self._cycles(file, nodes, tree.start)

    def _cycles(self, file: str, nodes: dict[str, m.DialogNode], start: str) -> None:
        state: dict[str, int] = {}

        def visit(nid: str, path: list[str]) -> None:
            state[nid] = 1
            for br in nodes[nid].next:
                if br.goto not in nodes:
                    continue
                if state.get(br.goto) == 1:
                    self.problem(file, f"nodes[{nid}].next", f"cycle: {' -> '.join([*path, nid, br.goto])}")
                elif br.goto not in state:
                    visit(br.goto, [*path, nid])
            state[nid] = 2

        visit(start, [])

    def settable_findings(self) -> set[str]:
        """Findings some dialog question can set (directly, by threshold, ratio or implication)."""
        direct: set[str] = set()
        numeric: set[str] = set()
        for tree in self.b.dialogs.values():
            for node in tree.nodes:
                if isinstance(node, m.YesNoNode):
                    direct.add(node.finding)
                elif isinstance(node, m.NumberNode):
                    numeric.add(node.finding)
                elif isinstance(node, m.FreeTextNode):
                    for fid in node.expects:
                        (numeric if self.b.findings.get(fid, None) and self.b.findings[fid].kind == "numeric" else direct).add(fid)
                else:
                    for opt in node.options:
                        direct.update(opt.sets)
        for f in self.b.findings.values():
            if f.computed and all(x in numeric for x in f.computed.ratio):
                numeric.add(f.id)
        for fid in numeric:
            nf = self.b.findings.get(fid)
            if nf:
                direct.update(t.sets for t in nf.thresholds)
        changed = True
        while changed:
            changed = False
            for f in self.b.findings.values():
                if f.id in direct:
                    continue
                ruled = f.derived_when is not None and any(fid in direct for _, fid in references(f.derived_when))
                if ruled or any(i in direct for i in f.implied_by):
                    direct.add(f.id)
                    changed = True
        return direct | numeric

    def check_unsettable(self) -> None:
        settable = self.settable_findings()
        used: dict[str, str] = {}
        for c in self.b.conditions.values():
            for ev in c.evidence:
                used.setdefault(ev.finding, f"condition {c.id}")
        for rf in self.b.red_flags:
            for _, fid in references(rf.when):
                used.setdefault(fid, f"red flag {rf.id}")
        for fid, user in sorted(used.items()):
            if fid in self.b.findings and fid not in settable:
                self.warning(FINDINGS, f"findings[{fid}]", f"no dialog question can set this finding (used by {user})")

    def check_cases(self) -> None:
        dialog = self.b.dialogs.get("triage")
        node_ids = {n.id for n in dialog.nodes} if dialog else set()
        flag_ids = {rf.id for rf in self.b.red_flags}
        for case in self.b.cases.values():
            file = self.b.sources.get(f"case:{case.id}", f"knowledge/cases/{case.id}.yaml")
            for cid in [case.expected, *case.acceptable]:
                if cid not in self.b.conditions:
                    self.problem(file, "expected", f"unknown condition {cid!r}{suggest(cid, self.condition_ids)}")
            if case.expected in self.b.conditions and self.b.conditions[case.expected].category != case.category:
                self.problem(file, "category", f"category {case.category!r} differs from the condition's "
                             f"{self.b.conditions[case.expected].category!r}")
            for nid in case.answers:
                if nid not in node_ids:
                    self.problem(file, f"answers.{nid}", f"no dialog node {nid!r}{suggest(nid, sorted(node_ids))}")
            for fid in case.red_flags:
                if fid not in flag_ids:
                    self.problem(file, "red_flags", f"unknown red flag {fid!r}{suggest(fid, sorted(flag_ids))}")


def validate_bundle(bundle: Bundle) -> Report:
    checker = _Checker(bundle)
    checker.check_findings()
    checker.check_vocabulary()
    checker.check_conditions()
    checker.check_red_flags()
    checker.check_language()
    checker.check_dialogs()
    checker.check_unsettable()
    checker.check_cases()
    report = checker.report
    report.problems = sorted(set(report.problems))
    return report
