"""The command line: ``python -m perucorpus <command>`` (also installed as ``perucorpus``).

Commands: ``add-article`` (a new article, checked and copied into ``data/``), ``fill``
(recompute the columns of the data files that are derived from the articles or from
libraries), ``migrate`` (bring a data file written with former columns to the current ones),
``navigation``, ``run`` (re-execute the notebooks), ``datapackage`` (the data package, the
country-year panel, the ClaimReview export and the codebook) ``site`` (the HTML
reading copy) and ``classroom`` (the classroom pack and its PDFs). ``perucorpus <command> --help`` describes each.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from perucorpus.base import schemas
from perucorpus.base.tables import DataError
from perucorpus.publish.catalogue import CatalogueError, MissingText
from perucorpus.text import corpus

#: The fill commands, by data file (under ``data/``): ``module.function`` of this package that
#: recomputes that file's derived columns in place and returns its number of rows. Adding
#: one is one line here. (Named, not imported: ``--help`` stays quick.)
FILLS = {
    "positions.csv": "facts.quotes.fill_offsets",
    "memberships.csv": "facts.memberships.fill",
    "claims.csv": "facts.quotes.fill_offsets",
}


#: The migrations, by data file: ``module.function`` that brings a file written with former columns to
#: the current ones, in place (re-runnable), and returns its number of rows.
MIGRATIONS = {"memberships.csv": "facts.memberships.migrate"}


def _job(name: str):
    """The function ``module.function`` of this package, imported when the command runs."""
    module, function = name.rsplit(".", 1)
    return getattr(importlib.import_module(f".{module}", __package__), function)


#: How many of a new article's most frequent terms ``add-article`` checks for glosses.
TOP_TERMS = 10


def _add_article(args: argparse.Namespace) -> int:
    from perucorpus.facts.collection import Collection

    collection = Collection(args.data)  # each file read once, for the checks and for what to annotate next
    article = corpus.add_article(
        args.data,
        args.path,
        args.id,
        genre=args.genre,
        era=args.era,
        date=args.date,
        title_en=args.title_en,
        summary_en=args.summary_en,
        date_basis=args.date_basis,
        date_note=args.date_note,
        notes=args.notes,
        publisher=args.publisher,
        url=args.url,
        outlet_basis=args.outlet_basis,
        outlet_note=args.outlet_note,
        articles=collection.articles,
        eras=collection.eras,
        before_writing=lambda: _check_annotation_files(collection),  # what next_steps reads must load
    )
    print(f"added {article.id}: {args.path} copied to {article.path.as_posix()} (SHA-256 {article.meta['sha256']})")
    collection.forget("articles.csv")  # the one file add_article rewrote
    for line in next_steps(collection, article.id):
        print(line)
    return 0


def _check_annotation_files(collection) -> None:
    """Load the data sets :func:`next_steps` uses (glosses, gazetteer, term counts' stopwords), so that a problem
    in their files stops ``add-article`` with its one-line :class:`DataError` before the article is copied.
    """
    for data_set in ("term_glosses", "gazetteer"):
        getattr(collection, data_set)
    collection.table("stopwords_supplement.csv")


def next_steps(collection, article_id: str) -> list[str]:
    """What is worth annotating next for a newly added article of ``collection``
    (a :class:`perucorpus.facts.collection.Collection`): unglossed top terms, countries found, its translation,
    the other files.
    """
    from perucorpus.base import countries
    from perucorpus.facts.quotes import numbered_paragraphs
    from perucorpus.facts.translations import HOW_TO_TRANSLATE, NOT_TRANSLATED
    from perucorpus.text import gazetteer, overview

    data_dir = collection.data
    terms = collection.article_terms[article_id].head(TOP_TERMS)
    glossed = overview.with_glosses(terms, collection.term_glosses)  # as the notebooks gloss them
    missing = overview.unglossed(glossed)
    lines = [
        f"Its {len(terms)} most frequent content terms: {len(missing)} without an English gloss in "
        f"{(data_dir / 'glosses.csv').as_posix()} (add a term_ar,gloss_en row for each):"
    ]
    lines += [f"  {row.display}  (term {row.term}, used {row.count}×)" for row in missing.itertuples()]
    found = collection.gazetteer.find(collection.clean_texts[article_id], scope=article_id)
    counts = gazetteer.mention_counts({article_id: found})
    lines.append("Countries the gazetteer found (check by eye; add a spelling it missed to gazetteer/variants.csv):")
    by_country = counts.groupby("iso3", sort=False)["mentions"].sum().sort_values(ascending=False, kind="stable")
    lines += [f"  {iso3} {' · '.join(countries.country_label(iso3))}: {total}" for iso3, total in by_country.items()]
    if by_country.empty:
        lines.append("  none")
    others = sorted({mention.entry.term for mention in found if not mention.is_country})
    if others:
        lines.append("Regions, cities and organisations matched (not counted as countries): " + ", ".join(others))
    lines.append(
        f"No English translation yet: the notebooks and the reading copy show {NOT_TRANSLATED!r} beside each of its "
        f"{len(numbered_paragraphs(collection.texts[article_id]))} paragraphs. To translate it, "
        + HOW_TO_TRANSLATE.format(file=(data_dir / "translations.csv").as_posix())
        + "."
    )
    lines.append(
        "Next: claims for the positions table go in positions.csv (then `perucorpus fill`); "
        "`make notebooks && make test` re-runs everything with the new article."
    )
    return lines


def _fill(args: argparse.Namespace) -> int:
    from perucorpus.facts.collection import Collection

    names = args.files or list(FILLS)
    unknown = [name for name in names if name not in FILLS]
    if unknown:
        raise DataError(f"no fill command for {unknown}; known: {list(FILLS)}")
    texts = Collection(args.data).texts  # the articles read and checked once, for every file filled
    for name in names:
        path = Path(args.data) / name
        print(f"{path.as_posix()}: {_job(FILLS[name])(path, texts)} rows filled")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    for name in args.files or list(MIGRATIONS):
        if name not in MIGRATIONS:
            raise DataError(f"no migration for {name!r}; known: {list(MIGRATIONS)}")
        path = Path(args.data) / name
        print(f"{path.as_posix()}: {_job(MIGRATIONS[name])(path)} rows in the current columns")
    return 0


def _datapackage(args: argparse.Namespace) -> int:
    if args.check:
        stale = _job("publish.dataset.stale")(args.root)
        for name in stale:
            print(f"{name} is stale: run `perucorpus datapackage` (or `make notebooks`)", file=sys.stderr)
        return 1 if stale else 0
    for problem in _job("publish.dataset.undocumented")(args.root):
        print(f"warning: {problem}", file=sys.stderr)
    written = _job("publish.dataset.build")(args.root)
    print(f"{len(written)} generated file(s) changed" + (": " + ", ".join(written) if written else ""))
    return 0


def _navigation(args: argparse.Namespace) -> int:
    return _job("publish.navigation.main")([args.notebooks])


def _run(args: argparse.Namespace) -> int:
    return _job("publish.runner.main")([args.notebooks])


def _site(args: argparse.Namespace) -> int:
    return _job("publish.site.main")([args.notebooks, args.target])


def _classroom(args: argparse.Namespace) -> int:
    target = args.target or f"_build/{'classroom' if args.language == 'en' else args.language}"
    if args.language == "en":
        return _job("publish.classroom.main")([args.root, target])
    return _job("publish.edition.main")([args.root, target, args.language])


def _notebooks_folder(command: argparse.ArgumentParser) -> None:
    """The optional ``notebooks`` folder argument that the notebook commands share."""
    command.add_argument("notebooks", nargs="?", default="notebooks", help="the notebooks folder (default: notebooks)")


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    top = argparse.ArgumentParser(
        prog="perucorpus", description="The jobs of the perucorpus collection; `perucorpus COMMAND --help` describes each."
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = commands.add_parser(
        "add-article",
        help="add an article to data/ (checked; nothing written on an error)",
        description="Copy an article (UTF-8 text) byte for byte to data/articles/ID.txt, record its "
        "SHA-256 and metadata in data/articles.csv, and list what to annotate next. Every "
        "check runs first: on bad input one line names the file and the problem, and nothing is written.",
    )
    add.add_argument("path", help="the article as a UTF-8 text file (no BOM); copied byte for byte")
    add.add_argument("--id", required=True, help="new article id: lowercase letters, digits and _ (e.g. vizcarra2019_lima)")
    add.add_argument("--genre", required=True, help=f"one of {', '.join(schemas.GENRES)}")
    add.add_argument("--era", required=True, help="an era id of data/eras.csv")
    add.add_argument("--date", required=True, help="ISO 8601 date or interval: YYYY[-MM[-DD]][/YYYY[-MM[-DD]]]")
    add.add_argument("--title-en", required=True, help="an English title (ours: say what kind of piece it is)")
    add.add_argument(
        "--summary-en", required=True, help="a one-sentence English summary that reports the author's claims as the author's"
    )
    add.add_argument(
        "--date-basis",
        choices=["stated", "inferred"],
        default="stated",
        help="is the date stated in the text or inferred from it (default: stated)",
    )
    add.add_argument("--date-note", default=corpus.NO_DATE_NOTE, help="where the date comes from (quote the text)")
    add.add_argument("--notes", default="", help="anything else about the article (byline, page furniture, typos)")
    add.add_argument(
        "--outlet-basis",
        choices=schemas.OUTLET_BASES,
        default="not_found",
        help="found: a public page carries this text (give --publisher and --url); close_parallel: none does, but a "
        "public report follows it closely (say which in --outlet-note); not_found (default)",
    )
    add.add_argument("--publisher", default="", help="with --outlet-basis found: who published the page, as the page shows it")
    add.add_argument(
        "--url", default="", help="with --outlet-basis found: the page's address, non-ASCII characters percent-encoded"
    )
    add.add_argument(
        "--outlet-note",
        default=corpus.NO_OUTLET_NOTE,
        help="what was compared and what is not known (publisher, headline, date, address; a close parallel's address)",
    )
    add.add_argument("--data", default="data", help="the data folder (default: data)")
    add.set_defaults(handler=_add_article)

    fill = commands.add_parser(
        "fill",
        help="recompute the derived columns of data files (quote offsets, library names)",
        description="Recompute, in place, the columns of the data files that are computed "
        f"from the articles or from libraries: {', '.join(FILLS)}.",
    )
    fill.add_argument(
        "files", nargs="*", metavar="FILE", help=f"file names under the data folder (default: all of {', '.join(FILLS)})"
    )
    fill.add_argument("--data", default="data", help="the data folder (default: data)")
    fill.set_defaults(handler=_fill)

    migrate = commands.add_parser(
        "migrate",
        help="bring data files written with former columns to the current ones (re-runnable)",
        description="Rewrite, in place, a data file written with former columns in the current ones: "
        "memberships.csv's single `source` column (with `source_kind`) becomes `source_article` or `source_ref`, "
        "and an open spell gets `end_status` `not_recorded`. A file already current is left as it is.",
    )
    migrate.add_argument(
        "files", nargs="*", metavar="FILE", help=f"file names under the data folder (default: all of {', '.join(MIGRATIONS)})"
    )
    migrate.add_argument("--data", default="data", help="the data folder (default: data)")
    migrate.set_defaults(handler=_migrate)

    package = commands.add_parser(
        "datapackage",
        help="generate datapackage.json, the derived tables, the ClaimReview export and the codebook",
        description="From data/, the schemas and CITATION.cff, write the link tables data/derived/claim_refs.csv and "
        "president_refs.csv, the country-year panel data/derived/membership_country_year.csv, the ClaimReview export "
        "data/derived/claims.claimreview.jsonld, datapackage.json, and the codebook tables of data/README.md "
        "(only files whose text changes are written). With --check, write nothing and exit 1 if any is stale.",
    )
    package.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    package.add_argument("--check", action="store_true", help="only report stale generated files (exit 1 if any)")
    package.set_defaults(handler=_datapackage)

    nav = commands.add_parser(
        "navigation",
        help="rewrite the navigation links and the index notebook",
        description="Rewrite the previous | index | next links of every notebook and the index notebook.",
    )
    _notebooks_folder(nav)
    nav.set_defaults(handler=_navigation)

    run = commands.add_parser(
        "run",
        help="re-execute every numbered notebook in order, in place",
        description="Re-execute the numbered notebooks in order, in place, with no timestamps stored. "
        "A notebook that fails is named with its cell and error, left unchanged, and the run stops (exit 1).",
    )
    _notebooks_folder(run)
    run.set_defaults(handler=_run)

    pages = commands.add_parser(
        "site",
        help="build the offline HTML reading copy",
        description="Build the offline HTML reading copy of the notebooks, the articles, the subject index and the "
        "READMEs; its contents link the classroom pack (see `perucorpus classroom`).",
    )
    _notebooks_folder(pages)
    pages.add_argument("target", nargs="?", default="_build/html", help="the output folder (default: _build/html)")
    pages.set_defaults(handler=_site)

    pack = commands.add_parser(
        "classroom",
        help="build the classroom pack (lesson plan, handout, student and facilitator editions, slides) and its PDFs",
        description="Build the classroom pack from teaching/classroom.toml and the data: lesson plan, one-page "
        "handout, student reader, facilitator edition and slides, as pages and as PDFs printed by headless "
        "Chromium (without Chromium, the pages only).",
    )
    pack.add_argument("root", nargs="?", default=".", help="the project folder (default: the current folder)")
    pack.add_argument(
        "target", nargs="?", default=None, help="the output folder (default: _build/classroom, or _build/<language>)"
    )
    pack.add_argument(
        "--language",
        default="en",
        choices=("en", "ar"),
        help="the edition's language: en (teaching/classroom.toml) or ar (teaching/ar.toml, right to left)",
    )
    pack.set_defaults(handler=_classroom)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; a data or catalogue problem is printed as one message (no traceback) and exits 1."""
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (DataError, CatalogueError, MissingText) as error:
        print(f"perucorpus {args.command}: {error}", file=sys.stderr)
        return 1
