"""The weighted cues that say what a paragraph is about, and the headings that name a kind.

Each kind has phrases at three weights: 3 for words that nearly settle the matter ("under the
terms", "sticking points"), 2 for strong hints, 1 for words that only tip a balance. Phrases
are lower case; a trailing ``*`` lets a word run on ("negotiat*"). A few cues need a pattern
(a percentage, "within 24 hours") and are listed as regular expressions.

Background has cues of its own, but it is also what a paragraph is when no other kind
reaches `MIN_SCORE`.
"""

from __future__ import annotations

from briefing_tui.model import SectionKind

__all__ = ["CUE_PATTERNS", "CUE_PHRASES", "HEADING_PATTERNS", "KIND_PRIORITY", "MIN_SCORE"]

MIN_SCORE = 3
"""The least score that lets a kind other than background win a paragraph."""

KIND_PRIORITY = (
    SectionKind.OPEN_QUESTIONS,
    SectionKind.TERMS,
    SectionKind.IMPLEMENTATION,
    SectionKind.NEGOTIATIONS,
    SectionKind.BACKGROUND,
)
"""Which kind wins a tie: the more specific one."""

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_A_WEEKDAY = " | ".join(f"{word} {day}" for word in ("on", "by", "from", "until") for day in _WEEKDAYS)
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august")
_MONTHS += ("september", "october", "november", "december")
_BY_A_MONTH = " | ".join(
    f"{word} {month}" for word in ("by", "from", "starting", "until") for month in _MONTHS
)
_ON_A_MONTH = " | ".join(f"on {month}" for month in _MONTHS)

CUE_PHRASES: dict[SectionKind, dict[int, str]] = {
    SectionKind.NEGOTIATIONS: {
        3: "negotiat* | mediat* | talks between | round of talks | rounds of talks | stage of talks "
        "| peace talks | sticking point* | impasse | deadlock* | stalemate | back down | key positions "
        "| bargaining | diplomatic pressure | pressured | pressure on | brokered | counterproposal* "
        "| counter-proposal* | shuttle diplomacy | shuttling between | at the table | urged | lobbied "
        "| lobbying | wrangl* | haggl* | won over | win over | horse-trading",
        2: "talks | discussions | demand* | refusal | refused | insist* | compromise* | proposal* "
        "| offered | delegation* | pressure | consultation* | breakthrough | neither side | diplomacy "
        "| diplomatic efforts | stalled | walk out | walked out | walk away | walked away | positions "
        "| position | pushed for | dropped its | holdout* | paved the way | lobby | opposed "
        "| opposition to | objected | objection* | rejected | veto* | gave up | give up | backed down "
        "| agreed to | agreeing to | majority | reached a deal | struck a deal | reached agreement "
        "| persuad* | counteroffer*",
        1: "both sides | pledged | assured | met with | meeting | resumed | struck | agreed | envoy "
        "| envoys | posture | approach | coalition | voted | stuck | accepted",
    },
    SectionKind.TERMS: {
        3: "under the terms | the terms | terms of | clause* | provision* | stipulat* | in exchange "
        "| in return | exchange of | concession* | will see | would see | calls for | the deal says "
        "| the agreement says | the accord says | under the accord | under the agreement | under the deal "
        "| under the plan | sets out | percent | per cent | guarantees | obliges | entitles | entitled to "
        "| under the scheme | under the law | under the rules | under the proposal | under the bill "
        "| under the resolution | under the settlement | under the arrangement | under the contract "
        "| under the decision",
        2: "released | release of | will free | amnesty | quota* | capped | cap on | backdated "
        "| exemption* | exceptions | minimum | maximum | wage* | pay rise* | pay increase* "
        "| compensation | expires | valid for | runs for | requires | allowed to | may not | must not "
        "| only when | million | billion | does not count | do not count | main points | set out "
        "| apply to | applies to | would apply | applied to | reciprocal | will pay | exempt* | fee "
        "| fees | discount* | tariff* | subsid* | ring-fenced | earmarked | must go to | eligible "
        "| only if | threshold* | penalt* | per day | per year | per month | half the",
        1: "hostages | prisoners | withdrawal* | ceasefire | allow* | aid flows | free | fund | requiring "
        "| cap | pay | rate | charge | fine | must | limit* | a day | a year | a month | euros | dollars "
        "| pounds | yuan",
    },
    SectionKind.IMPLEMENTATION: {
        3: "implement* | deploy* | per the schedule | timetable | timeline | task force | oversee* "
        "| oversight | initial phase | first phase | first stage | execution | into effect | take effect "
        "| takes effect | come into force | comes into force | enter into force | enters into force "
        "| roll out | rolled out | rollout | expected to begin | next steps | handover | hand over "
        "| installation | install* | approved the | go live | goes live | grace period | carry out "
        "| carried out | carrying out",
        2: "schedule* | phase | logistic* | coordination | troops | forces | security force | operations "
        "| will begin | by the end of | ratif* | approved | approval | vote on | ballot | publish* "
        "| inspect* | arrived in | itinerary | on the ground | convoys | checkpoint* | monitor* "
        "| is due to | are due to | will start | starting | backlog | awarded | tender* | procure* "
        "| compliance | comply | complied"
        f"| enforce* | {_BY_A_MONTH}",
        1: f"begin* | arrive* | travel* | visit | military | crews | shifts | daily | launch* | contract "
        "| trustee | complete | completed"
        f"| {_ON_A_WEEKDAY} | {_ON_A_MONTH}",
    },
    SectionKind.OPEN_QUESTIONS: {
        3: "unresolved | open question* | unanswered | unclear | uncertain* | remains to be seen | doubt* "
        "| fragil* | go off track | off track | the hard part | hard part | sceptic* | skeptic* "
        "| not clear | no guarantee | unknown | unsure",
        2: "risk* | collaps* | challenges | concern* | worr* | fear* | whether | questions | question "
        "| warned | uneasy | unease | yet to | has not said | have not said | has not explained "
        "| have not explained | not yet | subject to change | dispute* | could derail | threaten* "
        "| obstacle*",
        1: "if | should the | challenge | difficult | complex | hurdle* | still",
    },
    SectionKind.BACKGROUND: {
        3: "for decades | dates back | history | historically | long-running | for years | years ago "
        "| decades",
        2: "has long | have long | was founded | founded in | traditionally | context | background "
        "| has been | have been",
        1: "last year | in the past | earlier this year | war | conflict | previously",
    },
}
"""Cue phrases by kind and weight, separated by ``|``."""

CUE_PATTERNS: dict[SectionKind, tuple[tuple[int, str], ...]] = {
    SectionKind.TERMS: ((3, r"%(?<=\d%)|%(?<=\d\s%)"), (2, r"[€$£¥]\s?\d")),
    SectionKind.IMPLEMENTATION: (
        (
            3,
            r"within(?<=\bwithin)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve"
            r"|a\s+few|several)\s+(?:hours?|days?|weeks?|months?|years?)\b",
        ),
    ),
    SectionKind.BACKGROUND: (
        (2, r"since(?<=\bsince)\s+(?:1[89]|20)\d\d\b"),
        (1, r"in(?<=\bin)\s+(?:1[89]|20)\d\d\b"),
    ),
}
"""Cues that need a pattern, by kind: (weight, regular expression over lower-cased text).

Each starts with a literal and checks what comes before it with a lookbehind placed after
that literal ("within(?<=\\bwithin)" rather than "\\bwithin"): the regex engine can then
skip ahead to the literal, which makes a scan of a large briefing about ten times faster.
"""

HEADING_PATTERNS: dict[SectionKind, str] = {
    SectionKind.TERMS: r"(?:the\s+)?(?:key\s+|main\s+)?(?:terms|provisions|clauses)\b"
    r"|what\s+the\s+(?:deal|agreement|accord|plan|decision|text)\s+(?:says|contains|includes)"
    r"|(?:the\s+)?(?:deal|agreement|accord)\s+(?:terms|text|in\s+detail)",
    SectionKind.OPEN_QUESTIONS: r"(?:the\s+)?(?:open|unanswered|unresolved|remaining|outstanding|key|big)\s+"
    r"questions|questions\b|risks\b|doubts\b|uncertaint(?:y|ies)\b|what(?:’s|'s|\s+is|\s+remains)?\s+"
    r"(?:still\s+)?(?:unclear|unknown|unresolved|uncertain)",
    SectionKind.IMPLEMENTATION: r"(?:the\s+)?(?:implementation|timeline|timetable|schedule|next\s+steps"
    r"|roll-?out|deployment)\b|(?:how\s+it\s+will\s+work|putting\s+it\s+into\s+(?:effect|practice))"
    r"|what(?:’s|'s|\s+happens|\s+comes)\s+next",
    SectionKind.NEGOTIATIONS: r"(?:the\s+)?(?:negotiations|talks|negotiating|mediation)\b"
    r"|how\s+the\s+(?:deal|agreement|accord)\s+(?:was|came\s+to\s+be)\s+(?:reached|struck|made|done)",
    SectionKind.BACKGROUND: r"(?:background|context|history|how\s+we\s+got\s+here)\b",
}
"""Headings that name a kind; each pattern must match at the start of a short heading."""
