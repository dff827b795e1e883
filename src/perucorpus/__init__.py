"""Shared code for the notebooks on Peru's foreign policy in three Arabic articles.

Modules, one concern each:

* :mod:`~perucorpus.tables` – strict CSV reading with schema validation and clear errors
* :mod:`~perucorpus.schemas` – the pandera schemas of the files in ``data/``
* :mod:`~perucorpus.corpus` – loading the raw articles and their metadata
* :mod:`~perucorpus.cleaning` – the clean reading view (page furniture cut, offsets kept)
* :mod:`~perucorpus.arabic` – normalisation, tokens, clitics and stopwords for counting
* :mod:`~perucorpus.gazetteer` – country names (CLDR + variants) and their mentions
* :mod:`~perucorpus.overview` – per-article counts and term frequencies
* :mod:`~perucorpus.display` – escaped, right-to-left HTML for notebooks
* :mod:`~perucorpus.figures` – fonts, Arabic labels and deterministic figure files
* :mod:`~perucorpus.runner` – re-executing the notebooks in place, deterministically
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
