"""Keeping the library safe: backups, recovery of a damaged library, the background check."""
