"""Broken data gives one clear problem per fault, naming the file and the entry — never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from marrowchat.core.loading import load_bundle, load_bundle_collect
from marrowchat.core.problems import BundleError
from marrowchat.core.resources import DataDirError, locate_data
from marrowchat.core.validation import validate_bundle

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def problems(path: Path) -> list[str]:
    bundle, found = load_bundle_collect(str(path))
    if bundle is not None:
        found += validate_bundle(bundle).problems
    return [str(p) for p in found]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_fixture_is_clean(data: Path) -> None:
    assert problems(data) == []


def test_broken_yaml_names_file_and_line(data: Path) -> None:
    (data / "knowledge" / "findings.yaml").write_text("findings:\n  - {id: fever, label: [unclosed\n")
    found = problems(data)
    assert len(found) == 1
    assert found[0].startswith("knowledge/findings.yaml:line ")
    assert "not valid YAML" in found[0]


def test_unknown_key(data: Path) -> None:
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "grade: A", "grade: A\ngrdae: B")
    assert problems(data) == ["knowledge/conditions/gcsf.yaml:grdae: unknown key"]


def test_wrong_type_names_the_entry(data: Path) -> None:
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "lr_present: 5,", "lr_present: lots,")
    found = problems(data)
    assert len(found) == 1 and found[0].startswith("knowledge/conditions/gcsf.yaml:evidence[0].lr_present:")


def test_dangling_finding_with_suggestion(data: Path) -> None:
    edit(data / "knowledge" / "conditions" / "infection.yaml", "finding: night_sweats", "finding: night_sweat")
    found = problems(data)
    assert "knowledge/conditions/infection.yaml:evidence[night_sweat]: unknown finding 'night_sweat' (did you mean 'night_sweats'?)" in found


def test_dangling_goto_and_unreachable_node(data: Path) -> None:
    edit(data / "dialogs" / "triage.yaml", "next: [{goto: sweats}]", "next: [{goto: sweatz}]")
    found = problems(data)
    assert any("dialogs/triage.yaml:nodes[fever].next[0]: goto 'sweatz' does not exist" in p for p in found)
    assert any(p.startswith("dialogs/triage.yaml:nodes[sweats]: unreachable") for p in found)


def test_cycle_is_reported(data: Path) -> None:
    edit(data / "dialogs" / "triage.yaml", "next: [{goto: sweats}]", "next: [{goto: pattern}]")
    assert any("cycle: pattern -> suv -> liver -> fever -> pattern" in p for p in problems(data))


def test_duplicate_ids(data: Path) -> None:
    shutil.copy(data / "knowledge" / "conditions" / "gcsf.yaml", data / "knowledge" / "conditions" / "gcsf2.yaml")
    found = problems(data)
    assert any("gcsf2.yaml:id: id 'gcsf' does not match the file name 'gcsf2'" in p for p in found)
    assert any("duplicate condition id 'gcsf'" in p for p in found)


def test_colliding_synonyms(data: Path) -> None:
    edit(data / "knowledge" / "findings.yaml", "synonyms: [night sweats, sweats]", "synonyms: [night sweats, sweats, fever]")
    assert any("term 'fever' is claimed by finding fever, finding night_sweats" in p for p in problems(data))


def test_weight_without_source(data: Path) -> None:
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "source: estimate, rationale: fixture", "source: estimate")
    edit(data / "knowledge" / "conditions" / "infection.yaml", "lr_absent: 0.8, source: R2", "lr_absent: 0.8, source: R9")
    found = problems(data)
    assert "knowledge/conditions/gcsf.yaml:evidence[homogeneous]: weight marked 'estimate' has no rationale" in found
    assert any("infection.yaml:evidence[night_sweats]: source 'R9' is neither a reference key nor 'estimate'" in p for p in found)


def test_finding_no_question_can_set(data: Path) -> None:
    edit(data / "dialogs" / "triage.yaml", "      - {label: Focal lesions in the spleen, sets: {splenic_lesions: present}}\n", "")
    edit(data / "dialogs" / "triage.yaml", "sets: {splenomegaly: absent, splenic_lesions: absent}", "sets: {splenomegaly: absent}")
    assert any("findings[splenic_lesions]: no dialog question can set this finding (used by condition leukaemia)" in p
               for p in problems(data))


def test_red_flag_with_wrong_kind_of_finding(data: Path) -> None:
    edit(data / "knowledge" / "red_flags.yaml", "{present: anaemia}", "{present: hb}")
    assert any("red_flags[fever_anaemia].when: finding 'hb' is numeric, a boolean finding is needed here" in p
               for p in problems(data))


def test_non_utf8_file(data: Path) -> None:
    (data / "knowledge" / "conditions" / "bad.yaml").write_bytes(b"id: bad\nlabel: caf\xe9\n")
    assert any(p.startswith("knowledge/conditions/bad.yaml: is not UTF-8 text") for p in problems(data))


def test_huge_file(data: Path) -> None:
    (data / "knowledge" / "conditions" / "huge.yaml").write_text("# " + "x" * (10 * 1024 * 1024))
    assert any(p.startswith("knowledge/conditions/huge.yaml: is 10,485,") for p in problems(data))


def test_deep_nesting(data: Path) -> None:
    (data / "knowledge" / "conditions" / "deep.yaml").write_text("a: " + "[" * 200 + "]" * 200)
    assert any("deep.yaml: is nested more than" in p or "deep.yaml: is not valid YAML" in p for p in problems(data))


def test_symlink_loop_data_dir(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    with pytest.raises(DataDirError, match="cannot be opened"):
        locate_data(str(loop))


def test_symlink_loop_inside_conditions(data: Path) -> None:
    link = data / "knowledge" / "conditions" / "loop.yaml"
    os.symlink(link, link)
    assert any("loop.yaml: is not a regular file" in p for p in problems(data))


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataDirError, match="has no dialogs/ or knowledge/"):
        locate_data(str(tmp_path))


def test_load_bundle_raises_with_every_problem(data: Path) -> None:
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "grade: A", "grade: Z")
    edit(data / "knowledge" / "conditions" / "infection.yaml", "grade: B", "grade: Q")
    with pytest.raises(BundleError) as err:
        load_bundle(str(data))
    assert len(err.value.problems) == 2 and "and 1 more" in str(err.value)


def test_yes_and_no_are_not_booleans(data: Path) -> None:
    bundle = load_bundle(str(data))
    assert "no" in bundle.language.negation_pre and "yes" in bundle.language.yes


def test_shipped_data_validates(shipped: object) -> None:
    from marrowchat.core.loading import Bundle

    assert isinstance(shipped, Bundle)
    report = validate_bundle(shipped)
    assert [str(p) for p in report.problems] == []
    assert len(shipped.conditions) >= 25


def test_bundle_cache_hits_and_follows_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marrowchat.core.cache import load_bundle_cached

    monkeypatch.setenv("MARROWCHAT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    first = load_bundle_cached(str(data))
    (entry,) = (tmp_path / "cache").glob("bundle-*.pickle")
    assert oct(entry.stat().st_mode & 0o777) == "0o600"
    again = load_bundle_cached(str(data))
    assert again.meta == first.meta and again is not first
    edit(data / "knowledge" / "meta.yaml", 'version: "fixture-1"', 'version: "fixture-2"')
    assert load_bundle_cached(str(data)).meta.version == "fixture-2"
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "grade: A", "grade: Z")
    with pytest.raises(BundleError):  # broken data is never served from the cache
        load_bundle_cached(str(data))
    (tmp_path / "cache" / entry.name).write_bytes(b"garbage")
    edit(data / "knowledge" / "conditions" / "gcsf.yaml", "grade: Z", "grade: A")
    assert load_bundle_cached(str(data)).meta.version == "fixture-2"


def test_language_and_ratio_options_need_the_right_kind_of_finding(data: Path) -> None:
    edit(data / "knowledge" / "findings.yaml",
         "{id: fever, label: Fever, section: symptoms, synonyms: [fever, febrile, pyrexia]}",
         "{id: fever, label: Fever, section: symptoms, synonyms: [fever, febrile, pyrexia], reciprocal_below_one: true}")
    lang = data / "knowledge" / "language.yaml"
    lang.write_text(lang.read_text() + "\ndifferential_letters: {n: fever}\nbelow_margin: {fever: night_sweats}\n"
                    "normal_percent:\n  fever: {blood: 5, marrow: 1, marrow_words: [marrow]}\n"
                    "  blast: {blood: 1, marrow: 5, marrow_words: [marrow]}\n"
                    "denied_later_in_clause: {cultures_positive: [contaminant]}\n")
    found = problems(data)
    assert any("normal_percent[fever]" in p and "swapped" in p for p in found), found
    assert any("normal_percent[blast]" in p and "unknown finding 'blast'" in p for p in found), found
    assert any("denied_later_in_clause[cultures_positive]" in p for p in found), found
    assert any("findings[fever].reciprocal_below_one: only a numeric ratio" in p for p in found), found
    assert any("differential_letters[n]" in p and "'fever'" in p for p in found), found
    assert any("below_margin[fever]" in p for p in found), found


def test_only_a_boolean_finding_yields_to_a_value(data: Path) -> None:
    path = data / "knowledge" / "findings.yaml"
    edit(path, "    kind: numeric\n    synonyms: [hb, hgb, haemoglobin]",
         "    kind: numeric\n    yields_to_value: present\n    synonyms: [hb, hgb, haemoglobin]")
    found = problems(data)
    assert any("findings[hb].yields_to_value: only a boolean finding" in p for p in found), found


def test_shared_terms_must_belong_to_another_finding(data: Path) -> None:
    (data / "knowledge" / "vocabulary.yaml").write_text(
        "vocabulary:\n"
        "  - {finding: night_sweats, shared: [fever, drenched]}\n"
        "  - {finding: fever, shared: [febrile]}\n")
    found = problems(data)
    assert any("vocabulary[0].shared[1]: 'drenched' is no other finding's term" in p for p in found), found
    assert any("vocabulary[1].shared[0]: 'febrile' is already a term of fever" in p for p in found), found
    assert not any("vocabulary[0].shared[0]" in p for p in found), found


def test_denied_by_names_a_boolean_finding(data: Path) -> None:
    path = data / "knowledge" / "findings.yaml"
    edit(path, "  - {id: splenomegaly, label: Splenomegaly, section: imaging, synonyms: [splenomegaly, enlarged spleen]}",
         "  - {id: splenomegaly, label: Splenomegaly, section: imaging, synonyms: [splenomegaly, enlarged spleen],\n"
         "     denied_by: [hepatosplenomegalyy, hb]}")
    edit(path, "    kind: numeric\n    synonyms: [hb, hgb, haemoglobin]",
         "    kind: numeric\n    denied_by: [splenomegaly]\n    synonyms: [hb, hgb, haemoglobin]")
    found = problems(data)
    assert any("findings[splenomegaly].denied_by" in p and "hepatosplenomegalyy" in p for p in found), found
    assert any("findings[splenomegaly].denied_by" in p and "'hb'" in p for p in found), found
    assert any("findings[hb].denied_by: only boolean findings can be denied" in p for p in found), found


def test_qualifiers_local_use_and_highest_kept_name_known_findings(data: Path) -> None:
    lang = data / "knowledge" / "language.yaml"
    lang.write_text(lang.read_text() + "\nqualifiers: {lesions: [lytic]}\nlocal_use: {steroid: [cream]}\n"
                    "highest_kept: [fever]\n")
    found = problems(data)
    assert any("qualifiers[lesions]" in p and "unknown finding 'lesions'" in p for p in found), found
    assert any("qualifiers[lesions][0]" in p and "unknown finding 'lytic'" in p for p in found), found
    assert any("local_use[steroid]" in p and "unknown finding 'steroid'" in p for p in found), found
    assert any("highest_kept[0]" in p for p in found), found
