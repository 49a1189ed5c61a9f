"""A keyring backend that keeps the sync password through ``secret-tool`` (libsecret).

The Linux bundle leaves out SecretStorage and the cryptography package it needs
(11 MB, over the bundle's budget); desktops that offer the Secret Service (GNOME
Keyring, KWallet in Plasma 6, KeePassXC) ship or can add ``secret-tool``
(Debian: libsecret-tools), which speaks to the same service. The items carry the
``service`` and ``username`` attributes keyring's own Secret Service backend
uses, so a password kept by one is found by the other.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

TIMEOUT_S = 10


class SecretToolKeyring(KeyringBackend):
    """Secret Service through the ``secret-tool`` command."""

    @classmethod
    def viable(cls) -> bool:
        return bool(shutil.which("secret-tool")) and bool(
            os.environ.get("DBUS_SESSION_BUS_ADDRESS"))

    @property
    def priority(self) -> float:  # type: ignore[override]
        if not self.viable():
            raise RuntimeError("secret-tool or a session bus is missing")
        return 1

    def get_password(self, service: str, username: str) -> str | None:
        done = _run(["lookup", "service", service, "username", username])
        if done is None or done.returncode != 0:
            return None
        return done.stdout

    def set_password(self, service: str, username: str, password: str) -> None:
        done = _run(["store", f"--label=Deskapp: {username}", "service", service,
                     "username", username], secret=password)
        if done is None or done.returncode != 0:
            raise PasswordSetError(done.stderr.strip() if done else "secret-tool did not run")

    def delete_password(self, service: str, username: str) -> None:
        done = _run(["clear", "service", service, "username", username])
        if done is None or done.returncode != 0:
            raise PasswordDeleteError(done.stderr.strip() if done else "secret-tool did not run")


def _run(args: list[str], secret: str | None = None) -> subprocess.CompletedProcess[str] | None:
    tool = shutil.which("secret-tool")
    if tool is None:
        return None
    try:
        return subprocess.run([tool, *args], input=secret or "", capture_output=True,
                              text=True, encoding="utf-8", timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
