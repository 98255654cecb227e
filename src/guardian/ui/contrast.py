"""Colours that stay readable on whatever background the parent's theme
gives: light, dark or high contrast.

Guardian's own colours (severity, kinds of harm, chat bubbles) were picked
for a light window.  On a dark or high-contrast theme the same dark red
disappears into black, and a light bubble under white theme text cannot
be read.  Everything drawn in colour goes through `readable()`, which
lightens or darkens a colour just enough to reach the WCAG contrast ratio
against the actual background (4.5:1 for text, 3:1 for shapes).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT = 4.5       # WCAG AA for normal text
GRAPHIC = 3.0    # WCAG AA for shapes and large text


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return 0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green()) \
        + 0.0722 * _channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, from 1 to 21."""
    la, lb = luminance(a), luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def is_dark(background: QColor) -> bool:
    return luminance(background) < 0.18


def readable(colour: QColor, background: QColor, minimum: float = TEXT) -> QColor:
    """`colour`, moved towards white on a dark background or towards black on
    a light one, in small steps, until it reaches `minimum` contrast."""
    if ratio(colour, background) >= minimum:
        return QColor(colour)
    target = QColor("white") if is_dark(background) else QColor("black")
    for step in range(1, 21):
        t = step / 20
        mixed = mix(colour, target, t)
        if ratio(mixed, background) >= minimum:
            return mixed
    return target


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """`t` of the way from `a` to `b`."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def muted(palette: QPalette) -> QColor:
    """Secondary text (times, hints): softer than the text, still readable."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return readable(mix(text, base, 0.35), base)


def bubble_colours(palette: QPalette, mine: bool) -> tuple[QColor, QColor]:
    """(background, text) of a chat bubble: a tint of the theme's base, so
    the theme's own text colour stays readable on it, dark or light."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    if mine:
        tint = QColor("#16a34a")               # the child's side: a green tint
    else:
        tint = palette.color(QPalette.ColorRole.Text)
    background = mix(base, tint, 0.14 if mine else 0.07)
    return background, readable(text, background)


def hex_(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


__all__ = ["GRAPHIC", "TEXT", "bubble_colours", "hex_", "is_dark", "luminance", "mix", "muted",
           "ratio", "readable"]
