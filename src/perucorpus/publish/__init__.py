"""Publishing layer: running the notebooks, navigation, the reading copy, the editions, Chromium printing."""
