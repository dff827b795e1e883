"""Shared fixtures: the project's data folder, a disposable copy of it, its tables loaded once, and the gazetteer."""

import ast
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.facts import comparison, heads_of_state, memberships
from perucorpus.text import cleaning, corpus
from perucorpus.text.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
#: The three seed articles, in the order of articles.csv. A test that pins their content says
#: so in its name (``seed_``) and reads them through the ``seed_articles`` fixture; an article
#: added the documented way (``perucorpus add-article``) comes after them and breaks no test.
#: The 17 signatories that the seed explainer (shield2026_explainer) lists.
SEED_SIGNATORIES = {
    "USA",
    "BHS",
    "ARG",
    "BLZ",
    "BOL",
    "CRI",
    "DOM",
    "ECU",
    "SLV",
    "GTM",
    "GUY",
    "HND",
    "JAM",
    "PAN",
    "PRY",
    "PER",
    "TTO",
}
SEED_IDS = ("castillo2021_lima_exit", "jeri2025_mnna_intent", "shield2026_explainer")


#: Fixtures that build the reading copy, the classroom pack's pages, the Arabic edition or their PDFs, check the PDFs
#: ``make notebooks`` built against freshly rendered pages, draw the pack's printed maps, start Chromium, or run
#: notebooks: a test using one is slow.
SLOW_FIXTURES = {
    "built_site",
    "pages",
    "reports",
    "project",
    "rounds",
    "browser",
    "arabic_pages",
    "arabic_edition",
    "pack_pages",
    "printed_maps",
    "built",
    "built_arabic",
}


def pytest_collection_modifyitems(config, items):
    """Mark ``slow`` every nbval notebook cell and every test that uses a :data:`SLOW_FIXTURES` fixture,
    so that ``pytest -m "not slow"`` is the quick inner loop (``make test`` and CI still run all).
    """
    for item in items:
        if item.path.suffix == ".ipynb" or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def articles():
    return corpus.load_corpus(DATA)


@pytest.fixture(scope="session")
def seed_articles(articles):
    """The three seed articles only (see :data:`SEED_IDS`)."""
    return {article_id: articles[article_id] for article_id in SEED_IDS}


@pytest.fixture(scope="session")
def views(articles):
    return {article_id: cleaning.clean(article.raw) for article_id, article in articles.items()}


@pytest.fixture(scope="session")
def gaz():
    return Gazetteer.from_data(DATA)


# The project's tables, loaded once per session: tests read them and never modify them
# (a test that needs other data edits a data_copy).


@pytest.fixture(scope="session")
def collection():
    """data/ read and checked once (perucorpus.facts.collection.Collection), for tests that read the project's data
    as it is; a test that changes the data reads its own copy.
    """
    from perucorpus.facts.collection import Collection

    return Collection(DATA)


@pytest.fixture(scope="session")
def root_pack(collection):
    """The classroom pack of this checkout (its own data and translations, which the built PDFs were printed from)."""
    from perucorpus.publish import editions

    return editions.load(ROOT, collection=collection)


@pytest.fixture(scope="session")
def rows():
    """data/memberships.csv, validated, with library fields (memberships.load_memberships)."""
    return memberships.load_memberships(DATA)


@pytest.fixture(scope="session")
def positions():
    return comparison.load_positions(DATA)


@pytest.fixture(scope="session")
def dimensions():
    return read_table(DATA / "dimensions.csv", schemas.DIMENSIONS)


@pytest.fixture(scope="session")
def presidents():
    return heads_of_state.load_presidents(DATA)


@pytest.fixture(scope="session")
def people():
    return read_table(DATA / "people.csv", schemas.PEOPLE)


@pytest.fixture(scope="session")
def references():
    return read_table(DATA / "references.csv", schemas.REFERENCES).set_index("ref_id")


@pytest.fixture
def data_copy(tmp_path):
    """A temporary copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
VOID = {"br", "img", "hr", "meta", "input", "link", "wbr", "col", "source"}


class Page(HTMLParser):
    """Collects scripts, links, images, and Arabic text blocks with their direction."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.scripts, self.links, self.images, self.blocks = [], [], [], [], []
        self.alts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "img":
            self.images.append(attrs.get("src", ""))
            self.alts.append(attrs.get("alt"))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("dir")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        arabic, latin = len(ARABIC.findall(data)), len(LATIN.findall(data))
        if arabic >= 3 and arabic > latin and not any(tag in {"pre", "code"} for tag, _ in self.stack):
            direction = next((d for _, d in reversed(self.stack) if d), None)
            self.blocks.append((data.strip()[:40], direction))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The reading copy built once from a copy of the project.

    The copy gets a CSV beside one figure that has none yet, so that the figure links are tested
    whether or not the notebooks already write them.
    """
    from perucorpus.publish import site

    root = tmp_path_factory.mktemp("project")
    for folder in ("notebooks", "data", "figures", "teaching", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "README.md", root / "README.md")
    csv = root / "figures" / "01_top_terms.csv"
    if not csv.exists():
        csv.write_text("article,term,count\nexample,term,1\n", encoding="utf-8")
    written = site.build(root / "notebooks", root / "_build" / "html")
    return root / "_build", written


def need(available, reason):
    """Skip a test that needs a tool (Chromium, axe-core, pdftotext, a built pack) where it is missing; in CI, fail."""
    import os

    if not available:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI must run this test: see .ci/run)")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (:class:`perucorpus.publish.chromium.Browser`); skipped where missing."""
    from perucorpus.publish import chromium

    need(chromium.executable(), "needs a headless Chromium (Debian package chromium)")
    with chromium.Browser() as running:
        yield running


#: The translated article of the pack's tests: the news report, whole (the loader refuses an article translated in
#: part); the opinion piece and the explainer stay "not yet translated".
TRANSLATED_ARTICLE = "jeri2025_mnna_intent"


def translation_fixture() -> str:
    """``translations.csv`` with only :data:`TRANSLATED_ARTICLE`'s rows, as the project's data gives them."""
    lines = (DATA / "translations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    return lines[0] + "".join(line for line in lines[1:] if line.startswith(TRANSLATED_ARTICLE + ","))


@pytest.fixture(scope="session")
def pack_project(tmp_path_factory):
    """A copy of the project whose translations.csv holds one article (:func:`translation_fixture`)."""
    root = tmp_path_factory.mktemp("pack")
    shutil.copytree(DATA, root / "data")
    (root / "data" / "translations.csv").write_text(translation_fixture(), encoding="utf-8")
    for folder in ("figures", "teaching"):
        (root / folder).symlink_to(ROOT / folder)
    return root


@pytest.fixture(scope="session")
def pack(pack_project):
    """The classroom pack of :func:`pack_project` (perucorpus.publish.editions.load)."""
    from perucorpus.publish import editions

    return editions.load(pack_project)


@pytest.fixture(scope="session")
def arabic_pack(pack_project):
    """The Arabic pack of :func:`pack_project` (perucorpus.publish.localised.load)."""
    from perucorpus.publish import localised

    return localised.load(pack_project, "ar")


@pytest.fixture(scope="session")
def pack_pages(pack_project, pack, tmp_path_factory):
    """The pack's pages (no PDFs) written to a temporary folder: (folder, name → HTML)."""
    from perucorpus.publish import classroom

    target = tmp_path_factory.mktemp("classroom") / "classroom"
    return target, classroom.write_pages(pack_project, target, pack)


@pytest.fixture(scope="session")
def arabic_edition(pack_project, arabic_pack, tmp_path_factory):
    """The Arabic edition's pages (no PDFs) written to a temporary folder: (folder, name → HTML)."""
    from perucorpus.publish import classroom, edition

    target = tmp_path_factory.mktemp("edition") / "ar"
    pages = classroom.write_pages(pack_project, target, language="ar")
    pack = arabic_pack
    return target, pages | edition.write(pack_project, target, pack, pack.t)


#: The functions of ``re`` whose first argument is a pattern: a module that builds no HTML may name tags only in them.
PATTERN_READERS = {"compile", "sub", "findall", "search", "split", "match", "finditer"}


def tag_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string literal in ``tree`` that holds an HTML tag, other than a regex pattern or a docstring."""
    patterns = {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and node.func.attr in PATTERN_READERS
        and node.args
    }
    inside = {id(child) for node in ast.walk(tree) if id(node) in patterns for child in ast.walk(node)}
    inside |= {  # docstrings may name tags
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body and isinstance(node.body[0], ast.Expr)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside:
            if re.search(r"<[A-Za-z!/]", node.value):
                found.append((node.lineno, node.value))
    return found
