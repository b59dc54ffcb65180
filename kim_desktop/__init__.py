"""KIM Desktop: offline-first complaint and socialization records for KIM village groups."""

__version__ = "0.1.0"
