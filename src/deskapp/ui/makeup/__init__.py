"""Page makeup in the window: the page view of an edition (see docs/MAKEUP.md)."""
