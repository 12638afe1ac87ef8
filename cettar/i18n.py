"""Every UI string, in Bahasa Indonesia (the default) and English. Streamlit-free.

The strings live in cettar/text/, one module per page plus common.py (every module there is
loaded); each maps a key to an (Indonesian, English) pair.

Keys are dotted: <page or part>.<name>. `text(key, lang, **values)` formats with str.format.
A convention test checks that every key used in app.py and pages/ exists here in both languages.
"""

from __future__ import annotations

import importlib
import pkgutil

import cettar.text


def _merge(*modules) -> dict[str, tuple[str, str]]:
    """One catalog from the per-page modules of cettar/text/; a key may be defined only once."""
    merged: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, pair in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} defined twice (in {module.__name__})")
            merged[key] = pair
    return merged


LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

STRINGS: dict[str, tuple[str, str]] = _merge(
    *(importlib.import_module(f"cettar.text.{m.name}") for m in sorted(pkgutil.iter_modules(cettar.text.__path__), key=lambda m: m.name))
)


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string for key in lang (falls back to Indonesian), formatted with values."""
    try:
        pair = STRINGS[key]
    except KeyError:
        raise KeyError(f"no UI string {key!r} in cettar.i18n.STRINGS") from None
    template = pair[1] if lang == "en" else pair[0]
    return template.format(**values) if values else template


def normalise_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
