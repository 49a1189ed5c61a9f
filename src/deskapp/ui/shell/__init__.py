"""The window's frame: start-up, the main window that builds and wires, menus, errors,
settings, language, look, layout, status bar, background jobs."""
