"""English renderings keep the Arabic's hedges and attributions, and mark typos sic (perucorpus.facts.renderings)."""

import pandas as pd
import pytest
from conftest import DATA

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import comparison, renderings


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
        handle.write("تُعتبر,hedge,considered,the same marker with a damma\n")
    with pytest.raises(DataError, match=r"hedge_markers\.csv:22: marker 'تُعتبر' normalises to 'تعتبر', like an earlier row"):
        renderings.load_markers(data_copy)


def test_the_marker_file_is_validated_by_its_schema(data_copy):
    with (data_copy / "hedge_markers.csv").open("a", encoding="utf-8") as handle:
        handle.write("hedge,maybe,;,\n")
    with pytest.raises(DataError) as error:
        renderings.load_markers(data_copy)
    message = str(error.value)
    assert "hedge_markers.csv:22: column 'marker_ar'" in message and "column 'kind'" in message
    assert "column 'renderings_en'" in message and "column 'note'" in message


def test_check_reports_every_english_column_of_any_table(markers):
    frame = pd.DataFrame({"quote_ar": ["ربما", ""], "quote_en": ["perhaps", ""], "position_en": ["it is so", ""]})
    frame.attrs.update(source="x.csv", lines=[2, 3])
    problems = renderings.check(frame, markers, {})
    assert problems == [
        "x.csv:2: quote_ar has the hedge «ربما», but position_en keeps none of its renderings "
        "(perhaps, maybe, possibly, may, might)"
    ]
