"""jieba, the Chinese word segmenter, imported in one place so that it never prints.

jieba logs "Building prefix dict … Loading model cost …" to stderr at
DEBUG level the first time it segments; every module that segments imports
it from here (``from kg.sources.words import jieba``), so no command shows
those lines.  Import this module lazily: loading jieba takes most of a second.
"""

from __future__ import annotations

import logging

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

__all__ = ["jieba"]
