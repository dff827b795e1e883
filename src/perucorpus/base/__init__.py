"""Base layer: atomic writes, strict tables and their schemas, the date model, country codes and names."""
