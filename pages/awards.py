"""Inovasi & Penghargaan: who won which award when, on a map with the kecamatan winners; a card
per award with its sources; where innovations started and where they were replicated."""

import streamlit as st

from cettar import awards, cache, mapdata, maps, ui

ui.require_frame()

state, lang = st.session_state, ui.lang()
st.title(ui.t("awards.title"))
st.markdown(ui.t("awards.intro"))
cat = awards.catalog(cache.query("awards/options"), lang)
if cat.empty:
    st.info(ui.t("awards.no_awards"))
    st.stop()
kabkota = cache.query("awards/regions", map_level="kabkota", scope=None)
kab_names = dict(zip(kabkota["code"], kabkota["name"]))
URL_STATE = awards.url_state(cat, list(kab_names))
for key, (parse, _, default) in URL_STATE.items():
    ui.restore_from_url(key, parse)
    state.setdefault(key, default)
awards.sanitise(state, cat, list(kab_names))

# -- Filters (every one kept in the URL) --------------------------------------------------------
top = st.columns([3, 4, 3])
top[0].slider(ui.t("awards.years"), cat.years[0], cat.years[1], key="pg_tahun")
top[1].multiselect(ui.t("awards.series"), list(cat.names), format_func=cat.labels.get, key="pg_jenis", placeholder=ui.t("awards.all"))
top[2].multiselect(ui.t("awards.level"), cat.levels, format_func=ui.option_labels(cat.levels, "awards.level"), key="pg_tingkat", placeholder=ui.t("awards.all"))
second = st.columns([6, 4])
second[0].multiselect(ui.t("awards.region"), list(kab_names), format_func=kab_names.get, key="pg_wilayah", placeholder=ui.t("awards.all_regions"))
second[1].radio(ui.t("awards.kompak"), awards.KOMPAK, format_func=ui.option_labels(awards.KOMPAK, "awards.kompak"), key="pg_kompak", horizontal=True)
shared = state.get("wilayah") or ""
chosen = state["pg_wilayah"] or ([shared] if shared else [])
if shared and not state["pg_wilayah"]:
    st.caption(ui.t("awards.shared_scope", name=kab_names.get(shared, shared)))
filters = awards.Filters(tuple(state["pg_tahun"]), tuple(state["pg_jenis"]), tuple(state["pg_tingkat"]), tuple(chosen), state["pg_kompak"])
grouped = awards.group_awards(cache.query("awards/awards", **filters.params(cat)))
numbers = awards.summary(grouped)
for column, (name, value) in zip(st.columns(4), numbers.items()):
    column.metric(ui.t(f"awards.metric.{name}"), ui.number(value))

# -- Timeline -----------------------------------------------------------------------------------
st.subheader(ui.t("awards.timeline_title"))
if grouped.empty:
    st.info(ui.t("awards.none_match"))
else:
    st.plotly_chart(awards.timeline_figure(grouped, cat, lang), key="pg_timeline_chart", config={"displaylogo": False})

# -- Map: award counts per kab/kota or kecamatan, a star per kecamatan winner --------------------
st.subheader(ui.t("awards.map_title"))
counts = cache.map_boundary_counts()
controls = st.columns([2, 3, 5])
level = controls[0].radio(ui.t("awards.map_level"), awards.MAP_LEVELS, format_func=ui.option_labels(awards.MAP_LEVELS, "awards.map_level"), key="pg_peta", horizontal=True)
geo_ok = mapdata.geo_available(counts, level)
view = controls[1].radio(ui.t("awards.view"), maps.VIEWS, format_func=ui.option_labels(maps.VIEWS, "awards.view"), key="pg_tampilan", horizontal=True) if geo_ok else "tiles"
scope = chosen[0] if level == "kecamatan" and len(chosen) == 1 else None
shapes = cache.map_shapes(level, scope, view)
kec_ok = view == "tiles" or mapdata.geo_available(counts, "kecamatan")
points = cache.award_points("kecamatan", scope, view) if kec_ok else None
markers = awards.winners(grouped, points, cat)
regions = cache.query("awards/regions", map_level=level, scope=scope)
fig, legend = awards.award_map(shapes, regions, grouped, markers, level, lang, cat)
left, right = st.columns([4, 1])
left.plotly_chart(fig, key=f"pg_map_{level}_{view}_{scope or 'jatim'}",
                  config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False, "scrollZoom": True})
right.markdown(maps.legend_html(legend, ui.t(f"awards.legend_title.{level}"), lang), unsafe_allow_html=True)
right.caption(ui.t("awards.marker_note", n=ui.number(len(markers))) if kec_ok else ui.t("awards.marker_needs_kecamatan"))
st.caption(ui.t("awards.map_tiles_caption") if shapes.kind == "tiles" else ui.t("awards.map_geo_caption"))

# -- Leaderboard --------------------------------------------------------------------------------
st.subheader(ui.t("awards.leaderboard_title"))
board = awards.leaderboard_display(awards.leaderboard(grouped), lang)
st.dataframe(board, hide_index=True, key="pg_leaderboard")
st.caption(ui.t("awards.leaderboard_caption"))
ui.download_csv(board, "peringkat_penghargaan_kabkota.csv", key="pg_leaderboard_csv")

# -- A card per award ---------------------------------------------------------------------------
st.subheader(ui.t("awards.cards_title", n=ui.number(len(grouped))))
pages = awards.page_count(len(grouped))
if state.get("pg_halaman") not in range(1, pages + 1):
    state["pg_halaman"] = 1
if pages > 1:
    st.selectbox(ui.t("awards.cards_page"), list(range(1, pages + 1)), key="pg_halaman",
                 format_func=ui.option_labels(range(1, pages + 1), label=lambda p: ui.t("awards.cards_page_of", page=p, pages=pages)))
shown = awards.page_of(grouped, state["pg_halaman"])
for start in range(0, len(shown), 3):
    for column, (_, row) in zip(st.columns(3), shown.iloc[start:start + 3].iterrows()):
        column.container(border=True).markdown(awards.card_markdown(row, lang))
for key, (_, fmt, default) in URL_STATE.items():
    ui.keep_in_url(key, fmt(state[key]), default=fmt(default))

# -- Innovations and where they were replicated -------------------------------------------------
st.subheader(ui.t("awards.innovations_title"))
codes = list(chosen) or None
innovations = cache.query("awards/innovations", kabkota_codes=codes)
st.dataframe(awards.registry_display(innovations, lang), hide_index=True, key="pg_registry")
st.caption(ui.t("awards.registry_caption"))
reps = cache.query("awards/replications", year_from=filters.years[0], year_to=filters.years[1], kabkota_codes=codes)
demo = awards.is_demo(reps)
st.subheader(ui.t("awards.replication_title") + (f" ({ui.t('awards.demo_tag')})" if demo else ""))
if reps.empty:
    st.info(ui.t("awards.no_replications"))
    st.stop()
if demo:
    st.warning(ui.t("awards.replication_demo"), icon=":material/science:")
table = awards.replication_display(reps, lang)
st.dataframe(table, hide_index=True, key="pg_replications")
ui.download_csv(table, "replikasi_inovasi_demo.csv" if demo else "replikasi_inovasi.csv", key="pg_replications_csv")
flow_view = view if mapdata.geo_available(counts, "kabkota") else "tiles"
kab_points = cache.award_points("kabkota", None, flow_view)
needs_kec = reps["origin_level"].isin(["kecamatan", "desa"]).any() or reps["adopting_level"].isin(["kecamatan", "desa"]).any()
kec_points = cache.award_points("kecamatan", None, flow_view) if needs_kec and (flow_view == "tiles" or mapdata.geo_available(counts, "kecamatan")) else None
flows = awards.endpoints(reps, kab_points, kec_points)
title = ui.t("awards.flow_title_demo" if demo else "awards.flow_title")
st.plotly_chart(awards.flow_figure(cache.map_shapes("kabkota", None, flow_view), kabkota, flows, title, lang), key=f"pg_flow_{flow_view}",
                config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False, "scrollZoom": True})
st.caption(ui.t("awards.flow_caption", n=ui.number(int(flows["x1"].notna().sum())), total=ui.number(len(flows))))
