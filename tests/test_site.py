"""The HTML reading copy: offline, working links and images, right-to-left Arabic, no scripts."""

import pytest

from perucorpus import site

from conftest import ROOT, Page

@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    written = site.build(ROOT / "notebooks", target)
    parsed = {}
    for path in written:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path] = page
    return parsed


def test_every_notebook_and_readme_has_a_page(pages):
    names = sorted(path.name for path in pages)
    notebooks = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not path.name.startswith("00_"))
    assert names == sorted(["index.html", "readme.html", "data_readme.html"] + [f"{stem}.html" for stem in notebooks])


def test_no_scripts_at_all(pages):
    for path, page in pages.items():
        assert page.scripts == [], path.name


def test_links_and_images_resolve_offline(pages):
    for path, page in pages.items():
        for href in page.links:
            if href.startswith("#"):
                continue
            assert not href.startswith(("http:", "https:", "//")), f"{path.name}: external link {href}"
            assert (path.parent / href.split("#")[0]).is_file(), f"{path.name}: broken link {href}"
        for src in page.images:
            assert src.startswith("data:image/") or (path.parent / src).is_file(), f"{path.name}: broken image {src}"


def test_arabic_blocks_are_right_to_left(pages):
    for path, page in pages.items():
        wrong = [text for text, direction in page.blocks if direction != "rtl"]
        assert wrong == [], f"{path.name}: Arabic text outside dir=rtl: {wrong[:3]}"
    assert sum(len(page.blocks) for page in pages.values()) > 100


def test_every_figure_has_its_own_text_alternative(pages):
    """figures.publish's alt= reaches the page (not nbconvert's 'No description' filler)."""
    notebook_pages = [page for path, page in pages.items() if path.name not in ("readme.html", "data_readme.html")]
    alts = [alt for page in notebook_pages for alt in page.alts]
    assert len(alts) >= 7
    assert all(alt and "No description" not in alt for alt in alts), alts


def test_build_never_replaces_a_folder_it_did_not_build(tmp_path):
    from perucorpus import site

    precious = tmp_path / "data"
    precious.mkdir()
    (precious / "memberships.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a reading copy built here"):
        site.build(ROOT / "notebooks", precious)
    assert (precious / "memberships.csv").read_text(encoding="utf-8") == "keep me"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me too", encoding="utf-8")
    with pytest.raises(FileExistsError):
        site.build(ROOT / "notebooks", a_file)
    assert a_file.read_text(encoding="utf-8") == "keep me too"


def test_build_replaces_an_older_reading_copy(tmp_path):
    from perucorpus import site

    older = tmp_path / "html"
    (older / "figures").mkdir(parents=True)
    (older / "index.html").write_text("old", encoding="utf-8")  # built before the marker existed
    site.build(ROOT / "notebooks", older)
    assert (older / site.MARKER).is_file() and (older / "index.html").read_text(encoding="utf-8") != "old"


def test_every_page_is_titled_by_its_notebooks_heading(pages):
    import re

    titles = {path.name: re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8")).group(1) for path in pages}
    assert titles["index.html"] == "Peru&#x27;s foreign policy in three Arabic articles: index"  # escaped
    assert titles["03_alliance_membership.html"] == "03 · Alliance membership across the Americas"
    assert not any("NAVIGATION" in title or "<!--" in title for title in titles.values())
