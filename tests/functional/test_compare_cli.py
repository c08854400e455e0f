"""`newsreader compare`: JSON contract, side-by-side output, errors, no Textual import."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

A_TEXT = (
    "NATO rejected Russia's demand to halt its expansion in Eastern Europe.\n\n"
    "The talks in Brussels lasted almost four hours on Wednesday.\n\n"
    "Markets in Tokyo closed higher as tech stocks rallied."
)
B_TEXT = (
    "The talks in Brussels lasted almost four hours on Wednesday.\n\n"
    "Nato rejected the Russian demand to halt expansion into eastern Europe.\n\n"
    "Fighting in the Donbas has killed more than 14,000 people."
)


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["compare", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_no_clean_offsets_index_the_file_text(files, capsys) -> None:
    data = _json(capsys, str(files[0]), str(files[1]), "--no-clean")
    assert set(data) == {"a", "b", "pairs", "only_a", "only_b", "summary"}
    assert data["a"]["text"] == A_TEXT and data["b"]["text"] == B_TEXT
    assert set(data["a"]) == {"title", "source", "text"}
    assert len(data["pairs"]) == 2
    assert {p["kind"] for p in data["pairs"]} <= {"identical", "changed", "moved"}
    texts = {
        (
            data["a"]["text"][p["a"][0][0] : p["a"][-1][1]],
            data["b"]["text"][p["b"][0][0] : p["b"][-1][1]],
        )
        for p in data["pairs"]
    }
    assert (A_TEXT.split("\n\n")[1], B_TEXT.split("\n\n")[0]) in texts
    assert [A_TEXT[s:e] for s, e in data["only_a"]] == [A_TEXT.split("\n\n")[2]]
    assert [B_TEXT[s:e] for s, e in data["only_b"]] == [B_TEXT.split("\n\n")[2]]
    for pair in data["pairs"]:
        assert 0 <= pair["score"] <= 100
        for op in pair["diff"]:
            assert op["tag"] in {"equal", "insert", "delete", "replace"}
    assert 0 < data["summary"]["a_in_b"] < 1 and 0 < data["summary"]["b_in_a"] < 1


def test_json_cleaned_text_is_what_offsets_index(seeds_dir: Path, capsys) -> None:
    a = seeds_dir / "001_908d7d097edb7dff.txt"
    b = seeds_dir / "003_28968c70fc459404.txt"
    data = _json(capsys, str(a), str(b))
    assert data["a"]["text"] != a.read_text(encoding="utf-8")  # cleaned
    assert data["pairs"], "the two seed articles share passages"
    for side in ("a", "b"):
        text = data[side]["text"]
        for pair in data["pairs"]:
            for start, end in pair[side]:
                assert 0 <= start < end <= len(text)
                assert text[start:end].strip() == text[start:end]


def test_side_by_side_marks_changes_without_colour(files, capsys) -> None:
    assert main(["compare", str(files[0]), str(files[1]), "--width", "120", "--no-clean"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # not a terminal: no colour codes, the symbols carry the meaning
    assert "[only in A] Markets in Tokyo" in out
    assert "[only in B] Fighting in the Donbas" in out
    assert "[-" in out and "{+" in out
    # gutter marks are the app's: "*" one side only, "~" changed
    cells = [line.split("│")[1] for line in out.splitlines() if line.count("│") >= 3]
    gutters = {cell.split()[-1] for cell in cells if cell.strip()}
    assert {"*", "~"} <= gutters and not gutters & {"-", "+", "<", ">"}
    assert "A found in B:" in out
    assert max(len(line) for line in out.splitlines()) <= 120


def test_article_text_is_not_markup(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The [bold]minister[/bold] resigned on Sunday evening in Paris.", encoding="utf-8")
    b.write_text("The [bold]minister[/bold] resigned on Sunday evening in Paris.", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--no-clean", "--width", "100"]) == 0
    assert "[bold]minister[/bold]" in capsys.readouterr().out


def test_missing_file_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["compare", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")]) == 1
    lines = capsys.readouterr().err.strip().splitlines()  # one line per missing file
    assert len(lines) == 2 and all(line.startswith("newsreader: ") for line in lines)
    assert "nope.txt" in lines[0] and "nope2.txt" in lines[1]
    assert main(["compare", str(tmp_path / "nope.txt"), str(tmp_path)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_empty_and_binary_files_do_not_crash(tmp_path: Path, capsys) -> None:
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_text("", encoding="utf-8")
    binary.write_bytes(bytes(range(256)) * 8)
    for a, b in ((empty, empty), (binary, empty)):
        code = main(["compare", str(a), str(b), "--json", "--no-clean"])
        captured = capsys.readouterr()
        assert code in (0, 1)
        if code == 1:
            assert captured.err.startswith("newsreader: ")
        else:
            assert json.loads(captured.out)["pairs"] == []


def test_compare_does_not_import_textual(files) -> None:
    code = (
        "import sys; from reader.cli import main; "
        f"main(['compare', {str(files[0])!r}, {str(files[1])!r}, '--width', '80']); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'; "
        "assert 'numpy' not in sys.modules, 'numpy imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_file_names_with_escape_sequences_are_shown_escaped(tmp_path: Path, capsys) -> None:
    """QA: an OSC sequence in a file name retitled the terminal through the error line."""
    empty = tmp_path / "emp\x1b]0;x\x07ty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["clean", str(empty)]) == 1
    assert main(["compare", str(tmp_path / "no\x1b[31mpe.txt"), str(empty)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "emp\\x1b]0;x\\x07ty.txt: empty file" in err and "no\\x1b[31mpe.txt" in err


def test_identical_text_wraps_the_same_in_both_columns(seeds_dir: Path, capsys) -> None:
    """QA: the B column was one character wider, so the same text wrapped differently."""
    seed = seeds_dir / "002_b1cb49b56e4e3559.txt"
    for width in (100, 121):
        assert main(["compare", str(seed), str(seed), "--width", str(width)]) == 0
        lines = [line for line in capsys.readouterr().out.splitlines() if line.count("│") == 4]
        assert lines and all(line.split("│")[2] == line.split("│")[3] for line in lines)
        assert all(len(line) <= width for line in lines)


FURNITURE = "READ MORE\n\nShare this\n"


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_a_side_without_article_text_is_a_one_line_error(
    files, tmp_path: Path, capsys, as_json: bool
) -> None:
    """QA: page furniture alone printed an empty table and exited 0 (`clean` says why, exits 1)."""
    furniture = tmp_path / "furniture.txt"
    furniture.write_text(FURNITURE, encoding="utf-8")
    json_flag = ["--json"] if as_json else []
    for a, b in ((furniture, files[1]), (files[0], furniture)):
        assert main(["compare", str(a), str(b), *json_flag]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err == f"newsreader: {furniture}: no article text found\n"
    # Both sides: both named, a line each (QA round 4: only the first was).
    other = tmp_path / "other.txt"
    other.write_text(FURNITURE, encoding="utf-8")
    assert main(["compare", str(furniture), str(other), *json_flag]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"newsreader: {furniture}: no article text found\n"
        f"newsreader: {other}: no article text found\n"
    )


def test_a_side_without_article_text_on_stdin(
    files, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    stdin = type("Stdin", (), {"buffer": io.BytesIO(FURNITURE.encode())})()
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["compare", "-", str(files[1])]) == 1
    assert capsys.readouterr().err == "newsreader: -: no article text found\n"


@pytest.mark.parametrize(
    "content", ["", " \n\n \t\n", "\u00a0\n\u3000\n"], ids=["empty", "ws", "nbsp"]
)
def test_no_clean_with_an_empty_side_is_a_one_line_error(
    files, tmp_path: Path, capsys, content: str
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text(content, encoding="utf-8")
    assert main(["compare", "--no-clean", str(files[0]), str(blank)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"newsreader: {blank}: ") and err.count("\n") == 1


def test_a_stray_bad_byte_is_named_on_stderr(files, tmp_path: Path, capsys) -> None:
    damaged = tmp_path / "damaged.txt"
    text = B_TEXT.replace("the Russian demand", "Moscow’s “demand”")
    damaged.write_bytes(text.encode().replace(b"Nato", b"Nato\xff"))
    assert main(["compare", str(files[0]), str(damaged), "--json"]) == 0  # compared all the same
    out, err = capsys.readouterr()
    assert "Nato\ufffd rejected Moscow’s “demand”" in json.loads(out)["b"]["text"]
    assert err == f"newsreader: {damaged}: 1 invalid UTF-8 byte replaced\n"


def test_library_article_ids_can_be_compared(files, tmp_path: Path, capsys) -> None:
    # QA: `compare` took --library but only files ("1: no such file").
    db = str(tmp_path / "lib.sqlite3")
    assert main(["add", str(files[0]), str(files[1]), "--library", db]) == 0
    capsys.readouterr()
    assert main(["list", "--json", "--library", db]) == 0
    ids = sorted(json.loads(line)["id"] for line in capsys.readouterr().out.splitlines())
    by_id = _json(capsys, str(ids[0]), str(ids[1]), "--library", db)
    by_file = _json(capsys, str(files[0]), str(files[1]))
    assert by_id["pairs"] == by_file["pairs"] and by_id["summary"] == by_file["summary"]
    raw = _json(capsys, str(ids[0]), str(files[1]), "--no-clean", "--library", db)
    assert raw["a"]["text"] == A_TEXT
    assert main(["compare", str(ids[0]), "999", "--library", db]) == 1
    err = capsys.readouterr().err
    assert err == "newsreader: 999: no such file, and no article 999 in the library\n"


def test_library_option_before_the_command_and_a_dash_file_after_double_dash(
    files, tmp_path: Path, capsys, monkeypatch
) -> None:
    # QA round 4: `newsreader --library X compare -- -1 2` said "unrecognized arguments".
    db = str(tmp_path / "lib.sqlite3")
    assert main(["add", str(files[1]), "--library", db]) == 0
    capsys.readouterr()
    dashed = tmp_path / "-1"
    dashed.write_text(A_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--library", db, "compare", "--json", "--", "-1", "1"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["a"]["text"].startswith("NATO rejected") and document["pairs"]
