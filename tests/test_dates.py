"""The date model (perucorpus.base.dates): ISO dates at their precision, and dates written in prose."""

from datetime import date

import pytest

from perucorpus.base.dates import PartialDate, in_words, is_written, parse, written_dates


def test_parse_keeps_the_precision_and_the_bounds():
    assert parse("2021") == PartialDate(2021) and parse("2021").precision == "year"
    assert (parse("2024-02").first, parse("2024-02").last) == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse("2021").last == date(2021, 12, 31) and parse("2021-12").last == date(2021, 12, 31)
    assert str(parse("2021-08")) == "2021-08" and str(parse("2021-08-10")) == "2021-08-10"
    assert parse("") is None
    for bad in ("2026-13", "2026-02-30", "March 2026", "2026-1-5"):
        with pytest.raises(ValueError):
            parse(bad)


@pytest.mark.parametrize(
    "text, written",
    [
        ("designated Qatar on March 10, 2022, the 18th", "2022-03-10"),
        ("signed on 5 de marzo de 2026, in English", "2026-03-05"),
        ("from 28 de julio del 2016 to", "2016-07-28"),
        ("Determination No. 97–4, Nov. 12, 1996, 61 F.R.", "1996-11-12"),
        ("un mémorandum du 10 mars 2022", "2022-03-10"),
        ("assinado em 5 de março de 2026", "2026-03-05"),
        ("وفي 5 مارس 2026 وقّع مسؤولون", "2026-03-05"),
        ("published 2022-03-17 as", "2022-03-17"),
        ("dated 10/08/2021 in the header", "2021-08-10"),
        ("joined in febrero de 2019", "2019-02"),
        ("named in July 2012", "2012-07"),
        ("a tweet dated August 4, 2021", "2021-08"),
        ("Federal Register document 2026-01421", "2026"),
    ],
)
def test_written_dates_reads_the_languages_and_forms_of_the_sources(text, written):
    assert is_written(parse(written), text)


def test_a_date_is_written_only_at_its_precision():
    assert not is_written(parse("2021-08-10"), "in August 2021")  # the day is missing
    assert not is_written(parse("2020-11-10"), "sworn in 'el martes'")  # a weekday is not a date
    assert not is_written(parse("2021-08-10"), "on 10 August")  # no year
    assert not is_written(parse("2021-08-10"), "on 10 September 2021")
    assert written_dates("2026-01421") == {PartialDate(2026)}  # a document number is not a month
    assert written_dates("31/02/2021") == set()  # no 31 February, and its year is part of it


def test_in_words_writes_a_date_at_its_precision_as_a_reader_would():
    assert in_words(parse("2026-01-14")) == "14 January 2026"
    assert in_words(parse("2021-08")) == "August 2021" and in_words(parse("2021")) == "2021"
    assert in_words(date(2025, 12, 1)) == "1 December 2025"
    assert in_words(PartialDate(2022, 3, 10)) == "10 March 2022"


def test_a_month_or_day_of_zero_is_no_date():
    for bad in ("2026-00", "2026-01-00", "2026-00-00"):  # once read as "month (or day) unknown"
        with pytest.raises(ValueError):
            parse(bad)
    assert written_dates("in 2026-00 and 2026-13") == {PartialDate(2026)}  # only the years


def test_a_month_name_with_its_dot_is_read():
    assert written_dates("Nov. 12, 1996") >= {PartialDate(1996, 11, 12)}
    assert written_dates("12 févr. 2019") >= {PartialDate(2019, 2, 12)}


def test_a_date_that_does_not_exist_does_not_hide_the_next_one():
    assert PartialDate(2022, 3, 10) in written_dates("31/02/2021, then 10/03/2022")
