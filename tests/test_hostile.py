"""A hostile article (HTML, script and markdown in its text and metadata) shows as inert text everywhere."""

import csv
import hashlib
import json
import re
import shutil
import subprocess
import tempfile

import nbformat
import pytest
from conftest import ROOT, Page

from perucorpus.publish import classroom, runner, site

MARK = "document.documentElement.dataset.pwned=1"  # what the markup would do if a browser ran it
WORDS = "عسكرية دول تحالف مخدرات مكافحة نفوذ دعم تصنيف تعزيز عملية ترامب"  # glossed in data/glosses.csv, or a name (not charted)
HOSTILE = (
    f'<script>alert(1)</script> <script>{MARK}</script> <img src=x onerror="{MARK}"> <svg onload="{MARK}"></svg> {WORDS}.\n\n'
    f"<img src=x onerror=alert(1)> **bold** [link](http://example.invalid) <b>{WORDS}</b>\n\n"
    f'"<i>اقتباس</i>" {WORDS}\n'
)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with the hostile article added, notebooks 01 and 04 re-run, and the site built."""
    root = tmp_path_factory.mktemp("hostile")
    for folder in ("notebooks", "data", "figures", "teaching"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "README.md", root / "README.md")
    raw = HOSTILE.encode("utf-8")
    (root / "data" / "articles" / "hostile_test.txt").write_bytes(raw)
    with (root / "data" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append(
        dict(
            rows[1],
            id="hostile_test",
            file="articles/hostile_test.txt",
            source_file="999_0000000000000000.txt",
            sha256=hashlib.sha256(raw).hexdigest(),
            title_en='<script>alert("title")</script>',
            summary_en="<img src=x onerror=alert(2)> summary",
            notes="<b>not bold</b>",
        )
    )
    with (root / "data" / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    # A fourth article shifts the other articles' keyness; gloss the terms that then rise into view.
    glossed = (root / "data" / "glosses.csv").read_text(encoding="utf-8").splitlines()
    with (root / "data" / "glosses.csv").open("a", encoding="utf-8") as handle:
        handle.writelines(
            f"{row}\n"
            for row in ("تشمل,includes", "توترات,tensions", "رئيسي,major / principal")
            if row.split(",")[0] not in {line.split(",")[0] for line in glossed}
        )
    for name in ("01_reading_the_articles.ipynb", "04_discussion_guide.ipynb"):
        runner.execute(root / "notebooks" / name)
    site.build(root / "notebooks", root / "site")
    classroom.write_pages(root, root / "classroom")  # the pack names every article in its lists
    return root


def outputs(path):
    notebook = nbformat.read(path, as_version=4)
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


@pytest.mark.parametrize("name", ["01_reading_the_articles.ipynb", "04_discussion_guide.ipynb"])
def test_notebook_outputs_never_contain_markup_from_the_article(project, name):
    text = json.dumps([output.get("data", {}).get("text/html", "") for output in outputs(project / "notebooks" / name)])
    assert "<script" not in text and "<img src=x" not in text and "<b>not bold" not in text


def test_the_hostile_text_is_shown_escaped(project):
    html = "".join(
        output.get("data", {}).get("text/html", "") for output in outputs(project / "notebooks" / "01_reading_the_articles.ipynb")
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt; summary" in html  # the metadata summary, shown under the title


def test_the_rendered_pages_have_no_script_or_injected_image(project):
    pack = (project / "classroom" / "student.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in pack  # the hostile title, as text
    for path in [*(project / "site").glob("*.html"), *(project / "classroom").glob("*.html")]:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        assert page.scripts == [], path.name
        assert all(src.startswith("data:image/") or (path.parent / src).is_file() for src in page.images), path.name


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="needs a headless Chromium (Debian package chromium)")
@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("site/01_reading_the_articles.html", MARK),
        ("site/04_discussion_guide.html", MARK),
        ("site/articles.html", MARK),
        ("classroom/student.html", '&lt;script&gt;alert("title")&lt;/script&gt;'),  # the pack shows the title
    ],
)
def test_a_browser_runs_none_of_the_hostile_markup(project, name, payload):
    """Load the reading copy and the pack in headless Chromium: the markup stays text, nothing in it runs."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={profile}",
                "--dump-dom",
                (project / name).as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert payload in dom  # the payload is on the page, as text
    assert not re.search(r"<html[^>]*data-pwned", dom)  # and never ran
