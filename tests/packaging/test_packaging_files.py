"""The installer files are well formed and agree with each other (no build needed)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_spec_parses_and_ships_the_resources() -> None:
    source = (PACKAGING / "deskapp.spec").read_text(encoding="utf-8")
    ast.parse(source)
    assert '"resources"' in source and "deskapp/resources" in source
    assert "__main__.py" in source
    for unused in ("QtQml", "QtQuick", "QtWebEngineCore", "tkinter"):
        assert f'"{unused}"' in source or f'"PySide6.{unused}"' in source


def test_desktop_entry_has_the_keys_a_menu_needs() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "deskapp.desktop", encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application"
    assert group["Name"] == "Deskapp"
    assert group["Exec"].split()[0] == "deskapp"
    assert group["Icon"] == "deskapp"
    assert "application/x-deskapp-package" in group["MimeType"].split(";")
    assert group["Categories"].endswith(";")


def test_mime_type_claims_deskpkg_files() -> None:
    root = ET.parse(PACKAGING / "linux" / "deskapp-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == "application/x-deskapp-package"
    globs = [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")]
    assert globs == ["*.deskpkg"]


def test_inno_setup_script_associates_deskpkg_and_takes_the_version() -> None:
    script = (PACKAGING / "windows" / "deskapp.iss").read_text(encoding="utf-8")
    assert "{#AppVersion}" in script and "#ifndef AppVersion" in script
    assert re.search(r"AppVersion=\{#AppVersion\}", script)
    assert r'Subkey: "Software\Classes\.deskpkg"' in script
    assert "{autoprograms}" in script
    assert "/VERYSILENT" in script and "/SUPPRESSMSGBOXES" in script
    sections = re.findall(r"^\[(\w+)\]", script, re.MULTILINE)
    assert "UninstallDelete" not in sections  # the users' libraries are never removed


def test_info_plist_declares_deskpkg_and_a_version_placeholder() -> None:
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert plist["CFBundleShortVersionString"] == "@VERSION@"
    assert plist["CFBundleVersion"] == "@VERSION@"
    extensions = [ext for doc in plist["CFBundleDocumentTypes"]
                  for ext in doc["CFBundleTypeExtensions"]]
    assert extensions == ["deskpkg"]
    exported = plist["UTExportedTypeDeclarations"][0]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["deskpkg"]


def test_icon_is_an_svg() -> None:
    root = ET.parse(ROOT / "resources" / "icons" / "deskapp.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("script", ["build.py", "smoke.py"])
def test_packaging_scripts_answer_help(script: str) -> None:
    result = subprocess.run([sys.executable, str(PACKAGING / script), "--help"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_build_reads_the_version_from_the_package() -> None:
    spec = importlib.util.spec_from_file_location("deskapp_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    build_script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build_script  # dataclasses look their module up
    try:
        spec.loader.exec_module(build_script)
    finally:
        del sys.modules[spec.name]
    from deskapp import __version__

    assert build_script.read_version() == __version__
    control = build_script.deb_control(__version__, 1000)
    assert f"Version: {__version__}" in control
    assert "libxcb-cursor0" in control and "libxkbcommon-x11-0" in control
