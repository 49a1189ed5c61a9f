"""Files in and out: import, packages and their conflicts, Word and Markdown exports."""
