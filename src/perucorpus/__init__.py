"""Shared code for the notebooks on Peru's foreign policy in Arabic articles.

Layers, each importing only those below it (checked by import-linter, ``.importlinter``):

* :mod:`perucorpus.base` – atomic writes, strict tables, schemas, dates, country codes and names
* :mod:`perucorpus.text` – the articles, their clean view, Arabic normalisation, gazetteer, term statistics
* :mod:`perucorpus.facts` – quotes, the comparison table, renderings, sourcing, memberships, presidents, checks, record notes
* :mod:`perucorpus.present` – escaped right-to-left HTML, figures and maps
* :mod:`perucorpus.publish` – running the notebooks, navigation, the reading copy, editions, Chromium printing
* :mod:`perucorpus.project` and :mod:`perucorpus.cli` – the notebooks' prologue and the command line

The module table of docs/package.md says what each module holds.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
