"""Where the graph lives: the embedded Oxigraph store, any SPARQL 1.1 endpoint, RDF formats, inference, loading.

:func:`open_store` is how scripts, notebooks and the command line get a store;
it is the one place that reads ``KG_STORE``, ``KG_ENDPOINT`` and
``KG_UPDATE_ENDPOINT``.  The submodules load lazily, so importing this package
costs nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.i18n import text

if TYPE_CHECKING:
    from kg.store.embedded import Store
    from kg.store.remote import RemoteStore

DEFAULT_STORE = Path(".kg") / "store"
ENV_STORE, ENV_ENDPOINT, ENV_UPDATE_ENDPOINT = "KG_STORE", "KG_ENDPOINT", "KG_UPDATE_ENDPOINT"


def default_store_path() -> Path:
    """``$KG_STORE`` if set, else ``.kg/store`` under the current directory."""
    return Path(os.environ.get(ENV_STORE) or DEFAULT_STORE)


def open_store(
    path: str | Path | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    *,
    read_only: bool = False,
    timeout: float | None = None,
    wait: float = 0.0,
) -> Store | RemoteStore:
    """The store to work with: the embedded store at ``path``, or the SPARQL 1.1 server at ``endpoint``.

    ``timeout``: seconds each call to the server may take in all (default ``$KG_TIMEOUT`` or 60);
    ``wait``: seconds to wait for another process writing to the embedded store.
    Both have the same methods.  What is given wins; with neither, ``$KG_ENDPOINT``
    (and ``$KG_UPDATE_ENDPOINT``) names a server, else the embedded store is at
    ``$KG_STORE`` or ``.kg/store``.  Use it as a context manager so the store is closed::

        with open_store() as store:
            print(len(store))

    >>> open_store("a", "http://127.0.0.1:7878/query")
    Traceback (most recent call last):
    kg.errors.KgError: 请给出存储路径或端点，不能同时给（--store 或 --endpoint）
    """
    if path is not None and endpoint:
        raise KgError(text("store_or_endpoint"))
    if path is None and not endpoint:
        endpoint = os.environ.get(ENV_ENDPOINT) or None
    if endpoint:
        from kg.store.remote import RemoteStore

        update = update_endpoint or os.environ.get(ENV_UPDATE_ENDPOINT) or None
        return RemoteStore(endpoint, update, read_only=read_only, timeout=timeout)
    from kg.store.embedded import Store

    return Store(Path(path) if path is not None else default_store_path(), read_only=read_only, wait=wait)
