"""Email and chat threads, complaints of long standing, and what older patients' notes say, read on the shipped
knowledge base."""

from __future__ import annotations

import pytest
from helpers import readings

from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher
from marrowchat.core.text import MailMarks


@pytest.fixture(scope="module")
def matcher(shipped: Bundle) -> Matcher:
    return Matcher(shipped)


def test_a_signature_under_a_sign_off_is_not_the_patient(matcher: Matcher) -> None:
    thread = ("PET shows diffuse marrow uptake, homogeneous, just above liver.\n\nKind regards,\nDr A. Okafor | "
              "Registrar, Returning Traveller & Fever Clinic | St Mary's\nThis email and any attachments are "
              "confidential.")
    got = readings(matcher, thread)
    assert got["uptake_homogeneous"] == "present" and "fever" not in got
    spanish = ("PD: neutrófilos 2.300, ya no está neutropénico.\n\nUn saludo,\nDra. Marta Ruiz\nServicio de "
               "Hematología - Unidad de Fiebre y Neutropenia\nAVISO LEGAL: Este mensaje es confidencial.")
    got = readings(matcher, spanish)
    assert got["anc"] == 2.3 and got["neutropenia"] == "absent" and "fever" not in got
    # a name under its title with a workplace under it is a signature too, with no sign-off above it
    assert "fever" not in readings(matcher, "Dr Lena Fischer MD PhD\nInstitute for Fever Research\n\n> marrow SUVmax 7.2")


def test_a_rule_of_dashes_over_measurements_is_the_note_s_own(matcher: Matcher) -> None:
    note = "IMPRESSION: diffuse homogeneous marrow uptake.\n\n--\nBloods day 16: Hb 8.1, WCC 1.6, neut 0.5, plt 31."
    got = readings(matcher, note)
    assert got["hb"] == 8.1 and got["platelets"] == 31.0
    # the same rule over a footer blanks the footer only
    got = readings(matcher, "--\nSent via NHSmail. Flu & fever season: wash your hands!\n\nbtw no rigors.")
    assert "fever" not in got and got["rigors"] == "absent"


def test_quote_markers_and_reply_headers_keep_every_offset() -> None:
    mail = MailMarks(["regards"], ["wrote"], ["original message"], ["from", "sent"], ["intended recipient"], ["dr"],
                     ["clinic"], ["ps"])
    text = "On 3 Mar 2025, at 14:02, Dr X wrote:\n> Hb 8.1\n>> no fever\n-----Original Message-----\nFrom: A\nSent: B"
    read = mail.read(text)
    assert len(read) == len(text) and read.split("\n")[1].strip() == "Hb 8.1" and "no fever" in read
    assert "2025" not in read and "Original" not in read and "From" not in read
    assert mail.read("> 38.5 on the ward") == "> 38.5 on the ward"  # a value, not a quote marker


def test_an_unanswered_question_asks_about_all_it_names(matcher: Matcher) -> None:
    for question in ("did she get any G-CSF after the last cycle?", "Any lymphadenopathy on CT?"):
        assert "present" not in readings(matcher, question).values(), question
    assert readings(matcher, "Any lymphadenopathy on CT? None.")["lymphadenopathy"] == "absent"


def test_an_answer_to_an_earlier_question_doubts_nothing(matcher: Matcher) -> None:
    assert readings(matcher, "Re your q: yes, drenching sweats.")["night_sweats"] == "present"
    assert readings(matcher, "Pour répondre à ta question : oui, sueurs nocturnes profuses.")["night_sweats"] == "present"
    assert readings(matcher, "to answer Anna's earlier q: no hepatosplenomegaly on CT.")["hepatosplenomegaly"] == "absent"


def test_a_denial_of_new_bone_pain_outranks_back_pain_of_long_standing(matcher: Matcher) -> None:
    for note in ("Known canal stenosis with chronic back ache for 20 years. No new bone pain, no leg weakness.",
                 "Chronische lage rugpijn, al 30 jaar. Geen nieuwe botpijn.",
                 "Lombalgies chroniques mécaniques anciennes, inchangées. Pas de douleur osseuse nouvelle."):
        assert readings(matcher, note)["bone_pain"] == "absent", note
    # in one sentence the denial is not kept on its own, but still outranks the complaint it answers
    assert readings(matcher, "Chronic back ache for 20 years, no new bone pain.").get("bone_pain") != "present"
    assert readings(matcher, "Chronic back pain, new bone pain in the ribs.")["bone_pain"] == "present"
    # new pain, or no word of the new, leaves the back pain standing
    assert readings(matcher, "Back pain for 3 weeks, no new bone pain elsewhere.")["bone_pain"] == "present"
    assert readings(matcher, "Chronic back pain for 20 years. No fever.")["bone_pain"] == "present"


def test_no_other_foci_leaves_the_foci_named(matcher: Matcher) -> None:
    got = readings(matcher, "Intense linear uptake along the left femoral nail tract. No other focal bone lesions.")
    assert got["foci_at_injury"] == "present" and "focal_lesions" not in got
    assert readings(matcher, "No other focal bone lesions.")["focal_lesions"] == "absent"


def test_a_blood_pressure_named_by_a_label_that_needs_its_pair(matcher: Matcher) -> None:
    assert readings(matcher, "Fieber bis 38,9 °C, RR 95/60, HF 112.")["systolic_bp"] == 95.0
    assert readings(matcher, "hypotensive 82/50, HR 118")["systolic_bp"] == 82.0
    assert "systolic_bp" not in readings(matcher, "RR 22, SpO2 94%")  # a breathing rate


def test_care_home_residents_ages_and_the_verb_to_be_abroad(matcher: Matcher) -> None:
    assert readings(matcher, "Bewohnerin, 89 J., seit gestern Fieber")["age"] == 89.0
    assert readings(matcher, "mevr., 90 jr, sinds 2 dagen koorts")["age"] == 90.0
    assert readings(matcher, "résidente de 93 ans, chutes à répétition")["age"] == 93.0
    assert readings(matcher, "Corrección: la Hb es 11,8, no 8,1.")["hb"] == 11.8
    assert readings(matcher, "Rectificatif : les plaquettes sont à 81 G/L et non 181.")["platelets"] == 81.0


def test_growth_factor_dates_in_brackets_after_a_cycle_and_as_last_peg(matcher: Matcher) -> None:
    assert readings(matcher, "Pegfilgrastim 6 mg (30/07/2024).\nPET 16/11/2024")["days_since_pegfilgrastim"] == 109.0
    once = ("Pegfilgrastim 6 mg une seule fois, après C2 (30/07/2024).\n"
            "TEP-TDM de fin de traitement 16/11/2024 (J19 de C6)")
    assert readings(matcher, once)["days_since_pegfilgrastim"] == 109.0
    assert readings(matcher, "last peg was 2/11.\nEoT PET 10/12/2024")["days_since_pegfilgrastim"] == 38.0
    assert "days_since_pegfilgrastim" not in readings(matcher, "PEG tube placed, last PEG change on 12/11. PET 10/12/2024")


def test_a_symptom_that_has_lasted_goes_on_past_an_old_year_in_its_clause(matcher: Matcher) -> None:
    note = "Mon 10 Nov 2025\nStory: anaphylaxis after wasp sting 2023, aching bones in back and thighs for a year."
    assert readings(matcher, note)["bone_pain"] == "present"


def test_one_measurement_down_the_page_is_read_at_today_s_row(matcher: Matcher) -> None:
    assert readings(matcher, "Plt  (x10^9/L)\n   today     95  L\n   28/02    240\n   14/02    261")["platelets"] == 95.0
    assert readings(matcher, "LDH (ref 135-250 U/L)\n05/01   1 120 H\n02/02     410 H\n14/03     228    <- today")["ldh"] == 228.0


def test_printouts_with_ranges_in_brackets_and_percentages_before_counts(matcher: Matcher) -> None:
    german = ("Hämoglobin   [12,0 - 16,0]  g/dl   8,4 -\nLeukozyten   [4,0 - 10,0]   /nl    2,1 -\n"
              "Thrombozyten [150 - 400]    /nl    41 -")
    got = readings(matcher, german)
    assert got["hb"] == 8.4 and got["wbc"] == 2.1 and got["platelets"] == 41.0
    assert readings(matcher, "Neutrófilos   12,0 %   0,25 x10^3/µL   (2,0-7,5)")["anc"] == 0.25
    assert readings(matcher, "Neut 22 % L    1.50 x10^9/L L")["anc"] == 1.5



def test_trial_forms_dates_and_doses_not_given(matcher: Matcher) -> None:
    form = "Central reader: EOT research PET 24-Sep-2024.\n- Pegfilgrastim 6 mg SC D2 each cycle; last dose 06-Aug-2024."
    assert readings(matcher, form)["days_since_pegfilgrastim"] == 49.0
    chart = ("Pegfilgrastim 6 mg SC | C1D2 02-Jan-24 ✓ | C2D2 23-Jan-24 ✓ | C3D2 13-Feb-24 — NOT GIVEN, pt declined. "
             "Restaging PET 05-Mar-24.")
    assert readings(matcher, chart)["days_since_pegfilgrastim"] == 42.0  # the dose declined dates nothing


def test_form_items_laid_side_by_side_are_each_answered(matcher: Matcher) -> None:
    got = readings(matcher, "血压 112/68 mmHg。 骨痛 ........ 否    体重下降 ........ 否")
    assert got["bone_pain"] == "absent" and got["weight_loss"] == "absent"
    got = readings(matcher, "Bone pain: no    Night sweats: yes")
    assert got["bone_pain"] == "absent" and got["night_sweats"] == "present"
