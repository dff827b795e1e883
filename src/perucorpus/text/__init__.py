"""Text layer: the articles, their clean view, Arabic normalisation, the gazetteer and term statistics."""
