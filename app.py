"""The frame of the dashboard: page setup, language, shared filters, URL state, demo banner."""

import streamlit as st

from cettar import cache, i18n, ui
from cettar.paths import database_path

st.set_page_config(page_title="Dasbor Kecamatan CETTAR", layout="wide")
st.session_state["_frame"] = True  # pages check it: see ui.require_frame

# Language first: every string below depends on it. Kept in the URL as ?lang=en.
ui.restore_from_url("lang", str, allowed=i18n.LANGUAGES)
st.session_state.setdefault("lang", i18n.DEFAULT_LANGUAGE)
with st.sidebar:
    st.segmented_control(
        "Bahasa / Language",
        options=list(i18n.LANGUAGES),
        format_func=lambda code: i18n.LANGUAGES[code],
        key="lang",
    )
if st.session_state.get("lang") is None:  # a second click on the active option deselects it
    st.session_state["lang"] = i18n.DEFAULT_LANGUAGE
ui.keep_in_url("lang", ui.lang(), default=i18n.DEFAULT_LANGUAGE)

if not cache.database_ready():
    st.title(ui.t("app.title"))
    st.error(ui.t("app.no_database", path=database_path()))
    st.stop()

# Shared filters: the area (all of East Java or one kab/kota) and the year, kept in the URL.
kabkota = cache.query("frame/kabkota")
years = cache.query("frame/years")["year"].tolist()
scope_options = [""] + kabkota["code"].tolist()
names = dict(zip(kabkota["code"], kabkota["name"]))
ui.restore_from_url("wilayah", str, allowed=scope_options)
ui.restore_from_url("tahun", str, allowed=years)
with st.sidebar:
    st.subheader(ui.t("app.filters"))
    st.selectbox(
        ui.t("app.scope"),
        options=scope_options,
        format_func=ui.option_labels(scope_options, label=lambda code: names.get(code, ui.t("app.scope_all"))),
        key="wilayah",
    )
    if years:
        st.selectbox(ui.t("app.year"), options=years, key="tahun")
ui.keep_in_url("wilayah", st.session_state.get("wilayah"), default="")
ui.keep_in_url("tahun", st.session_state.get("tahun"), default=years[0] if years else None)

if int(cache.query("frame/demo_rows")["demo_rows"].iloc[0]) > 0:
    st.warning(ui.t("app.demo_banner"), icon=":material/science:")

# (script, title key, URL path): the first page is the default. A URL path must differ from
# its script's file name (see ui.require_frame; a convention test checks it).
PAGES = [
    ("pages/map.py", "nav.map", "peta"),
    ("pages/overview.py", "nav.overview", "ikhtisar"),
    ("pages/index.py", "nav.index", "indeks"),
    ("pages/awards.py", "nav.awards", "penghargaan"),
    ("pages/ppkm.py", "nav.ppkm", "koordinasi"),
    ("pages/capacity.py", "nav.capacity", "kapasitas"),
    ("pages/compare.py", "nav.compare", "bandingkan"),
    ("pages/presentation.py", "nav.presentation", "presentasi"),
    ("pages/data_sources.py", "nav.data", "data"),
]
pages = [st.Page(script, title=ui.t(title), url_path=path, default=i == 0) for i, (script, title, path) in enumerate(PAGES)]
navigation = st.navigation(pages)
with st.sidebar:
    st.caption(ui.t("app.attribution"))
with st.sidebar:  # Copy link: every page keeps its state in the URL, so the link reopens the same view.
    from html import escape

    st.html(
        f"<button class='cettar-copy-link' title='{escape(ui.t('link.help'))}' data-done='{escape(ui.t('link.copied'))}' "
        "style='font:inherit;font-size:.9rem;padding:.3rem .8rem;border:1px solid rgba(49,51,63,.3);border-radius:.5rem;"
        f"background:#fff;color:inherit;cursor:pointer'>{escape(ui.t('link.copy'))}</button><script>"
        "document.querySelectorAll('.cettar-copy-link:not([data-ready])').forEach(b => { b.dataset.ready = 1; const label = b.textContent;"
        " b.onclick = () => navigator.clipboard.writeText(location.href).then(() => { b.textContent = b.dataset.done;"
        " setTimeout(() => { b.textContent = label; }, 2500); }, () => prompt(b.title, location.href)); });</script>",
        unsafe_allow_javascript=True,
    )
navigation.run()
