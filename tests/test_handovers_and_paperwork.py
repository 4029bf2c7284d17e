"""Handover lists, request forms and the structured exports of the eleventh session's blind batches and corpora:
contingency plans, questions that close, tables exported as CSV, and the words of report headings, read on the
shipped knowledge base."""

from __future__ import annotations

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.text import contingencies, delimited_tables, liver_multiples


@pytest.fixture(scope="module")
def engine(shipped: Bundle) -> Engine:
    return Engine(shipped)


def status(engine: Engine, note: str, finding: str) -> str | None:
    _, snap = engine.assess(note)
    return snap.facts.status(finding)


# ------------------------------------------------------------------ contingencies

@pytest.mark.parametrize(("note", "finding"), [
    ("If temp ≥ 38 or rigors → BCx from both lumens + peripheral, start meropenem.", "fever"),
    ("If temp ≥ 38 or rigors → BCx from both lumens + peripheral, start meropenem.", "rigors"),
    ("Si fiebre → hemocultivos y cefepime, avisar a hemato.", "fever"),
    ("If ANC < 0.5 on D+21, discuss.", "neutropenia"),
    ("If new leg weakness, saddle numbness or retention → dex 16 mg + urgent MRI whole spine.", "cord_compression_signs"),
    ("Se hipotensão (PAS < 90) ou lactato > 4 → acionar UTI.", "hypotension"),
    ("Si ferritina > 10.000 avisar a hematología.", "ferritin_high"),
    (" ☐ if T >=38 or wound ooze -> BCx, wound swab, inform spinal reg", "fever"),
    ("ANC 0.4, T 38.2. If ANC not recovering in 48 h → G-CSF per haem.", "gcsf_exposure"),
])
def test_a_handover_s_contingency_is_not_a_finding(engine: Engine, note: str, finding: str) -> None:
    assert status(engine, note, finding) != "present"


def test_what_is_told_around_a_contingency_still_counts(engine: Engine) -> None:
    note = "Apyrétique. Si fièvre ≥ 38,3 : hémocs x2 + pipé-tazo. PNN 0,1 G/L."
    _, snap = engine.assess(note)
    assert snap.facts.status("fever") == "absent" and snap.facts.status("neutropenia") == "present"
    _, snap = engine.assess("Spiked 38.9 overnight. If still febrile at 48 h, add vanc.")
    assert snap.facts.status("fever") == "present"
    _, snap = engine.assess("Plan: if plt < 10 transfuse. Plt 8 today.")
    assert snap.facts.value("platelets") == 8


def test_only_a_threshold_or_a_few_words_make_a_condition_without_an_arrow() -> None:
    # a long "if" sentence is read as it is (its own doubt words decide), and the Tagalog article "si" is no "if"
    for text in ("If bone pain with Neulasta is troublesome again next cycle, consider switching to filgrastim.",
                 "Si patient ay 62 y/o, may lagnat for 2 weeks."):
        assert contingencies(text) == text
    blanked = contingencies("If febrile, cultures, ANC 0.3 today")
    assert len(blanked) == len("If febrile, cultures, ANC 0.3 today") and blanked.endswith(", ANC 0.3 today")
    assert "febrile" not in blanked and "cultures" not in blanked


# ------------------------------------------------------------------ questions

@pytest.mark.parametrize(("note", "finding"), [
    ("Richiesta PET/TC. Quesito clinico: linfoma? Febbre serotina da 3 settimane, calo ponderale di 5 kg.", "fever"),
    ("Remiss PET/DT. Frågeställning: lymfom? Patienten har haft feber och nattliga svettningar i en månad.", "fever"),
    ("Skierowanie na PET/CT. Rozpoznanie wstępne: szpiczak? Bóle kostne, Hb 8,4 g/dl.", "bone_pain"),
    ("Question: lymphoma? Fever for 3 weeks.", "fever"),
])
def test_a_question_mark_closes_the_question_it_ends(engine: Engine, note: str, finding: str) -> None:
    assert status(engine, note, finding) == "present"


def test_a_second_question_stays_a_question(engine: Engine) -> None:
    assert status(engine, "Question: node biopsy or marrow? Lymphoma how likely?", "known_nhl") != "present"


@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("'Fever in the last week?' — No.", "fever", "absent"),
    ("MRI whole spine overnight to r/o cord compression: none.", "cord_compression_signs", "absent"),
    ("Clinical history: fever? (GP letter unclear whether pt has actually been febrile).", "fever", None),
])
def test_a_question_answered_or_left_open(engine: Engine, note: str, finding: str, expected: str | None) -> None:
    assert status(engine, note, finding) == expected


# ------------------------------------------------------------------ tables exported as text

def test_a_wide_csv_reads_its_newest_row_with_its_column_names(engine: Engine) -> None:
    _, snap = engine.assess("wbc_10e9,hb_g_dl,plt_10e9\n2.1,8.4,33")
    assert (snap.facts.value("wbc"), snap.facts.value("hb"), snap.facts.value("platelets")) == (2.1, 8.4, 33)
    _, snap = engine.assess("Date,Time,Temp_C,HR,BP,RR,SpO2\n2024-03-14,02:00,39.4,124,84/46,26,91")
    assert snap.facts.value("temperature") == 39.4 and snap.facts.status("hypotension") == "present"
    _, snap = engine.assess("Datum;Hb;Leuko;Thrombo\n01.03.2026;8,1;2,3;45\n03.03.2026;7,9;1,9;38")
    assert snap.facts.value("hb") == 7.9 and snap.facts.value("platelets") == 38


def test_a_long_csv_reads_each_test_s_newest_row() -> None:
    table = ("collected,test,result,units,flag\n2023-11-02,ANC,0.2,x10^9/L,LL\n2023-11-02,PLT,22,x10^9/L,LL\n"
             "2024-01-15,ANC,3.9,x10^9/L,\n2024-01-15,PLT,256,x10^9/L,")
    read = delimited_tables(table)
    assert len(read) == len(table)
    assert "ANC 3.9" in read and "PLT 256" in read and "0.2" not in read and "22" not in read


def test_a_sentence_with_commas_is_no_table() -> None:
    text = "Fever, cough, night sweats.\nHb 8, 9, 10 over days"
    assert delimited_tables(text) == text


def test_a_hormone_level_is_not_the_drug(engine: Engine) -> None:
    assert status(engine, "EPO 1.9 mU/mL, JAK2 V617F detected", "esa_exposure") != "present"
    assert status(engine, "G-CSF: 412 pg/ml", "gcsf_exposure") != "present"
    assert status(engine, "EPO 40000 IU weekly since March", "esa_exposure") == "present"


# ------------------------------------------------------------------ report words

def test_a_heading_naming_what_its_line_denies(engine: Engine) -> None:
    note = "FINDINGS — LYMPH NODES: No FDG-avid or enlarged nodes in the neck, chest, abdomen or pelvis."
    assert status(engine, note, "hot_nodes") == "absent"
    assert status(engine, "Nodes: FDG-avid cervical nodes.", "hot_nodes") == "present"


def test_a_normal_word_abroad_does_not_deny_an_enlarged_spleen(engine: Engine) -> None:
    assert status(engine, "splenomegalia con ecostruttura normale", "splenomegaly") == "present"


def test_the_marrow_as_a_multiple_of_the_liver(engine: Engine) -> None:
    _, snap = engine.assess("Marrow SUVmax 5.1, ~1.5× liver, below brain.")
    assert snap.facts.value("marrow_liver_ratio") == 1.5 and snap.facts.status("marrow_above_liver") == "present"
    assert liver_multiples("spleen 1.5x liver") == "spleen 1.5x liver"


@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("sin extensión a diáfisis de huesos largos", "appendicular_extension", "absent"),
    ("Rozmaz: blastów brak. Hb 9,1.", "blasts", "absent"),
    ("Rozmaz: blasty 12%, brak cech hemolizy", "blasts", "present"),
    ("Day 7-9 temps up to 37.8; CRP 96 -> 71 -> 54.", "fever", "absent"),
    ("Evening temperatures of 37.8-38.2 °C for about two months.", "fever", "present"),
    ("Mr S. McL., 58M, D10 post L4-5 fusion.", "known_nhl", None),
    ("Known MCL on ibrutinib.", "known_nhl", "present"),
])
def test_words_of_the_handovers(engine: Engine, note: str, finding: str, expected: str | None) -> None:
    assert status(engine, note, finding) == expected


def test_a_unit_of_blood_is_not_the_next_value_of_a_trend(engine: Engine) -> None:
    _, snap = engine.assess("Hb 87 Thurs -> 1u RBC given slowly")
    assert snap.facts.value("hb") == 8.7


def test_a_form_s_window_is_not_a_time_since(engine: Engine) -> None:
    _, snap = engine.assess("Recent chemo (<3 wk) [ ] Y [x] N   G-CSF [ ] Y [x] N")
    assert snap.facts.value("days_since_chemo") is None and snap.facts.status("chemo_recent") != "present"
    _, snap = engine.assess("R-CHOP <3 weeks ago")
    assert snap.facts.status("chemo_recent") == "present"


# ------------------------------------------------------------------ the time of the scan

@pytest.mark.parametrize(("note", "finding"), [
    ("Three weeks after the PET she developed cord compression at T10, with bilateral leg weakness and urinary "
     "retention.", "cord_compression_signs"),
    ("The aspirate done two weeks after the PET showed florid haemophagocytosis.", "haemophagocytosis"),
    ("The MRI spine, done a month after the PET for new back pain, showed diffusely low T1 marrow signal.",
     "bone_pain"),
    ("The hyperleukocytosis (WBC 146) developed on day 3, two days after the PET.", "hyperleukocytosis"),
])
def test_what_a_clause_dates_after_the_scan_was_not_there_at_it(engine: Engine, note: str, finding: str) -> None:
    assert status(engine, note, finding) != "present"


def test_the_scan_counted_after_a_drug_is_still_the_drug_s_window(engine: Engine) -> None:
    _, snap = engine.assess("PET 5 days after pegfilgrastim; bone pain.")
    assert snap.facts.status("gcsf_recent") == "present" and snap.facts.status("bone_pain") == "present"
    note = ("The aspirate done two weeks after the PET showed haemophagocytosis; at the time of the scan the "
            "triglycerides were 4.2 mmol/L and the fibrinogen 1.1 g/L.")
    _, snap = engine.assess(note)
    assert snap.facts.status("triglycerides_high") == "present" and snap.facts.status("fibrinogen_low") == "present"


# ------------------------------------------------------------------ words from the dev batches

@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("כאבי פרקים (ברכיים) וכאבי גב תחתון עם הקרנה לישבן הימני.", "bone_pain", "present"),  # "and" glued on
    ("כאבי פרקים (ברכיים)", "arthralgia", "present"),
    ("ללא חום וללא כאבי עצמות", "bone_pain", "absent"),
    ("Kvantiferon negativan. HIV negativan.", "hiv", "absent"),
    ("L'mrida katchki b l'wja3 f dhar w f dlou3 mn chhrayn.", "bone_pain", "present"),
    ("Febre (38,4 °C), sudorese noturna e perda ponderal de 8 kg em 3 meses.", "weight_loss", "present"),
    ("PV since 2012, now massive splenomegaly and weight down 6 kg.", "weight_loss", "present"),
])
def test_words_of_the_dev_batches(engine: Engine, note: str, finding: str, expected: str) -> None:
    assert status(engine, note, finding) == expected


def test_a_course_s_length_is_not_a_time_since(engine: Engine) -> None:
    note = ("Dış merkezde lökopeni nedeniyle 3 gün filgrastim (Leucostim 30 MU/gün s.c.) yapılmış; son doz "
            "PET/BT'den 3 hafta önce.")
    _, snap = engine.assess(note)
    assert snap.facts.value("days_since_gcsf") == 21
    _, snap = engine.assess("filgrastim 5 days ago")
    assert snap.facts.value("days_since_gcsf") == 5


# ------------------------------------------------------------------ copied-forward records and palliative care

def test_a_stale_template_said_so_denies_nothing(engine: Engine) -> None:
    note = ("PHYSICAL EXAM: Abdomen: soft, nontender, no hepatosplenomegaly. Attending addendum: template exam above "
            "not updated - spleen palpable 6 cm below LCM, firm.")
    assert status(engine, note, "splenomegaly") == "present"


def test_an_older_note_s_text_carried_forward_is_the_past(engine: Engine) -> None:
    note = ("Assessment copied forward from 09/2025: 'Febrile neutropenia day 3, on pip-tazo.' Today afebrile >72 h, "
            "ANC 2.1, antibiotics stopped yesterday.")
    _, snap = engine.assess(note)
    assert snap.facts.status("fever") == "absent" and snap.facts.status("neutropenia") == "absent"


@pytest.mark.parametrize(("note", "finding", "expected"), [
    ("Rigors 20 min into the transfusion - stopped, settled with paracetamol. Temp peaked at 38.9.", "fever", "present"),
    ("The CRP had peaked at 240 a week before the scan and was 38 on the day of the PET.", "crp_very_high", None),
    ("Daughter on the phone: 'Mum keeps saying her bones hurt, especially her back and hips.'", "bone_pain", "present"),
    ("Mum worried about 'lumps in his neck'; on exam shotty sub-centimetre nodes only.", "lymphadenopathy", None),
    ("Entrega de turno: RAN 0,3, plaquetas 12.000, Hb 7,9. Afebril.", "neutropenia", "present"),
])
def test_words_of_the_palliative_and_record_batches(engine: Engine, note: str, finding: str,
                                                    expected: str | None) -> None:
    assert status(engine, note, finding) == expected


def test_safety_netting_advice_is_a_contingency(engine: Engine) -> None:
    note = ("Safety-netting given: if new back pain with leg weakness, numbness or bladder problems, call the hospice "
            "urgently (vertebral mets, MSCC risk).")
    assert status(engine, note, "cord_compression_signs") != "present"
    # a spaced dash ends the condition: what follows it is told
    _, snap = engine.assess("If plt < 10 transfuse a pool - Hb 9.6 today.")
    assert snap.facts.value("hb") == 9.6 and snap.facts.value("platelets") is None


def test_a_transplant_note_s_own_day_under_a_dashed_heading(engine: Engine) -> None:
    note = ("BMT Unit – Day +42 review\nTransplant: MUD allo-HSCT, Flu/Bu conditioning, PBSC.\n"
            "Now: 39M, day +42. Filgrastim given day +7 to +18 only. Plan: CSA taper from day +90, repeat chimerism "
            "day +56.")
    _, snap = engine.assess(note)
    assert snap.facts.value("days_since_hsct") == 42 and snap.facts.status("hsct_recent") == "present"


def test_a_dose_years_ago_is_long_past_its_window(engine: Engine) -> None:
    note = ("He finished R-CHOP with pegfilgrastim in November 2021 – roughly three years ago, nothing since. "
            "Hb 8.7, platelets 74.")
    _, snap = engine.assess(note)
    assert snap.facts.value("days_since_pegfilgrastim") == 1095 and snap.facts.status("gcsf_recent") != "present"
    # an age or a duration in years dates nothing
    _, snap = engine.assess("65-year-old woman, pegfilgrastim 10 days ago")
    assert snap.facts.value("days_since_pegfilgrastim") == 10


def test_a_test_sent_does_not_doubt_the_symptom_that_sent_it(engine: Engine) -> None:
    _, snap = engine.assess("spiked 38.9 at 02:00 with rigors, BCx x2 sent, pip-taz started")
    assert snap.facts.status("rigors") == "present" and snap.facts.status("positive_blood_cultures") != "present"


def test_a_regimen_s_cycle_and_day_date_it(engine: Engine) -> None:
    # found in tmux: a handover's "R-CHOP C4 day 12" left the neutropenia unexplained by chemotherapy
    _, snap = engine.assess("Night handover - bed 14, 58M, DLBCL, R-CHOP C4 day 12. ANC 0.2, T 38.9.")
    assert snap.facts.value("days_since_chemo") == 12 and snap.facts.status("chemo_recent") == "present"
    # a growth factor's day of the cycle is not the chemotherapy's, and a cycle's first day dates nothing alone
    _, snap = engine.assess("Pegfilgrastim C4 D2, PET C4 D12")
    assert snap.facts.value("days_since_pegfilgrastim") == 10 and snap.facts.value("days_since_chemo") is None
    _, snap = engine.assess("R-CHOP C4 D1")
    assert snap.facts.value("days_since_chemo") is None
