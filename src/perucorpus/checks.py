"""Article claims set against the public references: the fact-check tables of notebooks 03 and 04.

Each check keeps the two kinds of evidence apart: the claim is the article's verbatim
quote, and what the references record comes only from external rows of
``data/memberships.csv`` and ``data/peru_heads_of_state.csv``, with their ``ref_id``s.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from .gazetteer import country_label
from .memberships import EX_MEMBER, STATUS_STYLE
from .sourcing import CITED_IN_NOTE, dated_row

COLUMNS = ["article", "claim (quote)", "country", "what the references record", "references", "our note on the claim"]
EXIT_WORDS = {
    "withdrew": "left the Lima Group formally",
    "withdrew_de_facto": "left the Lima Group de facto",
    "announced_withdrawal": "announced an exit from the Lima Group (never formalised)",
}


def cite(ref_ids, references: pd.DataFrame) -> str:
    """``publisher, date (ref_id)`` for each reference, ``references`` indexed by ``ref_id``."""
    return "; ".join(f"{references.at[ref, 'publisher']}, {references.at[ref, 'date']} ({ref})" for ref in sorted(set(ref_ids)))


def mentioned_refs(text: str, references: pd.DataFrame) -> set[str]:
    """The ``ref_id``s that a note names in passing, e.g. "(monoglobal_2021_peru)"."""
    return set(CITED_IN_NOTE.findall(text)) & set(references.index)


def in_office(presidents: pd.DataFrame, when: date) -> pd.Series:
    """The row of ``peru_heads_of_state.csv`` for the president in office on ``when``."""
    current = presidents[(presidents["start"] <= when) & (presidents["end"].isna() | (presidents["end"] >= when))]
    if current.empty:
        raise ValueError(f"data/peru_heads_of_state.csv: no president of Peru recorded for {when}")
    return current.sort_values("start").iloc[-1]  # on a day of handover, the one who took office that day


def _external(rows: pd.DataFrame, iso3: str, grouping: str, status: str | None = None) -> pd.DataFrame:
    chosen = rows[(rows["source_kind"] == "external") & (rows["iso3"] == iso3) & (rows["grouping"] == grouping)]
    return chosen if status is None else chosen[chosen["status"] == status]


def peru_step(rows: pd.DataFrame, grouping: str, status: str) -> date:
    """The date the references give for Peru's step (e.g. ``"accc", "signatory"``)."""
    step = _external(rows, "PER", grouping, status)
    if step.empty:
        raise ValueError(f"data/memberships.csv: no external row for Peru, {grouping} {status}")
    return step["start_date"].min()


def status_checks(rows: pd.DataFrame, references: pd.DataFrame) -> list[dict]:
    """Each article statement about a Lima Group or MNNA status, with the references' steps for that country.

    The references' side comes only from external rows (their statuses, dates and notes);
    the article row's own note, which compares the two, goes in a column of its own.
    """
    checks = []
    for row in rows[(rows["source_kind"] == "article") & rows["grouping"].isin(["lima_group", "mnna"])].itertuples():
        record = _external(rows, row.iso3, row.grouping).sort_values("start_date", kind="stable")
        if record.empty:
            raise ValueError(f"data/memberships.csv: {row.source} states a {row.grouping} status for {row.iso3}, "
                             "but no external row records that country in that grouping")
        steps = "; ".join(f"{STATUS_STYLE[step['status']][1]} {dated_row(step)}" for step in record.to_dict("records"))
        notes = " ".join(note for note in record["note"] if note)
        ref_ids = set(record["source"]) | mentioned_refs(notes, references)
        checks.append({"article": row.source, "claim (quote)": row.quote_ar, "country": country_label(row.iso3)[0],
                       "what the references record": f"{steps}. {notes}".strip(), "references": cite(ref_ids, references),
                       "our note on the claim": row.note})
    return checks


def head_of_state_check(rows: pd.DataFrame, positions: pd.DataFrame, presidents: pd.DataFrame, people: pd.DataFrame,
                        references: pd.DataFrame, article_id: str = "jeri2025_mnna_intent") -> dict:
    """Whether the president ``article_id`` names was in office on the day of the news it reports, and on the day Peru signed in 2026."""
    claims = positions[(positions["dimension"] == "head_of_state") & (positions["article_id"] == article_id)
                       & (positions["status"] == "stated")]
    named = {person.name_en: claim for claim in claims.itertuples() for person in people.itertuples()
             if person.name_ar in claim.quote_ar and person.name_en in set(presidents["name"])}
    if len(named) != 1:
        raise ValueError(f"data/positions.csv: expected one head_of_state quote of {article_id} naming a president "
                         f"(names from data/people.csv), found {sorted(named) or 'none'}")
    (name, claim), = named.items()
    notice, signing = _external(rows, "PER", "mnna", "notified"), _external(rows, "PER", "accc", "signatory")
    notified_on, signed_on = peru_step(rows, "mnna", "notified"), peru_step(rows, "accc", "signatory")
    then, now = in_office(presidents, notified_on), in_office(presidents, signed_on)
    verdict = "held" if then["name"] == name else f"did not hold (the president was {then['name']})"
    mandate = presidents.set_index("name").loc[name]
    term = " to ".join(dated_row(mandate, column) if mandate[column] else "(end not recorded)" for column in ("start", "end"))
    notice_date = dated_row(notice.sort_values("start_date").iloc[0])
    signing_date = dated_row(signing.sort_values("start_date").iloc[0])
    record = (f"{name} was president {term}, so the claim {verdict} when the article reported the notice to Congress "
              f"(dated {notice_date} in the references); on {signing_date}, "
              f"when Peru signed the counter-cartel declaration, the president was {now['name']}.")
    ref_ids = [*mandate["ref_ids"].split(";"), *then["ref_ids"].split(";"), *now["ref_ids"].split(";"),
               *notice["source"], *signing["source"]]
    return {"article": article_id, "claim (quote)": claim.quote_ar, "country": "Peru",
            "what the references record": record, "references": cite(ref_ids, references), "our note on the claim": claim.note}


def signatory_check(rows: pd.DataFrame, references: pd.DataFrame) -> dict:
    """The article's list of signatories of the March 2026 declaration, against the signatures the references confirm."""
    coalition = rows[rows["grouping"] == "accc"]
    external = coalition[coalition["source_kind"] == "external"]
    listed = coalition[(coalition["source_kind"] == "article") & (coalition["status"] == "signatory")]
    if listed.empty:
        raise ValueError("data/memberships.csv: no article row lists a signatory of the counter-cartel declaration (accc)")
    signed = set(external.loc[external["status"] == "signatory", "iso3"])
    listed_codes = set(listed["iso3"])

    def names(codes):
        return ", ".join(sorted(country_label(iso3)[0] for iso3 in codes))

    findings = [f"A signature is confirmed for {len(signed & listed_codes)} of them"]
    if listed_codes - signed:
        findings.append(f"none of the references found confirms {names(listed_codes - signed)}")
    if signed - listed_codes:
        findings.append(f"the references also record signatures by {names(signed - listed_codes)}, whom the article does not list")
    attended_only = set(external.loc[external["status"] == "attended", "iso3"]) - signed
    record = "; ".join(findings) + "." + (f" Attended without signing: {names(attended_only)}." if attended_only else "")
    return {"article": listed["source"].iloc[0], "claim (quote)": listed["quote_ar"].iloc[0],
            "country": f"{len(listed_codes)} signatories", "what the references record": record,
            "references": cite(external["source"], references), "our note on the claim": ""}


def claim_checks(rows: pd.DataFrame, positions: pd.DataFrame, presidents: pd.DataFrame, people: pd.DataFrame,
                 references: pd.DataFrame) -> pd.DataFrame:
    """All the checks above, one row each (columns :data:`COLUMNS`)."""
    checks = [*status_checks(rows, references), head_of_state_check(rows, positions, presidents, people, references),
              signatory_check(rows, references)]
    return pd.DataFrame(checks, columns=COLUMNS)


def lima_vs_coalition(rows: pd.DataFrame, coalition: pd.Series) -> pd.DataFrame:
    """Countries ever in the Lima Group (references) or in the 2026 declaration's list (``coalition``: iso3 → status, from the article).

    ``overlap`` says which side each is on; a country that left the Lima Group and is
    on the 2026 list of signatories is a "switcher", with the kind of exit.
    """
    lima = rows[(rows["grouping"] == "lima_group") & (rows["source_kind"] == "external")]
    lima_ever = set(lima.loc[lima["status"].isin(["founding_member", "member"]), "iso3"])
    exits = lima[lima["status"].isin(EX_MEMBER)].sort_values("start_date", kind="stable").groupby("iso3")["status"].last()
    signed = set(coalition[coalition == "signatory"].index)
    named_absent = set(coalition[coalition == "absent"].index)

    def overlap(iso3: str) -> str:
        absent = " (named as absent in 2026)" if iso3 in named_absent else ""
        if iso3 in exits.index and iso3 in signed:
            return f"switcher: {EXIT_WORDS[exits[iso3]]}; on the 2026 list"
        if iso3 in lima_ever and iso3 in signed:
            return "in both"
        if iso3 in lima_ever:
            return "Lima Group only" + absent
        if iso3 in signed:
            return "2026 list only"
        return "neither" + absent

    table = pd.DataFrame({"iso3": sorted(lima_ever | signed | named_absent)})
    table["country"] = [country_label(iso3)[0] for iso3 in table["iso3"]]
    table["country_ar"] = [country_label(iso3)[1] for iso3 in table["iso3"]]
    table["overlap"] = table["iso3"].map(overlap)
    return table.sort_values(["overlap", "country"], ignore_index=True)
