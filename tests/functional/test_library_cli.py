"""The library commands end to end: add, list, search; errors are one line; no Textual."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.library.store import MIGRATIONS, Library
from reader.model import Article

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_folder_list_and_stories(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite3")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in sorted(seeds_dir.glob("0*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, out, err = run_cli(capsys, "add", str(folder), "--library", db)
    assert code == 1  # QA: was 0 although an input failed (the good ones are still added)
    assert "5 articles added" in out and "1 failed" in out
    assert err.count("\n") == 1 and "broken.txt" in err and "Traceback" not in err

    code, out, _ = run_cli(capsys, "list", "--json", "--library", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 5
    for row in rows:
        assert {"id", "title", "source", "date", "story"} <= set(row)
    assert len({row["story"] for row in rows}) == 1  # the five seeds are one story

    outlets = {row["source"] for row in rows if row["source"]}  # unknown ones are not outlets
    code, out, _ = run_cli(capsys, "list", "--stories", "--library", db)
    assert out.count("\n") == 1 and f"{len(outlets)} outlets, 5 articles" in out

    code, out, _ = run_cli(capsys, "add", str(folder), "--library", db)
    assert "0 articles added, 5 already in the library" in out


def test_search_command(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite3")
    run_cli(capsys, "add", *map(str, sorted(seeds_dir.glob("0*.txt"))), "--library", db)
    code, out, _ = run_cli(capsys, "search", "Stoltenberg", "--json", "--library", db)
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and hits
    with Library.open(db) as library:
        for hit in hits:
            entry = library.get(hit["id"])
            assert entry is not None and "stoltenberg" in entry.article.text.lower()
    code, out, err = run_cli(capsys, "search", "zzzznotthere", "--library", db)
    assert code == 1 and out == "" and err == "newsreader: no matches for 'zzzznotthere'\n"
    code, out, err = run_cli(capsys, "search", 'NEAR("x', "--library", db)
    assert "Traceback" not in err


def test_unusable_library_file_is_one_line_error(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    code, out, err = run_cli(capsys, "list", "--library", str(junk))
    assert code == 1 and err.startswith("newsreader: ") and err.count("\n") == 1
    assert junk.read_bytes().startswith(b"this is not a database")


def test_env_var_chooses_the_library(tmp_path: Path, monkeypatch, capsys) -> None:
    db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(db))
    note = tmp_path / "note.txt"
    note.write_text("A headline\n\nSome article text that is long enough to keep as a paragraph.")
    code, out, _ = run_cli(capsys, "add", str(note))
    assert code == 0 and db.exists()


def test_version_one_library_is_migrated_and_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript(MIGRATIONS[0])
    connection.execute(
        "INSERT INTO articles (content_hash, raw, title, body, article_json, added)"
        " VALUES ('h', 'raw', 'T', 'b', ?, '2024-01-01T00:00:00+00:00')",
        (json.dumps({"title": "T", "paragraphs": ["b"], "path": "/old/file.txt"}),),
    )
    connection.execute("PRAGMA user_version = 1")
    connection.execute(f"PRAGMA application_id = {0x4E524C42}")
    connection.close()
    with Library.open(path) as library:
        assert library.headlines()[0].path == "/old/file.txt"
        assert library.get(1).article.paragraphs == ["b"]
        assert library.search("b") == [1]  # the full-text index survived the rebuild
        assert library.add_article(Article("new", ["b c"]), raw="n").article_id == 2
        assert sorted(library.search("b")) == [1, 2]
        assert library.integrity_ok()


def test_library_commands_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from reader.cli import main; "
        f"main(['list', '--library', {str(tmp_path / 'x.sqlite3')!r}]); "
        f"main(['search', 'word', '--library', {str(tmp_path / 'x.sqlite3')!r}]); "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("False")


@pytest.mark.parametrize("argv", [["feed", "list"], ["refresh"]])
def test_feed_commands_without_feeds(tmp_path: Path, capsys, argv: list[str]) -> None:
    db = tmp_path / "l.sqlite3"
    Library.open(db).close()
    code, out, _ = run_cli(capsys, *argv, "--library", str(db))
    assert code == 0 and "no feeds yet" in out


@pytest.mark.parametrize("argv", [["feed", "list"], ["feed", "list", "--json"], ["refresh"]])
def test_feed_commands_create_no_library(tmp_path: Path, capsys, argv: list[str]) -> None:
    """QA: 'feed list' and 'refresh' on a missing library created the file and its folder."""
    db = tmp_path / "not" / "there" / "lib.sqlite3"
    code, out, err = run_cli(capsys, *argv, "--library", str(db))
    assert (code, err) == (0, "") and not (tmp_path / "not").exists()
    assert out == (
        "" if "--json" in argv else "no feeds yet: add one with 'newsreader feed add URL'\n"
    )


def test_file_names_that_are_not_utf8_are_imported(tmp_path: Path, capsys) -> None:
    """QA: 'could not import (UnicodeEncodeError: ... surrogates not allowed)' for b'caf\\xff'."""
    import os

    db = str(tmp_path / "lib.sqlite3")
    folder = os.path.join(os.fsencode(tmp_path), b"d\xfe")
    os.mkdir(folder)
    body = "Mayor Costa met 1,200 striking bus drivers in Lisbon on Tuesday, the city said."
    with open(os.path.join(folder, b"caf\xff.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"Lisbon bus strike\n\n{body}\n")
    with open(os.path.join(os.fsencode(tmp_path), b"\xe9t\xe9.txt"), "w") as handle:
        handle.write("Porto floods\n\nThe river Douro flooded the quays of Porto on Monday.\n")
    latin1_file = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xe9t\xe9.txt"))
    code, out, err = run_cli(capsys, "add", os.fsdecode(folder), latin1_file, "--library", db)
    assert (code, err) == (0, "") and "2 articles added" in out
    code, out, _ = run_cli(capsys, "list", "--json", "--library", db)
    paths = {json.loads(line)["path"].removeprefix(str(tmp_path)) for line in out.splitlines()}
    assert paths == {"/d\\xfe/caf\\xff.txt", "/\\xe9t\\xe9.txt"}  # the bytes, as escapes
    # a name that does not exist, or a URL with such bytes: one clean line each
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xff.txt"))
    code, out, err = run_cli(capsys, "add", missing, "http://127.0.0.1:9/\udcff", "--library", db)
    assert code == 1 and err.count("\n") == 2 and "Traceback" not in err
    assert "gone\\xff.txt" in err and "127.0.0.1:9/\\xff" in err and "\udcff" not in err


@pytest.mark.parametrize("query", ["", "   ", "!!", "*"])
def test_search_without_a_word_is_a_usage_error(tmp_path: Path, capsys, query: str) -> None:
    code, out, err = run_cli(capsys, "search", query, "--library", str(tmp_path / "l.sqlite3"))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("newsreader: nothing to search for") and "usage" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["list", "--stories"],
        ["search", "word"],
        ["search", "--json", "w"],
    ],
)
def test_list_and_search_create_no_library(tmp_path: Path, capsys, argv: list[str]) -> None:
    db = tmp_path / "not" / "there" / "lib.sqlite3"
    code, out, err = run_cli(capsys, *argv, "--library", str(db))
    assert code == 0 and "Traceback" not in err
    assert not (tmp_path / "not").exists()
    if "--json" in argv:
        assert out == ""
    else:
        assert "library is empty" in out + err and (out + err).count("\n") == 1


def test_story_lines_count_known_outlets_and_pluralise(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "lib.sqlite3")
    quake = "A magnitude 7.8 earthquake hit Gaziantep in Turkey; rescuers in Hatay and {} dug."
    with Library.open(db) as library:
        for town, source in (("Adana", "World Desk"), ("Malatya", None), ("Osmaniye", None)):
            article = Article(f"Quake in {town}", [quake.format(town)], source=source)
            library.add_article(article, raw=town)
        library.add_article(Article("Rates", ["The Fed held rates, Powell said."]), raw="r")
        library.add_article(
            Article("Budget", ["The council of Leeds passed its budget."], source="Post"), raw="b"
        )
        library.regroup_stories()
    code, out, _ = run_cli(capsys, "list", "--stories", "--library", db)
    lines = sorted(line.split(" ", 1)[1].strip() for line in out.splitlines())
    assert lines == [
        "1 outlet, 1 article: Budget",
        "1 outlet, 3 articles: Quake in Adana",
        "outlet unknown, 1 article: Rates",
    ]


def test_seed_story_keeps_its_id_as_the_library_grows(
    seeds_dir: Path, tmp_path: Path, capsys
) -> None:
    """QA: 'story 12' must stay story 12 after more imports, regrouping and deletions."""
    from tests.unit.story_corpus import STORY_CORPUS

    db = str(tmp_path / "lib.sqlite3")
    other = tmp_path / "other"
    other.mkdir()
    for n, (event, title, _, _, body) in enumerate(STORY_CORPUS):
        (other / f"{n:02}-{event}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    run_cli(capsys, "add", *map(str, sorted(other.glob("0[0-4]*"))), "--library", db)
    run_cli(capsys, "add", *map(str, sorted(seeds_dir.glob("0*.txt"))), "--library", db)

    def seed_stories() -> dict[int, int]:
        _, out, _ = run_cli(capsys, "list", "--json", "--library", db)
        rows = [json.loads(line) for line in out.splitlines()]
        return {
            row["id"]: row["story"]
            for row in rows
            if row["path"].startswith(str(seeds_dir.resolve()))
        }

    first = seed_stories()
    assert len(first) == 5 and len(set(first.values())) == 1
    story = next(iter(first.values()))
    code, out, _ = run_cli(capsys, "add", str(other), "--library", db)  # regroups
    assert code == 0 and f"{len(STORY_CORPUS) - 5} articles added" in out
    assert seed_stories() == first
    with Library.open(db) as library:
        assert library.delete(min(first))
    (other / "late.txt").write_text(
        "Maui fire inquiry\n\nHawaii officials opened an inquiry into the Lahaina wildfire"
        " response on Maui, the governor said.\n",
        encoding="utf-8",
    )
    run_cli(capsys, "add", str(other / "late.txt"), "--library", db)
    assert set(seed_stories().values()) == {story}


def test_names_with_terminal_escapes_are_shown_escaped(tmp_path: Path, capsys) -> None:
    """QA: a file or URL named with escape sequences wrote them raw to the terminal."""
    db = str(tmp_path / "lib.sqlite3")
    (tmp_path / "\x1b[31mred\x07.txt").write_bytes(b"x")
    sources = [
        str(tmp_path / "\x1b[31mred\x07.txt"),
        "http://127.0.0.1:9/\x1b[2J",
        "ftp://\x1b]0;title\x07",
        "http://[oops/",
        str(tmp_path / "gone\x1b[1m.txt"),
    ]
    code, out, err = run_cli(capsys, "add", *sources, "--library", db)
    assert code == 1 and err.count("\n") == len(sources) and "\x1b" not in err + out
    assert "\x07" not in err and "could not import" not in err  # each a known, clear error
    assert "\\x1b[31mred\\x07.txt" in err and "http://[oops/: invalid URL" in err
    code, out, err = run_cli(capsys, "feed", "add", "http://127.0.0.1:9/\x1b[2J", "--library", db)
    assert code == 1 and err.count("\n") == 1 and "\\x1b[2J" in err and "\x1b" not in err


def test_a_folder_without_article_files_says_so(tmp_path: Path, capsys) -> None:
    """QA: 'add FOLDER' of a wrong folder printed only '0 articles added' (exit 0)."""
    db = str(tmp_path / "lib.sqlite3")
    (tmp_path / "empty").mkdir()
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "pdfs" / ".hidden.txt").write_text("Hidden\n\nA hidden note.\n", encoding="utf-8")
    folders = [str(tmp_path / "empty"), str(tmp_path / "pdfs")]
    code, out, err = run_cli(capsys, "add", *folders, "--library", db)
    lines = err.splitlines()
    assert code == 1 and out == "0 articles added, 2 failed\n" and len(lines) == 2
    assert lines[0] == f"newsreader: {tmp_path / 'empty'}: no article files in this folder" + (
        " (.htm, .html, .md, .text, .txt or no extension)"
    )
    assert "pdfs: no article files" in lines[1]


def test_a_url_without_its_scheme_gets_a_hint(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "lib.sqlite3")
    code, _, err = run_cli(capsys, "add", "example.com/news/1", "notes.txt", "--library", db)
    assert code == 1 and err.splitlines() == [
        "newsreader: example.com/news/1: no such file; for a web page add"
        " https://example.com/news/1",
        "newsreader: notes.txt: no such file",
    ]


def test_a_bare_host_name_gets_the_web_address_hint(tmp_path: Path, capsys, monkeypatch) -> None:
    """QA: 'add www.example.com' said only "no such file" (the README promises the hint)."""
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "lib.sqlite3")
    names = ("www.example.com", "bbc.co.uk", "127.0.0.1:8000", "report.pdf", "story.md")
    code, out, err = run_cli(capsys, "add", *names, "--library", db)
    assert code == 1 and out == "0 articles added, 5 failed\n"
    assert err.splitlines() == [
        "newsreader: www.example.com: no such file; for a web page add https://www.example.com",
        "newsreader: bbc.co.uk: no such file; for a web page add https://bbc.co.uk",
        "newsreader: 127.0.0.1:8000: no such file; for a web page add https://127.0.0.1:8000",
        "newsreader: report.pdf: no such file",
        "newsreader: story.md: no such file",
    ]


def test_a_file_named_like_a_host_is_still_added(
    seeds_dir: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    (tmp_path / "www.example.com").write_bytes(seed.read_bytes())
    db = str(tmp_path / "lib.sqlite3")
    code, out, err = run_cli(capsys, "add", "www.example.com", "--library", db)
    assert (code, out, err) == (0, "1 article added\n", "")


def test_an_import_stopped_before_grouping_is_grouped_by_the_next(
    seeds_dir: Path, tmp_path: Path, capsys
) -> None:
    """QA: Ctrl-C while 'grouping stories' left the articles ungrouped, and running the same
    'add' again (all duplicates now) did not group them."""
    from reader.library.importer import import_sources

    db = str(tmp_path / "lib.sqlite3")
    seeds = [str(path) for path in sorted(seeds_dir.glob("0*.txt"))]
    with Library.open(db) as library:
        assert not library.needs_regroup()
        import_sources(library, seeds, regroup=False)  # as if stopped before grouping
        assert library.needs_regroup()
        assert len({entry.story for entry in library.articles()}) == 5
    code, out, _ = run_cli(capsys, "add", *seeds, "--library", db)
    assert code == 0 and "0 articles added, 5 already in the library" in out
    with Library.open(db) as library:
        assert len({entry.story for entry in library.articles()}) == 1
        assert not library.needs_regroup()
        library.add_article(Article("Other", ["The council of Leeds passed its budget."]), raw="o")
        assert library.needs_regroup()
        library.regroup_stories()
        assert not library.needs_regroup()


def test_add_names_invalid_utf8_bytes_it_replaced(tmp_path: Path, capsys) -> None:
    """QA round 3: one stray byte in a UTF-8 file turned the article into mojibake silently."""
    damaged = tmp_path / "damaged.txt"
    text = (
        "Ministers meet again as talks resume\n\n"
        "NATO’s chief said the talks were “frank” – and that the door stays open.\n\n"
        "Officials said the meeting was the first of its kind in two years.\n"
    )
    damaged.write_bytes(text.encode().replace(b" chief", b"\xff chief"))
    db = str(tmp_path / "lib.sqlite3")
    code, out, err = run_cli(capsys, "add", "--library", db, str(damaged))
    assert (code, out) == (0, "1 article added\n")
    assert err == f"newsreader: {damaged}: 1 invalid UTF-8 byte replaced\n"
    with Library.open(db) as library:
        stored = library.articles()[0].article.text
    assert "NATO’s\ufffd chief said the talks were “frank”" in stored
