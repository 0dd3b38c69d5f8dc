"""Reading what a case receives: list files (CSV, XLSX, JSON, JSON Lines) and documents.

Pure functions over bytes: nothing here touches the case store. :mod:`dadkhah.api.lists` and
:mod:`dadkhah.api.evidence` wire them to the store.
"""

from dadkhah.ingest.decode import decode_text
from dadkhah.ingest.documents import Extraction, ExtractionFailed, extract_text, media_type_of
from dadkhah.ingest.lists import PreparedList, prepare_list
from dadkhah.ingest.mapping import Mapping, load_mapping
from dadkhah.ingest.tables import FORMATS, Table, detect_format, read_table

__all__ = [
    "FORMATS",
    "Extraction",
    "ExtractionFailed",
    "Mapping",
    "PreparedList",
    "Table",
    "decode_text",
    "detect_format",
    "extract_text",
    "load_mapping",
    "media_type_of",
    "prepare_list",
    "read_table",
]
