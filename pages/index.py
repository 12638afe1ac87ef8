"""Indeks CETTAR: the composite index, its method and weights, the ranking, and how robust the ranks are."""

import pandas as pd
import plotly.express as px
import streamlit as st

from cettar import cache, i18n, index, ui

ui.require_frame()

year, scope = st.session_state.get("tahun"), st.session_state.get("wilayah") or None
st.title(ui.t("index.title"))
st.markdown(ui.t("index.intro"))
try:
    config = index.load_config()
    result = cache.cettar_index(config)
except index.ConfigError as exc:  # a broken configuration file, or one the catalog does not match
    st.error(ui.t("index.config_error", error=exc))
    st.stop()
if year not in result.periods:
    st.info(ui.t("index.no_year", year=year))
    st.stop()
ps = result.periods[year]
tag = "" if ps.status == "official" else f" ({ui.status_label(ps.status)})"
if ps.status != "official":
    st.warning(ui.t(f"index.status_{ps.status}", year=year), icon=":material/science:")
stored = cache.query("index/stored_config")["value"]
if stored.empty or stored.iloc[0] != config.label:
    st.warning(ui.t("index.stale", stored=stored.iloc[0] if len(stored) else "–", shown=config.label))

en = ui.lang() == "en"
share = f"{ui.number(config.sensitivity.tail_share * 100, 0)}%"
pct = lambda v: f"{ui.number(v * 100, 1)}%"  # noqa: E731
score = lambda v: ui.number(v, config.rank_decimals)  # noqa: E731
labelled = lambda frame: frame.rename(columns={c: ui.t(f"index.col.{c}", share=share) for c in frame.columns if f"index.col.{c}" in i18n.STRINGS})  # noqa: E731
places = cache.query("index/kecamatan").set_index("code")
in_scope = lambda frame: frame[frame["region_code"].map(places["kabkota_code"]).eq(scope)] if scope else frame  # noqa: E731
named = lambda frame: frame.assign(kecamatan=frame["region_code"].map(places["name"]), kabkota=frame["region_code"].map(places["kabkota_name"]))  # noqa: E731
status = ui.status_label(ps.status)

# -- Metodologi -----------------------------------------------------------------------------
st.header(ui.t("index.method_title"))
other = next(m for m in index.METHODS if m != config.method)
low, high = (ui.number(p, 1) for p in config.winsor)
st.markdown(ui.t(f"index.method_{config.method}", low=low, high=high))
st.caption(ui.t("index.method_used", method=config.method, other=other) + " " + ui.t(f"index.method_{other}", low=low, high=high))
for key in ("index.aggregation", "index.coverage_rule", f"index.reference_{config.reference}", "index.ties", "index.status_rule"):
    st.markdown(ui.t(key, pillar=pct(config.min_pillar), overall=pct(config.min_overall), decimals=config.rank_decimals))

st.subheader(ui.t("index.weights_title"))
catalog = cache.query("index/catalog").set_index("indicator_id")
cover = cache.query("index/indicator_sources", year=year).set_index("indicator_id")
shares = config.shares().set_index("indicator_id")
weights = labelled(pd.DataFrame({
    "pillar": shares["pillar"].map(ui.pillar_label),
    "pillar_weight": shares["pillar_weight"].map(pct),
    "indicator": catalog.loc[shares.index, "name_en" if en else "name_id"],
    "direction": catalog.loc[shares.index, "direction"].map(lambda d: ui.t(f"direction.{d}")),
    "indicator_weight": shares["indicator_weight"].map(pct),
    "index_weight": shares["index_weight"].map(pct),
    "sources": cover["sources_en" if en else "sources_id"].reindex(shares.index).fillna("–"),
    "coverage": cover["kecamatan"].reindex(shares.index).fillna(0).map(lambda n: f"{ui.number(n)} / {ui.number(len(ps.codes))}"),
    "status": cover["status"].reindex(shares.index).map(lambda s: ", ".join(map(ui.status_label, s.split(", "))) if isinstance(s, str) else "–"),
}))
st.dataframe(weights, hide_index=True, key="index_weights_table")
st.caption(ui.t("index.config_caption", version=config.label, year=year, total=ui.number(len(ps.codes))))
ui.download_csv(weights, "cettar_indeks_bobot.csv", key="index_weights_csv")

gaps = in_scope(ps.gaps())
st.subheader(ui.t("index.unscored_title", year=year, n=ui.number(len(gaps))))
if len(gaps):
    reasons = [
        "; ".join(ui.t("index.gap", pillar=ui.pillar_label(p), have=h, total=n) for p, h, n in short) or ui.t("index.no_values")
        for short in gaps["short"]
    ]
    unscored = named(gaps).assign(reason=reasons)[["kecamatan", "kabkota", "indicators", "reason"]]
    st.dataframe(labelled(unscored), hide_index=True, key="index_unscored_table")

# -- Peringkat ------------------------------------------------------------------------------
st.header(ui.t("index.ranking_title", year=year, tag=tag))
table = in_scope(ps.table().dropna(subset=["score"])).sort_values(["rank", "region_code"])
ranking = named(table).assign(rank=table["rank"].astype(int), rank_area=index.competition_rank(table["score"], config.rank_decimals).astype(int))
ranking = ranking[["rank"] + (["rank_area"] if scope else []) + ["kecamatan", "kabkota", "score", *index.PILLARS]]
for column in ["score", *index.PILLARS]:
    ranking[column] = ranking[column].map(score)
ranking = labelled(ranking.rename(columns={p: ui.pillar_label(p) for p in index.PILLARS})).assign(**{ui.t("index.col.status"): status})
st.dataframe(ranking, hide_index=True, key="index_ranking_table")
st.caption(ui.t("index.ranking_caption"))
ui.download_csv(ranking, f"cettar_indeks_{year}_{ps.status}.csv", key="index_ranking_csv")

# -- Sensitivitas bobot ---------------------------------------------------------------------
st.header(ui.t("index.sensitivity_title", tag=tag))
base = config.pillar_array(config.pillar_weights) / config.pillar_array(config.pillar_weights).sum()
columns = st.columns(len(index.PILLARS))
chosen = {
    p: columns[j].slider(ui.pillar_label(p), 0, 100, int(round(base[j] * 100)), 5, key=f"index_weight_{p}")
    for j, p in enumerate(index.PILLARS)
}
total = sum(chosen.values())
if total == 0:
    st.info(ui.t("index.no_weight"))
else:
    st.markdown(ui.t("index.sensitivity_intro", shares=", ".join(f"{ui.pillar_label(p)} {pct(w / total)}" for p, w in chosen.items())))
    shift = named(in_scope(index.rank_shift(ps, chosen)))
    moved = shift[shift["shift"] != 0].assign(size=lambda f: f["shift"].abs()).sort_values(["size", "rank"], ascending=[False, True])
    c1, c2 = st.columns(2)
    c1.metric(ui.t("index.moved"), f"{ui.number(len(moved))} / {ui.number(len(shift))}")
    c2.metric(ui.t("index.max_shift"), ui.number(moved["size"].max() if len(moved) else 0))
    if len(moved):
        top = moved.head(15).assign(label=lambda f: f["kecamatan"] + " (" + f["kabkota"] + ")")
        fig = px.bar(top, x="shift", y="label", orientation="h", height=420, color_discrete_sequence=["#2b8cbe"],
                     title=ui.t("index.shift_chart") + tag, labels={"shift": ui.t("index.col.shift"), "label": ""})
        fig.update_layout(margin=dict(l=10, r=10, t=40, b=10), yaxis=dict(autorange="reversed"))
        st.plotly_chart(fig, key="index_shift_chart")
        shown = moved[["rank", "new_rank", "shift", "kecamatan", "kabkota", "score", "new_score"]].assign(
            score=moved["score"].map(score), new_score=moved["new_score"].map(score), rank=moved["rank"].astype(int), new_rank=moved["new_rank"].astype(int)
        )
        shown = labelled(shown).assign(**{ui.t("index.col.status"): status})
        st.dataframe(shown, hide_index=True, key="index_shift_table")
        ui.download_csv(shown, f"cettar_indeks_{year}_sensitivitas_{ps.status}.csv", key="index_shift_csv")

# -- Monte Carlo ----------------------------------------------------------------------------
sens = config.sensitivity
st.header(ui.t("index.mc_title", tag=tag))
st.markdown(ui.t(
    "index.mc_intro", draws=ui.number(sens.draws), low_factor=ui.number(1 - sens.spread, 2), high_factor=ui.number(1 + sens.spread, 2),
    seed=sens.seed, low=ui.number(sens.interval[0], 0), high=ui.number(sens.interval[1], 0), share=share,
))
intervals = named(in_scope(cache.index_rank_intervals(config, year))).sort_values(["rank", "region_code"])
intervals["group"] = intervals["group"].map(lambda g: ui.t(f"index.group.{g or 'none'}", share=share))
for group in ("robust_top", "looks_top", "robust_bottom", "looks_bottom"):
    members = intervals[intervals["group"] == ui.t(f"index.group.{group}", share=share)]
    if len(members):
        st.markdown(f"**{ui.t(f'index.group.{group}', share=share).capitalize()}** ({ui.number(len(members))}): " + ", ".join(members["kecamatan"] + " (" + members["rank"].astype(int).astype(str) + ")"))
colours = dict(zip(("robust_top", "looks_top", "none", "looks_bottom", "robust_bottom"), ("#1a9850", "#a6d96a", "#bdbdbd", "#fdae61", "#d73027")))
fig = px.scatter(intervals, x="rank", y="median", color="group", hover_name="kecamatan", height=420, title=ui.t("index.mc_chart") + tag,
                 color_discrete_map={ui.t(f"index.group.{g}", share=share): c for g, c in colours.items()},
                 error_y=intervals["high"] - intervals["median"], error_y_minus=intervals["median"] - intervals["low"],
                 labels={"rank": ui.t("index.col.rank"), "median": ui.t("index.col.median"), "group": ui.t("index.col.group")})
fig.update_layout(margin=dict(l=10, r=10, t=40, b=10), yaxis=dict(autorange="reversed"))
st.plotly_chart(fig, key="index_interval_chart")
robust = intervals[["rank", "kecamatan", "kabkota", "low", "median", "high", "share_top", "share_bottom", "group"]].assign(
    rank=intervals["rank"].astype(int), median=intervals["median"].map(lambda v: ui.number(v, 1 if v % 1 else 0)), share_top=intervals["share_top"].map(pct), share_bottom=intervals["share_bottom"].map(pct)
)
robust = labelled(robust).assign(**{ui.t("index.col.status"): status})
st.dataframe(robust, hide_index=True, key="index_interval_table")
ui.download_csv(robust, f"cettar_indeks_{year}_rentang_peringkat_{ps.status}.csv", key="index_interval_csv")
