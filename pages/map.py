"""Peta Kinerja: an indicator on a map of kab/kota, kecamatan or desa; hot spots; a region's profile."""

import streamlit as st
from streamlit_folium import st_folium

from cettar import cache, mapdata, maps, mapview, profile, ui

ui.require_frame()

st.title(ui.t("map.title"))
st.caption(ui.t("map.intro"))
catalog = cache.query("map/indicators")
catalog = catalog[catalog["periods"] != ""]
if catalog.empty:
    st.info(ui.t("map.no_indicators"))
    st.stop()
meta_of = catalog.set_index("indicator_id")
ids = catalog["indicator_id"].tolist()
lang, state = ui.lang(), st.session_state
name_of = lambda i: meta_of.at[i, "name_en" if lang == "en" else "name_id"]  # noqa: E731

# Map state lives in the URL: (key, parse, allowed values, default).
URL_STATE = [
    ("indikator", str, ids, ids[0]), ("tingkat", str, maps.LEVELS, "kecamatan"), ("lapisan", str, maps.LAYERS, "values"),
    ("klasifikasi", str, tuple(maps.SCHEMES), "quantiles"), ("kelas", int, range(maps.K_MIN, maps.K_MAX + 1), maps.K_DEFAULT),
    ("batas", str, None, ""), ("peta", str, maps.RENDERERS, "plotly"), ("tampilan", str, maps.VIEWS, "geo"), ("pilih", str, None, ""),
]
for key, parse, allowed, default in URL_STATE:
    ui.restore_from_url(key, parse, allowed=allowed)
    state.setdefault(key, default)


def apply(updates: dict) -> None:
    state.update(updates)


top = st.columns([3, 2, 2])
indicator = top[0].selectbox(ui.t("map.indicator"), ids, format_func=name_of, key="indikator")
level = top[1].radio(ui.t("map.level"), maps.LEVELS, format_func=ui.option_labels(maps.LEVELS, "map.level"), key="tingkat", horizontal=True)
layer = top[2].radio(ui.t("map.layer"), maps.LAYERS, format_func=ui.option_labels(maps.LAYERS, "map.layer"), key="lapisan", horizontal=True)
meta = meta_of.loc[indicator].to_dict()
is_status = meta["value_type"] == "status" and isinstance(meta["thresholds"], str)
counts = cache.map_boundary_counts()
opts = st.columns([3, 2, 2, 2])
scheme = opts[0].selectbox(ui.t("map.scheme"), tuple(maps.SCHEMES), format_func=ui.option_labels(maps.SCHEMES, "map.scheme"), key="klasifikasi",
                           disabled=is_status or layer == "hotspots", help=ui.t("map.scheme_status") if is_status else None)
if scheme == "manual":
    opts[1].text_input(ui.t("map.breaks"), key="batas", placeholder=ui.t("map.breaks_help"), disabled=is_status or layer == "hotspots")
else:
    opts[1].slider(ui.t("map.classes"), maps.K_MIN, maps.K_MAX, key="kelas", disabled=is_status or layer == "hotspots")
renderer = opts[2].radio(ui.t("map.renderer"), maps.RENDERERS, format_func=ui.option_labels(maps.RENDERERS, "map.renderer"), key="peta", horizontal=True)
geo_ok = mapdata.geo_available(counts, level)
view = opts[3].radio(ui.t("map.view"), maps.VIEWS, format_func=ui.option_labels(maps.VIEWS, "map.view"), key="tampilan", horizontal=True) if geo_ok else "tiles"
basemap = renderer == "folium" and view == "geo" and opts[3].toggle(ui.t("map.basemap"), key="osm")
for key, _, _, default in URL_STATE[:-1]:
    ui.keep_in_url(key, state.get(key), default=default)

period, chosen_scope = state.get("tahun"), state.get("wilayah") or None
scope = None if level == "kabkota" else chosen_scope
problem = mapview.blocker(meta, period, level, scope, lang)
if problem:
    st.info(problem[0])
    if problem[1]:
        st.button(ui.t("map.show_period", period=problem[1]), key="map_show_period", on_click=apply, args=({"tahun": problem[1]},))
    st.stop()
regions = cache.query("map/regions", level=level, scope=scope)
if scope:
    kab_name = cache.query("map/regions", level="kabkota", scope=scope)["name"].iloc[0]
    st.button(ui.t("map.back"), key="map_back", on_click=lambda: apply(mapview.back_updates(dict(state))))
    st.caption(ui.t("map.scope_caption", name=kab_name))
breaks = None
if scheme == "manual" and not is_status and layer == "values":
    try:
        breaks = maps.parse_breaks(state.get("batas", ""))
    except ValueError as exc:
        st.warning(ui.t("map.breaks_bad", reason=exc))
        scheme = "quantiles"
shapes = cache.map_shapes(level, scope, view)
hot = cache.map_hotspots(indicator, period, level, scope, view) if layer == "hotspots" else None
values = cache.query("map/values", level=level, indicator=indicator, period=period, scope=scope)
v = mapview.build(meta, regions, values, level=level, period=period, lang=lang, layer=layer, scheme=scheme,
                  k=state.get("kelas", maps.K_DEFAULT), breaks=breaks, hot=hot, classifier=cache.map_classify)
options = [""] + ([scope] if scope else []) + v.frame["code"].tolist()
label_of = dict(zip(v.frame["code"], v.frame["name"])) | ({scope: kab_name} if scope else {})
if state.get("pilih") not in options:
    state["pilih"] = ""
selected = state.get("pilih") or (chosen_scope if level == "kabkota" else None)


def clicked(code) -> None:
    apply(mapview.click_updates(code, level, scope))


notice = mapview.shapes_notice(shapes.kind, geo_ok, level, lang)
if notice:
    (st.info if notice[0] == "info" else st.caption)(notice[1])
left, right = st.columns([4, 1])
with left:
    if renderer == "plotly":
        chart_key = f"map_chart_{level}_{scope or 'jatim'}_{view}"
        fig = maps.plotly_map(shapes.geojson, v.frame["code"], v.classes.index, v.classes.colours, v.parts,
                              selected=selected, labels=shapes.labels, bounds=shapes.bounds,
                              insets=shapes.insets, main_codes=shapes.main_codes)
        st.plotly_chart(fig, key=chart_key, on_select=lambda: clicked(maps.code_from_selection(state[chart_key].selection)),
                        selection_mode="points", config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False, "scrollZoom": True})
    else:
        m = maps.folium_map(shapes.frame, v.frame["code"], v.classes.index, v.classes.colours, maps.tooltip_html(v.parts),
                            selected=selected, basemap=basemap, bounds=shapes.bounds)
        st_folium(m, key="map_folium", height=560, use_container_width=True, returned_objects=["last_clicked"],
                  on_change=lambda: clicked(maps.code_from_folium(state.get("map_folium"), shapes.frame)))
        if basemap:
            st.caption(ui.t("map.basemap_note"))
with right:
    st.markdown(maps.legend_html(v.legend, v.legend_title, lang), unsafe_allow_html=True)
for note in mapview.captions(v, shapes, regions, hot, meta["direction"], lang):
    st.caption(note)

# -- Profile of the selected region -------------------------------------------------------------
pick = st.selectbox(ui.t("map.pick"), options, key="pilih", format_func=ui.option_labels(options, label=lambda c: label_of.get(c, c) if c else ui.t("map.pick_none")))
ui.keep_in_url("pilih", pick, default="")
if not pick:
    st.stop()
p = profile.build(cache.query, pick, indicator, period, catalog, lang)
st.header(ui.t("map.profile_title", name=p.name))
if p.subtitle:
    st.caption(p.subtitle)
m1, m2, m3 = st.columns(3)
m1.metric(ui.t("map.profile_value", name=name_of(indicator), period=period), p.value)
m2.metric(ui.t("map.profile_rank_province"), p.rank_province)
if p.rank_kabkota is not None:
    m3.metric(ui.t("map.profile_rank_kabkota"), p.rank_kabkota)
elif scope != pick:
    m3.button(ui.t("map.profile_drill", name=p.name), key="map_drill", on_click=apply, args=(mapview.drill_updates(pick),))
st.subheader(ui.t("map.profile_trend", name=name_of(indicator)))
st.plotly_chart(profile.trend_figure(p.trend, p.trend_names, meta["unit"]), key="map_profile_trend")
st.subheader(ui.t("map.profile_indicators", period=period))
st.dataframe(p.table, hide_index=True, key="map_profile_table")
st.caption(p.table_caption)
st.subheader(ui.t("map.profile_awards"))
if p.awards.empty:
    st.caption(ui.t("map.profile_no_awards"))
else:
    st.dataframe(p.awards, hide_index=True, key="map_profile_awards")
if len(p.awards_kabkota):
    st.caption(ui.t("map.awards_kabkota", name=p.kabkota_name))
    st.dataframe(p.awards_kabkota, hide_index=True, key="map_profile_awards_kabkota")
st.subheader(ui.t("map.profile_ppkm", name=p.kabkota_name))
if p.ppkm.empty:
    st.caption(ui.t("map.profile_no_ppkm"))
else:
    st.plotly_chart(profile.ppkm_figure(p.ppkm, ui.t("map.ppkm_level")), key="map_profile_ppkm")
    st.dataframe(profile.ppkm_display(p.ppkm, lang, ui.evidence_label), hide_index=True, key="map_profile_ppkm_table",
                 column_config={ui.t("map.col.source"): st.column_config.LinkColumn()})
