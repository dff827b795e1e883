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

COLUMNS = ["article", "claim (quote)", "country", "what the references record", "references"]
EXIT_WORDS = {
    "withdrew": "left the Lima Group formally",
    "withdrew_de_facto": "left the Lima Group de facto",
    "announced_withdrawal": "announced an exit from the Lima Group (never formalised)",
}


def cite(ref_ids, references: pd.DataFrame) -> str:
    """``publisher, date (ref_id)`` for each reference, ``references`` indexed by ``ref_id``."""
    return "; ".join(f"{references.at[ref, 'publisher']}, {references.at[ref, 'date']} ({ref})" for ref in sorted(set(ref_ids)))


def in_office(presidents: pd.DataFrame, when: date) -> pd.Series:
    """The row of ``peru_heads_of_state.csv`` for the president in office on ``when``."""
    day = when.isoformat()
    current = presidents[(presidents["start"] <= day) & ((presidents["end"] == "") | (presidents["end"] >= day))]
    if current.empty:
        raise ValueError(f"no president of Peru recorded for {day}")
    return current.sort_values("start").iloc[-1]  # on a day of handover, the one who took office that day


def _external(rows: pd.DataFrame, iso3: str, grouping: str, status: str | None = None) -> pd.DataFrame:
    chosen = rows[(rows["source_kind"] == "external") & (rows["iso3"] == iso3) & (rows["grouping"] == grouping)]
    return chosen if status is None else chosen[chosen["status"] == status]


def peru_step(rows: pd.DataFrame, grouping: str, status: str) -> date:
    """The date the references give for Peru's step (e.g. ``"accc", "signatory"``)."""
    step = _external(rows, "PER", grouping, status)
    if step.empty:
        raise ValueError(f"no external row for Peru, {grouping} {status}")
    return step["start_date"].min()


def status_checks(rows: pd.DataFrame, references: pd.DataFrame) -> list[dict]:
    """Each article statement about a Lima Group or MNNA status, with the references' steps for that country."""
    checks = []
    for row in rows[(rows["source_kind"] == "article") & rows["grouping"].isin(["lima_group", "mnna"])].itertuples():
        record = _external(rows, row.iso3, row.grouping).sort_values("start_date", kind="stable")
        steps = "; ".join(f"{STATUS_STYLE[step.status][1]} {step.start}" for step in record.itertuples())
        checks.append({"article": row.source, "claim (quote)": row.quote_ar, "country": country_label(row.iso3)[0],
                       "what the references record": f"{steps}. {row.note}", "references": cite(record["source"], references)})
    return checks


def head_of_state_check(rows: pd.DataFrame, positions: pd.DataFrame, presidents: pd.DataFrame,
                        references: pd.DataFrame, article_id: str = "jeri2025_mnna_intent") -> dict:
    """The president ``article_id`` names, on the day of the news it reports and on the day Peru signed in 2026."""
    claim = positions[(positions["dimension"] == "head_of_state") & (positions["article_id"] == article_id)].iloc[0]
    notice, signing = _external(rows, "PER", "mnna", "notified"), _external(rows, "PER", "accc", "signatory")
    notified_on, signed_on = peru_step(rows, "mnna", "notified"), peru_step(rows, "accc", "signatory")
    then, now = in_office(presidents, notified_on), in_office(presidents, signed_on)
    record = (f"{then['name']} was president {then['start']} to {then['end'] or '(end not recorded)'}, so the claim held when "
              f"the article reported the notice to Congress (dated {notified_on} in the references); on {signed_on}, "
              f"when Peru signed the counter-cartel declaration, the president was {now['name']}.")
    ref_ids = [*then["ref_ids"].split(";"), *now["ref_ids"].split(";"), *notice["source"], *signing["source"]]
    return {"article": article_id, "claim (quote)": claim.quote_ar, "country": "Peru",
            "what the references record": record, "references": cite(ref_ids, references)}


def signatory_check(rows: pd.DataFrame, references: pd.DataFrame) -> dict:
    """The article's list of signatories of the March 2026 declaration, against the signatures the references confirm."""
    coalition = rows[rows["grouping"] == "accc"]
    external = coalition[coalition["source_kind"] == "external"]
    listed = coalition[(coalition["source_kind"] == "article") & (coalition["status"] == "signatory")]
    confirmed = set(external.loc[external["status"] == "signatory", "iso3"]) & set(listed["iso3"])
    unconfirmed = sorted(set(listed["iso3"]) - confirmed)
    attended_only = sorted(set(external.loc[external["status"] == "attended", "iso3"]))

    def names(codes):
        return ", ".join(country_label(iso3)[0] for iso3 in codes) or "none"

    record = (f"A signature is confirmed for {len(confirmed)} of them; none of the references found confirms {names(unconfirmed)}. "
              f"Attended without signing: {names(attended_only)}.")
    return {"article": listed["source"].iloc[0], "claim (quote)": listed["quote_ar"].iloc[0], "country": f"{len(listed)} signatories",
            "what the references record": record, "references": cite(external["source"], references)}


def claim_checks(rows: pd.DataFrame, positions: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """All the checks above, one row each: article, quote, country, what the references record, which references."""
    checks = [*status_checks(rows, references), head_of_state_check(rows, positions, presidents, references),
              signatory_check(rows, references)]
    return pd.DataFrame(checks, columns=COLUMNS)


def lima_vs_coalition(rows: pd.DataFrame, coalition: pd.Series) -> pd.DataFrame:
    """Countries ever in the Lima Group (references) or in the 2026 declaration's list (``coalition``: iso3 → status).

    ``overlap`` says which side each is on; a country that left the Lima Group and
    signed in 2026 is a "switcher", with the kind of exit.
    """
    lima = rows[(rows["grouping"] == "lima_group") & (rows["source_kind"] == "external")]
    lima_ever = set(lima.loc[lima["status"].isin(["founding_member", "member"]), "iso3"])
    exits = lima[lima["status"].isin(EX_MEMBER)].sort_values("start_date", kind="stable").groupby("iso3")["status"].last()
    signed = set(coalition[coalition == "signatory"].index)
    named_absent = set(coalition[coalition == "absent"].index)

    def overlap(iso3: str) -> str:
        absent = " (named as absent in 2026)" if iso3 in named_absent else ""
        if iso3 in exits.index and iso3 in signed:
            return f"switcher: {EXIT_WORDS[exits[iso3]]}, signed in 2026"
        if iso3 in lima_ever and iso3 in signed:
            return "in both"
        if iso3 in lima_ever:
            return "Lima Group only" + absent
        if iso3 in signed:
            return "2026 coalition only"
        return "neither" + absent

    table = pd.DataFrame({"iso3": sorted(lima_ever | signed | named_absent)})
    table["country"] = [country_label(iso3)[0] for iso3 in table["iso3"]]
    table["country_ar"] = [country_label(iso3)[1] for iso3 in table["iso3"]]
    table["overlap"] = table["iso3"].map(overlap)
    return table.sort_values(["overlap", "country"], ignore_index=True)
