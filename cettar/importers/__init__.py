"""Importers for official data (Excel/CSV): validate row by row, publish all or nothing.

Importing this package registers every import kind and its replayer (see cettar.publish), so
that `cettar build` can re-apply earlier imports after a rebuild.
"""

from cettar.importers import idm, indicators, tables  # noqa: F401  (registers the kinds)
