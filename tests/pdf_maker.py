"""Write small PDFs by hand for the tests and benchmarks: text pages, an info title, encryption.

A PDF is a few numbered objects and a cross-reference table of their byte offsets; each
page's content stream draws its lines with Helvetica, top to bottom. Nothing here is a
real document: the tests and benchmarks make their PDFs at run time.
"""

from __future__ import annotations

__all__ = ["make_pdf"]

_TOP = 760
_LEADING = 14
_LEFT = 56


def make_pdf(pages: list[list[str]], *, title: str | None = None, encrypted: bool = False) -> bytes:
    """A PDF with one page per list of lines; ``encrypted`` locks it with an unknown user password."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * index for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{number} 0 R" for number in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, lines in enumerate(pages):
        content = _content(lines)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {page_ids[index] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    trailer_extra = ""
    if title is not None:
        objects.append(f"<< /Title ({_escape(title)}) /Producer (tests) >>".encode("latin-1"))
        trailer_extra += f" /Info {len(objects)} 0 R"
    if encrypted:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>"
        )
        trailer_extra += f" /Encrypt {len(objects)} 0 R /ID [<{'00' * 16}> <{'00' * 16}>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_extra} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _content(lines: list[str]) -> bytes:
    parts = [f"BT /F1 11 Tf {_LEADING} TL {_LEFT} {_TOP} Td"]
    for line in lines:
        parts.append(f"({_escape(line)}) Tj T*")
    parts.append("ET")
    # WinAnsiEncoding is Windows-1252: curly quotes and dashes are in it.
    return "\n".join(parts).encode("cp1252", errors="replace")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
