"""Placeholder: filled in with its part of the Kompas."""
