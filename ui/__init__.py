"""Shared interface pieces: one module each (filters, downloads, formatting, translations)."""
