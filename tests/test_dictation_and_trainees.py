"""Notes dictated through speech recognition and notes written by trainees (the twelfth session's blind batches
and corpora): words voice recognition misheard, corrections said mid-sentence, questions nobody asked yet, and
treatments not yet started, read on the shipped knowledge base."""

from __future__ import annotations

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.text import SoundAlikes, SpokenCorrections


@pytest.fixture(scope="module")
def engine(shipped: Bundle) -> Engine:
    return Engine(shipped)


def facts(engine: Engine, note: str) -> dict[str, tuple[str | None, float | None]]:
    _, snap = engine.assess(note)
    return {f.finding: (f.status, f.value) for f in snap.facts}


# ------------------------------------------------------------------ the text readers on their own

def test_sound_alikes_keep_every_offset() -> None:
    sound = SoundAlikes({"new lasta": "neulasta"}, {"platelets", "haemoglobin", "hemoglobin"},
                        known={"no", "and", "a"}, cutoff=88.0, words={"thrombozyten"})
    text = "new Lasta d2, plate lets 40, hem a globin 8.1, Thrombo Zyten 42"
    read = sound.read(text, dictated=True)
    assert len(read) == len(text)
    assert read.split() == ["neulasta", "d2,", "platelets", "40,", "hemoglobin", "8.1,", "thrombozyten", "42"]
    # a close join is made only in a note that shows it was dictated; an exact one always
    assert sound.read("hem a globin 8.1", dictated=False) == "hem a globin 8.1"
    assert sound.read("plate lets 40", dictated=False).split() == ["platelets", "40"]


def test_sound_alikes_leave_words_of_their_own() -> None:
    sound = SoundAlikes({}, {"asymetricky", "platelets"}, known={"no", "and"}, cutoff=88.0)
    # the Czech "a" (and) before "symetricky" is a word of its own, not the start of "asymetricky"
    assert sound.read("difúzně a symetricky", dictated=True) == "difúzně a symetricky"
    # letters said one by one are the abbreviation; one capital alone is not
    assert sound.read("L D H 410, T 38.2", dictated=True) == "LDH   410, T 38.2"


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("Hb 9.1, sorry, 8.1 today", "8.1", "9.1"),
    ("Kein Fieber, Entschuldigung, streichen, Fieber bis 39.2", "Fieber bis 39.2", "Kein"),
    ("Salmon coloured rash, no, sorry, that was the last patient, no rash", "no rash", "Salmon"),
    ("transplant in 2018 for myeloma, sorry, 2021", "myeloma", "2018"),
])
def test_spoken_corrections_take_back_what_was_just_said(text: str, kept: str, gone: str) -> None:
    read = SpokenCorrections(["sorry", "entschuldigung", "streichen"]).read(text)
    assert len(read) == len(text)
    assert kept in read and gone not in read


def test_a_sorry_that_corrects_nothing_is_left_alone() -> None:
    corrections = SpokenCorrections(["sorry"])
    for text in ("Sorry for the delay, no fever.", "Pt sorry to bother us; Hb 8.1"):
        assert corrections.read(text) == text


# ------------------------------------------------------------------ dictated notes, read whole

@pytest.mark.parametrize(("note", "finding", "status", "value"), [
    ("Patient received new Lasta on day two of cycle three comma last dose eleven days ago full stop",
     "gcsf_exposure", "present", None),
    ("plate lets forty two comma hem a globin eight point one full stop", "platelets", None, 42.0),
    ("plate lets forty two comma hem a globin eight point one full stop", "hb", None, 8.1),
    ("Sue V max of the lumbar marrow seven point two comma liver two point four full stop", "marrow_suvmax", None, 7.2),
    ("Twenty six year old male comma rig ores and shakes since Tuesday comma", "rigors", "present", None),
    ("Fair it in three thousand four hundred comma fiber noggin one point one full stop", "ferritin", None, 3400.0),
    ("Fair it in three thousand four hundred comma fiber noggin one point one full stop", "fibrinogen", None, 1.1),
    ("L D H eleven hundred comma H I V negative full stop", "ldh", None, 1100.0),
    ("L D H eleven hundred comma H I V negative full stop", "hiv", "absent", None),
    ("Hepato spleen oh megaly comma liver nineteen centimetres", "hepatosplenomegaly", "present", None),
    ("Ausstrich: Leuko erythroblastisches Blutbild mit Normoblasten Punkt", "leukoerythroblastic_film", "present", None),
    # digits said one by one, but not an article before a number, nor a nought first
    ("Bloods haemoglobin one two one, white cells nine point eight, platelets four one two", "hb", None, 12.1),
    ("Bloods haemoglobin one two one, white cells nine point eight, platelets four one two", "platelets", None, 412.0),
    ("SUVmax of the lumbar marrow 7.2, liver 2.4.", "marrow_suvmax", None, 7.2),
    # corrections said mid-sentence
    ("Bloods this morning, platelets of four hundred, sorry, I mean platelets of forty", "platelets", None, 40.0),
    ("ANC zero point eight, sorry, eight point zero, the neutrophils are fine", "anc", None, 8.0),
    ("Kein Fieber, Entschuldigung, streichen, Fieber bis neununddreißig Komma zwei seit gestern Punkt",
     "fever", "present", None),
    ("Febbre no, scusa, febbre sì, trentotto e otto la sera", "fever", "present", None),
    ("Salmon coloured rash, no, sorry, that was the last patient, this lady has no rash at all", "rash", "absent", None),
])
def test_dictated_notes_are_read_as_said(engine: Engine, note: str, finding: str, status: str | None,
                                         value: float | None) -> None:
    got = facts(engine, note).get(finding)
    assert got is not None, finding
    if status is not None:
        assert got[0] == status
    if value is not None:
        assert got[1] == pytest.approx(value)


# ------------------------------------------------------------------ trainees' notes

@pytest.mark.parametrize(("note", "finding"), [
    ("Didn't ask about bone pain. Denies night sweats, wt stable.", "bone_pain"),
    ("Douleurs osseuses : non recherchées.", "bone_pain"),
    ("Nachtschweiß: nicht gefragt. Gewichtsverlust 8 kg in 3 Monaten.", "night_sweats"),
    ("Botpijn niet uitgevraagd. Geen nachtzweten, wel erg moe.", "bone_pain"),
    ("Not known yet whether she's had any EPO — renal team manage her anaemia.", "esa_exposure"),
    ("FY1 clerking: DLBCL dx 2 wks ago, not yet started R-CHOP.", "chemo_exposure"),
    ("DLBCL, chemotherapy not yet started.", "chemo_exposure"),
    # a belly's tenderness is not the bone's
    ("tenderness in the right iliac fossa", "bone_pain"),
    ("RIF tenderness, guarding", "bone_pain"),
])
def test_what_was_not_asked_or_not_started_is_not_present(engine: Engine, note: str, finding: str) -> None:
    assert facts(engine, note).get(finding, (None, None))[0] != "present"


@pytest.mark.parametrize("note", [
    "Pain R hip 3/10 on walking, L chest wall 4/10 on coughing. No back pain, no other bone pain.",
    "pain L hip since the fall",
])
def test_a_side_between_pain_and_bone_is_still_bone_pain(engine: Engine, note: str) -> None:
    assert facts(engine, note)["bone_pain"][0] == "present"


@pytest.mark.parametrize(("note", "finding", "value"), [
    ("A 34-year-old woman was referred with a six-week history of bone pain and fever of 38.9", "temperature", 38.9),
    ("neutrophils nought four, temperature thirty eight point nine", "temperature", 38.9),
])
def test_an_article_or_a_nought_does_not_start_digits(engine: Engine, note: str, finding: str, value: float) -> None:
    assert facts(engine, note)[finding][1] == pytest.approx(value)


def test_a_general_statement_is_not_the_patient(engine: Engine) -> None:
    got = facts(engine, "Relapse after allo usually comes with falling chimerism or MRD positivity - both reassuring.")
    assert got.get("relapse_markers", (None, None))[0] != "present"


# ------------------------------------------------------------------ consultation transcripts

@pytest.mark.parametrize(("note", "finding", "status"), [
    ("DOC: Any night sweats?\nPT: No.", "night_sweats", "absent"),
    ("Dr: Night sweats?\nPt: Yes, drenching.", "night_sweats", "present"),
    ("Dr: Any night sweats?\nPt: Soaking, most nights.", "night_sweats", "present"),
    ("[14:05] Dr. Patel: Any bone pain?\n[14:06] Patient: Nope.", "bone_pain", "absent"),
    ("Dr: Have you had any fevers? Pt: Not since the chemo finished. Dr: Right.", "fever", "absent"),
    ("Dr: Any rash? Pt: Not that I've noticed.", "rash", "absent"),
    ("Dr: Any fevers, sweats or weight loss?\nPt: No, none of that.", "weight_loss", "absent"),
    ("MÉDICA: ¿Sudores nocturnos?\nPACIENTE: Empapo la almohada.", "night_sweats", "present"),
])
def test_a_question_and_the_next_speakers_answer_read_as_one(engine: Engine, note: str, finding: str,
                                                              status: str) -> None:
    assert facts(engine, note)[finding][0] == status


@pytest.mark.parametrize(("note", "finding"), [
    # a doubt or a question back leaves the question open
    ("Dr: Have you lost any weight? Pt: Maybe? My trousers feel looser. Dr: We'll weigh you.", "weight_loss"),
    ("Dr: Any fevers? Pt: Is that bad? Dr: Not necessarily.", "fever"),
])
def test_an_answer_in_doubt_leaves_the_question_open(engine: Engine, note: str, finding: str) -> None:
    assert facts(engine, note).get(finding, (None, None))[0] != "present"


def test_a_header_of_fields_is_not_a_transcript() -> None:
    from marrowchat.core.text import TranscriptTurns

    turns = TranscriptTurns(["patient", "consultant", "dr", "pt"], ["yes"], ["no"], ["maybe"])
    header = "Patient: M, 34 y. Admitted 02/09/2025\nConsultant: Dr R. Okafor (Acute Medicine)"
    assert turns.read(header) == header
    said = "Dr: Any night sweats?\nPt: Soaking, most nights."
    read = turns.read(said)
    assert len(read) == len(said) and "\n" not in read and read.split()[-3:] == ["yes,Soaking,", "most", "nights."]


# ------------------------------------------------------------------ low-resource settings

@pytest.mark.parametrize(("note", "finding", "status"), [
    ("PF: splenomegali Schuffner VII (teraba +/- 15 cm di bawah arcus costae)", "massive_splenomegaly", "present"),
    ("Spleen Hackett 4, liver 3 cm.", "massive_splenomegaly", "present"),
    ("Splenomegali masif (panjang 24 cm), ambilan difus SUVmax 3,3", "massive_splenomegaly", "present"),
    ("ambilan FDG sumsum tulang difus homogen termasuk humerus dan femur proksimal-tengah", "appendicular_extension",
     "present"),
    ("Historia: homa ya kupanda na kushuka wiki 7, kutokwa jasho jingi usiku, maumivu ya mgongo wa chini",
     "night_sweats", "present"),
    ("Historia: homa ya kupanda na kushuka wiki 7, kutokwa jasho jingi usiku, maumivu ya mgongo wa chini",
     "bone_pain", "present"),
    ("Mgonjwa: mfugaji. Anakunywa maziwa mabichi.", "livestock_raw_dairy", "present"),
    ("Hakuna tezi zilizovimba. Hakuna udhaifu wa miguu.", "lymphadenopathy", "absent"),
])
def test_notes_from_district_hospitals_are_read(engine: Engine, note: str, finding: str, status: str) -> None:
    assert facts(engine, note)[finding][0] == status


@pytest.mark.parametrize(("said", "value"), [("four point eight", 4.8), ("twelve", 12.0), ("4.8", 4.8)])
def test_a_number_question_takes_a_number_said_in_words(engine: Engine, said: str, value: float) -> None:
    """Found in tmux: answering "Marrow SUVmax?" with "four point eight" had said "I did not find a number"."""
    state = engine.new_session()
    for answer in ("1", "2", "2"):  # homogeneous, no focal lesions, no long-bone extension
        state, snap = engine.answer(state, answer, stamp=False)
    assert snap.current is not None and snap.current.id == "marrow_suvmax"
    state, snap = engine.answer(state, said, stamp=False)
    assert snap.facts.value("marrow_suvmax") == pytest.approx(value)


def test_a_dictated_colon_after_a_heading_is_the_mark(engine: Engine) -> None:
    """Found in tmux: "PET colon sue V max four point eight" had set the SUVmax aside as the bowel's."""
    got = facts(engine, "PET colon sue V max four point eight comma liver two point two full stop")
    assert got["marrow_suvmax"][1] == pytest.approx(4.8)
    # the bowel's own words keep it the bowel; a note that was not dictated keeps every colon as written
    from marrowchat.core.text import DictationMarks

    marks = DictationMarks({"full_stop": ["full stop"]})
    assert marks.read_headed_colons("Sigmoid colon thickened.") == "Sigmoid colon thickened."
    assert marks.read_headed_colons("Family history colon mother had lymphoma.") == (
        "Family history :     mother had lymphoma.")


@pytest.mark.parametrize(("note", "days"), [
    ("R-CHOP cycle four day twelve today, new Lasta on day two.", 12.0),
    ("R-CHOP cycle 4 day 12 today, Neulasta on day 2.", 12.0),
    ("chemo cycle 4 days ago", 4.0),
])
def test_a_regimen_cycle_and_its_day_date_the_chemotherapy(engine: Engine, note: str, days: float) -> None:
    """Found in tmux: "R-CHOP cycle four day twelve" had not dated the chemotherapy ("C4 day 12" had)."""
    assert facts(engine, note)["days_since_chemo"][1] == pytest.approx(days)


def test_a_growth_factors_cycle_and_day_are_not_a_time_since(engine: Engine) -> None:
    assert "days_since_chemo" not in facts(engine, "Pegfilgrastim cycle 3 day 2")
