"""Bandingkan: regions or groups side by side, fair peers, and a before/after estimate. Streamlit-free.

Inputs are the frames of queries/compare/ (one row per kecamatan x indicator x year, with a weight
and a data status); everything above the kecamatan (kab/kota, groups, the province) is rolled up
here by the catalog's aggregation rule. The methods are written up in docs/COMPARE_METHOD.md.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from babel.numbers import format_decimal
from plotly.subplots import make_subplots

from cettar import formats, i18n

# Allow-lists: every user choice maps to one of these literals.
VIEWS = ("side", "peers", "did")
SUBJECTS = ("regions", "groups")
LEVELS = ("kabkota", "kecamatan")
PRESETS = ("kompak", "kompak_kabupaten", "kota", "custom")
MISSING_RULES = ("complete", "pairwise")
POOLS = ("all", "other_kabkota")
RULES = ("mean", "sum", "max")  # 'none' (and anything else) is never rolled up

# The page's widget keys (Indonesian, like the frame's wilayah/tahun): they are the URL parameters.
STATE_KEYS = ("banding", "banding_subjek", "banding_tingkat", "banding_kabkota", "banding_kecamatan", "banding_kelompok",
              "banding_daftar", "banding_indikator", "peer_kecamatan", "peer_konteks", "peer_k", "peer_hilang",
              "peer_cakupan", "did_indikator")
PROGRAM = "KOMPAK"
MIN_UNITS, MAX_UNITS = 2, 8
PEER_K = tuple(range(3, 21))
LEVEL = 0.95
REPS = 999  # wild bootstrap replications
SEED = 2021
PLACEBO_EXHAUSTIVE = 100_000  # enumerate every placebo assignment up to this many, else sample
PLACEBO_DRAWS = 9_999
FEW_CLUSTERS = 10  # fewer treated (or comparison) kab/kota than this: cluster-robust CIs unreliable
WEBB = np.array([-math.sqrt(1.5), -1.0, -math.sqrt(0.5), math.sqrt(0.5), 1.0, math.sqrt(1.5)])
DEFAULT_CONTEXT = ("idm_n_desa", "idm", "layanan_per_pegawai", "biaya_per_layanan", "realisasi_anggaran")
COLOURS = px.colors.qualitative.Safe
MEDIAN_COLOUR = "#7f7f7f"


def t(key: str, lang: str, **values) -> str:
    return i18n.text(f"compare.{key}", lang, **values)


# --- URL values -------------------------------------------------------------------------------

def decode_one(raw: str, options) -> str:
    if raw not in [str(o) for o in options]:
        raise ValueError(raw)
    return next(o for o in options if str(o) == raw)


def decode_list(raw: str, options, limit: int | None = None) -> list:
    allowed = {str(o): o for o in options}
    picked = list(dict.fromkeys(allowed[v] for v in raw.split(",") if v in allowed))[:limit]
    if not picked:
        raise ValueError(raw)
    return picked


def decode_units(raw: str, options) -> list:
    """A list of 2-8 regions from the URL (extra ones are dropped)."""
    return decode_list(raw, options, limit=MAX_UNITS)


def decode_range(raw: str, options) -> tuple:
    first, _, last = raw.partition("-")
    pair = (decode_one(first, options), decode_one(last or first, options))
    if list(options).index(pair[0]) > list(options).index(pair[1]):
        raise ValueError(raw)
    return pair


def encode(value) -> str:
    if isinstance(value, tuple):
        return "-".join(str(v) for v in value)
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


# --- labels ---------------------------------------------------------------------------------

def indicator_names(catalog: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(catalog["indicator_id"], catalog["name_en" if lang == "en" else "name_id"]))


def unit_text(unit: str, lang: str) -> str:
    """A catalog unit in the reader's language ('hari' -> 'days'); unknown units as they are."""
    key = "compare.unit." + "_".join(filter(None, "".join(ch if ch.isalnum() else " " for ch in unit.lower()).split()))
    return i18n.text(key, lang) if key in i18n.STRINGS else unit


def short_kabkota(name: str) -> str:
    """'Kabupaten Malang' -> 'Malang'; a kota keeps its word ('Kota Malang')."""
    return name.removeprefix("Kabupaten ")


def region_labels(units: pd.DataFrame) -> dict[str, str]:
    """Code -> a unique label: the kab/kota name, or 'Kecamatan (Kab/kota)'."""
    kecamatan = units["level"] == "kecamatan"
    labels = units["name"].where(~kecamatan, units["name"] + " (" + units["kabkota_name"].map(short_kabkota) + ")")
    return dict(zip(units["code"], labels))


def join_statuses(statuses) -> str:
    """'demo', 'official' or 'demo, official' from status strings that may already be joined."""
    parts = {p for s in statuses if isinstance(s, str) for p in s.split(", ")}
    return ", ".join(sorted(parts))


def status_text(status: str, lang: str) -> str:
    return ", ".join(i18n.text(f"status.{s}", lang) for s in status.split(", ")) if status else "–"


def status_notice(statuses, lang: str) -> tuple[str, str] | None:
    """(kind, text) saying what is demo in a view: all demo, mixed, or None when none is demo."""
    parts = set(join_statuses(statuses).split(", ")) - {""}
    if "demo" not in parts:
        return None
    if parts == {"demo"}:
        return "warning", t("notice.all_demo", lang)
    others = ", ".join(i18n.text(f"status.{p}", lang) for p in sorted(parts - {"demo"}))
    return "warning", t("notice.mixed", lang, others=others)


# --- groups ----------------------------------------------------------------------------------

def group_pair(preset: str, units: pd.DataFrame, members: pd.DataFrame, custom=()) -> dict[str, list[str]]:
    """Two groups of kab/kota codes for a preset: {'a': [...], 'b': [...]} (a = the focus group).

    kompak: the program's member kab/kota vs every other kab/kota; kompak_kabupaten: vs the other
    kabupaten only (all members are kabupaten, so kota are left out); kota: kota vs kabupaten;
    custom: the chosen kab/kota vs the rest.
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown group preset {preset!r}")
    kab = units[units["level"] == "kabkota"]
    codes = kab["code"].tolist()
    if preset in ("kompak", "kompak_kabupaten"):
        a = sorted(set(members["kabkota_code"]) & set(codes))
        pool = kab.loc[kab["kabkota_type"] == "kabupaten", "code"] if preset == "kompak_kabupaten" else kab["code"]
    elif preset == "kota":
        a = kab.loc[kab["kabkota_type"] == "kota", "code"].tolist()
        pool = kab.loc[kab["kabkota_type"] == "kabupaten", "code"]
    else:
        a = sorted(set(custom) & set(codes))
        pool = kab["code"]
    return {"a": a, "b": [c for c in pool if c not in a]}


def group_labels(preset: str, lang: str) -> dict[str, str]:
    return {"a": t(f"group.{preset}.a", lang), "b": t(f"group.{preset}.b", lang)}


def members_caption(preset: str, groups: dict, names: dict, regions: dict, members: pd.DataFrame, lang: str) -> str:
    """Who is in the focus group (by name, with the membership source for KOMPAK) and how many compare."""
    source = ""
    if preset.startswith("kompak") and len(members):
        source = f" ([{t('source', lang)}]({members['source_url'].iloc[0]}))"
    listed = ", ".join(sorted(regions[c] for c in groups["a"])) or "–"
    return t("members", lang, a=names["a"], members=listed, source=source, b=names["b"], n=formats.number(len(groups["b"]), lang))


# --- values of regions and groups ------------------------------------------------------------

def aggregate(values: pd.DataFrame, catalog: pd.DataFrame, key: str) -> pd.DataFrame:
    """Roll kecamatan values up to `key` by each indicator's rule: weighted mean, sum or max.

    Returns key, indicator_id, year, value, n (kecamatan with a value), status. Indicators whose
    rule is 'none' get no value (a share, for instance, must be recomputed, not averaged).
    """
    columns = [key, "indicator_id", "year", "value", "n", "status"]
    if values.empty:
        return pd.DataFrame(columns=columns)
    frame = values.assign(wv=values["value"] * values["weight"])
    grouped = frame.groupby([key, "indicator_id", "year"], sort=True)
    out = grouped.agg(
        total=("value", "sum"), wsum=("wv", "sum"), w=("weight", "sum"), top=("value", "max"), n=("value", "size")
    ).reset_index()
    out["status"] = _group_statuses(frame, [key, "indicator_id", "year"]).reindex(
        pd.MultiIndex.from_frame(out[[key, "indicator_id", "year"]])).to_numpy()
    rule = out["indicator_id"].map(dict(zip(catalog["indicator_id"], catalog["aggregation"])))
    out["value"] = np.select(
        [rule == "mean", rule == "sum", rule == "max"], [out["wsum"] / out["w"], out["total"], out["top"]], np.nan
    )
    return out[columns]


def _group_statuses(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """join_statuses per group, joined in Python only where a group has more than one distinct
    status string (most groups have one: a per-group Python call costs more than the rest of
    aggregate)."""
    st = frame[keys + ["status"]].drop_duplicates()
    several = st.duplicated(keys, keep=False)
    single = st[~several].set_index(keys)["status"].map(lambda s: join_statuses([s]))
    if not several.any():
        return single
    return pd.concat([single, st[several].groupby(keys)["status"].agg(join_statuses)])


def level_values(values: pd.DataFrame, stored: pd.DataFrame, catalog: pd.DataFrame, level: str) -> pd.DataFrame:
    """Every region of one level: code, indicator_id, year, value, n, status.

    Kecamatan: as loaded. Kab/kota: a value stored for the kab/kota itself where there is one,
    else its kecamatan rolled up by the catalog's rule.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if level == "kecamatan":
        return values.rename(columns={"kecamatan_code": "code"}).assign(n=1)[
            ["code", "indicator_id", "year", "value", "n", "status"]
        ]
    rolled = aggregate(values, catalog, "kabkota_code").rename(columns={"kabkota_code": "code"})
    if stored.empty:
        return rolled
    own = stored.rename(columns={"kabkota_code": "code"}).assign(n=np.nan)[rolled.columns]
    keys = ["code", "indicator_id", "year"]
    rolled = rolled.merge(own[keys], on=keys, how="left", indicator=True)
    rolled = rolled[rolled.pop("_merge") == "left_only"]
    return pd.concat([rolled, own], ignore_index=True).sort_values(keys, ignore_index=True)


def group_values(values: pd.DataFrame, catalog: pd.DataFrame, groups: dict[str, list[str]]) -> pd.DataFrame:
    """Each group (name -> kab/kota codes) rolled up from its kecamatan: code = the group name."""
    frames = [
        aggregate(values[values["kabkota_code"].isin(codes)].assign(group=name), catalog, "group")
        for name, codes in groups.items()
    ]
    return pd.concat(frames, ignore_index=True).rename(columns={"group": "code"})


def ranked(frame: pd.DataFrame, catalog: pd.DataFrame) -> pd.DataFrame:
    """Adds rank (1 = best, by the indicator's direction), ranked (how many had a value) and the
    province median, each within indicator x year."""
    lower = frame["indicator_id"].map(dict(zip(catalog["indicator_id"], catalog["direction"] == "lower_is_better")))
    score = frame["value"].where(lower.astype(bool), -frame["value"])
    by = [frame["indicator_id"], frame["year"]]
    return frame.assign(
        rank=score.groupby(by).rank(method="min"),
        ranked=frame["value"].groupby(by).transform("count"),
        median=frame["value"].groupby(by).transform("median"),
    )


def side_by_side(units: pd.DataFrame, medians: pd.DataFrame, catalog: pd.DataFrame, year: str, lang: str) -> pd.DataFrame:
    """The long table of one year: indicator x unit with value, rank and the province median.

    units: label, code, indicator_id, year, value, n, status (+ rank, ranked when ranked);
    medians: indicator_id, year, median. Columns are labelled in lang (this is also the CSV).
    """
    names = indicator_names(catalog, lang)
    info = catalog.set_index("indicator_id")
    this = units[units["year"] == year].drop(columns=["median"], errors="ignore")
    this = this.merge(medians[medians["year"] == year], on=["indicator_id", "year"], how="left")
    order = {i: n for n, i in enumerate(catalog["indicator_id"])}
    this = this.assign(_o=this["indicator_id"].map(order)).sort_values(["_o", "order"])
    out = pd.DataFrame(
        {
            t("col.indicator", lang): this["indicator_id"].map(names),
            t("col.unit_measure", lang): this["indicator_id"].map(info["unit"]).map(lambda u: unit_text(u, lang)),
            t("col.direction", lang): this["indicator_id"].map(info["direction"]).map(lambda d: i18n.text(f"direction.{d}", lang)),
            t("col.year", lang): this["year"],
            t("col.unit", lang): this["label"],
            t("col.value", lang): this["value"],
            t("col.rank", lang): this["rank"] if "rank" in this else np.nan,
            t("col.ranked", lang): this["ranked"] if "ranked" in this else np.nan,
            t("col.median", lang): this["median"],
            t("col.kecamatan_n", lang): this["n"],
            t("col.status", lang): this["status"].map(lambda s: status_text(s, lang)),
        }
    )
    out.attrs["decimals"] = this["indicator_id"].map(info["decimals"]).astype(int).tolist()
    return out.reset_index(drop=True)


def wide(long: pd.DataFrame, lang: str, show_rank: bool) -> pd.DataFrame:
    """The long table as shown: one row per indicator, a value (and rank) column per unit."""
    c = lambda key: t(f"col.{key}", lang)  # noqa: E731
    fmt = lambda v, d: formats.number(v, lang, d)  # noqa: E731
    decimals = long.attrs.get("decimals", [1] * len(long))
    mixed = long[c("status")].nunique() > 1  # then every cell says whether it is demo or official
    rows: dict[str, dict] = {}
    for (_, r), d in zip(long.iterrows(), decimals):
        row = rows.setdefault(r[c("indicator")], {c("indicator"): r[c("indicator")], c("unit_measure"): r[c("unit_measure")]})
        rank = f" ({int(r[c('rank')])}/{int(r[c('ranked')])})" if show_rank and pd.notna(r[c("rank")]) else ""
        row[r[c("unit")]] = fmt(r[c("value")], d) + rank + (f" · {r[c('status')]}" if mixed else "")
        row[c("median")] = fmt(r[c("median")], d)
        row[c("status")] = ", ".join(sorted({*row.get(c("status"), "").split(", "), *r[c("status")].split(", ")} - {""}))
    frame = pd.DataFrame(list(rows.values()))
    return frame[[col for col in frame.columns if col not in (c("median"), c("status"))] + [c("median"), c("status")]]


def regions_view(values, stored, catalog, units, level: str, chosen: list[str], lang: str):
    """(chosen, medians, everyone) for regions of one level: the chosen regions with rank among
    all regions of the level, the level's median per indicator x year, and every region (for
    the distribution)."""
    frame = ranked(level_values(values, stored, catalog, level), catalog)
    labels = region_labels(units)
    order = {code: i for i, code in enumerate(chosen)}
    picked = frame[frame["code"].isin(chosen)].assign(label=lambda f: f["code"].map(labels), order=lambda f: f["code"].map(order))
    medians = frame.groupby(["indicator_id", "year"], as_index=False)["value"].median().rename(columns={"value": "median"})
    everyone = frame.assign(series=t(f"everyone.{level}", lang), hover=frame["code"].map(labels), order=0)
    return picked, medians, everyone


def groups_view(values, catalog, units, groups: dict[str, list[str]], names: dict[str, str], lang: str):
    """(groups, medians, everyone): each group and the whole province rolled up from kecamatan,
    the kecamatan median per indicator x year, and every kecamatan of a group (series = its group)."""
    everything = {**groups, "all": units.loc[units["level"] == "kabkota", "code"].tolist()}
    labels = {**names, "all": t("province", lang)}
    rolled = group_values(values, catalog, everything)
    picked = rolled.assign(label=rolled["code"].map(labels), order=rolled["code"].map({k: i for i, k in enumerate(everything)}))
    medians = values.groupby(["indicator_id", "year"], as_index=False)["value"].median().rename(columns={"value": "median"})
    member = {code: names[key] for key, codes in groups.items() for code in codes}
    kecamatan = region_labels(units)
    everyone = values[values["kabkota_code"].isin(member)].rename(columns={"kecamatan_code": "code"})
    rank = {code: i for i, codes in enumerate(groups.values()) for code in codes}
    everyone = everyone.assign(series=everyone["kabkota_code"].map(member), hover=everyone["code"].map(kecamatan),
                               order=everyone["kabkota_code"].map(rank))
    return picked, medians, everyone


# --- figures of the side-by-side view ----------------------------------------------------------

def _wrap(text: str, width: int = 38) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def trend_figure(units: pd.DataFrame, medians: pd.DataFrame | None, catalog: pd.DataFrame, lang: str) -> go.Figure:
    """Small multiples: one panel per indicator, a line per unit and (unless None) the province median dashed."""
    units_of = {i: unit_text(u, lang) for i, u in zip(catalog["indicator_id"], catalog["unit"])}
    names = {i: f"{n} ({units_of[i]})" for i, n in indicator_names(catalog, lang).items()}
    median_label = t("median_series", lang)
    columns = ["label", "indicator_id", "year", "value", "order"]
    parts = [units[columns]]
    if medians is not None:
        parts.append(medians.assign(label=median_label, value=medians["median"], order=99)[columns])
    lines = pd.concat(parts, ignore_index=True).sort_values(["order", "year"])
    lines = lines.assign(indicator=lines["indicator_id"].map(names).map(_wrap), year=lines["year"].astype(int))
    labels = list(dict.fromkeys(lines["label"]))
    colours = {label: COLOURS[i % len(COLOURS)] for i, label in enumerate(l for l in labels if l != median_label)}
    colours[median_label] = MEDIAN_COLOUR
    panels = [_wrap(names[i]) for i in catalog["indicator_id"] if i in set(lines["indicator_id"])]
    fig = px.line(
        lines, x="year", y="value", color="label", facet_col="indicator", facet_col_wrap=3, markers=True,
        category_orders={"indicator": panels, "label": labels}, color_discrete_map=colours,
        facet_row_spacing=0.12, facet_col_spacing=0.06,
        labels={"year": "", "value": "", "label": ""}, height=300 * math.ceil(len(panels) / 3) + 60,
    )
    fig.for_each_trace(lambda tr: tr.update(line_dash="dash") if tr.name == median_label else None)
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1], font_size=12))
    fig.update_yaxes(matches=None, showticklabels=True)
    fig.update_xaxes(dtick=1, showticklabels=True)
    fig.update_layout(margin=dict(l=10, r=10, t=60, b=10), legend=dict(orientation="h", y=-0.08), plot_bgcolor="#ffffff")
    fig.update_xaxes(gridcolor="#eeeeee")
    fig.update_yaxes(gridcolor="#eeeeee")
    return fig


def distribution_figure(everyone: pd.DataFrame, chosen: pd.DataFrame | None, catalog: pd.DataFrame, year: str, lang: str) -> go.Figure:
    """Per indicator, every region of the level (grey box and points) with the chosen ones marked.

    everyone: code, series, indicator_id, year, value, hover; chosen: label, indicator_id, year,
    value (None for groups: then the boxes per series, one per group, are the comparison).
    """
    names = indicator_names(catalog, lang)
    ids = [i for i in catalog["indicator_id"] if i in set(everyone["indicator_id"])]
    fig = make_subplots(rows=len(ids), cols=1, subplot_titles=[names[i] for i in ids], vertical_spacing=0.35 / max(len(ids), 1))
    now = everyone[everyone["year"] == year]
    picked = chosen[chosen["year"] == year] if chosen is not None else None
    labels = list(dict.fromkeys(picked["label"])) if picked is not None else []
    for row, ind in enumerate(ids, start=1):
        cloud = now[now["indicator_id"] == ind].sort_values("order", kind="stable")
        for series in dict.fromkeys(cloud["series"]):
            part = cloud[cloud["series"] == series]
            colour = "#7f7f7f" if picked is not None else COLOURS[int(part["order"].iloc[0]) % len(COLOURS)]
            fig.add_trace(go.Box(
                x=part["value"], y=part["series"], orientation="h", name=series, boxpoints="all", jitter=0.6,
                pointpos=0, marker=dict(color=colour, size=4, opacity=0.6), line=dict(color=colour), fillcolor="rgba(0,0,0,0)",
                text=part["hover"], hovertemplate="%{text}: %{x}<extra></extra>", showlegend=False,
            ), row=row, col=1)
        for i, label in enumerate(labels):
            mark = picked[(picked["indicator_id"] == ind) & (picked["label"] == label)]
            fig.add_trace(go.Scatter(
                x=mark["value"], y=[now["series"].iloc[0]] * len(mark), mode="markers", name=label, legendgroup=label,
                marker=dict(color=COLOURS[i % len(COLOURS)], size=13, symbol="diamond", line=dict(color="#000000", width=1)),
                hovertemplate=f"{label}: %{{x}}<extra></extra>", showlegend=row == 1,
            ), row=row, col=1)
    fig.update_annotations(font_size=12)
    fig.update_yaxes(autorange="reversed")  # the first series (the focus group) on top
    fig.update_layout(height=max(150 * len(ids), 220) + 60, margin=dict(l=10, r=10, t=40, b=10), plot_bgcolor="#ffffff",
                      legend=dict(orientation="h", y=-0.05), boxgap=0.5)
    fig.update_xaxes(gridcolor="#eeeeee")
    return fig


# --- peers ------------------------------------------------------------------------------------

def standardise(frame: pd.DataFrame) -> pd.DataFrame:
    """z-scores per column over the rows with a value (population sd); a constant column gives 0."""
    sd = frame.std(ddof=0)
    z = (frame - frame.mean()) / sd.where(sd > 0)
    return z.where(frame.isna() | (sd > 0), 0.0)


def peers(values: pd.DataFrame, target: str, indicators: list[str], year: str, k: int,
          missing: str = "complete", pool: str = "all") -> pd.DataFrame:
    """The k kecamatan most like `target` on the chosen indicators in one year.

    Each indicator is standardised over every kecamatan with a value that year (z-scores,
    population sd); the distance is Euclidean on the z-scores. missing='complete' uses only
    kecamatan with every indicator (the target must have them all); 'pairwise' uses the indicators
    both have, rescaled to the full count: sqrt(p/m * sum of m squared gaps), needing m >= p/2.
    pool='other_kabkota' leaves out the target's own kab/kota. Returns kecamatan_code,
    kabkota_code, distance, used (indicators compared), the raw values and status, nearest first.
    """
    if missing not in MISSING_RULES or pool not in POOLS:
        raise ValueError(f"unknown rule {missing!r} or pool {pool!r}")
    this = values[(values["year"] == year) & values["indicator_id"].isin(indicators)]
    raw = this.pivot(index="kecamatan_code", columns="indicator_id", values="value").reindex(columns=list(indicators))
    if target not in raw.index:
        return pd.DataFrame()
    z = standardise(raw)
    gaps = (z - z.loc[target]) ** 2
    used = gaps.notna().sum(axis=1)
    p = len(indicators)
    if missing == "complete":
        if used[target] < p:
            return pd.DataFrame()
        distance = np.sqrt(gaps.sum(axis=1)).where(used == p)
    else:
        distance = np.sqrt(gaps.sum(axis=1) * p / used.where(used > 0)).where(used >= math.ceil(p / 2))
    kab = this.drop_duplicates("kecamatan_code").set_index("kecamatan_code")["kabkota_code"]
    status = this.groupby("kecamatan_code")["status"].agg(join_statuses)
    out = raw.assign(distance=distance, used=used, kabkota_code=kab, status=status).drop(index=target)
    if pool == "other_kabkota":
        out = out[out["kabkota_code"] != kab[target]]
    out = out.dropna(subset=["distance"]).reset_index().sort_values(["distance", "kecamatan_code"]).head(k)
    target_row = raw.loc[[target]].assign(distance=0.0, used=used[target], kabkota_code=kab[target], status=status[target]).reset_index()
    return pd.concat([target_row, out], ignore_index=True)[
        ["kecamatan_code", "kabkota_code", "distance", "used", *indicators, "status"]
    ]


def peers_table(found: pd.DataFrame, labels: dict[str, str], catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = indicator_names(catalog, lang)
    indicators = [c for c in found.columns if c in names]
    out = pd.DataFrame({
        t("col.peer_rank", lang): range(len(found)),
        t("col.kecamatan", lang): found["kecamatan_code"].map(labels),
        t("col.code", lang): found["kecamatan_code"],
        t("col.distance", lang): found["distance"].round(3),
        t("col.used", lang): found["used"],
    })
    for ind in indicators:
        out[names[ind]] = found[ind]
    out[t("col.status", lang)] = found["status"].map(lambda s: status_text(s, lang))
    return out


# --- before/after: difference in differences ----------------------------------------------------

def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(x: float, df: float) -> float:
    """Student t distribution function."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + x * x))
    return 1.0 - tail if x >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """Student t quantile by bisection on t_cdf (no scipy needed)."""
    if not 0.0 < p < 1.0:
        raise ValueError(p)
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        lo, hi = (mid, hi) if t_cdf(mid, df) < p else (lo, mid)
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2.0


def cr1(X: np.ndarray, y: np.ndarray, clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """OLS coefficients and their CR1 cluster-robust covariance (the sandwich with Stata's
    small-sample factor G/(G-1) * (N-1)/(N-K))."""
    n, k = X.shape
    bread = np.linalg.inv(X.T @ X)
    beta = bread @ X.T @ y
    resid = y - X @ beta
    _, g = np.unique(clusters, return_inverse=True)
    G = g.max() + 1
    scores = np.zeros((G, k))
    np.add.at(scores, g, X * resid[:, None])
    factor = G / (G - 1) * (n - 1) / (n - k)
    return beta, factor * bread @ (scores.T @ scores) @ bread


def collapse(panel: pd.DataFrame, treated: list[str], control: list[str], pre, post) -> pd.DataFrame:
    """Per kecamatan: the mean of its pre years, of its post years, and the change (post - pre).

    Only kecamatan in the treated or control kab/kota with at least one value in each period.
    Collapsing to one change per kecamatan keeps serial correlation out of the standard errors.
    """
    pre, post = {str(y) for y in pre}, {str(y) for y in post}
    if pre & post:
        raise ValueError("pre and post periods overlap")
    rows = panel[panel["kabkota_code"].isin(set(treated) | set(control))]
    mean = lambda years: rows[rows["year"].isin(years)].groupby("kecamatan_code")["value"].mean()  # noqa: E731
    out = pd.DataFrame({"pre": mean(pre), "post": mean(post)}).dropna()
    kab = rows.drop_duplicates("kecamatan_code").set_index("kecamatan_code")["kabkota_code"]
    out["kabkota_code"] = kab.reindex(out.index)
    out["treated"] = out["kabkota_code"].isin(treated).astype(float)
    out["change"] = out["post"] - out["pre"]
    return out.reset_index()


class WildBootstrap:
    """Wild cluster restricted bootstrap (WCR) of the coefficient on D in y = a + b D + e, with
    Webb six-point weights drawn once per cluster (seeded); the CI is found by test inversion.

    Under H0: b = b0 the restricted residuals are u(b0) = r - b0 c (r = y - mean y, c = D - mean D),
    so every bootstrap coefficient and CR1 variance is a polynomial in b0 whose coefficients are
    computed once (as in Roodman et al.'s boottest); a p-value then costs O(reps).
    """

    def __init__(self, y: np.ndarray, D: np.ndarray, clusters: np.ndarray, reps: int = REPS, seed: int = SEED):
        self.y, self.D = np.asarray(y, float), np.asarray(D, float)
        _, g = np.unique(clusters, return_inverse=True)
        self.G, n = int(g.max()) + 1, len(self.y)
        X = np.column_stack([np.ones(n), self.D])
        project = np.linalg.inv(X.T @ X) @ X.T  # coefficients = project @ y
        w = project[1]  # b = w . y
        self.factor = self.G / (self.G - 1) * (n - 1) / (n - 2)
        self.beta, cov = cr1(X, self.y, clusters)
        self.se = math.sqrt(cov[1, 1])
        V = np.random.default_rng(seed).choice(WEBB, size=(self.G, reps))[g]  # one weight per cluster
        members = np.zeros((self.G, n))
        members[g, np.arange(n)] = 1.0
        self.b, self.S = [], []
        for part in (self.y - self.y.mean(), self.D - self.D.mean()):
            star = part[:, None] * V
            resid = star - X @ (project @ star)
            self.b.append(w @ star)  # b* - b0 = b_r - b0 * b_c
            self.S.append(members @ (w[:, None] * resid))  # cluster scores = Q_r - b0 * Q_c
        (Qr, Qc) = self.S
        self.S = ((Qr ** 2).sum(axis=0), (Qr * Qc).sum(axis=0), (Qc ** 2).sum(axis=0))

    def p_value(self, beta0: float) -> float:
        """Bootstrap p-value of H0: b = beta0 (symmetric, restricted residuals, CR1 t-statistics)."""
        rr, rc, cc = self.S
        var = self.factor * np.maximum(rr - 2.0 * beta0 * rc + beta0 ** 2 * cc, 0.0)
        t_star = (self.b[0] - beta0 * self.b[1]) / np.sqrt(np.where(var > 0, var, np.nan))
        t_obs = (self.beta[1] - beta0) / self.se
        return float(np.mean(np.nan_to_num(np.abs(t_star), nan=0.0) >= abs(t_obs) - 1e-12))

    def interval(self, level: float = LEVEL) -> tuple[float, float]:
        """The set of beta0 not rejected at 1 - level, by bisection on each side (+-inf if open)."""
        alpha, est = 1.0 - level, float(self.beta[1])
        scale = self.se if self.se > 0 else 1.0

        def bound(sign: float) -> float:
            inside, step = est, scale
            while self.p_value(est + sign * step) > alpha:
                inside = est + sign * step
                step *= 2.0
                if step > 1e4 * scale:
                    return sign * math.inf
            outside = est + sign * step
            for _ in range(60):
                mid = (inside + outside) / 2.0
                inside, outside = (mid, outside) if self.p_value(mid) > alpha else (inside, mid)
                if abs(outside - inside) < 1e-6 * scale:
                    break
            return (inside + outside) / 2.0

        return bound(-1.0), bound(1.0)


def placebo(change: np.ndarray, clusters: np.ndarray, treated_clusters, seed: int = SEED) -> tuple[float, int, bool]:
    """Randomisation check: the share of ways to pick as many kab/kota as are treated whose DiD
    is at least as large (in absolute value) as the real one. Every assignment is enumerated up
    to PLACEBO_EXHAUSTIVE, else PLACEBO_DRAWS random ones plus the real one. Returns (p, count, all)."""
    codes, g = np.unique(clusters, return_inverse=True)
    sums, counts = np.bincount(g, weights=change), np.bincount(g).astype(float)
    total, n = change.sum(), float(len(change))
    k, G = len(set(treated_clusters)), len(codes)
    real = np.flatnonzero(np.isin(codes, list(treated_clusters)))

    def gap(idx: np.ndarray) -> np.ndarray:
        s, m = sums[idx].sum(axis=1), counts[idx].sum(axis=1)
        return s / m - (total - s) / (n - m)

    observed = abs(gap(real[None, :])[0])
    exhaustive = math.comb(G, k) <= PLACEBO_EXHAUSTIVE
    if exhaustive:
        idx = np.array(list(itertools.combinations(range(G), k)))
    else:
        rng = np.random.default_rng(seed)
        idx = np.vstack([real[None, :], np.argsort(rng.random((PLACEBO_DRAWS, G)), axis=1)[:, :k]])
    return float(np.mean(np.abs(gap(idx)) >= observed - 1e-12)), len(idx), exhaustive


@dataclass
class DidResult:
    estimate: float
    se: float
    cr1: tuple[float, float]
    wild: tuple[float, float]
    wild_p: float
    placebo_p: float
    placebo_n: int
    placebo_all: bool
    df: int
    n_treated: int
    n_control: int
    g_treated: int
    g_control: int
    level: float = LEVEL
    reps: int = REPS


def did(panel: pd.DataFrame, treated: list[str], control: list[str], pre, post,
        level: float = LEVEL, reps: int = REPS, seed: int = SEED) -> DidResult:
    """Difference in differences on kecamatan: (post - pre) change, treated minus control.

    The estimate is the coefficient on `treated` in change_i = a + b * treated_i + e_i, every
    kecamatan weighted equally. Intervals: CR1 clustered by kab/kota with t(G-1); a wild cluster
    restricted bootstrap (Webb weights, test inversion, seeded); and a placebo p-value over
    re-assignments of the treated kab/kota.
    """
    data = collapse(panel, treated, control, pre, post)
    g_t = data.loc[data["treated"] == 1, "kabkota_code"].nunique()
    g_c = data.loc[data["treated"] == 0, "kabkota_code"].nunique()
    if g_t < 1 or g_c < 1 or g_t + g_c < 3:
        raise ValueError("need kecamatan with values in both periods in both groups (3 kab/kota at least)")
    y, D, clusters = data["change"].to_numpy(float), data["treated"].to_numpy(float), data["kabkota_code"].to_numpy()
    boot = WildBootstrap(y, D, clusters, reps=reps, seed=seed)
    df = boot.G - 1
    half = t_quantile(0.5 + level / 2.0, df) * boot.se
    est = float(boot.beta[1])
    p, count, exhaustive = placebo(y, clusters, set(data.loc[data["treated"] == 1, "kabkota_code"]), seed)
    return DidResult(
        estimate=est, se=boot.se, cr1=(est - half, est + half), wild=boot.interval(level), wild_p=boot.p_value(0.0),
        placebo_p=p, placebo_n=count, placebo_all=exhaustive, df=df,
        n_treated=int(D.sum()), n_control=int(len(D) - D.sum()), g_treated=g_t, g_control=g_c, level=level, reps=reps,
    )


def pre_trends(panel: pd.DataFrame, groups: dict[str, list[str]], labels: dict[str, str]) -> pd.DataFrame:
    """Group means per year (every kecamatan with a value that year): group, year, mean, n, status."""
    frames = []
    for key, codes in groups.items():
        part = panel[panel["kabkota_code"].isin(codes)]
        g = part.groupby("year")
        frames.append(pd.DataFrame({
            "group": labels[key], "key": key, "year": list(g.groups), "mean": g["value"].mean().to_numpy(),
            "n": g["value"].size().to_numpy(), "status": g["status"].agg(join_statuses).to_numpy(),
        }))
    return pd.concat(frames, ignore_index=True)


def pre_trends_table(trends: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col.year", lang): trends["year"], t("col.group", lang): trends["group"], t("col.mean", lang): trends["mean"].round(3),
        t("col.kecamatan_n", lang): trends["n"], t("col.status", lang): trends["status"].map(lambda s: status_text(s, lang)),
    })


def pretrend_figure(trends: pd.DataFrame, pre, post, name: str, lang: str) -> go.Figure:
    data = trends.assign(year=trends["year"].astype(int))
    fig = px.line(data, x="year", y="mean", color="group", markers=True, height=340,
                  color_discrete_sequence=[COLOURS[0], COLOURS[1]], labels={"year": "", "mean": name, "group": ""})
    for years, key, colour in ((pre, "pre", "#dddddd"), (post, "post", "#cfe3f3")):
        years = [int(y) for y in years]
        fig.add_vrect(x0=min(years) - 0.4, x1=max(years) + 0.4, fillcolor=colour, opacity=0.5, line_width=0, layer="below",
                      annotation_text=t(f"did.{key}_band", lang), annotation_position="top left")
    fig.update_layout(margin=dict(l=10, r=10, t=30, b=10), legend=dict(orientation="h", y=-0.15), plot_bgcolor="#ffffff")
    fig.update_xaxes(dtick=1, gridcolor="#eeeeee")
    fig.update_yaxes(gridcolor="#eeeeee")
    return fig


def did_table(result: DidResult, indicator: str, pre, post, labels: dict[str, str], status: str, lang: str) -> pd.DataFrame:
    """One row per method: estimate, interval or p-value, and the sample (this is also the CSV)."""
    c = lambda key: t(f"col.{key}", lang)  # noqa: E731
    pct = int(round(result.level * 100))
    rows = [
        (t("did.method.cr1", lang, pct=pct, df=result.df), *result.cr1, np.nan),
        (t("did.method.wild", lang, pct=pct, reps=result.reps), *result.wild, result.wild_p),
        (t("did.method.placebo", lang, n=formats.number(result.placebo_n, lang)), np.nan, np.nan, result.placebo_p),
    ]
    out = pd.DataFrame(rows, columns=[c("method"), c("low"), c("high"), c("p_value")])
    out.insert(0, c("indicator"), indicator)
    out.insert(1, c("estimate"), round(result.estimate, 4))
    out[[c("low"), c("high"), c("p_value")]] = out[[c("low"), c("high"), c("p_value")]].round(4)
    out[c("pre")], out[c("post")] = span(pre), span(post)
    out[c("treated")] = f"{labels['a']}: {result.n_treated} kecamatan / {result.g_treated} kab/kota"
    out[c("control")] = f"{labels['b']}: {result.n_control} kecamatan / {result.g_control} kab/kota"
    out[c("status")] = status_text(status, lang)
    return out


def did_sentence(result: DidResult, labels: dict[str, str], info, pre, post, lang: str) -> str:
    """The estimate in plain words: which way the focus group moved against the comparison group,
    by how much, and what the interval says."""
    decimals = int(info["decimals"]) + 2
    num = lambda v: "–" if not math.isfinite(v) else formats.number(v, lang, decimals)  # noqa: E731
    unit = t("percentage_points", lang) if info["unit"] == "%" else unit_text(info["unit"], lang)
    low, high = result.wild
    better = (result.estimate > 0) == (info["direction"] == "higher_is_better")
    inline = {k: v if v[:2].isupper() else v[:1].lower() + v[1:] for k, v in labels.items()}  # 'KOMPAK-…' keeps its case
    return " ".join([
        t("did.reading_up" if result.estimate >= 0 else "did.reading_down", lang, a=inline["a"], b=inline["b"],
          pre=span(pre), post=span(post), size=num(abs(result.estimate)), unit=unit,
          estimate=("+" if result.estimate > 0 else "") + num(result.estimate)),
        t("did.favours_a" if better else "did.favours_b", lang, a=inline["a"], b=inline["b"],
          direction=i18n.text(f"direction.{info['direction']}", lang)),
        t("did.interval", lang, pct=int(round(result.level * 100)), low=num(low), high=num(high)),
        t("did.covers_zero" if low <= 0 <= high else "did.excludes_zero", lang),
    ])


def default_indicators(catalog: pd.DataFrame) -> list[str]:
    """The first indicator of each CETTAR pillar (the catalog comes in pillar order)."""
    with_pillar = catalog[catalog["pillar"].notna()]
    first = with_pillar.drop_duplicates("pillar")["indicator_id"].tolist()
    return first or catalog["indicator_id"].head(4).tolist()


def default_context(catalog: pd.DataFrame) -> list[str]:
    """Up to three context variables for peers: structural ones first where they are loaded."""
    ids = catalog["indicator_id"].tolist()
    return [i for i in DEFAULT_CONTEXT if i in ids][:3] or ids[:3]


def span(years) -> str:
    """'2019–2021', or '2019' for one year."""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def display(frame: pd.DataFrame, lang: str, decimals: int = 3) -> pd.DataFrame:
    """A table as shown: decimal numbers in the reader's locale (1.234,5), missing ones as '–'.
    Downloads keep the raw numbers."""
    pattern = "#,##0." + "#" * decimals  # up to `decimals` places, no trailing zeros
    show = lambda v: "–" if pd.isna(v) else format_decimal(v, format=pattern, locale=formats.locale(lang))  # noqa: E731
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(show)
    return out
