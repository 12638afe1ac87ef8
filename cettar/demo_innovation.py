"""Demo replications of the innovations in the registry: deterministic and labelled demo.

No public list says which regions took up which East Java innovation, so the build generates a
plausible one until official data is imported (`cettar import replications`). Every row gets
source 'demo' (queries/build/load_demo_replications.sql) and the page says demo wherever one
shows.

Structure: each named innovation is taken up by 1-4 other kab/kota, nearer ones more likely
(distance on the schematic tile layout, which follows East Java's geography; a province-wide
innovation may go anywhere), one to three years after it started or was first awarded, and
never after LAST_YEAR.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cettar import db, demo

SEED = demo.SEED + 11
MAX_ADOPTERS = 4
LAST_YEAR = 2025
COLUMNS = ["innovation_name", "origin_region_code", "adopting_region_code", "year"]


def generate_replications(innovations: pd.DataFrame, kabkota: pd.DataFrame, layout: pd.DataFrame | None = None,
                          seed: int = SEED) -> pd.DataFrame:
    """Demo rows: innovation_name, origin_region_code, adopting_region_code, year.

    innovations: name, region_code, kabkota_code, start_year, first_award_year (one row per
    innovation; placeholders already left out); kabkota: code (the candidate adopters).
    """
    rng = np.random.default_rng(seed)
    if layout is None:
        from cettar import schematic  # geopandas: imported only when a build generates demo data

        layout = schematic.read_layout()
    where = layout.set_index("code")[["col", "row"]]
    codes = sorted(kabkota["code"])
    rows = []
    for inv in innovations.sort_values(["region_code", "name"]).itertuples():
        home = inv.kabkota_code if isinstance(inv.kabkota_code, str) else None
        candidates = [c for c in codes if c != home and c != inv.region_code]
        n = min(int(rng.integers(1, MAX_ADOPTERS + 1)), len(candidates))
        if n == 0:
            continue
        if home in where.index and all(c in where.index for c in candidates):
            distance = np.hypot(*(where.loc[candidates].to_numpy() - where.loc[home].to_numpy()).T)
            weights = np.exp(-distance / 1.5)
        else:
            weights = np.ones(len(candidates))
        chosen = rng.choice(candidates, size=n, replace=False, p=weights / weights.sum())
        start = next((int(y) for y in (inv.start_year, inv.first_award_year) if pd.notna(y)), 2019)
        for code in sorted(chosen):
            year = min(start + int(rng.integers(1, 4)), max(start, LAST_YEAR))
            rows.append({"innovation_name": inv.name, "origin_region_code": inv.region_code,
                         "adopting_region_code": str(code), "year": year})
    return pd.DataFrame(rows, columns=COLUMNS)


def load_replications(con) -> int:
    """Generate the demo replications for the innovations of an open database being built, and
    insert them (source 'demo'). Returns the rows written."""
    innovations = db.execute(con, "awards/innovations", {"kabkota_codes": None})
    kabkota = db.execute(con, "awards/regions", {"map_level": "kabkota", "scope": None})
    frame = generate_replications(innovations, kabkota)
    con.register("demo_replications", frame)
    try:
        from cettar.build import run_script  # build imports this module

        run_script(con, "build/load_demo_replications")
    finally:
        con.unregister("demo_replications")
    return len(frame)
