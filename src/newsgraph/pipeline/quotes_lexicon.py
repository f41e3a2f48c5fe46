"""The language data ``newsgraph_quotes`` reads, loaded once from ``resources/<lang>/quotes.toml``.

Everything language-specific (cue verbs, speech nouns, Konjunktiv forms, quotation-mark pairs) is in
the data file; this module only turns its lists into sets and maps for fast, case-insensitive lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..resources import has_resource, load_resource


def _low(values: list[str] | None) -> frozenset[str]:
    """Lower-cased forms, each with its Swiss spelling too (`gemäß` → `gemäss`, `heißt` →
    `heisst`): Swiss German writes no ß, and its news copy is read with the same lists."""
    forms = {v.lower() for v in values or []}
    return frozenset(forms | {v.replace("ß", "ss") for v in forms})


def _low_map(values: dict[str, list[str]] | None) -> dict[str, frozenset[str]]:
    return {k.lower(): _low(v) for k, v in (values or {}).items()}


@dataclass(frozen=True)
class QuoteLexicon:
    """Lookup tables for one language (all lower-cased)."""

    pairs: dict[str, str]
    max_length: int
    min_fragment_words: int
    cue_verbs: frozenset[str]
    cue_particles: dict[str, frozenset[str]]
    reported_verbs: frozenset[str]
    reported_particles: dict[str, frozenset[str]]
    complementisers: frozenset[str]
    konjunktiv: frozenset[str]
    konjunktiv_strong: frozenset[str]
    preterite_like: frozenset[str]
    comment_infinitives: frozenset[str]
    hearsay: frozenset[str]
    continuation_window: int
    lead_chars: int
    max_name_words: int
    before_source: frozenset[str]
    after_source: frozenset[str]
    nach_words: frozenset[str]
    nach_nouns: frozenset[str]
    so_words: frozenset[str]
    wie_words: frozenset[str]
    heisst: frozenset[str]
    demnach: frozenset[str]
    documents: frozenset[str]
    zitiert: frozenset[str]
    worten: frozenset[str]
    medium_nouns: frozenset[str]
    medium_markers: frozenset[str]
    programme_nouns: frozenset[str]
    pronouns: frozenset[str]
    stop_words: frozenset[str]
    np_inner: frozenset[str]
    fronting: frozenset[str]
    oblique_articles: frozenset[str]
    side_nouns: frozenset[str]
    auxiliaries: frozenset[str] = field(default_factory=frozenset)
    relative_words: frozenset[str] = field(default_factory=frozenset)
    possessives: frozenset[str] = field(default_factory=frozenset)
    #: object pronouns after `zitierte` and the gender they mark (`zitierte ihn CCTV`)
    cited_pronouns: dict[str, str] = field(default_factory=dict)
    #: words that open a content clause with no complementiser after a circumstance (`said in a
    #: statement it remained …`, `said on Tuesday its profits …`)
    clause_openers: frozenset[str] = field(default_factory=frozenset)
    said_after: frozenset[str] = field(default_factory=frozenset)
    anonymous: frozenset[str] = field(default_factory=frozenset)
    relay_words: frozenset[str] = field(default_factory=frozenset)
    media_names: frozenset[str] = field(default_factory=frozenset)
    citing: frozenset[str] = field(default_factory=frozenset)
    before_medium_name: frozenset[str] = field(default_factory=frozenset)
    definite_articles: frozenset[str] = field(default_factory=frozenset)
    according: frozenset[str] = field(default_factory=frozenset)
    subordinators: frozenset[str] = field(default_factory=frozenset)
    shared_subject: frozenset[str] = field(default_factory=frozenset)
    generic_bodies: frozenset[str] = field(default_factory=frozenset)
    #: articles that open a genitive attribute (`eine Sprecherin des Konzerns`)
    genitive_articles: frozenset[str] = field(default_factory=frozenset)
    #: endings of head nouns that name a body or office (`…polizei`, `…ministerium`, `…sprecher`)
    agent_heads: tuple[str, ...] = ()
    #: lower-case words inside titles and names (`Glas der Vernunft`, `Piper at the Gates of Dawn`)
    title_words: frozenset[str] = field(default_factory=frozenset)
    #: endings of abstract head nouns (`…ung`, `…heit`): such a phrase does not speak
    abstract_endings: tuple[str, ...] = ()
    #: finite auxiliaries of the passive (`wurde … von X kritisiert`)
    passive: frozenset[str] = field(default_factory=frozenset)
    #: adverbs between a subject and its speech verb (`Gordeyev also said`)
    verb_adverbs: frozenset[str] = field(default_factory=frozenset)
    #: words that open a circumstance right after a speech verb (`said in a statement … that`)
    circumstance: frozenset[str] = field(default_factory=frozenset)
    #: prepositions that make a place inside a speaker phrase a location, not the speaker
    #: (`the president's office in Warsaw`)
    locative: frozenset[str] = field(default_factory=frozenset)
    #: pronouns that open a sentence pointing back at the one before (`Dies teilte X mit.`)
    anaphoric_pronouns: frozenset[str] = field(default_factory=frozenset)
    #: relative pronouns after a comma whose antecedent speaks (`Guterres, who said …`)
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)
    #: participles of speech verbs in a passive such sentence (`Das wurde von X bekannt gegeben.`),
    #: one or two words
    anaphoric_participles: frozenset[str] = field(default_factory=frozenset)
    #: first-person pronouns: a quote inside a quote after `ich sagte` is the outer speaker's
    first_person: frozenset[str] = field(default_factory=frozenset)
    #: labels of an interview's questions (`Frage:`, `Q:`): their lines are no one's quotes
    questioners: frozenset[str] = field(default_factory=frozenset)
    #: endings of feminine medium nouns: `der Zeitung` after a cue is the dative told
    feminine_media: tuple[str, ...] = ()
    #: whether the language writes common nouns in lower case (English: `the firefighter` is a
    #: description though its head is not capitalised)
    lower_case_nouns: bool = False
    #: nouns of a question put to the speaker (`Auf die Frage, ob …`): the clause is no statement
    question_nouns: frozenset[str] = field(default_factory=frozenset)
    #: nouns of a request an outlet made (`auf dpa-Anfrage`): the outlet relays the answer
    request_nouns: frozenset[str] = field(default_factory=frozenset)
    #: verbs of refusing before a verb of commenting (`declined to say`): a refusal, no statement
    refusing: frozenset[str] = field(default_factory=frozenset)
    #: medium nouns that, definite and unnamed, refer back to the outlet named last (`der Zeitung`)
    medium_anaphors: frozenset[str] = field(default_factory=frozenset)
    #: negations that make a modal with a verb of commenting a refusal (`wollte sich nicht äußern`)
    negations: frozenset[str] = field(default_factory=frozenset)
    #: last parts of compounds that name an organisation's voice (`Hamas-Sprecher`, `Kremlkreisen`)
    spokesperson_compounds: tuple[str, ...] = ()
    #: finite auxiliaries of the pluperfect: a reported-speech participle with one is background
    background_auxiliaries: frozenset[str] = field(default_factory=frozenset)
    #: endings of nouns that describe a person (`CDU-Politiker`, `69-Jährige`): refer back like pronouns
    person_descriptions: tuple[str, ...] = ()
    #: pronouns marked for gender (`sie`/`she`, `er`/`he`), honorifics and the endings of feminine
    #: office titles (`Außenministerin`): a pronoun refers to a person styled the same way
    female_pronouns: frozenset[str] = field(default_factory=frozenset)
    male_pronouns: frozenset[str] = field(default_factory=frozenset)
    female_honorifics: frozenset[str] = field(default_factory=frozenset)
    male_honorifics: frozenset[str] = field(default_factory=frozenset)
    feminine_endings: tuple[str, ...] = ()
    #: articles that open an unnamed speaker, and gendered heads of one (`eine Sprecherin`: "f")
    unnamed_articles: frozenset[str] = field(default_factory=frozenset)
    unnamed_heads: dict[str, str] = field(default_factory=dict)
    #: pointers to a source that also mean "afterwards" (`Danach`): not in past-tense narration
    temporal_pointers: frozenset[str] = field(default_factory=frozenset)
    #: `im gleichen Interview`: words pointing back at an earlier statement's medium
    same_medium: frozenset[str] = field(default_factory=frozenset)
    #: `wies die Darstellung zurück, …`: verbs that answer a claim, and the claim nouns they take
    answering: frozenset[str] = field(default_factory=frozenset)
    claim_nouns: frozenset[str] = field(default_factory=frozenset)
    #: endings of a compound head noun that names one organisation (`Verteidigungsministerium`)
    body_heads: tuple[str, ...] = ()
    #: articles after which an outlet is the dative of a speech verb (`sagte Bas der „Bild“`)
    dative_articles: frozenset[str] = field(default_factory=frozenset)
    #: speech verbs whose object is the addressee, before the message (`told reporters that …`)
    addressee_verbs: frozenset[str] = field(default_factory=frozenset)
    #: endings of heads naming an outlet's staff, whose `der` + outlet is a genitive (`der Chefredakteur der „Zeit“`)
    media_staff: tuple[str, ...] = ()
    #: outlet names that are also ordinary words or very short: found only with a marker
    ambiguous_media: frozenset[str] = field(default_factory=frozenset)
    common_noun_media: frozenset[str] = field(default_factory=frozenset)
    #: `nach eigenen Angaben`: a source phrase that points at the clause's own subject
    own_words: frozenset[str] = field(default_factory=frozenset)
    #: how the learned tagger (``models/quotes_de``) is combined with the rules (``[learned]``)
    learned: dict[str, float] = field(default_factory=dict)

    @property
    def marks(self) -> frozenset[str]:
        """Every character that can open or close a quotation."""
        chars = set(self.pairs)
        for closers in self.pairs.values():
            chars.update(closers)
        return frozenset(chars)


def _media(lang: str) -> dict:
    """The outlet names of ``lang`` (German data, the same in every language, when it has none)."""
    return load_resource(lang if has_resource(lang, "quotes_media") else "de", "quotes_media")


@cache
def lexicon_for(lang: str) -> QuoteLexicon:
    """The quote lexicon of ``lang`` (falls back to German data for missing sections)."""
    data = load_resource(lang, "quotes")
    marks = data.get("marks", {})
    cue = data.get("cue_verbs", {})
    rep = data.get("reported", {})
    clause = data.get("clause", {})
    prep = data.get("prepositional", {})
    spk = data.get("speaker", {})
    return QuoteLexicon(
        pairs={opener: closers for opener, closers in marks.get("pairs", [])},
        max_length=int(marks.get("max_length", 6000)),
        min_fragment_words=int(data.get("direct", {}).get("min_fragment_words", 3)),
        cue_verbs=_low(cue.get("forms")),
        cue_particles=_low_map(cue.get("particles")),
        reported_verbs=_low(rep.get("forms")),
        reported_particles=_low_map(rep.get("particles")),
        complementisers=_low(clause.get("complementisers")),
        konjunktiv=_low(clause.get("konjunktiv_1")),
        konjunktiv_strong=_low(clause.get("konjunktiv_1_strong")),
        preterite_like=_low(clause.get("preterite_like")),
        comment_infinitives=_low(clause.get("comment_infinitives")),
        negations=_low(clause.get("negations")),
        refusing=_low(clause.get("refusing")),
        request_nouns=_low(data.get("medium", {}).get("request_nouns")),
        question_nouns=_low(clause.get("question_nouns")),
        hearsay=_low(clause.get("hearsay")),
        continuation_window=int(clause.get("continuation_window", 2)),
        clause_openers=_low(clause.get("clause_openers")),
        lead_chars=int(data.get("partial", {}).get("lead_chars", 40)),
        max_name_words=int(data.get("direct", {}).get("max_name_words", 0)),
        before_source=_low(prep.get("before_source")),
        after_source=_low(prep.get("after_source")),
        nach_words=_low(prep.get("nach_words")),
        nach_nouns=_low(prep.get("nach_nouns")),
        so_words=_low(prep.get("so_words")),
        wie_words=_low(prep.get("wie_words")),
        heisst=_low(prep.get("heisst")),
        demnach=_low(prep.get("demnach")),
        documents=_low(data.get("speech_nouns", {}).get("documents")),
        zitiert=_low(data.get("zitiert", {}).get("verbs")),
        worten=_low(data.get("zitiert", {}).get("worten")),
        cited_pronouns={k.lower(): v for k, v in data.get("zitiert", {}).get("object_pronouns", {}).items()},
        medium_nouns=_low(data.get("medium", {}).get("nouns")),
        medium_markers=_low(data.get("medium", {}).get("markers")),
        programme_nouns=_low(data.get("medium", {}).get("programmes")),
        pronouns=_low(spk.get("pronouns")),
        stop_words=_low(spk.get("stop_words")),
        np_inner=_low(spk.get("np_inner")),
        fronting=_low(spk.get("fronting")),
        oblique_articles=_low(spk.get("oblique_articles")),
        side_nouns=_low(spk.get("side_nouns")),
        auxiliaries=_low(spk.get("auxiliaries")),
        relative_words=_low(clause.get("relative_words")),
        possessives=_low(spk.get("possessives")),
        said_after=_low(data.get("direct", {}).get("said_after")),
        anonymous=_low(spk.get("anonymous")),
        definite_articles=_low(spk.get("definite_articles")),
        generic_bodies=_low(spk.get("generic_bodies")),
        genitive_articles=_low(spk.get("genitive_articles")),
        agent_heads=tuple(sorted(_low(spk.get("agent_heads")))),
        title_words=_low(data.get("direct", {}).get("title_words")),
        abstract_endings=tuple(sorted(_low(spk.get("abstract_endings")))),
        passive=_low(clause.get("passive")),
        relay_words=_low(data.get("medium", {}).get("relay")),
        media_names=_low(_media(lang)["names"]),
        ambiguous_media=_low(_media(lang).get("ambiguous")),
        common_noun_media=_low(_media(lang).get("common_nouns")),
        citing=_low(data.get("medium", {}).get("citing")),
        according=_low(data.get("medium", {}).get("according")),
        subordinators=_low(spk.get("subordinators")),
        shared_subject=_low(cue.get("shared_subject")),
        before_medium_name=_low(data.get("medium", {}).get("before_name")),
        medium_anaphors=_low(data.get("medium", {}).get("anaphors")),
        feminine_media=tuple(sorted(_low(data.get("medium", {}).get("feminine")))),
        first_person=_low(data.get("nested", {}).get("first_person")),
        questioners=_low(data.get("interview", {}).get("questioners")),
        lower_case_nouns=bool(spk.get("lower_case_nouns", False)),
        verb_adverbs=_low(spk.get("verb_adverbs")),
        circumstance=_low(clause.get("circumstance")),
        locative=_low(spk.get("locative")),
        anaphoric_pronouns=_low(data.get("anaphoric", {}).get("pronouns")),
        relative_pronouns=_low(data.get("relative", {}).get("pronouns")),
        anaphoric_participles=_low(data.get("anaphoric", {}).get("participles")),
        spokesperson_compounds=tuple(sorted(_low(spk.get("spokesperson_compounds")), key=len, reverse=True)),
        background_auxiliaries=_low(rep.get("background_auxiliaries")),
        person_descriptions=tuple(sorted(_low(spk.get("person_descriptions")))),
        female_pronouns=_low(spk.get("female_pronouns")),
        male_pronouns=_low(spk.get("male_pronouns")),
        female_honorifics=frozenset(spk.get("female_honorifics", [])),
        male_honorifics=frozenset(spk.get("male_honorifics", [])),
        feminine_endings=tuple(spk.get("feminine_endings", [])),
        unnamed_articles=_low(spk.get("unnamed_articles")),
        unnamed_heads={k.lower(): v for k, v in spk.get("unnamed_heads", {}).items()},
        temporal_pointers=_low(prep.get("temporal_pointers")),
        own_words=_low(prep.get("own_words")),
        answering=_low(data.get("medium", {}).get("answering")),
        same_medium=_low(data.get("medium", {}).get("same")),
        claim_nouns=_low(data.get("medium", {}).get("claim_nouns")),
        body_heads=tuple(sorted(_low(spk.get("body_heads")), key=len, reverse=True)),
        dative_articles=_low(spk.get("dative_articles")),
        addressee_verbs=_low(data.get("cue_verbs", {}).get("addressee")),
        media_staff=tuple(sorted(_low(spk.get("media_staff")))),
        learned={k: float(v) for k, v in data.get("learned", {}).items()},
    )
