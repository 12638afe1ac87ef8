"""Bandingkan: regions or groups side by side, fair peers, and a before/after (DiD) estimate."""

import streamlit as st

from cettar import cache, compare, ui

ui.require_frame()

# Widgets of a view not shown keep their values (Streamlit would drop them).
st.session_state.update({key: st.session_state[key] for key in compare.STATE_KEYS if key in st.session_state})


def widget(make, key, label, options, default, decode=compare.decode_one, **kw):
    """A widget with an explicit key whose value is restored from the URL and written back to it."""
    ui.restore_from_url(key, lambda raw: decode(raw, options))
    st.session_state.setdefault(key, default)
    value = make(ui.t(f"compare.{label}"), options=options, key=key, **kw)
    ui.keep_in_url(key, compare.encode(value), default=compare.encode(default))
    return value


def period(where, key, label, default):
    """A range of years. Streamlit keeps a select_slider a range only when the range comes in as
    `value`, so this one is never set through session state: the URL carries it across views."""
    try:
        start = compare.decode_range(st.query_params.get(key, ""), years)
    except ValueError:
        start = default
    value = where.select_slider(ui.t(f"compare.{label}"), options=years, value=start, key=key)
    ui.keep_in_url(key, compare.encode(value), default=compare.encode(default))
    return years[years.index(value[0]): years.index(value[1]) + 1]


def choice(key, label, options, default, where=st):
    texts = {v: ui.t(f"compare.{label}.{v}") for v in options}  # labels fixed now, not looked up later
    return widget(where.radio, key, label, list(options), default, horizontal=True, format_func=texts.get)


def notice(statuses) -> str:
    """The demo (or mixed) warning of a view; '_demo' for the file name of its downloads."""
    found = compare.status_notice(statuses, lang)
    if found:
        st.warning(found[1], icon=":material/science:")
    return "_demo" if found else ""


def group_picker():
    preset = choice("banding_kelompok", "preset", compare.PRESETS, "kompak")
    custom = widget(st.multiselect, "banding_daftar", "custom", kab, [], decode=compare.decode_list,
                    format_func=labels.get) if preset == "custom" else []
    groups, names = compare.group_pair(preset, units, members, custom), compare.group_labels(preset, lang)
    st.caption(compare.members_caption(preset, groups, names, labels, members, lang))
    if not groups["a"] or not groups["b"]:
        st.info(ui.t("compare.group_empty"))
        st.stop()
    return groups, names


lang, year = ui.lang(), st.session_state.get("tahun")
st.title(ui.t("compare.title"))
st.markdown(ui.t("compare.intro"))
catalog = cache.query("compare/indicators")
years = sorted(cache.query("frame/years")["year"])
if catalog.empty or not year or len(years) < 2:
    st.info(ui.t("compare.no_values"))
    st.stop()
units = cache.query("compare/units")
members = cache.query("compare/program", program=compare.PROGRAM)
ids, names, labels = catalog["indicator_id"].tolist(), compare.indicator_names(catalog, lang), compare.region_labels(units)
kab, kec = (units.loc[units["level"] == level, "code"].tolist() for level in compare.LEVELS)
view = choice("banding", "view", compare.VIEWS, "side")

if view == "side":
    subject = choice("banding_subjek", "subject", compare.SUBJECTS, "regions")
    if subject == "regions":
        level = choice("banding_tingkat", "level", compare.LEVELS, "kabkota")
        chosen = widget(st.multiselect, f"banding_{level}", f"pick_{level}", kab if level == "kabkota" else kec,
                        sorted(members["kabkota_code"]) if level == "kabkota" else [], max_selections=compare.MAX_UNITS,
                        decode=compare.decode_units, format_func=labels.get)
    else:
        groups, group_names = group_picker()
    picked_ids = widget(st.multiselect, "banding_indikator", "indicators", ids, compare.default_indicators(catalog),
                        decode=compare.decode_list, format_func=names.get)
    if subject == "regions" and len(chosen) < compare.MIN_UNITS or not picked_ids:
        st.info(ui.t("compare.pick_more", most=compare.MAX_UNITS))
        st.stop()
    values = cache.query("compare/kecamatan_values", indicators=picked_ids)
    picked, medians, everyone = (
        compare.regions_view(values, cache.query("compare/kabkota_values", indicators=picked_ids), catalog, units, level, chosen, lang)
        if subject == "regions" else compare.groups_view(values, catalog, units, groups, group_names, lang))
    demo = notice(list(picked["status"]) + list(everyone["status"]))  # shown values, medians and the distribution
    st.subheader(ui.t("compare.table_title", year=year))
    long = compare.side_by_side(picked, medians, catalog, year, lang)
    st.dataframe(compare.wide(long, lang, show_rank=subject == "regions"), hide_index=True, key="compare_table")
    st.caption(ui.t(f"compare.table_caption.{subject}"))
    ui.download_csv(long, f"cettar_bandingkan_{year}{demo}.csv", key="compare_table_csv")
    regions = subject == "regions"
    st.subheader(ui.t("compare.trend_title"))
    st.caption(ui.t(f"compare.trend_caption.{subject}"))
    st.plotly_chart(compare.trend_figure(picked, medians if regions else None, catalog, lang), key="compare_trends")
    st.subheader(ui.t("compare.distribution_title", year=year))
    st.caption(ui.t(f"compare.distribution_caption.{subject}"))
    figure = compare.distribution_figure(everyone, picked if regions else None, catalog, year, lang)
    st.plotly_chart(figure, key="compare_distribution")

elif view == "peers":
    target = widget(st.selectbox, "peer_kecamatan", "peer_target", kec, kec[0], format_func=labels.get)
    context = widget(st.multiselect, "peer_konteks", "peer_context", ids, compare.default_context(catalog),
                     decode=compare.decode_list, format_func=names.get)
    left, middle, right = st.columns(3)
    k = widget(left.select_slider, "peer_k", "peer_k", list(compare.PEER_K), 7)
    missing = choice("peer_hilang", "missing", compare.MISSING_RULES, "complete", where=middle)
    pool = choice("peer_cakupan", "pool", compare.POOLS, "all", where=right)
    values = cache.query("compare/kecamatan_values", indicators=context)
    found = compare.peers(values, target, context, year, k, missing, pool) if context else None
    if found is None or found.empty:
        st.info(ui.t("compare.peer_none", year=year))
        st.stop()
    demo = notice(found["status"])
    st.subheader(ui.t("compare.peer_title", target=labels[target], year=year))
    st.caption(ui.t(f"compare.peer_method.{missing}", p=len(context)))
    table = compare.peers_table(found, labels, catalog, lang)
    st.dataframe(compare.display(table, lang), hide_index=True, key="compare_peers")
    ui.download_csv(table, f"cettar_peer_{target}_{year}{demo}.csv", key="compare_peers_csv")
    codes = found["kecamatan_code"].tolist()[: compare.MAX_UNITS]
    st.button(ui.t("compare.peer_show"), key="compare_peers_show", on_click=st.session_state.update,  # to side by side
              kwargs=dict(banding="side", banding_subjek="regions", banding_tingkat="kecamatan", banding_kecamatan=codes))

else:
    groups, group_names = group_picker()
    indicator = widget(st.selectbox, "did_indikator", "did_indicator", ids, ids[0], format_func=names.get)
    left, right = st.columns(2)
    pre = period(left, "did_pra", "did_pre", (years[0], years[1]))
    post = period(right, "did_pasca", "did_post", (years[-3], years[-1]))
    if max(pre) >= min(post):
        st.info(ui.t("compare.did_order"))
        st.stop()
    panel = cache.query("compare/kecamatan_values", indicators=[indicator])
    trends = compare.pre_trends(panel, groups, group_names)
    demo = notice(trends["status"])
    st.subheader(ui.t("compare.trends_title"))
    st.caption(ui.t("compare.trends_caption"))
    st.plotly_chart(compare.pretrend_figure(trends, pre, post, names[indicator], lang), key="compare_pretrends")
    with st.expander(ui.t("compare.trends_table")):
        trends_table = compare.pre_trends_table(trends, lang)
        st.dataframe(compare.display(trends_table, lang), hide_index=True, key="compare_trends_table")
        ui.download_csv(trends_table, f"cettar_tren_kelompok_{indicator}{demo}.csv", key="compare_trends_csv")
    try:
        result = cache.compare_did(panel, tuple(groups["a"]), tuple(groups["b"]), tuple(pre), tuple(post))
    except ValueError:
        st.info(ui.t("compare.did_no_data"))
        st.stop()
    st.subheader(ui.t("compare.did_title"))
    info = catalog.set_index("indicator_id").loc[indicator]
    st.markdown(compare.did_sentence(result, group_names, info, pre, post, lang))
    table = compare.did_table(result, names[indicator], pre, post, group_names, compare.join_statuses(trends["status"]), lang)
    st.dataframe(compare.display(table, lang, 4), hide_index=True, key="compare_did")
    ui.download_csv(table, f"cettar_did_{indicator}{demo}.csv", key="compare_did_csv")
    if min(result.g_treated, result.g_control) < compare.FEW_CLUSTERS:
        st.warning(ui.t("compare.did_few", treated=result.g_treated, control=result.g_control, few=compare.FEW_CLUSTERS))
    st.info(ui.t("compare.did_caveat"), icon=":material/info:")
