"""The analysis's fast paths give what the plain ones give, and leave the interpreter as found."""

from __future__ import annotations

import gc
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_clauses import _ABBREVIATIONS as _CLAUSE_ABBREVIATIONS
from briefing_tui.analysis.kind_clauses import _LEAD_MAX, sentences
from briefing_tui.analysis.kind_clauses import _TOKENS as _CLAUSE_TOKENS
from briefing_tui.analysis.kind_features import _NAMES, _PLAIN_NAMES, NAME
from briefing_tui.analysis.questions import _MARKS as _QUESTION_MARKS
from briefing_tui.analysis.questions import _marks as question_marks
from briefing_tui.analysis.quoted_titles import _QUOTED_TITLE, quoted_title_spans
from briefing_tui.analysis.source_windows import word_before
from briefing_tui.analysis.sources import (
    _ASKED_OR_COMPARED,
    _FROM_BEFORE,
    _OPENINGS_APART,
    _PLAIN_AFTER_PREPOSITION,
    _PREPOSITION_REACH,
    _TRIGGER_BRANCHES,
    _TRIGGER_PATTERN,
    _UNKNOWN_WHAT,
    _WITH_SAYING,
    _anchor_matches,
    _no_subject_at,
    _top_level_branches,
    _trigger,
    _unknown_after_what,
)
from briefing_tui.analysis.tokens import Token, TokenType, tokenize
from briefing_tui.analysis.vocabulary import TITLE_ABBREVIATIONS
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path


@pytest.fixture
def collector_state() -> Iterator[None]:
    """The cyclic collector as the test found it, put back whatever the test does."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("enabled", [True, False])
def test_analyse_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    analyse(read_briefing(seed_path()))
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_state")
def test_analyse_sets_the_collector_back_when_it_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(briefing: Briefing, *_: object) -> Briefing:
        raise RuntimeError("analysis failed")

    monkeypatch.setattr("briefing_tui.analysis._analysed", broken)
    gc.enable()
    with pytest.raises(RuntimeError):
        analyse(read_briefing(seed_path()))
    assert gc.isenabled()


def test_tokens_built_fast_equal_named_tuples_built_plainly() -> None:
    text = "Politico’s Ana Roe - the spokesman - told Dr. Ivo Marek (OCHA) of U.S. Reuters’ 東京 desk, “no.”"
    tokens = tokenize(text)
    kinds = {token.type for token in tokens}
    assert {TokenType.WORD, TokenType.PUNCT, TokenType.ACRONYM, TokenType.CASELESS} <= kinds
    assert any(token.possessive for token in tokens)
    for token in tokens:
        plain = Token(*token)
        assert type(token) is Token
        assert token == plain
        assert token._asdict() == plain._asdict()
        assert (token.punct, token.base_end) == (plain.punct, plain.base_end)
        assert token.punct is (token.type is TokenType.PUNCT)
    # The second time, words' spellings come from the cache: the same tokens.
    assert tokenize(text) == tokens


def test_a_possessive_keeps_its_base_whether_its_spelling_is_cached_or_not() -> None:
    first = tokenize("Velmaro’s envoy and Kessings’ desk")
    again = tokenize("Velmaro’s envoy and Kessings’ desk")
    assert [(token.base_lower, token.possessive) for token in first] == [
        ("velmaro", True),
        ("envoy", False),
        ("and", False),
        ("kessings", True),
        ("desk", False),
    ]
    assert again == first


def _anchors(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], str | None, str]]:
    return [(match.span(), match.lastgroup, match.group()) for match in matches]


_PIECES = (
    "The Ministers welcomed",
    "the two Mediators then noted",
    "said",
    "Said",
    "told",
    "according to",
    "According to",
    "quoted as saying",
    ", saying",
    " – claiming",
    " - adding",
    " by saying",
    "by noting",
    "“No,” ",
    '"Yes." — ',
    ": “",
    ': "',
    ": We",
    "Roe:",
    "a",
    "the",
    "The",
    "x",
    " ",
    "\t",
    "\n",
    ",",
    ".",
    "”",
    '"',
    "—",
    "-",
    "(",
    "’",
    "é",
    "Ṫhe",
    "_",
    "7",
    "issued a statement",
    "put out a joint statement",
)


def _random_texts(pieces: Sequence[str], count: int, most: int, seed: int, least: int = 1) -> list[str]:
    """``count`` texts of ``least`` to ``most`` pieces drawn at random: the shapes a fast path must
    agree on with its plain form, past what the corpus holds."""
    chooser = random.Random(seed)
    return [
        "".join(chooser.choice(pieces) for _ in range(chooser.randint(least, most))) for _ in range(count)
    ]


def _train_texts() -> list[str]:
    """The texts of the corpus's training part, as real prose for the same comparisons."""
    train = Path(__file__).parent / "corpus" / "train"
    return [path.read_text(encoding="utf-8") for path in sorted(train.glob("*.txt"))]


def _shuffled_texts(count: int) -> list[str]:
    return _random_texts(_PIECES, count, 40, seed=12)


def test_anchors_found_branch_by_branch_are_the_alternations() -> None:
    assert "|".join(_top_level_branches(_TRIGGER_PATTERN)) == _TRIGGER_PATTERN
    assert len(_top_level_branches(_TRIGGER_PATTERN)) == len(_TRIGGER_BRANCHES) == 6
    texts = [*_shuffled_texts(3000), *_train_texts()]
    for text in texts:
        assert _anchors(_anchor_matches(text)) == _anchors(_trigger().finditer(text)), text


def test_every_faster_opening_still_opens_its_branch() -> None:
    # A branch edited without its faster opening silently falls back to the slow form.
    branches = _top_level_branches(_TRIGGER_PATTERN)
    openings = [opening for opening, *_ in (*_FROM_BEFORE, *_OPENINGS_APART)]
    for plain in openings:
        assert any(branch.startswith(plain) for branch in branches), plain


def test_only_top_level_bars_part_branches() -> None:
    pattern = r"a(?:b|c)|[|\]]x|\|y|[^]|]z|(?P<n>[]|])"
    assert _top_level_branches(pattern) == ["a(?:b|c)", r"[|\]]x", r"\|y", "[^]|]z", "(?P<n>[]|])"]


_NAME_PIECES = (
    "a",
    "the",
    ",",
    ";",
    " ",
    "  ",
    "\t",
    "Monday",
    "Mayor",
    "May",
    "Sept",
    "Septa",
    "Mar",
    "Marek",
    "Ana",
    "Roe",
    "of",
    "de",
    "van",
    "Dec.",
    "Jun",
    "Junta",
    "O'Hara",
    "Kessa-Vel",
    "7",
    ".",
    "ed",
)


def test_names_found_from_their_capital_are_those_found_plainly() -> None:
    texts = [*_random_texts(_NAME_PIECES, 3000, 30, seed=7), *_train_texts()]
    plain = re.compile(_PLAIN_NAMES)
    for text in texts:
        assert _NAMES.sub(NAME, text) == plain.sub(NAME, text), text


def _sentences_plainly(lowered: str, limit: int) -> list[list[str]]:
    """`sentences` as it read before it tokenized a stretch at a time: the whole text at once."""
    tokens = _CLAUSE_TOKENS.findall(lowered[: _LEAD_MAX * 12 * limit])
    found: list[list[str]] = []
    start = 0
    for index, token in enumerate(tokens):
        if token in ".?!" and index - start > 2:
            before = tokens[index - 1]
            if len(before) > 1 and before not in _CLAUSE_ABBREVIATIONS:
                found.append(tokens[start:index][:_LEAD_MAX])
                start = index + 1
                if len(found) == limit:
                    return found
    if len(tokens) - start > 2:
        found.append(tokens[start:][:_LEAD_MAX])
    return found


_SENTENCE_PIECES = ("a", "b", "u", ".", "?", "!", " ", "word", "dr", "it's", "#", ",", "“", "e.g", "no")


def test_sentences_read_a_stretch_at_a_time_are_those_of_the_whole_text() -> None:
    texts = [*_random_texts(_SENTENCE_PIECES, 2000, 60, seed=3), *(text.lower() for text in _train_texts())]
    for text in texts:
        for limit in (1, 2, 4):
            assert sentences(text, limit) == _sentences_plainly(text, limit), text


def test_every_branch_searched_alone_finds_what_it_finds_plainly_from_any_position() -> None:
    texts = ["said Roe", "unsaid, said", "“said” according  to", "xsaid said_ said7 told", "Said said."]
    texts += ["“No,” \t— Roe", '"Yes." ', "a,” Roe", "The Ministers welcomed", "the two Mediators then noted"]
    texts += _shuffled_texts(300)
    for plain, searched in zip(_top_level_branches(_TRIGGER_PATTERN), _TRIGGER_BRANCHES, strict=True):
        pattern = re.compile(plain)
        for text in texts:
            for position in range(len(text) + 1):
                expected = pattern.search(text, position)
                found = searched.search(text, position)
                assert (found and (found.span(), found.lastgroup, found.group())) == (
                    expected and (expected.span(), expected.lastgroup, expected.group())
                ), (plain[:30], text, position)


@pytest.mark.parametrize("word", sorted(TITLE_ABBREVIATIONS))
def test_every_title_abbreviation_is_one_token_and_a_longer_word_is_not(word: str) -> None:
    for form in (word, word.title()):
        first = tokenize(f"{form}. Ana Roe")[0]
        assert (first.text, first.lower, first.type) == (f"{form}.", word, TokenType.WORD)
        longer = tokenize(f"{form}x. Ana Roe")[0]
        assert (longer.text, longer.lower) == (f"{form}x", f"{word}x")
        assert tokenize(f"{form}.Roe")[0].text == form  # no space after the stop: no abbreviation


def test_with_saying_opens_only_at_the_word_with() -> None:
    found = [
        match.group() for match in _WITH_SAYING.finditer("with Velmar saying no; forthwith Kessa saying")
    ]
    assert found == ["with Velmar "]
    assert _WITH_SAYING.search("notwith the envoys saying so") is None
    assert [m.start() for m in _WITH_SAYING.finditer("talks ended, with the envoys adding that")] == [13]


def test_tokens_after_runs_of_spaces_keep_their_own_text_and_offsets() -> None:
    text = "  Ana \t Roe  @ _ said - \n “no” "
    tokens = tokenize(text)
    assert [(token.text, token.start, token.end) for token in tokens] == [
        ("Ana", 2, 5),
        ("Roe", 8, 11),
        ("said", 17, 21),
        ("–", 22, 23),
        ("“", 26, 27),
        ("no", 27, 29),
        ("”", 29, 30),
    ]
    assert tokenize(text, 6, 12) == tokens[1:2]  # a window that opens inside the spaces


_TITLE_PIECES = (
    *("told", "tells", "with", "to", "by", "on", "in", "into", "Told", "the", "The", "of", "and", "&"),
    *("'", "‘", "’", '"', "“", "”", "Velm", "Daily Korvan", "Orrin's", "s", "x", "é", "_", "7"),
    *(" ", " ", "  ", "\t", "\n", ",", ".", "-", "newspaper", "radio", "dailyx"),
    *("told ", "to the ", "in  ", " newspaper", "'Velm Post'", "“Orrin Daily”", "‘Velm’", '"Korvan"'),
)


def _title_texts(count: int) -> list[str]:
    return _random_texts(_TITLE_PIECES, count, 30, seed=31)


def test_quoted_titles_found_from_their_marks_are_those_the_alternation_finds() -> None:
    shapes = [
        "She told the 'Daily Korvan' that",
        "told  the\t“Velm Post” and 'Orrin Weekly' newspaper",
        "into 'Velm Post'",
        "the 'Velm' daily, to “The Times of Orrin”",
        "spoke to the the 'Velm Post'",
    ]
    texts = [*shapes, *_title_texts(6000)]
    found_any = 0
    for text in texts:
        plain = [match.span(match.lastgroup or 0) for match in _QUOTED_TITLE.finditer(text)]
        assert quoted_title_spans(text) == plain, text
        found_any += bool(plain)
    assert found_any > 100  # the texts hold titles, not only misses


_QUESTION_PIECES = (
    *(".", "!", "…", ":", ";", "\n", "“", '"', "‘", "(", "?", "”", "’", ")", "]", " ", "  ", "\t"),
    *("a", "A", "b", "U.S.", "J.", "Dr", "will it", "Who", "x", "é", "7", "e.g."),
)


def test_question_marks_sought_from_their_first_characters_are_those_finditer_finds() -> None:
    texts = [*_random_texts(_QUESTION_PIECES, 6000, 40, seed=12, least=0), *_train_texts()]
    for text in texts:
        plain = [(mark.span(), mark.lastgroup) for mark in _QUESTION_MARKS.finditer(text)]
        assert [(mark.span(), mark.lastgroup) for mark in question_marks(text)] == plain, text


_LOOK_BACK_PIECES = (
    *("with", "With", "WITH", "wıth", "between", "Between", "the port", "and", "And", "amongst", "among"),
    *("Will", "will", "than", "as", "as fast", "what", "WHAT", "What", "whether", "how much", "each"),
    *("not clear", "unclear", "is unclear", "remains unknown", "Kask", "x", "amid", "versus", "said"),
    *(" ", "  ", "\t", "\n", ",", ".", "?", ";", ":", "—", "ſ"),
)


def _no_subject_plainly(text: str, start: int, with_participle: bool) -> bool:
    """`sources._no_subject_at` with every look back searched for as it is written."""
    return bool(
        _ASKED_OR_COMPARED.search(text, max(0, start - 24), start)
        or word_before(text, start)[0] == "each"
        or _UNKNOWN_WHAT.search(text, max(0, start - 40), start)
        or _unknown_after_what(text, start)
        or (
            not with_participle
            and re.compile(_PLAIN_AFTER_PREPOSITION).search(text, max(0, start - _PREPOSITION_REACH), start)
        )
    )


def test_look_backs_tried_where_they_may_end_find_what_the_plain_patterns_find() -> None:
    chooser = random.Random(12)
    refused = 0
    for _ in range(1500):
        count = chooser.randint(1, 30)
        text = "".join(chooser.choice(_LOOK_BACK_PIECES) + chooser.choice(("", " ")) for _ in range(count))
        for start in range(len(text) + 1):
            for with_participle in (False, True):
                plain = _no_subject_plainly(text, start, with_participle)
                assert _no_subject_at(text, start, with_participle) is plain, (text, start, with_participle)
                refused += plain
    assert refused > 1000  # the texts hold refusals, not only misses
