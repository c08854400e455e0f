"""The app's colour themes, registered with Textual's theme API (``App.register_theme``).

Three are shipped: a dark one (the default), a light one and a high-contrast one with pure
black/white and saturated accents for low vision and washed-out terminals. Only Textual's
standard variables are set, so the app's CSS also works under Textual's built-in themes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

DARK = Theme(
    name="newsreader-dark",
    primary="#5FA8D3",
    secondary="#A78BFA",
    accent="#F2B134",
    warning="#F2B134",
    error="#E5534B",
    success="#57AB5A",
    foreground="#D8DEE4",
    background="#161B22",
    surface="#1E242C",
    panel="#262D36",
    dark=True,
    variables={
        "footer-key-foreground": "#5FA8D3",
    },
)

LIGHT = Theme(
    name="newsreader-light",
    primary="#0B5CAD",
    secondary="#6E40C9",
    accent="#B35900",
    warning="#9A6700",
    error="#CF222E",
    success="#1A7F37",
    foreground="#1F2328",
    background="#FBFAF7",
    surface="#F2F0EA",
    panel="#E6E2D8",
    dark=False,
    variables={
        "footer-key-foreground": "#0B5CAD",
    },
)

HIGH_CONTRAST = Theme(
    name="newsreader-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF00FF",
    warning="#FFFF00",
    error="#FF5555",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#FFFF00",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
    },
)

THEMES: tuple[Theme, ...] = (DARK, LIGHT, HIGH_CONTRAST)
DEFAULT_THEME = DARK.name


def register_themes(app: App) -> None:
    for theme in THEMES:
        app.register_theme(theme)
