"""A static, offline HTML reading copy of the notebooks (plus the READMEs).

Each notebook is converted with nbconvert's ``basic`` template (body only, no scripts; figures
keep the alternative text of their output metadata) and wrapped in a plain page; links between notebooks and to the READMEs are rewritten to the
built pages, figures in outputs are embedded, and nothing is loaded from the network.
Run ``python -m perucorpus.site [notebooks/] [_build/html]`` (``make notebooks`` does).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from . import navigation
from .display import PAGE_STYLE
from .runner import numbered_notebooks

SITE_STYLE = PAGE_STYLE + """
.jp-InputArea-editor, .highlight { background: #f6f8fa; }
pre { overflow-x: auto; padding: 0.5em; font-size: 10pt; }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
img { max-width: 100%; height: auto; }
details { margin: 0.5em 0 1em; padding: 0.3em 0.8em; border: 1px solid #ccc; }
nav.site { font-size: 10pt; margin-bottom: 1em; }
td[dir=rtl] { min-width: 12em; font-size: 12pt; }
"""

PAGES = {"../README.md": "readme.html", "../data/README.md": "data_readme.html",
         "README.md": "readme.html", "data/README.md": "data_readme.html"}


def _rewrite_links(page: str) -> str:
    """Point links at the built pages: notebooks → .html (the index → index.html), READMEs → their pages."""
    page = re.sub(r'href="(?:notebooks/)?00_index\.ipynb"', 'href="index.html"', page)
    page = re.sub(r'href="(?:notebooks/)?(\d\d_\w+)\.ipynb"', r'href="\1.html"', page)
    for target, built in PAGES.items():
        page = page.replace(f'href="{target}"', f'href="{built}"')
    return page.replace('src="../figures/', 'src="figures/')


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{SITE_STYLE}</style>\n</head>\n<body>\n"
        '<nav class="site"><a href="index.html">Index</a> · <a href="readme.html">README</a> · '
        '<a href="data_readme.html">Data codebook</a></nav>\n'
        f"{_rewrite_links(body)}\n</body>\n</html>\n"
    )


MARKER = ".perucorpus-reading-copy"  # written by build: only a folder holding it may be replaced


def _replaceable(target: Path) -> bool:
    """An empty folder, a reading copy (it holds MARKER), or one built before the marker: only pages and figures/."""
    if not target.is_dir():
        return False
    if (target / MARKER).is_file():
        return True
    return all((path.is_file() and path.suffix == ".html") or (path.is_dir() and path.name == "figures") for path in target.iterdir())


def build(notebooks: Path | str, target: Path | str) -> list[Path]:
    """Write the reading copy into ``target`` and return the pages written.

    ``target`` must be new, empty, or an earlier reading copy (it holds :data:`MARKER`, or
    only ``*.html`` pages and ``figures/``); any other folder, or a file, is refused, never deleted.
    """
    notebooks, target = Path(notebooks), Path(target)
    root = notebooks.parent
    if target.exists():
        if not _replaceable(target):
            raise FileExistsError(f"{target}: not a reading copy built here (no {MARKER}); choose a new or empty folder")
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / MARKER).write_text("Built by python -m perucorpus.site; replaced on every build.\n", encoding="utf-8")
    exporter = HTMLExporter(template_name="basic")
    written = []
    for path in numbered_notebooks(notebooks):
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook)
        title = navigation.title(notebook) or path.stem
        name = "index.html" if path.name.startswith("00_") else f"{path.stem}.html"
        written.append(target / name)
        written[-1].write_text(_page(title, body), encoding="utf-8")
    for source, name, title in [(root / "README.md", "readme.html", "README"),
                                (root / "data" / "README.md", "data_readme.html", "Data codebook")]:
        body = markdown2html_mistune(source.read_text(encoding="utf-8"))
        written.append(target / name)
        written[-1].write_text(_page(title, body), encoding="utf-8")
    shutil.copytree(root / "figures", target / "figures")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    notebooks = Path(args[0]) if args else Path("notebooks")
    target = Path(args[1]) if len(args) > 1 else Path("_build/html")
    pages = build(notebooks, target)
    print(f"reading copy: {len(pages)} pages in {target.as_posix()}/ (open index.html)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
