"""Readers turn an input file into a `Document` (decoded source plus cleaned text)."""

from lawaudit.readers.text import ReadError, decode, document_from_text, read

__all__ = ["ReadError", "decode", "document_from_text", "read"]
