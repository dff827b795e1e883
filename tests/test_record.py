"""Notes on what the public record adds, computed from the external data (perucorpus.facts.record)."""

import re

import pytest
from conftest import DATA

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import heads_of_state, memberships, record


def test_the_signing_note_says_who_led_peru_and_who_had_left(rows, presidents, references):
    note = record.peru_signing_2026(rows, presidents, references)
    assert note.startswith(
        "What the record adds: Peru signed the counter-cartel joint security declaration on 5 March 2026 (signing date from "
        "one source: La República (Peru), a news agency or paper of record), under "
        "José María Balcázar, José Jerí having left office on 17 February 2026 (the summary table's record note"
    )
    # said once: the derivations and sources of those dates are the record fact's, not repeated here
    assert "wapa_2026_jeri_censured" not in note and "Interim" not in note
    assert (
        "Peru is not among the 12 countries the references record at the Miami summit of 7 March 2026 (a date worked out "
        "from its source, not printed in it), "
        "with the United States as host: Argentina, " in note
    )
    assert "United States," not in note
    assert "Argentina, " in note and "MercoPress" in note and "mercopress_2026_summit" not in note


def test_the_signing_note_follows_the_data(data_copy, references):
    """Dates and names come from the CSVs: change them there and the note changes."""

    def move_signing(rows):
        for row in rows:
            if row["iso3"] == "PER" and row["grouping"] == "accc" and row["source_ref"]:
                row["start"] = "2026-02-10"

    def add_peru_to_the_summit(rows):
        peru = next(row for row in rows if row["iso3"] == "ARG" and row["grouping"] == "miami_summit" and row["source_ref"])
        rows.append({**peru, "iso3": "PER", "cow_code": "135", "country_en": "Peru", "country_ar": "بيرو"})

    edit_rows(data_copy / "memberships.csv", move_signing)
    edit_rows(data_copy / "memberships.csv", add_peru_to_the_summit)
    note = record.peru_signing_2026(
        memberships.load_memberships(data_copy), heads_of_state.load_presidents(data_copy), references
    )
    assert (
        "on 10 February 2026 (signing date from one source: La República (Peru), a news agency or paper of record), under José Jerí, Dina Boluarte having left office on 10 October 2025"
        in note
    )
    assert "Peru is among the 13 countries" in note


def test_the_exits_note_says_how_each_named_state_left(rows, presidents, references):
    note = record.lima_exits_2021(rows, presidents, references)
    assert note.startswith("What the record adds: of the states the author names, ")
    assert "Mexico stopped taking part in the Lima Group without declaring an exit (" in note
    assert "Argentina left the Lima Group by a declaration in effect (" in note
    assert "Bolivia stopped taking part in the Lima Group without declaring an exit (" in note
    assert note.count("declaration in effect") == 1
    assert "(gluc.mx, 5 January 2019; one source: an outlet not of record)" in note  # as a reader cites it: no id, no ISO date


def test_the_exits_note_fails_when_the_record_has_no_exit(data_copy, presidents, references):
    edit_rows(
        data_copy / "memberships.csv",
        lambda rows: rows.__setitem__(
            slice(None), [row for row in rows if not (row["iso3"] == "BOL" and row["status"] == "stopped_taking_part")]
        ),
    )
    edit_rows(  # and its answers to the exit rule
        data_copy / "lima_group_exits.csv",
        lambda rows: rows.__setitem__(slice(None), [row for row in rows if row["iso3"] != "BOL"]),
    )
    with pytest.raises(ValueError, match="the article says BOL left the Lima Group, but no external row records an exit"):
        record.lima_exits_2021(memberships.load_memberships(data_copy), presidents, references)


def test_no_generated_note_goes_unused(positions):
    """Every note :mod:`perucorpus.facts.record` can generate is attached to a claim (unknown names stop loading)."""
    assert set(record.NOTES) <= set(positions["record"])


def test_each_record_fact_is_one_sentence_traced_to_its_data_rows(rows, presidents, references):
    facts = record.facts(rows, presidents, references)
    assert set(facts) == set(record.FACTS)
    exit_2021 = facts["peru_lima_exit_2021"]
    assert exit_2021.text == (
        "Record: Peru's exit was announced in August 2021 (one source: 800 Noticias, an outlet not of record) and dropped within weeks: "
        "on 7 September 2021 (one source: monoglobal.com.py, an outlet not of record) the next foreign minister set it aside; no formal exit is recorded."
    )
    assert exit_2021.trace.startswith("memberships.csv line ") and "(monoglobal_2021_peru)" in exit_2021.trace
    mnna = facts["peru_mnna_2026"]
    assert mnna.text == (
        "Record: the United States designated Peru a Major Non-NATO Ally on 14 January 2026 (one source: El Reportero Andino, an outlet not of record)."
    )
    assert "(reporteroandino_2026_peru)" in mnna.trace and "notified: 2025-12-11 (derived: " in mnna.trace
    government = facts["peru_government_2026"]
    assert government.text.startswith(
        "Record: Peru signed the declaration on 5 March 2026 (signing date from one source: La República (Peru), a news agency or paper of record), "
        "under José María Balcázar (interim"
    )
    assert "José Jerí had left office on 17 February 2026." in government.text
    assert "peru_heads_of_state.csv line " in government.trace and "(derived: " in government.trace
    for fact in facts.values():
        for place in re.findall(r"(\w+\.csv) line (\d+)", fact.trace):
            assert (DATA / place[0]).read_text(encoding="utf-8").splitlines()[int(place[1]) - 1].startswith(("PER,", "José"))


def test_each_record_fact_names_its_references_as_a_student_cites_them(rows, presidents, references):
    facts = record.facts(rows, presidents, references)
    mnna = facts["peru_mnna_2026"].sources
    assert "“Trump to name Peru a major non-NATO ally amid anti-drug push”, Bloomberg, December 2025" in mnna
    assert "batimes" not in mnna and "[wire" not in mnna and ".csv" not in mnna  # no ids, tiers or files
    government = facts["peru_government_2026"].sources
    assert "RPP, 10 October 2025" in government and "Wapa.pe, 17 February 2026" in government
    first = references.index[0]
    undated = references.assign(date=lambda f: f["date"].where(f.index != first, "undated"))
    assert record.readable([first], undated).endswith(", undated")


def test_the_facts_follow_the_data(data_copy, references):
    def move(rows):
        for row in rows:
            if row["iso3"] == "PER" and row["grouping"] == "mnna" and row["status"] == "designated":
                row["start"] = "2026-01-20"  # and the source says so, as a stated date must be
                row["source_states"] = row["source_states"].replace("14 de enero de 2026", "20 de enero de 2026")

    edit_rows(data_copy / "memberships.csv", move)
    facts = record.facts(memberships.load_memberships(data_copy), heads_of_state.load_presidents(data_copy), references)
    assert facts["peru_mnna_2026"].text.endswith(
        "Major Non-NATO Ally on 20 January 2026 (one source: El Reportero Andino, an outlet not of record)."
    )


def test_the_exit_fact_is_dated_by_the_row_that_drops_the_exit(rows, presidents, references):
    fact = record.peru_lima_exit_2021(rows, presidents, references)
    assert "announced in August 2021 (one source: 800 Noticias, an outlet not of record) and dropped within weeks" in fact.text
    assert "exit_dropped" in fact.trace and "(monoglobal_2021_peru)" in fact.trace
    never_dropped = rows[~((rows["iso3"] == "PER") & (rows["status"] == "exit_dropped"))]
    with pytest.raises(DataError, match="no external row for Peru, lima_group exit_dropped"):
        record.peru_lima_exit_2021(never_dropped, presidents, references)


def test_no_record_fact_goes_unused():
    summaries = (DATA / "position_summaries.csv").read_text(encoding="utf-8")
    assert all(name in summaries for name in record.FACTS)


def test_every_dated_step_of_a_record_fact_carries_its_source_flag(rows, presidents, references):
    """Each memberships row a fact traces whose date the fact prints is followed by the flag of its source
    (readable.flagged: one reference that is not primary): a fact that loses its flag fails here; with every
    reference primary, no fact is flagged.
    """
    from perucorpus.base.dates import in_words
    from perucorpus.facts import readable

    line_of = {line: index for index, line in enumerate(rows.attrs["lines"])}
    flagged = 0
    for fact in record.facts(rows, presidents, references).values():
        for line in re.findall(r"memberships\.csv line (\d+)", fact.trace):
            row = rows.loc[line_of[int(line)]]
            date = in_words(row["start"])
            if date in fact.text:
                what = "signing date" if row["status"] == "signatory" else ""  # the fact cites the presidents' sources too
                assert readable.flagged(date, [row["source_ref"]], references, what) in fact.text, (fact.text, line)
                flagged += bool(readable.source_flag([row["source_ref"]], references))
    assert flagged >= 4  # the exit announced and dropped, the designation, the signing
    primary = references.assign(tier="primary")
    assert not any("one source" in fact.text for fact in record.facts(rows, presidents, primary).values())
