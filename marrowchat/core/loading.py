"""Read the YAML data files into validated models, collecting every problem with its file and entry."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from marrowchat.core import models as m
from marrowchat.core.problems import BundleError, Problem
from marrowchat.core.resources import DataRoot, locate_data

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

T = TypeVar("T", bound=BaseModel)


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: about 20x faster


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML 1.2-style booleans: only true/false. In YAML 1.1 `no`, `yes`, `on` and `off` are booleans,
    which silently turns a key like `no:` (a list of answer words) into False."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Bundle:
    """Everything the engine needs, validated file by file."""

    root: DataRoot
    meta: m.KnowledgeMeta
    findings: dict[str, m.Finding]
    conditions: dict[str, m.Condition]
    red_flags: list[m.RedFlag]
    dialogs: dict[str, m.DialogTree]
    language: m.LanguageFile
    references: dict[str, m.Reference]
    vocabulary: list[m.VocabularyEntry]
    cases: dict[str, m.Case] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "condition:<id>" -> file, for messages
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # built indexes

    @property
    def dialog(self) -> m.DialogTree:
        return self.dialogs.get("triage") or next(iter(self.dialogs.values()))

    @functools.cached_property
    def condition_ids(self) -> list[str]:
        return list(self.conditions)


def _depth(value: Any, limit: int, level: int = 0) -> int:
    if level > limit:
        return level
    if isinstance(value, dict):
        return max((_depth(v, limit, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, limit, level + 1) for v in value), default=level)
    return level


def _loc(loc: tuple[int | str, ...], data: Any) -> str:
    """Render a pydantic error location, naming list items by their `id` where they have one."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list) and 0 <= item < len(node):
            node = node[item]
            ident = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{ident}]" if isinstance(ident, str) else f"[{item}]")
        else:
            if isinstance(node, dict) and item in node:
                node = node[item]
            else:
                node = None
            parts.append(f".{item}" if parts else str(item))
    text = "".join(parts)
    return text.replace(".[", "[")


def read_yaml(file: Traversable, rel: str, problems: list[Problem]) -> Any:
    """Read one YAML file; on any failure, record one clear problem and return None."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, "", f"cannot be read: {exc.strerror or exc}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(rel, "", f"is {len(raw):,} bytes; data files are limited to {MAX_FILE_BYTES:,}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 text (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})"))
        return None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "?"
        problems.append(Problem(rel, where, f"is not valid YAML: {exc.problem or exc}"))
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        problems.append(Problem(rel, "", f"is not valid YAML: {exc.__class__.__name__}"))
        return None
    if _depth(data, MAX_DEPTH) > MAX_DEPTH:
        problems.append(Problem(rel, "", f"is nested more than {MAX_DEPTH} levels deep"))
        return None
    return data


def parse(model: type[T], data: Any, rel: str, problems: list[Problem]) -> T | None:
    if data is None:
        problems.append(Problem(rel, "", "is empty"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown key"
            elif err["type"] == "missing":
                msg = "required key is missing"
            problems.append(Problem(rel, _loc(err["loc"], data), msg))
        return None
    except RecursionError:
        problems.append(Problem(rel, "", "is nested too deeply"))
        return None


def _read_parse(model: type[T], file: Traversable, rel: str, problems: list[Problem]) -> T | None:
    before = len(problems)
    data = read_yaml(file, rel, problems)
    if len(problems) > before:  # unreadable: that one problem says it all
        return None
    return parse(model, data, rel, problems)


def _yaml_files(folder: Traversable, rel: str, problems: list[Problem]) -> list[tuple[str, Traversable]]:
    try:
        entries = sorted(folder.iterdir(), key=lambda t: t.name)
    except OSError as exc:
        problems.append(Problem(rel, "", f"cannot be listed: {exc.strerror or exc}"))
        return []
    out = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.name.endswith((".yaml", ".yml")):
            try:
                is_file = entry.is_file()
            except OSError:
                is_file = False
            if is_file:
                out.append((f"{rel}/{entry.name}", entry))
            else:
                problems.append(Problem(f"{rel}/{entry.name}", "", "is not a regular file (broken link or loop?)"))
    return out


def _at(root: Traversable, rel: str) -> Traversable:
    node = root
    for part in rel.split("/"):
        node = node.joinpath(part)
    return node


def _load_one(root: Traversable, rel: str, model: type[T], problems: list[Problem], required: bool = True) -> T | None:
    node = _at(root, rel)
    try:
        exists = node.is_file()
    except OSError:
        exists = False
    if not exists:
        if required:
            problems.append(Problem(rel, "", "is missing"))
        return None
    return _read_parse(model, node, rel, problems)


def _load_many(root: Traversable, rel: str, model: type[T], problems: list[Problem]) -> list[tuple[str, T]]:
    folder = _at(root, rel)
    try:
        if not folder.is_dir():
            return []
    except OSError:
        return []
    loaded = []
    for path, file in _yaml_files(folder, rel, problems):
        item = _read_parse(model, file, path, problems)
        if item is not None:
            loaded.append((path, item))
    return loaded


def _by_id(items: list[tuple[str, Any]], kind: str, problems: list[Problem], sources: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, item in items:
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if item.id != stem:
            problems.append(Problem(path, "id", f"id {item.id!r} does not match the file name {stem!r}"))
        if item.id in out:
            problems.append(Problem(path, "id", f"duplicate {kind} id {item.id!r} (also in {sources[f'{kind}:{item.id}']})"))
            continue
        out[item.id] = item
        sources[f"{kind}:{item.id}"] = path
    return out


def load_bundle_collect(data_dir: str | None = None) -> tuple[Bundle | None, list[Problem]]:
    """Load everything; return the bundle (None if a required part is unusable) and every problem found."""
    problems: list[Problem] = []
    root = locate_data(data_dir)
    base = root.root
    sources: dict[str, str] = {}
    meta = _load_one(base, "knowledge/meta.yaml", m.KnowledgeMeta, problems)
    refs_file = _load_one(base, "knowledge/references.yaml", m.ReferencesFile, problems)
    findings_file = _load_one(base, "knowledge/findings.yaml", m.FindingsFile, problems)
    vocab_file = _load_one(base, "knowledge/vocabulary.yaml", m.VocabularyFile, problems, required=False)
    language = _load_one(base, "knowledge/language.yaml", m.LanguageFile, problems)
    flags_file = _load_one(base, "knowledge/red_flags.yaml", m.RedFlagsFile, problems)
    conditions = _by_id(_load_many(base, "knowledge/conditions", m.Condition, problems), "condition", problems, sources)
    cases = _by_id(_load_many(base, "knowledge/cases", m.Case, problems), "case", problems, sources)
    dialog_items = _load_many(base, "dialogs", m.DialogTree, problems)
    dialogs: dict[str, m.DialogTree] = {}
    for path, tree in dialog_items:
        if tree.id in dialogs:
            problems.append(Problem(path, "id", f"duplicate dialog id {tree.id!r}"))
            continue
        dialogs[tree.id] = tree
        sources[f"dialog:{tree.id}"] = path
    if not dialog_items and not any(p.file.startswith("dialogs") for p in problems):
        problems.append(Problem("dialogs/", "", "holds no dialog tree"))
    if not conditions and not any(p.file.startswith("knowledge/conditions") for p in problems):
        problems.append(Problem("knowledge/conditions/", "", "holds no condition"))

    findings: dict[str, m.Finding] = {}
    if findings_file is not None:
        for i, f in enumerate(findings_file.findings):
            if f.id in findings:
                problems.append(Problem("knowledge/findings.yaml", f"findings[{f.id}]", f"duplicate finding id (entry {i})"))
                continue
            findings[f.id] = f
    references: dict[str, m.Reference] = {}
    if refs_file is not None:
        for r in refs_file.references:
            if r.key in references:
                problems.append(Problem("knowledge/references.yaml", f"references[{r.key}]", "duplicate reference key"))
            references[r.key] = r

    if meta is None or findings_file is None or language is None or flags_file is None or not dialogs or not conditions:
        return None, problems
    bundle = Bundle(
        root=root,
        meta=meta,
        findings=findings,
        conditions=conditions,
        red_flags=list(flags_file.red_flags),
        dialogs=dialogs,
        language=language,
        references=references,
        vocabulary=list(vocab_file.vocabulary) if vocab_file else [],
        cases=cases,
        sources=sources,
    )
    return bundle, problems


def load_bundle(data_dir: str | None = None) -> Bundle:
    """Load and fully validate the data; raise :class:`BundleError` listing every problem if anything is wrong."""
    from marrowchat.core.validation import validate_bundle

    bundle, problems = load_bundle_collect(data_dir)
    if bundle is not None:
        problems += validate_bundle(bundle).problems
    problems = [p for p in problems if p.severity == "error"]
    if bundle is None or problems:
        raise BundleError(sorted(problems) or [Problem("?", "", "data could not be loaded")])
    return bundle
