"""The graph as a network: projection, metrics, district indicators, paths, write-back."""
