"""Data & Metodologi: every source with its licence and status, every table, the indicator catalog."""

import pandas as pd
import streamlit as st

from cettar import cache, ui

ui.require_frame()

st.title(ui.t("data.title"))
st.markdown(ui.t("data.intro"))

st.subheader(ui.t("data.sources_title"))
sources = cache.query("data_sources/sources")
en = ui.lang() == "en"
sources_table = pd.DataFrame(
    {
        ui.t("data.col.source"): sources["title_en" if en else "title_id"],
        ui.t("data.col.status"): sources["status"].map(ui.status_label),
        ui.t("data.col.publisher"): sources["publisher"],
        ui.t("data.col.licence"): sources["licence"],
        ui.t("data.col.retrieved"): sources["retrieved"],
        ui.t("data.col.url"): sources["url"],
        ui.t("data.col.note"): sources["note"],
    }
)
st.dataframe(
    sources_table,
    hide_index=True,
    key="data_sources_table",
    column_config={ui.t("data.col.url"): st.column_config.LinkColumn()},
)
st.caption(ui.t("data.odbl"))

st.subheader(ui.t("data.tables_title"))
tables = cache.query("data_sources/tables")


def period(row) -> str:
    if pd.isna(row["first_period"]):
        return "–"
    return f"{str(row['first_period'])[:10]} – {str(row['last_period'])[:10]}"


tables_view = pd.DataFrame(
    {
        ui.t("data.col.table"): tables["table_name"].map(lambda name: ui.t(f"table.{name}")),
        ui.t("data.col.grain"): tables["table_name"].map(lambda name: ui.t(f"grain.{name}")),
        ui.t("data.col.rows"): tables["n"].map(ui.number),
        ui.t("data.col.period"): tables.apply(period, axis=1),
        ui.t("data.col.sources"): tables["sources"].fillna("–"),
        ui.t("data.col.status"): tables["status"].map(
            lambda s: ", ".join(ui.status_label(x) for x in s.split(", ")) if isinstance(s, str) else "–"
        ),
    }
)
st.dataframe(tables_view, hide_index=True, key="data_tables_table")

st.subheader(ui.t("data.indicators_title"))
catalog = cache.query("data_sources/indicators")
catalog_view = pd.DataFrame(
    {
        ui.t("data.col.indicator"): [ui.indicator_name(r) for _, r in catalog.iterrows()],
        ui.t("data.col.pillar"): catalog["pillar"].map(ui.pillar_label),
        ui.t("data.col.unit"): catalog["unit"],
        ui.t("data.col.direction"): catalog["direction"].map(lambda d: ui.t(f"direction.{d}")),
        ui.t("data.col.level"): catalog["native_level"],
        ui.t("data.col.aggregation"): catalog["aggregation"],
        ui.t("data.col.thresholds"): catalog["thresholds"].fillna("–"),
        ui.t("data.col.coverage"): catalog["regions"].map(ui.number),
        ui.t("data.col.periods"): [
            f"{a} – {b}" if isinstance(a, str) else ui.t("data.not_loaded") for a, b in zip(catalog["first_period"], catalog["last_period"])
        ],
        ui.t("data.col.status"): catalog["status"].map(
            lambda s: ", ".join(ui.status_label(x) for x in s.split(", ")) if isinstance(s, str) else ui.t("data.not_loaded")
        ),
        ui.t("data.col.description"): catalog["description_en" if en else "description_id"],
    }
)
st.dataframe(catalog_view, hide_index=True, key="data_catalog_table")
ui.download_csv(catalog_view, "cettar_katalog_indikator.csv", key="data_catalog_csv")

st.subheader(ui.t("data.build_title"))
info = cache.query("data_sources/build_info").set_index("key")["value"]
st.caption(ui.t("data.build_caption", built=info.get("built_at", "–"), version=info.get("cettar_version", "–")))
