"""Who an article names and quotes, and which of the glossary's terms it uses (notebook 04's evidence tables).

:func:`people_named` counts the people of ``data/people.csv`` per article; :func:`quoted_passages`
lists every passage in quotation marks; :func:`term_mentions` and :func:`glossary_use` find the
glossary's terms in each article, and refuse a glossary term no article uses.
"""

from __future__ import annotations

import re

import pandas as pd

from perucorpus.text.gazetteer import Gazetteer, Mention

#: A passage between quotation marks (“…”, "…" or «…»), two to 120 characters, on one line.
QUOTED = re.compile(r"[“\"«]([^”\"»\n]{2,120})[”\"»]")


def people_named(texts: dict[str, str], names: Gazetteer, people: pd.DataFrame) -> pd.DataFrame:
    """One row per person named in ``texts`` (article → text): name, description and mentions per article
    (a column per article, in the order of ``texts``, zero where an article does not name them).
    """
    named = pd.DataFrame(
        [
            {"article": article_id, "person_id": mention.entry.form}
            for article_id, text in texts.items()
            for mention in names.find(text, article_id)
            if mention.entry.kind == "person"
        ],
        columns=["article", "person_id"],
    )
    who = people.drop_duplicates("person_id").set_index("person_id")[["name_en", "described_as_en"]]
    counts = named.groupby(["person_id", "article"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(texts), fill_value=0)
    return counts.join(who).reset_index(drop=True)[["name_en", "described_as_en", *texts]]


def quoted_passages(texts: dict[str, str]) -> pd.DataFrame:
    """Every passage in quotation marks (:data:`QUOTED`), with its article, in reading order."""
    rows = [
        {"article": article_id, "in quotation marks": match.group(1)}
        for article_id, text in texts.items()
        for match in QUOTED.finditer(text)
    ]
    return pd.DataFrame(rows, columns=["article", "in quotation marks"])


def term_mentions(texts: dict[str, str], terms: Gazetteer) -> dict[str, list[Mention]]:
    """Each article's mentions of the glossary's terms (a matcher of kind ``term``)."""
    return {
        article_id: [mention for mention in terms.find(text, article_id) if mention.entry.kind == "term"]
        for article_id, text in texts.items()
    }


def glossary_use(glossary: pd.DataFrame, mentions: dict[str, list[Mention]]) -> pd.DataFrame:
    """The glossary with, in ``articles``, the articles that use each term.

    Raises ValueError naming the terms no article uses (a glossary entry with nothing behind it).
    """
    used_in = {
        term: sorted({article_id for article_id, found in mentions.items() for m in found if m.entry.form == term})
        for term in glossary["term_ar"]
    }
    unused = [term for term, ids in used_in.items() if not ids]
    if unused:
        raise ValueError(f"glossary terms found in no article: {unused}")
    return glossary.assign(articles=[", ".join(used_in[term]) for term in glossary["term_ar"]])
