"""The demo dataset: deterministic, plausible, and never mistaken for official data.

No public CETTAR indicator data exists, so the dashboard ships generated values for the
kecamatan indicators of the catalog (pillar set, 2019-2024) and demo coordination records for
the PPKM era. Every row is stored with source ``demo``; the app labels it wherever it appears.

Structure, so that maps and comparisons look like something real:
- each indicator has a province level and spread set by its catalog range;
- kab/kota in one cultural-geographic region (Mataraman, Arek, Tapal Kuda, Madura, Pantura)
  share a regional effect, and each kab/kota adds its own, so neighbours resemble each other;
- kecamatan within a kab/kota follow an autoregressive walk along their code order (adjacent
  codes are usually adjacent places), so neighbouring kecamatan resemble each other;
- kota differ from kabupaten (faster, more online, more transparent on average);
- a shared latent "capacity" ties pillars together, and each series trends towards better;
- about 4 % of values are missing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cettar.ppkm import ACTIVITY_TYPES

SEED = 2021
YEARS = list(range(2019, 2025))
MISSING_SHARE = 0.04

# Cultural-geographic regions of East Java by kab/kota code (two last digits).
REGION_GROUPS = {
    "mataraman": ["01", "02", "03", "04", "05", "06", "18", "19", "20", "21", "71", "72", "77"],
    "arek": ["07", "14", "15", "16", "17", "25", "73", "75", "76", "78", "79"],
    "tapal_kuda": ["08", "09", "10", "11", "12", "13", "74"],
    "madura": ["26", "27", "28", "29"],
    "pantura": ["22", "23", "24"],
}
GROUP_EFFECT = {"mataraman": 0.1, "arek": 0.45, "tapal_kuda": -0.2, "madura": -0.55, "pantura": -0.05}

ACTIVITY_TYPES = list(ACTIVITY_TYPES)
AGENCIES = ["camat", "puskesmas", "koramil", "polsek", "kepala_desa", "pendamping_pkh", "pendamping_desa", "satpol_pp", "bpbd"]
# Which agencies usually take part in each activity (the camat coordinates them all).
ACTIVITY_AGENCIES = {
    "forkopimcam_meeting": ["camat", "koramil", "polsek"],
    "ppkm_micro_post": ["camat", "kepala_desa", "puskesmas", "polsek", "koramil"],
    "vaccination_drive": ["camat", "puskesmas", "koramil", "polsek", "kepala_desa"],
    "public_order_operation": ["camat", "satpol_pp", "polsek", "koramil"],
    "social_aid_distribution": ["camat", "pendamping_pkh", "pendamping_desa", "kepala_desa"],
    "other": ["camat", "bpbd", "kepala_desa"],
}


def _group_of(kabkota_code: str) -> str:
    suffix = kabkota_code.split(".")[1]
    for group, members in REGION_GROUPS.items():
        if suffix in members:
            return group
    raise ValueError(f"kab/kota {kabkota_code} is in no demo region group")


def _latent_capacity(kecamatan: pd.DataFrame, rng: np.random.Generator) -> pd.Series:
    """A smooth latent score per kecamatan (mean 0, sd about 1): region + kab/kota + AR(1) walk."""
    kab_effect = {
        kab: GROUP_EFFECT[_group_of(kab)] + rng.normal(0, 0.35)
        for kab in sorted(kecamatan["kabkota_code"].unique())
    }
    values = {}
    for kab, group in kecamatan.sort_values("code").groupby("kabkota_code", sort=True):
        walk = 0.0
        for code in group["code"]:
            walk = 0.7 * walk + rng.normal(0, 0.45)
            values[code] = kab_effect[kab] + walk
    return pd.Series(values).reindex(kecamatan["code"]).set_axis(kecamatan.index)


def generate_indicator_values(regions: pd.DataFrame, catalog: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Demo values for every pillar indicator of the catalog, per kecamatan and year.

    regions: the region table (code, level, type, kabkota_code); catalog: the indicator table.
    Returns region_code, indicator_id, period, value.
    """
    rng = np.random.default_rng(seed)
    kecamatan = regions[regions["level"] == "kecamatan"].sort_values("code").reset_index(drop=True)
    kota = set(regions.loc[regions["type"] == "kota", "code"])
    is_kota = kecamatan["kabkota_code"].isin(kota).to_numpy()
    capacity = _latent_capacity(kecamatan, rng).to_numpy()
    capacity = (capacity - capacity.mean()) / capacity.std()

    frames = []
    # Indicators the dashboard derives from other values (cettar.derive) get none of their own.
    from cettar.capacity import DERIVED_IDS as service_ids

    demo_indicators = catalog[catalog["pillar"].notna() & (catalog["native_level"] == "kecamatan")
                              & ~catalog["indicator_id"].isin(service_ids)]
    for ind in demo_indicators.sort_values("indicator_id").itertuples():
        lo, hi = float(ind.min_value), float(ind.max_value)
        sign = 1.0 if ind.direction == "higher_is_better" else -1.0
        # Percent-like indicators sit mid-range; open-ended ones (time, cost, counts) low in range.
        centre = lo + (hi - lo) * (0.62 if ind.unit in ("%", "skor 0-100") else 0.12)
        spread = (hi - lo) * (0.11 if ind.unit in ("%", "skor 0-100") else 0.05)
        own = rng.normal(0, 0.6, len(kecamatan))  # indicator-specific variation around capacity
        kota_shift = 0.6 if ind.pillar in ("cepat", "efektif_efisien", "transparan") else 0.25
        base = capacity * 0.8 + own + kota_shift * is_kota
        yearly_gain = rng.uniform(0.05, 0.18)  # improvement per year, in sd units
        for i, year in enumerate(YEARS):
            noise = rng.normal(0, 0.25, len(kecamatan))
            score = base + yearly_gain * i + noise
            value = np.clip(centre + sign * spread * score, lo, hi)
            if ind.unit in ("%", "skor 0-100"):
                value = np.clip(value, lo, min(hi, 99.5))
            value = np.round(value, int(ind.decimals))
            keep = rng.random(len(kecamatan)) >= MISSING_SHARE
            frames.append(
                pd.DataFrame(
                    {
                        "region_code": kecamatan["code"].to_numpy()[keep],
                        "indicator_id": ind.indicator_id,
                        "period": str(year),
                        "value": value[keep],
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def generate_coordination_records(regions: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Demo coordination activities per kecamatan, July 2021 - July 2022 (the PPKM era).

    Activity is heavier in the second-wave months (July-September 2021) and for
    vaccination drives later in 2021. Returns the coordination_record columns (no source).
    """
    rng = np.random.default_rng(seed + 1)
    kecamatan = regions.loc[regions["level"] == "kecamatan", "code"].sort_values().to_numpy()
    days = pd.date_range("2021-07-01", "2022-07-31", freq="D")
    month = days.month.to_numpy() + 12 * (days.year.to_numpy() - 2021)
    # Relative intensity by month index (7 = Jul 2021 ... 19 = Jul 2022).
    intensity = np.interp(month, [7, 8, 9, 10, 12, 14, 16, 19], [3.0, 3.2, 2.0, 1.3, 1.0, 1.4, 0.8, 0.5])
    weights = intensity / intensity.sum()
    rows = []
    for code in kecamatan:
        n = int(rng.poisson(14))
        for day in rng.choice(days, size=n, p=weights):
            day = pd.Timestamp(day)
            late_2021 = day >= pd.Timestamp("2021-09-01") and day < pd.Timestamp("2022-01-01")
            p = np.array([0.24, 0.22, 0.26 if late_2021 else 0.12, 0.12, 0.14, 0.04])
            activity = str(rng.choice(ACTIVITY_TYPES, p=p / p.sum()))
            core = ACTIVITY_AGENCIES[activity]
            extra = [a for a in AGENCIES if a not in core and rng.random() < 0.08]
            agencies = [a for a in core if a == "camat" or rng.random() < 0.85] + extra
            rows.append(
                {
                    "kecamatan_code": code,
                    "activity_date": day.date(),
                    "activity_type": activity,
                    "agencies": ";".join(sorted(set(agencies))),
                    "participants": int(rng.integers(8, 120)),
                    "outcome": "demo",
                }
            )
    frame = pd.DataFrame(rows).sort_values(["activity_date", "kecamatan_code"], kind="stable")
    frame.insert(0, "record_id", np.arange(1, len(frame) + 1))
    return frame.reset_index(drop=True)
