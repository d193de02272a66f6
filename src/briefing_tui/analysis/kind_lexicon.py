"""The verb and noun classes the main-clause reading of the kind model uses.

General English, not cue phrases: which verbs bargain, provide, carry something out, report,
react or state an obstacle, and which nouns name a deal, a party, the talks, someone outside
them or a gap. Verbs are listed by lemma (an irregular one as ``lemma/past/participle``) and
inflected here, so "has begun", "began" and "is beginning" reach the same class. Whether a
class leans a paragraph towards a kind is learned from the corpus (`kind_learning`).
"""

from __future__ import annotations

__all__ = [
    "AUXILIARY_FORMS",
    "BE_FORMS",
    "CLAUSE_ADVERBS",
    "HAVE_FORMS",
    "NOUN_CLASSES",
    "PRONOUN_SUBJECTS",
    "VERB_CLASSES",
    "VERB_TENSE",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of ``text``, split at spaces, as a set: how every word class here is written."""
    return frozenset(text.split())


BE_FORMS = words("is are was were be been being 's 're am")
HAVE_FORMS = words("has have had 've")
AUXILIARY_FORMS = BE_FORMS | HAVE_FORMS | words("do does did")
CLAUSE_ADVERBS = words(
    "also again now repeatedly initially previously not never only then effectively already still "
    "formally finally just largely quickly reportedly apparently broadly jointly so far yet first "
    "eventually officially tentatively provisionally swiftly gradually partly partially fully "
    "publicly privately separately n't"
)
"""Words that may stand inside a verb group: "has also begun", "would not accept"."""
PRONOUN_SUBJECTS = words("he she it they we i you this that these those")

_VERBS: dict[str, str] = {
    "bargaining": "negotiate propose offer reject demand refuse urge press push seek/sought/sought "
    "mediate broker concede counter bargain haggle lobby meet/met/met resume balk object oppose "
    "soften harden walk accept discuss talk convene host table float rebuff spurn dismiss "
    "narrow bridge suspend pause recall postpone negotiate compromise insist counter-propose "
    "court persuade pressure sway",
    "agreeing": "agree reach strike/struck/struck clinch seal conclude finalise finalize initial "
    "endorse approve adopt back",
    "providing": "provide include require allow set/set/set grant give/gave/given commit oblige cap "
    "raise cover establish stipulate guarantee extend let/let/let freeze/froze/frozen ensure entitle "
    "bar ban create limit phase envisage foresee lift cut/cut/cut reduce exempt permit restrict "
    "oblige mandate specify define outline contain foresee preserve waive abolish eliminate "
    "introduce replace see/saw/seen",
    "carrying out": "begin/began/begun start launch arrive deploy install complete hand transfer "
    "release free withdraw/withdrew/withdrawn disburse ratify sign vote implement monitor verify "
    "open reopen cross deliver enter take/took/taken pull move leave/left/left pay/paid/paid "
    "receive process dismantle destroy inspect remove return reunite board land evacuate "
    "resettle register demobilise demobilize disarm rebuild publish allocate distribute transmit",
    "obstacle": "remain stall collapse fail differ disagree dispute clash struggle lack block "
    "hinge depend derail jeopardise jeopardize threaten undermine stumble falter unravel "
    "complicate divide split delay",
    "reporting": "say/said/said tell/told/told add state announce confirm note explain report warn "
    "accuse claim deny argue write/wrote/written stress acknowledge predict insist describe "
    "quote",
    "reacting": "welcome hail praise criticise criticize condemn celebrate react thank applaud "
    "decry slam mourn protest",
    "wanting": "want wish hope plan intend aim ask call expect",
}
_IRREGULAR_ED = {"stop": "stopped", "cap": "capped", "ban": "banned", "bar": "barred"}
_IRREGULAR_ED |= {"plan": "planned", "admit": "admitted", "commit": "committed", "permit": "permitted"}
_IRREGULAR_ED |= {"submit": "submitted", "ship": "shipped", "drop": "dropped", "sign": "signed"}


def _regular(lemma: str) -> tuple[str, str, str]:
    """The third person, past and -ing forms of a regular verb."""
    if lemma in _IRREGULAR_ED:
        past = _IRREGULAR_ED[lemma]
        return lemma + "s", past, past[:-2] + "ing"
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return third, lemma + "ed", lemma + "ing"


VERB_CLASSES: dict[str, str] = {}
"""Each verb form and its class ("bargaining", "carrying out"...)."""
VERB_TENSE: dict[str, str] = {}
"""Each verb form and what it says of time: "past", "present", "participle", "base", "-ing"."""
for _class, _entries in _VERBS.items():
    for _entry in _entries.split():
        _lemma, *_irregular = _entry.split("/")
        _third, _past, _ing = _regular(_lemma)
        _participle = _past
        if _irregular:
            _past, _participle = _irregular
        for _form, _tense in (
            (_lemma, "base"),
            (_third, "present"),
            (_ing, "-ing"),
            (_past, "past"),
            (_participle, "participle"),
        ):
            VERB_CLASSES.setdefault(_form, _class)
            VERB_TENSE.setdefault(_form, _tense)

_NOUNS: dict[str, str] = {
    "a deal": "deal agreement accord plan text contract treaty framework settlement pact package "
    "law bill decision resolution memorandum arrangement truce ceasefire scheme regulation "
    "protocol charter declaration terms clause clauses provision provisions draft annex chapter "
    "mechanism fund programme program roadmap deals agreements",
    "a party": "side sides negotiators negotiator delegation delegations mediators mediator union "
    "unions management employers employer government governments officials official ministers "
    "minister envoy envoys parties party team leaders leader administration president premier "
    "ministry army military rebels group movement coalition cabinet chancellor secretary "
    "spokesman spokeswoman spokesperson diplomats diplomat representative representatives "
    "commission council country countries states bloc signatories",
    "the talks": "talks negotiations round rounds meeting meetings summit discussions session "
    "sessions consultations contacts dialogue mediation process offer proposal proposals "
    "counteroffer counterproposal demands demand position positions bid",
    "someone outside the talks": "residents families family skippers farmers commuters passengers "
    "patients parents locals shoppers fishermen villagers investors markets neighbours neighbors "
    "children mother father son daughter survivors refugees displaced workers people association "
    "industry carmakers businesses companies company groups campaigners activists critics "
    "opposition lawmakers voters relatives wife husband sister brother crowds owners traders "
    "economist economists analyst analysts experts expert observers researchers paramedic doctor "
    "doctors nurse nurses teacher teachers driver drivers engineer student students shopkeeper "
    "fisherman farmer resident commuter victims victim widow mothers fathers pensioners customers "
    "consumers retailers exporters importers manufacturers growers unionist commentators "
    "historian professor scholar fellow scientist scientists fighter fighters veteran veterans "
    "citizens shops shop owner farmer's union's",
    "a gap or doubt": "gap gaps question questions issue issues obstacle obstacles hurdle hurdles "
    "dispute disputes disagreement disagreements differences problem problems concern concerns "
    "doubt doubts risk risks uncertainty point sticking",
    "a step": "release releases withdrawal deployment handover transfer exchange swap vote ballot "
    "ratification signing signature implementation first convoys convoy trucks aid troops "
    "prisoners hostages detainees inspectors monitors",
}
NOUN_CLASSES: dict[str, str] = {}
"""Each noun and the class of subject it makes ("a deal", "a party", "the talks"...)."""
for _class, _nouns in _NOUNS.items():
    for _noun in _nouns.split():
        NOUN_CLASSES.setdefault(_noun, _class)
