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
