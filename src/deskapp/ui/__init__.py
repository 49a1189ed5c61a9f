"""The PySide6 window. It only composes the core; nothing in the core imports it.

The core modules the window reads at start are imported here, before any
module of this package imports PySide6: once PySide6 is loaded, its import
hook reads the source of every module imported after it (looking for the
word "PySide6"), which the start would pay for each of these for nothing.
"""

import deskapp.desk
import deskapp.exchange.decode
import deskapp.store.library
import deskapp.store.lock
import deskapp.sync.messages
import deskapp.sync.target
import deskapp.workspace  # noqa: F401
