"""Writing: the fields and the body editor, typing, colouring, formatting, find, paste, photos, the live preview."""
