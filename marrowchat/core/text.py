"""Text hygiene and tokenising shared by the matcher, the validator and the reports."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")

# a token: a number (1,234.5 / 8.1 / 8,1), a word (letters, may hold ' or internal / as in s/p, h/o, g/dl),
# or one meaningful symbol
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*(?:/[^\W_]+)*)"
    r"|(?P<sym>[?<>≥≤=%°^×+~—–\-/:;.,()\[\]&*#@!])"
)


def clean(text: str) -> str:
    """Drop ANSI escapes and control characters, keep newlines and tabs as spaces/newlines."""
    text = _ANSI.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# A trend table pasted from a flowsheet: a header of days, dates or times, then rows of one measurement over them
# ("Hb (g/dL)   10.8   9.9   9.1   8.2   7.7"). The last column is today's value.
_TREND_HEAD = re.compile(r"^\s*(?:(?:icu|hospital|hosp|post-?op|admission|illness|treatment|tx)\s+)?"
                         r"(?:day|days|date|dates|time|d|week|wk|dia|día|jour|tag|giorno|dag|dzień)s?\b[^\d\n]{0,12}"
                         r"(?P<cells>(?:[ \t]+\S+){2,})\s*$", re.IGNORECASE)
_DATE_CELLS = re.compile(r"(?:[ \t]+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{1,2}-[a-z]{3}|[dD][+-]?\d{1,3}|"
                         r"\d{1,2}:\d{2})(?=[ \t]|$)){3,}", re.IGNORECASE)
_TREND_ROW = re.compile(r"^(?P<label>.*?[^\d\s,.<>≤≥+-])(?P<cells>(?:[ \t]+(?:[<>≤≥]?\d[\d,]*(?:[.,]\d+)?|[-–—]|n/?a)"
                        r"(?=[ \t]|$)){2,})(?P<tail>(?:[ \t]+[^\d\s<>≤≥]\S*|[ \t]+\d\S*[-–]\S*)*)\s*$", re.IGNORECASE)
_CELL = re.compile(r"[^ \t]+")


def latest_in_trends(text: str) -> str:
    """Each row of a pasted trend table keeps only its last value (earlier columns, and flag and reference-range
    columns after it, become blanks of the same length, so offsets into the text stay true): "Neut 7.1 3.4 1.8 0.9
    0.6" under a row of days is a neutrophil count of 0.6 today."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    in_table = False
    for n, raw in enumerate(lines):
        line = raw.replace("|", " ")  # a table drawn with pipes reads as one drawn with spaces (same length)
        row = _TREND_ROW.match(line) if in_table else None
        if row is None:
            in_table = bool(_TREND_HEAD.match(line) or _DATE_CELLS.search(line))
            continue
        start = row.start("cells")
        cells = [(c.start() + start, c.end() + start, c.group()) for c in _CELL.finditer(row.group("cells"))]
        numeric = [c for c in cells if c[2][:1].isdigit() or c[2][:1] in "<>≤≥"]
        if len(numeric) < 2:
            continue
        keep = numeric[-1]
        chars = list(raw)
        for lo, hi, _ in cells:
            if (lo, hi) != keep[:2]:
                chars[lo:hi] = " " * (hi - lo)
        for k in range(row.start("tail"), row.end("tail")):
            if chars[k] != "|":
                chars[k] = " "  # the flag and reference-range columns ("H | 4.0-11.0") are not values
        lines[n] = "".join(chars)
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


def tokenize(text: str) -> list[Token]:
    """Tokens of folded text with character offsets into ``text`` (same length after folding)."""
    folded = fold(text)
    if len(folded) != len(text):  # accents that changed length: fall back to a per-character fold
        folded = "".join(fold(ch)[:1] or " " for ch in text)
    tokens = []
    for mt in _TOKEN.finditer(folded):
        kind = mt.lastgroup or "sym"
        word = mt.group()
        if kind == "word" and "/" in word and any(len(part) > 4 for part in word.split("/")):
            # "lytic/sclerotic", "hilar/mediastinal": two words; "s/p", "h/o", "mg/dl", "ap/ax" stay one token
            pos = mt.start()
            for i, part in enumerate(word.split("/")):
                if i:
                    tokens.append(Token("/", pos, pos + 1, "sym"))
                    pos += 1
                if part:
                    tokens.append(Token(part, pos, pos + len(part), "word" if part[:1].isalpha() else "num"))
                pos += len(part)
            continue
        tokens.append(Token(word, mt.start(), mt.end(), kind))
    return tokens


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
