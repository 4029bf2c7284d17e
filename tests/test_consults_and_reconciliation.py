"""What the fourteenth session's blind batches and corpora wrote (specialist consults, pharmacists' reconciliations
and funding letters, trial screening, nursing follow-up in Italian): a Romance adjective after its noun, a triage
rule's threshold, a fever's highest reading, drugs put on the skin, "steroid-free", allergy lines, "normal" said in
other languages; read on the shipped knowledge base."""

from __future__ import annotations

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle


@pytest.fixture(scope="module")
def engine(shipped: Bundle) -> Engine:
    return Engine(shipped)


def fact(engine: Engine, note: str, finding: str) -> tuple[str | None, float | None]:
    _, snap = engine.assess(note)
    found = next((f for f in snap.facts if f.finding == finding), None)
    return (found.status, found.value) if found else (None, None)


def status(engine: Engine, note: str, finding: str) -> str | None:
    return fact(engine, note, finding)[0]


# ------------------------------------------------------------------ the adjective after its noun

@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("Non lesioni ossee litiche o addensanti.", "lytic_lesions", "absent"),
    ("Non lesioni ossee litiche o addensanti.", "sclerotic_lesions", "absent"),
    ("No hay lesiones óseas líticas.", "lytic_lesions", "absent"),
    ("Pas de lésions osseuses lytiques ni condensantes.", "lytic_lesions", "absent"),
    ("Sem lesões ósseas líticas nem escleróticas.", "lytic_lesions", "absent"),
    # said, not denied, the kind is still read
    ("Lesioni ossee litiche multiple.", "lytic_lesions", "present"),
])
def test_a_denial_reaches_the_kind_of_lesion_said_after_it(engine: Engine, note: str, finding: str,
                                                           expected: str) -> None:
    assert status(engine, note, finding) == expected


def test_an_italian_can_is_no_pyrexia_of_unknown_origin(engine: Engine) -> None:
    # "può" folds to "puo", which is PUO only in capitals
    assert status(engine, 'Il MMG chiede: "midollo iperattivo, può essere post-traumatico?"', "fever") is None
    assert status(engine, "Referred with PUO for 3 weeks.", "fever") == "present"


@pytest.mark.parametrize("note", [
    "Dolore: costale dx NRS 3/10 agli atti respiratori profondi, anca dx NRS 2 sotto carico",
    "Dolor: caderas y columna",
    "Douleurs : rachis lombaire",
])
def test_a_pain_labelled_then_placed_is_bone_pain_in_other_languages(engine: Engine, note: str) -> None:
    assert status(engine, note, "bone_pain") == "present"


# ------------------------------------------------------------------ temperatures

def test_a_triage_rules_threshold_is_not_a_reading(engine: Engine) -> None:
    note = "Triage (UKONS tool): Temperature 37.5 or above, not on SACT -> AMBER.\nAOU: T 38.4  HR 88  BP 116/72"
    assert fact(engine, note, "temperature") == (None, 38.4)
    assert status(engine, note, "fever") == "present"
    assert fact(engine, "transfuse if plt 10 or less; plt 34 today", "platelets")[1] == 34


@pytest.mark.parametrize(("note", "value"), [
    ("Temp 37.2 yesterday. T 38.4  HR 88", 38.4),
    ("Temp 37.2 yesterday. Temp 38.4 today.", 38.4),
    ("Temp 37.1, 39.2°C overnight", 39.2),
    # a bare reading before the named one may be the history's: the named one stands
    ("FN in 2019 (T 39.5). Temp today 36.9, afebrile.", 36.9),
])
def test_a_fever_is_its_highest_reading(engine: Engine, note: str, value: float) -> None:
    assert fact(engine, note, "temperature")[1] == value


# ------------------------------------------------------------------ drugs: where, whether and when

@pytest.mark.parametrize(("note", "expected"), [
    ("Hydrocortisone 1 % cream BD to eczema patches on both shins.", None),
    ("budesonide 200 mcg inhaler", None),
    ("dexamethasone eye drops", None),
    ("Hydrocortisone 100 mg IV QDS", "present"),
    ("Currently steroid-free (letter dated 15/04).", "absent"),
])
def test_a_steroid_on_the_skin_or_stopped_is_not_given(engine: Engine, note: str, expected: str | None) -> None:
    assert status(engine, note, "steroids") == expected


def test_free_apart_from_its_word_denies_nothing(engine: Engine) -> None:
    assert fact(engine, "kappa free light chain 120 mg/L", "kappa_flc")[1] == 120


@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("Oral iron NOT to be started until after the PET (haematology request).", "iron_b12_repletion", "absent"),
    ("G-CSF not to be given", "gcsf_exposure", "absent"),
    ("en lista de espera para trasplante de progenitores hematopoyéticos", "hsct", "absent"),
    ("on the waiting list for stem cell transplant", "hsct", "absent"),
    ("Z. n. mechanischem Mitralklappenersatz", "prosthetic_device", "present"),
])
def test_instructions_waiting_lists_and_german_valves(engine: Engine, note: str, finding: str, expected: str) -> None:
    assert status(engine, note, finding) == expected


def test_an_allergy_lines_reaction_is_not_todays(engine: Engine) -> None:
    note = "Allergies/ADRs: amoxicillin - widespread itchy rash (1998); co-trimoxazole tolerated."
    assert status(engine, note, "rash") is None
    assert status(engine, note, "pruritus") is None
    assert status(engine, "Allergies: nil. New itchy rash on trunk.", "rash") == "present"


def test_a_genes_other_exons_share_its_result(engine: Engine) -> None:
    assert status(engine, "JAK2 V617F and exon 12 negative, EPO high-normal.", "jak2_positive") == "absent"
    assert status(engine, "JAK2 V617F positive, exon 12 not tested", "jak2_positive") == "present"


# ------------------------------------------------------------------ words in other languages

@pytest.mark.parametrize("note", ["LDH nella norma.", "LDH im Normbereich", "LDH dans les normes", "LDH w normie"])
def test_normal_said_in_other_languages_denies_a_raised_lab(engine: Engine, note: str) -> None:
    assert status(engine, note, "ldh_high") == "absent"


@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("Pas d'éruption cutanée, pas d'arthralgies.", "rash", "absent"),
    ("flüchtigem lachsfarbenem Exanthem und Polyarthralgien", "rash", "present"),
    ("un exantema asalmonado evanescente", "rash", "present"),
    ("Keine B-Symptomatik: kein Fieber", "b_symptoms", "absent"),
    ("powiększone węzły chłonne szyjne i pachowe do 4 cm", "lymphadenopathy", "present"),
])
def test_consult_words_in_other_languages(engine: Engine, note: str, finding: str, expected: str) -> None:
    assert status(engine, note, finding) == expected


# ------------------------------------------------------------------ the fifteenth round: handovers, travel, dialysis

@pytest.mark.parametrize(("note", "finding", "expected"), [
    # a relative who tells the story is no family trigger; one who is ill is
    ("History from daughter: fevers for 3 weeks.", "fever", "present"),
    ("Son says he has lost weight and has fevers.", "fever", "present"),
    ("Wife reports drenching sweats and fevers.", "fever", "present"),
    ("Both of her children had diarrhoea and fever in Egypt; she had loose stools only, no fever.", "fever", "absent"),
    ("La figlia ha avuto la febbre durante il viaggio; il paziente nega febbre.", "fever", "absent"),
    ("Travel companion developed fever; pt only had nausea", "fever", None),
    # a question's drug is planned; a purpuric rash is not the salmon rash
    ("should we start HLH-94 with etoposide now?", "chemo_exposure", "absent"),
    ("Non-blanching purpuric rash on both legs", "rash", None),
    ("bez potów nocnych", "night_sweats", "absent"),
    ("feber 39,0 sedan i morse med frossa", "rigors", "present"),
])
def test_who_has_it_and_what_is_asked(engine: Engine, note: str, finding: str, expected: str | None) -> None:
    assert status(engine, note, finding) == expected


def test_a_threshold_after_if_or_until_is_the_plans(engine: Engine) -> None:
    assert status(engine, "Discuss G-CSF with haem if ANC < 0.5.", "neutropenia") is None
    assert fact(engine, "ANC 0.3, start G-CSF if ANC < 0.5", "anc")[1] == 0.3
    note = "Plan: if ANC < 0.5 on the D10 count, start filgrastim 300 mcg SC OD until ANC > 1.0 on two days."
    assert status(engine, note, "gcsf_exposure") != "present"


def test_a_value_after_a_past_aside_is_todays(engine: Engine) -> None:
    # the aside opened more than six words back: "(baseline 94 in 2023)" dates the creatinine, not the Hb after it
    note = "Relevant results: adj Ca 3.12, creat 268 (baseline 94 in 2023), Hb 84, WCC 5.1, plt 162."
    assert fact(engine, note, "hb")[1] == 8.4


@pytest.mark.parametrize("note", [
    "              Dec    Mar    Jun\nHb g/L        104    94     86\nWCC           4.6    3.4    2.6",
    "Labor          03/   04/   aktuell\nHb g/dl        10,9  10,1  8,6\nLeukos /µl     6900  5200  2600",
])
def test_a_monthly_table_is_read_at_its_latest_column(engine: Engine, note: str) -> None:
    assert fact(engine, note, "hb")[1] == 8.6


def test_shafts_named_without_the_bone(engine: Engine) -> None:
    note = "Marrow: increased uptake spine, pelvis, proximal humeri/femora extending into the shafts, SUVmax 6.2"
    assert status(engine, note, "appendicular_extension") == "present"
    assert status(engine, "uptake does not extend into the shafts", "appendicular_extension") == "absent"


def test_a_second_unlabelled_temperature_after_a_comma(engine: Engine) -> None:
    assert fact(engine, "T 37.2 on arrival, 38.3 mid-dialysis. Cultures sent.", "temperature")[1] == 38.3
    assert fact(engine, "Temp 37.2, Hb 10.4", "temperature")[1] == 37.2


@pytest.mark.parametrize("note", ["ESKD (IgA nephropathy), HD since 2021", "on haemodialysis", "peritoneal dialysis"])
def test_dialysis_is_kidney_failure(engine: Engine, note: str) -> None:
    assert status(engine, note, "renal_impairment") == "present"


def test_an_auto_rickshaw_is_no_autograft(engine: Engine) -> None:
    note = "DOA: 10th day | MICU day 3 | ATT day 4\n33/M, auto-rickshaw driver, resident of Vaishali dist., Bihar."
    assert status(engine, note, "hsct_recent") != "present"
    assert fact(engine, "day +12 post auto", "days_since_hsct")[1] == 12


def test_what_a_survivor_remembers_is_the_past(engine: Engine) -> None:
    note = "He remembers febrile neutropenia during delayed intensification (2002) - 3 days in PICU."
    assert status(engine, note, "fever") != "present"
