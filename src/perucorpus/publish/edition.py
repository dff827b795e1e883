"""A translated edition (``_build/<lang>/``): the classroom pack in that language, and the pages only it has.

The pack's pages come from :func:`perucorpus.publish.classroom.build` with the language's catalogue. Beside them
the edition has an index (its contents and navigation), the discussion guide (the questions and exercises of
notebook 04, answers folded) and the three-way glossary (Arabic, Spanish, English) of :func:`glossary`. All are
rendered by language-neutral templates from the catalogue (``edition.*`` keys, English in
``teaching/edition.toml``); each page links its English twin (``hreflang``).

Run ``python -m perucorpus classroom . _build/ar --language ar`` (``make notebooks`` does).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.publish import classroom, editions, localised
from perucorpus.publish.catalogue import Catalogue

#: The edition's own pages: template, and the English twin (relative to the page).
PAGES = {
    "index.html": ("classroom/index.html.j2", "../html/index.html"),
    "guide.html": ("classroom/guide.html.j2", "../html/04_discussion_guide.html"),
    "glossary.html": ("classroom/glossary.html.j2", "../html/04_discussion_guide.html"),
}


@dataclass(frozen=True)
class Term:
    """A glossary term in three languages; ``spanish`` is empty when no Spanish reference of ours writes it."""

    arabic: str
    spanish: str
    english: str
    basis: str
    reference: editions.Reference | None
    other_forms: tuple[str, ...] = ()  # other forms of the name in the articles (``other_forms_ar``)


def glossary(root: Path | str) -> list[Term]:
    """The three-way glossary: ``glossary.csv`` (Arabic, English) joined to ``glossary_es.csv`` (Spanish, its source).

    Raises :class:`DataError` (one line: file, line, problem) for a Spanish row whose term is not in the glossary,
    a glossary term without a Spanish row, or a Spanish term without the reference that attests it.
    """
    folder = Path(root) / "data"
    terms = read_table(folder / "glossary.csv", schemas.GLOSSARY)
    spanish = read_table(folder / "glossary_es.csv", schemas.GLOSSARY_ES)
    references = read_table(folder / "references.csv", schemas.REFERENCES).set_index("ref_id", drop=False)
    path = folder / "glossary_es.csv"
    spanish = spanish.fillna("")
    by_term = {}
    for line, row in zip(spanish.attrs["lines"], spanish.itertuples()):
        where = f"{path}:{line}"
        if row.term_ar not in set(terms["term_ar"]):
            raise DataError(f"{where}: {row.term_ar!r} is not a term_ar of glossary.csv")
        found = row.basis != "not_found"
        if found != bool(row.term_es) or found != bool(row.ref_id):
            raise DataError(f"{where}: a Spanish term needs its ref_id, and basis not_found neither")
        if found and row.ref_id not in references.index:
            raise DataError(f"{where}: ref_id {row.ref_id!r} is not in references.csv")
        by_term[row.term_ar] = row
    missing = [term for term in terms["term_ar"] if term not in by_term]
    if missing:
        raise DataError(f"{path}: no row for the glossary terms {missing}")
    result = []
    for row in terms.itertuples():
        es = by_term[row.term_ar]
        reference = None
        if es.basis != "not_found":
            ref = references.loc[es.ref_id]
            reference = editions.Reference(es.ref_id, ref["title"], ref["publisher"], ref["date"], ref["url"])
        other_forms = tuple(form.strip() for form in row.other_forms_ar.split(";") if form.strip())
        result.append(Term(row.term_ar, es.term_es, row.gloss_en, es.basis, reference, other_forms))
    return result


def render(root: Path | str, pack: editions.Pack, t: Catalogue) -> dict[str, str]:
    """The edition's own pages (file name → HTML) for ``pack`` in the language of ``t``."""
    env = classroom.environment(t.direction, t.language)
    terms = glossary(root)
    # the guide, like the facilitator edition (ui.facilitator), is marked as the teachers': it holds the answers
    links = [(name, t(key)) for name, key in (("guide.html", "edition.guide_link"), ("glossary.html", "edition.glossary"))]
    links += classroom.pack_links(pack, "")
    pages = {}
    for name, (template, twin) in PAGES.items():
        twins = [{"language": "en", "href": twin, "label": classroom.AUTONYMS["en"], "direction": "ltr"}]
        title = t("edition.index_title") if name == "index.html" else f"{t('edition.' + name[:-5])}: {t('pack.title')}"
        pages[name] = env.get_template(template).render(
            pack=pack,
            t=t,
            title=title,
            twins=twins,
            links=links,
            terms=terms,
            page=name,
            date=lambda value: localised.date_words(value, t),
        )
    return pages


def write(root: Path | str, target: Path | str, pack: editions.Pack, t: Catalogue) -> dict[str, str]:
    """Write the edition's own pages into ``target`` (beside the pack's) and return them."""
    pages = render(root, pack, t)
    for name, html in pages.items():
        (Path(target) / name).write_text(html, encoding="utf-8")
    return pages


def build(root: Path | str, target: Path | str, language: str, pdf: bool = True) -> list[Path]:
    """Build the edition of ``language`` into ``target``: the pack's pages (and PDFs, with ``pdf``) and its own pages."""
    pack = localised.load(root, language)  # once, for the pack's pages and the edition's own
    written = classroom.build(root, target, pdf=pdf, language=language, pack=pack)
    pages = write(root, target, pack, pack.t)
    return written + [Path(target) / name for name in pages]


def main(argv: list[str] | None = None) -> int:
    """Build an edition (``argv``: project root, target folder, language) and print what was written."""
    from perucorpus.publish.chromium import executable

    args = sys.argv[1:] if argv is None else argv
    root, target, language = Path(args[0]), Path(args[1]), args[2]
    written = build(root, target, language, pdf=executable() is not None)
    pdfs = [path.name for path in written if path.suffix == ".pdf"]
    pages = [path for path in written if path.suffix == ".html"]
    print(f"{language} edition: {', '.join(pdfs) or 'no PDFs'} and {len(pages)} pages in {target.as_posix()}/")
    return 0
