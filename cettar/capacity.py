"""Kecamatan capacity and frontline services. Streamlit-free.

Since 2024 the national P3PD program treats the kecamatan as a hub that matches village demand
for basic services with their supply. Demand and supply are recorded per desa as catalog
indicators (native level desa, aggregation sum); this module turns them into one gap and one
ratio per kecamatan, year and service, with the direction explicit:

- ``capacity = norm x supply``: the demand the supply is meant to serve (NORMS below);
- ``gap = demand - capacity`` (lower is better; above 0, demand exceeds what the supply serves,
  below 0 there is spare capacity), stored as ``kesenjangan_<service>``;
- ``ratio = demand / supply`` (lower is better; compare it with the norm), stored as
  ``rasio_<service>``, only where supply > 0.

Only desa that report both the demand and the supply of a service in a year count (a desa with
demand but no supply figure would otherwise look like a gap). ``refresh_service_gaps`` stores the
results in indicator_value at every build and publish (cettar.derive), so the CETTAR index, the
map and the compare page can use them like any indicator. Each row's source follows the weakest
status among its inputs: a gap computed from demo values is demo.

The rest builds what the page *Kapasitas & Layanan* shows: rankings, the map view, the desa
drill-down and the profile tables (delegated authority, PATEN, training).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from cettar import db, formats, i18n
from cettar.paths import DATA


@dataclass(frozen=True)
class Service:
    key: str
    demand: str  # desa indicator id
    supply: str  # desa indicator id
    norm: float  # demand units one supply unit is meant to serve (a project assumption)

    @property
    def gap_id(self) -> str:
        return f"kesenjangan_{self.key}"

    @property
    def ratio_id(self) -> str:
        return f"rasio_{self.key}"


# The services and their norms. Change a norm here (and in docs/IMPORTING.md); the next build or
# import recomputes every stored gap.
SERVICES = (
    Service("posyandu", "jumlah_balita", "jumlah_posyandu", 100),  # Kemenkes posyandu guideline: about 100 balita each
    Service("adminduk", "kelahiran_tanpa_akta", "titik_layanan_adminduk", 50),  # assumption: a year's backlog per service point
    Service("sekolah", "anak_tidak_sekolah", "jumlah_sekolah", 10),  # assumption: children one school can take back in a year
    Service("pos_kesehatan", "ruta_dtks", "jumlah_pos_kesehatan", 300),  # assumption: DTKS households per health post
)
SERVICE = {s.key: s for s in SERVICES}
INPUT_IDS = tuple(i for s in SERVICES for i in (s.demand, s.supply))
DERIVED_IDS = tuple(i for s in SERVICES for i in (s.gap_id, s.ratio_id))
MEASURES = ("gap", "ratio")  # what the page maps and ranks
STATUS_ORDER = ("demo", "compiled", "official")  # weakest first
DERIVED_SOURCES = {"official": "layanan_dasar", "compiled": "layanan_dasar_compiled", "demo": "layanan_dasar_demo"}
SOURCE_ROWS = pd.DataFrame([
    {"source_id": DERIVED_SOURCES[status],
     "title_id": f"Kesenjangan layanan dasar dari data {word_id} (dihitung dasbor)",
     "title_en": f"Basic-service gaps from {word_en} data (computed by the dashboard)",
     "publisher": "cettar.capacity dari permintaan dan pasokan per desa / from desa demand and supply",
     "url": None, "licence": "CC0 (generated)" if status == "demo" else "Turunan dari data masukan / derived from its inputs",
     "retrieved": "dihitung saat build / computed at build", "status": status,
     "note": "Gap = demand - norm x supply; ratio = demand / supply; norms in cettar/capacity.py. " + note}
    for status, word_id, word_en, note in (
        ("official", "resmi", "official", "Every input official."),
        ("compiled", "dihimpun", "compiled", "At least one input compiled, none demo."),
        ("demo", "demo", "demo", "Not real: at least one input is a generated demo value."),
    )
])


# ----------------------------------------------------------------------------- the computation


def weakest(statuses) -> str:
    """The weakest of a set of statuses (demo < compiled < official)."""
    found = {s for s in statuses if isinstance(s, str)}
    return next((s for s in STATUS_ORDER if s in found), "official")


def service_gaps(values: pd.DataFrame, by: str = "kecamatan_code") -> pd.DataFrame:
    """Demand, supply, capacity, gap and ratio per `by` x period x service.

    values: desa values (region_code, kecamatan_code, period, indicator_id, value, status).
    by: 'kecamatan_code' (the stored indicators) or 'region_code' (one row per desa).
    Only desa with both the demand and the supply of a service in a period count; n_desa says
    how many. status is the weakest status among the values used.
    """
    columns = [by, "period", "service", "demand", "supply", "capacity", "gap", "ratio", "n_desa", "status"]
    frames = []
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    for service in SERVICES:
        demand = values[values["indicator_id"] == service.demand]
        supply = values[values["indicator_id"] == service.supply]
        both = demand.merge(supply[["region_code", "period", "value", "status"]], on=["region_code", "period"], suffixes=("_d", "_s"))
        if both.empty:
            continue
        both["weak"] = [min(rank.get(a, 2), rank.get(b, 2)) for a, b in zip(both["status_d"], both["status_s"])]
        out = both.groupby([by, "period"], as_index=False).agg(
            demand=("value_d", "sum"), supply=("value_s", "sum"), n_desa=("region_code", "nunique"), weak=("weak", "min"))
        out["service"] = service.key
        out["capacity"] = service.norm * out["supply"]
        out["gap"] = out["demand"] - out["capacity"]
        out["ratio"] = (out["demand"] / out["supply"]).where(out["supply"] > 0)
        out["status"] = out["weak"].map(dict(enumerate(STATUS_ORDER)))
        frames.append(out[columns])
    if not frames:
        return pd.DataFrame({c: [] for c in columns})
    return pd.concat(frames, ignore_index=True).sort_values([by, "period", "service"], ignore_index=True)


def derived_rows(gaps: pd.DataFrame) -> pd.DataFrame:
    """indicator_value rows of kecamatan gaps: the gap always, the ratio where supply > 0."""
    rows = []
    for service in SERVICES:
        mine = gaps[gaps["service"] == service.key]
        source = mine["status"].map(DERIVED_SOURCES)
        rows.append(pd.DataFrame({"region_code": mine["kecamatan_code"], "indicator_id": service.gap_id,
                                  "period": mine["period"], "value": mine["gap"].astype(float), "source_id": source}))
        has = mine["ratio"].notna()
        rows.append(pd.DataFrame({"region_code": mine.loc[has, "kecamatan_code"], "indicator_id": service.ratio_id,
                                  "period": mine.loc[has, "period"], "value": mine.loc[has, "ratio"].astype(float),
                                  "source_id": source[has]}))
    return pd.concat(rows, ignore_index=True)[["region_code", "indicator_id", "period", "value", "source_id"]]


def refresh_service_gaps(con: duckdb.DuckDBPyConnection) -> int:
    """Replace the stored kecamatan gaps and ratios by ones computed from the current desa values.

    Runs in cettar.derive.refresh (every build and publish). Idempotent: rows of its own sources
    are deleted first. On a database built before these indicators existed, their catalog rows
    and sources are added from data/indicators.csv and SOURCE_ROWS. Returns the rows written.
    """
    from cettar.build import run_script  # build imports derive, which imports this module

    con.register("capacity_sources", SOURCE_ROWS)
    try:
        run_script(con, "capacity/derive/ensure_reference",
                   {"indicators": str(DATA / "indicators.csv"), "ids": list(INPUT_IDS + DERIVED_IDS)})
    finally:
        con.unregister("capacity_sources")
    run_script(con, "capacity/derive/delete", {"source_ids": list(DERIVED_SOURCES.values())})
    gaps = service_gaps(db.execute(con, "capacity/derive/inputs", {"indicators": list(INPUT_IDS)}))
    rows = derived_rows(gaps) if len(gaps) else pd.DataFrame(columns=["region_code", "indicator_id", "period", "value", "source_id"])
    con.register("capacity_gaps", rows.astype({"value": float}))
    try:
        run_script(con, "capacity/derive/insert")
    finally:
        con.unregister("capacity_gaps")
    return len(rows)


# ----------------------------------------------------------------------------- the page's tables


def _t(key: str, lang: str, **values) -> str:
    return i18n.text(f"capacity.{key}", lang, **values)


def status_text(status, lang: str) -> str:
    if not isinstance(status, str):
        return "–"
    return ", ".join(i18n.text(f"status.{s.strip()}", lang) for s in status.split(","))


def is_demo(statuses) -> bool:
    return any(isinstance(s, str) and "demo" in s for s in statuses)


def demo_suffix(statuses, lang: str) -> str:
    """' (demo)' for chart titles and '_demo' for file names when any value shown is demo."""
    return f" ({i18n.text('status.demo', lang)})" if is_demo(statuses) else ""


def ranking(gaps: pd.DataFrame, places: pd.DataFrame, service: str, measure: str = "gap") -> pd.DataFrame:
    """One service's kecamatan, worst first by `measure` (gap or ratio), with names and rank.

    places: capacity/kecamatan (code, name, kabkota_name, n_desa_total).
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    mine = gaps[gaps["service"] == service].merge(places, left_on="kecamatan_code", right_on="code")
    mine = mine.sort_values([measure, "kecamatan_code"], ascending=[False, True], na_position="last", ignore_index=True)
    mine["rank"] = mine[measure].rank(ascending=False, method="min")
    return mine


def ranking_display(frame: pd.DataFrame, service: str, lang: str) -> pd.DataFrame:
    """The ranking as shown and exported: labelled columns, rounded numbers, a status column."""
    s = SERVICE[service]
    return pd.DataFrame({
        _t("col.rank", lang): frame["rank"].astype("Int64"),
        _t("col.kecamatan", lang): frame["name"],
        _t("col.kabkota", lang): frame["kabkota_name"],
        _t("col.demand", lang): frame["demand"].round(0),
        _t("col.supply", lang): frame["supply"].round(0),
        _t("col.capacity", lang, norm=formats.number(s.norm, lang)): frame["capacity"].round(0),
        _t("col.gap", lang): frame["gap"].round(0),
        _t("col.ratio", lang): frame["ratio"].round(1),
        _t("col.desa", lang): [f"{a} / {b}" for a, b in zip(frame["n_desa"], frame["n_desa_total"])],
        _t("col.status", lang): frame["status"].map(lambda s: status_text(s, lang)),
    })


def bar_figure(frame: pd.DataFrame, measure: str, title: str, axis: str, n: int = 15):
    """Horizontal bars of the worst n kecamatan (largest gap or ratio first)."""
    import plotly.express as px

    top = frame.dropna(subset=[measure]).head(n).assign(label=lambda f: f["name"] + " (" + f["kabkota_name"].str.removeprefix("Kabupaten ") + ")")
    fig = px.bar(top, x=measure, y="label", orientation="h", height=max(260, 26 * len(top) + 80), title=title,
                 color=top[measure] > 0 if measure == "gap" else None,
                 color_discrete_map={True: "#d73027", False: "#4575b4"}, labels={measure: axis, "label": ""})
    fig.update_layout(margin=dict(l=10, r=10, t=40, b=10), yaxis=dict(autorange="reversed"), showlegend=False)
    return fig


def map_meta(service: str, measure: str, catalog: pd.DataFrame) -> dict:
    """The catalog row of the stored indicator behind a map (what cettar.mapview.build needs)."""
    s = SERVICE[service]
    row = catalog.set_index("indicator_id").loc[s.gap_id if measure == "gap" else s.ratio_id]
    return row.to_dict() | {"indicator_id": row.name}


def map_values(frame: pd.DataFrame, measure: str, by: str = "kecamatan_code") -> pd.DataFrame:
    """Gaps (a ranking, or service_gaps per desa with by='region_code') as the values of a map
    view (mapview.join's columns)."""
    titles = SOURCE_ROWS.set_index("status")
    return pd.DataFrame({
        "code": frame[by], "value": frame[measure], "method": "stored", "source_level": "kecamatan" if by == "kecamatan_code" else "desa",
        "n_values": frame["n_desa"], "n_units": frame["n_desa_total"] if "n_desa_total" in frame else 1, "status": frame["status"],
        "source_title_id": frame["status"].map(titles["title_id"]), "source_title_en": frame["status"].map(titles["title_en"]),
    })


def map_figure(shapes, view, selected: str | None = None, only: list[str] | None = None):
    """A choropleth of a map view on the shapes of cettar.mapdata (boundaries or tiles);
    `only` keeps some regions (a kecamatan's desa on the kab/kota's desa shapes)."""
    from cettar import maps

    frame, index, parts, bounds, labels = view.frame, view.classes.index, view.parts, shapes.bounds, shapes.labels
    insets, main_codes = shapes.insets, shapes.main_codes
    if only is not None:
        keep = frame["code"].isin(only).to_numpy()
        frame, index, parts = frame[keep], index[keep], parts[keep].reset_index(drop=True)
        parts.attrs.update(view.parts.attrs)
        drawn = shapes.frame[shapes.frame["code"].isin(only)]
        bounds = tuple(float(x) for x in drawn.total_bounds) if len(drawn) else None
        labels, insets, main_codes = None, [], None
    return maps.plotly_map(shapes.geojson, frame["code"], index, view.classes.colours, parts, selected=selected,
                           labels=labels, bounds=bounds, insets=insets, main_codes=main_codes, height=520)


def desa_table(values: pd.DataFrame, names: pd.DataFrame, service: str, lang: str) -> pd.DataFrame:
    """The desa of one kecamatan for one service: demand, supply, gap, ratio (worst first).

    values: capacity/desa_values rows of the kecamatan; names: desa code -> name, type.
    Desa that report only one side are listed with an empty gap.
    """
    s = SERVICE[service]
    mine = values[values["indicator_id"].isin([s.demand, s.supply])]
    wide = mine.pivot_table(index="region_code", columns="indicator_id", values="value", aggfunc="first")
    wide = wide.reindex(columns=[s.demand, s.supply])
    status = mine.groupby("region_code")["status"].agg(weakest)
    gaps = service_gaps(mine, by="region_code").set_index("region_code")
    out = names.set_index("code").join(wide, how="inner").join(gaps[["gap", "ratio"]]).join(status)
    out = out.sort_values(["gap", "name"], ascending=[False, True], na_position="last")
    return pd.DataFrame({
        _t("col.desa_name", lang): out["name"],
        _t("col.type", lang): out["type"].map(lambda v: i18n.text(f"type.{v}", lang)),
        _t("col.demand", lang): out[s.demand], _t("col.supply", lang): out[s.supply],
        _t("col.gap", lang): out["gap"].round(0), _t("col.ratio", lang): out["ratio"].round(1),
        _t("col.status", lang): out["status"].map(lambda v: status_text(v, lang)),
    })


# ----------------------------------------------------------------------------- the profile


def authority_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Delegated authorities of one kecamatan, newest evaluation first."""
    basis = [_t("basis", lang, type=_t(f"regulation.{t}", lang), number=n, year=y) for t, n, y in
             zip(frame["regulation_type"], frame["regulation_number"], frame["regulation_year"])]
    return pd.DataFrame({
        _t("col.year", lang): frame["year"].astype(str),
        _t("col.authority", lang): frame["authority"],
        _t("col.authority_type", lang): frame["authority_type"].map(lambda v: _t(f"authority_type.{v}", lang)),
        _t("col.sector", lang): frame["sector"],
        _t("col.basis", lang): basis,
        _t("col.since", lang): frame["since_year"].map(lambda v: "–" if pd.isna(v) else str(int(v))),
        _t("col.evaluation", lang): frame["evaluation"].map(lambda v: _t(f"evaluation.{v}", lang)),
        _t("col.score", lang): frame["evaluation_score"].round(1),
        _t("col.status", lang): frame["status"].map(lambda v: status_text(v, lang)),
    })


def paten_state(frame: pd.DataFrame, year: int, lang: str) -> str:
    """'ya, sejak 2015' / 'tidak' / '–' for one year of a kecamatan's PATEN rows."""
    row = frame[frame["year"] == year]
    if row.empty:
        return "–"
    if not row["implemented"].iloc[0]:
        return _t("no", lang)
    since = row["since_year"].iloc[0]
    return _t("yes", lang) if pd.isna(since) else _t("yes_since", lang, since=int(since))


def paten_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    yes_no = lambda v: "–" if pd.isna(v) else _t("yes" if v else "no", lang)  # noqa: E731
    return pd.DataFrame({
        _t("col.year", lang): frame["year"].astype(str),
        _t("col.implemented", lang): frame["implemented"].map(yes_no),
        _t("col.since", lang): frame["since_year"].map(lambda v: "–" if pd.isna(v) else str(int(v))),
        _t("col.services_offered", lang): frame["services_offered"].astype("Int64"),
        _t("col.standard", lang): frame["standard_published"].map(yes_no),
        _t("col.services", lang): frame["services"].fillna("–"),
        _t("col.status", lang): frame["status"].map(lambda v: status_text(v, lang)),
    })


def training_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Training received by one kecamatan: one row per event, roles and participants."""
    if frame.empty:
        return pd.DataFrame()
    rows = []
    for (event_id,), group in frame.groupby(["event_id"], sort=False):
        first = group.iloc[0]
        roles = ", ".join(f"{_t(f'role.{r}', lang)} {n}" for r, n in zip(group["role"], group["participants"]))
        rows.append({
            _t("col.event", lang): first["name"],
            _t("col.dates", lang): formats.date_range(first["start_date"], first["end_date"], lang),
            _t("col.place", lang): first["place"] or "–",
            _t("col.organiser", lang): first["organiser"],
            _t("col.roles", lang): roles,
            _t("col.participants", lang): int(group["participants"].sum()),
            _t("col.status", lang): status_text(weakest(group["status"]), lang),
        })
    return pd.DataFrame(rows)
