"""What every test run here shares, the doctests of ``kg/`` included: a cache folder of its own.

kg keeps tables between starts in the user's cache folder (:mod:`kg.user_cache`).  A test run must neither
write there nor read what a user's runs kept (a table kept by another checkout would hide the one under
test), so ``XDG_CACHE_HOME`` names a folder of the run from before the first module is collected to the end,
for the tests, the doctests and the commands they start.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

CACHE_HOME = pytest.StashKey[tuple[str, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    folder = tempfile.mkdtemp(prefix="kg-test-cache-")
    config.stash[CACHE_HOME] = (folder, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, before = config.stash.get(CACHE_HOME, (None, None))
    if folder is None:
        return
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
    shutil.rmtree(folder, ignore_errors=True)
