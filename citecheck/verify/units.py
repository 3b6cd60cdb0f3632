"""Units of measure written after a count (issue 5): "30 GW", "1.195 km'lik",
"5 milyon ton", "4,5 milyar metreküp", "15 Seemeilen", "55 млрд кубометров".

A count read without its unit agrees with any count of the same digits ("30
GW" of electrolysers with "30 km" of pipeline) and conflicts with the same
measure at another scale ("1.200 MW" against "1.2 GW"). With the unit, two
counts in different dimensions are unrelated and two in one dimension compare
in its base unit. Units are read right after the figure (and its scale word);
a count with no unit compares by its digits as before. Pure: no I/O.
"""

from __future__ import annotations

import re

__all__ = ["DIMENSIONS", "in_base", "unit_after"]

# unit symbol -> (dimension, factor to the dimension's base unit)
DIMENSIONS: dict[str, tuple[str, float]] = {
    "W": ("power", 1.0), "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9),
    "TW": ("power", 1e12),
    "kWh": ("energy", 1e3), "MWh": ("energy", 1e6), "GWh": ("energy", 1e9),
    "TWh": ("energy", 1e12),
    "m": ("length", 1.0), "km": ("length", 1e3), "nmi": ("length", 1852.0),
    "ha": ("area", 1e4), "km2": ("area", 1e6), "donum": ("area", 1e3),
    "m3": ("volume", 1.0),
    "bbl": ("oil", 1.0),
    "kg": ("mass", 1.0), "t": ("mass", 1e3),
    "day": ("duration", 1.0), "week": ("duration", 7.0), "month": ("duration", 30.4),
    "year": ("duration", 365.25), "hour": ("duration", 1 / 24),
}  # fmt: skip

# (pattern, symbol), tried in order at the first word after the figure: energy
# before power ("MWh" before "MW"), area and volume before length ("metrekare",
# "metreküp" before "metre"). Symbols are case-sensitive ("MW", not "mw" or a
# Turkish "mw"); words are not. Turkish case endings follow the stem.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?-i:kWh|кВт[·⋅*]?\s?ч)|kilo(?:watt|vat)[\s-]?(?:hours?|saat|stunden?)\w*|"
     r"киловатт[\s-]?час\w*", "kWh"),
    (r"(?-i:MWh|МВт[·⋅*]?\s?ч)|mega(?:watt|vat)[\s-]?(?:hours?|saat|stunden?)\w*|"
     r"мегаватт[\s-]?час\w*", "MWh"),
    (r"(?-i:GWh|ГВт[·⋅*]?\s?ч)|giga(?:watt|vat)[\s-]?(?:hours?|saat|stunden?)\w*|"
     r"гигаватт[\s-]?час\w*", "GWh"),
    (r"(?-i:TWh|ТВт[·⋅*]?\s?ч)|tera(?:watt|vat)[\s-]?(?:hours?|saat|stunden?)\w*|"
     r"тераватт[\s-]?час\w*", "TWh"),
    (r"(?-i:kW|кВт)(?![\w·⋅*])|kilo(?:watt|vat)\w*|киловатт\w*", "kW"),
    (r"(?-i:MW[pe]?|МВт)(?![\w·⋅*])|mega(?:watt|vat)\w*|мегаватт\w*", "MW"),
    (r"(?-i:GW[pe]?|ГВт)(?![\w·⋅*])|giga(?:watt|vat)\w*|гигаватт\w*", "GW"),
    (r"(?-i:TW|ТВт)(?![\w·⋅*])|tera(?:watt|vat)\w*|тераватт\w*", "TW"),
    (r"(?-i:km²|km2|кв\.\s?км)(?!\w)|square\s+kilomet\w+|kilometrekare\w*|"
     r"quadratkilometer\w*|квадратн\w+\s+километр\w*", "km2"),
    (r"hekt?ar\w*|hectares?|гектар\w*|(?-i:га)(?!\w)", "ha"),
    (r"dönüm\w*|dekar\w*", "donum"),
    (r"(?-i:m³|m3)(?!\w)|metreküp\w*|cubic\s+met\w+|kubikmeter\w*|кубометр\w*|"
     r"кубическ\w+\s+метр\w*|куб\.\s?м(?!\w)|(?-i:bcm)(?!\w)", "m3"),
    (r"deniz\s+mil\w*|nautical\s+miles?|seemeilen?|морск\w+\s+мил\w*", "nmi"),
    (r"(?-i:km|км)(?!\w)|kilomet\w+|километр\w*", "km"),
    (r"metre(?!k)\w*|meters?|metres?|meter[ns]?|метр(?!о)\w*", "m"),
    (r"varil\w*|barrels?|barrel\w*|баррел\w*|(?-i:[mk]b/d)(?!\w)", "bbl"),
    (r"(?-i:kg|кг)(?!\w)|kilogram\w*|килограмм\w*", "kg"),
    (r"ton(?:nes?|s|nen?|a|u|un|dan|da|la|luk|luğ\w*|ne)?(?!\w)|тонн\w*", "t"),
    (r"yıl(?!dız)\w*|sene\w*|years?|jahren?|jahre|лет(?!\w)|года?(?!\w)", "year"),
    (r"aylık|ay(?:da|dır|lar\w*)?(?!\w)|months?|monate?n?|месяц\w*", "month"),
    (r"hafta\w*|weeks?|wochen?|недел\w*", "week"),
    (r"gün\w*|days?|tage?n?|дн(?:я|ей)(?!\w)|сут\w*", "day"),
    (r"saat(?:lik|te|ten)?(?!\w)|hours?|stunden?|час(?:а|ов)?(?!\w)", "hour"),
)  # fmt: skip
_ALTERNATIVES = "|".join(f"(?P<u{k}>{p})" for k, (p, _) in enumerate(_PATTERNS))
_UNIT = re.compile(r"[\s\u00a0]?(?:[-–]\s?)?(?:" + _ALTERNATIVES + ")", re.IGNORECASE)


def unit_after(text: str, end: int) -> str | None:
    """The unit written right after a figure ending at ``end`` (one space or a
    hyphen between: "30 GW", "1.195-km", "410 km'lik"), or None."""
    m = _UNIT.match(text, end)
    if m is None:
        return None
    k = int(m.lastgroup[1:])  # type: ignore[index]
    return _PATTERNS[k][1]


def in_base(unit: str | None) -> tuple[str, float] | None:
    """(dimension, factor) of a unit symbol, None for no unit or a currency."""
    return DIMENSIONS.get(unit) if unit else None
