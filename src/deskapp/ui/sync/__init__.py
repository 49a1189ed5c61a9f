"""The newsroom server: sync, its settings, the desk view."""
