"""Cell values of a budget file: amounts in euro cents, SDG codes, header names.

Every rule here has a twin in ``docs/assets/begroting/waarden.js``; both sides
are run on the same fixtures (tests/fixtures/begroting/) and must agree to
the cent. Change them together.

Amounts are integers in euro cents. Text amounts follow Dutch habits
("1.234,56", "€ 1 234", "-" = 0, "(12,50)" or "-12,50" negative) and also
accept "1234.56". A number from a spreadsheet cell goes through its shortest
decimal representation (Python ``repr`` and JavaScript ``String`` agree), so
both sides round the same digits: half away from zero, to the cent.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CELL_CENTS = 10 ** 12  # 10 billion euro per cell: every product in split_cents stays below 2**53
SPACES = "[ \t\n\r\f\v\u00a0\u2007\u2009\u202f\ufeff]"
_SPACE_RE = re.compile(SPACES + "+")
_CURRENCY_RE = re.compile(r"€|eur(?:o)?", re.I)
_DASHES = {"-", "\u2013", "\u2014", "\u2212"}
_PATTERNS = [  # (pattern, thousands separator, decimal separator); first match wins
    (re.compile(r"^\d+$"), "", ""),
    (re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$"), ".", ","),  # 1.234 / 1.234,56
    (re.compile(r"^\d*,\d+$"), "", ","),  # 1234,56 / 1,5
    (re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$"), ",", "."),  # 1,234,567 / 1,234.56
    (re.compile(r"^\d*\.\d+$"), "", "."),  # 1234.56 / 0.5
]
_AMBIGUOUS_RE = re.compile(r"^[1-9]\d{0,2},\d{3}$")  # 12,345: 12345 (English) or 12.345 (Dutch)?
_DECIMAL_RE = re.compile(r"^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$", re.I)


class CellError(Exception):
    """A cell that cannot be read; the message is Dutch and says what to write instead."""


def digits_to_cents(negative: bool, whole: str, fraction: str, exponent: int = 0) -> int:
    """Exact decimal (digit strings) -> cents, rounded half away from zero."""
    digits = whole + fraction
    point = len(whole) + exponent
    if point < 0:
        digits = "0" * -point + digits
        point = 0
    if point + 3 > len(digits):
        digits += "0" * (point + 3 - len(digits))
    kept = digits[:point + 2].lstrip("0")
    if len(kept) > 15:
        raise CellError("bedrag te groot (meer dan 10 miljard euro)")
    cents = int(kept or "0") + (1 if digits[point + 2] >= "5" else 0)
    if cents > MAX_CELL_CENTS:
        raise CellError("bedrag te groot (meer dan 10 miljard euro)")
    return -cents if negative and cents else cents


def number_to_cents(value: int | float) -> int:
    """A spreadsheet number -> cents, via its shortest decimal text (as JavaScript's String)."""
    if isinstance(value, int):
        text = str(value)
    elif value != value or value in (float("inf"), float("-inf")):
        raise CellError("bedrag is geen getal")
    else:
        text = repr(value)
    match = _DECIMAL_RE.match(text)
    return digits_to_cents(match.group(1) == "-", match.group(2), match.group(3) or "", int(match.group(4) or 0))


def text_to_cents(text: str) -> int | None:
    """A Dutch (or plain) amount as text -> cents; None for an empty cell.

    Raises CellError with a Dutch reason when the text is no amount.
    """
    raw = text
    text = _SPACE_RE.sub("", _CURRENCY_RE.sub("", text))
    if not text:
        return None
    if text in _DASHES:
        return 0
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text and text[0] in _DASHES | {"+"}:
        negative, text = negative or text[0] != "+", text[1:]
    elif text and text[-1] in _DASHES:
        negative, text = True, text[:-1]
    if _AMBIGUOUS_RE.match(text):
        raise CellError(f"'{raw.strip()}' is dubbelzinnig: drie cijfers na de komma kan een duizendtal zijn of een bedrag "
                        f"met drie decimalen. Schrijf {text.replace(',', '.')} of {text.split(',')[0]},{text.split(',')[1][:2]}")
    for pattern, thousands, decimal in _PATTERNS:
        if pattern.match(text):
            if thousands:
                text = text.replace(thousands, "")
            whole, _, fraction = text.partition(decimal) if decimal else (text, "", "")
            return digits_to_cents(negative, whole, fraction)
    raise CellError(f"'{raw.strip()}' is geen bedrag: schrijf bv. 1.234,56 of 1234.56")


def cell_to_cents(value) -> int | None:
    """Any cell (text or spreadsheet number) -> cents or None (empty)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"'{cell_text(value)}' is geen bedrag")
    if isinstance(value, (int, float)):
        return number_to_cents(value)
    return text_to_cents(str(value))


def cell_text(value) -> str:
    """A cell as trimmed text; numbers as JavaScript's String() writes them (3, 3.4)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    return _SPACE_RE.sub(" ", str(value)).strip()


def normalise(text: str) -> str:
    """Header or category text for matching: lower case, no accents, punctuation as one space."""
    text = unicodedata.normalize("NFKD", text)
    text = re.sub("[\u0300-\u036f]", "", text).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# ---------------------------------------------------------------- SDG codes --

_SDG_WORD_RE = re.compile(r"SDG(?:'?S)?\.?")
_SEPARATOR_RE = re.compile(r"[;,/|&+\n]|\bEN\b")
_TOKEN_RE = re.compile(r"^0*(\d{1,2})(?:\.(?:\d{1,2}|[A-Z]))?"
                       r"(?:\s*(?:\(\s*(\d{1,3})\s*%?\s*\)|[:=]\s*(\d{1,3})\s*%?))?$")
_PLAIN_RE = re.compile(r"^0*(\d{1,2})(?:\.(?:\d{1,2}|[A-Z]))?$")
NOT_CODED = {"", "-", "GEEN", "NVT", "N.V.T.", "0"}


def parse_codes(text: str) -> list[tuple[int, int]]:
    """'3 (60%); 11 (40%)' -> [(3, 60), (11, 40)]; '3, 11' -> [(3, 1), (11, 1)]; '' -> [].

    Returns (goal, weight) pairs sorted by goal: weights are the given percentages
    (which must add up to 100) or 1 for every goal (equal shares). A target
    (3.4, 11.a) counts for its goal; a goal named twice counts once (its given
    shares are added up). Raises CellError with a Dutch reason.
    """
    text = _SPACE_RE.sub(" ", text).strip().upper()
    if text in NOT_CODED:
        return []
    cleaned = _SDG_WORD_RE.sub(" ", text)
    codes: list[tuple[int, int | None]] = []
    for token in _SEPARATOR_RE.split(cleaned):
        token = token.strip()
        if not token:
            continue
        match = _TOKEN_RE.match(token)
        if match:
            share = match.group(2) or match.group(3)
            codes.append((int(match.group(1)), int(share) if share else None))
            continue
        parts = token.split()
        if len(parts) > 1 and all(_PLAIN_RE.match(p) for p in parts):
            codes.extend((int(_PLAIN_RE.match(p).group(1)), None) for p in parts)
            continue
        raise CellError(f"'{token}' is geen SDG-code: schrijf bv. 3, SDG 3, 3.4 of 3; 11")
    if not codes:
        return []
    for goal, _ in codes:
        if not 1 <= goal <= 17:
            raise CellError(f"SDG {goal} bestaat niet: kies een nummer van 1 tot 17")
    with_share = [c for c in codes if c[1] is not None]
    if with_share and len(with_share) != len(codes):
        raise CellError("geef een aandeel voor elke SDG of voor geen enkele (dan telt elke SDG even zwaar)")
    weights: dict[int, int] = {}
    for goal, share in codes:
        if share is not None and share <= 0:
            raise CellError(f"aandeel {share}% voor SDG {goal}: een aandeel moet groter dan 0% zijn")
        weights[goal] = (weights.get(goal, 0) + share) if share is not None else 1
    if with_share:
        total = sum(weights.values())
        if total != 100:
            raise CellError(f"de aandelen tellen op tot {total}%, niet tot 100%")
    return sorted(weights.items())


def split_cents(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` over ``weights`` so the parts add up exactly (largest remainder).

    Ties go to the earlier weight (the lower SDG number). A negative amount is
    split as its absolute value, then negated, so signs never mix.
    """
    total = sum(weights)
    size = abs(amount)
    parts, remainders = [], []
    for weight in weights:
        product = size * weight
        remainder = product % total
        parts.append((product - remainder) // total)
        remainders.append(remainder)
    left = size - sum(parts)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        parts[index] += 1
    return [-p for p in parts] if amount < 0 else parts


def per_mille(part: int, total: int) -> int | None:
    """round(1000 * part / total), half away from zero, in integers; None when total is 0."""
    if total == 0:
        return None
    negative = (part < 0) != (total < 0)
    value = (2 * abs(part) * 1000 + abs(total)) // (2 * abs(total))
    return -value if negative and value else value


def euro_text(cents: int) -> str:
    """Cents -> '1234,56' (CSV: no thousands separator, decimal comma)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def per_mille_text(value: int | None) -> str:
    """123 -> '12,3' (percent with one decimal); None -> ''."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 10},{abs(value) % 10}"
