"""Numbers and dates in the reader's locale (Babel): 1.234,5 and 23 September 2021 in Indonesian."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from babel.dates import format_date as _format_date
from babel.numbers import format_decimal

LOCALES = {"id": "id_ID", "en": "en_GB"}


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def number(value, lang: str = "id", decimals: int = 0) -> str:
    """A number with grouping and a fixed count of decimals; an en dash for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def date(value, lang: str = "id", style: str = "long") -> str:
    """23 September 2021 (long) or 23 Sep 2021 (medium); an en dash for a missing date."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    elif isinstance(value, pd.Timestamp):
        value = value.date()
    elif isinstance(value, dt.datetime):
        value = value.date()
    return _format_date(value, format=style, locale=locale(lang))


def date_range(start, end, lang: str = "id") -> str:
    if start is None and end is None:
        return "–"
    return f"{date(start, lang, 'medium')} – {date(end, lang, 'medium')}"
