"""Shared code for the notebooks on Peru's foreign policy in three Arabic articles.

Modules, one concern each:

* :mod:`~perucorpus.atomic` – atomic file writes (temporary file, then rename)
* :mod:`~perucorpus.tables` – strict CSV reading with schema validation and clear errors
* :mod:`~perucorpus.schemas` – the pandera schemas of the files in ``data/``
* :mod:`~perucorpus.corpus` – loading the raw articles, their metadata and eras; adding an article
* :mod:`~perucorpus.cleaning` – the clean reading view (page furniture cut, offsets kept)
* :mod:`~perucorpus.arabic` – normalisation, tokens, clitics and stopwords for counting
* :mod:`~perucorpus.countries` – country codes and names from the libraries (CLDR, countrycode)
* :mod:`~perucorpus.gazetteer` – country names (CLDR + variants) and their mentions
* :mod:`~perucorpus.overview` – per-article counts, term frequencies (names as units, counted apart), keyness, keywords in context
* :mod:`~perucorpus.evidence` – verbatim quotes as evidence, and the positions table
* :mod:`~perucorpus.dates` – the date model (ISO dates at day, month or year precision) and dates written in prose
* :mod:`~perucorpus.sourcing` – what a reference states, the basis of each external date, cited references
* :mod:`~perucorpus.renderings` – English renderings that keep the Arabic's hedges, attributions and typos
* :mod:`~perucorpus.translations` – the articles in English, paragraph by paragraph, and both texts side by side
* :mod:`~perucorpus.record` – "what the record adds" notes beside claims, generated from the external data
* :mod:`~perucorpus.memberships` – alliance membership spells, statuses on a date, a country's steps
* :mod:`~perucorpus.heads_of_state` – Peru's presidents and their terms, with references
* :mod:`~perucorpus.checks` – article claims set against the public references
* :mod:`~perucorpus.display` – escaped, right-to-left HTML for notebooks
* :mod:`~perucorpus.figures` – fonts, Arabic labels, chart helpers and deterministic figure files
* :mod:`~perucorpus.maps` – Natural Earth shapes of the Americas, coloured by status
* :mod:`~perucorpus.project` – the notebooks' shared prologue: folders and checked data, loaded on first use
* :mod:`~perucorpus.runner` – re-executing the notebooks in place, deterministically
* :mod:`~perucorpus.navigation` – the generated index notebook and the links between notebooks
* :mod:`~perucorpus.site` – the offline HTML reading copy and the handouts
* :mod:`~perucorpus.cli` – the command line, ``python -m perucorpus <command>`` (``perucorpus``)
* :mod:`~perucorpus.subject_index` – the reading copy's index of countries, people, groupings and terms
* :mod:`~perucorpus.editions` – the student and facilitator editions of the discussion guide
* :mod:`~perucorpus.chromium` – headless Chromium over its DevTools pipe (PDFs, page layout)
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
