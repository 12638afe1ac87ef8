"""Boundary import (placeholder module replaced by the geodata importer)."""
