import sys

import pytest

from deskapp.ui.shell import platform_check


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 plugin exists on Linux")
def test_names_the_missing_library(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    def cdll(name):
        if name.endswith("libqxcb.so"):
            raise OSError(f"{name}: libxcb-icccm.so.4: cannot open shared object file")
        return object()

    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    assert platform_check.missing_display_library() == "libxcb-icccm.so.4"


def test_offscreen_and_wayland_need_no_x11(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.missing_display_library() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert platform_check.missing_display_library() is None


def test_the_window_refuses_politely(monkeypatch, capsys, tmp_path):
    from deskapp.ui.shell import app

    monkeypatch.setattr(app, "missing_display_library", lambda: "libxcb-icccm.so.4")
    assert app.run(tmp_path / "l.sqlite") == 1
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4 is missing" in err
    assert "sudo apt install" in err
    assert not (tmp_path / "l.sqlite").exists()


def _headless_env(tmp_path, language):
    import os

    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR")}
    env.update(DESKAPP_LANG=language, DESKAPP_LIBRARY=str(tmp_path / "l.sqlite"),
               XDG_RUNTIME_DIR=str(tmp_path), PYTHONPATH=os.pathsep.join(sys.path))
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays")
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_display_at_all_says_so_in_the_users_language(tmp_path, language):
    import subprocess

    from deskapp.messages import message

    done = subprocess.run([sys.executable, "-m", "deskapp"], env=_headless_env(tmp_path, language),
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == f"deskapp: {message('no_display', language)}"
    assert "deskapp --help" in done.stderr and "deskapp export" in done.stderr
    assert "xcb" not in done.stderr  # not Qt's own text
    assert not (tmp_path / "l.sqlite").exists()


def test_which_settings_have_no_display(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert platform_check.no_display()
    for platform in ("xcb", "wayland", "wayland;xcb"):
        monkeypatch.setenv("QT_QPA_PLATFORM", platform)
        assert platform_check.no_display(), platform
    for platform in ("offscreen", "vnc:size=800x600", "xcb;offscreen"):
        monkeypatch.setenv("QT_QPA_PLATFORM", platform)
        assert not platform_check.no_display(), platform
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    assert not platform_check.no_display()
    monkeypatch.delenv("DISPLAY")
    (tmp_path / "wayland-0").touch()  # the Wayland plugin's default socket
    assert not platform_check.no_display()
