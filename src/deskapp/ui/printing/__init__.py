"""Print: PDF export, preflight, the print preview, batch export."""
