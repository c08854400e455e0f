"""Regressions found by QA: stray control bytes must not eat text; HTML is judged by content."""

from __future__ import annotations

import subprocess
import sys

from reader.ingest import load_article, looks_like_html, neutralise

BODY = (
    "The council voted on Tuesday to close the old bridge for repairs, officials said.\n\n"
    "Work will start next month and take about a year to finish, the mayor told reporters.\n"
)


def test_lone_c1_bytes_are_stripped_alone() -> None:
    assert neutralise("a \x9d b\n\nc d e") == "a  b\n\nc d e"
    for c1 in "\x90\x98\x9d\x9e\x9f":
        assert neutralise(f"start{c1} rest of the article") == "start rest of the article"


def test_mojibake_quotes_keep_the_text_between_them() -> None:
    text = "He said â€\x9cwe will not leaveâ€\x9d and walked out. Later â€\x9cno commentâ€\x9d."
    assert "we will not leave" in neutralise(text) and "walked out" in neutralise(text)


def test_unterminated_osc_or_dcs_loses_only_its_introducer() -> None:
    out = neutralise("Title\x1b]0;unterminated\n\nThe body stays.\x1bPdcs never ends\nMore.")
    assert "\x1b" not in out
    assert "The body stays." in out and "More." in out


def test_terminated_sequences_are_removed_whole() -> None:
    raw = "\x1b]0;window\x07ok \x1b]8;;http://x\x1b\\link \x1b[1mbold"
    assert neutralise(raw) == "ok link bold"


def test_html_is_judged_by_content() -> None:
    page = "<html><head><title>T</title></head><body><p>" + BODY + "</p></body></html>"
    assert looks_like_html(page)
    assert looks_like_html("<!DOCTYPE html>\n<p>x</p>")
    assert not looks_like_html(BODY)
    assert not looks_like_html(BODY, by_name=True)  # plain text saved as .html
    assert looks_like_html("<p>" + BODY + "</p>", by_name=True)


def test_plain_text_named_html_is_cleaned_as_text(tmp_path) -> None:
    path = tmp_path / "story.html"
    path.write_text("Bridge to close for a year\n\n" + BODY, encoding="utf-8")
    article = load_article(path)
    assert any("close the old bridge" in p for p in article.paragraphs)


def test_clean_reads_html_from_stdin() -> None:
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge to close</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>"
    )
    out = subprocess.run(
        [sys.executable, "-m", "reader", "clean", "-"], input=page, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "close the old bridge" in out.stdout and "<p>" not in out.stdout


def test_clean_reports_an_input_with_no_article_text(tmp_path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "reader", "clean", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert out.stderr.strip() == f"newsreader: {path}: no article text found"


def test_library_option_may_come_before_the_command(tmp_path) -> None:
    lib = tmp_path / "lib.sqlite3"
    out = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(lib), "list", "--json"],
        capture_output=True,
        text=True,
    )
    assert "no such file" not in out.stderr
    assert out.returncode == 0, out.stderr


def test_compare_into_a_closed_pipe_exits_zero(seeds_dir) -> None:
    a = seeds_dir / "001_908d7d097edb7dff.txt"
    b = seeds_dir / "003_28968c70fc459404.txt"
    script = (
        f"{sys.executable} -m reader compare '{a}' '{b}' --width 100 | head -n 2 >/dev/null;"
        " exit ${PIPESTATUS[0]}"
    )
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


def test_compare_refuses_an_unusable_width(seeds_dir) -> None:
    a = seeds_dir / "001_908d7d097edb7dff.txt"
    out = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(a), str(a), "--width", "10"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "--width" in out.stderr


def test_an_internal_error_is_one_line_not_a_traceback(monkeypatch, capsys) -> None:
    import reader.commands.clean_cmd as clean_cmd
    from reader.cli import main

    def broken(args):  # noqa: ANN001, ANN202
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(clean_cmd, "run", broken)
    monkeypatch.delenv("NEWSREADER_DEBUG", raising=False)
    assert main(["clean", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "boom" in err and "Traceback" not in err
