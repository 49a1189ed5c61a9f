#!/usr/bin/env python3
"""Build Deskapp's installers for the system this runs on.

    python packaging/build.py            freeze with PyInstaller, then package
    python packaging/build.py --reuse    package an existing dist/deskapp again

Linux:   dist/deskapp/ (one folder), dist/deskapp-VERSION-linux-ARCH.tar.gz and
         dist/deskapp_VERSION_ARCH.deb (needs dpkg-deb).
Windows: dist/deskapp/, dist/deskapp-VERSION-windows-ARCH.zip and, with Inno Setup
         (ISCC.exe), dist/Deskapp-VERSION-windows-ARCH-setup.exe.
macOS:   dist/Deskapp.app and, with hdiutil, dist/Deskapp-VERSION-macos-ARCH.dmg.

The project's virtual environment (.venv, as dev.py makes it) runs PyInstaller; it is
created and given the `build` extra (PyInstaller) when missing. A tool that is
missing (dpkg-deb, strip, ISCC, hdiutil, iconutil) is named, and whatever does not
need it is still built. The version comes from deskapp.__version__ only.

Signing runs only when its settings are present in the environment:

  macOS    DESKAPP_MACOS_SIGN_IDENTITY   "Developer ID Application: …" for codesign
           DESKAPP_MACOS_ENTITLEMENTS    optional entitlements .plist
           DESKAPP_NOTARY_PROFILE        a `xcrun notarytool store-credentials` profile,
           or APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD, to notarize the .dmg
  Windows  DESKAPP_WINDOWS_CERT          .pfx file for signtool (with
           DESKAPP_WINDOWS_CERT_PASSWORD), or DESKAPP_WINDOWS_CERT_SHA1 for a
           certificate in the Windows store; DESKAPP_TIMESTAMP_URL overrides the
           timestamp server
  Linux    DESKAPP_DEB_MAINTAINER        the .deb's Maintainer field
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import venv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
SPEC = PACKAGING / "deskapp.spec"
ICON_SVG = ROOT / "resources" / "icons" / "deskapp.svg"
VENV = ROOT / ".venv"

IS_LINUX = sys.platform.startswith("linux")
IS_MAC = sys.platform == "darwin"
IS_WINDOWS = sys.platform == "win32"

# What the frozen program links against from the system (checked with ldd on the
# bundle: Qt's xcb plugin, QtGui's fonts and GL, QtDBus, the C++ runtime).
DEB_DEPENDS = (
    "libc6", "libstdc++6", "libgcc-s1", "zlib1g", "libffi8", "libuuid1",
    "libglib2.0-0", "libdbus-1-3", "libfontconfig1", "libfreetype6", "libgl1", "libegl1",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-glx0",
    "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0",
    "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xinerama0", "libxcb-xkb1",
    "libxkbcommon0", "libxkbcommon-x11-0",
    # The newsroom sync (psycopg) drives the system's PostgreSQL client library.
    "libpq5",
)
# Only a Wayland session needs these; without them Qt uses X11 (XWayland). secret-tool
# keeps the newsroom server's password in the desktop's keyring.
DEB_RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
                  "libsecret-tools")
DEB_PREFIX = "/opt/deskapp"


@dataclass
class Outcome:
    """What a build made and what it could not make."""

    made: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def skip(self, what: str) -> None:
        print(f"build: skipped: {what}", flush=True)
        self.skipped.append(what)


def log(text: str) -> None:
    print(f"build: {text}", flush=True)


def run(command: Sequence[str | Path], **kwargs: object) -> None:
    """Run a command, stopping the build with its exit code if it fails."""
    log("$ " + " ".join(str(part) for part in command))
    code = subprocess.call([str(part) for part in command], **kwargs)  # type: ignore[arg-type]
    if code:
        raise SystemExit(f"build: command failed with exit code {code}: {command[0]}")


def read_version() -> str:
    """deskapp.__version__, read from its source without importing the package."""
    text = (ROOT / "src" / "deskapp" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise SystemExit("build: __version__ not found in src/deskapp/__init__.py")
    return found.group(1)


def machine() -> str:
    """The processor name used in file names: x86_64, arm64, …"""
    name = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(name, name)


def venv_python() -> Path:
    folder = "Scripts" if IS_WINDOWS else "bin"
    return VENV / folder / ("python.exe" if IS_WINDOWS else "python")


def ensure_pyinstaller() -> Path:
    """The venv's Python, with Deskapp and PyInstaller installed in it."""
    python = venv_python()
    if not python.exists():
        log(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    probe = subprocess.call([str(python), "-c", "import PyInstaller, deskapp, PySide6"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe:
        log("installing Deskapp with its `build` extra (PyInstaller) into .venv")
        run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "-e", f"{ROOT}[build]"])
    return python


def render_icons(python: Path, outcome: Outcome) -> Path:
    """PNG sizes and a .ico from the SVG icon; on macOS also the .icns."""
    icons = BUILD / "icons"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([python, PACKAGING / "icons.py", ICON_SVG, icons], env=env)
    if IS_MAC:
        make_icns(icons, outcome)
    return icons


def make_icns(icons: Path, outcome: Outcome) -> None:
    """deskapp.icns with iconutil from an .iconset of the rendered PNGs."""
    if not shutil.which("iconutil"):
        outcome.skip("deskapp.icns: iconutil (Xcode command line tools) is missing")
        return
    iconset = icons / "deskapp.iconset"
    shutil.rmtree(iconset, ignore_errors=True)
    iconset.mkdir(parents=True)
    for size in (16, 32, 128, 256, 512):
        shutil.copy(icons / f"deskapp-{size}.png", iconset / f"icon_{size}x{size}.png")
        shutil.copy(icons / f"deskapp-{size * 2}.png", iconset / f"icon_{size}x{size}@2x.png")
    run(["iconutil", "-c", "icns", iconset, "-o", icons / "deskapp.icns"])


def freeze(python: Path) -> Path:
    """Run the PyInstaller spec; returns the one-folder bundle."""
    if IS_LINUX and not shutil.which("strip"):
        log("strip (Debian: binutils) is missing: binaries stay unstripped and larger")
    started = time.monotonic()
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC], cwd=ROOT)
    log(f"froze the bundle in {time.monotonic() - started:.0f} s")
    return DIST / "deskapp"


def tree_size(folder: Path) -> int:
    """Bytes in the regular files under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()
               and not p.is_symlink())


# ---------------------------------------------------------------------- Linux


def desktop_files() -> dict[str, Path]:
    """Desktop integration files, by their path under a `share` folder."""
    icons = BUILD / "icons"
    files = {
        "applications/deskapp.desktop": PACKAGING / "linux" / "deskapp.desktop",
        "mime/packages/deskapp.xml": PACKAGING / "linux" / "deskapp-mime.xml",
        "icons/hicolor/scalable/apps/deskapp.svg": ICON_SVG,
    }
    for size in (48, 128, 256):
        png = icons / f"deskapp-{size}.png"
        if png.exists():
            files[f"icons/hicolor/{size}x{size}/apps/deskapp.png"] = png
    return files


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(bundle: Path, version: str) -> Path:
    """deskapp-VERSION-linux-ARCH.tar.gz: the bundle plus a share/ folder."""
    top = f"deskapp-{version}"
    target = DIST / f"deskapp-{version}-linux-{machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(bundle, arcname=top, filter=_root_owned)
        for relative, source in desktop_files().items():
            archive.add(source, arcname=f"{top}/share/{relative}", filter=_root_owned)
    return target


def deb_architecture() -> str:
    if shutil.which("dpkg"):
        found = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                               text=True, check=False)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    return {"x86_64": "amd64"}.get(machine(), machine())


def deb_control(version: str, installed_kib: int) -> str:
    maintainer = os.environ.get("DESKAPP_DEB_MAINTAINER", "Deskapp <deskapp@localhost>")
    return (
        "Package: deskapp\n"
        f"Version: {version}\n"
        f"Architecture: {deb_architecture()}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Description: editorial workstation for Vietnamese newsrooms\n"
        " Deskapp lets reporters write articles offline and editors correct them\n"
        " and export print-ready PDFs with every Vietnamese diacritic in place.\n"
        " The `deskapp` command opens the window, or works headless with a command\n"
        " (deskapp import, export, convert …). Each user's library stays in their\n"
        " own data folder and is never removed with the package.\n"
    )


def deb_copyright() -> str:
    fonts = f"{DEB_PREFIX}/_internal/deskapp/resources/fonts"
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: deskapp\n\n"
        "Files: *\nLicense: Proprietary\n\n"
        "Files: resources/fonts/Noto*\nLicense: OFL-1.1\n"
        f" See {fonts}/OFL.txt.\n\n"
        "Files: resources/fonts/DejaVu*\nLicense: Bitstream-Vera and public-domain\n"
        f" See {fonts}/LICENSE-DejaVu.txt.\n\n"
        "Files: opt/deskapp/_internal/PySide6/*\nLicense: LGPL-3\n"
        " Qt for Python (PySide6) and Qt, under the GNU Lesser General Public License 3.\n"
    )


def normalise_modes(folder: Path) -> None:
    """Folders 0755, executables 0755, other files 0644 (symlinks untouched)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)


def stage_deb(bundle: Path, version: str) -> Path:
    """The .deb's file tree under build/deb/."""
    root = BUILD / "deb" / f"deskapp_{version}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / DEB_PREFIX.lstrip("/"), symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "deskapp").symlink_to(f"{DEB_PREFIX}/deskapp")
    for relative, source in desktop_files().items():
        target = root / "usr" / "share" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    doc = root / "usr" / "share" / "doc" / "deskapp"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(deb_copyright(), encoding="utf-8")
    normalise_modes(root)
    installed_kib = (tree_size(root) + 1023) // 1024
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(deb_control(version, installed_kib),
                                             encoding="utf-8")
    (root / "DEBIAN").chmod(0o755)
    return root


def make_deb(bundle: Path, version: str, outcome: Outcome) -> Path | None:
    """deskapp_VERSION_ARCH.deb installing under /opt/deskapp, with /usr/bin/deskapp."""
    if not shutil.which("dpkg-deb"):
        outcome.skip("the .deb: dpkg-deb is missing (Debian: apt install dpkg)")
        return None
    root = stage_deb(bundle, version)
    target = DIST / f"deskapp_{version}_{deb_architecture()}.deb"
    run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", root, target])
    return target


def report_system_libraries(bundle: Path) -> None:
    """Name the system packages the bundle loads, and any library that is not found."""
    if not shutil.which("ldd"):
        return
    internal = bundle / "_internal"
    search = os.pathsep.join([str(internal), str(internal / "PySide6" / "Qt" / "lib")])
    env = dict(os.environ, LD_LIBRARY_PATH=search)
    resolved: dict[str, str] = {}
    for path in [bundle / "deskapp", *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                env=env, check=False)
        for name, where in re.findall(r"^\s*(\S+) => (.+?)(?: \(0x|$)", result.stdout, re.M):
            if not where.startswith(str(bundle)):
                resolved.setdefault(name, where.strip())
    missing = sorted(name for name, where in resolved.items() if where == "not found")
    packages = sorted(_owning_packages(p for p in resolved.values() if p != "not found"))
    declared = set(DEB_DEPENDS) | set(DEB_RECOMMENDS)
    undeclared = [p for p in packages if p not in declared]
    log(f"system packages the bundle links against: {', '.join(packages) or '?'}")
    if undeclared:
        log(f"  not in the .deb's Depends (pulled in by others?): {', '.join(undeclared)}")
    if missing:
        log(f"  not installed on this machine: {', '.join(missing)}")


def _owning_packages(paths: object) -> set[str]:
    if not shutil.which("dpkg"):
        return set()
    found: set[str] = set()
    for path in sorted(set(paths)):  # type: ignore[call-overload]
        result = subprocess.run(["dpkg", "-S", os.path.realpath(path)],
                                capture_output=True, text=True, check=False)
        if result.returncode == 0:
            found.add(result.stdout.split(":", 1)[0])
    return found


def package_linux(bundle: Path, version: str, outcome: Outcome) -> None:
    report_system_libraries(bundle)
    outcome.made.append(make_tarball(bundle, version))
    deb = make_deb(bundle, version, outcome)
    if deb:
        outcome.made.append(deb)


# -------------------------------------------------------------------- Windows


def signtool_command() -> list[str] | None:
    """The `signtool sign` command for the configured certificate, or None."""
    pfx = os.environ.get("DESKAPP_WINDOWS_CERT")
    thumbprint = os.environ.get("DESKAPP_WINDOWS_CERT_SHA1")
    if not (pfx or thumbprint):
        return None
    tool = shutil.which("signtool") or shutil.which("signtool.exe")
    if not tool:
        log("signing: signtool (Windows SDK) is not on PATH")
        return None
    url = os.environ.get("DESKAPP_TIMESTAMP_URL", "http://timestamp.digicert.com")
    command = [tool, "sign", "/fd", "SHA256", "/tr", url, "/td", "SHA256"]
    if pfx:
        command += ["/f", pfx]
        if os.environ.get("DESKAPP_WINDOWS_CERT_PASSWORD"):
            command += ["/p", os.environ["DESKAPP_WINDOWS_CERT_PASSWORD"]]
    else:
        command += ["/sha1", str(thumbprint)]
    return command


def sign_windows(files: list[Path], outcome: Outcome) -> None:
    command = signtool_command()
    if command is None:
        outcome.skip("Windows signing: set DESKAPP_WINDOWS_CERT or DESKAPP_WINDOWS_CERT_SHA1")
        return
    run([*command, *files])


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC.exe")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.exists():
            return str(candidate)
    return None


def package_windows(bundle: Path, version: str, outcome: Outcome) -> None:
    sign_windows([bundle / "deskapp.exe", bundle / "deskappw.exe"], outcome)
    archive = shutil.make_archive(str(DIST / f"deskapp-{version}-windows-{machine()}"),
                                  "zip", root_dir=DIST, base_dir="deskapp")
    outcome.made.append(Path(archive))
    iscc = find_iscc()
    if not iscc:
        outcome.skip("the Windows installer: Inno Setup 6 (ISCC.exe) is missing")
        return
    run([iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}", f"/DOutputDir={DIST}",
         f"/DIconFile={BUILD / 'icons' / 'deskapp.ico'}", f"/DArch={machine()}",
         PACKAGING / "windows" / "deskapp.iss"])
    setup = DIST / f"Deskapp-{version}-windows-{machine()}-setup.exe"
    sign_windows([setup], outcome)
    outcome.made.append(setup)


# ---------------------------------------------------------------------- macOS


def write_info_plist(app: Path, version: str) -> None:
    """Info.plist from packaging/macos/Info.plist with the version filled in."""
    template = (PACKAGING / "macos" / "Info.plist").read_text(encoding="utf-8")
    (app / "Contents" / "Info.plist").write_text(template.replace("@VERSION@", version),
                                                 encoding="utf-8")


def sign_macos(target: Path, outcome: Outcome) -> bool:
    identity = os.environ.get("DESKAPP_MACOS_SIGN_IDENTITY")
    if not identity:
        outcome.skip(f"codesign {target.name}: set DESKAPP_MACOS_SIGN_IDENTITY")
        return False
    command = ["codesign", "--force", "--timestamp", "--options", "runtime",
               "--sign", identity]
    if target.suffix == ".app":
        command.append("--deep")
    entitlements = os.environ.get("DESKAPP_MACOS_ENTITLEMENTS")
    if entitlements:
        command += ["--entitlements", entitlements]
    run([*command, target])
    return True


def notarize(dmg: Path, outcome: Outcome) -> None:
    profile = os.environ.get("DESKAPP_NOTARY_PROFILE")
    apple = [os.environ.get(k) for k in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")]
    if profile:
        credentials = ["--keychain-profile", profile]
    elif all(apple):
        credentials = ["--apple-id", str(apple[0]), "--team-id", str(apple[1]),
                       "--password", str(apple[2])]
    else:
        outcome.skip("notarization: set DESKAPP_NOTARY_PROFILE or APPLE_ID, "
                     "APPLE_TEAM_ID and APPLE_APP_PASSWORD")
        return
    run(["xcrun", "notarytool", "submit", dmg, *credentials, "--wait"])
    run(["xcrun", "stapler", "staple", dmg])


def make_dmg(app: Path, version: str, outcome: Outcome) -> Path | None:
    if not shutil.which("hdiutil"):
        outcome.skip("the .dmg: hdiutil is missing")
        return None
    staging = BUILD / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    target = DIST / f"Deskapp-{version}-macos-{machine()}.dmg"
    target.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", f"Deskapp {version}", "-srcfolder", staging,
         "-ov", "-format", "UDZO", target])
    return target


def package_macos(version: str, outcome: Outcome) -> None:
    app = DIST / "Deskapp.app"
    write_info_plist(app, version)
    signed = sign_macos(app, outcome)
    outcome.made.append(app)
    dmg = make_dmg(app, version, outcome)
    if dmg is None:
        return
    outcome.made.append(dmg)
    if signed and sign_macos(dmg, outcome):
        notarize(dmg, outcome)
    elif not signed:
        outcome.skip("notarization: the app is not signed")


# ----------------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build Deskapp's bundle and installers for this system.",
        epilog="Signing settings: see the top of packaging/build.py.")
    parser.add_argument("--reuse", action="store_true",
                        help="package the existing dist/deskapp instead of freezing again")
    parser.add_argument("--no-installers", action="store_true",
                        help="only freeze the one-folder bundle")
    return parser.parse_args(argv)


def summarise(bundle: Path, outcome: Outcome) -> None:
    log(f"bundle: {bundle} ({tree_size(bundle) / 1e6:.0f} MB unpacked)")
    for path in outcome.made:
        size = tree_size(path) if path.is_dir() else path.stat().st_size
        log(f"made: {path.relative_to(ROOT)} ({size / 1e6:.1f} MB)")
    for what in outcome.skipped:
        log(f"not made: {what}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    version = read_version()
    log(f"Deskapp {version} for {sys.platform}/{machine()}")
    outcome = Outcome()
    bundle = DIST / "deskapp"
    if args.reuse:
        if not (bundle / ("deskapp.exe" if IS_WINDOWS else "deskapp")).exists():
            raise SystemExit(f"build: --reuse: no bundle in {bundle}; build without --reuse")
    else:
        python = ensure_pyinstaller()
        render_icons(python, outcome)
        bundle = freeze(python)
    if not args.no_installers:
        if IS_LINUX:
            package_linux(bundle, version, outcome)
        elif IS_WINDOWS:
            package_windows(bundle, version, outcome)
        elif IS_MAC:
            package_macos(version, outcome)
    summarise(bundle, outcome)
    return 0


if __name__ == "__main__":
    sys.exit(main())
