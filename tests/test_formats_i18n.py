"""Indonesian number and date formats, and the UI string catalog (convention tests)."""

from __future__ import annotations

import datetime as dt
import re
import string

import pandas as pd
import pytest

from cettar import formats, i18n
from cettar.paths import ROOT


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "id", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (8494, "id", 0, "8.494"),
        (0.8498, "id", 4, "0,8498"),
        (float("nan"), "id", 1, "–"),
        (None, "en", 0, "–"),
    ],
)
def test_number(value, lang, decimals, expected):
    assert formats.number(value, lang, decimals) == expected


def test_dates_in_both_languages():
    launch = dt.date(2021, 9, 23)
    assert formats.date(launch, "id") == "23 September 2021"
    assert formats.date("2021-08-17", "id") == "17 Agustus 2021"
    assert formats.date(pd.Timestamp("2021-08-17"), "en") == "17 August 2021"
    assert formats.date(dt.date(2022, 1, 4), "id", "medium") == "4 Jan 2022"
    assert formats.date(pd.NaT) == "–"


def test_every_string_has_both_languages_with_the_same_placeholders():
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    for key, (indonesian, english) in i18n.STRINGS.items():
        assert indonesian.strip() and english.strip(), key
        assert fields(indonesian) == fields(english), key


def ui_keys_used_in_code() -> set[str]:
    call = re.compile(r"""\bui\.t\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    nav = re.compile(r"""["'](nav\.[a-z_]+)["']""")  # titles in app.py's PAGES list
    keys = set()
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        code = path.read_text(encoding="utf-8")
        keys |= set(call.findall(code)) | set(nav.findall(code))
    return keys


def test_every_key_used_by_the_app_is_in_the_catalog():
    used = ui_keys_used_in_code()
    assert {"overview.title", "nav.data"} <= used  # the scan finds calls and page titles
    assert sorted(used - i18n.STRINGS.keys()) == []


def test_every_table_has_a_label_and_a_grain():
    schema = (ROOT / "queries" / "build" / "schema.sql").read_text(encoding="utf-8")
    tables = re.findall(r"CREATE TABLE (\w+)", schema)
    assert "indicator_value" in tables
    for table in tables:
        assert f"table.{table}" in i18n.STRINGS, table
        assert f"grain.{table}" in i18n.STRINGS, table
    # and the schema states the grain of each table in a comment above it
    assert schema.count("-- Grain:") == len(tables)


def test_unknown_language_falls_back_to_indonesian():
    assert i18n.normalise_language("fr") == "id"
    assert i18n.text("nav.overview", "fr") == "Ikhtisar"
    with pytest.raises(KeyError):
        i18n.text("no.such.key")
