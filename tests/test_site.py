"""The HTML reading copy: offline, working links and images, right-to-left Arabic, no scripts, contents on every page
(with every item of the classroom pack), folded code, figure files linked, the subject index.
"""

import ast
import re
import tomllib
from html.parser import HTMLParser

import pytest
from conftest import ROOT, Page, tag_strings
from markupsafe import Markup

from perucorpus.facts.collection import Collection
from perucorpus.publish import classroom, editions, site


@pytest.fixture(scope="module")
def pages(built_site):
    parsed = {}
    for path in built_site[1]:
        if path.suffix != ".html":
            continue
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path] = page
    return parsed


class Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id")


def test_every_notebook_readme_edition_and_index_has_a_page(pages):
    names = sorted(path.name for path in pages)
    notebooks = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not path.name.startswith("00_"))
    extra = [
        "index.html",
        "readme.html",
        "data_readme.html",
        "articles.html",
        "subject_index.html",
    ]
    docs = [f"docs_{path.stem}.html" for path in (ROOT / "docs").glob("*.md")]
    assert {"docs_package.html", "docs_benchmarks.html"} <= set(docs)  # the README's longer notes
    assert names == sorted(extra + docs + [f"{stem}.html" for stem in notebooks])


def test_no_scripts_at_all(pages):
    for path, page in pages.items():
        assert page.scripts == [], path.name
        text = path.read_text(encoding="utf-8")
        assert "script-src 'none'" in text, path.name  # and a policy that would block one
        assert not re.search(r"<[^>]+\son\w+\s*=", text), path.name


def test_links_and_images_resolve_offline_with_their_anchors(pages):
    ids = {}
    for path in pages:
        parser = Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        ids[path.name] = parser.ids
    checked = 0
    for path, page in pages.items():
        for href in page.links:
            assert not href.startswith(("http:", "https:", "//", "javascript:")), f"{path.name}: external link {href}"
            target, _, fragment = href.partition("#")
            target = target or path.name
            if target.startswith(site.CLASSROOM):  # the pack, built beside the reading copy by perucorpus classroom
                from perucorpus.publish import classroom

                # its outputs, or a page it writes (notebook 04's materials link to the facilitator edition's anchors)
                assert target.removeprefix(site.CLASSROOM) in {name for name, _ in editions.OUTPUTS} | set(classroom.PAGES), href
                continue
            assert (path.parent / target).is_file(), f"{path.name}: broken link {href}"
            if fragment and target.endswith(".html"):
                from urllib.parse import unquote

                assert fragment in ids[target] or unquote(fragment) in ids[target], f"{path.name}: no #{fragment} in {target}"
                checked += 1
        for src in page.images:
            assert src.startswith("data:image/") or (path.parent / src).is_file(), f"{path.name}: broken image {src}"
    assert checked > 500  # contents, subject index and facilitator notes link to sections


def test_every_page_carries_the_contents_with_the_current_page_marked(pages):
    for path in pages:
        text = path.read_text(encoding="utf-8")
        nav = re.search(r'<nav class="contents".*?</nav>', text, re.S).group()
        pack = {f"{site.CLASSROOM}{name}" for name, _ in editions.OUTPUTS}
        assert set(re.findall(r'<li[^>]*><a href="([^"#]+)"', nav)) == {other.name for other in pages} | pack, path.name
        assert re.findall(r'href="([^"]+)" aria-current="page"', nav) == [path.name]
    guide = (pages and next(p for p in pages if p.name == "04_discussion_guide.html")).read_text(encoding="utf-8")
    assert '<a href="#6.-Exercises">6. Exercises</a>' in guide  # the current page's sections


def test_code_is_folded_and_editions_have_none(pages):
    for path in pages:
        text = path.read_text(encoding="utf-8")
        inputs = text.count('<div class="input">')
        assert inputs == text.count('<details class="code"><summary>Show the code</summary>\n<div class="input">'), path.name
    assert sum(path.read_text(encoding="utf-8").count('<details class="code">') for path in pages) > 30


def test_figures_link_to_their_svg_and_csv_where_they_exist(built_site, pages):
    site_dir = built_site[0] / "html"
    page = (site_dir / "01_reading_the_articles.html").read_text(encoding="utf-8")
    assert (
        '<p class="figure-files" title="01_top_terms">Download this figure: <a href="figures/01_top_terms.svg">the drawing '
        '(SVG)</a> · <a href="figures/01_top_terms.csv">the values drawn (CSV)</a></p>' in page
    )  # in plain words, the file name only in the tooltip
    assert (site_dir / "figures" / "01_top_terms.csv").is_file()
    linked = {stem for path in pages for stem in re.findall(r'href="figures/([\w]+)\.svg"', path.read_text(encoding="utf-8"))}
    assert linked >= {path.stem for path in (ROOT / "figures").glob("0[1-4]_*.png")}
    for path in pages:  # a CSV link only where the CSV exists
        for csv in re.findall(r'href="(figures/[\w]+\.csv)"', path.read_text(encoding="utf-8")):
            assert (site_dir / csv).is_file()


def test_arabic_blocks_are_right_to_left(pages):
    for path, page in pages.items():
        wrong = [text for text, direction in page.blocks if direction != "rtl"]
        assert wrong == [], f"{path.name}: Arabic text outside dir=rtl: {wrong[:3]}"
    assert sum(len(page.blocks) for page in pages.values()) > 100


def test_every_figure_has_its_own_text_alternative(pages):
    """figures.publish's alt= reaches the page (not nbconvert's 'No description' filler)."""
    notebook_pages = [page for path, page in pages.items() if path.name not in ("readme.html", "data_readme.html")]
    alts = [alt for page in notebook_pages for alt in page.alts]
    assert len(alts) >= 7
    assert all(alt and "No description" not in alt for alt in alts), alts


def test_the_contents_and_notebook_04_link_every_item_of_the_pack(pages):
    guide = next(path for path in pages if path.name == "04_discussion_guide.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="contents".*?</nav>', guide, re.S).group()
    main = guide[guide.index("<main") :]
    for name, _ in editions.OUTPUTS:
        assert f'href="{site.CLASSROOM}{name}"' in nav, name
        assert f'href="{site.CLASSROOM}{name}"' in main, name  # notebook 04's opening, links rewritten
    assert 'href="../_build/' not in guide
    groups = re.findall(r'<p class="group">([^<]+)</p>', nav)
    assert groups[1] == "The classroom pack"  # right after the notebooks


def test_index_entries_say_how_often_in_words():
    assert site.how_often(6, 1) == "6 times in one place"  # not "6 in 1 places"
    assert site.how_often(1, 1) == "once, in one place"
    assert site.how_often(12, 4) == "12 times in 4 places"


def test_seed_subject_index_gathers_spellings_under_one_headword(built_site):
    page = (built_site[0] / "html" / "subject_index.html").read_text(encoding="utf-8")
    argentina = re.search(r'<dt id="country-ARG">.*?</dd><dd>.*?</dd>', page, re.S).group()
    assert '<span dir="rtl" lang="ar">الأرجنتين</span>' in argentina and '<span dir="rtl" lang="ar">الارجنتين</span>' in argentina
    trump = re.search(r'<dt id="person-trump">.*?</dd><dd>.*?</dd>', page, re.S).group()
    assert "ترامب" in trump and "ترمب" in trump and 'href="articles.html#jeri2025_mnna_intent-p1"' in trump
    assert re.search(r'<a href="04_discussion_guide.html#3\.-Who-is-named,-and-who-speaks">[^<]+</a> \(\d+\)', trump)
    for kind in ("country", "person", "grouping", "term"):
        assert f'<h2 id="{kind}">' in page


def test_build_never_replaces_a_folder_it_did_not_build(tmp_path):
    precious = tmp_path / "data"
    precious.mkdir()
    (precious / "memberships.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a reading copy built here"):
        site.build(ROOT / "notebooks", precious)
    assert (precious / "memberships.csv").read_text(encoding="utf-8") == "keep me"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me too", encoding="utf-8")
    with pytest.raises(FileExistsError):
        site.build(ROOT / "notebooks", a_file)
    assert a_file.read_text(encoding="utf-8") == "keep me too"


def test_the_build_removes_the_folders_it_no_longer_writes_and_nothing_else(tmp_path):
    build = tmp_path / site.BUILD
    for name in ("html", "handouts", "mine", "elsewhere"):
        (build / name).mkdir(parents=True)
        (build / name / "student.pdf").write_text("pdf", encoding="utf-8")
    for name in ("html", "handouts"):
        (build / name / site.MARKER).write_text("built", encoding="utf-8")
    outside = tmp_path / "outside"  # built by us, but not in _build: a link to it is left alone
    outside.mkdir()
    (outside / site.MARKER).write_text("built", encoding="utf-8")
    (build / "linked").symlink_to(outside)
    (build / ".stale-old-1").mkdir()  # left by an interrupted removal
    assert site.remove_stale(build) == [build / "handouts"]
    assert sorted(path.name for path in build.iterdir()) == ["elsewhere", "html", "linked", "mine"]
    assert (build / "mine" / "student.pdf").is_file() and (outside / site.MARKER).is_file()
    assert (build / "html" / "student.pdf").is_file()
    other = tmp_path / "elsewhere"  # a folder not named _build is never pruned
    (other / "handouts").mkdir(parents=True)
    (other / "handouts" / site.MARKER).write_text("built", encoding="utf-8")
    assert site.remove_stale(other) == [] and (other / "handouts").is_dir()


def test_the_folders_the_build_keeps_are_those_make_notebooks_writes():
    written = set(re.findall(r"_build/(\w+)", (ROOT / "Makefile").read_text(encoding="utf-8")))
    assert written == set(site.BUILT) == {"html", *classroom.FOLDERS.values()}


def test_an_older_reading_copy_may_be_replaced(tmp_path):
    older = tmp_path / "html"
    (older / "figures").mkdir(parents=True)
    (older / "index.html").write_text("old", encoding="utf-8")  # built before the marker existed
    assert site._replaceable(older) and not site._replaceable(tmp_path / "missing")
    (older / "notes.txt").write_text("mine", encoding="utf-8")
    assert not site._replaceable(older)


def test_seed_every_page_is_titled_by_its_notebooks_heading(pages):
    titles = {path.name: re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8")).group(1) for path in pages}
    assert titles["index.html"] == "Peru&#39;s foreign policy in Arabic articles: index"  # escaped
    assert titles["03_alliance_membership.html"] == "03 · Alliance membership across the Americas"
    assert not any("NAVIGATION" in title or "<!--" in title for title in titles.values())


def test_every_page_carries_the_print_stylesheet(pages):
    """A4, no navigation or folded code, a break before each section, link targets printed (on every page)."""
    for path in pages:
        text = path.read_text(encoding="utf-8")
        printed = text[text.index("@media print") :]
        assert "@page { size: A4;" in text and "nav.contents, details.code" in printed, path.name
        assert "break-before: page" in printed and "attr(href)" in printed, path.name


def test_the_articles_page_sets_arabic_and_english_side_by_side_paragraph_by_paragraph(built_site):
    from perucorpus.facts import quotes, translations

    page = (built_site[0] / "html" / "articles.html").read_text(encoding="utf-8")
    news = page[page.index('<h2 id="jeri2025_mnna_intent">') : page.index('<h2 id="shield2026_explainer">')]
    raw = (ROOT / "data" / "articles" / "jeri2025_mnna_intent.txt").read_text(encoding="utf-8")
    numbers = re.findall(r'<tr id="jeri2025_mnna_intent-p(\d+)"><th scope="row" valign="top">¶(\d+)</th>', news)
    assert numbers == [(str(n), str(n)) for n, _ in quotes.numbered_paragraphs(raw)]  # every paragraph, its number once
    assert '<td valign="top">Counter-narcotics is one of the basic pillars' in news
    assert '<td valign="top" dir="rtl" lang="ar">تعتبر مكافحة المخدرات أحد الركائز' in news
    assert translations.NOT_TRANSLATED not in page


def test_an_article_added_without_a_translation_reads_not_yet_translated_on_the_articles_page(data_copy, tmp_path):
    from test_cli import GOOD, NEW_TEXT

    from perucorpus import cli
    from perucorpus.facts import translations

    source = tmp_path / "new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    assert cli.main(["add-article", str(source), "--data", str(data_copy), *GOOD]) == 0
    _, body, places = site._articles_page(Collection(data_copy))
    new = body[body.index('<h2 id="testonly_ports2026">') :]
    assert '<h2 id="testonly_ports2026">testonly' not in body  # headed by its reader name, the id folded
    assert "<code>testonly_ports2026</code>" in new and '<h2 id="castillo2021_lima_exit">The 2021 opinion piece: ' in body
    assert new.count(f'<td valign="top"><em>{translations.NOT_TRANSLATED}</em></td>') == 3 == NEW_TEXT.count("\n")
    assert "<caption>news, 4 May 2026 · 3 paragraphs · not yet translated</caption>" in new
    assert [place.label for place in places if place.scope == "testonly_ports2026"] == [
        f"2026 news report ¶{n}" for n in (1, 2, 3)
    ]  # named as a reader names the article, never by its id


def test_articles_page_introduces_each_article_with_its_outlet(built_site, articles):
    import html as html_module

    from perucorpus.text import corpus

    page = (built_site[0] / "html" / "articles.html").read_text(encoding="utf-8")
    for article_id, row in corpus.metadata(articles).iterrows():
        section = page.split(f'<h2 id="{article_id}">', 1)[1].split("<h2", 1)[0]
        assert f"Outlet: {html_module.escape(corpus.outlet_label(row))}</p>" in section, article_id
        assert "Where it was published" in section and (not row["url"] or row["url"] in section), article_id


SITE_SOURCE = ROOT / "src" / "perucorpus" / "publish" / "site.py"
TEMPLATES_READING = ROOT / "src" / "perucorpus" / "templates" / "reading"


def test_site_builds_no_html_of_its_own_only_templates_do():
    assert tag_strings(ast.parse(SITE_SOURCE.read_text(encoding="utf-8"))) == []
    planted = ast.parse(
        '"""A <b> docstring."""\nx = f\'<p class="figure-files">{stem}</p>\'\ny = re.sub(r"<img[^>]*>", "", body)'
    )
    assert {line for line, _ in tag_strings(planted)} == {2}  # an f-string building a tag is caught, a pattern is not


def test_the_style_is_a_css_file_shipped_with_the_package_and_inlined_in_every_page(built_site):
    css = TEMPLATES_READING / "site.css"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    package = ROOT / "src" / "perucorpus"
    assert any(css in package.glob(pattern) for pattern in patterns["perucorpus"])
    assert f'url("{site.FONT}")' in css.read_text(encoding="utf-8")  # the font the build copies
    for page in [path for path in built_site[1] if path.suffix == ".html"]:
        text = page.read_text(encoding="utf-8")
        assert css.read_text(encoding="utf-8") in text, page.name
        assert 'rel="stylesheet"' not in text and "<script" not in text, page.name


def test_the_fragments_escape_what_they_are_given():
    region = site._fragment("scroll_region", 'Peru\'s "allies" <b>', Markup("<table><tr><td>1</td></tr></table>"))
    assert region.startswith(
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Peru&#39;s &#34;allies&#34; &lt;b&gt;">'
    )
    assert "<table><tr><td>1</td></tr></table></div>" in region
    files = site._fragment("figure_files", "x<y", [("figures/x.svg", "SVG"), ("figures/x.csv", "CSV")])
    assert (
        files
        == '<p class="figure-files" title="x&lt;y">Download this figure: <a href="figures/x.svg">SVG</a> · <a href="figures/x.csv">CSV</a></p>'
    )


def test_section_text_keeps_table_cells_apart_and_subsections_are_places_of_their_own():
    body = (
        '<p>Intro</p><h2 id="Overlaps">Overlaps</h2><table><tr><td>Colombia</td><td>كولومبيا</td></tr>'
        '<tr><td>Haiti</td><td>member</td></tr></table><h2 id="How">How this was checked</h2><p>Method.</p>'
        '<h3 id="The-exit-rule">The exit rule</h3><table><tr><td>Saint Lucia</td></tr></table>'
    )
    places = site._section_places(site.Page("03.html", "03 · Alliances", body, "Notebooks"))
    by_label = {place.label: place.text for place in places}
    overlaps = by_label["03 · Overlaps"]
    assert re.search(r"\bHaiti\b", overlaps) and "كولومبيا Haiti" in overlaps  # not "كولومبياHaiti": a word apart
    assert by_label["03 · The exit rule"] == "Saint Lucia" and "Saint Lucia" not in by_label["03 · How this was checked"]


def test_seed_subject_index_finds_countries_in_tables_and_subsections(built_site):
    page = (built_site[0] / "html" / "subject_index.html").read_text(encoding="utf-8")
    haiti = re.search(r'<dt id="country-HTI">.*?</dd><dd>.*?</dd>', page, re.S).group()
    assert 'href="03_alliance_membership.html#Overlaps-and-switchers"' in haiti  # a row of 03's Overlaps table
    lucia = re.search(r'<dt id="country-LCA">.*?</dd><dd>.*?</dd>', page, re.S).group()
    assert 'href="03_alliance_membership.html#The-exit-rule"' in lucia


def test_the_reading_copy_shows_no_cell_prompts(pages):
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:In|Out)\s*\[\d*\]:", text), path.name
