"""Word lists that tell the source finder what a naming phrase is made of.

Everything here is data: lower-case words grouped by the part they play in a phrase such as
"a senior U.S. administration official" or "Politico’s diplomatic correspondent Felicia
Schwartz". Keeping the lists apart from the parser lets a reader see (and extend) what the
analysis knows without reading any control flow.
"""

from __future__ import annotations

from briefing_tui.model import SourceKind

__all__ = [
    "ADVERBS",
    "BODY_NAMES",
    "BODY_NAME_WORDS",
    "CLAUSE_WORDS",
    "DETERMINERS",
    "DOCUMENT_NOUNS",
    "GENERIC_BODIES",
    "HEAD_KINDS",
    "NAME_PARTICLES",
    "NOT_NAMES",
    "ORGANIZATION_WORDS",
    "OUTLET_NAMES",
    "OUTLET_SYNONYMS",
    "OUTLET_WORDS",
    "PLACE_NAMES",
    "POSTMODIFIER_LEADS",
    "PREMODIFIERS",
    "PROGRAMME_NOUNS",
    "ROLE_WORDS",
    "STOPWORDS",
    "TIME_WORDS",
    "TITLED_JOINERS",
    "TITLE_ABBREVIATIONS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    "a an the its their our his her my your one two three four five six seven eight nine ten "
    "eleven twelve several some many multiple other both few numerous various another"
)
"""Words that may open a naming phrase: "three sources", "a senior official"."""

_OFFICIAL_HEADS = _words(
    "official officials deputy deputies diplomat diplomats spokesperson spokespersons spokesman spokesmen "
    "spokeswoman spokeswomen spokespeople aide aides adviser advisers advisor advisors minister "
    "ministers negotiator negotiators envoy envoys mediator mediators ambassador ambassadors "
    "commander commanders officer officers lawmaker lawmakers legislator legislators delegate "
    "representative representatives administrator administrators regulator regulators "
    "prosecutor prosecutors leader leaders director directors chief chiefs secretary "
    "undersecretary governor governors mayor mayors president premier chairman chairwoman chair "
    "manager managers executive executives hardliners moderates conservatives liberals "
    "progressives reformists coordinator coordinators facilitator facilitators ombudsman pm boss "
    "bosses speaker chancellor senator senators congressman congresswoman judge judges "
    "commissioner commissioners inspector superintendent secretary-general undersecretary-general "
    "under-secretary-general attorney-general rapporteur mp mps mep meps treasurer whip councillor "
    "councillors councilor councilors councilman councilwoman alderman formateur formateurs "
    "informateur informateurs chairperson co-chair co-chairs vice-chair vice-president "
    "president-elect minister-designate premier-designate head"
)
_ANONYMOUS_HEADS = _words(
    "source sources person people individual individuals insider insiders witness witnesses "
    "resident residents observer observers participant participants member members someone "
    "analyst analysts expert experts economist economists researcher researchers correspondent "
    "correspondents reporter reporters editor editors critics critic opponents supporters "
    "campaigners activists protesters lawyers attorneys voters workers employees staff "
    "investors traders bankers doctors scientists engineers farmers bloggers commentators medics "
    "paramedics rescuers relatives families survivors villagers locals fishermen students "
    "teachers passengers drivers pilots crews soldiers troops fighters militants rebels parents nurses "
    "eyewitnesses pollsters strategists shareholders lenders creditors organisers organizers "
    "demonstrators refugees negotiator insider whistleblower activist campaigner lawyer attorney "
    "doctor nurse medic paramedic resident relative survivor student teacher worker employee "
    "trader banker investor scientist engineer farmer soldier fighter militant rebel "
    "investigators inspectors auditors monitors surveyors pollster medical sister brother "
    "mother father son daughter wife husband widow cousin uncle aunt friend friends neighbour "
    "neighbor neighbours neighbors colleague colleagues relatives man woman men women delegates "
    "contractors subcontractors visitors sponsors "
    "contractor visitor family"
)
_ORGANIZATION_HEADS = _words(
    "ministry ministries government governments company companies firm firms agency agencies "
    "department departments office army military police authority authorities council councils "
    "committee committees commission union unions group groups organisation organization "
    "organisations organizations movement party administration embassy cabinet operator "
    "operators court board association federation secretariat presidency bank coalition alliance "
    "regime parliament legislature consortium bureau wing leadership team camp force forces "
    "establishment countries nations states parties media navy guard corps command service "
    "services militia militias junta opposition hospital hospitals university school church "
    "airline airlines carrier carriers insurer insurers lender broadcaster network watchdog "
    "monitor observatory tribunal judiciary prosecution directorate inspectorate "
    "institute foundation charity charities mission missions delegation delegations signatories "
    "chamber lobby caucus bloc faction syndicate guild conglomerate forum employers employer "
    "carmaker carmakers automaker automakers manufacturer manufacturers producer producers "
    "exporters importers retailers shippers refiners suppliers headquarters associations "
    "federations coalitions alliances movements commissions foundations embassies center centre "
    "donors donor conference coastguard partners allies body bodies tank think-tank processor "
    "fund palace state city county municipality campaign side shipyard"
)
_OUTLET_HEADS = _words(
    "newspaper newspapers broadcaster broadcasters outlet magazine website daily radio television tv channel"
)


def _plurals(words: frozenset[str]) -> frozenset[str]:
    """Regular plurals of head nouns ("banks", "ministries"), so no list has to spell them all."""
    return frozenset(
        word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
        for word in words
        if not word.endswith("s") and "-" not in word
    )


HEAD_KINDS: dict[str, SourceKind] = {
    **dict.fromkeys(_plurals(_ORGANIZATION_HEADS), SourceKind.ORGANIZATION),
    **dict.fromkeys(_plurals(_OFFICIAL_HEADS), SourceKind.OFFICIAL),
    **dict.fromkeys(_ORGANIZATION_HEADS, SourceKind.ORGANIZATION),
    **dict.fromkeys(_OUTLET_HEADS, SourceKind.OUTLET),
    **dict.fromkeys(_ANONYMOUS_HEADS, SourceKind.ANONYMOUS),
    **dict.fromkeys(_OFFICIAL_HEADS, SourceKind.OFFICIAL),
}
"""Nouns that can end a naming phrase, and what kind of source such a phrase names."""

ROLE_WORDS = _OFFICIAL_HEADS | _words(
    "correspondent reporter editor analyst researcher economist professor columnist "
    "commentator master harbourmaster harbormaster captain general colonel lieutenant admiral "
    "chancellor speaker senator congressman congresswoman judge justice sen rep gov gen lt col "
    "adm ceo cfo coo founder president-elect vice-president head expert commissioner brig "
    "brigadier maj major capt captain sgt sergeant inspector superintendent secretary-general "
    "undersecretary-general attorney-general commander-in-chief chairperson rapporteur mp mep "
    "mps meps lawmaker treasurer co-leader co-chair vice-chair deputy-leader whip skipper "
    "chairman chairwoman councilman councilwoman councillor councilor alderman fellow member "
    "organiser organizer campaigner activist strategist lawyer attorney lobbyist pollster "
    "convenor convener co-ordinator steward counterpart protester protestor demonstrator"
)
"""Words for a role that may stand right before a person's name: "correspondent Felicia Schwartz".

Honorifics such as "Sheikh" or "Dr." are left out on purpose: they stay part of the name.
"""

PREMODIFIERS = _words(
    "senior junior top former high-ranking high-level mid-level low-level western eastern local "
    "regional national provincial federal state city municipal government administration military "
    "defense defence security intelligence foreign health finance trade interior justice energy "
    "transport agriculture water port police army navy ministry presidential cabinet campaign "
    "company industry union diplomatic chief deputy lead acting veteran independent humanitarian "
    "aid european arab western-backed well-placed knowledgeable anonymous unnamed unidentified further "
    "separate additional second third shipping labour labor press communications spokesperson first "
    "fourth fifth latter same clerical religious political air naval civil "
    "opposition rebel ruling governing coalition interim caretaker outgoing incoming transitional "
    "provisional"
)
"""Common words that describe the head of a naming phrase: "senior", "defense", "diplomatic"."""

PORTFOLIO_ENDINGS = ("tion", "ment", "ance", "ence", "ity", "ism", "ics", "affairs", "finance")
PORTFOLIO_WORDS = _words("defence defense trade energy mines works labour labor industry")
"""Words that close a ministry's portfolio, not a person's name: "Administration", "Mines"."""


def is_portfolio_word(word: str) -> bool:
    """Whether the lower-case ``word`` may close a portfolio: "information", "affairs", "trade"."""
    return (len(word) > 4 and word.endswith(PORTFOLIO_ENDINGS)) or word in PORTFOLIO_WORDS


POSTMODIFIER_LEADS = _words("familiar close involved briefed with from for at in of")
"""Words that start the tail of a naming phrase: "familiar with the talks", "close to them"."""

NAME_PARTICLES = _words("bin bint ibn al el de del della da di van von der den le la du dos das y abu")
"""Lower-case particles that may sit inside a personal name: "Mohammed bin Abdulrahman"."""

STOPWORDS = _words(
    "i me my we us our you your he him his she her it its they them their who whom whose which "
    "that this these those what whatever whoever there here "
    "is are was were be been being am has have had having do does did will would could should "
    "may might must can shall "
    "said says say told tells tell added adds warned warns warn confirmed confirms confirm "
    "emphasized emphasised emphasizes emphasises clarified clarifies acknowledged acknowledges "
    "acknowledge declined declines noted notes stated stressed stresses explained explains "
    "cautioned cautions insisted insists wrote writes reported reports announced announces "
    "denied denies argued argues predicted conceded admitted revealed disclosed estimated "
    "and or but nor so yet not no never to on at by with without from for of about after before "
    "during over under into onto than as if because although though since until once while when "
    "where whether why how per via upon within across against between among toward towards "
    "however still meanwhile moreover also then later earlier today yesterday tomorrow tonight "
    "now asked speaking according citing following despite nobody everyone everybody anyone "
    "each every most all such only even just neither either none "
    "i'll i'm i've i'd we'll we're we've we'd you'll you're they'll they're they've he'll "
    "she'll it's it'll he's she's"
)
"""Words that never belong to a naming phrase: pronouns, verbs, conjunctions, prepositions."""

CLAUSE_WORDS = _words(
    "i me we us you he him she her it they them is are was were be been being am has have had "
    "having do does did will would could should may might must can shall said says say told tells "
    "added adds warned warns confirmed confirms emphasized emphasised clarified acknowledged "
    "declined noted stated stressed explained cautioned insisted wrote reported announced denied "
    "argued predicted conceded admitted revealed disclosed estimated"
)
"""Words that end a clause for the source finder: no naming phrase runs across a verb or pronoun."""

NOT_NAMES = STOPWORDS | _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june "
    "july august september october november december "
    "afterwards afterward nonetheless nevertheless instead overall thus hence therefore "
    "accordingly consequently furthermore additionally likewise similarly separately elsewhere "
    "finally ultimately crucially notably importantly privately publicly"
)
"""Capitalised words that are never part of a name (days, months, sentence openers: an adverb
that opens a sentence without a comma is no part of the name after it, "Afterwards Roe said")."""

ADVERBS = _words(
    "also later then further separately privately publicly earlier again repeatedly once too "
    "previously initially subsequently reportedly"
)
"""Words that may stand between a source and its verb: "officials also said"."""

ORGANIZATION_WORDS = _words(
    "house ministry department command council office agency authority bank fund union "
    "organization organisation commission committee government parliament institute university "
    "association party court police service services corporation corp inc ltd llc plc group "
    "company forces army navy kremlin pentagon secretariat board bureau federation alliance "
    "movement front brigades coalition cabinet embassy consulate center centre foundation trust "
    "programme program mission nations assembly congress senate administration directorate "
    "hospital cross crescent staff transit railway railways airways airlines guard corps force "
    "forces command agency ministries motors motor rail railroad steel energy oil gas petroleum "
    "airways systems industries holdings capital partners logistics shipping lines telecom "
    "foods mining electric power chemicals technologies labs insurance securities "
    "international global workers association federation watch amnesty forum chamber lobby "
    "headquarters ratings research seafoods seafood market markets meats dairies farms mills "
    "brewery exchange economics analytics advisors advisers consulting consultancy"
)
"""Words that make a capitalised name an organisation: "the White House", "Health Ministry",
"Meridian Ratings", "Harbour Seafoods"."""

OUTLET_WORDS = _words(
    "times post journal news herald tribune gazette telegraph guardian observer press television "
    "tv radio channel broadcasting monitor review daily weekly magazine wire courier dispatch "
    "chronicle ledger examiner inquirer standard mail express mirror sun star independent "
    "bulletin record register fm"
)
"""Last words that make a capitalised name a news outlet: "the Financial Times", "Harbour Gazette"."""

PROGRAMME_NOUNS = _words("programme programmes program programs show podcast bulletin broadcast")
"""What an outlet puts on air, after its owner: "told Harbour Radio's breakfast programme"."""

_OUTLETS = (
    "Politico | Reuters | Axios | Bloomberg | AP | AFP | BBC | CNN | NPR | Al Jazeera | Al-Monitor "
    "| Haaretz | Ynet | Xinhua | TASS | Interfax | Kyodo | Yonhap | Agence France-Presse "
    "| Associated Press | Semafor | Vox | Le Monde | Der Spiegel | El País | Euronews | Sky News "
    "| ABC | NBC | CBS | Fox News | Kathimerini | Asharq Al-Awsat | Anadolu | Bild | Tasnim "
    "| Fars | IRNA | ISNA | KCNA | Nikkei | NHK | Asahi | Yomiuri | Maariv | Le Figaro "
    "| Liberation | Die Welt | Der Standard | Sueddeutsche Zeitung | Frankfurter Allgemeine "
    "| Corriere della Sera | La Repubblica | El Mundo | ANSA | EFE | DPA | PAP | RIA Novosti "
    "| RIA | Sputnik | RT | CCTV | Global Times | People's Daily | Dawn | Al Arabiya "
    "| Al Mayadeen | Al-Manar | Hurriyet | Kommersant | Izvestia | Vedomosti | The Hindu "
    "| NDTV | PTI | ANI | Bernama | Antara | SCMP | Caixin | CNBC | MSNBC | PBS | CBC "
    "| The Hill | Punchbowl News | Mediapart | Spiegel | Die Zeit | ZDF | ARD | France 24 "
    "| RFI | BFM | Kan | i24 | Walla | Wired | Reuters News | WAFA | SPA | WAM | QNA | KUNA "
    "| MENA | SANA | Ukrinform | Ukrainska Pravda | Meduza | TASS news agency"
)
OUTLET_NAMES = frozenset(name.strip().casefold() for name in _OUTLETS.split("|"))
"""News organisations known by a name that says nothing of what they are."""

_OUTLET_SYNONYMS = (
    "ap = associated press; reuters = reuters news = thomson reuters; "
    "afp = agence france-presse = agence france presse; bbc = bbc news = british broadcasting corporation; "
    "dpa = deutsche presse-agentur; pti = press trust of india; ani = asian news international; "
    "kcna = korean central news agency; irna = islamic republic news agency; "
    "sana = syrian arab news agency; qna = qatar news agency; spa = saudi press agency; "
    "wam = emirates news agency; kuna = kuwait news agency; mena = middle east news agency; "
    "tass = tass news agency"
)
OUTLET_SYNONYMS: dict[str, str] = {
    name.strip(): group.split("=")[0].strip()
    for group in _OUTLET_SYNONYMS.split(";")
    for name in group.split("=")
}
"""Names one outlet goes by, lower case, each to its short form: "the associated press" and "AP"
are one source (the registry's keys drop a leading "the")."""

_BODIES = (
    "Save the Children | Doctors Without Borders | Médecins Sans Frontières | Medecins Sans Frontieres "
    "| Reporters Without Borders | Reporters Sans Frontières | Doctors of the World "
    "| Médecins du Monde | Action Against Hunger | Action contre la Faim | Friends of the Earth "
    "| Oxfam | Caritas | Greenpeace | Human Rights Watch | Amnesty International "
    "| International Crisis Group | Refugees International | Mercy Corps | CARE International "
    "| World Vision | Islamic Relief | Handicap International | Humanity & Inclusion "
    "| Physicians for Human Rights | Transparency International | Global Witness "
    "| B'Tselem | Crisis Action | Sant'Egidio | Community of Sant'Egidio"
)
BODY_NAMES = frozenset(name.strip().casefold() for name in _BODIES.split("|"))
"""Non-governmental bodies known by a name that reads as a person's or holds function words
("Save the Children", "Médecins Sans Frontières"): always organisations."""
BODY_NAME_WORDS = tuple(sorted({len(name.split()) for name in BODY_NAMES}, reverse=True))
"""The word counts of `BODY_NAMES`, longest first, so that a parser tries only lengths that
can match and the longest name wins."""

GENERIC_BODIES = _words("organisation organization group company firm body charity agency movement alliance")
"""Nouns that, alone after "the", stand for the body just cited: "the organisation said"."""

TITLED_JOINERS = _words("without against beyond sans over under across behind within through")
"""Prepositions that, capitalised between capitalised words, can only be inside a body's name:
"Medics Without Walls", "Lawyers Against Torture" (a person's name holds none)."""

TITLE_ABBREVIATIONS = _words(
    "mr mrs ms dr prof sen rep gov gen lt col adm st jr sr no brig maj capt sgt insp supt"
)
"""Abbreviations whose full stop does not end a sentence: "Dr. Ahmed said"."""

TIME_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight overnight "
    "morning afternoon evening night week weekend month year hours day days weeks months "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec midday midnight dawn gmt"
)
"""Words of a time phrase that may stand between a subject and its verb: "on Friday told"."""

DOCUMENT_NOUNS = _words(
    "report statement study survey analysis assessment audit letter memo readout communique "
    "filing review paper note notice"
)
"""Documents whose owner speaks through them: "a Government Accountability Office report found"."""

_PLACES = (
    "Saudi Arabia | United States | United Kingdom | United Arab Emirates | South Korea "
    "| North Korea | South Africa | South Sudan | New Zealand | Sri Lanka | Costa Rica "
    "| El Salvador | Puerto Rico | Burkina Faso | Sierra Leone | Ivory Coast | Cote d'Ivoire "
    "| Czech Republic | Dominican Republic | Central African Republic | Papua New Guinea "
    "| East Timor | Timor-Leste | Bosnia and Herzegovina | North Macedonia | Hong Kong "
    "| New Delhi | Abu Dhabi | Addis Ababa | Buenos Aires | Kuala Lumpur | Tel Aviv "
    "| Washington DC | Vatican City | San Marino | Equatorial Guinea | Trinidad and Tobago "
    "| Western Sahara | West Bank | Gaza Strip | European Union | Soviet Union"
)
PLACE_NAMES = frozenset(name.strip().casefold() for name in _PLACES.split("|"))
"""Places of more than one word, which speak only as their government ("Saudi Arabia said")
and are never a person; one-word places ("Moscow", "Egypt") already read as bodies."""
