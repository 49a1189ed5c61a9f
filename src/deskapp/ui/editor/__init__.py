"""Writing: the fields and the body editor, typing, colouring, formatting, find, paste,
photos, the live preview, and the open article's session."""
