"""Metadata from the text of a page: dates (to ISO 8601), bylines, outlet lines, derived titles."""

from __future__ import annotations

import re

_MONTHS_TEXT = {
    1: "january jan gennaio gen janeiro enero ene janvier janv januar jänner jän января январь янв",
    2: "february feb febbraio fevereiro fev febrero février févr fevr februar февраля февраль фев",
    3: "march mar marzo março marco mars märz марта март",
    4: "april apr aprile abril abr avril avr апреля апрель апр",
    5: "may maggio mag maio mai mayo мая май",
    6: "june jun giugno giu junho junio juin juni июня июнь июн",
    7: "july jul luglio lug julho julio juillet juil juli июля июль июл",
    8: "august aug agosto ago août aout августа август авг",
    9: "september sept sep settembre set setembro septiembre setiembre septembre сентября сентябрь"
    " сен сент",
    10: "october oct ottobre ott outubro out octubre octobre oktober okt октября октябрь окт",
    11: "november nov novembre novembro noviembre ноября ноябрь ноя",
    12: "december dec dicembre dic dezembro dez diciembre décembre déc"
    " dezember дек декабря декабрь",
}
MONTHS: dict[str, int] = {
    name: number for number, names in _MONTHS_TEXT.items() for name in names.split()
}
_DIGIT_RE = re.compile(r"\d")
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|º|°|er)?"

_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2})?"), "ymd"),
    (re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일"), "ymd"),
    (re.compile(r"\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b"), "ymd"),
    (
        re.compile(
            rf"\b(\d{{1,2}}){_ORD}(?:\.?\s+(?:de\s+)?|[./-])({_MONTH_ALT})(?:\.?,?\s+(?:de\s+)?|[./-])"
            rf"(\d{{4}})\b",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    (
        re.compile(
            rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b",
            re.IGNORECASE,
        ),
        "mdy",
    ),
    (re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b"), "numeric"),
)

# Words that may surround a date on a date line ("Published: Mon 12 Jan 2022, 18:04 GMT").
_DATE_FILLER_RE = re.compile(
    r"(?:published|updated|posted|last|modified|on|at|date|pubblicato|aggiornato|il|alle|ore"
    r"|publicado|atualizado|actualizado|em|às|el|a las|publié|le|mis à jour|à|von|am|um|uhr"
    r"|опубликовано|обновлено|в|입력|수정|기사입력|최종수정|ago|gmt|bst|utc|cet|cest|est|edt|pst"
    r"|pdt|[ap]\.?m\.?|mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|segunda|terça|quarta|quinta|sexta|sábado|domingo|feira|lunes|martes|miércoles|jueves"
    r"|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonntag|понедельник|вторник|среда|четверг|пятница|суббота"
    r"|воскресенье|há|horas?|minutos?|ore|fa|назад|час\w*|минут\w*|hours?|minutes?|mins?|\d+"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?|[-+]\d{2}:?\d{2}|\d+ min(?:ute)?s? read|read"
    r"|[,.|/:()·•–—-])",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    if 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as (ISO date, start, end), or None."""
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groups()
        if order == "ymd":
            iso = _valid(int(groups[0]), int(groups[1]), int(groups[2]))
        elif order == "dmy":
            iso = _valid(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
        elif order == "mdy":
            iso = _valid(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]))
        else:
            first, second, year = int(groups[0]), int(groups[2]), int(groups[3])
            # Day first unless that is impossible (US sites write 01/24/2022).
            iso = _valid(year, second, first) or _valid(year, first, second)
        if iso:
            return iso, match.start(), match.end()
    return None


def date_line(text: str) -> str | None:
    """The ISO date if the line is a date line (a date and only filler around it)."""
    if len(text) > 90 or not _DIGIT_RE.search(text):
        return None
    found = find_date(text)
    if not found:
        return None
    iso, start, end = found
    rest = text[:start] + " " + text[end:]
    again = find_date(rest)  # "입력 2026.11.22 14:35 수정 2026.11.22 15:00": two stamps
    if again:
        rest = rest[: again[1]] + " " + rest[again[2] :]
    rest = _DATE_FILLER_RE.sub(" ", rest)
    if len(rest.split()) > 2:
        return None
    return iso


_YEARLESS_RE = re.compile(
    rf"\b(\d{{1,2}}){_ORD}\.?\s+(?:de\s+)?({_MONTH_ALT})\b\.?|\b({_MONTH_ALT})\.?\s+(\d{{1,2}}){_ORD}\b",
    re.IGNORECASE,
)


def yearless_date_line(text: str) -> bool:
    """A date line without a year ("22 ноября, 14:35", "Nov 22, 9:03 am"): page furniture."""
    if len(text) > 60 or not _DIGIT_RE.search(text):
        return False
    match = _YEARLESS_RE.search(text)
    if not match:
        return False
    rest = _DATE_FILLER_RE.sub(" ", text[: match.start()] + " " + text[match.end() :])
    return len(rest.split()) <= 1


_KOREAN_BYLINE_RE = re.compile(
    r"^(?:기자명\s*)?\[?(?:[가-힣]+\s+)?(?P<name>[가-힣]{2,4})\s*(?:기자|특파원|통신원|PD)\]?"
    r"(?:\s*\(?[\w.+-]+@[\w.-]+\)?)?$"
)
# After the name: what follows a separator (outlet, date). A hyphen separates only after a
# space ("By Jane Doe - Reuters"): inside a word it joins a name ("Kim Min-su", "Jean-Pierre").
_BYLINE_RE = re.compile(
    r"^(?:by|written by|words by|reporting by|text by|di|a cura di|por|par|von|door|автор:?"
    r")\s*:?\s+(?P<name>[^\W\d_][^|•·]{1,80}?)(?:\s*[|•·,–—]|\s+-|\s*$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BYLINE_FIRST_WORDS = frozenset(
    "by written words reporting text di a por par von door автор".split()
)
_NOT_AUTHOR = frozenset(
    "admin administrator editor editors staff webmaster guest user author redazione redação"
    " redacción rédaction redaktion редакция newsroom newsdesk".split()
) | frozenset(
    {"web desk", "news desk", "digital desk", "staff reporter", "staff writer", "our reporter",
     "our correspondent", "online desk", "desk"}
)  # fmt: skip


def byline_line(text: str) -> tuple[str | None, str | None] | None:
    """(author or None, ISO date or None) when the line is a byline, else None.

    "By admin" is a byline line (it is not body) but names no author.
    """
    if len(text) > 120 or text.endswith((".", "!", "?")) and not text.endswith(("Jr.", "Sr.")):
        return None
    if "기자" in text or "특파원" in text or "통신원" in text or "PD" in text:
        korean = _KOREAN_BYLINE_RE.match(text)
        if korean:
            return korean.group("name"), None
    first = text.split(None, 1)[0].lower().rstrip(":")
    if first not in _BYLINE_FIRST_WORDS:
        return None
    match = _BYLINE_RE.match(text)
    if not match:
        return None
    name = match.group("name").strip().rstrip("-").rstrip()  # "By Jane Doe-" (no more text)
    rest = match.group("rest") or ""
    words = name.split()
    if not words or len(words) > 8:
        return None
    # A byline names people or an agency: mostly capitalised words (or a one-word user name).
    capitalised = sum(1 for w in words if w[0].isupper())
    if len(words) > 1 and capitalised * 2 < len(words):
        return None
    date = find_date(rest or text)
    iso = date[0] if date else None
    if name.lower() in _NOT_AUTHOR or (len(words) == 1 and name.islower()):
        return None, iso
    return name, iso


_SOURCE_RE = re.compile(
    r"^(?:source|sources|fonte|fuente|source de l['’]article|quelle|источник|출처)"
    r"\s*:\s*(?P<name>\S.{0,60})$",
    re.IGNORECASE,
)
_DOMAIN_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<name>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})/?$")


def source_line(text: str) -> str | None:
    """The outlet named by a "source: ..." line or a bare domain line."""
    if ":" in text:
        match = _SOURCE_RE.match(text)
        if match:
            return match.group("name").strip()
    if " " in text or "." not in text:
        return None
    match = _DOMAIN_RE.match(text)
    if match:
        return match.group("name")
    return None


_OUTLET_STOP = frozenset(
    "latest more related see share comments home menu news world video photos advertisement"
    " read watch listen top most trending popular recommended follow subscribe".split()
)


def outlet_name(text: str) -> str | None:
    """An outlet's name standing alone ("The National", "Reuters"), else None."""
    if len(text) > 40 or any(ch.isdigit() for ch in text) or text.endswith((":", "?", "!")):
        return None
    words = text.rstrip(".").split()
    if not 1 <= len(words) <= 4:
        return None
    if not all(w[0].isupper() or w.lower() in ("of", "the", "and", "de", "di") for w in words):
        return None
    if words[0].lower() in _OUTLET_STOP or any(w.lower() in ("said", "says") for w in words):
        return None
    return text.rstrip(".")


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?。])[\"'”’»]?\s+")


def derive_title(paragraph: str, max_chars: int = 90) -> str:
    """A short title from the first sentence of a paragraph (no trailing full stop)."""
    sentence = _SENTENCE_SPLIT_RE.split(paragraph.strip(), maxsplit=1)[0].strip()
    sentence = sentence.rstrip(".。 ")
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[:max_chars].rsplit(" ", 1)[0].rstrip(",;:–— ")
    return cut + "…"
