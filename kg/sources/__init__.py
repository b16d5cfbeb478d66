"""The bundled sources: cleaned documents, the curated YAML, and `kg build`."""
