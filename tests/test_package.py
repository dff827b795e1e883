"""The package's layout: every module is listed in the module table of docs/package.md (linked from the README), in its layer."""

import pkgutil
import re

from conftest import ROOT

import perucorpus

LAYERS = ("base", "text", "facts", "present", "publish")


def package_modules() -> set[str]:
    """Every module of the package, dotted below ``perucorpus`` (subpackages' ``__init__`` left out)."""
    found = {info.name.removeprefix("perucorpus.") for info in pkgutil.walk_packages(perucorpus.__path__, "perucorpus.")}
    return {name for name in found if name not in LAYERS and name != "__main__"}


def readme_modules() -> list[str]:
    """The modules listed in docs/package.md's table, which the README links to."""
    assert "](docs/package.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    readme = (ROOT / "docs" / "package.md").read_text(encoding="utf-8")
    table = readme.split("| module | concern |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([a-z_.]+)` \|", table, flags=re.M)


def test_the_readme_module_table_lists_every_module_once():
    listed = readme_modules()
    assert listed, "the module table of docs/package.md lists no module"
    assert len(listed) == len(set(listed))
    assert set(listed) == package_modules()


def test_every_module_but_the_entry_points_lives_in_a_layer():
    loose = {name for name in package_modules() if "." not in name}
    assert loose == {"cli", "project"}
    assert {name.split(".")[0] for name in package_modules() if "." in name} == set(LAYERS)


def test_the_version_is_written_once_and_the_others_agree():
    """``perucorpus.__version__`` is the one place; CITATION.cff and the latest CHANGELOG entry must match it."""
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r"^version: *\"?([^\"\n]+)\"?$", citation, re.M).group(1)
    released = re.search(r"^date-released: *\"?(\d{4}-\d{2}-\d{2})\"?$", citation, re.M).group(1)
    latest = re.search(r"^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2})$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert (version, released) == (perucorpus.__version__, latest.group(2))
    assert latest.group(1) == perucorpus.__version__
    assert 'version = { attr = "perucorpus.__version__" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r"^version *= *\"", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)  # no second copy
