"""Shared fixtures: small libraries and articles in temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The newsroom server's fixtures (a throw-away PostgreSQL cluster) for tests/sync and tests/ui/sync.
pytest_plugins = ["newsroom_fixtures"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Qt's offscreen screen is 800×800 unless told otherwise; the window fits the screen it
    # opens on, so the tests give it a desktop's 1920×1080 (smaller screens are tested too).
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}")
os.environ.setdefault("DESKAPP_LANG", "en")

ROOT = Path(__file__).resolve().parent.parent
# The newsroom samples sit beside the checkout; DESKAPP_SAMPLES names another folder.
SAMPLE = (Path(os.environ.get("DESKAPP_SAMPLES") or ROOT.parent / "shared" / "samples")
          / "kontum-quy-che-dan-chu.raw.txt")


@pytest.fixture
def sample_path() -> Path:
    if not SAMPLE.exists():
        pytest.skip(f"the newsroom sample is not beside the project ({SAMPLE})")
    return SAMPLE


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.sqlite"


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      _session_cache: Path) -> None:
    """No test may touch the real user data or cache folder."""
    monkeypatch.setenv("DESKAPP_LIBRARY", str(tmp_path / "default-library.sqlite"))
    # Outside tmp_path: tests check that a failed export leaves their folder empty.
    monkeypatch.setenv("DESKAPP_CACHE", str(_session_cache))
