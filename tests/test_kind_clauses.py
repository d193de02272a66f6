"""The main-clause reading of a paragraph's lead: subject, verb class, tense, who speaks.

These are the sentence shapes the guide's hard boundaries turn on (a step taken, a step a deal
schedules, a move in talks, a gap), read without a parser from general word classes.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.kind_clauses import lead_tokens, sentences
from briefing_tui.analysis.kind_features import observe_paragraph
from briefing_tui.analysis.kind_lexicon import VERB_CLASSES, VERB_TENSE


def clause(text: str) -> set[str]:
    """The main-clause signals of ``text`` as the kind model sees them."""
    wanted = ("main clause:", "main verb:", "subject:", "speaker:", "lead", "a speaker near:")
    return {signal for signal in observe_paragraph(text).signals if signal.startswith(wanted)}


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Troops have begun withdrawing.", "has done"),
        ("Troops began withdrawing on Tuesday.", "past"),
        ("Troops would begin withdrawing.", "would"),
        ("Troops will withdraw within 60 days.", "will"),
        ("Under the deal, prisoners are to be released within 72 hours.", "is to"),
        ("Negotiators are expected to meet on Thursday.", "is due to"),
        ("The union has yet to respond to the offer.", "yet to"),
        ("The committee must approve the text.", "must"),
        ("The deal caps fees at 4% a year.", "present"),
        ("The unions had rejected the offer.", "had done"),
    ],
)
def test_the_tense_and_modality_of_the_main_verb_are_read(text: str, tense: str) -> None:
    found = clause(text)
    assert f"main clause: {tense}" in found, found
    tenses = {signal for signal in found if signal.startswith("main clause:")} - {"main clause: passive"}
    assert len(tenses) == 1, tenses


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("The union rejected the offer on Tuesday.", "bargaining", "a party"),
        ("The agreement eliminates duties on most goods.", "providing", "a deal"),
        ("The first convoys crossed the border on Monday.", "carrying out", "a step"),
        ("The two sides remain divided over the border.", "obstacle", "a party"),
        ("Residents welcomed the news.", "reacting", "someone outside the talks"),
        ("The plan would see prisoners freed.", "providing", "a deal"),
    ],
)
def test_the_main_verb_and_its_subject_are_classed(text: str, verb: str, subject: str) -> None:
    found = clause(text)
    assert {f"main verb: {verb}", f"subject: {subject}"} <= found, found


def test_an_opening_phrase_set_off_by_commas_is_skipped() -> None:
    found = clause("Under the terms agreed in June, if approved, the deal will cap fees.")
    assert {'lead opens with "under"', "subject: a deal", "main clause: will"} <= found, found


def test_a_participle_modifying_the_subject_is_not_its_verb() -> None:
    found = clause("Two engineers kidnapped in the north last year were freed on Wednesday.")
    assert {"main verb: carrying out", "main clause: past", "main clause: passive"} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Sunday that the accord would hand the harbour to a joint board.",
        "Officials said in a statement that the accord would hand the harbour to a joint board.",
    ],
)
def test_a_speech_verb_before_a_time_phrase_and_that_still_opens_the_reported_clause(text: str) -> None:
    found = clause(text)
    assert {"lead: reported speech", "subject: a deal", "main clause: would"} <= found, found


def test_an_agreeing_verb_before_a_time_phrase_and_an_infinitive_is_the_main_verb() -> None:
    found = clause("The two sides agreed on Friday to extend the contract by a year.")
    assert {"main verb: agreeing", "main clause: past", "subject: a party"} <= found, found


def test_a_participle_and_a_prepositional_phrase_before_the_verb_stay_a_modifier() -> None:
    found = clause("Envoys quoted in the report said the board would meet in May.")
    assert "lead: reported speech" in found, found
    assert "main verb: reporting" not in found


def test_a_verb_followed_by_an_infinitive_is_still_the_main_verb() -> None:
    found = clause("The two sides agreed to begin withdrawing troops.")
    assert {"main verb: agreeing", "main clause: past"} <= found, found


def test_the_reported_clause_is_read_and_the_speaker_is_named_as_a_class() -> None:
    found = clause("The minister told reporters on Tuesday that the talks had collapsed.")
    assert {"lead: reported speech", "speaker: a party", "subject: the talks", "main verb: obstacle"} <= found
    assert "main verb: reporting" not in found


def test_who_speaks_after_the_quotation_is_read() -> None:
    found = clause("“We were promised water,” said Maria Lopez, a farmer from the valley.")
    assert {"lead: a quotation", "a speaker near: someone outside the talks"} <= found, found


def test_the_lead_is_the_first_sentence_and_abbreviations_do_not_end_it() -> None:
    assert lead_tokens("rep. zzname said the u.s. would sign. talks resumed.")[-1] == "sign"
    assert len(sentences("one two three. four five six. seven eight nine.", 2)) == 2
    assert lead_tokens("") == []


def test_a_paragraph_without_a_verb_says_so() -> None:
    assert "main clause: no verb" in clause("Complete disarmament of the armed groups")


def test_every_verb_form_has_a_class_and_a_tense() -> None:
    assert VERB_CLASSES.keys() == VERB_TENSE.keys()
    assert VERB_TENSE["began"] == "past" and VERB_TENSE["begun"] == "participle"
    assert VERB_TENSE["said"] == "past" and VERB_CLASSES["said"] == "reporting"
    assert VERB_TENSE["banned"] == "past" and VERB_TENSE["agrees"] == "present"
