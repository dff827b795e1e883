"""The classroom pack (``_build/classroom/``): lesson plan, the articles in full (the reading before class), one-page handout, student reader, facilitator edition, slides.

Every page is rendered from one :class:`~perucorpus.publish.editions.Pack` by the templates in
``templates/classroom/`` (no page is copied from another), carries no script, and is printed to
PDF by headless Chromium (:mod:`perucorpus.publish.chromium`): A4 for the documents, 16:9 pages
for the slides. ``printed.json`` records, for each PDF, the SHA-256 of the page it was printed
from, so a test can tell a PDF printed from today's sources from a stale one.

Run ``python -m perucorpus classroom [project root] [_build/classroom]`` (``make notebooks`` does).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

import fontpkg_noto_sans_arabic
import jinja2
from markupsafe import Markup

from perucorpus.present import alliance_figures
from perucorpus.present.display import latin_isolated, mixed
from perucorpus.publish import catalogue, editions, localised
from perucorpus.publish.catalogue import RIGHT_TO_LEFT
from perucorpus.publish.site import FONT, LINKS_TO_TEXT, TEMPLATES, fresh_folder

#: Each page of the pack: its template and how it is rendered (the facilitator flag of the editions).
PAGES = {
    "lesson_plan.html": ("classroom/lesson_plan.html.j2", {}),
    "articles.html": ("classroom/articles.html.j2", {}),
    "handout.html": ("classroom/handout.html.j2", {}),
    "student.html": ("classroom/edition.html.j2", {"facilitator": False}),
    "facilitator.html": ("classroom/edition.html.j2", {"facilitator": True}),
    "slides.html": ("classroom/slides.html.j2", {}),
}
#: The PDF each page is printed to.
PDFS = {page: page.removesuffix(".html") + ".pdf" for page in PAGES}
#: The figures the handout and the slides show (files of ``figures/``).
MAPS, TIMELINE = alliance_figures.MAPS, alliance_figures.TIMELINE
#: The figures drawn for the printed page in their place (at their printed size: the width each page gives them, mm);
#: the printed timeline's steps are numbered, the page writing them out beside it (:attr:`editions.Pack.timeline`).
PRINTED = {
    MAPS: (alliance_figures.MAPS_PRINT, alliance_figures.PRINT.width),
    TIMELINE: (alliance_figures.TIMELINE_PRINT, alliance_figures.TIMELINE_PRINT_SIZE.width),
}
#: The figures drawn for the slides, each at the width of a slide's content box (mm): the maps one a slide (the deck's
#: sections ``slide-map`` and ``slide-map-2026``), the timeline with its steps numbered, the slide writing them out.
SLIDES = {
    MAPS: [(stem, size.width) for stem, size in alliance_figures.SLIDE_MAP_SIZES.items()],
    TIMELINE: [(alliance_figures.TIMELINE_SLIDE, alliance_figures.TIMELINE_SLIDE_SIZE.width)],
}
MANIFEST = "printed.json"
#: The article the maps' second title names.
EXPLAINER = "shield2026_explainer"
#: Where each language's edition of the pack is built, under ``_build/``, and the name of each language in itself
#: (the label of the link from a page to its twin in the other language).
FOLDERS = {"en": "classroom", "ar": "ar"}
AUTONYMS = {"en": "English", "ar": "العربية"}


def twins(language: str, page: str) -> list[dict]:
    """The page's twins in the other languages: language, address (relative to the page) and label."""
    return [
        {
            "language": other,
            "href": f"../{folder}/{page}",
            "label": AUTONYMS[other],
            "direction": "rtl" if other in RIGHT_TO_LEFT else "ltr",
        }
        for other, folder in FOLDERS.items()
        if other != language
    ]


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def environment(direction: str = "ltr", language: str = "en") -> jinja2.Environment:
    """The Jinja2 environment of the pack's templates in a page of ``direction`` and ``language``: autoescaped,
    strict, with the filters ``mixed`` (a text of the page's language: Arabic runs isolated in a left-to-right page,
    Latin runs in a right-to-left one), ``english`` (English text, its Arabic isolated, whatever the page) and the
    language's list separators ``sep.semicolon`` and ``sep.comma`` (:data:`~perucorpus.publish.localised.SEPARATORS`).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    isolate = latin_isolated if direction == "rtl" else mixed
    env.filters["mixed"] = lambda text: Markup(isolate(str(text)))
    env.filters["english"] = lambda text: Markup(mixed(str(text)))
    env.globals["english_text"] = env.filters["english"]  # for the shared side-by-side table (side_by_side.html.j2)
    env.filters["first_upper"] = _first_upper
    env.filters["code_spans"] = lambda text: Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", isolate(str(text))))
    env.globals["sep"] = localised.separators(language)
    return env


#: A slide's number in a text (``{slide:map}``: the number of the deck's section ``slide-map``).
SLIDE_TOKEN = re.compile(r"\{slide:([\w-]+)\}")
_SLIDE = re.compile(r'<section class="slide\b[^"]*" id="slide-([\w-]+)"')


def slide_numbers(deck: str) -> dict[str, int]:
    """Each slide of the rendered deck ``deck`` (its section id without ``slide-``) → its number, in page order."""
    return {name: number for number, name in enumerate(_SLIDE.findall(deck), 1)}


def with_slide_numbers(text: str, numbers: dict[str, int]) -> str:
    """``text`` with each ``{slide:<name>}`` replaced by that slide's number in the deck (:func:`slide_numbers`), so a
    text that names slides cannot go stale when the deck changes; a name the deck lacks is a :class:`PackError`.
    """

    def number(match: re.Match) -> str:
        if match.group(1) not in numbers:
            raise editions.PackError(f"a text names the slide {match.group(1)!r}, which the deck does not have")
        return str(numbers[match.group(1)])

    return SLIDE_TOKEN.sub(number, str(text))


def render(pack: editions.Pack) -> dict[str, str]:
    """Every page of the pack: file name → HTML. The slides are rendered first: the lesson plan gives their numbers."""
    env = environment(pack.t.direction, pack.t.language)
    outputs = [(name, pack.t(key)) for name, key in editions.OUTPUTS]
    pages: dict[str, str] = {}
    order = ["slides.html"] + [name for name in PAGES if name != "slides.html"]
    for name in order:
        template, options = PAGES[name]
        if name != "slides.html":
            numbers = slide_numbers(pages["slides.html"])
            env.filters["slides"] = lambda text, numbers=numbers: with_slide_numbers(text, numbers)
        else:
            env.filters["slides"] = lambda text: with_slide_numbers(text, {})
        title = f"{pack.t('pack.title')}: {pack.t(_label(name))}"
        pages[name] = env.get_template(template).render(
            pack=pack,
            t=pack.t,
            title=title,
            outputs=outputs,
            maps=MAPS,
            timeline=TIMELINE,
            printed=PRINTED,
            slide_figures=SLIDES,
            keys={TIMELINE: pack.timeline},
            twins=twins(pack.t.language, name),
            **options,
        )
    return {name: pages[name] for name in PAGES}


def _label(page: str) -> str:
    return {
        "lesson_plan.html": "ui.lesson_plan",
        "articles.html": "ui.articles_full",
        "handout.html": "ui.handout",
        "student.html": "ui.student_edition",
        "facilitator.html": "ui.facilitator_edition",
        "slides.html": "ui.slides",
    }[page]


def guide_html(pack: editions.Pack, kind: str, prefix: str = "../_build/classroom/") -> str:
    """Notebook 04's rendering of the pack's questions (``kind="question"``) or exercises, answers folded; each
    material links to its place in the facilitator edition (under ``prefix``, relative to the notebook).
    """
    env = environment(pack.t.direction, pack.t.language)
    template = env.from_string(
        '{% import "classroom/macros.html.j2" as m %}'
        "{% for i in items %}{{ m.item(i, t, guide=True, pack_prefix=prefix) }}{% endfor %}"
    )
    items = pack.questions if kind == "question" else pack.exercises
    return template.render(items=items, t=pack.t, prefix=prefix).strip()


def intro_html(pack: editions.Pack, prefix: str) -> str:
    """Notebook 04's opening: what the guide is for, and a link to every item of the pack (under ``prefix``)."""
    template = environment(pack.t.direction, pack.t.language).from_string(
        "<p>{{ t('pack.purpose') | mixed }}</p><p>{{ t('pack.pack_intro') | code_spans }}</p>"
        '<ul>{% for href, label in links %}<li><a href="{{ href }}">{{ label }}</a></li>{% endfor %}</ul>'
    )
    return template.render(t=pack.t, links=pack_links(pack, prefix))


def pack_links(pack: editions.Pack, prefix: str) -> list[tuple[str, str]]:
    """(address, label) of every item of the pack, addresses under ``prefix`` (a folder, relative to the linking page)."""
    return [(f"{prefix}{name}", pack.t(key)) for name, key in editions.OUTPUTS]


def _digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def write_pages(root: Path | str, target: Path | str, pack: editions.Pack | None = None, language: str = "en") -> dict[str, str]:
    """Write the pack's pages in ``language``, the figures they show and the font into ``target`` (emptied first);
    return the pages.
    """
    root, target = Path(root), Path(target)
    pack = pack or localised.load(root, language)
    pages = render(pack)
    fresh_folder(target)
    (target / "figures").mkdir()
    stems = sorted({MAPS, TIMELINE} | {figure.stem for figure in pack.figures})
    printed = [stem for stem, _ in PRINTED.values()] + [stem for drawn in SLIDES.values() for stem, _ in drawn]
    if pack.t.language != "en":  # drawn in the edition's language by the figure code notebook 03 draws in English
        drawn = draw_figures(root, target / "figures", pack.t.language)
        missing = set(stems + printed) - {path.stem for path in drawn}
        if missing:
            raise editions.PackError(f"no {pack.t.language} drawing of the figures {sorted(missing)}")
        stems = []
    else:  # the printed drawings are the pack's own (notebook 03 draws the screen's)
        explainer = next(article.name for article in pack.articles if article.article_id == EXPLAINER)
        draw_figures(root, target / "figures", "en", printed, explainer)
    for stem in stems:
        shutil.copy(root / "figures" / f"{stem}.png", target / "figures" / f"{stem}.png")
    (target / "fonts").mkdir()
    shutil.copy(next(Path(fontpkg_noto_sans_arabic.ROOT, "files").glob("NotoSansArabic*.ttf")), target / FONT)
    for name, html in pages.items():
        (target / name).write_text(html, encoding="utf-8")
    return pages


def _draw(root: Path, folder: Path, language: str, stems=None, explainer: str | None = None) -> list[Path]:
    if language == "en":
        text = alliance_figures.english()
    else:
        t = catalogue.load(root / "teaching", language)
        text, explainer = localised.figure_text(root, t), t(f"data.article.{EXPLAINER}")
    return alliance_figures.draw_all(root / "data", folder, text, explainer, stems)


def draw_figures(root: Path | str, folder: Path | str, language: str, stems=None, explainer: str | None = None) -> list[Path]:
    """Draw the pack's figures in ``language`` into ``folder`` (:func:`perucorpus.present.alliance_figures.draw_all`),
    or only those of ``stems``; ``explainer``: the explainer's name in English (a translation's is in its catalogue).

    In a process of its own: drawing leaves font and projection files open on low descriptors, where the
    browser that prints the pack then wants its pipe (:class:`perucorpus.publish.chromium.Browser`).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_draw, Path(root), Path(folder), language, stems, explainer).result()


def build(
    root: Path | str, target: Path | str, pdf: bool = True, language: str = "en", pack: editions.Pack | None = None
) -> list[Path]:
    """Build the pack of the project at ``root`` in ``language`` into ``target``: its pages and, with ``pdf``, their
    PDFs (needs Chromium). ``pack``: the pack already loaded by the caller (else loaded here).
    """
    target = Path(target)
    pages = write_pages(root, target, pack, language=language)
    written = [target / name for name in pages]
    if pdf:
        from perucorpus.publish.chromium import Browser

        with Browser() as browser:
            written += [browser.pdf(target / page, target / PDFS[page], LINKS_TO_TEXT) for page in pages]
        manifest = {PDFS[name]: _digest(html) for name, html in pages.items()}
        (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written


def stale_pdfs(built: Path | str, pages: dict[str, str]) -> list[str]:
    """The PDFs of the pack in ``built`` that were not printed from ``pages`` (the pages today's sources give)."""
    path = Path(built) / MANIFEST
    if not path.is_file():
        return sorted(PDFS.values())
    printed = json.loads(path.read_text(encoding="utf-8"))
    return [
        PDFS[name]
        for name, html in pages.items()
        if printed.get(PDFS[name]) != _digest(html) or not (Path(built) / PDFS[name]).is_file()
    ]


def main(argv: list[str] | None = None) -> int:
    """Build the pack (``argv``: project root, target folder, language) and print what was written."""
    from perucorpus.publish.chromium import INSTALL_HINT, executable

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(".")
    language = args[2] if len(args) > 2 else "en"
    target = Path(args[1]) if len(args) > 1 else root / "_build" / FOLDERS[language]
    if not executable():  # the pages need no browser; say once what the PDFs need
        print(f"PDFs not printed: {INSTALL_HINT}.")
    written = build(root, target, pdf=executable() is not None, language=language)
    print(
        f"classroom pack: {', '.join(path.name for path in written if path.suffix == '.pdf') or 'no PDFs'} "
        f"and {len([path for path in written if path.suffix == '.html'])} pages in {target.as_posix()}/"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
