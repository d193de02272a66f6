"""HTML, DOCX, PDF and e-mail behind `read_briefing`, on documents written at test time.

Every document here is made by the test (python-docx writes the Word files, `pdf_maker`
the PDFs, HTML and e-mail are text); none is a real article.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import textwrap
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing_tui.errors import BriefingError
from briefing_tui.export import export
from briefing_tui.ingest import read_briefing, read_document
from briefing_tui.model import BlockKind, Briefing
from pdf_maker import make_pdf

ROOT = Path(__file__).resolve().parents[1]

LEAD = (
    "Talks between the dock union and the port authority stalled on Friday after both sides "
    "refused to move on the raise for the second year of the contract, two people briefed on the "
    "meeting said."
)
OFFER = (
    "The authority has offered a raise of four percent in the first year and three percent in "
    "each of the next two years, according to a copy of the offer seen by the paper."
)
NEXT = (
    "The next round is scheduled for Tuesday, when a mediator appointed by the labour ministry "
    "is expected to join the talks for the first time since they began in March."
)


def texts(briefing: Briefing) -> list[str]:
    return [paragraph.text for paragraph in briefing.paragraphs()]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def refused(path: Path, *words: str) -> str:
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


# --- HTML ---------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port talks stall over wage clause | Harbour Weekly</title>
<meta property="og:title" content="Port talks stall over wage clause">
<meta property="og:site_name" content="Harbour Weekly">
<meta name="author" content="Dana Ortiz">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement</div>
<article>
<h1>Port talks stall over wage clause</h1>
<p>PORTSMOUTH (HW) — {LEAD}</p>
<h2>What is on the table</h2>
<p>{OFFER}</p>
<ul><li>a four percent raise in year one</li><li>three percent in years two and three</li></ul>
<table><tr><th>Year</th><th>Offer</th></tr><tr><td>1</td><td>4%</td></tr><tr><td>2</td><td>3%</td></tr></table>
<p>{NEXT}</p>
</article>
<aside><h3>You May Also Like</h3><ul><li><a href="/a">Ferry fares to rise</a></li></ul></aside>
<footer>Copyright 2026 Harbour Weekly. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_a_saved_page_gives_its_article_and_metadata(tmp_path: Path) -> None:
    briefing = read_briefing(write(tmp_path, "page.html", PAGE))
    assert briefing.title == "Port talks stall over wage clause"
    assert (briefing.outlet, briefing.author, briefing.published) == (
        "Harbour Weekly",
        "Dana Ortiz",
        dt.date(2026, 3, 14),
    )
    assert briefing.dateline == "PORTSMOUTH"
    assert [section.heading for section in briefing.sections] == [None, "What is on the table"]
    assert texts(briefing)[0] == LEAD  # the dateline is metadata, not text
    body = "\n".join(texts(briefing))
    for gone in ("Home", "Advertisement", "Ferry fares", "Privacy"):
        assert gone not in body
    items = [(p.marker, p.text) for p in briefing.paragraphs() if p.block is BlockKind.LIST_ITEM]
    assert items == [("-", "a four percent raise in year one"), ("-", "three percent in years two and three")]
    (table,) = [p for p in briefing.paragraphs() if p.block is BlockKind.TABLE]
    assert table.rows == (("Year", "Offer"), ("1", "4%"), ("2", "3%"))


def test_a_page_sniffed_without_a_suffix_is_html(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "saved-page", PAGE))
    assert document.format == "html"
    assert document.briefing.title == "Port talks stall over wage clause"


def test_a_page_with_no_article_text_is_one_line(tmp_path: Path) -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    refused(write(tmp_path, "links.html", page), "no article text")


# --- DOCX ---------------------------------------------------------------------------------------


def make_docx(tmp_path: Path, name: str = "brief.docx") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Port talks stall over wage clause", style="Title")
    document.add_paragraph("By Dana Ortiz")
    document.add_paragraph(LEAD)
    document.add_heading("What is on the table", level=1)
    document.add_paragraph(OFFER)
    document.add_paragraph("a four percent raise in year one", style="List Bullet")
    document.add_paragraph("three percent in years two and three", style="List Bullet")
    document.add_paragraph("sign within a week", style="List Number")
    document.add_paragraph("review in a year", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Year", "Offer"), ("1", "4%")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("We will not sign a deal that leaves us behind inflation.", style="Quote")
    document.add_heading("What comes next", level=2)
    document.add_paragraph(NEXT)
    path = tmp_path / name
    document.save(str(path))
    return path


def test_a_word_document_gives_headings_lists_tables_and_quotes(tmp_path: Path) -> None:
    briefing = read_briefing(make_docx(tmp_path))
    assert briefing.title == "Port talks stall over wage clause"
    assert briefing.author == "Dana Ortiz"  # the byline, not python-docx's default author
    assert [s.heading for s in briefing.sections] == [None, "What is on the table", "What comes next"]
    assert texts(briefing)[0] == LEAD
    shapes = [(p.block, p.marker) for p in briefing.sections[1].paragraphs]
    assert shapes == [
        (BlockKind.BODY, None),
        (BlockKind.LIST_ITEM, "-"),
        (BlockKind.LIST_ITEM, "-"),
        (BlockKind.LIST_ITEM, "1."),
        (BlockKind.LIST_ITEM, "2."),
        (BlockKind.TABLE, None),
        (BlockKind.QUOTE, None),
    ]
    assert briefing.sections[1].paragraphs[5].rows == (("Year", "Offer"), ("1", "4%"))
    assert Briefing.model_validate_json(export(briefing, "json")) == briefing


def test_a_corrupt_word_document_is_one_line(tmp_path: Path) -> None:
    good = make_docx(tmp_path).read_bytes()
    refused(write(tmp_path, "cut.docx", good[: len(good) // 2]), "ZIP archive is damaged")
    refused(write(tmp_path, "text.docx", b"just some words, not a zip"), "not a valid .docx")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notes.txt", "hello")
    refused(write(tmp_path, "other.docx", archive.getvalue()), "not a Word document")
    refused(
        write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
        "encrypted or old-format",
    )


def test_a_damaged_part_inside_a_word_document_is_one_line(tmp_path: Path) -> None:
    source = zipfile.ZipFile(make_docx(tmp_path))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for info in source.infolist():
            data = source.read(info)
            zipped.writestr(info, b"<w:document" if info.filename == "word/document.xml" else data)
    refused(write(tmp_path, "broken.docx", archive.getvalue()), "damaged Word document")


# --- PDF ----------------------------------------------------------------------------------------


def pdf_pages(paragraphs: list[str], *, per_page: int = 14, width: int = 70) -> list[list[str]]:
    """The paragraphs wrapped into lines and cut into pages with a running header and a page number."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend([paragraph[5:]] if paragraph.startswith("HEAD:") else textwrap.wrap(paragraph, width))
        lines.append("")  # the space between paragraphs
    pages: list[list[str]] = []
    for start in range(0, len(lines), per_page):
        number = len(pages) + 1
        pages.append(["Harbour Weekly | Port briefing", *lines[start : start + per_page], f"Page {number}"])
    return pages


def test_a_pdf_is_rejoined_into_paragraphs_without_running_lines(tmp_path: Path) -> None:
    paragraphs = [LEAD, OFFER, "HEAD:What the offer says", NEXT, LEAD.replace("Friday", "Monday"), OFFER]
    pages = pdf_pages(paragraphs, per_page=11)
    assert len(pages) >= 2
    # A paragraph runs on from one page to the next, mid-sentence.
    assert any(page[-2] and not page[-2].endswith(".") for page in pages[:-1])
    path = write(tmp_path, "report.pdf", make_pdf(pages, title="Port talks stall"))
    briefing = read_briefing(path)
    assert briefing.title == "Port talks stall"
    assert [s.heading for s in briefing.sections] == [None, "What the offer says"]
    assert texts(briefing) == [LEAD, OFFER, NEXT, LEAD.replace("Friday", "Monday"), OFFER]
    assert not any("Harbour Weekly" in text or "Page " in text for text in texts(briefing))


def test_a_word_hyphenated_at_a_line_end_is_whole_again(tmp_path: Path) -> None:
    lines = [
        "The negotiators met again on Friday to discuss the remaining points of the",
        "agreement, and the union said that the wording of the second-year clause was still unaccept-",
        "able to its members, who will vote on the offer next week in every port.",
    ]
    path = write(tmp_path, "hyphen.pdf", make_pdf([lines], title="Hyphens"))
    (text,) = texts(read_briefing(path))
    assert "unacceptable to its members" in text
    assert "second-year clause" in text


def test_an_encrypted_pdf_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", make_pdf([["Secret text on a page."]], encrypted=True))
    refused(path, "encrypted PDF", "password")


def test_a_pdf_with_no_text_layer_suggests_ocr(tmp_path: Path) -> None:
    refused(write(tmp_path, "scan.pdf", make_pdf([[], []])), "no text layer", "OCR")


def test_a_damaged_pdf_is_one_line(tmp_path: Path) -> None:
    refused(write(tmp_path, "cut.pdf", b"%PDF-1.4\n1 0 obj\n<<"), "PDF")


# --- e-mail -------------------------------------------------------------------------------------


def mail(subject: str, body: str | None = None, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Dana Ortiz <dana@example.invalid>"
    message["To"] = "desk@example.invalid"
    message["Subject"] = subject
    message["Date"] = "Sat, 14 Mar 2026 09:30:00 +0000"
    if body is not None:
        message.set_content(body)
    if html is not None:
        if body is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_an_email_gives_subject_sender_date_and_text(tmp_path: Path) -> None:
    body = f"{LEAD}\n\nWhat is on the table\n\n{OFFER}\n\n-- \nDana Ortiz\nHarbour desk\n"
    path = write(tmp_path, "note.eml", mail("Re: Port talks stall", body).as_bytes())
    briefing = read_briefing(path)
    assert briefing.title == "Port talks stall"
    assert (briefing.author, briefing.published) == ("Dana Ortiz", dt.date(2026, 3, 14))
    assert [s.heading for s in briefing.sections] == [None, "What is on the table"]
    assert texts(briefing) == [LEAD, OFFER]
    assert "Harbour desk" in briefing.furniture  # the signature is set aside, not lost


def test_a_forwarded_email_takes_the_forwarded_message_headers(tmp_path: Path) -> None:
    body = (
        "See below, worth a read.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Sam Lee <sam@example.invalid>\n"
        "Date: Fri, 13 Mar 2026 18:00:00 +0000\n"
        "Subject: Port talks: where things stand\n"
        "To: Dana Ortiz <dana@example.invalid>\n\n"
        f"{LEAD}\n\n{NEXT}\n"
    )
    briefing = read_briefing(
        write(tmp_path, "fwd.eml", mail("Fwd: Port talks: where things stand", body).as_bytes())
    )
    assert briefing.title == "Port talks: where things stand"
    assert (briefing.author, briefing.published) == ("Sam Lee", dt.date(2026, 3, 13))
    assert texts(briefing)[-2:] == [LEAD, NEXT]
    assert not any(text.startswith(("From:", "Subject:")) for text in texts(briefing))


def test_an_html_only_email_goes_through_the_html_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "html.eml", mail("Port talks stall", html=PAGE).as_bytes())
    briefing = read_briefing(path)
    assert briefing.title == "Port talks stall"
    assert LEAD in texts(briefing)


def test_a_briefing_attached_to_an_email_is_opened(tmp_path: Path) -> None:
    message = mail("The brief you asked for", "Attached.\n")
    message.add_attachment(
        make_docx(tmp_path).read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="port-brief.docx",
    )
    briefing = read_briefing(write(tmp_path, "attached.eml", message.as_bytes()))
    assert briefing.title == "Port talks stall over wage clause"
    assert briefing.origin == "attached.eml"
    assert any("port-brief.docx" in notice for notice in briefing.notices)


def test_an_email_with_no_readable_part_is_one_line(tmp_path: Path) -> None:
    message = mail("Pictures")
    message.set_content(b"\x89PNG\r\n", maintype="image", subtype="png", filename="x.png")
    refused(write(tmp_path, "pics.eml", message.as_bytes()), "no readable part")


def test_an_email_is_sniffed_without_a_suffix(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "message", mail("Port talks stall", f"{LEAD}\n").as_bytes()))
    assert document.format == "email"


# --- what opening a file imports ----------------------------------------------------------------

HEAVY = ("trafilatura", "pypdfium2", "docx", "yaml", "markdown_it")


@pytest.mark.parametrize(
    ("name", "data", "needed"),
    [
        ("plain.txt", f"Title\n\n{LEAD}\n", set()),
        ("notes.md", f"# Title\n\n{LEAD}\n", {"markdown_it"}),
        ("front.md", f"---\ntitle: T\n---\n\n{LEAD}\n", {"markdown_it", "yaml"}),
    ],
)
def test_opening_a_file_imports_only_the_parsers_it_needs(
    tmp_path: Path, name: str, data: str, needed: set[str]
) -> None:
    path = write(tmp_path, name, data)
    code = (
        "import sys; from briefing_tui.ingest import read_briefing; read_briefing(sys.argv[1]); "
        f"print(','.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert set(filter(None, result.stdout.strip().split(","))) == needed


def test_a_sentence_repeated_at_the_top_of_two_pages_is_not_a_running_header(tmp_path: Path) -> None:
    pages = [
        ["Harbour Weekly | Port briefing", *textwrap.wrap(text, 70), f"Page {number}"]
        for number, text in ((1, LEAD), (2, LEAD.replace("meeting said", "second meeting said")))
    ]
    assert pages[0][1] == pages[1][1]  # the same body line under each header
    briefing = read_briefing(write(tmp_path, "twice.pdf", make_pdf(pages, title="Twice")))
    assert texts(briefing)[0] == LEAD


def test_a_short_html_email_that_is_no_article_page_is_read_as_text(tmp_path: Path) -> None:
    html = f"<html><body><p>{LEAD}</p><div>{NEXT}</div></body></html>"
    briefing = read_briefing(write(tmp_path, "short.eml", mail("Port talks stall", html=html).as_bytes()))
    assert briefing.title == "Port talks stall"
    assert LEAD in texts(briefing) and NEXT in texts(briefing)


@pytest.mark.parametrize("junk", ["Microsoft Word - port-brief.docx", "untitled", "brief-final-v3.pdf"])
def test_a_pdf_title_that_names_the_source_file_is_not_the_title(tmp_path: Path, junk: str) -> None:
    pages = [["Port talks stall", "", *textwrap.wrap(LEAD, 70)]]
    briefing = read_briefing(write(tmp_path, "made.pdf", make_pdf(pages, title=junk)))
    assert briefing.title == "Port talks stall"
    assert texts(briefing) == [LEAD]
