"""Kapasitas & Layanan: the kecamatan as front line: basic-service gaps per kecamatan and desa
(map, ranking, drill-down), and a kecamatan's delegated authority, PATEN and training."""

import streamlit as st

from cettar import cache, capacity, mapdata, maps, mapview, ui

ui.require_frame()

lang, state = ui.lang(), st.session_state
year, scope = state.get("tahun"), state.get("wilayah") or None
st.title(ui.t("capacity.title"))
st.markdown(ui.t("capacity.intro"))
years = cache.query("capacity/years", indicators=list(capacity.INPUT_IDS))["year"].tolist()
if not years:
    st.info(ui.t("capacity.no_data"))
    st.stop()
if year not in years:
    st.info(ui.t("capacity.no_year", year=year, years=", ".join(sorted(years))))
    st.button(ui.t("capacity.show_year", year=years[0]), key="capacity_show_year", on_click=state.update, kwargs={"tahun": years[0]})
    st.stop()

places = cache.query("capacity/kecamatan", scope=scope)
catalog = cache.query("capacity/catalog", indicators=list(capacity.INPUT_IDS + capacity.DERIVED_IDS))
name_of = catalog.set_index("indicator_id")["name_en" if lang == "en" else "name_id"]
for key, allowed, default in (("layanan", tuple(capacity.SERVICE), "posyandu"), ("ukuran", capacity.MEASURES, "gap"), ("kec", places["code"].tolist(), "")):
    ui.restore_from_url(key, str, allowed=allowed)
    state.setdefault(key, default)
gaps = cache.capacity_gaps(year, scope)
summary = cache.query("capacity/summary", year=year, scope=scope).iloc[0]
if capacity.is_demo(gaps["status"]) or capacity.is_demo([summary["status"]]):
    st.warning(ui.t("capacity.demo_banner"), icon=":material/science:")

# -- Kesenjangan layanan dasar ---------------------------------------------------------------
st.header(ui.t("capacity.gap_title", year=year))
left, right = st.columns([3, 2])
texts = {k: ui.t(f"capacity.service.{k}") for k in capacity.SERVICE} | {m: ui.t(f"capacity.measure.{m}") for m in capacity.MEASURES}
service = left.radio(ui.t("capacity.service"), list(capacity.SERVICE), key="layanan", horizontal=True, format_func=texts.get)
measure = right.radio(ui.t("capacity.measure"), capacity.MEASURES, key="ukuran", horizontal=True, format_func=texts.get)
ui.keep_in_url("layanan", service, default="posyandu")
ui.keep_in_url("ukuran", measure, default="gap")
s = capacity.SERVICE[service]
st.caption(ui.t("capacity.method", demand=name_of[s.demand], supply=name_of[s.supply], norm=ui.number(s.norm)))
table = capacity.ranking(gaps, places, service, measure)
tag = capacity.demo_suffix(table["status"], lang)
if table.empty:
    st.info(ui.t("capacity.no_service", year=year))
    st.stop()
top = table.iloc[0]
decimals = 0 if measure == "gap" else 1
c1, c2, c3 = st.columns(3)
c1.metric(ui.t(f"capacity.top_{measure}" if measure == "ratio" or top["gap"] > 0 else "capacity.top_none"), f"{top['name']} ({top['kabkota_name'].removeprefix('Kabupaten ')})")
c2.metric(texts[measure] + tag, ui.number(top[measure], decimals),
          help=ui.t("capacity.top_help", demand=ui.number(top["demand"]), capacity=ui.number(top["capacity"])))
c3.metric(ui.t("capacity.short_count"), f"{ui.number(int((table['gap'] > 0).sum()))} / {ui.number(len(table))}")
c3.button(ui.t("capacity.open_top", name=top["name"]), key="capacity_open_top", on_click=state.update, kwargs={"kec": top["kecamatan_code"]})

counts = cache.map_boundary_counts()
view_kind = "geo" if mapdata.geo_available(counts, "kecamatan") else "tiles"
shapes = cache.map_shapes("kecamatan", scope, view_kind)
meta = capacity.map_meta(service, measure, catalog)
view = mapview.build(meta, places[["code", "name"]], capacity.map_values(table, measure), level="kecamatan", period=year, lang=lang)
chart = f"capacity_map_{scope or 'jatim'}_{view_kind}"


def clicked() -> None:
    code = maps.code_from_selection(state[chart].selection)
    if code in set(places["code"]):
        state["kec"] = code


map_col, legend_col = st.columns([4, 1])
map_col.plotly_chart(capacity.map_figure(shapes, view, selected=state.get("kec") or None), key=chart, on_select=clicked,
                     selection_mode="points", config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False})
legend_col.markdown(maps.legend_html(view.legend, view.legend_title + tag, lang), unsafe_allow_html=True)
legend_col.caption(ui.t("capacity.map_hint"))
if shapes.kind == "tiles":
    st.caption(ui.t("capacity.tiles_caption"))
for note in view.notes:
    st.caption(note)
st.subheader(ui.t("capacity.ranking_title", service=texts[service], year=year) + tag)
st.plotly_chart(capacity.bar_figure(table, measure, ui.t(f"capacity.bar_{measure}", service=texts[service], year=year) + tag,
                                    texts[measure]), key="capacity_bar")
ranking = capacity.ranking_display(table, service, lang)
st.dataframe(ranking, hide_index=True, key="capacity_ranking_table")
ui.download_csv(ranking, f"kesenjangan_{service}_{year}{tag and '_demo'}.csv", key="capacity_ranking_csv")

# -- Profil kecamatan ------------------------------------------------------------------------
st.header(ui.t("capacity.profile_title"))
st.caption(ui.t("capacity.summary", year=year, n=ui.number(summary["kecamatan"]), paten=ui.number(summary["paten"]), standard=ui.number(
    summary["standard"]), authorities=ui.number(summary["authorities"]), trained=ui.number(summary["trained"])) + capacity.demo_suffix([summary["status"]], lang))
label = dict(zip(places["code"], places["name"] + " (" + places["kabkota_name"] + ")"))
if state.get("kec") not in label:
    state["kec"] = top["kecamatan_code"]
pick = st.selectbox(ui.t("capacity.pick"), list(label), key="kec", format_func=label.get)
ui.keep_in_url("kec", pick, default="")
name = places.set_index("code").at[pick, "name"]
authority = cache.query("capacity/authority", kecamatan=pick)
paten = cache.query("capacity/paten", kecamatan=pick)
training = cache.query("capacity/training", kecamatan=pick)
this_year = authority[authority["year"] == int(year)]
m1, m2, m3 = st.columns(3)
m1.metric(ui.t("capacity.metric_authority", year=year), ui.number(len(this_year)))
m2.metric(ui.t("capacity.metric_paten", year=year), capacity.paten_state(paten, int(year), lang))
m3.metric(ui.t("capacity.metric_trained"), ui.number(int(training["participants"].sum())))

st.subheader(ui.t("capacity.authority_title", name=name) + capacity.demo_suffix(authority["status"], lang))
if authority.empty:
    st.info(ui.t("capacity.no_authority"))
else:
    shown = capacity.authority_display(authority, lang)
    st.dataframe(shown, hide_index=True, key="capacity_authority_table")
    ui.download_csv(shown, f"kewenangan_{pick}{capacity.demo_suffix(authority['status'], lang) and '_demo'}.csv", key="capacity_authority_csv")
st.subheader(ui.t("capacity.paten_title", name=name) + capacity.demo_suffix(paten["status"], lang))
if paten.empty:
    st.info(ui.t("capacity.no_paten"))
else:
    st.dataframe(capacity.paten_display(paten, lang), hide_index=True, key="capacity_paten_table")
st.subheader(ui.t("capacity.training_title", name=name) + capacity.demo_suffix(training["status"], lang))
if training.empty:
    st.info(ui.t("capacity.no_training"))
else:
    shown = capacity.training_display(training, lang)
    st.dataframe(shown, hide_index=True, key="capacity_training_table")
    ui.download_csv(shown, f"pelatihan_{pick}{capacity.demo_suffix(training['status'], lang) and '_demo'}.csv", key="capacity_training_csv")

# -- Desa: drill-down --------------------------------------------------------------------------
values = cache.query("capacity/desa_values", indicators=list(capacity.INPUT_IDS), year=year, scope=pick[:5])
values = values[values["kecamatan_code"] == pick]
desa_tag = capacity.demo_suffix(values["status"], lang)
st.subheader(ui.t("capacity.desa_title", name=name, service=texts[service], year=year) + desa_tag)
names = cache.query("capacity/desa", kecamatan=pick)
if counts.get("desa", 0) > 0:
    per_desa = capacity.service_gaps(values, by="region_code")
    per_desa = per_desa[per_desa["service"] == service]
    desa_shapes = cache.map_shapes("desa", pick[:5], "geo")
    desa_view = mapview.build(meta, names[["code", "name"]], capacity.map_values(per_desa, measure, by="region_code"),
                              level="desa", period=year, lang=lang)
    desa_map, desa_legend = st.columns([4, 1])
    desa_map.plotly_chart(capacity.map_figure(desa_shapes, desa_view, only=names["code"].tolist()), key="capacity_desa_map",
                          config={"topojsonURL": maps.TOPOJSON_URL, "displaylogo": False})
    desa_legend.markdown(maps.legend_html(desa_view.legend, desa_view.legend_title + desa_tag, lang), unsafe_allow_html=True)
else:
    st.caption(ui.t("capacity.no_desa_map"))
desa = capacity.desa_table(values, names, service, lang)
st.dataframe(desa, hide_index=True, key="capacity_desa_table")
st.caption(ui.t("capacity.desa_caption", n=ui.number(len(desa)), total=ui.number(len(names))))
ui.download_csv(desa, f"desa_{pick}_{service}_{year}{desa_tag and '_demo'}.csv", key="capacity_desa_csv")
