"""Who speaks, and as what: offices, known bodies whose names read as people, "-ly" nouns.

The sentences are invented, in shapes studied in real reports: a body whose name holds
function words ("Doctors Without Borders"), an office that is no common noun ("the Speaker",
"the formateur"), a head noun that ends like an adverb ("the assembly"). Each shape has
sentences it must read and sentences it must refuse.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions
from briefing_tui.model import SourceKind


def spoken(text: str) -> list[tuple[str, SourceKind | None]]:
    """The naming words and kind of every mention that is not a pronoun."""
    return [(text[m.start : m.end], m.kind) for m in find_mentions(text) if m.pronoun is None]


ORG = SourceKind.ORGANIZATION
OFFICIAL = SourceKind.OFFICIAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doctors Without Borders said two clinics in Velmar were hit.", [("Doctors Without Borders", ORG)]),
        ("Save the Children said the convoy reached Tor camp.", [("Save the Children", ORG)]),
        ("Médecins Sans Frontières said its teams were leaving.", [("Médecins Sans Frontières", ORG)]),
        ("“Stocks are gone,” said Friends of the Earth.", [("Friends of the Earth", ORG)]),
        ("According to Action Against Hunger, rations were halved.", [("Action Against Hunger", ORG)]),
    ],
)
def test_a_known_body_is_one_organisation_whatever_its_words(
    text: str, expected: list[tuple[str, SourceKind | None]]
) -> None:
    assert spoken(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The words of a known name, not as that name, name nobody.
        "Doctors without borders of any kind crossed the line.",
        "They pledged to save the children of the valley.",
    ],
)
def test_the_words_of_a_known_body_out_of_order_are_no_source(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Speaker said the session was suspended.", [("The Speaker", OFFICIAL)]),
        (
            "The Speaker of the assembly said the vote would wait.",
            [("The Speaker of the assembly", OFFICIAL)],
        ),
        ("The formateur said a cabinet was close.", [("The formateur", OFFICIAL)]),
        ("The commissioner warned that the fund was empty.", [("The commissioner", OFFICIAL)]),
        ("Two senators said the bill would fail.", [("Two senators", OFFICIAL)]),
        (
            "A spokesman for the speaker said the vote would go ahead.",
            [("A spokesman for the speaker", OFFICIAL)],
        ),
    ],
)
def test_an_office_holder_without_a_name_is_an_official(
    text: str, expected: list[tuple[str, SourceKind | None]]
) -> None:
    assert spoken(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-ly" nouns head a phrase: they are no adverb between subject and verb.
        (
            "The chairman of the assembly said it would sit late.",
            [("The chairman of the assembly", OFFICIAL)],
        ),
        (
            "A member of the family said the boat had sunk.",
            [("A member of the family", SourceKind.ANONYMOUS)],
        ),
        # A real adverb still stands between them.
        ("The ministry privately said the talks were over.", [("The ministry", ORG)]),
        ("Officials repeatedly warned that the dam was weak.", [("Officials", OFFICIAL)]),
    ],
)
def test_a_noun_ending_in_ly_is_part_of_the_subject(
    text: str, expected: list[tuple[str, SourceKind | None]]
) -> None:
    assert spoken(text) == expected


def test_an_acronym_follows_the_tail_of_an_office() -> None:
    text = "The Under-Secretary-General for Humanitarian Affairs (OCHA) said aid was blocked."
    assert spoken(text) == [("The Under-Secretary-General for Humanitarian Affairs (OCHA)", OFFICIAL)]


@pytest.mark.parametrize(
    "text",
    [
        # Writing something into a text, or off the books, is an act.
        "The unions wrote a cap on overtime into their demands.",
        "The lenders wrote off half of the Velmar debt.",
        # Welcoming someone somewhere is a greeting, not a stance.
        "Ministers welcomed Ana Roe to the talks.",
        "The president welcomed the Tor delegation to the palace.",
        # A sum after a verb of intention is money, not a stated intention.
        "Rich countries pledged $300 billion a year.",
        "The envoy promised €2 million for the port.",
    ],
)
def test_acts_that_look_like_reports_name_no_source(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry wrote to the unions on Friday.", [("The ministry", ORG)]),
        ("The union welcomed the decision to extend the deadline.", [("The union", ORG)]),
        ("The union welcomed the offer.", [("The union", ORG)]),
        ("Rich countries pledged that aid would double.", [("Rich countries", ORG)]),
    ],
)
def test_the_same_verbs_still_report(text: str, expected: list[tuple[str, SourceKind | None]]) -> None:
    assert spoken(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised preposition between capitalised words is inside a body's name.
        ("Medics Without Walls said it had left the region.", [("Medics Without Walls", ORG)]),
        (
            "Lawyers Against Torture, a rights group, said the law was vague.",
            [("Lawyers Against Torture", ORG)],
        ),
        # Regular plurals of a body's head noun are bodies too.
        ("The two central banks said the swap line would stay open.", [("The two central banks", ORG)]),
        # A bare role after a comma describes the name before it, by a colon too.
        ("Chiara Velde, head of the monitoring mission, said the count was done.", [("Chiara Velde", None)]),
        ('Captain Ivo Marek, master of the Sea Lark: "We have a lane."', [("Captain Ivo Marek", None)]),
    ],
)
def test_names_that_hold_prepositions_plural_bodies_and_bare_roles(
    text: str, expected: list[tuple[str, SourceKind | None]]
) -> None:
    assert [
        (words, kind if kind is not SourceKind.NAMED_PERSON else None) for words, kind in spoken(text)
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lower-case preposition stays outside a name.
        ("The convoy left without Ana Roe, officials said.", [("officials", OFFICIAL)]),
        # A plural role after a comma is no description of one person.
        ("Ana Roe, residents said, had left the town.", [("residents", SourceKind.ANONYMOUS)]),
    ],
)
def test_prepositions_and_roles_that_stay_apart(
    text: str, expected: list[tuple[str, SourceKind | None]]
) -> None:
    assert spoken(text) == expected


def pronouns(text: str) -> list[str]:
    return [m.pronoun for m in find_mentions(text) if m.pronoun is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A live blog's pronoun before a colon, opening the line, speaks.
        ("She: “Both sides have moved further than they thought.”", ["she"]),
        ("He: “We stay.”", ["he"]),
        # A question reported by "asked" after its quotation, or before "whether".
        ("“Who buys my calves in spring?” he asked.", ["he"]),
        ("She asked whether the fund would last.", ["she"]),
        # A thing named by a quotation right after "called".
        ("The minister welcomed what she called “a sensible deal”.", ["she"]),
    ],
)
def test_pronouns_that_speak_by_a_colon_a_question_or_a_name(text: str, expected: list[str]) -> None:
    assert pronouns(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A pronoun inside a sentence before a colon is no speaker.
        "It was late, and so did they: “Wages, hours, pensions.”",
        # Asking someone to act, or asking that something be done, is a request.
        "The union asked mediators to step in.",
        "They asked that there be no celebrations.",
        # Nobody says what nobody said.
        "Neither government has asked.",
        "No official said the talks were over.",
    ],
)
def test_requests_and_nobody_name_no_speaker(text: str) -> None:
    assert find_mentions(text) == []


def test_no_before_a_full_stop_ends_the_sentence() -> None:
    text = "Labour has not said no. The liberals said “it is a start”."
    assert [words for words, _ in spoken(text)] == ["The liberals"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verbs of more than one word, in any tense and spacing.
        (
            "Trade lawyers point out that Ostmark must notify the board.",
            [("Trade lawyers", SourceKind.ANONYMOUS)],
        ),
        ("The ministry made clear that no deal was near.", [("The ministry", ORG)]),
        ("The ministry has made it clear it would not pay.", [("The ministry", ORG)]),
        ("The union walked out, pointing out that the offer was unchanged.", [("The union", ORG)]),
        # People and bodies no list spelt before.
        ("Local contractors say the rules are unclear.", [("Local contractors", SourceKind.ANONYMOUS)]),
        ("Donors said the fund was short.", [("Donors", ORG)]),
    ],
)
def test_phrasal_verbs_and_more_heads(text: str, expected: list[tuple[str, SourceKind | None]]) -> None:
    assert spoken(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They pointed out the window to the harbour.",  # a gesture, not a report
        "The ministry made clear progress on the file.",  # "clear" modifies a noun
    ],
)
def test_phrasal_verbs_that_do_not_report(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The family of Ana Roe said they were relieved.", [("The family of Ana Roe", SourceKind.ANONYMOUS)]),
        (
            "The Catholic bishops' conference, which mediates, said each list had 60 names.",
            [("The Catholic bishops' conference", ORG)],
        ),
    ],
)
def test_families_and_conferences_speak(text: str, expected: list[tuple[str, SourceKind | None]]) -> None:
    assert spoken(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A joint statement's collective voice, capitalised, before a past verb.
        ("For whiting, the Delegations agreed on a precautionary catch.", ["the Delegations"]),
        ("The two Governments have decided as follows:", ["The two Governments"]),
        ("The Ministers recalled the Treaty of 1994.", ["The Ministers"]),
        ("The signatories tasked their officials with a work plan.", ["The signatories"]),
    ],
)
def test_the_collective_voice_of_a_joint_statement(text: str, expected: list[str]) -> None:
    assert [words for words, kind in spoken(text) if kind is ORG] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Ministers will meet again in May.",  # a plan, not a statement's word
        "The ministers of both sides met in May.",  # lower case: people, not the statement's voice
        "The Parties agreed to withdraw their forces.",  # the parties to a conflict act
        "The United States agreed to meet.",  # a country acting
    ],
)
def test_no_collective_voice(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Permanent secretary for works Seru Vale said tenders would close.",
            [("Seru Vale", "Permanent secretary for works")],
        ),
        (
            "Minister of reconciliation Ana Roe said the count was done.",
            [("Ana Roe", "Minister of reconciliation")],
        ),
        # A body after "for the" is the phrase's tail, not a portfolio before a name.
        (
            "A spokesman for the Velmar Port Authority said it was shut.",
            [("a spokesman for the Velmar Port Authority", None)],
        ),
    ],
)
def test_a_role_with_its_portfolio_in_common_words_before_a_name(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.name, m.description) for m in find_mentions(text)] == expected
