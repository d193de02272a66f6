"""The parts of a report: standfirst, byline, dateline, credits and site furniture, in every reader.

One regression test per reading error found on real reports, each on a text written here
in the shape of the real one (no real article's sentences).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing_tui.export import export
from briefing_tui.ingest import read_briefing
from briefing_tui.meta_line import meta_line, set_aside
from briefing_tui.model import BlockKind, Briefing

BODY_1 = (
    "Ministers from both sides met for six hours on Tuesday and agreed to resume talks on the "
    "border crossings next week, officials said."
)
BODY_2 = (
    "The agreement leaves open who will staff the crossings, a question that has stalled every "
    "round of talks since the spring, according to two diplomats."
)
BODY_3 = "Neither delegation spoke to reporters after the meeting, which ran late into the evening."


def read(tmp_path: Path, text: str, name: str = "report.txt") -> Briefing:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_briefing(path)


def texts(briefing: Briefing) -> list[str]:
    return [paragraph.text for paragraph in briefing.paragraphs()]


def headings(briefing: Briefing) -> list[str | None]:
    return [section.heading for section in briefing.sections]


# --- the standfirst -------------------------------------------------------------------------------

STANDFIRST = (
    "A deal on the crossings would be the first concrete result of a process both governments "
    "had written off, and it could come within weeks"
)


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_a_long_subtitle_without_a_full_stop_is_the_standfirst_not_a_heading(
    tmp_path: Path, name: str
) -> None:
    # It used to become a heading, and as a heading its text was not a paragraph at all.
    title = "# Border talks resume\n" if name.endswith(".md") else "Border talks resume\n"
    briefing = read(tmp_path, f"{title}\n{STANDFIRST}\n\n{BODY_1}\n\n{BODY_2}\n", name)
    assert headings(briefing) == [None]
    first = briefing.paragraphs()[0]
    assert (first.block, first.text) == (BlockKind.STANDFIRST, STANDFIRST)
    assert texts(briefing)[1:] == [BODY_1, BODY_2]


def test_a_short_subhead_after_the_title_stays_a_heading(tmp_path: Path) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\nThe crossings\n\n{BODY_1}\n")
    assert headings(briefing) == ["The crossings"]


# --- byline, time stamp, dateline -----------------------------------------------------------------


def test_byline_time_stamp_and_dateline_are_metadata(tmp_path: Path) -> None:
    text = (
        "Border talks resume\n\nBy Jane Roe and Sam Lee\n\nUpdated 3:14 PM GMT, March 10, 2026\n\n"
        f"NICOSIA (AP) — {BODY_1}\n\n{BODY_2}\n"
    )
    briefing = read(tmp_path, text)
    assert (briefing.author, briefing.outlet, briefing.dateline) == ("Jane Roe and Sam Lee", "AP", "NICOSIA")
    assert briefing.published == dt.date(2026, 3, 10)
    assert texts(briefing) == [BODY_1, BODY_2]  # the dateline is off the first paragraph
    assert briefing.furniture == ("By Jane Roe and Sam Lee", "Updated 3:14 PM GMT, March 10, 2026")


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("DOHA, Jan 15 (Reuters) - ", "DOHA", "Reuters"),
        ("KYIV, Ukraine (AP) — ", "KYIV", "AP"),  # the city: where it was filed
        ("WASHINGTON — ", "WASHINGTON", None),
        ("Jan 15 (Reuters) - ", None, "Reuters"),
    ],
)
def test_dateline_shapes(tmp_path: Path, opening: str, dateline: str | None, outlet: str | None) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{opening}{BODY_1}\n\n{BODY_2}\n")
    assert (briefing.dateline, briefing.outlet) == (dateline, outlet)
    assert texts(briefing)[0] == BODY_1


def test_a_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    line = "By Wednesday, the two delegations had agreed on a timetable for the crossings."
    briefing = read(tmp_path, f"Border talks resume\n\n{line}\n\n{BODY_1}\n")
    assert briefing.author is None
    assert texts(briefing)[0] == line


# --- furniture taken for headings -----------------------------------------------------------------

AP_TAIL = (
    "___\n\nFollow AP's coverage of the talks at https://example.invalid/hub/talks\n\n"
    "Read more of AP's coverage at https://example.invalid/hub/world\n"
)
TEASERS = "You May Also Like\n\nFerry fares to rise in the spring\n\nNew crane arrives at the north quay\n"


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_an_end_rule_and_coverage_links_are_furniture_not_headings(tmp_path: Path, name: str) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_2}\n\n{AP_TAIL}", name)
    assert headings(briefing) == [None]
    assert texts(briefing) == [BODY_1, BODY_2]
    assert [line[:3] for line in briefing.furniture] == ["___", "Fol", "Rea"]


def test_a_you_may_also_like_block_of_teasers_is_furniture(tmp_path: Path) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\nThe crossings\n\n{BODY_2}\n\n{TEASERS}")
    assert headings(briefing) == [None, "The crossings"]
    assert texts(briefing) == [BODY_1, BODY_2]
    assert briefing.furniture == (
        "You May Also Like",
        "Ferry fares to rise in the spring",
        "New crane arrives at the north quay",
    )
    assert "3 blocks set aside (F lists them)" in meta_line(briefing)
    assert not any("set aside" in notice for notice in briefing.notices)  # news, not a notice


# --- furniture kept as text -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_live_coverage_slogans_end_marks_and_credits_are_set_aside(tmp_path: Path, name: str) -> None:
    text = (
        f"Border talks resume\n\n24/7 coverage of breaking news and live events\n\n{BODY_1}\n\n{BODY_2}\n\n"
        "\\###\n\n(Reporting by Jane Roe in Nicosia; Editing by Sam Lee)\n"
    )
    briefing = read(tmp_path, text, name)
    assert texts(briefing) == [BODY_1, BODY_2]
    assert briefing.author == "Jane Roe"  # from the credit line, without where she filed from
    assert len(briefing.furniture) == 3
    assert briefing.furniture[0] == "24/7 coverage of breaking news and live events"


def test_a_contributor_line_is_a_credit(tmp_path: Path) -> None:
    credit = "Associated Press writer Sam Lee in Athens contributed to this report."
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_2}\n\n{credit}\n")
    assert texts(briefing) == [BODY_1, BODY_2]
    assert briefing.furniture == (credit,)


def test_short_closing_sentences_are_text_not_furniture(tmp_path: Path) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\nMore talks follow.\n\nThat is all.\n")
    assert texts(briefing) == [BODY_1, "More talks follow.", "That is all."]
    assert briefing.furniture == ()


def test_furniture_is_in_the_json_export_and_reads_back_from_markdown(tmp_path: Path) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_2}\n\n{TEASERS}")
    assert Briefing.model_validate_json(export(briefing, "json")).furniture == briefing.furniture
    again = read(tmp_path, export(briefing, "markdown"), "again.md")
    assert again.furniture == briefing.furniture
    assert texts(again) == texts(briefing)


# --- the same logic in every reader ------------------------------------------------------------------


def test_the_byline_and_dateline_are_read_the_same_in_markdown(tmp_path: Path) -> None:
    text = (
        f"# Border talks resume\n\nBy Jane Roe\n\nNICOSIA (AP) — {BODY_1}\n\n## The crossings\n\n{BODY_2}\n"
    )
    briefing = read(tmp_path, text, "report.md")
    assert (briefing.author, briefing.dateline, briefing.outlet) == ("Jane Roe", "NICOSIA", "AP")
    assert headings(briefing) == [None, "The crossings"]
    assert texts(briefing) == [BODY_1, BODY_2]


# --- shapes of the front and the tail, as web pastes have them ------------------------------------


def test_a_byline_and_time_stamp_pasted_as_one_block_are_both_metadata(tmp_path: Path) -> None:
    front = "By Jane Roe and Sam Lee, CNN\nUpdated 6:42 AM EDT, Tue March 10, 2026"
    text = f"Border talks resume\n\n{front}\n\n{BODY_1}\n"
    briefing = read(tmp_path, text)
    assert (briefing.author, briefing.outlet, briefing.published) == (
        "Jane Roe and Sam Lee",
        "CNN",
        dt.date(2026, 3, 10),
    )
    assert texts(briefing) == [BODY_1]


def test_a_bare_name_over_a_role_line_is_the_byline(tmp_path: Path) -> None:
    text = f"Border talks resume\n\nJane Roe\nNicosia correspondent\n\n10 March 2026\n\n{BODY_1}\n"
    briefing = read(tmp_path, text)
    assert (briefing.author, briefing.published) == ("Jane Roe", dt.date(2026, 3, 10))
    assert briefing.furniture == ("Jane Roe", "Nicosia correspondent", "10 March 2026")


def test_an_agency_line_under_the_byline_is_the_outlet(tmp_path: Path) -> None:
    text = f"Border talks resume\n\nBy JANE ROE\nAssociated Press\n\nNICOSIA (AP) — {BODY_1}\n"
    briefing = read(tmp_path, text)
    assert (briefing.author, briefing.outlet, briefing.dateline) == (
        "JANE ROE",
        "Associated Press",
        "NICOSIA",
    )


def test_a_masthead_line_gives_outlet_and_date(tmp_path: Path) -> None:
    text = f"Border talks resume\n\nThe Island Brief | Issue 12 | 10 March 2026\n\n{BODY_1}\n"
    briefing = read(tmp_path, text)
    assert (briefing.outlet, briefing.published) == ("The Island Brief", dt.date(2026, 3, 10))
    assert texts(briefing) == [BODY_1]


def test_live_blog_times_are_set_aside_and_their_entries_kept(tmp_path: Path) -> None:
    text = (
        f"Border talks: live\n\nLast updated: 9:15 p.m.\n\n9:10 p.m.\n\n{BODY_1}\n\n14:02 GMT\n\n{BODY_2}\n"
    )
    briefing = read(tmp_path, text)
    assert texts(briefing) == [BODY_1, BODY_2]
    assert briefing.furniture == ("Last updated: 9:15 p.m.", "9:10 p.m.", "14:02 GMT")


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_teasers_under_more_on_this_story_are_furniture_whatever_their_punctuation(
    tmp_path: Path, name: str
) -> None:
    tail = "More on this story\nFerry fares to rise in the spring\nProfile: who runs the north quay?\n"
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_2}\n\n{tail}", name)
    assert texts(briefing) == [BODY_1, BODY_2]
    assert len(briefing.furniture) == 3


def test_a_short_line_ending_in_a_colon_over_a_list_is_its_heading(tmp_path: Path) -> None:
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\nKey points:\n\n- one\n\n- two\n")
    assert headings(briefing) == [None, "Key points:"]
    assert [p.marker for p in briefing.sections[1].paragraphs] == ["-", "-"]


def test_a_wrapped_paragraph_is_not_split_into_lines(tmp_path: Path) -> None:
    wrapped = "The ministers met for six hours\nand agreed to resume the talks\nnext week in the capital."
    briefing = read(tmp_path, f"Border talks resume\n\n{wrapped}\n")
    assert texts(briefing) == [" ".join(wrapped.split("\n"))]


def test_an_author_note_with_an_address_at_the_end_is_a_credit(tmp_path: Path) -> None:
    note = "Jane Roe covers the talks for the Island Post. Email her at jane.roe@example.invalid."
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_2}\n\n{note}\n")
    assert texts(briefing) == [BODY_1, BODY_2]
    assert briefing.furniture == (note,)


def test_the_line_under_the_title_counts_what_was_set_aside() -> None:
    assert set_aside(0) is None
    assert set_aside(1) == "1 block set aside (F lists it)"
    assert set_aside(14) == "14 blocks set aside (F lists them)"


# --- press releases and statements --------------------------------------------------------------

RELEASE_BODY = (
    "The Ministry of Coastal Affairs welcomes the accord reached on Thursday between the two "
    "fishing councils, which ends a dispute that had kept the northern fleet in port since May."
)
RELEASE_BODY_2 = (
    "The minister said the accord would be put to the regional assembly next month and thanked "
    "the mediators from the harbour board for their patience over eleven rounds of talks."
)


@pytest.mark.parametrize(
    "kicker", ["PRESS RELEASE", "For Immediate Release", "NEWS RELEASE", "Press statement", "MEDIA ADVISORY"]
)
def test_a_press_release_kicker_is_furniture_and_the_headline_is_the_title(
    tmp_path: Path, kicker: str
) -> None:
    text = f"{kicker}\n\nMinistry welcomes the fisheries accord\n\n{RELEASE_BODY}\n\n{RELEASE_BODY_2}\n"
    briefing = read(tmp_path, text)
    assert briefing.title == "Ministry welcomes the fisheries accord"
    assert texts(briefing) == [RELEASE_BODY, RELEASE_BODY_2]
    assert kicker in briefing.furniture


def test_the_issuing_office_over_a_release_is_its_outlet(tmp_path: Path) -> None:
    text = (
        "Minister welcomes the fisheries accord\n\n"
        "Ministry of Coastal Affairs of the Republic of Valdoria\n\n"
        f"{RELEASE_BODY}\n\n{RELEASE_BODY_2}\n"
    )
    briefing = read(tmp_path, text)
    assert briefing.outlet == "Ministry of Coastal Affairs of the Republic of Valdoria"
    assert texts(briefing) == [RELEASE_BODY, RELEASE_BODY_2]


@pytest.mark.parametrize(
    "tail",
    [
        "(END)",
        "-ENDS-",
        "Media enquiries\n\nEmail\n\npressdesk@coastal.example.invalid\n\nPress Office\n\n+44 20 7946 0000",
        "Notes to editors\n\nThe fisheries councils were set up in 1998 to share the northern grounds.",
        "For more information, please contact the press office on 0800 555 0199.",
        "Issued by: The Permanent Secretary,\nMinistry of Coastal Affairs, Port Ellis\n\n14th June 2026",
        "No comments:\n\nPost a Comment",
        "Cover image credit: Harbour Board",
        "Further information\n\nFollow the ministry on social media @coastalaffairs",
    ],
)
def test_the_sign_off_and_contact_block_of_a_release_are_furniture(tmp_path: Path, tail: str) -> None:
    text = f"Minister welcomes the fisheries accord\n\n{RELEASE_BODY}\n\n{RELEASE_BODY_2}\n\n{tail}\n"
    briefing = read(tmp_path, text)
    assert texts(briefing) == [RELEASE_BODY, RELEASE_BODY_2]
    kept = " ".join(briefing.furniture)
    assert all(word in kept for word in tail.split()), briefing.furniture  # nothing lost: F lists it


def test_numbered_points_of_a_statement_and_a_closing_thanks_stay_text(tmp_path: Path) -> None:
    points = (
        "1. The Government welcomes the accord and the work of the mediators.\n\n"
        "2. The Government will fund the first season of joint patrols."
    )
    closing = "Further talks are planned for the autumn, the ministry said."
    briefing = read(tmp_path, f"Statement on the fisheries accord\n\n{points}\n\n{closing}\n")
    assert closing in texts(briefing)
    assert briefing.furniture == ()


def test_a_press_statement_heading_inside_a_report_stays_a_heading(tmp_path: Path) -> None:
    text = f"Fisheries accord signed\n\n{BODY_1}\n\n{BODY_2}\n\nPress statement\n\n{RELEASE_BODY}\n"
    briefing = read(tmp_path, text)
    assert "Press statement" in headings(briefing)
    assert briefing.furniture == ()


def test_a_kicker_under_the_title_is_set_aside(tmp_path: Path) -> None:
    text = (
        "Minister welcomes the fisheries accord\n\nFOR IMMEDIATE RELEASE\n\n"
        f"{RELEASE_BODY}\n\n{RELEASE_BODY_2}\n"
    )
    briefing = read(tmp_path, text)
    assert texts(briefing) == [RELEASE_BODY, RELEASE_BODY_2]
    assert briefing.furniture == ("FOR IMMEDIATE RELEASE",)


# --- a link to another story inside this one -----------------------------------------------------

SHORT_AFTER = (
    "A second union said it would put the offer to members.",
    "Voting closes on Friday.",
)


@pytest.mark.parametrize(
    "teaser",
    [
        "READ MORE: Dock strike delayed as talks resume on Monday",
        "Related: Ferry crews reject second offer",
        "See also: How the last contract was won",
    ],
)
def test_a_teaser_inside_the_story_is_furniture_and_the_story_goes_on(tmp_path: Path, teaser: str) -> None:
    # "READ MORE: <headline>" used to count as the tail: every short paragraph after it was lost.
    body = "\n\n".join((BODY_1, teaser, *SHORT_AFTER))
    briefing = read(tmp_path, f"Border talks resume\n\n{body}\n")
    assert texts(briefing) == [BODY_1, *SHORT_AFTER]
    assert briefing.furniture == (teaser,)


def test_a_bare_read_more_still_ends_the_story(tmp_path: Path) -> None:
    tail = "Read more\n\nFerry fares to rise in the spring\n\nNew crane arrives at the north quay\n"
    briefing = read(tmp_path, f"Border talks resume\n\n{BODY_1}\n\n{BODY_3}\n\n{tail}")
    assert texts(briefing) == [BODY_1, BODY_3]
    assert briefing.furniture[0] == "Read more"
