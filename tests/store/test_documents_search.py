"""Evidence, extracted text and full-text search, on every storage backend."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dadkhah.api import evidence as evidence_api
from dadkhah.api import lists as lists_api
from dadkhah.api import search as search_api
from dadkhah.errors import InputError, NotFound
from dadkhah.store import Case
from dadkhah.store.documents import document_text

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Evin</title>
<script>var tracking = "secret-script-text";</script><style>.x{color:red}</style></head>
<body><header><nav><a href="/">Home page link</a></nav></header>
<div class="sidebar">Related stories elsewhere</div>
<article><header><h1>اعدام‌های تابستان ۱۳۶۷</h1></header>
<p>In the summer of 1988 prisoners at <b>Evin</b> were executed.</p>
<p>علي رضايي was among them.</p></article>
<footer>Copyright notice</footer></body></html>
"""


def _file(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_add_hashes_like_hashlib_and_keeps_custody(case: Case, tmp_path: Path) -> None:
    blob = bytes(range(256)) * 50
    f = _file(tmp_path, "photo.bin", blob)
    (result,) = evidence_api.add_files(case, [f], title="A photo", source_type="image")
    assert result.item.sha256 == hashlib.sha256(blob).hexdigest()
    assert result.new and result.text_item_id is None
    assert case.blobs.read_bytes(result.item.sha256) == blob
    (again,) = evidence_api.add_files(case, [f])
    assert not again.new and again.item.id == result.item.id
    detail = evidence_api.get_item(case, result.item.sha256[:10])
    assert [e.action for e in detail.custody] == ["received", "received-again"]
    assert detail.source is not None and detail.source.source_type == "image"
    with pytest.raises(InputError, match="file not found"):
        evidence_api.add_files(case, [tmp_path / "missing.pdf"])
    with pytest.raises(InputError, match="is not one of"):
        evidence_api.add_files(case, [f], source_type="rumour")
    with pytest.raises(NotFound):
        evidence_api.get_item(case, "999")


def test_html_text_drops_boilerplate_and_is_a_derived_item(case: Case, tmp_path: Path) -> None:
    (r,) = evidence_api.add_files(case, [_file(tmp_path, "page.html", PAGE)], source_type="news")
    assert r.text_item_id is not None and r.text_item_id != r.item.id
    text = document_text(case, r.item.id)
    assert text == (
        "اعدام‌های تابستان ۱۳۶۷\n\n"
        "In the summer of 1988 prisoners at Evin were executed.\n\n"
        "علي رضايي was among them."
    )
    assert evidence_api.document_text(case, str(r.item.id)) == text
    derived = evidence_api.get_item(case, r.text_item_id).item
    assert derived.derived_from == r.item.id and derived.operation is not None
    assert "html" in derived.operation
    assert document_text(case, r.text_item_id) == text


def test_plain_text_and_pdf(case: Case, tmp_path: Path) -> None:
    (t,) = evidence_api.add_files(case, [_file(tmp_path, "note.txt", "line one\nline two\n")])
    assert t.text_item_id == t.item.id  # already UTF-8 text with \n: the file is its own text
    assert document_text(case, t.item.id) == "line one\nline two\n"
    (c,) = evidence_api.add_files(case, [_file(tmp_path, "crlf.txt", "a\r\nb\r\n")])
    assert c.text_item_id != c.item.id and document_text(case, c.item.id) == "a\nb\n"
    pdf = _minimal_pdf("Testimony of a survivor of Gohardasht")
    (p,) = evidence_api.add_files(case, [_file(tmp_path, "t.pdf", pdf)], source_type="testimony")
    assert p.item.media_type == "application/pdf"
    assert "Gohardasht" in document_text(case, p.item.id)
    assert [h.id for h in search_api.search(case, "gohardasht")] == [p.item.id]


def test_search_normalises_persian_on_both_sides(case: Case, tmp_path: Path) -> None:
    lst = _file(
        tmp_path,
        "l.csv",
        "record_id,full_name,prison\n1,علي رضايي,اوين\n2,Sara Karimi,Qezel Hesar\n",
    )
    lists_api.import_lists(case, [lst])
    evidence_api.add_files(case, [_file(tmp_path, "page.html", PAGE)])
    hits = search_api.search(case, "علی رضایی")  # Persian yeh in the query, Arabic yeh stored
    assert {(h.kind, h.record_id) for h in hits} == {("record", "1"), ("document", None)}
    assert [h.title for h in search_api.search(case, "KARIMI")] == ["Sara Karimi"]
    assert [h.kind for h in search_api.search(case, "۱۳۶۷")] == ["document"]  # Persian digits
    assert [h.kind for h in search_api.search(case, "1367")] == ["document"]
    assert search_api.search(case, "secret-script-text") == []  # scripts are not indexed
    assert search_api.search(case, "sidebar related") == []
    assert [h.record_id for h in search_api.search(case, "qez*")] == ["2"]
    assert search_api.search(case, '"unbalanced AND (') == []
    quoted = _file(tmp_path, "q.csv", "full_name,prison\nReza «Tehrani»,Qezel-Hesar (Karaj)\n")
    lists_api.import_lists(case, [quoted])
    assert [h.title for h in search_api.search(case, "tehrani karaj")] == ["Reza «Tehrani»"]
    assert [h.list_name for h in search_api.search(case, "qezel-hesar reza")] == ["q"]
    replacement = _file(tmp_path, "l2.csv", "record_id,full_name\n1,Someone Else\n")
    lists_api.import_lists(case, [replacement], list_name="l", mode="replace")
    assert search_api.search(case, "karimi") == []  # replaced versions are not searched


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (Helvetica), built by hand."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_boilerplate_names_do_not_drop_the_content(sqlite_case: Case, tmp_path: Path) -> None:
    page = (
        "<html><body><div class='page has-sidebar'><div id='top-nav'>Home About</div>"
        "<div class='content'><h2>Mass graves at Khavaran</h2><p>Families gathered every year."
        "</p><div class='share-buttons'><div class='social'>Tweet</div>Share this</div></div>"
        "<div class='sidebar'><div class='related'>Other news</div></div></div></body></html>"
    )
    (r,) = evidence_api.add_files(sqlite_case, [_file(tmp_path, "p.html", page)])
    assert document_text(sqlite_case, r.item.id) == (
        "Mass graves at Khavaran\n\nFamilies gathered every year."
    )


def test_uploaded_bytes_keep_their_name(case: Case) -> None:
    r = evidence_api.add_bytes(case, "C:\\Users\\x\\شهادت.txt", "شهادت یک زندانی\n".encode())
    assert r.file == "شهادت.txt" and r.item.original_name == "شهادت.txt"
    detail = evidence_api.get_item(case, r.item.id)
    assert detail.custody[0].details.get("upload") == "شهادت.txt"
    assert [h.id for h in search_api.search(case, "زندانی")] == [r.item.id]
    with pytest.raises(InputError):
        evidence_api.add_bytes(case, "..", b"x")
