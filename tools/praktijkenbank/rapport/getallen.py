"""Numbers as the report builder reads and writes them: exact, without floating point.

A value is kept as an integer in ten-thousandths (``12,5`` -> 125000) with the number of
decimals it was written with, so the browser (JavaScript) and Python compute the same
differences and print the same text. Twin: ``docs/assets/rapport/getallen.js``.
"""

from __future__ import annotations

import re

SCALE = 10_000
DECIMALS = 4
_NUMBER = re.compile(r"^([+-]?)(\d*)(?:[.,](\d*))?$")


def parse_number(text) -> tuple[int, int] | None:
    """'12,5' / '12.5' / '1.234,5' / '-3' -> (scaled value, decimals); None if not a number."""
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, (int, float)):
        text = repr(text) if isinstance(text, float) else str(text)
    text = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if "." in text and "," in text:  # the last one is the decimal separator
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "")
        else:
            text = text.replace(",", "")
    if re.match(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$", text):  # 1.234.567: thousands only (Flemish)
        text = text.replace(".", "")
    if "e" in text.lower():
        return None
    match = _NUMBER.match(text)
    if not match or not (match.group(2) or match.group(3)):
        return None
    sign, whole, frac = match.group(1), match.group(2) or "0", match.group(3) or ""
    decimals = min(len(frac), DECIMALS)
    digits = int(whole) * SCALE + int((frac + "0000")[:DECIMALS] or "0")
    if len(frac) > DECIMALS and frac[DECIMALS] >= "5":  # round half away from zero
        digits += 1
    return (-digits if sign == "-" and digits else digits), decimals


def format_number(value: int, decimals: int) -> str:
    """125000, 1 -> '12,5'; 12345000, 0 -> '1.234' (Dutch: '.' for thousands, ',' for decimals)."""
    decimals = max(0, min(decimals, DECIMALS))
    unit = 10 ** (DECIMALS - decimals)
    rounded = (abs(value) + unit // 2) // unit if unit > 1 else abs(value)
    whole, frac = divmod(rounded, 10 ** decimals)
    groups = f"{whole:,}".replace(",", ".")
    sign = "-" if value < 0 and rounded else ""
    return sign + groups + (f",{frac:0{decimals}d}" if decimals else "")


def per_mille_text(value: int | None) -> str:
    """123 -> '12,3 %'; None -> ''."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 10},{abs(value) % 10} %"


def euro_text(cents: int) -> str:
    """123456789 -> '€ 1.234.568' (whole euros, rounded half away from zero)."""
    euros = (abs(cents) + 50) // 100
    sign = "-" if cents < 0 and euros else ""
    return f"{sign}€ {euros:,}".replace(",", ".")
