"""English renderings keep the Arabic's hedges and attributions, and mark typos sic (perucorpus.facts.renderings)."""

import pandas as pd
import pytest
from conftest import DATA

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import checks, comparison, renderings


@pytest.fixture(scope="module")
def markers():
    return renderings.load_markers(DATA)


def rendering_of(rows, quote_start):
    return next(row for row in rows if row["quote_ar"].startswith(quote_start))


@pytest.mark.parametrize(
    ("quote_start", "column", "overstated", "marker"),
    [
        # «تعتبر» "is considered" dropped: the counter-narcotics claim repeated as fact (issue 12, §2 item 1)
        ("تعتبر بيرو", "position_en", "Peru is a vital US partner against drug trafficking as a major transit country.", "تعتبر"),
        (
            "تعتبر بيرو",
            "quote_en",
            "Peru, as a major transit country for drugs coming from Colombia and Bolivia, is a vital partner.",
            "تعتبر",
        ),
        # «بمثابة» "tantamount to" dropped
        (
            "تعتبر هذه الخطوة",
            "quote_en",
            "This step is regarded as a strong signal of support for the new Peruvian government",
            "بمثابة",
        ),
        # «مسحة» "a tinge" dropped
        ("وتأتي هذه الخطوات", "position_en", "Peru's exit is part of a leftward wave sweeping Latin America.", "مسحة"),
        # «ربما» "perhaps" dropped
        ("والتي كانت وما زالت", "quote_en", "which the United States regards and treats as its backyard, as they claim", "ربما"),
        # «ما تسميه» "what … calls": the US administration's term restated as the explainer's
        ("التعاون في جهود حكومية", "quote_en", "cooperation on border security and combating narco-terrorism", "ما تسميه"),
    ],
)
def test_a_rendering_that_drops_a_marker_fails_on_load_naming_file_and_line(data_copy, quote_start, column, overstated, marker):
    lines = []

    def overstate(rows):
        row = rendering_of(rows, quote_start)
        row[column] = overstated
        lines.append(rows.index(row) + 2)  # header on line 1; no quoted cell spans lines in positions.csv

    edit_rows(data_copy / "positions.csv", overstate)
    with pytest.raises(
        DataError,
        match=rf"positions\.csv:{lines[0]}: quote_ar has the (hedge|attribution) «{marker}», "
        rf"but {column} keeps none of its renderings",
    ):
        comparison.load_positions(data_copy)


def test_a_typo_corrected_silently_fails_on_load(data_copy):
    def correct(rows):
        row = rendering_of(rows, "وقد وقعت على الإعلان")
        row["quote_en"] = row["quote_en"].replace("نما [sic, Panama]", "Panama").replace("براغوي [sic, Paraguay]", "Paraguay")

    edit_rows(data_copy / "positions.csv", correct)
    with pytest.raises(DataError, match=r"positions\.csv:\d+: quote_ar has the typo «نما» .*\n.*typo «براغوي»"):
        comparison.load_positions(data_copy)


def test_markers_match_whole_words_with_clitics_and_pronoun_suffixes(markers):
    found = lambda arabic: [m.marker_ar for m in markers.itertuples() if m.arabic.search(renderings.normalise(arabic))]  # noqa: E731
    assert found("وتعتبر هذه الشراكة") == ["تعتبر"]
    assert found("الولايات المتحدة تعتبرها") == ["تعتبر"]
    assert found("روّجت لما يُسمّى") == ["ما يُسمّى"]
    assert found("كما تصفهم وزارة الخارجية") == ["كما تصف"]
    assert found("حكومة فنزويلا المتهمة") == ["متهمة"]
    assert found("تعدد الأطراف") == []  # 'multiplicity', not تعد 'is counted'
    assert found("باعتبارها دولة عبور") == []


def test_english_renderings_match_whole_words_ignoring_case(markers):
    considered = markers.set_index("marker_ar").at["تعتبر", "english"]
    assert considered.search("Peru is Considered a partner")
    assert not considered.search("reconsidered nothing")
    perhaps = markers.set_index("marker_ar").at["ربما", "english"]
    assert not perhaps.search("the Mayor of Lima")


def test_every_marker_occurs_in_the_articles(markers, articles):
    """The list documents the articles' own markers: each is found in at least one of them."""
    texts = [renderings.normalise(article.raw) for article in articles.values()]
    assert [m.marker_ar for m in markers.itertuples() if not any(m.arabic.search(text) for text in texts)] == []


def test_markers_that_normalise_alike_are_refused(data_copy):
    with (data_copy / "hedge_markers.csv").open("a", encoding="utf-8") as handle:
        handle.write("تُعتبر,hedge,considered,yes,the same marker with a damma\n")
    with pytest.raises(DataError, match=r"hedge_markers\.csv:22: marker 'تُعتبر' normalises to 'تعتبر', like an earlier row"):
        renderings.load_markers(data_copy)


def test_the_marker_file_is_validated_by_its_schema(data_copy):
    with (data_copy / "hedge_markers.csv").open("a", encoding="utf-8") as handle:
        handle.write("hedge,maybe,;,perhaps,\n")
    with pytest.raises(DataError) as error:
        renderings.load_markers(data_copy)
    message = str(error.value)
    assert "hedge_markers.csv:22: column 'marker_ar'" in message and "column 'kind'" in message
    assert "column 'renderings_en'" in message and "column 'copula'" in message and "column 'note'" in message


def test_check_reports_every_english_column_of_any_table(markers):
    frame = pd.DataFrame({"quote_ar": ["ربما", ""], "quote_en": ["perhaps", ""], "position_en": ["it is so", ""]})
    frame.attrs.update(source="x.csv", lines=[2, 3])
    problems = renderings.check(frame, markers, {})
    assert problems == [
        "x.csv:2: quote_ar has the hedge «ربما», but position_en keeps none of its renderings "
        "(perhaps, maybe, possibly, may, might)"
    ]


COUNTER_NARCOTICS = "تعتبر مكافحة المخدرات أحد الركائز الأساسية للعلاقات بين الولايات المتحدة وبيرو."
TWO_OCCURRENCES = "لجهودها في مكافحة المخدرات، والتي تعتبر تهديدًا أمنيًا كبيرًا. تعتبر بيرو شريكًا حيويًا في هذه الجهود."


def problems_of(markers, arabic, english, note):
    frame = pd.DataFrame({"quote_ar": [arabic], "quote_en": [english], "note": [note]})
    frame.attrs.update(source="x.csv", lines=[2])
    return renderings.check(frame, markers, {}, english=("quote_en",))


def test_an_undocumented_bare_is_for_tutbar_fails(markers):
    assert problems_of(markers, COUNTER_NARCOTICS, "Counter-narcotics is one of the basic pillars of relations.", "") == [
        "x.csv:2: quote_ar has the hedge «تعتبر», but quote_en keeps none of its renderings "
        "(considered, regarded, regards, regard, considers, deemed, seen as, viewed as)"
    ]


def test_a_copula_documented_in_the_note_passes_for_the_occurrence_it_names(markers):
    note = "copula: «تعتبر مكافحة المخدرات» rendered 'is': a stock copula."
    assert problems_of(markers, COUNTER_NARCOTICS, "Counter-narcotics is one of the basic pillars of relations.", note) == []
    assert problems_of(
        markers, COUNTER_NARCOTICS, "Counter-narcotics is one of the basic pillars.", "copula: «وتعتبر مكافحة»"
    ) == [
        "x.csv:2: note names the copula «وتعتبر مكافحة», which does not occur in the Arabic "
        "(quote the Arabic words from the marker on)",
        "x.csv:2: quote_ar has the hedge «تعتبر», but quote_en keeps none of its renderings "
        "(considered, regarded, regards, regard, considers, deemed, seen as, viewed as)",
    ]  # a note naming words that are not there exempts nothing


def test_a_documented_copula_covers_only_the_occurrence_named(markers):
    note = "copula: «تعتبر تهديدًا» rendered 'are'."
    both_bare = "Efforts against drugs, which are a major security threat. Peru is a vital partner in these efforts."
    assert problems_of(markers, TWO_OCCURRENCES, both_bare, note) == [
        "x.csv:2: quote_ar has the hedge «تعتبر», but quote_en keeps none of its renderings "
        "(considered, regarded, regards, regard, considers, deemed, seen as, viewed as)"
    ]
    other_kept = "Efforts against drugs, which are a major security threat. Peru is considered a vital partner in these efforts."
    assert problems_of(markers, TWO_OCCURRENCES, other_kept, note) == []
    assert "2 times, but quote_en keeps only 1" in problems_of(markers, TWO_OCCURRENCES, other_kept, "")[0]


def test_every_other_marker_of_a_row_with_a_copula_is_still_checked(markers):
    arabic = "تعتبر هذه الخطوة بمثابة إشارة دعم قوية"
    note = "copula: «تعتبر هذه الخطوة»"
    assert problems_of(markers, arabic, "This step is a strong signal of support", note) == [
        "x.csv:2: quote_ar has the hedge «بمثابة», but quote_en keeps none of its renderings "
        "(amounting to, amounts to, tantamount, as good as, in effect, akin to, equivalent to)"
    ]
    assert problems_of(markers, arabic, "This step is tantamount to a strong signal of support", note) == []


def test_only_a_marker_that_may_be_a_copula_can_be_documented_as_one(markers):
    arabic = "والتي كانت وما زالت ربما الولايات المتحدة تعتبرها"
    assert problems_of(markers, arabic, "which the United States has regarded, and perhaps still", "copula: «ربما الولايات»") == [
        "x.csv:2: note names the copula «ربما الولايات», which holds no marker that may be a copula (تعتبر، تعد)"
    ]


def test_the_copula_rule_applies_to_claims_too(data_copy):
    """claims.csv is checked on load; its judgements go in verdict_note (checks.RENDERING_NOTE)."""

    def bare(rows):
        row = next(row for row in rows if row["claim_id"] == "jeri2025_transit_country")
        row["claim_en"] = row["claim_en"].replace("is considered", "is")

    edit_rows(data_copy / "claims.csv", bare)
    with pytest.raises(DataError, match=r"claims\.csv:\d+: quote_ar has the hedge «تعتبر», but claim_en keeps none"):
        checks.load_claims(data_copy)

    def documented(rows):
        row = next(row for row in rows if row["claim_id"] == "jeri2025_transit_country")
        row[checks.RENDERING_NOTE] += " copula: «تعتبر بيرو» rendered 'is'."

    edit_rows(data_copy / "claims.csv", documented)
    assert len(checks.load_claims(data_copy)) > 0
