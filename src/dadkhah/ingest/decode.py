"""Turning the bytes of a text file into text, or saying exactly which lines do not decode.

Without ``--encoding``, a byte-order mark decides (UTF-8, UTF-16, UTF-32); a file without one is
read as UTF-16 when its NUL bytes say so and as UTF-8 otherwise. Windows-1256 (the Persian
Windows code page) accepts almost any bytes, so it is never guessed: name it with
``--encoding windows-1256``. The message for undecodable UTF-8 suggests it when that fits.
"""

from __future__ import annotations

import codecs

from dadkhah.errors import Problem

__all__ = ["DecodeResult", "decode_text", "normalize_encoding"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAX_PROBLEMS = 200


class DecodeResult:
    """The decoded text and the encoding used, or the problems that stopped decoding."""

    def __init__(self, text: str | None, encoding: str, problems: list[Problem]):
        self.text = text
        self.encoding = encoding
        self.problems = problems


def normalize_encoding(name: str) -> str:
    """The codec name Python knows for ``name`` (``cp1256`` for ``windows-1256``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _guess(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    sample = data[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
            return "utf-16-le"
        if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
            return "utf-16-be"
    return "utf-8"


def _line_of(data: bytes, offset: int, encoding: str) -> int:
    if encoding.startswith("utf-8"):
        return data.count(b"\n", 0, offset) + 1
    return data[:offset].decode(encoding, errors="replace").count("\n") + 1


def _undecodable(data: bytes, encoding: str, file: str) -> list[Problem]:
    """Every place where ``data`` does not decode, one problem per line (up to a cap)."""
    problems: list[Problem] = []
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pos = 0
    last_line = -1
    while pos < len(data) and len(problems) < MAX_PROBLEMS:
        try:
            decoder.decode(data[pos:], final=True)
            break
        except UnicodeDecodeError as e:
            bad_at = pos + e.start
            line = _line_of(data, bad_at, encoding)
            if line != last_line:
                bad = data[bad_at : pos + max(e.end, e.start + 1)]
                problems.append(
                    Problem(
                        f"bytes that are not valid {encoding.upper()}",
                        file=file,
                        line=line,
                        field="encoding",
                        value=bad,
                    )
                )
                last_line = line
            pos = pos + max(e.end, e.start + 1)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
    return problems


def _looks_persian_1256(data: bytes) -> bool:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    return arabic >= 3


def decode_text(data: bytes, file: str, encoding: str | None = None) -> DecodeResult:
    """Decode ``data`` strictly; on failure, one problem per line that does not decode."""
    if encoding:
        codec = normalize_encoding(encoding)
        if not codec:
            return DecodeResult(
                None,
                encoding,
                [Problem("unknown encoding", file=file, field="--encoding", value=encoding)],
            )
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
    else:
        codec = _guess(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        problems = _undecodable(data, codec, file)
        if codec.startswith("utf-8") and not encoding and _looks_persian_1256(data):
            problems.append(
                Problem(
                    "the file may be in the Persian Windows code page: "
                    "run again with --encoding windows-1256",
                    file=file,
                    field="encoding",
                )
            )
        return DecodeResult(None, codec, problems)
    if text.startswith("\ufeff"):
        text = text[1:]
    return DecodeResult(text, codec, [])
