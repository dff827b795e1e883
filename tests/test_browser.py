"""The reading copy and the classroom pack's pages in a real browser (headless Chromium, one per session).

On every page: Arabic laid out right to left (computed direction, alignment and where the text
starts), no script, no serious or critical axe-core violation; on the reading copy's pages, the
contents' links resolve, the contents beside the text on a wide screen and above it on a phone,
and the print stylesheet. Skipped with the reason where Chromium (Debian ``chromium``) or
axe-core (``npm ci``) is missing, except in CI (``CI=true``), where ``.ci/run`` installs them and a
missing one fails. The pack's PDFs are tested in ``test_classroom.py``.
"""

import json

import pytest
from conftest import ROOT, need

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def html_pages(built_site):
    return sorted(path for path in built_site[1] if path.suffix == ".html")


RTL = """(() => {
  const wrong = []; let checked = 0, placed = 0;
  for (const el of document.querySelectorAll('[dir=rtl]')) {
    if (!/[\\u0600-\\u06ff]/.test(el.textContent)) continue;
    checked++;
    const style = getComputedStyle(el), block = !style.display.startsWith('inline');
    const what = el.tagName + ': ' + el.textContent.trim().slice(0, 30);
    if (style.direction !== 'rtl') wrong.push('direction ' + style.direction + ' ' + what);
    if (block && !['right', 'start'].includes(style.textAlign)) wrong.push('text-align ' + style.textAlign + ' ' + what);
    if (!block) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);   // its first Arabic line of its own
    let text = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let parent = node.parentElement;
      while (parent !== el && getComputedStyle(parent).display.startsWith('inline')) parent = parent.parentElement;
      if (parent === el && /[\u0600-\u06ff]/.test(node.data)) { text = node; break; }
    }
    if (!text) continue;
    const range = document.createRange(); range.selectNodeContents(text);
    const first = range.getClientRects()[0], box = el.getBoundingClientRect();
    if (first && box.width > 0 && range.getClientRects().length === 1 && first.width < box.width * 0.6) {   // a short line: it must end at the right
      placed++;
      const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      if (Math.abs(right - first.right) > 4 && !el.querySelector('.paragraph-number'))
        wrong.push('starts at ' + Math.round(first.right) + ' not ' + Math.round(right) + ' ' + what);
    }
  }
  return {checked, placed, wrong};
})()"""

INERT = """({scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
  javascript: document.querySelectorAll('a[href^="javascript:"], [src^="javascript:"]').length,
  policy: !!document.querySelector('meta[http-equiv="Content-Security-Policy"][content*="script-src \\'none\\'"]')})"""

LAYOUT = """(() => { const nav = document.querySelector('nav.contents').getBoundingClientRect(),
  main = document.querySelector('main').getBoundingClientRect();
  return {navRight: nav.right, navBottom: nav.bottom, mainLeft: main.left, mainTop: main.top,
          overflow: document.documentElement.scrollWidth - innerWidth,
          sections: [...document.querySelectorAll('nav.contents a[href^="#"]')]
                      .filter(a => !document.getElementById(a.hash.slice(1)) && !document.getElementById(decodeURIComponent(a.hash.slice(1))))
                      .map(a => a.hash)}; })()"""

PRINT = """(() => { const shown = sel => [...document.querySelectorAll(sel)].filter(el => getComputedStyle(el).display !== 'none').length;
  const link = document.querySelector('main a[href$=".html"]');
  const h2 = [...document.querySelectorAll('main h2')];
  return {nav: shown('nav.contents'), code: shown('details.code'),
          breaks: h2.filter(h => getComputedStyle(h).breakBefore === 'page').length, h2: h2.length,
          after: link ? getComputedStyle(link, '::after').content : null}; })()"""


AXE_RUN = """axe.run(document, {resultTypes: ['violations']}).then(result =>
  result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"""


@pytest.fixture(scope="module")
def reports(browser, html_pages):
    """What every page looks like at a desktop width, at a phone width and in print, and what axe-core finds on it.

    All pages are open at once, so that axe-core runs on them side by side.
    """
    axe = AXE.read_text(encoding="utf-8") if AXE.is_file() else None
    sessions = {path.name: browser.open(path, width=1280) for path in html_pages}
    found = {}
    for name, session in sessions.items():
        found[name] = dict(zip(("rtl", "inert", "desktop"), (browser.evaluate(session, js) for js in (RTL, INERT, LAYOUT))))
        if axe:
            browser.evaluate(session, axe + f"\n;window.axeResult = {AXE_RUN}; true")
    for name, session in sessions.items():
        found[name]["axe"] = browser.evaluate(session, "window.axeResult") if axe else None
        browser.send("Emulation.setEmulatedMedia", session, media="print")
        found[name]["print"] = browser.evaluate(session, PRINT)
        browser.send("Emulation.setEmulatedMedia", session, media="")
        browser.resize(session, 390, 844)
        found[name]["phone"] = browser.evaluate(session, LAYOUT)
        browser.close_tab(session)
    return found


def test_arabic_is_laid_out_right_to_left_on_every_page(reports):
    for name, report in reports.items():
        assert report["rtl"]["wrong"] == [], name
    assert sum(report["rtl"]["checked"] for report in reports.values()) > 300
    assert sum(report["rtl"]["placed"] for report in reports.values()) > 100  # the position check really ran


def test_no_script_can_run_on_any_page(reports):
    for name, report in reports.items():
        assert report["inert"] == {"scripts": 0, "handlers": 0, "javascript": 0, "policy": True}, name


def test_contents_beside_the_text_on_a_desktop_and_above_it_on_a_phone(reports):
    for name, report in reports.items():
        desktop, phone = report["desktop"], report["phone"]
        assert desktop["navRight"] <= desktop["mainLeft"] + 1, name
        assert phone["navBottom"] <= phone["mainTop"] + 1, name
        assert phone["overflow"] <= 0, f"{name}: {phone['overflow']} px wider than a phone"
        assert desktop["sections"] == [], f"{name}: contents link to missing sections"


def test_print_drops_navigation_and_code_and_breaks_before_sections(reports):
    for name, report in reports.items():
        printed = report["print"]
        assert printed["nav"] == 0 and printed["code"] == 0, name
        if printed["h2"] > 1:
            assert printed["breaks"] >= printed["h2"] - 1, name
    printed = reports["index.html"]["print"]
    assert printed["after"] and ".html" in printed["after"]  # link targets printed after their text


def test_no_serious_or_critical_accessibility_violation(reports):
    need(AXE.is_file(), f"needs axe-core in {AXE.relative_to(ROOT)} (npm ci)")
    found = {name: report["axe"] for name, report in reports.items() if report["axe"]}
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


#: How far the page scrolls sideways (CSS pixels past the width it is shown in; 0 when it has no horizontal scrollbar).
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def pack_reports(browser, pack_pages):
    """Direction, inertness and axe-core's findings on each page of the classroom pack."""
    axe = AXE.read_text(encoding="utf-8") if AXE.is_file() else None
    folder, pages = pack_pages
    found = {}
    for name in pages:
        session = browser.open(folder / name, width=1280)
        found[name] = {
            "rtl": browser.evaluate(session, RTL),
            "inert": browser.evaluate(session, INERT),
            "sideways": browser.evaluate(session, SIDEWAYS),
        }
        if axe:
            found[name]["axe"] = browser.evaluate(session, axe + f"\n;{AXE_RUN}")
        browser.close_tab(session)
    return found


def test_the_packs_pages_set_arabic_right_to_left_run_no_script_and_pass_axe(pack_reports):
    for name, report in pack_reports.items():
        assert report["rtl"]["wrong"] == [], name
        assert report["inert"] == {"scripts": 0, "handlers": 0, "javascript": 0, "policy": True}, name
    assert pack_reports["student.html"]["rtl"]["checked"] > 20 and pack_reports["slides.html"]["rtl"]["checked"] >= 11
    need(AXE.is_file(), f"needs axe-core in {AXE.relative_to(ROOT)} (npm ci)")
    found = {name: report["axe"] for name, report in pack_reports.items() if report["axe"]}
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


DIRECTION = "getComputedStyle(document.documentElement).direction + ' ' + document.documentElement.lang"
#: The slides whose content runs past their bottom edge (each slide is one printed page and hides what overflows).
CUT = """[...document.querySelectorAll('.slide')].filter(slide => { const bottom = slide.getBoundingClientRect().bottom;
  return [...slide.querySelectorAll('*')].some(el => el.getBoundingClientRect().bottom > bottom + 1); }).map(slide => slide.id)"""


@pytest.fixture(scope="module")
def arabic_reports(browser, arabic_edition):
    """Direction (of the page and of every Arabic block), inertness and axe-core's findings on the Arabic edition."""
    axe = AXE.read_text(encoding="utf-8") if AXE.is_file() else None
    folder, pages = arabic_edition
    found = {}
    for name in pages:
        session = browser.open(folder / name, width=1280)
        found[name] = {
            "page": browser.evaluate(session, DIRECTION),
            "rtl": browser.evaluate(session, RTL),
            "inert": browser.evaluate(session, INERT),
            "sideways": browser.evaluate(session, SIDEWAYS),
        }
        if name == "slides.html":
            browser.send("Emulation.setEmulatedMedia", session, media="print")
            found[name]["cut"] = browser.evaluate(session, CUT)
            browser.send("Emulation.setEmulatedMedia", session, media="")
        if axe:
            found[name]["axe"] = browser.evaluate(session, axe + f"\n;{AXE_RUN}")
        browser.close_tab(session)
    return found


def test_neither_slide_deck_scrolls_sideways_on_a_1280_pixel_screen(pack_reports, arabic_reports):
    """The slides (English, and Arabic laid out right to left) fit a 1280 px wide window: no horizontal scrollbar."""
    assert pack_reports["slides.html"]["sideways"] <= 0, "English slides"
    assert arabic_reports["slides.html"]["sideways"] <= 0, "Arabic slides"


def test_no_arabic_slide_is_cut_off_at_its_bottom_edge(arabic_reports):
    assert arabic_reports["slides.html"]["cut"] == []


def test_the_arabic_edition_is_right_to_left_runs_no_script_and_passes_axe(arabic_reports):
    assert {"index.html", "guide.html", "glossary.html", "student.html", "slides.html"} <= set(arabic_reports)
    for name, report in arabic_reports.items():
        assert report["page"] == "rtl ar", name
        assert report["rtl"]["wrong"] == [], name
        assert report["inert"] == {"scripts": 0, "handlers": 0, "javascript": 0, "policy": True}, name
    need(AXE.is_file(), f"needs axe-core in {AXE.relative_to(ROOT)} (npm ci)")
    found = {name: report["axe"] for name, report in arabic_reports.items() if report["axe"]}
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
