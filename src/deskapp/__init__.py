"""Deskapp: an editorial workstation for Vietnamese newsrooms."""

__version__ = "0.1.0"
