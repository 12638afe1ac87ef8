"""The profile of one region on the map page: every indicator against the medians of its
kab/kota and of the province, its rank, a trend line. Streamlit-free.

Peers are the regions of the same level: a kecamatan is compared with the kecamatan of its
kab/kota and of the whole province; a kab/kota with the other kab/kota (its "kab/kota median"
is the median of its own kecamatan values, when the indicator has them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cettar import formats, i18n


def compare(value, median, direction: str) -> str:
    """'better', 'worse', 'equal' or '' of a value against a median, by the indicator's direction."""
    if pd.isna(value) or pd.isna(median):
        return ""
    if value == median:
        return "equal"
    higher = value > median
    return "better" if higher == (direction == "higher_is_better") else "worse"


def indicator_table(stats: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per indicator with a value for the period, in catalog order.

    stats: map/profile of the region (indicator_id, value, province_median, kabkota_median,
    rank, ranked, demo). Columns: indicator_id, indicator, unit, value, kabkota_median,
    province_median, compared, rank, rank_text, demo.
    """
    by_id = stats.set_index("indicator_id")
    rows = []
    for row in catalog.itertuples(index=False):
        if row.indicator_id not in by_id.index:
            continue
        st = by_id.loc[row.indicator_id]
        value, rank = st["value"], None if pd.isna(st["rank"]) else int(st["rank"])
        decimals = int(row.decimals)
        rows.append({
            "indicator_id": row.indicator_id,
            "indicator": row.name_en if lang == "en" else row.name_id,
            "unit": row.unit,
            "value": formats.number(value, lang, decimals),
            "kabkota_median": formats.number(st["kabkota_median"], lang, decimals),
            "province_median": formats.number(st["province_median"], lang, decimals),
            "compared": compare(value, st["province_median"], row.direction),
            "rank": rank,
            "rank_text": i18n.text("map.tip.rank", lang, rank=formats.number(rank, lang), n=formats.number(int(st["ranked"]), lang)) if rank else "–",
            "demo": bool(st["demo"]),
        })
    return pd.DataFrame(rows)


def trend(values: pd.DataFrame, regions: pd.DataFrame, code: str) -> pd.DataFrame:
    """Per period: the region's value, the median of its kab/kota's peers and of the province.

    values: map/values of one indicator for every period at the region's level (whole province).
    Returns period, region, kabkota_median, province_median (sorted by period).
    """
    if values.empty:
        return pd.DataFrame(columns=["period", "region", "kabkota_median", "province_median"])
    kabkota = regions.set_index("code")["kabkota_code"].get(code)
    peers = set(regions.loc[regions["kabkota_code"] == kabkota, "code"])
    by_period = values.groupby("period")
    out = pd.DataFrame({
        "region": values[values["code"] == code].set_index("period")["value"],
        "kabkota_median": values[values["code"].isin(peers)].groupby("period")["value"].median(),
        "province_median": by_period["value"].median(),
    })
    return out.reset_index(names="period").sort_values("period").reset_index(drop=True)


def trend_figure(frame: pd.DataFrame, names: dict[str, str], unit: str, height: int = 300) -> go.Figure:
    """Line chart of trend(): the region solid, the medians dashed."""
    fig = go.Figure()
    styles = {"region": dict(width=3, color="#1f6f8b"), "kabkota_median": dict(width=2, dash="dash", color="#e08214"),
              "province_median": dict(width=2, dash="dot", color="#555555")}
    for column, line in styles.items():
        if column in frame and frame[column].notna().any() and column in names:
            fig.add_trace(go.Scatter(x=frame["period"], y=frame[column], name=names[column], mode="lines+markers", line=line))
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=10, b=10), yaxis_title=unit,
                      legend=dict(orientation="h", y=-0.2), xaxis=dict(type="category"))
    return fig


def ppkm_figure(history: pd.DataFrame, label: str, height: int = 220) -> go.Figure:
    """PPKM level per Inmendagri (step line over the validity start dates, where known)."""
    known = history.dropna(subset=["valid_from"])
    fig = go.Figure(go.Scatter(x=known["valid_from"], y=known["level"], mode="lines+markers", line_shape="hv",
                               text=known["inmendagri"], hovertemplate="Inmendagri %{text}<br>" + label + " %{y}<extra></extra>",
                               line=dict(color="#a50026")))
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=10, b=10),
                      yaxis=dict(title=label, range=[0.5, 4.5], dtick=1))
    return fig


def indicator_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """indicator_table() with translated headers, as the page shows it."""
    t = lambda key: i18n.text(key, lang)  # noqa: E731
    if table.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        t("map.col.indicator"): table["indicator"],
        t("map.col.value"): table["value"],
        t("map.col.unit"): table["unit"],
        t("map.col.kabkota_median"): table["kabkota_median"],
        t("map.col.province_median"): table["province_median"],
        t("map.col.compared"): table["compared"].map(lambda c: t(f"map.compared.{c}") if c else "–"),
        t("map.col.rank"): table["rank_text"],
        t("map.col.demo"): table["demo"].map(lambda d: i18n.text("status.demo", lang) if d else ""),
    })


def awards_display(awards: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.text(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("map.col.year"): awards["year"].astype(str),
        t("map.col.award"): awards["award_name"],
        t("map.col.recipient"): awards["recipient_name"],
        t("map.col.innovation"): awards["innovation_name"].fillna("–"),
        t("map.col.source"): awards["source_url"].str.split(" ; ").str[0],
    })


def ppkm_display(history: pd.DataFrame, lang: str, evidence_label) -> pd.DataFrame:
    t = lambda key: i18n.text(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("map.col.inmendagri"): history["inmendagri"],
        t("map.col.valid"): [formats.date_range(a, b, lang) if pd.notna(a) else "–" for a, b in zip(history["valid_from"], history["valid_to"])],
        t("map.col.level"): history["level"].astype(int),
        t("map.col.evidence"): history["evidence"].map(evidence_label),
        t("map.col.source"): history["source_url"],
    })


LEVEL_OF_CODE = {5: "kabkota", 8: "kecamatan", 13: "desa"}


@dataclass
class Profile:
    """Everything the page shows about one region (texts already in the reader's language)."""

    code: str
    level: str
    name: str
    subtitle: str
    value: str  # the map's indicator
    rank_province: str
    rank_kabkota: str | None  # None for a kab/kota
    trend: pd.DataFrame
    trend_names: dict
    table: pd.DataFrame  # indicator_display()
    table_caption: str
    awards: pd.DataFrame  # awards_display() of the region (and the regions inside it)
    awards_kabkota: pd.DataFrame  # ... of its kab/kota, for context (empty for a kab/kota)
    kabkota_name: str
    ppkm: pd.DataFrame  # map/ppkm rows of its kab/kota


def build(query, code: str, indicator: str, period: str, catalog: pd.DataFrame, lang: str) -> Profile:
    """Gather a region's profile; `query(name, **params)` runs a read query (cache.query)."""
    t = lambda key, **kw: i18n.text(key, lang, **kw)  # noqa: E731
    level = LEVEL_OF_CODE.get(len(code), "desa")
    regions = query("map/regions", level=level, scope=None)
    row = regions.set_index("code").loc[code]
    meta = catalog.set_index("indicator_id").loc[indicator]
    stats = query("map/profile", level=level, period=period, code=code, kabkota=code if level == "kabkota" else row["kabkota_code"])
    chosen = stats.set_index("indicator_id").reindex([indicator]).iloc[0]  # all NaN when it has no value then

    def rank_text(rank, n) -> str:
        return "–" if pd.isna(rank) else t("map.tip.rank", rank=formats.number(int(rank), lang), n=formats.number(int(n), lang))

    names = {"region": row["name"], "province_median": t("map.profile_prov_median")}
    if level != "kabkota":
        names["kabkota_median"] = t("map.profile_kab_median")
    awards = query("map/awards", code=code, kabkota=code[:5])
    peers_label = t("map.level.kecamatan") if level == "kabkota" else t(f"map.level.{level}")
    return Profile(
        code=code, level=level, name=row["name"],
        subtitle="" if level == "kabkota" else t("map.profile_kabkota", type=t(f"type.{row['type']}"), kabkota=row["kabkota_name"]),
        value=f"{formats.number(chosen['value'], lang, int(meta['decimals']))} {meta['unit']}".strip(),
        rank_province=rank_text(chosen["rank"], chosen["ranked"]),
        rank_kabkota=None if level == "kabkota" else rank_text(chosen["rank_kabkota"], chosen["ranked_kabkota"]),
        trend=trend(query("map/values", level=level, indicator=indicator, period=None, scope=None), regions, code),
        trend_names=names,
        table=indicator_display(indicator_table(stats, catalog, lang), lang),
        table_caption=t("map.profile_indicators_caption", peers=peers_label, level=t(f"map.level.{level}")),
        awards=awards_display(awards[awards["whose"] == "region"], lang),
        awards_kabkota=awards_display(awards[awards["whose"] == "kabkota"], lang),
        kabkota_name=row["name"] if level == "kabkota" else row["kabkota_name"],
        ppkm=query("map/ppkm", kabkota=code[:5]),
    )
