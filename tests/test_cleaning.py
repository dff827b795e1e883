"""The clean view: page furniture cut, metadata lifted, every offset mapped back to the raw text."""

from perucorpus.text.cleaning import clean, is_heading, paragraphs, sentences


def test_every_clean_character_maps_to_the_same_raw_character(articles, views):
    for article_id, view in views.items():
        raw = articles[article_id].raw
        assert all(raw[view.to_raw(i)] == char for i, char in enumerate(view.text))


def test_seed_advertisement_lines_are_cut_but_the_word_in_a_sentence_stays(articles, views):
    view = views["shield2026_explainer"]
    adverts = [cut for cut in view.cuts if cut.reason == "advertisement marker line"]
    assert len(adverts) == 2
    assert articles["shield2026_explainer"].raw.count("إعلان") == view.text.count("إعلان") + 2
    assert '"إعلان الأمن المشترك"' in view.text
    assert not any(line.strip() == "إعلان" for line in view.text.splitlines())


def test_seed_embedded_date_header_is_lifted(views):
    view = views["shield2026_explainer"]
    assert view.lifted["embedded_date"] == "2026-03-13"
    assert view.text.startswith("تحالف أمني وعسكري")


def test_seed_byline_is_lifted(views):
    view = views["castillo2021_lima_exit"]
    assert view.lifted["byline"] == "كاتب وباحث اكاديمي فلسطيني"
    assert "كاتب وباحث" not in view.text
    assert view.text.rstrip().endswith("كما يدعون.")


def test_seed_share_button_is_cut(views):
    view = views["jeri2025_mnna_intent"]
    assert [cut.reason for cut in view.cuts] == ["share button"]
    assert view.text.rstrip().endswith("والتصدي للتهديدات الأمنية في المنطقة.")


def test_share_word_inside_text_is_kept():
    view = clean("قال: شاركها. ثم مضى\nسطر أخير")
    assert view.cuts == ()


def test_span_to_raw_spans_a_cut():
    raw = "أ\nإعلان\nب"
    view = clean(raw)
    assert view.text == "أ\nب"
    assert view.span_to_raw(0, 3) == (0, len(raw))


def test_paragraphs_headings_and_sentences():
    text = "عنوان قصير\nجملة أولى. جملة ثانية؟ ثالثة\n\nفقرة أخرى."
    lines = [text[start:end] for start, end in paragraphs(text)]
    assert lines == ["عنوان قصير", "جملة أولى. جملة ثانية؟ ثالثة", "فقرة أخرى."]
    assert [is_heading(line) for line in lines] == [True, False, False]
    assert len(sentences(lines[1])) == 3


def test_only_a_closing_line_is_a_byline():
    view = clean("* كاتب المقال يقول شيئا.\nنص المقال.\n* كاتب وباحث\n\n")
    assert view.text.startswith("* كاتب المقال يقول شيئا.\nنص المقال.\n")
    assert view.lifted["byline"] == "كاتب وباحث"
    assert "* كاتب" not in view.text.split("\n", 1)[1]
