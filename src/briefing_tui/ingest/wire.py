"""The parts of a news report around its body: standfirst, byline, dateline, credits and furniture.

Every reader (plain text, Markdown, HTML, DOCX, PDF, e-mail) finds headings and blocks in
its own way and then hands them here, so a report's parts are recognised the same way
whatever the file was. What is recognised goes to the briefing's metadata (author, outlet,
published, dateline); what is set aside goes to `Briefing.furniture`, never nowhere.

All patterns here run on one line or on the first few hundred characters of a block, and
none has nested or overlapping unbounded quantifiers, so reading stays linear in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from briefing_tui.enums import BlockKind
from briefing_tui.ingest.structure import Draft, Entry, Heading, Item

__all__ = [
    "Report",
    "build_report",
    "is_tail_marker",
    "may_name_reporters",
    "parse_date",
    "shape_report",
]

# A line that is site furniture wherever it stands.
_FURNITURE_LINE = re.compile(
    r"""^(?:
        (?:was|is)\ this\ (?:news|article|story|page|report|information|content)\ (?:useful|helpful)
      | did\ you\ (?:find\ this|like\ this)\b.{0,80}
      | (?:share|tweet|email|print)(?:\ (?:this|the))?(?:\ (?:article|story|page|post))?
        (?:\ (?:on|via|with)\b.{0,60})?
      | (?:follow|like)\ us\ on\b.{0,60}
      | (?:sign\ up|subscribe)\b.{0,80}(?:newsletter|updates|alerts)\b.{0,80}
      | related(?:\ (?:articles|stories|news|coverage|content))?
      | advertisement | advertising | ad | sponsored(?:\ content)?
      | rate\ this\ (?:article|story)
      | listen\ to\ this\ (?:article|story)(?:\ .{0,30})?
      | 24/7\ coverage\ of\ breaking\ news\ and\ live\ events
      | copyright\ .{0,80}all\ rights\ reserved | ©.{0,100}
      | our\ standards:.{0,80}
      | (?:[_*=~-]\s?){3,} | \\?\#{3,} | -30- | ends
      | click\ here\b.{0,80}
      | (?:read|see)\ more(?:\ (?:stories|news|articles))?
      | (?:watch|photos?|video|gallery|image\ caption|caption):\ .{0,160}
      | comments?\ \(\d{1,6}\)
      | have\ your\ say\b.{0,40} | got\ a\ story\?.{0,120}
      | [a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}){1,5}
      | \(end\) | -ends?- | no\ comments | post\ a\ comment | leave\ a\ (?:reply|comment)
      | your\ email\ address\ will\ not\ be\ published.{0,80}
      | (?:cover\ |header\ |main\ )?(?:image|photo|picture)\ credits?:\ .{0,120}
    )[\s?!.:…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# More of them, whose words may start anywhere in the first 80 characters. They are apart
# because the engine tries each of those starts (they cost three times all the others
# together), so they are tried only on a line that has their words (`_has_inside_words`).
_FURNITURE_INSIDE = re.compile(
    r"""^(?:
        .{0,80}\bread\ in\ browser
      | .{0,80}\bforward\ this\ (?:email|newsletter|to\ a\ friend)\b.{0,120}
      | .{0,80}[·|]\ ?share\ this\ (?:article|story|page)
    )[\s?!.:…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A link to another story set in the middle of this one: "READ MORE: <its headline>". It is a
# line of furniture, not the tail: the story goes on after it.
_TEASER = re.compile(
    r"""^(?:read\ more|related(?:\ (?:story|stories|article|articles|coverage|content|news))?
      |see\ also|also\ read|read\ also)\ ?:\ ?[^\W_].{0,200}$""",
    re.IGNORECASE | re.VERBOSE,
)
_INSIDE_WORDS = ("read in browser", "forward this ", "share this ")
"""Words each `_FURNITURE_INSIDE` line has, as IGNORECASE matches them."""
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The letters IGNORECASE takes for an ASCII letter although `str.lower` does not make them
that letter: dotted and dotless I, long s and the Kelvin sign."""
# A line after which, at the end of a report, only furniture follows.
_TAIL_MARKER = re.compile(
    r"""^(?:
        you\ may\ also\ like | you\ might\ also\ like
      | more\ (?:stories|news|coverage|from\b.{0,40}|on\ this\ story|on\ this\ topic)
      | also\ in\b.{0,200} | up\ next\b.{0,60}
      | related\b.{0,30} | read\ next | recommended(?:\ for\ you)? | most\ (?:read|popular|viewed)
      | trending(?:\ now)? | latest(?:\ news|\ stories)? | top\ stories | what\ to\ read\ next
      | (?:follow|read\ more\ of|see\ more\ of|find\ more\ of)\b.{0,60}\bcoverage\b.{0,200}
      | read\ more\b.{0,200}
      | (?:[_*=~-]\s?){3,} | \\?\#{3,} | -30- | ends | \(end\) | -ends?-
      | notes?\ (?:to|for)\ editors | (?:media|press)\ (?:enquiries|inquiries|contacts?|office)
      | for\ (?:more|further)\ information\b.{0,200} | further\ information | issued\ by\b.{0,160}
    )[\s?!.:…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# The line naming the office that issues a release or statement: its outlet.
_ISSUER = re.compile(
    r"^(?:the\s)?(?:[\w.'’-]+\s){0,3}?(?:ministry|department|office|embassy|permanent\smission|"
    r"secretariat|presidency)\s(?:of|for)\s[^.!?;:]{2,100}$",
    re.IGNORECASE,
)
_ISSUER_WORDS = 14
# A line over a release that says what it is, not what it is about: never its title.
_KICKER = re.compile(
    r"^(?:for\ immediate\ release|(?:press|news|media)\ (?:release|statement|advisory|note)"
    r"|embargoed\ (?:until|till|to)\b.{0,80})[\s.:]*$",
    re.IGNORECASE,
)
_TITLE_WINDOW = 3
_CREDIT = re.compile(
    r"""^\(?\s?(?:
        (?:additional\ )?reporting\ by | writing\ by | editing\ by | compiled\ by | reported\ by
      | with\ reporting\ by | graphics?\ by | photos?\ by
    )\s""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTRIBUTED = re.compile(
    r"\bcontributed(?: reporting)?(?: to)?(?: this (?:report|story|article))?\b|\breported from\b", re.I
)
_CONTACT = re.compile(
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
    r"|\bemail (?:him|her|them|us)\b|\bfollow (?:him|her|them) on\b",
    re.IGNORECASE,
)
_CONTACT_WINDOW = 3
# A line that is only a time, as live blogs stamp each entry: "14:02 GMT", "9:10 p.m.".
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\b\.?)?")
_TIME_WORDS = re.compile(
    r"\b(?:live|last|updated|posted|published|local|time|gmt|utc|bst|cet|cest|[ecmp][sd]t|et|pt)\b", re.I
)
# The line under a byline that says what the author is, not who.
_ROLE = re.compile(
    r"^(?:[A-Z][\w'’-]*\s){0,4}(?:correspondent|editor|reporter|writer|desk|staff|bureau chief|"
    r"analyst|columnist|producer)$",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(r"^\(?\s?(?:with |additional )?reporting by\s+(?P<names>[^;)\n]{1,120})", re.I)
_AND = re.compile(r",\s|\sand\s|\s&\s")
_IN_PLACE = re.compile(r"\sin\s[A-Z][^,;]{0,60}$")
_BYLINE = re.compile(r"^(?:by|authors?:|written\ by|words\ by)\s+(?P<names>\S.{0,100})$", re.IGNORECASE)
# Words that start a sentence after "By" rather than a name: "By Wednesday, the talks ...".
_NOT_NAMES = re.compile(
    r"^(?:the|a|an|this|that|then|now|late|early|mid|noon|nightfall|dawn|contrast|comparison|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|\d)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w.'’-]*|and|&|de|da|del|van|von|der|al|bin|el|la|le)$")
_OUTLET_TAIL = re.compile(r"\s*(?:,|\||—|–|-)\s*(?P<outlet>[A-Z][\w.&'’ ]{1,40})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    re.compile(_MONTH + r"\s(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s" + _MONTH + r",?\s(?P<year>\d{4})\b"),
)
_TIMESTAMP_WORDS = re.compile(
    r"\b(?:updated|published|posted|first|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|"
    r"[ecmp][sd]t|et|pt|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|"
    r"sat|sun|\d{1,2}[:.]\d{2}(?:[ap]m)?|\d{1,2}|min|read|hours?|ago)\b",
    re.IGNORECASE,
)
# "BRUSSELS (AP) — ", "DOHA, Jan 15 (Reuters) - ", "Feb 23 (Reuters) - ": the outlet in brackets.
_DATELINE_OUTLET = re.compile(
    r"^(?P<lead>[A-Z][^()\n]{0,80}?)?\s?\((?P<outlet>[A-Z][\w.&'’ -]{0,30})\)\s?(?:—|–|--|-|:)\s?"
)
# "WASHINGTON — ", "KYIV, Ukraine — ": a capitalised place and a dash.
_DATELINE_PLACE = re.compile(
    r"^(?P<lead>[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:, [A-Z][\w.'’ -]{1,30})?)\s(?:—|–|--)\s"
)
_DATE_PART = re.compile(
    r"^(?:[A-Za-z]{3,9}\.?\s\d{1,2}(?:,?\s\d{4})?|\d{1,2}\s[A-Za-z]{3,9}\.?(?:\s\d{4})?)$"
)
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "»", ":", ";")
_URL_ONLY = re.compile(r"^(?:<?https?://\S{1,2000}>?|www\.\S{1,2000})$", re.IGNORECASE)
_STANDFIRST_MIN_WORDS = 10
_SHORT_WORDS = 14
_BODY_WORDS = 8
_LONG_BODY_WORDS = 40
_FRONT_WINDOW = 6
_DATELINE_WINDOW = 200


@dataclass
class Report:
    """A report's blocks with its parts sorted out: metadata found, furniture set aside."""

    entries: list[Entry]
    """Headings and blocks that remain, in reading order."""
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    furniture: list[str] = field(default_factory=list)
    """Blocks set aside, in reading order of where they stood."""


def shape_report(entries: list[Entry], *, author: str | None = None, outlet: str | None = None) -> Report:
    """Sort the parts of a report out of ``entries``; ``author`` and ``outlet`` win when known."""
    report = Report(list(entries), author=author, outlet=outlet)
    set_aside: dict[int, str] = {}
    _mark_furniture_lines(report.entries, set_aside)
    _mark_tail(report.entries, set_aside)
    _mark_credits(report, set_aside)
    _read_front(report, set_aside)
    report.furniture = [text for _, text in sorted(set_aside.items())]
    report.entries = [entry for index, entry in enumerate(report.entries) if index not in set_aside]
    _read_dateline(report)
    return report


def build_report(draft: Draft, entries: list[Entry]) -> Draft:
    """Fill ``draft`` from ``entries`` after sorting out their parts; returns the draft."""
    kicker = _title_under_kicker(draft, entries)
    report = shape_report(entries, author=draft.author, outlet=draft.outlet)
    if kicker is not None:
        report.furniture.insert(0, kicker)
    for entry in report.entries:
        if isinstance(entry, Heading):
            draft.heading(entry)
        else:
            draft.item(entry)
    draft.author = report.author
    draft.outlet = report.outlet
    draft.published = draft.published or report.published
    draft.dateline = draft.dateline or report.dateline
    draft.furniture.extend(report.furniture)
    return draft


def _title_under_kicker(draft: Draft, entries: list[Entry]) -> str | None:
    """When the title line is a kicker ("PRESS RELEASE"), the headline under it becomes the title.

    The headline is the first heading-shaped block among the next few, past a date or the
    issuing office (left for the front to read). Takes it out of ``entries`` and returns the
    kicker, to be set aside; None when the title is no kicker or no headline follows.
    """
    kicker = draft.title.strip()
    if not _KICKER.match(kicker):
        return None
    for index, entry in enumerate(entries[:_TITLE_WINDOW]):
        text = _text(entry)
        if _is_issuer(text) or _timestamp(text) is not None:
            continue
        if not (_is_prose(entry) and _is_short(entry)):
            return None
        draft.title = text
        del entries[index]
        return kicker
    return None


def _is_issuer(text: str) -> bool:
    """A line naming the office that issued the text ("Ministry of Coastal Affairs")."""
    return (
        text[:1].isupper()
        and len(text.split(maxsplit=_ISSUER_WORDS)) <= _ISSUER_WORDS
        and bool(_ISSUER.match(text))
    )


def may_name_reporters(text: str) -> bool:
    """Whether a line of ``text`` may be a credit naming the reporters, which becomes the author.

    A quick look, for text not read yet: it may say yes for a line that is no credit, never no
    for one that is (but for "reporting" written in mixed case inside the word).
    """
    for word in ("eporting", "EPORTING"):
        at = text.find(word)
        while at >= 0:
            line = text[text.rfind("\n", 0, at) + 1 : at + 200].strip()
            if _REPORTING_BY.match(line):
                return True
            at = text.find(word, at + 1)
    return False


def is_tail_marker(text: str) -> bool:
    """Whether ``text`` is a line after which a page has only furniture ("More on this story")."""
    return len(text) <= 300 and _TAIL_MARKER.match(text.strip()) is not None


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text`` ("January 15, 2025", "15 Jan 2025", "2025-01-15")."""
    head = text[:300]
    for pattern in _DATES:
        match = pattern.search(head)
        if match is None:
            continue
        groups = match.groupdict()
        month = _MONTHS.get(groups["month"].lower()) if "month" in groups else int(groups["mon"])
        if month is None:
            continue
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


# --- where furniture stands -------------------------------------------------------------------


def _text(entry: Entry) -> str:
    return entry.text.strip()


def _is_prose(entry: Entry) -> bool:
    """A block that can be furniture: a heading or a body paragraph, not a list, table or code."""
    return isinstance(entry, Heading) or entry.block in (BlockKind.BODY, BlockKind.STANDFIRST)


def _is_body(entry: Entry) -> bool:
    """A block that reads as part of the story itself."""
    if isinstance(entry, Heading):
        return False
    if entry.block not in (BlockKind.BODY, BlockKind.STANDFIRST, BlockKind.QUOTE):
        return True
    text = _text(entry)
    return text.endswith(_SENTENCE_END) and len(text.split(maxsplit=_BODY_WORDS)) > _BODY_WORDS


def _is_short(entry: Entry) -> bool:
    text = _text(entry)
    if _URL_ONLY.match(text):
        return True
    # A teaser is a headline: short, and without the full stop that ends a sentence of the story.
    return (
        _is_prose(entry)
        and not text.endswith((".", "!", "?", ";", ":"))
        and len(text.split(maxsplit=_SHORT_WORDS)) <= _SHORT_WORDS
    )


def _mark_furniture_lines(entries: list[Entry], set_aside: dict[int, str]) -> None:
    for index, entry in enumerate(entries):
        text = _text(entry)
        if _is_prose(entry) and len(text) <= 300 and _is_furniture_line(text):
            set_aside[index] = text


def _is_furniture_line(text: str) -> bool:
    if _FURNITURE_LINE.match(text) or _TEASER.match(text) or _is_time_line(text):
        return True
    return _has_inside_words(text) and _FURNITURE_INSIDE.match(text) is not None


def _has_inside_words(text: str) -> bool:
    """Whether ``text`` may have one of `_INSIDE_WORDS` as ``re.IGNORECASE`` finds them: a line
    without any cannot be one of `_FURNITURE_INSIDE`, and this costs a fraction of trying it."""
    lowered = text.lower()
    if any(words in lowered for words in _INSIDE_WORDS):
        return True
    # A line with one of these may have the words all the same: it is tried (it is rare).
    return not text.isascii() and any(letter in text for letter in _CASE_ODD)


def _is_time_line(text: str) -> bool:
    """A line that is only a time stamp without a date ("Updated 14:05 GMT", "9:10 p.m.")."""
    if len(text) > 60 or not _TIME.search(text):
        return False
    rest = _TIME_WORDS.sub(" ", _TIME.sub(" ", text))
    return not re.search(r"[A-Za-z]{2,}", rest)


def _mark_tail(entries: list[Entry], set_aside: dict[int, str]) -> None:
    """Everything from a tail marker ("You May Also Like", a ``___`` rule, "Follow ... coverage")
    to the end, and a trailing run of short lines, links and teasers after the last body block.

    Only the ends of the text are read: the first body block from the start, and from the end
    the last long paragraph of the story (a marker before it is not the tail) and the last
    body block. At 10 MB that is a few blocks, not 30,000.
    """
    first_body = next(
        (index for index, entry in enumerate(entries) if index not in set_aside and _is_body(entry)), None
    )
    if first_body is None:
        return
    last_long = next(
        (
            index
            for index in range(len(entries) - 1, -1, -1)
            if _is_body(entries[index]) and _is_long(entries[index])
        ),
        -1,
    )
    # A marker counts only with no long paragraph of the story after it: from the last one on.
    for index in range(max(first_body + 1, last_long), len(entries)):
        entry = entries[index]
        text = _text(entry)
        marker = (
            _is_prose(entry)
            and len(text) <= 300
            and _TAIL_MARKER.match(text) is not None
            and _TEASER.match(text) is None
        )
        if marker:
            for later in range(index, len(entries)):
                set_aside.setdefault(later, _text(entries[later]))
            return
    last_body = next(
        index
        for index in range(len(entries) - 1, -1, -1)
        if index not in set_aside and _is_body(entries[index])
    )
    trailing = [index for index in range(last_body + 1, len(entries)) if index not in set_aside]
    if trailing and all(_is_short(entries[index]) for index in trailing):
        links = sum(1 for index in trailing if _URL_ONLY.match(_text(entries[index])))
        if len(trailing) >= 2 or links:
            for index in trailing:
                set_aside[index] = _text(entries[index])


def _is_long(entry: Entry) -> bool:
    """Whether a body block is a long paragraph of the story."""
    return len(_text(entry).split(maxsplit=_LONG_BODY_WORDS)) > _LONG_BODY_WORDS


def _mark_credits(report: Report, set_aside: dict[int, str]) -> None:
    last = len(report.entries) - _CONTACT_WINDOW
    for index, entry in enumerate(report.entries):
        if not _is_prose(entry):
            continue
        text = _text(entry)
        if not (_is_credit(text) or (index >= last and _is_contact(text))):
            continue
        set_aside.setdefault(index, text)
        names = _REPORTING_BY.match(text)
        if report.author is None and names:
            report.author = _reporters(names["names"])


def _reporters(names: str) -> str:
    """ "Jane Roe in Nicosia and Sam Lee in Athens" -> "Jane Roe and Sam Lee"."""
    people = [_IN_PLACE.sub("", person).strip() for person in _AND.split(names)]
    return " and ".join(person for person in people if person) or _clean_names(names)


def _is_contact(text: str) -> bool:
    """An author's note with an address at the end ("... Email him at desk@example.org.")."""
    return len(text.split(maxsplit=40)) <= 40 and _CONTACT.search(text[:400]) is not None


def _is_credit(text: str) -> bool:
    if len(text) > 400:
        return False
    if _CREDIT.match(text):
        return True
    # Cheapest first: most blocks do not end so, and the search is the dearest test.
    if not text.endswith((".", ")")) or len(text.split(maxsplit=30)) > 30:
        return False
    return _CONTRIBUTED.search(text) is not None


# --- the front: byline, time stamp, standfirst ---------------------------------------------------


def _read_front(report: Report, set_aside: dict[int, str]) -> None:
    entries = report.entries
    front: list[int] = []
    for index, entry in enumerate(entries[:_FRONT_WINDOW]):
        if index in set_aside:
            continue
        if _is_body(entry) and not _could_be_front(entry):
            break
        front.append(index)
    standfirst_taken = False
    after_byline = False
    for position, index in enumerate(front):
        entry = entries[index]
        text = _text(entry)
        after_byline = after_byline and isinstance(entry, Item)  # a heading is never the byline's tail
        if after_byline and _ROLE.match(text):
            set_aside[index] = text
            continue
        if after_byline and _is_outlet_line(text):
            report.outlet = report.outlet or text
            set_aside[index] = text
            after_byline = False
            continue
        after_byline = False
        if _read_label_line(report, text):
            set_aside[index] = text
            continue
        following = _text(entries[front[position + 1]]) if position + 1 < len(front) else ""
        if (
            report.author is None
            and _is_bare_name(text)
            and (_ROLE.match(following) or _timestamp(following))
        ):
            report.author = text
            set_aside[index] = text
            after_byline = True
            continue
        byline = _byline(text)
        if byline is not None:
            author, outlet = byline
            report.author = report.author or author
            report.outlet = report.outlet or outlet
            set_aside[index] = text
            after_byline = True
            continue
        stamp = _timestamp(text)
        if stamp is not None:
            report.published = report.published or stamp
            set_aside[index] = text
            continue
        if not standfirst_taken and _standfirst(entries, index, set_aside):
            entries[index] = Item(text, block=BlockKind.STANDFIRST)
            standfirst_taken = True


def _read_label_line(report: Report, text: str) -> bool:
    """Whether ``text`` is a line of the front that labels the report on its own: a kicker
    ("PRESS RELEASE"), the issuing office or a masthead, whose outlet and date it takes."""
    if _KICKER.match(text):
        return True
    if _is_issuer(text):
        report.outlet = report.outlet or text
        return True
    return _byline(text) is None and _read_masthead(report, text)


def _could_be_front(entry: Entry) -> bool:
    text = _text(entry)
    return _byline(text) is not None or _timestamp(text) is not None


def _read_masthead(report: Report, text: str) -> bool:
    """A line of ``|``-separated parts above a report ("Eastern Front Brief | Issue 88 | 3 June 2026"):
    the outlet and the date may be in it."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) < 2 or len(text.split()) > 16 or text.endswith((".", "!", "?")) or not all(parts):
        return False
    for part in parts:
        date = parse_date(part)
        if date is not None:
            report.published = report.published or date
    if not any(char.isdigit() for char in parts[0]) and len(parts[0].split()) <= 6:
        report.outlet = report.outlet or parts[0]
    return True


def _is_bare_name(text: str) -> bool:
    """A line that is only a person's name ("Siobhan Gallagher"), as some sites give the byline."""
    words = text.split()
    return 2 <= len(words) <= 4 and len(text) <= 40 and all(_NAME_WORD.match(word) for word in words)


def _is_outlet_line(text: str) -> bool:
    """The line under a byline naming the outlet ("Associated Press")."""
    words = text.split()
    return (
        1 <= len(words) <= 4
        and not any(char.isdigit() for char in text)
        and not text.endswith((".", ":", ";", "!", "?"))
        and all(word[:1].isupper() or word in ("of", "the", "and", "&") for word in words)
    )


def _byline(text: str) -> tuple[str, str | None] | None:
    """``(author, outlet)`` from a line such as "By Jane Doe and John Roe, Reuters"."""
    if len(text) > 120:
        return None
    match = _BYLINE.match(text.rstrip("."))
    if match is None or _NOT_NAMES.match(match["names"]):
        return None
    names, outlet = match["names"].strip(), None
    tail = _OUTLET_TAIL.search(names)
    if tail:
        names, outlet = names[: tail.start()], tail["outlet"].strip()
        if _ROLE.match(outlet):
            outlet = None  # "By Samuel Okello, Herald Correspondent": what he is, not the outlet
    words = names.replace(",", " ").split()
    if not 1 <= len(words) <= 12 or not all(_NAME_WORD.match(word) for word in words):
        return None
    return _clean_names(names), outlet


def _clean_names(names: str) -> str:
    return " ".join(names.replace(" ,", ",").split()).strip(" ,;.")


def _timestamp(text: str) -> dt.date | None:
    """The date of a line that is only a time stamp ("Updated 3:14 PM GMT, January 15, 2025")."""
    if len(text) > 90:
        return None
    date = parse_date(text)
    if date is None:
        return None
    rest = text
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    rest = _TIMESTAMP_WORDS.sub(" ", rest)
    return date if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1 else None


def _standfirst(entries: list[Entry], index: int, set_aside: dict[int, str]) -> bool:
    """A long heading-shaped line straight after the title and before the body is the standfirst."""
    entry = entries[index]
    text = _text(entry)
    if any(earlier not in set_aside for earlier in range(index)):
        return False
    if isinstance(entry, Item) and entry.block is not BlockKind.BODY:
        return False
    if text.endswith((".", "!", "?")) and isinstance(entry, Item):
        return False
    words = text.split()
    later = [entries[after] for after in range(index + 1, len(entries)) if after not in set_aside]
    return (
        len(words) >= _STANDFIRST_MIN_WORDS
        and len(text) <= 400
        and not _title_case(words)
        and bool(later)
        and isinstance(later[0], Item)
    )


def _title_case(words: list[str]) -> bool:
    """Whether most longer words are capitalised, as in a headline or a heading, not a standfirst."""
    long_words = [word for word in words if len(word) > 3]
    capitals = sum(1 for word in long_words if word[:1].isupper())
    return bool(long_words) and capitals * 2 > len(long_words)


# --- the dateline ---------------------------------------------------------------------------------


def _read_dateline(report: Report) -> None:
    """Take "BRUSSELS (AP) — " off the first body paragraph into the dateline and the outlet."""
    for index, entry in enumerate(report.entries[:_FRONT_WINDOW]):
        if not isinstance(entry, Item) or entry.block is not BlockKind.BODY:
            continue
        head = entry.text[:_DATELINE_WINDOW]
        found = _dateline(head)
        if found is not None:
            place, outlet, end = found
            rest = entry.text[end:].lstrip()
            if rest:
                report.entries[index] = replace(entry, text=rest)
                report.dateline = place or report.dateline
                report.outlet = report.outlet or outlet
                report.published = report.published or parse_date(head[:end])
        return


def _dateline(head: str) -> tuple[str | None, str | None, int] | None:
    match = _DATELINE_OUTLET.match(head)
    if match:
        lead = (match["lead"] or "").strip(" ,")
        parts = [part.strip() for part in lead.split(",") if part.strip()]
        place_parts = [part for part in parts if not _DATE_PART.match(part) and not part.isdigit()]
        if len(place_parts) > 2 or any(len(part.split()) > 4 for part in place_parts):
            return None
        # The city alone: "KYIV, Ukraine" files from KYIV, "BERLIN, March 10, 2026" from BERLIN.
        return (place_parts[0] if place_parts else None), match["outlet"].strip(), match.end()
    match = _DATELINE_PLACE.match(head)
    if match:
        return match["lead"].split(",")[0].strip(), None, match.end()
    return None
