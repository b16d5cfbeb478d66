"""Shared fixtures: the bundled data built once into a real on-disk store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.sources.build import build
from kg.store.embedded import Store


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on (at the time of asking)."""
    return _free_port()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of a real `oxigraph serve` process on a free loopback port, one per test module,
    with the bundled data built into it by `kg build --endpoint`."""
    binary = shutil.which("oxigraph")
    assert binary, "`oxigraph serve` comes with the oxigraph package of the test extra"
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read().decode()}") from None
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/query"
        result = CliRunner().invoke(main, ["build", "--endpoint", url])
        assert result.exit_code == 0, result.output
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
