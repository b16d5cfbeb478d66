"""Changing the graph from the browser (``kg serve --allow-update`` only): preview, ingest, re-ingest, remove.

The same functions as ``kg ingest`` and ``kg remove`` do the work, so the
same rules and the same one-line errors apply; the preview runs the same
extraction without writing anything.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from kg.extract.ingest import (
    base_gazetteer,
    document_text,
    find_document,
    ingest,
    remove_document,
    store_gazetteers,
)
from kg.extract.pipeline import Extraction, Extractor
from kg.i18n import text
from kg.sources.documents import clean_text

MAX_TEXT = 2 * 1024 * 1024  # characters a pasted or uploaded press release may have


def safe_name(name: str) -> str:
    """A plain file name (the document id is derived from it, as with ``kg ingest FILE``).

    >>> safe_name("../../etc/passwd"), safe_name(""), safe_name("新闻稿 1.txt")
    ('passwd.txt', 'press-release.txt', '新闻稿 1.txt')
    """
    base = Path(name.replace("\\", "/")).name.strip()
    base = re.sub(r"[\x00-\x1f/]", "", base)
    if not base or base in {".", ".."}:
        base = "press-release"
    return base if base.endswith(".txt") else base + ".txt"


def preview(store: Any, text: str, name: str) -> list[Extraction]:
    """What ingesting ``text`` as file ``name`` would add, without writing it."""
    articles = [a for a in clean_text(text, safe_name(name)) if a.text.strip()]
    extractor = Extractor(base_gazetteer())  # read as `add` would: the store's names each article holds on top
    tops = store_gazetteers(store, articles)
    base = extractor.gazetteer
    return [extractor.extract(a, gazetteer=top.over(base)) for a, top in zip(articles, tops, strict=True)]


def add(store: Any, text: str, name: str) -> list[str]:
    """Ingest ``text`` as the file ``name`` (one graph per article); return the document IRIs written."""
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_text(text, encoding="utf-8")
        report = ingest(store, [path])
    if not report.documents:
        reasons = "; ".join(reason for _, reason in report.skipped) or text("nothing_to_add")
        raise ValueError(reasons)
    return [info.iri for info in report.documents]


def reingest(store: Any, doc: str) -> list[str]:
    """Extract an ingested document again from its stored text (its id comes from the same file name)."""
    info = find_document(store, doc)
    stored = document_text(store, info.iri)
    if not stored:
        raise ValueError(text("no_stored_text", doc=info.doc_id))
    return add(store, stored, Path(info.source).name if info.source else info.doc_id)


def remove(store: Any, doc: str) -> str:
    """Remove an ingested document; return its title (or id)."""
    info = remove_document(store, doc)
    return info.title or info.doc_id
