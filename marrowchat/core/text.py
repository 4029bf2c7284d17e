"""Text hygiene and tokenising shared by the matcher, the validator and the reports."""

from __future__ import annotations

import csv
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rapidfuzz import fuzz, process

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")

# a token: a number (1,234.5 / 8.1 / 8,1), a word (letters, may hold ' or internal / as in s/p, h/o, g/dl),
# or one meaningful symbol
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    # a lab's short label typed onto its value ("Hb8.1", "plt42", "WCC2.1", "SUVmax5.8") is a word, then a number
    r"|(?P<glued>(?<![^\W_])(?:hb|hgb|plts?|wcc|wbc|anc|crp|ldh|esr|pct|neuts?|retics?|suv|suvmax|temp)(?=\d))"
    # (a digit after a Chinese or Japanese character starts a number: "ヘモグロビン9.8", "白血球8,200")
    r"|(?P<word>[^\W\d_](?:[^\W\d_]|(?<![\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\d"
    r"|['’](?=[^\W\d_]))*(?:/[^\W_]+)*)"
    r"|(?P<sym>[?<>≥≤=%°^×+~—–\-/:;.,()\[\]&*#@!])"
)


_LIGATURE_LETTERS: dict[int, str] = {ord("ﬁ"): "fi", ord("ﬂ"): "fl", ord("ﬀ"): "ff", ord("ﬃ"): "ffi", ord("ﬄ"): "ffl",
                                     ord("ﬅ"): "st", ord("ﬆ"): "st"}


def clean(text: str) -> str:
    """Drop ANSI escapes and control characters, keep newlines and tabs as spaces/newlines."""
    text = _ANSI.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # typographic ligatures, as a scanned PDF's text layer gives them ("Pegﬁlgrastim", "ﬁèvre"): the two letters
    return text.translate(_LIGATURE_LETTERS) if any(chr(ch) in text for ch in _LIGATURE_LETTERS) else text


# Arabic-Indic and Persian digits, the Arabic decimal and thousands marks, comma, semicolon and question mark, as the
# ASCII ones, one character for one, so every offset into the text stays true: "طحال ۱۶ سانتی‌متر", "الهيموغلوبين ٨٫٢"
_ASCII_FORMS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
                               **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width ０-９
                               "\u066b": ".", "\u066c": ",", "\u060c": ",", "\u061b": ";", "\u061f": "?",
                               # Chinese, Japanese and Korean punctuation, full width ("発熱なし。Hb 8.1、PLT 4.2万")
                               "。": ".", "．": ".", "、": ",", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")",
                               "！": "!", "？": "?", "～": "~", "％": "%", "／": "/", "＋": "+", "－": "-", "＝": "=",
                               "＜": "<", "＞": ">", "【": "(", "】": ")", "・": ",",
                               # the empty set and the diameter sign written for "none" ("∅ fever", "⌀ focal lesions")
                               "∅": "ø", "⌀": "ø"})


# a LOINC long name's property and system ("Hemoglobin [Mass/volume] in Blood", "Neutrophils [#/volume] in Blood by
# Automated count", "Ferritin [Mass/volume] in Serum or Plasma"): between a test and its value in a results viewer
_LOINC_PART = re.compile(
    r"\[(?:[#\w. ]{0,24}/(?:volume|time|mass|area)|presence|titer|ratio|volume fraction|entitic volume|"
    r"enzymatic activity/volume|units/volume|arbitrary concentration)\]"
    r"(?:[ \t]+in[ \t]+(?:blood|serum or plasma|serum|plasma|platelet poor plasma|bone marrow|urine|body fluid)\b)?"
    r"(?:[ \t]+by[ \t]+(?:automated count|manual count|naa with probe detection|naa|immunoassay|"
    r"electrophoresis|flow cytometry)\b)?", re.IGNORECASE)


# an answer option: its letter ("(A)", "A.", "b)", "[C]", "D:", "E -"), then the choice
_OPTION = re.compile(r"[ \t]*[(\[]?(?P<letter>[A-Ha-h])(?:[).\]:]|[ \t]+[-–—])[ \t]+\S")


def answer_options(text: str) -> str:
    """An exam question's lettered answer options, after its stem ("Which of the following is the most likely
    explanation?" / "(A) Diffuse bone marrow metastases" / "(B) Effect of G-CSF" ...), are choices offered, not
    facts of the patient: blanked in place, so offsets stay true. Options are three or more lines lettered A, B, C
    ... in order, right after a line that ends with a question mark, or three or more lettered in order
    on the question's own line after its question mark ("... most likely? A. HLH B. TB C. AOSD")."""
    if "?" not in text and "？" not in text:
        return text
    out = list(text)
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    k, asked = 0, False
    while k < len(lines):
        at, line = lines[k]
        if not line.strip():
            k += 1
            continue
        run = 0
        while asked and k + run < len(lines):
            mt = _OPTION.match(lines[k + run][1])
            if not mt or mt.group("letter").lower() != "abcdefgh"[run]:
                break
            run += 1
        if run >= 3:
            for start, option in lines[k:k + run]:
                out[start:start + len(option)] = " " * len(option)
            k += run
            asked = False
            continue
        stripped = line.rstrip()
        asked = stripped.endswith(("?", "？")) and len(stripped) > 1
        if "?" in line:
            # the options on the question's own line: "... most likely? (A) HLH (B) miliary TB (C) AOSD"
            tail_at = line.index("?") + 1
            letters = list(re.finditer(r"(?:(?<=\s)|^)[(\[]?([A-Ha-h])[).\]:][ \t]+\S", line[tail_at:]))
            if len(letters) >= 3 and [x.group(1).lower() for x in letters] == list("abcdefgh"[:len(letters)]) \
                    and not line[tail_at:tail_at + letters[0].start()].strip():
                out[at + tail_at:at + len(line)] = " " * (len(line) - tail_at)
                asked = False
        k += 1
    return "".join(out)


_HL7_SEGMENT = re.compile(r"(?m)^[ \t]*(?P<seg>[A-Z][A-Z0-9]{2})\|.*$")


def hl7_segments(text: str) -> str:
    """HL7 v2 result messages pasted from a lab interface read as what they report: an OBX segment keeps its test's
    name, its value and its unit ("OBX|3|NM|777-3^Platelets^LN||41|10*3/uL|150-400|LL|||F" reads "Platelets 41
    10*3/uL"), an NTE its comment; the header segments (MSH, PID, OBR ...) and every other field are blanked in
    place, so offsets stay true."""
    if "|" not in text or not re.search(r"(?m)^[ \t]*(?:MSH|OBX|OBR|NTE)\|", text):
        return text
    def line(mt: re.Match[str]) -> str:
        seg, raw = mt.group("seg"), mt.group(0)
        out = [" "] * len(raw)
        starts, pos = [], 0
        for field in raw.split("|"):
            starts.append((pos, field))
            pos += len(field) + 1
        keep: list[tuple[int, str]] = []
        if seg == "OBX" and len(starts) > 5:
            at, ident = starts[3]
            parts = ident.split("^")
            if len(parts) > 1 and parts[1].strip():  # ("Blasts/100 WBC": blasts per hundred white cells)
                keep.append((at + len(parts[0]) + 1, re.sub(r"/100\s*\w+", lambda m: " " * len(m.group(0)), parts[1])))
            keep += starts[5:7]  # the value, and its unit where there is one
        elif seg == "NTE" and len(starts) > 3:
            keep.append(starts[3])
        for at, field in keep:
            out[at:at + len(field)] = field.replace("^", " ")
        return "".join(out)
    return _HL7_SEGMENT.sub(line, text)


# A table exported as delimited text (CSV, or ";" with decimal commas): a header row of column names, then rows.
_CSV_DELIMITERS = (",", ";")
_CSV_NAME = re.compile(r"[^\W\d_][\w .%#/^*()'-]{0,39}")  # "hb_g_dl", "MARROW_SUVMAX", "Temp(C)", "jak2 v617f"
_CSV_NUMBER = re.compile(r"[<>≤≥]?\d+(?:[.,]\d+)?")
# the columns of a long table: the test's name and its result ("collected,test,result,units,flag")
_CSV_TEST = {"test", "test_name", "testname", "test name", "analyte", "parameter", "component", "observation", "item",
             "name", "lab", "exam", "examen", "prueba", "analyse", "analisi", "parametro", "parámetro", "parameter_name",
             "badanie", "test_description", "description", "result_name", "obs", "observation_name"}
_CSV_VALUE = {"value", "result", "res", "result_value", "value_num", "valor", "resultado", "wert", "ergebnis", "valeur",
              "résultat", "resultat", "valore", "risultato", "wynik", "waarde", "uitslag", "obs_value", "numeric_value"}
_CSV_UNIT = {"unit", "units", "uom", "unidad", "unidades", "einheit", "unité", "unite", "unità", "jednostka", "eenheid",
             "value_unit", "result_unit", "units_of_measure"}
_CSV_ID = {"mrn", "id", "pt_id", "patient_id", "patient", "pid", "nhs", "nhs_number", "accession", "specimen_id",
           "sample_id", "encounter", "encounter_id", "visit", "visit_id", "record", "record_id", "subject", "subject_id"}
_CSV_COMMENT = {"comment", "comments", "note", "notes", "comentario", "kommentar", "commentaire", "commento", "uwagi"}
_CSV_DATE = {"date", "collected", "collection_date", "collected_at", "datetime", "date_time", "time_collected",
             "specimen_date", "result_date", "resulted", "obs_date", "effective", "fecha", "datum", "data", "date_prélèvement"}
# a unit written into a snake-case column name ("hb_g_dl", "wbc_10e9", "jak2_vaf_pct", "spleen_cm")
_CSV_UNIT_PARTS = {"g", "dl", "l", "ml", "ul", "mcl", "10e9", "10e12", "10e3", "x10e9", "10^9", "10_9", "giga", "g_l", "ug",
                   "mg", "ng", "pg", "mmol", "umol", "µmol", "iu", "u", "mu", "pct", "percent", "cm", "mm", "fl", "s",
                   "sec", "c", "f", "bpm", "mmhg", "per"}
_CSV_COUNT_UNITS = {"x10^9/l", "x10^12/l", "x10^3/ul", "g/dl", "g/l", "10^9/l", "10^12/l"}
_CSV_UNIT_READ = {"pct": "%", "percent": "%", "10e9": "x10^9/L", "x10e9": "x10^9/L", "10e12": "x10^12/L", "10e3": "x10^3/uL",
                  "c": "°C", "f": "°F"}


def _csv_cells(line: str, delimiter: str) -> list[str]:
    """A delimited line's cells, quotes taken off ('2024-09-10,"warm AIHA - ?lymphoma",3.6')."""
    return [c.strip() for c in next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))]


def _csv_name(name: str) -> tuple[str, str]:
    """A column name read as words and the unit written into it: "hb_g_dl" is ("hb", "g/dl"), "wbc_10e9" ("wbc",
    "x10^9/L"), "MARROW_SUVMAX" ("MARROW SUVMAX", ""), "Temp_C" ("Temp", "°C")."""
    if (u := _NAME_UNIT.fullmatch(name)) is not None:  # "Temp(C)", "Hb (g/L)"
        return u.group(1).strip(), _CSV_UNIT_READ.get(u.group(2).lower(), u.group(2))
    parts = name.split("_")
    cut = next((i for i in range(1, len(parts)) if all(p.lower() in _CSV_UNIT_PARTS for p in parts[i:])), len(parts))
    unit = parts[cut:]
    if len(unit) == 1:
        read = _CSV_UNIT_READ.get(unit[0].lower(), unit[0])
    else:
        read = "/".join(unit)
    return " ".join(parts[:cut]), read


def _csv_key(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


def _csv_date_key(cell: str) -> tuple[int, ...] | None:
    """A date cell as something to sort by (ISO "2024-01-15", or day first "15/01/2024"), or None."""
    if (mt := re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?", cell)) is not None:
        return tuple(int(g or 0) for g in mt.groups())
    if (mt := re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ](\d{1,2}):(\d{2}))?", cell)) is not None:
        return int(mt.group(3)), int(mt.group(2)), int(mt.group(1)), int(mt.group(4) or 0), int(mt.group(5) or 0)
    return None


def _lay(lines: list[str], texts: list[str]) -> list[str] | None:
    """Whole texts laid into the given lines in order, each line padded to its own length (so offsets stay true), or
    None when they do not fit."""
    out, k = [], 0
    for x in lines:
        line = ""
        while k < len(texts) and len(line) + len(texts[k]) + (1 if line else 0) <= len(x):
            line = f"{line} {texts[k]}" if line else texts[k]
            k += 1
        out.append(line.ljust(len(x)))
    return out if k == len(texts) else None


def _pair(name: str, value: str, unit: str) -> str:
    """A table cell said as its column's name, its value and the unit the name carries: "Hb 8,7 g/dl,", "T 38.9°C,"
    (a degree sign stays glued to its value)."""
    return f"{name} {value}{'' if unit.startswith('°') or not unit else ' '}{unit},"


def delimited_tables(text: str) -> str:
    """A table exported as CSV (or with ";" between cells) is read as what it reports. A long table, a row per
    result ("collected,test,result,units,flag" / "2023-11-02,ANC,0.2,x10^9/L,LL"), reads each test's newest row as
    "ANC 0.2 x10^9/L", in that row's own line; older rows of the same test and the header become blanks. A wide
    table, a column per measure ("wbc_10e9,hb_g_dl,plt_10e9" / "2.1,8.4,33"), reads its newest row as name-value
    pairs ("wbc 2.1 x10^9/L, hb 8.4 g/dl, plt 33 x10^9/L,") laid into the table's own lines. The text keeps its
    length and its offsets."""
    if "\n" not in text or ("," not in text and ";" not in text):
        return text
    lines = text.split("\n")
    n = 0
    while n < len(lines) - 1:
        line = lines[n]
        delimiter = next((d for d in _CSV_DELIMITERS if line.count(d) >= 2), None)
        if delimiter is None or "|" in line:
            n += 1
            continue
        try:
            head = _csv_cells(line, delimiter)
        except csv.Error:
            n += 1
            continue
        if len(head) < 3 or not all(_CSV_NAME.fullmatch(c) for c in head) or any(
                _CSV_NUMBER.fullmatch(w) for c in head for w in re.sub(r"\([^()]*\)", " ", c).split()):
            n += 1  # (a sentence's list "fever, cough, night sweats" has no rows of values under it)
            continue
        rows: list[list[str]] = []
        k = n + 1
        while k < len(lines):
            try:
                cells = _csv_cells(lines[k], delimiter) if lines[k].strip() else []
            except csv.Error:
                break
            if cells and len(cells) == len(head) + 1 and not cells[-1]:
                cells = cells[:-1]  # a trailing delimiter
            if len(cells) != len(head) or not any(_CSV_NUMBER.match(c) for c in cells):
                break
            rows.append(cells)
            k += 1
        if not rows:
            n += 1
            continue
        keys = [_csv_key(c) for c in head]
        test = next((i for i, c in enumerate(keys) if c in _CSV_TEST), None)
        value = next((i for i, c in enumerate(keys) if c in _CSV_VALUE), None)
        if test is not None and value is not None:
            unit = next((i for i, c in enumerate(keys) if c in _CSV_UNIT), None)
            comment = next((i for i, c in enumerate(keys) if c in _CSV_COMMENT), None)
            date = next((i for i, c in enumerate(keys) if c in _CSV_DATE), None)
            newest: dict[str, int] = {}  # each test's newest row: by its date, or the last
            for r, cells in enumerate(rows):
                name = cells[test].lower()
                if name in newest and date is not None:
                    was, now = _csv_date_key(rows[newest[name]][date]), _csv_date_key(cells[date])
                    if was is not None and now is not None and now < was:
                        continue
                newest[name] = r
            out = [" " * len(line)]
            for r, cells in enumerate(rows):
                said = " ".join(c for c in (cells[test], cells[value], cells[unit] if unit is not None else "",
                                            cells[comment] if comment is not None else "") if c) + ","
                row_line = lines[n + 1 + r]
                out.append(said.ljust(len(row_line)) if newest.get(cells[test].lower()) == r and len(said) <= len(
                    row_line) else " " * len(row_line))
            lines[n:k] = out
        else:
            last = _table_values(head, rows)
            # when the pairs do not fit the table's lines, a record's number and its dates and times go first, then
            # the units of counts ("hb 8.4," is still read in g/dL by its size), then the others but a hormone's
            # ("epo 1.9 mu/ml" is a level in the blood, "epo 1.9" the drug)
            for tier in range(4):
                pairs = []
                for name, key, cell in zip(head, keys, last, strict=True):
                    if not cell or (tier and (key in _CSV_ID or "date" in key or "time" in key or key in _CSV_DATE)):
                        continue
                    words, unit_read = _csv_name(name)
                    if (tier == 2 and unit_read.lower() in _CSV_COUNT_UNITS) or (tier == 3 and not (
                            unit_read.startswith("°") or "/ml" in unit_read.lower())):
                        unit_read = ""
                    pairs.append(_pair(words, cell, unit_read))
                if (laid := _lay(lines[n:k], pairs)) is not None:
                    lines[n:k] = laid
                    break
        n = k
    return "\n".join(lines)


# A contingency in a plan or a handover: "If T > 38.5 → cultures + pip-taz", "Si fièvre ≥ 38,3 : hémocs",
# "Falls Fieber > 38,0 → BK", "If ANC < 0.5 on D+21, discuss": what follows "if" is a condition, not a finding.
# The condition starts its clause; it runs to an arrow on its line, or (for the words that cannot mean anything
# else) to a comma, a colon, "then" or the sentence's end.
_IF_STRICT = (r"if|si|falls|wenn|jeśli|jeżeli|jezeli|если|hvis|indien|in case of|in the event of|en cas de|en caso de|"
              r"in caso di|em caso de|im falle von|im fall von")
_IF_LOOSE = r"se|als|om|och om|ifall|mikäli|jos|εάν|αν|ha|dacă|daca|pokud|ako|eğer|ako je"
_CLAUSE_START = (r"(?:^|(?<=[.;!?•*(\n])|(?<=[.;!?•*(]\s)|(?<=\s[-–—>]\s)|(?<=^[-–—>]\s)|(?<=:\s)"
                 r"|(?<=\d\)\s))[ \t]*")  # ("2) if temperature of 38 °C or more, ...": a numbered item)
_TO_DO = r"(?:[☐☑☒□■✓✔•*-][ \t]*|\[[ xX✓]?\][ \t]*)?"  # a to-do's box or bullet ("☐ if T >= 38 -> BCx")
_CONTINGENCY_ARROW = re.compile(rf"(?im){_CLAUSE_START}{_TO_DO}(?P<c>(?:{_IF_STRICT}|{_IF_LOOSE})\b[^\n→⇒]{{1,90}}?)"
                                rf"(?=[ \t]*(?:→|->|=>|⇒|>>|-->))")
_CONTINGENCY_CLAUSE = re.compile(rf"(?im){_CLAUSE_START}{_TO_DO}(?P<c>(?:{_IF_STRICT})\b(?:[^\n,;:]|[,:](?=\d)){{1,120}}?)"
                                 rf"(?=,\s|;|:\s|\s[-–—]\s|\s+then\b|\s+alors\b|\s+dann\b|\.(?:\s|$)|$)")
# a threshold to act on, after "if" or "until" inside a sentence ("Discuss G-CSF with haem if ANC < 0.5", "transfuse if Hb
# below 7"): only the condition is blanked, what comes before it stays the note's
_TRAILING_IF = re.compile(r"(?i)(?<=\s)(?:if|until|wenn|falls|bis|si|se|als)\s+(?P<c>[^\n.;,:()]{1,40}?(?:[<>≤≥]=?|\b(?:below|above|"
                          r"under|over|less than|more than|greater than)\b)\s*\d+(?:[.,]\d+)?(?:\s*[x×]\s*10\S*)?)")
# what a condition's consequence runs to: after an arrow, its sentence; after a comma or colon, its item
_THEN_END = re.compile(r"[^\n;|]*?(?=\.(?:\s|$)|[\n;|]|$)")
_THEN_ITEM = re.compile(r"(?:[ \t]*(?:,|:|\bthen\b|\balors\b|\bdann\b))?(?:[^\n;|,]|,(?=\d))*?"
                        r"(?=\.(?:\s|$)|[\n;|]|,\s|\s[-–—]\s|$)")
_SENTENCE_REST = re.compile(r"[^\n]*?(?=\.(?:\s|$)|[\n;]|$)")  # the rest of a sentence, line or item
# safety-netting: the advice at the end of a condition of several items ("if new back pain with leg weakness,
# numbness or bladder problems, call the hospice urgently")
_ADVICE = re.compile(r"(?i)(?:,\s*|\s+(?:we\s+will|we'll|we\s+would|we\s+shall|patient\s+to|pt\s+to|she\s+should|"
                     r"he\s+should|they\s+should|please)\s+)(?:please\s+|then\s+)?(?:call|contact|ring|phone|seek|return|"
                     r"attend|come\s+back|go\s+to|"
                     r"page|bleep|escalate|notify|alert|tell\s+us|let\s+us\s+know)\b")
_THRESHOLD = re.compile(r"[<>≥≤]|\b(?:above|below|over|under|more than|less than|greater than|exceeds?|drops?|or more|"
                        r"or above|or higher|or less|or below|and above|at least|ou plus|o más|o mas|o più|oder mehr|ou mais|"
                        r"falls?|rises?|supérieure?|inférieure?|mayor|menor|über|unter|sopra|sotto|acima|abaixo)\b",
                        re.IGNORECASE)
# "if" that opens no contingency: "as if", "even if", "if any", "if needed", "if so", "if not", "if present"
_NOT_CONTINGENCY = re.compile(r"(?i)^(?:if|si|se)\s+(?:any|needed|required|so|not|present|possible|available|"
                              r"indicated|necessary|applicable|appropriate|tolerated|no|non|sí|oui|yes|nécessaire|"
                              r"necesario|necessario|besoin|needed\b)\b")


# safety-netting advice with its list ("Report immediately if: fever, LUQ pain, bleeding", "Return to ED if any of:
# fever > 38, new back pain"): what to come back for, not what the patient has; to the end of its line
_SAFETY_NET = re.compile(r"(?im)\b(?:report|return|attend|come\s+back|re-?present|contact\s+(?:us|the\s+\w+)|seek\s+"
                         r"(?:urgent\s+|medical\s+)*(?:advice|help|attention|review)|call|phone|ring)\s+"
                         r"(?:\w+\s+){0,3}?if(?:\s+any\s+of)?\s*:(?P<c>[^\n]*)")


def contingencies(text: str) -> str:
    """A plan's conditions ("If T > 38.5 → cultures", "Si fiebre → hemocultivos", "If ANC < 0.5 on D+21, discuss")
    become blanks in place, so a threshold to act on is not read as the patient's value. Offsets stay true."""
    low = text.lower()
    if not re.search(rf"\b(?:{_IF_STRICT}|{_IF_LOOSE})\b", low):
        return text
    def blank(mt: re.Match[str], arrow: bool = True) -> str:
        cond = mt.group("c")
        if _NOT_CONTINGENCY.match(cond):
            return mt.group(0)
        end: int | None = None
        if not arrow:
            sentence = _SENTENCE_REST.match(text, mt.end())
            assert sentence is not None  # (it matches at every position)
            if _ADVICE.search(sentence.group(0)) or _ADVICE.search(cond):
                # (or inside it: "if blasts are reported we will contact the patient and arrange admission")
                end = sentence.end()  # the condition runs to the advice, blanked with it to the sentence's end
            elif not (_THRESHOLD.search(cond) or len(cond.split()) <= 3):
                # (without an arrow to act on, a condition is a threshold or a few words: "If ANC < 0.5 on D+21,
                # discuss", "Si fiebre: hemocultivos"; not "If bone pain with Neulasta is troublesome again next
                # cycle, consider ...", nor the Tagalog article in "Si patient ay 62 y/o, may lagnat")
                return mt.group(0)
        if end is None:
            # the condition and what is to be done then ("→ G-CSF per haem", ": hémocs x2 + pipé-tazo"), to the end
            # of its sentence, line or item: a drug to give if it happens is not a drug given
            then = (_THEN_END if arrow else _THEN_ITEM).match(text, mt.end())
            end = then.end() if then is not None else mt.end()
        return mt.group(0)[:mt.start("c") - mt.start()] + _blank(text[mt.start("c"):end])
    text = _sub_with_tail(_CONTINGENCY_ARROW, blank, text)
    text = _SAFETY_NET.sub(_blank_condition, text)
    text = _sub_with_tail(_CONTINGENCY_CLAUSE, lambda mt: blank(mt, arrow=False), text)
    # "Discuss G-CSF with haem if ANC < 0.5", "until ANC > 1.0": a threshold after "if" or "until" inside a sentence is
    # the plan's, not a value
    return _TRAILING_IF.sub(_blank_condition, text)


def _blank_condition(mt: re.Match[str]) -> str:
    """A match with its condition (group "c") blanked in place and what stands before it kept."""
    return mt.group(0)[:mt.start("c") - mt.start()] + _blank(mt.group("c"))


def _sub_with_tail(pattern: re.Pattern[str], blank: Callable[[re.Match[str]], str], text: str) -> str:
    """pattern.sub, where the replacement may also cover text after the match (it returns more than the match)."""
    out, at = [], 0
    for mt in pattern.finditer(text):
        if mt.start() < at:
            continue
        said = blank(mt)
        out.append(text[at:mt.start()])
        out.append(said)
        at = mt.start() + len(said)
    out.append(text[at:])
    return "".join(out)


# the marrow's uptake as a multiple of the liver's ("Marrow SUVmax 5.1, ~1.5× liver", "marrow 1.8 times the liver")
_LIVER_MULTIPLE = re.compile(r"(?i)(?<![\w.,])~?(?P<n>\d(?:[.,]\d{1,2})?)[ \t]*(?:[x×]|times|fois|veces|volte|mal|keer)"
                             r"[ \t]+(?:(?:that[ \t]+of[ \t]+)?the[ \t]+|le[ \t]+|el[ \t]+|il[ \t]+|del[ \t]+|de[ \t]+la[ \t]+|"
                             r"der[ \t]+)?(?:liver|foie|hígado|higado|fegato|leber|lever)\b")
_MARROW_BEFORE = re.compile(r"(?i)\b(?:marrow|bm|médullaire|medullar|midollare|knochenmark|beenmerg)\b")
_OTHER_BEFORE = re.compile(r"(?i)\b(?:spleen|splenic|rate|bazo|milza|milz|milt|nodes?|lesion|focus|mass|tumou?r)\b")


def liver_multiples(text: str) -> str:
    """The marrow's uptake given as a multiple of the liver's reads as its marrow-to-liver ratio: "Marrow SUVmax 5.1,
    ~1.5× liver" is "BLR 1.5" (padded in place, so offsets stay true). Only where the marrow was named last in the
    clause before it, not the spleen, a node or a lesion."""
    if "liver" not in text.lower() and not re.search(r"(?i)foie|h[íi]gado|fegato|leber|lever", text):
        return text

    def ratio(mt: re.Match[str]) -> str:
        before = text[max(0, mt.start() - 60):mt.start()]
        before = re.split(r"\.(?!\d)|[;\n]", before)[-1]
        marrow = list(_MARROW_BEFORE.finditer(before))
        if not marrow or _OTHER_BEFORE.search(before[marrow[-1].end():]):
            return mt.group(0)
        said = f"BLR {mt.group('n')}"
        return said.ljust(len(mt.group(0))) if len(said) <= len(mt.group(0)) else mt.group(0)
    return _LIVER_MULTIPLE.sub(ratio, text)


def loinc_names(text: str) -> str:
    """A results viewer's LOINC long names read as their component: the property and system are blanked in place."""
    if "[" not in text:
        return text
    return _LOINC_PART.sub(lambda mt: " " * len(mt.group(0)), text)


def ascii_forms(text: str) -> str:
    """The text with Eastern Arabic, Persian and full-width digits written as 0-9 (and Arabic and East Asian
    punctuation as ASCII), one character for one."""
    return text.translate(_ASCII_FORMS)


def said_phrases(words: Iterable[str]) -> re.Pattern[str] | None:
    """Whole phrases as one case-blind pattern, longest first, any run of spaces or tabs between their words ("full
    stop", "new  Lasta"); None for no phrases."""
    return re.compile(r"(?<![^\W_])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True)) + r")(?![^\W_])",
        re.IGNORECASE) if words else None


class DictationMarks:
    """Punctuation said aloud and left in the text by voice recognition ("no fevers comma no sweats full stop new
    paragraph"), written as the mark itself and padded with spaces, so every offset into the text stays true. Read
    after the spoken numbers, so "acht Komma eins" is already 8.1."""

    _SIGNS: ClassVar[dict[str, str]] = {"full_stop": ".", "comma": ",", "semicolon": ";", "question_mark": "?", "new_line": "\n",
                                         "percent": "%", "colon": ":"}

    def __init__(self, marks: dict[str, list[str]]):
        self.mark = {w.lower(): self._SIGNS[m] for m, words in marks.items() for w in words}
        self.pattern = said_phrases(self.mark)
        # the percent and colon words are read before the spoken numbers ("optzeci și opt la sută": "sută" is a
        # hundred too; "deux points": not the number two)
        self.early = said_phrases({w: m for w, m in self.mark.items() if m in {"%", ":"}})

    # "PET colon sue V max", "Family history colon mother had ...": in a dictated note, "colon" right after a heading of
    # one or two words at the start of a sentence is the mark (not after the bowel's own words: "sigmoid colon")
    _HEADED_COLON = re.compile(r"(?im)(?:^|(?<=[.;]))(?P<head>[ \t]*[^\W\d_][\w/-]*(?:[ \t]+[^\W\d_][\w/-]*)?)[ \t]+"
                               r"(?P<mark>colon)(?![\w-])")
    _BOWEL_WORDS = frozenset({"sigmoid", "ascending", "descending", "transverse", "right", "left", "the", "distal",
                              "proximal", "of", "in", "a", "his", "her", "whole", "entire", "spastic", "irritable"})

    def read_headed_colons(self, text: str) -> str:
        def mark(m: re.Match[str]) -> str:
            if m.group("head").split()[-1].lower() in self._BOWEL_WORDS:
                return m.group()
            return m.group()[:m.start("mark") - m.start()] + ":".ljust(len(m.group("mark")))

        return self._HEADED_COLON.sub(mark, text)

    def read_before_numbers(self, text: str) -> str:
        return self.read(text, self.early) if self.early is not None else text

    def read(self, text: str, pattern: re.Pattern[str] | None = None) -> str:
        pattern = pattern or self.pattern
        if pattern is None:
            return text

        def mark(m: re.Match[str]) -> str:
            said = m.group().lower()
            sign = self.mark.get(said) or self.mark.get(re.sub(r"[ \t]+", " ", said), "")
            return sign.ljust(len(m.group())) if len(sign) <= len(m.group()) else m.group()

        return pattern.sub(mark, text)


class SoundAlikes:
    """Words that voice recognition wrote as it heard them, read as the word that was said, in place and padded with
    spaces so every offset into the text stays true:
    - the known sound-alikes the language file lists ("new Lasta" -> "neulasta", "fiber noggin" -> "fibrinogen");
    - a term's letters said one by one ("L D H", "H I V", "G C S F");
    - a term cut into pieces ("plate lets", "Thrombo Zyten", "Leuko erythroblastisches Blutbild"): pieces that join
      into a word of the vocabulary's terms, when one of them is no word the vocabulary knows;
    - in a note that shows it was dictated (punctuation said aloud), pieces that join into something close to such a
      term ("hem a globin", "sue V max", "rig ores"), with the same first letter.
    A replacement longer than what it replaces is not made."""

    _WORD = re.compile(r"[^\W\d_]+")
    _LETTERS = re.compile(r"(?<![\w.])[A-Z](?:[ ][A-Z]){1,4}(?![\w])")

    def __init__(self, spellings: dict[str, str], targets: set[str], known: set[str], cutoff: float,
                 min_length: int = 6, words: set[str] | None = None):
        self.spellings = {k.lower(): v for k, v in spellings.items()}
        self.pattern = said_phrases(self.spellings)
        self.targets = {t for t in targets if len(t) >= min_length and t.isalpha()}
        self.by_letter: dict[str, list[str]] = {}
        for t in sorted(self.targets):
            self.by_letter.setdefault(t[0], []).append(t)
        # an exact join may make any word of a term ("Leuko erythroblastisches Blutbild"); a close one only a term
        self.words = self.targets | {w for w in (words or ()) if len(w) >= min_length and w.isalpha()}
        self.known = known
        self.cutoff = cutoff
        self.min_length = min_length

    def _spelled(self, m: re.Match[str]) -> str:
        said = self.spellings[re.sub(r"[ \t]+", " ", m.group().lower())]
        return said.ljust(len(m.group())) if len(said) <= len(m.group()) else m.group()

    def _joined(self, pieces: list[str], dictated: bool) -> str | None:
        """The word pieces of one run join into, or None."""
        # (a one-letter word at either end is a word of its own: the Czech "and" in "a symetricky")
        if all(p in self.known for p in pieces) or len(pieces[0]) < 2 or len(pieces[-1]) < 2:
            return None
        joined = "".join(pieces)
        if joined in self.words:
            return joined
        if dictated and len(joined) >= self.min_length:
            best = process.extractOne(joined, self.by_letter.get(joined[0], ()), scorer=fuzz.ratio,
                                      score_cutoff=self.cutoff)
            if best is not None and abs(len(best[0]) - len(joined)) <= 3:
                return str(best[0])
        return None

    def read(self, text: str, dictated: bool) -> str:
        if self.pattern is not None:
            text = self.pattern.sub(self._spelled, text)
        text = self._LETTERS.sub(lambda m: m.group().replace(" ", "").ljust(len(m.group())), text)
        words = list(self._WORD.finditer(text))
        i = 0
        while i < len(words):
            for k in (4, 3, 2):
                run = words[i:i + k]
                if len(run) < k or any(text[a.end():b.start()] not in {" ", "-"} for a, b in itertools.pairwise(run)):
                    continue
                word = self._joined([m.group().lower() for m in run], dictated)
                start, end = run[0].start(), run[-1].end()
                if word is not None and len(word) <= end - start:
                    text = text[:start] + word.ljust(end - start) + text[end:]
                    i += k
                    break
            else:
                i += 1
        return text


class TranscriptTurns:
    """A consultation transcript's speaker labels ("DOC:", "Pt:", "Dr Fitzgerald:", "MUM:", "[14:05] Patient:") are
    the transcript's furniture, written as spaces in place so every offset stays true; and a question's line runs on
    into the next speaker's answer, so the two read as one ("Dr: Any night sweats?\nPt: No." is "Any night sweats?
    No."). Only in a text with two or more different speakers' labels, each at the start of a line or right after a
    sentence ends ("Dr: Any fevers? Pt: No, nothing. Wife: That's not true, ...")."""

    _FIRST_CLAUSE = re.compile(r"[^.,;:!?…\n]*")
    _NO_LEADS = ("not ", "never", "nothing", "none", "nah", "nope", "nunca", "jamais", "nie ", "niet ", "nicht ",
                 "non ", "não ", "no ")

    def __init__(self, speakers: list[str], yes: list[str] | None = None, no: list[str] | None = None,
                 doubt: list[str] | None = None, prompts: list[str] | None = None):
        self.yes = {w.lower() for w in yes or ()}
        # a turn asking without a question mark ("Tell me about the pain."): its last sentence starts with a prompt
        self.prompt = re.compile(r"(?i)(?:^|[.!?…]\s+)(?:" + alternation(prompts) + r")(?!\w)[^.!?…\n]*\.$"
                                 ) if prompts else None
        self.no = {w.lower() for w in no or ()}
        doubting = phrase_pattern([*(doubt or ()), "perhaps", "possibly", "i think", "quizás", "tal vez", "peut-être",
                                   "vielleicht", "forse", "talvez", "misschien", "kanske"])
        assert doubting is not None  # (the built-in words are always there)
        self.doubt = doubting
        said = alternation(speakers)
        self.label = re.compile(
            rf"(?im)(?P<lead>(?:^[ \t]*|(?<=[.?!…])[ \t]+)(?:\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]*)?)"
            rf"(?P<who>(?:{said})\.?(?:[ \t]+\d|(?:[ \t]+[A-Z][\w'’-]*\.?){{0,2}}))[ \t]*:(?=[ \t])"
            ) if said else None

    def read(self, text: str) -> str:
        if self.label is None or ":" not in text:
            return text
        found = list(self.label.finditer(text))
        who = [m.group("who").lower() for m in found]
        # (a header's "Patient: M, 34 y." and "Consultant: Dr R. Okafor" are fields, not turns: a transcript has a
        # speaker who comes back, or a question one speaker asks and another answers)
        if len(set(who)) < 2 or not (len(set(who)) < len(who) or any(
                self._asks(text[a.end():b.start()].rstrip()) for a, b in itertools.pairwise(found))):
            return text
        out = list(text)
        for k, m in enumerate(found):
            out[m.start():m.end()] = [c if c in "\r\n" else " " for c in text[m.start():m.end()]]  # (and its time)
            if k and found[k - 1].group("who").lower() != m.group("who").lower():
                turn = text[found[k - 1].end():m.start()]
                asked = turn.rstrip()
                if not asked.endswith("?") and self._asks(asked):
                    # "Tell me about the pain." asks as a question does
                    out[found[k - 1].end() + len(asked) - 1] = "?"
                    asked = asked[:-1] + "?"
                if asked.endswith("?"):
                    # the question's line runs on into the answer's ("Dr: Night sweats?" / "Pt: Yes, drenching.")
                    at = found[k - 1].end() + len(asked)
                    out[at:m.start()] = [" " if c in "\r\n" else c for c in text[at:m.start()]]
                    said = self._said(text, m, found[k + 1].start() if k + 1 < len(found) else len(text))
                    if said and m.end() - m.start("who") >= len(said) and m.end() < len(text) \
                            and text[m.end()] in " \t":
                        # an answer that is not a plain yes or no: said in place of the label, so the question
                        # reads as answered ("Any night sweats? Pt: Soaking, most nights." is a yes; "Any fevers?
                        # Pt: Not since the chemo finished." a no)
                        out[m.end() - len(said):m.end() + 1] = list(said + ",")
        assert len(out) == len(text)  # (every offset stays true)
        return "".join(out)

    def _asks(self, turn: str) -> bool:
        """A turn that asks: it ends with a question mark, or its last sentence starts with a prompt ("Tell me about
        the pain.")."""
        return turn.endswith("?") or (turn.endswith(".") and self.prompt is not None
                                      and self.prompt.search(turn.strip()) is not None)

    def _said(self, text: str, m: re.Match[str], end: int) -> str | None:
        """What an answer says to the question before it, when its first words are not already a plain yes or no:
        "no" for an answer that starts by denying, "yes" for one that tells of it; None for a doubt, a question
        back, or an answer the reader takes as it is."""
        answer = text[m.end():end].strip().lower()
        first = self._FIRST_CLAUSE.match(answer)
        clause = first.group().strip() if first else ""
        if not answer or clause in self.yes or clause in self.no:
            return None  # ("No, nothing.", "Yes, drenching.", "Not that I've noticed.": read as they are)
        if self.doubt.search(clause) or re.match(r"[^.!…]*\?", answer):
            return None  # ("Maybe? My trousers feel looser", "Is that bad?")
        if re.match(r"(?:it's |it’s |it is )?(?:mostly |mainly )?(?:in )?my ", answer):
            return None  # ("How's the pain? / It's my lower back": it tells where, and reads on with the question)
        return "no" if answer.startswith(self._NO_LEADS) else "yes"


class SpokenCorrections:
    """A dictating clinician's correction of what was just said ("temp thirty eight point nine, scratch that, thirty
    seven point nine", "Kein Fieber, Entschuldigung, streichen, Fieber bis 39,2", "Febbre no, scusa, febbre sì"): what
    it takes back becomes blanks in place, with the correction words, so every offset stays true. When a number
    follows the correction it replaces the last number before it ("Hb 9.1, sorry, 8.1"; "in 2018 for myeloma, sorry,
    2021"); otherwise the whole item before it is taken back, to the last comma or the start of its sentence. A
    correction word counts only between commas (after the dictated punctuation has been written as marks), so "Sorry
    for the delay" and "no rash, I mean none" said plainly are not corrections."""

    _NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
    _ITEM_START = re.compile(r"[,.;:\n]")

    def __init__(self, words: list[str]):
        said = alternation([w.lower() for w in words])
        # "..., sorry, I mean ...", "..., no, sorry, ...", "... — scratch that — ...", one or more correction words
        self.pattern = re.compile(
            rf"(?i)[ \t]*[,、—–-][ \t]*(?:(?:no|nein|non|nee|nej|nie|não)[ \t]*,[ \t]*)?"
            rf"(?:(?:{said})(?![^\W_])[ \t]*[,、—–-]?[ \t]*)+"
            ) if said else None

    def read(self, text: str) -> str:
        if self.pattern is None:
            return text
        out = text
        for mt in self.pattern.finditer(text):
            line_start = text.rfind("\n", 0, mt.start()) + 1
            before = text[line_start:mt.start()]
            after = text[mt.end():]
            if not before.strip() or not after.strip():
                continue
            if self._NUMBER.match(after.lstrip()):
                numbers = list(self._NUMBER.finditer(before))
                if not numbers:
                    continue
                last = numbers[-1]
                start = line_start + last.start()
                if before[last.end():].strip(" \t,"):
                    # words stand between the number and the correction ("in 2018 for myeloma, sorry, 2021"): the
                    # number alone is taken back, then the correction words
                    out = out[:start] + _blank(text[start:line_start + last.end()]) + out[line_start + last.end():]
                    start = mt.start()
            else:
                item = [m.end() for m in self._ITEM_START.finditer(before)]
                start = line_start + (item[-1] if item else 0)
            out = out[:start] + _blank(text[start:mt.end()]) + out[mt.end():]
        return out


class _NumberWords(NamedTuple):
    """One language's number words, ready to read: single words, multi-word keys, decimal words, joiners, the
    ambiguous words, the pattern that splits glued compounds, and the endings kept after a number."""

    single: dict[str, int]
    multi: dict[tuple[str, ...], int]
    decimal: set[str]
    joiners: set[str]
    ambiguous: set[str]
    glued: re.Pattern[str] | None
    suffixes: tuple[str, ...]


class SpokenNumberReader:
    """Numbers said in words, as dictation writes them, read as digits in place ("haemoglobin eight point one" ->
    "haemoglobin 8.1", "piastrine quarantadue" -> "piastrine 42", "achtunddreißig Komma sechs" -> "38.6"), padded
    with spaces so every offset into the text stays true. A run of number words is read when it has a decimal word
    between number words, two or more number words, or one word that is nothing else ("twelve", not "one" or "a");
    words join only from larger to smaller ("forty two", not "two three"), and a joiner ("and", "y", "e", "et") only
    after a tens or larger ("one hundred and twelve", not "cycles two and three")."""

    _WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

    def __init__(self, languages: dict[str, tuple[dict[str, int], list[str], list[str], list[str], list[str]]]):
        # language -> (words, decimal words, joiners, ambiguous words, suffixes), all lower case
        self.langs: list[_NumberWords] = []
        for words, decimal, joiners, ambiguous, suffixes in languages.values():
            single = {k: v for k, v in words.items() if " " not in k and "-" not in k}
            multi = {tuple(re.split(r"[ -]+", k)): v for k, v in words.items() if " " in k or "-" in k}
            pieces = sorted([*single, *joiners], key=len, reverse=True)
            glued = re.compile("(?:" + "|".join(re.escape(p) for p in pieces) + ")") if pieces else None
            self.langs.append(_NumberWords(single, multi, set(decimal), set(joiners), set(ambiguous), glued,
                                           tuple(sorted(suffixes, key=len, reverse=True))))
        self.known = {w for lex in self.langs for w in (*lex.single, *lex.decimal)} | {
            k[0] for lex in self.langs for k in lex.multi}

    @staticmethod
    def _parts(lex: _NumberWords, word: str) -> list[int] | None:
        """The values a glued compound is made of ("zweiundvierzig" -> [2, 40]), or None."""
        if lex.glued is None or len(word) < 5:
            return None
        found = lex.glued.findall(word)
        if len(found) < 2 or "".join(found) != word:
            return None
        values = [lex.single[f] for f in found if f not in lex.joiners]
        return values if len(values) >= 2 and found[0] not in lex.joiners and found[-1] not in lex.joiners else None

    @staticmethod
    def _total(values: list[int]) -> int:
        total = current = 0
        for v in values:
            if v == 100:
                current = max(current, 1) * 100
            elif v == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current += v
        return total + current

    def read(self, text: str) -> str:
        low = text.lower()
        words = [(m.start(), m.end(), m.group()) for m in self._WORD.finditer(low)]
        if not any(w in self.known or len(w) >= 5 for _a, _b, w in words):
            return text
        out = list(text)
        # runs of two or more words first, in every language, then single words: a word two languages share
        # ("jedna", "tre") is read inside the run it belongs to ("osmdesát jedna"), not alone by the first language
        for longer in (True, False):
            for lex in self.langs:
                i = 0
                while i < len(words):
                    aged = self._aged(lex, words[i][2]) if lex.suffixes else None
                    run = (i + 1, aged) if aged else self._run(low, words, i, lex)
                    if run is None or (longer and run[0] - i < 2):
                        i += 1
                        continue
                    end_i, digits = run
                    start, end = words[i][0], words[end_i - 1][1]
                    if len(digits) <= end - start and not any(c.isdigit() for c in out[start:end]):
                        out[start:end] = list(digits.ljust(end - start))
                        words = words[:i] + words[end_i:]  # (read: not read again by the next language)
                    else:
                        i = end_i
        return "".join(out)

    def _aged(self, lex: _NumberWords, word: str) -> str | None:
        """A number glued to an ending that is kept ("einundsiebzigjähriger" -> "71-jähriger")."""
        for suffix in lex.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                stem = word[: -len(suffix)]
                values = [lex.single[stem]] if stem in lex.single and stem not in lex.joiners else self._parts(lex, stem)
                if values:
                    return f"{self._total(values)}-{suffix}"
        return None

    def _value_at(self, words: list[tuple[int, int, str]], j: int, lex: _NumberWords) -> tuple[list[int], int] | None:
        """The values of the number word(s) at j and how many words they take."""
        for key, v in lex.multi.items():
            n = len(key)
            if tuple(w for _a, _b, w in words[j:j + n]) == key:
                return [v], n
        w = words[j][2]
        if w in lex.single and w not in lex.joiners:
            return [lex.single[w]], 1
        parts = self._parts(lex, w)
        return (parts, 1) if parts else None

    def _digit_run(self, words: list[tuple[int, int, str]], i: int, lex: _NumberWords,
                   joined: Callable[[int, int], bool]) -> tuple[int, str] | None:
        """Digits said one by one ("haemoglobin one two one" is 121): two to four digit words, not starting with a
        nought, three or more when one is also an everyday word ("a six-week history", "ni en"), and no number or
        decimal word right after ("IL two six thousand two hundred", "C three nought point five two")."""
        j = i
        digits: list[int] = []
        while j < len(words) and len(digits) < 4 and (j == i or joined(j - 1, j)):
            w = words[j][2]
            if w not in lex.single or w in lex.joiners or lex.single[w] >= 10:
                break
            digits.append(lex.single[w])
            j += 1
        # (a number said digit by digit does not start with a nought: "nought four" is not 4)
        if len(digits) < 2 or digits[0] == 0 or (
                len(digits) < 3 and any(words[k][2] in lex.ambiguous for k in range(i, j))):
            return None
        if j < len(words) and joined(j - 1, j) and (self._value_at(words, j, lex) is not None
                                                    or words[j][2] in lex.decimal):
            return None  # a number goes on after the digits ("C three nought point five two" is C3 0.52)
        return j, "".join(str(d) for d in digits)

    def _run(self, low: str, words: list[tuple[int, int, str]], i: int, lex: _NumberWords) -> tuple[int, str] | None:
        first = self._value_at(words, i, lex)
        if first is None:
            return None
        values, used = first
        count = used
        lone_ambiguous = used == 1 and words[i][2] in lex.ambiguous
        j = i + used

        def joined(a: int, b: int) -> bool:  # only a space or a hyphen between two words
            return re.fullmatch(r"[ \t]*-?[ \t]*", low[words[a][1]:words[b][0]]) is not None

        while j < len(words) and joined(j - 1, j):
            w = words[j][2]
            if w in lex.joiners and j + 1 < len(words) and joined(j, j + 1) and values[-1] >= 20:
                nxt = self._value_at(words, j + 1, lex)
                if nxt is not None and nxt[0][0] < values[-1]:
                    values += nxt[0]
                    count += nxt[1]
                    j += 1 + nxt[1]
                    continue
                break
            nxt = self._value_at(words, j, lex)
            if nxt is not None and len(values) == 1 and 10 <= nxt[0][0] <= 99 and (
                    1 <= values[0] <= 9 or values[0] in (19, 20)):
                # "BP one twenty over seventy", "LDH one ninety": the hundreds said as a digit; "twenty twenty
                # one", "nineteen ninety": a year said in pairs
                values = [values[0] * 100] + nxt[0]
                count += nxt[1]
                j += nxt[1]
                continue
            if nxt is not None and nxt[1] == 1 and len(nxt[0]) == 1 and nxt[0][0] < 10 and (
                    len(values) == 1 and count == 1 and values[0] < 10):
                # "haemoglobin one two one", "platelets four one two": digits said one by one (not "four one" = 5)
                run = self._digit_run(words, i, lex, joined)
                if run is not None:
                    return run
                break
            # ("four hundred": a hundred multiplies what is below it; "eighteen thousand": a thousand comes once)
            if nxt is None or not (nxt[0][0] < values[-1] or (nxt[0][0] == 100 and values[-1] < 100)
                                   or (nxt[0][0] == 1000 and self._total(values) < 1000)):
                break
            values += nxt[0]
            count += nxt[1]
            j += nxt[1]
        digits = str(self._total(values))
        if j + 1 < len(words) and words[j][2] in lex.decimal and joined(j - 1, j) and joined(j, j + 1):
            k = j + 1
            after: list[list[int]] = []
            while k < len(words) and (k == j + 1 or joined(k - 1, k)):
                nxt = self._value_at(words, k, lex)
                # "point one five" digit by digit; "coma veinticinco" one word ("point six twelve days": six)
                if nxt is None or (after and (max(nxt[0]) >= 10 or max(after[0]) >= 10)):
                    break
                after.append(nxt[0])
                k += nxt[1]
            if after:
                flat = [v for vs in after for v in vs]
                tail = "".join(str(v) for v in flat) if all(v < 10 for v in flat) else str(self._total(flat))
                return k, f"{digits}.{tail}"
        if count < 2 and lone_ambiguous:
            return None
        return j, digits


# Dot leaders in a lab printout ("Hb .................. 8,1 g/dL", "LDH ... 1.340 U/L"): four dots or more, or
# three before a number, are spacing, not the ends of sentences (an ellipsis before a word stays)
_DOT_LEADER = re.compile(r"\.{4,}|\.{3}(?=[ \t]*[-+<>≤≥]?\d)")


_TICKED, _UNTICKED, _TICK_NO = "☑☒■✓✔", "☐□", "✗✘"  # a box ticked, a box left empty, a cross after a label
_BOX_ON = rf"[{_TICKED}]|\[[xX✓✔]\]|\([xX]\)"
_BOX_OFF = rf"[{_UNTICKED}]|\[ ?\]|\( \)"
_BOX = f"(?:{_BOX_ON}|{_BOX_OFF})"
# "Fever Y", "G-CSF N |", "ascites | N", "Fever: N": a capital Y or N answering the label before it, ending its item
_LETTER_ANSWER = re.compile(r"(?P<pre>[^\W\d_][)\]]?(?:[ \t]*[:|=][ \t]*|[ \t]+))(?P<a>[YN])(?=[ \t]*(?:[|,;./)]|\r?\n|$)| {2,}|\t)")
# "Y / N → N", "yes / no: no": the choice offered, then the one made
_CHOICE_MADE = re.compile(r"(?i)(?<!\w)(?:y|yes)\s*/\s*(?:n|no)\s*(?:→|->|:|=)\s*(?P<a>y|yes|n|no)(?!\w)")
# "yes / no (circled: yes)", "diffuse / focal (circled: diffuse)": options, then the one circled
_CIRCLED = re.compile(r"(?i)(?P<opts>[^\W\d_][^/\n():;.]{0,30}(?:[ \t]*/[ \t]*[^/\n():;.]{1,30}){1,4}?)[ \t]*[(–-][ \t]*"
                      r"(?:circled|underlined|ticked|marked|angekreuzt|unterstrichen|entouré|souligné|cerchiato|"
                      r"sottolineato|rodeado|subrayado|circulado|omcirkeld|zakreślone|zakroužkováno)[ \t]*:[ \t]*"
                      r"(?P<pick>[^)\n.;]{1,30}?)[ \t]*\)?(?=[.;,\n]|$)")


def _blank(text: str) -> str:
    """The text as spaces, newlines kept: what is dropped keeps its place, so every offset stays true."""
    return re.sub(r"[^\n]", " ", text)


def alternation(words: list[str]) -> str:
    """Phrases as one regex alternation, lower-cased, longest first (so the longest phrase wins where two start)."""
    return "|".join(re.escape(w) for w in sorted({w.lower() for w in words if w.strip()}, key=len, reverse=True))


def phrase_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Any of the phrases as whole words, in any case ("continue" in "- continue G-CSF", not in "discontinued");
    None when there are none."""
    said = alternation(words)
    return re.compile(r"(?i)(?<!\w)(?:" + said + r")(?!\w)") if said else None


# a value with a decimal or a unit: a signature never carries one ("Hb 8.1", "plt 31", "SUVmax 4.6")
_MEASUREMENT = re.compile(r"\d[.,]\d|\d\s?(?:%|mg|g/|mmol|µmol|umol|x\s?10|×\s?10|cm|mm|iu|u/l|/l)\b|\b(?:hb|wcc|wbc|plt|"
                       r"suv\w*|crp|ldh|anc|neut\w*|ferritin)\b\W{0,3}\d", re.IGNORECASE)
# a quote marker at a line's start ("> no fever", ">> Hb 8.1"), not a value ("> 38.5")
_QUOTE_MARK = re.compile(r"(?m)^[ \t]*>(?:[ \t]*>)*[ \t]?(?=[^\d\s.,])")
_HEADER_FIELD = re.compile(r"(?i)^[ \t]*(?P<f>[^\W\d_][\w ]{0,14}?)[ \t]*:")


class MailMarks:
    """An email or chat thread read as its messages: quote markers, reply headers ("On 3 Mar, Dr X wrote:",
    "-----Original Message-----", a "From: / Sent:" block), signatures after a sign-off ("Kind regards", "--",
    "Mit freundlichen Grüßen") and confidentiality disclaimers are blanked in place, so a "Fever Clinic" in a
    signature or a date in a reply header is not read as the patient's. Offsets stay true."""

    def __init__(self, sign_offs: list[str], wrote: list[str], separators: list[str], header_fields: list[str],
                 disclaimers: list[str], titles: list[str], units: list[str], keep: list[str]) -> None:
        self.sign_off = re.compile(rf"(?i)^[ \t]*(?:{alternation(sign_offs)})[ \t]*[,.!]*[ \t]*(?:[^\W\d_][\w.'-]*"
                                   rf"(?:[ \t]+[^\W\d_][\w.'-]*){{0,3}})?[ \t]*$") if sign_offs else None
        self.dashes = re.compile(r"^[ \t]*--[ \t]*$|^[ \t]*_{5,}[ \t]*$")
        self.wrote = re.compile(rf"(?i)^.{{0,160}}\b(?:{alternation(wrote)})[ \t]*:?[ \t]*$") if wrote else None
        self.separator = re.compile(rf"(?i)^[ \t]*[-_=*]{{2,}}[ \t]*(?:{alternation(separators)})[ \t]*[-_=*]{{2,}}[ \t]*$"
                                    ) if separators else None
        self.fields = {w.lower() for w in header_fields}
        self.disclaimer = re.compile(rf"(?i)\b(?:{alternation(disclaimers)})\b") if disclaimers else None
        self.name_line = re.compile(rf"(?i)^[ \t]*(?:{alternation(titles)})\.?[ \t]+[^\W\d_][^\d\n]{{0,80}}$"
                                    ) if titles else None
        self.unit = re.compile(rf"(?i)\b(?:{alternation(units)})\b|\|") if units else None
        self.keep = re.compile(rf"(?i)^[ \t]*(?:{alternation(keep)})(?:[ \t:.,]|$)") if keep else None
        hints = [*sign_offs, *wrote, *separators, *disclaimers, "--", ">"]
        self.hint = re.compile(rf"(?i){alternation(hints)}") if hints else None

    def read(self, text: str) -> str:
        if self.hint is None or not self.hint.search(text):
            return text  # (most answers: no thread in them)
        quoted = {i for i, line in enumerate(text.split("\n")) if _QUOTE_MARK.match(line)}
        text = _QUOTE_MARK.sub(lambda mt: " " * len(mt.group(0)), text)
        lines = text.split("\n")
        n = 0
        while n < len(lines):
            line = lines[n]
            if (self.wrote and self.wrote.match(line)) or (self.separator and self.separator.match(line)):
                lines[n] = _blank(line)
            elif self._header_block(lines, n):
                while n < len(lines) and self._field(lines[n]):
                    lines[n] = _blank(lines[n])
                    n += 1
                continue
            elif (self.sign_off and self.sign_off.match(line)) or self.dashes.match(line) or self._signed(lines, n):
                lines[n] = _blank(line)
                n += 1
                # the signature: the lines that follow, to the next quoted message, a postscript or a blank line -
                # unless they carry measurements ("--\nBloods day 16: Hb 8.1, WCC 1.6": a note's own rule)
                end = n
                while end < len(lines) and end not in quoted and not self._ends_signature(lines[end]):
                    end += 1
                if not any(_MEASUREMENT.search(lines[k]) for k in range(n, end)):
                    for k in range(n, end):
                        lines[k] = _blank(lines[k])
                n = end
                continue
            elif self.disclaimer and self.disclaimer.search(line):
                lines[n] = _blank(line)
            n += 1
        return "\n".join(lines)

    def _field(self, line: str) -> bool:
        mt = _HEADER_FIELD.match(line)
        return mt is not None and mt.group("f").strip().lower() in self.fields

    def _header_block(self, lines: list[str], n: int) -> bool:
        """"From: Dr X / Sent: 03 March 2025 / To: ..." - two header fields together, not "Date: 12/03" alone."""
        return self._field(lines[n]) and n + 1 < len(lines) and self._field(lines[n + 1])

    def _signed(self, lines: list[str], n: int) -> bool:
        """"Dr Lena Fischer MD PhD / Institute for Fever Research": a name under its title, then where they work."""
        return bool(self.name_line and self.unit and self.name_line.match(lines[n]) and n + 1 < len(lines)
                    and self.unit.search(lines[n + 1]) and not re.search(r"\d", lines[n + 1]))

    def _ends_signature(self, line: str) -> bool:
        return bool((self.wrote and self.wrote.match(line)) or (self.separator and self.separator.match(line))
                    or (self.keep and self.keep.match(line)) or self._field(line) or not line.strip())


_LETTER_HINT = re.compile(r"[ \t:|=][YN](?!\w)")  # (a quick look before the line-by-line reading)
_CIRCLED_HINT = re.compile(r"(?i)circled|underlined|ticked|marked|angekreuzt|unterstrichen|entouré|souligné|cerchiato|"
                           r"sottolineato|rodeado|subrayado|circulado|omcirkeld|zakreślone|zakroužkováno")


class FormMarks:
    """Forms and tick boxes written as the words the reader knows, in place and padded so every offset stays true:
    "Fieber ☒ ja ☐ nein" and "Bone pain: Y ☐ N ☑" are answers ("yes" leaves the label standing, "no" puts a minus
    after it - "Bone pain: -" - and a pair of empty boxes a "?": not asked); "[ ] fever" before its label doubts it
    ("?fever": not ticked), "dysplasia ✘" after it denies it, a tick after it is blanked; "G-CSF N |" answers no;
    "Focal lesions: yes / no (circled: no)" keeps the option circled."""

    def __init__(self, yes: list[str], no: list[str]) -> None:
        def alternatives(words: list[str]) -> str:
            return alternation([w for w in words if " " not in w and not re.fullmatch(r"[+-]\w*|\?", w)])
        self.yes = {w.lower() for w in yes}
        self.words = self.yes | {w.lower() for w in no}
        word = f"(?:{alternatives([*yes, *no])})"
        pair = rf"(?:{_BOX}[ \t]*{word}(?!\w)|(?<!\w){word}[ \t]*{_BOX})"
        self.pairs = re.compile(rf"(?i){pair}(?:[ \t]*{pair})+")
        self.pair = re.compile(rf"(?i)(?P<b1>{_BOX})[ \t]*(?P<w1>{word})(?!\w)|(?<!\w)(?P<w2>{word})[ \t]*(?P<b2>{_BOX})")
        self.box = re.compile(_BOX)
        self.tick_no = re.compile(rf"(?<=\S)[ \t]*[{_TICK_NO}]")

    def read(self, text: str) -> str:
        boxes = any(ch in text for ch in f"{_TICKED}{_UNTICKED}{_TICK_NO}[") or "( )" in text or "(x)" in text.lower()
        letters = _LETTER_HINT.search(text) is not None
        choice = "/" in text and _CHOICE_MADE.search(text) is not None
        circled = _CIRCLED_HINT.search(text) is not None
        if not (boxes or letters or choice or circled):
            return text  # (most answers: read as they are, at no cost)
        if boxes:
            text = self.pairs.sub(self._answered, text)
        if choice:
            text = _CHOICE_MADE.sub(lambda mt: self._said(mt.group(0), mt.group("a").lower() in {"n", "no"}), text)
        if circled:
            text = _CIRCLED.sub(self._circled, text)
        text = self.tick_no.sub(lambda mt: mt.group(0)[:-1] + "-", text)
        lines = text.split("\n")
        heading: list[str] = []  # the answers heading a grid's columns ("Tick box   Y   N   ?"), left to right
        for n, line in enumerate(lines):
            words = line.split()
            tail = list(itertools.takewhile(lambda w: w.lower() in self.words or w == "?", reversed(words)))[::-1]
            if len(tail) >= 2 and not self.box.search(line):
                heading = [w.lower() for w in tail]  # "B symptoms     Y    N"
                continue
            grid = re.fullmatch(rf"(?P<label>\s*[^\W\d_][^{_TICKED}{_UNTICKED}\[]*?)(?P<boxes>(?:[ \t]+{_BOX}){{2,}})"
                                rf"(?P<rest>.*)", line)
            if grid is not None:
                # a grid row: its label, a box under each answer ("Fever   [ ]  [X]" under "Y  N")
                ticked = [bool(re.fullmatch(_BOX_ON, b.group(0))) for b in self.box.finditer(grid.group("boxes"))]
                if heading and len(ticked) == len(heading) and sum(ticked) == 1:
                    said = heading[ticked.index(True)]
                    lines[n] = grid.group("label") + self._said(
                        grid.group("boxes"), None if said == "?" else said not in self.yes) + grid.group("rest")
                elif not heading:
                    lines[n] = self._boxes(line)
                continue
            heading = heading if line.strip() and len(heading) else []
            lines[n] = _LETTER_ANSWER.sub(lambda mt: mt.group("pre") + ("-" if mt.group("a") == "N" else " "),
                                          self._boxes(line))
        return "\n".join(lines)

    @staticmethod
    def _said(run: str, no: bool | None) -> str:
        """A run of boxes and answers as the answer: a minus, nothing, or a question mark, padded to its length."""
        mark = " -" if no else " ?" if no is None else ""
        return mark.ljust(len(run)) if len(run) >= len(mark) else run

    def _answered(self, mt: re.Match[str]) -> str:
        ticked = [(p.group("w1") or p.group("w2")).lower() for p in self.pair.finditer(mt.group(0))
                  if re.fullmatch(_BOX_ON, p.group("b1") or p.group("b2"))]
        if len(ticked) > 1:
            return mt.group(0)  # more than one box ticked: the form says nothing clear
        return self._said(mt.group(0), None if not ticked else ticked[0] not in self.yes)

    @staticmethod
    def _circled(mt: re.Match[str]) -> str:
        opts = [o.strip() for o in mt.group("opts").split("/")]
        pick = mt.group("pick").strip().lower()
        if pick not in {o.lower() for o in opts}:
            return mt.group(0)
        if {o.lower() for o in opts} <= {"yes", "no", "y", "n", "ja", "nein", "oui", "non", "sí", "si"}:
            return FormMarks._said(mt.group(0), pick in {"no", "n", "nein", "non"})
        return (" " + pick).ljust(len(mt.group(0)))

    def _boxes(self, line: str) -> str:
        """A line's single boxes: before its labels ("[x] fever [ ] night sweats": a label not ticked is doubted),
        or after them ("lytic ☐ sclerotic ☐ normal bone ☑")."""
        first = self.box.search(line)
        if first is None or line.count("|") >= 2:
            return line  # (a drawn table's ticks are its cells, read as a chart)
        before = line[:first.start()]
        after_labels = bool(re.search(r"[^\W\d_][^:]*$", before.split(":")[-1]))

        # boxes after their labels with one ticked ("lytic ☐  sclerotic ☐  normal bone ☑"): the others are a no
        some_ticked = any(re.fullmatch(_BOX_ON, b.group(0)) for b in self.box.finditer(line))

        def one(mt: re.Match[str]) -> str:
            on = bool(re.fullmatch(_BOX_ON, mt.group(0)))
            if on:
                return " " * len(mt.group(0))
            if after_labels:
                return ("-" if some_ticked else "?").rjust(len(mt.group(0)))
            return "?".rjust(len(mt.group(0))) if not line[mt.end():mt.end() + 1].strip() else mt.group(0)
        out = self.box.sub(one, line)
        if not after_labels:
            # "?" glued to the label it doubts: "[ ] fever" -> "   ?fever"
            out = re.sub(r"\?([ \t]+)(?=[^\W\d_])", lambda m: m.group(1) + "?", out)
        return out


# OCR's confusions, one character for one: a number with letters for its digits ("Hb 8.l", "SUVmax 6,O", "2l4",
# "x1O9/L"), a word with digits for its letters ("axia1", "foca1 1esions", "0steolytic", "granu1omas")
_OCR_NUMBER = re.compile(r"(?:(?<=[x×])|(?<![\w.,]))(?=[0-9lIOo.,]*[0-9])(?=[0-9lIOo.,]*[lIOo])"
                         r"[0-9lIOo]+(?:[.,][0-9lIOo]+)*(?![^\W\d_])")
_OCR_IN_WORD = re.compile(r"(?<=[a-z]{2})[10](?=[a-z])|(?<=[a-z])[10](?=[a-z]{2})|(?<=[a-z]{3})[10](?![\w])"
                          r"|(?<![\w])[10](?=[a-z]{2,}(?![\w]))")  # (not "c1d1", "mf1", "pd1")
# a date whose digits were read as letters ("O2/O9/2025", "2l/lO/2O25"), one real digit in it at least, and its year
# ("10^9/l" is a unit)
_OCR_DATE = re.compile(r"(?<![\w/])(?=[0-9lIO/]*[0-9])(?=[0-9lIO/]*[lIO])[0-9lIO]{1,2}/[0-9lIO]{1,2}/[0-9lIO]{2,4}"
                       r"(?![\w/])")
# a number all of whose digits were read as letters, said with its unit ("Hb lO,l g/dL", "O,6 g/24 h")
_OCR_LETTER_NUMBER = re.compile(r"(?<![\w.,])[lIO]{1,3}[.,][lIO]{1,2}(?=[ \t]?(?:g/|mg|µ|mmol|mol|G/|%|x10|×10|/mm|U/|UI))")
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
_OCR_LETTERS = str.maketrans({"1": "l", "0": "o"})
# a word broken across a line by a hyphen ("hepato-\nsplenomegaly"): joined, and padded where it ended
_OCR_HYPHEN = re.compile(r"(?<![^\W\d_][-‐])(?<=[a-z]{2})([-‐])(\n[ \t]*)([a-z]{2,})(?![-\w])")


def ocr_repair(text: str) -> str:
    """Text pasted from a scanned document read as it was meant, one character for one so every offset stays true
    (a hyphenated word is joined and padded after it): "Hb 8.l g/dL" is 8.1, "2l4" is 214, "axia1" axial,
    "0steolytic" osteolytic, "spleno-\nmegaly" splenomegaly. A number read so needs a digit and at least three
    characters or a decimal mark ("O2" of oxygen and "9O" are left)."""
    if not re.search(r"[lIOo][0-9.,]|[0-9][lIOo.,]|[a-z][10]|[10][a-z]|[-‐]\n", text):
        return text

    def number(mt: re.Match[str]) -> str:
        run = mt.group(0)
        if len(run) < 3 and not re.search(r"[.,]", run) and (
                run.upper() in {"O2", "O3"} or not re.fullmatch(r"[0-9][lO]|[lO][0-9]", run)):
            return run  # ("O2" of oxygen; but "PLT 4l" is 41)
        if re.fullmatch(r"[lIOo]+[.,]?[lIOo]*", run):
            return run
        return run.translate(_OCR_DIGITS)

    text = _OCR_DATE.sub(lambda mt: mt.group(0).translate(_OCR_DIGITS), text)
    text = _OCR_NUMBER.sub(number, _OCR_LETTER_NUMBER.sub(lambda mt: mt.group(0).translate(_OCR_DIGITS), text))
    text = _OCR_IN_WORD.sub(lambda mt: mt.group(0) if mt.string[mt.start() - 3:mt.end() + 1].lower() == "hba1c"
                            else mt.group(0).translate(_OCR_LETTERS), text)
    return _OCR_HYPHEN.sub(lambda mt: mt.group(3) + " " * (len(mt.group(1)) + len(mt.group(2))), text)


def dot_leaders(text: str) -> str:
    """The text with dot leaders written as spaces (one for one, so offsets stay true)."""
    return _DOT_LEADER.sub(lambda m: " " * len(m.group()), text)


# a month named as a column ("              Dec    Mar    Jun" over monthly dialysis bloods; blind dev batch pq_)
_MONTH_CELL = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|avr|juin|juil|août|aout|déc|"
               r"ene|abr|ago|dic|gen|mag|giu|lug|ott|mär|mrz|okt|dez)\.?(?:[ \t]+\d{4}|'\d{2})?")
# dated columns that end with the current one ("Labor   03/   04/   aktuell", "Labs  12/3  19/3  today")
_NOW_HEAD = re.compile(r"^\s*[^\W\d_.]{0,12}\.?(?:[ \t]+\d{1,2}[/.-](?:\d{1,4}[/.-]?)?){1,6}[ \t]+(?:aktuell|current|"
                       r"today|heute|now|hoy|oggi|actuel|atual|huidig|idag)\s*$", re.IGNORECASE)
# A trend table pasted from a flowsheet: a header of days, dates or times, then rows of one measurement over them
# ("Hb (g/dL)   10.8   9.9   9.1   8.2   7.7"). The last column is today's value.
_TREND_HEAD = re.compile(r"^\s*(?:(?:icu|hospital|hosp|post-?op|admission|illness|treatment|tx)\s+)?"
                         r"(?:day|days|date|dates|time|d|week|wk|dia|día|jour|tag|giorno|dag|dzień)s?\b[^\d\n]{0,12}"
                         r"(?P<cells>(?:[ \t]+\S+){2,})\s*$", re.IGNORECASE)
_DATE_CELLS = re.compile(r"(?:[ \t]+[►*]?(?:" + _MONTH_CELL + r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.[01]\d(?=[ \t]|$)|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{1,2}-[a-z]{3}|[dDjJ][+-]?\d{1,3}|"
                         r"\d{1,2}-\d{1,2}(?:-\d{2,4})?|\d{4}[-/.]\d{2}[-/.]\d{2}|"
                         r"\d{1,2}:\d{2})(?:[ \t]+(?:\d{4}|\d{1,2}:\d{2}))?"
                         r"(?:[ \t]*\([^()\n]{1,24}\))?(?=[ \t]|$)){3,}", re.IGNORECASE)  # ("2024/11/18 (يوم PET)")
# two full dates (with the year), each maybe with its time, are a header too: "02/04/25   22/04/25   Ref",
# "Component   Ref Range   6/2/25 1542   6/4/25 0611"
_FULL_DATES = re.compile(r"(?:[ \t]+(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}[-/.]\d{2}[-/.]\d{2})(?:[ \t]+(?:\d{4}|\d{1,2}:\d{2}))?"
                         r"(?:[ \t]*\([^()\n]{1,24}\))?(?=[ \t]|$)){2,}")
_TREND_ROW = re.compile(r"^(?P<label>.*?[^\d\s,.<>≤≥+-])(?P<cells>(?:[ \t]+(?:[<>≤≥]?\d[\d,]*(?:[.,]\d+)?(?: \d{3}(?![\d.,]))*"
                        r"|[-–—]{1,2}|n/?a)(?:[ \t]?(?:°[CF]|%))?(?:[ \t]*(?:[HL]\*?|\*|↑+|↓+|\([HL]\)))?(?=[ \t]|$)){2,})(?P<tail>(?:[ \t]+[^\d\s<>≤≥]\S*|[ \t]+\d\S*[-–/^]\S*)*)\s*$", re.IGNORECASE)
_GAPPED = re.compile(r"\S[ \t]{2,}\S")  # columns set apart by two or more spaces
# a dated column headed as the scan's day ("(vigilia PET)", "(يوم PET)", "(day of PET)", "(PET)")
_PET_COLUMN = re.compile(r"\([^()\n|]{0,16}\b(?:pet|scan|tep|пет|пэт|ПЕТ|ПЭТ)\b[^()\n|]{0,24}\)", re.IGNORECASE)
_RULE_LINE = re.compile(r"[ \t|:+=]*[-–—=]{3,}[-–—=| \t:+]*")  # a table's ruled line
_REF_HEAD = re.compile(r"[ \t](?P<ref>ref\.?(?:erence)?(?:[ .-]?(?:range|interval|values?))?|referens(?:intervall)?|referans|referenz(?:bereich)?|r[ée]f[ée]rences?|"
                       r"norm(?:al)?(?:[ .-]?(?:range|values?))?|valeurs? de r[ée]f[ée]rence|normalwert[e]?|"
                       # abroad: "基準値", "参考范围", "참고치", "valori di riferimento", "wartości referencyjne"
                       r"基準値|基準範囲|参考值|参考范围|參考值|正常值|참고치|참고범위|정상범위|valori di riferimento|"
                       r"valores de referencia|valores de referência|referentiewaarden|wartości referencyjne|normy|"
                       r"referenční meze|referencia|referans aralığı|τιμές αναφοράς|референсные значения|норма)(?=[ \t]|$)",
                       re.IGNORECASE)
# a cell: a value with thousands written with a space ("11 600", as Swedish and French printouts do) is one cell
_CELL = re.compile(r"\d{1,3}(?: \d{3})+(?![\d.,])(?:[.,]\d+)?|[^ \t]+")


_HEAD_DATE = re.compile(r"(?<![\d/.-])(?:(?P<y>\d{4})[-/.](?P<ym>\d{2})[-/.](?P<yd>\d{2})|(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})"
                        r"(?:[/.-](?P<c>\d{2,4}))?)(?![\d/-])")


def _newest_first(header: str) -> bool:
    """Do a header's dates run from the newest back ("07/04/25  28/02/25")? Only when every possible reading of them
    (day-first, month-first; a month over 12 rules one out) says so."""
    keys: list[tuple[tuple[int, int, int], tuple[int, int, int]]] = []
    for mt in _HEAD_DATE.finditer(header):
        if mt.group("y"):
            key = (int(mt.group("y")), int(mt.group("ym")), int(mt.group("yd")))
            keys.append((key, key))
        else:
            a, b = int(mt.group("a")), int(mt.group("b"))
            year = int(mt.group("c") or 0) % 100
            keys.append(((year, b, a), (year, a, b)))
    readings = [k for k in (0, 1) if all(1 <= key[k][1] <= 12 for key in keys)]  # a month over 12 rules one out
    if len(keys) < 2 or not readings:
        return False
    return all(keys[i][k] > keys[i + 1][k] for i in range(len(keys) - 1) for k in readings)


_HEAD_CELL = re.compile(r"[^\W\d][\w'#%/.°()-]{0,11}(?:\([^()\s]{1,10}\))?")  # a column name: "Hb", "SpO2", "NEWS2", "Temp", "Neut#"
_DATA_CELL = re.compile(r"[<>≤≥]?\d")
_NOTE_CELL = re.compile(r"[A-Za-z]{1,3}")  # "RA", "O2", "NC" after an observation row's last value
_NAME_UNIT = re.compile(r"(.+?)\(([^()]+)\)")
_ROW_LEAD = re.compile(r"[<>≤≥+−-]?\d|[dDjJ][+−-]?\d")  # a row led by a value, time, date or day ("+5", "D+8", "J3")


_UNIT_CELL = re.compile(r"°[CF]?|%|mmhg|/min|bpm|\(°[CF]\)|\(%\)|\([^()\s\d]{0,3}[^()\s]{1,9}\)", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    """A table line's cells, a unit standing alone joined to the cell before it ("T °C" is one column, "98 %" one
    value)."""
    out: list[str] = []
    for cell in line.split():
        if out and _UNIT_CELL.fullmatch(cell):
            out[-1] += cell
        else:
            out.append(cell)
    return out


_PIPE_RULE = re.compile(r"[\s|:+=-]*-{3,}[\s|:+=-]*")  # a markdown table's rule ("|----|:---:|")
_PIPE_HEAD = re.compile(r"[^\W\d][^|]{0,30}")


def _pipe_cells(line: str) -> list[str] | None:
    """A pipe-drawn table line's cells ("| 02/2025 | 84 | 17.8 |"), or None when the line is not one."""
    body = line.strip()
    if body.count("|") < 2:
        return None
    return [c.strip() for c in body.strip("|").split("|")]


def _pipe_table(lines: list[str], n: int) -> tuple[list[str], list[list[str]], int] | None:
    """A pipe-drawn table whose header row at n names its columns ("| date | Hb (g/L) | Plt (x10^9/L) |"), with
    rows of values under it (after a rule): (the names, the rows' cells, how many lines it takes)."""
    head = _pipe_cells(lines[n])
    if head is None or len(head) < 3 or not all(_PIPE_HEAD.fullmatch(c) for c in head):
        return None
    k, rows = n + 1, []
    while k < len(lines):
        if _PIPE_RULE.fullmatch(lines[k]):
            k += 1
            continue
        cells = _pipe_cells(lines[k])
        if cells is None or len(cells) != len(head) or not _ROW_LEAD.match(cells[0]) \
                or sum(bool(_DATA_CELL.match(c)) for c in cells) * 2 < len(cells) \
                or any(len(c) > 16 and _DOSE_OR_DATE.search(c) for c in cells):
            # (a chart's row in words - "pegfilgrastim 6 mg s.c. 05-03-2025" - is read as it is)
            break
        rows.append(cells)
        k += 1
    return (head, rows, k - n) if rows else None


_DOSE_OR_DATE = re.compile(r"\d\s*(?:mg|mcg|µg|ug|iu|ie|units|e)\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", re.IGNORECASE)
_TEMPERATURE_HEAD = re.compile(r"(?i)(?:t|temp|temperature|tmax|t°c?|température|temperatura|temperatur)\b.*")
_TEMPERATURE_CELL = re.compile(r"\d{2}(?:[.,]\d)?")


def _table_values(head: list[str], rows: list[list[str]]) -> list[str]:
    """The values a table's rows give each column: the newest row's (the last, or the first when the dates leading
    the rows run backwards), except a temperature column's, which gives its highest ("Temp 39.6 / 38.9 / 38.4":
    the fever peaked at 39.6)."""
    out = list(rows[0] if _newest_first("x " + "   ".join(r[0] for r in rows)) else rows[-1])
    for c, name in enumerate(head):
        temperatures = [r[c] for r in rows if _TEMPERATURE_CELL.fullmatch(r[c])]
        if temperatures and _TEMPERATURE_HEAD.fullmatch(name):
            out[c] = max(temperatures, key=lambda t: float(t.replace(",", ".")))
    return out


def columns_as_pairs(text: str) -> str:
    """A table pasted with its names in a header row and a row of values under it ("Hb  WBC  Plt / 7.9  1.2  38", an
    observation chart with a row per time) is read as name-value pairs from its last row: "Hb 7.9, WBC 1.2, Plt 38".
    The pairs fill the table's own lines (padded with spaces), so the text keeps its length and its offsets."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        head = _cells(lines[n])
        rows = 0
        found: list[list[str]] = []
        if (piped := _pipe_table(lines, n)) is not None:
            # "| date | Hb (g/L) | Plt (x10^9/L) |" / "|---|---|---|" / "| 02/2025 | 84 | 62 |": drawn with pipes
            head, found, rows = piped[0], piped[1], piped[2] - 1
        elif len(head) >= 3 and all(_HEAD_CELL.fullmatch(c) for c in head):
            while n + rows + 1 < len(lines):
                cells = _cells(lines[n + rows + 1])
                if len(cells) == len(head) + 1 and _NOTE_CELL.fullmatch(cells[-1]):
                    cells = cells[:-1]  # "06:00  39.3  124  84/50  26  91% RA": a note on the last value (room air)
                if len(cells) != len(head) or sum(bool(_DATA_CELL.match(c)) for c in cells) * 2 < len(cells) + 1 \
                        or not _ROW_LEAD.match(cells[0]):
                    break  # (a row led by a name - "Hb (g/dL)  11,2  9,6  8,3" under "J0  J3  J7" - is a trend row)
                found.append(cells)
                rows += 1
        if not rows:
            n += 1
            continue
        last = found[-1] if piped is None else _table_values(head, found)
        # a unit in the column's name goes after the value ("T (°C)" / "38.9" is "T 38.9°C", "Hb (g/dl)" / "8,7" is
        # "Hb 8,7 g/dl")
        pairs = [_pair(u.group(1), v, u.group(2)) if (u := _NAME_UNIT.fullmatch(h)) else _pair(h, v, "")
                 for h, v in zip(head, last, strict=True) if v]
        # whole pairs laid into the table's own lines, each padded to its length, so the text keeps its offsets
        if (laid := _lay(lines[n:n + rows + 1], pairs)) is not None:
            lines[n:n + rows + 1] = laid
        n += rows + 1
    return "\n".join(lines)


_CELL_GAP = re.compile(r"\t+| {2,}")


def table_rows(text: str) -> list[list[tuple[int, list[tuple[int, int]]]]]:
    """The tables a text holds, each as its rows, each row as where its line starts and its cells' spans: lines drawn
    with pipes ("| C5 | 01/04/2025 | 02/04 given |", two pipes at least) or lined up with tabs or runs of spaces
    ("C1     06/01/2025  given       07/01 given", three cells at least); two such lines running on make a table (a
    markdown rule between them is passed over)."""
    tables: list[list[tuple[int, list[tuple[int, int]]]]] = []
    run: list[tuple[int, list[tuple[int, int]]]] = []
    kind = ""
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if run and _PIPE_RULE.fullmatch(line):
            continue
        cells: list[tuple[int, int]] = []
        if line.count("|") >= 2:
            row_kind, bounds = "pipe", [-1, *(k for k, ch in enumerate(line) if ch == "|"), len(line)]
            for a, b in itertools.pairwise(bounds):
                cell = line[a + 1:b]
                if cell.strip():
                    lead = len(cell) - len(cell.lstrip())
                    cells.append((start + a + 1 + lead, start + a + 1 + len(cell.rstrip())))
        else:
            row_kind, body = "aligned", line.lstrip()
            lead = len(line) - len(body)
            k = 0
            for gap in [*_CELL_GAP.finditer(body.rstrip()), None]:
                end = gap.start() if gap is not None else len(body.rstrip())
                if end > k:
                    cells.append((start + lead + k, start + lead + end))
                k = gap.end() if gap is not None else k
            if len(cells) < 3 or any(len(line[a - start:b - start].split()) > 5 or re.search(
                    r"[^\W\d_]{3,}[.!?]$", line[a - start:b - start]) for a, b in cells[:-1]):
                cells = []  # (sentences parted by two spaces, as dictation leaves them, are not a table's cells)
        if cells and (row_kind == kind or not run):
            run.append((start, cells))
            kind = row_kind
            continue
        if len(run) >= 2:
            tables.append(run)
        run, kind = ([(start, cells)], row_kind) if cells else ([], "")
    if len(run) >= 2:
        tables.append(run)
    return tables


def _pipe_cell(pipes: list[int], k: int, length: int) -> tuple[int, int]:
    """Where the k-th cell of a pipe-drawn line lies (from the pipe before it to the pipe after it)."""
    return (pipes[k - 1] if k else 0), (pipes[k] if k < len(pipes) else length)


# a header's day cells, one by one (with a bracket after, or a marker before): "D1", "D2 (PET)", "►15.1.", "14/03",
# "+14 (PET)", "J3"
_DAY_CELL = re.compile(r"(?<!\S)[►*]?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.[01]\d(?=[ \t(]|$)|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|[dDjJ][+-]?\d{1,3}|"
                       r"[+-]\d{1,3}|\d{4}[-/.]\d{2}[-/.]\d{2})(?:[ \t]*\([^()\n]{1,24}\))?(?!\S)")
# the scan's day named in the note: "PET/CT was done on D5", "PET on D3:", "TEP réalisée à J3", "PET-CT am 14.03.",
# "PET/CT on 14/03", "(D4 = PET day)"
_SCAN_DAY = re.compile(r"(?:\b(?:i?pet|tep|scan)\b[^\n.;]{0,40}?(?:\bon|\bat|\bam|\bà|\ba|\bdone|\bperformed|\bdated|\bvom|\bdu|\bdel|=|\(|:)[ \t]*"
                       r"(?P<day>[dDjJ][+-]?\d{1,3}|[+-]\d{1,3}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)(?![\d/])"
                       r"|(?P<day2>[dDjJ][+-]?\d{1,3})[ \t]*=[ \t]*(?:the[ \t]+)?(?:i?pet|tep|scan)"
                       # "PET/CT 10/03/2025", "PET-CT (FDG) 10.03.2025": the scan's title, then its date
                       r"|\b(?:i?pet|tep)\b(?:[-/ ](?:ct|tc|tdm|bt))?(?:[ \t]*\(?fdg\)?)?[ \t]+"
                       r"(?P<day3>\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?![\d/]))", re.IGNORECASE)
# or its column by place: "(middle column)", "PET day = second column", "mittlere Spalte"
_SCAN_ORDINAL = re.compile(r"\b(?:(?P<which>first|second|third|fourth|fifth|middle|last|1st|2nd|3rd|4th|5th|mittlere|"
                           r"zweite|dritte)[ \t]+(?:column|col\b|spalte)|(?:columna|colonne|colonna|kolumna)[ \t]+"
                           r"(?P<mid>central|centrale|du milieu|środkowa))", re.IGNORECASE)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "zweite": 1, "third": 2, "3rd": 2, "dritte": 2, "fourth": 3,
             "4th": 3, "fifth": 4, "5th": 4}


def _day_key(cell: str) -> str:
    """A day cell as it is compared with the scan's day: "►15.1." and "15/01/2025" are "15.1", "D+5" is "d5"."""
    cell = re.sub(r"\([^()]*\)", "", cell).strip(" ►*").lower().rstrip(".")
    date = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})(?:[/.]\d{2,4})?", cell)
    if date:
        return f"{int(date.group(1))}.{int(date.group(2))}"
    return re.sub(r"[+\s]", "", cell).replace("j", "d")


def _scan_column(text: str, header: str, before: str) -> tuple[int, int] | None:
    """Which of a trend header's day cells is the scan's day: one marked so ("D2 (PET)", "►15.1." with "► = PET
    day"), the day the note names as the scan's ("PET/CT was done on D5"), or a column said by its place ("(middle
    column)"). The cell's index and how many day cells the header has, or None."""
    cells = [m.group() for m in _DAY_CELL.finditer(header)]
    if len(cells) < 2:
        return None
    for k, cell in enumerate(cells):
        if _PET_COLUMN.search(cell) or (cell.startswith("►") and re.search(r"►[^\n]{0,6}(?:pet|scan|tep)", text, re.I)):
            return k, len(cells)
    keys = [_day_key(c) for c in cells]
    for m in _SCAN_DAY.finditer(text):
        day = _day_key(m.group("day") or m.group("day2") or m.group("day3"))
        if day in keys and keys.count(day) == 1:
            return keys.index(day), len(cells)
    ordinal = _SCAN_ORDINAL.search(before)
    if ordinal:
        which = (ordinal.group("which") or "middle").lower()
        return (len(cells) - 1) // 2 if which in {"middle", "mittlere"} else (
            len(cells) - 1 if which == "last" else _ORDINALS[which]), len(cells)
    return None


def latest_in_trends(text: str) -> str:
    """Each row of a pasted trend table keeps only its last value (earlier columns, and flag and reference-range
    columns, become blanks of the same length, so offsets into the text stay true): "Neut 7.1 3.4 1.8 0.9 0.6" under
    a row of days is a neutrophil count of 0.6 today."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    in_table = False
    ref_at = None  # where a reference-range column after the dates starts ("Analys  03-02  05-02  07-02  Ref")
    ref_pipe: int | None = None  # which pipe-drawn cell is the reference column
    pet_pipe: int | None = None  # which pipe-drawn cell is the scan's day
    pet_cell: tuple[int, int] | None = None  # or which of the header's day cells is (its index, how many there are)
    newest_first = False  # "07/04/25   28/02/25": the newest column comes first
    before = None  # a reference column before the dates: (where it starts, where the first date starts)
    for n, raw in enumerate(lines):
        line = raw.replace("|", " ")  # a table drawn with pipes reads as one drawn with spaces (same length)
        gapped = in_table and _GAPPED.search(line) is not None
        if gapped and before is not None:  # "WBC   4.0-11.0 K/uL   3.1 (L)   2.6 (L)": the range is not a value
            lo, hi = before
            raw = raw[:lo] + "".join(" " if ch not in " \t|" else ch for ch in raw[lo:hi]) + raw[hi:]
            lines[n] = raw
            line = raw.replace("|", " ")
        row = _TREND_ROW.match(line) if in_table else None
        if row is None:
            if gapped or (in_table and _RULE_LINE.fullmatch(raw)):  # ("|------|-----|": a drawn table's rule)
                continue  # a row that cannot be read ("Blasts  0 %  --  22 (H) *") does not end the table
            dates = _DATE_CELLS.search(line) or _FULL_DATES.search(line)
            in_table = bool(_TREND_HEAD.match(line) or dates or _NOW_HEAD.match(line))
            ref = _REF_HEAD.search(line) if in_table else None
            ref_at = ref.start("ref") if ref else None
            # a table drawn with pipes has its reference column by count, whatever the widths of its cells
            ref_pipe = raw[:ref_at].count("|") if ref_at is not None and raw.count("|") >= 3 else None
            before = None
            newest_first = dates is not None and _newest_first(dates.group())
            # "| 02/09/2025 (ingresso) | 08/09/2025 (vigilia PET) | 17/09/2025 |": the column the scan's day names
            pet_pipe = next((raw[:m.start()].count("|") for m in _PET_COLUMN.finditer(raw)), None) \
                if in_table and raw.count("|") >= 3 else None
            pet_cell = None
            if in_table and pet_pipe is None:
                # "PET/CT on 14/03 (middle column):\nDate  10/03  14/03  18/03", "D1  D2 (PET)  D4  D6": the scan's
                # day among the header's (a row with as many values takes its value from that place)
                pet_cell = _scan_column(text, line, "\n".join(lines[max(0, n - 2):n + 8]))
            if ref_at is not None and dates is not None and ref_at < dates.start():
                first = dates.start() + len(dates.group()) - len(dates.group().lstrip())  # the first date's column
                before, ref_at = (ref_at, first), None
            continue
        start = row.start("cells")
        cells = [(c.start() + start, c.end() + start, c.group()) for c in _CELL.finditer(row.group("cells"))]
        chars = list(raw)
        pipes = [k for k, ch in enumerate(raw) if ch == "|"]
        if ref_pipe is not None and len(pipes) > ref_pipe:
            # "| CRP(mg/dL) | 9.8 H | 11.6 H | 14.1 H | <0.14 |" under "| 項目 | 5/26 | 5/30 | 6/9 | 基準値 |"
            lo_ref, hi_ref = _pipe_cell(pipes, ref_pipe, len(raw))
            for lo, hi, _ in [c for c in cells if lo_ref <= c[0] < hi_ref]:
                chars[lo:hi] = " " * (hi - lo)
            cells = [c for c in cells if not lo_ref <= c[0] < hi_ref]
        elif ref_at is not None:  # a "<2,6" under the reference header is the range, not today's value
            for lo, hi, _ in [c for c in cells if c[0] >= ref_at - 1]:
                chars[lo:hi] = " " * (hi - lo)
            cells = [c for c in cells if c[0] < ref_at - 1]
        numeric = [c for c in cells if c[2][:1].isdigit() or c[2][:1] in "<>≤≥"]
        if len(numeric) < 2:
            lines[n] = "".join(chars)
            continue
        keep = numeric[0] if newest_first else numeric[-1]
        if pet_cell is not None and len(numeric) == pet_cell[1]:
            keep = numeric[pet_cell[0]]
        if pet_pipe is not None and 0 < pet_pipe < len(pipes):
            lo_pet, hi_pet = _pipe_cell(pipes, pet_pipe, len(raw))
            on_pet_day = [c for c in numeric if lo_pet <= c[0] < hi_pet]
            if on_pet_day:
                keep = on_pet_day[0]
        for lo, hi, _ in cells:
            if (lo, hi) != keep[:2]:
                chars[lo:hi] = " " * (hi - lo)
        for k in range(row.start("tail"), row.end("tail")):
            if chars[k] != "|":
                chars[k] = " "  # the flag and reference-range columns ("H | 4.0-11.0") are not values
        lines[n] = "".join(chars)
    return "\n".join(lines)


# a lab row with its reference range before its value: "Ca (adj)   2.20-2.60   3.02   H", "Hb (g/L)  130-170  92  L"
_RANGE_THEN_VALUE = re.compile(r"^(?P<label>[^\d\n]*[^\W\d][^\d\n]*?)[ \t]+(?P<range>[<>]?\d+(?:[.,]\d+)?[ \t]?[-–][ \t]?\d+(?:[.,]\d+)?"
                               r"(?:[ \t]?[^\d\s]\S*)?)[ \t]{2,}(?P<value>[<>]?\d[\d,]*(?:[.,]\d+)?)(?![\d/.-]\d)",
                               re.MULTILINE)
# the same with the range in brackets and the unit after it: "Hämoglobin   [12,0 - 16,0]  g/dl   8,4 -"
_BRACKETED_RANGE_THEN_VALUE = re.compile(
    r"^(?P<label>[^\d\n\[(]*[^\W\d][^\d\n\[(]*?)[ \t]+(?P<range>[\[(][ \t]*[<>]?\d+(?:[.,]\d+)?[ \t]*[-–][ \t]*"
    r"\d+(?:[.,]\d+)?[ \t]*[\])])(?P<unit>[ \t]+[^\d\s]\S{0,12})?[ \t]{2,}(?P<value>[<>]?\d[\d,]*(?:[.,]\d+)?)(?![\d/.-]\d)",
    re.MULTILINE)


# a differential's percentage right before its absolute count ("Neutrófilos   12,0 %   0,25 x10^3/µL"): the count is
# the value
_PERCENT_THEN_COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?[ \t]*%(?:[ \t]+(?:[LH]{1,2}|\*|↓|↑)(?!\w))?(?=[ \t]+\d+(?:[.,]\d+)?[ \t]*(?:[x×*][ \t]?10|10[\^e*]|"
                                 r"g/l|/nl|/µl|/ul|k/ul|k/µl|/mm3|tsd|giga))", re.IGNORECASE)


def ranges_before_values(text: str) -> str:
    """A pasted lab report with the reference range before the value ("Creatinine   60-110   248   H") is read at its
    value: the range becomes blanks of its own length, so the text keeps its offsets."""
    def blank(mt: re.Match[str]) -> str:
        a, b = mt.span("range")
        start = mt.start()
        return mt.group(0)[:a - start] + " " * (b - a) + mt.group(0)[b - start:]
    text = _BRACKETED_RANGE_THEN_VALUE.sub(blank, _RANGE_THEN_VALUE.sub(blank, text))
    return _PERCENT_THEN_COUNT.sub(lambda mt: " " * len(mt.group(0)), text) if "%" in text else text


# a measurement named on its own line, then dated rows of its values ("Ferritin (ug/L):" / "05/09   12,400" /
# "07/09   24,900" / "09/09   38,000"; "US spleen (craniocaudal):" / "06/2023   13.5 cm" / ... / "05/2024   22 cm")
_TODAY_WORDS = r"today|hoy|oggi|heute|aujourd'hui|vandaag|idag|i dag|hoje|dzisiaj|dnes|tänään"
_ROW_DATE_CELL = re.compile(r"^[ \t]*(?P<date>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\.?|\d{1,2}/\d{4}|\d{4}-\d{2}(?:-\d{2})?|"
                            rf"(?i:{_TODAY_WORDS})|"
                            r"[^\W\d]{3,9}\.?[ \t]+(?:\d{2}|\d{4}))[ \t]{2,}(?P<value>[<>]?\d)")
# a row marked as today's ("14/03     228    <- today", "(hoy)"), and a dose in a row (a drug's dates, not a lab's)
_TODAY_MARK = re.compile(rf"(?i)(?:<-|←|\()[ \t]*(?:{_TODAY_WORDS})\b|^[ \t]*(?:{_TODAY_WORDS})\b")
_DOSE_IN_ROW = re.compile(r"(?i)\d[ \t]*(?:mg|mcg|µg|ug|iu|mu|units)\b")


def latest_dated_rows(text: str) -> str:
    """Under a heading that names one measurement, rows that each start with a date: the newest row (the last, or the
    first when the dates run backwards) is the value; the other rows and the newest row's date become blanks."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        head = lines[n].rstrip()
        k = n + 1
        while k < len(lines) and _ROW_DATE_CELL.match(lines[k]):
            k += 1
        # the heading names one measurement: "Platelets:", or "Plt  (x10^9/L)", "LDH (ref 135-250 U/L)" with its unit
        named = head.endswith(":") or (head.endswith(")") and len(head.split("(")[0].split()) <= 3 and not any(
            _DOSE_IN_ROW.search(lines[r]) for r in range(n + 1, k)))
        if k - n - 1 < 2 or not named or any(ch.isdigit() for ch in head.split("(")[0]):
            n = max(k, n + 1)
            continue
        rows = list(range(n + 1, k))
        dates = "   ".join(_ROW_DATE_CELL.match(lines[r]).group("date") for r in rows)  # type: ignore[union-attr]
        today = [r for r in rows if _TODAY_MARK.search(lines[r])]
        keep = today[0] if len(today) == 1 else rows[0] if _newest_first("x " + dates) else rows[-1]
        for r in rows:
            mt = _ROW_DATE_CELL.match(lines[r])
            assert mt is not None
            if r == keep:
                lines[r] = " " * mt.end("date") + lines[r][mt.end("date"):]
            else:
                lines[r] = " " * len(lines[r])
        # the heading and the rows up to the kept one become one line (each line break a space): the value is read
        # with its name
        lines[n:keep + 1] = [" ".join(lines[n:keep + 1])]
        n += k - keep
    return "\n".join(lines)


def fold(text: str) -> str:
    """Lower-case, unify quotes and dashes, strip accents except µ and °."""
    if text.isascii():
        return text.lower()
    text = text.lower().replace("’", "'").replace("‘", "'").replace("μ", "µ")
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("μ", "µ")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded form
    start: int
    end: int
    kind: str  # "num", "word", "sym"


def _cjk_tokens(word: str, start: int) -> list[Token]:
    """Chinese and Japanese are written without spaces: each ideograph or kana is a token of its own, so that a term
    ("脾腫", "发热") is a run of them ("骨髄にびまん性集積" holds "びまん性"); Latin letters stay words."""
    return [Token(piece.group(), start + piece.start(), start + piece.end(), "word") for piece in _CJK_PIECE.finditer(word)]


def tokenize(text: str) -> list[Token]:
    """Tokens of folded text with character offsets into ``text`` (same length after folding)."""
    folded = fold(text)
    if len(folded) != len(text):  # accents that changed length: fall back to a per-character fold
        folded = "".join(fold(ch)[:1] or " " for ch in text)
    tokens = []
    for mt in _TOKEN.finditer(folded):
        kind = mt.lastgroup or "sym"
        if kind == "glued":
            kind = "word"
        word = mt.group()
        if kind == "word" and "/" in word and any(len(part) > 4 for part in word.split("/")):
            # "lytic/sclerotic", "hilar/mediastinal": two words; "s/p", "h/o", "mg/dl", "ap/ax" stay one token
            pos = mt.start()
            for i, part in enumerate(word.split("/")):
                if i:
                    tokens.append(Token("/", pos, pos + 1, "sym"))
                    pos += 1
                if part and not part.isascii() and _CJK.search(part):
                    tokens.extend(_cjk_tokens(part, pos))  # "溶骨性/硬化性変化なし": each side is Chinese or Japanese
                elif part:
                    tokens.append(Token(part, pos, pos + len(part), "word" if part[:1].isalpha() else "num"))
                pos += len(part)
            continue
        if kind == "word" and not word.isascii() and _HANGUL_WORD.fullmatch(word):
            # Korean is spaced, but a particle is written onto its word ("발열은", "비장비대가", "골수에서"): the word and
            # its particle are two tokens, so that "발열" is the term in each (short words keep theirs: "온도", "나이")
            cut = _particle_at(word)
            if cut:
                tokens.append(Token(word[:cut], mt.start(), mt.start() + cut, "word"))
                tokens.append(Token(word[cut:], mt.start() + cut, mt.end(), "word"))
                continue
        if kind == "word" and not word.isascii() and _CJK.search(word):
            tokens.extend(_cjk_tokens(word, mt.start()))
            continue
        elided = _ELISION.match(word) if kind == "word" else None
        if elided:
            # French and Italian elision: "pas d'anomalie lytique" is "pas d' anomalie lytique", so "pas d'" negates
            # and "anomalie" is a word of its own ("l'examen", "dell'anca", "un'area")
            cut = mt.start() + elided.end(1)
            tokens.append(Token(elided.group(1), mt.start(), cut, "word"))
            tokens.append(Token(word[elided.end(1) + 1:], cut + 1, mt.end(), "word"))
            continue
        tokens.append(Token(word, mt.start(), mt.end(), kind))
    return tokens


# an elided article or preposition and its word: "d'anomalie", "l'examen", "qu'une", "dell'anca", "un'area"
_ELISION = re.compile(r"(d|l|qu|j|n|s|c|m|t|dell|all|dall|nell|sull|coll|quell|un)['’](?=[^\W\d_]{2})", re.I)


HANGUL_CHARS = "\uac00-\ud7a3"
_HANGUL_WORD = re.compile(f"[{HANGUL_CHARS}]{{3,}}")
_PARTICLES_1 = frozenset("이가은는을를의에도로와과만")
_PARTICLES_2 = frozenset({"에서", "으로", "에게", "까지", "부터", "보다", "이며", "이고", "에는", "에도", "으며"})


def _particle_at(word: str) -> int:
    """Where a Korean particle starts at the end of ``word`` (0 if none): two syllables after a word of two or
    more, one after a word of two or more."""
    if len(word) >= 4 and word[-2:] in _PARTICLES_2:
        return len(word) - 2
    if word[-1] in _PARTICLES_1:
        return len(word) - 1
    return 0


# ideographs and kana: each is a token of its own (Chinese and Japanese are written without spaces)
CJK_CHARS = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{CJK_CHARS}]")
_CJK_PIECE = re.compile(f"[{CJK_CHARS}]|[^{CJK_CHARS}]+")


@functools.lru_cache(maxsize=65536)
def normalise(term: str) -> str:
    """The canonical key of a term: folded tokens joined by single spaces, hyphens dropped."""
    return " ".join(t.text for t in tokenize(term) if t.text not in {"-", "–", "—"})


# punctuation that does not separate the words of a term: "R-CHOP" = "r chop", "E. coli" = "e coli"
KEY_SKIP = frozenset({"-", "–", "."})


@functools.lru_cache(maxsize=65536)
def term_tokens(term: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(term) if t.text not in KEY_SKIP)


def one_line(text: str, limit: int = 80) -> str:
    text = _SPACE.sub(" ", clean(text).replace("\n", " ")).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]<>()#+-.!|~"})


def md_escape(text: str) -> str:
    """Make user text literal inside Markdown (no emphasis, links, HTML or Rich markup)."""
    return str(text).translate(_MD_SPECIAL)
