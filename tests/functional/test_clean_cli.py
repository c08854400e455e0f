"""`newsreader clean` end to end: plain and JSON output, stdin, folders, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = (
    "Skip to content\n"
    "Home | News | Sport\n\n"
    "Council approves new bridge across the river after a decade of delays\n\n"
    "By Jane Doe\n"
    "12 January 2022, 18:04\n\n"
    "The city council voted on Tuesday to build a new bridge across the river, ending ten "
    "years of arguments about where it should go and how much it should cost.\n\n"
    "The bridge will carry buses, bicycles and people on foot, but not private cars, the "
    "council said in a statement after the vote.\n\n"
    "“It is a good day for the city,” the mayor said.\n\n"
    "Building work is expected to start next spring and to take about three years.\n\n"
    "Share\nLeave a Reply\nYour email address will not be published.\n"
)
BODY = [
    "The city council voted on Tuesday to build a new bridge across the river, ending ten "
    "years of arguments about where it should go and how much it should cost.",
    "The bridge will carry buses, bicycles and people on foot, but not private cars, the "
    "council said in a statement after the vote.",
    "“It is a good day for the city,” the mayor said.",
    "Building work is expected to start next spring and to take about three years.",
]


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_plain_output(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(article_file)]) == 0
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert lines[0] == "Council approves new bridge across the river after a decade of delays"
    assert lines[1] == "2022-01-12 · Jane Doe"
    assert lines[2] == ""
    assert out.split("\n\n")[1:] == [*BODY[:-1], BODY[-1] + "\n"]
    assert "Leave a Reply" not in out and "Share" not in out


def test_json_output(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", str(article_file), str(article_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert set(data) == {
        "title",
        "title_derived",
        "source",
        "date",
        "byline",
        "paragraphs",
        "removed",
    }
    assert data["paragraphs"] == BODY
    assert data["date"] == "2022-01-12" and data["byline"] == "Jane Doe"
    assert data["title_derived"] is False
    reasons = {r["text"]: r["reason"] for r in data["removed"]}
    assert reasons["Leave a Reply"] == "comment-form"
    assert reasons["By Jane Doe"] == "metadata:byline"
    assert all(set(r) == {"text", "reason"} for r in data["removed"])


def test_stdin_with_dash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "clean", "--json", "-"],
        input=ARTICLE.encode("utf-16"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paragraphs"] == BODY


def test_bad_files_report_one_line_and_good_ones_still_print(
    tmp_path: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code = main(["clean", "--json", str(empty), str(article_file), str(binary), "missing.txt"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.splitlines()
    assert len(errors) == 3
    assert all(e.startswith("newsreader: ") for e in errors)
    assert "empty.txt" in errors[0] and "photo.txt" in errors[1] and "missing.txt" in errors[2]
    assert "Traceback" not in captured.err


def test_folder_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="cp1252", errors="replace")
    assert main(["clean", "--json", str(tmp_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_escape_sequences_never_reach_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE.replace("the mayor", "the \x1b]0;pwned\x07\x1b[2Jmayor"), "utf-8")
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "“It is a good day for the city,” the mayor said." in out


def test_clean_command_does_not_import_textual(article_file: Path) -> None:
    code = (
        "import sys; from reader.cli import main; main(['clean', sys.argv[1]]); "
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(article_file)], capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()


def test_empty_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path)]) == 1
    assert "no article files" in capsys.readouterr().err


WORD_SALAD = "the of and to in is was for on that with as by at from it be this are\n"


@pytest.mark.parametrize("as_json", [False, True])
def test_a_file_without_article_text_gets_its_stderr_line_only(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    """QA: a file reported as "no article text found" still printed a title and an empty
    metadata line (under --json a record with no paragraphs) on stdout."""
    salad = tmp_path / "salad.txt"
    salad.write_text(WORD_SALAD, encoding="utf-8")
    malformed = tmp_path / "malformed.html"
    malformed.write_text("<html><head><title>Broken <b>page</title><body><p>", encoding="utf-8")
    options = ["--json"] if as_json else []
    assert main(["clean", *options, str(salad), str(article_file), str(malformed)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"newsreader: {salad}: no article text found",
        f"newsreader: {malformed}: no article text found",
    ]
    if as_json:
        records = [json.loads(line) for line in out.splitlines()]
        assert [record["paragraphs"] for record in records] == [BODY]
    else:
        assert out.count("=" * 40) == 0 and "no source, date or byline" not in out
        assert out.endswith(BODY[-1] + "\n")


def test_a_text_cut_at_the_paragraph_limit_is_named_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a file under 20 MB was cut after 20,000 paragraphs without a word to the user."""
    long = tmp_path / "long.txt"
    paragraphs = (
        f"Paragraph number {i} of a very long list of short notes." for i in range(20_050)
    )
    long.write_text("A long list\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(ARTICLE, encoding="utf-8")
    assert main(["clean", "--json", str(long), str(short)]) == 0  # both were cleaned
    out, err = capsys.readouterr()
    assert err == f"newsreader: {long}: only the first 20,000 paragraphs kept\n"
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2 and records[1]["paragraphs"] == BODY
    assert records[0]["paragraphs"][-1].startswith("Paragraph number 19998 ")
    assert records[0]["removed"][-1]["reason"] == "beyond-line-limit"


def test_a_stray_bad_byte_is_replaced_and_named_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: one invalid byte in a UTF-8 file silently turned “ and – into mojibake."""
    damaged = tmp_path / "damaged.txt"
    data = ARTICLE.encode("utf-8")
    cut = data.index(b" the mayor said")
    damaged.write_bytes(data[:cut] + b"\xff" + data[cut:])
    assert main(["clean", "--json", str(damaged)]) == 0
    out, err = capsys.readouterr()
    assert err == f"newsreader: {damaged}: 1 invalid UTF-8 byte replaced\n"
    paragraphs = json.loads(out)["paragraphs"]
    assert paragraphs[2] == "“It is a good day for the city,”\ufffd the mayor said."
