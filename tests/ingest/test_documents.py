"""Media types and text extraction never crash, whatever the bytes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.ingest.documents import ExtractionFailed, extract_text, media_type_of


def test_media_types_come_from_content_then_name() -> None:
    assert media_type_of("x.bin", b"%PDF-1.4\n") == "application/pdf"
    assert media_type_of("x.txt", b"<!DOCTYPE html><html>") == "text/html"
    assert media_type_of("photo.png", b"\x89PNG\r\n") == "image/png"
    assert media_type_of("noext", "متن فارسی".encode()) == "text/plain"
    assert media_type_of("noext", b"\x00\x01\x02\xff") == "application/octet-stream"


def test_plain_text_decoding() -> None:
    crlf = extract_text("یک\r\nدو\r\n".encode("utf-16"), "text/plain")
    assert crlf is not None and crlf.text == "یک\nدو\n"
    cp = extract_text("علي رضايي از تهران".encode("cp1256"), "text/plain")
    assert cp is not None and cp.text == "علي رضايي از تهران"
    assert extract_text(b"\x89PNG", "image/png") is None


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=600)
    | st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
    media_type=st.sampled_from(["text/html", "application/pdf", "text/plain"]),
)
def test_extraction_never_crashes(data: bytes, media_type: str) -> None:
    try:
        result = extract_text(data, media_type)
    except ExtractionFailed:
        return
    assert result is not None and isinstance(result.text, str)
