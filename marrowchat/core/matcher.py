"""Free text → findings.

The pipeline, per answer:

1. clean (control characters, ANSI escapes) and refuse input longer than ``language.max_input_chars``;
2. split into clauses at terminators (``.``, ``;``, newlines, ``but``, ...);
3. find mentions: longest exact match of a known term (labels, synonyms, vocabulary), then fuzzy matches
   (rapidfuzz ``fuzz.ratio`` with ``utils.default_process``) of the words left over, for typos;
4. attach numbers and units to mentions of numeric findings ("Hb 8.1", "haemoglobin 81 g/L", "plt 45k"),
   and "days since" values to drug/treatment anchors ("neulasta 5 days ago", "R-CHOP d10");
5. NegEx-style context from the trigger lists in ``knowledge/language.yaml``: negation before/after with
   coordination ("no fever or night sweats"), pseudo-negations, uncertainty, history and family history.

Everything it decides is recorded in a trace (span, term, score, trigger), so the chat and ``assess --json``
can show how each finding was read.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from rapidfuzz import fuzz, process, utils

from marrowchat.core import models as m
from marrowchat.core.loading import Bundle
from marrowchat.core.text import (
    CJK_CHARS,
    HANGUL_CHARS,
    DictationMarks,
    FormMarks,
    MailMarks,
    SoundAlikes,
    SpokenCorrections,
    SpokenNumberReader,
    Token,
    TranscriptTurns,
    alternation,
    answer_options,
    ascii_forms,
    clean,
    columns_as_pairs,
    contingencies,
    delimited_tables,
    dot_leaders,
    fold,
    hl7_segments,
    latest_dated_rows,
    latest_in_trends,
    liver_multiples,
    loinc_names,
    normalise,
    ocr_repair,
    phrase_pattern,
    ranges_before_values,
    table_rows,
    term_tokens,
    tokenize,
)
from marrowchat.core.text import KEY_SKIP as _KEY_SKIP

Context = Literal["current", "history", "family", "planned", "elsewhere", "later", "general"]

_CONNECTORS = {",", "or", "and", "nor", "/", "&", "any", "other", "of", "the", "a", "an", "signs", "sign",
               "evidence", "significant", "obvious", "overt", "frank", "definite", "new", "either", "neither",
               "symptoms", "features", "(", ")", "-", "–", "vs", "vs.", "versus"}
_FILLERS = {"evidence", "of", "any", "significant", "signs", "sign", "obvious", "overt", "definite", "new",
            "history", "the", "a", "an", "frank", "features", "clinical", "further", "current", "documented",
            "known", "reported", "palpable", "appreciable", "focal", "measurable", "repeated", "repeat", "serial",
            "igm", "igg", "pcr", "serology", "dna", "ab", "ag", "antibody", "antigen", "screen", "titre", "titer",
            "tests", "test", "sets", "x2", "x3", "x4", "actually", "really", "truly",
            "歴"}  # ("化学療法歴・G-CSF製剤投与歴なし": the history of each)
# what a lab named without a value may be reported as: "calcium normal", "LDH within normal limits"
# denials that say a finding has passed, not that it never was
_PASSED = {"gone", "resolved", "has resolved", "have resolved", "now resolved", "settled", "has settled"}
# words a denial reads through to the first thing it denies (not through to the next item of a list): "no abnormal
# uptake in the lymph nodes", "no suspicious FDG activity within the spleen"
_REACH_FILLERS = {"abnormal", "abnormally", "pathological", "pathologic", "suspicious", "increased", "uptake", "fdg",
                  "tracer", "activity", "in", "within", "lymph",
                  # "sin extensión a diáfisis de huesos largos": how far the marrow reaches, denied
                  "extension", "extensión", "extensão", "estensione", "ausdehnung",
                  # "No thoracic, abdominal or pelvic lymphadenopathy": the regions of what is denied
                  "thoracic", "abdominal", "pelvic", "cervical", "axillary", "inguinal", "mediastinal", "hilar",
                  "retroperitoneal", "mesenteric", "supraclavicular", "para-aortic", "paraaortic", "intra-abdominal",
                  "intrathoracic", "peripheral", "regional", "bulky", "enlarged", "palpable", "hepatic", "splenic"}
_QUALIFIERS = {">": "gt", "<": "lt", "≥": "ge", "≤": "le", "~": "approx", "over": "gt", "above": "gt",
               "under": "lt", "below": "lt", "approx": "approx", "about": "approx", "around": "approx"}
_PERCENT_BRIDGE = {":", "=", "of", "at", "was", "were", "is", "<", "≤", "~", "only", "approx", "about", "("}
# a transplant day: "day +38", "D+35", and in other languages with the "+" ("giorno +38", "J+30", "Tag +21")
_FOREIGN_DAY = r"giorno|giornata|gg|jour|j|día|dia|tag|dag|dzień|doba|den|dne|gün|nap|д|день|дн|יום"  # ("Д+39", "день +39": Russian, Ukrainian)
_TX_DAY_PLUS = r"(?:day|d|" + _FOREIGN_DAY + r")"
_TX_DAY = r"(?:day|d|(?:" + _FOREIGN_DAY + r")(?=\s*\+))"  # the foreign words only with "+"
_PET_DAY = re.compile(r"\b(?:pet|tep|пет|пэт|restag(?:ing|ed)|scan(?:ned)?)\S*(?:[^.\n\d]{0,25}?|\s+\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*\(?\s*)"
                      r"\b" + _TX_DAY_PLUS + r"\s*\+\s*(?P<a>\d{1,3})\b"
                      r"|\b" + _TX_DAY_PLUS + r"\s*\+\s*(?P<b>\d{1,3})\b[^.\n\d]{0,20}?\b(?:pet|tep|пет|пэт)"
                      # "Now day +47. PET/CT was done ...", "Oggi giorno +38": the note's own day is the scan's
                      r"|\b(?:now|currently|today(?: is)?|is now|presently|oggi|aujourd'hui|ce jour|hoy|hoje|heute|vandaag|dzisiaj|dziś|"
                      r"obecnie|dnes|nyní|actuellement|actualmente|attualmente|aktuell|momenteel|сейчас|сегодня|bugün)"
                      r"\s*(?:at\s*|on\s*|è\s*|il\s*|le\s*|el\s*|é\s*|ist\s*)?" + _TX_DAY_PLUS + r"\s*\+\s*(?P<c>\d{1,3})\b"
                      # the day after its number, with a transplant named before it ("Allogén őssejt-transzplantáció
                      # után a +75. napon", "kök hücre nakli sonrası +45. gün"): the note's own day
                      r"|(?<![\w+])\+\s*(?P<e>\d{1,3})\.\s*(?:napon|nap|gün|günü|günde|den|dni|dzień|dan|dana)\b")
# a transplant day told in the note ("on day +19", "D+16")
_TX_DAY_COUNT = re.compile(r"\b" + _TX_DAY_PLUS + r"\s*\+\s*(?P<e>\d{1,3})\b(?![/.]\d)")
_TX_DAY_PLANNED = re.compile(r"\b(?:planned|plan|scheduled|booked|due|expected|will|until|by|before|prévue?|"
                             r"previst[oa]|programad[oa]|geplant)\b[^.;\n]{0,20}$|\s*(?:planned|scheduled|booked|"
                             r"marrow|bm|bone marrow|chimerism|restaging)\b")
_DAY_SCHEDULE = re.compile(r"\b(?:day|d|dag|dia|día|tag|jour|j|giorno|g)\s*\+\s*\d{1,3}\s*(?:-|–|to|until|till|til|a|al|à|au|"
                           r"bis|tot|do|ao|até|och|og|fino a)\s*(?:day|d|dag|dia|día|tag|jour|j|giorno|g)?\s*\+\s*"
                           r"(?P<end>\d{1,3})\b")
# "lenograstim ... was started on day +1 ... and continued": still being given on the day of the scan
_DAY_ONGOING = re.compile(r"\b(?:started|begun|began|commenced|given|from)\s+(?:on\s+|from\s+)?(?:day|d)\s*\+\s*"
                          r"(?P<start>\d{1,3})\b[^.]{0,60}?\b(?:continued|ongoing|until engraftment|until neutrophil "
                          r"recovery|until count recovery|still on)\b(?!\s*(?:on|at|=|,)?\s*(?:day|d)\s*\+?\s*\d)")
# "until engraftment on day +16": the engraftment's day ends the course
_DAY_UNTIL_DAY = re.compile(r"\b(?:day|d)\s*\+\s*\d{1,3}\s*until\s+(?:engraftment|neutrophil recovery|count recovery|"
                            r"recovery)\s*(?:on|at|=|,)?\s*(?:day|d)\s*\+?\s*(?P<end>\d{1,3})\b")
# "(N 40 L 52)", "DLC: P70 L25 M3 E2": letters of a white-cell differential (E, M, B are read and left)
_DIFF_PAIR = re.compile(r"\b(?P<l>[NnPpLlMmEeBb])\s?[-:]?\s?(?P<v>\d{1,2}(?:\.\d)?)\s?%?(?![\d.,]?\d)")
_DIFF_RUN = re.compile(r"\b[NnPpLlMmEeBb]\s?[-:]?\s?\d{1,2}(?:\.\d)?\s?%?(?:\s*[,;/]?\s*\b[NnPpLlMmEeBb]\s?[-:]?\s?"
                       r"\d{1,2}(?:\.\d)?\s?%?)+(?![\d.,]?\d)")
_DIFF_OTHER = {"m", "e", "b"}
_FOCUS_WORDS = {"focal", "foci", "focus", "lesion", "lesions", "fracture", "fractures", "hotspot", "hotspots", "nodule",
                "nodules", "deposit", "deposits", "callus", "hottest", "island", "islands", "plate", "incision"} | {
    # and abroad ("Ložisková akumulace v obratli Th10 (SUVmax 8,1)", "foyer hypermétabolique de L2 (SUVmax 9)")
    fold(w) for w in ("ložisková", "ložiskové", "ložisko", "ložiska", "fokale", "fokal", "fokaler", "fokalen", "focale",
                      "focali", "focales", "foyer", "foyers", "foco", "focos", "focolaio", "focolai", "herd", "herde",
                      "herden", "herdförmige", "ognisko", "ogniska", "ognisk", "ogniskowe", "odak", "odaklar", "odağı",
                      "gócos", "góc", "gócok", "fokaalinen", "fokaalisia", "очаг", "очага", "очаги", "очагов",
                      "очаговое", "εστία", "εστίες", "εστιακή", "žarište", "žarišta", "leziune", "leziuni", "laesie",
                      "laesies", "lésion", "lésions", "lesión", "lesiones", "lesione", "lesioni", "lesão", "lesões",
                      "läsion", "läsionen", "fokus", "fokuser", "fokusar")}
_FOCUS_DENIALS = {"no", "without", "nor", "not", "neither", "absent"}
_BACKGROUND_WORDS = {"background", "diffuse", "diffusely", "remaining", "rest", "elsewhere", "otherwise", "generalised",
                     "generalized", "homogeneous", "homogeneously"}
_EXPLICIT_BACKGROUND = {"background", "rest", "remaining", "remainder", "elsewhere"}
_LESION_WORDS = {"lesion", "lesions", "nodule", "nodules", "deposit", "deposits"}
# "FBC 112/214/562", "bloods 10.8 / 0.9 / 151", "emocromo 10.8 / 2.3 / 64": a count's name, then haemoglobin /
# white cells / platelets (exactly three numbers: a fourth makes it something else)
_FBC_TRIPLE = re.compile(r"\b(?P<l>fbc|cbc|bloods|emocromo|hemograma|h[ée]mogramme|blutbild|fbe)\s*[:=]?\s*"
                         r"(?P<hb>\d{1,3}(?:[.,]\d)?)\s*/\s*(?P<wbc>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?P<plt>\d{1,4})\b"
                         r"(?!\s*/\s*\d|[.,]\d)", re.IGNORECASE)
# the American "fishbone" written in a line: WBC > Hb / Hct < platelets ("CBC: 1.2 > 8.1/24.3 < 45")
_FBC_FISHBONE = re.compile(r"(?P<l>\b(?:cbc|fbc|labs|bloods)\b)?\s*[:=]?\s*(?<![\d.])(?P<wbc>\d{1,3}(?:\.\d{1,2})?)\s*>\s*"
                           r"(?P<hb>\d{1,2}(?:\.\d)?)\s*/\s*\d{1,2}(?:\.\d)?\s*<\s*(?P<plt>\d{1,4})\b(?![.,]\d)",
                           re.IGNORECASE)
_AFTER_WBC_N = re.compile(r"\s*(?:k\b|x\s*10\^?9\s*/\s*l)?\s*[/(,;|]\s*(?P<l>n|neuts?)\s*[:=-]?\s*(?P<v>\d{1,3}(?:[.,]\d{1,2})?)"
                          r"\s*(?P<pct>%)?(?![\d.])", re.IGNORECASE)
# a second temperature said after a named one, with no label of its own ("T 37.2 on arrival, 38.3 mid-dialysis")
_AGAIN_TEMPERATURE = re.compile(r"[^.;\n\d]{0,24}?,\s*(?:and\s+|then\s+|later\s+)?(?P<v>3[5-9][.,]\d|4[0-2][.,]\d)\b"
                                r"(?![.,]?\d)(?!\s*(?:%|mm|kg|cm|mg|g/|mmol|µ|u/|x\s*10|×))")
_DEGREES = re.compile(r"(?<![\d.])(?P<v>\d{2,3}(?:[.,]\d)?)\s*(?P<u>[°º]\s*[CcFfم]|℃|℉)"  # º: "39,1ºC"; "39.4°م" (Arabic)
                      r"|(?<![\w.])(?P<u2>T|spiked(?: to)?|spiking(?: to)?|highest was|highest reading was)\s?"
                      r"(?P<v2>3[5-9][.,]\d|4[0-2][.,]\d)\b"
                      # "38.9 on home thermometer", "39.2 on the tympanic thermometer"
                      r"|(?<![\d.,])(?P<v3>3[5-9][.,]\d|4[0-2][.,]\d)\s+(?:on|by)\s+(?:the\s+|a\s+|her\s+|his\s+|my\s+)?"
                      r"(?:home\s+|tympanic\s+|oral\s+|digital\s+)?thermometer"
                      # "evening rise upto 101.8 F", "102F": a Fahrenheit fever with its letter alone
                      r"|(?<![\d.,])(?P<v4>(?:9[6-9]|10[0-7])(?:[.,]\d)?)\s?(?P<u4>F|deg\s?F|degrees\s+F)\b(?![/.]\w)"
                      # "昨日の夜も38.6度ありました", "体温39度": a Japanese or Chinese fever in degrees
                      r"|(?<![\d.,])(?P<v5>3[5-9](?:[.,]\d)?|4[0-2](?:[.,]\d)?)\s?度",
                      re.IGNORECASE)  # "T 39.1" on an obs line, "he spiked 38.4 on Sunday"
_DATE_RE = r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})(?:[/.](?P<y>\d{4}|\d{2}))?\b"
_PET_DATE = re.compile(r"(?<!\w)(?:i?pet\d?(?:[-/ ]?(?:ct|tc|bt|dt|tt|kt))?|interim pet|scan|tep(?:[-/ ]?tdm)?|пэт(?:[-/]кт)?|пет(?:[-/]кт)?|"
                       # a pasted report's own date line ("EXAM DATE: 06/02/2024", "Study date 02.06.2024")
                       r"exam date|date of exam(?:ination)?|examination date|study date|date of study|scan date|"
                       r"untersuchungsdatum|date de l'examen|fecha del estudio|data esame|"
                       # the same line abroad ("Data badania: 26.05.2024", "Datum vyšetření", "Datum onderzoek")
                       r"data badania|datum vyšetření|datum vysetreni|datum onderzoek|datum van onderzoek|"
                       r"fecha del examen|fecha de exploración|data do exame|data dell'esame|undersökningsdatum|"
                       r"undersøgelsesdato|vizsgálat dátuma|vizsgálat|дата исследования|data examinării)(?!\w)"
                       # "PET-TC de fin de tratamiento 25/10/2025", "PET-CT FDG (SKULL VERTEX TO KNEES)   11/03/2025":
                       # what the study was for, or its title, then its date
                       r"(?:[ \t]+(?:de|di|del|of|the|fin|fine|end|eot|tratamiento|traitement|trattamento|treatment|"
                       r"restaging|interim|staging|control|contrôle|controllo|réévaluation|reevaluación|rivalutazione|"
                       r"abschluss|zum|therapieabschluss|de control|con|with|mit|avec|com|au|à la|met|с|з|z|ze|"
                       # "PET-TC de final de tractament (17/06/2025", "PET-CT סוף טיפול 21/06/2025"
                       r"tractament|tratamento|סוף|טיפול|"
                       # "PET-CT interino (25/03/2025)", "PET de reavaliação 12/03", "PET intermedio del 12/03"
                       r"interino|interina|intermedio|intermedia|intermédio|intermédia|reavaliação|reestadiamento|"
                       r"reestadificación|final|eind-evaluatie|eindevaluatie|evaluatie|"
                       # "TEP-TDM d'évaluation intermédiaire le 14/03"
                       r"d'évaluation|d'evaluation|évaluation|intermédiaire|intermediaire|précoce|"
                       # "PET-CT yesterday (09/04/2025)": when, then the date in brackets
                       r"yesterday|today|gestern|heute|hier|ayer|hoy|ieri|oggi|gisteren|vandaag|wczoraj|dzisiaj|"
                       # "Nachsorge-PET/CT extern 18.11.2025": done at another hospital
                       r"extern|external|externally|outside|auswärts|auswärtig|externe|externo|externa|esterno|esterna|"
                       r"follow-up|surveillance|"
                       # "PET/CT done as outpatient 12/11/2025"
                       r"done as|as an|as|outpatient|inpatient|ambulant|ambulatory)(?=[ \t])){0,4}"
                       r"(?:[ \t]*(?:18f-|\[18f\]-?|18 f-)?(?:fdg|фдг))?(?:[ \t]*\([^()\n]{0,40}\)[ \t]*)?\s*[,\-–—]?\s*"
                       # "PET-CT eind-evaluatie (Nucleaire Geneeskunde, 20-06-2025)": a bracket naming where, then when
                       r"(?:\((?:[^()\n,\d]{3,40},[ \t]*|(?:badanie|badania|exam|examination|study|untersuchung|examen|esame|estudio|"
                       r"vyšetření|onderzoek|done|performed|wykonane|wykonano|realizado|realizada|eseguita|réalisée)[ \t:]+)?|"
                       r"on|dated|date:?|:|was|was done|done|performed|was performed|booked|booked for|scheduled|"
                       # other languages' "on" ("PET/CT am 28.03.", "PET il 22/06", "TEP le 16/09", "PET-CT pe 29.04")
                       r"scheduled for|planned for|am|le|il|el|op|pe|den|dne|em|na|réalisée le|realizada el|realizado el|"
                       r"eseguita il|eseguito il|"
                       # "PET-CT vom 22.09.2024", "TEP du 12/03", "PET-CT van 03-04-2025", "PET/CT ze dne 3. 4. 2025"
                       r"vom|von|du|van|del|dal|z dnia|ze dne|från|fra|datée du|daté du|"
                       # "PET wykonano 28.03", "PET/CT provedeno 15. 6.", "PET-CT utført 12.03"
                       r"wykonano|wykonane|wykonana|provedeno|provedené|provedená|urađen|urađena|opravljen|efectuat|"
                       r"utført|utförd|uitgevoerd|στις|την|"  # "PET/CT στις 27/03/2025"
                       r"виконано|виконана|выполнена|выполнено|проведено|проведена|от|від|"  # "ПЕТ/КТ виконано 15.03.2024"
                       # "The PET/CT was made at the 28th of May", "PET-CT was taken on", "PET was at"
                       r"was made at|was made on|made at|made on|was made|was taken on|taken on|was at|was on|"
                       r"was done at|done at|done on|was done on|was performed at)?\s*"
                       # "(provedeno 12. 10. 2024 ...)": a bracket, then the verb
                       r"(?:(?<=\()(?:provedeno|provedené|performed|done|wykonano|realizada|realizado|eseguita|réalisée|"
                       r"uitgevoerd|utført|durchgeführt|vom|am|on|le|il|el)\s+)?(?:on\s+|the\s+)?"
                       + _DATE_RE + r"(?![/.]?\s*(?:ago|weeks?|days?))")
# "onc reg 20/05 (PET done today)": the date before the scan's name
# "La TEP de réévaluation avant le passage au paclitaxel a été faite le 26/02", "the PET for the trial was performed
# on 12/03": the scan, a few words about it, then the verb that dates it
_PET_DONE = re.compile(r"(?<!\w)(?:i?pet\d?(?:[-/ ]?(?:ct|tc|tdm))?|tep(?:-tdm)?|scan)\b[^.;\n]{0,60}?\b(?:was (?:done|performed|"
                       r"carried out|acquired)|a été (?:faite|réalisée|effectuée)|été (?:faite|réalisée)|fue realizada|fue realizado|"
                       r"se realizó|è stata eseguita|wurde|werd|foi realizada|foi realizado)\s+(?:on\s+|le\s+|el\s+|"
                       r"il\s+|am\s+|op\s+|em\s+)?(?:the\s+)?" + _DATE_RE + r"(?![/.]?\s*(?:ago|weeks?|days?))")
# a report's title line that ends with its date ("LAUDO PET/CT DE FINAL DE TRATAMENTO - Hospital de Clínicas - 10/03/2025",
# "FDG PET/CT REPORT | Royal Infirmary | 12/03/2025"): the scan's date
_PET_TITLE_DATE = re.compile(r"(?m)^[ \t]*(?:[^\n\d]{0,30}?\b)?(?:i?pet\d?(?:[-/ ]?(?:ct|tc|tdm|bt|dt))?|tep(?:-tdm)?)\b"
                             r"(?![^\n]*\b(?:planned|scheduled|booked|requested|prévue?|previst[oa]|programad[oa]|"
                             r"geplant|gepland|solicitad[oa])\b)[^\n\d]{0,80}?[-–|,:][ \t]*" + _DATE_RE + r"[ \t]*$")
# "PET/CT REPORT ... FINDINGS (26/04/2024): ...": a scan report's findings headed by the day it was read
_FINDINGS_DATE = re.compile(r"(?m)^[ \t]*(?:findings|befund|résultats|resultats|hallazgos|achados|reperti|bevindingen|"
                            r"fynd|funn|fund)[ \t]*[(:][ \t]*" + _DATE_RE + r"[ \t]*\)?[ \t]*:")
_DATE_PET = re.compile(r"(?<![\d/.])" + _DATE_RE + r"\s*(?:\(|:|-)?\s*(?:i?pet\d?(?:[-/ ]?ct)?|scan)\s+(?:done|performed|today)\b")
# the end of a course ("Filgrastim ab Tag 8 täglich bis einschließlich 17.05.", "until 17/05")
_UNTIL_WORDS = (r"until|till|up to and including|bis einschlie(?:ß|ss)lich|bis zum|bis|jusqu'au|hasta el|fino al|tot en met|"
                r"t/m|til og med|до")  # ("Филграстим вводился до 03.03": until)
_UNTIL = re.compile(_UNTIL_WORDS)
_DOSE_DATE = re.compile(r"\b(?:last\s+dose|last\s+injection|last\s+given|last\s+chemo(?:therapy)?|last\s+cycle|last\s+treatment|"
                        + _UNTIL_WORDS + r"|"
                        r"completed|given on|last on|last(?= ?\d)|last [a-z][a-z-]*(?: [a-z][a-z-]*)?(?:\s*\([^()]{0,60}\))?"
                        # "laatste Neulasta 08.03.2024", "dernière injection de Zarzio le 04/03", "ostatnia dawka
                        # filgrastymu 10.03.2024", "последнее введение филграстима 08.03.2024"
                        r"|(?:laatste|letzte|dernière|derniere|última|ultima|ostatnia|sidste|senaste|siste|zadnja|utolsó|"
                        r"posledná|poslední|posljednja|остання|последна|"
                        r"последнее|последняя)(?:[ -][^\s\d]+){1,4}?(?:\s*\([^()]{0,60}\))?|son\s+doz)"
                        r"\s*(?:on|was|:)?\s*(?:the\s+)?"  # "the last injection was the 20 of March"
                        + _DATE_RE + r"(?!\s*(?:ago|weeks?|days?))")
_PET_WORD = re.compile(r"\b(?:i?pet|tep)(?:[-/ ]?(?:ct|tc|bt|tdm|kt))?\b")
_SCAN_TODAY = re.compile(r"\b(?:i?pet\w*(?:[-/ ]?ct)?|scan)\b[^.\n]{0,30}?\b(?:today|vandaag|heute|aujourd'hui|hoy|oggi|"
                         r"hoje|idag|i dag|dzisiaj|dziś|dnes)\b|\btoday'?s? (?:pet|scan)\b")
# the note's own day, when no scan is dated ("Pegfilgrastim was given on 09/03. Today 25/03.", "hoy 20/02/2024 (día
# +36)", "Heute 14.03.", "(note date 17/03)"): the day the note counts from
_TODAY_DATE = re.compile(r"\b(?:today(?:'s date)?|date today|note date|date of note|hoy|oggi|heute|aujourd'hui|ce jour|"
                         r"hoje|vandaag|idag|i dag|dzisiaj|dziś|dnes|bugün|сегодня|днес)\b[ \t]*(?:is|:|,|=|\()?[ \t]*"
                         + _DATE_RE)
_LAST_DOSE_WORDS = re.compile(r"last\s+(?:dose|injection|inj\b|given)|laatste|letzte|dernière|derniere|última|ultima|ostatnia|"
                              r"posledná|poslední|posljednja|остання|последна|"
                              r"sidste|senaste|siste|utolsó|последн")
# a row's leading date, with its year (ISO dates are turned day/month/year first by _numeric_dates)
_ROW_DATE = re.compile(r"[ \t]*(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/.])")
# "Neulasta 6 mg s/c 22/12/2024": a date right after a drug (and its dose) is the day it was given
_BARE_DATE = re.compile(r"(?<![\d/.])" + _DATE_RE + r"(?![/.]?\d)"
                        # "10/10 MUD", "8/8 matched", "HLA 9/10": a transplant's match, not a date
                        r"(?!\s*(?:mud|matched|match|hla|sib|mrd|mmud|antigen|allele|unrelated|related))")
_DAY_ZERO = re.compile(r"\b(?:day|d)\s*0\s*(?:[:=(]|was|on)?\s*$")
# "C4 D1 08/05", "C2 28/02/24", and abroad "C2 le 27/01/2025", "C3 am 12.03."
_CYCLE_DAY_DATE = re.compile(r"\b(?P<c>c\d{1,2})(?:\s*(?:d|day)\s*(?P<cd>\d{1,2}))?\s*(?:[:(=|]|on|was|given|le|am|el|il|"
                             r"op|em|vom|du)?\s*$")
# a day after the first of a cycle, just before a date: "J2 de la C1 (", "day 2 of C3 -", "C3D2 ", "C4 d2:"
_DAY_OF_CYCLE = re.compile(r"(?:\b(?:d|day|j|jour|tag|dag|día|dia|giorno)\s*(?P<n>\d{1,2})\s+(?:of|de la|de|del|des|du|della|"
                           r"van)?\s*(?:the\s+)?c\d{1,2}|\bc\d{1,2}\s*(?:d|day)\s*(?P<n2>\d{1,2}))\s*(?:[:(=|]|on|was)?\s*$")
# the scan and a growth factor dated by the day of the cycle ("PET on D15 of the cycle", "TEP à J12 de la cure",
# "PET-DT dag 14 i kur 3", "PET-CT w 12. dobie cyklu"; never a transplant day "+")
_CYCLE_DAY_WORD = r"(?:d|day|j|jour|tag|dag|día|dia|giorno|dzień|doba|dobie|gün)"
_SCAN_CYCLE_DAY = re.compile(r"\b(?:i?pet\w*(?:[-/ ]?(?:ct|tc|bt|dt|tt|kt|tdm))?|tep(?:-tdm)?|scan)\b[^.;\n]{0,40}?"
                             r"(?:\b" + _CYCLE_DAY_WORD + r"\s*(?P<n>\d{1,2})\b(?!\s*[-–+/.]\d)"
                             r"|\b(?P<n2>\d{1,2})\s*(?:ª|º|\.)?\s*(?:giornata|dobie|gününde)\b)")
_CYCLE_DAY_DOSE = re.compile(r"\b" + _CYCLE_DAY_WORD + r"s?\s*(?P<a>\d{1,2})(?:\s*(?:-|–|to|bis|till|al|à)\s*"
                             + _CYCLE_DAY_WORD + r"?\s*(?P<b>\d{1,2}))?\b(?![/.]\d)")
# (the columns of a drug chart too, on one line: "Pegfilgrastim | 6 mg | SC | 06/03")
_VOLUMES = frozenset({"ml", "mls", "cc", "litres", "liters", "litre", "liter"})
# (an anchor inside a bracket reaches out of it: "Ziextenzo (pegfilgrastim biosimilar) 6 mg on 21/03")
_RANGE_FROM = re.compile(r"(?:\b(?:from|van|vanaf|del|dal|vom|du|von|de|od)|(?<!\w)(?:з|с|від|от))\s*$")  # "from" opening a dated course
_LAST_INJECTION = re.compile(r"(?:last\s+(?:injection|inj\.?|dose|given)|son\s+doz|última\s+dose|ultima\s+dose|última\s+dosis|"
                             r"ultima\s+dosis|dernière\s+injection|derniere\s+injection|letzte\s+gabe|laatste\s+gift|"
                             r"ostatnia\s+dawka|poslední\s+dávka|sista\s+dos|siste\s+dose|sidste\s+dosis)\b")
# what lies between a date and the drug given on it ("13.02.2025, введён эмпэгфилграстим", "on 13/02 she received")
_GIVEN_BEFORE_DRUG = re.compile(
    r"[\s,:;()–-]*(?:(?:she|he|the patient|patient|pt|was|were|has|had|been|given|received|administered|injected|"
    r"введ[её]н[аоы]?|получила|получил|сделан[аоы]?|erhielt|wurde|wurden|verabreicht|gegeben|"
    r"bekam|recibió|se administró|administrado|administrada|ricevuto|ha ricevuto|somministrat[oa]|è stato somministrato|"
    r"reçu|a reçu|administré|administrée|otrzymała|otrzymał|podano|podany|podana|kreeg|kreeg ze|fick|fikk|fik|"
    r"aldı|uygulandı|recebeu|foi administrado|foi administrada|"
    # "на 2-й день (13.01.2025) однократно эмпэгфилграстим": given once
    r"однократно|once|a single dose of|single dose|einmalig|eenmalig|una volta|una vez|une fois|jednorazowo|"
    r"jednorázově)[\s,]+){1,4}")  # (a word of giving: "C3 given 02/05,
# filgrastim d3-d10" dates the cycle, not the drug)
_DOSE_GAP = re.compile(r"^(?:[^()\n]{0,45}\))?[ \t,:;(|)®™—–=]*(?:\([^()]{0,60}\)[ \t,:;]*)?(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|µg|ug|iu|units|micrograms|mu|miu|me|mln)(?:/m2|/kg|/d|/day|/dia|/día|/jour|/j|/tag|/giorno|/dzień|/dag)?[ \t]*(?:ליום|ביום|يوميا|يومياً)?[ \t]*[|(]?[ \t]*)?"
                       r"(?:(?:s\.c\.?|i\.v\.?|sc|s/c|sq|subcut|iv|po|given|on|dose|inj|injection|daily|weekly|c\d+|cycle \d+|"
                       r"d\d{1,2}|day \d{1,2}|with|w|w/|dd|od|qd|at the infusion cent(?:er|re)|at home|in clinic|"
                       r"by the district nurse|by the gp|of the cycle|of the last cycle|of cycle \d+|du cycle|"
                       r"de la cure|del ciclo|des zyklus|van de kuur|"
                       r"only|alone|once|twice|single dose|a single dose|infusion|-gabe|gabe|"
                       # "Pegfilgrastim 6 mg une seule fois, après C2 (30/07/2024)": once, after a cycle
                       r"une seule fois|une fois|seule fois|après|after|nach|dopo|después de|após|"
                       # "4-й курс начат 17.03.2025", "C4 started 17/03": a cycle dated by its start
                       r"started|started on|began|begun|начат|начата|начато|начался|начался с|gestartet|begonnen|"
                       r"iniciado|iniciada|iniziato|iniziata|commencé|commencée|gestart|rozpoczęty|zahájen|"
                       # "Pegfilgrasztim (primer profilaxis) C1 és C2 után a 2. napon: 2025.02.20."
                       r"\d{1,2}\.\s*napon:?|napon:?|és|után|a|"
                       # a list of dated doses is read at its last: "20/02/2025 és 13/03/2025", "12/05 and 02/06"
                       r"\d{1,2}/\d{1,2}(?:/\d{2,4})?\.?,?[ \t]+(?:és|and|und|et|y|e|en|og|och|i|a|és\s+a)|"
                       # "Pegfilgrastim 6 mg D2 - 07/01, 21/01, 04/02, 18/02/2025", "d2: 18.02. · 04.03. · 01.04.2025":
                       # a list of the doses' dates, read at its last
                       r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\.?[ \t]*[,·;][ \t]*|"
                       # ... and a list of dated cycles: "R-CHOP21 : C1 le 07/01/2025 ... C6 le 24/04/2025"
                       r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*(?:\.\.\.|…|,|;)[ \t]*(?=c\d)|-injektion|injektion|-applikation|applikation|completed|finished|ended|applied|administered|delivered|"
                       # other languages ("Pegfilgrastim am 12.03.", "administrat pe 12.04", "podany 14.02")
                       r"am|le|il|el|op|pe|den|dne|em|na|administrat|administrado|administrada|administré|administrée|"
                       r"somministrato|somministrata|podany|podana|podán|podána|gegeben|verabreicht|toegediend|fait|"
                       r"appliqué|appliquée|dado|dada|given on|введён|введен|введена|введено|"
                       # "Pegfilgrastim gavs 14 februari", "primljen 3. svibnja", "ostatni 3 maja", "έλαβε"
                       r"the next day|next day|the following day|the day after|an tag \d{1,2}|tag \d{1,2}|zuletzt|"
                       r"zuletzt am|letztmalig|letztmals|last|last on|last given|dernière le|ultima il|última el|"
                       r"τελευταία δόση|τελευταία|laatste|laatste dosis|laatste gift|ostatnia dawka|poslední dávka|"
                       r"son doz|utolsó adag|viimeinen annos|sista dos|sidste dosis|siste dose|ultima doză|"
                       r"gavs|gavs den|fick|givet|gitt|fik|fikk|primljen|primljena|primio|primila|dan|dana|ostatni|podano|"
                       r"ostatnia|ostatnie|ostatnim|otrzymał|otrzymała|dostał|dostała|poslední|posledni|dostal|dostala|"
                       r"aplicado|aplicada|ricevuto|ricevuta|recibió|recebeu|kreeg|gekregen|kapott|alındı|verildi|"
                       r"yapıldı|получил|получила|последний|последняя|последнее|последняя доза|έλαβε|χορηγήθηκε|"
                       r"χορήγηση|sai|saanut|annettu|viimeinen|primit|primită|administrată|"
                       # "injecté le 12/03/2025", "aplikován 12. 3. 2025", "(Neulasta) στις 13/03/2025"
                       r"injected|injecté|injectée|reçu|reçue|injiziert|aplikován|aplikována|aplikováno|στις|"
                       r"iniettato|iniettata|inyectado|inyectada|injetado|injetada|geïnjecteerd)"
                       r"[ \t]*[(|),=:\-–]?[ \t]*(?:\n[ \t]*)?)*$")  # ("(zuletzt" / "  20.07.2024)": a line wrapped in a note)
_SINCE_WORDS = re.compile(r"\b(?:ago|after|since|post|before|prior|earlier|back|last)\b|\+|/")
_LAST_WORD = re.compile(r"last (?!dose|injection|inj\b|given|chemo|cycle|treatment|on\b|\d)")
# "filgrastim 300 mcg daily 09/03-13/03": a course given as a range of dates ends on its last dose
_DOSE_RANGE = re.compile(r"\b\d{1,2}(?:[/.]\d{1,2}(?:[/.]\d{2,4})?)?\.?\s*(?:-|–|to|until|al|au|à|a|bis|tot|do|ao|até|"
                         r"till|til|och|og|έως|до|по|t/m|tot en met)\s*" + _DATE_RE)  # ("15/01 t/m 21/01/2025", Dutch; "з 05.03 по 09.03")
_ANY_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
                       r"|(?<![\d/.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])")  # not "10.9"
_US_SIGNS = re.compile(r"°f|\bmg/dl\b|/µl|/ul\b|\bhemoglobin\b|\bleukemia\b")


_MONTHS = {m: i for i, ms in enumerate(("jan january", "feb february", "mar march", "apr april", "may", "jun june",
                                        "jul july", "aug august", "sep sept september", "oct october",
                                        "nov november", "dec december"), 1) for m in ms.split()}
# shortened months written with a dot ("déc. 2024", "Jan. 12", "févr. 2025", "Okt. 2023")
_SHORT_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "fevr",
                           "avr", "juil", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "set", "ott", "okt", "dez",
                           "mrt", "mei", "fev", "out"})
# the months of the languages whose notes give dates in words ("la dernière le 5 avril 2023", "el 2 de marzo",
# "il 16 marzo", "am 20. Mai", "op 3 maart"); a day must come first for these
_FOREIGN_MONTHS = {m: i for i, ms in enumerate((
    "janvier enero gennaio janeiro januar januari", "février fevrier febrero febbraio fevereiro februar februari",
    "mars marzo março marco märz maart", "avril abril aprile", "mai mayo maggio maio mei", "juin junio giugno junho juni",
    "juillet julio luglio julho juli", "août aout agosto augustus", "septembre septiembre setiembre settembre setembro",
    "octobre octubre ottobre outubro oktober", "novembre noviembre novembro",
    "décembre decembre diciembre dicembre dezembro dezember"), 1) for m in ms.split()}
# and in the languages of the other pasted notes, with their genitive forms ("15 января 2024 г.", "3. svibnja 2024.",
# "5. března 2024", "3 maja 2024", "9 Μαΐου 2024", "12 Mart 2024", "14 februari 2024", "2. maj 2024"); Croatian
# "listopada" (October) is left out: in Polish the same word is November
_FOREIGN_MONTHS.update({m: i for i, ms in enumerate((
    "stycznia ledna siječnja января ιανουαρίου ocak ocakta ianuarie tammikuuta január januára",
    "lutego února veljače февраля φεβρουαρίου şubat şubatta februarie helmikuuta február februára",
    "marca března ožujka марта μαρτίου mart martta martie maaliskuuta marts március",
    "kwietnia dubna travnja апреля απριλίου nisan nisanda aprilie huhtikuuta április",
    "maja května svibnja мая μαΐου mayıs mayısta maj toukokuuta május",
    "czerwca června lipnja июня ιουνίου haziran haziranda iunie kesäkuuta június",
    "lipca července srpnja июля ιουλίου temmuz temmuzda iulie heinäkuuta július",
    "sierpnia srpna kolovoza августа αυγούστου ağustos ağustosta augusti elokuuta augusztus",
    "września září rujna сентября σεπτεμβρίου eylül eylülde septembrie syyskuuta szeptember",
    "października října октября οκτωβρίου ekim ekimde octombrie lokakuuta október",
    "listopada listopadu studenoga studenog ноября νοεμβρίου kasım kasımda noiembrie marraskuuta",
    "grudnia prosince prosinca декабря δεκεμβρίου aralık aralıkta decembrie joulukuuta desember"), 1)
    for m in ms.split()})
_EN_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTHS.update(_FOREIGN_MONTHS)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WORD_DATE = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+(?:of\s+|de\s+|du\s+)?|-)(?P<mon>" + _MONTH_RE + r")(?!\w)\.?"
                        # ("24-Sep-2024", as trial forms and lab systems write it)
                        r"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)|-(?P<y3>(?:19|20)?\d\d)(?!\d))?"
                        r"|\b(?P<mon2>" + _EN_MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?")


# Hungarian, year first: "2024. január 10-én", "2024. márc. 5."
_HU_MONTHS = {m: i for i, ms in enumerate((
    "január jan", "február febr feb", "március márc már", "április ápr", "május máj", "június jún", "július júl",
    "augusztus aug", "szeptember szept szep", "október okt", "november nov", "december dec"), 1) for m in ms.split()}
_HU_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\.\s*(?P<mon>" + "|".join(sorted(_HU_MONTHS, key=len, reverse=True))
                      + r")\.?\s+(?P<d>[0-3]?\d)\.?(?:-?(?:én|án|ig|től|tól|i|ei|ai|a|e|je|ja|jén|ján)\b)?")
_ISO_DATE = re.compile(r"(?<![\d./-])(?P<iy>(?:19|20)\d\d)(?:[-.](?P<im>[01]\d)[-.](?P<id>[0-3]\d)\.?"
                       # "2025/03/12", "2025/3/12" (Japanese, Chinese): year first with slashes
                       r"|/(?P<im2>[01]?\d)/(?P<id2>[0-3]?\d))(?![\d])")
# Chinese, Japanese and Korean dates: "2025年3月12日", "3月12日", "2025년 3월 12일"
_CJK_DATE = re.compile(r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)\s*[年년]\s*)?(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일号號]?")
_SPACED_DATE = re.compile(r"(?<![\d.])([0-3]?\d)\. ([01]?\d)\.(?: ?((?:19|20)\d\d)(?!\d))?(?!\d)")
_OP_DASH_DATE = re.compile(r"\bop [0-3]?\d-[01]?\d(?![\d-])")
_DASH_DATE = re.compile(r"(?<![\d./-])\d{1,2}-\d{1,2}-(?:19|20)\d\d(?![\d-])"  # "18-03-2024": only with its year
                        r"|(?<![\d./-])\d{1,2}-\d{1,2}(?=\s+(?:t/m|tot|to|until|bis)\s+\d{1,2}-\d{1,2}-(?:19|20)\d\d)"  # "15-01 t/m 21-01-2025"
                        # "van 30-01 t/m 03-02": day-month pairs either side of "t/m" are dates without their year
                        r"|(?<![\d./-])\d{1,2}-[01]?\d(?=\s+(?:t/m|tot en met)\s+\d{1,2}-[01]?\d(?![\d-]))"
                        r"|(?<=t/m )\d{1,2}-[01]?\d(?![\d-])")


def _numeric_dates(low: str, month_first: bool) -> str:
    """"13 January 2025", "January 14, 2025", "22 Apr" written as numbers in the note's own order, padded so that
    every position in the text stays where it was."""
    def sub(mt: re.Match[str]) -> str:
        day = mt.group("d") or mt.group("d2")
        month = _MONTHS[mt.group("mon") or mt.group("mon2")]
        year = mt.group("y") or mt.group("y2") or mt.group("y3")
        if not 1 <= int(day) <= 31:
            return mt.group(0)
        a, b = (f"{month:02d}", f"{int(day):02d}") if month_first else (f"{int(day):02d}", f"{month:02d}")
        out = f"{a}/{b}" + (f"/{year}" if year else "")
        return out + " " * (len(mt.group(0)) - len(out)) if len(out) <= len(mt.group(0)) else mt.group(0)
    def hungarian(mt: re.Match[str]) -> str:
        d, m, y = int(mt.group("d")), _HU_MONTHS[mt.group("mon")], mt.group("y")
        if not 1 <= d <= 31:
            return mt.group(0)
        out = f"{m:02d}/{d:02d}/{y}" if month_first else f"{d:02d}/{m:02d}/{y}"
        return out + " " * (len(mt.group(0)) - len(out))
    low = _HU_DATE.sub(hungarian, low)
    low = _WORD_DATE.sub(sub, low)

    def iso(mt: re.Match[str]) -> str:  # "2024-03-22", "2024.05.15." (Swedish, Hungarian): year first
        y, m, d = mt.group("iy"), mt.group("im") or mt.group("im2"), mt.group("id") or mt.group("id2")
        out = (f"{m}/{d}/{y}" if month_first else f"{d}/{m}/{y}")
        return out + " " * (len(mt.group(0)) - len(out))
    low = _ISO_DATE.sub(iso, low)

    def cjk(mt: re.Match[str]) -> str:
        y, m, d = mt.group("y"), mt.group("m"), mt.group("d")
        if not (1 <= int(m) <= 12 and 1 <= int(d) <= 31):
            return mt.group(0)
        out = (f"{m}/{d}" if month_first else f"{d}/{m}") + (f"/{y}" if y else "")
        return out + " " * (len(mt.group(0)) - len(out))
    if not low.isascii():
        low = _CJK_DATE.sub(cjk, low)
    # "podán 3. 5." (Czech, Slovak): a space after the day's dot, and the year kept with it ("4.-8. 2. 2025": a
    # course of filgrastim given as a range of dates ends on its last dose)
    low = _SPACED_DATE.sub(lambda mt: (f"{mt.group(1)}.{int(mt.group(2)):02d}." + (mt.group(3) or "")).ljust(
        len(mt.group(0))), low)
    # "Neulasta op 3-6, PET-CT op 19-6" (Dutch): a day and month joined by a dash, after "op"; "18-03-2024" with a year
    return _OP_DASH_DATE.sub(_slashed, _undash(low))


def _undash(low: str) -> str:
    """"18-03-2024" (or "03-18-2024" in a US note) written with slashes; a dashed pair needs its year."""
    return _DASH_DATE.sub(_slashed, low)


def _slashed(mt: re.Match[str]) -> str:
    return mt.group(0).replace("-", "/")


def _month_first(low: str) -> bool:
    """Whether the note writes dates month first (03/20/2025): a first part above 12 says day first, a second part
    above 12 says month first; otherwise US units and spelling decide."""
    firsts, seconds = [], []
    for found in _ANY_DATE.findall(low):
        a, b = (found[0], found[1]) if found[0] else (found[3], found[4])
        if int(a) <= 31 and int(b) <= 31:  # not "3/52" (weeks)
            firsts.append(int(a))
            seconds.append(int(b))
    if any(a > 12 for a in firsts):
        return False
    if any(b > 12 for b in seconds):
        return True
    return bool(_US_SIGNS.search(low))


def _date_of(mt: re.Match[str], month_first: bool, year: int | None) -> datetime.date | None:
    """The date of a matched dd/mm(/yy) (or mm/dd with ``month_first``), in ``year`` when it gives none."""
    a, b = int(mt.group("d")), int(mt.group("m"))
    day, month = (b, a) if month_first else (a, b)
    y = mt.group("y")
    # with no year anywhere, a common year (29/02 alone needs a leap one)
    yr = (2000 + int(y) if len(y) == 2 else int(y)) if y else (year or (2000 if (month, day) == (2, 29) else 2001))
    try:
        return datetime.date(yr, month, day)
    except ValueError:
        return None


_CYCLE_WORDS = {"cycle", "cycles", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"}
# the cycle in other languages: it dates the drug given in it ("an Tag 2 des 4. Zyklus"), and its own date still dates
# the chemotherapy ("ostatni cykl 12.03.2023")
_ANY_CYCLE = _CYCLE_WORDS | {"zyklus", "zyklen", "ciclo", "ciclos", "cicli", "cure", "cures", "kur", "kuren", "kuur",
                             "cyklus", "cyklu", "cykl", "ciklus", "kura", "kure", "ciclul", "kür",
                             "курса", "курс", "курсу", "цикла", "цикл", "циклу"}
# "of" before a cycle, in the languages that write "pegfilgrastim on day 2 of cycle 4" ("an Tag 2 des 4. Zyklus")
_OF_CYCLE = {"of", "des", "del", "du", "de", "della", "dello", "di", "van", "do", "da", "день", "дня"}  # (Russian: genitive)
_LAST_DOSE_DAYS = re.compile(r"\b(?:last\s+(?:dose|injection|shot|administration)|(?:última|ultima|dernière|derniere|letzte|"
                             r"laatste|senaste|sidste|siste|ostatnia|poslední)\s+(?:dose|dosis|doză|injection|injeção|"
                             r"inyección|iniezione|injektion|gabe|aplicação|aplicación|dawka|dávka|somministrazione)|son\s+doz)\b\s*"
                             r"(?:was\s+|given\s+|foi\s+|fue\s+)?"
                             # "última dose há cerca de 5 semanas", "son doz PET/BT'den 3 hafta önce": ago said first, or
                             # the scan named between
                             r"(?P<ago>(?:há|hace|il y a)\s+)?(?:(?:about|approximately|around|circa|ca\.?|etwa|environ|"
                             r"cerca de|alrededor de|ungefähr|ongeveer|około)\s+)?(?:pet\S*\s+)?"
                             r"(?P<n>\d{1,3})\s*(?P<u>days?|d|weeks?|wks?|dias|días|jours|"
                             r"tage[n]?|dagen|giorni|dni|dnů|semanas|semaines|wochen|weken|settimane|gün|hafta)"
                             r"(?(ago)(?!\w)|\s*(?:ago|before|prior|pre|earlier|antes|avant|vor|prima|fa|geleden|temu|przed|"
                             r"před|önce)\b)")
# "last dose the evening before the scan": one day before it
_LAST_DOSE_EVE = re.compile(r"\blast\s+(?:dose|injection|shot|administration)\b\s*(?:was\s+|given\s+)?(?:on\s+)?"
                            r"the\s+(?:evening|day|morning|night|afternoon)\s+(?:before|prior\s+to)\s+(?:the\s+)?"
                            r"(?:scan|pet|pet/ct|pet-ct|pet\s+ct|study|imaging)\b")
_LAST_DOSE = re.compile(r"(?:\blast\s+(?:dose|injection|shot|given|administration)\b"
                        # and abroad: "letzte Gabe", "dernière injection", "última dosis", "laatste dosis", "senaste dos"
                        r"|\b(?:letzte|dernière|derniere|última|ultima|laatste|senaste|sidste|siste|ostatnia|poslední)\s+"
                        r"(?:gabe|gift|dosis|dose|injektion|injection|administration|somministrazione|administración|"
                        r"administração|aplicação|aplicacao|aplicación|aplicacion|applicazione|toediening|injectie|dos|dosen|injektionen|"
                        r"dawka|dávka|aplikace|injeção|inyección|iniezione)\b"
                        r"|\bson\s+doz\b"
                        # "Filgrastim (Zarzio) pendant 6 jours, arrêté il y a 4 jours": stopped is the last dose
                        r"|\b(?:stopped|discontinued|arrêté|arrete|abgesetzt|gestoppt|sospeso|suspendido|suspenso|"
                        r"gestopt|stoppad|seponert|seponeret|odstawiony|kesildi)\b)[^.;]{0,25}$")
_SCHEDULE_AFTER = re.compile(r"\s*(?:to|until|till|-|–)\s*(?:day|d)?\s*\+?\s*\d"
                             # "bendamustine 180 mg D1, D2", "D1 + D8": the days of a cycle the drug is given on
                             r"|\s*(?:,|\+|&|and)\s*(?:day|d)\s*\d{1,2}\b")
# "pegfilgrastim on day 2 of cycles 1 and 2": the day of the cycle a drug is given, not the days since it
_CYCLE_DAY_TOKEN = re.compile(r"c\d{1,2}d(\d{1,2})")
# a cycle's number right before its day ("C4 day 12", "cycle 4 day 12")
_CYCLE_BEFORE = re.compile(r"\b(?:c|cycle\s*)\d{1,2}\s*$")
_CYCLE_DAY = re.compile(r"\s*of\s+(?:the\s+|each\s+|every\s+)?(?:cycles?|courses?|c\d|chemo)")
# "D1, D2", "d1 + d8": the days of a cycle a drug is given on, listed
_SCHEDULE_LISTED = re.compile(r"\b(?:day|d)\s*\d{1,2}\s*(?:,|\+|&|and)\s*$")
# (a dash only after a number: "day +7 – +18" is a schedule, "BMT Unit – Day +42 review" a heading's separator)
_SCHEDULE = re.compile(r"(?:\b(?:from|until|till|to|by|between|and)|\d[ \t]*[-–])\s*$")
_LIST_JOINS = {",", "and", "or", "nor", "/", "&"}


# what records a chart's dose: the drug's finding, the date it was read from, the year its row gives
_Dose = Callable[[str, re.Match[str], int | None], None]
# a drug chart's cell that marks a dose given, with no date of its own: a word ("given", "administrado", "C3"), a tick,
# or a dose ("6 mg"), but not a number alone nor a lab value with its flag ("142 H")
_CHART_MARK = re.compile(r"[^\d\n]*[^\W\d_][^\d\n]*|[^\w\n]*[✓✔☑☒xX][^\w\n]*|\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|ug|iu|ie|ui|mu|"
                         r"miu|mie)\b[^\d\n]*")


def _plain_item(words: list[str]) -> bool:
    """Words that can be one unknown item of a list ("syphilis serology"): no number, no punctuation of a sentence."""
    return not any(t[:1].isdigit() or t in {":", ";", ".", "(", ")"} for t in words)


_DAY_FORM = re.compile(r"\b(?:day|d)\s*\+?\s*\d+\s*$")  # "Neulasta d2", "filgrastim day 7": a cycle day or days since
# "PET on day +12 after pegfilgrastim", "día +12 tras pegfilgrastim": a day counted from the drug that follows
_DAY_AFTER = re.compile(r"\s*(?:after|post|following|since|tras|después|despues|après|apres|dopo|nach|depois|sonra|efter|etter|"
                        r"na|po)\b")
_MORE_THAN = re.compile(r"(?:more than|greater than|longer than|>)\s*$")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATED_DAY_ZERO = re.compile(r"[\s:=(,]*(?:(?:was|on|is)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_WORD + r"\b|" + _MONTH_WORD + r"\s+\d{1,2}\b|"
                             r"\d{1,2}[/.]\d{1,2}\b)")
# "PET-CT performed on day +49", "scan at D+35": a scan dated in transplant days
_SCAN_ON_DAY = re.compile(r"\b(?:pet(?:[-/ ]?(?:ct|tc))?|tep(?:-tdm)?|scan|imaging|пет|пэт)\b(?:[^.;]|\.(?=\d)){0,40}?\b(?P<day>" + _TX_DAY_PLUS + r"\s*\+\s*(?P<n>\d{1,3}))\b")
_NOT_SINCE = re.compile(r"\b(?:for|in|within|every|over|q|at|aged|age|delayed|postponed|deferred|by|um"  # "diagnosis at 8
                        # months": an age; "C2 (delayed 5 days)": a delay
                        # "Filgrastym przez 5 dni", "pendant 5 jours", "durante 5 días", "für 5 Tage", "po dobu 5 dnů"
                        r"|przez|pendant|durante|por|per|für|während|gedurende|tijdens|dobu|kroz|tokom"
                        # "tous les 21 jours", "cada 21 días", "ogni 21 giorni", "alle 21 Tage", "co 21 dni": a schedule
                        r"|tous les|toutes les|cada|a cada|ogni|alle|co|elke|var|hver|her"
                        # "docetaxel 75 mg/m2 c/21 d", "c/ 3 semanas": "cada" shortened
                        r"|c/)\s*$")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())} | {"a": 1, "an": 1, "thirty": 30}
# day, week and month words, with those of the languages local reports are pasted in ("6 jours après la dernière
# injection", "hace 10 días", "vor 3 Wochen")
_WEEK_UNITS = ("weeks", "week", "wks", "wk", "w", "semaines", "semaine", "sem", "semanas", "semana", "settimane",
               "settimana", "wochen", "woche", "weken", "tygodni", "tygodnie", "hafta", "uger", "uge", "uker", "uke",
               "veckor", "vecka", "týdny", "týdnů", "týden", "εβδομάδες", "hete", "hét", "viikkoa", "viikko",
               "săptămâni", "saptamani", "tjedana", "tjedna",
               # Russian, Ukrainian, Bulgarian; Hebrew, Arabic, Persian
               "недель", "недели", "неделю", "неделя", "нед", "тижнів", "тижні", "тиждень", "седмици", "седмица",
               "שבועות", "שבוע", "أسابيع", "أسبوع", "اسابيع", "اسبوع", "هفته",
               # Japanese, Chinese, Korean ("3週間前", "2周前", "3주 전")
               "週間", "週", "周", "주")
_MONTH_UNITS = ("months", "month", "mo", "mois", "meses", "mes", "mesi", "mese", "monaten", "monate", "monat",
                "maanden", "maand", "miesięcy", "miesiące", "måneder", "månader", "měsíce", "měsíců", "μήνες",
                "hónapja", "kuukautta", "luni", "mjeseci",
                "месяцев", "месяца", "месяц", "мес", "місяців", "місяці", "місяць", "месеца", "месец",
                "חודשים", "חודש", "أشهر", "شهور", "شهر", "ماه",
                "ヶ月", "か月", "カ月", "ヵ月", "个月", "個月", "개월", "달")  # (not a bare "月": "3月12日" is a date)
# years, for a drug long past ("pegfilgrastim ... roughly three years ago"): only with "ago" said
_YEAR_UNITS = ("years", "year", "yrs", "yr", "ans", "años", "anos", "anni", "anno", "jahren", "jahre", "jaren", "jaar",
               "lat", "år", "yıl", "χρόνια", "лет", "года", "год")
_DAY_UNITS = ("days", "day", "d", "jours", "jour", "j", "días", "dias", "día", "dia", "giorni", "giorno", "gg", "tagen",
              "tage", "tag", "dagen", "dag", "dni", "dzień", "gün", "dage", "dager", "dagar", "dní", "dny", "dnů",
              "ημέρες", "ημέρας", "μέρες", "napja", "napot", "päivää", "zile", "dana",
              "дней", "дня", "день", "дн", "днів", "дні", "дни", "ден", "ימים", "יום", "أيام", "ايام", "يوم", "روز",
              "日", "日間", "天", "일")
# after the count: "ago" and "after" words ("6 giorni fa", "3 dni temu", "6 jours après")
_AFTER_WORDS = ("après", "apres", "depois", "después", "despues", "dopo", "nach", "sonra")
_AGO_WORDS = ("fa", "temu", "atrás", "atras", "önce", "geleden", "siden", "sedan", "ezelőtt", "sitten",
              "назад", "тому", "پیش", "до", "перед", "преди", "قبل", "以前", "前", "전")
# a count of time said as a time since, read from the count's own words ("three years ago", "8 Tage nach", "5 days
# before"): years need "ago" (an age or a duration is not a date); a count before a drug's name needs any of these
# (else it is the course's length: "3 gün filgrastim"); a form's window ("<3 wk") needs one before the scan
_AGO_SAID = re.compile(r"(?<!\w)(?:ago|" + "|".join(_AGO_WORDS) + r")(?!\w)")
_TIME_SINCE_SAID = re.compile(r"(?<!\w)(?:ago|before|prior|earlier|since|back|pre|after|post|"
                              + "|".join(_AGO_WORDS + _AFTER_WORDS) + r")(?!\w)")
_BEFORE_SAID = re.compile(r"\b(?:ago|before|prior|earlier|since|back|pre)\b|" + "|".join(_AGO_WORDS))
_CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
_CJK_END = f"(?<=[{CJK_CHARS}{HANGUL_CHARS}])"  # a word of these scripts needs no boundary after it
_FOREIGN_SINCE = {*_AGO_WORDS, *_AFTER_WORDS, "hace", "vor", "seit", "depuis", "desde", "da", "od", "sinds", "há"}
_YESTERDAY = ("the day before yesterday", "yesterday", "gestern", "ayer", "ieri", "igår", "i går", "wczoraj", "dün", "ontem",
              "вчера", "eilen", "tegnap", "včera", "jučer", "gisteren", "χθες")
_LAST_WEEK = ("last week", "the previous week", "the week before", "previous week", "la semaine dernière", "la semana pasada", "la settimana scorsa", "letzte woche", "vorige week",
              "förra veckan", "sidste uge", "forrige uke", "w zeszłym tygodniu", "geçen hafta", "semana passada",
              "minulý týden", "múlt héten", "viime viikolla", "на прошлой неделе")
_DAYS = re.compile(
    # (not a cycle's number: "R-CHOP cycle 4 day 12" is day 12 of cycle 4, not four days)
    r"(?:(?P<n1>(?:(?<![\w:])(?!(?<=cycle )\d+\s*days?\s*\d)|" + _CJK_END + r"(?<![月年월년]))\d+|(?<![a-z])(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))"
    r"\s*-?\s*(?P<u1>" + "|".join(sorted({*_DAY_UNITS, *_WEEK_UNITS, *_MONTH_UNITS, *_YEAR_UNITS}, key=len,
                                          reverse=True)) +
    r")(?:(?!\w)|" + _CJK_END + r")\s*(?:ago|after|since|post|earlier|prior|before|back|pre|"
    + "|".join(_AFTER_WORDS + _AGO_WORDS) + r")?(?:(?!\w)|" + _CJK_END + r"))"
    r"|(?:\b" + _TX_DAY + r"\s*\+?\s*(?P<n2>\d+)\b)"
    # "1/52" = one week, "3/12" = three months, "5/7" = five days; not a date ("filgrastim 14-17/7 2023")
    r"|(?:(?<![\d/.\-–])\b(?P<n3>\d+)\s*/\s*(?P<u3>52|12|7)\b(?![/.]\d)(?!\s*(?:19|20)\d\d(?!\d)))"
    # "Neulasta yesterday", "cycle 4 of FOLFOX last week": one day, seven days
    r"|(?:(?<!\w)(?P<yday>" + "|".join(_YESTERDAY) + r")(?!\w))"
    r"|(?:(?<!\w)(?P<lastweek>" + "|".join(_LAST_WEEK) + r")(?!\w))"
)
# "patient male 74 years", "Mr Graham Whitlock, 66 years", "aged 58": a person word, then the age in years
# the word before "age" that makes it an age at an event, not today's ("Splenectomy at age 9", "spleen removed age 9"):
# one list for the age pattern below and for "age" read as a term
_AGE_AT_EVENT = frozenset({"at", "since", "from", "until", "till", "removed", "diagnosed", "operated", "splenectomised",
                           "splenectomized", "before", "after"})
_NOT_AT_EVENT = "".join(f"(?<!{w} )" for w in sorted(_AGE_AT_EVENT))
_AGE_YEARS = re.compile(r"\b(?:male|female|man|woman|gentleman|lady|patient|pt|mr|mrs|ms|miss|boy|girl)\b"
                        r"[^\n\d]{0,30}?(?<![\d.,])(?P<age>\d{1,3})\s*-?\s*(?:years?|yrs?|y/?o|y)\b"
                        r"(?!\s*(?:ago|of|since|history|before|after|later|earlier|previously))"
                        r"|" + _NOT_AT_EVENT + r"\baged?\s*:?\s*(?P<age2>\d{1,3})\b"
                        # in other languages: "homme de 68 ans", "uomo di 68 anni", "Patientin, 68 J.", "68-jähriger",
                        # "68-jarige man", "68 yaşında", "68-letnia", "Pani Haliny W., lat 68"
                        r"|\b(?:homme|femme|patiente?|uomo|donna|paziente|signora?|sig\.?ra|var[oó]n|hombre|mujer|paciente|"
                        r"mulher|homem|doente|patientin|mann|frau|herr|vrouw|pacjentk?a?|pan|pani|erkek|kad[ıi]n|hasta|"
                        r"mu[žz]|[žz]ena|pacient(?:k?a)?|b[ăa]rbat|femeie|kvinna|mand|kvinde|h|f|"
                        # a care home's resident ("Bewohnerin, 89 J.", "résidente de 93 ans", "mevr., 90 jr")
                        r"bewohner(?:in)?|r[ée]sidente?|residente|mevr|mevrouw|dhr|meneer|idos[ao]|ancian[ao]|anzian[ao]|"
                        r"пациент(?:ка)?|больн(?:ой|ая)|мужчина|женщина|пацієнт(?:ка)?|хвор(?:ий|а))\b"
                        # (not a duration: "patient depuis 3 ans", "paziente da 3 anni", "Patient seit 3 Jahren")
                        r"(?:(?!depuis|pendant|desde|durante|hace|há|seit|während|sinds|\bda\b|dal|dopo|\bod\b|since|\bfor\b|\bago\b)[^\n\d]){0,30}?"
                        r"(?<![\d.,])(?P<age3>\d{1,3})\s*-?\s*(?:ans|anni|aa|a\.|años|anos|jahre|j\.|jaar|jr|år|yaş|let|lat|roků|let[ée]|ani|год|года|лет|років|роки|рік)(?!\w)"
                        r"|(?<![\d.,])\b(?P<age4>\d{1,3})\s*-?\s*(?:jährige[rn]?|j[äa]hrige[rn]?|jarige|yaşında|yaş(?=\s+(?:kadın|erkek|hasta|çocuk))|ani(?=,?\s+(?:b[ăa]rbat|femeie|pacient))|letni[ae]?|årig|årige|ročn[ýíá]|let[ýá]|ετών)(?!\w)"
                        r"|,\s*lat\s+(?P<age5>\d{1,3})\b"
                        # "בן 57", "בת 26"; "عمره 27 سنة", "مريض 27 سنة", "يبلغ من العمر 52 عامًا"; "۵۸ ساله"
                        r"|(?<!\w)(?:בן|בת|عمره|عمرها|العمر|بعمر|مريضة?)\s*:?\s*(?P<age6>\d{1,3})(?!\d)(?!\s*(?:[/.,]\d|%))"
                        r"|(?<![\d.,])(?P<age7>\d{1,3})\s*(?:ساله|ساله‌ای)(?!\w)"
                        # "62歳男性", "患者男性，62岁", "62세 남자" (not "発症から3年", which has no age word)
                        r"|(?<!\d)(?<!\d[.,])(?P<age8>\d{1,3})\s*(?:歳|岁|歲|세)(?![時时시])"  # (not "55 歲時": at that age)
                        r"(?!\d(?!\d?\s*(?:か月|ヶ月|カ月|ケ月|个月|個月|개월)))"  # ("6歳3か月", "4岁3个月": years, months)
                        r"|(?:年齡|年龄|年齢|나이)\s*[:：]?\s*(?P<age9>\d{1,3})(?!\d)")
# what patients and relatives write ("My mum (74) finished cycle 3", "Dad is 68", "I'm 27 now", "mi papá tiene 63
# años", "Mama ma 66 lat", "Бабушке 82 года", "Mijn vader (71)"): read only when no clinical form of the age is found
# Turkish writes "my" onto the word ("babam": my father, "annem": my mother)
_OWN_RELATIVES = ("babam", "annem", "eşim", "oğlum", "kızım", "kardeşim", "dedem", "ninem")
_RELATIVES = (r"mum|mom|mother|dad|father|husband|wife|son|daughter|brother|sister|grandad|grandpa|grandma|granny|"
              r"grandmother|grandfather|partner|child|boy|girl|baby|toddler|papá|papa|mamá|mama|padre|madre|marido|"
              r"esposa|esposo|hija|hijo|hermano|hermana|abuelo|abuela|père|mère|mari|femme|fille|fils|frère|sœur|"
              r"vater|mutter|mann|frau|tochter|sohn|bruder|schwester|opa|oma|vader|moeder|man|vrouw|zoon|dochter|"
              r"broer|zus|babbo|mamma|nonno|nonna|figlio|figlia|fratello|sorella|moglie|marito|pai|mãe|"
              r"filho|filha|irmão|irmã|avô|avó|tata|mąż|żona|syn|córka|brat|siostra|babcia|dziadek|pappa|"
              r"farfar|morfar|farmor|mormor|" + "|".join(_OWN_RELATIVES) + "|"
              r"бабушк\w*|дедушк\w*|мам\w*|пап\w*|муж\w*|жен\w*|сын\w*|доч\w*")
_LAY_AGE = re.compile(
    rf"(?<!\w)(?P<rel1>{_RELATIVES})\s*\((?P<age>\d{{1,3}})(?:\s*(?:ans|años|anos|anni|jahre|j\.?|jaar|jr|år|lat|let|"
    r"years?|yrs?|y))?\)"
    rf"|(?<!\w)(?:(?P<rel2>{_RELATIVES})(?:\s+\w+(?=\s+is\b))?|i'?m|i am|he'?s|she'?s|he is|she is)\s+"
    r"(?:is\s+|now\s+|just\s+)*(?P<age2>\d{1,3})(?:\s+now)?(?=\s*(?:[.,;!)]|$|years?\b|yrs?\b|y/?o\b|now\b|and\b))"
    rf"|(?<!\w)(?P<rel3>{_RELATIVES})\s+(?:tiene|tem|ma|a|hat|heeft|har|ha|has)\s+(?P<age3>\d{{1,3}})\s*"
    r"(?:años|anos|lat|ans|jahre|jaar|år|anni|years?)(?!\w)"
    rf"|(?<!\w)(?P<rel4>{_RELATIVES})\s+(?P<age4>\d{{1,3}})\s*(?:года|лет|год|yaşında)(?!\w)",
    re.IGNORECASE)

# the writer's own ("my", "mi", "ma", "mijn", "mein" ...) right before a relative
_OWN_BEFORE = re.compile(r"(?<!\w)(?:my|mi|ma|mon|mijn|mein|meine|meinem|meiner|mia|mio|meu|minha|mój|moja|min|mitt|"
                         r"mamy|moje)\s+(?:\w+\s+)?$")


def _move_aside(result: MatchResult, findings: list[Extracted], context: Context) -> None:
    """Findings read but not the patient's now, set aside in that context ("planned", "general")."""
    for ex in findings:
        result.findings.remove(ex)
        ex.context, ex.status = context, None
        result.set_aside.append(ex)


def _ages(low: str) -> tuple[re.Match[str] | None, list[re.Match[str]]]:
    """A note's age as clinicians write it (the first), and, only when there is none, the ages as patients and
    relatives write them."""
    clinical = _AGE_SEX.search(low) or _AGE_YEARS.search(low)
    return clinical, [] if clinical else list(_LAY_AGE.finditer(low))


def _own_relative(low: str, mt: re.Match[str]) -> bool:
    """Does the writer call the relative of a _LAY_AGE match their own ("my mum (74)", "mi papá")?"""
    return _OWN_BEFORE.search(low[max(0, mt.start() - 20):mt.start()]) is not None


def _lay_relative(mt: re.Match[str]) -> str | None:
    """The relative a _LAY_AGE match gives the age of; None for the writer's own ("I'm 27")."""
    return next((v for k, v in mt.groupdict().items() if k.startswith("rel") and v), None)


_AGE_SEX = re.compile(r"(?<![\d.,\-])\b(?P<age>\d{1,3})\s*(?:y/?o|yrs?|years?)?\s*(?:old\s*)?(?P<sex>m|f|male|female|man|woman|boy|girl)\b(?!\s*[\])]?\s*-?\s*(?:fdg|фдг|φδγ))")  # not "18F-FDG", "[18F]FDG", "Tc-99m"
_BLANK_RUN = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_EARLIER_SCAN = re.compile(r"\b(?:comparison|compared|staging|baseline|previous|prior|earlier|old|initial|cf\.?|vs\.?|"
                           r"basal|inicial|previo|previa|précédente?|precedente|vorherigen?|voruntersuchung)\b"
                           r"[^.;\n]{0,20}$")
_SAMPLE_WORDS = {"sets", "set", "bottles", "bottle", "samples", "sample", "pairs", "times", "occasions",
                 "seturi", "sady", "zestawy", "serier", "sæt", "sett",  # ("Hemoculturi 3 seturi negative")
                 "flacons", "flacon", "frascos", "frasco", "flaconi", "flaschen", "fiale", "φιάλες",
                 "x", "×"}  # "Bloedkweken 3x negatief": three samples
_SMALL_INT = re.compile(r"\d{1,3}")
_THREE_DIGITS = re.compile(r"\d{3}")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_MARROW_WORDS = {"marrow", "bone", "bones", "skeletal", "skeleton", "medullary", "spine", "spinal", "vertebral",
                 "vertebrae", "pelvis", "pelvic", "axial", "appendicular", "background"}
_SKELETAL_WORDS = {"sternum", "ribs", "rib", "femur", "femora", "femurs", "humerus", "humeri", "ilium", "iliac", "sacrum",
                   "scapula", "scapulae", "skull", "calvarium", "vertebra", "vertebral", "osseous", "bony"}
_LEVEL = re.compile(r"[ctls]\d{1,2}")  # a vertebral level: T7, L2
_SPINE_LEVEL = re.compile(r"(?:[ctls]|th|bwk|lwk|hwk)\d{1,2}")  # and as other countries write it: Th9, BWK 9
_SPINAL_LEVEL = re.compile(r"(?:[ctl]|th)\d{1,2}")  # T7, L2, Th10 (not S1, which is also a heart sound)
_STRETCH_END = {",", ";", ".", ")", "and", "but", "whereas", "while"}  # ")": an aside does not own what follows
_DISTANCE_WORDS = {"below", "beneath", "under", "bcm", "bcm.", "from", "beyond", "past",
                   # "a 8 cm del reborde costal", "4 cm dall'arcata", "5 QF unter dem Rippenbogen", "sous le rebord"
                   "del", "dal", "dalla", "debajo", "bajo", "abaixo", "do", "unter", "sous", "onder",
                   # "mjälten palpabel 12 cm nedom arcus", "12 cm pod łukiem żebrowym"
                   "nedom", "nedanför", "pod", "sub", "alatt",
                   # "slezena 9 cm ispod lijevog rebrenog luka", "под левой реберной дугой", "κάτω από το πλευρικό τόξο"
                   "ispod", "под", "κάτω", "ниже"}
_TRANSFUSED = {"u", "unit", "units", "prbc", "prbcs", "rbc", "bag", "bags", "pack", "packs", "ec", "ek", "ffp", "uds",
               "unités", "einheiten", "sacche", "bolsas", "concentrados"}
_TRENDS = {"->", "-->", "→", "=>", ">>", "then", "now", "falling to", "fell to", "dropped to", "rose to", "rising to",
           "increased to", "decreased to", "down to", "now down to", "now up to", "and now", "-> now", "→ now",
           "then now", "- >"}


_ORDINAL_ENDS = {"st", "nd", "rd", "th"}


def _ordinal_at(key: tuple[str, ...], q: int) -> bool:
    """Is key[q] part of an ordinal the tokenizer split in two ("7th" is "7", "th")?"""
    t = key[q]
    if t.isdigit():
        return q + 1 < len(key) and key[q + 1] in _ORDINAL_ENDS
    return t in _ORDINAL_ENDS and q > 0 and key[q - 1].isdigit()


_SIZE_NUMBER = re.compile(r"[x×]?\d+(?:[.,]\d+)?")  # "12", "1.5", "x12" (of "15x12 mm")
_SIZE_UNITS = {"mm", "cm"}
_SIZED_NOUNS = _LESION_WORDS | {"focus", "foci", "mass", "masses", "lesión", "lesiones", "lésion", "lésions", "lesione",
                                "lesioni", "läsion", "läsionen", "herd", "herde", "foco", "focos", "foyer", "foyers"}


def _size_at(key: tuple[str, ...], q: int) -> bool:
    """Is key[q] part of a size ("a solitary 12-mm focus", "a 15x12 mm lytic lesion")? A number counts only when a
    unit of length follows it (through other numbers of the same size), a unit only when a number precedes it."""
    if key[q] in _SIZE_UNITS:
        return q > 0 and bool(_SIZE_NUMBER.fullmatch(key[q - 1]))
    if not _SIZE_NUMBER.fullmatch(key[q]):
        return False
    j = q + 1
    while j < len(key) and j <= q + 2 and _SIZE_NUMBER.fullmatch(key[j]):
        j += 1
    return j < len(key) and key[j] in _SIZE_UNITS


def _past_aside(toks: list[str], j: int) -> int:
    """Where a relative's words begin: past a short bracketed aside right after the relative ("Her brother
    (HLA-identical) got filgrastim")."""
    if j < len(toks) and toks[j] == "(":
        return next((q + 1 for q in range(j, min(len(toks), j + 8)) if toks[q] == ")"), j)
    return j


_CYRILLIC_UNIT = (("µmol", "мкмоль"), ("mmol", "ммоль"), ("µl", "мкл"), ("dl", "дл"), ("u/l", "ед/л"),
                  ("g/", "г/"), ("/l", "/л"), ("x", "х"))


def _cyrillic_unit(form: str) -> str | None:
    """A unit as Russian notes write it: the same signs in Cyrillic letters ("г/дл", "×10⁹/л", "мкмоль/л")."""
    out = form
    for latin, cyrillic in _CYRILLIC_UNIT:
        out = out.replace(latin, cyrillic)
    return out if out != form and not any("a" <= ch <= "z" for ch in out) else None


def _is_clock(tokens: list[Token], lo: int, toks: list[str], j: int) -> bool:
    """A 24-hour time at token j ("04:00", "22:30"): two digits, a colon and two digits, written together (a titre
    "1:640" or "1:40" is not one)."""
    if j + 2 >= len(toks) or toks[j + 1] != ":" or not (len(toks[j]) == 2 == len(toks[j + 2])):
        return False
    if not (toks[j].isdigit() and toks[j + 2].isdigit() and int(toks[j]) <= 23 and int(toks[j + 2]) <= 59):
        return False
    a, colon, b = tokens[lo + j], tokens[lo + j + 1], tokens[lo + j + 2]
    return a.end == colon.start and colon.end == b.start


def _opening(toks: list[str], close: int) -> int | None:
    """The "(" that opens the short aside closed at ``close`` (within 15 tokens, none nested), or None."""
    opened = next((q for q in range(close - 1, max(-1, close - 16), -1) if toks[q] in {"(", ")"}), None)
    return opened if opened is not None and toks[opened] == "(" else None


# words a line cannot end on: what follows on the next line is theirs ("keine\nBlasten", "no\nFDG-avid nodes")
# (not "no", "brak" or "ingen", which a checklist gives as a line's answer: "Fever no\nNight sweats yes")
_RUN_ON = {"without", "keine", "kein", "keinen", "keiner", "ohne", "sans", "aucune", "aucun", "sin", "senza",
           "nessuna", "nessun", "sem", "bez", "uden", "zonder", "geen", "the", "of",
           "and", "with", "und", "mit", "der", "die", "das", "des", "von", "im", "in", "et", "de", "du", "la", "le", "y",
           "e", "en", "och", "og"}
# a count of days said against the scan ("20 days before the scan", "13 dni przed badaniem PET/CT", "12 días antes
# del PET-TC", "10 jours avant la TEP", "vor der PET")
_BEFORE_SCAN = re.compile(r"\s*(?:before|prior\s+to|przed|antes\s+del?|avant|vor|prima\s+del(?:la|l')?|voor|före|før|"
                          r"před|перед|до)\s+(?:the\s+|la\s+|le\s+|l'|el\s+|dem\s+|der\s+|het\s+|de\s+|badaniem\s+)?"
                          r"(?:pet|scan|tep|examen|exame|esame|badani|untersuchung|imaging|study|onderzoek|пэт|пет)")
_SCAN_WORD = re.compile(r"\b(?:i?pet|scan|tep)\b")  # the scan named ("Interim PET booked for C2 D16 (12/02)")
_ARTICLES = {"the", "a", "o", "la", "le", "el", "il", "lo", "der", "dem", "den", "het", "l", "'"}
# shortened words whose dot ends no sentence when the text runs on in lower case ("incl. both femurs")
_WORD_ABBREVIATIONS = {"incl", "inkl", "approx", "esp", "resp", "excl", "exkl", "bzw", "ggf", "evtl", "vs", "ca", "max",
                       "min", "pt", "pts", "pat", "cf", "viz", "mod", "sev",
                       "homog", "heterog", "inhomog", "prox", "bilat"}  # ("marrow ↑ diffusely, homog., SUVmax 2,9")


_DRUG_EXPOSURES = {"esa_exposure", "gcsf_exposure"}
_LEVEL_UNITS = {"mu/ml", "miu/ml", "mui/ml", "mie/ml", "iu/l", "ie/l", "u/l", "mu/l", "pg/ml", "ng/ml", "u/ml", "ui/l"}


def _a_level(tokens: list[Token], lo: int, toks: list[str], j: int) -> bool:
    """Is what follows a drug's name at j a level measured in the blood ("EPO 1.9 mU/mL", "G-CSF: 412 pg/ml")?"""
    k = j + (j < len(toks) and toks[j] in {":", "="})
    return k + 1 < len(toks) and tokens[lo + k].kind == "num" and toks[k + 1] in _LEVEL_UNITS


def _counted_from(words: list[str], at: int) -> bool:
    """Is the treatment named at ``at`` the time a course is counted from ("days 5-11 post chemo", "x5 after C4
    R-CHOP"), not the drug a "last dose" belongs to?"""
    j = at - 1
    while j >= max(0, at - 5) and (words[j] in _ANY_CYCLE or words[j] in _OF_CYCLE or words[j] in _ARTICLES
                                   or re.fullmatch(r"\d{1,2}(?:º|ª|st|nd|rd|th|\.)?", words[j])):
        j -= 1  # "após o 2º ciclo de R-CHOP"
    return j >= 0 and words[j] in {"post", "after", "após", "apos", "depois", "después", "despues", "après", "apres",
                                   "nach", "dopo", "efter", "etter", "na", "po", "после"}


def _sentence_end(low: str, pos: int) -> int:
    """Where the sentence or line that ``pos`` stands in ends."""
    return min(x for x in (low.find(".", pos), low.find("\n", pos), len(low)) if x >= 0)


def _after_aside(window: list[str]) -> list[str]:
    """The words of a window after the last aside closed in it: "Hb 9.4 (13.2 before chemotherapy), plt 86" - the
    aside is about the Hb before; the platelet count after it is today's. (Callers pass a wider window than they read,
    so an aside that opened before the words they read is seen whole: "creat 268 (was 94 in 2023), Hb 84".)"""
    if ")" not in window:
        return window
    close = len(window) - 1 - window[::-1].index(")")
    opened = next((q for q in range(close - 1, -1, -1) if window[q] == "("), None)
    # (only an aside that follows a value: "At diagnosis two years ago (Mar 2022) Hb 64" keeps its "at diagnosis")
    if opened is not None and (opened == 0 or window[opened - 1][:1].isdigit()):
        return window[close + 1:]
    return window


def _closing(toks: list[str], opened: int) -> int | None:
    """The ")" that closes the short aside opened at ``opened`` (within 15 tokens, none nested), or None."""
    closed = next((q for q in range(opened + 1, min(len(toks), opened + 16)) if toks[q] in {"(", ")"}), None)
    return closed if closed is not None and toks[closed] == ")" else None


def _drop_asides(gap: list[str]) -> list[str]:
    """"BCx x2 (day 3 of illness) no growth": a closed parenthesis is an aside, not part of the gap."""
    if "(" not in gap or ")" not in gap:
        return gap
    out: list[str] = []
    depth = 0
    for t in gap:
        if t == "(":
            depth += 1
        elif t == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


# a time counted after the scan ("three weeks after the PET", "two days after the scan", "a month after the index
# PET", "drei Wochen nach der PET", "deux semaines après la TEP", "dos semanas después del PET")
_AFTER_THE_SCAN = re.compile(
    r"(?i)\b(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|few|some|"
    r"ein(?:e[mnr]?)?|zwei|drei|vier|fünf|sechs|un|une|deux|trois|quatre|cinq|six|dos|tres|cuatro|cinco|seis|"
    r"uno|una|due|tre|quattro|cinque|sei|duas|dois|três|quatro|één|een|twee|drie|vier|vijf|zes)[ \t]+"
    r"(?:days?|weeks?|months?|fortnights?|tage[n]?|wochen|woche|monate[n]?|monat|jours?|semaines?|mois|"
    r"d[ií]as?|semanas?|mes(?:es)?|giorni|giorno|settimane|settimana|mesi|mese|dias?|meses|dagen|dag|weken|week|"
    r"maanden|maand)[ \t]+"
    r"(?:after|following|later than|nach|après|apres|despu[ée]s|dopo|ap[óo]s|depois|na)[ \t]+"
    r"(?:the[ \t]+|der[ \t]+|dem[ \t]+|la[ \t]+|le[ \t]+|l'|el[ \t]+|del[ \t]+|o[ \t]+|do[ \t]+|a[ \t]+|da[ \t]+|de[ \t]+|het[ \t]+|il[ \t]+)?"
    r"(?:index[ \t]+|interim[ \t]+|baseline[ \t]+|first[ \t]+|initial[ \t]+)?"
    r"(?:pet(?:[-/ ]?ct)?|scan|tep|pet-tc|pet/tc|pet-scan|pet-tac|fdg)\b")
# a relative reporting the patient's symptoms, not the relative's own history (a relative's worry or question is
# neither: "Mum worried about 'lumps in his neck'")
_REPORTING = {"says", "said", "keeps", "kept", "reports", "reported", "tells", "told", "noticed", "notes", "noted",
              "mentions", "mentioned", "describes", "described", "states", "stated", "confirms", "confirmed",
              "explains", "explained", "rang", "phoned", "called"}
# how a fever's highest reading is told ("Temp peaked at 38.9", "temp hit 39.2"): a bridge to the temperature only
# (a lab that "peaked at 240 a week before the scan" has moved on since)
_PEAKED = {"peaked", "topped", "hit"}
_OF_WORDS = {"de", "del", "da", "do", "di", "della", "des", "du", "dos", "das"}  # "extensión a diáfisis de huesos largos"
_PREPOSITIONS = {"on", "in", "of", "for", "to", "at", "from", "off", "by", "since", "after", "before"}
_CLAUSE_VERBS = {"has", "had", "have", "is", "was", "are", "were", "but", "with", "reports", "reported", "complains",
                 "c/o", "noted", "shows", "showed", "now", "then"}
_BLOODISH = {"blood", "bcx", "bc", "bcs", "bacteraemia", "bacteremia", "bacteraemic", "bacteremic", "hemoculture",
             "haemoculture", "hemocultures", "haemocultures", "blood-culture", "cultures", "culture"}
# the method between a test's name and its result: "Leishmania IFAT was positive at 1:160", "Leishmania IFAT negative"
_TEST_METHODS = {"ifat", "ifi", "iif", "elisa", "immunofluorescence", "dipstick", "agglutination"}
_RESULT_GAP = {":", "=", "-", "was", "were", "is", "are", "have", "has", "both", "all", "x1", "x2", "x3", "x4", "x5",
               "(", ")", "then", "now", "also", "sets", "bottles", "titre", "titer", "test", "tests", "level",
               "screen", "serology", "pcr", "igm", "igg", "result", "results", "showed", "shows", "show",
               "revealed", "demonstrated", "a", "an", "small", "large", "faint", "tiny", "dense", "plus", "gold",
               "tb", "repeat", "repeated", "again", "today", "this", "time", "smears", "smear", "assay",
               # "HIV test from the GP is positive", "came back positive"
               "from", "by", "the", "gp", "gp's", "clinic", "lab", "outside", "came", "back", "returned", "on",
               "admission", "ict", "rapid"} | _TEST_METHODS
_PAST_SCAN_WORDS = {"baseline", "previous", "prior", "pretreatment", "pre-treatment", "initial", "earlier"}
_AWAITED = {"sent", "pending", "awaited", "requested", "sent off", "to follow", "in progress"}  # a test not yet back
_RESULT_NEGATIONS = {"negative", "neg", "-ve", "sterile", "no growth", "ngtd", "ng", "n/g", "not detected",
                     "no growth to date", "were negative", "was negative"}
# chemotherapy or treatment named after "before" ("vor Beginn der Chemotherapie", "antes de la quimioterapia")
_TREATMENT_NAMES = (r"chemo|chemotherapy|chemotherapie|chimio|chimiotherapie|quimio|quimioterapia|chemioterapia|"
                    r"treatment|therapy|therapie|behandlung|traitement|tratamiento")
_PAST_BEFORE = re.compile(r"\b(?:had shown|had been|previously|previous|prior|at diagnosis|last year|years? ago|"
                         r"at (?:the )?end of (?:chemo(?:therapy)?|treatment|induction|therapy)|"
                         r"months? ago|pre-treatment|pretreatment|before treatment|in 20\d\d|in 19\d\d|"
                         # "Before chemotherapy the count was normal (Hb 13.2, plt 254)", "Vor Beginn der Chemotherapie
                         # Blutbild normal (...)", "avant la chimiotherapie", "antes de la quimioterapia"
                         r"(?:before|vor|avant|antes de|prima della|voor|przed) (?:the |(?:dem )?beginn der |le debut de "
                         r"(?:la )?|la |el inicio de (?:la )?|l'inizio della |de |het begin van de |rozpoczeciem )?(?:start of )?"
                         r"(?:" + _TREATMENT_NAMES + r"|chemioterapii|chemotherapii))\b")
# "Copied from 10/2024 clinic letter: Hb 13.1, WBC 5.8, plt 246": a clause that opens as old results
_PAST_HEADING = re.compile(r"^(?:in|by|during) (?:(?:early|late|mid) )?(?:19|20)\d\d\b|\b(?:copied from (?:the |her |his )?(?:previous|old|last|prior|earlier)|copied forward|carried forward|from (?:the |her |his )?(?:previous|old|last|"
                           r"prior) (?:letter|notes|clinic|admission)|(?:previous|old|prior|historical) (?:results|bloods|"
                           r"labs)|clinic letter|discharge summary from|"
                           # "(Counts at end of chemo 06/01: Hb 10.8, TLC 6,900)"
                           r"(?:counts|bloods|labs|fbc|cbc) at (?:the )?end of (?:chemo(?:therapy)?|treatment|induction))\b"
                           # "Nadir post-C6 (D10, 27/02): WBC 1.1": the low point after a cycle, not today's count
                           r"|^\(?\s*nadir\b"
                           # "Avant la chimiothérapie : Hb 13,2, plaquettes 254": a clause opened by "before treatment"
                           r"|^(?:before|prior to|pre|avant|vor|antes de|prima della|voor|przed) (?:the |la |der |dem |el |"
                           r"de |het )?(?:start of |beginn der |debut de (?:la )?|inicio de (?:la )?|begin van de )?"
                           r"(?:" + _TREATMENT_NAMES + r")\b")
# "WBC 6.2 before chemo", "Hb 13.1 at diagnosis": a value said to be from before treatment is an old value
_PAST_AFTER = re.compile(r"^(?:\(?\s*)(?:before|prior to|pre)[- ]?(?:chemo|chemotherapy|treatment|therapy|cycle \d+|"
                         r"c\d+|starting)\b|^(?:\(?\s*)(?:at diagnosis|at baseline|at presentation \d+ (?:weeks|months) ago)\b")
_PAST_LATER = re.compile(r"^(?:[^.;]|(?<=\d)\.(?=\d))*?\b(?:in (?:" + _MONTH_WORD + r" )?(?:19|20)\d\d|"
                         r"(?:\d+|a|one|two|three|several) (?:years?|months?) ago|last year)\b")
_BULLETS = {"-", "–", "*", "•", "·", ">", "+"}
_SITE_FILLERS = frozenset({"in", "at", "of", "within", "the", "left", "right", "links", "rechts", "l", "r", "both",
                           "bilateral", "and", "-",
                           "–", "/", "seen", "noted", "described", "st", "nd", "rd", "th"})
_AVIDITY = frozenset({"avid", "fdg-avid", "hypermetabolic", "metabolically", "active", "uptake"})
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
_YEAR = re.compile(r"(?:19|20)\d\d")

_BOUNDS = {"gt", "lt", "ge", "le"}
_DENIED = {"no", "not", "never", "without", "nil", "w/o", "non"}
_DESCRIBED = {"diffuse", "diffusely", "increased", "intense", "intensely", "enlarged", "mild", "mildly", "marked",
              "markedly", "moderate", "moderately", "homogeneous", "homogeneously", "heterogeneous", "bulky",
              "extensive", "widespread"}
_DOUBT_HEADINGS = {"differential", "differentials", "ddx", "dd", "differential diagnosis", "differential diagnoses",
                   "query", "possible", "possibilities", "consider", "considerations", "to exclude", "exclude",
                   "rule out", "r/o", "?", "questions", "question",
                   # tests still to come ("Pendiente: mutación JAK2 V617F, CALR y MPL; BCR-ABL1 por PCR")
                   "pending", "awaited", "outstanding", "pendiente", "pendientes", "en attente", "ausstehend",
                   "in attesa", "pendente", "pendentes", "in afwachting", "awaiting"}
_SITE_PREPS = {"in", "of", "within", "involving", "throughout", "at"}
# "Captación focal en colon sigmoide", "Ipercaptazione focale al colon": these place a lesion in an organ only (not
# "superiore al fegato", "supérieure au foie", which compare with the liver)
_FOREIGN_SITE_PREPS = {"en", "al", "alla", "allo", "nel", "nella", "no", "na", "em", "dans", "au", "im", "am"}
# "the spleen is firm and palpable 12 cm below the left costal margin": how an examined organ is felt
_EXAM_WORDS = frozenset({"is", "was", "firm", "hard", "soft", "smooth", "tender", "non-tender", "nontender", "and",
                         "palpable", "palpated", "felt", "easily", "just", "enlarged", "very"})
_MEASURED = {"measured", "measuring", "measures", "is", "was", "of", "length", "long"}
_DEGREE_WORDS = {"marked", "massive", "mild", "moderate", "gross", "huge", "significant", "mildly", "markedly"}
_PLACED = {"scattered", "seen", "noted", "distributed", "located", "present", "visible", "identified", "dispersed",
           "spread", "also", "mainly", "predominantly"}
_RESOLVED = re.compile(r"(?:has |have |had |then |quickly |soon |since |later |now |completely |fully )*(?:resolved|settled|subsided|"
                       r"disappeared|went away|gone away|stopped)\b")
_COLUMN_DATE = re.compile(r"(?<![\d/.,])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?"
                          # "14.10. (HA)   28.10. (Aufnahme)   03.11. (PET-Tag)": with its closing dot or its year (a
                          # value "9.6" is not a date)
                          r"|(?P<da>\d{1,2})\.(?P<db>[01]?\d)\.(?P<dy>(?:19|20)\d{2}|\d{2}(?!\d))?"
                          r"|(?P<mm>\d{1,2})/(?P<my>(?:19|20)\d{2})|(?P<year_only>(?:19|20)\d{2}))(?![\d/])")
_TABLE_BLANKS = {"-", "–", "—", "n/a", "na", "nd", "*", "|"}
_LINK_WORDS = {"the", "a", "an", "in", "of", "on", "at", "to", "and", "or", "with", "over", "his", "her", "my", "both"}
_SITE_SKIP = {"the", "a", "an", "both", "left", "right", "l", "r", "enlarged",
              # "In der Milz mehrere Herde", "В селезёнке множественные очаги", "Ve slezině ...", "W śledzionie ..."
              "in", "der", "dem", "в", "во", "ve", "v", "w", "nella", "nel", "dans", "la", "le", "en", "el", "het", "de",
              "no", "na", "em", "i"}
# what follows an organ's name when it leads a clause in another language ("rate de 12,5 cm", "milza di 14 cm")
_LEAD_ORGAN_NEXT = frozenset({"de", "du", "à", "a", "di", "con", "mit", "met", "med", "com", "avec", "ile", "z", "s",
                              "mesurant", "misura", "mide", "mäter", "måler"})
# a preposition before a second body site ("pain in both shoulders and in the mid-back")
_LEAD_PREPS = frozenset({"in", "over", "across", "along"})
_SIZE_WORDS = {"cm", "mm", "-", "x", "×", "."}  # "a 13.0 cm spleen", "a 16 x 7 cm spleen"
_TIMES = re.compile(r"x\d+|\d+x|[x×]")  # "blood cultures x2 negative"


def _drop_titres(gap: list[str]) -> list[str]:
    """The gap without a titre right before the result ("1 / 40 negative"); a titre further back belongs to its own
    test ("ANA was 1:40 with negative anti-dsDNA")."""
    if len(gap) >= 3 and gap[-3] == "1" and gap[-2] in {"/", ":"} and gap[-1].isdigit():
        return gap[:-3]
    return gap


@dataclass(frozen=True)
class Trigger:
    kind: str  # negation | pseudo | uncertainty | history | family
    text: str
    span: tuple[int, int]


class _WordSet:
    """Single words, some of them stems ("kemik*" is kemik, kemikler, kemiklerim ...)."""

    def __init__(self, words: list[str]) -> None:
        # in the tokens' own spelling (accents folded as the tokenizer folds them: "über", "aşan")
        def norm(word: str) -> str:
            return " ".join(term_tokens(word)) or word.lower()
        self.exact = frozenset(norm(w) for w in words if not w.endswith("*"))
        self.stems = tuple(norm(w[:-1]) for w in words if w.endswith("*"))

    def has(self, word: str) -> bool:
        return word in self.exact or (bool(self.stems) and word.startswith(self.stems))


_ORGAN_PARTS = frozenset({"pole", "lobe", "segment", "part", "portion", "aspect", "tip", "region", "half", "hilum",
                          "capsule", "margin"})
_PALPABLE = frozenset({"palpable", "palpated", "felt", "palpably", "palp", "palpabel", "palpabile", "palpável", "palpavel",
                       "tastbar", "palpacyjnie", "palpabilă"})
_NEAR_BREAK = {",", ";", ".", ")", "(", ":", "but", "whereas", "while"}
_SHARED_FILLERS = {"the", "that", "of", "od", "als", "que", "than", "di", "de", "del", "du", "van", "an", "malog", "male"}
# a year, and dates with a two-digit year ("12/03/24"), from which a note's own (latest) year is taken
# where a marrow SUV was measured, between the word and the value: "SUVmax LWK 3: 6,8", "SUVmax rachis 5,1",
# "SUVmax spine 5.1 / liver 2.7" (a level "L3" is read by _LEVEL)
_LEVEL_WORDS = {"lwk", "bwk", "hwk", "wk", "lw", "bw"}
_SITE_LEVEL = re.compile(r"(?:lwk|bwk|hwk|th|d)\d{1,2}")
_VALUE_SITES = _LEVEL_WORDS | {"spine", "spinal", "vertebral", "vertebrae", "vertebra", "rachis", "rachidien", "colonne",
                               "columna", "colonna", "coluna", "wirbelsäule", "wirbelkörper", "lws", "bws", "pelvis",
                               "pelvic", "bassin", "becken", "bacino", "sternum", "sternal", "iliac",
                               "crest", "crests", "ilium", "sacrum", "axial", "squelette", "skelett", "esqueleto",
                               "scheletro", "lombaire", "lumbar", "lumbale", "lombare", "thoracic", "dorsal",
                               "vertebrale", "vertébral", "vertébrale", "vertebrales", "wirbel", "kręgosłupa",
                               "omurga", "gerinc", "páteře", "coloanei", "vertebrală", "kralježnice", "позвоночника", "marrow", "bm"}
# a growth factor given with every cycle ("pegfilgrastim on day 2 with each cycle", "pegfilgrastim ke každému cyklu",
# "Peg-G-CSF an Tag 2 jedes Zyklus") and how many days after a cycle starts its last dose falls
_EACH_CYCLE = re.compile(
    r"\b(?:with|after|following|in|for|of|on|at)?\s*(?:each|every|all)\s+(?:the\s+)?(?:\w+\s+)?(?:cycles?|courses?)\b|"
    r"jeweils|à chaque fois|ke každému cyklu|s každým cyklem|po každém cyklu|v každém cyklu|jede[snm] zyklus|jedem zyklus|jeden zyklus|"
    r"nach jedem zyklus|à chaque cycle|après chaque cycle|a chaque cure|à chaque cure|après chaque cure|"
    r"(?:a|con|tras|en|después de) cada ciclo|(?:ad|a|dopo|con) ogni ciclo|(?:em|após|a|com) cada ciclo|"
    r"(?:bij|na|met) elke (?:kuur|cyclus)|(?:w|po|do|przy) każdym cyklu|(?:vid|efter|med|i) varje (?:cykel|kur)|"
    r"(?:med|efter|ved|i) hver (?:kur|cyklus|syklus)|her kür(?:den sonra|de|le)|minden ciklus(?: után|ban|sal)|"
    r"jokaisen (?:syklin|hoidon) (?:jälkeen|yhteydessä)|(?:după|la|cu) fiecare ciclu|"
    r"(?:с|после) каждого курса|с каждым курсом|(?:μετά από|σε|με) κάθε κύκλο|(?:την επομένη )?κάθε κύκλου|(?:uz|nakon|sa) svak(?:i|og) cikl(?:us|usa)")
_PER_CYCLE_OFFSET = {"days_since_pegfilgrastim": 1.0, "days_since_gcsf": 8.0}
# what stands between a growth factor and its day of the cycle: a dose, a route, "on" ("Neulasta 6 mg s.c. day 2")
_DOSE_BEFORE_DAY = re.compile(r"[\s,(]*(\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|μg)(?:/kg)?)?[\s,)]*(?:s\.?c\.?|sc|s/c|i\.?v\.?|"
                              r"subcut|sq)?[\s,)]*(?:on|am|le|il|el|op)?\s*")  # ("(Fulphila 6 mg) on day 2")
_AFTER_DRUG = re.compile(r"\b(?:post|after|following|since)\b[- ]*[\w-]*$")  # "post-filgrastim day 4": days since
_DOSE_CYCLE_DAY = re.compile(r"\bon\s+(?:day|d)\s*(?P<n>[1-9]|1\d)\s+of\s+(?:the\s+)?(?:(?:first|second|third|fourth|fifth|"
                             r"sixth|\d+(?:st|nd|rd|th)?)\s+)?(?:cycle|course|c)\s*\d{0,2}\b")
# a month said alone, or with its year ("in December", "in June 2021", "en junio de 2021", "im Juni 2021")
_IN_MONTH = re.compile(r"(?<!\w)(?:in|during|en|im|em|nel|nell'|w|v|ve|i|в|u|a|de|of)\s+(?:the\s+month\s+of\s+)?"
                       r"(?P<mon>" + _MONTH_RE + r")(?!\w)(?:\s+(?:de\s+|of\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?")


def _degree_value(mt: re.Match[str]) -> str:
    """The number a _DEGREES match read, whichever of its forms matched."""
    return str(mt.group("v") or mt.group("v2") or mt.group("v3") or mt.group("v4") or mt.group("v5"))


def _degree_unit(mt: re.Match[str]) -> str:
    """Its unit as written ("°C" when only the number or a T said it; "°F" for "101.8 F")."""
    unit = mt.group("u")
    return "°C" if unit and unit.endswith("م") else str(unit or ("°F" if mt.group("u4") else "°C"))


def _years_in(text: str) -> list[int]:
    """The years a text names: "2021", and the two-digit years of dates ("12/03/24")."""
    return [int(y) for y in _YEAR.findall(text)] + [2000 + int(y) for y in _SHORT_YEAR_DATE.findall(text)]


def _number_from(tokens: list[Token], lo: int, j: int, n: int, at: int) -> int | None:
    """The clause's token (from j on) that starts at or after the text offset ``at``, if it is a number."""
    k = j
    while k < n and tokens[lo + k].start < at:
        k += 1
    return k if k < n and tokens[lo + k].kind == "num" else None


def _numeric_dates_free(low: str) -> str:
    """The text as it is: a month name is read here only where no day goes with it (those are dates, read elsewhere)."""
    return _WORD_DATE.sub(lambda mt: " " * len(mt.group(0)), low)
# a sample's date before its value: "05/09: 12,400", "05/09 12,400", "05.09.: 12,400", "05.09.2024 12,400" (a dotted
# pair alone, "3.2  4.0", is a decimal, not a date)
_SAMPLE_DATE = (r"(?P<d>\d{1,2})(?:/(?P<m>\d{1,2})(?:/\d{2,4})?(?:[ \t]*[:=][ \t]*|[ \t]+)|"
                r"\.(?P<m2>\d{1,2})(?:\.(?:\d{2,4})?(?:[ \t]*[:=][ \t]*|[ \t]+)|[ \t]*[:=][ \t]*))(?=[<>≤≥]?\d)")
_NEXT_DATED_VALUE = re.compile(r"(?:[ \t]*[HL]\b|[ \t]*\([HL]\)|[ \t]*[↑↓*]+)?[ \t,;]+(?:(?:then|and|->|→|>)[ \t]+)?"
                               + _SAMPLE_DATE)
_DATE_THEN_VALUE = re.compile(_SAMPLE_DATE)
_RANGE_THEN_VALUE = re.compile(r"\d+(?:[.,]\d+)?[ \t]?[-–][ \t]?\d+(?:[.,]\d+)?[ \t]+(?=[<>≤≥]?\d)")
_MINUS = {"-", "−", "–", "(-)", "ø"}
_THIS_YEAR = datetime.date.today().year
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SHORT_YEAR_DATE = re.compile(r"(?<![\d./-])\d{1,2}[./-]\d{1,2}[./-](\d\d)(?![\d/-])(?!\.\d)")
# "in 2021", "during 2019", "(2018)", "im Jahr 2020", "en 2019", "nel 2020", "w 2019 r.", "в 2019": a finding said
# of that year (before the note's own) is the past, unless its stretch brings it to the present
_IN_YEAR = {"in", "during", "(", "im", "jahr", "en", "nel", "em", "w", "v", "i", "в", "year", "of", "late", "early",
            "mid", "mid-", "since-"}
# the word that brings a trend's newest value ("platelets 164 on admission and now 38", "plaquetas 35.000 el 02/01, hoy
# 188.000")
_NOW_LAST = {"now", "today", "currently", "->", "→", "hoy", "ahora", "oggi", "ora", "aujourd'hui", "maintenant",
             "actuellement", "heute", "jetzt", "hoje", "agora", "vandaag", "nu", "idag", "nyní", "dnes", "dziś", "dzisiaj",
             "teraz", "сегодня", "сейчас", "bugün", "şimdi"}
_NOW_WORDS = {"now", "currently", "current", "still", "again", "today", "since", "ongoing", "persisting",
              "persistent", "recurrent", "recurring", "new", "newly", "worsening", "progressive", "seit", "depuis",
              "desde", "da", "od", "sinds", "sedan", "siden", "aktuell", "actuellement", "actualmente", "attualmente"}
_PRESENT_WORDS = {"presents", "presenting", "admitted", "admission", "recently", "recent", "yesterday",
                  "week", "weeks", "days", "tonight", "this", "last", "présente", "actuel", "derzeit", "jetzt", "ahora", "adesso", "ora", "agora", "nu", "nyt", "teraz", "sada", "acum"}
# years back ("2 years ago", "a year earlier", "vor 3 Jahren", "hace 2 años", "il y a 2 ans", "3 år sedan")
_YEARS_AGO = re.compile(r"(?:\b(?:\d{1,2}|a|one|two|three|four|five|several|many)\s+(?:years?|yrs?)\s+(?:ago|earlier|previously|before)"
                        r"|\bvor\s+\d{1,2}\s+jahren|\bhace\s+\d{1,2}\s+años|\bil\s+y\s+a\s+\d{1,2}\s+ans"
                        r"|\b\d{1,2}\s+år\s+(?:sedan|siden))\b")
_HAD_WORDS = {"she", "he", "they", "the", "patient", "had", "has", "experienced", "suffered", "developed", "there", "was",
              "were", "a", "an", "some", "with"}
_DURATION_UNITS = {"day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr",
                   "yrs", "decade", "decades"}
_STRETCH_BREAKS = {",", ";", ":", ".", "but", "whereas", "while", "and now", "now"}
# small words that may also be read as a term of their own (lower-case "all" as the leukaemia) but do not part the
# two words of a near pair ("pain in all my bones")
_NEAR_FILLERS = frozenset({"all", "my", "the", "both", "of", "in"})


@dataclass
class Mention:
    finding: str
    start_tok: int
    end_tok: int  # exclusive
    term: str
    score: float
    method: str  # exact | fuzzy
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    negative: bool = False  # the term itself means "absent" (afebrile)
    remapped: bool = False  # its finding was set by the organ the clause is about
    anchored: bool = False  # a marrow word comes before it in the clause
    elsewhere: str | None = None  # a marrow finding said of another organ ("lesions in the lung"): set aside
    shared: bool = False  # the second finding of a shared term ("Sudan": TB burden): it says presence only
    denial_only: bool = False  # a lab's named abnormality, read only when denied ("calcium normal": no hypercalcaemia)


@dataclass
class Extracted:
    """One finding read from the text, with everything that explains how."""

    finding: str
    status: Literal["present", "absent"] | None
    span: tuple[int, int]
    text: str
    term: str
    score: float
    method: str
    value: float | None = None
    unit: str | None = None
    raw_value: str | None = None
    raw_unit: str | None = None
    qualifier: str | None = None
    trigger: Trigger | None = None
    context: Context = "current"
    uncertain: bool = False
    no_result: bool = False  # a test named without its result ("blood cultures taken"): not recorded
    scope: tuple[int, int] | None = None
    organ: str | None = None  # context "elsewhere": the organ it was said of
    anchored: bool = False  # a marrow measurement with a marrow word before it ("marrow ... SUVmax 3.4")
    focal: bool = False  # a marrow measurement of a focus ("focal uptake at the rib fractures (SUVmax 3.7)")
    background: bool = False  # said of the background itself ("rest of marrow homogeneous, SUVmax 2.0")

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "finding": self.finding,
            "status": self.status,
            "text": self.text,
            "span": list(self.span),
            "term": self.term,
            "score": round(self.score, 1),
            "method": self.method,
            "context": self.context,
        }
        if self.value is not None:
            out.update(value=self.value, unit=self.unit, raw_value=self.raw_value, raw_unit=self.raw_unit)
            if self.qualifier:
                out["qualifier"] = self.qualifier
        if self.trigger is not None:
            out["trigger"] = {"kind": self.trigger.kind, "text": self.trigger.text, "span": list(self.trigger.span)}
            if self.scope is not None:
                out["scope"] = list(self.scope)
        if self.uncertain:
            out["uncertain"] = True
        if self.no_result:
            out["no_result"] = True
        if self.organ:
            out["organ"] = self.organ
        return out


@dataclass
class Ambiguity:
    text: str
    span: tuple[int, int]
    candidates: list[tuple[str, float]]  # finding id, score


@dataclass
class Implausible:
    finding: str
    text: str
    span: tuple[int, int]
    value: float
    unit: str
    low: float
    high: float


@dataclass
class MatchResult:
    findings: list[Extracted] = field(default_factory=list)
    uncertain: list[Extracted] = field(default_factory=list)
    set_aside: list[Extracted] = field(default_factory=list)  # family history, or past symptoms
    percents: list[tuple[str, float, tuple[int, int], str]] = field(default_factory=list)  # "neutrophils 38 %"
    ambiguous: list[Ambiguity] = field(default_factory=list)
    implausible: list[Implausible] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    family_notes: list[str] = field(default_factory=list)  # family history that named no known finding
    mentioned: list[str] = field(default_factory=list)  # every finding named, in any context (for questions)
    diagnoses: list[str] = field(default_factory=list)  # condition names in the text: noted, not scored
    refused: str | None = None


_DURATION_WORDS = {"d", "day", "days", "wk", "wks", "week", "weeks", "w", "mo", "month", "months", "h", "hr", "hrs",
                   "hour", "hours", "min", "mins", "minutes", "y", "yr", "yrs", "year", "years",
                   # the same in other languages ("Sedan ca 4 mån": circa four months, not a calcium of 4)
                   # (tokens are folded: "mån" is read as "man")
                   *(fold(u) for u in (*_DAY_UNITS, *_WEEK_UNITS, *_MONTH_UNITS,
                                       "mån", "månader", "månad", "veckor", "vecka", "dagar", "måneder", "uger", "uker",
                                       "dage", "dager", "mnd", "luni", "zile", "săptămâni", "týdnů", "týdny", "měsíců",
                                       "měsíce", "dní", "tjedana", "mjeseci", "hónapja", "hete", "aydır", "haftadır")
                     if u not in {"j", "sem", "dag", "tag"})}


def _understood(result: MatchResult, said: str) -> None:
    """A stretch a pattern reader understood is no longer listed as not understood."""
    said = said.lower()
    result.unmatched = [u for u in result.unmatched if u.lower() not in said]


def _is_duration(toks: list[str], j: int) -> bool:
    """Is the number at j a duration ("3/52", "5 days", "2 wk")?"""
    nxt = toks[j + 1] if j + 1 < len(toks) else ""
    if nxt == "/" and j + 2 < len(toks) and toks[j + 2] in {"52", "12", "7"}:
        return True
    if nxt == "d" and j + 2 < len(toks) and toks[j + 2] in {"-", "–", "dimer", "dimers"}:
        return False  # "fib 0.7 D-dimer >20": the next test's name, not days
    return nxt in _DURATION_WORDS


def _same_starts(a: str, b: str) -> bool:
    """Typos rarely touch the first two letters; "stable"/"unstable" and "afebrile"/"febrile" differ there."""
    wa, wb = a.split(), b.split()
    if any(None is not (px := _OPPOSITE_PREFIX.match(x)) and None is not (py := _OPPOSITE_PREFIX.match(y))
           and px.group() != py.group() for x, y in zip(wa, wb, strict=False)):
        return False  # "hipercelular" is not a typo of "hipocelular", nor "hyperdense" of "hypodense"
    if len(wa) != len(wb):
        return wa[0][:2] == wb[0][:2]
    return all(x[:2] == y[:2] for x, y in zip(wa, wb, strict=True))


# prefixes of opposite meaning one or two letters apart ("hyper"/"hypo", "hiper"/"hipo", "iper"/"ipo")
_OPPOSITE_PREFIX = re.compile(r"h?[iy]p(?:er|o)")


# a single negation word right before the second word of a pair denies the pair ("ribs and sternum not tender",
# "Knochen nicht druckschmerzhaft")
_NEAR_NEGATIONS = frozenset({"not", "non", "no", "nicht", "kein", "keine", "nie", "ne", "niet", "inte", "ikke", "ei",
                             "não", "nao", "не", "δεν", "μη"})


# slashed values with their names slashed beside them: "2.1/0.6/10.2/98 (WCC/ANC/Hb/plt)", "Hb/WCC/Plt 84/1.1/42"
_SLASHED_NAMES = r"[A-Za-z]{1,6}(?:\s*/\s*[A-Za-z]{1,6}){2,5}"
_SLASHED_VALUES = r"\d{1,4}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,4}(?:[.,]\d{1,2})?){2,5}"
_SLASHED_LABELS = re.compile(r"(?<![\w/.])(?P<v1>" + _SLASHED_VALUES + r")\s*\(\s*(?P<n1>" + _SLASHED_NAMES + r")\s*\)"
                             # (the names may stand in a bracket of their own: "FBC (Hb/WCC/Plt) 84/1.1/42")
                             r"|(?<![\w/])\(?(?P<n2>" + _SLASHED_NAMES + r")\)?\s*[:=]?\s*(?P<v2>" + _SLASHED_VALUES +
                             r")(?![\d/])")
# what follows a word that may be a feeding tube when it is the drug: a cycle's day, a dose, "each cycle" ("+ peg D2")
_DRUG_DAY = re.compile(r"d\d{1,2}|j\d{1,2}|day|dag|tag|jour|día|giorno|\d+(?:[.,]\d+)?mg|each|every|x\d")
# a drug's dose and route between the drug and what is said of it ("Pegfilgrastim 6 mg s.c. to be given D2")
_DOSE_UNITS = frozenset({"mg", "mcg", "µg", "ug", "μg", "g", "units", "iu", "u", "sc", "s.c", "sq", "subcut", "iv", "i.v",
                         "po", "od", "bd", "x"})


def _stretch_bounds(toks: list[str], mt: Mention) -> tuple[int, int]:
    """The comma-free stretch a mention stands in: from after the last break before it to the next break after it."""
    lo = next((j + 1 for j in range(mt.start_tok - 1, -1, -1) if toks[j] in _STRETCH_BREAKS), 0)
    hi = next((j for j in range(mt.end_tok, len(toks)) if toks[j] in _STRETCH_BREAKS), len(toks))
    return lo, hi


def _question_start(toks: list[str], i: int) -> int:
    """Where a question ending at token i begins: after the last question mark, semicolon or colon."""
    return next((j + 1 for j in range(i - 1, -1, -1) if toks[j] in {"?", ";", ":"}), 0)


class _Triggers:
    """Trigger phrases as token tuples, longest first."""

    def __init__(self, phrases: list[str]):
        seqs = {term_tokens(p) for p in phrases}
        # an abbreviation keeps its full stops, as the text's tokens do ("Z.n.", "V.a.", "z. n.")
        seqs |= {tuple(t.text for t in tokenize(p) if t.text not in {"-", "–"}) for p in phrases if "." in p}
        self.seqs = sorted((s for s in seqs if s), key=len, reverse=True)
        self.first = {s[0] for s in self.seqs}

    def at(self, toks: list[str], i: int) -> int:
        """Length of the longest trigger starting at token i, or 0."""
        if toks[i] not in self.first:
            return 0
        for seq in self.seqs:
            n = len(seq)
            if tuple(toks[i : i + n]) == seq:
                return n
        return 0


class Matcher:
    """Built once per bundle; :meth:`match` is pure and thread-safe."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        lang = bundle.language
        self.lang = lang
        self.terms: dict[tuple[str, ...], str] = {}
        self.term_text: dict[tuple[str, ...], str] = {}
        for f in bundle.findings.values():
            names = [*f.synonyms] + ([f.label] if f.kind == "boolean" else [])
            for name in names:
                self._add(name, f.id)
        self.absent_terms: set[tuple[str, ...]] = set()
        for v in bundle.vocabulary:
            if v.finding:
                for name in v.all_terms():
                    self._add(name, v.finding)
                for name in v.absent_terms:
                    self._add(name, v.finding)
                    self.absent_terms.add(tuple(t for t in term_tokens(name) if t not in _KEY_SKIP))
        # terms that name a second finding too ("sudan": a leishmaniasis area and a high-TB-burden country)
        self.also: dict[tuple[str, ...], list[str]] = {}
        for v in bundle.vocabulary:
            if v.finding:
                for name in v.shared:
                    key = tuple(t for t in term_tokens(name) if t not in _KEY_SKIP)
                    self.also.setdefault(key, []).append(v.finding)
        # body sites of composed terms: "aching knees and lower back" also names the lower back
        self.composed_keys: set[tuple[str, ...]] = set()
        self.sites: dict[tuple[str, ...], str] = {}
        self.complaint_words: dict[str, set[str]] = {}  # a composed finding's complaint words ("pain", "mass")
        for v in bundle.vocabulary:
            if v.finding and v.composed:
                self.composed_keys.update(term_tokens(t) for t in v.composed.terms())
                for site in v.composed.sites:
                    self.sites.setdefault(term_tokens(site), v.finding)
                self.complaint_words.setdefault(v.finding, set()).update(
                    t for c in v.composed.complaints for t in term_tokens(c))
        self.site_len = max((len(k) for k in self.sites), default=0)
        # findings read from two kinds of word close together ("the bones in my back ache", "me duelen los huesos")
        self.near: list[tuple[str, _WordSet, _WordSet, int, frozenset[str], bool, frozenset[str], bool]] = [
            (v.finding, _WordSet(v.near.a), _WordSet(v.near.b), v.near.window, frozenset(v.near.not_before),
             v.near.second_first, frozenset(v.near.not_between), v.near.shared_first)
            for v in bundle.vocabulary if v.finding and v.near]
        # the brain and liver words of the near pairs, which one comparative may share ("higher than the liver and
        # the cerebellum")
        self._brain_words = [first for fid, first, *_ in self.near if fid == "marrow_ge_brain"]
        # each growth factor's window, as the knowledge base sets it (the threshold that makes its dose recent)
        self._gf_window = {fid: t.at for fid in _PER_CYCLE_OFFSET if fid in bundle.findings
                           for t in bundle.findings[fid].thresholds if t.op == "le"}
        self._liver_words = [first for fid, first, *_ in self.near if fid == "marrow_above_liver"]
        # findings whose composed terms take a vertebral level as a site: the words before and after a level
        self.level_sites: list[tuple[str, set[tuple[str, ...]], set[str]]] = [
            (v.finding, {term_tokens(w) for w in v.composed.before} | {
                (*term_tokens(c), link) for c in v.composed.complaints for link in ("at", "over", "of", "in")},
             {t for c in v.composed.complaints for t in term_tokens(c)})
            for v in bundle.vocabulary if v.finding and v.composed and v.composed.spinal_levels]
        # test names: a test term takes its finding from the vocabulary, even when it is also a synonym
        self.test_keys: set[tuple[str, ...]] = set()
        for v in bundle.vocabulary:
            if v.finding:
                for name in v.test_terms:
                    key = tuple(t for t in term_tokens(name) if t not in _KEY_SKIP)
                    self.terms[key] = v.finding
                    self.term_text.setdefault(key, name)
                    self.test_keys.add(key)
        self.result_words = _Triggers(lang.result_words)
        self.test_findings = {v.finding for v in bundle.vocabulary if v.finding and v.test_terms}
        # what a result word ("negative") can be said of: tests, labs and imaging, not symptoms or history
        self.testable = self.test_findings | {f.id for f in bundle.findings.values() if f.section in ("labs", "imaging")}
        for name in lang.swallow:
            self._add(name, "")
        self.swallowed = {term_tokens(name) for name in lang.swallow}
        # names of diagnoses ("?HLH", "known MDS" when no finding says it): recognised, noted, not scored
        self.condition_terms: dict[tuple[str, ...], str] = {}
        for c in bundle.conditions.values():
            for name in [c.label, *c.synonyms]:
                self.condition_terms.setdefault(term_tokens(name), c.id)
        for v in bundle.vocabulary:
            if v.condition:
                for name in v.terms:
                    self.condition_terms.setdefault(term_tokens(name), v.condition)
        for key, cid in self.condition_terms.items():
            if key and key not in self.terms:
                self.terms[key] = ""
                self.term_text[key] = cid
        self.max_len = max((len(k) for k in self.terms), default=1)
        # the longest term starting with each word: most words start none, and the exact pass skips them at once
        self.len_from: dict[str, int] = {}
        for key in self.terms:
            if key and len(key) > self.len_from.get(key[0], 0):
                self.len_from[key[0]] = len(key)
        # fuzzy candidates: joined term -> finding (only terms long enough to be safe)
        self.fuzzy_choices: dict[str, str] = {}
        for key, fid in self.terms.items():
            joined = " ".join(key)
            if fid and len(joined) >= lang.fuzzy_min_length and any(ch.isalpha() for ch in joined):
                self.fuzzy_choices[joined] = fid
        self._fuzzy_keys = list(self.fuzzy_choices)
        self._fuzzy_processed = [utils.default_process(k) for k in self._fuzzy_keys]
        # typos keep the first two letters (see _same_starts), so a query is only compared with the terms that
        # share them: at 100x the shipped vocabulary this is the difference between 30 ms and 0.1 ms
        self._buckets: dict[str, tuple[list[str], list[str]]] = {}
        for term, processed in zip(self._fuzzy_keys, self._fuzzy_processed, strict=True):
            bucket_terms, bucket_procs = self._buckets.setdefault(term[:2], ([], []))
            bucket_terms.append(term)
            bucket_procs.append(processed)
        self.neg_pre = _Triggers(lang.negation_pre)
        self.neg_post = _Triggers(lang.negation_post)
        self.pseudo = _Triggers(lang.pseudo_negation)
        self.unc_pre = _Triggers(lang.uncertainty_pre)
        self.unc_post = _Triggers([*lang.uncertainty_post, *lang.item_hedges])
        self.item_hedges = {" ".join(term_tokens(w)) for w in lang.item_hedges}
        self.hist_pre = _Triggers(lang.history_pre)
        self.fam_pre = _Triggers(lang.family_pre)
        self.plan_pre = _Triggers(lang.planned_pre)
        self.not_given = _Triggers(lang.not_given)
        self.not_given_signs = [w for w in lang.not_given if not re.search(r"\w", w)]  # "✗", "☐": no word to tokenize
        self.term_stop = _Triggers(lang.terminators)
        self.ignore = {normalise(w) for w in [*lang.ignore, *lang.yes, *lang.no, *lang.unknown]}
        self.no_words = {normalise(w) for w in lang.no} | {"none", "nil", "neg", "negative"}
        # a question answered in the note ("Fever? No.", "Any back pain or leg weakness? Says no to all")
        self.answer_no = _Triggers([w for w in [*lang.no, *lang.note_answers.no] if w != "?"])
        self.answer_yes = _Triggers([w for w in [*lang.yes, *lang.note_answers.yes] if w != "?"])
        self.forms = FormMarks([*lang.yes, *lang.note_answers.yes], [*lang.no, *lang.note_answers.no])
        mail = lang.mail
        self.mail = MailMarks(mail.sign_offs, mail.wrote, mail.separators, mail.header_fields, mail.disclaimers,
                              mail.titles, mail.units, mail.keep)
        self.question_opens = _Triggers(lang.note_answers.opens)
        self.other_sites = {normalise(w) for w in lang.other_sites}
        # words that place a value or finding in the marrow or skeleton (the English ones here; other languages' in
        # the data: "captazione midollare", "hyperfixation médullaire")
        self.marrow_words = frozenset(_MARROW_WORDS | {normalise(w) for w in lang.marrow_words})
        self.skeletal_words = frozenset(_SKELETAL_WORDS | {normalise(w) for w in lang.skeletal_words})
        self.bone_words = self.marrow_words | self.skeletal_words
        # "and"/"or" in the languages of pasted local reports join list items as the English ones do
        # ("HIV, HBV e HCV negativi", "sin fiebre ni sudoración y pérdida de peso")
        conjunctions = {normalise(w) for w in lang.conjunctions}
        self.connectors = frozenset(_CONNECTORS | conjunctions)
        words = lang.words  # the small words, all data (knowledge/language.yaml), compared folded as tokens are
        self.number_bridge = frozenset({fold(w) for w in words.number_bridge} | set(_QUALIFIERS))
        self.post_gap = frozenset({fold(w) for w in words.post_gap} | _TEST_METHODS)
        self.measuring = frozenset(fold(w) for w in words.measuring)
        self.mass_words = frozenset(fold(w) for w in words.mass_words)
        self.past_openers = frozenset(fold(w) for w in words.past_openers)
        self.glued_negations = frozenset(fold(w) for w in words.glued_negations)
        self.threshold_after = _Triggers(words.threshold_after)
        self.glued_free = frozenset(fold(w) for w in words.glued_free)
        self.informant_before = _Triggers(words.informant_before)
        self.informant_after = _Triggers(words.informant_after)
        self.normal_words = frozenset(normalise(w) for w in words.normal_words)
        self.reaction_headings = _Triggers(lang.reaction_headings)
        self.local_use = {fid: _Triggers(ws) for fid, ws in lang.local_use.items()}
        self.reference_organs = frozenset(fold(w) for w in words.reference_organs)
        self.comparison_words = frozenset(fold(w) for w in words.comparison_words)
        self.owning = frozenset(fold(w) for w in words.owning)
        self.and_words = frozenset(fold(w) for w in words.and_words)
        self.list_joins = frozenset(_LIST_JOINS | conjunctions)
        self.item_joins = frozenset({",", "or", "and", "nor"} | conjunctions)
        self._shared_joins = (self.item_joins - {","}) | {"i", "a", "и"}  # ("and" in Croatian, Polish, Czech, Russian)
        self.remap = {(normalise(s), r.finding): r.becomes for r in lang.context_remap for s in r.starts}
        # a marrow measurement said of an organ with no remap of its own is that organ's, so set aside
        self.remapped_values = {r.finding for r in lang.context_remap
                                if r.finding in bundle.findings and bundle.findings[r.finding].kind == "numeric"}
        self.organs = {normalise(w) for w in lang.organs}
        self.remap_organs = {organ for organ, _ in self.remap}
        self.clause_remap = [(tuple(tuple(normalise(w).split()) for w in r.words), r.finding, r.becomes)
                             for r in lang.clause_remap]
        self.lead_organs = {normalise(w) for w in lang.lead_only_organs}
        # organ and number words place or count findings: known words, never "not understood"
        self.ignore |= self.organs | self.lead_organs | set(_NUMBER_WORDS) | {"taken", "sent", "done", "drawn"}
        self.marrow_findings = set(lang.marrow_findings)
        self.passing = set(lang.passing_findings)
        self.baseline_findings = set(lang.baseline.findings)
        self.other_words = {fold(w) for w in lang.words.others}
        bp = alternation([fold(w) for w in lang.words.bp_labels])
        self._slashed_bp = re.compile(rf"(?<!\w)(?:{bp})[ \t]*[:=]?[ \t]*(?P<s>\d{{2,3}})[ \t]*/[ \t]*\d{{2,3}}(?![\d/])"
                                      ) if bp else None
        self.implied_by = {f.id: set(f.implied_by) for f in bundle.findings.values() if f.implied_by}
        self.chronic_words = _Triggers(lang.baseline.chronic)
        self.new_words = {fold(w) for w in lang.baseline.new}
        self.resolved_tail = _Triggers(lang.resolved_tail)
        self.dictated = DictationMarks({str(mark): words for mark, words in lang.dictation_marks.items()})
        self.corrections = SpokenCorrections(lang.corrections)
        self.turns = TranscriptTurns(lang.speakers, [*lang.yes, *lang.note_answers.yes],
                                     [*lang.no, *lang.note_answers.no], lang.unknown, lang.prompts)
        # words voice recognition misheard: the one-word terms they may be, and every word a term or the language
        # file knows (a piece that is a known word alone does not make a join)
        term_words = {w for key in self.terms for w in key}
        self.sound = SoundAlikes(
            {normalise(k): normalise(v) for k, v in lang.sound_alikes.items()},
            {key[0] for key in self.terms if len(key) == 1},
            term_words | self.ignore | set(_CONNECTORS),
            float(lang.fuzzy_cutoff), words=term_words)
        self.spoken = SpokenNumberReader({code: ({k.lower(): v for k, v in sn.words.items()}, [w.lower() for w in sn.decimal],
                                                 [w.lower() for w in sn.joiners], [w.lower() for w in sn.ambiguous],
                                                 [w.lower() for w in sn.suffixes])
                                          for code, sn in lang.spoken_numbers.items()})
        self._unit_label_re = re.compile(r"(?<![\w\-/])(" + "|".join(
            re.escape(w) for w in sorted(lang.unit_labels, key=len, reverse=True)) + r")(?![\w\-/])") \
            if lang.unit_labels else None
        self.after_scan = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(w.lower()) for w in sorted(lang.after_scan_labels, key=len, reverse=True)) + ")") \
            if lang.after_scan_labels else None
        self.plan_heading = re.compile(r"(?im)^[ \t#*•\-–>]*(?:" + alternation(lang.plan_headings)
                                       + r")[ \t]*[:：][ \t*]*(?P<own>$)?") if lang.plan_headings else None
        self.teaching_heading = re.compile(
            r"(?im)^[ \t#*•\-–>]*(?:(?:slide|folie|diapositive|diapositiva|dia)\s*\d+\s*[:–\-.]\s*)?(?:"
            + alternation(lang.teaching_headings) + r")[ \t]*[:：–\-!]") if lang.teaching_headings else None
        self.teaching_narration = phrase_pattern(lang.teaching_narration)
        self.planned_findings = set(lang.planned_findings)
        self.plan_current = phrase_pattern(lang.plan_current)
        self.needs_site = {normalise(w) for w in lang.needs_site}
        self.avidity_negations = {" ".join(term_tokens(w)) for w in lang.avidity_negations}
        self.peaks = dict(lang.peak_values)
        self._degree_spans: list[tuple[int, int]] = []
        self._carried: str | None = None  # the organ a clause inherits from the one its sentence began with
        self._month_order = False  # the note writes dates month first
        self._named_drugs: set[str] = set()
        self._transplant_named: bool | None = None  # does the note name a transplant? (worked out when asked)
        self._patient_relative: str | None = None  # the relative a message is written about ("my dad ... is 71")
        # the note's clinical age and, without one, its lay ages (read once per note: _ages)
        self._ages: tuple[re.Match[str] | None, list[re.Match[str]]] = (None, [])
        self.weak_terms = {f.id: {normalise(w) for w in f.weak_terms} for f in bundle.findings.values() if f.weak_terms}
        self.weak_yield = {f.id: re.compile(r"\b(?:" + "|".join(re.escape(normalise(t)) for t in f.weak_terms_yield_to)
                                            + r")\b") for f in bundle.findings.values() if f.weak_terms_yield_to}
        self.size_findings = set(lang.size_findings)
        self.doubt_to_end = {term_tokens(w) for w in lang.uncertainty_to_end}
        self.work_up = {normalise(w) for w in lang.work_up}
        self.denied_later = {fid: {term_tokens(w) for w in words} for fid, words in lang.denied_later_in_clause.items()}
        self.normal_percent = {fid: (np.blood, np.marrow, {normalise(w) for w in np.marrow_words})
                               for fid, np in lang.normal_percent.items()}
        self.specimens = {fid: {normalise(w) for w in words} for fid, words in lang.specimen_bound.items()}
        self.not_by_results = set(lang.not_negated_by_results)
        self.modifiers = {normalise(w) for w in lang.interior_modifiers}
        self.trigger_words: set[str] = set()
        for trig in (self.neg_pre, self.neg_post, self.pseudo, self.unc_pre, self.unc_post, self.hist_pre, self.plan_pre,
                     self.fam_pre, self.term_stop):
            for seq in trig.seqs:
                self.trigger_words.update(seq)
        # units per numeric finding: alias key -> (canonical unit, factor)
        self.units: dict[str, list[tuple[str, str, float, float]]] = {}
        self.unit_index: dict[str, dict[str, m.Unit]] = {}  # alias as the tokens glue it -> unit
        for f in bundle.findings.values():
            if f.kind != "numeric":
                continue
            rows: list[tuple[str, str, float, float]] = []
            for u in f.units:
                for alias in [u.unit, *u.aliases]:
                    flat = alias.lower().replace(" ", "")
                    # as the text's tokens glue them: a superscript folds to a digit ("× 10⁹/L" -> "×109/l"),
                    # and "x" and "×" are the same sign
                    glued = "".join(t.text for t in tokenize(alias))
                    forms = {flat, glued, flat.replace("^", ""), glued.replace("^", "")}
                    forms |= {"×" + k[1:] for k in forms if k.startswith("x")} | {"x" + k[1:] for k in forms
                                                                                  if k.startswith("×")}
                    forms |= {c for c in map(_cyrillic_unit, forms) if c}  # "г/дл", "×10⁹/л", "мкмоль/л"
                    rows.extend((k, u.unit, u.factor, u.offset) for k in sorted(forms))
            rows.sort(key=lambda r: len(r[0]), reverse=True)
            self.units[f.id] = rows
            by_name = {u.unit: u for u in f.units}
            self.unit_index[f.id] = {}
            for alias, unit_name, _factor, _offset in rows:
                self.unit_index[f.id].setdefault(alias, by_name[unit_name])
        # measurements whose own units are in millilitres (eGFR): a volume after their number is theirs
        self.volume_measured = {fid for fid, index in self.unit_index.items() if any("ml" in alias for alias in index)}
        # every unit spelled out anywhere ("mmhg", "mg/dl"): a number followed by another measurement's unit is not
        # this one's value ("a weak radial pulse with a 22 mmHg inter-arm difference" is no heart rate)
        self.unit_owners: dict[str, set[str]] = {}
        for fid, rows in self.units.items():
            for alias, *_ in rows:
                if len(alias) > 1 and not alias.isdigit() and alias not in {"%", "x", "k", "d", "m"}:
                    self.unit_owners.setdefault(alias, set()).add(fid)
        self.not_anchors = [term_tokens(p) for p in lang.not_anchors]
        self.capitals_strict = {normalise(w) for w in lang.capitals_strict}
        self.capitals_only = {normalise(w) for w in lang.capitals_only} | self.capitals_strict
        self.first_words = {key[0] for key in self.terms if key}
        self.anchors: dict[tuple[str, ...], str] = {}
        self.after_anchors: set[tuple[str, ...]] = set()
        for f in bundle.findings.values():
            for a in f.anchors:
                self.anchors[term_tokens(a)] = f.id
            for a in f.after_anchors:
                self.anchors[term_tokens(a)] = f.id
                self.after_anchors.add(term_tokens(a))
        self.anchor_len = max((len(k) for k in self.anchors), default=1)
        self.timing_findings = frozenset(self.anchors.values())  # the findings a dated drug or treatment sets
        self.transplant_anchors = [" ".join(k) for k, fid in self.anchors.items() if fid == lang.transplant_day]
        # drugs given on days of a cycle (not the cycle itself, nor a transplant): what a cycle day can date
        self.cycle_days = {self.anchors[(c,)] for c in _CYCLE_WORDS if (c,) in self.anchors}  # the chemotherapy's
        self.growth_factor_days = self.timing_findings - {lang.transplant_day} - self.cycle_days
        self.age_finding = "age" if "age" in bundle.findings else None

    def _add(self, name: str, fid: str) -> None:
        key = term_tokens(name)
        key = tuple(t for t in key if t not in _KEY_SKIP)
        if key and key not in self.terms:
            self.terms[key] = fid
            self.term_text[key] = name

    # ------------------------------------------------------------------ public API

    def match(self, text: str) -> MatchResult:
        result = MatchResult()
        if len(text) > self.lang.max_input_chars:
            result.refused = (
                f"That text is {len(text):,} characters long; I read at most {self.lang.max_input_chars:,} "
                "characters at a time. Paste the impression or the relevant paragraph instead."
            )
            return result
        # a pasted flowsheet row is read at its last (today's) column, a table of named columns at its last row
        text = latest_dated_rows(ranges_before_values(latest_in_trends(columns_as_pairs(dot_leaders(
            self._heard(self.spoken.read(self.dictated.read_before_numbers(self.forms.read(
                self.mail.read(ocr_repair(ascii_forms(liver_multiples(contingencies(loinc_names(delimited_tables(
                    self.turns.read(answer_options(hl7_segments(clean(text))))))))))))))))))))
        self._text = text
        # the note's own year, the latest it names: "septic shock in 2022" in a note with a 2025 scan is the past
        # (not a count that looks like a year: "ferritin 2080")
        self._note_year = max((y for y in _years_in(text) if y <= _THIS_YEAR + 1), default=None)
        # dates month first (a US note)? read by both date readers
        low = text.lower()
        self._month_order = _month_first(_undash(low))
        self._transplant_named = None
        self._ages = _ages(low)
        self._patient_relative = self._relative_writing(low, *self._ages)
        tokens = tokenize(text)
        # Hebrew glues "and" to the word after it ("כאבי פרקים וכאבי גב": joint pains and back pains): a word that
        # is a term's first word once its "ו" is dropped reads as that word
        tokens = [replace(t, text=t.text[1:]) if t.kind == "word" and len(t.text) > 3 and t.text[0] == "ו"
                  and t.text[1:] in self.first_words else t for t in tokens]
        # the drugs the note names in full: there a short form ("peg 29/02") is that drug, not a PEG tube
        self._scan: datetime.date | None = None  # the scan's date, when the note gives it in full
        self._named_drugs = {self.anchors[(t.text,)] for t in tokens
                             if (t.text,) in self.anchors and (t.text,) not in self.after_anchors}
        # "C1 D1 03/06 + peg D2 (04/06)", "C2 – Ø peg": a word that may be a tube is the drug when a cycle's day or
        # a drug's dose follows it, or when a regimen's cycles are listed with it
        self._named_drugs |= {self.anchors[(t.text,)] for i, t in enumerate(tokens[:-1])
                              if (t.text,) in self.after_anchors and (t.text,) in self.anchors
                              and (_DRUG_DAY.fullmatch(tokens[i + 1].text)
                                   or (i > 0 and tokens[i - 1].text in {"+", "ø"})
                                   or (i > 0 and tokens[i - 1].text == "last" and (
                                       tokens[i + 1].text.isdigit() or tokens[i + 1].text in {"was", "on", "given",
                                                                                               "dose", "injection"})))}
        if not tokens:
            return result
        # a temperature written with its degree sign is understood even where no word names it (read below)
        self._degree_spans = [(mt.start(), mt.end()) for mt in _DEGREES.finditer(text)]
        self._carried = None
        self._dose_cycle_days: list[tuple[str, int, tuple[int, int]]] = []  # "pegfilgrastim 6 mg d2": (drug, 2, span)
        before: tuple[int, int] | None = None
        for lo, hi in self._clauses(tokens):
            # "The spleen was not enlarged (12.1 cm) but contained five hypodense nodules": a clause cut from its
            # sentence by a word ("but", "which") keeps the organ the sentence is about
            joined = lo > 0 and tokens[lo - 1].kind == "word" and "\n" not in self._gap_text(tokens, lo)
            self._carried = self._lead_organ([t.text for t in tokens[before[0]:before[1]]]) \
                if joined and before else None
            found_before = len(result.findings)
            self._clause(text, tokens, lo, hi, result)
            if before and (joined or tokens[lo - 1].text in {";", ","}):
                self._resolved_by_which(tokens, before, lo, hi, result.findings[:found_before])
            before = (lo, hi)
        self._age_sex(text, result)
        self._bare_temperature(text, result)
        self._slashed_pressure(text, result)
        self._transplant_day(text, result)
        self._fbc_triple(text, result)
        self._unit_labels(text, result)
        self._slashed_labels(text, result)
        self._differential_letters(text, result)
        self._percent_counts(result)
        self._dated_doses(text, result)
        self._cycle_day_doses(text, result)
        self._per_cycle_growth_factor(text, result)
        self._month_only_growth_factor(text, result)
        self._transplant_schedule(text.lower(), result)
        self._plan_sections(text, result)
        self._teaching_lines(text, result)
        # one value per measurement per answer: the first is the one the sentence is about ("marrow SUVmax 5.2,
        # spleen 3.4 ..."); later ones stay in the trace as alternatives
        seen: set[str] = set()
        # a finding stated present anywhere in the text stays present when another of its words is denied
        # elsewhere: "TAVI 2019 ... no IVDU" (both endocarditis risks: the valve is still there), "septic shock ...
        # no vasopressors", "spiked to 38.9 on admission ... afebrile today" (the illness had fever)
        # "on day 11 of the fourth cycle ... No chemotherapy": a weak word gives way to an explicit denial
        for fid, weak in self.weak_terms.items():
            yields = self.weak_yield.get(fid)
            if any(e.finding == fid and e.status == "absent" and normalise(e.term) not in weak
                   for e in result.findings) or (
                    yields is not None and yields.search(normalise(self._text)) and not any(
                        e.finding == fid and e.status == "present" and normalise(e.term) not in weak
                        for e in result.findings)):
                # "on pembrolizumab ... C6 given 11/7 ago": the cycles are the immunotherapy's, not chemotherapy
                result.findings = [e for e in result.findings if normalise(e.term) not in weak or (
                    e.finding == fid and e.status == "absent")]
        present = {e.finding for e in result.findings if e.status == "present"}
        # "Intense uptake along the nail tract ... No other focal bone lesions": "other" denies more foci, not the
        # foci the note has named (or implied)
        result.findings = [e for e in result.findings if not (
            e.status == "absent" and e.trigger is not None and (
                e.finding in present or self.implied_by.get(e.finding, set()) & present)
            and any(t.text in self.other_words
                    for t in tokenize(self._text[e.trigger.span[1]:max(e.trigger.span[1], e.span[0])])))]
        for fid in self.baseline_findings:
            # "chronic back ache for 20 years. No new bone pain": the denial of the new outranks the baseline
            said = [e for e in result.findings if e.finding == fid and e.status == "present"]
            if said and all(self._chronic(e.span) for e in said) and (
                    any(e.finding == fid and e.status == "absent" and self._says_new(e.span) for e in result.findings)
                    or any(self._denies_new(fid, e.span) for e in said)):
                result.findings = [e for e in result.findings if not (e.finding == fid and e.status == "present")]
        has_history = {ex.finding for ex in result.findings if ex.status == "present"}
        # a marrow measurement said with a marrow word beats one that is not ("nodes ... SUVmax 9.8 ... marrow ...
        # SUVmax 3.4")
        anchored = {ex.finding for ex in result.findings if ex.anchored}
        # a lab given twice in one note is a narrative in time ("Hb 8.4 in Feb ... bloods 24/05: Hb 10.6"): the last
        # value is today's; the first is kept for everything else (the marrow SUVmax the sentence is about)
        last_lab: dict[str, int] = {}
        for i, ex in enumerate(result.findings):
            if ex.value is not None and self.bundle.findings[ex.finding].section == "labs":
                prev = last_lab.get(ex.finding)
                # "plt 64 ... LP deferred until platelets >50": a threshold does not replace a measured value
                if prev is None or not ((ex.qualifier in _BOUNDS and result.findings[prev].qualifier not in _BOUNDS)
                                        or self._aside(result.findings[prev], ex)
                                        or self._older_row(result.findings[prev], ex)
                                        or self._at_discharge(ex)):
                    last_lab[ex.finding] = i
        # a test reported again later as indeterminate or pending replaces an earlier negative ("QuantiFERON negative
        # before infliximab ... repeat QuantiFERON indeterminate")
        doubted = {(u.finding, term_tokens(u.term)): u.span[0] for u in result.uncertain
                   if u.finding in self.test_findings}
        # "background SUVmax 5.1 ... hottest focus SUVmax 12.6": the first value stays the marrow's (the background
        # the ratios need); the highest is also recorded as the peak ("cold marrow with islands up to 3.4" keeps 1.4)
        # a value said of a focus is the background only when no other is given ("focal uptake at the rib fractures
        # (SUVmax 3.7) ... remaining marrow L3 SUVmax 1.9": the marrow's is 1.9)
        candidates: dict[str, list[Extracted]] = {}
        for ex in result.findings:
            if ex.value is not None and ex.finding in self.peaks and (ex.anchored or ex.finding not in anchored):
                candidates.setdefault(ex.finding, []).append(ex)
        background: set[str] = {fid for fid, values in candidates.items() if any(not e.focal for e in values)}
        named_background: dict[str, int] = {}  # finding -> id() of the value said of the background itself
        for fid, values in candidates.items():
            top = max(values, key=lambda e: e.value or 0.0)
            # the background named as such wins over an earlier value ("New uptake L4-S1, SUVmax 5.9 ... rest of
            # marrow homogeneous, SUVmax 2.0")
            first = next((e for e in values if e.background), None) or next((e for e in values if not e.focal), None)
            if first is not None and first.background:
                named_background[fid] = id(first)
            if first is None or (top.value or 0.0) > (first.value or 0.0):
                # a hotter point than the background; or only foci measured, which say nothing of the background
                # ("multiple focal lesions (SUVmax 9.8)" is a peak, not a diffuse marrow SUVmax of 9.8)
                result.findings.append(replace(top, finding=self.peaks[fid], focal=False))
            if first is None:
                background.add(fid)
        # "T 38.9 on admission. Temp 36.8 today": a fever is its highest reading in the note
        highest: dict[str, int] = {}
        for i, ex in enumerate(result.findings):
            if ex.value is not None and ex.finding in self.lang.highest_kept and (
                    ex.finding not in highest or ex.value > (result.findings[highest[ex.finding]].value or 0.0)):
                highest[ex.finding] = i
        # "Neulasta d2 (the 4th) ... so 8 days post peg": a bare "d2" may be the day of a cycle; "8 days post" may not
        said_plainly = {ex.finding for ex in result.findings if ex.value is not None
                        and ex.finding in self.timing_findings and not _DAY_FORM.search(ex.text)}
        kept = []
        for i, ex in enumerate(result.findings):
            if ex.status == "absent" and doubted.get((ex.finding, term_tokens(ex.term)), -1) > ex.span[0]:
                continue
            if ex.value is not None and ex.finding in said_plainly and _DAY_FORM.search(ex.text):
                continue
            if ex.value is not None and ex.finding in named_background and id(ex) != named_background[ex.finding]:
                continue
            if ex.value is not None:
                if ex.finding in highest:
                    if i != highest[ex.finding]:
                        continue
                elif ex.finding in last_lab:
                    if i != last_lab[ex.finding]:
                        continue
                elif ex.finding in seen or (ex.finding in anchored and not ex.anchored) or (
                        ex.focal and ex.finding in background):
                    continue
                seen.add(ex.finding)
            elif ex.status == "absent" and ex.finding in has_history:
                continue
            kept.append(ex)
        result.findings = kept
        # an emergency is acted on when suspected: "likely cord compression" is recorded, its doubt word kept
        for ex in result.uncertain:
            f = self.bundle.findings.get(ex.finding)
            if f is None or not f.suspicion_is_enough or (
                    ex.trigger is not None and normalise(ex.trigger.text) in self.work_up):
                continue
            # ... even beside a denial of another of its words ("approx. 4 % - ?blasts; no Auer rods")
            said = [k for k in kept if k.finding == ex.finding]
            asked = ex.trigger is not None and ex.trigger.text.strip() == "?" and ex.trigger.span[1] <= ex.span[0] \
                and not self._text[ex.trigger.span[1]:ex.span[0]].strip()  # "?blasts", "? blasts" (not "relapse? No")
            if not said or (asked and all(k.status == "absent" and normalise(k.term) != normalise(ex.term)
                                          for k in said)):
                kept[:] = [k for k in kept if k.finding != ex.finding]  # (kept is result.findings)
                ex.status = "present"
                kept.append(ex)
        # "temps up to 37.8", "low-grade temps to 37.9": "temps" said for fever yields to its own measured value
        # when that is below 38 °C (the word "fever" itself stands: "fever 37.8" is the writer's call)
        kept[:] = [k for k in kept if not (k.finding == "fever" and k.status == "present" and "temp" in k.term and any(
            t.finding == "temperature" and t.value is not None and 35.0 <= t.value < 38.0
            and (t.span[0] == k.span[0] or 0 <= t.span[0] - k.span[1] <= 12)
            and not re.match(r"\s*(?:-|–|to)\s*\d", self._text[t.span[1]:])  # ("37.8-38.2 °C": a range to 38.2)
            and re.fullmatch(
                r"[\s:=]*(?:(?:up\s+)?to|of|max(?:imum)?|peak(?:ing)?(?:\s+at)?|around|about|~)?[\s:=~]*",
                self._text[k.span[1]:max(k.span[1], t.span[0])].lower()) for t in kept))]
        certain = {ex.finding for ex in kept}
        result.uncertain = [ex for ex in result.uncertain if ex.finding not in certain]
        return result

    # ------------------------------------------------------------------ clauses

    def _clauses(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """Token ranges of the clauses. A break is a sentence mark, a terminator phrase ("but", "however") or a
        line break that starts something new; the break's own tokens belong to no clause."""
        toks = [t.text for t in tokens]
        out = []
        lo = 0
        i = 0
        depth = 0  # "(SUVmax 3.2; liver 2.4)": a semicolon inside brackets ends nothing
        while i < len(tokens):
            t = tokens[i]
            if t.text == "(":
                depth += 1
            elif t.text == ")" and depth:
                depth -= 1
            elif depth and t.text == ";":
                i += 1
                continue
            stop = self.term_stop.at(toks, i)
            if stop and t.text not in {".", ";"} and self._inside_trigger(toks, i):
                stop = 0  # "not yet sent", "as yet unknown": the word belongs to a trigger phrase
            if t.text == "." and (self._abbreviation_dot(tokens, i) or self._measure_dot(tokens, toks, i)
                                  or self._ordinal_dot(tokens, i) or self._month_dot(tokens, i)):
                skip = None  # "E. coli", "S. aureus", "лейк. 3,4", "des 4. Zyklus": not the end of a sentence
            elif t.text in {".", ";", "!"}:
                skip = 1
            elif i > 0 and self._line_break(tokens, i):
                skip = 1 if stop else 0  # the new line's first word starts the next clause
            elif stop and not (t.text == ":" and self._is_label_colon(tokens, i)):
                skip = stop
            else:
                skip = None
            if skip is None:
                i += 1
                continue
            if i > lo:
                out.append((lo, i))
            lo = i + skip
            i += max(skip, 1)
        if lo < len(tokens):
            out.append((lo, len(tokens)))
        return out

    def _inside_trigger(self, toks: list[str], i: int) -> bool:
        if self.neg_post.at(toks, i) > 1:
            return True  # "Nivestim on the drug chart for 5 days but NOT administered": the denial starts with "but"
        for back in (1, 2):
            j = i - back
            if j < 0:
                break
            for trig in (self.unc_post, self.neg_post, self.unc_pre, self.neg_pre, self.pseudo):
                if trig.at(toks, j) > back:
                    return True
        return False

    def _gap_text(self, tokens: list[Token], i: int) -> str:
        return self._text[tokens[i - 1].end : tokens[i].start] if i > 0 else ""

    def _line_break(self, tokens: list[Token], i: int) -> bool:
        """A newline ends a clause when a paragraph or a new item starts; a hard-wrapped sentence ("Blood cultures
        x2\nnegative", "No\nFDG-avid nodes") runs on."""
        gap = self._gap_text(tokens, i)
        if "\n" not in gap:
            return False
        if gap.count("\n") > 1:
            return True
        word = self._text[tokens[i].start:tokens[i].end]
        if tokens[i].kind == "sym" and word in {"-", "•", "*", "–", "—", "("}:
            return True  # a bullet
        if tokens[i].kind == "num" and i + 1 < len(tokens) and tokens[i + 1].text in {".", ")"}:
            return True  # "1." / "2)" numbered items
        if i + 1 < len(tokens) and tokens[i + 1].text == ":" and word[:1].isupper():
            return True  # "Spleen:", "FINDINGS:" headers
        if tokens[i - 1].text in {":", ","} or tokens[i - 1].text in _RUN_ON:
            return False  # ("..., Fettmark, keine\nBlasten, keine Fibrose": a line that ends on "keine" runs on)
        # a capitalised word ("Splenomegaly", "No") starts a new line of its own; an acronym ("FDG") does not
        return word[:1].isupper() and (len(word) == 1 or not word[1:2].isupper())

    def _measure_dot(self, tokens: list[Token], toks: list[str], i: int) -> bool:
        """"лейк. 3,4 ×10⁹/л", "тромб.\n118 ×10⁹/л", "Hb. 8,1": the dot of a measurement's abbreviation, before its
        value."""
        if not (0 < i < len(tokens) - 1 and tokens[i - 1].kind == "word" and tokens[i - 1].end == tokens[i].start
                and tokens[i + 1].kind == "num" and self._text[tokens[i].end:tokens[i + 1].start].count("\n") <= 1
                and not (i > 1 and tokens[i - 2].kind == "num")):  # ("45 yo. 3 weeks ago": a unit ends the sentence)
            return False
        fid = self.terms.get((toks[i - 1],))
        return bool(fid) and fid in self.bundle.findings and self.bundle.findings[fid].kind == "numeric"

    @staticmethod
    def _ordinal_dot(tokens: list[Token], i: int) -> bool:
        """"an Tag 2 des 4. Zyklus", "w 3. cyklu": the dot of an ordinal number before a cycle, on one line."""
        return (0 < i < len(tokens) - 1 and tokens[i - 1].kind == "num" and len(tokens[i - 1].text) <= 2
                and tokens[i - 1].text.isdigit() and tokens[i - 1].end == tokens[i].start
                and tokens[i + 1].text in _ANY_CYCLE and tokens[i + 1].start == tokens[i].end + 1)

    @staticmethod
    def _month_dot(tokens: list[Token], i: int) -> bool:
        """"TEP initiale (déc. 2024) :", "Jan. 12": the dot of a shortened month before its number, on one line."""
        return (0 < i < len(tokens) - 1 and tokens[i - 1].text in _SHORT_MONTHS and tokens[i - 1].end == tokens[i].start
                and tokens[i + 1].kind == "num" and tokens[i + 1].start <= tokens[i].end + 1)

    def _abbreviation_dot(self, tokens: list[Token], i: int) -> bool:
        if 0 < i < len(tokens) - 1 and tokens[i - 1].text in _WORD_ABBREVIATIONS and tokens[i - 1].end == tokens[i].start \
                and tokens[i + 1].start <= tokens[i].end + 1 and not self._text[tokens[i + 1].start].isupper():
            return True  # "marrow diffusely hot incl. both femurs", "approx. 4 %": a shortened word, on one line
        if not (0 < i < len(tokens) - 1 and tokens[i - 1].kind == "word" and len(tokens[i - 1].text) == 1
                and tokens[i - 1].end == tokens[i].start and not _CJK_CHAR.match(tokens[i - 1].text)):
            return False  # (a Chinese or Japanese character is a word of its own: "股骨骨干。未见" ends a sentence)
        # "i.e. 7 days before the scan", "d. h. 11 Tage vor der PET": the second dot of a two-letter abbreviation
        # goes on, whatever follows it
        return tokens[i + 1].kind == "word" or (i >= 3 and tokens[i - 2].text == "." and tokens[i - 3].kind == "word"
                                                and len(tokens[i - 3].text) == 1)

    @staticmethod
    def _is_label_colon(tokens: list[Token], i: int) -> bool:
        # "Hb: 8.1" or "Impression: ..." – a colon right after a word and before a value is not a clause end
        return i + 1 < len(tokens) and tokens[i + 1].kind == "num"

    # ------------------------------------------------------------------ one clause

    def _clause(self, text: str, tokens: list[Token], lo: int, hi: int, result: MatchResult) -> None:
        first_finding = len(result.findings)
        self._clause_body(text, tokens, lo, hi, result)
        toks = [t.text for t in tokens[lo:hi]]
        if self._doubt_heading(toks):
            # "Differential: granulomatous vasculitis, fungal infection, NK/T-cell lymphoma": all in doubt - up to a
            # question mark that closes the question ("Question: lymphoma? Fever for 3 weeks.": the fever is told)
            # (what comes after is told, unless it is a question too: "Lymphoma? How likely is lymphoma?")
            marks = [tokens[lo + q].start for q in range(1, hi - lo - 1) if toks[q] == "?"
                     and tokens[lo + q - 1].end == tokens[lo + q].start < tokens[lo + q + 1].start
                     and tokens[lo + q + 1].kind == "word" and text[tokens[lo + q + 1].start].isupper()]
            if toks[-1] == "?":
                marks.append(tokens[hi - 1].start)

            def doubted(at: int) -> bool:
                return not marks or at < marks[0] or any(m > at for m in marks[1:])

            now = [ex for ex in result.findings[first_finding:] if doubted(ex.span[0])]
            result.findings[first_finding:] = [ex for ex in result.findings[first_finding:] if ex not in now]
            for ex in now:
                ex.uncertain, ex.status = True, None
                result.uncertain.append(ex)
        elif self._dated_after_scan(text[tokens[lo].start:tokens[hi - 1].end]):
            # "Three weeks after the PET she developed cord compression", "R-CHOP was started four days after the
            # PET": what a clause dates after the scan was not there at the scan, values included
            self._set_aside_clause(result, first_finding, "later")
        elif self._past_heading(toks):
            # "Baseline PET-CT: focal uptake ..., SUVmax 5.4": the whole clause is the past, values included
            self._set_aside_clause(result, first_finding, "history")

    def _teaching_lines(self, text: str, result: MatchResult) -> None:
        """"Teaching point: a normal blood count does not exclude ALL; bone pain with a high LDH should prompt a
        blood film": a line headed as teaching states general facts, so nothing on it is the patient's."""
        if self.teaching_heading is None:
            return
        spans = []
        for mt in self.teaching_heading.finditer(text):
            # to the end of its line or of its first sentence ("Explanation: G-CSF typically causes ... Patient 2: ...")
            end = re.search(r"\n|[.!?](?=\s+[^\W\d_])(?=\s+\S*[A-ZÀ-Þ])", text[mt.end():])
            span = (mt.start(), mt.end() + end.start() if end else len(text))
            if self.teaching_narration and self.teaching_narration.search(text, *span):
                continue  # "Teaching point: the TOE two days before was clean ...": the case told, not a rule
            spans.append(span)
        if not spans:
            return
        _move_aside(result, [ex for ex in result.findings if any(a <= ex.span[0] < b for a, b in spans)], "general")

    @staticmethod
    def _relative_writing(low: str, clinical: re.Match[str] | None, found: list[re.Match[str]]) -> str | None:
        """The relative a message is written about, by the one who writes it ("My dad Frank is 71 and has been in
        hospital for 3 wks with fevers", "mi papá tiene 63 años", "babam 70 yaşında"): that relative is the patient,
        so the word is no family trigger. Only in a text that gives no clinical age of its own and names the relative
        as the writer's own."""
        if clinical is not None or not found or any(not _lay_relative(m) for m in found):
            return None  # ("My dad (70) had lymphoma. I'm 40 and have fevers": the writer is the patient)
        mt = found[0]
        rel = _lay_relative(mt)
        return rel if _own_relative(low, mt) or rel in _OWN_RELATIVES else None

    def _plan_sections(self, text: str, result: MatchResult) -> None:
        """"ACTIONS:" / "- HLA type pt + 2 sibs -> MSD allograft if match; else hATG + ciclosporin": the treatments a
        plan section names are planned, not given (the section runs to a blank line or the next heading)."""
        if self.plan_heading is None or not self.planned_findings:
            return
        spans = []
        for mt in self.plan_heading.finditer(text):
            if mt.group("own") is None:
                # "Outcome: urgent BMAT ...; start steroids after the marrow": the rest of the heading's line
                line_end = text.find("\n", mt.end())
                spans.append((mt.end(), len(text) if line_end < 0 else line_end))
                continue
            section_end = re.search(r"\n[ \t]*\n|\n[ \t#*]*[^\W\d_][^\n:]{0,40}:[ \t]*(?:\n|$)", text[mt.end():])
            spans.append((mt.end(), mt.end() + section_end.start() if section_end else len(text)))
        if not spans:
            return
        planned = [ex for ex in result.findings if ex.finding in self.planned_findings and ex.status == "present"
                   and any(a <= ex.span[0] < b for a, b in spans) and not (
                       # ("- continue G-CSF", "- repeat PET 4 weeks after the last G-CSF": given already)
                       self.plan_current and self.plan_current.search(
                           text, text.rfind("\n", 0, ex.span[0]) + 1, ex.span[0]))]
        _move_aside(result, planned, "planned")

    def _set_aside_clause(self, result: MatchResult, first_finding: int, context: Context) -> None:
        """The clause's findings (from first_finding on) set aside in that context, values included; a history
        finding named without a value stays (the history is the patient's whatever its time)."""
        now = result.findings[first_finding:]
        del result.findings[first_finding:]
        for ex in now:
            if ex.value is None and self.bundle.findings[ex.finding].section == "history":
                result.findings.append(ex)
                continue
            ex.context, ex.status = context, None
            result.set_aside.append(ex)

    def _old_clause(self, tokens: list[Token], lo: int, toks: list[str]) -> bool:
        """A clause whose every year is at least two before the note's own and that says nothing of now: "(last
        cycle 17/09/2013), complicated by febrile aplasia on day 10 of cycle 4 (5 days in hospital, E. coli
        bacteraemia" in a 2024 letter is the past."""
        if self._note_year is None or not toks:
            return False
        text = self._text[tokens[lo].start:tokens[lo + len(toks) - 1].end]
        years = _years_in(text)
        return bool(years) and max(years) <= self._note_year - 2 and not any(
            t in _NOW_WORDS or t in _PRESENT_WORDS for t in toks)

    @staticmethod
    def _lasting(toks: list[str], mt: Mention) -> bool:
        """"anaphylaxis after wasp sting 2023, ..., aching bones in back and thighs for a year": a finding said to have
        lasted a while, in its own comma-free stretch, goes on to now, whatever year the clause named before it."""
        lo_, hi_ = _stretch_bounds(toks, mt)
        stretch = toks[lo_:hi_]
        return not any(_YEAR.fullmatch(t) for t in stretch) and any(
            t == "for" and k + 2 < len(stretch) and (stretch[k + 1] in {"a", "an", "several", "many", "some"}
                                                     or stretch[k + 1].isdigit())
            and stretch[k + 2] in _DURATION_UNITS for k, t in enumerate(stretch))

    def _in_past_year(self, toks: list[str], mt: Mention) -> bool:
        """A finding said in its comma-free stretch to have been in a year before the note's latest ("She was
        pancytopenic in 2021 during a parvovirus infection", "Febrile neutropenia in 2019 after ABVD", "In 2019 she
        had bone pain"), with no word that brings it to the present ("now", "again", "still", "since")."""
        lo_, hi_ = _stretch_bounds(toks, mt)
        stretch = toks[lo_:hi_]
        if any(t in _NOW_WORDS for t in stretch):
            return False
        if mt.finding in self.passing and (
                _YEARS_AGO.match(" ".join(toks[mt.end_tok:mt.end_tok + 6]))
                or any(_YEARS_AGO.fullmatch(" ".join(toks[j:j + 3])) and all(
                    t in _HAD_WORDS for t in toks[j + 3:mt.start_tok]) for j in range(lo_, mt.start_tok))):
            return True  # "Bone pain 2 years ago led to the diagnosis of smouldering myeloma" (a symptom that passes; not
            # "JAK2-positive ET diagnosed 12 years ago", still positive)
        if self._note_year is None:
            return False
        if any(_YEAR.fullmatch(t) and int(t) >= self._note_year for t in stretch):
            return False  # "bone pain in 2023 and 2024" (the scan's year) is not only the past
        # a month with the year may be weeks ago ("fever in December 2024", PET in January 2025): only two years back
        return any(_YEAR.fullmatch(t) and k > 0 and (
            (stretch[k - 1] in _IN_YEAR and int(t) < self._note_year)
            or (stretch[k - 1] in _MONTHS and int(t) < self._note_year - 1)) for k, t in enumerate(stretch))

    def _sentence(self, span: tuple[int, int]) -> list[str]:
        """The folded words of the sentence a span sits in."""
        text = self._text
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span[0])), default=0)
        end = _SENTENCE_END.search(text, span[1])
        return [t.text for t in tokenize(text[start:end.start() if end else len(text)])]  # (tokens come folded)

    def _says_new(self, span: tuple[int, int]) -> bool:
        """"No new bone pain", "Pas de douleur osseuse nouvelle": a denial of the new (within four words of it)."""
        words = self._sentence(span)
        said = [t.text for t in tokenize(self._text[span[0]:span[1]])]
        at = next((i for i in range(len(words)) if words[i:i + len(said)] == said), None)
        return at is not None and any(w in self.new_words for w in words[max(0, at - 4):at + len(said) + 4])

    def _denies_new(self, fid: str, span: tuple[int, int]) -> bool:
        """"Chronic back ache for 20 years, no new bone pain": the same sentence denies a new one (the denial, said in
        the clause of the complaint it answers, is not kept as a finding of its own)."""
        words = self._sentence(span)
        for i in range(len(words)):
            size = next((k for k in range(4, 0, -1) if self.terms.get(tuple(words[i:i + k])) == fid), 0)
            near = words[max(0, i - 3):i] + words[i + size:i + size + 2]
            if size and any(w in self.new_words for w in near) and any(
                    self.neg_pre.at(words, j) for j in range(max(0, i - 4), i)):
                return True
        return False

    def _chronic(self, span: tuple[int, int]) -> bool:
        """"chronic back ache for 20 years", "Chronische lage rugpijn, al 30 jaar": a sentence of long standing."""
        words = self._sentence(span)
        return any(self.chronic_words.at(words, i) for i in range(len(words)))

    def _resolved_after(self, toks: list[str], mt: Mention) -> bool:
        """A symptom whose stretch ends in a comma and a word that it has passed: "diffuse bone pain in the first days
        after the injection, now resolved", "ossalgie diffuse ..., attualmente regredite" (only the stretch just
        before: "bone pain on walking, night sweats, now resolved" leaves the bone pain)."""
        if mt.finding not in self.passing:
            return False
        n = len(toks)
        comma = next((j for j in range(mt.end_tok, n) if toks[j] in {",", ";", ".", "but"}), None)
        if comma is None or toks[comma] != "," or comma + 1 >= n:
            return False
        k = self.resolved_tail.at(toks, comma + 1)
        return bool(k) and (comma + 1 + k == n or toks[comma + 1 + k] in {",", ";", ".", ")"})

    @staticmethod
    def _dated_after_scan(clause: str) -> bool:
        """Does a clause date what it says after the scan ("Three weeks after the PET she developed ...")? Not a
        heading or an aside that dates the note itself ("CLINICAL ADDENDUM (clinic, 2 days after the scan):")."""
        for mt in _AFTER_THE_SCAN.finditer(clause):
            if clause[:mt.start()].count("(") > clause[:mt.start()].count(")") or re.match(r"\s*[):]", clause[mt.end():]):
                continue
            return True
        return False

    def _doubt_heading(self, toks: list[str]) -> bool:
        """A clause headed "Differential:", "DDx:", "Query:" - a list of possibilities, none of them stated."""
        at = next((i for i, t in enumerate(toks[:4]) if t == ":"), None)
        return at is not None and at > 0 and " ".join(toks[:at]) in _DOUBT_HEADINGS

    def _past_heading(self, toks: list[str]) -> bool:
        """A clause headed by a past-time trigger and a colon within its first words ("Baseline PET-CT:",
        "At diagnosis:", "Previous PET (2023):")."""
        start = 0
        while start < len(toks) and toks[start] in _BULLETS:
            start += 1  # "- Baseline PET 08/01: ..."
        carried = next((j for j in range(start, min(start + 4, len(toks) - 1))
                        if toks[j] in {"copied", "carried"} and toks[j + 1] == "forward"), None)
        if carried is not None and ":" in toks[carried + 2:carried + 8]:
            return True  # "Assessment copied forward from 09/2025: 'Febrile neutropenia day 3'": an older note's text
        k = self.reaction_headings.at(toks, start) if start < len(toks) else 0
        if k and start + k < len(toks) and toks[start + k] == ":":
            return True  # "Allergies/ADRs: amoxicillin - widespread itchy rash (1998)": past reactions to drugs
        if start >= len(toks) or self.hist_pre.at(toks, start) == 0:
            # "At baseline PET/CT, hypermetabolic nodes ..." (a preposition first, then the trigger)
            if not (start + 1 < len(toks) and toks[start] in {"at", "on", "in"} and self.hist_pre.at(toks, start + 1)):
                return False
            start += 1
        head = toks[start:start + 3]
        return ":" in toks[start + 1:start + 8] or (bool(_PAST_SCAN_WORDS & set(head)) and "," in toks[start + 1:start + 6])

    def _clause_body(self, text: str, tokens: list[Token], lo: int, hi: int, result: MatchResult) -> None:
        toks = [t.text for t in tokens[lo:hi]]
        n = len(toks)
        covered = [False] * n
        mentions: list[Mention] = []
        named: list[Mention] = []  # terms that name no finding ("rheumatoid factor"): list items for negation scope
        # triggers first (so their words are not read as findings)
        trig_at: dict[int, tuple[str, int]] = {}
        i = 0
        while i < n:
            for kind, trig in (("pseudo", self.pseudo), ("family", self.fam_pre), ("planned", self.plan_pre),
                               ("history", self.hist_pre),
                               ("uncertainty", self.unc_pre), ("negation", self.neg_pre)):
                k = trig.at(toks, i)
                if k and kind == "negation" and toks[i] in self.glued_negations and i + 1 < n and toks[i + 1] in {"-", "–"} and \
                        tokens[lo + i].end == tokens[lo + i + 1].start and not (
                            i + 2 < n and toks[i + 2] in {"avid", "fdg", "hypermetabolic"}):
                    break  # a prefix glued to its word negates nothing: "non-tender splenomegaly" (but "non-avid
                    # nodes" are not hot nodes)
                if k == 1 and kind == "negation" and toks[i] == "sem" and i > 0 and toks[i - 1].isdigit():
                    break  # "3 sem fiebre": Spanish weeks (semanas), not the Portuguese "without"
                if k and kind == "family" and self._patient_relative and " ".join(toks[i:i + k]) in (
                        self._patient_relative, self._patient_relative + "'s"):
                    continue  # "my dad Frank is 71 and has been in hospital with fevers": the one written about
                if k and kind == "family" and (
                        any(j >= 0 and self.informant_before.at(toks, j) == i - j for j in (i - 1, i - 2, i - 3))
                        or (i + k < n and self.informant_after.at(toks, i + k))):
                    break  # "History from daughter: fevers", "Wife reports night sweats": who tells, not who has it
                if k:
                    trig_at[i] = (kind, k)
                    break
            i += trig_at[i][1] if i in trig_at and trig_at[i][0] == "pseudo" else 1
        # exact longest match
        i = 0
        while i < n:
            found = 0
            longest = self.len_from.get(toks[i], 0)
            if not longest and (toks[i] not in _KEY_SKIP or toks[i] == "."):
                i += 1  # (a term may start at a hyphen - "11-year-old" - but not at a full stop: "64M. fever")
                continue
            span_max = self.max_len + 3 if toks[i] in _KEY_SKIP else longest + 3  # modifiers may sit inside
            for k in range(min(span_max, n - i), 0, -1):
                key: tuple[str, ...] | None = tuple(t for t in toks[i : i + k] if t not in _KEY_SKIP)
                if key not in self.terms:
                    key = self._modified_key(toks, i, k, key or (), trig_at)
                if key and key in self.terms:
                    if k == 1 and toks[i] in self.trigger_words and i in trig_at:
                        continue
                    if k == 1 and toks[i] in self.capitals_only and not (
                            raw := self._text[tokens[lo + i].start:tokens[lo + i].end]).isupper() and not (
                                raw.islower() and (toks[i] not in self.capitals_strict or self._text.islower())):
                        continue  # "Mr S. McL.": a name's initials, not "MCL" (nor a note typed in lower case);
                        # "Cultures all negative" is no ALL (an everyday word is read only in capitals)
                    if self.terms[key] in _DRUG_EXPOSURES and _a_level(tokens, lo, toks, i + k):
                        # "EPO 1.9 mU/mL", "epo_mu_ml 1.9": the hormone's level in the blood, not the drug given
                        self._swallow_value(tokens, lo, toks, i + k, covered)
                    elif self.terms[key] in self.local_use and self._applied_locally(toks, i + k, self.terms[key]):
                        pass  # "Hydrocortisone 1 % cream BD to eczema patches": on the skin, not a steroid given
                    elif self.terms[key]:  # "" = a known term that names no finding ("CA 19-9", "malar rash")
                        mentions.append(Mention(self.terms[key], i, i + k, self.term_text[key], 100.0, "exact",
                                                negative=key in self.absent_terms))
                        for other in self.also.get(key, ()):
                            mentions.append(Mention(other, i, i + k, self.term_text[key], 100.0, "exact", shared=True))
                    else:
                        if key in self.swallowed:
                            named.append(Mention("", i, i + k, self.term_text[key], 100.0, "exact"))
                        self._swallow_value(tokens, lo, toks, i + k, covered)
                        cid = self.condition_terms.get(key)
                        if cid and cid not in result.diagnoses:
                            result.diagnoses.append(cid)
                    found = k
                    break
            if found:
                for j in range(i, i + found):
                    covered[j] = True
                i += found
            else:
                i += 1
        for mt in mentions:  # a trigger word inside a term is part of it ("spleen not avid" does not negate on)
            for j in range(mt.start_tok + 1, mt.end_tok):
                trig_at.pop(j, None)
        if self.sites:
            self._coordinated_sites(toks, covered, mentions)
        if self.level_sites:
            self._level_sites(toks, covered, mentions)
        if self.near:
            self._near_words(toks, covered, mentions)
            self._shared_comparison(toks, covered, mentions)
        # fuzzy for uncovered word runs (typos)
        self._fuzzy(toks, covered, mentions, trig_at, result, tokens, lo)
        mentions.sort(key=lambda mt: mt.start_tok)
        for mt in mentions:  # "Currently steroid-free", "fever-free for 48 h": the hyphened suffix denies it
            e = mt.end_tok - (toks[mt.end_tok - 1] in {"-", "–"})  # (a term may end at its hyphen: "steroid -")
            if e > mt.start_tok and e + 1 < n and toks[e] in {"-", "–"} and toks[e + 1] in self.glued_free \
                    and tokens[lo + e - 1].end == tokens[lo + e].start and tokens[lo + e].end == tokens[lo + e + 1].start:
                mt.negative = True
                covered[e] = covered[e + 1] = True
        if toks:
            self._attribute(toks, mentions)
        result.mentioned.extend(mt.finding for mt in mentions if mt.finding not in result.mentioned)
        # numbers and anchors
        consumed = [False] * n
        for mt in list(mentions):
            bf = self.bundle.findings[mt.finding]
            if bf.kind == "boolean" and bf.measured_by and not mt.negative:
                mentions.append(Mention(bf.measured_by, mt.start_tok, mt.end_tok, mt.term, mt.score, "measured"))
        mentions.sort(key=lambda mt: (mt.start_tok, self.bundle.findings[mt.finding].kind != "boolean"))
        denied: list[Mention] = []
        for j, mt in enumerate(mentions):
            f = self.bundle.findings[mt.finding]
            if f.kind == "numeric" and f.section == "uptake" and not mt.remapped \
                    and not self.marrow_words & set(toks[mt.start_tok:mt.end_tok]) \
                    and not self.lead_organs & set(toks[mt.start_tok:mt.end_tok]) \
                    and (self._other_site(toks, mt.start_tok) or self._heading_organ(toks)) \
                    and not self._marrow_after(toks, mt):
                # "spleen SUVmax 3.4": a measurement of another organ; read its number so it is not misplaced (a
                # term that names the liver is the liver's own yardstick: "spleen SUVmax 5.8 vs liver 2.9")
                self._skip_number(tokens, lo, toks, mt, consumed, covered)
                continue
            if f.kind == "numeric":
                if f.id in self.passing and self._resolved_after(toks, mt):
                    self._skip_number(tokens, lo, toks, mt, consumed, covered)
                    continue  # "fiebre de 39 hace dos meses, ya resuelta": a measurement that has passed
                if f.section == "uptake" and not mt.remapped:
                    mt.anchored = self._marrow_before(toks, mt)
                before = len(result.findings) + len(result.percents) + len(result.implausible)
                self._attach_number(text, tokens, lo, hi, toks, mt, consumed, covered, result,
                                    next_start=mentions[j + 1].start_tok if j + 1 < len(mentions) else n)
                if f.section in ("labs", "imaging") and mt.method == "exact" and \
                        len(result.findings) + len(result.percents) + len(result.implausible) == before:
                    # "calcium and creatinine were within normal limits": a lab named without a value may be
                    # reported normal, which denies the abnormalities its thresholds name
                    denied.extend(Mention(t.sets, mt.start_tok, mt.end_tok, mt.term, mt.score, mt.method,
                                          denial_only=True)
                                  for t in f.thresholds if t.sets in self.bundle.findings)
        self._anchor_days(text, tokens, lo, hi, toks, covered, consumed, result)
        for mt in mentions:
            if mt.finding in self.normal_percent and not mt.negative and self._normal_percent(tokens, lo, toks, mt):
                mt.negative = True  # "blasts 0 %", "BM aspirate: blasts 2 %": said, and normal
            later = self.denied_later.get(mt.finding)
            if later and not mt.negative and any(tuple(toks[k:k + len(seq)]) == seq for seq in later
                                                 for k in range(mt.end_tok, len(toks))):
                mt.negative = True  # "BCs: 1/4 bottles CoNS (contaminant)": not a bacteraemia; "... îlot osseux"
        # context and negation for boolean mentions
        # "ANA and rheumatoid factor were negative": a named term with no finding still carries the list
        bool_mentions = sorted([mt for mt in mentions if self.bundle.findings[mt.finding].kind == "boolean"] + named
                               + denied, key=lambda mt: mt.start_tok)
        self._contexts(text, tokens, lo, toks, bool_mentions, trig_at, covered, result)
        # unmatched content
        self._unmatched(text, tokens, lo, toks, covered, consumed, trig_at, result)

    def _site_at(self, toks: list[str], j: int, covered: list[bool]) -> tuple[int, str] | None:
        for k in range(min(self.site_len, len(toks) - j), 0, -1):
            if any(covered[j : j + k]):
                continue
            fid = self.sites.get(tuple(t for t in toks[j : j + k] if t not in _KEY_SKIP))
            if fid:
                return k, fid
        return None

    def _coordinated_sites(self, toks: list[str], covered: list[bool], mentions: list[Mention]) -> None:
        """"aching knees and lower back", "pain in the lower back and both thighs", "knee and wrist pain": a body
        site joined to a composed complaint is a complaint of that site too."""
        n = len(toks)
        for mt in list(mentions):
            if tuple(t for t in toks[mt.start_tok:mt.end_tok] if t not in _KEY_SKIP) not in self.composed_keys:
                continue
            j = mt.end_tok  # forwards
            while j < n and toks[j] in {"and", ",", "or", "&", "/"}:
                j += 1
                lead = j
                while j < n and (toks[j] in {"both", "the", "his", "her", "left", "right", "lower", "upper"}
                                 or toks[j] in _LEAD_PREPS) and not self._site_at(toks, j, covered):
                    j += 1
                hit = self._site_at(toks, j, covered) if j < n else None
                if hit is None or not self._complains_of(toks[mt.start_tok:mt.end_tok], hit[1]):
                    break  # "no back pain, bladder change": pain is not a complaint of the bladder's finding (a mass)
                k, fid = hit
                # "pain in both shoulders and in the mid-back": the preposition goes with its site, so a denial
                # reaches it as a list item ("no pain in the bones or in the back")
                start = lead if _LEAD_PREPS.intersection(toks[lead:j]) else j
                mentions.append(Mention(fid, start, j + k, " ".join(toks[start:j + k]), 100.0, "exact"))
                for q in range(start, j + k):
                    covered[q] = True
                j += k
            i = mt.start_tok  # backwards: "knee and wrist pain"
            while i >= 2 and toks[i - 1] in {"and", ",", "or", "&", "/"}:
                found = None
                for k in range(min(self.site_len, i - 1), 0, -1):
                    hit = self._site_at(toks, i - 1 - k, covered)
                    if hit and hit[0] == k and self._complains_of(toks[mt.start_tok:mt.end_tok], hit[1]):
                        found = (i - 1 - k, k, hit[1])
                        break
                if found is None:
                    break
                start, k, fid = found
                mentions.append(Mention(fid, start, start + k, " ".join(toks[start:start + k]), 100.0, "exact"))
                for q in range(start, start + k):
                    covered[q] = True
                i = start

    def _near_words(self, toks: list[str], covered: list[bool], mentions: list[Mention]) -> None:
        """A finding said by two words close together in either order, neither already part of a term, with no
        clause break and no other term between them: "the bones in my back feel like they're being crushed"."""
        n = len(toks)
        # a short bracketed aside between the two words does not part them ("milza con captazione diffusa intensa
        # (SUVmax 8,9) e due aree focali")
        aside: set[int] = set()
        for k, t in enumerate(toks):
            start = _opening(toks, k) if t == ")" else None
            if start is not None and k - start <= 10:
                aside.update(range(start, k + 1))
        for fid, first, second, window, not_before, second_first, not_between, shared in self.near:
            i = 0
            while i < n:
                # a shared first word may be part of another term ("Milz" of "Milz 14 cm": "Milz mehrere Herde")
                if (covered[i] and not shared) or not first.has(toks[i]) or (i + 1 < n and toks[i + 1] in not_before):
                    i += 1
                    continue
                # the other words of the term a shared first word belongs to ("Śledziona powiększona z ... ogniskami")
                own = next((range(mt.start_tok, mt.end_tok) for mt in mentions if mt.start_tok <= i < mt.end_tok),
                           range(i, i + 1)) if shared and covered[i] else range(i, i + 1)
                hit = None
                # the window counts words outside a bracketed aside
                ahead = window + sum(1 for k in range(i + 1, min(n, i + window + 12)) if k in aside)
                behind = window + sum(1 for k in range(max(0, i - window - 11), i) if k in aside)
                for j in range(max(0, i - behind), i if second_first else min(n, i + ahead + 1)):
                    if j != i and not covered[j] and second.has(toks[j]) and not (
                            j >= 2 and toks[j - 1] in {"-", "–"} and toks[j - 2] in {"non", "not", "un"}):  # "non-tender"
                        lo_, hi_ = min(i, j), max(i, j) + 1
                        if i not in aside and j not in aside and not any(
                                (covered[k] and k not in own and toks[k] not in _NEAR_FILLERS)
                                or (toks[k] in _NEAR_BREAK and not (toks[k] == "." and k and toks[k - 1] in
                                                                     _WORD_ABBREVIATIONS))  # ("incl. both femurs")
                                or toks[k] in not_between
                                for k in range(lo_, hi_) if k not in aside):
                            # a shared pair is read at its second word, leaving the words between (the size in
                            # "vergrote milt van 24 cm met een focale laesie") to be read too
                            hit = (j, j + 1) if shared else (lo_, hi_)
                            break
                if hit is None:
                    i += 1
                    continue
                lo_, hi_ = hit
                for k in range(lo_, hi_):
                    covered[k] = True
                # "ribs and sternum not tender", "Wirbelsäule nicht klopfschmerzhaft": the pair's second word denied
                denied = hi_ - lo_ > 2 and toks[hi_ - 2] in _NEAR_NEGATIONS
                mentions.append(Mention(fid, lo_, hi_, " ".join(toks[lo_:hi_]), 100.0, "exact", negative=denied))
                i = hi_

    def _shared_comparison(self, toks: list[str], covered: list[bool], mentions: list[Mention]) -> None:
        """"higher than the liver and the cerebellum", "jače od jetre i od malog mozga", "intensiver als Leber und
        Kleinhirn": one comparative shared by two reference organs - the marrow is above the brain too."""
        brain, liver = self._brain_words, self._liver_words
        if not brain or "marrow_ge_brain" not in self.bundle.findings:
            return
        n = len(toks)
        for mt in [x for x in mentions if x.finding == "marrow_above_liver"]:
            k = mt.end_tok
            # (a comparative read with the liver word after it: "jače od jetre", "intensiver als Leber")
            while k < min(n, mt.end_tok + 3) and (toks[k] in _SHARED_FILLERS or any(w.has(toks[k]) for w in liver)):
                k += 1
            start = k
            joins = self._shared_joins
            while k < n and not covered[k] and (toks[k] in _SHARED_FILLERS or toks[k] in joins) and k < start + 3:
                k += 1
            if not any(toks[q] in joins for q in range(start, k)):
                continue
            # the brain word, after at most two more small words ("malog mozga", "the cerebellum")
            for j in range(k, min(n, k + 3)):
                if covered[j]:
                    break
                if any(b.has(toks[j]) for b in brain):
                    mentions.append(Mention("marrow_ge_brain", j, j + 1, toks[j], 100.0, "exact"))
                    covered[j] = True
                    break
                if toks[j] not in _SHARED_FILLERS:
                    break  # "above the liver and well below cerebellar activity": the brain has its own comparison

    def _level_sites(self, toks: list[str], covered: list[bool], mentions: list[Mention]) -> None:
        """"tender at T6", "percussion tenderness over the L2", "T12 pain": a vertebral level named as the site of a
        composed complaint (for findings whose composed terms allow it)."""
        n = len(toks)
        for i in range(n):
            if covered[i] or not _SPINAL_LEVEL.fullmatch(toks[i]):
                continue
            for fid, befores, complaints in self.level_sites:
                start = None
                back = i - 1 if i > 0 and toks[i - 1] == "the" else i
                for k in range(1, 5):
                    if back - k >= 0 and tuple(toks[back - k:back]) in befores and not any(covered[back - k:back]):
                        start = back - k
                if start is not None:
                    end = i + 1
                elif i + 1 < n and toks[i + 1] in complaints and not covered[i + 1]:
                    start, end = i, i + 2
                else:
                    continue
                mentions.append(Mention(fid, start, end, " ".join(toks[start:end]), 100.0, "exact"))
                for q in range(start, end):
                    covered[q] = True
                break

    def _complains_of(self, term: list[str], fid: str) -> bool:
        """Does a composed term ("aching knees") use a complaint word of the finding a site belongs to ("lower back"
        is bone pain's, which aches too)?"""
        words = self.complaint_words.get(fid, set())
        return any(t in words or t.rstrip("s") in words for t in term)

    def _modified_key(self, toks: list[str], i: int, k: int, key: tuple[str, ...],
                      trig_at: dict[int, tuple[str, int]]) -> tuple[str, ...] | None:
        """A term with modifiers inside: "focal hypermetabolic lesions" is "focal lesions", "spleen is enlarged" is
        "spleen enlarged" (never a modifier at either end, never across a trigger, and never when a modifier
        starts a term of its own that runs to the end: "generalised FDG-avid lymphadenopathy" is FDG-avid nodes)."""
        if k < 3 or len(key) < 3 or not self.modifiers or key[0] in self.modifiers or key[-1] in self.modifiers:
            return None
        inner = [t for q, t in enumerate(key[1:-1], 1) if t not in self.modifiers and not _LEVEL.fullmatch(t)  # "over the L4"
                 and not _ordinal_at(key, q)  # "tender over the 7th rib" (tokenised "7", "th")
                 and not (key[-1] in _SIZED_NOUNS and _size_at(key, q))]  # "a solitary 12-mm focus" (but
        # "spleen 22cm suvmax 8.1" keeps its size: only a lesion's size is passed over)
        if len(inner) == len(key) - 2:
            return None
        new = (key[0], *inner, key[-1])
        if new not in self.terms or any(j in trig_at for j in range(i + 1, i + k)):
            return None
        for j in range(i + 1, i + k - 1):
            if toks[j] in self.modifiers and tuple(t for t in toks[j : i + k] if t not in _KEY_SKIP) in self.terms:
                return None
        return new

    def _organ_of(self, toks: list[str], mt: Mention) -> str | None:
        """The organ a mention is said of: "in/of/within (the) X" right after it, else the nearest organ named before
        it in the same comma-free stretch, else the organ the clause starts with ("Spleen: ..."); a marrow word on
        the way means the marrow (returned as None)."""
        n = len(toks)
        if any(t in self.marrow_words or t in self.skeletal_words for t in toks[mt.start_tok:mt.end_tok]):
            # "splenomegaly (22 cm) with heterogeneous marrow uptake", "(... vs. Leber 2,5), mit Ausdehnung in die
            # Femur- und Humerusschäfte": a term that names the marrow or a bone is theirs
            return None
        j = mt.end_tok
        while j < min(n, mt.end_tok + 2) and toks[j] in _PLACED:
            j += 1  # "foci scattered throughout the spleen", "lesions seen in the liver"
        if j < n and toks[j] in self.organs and toks[j] not in self.lead_organs and j == mt.end_tok \
                and toks[j] not in _SITE_PREPS:
            return toks[j]  # "Hipercaptação focal tireoidiana": the organ said as an adjective right after the term
        if j < n and toks[j] in _FOREIGN_SITE_PREPS:
            for t in toks[j + 1 : j + 5]:
                if t in self.marrow_words or t in self.skeletal_words or _LEVEL.fullmatch(t) or t in _STRETCH_END:
                    break
                if t in self.organs and t not in self.lead_organs:
                    return t
        if j < n and toks[j] in _SITE_PREPS and not (j + 1 < n and toks[j + 1][:1].isdigit()):
            # "in the (sigmoid) colon", "within the left lung": the organ within a few words of the preposition
            # (not "an SUVmax of 9.2 (liver 2.6)": of its value)
            for k, t in enumerate(toks[j + 1 : j + 7], j + 1):
                if t in self.marrow_words or t in self.skeletal_words or _LEVEL.fullmatch(t):
                    return None
                if t in self.organs or t in self.lead_organs:
                    return t
                if t == "of" and toks[k - 1] in _ORGAN_PARTS:
                    continue  # "in the inferior pole of the spleen", "in the left lobe of the liver"
                if t in _STRETCH_END or t in _SITE_PREPS:
                    break
        k = mt.start_tok
        while k > 0:
            k -= 1
            t = toks[k]
            if t == ")":
                # "a 13.0 cm spleen with diffuse uptake (SUVmax 3.1) containing two ... lesions": the aside is
                # passed over, not a new owner (and an organ inside it owns nothing after it)
                opened = _opening(toks, k)
                if opened is not None:
                    k = opened
                    continue
                break
            if t in self.and_words:
                # "a 13.6 cm spleen with uptake above liver and two small hypodense foci": still the spleen's (and
                # abroad: "milza aumentata con captazione diffusa intensa, SUVmax 8,9, e alcune aree focali")
                owner = self._with_owner(toks, k)
                if owner:
                    return owner
            if t in self.marrow_words:
                return None  # "splenomegaly with marrow uptake extending into both femoral shafts": the marrow's
            if t in self.skeletal_words or _LEVEL.fullmatch(t) or t in _STRETCH_END:
                break
            if t in self.organs:
                return t
        lead = self._lead_organ(toks)
        if lead is not None:
            return lead
        if self._carried and not any(t in self.marrow_words or t in self.skeletal_words for t in toks[:mt.start_tok]):
            return self._carried
        return None

    def _resolved_by_which(self, tokens: list[Token], before: tuple[int, int], lo: int, hi: int,
                           earlier: list[Extracted]) -> None:
        """"stopped because of bone pain, which resolved within days", "bone pain at diagnosis (2019); resolved after
        induction": a clause opened by "which/that resolved" (or by "resolved" after a semicolon or comma) says the
        last symptom of the clause before it has gone."""
        if tokens[lo - 1].text not in {"which", "that", ";", ","}:
            return
        head = min(hi, lo + 4)
        if not _RESOLVED.match(" ".join(t.text for t in tokens[lo:head])):
            return
        start = tokens[before[0]].start
        faded = next((e for e in reversed(earlier) if e.status == "present" and e.value is None
                      and e.span[0] >= start and self.bundle.findings[e.finding].section == "symptoms"), None)
        if faded is not None:
            span = (tokens[lo].start, tokens[head - 1].end)
            faded.status = "absent"
            faded.trigger = Trigger("negation", self._text[span[0]:span[1]], span)

    def _lead_organ(self, toks: list[str]) -> str | None:
        """The organ a clause starts with: a heading ("Lungs: ...") or an organ a remap speaks of ("Spleen 13.5 cm,
        two focal lesions", "a 13.0 cm spleen with ...") owns the whole clause; any other owns only its first
        stretch (found by _organ_of)."""
        # "Findings: ...", "PET-CT was made to find lymphoma: spleen 19 cm, ...": the organ after a heading's colon
        colon = next((i for i, t in enumerate(toks[:12]) if t == ":"), None)
        first = colon + 1 if colon is not None and not any(
            t in self.organs or t in self.lead_organs for t in toks[:colon]) else 0  # "Liver: SUVmax 2.6"
        at = next((i for i, t in enumerate(toks[first:first + 6], first) if t not in _SITE_SKIP
                   and t not in _SIZE_WORDS and t not in _DEGREE_WORDS and not t[:1].isdigit()), None)
        if at is None:
            return None
        lead = toks[at]
        heading = at + 1 < len(toks) and toks[at + 1] == ":"
        # an organ a remap speaks of leads even when it is not an organ word on its own (French "rate", which is
        # also an English word: "- rate de 12,5 cm, ..., avec de multiples micronodules")
        follows = toks[at + 1] if at + 1 < len(toks) else ""
        if lead in self.lead_organs or (lead in self.organs and (heading or lead in self.remap_organs)) or (
                lead in self.remap_organs and (heading or follows in _LEAD_ORGAN_NEXT)):
            return lead
        return None

    def _with_owner(self, toks: list[str], k: int) -> str | None:
        """The organ of "<organ> with A and B", looking back from the "and" at k (None if it is not that)."""
        q = k
        while q > max(0, k - 14):
            q -= 1
            t = toks[q]
            if t == ")":
                opened = _opening(toks, q)
                if opened is not None:
                    q = opened
                    continue
            if t in _STRETCH_END or t in self.marrow_words or t in self.skeletal_words:
                return None
            if t in self.owning:
                r, seen = q, 0
                while r > 0 and seen < 4:
                    r -= 1
                    if toks[r] == ")":  # "spleen with diffuse uptake (SUVmax 3.1) containing ..."
                        opened = _opening(toks, r)
                        if opened is not None:
                            r = opened
                            continue
                    if toks[r] in self.organs:
                        return toks[r]
                    if toks[r] in self.owning:
                        continue  # "a spleen with diffuse uptake containing ...": the first owner's organ
                    if toks[r] in _SIZE_WORDS or toks[r] in _MEASURED or toks[r] == "," or toks[r][:1].isdigit():
                        continue  # "the spleen measured 16.4 cm, with ..."
                    seen += 1
                return None
        return None

    def _heading_organ(self, toks: list[str]) -> str | None:
        """"Heart: intense uptake around the valve, SUVmax 7.8": the organ a report line is headed with."""
        if len(toks) > 1 and toks[1] == ":" and toks[0] in self.organs and toks[0] not in self.remap_organs:
            return toks[0]
        return None

    def _attribute(self, toks: list[str], mentions: list[Mention]) -> None:
        """Marrow findings said of another organ become that organ's finding (context_remap) or are set aside."""
        for words, finding, becomes in self.clause_remap:
            if any(mt.finding == finding for mt in mentions) and any(
                    toks[i:i + len(w)] == list(w) for w in words for i in range(len(toks) - len(w) + 1)):
                for mt in mentions:
                    if mt.finding == finding:
                        mt.finding = becomes  # "a 99mTc-MDP bone scan ... superscan appearance": the bone scan's
                        mt.remapped = True
        ends = {m.end_tok: m for m in mentions}
        heads: list[Mention] = []
        for mt in mentions:
            if mt.term in self.needs_site:
                # "no lytic or sclerotic bone lesion": the noun of the lesion just named, not a lesion of its own
                k = mt.start_tok
                while k > 0 and toks[k - 1] in self.bone_words:
                    k -= 1
                before = ends.get(k)
                if before is not None and before is not mt and before.finding != mt.finding:
                    heads.append(mt)
                    continue
            specimens = self.specimens.get(mt.finding)
            if specimens and not _BLOODISH & set(toks[mt.start_tok:mt.end_tok]):
                # "throat swab grew group C streptococci", "E. coli in the urine": an organism, not a bacteraemia
                # the nearest specimen word decides, before the organism first ("blood cultures x4 neg, wound swab
                # scanty MSSA only": the swab's)
                before_it = reversed(toks[max(0, mt.start_tok - 8):mt.start_tok])
                after_it = toks[mt.end_tok:mt.end_tok + 5]
                nearest = next((t for t in (*before_it, *after_it) if t in specimens or t in _BLOODISH), None)
                if nearest is not None and nearest in specimens:
                    mt.elsewhere = nearest
                    continue
            if mt.finding not in self.marrow_findings and not any(k[1] == mt.finding for k in self.remap):
                continue
            organ = self._organ_of(toks, mt)
            if organ is None:
                after = list(itertools.takewhile(lambda t: t not in {")", ":", ";", ".", ","}, toks[mt.end_tok:mt.end_tok + 6]))
                if mt.term in self.needs_site and not self._marrow_before(toks, mt) and not any(
                        t in self.marrow_words or t in self.skeletal_words or t in self.bone_words
                        or _SPINE_LEVEL.fullmatch(t) for t in after):  # ("очаги (тело Th9, крестец)": a vertebra)
                    mt.elsewhere = "unstated"  # "PET/CT: nodule SUVmax 4.1": a lesion of no stated organ
                continue
            new = self.remap.get((organ, mt.finding))
            if new:
                mt.finding = new
                mt.remapped = True
            elif mt.finding in self.marrow_findings or mt.finding in self.remapped_values:
                mt.elsewhere = organ  # "psoas collections, SUVmax 13.4": that organ's SUV, not the marrow's
        for mt in heads:
            mentions.remove(mt)

    def _fuzzy(self, toks: list[str], covered: list[bool], mentions: list[Mention],
               trig_at: dict[int, tuple[str, int]], result: MatchResult, tokens: list[Token], lo: int) -> None:
        n = len(toks)
        lang = self.lang
        i = 0
        while i < n:
            if covered[i] or not toks[i][:1].isalpha() or toks[i] in self.ignore or i in trig_at:
                i += 1
                continue
            best: tuple[float, int, str, list[tuple[str, float]]] | None = None
            for k in (3, 2, 1):
                if i + k > n or any(covered[i : i + k]) or not all(t[:1].isalpha() for t in toks[i : i + k]):
                    continue
                if k > 1 and (toks[i + k - 1] in _LINK_WORDS or toks[i] in _LINK_WORDS
                              or toks[i + k - 1] in self.item_joins or toks[i] in self.item_joins):
                    continue  # "tenderness in the (epigastrium)" is not a typo of "tenderness in the hip"; a list's
                    # "and" is not a letter of a word ("gorączkę i poty": "gorączkę i" is not "gorączki")
                phrase = " ".join(toks[i : i + k])
                if len(phrase) < lang.fuzzy_min_length:
                    continue
                bucket = self._buckets.get(phrase[:2])
                if bucket is None:
                    continue
                bucket_keys, bucket_processed = bucket
                hits = process.extract(
                    utils.default_process(phrase), bucket_processed, scorer=fuzz.ratio,
                    processor=None, score_cutoff=lang.fuzzy_cutoff, limit=5,
                )
                hits = [h for h in hits if _same_starts(phrase, bucket_keys[h[2]]) and (
                    # one word is a run-together term ("nightsweats"), not a term with a word missing
                    # ("paravertebrale" is not "paravertebral emh")
                    k > 1 or " " not in bucket_keys[h[2]]
                    or len(phrase) >= len(bucket_keys[h[2]].replace(" ", "")) - 1)]
                if not hits:
                    continue
                per_finding: dict[str, float] = {}
                for _choice, score, idx in hits:
                    fid = self.fuzzy_choices[bucket_keys[idx]]
                    per_finding[fid] = max(per_finding.get(fid, 0.0), score)
                ranked = sorted(per_finding.items(), key=lambda kv: -kv[1])
                top_key = bucket_keys[hits[0][2]]
                if best is None or ranked[0][1] > best[0]:
                    best = (ranked[0][1], k, top_key, ranked)
            if best is None:
                i += 1
                continue
            score, k, key, ranked = best
            if len(ranked) > 1 and ranked[0][1] - ranked[1][1] <= lang.ambiguity_margin:
                start, end = tokens[lo + i].start, tokens[lo + i + k - 1].end
                result.ambiguous.append(Ambiguity(self._text[start:end], (start, end), ranked[:3]))
            else:
                mentions.append(Mention(ranked[0][0], i, i + k, key, score, "fuzzy", ranked[1:3],
                                        negative=tuple(key.split(" ")) in self.absent_terms))
            for j in range(i, i + k):
                covered[j] = True
            i += k

    # ------------------------------------------------------------------ numbers

    def _value_before(self, fid: str, tokens: list[Token], lo: int, toks: list[str], start: int,
                      consumed: list[bool]) -> int | None:
        """"14.5 cm spleen": a number right before the term counts only with an explicit unit between."""
        rows = self.units.get(fid, [])
        for k in (1, 2, 3):  # unit of up to three tokens ("x10^9/l" is several)
            j = start - k - 1
            if j < 0 or tokens[lo + j].kind != "num" or consumed[j]:
                continue
            glued = "".join(t for t in toks[j + 1 : start] if t not in {"-", "–"})  # "a 23-cm spleen"
            if any(glued == alias for alias, _u, _f, _o in rows if alias not in {"", "d", "k"}):
                return j
        return None

    @staticmethod
    def _swallow_value(tokens: list[Token], lo: int, toks: list[str], j: int, covered: list[bool]) -> None:
        """A number (and a short unit) right after a term that names no finding belongs to that term."""
        for k in range(j, min(len(toks), j + 3)):
            if tokens[lo + k].kind == "num":
                covered[k] = True
                if k + 1 < len(toks) and tokens[lo + k + 1].kind == "word" and len(toks[k + 1]) <= 6:
                    covered[k + 1] = True
                break
            if toks[k] not in {":", "=", "-", "of", "is", "was"}:
                break

    def _marrow_after(self, toks: list[str], mt: Mention) -> bool:
        """"SUVmax 8.7 in L3", "SUVmax 5.1 in the lumbar spine": the value says it is the marrow's."""
        after = toks[mt.end_tok:mt.end_tok + 6]
        if "in" not in after:
            return False
        rest = after[after.index("in") + 1:after.index("in") + 4]
        return any(t in self.marrow_words or t in self.skeletal_words or _LEVEL.fullmatch(t) for t in rest)

    @staticmethod
    def _of_the_background(toks: list[str], start: int) -> bool:
        """"rest of marrow homogeneous, SUVmax 2.0", "background marrow SUVmax 1.9": a value the clause says is the
        background's (a focus word on the way back says it is not)."""
        for k in range(start - 1, max(-1, start - 10), -1):
            t = toks[k]
            if t in {".", ";"} or t in _FOCUS_WORDS:
                return False
            if t in _EXPLICIT_BACKGROUND:
                return True
        return False

    @staticmethod
    def _of_a_focus(toks: list[str], start: int) -> bool:
        """"focal uptake in the left 5th to 8th ribs (SUVmax 3.7)", "hottest focus SUVmax 12.6": a value said of a
        focus, not of the background ("without focal lesions (SUVmax 5.2)" is the background's)."""
        for k in range(start - 1, max(-1, start - 30), -1):  # "focal uptake in the sternal body (SUVmax 4.8), in
            t = toks[k]  # the anterolateral left 4th-7th ribs in a vertical line (SUVmax 3.9)": both values are foci
            if t in {".", ";"} or t in _BACKGROUND_WORDS:
                return False  # "marrow diffusely low, background SUVmax 1.4": the background's own value
            if t in _FOCUS_WORDS:
                return not any(w in _FOCUS_DENIALS for w in toks[max(0, k - 3):k])
        return False

    def _marrow_before(self, toks: list[str], mt: Mention) -> bool:
        """"Diffuse homogeneous marrow uptake in the axial skeleton, L3 SUVmax 3.4": a marrow word in the term or
        before it in the clause (a full report gives nodes, tonsils and vessels their SUVmax first)."""
        words = toks[max(0, mt.start_tok - 15):mt.end_tok]
        return any(t in self.marrow_words or t in self.skeletal_words or _LEVEL.fullmatch(t) for t in words)

    def _other_site(self, toks: list[str], start: int) -> bool:
        """Is the measurement term at ``start`` about another organ ("spleen SUVmax", "mass …, SUVmax 21")?"""
        for k in range(start - 1, max(-1, start - 24), -1):
            t = toks[k]
            if _LEVEL.fullmatch(t) or _SPINAL_LEVEL.fullmatch(t) or re.fullmatch(r"d\d{1,2}", t):
                # "more intense than the cerebellum (L4 SUVmax 9.8)": the level makes it the marrow's - unless a mass
                # stands at that level ("paravertebral soft-tissue mass at T9-T10 ..., SUVmax 10.3")
                return any(w in self.mass_words for w in toks[max(0, k - 8):k]
                           if not (w in self.marrow_words or w in self.skeletal_words))
            if t in self.marrow_words or t in self.skeletal_words or t in {".", ";"}:
                return False
            if t in _LESION_WORDS and (toks[max(0, k - 2):k] and any(
                    w in _FOCUS_DENIALS or w in self.marrow_words or w in self.skeletal_words or w == "focal"
                    for w in toks[max(0, k - 2):k])):
                continue  # "multiple focal lesions (SUVmax 9.8)", "without focal lesions (SUVmax 5.2)": the marrow's
            if t in {"neck", "necks", "head", "heads"} and k > 0 and toks[k - 1] in {"femoral", "humeral"}:
                continue  # "L femoral neck/intertrochanteric region) up to SUVmax 13.6": a bone, not the neck
            if t in self.reference_organs and self.comparison_words.intersection(toks[max(0, k - 6):k]):
                return False  # "marrow more intense than the cerebellum (SUVmax 11.2)": the brain is the yardstick
            if t in self.other_sites or t in self.organs:
                return True
            if t == "," and k > 0 and toks[k - 1][:1].isdigit():  # a value ends the phrase ("liver 2.1, SUVmax …")
                return False
        return False

    @staticmethod
    def _skip_number(tokens: list[Token], lo: int, toks: list[str], mt: Mention, consumed: list[bool],
                     covered: list[bool]) -> None:
        for k in range(mt.end_tok, min(len(toks), mt.end_tok + 3)):
            if tokens[lo + k].kind == "num":
                consumed[k] = covered[k] = True
                break

    def _normal_percent(self, tokens: list[Token], lo: int, toks: list[str], mt: Mention) -> bool:
        """A percentage said with the finding ("blasts 3 %", "<5 % blasts") that is normal where it was counted:
        in the blood, or in the marrow when the clause names a marrow specimen."""
        n = len(toks)
        at = None
        j = mt.end_tok
        while j < min(n, mt.end_tok + 4) and toks[j] in _PERCENT_BRIDGE:
            j += 1
        if j + 1 < n and tokens[lo + j].kind == "num" and toks[j + 1] == "%":
            at = j
        elif j < n and tokens[lo + j].kind == "num" and (j + 1 == n or toks[j + 1] in {",", ";", ".", ")"}) \
                and toks[j] in {"0", "0.0", "0,0"}:
            at = j  # "Manual differential: blasts 0, promyelocytes 0, myelocytes 2": none counted
        elif mt.start_tok >= 2 and toks[mt.start_tok - 1] == "%" and tokens[lo + mt.start_tok - 2].kind == "num":
            at = mt.start_tok - 2
        elif mt.start_tok >= 3 and toks[mt.start_tok - 1] in {"de", "di", "of", "des", "dei", "van", "d", "d'"} \
                and toks[mt.start_tok - 2] == "%" and tokens[lo + mt.start_tok - 3].kind == "num":
            at = mt.start_tok - 3  # "Myélogramme : 1 % de blastes", "2 % di blasti"
        if at is None:
            return False
        value = self._parse_number(toks[at])
        if value is None:
            return False
        upper = at > 0 and toks[at - 1] in {"<", "≤"}
        blood, marrow, words = self.normal_percent[mt.finding]
        limit = marrow if words & set(toks) else blood
        return value < limit or (upper and value <= limit)

    def _parse_number(self, raw: str) -> float | None:
        s = raw
        if "," in s:
            parts = s.split(",")
            if all(len(p) == 3 for p in parts[1:]) and "." not in parts[-1] and parts[0].lstrip("-") not in {"0", ""}:
                s = s.replace(",", "")  # "1,150": thousands (but "0,006" is a decimal comma)
            elif len(parts) == 2 and "." not in s:
                s = s.replace(",", ".")
            else:
                s = s.replace(",", "")
        try:
            return float(s)
        except ValueError:
            return None

    def _foreign_unit(self, fid: str, toks: list[str], j: int, limit: int) -> bool:
        """Is the unit written at token j another measurement's (and none of this one's)? A volume is no count's
        or level's unit: "NS 500 ml", "neut 80 ml/h" (unless the measurement's own units are in millilitres)."""
        if j < limit and toks[j] in _VOLUMES and fid not in self.volume_measured:
            return True
        glued = ""
        for k in range(0, min(4, limit - j)):
            glued += toks[j + k]
            owners = self.unit_owners.get(glued)
            if owners and fid not in owners and self.lang.below_margin.get(fid) not in owners:
                return True
        return False

    def _read_unit(self, fid: str, toks: list[str], j: int, limit: int) -> tuple[Any, int, str | None]:
        """Match the longest unit alias starting at token j; return (m.Unit or None, tokens used, raw)."""
        index = self.unit_index.get(fid)
        if j >= limit or not index:
            return None, 0, None
        glued = ""
        best: tuple[Any, int, str | None] = (None, 0, None)
        for k in range(0, min(6, limit - j)):
            glued += toks[j + k]
            unit = index.get(glued)
            if unit is not None:
                best = (unit, k + 1, glued)  # the longest alias wins: later k are longer
        return best

    def _attach_number(self, text: str, tokens: list[Token], lo: int, hi: int, toks: list[str], mt: Mention,
                       consumed: list[bool], covered: list[bool], result: MatchResult, next_start: int) -> None:
        f = self.bundle.findings[mt.finding]
        n = len(toks)
        if f.id == self.age_finding and mt.start_tok > 0 and toks[mt.start_tok - 1] in _AGE_AT_EVENT:
            return  # "Splenectomy at age 9", "spleen removed age 9", "since age 12": an age at an event, not today's
        j = mt.end_tok
        qualifier = None
        steps = 0
        exam = _EXAM_WORDS if f.id in self.lang.below_margin else frozenset()
        if j < n and toks[j] in {"?", ":"}:
            # "Fever? Yes, 39.2", "Temp? 38.7", "Fever: yes (39.4)": a checklist's question answered with its value
            k = j + 1
            if k < n and (yes := self.answer_yes.at(toks, k)) and (k + yes == n or tokens[lo + k + yes].kind != "word"):
                k += yes
                if k < n and toks[k] in {",", ":", "-", "–", "("}:
                    k += 1
            if k < n and ((tokens[lo + k].kind == "num" and k > j + 1) or toks[j] == "?"):
                j = k
        while j < min(n, next_start + 1) and steps < 6 and (toks[j] in self.number_bridge or toks[j] in exam or (
                toks[j] in _PEAKED and f.id == "temperature") or (
                toks[j] == "." and j > 0 and toks[j - 1] in _WORD_ABBREVIATIONS) or (  # "Zellularität ca. 10 %"
                f.section == "uptake" and (_LEVEL.fullmatch(toks[j]) or _SITE_LEVEL.fullmatch(toks[j])
                                           or toks[j] in _VALUE_SITES))) and tokens[lo + j].kind != "num":
            if toks[j] in _QUALIFIERS:
                qualifier = _QUALIFIERS[toks[j]]
            if toks[j] in _LEVEL_WORDS and j + 1 < n and toks[j + 1].isdigit() and int(toks[j + 1]) <= 12:
                j += 1  # "SUVmax LWK 3: 6,8": the 3 names the vertebra, the value follows
            if toks[j] == "(":
                # "Serum tryptase (sent on the radiologist's suggestion) 78 µg/L": an aside without numbers
                close = next((k for k in range(j + 1, min(n, j + 13)) if toks[k] == ")"), None)
                inside = "".join(toks[j + 1:close]) if close is not None else ""
                unit_aside = any(u in inside for u in ("10^9", "10^12", "x10", "/l", "/dl", "/ul", "/µl", "mmol"))
                after = close + 1 if close is not None else n
                while after < min(n - 1, (close or 0) + 4) and toks[after] in {":", "=", "was", "is", "of", "were", "-",
                                                                              "–", "—"}:
                    after += 1  # "The free light chain ratio (kappa/lambda) was 0.008", "Ferritin (ng/mL)  -  4,820"
                if after < n and tokens[lo + after].kind == "num" and (unit_aside or not any(
                        tokens[lo + k].kind == "num" for k in range(j + 1, close or j))):
                    j = after
                    break
            j += 1
            steps += 1
        unit_first = None
        if j == mt.end_tok and j + 2 < n and toks[j] == "," and f.kind == "numeric":
            _, used_after, _ = self._read_unit(f.id, toks, j + 1, n)
            if used_after and j + 1 + used_after < n and tokens[lo + j + 1 + used_after].kind == "num":
                j += 1  # "Hb, г/л   94": a printout's name, a comma, its unit, then the value
        if j < n and f.kind == "numeric":
            first, used_first, raw_first = self._read_unit(f.id, toks, j, n)
            if used_first and (tokens[lo + j].kind != "num" or used_first > 1) and j + used_first < n \
                    and tokens[lo + j + used_first].kind == "num":
                # "B-Hb  g/L  84", "P-LD  µkat/L  19,6": a printout's unit column between the name and the value
                unit_first = (first, raw_first)
                for k in range(j, j + used_first):
                    consumed[k] = covered[k] = True
                j += used_first
        if j == mt.end_tok and j + 1 < n and toks[j] == "," and tokens[lo + j + 1].kind == "num" \
                and f.kind == "numeric" and (mt.method != "measured" or self._read_unit(f.id, toks, j + 2, n)[1]):
            # "white blood cell count, 2.1 × 10^9/L; hemoglobin, 8.4 g/dL", "(neutrophils, 40%)", "(SUVmax, 7.8)":
            # the journals' way of listing results (only a measurement's own name takes a value over a comma)
            j += 1
        if j == mt.end_tok and j + 2 < n and toks[j] == "," and toks[j + 1] in self.measuring \
                and tokens[lo + j + 2].kind == "num" and f.kind == "numeric":
            j += 2  # "The spleen is markedly enlarged, measuring 22.4 cm": a size given after the comma
        if j < n and tokens[lo + j].kind == "num" and f.kind == "numeric":
            # "Ca (adj) 2.20-2.60 3.02 H", "WBC 4.0-11.0 3.1": a reference range, then the value
            rm = _RANGE_THEN_VALUE.match(self._text, tokens[lo + j].start)
            if rm is not None and (past_range := _number_from(tokens, lo, j, n, rm.end())) is not None:
                j = past_range
        if j < n and tokens[lo + j].kind == "num" and f.kind == "numeric":
            # "Ferritin 05/09: 12,400", "TG 09/09: 2.1 mmol/L", "Ferritin (ug/L): 05/09 12,400": the sample's date,
            # then its value
            dm = _DATE_THEN_VALUE.match(self._text, tokens[lo + j].start)
            if dm is not None and 1 <= int(dm.group("d")) <= 31 and 1 <= int(dm.group("m") or dm.group("m2")) <= 12 \
                    and (past_date := _number_from(tokens, lo, j, n, dm.end())) is not None:
                j = past_date
                # "PLT  12/02: 178   19/02: 96 L   26/02: 52 L": a row of dated values is read at its last
                while (dated := _NEXT_DATED_VALUE.match(self._text, tokens[lo + j].end)) is not None and (
                        q := _number_from(tokens, lo, j, n, dated.end())) is not None:
                    j = q
        if j < n and toks[j] in {">", "<", "≥", "≤", "~"}:
            qualifier = _QUALIFIERS[toks[j]]
            j += 1
        if mt.method == "measured":
            # "fevers 3/52 to 39.6", "fever for 5 days, 38.9": a duration is not the value; look past it
            while j + 1 < n and tokens[lo + j].kind == "num" and _is_duration(toks, j):
                j += 3 if toks[j + 1] == "/" else 2
                while j < n and toks[j] in {"to", "up", "of", "max", "peak", ",", "-", "–", "at"}:
                    j += 1
        elif f.section == "labs" and j + 1 < n and tokens[lo + j].kind == "num" and _is_duration(toks, j) \
                and not self._read_unit(f.id, toks, j + 1, n)[1] \
                and self._text[tokens[lo + j + 1].start:tokens[lo + j + 1].end] != "H":  # a printout's flag, not hours
            # "tryptase 1 hour after the reaction was 112 ng/mL": the time of the sample, then its value
            k = j + 2
            while k < min(n, j + 9) and tokens[lo + k].kind != "num" and toks[k] not in {",", ";", ".", ":"}:
                k += 1
            if k < n and tokens[lo + k].kind == "num":
                j = k
            elif len(toks[j + 1]) > 1:
                return  # "Sedan ca 4 mån": circa four months, and no value after it (not "WBC 13.2 H", a flag)
        if j < n and _is_clock(tokens, lo, toks, j):
            return  # "recheck lactate 04:00": a time of day, not a value
        if j < n and toks[mt.start_tok] == "ca" and re.match(
                r"\d{1,2}\.[01]?\d\.(?!\d)", self._text[tokens[lo + j].start:tokens[lo + j].start + 7]):
            return  # "Seit ca. 14.10. Fieber": circa, then a date, not a calcium of 14.1
        if j < n and toks[mt.start_tok] == "ca" and self._text[tokens[lo + mt.start_tok].end:][:1] == "." \
                and not (j + 1 < n and toks[j + 1].startswith(("mmol", "mg", "meq"))):
            return  # "Zellularität ca. 10 %", "seit ca. 6 Wochen", "BLR ca. 1,1": circa, not calcium
        if j >= n or tokens[lo + j].kind != "num" or consumed[j]:
            # value before the term: "67 yo", "3 lytic lesions" (only for terms that are units of count/age)
            before = self._value_before(f.id, tokens, lo, toks, mt.start_tok, consumed)
            if mt.start_tok > 0 and tokens[lo + mt.start_tok - 1].kind == "num" and not consumed[mt.start_tok - 1] \
                    and f.id == self.age_finding:
                j = mt.start_tok - 1
            elif before is not None:
                j = before
            elif f.percent_of and mt.start_tok >= 2 and toks[mt.start_tok - 1] == "%" \
                    and tokens[lo + mt.start_tok - 2].kind == "num" and not consumed[mt.start_tok - 2]:
                # "WBC 2,100/µL with 40% neutrophils": the share written before the count it is of
                pct = self._parse_number(toks[mt.start_tok - 2])
                if pct is not None:
                    k0 = mt.start_tok - 2
                    consumed[k0] = covered[k0] = consumed[k0 + 1] = covered[k0 + 1] = True
                    span = (tokens[lo + k0].start, tokens[lo + mt.end_tok - 1].end)
                    result.percents.append((f.id, pct, span, mt.term))
                return
            else:
                if mt.method != "measured":  # a measurement named without a value ("spleen avid"): say so
                    for k in range(mt.start_tok, mt.end_tok):
                        covered[k] = False
                return
        # a trend: "WCC 14.2 -> 3.1", "plt 312 → 78 → 41", "Hb 10.9, now 8.6": the latest value is the one that counts
        while True:
            nxt = self._trend_next(tokens, lo, toks, j, consumed)
            if nxt is None:
                break
            for k in range(j, nxt):
                consumed[k] = covered[k] = True
            j = nxt
        raw = toks[j]
        value = self._parse_number(raw)
        if value is None or (mt.method == "measured" and qualifier in {"gt", "lt", "ge", "le"}):
            return  # "no fevers >= 38" states a threshold, not a temperature
        if j + 1 < n and self.threshold_after.at(toks, j + 1):
            consumed[j] = covered[j] = True
            return  # "Temperature 37.5 or above -> AMBER": a triage rule's threshold, not a reading
        if f.percent_of and j + 1 < n and toks[j + 1] == "%":
            # "WBC 2,400/µL (neutrophils 38 %)": a share of another count, worked out once the note is read
            consumed[j] = covered[j] = consumed[j + 1] = covered[j + 1] = True
            span = (tokens[lo + mt.start_tok].start, tokens[lo + j + 1].end)
            result.percents.append((f.id, value, span, mt.term))
            return
        consumed[j] = True
        covered[j] = True
        if f.section == "labs" and _SMALL_INT.fullmatch(raw) and j + 1 < n and tokens[lo + j + 1].kind == "num" \
                and _THREE_DIGITS.fullmatch(toks[j + 1]) and \
                self._text[tokens[lo + j].end:tokens[lo + j + 1].start] in {" ", "\u00a0", "\u2009", "\u202f"}:
            # "ferritin 14 800", "fibrinogen ... 58 000": a space between thousands
            raw = raw + toks[j + 1]
            value = float(raw)
            j += 1
            consumed[j] = covered[j] = True
        unit, used, raw_unit = self._read_unit(f.id, toks, j + 1, n)
        if used == 0 and unit_first is not None:
            unit, raw_unit = unit_first
        if used == 0 and unit_first is None and self._foreign_unit(f.id, toks, j + 1, n):
            consumed[j] = False
            return
        if used == 0 and j + 1 < n and toks[j + 1] in {"x", "×", "*"} and j + 2 < n:
            unit, used2, raw_unit = self._read_unit(f.id, toks, j + 2, n)
            used = used2 + 1 if used2 else 0
        if _DOT_THOUSANDS.fullmatch(raw) and ((unit is not None and unit.factor <= 0.001) or (
                f.section == "labs" and not raw.startswith("0"))):
            # "leucocitos 1.900/mm3", "plaquetas 64.000/µL", "ferritin 18.600": a thousands point (no lab is
            # reported to three decimals)
            value = float(raw.replace(".", ""))
        bedside = False
        if used == 0 and f.id in self.lang.below_margin:
            # "splenomegaly of 6 fingerbreadths": a unit only a distance below the costal margin is given in
            unit, used, raw_unit = self._read_unit(self.lang.below_margin[f.id], toks, j + 1, n)
            bedside = used > 0
        for k in range(j + 1, j + 1 + used):
            consumed[k] = covered[k] = True
        after = j + 1 + used
        # "spleen palpable 4 cm", "Spleen 4 cm palpable hai": a size said with the word for feeling it is a distance
        palpable = (j > 0 and toks[j - 1] in _PALPABLE) or (after < n and toks[after] in _PALPABLE)
        distance_word = after < n and (toks[after] in _DISTANCE_WORDS or toks[after] in {"dall", "dall'", "dall’"})
        if bedside or (used and (distance_word or palpable)):
            if after < n:
                covered[after] = True
            # "spleen palpable 12 cm below the costal margin" is a distance, not the spleen's length: it is recorded
            # as that distance, whose thresholds say the organ is enlarged (and how much)
            distance = self.bundle.findings.get(self.lang.below_margin.get(f.id, ""))
            if distance is not None:
                span = (tokens[lo + mt.start_tok].start, tokens[lo + min(after, n - 1)].end)
                same = next((u for u in distance.units if unit is not None and u.unit == unit.unit), None)
                self._record_value(distance, value, same, raw, raw_unit, qualifier, span, mt, result)
            return
        start = min(tokens[lo + mt.start_tok].start, tokens[lo + j].start)  # "a 23-cm spleen": the value comes first
        end = max(tokens[lo + j + used].end if used else tokens[lo + j].end, tokens[lo + mt.end_tok - 1].end)
        self._record_value(f, value, unit, raw, raw_unit, qualifier, (start, end), mt, result)
        if mt.anchored and result.findings and result.findings[-1].finding == f.id:
            result.findings[-1].anchored = True
        if f.id in self.peaks and result.findings and result.findings[-1].finding == f.id:
            if self._of_a_focus(toks, mt.start_tok):
                result.findings[-1].focal = True
            if self._of_the_background(toks, mt.start_tok):
                result.findings[-1].background = True
        after_value = " ".join(toks[after:after + 4])
        # "platelets were 512 on a GP test in 2019" (but not "Tryptase 44 (39 last year)": the aside has its own)
        stop = next((k for k in range(after, min(n, after + 12)) if toks[k] in {"(", ",", ";", "-", "–"}), after + 12)
        later = " ".join(toks[after:stop])
        # "One year ago team check all normal (Hb 15.2, plt 245)": a bracketed list takes the time said before it
        opened = next((k for k in range(mt.start_tok - 1, -1, -1) if toks[k] in {"(", ")"}), None)
        lead = mt.start_tok if opened is None or toks[opened] == ")" else opened
        if f.section in ("labs", "symptoms") and result.findings and result.findings[-1].finding == f.id and (
                _PAST_BEFORE.search(" ".join(_after_aside(toks[max(0, mt.start_tok - 12):mt.start_tok])[-6:]))
                or _PAST_BEFORE.search(" ".join(_after_aside(toks[max(0, lead - 12):lead])[-6:]))
                or _PAST_HEADING.search(" ".join(toks[:mt.start_tok]))
                or _PAST_AFTER.search(after_value) or _PAST_LATER.search(later)):
            # "the TIA work-up had shown haemoglobin 12.1 and platelets 410": an old value, not today's
            ex = result.findings.pop()
            ex.context = "history"
            result.set_aside.append(ex)

    def _trend_next(self, tokens: list[Token], lo: int, toks: list[str], j: int, consumed: list[bool]) -> int | None:
        """The next number of a trend after the value at j ("14.2 -> 3.1", "312 → 78", "10.9, now 8.6"), or None."""
        # "11.8 (01/02) → 10.1 (08/02) → 8.6": the bracket after a value dates it; the trend goes on after it
        close = _closing(toks, j + 1) if j + 1 < len(toks) and toks[j + 1] == "(" else None
        first = close + 1 if close is not None and close - j <= 8 else j + 1
        for k in range(first, min(len(toks), first + 9)):
            if tokens[lo + k].kind == "num":
                if consumed[k] or (k + 1 < len(toks) and toks[k + 1] in _TRANSFUSED):
                    return None  # ("Hb 87 Thurs -> 1u RBC given": a unit of blood, not the next value)
                spaced = self._text[tokens[lo + j].end:tokens[lo + k].start]
                if "\n" not in spaced and ("  " in spaced or "\t" in spaced) and all(
                        w in _TABLE_BLANKS for w in spaced.split()):
                    # a lab table's row: the latest column counts, read from the dates heading the columns
                    # ("09/18  10/02  10/08" - oldest first - or "04/2025  2023  2022" - newest first)
                    return k if self._newest_last(tokens[lo + j].start) else None
                gap = " ".join(spaced.lower().replace(",", " ").split())
                # "188k (admit) -> 124k": a thousands mark and a bracketed time do not break a trend
                gap = " ".join(re.sub(r"\([^()]{0,20}\)", " ", re.sub(r"^k\b", " ", gap)).split())
                if gap in _TRENDS or (gap == "/" and self._slash_trend(tokens, lo, toks, j)):
                    return k
                if j > 0 and toks[j - 1] == "from" and gap.split()[-1:] == ["to"] and len(gap.split()) <= 4:
                    return k  # "WBC rose from 24,300/µL to 46,800/µL", "Hb drifted from 12.6 in January to 10.8"
                # "platelets 164 on admission and now 38": a short aside, then "now"
                words = gap.split()
                if 1 < len(words) <= 5 and words[-1] in _NOW_LAST and not any(
                        w in {"and", "or"} and i == len(words) - 1 for i, w in enumerate(words)):
                    return k
                return None
        return None

    def _word_of_another_language(self, tokens: list[Token], lo: int, toks: list[str], i: int) -> bool:
        """A one-word post-negation that is here another language's word: "-ve" (negative) only with its minus glued
        on, since Turkish "ve" is "and"; "NAD" (nothing abnormal detected) only in capitals, since Czech and Polish
        "nad" is "above" ("nad játry")."""
        if toks[i] == "ve":
            return not (i > 0 and toks[i - 1] in {"-", "–"} and tokens[lo + i - 1].end == tokens[lo + i].start)
        if toks[i] == "nad":
            return self._text[tokens[lo + i].start:tokens[lo + i].end] != "NAD"
        return False

    def _slash_trend(self, tokens: list[Token], lo: int, toks: list[str], j: int) -> bool:
        """Whether the value at j is one of a trend written with slashes: "Hb 9.8 / 8.7 / 7.4 (today)". Three values or
        more, or two with "today"/"now" after them; not a date ("12/4/19"), not values of different counts under
        slashed names ("Hb/WBC/plt 8.1/1.9/45": their sizes differ too much), not Hb over haematocrit ("8.1/24")."""
        n = len(toks)
        start = j
        while start >= 2 and toks[start - 1] == "/" and tokens[lo + start - 2].kind == "num":
            start -= 2
        if start > 0 and toks[start - 1] == "/":
            return False
        values: list[float] = []
        end = start
        while True:
            value = self._parse_number(toks[end])
            if value is None:
                return False
            values.append(value)
            if end + 2 < n and toks[end + 1] == "/" and tokens[lo + end + 2].kind == "num":
                end += 2
            else:
                break
        if len(values) < 2 or min(values) <= 0 or max(values) / min(values) > 5:
            return False
        if all(v.is_integer() for v in values) and values[0] <= 31 and values[1] <= 12:
            return False  # a date
        if len(values) == 2:
            after = self._text[tokens[lo + end].end:tokens[lo + end].end + 12].lower()
            return bool(re.match(r"\s*\(?\s*(?:today|now|currently)\b", after))
        return True

    def _newest_last(self, pos: int) -> bool:
        """Whether the lab table whose row holds ``pos`` lists its dated columns oldest first (the nearest line above
        with two or more dates heads the columns; without one, the first value is kept)."""
        start = self._text.rfind("\n", 0, pos)
        lines = self._text[:max(start, 0)].split("\n")[-16:]
        month_first = self._month_order
        for line in reversed(lines):
            keys = []
            for mt in _COLUMN_DATE.finditer(line):
                if mt.group("year_only"):
                    keys.append((int(mt.group("year_only")), 0, 0))
                    continue
                if mt.group("my"):
                    keys.append((int(mt.group("my")), int(mt.group("mm")), 0))
                    continue
                if mt.group("da"):
                    y = mt.group("dy")
                    month, day = int(mt.group("db")), int(mt.group("da"))
                else:
                    a, b, y = int(mt.group("a")), int(mt.group("b")), mt.group("y")
                    month, day = (a, b) if month_first else (b, a)
                year = int(y) + (2000 if y and len(y) == 2 else 0) if y else 0
                keys.append((year, month, day))
            if len(keys) >= 2:
                return keys[0] <= keys[-1]
        return False

    def _record_value(self, f: m.Finding, value: float, unit: m.Unit | None, raw: str,
                      raw_unit: str | None, qualifier: str | None, span: tuple[int, int], mt: Mention | None,
                      result: MatchResult) -> None:
        lo_p, hi_p = f.plausible if f.plausible else (float("-inf"), float("inf"))
        canonical = f.canonical_unit or ""
        same = next((e for e in result.findings if e.finding == f.id and e.raw_value == raw and e.raw_unit
                     and e.value is not None), None) if unit is None else None
        if same is not None and same.value is not None:
            # "Retics 12 x10^9/L ... (neut 0.3, plt 9, retics 12)": the number said again is the same reading
            converted = same.value
        elif unit is None:
            # no unit typed: take the first unit in which the value is plausible
            chosen = None
            base = next((e.value for e in reversed(result.findings) if e.finding == f.percent_of
                         and e.value is not None), None) if f.percent_of else None
            if base is not None and f.units and f.units[0].factor == 1 and 0 <= value <= base:
                # "WBC 236 x10^9/L, neutrophils 118": a part of the count before it, in its units (not 118/µL)
                chosen = value + f.units[0].offset
            for u in f.units if chosen is None else []:
                v = (value + u.offset) * u.factor
                if lo_p <= v <= hi_p:
                    chosen = v
                    break
            if chosen is None:
                result.implausible.append(Implausible(f.id, self._text[span[0]:span[1]], span, value, canonical, lo_p, hi_p))
                return
            converted = chosen
        else:
            converted = (value + unit.offset) * unit.factor
            if not lo_p <= converted <= hi_p:
                result.implausible.append(Implausible(f.id, self._text[span[0]:span[1]], span, converted, canonical, lo_p, hi_p))
                return
        converted = round(converted, 4)
        result.findings.append(Extracted(
            finding=f.id, status=None, span=span, text=_BLANK_RUN.sub(" ", self._text[span[0]:span[1]]),
            term=mt.term if mt else f.label, score=mt.score if mt else 100.0, method=mt.method if mt else "pattern",
            value=converted, unit=canonical, raw_value=raw, raw_unit=raw_unit, qualifier=qualifier,
        ))

    def _anchor_days(self, text: str, tokens: list[Token], lo: int, hi: int, toks: list[str], covered: list[bool],
                     consumed: list[bool], result: MatchResult) -> None:
        if not self.anchors:
            return
        n = len(toks)
        anchors: list[tuple[int, int, str]] = []
        blocked = self._not_anchor_tokens(toks)
        i = 0
        while i < n:
            if i in blocked or toks[i] in _KEY_SKIP:  # (an anchor starts at its word: "4. Zyklus" is "Zyklus")
                i += 1
                continue
            for k in range(min(self.anchor_len, n - i), 0, -1):
                key = tuple(t for t in toks[i : i + k] if t not in _KEY_SKIP)
                if key in self.anchors:
                    if key in self.after_anchors and not (i > 0 and toks[i - 1] in {"post", "after", "since",
                                                                                     "following", "from"}) \
                            and self.anchors[key] not in self._named_drugs:
                        break  # "PEG tube": only "8 days post peg" makes it the drug (or a note that names it)
                    if not (i > 0 and toks[i - 1] in _DENIED):  # "no gcsf given": a denied drug takes no date
                        anchors.append((i, i + k, self.anchors[key]))
                    i += k - 1
                    break
            i += 1
        if not anchors:
            self._last_dose_after_clause(tokens, lo, hi, consumed, covered, result)
            self._scan_transplant_day(tokens, lo, hi, consumed, covered, result)
            return
        start_c, end_c = tokens[lo].start, tokens[hi - 1].end
        clause = self._text[start_c:end_c].lower()
        used_anchor: set[int] = set()
        # "yesterday" and "last week" last: "fever since yesterday; pegfilgrastim 3 weeks ago" dates the drug by its count
        found = sorted(_DAYS.finditer(clause), key=lambda x: (
            x.group("yday") is not None or x.group("lastweek") is not None, x.group("n2") is not None, x.start()))
        offset = self._offset_from_chemo(clause, tokens, lo, toks, anchors, found)
        for mt in found:
            if offset is not None and mt.start() in offset[1]:
                drug_end = anchors[offset[0]][1]
                chemo_at = next((a for a, _b, f in anchors if f == offset[3] and a >= drug_end), drug_end)
                for k in range(drug_end, chemo_at):  # (understood, though it dates nothing of its own)
                    covered[k] = True
                continue  # "podany 3 dni po chemioterapii, 13 dni przed badaniem": the drug's day in the cycle
            if mt.group("n1"):
                raw_n = mt.group("n1")
                num, unit = (int(raw_n) if raw_n.isdigit() else _NUMBER_WORDS[raw_n]), mt.group("u1")
                if unit in _YEAR_UNITS and not _AGO_SAID.search(mt.group(0)):
                    continue  # ("65-year-old", "for 2 years": an age or a duration; "three years ago" dates a dose)
                mult = 7 if unit in _WEEK_UNITS else 30 if unit in _MONTH_UNITS else 365 if unit in _YEAR_UNITS else 1
                days = num * mult
            elif mt.group("n3"):
                if mt.group("u3") != "52" and not re.match(r"\s*(?:ago|before|prior|earlier|back|since)\b", clause[mt.end():]) and \
                        _PET_DATE.search(self._text.lower()):
                    continue  # "Neulasta 6/12 ... PET/CT 6/26": a date like the scan's, not six months
                days = int(mt.group("n3")) * {"52": 7, "12": 30, "7": 1}[mt.group("u3")]
            elif mt.group("yday"):
                days = 2 if mt.group("yday") == "the day before yesterday" else 1
            elif mt.group("lastweek"):
                days = 7
            else:
                days = int(mt.group("n2"))
            before = clause[max(0, mt.start() - 8):mt.start()]
            if re.search(r"\b(?:after|post)\s*$", mt.group(0)) and re.match(
                    r"\s*(?:this|the|her|his)\s+(?:pet|scan|imaging|study)", clause[mt.end():]):
                continue  # "Salvage R-ICE started 5 days after this PET": after the scan, not days since
            if mt.group("n1") and _MORE_THAN.search(clause[max(0, mt.start() - 16):mt.start()]):
                days += 1  # "stopped more than four weeks before the scan": at least 29 days, past a 28-day window
            if mt.group("n1") and not _TIME_SINCE_SAID.search(mt.group(0)) and (
                    nxt := re.match(r"\s*(?:of\s+|de\s+|di\s+|d'|du\s+)?([^\W\d_][\w-]*)", clause[mt.end():])) \
                    and (normalise(nxt.group(1)),) in self.anchors and mt.group("u1") not in _MONTH_UNITS:
                continue  # "3 gün filgrastim yapılmış", "5 days filgrastim", "7 días de filgrastim": the course's length
            if mt.group("n1") and re.search(r"[<≤>≥]\s*$", before) and not _BEFORE_SAID.search(mt.group(0)):
                continue  # "Recent chemo (<3 wk) [ ] Y [x] N": a form's window, not a time since
            if mt.group("n2") == "0" and _DATED_DAY_ZERO.match(clause[mt.end():mt.end() + 20]):
                continue  # "(day 0: 11 March)": the transplant's date, not a scan on the day of the transplant
            if mt.group("n1") and re.search(r"\bcycle\s*$", before) and re.match(r"\s*\d", clause[mt.end():]):
                continue  # "R-CHOP-21 cycle 3 day 1 = 03/06": the cycle's number and day, not 3 days since
            if mt.group("n1") and (before.rstrip().endswith(("x", "×")) or (
                    _NOT_SINCE.search(clause[max(0, mt.start() - 12):mt.start()])
                    and not mt.group(0).rstrip().endswith(_AGO_WORDS))):
                continue  # "x5 days", "for 5 days", "in 2 weeks", "every 14 days": a duration or the future (but
                # the Danish "for 8 dage siden" is eight days ago)
            if mt.group("n1") and not mt.group("n1").isdigit() and not re.search(
                    r"\b(?:ago|after|before|since|prior|earlier|post)\b", mt.group(0)):
                continue  # "a week" or "two days" alone is a duration; "two days after the last dose" is a date
            if mt.group("n2") and re.match(r"[/.]\d", clause[mt.end():mt.end() + 2]):
                continue  # "Neulasta the next day 28/02/2024": the day of a date, not day 28
            cycle_dated = _BARE_DATE.match(re.sub(r"^[\s:(=,]*(?:was|is|on|=)?\s*", "", clause[mt.end():mt.end() + 18]))
            wide = clause[max(0, mt.start() - 16):mt.start()]
            if mt.group("n2") and not cycle_dated and int(mt.group("n2")) > 1 and (
                    regimen := _CYCLE_BEFORE.search(wide)) is not None and (
                    named := self._anchor_before(clause, mt.start() - len(wide) + regimen.start(), reach=30)) \
                    is not None and named[1] in self.cycle_days \
                    and clause[named[0]:mt.start() - len(wide) + regimen.start()].strip(" ,") == "":
                pass  # "R-CHOP C4 day 12", "R-CHOP cycle 4 day 12": the regimen, its cycle and the note's day of it
            elif mt.group("n2") and (_CYCLE_BEFORE.search(wide) or cycle_dated):
                continue  # "C4 D1 08/05", "completed D5 13/08", "C6 day 1 was 04/15/2024": a cycle's day, dated
            if mt.group("n2") and "+" not in mt.group(0) and re.search(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*[,;(]?\s*$",
                                            clause[max(0, mt.start() - 16):mt.start()]):
                continue  # "last dose 19/03/2025, day 2 of C3": the day the dated dose fell on, not days since
            if re.search(r"\b(?:planned|scheduled|due|intended|supposed|meant|foreseen|repeat|will|geplant|prévue?|"
                         r"previst[oa]|programad[oa]|planejad[oa]|gepland|planerad|planlagt|zaplanowan[aey])\b"
                         r"(?:\s+(?:for|at|a|the|pet|pet-ct|pet/ct|scan|imaging|be|done|repeated))*\s+"
                         r"(?:\d+\s*[-–]\s*)?$", clause[max(0, mt.start() - 40):mt.start()]):
                continue  # "EOT PET (planned 6-8 weeks after C6, ...)", "repeat PET 6-8 weeks after C6": the plan
            if re.search(r"\b(?:to|will|shall)\s+be\s+(?:given|administered|started|applied|injected)\s+(?:on\s+)?"
                         r"(?:the\s+)?$", clause[max(0, mt.start() - 40):mt.start()]):
                continue  # "Pegfilgrastim 6 mg to be given D2 by the district nurse": the day it is planned for
            if mt.group("n2") and "+" not in mt.group(0) and re.match(
                    r"\s*of\s+(?:the\s+)?(?:\w+\s+)?(?:cycle|course|c\d)", clause[mt.end():]) and (
                    (gf_before := self._anchor_before(clause, mt.start())) is not None
                    and gf_before[1] in _PER_CYCLE_OFFSET
                    and not re.search(r"\b(?:pet|scan|tep)\b", clause[gf_before[0]:mt.start()])):
                continue  # "pegfilgrastim on day 2 of cycle 3, ten days before the PET": where the dose fell in the
                # cycle, not days since (but "PET-CT (day 15 of C3)" is the scan's day of the cycle)
            if mt.group("n2") and "+" not in mt.group(0) and (
                    gf_before := self._anchor_before(clause, mt.start())) is not None \
                    and gf_before[1] in _PER_CYCLE_OFFSET and not _AFTER_DRUG.search(clause[:gf_before[0]]) and (
                        dosed := _DOSE_BEFORE_DAY.fullmatch(clause[gf_before[0]:mt.start()])) \
                    and (dosed.group(1) or int(mt.group("n2")) <= 5):  # ("peg d11 at time of scan": eleven days since)
                # "jeweils mit Pegfilgrastim 6 mg d2", "Neulasta 6 mg s.c. day 2": the cycle's day it is given, which
                # dates it once the cycle is dated (read with the cycle, below)
                self._dose_cycle_days.append((gf_before[1], int(mt.group("n2")), (start_c + mt.start(), start_c + mt.end())))
                continue
            if mt.group("n2") and re.match(r"\s*(?:of|with|in|after|for|from)?\s*(?:the\s+)?(?:each|every|all)\b",
                                            clause[mt.end():]):
                continue  # "pegfilgrastim 6 mg sc day 2 each cycle", "on day 2 with each cycle": a schedule
            if mt.group("n2") and (_SCHEDULE.search(before) or _SCHEDULE_AFTER.match(clause[mt.end():mt.end() + 24])
                                   or _SCHEDULE_LISTED.search(clause[max(0, mt.start() - 14):mt.start()])):
                continue  # "filgrastim from day +5 until day +12": a schedule in transplant days, not days since
            if mt.group("n1") and not mt.group(0).rstrip().endswith(("ago", "after", "since", "post", "earlier",
                                                                       "prior", "before", "back")) \
                    and re.match(r"\s*-?\s*(?:cycles?|courses?|regimens?)\b", clause[mt.end():mt.end() + 10]):
                continue  # "each 28-day cycle": the length of a cycle
            if mt.group("n1") and mt.group(0).rstrip()[-1:].isalpha() and not mt.group(0).rstrip().endswith(
                    ("ago", "after", "since", "post", "earlier", "prior", "before", "back")) \
                    and re.match(r"\s*(?:of|de|di)\s", clause[mt.end():mt.end() + 5]):
                continue  # "received 5 days of filgrastim": how long the course ran, not how long ago
            abs_start, abs_end = start_c + mt.start(), start_c + mt.end()
            # token index of the expression
            tok_idx = next((k for k in range(n) if tokens[lo + k].start >= abs_start), n - 1)
            tok_end = next((k for k in range(n) if tokens[lo + k].end >= abs_end), n - 1)
            if any(consumed[k] for k in range(tok_idx, tok_end + 1)):
                continue
            # nearest anchor, preferring one before the expression - except "N days after the last X", which is X's
            looks_ahead = bool(re.search(r"(?<!\w)(?:after|since|following|from|" + "|".join(_AFTER_WORDS) +
                                         r")\s*$", mt.group(0)))
            best = None
            for a_idx, (a_lo, a_hi, fid) in enumerate(anchors):
                if a_idx in used_anchor:
                    continue
                dist = tok_idx - a_hi if a_hi <= tok_idx else a_lo - tok_end + 0.5
                if looks_ahead and a_lo > tok_end and all(t in {"the", "last", "final", "her", "his", "a", "dose",
                                                                 "of", "first", "cycle"}
                                                          for t in toks[tok_end + 1:a_lo]):
                    dist = -1.0  # "6 days after the last lenograstim"
                if -1 < dist < 0:
                    dist = 0
                if a_lo > tok_end and (mt.group("yday") or mt.group("lastweek")) and (
                        a_lo - tok_end > (7 if _LAST_DOSE_WORDS.search(" ".join(toks[tok_end:a_lo])) else 4)
                        or any(t in {",", ";", ":"} for t in toks[tok_end:a_lo])):
                    continue  # "harvest completed last week, transplant pencilled in": it dates what it follows, or
                    # what follows it closely ("Gisteren laatste dosis filgrastim", "Včera poslední dávka filgrastimu")
                if a_lo > tok_end and ")" in toks[tok_end + 1:a_lo] and "(" not in toks[tok_end + 1:a_lo]:
                    continue  # "(ELANE mutation, diagnosis at 8 months) on filgrastim": the aside dates nothing after it
                last_dose = bool(_LAST_DOSE.search(clause[max(0, mt.start() - 45):mt.start()]))
                reach = 16 if last_dose else 8
                if last_dose and a_lo < tok_idx and fid not in _PER_CYCLE_OFFSET and _counted_from(toks, a_lo) \
                        and any(b_hi <= a_lo for _b, b_hi, _f in anchors):
                    continue  # "filgrastim days 5-11 post chemo, last dose 6 days before PET": the drug's last dose,
                    # not the chemotherapy its days are counted from
                if last_dose and toks[a_lo] in _CYCLE_WORDS:
                    dist += 8  # "filgrastim daily d6-12 of the cycle, last dose 7 days ago": a drug's dose, not the cycle
                if dist <= reach and (best is None or dist < best[0]):
                    best = (dist, a_idx, fid)
            if offset is not None and mt.start() == offset[2]:
                best = (0, offset[0], anchors[offset[0]][2])  # ... and its days before the scan are the drug's
                scan_words = _BEFORE_SCAN.match(clause, mt.end("u1"))
                for k in range(n):  # ("przed badaniem PET/CT" was understood)
                    if scan_words and start_c + mt.start() <= tokens[lo + k].start < start_c + scan_words.end():
                        covered[k] = True
            if best is None:
                continue
            _, a_idx, fid = best
            c_lo = anchors[a_idx][0]
            of_at = c_lo - 1
            while of_at > 0 and (toks[of_at] in {".", "the", "this", "each", "every", "la", "le", "el", "il", "der",
                                                 "dem", "het", "last", "final", "último", "ultimo", "última", "ultima",
                                                 "dernier", "dernière", "derniere", "letzten", "laatste", "ostatniego",
                                                 "ostatni", "sista", "siste", "sidste"} or toks[of_at].isdigit()
                                 or _ORDINAL.fullmatch(toks[of_at])):
                of_at -= 1  # "of the 4th cycle", "des 4. Zyklus", "à J3 de la C2"
            if toks[c_lo] in _ANY_CYCLE and c_lo > 0 and toks[of_at] in _OF_CYCLE:
                # "filgrastim on days 5-11 of cycle 1 only, about ten weeks ago": the cycle dates the drug given in it
                drug = next((b for b in range(a_idx - 1, -1, -1) if b not in used_anchor
                             and toks[anchors[b][0]] not in _ANY_CYCLE and 0 <= c_lo - anchors[b][1] <= 8), None)
                if drug is not None:
                    a_idx, fid = drug, anchors[drug][2]
            if mt.group("n2") and toks[anchors[a_idx][0]] not in _CYCLE_WORDS and (
                    _CYCLE_DAY.match(clause[mt.end():mt.end() + 24])
                    or re.search(r"\b(?:each|every)\b", clause[max(0, mt.start() - 40):mt.start()])
                    or ("+" in mt.group(0) and fid != self.lang.transplant_day
                        and not (anchors[a_idx][0] > tok_end and _DAY_AFTER.match(clause[mt.end():])))):
                # "pegfilgrastim on day 2 of cycles 1 and 2", "each with pegfilgrastim on day 9": a schedule;
                # "post-transplant cyclophosphamide day +3": a day counted from the transplant, not days since (but
                # "day +12 after pegfilgrastim" counts from the drug it names)
                continue
            used_anchor.add(a_idx)
            for k in range(tok_idx, tok_end + 1):
                consumed[k] = covered[k] = True
            a_lo, a_hi, _ = anchors[a_idx]
            for k in range(a_lo, a_hi):
                covered[k] = True
            # "Last cycle and last pegfilgrastim was 52 days before": anchors joined by "and" share the date
            joined = [b for b, (b_lo, b_hi, b_fid) in enumerate(anchors)
                      if b not in used_anchor and b_fid != fid and 0 < a_lo - b_hi <= 3 and "and" in toks[b_hi:a_lo]
                      and all(t in {"and", "&", "+", "last", "the", "final", "her", "his"} for t in toks[b_hi:a_lo])]
            if a_lo > tok_end and toks[a_lo] in _CYCLE_WORDS and toks[a_lo - 1] == "with":
                # "Pegfilgrastim 6 mg given 6 weeks ago with C6": the cycle after the count dates the drug before it too
                joined += [b for b, (b_lo, b_hi, b_fid) in enumerate(anchors)
                           if b not in used_anchor and b_fid != fid and b_hi <= tok_idx and tok_idx - b_hi <= 6
                           and toks[b_lo] not in _CYCLE_WORDS and not any(t in {".", ";"} for t in toks[b_hi:tok_idx])]
            used_anchor.update(joined)
            for d_lo, d_hi, d_fid in (anchors[d] for d in [a_idx, *joined]):
                f = self.bundle.findings[d_fid]
                span = (min(tokens[lo + d_lo].start, abs_start), max(tokens[lo + d_hi - 1].end, abs_end))
                anchor_text = self._text[tokens[lo + d_lo].start:tokens[lo + d_hi - 1].end]
                self._record_value(f, float(days), f.units[0], mt.group(0).strip(), "days", None, span,
                                   Mention(d_fid, d_lo, d_hi, anchor_text, 100.0, "pattern"), result)
            if offset is not None and mt.start() == offset[2] and offset[4] is not None:
                c = self.bundle.findings[offset[3]]  # the chemotherapy, as many days before as the drug came after it
                self._record_value(c, float(days + offset[4]), c.units[0], mt.group(0).strip(), "days", None,
                                   (abs_start, abs_end), None, result)
        # "interim PET C2D19 ABVD", "C3D15 dose-dense AC": a cycle's day with no date and no count is where the note
        # stands now - as many days since that cycle began ("day 12 of cycle 3" is 12 days too)
        dated = {fid for i, (_lo, _hi, fid) in enumerate(anchors) if i in used_anchor}
        cycle_fid = self.anchors.get(("c1d1",))  # the finding the knowledge base dates cycle days to
        for a_lo, t in enumerate(toks):
            cycle_day = _CYCLE_DAY_TOKEN.fullmatch(t)
            day_fid = self.anchors.get((t,), cycle_fid)
            a_hi = a_lo + 1
            if cycle_day is None or day_fid is None or day_fid in dated or consumed[a_lo] or a_lo in blocked or \
                    (a_hi < n and tokens[lo + a_hi].kind == "num"):
                continue  # (not "C4D1 08/05", which is dated, nor "C1D8 300 mcg")
            dated.add(day_fid)
            f = self.bundle.findings[day_fid]
            span = (tokens[lo + a_lo].start, tokens[lo + a_lo].end)
            consumed[a_lo] = covered[a_lo] = True
            self._record_value(f, float(int(cycle_day.group(1))), f.units[0], toks[a_lo], "days", None, span,
                               Mention(day_fid, a_lo, a_hi, toks[a_lo], 100.0, "pattern"), result)

    def _offset_from_chemo(self, clause: str, tokens: list[Token], lo: int, toks: list[str],
                           anchors: list[tuple[int, int, str]], found: list[re.Match[str]]
                           ) -> tuple[int, set[int], int, str, int | None] | None:
        """"Pegfilgrastim given the day after chemo, 20 days before the scan", "Pegfilgrastym podany 3 dni po
        chemioterapii, 13 dni przed badaniem PET/CT": a growth factor dated against the chemotherapy and then against
        the scan - the days before the scan are the drug's, and the chemotherapy's are as many more as the drug came
        after it. Returns (the drug's anchor, where the offsets between start, where the count before the scan starts,
        the chemotherapy's finding, the drug's days after it or None), or None."""
        scan_at = next((m for m in found if m.group("n1") and _BEFORE_SCAN.match(clause, m.end("u1"))), None)
        if scan_at is None:
            return None
        start_c = tokens[lo].start
        at_tok = next((k for k in range(len(toks)) if tokens[lo + k].start >= start_c + scan_at.start()), len(toks))
        gf = next((i for i, (a_lo, _a_hi, fid) in enumerate(anchors) if fid in _PER_CYCLE_OFFSET and a_lo < at_tok), None)
        if gf is None:
            return None
        chemo = [(a_lo, fid) for a_lo, _a_hi, fid in anchors if anchors[gf][1] <= a_lo < at_tok and fid not in _PER_CYCLE_OFFSET]
        if not chemo or any(t in {";", "."} for t in toks[anchors[gf][1]:at_tok]):
            return None
        c_lo = chemo[0][0]
        between = " ".join(toks[anchors[gf][1]:c_lo])
        if not (_counted_from(toks, c_lo) or re.search(r"(?:the\s+)?day\s+after\s*$|\bpo\s*$|\bnach\s*$|\baprès\s*$|"
                                                       r"\bdespués\s+de\s*$|\btras\s*$|\bdopo\s*$", between)):
            return None
        offsets = [m for m in found if m is not scan_at
                   and tokens[lo + anchors[gf][1]].start - start_c <= m.start() < scan_at.start()]
        gap = 1 if re.search(r"day\s+after\s*$|día\s+después\s+de(?:\s+la)?\s*$|lendemain\s+de\s*$", between) else (
            int(offsets[0].group("n1")) if offsets and offsets[0].group("n1") and offsets[0].group("n1").isdigit()
            and offsets[0].group("u1") in _DAY_UNITS else None)
        return gf, {m.start() for m in offsets}, scan_at.start(), chemo[0][1], gap

    def _per_cycle_growth_factor(self, text: str, result: MatchResult) -> None:
        """"Pegfilgrastim on day 2 with each cycle ... R-CHOP x6 to 11/01/2024 ... PET 21/03/2024": a growth factor
        given with every cycle, with no date of its own, was last given with the last cycle - so the days since the
        last chemotherapy, less the day of the cycle it comes on (pegfilgrastim the day after; a daily course ends
        about eight days in), date it. Only when the chemotherapy is dated and the drug is not."""
        have = {e.finding: e.value for e in result.findings if e.value is not None}
        chemo_fid = self.anchors.get(("chemotherapy",))  # the finding the knowledge base dates chemotherapy to
        chemo = have.get(chemo_fid) if chemo_fid else None
        low = text.lower()
        if chemo_fid:
            # the other way round: "received pegfilgrastim 6 mg on day 2 of cycle 3, ten days before the PET/CT" -
            # that cycle began a day before the dose, eleven days before the scan ("on day 2 of the third cycle of
            # R-CHOP, 10 days before": the interval is the dose's, though the regimen is named nearer to it)
            for dm in _DOSE_CYCLE_DAY.finditer(low):
                gf = self._anchor_before(low, dm.start() + 1)
                if gf is None or gf[1] not in _PER_CYCLE_OFFSET or "." in low[gf[0]:dm.start()]:
                    continue
                if have.get(gf[1]) is None and chemo is not None:
                    ex = next((e for e in result.findings if e.finding == chemo_fid and e.value is not None
                               and 0 <= e.span[0] - dm.end() <= 40), None)
                    if ex is None:
                        continue
                    g = self.bundle.findings[gf[1]]
                    self._record_value(g, float(chemo), g.units[0], ex.text, "days", None, ex.span, None, result)
                    have[gf[1]] = chemo
                    ex.value = chemo = float(chemo) + int(dm.group("n")) - 1
                elif chemo is None and have.get(gf[1]) is not None:
                    f = self.bundle.findings[chemo_fid]
                    chemo = float(have[gf[1]]) + int(dm.group("n")) - 1
                    self._record_value(f, chemo, f.units[0], text[dm.start():dm.end()].strip(), "days", None,
                                       (dm.start(), dm.end()), None, result)
                break
        if chemo is None:
            return
        for fid, day, span in self._dose_cycle_days:
            # "R-CHOP C3 d1 was 16 days before PET; peg-G-CSF d4": given on the cycle's fourth day, 13 days before
            if fid not in have and day <= chemo + 1:
                begin = max(low.rfind(".", 0, span[0]), low.rfind("\n", 0, span[0])) + 1
                if chemo - (day - 1) <= self._gf_window.get(fid, float("inf")) and not self._names_regimen(
                        low[begin:_sentence_end(low, span[1])], chemo_fid):
                    continue  # (the last chemotherapy may be another regimen, given without it: as below)
                f = self.bundle.findings[fid]
                self._record_value(f, chemo - (day - 1), f.units[0], text[span[0]:span[1]], "days", None, span,
                                   Mention(fid, 0, 1, fid, 100.0, "pattern"), result)
                have[fid] = chemo - (day - 1)
        for sm in _EACH_CYCLE.finditer(low):
            start = max(low.rfind(".", 0, sm.start()), low.rfind("\n", 0, sm.start()), sm.start() - 80) + 1
            drugs = [a for a in self._anchors_in(low[start:sm.start()]) if a[2] in _PER_CYCLE_OFFSET]
            ahead_at = None
            if not drugs:
                # "jeweils mit Pegfilgrastim 6 mg d2", "each cycle followed by pegfilgrastim": the drug after it
                ahead = low[sm.end():sm.end() + 40].split(".")[0].split("\n")[0].split(";")[0]
                drugs = [a for a in self._anchors_in(ahead) if a[2] in _PER_CYCLE_OFFSET][:1]
                ahead_at = sm.end()
            if not drugs or drugs[-1][2] in have:
                continue
            at, name, fid = drugs[-1]
            f = self.bundle.findings[fid]
            days = max(0.0, chemo - _PER_CYCLE_OFFSET[fid])
            rest = low[start:sm.start()] + " " + low[sm.end():_sentence_end(low, sm.end())]  # ("each cycle" names no
            # regimen)
            if days <= self._gf_window.get(fid, float("inf")) and not self._names_regimen(rest, chemo_fid):
                # the last chemotherapy may be another regimen given without it ("AC with pegfilgrastim each cycle,
                # then weekly paclitaxel"): only a gap past the drug's window is sure without the regimen named here
                continue
            span = (start + at, sm.end()) if ahead_at is None else (sm.start(), ahead_at + at + len(name))
            self._record_value(f, days, f.units[0], text[span[0]:span[1]], "days", None, span,
                               Mention(fid, 0, 1, name, 100.0, "pattern"), result)
            have[fid] = days

    def _names_regimen(self, stretch: str, chemo_fid: str | None) -> bool:
        """Does a stretch of text name a chemotherapy regimen (a name longer than an abbreviation like "AC")?"""
        return any(a_fid == chemo_fid and len(a_name) > 2 for _, a_name, a_fid in self._anchors_in(stretch))

    def _month_only_growth_factor(self, text: str, result: MatchResult) -> None:
        """"Neulasta ... last dose was with C2 in December" (scan 03/26/2024), "pegfilgrastim ... last in June 2021":
        a growth factor dated by its month alone was given at the latest on that month's last day. Recorded only when
        even that is past the drug's window, so the month can only say the dose is too old to explain the scan."""
        if self._scan is None:
            return
        low = _numeric_dates_free(text.lower())
        have = {e.finding for e in result.findings if e.value is not None}
        for mm in _IN_MONTH.finditer(low):
            found = self._anchor_before(low, mm.start())
            if found is None or found[1] not in self._gf_window or found[1] in have:
                continue
            between = low[found[0]:mm.start()]
            if ("." in between or "\n" in between) and not _LAST_DOSE.search(between):
                continue  # another sentence's month (unless it goes on about the drug: "Last dose was in December")
            month = _MONTHS[mm.group("mon")]
            if not mm.group("y") and month == self._scan.month:
                continue  # the scan's own month: any day of it
            year = int(mm.group("y")) if mm.group("y") else (
                self._scan.year if month < self._scan.month else self._scan.year - 1)
            last_day = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
            days = (self._scan - last_day).days
            if self._gf_window[found[1]] < days <= 3650:
                f = self.bundle.findings[found[1]]
                self._record_value(f, float(days), f.units[0], text[mm.start():mm.end()].strip(), "days", "ge",
                                   (mm.start(), mm.end()), None, result)
                have.add(found[1])

    def _dated_doses(self, text: str, result: MatchResult) -> None:
        """MDT notes give dates, not intervals: "last dose 22/05 ... iPET 30/05" is 8 days since the dose. The scan's
        date is the latest one given for a PET; each dated dose takes the drug named just before it. Dates may carry
        a year and may be written month first (a US note: "last pegfilgrastim 01/14/2025 ... PET/CT 03/20")."""
        month_first = self._month_order
        low = _numeric_dates(text.lower(), month_first)
        # "Comparison: staging PET 12/05", "baseline PET 03/02": an earlier scan's date is not this one's
        pets = [m for m in (*_PET_DATE.finditer(low), *_DATE_PET.finditer(low), *_PET_DONE.finditer(low),
                            *_PET_TITLE_DATE.finditer(low),
                            *(_FINDINGS_DATE.finditer(low) if re.search(r"\b(?:i?pet|tep)\b", low) else ()))
                if not _EARLIER_SCAN.search(low[max(0, m.start() - 30):m.start() + 4])]
        years = [int(m.group("y")) for m in (*pets, *_DOSE_DATE.finditer(low), *_BARE_DATE.finditer(low))
                 if m.group("y") and len(m.group("y")) == 4]
        year = max(years) if years else None
        scans = [d for d in (_date_of(sm, month_first, year) for sm in pets) if d is not None]
        if not scans and _SCAN_TODAY.search(low):
            # "end-of-treatment PET today" in a note dated at its head ("Nuclear medicine -> Lymphoma team, 05/06/2025")
            head = _BARE_DATE.search(low[:low.find("\n", 1) if "\n" in low[1:] else len(low)])
            if head is not None:  # (with its year, or without one: "[WhatsApp ... Mon 02/12 21:14]")
                scans = [d for d in (_date_of(head, month_first, year),) if d is not None]
        if not scans:
            # "Oncoloog vroeg PET-CT aan ter uitsluiting van botmetastasen (18-11-2025)", "PET/CT was moved up because
            # of the pain - done 02/18/2025": the one full date in a PET's sentence, with no drug named before it
            for pm in _PET_WORD.finditer(low):
                sentence_end = _SENTENCE_END.search(low, pm.end())
                stop = min(sentence_end.start() if sentence_end else len(low), pm.end() + 100)
                dates = [bm for bm in _BARE_DATE.finditer(low, pm.end(), stop) if bm.group("y")
                         and len(bm.group("y")) == 4]
                if len(dates) == 1 and not _EARLIER_SCAN.search(low[max(0, pm.start() - 30):pm.start() + 4]) \
                        and not self._anchors_in(low[pm.end():dates[0].start()]) \
                        and (day := _date_of(dates[0], month_first, year)) is not None:
                    scans, pets = [day], [dates[0]]
                    break
        if not scans:
            said = list(_TODAY_DATE.finditer(low))
            today = [d for d in (_date_of(tm, month_first, year) for tm in said) if d is not None]
            if len(set(today)) == 1:
                scans, pets = today, said
        if not scans:
            return
        scan = max(scans)
        self._scan = scan if any(sm.group("y") for sm in pets) else None
        # a bare "filgrastim 5 days" (a course, or days since?) gives way to a dated dose
        have = {e.finding for e in result.findings if e.value is not None and not (
            e.unit == "days" and not _SINCE_WORDS.search(e.text.lower())
            and not _FOREIGN_SINCE & set(e.text.lower().split()))}  # ("a 1-week delay -> pegfilgrastim 6 mg on
        # 16/07/2025": a count with no word of "since" or "ago", in any language, gives way too)
        ranges = [m for m in _DOSE_RANGE.finditer(low) if "/" in m.group(0) or m.group("y") or re.search(
            r"\d\.\d{1,2}\.?\s*(?:по|до|bis|t/m|tot|till|until|au|al|à)\s", m.group(0))]  # not "Hb 8-9.5" (but
        # "з 03.06 по 07.06", a course in words)
        doses = sorted([*_DOSE_DATE.finditer(low), *ranges], key=lambda m: m.start())
        taken = [(m.start(), m.end()) for m in (*doses, *pets)]
        dated_before: dict[int, tuple[int, str]] = {}  # a date that comes before its drug: where, the drug's finding
        for bm in _BARE_DATE.finditer(low):
            if any(a <= bm.start() < b for a, b in taken):
                continue
            line_at = low.rfind("\n", 0, bm.start()) + 1
            line = low[line_at:low.find("\n", bm.start()) if "\n" in low[bm.start():] else len(low)]
            bare = re.sub(r"\([^()\n]*\)", lambda m: " " * len(m.group(0)), line)
            heads = list(_BARE_DATE.finditer(bare))
            if len(heads) >= 3 and all(not re.search(r"\w", bare[a.end():b.start()]) and re.search(
                    r"[|\t]|\s{2}", bare[a.end():b.start()]) for a, b in itertools.pairwise(heads)):
                continue  # "| 26-05-2025 (vóór kuur 6) | 05-06-2025 (nadir) |": a table's row of dates heads its columns
            found = self._day_named(low, bm.start()) or self._anchor_before(low, bm.start())
            if found and _DOSE_GAP.match(low[found[0]:bm.start()]):
                doses.append(bm)
            elif (after := self._anchor_after(low, bm.end())) is not None:
                dated_before[bm.start()] = after  # "13.02.2025, введён эмпэгфилграстим": the date, then the drug
                doses.append(bm)
        doses.sort(key=lambda m: m.start())
        latest: dict[str, tuple[int, re.Match[str]]] = {}
        for dm in doses:
            day = _date_of(dm, month_first, year)
            if day is None:
                continue
            found = dated_before.get(dm.start()) if dm.re is _BARE_DATE else None
            found = found or (dm.re is _BARE_DATE and self._day_named(low, dm.start())) or self._anchor_before(
                low, dm.start() if dm.re is _BARE_DATE else dm.end() if dm.re is _DOSE_DATE else dm.start() + 1,
                dosed=dm.re is _DOSE_DATE and bool(_LAST_INJECTION.match(dm.group(0))))
            if found and found[1] == self.lang.transplant_day and dm.re is _DOSE_DATE \
                    and _LAST_INJECTION.match(dm.group(0)):
                found = None  # a transplant has no "last dose" ("autologous SCT 2021-05 ... (last dose 2024-10-29)")
            if not found and dm.re is _DOSE_DATE and _LAST_INJECTION.match(dm.group(0)):
                # "Zarzio 300 mcg days 5-10 with C1-C3 only (...);\nstopped after C3 - last injection 01/22/2025": an
                # injection's drug may be named a line before, within its paragraph
                para = low.rfind("\n\n", 0, dm.start()) + 1
                found = self._anchor_before(low[para:], dm.end() - para, reach=260)
                # (a transplant is not a dose: "autologous SCT 2021-05 ... Pembrolizumab (last dose 2024-10-29)")
                found = (found[0] + para, found[1]) if found and found[1] != self.lang.transplant_day else None
            pairs = [found, *self._given_with_cycle(low, dm)] if found else []
            # "Rolvedon on D2 of each cycle; C4D2 was 19 Mar": the growth factor's day dates the cycle's first day too
            cycle_start = self._cycle_start(low, dm.start()) if dm.re is _BARE_DATE and found else None
            for at, fid in pairs:
                # a count said elsewhere gives way only to a dose dated as the last one ("last dose 14/01/2025 ...
                # Date of scan: 21/02/2025" outranks "the interim PET, performed 17 days after a pegfilgrastim dose")
                if fid in have and not (dm.re is _DOSE_DATE and _LAST_DOSE_WORDS.match(dm.group(0))):
                    continue
                if dm.re is _BARE_DATE and not _DOSE_GAP.match(low[at:dm.start()]):
                    continue
                if dm.re is not _DOSE_RANGE and self._dose_not_given(low, dm.end()):
                    continue  # "| C3D2 13-Feb-24 — NOT GIVEN, pt declined |": a date the dose was not given on
                if dm.re is _DOSE_RANGE and "\n" in low[at:dm.start()] and not _DOSE_GAP.match(
                        _RANGE_FROM.sub("", low[at:dm.start()])):
                    continue  # "lenograstim 30/03-06/04\nC4 07-09/05; no G-CSF": the next line's range is the cycle's
                    # (but "filgrastim 30 ME s.c. dd\nvan 15-01 t/m 21-01-2025" is the drug's own course)
                if dm.re is _DOSE_DATE and _LAST_WORD.match(dm.group(0)) and at <= dm.start():
                    continue  # "last seen 12/03": "last" of something that is not a drug
                if day > scan and dm.re is _DOSE_DATE and _UNTIL.match(dm.group(0)):
                    continue  # "chemo planned until 30/06": a course still to run, not one that ended last year
                dose_day: datetime.date | None = day
                if day > scan and not dm.group("y"):
                    dose_day = day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else None
                if dose_day is None:
                    continue
                days = (scan - dose_day).days
                named = _CYCLE_DAY_DATE.search(low[max(0, dm.start() - 16):dm.start()]) if dm.re is _BARE_DATE else None
                if named is not None and named.group("cd") and fid == self.anchors.get((named.group("c"),)) and \
                        _SCAN_WORD.search(low[max(0, dm.start() - 50):dm.start()]):
                    # "Interim PET booked for C2 D16 (12/02)": the scan's day of the cycle, which began fifteen days
                    # before (but "C3 D8 15/05" alone may be a dose given on day 8)
                    days += int(named.group("cd")) - 1
                if not 0 <= days <= (3650 if dm.group("y") else 365):
                    continue  # a dose dated with its year may be years back ("pegfilgrastim ... (last 29 Aug 2023)")
                if cycle_start is not None and fid != cycle_start[0] and not (
                        cycle_start[0] in latest and latest[cycle_start[0]][0] <= days + cycle_start[1]):
                    latest[cycle_start[0]] = (days + cycle_start[1], dm)
                if fid in latest and latest[fid][0] <= days:
                    continue  # "C4 D1 24/02, D8 03/03": the most recent dose is the one that counts
                latest[fid] = (days, dm)
        for fid, dated in self._chart_doses(low, scan, year, month_first).items():
            if fid not in have:
                latest[fid] = dated  # a drug chart's last dose outranks a date read from its rows as prose
        for fid, (days, dm) in latest.items():
            f = self.bundle.findings[fid]
            result.findings = [e for e in result.findings if not (e.finding == fid and e.value is not None)]
            end = dm.end()
            while end < len(text) and low[end] == " " and text[end] != " ":
                end += 1  # over the padding of a date written in words ("29 Aug 2023" is "29/08/2023 ")
            self._record_value(f, float(days), f.units[0], text[dm.start():end].strip(), "days", None, (dm.start(), end),
                               None, result)
            # the words that led to the date on its line ("C6 day 1 was 04/15/2024") were understood after all
            line_start = text.rfind("\n", 0, dm.start()) + 1
            _understood(result, text[max(line_start, dm.start() - 24):end])
        if latest:
            for sm in pets:  # and so was the scan's date line ("EXAM DATE: 06/02/2024")
                _understood(result, text[sm.start():sm.end()])

    def _chart_doses(self, low: str, scan: datetime.date, year: int | None,
                     month_first: bool) -> dict[str, tuple[int, re.Match[str]]]:
        """Drug charts drawn as tables: a column headed by a drug ("| Ciclo | Docetaxel | Pegfilgrastim 6 mg (D2) |")
        or a row led by one ("| Pegfilgrastim | 08/01 | 29/01 | – |") gives a dose in each cell that carries a date, or
        a mark ("given", "✓", "6 mg") dated by its row's (or column's) date, unless the cell says it was not given
        ("no administrado", "REFUSED", "held", "APLAZADO"). The latest dose before the scan counts, for each drug:
        (the days since it, the date it was read from)."""
        out: dict[str, tuple[int, re.Match[str]]] = {}

        def dose(fid: str, mt: re.Match[str], row_year: int | None) -> None:
            day = _date_of(mt, month_first, year if mt.group("y") else row_year or year)
            if day is not None and day > scan and not mt.group("y"):
                day = day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else None
            if day is None or not 0 <= (scan - day).days <= 3650:
                return
            if fid not in out or (scan - day).days < out[fid][0]:
                out[fid] = ((scan - day).days, mt)

        for table in table_rows(low):
            (head_at, head), rows = table[0], table[1:]
            columns = {c: fid for c, (a, b) in enumerate(head) if (fid := self._chart_drug(low[a:b]))}
            head_dates = [next(_BARE_DATE.finditer(low, a, b), None) for a, b in head]
            # a chart whose drug is named on the line above it ("Filgrastim 300 mcg SC OD" over "| 04/03 | 05/03 |"
            # and "| ✓ | ✓ |"): every row is that drug's
            above = low[low.rfind("\n", 0, max(0, head_at - 1)) + 1:max(0, head_at - 1)]
            named_above = self._chart_drug(above) if not columns and head_at and not _BARE_DATE.search(above) else None
            for line_at, cells in rows:
                under = [self._column_of(head, head_at, cells, line_at, c) for c in range(len(cells))]
                row_year = next(((int(y) if len(y) == 4 else 2000 + int(y)) for a, b in cells
                                 for mt in _BARE_DATE.finditer(low, a, b) if (y := mt.group("y"))), None)
                if columns:
                    self._chart_column_row(low, cells, under, columns, row_year, dose)
                else:
                    self._chart_drug_row(low, cells, under, head_dates, named_above, row_year, dose)
        return out

    @staticmethod
    def _cell_date(low: str, cell: tuple[int, int], fallback: re.Match[str] | None,
                   marked: bool = True) -> re.Match[str] | None:
        """The date a chart's cell gives its dose: its own (the last, "08/01-17/01"), or else the row's or column's
        date when the cell marks a dose given ("given", "✓", "6 mg"; any cell that names the drug, when not
        ``marked``)."""
        own = list(_BARE_DATE.finditer(low, *cell))
        if own:
            return own[-1]
        return fallback if not marked or _CHART_MARK.fullmatch(low[cell[0]:cell[1]]) else None

    def _chart_column_row(self, low: str, cells: list[tuple[int, int]], under: list[int | None],
                          columns: dict[int, str], row_year: int | None, dose: _Dose) -> None:
        """A row of a chart whose columns are drugs: each drug's cell gives its date, or a mark dated by the row's
        own date (in a cell under no drug: "| C5 | 01/04/2025 | given |" under "Date")."""
        row_date = next((mt for c, (a, b) in enumerate(cells) if under[c] not in columns
                         for mt in _BARE_DATE.finditer(low, a, b)), None)
        for c, (a, b) in enumerate(cells):
            col = under[c]
            fid = columns.get(col) if col is not None else None
            if fid is not None and not self._not_given(low[a:b]) and (
                    dated := self._cell_date(low, (a, b), row_date)) is not None:
                dose(fid, dated, row_year)

    def _chart_drug_row(self, low: str, cells: list[tuple[int, int]], under: list[int | None],
                        head_dates: list[re.Match[str] | None], named_above: str | None, row_year: int | None,
                        dose: _Dose) -> None:
        """A row of a chart whose drugs are named in its rows: a cell naming a drug is given on its own date or on
        the row's ("| 1 | 11-02-2025 | R-CHOP-21 | pegfilgrastim 6 mg 12-02-2025 |"), unless it says it was not
        ("geen G-CSF"), or the row says its one drug was not ("| Neulasta 6mg | RETURNED - not used |"); in a chart
        under its drug's name ("Filgrastim 300 mcg SC OD" over "| 04/03 | 05/03 |"), each cell is a dose on its
        own date or the date heading its column."""
        named = [(c, fid) for c, (a, b) in enumerate(cells) if (fid := self._chart_drug(low[a:b]))]
        if not named:
            if named_above is None:
                return
            for c, (a, b) in enumerate(cells):
                col = under[c]
                if not self._not_given(low[a:b]) and (dated := self._cell_date(
                        low, (a, b), head_dates[col] if col is not None else None)) is not None:
                    dose(named_above, dated, row_year)
            return
        drug_cells = {c for c, _ in named}
        if len({fid for _, fid in named}) == 1 and any(
                self._not_given(low[a:b]) for c, (a, b) in enumerate(cells) if c not in drug_cells):
            return
        # (the latest: "| 02/04/24 | Neulasta 6mg | issued - admin 03/04 |" was given the day after it was issued)
        row_dates = [mt for c, (a, b) in enumerate(cells) if c not in drug_cells for mt in _BARE_DATE.finditer(low, a, b)]
        row_date = row_dates[-1] if row_dates else None
        for c, fid in named:
            if not self._not_given(low[cells[c][0]:cells[c][1]]) and (
                    dated := self._cell_date(low, cells[c], row_date, marked=False)) is not None:
                dose(fid, dated, row_year)

    def _chart_drug(self, cell: str) -> str | None:
        """The drug a chart's header cell (or a row's first cell) names: a growth factor, an ESA or a chemotherapy,
        not a cycle ("Ciclo", "C1") nor a transplant, nor a test of the drug's level ("S-G-CSF (pg/ml)")."""
        toks = tuple(t.text for t in tokenize(cell))
        if re.search(r"\(\s*(?:pg|ng|µg|ug|mg|u|iu|mu|mie)\s*/", cell) or any(
                toks[i:i + len(na)] == na for na in self.not_anchors for i in range(len(toks))):
            return None
        for _at, words, fid in self._anchors_in(cell):
            if fid != self.lang.transplant_day and words not in _ANY_CYCLE and not _CYCLE_DAY_TOKEN.fullmatch(words):
                return fid
        return None

    @staticmethod
    def _column_of(head: list[tuple[int, int]], head_at: int, cells: list[tuple[int, int]], line_at: int,
                   c: int) -> int | None:
        """The header column a row's c-th cell stands under: the same place when the row has as many cells as the
        header, else the header cell its start lines up with (a table laid out with spaces)."""
        if len(cells) == len(head):
            return c
        start = cells[c][0] - line_at
        under = [k for k, (a, _b) in enumerate(head) if a - head_at <= start + 1]
        return under[-1] if under else None

    def _dose_not_given(self, low: str, at: int) -> bool:
        """Does the rest of a dated dose's cell or item say it was not given ("13-Feb-24 — NOT GIVEN", "12/03 held")?"""
        # (the cell ends at a pipe, a tab or a gap of spaces; the item at a stop, comma, bracket or "and")
        tail = re.split(r"[|\n\t;,()]|\.(?:\s|$)| {2,}|\band\b", low[at:at + 30].lstrip(), maxsplit=1)[0]
        toks = [t.text for t in tokenize(tail)]
        # ("declined", "refused" and the rest are the language file's not_given words; "not given" is a negation's)
        return bool(re.search(r"\bnot (?:given|administered)\b", tail)) or any(
            self.not_given.at(toks, i) for i in range(len(toks)))

    def _not_given(self, cell: str) -> bool:
        """Does a drug chart's cell say the dose was not given ("no administrado", "REFUSED", "held", "✗")?"""
        if any(sign in cell for sign in self.not_given_signs):
            return True
        toks = [t.text for t in tokenize(cell)]
        return any(self.neg_pre.at(toks, i) or self.neg_post.at(toks, i) or self.not_given.at(toks, i)
                   for i in range(len(toks)))

    def _cycle_day_doses(self, text: str, result: MatchResult) -> None:
        """A growth factor and the scan both dated by the day of the cycle: "lenograstim D6-D12, PET on D15 of the
        cycle" is three days since the last dose, "Neulasta administré à J2 ... TEP à J12" ten."""
        low = text.lower()
        scans = list(_SCAN_CYCLE_DAY.finditer(low))
        if not scans:
            return
        scan_day = int(scans[-1].group("n") or scans[-1].group("n2"))
        have = {e.finding for e in result.findings if e.value is not None}
        taken = [(m.start(), m.end()) for m in scans]
        for dm in _CYCLE_DAY_DOSE.finditer(low):
            if any(a <= dm.start() < b for a, b in taken):
                continue
            found = self._anchor_before(low, dm.start())
            if found is None or found[1] in have or found[1] not in self.growth_factor_days:
                continue
            gap = low[found[0]:dm.start()]
            if len(gap) > 40 or any(c in gap for c in ".;\n"):
                continue
            days = scan_day - int(dm.group("b") or dm.group("a"))
            if 0 <= days <= 28:
                f = self.bundle.findings[found[1]]
                self._record_value(f, float(days), f.units[0], text[dm.start():dm.end()], "days", None,
                                   (dm.start(), dm.end()), None, result)
                have.add(found[1])

    def _given_with_cycle(self, low: str, dm: re.Match[str]) -> list[tuple[int, str]]:
        """The drug given with a dated cycle ("Onpro on-body injector applied with C2 on 11 March"): the cycle's date
        is the drug's too."""
        if dm.re is not _BARE_DATE:
            return []
        lo = max(0, dm.start() - 16)
        cycle = _CYCLE_DAY_DATE.search(low[lo:dm.start()])
        if cycle is None:
            return []
        drug = self._anchor_before(low, lo + cycle.start())
        if drug is None or drug[1] == self.anchors.get((cycle.group("c"),)):
            return []
        gap = low[drug[0]:lo + cycle.start()]
        # ("4x R-CHOP + Neulasta (C4 10/03/25)": a bracket right after the drug dates it by the cycle too)
        # ("Pegfilgrastim 6 mg une seule fois, après C2 (30/07/2024)": given after the cycle, dated by it)
        return [(dm.start(), drug[1])] if len(gap) <= 40 and re.search(
            r"(?:\bwith|\(|\bafter|\bapres|\bnach|\bdopo|\bdespues de|\bapos)\s*$", fold(gap)) and not any(
            c in gap for c in ".;\n") else []

    def _later_cycle_day(self, low: str, pos: int) -> tuple[str, int, int] | None:
        """A later day of a cycle named just before a date ("C4D2 was 19 Mar", "J2 de la C1 (08/01)"): the cycle's
        finding, how many days before the date the cycle's first day was, and where the day is named."""
        cycle_day = _CYCLE_DAY_DATE.search(low[max(0, pos - 16):pos])
        later_day = _DAY_OF_CYCLE.search(low[max(0, pos - 40):pos])
        if cycle_day is None or later_day is None or (cycle_day.group("c"),) not in self.anchors:
            return None
        n = int(later_day.group("n") or later_day.group("n2"))
        return (self.anchors[(cycle_day.group("c"),)], n - 1, max(0, pos - 40) + later_day.start()) if n >= 2 else None

    def _cycle_start(self, low: str, pos: int) -> tuple[str, int] | None:
        """The cycle a later day of it dates, and how many days before the date its first day was."""
        later = self._later_cycle_day(low, pos)
        return (later[0], later[1]) if later else None

    def _day_named(self, low: str, pos: int) -> tuple[int, str] | None:
        """A date whose day is named just before it: "C4 D1 08/05/2025" is a chemotherapy date (the cycle word is
        its anchor), "Day 0 = 14/08" the transplant's. Returns (pos, finding) or None."""
        before = low[max(0, pos - 16):pos]
        cycle_day = _CYCLE_DAY_DATE.search(before)
        if cycle_day and (cycle_day.group("c"),) in self.anchors:
            # "Lipegfilgrastim 6 mg à J2 de la C1 (08/01/2025)", "Neulasta C3D2 (14/05)": a later day of the cycle
            # dated after a growth factor is the growth factor's day
            later = self._later_cycle_day(low, pos)
            if later is not None:
                drug = self._anchor_before(low, later[2], reach=80)
                if drug is not None and drug[1] in self.growth_factor_days and not _SCAN_WORD.search(
                        low[drug[0]:later[2]]):  # ("PET booked for C2 D16 (12/02)")
                    return pos, drug[1]
            return pos, self.anchors[(cycle_day.group("c"),)]
        if self.lang.transplant_day and _DAY_ZERO.search(before):
            return pos, self.lang.transplant_day
        return None

    def _not_anchor_tokens(self, toks: list[str]) -> set[int]:
        """Token positions inside a phrase whose drug-like word dates nothing ("iliac crest autograft")."""
        out: set[int] = set()
        # matched over the words alone, hyphens dropped as the phrases were ("serum G-CSF" is serum, g, csf)
        at = [i for i, t in enumerate(toks) if t not in {"-", "–"}]
        words = [toks[i] for i in at]
        for phrase in self.not_anchors:
            k = len(phrase)
            for i in range(len(words) - k + 1):
                if tuple(words[i:i + k]) == phrase:
                    out.update(range(at[i], at[i + k - 1] + 1))
        # "C3 0.41 C4 0.04", "low C3/C4": complement levels, not cycles 3 and 4
        for i, t in enumerate(toks):
            if t in {"c3", "c4"} and ((i + 1 < len(toks) and toks[i + 1][:1].isdigit() and "." in toks[i + 1])
                                      or {toks[i - 1] if i else "", toks[i + 2] if i + 2 < len(toks) else ""}
                                      & {"c3", "c4"} or (i and toks[i - 1] in {"low", "complement", "complements"})):
                out.add(i)
        # "HLA-identical brother had filgrastim x5 days", "su hermano, movilizado con G-CSF": a relative's drug, to
        # the next comma, as for the relative's findings
        i = 0
        while i < len(toks):
            k = self.fam_pre.at(toks, i)
            if not k:
                i += 1
                continue
            j = _past_aside(toks, i + k)
            stretch = []
            while j < len(toks) and toks[j] not in {",", ";", "("}:
                stretch.append(j)
                j += 1
            if stretch and (toks[stretch[0]],) in self.anchors:
                pass  # "son Neulasta" (French "her"), "son filgrastim dozu" (Turkish "last"): not a relative's
            elif not any(self.anchors.get((toks[q],)) == self.lang.transplant_day for q in stretch):
                out.update(stretch)  # ("sibling allograft 24/01": the patient's transplant from a relative)
            i = j
        return out

    def _last_dose_after_clause(self, tokens: list[Token], lo: int, hi: int, consumed: list[bool],
                                covered: list[bool], result: MatchResult) -> None:
        """"filgrastim 30 MU od d8-12; last dose 6 days pre-PET": a clause that dates the last dose of a drug it
        does not name takes the drug named just before it."""
        start_c, end_c = tokens[lo].start, tokens[hi - 1].end
        clause = self._text[start_c:end_c].lower()
        mt = _LAST_DOSE_DAYS.search(clause) or _LAST_DOSE_EVE.search(clause)
        if mt is None:
            return
        found = self._anchor_before(self._text.lower(), start_c, dosed=True)
        if found is None:
            return
        f = self.bundle.findings[found[1]]
        if mt.re is _LAST_DOSE_EVE:
            days = 1
        else:
            days = int(mt.group("n")) * (7 if mt.group("u").startswith(("w", "sem", "set", "haf")) else 1)
        span = (start_c + mt.start(), start_c + mt.end())
        for k in range(hi - lo):
            if span[0] <= tokens[lo + k].start < span[1]:
                consumed[k] = covered[k] = True
        self._record_value(f, float(days), f.units[0], mt.group(0).strip(), "days", None, span, None, result)

    def _scan_transplant_day(self, tokens: list[Token], lo: int, hi: int, consumed: list[bool],
                             covered: list[bool], result: MatchResult) -> None:
        """"The PET-CT was performed on day +49": the scan's day counted from a transplant the note names elsewhere
        (the explicit "+" is the transplant-day notation)."""
        fid = self.lang.transplant_day
        if not fid:
            return
        start_c, end_c = tokens[lo].start, tokens[hi - 1].end
        mt = _SCAN_ON_DAY.search(self._text[start_c:end_c].lower())
        if mt is None or not self._names_transplant():
            return
        span = (start_c + mt.start("day"), start_c + mt.end())
        for k in range(hi - lo):
            if span[0] <= tokens[lo + k].start < span[1]:
                consumed[k] = covered[k] = True
        f = self.bundle.findings[fid]
        self._record_value(f, float(mt.group("n")), f.units[0], mt.group("day"), "days", None, span, None, result)

    def _names_transplant(self) -> bool:
        """Does the note name a transplant (an anchor of the transplant-day finding) anywhere?"""
        if self._transplant_named is None:
            low = f" {' '.join(t.text for t in tokenize(self._text.lower()))} "
            self._transplant_named = any(f" {name} " in low for name in self.transplant_anchors)
        return self._transplant_named

    def _anchors_in(self, low: str) -> list[tuple[int, str, str]]:
        """The drugs and treatments a stretch of text names, in order: (where each starts, its words, its finding),
        the longest name at each place, read through the anchors dictionary as _anchor_before reads it."""
        toks = [t for t in tokenize(low) if t.text not in _KEY_SKIP]
        texts = [t.text for t in toks]
        out: list[tuple[int, str, str]] = []
        i = 0
        while i < len(toks):
            for k in range(min(self.anchor_len, len(toks) - i), 0, -1):
                key = tuple(texts[i:i + k])
                fid = self.anchors.get(key)
                if fid is not None and (key not in self.after_anchors or fid in self._named_drugs):
                    out.append((toks[i].start, " ".join(key), fid))
                    i += k - 1
                    break
            i += 1
        return out

    def _anchor_after(self, low: str, pos: int) -> tuple[int, str] | None:
        """The growth factor or ESA a date is given to when the date comes first and only the giving lies between
        ("13.02.2025, введён эмпэгфилграстим", "on 13/02 she received pegfilgrastim"): where it starts, its finding."""
        stretch = low[pos:pos + 60]
        for at, _words, fid in self._anchors_in(stretch):
            if fid in self.growth_factor_days and _GIVEN_BEFORE_DRUG.fullmatch(stretch[:at]):
                return pos + at, fid
            break
        return None

    def _anchor_before(self, low: str, pos: int, reach: int = 90, dosed: bool = False) -> tuple[int, str] | None:
        """The drug or treatment named closest before ``pos`` (within a sentence's reach), with where it ends.
        Word by word from the right, through the anchors dictionary (cheap at any size of knowledge base). ``dosed``:
        the drug a "last dose" belongs to, so not a treatment named as the time it counts from ("post chemo")."""
        start = max(0, pos - reach)
        words = [t for t in tokenize(low[start:pos]) if t.text not in _KEY_SKIP]
        texts = [t.text for t in words]
        fallback = None
        for i in range(len(words) - 1, -1, -1):
            for k in range(min(self.anchor_len, i + 1), 0, -1):
                key = tuple(texts[i - k + 1 : i + 1])
                fid = self.anchors.get(key)
                if fid is not None and key[0] not in _CYCLE_WORDS and (key not in self.after_anchors
                                                                       or fid in self._named_drugs):
                    if i - k >= 0 and texts[i - k] in _DENIED:
                        return fallback  # "NO G-CSF this cycle. - Interim PET booked for C2 D16 (12/02)": a denied drug
                        # dates nothing, nor does what is named before it ("(no G-CSF needed), then Tecentriq ...,
                        # last dose 08/08")
                    if dosed and fid not in _PER_CYCLE_OFFSET and _counted_from(texts, i - k + 1):
                        fallback = fallback or (start + words[i].end, fid)
                        break  # (unless nothing else is named: "after 2 cycles of ABVD (last administration ...)")
                    return start + words[i].end, fid
        return fallback

    def _row_date(self, pos: int) -> datetime.date | None:
        """The date a pasted lab row starts with ("05/31/2024  WBC 3.1  ANC 1.6  Hgb 9.7"), if it has one (read as
        every other date of the note: ISO and written-out dates through _numeric_dates, then _date_of)."""
        start = self._text.rfind("\n", 0, pos) + 1
        end = self._text.find("\n", start)
        line = _numeric_dates(self._text[start:end if end >= 0 else len(self._text)].lower(), self._month_order)
        mt = _ROW_DATE.match(line)
        return _date_of(mt, self._month_order, None) if mt else None

    def _older_row(self, first: Extracted, later: Extracted) -> bool:
        """Rows of labs each led by its date, newest first ("05/31/2024 WBC 3.1 ... / 04/15/2024 WBC 6.8"): the later
        row is the older result and does not replace today's."""
        a, b = self._row_date(first.span[0]), self._row_date(later.span[0])
        return a is not None and b is not None and b < a

    def _at_discharge(self, later: Extracted) -> bool:
        """"Discharge: Hb 98 g/L", "Hb bei Entlassung 9,8": a value said at discharge is after the scan, so it does
        not replace one given earlier (a trend table read at the scan's day, the admission bloods)."""
        if self.after_scan is None:
            return False
        start = self._text.rfind("\n", 0, later.span[0]) + 1
        stretch = self._text[start:later.span[1]].lower()
        ends = list(_SENTENCE_END.finditer(stretch))
        return self.after_scan.search(stretch, ends[-1].end() if ends else 0) is not None

    def _aside(self, first: Extracted, later: Extracted) -> bool:
        """"Hb 8.9 (three weeks after cycle 6 it had recovered: Hb 11.2)": a later value of the same lab inside a
        bracket opened after the first, in the same sentence, is an aside about another time, not today's value."""
        between = self._text[first.span[1]:later.span[0]]
        opened = between.rfind("(")
        return opened >= 0 and ")" not in between[opened:] and not _SENTENCE_END.search(between)

    def _slashed_labels(self, text: str, result: MatchResult) -> None:
        """Counts written as slashed values with their names slashed beside them, before or after: "FBC D10 C3:
        2.1/0.6/10.2/98 (WCC/ANC/Hb/plt)", "Hb/WCC/Plt/ANC 84/1.1/42/0.3". Each name is read as a term of the
        vocabulary; a value already given by name is kept."""
        have = {e.finding for e in result.findings if e.value is not None}
        for sm in _SLASHED_LABELS.finditer(text):
            names = [n.strip().lower() for n in (sm.group("n1") or sm.group("n2")).split("/")]
            raw = [v.strip() for v in (sm.group("v1") or sm.group("v2")).split("/")]
            if len(names) != len(raw):
                continue
            fids = [self.terms.get(term_tokens(name)) for name in names]
            if not all(fids) or len(set(fids)) != len(fids):
                continue  # every name must be a lab the vocabulary knows, each once
            for fid, value_raw in zip(fids, raw, strict=True):
                f = self.bundle.findings.get(fid or "")
                value = self._parse_number(value_raw)
                if f is None or f.kind != "numeric" or value is None or fid in have:
                    continue
                at = sm.start("v1") if sm.group("v1") else sm.start("v2")
                self._record_value(f, value, None, value_raw, None, None, (at, at + len(sm.group("v1") or sm.group("v2"))),
                                   None, result)
                have.add(f.id)
            _understood(result, sm.group(0))

    def _unit_labels(self, text: str, result: MatchResult) -> None:
        """A short label that names a lab only with a value in the lab's units ("PCR 214 mg/L", "Le 5,4 ×10⁹/L",
        "Le (x10^9/L)  5,4"): read here, once nothing else gave that lab a value."""
        if self._unit_label_re is None:
            return
        have = {e.finding for e in result.findings if e.value is not None}
        for lm in self._unit_label_re.finditer(text.lower()):
            fid = self.lang.unit_labels[lm.group(1)]
            if fid in have:
                continue
            f = self.bundle.findings[fid]
            after = [t for t in tokenize(text[lm.end():lm.end() + 48])]
            toks = [t.text.lower() for t in after]
            n, j = len(toks), 0
            unit = raw_unit = None
            if j < n and toks[j] == "(":
                unit, used, raw_unit = self._read_unit(fid, toks, j + 1, n)
                if unit is None or j + 1 + used >= n or toks[j + 1 + used] != ")":
                    continue
                j += used + 2
            while j < n and toks[j] in {":", "=", "-"}:
                j += 1
            if j >= n or after[j].kind != "num":
                continue
            value = self._parse_number(toks[j])
            if value is None:
                continue
            if unit is None:
                unit, _used, raw_unit = self._read_unit(fid, toks, j + 1, n)
                if unit is None:
                    continue  # "EBV PCR 4": no unit, no lab
            span = (lm.start(), lm.end() + after[j].end)
            self._record_value(f, value, unit, toks[j], raw_unit, None, span, None, result)
            _understood(result, text[span[0]:span[1]])
            have.add(fid)

    def _fbc_triple(self, text: str, result: MatchResult) -> None:
        """A blood count written as haemoglobin / white cells / platelets after its name ("FBC 112/214/562",
        "05:00 bloods 10.8 / 0.9 / 151, N 0.3"); a value stated elsewhere by name is kept."""
        have = {e.finding for e in result.findings if e.value is not None}
        for fm in itertools.chain(_FBC_TRIPLE.finditer(text), _FBC_FISHBONE.finditer(text)):
            hb, wbc, plt = (self._parse_number(fm.group(g)) for g in ("hb", "wbc", "plt"))
            if hb is None or wbc is None or plt is None:
                continue
            if 30 <= hb <= 250:
                hb = round(hb / 10, 2)  # g/L
            elif not 3 <= hb <= 25:
                continue
            if not (0 < wbc <= 500 and 0 < plt <= 2000):
                continue
            if fm.re is _FBC_TRIPLE and all("." not in fm.group(g) and "," not in fm.group(g) for g in ("hb", "wbc")) \
                    and hb <= 31 and wbc <= 12:
                continue  # "FBC 12/4/19": a date
            _understood(result, fm.group(0))
            read = [("hb", hb, "hb"), ("wbc", wbc, "wbc"), ("platelets", plt, "plt")]
            after = _AFTER_WBC_N.match(text, fm.end())
            if after is not None and not after.group("pct"):
                anc = self._parse_number(after.group("v"))
                if anc is not None and anc <= wbc:
                    read.append(("anc", anc, "v"))
            for fid, value, group in read:
                f = self.bundle.findings.get(fid)
                if f is None or fid in have:
                    continue
                source = after if group == "v" else fm
                assert source is not None
                span = source.span(group)
                result.findings.append(Extracted(
                    finding=fid, status=None, span=span, text=text[span[0]:span[1]], term=fm.group("l") or "CBC", score=100.0,
                    method="pattern", value=value, unit=f.canonical_unit, raw_value=source.group(group)))
                have.add(fid)

    def _differential_letters(self, text: str, result: MatchResult) -> None:
        """"TLC 2100/cumm (N 40 L 52)", "DLC: P70 L25": a differential in letters, read only as a run of two or more
        letter-number pairs (a lone "N 40" could be anything)."""
        letters = self.lang.differential_letters
        if not letters:
            return
        # "WCC 21.6 / N 17.9", "WCC 6.8 → 1.1 (N 0.3)": one letter right after the white count is its neutrophils
        base = self.bundle.findings.get(letters.get("n", ""))
        if base is not None and base.percent_of and not any(e.finding == base.id for e in result.findings):
            for ex in [e for e in result.findings if e.finding == base.percent_of and e.value is not None]:
                nm = _AFTER_WBC_N.match(text, ex.span[1])
                if nm is None:
                    continue
                value = self._parse_number(nm.group("v"))
                if value is None:
                    continue
                raw = ex.raw_value or ""
                written = float(raw.replace(".", "")) if _DOT_THOUSANDS.fullmatch(raw) else self._parse_number(raw) \
                    if raw else None
                if not nm.group("pct") and written and ex.value and written > 100 and 100 < value <= written:
                    # "leucocitos 1.900/mm3 (N 700, L 900)": a count in the white count's own unit (up to 100, a percentage)
                    value = round(value * ex.value / written, 3)
                span = (nm.start("l"), nm.end("pct") if nm.group("pct") else nm.end("v"))
                if nm.group("pct") or value > (ex.value or 0):
                    result.percents.append((base.id, value, span, nm.group("l")))
                else:
                    result.findings.append(Extracted(
                        finding=base.id, status=None, span=span, text=text[span[0]:span[1]], term=nm.group("l"),
                        score=100.0, method="pattern", value=value, unit=base.canonical_unit, raw_value=nm.group("v")))
                break
        for run in _DIFF_RUN.finditer(text):
            pairs = [(p.group("l").lower(), float(p.group("v")), (p.start(), p.start() + len(p.group(0).rstrip())))
                     for p in _DIFF_PAIR.finditer(run.group(0))]
            total = sum(v for _, v, _ in pairs)
            if len(pairs) < 2 or total > 101 or total < 40 or any(
                    c not in letters and c not in _DIFF_OTHER for c, _, _ in pairs):
                continue
            for letter, value, (a, b) in pairs:
                fid = letters.get(letter)
                if fid is None or fid not in self.bundle.findings or any(p[0] == fid for p in result.percents):
                    continue
                span = (run.start() + a, run.start() + b)
                result.percents.append((fid, value, span, letter))

    def _percent_counts(self, result: MatchResult) -> None:
        """Counts given as a percentage of another count ("WBC 2.4, neutrophils 38 %" is 0.91 x 10^9/L)."""
        for fid, pct, span, term in result.percents:
            f = self.bundle.findings[fid]
            if f.percent_of is None or any(e.finding == fid and e.value is not None for e in result.findings):
                continue
            base = next((e for e in reversed(result.findings) if e.finding == f.percent_of and e.value is not None),
                        None)
            if base is None or base.value is None or not 0 <= pct <= 100:
                continue
            value = round(base.value * pct / 100, 2)
            text = f"{self._text[span[0]:span[1]]} of {base.text}"
            result.findings.append(Extracted(finding=fid, status=None, span=span, text=text, term=term, score=100.0,
                                             method="percent", value=value, unit=f.canonical_unit, raw_value=f"{pct:g}",
                                             raw_unit="%"))

    def _latest_transplant_day(self, low: str) -> re.Match[str] | None:
        """"Neutrophils first exceeded 0.5 on day +16. On day +19 the observation chart ... Day +19 bloods": in a
        transplant note whose scan is not dated in transplant days, the latest day the note tells of, twice, is its own
        (not a day in a schedule, "filgrastim from day +5 to day +12", nor one planned, "day +100 marrow booked")."""
        told: list[re.Match[str]] = []
        for mt in _TX_DAY_COUNT.finditer(low):
            before, after = low[max(0, mt.start() - 30):mt.start()], low[mt.end():mt.end() + 30]
            if _SCHEDULE.search(before) or _SCHEDULE_AFTER.match(after) or _TX_DAY_PLANNED.search(before) \
                    or _TX_DAY_PLANNED.match(after):
                continue
            told.append(mt)
        if not told:
            return None
        # told twice ("On day +19 the chart ...; Day +19 bloods"): a milestone said once ("MRD negative at day +100",
        # "control marrow at day +100", "taper from day +90") is history the note has moved on from, or a plan
        twice = [mt for mt in told if sum(other.group("e") == mt.group("e") for other in told) >= 2]
        return max(twice, key=lambda mt: int(mt.group("e"))) if twice else None

    def _transplant_day(self, text: str, result: MatchResult) -> None:
        """"PET-CT at day +34" in a transplant note: the scan's own day counts from the transplant (day 0). Drugs
        scheduled in those days ("filgrastim from day +5 to day +16") then have their days since the last dose -
        after a transplant or any cell infusion counted the same way (CAR-T day +28)."""
        fid = self.lang.transplant_day
        if fid is None or fid not in self.bundle.findings:
            return
        transplant = any(e.finding in self.lang.transplant_findings and e.status == "present"
                         for e in result.findings)
        low = text.lower()
        stated = next((e.value for e in result.findings if e.finding == fid and e.value is not None), None)
        mt = _PET_DAY.search(low) if not stated else None
        if mt is None and stated is None and transplant:
            mt = self._latest_transplant_day(low)
        # (the day is whichever of the scan's or the note's day groups matched)
        raw = next((v for v in mt.groupdict().values() if v), "0") if mt else None
        scan_day = float(raw) if raw is not None else None
        if stated == 0 and scan_day:
            # "allograft on 02.03.2025 (day 0) ... restaging at day +31": day 0 names the transplant, not the scan
            result.findings = [e for e in result.findings if e.finding != fid]
            stated = None
        if stated is not None:
            day = stated
        elif mt is not None and raw is not None:
            day = float(raw)
            if transplant:
                f = self.bundle.findings[fid]
                self._record_value(f, day, f.units[0], raw, "days", None, (mt.start(), mt.end()), None, result)
        else:
            return
        self._transplant_schedule(low, result, day)

    def _transplant_schedule(self, low: str, result: MatchResult, day: float | None = None) -> None:
        """"filgrastim from day +5 to day +16 ... PET at day +47": 31 days since the last dose. The scan's transplant
        day is the one read from the note's days ("day +47") or, once dates are read, the days since a dated
        transplant ("Autotransplante a 20/03/2023; filgrastim de D+5 a D+13 ... PET 22/05/2024")."""
        fid = self.lang.transplant_day
        if fid is None:
            return
        if day is None:
            day = next((e.value for e in result.findings if e.finding == fid and e.value is not None), None)
            if day is None:
                return
        have = {e.finding for e in result.findings if e.value is not None}
        for sm in (*_DAY_SCHEDULE.finditer(low), *_DAY_UNTIL_DAY.finditer(low), *_DAY_ONGOING.finditer(low)):
            found = self._anchor_before(low, sm.start() + 1)
            if found is None or found[1] in have or found[1] == fid or found[0] < sm.start() - 80:
                continue
            if sm.re is _DAY_ONGOING:
                since = 0.0 if int(sm.group("start")) <= day else -1.0
            else:
                since = day - int(sm.group("end"))
            if 0 <= since <= 3650:
                g = self.bundle.findings[found[1]]
                self._record_value(g, since, g.units[0], sm.group(0).strip(), "days", None, (sm.start(), sm.end()),
                                   None, result)
                have.add(found[1])

    def _slashed_pressure(self, text: str, result: MatchResult) -> None:
        """"RR 95/60", "hypotensive 82/50": a blood pressure named by a label that needs its slashed pair (read once
        nothing else gave the systolic pressure)."""
        f = self.bundle.findings.get("systolic_bp")
        if f is None or self._slashed_bp is None or any(e.finding == f.id and e.value is not None
                                                         for e in result.findings):
            return
        folded = fold(text) if "/" in text else ""
        mt = self._slashed_bp.search(folded) if len(folded) == len(text) else None  # (offsets true only if as long)
        if mt is not None and 40 <= int(mt.group("s")) <= 260:
            self._record_value(f, float(mt.group("s")), None, mt.group("s"), None, None, (mt.start(), mt.end()),
                               None, result)

    def _bare_temperature(self, text: str, result: MatchResult) -> None:
        """"He was 38.4 °C in clinic", "highest 39.6℃": a value with a degree sign is a temperature without the word
        (the highest one given). Once the note names a temperature, only readings after it count: they are the newer
        ones ("Temp 37.2 yesterday. T 38.4 HR 88"), where one before it may be the history's."""
        f = self.bundle.findings.get("temperature")
        if f is None:
            return
        named = max((e.span[1] for e in result.findings if e.finding == f.id), default=None)
        best: tuple[float, re.Match[str], m.Unit] | None = None
        for mt in _DEGREES.finditer(text):
            if any(ex.span[0] <= mt.start() < ex.span[1] for ex in result.findings) or (
                    named is not None and mt.start() < named):
                continue
            raw_unit = _degree_unit(mt)
            letter = {"℃": "c", "℉": "f"}.get(raw_unit, raw_unit[-1:].lower())
            unit = next((u for u in f.units if u.unit.lower().endswith(letter)), None)
            if unit is None:
                continue
            raw_value = _degree_value(mt)
            celsius = (float(raw_value.replace(",", ".")) + unit.offset) * unit.factor
            if not 34 <= celsius <= 43:
                continue  # "room at 21 °C": not a body temperature
            if best is None or celsius > best[0]:
                best = (celsius, mt, unit)
        if best is not None:
            _, mt, unit = best
            raw_value = _degree_value(mt)
            self._record_value(f, float(raw_value.replace(",", ".")), unit, raw_value, _degree_unit(mt), None,
                               (mt.start(), mt.end()), None, result)
        # "T 37.2 on arrival, 38.3 mid-dialysis": a second reading after a comma, with no label of its own
        in_celsius = next((u for u in f.units if u.unit.lower().endswith("c")), None)
        for ex in [e for e in result.findings if e.finding == f.id]:
            again = _AGAIN_TEMPERATURE.match(text, ex.span[1])
            if in_celsius is not None and again is not None and not any(
                    e.span[0] <= again.start("v") < e.span[1] for e in result.findings):
                raw_value = again.group("v")
                self._record_value(f, float(raw_value.replace(",", ".")), in_celsius, raw_value, "°C", None,
                                   (again.start("v"), again.end("v")), None, result)

    def _age_sex(self, text: str, result: MatchResult) -> None:
        if self.age_finding is None:
            return
        low = text.lower()
        mt, lay_ages = self._ages
        stated = [e for e in result.findings if e.finding == self.age_finding]
        if mt is None and not stated:
            # ("Grandad (68), who lives with the family": a relative's age in brackets is the patient's only when
            # the writer calls the relative their own: "My mum (74)")
            lay = [m for m in lay_ages if not m.group("rel1") or _own_relative(low, m)]
            # the writer's own age first ("My dad (70) had lymphoma. I'm 40 and have fevers")
            mt = next((m for m in lay if not _lay_relative(m)), lay[0] if lay else None)
        if stated:
            if mt is None or mt.start() >= min(e.span[0] for e in stated):
                return
            # "17M, ... FHx uncle NHL age 60": the patient's own age opens the note
            result.findings = [e for e in result.findings if e.finding != self.age_finding]
        if mt and not any(ex.span[0] < mt.end() and mt.start() < ex.span[1] for ex in result.findings):
            # (a number already read as something else — "temp 104 F" — is not an age)
            f = self.bundle.findings[self.age_finding]
            groups = mt.groupdict()
            age = next((groups[g] for g in ("age", "age2", "age3", "age4", "age5", "age6", "age7", "age8", "age9")
                        if groups.get(g)), "")
            self._record_value(f, float(age), f.units[0], age, None, None,
                               (mt.start(), mt.end()), None, result)
            # ("homme de 68 ans" was understood after all, though no word of it is in the vocabulary)
            _understood(result, text[mt.start():mt.end()])

    # ------------------------------------------------------------------ NegEx-style context

    def _contexts(self, text: str, tokens: list[Token], lo: int, toks: list[str], mentions: list[Mention],
                  trig_at: dict[int, tuple[str, int]], covered: list[bool], result: MatchResult) -> None:
        n = len(toks)
        status: dict[int, tuple[str, Trigger, tuple[int, int]]] = {}  # mention idx -> (kind, trigger, scope)
        denied_by_answer: set[int] = set()  # mentions a form's answer after a colon denies ("cord compression: none")
        pre = dict(trig_at)

        def trigger(kind: str, i: int, k: int) -> Trigger:
            return Trigger(kind, self._text[tokens[lo + i].start:tokens[lo + i + k - 1].end],
                           (tokens[lo + i].start, tokens[lo + i + k - 1].end))

        # post-triggers first: "fever absent", "BCR-ABL not detected", "fevers - no", "splenomegaly ?"
        for i in range(n):
            if pre.get(i, ("", 0))[0] == "pseudo":
                continue
            if toks[i] == "?" and i + 1 < n and tokens[lo + i].end == tokens[lo + i + 1].start \
                    and tokens[lo + i + 1].kind == "word":
                continue  # "?abscess": a question mark glued to the next word asks about that word only
            if toks[i] == "?" and (answered := self._answer(tokens, lo, toks, i)) is not None:
                # "Fever? No.", "Night sweats? Yes, drenching": the question is answered, so nothing is in doubt
                no, k = answered
                for j in range(i, i + k):
                    covered[j] = True
                    pre.pop(j, None)
                if no:
                    trig = trigger("negation", i, k)
                    for idx in self._asked(toks, mentions, i):
                        if idx not in status:
                            status[idx] = ("negation", trig,
                                           (tokens[lo + mentions[idx].start_tok].start, tokens[lo + i + k - 1].end))
                continue
            minus = False
            for kind, trig_set in (("negation", self.neg_post), ("uncertainty", self.unc_post), ("answer", None)):
                if trig_set is None:
                    # "Fevers - no", "B symptoms: none", "Bone pain: denies": a bare answer after a separator, ending
                    # the clause
                    k = self.answer_no.at(toks, i) or int(toks[i] in self.no_words)
                    ends = i + max(k, 1) == n or tokens[lo + i + max(k, 1)].kind == "sym" or "\n" in self._text[
                        tokens[lo + i].end:tokens[lo + i + 1].start] or re.search(r" {2,}|\t", self._text[
                            tokens[lo + i + max(k, 1) - 1].end:tokens[lo + i + max(k, 1)].start]) is not None
                    # ("骨痛 ........ 否    盗汗 ........ 否": a form's items laid side by side, parted by spaces)
                    # (the minus ends its line or item in the text itself: "- pain in the low back - which wakes
                    # him" is a dash, though "which" ends the clause)
                    line_end = re.match(r"[ \t]*(?:[,;.)|]|\r?\n|$)| {2,}|\t", self._text[tokens[lo + i].end:]) is not None
                    if not k and toks[i] in _MINUS and i > 0 and line_end and (
                            toks[i - 1] in {":", "="} or tokens[lo + i - 1].kind == "word" or (
                                toks[i - 1] in _MINUS and i > 1 and tokens[lo + i - 2].kind == "word") or (
                                # "Recent chemo (<3 wk) -": the label's aside, then its answer
                                toks[i - 1] == ")" and (o := _opening(toks, i - 1)) is not None and o > 0
                                and tokens[lo + o - 1].kind == "word")):
                        # ("Pruritus\tN\t-": the answer, then an empty cell's dash)
                        k, minus = 1, True  # "Bone pain: -", "NS -" on a checklist line: a minus answers no
                    elif not (i > 0 and ends and (toks[i - 1] in {":", "-", "=", "–"} or any(
                            mt.end_tok == i for mt in mentions))):
                        # ("calo ponderale no; prurito no", "losing weight no.": a form's answer right after its
                        # label, ending the item, though no colon parts them)
                        k = 0
                    kind = "negation"
                else:
                    k = trig_set.at(toks, i)
                if k == 1 and self._word_of_another_language(tokens, lo, toks, i):
                    k = 0
                if not k:
                    continue
                # (a term read with the minus after it, "fever –", ends at the minus)
                before = [idx for idx, mt in enumerate(mentions) if mt.end_tok <= i or (
                    minus and mt.end_tok == i + 1 and mt.start_tok < i)]
                reach = mentions[before[-1]].end_tok if minus and before and mentions[before[-1]].end_tok > i else i
                targets = self._backward_scope(toks, mentions, before, reach, alternatives=kind == "uncertainty")
                if trig_set is None and (minus or toks[i - 1] not in {":", "-", "=", "–"}) and targets:
                    # "Malar rash, alopecia -", "febbre sì; calo ponderale no": a form's answer is its own label's
                    targets = [x for x in targets if (mentions[x].start_tok, mentions[x].end_tok) == (
                        mentions[targets[0]].start_tok, mentions[targets[0]].end_tok)]
                if kind == "uncertainty" and (all(t == "?" for t in toks[i:i + k])
                                              or " ".join(toks[i:i + k]) in self.item_hedges):
                    # "lymphoma, diffuse bone pain, on G-CSF??": the question is the last item's, not the list's
                    # (an alternative stays in it: "lymphoma or TB?")
                    cut = next((c for c in range(1, len(targets)) if any(
                        t in {",", ";"} for t in toks[mentions[targets[c]].end_tok:mentions[targets[c - 1]].start_tok])),
                        len(targets))
                    if toks[i] != "?" or not self._bare_list_question(tokens, lo, toks, mentions, targets, i):
                        targets = targets[:cut]
                    if any(self.question_opens.at(toks, j) for j in range(_question_start(toks, i), i)):
                        # "did she get any G-CSF after the last cycle?", "Any lymphadenopathy on CT?": a question
                        # left unanswered asks about all it names
                        targets = [*targets, *(x for x in self._asked(toks, mentions, i)
                                               if x not in status and x not in targets)]
                if not targets and kind == "negation" and before and " ".join(toks[i:i + k]) in _RESULT_NEGATIONS \
                        and mentions[before[-1]].finding in self.testable:
                    # "..., ANCA and antiphospholipid antibodies were negative": the last item is a test the
                    # vocabulary does not know; the result still reaches the list before it
                    gap = toks[mentions[before[-1]].end_tok:i]
                    loose = [t for t in gap if t not in self.connectors and t not in _FILLERS and t not in self.post_gap]
                    if gap and gap[0] in self.list_joins and sum(t in self.list_joins for t in gap) == 1 and len(gap) <= 5 \
                            and 1 <= len(loose) <= 2 and _plain_item(loose):
                        targets = self._backward_scope(toks, mentions, before, mentions[before[-1]].end_tok)
                if kind == "negation" and " ".join(toks[i:i + k]) in _RESULT_NEGATIONS and len(targets) > 1:
                    # "fever, tiredness and joint pain, ANA negative": a result reaches back over tests only
                    cut = next((n_ for n_, x in enumerate(targets[1:], 1)
                                if mentions[x].finding and mentions[x].finding not in self.testable), len(targets))
                    targets = targets[:cut]
                if kind == "uncertainty" and " ".join(toks[i:i + k]) in _AWAITED and len(targets) > 1:
                    # "spiked 38.9 with rigors, BCx x2 sent": a test sent reaches back over tests only, not over the
                    # symptoms that made someone send it
                    cut = next((c for c, x in enumerate(targets) if c and mentions[x].finding not in self.testable),
                               len(targets))
                    targets = targets[:cut]
                if kind == "negation" and self.not_by_results and " ".join(toks[i:i + k]) in _RESULT_NEGATIONS:
                    # "blood cultures from the central venous catheter were negative": the culture, not the line
                    targets = [x for x in targets if mentions[x].finding not in self.not_by_results]
                if kind == "negation" and " ".join(toks[i:i + k]) in self.avidity_negations:
                    # "the enlarged spleen was not avid": the uptake is denied, not the size
                    targets = [x for x in targets if mentions[x].finding not in self.size_findings]
                if not targets:
                    continue
                for j in range(i, min(i + k, n)):
                    covered[j] = True
                    pre.pop(j, None)  # "not" of "not detected" is not also a pre-negation
                trig = trigger(kind, i, k)
                for idx in targets:
                    if idx not in status:
                        status[idx] = (kind, trig, (tokens[lo + mentions[idx].start_tok].start, tokens[lo + i + k - 1].end))
                        if kind == "negation" and i > 0 and toks[i - 1] == ":":
                            denied_by_answer.add(idx)
                break
        for i, (kind, k) in sorted(pre.items()):
            if kind == "pseudo":
                continue
            if toks[i] == "?" and k == 1 and 0 < i < n - 1 and tokens[lo + i - 1].end == tokens[lo + i].start \
                    and tokens[lo + i].end < tokens[lo + i + 1].start and tokens[lo + i - 1].kind == "word" \
                    and next((t for t in toks[i + 1:] if t in {".", "?", "!", ";"}), ".") != "?":
                continue  # "Question: myeloma? Bone pain.": a question mark glued to the word before ends its question
                # (but not before another question: "biopsy or marrow? Lymphoma how likely?")
            for j in range(i, min(i + k, n)):
                covered[j] = True
            trig = trigger(kind, i, k)
            after = [idx for idx, mt in enumerate(mentions) if mt.start_tok >= i + k]
            if kind == "uncertainty" and tuple(toks[i:i + k]) in self.doubt_to_end:
                targets = after  # "Differential includes rhabdomyosarcoma ..., and lymphoma/leukaemia with a mass"
            elif kind == "planned" and i + k < n and toks[i + k] in {",", "and", "but", "so", ";"} and i > 0 and \
                    toks[i - 1] in {"was", "is", "were", "are", "been"}:
                continue  # "because surgery was planned and ..., epoetin alfa was started": what was planned came first
            elif kind == "planned":
                targets = after  # "Plan: R-CHOP-21, echo, MRI brain": the rest of the clause is what is planned
                for j in range(i + k, n):
                    covered[j] = True
            elif kind == "family" and i + k < n and (toks[i + k] in _REPORTING or toks[
                    i + k:i + k + 3] == ["on", "the", "phone"] or toks[i + k:i + k + 2] == ["on", "phone"]):
                continue  # "Mum keeps saying her bones hurt", "Daughter on the phone: ...": the relative reports the
                # patient (but "Mother: breast cancer" in a family history is the mother's)
            elif kind == "family":
                # "mother had myeloma, pt has night sweats": the relative's words run to the next comma
                stop = next((j for j in range(_past_aside(toks, i + k), n) if toks[j] in {",", "("}), n)
                targets = [idx for idx in after if mentions[idx].start_tok < stop]
                for j in range(i + k, stop):
                    covered[j] = True
                if not targets and stop > i + k:
                    result.family_notes.append(self._text[tokens[lo + i].start:tokens[lo + stop - 1].end])
            else:
                mid = i >= 1 and toks[i - 1] == "," and any(
                    pk == "negation" and pi < i for pi, (pk, _) in pre.items())
                trig_pos = {j for p, (_, kk) in pre.items() for j in range(p, p + kk)}
                targets = self._forward_scope(toks, mentions, after, i + k, ["mid"] if mid else None, trig_pos)
                if toks[i] == "?" and k == 1 and i + 1 < n and tokens[lo + i].end == tokens[lo + i + 1].start:
                    # "?MF, huge spleen": a question mark glued to a word asks about that item only
                    targets = [idx for idx in targets if "," not in toks[i + 1:mentions[idx].start_tok]]
            # "Lymph nodes: No FDG-avid or enlarged nodes": a finding read inside a denied one's words goes with it
            spans = [(mentions[t].start_tok, mentions[t].end_tok) for t in targets]
            targets = [*targets, *(idx for idx in after if idx not in targets and any(
                a <= mentions[idx].start_tok and mentions[idx].end_tok <= b for a, b in spans))]
            for idx in targets:
                if idx in denied_by_answer and kind == "uncertainty":
                    continue  # "MRI to r/o cord compression: none": the question asked, then answered
                if idx not in status or self._rank(kind) > self._rank(status[idx][0]):
                    end_tok = mentions[idx].end_tok
                    status[idx] = (kind, trig, (tokens[lo + i].start, tokens[lo + end_tok - 1].end))
        # "Lymph nodes: No FDG-avid or enlarged nodes": a heading naming what its line then denies is denied with it
        for idx, mt in enumerate(mentions):
            if idx in status or mt.end_tok >= n or toks[mt.end_tok] != ":" or mt.start_tok > 4 or any(
                    other.start_tok < mt.start_tok for other in mentions):  # ("FINDINGS — LYMPH NODES:")
                continue
            words = set(toks[mt.start_tok:mt.end_tok])
            denied = next((j for j in sorted(status) if mentions[j].start_tok > mt.end_tok and status[j][0] == "negation"
                           and words & set(toks[mentions[j].start_tok:mentions[j].end_tok])), None)
            if denied is not None:
                status[idx] = status[denied]
        clause_out: dict[str, Extracted] = {}
        old_clause = self._old_clause(tokens, lo, toks)
        for idx, mt in enumerate(mentions):
            if not mt.finding:
                continue
            f = self.bundle.findings[mt.finding]
            span = (tokens[lo + mt.start_tok].start, tokens[lo + mt.end_tok - 1].end)
            ex = Extracted(finding=mt.finding, status="present", span=span, text=self._text[span[0]:span[1]],
                           term=mt.term, score=mt.score, method=mt.method)
            if mt.negative:  # "afebrile": the word itself says absent
                ex.status = "absent"
                ex.trigger = Trigger("negation", ex.text, span)
            if mt.elsewhere:  # "no focal lesions in the liver", "Lungs: ... homogeneous": not the marrow
                ex.context, ex.status = "elsewhere", None
                ex.organ = mt.elsewhere
                result.set_aside.append(ex)
                continue
            if mt.denial_only and idx not in status:
                continue  # "calcium pending": nothing said about hypercalcaemia
            if idx not in status and not mt.negative and self._test_without_result(tokens, lo, toks, mt):
                ex.no_result, ex.status = True, None
                result.uncertain.append(ex)
                continue
            if idx not in status and f.section != "history" and f.kind == "boolean" and not mt.negative \
                    and ((old_clause and not self._lasting(toks, mt)) or self._in_past_year(toks, mt)
                         or self._resolved_after(toks, mt)):
                ex.context, ex.status = "history", None  # "Had septic shock from urosepsis in 2022, fully recovered"
                result.set_aside.append(ex)
                continue
            if idx in status:
                kind, trig, scope = status[idx]
                ex.trigger, ex.scope = trig, scope
                ex.text = self._text[min(scope[0], span[0]):max(scope[1], span[1])]  # "no focal lesions"
                if mt.denial_only and (kind != "negation" or trig is None
                                       or normalise(trig.text) not in self.normal_words or trig.span[0] < span[0]):
                    continue  # only "calcium normal" denies hypercalcaemia; not "no calcium supplements"
                if kind == "negation":
                    if mt.shared:
                        continue  # "never travelled to Sudan" denies the trip, not every exposure to TB
                    ex.status = "absent"
                elif kind == "uncertainty":
                    ex.uncertain = True
                    ex.status = None
                    result.uncertain.append(ex)
                    continue
                elif kind == "family" and f.family_is_exposure:
                    ex.context = "family"  # "a cousin who lived with him was treated for TB": the patient's exposure
                elif kind in ("family", "planned"):
                    ex.context = "family" if kind == "family" else "planned"
                    ex.status = None
                    result.set_aside.append(ex)
                    continue
                elif kind == "history":
                    ex.context = "history"
                    if f.section != "history":
                        ex.status = None
                        result.set_aside.append(ex)
                        continue
            # one reading per finding per clause: an explicit status beats a bare mention ("SPEP: no paraprotein")
            prev = clause_out.get(mt.finding)
            if prev is not None and {prev.status, ex.status} == {"present", "absent"} and prev.term != ex.term:
                # "c/o sternal ache, no back pain": two complaints of one finding, one of them present
                if ex.status == "present":
                    clause_out[mt.finding] = ex
                continue
            if prev is not None and prev.status == "present" and ex.status == "absent" and ex.trigger is not None \
                    and normalise(ex.trigger.text) in _PASSED:
                continue  # "a pink rash ..., when the fever goes down the rash is gone": it came and went, so it was
            weak = self.weak_terms.get(mt.finding, ())
            if prev is not None and prev.status == ex.status and normalise(ex.term) in weak and \
                    normalise(prev.term) not in weak:
                continue  # "4 cycles of ABVD, last cycle ...": the named regimen stays the reading
            if prev is None or (ex.trigger is not None and prev.trigger is None) or (
                    (ex.trigger is None) == (prev.trigger is None)):
                clause_out[mt.finding] = ex
        result.findings.extend(clause_out.values())

    def _test_without_result(self, tokens: list[Token], lo: int, toks: list[str], mt: Mention) -> bool:
        """A test name ("blood cultures", "ANA") with no result after it: a result word, a value or titre, or an
        organism (its own mention) make it a finding; nothing does not."""
        key = tuple(t for t in term_tokens(mt.term) if t not in _KEY_SKIP)  # the term matched, typos included
        if key not in self.test_keys:
            return False
        n = len(toks)
        j = mt.end_tok
        for _ in range(6):
            if j >= n:
                return True
            if tokens[lo + j].kind == "num" and j + 1 < n and toks[j + 1] in _SAMPLE_WORDS:
                j += 2  # "blood cultures 3 times negative": a count of samples, not a result
                continue
            if tokens[lo + j].kind == "num" and re.fullmatch(r"(?:19|20)\d\d", toks[j]) and j + 1 < n \
                    and toks[j + 1] in {":", ")", ",", "-", "–"}:
                j += 1  # "SPEP 2024: no paraprotein": the year the test was done, not its result
                continue
            if self.result_words.at(toks, j) or tokens[lo + j].kind == "num":
                return False
            if toks[j] not in _RESULT_GAP:
                return True
            j += 1
        return True

    @staticmethod
    def _rank(kind: str) -> int:
        return {"family": 4, "planned": 4, "uncertainty": 3, "negation": 2, "history": 1}.get(kind, 0)

    def _forward_scope(self, toks: list[str], mentions: list[Mention], after: list[int], start: int,
                       kinds: list[str] | None = None, trig_pos: set[int] | None = None) -> list[int]:
        """Mentions a pre-trigger at ``start`` reaches: the first within the window (NegEx: a few words, no
        numbers), then any joined to it by list connectors ("no fever, sweats or weight loss")."""
        out: list[int] = []
        if not after:
            return out
        first = after[0]
        gap = toks[start : mentions[first].start_tok]
        at_trigger = trig_pos or set()
        # "At diagnosis 64 % marrow blasts": a percentage right before the finding is its own, not a new item
        pct = {k for k in range(start, start + len(gap)) if toks[k] == "%" or (
            k + 1 < len(toks) and toks[k + 1] == "%" and toks[k][:1].isdigit())}
        # "at dx L 7th rib lytic lesion": where the finding sits ("L 7th rib", "T9") is not a new item either
        site = {k for k, t in enumerate(gap, start) if t in self.bone_words or _LEVEL.fullmatch(t) or (
            t.isdigit() and len(t) <= 2 and k + 1 < len(toks) and toks[k + 1] in {"st", "nd", "rd", "th"}) or (
            t in {"l", "r", "left", "right", "st", "nd", "rd", "th"} and k + 1 < len(toks)
            and (toks[k + 1] in self.bone_words or toks[k + 1][:1].isdigit()))}
        site |= {k for k in range(start, start + len(gap)) if toks[k] in {"st", "nd", "rd", "th"} and k - 1 in site}
        loose = [t for k, t in enumerate(gap, start)
                 if t not in _FILLERS and t not in _REACH_FILLERS and t not in self.connectors and k not in at_trigger
                 and k not in pct and k not in site]
        short_list = self._short_list(gap)
        if ((len(gap) > self.lang.scope_tokens or len(loose) > 3) and not short_list) or \
                any(t[:1].isdigit() or t == ":" for t in loose):
            return out
        if ")" in gap and "(" not in gap:
            return out  # "no injuries), peds ...": the aside the trigger was in has closed
        if ";" in gap:
            return out  # "(patient declined; 5-FU bolus omitted)": a semicolon ends what the trigger says
        if loose and (("," in gap and len(loose) > 1) or "(" in gap) and not self._short_list(gap):
            return out  # a list item or an aside of its own ("not required for staging (focal lesions)")
        if "," in gap:
            # "transfusion was not an option, epoetin alfa was started", "surgery was planned, epoetin ...": the
            # trigger's own item ends at the comma - with something it did say ("an option") or with nothing
            comma = start + gap.index(",")
            own = [t for k, t in enumerate(toks[start:comma], start) if k not in at_trigger]
            if own and own[0] in {"a", "an", "the", "possible", "available", "required", "indicated", "needed"}:
                return out  # (a list of findings has no article: "denied headache, bone pain, fever")
        out.append(first)
        # mid-list trigger ("no blasts, no dysplasia, macrocytic"): a bare comma does not carry it further
        mid_list = bool(kinds) and kinds is not None and kinds[0] == "mid"
        prev = first
        for idx in after[1:]:
            here, last = mentions[idx], mentions[prev]
            if (here.start_tok, here.end_tok) == (last.start_tok, last.end_tok):
                out.append(idx)  # "no travel to Sudan": the one word's second finding (a shared term) goes with it
                continue
            gap = toks[last.end_tok : here.start_tok]
            if here.finding == last.finding and all(t in _PREPOSITIONS or t in _FILLERS or t in _OF_WORDS for t in gap):
                out.append(idx)  # "no travel to Kenya", "never lived in Sudan", "未见溶骨性骨质破坏": the same finding again
                prev = idx
                continue
            if mid_list and all(t in {",", "-", "–"} for t in gap) and not self._list_closes_with_or(
                    toks, mentions, after, idx):
                break  # ... but "no fevers, no nodes, rash or joint pain" is one list to its "or"
            if len(gap) >= 2 and gap[0] == "," and gap[1] in {"a", "an"}:
                break  # "without focal lesions, an enlarged spleen": a new item of a description, not of the list
            if len(gap) <= 2 and all(t in self.bone_words for t in gap) and \
                    here.finding in self.lang.qualifiers.get(last.finding, ()):
                out.append(idx)  # "Non lesioni ossee litiche": the adjective after its noun says what kind they are
                prev = idx
                continue
            if not gap or (gap in ([","], [",", "and"]) and toks[mentions[idx].start_tok] in _DESCRIBED):
                break  # "No G-CSF post transplant" (adjacent, not a list); "without focal lesions, (and) diffuse
                # splenic uptake" (a new finding of a report, described, not denied)
            if gap and gap[0] == "," and here.end_tok < len(toks) and toks[here.end_tok][:1].isdigit() \
                    and not _is_duration(toks, here.end_tok):
                break  # "no extension to long bones, spleen very big 24 cm": a measured item is described
            loose_items = [t for t in gap if t not in self.connectors and t not in _FILLERS]
            if (len(gap) <= 4 and not loose_items) or (
                    gap and gap[0] == "," and gap[-1] in self.item_joins and len(loose_items) <= 2
                    and len(gap) <= 6 and not any(t[:1].isdigit() or t in {":", ";", "."} for t in loose_items)):
                # "rash, joint or bone pain": an unknown item of the list does not end it
                out.append(idx)
                prev = idx
            else:
                break
        return out

    def _applied_locally(self, toks: list[str], j: int, finding: str) -> bool:
        """Does a local route follow a drug's name ending at j, its strength between ("Hydrocortisone 1 % cream",
        "budesonide 200 mcg inhaler", "dexamethasone eye drops")?"""
        routes = self.local_use[finding]
        for k in range(j, min(j + 5, len(toks))):
            if routes.at(toks, k):
                return True
            if not (toks[k][:1].isdigit() or toks[k] in {"%", "mg", "mcg", "µg", "ug", "g", "micrograms", "/", "-",
                                                         "w/w", "(", ")"}):
                return False
        return False

    @staticmethod
    def _list_closes_with_or(toks: list[str], mentions: list[Mention], after: list[int], idx: int) -> bool:
        """Is the mention at ``idx`` joined to the next one by a bare "or"/"nor" ("rash or joint pain")?"""
        k = after.index(idx)
        if k + 1 >= len(after):
            return False
        here, nxt = mentions[idx], mentions[after[k + 1]]
        return toks[here.end_tok:nxt.start_tok] in (["or"], ["nor"])

    def _short_list(self, gap: list[str]) -> bool:
        """"no cough, haemoptysis, headache, rash": items of one or two words, at least two commas, at most twelve
        tokens, no numbers or asides: a list the trigger reads through to the first item it knows."""
        commas = gap.count(",")
        if len(gap) > 12 or commas < 1:
            return False
        item = words = 0
        joined = False
        for t in gap:
            if t in self.item_joins:
                item = 0
            elif t in {"-", "–", "/"}:
                joined = True  # "tubo-ovarian" is one word
                continue
            elif joined:
                joined = False
                continue
            elif t[:1].isdigit() or t in {":", "(", ")", ";", "."} or t in _CLAUSE_VERBS:
                return False
            else:
                item += 1
                words += 1
                if item > 2:
                    return False
        # "no pyometra, tubo-ovarian abscess": one comma is a list too when its items are bare words ("not on ART,
        # fevers" is not)
        return commas >= 2 or (words <= 2 and not any(t in _PREPOSITIONS for t in gap))

    def _answer(self, tokens: list[Token], lo: int, toks: list[str], i: int) -> tuple[bool, int] | None:
        """A question mark at i followed by an answer that ends the clause or its item: (a no?, tokens from i)."""
        n = len(toks)
        j = i + 1
        while j < n and toks[j] in {"-", ":", "–", "—", "=", ">", "->", "→"}:
            j += 1
        if j == n:
            return None
        for no, words in ((True, self.answer_no), (False, self.answer_yes)):
            k = words.at(toks, j)
            if k and (j + k == n or tokens[lo + j + k].kind == "sym"):
                return no, j + k - i
            # ("No, none of that.": the plain word answers, though a longer answer starts with it)
            if k > 1 and words.at(toks[j:j + 1], 0) == 1 and j + 1 < n and tokens[lo + j + 1].kind == "sym":
                return no, j + 1 - i
        return None

    def _bare_list_question(self, tokens: list[Token], lo: int, toks: list[str], mentions: list[Mention],
                            targets: list[int], i: int) -> bool:
        """A question that is nothing but a list of what it asks about, on a line or sentence of its own ("Fevers,
        sweats?", "Night sweats, weight loss or itch?"), asks about every item; a list that says more before its
        question mark ("lymphoma, diffuse bone pain, on G-CSF??") asks about its last item only."""
        if len(targets) < 2 or (i + 1 < len(toks) and toks[i + 1] == "?"):
            return False  # ("on G-CSF??": a doubled mark doubts the last item)
        first = min(mentions[x].start_tok for x in targets)
        if lo + first > 0 and not (first > 0 and toks[first - 1] in {".", "!", "?", ";", ":"}) and "\n" not in \
                self._text[tokens[lo + first - 1].end:tokens[lo + first].start]:
            return False
        inside = {j for x in targets for j in range(mentions[x].start_tok, mentions[x].end_tok)}
        return all(j in inside or toks[j] in {",", "/", "&"} or toks[j] in self.list_joins for j in range(first, i))

    def _asked(self, toks: list[str], mentions: list[Mention], i: int) -> list[int]:
        """The mentions a question ending at token i asks about: back to the last question, semicolon or colon,
        or to the word that opens the question when there is one ("had fever, any night sweats?")."""
        start = _question_start(toks, i)
        opens = [j for j in range(start, i) if self.question_opens.at(toks, j)]
        if opens:
            # the first opener of the question's own sentence: "Any injections, growth factor, anything like that
            # recently?" asks about all three, though "anything" opens a question too
            own = [j for j in opens if not any(t in {".", "!"} for t in toks[j:i])]
            start = own[0] if own else opens[-1]
        return [idx for idx, mt in enumerate(mentions) if mt.start_tok >= start and mt.end_tok <= i]

    def _backward_scope(self, toks: list[str], mentions: list[Mention], before: list[int], pos: int,
                        alternatives: bool = False) -> list[int]:
        out: list[int] = []
        if not before:
            return out
        last = before[-1]
        gap = _drop_asides(toks[mentions[last].end_tok : pos])
        # "lymphoma or mycobacterial infection cannot be excluded": doubt reaches back over an alternative
        alternative = alternatives and 2 <= len(gap) <= 5 and gap[0] in {"or", "vs", "versus"} and not any(
            t in {".", ";", ":"} or t in self.trigger_words for t in gap)
        # "blood cultures 4 sets negative", "cultures x 3 negative": a count of samples does not break the reach
        gap = [t for i, t in enumerate(gap) if not (t.isdigit() and i + 1 < len(gap) and gap[i + 1] in _SAMPLE_WORDS)
               and not (t in _SAMPLE_WORDS and i > 0 and gap[i - 1].isdigit())]
        # "Rose Bengal 1/40 negative", "ANA 1:80 neg": a titre read as negative is still a negative result
        gap = _drop_titres(gap)
        # "Pegfilgrastim 6 mg to be given", "G-CSF 300 mcg sc planned": a dose does not break the reach
        gap = [t for i, t in enumerate(gap) if not (t in _DOSE_UNITS or (
            re.fullmatch(r"\d+(?:[.,]\d+)?", t) and i + 1 < len(gap) and gap[i + 1] in _DOSE_UNITS))]
        if gap[:1] and gap[0] in {"in", "at", "of", "within", "seen", "noted", "described", "left", "right", "links",
                                  "rechts"} and not any(
                t in _AVIDITY for t in toks[pos:pos + 3]):  # ("sclerotic areas in vertebras and pelvis not avid")
            # "The focal lesions in the left 7th rib and T9 (seen in 2023) have resolved": where they were does not
            # break the reach of what is said of them
            gap = [t for t in gap if not (t in _SITE_FILLERS or t in self.bone_words or _LEVEL.fullmatch(t)
                                          or _SITE_LEVEL.fullmatch(t) or _ORDINAL.fullmatch(t) or _YEAR.fullmatch(t)
                                          or (t.isdigit() and len(t) <= 2))]  # ("7th" is "7" "th")
        if "(" in gap and gap.index("(") + 1 < len(gap) and gap[gap.index("(") + 1] in self.past_openers:
            return out  # "film 8% blasts (were normal counts on 05/11)": the aside says what they were, not are
        # "a paravertebral mass at T4 that was no longer visible": a vertebral level and "that" do not break the reach
        # (a Japanese or Chinese character is a token of its own: "ESA製剤の投与歴なし" has six between)
        wide = sum(1 for t in gap if not (len(t) == 1 and _CJK_CHAR.match(t)))
        if not alternative and (wide > 5 or len(gap) > 9 or any(
                t not in self.post_gap and t != "that" and not _TIMES.fullmatch(t) and not _LEVEL.fullmatch(t)
                for t in gap)):
            return out
        out.append(last)
        nxt = last
        for idx in reversed(before[:-1]):
            if (mentions[idx].start_tok, mentions[idx].end_tok) == (mentions[nxt].start_tok, mentions[nxt].end_tok):
                out.append(idx)  # one word, two findings ("LDH normal": neither raised nor very raised)
                continue
            if all(t in self.organs for t in toks[mentions[nxt].start_tok:mentions[nxt].end_tok]):
                break  # "hereditary spherocytosis, spleen removed": what is said of an organ named alone is its own
            if any(self.result_words.at(toks, k) for k in range(mentions[idx].start_tok, mentions[idx].end_tok)):
                break  # "HIV positive, HCV negative": an item that carries its own result is not in the list
            gap = toks[mentions[idx].end_tok : mentions[nxt].start_tok]
            loose = [t for t in gap if t not in self.connectors and t not in _FILLERS]
            a_test = not mentions[idx].finding or mentions[idx].finding in self.test_findings
            if (len(gap) <= 3 and not loose and gap) or (not gap and mentions[idx].finding == mentions[nxt].finding) or (
                    a_test and gap and len(gap) <= 6 and len(loose) <= 2 and gap[0] in self.list_joins
                    and gap[-1] in self.list_joins and _plain_item(loose)):
                # "blood cultures, HIV and syphilis serology, ANCA ... were negative": an item the vocabulary does not
                # know ("syphilis serology") does not end the list the result reaches back over
                out.append(idx)
                nxt = idx
            else:
                break
        return out

    # ------------------------------------------------------------------ leftovers

    def _unmatched(self, text: str, tokens: list[Token], lo: int, toks: list[str], covered: list[bool],
                   consumed: list[bool], trig_at: dict[int, tuple[str, int]], result: MatchResult) -> None:
        run: list[int] = []

        def flush() -> None:
            while run and (toks[run[0]] in self.ignore or not toks[run[0]][:1].isalnum()):
                run.pop(0)
            while run and (toks[run[-1]] in self.ignore or not toks[run[-1]][:1].isalnum()):
                run.pop()
            content = [k for k in run if toks[k][:1].isalpha() and toks[k] not in self.ignore and len(toks[k]) > 1]
            if content:
                s, e = tokens[lo + run[0]].start, tokens[lo + run[-1]].end
                frag = _BLANK_RUN.sub(" ", self._text[s:e]).strip(" ,:-")
                if frag:
                    result.unmatched.append(frag)
            run.clear()

        degrees = self._degree_spans
        for k, t in enumerate(toks):
            skip = covered[k] or consumed[k] or (t in self.trigger_words and k in trig_at) or (
                bool(degrees) and any(a <= tokens[lo + k].start < b for a, b in degrees))
            if skip or tokens[lo + k].kind == "sym":
                flush()
            elif tokens[lo + k].kind == "num":
                run.append(k)
            else:
                run.append(k)
        flush()

    def _heard(self, text: str) -> str:
        """Punctuation said aloud written as marks, then the words voice recognition misheard read as said (the
        fuzzy joins only in a note whose said punctuation shows it was dictated)."""
        marked = self.dictated.read(text)
        if marked != text:
            marked = self.dictated.read_headed_colons(marked)
        return self.corrections.read(self.sound.read(marked, dictated=marked != text))

    # the cleaned text of the current match() call; one Matcher serves one thread at a time
    _text: str = ""


def get_matcher(bundle: Bundle) -> Matcher:
    """The bundle's matcher, built on first use and kept with the bundle."""
    cached = bundle.cache.get("matcher")
    if cached is None:
        cached = bundle.cache["matcher"] = Matcher(bundle)
    assert isinstance(cached, Matcher)
    return cached
