"""The shipped knowledge base reads like the medicine (clinical sanity), through both routes."""

from __future__ import annotations

from marrowchat.core.engine import Engine


def top(engine: Engine, text: str, n: int = 3) -> list[str]:
    _, snap = engine.assess(text)
    return [r.id for r in engine.differential(snap).top(n)]


def flags(engine: Engine, text: str) -> set[str]:
    _, snap = engine.assess(text)
    return {f.flag.id for f in engine.differential(snap).red_flags}


def test_pegfilgrastim_a_week_ago_puts_growth_factor_first(engine: Engine) -> None:
    assert top(engine, "pegfilgrastim 7 days ago, homogeneous diffuse marrow uptake, no focal lesions")[0] == "gcsf_effect"


def test_blasts_put_leukaemia_in_top3_and_raise_a_flag(engine: Engine) -> None:
    text = "blasts on the film, Hb 8.0, plt 40, diffuse marrow uptake"
    assert "acute_leukaemia" in top(engine, text)
    assert "blasts_or_cytopenia_with_fever" in flags(engine, text)


def test_focal_lesions_move_infiltration_up(engine: Engine) -> None:
    def p_malignant(text: str) -> float:
        _, snap = engine.assess(text)
        return engine.differential(snap).balance.malignant

    assert p_malignant("diffuse marrow uptake with focal lesions") > 2 * p_malignant("homogeneous diffuse marrow uptake, no focal lesions")


def test_foci_on_healing_fractures_are_the_injury_not_infiltration(engine: Engine) -> None:
    def read(text: str) -> tuple[float, int]:
        _, snap = engine.assess(text)
        ddx = engine.differential(snap)
        return ddx.balance.malignant, [r.id for r in ddx.ranked].index("trauma_or_surgery")

    base = ("Colon cancer resected 2 years ago. Fell from a ladder 5 weeks ago. Diffuse homogeneous marrow uptake, "
            "SUVmax 2.4, liver 2.3, CRP 40. Foci in the left 5th-8th ribs")
    p_foci, rank_foci = read(base + ".")
    p_injury, rank_injury = read(base + " at fractures with callus formation.")
    assert p_injury < 0.75 * p_foci  # the foci no longer argue for metastases ...
    assert rank_injury + 5 <= rank_foci  # ... and the injury explains them (not the diffuse uptake: it stays low)


def test_fever_cytopenias_and_huge_ferritin_raise_hlh_and_its_flag(engine: Engine) -> None:
    text = "fever 39.5, Hb 7.9, plt 45, WBC 1.8, ferritin 12,500, splenomegaly"
    assert "hlh" in top(engine, text)
    assert "suspected_hlh" in flags(engine, text)


def test_hypercalcaemia_with_paraprotein_flags_myeloma(engine: Engine) -> None:
    text = "Ca 3.1 mmol/L, creatinine 240, paraprotein on SPEP, lytic lesions"
    assert top(engine, text)[0] == "myeloma"
    assert "myeloma_end_organ_damage" in flags(engine, text)


def test_neutropenic_fever_and_cord_compression_flags(engine: Engine) -> None:
    assert "neutropenic_fever" in flags(engine, "febrile, ANC 0.3")
    assert "cord_compression" in flags(engine, "back pain with new leg weakness")


def test_aplastic_anaemia_stays_at_the_bottom_half(engine: Engine) -> None:
    _, snap = engine.assess("homogeneous diffuse marrow uptake above liver, pancytopenia")
    ddx = engine.differential(snap)
    rank = ddx.rank_of("aplastic_anaemia")
    assert rank is not None and rank > 10


def test_young_patient_with_normal_labs_is_physiological(engine: Engine) -> None:
    assert top(engine, "19 year old, marrow uptake similar to liver, homogeneous, no fever, Hb 14, normal counts")[0] == "physiological_young"


def test_a_spleen_felt_far_below_the_costal_margin_is_massive(engine: Engine) -> None:
    # a distance below the costal margin is not a length: 3 cm is an enlarged spleen, 12 cm a massive one
    assert "spleen_massive_or_focal" in flags(engine, "spleen palpable 12 cm below the left costal margin")
    assert "spleen_massive_or_focal" not in flags(engine, "spleen palpable 3 cm below the left costal margin")
    assert "spleen_massive_or_focal" in flags(engine, "the spleen is now huge")


def test_a_differential_in_percentages_gives_the_neutrophil_count(engine: Engine) -> None:
    # "TLC 2100 (N 40 L 52)" is 0.84 x 10^9/L neutrophils: with a fever, that is neutropenic fever
    assert "neutropenic_fever" in flags(engine, "temp 40.1 C, TLC 2100/cumm (N 40 L 52)")
    assert "neutropenic_fever" in flags(engine, "febrile to 39.4; white-cell count 2,100/µL with 40% neutrophils")
    assert "neutropenic_fever" not in flags(engine, "febrile to 39.4; white-cell count 6,100/µL with 40% neutrophils")


def test_a_light_chain_ratio_written_the_other_way_up_is_still_a_myeloma_defining_ratio(engine: Engine) -> None:
    # kappa/lambda 0.008 is a lambda/kappa ratio of 125 (>= 100, a myeloma-defining event)
    text = "serum free light chain ratio (kappa/lambda) was 0.008; creatinine 2.4 mg/dL"
    assert "myeloma_end_organ_damage" in flags(engine, text)
    assert top(engine, text)[0] == "myeloma"


def test_a_bicytopenia_does_not_make_a_normal_haemoglobin_anaemic(engine: Engine) -> None:
    _, snap = engine.assess("Hb 13.5, platelets 50, ANC 0.5")
    assert snap.facts.status("pancytopenia") == "present"
    assert snap.facts.status("anaemia") == "absent"


def test_a_hypocellular_marrow_with_pancytopenia_puts_aplastic_anaemia_above_mds(engine: Engine) -> None:
    # the biopsy makes the diagnosis: an empty marrow is aplastic anaemia's, a cellular one excludes it
    text = ("Hb 7.2, WBC 1.7, ANC 0.4, platelets 11, reticulocytes 0.3%; no blasts, no dysplasia; marrow lower than "
            "liver with a few small foci; aspirate hypocellular")
    assert top(engine, text)[0] == "aplastic_anaemia"
    assert "aplastic_anaemia" not in top(engine, text.replace("hypocellular", "hypercellular"))


def test_a_stated_age_outranks_a_childhood_in_the_history(engine: Engine) -> None:
    text = ("Patient: Robert D., 47-year-old male. PMH: Hepatitis A as a child. Diffuse marrow uptake extending into "
            "the femoral shafts.")
    assert "unexplained_appendicular_extension" in flags(engine, text)
    assert "unexplained_appendicular_extension" not in flags(engine, "A child of 8 with marrow uptake into the femoral shafts.")


def test_lupus_features_raise_sle(engine: Engine) -> None:
    def p_sle(text: str) -> float:
        _, snap = engine.assess(text)
        return next(r.probability for r in engine.differential(snap).ranked if r.id == "sle_autoimmune")

    base = ("27F, fever to 39 for 9 days, arthralgia of the hands, WBC 2.7, lymphs 0.4, CRP 11, blood cultures "
            "negative. Homogeneous marrow uptake SUVmax 3.0, liver 2.2, small avid cervical nodes.")
    lupus = base + " Malar rash, proteinuria on dipstick, pericarditis on echo."
    assert p_sle(lupus) > 1.5 * p_sle(base)
    assert top(engine, lupus, 1) == ["sle_autoimmune"]


def test_falling_chimerism_and_asymmetric_uptake_after_a_transplant_raise_relapse(engine: Engine) -> None:
    symmetric = ("AML in CR1, allograft 14 months ago. Diffuse homogeneous symmetric marrow uptake, SUVmax 3.1, "
                 "counts normal.")
    relapse = ("AML in CR1, allograft 14 months ago. Asymmetric marrow uptake, left iliac crest hotter, SUVmax 4.6; "
               "donor chimerism has fallen from 100 to 88 %, counts normal.")
    assert "acute_leukaemia" in top(engine, relapse)
    assert top(engine, relapse, 28).index("acute_leukaemia") < top(engine, symmetric, 28).index("acute_leukaemia")


def test_a_child_is_not_given_the_diseases_of_older_adults(engine: Engine) -> None:
    text = ("6-year-old girl, leg pain waking her at night, limping, LDH 612, diffuse heterogeneous marrow uptake "
            "with patchy metaphyseal foci, no nodes")
    ranked = top(engine, text, 28)
    assert "acute_leukaemia" in ranked[:3]
    assert ranked.index("myeloma") > 3 and ranked.index("indolent_lymphoma") > 5


def test_haemolysis_explains_long_bone_marrow_but_the_haemolysis_of_dic_does_not(engine: Engine) -> None:
    base = "58F, diffuse marrow uptake extending into both femoral shafts. Haemolysis screen positive (LDH 980, haptoglobin <0.1)."
    assert "unexplained_appendicular_extension" not in flags(engine, base)
    # microangiopathic haemolysis with DIC is acute: with marrow uptake it is a sign of carcinomatosis, not an answer
    assert "unexplained_appendicular_extension" in flags(engine, base + " DIC with schistocytes on the film.")


def test_the_dialog_asks_for_cultures_when_the_crp_is_raised_without_fever(engine: Engine) -> None:
    # an afebrile transplant patient with a line and a CRP of 58: a positive culture is still asked for, and with the
    # line it raises the sepsis flag
    answers = {"uptake_pattern": "Homogeneous", "fever": "no", "crp": "58", "blood_cultures": "yes",
               "culture_organism": "Another organism", "exposures": "Prosthetic valve or graft or line or IV drug use"}
    _, snap = engine.run_answers(answers)
    assert snap.facts.status("positive_blood_cultures") == "present"
    assert "sepsis_physiology" in {f.flag.id for f in engine.differential(snap).red_flags}
