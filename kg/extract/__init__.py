"""Extraction from new text: sentences, gazetteer, recognition, resolution, relations, ingest, evaluation."""
