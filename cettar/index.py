"""The CETTAR index: direction-aware normalisation, weighted pillars, coverage rules, tie-aware
ranks and a seeded Monte Carlo of the weights. Streamlit-free, vectorised with numpy.

The method is described for people in docs/INDEX_METHOD.md and configured in one versioned file,
data/cettar_index.toml (read by the build, which stores the index, and by the page, which shows
it). In short, per year:

1. every indicator becomes a 0-100 score over the kecamatan that have a value (min-max, or
   z-score after winsorising), turned round for lower_is_better indicators;
2. a pillar score is the weighted mean of the indicator scores present, if at least
   ``min_pillar`` of the pillar's indicator weight is present (weights renormalised over those);
3. the index is the weighted mean of the pillar scores, if at least ``min_overall`` of the pillar
   weight has a pillar score; otherwise the kecamatan gets no index and the reason is kept;
4. ranks use the score rounded to ``rank_decimals``; equal scores share the best rank (1, 2, 2, 4).
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from cettar.paths import DATA

CONFIG_PATH = DATA / "cettar_index.toml"
PILLARS = ("cepat", "efektif_efisien", "tanggap", "transparan", "responsif")
METHODS = ("minmax", "zscore")
REFERENCES = ("period", "pooled")
DIRECTIONS = {"higher_is_better": 1.0, "lower_is_better": -1.0}
OVERALL_ID = "indeks_cettar"
PILLAR_IDS = {p: f"indeks_pilar_{p}" for p in PILLARS}
DERIVED_IDS = (OVERALL_ID, *PILLAR_IDS.values())
# The stored index takes the weakest status among the values it is computed from.
STATUS_ORDER = ("demo", "compiled", "official")  # weakest first
DERIVED_SOURCES = {"official": "cettar_index", "compiled": "cettar_index_compiled", "demo": "cettar_index_demo"}
Z_SPAN = 3.0  # in the z-score method, -3 sd maps to 0 and +3 sd to 100
EPS = 1e-9  # tolerance for coverage shares compared with the configured minimum
YEAR = r"(19|20)\d{2}"


class ConfigError(ValueError):
    """The index configuration is invalid or does not match the indicator catalog."""


@dataclass(frozen=True)
class Sensitivity:
    draws: int = 1000
    spread: float = 0.2
    seed: int = 2021
    interval: tuple[float, float] = (5.0, 95.0)
    tail_share: float = 0.1


@dataclass(frozen=True)
class Config:
    version: str
    method: str = "minmax"
    reference: str = "period"
    winsor: tuple[float, float] = (5.0, 95.0)
    rank_decimals: int = 1
    min_pillar: float = 0.6
    min_overall: float = 1.0
    pillar_weights: dict = field(default_factory=dict)  # pillar -> relative weight
    indicator_weights: dict = field(default_factory=dict)  # pillar -> {indicator_id: relative weight}
    sensitivity: Sensitivity = Sensitivity()
    text: str = ""  # the file as read (what the page shows and caches on)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]

    @property
    def label(self) -> str:
        """Version and content hash, stored with the index in build_info."""
        return f"{self.version} ({self.digest})"

    @property
    def indicators(self) -> list[str]:
        return [i for p in PILLARS for i in self.indicator_weights.get(p, {})]

    @property
    def pillar_of(self) -> dict[str, str]:
        return {i: p for p in PILLARS for i in self.indicator_weights.get(p, {})}

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indicator weights (k), pillar weights (P) and the indicator x pillar membership (k x P)."""
        ids = self.indicators
        pillar_of = self.pillar_of
        weights = np.array([self.indicator_weights[pillar_of[i]][i] for i in ids], dtype=float)
        membership = np.array([[pillar_of[i] == p for p in PILLARS] for i in ids], dtype=float).reshape(len(ids), len(PILLARS))
        return weights, self.pillar_array(self.pillar_weights), membership

    @staticmethod
    def pillar_array(weights: dict) -> np.ndarray:
        return np.array([float(weights.get(p, 0.0)) for p in PILLARS])

    def shares(self) -> pd.DataFrame:
        """Every indicator with its pillar and its weights as shares (within pillar, in the index)."""
        w, pw, a = self.arrays()
        within = w / (a @ (a.T @ w))
        pillar_share = pw / pw.sum()
        frame = pd.DataFrame({"indicator_id": self.indicators, "pillar": [self.pillar_of[i] for i in self.indicators]})
        frame["pillar_weight"] = frame["pillar"].map(dict(zip(PILLARS, pillar_share)))
        frame["indicator_weight"] = within
        frame["index_weight"] = frame["pillar_weight"] * frame["indicator_weight"]
        return frame


def _number(value, what: str, low: float = -math.inf, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= float(value) <= high:
        raise ConfigError(f"{what} must be a number in [{low}, {high}], not {value!r}")
    return float(value)


def _pair(value, what: str) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise ConfigError(f"{what} must be two percentiles [low, high]")
    low, high = (_number(v, what, 0, 100) for v in value)
    if low >= high:
        raise ConfigError(f"{what}: low must be below high")
    return low, high


def parse_config(text: str) -> Config:
    """A checked Config from the TOML text (every choice from an allow-list)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}") from None
    if not isinstance(raw.get("version"), str) or not raw["version"].strip():
        raise ConfigError("version must be a non-empty string")
    method, reference = raw.get("method", "minmax"), raw.get("reference", "period")
    if method not in METHODS:
        raise ConfigError(f"method must be one of {METHODS}, not {method!r}")
    if reference not in REFERENCES:
        raise ConfigError(f"reference must be one of {REFERENCES}, not {reference!r}")
    decimals = raw.get("rank_decimals", 1)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 3:
        raise ConfigError("rank_decimals must be an integer 0-3")
    coverage = raw.get("coverage", {})
    pillar_weights = raw.get("pillar_weights", {})
    if set(pillar_weights) != set(PILLARS):
        raise ConfigError(f"pillar_weights must name exactly the pillars {PILLARS}")
    pillar_weights = {p: _number(pillar_weights[p], f"pillar weight {p}", 0) for p in PILLARS}
    if sum(pillar_weights.values()) <= 0:
        raise ConfigError("at least one pillar weight must be positive")
    indicator_weights, seen = {}, set()
    for pillar, weights in raw.get("indicator_weights", {}).items():
        if pillar not in PILLARS or not isinstance(weights, dict):
            raise ConfigError(f"indicator_weights.{pillar}: not a pillar")
        for indicator, weight in weights.items():
            if indicator in seen:
                raise ConfigError(f"indicator {indicator} is weighted in two pillars")
            seen.add(indicator)
            _number(weight, f"weight of {indicator}", EPS)
        indicator_weights[pillar] = {i: float(w) for i, w in weights.items()}
    empty = [p for p in PILLARS if pillar_weights[p] > 0 and not indicator_weights.get(p)]
    if empty:
        raise ConfigError(f"pillars with a weight but no indicators: {empty}")
    sens = raw.get("sensitivity", {})
    draws = sens.get("draws", 1000)
    if not isinstance(draws, int) or isinstance(draws, bool) or not 1 <= draws <= 100_000:
        raise ConfigError("sensitivity.draws must be an integer 1-100000")
    seed = sens.get("seed", 2021)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ConfigError("sensitivity.seed must be an integer")
    return Config(
        version=raw["version"].strip(),
        method=method,
        reference=reference,
        winsor=_pair(raw.get("winsor_percentiles", [5.0, 95.0]), "winsor_percentiles"),
        rank_decimals=decimals,
        min_pillar=_number(coverage.get("min_pillar", 0.6), "coverage.min_pillar", EPS, 1),
        min_overall=_number(coverage.get("min_overall", 1.0), "coverage.min_overall", EPS, 1),
        pillar_weights=pillar_weights,
        indicator_weights=indicator_weights,
        sensitivity=Sensitivity(
            draws=draws,
            spread=_number(sens.get("spread", 0.2), "sensitivity.spread", 0, 0.99),
            seed=seed,
            interval=_pair(sens.get("interval", [5.0, 95.0]), "sensitivity.interval"),
            tail_share=_number(sens.get("tail_share", 0.1), "sensitivity.tail_share", EPS, 0.5),
        ),
        text=text,
    )


def load_config(path: str | Path | None = None) -> Config:
    """The configuration in path (default: data/cettar_index.toml)."""
    return parse_config(Path(path or CONFIG_PATH).read_text(encoding="utf-8"))


def check_catalog(config: Config, catalog: pd.DataFrame) -> list[str]:
    """Where the configuration and the catalog disagree (empty when they match).

    Every configured indicator must be in the catalog under the same pillar with a known
    direction, and every pillar indicator of the catalog must be weighted in the configuration.
    """
    rows = catalog.set_index("indicator_id")
    problems = []
    for indicator, pillar in config.pillar_of.items():
        if indicator not in rows.index:
            problems.append(f"{indicator}: weighted in the index configuration but not in the catalog")
        elif rows.at[indicator, "pillar"] != pillar:
            problems.append(f"{indicator}: pillar {rows.at[indicator, 'pillar']!r} in the catalog, {pillar!r} in the configuration")
        elif rows.at[indicator, "direction"] not in DIRECTIONS:
            problems.append(f"{indicator}: unknown direction {rows.at[indicator, 'direction']!r}")
    pillared = rows.index[rows["pillar"].isin(PILLARS)]
    problems += [f"{i}: pillar indicator of the catalog without a weight in the configuration" for i in pillared if i not in config.pillar_of]
    return problems


# -- normalisation and aggregation ---------------------------------------------------------


def _normalise_column(x: np.ndarray, ref: np.ndarray, sign: float, method: str, winsor: tuple[float, float]) -> np.ndarray:
    seen = ref[~np.isnan(ref)]
    if seen.size == 0:
        return np.full(x.shape, np.nan)
    if method == "minmax":
        low, high = seen.min(), seen.max()
        if high == low:  # no spread: the indicator does not tell kecamatan apart
            return np.where(np.isnan(x), np.nan, 50.0)
        score = (x - low) / (high - low) if sign > 0 else (high - x) / (high - low)
        return np.clip(100.0 * score, 0.0, 100.0)
    low, high = np.percentile(seen, winsor)
    clipped = np.clip(seen, low, high)
    mean, sd = clipped.mean(), clipped.std()
    if sd == 0:
        return np.where(np.isnan(x), np.nan, 50.0)
    z = sign * (np.clip(x, low, high) - mean) / sd
    return np.clip(50.0 + z * 50.0 / Z_SPAN, 0.0, 100.0)


def normalise(
    values: np.ndarray,
    direction: Sequence[float],
    method: str = "minmax",
    winsor: tuple[float, float] = (0.0, 100.0),
    reference: np.ndarray | None = None,
) -> np.ndarray:
    """0-100 scores of a kecamatan x indicator matrix (NaN stays NaN), higher always better.

    reference: the values that fix each indicator's scale (default: values itself).
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    values = np.asarray(values, dtype=float)
    reference = values if reference is None else np.asarray(reference, dtype=float)
    out = np.empty_like(values)
    for j, sign in enumerate(direction):  # a loop over ~20 indicators; each column is vectorised
        out[:, j] = _normalise_column(values[:, j], reference[:, j], sign, method, winsor)
    return out


def aggregate(scores: np.ndarray, weights: np.ndarray, pillar_weights: np.ndarray, membership: np.ndarray,
              min_pillar: float, min_overall: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pillar scores (n x P), their weight coverage (n x P), the index (n) and its coverage (n)."""
    present = ~np.isnan(scores)
    weighted = weights[:, None] * membership  # k x P
    have = present @ weighted
    total = weighted.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        coverage = np.where(total > 0, have / np.where(total > 0, total, 1), 0.0)
        pillars = (np.where(present, scores, 0.0) @ weighted) / have
    pillars[(coverage + EPS < min_pillar) | (have <= 0)] = np.nan
    overall, overall_coverage = combine(pillars, pillar_weights)
    overall[overall_coverage + EPS < min_overall] = np.nan
    return pillars, coverage, overall, overall_coverage


def combine(pillars: np.ndarray, pillar_weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted mean of the pillar scores present, and the share of pillar weight present."""
    scored = ~np.isnan(pillars)
    have = scored @ pillar_weights
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = np.where(scored, pillars, 0.0) @ pillar_weights / have
    overall[have <= 0] = np.nan
    return np.clip(overall, 0.0, 100.0), have / pillar_weights.sum()


def rank_keys(scores: np.ndarray, decimals: int) -> np.ndarray:
    """Scores as integers at the ranked precision (72.46 -> 725 with one decimal)."""
    return np.rint(np.asarray(scores, dtype=float) * 10**decimals)


def competition_rank(scores: np.ndarray, decimals: int = 1) -> np.ndarray:
    """1 = best; equal rounded scores share the best rank and the next is skipped; NaN unranked."""
    scores = np.asarray(scores, dtype=float)
    ranks = np.full(scores.shape, np.nan)
    ok = ~np.isnan(scores)
    keys = rank_keys(scores[ok], decimals)
    ranks[ok] = keys.size - np.searchsorted(np.sort(keys), keys, side="right") + 1
    return ranks


def row_ranks(keys: np.ndarray) -> np.ndarray:
    """competition_rank of every row of an integer-key matrix at once (draws x kecamatan)."""
    draws, n = keys.shape
    span = keys.max() - keys.min() + 1
    shifted = (keys - keys.min()) + np.arange(draws)[:, None] * span  # rows never overlap
    flat = np.sort(shifted, axis=None)
    at_most = np.searchsorted(flat, shifted.ravel(), side="right").reshape(draws, n) - np.arange(draws)[:, None] * n
    return (n - at_most + 1).astype(np.int32)


# -- the index for every year ----------------------------------------------------------------


@dataclass
class PeriodScores:
    """The index of one period: every kecamatan, scored or not, with what it is made of."""

    period: str
    codes: np.ndarray  # n kecamatan codes
    values: np.ndarray  # n x k raw values (NaN = missing)
    scores: np.ndarray  # n x k indicator scores 0-100
    pillars: np.ndarray  # n x P pillar scores (NaN = not enough indicators)
    coverage: np.ndarray  # n x P share of pillar indicator weight present
    overall: np.ndarray  # n index (NaN = no score)
    overall_coverage: np.ndarray  # n share of pillar weight with a pillar score
    status: str  # weakest status of the inputs: official | compiled | demo
    config: Config

    @property
    def rank(self) -> np.ndarray:
        return competition_rank(self.overall, self.config.rank_decimals)

    def table(self) -> pd.DataFrame:
        """One row per kecamatan: index, rank, pillar scores, indicators present per pillar."""
        frame = pd.DataFrame({"region_code": self.codes, "score": self.overall, "rank": self.rank})
        counts = (~np.isnan(self.scores)).astype(int) @ self.config.arrays()[2].astype(int)
        for j, pillar in enumerate(PILLARS):
            frame[pillar] = self.pillars[:, j]
            frame[f"have_{pillar}"] = counts[:, j]
        frame["overall_coverage"] = self.overall_coverage
        frame["status"] = self.status
        return frame

    def gaps(self) -> pd.DataFrame:
        """Kecamatan without an index: each pillar short of the minimum, with indicators present / total."""
        _, pillar_weights, membership = self.config.arrays()
        totals = membership.sum(axis=0).astype(int)
        counts = (~np.isnan(self.scores)).astype(int) @ membership.astype(int)
        rows = []
        for i in np.flatnonzero(np.isnan(self.overall)):
            have = counts[i]
            short = [(p, int(have[j]), int(totals[j])) for j, p in enumerate(PILLARS)
                     if np.isnan(self.pillars[i, j]) and totals[j] and pillar_weights[j] > 0]
            rows.append({"region_code": self.codes[i], "indicators": int(have.sum()), "short": short})
        return pd.DataFrame(rows, columns=["region_code", "indicators", "short"])


@dataclass
class IndexResult:
    config: Config
    periods: dict[str, PeriodScores]


def _weakest(statuses) -> str:
    found = set(statuses)
    return next((s for s in STATUS_ORDER if s in found), "demo")  # unknown statuses count as demo


def compute(values: pd.DataFrame, catalog: pd.DataFrame, config: Config, kecamatan: Sequence[str] | None = None) -> IndexResult:
    """The index for every year in values.

    values: region_code, indicator_id, period, value, status (of the value's source), kecamatan
    level only; catalog: indicator_id, pillar, direction; kecamatan: every kecamatan code (those
    without any value are reported as unscored; default: the codes in values).
    """
    problems = check_catalog(config, catalog)
    if problems:
        raise ConfigError("index configuration does not match the catalog: " + "; ".join(problems))
    ids = config.indicators
    direction = catalog.set_index("indicator_id").loc[ids, "direction"].map(DIRECTIONS).to_numpy(dtype=float)
    values = values[values["indicator_id"].isin(ids) & values["period"].astype(str).str.fullmatch(YEAR)]
    codes = np.array(sorted(set(kecamatan) if kecamatan is not None else set(values["region_code"])), dtype=object)
    values = values[values["region_code"].isin(codes)]
    periods = sorted(values["period"].astype(str).unique())
    cube = np.full((len(periods), len(codes), len(ids)), np.nan)
    cube[
        pd.Index(periods).get_indexer(values["period"].astype(str)),
        pd.Index(codes).get_indexer(values["region_code"]),
        pd.Index(ids).get_indexer(values["indicator_id"]),
    ] = values["value"].to_numpy(dtype=float)
    pooled = config.reference == "pooled"
    reference = cube.reshape(-1, len(ids)) if pooled else None
    weights, pillar_weights, membership = config.arrays()
    result = {}
    for t, period in enumerate(periods):
        scores = normalise(cube[t], direction, config.method, config.winsor, reference)
        pillars, coverage, overall, overall_coverage = aggregate(
            scores, weights, pillar_weights, membership, config.min_pillar, config.min_overall
        )
        used = values["status"] if pooled else values.loc[values["period"].astype(str) == period, "status"]
        result[period] = PeriodScores(period, codes, cube[t], scores, pillars, coverage, overall, overall_coverage, _weakest(used), config)
    return IndexResult(config, result)


def derived_rows(result: IndexResult) -> pd.DataFrame:
    """The index and pillar scores as indicator_value rows, with the source their status calls for."""
    frames = []
    for period, ps in result.periods.items():
        for indicator, column in [(OVERALL_ID, ps.overall), *((PILLAR_IDS[p], ps.pillars[:, j]) for j, p in enumerate(PILLARS))]:
            keep = ~np.isnan(column)
            frames.append(pd.DataFrame({
                "region_code": ps.codes[keep], "indicator_id": indicator, "period": period,
                "value": column[keep], "source_id": DERIVED_SOURCES[ps.status],
            }))
    columns = ["region_code", "indicator_id", "period", "value", "source_id"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


# -- sensitivity ------------------------------------------------------------------------------


def reweight(ps: PeriodScores, pillar_weights: dict) -> np.ndarray:
    """The index with other pillar weights (who has a score stays as in the configuration)."""
    weights = Config.pillar_array(pillar_weights)
    if weights.sum() <= 0:
        return np.full(ps.overall.shape, np.nan)
    overall, _ = combine(ps.pillars, weights)
    overall[np.isnan(ps.overall)] = np.nan
    return overall


def rank_shift(ps: PeriodScores, pillar_weights: dict) -> pd.DataFrame:
    """Rank with the configured weights, rank with pillar_weights, and the shift (+ = moved up)."""
    new = reweight(ps, pillar_weights)
    frame = pd.DataFrame({"region_code": ps.codes, "rank": ps.rank, "score": ps.overall, "new_rank": competition_rank(new, ps.config.rank_decimals), "new_score": new})
    frame["shift"] = frame["rank"] - frame["new_rank"]
    return frame.dropna(subset=["rank"])


def draw_ranks(ps: PeriodScores, draws: int | None = None, spread: float | None = None, seed: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Ranks of the scored kecamatan under random weights (draws x n) and their codes.

    Every indicator and pillar weight is multiplied by an independent uniform draw in
    [1 - spread, 1 + spread]; who has a pillar score and an index stays as configured.
    """
    sens = ps.config.sensitivity
    draws, spread, seed = draws or sens.draws, sens.spread if spread is None else spread, sens.seed if seed is None else seed
    eligible = ~np.isnan(ps.overall)
    scores, base_pillars = ps.scores[eligible], ps.pillars[eligible]
    weights, pillar_weights, membership = ps.config.arrays()
    rng = np.random.default_rng(seed)
    w = weights * rng.uniform(1 - spread, 1 + spread, (draws, weights.size))
    pw = pillar_weights * rng.uniform(1 - spread, 1 + spread, (draws, pillar_weights.size))
    weighted = w[:, :, None] * membership[None]  # draws x k x P
    present = ~np.isnan(scores)
    with np.errstate(invalid="ignore", divide="ignore"):
        pillars = np.matmul(np.where(present, scores, 0.0), weighted) / np.matmul(present.astype(float), weighted)
    scored = ~np.isnan(base_pillars)
    pillars = np.where(scored[None], pillars, 0.0)  # draws x n x P
    overall = np.einsum("dnp,dp->dn", pillars, pw) / (scored.astype(float) @ pw.T).T
    return row_ranks(rank_keys(overall, ps.config.rank_decimals).astype(np.int64)), ps.codes[eligible]


def rank_intervals(ps: PeriodScores, draws: int | None = None, seed: int | None = None) -> pd.DataFrame:
    """Per scored kecamatan: rank, rank interval over the weight draws, and its tail group.

    group: robust_top (even the high end of the interval is in the top tenth), looks_top (ranked
    in the top tenth, but the interval leaves it), and the same for the bottom tenth.
    """
    sens = ps.config.sensitivity
    eligible = ~np.isnan(ps.overall)
    frame = pd.DataFrame({"region_code": ps.codes[eligible], "rank": ps.rank[eligible]})
    if not eligible.any():
        return frame.assign(low=[], median=[], high=[], share_top=[], share_bottom=[], group=[])
    ranks, codes = draw_ranks(ps, draws=draws, seed=seed)
    n = codes.size
    ordered = np.sort(ranks, axis=0)
    d = ordered.shape[0]
    low_q, high_q = sens.interval
    frame["low"] = ordered[int(math.floor(low_q / 100 * (d - 1)))]
    frame["median"] = np.median(ranks, axis=0)
    frame["high"] = ordered[int(math.ceil(high_q / 100 * (d - 1)))]
    cut = tail_size(n, sens.tail_share)
    bottom = n - cut + 1
    frame["share_top"] = (ranks <= cut).mean(axis=0)
    frame["share_bottom"] = (ranks >= bottom).mean(axis=0)
    top, tail = frame["rank"] <= cut, frame["rank"] >= bottom
    frame["group"] = np.select(
        [frame["high"] <= cut, top, frame["low"] >= bottom, tail],
        ["robust_top", "looks_top", "robust_bottom", "looks_bottom"],
        "",
    )
    return frame


def tail_size(n: int, share: float) -> int:
    """How many ranks make the top (or bottom) tenth of n ranked kecamatan."""
    return max(1, math.ceil(share * n - EPS)) if n else 0
