"""Reading article files: bytes -> safe text -> cleaned Article.

Everything here turns bad input into a one-line `IngestError` naming the file (binary, empty,
too big, unreadable, undecodable) and neutralises what could harm a terminal (control characters,
ANSI/OSC escape sequences, bidi overrides). No Textual import: the CLI and the app both use it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from reader.errors import IngestError
from reader.model import Article

DEFAULT_MAX_BYTES = 20 * 2**20
# reader.clean judges at most MAX_LINES lines per text; it lists the rest as removed with this
# reason.
CUT_SHORT_REASON = "beyond-line-limit"
# Suffixes picked up when walking a folder (explicitly named files are always tried).
ARTICLE_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_FOLDER_DOC_STEMS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"})

# 7-bit terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST) and
# DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ST), each only when terminated on the same line within
# 512 characters, then any other ESC sequence, and the 8-bit CSI (bounded: parameters and a final
# byte). An unterminated string loses only its introducer: what follows is article text. Other
# 8-bit C1 controls are stripped one by one (below), never read as string introducers: in scraped
# text they are nearly always mojibake ("â€\x9d" for ”), and reading them as OSC/DCS would
# swallow the text that follows.
_ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b\n]{0,512}\x1b\\"
    r"|\x1b[ -/]*[0-~]?"
)
# Remaining C0/C1 controls except tab and newline; DEL; bidi overrides/isolates (they can make
# a terminal show text in a misleading order).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_OTHER_NEWLINES = ("\u2028", "\u2029", "\x0b", "\x0c", "\x85")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_COMMON_ENCODINGS = frozenset(
    {"utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "euc_kr", "cp949", "utf_16"}
)
# Damaged UTF-8 has at most one invalid byte per this many characters (legacy text has one per
# accented letter or, in Cyrillic and Korean, nearly every letter).
_UTF8_MAX_BAD_BYTE_SHARE = 100
# Magic numbers of common binary formats people drop into article folders by mistake.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"\xff\xd8\xff",
    b"GIF8",
    b"SQLite format 3",
)


def neutralise(text: str) -> str:
    """Strip terminal escape sequences and control characters; normalise CRLF/CR to LF."""
    # Plain `in` tests are memchr-fast; most texts need none of the rewrites.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for newline in _OTHER_NEWLINES:
        if newline in text:
            text = text.replace(newline, "\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_RE.sub("", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    return text


def neutral_line(value: object) -> str | None:
    """A metadata value (a title, a date, an author) as one neutralised line; None unless it
    is a string with some text."""
    if not isinstance(value, str):
        return None
    return " ".join(neutralise(value).split()) or None


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _is_binary_text(text: str) -> bool:
    """After decoding: too many control or replacement characters means it was not text."""
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\n\r\t\x0c\x1b") or ch == "\ufffd")
    return bad > max(8, len(sample) // 50)


def decode_bytes(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Decode an article's bytes (BOM, UTF-8, UTF-16, else charset-normalizer) and neutralise.

    What the user should know about a decoding that went through anyway (bytes replaced) is
    appended to `notes` as one line naming the file, when a list is given.
    """
    if not data or not data.strip():
        raise IngestError(f"{name}: empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise IngestError(f"{name}: cannot decode as {encoding}") from error
            break
    if text is None:
        if data.startswith(_BINARY_MAGIC):
            raise IngestError(f"{name}: binary file, not text")
        utf16 = _looks_utf16_without_bom(data)
        if utf16:
            text = data.decode(utf16, errors="replace")
        elif data[:8192].count(0) > max(2, len(data[:8192]) // 100):
            raise IngestError(f"{name}: binary file, not text")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_mostly_utf8(data, name, notes)
                if text is None:
                    text = _decode_guessing(data, name)
    if _is_binary_text(text):
        raise IngestError(f"{name}: binary file, not text")
    text = neutralise(text)
    if not text.strip():
        raise IngestError(f"{name}: no text in file")
    return text


# Undecodable bytes as `surrogateescape` leaves them.
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def _decode_mostly_utf8(data: bytes, name: str, notes: list[str] | None) -> str | None:
    """UTF-8 with a few stray bad bytes (each replaced by U+FFFD), or None if it is not UTF-8.

    Legacy text (cp1252, latin-1, cp1251, KOI8-R, EUC-KR) seldom forms a valid UTF-8 multi-byte
    sequence by chance, while each of its non-ASCII letters makes an invalid byte: a text with
    rare bad bytes and at least as many valid multi-byte characters is UTF-8 that got damaged,
    and guessing a code page for it would turn every one of those characters into mojibake.
    """
    # Counted on copies, not with a list of matches: a 20 MB legacy file has millions.
    valid = data.decode("utf-8", errors="ignore")
    bad = len(data) - len(valid.encode("utf-8"))
    if bad * _UTF8_MAX_BAD_BYTE_SHARE > len(valid) + bad:
        return None
    multibyte = len(valid) - len(valid.encode("ascii", errors="ignore"))
    if multibyte < bad:
        return None
    text = data.decode("utf-8", errors="surrogateescape")  # one lone surrogate per bad byte
    if notes is not None:
        noun = "byte" if bad == 1 else "bytes"
        notes.append(f"{name}: {bad:,} invalid UTF-8 {noun} replaced")
    return _ESCAPED_BYTE_RE.sub("\ufffd", text)


def _decode_guessing(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # only for non-UTF-8 files

    matches = list(from_bytes(data[:200_000] if len(data) > 200_000 else data))
    if not matches:
        raise IngestError(f"{name}: binary file or unknown text encoding")
    # charset-normalizer often scores several single-byte code pages alike (cp1257 vs cp1252 for
    # French); among near-equal candidates prefer the ones news files really come in.
    best = max(
        matches,
        key=lambda m: m.coherence - m.chaos + (0.06 if m.encoding in _COMMON_ENCODINGS else 0.0),
    )
    encoding = best.encoding
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode(encoding, errors="replace")


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"{name}: too big (over {_size_text(max_bytes)})")
    return data


def _size_text(size: int) -> str:
    if size >= 2**20:
        return f"{size / 2**20:g} MB"
    return f"{size} bytes"


def read_path(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, notes: list[str] | None = None
) -> str:
    """Read one file as decoded, neutralised text; IngestError with a one-line message otherwise.

    `notes` collects one-line remarks on a file that was read anyway (see `decode_bytes`).
    """
    path = Path(path)
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise IngestError(f"{name}: no such file") from error
    except OSError as error:
        raise IngestError(f"{name}: cannot read ({error.strerror or error})") from error
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"{name}: not a regular file")
    if info.st_size > max_bytes:
        raise IngestError(
            f"{name}: too big ({_size_text(info.st_size)}; limit {_size_text(max_bytes)})"
        )
    try:
        with path.open("rb") as stream:
            data = _read_limited(stream, name, max_bytes)
    except IngestError:
        raise
    except OSError as error:
        raise IngestError(f"{name}: cannot read ({error.strerror or error})") from error
    return decode_bytes(data, name, notes)


def read_stream(
    stream: BinaryIO,
    name: str = "-",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    notes: list[str] | None = None,
) -> str:
    """Read a binary stream (e.g. standard input) as decoded, neutralised text."""
    try:
        data = _read_limited(stream, name, max_bytes)
    except OSError as error:
        raise IngestError(f"{name}: cannot read ({error.strerror or error})") from error
    return decode_bytes(data, name, notes)


def _is_hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(part.startswith(".") for part in parts)


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, folders walked recursively (sorted), hidden files and folders skipped.

    A named path that does not exist is still yielded so that reading it reports the error.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        for folder, dirnames, filenames in os.walk(path, onerror=None):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for filename in filenames:
                candidate = Path(folder) / filename
                if filename.startswith(".") or _is_hidden(candidate, path):
                    continue
                if candidate.stem.upper() in _FOLDER_DOC_STEMS:
                    continue  # a folder's own documentation, not an article
                if candidate.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(candidate)
        yield from sorted(found)


_HTML_START_RE = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>]))", re.I
)
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|body|article|section|br|h[1-6]|span|a|li|ul|table|head|title|meta|script)[\s>/]",
    re.I,
)


def looks_like_html(text: str, *, by_name: bool = False) -> bool:
    """Whether text is HTML, judged by its content (a name alone can lie either way).

    A document that starts like HTML is HTML; otherwise a file named .html needs one tag and any
    other text a handful of them in its first 4 KB.
    """
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return True
    tags = len(_HTML_TAG_RE.findall(head))
    return tags >= (1 if by_name else 5)


def article_from_text(text: str, *, path: str | None = None, html: bool = False) -> Article:
    """Clean decoded text (HTML through the library's cleaner when it is there)."""
    if html:
        try:
            from reader.library.html import clean_html  # owned by the library helper
        except ImportError:
            pass
        else:
            article = clean_html(text)
            article.path = path
            return article
    from reader.clean import clean_text

    return clean_text(text, path=path)


def load_article(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, notes: list[str] | None = None
) -> Article:
    """Read and clean one file; IngestError on bad input (`notes`: see `read_path`)."""
    text = read_path(path, max_bytes=max_bytes, notes=notes)
    by_name = Path(path).suffix.lower() in HTML_SUFFIXES
    return article_from_text(text, path=str(path), html=looks_like_html(text, by_name=by_name))


def was_cut_short(article: Article) -> bool:
    """Whether the cleaner stopped reading the text at its line limit (the rest is `removed`)."""
    # the cut lines are appended last: look from the end
    return any(line.reason == CUT_SHORT_REASON for line in reversed(article.removed))


def cut_short_note() -> str:
    """What `clean` tells the user about an article that was cut short."""
    from reader.clean import MAX_LINES

    return f"only the first {MAX_LINES:,} paragraphs kept"


def load_articles(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """Cleaned articles from files and folders, and one-line messages for the files that failed."""
    articles: list[Article] = []
    errors: list[str] = []
    for given in paths:
        found = False
        for path in iter_article_files([given]):
            found = True
            try:
                articles.append(load_article(path, max_bytes=max_bytes))
            except IngestError as error:
                errors.append(str(error))
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
                errors.append(f"{path}: could not clean ({type(error).__name__}: {error})")
        if not found:
            errors.append(f"{given}: no article files in this folder (or it cannot be read)")
    return articles, errors
