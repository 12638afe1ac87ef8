"""Presentasi: a storyline of slides from live views for a big screen; PPTX, PDF, PNG and tables to take home."""

from html import escape

import streamlit as st

from cettar import cache, exports, i18n, maps, storyline, ui

ui.require_frame()

state, lang = st.session_state, ui.lang()
st.html(storyline.PAGE_CSS)
st.html(storyline.KEYS_SCRIPT, unsafe_allow_javascript=True)
catalog = cache.query("presentation/indicators")
if catalog.empty:
    st.info(ui.t("presentation.no_indicators"))
    st.stop()
ids = catalog["indicator_id"].tolist()
names = dict(zip(ids, catalog["name_en" if lang == "en" else "name_id"]))

# The presenter's choices live in the URL: the widget keys are its parameters.
ui.restore_from_url("presentasi_salindia", storyline.decode_slides)
ui.restore_from_url("presentasi_indikator", str, allowed=ids)
ui.restore_from_url("presentasi_ke", int)
state.setdefault("presentasi_salindia", list(storyline.SLIDES))
state.setdefault("presentasi_indikator", storyline.default_indicator(catalog))
# A language switch relabels the options: a widget may hand back last run's label instead of an id.
by_label = {i18n.text(f"presentation.slide.{s}", code): s for s in storyline.SLIDES for code in i18n.LANGUAGES}
state["presentasi_salindia"] = [s for s in dict.fromkeys(by_label.get(v, v) for v in state["presentasi_salindia"]) if s in storyline.SLIDES]
if state["presentasi_indikator"] not in ids:
    by_name = dict(zip(catalog["name_id"], ids)) | dict(zip(catalog["name_en"], ids))
    state["presentasi_indikator"] = by_name.get(state["presentasi_indikator"], storyline.default_indicator(catalog))
years = storyline.periods(catalog, state["presentasi_indikator"])
ui.restore_from_url("presentasi_tahun", str, allowed=years)
if state.get("presentasi_tahun") not in years:  # a year the new indicator lacks: its latest
    state["presentasi_tahun"] = years[-1]
chosen, indicator, year = list(state["presentasi_salindia"]), state["presentasi_indikator"], state["presentasi_tahun"]
total = len(chosen)
current = state["presentasi_ke"] = min(max(1, int(state.get("presentasi_ke") or 1)), max(total, 1))
for key, value, default in (("presentasi_salindia", storyline.encode_slides(chosen), storyline.encode_slides(storyline.SLIDES)),
                            ("presentasi_indikator", indicator, storyline.default_indicator(catalog)),
                            ("presentasi_tahun", year, years[-1]), ("presentasi_ke", current, 1)):
    ui.keep_in_url(key, value, default=default)
slides = cache.presentation_slides(chosen, indicator, year, lang) if total else []
slide = slides[current - 1] if slides else None
stem = f"cettar_presentasi_{year}{'_demo' if any(s.demo for s in slides) else ''}"


def go(step: int) -> None:
    state["presentasi_ke"] = min(max(1, state["presentasi_ke"] + step), max(len(state["presentasi_salindia"]), 1))


def switch_language() -> None:
    state["lang"] = state.get("presentasi_bahasa") or lang


with st.container(horizontal=True, vertical_alignment="center", gap="small", key="presentasi_bar"):
    st.button(ui.t("presentation.previous"), key="presentasi_prev", on_click=go, args=(-1,), disabled=current <= 1,
              icon=":material/arrow_back:", shortcut="Left")
    st.markdown(f"<div class='cettar-counter' title='{escape(ui.t('presentation.counter', current=current, total=total))}'>"
                f"{current} / {total}</div>", unsafe_allow_html=True)
    st.button(ui.t("presentation.next"), key="presentasi_next", on_click=go, args=(1,), disabled=current >= total,
              icon=":material/arrow_forward:", shortcut="Right")
    st.space("stretch")
    with st.popover(ui.t("presentation.setup"), icon=":material/tune:", key="presentasi_setup"):
        st.multiselect(ui.t("presentation.slides"), storyline.SLIDES, key="presentasi_salindia",
                       format_func=lambda s: ui.t(f"presentation.slide.{s}"), help=ui.t("presentation.slides_help"))
        st.selectbox(ui.t("presentation.indicator"), ids, key="presentasi_indikator", format_func=names.get)
        st.selectbox(ui.t("presentation.period"), years, key="presentasi_tahun")
        state["presentasi_bahasa"] = lang
        st.segmented_control(ui.t("presentation.language"), list(i18n.LANGUAGES), key="presentasi_bahasa",
                             format_func=i18n.LANGUAGES.get, on_change=switch_language)
        st.caption(ui.t("presentation.keys"))
        if slides:
            st.markdown(f"**{ui.t('presentation.exports')}**")
            title = ui.t("presentation.deck_title")
            st.download_button(ui.t("presentation.pptx"), data=lambda: exports.deck_pptx(slides, title), file_name=f"{stem}.pptx",
                               mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                               key="presentasi_pptx", on_click="ignore", icon=":material/slideshow:")
            st.download_button(ui.t("presentation.pdf"), data=lambda: exports.deck_pdf(slides, title), file_name=f"{stem}.pdf",
                               mime="application/pdf", key="presentasi_pdf", on_click="ignore", icon=":material/picture_as_pdf:")
            st.download_button(ui.t("presentation.png"), data=lambda: exports.slide_png(slide, current, total),
                               file_name=f"{stem}_{current}_{slide.id}.png", mime="image/png", key="presentasi_png",
                               on_click="ignore", icon=":material/image:")
            st.markdown(f"**{ui.t('presentation.table')}**")
            ui.download_table(slide.table, f"{stem}_{current}_{slide.id}", key="presentasi_table")
        st.page_link("pages/overview.py", label=ui.t("presentation.exit"), icon=":material/logout:")

if slide is None:
    st.info(ui.t("presentation.no_slides"))
    st.stop()

with st.container(horizontal=True, vertical_alignment="center", key="presentasi_head"):
    st.title(slide.title, anchor=False)
    if slide.demo:
        st.markdown(f"<div class='cettar-demo-mark'>{escape(slide.demo_mark)}</div>", unsafe_allow_html=True, width="content")
st.markdown(f"<p class='cettar-subtitle'>{escape(slide.subtitle)}</p>", unsafe_allow_html=True)
for column, item in zip(st.columns(max(len(slide.figures), 1)), slide.figures):
    column.metric(item.label, item.value)
chart, side = st.columns([2.5, 1], gap="large")
chart.plotly_chart(storyline.figure(slide, height=610), key=f"presentasi_chart_{slide.id}", theme=None,
                   config=ui.plotly_config(f"{stem}_{current}_{slide.id}", topojsonURL=maps.TOPOJSON_URL))
with side:
    if "legend" in slide.data:
        st.markdown(maps.legend_html(slide.data["legend"], slide.data["legend_title"], lang), unsafe_allow_html=True)
    st.container(key="presentasi_lines").markdown(storyline.markdown_lines(slide.lines))
st.markdown(f"<p class='cettar-footer'>{escape(slide.footer())}</p>", unsafe_allow_html=True)
