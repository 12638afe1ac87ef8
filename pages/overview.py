"""Ikhtisar: the province (or one kab/kota) at a glance, and what is official or demo."""

import datetime as dt

import pandas as pd
import plotly.express as px
import streamlit as st

from cettar import cache, ui

ui.require_frame()

scope = st.session_state.get("wilayah") or None
year = st.session_state.get("tahun")

st.title(ui.t("overview.title"))
st.markdown(ui.t("overview.intro", launch=ui.date(dt.date(2021, 9, 23))))

counts = cache.query("overview/region_counts", scope=scope).set_index("type")["n"]
n = lambda kind: int(counts.get(kind, 0))  # noqa: E731
awards = cache.query("overview/awards_by_year", scope=scope)

c1, c2, c3, c4 = st.columns(4)
c1.metric(
    ui.t("overview.kabkota"),
    ui.number(n("kabupaten") + n("kota")),
    help=ui.t("overview.kabkota_help", kabupaten=ui.number(n("kabupaten")), kota=ui.number(n("kota"))),
)
c2.metric(ui.t("overview.kecamatan"), ui.number(n("kecamatan")))
c3.metric(
    ui.t("overview.desa"),
    ui.number(n("desa") + n("kelurahan")),
    help=ui.t("overview.desa_help", desa=ui.number(n("desa")), kelurahan=ui.number(n("kelurahan"))),
)
c4.metric(
    ui.t("overview.awards"),
    ui.number(int(awards["awards"].sum())),
    help=ui.t("overview.awards_help", first=awards["year"].min(), last=awards["year"].max()) if len(awards) else None,
)

left, right = st.columns(2)
with left:
    st.subheader(ui.t("overview.ppkm_title"))
    ppkm = cache.query("overview/latest_ppkm", scope=scope)
    if ppkm.empty:
        st.info(ui.t("overview.ppkm_unknown"))
    else:
        first = ppkm.iloc[0]
        known = int(ppkm["kabkota"].sum())
        expected = n("kabupaten") + n("kota")
        levels = pd.DataFrame({"level": [1, 2, 3, 4]}).merge(ppkm[["level", "kabkota"]], how="left").fillna(0)
        levels["label"] = [ui.t("overview.ppkm_level", level=lv) for lv in levels["level"]]
        if known < expected:
            levels.loc[len(levels)] = [0, expected - known, ui.t("overview.ppkm_unknown")]
        fig = px.bar(
            levels,
            x="label",
            y="kabkota",
            color="label",
            color_discrete_sequence=["#1a9850", "#fee08b", "#f46d43", "#a50026", "#bdbdbd"],
            labels={"label": "", "kabkota": ui.t("overview.ppkm_count")},
            height=280,
        )
        fig.update_layout(showlegend=False, margin=dict(l=10, r=10, t=10, b=10))
        st.plotly_chart(fig, key="overview_ppkm_chart")
        period = (
            f"{ui.date(first['valid_from'], 'medium')} – {ui.date(first['valid_to'], 'medium')}"
            if pd.notna(first["valid_from"])
            else "–"
        )
        st.caption(
            ui.t("overview.ppkm_caption", inmendagri=first["inmendagri"], period=period, evidence=", ".join(sorted({ui.evidence_label(e) for e in ", ".join(ppkm["evidence"]).split(", ")})))
        )
        for url in sorted(set(" ; ".join(ppkm["sources"]).split(" ; "))):
            st.caption(f"[{url}]({url})")

with right:
    st.subheader(ui.t("overview.kompak_title"))
    kompak = cache.query("overview/kompak")
    for row in kompak.itertuples():
        st.markdown(f"- **{row.name}** ({row.start_year}–{row.end_year})")
    if len(kompak):
        st.caption(ui.t("overview.kompak_caption", start=int(kompak["start_year"].min()), source=kompak["source_url"].iloc[0]))
    st.subheader(ui.t("overview.awards_title"))
    if len(awards):
        fig = px.bar(
            awards,
            x="year",
            y="awards",
            labels={"year": ui.t("overview.awards_year"), "awards": ui.t("overview.awards_count")},
            height=240,
            color_discrete_sequence=["#2b8cbe"],
        )
        fig.update_layout(margin=dict(l=10, r=10, t=10, b=10), xaxis=dict(dtick=1))
        st.plotly_chart(fig, key="overview_awards_chart")

scope_name = cache.query("frame/kabkota").set_index("code")["name"].get(scope, ui.t("app.scope_all"))
st.subheader(ui.t("overview.indicators_title", year=year))
means = cache.query("overview/pillar_means", year=year, scope=scope) if year else pd.DataFrame()
if means.empty:
    st.info(ui.t("overview.no_values", year=year))
else:
    st.caption(ui.t("overview.indicators_caption", scope=scope_name))
    table = pd.DataFrame(
        {
            ui.t("overview.pillar"): means["pillar"].map(ui.pillar_label),
            ui.t("overview.indicator"): [ui.indicator_name(r) for _, r in means.iterrows()],
            ui.t("overview.value"): [ui.number(v, int(d)) for v, d in zip(means["mean_value"], means["decimals"])],
            ui.t("overview.unit"): means["unit"],
            ui.t("overview.kecamatan_with_value"): means["kecamatan"].map(ui.number),
            ui.t("overview.source_status"): means["status"].map(lambda s: ", ".join(ui.status_label(x) for x in s.split(", "))),
        }
    )
    st.dataframe(table, hide_index=True, key="overview_indicators")
    ui.download_csv(table, f"cettar_indikator_{year}_demo.csv", key="overview_indicators_csv")

st.subheader(ui.t("overview.data_title"))
status = cache.query("overview/data_status")
st.dataframe(
    pd.DataFrame(
        {
            ui.t("overview.data_table"): status["table_name"].map(lambda name: ui.t(f"table.{name}")),
            ui.t("overview.data_status"): status["status"].map(ui.status_label),
            ui.t("overview.data_rows"): status["n"].map(ui.number),
            ui.t("overview.data_sources"): status["sources"],
        }
    ),
    hide_index=True,
    key="overview_data_status",
)
