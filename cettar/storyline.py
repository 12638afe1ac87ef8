"""The presentation's storyline: which slides exist and what each one shows. Streamlit-free.

A slide is built from the same read queries as the dashboard's pages (live data, not
screenshots): a title, up to four key figures, a few short lines, the data behind its chart
(a table for CSV/XLSX), its sources and their data status. The page draws a slide with plotly
(`figure`); cettar.exports draws the same slide with matplotlib for PPTX, PDF and PNG.

Every choice maps to code through an allow-list (SLIDES, the indicator catalog's ids, its years).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cettar import compare, formats, i18n, mapdata, maps, mapview, ppkm

SLIDES = ("overview", "map", "awards", "ppkm", "kompak")  # the default storyline, in order
DEFAULT_INDICATOR = "indeks_cettar"
LAUNCH = dt.date(2021, 9, 23)  # Kecamatan CETTAR launched at the Forum Inspirasi Jawa Timur
PROGRAM = "KOMPAK"
ACCENT = "#1f6f8b"  # KOMPAK and the app's primary colour
OTHER = "#d3dbe2"  # regions outside the focus
OTHER_BAR = "#7f8c97"
COMPARISON = "#d95f02"  # the other kab/kota on the KOMPAK chart (colour-blind safe with ACCENT)
UNKNOWN = "#d9d9d9"
INK = "#111111"
MAX_LINES = 8  # lines beside a chart: readable from the back of a hall
FONT_SIZE = 19  # plotly text on the page
STATUS_ORDER = ("official", "compiled", "demo")


def t(key: str, lang: str, **values) -> str:
    return i18n.text(f"presentation.{key}", lang, **values)


# --- reading ---------------------------------------------------------------------------------

@dataclass
class Reader:
    """Where a storyline reads from: `query(name, **params)` (a read query), `shapes(level,
    scope, view)` (mapdata.Shapes) and `boundary_counts()`. The page passes cached ones
    (cettar.cache); tests and scripts use `reader(connection)`."""

    query: Callable[..., pd.DataFrame]
    shapes: Callable[[str, str | None, str], mapdata.Shapes]
    boundary_counts: Callable[[], dict]


def reader(con) -> Reader:
    """A Reader straight from a database connection (no caching)."""
    from cettar import db

    return Reader(
        query=lambda name, **params: db.execute(con, name, params),
        shapes=lambda level, scope, view: mapdata.shapes(con, level, scope, view),
        boundary_counts=lambda: mapdata.boundary_counts(con),
    )


# --- slides ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str


@dataclass(frozen=True)
class Line:
    """A short line beside the chart; a heading is set in bold."""

    text: str
    heading: bool = False


@dataclass
class Slide:
    id: str
    lang: str
    title: str
    subtitle: str
    figures: list[KeyFigure]
    lines: list[Line]
    table: pd.DataFrame  # the data behind the chart, labelled in lang
    sources: list[tuple[str, str]]  # (title, details: publisher, licence, status, URL)
    statuses: set[str]
    method: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # per-row source URLs (notes only)
    data: dict = field(default_factory=dict)  # what the figures draw

    @property
    def demo(self) -> bool:
        return "demo" in self.statuses

    @property
    def status_text(self) -> str:
        ordered = [s for s in STATUS_ORDER if s in self.statuses] + sorted(self.statuses - set(STATUS_ORDER))
        return ", ".join(i18n.text(f"status.{s}", self.lang) if f"status.{s}" in i18n.STRINGS else s for s in ordered) or "–"

    @property
    def demo_mark(self) -> str:
        return t("demo_mark", self.lang)

    def footer(self) -> str:
        """One line under the slide: short source titles and the data status."""
        titles = "; ".join(title for title, _ in self.sources) or "–"
        return f"{t('sources', self.lang)}: {titles} · {t('status', self.lang)}: {self.status_text}"

    def notes(self) -> str:
        """Speaker notes: the data status first (demo said plainly), every source, the method."""
        lines = [self.title, ""]
        if self.demo:
            lines += [t("demo_note", self.lang), ""]
        lines.append(f"{t('status', self.lang)}: {self.status_text}")
        lines += ["", f"{t('sources', self.lang)}:"] + [f"- {title}: {details}" for title, details in self.sources]
        lines += [f"  {url}" for url in self.links]
        if self.method:
            lines += ["", f"{t('method', self.lang)}:"] + [f"- {m}" for m in self.method]
        return "\n".join(lines)


@dataclass
class Context:
    reader: Reader
    catalog: pd.DataFrame  # presentation/indicators, indexed by indicator_id
    sources: pd.DataFrame  # presentation/sources, indexed by source_id
    indicator: str
    period: str
    lang: str

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def number(self, value, decimals: int = 0) -> str:
        return formats.number(value, self.lang, decimals)

    def q(self, name: str, **params) -> pd.DataFrame:
        return self.reader.query(name, **params)

    @property
    def meta(self) -> dict:
        return self.catalog.loc[self.indicator].to_dict() | {"indicator_id": self.indicator}

    @property
    def indicator_name(self) -> str:
        meta = self.meta
        return meta["name_en"] if self.lang == "en" else meta["name_id"]

    def source_lines(self, ids) -> list[tuple[str, str]]:
        out = []
        for sid in dict.fromkeys(i for i in ids if isinstance(i, str) and i in self.sources.index):
            row = self.sources.loc[sid]
            title = row["title_en"] if self.lang == "en" else row["title_id"]
            details = [row["publisher"], row["licence"], i18n.text(f"status.{row['status']}", self.lang), row["url"]]
            out.append((title, "; ".join(str(d) for d in details if isinstance(d, str) and d)))
        return out

    def statuses_of(self, ids) -> set[str]:
        return {self.sources.at[i, "status"] for i in ids if i in self.sources.index}

    def table_sources(self, table: str) -> list[str]:
        frame = self.q("presentation/table_sources")
        return frame.loc[frame["table_name"] == table, "source_id"].tolist()


def indicator_catalog(read: Reader) -> pd.DataFrame:
    return read.query("presentation/indicators")


def default_indicator(catalog: pd.DataFrame) -> str:
    ids = catalog["indicator_id"].tolist()
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in ids else ids[0]


def periods(catalog: pd.DataFrame, indicator: str) -> list[str]:
    found = catalog.loc[catalog["indicator_id"] == indicator, "periods"]
    return found.iloc[0].split(",") if len(found) and isinstance(found.iloc[0], str) else []


def decode_slides(raw: str) -> list[str]:
    """Slides from the URL ('overview,map'): unknown ones dropped, none left is an error."""
    return compare.decode_list(raw, SLIDES)


def encode_slides(slides) -> str:
    return ",".join(slides)


def build(read: Reader, slides, indicator: str, period: str, lang: str) -> list[Slide]:
    """The slides of a storyline, in the order given."""
    return [build_slide(read, s, indicator, period, lang) for s in slides]


def build_slide(read: Reader, slide: str, indicator: str, period: str, lang: str) -> Slide:
    if slide not in SLIDES:
        raise ValueError(f"unknown slide {slide!r}")
    catalog = indicator_catalog(read).set_index("indicator_id")
    if indicator not in catalog.index:
        raise ValueError(f"unknown indicator {indicator!r}")
    ctx = Context(read, catalog, read.query("presentation/sources").set_index("source_id"), indicator, str(period), lang)
    return BUILDERS[slide](ctx)


def short_kabkota(name) -> str:
    return compare.short_kabkota(name) if isinstance(name, str) else "–"


def short_award(name: str) -> str:
    """The award's acronym where it has one ('Innovative Government Award (IGA) - Kemendagri
    2021' -> 'IGA'), else its name before any parenthesis or dash."""
    acronym = re.search(r"\(([A-Z][A-Z0-9]{1,7})\)", name)
    return acronym.group(1) if acronym else re.split(r" \(| - ", name, maxsplit=1)[0].strip()


def short_region(name: str) -> str:
    """'Kecamatan Curahdami, Kabupaten Bondowoso' -> 'Kec. Curahdami, Kab. Bondowoso'."""
    return re.sub(r"\bKabupaten ", "Kab. ", re.sub(r"\bKecamatan ", "Kec. ", name))


def signed(text: str) -> str:
    """A signed figure for big type: a plus in front of gains, a true minus sign for losses."""
    return "+" + text if text[:1].isdigit() and text.strip("0,.") else text.replace("-", "\u2212", 1)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$<>])")


def markdown_lines(lines: list[Line]) -> str:
    """The slide's lines as Markdown: headings in bold, the rest as a list (text escaped, so a
    name like '1. Purworejo' or a '$' stays plain text)."""
    out = []
    for line in lines:
        text = _MD_SPECIAL.sub(r"\\\1", line.text)
        out.append(f"\n**{text}**\n" if line.heading else f"- {text}")
    return "\n".join(out).strip()


def _capped(lines: list[Line], lang: str, limit: int = MAX_LINES) -> list[Line]:
    if len(lines) <= limit:
        return lines
    return lines[: limit - 1] + [Line(t("more", lang, n=len(lines) - limit + 1))]


# --- overview ---------------------------------------------------------------------------------

def _overview(ctx: Context) -> Slide:
    kab = ctx.q("presentation/kabkota")
    awards = ctx.q("presentation/awards")
    levels, periods_ = ctx.q("ppkm/levels"), ctx.q("ppkm/periods")
    kind = (kab["type"] == "kabupaten").sum(), (kab["type"] == "kota").sum()
    years = sorted(awards["year"].dropna().astype(int).unique())
    figures = [
        KeyFigure(ctx.number(len(kab)), ctx.t("overview.kabkota", kabupaten=ctx.number(kind[0]), kota=ctx.number(kind[1]))),
        KeyFigure(ctx.number(kab["kecamatan"].sum()), ctx.t("overview.kecamatan")),
        KeyFigure(ctx.number(kab["desa"].sum()), ctx.t("overview.desa")),
    ]
    if years:
        figures.append(KeyFigure(ctx.number(len(awards)), ctx.t("overview.awards", first=years[0], last=years[-1])))
    date = formats.date(LAUNCH, ctx.lang)
    lines = [Line(ctx.t("overview.launch", date=date))]
    members = kab[kab["kompak"]]
    if len(members):
        lines.append(Line(ctx.t("overview.kompak", start=int(members["start_year"].min()), end=int(members["end_year"].max()),
                                names=", ".join(sorted(members["name"].map(short_kabkota))))))
    if len(periods_):
        last = periods_["inmendagri"].iloc[-1]
        snap = levels[levels["inmendagri"] == last]
        at_one = int((snap["level"] == 1).sum())
        lines.append(Line(ctx.t("overview.ppkm", inmendagri=last, n=ctx.number(at_one), total=ctx.number(len(snap)))))
    if len(kab):
        top = kab.sort_values(["kecamatan", "code"], ascending=[False, True]).iloc[0]
        lines.append(Line(ctx.t("overview.kecamatan_most", name=top["name"], n=ctx.number(top["kecamatan"]))))
    view = "geo" if mapdata.geo_available(ctx.reader.boundary_counts(), "kabkota") else "tiles"
    shapes = ctx.reader.shapes("kabkota", None, view)
    index = kab["kompak"].astype(int).to_numpy()
    legend = [maps.LegendItem(ACCENT, ctx.t("overview.legend_kompak"), int(index.sum())),
              maps.LegendItem(OTHER, ctx.t("overview.legend_other"), int(len(index) - index.sum()))]
    yes, no = ctx.t("yes"), ctx.t("no")
    table = pd.DataFrame({
        ctx.t("col.code"): kab["code"], ctx.t("col.kabkota"): kab["name"],
        ctx.t("col.type"): kab["type"].map(lambda v: i18n.text(f"type.{v}", ctx.lang)),
        ctx.t("col.kecamatan"): kab["kecamatan"], ctx.t("col.desa"): kab["desa"],
        ctx.t("col.kompak"): kab["kompak"].map({True: yes, False: no}), ctx.t("col.awards"): kab["awards"],
    })
    ids = [s for table_name in ("region", "program_membership", "award", "ppkm_level") for s in ctx.table_sources(table_name)]
    hover = [ctx.t("overview.hover", n=ctx.number(n)) for n in kab["kecamatan"]]
    return Slide(
        id="overview", lang=ctx.lang, title=ctx.t("overview.title"), subtitle=ctx.t("overview.subtitle", date=date),
        figures=figures, lines=lines, table=table, sources=ctx.source_lines(ids), statuses=ctx.statuses_of(ids),
        method=[ctx.t("overview.tiles")] if shapes.kind == "tiles" else [],
        data=dict(shapes=shapes, codes=kab["code"].to_numpy(), index=index, colours=[OTHER, ACCENT], legend=legend,
                  legend_title=PROGRAM, names=kab["name"].to_numpy(), hover=hover, label_codes=members["code"].tolist()),
    )


# --- kecamatan map -----------------------------------------------------------------------------

def _map(ctx: Context) -> Slide:
    meta = ctx.meta
    decimals, unit = int(meta.get("decimals") or 0), meta.get("unit") or ""
    unit_text = compare.unit_text(unit, ctx.lang)
    regions = ctx.q("map/regions", level="kecamatan", scope=None)
    values = ctx.q("map/values", level="kecamatan", indicator=ctx.indicator, period=ctx.period, scope=None)
    view = "geo" if mapdata.geo_available(ctx.reader.boundary_counts(), "kecamatan") else "tiles"
    shapes = ctx.reader.shapes("kecamatan", None, view)
    v = mapview.build(meta, regions, values, level="kecamatan", period=ctx.period, lang=ctx.lang)
    frame = v.frame
    valued = frame.dropna(subset=["value"]).sort_values(["rank", "code"])
    direction = i18n.text(f"direction.{meta['direction']}", ctx.lang)
    status_classes = meta.get("value_type") == "status" and isinstance(meta.get("thresholds"), str)
    figures = [KeyFigure(ctx.number(len(valued)), ctx.t("map.with_value", total=ctx.number(len(frame))))]
    lines = []
    if len(valued):
        best, worst = valued.iloc[0], valued.iloc[-1]
        where = lambda row: f"{row['name']} ({short_kabkota(row['kabkota_name'])})"  # noqa: E731
        figures += [
            KeyFigure(ctx.number(valued["value"].median(), decimals), ctx.t("map.median", unit=unit_text or "–")),
            KeyFigure(ctx.number(best["value"], decimals), ctx.t("map.best", name=where(best))),
            KeyFigure(ctx.number(worst["value"], decimals), ctx.t("map.worst", name=where(worst))),
        ]
        item = lambda row: Line(ctx.t("map.item", rank=ctx.number(row["rank"]), name=row["name"],  # noqa: E731
                                      kabkota=short_kabkota(row["kabkota_name"]), value=ctx.number(row["value"], decimals)))
        lines = [Line(ctx.t("map.top"), True), *[item(r) for _, r in valued.head(3).iterrows()],
                 Line(ctx.t("map.bottom"), True), *[item(r) for _, r in valued.tail(3).iloc[::-1].iterrows()]]
    labels = v.classes.labels
    table = pd.DataFrame({
        ctx.t("col.code"): frame["code"], ctx.t("col.kecamatan"): frame["name"], ctx.t("col.kabkota"): frame["kabkota_name"],
        ctx.t("col.value"): frame["value"].round(decimals), ctx.t("col.unit"): unit_text,
        ctx.t("col.rank"): frame["rank"].astype("Int64"),
        ctx.t("col.class"): [labels[i] if i >= 0 else i18n.text("map.no_data", ctx.lang) for i in v.classes.index],
        ctx.t("col.status"): frame["status"].map(lambda s: compare.status_text(s, ctx.lang) if isinstance(s, str) else "–"),
    })
    ids = [s for joined in values.get("source_ids", pd.Series(dtype=object)).dropna() for s in joined.split(", ")]
    statuses = {s for joined in values["status"].dropna() for s in joined.split(", ")}
    scheme = ctx.t("map.subtitle_status", direction=direction) if status_classes else ctx.t(
        "map.subtitle", k=len(v.classes.colours), direction=direction)
    method = [*v.notes, ctx.t("map.method", scheme=scheme, direction=direction)]
    if shapes.kind == "tiles":
        method.append(ctx.t("map.tiles"))
    return Slide(
        id="map", lang=ctx.lang, title=ctx.t("map.title", name=ctx.indicator_name, period=ctx.period), subtitle=scheme,
        figures=figures, lines=lines, table=table, sources=ctx.source_lines(ids), statuses=statuses, method=method,
        data=dict(shapes=shapes, codes=frame["code"].to_numpy(), index=v.classes.index, colours=v.classes.colours,
                  legend=v.legend, legend_title=v.legend_title, parts=v.parts, names=frame["name"].to_numpy()),
    )


# --- award winners ----------------------------------------------------------------------------

def _awards(ctx: Context) -> Slide:
    awards = ctx.q("presentation/awards")
    kab = ctx.q("presentation/kabkota")
    ids = ctx.table_sources("award")
    if awards.empty:
        return Slide(id="awards", lang=ctx.lang, title=ctx.t("awards.title"), subtitle="", figures=[],
                     lines=[Line(ctx.t("awards.none"))], table=pd.DataFrame(), sources=ctx.source_lines(ids),
                     statuses=ctx.statuses_of(ids), data=dict(top=pd.DataFrame(columns=["name", "awards", "kompak"])))
    years = sorted(awards["year"].astype(int).unique())
    kecamatan = awards.loc[awards["recipient_level"] == "kecamatan", "region_code"].nunique()
    figures = [
        KeyFigure(ctx.number(len(awards)), ctx.t("awards.total")),
        KeyFigure(ctx.number(awards["kabkota_code"].dropna().nunique()), ctx.t("awards.kabkota")),
        KeyFigure(ctx.number(kecamatan), ctx.t("awards.kecamatan")),
        KeyFigure(ctx.number(int(awards["kompak"].sum())), ctx.t("awards.kompak")),
    ]
    shown = int(ctx.period) if ctx.period.isdigit() and int(ctx.period) in years else years[-1]
    winners = awards[awards["year"] == shown]
    lines = [Line(ctx.t("awards.winners", year=shown), True)]
    for _, row in winners.iterrows():
        home = short_kabkota(row["kabkota_name"])
        where = f" ({home})" if row["region_level"] in ("kecamatan", "desa") and home not in row["recipient_name"] else ""
        lines.append(Line(f"{short_region(row['recipient_name'])}{where}: {short_award(row['award_name'])}"))
    per = kab[kab["awards"] > 0].sort_values(["awards", "code"], ascending=[False, True]).head(12)
    top = pd.DataFrame({"name": per["name"].map(short_kabkota), "awards": per["awards"], "kompak": per["kompak"]})
    yes, no = ctx.t("yes"), ctx.t("no")
    table = pd.DataFrame({
        ctx.t("col.year"): awards["year"], ctx.t("col.award"): awards["award_name"], ctx.t("col.recipient"): awards["recipient_name"],
        ctx.t("col.level"): awards["recipient_level"], ctx.t("col.kabkota"): awards["kabkota_name"],
        ctx.t("col.kompak"): awards["kompak"].map({True: yes, False: no}), ctx.t("col.source"): awards["source_url"],
        ctx.t("col.status"): awards["status"].map(lambda s: i18n.text(f"status.{s}", ctx.lang)),
    })
    ids = list(dict.fromkeys(ids + awards["source_id"].tolist()))
    return Slide(
        id="awards", lang=ctx.lang, title=ctx.t("awards.title"), subtitle=ctx.t("awards.subtitle", first=years[0], last=years[-1]),
        figures=figures, lines=_capped(lines, ctx.lang), table=table, sources=ctx.source_lines(ids),
        statuses=set(awards["status"]) | ctx.statuses_of(ids), links=sorted(awards["source_url"].dropna().unique()),
        data=dict(top=top, title=ctx.t("awards.chart_title"), axis=ctx.t("awards.count"),
                  series=(ctx.t("overview.legend_kompak"), ctx.t("overview.legend_other"))),
    )


# --- PPKM timeline ----------------------------------------------------------------------------

def _ppkm(ctx: Context) -> Slide:
    levels, periods_ = ctx.q("ppkm/levels"), ctx.q("ppkm/periods")
    ids = ctx.table_sources("ppkm_level")
    counts = ppkm.level_counts(levels) if len(levels) else pd.DataFrame(columns=["inmendagri", 1, 2, 3, 4, "unknown"])
    dated = periods_.dropna(subset=["valid_from"])
    start = formats.date(dated["valid_from"].min(), ctx.lang, "medium") if len(dated) else "–"
    end = formats.date(dated["valid_to"].max(), ctx.lang, "medium") if len(dated) else "–"
    figures, lines, launch = [KeyFigure(ctx.number(len(counts)), ctx.t("ppkm.instructions"))], [], None
    if len(counts):
        peak = counts.sort_values([4, "inmendagri"], ascending=[False, True], kind="stable").iloc[0]
        last = counts.iloc[-1]
        known = levels["level"].notna().sum()
        figures += [
            KeyFigure(ctx.number(int(peak[4])), ctx.t("ppkm.peak", inmendagri=peak["inmendagri"])),
            KeyFigure(ctx.number(int(last[1])), ctx.t("ppkm.last", inmendagri=last["inmendagri"])),
            KeyFigure(f"{ctx.number(known)} / {ctx.number(len(levels))}", ctx.t("ppkm.known")),
        ]
        launch_day = pd.Timestamp(LAUNCH)
        during = dated[(pd.to_datetime(dated["valid_from"]) <= launch_day) & (pd.to_datetime(dated["valid_to"]) >= launch_day)]
        if len(during):
            launch = during["inmendagri"].iloc[0]
            lines.append(Line(ctx.t("ppkm.launch_note", date=formats.date(LAUNCH, ctx.lang), inmendagri=launch)))
        lines += [Line(ctx.t("ppkm.peak_note", n=ctx.number(int(peak[4])), inmendagri=peak["inmendagri"])),
                  Line(ctx.t("ppkm.last_note", n=ctx.number(int(last[1])), inmendagri=last["inmendagri"])),
                  Line(ctx.t("ppkm.unknown_note"))]
        inferred = int(levels["evidence"].map(ppkm.is_inferred).sum())
        if inferred:
            lines.append(Line(ctx.t("ppkm.inferred_note", n=ctx.number(inferred))))
    span = periods_.set_index("inmendagri")
    table = pd.DataFrame({
        ctx.t("col.inmendagri"): counts["inmendagri"],
        ctx.t("col.from"): counts["inmendagri"].map(span["valid_from"]) if len(counts) else [],
        ctx.t("col.to"): counts["inmendagri"].map(span["valid_to"]) if len(counts) else [],
        **{ctx.t("ppkm.level", level=lv): counts[lv] for lv in (1, 2, 3, 4)},
        ctx.t("ppkm.unknown"): counts["unknown"],
    })
    links = sorted(levels["source_url"].dropna().unique())
    sources = ctx.source_lines(ids)
    if links:
        sources.append((ctx.t("ppkm.sources_more", n=ctx.number(len(links))), "; ".join(links[:3]) + (" …" if len(links) > 3 else "")))
    return Slide(
        id="ppkm", lang=ctx.lang, title=ctx.t("ppkm.title"), subtitle=ctx.t("ppkm.subtitle", start=start, end=end),
        figures=figures, lines=_capped(lines, ctx.lang), table=table, sources=sources, statuses=ctx.statuses_of(ids), links=links,
        data=dict(counts=counts, launch=launch, launch_label=ctx.t("ppkm.launch"), axis=ctx.t("ppkm.axis"),
                  names={**{lv: ctx.t("ppkm.level", level=lv) for lv in (1, 2, 3, 4)}, "unknown": ctx.t("ppkm.unknown")}),
    )


# --- KOMPAK comparison ------------------------------------------------------------------------

def _kompak(ctx: Context) -> Slide:
    meta = ctx.meta
    decimals = int(meta.get("decimals") or 0)
    unit_text = compare.unit_text(meta.get("unit") or "", ctx.lang)
    units = ctx.q("compare/units")
    members = ctx.q("compare/program", program=PROGRAM)
    values = ctx.q("compare/kecamatan_values", indicators=[ctx.indicator])
    catalog = ctx.catalog.reset_index()
    groups = compare.group_pair("kompak", units, members)
    names = compare.group_labels("kompak", ctx.lang)
    series = pd.DataFrame(columns=["code", "year", "value", "n", "status", "label"])
    if len(values) and groups["a"] and groups["b"]:
        picked, _, _ = compare.groups_view(values, catalog, units, groups, names, ctx.lang)
        series = picked[picked["indicator_id"] == ctx.indicator].sort_values(["order", "year"]).reset_index(drop=True)
    at = series[series["year"] == ctx.period].set_index("code")["value"]
    fmt = lambda v: ctx.number(v, decimals)  # noqa: E731
    figures = [KeyFigure(fmt(at.get(code)), ctx.t("kompak.value", group=label, period=ctx.period))
               for code, label in (("a", names["a"]), ("b", names["b"]), ("all", compare.t("province", ctx.lang)))]
    gap = at.get("a", np.nan) - at.get("b", np.nan)
    figures.insert(2, KeyFigure(signed(fmt(gap)), ctx.t("kompak.gap", period=ctx.period)))
    lines = [Line(ctx.t("kompak.members", names=", ".join(sorted(members["name"].map(short_kabkota)))))] if len(members) else []
    for code in ("a", "b"):
        own = series[series["code"] == code].dropna(subset=["value"])
        if len(own) >= 2:
            lines.append(Line(ctx.t("kompak.change", group=names[code], first=fmt(own["value"].iloc[0]), last=fmt(own["value"].iloc[-1]),
                                    start=own["year"].iloc[0], end=own["year"].iloc[-1])))
    lines.append(Line(ctx.t("kompak.caveat")))
    years = sorted(series["year"].unique())
    rule = ctx.t(f"rule.{meta.get('aggregation')}") if meta.get("aggregation") in compare.RULES else "–"
    direction = i18n.text(f"direction.{meta['direction']}", ctx.lang)
    table = pd.DataFrame({
        ctx.t("col.year"): series["year"], ctx.t("col.group"): series["label"], ctx.t("col.value"): series["value"].round(decimals),
        ctx.t("col.unit"): unit_text, ctx.t("col.n"): series["n"],
        ctx.t("col.status"): series["status"].map(lambda s: compare.status_text(s, ctx.lang)),
    })
    ids = ctx.table_sources("program_membership") + ctx.q("presentation/indicator_sources", indicator=ctx.indicator)["source_id"].tolist()
    statuses = {s for joined in series["status"].dropna() for s in joined.split(", ")} | ctx.statuses_of(ctx.table_sources("program_membership"))
    program = (int(members["start_year"].min()), int(members["end_year"].max())) if len(members) else None
    return Slide(
        id="kompak", lang=ctx.lang, title=ctx.t("kompak.title", name=ctx.indicator_name),
        subtitle=ctx.t("kompak.subtitle", rule=rule, first=years[0] if years else "–", last=years[-1] if years else "–", direction=direction),
        figures=figures, lines=_capped(lines, ctx.lang), table=table, sources=ctx.source_lines(ids), statuses=statuses,
        method=[ctx.t("kompak.method", rule=rule, period=ctx.period), ctx.t("kompak.caveat")],
        data=dict(series=series, period=ctx.period, program=program, program_label=ctx.t("kompak.program"),
                  unit=unit_text, labels=names | {"all": compare.t("province", ctx.lang)}),
    )


BUILDERS = {"overview": _overview, "map": _map, "awards": _awards, "ppkm": _ppkm, "kompak": _kompak}


# --- plotly figures for the page ---------------------------------------------------------------

def figure(slide: Slide, height: int = 600) -> go.Figure:
    """The slide's chart for the page (plotly: interactive, its camera button saves a PNG)."""
    fig = FIGURES[slide.id](slide, height)
    if slide.id not in ("overview", "map"):  # the map keeps maps.plotly_map's bare template
        fig.update_layout(template="plotly_white")
    fig.update_layout(font=dict(size=FONT_SIZE, color=INK), height=height, paper_bgcolor="white")
    return fig


def _map_parts(slide: Slide) -> pd.DataFrame:
    if "parts" in slide.data:
        return slide.data["parts"]
    codes = slide.data["codes"]
    blank = [""] * len(codes)
    return pd.DataFrame({"code": codes, "name": slide.data["names"], "value": slide.data["hover"], "extra": blank,
                         "rank_no": blank, "rank": blank, "period": blank, "source": blank})


def _map_figure(slide: Slide, height: int) -> go.Figure:
    d = slide.data
    shapes = d["shapes"]
    fig = maps.plotly_map(shapes.geojson, d["codes"], d["index"], d["colours"], _map_parts(slide), labels=shapes.labels,
                          height=height, bounds=shapes.bounds, insets=shapes.insets, main_codes=shapes.main_codes)
    fig.update_traces(textfont=dict(size=14, color=INK), selector=dict(type="scattergeo"))
    fig.update_layout(dragmode=False)
    return fig


def _awards_figure(slide: Slide, height: int) -> go.Figure:
    top = slide.data["top"].iloc[::-1]
    fig = go.Figure()
    for kompak, name, colour in ((True, slide.data["series"][0], ACCENT), (False, slide.data["series"][1], OTHER_BAR)):
        part = top[top["kompak"] == kompak]
        fig.add_bar(y=part["name"], x=part["awards"], orientation="h", name=name, marker_color=colour,
                    text=part["awards"], textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="overlay", margin=dict(l=10, r=40, t=50, b=10), legend=dict(orientation="h", y=1.08, x=0),
                      xaxis=dict(title=slide.data["axis"], dtick=1), plot_bgcolor="white",
                      yaxis=dict(categoryorder="array", categoryarray=top["name"].tolist()))
    return fig


def _ppkm_figure(slide: Slide, height: int) -> go.Figure:
    counts, names = slide.data["counts"], slide.data["names"]
    fig = go.Figure()
    for level in (1, 2, 3, 4, "unknown"):
        fig.add_bar(x=counts["inmendagri"], y=counts[level], name=names[level],
                    marker_color=ppkm.LEVEL_COLOURS.get(level, UNKNOWN))
    if slide.data["launch"]:
        fig.add_annotation(x=slide.data["launch"], y=len(counts) and int(counts[[1, 2, 3, 4, "unknown"]].sum(axis=1).max()),
                           text=slide.data["launch_label"], showarrow=True, arrowhead=2, ay=-50, font=dict(size=16, color=INK))
    fig.update_layout(barmode="stack", margin=dict(l=10, r=10, t=70, b=10), legend=dict(orientation="h", y=1.18, x=0, traceorder="normal"),
                      xaxis=dict(type="category", tickangle=-60, tickfont=dict(size=14)), yaxis=dict(title=slide.data["axis"]),
                      plot_bgcolor="white")
    return fig


def _kompak_figure(slide: Slide, height: int) -> go.Figure:
    d = slide.data
    series = d["series"]
    fig = go.Figure()
    if d["program"] and len(series):
        years = series["year"].astype(int)
        x0, x1 = max(d["program"][0], years.min()), min(d["program"][1], years.max())
        if x0 <= x1:
            fig.add_vrect(x0=x0 - 0.5, x1=x1 + 0.5, fillcolor=ACCENT, opacity=0.08, line_width=0,
                          annotation_text=d["program_label"], annotation_position="top left", annotation_font_size=15)
    styles = {"a": dict(color=ACCENT, width=5), "b": dict(color=COMPARISON, width=4), "all": dict(color="#555555", width=3, dash="dash")}
    for code, style in styles.items():
        own = series[series["code"] == code]
        fig.add_scatter(x=own["year"].astype(int), y=own["value"], name=d["labels"][code], mode="lines+markers",
                        line=style, marker=dict(size=11))
    if d["period"].isdigit():
        fig.add_vline(x=int(d["period"]), line_width=2, line_color=INK, line_dash="dot")
    fig.update_layout(margin=dict(l=10, r=10, t=60, b=10), legend=dict(orientation="h", y=1.12, x=0), plot_bgcolor="white",
                      xaxis=dict(dtick=1, showgrid=False), yaxis=dict(title=d["unit"], gridcolor="#e5e5e5"))
    return fig


FIGURES = {"overview": _map_figure, "map": _map_figure, "awards": _awards_figure, "ppkm": _ppkm_figure, "kompak": _kompak_figure}


# --- the page's look and keys -------------------------------------------------------------------

# Big type, high contrast, no sidebar or header: a slide fills a 1920x1080 projector. The
# frame's demo banner is hidden here because every slide with demo values carries its own mark.
PAGE_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stElementContainer"]:has(> [data-testid="stAlert"]):first-child {display: none !important;}
.stMainBlockContainer {padding: 1.2rem 2.6rem 1rem 2.6rem !important; max-width: 100% !important;}
.stMainBlockContainer p, .stMainBlockContainer li {color: #111111;}
.stMainBlockContainer h1 {font-size: 3.1rem !important; line-height: 1.12 !important; padding: 0 !important; font-weight: 800 !important;}
p.cettar-subtitle {font-size: 1.6rem !important; color: #333333 !important; margin: 0 0 .4rem 0 !important;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {font-size: 3.6rem !important; font-weight: 800 !important;
  color: #1f6f8b !important; line-height: 1.1 !important;}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p {font-size: 1.3rem !important; color: #222222 !important;
  white-space: normal !important;}
.st-key-presentasi_lines p, .st-key-presentasi_lines li {font-size: 1.4rem !important; line-height: 1.35 !important;}
.cettar-counter {font-size: 1.5rem; font-weight: 700; color: #111111; padding: 0 .6rem; white-space: nowrap;}
.cettar-demo-mark {display: inline-block; background: #b3121f; color: #ffffff !important; font-weight: 800; font-size: 1.6rem;
  letter-spacing: .08em; padding: .25rem 1rem; border-radius: .3rem; white-space: nowrap;}
p.cettar-footer {font-size: 1.05rem !important; color: #333333 !important; margin: 0 !important;}
.cettar-legend div {font-size: 1.15rem !important;}
.st-key-presentasi_prev button, .st-key-presentasi_next button {padding: .4rem 1.2rem;}
.st-key-presentasi_prev button p, .st-key-presentasi_next button p {font-size: 1.25rem !important;}
</style>
"""

# Page Down / Page Up (what presentation clickers send) press the next / previous buttons; the
# arrow keys are the buttons' own Streamlit shortcuts. Typing in a field is left alone.
KEYS_SCRIPT = """
<script>
(() => {
  if (window.__cettarSlideKeys) return;
  window.__cettarSlideKeys = true;
  document.addEventListener("keydown", (event) => {
    const which = {PageDown: "next", PageUp: "prev"}[event.key];
    if (!which || event.altKey || event.ctrlKey || event.metaKey) return;
    const focus = document.activeElement;
    if (focus && (focus.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(focus.tagName))) return;
    const button = document.querySelector(`.st-key-presentasi_${which} button`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  }, true);
})();
</script>
"""
