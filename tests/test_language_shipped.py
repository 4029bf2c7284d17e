"""Clinical writing the blind case batches taught the shipped language layer to read, one phrase per lesson.

Each phrase is written as the cases wrote it (pasted reports, clinic letters, typed chat notes); the expectation is
what a clinician reading it would record. Only the findings named are checked (the phrase may say more).
"""

from __future__ import annotations

import pytest
from helpers import readings

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher
from marrowchat.core.reasoner import rank


@pytest.fixture(scope="module")
def matcher(shipped: Bundle) -> Matcher:
    return Matcher(shipped)


read = readings


CASES: list[tuple[str, dict[str, object], set[str]]] = [
    # (text, findings that must be read so, findings that must NOT be read at all)
    ("Spleen 13.5 cm with two focal hypermetabolic lesions (SUVmax 12.0).",
     {"splenic_focal_lesions": "present", "spleen_suvmax": 12.0}, {"focal_lesions", "marrow_suvmax"}),
    ("Spleen 15.1 cm with multiple hypermetabolic nodules.", {"splenic_focal_lesions": "present"}, {"focal_lesions"}),
    ("Focal uptake in the sigmoid colon, SUVmax 6.1, no CT correlate.", {}, {"focal_lesions", "marrow_suvmax"}),
    ("Heart: intense, irregular uptake around the TAVI stent frame, SUVmax 7.8.", {}, {"marrow_suvmax"}),
    ("incidental 1.4 cm RLL nodule. PET/CT: nodule SUVmax 4.1.", {}, {"focal_lesions", "marrow_suvmax"}),
    ("Multiple enlarged FDG-avid cervical nodes, the largest 2.1 x 1.6 cm, SUVmax 9.8. Skeleton: diffuse homogeneous "
     "marrow uptake in the axial skeleton, L3 SUVmax 3.4.", {"marrow_suvmax": 3.4}, set()),
    ("diffuse heterogeneous marrow uptake (SUVmax 3.2; liver 2.4), with uptake extending into both humeral and "
     "femoral shafts", {"appendicular_extension": "present", "liver_suvmax": 2.4}, set()),
    ("WCC 14.2 -> 3.1, plt 312 → 78, Hb 10.9, now 8.6", {"wbc": 3.1, "platelets": 78.0, "hb": 8.6}, set()),
    ("presented with a five-week history of intermittent fever reaching 39.4 °C",
     {"fever": "present", "temperature": 39.4}, set()),
    ("aching pain in the lower back and both thighs", {"bone_pain": "present"}, set()),
    ("aching knees and lower back", {"arthralgia": "present", "bone_pain": "present"}, set()),
    ("She had no cough, haemoptysis, headache, rash, joint or bone pain.",
     {"rash": "absent", "bone_pain": "absent"}, set()),
    ("HIV, hepatitis panel, QuantiFERON neg", {"hiv": "absent", "igra_positive": "absent"}, set()),
    ("HIV, EBV/CMV IgM, ANA neg", {"hiv": "absent", "ana_positive": "absent"}, set()),
    ("ANA and rheumatoid factor were negative", {"ana_positive": "absent"}, set()),
    ("Four blood-culture sets were sterile", {"positive_blood_cultures": "absent"}, set()),
    ("BCx x2 (day 3 of illness) no growth at 5 days", {"positive_blood_cultures": "absent"}, set()),
    ("Syphilis and HIV serology not yet sent", {}, {"hiv"}),
    ("Lymphoma is the principal concern.", {}, {"known_nhl"}),
    ("Differential: granulomatous vasculitis, fungal infection, extranodal NK/T-cell lymphoma.", {},
     {"autoimmune_disease", "known_nhl"}),
    ("TAVI (2019). No IVDU.", {"prosthetic_device": "present"}, set()),
    ("BP 84/50 - septic shock, responded to fluids; no vasopressors", {"sepsis_physiology": "present"}, set()),
    ("Baseline PET-CT: focal uptake in all three lesions (SUVmax 5.4). Now: diffuse marrow uptake, SUVmax 6.1.",
     {"marrow_suvmax": 6.1}, {"focal_lesions"}),
    ("filgrastim 10 mcg/kg/day x5 days; last filgrastim dose 6 days before the PET", {"days_since_gcsf": 6.0}, set()),
    ("last gemcitabine 13 days before the PET, no gcsf given", {"days_since_chemo": 13.0, "gcsf_exposure": "absent"},
     {"days_since_gcsf"}),
    ("Autologous transplant planned in 2 weeks", {}, {"hsct", "days_since_hsct"}),
    ("matched-sibling allograft 45 days ago", {"hsct": "present", "days_since_hsct": 45.0}, set()),
    ("the spleen 3 cm below the costal margin", {"spleen_below_costal_margin": 3.0}, {"spleen_length"}),
    ("Spleen palp 12cm below LCM, firm", {"spleen_below_costal_margin": 12.0}, {"spleen_length"}),
    ("Spleen v big - 21cm", {"spleen_length": 21.0}, set()),
    ("the spleen is now huge, the tip in the right iliac fossa", {"massive_splenomegaly": "present"}, set()),
    ("anterior mediastinal mass crossing the midline; hernia at the umbilicus", {}, {"massive_splenomegaly"}),
    ("TLC 2100/cumm (N 40 L 52)", {"wbc": 2.1, "anc": 0.84, "lymphocytes": 1.09}, set()),
    ("white cell count 2,100/µL with 40% neutrophils", {"wbc": 2.1, "anc": 0.84}, set()),
    ("leukocytes 2100/mm3 (neutrophils, 40%; lymphocytes, 52%)", {"anc": 0.84, "lymphocytes": 1.09}, set()),
    ("WBC 2.1, T 38.2 P 98 R 20, N 40", {"wbc": 2.1}, {"anc", "lymphocytes"}),
    ("platelets have fallen from 540 to 71 x10^9/L", {"platelets": 71.0}, set()),
    ("Laboratory findings were as follows: white blood cell count, 2.1 × 10^9/L; hemoglobin, 8.4 g/dL; "
     "ferritin, 3,450 ng/mL (SUVmax, 7.8)", {"wbc": 2.1, "hb": 8.4, "ferritin": 3450.0, "marrow_suvmax": 7.8}, set()),
    ("anaemia, 3 units transfused", {"anaemia": "present"}, {"hb"}),
    ("Bone scintigraphy demonstrated a superscan", {"bone_scan_superscan": "present"}, {"marrow_ge_brain"}),
    ("Tc-99m MDP bone scan showed a superscan", {"bone_scan_superscan": "present"}, {"age", "marrow_ge_brain"}),
    ("FDG PET/CT: superscan pattern of the marrow", {"marrow_ge_brain": "present"}, {"bone_scan_superscan"}),
    ("A 99mTc-MDP bone scan was reported as 'diffusely increased skeletal uptake - superscan appearance'",
     {"bone_scan_superscan": "present"}, {"marrow_ge_brain"}),
    ("a splenomegaly of 6 traveses of finger below the costal margin", {"spleen_below_costal_margin": 12.0},
     {"spleen_length"}),
    ("spleen 3 FB; later splenomegaly of 23 cm on ultrasound", {"spleen_below_costal_margin": 6.0, "spleen_length": 23.0},
     set()),
    ("leukocytes 1.900/mm3 (neutrophils 800/mm3), platelets 64.000/mm3", {"wbc": 1.9, "anc": 0.8, "platelets": 64.0},
     set()),
    ("CBC notable for WBC 1.6 K/uL, ANC 450", {"wbc": 1.6, "anc": 0.45}, set()),
    ("a 30-year-old man from Bihar", {"endemic_travel": "present", "tb_exposure": "present"}, set()),
    ("no travel to Kenya or Sudan", {"endemic_travel": "absent"}, {"tb_exposure"}),
    ("undulant fever; WBC 3,800/μL with relative lymphocytosis", {"fever": "present", "wbc": 3.8}, {"lymphocytosis"}),
    ("focal uptake at the right sacroiliac joint, consistent with sacroiliitis", {"sacroiliitis": "present"},
     {"focal_lesions"}),
    ("mild degenerative uptake in both sacroiliac joints", {}, {"sacroiliitis", "focal_infection_site"}),
    ("post-PV MF 2 years ago; trephine: grade 3 reticulin fibrosis (MF-3)", {"marrow_fibrosis": "present"}, set()),
    ("ferritin 2.1k → 83k, LDH 1.9k", {"ferritin": 83000.0, "ldh": 1900.0}, set()),
    ("has fiver 38,3 in the evening", {"fever": "present", "temperature": 38.3}, set()),
    ("necrotic lymph nodes in mediastinum with rim uptake", {"tb_imaging": "present", "hot_nodes": "present"}, set()),
    ("Now hemoglobine 8,9 g/dl, thrombocytes 54 (three weeks after cycle 6 they had recovered: Hb 11,2 and "
     "thrombocytes 190)", {"hb": 8.9, "platelets": 54.0}, set()),
    ("Last cycle and last pegfilgrastim was 52 days before the PET", {"days_since_chemo": 52.0,
                                                                      "days_since_pegfilgrastim": 52.0}, set()),
    ("filgrastim 30 MU sc od d8-12; last dose 6 days pre-PET.", {"days_since_gcsf": 6.0}, set()),
    ("Hb 104 / WCC 21.6 / N 17.9 (left shift) / plt 188", {"wbc": 21.6, "anc": 17.9, "platelets": 188.0}, set()),
    ("WCC 6.8 → 1.1 (N 0.3)", {"wbc": 1.1, "anc": 0.3}, set()),
    ("WCC 6.2, N 4.1, L 1.2", {"wbc": 6.2, "anc": 4.1}, set()),
    ("No vessel-wall uptake, no nodes", {"autoimmune_pet_pattern": "absent"}, {"autoimmune_disease"}),
    ("There was no abnormal uptake in the lymph nodes.", {"hot_nodes": "absent"}, set()),
    ("no rash, uptake in the nodes", {"rash": "absent", "hot_nodes": "present"}, set()),
    ("Calcium and creatinine were within normal limits.", {"hypercalcaemia": "absent", "renal_impairment": "absent"},
     set()),
    ("LDH normal", {"ldh_high": "absent", "ldh_very_high": "absent"}, set()),
    ("ferritin 14 800 (!!), WBC 5 100/µL", {"ferritin": 14800.0, "wbc": 5.1}, set()),
    ("No thoracic, abdominal or pelvic lymphadenopathy. Film: nucleated reds and myelocytes. Three months of dorsal "
     "pain. No monoclonal peak, only hypogammaglobulinemia.",
     {"lymphadenopathy": "absent", "leukoerythroblastic_film": "present", "bone_pain": "present",
      "m_protein": "absent", "hypergammaglobulinaemia": "absent"}, set()),
    ("Allo: 10/10 MUD PBSC. Day 0 = 14/08. PET 16/09/2025", {"days_since_hsct": 33.0}, set()),
    ("61M, metastatic melanoma on pembrolizumab, C6 given 11/7 ago.", {}, {"chemo_exposure", "days_since_chemo"}),
    ("No focal or asymmetric marrow foci, no soft-tissue masses", {"focal_lesions": "absent"}, set()),
    ("splenic infarcts; multiple splenic abscesses", {"splenic_focal_lesions": "present",
                                                     "focal_infection_site": "present"}, set()),
    ("the spleen extended to the umbilicus; a plasmacytoma of the left iliac wing; vertebral tenderness",
     {"massive_splenomegaly": "present", "lytic_lesions": "present", "bone_pain": "present"}, set()),
    ("The bone marrow showed intense, diffuse FDG uptake (SUVmax 9.6), higher than that in the brain",
     {"marrow_ge_brain": "present", "marrow_suvmax": 9.6}, set()),
    ("weakness of the lower extremities; MRI revealed an epidural mass at T10 compressing the spinal cord",
     {"cord_compression_signs": "present"}, set()),
    ("17M, node persisting 7/52 after EBV glandular fever. No fevers now. FHx uncle NHL age 60.",
     {"age": 17.0, "fever": "absent"}, set()),
    ("The report offers 'granulomatosis with polyangiitis, mycobacterial or fungal infection, septic emboli'",
     {}, {"focal_infection_site", "autoimmune_disease"}),
    ("contrast CT showed acute portal and superior mesenteric vein thrombosis", {"splanchnic_thrombosis": "present"},
     set()),
    ("on nivolumab; cycle 4 of carboplatin 10 days ago", {"days_since_chemo": 10.0}, set()),
    ("Creatinine 171 µmol/L (eGFR 34); EGFR-mutant adenocarcinoma (exon 19 deletion)", {"egfr": 34.0}, set()),
    ("PET 16/09 (d+33), allograft", {"days_since_hsct": 33.0}, set()),
    ("C5-6 discectomy and fusion with R anterior iliac crest autograft on 9/3 (41 days before the PET)",
     {"recent_injury_or_operation": "present"}, {"hsct", "days_since_hsct"}),
    ("ferritin 18.600 (!!), blood cultures 4 sets negative", {"ferritin": 18600.0,
                                                             "positive_blood_cultures": "absent"}, set()),
    ("clearly more intense than the cerebellum (L4 SUVmax 9.8, liver 2.3)", {"marrow_suvmax": 9.8}, set()),
    ("Spleen markedly enlarged, 25.4 cm, tip reaching the pelvic brim", {"spleen_length": 25.4,
                                                                        "massive_splenomegaly": "present"}, set()),
    ("Perioperative FLOT: C4 D1 08/05/2025. PET/CT 20/05/2025. pegfilgrastim given with C1 only (12/03/2025)",
     {"days_since_chemo": 12.0, "days_since_pegfilgrastim": 69.0}, set()),
    ("C4 gemcitabine D1 24/02, gemcitabine + docetaxel D8 03/03, Stimufend 6 mg sc on D9 of every cycle "
     "(last 04/03). PET was 15/03. Comparison: PET/CT 18/11/2024.", {"days_since_chemo": 12.0,
                                                                     "days_since_pegfilgrastim": 11.0}, set()),
    ("weak right radial pulse with a 22 mmHg inter-arm difference", {}, {"heart_rate"}),
    ("HIV, EBV, CMV negativ", {"hiv": "absent"}, set()),
    ("with the fever come a pink rash on trunk, when fever go down the rash is gone", {"rash": "present"}, set()),
    ("Now both wrists and knees are swollen and painfull.", {"arthralgia": "present"}, set()),
    ("smooth, circumferential grade 3 uptake along the thoracic and abdominal aorta",
     {"autoimmune_pet_pattern": "present"}, set()),
    ("focal uptake in the left 5th to 8th ribs (SUVmax 3.7) at fractures. The remaining bone marrow showed "
     "homogeneous physiological uptake (L3 SUVmax 1.9; liver SUVmax 2.6)",
     {"marrow_suvmax": 1.9, "marrow_peak_suvmax": 3.7}, set()),
    ("multiple focal lesions (SUVmax 9.8)", {"marrow_peak_suvmax": 9.8, "focal_lesions": "present"}, {"marrow_suvmax"}),
    ("he had fallen from a ladder, fracturing the left 5th to 8th ribs", {"recent_injury_or_operation": "present"}, set()),
    ("L1 vertebral compression fracture; pathological fracture of the femur", {}, {"recent_injury_or_operation"}),
    ("marrow diffusely LOW, background SUVmax 1.4 vs liver 2.3, with a few focal islands up to SUVmax 3.4",
     {"marrow_suvmax": 1.4, "marrow_peak_suvmax": 3.4}, set()),
    ("Mycoplasma pneumoniae IgM positive; direct antiglobulin test positive for C3d only, cold agglutinin titre 1:1024",
     {"haemolysis": "present"}, {"igra_positive", "focal_infection_site"}),
    ("The spleen was not enlarged. No increased uptake was observed in the spleen. Lymph nodes were not enlarged.",
     {"splenomegaly": "absent", "spleen_uptake_high": "absent", "lymphadenopathy": "absent"}, {"hot_nodes"}),
    ("calcium pending; no vitamin D or calcium supplements", {}, {"hypercalcaemia"}),
    ("no neuro deficit", {}, {"neutropenia", "neutrophilia"}),
    ("intense uptake in both auricular cartilages and laryngotracheal rings", {"autoimmune_pet_pattern": "present"},
     set()),
    ("A 38-year-old woman from Peru; miliary pulmonary nodules; marrow higher than that of the liver",
     {"tb_exposure": "present", "tb_imaging": "present", "marrow_above_liver": "present"}, set()),
    ("Serum globulin was 6.2 g/dL; reversed A/G ratio", {"globulin": 62.0, "hypergammaglobulinaemia": "present"}, set()),
    ("Serum ferritin was markedly elevated at 15,230 ng/mL; CRP high", {"ferritin": 15230.0, "crp_high": "present"},
     set()),
    ("platelets 32 × 10^3/µL, wbc 1.9 x 10³/mm³", {"platelets": 32.0, "wbc": 1.9}, set()),
    ("spleen palpable 12 cm below the costal margin; splenomegaly 16 cm", {"spleen_length": 16.0}, set()),
    ("Spleen not avid, normal size, no nodes", {"spleen_uptake_high": "absent", "hot_nodes": "absent"},
     {"splenic_focal_lesions"}),
    ("Hb 8.4, plt 31. PT 17 s, fibrinogen 1.1, D-dimer >20", {"fibrinogen": 1.1, "d_dimer": 20.0}, set()),
    ("WBC 42.6 with lymphocyte 38.1", {"lymphocytes": 38.1}, set()),
    ("ANA 1:160 speckled.", {"ana_positive": "present"}, set()),
    ("non-itchy maculopapular rash", {"pruritus": "absent", "rash": "present"}, set()),
    ("patient male 74 years, send from GP", {"age": 74.0}, set()),
    ("Re: Mr Thomas M., 44 years", {"age": 44.0}, set()),
    ("no fever, patient on day 5 of antibiotics", {"fever": "absent"}, {"age"}),
    ("She was born in Gujarat and spends winters in India.", {"tb_exposure": "present"}, set()),
    ("bulky, centrally necrotic bladder mass measuring 7.8 cm", {"bulky_avid_mass": "present"}, set()),
    ("IgG 31 g/L; immunofixation shows a polyclonal increase", {"igg": 31.0}, set()),
    ("Still spiking to 39.6 every evening. BCx x3 NG.",
     {"fever": "present", "temperature": 39.6, "positive_blood_cultures": "absent"}, set()),
    ("PET today (?lymphoma ?abscess).", {}, {"known_nhl", "focal_infection_site"}),
    ("No pyometra, tubo-ovarian abscess or collection on CT.", {"focal_infection_site": "absent"}, set()),
    ("HIV positive, not on ART, fevers and weight loss", {"fever": "present", "weight_loss": "present"}, set()),
    ("Hb 8.4 in Feb, fatigue. Bloods 24/05: Hb 10.6 (from 8.4), retics 142", {"hb": 10.6}, set()),
    ("she lost 5 kg; gammaglobulins 24 g/L polyclonal", {"weight_loss": "present", "igg": 24.0}, set()),
    ("PET/CT was requested four days after the last Nivestim injection; neutrophils were 0.05 x 10^9/L",
     {"days_since_gcsf": 4.0, "anc": 0.05}, set()),
    ("Filgrastim from day +5 until day +12.", {"gcsf_exposure": "present"}, {"days_since_gcsf"}),
    ("Autologous transplant with melphalan 200. PET-CT at day +34.", {"days_since_hsct": 34.0}, set()),
    ("throat swab grew group C streptococci", {}, {"positive_blood_cultures"}),
    ("E. coli in hemoculture at day +7", {"positive_blood_cultures": "present"}, set()),
    ("- Baseline PET 08/01: marrow diffuse homogeneous SUVmax 3.9.", {}, {"marrow_suvmax", "uptake_homogeneous"}),
    ("FDG PET/CT, performed to look for lymphoma, showed mild uptake", {}, {"known_nhl"}),
    # a test named without its result is not a result
    ("blood cultures taken; SPEP sent", {}, {"positive_blood_cultures", "m_protein"}),
    ("Blood cultures x3 negative. BCx positive for GPC in chains later.", {"positive_blood_cultures": "present"}, set()),
    ("Blood cultures x3 negative.", {"positive_blood_cultures": "absent"}, set()),
    ("QuantiFERON negative before infliximab. Repeat QuantiFERON indeterminate.", {}, {"igra_positive"}),
    ("QuantiFERON-TB Gold Plus now positive", {"igra_positive": "present"}, set()),
    ("Serum electrophoresis: no band seen.", {"m_protein": "absent"}, set()),
    ("SPEP no band; serum FLC kappa 1450 mg/L, lambda 8.", {"kappa_flc": 1450.0, "lambda_flc": 8.0}, set()),
    ("a cousin who lived with him was treated for TB two years ago", {"tb_exposure": "present"}, set()),
    ("Bone marrow biopsy: necrotizing granulomas, AFB stain negative", {"granulomas": "present"}, set()),
    ("marrow uptake exceeding that of the cerebellum (SUVmax 8.7 in L3; liver 2.6)",
     {"marrow_suvmax": 8.7, "marrow_ge_brain": "present"}, set()),
    ("The spleen was palpable 8 cm and the liver 2 cm below the costal margins. Ultrasound: spleen at 22 cm.",
     {"splenomegaly": "present", "spleen_length": 22.0}, set()),
    ("a 13.6 cm spleen with uptake above liver and two small hypodense foci", {"splenic_focal_lesions": "present"},
     {"focal_lesions"}),
    ("platelets 164 on admission and now 38", {"platelets": 38.0}, set()),
    ("Interim PET 16 days after the last chemotherapy and 6 days after the last lenograstim",
     {"days_since_chemo": 16.0, "days_since_gcsf": 6.0}, set()),
    ("WBC rose from 24,300/µL to 46,800/µL", {"wbc": 46.8}, set()),
    ("At baseline PET/CT, the bone marrow uptake was not increased (SUVmax 2.1, liver 2.4).", {},
     {"marrow_suvmax", "liver_suvmax"}),
    ("Ultrasound showed a lesion in the right lobe, interpreted as a liver abscess.", {}, {"focal_infection_site"}),
    ("WBC 2,400/µL (neutrophils 38 %), Hb 8.6 g/dL", {"anc": 0.91}, set()),
    ("a 23-cm spleen with intense uptake", {"spleen_length": 23.0}, set()),
    ("CT showed bilaterally enlarged kidneys with cortical uptake", {"extramedullary_masses": "present"}, set()),
    ("Filgrastim day +5 to +16 (last dose 22 days ago).", {"days_since_gcsf": 22.0}, set()),
    ("C2 given 19 days ago, filgrastim daily d6-12 of the cycle, last dose 7 days ago.",
     {"days_since_chemo": 19.0, "days_since_gcsf": 7.0}, set()),
    ("sargramostim daily on days 1-14 of each 28-day cycle", {}, {"days_since_chemo"}),
    ("last chemo 12/05. Filgrastim daily D8-D17, last dose 22/05. iPET 30/05: residual mass.",
     {"days_since_chemo": 18.0, "days_since_gcsf": 8.0}, set()),
    ("rash settling with topical steroid. Not on steroids.", {"steroids": "absent"}, set()),
    ("Serum tryptase 1 hour after the reaction was 112 ng/mL", {"tryptase": 112.0}, set()),
    ("Blood cultures from peripheral vein and central venous catheter were negative twice",
     {"prosthetic_device": "present"}, set()),
    ("Haemoglobin had fallen from 10.4 to 7.6 g/dL; the spleen had re-enlarged to 21 cm",
     {"hb": 7.6, "spleen_length": 21.0}, set()),
    ("SPEP + FLC sent, not back. c/o sternal ache for 2 months, no back pain", {"bone_pain": "present"},
     {"m_protein"}),
    ("Platelets 96. The work-up for a TIA in 2019 had shown haemoglobin 12.1 g/dL and platelets 410.",
     {"platelets": 96.0}, {"hb"}),
    ("background marrow cold with a few focal islands in T11 and L2", {"focal_lesions": "present"}, set()),
    ("painful gum swelling and diffuse gingival hypertrophy", {"extramedullary_masses": "present"}, set()),
    ("Physiological right ovarian uptake (mid-cycle).", {}, {"chemo_recent"}),
    # lesions of an organ, and the noun of a lesion already named
    ("The spleen measured 14.2 cm and contained two hypodense avid lesions (SUVmax 10.8).",
     {"splenic_focal_lesions": "present", "spleen_suvmax": 10.8}, {"focal_lesions"}),
    ("multiple avid lesions in the thoracolumbar spine", {"focal_lesions": "present"}, set()),
    ("No lytic or sclerotic bone lesion on CT.", {"lytic_lesions": "absent", "sclerotic_lesions": "absent"},
     {"focal_lesions"}),
    ("CT: no lesions", {}, {"focal_lesions"}),
    ("Humeral and femoral shafts not involved.", {"appendicular_extension": "absent"}, set()),
    ("all previous skin lesions and nodes have complete metabolic resolution", {"hot_nodes": "absent"}, set()),
    # old values and cycle days
    ("FBC today: WBC 108.4, neut 91.2. WBC 6.2 before chemo.", {"wbc": 108.4}, set()),
    ("Pegfilgrastim 6 mg was given on day 2 of cycles 1 and 2. Interim PET/CT was performed 56 days after the last "
     "pegfilgrastim.", {"days_since_pegfilgrastim": 56.0}, set()),
    ("four cycles of gemcitabine-cisplatin, each with pegfilgrastim on day 9; the last pegfilgrastim 52 days before "
     "admission", {"days_since_pegfilgrastim": 52.0}, set()),
    ("PET on day 10 of cycle 3", {"days_since_chemo": 10.0}, set()),
    ("Neulasta given day 2 of C2, PET done day 10 of the cycle, i.e. 8 days post peg.",
     {"days_since_pegfilgrastim": 8.0}, set()),
    ("PEG tube inserted 5 days ago", {}, {"days_since_pegfilgrastim"}),
    # dates: with years, month first in a US note, a course given as a range, a dose right before its date
    ("last pegfilgrastim 01/14/2025. Fever 103.6°F. PET/CT 03/20: homogeneous marrow uptake",
     {"days_since_pegfilgrastim": 65.0}, set()),
    ("filgrastim 300 mcg daily 09/03-13/03. PET-CT 16/06: diffuse marrow uptake", {"days_since_gcsf": 95.0}, set()),
    ("Neulasta 6 mg s/c 22/12/2024. Admitted 01/01. PET-CT 05/01/2025", {"days_since_pegfilgrastim": 14.0}, set()),
    ("Neulasta given. last seen 12/03. PET 20/03", {}, {"days_since_pegfilgrastim"}),
    # transplant days
    ("Allo-SCT. Filgrastim from day +5 to day +16. PET at day +34", {"days_since_hsct": 34.0, "days_since_gcsf": 18.0},
     set()),
    ("haploidentical PBSC transplant from his son with post-transplant cyclophosphamide day +3 and +4. Now day +47, PET/CT.",
     {"chemo_exposure": "present", "days_since_hsct": 47.0}, {"days_since_chemo"}),
    ("lenograstim was started on day +1 and continued. PET/CT after cord blood transplant on day +13",
     {"days_since_gcsf": 0.0}, set()),
    # organisms, exposures, marrow cytology
    ("Two of four blood-culture bottles flagged with tiny Gram-negative coccobacilli; she bought unpasteurized queso "
     "fresco", {"gn_coccobacilli_culture": "present", "livestock_raw_dairy": "present"}, set()),
    ("Marrow aspirate (prelim): clusters of non-haematopoietic small round cells", {"marrow_tumour_cells": "present"},
     set()),
    ("myelodysplastic syndrome with excess blasts-2. No blasts were seen in peripheral blood.",
     {"blasts": "absent"}, set()),

    # an emergency suspected is an emergency; an aside in brackets does not own what follows it
    ("T9 collapse with epidural soft tissue, likely cord compression", {"cord_compression_signs": "present"}, set()),
    ("sensory level ~T10, upgoing plantars", {"cord_compression_signs": "present"}, set()),
    ("MRI whole spine: no cord compression", {"cord_compression_signs": "absent"}, set()),
    ("heterogeneous uptake (pelvic SUVmax 7.9; below cerebral cortex) extending into both mid-femoral shafts",
     {"appendicular_extension": "present"}, set()),

    # differentials joined by "vs", an organ's own SUV, a relative's herd, spinal TB
    ("Discussion: ?spinal TB vs lymphoma vs metastases - CT-guided biopsy today", {}, {"known_nhl", "tb_exposure"}),
    ("marrow SUVmax 4.1 vs liver 2.3", {"marrow_suvmax": 4.1, "liver_suvmax": 2.3}, set()),
    ("intense rim uptake T11-L1 and paravertebral/psoas collections, SUVmax 13.4; diffuse homogeneous marrow "
     "elsewhere SUVmax 3.8", {"marrow_suvmax": 3.8, "tb_imaging": "present"}, set()),
    ("his brother keeps a small herd of goats in northern Greece, and he spent July there, drinking the fresh milk",
     {"livestock_raw_dairy": "present"}, set()),

    # an IgM paraprotein is its own finding; a bracketed list takes the time said before it
    ("Serum protein electrophoresis showed an IgM-kappa paraprotein of 7.2 g/L", {"igm_paraprotein": "present"},
     set()),
    ("IgG kappa paraprotein 32 g/L", {"m_protein": "present"}, {"igm_paraprotein"}),
    ("Blood: Hb 12.1 g/dl, WBC 3.1, plt 94. One year ago team check all normal (Hb 15.2, plt 245).",
     {"hb": 12.1, "platelets": 94.0}, set()),

    # mastocytosis in the skin; sclerotic foci on CT are sclerosis, not avid marrow foci
    ("Known cutaneous mastocytosis (urticaria pigmentosa) since her 30s. Darier sign positive.",
     {"mast_cell_skin": "present"}, set()),
    ("diffuse trabecular thickening with innumerable small ill-defined sclerotic foci in the spine",
     {"sclerotic_lesions": "present"}, {"focal_lesions"}),

    # HIV indicator conditions
    ("oral thrush twice (blamed on prednisone), new scaly facial rash called seborrheic dermatitis, T6 shingles",
     {"hiv_indicator": "present", "steroids": "present"}, set()),

    # vital signs make sepsis physiology; light chains and bands as reports write them
    ("blood pressure 94/58 mmHg and heart rate 112/min; lactate was 3.1 mmol/L",
     {"systolic_bp": 94.0, "heart_rate": 112.0, "lactate": 3.1}, set()),
    ("serum free lambda light chains were 1,280 mg/L and free kappa 11 mg/L",
     {"lambda_flc": 1280.0, "kappa_flc": 11.0}, set()),
    ("Serum protein electrophoresis subsequently showed a small gamma-region band (4 g/L)", {"m_protein": "present"},
     set()),

    # asides, avidity and hay fever
    ("Serum tryptase (sent on the radiologist's suggestion) 78 µg/L", {"tryptase": 78.0}, set()),
    ("WBC (x 10^9/L): 2.1", {"wbc": 2.1}, set()),
    ("the enlarged spleen was not avid", {"splenomegaly": "present"}, set()),
    ("cetirizine 10 mg (year-round 'hay fever'). no night sweats or fevers", {"fever": "absent"}, set()),
    ("He fainted at a barbecue after a wasp sting in 2019", {"mast_cell_skin": "present"}, set()),

    # stem-cell rescue; a course given as dotted dates beats a bare "5 days"
    ("high-dose carboplatin-etoposide x3 with autologous PBSC rescue; last reinfusion 46 days ago",
     {"hsct": "present", "days_since_hsct": 46.0}, set()),
    ("got filgrastim 5 days (03.-07.02.2025) because neutrophils then 0.6. Pulmonology made PET-CT on 19.05.2025",
     {"days_since_gcsf": 101.0}, set()),
    ("neulasta 5 days ago. PET 12/03", {"days_since_pegfilgrastim": 5.0}, set()),

    # bone pain in patients' words; focal spots; schistocytes are their own finding
    ("'a toothache in my spine' and pain in the left ribs when she turns in bed", {"bone_pain": "present"}, set()),
    ("focal spots in both iliac wings, L2 and T9, no osteolysis", {"focal_lesions": "present"}, set()),
    ("Smear: teardrops, myelocytes, no schistocytes.", {"schistocytes": "absent"}, {"dic"}),

    # CAR-T days count like transplant days
    ("filgrastim 5 µg/kg daily was given from day +15 to day +25. The day +28 response FDG PET/CT showed ...",
     {"days_since_gcsf": 3.0}, {"days_since_hsct"}),

    # copied-forward results are old; a trend through thousands marks and bracketed times
    ("Bloods (admission): Hb 7.4, WBC 1.0, plt 6. Copied from 10/2024 clinic letter: Hb 13.1, WBC 5.8, plt 246.",
     {"hb": 7.4, "wbc": 1.0, "platelets": 6.0}, set()),
    ("Platelets 188k (admit) -> 124k -> 71k -> 43,000/µL today despite stopping heparin", {"platelets": 43.0}, set()),

    # the marrow SUVmax is the background; the hottest focus is its peak
    ("The marrow was heterogeneous, background SUVmax 5.1, with multiple foci in the spine (hottest in the right "
     "ilium, SUVmax 12.6).", {"marrow_suvmax": 5.1, "marrow_peak_suvmax": 12.6}, set()),
    ("marrow diffusely LOW, background SUVmax 1.4 vs liver 2.3, with a few focal islands up to SUVmax 3.4",
     {"marrow_suvmax": 1.4, "marrow_peak_suvmax": 3.4}, set()),
    ("diffuse marrow SUVmax 5.2", {"marrow_suvmax": 5.2}, {"marrow_peak_suvmax"}),

    ("A core biopsy of a left inguinal node showed reactive follicles with regressed germinal centres and sheets of "
     "polytypic plasma cells in the interfollicular areas, no evidence of lymphoma", {"castleman_histology": "present"},
     set()),

    # "cycle" only suggests chemotherapy; a named regimen or an explicit denial decides
    ("sargramostim 250 µg daily on days 1-14 of each 28-day cycle. PET was performed on day 11 of the fourth cycle. "
     "No chemotherapy or corticosteroids.", {"chemo_exposure": "absent"}, {"days_since_chemo"}),
    ("4 cycles of ABVD, last cycle 10 days ago. No chemotherapy since.",
     {"chemo_exposure": "present", "days_since_chemo": 10.0}, set()),
    ("Neulasta Onpro on-body injector every cycle, last dose delivered C6D2 = 12 days before PET.",
     {"days_since_pegfilgrastim": 12.0}, set()),

    # a degree sign makes a temperature; NEU; shins that ache
    ("He is exhausted and says his shins have ached at night for a fortnight. He was 38.4 °C in clinic.",
     {"temperature": 38.4, "bone_pain": "present"}, set()),
    ("Fever 2 months, irregular, highest 39.6℃. NEU 0.7x10^9/L", {"temperature": 39.6, "anc": 0.7}, set()),
    ("The scanner room was at 21 °C", {}, {"temperature"}),

    # dates written with month names; a value from years ago
    ("four cycles of dd-MVAC, each followed by pegfilgrastim the next day (last dose 14 January). PET/CT 23 April: "
     "no recurrence.", {"days_since_pegfilgrastim": 99.0}, set()),
    ("Neulasta given on March 3rd, 2025. PET-CT on March 12, 2025.", {"days_since_pegfilgrastim": 9.0}, set()),
    ("Bloods: platelets 96 x10^9/L. Of note, her platelets were 512 on a GP test in 2019.", {"platelets": 96.0}, set()),
    ("Tryptase 44 ng/mL (39 last year).", {"tryptase": 44.0}, set()),

    ("Peripheral flow: small CD19+ CD10+ lambda-restricted B-cell population (3 % of lymphocytes).",
     {"clonal_b_cells": "present"}, set()),
    ("last CO (cyclophosphamide, vincristine) 13.03. PET/CT on 24.03", {"days_since_chemo": 11.0}, set()),

    # bones in patients' words; obs lines; Scandinavian abbreviations; devices; the past in a year
    ("He says his 'bones are sore - my breastbone and ribs hurt when I roll over in bed'.", {"bone_pain": "present"},
     set()),
    ("Exam: sternum and lower ribs tender to palpation", {"bone_pain": "present"}, set()),
    ("Adm D9 with rigors, T 39.1. E. faecalis 4/4 bottles on adm. Child-Pugh B7, covered TIPS (Viatorr) 2021",
     {"temperature": 39.1, "positive_blood_cultures": "present", "prosthetic_device": "present"}, {"young_age"}),
    ("LPK 3,2 (neutrofils 1,7), TPK 168", {"wbc": 3.2, "anc": 1.7, "platelets": 168.0}, set()),
    ("Platelets go down 212 → 96 → now 34 x10^9/L", {"platelets": 34.0}, set()),
    ("In 2016 he had collapsed after a wasp sting (blood pressure 70/40 mmHg in the emergency department)", {},
     {"systolic_bp"}),

    # a percentage that is normal where it was counted: none circulate in health, a marrow holds up to 5 %
    ("Bone marrow biopsy: normocellular, trilineage haematopoiesis, blasts 1%, no infiltrate.", {"blasts": "absent"},
     set()),
    ("BM trephine: 2% blasts, no infiltration", {"blasts": "absent"}, set()),
    ("Marrow aspirate: blasts <5%", {"blasts": "absent"}, set()),
    ("Blood film: blasts 0%", {"blasts": "absent"}, set()),
    ("peripheral blood film: blasts 2%", {"blasts": "present"}, set()),
    ("BMAT: 62% blasts", {"blasts": "present"}, set()),
    ("Bone marrow: hypercellular, blasts 8%", {"blasts": "present"}, set()),
    # a report that measures by SUVmean: the ratio of means is a BLR too (clinical reference §2)
    ("lumbar spine SUVmean 3.9 vs liver SUVmean 2.1. Spleen SUVmean 2.0.",
     {"marrow_suvmean": 3.9, "liver_suvmean": 2.1}, {"marrow_suvmax"}),
    # bone pain, devices and doses as the dz_ batch wrote them
    ("admitted for diffuse ossalgias lasting six weeks", {"bone_pain": "present"}, set()),
    ("painful percussion of both tibiae and of sternum", {"bone_pain": "present"}, set()),
    ("On examination exquisitely tender over the sternum.", {"bone_pain": "present"}, set()),
    ("Physical examination revealed tenderness over the L4-L5 spinous processes", {"bone_pain": "present"}, set()),
    ("fever with profuse sweating, fatigue and lumbosacral pain", {"bone_pain": "present"}, set()),
    ("there was tenderness in the left upper quadrant", {}, {"bone_pain"}),
    ("heterogeneous uptake including diaphyses of femurs, humerus and tibiae", {"appendicular_extension": "present"},
     set()),
    ("on haemodialysis via a tunnelled right internal jugular catheter", {"prosthetic_device": "present"}, set()),
    ("a 69-year-old man with a bioprosthetic aortic valve", {"prosthetic_device": "present"}, set()),
    ("Started on cefepime and filgrastim 480 mcg subcut daily; last dose the evening before the scan.",
     {"days_since_gcsf": 1.0}, set()),
    ("WBC 236 x10^9/L, neutrophils 118, myelocytes 14 %", {"wbc": 236.0, "anc": 118.0}, set()),
    ("WBC 2,300/µL, ANC 450", {"anc": 0.45}, set()),
    # the spleen and its lesions as the ea_ batch wrote them
    ("On examination the spleen is firm and palpable 12 cm below the left costal margin.",
     {"spleen_below_costal_margin": 12.0}, {"spleen_length"}),
    ("The spleen was not enlarged (12.1 cm) but contained five hypodense hypermetabolic nodules up to 1.8 cm.",
     {"splenic_focal_lesions": "present"}, {"focal_lesions"}),
    ("and a 13.0 cm spleen with diffuse uptake (SUVmax 3.1) containing two peripheral photopenic defects and a "
     "2.3 cm hypodense lesion with a rim of uptake", {"splenic_focal_lesions": "present"}, {"focal_lesions"}),
    ("The spleen is enlarged but the marrow shows focal lesions.", {"focal_lesions": "present"},
     {"splenic_focal_lesions"}),
    # asymmetry itself is read here; it becomes "asymmetric after transplant" only with a transplant in the note
    # (a rule in findings.yaml, tested in test_engine.py)
    ("Marrow asymmetric - right scapula, right 3rd-6th ribs clearly above liver",
     {"uptake_asymmetric": "present"}, {"asymmetric_after_transplant"}),
    ("At diagnosis 64% marrow blasts, now in CR1", {}, {"blasts"}),
    # other languages' lab names, and a spleen felt to the umbilicus (eb_, ec_)
    ("Lab: Thrombozyten 38 G/l, Leukozyten 9.2 G/l, Kreatinin 1.9 mg/dl", {"platelets": 38.0, "wbc": 9.2}, set()),
    ("Spleen palpable until the umbilicus (22 cm at ultrasound).", {"massive_splenomegaly": "present"}, set()),
    ("the spleen measured 16.4 cm, with diffuse uptake above the liver (SUVmax 4.9 vs 2.4) and innumerable small "
     "hypodense nodules of higher uptake", {"splenic_focal_lesions": "present"}, {"focal_lesions"}),
    # an HIV test not done, or pending, says nothing of HIV; a result does
    ("no HIV test had yet been performed", {}, {"hiv"}),
    ("He reported sex with men and never had been tested for HIV.", {"hiv_indicator": "present"}, {"hiv"}),
    ("Fourth-generation HIV serology was collected and the result was pending.", {}, {"hiv"}),
    ("HIV test from GP is positive, CD4 160/µl", {"hiv": "present"}, set()),
    ("HIV serology negative", {"hiv": "absent"}, set()),
    ("in smear no blasts and I dont see dysplasia", {"dysplasia": "absent"}, set()),
    ("only some spots in thoracic spine, sternum and iliac crest SUVmax 3.4-3.8", {"focal_lesions": "present"}, set()),
    ("red spots on the skin of the legs", {}, {"focal_lesions"}),
    ("PET/CT: 8.6 cm RUL mass with thick avid rim and central necrosis, SUVmax 26.1", {"bulky_avid_mass": "present"},
     set()),
    ("a 7.8 cm necrotic left thyroid mass (SUVmax 22.6)", {"bulky_avid_mass": "present"}, set()),
    ("PET/CT showed the avid breast primary (SUVmax 7.4)", {}, {"bulky_avid_mass"}),
    # ed_/ee_: a vertebral level between a SUV and its value; the organ a report line names with its enlargement;
    # an age in an aside is not days since a drug
    ("Bone marrow: diffuse homogeneous increase (SUVmax L3 7.3)", {"marrow_suvmax": 7.3}, set()),
    ("Findings: Marked splenomegaly (22 cm craniocaudal, previously 17 cm) with diffusely increased uptake, SUVmax "
     "8.2, clearly greater than liver (SUVmax 2.6), and two ill-defined foci of higher uptake in the lower pole",
     {"spleen_length": 22.0, "spleen_suvmax": 8.2, "splenic_focal_lesions": "present"},
     {"marrow_suvmax", "focal_lesions"}),
    ("27 years man with severe congenital neutropenia (ELANE mutation, diagnosis at 8 months) on filgrastim since "
     "childhood", {"gcsf_recent": "present"}, {"days_since_gcsf"}),
    # a blast count as a percentage (20 % defines AML, WHO 2022)
    ("The technician see on smear blasts around 30 percent, some with Auer rod", {"blast_percent": 30.0}, set()),
    ("Bone marrow aspirate: 45% blasts", {"blast_percent": 45.0, "blasts": "present"}, set()),
    # bone destruction, soft-tissue components, infiltrated testes and a cord wrapped by tumour (dr_, dt_)
    ("L3 inferior + L4 superior endplate destruction, avid, with a 3.4 cm L psoas collection.",
     {"lytic_lesions": "present"}, set()),
    ("intense uptake at the T10-T11 disc and adjacent endplates with a small paravertebral and anterior epidural "
     "soft-tissue component", {"extramedullary_masses": "present"}, set()),
    ("from the T8 body a soft-tissue cuff (SUVmax 9.2) wrapped around the thecal sac",
     {"extramedullary_masses": "present", "cord_compression_signs": "present"}, set()),
    ("On the CT component the skull vault looked moth-eaten, with dozens of 3-6 mm holes",
     {"lytic_lesions": "present"}, set()),
    ("Staging FDG PET/CT: both testes avid (R SUVmax 11.2, L 6.4).", {"extramedullary_masses": "present"}, set()),
    ("No lytic destructive lesion, no fracture.", {"lytic_lesions": "absent"}, set()),
    ("Colonoscopy revealed multiple punched-out ulcers in the terminal ileum", {}, {"lytic_lesions"}),
    ("visited our hospital with the chief complaint of lumbago for two months", {"bone_pain": "present"}, set()),
    ("Since two month he has pain in the middle of the back, more in the night", {"bone_pain": "present"}, set()),
    ("the radiologist comments on several small punched-out holes in the skull vault", {"lytic_lesions": "present"},
     set()),
    # notes from Spanish- and other-language writers (ej_)
    ("Tª max 39,1ºC mostly in the evenings", {"temperature": 39.1}, set()),
    ("receptor soluble de IL-2 6.840 U/mL", {"sil2r": 6840.0}, set()),
    ("Eco abdominal: esplenomegalia 15,5 cm, homogeneous, no adenopatías.",
     {"spleen_length": 15.5, "lymphadenopathy": "absent"}, {"uptake_homogeneous"}),
    ("PET-TC: hipermetabolismo medular difuso y heterogéneo, SUVmax 8,4, with extension to diáfisis femorales",
     {"appendicular_extension": "present", "marrow_suvmax": 8.4}, set()),
    ("plaquetopenia y leucopenia; fiebre de 3 semanas", {"thrombocytopenia": "present", "leukopenia": "present",
                                                        "fever": "present"}, set()),
    ("blastic plasmacytoid dendritic cell neoplasm in CR1", {}, {"blasts"}),
    # a skin commensal in one bottle is a contaminant, however far the word stands
    ("BCs: 1/4 bottles CoNS (contaminant), repeat x2 no growth.", {"positive_blood_cultures": "absent"}, set()),
    ("blood cultures grew Staph epidermidis in 1 of 4 bottles, likely contaminant",
     {"positive_blood_cultures": "absent"}, set()),
    ("Back this am: PR3-ANCA 112 IU/mL (c-ANCA +), anti-GBM neg, ANA neg", {"anca_positive": "present"}, set()),
    ("ANA, ANCA, rheumatoid factor and anti-CCP antibodies were negative", {"anca_positive": "absent"}, set()),
    # em_/ek_/el_: a growth factor dated by the cycle it was given in, a resolved finding seen at baseline, aching
    ("She had filgrastim on days 5-11 of cycle 1 only, about ten weeks ago; it was stopped.",
     {"days_since_gcsf": 70.0}, set()),
    ("the small splenic focus seen at baseline has gone", {"splenic_focal_lesions": "absent"}, set()),
    ("For two weeks both thighs had ached at night", {"bone_pain": "present"}, set()),
    # a superscript unit folds to digits: "× 10⁹/L" is the same unit as "x10^9/L" for every count
    ("with an absolute reticulocyte count of 8 × 10⁹/L", {"reticulocytes": 0.1776}, set()),
    ("neutrophils 0.3 × 10⁹/L and platelets 9 × 10⁹/L", {"anc": 0.3, "platelets": 9.0}, set()),
    ("Leishmania IFAT was positive at 1:160 (cut-off 1:80)", {"leishmania_serology_positive": "present"}, set()),
    ("Leishmania IFAT negative", {"leishmania_serology_positive": "absent"}, set()),
    # a symptom the clause before ended on, then "which resolved"
    ("it was stopped because of bone pain, which resolved within days", {"bone_pain": "absent"}, set()),
    ("She has bone pain, which is worse at night.", {"bone_pain": "present"}, set()),
    # "peg" alone may be a feeding tube; "peg next day" after a chemotherapy cycle is the drug
    ("ddAC c3 given 10d ago, peg next day (so 9d pre scan).", {"days_since_pegfilgrastim": 9.0}, set()),
    ("PEG tube feeding, 9 days pre scan", {}, {"days_since_pegfilgrastim", "gcsf_exposure"}),
    # lab tables: the latest dated column counts, whichever side it is on
    ("Labs:\n                     09/18 (UC)   10/02     10/08\nWBC (/µL)            3,900        2,100     1,300\n"
     "Ferritin (ng/mL)     -            4,820     31,600", {"wbc": 1.3, "ferritin": 31600.0}, set()),
    ("                04/2025   2023    2022\nHb (g/L)        96        118     131\nWBC             2.1       3.0     3.8",
     {"hb": 9.6, "wbc": 2.1}, set()),
    ("HIV-1/2 Ag/Ab negative. Transfer to Hematology/BMT service.", {"hiv": "absent"}, {"hsct"}),
    ("but some hot focus in T11, L2 vertebral body and sternum (SUVmax 3.4)", {"focal_lesions": "present"}, set()),
    ("Solitary focus in the manubrium sterni, SUVmax 6.2, with no lytic correlate", {"focal_lesions": "present"}, set()),
    ("a solitary focus in the right upper lobe, SUVmax 4.1", {}, {"focal_lesions"}),
    # eq_ to ev_ batches: transplant days, windows said as "more than", a question that names a diagnosis
    ("cord blood transplant (day 0: 11 March). The PET-CT was performed on day +49 as protocol restaging.",
     {"days_since_hsct": 49.0}, set()),
    ("The PET-CT was performed on day +49 as protocol restaging.", {}, {"days_since_hsct"}),
    ("G-CSF was stopped more than four weeks before the scan", {"days_since_gcsf": 29.0}, set()),
    ("filgrastim stopped 4 weeks before the scan", {"days_since_gcsf": 28.0}, set()),
    ("Haematology want splenectomy for diagnosis of splenic lymphoma.", {}, {"known_nhl"}),
    ("PET-CT was made to find lymphoma: spleen 19 cm, diffusely more than liver (SUVmax 5.4, liver 2.1) and inside "
     "3 hypodense foci more hot SUVmax 9.6", {"spleen_suvmax": 5.4, "splenic_focal_lesions": "present"},
     {"focal_lesions", "marrow_suvmax", "known_nhl"}),
    ("Ca adj 2.97, creat 171", {"calcium": 2.97}, set()),
    ("Right total knee prosthesis 2020 for osteoarthritis.", {"prosthetic_device": "present"}, set()),
    ("one spot in right posterior iliac crest exactly where the trephine was", {"focal_lesions": "present"}, set()),
    ("three months of pain between the shoulder blades that gets him up at 3 am", {"bone_pain": "present"}, set()),
    ("I thought there was some reduced feeling in both legs", {"cord_compression_signs": "present"}, set()),
    ("Now 2/7 heavy legs, numb from umbilicus down, hesitancy", {"cord_compression_signs": "present"}, set()),
    # the tracer is not a patient: "[18F]FDG" had made a 72-year-old 18 (young age then excused long-bone marrow)
    ("[18F]FDG PET/CT REPORT\nCLINICAL INFORMATION: 72F. 6/52 fevers, sweats.", {"age": 72.0}, set()),
    ("(18F)-FDG PET/CT", {}, {"age"}),
    ("C2 given on the 3rd, Neulasta d2 (the 4th). PET done as planned on the 12th, so 8 days post peg / 9 post chemo.",
     {"days_since_pegfilgrastim": 8.0}, set()),
    ("on pegfilgrastim d7, Hb 8.1", {"days_since_pegfilgrastim": 7.0}, set()),
    ("The pain is across his mid-back and lower ribs and is worst when he turns over", {"bone_pain": "present"}, set()),
    # ew_ to ez_: analysers' and other countries' lab names and units, old doses dated with their year, an age word
    # in the past history
    ("blood routine WBC 1.9×10^9/L, NEUT# 0.8×10^9/L, Hb 84 g/L", {"wbc": 1.9, "anc": 0.8}, set()),
    ("xet nghiem (lab): BC 1,9 G/L, BCTT (neutrophil) 0,6 G/L, Hb 81 g/L, TC (platelet) 31 G/L",
     {"anc": 0.6, "platelets": 31.0, "hb": 8.1}, set()),
    ("Inv: Hb 7.8 gm%, TLC 2800/cumm, platelets 0.86 lakh/cumm", {"hb": 7.8, "wbc": 2.8, "platelets": 86.0}, set()),
    ("9 cm necrotic GB mass invading seg IVb/V", {"bulky_avid_mass": "present"}, {"wbc"}),
    # (the date is the last EC cycle's; pegfilgrastim came the day after it)
    ("pegfilgrastim after each EC cycle (last 29 Aug 2023). PET-CT 4 Jun 2025: diffuse uptake",
     {"days_since_chemo": 645.0, "days_since_pegfilgrastim": 644.0}, set()),
    ("NEW: 5/52 mid-thoracic pain, worse lying flat, waking him", {"bone_pain": "present"}, set()),
    ("Since about 3 months he laments pains at the lumbar column and at the ribs", {"bone_pain": "present"}, set()),
    # ex_: a negated list read to its end; a neurological examination is not the marrow; a hedge about what a
    # disease can herald; focal areas
    ("No back pain, bladder change, fevers, sweats or weight loss.",
     {"fever": "absent", "night_sweats": "absent", "weight_loss": "absent"}, {"bulky_avid_mass"}),
    ("No fevers, sweats, itch or weight loss (58 kg, same centile), no nodes, rash or joint pain.",
     {"rash": "absent", "arthralgia": "absent", "hot_nodes": "absent"}, set()),
    ("no blasts, no dysplasia, macrocytic", {"blasts": "absent", "macrocytosis": "present"}, set()),
    ("aching knees and lower back", {"arthralgia": "present", "bone_pain": "present"}, set()),
    ("Romberg positive, absent ankle jerks, vibration lost to the knees", {}, {"appendicular_extension"}),
    ("marrow uptake extending down to the knees", {"appendicular_extension": "present"}, set()),
    ("warm AIHA at her age can herald Hodgkin lymphoma, ALPS or lupus", {}, {"known_hodgkin", "autoimmune_disease"}),
    ("with several focal areas in the pelvis and tibiae", {"focal_lesions": "present"}, set()),
    ("History: coronary stent 2017, atrial fibrillation on dabigatran, CKD 3a, BPH.", {"renal_impairment": "present"},
     {"creatinine"}),
    ("We want start prednisolone 15 mg but the family is worry.", {}, {"steroids"}),
    ("Uptake around shoulders and hips, ischial tuberosities and between spinous processes cervical and lumbar",
     {"autoimmune_pet_pattern": "present"}, set()),
    ("O/E: drowsy, GCS 14. Tender lower T- and L-spine.", {"bone_pain": "present"}, set()),
    # a result word reaches back over a list of tests, through an item the vocabulary does not know, and only over
    # tests ("HIV" in a list of negative serologies had been read as HIV present)
    ("Three sets of blood cultures, HIV and syphilis serology, ANCA and antiphospholipid antibodies were negative.",
     {"hiv": "absent", "anca_positive": "absent", "positive_blood_cultures": "absent"}, set()),
    ("he has fever, tiredness and joint pain, ANA negative",
     {"fever": "present", "fatigue": "present", "arthralgia": "present", "ana_positive": "absent"}, set()),
    ("fever and antiphospholipid antibodies negative", {"fever": "present"}, set()),
    ("florid follicular hyperplasia with follicle lysis and polytypic plasma cells, EBER and HHV-8 negative",
     {"castleman_histology": "present"}, {"lytic_lesions"}),
    ("8 mg/dL, undetectable haptoglobin, negative DAT and bite cells on the film", {"haemolysis": "present"}, set()),
    # fb_/fd_: a course's length is not days since its last dose; the spleen felt to the left iliac fossa; hotter
    # than brain
    ("PBSC donor: filgrastim 10 mcg/kg daily x 5 days, apheresis 41 days before the PET.", {"days_since_gcsf": 41.0},
     set()),
    ("Exploration: spleen palpable until the left iliac fossa, in ecography 23 cm longitudinal.",
     {"massive_splenomegaly": "present"}, set()),
    ("marrow patchy, hotter than brain, all the way down femora/humeri", {"marrow_ge_brain": "present"}, set()),
    # fa_: chemotherapy still to come; two foci measured before the background
    ("Staging before neoadjuvant chemotherapy. ALP 156.", {}, {"chemo_exposure"}),
    ("Skeleton: focal uptake in the sternal body (SUVmax 4.8), in the anterolateral left 4th-7th ribs in a vertical "
     "line (SUVmax 3.9), and around the plate fixation of the left mid-clavicle (SUVmax 3.5). Background marrow "
     "homogeneous, SUVmax 2.1 (liver SUVmax 2.6).", {"marrow_suvmax": 2.1, "marrow_peak_suvmax": 4.8}, set()),
    ("He spiked 38.4 on Sunday and is on tazocin, cultures negative so far.", {"temperature": 38.4}, set()),
    ("the CRP spiked to 200", {"crp": 200.0}, {"temperature", "fever"}),
    ("small brown spots on trunk and thighs since many years; when we rub them they become red and swollen. "
     "Colleagues think lymphoma or bone metastasis of unknown cancer, what you think?", {"mast_cell_skin": "present"},
     {"known_nhl"}),
    # fe_/fg_: a scan dated as 'Scan date', a cycle number is not days, sizes before a focus, the appendicular skeleton
    ("R-CHOP-21 cycle 3 day 1 = 03/06, pegfilgrastim 6 mg on 04/06. Admitted 11/06. Scan date 14/06.",
     {"days_since_pegfilgrastim": 10.0}, set()),
    # fj_: pasted local-language reports (negations, lab names, symptoms); a lab system is not an old letter
    ("Anamnese: seit 6 Monaten Abgeschlagenheit, Nachtschweiß, 8 kg Gewichtsverlust. Kein Fieber.",
     {"night_sweats": "present", "weight_loss": "present", "fever": "absent"}, set()),
    ("Befund: Massive Splenomegalie (kraniokaudal 23 cm). Heterogen gesteigerte Knochenmarkaktivität mit Ausdehnung "
     "in die Femur- und Humerusschäfte. Im CT diffuse Sklerosierung der Wirbelkörper.",
     {"massive_splenomegaly": "present", "appendicular_extension": "present", "sclerotic_lesions": "present"}, set()),
    ("Laboratorium (our units, copied from HiX):\nHb 5,5 mmol/l | Leukocyten 2,6 x10^9/l | Neutrofielen 0,8 x10^9/l | "
     "Trombocyten 74 x10^9/l", {"wbc": 2.6, "anc": 0.8, "platelets": 74.0}, set()),
    ("Bloods copied from the previous letter: Hb 9.1, plt 80", {}, {"hb", "platelets"}),
    ("2 month ateş 38,5-38,9 especially akşam, gece terlemesi, 9 kg kilo kaybı, öksürük yok. His older brother took "
     "verem tedavisi 2 years ago. lökosit 2,7 x10^3/µl, trombosit 78 x10^3/µl",
     {"fever": "present", "night_sweats": "present", "tb_exposure": "present", "wbc": 2.7, "platelets": 78.0}, set()),
    ("From 3 month he have bóle kostne of back and ribs, worse in the night", {"bone_pain": "present"}, set()),
    ("TP 56 %, fibrinogène 1,1 g/l, D-dimères > 20 000 ng/ml, plaquettes 48 G/l",
     {"fibrinogen": 1.1, "d_dimer": 20.0, "platelets": 48.0}, set()),
    ("Mid-thoracic ache for 2 weeks, no neuro symptoms", {"bone_pain": "present"}, set()),
    ("he received mFOLFIRINOX 6 cycles by right chest port. Blood culture 2 of 2 (port and periferal) grow "
     "Staphylococcus aureus MSSA", {"prosthetic_device": "present", "positive_blood_cultures": "present"}, set()),
    # fp_: notes written in another language
    ("PET/CT: diffus heterogen gesteigerter Glukosestoffwechsel im gesamten Knochenmark einschl. Humerus- und "
     "Femurschäfte bis zu den Knien; SUVmax 9,6 (LWK 3) - Intensität über Kleinhirnniveau",
     {"appendicular_extension": "present", "marrow_ge_brain": "present"}, set()),
    ("Lesiones focales: lesión lítica insuflante en arco posterior de la 8ª costilla derecha, SUVmax 5,8",
     {"lytic_lesions": "present"}, set()),
    ("Pat 69a, pontage aorto-bifemoral (dacron) en 2019. HC 3/4 positives a S. aureus meti-S",
     {"prosthetic_device": "present", "positive_blood_cultures": "present"}, set()),
    ("Squelette (TDM) : densification diffuse de l'os spongieux (ostéocondensation) du rachis et du bassin, sans "
     "lésion lytique.", {"sclerotic_lesions": "present", "lytic_lesions": "absent"}, set()),
    ("61 years with blastic plasmacytoid dendritic cell neoplasm", {}, {"blasts"}),
    ("History: stage IV nodal marginal zone lymphoma 2019 (marrow involved), bendamustine-rituximab x6",
     {"known_nhl": "present"}, set()),
    ("?Waldenström macroglobulinaemia", {}, {"known_nhl"}),
    ("also pain in right buttock and low back when he walk", {"bone_pain": "present"}, set()),
    ("pain in the left knee since the fall", {"arthralgia": "present"}, {"bone_pain"}),
    ("CT chest showed innumerable 2-3 mm nodules in random distribution in both lungs and necrotic subcarinal lymph "
     "nodes.", {"tb_imaging": "present"}, set()),
    ("allo-SCT from a matched unrelated donor, peripheral stem cell, day 0 was 3 february. PET on day +49.",
     {"days_since_hsct": 49.0}, set()),
    ("focal uptake in the lateral right 6th-9th ribs (SUVmax 4.1-5.6) in a vertical line, each with a fracture line "
     "and callus on CT", {"foci_at_injury": "present"}, set()),
    # notes pasted from local reports (fp_, fs_ batches)
    ("Non lesioni ossee focali né alterazioni osteostrutturali alla TC.", {"focal_lesions": "absent"}, set()),
    ("captazione midollare diffusa e omogenea, SUVmax 4,4 (fegato 2,3)", {"uptake_homogeneous": "present"}, set()),
    ("hyperfixation médullaire diffuse et hétérogène", {"uptake_heterogeneous": "present"}, set()),
    ("non-tender splenomegaly; non Hodgkin lymphoma in 2010; non-smoker",
     {"splenomegaly": "present", "known_nhl": "present"}, set()),
    ("HIV, HBV e HCV negativi", {"hiv": "absent"}, set()),
    ("Emocromo: GB 186.000/µL, neutrofili 98.400/µL, blasti 2 %", {"wbc": 186.0, "blasts": "present"}, set()),
    ("Striscio: blasti assenti.", {"blasts": "absent"}, set()),
    ("PET: GB mass SUVmax 21.7 with a necrotic centre", {"bulky_avid_mass": "present"}, {"wbc"}),
    ("blastic plasmacytoid dendritic cell neoplasm", {}, {"blasts"}),
    ("adénopathies médiastinales hypermétaboliques (SUVmax 8,7) ; hyperfixation médullaire diffuse homogène "
     "(SUVmax 4,1 ; foie 2,6) ; rate 14 cm", {"marrow_suvmax": 4.1, "liver_suvmax": 2.6, "spleen_length": 14.0},
     set()),
    ("splenomegalia (diametro longitudinale 17 cm) con iperaccumulo diffuso (SUVmax 8,2; fegato 2,4), aumentata "
     "captazione midollare diffusa (SUVmax 3,8)", {"marrow_suvmax": 3.8, "liver_suvmax": 2.4}, set()),
    ("Milz 5 QF unter dem Rippenbogen tastbar", {"spleen_below_costal_margin": 10.0}, set()),
    ("PET-CT (auswärts, Fragestellung Lymphom)", {}, {"known_nhl"}),
    ("micronodules pulmonaires diffus de distribution aléatoire", {"tb_imaging": "present"}, set()),
    ("Non riferiva artralgie né rash cutanei", {"arthralgia": "absent", "rash": "absent"}, set()),
    # fu_ batch: more languages, and day counts in them
    ("TEP-CT (09/06, soit 6 jours après la dernière injection de Granocyte)", {"days_since_gcsf": 6.0}, set()),
    ("ultima dose di filgrastim 6 giorni fa", {"days_since_gcsf": 6.0}, set()),
    ("Nie otrzymał G-CSF ani chemioterapii.", {"gcsf_exposure": "absent", "chemo_exposure": "absent"}, set()),
    ("z zajęciem trzonów kości długich; wychwyt w szpiku wyższy niż w mózgu",
     {"appendicular_extension": "present", "marrow_ge_brain": "present"}, set()),
    ("kalvaryum, T7, L1 ve çok sayıda kostada litik lezyonlar", {"lytic_lesions": "present"}, set()),
    ("Σπληνομεγαλία (επιμήκης διάμετρος 22 cm). Πυρετός έως 39,1 °C με εφιδρώσεις.",
     {"splenomegaly": "present", "spleen_length": 22.0, "fever": "present"}, set()),
    ("douleurs osseuses disparues", {"bone_pain": "absent"}, set()),
    ("PET/TC di ieri (ricerca focolaio): spondilodiscite L3-L4 con raccolta paravertebrale sx (SUVmax 9,2); midollo "
     "osseo con captazione diffusa (SUVmax 4,8; fegato 2,6)", {"marrow_suvmax": 4.8}, {"focal_lesions"}),
    ("ha 3 meses dor lombar e na bacia, agora dor nas costelas tb", {"bone_pain": "present"}, set()),
    ("Beenmerg: wervelkolom, bekken, SUVmax 4,6, zonder focale laesies", {"focal_lesions": "absent"}, set()),
    ("disparition de l'ensemble des foyers hypermétaboliques du bilan initial", {"focal_lesions": "absent"}, set()),
    # counts and lesions the fq_-fw_ batches wrote
    ("Labs today (ref): WBC 1.9 K/µL (4.0-11.0) L | ANC 0.62 K/µL (1.8-7.7) L | Plt 46 K/µL (150-400) L",
     {"wbc": 1.9, "anc": 0.62, "platelets": 46.0}, set()),
    ("Labor: Hb 9,8 g/dl, Leukos 14,2/nl, Thrombos 96/nl", {"wbc": 14.2, "platelets": 96.0}, set()),
    ("WBC 38,600/μL (Neut 91.0 %, Lym 4.5 %, no blasts), Hb 10.9 g/dL, Plt 42.1×10^4/μL", {"platelets": 421.0}, set()),
    ("Chest CT: 82 mm mass of right upper lobe with central low attenuation", {"bulky_avid_mass": "present"}, set()),
    ("Bloods: WCC 31.4 with neutrophils 28.1 (92 %), platelets 436. His platelets fell to 88 and neutrophils to 1.1 "
     "during an influenza A admission in January 2023; both were normal six weeks later.",
     {"platelets": 436.0, "anc": 28.1}, set()),
    ("AS hoy: Hb 7,9 g/dL, leucos 1.600/µL (NT 640/µL), plaq 38.000/µL", {"wbc": 1.6, "anc": 0.64}, set()),
    ("NT-proBNP 1200 pg/mL", {}, {"anc"}),
    ("Platelets have dropped into the 60s (latest 64).", {"platelets": 60.0}, set()),
    ("Hb has drifted from 12.6 in January to 10.8 in June", {"hb": 10.8}, set()),
    ("troca valvar aórtica por bioprótese em 2019", {"prosthetic_device": "present"}, set()),
    ("Marrow: background diffuse, above liver (SUVmax 3.8, liver 2.4), with scattered hotter nodules within it - L2 "
     "body, R iliac blade (SUVmax 9-12).", {"focal_lesions": "present", "marrow_suvmax": 3.8}, set()),
    ("mass invading the posterior chest wall with a destructive lesion of the posterior left 3rd rib",
     {"lytic_lesions": "present"}, set()),
    ("No cortical destruction or lysis on CT, no destructive lesion.", {"lytic_lesions": "absent"}, set()),
    ("right lower lobe mass invading the posterior chest wall with destruction of the sixth rib",
     {"lytic_lesions": "present", "bulky_avid_mass": "present"}, set()),
    ("X-ray: osteopenia around the hip, erosions of femoral head and acetabulum with a lucency",
     {"lytic_lesions": "present"}, set()),
    # fz_ batch: intensity in words, and a clock time is no value
    ("PET: the hottest thing on the scan is the marrow - outshines the brain", {"marrow_ge_brain": "present"}, set()),
    ("marrow lights up like a Christmas tree, brain looks dull next to it", {"marrow_ge_brain": "present"}, set()),
    ("lactate 3.4, 30 ml/kg in. Plan: recheck lactate 04:00.", {"lactate": 3.4}, set()),
    ("ANA 1:640 speckled", {"ana_positive": "present"}, set()),
    ("Outside report: 'New increased uptake L4-S1 and right posterior ilium, SUVmax 5.9, ?marrow relapse.' Our "
     "radiologist: uptake follows pedicle screw tracks and the graft-harvest defect; rest of marrow homogeneous, "
     "SUVmax 2.0 vs liver 2.3", {"marrow_suvmax": 2.0, "marrow_peak_suvmax": 5.9, "foci_at_injury": "present"}, set()),
    ("Q: Hodgkin missed (sampling)? Re-biopsy the SUV 5.2 node?", {}, {"known_hodgkin"}),
    ("Known Hodgkin lymphoma. Q: marrow involvement?", {"known_hodgkin": "present"}, set()),
    ("AS: Hb 8,4 g/dl, leucocitos 1.900/mm3 (N 700, L 900), plaquetas 38.000/mm3", {"wbc": 1.9, "anc": 0.7}, set()),
    # ga_ batch
    ("esplenomegalia palpable a 8 cm del reborde costal", {"spleen_below_costal_margin": 8.0}, {"spleen_length"}),
    ("milza palpabile a 4 cm dall'arcata", {"spleen_below_costal_margin": 4.0}, {"spleen_length"}),
    ("con tres perros en el domicilio (uno adelgazado, con pérdida de pelo)", {}, {"weight_loss"}),
    ("New aching in the L hip at night. No leg weakness.", {"bone_pain": "present"}, set()),
    ("Dx: CLL 2019, Binet A, watch and wait, never treated.", {"known_nhl": "present"}, set()),
    ("Blood cultures 3 times negative.", {"positive_blood_cultures": "absent"}, set()),
    ("PT 19.8 APTT 38 fib 0.7 D-dimer >20", {"fibrinogen": 0.7, "d_dimer": 20.0}, set()),
    ("fib 0.8 D dimer 35", {"fibrinogen": 0.8, "d_dimer": 35.0}, set()),
    ("KMP Tag +28: normozellulär, Blasten 1 %, NPM1-MRD negativ", {"blasts": "absent"}, set()),
    ("Assess extramedullary disease.", {}, {"extramedullary_masses"}),
    ("Clinic: C2D1 was 15 days before the scan.", {"days_since_chemo": 15.0}, set()),
    ("New focal uptake (SUVmax 3.5) posterolateral right 7th rib at a fracture with early callus",
     {"foci_at_injury": "present"}, set()),
    ("RIC allograft (fludarabine/melphalan, last dose day -2)", {"chemo_exposure": "present"}, set()),
    ("O/E spleen down to the pelvis, 22 centimetres on ultrasound", {"massive_splenomegaly": "present",
                                                                    "spleen_length": 22.0}, set()),
    ("BMT fellow -> attending (text) 06:45\nday +36 s/p haplo (PTCy, RIC)", {"days_since_hsct": 36.0,
                                                                          "hsct": "present"}, set()),
    ("bloeduitstrijk leuko-erytroblastair met traandruppelcellen", {"leukoerythroblastic_film": "present"}, set()),
    ("spends Oct-Apr in a villa near Orihuela (Alicante)", {"endemic_travel": "present"}, set()),
    ("born in Guatemala and living in Madrid", {}, {"endemic_travel"}),
    ("gum bleeding, bruises, oozing from cannula sites ++", {"dic": "present"}, set()),
    ("Ασβέστιο 13,2 mg/dl. Ηλεκτροφόρηση πρωτεϊνών ορού: μονοκλωνική ζώνη 4,1 g/dl. Ανοσοκαθήλωση: IgG-κ.",
     {"m_protein": "present"}, set()),
    ("Blood cultures 3 times, results to follow", {}, {"positive_blood_cultures"}),
    ("right upper lobe mass 9 cm with necrotic centre, SUVmax 22.4", {"bulky_avid_mass": "present"}, {"tb_imaging"}),
    ("a 2.1 cm right paratracheal node with a necrotic centre, SUVmax 7.9", {"tb_imaging": "present"}, set()),
    ("Marrow: heterogeneous background SUVmax 3.8 with >= 8 focal lesions (sternum, L2, R iliac wing, L femoral "
     "neck/intertrochanteric region) up to SUVmax 13.6", {"marrow_suvmax": 3.8, "marrow_peak_suvmax": 13.6}, set()),
    ("splenomegalia di 21 cm con captazione diffusa; ferritina de 860 ng/mL", {"spleen_length": 21.0,
                                                                              "ferritin": 860.0}, set()),
    # what the blind phrase corpora showed (tests/corpus/blind): a trend written with slashes is read at its last
    # value; counts in "x10E9/L"; a vertebral level as the site of pain; a Danish "for N days ago"
    ("Hb 9.8 / 8.7 / 7.4 (today), no overt bleeding", {"hb": 7.4}, set()),
    ("plt 210/145/62", {"platelets": 62.0}, set()),
    ("Hb 10.1/8.2 today", {"hb": 8.2}, set()),
    ("Hgb 8.1/24", {}, {"hb"}),
    # (names slashed like the values are read in order, not as a trend of one of them)
    ("Hb/WBC/plt 8.1/1.9/45", {"hb": 8.1, "wbc": 1.9, "platelets": 45.0}, set()),
    ("NEUT# 0.38 x10E9/L *LL* (2.0-7.5)", {"anc": 0.38}, set()),
    ("Leukosyytit 2,2 E9/l, CRP 12.", {"wbc": 2.2}, set()),
    ("Tender at T6, reduced pinprick below T8", {"bone_pain": "present", "cord_compression_signs": "present"}, set()),
    ("T12 pain since the fall", {"bone_pain": "present"}, set()),
    ("ECG: T1 normal, S1 S2 heard", {}, {"bone_pain"}),
    ("Kemoterapi sidst givet for 8 dage siden.", {"days_since_chemo": 8.0}, set()),
    # relative dates: "yesterday" and "last week" date the drug they follow, after any count in the clause
    ("Received cycle 4 of FOLFOX last week, some cold-induced neuropathy.", {"days_since_chemo": 7.0}, set()),
    ("Neulasta via Onpro yesterday. Aching in lower back.", {"days_since_pegfilgrastim": 1.0}, set()),
    ("Fever since yesterday; pegfilgrastim 3 weeks ago", {"days_since_pegfilgrastim": 21.0}, set()),
    ("SUVmax medular de 9,3 en crestas ilíacas.", {"marrow_suvmax": 9.3}, set()),
    ("The maximum standardized uptake value of the bone marrow was 9.6.", {"marrow_suvmax": 9.6}, set()),
    ("Trombosit sayısı 29.000/mm³, alt ekstremitelerde peteşiler mevcut.", {"platelets": 29.0}, set()),
    ("Marrow uptake was uniformly low throughout the axial and appendicular skeleton", {}, {"appendicular_extension"}),
    ("Mai somministrati fattori di crescita; non terapia steroidea", {"gcsf_exposure": "absent"}, set()),
    # dates of a dose and of the scan in other languages' formats and words; a cycle's day as where the note stands
    ("Pegfilgrastim am 12.03., PET/CT am 28.03.; Leukozyten 11,8/nl.", {"days_since_pegfilgrastim": 16.0}, set()),
    ("Neulasta op 3-6, PET-CT op 19-6; diffuus verhoogde opname beenmerg.", {"days_since_pegfilgrastim": 16.0}, set()),
    ("Neulasta 2024-03-04, PET-DT 2024-03-22, LPK 13,1.", {"days_since_pegfilgrastim": 18.0}, set()),
    ("Pegfilgrasztim 2024.05.02., PET/CT 2024.05.15., fehérvérsejt 12,8 G/l.", {"days_since_pegfilgrastim": 13.0}, set()),
    ("Pegfilgrastim podán 3. 5., PET/CT 12. 5., leukocyty 15,2.", {"days_since_pegfilgrastim": 9.0}, set()),
    ("Пэгфилграстим введён 10.06, ПЭТ-КТ 15.06, лейкоциты 21.", {"days_since_pegfilgrastim": 5.0}, set()),
    ("Gisteren laatste dosis filgrastim, vandaag PET, leuko 24.", {"days_since_gcsf": 1.0}, set()),
    ("Autologous stem cell harvest completed last week, transplant pencilled in for next month.", {},
     {"days_since_hsct"}),
    ("interim PET C2D19 ABVD", {"days_since_chemo": 19.0}, set()),
    ("filgrastim C1D8 300 mcg", {}, {"days_since_chemo"}),
    # bone words and pain words close together, in either order (vocabulary `near`); the marrow and scans are not
    ("'My back bones feel crushed' - 8/10, new since last week.", {"bone_pain": "present"}, set()),
    ("Me duelen mucho los huesos de la espalda y las costillas, doctor.", {"bone_pain": "present"}, set()),
    ("Kemiklerim sızlıyor hocam, bacaklarımda daha çok.", {"bone_pain": "present"}, set()),
    ("Скаржиться на біль у кістках, особливо в хребті та тазі, протягом місяця.", {"bone_pain": "present"}, set()),
    ("No doctor, no pain in my bones, only the tired.", {"bone_pain": "absent"}, set()),
    ("bone marrow biopsy was painful", {}, {"bone_pain"}),
    ("painful bone marrow aspirate yesterday", {}, {"bone_pain"}),
    ("knee hurts; bone scan normal", {}, {"bone_pain"}),
    ("Counselled that filgrastim may cause bone pain; advised paracetamol PRN.", {}, {"bone_pain"}),
    # marrow at or above the brain as a comparison near a brain word; the comparative first, except in word
    # orders that put it last, and equality either way; "brain way higher" is the brain's
    ("Intensität über dem Niveau des Kleinhirns", {"marrow_ge_brain": "present"}, set()),
    ("Tutulum yoğunluğu beyin korteksi ile eşit düzeydedir.", {"marrow_ge_brain": "present"}, set()),
    ("amely meghaladja a kisagy aktivitását", {"marrow_ge_brain": "present"}, set()),
    ("SUVmax 3, brain way higher", {}, {"marrow_ge_brain"}),
    ("uptake higher than liver, lower than brain", {}, {"marrow_ge_brain"}),
    # Turkish "ve" is "and", not a "-ve" (negative) with its minus lost; bone tenderness in other languages
    ("Hasta 2 aydır yaygın kemik ağrısı ve halsizlik tarifliyor; Hb 8,2 g/dl", {"bone_pain": "present"}, set()),
    ("blood cultures -ve", {"positive_blood_cultures": "absent"}, set()),
    ("Sternumda basmakla hassasiyet mevcut, dalak kosta altında 4 cm ele geliyor.", {"bone_pain": "present"}, set()),
    ("A szegycsont nyomásra érzékeny, a lép megnagyobbodott.", {"bone_pain": "present"}, set()),
    ("Spine non-tender to percussion; sternum non-tender.", {"bone_pain": "absent"}, set()),
    ("chest NAD, bone pain NAD", {"bone_pain": "absent"}, set()),
    ("Horečka 38,9, bolesti kostí nad 3 týdny", {"bone_pain": "present"}, set()),
    # Portuguese "no" is "in the", not a denial; an enlarged spleen abroad, with its length
    ("Captação aumentada no baço. Febre 38,9. Dor no esterno.", {"fever": "present", "bone_pain": "present"}, set()),
    ("Baço aumentado, 21 cm, com captação aumentada no baço.", {"splenomegaly": "present", "spleen_length": 21.0},
     set()),
    ("Milz vergrößert, 18 cm", {"splenomegaly": "present", "spleen_length": 18.0}, set()),
    ("no fever, no bone pain", {"fever": "absent", "bone_pain": "absent"}, set()),
    # what the case-style corpora showed: long bones as the site of pain (not marrow extension); ordinals the
    # tokenizer splits ("7th") inside a composed term; pain under the ribs is not the ribs'
    ("Pain in both humeri, worse at night", {"bone_pain": "present"}, {"appendicular_extension"}),
    ("Point tender over L 7th rib, no trauma", {"bone_pain": "present"}, set()),
    ("Bilateral tenderness along the anterior tibial shafts on palpation.", {"bone_pain": "present"}, set()),
    ("Exam: sternum tender, ribs sore to touch", {"bone_pain": "present"}, set()),
    ("Intermittent pain under the left ribs since the spleen grew", {}, {"bone_pain"}),
    ("pain over the right sacroiliac joint", {}, {"bone_pain"}),
    # a question mark glued to a word asks about that item only; sizes after "measuring" and abroad
    ("71F ?MF, huge spleen down to RIF", {"massive_splenomegaly": "present"}, set()),
    ("Reporter: '?diffuse osseous mets, suggest MRI'", {}, {"focal_lesions"}),
    ("The spleen is markedly enlarged, measuring 22.4 cm in craniocaudal dimension", {"spleen_length": 22.4},
     set()),
    ("Dalak boyutu 21 cm", {"spleen_length": 21.0}, set()),
    ("Mjälten förstorad till 22 cm", {"spleen_length": 22.0}, set()),
    ("A lép 20,5 cm", {"spleen_length": 20.5}, set()),
    ("PET: diffuse BM uptake > cerebellum, SUVmax 10.3 sacrum", {"marrow_ge_brain": "present", "marrow_suvmax": 10.3},
     set()),
    ("Diffuse marrow uptake is isointense to the cerebellum on MIP", {"marrow_ge_brain": "present"}, set()),
    ("BM uptake extending to tibiae - ?infiltration vs G-CSF effect", {"appendicular_extension": "present"}, set()),
    ("med utbredning ut i lårben och överarmsben", {"appendicular_extension": "present"}, set()),
    ("knee extension limited by pain", {}, {"appendicular_extension"}),
    ("Neutropénie résolue, PNN 3,2 G/L", {"neutropenia": "absent"}, set()),
    ("Immunofissazione sierica negative per componente monoclonale", {"m_protein": "absent"}, set()),
    # a course's length is not how long ago it ended; splenic foci and a spleen past the navel abroad
    ("received 5 days of filgrastim 480 mcg (last dose 42 days before the PET)", {"days_since_gcsf": 42.0}, set()),
    ("A PET/TC evidenciou múltiplos focos esplénicos hipermetabólicos (SUVmax 8,7)",
     {"splenic_focal_lesions": "present"}, {"marrow_suvmax", "focal_lesions"}),
    ("esplenomegalia que sobrepasaba el ombligo", {"massive_splenomegaly": "present"}, set()),
    # what the corpora written abroad showed
    ("Filgrastim 5 µg/kg s.c. appliziert, letzte Gabe 5 Tage vor dem PET/CT.", {"days_since_gcsf": 5.0}, set()),
    ("Examen : sternum douloureux à la palpation, arcs costaux sensibles.", {"bone_pain": "present"}, set()),
    ("Ausgeprägter sternaler Druckschmerz, Hb 8,4 g/dl", {"bone_pain": "present"}, set()),
    ("Patient accuses osseous pains in the whole body since 2 months", {"bone_pain": "present"}, set()),
    ("Bambino di 3 anni che rifiuta la deambulazione da una settimana", {"bone_pain": "present"}, set()),
    ("Kemik ağrısı tarif etmiyor.", {"bone_pain": "absent"}, set()),
    ("Babasında multipl miyelom ve kemik ağrıları öyküsü var.", {}, {"bone_pain"}),
    ("Sveglia, apiretica.", {"fever": "absent"}, set()),
    ("Nytillkommen svaghet i benen och känselnivå Th8; akut MR: ryggmärgskompression Th7.",
     {"cord_compression_signs": "present"}, set()),
    ("calcémie corrigée 3,12 mmol/L", {"calcium": 3.12}, set()),
    ("Остеолитических очагов не выявлено", {"lytic_lesions": "absent"}, set()),
    ("Спленомегалия: селезёнка 25 см, нижний полюс в малом тазу.", {"spleen_length": 25.0,
                                                                     "massive_splenomegaly": "present"}, set()),
    ("В селезёнке множественные очаги гиперметаболизма до 3 см.", {"splenic_focal_lesions": "present"},
     {"focal_lesions"}),
    ("Benmargsopptaket er mer intenst enn i hjernen (SUVmax 10,2 mot 8,1).", {"marrow_ge_brain": "present"}, set()),
    ("Neutrofila 0,4 x10^9/L, CRP 212, septisk chock, IVA-konsult.", {"sepsis_physiology": "present"}, set()),
    ("Ingen M-komponent vid elfores", {"m_protein": "absent"}, set()),
    # dated doses: brand names, a bracket between drug and date, "last" abroad, the Russian scan name
    ("PET 11/03/2024, Zarzio last dose 04/03/2024", {"days_since_gcsf": 7.0}, set()),
    ("Lonquex (Lipegfilgrastim) am 28.05., PET-CT am 07.06.", {"days_since_pegfilgrastim": 10.0}, set()),
    ("PET/CT am 12.04.2024, letzte Pegfilgrastim-Gabe (Neulasta) am 03.04.2024.", {"days_since_pegfilgrastim": 9.0},
     set()),
    ("ПЭТ/КТ 14.03.2024; последнее введение филграстима 08.03.2024.", {"days_since_gcsf": 6.0}, set()),
    ("Filgrastym przez 5 dni, ostatnia dawka 4 tygodnie temu; PET dziś.", {"days_since_gcsf": 28.0}, set()),
    # a relative's drug dates nothing; a sibling's graft is still the patient's transplant
    ("HLA-identical brother had filgrastim x5 days for PBSC collection last week.", {}, {"days_since_gcsf"}),
    ("Flu/Mel RIC sibling allograft 24/01/25 (day +56)", {"days_since_hsct": 56.0}, set()),
    ("Hypermetabolic bone marrow exceeding brain activity, SUVmax 11,4 in the sacrum, involving also the tibiae",
     {"marrow_ge_brain": "present", "appendicular_extension": "present", "marrow_suvmax": 11.4}, set()),
    ("Hyperfixation diffuse, supérieure à celle du parenchyme cérébral (SUVmax 8,4 en L3)",
     {"marrow_ge_brain": "present", "marrow_suvmax": 8.4}, set()),
    # counts per cubic millimetre as India and Italy write them
    ("TLC 86,400/cumm, platelets 18,000/cumm", {"platelets": 18.0}, set()),
    ("GB 1.800/mmc con neutrofili 700/mmc, PLT 54.000/mmc", {"wbc": 1.8, "anc": 0.7, "platelets": 54.0}, set()),
    ("we find big spleen, it arrive until the pelvis", {"massive_splenomegaly": "present"}, set()),
    # a pain score at a bone is bone pain
    ("NRS 6 in the sternum on deep palpation, NRS 0 at rest.", {"bone_pain": "present"}, set()),
    # a Russian blood count, its units in Cyrillic letters; a Polish thigh
    ("ОАК: гемоглобин 10,8 г/дл, лейкоциты 214 ×10⁹/л, тромбоциты 612 ×10⁹/л, креатинин 78 мкмоль/л.",
     {"hb": 10.8, "wbc": 214.0, "platelets": 612.0, "creatinine": 78.0}, set()),
    ("спленомегалия с диффузным накоплением (SUVmax 3,0); очаговых изменений костей нет.",
     {"splenomegaly": "present", "focal_lesions": "absent"}, {"marrow_suvmax"}),
    ("Od 2 tyg. ból L uda, gorszy w nocy, bez urazu.", {"bone_pain": "present"}, set()),
    ("Sedan sju veckor kvällsfebrar upp till 39,5, nattsvettningar", {"fever": "present"}, set()),
    # a growth factor and the scan dated by days of the cycle
    ("R-DHAP C2: lenograstim 263 mcg od D6-D12, PET on D15 of the cycle.", {"days_since_gcsf": 3.0}, set()),
    ("TEP-TDM réalisée à J12 de la cure 3 de R-CHOP ; Neulasta administré à J2.", {"days_since_pegfilgrastim": 10.0},
     set()),
    ("Filgrastim (Accofil) dag 5-11, PET-DT dag 14 i kur 3 (R-CHOP).", {"days_since_gcsf": 3.0}, set()),
    # a second site with its own preposition, present and denied
    ("he had complained of pain in both shoulders and in the mid-back.", {"bone_pain": "present",
                                                                          "arthralgia": "present"}, set()),
    ("no pain in the bones or in the back.", {"bone_pain": "absent"}, set()),
    # what the four blind corpora of case writing, report language, ward counts and bone pain taught
    ("Pegfilgrastim 18-03-2024, PET/CT 30-03-2024.", {"days_since_pegfilgrastim": 12.0}, set()),
    ("Pegfilgrastim given 03-18-2024; PET/CT 03-30-2024.", {"days_since_pegfilgrastim": 12.0}, set()),
    ("PET-TC realizado el día +12 tras pegfilgrastim.", {"days_since_pegfilgrastim": 12.0}, set()),
    ("Post-transplant cyclophosphamide day +3 and +4, PET day +30", {}, {"days_since_chemo"}),
    ("Neulasta Onpro 6/12. PET/CT performed 6/26.", {"days_since_pegfilgrastim": 14.0}, set()),
    ("Pegfilgrastim 3/52 ago, PET 12/05.", {"days_since_pegfilgrastim": 21.0}, set()),
    ("In der Milz mehrere hypodense, FDG-avide Herde bis 2,3 cm", {"splenic_focal_lesions": "present"}, set()),
    ("Fors vergrote milt van 24 cm met een focale hypodense laesie in de bovenpool.",
     {"splenic_focal_lesions": "present", "spleen_length": 24.0}, set()),
    ("Śledziona powiększona z licznymi hipodensyjnymi ogniskami.", {"splenic_focal_lesions": "present"}, set()),
    ("Milz ohne Herde", {"splenic_focal_lesions": "absent"}, set()),
    ("IMPRESSION: Diffuse increased FDG uptake in the axial and appendicular skeleton (SUVmax 7.9).",
     {"appendicular_extension": "present"}, set()),
    ("Increased uptake in the axial skeleton; appendicular skeleton normal.", {}, {"appendicular_extension"}),
    ("Rozlany wzrost metabolizmu szpiku kostnego, obejmujący również kości ramienne i udowe.",
     {"appendicular_extension": "present"}, set()),
    ("Markedly enlarged spleen extending into the pelvis.", {"massive_splenomegaly": "present"}, set()),
    ("Milten palpabel til navlen, målt 23 cm på CT.", {"massive_splenomegaly": "present"}, set()),
    ("He don't have fever.", {"fever": "absent"}, set()),
    ("Bloedkweken 3x negatief, PCT 0,3.", {"positive_blood_cultures": "absent"}, set()),
    ("CVK in situ, blododling positiv för KNS.", {"prosthetic_device": "present", "positive_blood_cultures": "present"},
     set()),
    ("Παραπρωτεΐνη IgA 4,1 g/dL στην ηλεκτροφόρηση.", {"m_protein": "present"}, set()),
    ("Avid right paravertebral soft tissue mass at T9-T10, 4.1 x 2.7 cm (SUVmax 10.3).", {}, {"marrow_suvmax"}),
    ("Tessuto molle paravertebrale destro a livello D8-D9 (38 x 25 mm, SUVmax 10,6).",
     {"extramedullary_masses": "present"}, {"marrow_suvmax"}),
    ("Diffuse marrow uptake, L3 SUVmax 7.2", {"marrow_suvmax": 7.2}, set()),
    ("Οσφυαλγία με πρόσφατη αδυναμία κάτω άκρων και επίσχεση ούρων.", {"cord_compression_signs": "present"}, set()),
    # a table with its names in a header row is read at its last row, every column its own
    ("Hb    WBC   Plt   CRP\n7.9   1.2   38    150", {"hb": 7.9, "wbc": 1.2, "platelets": 38.0, "crp": 150.0}, set()),
    ("Time   T     HR   BP       RR  SpO2  NEWS2\n02:00  37.9  108  102/61   22  94%   5\n"
     "06:00  38.7  121  88/52    26  92%   8", {"temperature": 38.7, "heart_rate": 121.0, "systolic_bp": 88.0}, set()),
    ("Lab: leuko's 1,3 x10^9/L, trombo's 28 x10^9/L.", {"wbc": 1.3, "platelets": 28.0}, set()),
    ("Vérkép: fehérvérsejt 1,8 G/l, neutrofil 0,5 G/l, thrombocyta 26 G/l.", {"wbc": 1.8, "anc": 0.5, "platelets": 26.0},
     set()),
    ("feels hot and shivery, 38.9 on home thermometer.", {"temperature": 38.9}, set()),
    ("Tachy 124, BP 96/58, rigors", {"heart_rate": 124.0, "systolic_bp": 96.0}, set()),
    # a symptom said to have gone in the next clause; dates said with "the"; a course's end; a regimen as anchor
    ("Had bone pain in ribs and pelvis at diagnosis (2019); resolved after induction and RT.", {"bone_pain": "absent"},
     set()),
    ("Severe back pain from an L1 compression fracture, which settled after kyphoplasty.", {"bone_pain": "absent"},
     set()),
    ("He has done the last ABVD cycle the 12 of March and the PET was done the 2 of April. He received filgrastim, "
     "the last injection was the 20 of March.", {"days_since_chemo": 21.0, "days_since_gcsf": 13.0}, set()),
    ("Filgrastim ab Tag 8 täglich bis einschließlich 17.05. PET-CT am 23.05.", {"days_since_gcsf": 6.0}, set()),
    ("Chemo planned until 30/06; PET 23/05", {}, {"days_since_chemo"}),
    ("Fez o último ciclo de R-DHAP há 12 dias, com filgrastim do D6 ao D12 (última dose há 4 dias).",
     {"days_since_chemo": 12.0, "days_since_gcsf": 4.0}, set()),
    ("DLBCL relapse 2 yrs after R-CHOP. Salvage R-ICE started 5 days after this PET.", {}, {"days_since_chemo"}),
    # vital signs in other languages; dates with month names in other languages; a risk warned of
    ("АД 80/50 мм рт. ст., ЧСС 128 в минуту", {"systolic_bp": 80.0, "heart_rate": 128.0}, set()),
    ("Hasta 39,0 °C ateş, kan basıncı 80/50 mmHg ve nabız 125/dk ile başvurdu", {"systolic_bp": 80.0,
                                                                                 "heart_rate": 125.0}, set()),
    ("hypotendue à 78/45 mmHg avec une tachycardie à 130/min", {"systolic_bp": 78.0, "heart_rate": 130.0}, set()),
    ("Felvételkor 80/50 Hgmm vérnyomás, 130/perc pulzus", {}, {"systolic_bp"}),
    ("Hypertension artérielle traitée. Hipertansiyon öyküsü var.", {}, {"hypotension"}),
    ("Warned nursing staff re risk of hypotension if infused too fast.", {}, {"hypotension"}),
    ("La dernière cure le 5 avril 2023. TEP réalisée le 20 avril 2023.", {"days_since_chemo": 15.0}, set()),
    ("Lipegfilgrastim (Lonquex) il 2 marzo, PET il 16 marzo.", {"days_since_pegfilgrastim": 14.0}, set()),
    ("Neulasta am 3. Mai, PET-CT am 20. Mai.", {"days_since_pegfilgrastim": 17.0}, set()),
    ('Presented to A&E with "pain in all my bones", especially the shins.', {"bone_pain": "present"}, set()),
    ("She reports persistent tenderness over the lower thoracic spine.", {"bone_pain": "present"}, set()),
    ("62-vuotias mies hakeutui päivystykseen luukipujen vuoksi", {"bone_pain": "present"}, set()),
    ("CT viste en paravertebral bløtvevskomponent ved Th10.", {"extramedullary_masses": "present"}, set()),
    ("the spleen tip was palpable at the level of the umbilicus.", {"massive_splenomegaly": "present"}, set()),
    ("very big spleen going until pelvis", {"massive_splenomegaly": "present"}, set()),
    ("Mass extending into the pelvis. Umbilical hernia at the level of the umbilicus.", {},
     {"massive_splenomegaly"}),
    # what the ji_ and jj_ case batches taught: rows of labs led by their dates, the report's own date line, a cycle
    # day that is dated, a dated last dose over a count said of an earlier scan, a serum G-CSF level
    ("labs:\n05/31/2024  WBC 3.1  ANC 1.6  Hgb 9.7  Plt 88\n04/15/2024  WBC 6.8  ANC 4.9  Hgb 11.8 Plt 214",
     {"wbc": 3.1, "hb": 9.7, "platelets": 88.0}, set()),
    ("C6 day 1 was 04/15/2024, last filgrastim 04/21/2024. EXAM DATE: 06/02/2024", {"days_since_gcsf": 42.0,
                                                                                   "days_since_chemo": 48.0}, set()),
    ("filgrastim daily for 4 days, last injection 05.02.2024. PET-CT, done 11.03.2024.", {"days_since_gcsf": 35.0},
     set()),
    ("Pegfilgrastim on day 2 of every cycle (last dose 14/01/2025). Interim PET (performed 17 days after a "
     "pegfilgrastim dose). Date of scan: 21/02/2025", {"days_since_pegfilgrastim": 38.0}, set()),
    ("Serum G-CSF, measured on day 9, was 118 pg/mL", {}, {"days_since_gcsf"}),
    ('her legs feel "like cotton", numbness from the feet up to the knees', {"cord_compression_signs": "present"},
     set()),
    # "peg" is pegfilgrastim in a note that names it; a schedule "day 2 each cycle"; a dated cycle, and the drug
    # given with it
    ("R-CHOP-14 with pegfilgrastim 6 mg sc day 2 each cycle. C1 14/02, C2 28/02/24 (peg 29/02). Interim PET-CT "
     "09/03/2024.", {"days_since_chemo": 10.0, "days_since_pegfilgrastim": 9.0}, set()),
    ("PEG tube inserted 29/02. PET 09/03/2024.", {}, {"days_since_pegfilgrastim"}),
    ("C3 day 1 on 25 March, PET 12 April.", {"days_since_chemo": 18.0}, set()),
    ("Onpro on-body injector applied with C2 on 11 March; PET-CT 25 March.",
     {"days_since_chemo": 14.0, "days_since_pegfilgrastim": 14.0}, set()),
    # what the jk_, jl_ and jm_ case batches taught
    ("got filgrastim 300 mcg sc x5 days, last\ndose 21/03. PET-CT 08/05 done for ?lung nodule.", {"days_since_gcsf": 48.0},
     set()),
    ("Nuclear medicine -> Lymphoma team, 05/06/2025\nEnd-of-treatment PET today. Pegfilgrastim with cycles 1-3 only "
     "(last dose 19/03/2025, day 2 of C3).", {"days_since_pegfilgrastim": 78.0}, {"days_since_chemo"}),
    ("progressed over the last 10 days to outright refusal to walk", {"bone_pain": "present"}, set()),
    ("tenderness over the distal femora and proximal tibiae bilaterally", {"bone_pain": "present"},
     {"appendicular_extension"}),
    ("uptake extending to the distal femora and proximal tibiae, with marrow SUVmax 12.6", {}, {"bone_pain"}),
    ("iperaccumulo midollare diffuso a carico dei segmenti prossimali e diafisari di omeri e femori",
     {"appendicular_extension": "present"}, set()),
    ("time   T °C   HR    BP       RR   SpO2   ACVPU\n08:00  37.9   102   112/66   18   98 %   A\n"
     "12:00  38.6   118   98/56    22   97 %   A", {"heart_rate": 118.0, "systolic_bp": 98.0}, set()),
    ("the femoral uptake sits around the nail and the lesser trochanter fragment", {}, {"appendicular_extension"}),
    ("femoral and humeral marrow uptake", {"appendicular_extension": "present"}, set()),
    # what the jn_ and jo_ case batches taught
    ("Our review: uptake is not symmetric. L femoral shaft SUVmax 6.1 vs R femoral shaft 3.0.",
     {"uptake_asymmetric": "present"}, set()),
    ("Ecografia addome: splenomegalia (diametro bipolare 21 cm), lieve epatomegalia.", {"spleen_length": 21.0}, set()),
    ("milza con captazione diffusa intensa (SUVmax 8,9) e due aree focali più intense al polo inferiore",
     {"splenic_focal_lesions": "present"}, set()),
    ("L4-L5 son plaklarda fokal belirgin tutulum (SUVmax 5,8).", {"focal_lesions": "present"}, set()),
    ("Στο CT διάχυτη οστεοσκλήρυνση σπονδύλων και πυέλου.", {"sclerotic_lesions": "present"}, set()),
    ("CBC (20/02/2025): Hb 9.1 g/dL, Plt 82,000/cumm. (Counts at end of chemo 06/01: Hb 10.8, Plt 1.9 lakh.)",
     {"hb": 9.1, "platelets": 82.0}, set()),
    # what the jp_ and jq_ case batches taught: a French organ leading its bullet, lung adjectives after the noun,
    # Czech pain sites in the locative, a dose route written "s.c."
    ("- rate de 12,5 cm, fixation diffuse supérieure au foie, avec de multiples micronodules hypermétaboliques ;\n"
     "- micronodules pulmonaires des deux lobes supérieurs.", {"splenic_focal_lesions": "present"}, {"focal_lesions"}),
    ("Rate 120 bpm, no lesions", {}, {"splenic_focal_lesions"}),
    ("micronódulos pulmonares bilaterales.", {}, {"focal_lesions"}),
    ("Pacient od prosince 2024 udává bolesti v bederní páteři a v pánvi.", {"bone_pain": "present"}, set()),
    ("pegfilgrastim (Neulasta) 6 mg s.c. 11.01.2025 etter hver kur. PET/CT 20.02.2025", {"days_since_pegfilgrastim": 40.0},
     set()),
    # devices as case writers name them
    ("Spiking fevers to 39.8; repeat cultures from the port grew Candida albicans.",
     {"prosthetic_device": "present", "positive_blood_cultures": "present"}, set()),
    ("Pacjent z wszczepionym stymulatorem serca. Pasienten har veneport.", {"prosthetic_device": "present"}, set()),
    ("Port wine stain on the face; airport worker.", {}, {"prosthetic_device"}),
]


@pytest.mark.parametrize(("text", "expected", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_shipped_reading(matcher: Matcher, text: str, expected: dict[str, object], absent: set[str]) -> None:
    got = read(matcher, text)
    for fid, want in expected.items():
        assert got.get(fid) == want, (fid, got)
    for fid in absent:
        assert fid not in got, (fid, got)


def test_flc_ratio_from_the_two_chains(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("SPEP no band; serum FLC kappa 1450 mg/L, lambda 8.")
    assert snap.facts.value("flc_ratio") == pytest.approx(181.25)
    assert snap.facts.status("flc_ratio_ge_100") == "present"
    _, lam = Engine(shipped).assess("free lambda 640 mg/L, free kappa 9 mg/L")
    assert lam.facts.value("flc_ratio") == pytest.approx(71.1, abs=0.1)  # involved/uninvolved, whichever it is


def test_ratio_of_suvmeans_is_a_marrow_to_liver_ratio(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("diffuse marrow uptake, L3 SUVmean 3.9, liver SUVmean 2.1")
    assert snap.facts.value("marrow_liver_ratio_mean") == pytest.approx(1.857, abs=0.001)
    assert snap.facts.status("marrow_above_liver") == "present"
    assert snap.facts.status("marrow_twice_liver") == "absent"


def test_a_day_count_outranks_the_word_recent(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("The report attributes the marrow uptake to 'recent G-CSF'. "
                                     "His last filgrastim injection was 63 days before the PET-CT.")
    assert snap.facts.value("days_since_gcsf") == 63.0
    assert snap.facts.status("gcsf_recent") == "absent"
    _, on = Engine(shipped).assess("on filgrastim, last dose 2 days ago")
    assert on.facts.status("gcsf_recent") == "present"


def test_twenty_percent_blasts_is_leukaemia_not_mds(shipped: Bundle) -> None:
    note = "67M, fever, Hb 7.9, WBC 1.4, neutrophils 0.3, platelets 18. Diffuse heterogeneous marrow uptake SUVmax 5.6."
    engine = Engine(shipped)
    _, many = engine.assess(note + " Film: blasts 30 %.")
    assert many.facts.status("blasts_ge_20") == "present"
    ranked = [r.id for r in rank(shipped, many.facts).ranked]
    assert ranked.index("acute_leukaemia") < ranked.index("mds")
    _, few = engine.assess(note + " Film: blasts 8 %.")
    assert few.facts.status("blasts_ge_20") == "absent"
    _, snap = engine.run_answers({"blood_film": "Blasts"})
    assert snap.facts.status("blasts") == "present" and snap.facts.status("blasts_ge_20") is None
    _, snap = engine.run_answers({"blood_film": "Blasts 20 % or more (blood or marrow)"})
    assert snap.facts.status("blasts_ge_20") == "present"


def test_measured_shock_outranks_a_denial(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("E. coli in 2/2 bottles. On arrival BP 86/50, HR 118, lactate 3.4 - 2 L fluid, "
                                     "responded, no pressors.")
    assert snap.facts.status("sepsis_physiology") == "present"
    _, calm = Engine(shipped).assess("not septic, BP 132/78, HR 88")
    assert calm.facts.status("sepsis_physiology") == "absent"


def test_a_measured_fever_outranks_a_stated_denial_but_not_the_reverse(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, denied = engine.assess("Kein Fieber laut Patient. T 38.4 on the ward. ANC 0.3.")
    assert denied.facts.status("fever") == "present"
    assert "neutropenic_fever" in {f.flag.id for f in rank(shipped, denied.facts).red_flags}
    _, history = engine.assess("Fevers for three weeks. T 37.1 today.")
    assert history.facts.status("fever") == "present"
    _, calm = engine.assess("No fever. T 36.9.")
    assert calm.facts.status("fever") == "absent"


def test_derived_dic_from_coagulation(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, snap = engine.assess("Hb 8.4, WCC 24.6, plt 31. PT 17 s, fibrinogen 1.1, D-dimer >20.")
    assert snap.facts.status("dic") == "present"
    assert "dic" in {f.flag.id for f in rank(shipped, snap.facts).red_flags}


def test_silence_of_a_note_counts_a_little(shipped: Bundle) -> None:
    """A one-shot note that never names G-CSF counts it as probably not given - at half weight, and only there."""
    engine = Engine(shipped)
    note = "58M, diffuse homogeneous marrow uptake SUVmax 4.1, liver 2.2, fever 38.9, CRP 180"
    _, snap = engine.assess(note)
    fact = snap.facts.items["gcsf_exposure"]
    assert (fact.status, fact.origin, fact.weight) == ("absent", "assumed", 0.5)
    gcsf = next(r for r in rank(shipped, snap.facts).ranked if r.id == "gcsf_effect")
    against = {c.finding: c for c in gcsf.against}
    full = next(ev.lr_absent for ev in shipped.conditions["gcsf_effect"].evidence if ev.finding == "gcsf_exposure")
    assert against["gcsf_exposure"].lr == pytest.approx(full ** 0.5)
    assert "not mentioned" in (against["gcsf_exposure"].via or "")
    # named, it is what the note says
    _, named = engine.assess(note + ", pegfilgrastim 6 days ago")
    assert named.facts.items["gcsf_exposure"].origin == "stated"
    # in the dialog the question is asked, so nothing is assumed
    state = engine.new_session()
    state, chat = engine.answer(state, note)
    assert "gcsf_exposure" not in chat.facts.items


def test_sepsis_physiology_from_vital_signs(shipped: Bundle) -> None:
    """Shock, or two of systolic <= 100, heart rate > 100 and lactate >= 2, is sepsis physiology; normal signs deny it."""
    engine = Engine(shipped)
    _, snap = engine.assess("BP 94/58, HR 112, lactate 3.1, blood cultures grew E. coli")
    assert snap.facts.status("sepsis_physiology") == "present"
    assert "sepsis_physiology" in {f.flag.id for f in rank(shipped, snap.facts).red_flags}
    _, calm = engine.assess("BP 124/76, HR 82, lactate 1.1")
    assert calm.facts.status("sepsis_physiology") == "absent"
    _, one = engine.assess("HR 112, BP 124/76")
    assert one.facts.status("sepsis_physiology") is None


@pytest.mark.parametrize("note", [
    "MAP 58 despite 2 L of fluid",
    "qSOFA 2",
    "SOFA 8 on admission to ICU",
    "NEWS2 9, escalated to outreach",
    "needing metaraminol peripherally",
    "Pressão arterial 80/40, FC 130, lactato 5",
    "Blutdruck 85/50, Puls 130, katecholaminpflichtig",
])
def test_sepsis_physiology_from_scores_pressors_and_foreign_vitals(shipped: Bundle, note: str) -> None:
    """A mean pressure below 65, a quoted qSOFA/SOFA >= 2 or NEWS2 >= 7, pressors, or vital signs named in another
    language are sepsis physiology."""
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("sepsis_physiology") == "present"


def test_low_scores_and_a_priapism_drug_are_not_sepsis(shipped: Bundle) -> None:
    engine = Engine(shipped)
    for note in ("qSOFA 1, MAP 78", "NEWS2 3", "priapism aspirated, phenylephrine in ED", "PT 17 s, D-dimer >35"):
        _, snap = engine.assess(note)
        assert snap.facts.status("sepsis_physiology") != "present", note
    _, dimer = engine.assess("fib 0.8 d-dimer >35 PT 17")
    assert dimer.facts.value("d_dimer") == 35


def test_dic_not_denied_by_absent_schistocytes(shipped: Bundle) -> None:
    """No fragments on the film does not deny DIC that the coagulation results show."""
    _, snap = Engine(shipped).assess("plt 41. Smear: no schistocytes. Fibrinogen 118 mg/dL, D-dimer 14.")
    assert snap.facts.status("dic") == "present"
    _, frag = Engine(shipped).assess("film: schistocytes ++")
    assert frag.facts.status("dic") == "present"


def test_degree_sign_is_understood(matcher: Matcher) -> None:
    """A temperature read from its degree sign is not also reported as words not understood ("C in clinic")."""
    res = matcher.match("He was 38.4 °C in clinic")
    assert not any(frag.startswith("C") for frag in res.unmatched), res.unmatched


def test_a_bracketed_neutrophil_count_is_a_count_or_a_percentage_by_its_size(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, count = engine.assess("leucocitos 1.900/mm3 (N 700, L 900)")
    assert count.facts.value("anc") == 0.7
    _, share = engine.assess("WBC 12,300/µL (N 85)")
    assert share.facts.value("anc") == pytest.approx(10.455, abs=0.01)


def test_a_measured_neutrophilia_outranks_no_left_shift(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, snap = engine.assess("WCC 41.2 (neut 38.0 mature, no blasts, no left shift)")
    assert snap.facts.status("neutrophilia") == "present"
    _, stated = engine.assess("neutrophilia on the last film; ANC 5.1 today")
    assert stated.facts.status("neutrophilia") == "present"


@pytest.mark.parametrize(("note", "age"), [
    ("homme de 68 ans", 68), ("uomo di 68 anni", 68), ("varón de 68 años", 68), ("mulher, 68 anos", 68),
    ("Patientin (22 J.)", 22), ("ein 22-jähriger Mann", 22), ("68-jarige man", 68), ("39 yaş kadın", 39),
    ("Pani Haliny W., lat 68", 68), ("uomo 57 aa", 57),
])
def test_an_age_written_in_another_language(shipped: Bundle, note: str, age: int) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("age") == age


@pytest.mark.parametrize("note", ["patient depuis 3 ans sous méthotrexate", "paziente da 3 anni in terapia",
                                  "Patient seit 3 Jahren in Behandlung"])
def test_a_duration_in_years_is_not_an_age(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("age") is None


def test_a_titre_read_as_negative_is_a_negative_result(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, neg = engine.assess("Rose Bengal 1/40 negative")
    assert neg.facts.status("brucella_serology_positive") == "absent"
    _, pos = engine.assess("Wright (SAT) 1/320 positive")
    assert pos.facts.status("brucella_serology_positive") == "present"
    # a titre further back belongs to its own test
    _, ana = engine.assess("ANA was 1:40 with negative anti-dsDNA")
    assert ana.facts.status("ana_positive") == "present"
    # "+" between two tests is "and", not a positive result
    _, plus = engine.assess("BCx + PICC cultures neg at 48h")
    assert plus.facts.status("positive_blood_cultures") != "present"


def test_one_word_is_not_fuzzily_a_term_with_a_word_missing(matcher: Matcher) -> None:
    """"paravertebrale" is not "paravertebral emh"; "nightsweats" is still "night sweats"."""
    found = {e.finding for e in matcher.match("sarcoma mieloide paravertebrale. nightsweats").findings}
    assert "paravertebral_emh" not in found
    assert {"extramedullary_masses", "night_sweats"} <= found


def test_italian_transplant_report(shipped: Bundle) -> None:
    note = ("Allotrapianto da donatore non correlato il 10/03/2025. Oggi giorno +38. Completa risoluzione della "
            "massa paravertebrale nota. Wapń całkowity 3,12 mmol/l")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("hsct") == "present"
    assert snap.facts.value("days_since_hsct") == 38
    assert snap.facts.status("extramedullary_masses") != "present"
    assert snap.facts.value("calcium") == pytest.approx(3.12)


def test_long_bone_shafts_named_by_bone(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, shafts = engine.assess("marrow uptake extends into humerus, femur and tibia shafts")
    assert shafts.facts.status("appendicular_extension") == "present"
    for note in ("linear uptake mid shaft both tibiae, periosteal reaction", "femoral shaft fracture 2019"):
        _, one = engine.assess(note)
        assert one.facts.status("appendicular_extension") != "present", note


def test_deep_pain_along_the_shafts_is_bone_pain(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("five months of deep pain along both thigh and shin shafts, worse at night")
    assert snap.facts.status("bone_pain") == "present"


def test_a_term_does_not_start_at_a_full_stop(matcher: Matcher) -> None:
    """"64M. fever" quotes "fever", not ". fever"; "11-year-old" is still an age."""
    res = matcher.match("64M. fever")
    assert [e.text for e in res.findings if e.finding == "fever"] == ["fever"]
    assert any(e.finding == "age" and e.value == 11 for e in matcher.match("an 11-year-old boy").findings)


def test_a_pasted_trend_table_is_read_at_its_last_column(shipped: Bundle) -> None:
    note = ("Flowsheet (ICU day):\n"
            "Day                 8      11     14     17      19\n"
            "Tmax (C)            37.4   39.2   39.8   40.1    39.9\n"
            "Hb (g/dL)           10.8   9.9    9.1    8.2     7.7\n"
            "Neut                7.1    3.4    1.8    0.9     0.6\n"
            "Plt                 186    141    96     54      31\n"
            "Ferritin (ug/L)     1,140  2,860  8,400  19,700  36,200\n"
            "PET: marrow homogeneous SUVmax 5.2 (liver 2.8)")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("hb") == 7.7
    assert snap.facts.value("anc") == 0.6
    assert "  " not in snap.facts.items["hb"].text  # the blanked columns are not quoted back
    assert snap.facts.value("platelets") == 31
    assert snap.facts.value("ferritin") == 36200
    assert snap.facts.value("marrow_suvmax") == 5.2
    assert "neutropenic_fever" in {f.flag.id for f in rank(shipped, snap.facts).red_flags}


def test_trend_rows_need_a_header_of_days_or_dates() -> None:
    from marrowchat.core.text import latest_in_trends
    # without a header, numbers in a row are left alone (a reference range, a list of values)
    assert latest_in_trends("Hb 10.4 12.0 16.0\nplt 140 96") == "Hb 10.4 12.0 16.0\nplt 140 96"
    dated = latest_in_trends("          01/02  02/02  03/02\nPlt       140    96     41\n\nHb 10.4 12.0 16.0")
    assert dated.split("\n")[1].split() == ["Plt", "41"]
    assert dated.endswith("Hb 10.4 12.0 16.0")  # a blank line ends the table
    assert len(dated) == len("          01/02  02/02  03/02\nPlt       140    96     41\n\nHb 10.4 12.0 16.0")


def test_complement_levels_are_not_chemotherapy_cycles(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, snap = engine.assess("ANA 1:640, C3 0.41 C4 0.04 (sent 2 days ago)")
    assert snap.facts.value("days_since_chemo") is None
    _, cycle = engine.assess("R-CHOP C4 given 9 days ago")
    assert cycle.facts.value("days_since_chemo") == 9


def test_the_nearest_specimen_owns_the_organism(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, swab = engine.assess("Blood cultures x4 neg, wound swab scanty MSSA only.")
    assert swab.facts.status("positive_blood_cultures") != "present"
    _, blood = engine.assess("urine culture E.coli, blood culture E.coli")
    assert blood.facts.status("positive_blood_cultures") == "present"


@pytest.mark.parametrize(("note", "present"), [
    ("his legs have felt heavy and he has some hesitancy passing urine", True),
    ("power is 4+/5 in both hip flexors", True),
    ("paraspinal mass extending into the epidural space, no cord signal change, neuro intact", False),
])
def test_cord_compression_signs_not_epidural_disease_alone(shipped: Bundle, note: str, present: bool) -> None:
    _, snap = Engine(shipped).assess(note)
    assert (snap.facts.status("cord_compression_signs") == "present") is present


def test_a_french_pet_report_with_foci_and_sclerosis(shipped: Bundle) -> None:
    note = ("hyperfixation ostéomédullaire diffuse et hétérogène, au sein de laquelle se distinguent plusieurs foyers "
            "plus intenses. En TDM, plages d'ostéocondensation mal limitées. Diaphyses humérales et fémorales sans "
            "hyperfixation.")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("focal_lesions") == "present"
    assert snap.facts.status("sclerotic_lesions") == "present"
    assert snap.facts.status("appendicular_extension") != "present"
    _, down = Engine(shipped).assess("uptake in the proximal humerus and femur going down in the shaft")
    assert down.facts.status("appendicular_extension") == "present"


def test_foreign_focal_uptake_and_a_spleen_reaching_the_iliac_fossa(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, foci = engine.assess("mehrere kleine fokale Mehranreicherungen in Sternum und Beckenkamm")
    assert foci.facts.status("focal_lesions") == "present"
    _, spleen = engine.assess("esplenomegalia que alcanza la fosa ilíaca izquierda")
    assert spleen.facts.status("massive_splenomegaly") == "present"


def test_multi_choice_labels_that_hold_commas_can_be_joined(shipped: Bundle) -> None:
    """An option label with commas of its own ("Vessel-wall, cartilage or periarticular uptake") joins others by
    commas too: the answer is read longest label first."""
    engine = Engine(shipped)
    _, snap = engine.run_answers({"other_pet": "FDG-avid lymph nodes, Vessel-wall, cartilage or periarticular uptake"})
    assert snap.facts.status("hot_nodes") == "present"
    assert snap.facts.status("autoimmune_pet_pattern") == "present"
    _, lupus = engine.run_answers({"aosd_features": "Arthralgia or arthritis, Lupus features (malar rash, alopecia, "
                                                    "pleuritis, proteinuria)"})
    assert lupus.facts.status("arthralgia") == "present"
    assert lupus.facts.status("lupus_features") == "present"


@pytest.mark.parametrize("note", [
    "because surgery was planned and transfusion was not an option, epoetin alfa was started 23 days before the scan",
    "surgery was planned, epoetin alfa was started 23 days ago",
])
def test_a_trigger_whose_item_ends_at_the_comma_does_not_reach_past_it(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("esa_exposure") == "present"


def test_a_denied_list_still_starts_with_an_unknown_word(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("He denied headache, bone pain, fever, night sweats or weight loss")
    assert snap.facts.status("bone_pain") == "absent"
    assert snap.facts.status("fever") == "absent"


def test_proximal_humeri_and_femora_are_red_marrow_not_extension(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("uptake in the axial skeleton and proximal humeri and femora, not into the shafts")
    assert snap.facts.status("appendicular_extension") != "present"


@pytest.mark.parametrize("note", ["he fell down the stairs six weeks ago", "had a fall 6 weeks ago",
                                  "went down the stairs backwards carrying a wardrobe", "tripped over the dog"])
def test_a_fall_said_plainly_is_an_injury(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("recent_injury_or_operation") == "present"


@pytest.mark.parametrize(("note", "finding"), [
    ("numerose (>10) aree di ipercaptazione focale", "focal_lesions"),
    ("plurime lesioni osteolitiche a stampo", "lytic_lesions"),
    ("múltiples focos de mayor intensidad", "focal_lesions"),
    ("áreas parcheadas de esclerosis en cuerpos vertebrales", "sclerotic_lesions"),
    ("dolore dorsale ingravescente da 2 mesi", "bone_pain"),
    ("Esplenomegalia volumosa, polo inferior alcançando a fossa ilíaca esquerda", "massive_splenomegaly"),
])
def test_lesions_pain_and_spleen_in_romance_languages(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


def test_a_relative_named_in_another_language_owns_the_diagnosis(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Madre con cáncer de mama. Vater: Myelom.")
    assert snap.facts.status("known_solid_cancer") != "present"


def test_hiv_and_brucella_clues_in_spanish_greek_and_turkish(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, hiv = engine.assess("Pcte masc 41 a, VIH dx 2019, abandonó TAR. Muguet oral.")
    assert hiv.facts.status("hiv") == "present"
    assert hiv.facts.status("hiv_indicator") == "present"
    _, greek = engine.assess("κτηνοτρόφος (αιγοπρόβατα). Αιμοκαλλιέργειες: 2/3 φιάλες θετικές, μικροί Gram(-) "
                             "κοκκοβάκιλλοι. σπλήνας 14,5 cm. ιερολαγονίτιδα.")
    for fid in ("livestock_raw_dairy", "positive_blood_cultures", "gn_coccobacilli_culture", "sacroiliitis"):
        assert greek.facts.status(fid) == "present", fid
    assert greek.facts.value("spleen_length") == 14.5
    _, negative = engine.assess("VIH negativo")
    assert negative.facts.status("hiv") == "absent"


def test_a_dose_dated_in_a_drug_chart_row(shipped: Bundle) -> None:
    note = ("FDG PET/CT 14/03: bone marrow diffusely increased.\nMAR extract (cycle 3):\nDrug | Dose | Route | Date(s) given\n"
            "Pegfilgrastim | 6 mg | SC | 06/03")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("days_since_pegfilgrastim") == 8
    assert snap.facts.status("gcsf_recent") == "present"


def test_a_trend_table_drawn_with_pipes_and_a_reference_range(shipped: Bundle) -> None:
    note = ("PET-CT 15/10: marrow diffusely increased.\n"
            "Test | 02/10 | 09/10 | 14/10 | Flag | Range\n"
            "WBC (x10^3/uL) | 18.9 | 27.4 | 36.1 | H | 4.0-11.0\n"
            "Neut | 3.9 | 0.6 | 5.6 | | 2.0-7.5\n"
            "Hb | 11.4 | 10.8 | 10.6 | L | 13.0-17.0")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("wbc") == 36.1
    assert snap.facts.value("anc") == 5.6
    assert snap.facts.value("hb") == 10.6


def test_an_age_in_another_language_is_not_reported_as_not_understood(matcher: Matcher) -> None:
    res = matcher.match("Varón de 59 años, fiebre")
    assert not any("59" in u for u in res.unmatched), res.unmatched


def test_punched_out_lucencies_are_lytic(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("CT addendum: multiple small punched-out lucencies in the skull vault and ribs")
    assert snap.facts.status("lytic_lesions") == "present"
    _, fracture = Engine(shipped).assess("each corresponds on CT to a linear lucency with early callus")
    assert fracture.facts.status("lytic_lesions") != "present"


def test_a_volume_is_not_a_count(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, fluid = engine.assess("neut 500 ml over 2 h")
    assert fluid.facts.value("anc") is None
    _, egfr = engine.assess("eGFR 24 ml/min")
    assert egfr.facts.value("egfr") == 24


def test_a_described_finding_after_comma_and_is_not_in_the_denied_list(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, snap = engine.assess("without focal lesions, and diffuse osteosclerosis of the spine and pelvis on CT")
    assert snap.facts.status("sclerotic_lesions") == "present"
    assert snap.facts.status("focal_lesions") == "absent"
    _, listed = engine.assess("no fever, and night sweats")
    assert listed.facts.status("night_sweats") == "absent"


def test_french_sterile_cultures_and_a_negative_serology_list(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, snap = engine.assess("Hémocultures (6 flacons) stériles, sérologies EBV, CMV, parvovirus B19, VIH et hépatites "
                            "négatives")
    assert snap.facts.status("positive_blood_cultures") != "present"
    assert snap.facts.status("hiv") != "present"
    _, grew = engine.assess("Hémocultures: 2 flacons positifs à S. aureus")
    assert grew.facts.status("positive_blood_cultures") == "present"


@pytest.mark.parametrize("note", ["HIV positive, HCV negative", "VIH positivo, VHC negativo"])
def test_an_item_with_its_own_result_is_not_in_the_next_items_list(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("hiv") == "present"


def test_spanish_and_portuguese_negative_serology_lists(shipped: Bundle) -> None:
    for note in ("serologías de VIH, VHB y VHC negativas", "sorologias para VIH, hepatites B e C negativas"):
        _, snap = Engine(shipped).assess(note)
        assert snap.facts.status("hiv") != "present", note


def test_a_bicytopenia_derived_from_counts_does_not_imply_anaemia(shipped: Bundle) -> None:
    engine = Engine(shipped)
    _, counts = engine.assess("Neut 0.6, Plt 31, fever 39")
    assert counts.facts.status("pancytopenia") == "present"
    assert counts.facts.status("anaemia") is None  # no haemoglobin was given
    _, words = engine.assess("pancytopenia, fever")
    assert words.facts.status("anaemia") == "present"  # the word says all three lines are low


@pytest.mark.parametrize(("note", "finding"), [
    ("Skelettsmärta sedan en månad", "bone_pain"),
    ("Dureri osoase de 2 luni", "bone_pain"),
    ("bolesti kostí 6 týdnů", "bone_pain"),
    ("πόνοι στα οστά", "bone_pain"),
    ("Tender over the thoracic spinous processes", "bone_pain"),
    ("Pain on palpation of the sternum", "bone_pain"),
    ("Multiple bone metastases", "focal_lesions"),
    ("Pathological fracture through a lucent lesion", "lytic_lesions"),
    ("osteolytische Herde im Becken", "lytic_lesions"),
    ("Counts are low across the board", "pancytopenia"),
    ("Needing platelets twice a week", "thrombocytopenia"),
    ("trombocytopenie", "thrombocytopenia"),
])
def test_pain_lesions_and_counts_in_more_wordings_and_languages(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


@pytest.mark.parametrize("note", ["płytki 41", "αιμοπετάλια 41", "vérlemezke 41", "trombocyter 41"])
def test_platelets_named_in_other_languages_take_their_count(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("platelets") == 41.0


def test_no_bone_metastases_denies_focal_lesions(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Known breast cancer, no bone metastases.")
    assert snap.facts.status("focal_lesions") == "absent"


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Ingen feber. Inga neurologiska symtom.", "fever", "absent"),
    ("Nooit chemo gehad.", "chemo_exposure", "absent"),
    ("Bilinen hastalığı yok; kemoterapi veya G-CSF almadı.", "gcsf_exposure", "absent"),
    ("Patienten havde aldrig fået kemoterapi eller G-CSF.", "gcsf_exposure", "absent"),
    ("U razmazu leukoeritroblastna slika; blasti nisu nađeni.", "blasts", "absent"),
    ("U razmazu leukoeritroblastna slika; blasti nisu nađeni.", "leukoerythroblastic_film", "present"),
    ("PA: slecht gedifferentieerd niet-kleincellig carcinoom", "known_solid_cancer", "present"),
    ("mjälten palpabel 12 cm nedom arcus", "massive_splenomegaly", "present"),
    ("beenmerg van het axiale skelet en de proximale humeri/femora, SUVmax 5,6", "appendicular_extension", None),
])
def test_negations_and_organs_in_scandinavian_dutch_turkish_croatian(shipped: Bundle, note: str, finding: str,
                                                                     status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_circa_before_a_duration_is_not_calcium(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Sedan ca 4 mån tilltagande trötthet. Ca 2,38 mmol/l")
    assert snap.facts.value("calcium") == 2.38


def test_suvmax_after_a_comparison_with_the_cerebellum_is_the_marrows(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("diffuus heterogeen verhoogde beenmergopname, intenser dan het cerebellum "
                                     "(SUVmax 11,2; lever 2,2)")
    assert snap.facts.value("marrow_suvmax") == 11.2
    assert snap.facts.status("marrow_ge_brain") == "present"


def test_a_greek_spleen_heading_owns_its_suvmax(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("- Σπλήνας: μαζική σπληνομεγαλία (επιμήκης άξονας 23 cm) με πρόσληψη FDG "
                                     "(SUVmax 6,9).\n- Οστικός μυελός: διάχυτα αυξημένη πρόσληψη (SUVmax 3,9)")
    assert snap.facts.value("marrow_suvmax") == 3.9
    assert snap.facts.status("massive_splenomegaly") == "present"


def test_a_romanian_age_after_the_patient_word(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Pacient: B.I., 67 ani, bărbat.")
    assert snap.facts.value("age") == 67.0


@pytest.mark.parametrize(("note", "hb", "wbc", "plt", "anc"), [
    ("FBC 112/214/562. Film: L shift to myelocytes", 11.2, 214.0, 562.0, None),
    ("05:00 bloods 10.8 / 0.9 / 151, N 0.3, CRP 64.", 10.8, 0.9, 151.0, 0.3),
    ("Analysis: emocromo 10.8 / 2.3 / 64 (neutrophils 1.7)", 10.8, 2.3, 64.0, 1.7),
])
def test_a_blood_count_written_as_hb_wbc_platelets(shipped: Bundle, note: str, hb: float, wbc: float, plt: float,
                                                   anc: float | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert (snap.facts.value("hb"), snap.facts.value("wbc"), snap.facts.value("platelets")) == (hb, wbc, plt)
    assert snap.facts.value("anc") == anc


def test_a_date_after_fbc_is_not_a_count(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("FBC 12/4/19 normal")
    assert snap.facts.value("hb") is None


@pytest.mark.parametrize(("note", "finding"), [
    ("Overnight no longer afebrile - 38.4 at 02:00", "fever"),
    ("which on visual comparison exceeded that of the cerebellum", "marrow_ge_brain"),
    ("he's had a couple of accidents, couldn't hold my water", "cord_compression_signs"),
    ("PNN 0,7 G/L, fièvre 39", "neutropenia"),
    ("Myélogramme: nombreuses images d'hémophagocytose", "haemophagocytosis"),
])
def test_red_flag_facts_said_in_passing(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


def test_the_suvmax_after_exceeded_that_of_the_cerebellum_is_the_marrows(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("uptake which exceeded that of the cerebellum and extended to the femoral shafts "
                                     "(SUVmax 12.6 at L3; liver SUVmax 2.4)")
    assert snap.facts.value("marrow_suvmax") == 12.6


@pytest.mark.parametrize(("note", "finding"), [
    ("Brat leczony z powodu gruźlicy w 2021 r.", "tb_exposure"),
    ("z nocnymi potami i spadkiem masy ciała o ok. 9 kg", "night_sweats"),
    ("z nocnymi potami i spadkiem masy ciała o ok. 9 kg", "weight_loss"),
    ("powiększone węzły chłonne śródpiersia z centralną martwicą", "tb_imaging"),
    ("Intense FDG activity at the L intertrochanteric fracture, SUVmax 6.4, with callus on CT", "foci_at_injury"),
])
def test_tb_clues_in_polish_and_foci_at_a_fracture(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


@pytest.mark.parametrize("note", ["WBC 13.2 H", "Leukocytter 10^9/L 13,2 H"])
def test_a_high_flag_after_a_count_is_not_hours(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("wbc") == 13.2


def test_a_lab_export_with_units_flags_and_a_reference_column(shipped: Bundle) -> None:
    note = ("Analys                   03-02     05-02      07-02     Ref\n"
            "B-Hb           g/L       112 L     96 L       84 L      134-170\n"
            "B-Neutrofila   x10^9/L   2,1       1,0 L      0,4 L     1,6-5,9\n"
            "S-Ferritin     µg/L      3 850 H   11 600 H   24 300 H  10-300\n"
            "fS-Triglycerid mmol/L    -         3,9 H      4,6 H     <2,6\n"
            "P-LD           µkat/L    8,2 H     14,1 H     19,6 H    <3,5")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("hb") == 8.4
    assert snap.facts.value("anc") == 0.4
    assert snap.facts.value("ferritin") == 24300
    assert snap.facts.value("triglycerides") == 4.6
    assert snap.facts.value("ldh") == 19.6 * 60


def test_a_reference_range_before_the_dated_columns_is_not_a_value(shipped: Bundle) -> None:
    note = ("Component             Ref Range        6/2/25 1542    6/4/25 0611\n"
            "WBC                   4.0-11.0 K/uL    3.1 (L)        2.6 (L)\n"
            "Blasts (manual diff)  0 %              --             22 (H) *\n"
            "Abs Neutrophils       1.8-7.7 K/uL     0.52 (L)       0.31 (L)")
    _, snap = Engine(shipped).assess(note)
    assert (snap.facts.value("wbc"), snap.facts.value("anc")) == (2.6, 0.31)


def test_dates_newest_first_keep_the_first_column(shipped: Bundle) -> None:
    note = "Results:\n                 07/04/25      28/02/25\nHb (g/L)         109           87\nWBC   5.8   5.5"
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("hb") == 10.9


def test_vital_signs_over_dated_times_are_read_at_the_last(shipped: Bundle) -> None:
    note = "Vitals:\n             6/3 2000    6/4 0400    6/4 0800\nTemp         100.4 °F    101.9 °F    99.1 °F"
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("fever") != "present"


def test_day_zero_names_the_transplant_and_restaging_day_is_the_scans(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("allogeneic HSCT from a matched unrelated donor on 02.03.2025 (day 0). "
                                     "Restaging at day +31.")
    assert snap.facts.value("days_since_hsct") == 31


@pytest.mark.parametrize(("note", "finding"), [
    ("Na kůži trupu drobné hnědavé makuly, které po tření urtikují.", "mast_cell_skin"),
    ("Na CT difuzní osteoskleróza obratlových těl s drobnými smíšenými sklerotickými ložisky.", "sclerotic_lesions"),
    ("Extramedullär: paravertebrale Weichteilmasse rechts auf Höhe BWK 9/10, SUVmax 7,4", "extramedullary_masses"),
    ("Milt licht vergroot (13,9 cm). 2. Focale miltlaesies.", "splenic_focal_lesions"),
    ("no extension to long bones, spleen very big 24 cm reaching to pelvis", "massive_splenomegaly"),
])
def test_czech_german_dutch_report_words_and_a_measured_spleen_after_a_denial(shipped: Bundle, note: str,
                                                                               finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


def test_czech_liver_owns_its_suvmax_and_osteolysis_is_denied(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Břicho: játra nezvětšená, SUVmax 2,3. Skelet: akumulace FDG v kostní dřeni, "
                                     "SUVmax 3,1 (L3). Osteolýzy nejsou přítomny.")
    assert snap.facts.value("marrow_suvmax") == 3.1
    assert snap.facts.status("lytic_lesions") == "absent"


def test_a_unit_column_after_the_dated_values_ends_the_row(shipped: Bundle) -> None:
    note = ("Test        05.11.2024   12.11.2024   19.11.2024   Birim       Referans\n"
            "WBC         3,4 ↓        4,1          5,6          10^3/µL     4,0-10,0\n"
            "PLT         96 ↓         138 ↓        187          10^3/µL     150-400")
    _, snap = Engine(shipped).assess(note)
    assert (snap.facts.value("wbc"), snap.facts.value("platelets")) == (5.6, 187)


@pytest.mark.parametrize(("note", "finding"), [
    ("Since 2 days he refers paresthesias in both legs and difficulty to climb the stairs", "cord_compression_signs"),
    ("pain in the joints (knees) and in the low back, no weakness of legs", "bone_pain"),
    ("pain at low back and right buttock, walking is difficult because of pain", "bone_pain"),
])
def test_non_native_wordings_of_cord_and_back_pain(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


def test_a_patient_saying_the_pain_is_in_the_bone(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess('pain in middle of back, he say "it is in the bone, in the night I cannot sleep"')
    assert snap.facts.status("bone_pain") == "present"


@pytest.mark.parametrize(("note", "finding"), [
    ("spinal ache for 6 weeks, waking at night", "bone_pain"),
    ("Urosepsis with shock on admission", "sepsis_physiology"),
    ("Giant splenomegaly.", "massive_splenomegaly"),
    ("Marrow activity exceeds cerebellar activity.", "marrow_ge_brain"),
    ("Médula ósea más intensa que el cerebro.", "marrow_ge_brain"),
    ("Knochenmark intensiver als das Gehirn.", "marrow_ge_brain"),
])
def test_more_wordings_of_pain_shock_spleen_and_super_uptake(shipped: Bundle, note: str, finding: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == "present"


def test_anaphylactic_shock_is_not_sepsis(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("choque anafiláctico tras picadura de avispa en 2019; anaphylactic shock")
    assert snap.facts.status("sepsis_physiology") != "present"


@pytest.mark.parametrize(("note", "expected"), [
    # a review of systems written as questions and answers: the answer, not the question mark, decides
    ("Fever? No. Night sweats? Yes.", {"fever": "absent", "night_sweats": "present"}),
    ("Night sweats? Yes, drenching.", {"night_sweats": "present"}),
    ("Weight loss? Not really.", {"weight_loss": "absent"}),
    ("Fieber? Nein. Nachtschweiß? Ja.", {"fever": "absent", "night_sweats": "present"}),
    ("Any back pain, leg weakness or bladder problems? Pt says no to all.",
     {"bone_pain": "absent", "cord_compression_signs": "absent"}),
    # the answer reaches back to the word that opens the question, not over what was said before it
    ("had fever 39, any night sweats? no", {"fever": "present", "night_sweats": "absent"}),
    # a bare answer after a separator
    ("Asked about bone pain: denies.", {"bone_pain": "absent"}),
    # unanswered, a question stays a question; an answer must end its item ("no data" answers nothing)
    ("Splenomegaly? To be assessed on US.", {"splenomegaly": None}),
    ("Night sweats? no data", {"night_sweats": None}),
    # "denies" that opens the next item still denies that item, not the one before
    ("bone pain: denies fever", {"bone_pain": "present", "fever": "absent"}),
])
def test_questions_answered_in_the_note(shipped: Bundle, note: str, expected: dict[str, str | None]) -> None:
    _, snap = Engine(shipped).assess(note)
    assert {f: snap.facts.status(f) for f in expected} == expected


@pytest.mark.parametrize(("note", "finding", "status"), [
    # a term that names the marrow is the marrow's, though the clause starts with the spleen
    ("Splenomegaly (22 cm) with heterogeneous marrow uptake extending into both femoral shafts.",
     "appendicular_extension", "present"),
    ("Splenomegaly (22 cm) with heterogeneous marrow uptake extending into both femoral shafts.",
     "uptake_heterogeneous", "present"),
    # devices that make a bacteraemia a red flag
    ("Staph aureus bacteraemia in a patient with a prosthetic knee (2018).", "prosthetic_device", "present"),
    ("Intense linear uptake along the aorto-bifemoral graft with perigraft fluid.", "prosthetic_device", "present"),
    ("Portsystem re. infraklavikulär seit 2022.", "prosthetic_device", "present"),
    # a spleen enlarged "to" its length, abroad; the French bedside overhang
    ("Milten forstørret til 24 cm, når ned i venstre fossa iliaca.", "massive_splenomegaly", "present"),
    ("Milz vergrößert auf 24 cm.", "massive_splenomegaly", "present"),
    ("Débord splénique de 4 travers de doigt.", "massive_splenomegaly", "present"),
    # pain at a fracture is bone pain
    ("Fell at home 12 days ago, can't weight-bear since; L pubic rami fractures on CT.", "bone_pain", "present"),
    ("Severe pain from the vertebral fracture, needs oxycodone.", "bone_pain", "present"),
    ("FRAX 10-year fracture risk 12 %; abdominal pain after meals.", "bone_pain", None),
])
def test_marrow_terms_devices_spleen_and_fracture_pain(shipped: Bundle, note: str, finding: str,
                                                        status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    # an episode in an earlier year than the note's own is the past ...
    ("Had septic shock from urosepsis in 2022 (ICU 5 days), fully recovered. PET 12/03/25.", "sepsis_physiology", None),
    ("She was pancytopenic in 2021 during a parvovirus B19 infection. PET 03/2025.", "pancytopenia", None),
    ("In 2019 she had bone pain. PET 2024.", "bone_pain", None),
    # ... unless the stretch brings it to the present, or names the note's year too
    ("Bone pain since 2019, PET 2024.", "bone_pain", "present"),
    ("Myeloma diagnosed in 2019, now bone pain; PET 2024.", "bone_pain", "present"),
    ("Bone pain in 2023 and 2024; PET 2024.", "bone_pain", "present"),
    # a month with the year may be weeks before the scan
    ("Fever in December 2024 with rigors. PET January 2025.", "fever", "present"),
    # with no later year in the note, a year alone cannot say it is the past
    ("Septic shock in 2022.", "sepsis_physiology", "present"),
    # a device put in years ago is still there
    ("Staph aureus bacteraemia in a patient with a prosthetic knee (2018). PET 2025.", "prosthetic_device", "present"),
])
def test_an_episode_in_an_earlier_year_is_the_past(shipped: Bundle, note: str, finding: str,
                                                   status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # where the marrow SUV was measured may stand between the word and the value
    ("Knochenmark SUVmax LWK 3: 6,8, Leber 2,5.", "marrow_suvmax", 6.8),
    ("Hypermétabolisme médullaire (SUVmax rachis 5,1 / foie 2,7).", "marrow_suvmax", 5.1),
    # month names abroad, with their genitive forms, and Hungarian dates year first
    ("Pegfilgrastim gavs 14 februari 2024, PET-DT 28 februari 2024.", "days_since_pegfilgrastim", 14),
    ("Pegfilgrastim primljen 3. svibnja 2024., PET/CT 13. svibnja 2024.", "days_since_pegfilgrastim", 10),
    ("Chemioterapia: 4 cykle R-CHOP, ostatni 3 maja 2024; PET-CT 21 maja 2024.", "days_since_chemo", 18),
    ("pegfilgrastim 15 января 2024 г.; ПЭТ/КТ 2 февраля 2024 г.", "days_since_pegfilgrastim", 18),
    ("Pegfilgrasztim (Neulasta) 2024. január 10-én, PET/CT 2024. január 25-én.", "days_since_pegfilgrastim", 15),
    ("podáván filgrastim (Zarzio 30 MU s.c. denně) 4.-8. 2. 2025. PET/CT 20. 3. 2025", "days_since_gcsf", 40),
])
def test_marrow_suv_sites_and_dates_abroad(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # above the liver, abroad; the spleen's comparison stays the spleen's
    ("Knochenmark intensiver als die Leber.", "marrow_above_liver", "present"),
    ("Hypermétabolisme médullaire diffus, supérieur au foie.", "marrow_above_liver", "present"),
    ("Kemik iliğinde karaciğerden yüksek tutulum.", "marrow_above_liver", "present"),
    ("Milz intensiver als die Leber, Knochenmark unauffällig.", "marrow_above_liver", None),
    # extension into the limbs, however it is said
    ("Diffuse marrow uptake throughout the axial and appendicular skeleton.", "appendicular_extension", "present"),
    ("Intense marrow uptake involving the whole skeleton including the distal limbs.", "appendicular_extension",
     "present"),
    ("Diffuse, physiological uptake in the axial and appendicular skeleton.", "appendicular_extension", None),
    ("Glukosemetabolismus des Knochenmarks, intensiver als die Leber (SUVmax LWK 3: 6,8 vs. Leber 2,5), mit Ausdehnung "
     "in die Femur- und Humerusschäfte.", "appendicular_extension", "present"),
])
def test_intensity_and_extension_abroad(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a growth factor given with every cycle was last given with the last (dated) cycle
    ("Treatment: R-CHOP-21 x6, 28/09/2023 to 11/01/2024 (C6 D1). Pegfilgrastim (Pelgraz 6 mg) on day 2 with each "
     "cycle. EOT PET-CT 21/03/2024 (planned 6-8 weeks after C6, delayed by a scanner breakdown)",
     "days_since_pegfilgrastim", 69),
    # ... and the plan for the scan is not when it was done
    ("Treatment: R-CHOP-21 x6, 28/09/2023 to 11/01/2024 (C6 D1). Pegfilgrastim (Pelgraz 6 mg) on day 2 with each "
     "cycle. EOT PET-CT 21/03/2024 (planned 6-8 weeks after C6, delayed by a scanner breakdown)", "days_since_chemo", 70),
    ("Pegfilgrastim with each cycle. Last chemo 40 days ago.", "days_since_pegfilgrastim", 39),
    # the other way round: a dose on a cycle's day dates the cycle
    ("On dose-dense AC, received pegfilgrastim 6 mg on day 2 of cycle 3, ten days before the PET/CT.",
     "days_since_chemo", 11),
    # a month alone, when even its last day is past the window
    ("Neulasta Onpro applied with C1 and C2 only. Last dose was with C2 in December. EXAM DATE: 03/26/2024.",
     "days_since_pegfilgrastim", 86),
    # transplant days, once the transplant is dated; a course ended by engraftment on a given day
    ("Autograft 20/03/2023; filgrastim from day +5 to day +13. PET 22/05/2024.", "days_since_gcsf", 416),
    ("Allogeneic transplant on 5th of january 2024 and the PET was made on 18th of march. He got G-CSF from day +5 "
     "until engraftment on day +16.", "days_since_gcsf", 57),
    # "17/7 2023" is a date, not seventeen days ("x/7"); a course of dates "dal 17 al 21 febbraio"
    ("Stamcellsdonator juli 2023 (filgrastim 14-17/7 2023). PET-DT 2024-03-12.", "days_since_gcsf", 239),
    ("L'ultimo ciclo di filgrastim dal 17 al 21 febbraio. PET 20/06/2024.", "days_since_gcsf", 120),
    # a neutrophil count after the white count, in a table with pipes
    ("Hb 8,7 g/dL | GB 2,1 x10^9/L | N 0,8 | L 1,0 | PLT 71 x10^9/L", "anc", 0.8),
])
def test_growth_factor_timing_as_notes_write_it(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize("note", [
    # a month in the scan's own month, or recent chemotherapy that may be another regimen: the drug stays undated
    "Pegfilgrastim in March. PET 28/03/2024.",
    "Pegfilgrastim with each cycle. Last chemo 10 days ago.",
])
def test_a_growth_factor_is_not_dated_by_guesswork(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("days_since_pegfilgrastim") is None


@pytest.mark.parametrize(("note", "finding", "status"), [
    # one comparative shared by the liver and the brain
    ("Marrow uptake higher than the liver and the cerebellum.", "marrow_ge_brain", "present"),
    ("Knochenmark intensiver als Leber und Kleinhirn.", "marrow_ge_brain", "present"),
    ("Difuzno pojačano nakupljanje FDG-a u koštanoj srži, jače od jetre i od malog mozga.", "marrow_ge_brain", "present"),
    ("Marrow above liver, cerebellum normal.", "marrow_ge_brain", None),
    ("Marrow above liver, cerebellum normal.", "marrow_above_liver", "present"),
    # a marrow-to-cerebellum ratio and a vertebral SUV abroad; extension "down to the knees"
    ("Rapporto midollo/cervelletto 0,88; SUVmax vertebrale 7,2.", "marrow_cerebellum_high", "present"),
    ("Rapporto midollo/cervelletto 0,88; SUVmax vertebrale 7,2.", "marrow_suv_high", "present"),
    ("Benmärgsupptaget är fläckigt och heterogent, med utbredning ned till knäna.", "appendicular_extension", "present"),
    # the liver's value in brackets after the liver is not the marrow's
    ("Диффузное повышение метаболизма ФДГ в костном мозге, SUVmax 8,3 в теле L4, выше печени (SUVmax 2,2).",
     "marrow_suv_high", "present"),
    # a focus's SUV is the hottest point, not the diffuse background's
    ("Ložisková akumulace v obratli Th10 (SUVmax 8,1) na pozadí difuzně zvýšené aktivity dřeně.", "marrow_suv_high",
     None),
    ("Ložisková akumulace v obratli Th10 (SUVmax 8,1) na pozadí difuzně zvýšené aktivity dřeně.", "focal_lesions",
     "present"),
    # drugs not given, said after them
    ("G-CSF kullanımı yok.", "gcsf_exposure", "absent"),
    ("G-CSF-et nem kapott.", "gcsf_exposure", "absent"),
    ("Филграстим не получал.", "gcsf_exposure", "absent"),
    ("Ei aiempaa kantasolusiirtoa eikä solunsalpaajahoitoja.", "hsct", "absent"),
])
def test_comparisons_ratios_foci_and_denials_abroad(shipped: Bundle, note: str, finding: str,
                                                    status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # structured text: a reference range before the value, dated rows under a name, header cells with units, days
    # as J0 J3 J7, a sample's date before its value, a row of dated values
    ("Test             ref          12/03/24\nCa (adj)         2.20-2.60    3.02    H\nCreatinine       60-110       248"
     "     H\nHb (g/L)         130-170      92      L\nsFLC ratio       0.26-1.65    214     H", "calcium", 3.02),
    ("Test             ref          12/03/24\nCa (adj)         2.20-2.60    3.02    H\nCreatinine       60-110       248"
     "     H", "creatinine", 248),
    ("Ferritin (ug/L):\n05/09   12,400\n07/09   24,900\n09/09   38,000\nTG 09/09: 2.1 mmol/L", "ferritin", 38000),
    ("Ferritin (ug/L):\n05/09   12,400\n07/09   24,900\n09/09   38,000\nTG 09/09: 2.1 mmol/L", "triglycerides", 2.1),
    ("US spleen (craniocaudal):\n06/2023   13.5 cm\n12/2023   17 cm\n05/2024   22 cm\nLiver 14 cm, normal",
     "spleen_length", 22),
    ("Datum       Hb (g/dl)  Leuko (G/l)  Thrombo (G/l)  CRP (mg/l)\n03.04.2024  12,1       7,2          245            8\n"
     "17.04.2024  8,7        1,9          71             131", "platelets", 71),
    ("Time   T (°C)   HR   BP\n08:00  37.0     80   120/70\n16:00  38.9     118  88/50", "temperature", 38.9),
    ("Bilan              J0      J3      J7\nHb (g/dL)          11,2    9,6     8,3\nPlaquettes (G/L)   142     96      58",
     "platelets", 58),
    ("PLT  12/02: 178   19/02: 96 L   26/02: 52 L   (ref 150-450 x10^9/L)", "platelets", 52),
    # units abroad: 10^4/µL (a Japanese letter), Polish "tys./µl", a Fahrenheit fever with its letter alone
    ("Leukocytes 11 x 10^4/uL on the referral letter, blasts 30 %.", "wbc", 110),
    ("Leukocytoza 156 tys./µl", "wbc", 156),
    ("Morfologia: WBC 1,6 tys/µl, NEU 0,2 tys/µl, HGB 7,9 g/dl, PLT 15 tys/µl.", "anc", 0.2),
    ("bukhar since 7 wks, evening rise upto 101.8 F", "temperature", 38.78),
    # a decimal comma after a zero is not a thousands separator
    ("cadenas ligeras libres lambda 1.150 mg/L, cociente kappa/lambda 0,006.", "flc_ratio", 166.667),
    # a dose "the next day" with its date
    ("Neulasta (pegfilgrastim) the next day 28/02/2024. PET/CT 16/04/2024", "days_since_pegfilgrastim", 48),
])
def test_structured_text_and_units_as_pasted(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("ROS:\nFever: Y\nNight sweats [x]\nWeight loss? no\nBone pain: -\nPruritus: N", "bone_pain", "absent"),
    ("ROS:\nFever: Y\nNight sweats [x]\nWeight loss? no\nBone pain: -\nPruritus: N", "fever", "present"),
    # a dash that goes on is not a minus
    ("Outcome: BM uptake extending to tibiae - ?infiltration vs G-CSF effect, for BMAT.", "appendicular_extension",
     "present"),
    ("Leucócitos 186.000/mm³ com 70% de blastos; fibrinogênio 90 mg/dL; CIVD.", "dic", "present"),
    ("'My legs just went from under me on Tuesday and I can't tell when I need to wee' - with two weeks of mid-back "
     "pain.", "cord_compression_signs", "present"),
    # a clause all of whose years are long before the note's is the past
    ("Antécédents : cancer du sein 2013 (dernière cure le 17/09/2013), compliquées d'une aplasie fébrile (bactériémie à "
     "E. coli). TEP-TDM du 12/03/2024 : hyperfixation médullaire diffuse.", "positive_blood_cultures", None),
    ("Treated for TB in 2015, presents with fever and weight loss. PET 2024.", "fever", "present"),
])
def test_checklists_emergencies_and_old_clauses(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    # a checklist's minus after the symptom, and symptoms in patients' words
    ("Sweats +, wt ↓ 5kg/2mo, fever –, itch –.", "fever", "absent"),
    ("Sweats +, wt ↓ 5kg/2mo, fever –, itch –.", "night_sweats", "present"),
    ("Wife reports he has been 'soaking the sheets' most nights for a month.", "night_sweats", "present"),
    ("Lost nearly a stone since Christmas, 'my trousers are falling off me'.", "weight_loss", "present"),
    ("Patient have pain in the spine since one month, now he cannot feel the legs good and he make urine in the bed.",
     "cord_compression_signs", "present"),
    ("La patiente dit : « j'ai mal dans les os, surtout la nuit ».", "bone_pain", "present"),
    # lesions and where they are
    ("Innumerable small hypodense FDG-avid foci scattered throughout the spleen.", "splenic_focal_lesions", "present"),
    ("Solitary focal sternal uptake (SUVmax 7.1) on a background of diffuse marrow activation.", "focal_lesions",
     "present"),
    ("Lesiones blásticas en columna y pelvis.", "sclerotic_lesions", "present"),
    ("Multipla lytiska skelettförändringar i bäckenet.", "lytic_lesions", "present"),
    ("Litičke lezije u rebrima i zdjelici, neke s mekotkivnom komponentom.", "extramedullary_masses", "present"),
    # degenerative endplate sclerosis is not a sclerotic lesion
    ("Склеротические изменения замыкательных пластинок позвонков дегенеративного характера.", "sclerotic_lesions",
     None),
])
def test_checklist_minus_lay_symptoms_and_lesions_abroad(shipped: Bundle, note: str, finding: str,
                                                         status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # what the scan was for, or its title, between its name and its date
    ("C6 07/10/2025. Pegfilgrastim 6 mg el 16/07/2025. PET-TC de fin de tratamiento 25/10/2025.", "days_since_chemo", 18),
    ("Filgrastim, last dose 01/02/2025.\nPET-CT FDG (SKULL VERTEX TO KNEES)                  11/03/2025",
     "days_since_gcsf", 38),
    # a count with no word of "since" gives way to the dose's own date
    ("En C2 neutropenia G3 con retraso de 1 semana -> pegfilgrastim 6 mg el 16/07/2025. PET-TC 25/10/2025.",
     "days_since_pegfilgrastim", 101),
    # "last dose" abroad, a line wrapped inside the brackets, and a growth factor with each cycle in Greek
    ("6 x R-CHOP-21, jeweils Pegfilgrastim 6 mg s.c. an Tag 2 (zuletzt\n  20.07.2024). FDG-PET/CT 05.12.2024: diffus.",
     "days_since_pegfilgrastim", 138),
    ("TC x4, τελευταίος κύκλος 12/08/2025, με pegfilgrastim την επομένη κάθε κύκλου. PET/CT 26/09/2025",
     "days_since_pegfilgrastim", 44),
])
def test_scan_titles_and_dose_words_as_written(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Από αρχές Σεπτεμβρίου πόνος στα πλευρά δεξιά και χαμηλά στη μέση.", "bone_pain", "present"),
    ("Sinds 4 weken pijn laag in de rug.", "bone_pain", "present"),
    ("2 v tilltagande värk i bröstryggen.", "bone_pain", "present"),
    ("Oğlu: iki gündür bacaklarında güç yok, dün akşamdan beri idrar yapamadı.", "cord_compression_signs", "present"),
    ("Fixare focală intensă la nivelul discului L4-L5.", "focal_lesions", "present"),
    ("PET/TC: milza aumentata (DL 18 cm) con captazione diffusa intensa, SUVmax 8,9, e alcune aree focali più "
     "captanti.", "splenic_focal_lesions", "present"),
    # pelvic pain is not counted as bone pain by the bone-name rule
    ("Πόνος στη λεκάνη μετά τη γυναικολογική επέμβαση.", "bone_pain", None),
])
def test_bone_pain_cord_and_lesions_in_more_languages(shipped: Bundle, note: str, finding: str,
                                                      status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # the same, typed on one line into the chat (found running the chat in tmux: these read 5 and 2.2)
    ("Ferritin (ug/L): 05/09 12,400 then 09/09 38,000; Ca (adj) 2.20-2.60 3.02 H", "ferritin", 38000),
    ("Ferritin (ug/L): 05/09 12,400 then 09/09 38,000; Ca (adj) 2.20-2.60 3.02 H", "calcium", 3.02),
    ("WBC 4.0-11.0 3.1 L", "wbc", 3.1),
    # a value before its range, and a decimal that looks like a dotted date, are read as written
    ("Test            Result   Ref range        Flag\nWBC             3.2      4.0-11.0 x10^9/L L", "wbc", 3.2),
    ("BP 120/80 HR 110", "systolic_bp", 120),
])
def test_ranges_and_sample_dates_on_one_line(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a checklist's question answered with its value
    ("Fever? Yes, 39.2", "temperature", 39.2),
    ("Fieber: ja, 39,1", "temperature", 39.1),
    ("Temp? 38.7", "temperature", 38.7),
    # a growth factor's day of the cycle dates it once the cycle is dated, and is not "two days since"
    ("6x TC, jeweils mit Pegfilgrastim 6 mg d2; letzter Zyklus 14.08.2024. PET-CT vom 22.09.2024",
     "days_since_pegfilgrastim", 38),
    ("Rx: R-CHOP C3 d1 was 16 days before PET; peg-G-CSF d4.", "days_since_pegfilgrastim", 13),
    ("Post-filgrastim day 4: diffuse aching in the lower back.", "days_since_gcsf", 4),
    # scans dated by a report's date line abroad, by "vom"/"del", or by the verb after a few words
    ("OPIS BADANIA PET/CT\nData badania: 26.05.2024.\nC4 R-CHOP 02.05.2024, pegfilgrastym (Pelgraz 6 mg s.c.) "
     "03.05.2024.", "days_since_pegfilgrastim", 23),
    ("filgrastim 30 MU/die s.c. dal 03/11 al 06/11/2023. PET/TC con FDG del 14/11/2023: milza 21 cm.",
     "days_since_gcsf", 8),
    ("filgrastim (Zarzio) de J3 à J9, donc dernière injection le 20/02. La TEP de réévaluation avant le passage au "
     "paclitaxel a été faite le 26/02.", "days_since_gcsf", 6),
    ("[WhatsApp, Mon 02/12 21:14] filgrastim 26/10-29/10 (last dose 29/10). PET today: SUVmax 7.2.",
     "days_since_gcsf", 34),
    # a markdown table's newest row; an observation chart's highest temperature
    ("| date | Hb (g/L) | Plt (x10^9/L) |\n|---|---|---|\n| 03/2023 | 128 | 612 |\n| 02/2025 | 84 | 62 |",
     "platelets", 62),
    ("Time | SBP | HR | Temp\n08:00 | 118 | 104 | 39.6\n20:00 | 121 | 96 | 38.4", "temperature", 39.6),
    ("Time | SBP | HR | Temp\n08:00 | 118 | 104 | 39.6\n20:00 | 121 | 96 | 38.4", "heart_rate", 96),
    # counts before treatment are old counts; a spondylodiscitis's disc is not the marrow
    ("Labor: Hb 9,4 g/dl, Thrombozyten 86 /nl. Vor Beginn der Chemotherapie Blutbild normal (Hb 13,2 g/dl, "
     "Thrombozyten 254 /nl).", "platelets", 86),
    ("Bilan: Hb 9,4, plaquettes 86 G/L. Avant la chimiothérapie: Hb 13,2, plaquettes 254.", "platelets", 86),
    ("T12-L1 disk mesafesinde yoğun tutulum (SUVmax 11,2). Kemik iliğinde diffüz artmış tutulum, SUVmax 3,8 (L4).",
     "marrow_suvmax", 3.8),
    # a measurement's abbreviation with its dot, before its value (the dot ends no sentence), but not a unit's
    ("ОАК: Hb 102 г/л, лейк. 3,4 ×10⁹/л (нейтр. 2,0, лимф. 0,8), тромб.\n118 ×10⁹/л, СОЭ 64 мм/ч.", "wbc", 3.4),
    ("ОАК: Hb 102 г/л, лейк. 3,4 ×10⁹/л (нейтр. 2,0, лимф. 0,8), тромб.\n118 ×10⁹/л, СОЭ 64 мм/ч.", "platelets", 118),
    ("He is 45 yo. 3 weeks ago fever.", "age", 45),
    # a list of dated doses is read at its last; a Hungarian report's date line
    ("Vizsgálat: 2025.04.18.\nPegfilgrasztim (primer profilaxis) C1 és C2 után a 2. napon: 2025.02.20. és "
     "2025.03.13.", "days_since_pegfilgrastim", 36),
    # a report's title line ending with its date; "au 18F-FDG du"; a spleen felt below the costal margin in Croatian
    ("LAUDO PET/CT DE FINAL DE TRATAMENTO - Hospital de Clínicas - 10/03/2025\nfilgrastim 300 µg/dia apenas no C4 "
     "(de 10/01 a 16/01/2025).", "days_since_gcsf", 53),
    ("PET-CT au 18F-FDG du 05.03.2025. Dernière injection de pegfilgrastim le 15.01.2025.",
     "days_since_pegfilgrastim", 49),
    ("slezena 9 cm ispod lijevog rebrenog luka, čvrsta", "spleen_below_costal_margin", 9),
    # counts abroad: French "Lc"/"Tc", Bulgarian; Tc-99m is an isotope, not a platelet count
    ("Lc 4,6 G/L (neutrophiles 2,9 G/L), Tc 74 G/L.", "platelets", 74),
    ("Хб 98 g/l, Левк 2,9 ×10⁹/l (Неутр 1,6; Лимф 0,6), Тр 118 ×10⁹/l.", "wbc", 2.9),
    # trends dated in brackets, "stable at", French "à", and scans dated by "wykonano"
    ("Hb trend: 11.8 (01/02) → 10.1 (08/02) → 8.6 (15/02). Group and save.", "hb", 8.6),
    ("ANC 0.2 (D+8) → 0.6 (D+11) → 1.8 (D+14) post allo-SCT.", "anc", 1.8),
    ("Plts 45k this am. Hb stable at 10.2, no bleeding.", "hb", 10.2),
    ("Ferritinémie à 12 800 µg/L, triglycérides à jeun 4,2 mmol/L.", "ferritin", 12800),
    ("Ferritinémie à 12 800 µg/L, triglycérides à jeun 4,2 mmol/L.", "triglycerides", 4.2),
    ("ΑΠ 75/40 mmHg, σφύξεις 135/λεπτό, γαλακτικό 6,1 mmol/L", "lactate", 6.1),
    ("Кальцій 2,95 ммоль/л, креатинін 240 мкмоль/л", "calcium", 2.95),
    ("Chemioterapia (2. cykl R-CHOP) 12.03, pegfilgrastym podano 14.03; PET wykonano 28.03.",
     "days_since_pegfilgrastim", 14),
    ("filgrastím na mobilizáciu, posledná dávka 5.6., PET/CT 15.6.", "days_since_gcsf", 10),
    # an aside about the Hb before treatment does not make the count after it an old one (found in tmux)
    ("Hb 9.4 (13.2 before chemotherapy), plt 86. Lumbago at night.", "platelets", 86),
])
def test_cycle_days_scan_dates_and_tables_as_written(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # "peg d11 at time of scan" is eleven days since, not a day of the cycle
    ("c3 d1 was 12 days ago, neulasta the next day so peg d11 at time of scan.", "gcsf_recent", "present"),
    # an aside about what a count was does not deny what it is
    ("film 8% blasts (were normal counts on 05/11 post recovery)", "blasts", "present"),
    # resolved lesions, wherever they were; lesions at diagnosis are history; "not avid" is not "not there"
    ("The focal lesions in the left 7th rib and T9 seen in 2023 have resolved.", "focal_lesions", "absent"),
    ("(dx 06/2023; at dx L 7th rib lytic lesion)", "lytic_lesions", None),
    ("many small sclerotic areas in vertebras and pelvis not avid", "sclerotic_lesions", "present"),
    ("tender tibiae and queried periostitis", "bone_pain", "present"),
    # Turkish puts its "yok" after a list or a site
    ("uzun kemik diyafizlerine uzanım yok", "appendicular_extension", "absent"),
    ("Daha önce antibiyotik, steroid veya başka ilaç kullanımı yok.", "steroids", "absent"),
    # bone pain as patients and letters say it
    ('"łamało go w kościach", głównie krzyż i uda', "bone_pain", "present"),
    ('"it\'s my hips and thighs, like someone\'s drilling into the bone"', "bone_pain", "present"),
    ("hospitalisée pour dorsalgies interscapulaires insomniantes", "bone_pain", "present"),
    ("da circa 3 settimane dolore all'anca destra e alla coscia, peggiore di notte", "bone_pain", "present"),
    ("niewielki wychwyt w bliższych trzonach kości udowych (SUVmax 2,1)", "appendicular_extension", "present"),
    ("2 mdr. tiltagende træthed og lændesmerter, natlige.", "bone_pain", "present"),
    ("csontfájdalom jelenleg nincs", "bone_pain", "absent"),
    # blasts, and the spleen, in more languages
    ("Rozmaz ręczny: 3% komórek blastycznych, pojedyncze limfocyty atypowe.", "blasts", "present"),
    ("Przebyty przełom blastyczny w 2016 r. (CML), obecnie w remisji molekularnej.", "blasts", None),
    ("Mjälte 16 cm med diffust förhöjt upptag och två fokala hypodensa upptag, SUVmax 9,8.",
     "splenic_focal_lesions", "present"),
    ("Splină 14,5 cm, captare difuz crescută (SUVmax 3,6) cu multiple leziuni hipodense sub 1 cm.",
     "splenic_focal_lesions", "present"),
    ("Fara leziuni osteocondensante evidentiabile CT.", "sclerotic_lesions", "absent"),
    ("Κ.Ε.: ψηλαφητός σπλήνας μέχρι το ύψος του ομφαλού.", "massive_splenomegaly", "present"),
    # "THR" is a hip replacement, not a platelet count
    ("Known periprosthetic osteolysis around the left THR acetabular cup.", "prosthetic_device", "present"),
    ("Tc-99m MDP bone scan: no superscan.", "thrombocytopenia", None),
    # a nadir is a past count; a marrow's 1 % blasts is normal; lesions, injuries and denials abroad
    ("Nadir pós-C6 (D10, 27/02): leucócitos 1,1", "leukopenia", None),
    ("Myélogramme : moelle de richesse normale, 1 % de blastes.", "blasts", "absent"),
    ("Pacjent neguje bóle kostne.", "bone_pain", "absent"),
    ("PET: focal-on-diffuse, >10 FL, largest L3 with lytic destruction and paramedullary extension.",
     "extramedullary_masses", "present"),
    ("TEP : plusieurs lésions focales surajoutées (D8, aile iliaque gauche), ostéolytiques au scanner.",
     "lytic_lesions", "present"),
    ("Masses paravertébrales bilatérales évoquant une hématopoïèse extramédullaire.", "paravertebral_emh", "present"),
    ("Au CT : multiples plages de condensation mal délimitées du rachis et du bassin.", "sclerotic_lesions", "present"),
    ("upadek z drabiny – złamania żeber VI–VIII po prawej", "recent_injury_or_operation", "present"),
    ("3. Fractura patológica de L1 (2022)", "recent_injury_or_operation", None),
    ("w CT w tych miejscach szczeliny złamań z tworzącą się kostniną.", "foci_at_injury", "present"),
    ("Kemik ağrısı tariflemiyor.", "bone_pain", "absent"),
    ("Fokal kemik lezyonu ve litik/sklerotik değişiklik izlenmedi.", "lytic_lesions", "absent"),
    ("G-CSF immünohistokimyası çalışılıyor.", "gcsf_exposure", "absent"),  # (not named, so assumed absent)
    ("ИФА на ВИЧ – положительный, иммуноблот – положительный.", "hiv", "present"),
    ("Контакт с больными туберкулёзом отрицает.", "tb_exposure", "absent"),
    ("5 viikkoa kestänyt selkäkipu, öisin paheneva kipu.", "bone_pain", "present"),
    ("Zanika nočno potenje, hujšanje, bolečine v kosteh. G-CSF doslej ni prejel.", "bone_pain", "absent"),
    ("Zanika nočno potenje, hujšanje, bolečine v kosteh. G-CSF doslej ni prejel.", "gcsf_exposure", "absent"),
    ("са проширењем у проксималне трећине дијафиза хумеруса и фемура", "appendicular_extension", "present"),
    ("Bez širenja u dijafize dugih kostiju.", "appendicular_extension", "absent"),
    # conditions, plans, removed devices and past episodes are not present findings
    ("If fever develops, repeat FBC.", "fever", None),
    ("Si aparece fiebre o dolor óseo, repetir hemograma.", "bone_pain", None),
    ("Autológna transplantácia je plánovaná na júl.", "hsct", "absent"),  # (assumed: not named as done)
    ("Heupprothese links in 2010 verwijderd, niet teruggeplaatst.", "prosthetic_device", "absent"),
    ("Antecedente de fiebre neutropénica en enero, resuelta. Actualmente apirético.", "fever", "absent"),
    # Mediterranean and Slavic words for the same findings
    ("Fièvre à 39,8 °C avec frissons depuis 48 h, TA 85/50 mmHg", "rigors", "present"),
    ("En el TC se aprecia esclerosis ósea difusa en columna y pelvis.", "sclerotic_lesions", "present"),
    ("en paciente con TPH alogénico hace 8 meses", "hsct", "present"),
    ("Razmaz: brez blastov, brez displastičnih sprememb.", "blasts", "absent"),
    ("u razmazu periferne krvi 35% blasta", "blasts", "present"),
    ("Kan kültüründe 5. günde küçük Gram-negatif kokobasiller üredi.", "positive_blood_cultures", "present"),
    ("Kan kültürleri (10 gün inkübasyon) üremedi.", "positive_blood_cultures", "absent"),
    ("Hemokultury: MRSA 2/2, pacient má implantovaný port.", "prosthetic_device", "present"),
    ("LBP for 6 wks, worse at night and at rest, not mechanical in nature.", "bone_pain", "present"),
    ("LBP with new L foot drop and numbness over dorsum of foot since 2/7.", "cord_compression_signs", "present"),
    ("Pasienten har hatt ryggsmerter i flere uker, og siste døgn nyoppstått nummenhet i begge bein og "
     "vannlatingsbesvær.", "cord_compression_signs", "present"),
    ("At diagnosis two years ago (Mar 2022) Hb 64 g/L.", "severe_anaemia", None),
    ("Slezina uvećana, 21 cm, bez fokalnih lezija.", "splenomegaly", "present"),
])
def test_cycle_days_asides_sites_and_pain_words(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # Eastern Arabic and Persian digits, and an Arabic comma right after a value
    ("CBC: Hb 8.1 g/dL، WBC 2.2، ANC 0.7، PLT 42 ×10⁹/L", "anc", 0.7),
    ("الهيموغلوبين ٨٫٢، الصفائح ٦٢ ألف", "hb", 8.2),
    ("طحال بزرگ است (۱۶ سانتی‌متر)", "spleen_length", 16.0),
    ("الإيكو: الطحال 24 سم، ما في خثار.", "spleen_length", 24.0),
    ("حرارة متقطعة على شكل موجات منذ 6 أسابيع تصل إلى 39.4°م", "temperature", 39.4),
    ("ضغطه اليوم 96/58، النبض 118", "systolic_bp", 96.0),
    # ages in Hebrew, Arabic and Persian
    ("בן 57, DLBCL (GCB) שלב IIIA", "age", 57.0),
    ("مريض 27 سنة، حرارة عالية لحد 40.1", "age", 27.0),
    ("آقای ۵۸ ساله، کارمند", "age", 58.0),
    # days since a growth factor, said abroad or around an abbreviation, a bracket or a cycle
    ("Pegfilgrastim, i.e. 7 days before the scan.", "days_since_pegfilgrastim", 7.0),
    ("Pegfilgrastim (Neulasta Onpro) an Tag 2 des 4. Zyklus, d. h. 11 Tage vor der PET.", "days_since_pegfilgrastim", 11.0),
    ("PET-CT 28/03. Last Ziextenzo (pegfilgrastim biosimilar) 6 mg on 21/03.", "days_since_pegfilgrastim", 7.0),
    ("TEP du 04/03/2025. C4 J1 06/01/2025, Pelgraz® le 07/01/2025.", "days_since_pegfilgrastim", 56.0),
    ("Эмпэгфилграстим 7,5 мг введён на 2-й день курса, за 12 дней до ПЭТ/КТ.", "days_since_pegfilgrastim", 12.0),
    ("קיבל נוילסטה לפני 9 ימים, יום אחרי מחזור 3 של R-CHOP.", "days_since_pegfilgrastim", 9.0),
    ("Allogreffe. Prise de greffe à J+16. TEP-TDM réalisé hier (16/03/2025, J+34).", "days_since_hsct", 34.0),
    # a lab table headed by dot dates is read at its newest column
    ("Labor            14.10. (HA)   28.10. (Aufnahme)   03.11. (PET-Tag)\n"
     "Ferritin (ng/ml)    412            2.870            18.450", "ferritin", 18450.0),
])
def test_digits_ages_and_timing_abroad(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Chimiothérapie TC x 4, tous les 21 jours, avec pegfilgrastim.", "days_since_pegfilgrastim", None),
    ("Seit ca. 14.10. Fieber bis 40 °C.", "calcium", None),
    ("Ei luukipuja.", "bone_pain", "absent"),
    ("ei lyyttisiä tai skleroottisia muutoksia.", "sclerotic_lesions", "absent"),
    ("Peripheral smear mein blasts nahi dikhe.", "blasts", "absent"),
    ("Bone marrow aspirate: اكو hemophagocytosis واضح، ماكو blasts.", "blasts", "absent"),
    ("שולל ירידה במשקל, שולל הזעות לילה.", "night_sweats", "absent"),
    ("aucune asymétrie.", "uptake_asymmetric", "absent"),
    ("بیمار سابقه پیوند کلیه دارد و تاکرولیموس مصرف می‌کند.", "hsct", "absent"),  # (assumed: not named)
    ("Seit 2 Tagen Taubheitsgefühl beider Beine ab Nabelhöhe (Gürtelgefühl ~Th10).", "cord_compression_signs", "present"),
])
def test_denials_and_look_alikes_abroad(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a lab printout with dot leaders
    ("Exames 13/03/2025:\n  Hb .................. 8,1 g/dL\n  Neutrófilos ......... 700/mm³\n"
     "  LDH ................. 1.340 U/L", "hb", 8.1),
    ("  Neutrófilos ......... 700/mm³\n  Plaquetas ........... 38.000/mm³", "platelets", 38.0),
    ("  TGO / TGP ........... 240 / 198 U/L\n  LDH ................. 1.340 U/L", "ldh", 1340.0),
    # the liver is its own yardstick in a clause about the spleen, and leads a heading of its own
    ("Spleen SUVmax 5.8 vs liver 2.9.", "liver_suvmax", 2.9),
    ("Spleen 14 cm, mildly enlarged, SUVmax 3.1 (liver 2.6).", "liver_suvmax", 2.6),
    ("Liver: normal, SUVmax 2.6", "liver_suvmax", 2.6),
    # a lesion's size inside its name does not hide it; a spleen's size is still read
    ("pet: spleen 22cm suvmax 8.1 (liver 2.4), marrow homog suv 3.9", "spleen_length", 22.0),
    # growth factors dated by a paragraph, a bracketed cycle, a verb abroad or a cycle after the count
    ("Zarzio (filgrastim-sndz) 300 mcg SQ days 5-10 with C1-C3 only (started after febrile neutropenia on C1);\n"
     "stopped after C3 as counts were fine - last injection 01/22/2025.\n\nEOT PET/CT 03/28/2025:",
     "days_since_gcsf", 65.0),
    ("62M DLBCL st IV, 4x R-CHOP + Neulasta (C4 10/03/25). iPET 27/03/25: diffuse BM uptake > liver.",
     "days_since_pegfilgrastim", 17.0),
    ("Pegfilgrastim (Neulasta) injecté le 12/03/2025, J2 de la C4 ; TEP le 27/03/2025.", "days_since_pegfilgrastim", 15.0),
    ("Pegfilgrastim (Pelgraz) aplikován 12. 3. 2025, PET/CT 27. 3. 2025.", "days_since_pegfilgrastim", 15.0),
    ("Έλαβε πεγκφιλγκραστίμη (Neulasta) στις 13/03/2025, PET/CT στις 27/03/2025.", "days_since_pegfilgrastim", 14.0),
    ("pt got neulasta onpro w C2, applied 3/20, PET 3/27", "days_since_pegfilgrastim", 7.0),
    ("Pegfilgrastim 6 mg given 6 weeks ago with C6, the final cycle.", "days_since_pegfilgrastim", 42.0),
])
def test_printouts_yardsticks_and_dose_dates(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # the denial of a broader finding denies its parts
    ("No hepatosplenomegaly. No peripheral lymphadenopathy.", "splenomegaly", "absent"),
    ("Abdomen soft, non-tender, no organomegaly.", "hepatomegaly", "absent"),
    ("Spleen not enlarged.", "massive_splenomegaly", "absent"),
    ("No hepatosplenomegaly but spleen 21 cm on CT", "massive_splenomegaly", "present"),
    # an examination or a report heading that finds nothing
    ("O/E spleen palpable 6 cm below the L costal margin, liver edge not felt.", "hepatomegaly", "absent"),
    ("Liver edge 3 cm below the costal margin.", "hepatomegaly", "present"),
    ("Peripheral skeleton: no abnormal uptake.", "appendicular_extension", "absent"),
    ("Marrow uptake extends into the femoral shafts, no abnormal uptake elsewhere.", "appendicular_extension", "present"),
    ("Uptake is confined to the axial skeleton and proximal femora; the long-bone shafts remain photopenic.",
     "appendicular_extension", "absent"),
    ("Splenic tip just palpable on deep inspiration.", "splenomegaly", "present"),
    # lesions: a size inside the name, a PET report's background, Italian nodules in an enlarged spleen
    ("In addition, a solitary 12-mm focus was seen in the sternal body (SUVmax 6.2) without a CT correlate.",
     "focal_lesions", "present"),
    ("on a background of innumerable ill-defined sclerotic foci in the spine, pelvis and ribs", "sclerotic_lesions",
     "present"),
    ("Splenomegalia (18 cm) con captazione diffusamente aumentata (SUVmax 6,1) su cui si sovrappongono multiple aree "
     "nodulari ipermetaboliche (SUVmax fino a 11,8).", "splenic_focal_lesions", "present"),
    # serology "not reactive" abroad; a sibling donor's transplant is the patient's
    ("HIV, HBV, HCV não reagentes.", "hiv", "absent"),
    ("AML in CR1, myeloablative sibling allogeneic SCT 11 months ago.", "hsct", "present"),
])
def test_denied_parts_empty_findings_and_lesions(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_paravertebral_haematopoiesis_raises_the_mass_flag(shipped: Bundle) -> None:
    """Paravertebral masses meet the flag's rule as written, even when they are extramedullary haematopoiesis."""
    _, snap = Engine(shipped).assess("Thalassaemia intermedia. Bilateral paravertebral masses T7-T10, "
                                     "extramedullary haematopoiesis favoured.")
    fired = {f.flag.id for f in rank(shipped, snap.facts).red_flags}
    assert "focal_lytic_or_extramedullary" in fired


@pytest.mark.parametrize(("note", "finding", "value"), [
    # Chinese, Japanese and Korean: unspaced terms, full-width punctuation, ten-thousands, dates and counts
    ("発熱なし。Hb 8.1 g/dL、血小板 4.2万/μL。骨髄にびまん性FDG集積(SUVmax 5.6)、脾腫あり。", "platelets", 42.0),
    ("患者男性，62岁。发热3周，最高39.5℃。", "age", 62.0),
    ("檢查日期：2025/03/12　　性別：M　　年齡：19\n（父親 55 歲時診斷 lymphoma）", "age", 19.0),
    ("脾脏明显增大（长径 22.4 cm），SUVmax 3.1", "spleen_length", 22.4),
    ("ジーラスタ 2025年3月12日投与、PET-CT 2025年3月27日。", "days_since_pegfilgrastim", 15.0),
    ("ペグフィルグラスチム 3月12日投与。PET 3月27日施行。", "days_since_pegfilgrastim", 15.0),
    ("末次化疗 2025年3月1日，PET-CT 2025年3月27日。", "days_since_chemo", 26.0),
    ("ジーラスタを3週間前に投与。", "days_since_pegfilgrastim", 21.0),
    ("뉴라스타 10일 전 투여.", "days_since_pegfilgrastim", 10.0),
    ("Neulasta 2025/03/12, PET 2025/03/27.", "days_since_pegfilgrastim", 15.0),
])
def test_chinese_japanese_korean_values(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("発熱なし。脾腫あり。", "fever", "absent"),
    ("発熱なし。脾腫あり。", "splenomegaly", "present"),
    ("リンパ節腫大は認めず、脾腫なし。", "lymphadenopathy", "absent"),
    ("否认发热、盗汗及体重下降，无骨痛。", "weight_loss", "absent"),
    ("无盗汗。", "night_sweats", "absent"),
    ("62세 남자. 발열은 없음. 비장비대가 있음.", "fever", "absent"),
    ("62세 남자. 발열은 없음. 비장비대가 있음.", "splenomegaly", "present"),
    ("국소 병변 또는 비대칭 섭취 없음.", "uptake_asymmetric", "absent"),
    ("2周前出现腰骶部疼痛，以右侧为著", "bone_pain", "present"),
    ("上述病人自 2025年1月底起雙腿及下背持續疼痛，夜間尤甚", "bone_pain", "present"),
    ("허리 통증이 있음", "bone_pain", "present"),
    ("T7—T9 椎旁见软组织密度影，FDG 轻度摄取，考虑髓外造血。", "paravertebral_emh", "present"),
    ("PET-CT：全身骨髓FDG摄取弥漫性增高，高于肝脏。", "marrow_above_liver", "present"),
    ("今回入院中は平熱で経過している。", "fever", "absent"),
    # a suspected blast is enough for its flag; a film sent to look for blasts is not
    ("Lab film comment: occasional large mononuclear cells, approx 3 %, ?blasts - please refer.", "blasts", "present"),
    ("FBC and blood film requested to look for blasts - awaiting.", "blasts", None),
])
def test_chinese_japanese_korean_findings_and_suspected_blasts(shipped: Bundle, note: str, finding: str,
                                                               status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    # symptoms said indirectly, and abroad
    ("Mum says she's been changing the sheets most nights for three weeks, soaked right through.", "night_sweats",
     "present"),
    ("Wife says his trousers are loose and he's had to make a new hole in his belt since Christmas.", "weight_loss",
     "present"),
    ("Had a shaking fit in the bath last night, teeth chattering.", "rigors", "present"),
    ("Gorączka do 38,9°C z dreszczami, poty nocne.", "rigors", "present"),
    ("Κόπωση και κνησμός εδώ και μήνες.", "pruritus", "present"),
    ("Kein Fieber, kein Schüttelfrost, kein Juckreiz.", "pruritus", "absent"),
    ("Лихорадка: да, до 38,5 °C\nНочная потливость: нет\nПотеря веса: нет", "weight_loss", "absent"),
    ("Gelenkschmerzen in beiden Händen und Knien, jedoch keine Knochenschmerzen.", "arthralgia", "present"),
    ("24 yaşında hasta; halsizlik ve boğaz ağrısı ile başvurdu.", "sore_throat", "present"),
])
def test_symptoms_said_indirectly_and_abroad(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    # the trephine's cellularity, as a number or a word, in several languages
    ("Trephine: 10 % cellularity, fatty, no fibrosis, no abnormal infiltrate", "hypocellular_marrow", "present"),
    ("Trepanobiopsie: celularita cca 5 %, tuková přestavba, bez infiltrace", "hypocellular_marrow", "present"),
    ("Biopsie osteomedulară: măduvă hipocelulară, fără infiltrat anormal", "hypocellular_marrow", "present"),
    ("Trephine: cellularity 60%, trilineage haematopoiesis", "hypocellular_marrow", "absent"),
])
def test_marrow_cellularity(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    ('desde hace 6 semanas "le duelen las piernas por dentro", sobre todo de noche', "bone_pain", "present"),
    ('Od ok. 6 tyg. budzi się w nocy z powodu "łamania w krzyżu i w udach"', "bone_pain", "present"),
    ("Nyeri punggung bawah makin berat 3 minggu; sejak 5 hari kedua tungkai terasa lemah dan kesemutan.",
     "cord_compression_signs", "present"),
    ("Bệnh nhân nam 67 tuổi, đau xương, mệt mỏi, sụt 5 kg trong 2 tháng. Không sốt.", "fever", "absent"),
    ("בבדיקה: טחול נמוש עד קו הטבור.", "massive_splenomegaly", "present"),
    ("左第5–7肋骨骨折處局部攝取（SUVmax 3.5），CT 可見骨折線與骨痂形成。", "foci_at_injury", "present"),
])
def test_pain_cord_spleen_and_foci_in_more_languages(shipped: Bundle, note: str, finding: str,
                                                     status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_a_dutch_course_of_filgrastim_ends_on_its_last_date(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("toen filgrastim (Zarzio) 30 ME s.c. dd van 15-01 t/m 21-01-2025. "
                                     "Interim-PET/CT op 08-03-2025.")
    assert snap.facts.value("days_since_gcsf") == pytest.approx(46.0)


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("Пацієнт: О. В., 38 років, чоловік. ПЕТ/КТ з 18F-ФДГ 12.04.2024", "age", 38.0),
    ("Алло-ТГСК від неспорідненого донора (день 0 — 04.03.2024). ПЕТ/КТ з 18F-ФДГ 12.04.2024 (Д+39) — оцінка",
     "days_since_hsct", 39.0),
    ("Allo-SZT. PET-CT vom 12.04.2024 (d+39).", "days_since_hsct", 39.0),
])
def test_ukrainian_ages_and_transplant_days(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Болі в кістках та спині заперечує.", "bone_pain", "absent"),
    ("Трепанобіопсія: епітеліоїдноклітинні гранульоми з казеозним некрозом.", "granulomas", "present"),
    ("Планується автологічна ТГСК, перед нею мобілізація.", "hsct", "absent"),  # (planned: assumed, not named)
])
def test_ukrainian_denials_granulomas_and_plans(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_a_mud_pbsc_transplant_dated_from_a_dashed_scan_title(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("FDG PET-CT - 04/04/2025 - indication: follow-up.\n"
                                     "- 10/10 MUD PBSC on 03/03/2025 (D0). Filgrastim 5 mcg/kg D+7 to D+17 (10/03-20/03).")
    assert snap.facts.value("days_since_hsct") == pytest.approx(32.0)
    assert snap.facts.value("days_since_gcsf") == pytest.approx(15.0)


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a chart of cycles: a range on the next line is the next cycle's, not the growth factor's
    ("PET/CT (27/05).\nC2 26-28/03; lenograstim 30/03-06/04\nC3 16-18/04; no G-CSF\nC4 07-09/05; no G-CSF",
     "days_since_gcsf", 51.0),
    ("toen filgrastim (Zarzio) 30 ME s.c. dd\nvan 15-01 t/m 21-01-2025. Interim-PET/CT op 08-03-2025.",
     "days_since_gcsf", 46.0),
    ("Pegfilgrastim (Neulasta 6 mg) given once, 04/03, with C1.\nInterim PET-CT 12/04/2025 (C2 day 20)",
     "days_since_pegfilgrastim", 39.0),
    ("השתלה אלוגנאית (MUD 10/10).\nPET-CT 12/04/2025 (יום +40) להערכת אתר הסרקומה", "days_since_hsct", 40.0),
])
def test_charts_of_cycles_and_courses(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize("note", [
    "'Hurts when I press on my breastbone,' she says.",
    "Says her bones 'feel bruised' all over, especially the shins.",
    "患者自述“骨头里面疼,晚上疼得睡不着”",
])
def test_bone_pain_a_few_words_from_its_bone(shipped: Bundle, note: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status("bone_pain") == "present"


def test_the_marrow_is_not_a_painful_bone(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("骨髄の集積は著明で痛みはない")
    assert snap.facts.status("bone_pain") != "present"


@pytest.mark.parametrize(("note", "finding", "value"), [
    # seen in tmux: a Japanese sentence's age after '。', and the liver's SUVmax written onto its character
    ("脾腫なし。発熱なし。Hb 10.1 g/dL。62歳女性。", "age", 62.0),
    ("骨髄にびまん性均一なFDG集積(SUVmax 5.6、肝SUVmax 2.3)", "liver_suvmax", 2.3),
])
def test_seen_in_the_chat_japanese(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


def test_seen_in_the_chat_ukrainian_words_are_understood(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Пацієнтка Н. ГМЛ. Алло-ТГСК від неспорідненого донора. Філграстим з Д+7.")
    assert snap.facts.status("known_acute_leukaemia") == "present"
    assert snap.facts.status("gcsf_exposure") == "present"


@pytest.mark.parametrize(("note", "finding", "status"), [
    # "denies" in Greek and Arabic; the Polish and Russian "and" of a denied list
    ("Αρνείται οστικά άλγη, πυρετό ή νυχτερινές εφιδρώσεις.", "night_sweats", "absent"),
    ("ينفي المريض وجود ألم في العظام أو حمى أو تعرق ليلي.", "bone_pain", "absent"),
    ("Neguje bóle kostne, gorączkę i poty nocne.", "night_sweats", "absent"),
    ("Отрицает лихорадку и ночную потливость.", "night_sweats", "absent"),
    # a spouse's, a mother's illness
    ("Husband has metastatic prostate cancer with bone pain; she is his carer.", "bone_pain", None),
    ("У матери миеломная болезнь с выраженными болями в костях.", "bone_pain", None),
    ("Anyjánál vashiányos anaemia ismert.", "anaemia", None),
    # one term for two findings: its denial is not "no neutropenia, febrile"
    ("Pas de neutropénie fébrile.", "fever", None),
    ("No febrile neutropenia.", "neutropenia", "absent"),
    ("Admitted with febrile neutropenia.", "fever", "present"),
    # a bone and a pain word with a score between; a sickle crisis; a German chart's complaint and site
    ("Pain ++ across the lower ribs and thoracic spine, wakes at night.", "bone_pain", "present"),
    ("Obs: T 36.8. Pain 6/10 R femur, tender mid-shaft.", "bone_pain", "present"),
    ("Rib fractures after a fall.", "bone_pain", None),
    ("HbSS, admitted with painful vaso-occlusive crisis.", "bone_pain", "present"),
    ("Seit ca. 3 Wochen zunehmende Schmerzen LWS, Becken und beide Oberschenkel.", "bone_pain", "present"),
    # a normal blood count as a whole denies each line
    ("Keine Hepatosplenomegalie tastbar. Blutbild unauffällig.", "thrombocytopenia", "absent"),
    ("counts ok, fit for PET tmrw", "anaemia", "absent"),
    ("Neutrophils 0.8 x 10^9/L, rest of the FBC normal.", "neutropenia", "present"),
    # the spleen: felt, measured by ultrasound, spared words; the uptake said to stay central
    ("Milzpol unter dem Rippenbogen tastbar.", "splenomegaly", "present"),
    ("Milz nicht vergrößert.", "splenomegaly", "absent"),
    ("Spleen palpable to and beyond the umbilicus, extending into the RIF.", "massive_splenomegaly", "present"),
    ("Polo esplénico palpable a 9 cm del reborde costal izquierdo.", "massive_splenomegaly", "present"),
    ("الطحال 14.2 سم مع آفات بؤرية متعددة صغيرة ناقصة الكثافة ونشطة (SUVmax 6.4).", "splenic_focal_lesions", "present"),
    ("Marrow: diffuse, mildly increased uptake, SUVmax 3.0 (liver 2.4), axial skeleton only.", "appendicular_extension",
     "absent"),
    ("No fractures on trauma CT (whole spine, pelvis, long bones clear).", "appendicular_extension", "absent"),
    ("a humerus- és femurdiaphysisekre is kiterjed.", "appendicular_extension", "present"),
    # a serum G-CSF level is not the drug
    ("Kemoterápiát, G-CSF-et nem kapott. Szérum G-CSF 156 pg/ml (ref. < 40).", "gcsf_exposure", "absent"),
])
def test_denials_relatives_counts_and_spleens_from_blind_corpora(shipped: Bundle, note: str, finding: str,
                                                                  status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("Spleen 4 cm palpable hai.", "spleen_below_costal_margin", 4.0),
    ("Milz sonographisch 16 cm, Leber nicht vergrößert.", "spleen_length", 16.0),
    ("Obs: BT 96/58, puls 124.", "systolic_bp", 96.0),
    # dates: a scan "yesterday (date)", a dated cycle list, an ESA's own date, a growth factor on a cycle's later day
    ("PET-CT yesterday (09/04/2025). lenograstim last dose 24/02/2025.", "days_since_gcsf", 44.0),
    ("TEP le 20 mai 2025. R-CHOP21 : C1 le 7 janvier 2025 ... C6 le 24 avril 2025 (dernière perfusion).",
     "days_since_chemo", 26.0),
    ("PET 18/09/2025. Never received chemotherapy. Epoetin alfa weekly, last dose 16/09/2025.", "days_since_esa", 2.0),
    ("TEP le 20/05/2025. Lipegfilgrastim (Lonquex) 6 mg uniquement à J2 de la C1 (08/01/2025).",
     "days_since_pegfilgrastim", 132.0),
    ("Rolvedon (eflapegrastim) on D2 of each TC cycle; C4D2 was 19 Mar. Scan Mar 27.", "days_since_chemo", 9.0),
    # a staging scan's SUV, before a shortened month with its dot, is not today's
    ("TEP initiale (déc. 2024) : moelle SUVmax 2,0. TEP le 20/05/2025 : SUVmax 3,3.", "marrow_suvmax", 3.3),
])
def test_sizes_pressures_and_dates_from_dev_batches(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


def test_the_dated_chemotherapy_is_not_an_esa(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("PET 18/09/2025. Never received chemotherapy. Epoetin alfa weekly, last dose 16/09/2025.")
    assert snap.facts.value("days_since_chemo") is None


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a printout's flag "H" is not hours: the value before it stands
    ("CRITICAL RESULTS: Hb 6.8 L* g/dL | WBC 168.4 H* x10^9/L | Plt 22 L*", "wbc", 168.4),
    ("BIOCHEM 23/08  Na 131 L  K 5.6 H  Urea 24.1 H  Creat 312 H  eGFR 16  Ca(adj) 3.12 H", "creatinine", 312.0),
    ("WBC diff          Value    Ref\nWBC               86.3 H   4-11", "wbc", 86.3),
    # a markdown table's rule line does not end the table; a Japanese reference column is not a value
    ("| 項目(単位) | 5/26 | 5/30 | 6/2 | 6/9 | 基準値 |\n|---|---|---|---|---|---|\n"
     "| CRP(mg/dL) | 9.8 H | 11.6 H | 12.4 H | 14.1 H | <0.14 |", "crp", 14.1),
    # an observation chart headed "T°C", with a note of room air after the last value
    ("Obs chart\nTime   T°C   HR    BP       RR   SpO2\n02:00  38.4  112   96/58    22   94% RA\n"
     "06:00  39.3  124   84/50    26   91% RA", "temperature", 39.3),
])
def test_printouts_and_charts(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # Japanese lists joined by "・" and sides of a slash, denied together
    ("化学療法・移植歴なし。", "chemo_exposure", "absent"),
    ("G-CSF・エリスロポエチン・鉄剤の投与歴なし。", "gcsf_exposure", "absent"),
    ("局所集積・溶骨性/硬化性変化なし。", "lytic_lesions", "absent"),
    ("四肢長管骨骨幹部への進展なし。", "appendicular_extension", "absent"),
    ("骨骼未见溶骨性骨质破坏。", "lytic_lesions", "absent"),
    # a suspected blast is acted on, beside a denial of another word for it
    ("occasional cells approx. 4 % - ?blasts; no Auer rods", "blasts", "present"),
    ("Power 5/5, no sphincter disturbance. MRI booked to exclude cord compression.", "cord_compression_signs", "absent"),
    # refusals, Greek "nor", a semicolon that ends a denial
    ("Patient declined G-CSF after cycle 1.", "gcsf_exposure", "absent"),
    ("Δεν παρατηρούνται εστιακές βλάβες του μυελού ούτε λυτικές αλλοιώσεις.", "lytic_lesions", "absent"),
    ("mFOLFIRINOX x 6, no G-CSF at any point (patient declined; 5-FU bolus omitted from C3).", "chemo_exposure",
     "present"),
    # what is said of an organ named alone is its own
    ("Known hereditary spherocytosis, spleen removed age 9.", "chronic_haemolytic_disorder", "present"),
    # a focus with its bone a few words on; a nodule whose "bone" belongs to the next item
    ("a new focus has appeared in the left acetabulum (SUVmax 7.0)", "focal_lesions", None),
    ("deposit has appeared in the left acetabulum", "focal_lesions", "present"),
    ("small nodules both lung, no bone lesion.", "focal_lesions", "absent"),
    # the marrow against the brain and the liver; the limbs said as "incl"
    ("Marrow uptake at the level of the cerebellar cortex.", "marrow_ge_brain", "present"),
    ("The axial marrow shows intense uptake, roughly three times the liver.", "marrow_twice_liver", "present"),
    ("PET back - marrow lit up, SUV 7ish everywhere incl femurs, spleen 17cm.", "appendicular_extension", "present"),
    ("Spleen uptake similar to cerebellum", "marrow_ge_brain", None),
    ("Each at a cortical break with early callus on CT.", "lytic_lesions", None),
])
def test_lists_suspicions_and_sites_from_blind_corpora(shipped: Bundle, note: str, finding: str,
                                                        status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_an_age_at_an_event_is_not_todays(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("Splenectomy at age 9 for spherocytosis. Hb 13.5 today.")
    assert snap.facts.value("age") is None


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a lab table's column headed as the scan's day is the one read, not the last
    ("| esame | 02/09/2025 (ingresso) | 08/09/2025 (vigilia PET) | 17/09/2025 | v.n. |\n|---|---|---|---|---|\n"
     "| Neutrofili (×10⁹/L) | 1,2 ↓ | 0,8 ↓ | 1,3 ↓ | 1,5–7,0 |", "anc", 0.8),
    # dates written year first with slashes head a table too
    ("| الفحص | 2024/10/22 (عيادة) | 2024/11/12 (الدخول) | 2024/11/18 (يوم PET) | المرجع |\n|---|---|---|---|---|\n"
     "| WBC (×10⁹/L) | 4.2 | 3.7 ↓ | 3.4 ↓ | 4.0–11.0 |", "wbc", 3.4),
    # a printout's name, a comma, its unit, then the value
    ("Hb, г/л 94", "hb", 9.4),
    # the scan dated inside a bracket, Czech spaced dates; a Ukrainian course "з ... по ..."; an em dash before a date
    ("PET/CT (provedeno 12. 10. 2024 na externím PET centru). Filgrastim denně 2. 9. – 6. 9. 2024.", "days_since_gcsf", 36.0),
    ("Філграстим щоденно з 05.03 по 09.03.2024. ПЕТ/КТ виконано 15.03.2024.", "days_since_gcsf", 6.0),
    ("Останній цикл хіміотерапії (FOLFOX) — 26.02.2024. ПЕТ/КТ виконано 15.03.2024.", "days_since_chemo", 18.0),
    # a chart's row in words is read as it is; a row of dates heading a table dates no dose
    ("| kuur | datum | ondersteuning |\n|---|---|---|\n| 2 | 04-03-2025 | pegfilgrastim 6 mg s.c. 05-03-2025 |\n"
     "| 3 | 25-03-2025 | geen G-CSF |\nPET-CT eind-evaluatie (Nucleaire Geneeskunde, 20-06-2025).", "days_since_pegfilgrastim", 107.0),
])
def test_dated_columns_charts_and_courses_abroad(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


def test_a_transplant_is_not_the_drug_of_a_last_dose(shipped: Bundle) -> None:
    note = ("ICE x 2 + BEAM autologous SCT 2021-05; relapse 2023-09. Pembrolizumab x 10 cycles (last dose 2024-10-29).\n"
            "PET-CT (Joint Department of Medical Imaging, 2025-02-21)")
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value("days_since_hsct") is None


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Жалобы на выраженную слабость, потливость по ночам.", "night_sweats", "present"),
    ("Διάχυτα αυξημένη πρόσληψη FDG στον μυελό, ελαφρώς υψηλότερη του ήπατος.", "marrow_above_liver", "present"),
    ("Аутотрансплантация ПСКК 05.02.2024 по поводу множественной миеломы.", "hsct", "present"),
    ("טיפול אחרון לפני 9 ימים, עם נאולסטה יום למחרת.", "gcsf_exposure", "present"),
])
def test_non_latin_scripts(shipped: Bundle, note: str, finding: str, status: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Diffus gesteigerte Glukoseutilisation im Knochenmark von Stamm- und Extremitätenskelett.", "appendicular_extension",
     "present"),
    ("Übriges Extremitätenskelett unauffällig.", "appendicular_extension", None),
    ("Od 2 dni drętwienie obu stóp i uczucie chodzenia po wacie.", "cord_compression_signs", "present"),
    ("an 11 mm hypoattenuating lesion in the inferior pole of the spleen", "splenic_focal_lesions", "present"),
])
def test_limbs_cords_and_spleen_parts(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("Splenomegalie, kraniokaudal 234 mm, Milz-SUVmax 3,6.", "spleen_length", 23.4),
    ("Hb 11,2 g/dL, BK 3,4 ×10³/µL (nötrofil 1,6), trombosit 128 ×10³/µL", "wbc", 3.4),
])
def test_sizes_and_counts_abroad(shipped: Bundle, note: str, finding: str, value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


def test_seen_in_the_chat_russian_uptake_and_printout_flags() -> None:
    """tmux, 2026-11-27: a Russian PET sentence and a printout's flags were listed as not understood, and the
    homogeneous uptake was asked for again."""
    from marrowchat.core.loading import load_bundle

    engine = Engine(load_bundle())
    _, snap = engine.assess("ПЭТ/КТ: диффузное гомогенное накопление в костном мозге, SUVmax 6,9 (печень 2,4). "
                            "WBC 168.4 H x10^9/L, Hb 6.8 L g/dL.")
    assert snap.facts.status("uptake_homogeneous") == "present"
    assert snap.facts.value("wbc") == pytest.approx(168.4)
    from marrowchat.core.matcher import get_matcher

    unread = " ".join(get_matcher(engine.bundle).match("диффузное гомогенное накопление в костном мозге. "
                                                        "WBC 168.4 H x10^9/L, Hb 6.8 L g/dL.").unmatched)
    assert "накопление" not in unread and "x10" not in unread and "g/dL" not in unread


@pytest.mark.parametrize(("note", "finding", "status"), [
    # a growth factor's last dose, not the chemotherapy its course is counted from
    ("Filgrastim 480 mcg sc od days 5-11 post chemo, last dose 6 days before PET.", "gcsf_recent", "present"),
    ("Fez filgrastim por 7 dias após o 2º ciclo de R-CHOP; última dose 10 dias antes do PET.", "gcsf_recent", "present"),
    ("PET/CT 12/03/2024 (interim). Zarzio 30 MU s/c od x5 after C4 R-CHOP, last injection 07/03/2024.", "gcsf_recent",
     "present"),
    ("A reçu du pegfilgrastim (Neulasta) à J3 de la C2, soit 10 jours avant l'examen.", "gcsf_recent", "present"),
    ("Ieri a primit ultima doză de filgrastim, azi PET-CT.", "gcsf_recent", "present"),
    ("Last filgrastim injection was the previous week.", "gcsf_recent", "present"),
    # "for 3 days" is how long the course ran; its last dose was three weeks ago
    ("recebeu filgrastim 300 mcg SC 1x/dia por 3 dias, a última aplicação há 3 semanas.", "gcsf_recent", "absent"),
    ("G-CSF nem volt.", "gcsf_exposure", "absent"),
    # the spleen in many languages
    ("Milza nei limiti per dimensioni, con captazione inferiore a quella epatica.", "splenomegaly", "absent"),
    ("Perna ei ole suurentunut.", "splenomegaly", "absent"),
    ("spleen 18 cm and hot", "spleen_uptake_high", "present"),
    ("Spleen 15.1 cm with multiple hypermetabolic nodules.", "spleen_uptake_high", None),
    ("Splenomegali, 17 cm, med optag over leverniveau.", "spleen_uptake_high", "present"),
    ("Splenomegalie (15 cm) mit gegenüber der Leber gesteigerter Aktivität.", "spleen_uptake_high", "present"),
    ("Селезёнка увеличена (17 см), накопление выше, чем в печени.", "spleen_uptake_high", "present"),
    ("Селезенка: очаговых изменений в ней не выявлено.", "splenic_focal_lesions", "absent"),
    ("The spleen was palpable to the pelvic brim.", "massive_splenomegaly", "present"),
    # a shortened word's dot ends no sentence
    ("marrow diffusely hot incl. both femurs", "appendicular_extension", "present"),
    # old fractures are not recent injuries
    ("Fratura antiga consolidada do úmero direito, sem hipercaptação.", "recent_injury_or_operation", None),
    ("Chronic osteoporotic wedge fracture of T12, no FDG uptake.", "recent_injury_or_operation", None),
    # bone pain said, denied and passed
    ("Most 2 hónapja fokozódó hát- és csípőfájdalom, fáradékonyság.", "bone_pain", "present"),
    ("Son 2 haftadır bel ve sağ kalça-gluteal bölgede ağrı, yürürken artıyor.", "bone_pain", "present"),
    ("Förnekar skelettsmärtor. Trött sedan två månader.", "bone_pain", "absent"),
    ("Benekter skjelettsmerter og nattesvette.", "night_sweats", "absent"),
    ("Πλευριτικού τύπου θωρακικό άλγος δεξιά, χωρίς οστικά άλγη.", "bone_pain", "absent"),
    ("Knee effusion and pain. Bones not painful.", "bone_pain", "absent"),
    ("Bone pain 2 years ago led to the diagnosis of smouldering myeloma; currently no bone pain.", "bone_pain",
     "absent"),
    ("A woman who moved from Nepal 3 years ago presented with 3 months of back pain.", "bone_pain", "present"),
    ("Reports diffuse bone pain in the first days after the injection, now resolved.", "bone_pain", None),
    ("Riferisce ossalgie diffuse nei primi giorni dopo la somministrazione, attualmente regredite.", "bone_pain", None),
    ("Tidigare skelettsmärta vid G-CSF-behandling 2020, nu besvärsfri.", "bone_pain", None),
    ("Оссалгии, слабость.", "bone_pain", "present"),
    ("Πολλαπλές εστίες αυξημένου μεταβολισμού σε σπονδυλικά σώματα.", "focal_lesions", "present"),
    ("οι προηγούμενες υπερμεταβολικές εστίες δεν απεικονίζονται.", "focal_lesions", "absent"),
    # French and Italian elision: "pas d'" negates the word it is written onto
    ("Pas de lésion focale osseuse, pas d'anomalie ostéocondensante ou lytique au scanner.", "lytic_lesions", "absent"),
    ("pas d'adénopathie, absence d'hémophagocytose", "lymphadenopathy", "absent"),
    ("absence d'hémophagocytose", "haemophagocytosis", "absent"),
    ("Hyperfixation médullaire qui s'étend aux diaphyses fémorales.", "appendicular_extension", "present"),
    ("Known IgG kappa myeloma.", "known_haem_malignancy", "present"),
    ("pls ask pt re bone pain before we review the PET tomorrow", "bone_pain", None),
    # German "ca." is circa, not calcium; a line ending on "keine" runs on
    ("Panzytopenie seit ca. 6 Wochen, Zellularität ca. 10 %.", "hypercalcaemia", None),
    ("stark hypozelluläres Mark, Fettmark, keine\nBlasten, keine Fibrose", "blasts", "absent"),
    ("ATG/Ciclosporin in Planung.", "immunosuppression", None),
    ("Zellularität ca. 10 %, Fettmark, keine Blasten.", "hypocellular_marrow", "present"),
    # a treatment's failure denies nothing
    ("Antybiotykoterapia 10 dni - bez efektu, gorączka i leukocytoza utrzymują się.", "leukocytosis", "present"),
    ("Stare, wygojone złamania żeber VI-VII po stronie lewej (uraz 2019) - bez wychwytu.",
     "recent_injury_or_operation", None),
    # Japanese drug classes and spleen, Swedish brain level, Hodgkin and itch
    ("G-CSF製剤・ESA製剤の投与歴なし。化学療法歴なし。", "gcsf_exposure", "absent"),
    ("脾臓 12 cm、肝より高いびまん性集積、局所病変なし。", "splenic_focal_lesions", "absent"),
    ("Diffust ökat FDG-upptag i benmärgen, under hjärnans nivå.", "marrow_ge_brain", "absent"),
    ("Klassiskt Hodgkinlymfom, generell klåda.", "known_hodgkin", "present"),
    ("Klassiskt Hodgkinlymfom, generell klåda.", "pruritus", "present"),
    ("Sestra liječena od Hodgkinovog limfoma.", "known_hodgkin", "absent"),  # (assumed: not said of the patient)
    ("with preserved fatty marrow signal in the rest of the body", "hypocellular_marrow", None),
    ("Focal uptake at the R 6th-8th rib fracture sites, which show early callus.", "foci_at_injury", "present"),
])
def test_what_the_lg_to_li_batches_and_corpora_c53_c54_taught(shipped: Bundle, note: str, finding: str,
                                                                status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_an_italian_spleen_felt_below_the_costal_margin_after_an_elision(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("milza palpabile a 8 cm dall'arcata costale, fegato a 2 cm")
    assert snap.facts.value("spleen_below_costal_margin") == pytest.approx(8)
    assert snap.facts.value("spleen_length") is None


def test_a_french_dated_growth_factor_and_an_evaluation_scan(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("4e cure le 03/03, avec pegfilgrastim 6 mg SC le 04/03 (J2), comme à chaque cure. "
                                     "TEP-TDM d'évaluation intermédiaire le 14/03 : hyperfixation médullaire.")
    assert snap.facts.value("days_since_pegfilgrastim") == pytest.approx(10)
    assert snap.facts.value("days_since_chemo") == pytest.approx(11)


def test_a_dose_dated_in_a_bracket_after_its_cycle_day_and_a_dated_findings_heading(shipped: Bundle) -> None:
    """lh_: "Pegfilgrastim given with C1 only (D2 = 05/02/2024)" dates the drug, and a pasted report's "FINDINGS
    (26/04/2024):" dates the scan."""
    _, snap = Engine(shipped).assess("PET/CT REPORT\nPegfilgrastim given with C1 only (D2 = 05/02/2024). C4 D1 "
                                     "08/04/2024. Interim PET.\nFINDINGS (26/04/2024): no focal marrow lesion.")
    assert snap.facts.value("days_since_pegfilgrastim") == pytest.approx(81)
    assert snap.facts.value("days_since_chemo") == pytest.approx(18)


@pytest.mark.parametrize(("note", "finding", "value"), [
    # a growth factor dated against the chemotherapy and then against the scan
    ("Pegfilgrastim given the day after chemo, 20 days before the scan.", "days_since_pegfilgrastim", 20),
    ("Pegfilgrastim given the day after chemo, 20 days before the scan.", "days_since_chemo", 21),
    ("Pegfilgrastym (Pelgraf) podany 3 dni po chemioterapii, 13 dni przed badaniem PET/CT.", "days_since_pegfilgrastim",
     13),
    ("Recibió pegfilgrastim el día +2 del último ciclo, 12 días antes del PET-TC.", "days_since_pegfilgrastim", 12),
    ("Lonquex (lipegfilgrastim) 6 mg given on day 2 of the cycle (24/05/2024). PET/CT 31/05/2024.",
     "days_since_pegfilgrastim", 7),
    ("Medicatie: pegfilgrastim (Fulphila) 6 mg sc op dag 2, laatste gift 8 dagen geleden.", "days_since_pegfilgrastim", 8),
    ("Филграстим вводился до 03.03, ПЭТ/КТ выполнена 14.03.", "days_since_gcsf", 11),
    ("Філграстим отримував з 03.06 по 07.06 щодня, ПЕТ/КТ 10.06.", "days_since_gcsf", 3),
    ("Udenyca 6 mg given at the infusion center on 10/04/2024. PET/CT 10/16/2024.", "days_since_pegfilgrastim", 12),
    ("Neupogen (filgrastim) 30 MU s.c. 3 gün uygulanmış, son doz 29.03.2025. PET/BT (18.04.2025): diffüz.",
     "days_since_gcsf", 20),
    ("Last cycle 06/12/2024, injector delivered 06/13/2024. Surveillance PET/CT done 02/18/2025.",
     "days_since_pegfilgrastim", 250),
    # "an SUVmax of 9.2 (liver 2.6)" is the marrow's, with the liver beside it
    ("Homogeneous marrow uptake with an SUVmax of 9.2 (liver 2.6).", "marrow_suvmax", 9.2),
    # the American fishbone written in a line: WBC > Hb / Hct < platelets
    ("CBC: 1.2 > 8.1/24.3 < 45", "wbc", 1.2),
    ("CBC: 1.2 > 8.1/24.3 < 45", "hb", 8.1),
    ("CBC: 1.2 > 8.1/24.3 < 45", "platelets", 45),
])
def test_timing_and_values_the_lj_lk_batches_and_c55_c56_taught(shipped: Bundle, note: str, finding: str,
                                                                 value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Manual differential: blasts 0, promyelocytes 0, myelocytes 2, metamyelocytes 3.", "blasts", "absent"),
    ("G-CSF to start on D+7 per protocol.", "gcsf_exposure", "absent"),  # (a plan: not given, so assumed absent)
    ("the spleen is hotter than the liver (SLR 1.4)", "spleen_uptake_high", "present"),
    ("Diffuse splenic and marrow hypermetabolism, likely reactive.", "spleen_uptake_high", "present"),
    ("Селезёнка 14,5 см, множественные мелкие гиподенсные очаги (4–8 мм) с повышенным накоплением.",
     "splenic_focal_lesions", "present"),
])
def test_what_c55_c56_and_the_lk_batch_taught(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


@pytest.mark.parametrize(("note", "finding", "status"), [
    # a trend table read at the scan's day, not its last column
    ("Labs (PET/CT was done on D5):\n| | D1 | D3 | D5 | D7 |\n| Hb g/dL | 10.9 | 9.8 L | 9.1 L | 9.6 L |\n"
     "| WBC x10^9/L | 18.4 H | 15.2 H | 12.9 H | 9.8 |", "leukocytosis", "present"),
    ("D1     D2 (PET)   D4     D6\nT °C       37.4   38.7       37.8   36.9\nHR         96     114        98     82",
     "fever", "present"),
    ("Cumulative report — PET/CT on 14/03 (middle column):\nDate        10/03   14/03   18/03\n"
     "WBC         3.1 L   2.4 L   4.6\nNeut        1.2 L   0.8 L   2.9", "neutropenia", "present"),
    ("Mr D. PET/CT 21.02.2024.\n            19.02   21.02   23.02   26.02\nHb g/dL     14.1    13.6    10.4    9.5\n"
     "PET day = second column.", "anaemia", "absent"),
    ("Parameter    12.1.   ►15.1.   19.1.\nLeuk G/L     22.4    17.9     9.6\n(► = PET/CT day)", "leukocytosis",
     "present"),
])
def test_a_trend_table_is_read_at_the_scan_day(shipped: Bundle, note: str, finding: str, status: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_a_denied_growth_factor_dates_nothing_and_a_scan_day_of_the_cycle_dates_its_start(shipped: Bundle) -> None:
    """ll_: "NO G-CSF this cycle. - Interim PET booked for C2 D16 (12/02)" gave a G-CSF dose on the scan's day, and
    "(delayed 5 days)" was read as five days since the chemotherapy."""
    _, snap = Engine(shipped).assess(
        "- C1 R-CHOP 02/01/2025 -> febrile neutropenia, filgrastim 10/01-14/01 (5 doses).\n"
        "- C2 R-CHOP 28/01/2025 (delayed 5 days, slow count recovery), NO G-CSF this cycle.\n"
        "- Interim PET booked for C2 D16 (12/02), done during this admission.\n\n"
        "Interim PET/CT 12/02/2025 (C2 D16): no focal marrow lesions.")
    assert snap.facts.value("days_since_gcsf") == pytest.approx(29)
    assert snap.facts.value("days_since_chemo") == pytest.approx(15)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("Динаміка показників (ПЕТ 14.02)\n                        10.02     12.02     14.02 (ПЕТ)   17.02\n"
     "T max (°C)              38,4      38,1      38,2          37,6", "fever", "present"),
    ("Zadnja 2 tjedna bol u krizima i desnom SI zglobu, jaca nocu.", "bone_pain", "present"),
])
def test_what_the_ll_batch_and_c57_taught(shipped: Bundle, note: str, finding: str, status: str) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.status(finding) == status


def test_seen_in_the_chat_an_offset_dated_growth_factor_is_understood(shipped: Bundle) -> None:
    """tmux, 2026-11-28: the words that dated pegfilgrastim against the chemotherapy were used, and then listed as not
    understood ("podany 3 dni po", "przed badaniem"); the brand Pelgraf was unknown."""
    from marrowchat.core.matcher import get_matcher

    result = get_matcher(shipped).match("Pegfilgrastym (Pelgraf) podany 3 dni po chemioterapii, 13 dni przed badaniem "
                                        "PET/CT. Pas de lésion focale osseuse.")
    assert result.unmatched == []
    _, snap = Engine(shipped).assess("Pelgraf 6 mg given 10 days before the PET.")
    assert snap.facts.value("days_since_pegfilgrastim") == pytest.approx(10)


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("Investigations\n              02/06   06/06 (PET)   11/06\nHb g/L        61 L    81 L          98 L\n\n"
     "Discharge: Hb 98 g/L, prednisolone taper.", "hb", 8.1),
    ("Hb bei Aufnahme 7,2 g/dl. PET-CT am 3. Tag. Hb bei Entlassung 9,9 g/dl.", "hb", 7.2),
    ("Hb 7.2 on admission; Hb 9.9 a week later.", "hb", 9.9),  # (a later value without a discharge word is today's)
])
def test_a_value_at_discharge_does_not_replace_the_earlier_one(shipped: Bundle, note: str, finding: str,
                                                               value: float) -> None:
    """ll_: a discharge summary's table read at the scan's day (Hb 81 g/L) was replaced by "Discharge: Hb 98 g/L",
    and the severe anaemia that flags an unexplained cytopenia was lost."""
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # a pair of a bone and a pain word with a denial between them
    ("Pleuritic R-sided chest pain; ribs and sternum not tender to palpation.", "bone_pain", "absent"),
    ("Wirbelsäule nicht klopfschmerzhaft.", "bone_pain", "absent"),
    ("Dolore toracico pleuritico; coste e sterno non dolenti alla palpazione.", "bone_pain", "absent"),
    # a question left open, a drug still to come, a question mark that is one item's
    ("Bone pain: not asked.", "bone_pain", None),
    ("Pegfilgrastim 6 mg to be given D2 by the district nurse.", "gcsf_exposure", None),
    ("Clinical information: lymphoma, diffuse bone pain, on G-CSF?? Please comment on marrow.", "bone_pain",
     "present"),
    ("Clinical information: lymphoma, diffuse bone pain, on G-CSF?? Please comment on marrow.", "gcsf_recent", None),
    # cord compression: a screen's heading is not the finding; signs and their absence abroad
    ("Cauda equina screen: saddle anaesthesia - no; urinary retention - no; leg weakness - no.",
     "cord_compression_signs", "absent"),
    ("Rugpijn, maar geen neurologische uitval; mictie en defecatie ongestoord.", "cord_compression_signs", "absent"),
    ("背部痛に加え、本日より両下肢脱力と尿閉が出現。", "cord_compression_signs", "present"),
    # the primary cancer abroad
    ("bei ossär metastasiertem Prostata-Ca.", "known_solid_cancer", "present"),
    ("В анамнезе рак молочной железы.", "known_solid_cancer", "present"),
    # Russian, Korean, Chinese and Hungarian reports and labs
    ("Электрофорез белков сыворотки - М-градиент не выявлен.", "m_protein", "absent"),
    ("Коагулограмма: фибриноген 1,2 г/л - заключение: ДВС-синдром.", "dic", "present"),
    ("нормобласты 12 на 100 лейкоцитов, миелоциты 4 %", "leukoerythroblastic_film", "present"),
    ("на этом фоне множественные очаги (тело Th9, крестец, левая подвздошная кость) SUVmax до 6,2.", "focal_lesions",
     "present"),
    ("повышение накопления ФДГ в костном мозге осевого скелета, проксимальных и средних отделов диафизов бедренных и "
     "плечевых костей", "appendicular_extension", "present"),
    ("양측 대퇴골 및 상완골 간부까지 연장. CT상 척추, 골반에 다발성 미만성 경화성 변화.", "sclerotic_lesions", "present"),
    ("양측 대퇴골 및 상완골 간부까지 연장.", "appendicular_extension", "present"),
    ("摄取延伸至双侧肱骨及股骨骨干。未见局灶性高代谢骨病灶", "appendicular_extension", "present"),
    ("ráülő multiplex gócokkal (legintenzívebb L1, SUVmax 7,1)", "focal_lesions", "present"),
    ("A CT-n diffúz, foltos szklerózis a csigolyákban és a medencében.", "sclerotic_lesions", "present"),
    ("spleen palpable to umbilicus, ~10 cm below costal margin, 23 cm on US.", "massive_splenomegaly", "present"),
])
def test_what_the_lm_to_lo_batches_and_c58_taught(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    fact = snap.facts.items.get(finding)
    stated = fact.status if fact is not None and fact.origin != "assumed" else None  # (not what silence assumes)
    assert stated == status


@pytest.mark.parametrize(("note", "finding", "days"), [
    # a date before the drug given on it; a scan "with 18F-FDG" and a scan's date in a bracket after "badanie"
    ("Последний курс 12.02.2025; на следующий день, 13.02.2025, введён эмпэгфилграстим (Экстимия) 7,5 мг п/к. "
     "ПЭТ/КТ с 18F-ФДГ 26.03.2025: диффузное повышение.", "days_since_pegfilgrastim", 41),
    ("on 13/02/2025 she received pegfilgrastim. PET/CT with 18F-FDG 26.03.2025: diffuse uptake",
     "days_since_pegfilgrastim", 41),
    ("Otrzymał filgrastym Zarzio 30 mln j. s.c. od 04.03 do 08.03.2025 (5 dawek). PET/CT (badanie 15.04.2025, "
     "zlecone w kierunku FUO): rozlane gromadzenie.", "days_since_gcsf", 38),
    # "last inj" is the drug's last dose, and a cycle's date is not the drug's
    ("C3 given 02/05, filgrastim d3-d10 (last inj 11/05), PET 17/05.", "days_since_gcsf", 6),
])
def test_growth_factor_dates_the_lo_batch_taught(shipped: Bundle, note: str, finding: str, days: int) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(days)


@pytest.mark.parametrize(("note", "finding", "value"), [
    # voice dictation: numbers said in words, and the punctuation said aloud
    ("Bloods today haemoglobin eight point one comma platelets forty two comma white cells one point nine full stop",
     "hb", 8.1),
    ("Bloods today haemoglobin eight point one comma platelets forty two comma white cells one point nine full stop",
     "platelets", 42),
    ("Bloods today haemoglobin eight point one comma platelets forty two comma white cells one point nine full stop",
     "wbc", 1.9),
    ("temperature thirty eight point six twelve days ago", "temperature", 38.6),
    ("ferritin eighteen thousand four hundred, CRP two hundred and fourteen", "ferritin", 18400),
    ("ferritin eighteen thousand four hundred, CRP two hundred and fourteen", "crp", 214),
    ("Hämoglobin acht Komma eins Komma Thrombozyten zweiundvierzig Punkt", "platelets", 42),
    ("emoglobina otto virgola uno virgola piastrine quarantadue punto a capo", "hb", 8.1),
    ("plaquetas cuarenta y dos mil, hemoglobina ocho coma uno", "platelets", 42),
    ("hemoglobina oito vírgula um, plaquetas quarenta e dois", "platelets", 42),
    ("Hb osiem przecinek jeden, płytki czterdzieści dwa", "hb", 8.1),
    ("trombocyter fyrtiotvå, Hb åtta komma ett", "platelets", 42),
    # short labels read only with a value in the lab's own units
    ("PCR 214 mg/L, VSG 98 mm/h.", "crp", 214),
    ("ККС: Hb 82 g/L, Le 5,4 ×10⁹/L, Неу 3,2 ×10⁹/л.", "wbc", 5.4),
    ("Le (x10^9/L)  5,4", "wbc", 5.4),
    ("Analítica: Hb 11,3 / Leuc 38,6 / Plaq 412", "wbc", 38.6),
    # the time of a sample between the lab and its value; a value at discharge does not replace the scan's
    ("Hb on admission 7.2, Hb on discharge 9.9", "hb", 7.2),
    ("Hb all'ingresso 7,2 g/dl", "hb", 7.2),
    # "homog." is a shortened word, not the end of the sentence that names the marrow
    ("marrow mildly ↑ diffusely, homog., SUVmax 2,9 (liver 2,3); linear foci R ribs 6–8 SUVmax 4,5 on fracture lines",
     "marrow_suvmax", 2.9),
    ("骨髄にびまん性・均一なFDG集積亢進（SUVmax 4.3、肝 2.5）。", "liver_suvmax", 2.5),
])
def test_dictated_and_terse_values_are_read(shipped: Bundle, note: str, finding: str, value: float) -> None:
    """lq_ and lp_: letters dictated through voice recognition ("haemoglobin eight point one comma") and terse MDT
    lines ("Hb 11,3 / Leuc 38,6", "PCR 214 mg/L") lost their counts, and with them the cytopenia red flags."""
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    # "Ø" (and the empty-set sign) for "none" in terse notes
    ("• Well, plays football 3×/wk. Ø fever, Ø bone pain. Never chemo, never G-CSF.", "fever", "absent"),
    ("spleen N; Ø focal bone lesion; Ø nodal/visceral disease", "focal_lesions", "absent"),
    ("∅ fever, ⌀ focal lesions", "focal_lesions", "absent"),
    ("Nunca G-CSF exógeno, Ø QT previa.", "gcsf_exposure", "absent"),
    ("化学療法歴・G-CSF製剤投与歴なし。", "chemo_exposure", "absent"),
    # "PET-TC" is the scan, not platelets ("Tc"); the words of dictation are not numbers when they are everyday words
    ("PET-TC 13/01: masa LSD 9,4 cm", "platelets", None),
    ("her iki humerus ve femur diyafizlerinde orta üçlüye kadar simetrik uzanım", "appendicular_extension", "present"),
    ("no fevers comma no sweats full stop new paragraph", "fever", "absent"),
    ("Refiere 'fiebre de treinta y nueve' hace dos meses, ya resuelta.", "fever", None),
    ("foci on fracture lines/callus + L distal radius around plate", "foci_at_injury", "present"),
    ("+ 3 ložiska v žebrech (6. a 8. vpravo, 5. vlevo) SUVmax 4,2 – ?meta", "focal_lesions", "present"),
])
def test_terse_and_dictated_statements_are_read(shipped: Bundle, note: str, finding: str, status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    fact = snap.facts.items.get(finding)
    assert (fact.status if fact is not None and fact.origin != "assumed" else None) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    # dictation in more languages: Norwegian, Danish, Czech, Greek, Romanian; a number glued to "-year-old"
    ("Syttifem år gammel kvinne komma hemoglobin åtte komma en punktum", "hb", 8.1),
    ("Temperatur trettini komma tre punktum frysninger punktum", "temperature", 39.3),
    ("Halvfjerdsårig mand komma hæmoglobin fem komma tre punktum trombocytter halvfems punktum", "platelets", 90),
    ("Pacient sedmdesát dva let čárka hemoglobin osmdesát jedna tečka trombocyty třicet tečka", "platelets", 30),
    ("Teplota třicet osm celá sedm tečka", "temperature", 38.7),
    ("Άνδρας εβδομήντα ενός ετών κόμμα αιμοσφαιρίνη οκτώ κόμμα ένα τελεία", "hb", 8.1),
    ("Pacient în vârstă de șaizeci și nouă de ani virgulă hemoglobină opt virgulă patru punct", "hb", 8.4),
    ("Einundsiebzigjähriger Patient Komma Hb acht Komma eins Punkt", "age", 71),
    # hundreds said as a digit, years said in pairs, percent said in words
    ("BP one twenty over seventy comma LDH one ninety full stop", "ldh", 190),
    ("leucocite douăzeci și patru virgulă șase virgulă neutrofile optzeci și opt la sută", "anc", 21.65),
    # the marrow's value with the marrow named between; a count whose order is said in a bracket
    ("dřeň páteře a pánve celkově pod úrovní jater, SUVmax dřeně 1,4, játra 2,2", "marrow_suvmax", 1.4),
    ("FBC (Hb/WCC/Plt) 84/1.1/42. Film: blasts Ø, teardrops +", "platelets", 42),
    # dates: a Dutch course without its year, a scan "today" in a dated handover, a "peg" dose by the cycle's day
    ("Overdracht, vrijdag 07-03-2025\nPET-CT vandaag. filgrastim 30 ME s.c. dd van 30-01 t/m 03-02 (5 doses).",
     "days_since_gcsf", 32),
    ("C1 D1 03/06 + peg D2 (04/06)\nC2 D1 24/06 – Ø peg\nC3 D1 15/07 – Ø peg\niPET 30/07 (= D15 C3)",
     "days_since_pegfilgrastim", 56),
    ("adj EC ×4 q2w + peg each cycle (last peg 16/02/24) → weekly pacl ×12 (last 17/05/24) → RT. "
     "PET-CT (outside, 05/10/24): diffuse", "days_since_pegfilgrastim", 232),
])
def test_what_the_lr_to_lt_batches_and_c59_to_c61_taught_values(shipped: Bundle, note: str, finding: str,
                                                                value: float) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


@pytest.mark.parametrize(("note", "finding", "status"), [
    ("3 sem fiebre (Tª máx 38,4), edemas MMII", "fever", "present"),  # Spanish weeks, not Portuguese "without"
    ("Teplota 37,2, nehorečí.", "fever", "absent"),
    ("Hemoculturi 3 seturi negative.", "positive_blood_cultures", "absent"),
    ("EO: splenomegalia enorme, polo inf. 9 cm dall'arco (eco 22 cm).", "massive_splenomegaly", "present"),
    ("Milza palpabile fino a 9 cm dall'arcata costale.", "massive_splenomegaly", "present"),
    ("PEG tube inserted 03/06.", "gcsf_exposure", None),
    ("Spleen normal in size (10.8 cm); splenic uptake below that of the liver.", "spleen_uptake_high", "absent"),
    ("Small enostosis (bone island) in the right femoral neck, 7 mm, no uptake - incidental. No suspicious osseous "
     "lesion.", "focal_lesions", "absent"),
    ("Skull vault: multiple well-defined 3-8 mm lucencies, pepper-pot appearance.", "lytic_lesions", "present"),
    ("Non lesioni focali scheletriche. Non aree di osteolisi né di osteoaddensamento.", "sclerotic_lesions", "absent"),
    ("Pas de lésion lytique ni condensante.", "sclerotic_lesions", "absent"),
    ("Lésion condensante de 6 mm du corps vertébral de T9, non hypermétabolique, en faveur d'un îlot osseux "
     "condensant bénin.", "sclerotic_lesions", None),
    ("остеосклеротических изменений нет.", "sclerotic_lesions", "absent"),
    ("Focal uptake in the posterior left iliac crest (SUVmax 5.4) corresponds to the trephine biopsy performed six "
     "days before the scan.", "foci_at_injury", "present"),
    ("Z.n. Beckenkammbiopsie rechts vor 4 Tagen, dort fokale Mehrspeicherung, am ehesten postinterventionell-reaktiv.",
     "foci_at_injury", "present"),
    ("multiplex fokális lézió (Th11 csigolyatest SUVmax 6,1 paravertebrális lágyrész-komponenssel)",
     "extramedullary_masses", "present"),
    ("2 napja bal láb zsibbadás + gyengeség", "cord_compression_signs", "present"),
])
def test_what_the_lr_to_lt_batches_and_c59_to_c61_taught(shipped: Bundle, note: str, finding: str,
                                                          status: str | None) -> None:
    _, snap = Engine(shipped).assess(note)
    fact = snap.facts.items.get(finding)
    assert (fact.status if fact is not None and fact.origin != "assumed" else None) == status


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("FBC D10 C3: 2.1/0.6/10.2/98 (WCC/ANC/Hb/plt)", "anc", 0.6),
    ("FBC D10 C3: 2.1/0.6/10.2/98 (WCC/ANC/Hb/plt)", "platelets", 98),
    ("Hb/WCC/Plt/ANC 84/1.1/42/0.3", "anc", 0.3),
])
def test_slashed_counts_are_read_by_the_names_slashed_beside_them(shipped: Bundle, note: str, finding: str,
                                                                  value: float) -> None:
    """lt_: "2.1/0.6/10.2/98 (WCC/ANC/Hb/plt)" - a registrar's shorthand for a blood count, names after values."""
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(value)


def test_slashed_names_that_are_not_all_labs_read_nothing(shipped: Bundle) -> None:
    _, snap = Engine(shipped).assess("CT/PET/MRI 12/03/25 reviewed.")
    assert snap.facts.value("platelets") is None and snap.facts.value("hb") is None


@pytest.mark.parametrize(("note", "finding", "days"), [
    # a list of the doses' dates is read at its last; the last dose "about N weeks ago", ago said first, in Turkish
    ("Pegfilgrastim 6 mg d2: 18.02. · 04.03. · 18.03. · 01.04.2025 - alle verabreicht. PET/CT 14.05.2025: KM diffus",
     "days_since_pegfilgrastim", 43),
    ("Pegfilgrastim 6 mg D2: 07/01, 21/01, 04/02 and 18/02/2025. PET-CT 04/04/2025: mild", "days_since_pegfilgrastim",
     45),
    ("filgrastim; última dose há cerca de 5 semanas", "days_since_gcsf", 35),
    ("filgrastim; last dose about 5 weeks ago", "days_since_gcsf", 35),
])
def test_growth_factor_dates_the_lu_and_lv_batches_taught(shipped: Bundle, note: str, finding: str, days: int) -> None:
    _, snap = Engine(shipped).assess(note)
    assert snap.facts.value(finding) == pytest.approx(days)
