"""The published data set: what ``perucorpus datapackage`` generates from the data and the schemas.

:func:`outputs` computes, from ``data/``, the schemas and ``CITATION.cff``, the text of every
generated file: the link tables ``data/derived/claim_refs.csv`` and
``data/derived/president_refs.csv``, the country-year panel
``data/derived/membership_country_year.csv`` (:mod:`perucorpus.facts.panel`), the ClaimReview
export ``data/derived/claims.claimreview.jsonld`` (:mod:`perucorpus.facts.claimreview`),
``datapackage.json`` (:mod:`perucorpus.base.datapackage`) and ``data/README.md`` with its
codebook tables regenerated. :func:`build` writes those that changed (atomically);
:func:`stale` names those that differ from what :func:`build` would write.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import perucorpus
from perucorpus.base import datapackage, schemas
from perucorpus.base.atomic import write_atomic
from perucorpus.base.tables import read_table, table_text
from perucorpus.facts import claimreview, panel, sourcing
from perucorpus.facts.collection import Collection

#: The generated files, relative to the project's root.
PANEL = "data/derived/membership_country_year.csv"
CLAIM_REFS = "data/derived/claim_refs.csv"
PRESIDENT_REFS = "data/derived/president_refs.csv"
CLAIMREVIEW = "data/derived/claims.claimreview.jsonld"
DESCRIPTOR = "datapackage.json"
CODEBOOK = "data/README.md"


def citation_fields(text: str) -> dict[str, str]:
    """The top-level one-line fields of a ``CITATION.cff`` (``title``, ``version``, ``date-released``, ``url``, …),
    quotes removed, and the first author's ``name``; enough for the data package, without a YAML parser.
    """
    fields = {}
    for key, value in re.findall(r"^([a-z][a-z-]*): *(\S.*)$", text, re.M):
        fields[key] = value.strip().strip('"')
    author = re.search(r"^authors:\n\s+- name: *\"?([^\"\n]+)\"?", text, re.M)
    if author:
        fields["author"] = author.group(1)
    return fields


def _about(cff: dict[str, str]) -> dict:
    about = {
        "name": "perucorpus",
        "title": cff["title"],
        "version": perucorpus.__version__,
        "description": "The data of the perucorpus notebook collection: three Arabic articles on Peru's foreign policy, "
        "the claims they make with verdicts against public references, alliance membership spells (and a country-year "
        "panel derived from them), Peru's presidents, and the annotations the notebooks use. "
        "Codebook: data/README.md; citation: CITATION.cff.",
        "contributors": [{"title": cff["author"], "roles": ["creator"]}],
        "keywords": ["Peru", "foreign policy", "Arabic", "Lima Group", "Major Non-NATO Ally", "alliances", "fact-checking"],
    }
    address = cff.get("url") or cff.get("repository-code")
    if address:
        about["homepage"] = address
    return about


def _files(eras: list[str]) -> dict:
    """:data:`perucorpus.base.schemas.FILES` with ``positions_wide.csv``'s era columns filled in."""
    return schemas.FILES | {"derived/positions_wide.csv": schemas.positions_wide(eras)}


def files(root: Path | str) -> dict:
    """Every CSV under ``root``'s ``data/`` → its schema (``positions_wide.csv`` with the eras of ``eras.csv``)."""
    return _files(list(read_table(Path(root) / "data" / "eras.csv", schemas.ERAS)["era"]))


def undocumented(root: Path | str) -> list[str]:
    """The files and columns that have no description (:func:`perucorpus.base.datapackage.undocumented`)."""
    return datapackage.undocumented(files(root))


def outputs(root: Path | str) -> dict[str, str]:
    """Path (relative to ``root``) → the text :func:`build` writes there."""
    root = Path(root)
    data = root / "data"
    cff = citation_fields((root / "CITATION.cff").read_text(encoding="utf-8"))
    texts = {}
    collection = Collection(data)  # each file read once, checked as the notebooks check it
    claims = collection.claims
    texts[CLAIM_REFS] = table_text(sourcing.ref_links(claims, "claim_id"), CLAIM_REFS, schemas.CLAIM_REFS)
    _ = collection.presidents  # checked; the links are of the file's own rows (dates as written)
    presidents = collection.table("peru_heads_of_state.csv")
    texts[PRESIDENT_REFS] = table_text(sourcing.ref_links(presidents, "name"), PRESIDENT_REFS, schemas.PRESIDENT_REFS)
    texts[PANEL] = table_text(panel.country_year(collection.memberships), PANEL, schemas.MEMBERSHIP_COUNTRY_YEAR)
    articles = collection.meta
    references = collection.references
    address = cff.get("url", "")
    found = claimreview.reviews(claims, articles, references, cff["author"], cff["date-released"], address)
    claimreview.check(found, require_url=bool(address))
    texts[CLAIMREVIEW] = claimreview.to_json(found)
    tables_of = _files(list(collection.eras.index))
    article_files = [(article_id, row["file"], row["sha256"]) for article_id, row in articles.iterrows()]
    package = datapackage.descriptor(tables_of, article_files, _about(cff))
    texts[DESCRIPTOR] = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    tables = {name: datapackage.codebook(schema) for name, schema in tables_of.items()}
    entries = [
        (
            "articles/<id>.txt",
            "raw article texts, byte-identical to the files received (the seeds, and any added with `perucorpus add-article`)",
        )
    ]
    entries += [(path, schema.description or "") for path, schema in tables_of.items()]
    entries += [(path, about[3]) for path, about in datapackage.OTHER_FILES.items()]
    tables[datapackage.FILES_TABLE] = datapackage.files_table(entries)
    tables[RATINGS_TABLE] = ratings_table()
    texts[CODEBOOK] = datapackage.update_codebook((root / CODEBOOK).read_text(encoding="utf-8"), tables)
    return texts


#: The marker name of the verdict → ClaimReview wording table in ``data/README.md``.
RATINGS_TABLE = "claimreview"


def ratings_table() -> str:
    """The Markdown table of how each verdict is worded in the ClaimReview export (and which are left out)."""
    lines = ["| verdict in `claims.csv` | `reviewRating.alternateName` |", "| --- | --- |"]
    lines += [f"| `{verdict}` | {claimreview.RATING_WORDS[verdict]} |" for verdict in schemas.SOURCED_VERDICTS]
    lines += [
        f"| `{verdict}` | (not exported: no source in the set decides the claim) |"
        for verdict in schemas.VERDICTS
        if verdict not in schemas.SOURCED_VERDICTS
    ]
    return "\n".join(lines) + "\n"


def build(root: Path | str) -> list[str]:
    """Write every generated file whose text changed; the paths written, relative to ``root``."""
    root = Path(root)
    written = []
    for name, text in outputs(root).items():
        path = root / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            written.append(name)
    return written


def stale(root: Path | str) -> list[str]:
    """The generated files that are missing or differ from what :func:`build` would write."""
    root = Path(root)
    return [
        name
        for name, text in outputs(root).items()
        if not (root / name).exists() or (root / name).read_text(encoding="utf-8") != text
    ]
