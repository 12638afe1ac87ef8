"""PPKM & Koordinasi: PPKM levels per Inmendagri, weekly risk zones, kecamatan coordination."""

import pandas as pd
import plotly.express as px
import streamlit as st

from cettar import cache, ppkm, ui

ui.require_frame()

scope = st.session_state.get("wilayah") or None
st.title(ui.t("ppkm.title"))
st.markdown(ui.t("ppkm.intro"))
levels = cache.query("ppkm/levels")
periods = cache.query("ppkm/periods")
labels = {
    "evidence": ui.evidence_label, "unknown": ui.t("ppkm.unknown"), "hover": ui.t("ppkm.hover"),
    "level": ui.t("ppkm.level"), "counts_title": ui.t("ppkm.counts_title"), "cases_title": ui.t("ppkm.cases_title"),
    "cases": ui.t("ppkm.cases"), "zone": lambda z: ui.t(f"zone.{z}"), "kabkota": ui.t("ppkm.kabkota_count"),
}
tab_levels, tab_zones, tab_coordination = st.tabs([ui.t("ppkm.tab_levels"), ui.t("ppkm.tab_zones"), ui.t("ppkm.tab_coordination")])

with tab_levels:
    order = periods["inmendagri"].tolist()
    ui.restore_from_url("inmendagri", str, allowed=order)
    st.session_state.setdefault("inmendagri", order[-1])
    chosen = st.select_slider(ui.t("ppkm.period"), options=order, key="inmendagri")
    ui.keep_in_url("inmendagri", chosen, default=order[-1])
    snap = levels[levels["inmendagri"] == chosen]
    if scope:
        snap = snap[snap["kabkota_code"] == scope]
    known = snap.dropna(subset=["level"])
    st.subheader(ui.t("ppkm.snapshot_title", inmendagri=chosen))
    period = periods.set_index("inmendagri").loc[chosen]
    st.caption(
        ui.t("ppkm.snapshot_dates", period=f"{ui.date(period['valid_from'], 'medium')} – {ui.date(period['valid_to'], 'medium')}")
        if pd.notna(period["valid_from"]) else ui.t("ppkm.snapshot_no_dates")
    )
    st.caption(ui.t("ppkm.snapshot_known", known=len(known), total=len(snap), inferred=int(known["evidence"].map(ppkm.is_inferred).sum())))
    counts = st.columns(5)
    for column, level in zip(counts, [1, 2, 3, 4]):
        column.metric(f"{ui.t('ppkm.level')} {level}", ui.number(int((known["level"] == level).sum())))
    counts[4].metric(ui.t("ppkm.unknown"), ui.number(len(snap) - len(known)))
    view = ui.map_view("kabkota")
    everywhere = levels[levels["inmendagri"] == chosen]
    fig, classes = ppkm.category_map(
        cache.map_shapes("kabkota", None, view),
        pd.DataFrame({"code": everywhere["kabkota_code"], "category": everywhere["level"].map(lambda v: str(int(v)) if pd.notna(v) else None),
                      "text": [f"{ui.t('ppkm.level')} {int(v)} · {ui.evidence_label(e)}" if pd.notna(v) else ui.t("ppkm.unknown") for v, e in zip(everywhere["level"], everywhere["evidence"])]}),
        ["1", "2", "3", "4"], [ppkm.LEVEL_COLOURS[i] for i in (1, 2, 3, 4)], [f"{ui.t('ppkm.level')} {i}" for i in (1, 2, 3, 4)],
        period=f"Inmendagri {chosen}", source=ui.t("ppkm.map_source"))
    ui.show_map(fig, classes, ui.t("ppkm.map_title", inmendagri=chosen), "ppkm_level_map", schematic=view == "tiles")
    snapshot_table = pd.DataFrame({
        ui.t("ppkm.col.kabkota"): snap["name"],
        ui.t("ppkm.col.level"): snap["level"].map(lambda v: ui.number(v) if pd.notna(v) else ui.t("ppkm.unknown")),
        ui.t("ppkm.col.evidence"): snap["evidence"].map(lambda e: ui.evidence_label(e) if isinstance(e, str) else "–"),
        ui.t("ppkm.col.source"): snap["source_url"],
    })
    st.dataframe(snapshot_table, hide_index=True, key="ppkm_snapshot", column_config={ui.t("ppkm.col.source"): st.column_config.LinkColumn()})
    ui.download_csv(snapshot_table, f"ppkm_{chosen.replace('/', '-')}.csv", key="ppkm_snapshot_csv")
    st.subheader(ui.t("ppkm.heatmap_title"))
    st.caption(ui.t("ppkm.heatmap_caption"))
    st.plotly_chart(ppkm.heatmap_figure(levels, labels), key="ppkm_heatmap")
    cases = cache.query("ppkm/cases")
    st.plotly_chart(ppkm.counts_figure(ppkm.level_counts(levels), cases, periods, labels), key="ppkm_counts")
    if cases.empty:
        st.info(ui.t("ppkm.no_cases"))

with tab_zones:
    st.subheader(ui.t("ppkm.zones_title"))
    st.caption(ui.t("ppkm.zones_caption"))
    zones = cache.query("ppkm/risk_zones")
    if zones.empty:
        st.info(ui.t("ppkm.no_zones"))
    else:
        weeks = sorted(zones["week_date"].astype(str).unique())
        ui.restore_from_url("minggu", str, allowed=weeks)
        st.session_state.setdefault("minggu", weeks[-1])
        week = st.select_slider(ui.t("ppkm.week"), options=weeks, key="minggu", format_func=ui.option_labels(weeks, label=lambda w: ui.date(w, "medium")))
        ui.keep_in_url("minggu", week, default=weeks[-1])
        this_week = zones[zones["week_date"].astype(str) == week]
        if scope:
            this_week = this_week[this_week["kabkota_code"] == scope]
        summary = this_week["zone"].value_counts()
        st.markdown(ui.t("ppkm.week_summary", week=ui.date(week), counts=", ".join(f"{ui.number(n)} {ui.t(f'zone.{z}')}" for z, n in summary.items())))
        corrected = this_week[this_week["week_date"] != this_week["source_date"]]
        if len(corrected):
            st.caption(ui.t("ppkm.date_corrected", source_date=ui.date(corrected["source_date"].iloc[0])))
        view = ui.map_view("kabkota")
        fig, classes = ppkm.category_map(
            cache.map_shapes("kabkota", None, view),
            pd.DataFrame({"code": zones.loc[zones["week_date"].astype(str) == week, "kabkota_code"],
                          "category": zones.loc[zones["week_date"].astype(str) == week, "zone"],
                          "text": zones.loc[zones["week_date"].astype(str) == week, "zone"].map(lambda z: ui.t(f"zone.{z}"))}),
            list(ppkm.ZONES), [ppkm.ZONE_COLOURS[z] for z in ppkm.ZONES], [ui.t(f"zone.{z}") for z in ppkm.ZONES],
            period=ui.date(week), source=ui.t("ppkm.zones_source"))
        ui.show_map(fig, classes, ui.t("ppkm.zones_map_title", week=ui.date(week)), "ppkm_zone_map", schematic=view == "tiles")
        st.plotly_chart(ppkm.zone_figure(ppkm.zone_counts(zones), labels), key="ppkm_zone_chart")

with tab_coordination:
    st.subheader(ui.t("ppkm.coordination_title"))
    span = cache.query("ppkm/coordination_range").iloc[0]
    if pd.isna(span["first_date"]):
        st.info(ui.t("ppkm.no_records"))
        st.stop()
    first, last = pd.Timestamp(span["first_date"]).date(), pd.Timestamp(span["last_date"]).date()
    window = st.slider(ui.t("ppkm.window"), min_value=first, max_value=last, value=(first, last), key="koordinasi_rentang", format="DD/MM/YYYY")
    types = list(ppkm.ACTIVITY_TYPES)
    chosen_types = st.multiselect(ui.t("ppkm.activity_types"), options=types, default=types, key="koordinasi_jenis", format_func=ui.option_labels(types, "activity"))
    records = cache.query("ppkm/coordination", date_from=window[0], date_to=window[1], scope=scope, activity_types=chosen_types)
    if (records["status"] == "demo").any():
        st.warning(ui.t("ppkm.coordination_demo"))
    if records.empty:
        st.info(ui.t("ppkm.no_records"))
        st.stop()
    intensity = ppkm.intensity_by_kecamatan(records)
    st.caption(ui.t("ppkm.records_count", n=ui.number(len(records)), kecamatan=ui.number(len(intensity))))
    view = ui.map_view("kecamatan")
    fig, classes = ppkm.intensity_map(
        cache.map_shapes("kecamatan", scope, view), intensity.rename(columns={"kecamatan_code": "code"})[["code", "activities"]],
        ui.lang(), period=f"{ui.date(window[0], 'medium')} – {ui.date(window[1], 'medium')}",
        source=ui.t("ppkm.coordination_source_demo") if (records["status"] == "demo").any() else ui.t("ppkm.coordination_source"))
    ui.show_map(fig, classes, ui.t("ppkm.intensity_map_title"), "ppkm_intensity_map", schematic=view == "tiles")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{ui.t('ppkm.intensity_title')}**")
        st.dataframe(pd.DataFrame({
            ui.t("ppkm.col.kecamatan"): intensity["kecamatan"], ui.t("ppkm.col.kabkota"): intensity["kabkota"],
            ui.t("ppkm.col.activities"): intensity["activities"], ui.t("ppkm.col.status"): ui.status_label("demo") if (records["status"] == "demo").all() else "",
        }), hide_index=True, key="ppkm_intensity", height=380)
    with right:
        st.markdown(f"**{ui.t('ppkm.agencies_title')}**")
        matrix = ppkm.agency_matrix(records)
        names = [ui.t(f"agency.{a}") for a in matrix.index]
        st.plotly_chart(px.imshow(matrix.to_numpy(), x=names, y=names, color_continuous_scale="Blues", text_auto=True, height=380), key="ppkm_agencies")
        st.caption(ui.t("ppkm.agencies_caption"))
    st.markdown(f"**{ui.t('ppkm.around_title')}**")
    changes = ppkm.level_changes(levels if not scope else levels[levels["kabkota_code"] == scope])
    if changes.empty:
        st.info(ui.t("ppkm.around_none"))
    else:
        describe = lambda i: ui.t("ppkm.around_label", name=changes.at[i, "name"], previous=int(changes.at[i, "previous"]), level=int(changes.at[i, "level"]), inmendagri=changes.at[i, "inmendagri"], date=ui.date(changes.at[i, "valid_from"], "medium"))  # noqa: E731
        pick = st.selectbox(ui.t("ppkm.around_change"), options=list(changes.index), format_func=ui.option_labels(list(changes.index), label=describe), key="koordinasi_perubahan")
        kecamatan = records.loc[records["kabkota_code"] == changes.at[pick, "kabkota_code"], "kecamatan_code"].unique()
        around = ppkm.activity_around(records, pd.Series(kecamatan), changes.at[pick, "valid_from"])
        st.plotly_chart(px.bar(around, x="week", y="activities", height=260, labels={"week": ui.t("ppkm.around_week"), "activities": ui.t("ppkm.col.activities")}), key="ppkm_around")
    st.markdown(f"**{ui.t('ppkm.records_title')}**")
    table = pd.DataFrame({  # labels made once per distinct value: tens of thousands of rows at national scale
        ui.t("ppkm.col.date"): ui.per_value(records["activity_date"], lambda d: ui.date(d, "medium")),
        ui.t("ppkm.col.kecamatan"): records["kecamatan"], ui.t("ppkm.col.kabkota"): records["kabkota"],
        ui.t("ppkm.col.activity"): ui.per_value(records["activity_type"], lambda a: ui.t(f"activity.{a}")),
        ui.t("ppkm.col.agencies"): ui.per_value(records["agencies"], lambda s: ", ".join(ui.t(f"agency.{a}") for a in s.split(";"))),
        ui.t("ppkm.col.participants"): records["participants"], ui.t("ppkm.col.status"): ui.per_value(records["status"], ui.status_label),
    })
    if len(table) > ppkm.TABLE_ROWS:  # the browser gets the newest rows; the downloads hold every one
        st.caption(ui.t("ppkm.records_shown", shown=ui.number(ppkm.TABLE_ROWS), n=ui.number(len(table))))
    st.dataframe(table.tail(ppkm.TABLE_ROWS), hide_index=True, key="ppkm_records")
    ui.download_csv(table, "koordinasi_kecamatan.csv", key="ppkm_records_csv")
