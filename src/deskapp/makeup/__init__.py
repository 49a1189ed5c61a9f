"""Page makeup: whole newspaper pages built from approved articles (see docs/MAKEUP.md).

:mod:`.plan` holds the page plans as data, :mod:`.presets` the page presets
(sheet, grid, words), :mod:`.store` keeps editions and their history in the
library, :mod:`.layout` lays a plan out and measures each block's fit, and
:mod:`.export` writes pages as print-ready PDF after the preflight.
"""
