"""PPKM levels, risk zones and coordination records: tables and figures, Streamlit-free.

The PPKM level (per Inmendagri) and the COVID-19 risk zone (per week, from the national task
force) are different measures: they are kept, charted and coloured separately.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

# The kinds of kecamatan coordination activity (coordination_record.activity_type).
ACTIVITY_TYPES = (
    "forkopimcam_meeting",
    "ppkm_micro_post",
    "vaccination_drive",
    "public_order_operation",
    "social_aid_distribution",
    "other",
)
TABLE_ROWS = 1000  # coordination records listed on the page (the newest); downloads hold every record
LEVEL_COLOURS = {1: "#1a9850", 2: "#fee08b", 3: "#f46d43", 4: "#a50026"}
ZONES = ["tidak_ada_kasus", "rendah", "sedang", "tinggi"]
ZONE_COLOURS = {"tidak_ada_kasus": "#4575b4", "rendah": "#abd9e9", "sedang": "#fdae61", "tinggi": "#d73027"}


def period_label(row) -> str:
    return str(row["inmendagri"])


def is_inferred(evidence) -> bool:
    """Any level the source did not state outright for this kab/kota and instruction."""
    return isinstance(evidence, str) and evidence != "stated"


def level_counts(levels: pd.DataFrame) -> pd.DataFrame:
    """Kab/kota per level per Inmendagri, plus the unknown ones (one row per period)."""
    order = levels[["inmendagri", "year", "number"]].drop_duplicates().sort_values(["year", "number"])
    counts = (
        levels.assign(level=levels["level"].fillna(0).astype(int))
        .pivot_table(index="inmendagri", columns="level", values="kabkota_code", aggfunc="count", fill_value=0)
        .reindex(columns=[1, 2, 3, 4, 0], fill_value=0)
        .rename(columns={0: "unknown"})
    )
    return counts.reindex(order["inmendagri"]).reset_index()


def heatmap_figure(levels: pd.DataFrame, labels: dict) -> go.Figure:
    """Kab/kota (rows) by Inmendagri (columns), coloured by level; inferred cells carry a dot,
    unknown cells stay blank."""
    order = levels[["inmendagri", "year", "number"]].drop_duplicates().sort_values(["year", "number"])["inmendagri"].tolist()
    names = levels[["kabkota_code", "name"]].drop_duplicates().sort_values("kabkota_code", ascending=False)
    z = levels.pivot(index="name", columns="inmendagri", values="level").reindex(index=names["name"], columns=order)
    evidence = levels.pivot(index="name", columns="inmendagri", values="evidence").reindex(index=names["name"], columns=order)
    marks = evidence.map(lambda e: "•" if is_inferred(e) else "")
    hover = evidence.map(lambda e: labels["evidence"](e) if isinstance(e, str) else labels["unknown"])
    colourscale = []
    for i, level in enumerate([1, 2, 3, 4]):
        colourscale += [[i / 4, LEVEL_COLOURS[level]], [(i + 1) / 4, LEVEL_COLOURS[level]]]
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(dtype=float),
            x=order,
            y=z.index.tolist(),
            zmin=0.5,
            zmax=4.5,
            colorscale=colourscale,
            text=marks.to_numpy(),
            texttemplate="%{text}",
            customdata=hover.to_numpy(),
            hovertemplate=labels["hover"],
            xgap=1,
            ygap=1,
            colorbar=dict(title=labels["level"], tickvals=[1, 2, 3, 4], ticktext=["1", "2", "3", "4"]),
        )
    )
    fig.update_layout(height=900, margin=dict(l=10, r=10, t=30, b=10), xaxis=dict(side="top", type="category"), plot_bgcolor="#ffffff")
    return fig


def counts_figure(counts: pd.DataFrame, cases: pd.DataFrame, periods: pd.DataFrame, labels: dict) -> go.Figure:
    """Kab/kota per level for each Inmendagri (stacked bars) above province daily cases."""
    fig = make_subplots(rows=2, cols=1, vertical_spacing=0.12, row_heights=[0.55, 0.45],
                        subplot_titles=(labels["counts_title"], labels["cases_title"]))
    for level in [1, 2, 3, 4]:
        fig.add_bar(x=counts["inmendagri"], y=counts[level], name=f"{labels['level']} {level}",
                    marker_color=LEVEL_COLOURS[level], row=1, col=1)
    fig.add_bar(x=counts["inmendagri"], y=counts["unknown"], name=labels["unknown"], marker_color="#d9d9d9", row=1, col=1)
    if not cases.empty:
        daily = cases.set_index(pd.to_datetime(cases["case_date"]))["new_cases"]
        fig.add_scatter(x=daily.index, y=daily.rolling(7, min_periods=1).mean(), name=labels["cases"],
                        line=dict(color="#525252"), row=2, col=1)
        for row in periods.dropna(subset=["valid_from"]).itertuples():
            fig.add_vrect(x0=row.valid_from, x1=row.valid_to, fillcolor="#9ecae1", opacity=0.15, line_width=0, row=2, col=1)
        fig.update_xaxes(range=[pd.Timestamp("2021-06-15"), pd.Timestamp("2022-08-01")], row=2, col=1)
    fig.update_layout(barmode="stack", height=620, margin=dict(l=10, r=10, t=40, b=10), legend=dict(orientation="h"))
    fig.update_xaxes(type="category", row=1, col=1)
    return fig


def zone_counts(zones: pd.DataFrame) -> pd.DataFrame:
    """Kab/kota per risk zone per week."""
    return (
        zones.pivot_table(index="week_date", columns="zone", values="kabkota_code", aggfunc="count", fill_value=0)
        .reindex(columns=ZONES, fill_value=0)
        .reset_index()
    )


def zone_figure(counts: pd.DataFrame, labels: dict) -> go.Figure:
    fig = go.Figure()
    for zone in ZONES:
        fig.add_bar(x=counts["week_date"], y=counts[zone], name=labels["zone"](zone), marker_color=ZONE_COLOURS[zone])
    fig.update_layout(barmode="stack", height=320, margin=dict(l=10, r=10, t=10, b=10), legend=dict(orientation="h"),
                      yaxis_title=labels["kabkota"])
    return fig


def level_changes(levels: pd.DataFrame) -> pd.DataFrame:
    """Each time a kab/kota's known level differs from its previous known level, dated by the
    new instruction's start (changes into an instruction without dates are left out)."""
    known = levels.dropna(subset=["level"]).sort_values(["kabkota_code", "year", "number"])
    known = known.assign(previous=known.groupby("kabkota_code")["level"].shift())
    changed = known[known["previous"].notna() & (known["level"] != known["previous"]) & known["valid_from"].notna()]
    return changed[["kabkota_code", "name", "inmendagri", "valid_from", "previous", "level"]].reset_index(drop=True)


def activity_around(records: pd.DataFrame, kecamatan_of_kabkota: pd.Series, change_date, weeks: int = 4) -> pd.DataFrame:
    """Activities per week in the kab/kota, from `weeks` before to `weeks` after a change.

    Week -1 is the seven days before the change date, week 0 the seven days from it.
    """
    change = pd.Timestamp(change_date)
    dates = pd.to_datetime(records.loc[records["kecamatan_code"].isin(kecamatan_of_kabkota), "activity_date"])
    offset = np.floor((dates - change).dt.days / 7).astype(int)
    counts = offset[(offset >= -weeks) & (offset < weeks)].value_counts()
    return pd.DataFrame({"week": range(-weeks, weeks), "activities": [int(counts.get(w, 0)) for w in range(-weeks, weeks)]})


def agency_matrix(records: pd.DataFrame) -> pd.DataFrame:
    """How often two agencies took part in the same activity (diagonal: activities per agency)."""
    lists = records["agencies"].str.split(";")
    agencies = sorted({a for items in lists for a in items if a})
    index = {a: i for i, a in enumerate(agencies)}
    matrix = np.zeros((len(agencies), len(agencies)), dtype=int)
    for items in lists:
        ids = [index[a] for a in set(items) if a]
        for i in ids:
            for j in ids:
                matrix[i, j] += 1
    return pd.DataFrame(matrix, index=agencies, columns=agencies)


def intensity_by_kecamatan(records: pd.DataFrame) -> pd.DataFrame:
    """Activities per kecamatan in the chosen window, most active first."""
    return (
        records.groupby(["kecamatan_code", "kecamatan", "kabkota"], as_index=False)
        .agg(activities=("record_id", "count"), participants=("participants", "sum"))
        .sort_values(["activities", "kecamatan_code"], ascending=[False, True])
        .reset_index(drop=True)
    )


# ----------------------------------------------------------------------------- maps


def category_map(shapes, frame: pd.DataFrame, order: list[str], colours: list[str], labels: list[str], period: str, source: str):
    """A categorical map (PPKM level or risk zone) over the shapes of a map view.

    frame: code, category (one of `order`, anything else is unknown and drawn as no data),
    text (the tooltip's value line). Returns (figure, classes) for the legend.
    """
    from cettar import maps

    drawn = shapes.frame[["code", "name"]].merge(frame, on="code", how="left")
    classes = maps.category_classes(drawn["category"], order, colours, labels)
    parts = tooltip_parts(drawn, period, source)
    fig = maps.plotly_map(shapes.geojson, drawn["code"], classes.index, classes.colours, parts,
                          labels=shapes.labels, height=520, bounds=shapes.bounds, insets=shapes.insets,
                          main_codes=shapes.main_codes)
    return fig, classes


def intensity_map(shapes, counts: pd.DataFrame, lang: str, period: str, source: str):
    """Coordination activities per kecamatan (quantile classes) over the shapes of a map view."""
    from cettar import maps

    drawn = shapes.frame[["code", "name"]].merge(counts, on="code", how="left")
    classes = maps.numeric_classes(drawn["activities"], "quantiles", 5, "higher_is_better", lang, 0)
    drawn["text"] = drawn["activities"].map(lambda n: "" if pd.isna(n) else str(int(n)))
    parts = tooltip_parts(drawn, period, source)
    fig = maps.plotly_map(shapes.geojson, drawn["code"], classes.index, classes.colours, parts,
                          height=520, bounds=shapes.bounds, insets=shapes.insets, main_codes=shapes.main_codes)
    return fig, classes


def tooltip_parts(drawn: pd.DataFrame, period: str, source: str) -> pd.DataFrame:
    """The tooltip lines the map module draws: name, value text, period, source."""
    parts = pd.DataFrame({
        "code": drawn["code"].to_numpy(),
        "name": drawn["name"].to_numpy(),
        "value": drawn["text"].fillna("–").to_numpy(),
        "extra": "",
        "rank_no": "",
        "rank": "",
        "period": period,
        "source": source,
    })
    parts.attrs["rank_template"] = "{rank}"
    return parts
