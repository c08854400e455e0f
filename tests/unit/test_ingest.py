"""Reading article files: encodings, newlines, escape sequences and every kind of bad input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reader.errors import IngestError
from reader.ingest import (
    decode_bytes,
    iter_article_files,
    load_articles,
    neutralise,
    read_path,
    read_stream,
)

ARTICLE = (
    "Ministers meet again as talks on the treaty resume\n\n"
    "The talks resumed on Monday in Geneva, where both delegations said they were ready to "
    "discuss the remaining questions of the draft treaty before the end of the month.\n\n"
    "Officials said that the meeting was the first of its kind in two years and that it "
    "would be followed by a second round of talks in Vienna.\n"
)
FRENCH = (
    "Le café de l’été – “déjà vu” à Paris, où l’on paie 5 € pour un crème. "
    "Les élèves étaient très contents de leur journée.\n"
)
PORTUGUESE = (
    "Olá! A reunião em São Paulo começou às três horas e não terminou até à noite. "
    "O ministro falou à imprensa sobre a situação.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), ARTICLE),
        (ARTICLE.encode("utf-16"), ARTICLE),  # with BOM
        (ARTICLE.encode("utf-16-le"), ARTICLE),  # without BOM
        (ARTICLE.encode("utf-16-be"), ARTICLE),
        (FRENCH.encode("cp1252"), FRENCH),
        (PORTUGUESE.encode("latin-1"), PORTUGUESE),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252", "latin1"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, expected: str) -> None:
    assert read_path(_write(tmp_path, "a.txt", data)) == expected


def test_bom_is_not_kept() -> None:
    assert not decode_bytes(b"\xef\xbb\xbfHello there.", "x").startswith("\ufeff")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path: Path, newline: str) -> None:
    data = ARTICLE.replace("\n", newline).encode("utf-8")
    assert read_path(_write(tmp_path, "a.txt", data)) == ARTICLE


def test_control_characters_are_stripped() -> None:
    cleaned = neutralise("a\x00b\x07c\x08d\x7fe\u202eg\tend")
    assert cleaned == "abcdeg end"
    assert neutralise("one\x85two\u2028three\x0cfour") == "one\ntwo\nthree\nfour"


def test_ansi_and_osc_sequences_are_stripped() -> None:
    raw = (
        "\x1b[31mred\x1b[0m and \x1b]8;;http://example.invalid\x07link\x1b]8;;\x07 "
        "\x1b]0;window title\x1b\\ok \x1b[2J\x1b[Hcleared \x9b31mc1\x1bPdcs\x1b\\ \x1bcreset"
    )
    cleaned = neutralise(raw)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned
    assert cleaned == "red and link ok cleared c1 reset"


def test_escape_sequences_stripped_when_reading_a_file(tmp_path: Path) -> None:
    data = ("\x1b[1mTitle\x1b[0m\n\n" + ARTICLE).encode("utf-8")
    text = read_path(_write(tmp_path, "a.txt", data))
    assert text.startswith("Title\n\n") and "\x1b" not in text


def test_binary_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(IngestError, match=r"image\.txt: binary"):
        read_path(path)


def test_random_bytes_with_nuls_are_binary(tmp_path: Path) -> None:
    path = _write(tmp_path, "blob.bin", bytes((i * 37) % 256 for i in range(5000)))
    with pytest.raises(IngestError, match="blob.bin"):
        read_path(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n \r\n"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match=r"empty\.txt: empty"):
        read_path(_write(tmp_path, "empty.txt", data))


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nope\.txt: no such file"):
        read_path(tmp_path / "nope.txt")


def test_path_through_a_file_is_unreadable(tmp_path: Path) -> None:
    parent = _write(tmp_path, "plain.txt", b"text")
    with pytest.raises(IngestError, match="cannot read"):
        read_path(parent / "child.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        read_path(fifo)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", ARTICLE.encode())
    path.chmod(0)
    with pytest.raises(IngestError, match=r"secret\.txt: cannot read"):
        read_path(path)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.txt", b"word " * 1000)
    with pytest.raises(IngestError, match=r"huge\.txt: too big"):
        read_path(path, max_bytes=1000)


def test_default_limit_is_20_mb(tmp_path: Path) -> None:
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 2**20 + 1)  # sparse: costs no disk
    with pytest.raises(IngestError, match="too big"):
        read_path(path)


def test_stream_over_the_limit_is_refused() -> None:
    with pytest.raises(IngestError, match="-: too big"):
        read_stream(io.BytesIO(b"x" * 2000), max_bytes=1000)


def test_stream_is_decoded() -> None:
    assert read_stream(io.BytesIO(ARTICLE.encode("utf-16")), "-") == ARTICLE


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    for data in (b"", b"\x00\x01\x02" * 100, b"\x89PNG...."):
        with pytest.raises(IngestError) as info:
            read_path(_write(tmp_path, "x.txt", data))
        assert "\n" not in str(info.value) and "x.txt" in str(info.value)


def test_folder_walk_skips_hidden_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in (
        "b.txt",
        "a.txt",
        "sub/c.txt",
        ".secret.txt",
        ".hidden/d.txt",
        "x.json",
        "README.md",
    ):
        _write(tmp_path, name, ARTICLE.encode())
    names = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path])]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]


def test_folder_with_bad_files_loads_the_good_ones(tmp_path: Path) -> None:
    _write(tmp_path, "good1.txt", ARTICLE.encode("utf-8"))
    _write(tmp_path, "good2.txt", ARTICLE.encode("utf-16"))
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "binary.txt", b"\x7fELF" + bytes(range(256)))
    articles, errors = load_articles([tmp_path, tmp_path / "missing.txt"])
    assert sorted(Path(a.path).name for a in articles) == ["good1.txt", "good2.txt"]
    assert len(errors) == 3
    assert any("empty.txt" in e for e in errors)
    assert any("binary.txt" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    assert all("\n" not in e for e in errors)
    assert articles[0].title == "Ministers meet again as talks on the treaty resume"
    assert len(articles[0].paragraphs) == 2


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    articles, errors = load_articles([tmp_path / "empty"])
    assert articles == [] and len(errors) == 1 and "no article files" in errors[0]


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Running as root, chmod cannot make a file unreadable: simulate the refusal instead.
    path = _write(tmp_path, "locked.txt", ARTICLE.encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(IngestError, match=r"locked\.txt: cannot read \(Permission denied\)"):
        read_path(path)


# A UTF-8 article with typographic quotes and dashes, as news pages are (QA round 3).
QUOTED = (
    "Russia marches one step closer to war – Putin rejects olive branch\n\n"
    "NATO’s chief said the talks were “frank” and that the alliance’s door stays open – "
    "for now. Moscow’s envoy said Russia’s demands were not a menu.\n"
)


@pytest.mark.parametrize("stray", [b"\xff", b"\xc3", b"\x80\x80"], ids=["ff", "lead", "conts"])
def test_a_stray_bad_byte_in_utf8_is_replaced_not_guessed_away(stray: bytes) -> None:
    """QA: one invalid byte made the whole article cp1252 mojibake ("war ‚Äď Putin")."""
    data = QUOTED.encode("utf-8")
    cut = data.index(b" said the talks")
    notes: list[str] = []
    text = decode_bytes(data[:cut] + stray + data[cut:], "a.txt", notes)
    at = QUOTED.index(" said the")
    assert text == QUOTED[:at] + "\ufffd" * len(stray) + QUOTED[at:]
    noun = "byte" if len(stray) == 1 else "bytes"
    assert notes == [f"a.txt: {len(stray)} invalid UTF-8 {noun} replaced"]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "cp1252"),
        (PORTUGUESE, "latin-1"),
        (
            "Les élèves de l’école «ÉTÉ» étaient très contents de leur journée à Paris, où l’on "
            "paie 5 € pour un café.\n",
            "cp1252",
        ),
        ("Сообщили ТАСС» и «СССР» – пожар на складе в порту, пострадавших нет.\n", "cp1251"),
        ("청소년보호정책: 서울 시내 버스 요금이 다음 달부터 오른다고 시가 밝혔다.\n", "euc_kr"),
        ("Пожар на складе в порту: пострадавших нет, сообщили власти.\n", "koi8_r"),
    ],
    ids=["cp1252", "latin1", "cp1252-caps", "cp1251", "koi8r", "euc-kr"],
)
def test_single_byte_text_is_not_taken_for_damaged_utf8(text: str, encoding: str) -> None:
    # Some hold by chance a valid UTF-8 pair ("É»" is C9 BB, "ТАСС»" D1 BB), besides many bad bytes.
    notes: list[str] = []
    assert decode_bytes(text.encode(encoding), "a.txt", notes) == text
    assert notes == []
