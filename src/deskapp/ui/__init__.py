"""The PySide6 window. It only composes the core; nothing in the core imports it."""
