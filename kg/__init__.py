"""kg: a knowledge graph of the links between education and the city (城教共生) in Chinese districts."""

__version__ = "0.1.0"
