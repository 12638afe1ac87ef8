"""One map view put together for the page: values joined to regions, ranks, classes, legend,
tooltips, notes; and what a click or the back button changes. Streamlit-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cettar import formats, hotspots, i18n, maps


@dataclass
class View:
    frame: pd.DataFrame  # one row per region drawn: code, name, value, rank, status, ...
    classes: maps.Classes
    parts: pd.DataFrame  # tooltip lines
    legend: list[maps.LegendItem]
    legend_title: str
    notes: list[str] = field(default_factory=list)


def join(regions: pd.DataFrame, values: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Every region of the view with its value (NaN where none) and its rank among the view."""
    keep = ["code", "value", "method", "source_level", "n_values", "n_units", "status", "source_title_id", "source_title_en"]
    frame = regions.merge(values[[c for c in keep if c in values]], on="code", how="left")
    frame["rank"] = maps.ranks(frame["value"], direction)
    return frame


def _method_note(frame: pd.DataFrame, level: str, lang: str) -> str | None:
    rolled = frame.dropna(subset=["value"])
    if rolled.empty or (rolled["method"] == "stored").all():
        return None
    method = rolled["method"].iloc[0]
    text = i18n.text(
        "map.note.rolled_up", lang,
        level=i18n.text(f"map.level.{level}", lang), method=i18n.text(f"map.method.{method}", lang),
        source=i18n.text(f"map.level.{rolled['source_level'].iloc[0]}", lang),
        values=formats.number(int(rolled["n_values"].sum()), lang), units=formats.number(int(rolled["n_units"].sum()), lang),
    )
    return text[:1].upper() + text[1:]


def build(meta: dict, regions: pd.DataFrame, values: pd.DataFrame, *, level: str, period: str, lang: str,
          layer: str = "values", scheme: str = "quantiles", k: int = maps.K_DEFAULT,
          breaks: list[float] | None = None, hot: hotspots.Result | None = None, classifier=None) -> View:
    """The view of one indicator x period over the regions of one level and scope."""
    direction = meta["direction"]
    decimals = int(meta.get("decimals") or 0)
    frame = join(regions, values, direction)
    unit = meta.get("unit") or ""
    name = meta["name_en"] if lang == "en" else meta["name_id"]
    notes = []
    extra = None
    if layer == "hotspots" and hot is not None:
        table = hot.table.set_index("code")
        cluster = frame["code"].map(table["cluster"]) if len(table) else pd.Series(np.nan, index=frame.index, dtype=object)
        cluster = cluster.fillna("ns").where(frame["value"].notna(), "")
        colour_of = hotspots.colours(direction)
        order = list(hotspots.CLUSTERS)
        labels = [_cluster_label(c, direction, lang) for c in order]
        classes = maps.category_classes(cluster, order, [colour_of[c] for c in order], labels)
        p = frame["code"].map(table["p"]) if len(table) else pd.Series(np.nan, index=frame.index)
        extra = [f"{labels[i]} (p = {formats.number(pv, lang, 3)})" if i >= 0 and pd.notna(pv) else ""
                 for i, pv in zip(classes.index, p)]
        title = i18n.text("map.legend.hotspots", lang, name=name)
        if hot.reason:
            notes.append(i18n.text(f"map.hot.{hot.reason}", lang, n=hot.n, minimum=hotspots.MIN_REGIONS))
    elif meta.get("value_type") == "status" and isinstance(meta.get("thresholds"), str) and meta["thresholds"]:
        classes = maps.status_classes(frame["value"], meta["thresholds"], direction, lang, decimals)
        title = f"{name} ({unit})" if unit else name
        if level != meta.get("native_level"):
            notes.append(i18n.text("map.note.status_of_mean", lang, level=i18n.text(f"map.level.{level}", lang)))
    else:
        classes = maps.numeric_classes(frame["value"], scheme, k, direction, lang, decimals, breaks, classifier)
        title = f"{name} ({unit})" if unit else name
    parts = maps.tooltip_parts(frame, meta, period, lang, classes=classes, extra=extra)
    note = _method_note(frame, level, lang)
    if note:
        notes.insert(0, note)
    if frame["status"].map(maps.is_demo).any():
        notes.append(i18n.text("map.note.demo", lang))
    return View(frame, classes, parts, maps.legend(classes, lang), title, notes)


def _cluster_label(cluster: str, direction: str, lang: str) -> str:
    text = i18n.text(f"map.cluster.{cluster.lower()}", lang)
    meaning = hotspots.meaning(cluster, direction)
    return f"{text} ({i18n.text(f'map.cluster.{meaning}', lang)})" if meaning else text


# ----------------------------------------------------------------------------- clicks and navigation


def click_updates(code: str | None, level: str, scope: str | None) -> dict:
    """Session-state changes after a click on region `code`.

    On the province's kab/kota map a click drills down: the kecamatan of that kab/kota, with the
    kab/kota's profile open. Anywhere else a click opens the region's profile.
    """
    if not code:
        return {}
    if level == "kabkota" and not scope:
        return {"wilayah": code, "tingkat": "kecamatan", "pilih": code, "_map_back_level": "kabkota"}
    return {"pilih": code}


def back_updates(state: dict) -> dict:
    """Session-state changes of the back button: the whole province again, at the level the
    drill-down started from."""
    return {"wilayah": "", "tingkat": state.get("_map_back_level") or state.get("tingkat") or "kecamatan",
            "pilih": "", "_map_back_level": None}


def drill_updates(kabkota: str) -> dict:
    """Session-state changes of 'show the kecamatan of this kab/kota'."""
    return {"wilayah": kabkota, "tingkat": "kecamatan", "_map_back_level": None}


# ----------------------------------------------------------------------------- notices


def blocker(meta: dict, period: str | None, level: str, scope: str | None, lang: str) -> tuple[str, str | None] | None:
    """Why the map cannot be drawn as asked: (message, a period to offer instead or None)."""
    periods = [p for p in (meta.get("periods") or "").split(",") if p]
    name = meta["name_en"] if lang == "en" else meta["name_id"]
    if period not in periods:
        return i18n.text("map.no_period", lang, name=name, year=period, periods=", ".join(periods)), periods[-1] if periods else None
    if level == "desa" and "desa" not in (meta.get("levels") or "").split(","):
        return i18n.text("map.no_desa_data", lang), None
    if level == "desa" and not scope:
        return i18n.text("map.desa_needs_scope", lang), None
    return None


def shapes_notice(kind: str, geo_ok: bool, level: str, lang: str) -> tuple[str, str] | None:
    """('info', text) when the schematic map stands in for missing boundaries, ('caption', text)
    when it was chosen, else None."""
    if kind != "tiles":
        return None
    if geo_ok:
        return "caption", i18n.text("map.tiles_caption", lang)
    child = "desa" if level == "desa" else "kecamatan"
    return "info", i18n.text("map.tiles_notice", lang, child=i18n.text(f"map.level.{child}", lang),
                             level=i18n.text(f"map.level.{level}", lang), level_code=level)


def captions(view: View, shapes, regions: pd.DataFrame, hot: hotspots.Result | None, direction: str, lang: str) -> list[str]:
    """The notes under the map: missing shapes, how values were made, demo, hot-spot method."""
    out = []
    if shapes.kind == "geo" and len(shapes.frame) < len(regions):
        out.append(i18n.text("map.missing_shapes", lang, n=len(regions) - len(shapes.frame)))
    out += view.notes
    if hot is not None and not hot.reason:
        out.append(i18n.text(
            "map.hot.caption", lang, n=formats.number(hot.n, lang), weights=i18n.text(f"map.hot.weights.{shapes.kind}", lang),
            permutations=formats.number(hot.permutations, lang), alpha=formats.number(hot.alpha, lang, 2),
            islands=formats.number(hot.islands_linked, lang)))
    elif hot is None:
        out.append(i18n.text("map.rank_note", lang, direction=i18n.text(f"direction.{direction}", lang)))
    return out
