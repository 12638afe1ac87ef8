"""Matching boundary features to official Kemendagri codes (the `region` table).

A feature is matched, in this order of preference:
1. by an override (feature -> code, from an overrides CSV);
2. by a Kemendagri code field (dotted `35.01.01` or undotted `350101`);
3. by name within its parent kab/kota (or kecamatan for desa), where the parent comes from a
   BPS code (`3501010`: only the kab/kota prefix `3501` is usable, BPS kecamatan numbering
   differs from Kemendagri's), a parent code or name field, or the parent boundary that contains
   the feature; exact after normalisation first, then fuzzy (rapidfuzz) for what is left.

Nothing here reads files or databases: geodata.py passes frames in and writes the report out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

LEVELS = ("kabkota", "kecamatan", "desa")
PARENT_LEVEL = {"kecamatan": "kabkota", "desa": "kecamatan"}
UNDOTTED_DIGITS = {"kabkota": 4, "kecamatan": 6, "desa": 10}
BPS_DIGITS = {"kecamatan": 7, "desa": 10}
SEGMENTS = {2: "kabkota", 3: "kecamatan", 4: "desa"}

# Report statuses.
MATCHED, AMBIGUOUS, UNMATCHED, UNCOVERED = "matched", "ambiguous", "unmatched", "uncovered"
SKIPPED, OUTSIDE, DROPPED = "skipped", "outside", "dropped"
METHOD_RANK = {"override": 0, "code": 1, "name": 2, "fuzzy": 3}

REPORT_COLUMNS = [
    "status", "feature", "feature_name", "feature_code", "parent", "code", "official_name",
    "method", "score", "candidates", "geometry_note", "note",
]

_KABKOTA_PREFIX = re.compile(
    r"^\s*(?:(?P<kab>kabupaten|kab\.|kab\s)|(?P<kota>kota\s*madya|kodya|kota\.|kota\s|city of))\s*"
)
_KABKOTA_SUFFIX = re.compile(r"\s+(?:(?P<kab>regency)|(?P<kota>city))\s*$")
_LEVEL_PREFIX = {
    "kecamatan": re.compile(r"^\s*(?:kecamatan|kec\.|kec\s)\s*"),
    "desa": re.compile(r"^\s*(?:desa|kelurahan|kel\.|kel\s|ds\.)\s*"),
}
_TYPE_WORDS = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten", "regency": "kabupaten",
    "kota": "kota", "kotamadya": "kota", "kota madya": "kota", "kodya": "kota", "city": "kota",
}
_NAME_HINT = re.compile(r"(nama|name|^nm|wadm|namobj|kecamatan|^kec|desa|kelurahan|kab|kota)", re.I)


class MatchError(ValueError):
    """Bad input to matching (unknown field, bad override)."""


# ----------------------------------------------------------------------------------- names


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def name_key(value, level: str) -> tuple[str, str | None]:
    """(compact key, kab/kota type hint) of a region name.

    Case, accents, spaces and punctuation are ignored (`Tanah Merah`, `TanahMerah`,
    `TANAH-MERAH` give one key); `Kabupaten`/`Kab.`/`Kota` prefixes are dropped at the kab/kota
    level (and remembered as a type hint, since `Kabupaten Kediri` and `Kota Kediri` both
    exist), `Kecamatan`/`Kec.` and `Desa`/`Kelurahan` prefixes at their levels.
    """
    if _missing(value):
        return "", None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    hint = None
    if level == "kabkota":
        m = _KABKOTA_PREFIX.match(text + " ")
        if m:
            hint = "kabupaten" if m.group("kab") else "kota"
            text = text[m.end():] if m.end() <= len(text) else ""
        m = _KABKOTA_SUFFIX.search(text)
        if m:
            hint = "kabupaten" if m.group("kab") else "kota"
            text = text[: m.start()]
    elif level in _LEVEL_PREFIX:
        text = _LEVEL_PREFIX[level].sub("", text + " ", count=1)
    return re.sub(r"[^a-z0-9]", "", text), hint


def type_word(value) -> str | None:
    """'kabupaten' or 'kota' for a kab/kota type value (GADM TYPE_2 and the like), else None."""
    if _missing(value):
        return None
    return _TYPE_WORDS.get(str(value).strip().lower())


# ----------------------------------------------------------------------------------- codes


def clean_code_text(value) -> str:
    """A code value as text: `3501010.0` (a DBF number) -> `3501010`; '' for missing."""
    if _missing(value):
        return ""
    if isinstance(value, (float, np.floating)):
        if value != int(value):
            return ""
        value = int(value)
    text = str(value).strip()
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text


def dotted(digits: str) -> str:
    """Undotted Kemendagri code -> dotted (`350101` -> `35.01.01`)."""
    cuts = [2, 4, 6]
    parts, start = [], 0
    for cut in cuts:
        if len(digits) <= start:
            break
        parts.append(digits[start:cut])
        start = cut
    if len(digits) > 6:
        parts.append(digits[6:])
    return ".".join(p for p in parts if p)


def kemendagri_code(text: str) -> tuple[str, str] | None:
    """(dotted code, level) for a Kemendagri code written dotted or undotted, else None."""
    if re.fullmatch(r"\d{2}(\.\d{2}){1,2}(\.\d{4})?", text):
        return text, SEGMENTS[text.count(".") + 1]
    if text.isdigit():
        for level, n in UNDOTTED_DIGITS.items():
            if len(text) == n:
                return dotted(text), level
    return None


def bps_kabkota(text: str, level: str) -> str | None:
    """The kab/kota code (dotted) carried by a BPS code of this level (`3501010` -> `35.01`)."""
    if text.isdigit() and len(text) == BPS_DIGITS.get(level, -1):
        return f"{text[:2]}.{text[2:4]}"
    return None


# ----------------------------------------------------------------------------------- official list


@dataclass
class Official:
    """The official region list, indexed for matching."""

    regions: pd.DataFrame  # code, name, level, type, parent_code, kabkota_code

    def __post_init__(self):
        r = self.regions.copy()
        r["key"] = [name_key(n, lvl)[0] for n, lvl in zip(r["name"], r["level"])]
        self.regions = r.set_index("code", drop=False)
        self.codes = {lvl: set(g["code"]) for lvl, g in r.groupby("level")}
        self.keys = {lvl: set(g["key"]) for lvl, g in r.groupby("level")}

    def units(self, level: str) -> pd.DataFrame:
        return self.regions[self.regions["level"] == level]

    def name(self, code: str) -> str:
        return str(self.regions.at[code, "name"]) if code in self.regions.index else ""

    def exists(self, code: str, level: str) -> bool:
        return code in self.codes.get(level, set())


# ----------------------------------------------------------------------------------- fields


@dataclass
class Fields:
    """Which columns of the file carry what (None when absent)."""

    code: str | None = None
    code_kind: str | None = None  # kemendagri | bps
    name: str | None = None
    parent_code: str | None = None
    parent_name: str | None = None
    type: str | None = None  # kabupaten/kota type column

    def describe(self) -> str:
        bits = []
        if self.code:
            bits.append(f"code={self.code} ({self.code_kind})")
        if self.name:
            bits.append(f"name={self.name}")
        if self.parent_code:
            bits.append(f"parent code={self.parent_code}")
        if self.parent_name:
            bits.append(f"parent name={self.parent_name}")
        if self.type:
            bits.append(f"type={self.type}")
        return ", ".join(bits) or "none found"


def _texts(series: pd.Series) -> list[str]:
    return [t for t in (clean_code_text(v) for v in series.tolist()) if t]


def _code_scores(series: pd.Series, level: str, official: Official) -> dict[str, float]:
    """Share of non-empty values that look like, or are, each kind of code.

    shape: written like a Kemendagri code of the level; exist: an official code of the level;
    bps: a BPS code of the level (7 digits for kecamatan, 10 for desa); parent: an official code
    of a higher level.
    """
    values = _texts(series)
    if not values:
        return {}
    counts = {"shape": 0, "exist": 0, "bps": 0, "parent": 0}
    for text in values:
        k = kemendagri_code(text)
        if k and k[1] == level:
            counts["shape"] += 1
            counts["exist"] += official.exists(k[0], level)
        if bps_kabkota(text, level):
            counts["bps"] += 1
        if k and LEVELS.index(k[1]) < LEVELS.index(level) and official.exists(k[0], k[1]):
            counts["parent"] += 1
    return {kind: count / len(values) for kind, count in counts.items()}


def _is_kemendagri(score: dict) -> bool:
    # Mostly official codes; or codes of the right shape of which some are official (a file
    # for all Indonesia, or with some outdated codes).
    return score.get("exist", 0) >= 0.5 or (score.get("shape", 0) >= 0.8 and score.get("exist", 0) >= 0.05)


def _distinct_key_hits(series: pd.Series, level: str, official: Official) -> int:
    keys = {name_key(v, level)[0] for v in series.dropna().unique().tolist()}
    keys.discard("")
    return len(keys & official.keys.get(level, set()))


def detect_fields(frame: pd.DataFrame, level: str, official: Official, *, code_field: str | None = None,
                  name_field: str | None = None, parent_field: str | None = None) -> Fields:
    """Find the code, name, parent and type columns of a boundary file (explicit ones win)."""
    columns = [c for c in frame.columns if c != "geometry"]
    for given in (code_field, name_field, parent_field):
        if given and given not in columns:
            raise MatchError(f"no field {given!r} in the file (fields: {', '.join(map(str, columns))})")
    fields = Fields()

    scored = {c: _code_scores(frame[c], level, official) for c in columns}
    if code_field:
        score = scored.get(code_field) or {}
        fields.code = code_field
        fields.code_kind = "kemendagri" if _is_kemendagri(score) or not score.get("bps") else "bps"
    else:
        best = max(scored, key=lambda c: (scored[c].get("exist", 0), scored[c].get("shape", 0)), default=None)
        if best is not None and _is_kemendagri(scored[best]):
            fields.code, fields.code_kind = best, "kemendagri"
        elif level in BPS_DIGITS:
            best = max(scored, key=lambda c: scored[c].get("bps", 0), default=None)
            if best is not None and scored[best].get("bps", 0) >= 0.8:
                fields.code, fields.code_kind = best, "bps"
    if parent_field:
        is_code = (scored.get(parent_field) or {}).get("parent", 0) >= 0.5
        if is_code:
            fields.parent_code = parent_field
        else:
            fields.parent_name = parent_field
    else:
        rest = [c for c in scored if c != fields.code]
        best = max(rest, key=lambda c: scored[c].get("parent", 0), default=None)
        if best and scored[best].get("parent", 0) >= 0.5:
            fields.parent_code = best

    text_columns = [c for c in columns if c not in (fields.code, fields.parent_code)
                    and (frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c]))]
    for c in text_columns:
        values = {str(v).strip().lower() for v in frame[c].dropna().unique().tolist()}
        if values and all(v in _TYPE_WORDS for v in values):
            fields.type = c
            break
    if name_field:
        fields.name = name_field
    else:
        def score(c):
            return _distinct_key_hits(frame[c], level, official) + (0.5 if _NAME_HINT.search(str(c)) else 0)
        candidates = [c for c in text_columns if c != fields.type]
        best = max(candidates, key=score, default=None)
        if best is not None and score(best) >= 0.5:  # a known name, or at least a name-like header
            fields.name = best
    if level in PARENT_LEVEL and not parent_field and not fields.parent_code:
        candidates = [c for c in text_columns if c not in (fields.name, fields.type)]
        best_hits, best_col = 0, None
        for c in candidates:
            hits = max(_distinct_key_hits(frame[c], "kabkota", official),
                       _distinct_key_hits(frame[c], "kecamatan", official) if level == "desa" else 0)
            if hits > best_hits:
                best_hits, best_col = hits, c
        if best_col is not None and best_hits >= 1:
            fields.parent_name = best_col
    return fields


# ----------------------------------------------------------------------------------- overrides


def parse_overrides(frame: pd.DataFrame, level: str, official: Official) -> list[tuple[str, str]]:
    """Validate an overrides table: columns `feature` (name, id or #row) and `code`.

    A code may be dotted or undotted; `skip` leaves the feature out on purpose.
    """
    cols = {str(c).strip().lower(): c for c in frame.columns}
    key_col = next((cols[c] for c in ("feature", "name", "nama", "id") if c in cols), None)
    code_col = next((cols[c] for c in ("code", "kode") if c in cols), None)
    if key_col is None or code_col is None:
        raise MatchError("overrides CSV needs the columns `feature` and `code` (feature name, id or #row -> code)")
    pairs, bad = [], []
    for n, (key, code) in enumerate(zip(frame[key_col], frame[code_col]), start=2):
        key = "" if pd.isna(key) else str(key).strip()
        code = clean_code_text(code)
        if not key:
            continue
        if code.lower() in ("skip", "-"):
            pairs.append((key, "skip"))
            continue
        k = kemendagri_code(code)
        if not k or k[1] != level or not official.exists(k[0], level):
            bad.append(f"line {n}: {key!r} -> {code!r} is not a {level} code in the official list")
            continue
        pairs.append((key, k[0]))
    if bad:
        raise MatchError("bad overrides:\n  " + "\n  ".join(bad))
    return pairs


def _apply_overrides(features: pd.DataFrame, pairs: list[tuple[str, str]], level: str) -> tuple[dict[int, str], list[str], list[str]]:
    """feature position -> code (or 'skip'), the overrides applied, and warnings."""
    label_index: dict[str, set[int]] = {}
    for pos, row in enumerate(features.itertuples()):
        labels = {row.feature.lower(), str(row.feature_code).lower(), str(row.feature_name).strip().lower(), row.key}
        for label in labels:
            if label:
                label_index.setdefault(label, set()).add(pos)
    result, applied, warnings = {}, [], []
    for key, code in pairs:
        hits = label_index.get(key.lower()) or label_index.get(name_key(key, level)[0]) or set()
        if not hits:
            warnings.append(f"override {key!r} -> {code} matches no feature")
            continue
        if len(hits) > 1 and code != "skip":
            names = ", ".join(features.iloc[sorted(hits)]["feature"])
            raise MatchError(f"override {key!r} matches {len(hits)} features ({names}): use the feature column of the report (#row)")
        for pos in hits:
            result[pos] = code
            applied.append(f"{features.iloc[pos]['feature']} {key} -> {code}")
    return result, applied, warnings


# ----------------------------------------------------------------------------------- matching


@dataclass
class MatchResult:
    report: pd.DataFrame  # one row per feature, then one per uncovered official unit
    assignments: pd.Series  # feature position -> code, matched features only
    fields: Fields
    level: str
    total: int  # official units at this level
    covered: int
    overrides_applied: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.total if self.total else 0.0

    def counts(self) -> dict[str, int]:
        return self.report["status"].value_counts().to_dict()


def _candidate_text(rows: list[tuple[str, str, float | None]]) -> str:
    return "; ".join(f"{c} {n}" + (f" ({s:.0f})" if s is not None else "") for c, n, s in rows)


def match_features(
    frame: pd.DataFrame,
    level: str,
    official: Official,
    *,
    fields: Fields | None = None,
    overrides: list[tuple[str, str]] | None = None,
    spatial_parent: list | None = None,
    dropped: list | None = None,
    threshold: float = 80.0,
    margin: float = 5.0,
) -> MatchResult:
    """Match every row of `frame` (feature attributes) to a code at `level`.

    spatial_parent: per row, the code of the parent boundary containing the feature (or None),
    used when the file itself says nothing about the parent. dropped: per row, a reason when the
    feature has no usable geometry (it is reported, never matched).
    """
    if level not in LEVELS:
        raise MatchError(f"unknown level {level!r} (use one of {', '.join(LEVELS)})")
    fields = fields or detect_fields(frame, level, official)
    n = len(frame)
    feats = pd.DataFrame({"feature": [f"#{i + 1}" for i in range(n)]})
    feats["feature_name"] = ["" if pd.isna(v) else str(v) for v in frame[fields.name]] if fields.name else ""
    feats["feature_code"] = [clean_code_text(v) for v in frame[fields.code]] if fields.code else ""
    name_info = [name_key(v, level) for v in feats["feature_name"]]
    keys = [k for k, _ in name_info]
    feats["key"] = keys
    type_hints = [h for _, h in name_info]
    type_values = frame[fields.type].tolist() if fields.type else [None] * n
    if fields.type:
        type_hints = [type_word(t) or h for t, h in zip(type_values, type_hints)]
    code_texts = feats["feature_code"].tolist() if fields.code else [""] * n
    parent_codes = frame[fields.parent_code].tolist() if fields.parent_code else None
    parent_names = frame[fields.parent_name].tolist() if fields.parent_name else None

    status = [""] * n
    codes: list[str | None] = [None] * n
    method = [""] * n
    score: list[float | None] = [None] * n
    candidates = [""] * n
    notes = [""] * n
    scopes: list[list[str] | None] = [None] * n

    def add_note(i: int, text: str) -> None:
        notes[i] = f"{notes[i]}; {text}" if notes[i] else text

    override_map, applied, warnings = _apply_overrides(feats, overrides or [], level)

    # Official units of this level as plain tuples, grouped by the parent codes a scope can
    # name (kab/kota, or kecamatan for desa), with a key -> units index per scope.
    units = official.units(level)
    rows = list(zip(units["code"], units["name"], units["type"], units["key"]))
    groups: dict[str, list[int]] = {}
    for j, (kab, parent) in enumerate(zip(units["kabkota_code"], units["parent_code"])):
        groups.setdefault(kab, []).append(j)
        if parent != kab:
            groups.setdefault(parent, []).append(j)
    every = list(range(len(rows)))
    pools: dict[tuple, tuple[list[int], dict[str, list[int]]]] = {}

    def pool(scope: list[str] | None) -> tuple[list[int], dict[str, list[int]]]:
        key = tuple(scope or ())
        if key not in pools:
            members = sorted({j for p in scope for j in groups.get(p, [])}) if scope else every
            index: dict[str, list[int]] = {}
            for j in members:
                index.setdefault(rows[j][3], []).append(j)
            pools[key] = (members, index)
        return pools[key]

    parent_index: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for plevel in ("kabkota", "kecamatan"):
        pu = official.units(plevel)
        index: dict[str, list[tuple[str, str]]] = {}
        for code, typ, key in zip(pu["code"], pu["type"], pu["key"]):
            index.setdefault(key, []).append((code, typ))
        parent_index[plevel] = index

    def parent_scope(i: int) -> list[str] | None:
        """Parent codes a feature must lie in, from its parent code/name fields or the map."""
        if parent_codes is not None:
            k = kemendagri_code(clean_code_text(parent_codes[i]))
            if k and official.exists(k[0], k[1]):
                return [k[0]]
        if parent_names is not None:
            for plevel in (["kecamatan", "kabkota"] if level == "desa" else ["kabkota"]):
                key, hint = name_key(parent_names[i], plevel)
                hits = parent_index[plevel].get(key) if key else None
                if not hits:
                    continue
                if plevel == "kabkota" and fields.type:
                    hint = type_word(type_values[i]) or hint
                typed = [c for c, t in hits if t == hint] if plevel == "kabkota" and hint else []
                return typed or [c for c, _ in hits]
        if spatial_parent is not None and isinstance(spatial_parent[i], str) and spatial_parent[i]:
            return [spatial_parent[i]]
        return None

    pending = []  # features left for fuzzy matching
    for i in range(n):
        if dropped is not None and isinstance(dropped[i], str) and dropped[i]:
            status[i] = DROPPED
            add_note(i, dropped[i])
            continue
        if i in override_map:
            if override_map[i] == "skip":
                status[i], method[i] = SKIPPED, "override"
                add_note(i, "left out by override")
            else:
                status[i], codes[i], method[i] = MATCHED, override_map[i], "override"
            continue
        scope = None
        text = code_texts[i]
        if fields.code and text:
            if fields.code_kind == "kemendagri":
                k = kemendagri_code(text)
                if k and k[1] == level and official.exists(k[0], level):
                    status[i], codes[i], method[i] = MATCHED, k[0], "code"
                    continue
                if k and not k[0].startswith("35"):
                    status[i] = OUTSIDE
                    add_note(i, f"code {text} is outside province 35")
                    continue
                if k:
                    scope = [k[0][:5]] if official.exists(k[0][:5], "kabkota") else None
                    add_note(i, f"code {text} is not a {level} code in the official list; matched by name")
            else:
                kab = bps_kabkota(text, level)
                if kab and not kab.startswith("35"):
                    status[i] = OUTSIDE
                    add_note(i, f"BPS code {text} is outside province 35")
                    continue
                if kab and official.exists(kab, "kabkota"):
                    scope = [kab]
        if level in PARENT_LEVEL:
            narrower = parent_scope(i)
            if narrower and scope:
                scope = [p for p in narrower if any(p == s or p.startswith(s + ".") for s in scope)] or scope
            elif narrower:
                scope = narrower
        scopes[i] = scope
        key = keys[i]
        if not key:
            status[i] = UNMATCHED
            add_note(i, "no name and no usable code")
            continue
        hits = pool(scope)[1].get(key, [])
        if level == "kabkota" and type_hints[i]:
            hits = [j for j in hits if rows[j][2] == type_hints[i]] or hits
        if len(hits) == 1:
            status[i], codes[i], method[i] = MATCHED, rows[hits[0]][0], "name"
        elif hits:
            status[i] = AMBIGUOUS
            candidates[i] = _candidate_text([(rows[j][0], rows[j][1], 100.0) for j in hits])
            add_note(i, "same name in several places: add a parent field or an override")
        else:
            pending.append(i)

    taken = {c for c in codes if c}
    for i in pending:
        members = pool(scopes[i])[0]
        free = [j for j in members if rows[j][0] not in taken]
        ranked = process.extract(keys[i], [rows[j][3] for j in free], scorer=fuzz.ratio, limit=3) if free else []
        best = [(rows[free[pos]][0], rows[free[pos]][1], s) for _, s, pos in ranked]
        # The report shows the closest names in scope, also those another feature already has.
        closest = process.extract(keys[i], [rows[j][3] for j in members], scorer=fuzz.ratio, limit=3) if members else []
        candidates[i] = _candidate_text([(rows[members[pos]][0], rows[members[pos]][1], s) for _, s, pos in closest])
        if ranked and ranked[0][1] >= threshold and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= margin):
            status[i], codes[i], method[i], score[i] = MATCHED, best[0][0], "fuzzy", round(ranked[0][1], 1)
        elif ranked and ranked[0][1] >= threshold:
            status[i], score[i] = AMBIGUOUS, round(ranked[0][1], 1)
            add_note(i, "several names are equally close")
        else:
            status[i] = UNMATCHED
            score[i] = round(ranked[0][1], 1) if ranked else None

    # Several features on one code: parts of one unit (matched by code, or with the same name)
    # are merged; otherwise the best match keeps the code and the others become ambiguous.
    by_code: dict[str, list[int]] = {}
    for i, c in enumerate(codes):
        if c and status[i] == MATCHED:
            by_code.setdefault(c, []).append(i)
    for code, members in by_code.items():
        if len(members) < 2:
            continue
        if {method[i] for i in members} <= {"code", "override"} or len({keys[i] for i in members}) == 1:
            for i in members:
                add_note(i, f"{len(members)} features merged into {code}")
            continue
        members.sort(key=lambda i: (METHOD_RANK[method[i]], -(score[i] or 100)))
        for i in members[1:]:
            status[i] = AMBIGUOUS
            candidates[i] = candidates[i] or _candidate_text([(code, official.name(code), score[i])])
            add_note(i, f"{code} is already matched by {feats.at[members[0], 'feature']}")
            codes[i] = None

    report = pd.DataFrame({
        "status": status,
        "feature": feats["feature"],
        "feature_name": feats["feature_name"],
        "feature_code": feats["feature_code"],
        "parent": [";".join(s) if s else "" for s in scopes],
        "code": [c or "" for c in codes],
        "official_name": [official.name(c) if c else "" for c in codes],
        "method": method,
        "score": score,
        "candidates": candidates,
        "geometry_note": "",
        "note": notes,
    })
    assignments = report.loc[report["status"] == MATCHED, "code"]
    covered_codes = set(assignments)
    missing = units[~units["code"].isin(covered_codes)]
    uncovered = pd.DataFrame({
        "status": UNCOVERED, "feature": "", "feature_name": "", "feature_code": "",
        "parent": missing["parent_code"].fillna("").tolist(), "code": missing["code"].tolist(),
        "official_name": missing["name"].tolist(), "method": "", "score": None, "candidates": "",
        "geometry_note": "", "note": "no feature covers this official unit",
    })
    if len(uncovered):
        report = pd.concat([report, uncovered], ignore_index=True)
    return MatchResult(
        report=report[REPORT_COLUMNS], assignments=assignments, fields=fields, level=level, total=len(units),
        covered=len(covered_codes), overrides_applied=applied, warnings=warnings,
    )
