"""reader.config: defaults, round trip, and a broken file that never stops the app."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from reader.config import (
    DEFAULT_MAX_WIDTH,
    DEFAULT_THEME,
    Config,
    config_path,
    load_config,
    save_config,
)


def test_config_path_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSREADER_CONFIG", str(tmp_path / "x.toml"))
    assert config_path() == tmp_path / "x.toml"
    monkeypatch.delenv("NEWSREADER_CONFIG")
    assert config_path().name == "config.toml"
    assert "newsreader" in str(config_path())


def test_missing_file_gives_defaults() -> None:
    config = load_config()
    assert (config.theme, config.max_width, config.keymap, config.problems) == (
        DEFAULT_THEME,
        DEFAULT_MAX_WIDTH,
        {},
        [],
    )


def test_round_trip_keeps_keys_the_app_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    path.parent.mkdir()
    path.write_text('[ui]\ntheme = "x"\nfont = "big"\n[other]\nkeep = 1\n', encoding="utf-8")
    config = load_config(path)
    config.theme = "newsreader-light"
    config.max_width = 72
    config.keymap["list.down"] = "n"
    save_config(config, path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["ui"] == {"theme": "newsreader-light", "font": "big"}
    assert raw["other"] == {"keep": 1}
    again = load_config(path)
    assert (again.theme, again.max_width, again.keymap) == (
        "newsreader-light",
        72,
        {"list.down": "n"},
    )


def test_save_creates_the_folder() -> None:
    save_config(Config(theme="newsreader-high-contrast"))
    assert load_config().theme == "newsreader-high-contrast"


@pytest.mark.parametrize(
    "text",
    [
        b"[ui\ntheme=",
        b"\xff\x00",
        b"ui = 3\n",
        b'[reader]\nmax_width = "wide"\n',
        b"[keymap]\na = 1\n",
    ],
)
def test_bad_content_is_reported_in_one_line_and_defaults_are_used(text: bytes) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    config = load_config()
    assert config.problems and all("\n" not in problem for problem in config.problems)
    assert config.max_width == DEFAULT_MAX_WIDTH and config.keymap == {}


def test_a_broken_file_is_never_overwritten() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ui\nwhat the user wrote", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        save_config(Config(theme="newsreader-light"))
    assert path.read_text(encoding="utf-8") == "[ui\nwhat the user wrote"


def test_max_width_is_clamped_and_keymap_lists_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[reader]\nmax_width = 5\n[keymap]\n"list.down" = ["n", "ctrl+n"]\n', encoding="utf-8"
    )
    config = load_config(path)
    assert config.max_width == 20
    assert config.keymap == {"list.down": "n,ctrl+n"}
    assert config.problems == []
