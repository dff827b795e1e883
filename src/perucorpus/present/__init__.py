"""Presentation layer: HTML for notebooks, figures and maps."""
