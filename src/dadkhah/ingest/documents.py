"""Documents: what kind of file a piece of evidence is, and the text inside it.

HTML keeps its article text: scripts, styles, navigation, headers, footers, sidebars, forms and
similar boilerplate are dropped; the ``<article>`` (or ``<main>``) is preferred to the whole page.
PDF text comes from pypdf, page by page. Plain text is decoded (UTF-8 or UTF-16 by byte-order
mark, else the Persian Windows code page when the bytes are not UTF-8) with line ends made ``\\n``.
The extracted text is laid out as paragraphs separated by one blank line.
"""

from __future__ import annotations

import codecs
import io
import logging
import mimetypes
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Extraction", "ExtractionFailed", "extract_text", "media_type_of"]

log = logging.getLogger(__name__)

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


class ExtractionFailed(Exception):
    """The file could not be read as its media type (kept as evidence, without text)."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Text taken out of a document, how, and the document's own title when it has one."""

    text: str
    extractor: str
    title: str | None = None


def media_type_of(name: str, data: bytes) -> str:
    """The media type of a file, from its first bytes and then its name."""
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(stripped):
        return "text/html"
    guessed, _ = mimetypes.guess_type(name, strict=False)
    if guessed:
        return guessed
    if b"\x00" not in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data[:65536].decode("utf-8")
            return "text/plain"
        except UnicodeDecodeError as e:
            if e.start > 65530:  # cut in the middle of a character
                return "text/plain"
    return "application/octet-stream"


def extract_text(data: bytes, media_type: str) -> Extraction | None:
    """The text of a document, or None for media types without text (images, archives...)."""
    if media_type in ("text/html", "application/xhtml+xml"):
        return _html(data)
    if media_type == "application/pdf":
        return _pdf(data)
    if media_type.startswith("text/"):
        return Extraction(
            _decode_plain(data).replace("\r\n", "\n").replace("\r", "\n"), "plain-text"
        )
    return None


def _decode_plain(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1256", errors="replace")
        if sum(1 for ch in text if "\u0600" <= ch <= "\u06ff") >= 3:
            return text
        raise ExtractionFailed("the text is neither UTF-8 nor Windows-1256") from None


def _html_charset(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    return "utf-8"


_DROP_TAGS = (
    "script, style, noscript, template, nav, aside, form, iframe, svg, button,"
    " select, input, textarea, canvas, object, embed, menu, dialog"
)
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog")
_BOILERPLATE_NAME = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|footer|header|sidebar|cookie|cookies|share|sharing"
    r"|social|advert|ads?|banner|related|newsletter|subscribe|skip|toolbar|popup|modal)([-_\s]|$)",
    re.I,
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "body",
        "html",
    ]
)
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")


def _html(data: bytes) -> Extraction:
    from selectolax.lexbor import LexborHTMLParser

    text = data.decode(_html_charset(data), errors="replace").lstrip("\ufeff")
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else None
    _drop_boilerplate(tree)
    root = None
    articles = tree.css("article")
    if articles:
        root = max(articles, key=lambda n: len(n.text(deep=True)))
    else:
        root = tree.css_first("main") or tree.css_first("[role=main]") or tree.body
    if root is None:
        return Extraction("", "html (selectolax, boilerplate removed)", title or None)
    parts: list[str] = []
    _walk(root, parts)
    return Extraction(
        _paragraphs("".join(parts)), "html (selectolax, boilerplate removed)", title or None
    )


def _drop_boilerplate(tree: Any) -> None:
    """Remove scripts, navigation, page headers and footers, sidebars and the like.

    Candidates are all found first and only the outermost are removed, so no removed node is
    touched again. A block picked only by its class or id (``sidebar``, ``share``...) is kept
    when it holds the article or most of the page's text: wrappers such as
    ``<div class="page has-sidebar">`` hold the content.
    """
    body = tree.body
    total = len(body.text(deep=True)) if body is not None else 0
    candidates: list[Any] = list(tree.css(_DROP_TAGS))
    candidates += [n for n in tree.css("header, footer") if not _inside(n, "article")]
    for node in tree.css("[role], [class], [id], [aria-hidden]"):
        attrs = node.attributes
        if attrs.get("role") in _DROP_ROLES or attrs.get("aria-hidden") == "true":
            candidates.append(node)
            continue
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if (
            node.tag not in ("body", "html", "main", "article")
            and _BOILERPLATE_NAME.search(names)
            and node.css_first("article, main, [role=main]") is None
            and len(node.text(deep=True)) < 0.5 * total
        ):
            candidates.append(node)
    chosen = {n.mem_id for n in candidates}
    outermost = []
    for node in candidates:
        parent = node.parent
        while parent is not None and parent.mem_id not in chosen:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    seen: set[int] = set()
    for node in outermost:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()


def _inside(node: object, tag: str) -> bool:
    parent = node.parent  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _walk(node: object, out: list[str]) -> None:
    child = node.child  # type: ignore[attr-defined]
    while child is not None:
        tag = child.tag
        if tag == "-text":
            out.append(child.text_content or "")
        elif tag == "br":
            out.append("\n")
        elif tag in _BLOCK:
            out.append("\n\n")
            _walk(child, out)
            out.append("\n\n")
        elif tag in _CELL:
            _walk(child, out)
            out.append("\t")
        elif child.is_element_node:
            _walk(child, out)
        child = child.next


def _paragraphs(raw: str) -> str:
    """Collapse spaces inside lines; one blank line between paragraphs; no leading blank lines."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _pdf(data: bytes) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise ExtractionFailed(f"the PDF could not be read: {e}") from e
    except Exception as e:  # pypdf fails in many ways on damaged files; the file is kept anyway
        raise ExtractionFailed(f"the PDF could not be read: {type(e).__name__}: {e}") from e
    text = "\n\n".join(_paragraphs(p) for p in pages if p.strip())
    return Extraction(text, "pdf (pypdf, page text)", title)
