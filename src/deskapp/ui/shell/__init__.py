"""The window's frame: start-up, the main window that builds and wires, settings, language, look, layout, status bar, background jobs."""
