"""The static, offline reading copy (``_build/html/``).

Every notebook is converted with nbconvert (the ``reading`` template: the ``basic`` cells with
each code input folded in ``<details>``) and put in one page shell (``templates/page.html.j2``)
that carries the collection's contents and the current page's sections. Besides the notebooks
and both READMEs, the copy holds the articles with numbered paragraphs beside their English, the README's notes in
``docs/``, the subject index
(:mod:`perucorpus.publish.subject_index`). Its contents link every item of the classroom pack
(``_build/classroom/``, built beside it by :mod:`perucorpus.publish.classroom`). No page has a
script; figures link to their SVG and CSV.

Run ``python -m perucorpus.publish.site [notebooks/] [_build/html]`` (``make notebooks`` does).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import fontpkg_noto_sans_arabic
import jinja2
from markupsafe import Markup

from perucorpus.facts import translations
from perucorpus.facts.collection import Collection
from perucorpus.present import display
from perucorpus.present.display import PAGE_STYLE, mixed, rtl
from perucorpus.publish import catalogue, editions, navigation, subject_index
from perucorpus.publish.runner import numbered_notebooks
from perucorpus.text import corpus

if TYPE_CHECKING:  # nbformat and nbconvert are imported where the reading copy is built: the classroom pack, which
    # takes this module's paths and helpers, and notebook 04, which imports the pack, never load them (nbformat's
    # jsonschema compiles an IRI grammar on import, about 1.5 s)
    import nbformat
    from nbconvert import HTMLExporter

TEMPLATES = Path(__file__).parent.parent / "templates"
FONT = "fonts/NotoSansArabic.ttf"
#: The reading copy's style: the notebooks' page style, then its own (``templates/reading/site.css``, package data),
#: inlined in every page so the offline copy needs no other file. Its ``@font-face`` loads :data:`FONT`.
SITE_STYLE = PAGE_STYLE + "\n" + (TEMPLATES / "reading" / "site.css").read_text(encoding="utf-8")

PAGES = {
    "../README.md": "readme.html",
    "../data/README.md": "data_readme.html",
    "README.md": "readme.html",
    "data/README.md": "data_readme.html",
}
COLLECTION = navigation.COLLECTION


@dataclass
class Page:
    """One page of the reading copy: file name, title, body HTML (links already rewritten)."""

    name: str
    title: str
    body: str
    group: str

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(anchor, heading text) of every second-level heading, in order."""
        return [(anchor, _text(heading)) for anchor, heading in re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', self.body, re.S)]


#: Tags that end a word where they stand (table cells, paragraphs, list items): read as a space, so that the words of
#: two cells ("Colombia", "Haiti") do not run together into one.
_BREAKING_TAG = re.compile(r"</?(?:td|th|tr|p|li|div|br|caption|table|h[1-6]|summary|details)\b[^>]*>", re.I)


def _text(fragment: str) -> str:
    fragment = re.sub(r'<a class="anchor-link".*?</a>', "", fragment, flags=re.S)
    fragment = _BREAKING_TAG.sub(" ", fragment)
    return re.sub(r"[ \t]{2,}", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def _rewrite_links(page: str) -> str:
    """Point links at the built pages: notebooks → .html (the index → index.html), READMEs → their pages."""
    page = re.sub(r'href="(?:notebooks/)?00_index\.ipynb"', 'href="index.html"', page)
    page = re.sub(r'href="(?:(?:\.\./)?notebooks/)?(\d\d_\w+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', page)
    for target, built in PAGES.items():
        page = page.replace(f'href="{target}"', f'href="{built}"')
    page = re.sub(r'href="(?:\.\./)?docs/(\w+)\.md(#[^"]*)?"', r'href="docs_\1.html\2"', page)  # docs/x.md → docs_x.html

    page = page.replace('href="../_build/classroom/', f'href="{CLASSROOM}')
    return page.replace('src="../figures/', 'src="figures/').replace('href="../figures/', 'href="figures/')


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The templates (``templates/``), HTML-escaped, with the filters for Arabic (:func:`perucorpus.present.display.rtl`,
    :func:`~perucorpus.present.display.mixed`) and the test ``arabic`` (a text with Arabic letters in it).
    """
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)
    environment.filters["rtl"] = lambda text: Markup(rtl(text))
    environment.filters["mixed"] = lambda text: Markup(mixed(text))
    environment.tests["arabic"] = lambda text: bool(ARABIC.search(text))
    return environment


#: An Arabic letter.
ARABIC = re.compile(r"[\u0600-\u06ff]")


def _fragment(name: str, *args) -> str:
    """The macro ``name`` of ``templates/reading/fragments.html.j2`` called with ``args``."""
    return str(getattr(_environment().get_template("reading/fragments.html.j2").module, name)(*args))


#: The files offered under each figure, in the reading line's words (the figure's file name is its link's tooltip).
FIGURE_FILES = ((".svg", "the drawing (SVG)"), (".csv", "the values drawn (CSV)"))


def _figure_links(body: str, figures: Path) -> str:
    """After each figure shown from ``figures/`` (matched by its bytes), links to its SVG and the CSV of its values."""
    by_digest = {hashlib.sha256(path.read_bytes()).hexdigest(): path.stem for path in sorted(figures.glob("*.png"))}

    def links(match: re.Match) -> str:
        stem = by_digest.get(hashlib.sha256(base64.b64decode(match.group(1))).hexdigest())
        files = [
            (f"figures/{stem}{suffix}", label)
            for suffix, label in FIGURE_FILES
            if stem and (figures / f"{stem}{suffix}").is_file()
        ]
        if not files:
            return match.group()
        return f"{match.group()}\n{_fragment('figure_files', stem, files)}"

    return re.sub(r'<img[^>]*src="data:image/png;base64,([^"]+)"[^>]*>', links, body)


@functools.lru_cache(maxsize=2)
def _exporter(exclude_input: bool = False) -> HTMLExporter:
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="reading", extra_template_basedirs=[str(TEMPLATES)], exclude_input=exclude_input)


#: A cell's prompt ("In [3]:", "Out[9]:"): left out of the reading copy, where no reader runs a cell.
PROMPT = re.compile(r'<div class="prompt[^"]*">[^<]*</div>')


def _notebook_body(notebook: nbformat.NotebookNode, figures: Path, exclude_input: bool = False) -> str:
    body, _ = _exporter(exclude_input).from_notebook_node(notebook)
    return _figure_links(_rewrite_links(PROMPT.sub("", body)), figures)


def _articles_page(collection: Collection) -> tuple[str, str, list[subject_index.Place]]:
    """The articles as received beside our English, one numbered paragraph per non-empty line (the ¶ numbers the
    notebooks cite); an article not yet translated shows its Arabic with "Not yet translated." beside each paragraph.
    """
    articles = collection.articles
    model = translations.side_by_side(articles, collection.translations)
    title = f"The {corpus.in_words(len(articles))} articles"
    places = []
    meta = collection.meta
    names = corpus.reader_names(meta)
    shown = []
    for article in model:
        article_id = article["id"]
        row = meta.loc[article_id]
        name = names[article_id]
        shown.append(
            {
                "id": article_id,
                "name": name[:1].upper() + name[1:],
                "title": article["title"],
                "outlet": corpus.outlet_label(row),
                "basis": str(row.outlet_basis).replace("_", " "),
                "note": str(row.outlet_note),
                "url": str(row.url) if row.url else "",
                "side_by_side": Markup(
                    display.side_by_side(article, display.side_by_side_summary(article, title=False), anchors=True)
                ),
            }
        )
        places += [
            subject_index.Place(
                f"articles.html#{article_id}-p{paragraph['number']}",
                f"{name.removeprefix('the ')} ¶{paragraph['number']}",  # as a reader names it
                paragraph["arabic"],
                article_id,
            )
            for paragraph in article["paragraphs"]
        ]
    body = _environment().get_template("reading/articles.html.j2").render(title=title, articles=shown)
    return title, body, places


#: What the subject index leaves out of a notebook page: folded code, prompts and the navigation lines.
UNINDEXED = re.compile(
    r'<details class="code">.*?</details>|<div class="prompt[^"]*">.*?</div>|<!--NAVIGATION-->\s*<p>.*?</p>', re.S
)


def _section_places(page: Page) -> list[subject_index.Place]:
    """The text a reader sees in each section of a notebook page (folded code left out)."""
    body = UNINDEXED.sub("", page.body)
    pieces = re.split(r'(<h[23] id="[^"]+"[^>]*>.*?</h[23]>)', body, flags=re.S)  # sections and their subsections
    places = [subject_index.Place(page.name, f"{page.title}: introduction", _text(pieces[0]))]
    for heading, text in zip(pieces[1::2], pieces[2::2]):
        anchor = re.match(r'<h[23] id="([^"]+)"', heading).group(1)
        places.append(
            subject_index.Place(f"{page.name}#{anchor}", f"{page.title.split(' · ')[0]} · {_text(heading)}", _text(text))
        )
    return places


def how_often(total: int, places: int) -> str:
    """An index entry's count in words: "once, in one place", "6 times in 2 places"."""
    times = "once" if total == 1 else "twice" if total == 2 else f"{total} times"
    where = "one place" if places == 1 else f"{places} places"
    return f"{times}, in {where}" if total == 1 else f"{times} in {where}"


def _index_page(entries: list[subject_index.Entry]) -> str:
    """The subject index page (``templates/reading/subject_index.html.j2``): each kind's entries, alphabetically."""
    kinds = []
    for kind, heading in subject_index.KINDS.items():
        chosen = sorted(
            (entry for entry in entries if entry.headword.kind == kind), key=lambda entry: entry.headword.label.lower()
        )
        shown = [
            {
                "anchor": entry.headword.key.replace(":", "-").replace(" ", "_"),
                "label": entry.headword.label,
                "arabic": entry.headword.arabic,
                "often": how_often(entry.total, len(entry.places)),
                "spellings": sorted(entry.spellings.items()),
                "places": [(href, label, count) for href, (label, count) in entry.places.items()],
            }
            for entry in chosen
        ]
        kinds.append((kind, heading, shown))
    return _environment().get_template("reading/subject_index.html.j2").render(kinds=kinds)


def _scrollable_tables(body: str) -> str:
    """Each table in a region that scrolls sideways when too wide, reachable by keyboard and named by its caption."""

    def wrap(match: re.Match) -> str:
        caption = re.search(r"<caption>(.*?)</caption>", match.group(), re.S)
        return _fragment("scroll_region", _text(caption.group(1)) if caption else "Table", Markup(match.group()))

    return re.sub(r"<table\b.*?</table>", wrap, body, flags=re.S)


def _render(pages: list[Page], current: Page, links: dict[str, list[tuple[str, str]]]) -> str:
    groups: dict[str, list[dict]] = {}
    for page in pages:
        groups.setdefault(page.group, []).append({"href": page.name, "title": page.title, "current": page is current})
    linked = {
        group: [{"href": href, "title": title, "current": False} for href, title in entries] for group, entries in links.items()
    }
    first, *rest = groups.items()  # the pack's links come right after the notebooks
    groups = dict([first, *linked.items(), *rest])
    return (
        _environment()
        .get_template("page.html.j2")
        .render(
            title=current.title,
            style=Markup(SITE_STYLE),
            collection=COLLECTION,
            contents=list(groups.items()),
            sections=current.sections,
            body=Markup(_scrollable_tables(current.body)),
            arabic_twin=ARABIC_TWINS.get(current.name),
        )
    )


MARKER = ".perucorpus-reading-copy"  # written by build: only a folder holding it may be replaced
#: Where the classroom pack is, seen from the reading copy's pages (both are built in ``_build/``).
CLASSROOM = "../classroom/"
#: Reading-copy pages with a twin in the Arabic edition (``_build/ar/``, :mod:`perucorpus.publish.edition`).
ARABIC_TWINS = {"index.html": "../ar/index.html", "04_discussion_guide.html": "../ar/guide.html"}
#: Before printing, each link becomes text with its target (printed after it by the print stylesheet): a PDF
#: link would hold the absolute file:// address of the page on the machine that built it.
LINKS_TO_TEXT = """document.querySelectorAll('a.anchor-link').forEach(link => link.remove());
for (const link of [...document.querySelectorAll('a[href]')]) {
  const text = document.createElement('span'), href = link.getAttribute('href');
  text.className = 'printed-link';
  try { text.dataset.href = decodeURI(href); } catch (error) { text.dataset.href = href; }
  text.append(...link.childNodes);
  link.replaceWith(text);
} true"""


def _replaceable(target: Path, folders: tuple[str, ...] = ("figures", "fonts")) -> bool:
    """An empty folder, a reading copy (it holds MARKER), or one built before the marker: only pages and figures/."""
    if not target.is_dir():
        return False
    if (target / MARKER).is_file():
        return True
    return all(
        (path.is_file() and path.suffix in (".html", ".pdf")) or (path.is_dir() and path.name in folders)
        for path in target.iterdir()
    )


def fresh_folder(target: Path) -> None:
    """Empty ``target`` for a new build (refused unless it is new, empty or an earlier build), and mark it as built here."""
    if target.exists():
        if not _replaceable(target):
            raise FileExistsError(f"{target}: not a reading copy built here (no {MARKER}); choose a new or empty folder")
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / MARKER).write_text("Built by python -m perucorpus.publish.site; replaced on every build.\n", encoding="utf-8")


def build(notebooks: Path | str, target: Path | str) -> list[Path]:
    """Write the reading copy into ``target``; return the files written.

    ``target`` must be new, empty, or an earlier build (it holds :data:`MARKER`, or only pages and
    ``figures/``); any other folder, or a file, is refused, never deleted. The contents link the
    classroom pack in ``../classroom/`` (:mod:`perucorpus.publish.classroom` builds it).
    """
    import nbformat
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    notebooks, target = Path(notebooks), Path(target)
    root = notebooks.parent
    figures, data = root / "figures", root / "data"
    if target.exists() and not _replaceable(target):
        raise FileExistsError(f"{target}: not a reading copy built here (no {MARKER}); choose a new or empty folder")
    fresh_folder(target)
    pages = []
    for path in numbered_notebooks(notebooks):
        notebook = nbformat.read(path, as_version=4)
        name = "index.html" if path.name.startswith("00_") else f"{path.stem}.html"
        pages.append(Page(name, navigation.title(notebook) or path.stem, _notebook_body(notebook, figures), "Notebooks"))
    notebook_pages = list(pages)
    collection = Collection(data)  # each data file read once, for every page
    articles_title, articles_body, paragraphs = _articles_page(collection)
    pages.append(Page("articles.html", articles_title, articles_body, "Sources and index"))
    matcher = subject_index.matcher(collection)
    places = [place for page in notebook_pages for place in _section_places(page)] + paragraphs
    pages.append(
        Page("subject_index.html", "Subject index", _index_page(subject_index.index(matcher, places)), "Sources and index")
    )
    for source, name, title in [
        (root / "README.md", "readme.html", "README"),
        (root / "data" / "README.md", "data_readme.html", "Data codebook"),
        *_doc_pages(root / "docs"),
    ]:
        pages.append(Page(name, title, _rewrite_links(markdown2html_mistune(source.read_text(encoding="utf-8"))), "About"))
    t = catalogue.english(root / "teaching")
    links = {t("ui.pack"): [(f"{CLASSROOM}{name}", t(key)) for name, key in editions.OUTPUTS]}
    written = []
    for page in pages:
        written.append(target / page.name)
        written[-1].write_text(_render(pages, page, links), encoding="utf-8")
    shutil.copytree(figures, target / "figures")
    (target / "fonts").mkdir()
    shutil.copy(next(Path(fontpkg_noto_sans_arabic.ROOT, "files").glob("NotoSansArabic*.ttf")), target / FONT)
    return written


def _doc_pages(docs: Path) -> list[tuple[Path, str, str]]:
    """``docs/*.md`` (the README's longer notes) as pages ``docs_<stem>.html``, titled by their first heading."""
    pages = []
    for path in sorted(docs.glob("*.md")) if docs.is_dir() else []:
        heading = next((line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), path.stem)
        pages.append((path, f"docs_{path.stem}.html", heading.removeprefix("# ").strip()))
    return pages


#: The build folder and the folders in it that ``make notebooks`` writes: the reading copy and each language's
#: classroom pack (:data:`perucorpus.publish.classroom.FOLDERS`). Any other folder the build once wrote there (it
#: holds :data:`MARKER`), such as the old ``handouts/``, is stale.
BUILD = "_build"
BUILT = ("html", "classroom", "ar")


def remove_stale(build: Path | str) -> list[Path]:
    """Remove the folders of ``build`` (a folder named :data:`BUILD`) that an earlier build wrote (they hold
    :data:`MARKER`) and today's no longer does (not in :data:`BUILT`); return them. Nothing else is touched: not a
    folder without the marker, not a link, nothing outside ``build``. Each folder is first renamed out of the way
    (atomic), then deleted, so no half-deleted folder is left under its name.
    """
    build = Path(build)
    if build.name != BUILD or not build.is_dir() or build.is_symlink():
        return []
    folders = [folder for folder in sorted(build.iterdir()) if folder.is_dir() and not folder.is_symlink()]
    for leftover in [folder for folder in folders if folder.name.startswith(".stale-")]:  # an interrupted removal
        shutil.rmtree(leftover)
    stale = [
        folder
        for folder in folders
        if folder.name not in BUILT and not folder.name.startswith(".") and (folder / MARKER).is_file()
    ]
    for folder in stale:
        doomed = build / f".stale-{folder.name}-{os.getpid()}"
        folder.rename(doomed)
        shutil.rmtree(doomed)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Build the reading copy (``argv``: notebooks, html folder), remove the build's stale folders beside it
    (:func:`remove_stale`) and print what was written and removed.
    """
    args = sys.argv[1:] if argv is None else argv
    notebooks = Path(args[0]) if args else Path("notebooks")
    target = Path(args[1]) if len(args) > 1 else Path(BUILD, "html")
    written = build(notebooks, target)
    print(f"reading copy: {len(written)} pages in {target.as_posix()}/ (open index.html)")
    for folder in remove_stale(target.parent):
        print(f"removed {folder.as_posix()}/: no longer built")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
