"""The classroom pack's pages and PDFs: what the student reader holds and holds back, page counts, the slides.

The pages are rendered into a temporary folder (no PDFs); the PDF tests read the pack that
``make notebooks`` built in ``_build/classroom/``, after checking that it was printed from the
pages today's sources give (skipped with the reason where it was not, and failing in CI).
"""

import html as entities
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, Page, need
from markupsafe import escape

from perucorpus.publish import classroom, editions

BUILT = ROOT / "_build" / "classroom"


def _text(page: str) -> str:
    """The visible text of a page (tags dropped, entities decoded, whitespace squeezed)."""
    page = re.sub(r"<(style|title)>.*?</\1>", "", page, flags=re.S)
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", page)))


def _latin(text: str) -> str:
    """Latin letters and digits only: pdftotext reorders Arabic and breaks lines where it likes."""
    return re.sub(r"[^A-Za-z0-9]+", "", text)


def test_five_pages_without_scripts_each_in_its_language_and_direction(pack_pages):
    folder, pages = pack_pages
    assert set(pages) == set(classroom.PAGES)
    for name, html in pages.items():
        parsed = Page()
        parsed.feed(html)
        assert parsed.scripts == [] and "script-src 'none'" in html, name
        assert not re.search(r"<[^>]+\son\w+\s*=", html), name
        assert '<html lang="en" dir="ltr">' in html, name
        assert [text for text, direction in parsed.blocks if direction != "rtl"] == [], name
        for src in parsed.images:
            assert (folder / src).is_file(), f"{name}: {src}"
    assert (folder / "fonts" / "NotoSansArabic.ttf").is_file()


def test_the_student_reader_holds_no_answer_and_the_facilitator_edition_all(pack, pack_pages):
    student, facilitator = (_text(pack_pages[1][name]) for name in ("student.html", "facilitator.html"))
    t = pack.t
    for item in pack.items:
        for text in [item.answer, item.timing, *item.misreadings]:
            plain = _text(str(classroom.environment().from_string("{{ x | mixed }}").render(x=text)))
            assert plain not in student, (item.key, plain[:60])
            assert plain in facilitator, (item.key, plain[:60])
    assert t("ui.misreadings") not in student and t("ui.misreadings") in facilitator
    assert t("ui.answer") not in student


def test_the_student_reader_holds_back_what_the_exercises_ask_for(pack, pack_pages):
    student, facilitator = (_text(pack_pages[1][name]) for name in ("student.html", "facilitator.html"))
    withheld = next(item for item in pack.exercises if item.model_translation).model_translation[0].english
    assert withheld.startswith("In addition, the United States") and withheld in pack.withheld
    for text in pack.withheld:
        assert _text(entities.escape(text)) not in student, text[:60]
        assert _text(entities.escape(text)) in facilitator, text[:60]
    assert "The White House informed the US Congress, on Thursday," in student  # a cited paragraph is printed


def test_every_question_points_to_materials_the_reader_holds(pack, pack_pages):
    student = pack_pages[1]["student.html"]
    anchors = set(re.findall(r'id="([^"]+)"', student))
    for item in pack.items:
        for material in item.materials:
            assert material.anchor in anchors, (item.key, material)
            assert f'href="#{material.anchor}"' in student


def _evidence_texts(pack):
    """For each item, texts that must appear in the student PDF for each piece of its declared evidence (Latin only)."""
    checks = {check.claim_id: check for check in pack.checks}
    passages = {(p.article_id, p.number): p for group in pack.passages.values() for p in group}
    figures = {figure.stem: figure for figure in pack.figures}
    facts = {fact.key: fact for fact in pack.facts}
    for item in pack.items:
        for name in item.evidence:
            kind, _, key = name.partition(":")
            if kind == "paragraph":
                article_id, number = key.split(":")
                passage = passages[article_id, int(number)]
                yield item.key, name, [passage.label, passage.english or pack.t("ui.not_translated")]
            elif kind in ("check", "record"):
                check = checks[key]
                yield item.key, name, [check.label, check.claim_en, check.states] + ([check.note] if kind == "check" else [])
            elif kind == "fact":
                fact = facts[key]
                yield item.key, name, [fact.label, fact.title, fact.date, fact.states, fact.derivation]
            elif kind == "figure":
                yield item.key, name, [figures[key].caption]
            elif kind == "table":
                rows = pack.table if key == "comparison" else pack.presidents
                yield (
                    item.key,
                    name,
                    [rows[0]["label" if key == "comparison" else "name"], rows[-1]["label" if key == "comparison" else "ended"]],
                )
            elif kind == "arabic":
                article_id, number = key.split(":")
                yield item.key, name, [f"¶{number}", pack.t("ui.arabic_only")]
        for check in item.inline_sources:
            yield item.key, check.claim_id, [check.claim_en] + [reference.shown_title for reference in check.references]


def test_each_declared_evidence_is_in_the_student_page(pack, pack_pages):
    student = _latin(_text(pack_pages[1]["student.html"]))
    found = 0
    for key, name, texts in _evidence_texts(pack):
        for text in texts:
            assert _latin(text) in student, (key, name, text[:60])
            found += 1
    assert found > 50


def test_a_language_without_a_catalogue_cannot_build(pack_project):
    from perucorpus.publish.catalogue import CatalogueError

    with pytest.raises(CatalogueError, match=r"fr\.toml: no such file"):
        editions.load(pack_project, "fr")


# --- the PDFs that `make notebooks` printed -----------------------------------------------------


@pytest.fixture(scope="module")
def built(root_pack):
    """``_build/classroom`` of this checkout, if it was printed from the pages today's sources give."""
    need(shutil.which("pdftotext") and shutil.which("pdfinfo"), "needs pdftotext and pdfinfo (Debian package poppler-utils)")
    need(BUILT.is_dir(), f"needs the pack built by `make notebooks` in {BUILT.relative_to(ROOT)}")
    stale = classroom.stale_pdfs(BUILT, classroom.render(root_pack))
    need(not stale, f"{', '.join(stale)} in {BUILT.relative_to(ROOT)} are older than their sources: run `make notebooks`")
    return BUILT


def _pdf_text(path, layout=False, raw=False):
    """The text of a PDF (pdftotext); ``raw``: in the order the page wrote it, so that a passage broken across two
    columns reads on (pdftotext's reading order may put the second column's start first).
    """
    command = ["pdftotext", *(["-layout"] if layout else []), *(["-raw"] if raw else []), str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _sizes(path):
    return set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", path.read_bytes()))


def test_page_counts_and_sizes(built):
    assert _pages(built / "handout.pdf") == 1
    assert _pages(built / "student.pdf") <= 8  # issue 20: a short student edition, at most 8 A4 pages
    for name in ("lesson_plan.pdf", "handout.pdf", "student.pdf", "facilitator.pdf"):
        sizes = _sizes(built / name)
        assert sizes and all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in sizes), (name, sizes)
    slides = (built / "slides.html").read_text(encoding="utf-8").count('<section class="slide')
    assert _pages(built / "slides.pdf") == slides
    for width, height in _sizes(built / "slides.pdf"):
        assert abs(float(width) / float(height) - 16 / 9) < 0.01


def test_pdfs_carry_no_build_date_or_address(built):
    for name in classroom.PDFS.values():
        data = (built / name).read_bytes()
        assert b"/CreationDate (D:00000000000000" in data, name
        assert b"file:" not in data and b"/URI" not in data, name


def test_the_student_pdf_has_no_code_paths_spans_ids_furniture_or_answers(built, root_pack):
    pack = root_pack
    text = _pdf_text(built / "student.pdf")
    flat = " ".join(text.split())
    paths = re.compile(r"(?<![\w.])[\w-]+\.(?:csv|py|ipynb|toml|md|json|html)\b")  # not a domain such as x.com.py
    assert not paths.search(flat), paths.findall(flat)
    assert "data/" not in flat and "_build" not in flat and "perucorpus" not in flat
    assert not re.search(r"¶\d+,\s*\d+–\d+", flat)  # character spans
    assert not re.search(r"\b[a-z]+20\d\d_[a-z0-9_]+\b", flat), re.findall(r"\b[a-z]+20\d\d_[a-z0-9_]+\b", flat)[:5]
    for furniture in ("Skip to the text", "loaded:", "import ", "def ", "Show the code", "Solution"):
        assert furniture not in flat, furniture
    latin = _latin(text)
    for item in pack.items:
        for answer in [item.answer, *item.misreadings, item.timing]:
            assert _latin(answer) not in latin, (item.key, answer[:60])
    for withheld in pack.withheld:
        assert _latin(withheld) not in latin, withheld[:60]
    assert pack.t("ui.misreadings") not in flat


def test_each_declared_evidence_is_in_the_student_pdf(built, root_pack):
    pack = root_pack
    latin = _latin(_pdf_text(built / "student.pdf", raw=True))
    for key, name, texts in _evidence_texts(pack):
        for text in texts:
            assert _latin(text) in latin, (key, name, text[:60])


def test_the_facilitator_pdf_holds_the_answers(built, root_pack):
    pack = root_pack
    latin = _latin(_pdf_text(built / "facilitator.pdf"))
    for item in pack.items:
        assert _latin(item.answer) in latin and all(_latin(text) in latin for text in item.misreadings), item.key


def test_the_lesson_plan_pdf_shows_the_run_sheet_adding_up_to_ninety(built, root_pack):
    pack = root_pack
    text = " ".join(_pdf_text(built / "lesson_plan.pdf").split())
    for step in pack.run_sheet:
        assert step.title in text
    assert re.search(rf"\b{pack.minutes}\s+{pack.t('ui.total')}", text)
    assert pack.t("ui.exit_ticket") in text and pack.t("ui.rubric") in text


def test_the_slides_show_arabic_quotes_and_every_question(built, root_pack):
    pack = root_pack
    slides = built / "slides.html"
    page = slides.read_text(encoding="utf-8")
    assert len(re.findall(r'<blockquote dir="rtl" lang="ar">', page)) == sum(bool(q.quote_ar) for q in pack.questions)
    latin = _latin(_pdf_text(built / "slides.pdf"))
    for question in pack.questions:
        assert _latin(question.title) in latin
    assert re.search(r"[\u0600-\u06ff]{3}", _pdf_text(built / "slides.pdf"))  # the Arabic reached the PDF as text


def test_the_lesson_plan_numbers_the_slides_as_the_deck_does(root_pack):
    """The slide numbers the lesson plan gives come from the deck rendered beside it: a slide added before the maps
    moves them in the plan too, and a text naming a slide the deck lacks cannot render.
    """
    pages = classroom.render(root_pack)
    numbers = classroom.slide_numbers(pages["slides.html"])
    assert list(numbers)[:3] == ["title", "question", "articles"] and numbers["map"] > numbers["table-1"]
    opening = _text(pages["lesson_plan.html"])
    assert numbers["map-2026"] == numbers["map"] + 1  # one map a slide
    assert f"slides {numbers['map']}, {numbers['map-2026']} and {numbers['timeline']}" in opening
    assert f"slides {numbers['table-1']} to {numbers['table-3']}" in opening  # the table's slides have a place too
    assert "{slide:" not in pages["lesson_plan.html"]
    assert classroom.with_slide_numbers("slide {slide:map}", {"title": 1, "map": 9}) == "slide 9"
    with pytest.raises(editions.PackError, match="'maps'"):
        classroom.with_slide_numbers("slide {slide:maps}", numbers)


def test_each_question_slide_gives_its_quotation_in_english_with_its_paragraph(root_pack):
    page = classroom.render(root_pack)["slides.html"]
    for question in root_pack.questions:
        section = page[page.index(f'id="slide-question-{question.key}"') :]
        section = _text(section[: section.index("</section>")])
        assert _text(str(escape(question.quote_en))) in section, question.key
        assert question.quote_label[:1].upper() + question.quote_label[1:] in section, question.key


def test_the_map_slides_show_the_maps_drawn_for_the_slide_one_a_slide(root_pack):
    """The print maps enlarged to a slide named their countries at about 9 pt; the slide shows the drawings made for
    it, one map a slide, at the width they were drawn (their text prints at the size drawn).
    """
    page = classroom.render(root_pack)["slides.html"]
    for section_id, (stem, width) in zip(("slide-map", "slide-map-2026"), classroom.SLIDES[classroom.MAPS]):
        section = page[page.index(f'id="{section_id}"') :]
        section = section[: section.index("</section>")]
        assert f'src="figures/{stem}.png"' in section and f"width: {width}mm" in section
        assert section.count("<img") == 1
    assert f'src="figures/{classroom.PRINTED[classroom.MAPS][0]}.png"' not in page


def test_every_text_of_the_source_is_shown_somewhere(pack_project, monkeypatch):
    """No dead text for translators: rendering the pack, notebook 04's sections and the reading copy's links uses every key."""
    from perucorpus.publish import catalogue

    used = set()

    class Recording(catalogue.Catalogue):
        def __call__(self, key):
            used.add(key)
            return super().__call__(key)

    english = catalogue.english(pack_project / "teaching")
    recording = Recording(english.language, english.entries, english.origin)
    monkeypatch.setattr(editions, "load_catalogue", lambda *args: recording)
    pack = editions.load(pack_project)
    classroom.render(pack)
    classroom.guide_html(pack, "question"), classroom.guide_html(pack, "exercise"), classroom.intro_html(pack, "")
    recording("ui.pack")  # the reading copy's group of links (perucorpus.publish.site)
    unused = sorted(set(english.entries) - used)
    assert unused == [], ", ".join(unused)


def test_claims_left_to_the_students_print_no_verdict_in_the_reader(pack, pack_pages):
    """Questions 4, 5 and 10 ask for verdicts: the reader prints what the references state, the facilitator the verdict."""
    student, facilitator = (_text(pack_pages[1][name]) for name in ("student.html", "facilitator.html"))
    judged = [check for check in pack.checks if check.mode == "record"]
    assert {"castillo2021_argentina_withdrew", "shield2026_absolute_resolve"} <= {check.claim_id for check in judged}
    for check in judged:
        assert _text(entities.escape(check.note)) not in student, check.claim_id
        assert _text(entities.escape(check.note)) in facilitator, check.claim_id
    assert student.index(pack.t("ui.to_judge")) > student.index(pack.t("ui.checks"))  # two sections, each its header


def test_the_articles_page_holds_every_paragraph_and_the_lesson_plan_links_it_inside_the_pack(pack, pack_pages):
    folder, pages = pack_pages
    articles = pages["articles.html"]
    assert {article["id"] for article in pack.reading} == set(pack.names)
    for article in pack.reading:
        for paragraph in article["paragraphs"]:
            assert f'id="{article["id"]}-p{paragraph["number"]}"' in articles, (article["id"], paragraph["number"])
            assert " ".join(paragraph["arabic"].split()) in _text(articles), (article["id"], paragraph["number"])
            if paragraph["translated"] and not paragraph.get("furniture_whole"):
                english = _text(str(classroom.environment().from_string("{{ x | mixed }}").render(x=paragraph["english"])))
                assert english in _text(articles), (article["id"], paragraph["number"])
    links = re.findall(r'href="([^"]+)"', pages["lesson_plan.html"])
    assert "articles.html" in links
    for href in links:
        if href.startswith("../") and href.endswith(("lesson_plan.html", "")) and "/ar/" in href:
            continue  # the twin in the other language's folder
        if not href.startswith("../html/"):
            assert (folder / href).resolve().is_relative_to(folder.resolve()), href
    for article in pack.pre_reading:
        assert f'id="{article["article"].article_id}"' in articles


def test_the_articles_page_marks_page_furniture_in_the_pages_language_not_in_build_words(pack, pack_pages):
    """The copy's date header, advertisement slots and share button: a marker in their place, ¶n kept; no word of the
    build ("clean view", "the counts") and no raw date header on the page.
    """
    page = pack_pages[1]["articles.html"]
    text = _text(page)
    for words in ("clean view", "the counts", "Page furniture", "date 2026-03-13"):
        assert words not in text, words
    marked = re.findall(r'<tr id="([\w]+-p\d+)" class="furniture">', page)
    assert marked == ["jeri2025_mnna_intent-p17", "shield2026_explainer-p8", "shield2026_explainer-p24"]
    assert text.count(pack.t("articles_page.furniture")) == 4  # the three lines and the explainer's date header


def test_an_open_verdict_has_one_wording_on_every_page(pack, pack_pages):
    """One wording for an open verdict, "still open" (exercise 3's words), in the intro and every verdict; no note repeats it."""
    assert editions.verdict_words("not_checked") == "still open" and editions.verdict_words("qualified") == "qualified"
    assert editions.verdict_note("not_checked", "Still open: no source was found.") == "No source was found."
    assert editions.verdict_note("qualified", "Still open: x") == "Still open: x"
    assert "still open" in pack.t("ui.checks_intro") and "still open" in pack.t("exercises.check_claims.task")
    for name in ("student.html", "facilitator.html"):
        text = _text(pack_pages[1][name])
        assert not re.search(r"not (?:yet )?checked|Still open: |still open\. Still open", text, re.IGNORECASE), name
    assert re.search(r"Verdict: still open\. [A-Z]", _text(pack_pages[1]["facilitator.html"]))


def test_the_english_column_isolates_its_arabic_in_either_edition():
    """Arabic words in an English note stay in the line, in the Arabic edition too (its page's filter isolates Latin)."""
    from perucorpus.publish import localised

    page = classroom.render(localised.load(ROOT, "ar"))["articles.html"]
    row = page[page.index('id="castillo2021_lima_exit-p1"') :]
    row = row[: row.index("</tr>")]
    assert '[sic: masculine <bdi dir="rtl" lang="ar">العالمي</bdi>]' in row
    english = row.split('lang="en">', 1)[1].split("</td>", 1)[0]  # the English cell, wherever its column stands
    assert '<bdi dir="ltr"' not in english.split("<details", 1)[0]


@pytest.mark.slow  # writes both editions' pages
def test_every_link_of_the_pack_and_its_arabic_edition_resolves(tmp_path):
    """Every address a page of either edition links to is a file of the pack (or of its twin edition), with the anchor
    it names. A page of the pack links nothing outside the two editions (a teacher may hand them out without the
    reading copy); only the Arabic edition's own pages link their English twins, pages of the reading copy.
    """
    from perucorpus.publish import edition, localised

    pages = {}
    for language, folder in classroom.FOLDERS.items():
        target = tmp_path / folder
        pack = localised.load(ROOT, language)
        written = classroom.write_pages(ROOT, target, pack, language=language)
        if language != "en":
            written |= edition.write(ROOT, target, pack, pack.t)
        pages |= {target / name: html for name, html in written.items()}
    for name in classroom.PDFS.values():  # the PDFs `make notebooks` prints beside each page
        for folder in classroom.FOLDERS.values():
            (tmp_path / folder / name).touch()
    reading_copy = {"index.html"} | {f"{path.stem}.html" for path in (ROOT / "notebooks").glob("*.ipynb")}
    for path, html in pages.items():
        for href in re.findall(r'href="([^"]+)"', html):
            if re.match(r"[a-z]+:", href):
                continue
            address, _, anchor = entities.unescape(href).partition("#")
            target = (path.parent / address).resolve() if address else path
            if target.parent == (tmp_path / "html").resolve():
                assert path.name in edition.PAGES and target.name in reading_copy, (path.relative_to(tmp_path), href)
                continue
            assert target.is_file(), (path.relative_to(tmp_path), href)
            if anchor:
                assert f'id="{anchor}"' in pages.get(target, ""), (path.relative_to(tmp_path), href)


def test_notebook_04s_guide_names_each_material_as_the_reader_does_its_trace_in_a_tooltip(pack):
    """The guide points to "Check 2", "Record 1", "news report ¶9", not to "claim …" or "membership:PER:…", each a
    link to its place in the student reader (which holds every material and no answer), with what it is in words in
    the tooltip; an answer has no second
    "Answer" heading under its summary.
    """
    guide = classroom.guide_html(pack, "question", prefix="pack/")
    student = classroom.render(pack)["student.html"]
    materials = [m for item in pack.questions for m in item.materials]
    assert materials
    for material in materials:
        link = f'<a href="pack/student.html#{material.anchor}" title="{escape(material.detail)}">{escape(material.label)}</a>'
        assert link in guide and f'id="{material.anchor}"' in student
    assert not re.search(r'(>|title=")\s*(claim \w+|membership:[\w:]+)', guide)  # no ids, shown or in tooltips
    assert "<h4>Answer</h4>" not in guide and guide.count("<summary>Answer</summary>") == len(pack.questions)


def test_the_student_edition_says_what_govbase_is_where_it_cites_it(pack, pack_pages):
    about = next(r.about for c in pack.checks for r in c.references if r.publisher == "GovBase")
    student = pack_pages[1]["student.html"]
    assert f'GovBase</span> <span class="about">({escape(about)})</span>' in student


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_printed_timeline_has_its_numbered_steps_written_beside_it(language, pack, arabic_pack, pack_pages, arabic_edition):
    """The printed timeline numbers its steps: the handout, the reader and the facilitator edition write each step
    out as text in the page's language under the drawing, numbered as the drawing numbers them, then the footnote;
    the slides show the timeline drawn for the screen, its steps labelled in the drawing.
    """
    key = (pack if language == "en" else arabic_pack).timeline
    pages = (pack_pages if language == "en" else arabic_edition)[1]
    drawing = f'src="figures/{classroom.PRINTED[classroom.TIMELINE][0]}.png"'
    assert len(key.steps) >= 6 and any("*" in step for step in key.steps)  # a derived date stays marked
    for name in ("handout.html", "student.html", "facilitator.html"):
        page = pages[name]
        assert page.count(drawing) == 1, name
        figure = page[page.index(drawing) : page.index("</figure>", page.index(drawing))]
        listed = re.findall(r'<li value="(\d+)">(.*?)</li>', figure)
        assert [(int(number), _text(step).strip()) for number, step in listed] == list(enumerate(key.steps, 1)), name
        assert key.footnote in _text(figure), name
        if language == "ar":
            assert all(re.search(r"[\u0600-\u06ff]", step) for step in key.steps)
    assert drawing not in pages["slides.html"]


def _numbers_in_print_order(html: str, word: str) -> list[int]:
    """The numbers of the cards headed ``word`` (a check's or a record's heading) in the order a page prints them: its
    order in the page, as the editions' two columns fill the first before the second.
    """
    return [int(number) for number in re.findall(rf"<h4>{re.escape(str(escape(word)))} (\d+) ·", html)]


@pytest.mark.parametrize("name", ["student.html", "facilitator.html"])
def test_checks_and_records_print_in_the_order_of_their_numbers(pack, pack_pages, arabic_pack, arabic_edition, name):
    """Issue 20 (cold read 8): the checks printed 1, 2, 11, 12, 3–10, so a student could not find check 11."""
    for edition, pages in ((pack, pack_pages[1]), (arabic_pack, arabic_edition[1])):
        for word, cards in ((edition.t("ui.check"), edition.checks), (edition.t("ui.fact"), edition.facts)):
            printed = _numbers_in_print_order(pages[name], word)
            assert printed == list(range(1, len(cards) + 1)), (edition.t.language, word, printed)


def _reading_order(pdf, headers: dict[str, int], headings: set[str]) -> list[int]:
    """The numbers of the cards whose heading line starts with a key of ``headers``, as a reader reads the PDF: page by
    page, and on a page section by section (a line of ``headings`` starts one), the left column before the right,
    top to bottom (pdftotext's own order mixes the columns).
    """
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(xml.split("<page ")[1:]):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        lines = [
            (float(y), float(x), " ".join(entities.unescape(w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", body)))
            for x, y, body in re.findall(r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', page, re.S)
        ]
        starts = [y for y, _, text in lines if text in headings]
        for y, x, text in lines:
            for header, card in headers.items():
                if text.startswith(header):
                    found.append(((number, sum(start <= y for start in starts), x > width / 2, y), card))
    return [card for _, card in sorted(found)]


def test_the_student_pdf_prints_checks_and_records_in_the_order_of_their_numbers(built, root_pack):
    """Issue 20 (cold read 8): the reader printed the checks 1, 2, 11, 12, 3–10, so a student could not find check 11."""
    pack, t = root_pack, root_pack.t
    headings = {t(key) for key in ("ui.checks", "ui.to_judge", "ui.facts", "ui.passages", "ui.figures")}
    for cards in (pack.checks, pack.facts):
        headers = {
            f"{card.label} · {card.article if card in pack.checks else ' '.join(card.title.split()[:3])}": int(
                card.label.split()[-1]
            )
            for card in cards
        }
        assert _reading_order(built / "student.pdf", headers, headings) == list(range(1, len(cards) + 1))


def test_an_extension_is_its_own_paragraph_in_reader_facilitator_and_slides_and_named_in_the_run_sheet(root_pack):
    """A question's extension (a task for a group with time) is printed apart from its text, not buried in it."""
    pages = classroom.render(root_pack)
    extended = [item for item in root_pack.items if item.extension]
    assert extended, "a question has an extension"
    for item in extended:
        assert item.extension not in item.text
        paragraph = f'<p class="extension">{classroom.environment().from_string("{{ x | mixed }}").render(x=item.extension)}</p>'
        for name in ("student.html", "facilitator.html", "slides.html"):
            assert paragraph in pages[name], (name, item.key)
    run_sheet = _text(pages["lesson_plan.html"])
    for item in extended:
        line = f"{item.title}, {item.minutes} {root_pack.t('ui.min')}, {root_pack.t('ui.with_extension')})"
        assert line in run_sheet, item.key


def test_every_question_slide_quotes_a_paragraph_the_student_reader_prints(root_pack):
    """A student who looks up a slide's quotation finds its paragraph, in Arabic and in English, in the reader."""
    student = classroom.render(root_pack)["student.html"]
    quoted = [question for question in root_pack.questions if question.quote_ar]
    assert quoted
    for question in quoted:
        anchor = f'id="p-{question.quote_article}-{question.quote_number}"'
        assert anchor in student, f"question {question.key!r} quotes {question.quote_label}, which the reader does not print"
        start = student.index(anchor)
        printed = _text(student[start : student.index("</div>\n</div>", start)])
        assert question.quote_ar in printed and _text(str(escape(question.quote_en))) in printed, question.key


def test_a_record_where_reports_disagree_names_every_report_in_the_reader(root_pack):
    """A record whose title says reports disagree lists each report it names (``also``) among its sources, with its date."""
    student = classroom.render(root_pack)["student.html"]
    source = editions.read_toml(ROOT / "teaching" / "classroom.toml")
    disputed = {key: entry["also"] for key, entry in source["facts"].items() if entry.get("also")}
    assert disputed
    references = editions.Data(ROOT).references
    for key, refs in disputed.items():
        start = student.index(f'id="fact-{key}"')
        record = _text(student[start : student.index("</div>", start)])
        for ref in refs:
            publisher, published = references.at[ref, "publisher"], references.at[ref, "date"]
            assert publisher.split()[0] in root_pack.t(f"facts.{key}.title"), (key, ref)
            day = editions.date_words(published, root_pack.t)
            assert f"{publisher}, {day}" in record, (key, ref)
