"""Dasbor Kecamatan CETTAR: the Streamlit-free core (database, SQL, data, formats, CLI)."""

__version__ = "0.1.0"
