"""The Arabic edition of the pack: its catalogue in step with the English, its pages Arabic and right to left."""

import html
import re
import shutil

import pytest
from conftest import ROOT
from markupsafe import escape

from perucorpus.publish import catalogue, classroom, edition, localised, site
from perucorpus.publish.catalogue import MissingText

ARABIC = ROOT / "teaching" / "ar.toml"


@pytest.fixture(scope="module")
def english():
    """The English source of a translation: the teaching texts and the data's texts."""
    return localised.english(ROOT)


def test_the_arabic_catalogue_is_in_step_with_the_english_source(english, collection):
    assert catalogue.stale(ARABIC, english) == []
    assert {key for key in english.entries if key.startswith("data.claim.")}, "the checks' texts are keyed"
    notes = {localised.note_key(row.article_id, row.paragraph) for row in collection.translations.itertuples() if row.note}
    assert len(notes) > 40 and {key for key in english.entries if key.startswith("data.translation.")} == notes


def test_a_stale_arabic_entry_fails_the_sync_check(english, tmp_path):
    """A planted change of the English an entry records (as if the English had changed since) is caught."""
    copy = tmp_path / "ar.toml"
    text = ARABIC.read_text(encoding="utf-8")
    key = "questions.reversal.title"
    planted = text.replace(f'source = "{english(key)}"', 'source = "Continuity, or rupture?"', 1)
    assert planted != text
    copy.write_text(planted, encoding="utf-8")
    problems = catalogue.stale(copy, english)
    assert len(problems) == 1 and f"'{key}' translates an older English text" in problems[0]
    # and a change in the data a page prints: the English of a check's 'what the references state'
    changed = english
    states = next(k for k in changed.entries if k.endswith(".states"))
    entries = dict(changed.entries) | {states: changed(states) + " (updated)"}
    problems = catalogue.stale(ARABIC, catalogue.Catalogue("en", entries, changed.origin))
    assert problems == [
        f"{ARABIC}:{_line(ARABIC, states)}: '{states}' translates an older English text; re-translate it and update its source"
    ]


def _line(path, key):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line == f'[entries."{key}"]')


@pytest.mark.parametrize("key", ["data.verdict.confirmed", "data.translation.jeri2025_mnna_intent.1.note"])
def test_a_missing_arabic_key_is_an_error_never_english(pack_project, tmp_path, key):
    root = tmp_path / "project"
    root.mkdir()
    for folder in ("data", "figures"):
        (root / folder).symlink_to(pack_project / folder)
    shutil.copytree(ROOT / "teaching", root / "teaching")
    text = (root / "teaching" / "ar.toml").read_text(encoding="utf-8")
    cut = re.sub(rf'\[entries\."{re.escape(key)}"\]\nsource = .*\ntext = .*\n', "", text)
    assert cut != text
    (root / "teaching" / "ar.toml").write_text(cut, encoding="utf-8")
    with pytest.raises(MissingText, match=re.escape(key)):
        localised.load(root, "ar")


def test_a_changed_translation_note_fails_the_sync_check_until_its_arabic_is_re_synced(tmp_path):
    import json

    from perucorpus.base.tables import edit_rows

    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    for folder in ("teaching", "figures"):
        (root / folder).symlink_to(ROOT / folder)
    key = localised.note_key("jeri2025_mnna_intent", 2)
    old = []

    def change(rows):
        row = next(row for row in rows if (row["article_id"], row["paragraph"]) == ("jeri2025_mnna_intent", "2"))
        old.append(row["note"])
        row["note"] += " The day is not dated."

    edit_rows(root / "data" / "translations.csv", change)
    english = localised.english(root)
    assert english(key) == old[0] + " The day is not dated."
    assert catalogue.stale(ARABIC, english) == [
        f"{ARABIC}:{_line(ARABIC, key)}: '{key}' translates an older English text; re-translate it and update its source"
    ]
    # re-synced (its source updated with its text): in step again
    text = ARABIC.read_text(encoding="utf-8")
    recorded = f"source = {json.dumps(old[0], ensure_ascii=False)}"
    assert text.count(recorded) == 1
    copy = tmp_path / "ar.toml"
    copy.write_text(text.replace(recorded, f"source = {json.dumps(english(key), ensure_ascii=False)}"), encoding="utf-8")
    assert catalogue.stale(copy, english) == []


#: Latin text an Arabic page may hold: what is marked as another language or as published (titles, publishers and
#: addresses of references), the articles' own words (passages, quotations) and what is quoted ("…").
ALLOWED = re.compile(
    r'<(\w+)[^>]*\b(?:lang="(?!ar)[a-z]+"|class="[^"]*\b(?:published|ar)\b[^"]*")[^>]*>.*?</\1>|<blockquote\b.*?</blockquote>',
    re.S,
)


def latin_words(page: str, names: set[str]) -> list[str]:
    """The Latin words of an Arabic page that are neither marked, quoted nor a published name in ``names``."""
    body = re.sub(r"<(style|head)\b.*?</\1>", "", page, flags=re.S)
    body = ALLOWED.sub(" ", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    text = re.sub(r'"[^"]*"', " ", text)
    return [word for word in re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", text) if word.lower() not in names]


@pytest.fixture(scope="module")
def published_names():
    """Every word of the references' titles, publishers and addresses and of the articles' outlets (names as published), lower case."""
    import csv

    with open(ROOT / "data" / "references.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(ROOT / "data" / "articles.csv", encoding="utf-8") as handle:  # the articles' outlets, as published
        outlets = list(csv.DictReader(handle))
    return {
        word.lower()
        for row in rows
        for field in ("title", "publisher", "url", "ref_id")
        for word in re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", row[field])
    } | {
        word.lower()
        for row in outlets
        for field in ("publisher", "url")
        for word in re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", row[field])
    }


@pytest.fixture(scope="module")
def arabic_pages(pack_project, tmp_path_factory):
    target = tmp_path_factory.mktemp("ar") / "ar"
    return classroom.write_pages(pack_project, target, language="ar")


def test_every_arabic_page_is_arabic_and_right_to_left(arabic_pages, published_names):
    assert set(arabic_pages) == set(classroom.PAGES)
    for name, page in arabic_pages.items():
        assert '<html lang="ar" dir="rtl">' in page, name
        assert f'<link rel="alternate" hreflang="en" href="../classroom/{name}">' in page, name
        assert latin_words(page, published_names) == [], name


#: What an Arabic page lays out left to right as a unit (an element with ``dir="ltr"``), and the articles' own words.
ISOLATED = re.compile(
    r'<(\w+)\b[^>]*\bdir="ltr"[^>]*>.*?</\1>|<blockquote\b.*?</blockquote>|<(p|span)\b[^>]*class="ar"[^>]*>.*?</\2>', re.S
)


def unisolated(page: str) -> tuple[list[str], list[str]]:
    """An Arabic page's Latin runs not isolated left to right, and its Latin separators (; ,) beside Arabic. The
    articles' own text and our English of it (the articles page's cells) are left as they are.
    """
    body = re.sub(r"<(style|head)\b.*?</\1>", "", page, flags=re.S)
    body = re.sub(r'<td\b[^>]*(?:class="ar"|lang="en")[^>]*>.*?</td>', " ", body, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    separators = re.findall(r"[\u0600-\u06ff)\d]\s*[;,]|[;,]\s*[\u0600-\u06ff]", text)
    loose = html.unescape(re.sub(r"<[^>]+>", " ", ISOLATED.sub(" ", body)))
    return re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", loose), separators


def test_every_latin_run_of_an_arabic_page_is_isolated_and_its_separators_arabic(arabic_pages, pack_project, arabic_pack):
    pack = arabic_pack
    pages = arabic_pages | edition.render(pack_project, pack, pack.t)
    for name, page in pages.items():
        assert unisolated(page) == ([], []), name


def test_the_isolation_check_catches_a_bare_latin_run_and_a_latin_separator():
    page = '<p>يذكر موقع 800 Noticias, بلا تاريخ؛ و<bdi dir="ltr">Radio America</bdi>، في 2021</p>'
    assert unisolated(page) == (["Noticias"], [", ب"])


def test_the_latin_check_catches_an_english_word(published_names):
    assert latin_words('<p>الإجابة Answer</p><span class="published">Radio Nacional</span> "as"', published_names) == ["Answer"]


def test_the_english_pages_link_their_arabic_twins(pack_pages):
    _, pages = pack_pages
    for name, page in pages.items():
        assert f'<link rel="alternate" hreflang="ar" href="../ar/{name}">' in page, name


def test_the_three_way_glossary_gives_spanish_only_with_its_reference():
    from perucorpus.publish import edition

    terms = {term.arabic: term for term in edition.glossary(ROOT)}
    lima = terms["مجموعة ليما"]
    assert (lima.spanish, lima.english, lima.reference.ref_id) == (
        "Grupo de Lima",
        "the Lima Group",
        "cba24n_2019_venezuela_guaido",
    )
    assert lima.spanish in lima.reference.title  # the Spanish is the reference's own
    for term in terms.values():
        assert bool(term.spanish) == (term.reference is not None)


def test_a_spanish_term_without_its_reference_stops_with_one_line(tmp_path):
    from perucorpus.base.tables import DataError
    from perucorpus.publish import edition

    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "glossary_es.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Grupo de Lima,reference,cba24n_2019_venezuela_guaido", "Grupo de Lima,reference,"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"glossary_es\.csv:3: a Spanish term needs its ref_id"):
        edition.glossary(tmp_path)


def test_the_edition_pages_render_in_either_language_from_one_template(pack_project, arabic_pack, pack, published_names):
    """The edition's own pages: Arabic and right to left from ar.toml, English from the English source."""
    from perucorpus.publish import edition

    arabic = arabic_pack
    pages = edition.render(pack_project, arabic, arabic.t)
    assert set(pages) == {"index.html", "guide.html", "glossary.html"}
    for name, page in pages.items():
        assert '<html lang="ar" dir="rtl">' in page and 'hreflang="en"' in page, name
        assert latin_words(page, published_names) == [], name
    assert '<span lang="es" dir="ltr">Escudo de las Américas</span>' in pages["glossary.html"]
    english = edition.render(pack_project, pack, localised.english(pack_project))  # pack: localised.load(pack_project)
    assert '<html lang="en" dir="ltr">' in english["glossary.html"] and "Glossary" in english["glossary.html"]


def test_the_reading_copy_links_its_arabic_twins(built_site):
    folder, written = built_site
    names = {path.name: path for path in written}
    for name, twin in site.ARABIC_TWINS.items():
        assert f'<link rel="alternate" hreflang="ar" href="{twin}">' in names[name].read_text(encoding="utf-8"), name
        assert (twin.removeprefix("../ar/")) in edition.PAGES


BUILT = ROOT / "_build" / "ar"


@pytest.fixture(scope="module")
def built_arabic():
    """The Arabic edition ``make notebooks`` built, if its PDFs are as fresh as their sources."""
    from conftest import need

    need(shutil.which("pdftotext"), "needs pdftotext (Debian package poppler-utils)")
    need(BUILT.is_dir(), f"needs the Arabic edition built by `make notebooks` in {BUILT.relative_to(ROOT)}")
    stale = classroom.stale_pdfs(BUILT, classroom.render(localised.load(ROOT, "ar")))
    need(not stale, f"{', '.join(stale)} in {BUILT.relative_to(ROOT)} are older than their sources: run `make notebooks`")
    return BUILT


def test_the_arabic_pdfs_text_is_arabic(built_arabic):
    """Nine letters in ten of every printed page are Arabic (the rest: names of references as published, addresses),
    but for the articles page, which prints our English beside the Arabic.
    """
    import subprocess

    for pdf in sorted(built_arabic.glob("*.pdf")):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        arabic = len(re.findall(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]", text))
        latin = len(re.findall(r"[A-Za-z]", text))
        if pdf.name == "articles.pdf":  # the articles in full: each paragraph's Arabic beside our English
            assert arabic > latin / 2, (pdf.name, arabic, latin)
        else:
            assert arabic > 9 * latin, (pdf.name, arabic, latin)


def test_the_arabic_edition_says_what_govbase_is_in_arabic(arabic_pack):
    pack = arabic_pack
    about = next(r.about for c in pack.checks for r in c.references if r.publisher == "GovBase")
    assert about == pack.t("data.publisher.GovBase") and re.search("[\u0600-\u06ff]", about)
    assert not re.search("[A-Za-z]", about)


#: «…» in the Arabic texts that are not an article's words although the entry's English names an article: the
#: pack's own terms and theses, a source's word, a programme's name. Every other «…» there must be an article's words.
NOT_ARTICLE_WORDS = {
    "2026 تنقض 2021": "the question's thesis",
    "التراجع": "the thesis's word",
    "خرجت": "a source's word (Bolivia 'left'), set against the article's «انسحبت»",
    "رسميًّا": "the map's category",
    "موقف بيرو": "a phrase the question puts in quotation marks",
    "مدّ": "the word of the periodisation",
    "مدًّا": "the word of the periodisation",
    "تُعدّ": "the gloss of a plain copula",
    "مشروع درع أمريكا": "a programme's name",
}


def _unquoted(arabic: dict, articles: dict, names: dict) -> list[str]:
    """The «…» of the Arabic entries whose English names an article that no article the English names has verbatim."""
    named = {re.sub(r"^the (\d{4} )?", "", name): article_id for article_id, name in names.items()}
    problems = []
    for key, entry in arabic.items():
        cited = {article_id for name, article_id in named.items() if name in entry["source"]}
        for quote in re.findall(r"«([^«»]*[\u0600-\u06ff][^«»]*)»", entry["text"]):
            parts = [part.strip() for part in quote.split("…") if part.strip()]
            pattern = ".*?".join(map(re.escape, parts))
            if cited and quote not in NOT_ARTICLE_WORDS and not any(re.search(pattern, articles[a], re.S) for a in cited):
                problems.append(f"{key}: «{quote}»")
    return problems


def test_the_arabic_quotes_an_article_by_its_own_words_never_translated_back(collection, root_pack):
    articles = {article_id: article.raw for article_id, article in collection.articles.items()}
    arabic = catalogue.read_toml(ARABIC)["entries"]
    names = root_pack.names  # the pack of this checkout (editions.load), from the session's data
    assert _unquoted(arabic, articles, names) == []
    # the words the cold reader found translated back from the English («خرجت» for «انسحبت» is allowed: a source's)
    planted = {"k": {"source": "the opinion piece's 'with a leftist tinge' (¶4)", "text": "«ذات صبغة يسارية»"}}
    assert _unquoted(planted, articles, names) == ["k: «ذات صبغة يسارية»"]


#: A translation note as the articles page prints it: folded, its label, then the note, marked as its language's text.
NOTE = re.compile(r'<details dir="rtl" lang="ar"><summary>(.*?)</summary>(.*?)</details>', re.S)


def test_the_arabic_articles_page_prints_every_translation_note_in_arabic(root_pack):
    """Each note the English page prints, the Arabic page prints from the catalogue: Arabic text, Latin letters only in
    quoted English (the English chosen, in "…"); no note in English, none left out.
    """
    pack = localised.load(ROOT, "ar")
    page = classroom.render(pack)["articles.html"]
    notes = NOTE.findall(page)
    english = [(a["id"], p["number"]) for a in root_pack.reading for p in a["paragraphs"] if p["note"]]
    assert len(english) > 40 and len(notes) == len(english)
    for (article_id, number), (label, note) in zip(english, notes):
        text = html.unescape(re.sub(r"<[^>]+>", "", note))
        assert label == pack.t("articles_page.note") and text == pack.t(localised.note_key(article_id, number))
        assert re.findall(r"[A-Za-zÀ-ÿ]+", re.sub(r'"[^"]*"', " ", text)) == [], (article_id, number, text)
        assert len(re.findall("[\u0600-\u06ff]", text)) > len(re.findall("[A-Za-z]", text)), (article_id, number)
    for note in root_pack.notes.values():
        assert str(escape(note)) not in page, note


def test_the_arabic_notes_quote_the_article_verbatim_or_the_correction_the_english_note_gives(collection):
    """Every «…» of a translation note is its paragraph's own words, or a correction its English note names (a typo's
    right spelling); a word translated back from the English would be neither.
    """
    from perucorpus.facts.quotes import numbered_paragraphs

    paragraphs = {a: dict(numbered_paragraphs(article.raw)) for a, article in collection.articles.items()}
    entries = catalogue.read_toml(ARABIC)["entries"]

    def unquoted(key: str, entry: dict) -> list[str]:
        _, _, article_id, number, _ = key.split(".")
        paragraph = paragraphs[article_id][int(number)]
        return [
            quote
            for quote in re.findall(r"«([^«»]*)»", entry["text"])
            if not all(part.strip() in paragraph for part in quote.split("…")) and quote not in entry["source"]
        ]

    notes = {key: entry for key, entry in entries.items() if key.startswith("data.translation.")}
    assert len(notes) > 40 and {key: unquoted(key, entry) for key, entry in notes.items() if unquoted(key, entry)} == {}
    key = localised.note_key("castillo2021_lima_exit", 4)
    planted = notes[key] | {"text": notes[key]["text"].replace("«مسحة يسارية»", "«صبغة يسارية»")}
    assert unquoted(key, planted) == ["صبغة يسارية"]


#: A name of the Americas Counter-Cartel Coalition: «تحالف» (a proclitic before it, no pronoun after it), up to three
#: words, «…الكارتلات», and «في الأمريكتين» if it follows («تحالفه لمكافحة الكارتلات», "its coalition", is no name).
COALITION = re.compile(r"(?<![\w])[وبلف]?(تحالف(?:\s+\S+){0,3}?\s+\S*الكارتلات(?:\s+في\s+الأمريكتين)?)")


def test_the_pack_names_the_coalition_by_its_glossary_headword_and_the_glossary_gives_the_explainers_other_form():
    """The explainer names the coalition two ways (¶2, ¶29); the glossary's headword is one of them and its note gives
    the other with its paragraph; the pack's own Arabic (outside «…» quotations) uses the headword only (it used
    «تحالف مكافحة الكارتلات في الأمريكتين» and «تحالف مكافحة الكارتلات» too).
    """
    from perucorpus.base import schemas, tables
    from perucorpus.facts.quotes import numbered_paragraphs

    glossary = tables.read_table(ROOT / "data" / "glossary.csv", schemas.GLOSSARY)
    (row,) = [r for r in glossary.itertuples() if COALITION.fullmatch(r.term_ar)]
    explainer = (ROOT / "data" / "articles" / "shield2026_explainer.txt").read_text(encoding="utf-8")
    used = {(m.group(1), n) for n, line in numbered_paragraphs(explainer) for m in COALITION.finditer(line)}
    assert row.term_ar in {form for form, _ in used} and len({form for form, _ in used}) == 2
    for form, number in used:
        assert f"¶{number}" in row.note and (form == row.term_ar or f"«{form}»" in row.note), (form, number)
    catalogue_entries, _ = catalogue.translated(ARABIC)
    other = {
        key: name
        for key, text in catalogue_entries.entries.items()
        for name in COALITION.findall(re.sub(r"«[^«»]*»", "", text))
        if name != row.term_ar
    }
    assert other == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_editions_contents_mark_the_links_to_the_answers_as_the_teachers(language, pack_project, arabic_pack, pack):
    """Students given the index are one click from the answers: its contents (on every edition page) say that the
    discussion guide and the facilitator edition are for teachers, and the student reader's link does not.
    """
    if language == "ar":
        pages = edition.render(pack_project, arabic_pack, arabic_pack.t)
    else:
        pages = edition.render(pack_project, pack, localised.english(pack_project))
    teachers = {"en": "for teachers", "ar": "للمعلّمين"}[language]
    for name, page in pages.items():
        nav = page[page.index('<nav class="edition"') : page.index("</nav>", page.index('<nav class="edition"'))]
        labels = {href: html.unescape(label) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)}
        assert teachers in labels["guide.html"] and teachers in labels["facilitator.pdf"], (name, labels)
        assert teachers not in labels["student.pdf"] and teachers not in labels["glossary.html"], name


def test_the_glossary_lists_other_forms_the_articles_write_and_the_arabic_glossary_prints_them(arabic_pack, pack_project):
    """A name the articles write two ways («إعلان الأمن المشترك», «الإعلان الأمني المشترك») is one glossary term whose
    other forms are listed (each found in an article) and printed under it; the pack's own Arabic names the declaration
    one way only, a form the glossary gives.
    """
    articles = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "data" / "articles").glob("*.txt"))
    terms = edition.glossary(ROOT)
    listed = {form: term for term in terms for form in term.other_forms}
    assert len(listed) >= 2 and all(form in articles for form in listed), listed
    page = edition.render(pack_project, arabic_pack, arabic_pack.t)["glossary.html"]
    for form, term in listed.items():
        row = page[page.index(f">{term.arabic}") : page.index("</tr>", page.index(f">{term.arabic}"))]
        assert f"«{form}»" in row and arabic_pack.t("edition.other_forms") in row, form
    declaration = next(term for term in terms if term.english == "the Joint Security Declaration")
    forms = {declaration.arabic, *declaration.other_forms}
    catalogue_entries, _ = catalogue.translated(ARABIC)
    used = {form for text in catalogue_entries.entries.values() for form in forms if form in re.sub(r"«[^«»]*»", "", text)}
    assert len(used) == 1, used


def _descriptions_shown_as_titles(pages: dict[str, str], t, descriptions: list[str]) -> list[str]:
    """Where a page prints an article's description (ours: the articles carry no headline) as a title: not after the
    words ``ui.team_description``, or in quotation marks, or after "titled" / «بعنوان».
    """
    problems = []
    lead = str(escape(t("ui.team_description")))
    for name, page in pages.items():
        for description in descriptions:
            for match in re.finditer(re.escape(str(escape(description))), page):
                before = re.sub(r"<[^>]+>", "", page[max(0, match.start() - 200) : match.start()]).rstrip()
                after = re.sub(r"<[^>]+>", "", page[match.end() : match.end() + 20])
                if (
                    not before.endswith(lead)
                    or re.search(r"بعنوان|titled", before[-60:], re.I)
                    or after.startswith(("»", '"', "”"))
                ):
                    problems.append(f"{name}: …{before[-40:]}|{description[:20]}…")
    return problems


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_articles_description_is_given_as_the_teams_never_as_its_headline(language, pack_project, pack, arabic_pack):
    """The pack's descriptions of the articles (``data.article_title.*``) follow the words "the team's description:"
    on every page that lists the articles, with no "titled" and no quotation marks: our copies carry no headline.
    """
    chosen = arabic_pack if language == "ar" else pack
    t = arabic_pack.t if language == "ar" else localised.english(pack_project)
    pages = classroom.render(chosen) | edition.render(pack_project, chosen, t)
    descriptions = [t(f"data.article_title.{line.article_id}") for line in chosen.articles]
    printed = {name for name, page in pages.items() if any(str(escape(d)) in page for d in descriptions)}
    assert {"index.html", "student.html", "slides.html", "articles.html"} <= printed, printed
    assert _descriptions_shown_as_titles(pages, t, descriptions) == []
    shown = {"articles.html": pages["articles.html"].replace(f"{escape(t('ui.team_description'))} ", "بعنوان «", 1)}
    assert _descriptions_shown_as_titles(shown, t, descriptions), "the check must catch a description given as a headline"


def test_the_arabic_articles_page_sets_the_arabic_next_to_the_paragraph_number(pack, arabic_pack):
    """Read from the right, the Arabic page's columns are ¶, Arabic, English; the English page keeps ¶, English, Arabic."""

    def columns(page: str) -> list[str]:
        head = re.search(r"<thead><tr>(.*?)</tr></thead>", page, re.S).group(1)
        return [html.unescape(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head)]

    def first_row(page: str) -> list[str]:
        row = re.search(r"<tbody>\s*<tr[^>]*>(.*?)</tr>", page, re.S).group(1)
        return re.findall(r'<td[^>]*\blang="(\w+)"', row)

    arabic, english = classroom.render(arabic_pack)["articles.html"], classroom.render(pack)["articles.html"]
    t = arabic_pack.t
    assert columns(arabic) == ["¶", t("articles_page.arabic"), t("articles_page.english")]
    assert first_row(arabic) == ["ar", "en"]
    assert columns(english)[1:] == [pack.t("articles_page.english"), pack.t("articles_page.arabic")]
    assert first_row(english) == ["en", "ar"]


#: One spelling for each name in the pack's own Arabic (the articles' spellings stay inside «…» quotations): the
#: opinion piece's «كاستيلو»; «ترمب», as the explainer writes it (the news report writes «ترامب»); one word for the pack.
ONE_SPELLING = {"كاستيلو": ["كاستيو"], "ترمب": ["ترامب"], "الكونغرس": ["الكونجرس"], "الحزمة": ["الحقيبة"]}


def test_the_pack_spells_each_name_one_way_in_its_own_arabic():
    entries, _ = catalogue.translated(ARABIC)
    found = {
        (key, variant)
        for key, text in entries.entries.items()
        for variants in ONE_SPELLING.values()
        for variant in variants
        if variant in re.sub(r"«[^«»]*»", "", text)
    }
    assert found == set()
    assert all(any(word in text for text in entries.entries.values()) for word in ONE_SPELLING)
