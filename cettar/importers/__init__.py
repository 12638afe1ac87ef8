"""Importers for official data (Excel/CSV): validate row by row, publish all or nothing."""
