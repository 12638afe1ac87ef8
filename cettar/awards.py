"""Innovation awards and their replication, for the Inovasi & Penghargaan page. Streamlit-free.

Award rows come from queries/awards/awards.sql, one row per award x recipient x innovation. The
page counts *awards*: one award given to one recipient (with one rank or category). Several
innovations cited for one award, as for Trenggalek at the Forum Inspirasi of 23 September 2021,
make one award with three innovations, not three awards.

Every choice a user makes maps to code through an allow-list: award series (SERIES, found from
the award names), recipient level groups (LEVEL_GROUPS), KOMPAK membership (KOMPAK), map level
(MAP_LEVELS). Maps reuse the map page's shapes (cettar.mapdata: imported boundaries, or the
schematic tile map where none were imported) and its plotly choropleth (cettar.maps).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely

from cettar import formats, i18n, maps

# (series id, pattern on award_name): the first match wins. A name that matches none is a
# series of its own (id "lain_<slug of the name without years>", labelled by that name).
SERIES = (
    ("forum_inspirasi", r"Forum Inspirasi|Kecamatan CETTAR"),
    ("kipp_jatim", r"Kovablik|KIPP\).*Provinsi Jawa Timur"),
    ("kipp", r"\bKIPP\b|Kompetisi Inovasi Pelayanan Publik"),
    ("iga", r"Innovative Government Award|\(IGA\)"),
    ("sp2k", r"\bSP2K\b"),
    ("skk", r"\bSKK\b|Kinerja Kecamatan"),
    ("lppd", r"\bLPPD\b|\bEKPPD\b"),
)
# Filter group -> award.recipient_level values.
LEVEL_GROUPS = {
    "provinsi": ("provinsi",),
    "kabkota": ("kabupaten", "kota"),
    "kecamatan": ("kecamatan",),
    "desa": ("desa", "kelurahan"),
    "opd": ("OPD provinsi",),
}
KOMPAK = ("all", "kompak", "non_kompak")
MAP_LEVELS = ("kabkota", "kecamatan")
CARDS_PER_PAGE = 18
# Award counts per region: classes (low, high; None = no upper bound) and sequential blues.
# Zero is a real count, not "no data": it gets the lightest colour, never the no-data grey.
COUNT_CLASSES = ((0, 0), (1, 1), (2, 2), (3, 4), (5, None))
COUNT_COLOURS = ["#e8edf2", "#9ecae1", "#4292c6", "#2171b5", "#08306b"]
WINNER = "#f5b700"  # kecamatan winners: a gold star with a dark rim, visible on every blue
BASE = "#e6e6e6"  # regions under the replication lines
ORIGIN, ADOPTER = "#d94801", "#08519c"
PROVINCE_SEAT = "35.78"  # province-wide innovations start from Surabaya, the provincial capital
STATUS_ORDER = ("demo", "compiled", "official")  # weakest first: a group is as weak as its weakest row
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def t(key: str, lang: str, **values) -> str:
    return i18n.text(key, lang, **values)


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


def series_id(award_name: str) -> str:
    for sid, pattern in SERIES:
        if re.search(pattern, award_name or ""):
            return sid
    return "lain_" + slug(_YEAR.sub("", award_name or ""))[:48]


def series_label(sid: str, names: list[str], lang: str) -> str:
    if not sid.startswith("lain_"):
        return t(f"awards.series.{sid}", lang)
    return re.sub(r"\s+", " ", _YEAR.sub("", names[0])).strip(" -–,")


def level_group(recipient_level: str) -> str:
    return next((g for g, values in LEVEL_GROUPS.items() if recipient_level in values), "opd")


@dataclass
class Catalog:
    """What the filters offer: award series (id -> award names, label) in order of first year."""

    names: dict[str, list[str]]
    labels: dict[str, str]
    years: tuple[int, int]
    levels: list[str]

    @property
    def empty(self) -> bool:
        return not self.names


def catalog(options: pd.DataFrame, lang: str) -> Catalog:
    """The filter catalog from queries/awards/options.sql."""
    if options.empty:
        return Catalog({}, {}, (2019, 2025), [])
    names: dict[str, list[str]] = {}
    for name in options.sort_values(["first_year", "award_name"])["award_name"]:
        names.setdefault(series_id(name), []).append(name)
    labels = {sid: series_label(sid, found, lang) for sid, found in names.items()}
    lo, hi = int(options["first_year"].min()), int(options["last_year"].max())
    present = {level_group(v) for levels in options["recipient_levels"] for v in levels.split(",")}
    return Catalog(names, labels, (lo, max(hi, lo + 1)), [g for g in LEVEL_GROUPS if g in present])


@dataclass(frozen=True)
class Filters:
    years: tuple[int, int]
    series: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    kabkota: tuple[str, ...] = ()
    kompak: str = "all"

    def params(self, cat: Catalog) -> dict:
        """Bound values for queries/awards/awards.sql (an empty choice means every value)."""
        if self.kompak not in KOMPAK or any(g not in LEVEL_GROUPS for g in self.levels):
            raise ValueError(f"unknown filter value: {self}")
        names = sorted(n for s in self.series for n in cat.names.get(s, [])) if self.series else None
        levels = sorted(v for g in self.levels for v in LEVEL_GROUPS[g]) if self.levels else None
        return {"year_from": int(self.years[0]), "year_to": int(self.years[1]), "award_names": names,
                "recipient_levels": levels, "kabkota_codes": list(self.kabkota) or None, "kompak": self.kompak}


# ----------------------------------------------------------------------------- URL state


def parse_years(raw: str, lo: int, hi: int) -> tuple[int, int]:
    """'2021-2023' or '2021' -> (2021, 2023); ValueError outside lo..hi or reversed."""
    parts = [int(p) for p in str(raw).split("-")]
    a, b = (parts[0], parts[-1]) if len(parts) in (1, 2) else (None, None)
    if a is None or not lo <= a <= b <= hi:
        raise ValueError(f"year range {raw!r} outside {lo}-{hi}")
    return a, b


def format_years(years) -> str:
    return f"{years[0]}-{years[1]}"


def parse_list(raw: str, allowed) -> list[str]:
    """Comma-separated values, keeping the allowed ones once each (an unknown one is dropped)."""
    allowed = list(allowed)
    return list(dict.fromkeys(v for v in str(raw).split(",") if v in allowed))


def url_state(cat: Catalog, kabkota_codes: list[str]) -> dict:
    """key -> (parse, format, default) of every filter the page keeps in the URL."""
    lo, hi = cat.years
    join = ",".join
    return {
        "pg_tahun": (lambda r: parse_years(r, lo, hi), format_years, (lo, hi)),
        "pg_jenis": (lambda r: parse_list(r, cat.names), join, []),
        "pg_tingkat": (lambda r: parse_list(r, cat.levels), join, []),
        "pg_wilayah": (lambda r: parse_list(r, kabkota_codes), join, []),
        "pg_kompak": (lambda r: KOMPAK[KOMPAK.index(r)], str, "all"),
        "pg_peta": (lambda r: MAP_LEVELS[MAP_LEVELS.index(r)], str, "kecamatan"),
        "pg_tampilan": (lambda r: maps.VIEWS[maps.VIEWS.index(r)], str, "geo"),
        "pg_halaman": (int, str, 1),
    }


def sanitise(state, cat: Catalog, kabkota_codes: list[str]) -> None:
    """Session values a widget would refuse (data changed since they were set) back to valid ones."""
    lo, hi = cat.years
    years = state.get("pg_tahun")
    if not (isinstance(years, (tuple, list)) and len(years) == 2 and lo <= years[0] <= years[1] <= hi):
        state["pg_tahun"] = (lo, hi)
    for key, allowed in (("pg_jenis", cat.names), ("pg_tingkat", cat.levels), ("pg_wilayah", kabkota_codes)):
        state[key] = [v for v in state.get(key) or [] if v in allowed]


# ----------------------------------------------------------------------------- awards


def source_parts(source_url) -> list[tuple[str, str | None]]:
    """(label, url) per source of a row: URLs separated by ' ; ' become links labelled by their
    host; text without a URL (an article title where none was recorded) keeps url None."""
    out = []
    for part in re.split(r"\s+;\s+", str(source_url or "").strip()):
        if not part:
            continue
        if re.fullmatch(r"https?://\S+", part):
            out.append((urlsplit(part).netloc.removeprefix("www.") or part, part))
        else:
            out.append((part, None))
    return out


def _weakest(statuses) -> str:
    found = set(statuses)
    return next((s for s in STATUS_ORDER if s in found), "official")


def group_awards(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per award (year x award x recipient x rank): the innovations cited, every source
    (in order, once), the weakest data status, the series; newest first."""
    columns = ["award_id", "year", "award_name", "series", "giver", "recipient_level", "recipient_name", "region_code",
               "region_name", "region_level", "kabkota_code", "kabkota_name", "kecamatan_code", "kompak", "innovations",
               "replications", "replication_status", "rank_category", "event_date", "event_date_text", "sources",
               "source_publisher", "note", "status"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(rank_key=rows["rank_category"].fillna(""))
    out = []
    for _, g in rows.groupby(["year", "award_name", "recipient_name", "rank_key"], sort=False, dropna=False):
        first = g.iloc[0]
        urls = list(dict.fromkeys(p for s in g["source_url"] for p in re.split(r"\s+;\s+", str(s).strip()) if p))
        innovations = list(dict.fromkeys(n for n in g["innovation_name"] if isinstance(n, str) and n))
        record = {c: first.get(c) for c in columns if c in g}
        rep_status = sorted({x for v in g["replication_status"].dropna() for x in v.split(", ")})
        record.update(award_id=int(g["award_id"].min()), series=series_id(first["award_name"]), innovations=innovations,
                      replications=int(g["replications"].sum()), replication_status=", ".join(rep_status),
                      sources=" ; ".join(urls), status=_weakest(g["status"]))
        out.append(record)
    frame = pd.DataFrame(out, columns=columns)
    frame["_date"] = pd.to_datetime(frame["event_date"])
    return frame.sort_values(["_date", "year", "award_id"], ascending=[False, False, True], na_position="last").drop(columns="_date").reset_index(drop=True)


def summary(grouped: pd.DataFrame) -> dict[str, int]:
    return {"awards": len(grouped), "recipients": grouped["recipient_name"].nunique(),
            "kabkota": grouped["kabkota_code"].nunique(), "kecamatan": grouped["kecamatan_code"].nunique()}


def short_label(row, cat: Catalog) -> str:
    """'SKK 2024: Juara 1' (series, year, rank)."""
    rank = row["rank_category"] if isinstance(row["rank_category"], str) and row["rank_category"] else ""
    return f"{cat.labels.get(row['series'], row['award_name'])} {row['year']}" + (f": {rank}" if rank else "")


def timeline_figure(grouped: pd.DataFrame, cat: Catalog, lang: str) -> go.Figure:
    """Awards per year and series: a bubble per (year, series) sized by count, hover names the recipients."""
    order = [s for s in cat.names if s in set(grouped["series"])]
    fig = go.Figure()
    for sid in order:
        mine = grouped[grouped["series"] == sid]
        per_year = mine.groupby("year").agg(n=("award_id", "size"), who=("recipient_name", lambda s: list(dict.fromkeys(s))))
        hover = ["<br>".join(w[:8]) + ("<br>…" if len(w) > 8 else "") for w in per_year["who"]]
        fig.add_trace(go.Scatter(
            x=per_year.index.tolist(), y=[cat.labels[sid]] * len(per_year), mode="markers+text", text=per_year["n"].tolist(),
            textfont=dict(color="white", size=11), name=cat.labels[sid], customdata=hover,
            marker=dict(size=[16 + 7 * math.sqrt(n) for n in per_year["n"]], color="#2b8cbe", line=dict(color="#08519c", width=1)),
            hovertemplate="<b>%{y}</b> %{x}: %{text} " + t("awards.timeline_unit", lang) + "<br>%{customdata}<extra></extra>",
        ))
    lo, hi = cat.years
    fig.update_layout(height=110 + 46 * max(len(order), 1), showlegend=False, margin=dict(l=10, r=10, t=10, b=10),
                      xaxis=dict(dtick=1, range=[lo - 0.5, hi + 0.5], title=t("awards.timeline_year", lang)),
                      yaxis=dict(categoryorder="array", categoryarray=[cat.labels[s] for s in reversed(order)], title=""),
                      plot_bgcolor="#ffffff")
    fig.update_xaxes(gridcolor="#eeeeee")
    return fig


# ----------------------------------------------------------------------------- map


def count_classes(counts) -> np.ndarray:
    """Class index of each count (COUNT_CLASSES)."""
    counts = np.asarray(counts, dtype=int)
    index = np.zeros(len(counts), dtype=int)
    for i, (low, _) in enumerate(COUNT_CLASSES):
        index[counts >= low] = i
    return index


def count_legend(index: np.ndarray, lang: str) -> list[maps.LegendItem]:
    items = []
    for i, (low, high) in enumerate(COUNT_CLASSES):
        label = str(low) if high == low else (f"≥ {low}" if high is None else f"{low}–{high}")
        items.append(maps.LegendItem(COUNT_COLOURS[i], label, int((index == i).sum())))
    return list(reversed(items))


def representative_points(shapes) -> pd.DataFrame:
    """A point per region of a mapdata.Shapes: the centre of a schematic cell, or a point inside
    the largest part of a real boundary (a kab/kota's mainland, not a far island); geo says
    which plotly geo (main view or an inset) holds it."""
    frame = shapes.frame
    if frame.empty:
        return pd.DataFrame({"code": [], "name": [], "lon": [], "lat": [], "geo": []})
    geoms = frame.geometry.to_numpy()
    if shapes.kind == "tiles":
        points = shapely.centroid(geoms)
    else:
        parts, owner = shapely.get_parts(geoms, return_index=True)
        largest = pd.Series(shapely.area(parts)).groupby(owner).idxmax()
        points = np.empty(len(geoms), dtype=object)
        points[largest.index.to_numpy()] = shapely.point_on_surface(parts[largest.to_numpy()])
    out = pd.DataFrame({"code": frame["code"].to_numpy(), "name": frame["name"].to_numpy(),
                        "lon": shapely.get_x(points), "lat": shapely.get_y(points)})
    out["geo"] = "geo"
    for j, inset in enumerate(shapes.insets or []):
        x0, y0, x1, y1 = inset.bounds
        inside = out["lon"].between(x0, x1) & out["lat"].between(y0, y1)
        if shapes.main_codes is not None:
            inside &= ~out["code"].isin(shapes.main_codes)
        out.loc[inside, "geo"] = f"geo{j + 2}"
    return out


def region_counts(grouped: pd.DataFrame, regions: pd.DataFrame, level: str) -> pd.Series:
    """Awards per region of the map (kab/kota: to it and to its kecamatan and desa)."""
    key = "kabkota_code" if level == "kabkota" else "kecamatan_code"
    return regions["code"].map(grouped.groupby(key).size()).fillna(0).astype(int)


def winners(grouped: pd.DataFrame, points: pd.DataFrame | None, cat: Catalog) -> pd.DataFrame:
    """Kecamatan-level winners at their kecamatan's point: code, name, lon, lat, geo, hover."""
    cols = ["code", "name", "kabkota_name", "lon", "lat", "geo", "hover"]
    kec = grouped.dropna(subset=["kecamatan_code"])
    if kec.empty or points is None or points.empty:
        return pd.DataFrame(columns=cols)
    lines = kec.assign(line=[short_label(r, cat) for _, r in kec.iterrows()])
    per = lines.groupby("kecamatan_code").agg(kabkota_name=("kabkota_name", "first"), lines=("line", list)).reset_index()
    found = per.merge(points, left_on="kecamatan_code", right_on="code")
    found["hover"] = [f"<b>{n}</b> ({k})<br>" + "<br>".join(ls) for n, k, ls in zip(found["name"], found["kabkota_name"], found["lines"])]
    return found[cols]


def award_map(shapes, regions: pd.DataFrame, grouped: pd.DataFrame, markers: pd.DataFrame, level: str, lang: str,
              cat: Catalog, height: int = 600) -> tuple[go.Figure, list[maps.LegendItem]]:
    """Choropleth of award counts per region with a star per kecamatan-level winner."""
    counts = region_counts(grouped, regions, level)
    index = count_classes(counts)
    lo, hi = (int(grouped["year"].min()), int(grouped["year"].max())) if len(grouped) else cat.years
    key = "kabkota_code" if level == "kabkota" else "kecamatan_code"
    labels = grouped.assign(label=[short_label(r, cat) for _, r in grouped.iterrows()]).groupby(key)["label"].agg(list)
    extra = ["; ".join(ls[:4]) + (" …" if len(ls) > 4 else "") for ls in regions["code"].map(labels).map(lambda v: v if isinstance(v, list) else [])]
    parts = pd.DataFrame({
        "code": regions["code"].to_numpy(), "name": regions["name"].to_numpy(),
        "value": [t("awards.map_count", lang, n=formats.number(n, lang)) for n in counts], "extra": extra, "rank_no": "", "rank": "",
        "period": f"{lo}–{hi}" if lo != hi else str(lo), "source": "",
    })
    fig = maps.plotly_map(shapes.geojson, regions["code"], index, COUNT_COLOURS, parts, labels=shapes.labels, height=height,
                          bounds=shapes.bounds, insets=shapes.insets, main_codes=shapes.main_codes)
    for geo, group in markers.groupby("geo"):
        fig.add_trace(go.Scattergeo(
            lon=group["lon"], lat=group["lat"], geo=geo, name="winners", customdata=group[["code"]].to_numpy(),
            mode="markers+text" if len(markers) <= 10 else "markers", text=group["name"], textposition="top center",
            textfont=dict(size=11, color="#222"), hovertext=group["hover"], hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(symbol="star", size=15, color=WINNER, line=dict(color="#3d2b00", width=1.2)),
        ))
    return fig, count_legend(index, lang)


# ----------------------------------------------------------------------------- leaderboard and cards


def leaderboard(grouped: pd.DataFrame) -> pd.DataFrame:
    """Kab/kota by awards won (to it and to its kecamatan), rank 1 = most; ties share a rank."""
    g = grouped.dropna(subset=["kabkota_code"])
    if g.empty:
        return pd.DataFrame(columns=["rank", "kabkota_code", "name", "kompak", "awards", "kecamatan_awards", "series", "last_year"])
    board = g.groupby("kabkota_code").agg(name=("kabkota_name", "first"), kompak=("kompak", "first"), awards=("award_id", "size"),
                                          kecamatan_awards=("kecamatan_code", "count"), series=("series", "nunique"),
                                          last_year=("year", "max")).reset_index()
    board["rank"] = board["awards"].rank(ascending=False, method="min").astype(int)
    return board.sort_values(["rank", "kecamatan_awards", "kabkota_code"], ascending=[True, False, True])[
        ["rank", "kabkota_code", "name", "kompak", "awards", "kecamatan_awards", "series", "last_year"]].reset_index(drop=True)


def leaderboard_display(board: pd.DataFrame, lang: str) -> pd.DataFrame:
    c = lambda k: t(f"awards.col.{k}", lang)  # noqa: E731
    return pd.DataFrame({
        c("rank"): board["rank"], c("kabkota"): board["name"], c("kompak"): board["kompak"].map(lambda k: "KOMPAK" if k else ""),
        c("awards"): board["awards"], c("kecamatan_awards"): board["kecamatan_awards"], c("series"): board["series"],
        c("last_year"): board["last_year"].astype(str),
    })


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:<>])")


def md(text) -> str:
    """Text shown as itself in Streamlit markdown (no emphasis, links, directives or LaTeX)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def md_link(label: str, url: str) -> str:
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{md(label)}]({safe})"


def date_text(row, lang: str) -> str:
    """23 September 2021; a range as the source gives it (16 Nov 2022 – 25 Nov 2022); or unknown."""
    text = row.get("event_date_text")
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", text or "") if isinstance(text, str) else None
    if m:
        return formats.date_range(m[1], m[2], lang)
    if pd.notna(row.get("event_date")):
        return formats.date(row["event_date"], lang)
    return t("awards.card.no_date", lang, year=row["year"])


STATUS_BADGE = {"official": "green", "compiled": "orange", "demo": "red"}


def card_markdown(row, lang: str) -> str:
    """One award as a card: award, recipient and rank, innovations, date, every source, status."""
    rank = row["rank_category"] if isinstance(row["rank_category"], str) and row["rank_category"] else ""
    innovations = [n for n in row["innovations"] if not n.startswith("(")]
    lines = [f"**{md(row['award_name'])}**", md(row["recipient_name"]) + (f" · **{md(rank)}**" if rank else "")]
    lines.append(f"{t('awards.card.innovation', lang)}: " + ("; ".join(md(n) for n in innovations) if innovations else t("awards.card.no_innovation", lang)))
    if row["replications"]:
        demo = " (" + t("status.demo", lang) + ")" if "demo" in str(row.get("replication_status") or "") else ""
        lines[-1] += " · " + t("awards.card.replicated", lang, n=int(row["replications"])) + demo
    lines.append(f"{t('awards.card.date', lang)}: {md(date_text(row, lang))}")
    sources = [md_link(label, url) if url else f"{md(label)} ({t('awards.card.no_url', lang)})" for label, url in source_parts(row["sources"])]
    lines.append(f"{t('awards.card.source', lang)}: " + " · ".join(sources))
    status = row["status"]
    lines.append(f":{STATUS_BADGE.get(status, 'gray')}-badge[{t(f'status.{status}', lang)}] " + md(row["giver"] or ""))
    return "  \n".join(lines)


def page_count(n: int) -> int:
    return max(1, math.ceil(n / CARDS_PER_PAGE))


def page_of(grouped: pd.DataFrame, page: int) -> pd.DataFrame:
    page = min(max(1, int(page)), page_count(len(grouped)))
    return grouped.iloc[(page - 1) * CARDS_PER_PAGE: page * CARDS_PER_PAGE]


# ----------------------------------------------------------------------------- innovations and replication


def registry_display(innovations: pd.DataFrame, lang: str) -> pd.DataFrame:
    c = lambda k: t(f"awards.col.{k}", lang)  # noqa: E731
    reps = [f"{n} ({t('status.demo', lang)})" if n and isinstance(s, str) and "demo" in s else str(n)
            for n, s in zip(innovations["replications"], innovations["replication_status"])]
    return pd.DataFrame({
        c("innovation"): innovations["name"], c("origin"): innovations["region_name"],
        c("start_year"): innovations["start_year"].map(lambda y: str(int(y)) if pd.notna(y) else "–"),
        c("domain"): innovations["service_domain"].fillna("–"), c("awards"): innovations["awards"],
        c("replications"): reps, c("status"): innovations["status"].map(lambda s: t(f"status.{s}", lang)),
    })


def replication_display(reps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The from-to table (what the CSV export holds too); the status column says demo on every demo row."""
    c = lambda k: t(f"awards.col.{k}", lang)  # noqa: E731
    adopter = [f"{n} ({k})" if lvl != "kabkota" and isinstance(k, str) else n
               for n, k, lvl in zip(reps["adopting_name"], reps["adopting_kabkota_name"], reps["adopting_level"])]
    table = pd.DataFrame({
        c("innovation"): reps["innovation_name"], c("origin"): reps["origin_name"], c("adopter"): adopter,
        c("year"): reps["year"].astype(str), c("status"): reps["status"].map(lambda s: t(f"status.{s}", lang)),
    })
    if reps["source_url"].notna().any():  # demo rows have none: no empty column
        table[c("source")] = reps["source_url"].fillna("")
    return table


def endpoints(reps: pd.DataFrame, kab_points: pd.DataFrame, kec_points: pd.DataFrame | None) -> pd.DataFrame:
    """Each replication with the points of its origin and adopter (NaN where a point is missing):
    a kab/kota at its own point, a kecamatan at its own, a desa at its kecamatan's, the province
    at its capital."""
    kab = kab_points.set_index("code")[["lon", "lat"]]
    kec = kec_points.set_index("code")[["lon", "lat"]] if kec_points is not None and len(kec_points) else kab.iloc[:0]

    def where(code: str, level) -> tuple[float, float]:
        if level == "provinsi":
            code, table = PROVINCE_SEAT, kab
        elif level == "kabkota":
            table = kab
        else:
            code, table = code[:8], kec
        return tuple(table.loc[code]) if code in table.index else (np.nan, np.nan)

    out = reps.copy()
    for side, codes, levels in (("0", "origin_region_code", "origin_level"), ("1", "adopting_region_code", "adopting_level")):
        found = [where(c, lv) for c, lv in zip(reps[codes], reps[levels])]
        out["x" + side] = [p[0] for p in found]
        out["y" + side] = [p[1] for p in found]
    return out


def flow_figure(shapes, regions: pd.DataFrame, flows: pd.DataFrame, title: str, lang: str, height: int = 560) -> go.Figure:
    """Lines from where an innovation started (orange) to where it was adopted (blue) over the
    kab/kota map."""
    index = np.zeros(len(regions), dtype=int)
    parts = pd.DataFrame({"code": regions["code"].to_numpy(), "name": regions["name"].to_numpy(), "value": "", "extra": "",
                          "rank_no": "", "rank": "", "period": "", "source": ""})
    fig = maps.plotly_map(shapes.geojson, regions["code"], index, [BASE], parts, labels=shapes.labels, height=height,
                          bounds=shapes.bounds)
    drawn = flows.dropna(subset=["x0", "y0", "x1", "y1"])
    lon, lat = [], []
    for r in drawn.itertuples():
        lon += [r.x0, r.x1, None]
        lat += [r.y0, r.y1, None]
    fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", line=dict(color="rgba(8,81,156,0.55)", width=1.8),
                                hoverinfo="skip", name="flows"))
    demo = t("status.demo", lang)
    label = lambda r: f"{r.innovation_name} ({r.year})" + (f" · {demo}" if r.status == "demo" else "")  # noqa: E731
    adopters, origins = {}, {}
    for r in drawn.itertuples():
        adopters.setdefault((r.x1, r.y1), [f"<b>{r.adopting_name}</b>"]).append(label(r))
        lines = origins.setdefault((r.x0, r.y0), [f"<b>{r.origin_name}</b>"])
        if r.innovation_name not in lines:
            lines.append(r.innovation_name)
    for points, colour, size, name in ((adopters, ADOPTER, 9, "adopters"), (origins, ORIGIN, 13, "origins")):
        fig.add_trace(go.Scattergeo(
            lon=[p[0] for p in points], lat=[p[1] for p in points], mode="markers", name=name,
            hovertext=["<br>".join(v) for v in points.values()], hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=size, color=colour, line=dict(color="white", width=1)),
        ))
    fig.update_layout(title=dict(text=title, x=0.01, y=0.985, font=dict(size=15)), margin=dict(l=0, r=0, t=36, b=0))
    return fig


def is_demo(frame: pd.DataFrame) -> bool:
    return bool(len(frame)) and bool((frame["status"] == "demo").any())
