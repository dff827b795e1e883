"""Notebook HTML: escaped, right-to-left where Arabic, no markup from the text."""

import ast
from pathlib import Path

import pandas as pd
from conftest import ROOT, tag_strings

from perucorpus.present import display

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)> **bold** بيرو"


def test_rtl_escapes_and_sets_direction():
    html = display.rtl(HOSTILE)
    assert html.startswith('<span dir="rtl" lang="ar">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rtl_block_has_one_paragraph_per_line():
    html = display.rtl_block("سطر\n\nسطر ثان").data
    assert html.count('<p dir="rtl" lang="ar">') == 2


def test_table_escapes_every_cell_and_marks_arabic_columns():
    frame = pd.DataFrame({"article": ["<b>x</b>"], "quote": [HOSTILE], "count": [3]})
    html = display.table(frame, arabic=["quote"], numeric=["count"], caption="<i>c</i>").data
    assert "<script>" not in html and "<b>x</b>" not in html and "<i>c</i>" not in html
    assert '<td dir="rtl" lang="ar">&lt;script&gt;' in html
    assert '<td align="right">3</td>' in html


def test_a_table_column_can_carry_its_cells_tooltips_from_another_column_not_shown():
    frame = pd.DataFrame({"references": ["Bloomberg, December 2025", "none"], "full": ['“A "t" <b>” (ref_id)', ""]})
    html = display.table(frame, titles={"references": "full"}).data
    assert "<th>full</th>" not in html and html.count("<th>") == 1
    assert '<td title="“A &#34;t&#34; &lt;b&gt;” (ref_id)">Bloomberg, December 2025</td>' in html
    assert "<td>none</td>" in html  # an empty tooltip is left out


def test_long_columns_can_be_printed_under_their_row_across_the_table():
    frame = pd.DataFrame({"claim": ["a", "b"], "verdict": ["qualified", "confirmed"], "note": ["<b>why</b> بيرو", ""]})
    html = display.table(frame, below=["note"]).data
    assert "<th>note</th>" not in html and html.count("<th>") == 2  # not a column: no sideways scrolling
    assert '<tr><td colspan="2"><p><b>note:</b> &lt;b&gt;why&lt;/b&gt; <bdi dir="rtl" lang="ar">بيرو</bdi></p></td></tr>' in html
    assert html.count("colspan") == 1  # an empty note adds no row


def test_article_card_escapes():
    html = display.article_card("<t>", "<s>", HOSTILE).data
    assert "<t>" not in html and "<s>" not in html and "<script>" not in html
    assert '<blockquote dir="rtl" lang="ar">' in html
    assert "<em>" not in display.article_card("t", "", "نص").data  # no empty summary line


def test_arabic_quoted_in_english_text_is_isolated_right_to_left():
    shown = display.mixed("counts Peru among them (وبخروج البيرو ... فهي تنضم) & <b>not bold</b>")
    assert '<bdi dir="rtl" lang="ar">وبخروج البيرو ... فهي تنضم</bdi>' in shown
    assert "&amp; &lt;b&gt;not bold&lt;/b&gt;" in shown
    assert display.mixed("no Arabic here") == "no Arabic here"


#: An English line quoting Arabic in guillemets, the quotation holding an inner quotation, a year and Latin letters.
QUOTING = 'The article calls it «وصف "المد الأزرق" عام 2021 (ACCC) بأنه» & more'
QUOTATION = QUOTING[QUOTING.index("«") : QUOTING.index("»") + 1]


def test_an_arabic_quotation_in_english_is_isolated_whole_with_its_guillemets():
    shown = display.mixed(QUOTING)
    assert shown == (
        'The article calls it <bdi dir="rtl" lang="ar">«وصف &#34;المد الأزرق&#34; عام 2021 (ACCC) بأنه»</bdi> &amp; more'
    )
    assert shown.count("<bdi") == 1  # one piece, never split at its inner quotation marks, digits or Latin
    # Arabic outside guillemets is still isolated run by run, and guillemets without Arabic are left alone
    assert display.mixed("«Lima» and بيرو, «x»") == '«Lima» and <bdi dir="rtl" lang="ar">بيرو</bdi>, «x»'
    two = display.mixed("«أ» then «ب»")
    assert two == '<bdi dir="rtl" lang="ar">«أ»</bdi> then <bdi dir="rtl" lang="ar">«ب»</bdi>'


#: Where each character of the quotation is drawn, in every paragraph of the page (x of its box's centre).
PLACES = """[...document.querySelectorAll('p')].map(p => {
  const find = (ch) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(ch);
      if (at < 0) continue;
      const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect(); return box.left + box.width / 2;
    }
    return null;
  };
  return {dir: p.dir, open: find('«'), first: find('و'), year: find('2'), last: find('ه'), close: find('»'),
          english: find('T'), after: find('&')};
})"""


def test_an_arabic_quotation_reads_right_to_left_with_its_marks_outside_in_both_directions(browser, tmp_path):
    """In Chromium: the opening guillemet right of the quotation's first word, the first word right of the year and the
    last word, the closing guillemet left of them all, in a left-to-right and a right-to-left paragraph, mid-line and
    at its end; the English stays outside the quotation.
    """
    line, ending = display.mixed(QUOTING), display.mixed(QUOTING.removesuffix(" & more"))
    page = tmp_path / "quotes.html"
    page.write_text(
        '<!doctype html><html lang="en"><meta charset="utf-8"><body style="font-size: 20px">'
        + "".join(f'<p dir="{d}">{text}</p>' for d in ("ltr", "rtl") for text in (line, ending)),
        encoding="utf-8",
    )
    session = browser.open(page, width=1280)
    try:
        places = browser.evaluate(session, PLACES)
    finally:
        browser.close_tab(session)
    assert len(places) == 4
    for place in places:
        assert place["open"] > place["first"] > place["year"] > place["last"] > place["close"], place
        outside = [place["english"]] + ([place["after"]] if place["after"] is not None else [])
        assert all(not place["close"] < x < place["open"] for x in outside), place


def test_display_builds_no_html_of_its_own_only_templates_do():
    source = ROOT / "src" / "perucorpus" / "present" / "display.py"
    assert tag_strings(ast.parse(source.read_text(encoding="utf-8"))) == []


def test_latin_in_arabic_text_is_isolated_left_to_right_with_its_own_quotes_and_brackets():
    shown = display.latin_isolated("يذكر موقع 800 Noticias أن <وزير> (Radio America، في 21 أغسطس 2021)")
    assert shown == (
        'يذكر موقع <bdi dir="ltr">800\u00a0Noticias</bdi> أن &lt;وزير&gt; (<bdi dir="ltr">Radio\u00a0America</bdi>، في 21 أغسطس 2021)'
    )
    # a quotation, commas and all, is one run; the Arabic comma after it and the bracket the Arabic opened stay outside
    shown = display.latin_isolated('عبارة "Peru, as a major transit country" (انظر WION: "on Tuesday (Nov 18)")، ثم')
    # a short quotation never breaks over two lines (its halves would change places); a longer run wraps in its own box
    nowrap, block = '<bdi dir="ltr" style="white-space: nowrap">', '<bdi dir="ltr" style="display: inline-block">'
    assert f"{nowrap}&#34;Peru, as a major transit country&#34;</bdi> (" in shown
    assert f"{block}WION: &#34;on Tuesday (Nov 18)&#34;</bdi>)، ثم" in shown
    long = '"' + "a quotation longer than a phrase, a passage" + '"'
    assert display.latin_isolated(f"قال {long} ثم").startswith(f"قال {block}")
    assert display.latin_isolated("انظر verdict_dates.csv).") == 'انظر <bdi dir="ltr">verdict_dates.csv</bdi>).'
    assert display.latin_isolated("لا لاتيني هنا في 2021.") == "لا لاتيني هنا في 2021."


def test_a_latin_name_leaves_the_arabic_parenthetical_after_it_outside():
    # "Name (date)": the bracket opens an Arabic date, so it is not the name's
    shown = display.latin_isolated("تقول El Reportero Andino (4 فبراير 2026) إن")
    assert shown == 'تقول <bdi dir="ltr">El\u00a0Reportero\u00a0Andino</bdi> (4 فبراير 2026) إن'
    shown = display.latin_isolated("تقول Stabroek News (21 أكتوبر 2020) إن")
    assert shown == 'تقول <bdi dir="ltr">Stabroek\u00a0News</bdi> (21 أكتوبر 2020) إن'
    # quoted Spanish is one run with both its quotation marks; the bracket after it and the ISO date are separate
    shown = display.latin_isolated('وتذكر Diario Libre تاريخ "5 de marzo de 2026" (Diario Libre، 2026-03-05)')
    assert shown == (
        'وتذكر <bdi dir="ltr">Diario\u00a0Libre</bdi> تاريخ <bdi dir="ltr" style="white-space: nowrap">&#34;5 de marzo de 2026&#34;</bdi> '
        '(<bdi dir="ltr">Diario\u00a0Libre</bdi>، <bdi dir="ltr" style="white-space: nowrap">2026-03-05</bdi>)'
    )
    shown = display.latin_isolated('المؤرخ في "14 de enero de 2026"، الذي')
    assert shown == 'المؤرخ في <bdi dir="ltr" style="white-space: nowrap">&#34;14 de enero de 2026&#34;</bdi>، الذي'
    # a source title that begins "El", in Arabic guillemets, then its publisher in an Arabic bracket
    shown = display.latin_isolated("بعنوان «El Perú, aliado principal extra-OTAN» (El Peruano، 2026).")
    assert shown == (
        'بعنوان «<bdi dir="ltr" style="display: inline-block">El Perú, aliado principal extra-OTAN</bdi>» '
        '(<bdi dir="ltr">El\u00a0Peruano</bdi>، 2026).'
    )


def test_numeric_expressions_ranges_and_iso_dates_in_arabic_are_one_left_to_right_piece():
    nowrap = '<bdi dir="ltr" style="white-space: nowrap">'
    shown = display.latin_isolated("كانتا (1.76 + 1.16) ÷ 5.26 ≈ 56% من الناتج")
    assert shown == f"كانتا {nowrap}(1.76 + 1.16) ÷ 5.26 ≈ 56%</bdi> من الناتج"
    assert display.latin_isolated("2025–26 · حكومتا") == f"{nowrap}2025–26</bdi> · حكومتا"
    assert display.latin_isolated("حصص 2024–2025.") == f"حصص {nowrap}2024–2025</bdi>."
    assert display.latin_isolated("في 2021-11-08، ثم") == f"في {nowrap}2021-11-08</bdi>، ثم"
    assert display.latin_isolated("(../html/articles.html)") == '(<bdi dir="ltr">../html/articles.html</bdi>)'
    assert display.latin_isolated("في 4 أغسطس 2021 و1.76%") == "في 4 أغسطس 2021 و1.76%"  # no expression: left alone


def test_evidence_table_escapes_every_field_of_the_model():
    claim = {
        "status": "stated",
        "position_en": HOSTILE,
        "quote_ar": HOSTILE,
        "quote_en": HOSTILE,
        "citation": "<c>",
        "source": "<s>",
        "note": HOSTILE,
        "record": HOSTILE,
    }
    gap = {**claim, "status": "not_addressed", "quote_ar": "", "quote_en": "", "citation": "", "record": ""}
    model = [
        {
            "dimension": "d",
            "order": "1",
            "label_en": "<l>",
            "question_en": "<q>",
            "eras": [{"era": "a", "label": "<a>", "claims": [claim]}, {"era": "b", "label": "<b>", "claims": [gap]}],
        }
    ]
    html = display.evidence_table(model)
    assert "<script>" not in html and "<img" not in html and "<c>" not in html and "<l>" not in html and "<s>" not in html
    assert html.count('<blockquote dir="rtl" lang="ar">&lt;script&gt;') == 1
    assert html.count('<bdi dir="rtl" lang="ar">بيرو</bdi>') == 3  # the note twice (both claims) and the record note
    assert "<hr>" not in html  # one claim per cell
    assert "What the record adds: see note [1] below." in html and "<b>[1]</b> " in html
    numbered_on = display.evidence_table(model, first=4)  # numbered on from the summary table's record notes
    assert "see note [4] below." in numbered_on and "<b>[4]</b> " in numbered_on and "[1]" not in numbered_on


def test_summary_table_escapes_every_field_of_the_model():
    cell = {
        "era": "a",
        "summary": HOSTILE,
        "short": HOSTILE,
        "sources": [{"source": "<s>", "citations": '"><x'}],
        "record": [1],
        "record_first": [1],
    }
    model = {
        "eras": [{"era": "a", "label": "<a>", "context": "<ctx>", "proof": "<p> ref_a", "flags": HOSTILE}],
        "rows": [{"dimension": "d", "label_en": "<l>", "question_en": "<q>", "cells": [cell]}],
        "facts": [{"number": 1, "text": HOSTILE, "sources": HOSTILE, "trace": HOSTILE}],
    }
    html = display.summary_table(model, "<cap>")
    assert "<script>" not in html and "<img" not in html and "<s>" not in html and "<l>" not in html and "<ctx>" not in html
    assert 'title="&#34;&gt;&lt;x"' in html and "<sup>[1]</sup>" in html and '<li value="1">' in html
    assert "<p>" not in html.split("<table")[0] and "&lt;p&gt; ref_a" in html.split("</table>")[1]  # the proof is folded
    assert "Source caveats: " in html.split("</table>")[1]  # its flags beside it, escaped like the rest


def test_summary_table_prints_a_record_note_once_and_refers_to_it_after():
    first = {"era": "a", "summary": "one", "short": "", "sources": [], "record": [1], "record_first": [1]}
    later = {"era": "b", "summary": "two", "short": "", "sources": [], "record": [1, 2], "record_first": [2]}
    model = {
        "eras": [
            {"era": "a", "label": "A", "context": "", "proof": "", "flags": ""},
            {"era": "b", "label": "B", "context": "", "proof": "", "flags": ""},
        ],
        "rows": [{"dimension": "d", "label_en": "D", "question_en": "", "cells": [first, later]}],
        "facts": [
            {"number": 1, "text": "Record: fact one.", "sources": "“T”, P, 5 March 2026", "trace": "x.csv line 2"},
            {"number": 2, "text": "Record: fact two.", "sources": "“U”, Q, undated", "trace": "x.csv line 3"},
        ],
    }
    html = display.summary_table(model, "c")
    table = html.split("</table>")[0]
    assert table.count("Record: fact one.") == 1 and table.count("Record: fact two.") == 1
    assert "Record: as in note [1]." in table
    below = html.split("</table>")[1]
    assert below.index("“T”, P, 5 March 2026") < below.index("For researchers") < below.index("x.csv line 2")


def test_bullet_list_and_sections_escape_their_text():
    assert display.bullet_list(["a <b>", "says «بيرو»"]) == (
        '<ul><li>a &lt;b&gt;</li><li>says <bdi dir="rtl" lang="ar">«بيرو»</bdi></li></ul>'
    )
    assert display.sections([("<h>", "<p>x</p>")]) == "<h2>&lt;h&gt;</h2>\n<p>x</p>"


def test_fields_label_each_value_escaped_with_arabic_right_to_left():
    record = {"quote": "<نص>", "note": "says «تعتبر» & more"}
    assert display.fields(record, ["quote", "note"], arabic=["quote"]) == (
        '<p><b>quote</b>: <span dir="rtl" lang="ar">&lt;نص&gt;</span></p>'
        '<p><b>note</b>: says <bdi dir="rtl" lang="ar">«تعتبر»</bdi> &amp; more</p>'
    )


def side_by_side_article(translated=True):
    english = HOSTILE if translated else "Not yet translated."
    paragraphs = [
        {
            "number": 1,
            "arabic": HOSTILE,
            "english": english,
            "note": "sic «نما» <b>" if translated else "",
            "furniture_note": "",
            "translated": translated,
        },
        {"number": 2, "arabic": "إعلان", "english": english, "note": "", "furniture_note": "", "translated": translated},
    ]
    return {"id": "a_1", "title": "<t>", "genre": "news", "date": "2026", "translated": translated, "paragraphs": paragraphs}


def test_side_by_side_escapes_both_languages_and_aligns_paragraph_numbers():
    html = display.side_by_side(side_by_side_article(), "<cap>", anchors=True)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<cap>" not in html
    rows = html.split("<tr")[2:]  # after the header row
    assert [row.split("</th>")[0].rsplit(">", 1)[1] for row in rows] == [
        "¶1",
        "¶2",
    ]  # one row per paragraph, both languages in it
    assert (
        '<td valign="top" dir="rtl" lang="ar">&lt;script&gt;' in rows[0]
        and '<td valign="top" dir="rtl" lang="ar">إعلان' in rows[1]
    )
    assert '<tr id="a_1-p1">' in html and 'id="' not in display.side_by_side(side_by_side_article(), "c")
    assert '<details><summary>Translation note</summary>sic <bdi dir="rtl" lang="ar">«نما»</bdi> &lt;b&gt;</details>' in rows[0]
    assert "<style" not in html and "class=" not in html.replace('class="side-by-side"', "")  # attributes only


def test_an_untranslated_article_says_so_per_paragraph_and_in_its_summary():
    article = side_by_side_article(translated=False)
    html = display.folded_articles([article]).data
    assert html.count('<td valign="top"><em>Not yet translated.</em></td>') == 2 and "Translation note" not in html
    assert html.startswith("<details><summary>&lt;t&gt; · news, 2026 · 2 paragraphs · not yet translated</summary><table")
    named = display.folded_articles([article], {article["id"]: "the 2026 news report"}).data
    assert "<caption>The 2026 news report: English and Arabic, paragraph by paragraph</caption>" in named


def test_side_by_side_summary_writes_the_date_as_readers_meet_it():
    article = {**side_by_side_article(), "date": "2021-08/2022-07", "date_basis": "inferred"}
    assert display.side_by_side_summary(article, title=False) == "news, August 2021 – July 2022 (inferred) · 2 paragraphs"


def test_the_standalone_page_takes_its_style_from_css_files_shipped_with_the_package():
    import tomllib

    root = Path(__file__).resolve().parents[1]
    templates = root / "src" / "perucorpus" / "templates"
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    for name in ("notebook.css", "print_page.css", "standalone.html.j2"):
        assert any(templates / name in (root / "src" / "perucorpus").glob(p) for p in patterns["perucorpus"]), name
    page = display.standalone_page('Peru\'s "table" <1>', "<table></table>", "a & b")
    assert (templates / "notebook.css").read_text(encoding="utf-8") in page
    assert (templates / "print_page.css").read_text(encoding="utf-8") in page
    assert "<title>Peru&#39;s &#34;table&#34; &lt;1&gt;</title>" in page and "<p>a &amp; b</p>" in page
    assert "<table></table>" in page and page.endswith("</html>\n")
