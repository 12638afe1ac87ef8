"""Streamlit helpers shared by app.py and the pages: language, URL state, labels, notices."""

from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from cettar import formats, i18n


def require_frame() -> None:
    """Make sure a page runs inside the frame of app.py (banner, language, filters).

    Until app.py has called st.navigation once in a process, Streamlit runs an app that has a
    pages/ folder through an automatic navigation built from it, where a URL naming a file in
    pages/ runs that file alone. `python -m cettar.serve` (what `make run` uses) switches that
    mode off before the server starts; under a plain `streamlit run app.py`, this guard does
    it and reruns through app.py.
    """
    if not st.session_state.get("_frame"):
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()


def lang() -> str:
    return i18n.normalise_language(st.session_state.get("lang"))


def t(key: str, **values) -> str:
    return i18n.text(key, lang(), **values)


def restore_from_url(key: str, parse: Callable[[str], object], allowed=None) -> None:
    """On a session's first run, take a widget's value from the URL (ignoring bad values)."""
    seen = st.session_state.setdefault("_url_restored", set())
    if key in seen:
        return
    seen.add(key)
    raw = st.query_params.get(key)
    if raw is None:
        return
    try:
        value = parse(raw)
    except (TypeError, ValueError):
        return
    if allowed is None or value in allowed:
        st.session_state[key] = value


def keep_in_url(key: str, value, default=None) -> None:
    """Write a widget's value to the URL so that a copied link reopens the same view."""
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != str(value):
        st.query_params[key] = str(value)


def option_labels(options, prefix: str | None = None, label=None):
    """A format_func for a widget, with every label computed now, in the current language.

    (A lazy lambda that calls t() is evaluated again later, e.g. by AppTest, possibly in
    another language, and the widget then no longer finds its value.)
    """
    labels = {o: (label(o) if label else t(f"{prefix}.{o}")) for o in options}
    return labels.get


def number(value, decimals: int = 0) -> str:
    return formats.number(value, lang(), decimals)


def date(value, style: str = "long") -> str:
    return formats.date(value, lang(), style)


def status_label(status: str) -> str:
    return t(f"status.{status}")


def evidence_label(evidence: str) -> str:
    """Readable label for ppkm_level.evidence (stated_as_previous_level_in_source_for_X is one kind)."""
    if evidence.startswith("stated_as_previous_level"):
        return t("evidence.stated_as_previous_level")
    return t(f"evidence.{evidence}") if f"evidence.{evidence}" in i18n.STRINGS else evidence


def pillar_label(pillar) -> str:
    return t(f"pillar.{pillar}") if isinstance(pillar, str) and pillar else "–"


def indicator_name(row) -> str:
    return row["name_en"] if lang() == "en" else row["name_id"]


def per_value(series: pd.Series, label) -> pd.Series:
    """label(value) for every row, computed once per distinct value (dates, codes and statuses
    repeat across thousands of rows; Babel formatting per row is what makes long tables slow)."""
    distinct = series.drop_duplicates()
    return series.map(dict(zip(distinct, map(label, distinct))))


def download_csv(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """Downloads of a table as shown: CSV and XLSX (see download_table)."""
    download_table(frame, file_name.removesuffix(".csv"), key)


def download_table(frame: pd.DataFrame, file_stem: str, key: str) -> None:
    """A table as shown, as CSV and as XLSX (file_stem.csv / .xlsx), side by side. Formula-like
    cells are escaped (cettar.exports); the workbook is written only when its button is clicked."""
    from cettar import exports

    with st.container(horizontal=True, gap="small", key=f"{key}_downloads"):
        st.download_button(t("data.download"), data=exports.table_csv(frame), file_name=f"{file_stem}.csv",
                           mime="text/csv", key=key, icon=":material/download:", on_click="ignore")
        st.download_button(t("download.xlsx"), data=lambda: exports.table_xlsx(frame), file_name=f"{file_stem}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx",
                           icon=":material/table_view:", on_click="ignore")


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV with text cells that a spreadsheet would run as a formula prefixed by an apostrophe."""
    from cettar import exports

    return exports.table_csv(frame)


def plotly_config(file_stem: str = "cettar", **extra) -> dict:
    """Options for st.plotly_chart: the modebar stays available, and its camera button saves the
    chart as a PNG (drawn in the browser, so it works offline) named after the view."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": file_stem, "scale": 2}} | extra


def map_view(level: str) -> str:
    """'geo' where boundaries of that level are imported, else the schematic 'tiles'."""
    from cettar import cache

    return "geo" if cache.map_boundary_counts().get(level) else "tiles"


def show_map(fig, classes, title: str, key: str, schematic: bool) -> None:
    """A plotly map (offline topojson), its legend drawn by Streamlit, and a schematic note."""
    from cettar import maps

    chart, legend = st.columns([4, 1])
    chart.plotly_chart(fig, key=key, config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False})
    legend.markdown(maps.legend_html(maps.legend(classes, lang()), title, lang()), unsafe_allow_html=True)
    if schematic:
        legend.caption(t("map.tiles_caption"))
