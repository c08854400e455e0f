"""The user's settings: a small TOML file in the platformdirs config folder. No Textual here.

```toml
[ui]
theme = "newsreader-dark"

[reader]
max_width = 80          # widest text column in the reader, in cells

[keymap]                # binding id = "keys" (comma-separated), see `?` in the app
"list.down" = "j,down,n"
```

A broken file never stops the app: the defaults are used and ``Config.problems`` says why in
one line each. Saving keeps every key the app does not know about, and refuses to overwrite a
file it could not parse (that would lose what the user wrote).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_THEME = "newsreader-dark"
DEFAULT_MAX_WIDTH = 80
MIN_MAX_WIDTH = 20
MAX_MAX_WIDTH = 400
CONFIG_ENV = "NEWSREADER_CONFIG"


@dataclass(slots=True)
class Config:
    theme: str = DEFAULT_THEME
    max_width: int = DEFAULT_MAX_WIDTH
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def config_path() -> Path:
    """$NEWSREADER_CONFIG, else ``config.toml`` in the platform's user config folder."""
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_path

    return user_config_path("newsreader", appauthor=False) / "config.toml"


def _read_raw(path: Path) -> dict[str, Any]:
    """The parsed file ({} when missing); raises ValueError with a one-line reason when broken."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ValueError(f"{path} is not valid TOML ({reason})") from None


def _section(raw: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    value = raw.get(name, {})
    if isinstance(value, dict):
        return value
    problems.append(f"config: [{name}] must be a table, ignored")
    return {}


def load_config(path: Path | None = None) -> Config:
    """Read the config; never raises (problems are reported in ``Config.problems``)."""
    path = path or config_path()
    config = Config()
    try:
        raw = _read_raw(path)
    except ValueError as error:
        config.problems.append(f"config: {error}; using defaults")
        return config
    ui = _section(raw, "ui", config.problems)
    theme = ui.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    else:
        config.problems.append("config: [ui] theme must be a name, ignored")
    reader = _section(raw, "reader", config.problems)
    width = reader.get("max_width", DEFAULT_MAX_WIDTH)
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        config.max_width = max(MIN_MAX_WIDTH, min(MAX_MAX_WIDTH, width))
    else:
        config.problems.append("config: [reader] max_width must be a positive integer, ignored")
    keymap = _section(raw, "keymap", config.problems)
    for binding_id, keys in keymap.items():
        if isinstance(keys, str) and keys.strip():
            config.keymap[str(binding_id)] = keys.strip()
        elif isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys):
            config.keymap[str(binding_id)] = ",".join(k.strip() for k in keys)
        else:
            config.problems.append(f"config: [keymap] {binding_id} must be a key string, ignored")
    return config


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the settings, keeping unknown keys; raises ValueError when the file is unreadable."""
    import tomli_w

    path = path or config_path()
    raw = _read_raw(path)  # a broken file raises: do not overwrite what the user wrote
    for name in ("ui", "reader", "keymap"):
        if not isinstance(raw.get(name, {}), dict):
            raw[name] = {}
    raw.setdefault("ui", {})["theme"] = config.theme
    raw.setdefault("reader", {})["max_width"] = config.max_width
    if config.keymap or "keymap" in raw:
        raw.setdefault("keymap", {}).update(config.keymap)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(tomli_w.dumps(raw), encoding="utf-8")
    os.replace(temporary, path)  # atomic: a crash never leaves half a config
