"""Timelines around the scan, the notes of pharmacists, nurses and intensive-care teams, and the report language of
the tenth session's blind batches and corpora, read on the shipped knowledge base."""

from __future__ import annotations

import pytest
from helpers import readings

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher


@pytest.fixture(scope="module")
def matcher(shipped: Bundle) -> Matcher:
    return Matcher(shipped)


@pytest.fixture(scope="module")
def engine(shipped: Bundle) -> Engine:
    return Engine(shipped)


def test_the_note_s_own_date_counts_a_dose_when_no_scan_is_dated(engine: Engine) -> None:
    _, snap = engine.assess("Pegfilgrastim was given on 09/03 (day 2 of C2). Today 25/03.")
    assert snap.facts.value("days_since_pegfilgrastim") == 16 and snap.facts.status("gcsf_recent") == "present"
    # a dated scan still outranks the note's day
    _, snap = engine.assess("Pegfilgrastim given 09/03. PET 30/03. Today 02/04.")
    assert snap.facts.value("days_since_pegfilgrastim") == 21


@pytest.mark.parametrize(("note", "day"), [
    ("TPH autólogo el 15/01/2024; hoy 20/02/2024 (día +36).", 36),
    ("Trapianto allogenico da donatore aploidentico il 05/02/2024, oggi giornata +40.", 40),
    ("Autologní transplantace krvetvorných buněk 2. 2. 2024, dnes den +35.", 35),
    ("Allogreffe de CSH le 10/01/2024 pour LAM en RC1 ; ce jour J+95.", 95),
    ("Allogén őssejt-transzplantáció után a +75. napon.", 75),
    ("Allojenik kök hücre nakli sonrası +45. gün.", 45),
])
def test_a_transplant_day_told_abroad(engine: Engine, note: str, day: int) -> None:
    _, snap = engine.assess(note)
    assert snap.facts.value("days_since_hsct") == day and snap.facts.status("hsct_recent") == "present"


def test_a_day_counted_after_its_number_needs_its_transplant(engine: Engine) -> None:
    _, snap = engine.assess("Hb 8.5, +12. gün antibiyotik")
    assert snap.facts.value("days_since_hsct") is None


def test_a_transplant_on_the_way_is_not_one_done(matcher: Matcher) -> None:
    got = readings(matcher, "Discussed w/ pt + mum: transplant pathway, fertility (sperm banking done 2/52 ago).")
    assert "days_since_hsct" not in got


def test_the_latest_transplant_day_told_twice_is_the_note_s_own(engine: Engine) -> None:
    note = ("Allo-SCT for AML. Neutrophils first exceeded 0.5 on day +16. On day +19 the chart still showed "
            "temperatures of 38.6. Day +19 bloods: Hb 8.6, neutrophils 0.8.")
    _, snap = engine.assess(note)
    assert snap.facts.value("days_since_hsct") == 19
    # a milestone said once is history ("MRD negative at day +100"), and a schedule is not a day of the note's
    _, snap = engine.assess("Allo-SCT 2021 for B-ALL. MRD negative at day +100 and +180. Now relapsed.")
    assert snap.facts.value("days_since_hsct") is None
    _, snap = engine.assess("Allo-SCT for AML; filgrastim from day +7 to day +21, day +21 engrafted.")
    assert snap.facts.value("days_since_hsct") is None


def test_a_drug_given_on_listed_days_of_its_cycle_is_a_schedule(matcher: Matcher) -> None:
    got = readings(matcher, "Plan: bendamustine 90 mg/m2 D1-2. Pharmacy: bendamustine 178 mg -> 180 mg D1, D2.")
    assert "days_since_chemo" not in got
    assert readings(matcher, "R-CHOP d10, PET today")["days_since_chemo"] == 10


@pytest.mark.parametrize("note", [
    "Back pain 8/10 radiating round the chest in a band at T6, and over 48 h both legs have become heavy.",
    "back pain easing after 20 Gy to T11, walking with a frame; hip flexion still 4/5 bilaterally.",
    "Acute rugpijn met sinds vanochtend krachtsverlies van beide benen en een doof gevoel in het zadelgebied.",
])
def test_weakness_as_wards_write_it_is_a_sign_of_cord_compression(engine: Engine, note: str) -> None:
    _, snap = engine.assess(note)
    assert snap.facts.status("cord_compression_signs") == "present"


def test_a_japanese_denial_after_its_finding(matcher: Matcher) -> None:
    got = readings(matcher, "関節痛（両膝・手指）あり、骨痛は否定。")
    assert got["arthralgia"] == "present" and got["bone_pain"] == "absent"


def test_neutropenia_named_in_russian(matcher: Matcher) -> None:
    got = readings(matcher, "Нейтропения (АЧН 0,6×10^9/л) после курса химиотерапии 5 дней назад.")
    assert got["anc"] == 0.6 and got["neutropenia"] == "present"


@pytest.mark.parametrize("note", [
    "intensitet på niveau med cerebellum, SUVmax L3 9,1.",
    "intensity at the level of the cerebellum, SUVmax L3 9.1.",
])
def test_marrow_at_the_brain_s_level_keeps_its_own_suvmax(engine: Engine, note: str) -> None:
    _, snap = engine.assess(note)
    assert snap.facts.status("marrow_ge_brain") == "present" and snap.facts.value("marrow_suvmax") == 9.1
    assert snap.facts.status("marrow_suv_high") == "present"


@pytest.mark.parametrize(("note", "value"), [
    ("SUVmax marrow 6.6 (T10).", 6.6),
    ("PET: BM SUV 6.9 / liver 2.2", 6.9),
    ("Diffust øget, heterogent optag i knoglemarven med SUVmax op til 8,2 i bækkenet.", 8.2),
    ("Диффузное неоднородное повышение метаболизма ФДГ в костном мозге, SUVmax до 9,4 (крыло левой подвздошной "
     "кости), выше печени (SUVmax 2,6).", 9.4),
    ("A csontvelő SUVmax értéke 8,1, a kisagyé 7,5", 8.1),
])
def test_a_marrow_suvmax_in_more_word_orders(engine: Engine, note: str, value: float) -> None:
    _, snap = engine.assess(note)
    assert snap.facts.value("marrow_suvmax") == value


def test_overtreft_is_above_the_brain(matcher: Matcher) -> None:
    assert readings(matcher, "Beenmergactiviteit overtreft die van het cerebellum.")["marrow_ge_brain"] == "present"


def test_a_hyphenated_film_and_vietnamese_shafts(engine: Engine) -> None:
    note = ("Phết máu ngoại biên: hồng cầu non + bạch cầu non (hình ảnh leuco-erythroblastic). PET/CT: tăng hấp thu "
            "FDG lan tỏa toàn bộ tủy xương trục, lan xuống thân xương đùi và xương cánh tay, SUVmax 7,2.")
    _, snap = engine.assess(note)
    assert snap.facts.status("leukoerythroblastic_film") == "present"
    assert snap.facts.status("appendicular_extension") == "present"


def test_a_spleen_measured_along_its_axis_abbreviated(engine: Engine) -> None:
    for note in ("splenomegalia (DL 21 cm) con captazione diffusa intensa", "splenomegaly (CC 21 cm)"):
        _, snap = engine.assess(note)
        assert snap.facts.value("spleen_length") == 21 and snap.facts.status("massive_splenomegaly") == "present"


def test_the_year_of_a_test_is_not_its_result(matcher: Matcher) -> None:
    assert readings(matcher, "SPEP 2024: no paraprotein.")["m_protein"] == "absent"
    assert readings(matcher, "SPEP 2024: IgG kappa 24 g/L")["m_protein"] == "present"


def test_a_measured_score_outranks_no_pressors(engine: Engine) -> None:
    for note in ("HF 108/min, AH 28/min, MAP 68 zonder vasopressie. SOFA 5.", "SOFA 5, no vasopressors."):
        _, snap = engine.assess(note)
        assert snap.facts.status("sepsis_physiology") == "present"
    _, snap = engine.assess("not septic, SOFA 0")
    assert snap.facts.status("sepsis_physiology") == "absent"


def test_arabic_back_pain_with_its_preposition(matcher: Matcher) -> None:
    assert readings(matcher, "ألم في أسفل الظهر والورك الأيمن يزداد مع المشي")["bone_pain"] == "present"


def test_an_hl7_result_message_reads_as_its_results(engine: Engine) -> None:
    note = ("MSH|^~\\&|SUNQUEST|MERCY_LAB|EPIC|MERCY_MAIN|20240311071204||ORU^R01|LAB88213|P|2.5.1\n"
            "PID|1||4471902^^^MERCY^MR||DOE^JOHN^J||19660204|M\n"
            "OBX|1|NM|6690-2^WBC^LN||3.1|10*3/uL|4.0-11.0|L|||F\n"
            "OBX|3|NM|777-3^Platelets^LN||41|10*3/uL|150-400|LL|||F\n"
            "OBX|4|NM|751-8^Neutrophils #^LN||0.4|10*3/uL|1.8-7.7|LL|||F\n"
            "OBX|5|NM|709-8^Blasts/100 WBC^LN||34|%|0-0|HH|||F\n"
            "OBX|2|NM|8310-5^Body temperature^LN||38.7|Cel||H|||F\n"
            "OBX|1|TX|^IMPRESSION||Diffuse intense FDG uptake in the marrow. Marrow SUVmax 8.1 (L3); liver 2.6.||||||F")
    _, snap = engine.assess(note)
    assert snap.facts.value("wbc") == 3.1 and snap.facts.value("platelets") == 41 and snap.facts.value("anc") == 0.4
    assert snap.facts.value("blast_percent") == 34 and snap.facts.value("marrow_suvmax") == 8.1
    assert snap.facts.status("fever") == "present" and snap.facts.status("neutropenia") == "present"
    # the header segments' dates and identifiers are not read as anything
    assert snap.facts.value("age") is None
    # and the UCUM units of the segments ("10*3/uL", "Cel") are units, not words left over
    unmatched = Matcher(engine.bundle).match(note).unmatched
    assert not any(u in ("uL", "Cel") for u in unmatched), unmatched


def test_loinc_long_names_read_as_their_component(engine: Engine) -> None:
    note = ("718-7   | Hemoglobin [Mass/volume] in Blood | 8.1 | g/dL | 12.0-15.5 | L\n"
            "751-8   | Neutrophils [#/volume] in Blood | 0.7 | 10*3/uL | 1.8-7.7 | LL\n"
            "777-3   | Platelets [#/volume] in Blood by Automated count | 38 | 10*3/uL | 150-400 | LL\n"
            "2276-4  | Ferritin [Mass/volume] in Serum or Plasma | 28450 | ng/mL | 13-150 | HH")
    _, snap = engine.assess(note)
    assert snap.facts.value("hb") == 8.1 and snap.facts.value("anc") == 0.7
    assert snap.facts.value("platelets") == 38 and snap.facts.value("ferritin") == 28450


@pytest.mark.parametrize(("note", "age"), [("6歳3か月 女児（小1）", 6), ("4岁3个月 男孩", 4)])
def test_an_age_in_years_and_months(engine: Engine, note: str, age: int) -> None:
    _, snap = engine.assess(note)
    assert snap.facts.value("age") == age and snap.facts.status("child") == "present"


def test_italian_foci_with_their_bones(matcher: Matcher) -> None:
    assert readings(matcher, "multipli focolai sovrapposti (rachide, bacino, coste)")["focal_lesions"] == "present"
    # an endemic focus is not a lesion
    assert "focal_lesions" not in readings(matcher, "residente in area di focolaio di leishmaniosi")


def test_part_time_school_is_not_a_temperature(matcher: Matcher) -> None:
    assert readings(matcher, "apyrétique, a repris l'école à mi-temps.")["fever"] == "absent"


def test_tw_is_the_total_white_count(matcher: Matcher) -> None:
    assert readings(matcher, "Labs: Hb 9.8, TW 2.8 (ANC 1.6, ALC 0.6), plt 112.")["wbc"] == 2.8
