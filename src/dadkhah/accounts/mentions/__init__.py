"""Mentions of persons, organisations, places, dates and figures in a document's text."""

from dadkhah.accounts.mentions.extract import extract_mentions, known_names
from dadkhah.accounts.mentions.known import KnownName

__all__ = ["KnownName", "extract_mentions", "known_names"]
