"""The plain-text reader on the seed and on the shapes plain-text briefings come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.errors import BriefingError
from briefing_tui.ingest import read_briefing
from briefing_tui.resources import seed_path

SEED_HEADINGS = [
    "A decisive intervention: Kushner and Witkoff reshape the Gaza ceasefire"
    " — a shift in Trump’s assertive diplomacy",
    "A last-minute breakthrough: Trump declares the end of war at midnight",
    "First phase of Trump’s peace plan begins with his upcoming visit to Israel",
    "U.S. troops arrive in Israel to oversee ceasefire: a new phase of Trump’s international strategy",
]


def _seed_paragraph_lines() -> list[str]:
    lines = [line.strip() for line in seed_path().read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines[1:] if line not in SEED_HEADINGS and line != "Was this news useful?"]


def test_seed_title_is_its_first_line() -> None:
    briefing = read_briefing(seed_path())
    assert briefing.title == "Kushner and Witkoff’s Pivotal Role in Redirecting Gaza Ceasefire Negotiations"
    assert briefing.origin == "gaza-ceasefire-talks.txt"


def test_seed_has_an_untitled_lead_and_its_four_headings() -> None:
    briefing = read_briefing(seed_path())
    assert briefing.sections[0].heading is None
    assert briefing.sections[0].id == "lead"
    assert [section.heading for section in briefing.sections[1:]] == SEED_HEADINGS


def test_every_seed_paragraph_is_present_once_and_verbatim() -> None:
    briefing = read_briefing(seed_path())
    rendered = [f"{p.marker} {p.text}" if p.marker else p.text for p in briefing.paragraphs()]
    assert rendered == _seed_paragraph_lines()
    assert len({p.id for p in briefing.paragraphs()}) == len(rendered)


def test_seed_list_stays_a_list() -> None:
    items = [p for p in read_briefing(seed_path()).paragraphs() if p.marker]
    assert [(p.marker, p.text) for p in items] == [
        ("1.", "Complete disarmament of Hamas"),
        ("2.", "Establishment of a technocratic Palestinian administration to govern Gaza"),
        ("3.", "Full withdrawal of Israeli forces from occupied areas of Gaza"),
    ]


def test_site_boilerplate_is_dropped() -> None:
    briefing = read_briefing(seed_path())
    assert all("Was this news useful" not in p.text for p in briefing.paragraphs())


def test_reading_leaves_kinds_and_sources_to_analysis() -> None:
    briefing = read_briefing(seed_path())
    assert {p.kind.value for p in briefing.paragraphs()} == {"background"}
    assert briefing.sources == ()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bom_and_crlf_read_like_plain_utf8(tmp_path: Path) -> None:
    plain = "Title\n\nHeading\n\nFirst paragraph, with an ending.\n"
    crlf = write(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode())
    lf = write(tmp_path, "lf.txt", plain.encode())
    assert read_briefing(crlf).model_dump(exclude={"origin"}) == read_briefing(lf).model_dump(
        exclude={"origin"}
    )
    assert read_briefing(crlf).title == "Title"


def test_latin1_opens_with_a_notice(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "Café crème\n\nLe président a déclaré: « oui ».\n".encode("latin-1"))
    briefing = read_briefing(path)
    assert briefing.title == "Café crème"
    assert briefing.paragraphs()[0].text == "Le président a déclaré: « oui »."
    assert any("cp1252" in notice or "Latin-1" in notice for notice in briefing.notices)


def test_cp1252_quotes_decode(tmp_path: Path) -> None:
    path = write(tmp_path, "smart.txt", b"Title\n\n\x93Quoted\x94 words \x96 and more.\n")
    assert read_briefing(path).paragraphs()[0].text == "“Quoted” words – and more."


def test_utf16_with_bom_decodes(tmp_path: Path) -> None:
    path = write(tmp_path, "wide.txt", "Title\n\nText body.\n".encode("utf-16"))
    briefing = read_briefing(path)
    assert briefing.paragraphs()[0].text == "Text body."
    assert briefing.notices


def test_hard_wrapped_paragraph_is_joined(tmp_path: Path) -> None:
    path = write(tmp_path, "wrapped.txt", b"Title\n\nOne sentence that\nwas wrapped by hand.\n")
    assert read_briefing(path).paragraphs()[0].text == "One sentence that was wrapped by hand."


def test_bulleted_list_items_in_one_block(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "list.txt",
        "Title\n\nIntro paragraph here.\n\n- first\n- second\n  continued\n• third\n".encode(),
    )
    items = [(p.marker, p.text) for p in read_briefing(path).paragraphs()[1:]]
    assert items == [("-", "first"), ("-", "second continued"), ("•", "third")]


def test_no_headings_means_one_untitled_section(tmp_path: Path) -> None:
    path = write(tmp_path, "flat.txt", b"Title\n\nA first paragraph.\n\nA second paragraph.\n")
    briefing = read_briefing(path)
    assert [section.heading for section in briefing.sections] == [None]
    assert len(briefing.paragraphs()) == 2


def test_title_block_with_more_lines_keeps_them(tmp_path: Path) -> None:
    path = write(tmp_path, "tight.txt", b"Title\nA second line, kept as written.\n\nBody text.\n")
    briefing = read_briefing(path)
    assert briefing.title == "Title"
    assert [p.text for p in briefing.paragraphs()] == ["A second line, kept as written.", "Body text."]


def test_a_byline_under_the_title_is_the_author_not_a_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path, "tight.txt", b"Title\nBy Someone Else\n\nBody text.\n")
    briefing = read_briefing(path)
    assert briefing.author == "Someone Else"
    assert [p.text for p in briefing.paragraphs()] == ["Body text."]
    assert briefing.furniture == ("By Someone Else",)


def test_duplicate_headings_get_distinct_ids(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.txt", b"Title\n\nUpdate\n\nOne.\n\nUpdate\n\nTwo.\n")
    assert [s.id for s in read_briefing(path).sections] == ["update", "update-2"]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n  \n", "only whitespace"),
        ("nul.txt", b"\x00" * 64, "binary"),
        ("random.bin", bytes(range(256)) * 8, "binary"),
    ],
)
def test_unreadable_content_is_one_clear_error(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert problem in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="no such file"):
        read_briefing(tmp_path / "absent.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="is a directory"):
        read_briefing(tmp_path)


def test_only_boilerplate(tmp_path: Path) -> None:
    path = write(tmp_path, "bp.txt", b"Was this news useful?\n")
    briefing = read_briefing(path)
    assert briefing.title == "Was this news useful?"
