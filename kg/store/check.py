"""Checks of a store's structure that SHACL shapes cannot make: is anything there, are kg's own graphs there.

SHACL validates what a store holds; a store whose ontology or entity
registry graph was dropped or overwritten (``kg load --graph … --force``, a
stopped first build) holds less, and still conforms.  These checks say so.
"""

from __future__ import annotations

from typing import Any

from kg.errors import KgError
from kg.i18n import text
from kg.model.vocab import ENTITIES_GRAPH, ONTOLOGY_GRAPH

ONTOLOGY_PRESENT = f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?o a owl:Ontology }} }}"
REGISTRY_PRESENT = f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?class ; rdfs:label ?label }} }}"


class EmptyStoreError(KgError):
    """The store holds no triple at all."""


def check_not_empty(store: Any) -> None:
    """Raise :class:`EmptyStoreError` for a store without a single triple (never built, or its first build was
    stopped before it wrote anything: a build is one transaction)."""
    if len(store) == 0:
        raise EmptyStoreError(text("store_empty", path=store.path))


def interrupted_write(store: Any) -> str:
    """ "" unless a write of a big document was killed: then what readers do not see, and what repairs it.

    The graphs of a part-by-part write (:meth:`kg.store.embedded.Store.write_parts`)
    are hidden from every reader until it completes; a killed one leaves them
    hidden until the next command that writes to the store removes them.
    """
    pending = getattr(store, "pending_graphs", lambda: [])()
    if not pending:
        return ""
    return text("interrupted_write", n=len(pending), graph=pending[0])


def structure_problems(store: Any) -> list[tuple[str, str]]:
    """(graph IRI, problem) for each of kg's own graphs that is missing or holds nothing it should.

    An empty store raises :class:`EmptyStoreError` instead.
    """
    check_not_empty(store)
    problems = []
    if not store.ask(ONTOLOGY_PRESENT):
        problems.append((str(ONTOLOGY_GRAPH), text("ontology_missing")))
    if not store.ask(REGISTRY_PRESENT):
        problems.append((str(ENTITIES_GRAPH), text("registry_missing")))
    return problems
