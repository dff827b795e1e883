"""Shared code for the notebooks on Peru's foreign policy in Arabic articles.

Layers, each importing only those below it (checked by import-linter, ``.importlinter``):

* :mod:`perucorpus.base` – atomic writes, strict tables, schemas, dates, country codes and names
* :mod:`perucorpus.text` – the articles, their clean view, Arabic normalisation, gazetteer, term statistics
* :mod:`perucorpus.facts` – quotes, the comparison table, renderings, translations, sourcing, memberships, presidents, checks, record notes
* :mod:`perucorpus.present` – escaped right-to-left HTML, figures and maps
* :mod:`perucorpus.publish` – running the notebooks, navigation, the reading copy, editions, Chromium printing
* :mod:`perucorpus.project` and :mod:`perucorpus.cli` – the notebooks' prologue and the command line

The module table of docs/package.md says what each module holds.
"""

__all__ = ["__version__"]
#: The collection's version, written only here: pyproject.toml reads it, ``datapackage.json`` carries it, and
#: ``tests/test_package.py`` checks that ``CITATION.cff`` and the latest entry of ``CHANGELOG.md`` give the same.
__version__ = "0.2.0"
