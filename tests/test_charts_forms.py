"""Drug charts drawn as tables and forms filled in with tick boxes, read on the shipped knowledge base."""

from __future__ import annotations

import pytest
from helpers import readings

from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher
from marrowchat.core.text import FormMarks, table_rows


@pytest.fixture(scope="module")
def matcher(shipped: Bundle) -> Matcher:
    return Matcher(shipped)


def test_tables_are_found_drawn_with_pipes_or_lined_up_with_spaces() -> None:
    text = ("x\n| Ciclo | Docetaxel | Peg (D2) |\n|---|---|---|\n| C1 | 07/01/2025 | 08/01 dado |\nprose\n"
            "Cycle  Date        Carbo\nC1     06/01/2025  given\nend")
    tables = [[[text[a:b] for a, b in cells] for _, cells in table] for table in table_rows(text)]
    assert tables == [[["Ciclo", "Docetaxel", "Peg (D2)"], ["C1", "07/01/2025", "08/01 dado"]],
                      [["Cycle", "Date", "Carbo"], ["C1", "06/01/2025", "given"]]]
    assert table_rows("one line | with | pipes\nand prose after it") == []


def test_a_drug_column_dates_the_last_dose_given_and_skips_a_cycle_postponed(matcher: Matcher) -> None:
    chart = ("Docetaxel 75 mg/m2 c/21 d.\n| Ciclo | Docetaxel | Pegfilgrastim 6 mg (D2) |\n"
             "| C5 | 01/04/2025 | 02/04 administrado |\n| C6 | 22/04/2025 APLAZADO - fiebre | no administrado |\n"
             "PET-TC 19/05/2025: hipermetabolismo difuso.")
    got = readings(matcher, chart)
    # not 21 days ("c/21 d" is every 21 days), nor 2 ("D2" is the day of the cycle)
    assert got["days_since_chemo"] == 48.0 and got["days_since_pegfilgrastim"] == 47.0


def test_a_chart_lined_up_with_spaces_stops_at_the_doses_refused(matcher: Matcher) -> None:
    chart = ("Cycle  Date        Carbo/Pac   Pegfilgrastim 6 mg (D2)\nC1     06/01/2025  given       07/01 given\n"
             "C3     17/02/2025  given       18/02 given\nC4     10/03/2025  given       REFUSED - bone pain after C3\n"
             "PET-CT performed 13/05/2025: diffuse marrow uptake.")
    assert readings(matcher, chart)["days_since_pegfilgrastim"] == 84.0


def test_a_chart_under_its_drug_reads_ticks_by_the_dates_heading_them(matcher: Matcher) -> None:
    chart = ("Filgrastim (Zarzio) 30 Mio. E s.c. 1x tgl.\n| 04.03. | 05.03. | 06.03. | 07.03. |\n"
             "| verabreicht | verabreicht | pausiert | abgesetzt |\nPET-CT am 12.03.2024.")
    assert readings(matcher, chart)["days_since_gcsf"] == 7.0


def test_a_dispensing_row_not_used_and_a_drug_level_date_nothing(matcher: Matcher) -> None:
    printout = ("Date | Item | Status\n02/04/24 | Neulasta 6mg PFS | admin 03/04\n"
                "23/04/24 | Neulasta 6mg PFS | RETURNED - not used (C3 deferred)\nPET 30/04/24")
    assert readings(matcher, printout)["days_since_pegfilgrastim"] == 27.0
    labs = ("| analyse | 25.08.2025 | 29.08.2025 (PET-dag) |\n| Hb (g/dl) | 12,6 | 12,1 |\n"
            "| S-G-CSF (pg/ml) | – | 142 H |\nPET/CT 29.08.2025: diffus.")
    assert "days_since_gcsf" not in readings(matcher, labs)


def test_a_list_of_dose_dates_is_not_a_header_of_dates(matcher: Matcher) -> None:
    text = ("dd EC90 x4 - 06/01, 20/01, 03/02, 17/02/2025 - all given\n"
            "Pegfilgrastim 6 mg D2 - 07/01, 21/01, 04/02, 18/02/2025 - all given\nPET-CT 04/04/2025: diffuse uptake.")
    assert readings(matcher, text)["days_since_pegfilgrastim"] == 45.0


def test_form_marks_keep_the_text_length(shipped: Bundle) -> None:
    lang = shipped.language
    forms = FormMarks([*lang.yes, *lang.note_answers.yes], [*lang.no, *lang.note_answers.no])
    for text in ("Fieber ☒ ja ☐ nein; Gewichtsverlust ☐ ja ☒ nein", "[x] fever  [ ] weight loss",
                 "B symptoms  Y   N\nFever      [ ] [X]", "G-CSF N | Steroids Y |", "EPO: Y / N → N.",
                 "Focal lesions: yes / no (circled: no).", "dysplasia ✘  teardrops ✔", "PNN   0,1 G/L   *"):
        out = forms.read(text)
        assert len(out) == len(text), (text, out)
    assert forms.read("PNN   0,1 G/L   *") == "PNN   0,1 G/L   *"  # a capital N inside a word answers nothing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anamnesebogen: Fieber ☒ ja ☐ nein; Gewichtsverlust ☐ ja ☒ nein; Knochenschmerzen ☐ ja ☐ nein.",
         {"fever": "present", "weight_loss": "absent"}),
        ("Referral (tick): [x] fever  [x] night sweats  [ ] weight loss", {"fever": "present", "night_sweats": "present"}),
        ("Checklist:  Recent chemo N | G-CSF N | Steroids N |", {"gcsf_exposure": "absent", "steroids": "absent"}),
        ("B symptoms     Y    N\nFever         [ ]  [X]\nSweats        [X]  [ ]",
         {"fever": "absent", "night_sweats": "present"}),
        ("CT component: lytic ☐  sclerotic ☐  normal bone ☑", {"lytic_lesions": "absent", "sclerotic_lesions": "absent"}),
        ("Film: leukoerythroblastic ✔  dysplasia ✘", {"leukoerythroblastic_film": "present", "dysplasia": "absent"}),
        ("Back pain red flags: leg weakness ☐Y ☒N   urinary retention ☐Y ☒N", {"cord_compression_signs": "absent"}),
        # a grid with a "?" column: each row answers by the column ticked, "?" leaving it open
        ("Tick box        Y    N    ?\nNight sweats    [x]  [ ]  [ ]\nWeight loss     [ ]  [ ]  [x]\n"
         "Bone pain       [ ]  [x]  [ ]", {"night_sweats": "present", "weight_loss": None, "bone_pain": "absent"}),
        # an answer right after its label answers that label only
        ("Scheda anamnestica: febbre sì; calo ponderale no; prurito no.",
         {"fever": "present", "weight_loss": "absent", "pruritus": "absent"}),
        ("Lupus screen: malar rash Y, alopecia N.", {"lupus_features": "present"}),
        ("Symptom\tY/N\tDuration\nFever\tY\t3 wk\nPruritus\tN\t-", {"fever": "present", "pruritus": "absent"}),
    ],
)
def test_forms_answer_their_labels(matcher: Matcher, text: str, expected: dict[str, object]) -> None:
    got = readings(matcher, text)
    assert {k: got.get(k) for k in expected} == expected


def test_a_label_left_unticked_says_nothing_either_way(matcher: Matcher) -> None:
    got = readings(matcher, "Referral (tick): [x] fever  [ ] weight loss. Knochenschmerzen ☐ ja ☐ nein (nicht erfragt).")
    assert got.get("fever") == "present" and got.get("weight_loss") not in {"present", "absent"}
    assert got.get("bone_pain") not in {"present", "absent"}



def test_ocr_damage_is_read_as_meant_and_keeps_the_text_length() -> None:
    from marrowchat.core.text import ocr_repair
    cases = {
        "Hb 8.l g/dL, WBC 2.9 x1O9/L, Neut O.8, PLT 4l": "Hb 8.1 g/dL, WBC 2.9 x109/L, Neut 0.8, PLT 41",
        "CRP 2l4 mg/L; SUVmax 6,O; foca1 1esions; multip1e 0steolytic; cyc1e 4":
            "CRP 214 mg/L; SUVmax 6,0; focal lesions; multiple osteolytic; cycle 4",
    }
    for damaged, meant in cases.items():
        assert ocr_repair(damaged) == meant
    # codes, oxygen and cycle days are left as written
    for text in ("SpO2 on O2, NPM1, CD10, IgG1, c1d1, mf1, HbA1c, JAK2 V617F, x10", "plain text"):
        assert ocr_repair(text) == text
    broken = "hepato-\n  splenomegaly, homo-\ngeneous"
    joined = ocr_repair(broken)
    assert joined.startswith("hepatosplenomegaly") and "homogeneous" in joined and len(joined) == len(broken)


def test_a_scanned_report_reads_its_values(matcher: Matcher) -> None:
    got = readings(matcher, "Bone rnarrow SUVmax 6,O. No foca1 lesions. Hb 8.l g/dL, PLT 4l x1O9/L, CRP 2l4 mg/L.")
    assert got["hb"] == 8.1 and got["platelets"] == 41.0 and got["crp"] == 214.0 and got["focal_lesions"] == "absent"


def test_ocr_dates_and_numbers_without_a_digit_left_are_read_with_their_unit() -> None:
    from marrowchat.core.text import ocr_repair
    assert ocr_repair("C6D1 O2/O9/2025; hace lO días") == "C6D1 02/09/2025; hace lO días"
    assert ocr_repair("Hb lO,l g/dL; protéinurie O,6 g/24 h") == "Hb 10,1 g/dL; protéinurie 0,6 g/24 h"
    assert ocr_repair("reticulocyten 8 x10^9/l.") == "reticulocyten 8 x10^9/l."  # a unit, not a date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiada demam, tiada berpeluh malam. Sakit belakang ada.",
         {"fever": "absent", "night_sweats": "absent", "bone_pain": "present"}),
        ("Walang lagnat ngayon.", {"fever": "absent"}),
        ("मरीज़ को 20 दिन से बुखार है। हड्डियों में दर्द नहीं है।", {"fever": "present", "bone_pain": "absent"}),
        ("Blasten im Ausstrich: keine.", {"blasts": "absent"}),
    ],
)
def test_notes_that_mix_languages(matcher: Matcher, text: str, expected: dict[str, object]) -> None:
    got = readings(matcher, text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother: 'he won't walk, he cries at night holding his legs.'", {"bone_pain": "present"}),
        ("Refiere que le ponen «las inyecciones para subir las defensas» después de cada ciclo.",
         {"gcsf_exposure": "present"}),
        ("She was told she may need 'white cell injections' later on.", {"gcsf_exposure": None}),
        ("Ontkent koorts en nachtzweten.", {"fever": "absent", "night_sweats": "absent"}),
        ("患者在肾内科每周打“促红素”。", {"esa_exposure": "present"}),
    ],
)
def test_lay_words_of_patients_and_parents(matcher: Matcher, text: str, expected: dict[str, object]) -> None:
    got = readings(matcher, text)
    assert {k: got.get(k) for k in expected} == expected


def test_a_dose_in_brackets_before_its_cycle_day_is_not_days_since(matcher: Matcher) -> None:
    got = readings(matcher, "4 cycles of FLOT, each with biosimilar pegfilgrastim (Fulphila 6 mg) on day 2.")
    assert "days_since_pegfilgrastim" not in got and got["gcsf_exposure"] == "present"
