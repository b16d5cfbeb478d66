"""Shared fixtures: the bundled data built once into a real on-disk store."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.store import Store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of a store built from the bundled data (built once per test session)."""
    path = tmp_path_factory.mktemp("store") / "store"
    with Store(path) as store:
        build(store)
    return path


@pytest.fixture(scope="session")
def store(store_path: Path) -> Store:
    """The built store, opened read-only: tests that write build a store of their own."""
    return Store(store_path, read_only=True)
