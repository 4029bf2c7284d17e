"""Pydantic models for every file format marrowchat reads.

Every model forbids unknown keys, so a mistyped key in a data file is an error, not a silent no-op.
Cross-references (ids that point at other entries) are checked separately in
:mod:`marrowchat.core.validation`, which collects every problem instead of stopping at the first.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

Section = Literal["uptake", "symptoms", "labs", "imaging", "history"]
Status = Literal["present", "absent"]
Category = Literal[
    "physiological",
    "reactive",
    "infectious-inflammatory",
    "paraneoplastic",
    "malignant infiltration",
    "not a cause",
]
Grade = Literal["A", "B", "C", "D"]
Urgency = Literal["routine", "soon", "urgent", "emergency"]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


# --------------------------------------------------------------------------- references


class Reference(Strict):
    """One literature source. `key` is what weights and claims cite (e.g. ``S12``)."""

    key: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    citation: str = Field(min_length=5)


class ReferencesFile(Strict):
    references: list[Reference]


# --------------------------------------------------------------------------- findings


class Unit(Strict):
    """A unit a value may be given in; ``factor`` converts it to the finding's canonical unit."""

    unit: str = Field(min_length=1)
    factor: float = 1.0
    offset: float = Field(default=0.0, description="added before the factor: °F -> °C is (F - 32) x 5/9")
    aliases: list[str] = []


class Threshold(Strict):
    """Turns a numeric value into a boolean finding: present when ``value <op> at`` holds, else absent."""

    sets: Id
    op: Literal["lt", "le", "gt", "ge"]
    at: float
    source: str = Field(min_length=1, description="reference key or 'estimate'")
    rationale: str | None = None


class Computed(Strict):
    """A value computed from two other numeric findings, e.g. marrow SUVmax / liver SUVmax."""

    ratio: tuple[Id, Id]
    # the larger over the smaller, whichever that is (involved/uninvolved free light chains: kappa or lambda)
    larger_over_smaller: bool = False


class Finding(Strict):
    id: Id
    label: str = Field(min_length=1)
    section: Section
    kind: Literal["boolean", "numeric"] = "boolean"
    synonyms: list[str] = []
    description: str | None = None
    # numeric only
    units: list[Unit] = []
    plausible: tuple[float, float] | None = None
    thresholds: list[Threshold] = []
    computed: Computed | None = None
    # a numeric "days since" value is read near these words (e.g. "neulasta 5 days ago")
    anchors: list[str] = []
    # words that take a date only right after "days post/after/since" ("8 days post peg": "peg" alone may be a
    # feeding tube)
    after_anchors: list[str] = []
    # boolean only: a number right after a mention of this finding is a value of that numeric finding
    # ("febrile to 39.1" -> temperature 39.1, "raised LDH 540" -> LDH 540)
    measured_by: Id | None = None
    # boolean only: this finding is implied present when any of these is present
    implied_by: list[Id] = []
    # boolean only: this finding is implied absent when any of these is stated absent - the denial of a broader
    # finding denies its parts ("no hepatosplenomegaly": no splenomegaly, no hepatomegaly; "spleen not enlarged":
    # no massive splenomegaly), unless the note says otherwise of the part
    denied_by: list[Id] = []
    # boolean only: words that merely suggest this finding ("cycle" for chemotherapy); an explicit denial in the
    # same note ("no chemotherapy") outweighs them, and so do the values dated from them ("day 11 of the cycle")
    weak_terms: list[str] = []
    # boolean only: treatments given in cycles that are not this finding ("on pembrolizumab, C6 given 11 days ago"):
    # when the note names one of them and nothing stronger names this finding, the weak words are theirs
    weak_terms_yield_to: list[str] = []
    # boolean only: an emergency that a suspicion is enough to act on - "likely cord compression", "?MSCC" are
    # recorded as present (the trace keeps the doubt word), not set aside as uncertain
    suspicion_is_enough: bool = False
    # boolean only: present when this condition over other findings holds; absent when it fails with
    # every finding it names known (e.g. bicytopenia from the individual counts)
    derived_when: Predicate | None = None
    derived_source: str | None = None
    # boolean only: in a one-shot note (`assess`) that never mentions this finding, count it as absent with this
    # fraction of its weight - a drug or a transplant is nearly always named when it was given
    silence: float | None = Field(default=None, gt=0, le=1)
    # numeric only: a value given as "N %" is that share of this other count ("neutrophils 38 %" of the WBC)
    percent_of: Id | None = None
    # numeric only: a ratio written either way up - below 1 it is read as its reciprocal (a kappa/lambda ratio of
    # 0.008 is an involved/uninvolved ratio of 125)
    reciprocal_below_one: bool = False
    # boolean only: a relative's mention is the patient's exposure ("brother treated for TB"), not family history
    family_is_exposure: bool = False
    # boolean only: a measurement in the same note outranks the word: "recent G-CSF" with "last dose 63 days ago",
    # "no pressors" with BP 86/50 (thresholds and derived_when rules both). "present": only a measurement that makes
    # the finding present outranks a stated denial ("no fever" with T 38.6), while a normal reading leaves a stated
    # finding alone (a history of fevers with T 37.1 today)
    yields_to_value: bool | Literal["present"] = False
    silence_rationale: str | None = None

    @property
    def canonical_unit(self) -> str | None:
        return self.units[0].unit if self.units else None


class FindingsFile(Strict):
    findings: list[Finding]


_ENGLISH_LINKS = ("in", "in the", "in both", "in his", "in her", "in my", "of the", "of", "over the", "over",
                  # a side between the complaint and its site ("pain in right buttock", "over the left hip")
                  "in right", "in left", "in the right", "in the left",
                  # and abbreviated ("new aching in the L hip at night")
                  "in the l", "in the r", "in l", "in r", "over the l", "over the r",
                  # or with no preposition at all, as lists are typed ("Pain R hip 3/10 on walking")
                  "r", "l", "rt", "lt", "right", "left",
                  # "a deep, gnawing ache across her pelvis", "tenderness over his lower sternum", "aching at the iliac crest"
                  "across", "across the", "across her", "across his", "at the", "on the", "over his", "over her", "over my",
                  # or asked, then told where ("Where's the pain? It's my lower back", "How's the pain? In my hips")
                  "? it's my", "? it's in my", "? in my", "? mostly my", "? mainly my", "? it's mostly my",
                  "? it's mainly my",
                  # or as a form's label and its answer ("Pain: lower back and both hips")
                  ":")


class Composed(Strict):
    """Terms built from a body site and a word for the complaint: sites [lower back, thighs] with complaints
    [pain, ache] and before [aching] give "lower back pain", "pain in the lower back", "aching thighs", ..."""

    sites: list[str] = Field(min_length=1)
    complaints: list[str] = Field(default=[], description="words after the site, or before 'in/over the <site>'")
    before: list[str] = Field(default=[], description="words before the site ('aching knees', 'tender sternum')")
    after: list[str] = Field(default=[], description="verb phrases after the site only ('bones are sore', 'ribs hurt')")
    spinal_levels: bool = Field(default=False, description="a vertebral level is a site too ('tender at T6', 'L3 pain')")
    links: list[str] | None = Field(default=None, description="words between complaint and site, for another language "
                                    "('en la', 'au niveau du'; '' for none, as in Czech 'bolesti zad'); default English")

    def terms(self) -> list[str]:
        out: list[str] = []
        links = self.links if self.links is not None else _ENGLISH_LINKS
        for site in self.sites:
            for word in self.complaints:
                out.append(f"{site} {word}")
                for link in links:
                    out.append(f"{word} {link} {site}" if link else f"{word} {site}")
            out.extend(f"{word} {site}" for word in self.before)
            out.extend(f"{site} {word}" for word in self.after)
        return out


class Near(Strict):
    """Two kinds of word close together in one clause, in either order: a body word and a complaint word ("the
    bones in my back feel crushed", "me duelen los huesos", "kemiklerim sızlıyor"). A word ending in "*" is a stem."""

    a: list[str] = Field(min_length=1, description="single words of the first kind ('bones', 'huesos', 'kemik*')")
    b: list[str] = Field(min_length=1, description="single words of the second kind ('ache', 'duelen', 'sızl*')")
    window: int = Field(default=4, ge=1, le=8, description="at most this many words from one to the other")
    not_before: list[str] = Field(default=[], description="a first-kind word followed by one of these is not one "
                                  "('bone marrow', 'bone scan')")
    second_first: bool = Field(default=False, description="the second kind must come first ('higher than the brain', "
                               "not 'brain way higher')")
    not_between: list[str] = Field(default=[], description="words that break the pair when they come between the two "
                                   "('pain under the left ribs' is the belly's)")
    shared_first: bool = Field(default=False, description="a first-kind word may also belong to another term: an "
                               "organ named with its size or state ('Śledziona powiększona, ... z licznymi ogniskami')")


class VocabularyEntry(Strict):
    """Extra words for a finding or a condition: abbreviations, brand names, spellings, typos."""

    finding: Id | None = None
    condition: Id | None = None
    terms: list[str] = []
    # words whose mention means the finding is ABSENT ("afebrile", "apyrexial"); findings only
    absent_terms: list[str] = []
    # names of a TEST whose result is the finding ("blood cultures", "ANA", "QuantiFERON"): read only with a result
    # ("negative", "positive", "grew", a titre); named alone they record nothing and are reported as such
    test_terms: list[str] = []
    composed: Composed | None = None
    near: Near | None = None
    # terms of ANOTHER finding that name this one too: a place is both a leishmaniasis area and a high-TB-burden
    # country ("from Sudan"); the term stays owned by the other entry, and a mention of it records both
    shared: list[str] = []

    def all_terms(self) -> list[str]:
        return [*self.terms, *self.test_terms, *(self.composed.terms() if self.composed else [])]


class VocabularyFile(Strict):
    vocabulary: list[VocabularyEntry]


class ContextRemap(Strict):
    """In a clause that starts with one of `starts` ("Spleen: …"), a mention of `finding` means `becomes`."""

    starts: list[str] = Field(min_length=1)
    finding: Id
    becomes: Id


class ClauseRemap(Strict):
    """In a clause that names one of `words` anywhere ("A 99mTc-MDP bone scan ... superscan appearance"), a mention
    of `finding` means `becomes`: the words say which test the finding was seen on."""

    words: list[str] = Field(min_length=1)
    finding: Id
    becomes: Id


class NormalPercent(Strict):
    """Below these percentages a finding's value is normal: in the blood, and in a clause that names the marrow."""

    blood: float = Field(ge=0, le=100)
    marrow: float = Field(ge=0, le=100)
    marrow_words: list[str] = Field(min_length=1)


class SpokenNumbers(Strict):
    """One language's numbers said in words, as dictation writes them ("haemoglobin eight point one", "Hb acht Komma
    eins", "piastrine quarantadue"): read as digits."""

    words: dict[str, int] = Field(min_length=1, description="number word -> value; 100 and 1000 multiply what comes "
                                  "before them ('two hundred', 'dreihundert'); glued compounds ('zweiundvierzig', "
                                  "'quarantadue') are read by splitting them into these words and the joiners")
    decimal: list[str] = Field(default=[], description="the word for the decimal mark ('point', 'Komma', 'virgola'): "
                               "read only between number words, so a dictated comma is left alone")
    joiners: list[str] = Field(default=[], description="words that join the parts of one number ('one hundred AND "
                               "twelve', 'cuarenta Y dos', 'zwei-UND-vierzig')")
    suffixes: list[str] = Field(default=[], description="endings glued to a number that are kept after its digits "
                                "('einundsiebzigjähriger' -> '71-jähriger', 'vijfenzeventigjarige' -> '75-jarige')")
    ambiguous: list[str] = Field(default=[], description="number words that are also everyday words (the articles "
                                 "'un', 'ein', 'a'; Spanish 'once', Swedish 'sex', Dutch 'onze'): read only inside a "
                                 "run of two or more number words")


class NoteAnswers(Strict):
    yes: list[str] = Field(default=[], description="words that answer yes ('Night sweats? Ja')")
    no: list[str] = Field(default=[], description="words that answer no ('Fever? Denies', 'Any ...? Says no to all')")
    opens: list[str] = Field(default=[], description="words that open a question: an answer reaches back to the "
                             "first of them ('had fever last week, any night sweats? no' denies the sweats only)")


class Words(Strict):
    """The small words the reader steps over or stops at, in every language it reads (compared accent-folded)."""

    number_bridge: list[str] = Field(
        default=[], description="words between a measurement's name and its value ('Hb stable at 10.2', 'Milz "
        "vergrößert auf 24 cm')")
    post_gap: list[str] = Field(
        default=[], description="words between a finding and a negation or result after it ('blood cultures x2 were "
        "all negative', 'uzun kemik diyafizlerine uzanım yok')")
    measuring: list[str] = Field(default=[], description="verbs of measuring ('spleen, measuring 18 cm', 'målt')")
    mass_words: list[str] = Field(default=[], description="a soft-tissue mass, whose SUVmax is its own")
    past_openers: list[str] = Field(
        default=[], description="words opening an aside about the past ('(were normal on 05/11)')")
    normal_words: list[str] = Field(
        default=[], description="denials after a lab's name that report it normal, and so deny the abnormalities its "
        "thresholds name ('calcium normal', 'LDH nella norma'), when a negation trigger after the name says them")
    informant_before: list[str] = Field(
        default=[], description="words before a relative that make them the one who tells, not the one who has it "
        "('History from daughter: fevers')")
    informant_after: list[str] = Field(
        default=[], description="words after a relative that make them the one who tells ('Wife reports night sweats')")
    glued_free: list[str] = Field(
        default=[], description="words that, glued by a hyphen after a finding's name, deny it ('steroid-free', "
        "'fever-free')")
    threshold_after: list[str] = Field(
        default=[], description="words after a value that make it a threshold, not a reading ('Temperature 37.5 or "
        "above -> AMBER')")
    glued_negations: list[str] = Field(
        default=[], description="negations that make a compound when hyphenated to the next word ('non-tender')")
    reference_organs: list[str] = Field(
        default=[], description="organs uptake is measured against ('hotter than the cerebellum')")
    comparison_words: list[str] = Field(default=[], description="words comparing with a reference organ ('above')")
    owning: list[str] = Field(default=[], description="words by which an organ owns what follows ('spleen with foci')")
    and_words: list[str] = Field(
        default=[], description="'and' that keeps what follows with the organ owning the clause")
    bp_labels: list[str] = Field(
        default=[], description="labels that name a blood pressure only with a slashed pair after them ('RR 95/60', "
        "'hypotensive 82/50'; 'RR 22' is a breathing rate)")
    others: list[str] = Field(
        default=[], description="'other' after a negation ('no other focal bone lesions', 'keine weiteren'): it denies "
        "more of what the note has named, not the thing itself")


class Mail(Strict):
    """How an email or chat thread marks what is not the message: sign-offs, reply headers, disclaimers."""

    sign_offs: list[str] = Field(default=[], description="a line of its own that ends a message ('Kind regards', "
                                 "'Mit freundlichen Grüßen', 'Sent from my iPhone'): the signature follows")
    wrote: list[str] = Field(default=[], description="the end of a reply header ('On 3 Mar, Dr X wrote:', "
                             "'a écrit :')")
    separators: list[str] = Field(default=[], description="a quoted message's rule ('-----Original Message-----')")
    header_fields: list[str] = Field(default=[], description="fields of a quoted header block ('From', 'Sent', "
                                     "'Von', 'Envoyé'): two together are a header")
    disclaimers: list[str] = Field(default=[], description="words of a confidentiality footer ('intended "
                                   "recipient', 'AVISO LEGAL')")
    titles: list[str] = Field(default=[], description="titles opening a signature's name line ('Dr', 'Prof')")
    units: list[str] = Field(default=[], description="words of a workplace under a name ('Clinic', 'Institute')")
    keep: list[str] = Field(default=[], description="a line that goes on with the message after a signature "
                            "('PS', 'btw')")


class Baseline(Strict):
    """A complaint the patient has always had is not the one a note asks about: "Known canal stenosis with chronic
    back ache for 20 years. No new bone pain" denies the bone pain that matters. A denial that says "new" outranks
    a mention that says "chronic" in its own sentence, for the findings named here."""

    findings: list[Id] = Field(default=[], description="findings whose chronic mention a denial of the new yields to")
    chronic: list[str] = Field(default=[], description="words of long standing ('chronic', 'for 20 years', "
                               "'chroniques', 'al 30 jaar')")
    new: list[str] = Field(default=[], description="words of the new ('no new bone pain', 'douleur osseuse nouvelle')")


class LanguageFile(Strict):
    """NegEx-style trigger lists and matching thresholds (all data, no code)."""

    negation_pre: list[str]
    negation_post: list[str]
    pseudo_negation: list[str] = []
    uncertainty_pre: list[str] = []
    uncertainty_post: list[str] = []
    item_hedges: list[str] = Field(
        default=[], description="hedges after a finding that doubt that one item, not a list before it ('Fieber, "
        "Nachtschweiß fraglich', 'splénomégalie douteuse'): read as uncertainty after the finding")
    result_words: list[str] = Field(
        default=[], description="words after a test name that make it a positive result ('blood cultures grew', "
        "'ANA positive', 'QuantiFERON reactive')")
    uncertainty_to_end: list[str] = Field(
        default=[], description="uncertainty triggers that open a list: everything after them in the clause is in "
        "doubt ('differential includes A, B and C')")
    work_up: list[str] = Field(
        default=[], description="uncertainty triggers that name a test being done, not a suspicion: a finding whose "
        "suspicion is enough is not recorded after them ('film requested to look for blasts')")
    history_pre: list[str] = []
    family_pre: list[str] = []
    planned_pre: list[str] = Field(default=[], description="what follows is planned, not done ('Plan: R-CHOP')")
    terminators: list[str] = []
    ignore: list[str] = Field(default=[], description="function words never reported as not understood")
    swallow: list[str] = Field(
        default=[], description="terms recognised as naming no finding, with any value after them "
        "('CA 19-9 320' is a tumour marker, not calcium)")
    context_remap: list[ContextRemap] = []
    clause_remap: list[ClauseRemap] = []
    organs: list[str] = Field(
        default=[], description="organs other than the marrow: a marrow finding said of one of them ('lesions in the "
        "lung', 'Liver: homogeneous uptake') is set aside, unless context_remap names what it becomes there")
    lead_only_organs: list[str] = Field(
        default=[], description="organs that only own a clause they start ('Liver: ...'): elsewhere they are the "
        "reference ('uptake above liver')")
    below_margin: dict[str, str] = Field(
        default={}, description="a size finding followed by 'N cm below the costal margin' is not a size but this "
        "numeric finding, the distance the organ reaches: {spleen_length: spleen_below_costal_margin}")
    specimen_bound: dict[str, list[str]] = Field(
        default={}, description="findings read from an organism's name, with the specimens that are not theirs: "
        "'E. coli in the urine' is not a bacteraemia ({positive_blood_cultures: [urine, sputum, ...]})")
    capitals_strict: list[str] = Field(
        default=[], description="abbreviations that are everyday words in lower case ('ALL' and 'all'): read only in "
        "capitals, unless the whole note is typed in lower case")
    capitals_only: list[str] = Field(
        default=[], description="one-word abbreviations not read in mixed case ('MCL' or 'mcl' is mantle-cell "
        "lymphoma; 'Mr S. McL.' is a patient's initials)")
    transplant_day: str | None = Field(
        default=None, description="the numeric finding a scan's 'day +N' sets in a note that names a transplant")
    transplant_findings: list[str] = Field(default=[], description="findings that say a transplant was done")
    local_use: dict[str, list[str]] = Field(
        default={}, description="words that, just after a drug's name, make it a local application, not the drug "
        "given to the body ('Hydrocortisone 1 % cream'): {finding: [words]}")
    reaction_headings: list[str] = Field(
        default=[], description="headings whose line lists reactions to drugs, not the illness ('Allergies/ADRs: "
        "amoxicillin - widespread itchy rash (1998)')")
    highest_kept: list[str] = Field(
        default=[], description="measurements whose highest reading in a note is the one that counts: a fever is its "
        "highest temperature ('T 38.9 on admission. Temp 36.8 today')")
    qualifiers: dict[str, list[str]] = Field(
        default={}, description="findings that, said right after another finding's words, describe it (a Romance "
        "adjective after its noun: 'Non lesioni ossee litiche' denies lytic lesions): {noun finding: [findings]}")
    not_anchors: list[str] = Field(
        default=[], description="phrases whose drug-like word dates nothing: 'iliac crest autograft' is a bone graft, "
        "not the autologous transplant 'autograft' would otherwise date")
    not_negated_by_results: list[str] = Field(
        default=[], description="findings a test result word ('negative', 'sterile') after them does not deny: "
        "'cultures from the central line were negative' says nothing against the line")
    differential_letters: dict[str, Id] = Field(
        default={}, description="a white-cell differential in letters after the count, 'TLC 2100 (N 40 L 52)': "
        "each letter's finding, a percentage of the count before ({n: anc, l: lymphocytes}); read only in pairs")
    dictation_marks: dict[Literal["full_stop", "comma", "semicolon", "question_mark", "new_line", "percent", "colon"],
                          list[str]] = Field(
        default={}, description="punctuation said aloud and left in the text by voice recognition, by the mark it "
        "stands for ({full_stop: ['full stop', 'punto a capo'], comma: ['comma', 'virgola'], new_line: ['new "
        "paragraph']})")
    speakers: list[str] = Field(
        default=[], description="who speaks in a consultation transcript, as its labels name them ('Dr', 'Pt', "
        "'Patient', 'Wife', 'Nurse'): a line's label is furniture, so a question and the next speaker's answer read "
        "as one ('Dr: Any night sweats? / Pt: No.')")
    prompts: list[str] = Field(
        default=[], description="how a speaker in a transcript asks without a question mark ('tell me about', "
        "'describe'): a turn whose last sentence starts with one is a question the next speaker answers ('Dr: Tell "
        "me about the pain. / Pt: It's my shins and my back.')")
    corrections: list[str] = Field(
        default=[], description="what a dictating clinician says to take back what was just said, between commas "
        "('scratch that', 'sorry, I mean', 'streichen', 'perdón'): the item or number before it is not read")
    sound_alikes: dict[str, str] = Field(
        default={}, description="what voice recognition wrote for a word it misheard -> the word that was said "
        "('new lasta': neulasta, 'fiber noggin': fibrinogen); the word is no longer than what it replaces")
    spoken_numbers: dict[str, SpokenNumbers] = Field(
        default={}, description="numbers said in words, per language (ISO 639-1 code -> its words)")
    unit_labels: dict[str, Id] = Field(
        default={}, description="short labels that name a lab only when a value in one of its units follows ('PCR 214 "
        "mg/L' is the Romance languages' CRP, 'Le 5,4 ×10⁹/L' the leukocytes; 'EBV PCR positive' and the French 'le' "
        "are not): label -> numeric finding")
    denied_later_in_clause: dict[Id, list[str]] = Field(
        default={}, description="words that deny a finding anywhere after it in its clause: 'BCs: 1/4 bottles CoNS "
        "(contaminant)' is no bacteraemia ({positive_blood_cultures: [contaminant, ...]})")
    normal_percent: dict[Id, NormalPercent] = Field(
        default={}, description="a finding said with a percentage that is normal in its specimen: 'blasts 0 %' on a "
        "film, 'blasts 2 %' in the marrow say no excess ({blasts: {blood: 1, marrow: 5, marrow_words: [marrow, ...]}})")
    peak_values: dict[Id, Id] = Field(
        default={}, description="measurement -> finding that records its highest value in a note (the marrow SUVmax "
        "is the first value, the background; 'foci up to SUVmax 12.6' is the peak)")
    avidity_negations: list[str] = Field(
        default=[], description="negations that deny uptake only ('not avid'): they leave a size finding standing")
    size_findings: list[Id] = Field(
        default=[], description="findings about size ('enlarged spleen') that an avidity negation does not deny")
    needs_site: list[str] = Field(
        default=[], description="words naming a lesion without its organ: counted only where the clause names one")
    marrow_findings: list[str] = Field(
        default=[], description="findings that describe the marrow, so are attributed to the organ they are said of")
    resolved_tail: list[str] = Field(
        default=[], description="words that, after a comma, say the symptom just named has passed ('bone pain in the "
        "first days after the injection, now resolved')")
    after_scan_labels: list[str] = Field(
        default=[], description="words that put a lab value after the scan ('Discharge: Hb 98 g/L', 'bei Entlassung'): "
        "such a value does not replace one given earlier in the note")
    plan_headings: list[str] = Field(
        default=[], description="headings of a plan section on a line of their own ('Plan:', 'ACTIONS:', "
        "'Procedere:', 'Conduite à tenir:'): the lines under one, to a blank line or the next heading, are what is "
        "to be done, so the treatments they name (planned_findings) are planned, not given")
    planned_findings: list[Id] = Field(
        default=[], description="treatments a plan section names as planned ('MSD allograft if match', 'G-CSF if "
        "neutropenic'): set aside in a plan section")
    teaching_headings: list[str] = Field(
        default=[], description="headings of teaching material at a line's start ('Teaching point:', 'Remember:', "
        "'Merke:', 'À retenir :'): the rest of the line states general facts, not the patient's, so nothing in it is "
        "read as a finding")
    teaching_narration: list[str] = Field(
        default=[], description="words that tell a patient's story ('was', 'had', 'showed', 'the patient'): a teaching "
        "line with one of them narrates the case ('Teaching point: the TOE two days before was clean'), so it is read")
    plan_current: list[str] = Field(
        default=[], description="words in a plan section's line that say the treatment is already given ('continue "
        "G-CSF', 'stop filgrastim', 'repeat PET 4 weeks after the last G-CSF'): such a line's treatment stays")
    not_given: list[str] = Field(
        default=[], description="words in a drug chart's cell that say the dose was not given ('held', 'omitted', "
        "'postponed', 'aplazado'), beside the negations: such a row dates nothing")
    mail: Mail = Field(default_factory=lambda: Mail(), description="what in an email or chat thread is not the "
                       "message: sign-offs, signatures, reply headers and disclaimers")
    baseline: Baseline = Field(
        default_factory=lambda: Baseline(), description="a complaint of long standing that a denial of anything new "
        "outranks ('chronic back ache for 20 years. No new bone pain')")
    passing_findings: list[str] = Field(
        default=[], description="symptoms that pass: said 'N years ago' ('Bone pain 2 years ago led to the diagnosis') "
        "they are the past, unlike a lasting feature ('sting anaphylaxis five years earlier')")
    interior_modifiers: list[str] = Field(
        default=[], description="words that may sit inside a term without changing it: 'focal hypermetabolic lesions' "
        "reads as 'focal lesions'")
    other_sites: list[str] = Field(
        default=[], description="words that, right before a measurement term, say it measures another organ "
        "('spleen SUVmax 3.4' is not the marrow's)")
    marrow_words: list[str] = Field(
        default=[], description="words, beyond the English ones the matcher knows, that place a value in the marrow "
        "('captazione midollare ... SUVmax 3,8')")
    skeletal_words: list[str] = Field(
        default=[], description="names of bones, beyond the English ones the matcher knows ('côtes', 'Wirbelkörper')")
    conjunctions: list[str] = Field(
        default=[], description="'and'/'or' in other languages: they join list items as the English ones do "
        "('HIV, HBV e HCV negativi')")
    words: Words = Field(default_factory=lambda: Words(), description="small words the reader steps over or stops at")
    scope_tokens: int = Field(default=6, ge=1, le=30)
    yes: list[str] = []
    no: list[str] = []
    note_answers: NoteAnswers = Field(
        default_factory=lambda: NoteAnswers(), description="answers written after a question in a note "
        "('Fever? No.', 'Night sweats? Yes', 'Any back pain or leg weakness? Says no to all'), beyond the chat's "
        "yes and no words")
    unknown: list[str] = []
    fuzzy_cutoff: float = Field(default=88.0, ge=50, le=100)
    fuzzy_min_length: int = Field(default=5, ge=2)
    ambiguity_margin: float = Field(default=3.0, ge=0, le=50)
    option_cutoff: float = Field(default=80.0, ge=50, le=100)
    max_input_chars: int = Field(default=20000, ge=100)


# --------------------------------------------------------------------------- conditions over findings


class Present(Strict):
    present: Id


class Absent(Strict):
    absent: Id


class Known(Strict):
    known: Id


class Compare(Strict):
    value: Id
    op: Literal["lt", "le", "gt", "ge", "eq"]
    at: float


class AllOf(Strict):
    all: list[Predicate] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Predicate] = Field(min_length=1)


class AtLeast(Strict):
    at_least: int = Field(ge=1)
    of: list[Predicate] = Field(min_length=1)


class NotOf(Strict):
    not_: Predicate = Field(alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _predicate_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        keys = set(value) - {"op", "at"}
        for key in ("all", "any", "at_least", "not", "present", "absent", "known", "value"):
            if key in keys:
                return key
        return None
    for cls, tag in (
        (AllOf, "all"),
        (AnyOf, "any"),
        (AtLeast, "at_least"),
        (NotOf, "not"),
        (Present, "present"),
        (Absent, "absent"),
        (Known, "known"),
        (Compare, "value"),
    ):
        if isinstance(value, cls):
            return tag
    return None


Predicate = Annotated[
    Annotated[AllOf, Tag("all")] | Annotated[AnyOf, Tag("any")] | Annotated[AtLeast, Tag("at_least")] | Annotated[NotOf, Tag("not")] | Annotated[Present, Tag("present")] | Annotated[Absent, Tag("absent")] | Annotated[Known, Tag("known")] | Annotated[Compare, Tag("value")],
    Discriminator(
        _predicate_tag,
        custom_error_type="invalid_condition",
        custom_error_message=(
            "a condition is one of: {all: [...]}, {any: [...]}, {at_least: n, of: [...]}, {not: ...}, {present: id}, "
            "{absent: id}, {known: id}, {value: id, op: lt|le|gt|ge|eq, at: number}"
        ),
    ),
]

AllOf.model_rebuild()
Finding.model_rebuild()
FindingsFile.model_rebuild()
AnyOf.model_rebuild()
AtLeast.model_rebuild()
NotOf.model_rebuild()


# --------------------------------------------------------------------------- conditions (diagnoses)


class Evidence(Strict):
    """How one finding bears on a condition, as likelihood ratios."""

    finding: Id
    lr_present: float = Field(default=1.0, gt=0, le=1000)
    lr_absent: float = Field(default=1.0, gt=0, le=1000)
    source: str = Field(min_length=1, description="reference key (e.g. S12) or 'estimate'")
    rationale: str | None = None


class Management(Strict):
    text: str = Field(min_length=3)
    kind: Literal["test", "refer", "treat", "watch", "avoid"] = "test"
    urgency: Urgency = "routine"
    refs: list[str] = []


class Condition(Strict):
    id: Id
    label: str = Field(min_length=1)
    category: Category
    synonyms: list[str] = []
    grade: Grade
    grade_note: str = Field(min_length=10, description="how well the marrow-FDG association is documented")
    summary: str = Field(min_length=10)
    prior: float = Field(gt=0, le=1, description="relative frequency in the setting of diffuse marrow uptake")
    prior_source: str = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)
    management: list[Management] = Field(min_length=1)
    refs: list[str] = Field(min_length=1)
    cant_miss: bool = False


class RedFlag(Strict):
    id: Id
    label: str = Field(min_length=1)
    message: str = Field(min_length=5)
    urgency: Urgency
    when: Predicate
    refs: list[str] = Field(min_length=1)


class RedFlagsFile(Strict):
    red_flags: list[RedFlag]


class KnowledgeMeta(Strict):
    version: str
    title: str
    disclaimer: str = Field(min_length=20)
    malignant_categories: list[Category] = ["malignant infiltration"]


# --------------------------------------------------------------------------- dialog tree


class Option(Strict):
    label: str = Field(min_length=1)
    synonyms: list[str] = []
    sets: dict[Id, Status] = {}


class Branch(Strict):
    when: Predicate | None = None
    goto: Id


class NodeBase(Strict):
    id: Id
    section: Section
    prompt: str = Field(min_length=3)
    why: str = Field(min_length=3)
    next: list[Branch] = []


class ChoiceNode(NodeBase):
    kind: Literal["single_choice", "multi_choice"]
    options: list[Option] = Field(min_length=2)
    # multi_choice only: the options are a complete checklist, so an option not chosen is absent ("tick all that
    # apply"); leave false where not choosing may mean not tested (positive special tests, the blood film)
    exhaustive: bool = False


class YesNoNode(NodeBase):
    kind: Literal["yes_no"]
    finding: Id


class NumberNode(NodeBase):
    kind: Literal["number"]
    finding: Id


class FreeTextNode(NodeBase):
    kind: Literal["free_text"]
    expects: list[Id] = []


DialogNode = Annotated[
    ChoiceNode | YesNoNode | NumberNode | FreeTextNode,
    Field(discriminator="kind"),
]


class DialogTree(Strict):
    id: Id
    title: str
    start: Id
    nodes: list[DialogNode] = Field(min_length=1)


# --------------------------------------------------------------------------- replay scripts and cases


class Expectation(Strict):
    top1: Id | None = None
    top3: list[Id] = []
    red_flags: list[Id] = []
    not_in_top5: list[Id] = []


class ReplayScript(Strict):
    title: str | None = None
    answers: dict[Id, str] = {}
    turns: list[str] = []
    expect: Expectation | None = None


class Case(Strict):
    """A case vignette from the literature: runs as a replay and feeds rehearsal."""

    id: Id
    title: str
    category: Category
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    split: Literal["dev", "heldout"]
    source: str = Field(min_length=5, description="reference key(s) and what the case was drawn from")
    vignette: str = Field(min_length=20)
    answers: dict[Id, str] = Field(min_length=1)
    expected: Id
    acceptable: list[Id] = []
    red_flags: list[Id] = []
    teaching: str | None = None


# --------------------------------------------------------------------------- phrase corpus (matcher evaluation)


class ExpectedFinding(Strict):
    finding: Id
    status: Status | None = None
    value: float | None = None


class Phrase(Strict):
    text: str
    expect: list[ExpectedFinding] = []
    uncertain: list[Id] = []
    implausible: list[Id] = []


class PhraseCorpus(Strict):
    phrases: list[Phrase] = Field(min_length=1)
