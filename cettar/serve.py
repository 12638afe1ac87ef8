"""Start the dashboard: `python -m cettar.serve [streamlit options]` (what `make run` uses).

Same as `streamlit run app.py`, except that Streamlit's compatibility path for apps with a
pages/ folder is off from the start (see cettar.ui.require_frame): without this, the first
script run of a process goes through an automatic navigation built from pages/, so the first
visitor after a start could get a "page not found" dialog or a page without the frame.
"""

from __future__ import annotations

import sys

from cettar.paths import ROOT


def main(argv: list[str] | None = None) -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
