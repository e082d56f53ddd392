//! The RDF terms unlod emits, one constant per term. Every `unlod:` term is declared in
//! `ontology/unlod.ttl` (a test checks it).

/// Namespace of the unlod ontology.
pub const UNLOD: &str = "https://w3id.org/unlod/ontology#";
/// ELI.
pub const ELI: &str = "http://data.europa.eu/eli/ontology#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDFS.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// Wikidata entities.
pub const WD: &str = "http://www.wikidata.org/entity/";
/// ISO 639-1 languages of the Library of Congress, the individuals UNDO declares as
/// `undo:Language` (`…/iso639-1/en`), objects of `dcterms:language`.
pub const ISO639_1: &str = "http://id.loc.gov/vocabulary/iso639-1/";

/// Prefixes written in Turtle and JSON-LD, in this order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("unlod", UNLOD),
    ("eli", ELI),
    ("dcterms", DCTERMS),
    ("owl", OWL),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("xsd", XSD),
    ("wd", WD),
];

macro_rules! terms {
    ($ns:expr; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $( $(#[$doc])* pub const $name: &str = concat!($ns, $local); )*
    };
}

/// Every `unlod:` term emitted, for the check against `ontology/unlod.ttl`.
pub const UNLOD_TERMS: &[&str] = &[
    RESOLUTION,
    DECISION,
    DRAFT_RESOLUTION,
    DRAFT_DECISION,
    DECLARATION,
    EMBEDDED_TEXT,
    EXPRESSION,
    PART_EXPRESSION,
    CLAUSE,
    ENACTING_FORMULA,
    PREAMBULAR_PARAGRAPH,
    OPERATIVE_PARAGRAPH,
    SUB_PARAGRAPH,
    SECTION,
    ANNEX,
    TABLE,
    FOOTNOTE,
    ACTION,
    VOTE,
    MEETING,
    ORGANIZATION,
    STATE,
    OFFICIAL,
    GROUP,
    INSTRUMENT,
    DOCUMENT,
    CITED_PART,
    POSITION,
    NUMBER,
    LEAD_PHRASE,
    TEXT,
    HEADING,
    HAS_ACTION,
    VERB,
    ADDRESSEE,
    CITES,
    CITES_PART,
    PINPOINT,
    MENTIONS,
    HAS_FOOTNOTE,
    MARKER,
    SYMBOL,
    ENACTED_BY,
    ADOPTED_AT,
    RECOMMENDS_DRAFT,
    PROPOSED_TO,
    HAS_VOTE,
    REPORTS_VOTE,
    VOTES_IN_FAVOUR,
    VOTES_AGAINST,
    ABSTENTIONS,
    VOTE_ON,
    VOTE_ON_TEXT,
    VOTED_BY,
    VOTE_METHOD,
    VOTE_OUTCOME,
    VOTED_IN_FAVOUR,
    VOTED_AGAINST,
    ABSTAINED,
    MEETING_NUMBER,
    PLENARY,
    SESSION,
    AGENDA_ITEM,
    ORIGIN,
    ADOPTION_LINE,
    DATE_ADOPTED,
    ISO_CODE,
    KIND,
];

terms! { "https://w3id.org/unlod/ontology#";
    /// A resolution (FRBR Work).
    RESOLUTION = "Resolution";
    /// A decision.
    DECISION = "Decision";
    /// A draft resolution.
    DRAFT_RESOLUTION = "DraftResolution";
    /// A draft decision.
    DRAFT_DECISION = "DraftDecision";
    /// A declaration adopted by a resolution.
    DECLARATION = "Declaration";
    /// Any other text embedded in a resolution.
    EMBEDDED_TEXT = "EmbeddedText";
    /// A language version of a document (FRBR Expression).
    EXPRESSION = "Expression";
    /// A language version of a part of a document.
    PART_EXPRESSION = "PartExpression";
    /// A paragraph or sub-paragraph.
    CLAUSE = "Clause";
    /// The enacting formula.
    ENACTING_FORMULA = "EnactingFormula";
    /// A preambular paragraph.
    PREAMBULAR_PARAGRAPH = "PreambularParagraph";
    /// An operative paragraph.
    OPERATIVE_PARAGRAPH = "OperativeParagraph";
    /// A sub-paragraph.
    SUB_PARAGRAPH = "SubParagraph";
    /// A section of an operative part or annex.
    SECTION = "Section";
    /// An annex.
    ANNEX = "Annex";
    /// A table.
    TABLE = "Table";
    /// A footnote.
    FOOTNOTE = "Footnote";
    /// One verb of an operative paragraph with its addressee.
    ACTION = "Action";
    /// A vote with counts.
    VOTE = "Vote";
    /// A meeting.
    MEETING = "Meeting";
    /// An organ, body, office, agency or conference.
    ORGANIZATION = "Organization";
    /// A State.
    STATE = "State";
    /// An office holder.
    OFFICIAL = "Official";
    /// A group of States or others.
    GROUP = "Group";
    /// A named instrument.
    INSTRUMENT = "Instrument";
    /// A document cited by symbol.
    DOCUMENT = "Document";
    /// A part of a cited document, named by the words after its number.
    CITED_PART = "CitedPart";
    /// Order among siblings, from 1.
    POSITION = "position";
    /// The printed number.
    NUMBER = "number";
    /// The lead phrase.
    LEAD_PHRASE = "leadPhrase";
    /// Text without footnote markers.
    TEXT = "text";
    /// A heading.
    HEADING = "heading";
    /// A clause's action.
    HAS_ACTION = "hasAction";
    /// The base verb of an action.
    VERB = "verb";
    /// Whom an action addresses.
    ADDRESSEE = "addressee";
    /// Cites a document.
    CITES = "cites";
    /// Cites a part of a document ("resolution 65/230, annex").
    CITES_PART = "citesPart";
    /// The words that name a cited part, as printed.
    PINPOINT = "pinpoint";
    /// Mentions an actor or instrument.
    MENTIONS = "mentions";
    /// A footnote called by a clause.
    HAS_FOOTNOTE = "hasFootnote";
    /// A footnote's printed marker.
    MARKER = "marker";
    /// The document symbol.
    SYMBOL = "symbol";
    /// The organ that adopted it.
    ENACTED_BY = "enactedBy";
    /// The meeting of adoption.
    ADOPTED_AT = "adoptedAt";
    /// Outer resolution → embedded draft.
    RECOMMENDS_DRAFT = "recommendsDraft";
    /// The organ an embedded draft is proposed to.
    PROPOSED_TO = "proposedTo";
    /// The vote on the document.
    HAS_VOTE = "hasVote";
    /// A vote the text reports (on something else).
    REPORTS_VOTE = "reportsVote";
    /// Votes in favour.
    VOTES_IN_FAVOUR = "votesInFavour";
    /// Votes against.
    VOTES_AGAINST = "votesAgainst";
    /// Abstentions.
    ABSTENTIONS = "abstentions";
    /// What the vote was on: the document or an instrument.
    VOTE_ON = "voteOn";
    /// What the vote was on, as printed, when it is no known document or instrument.
    VOTE_ON_TEXT = "voteOnText";
    /// Who voted.
    VOTED_BY = "votedBy";
    /// How the vote was taken.
    VOTE_METHOD = "voteMethod";
    /// The outcome.
    VOTE_OUTCOME = "voteOutcome";
    /// A State that voted in favour.
    VOTED_IN_FAVOUR = "votedInFavour";
    /// A State that voted against.
    VOTED_AGAINST = "votedAgainst";
    /// A State that abstained.
    ABSTAINED = "abstained";
    /// A meeting's number.
    MEETING_NUMBER = "meetingNumber";
    /// Whether a meeting is plenary.
    PLENARY = "plenary";
    /// The session number.
    SESSION = "session";
    /// An agenda item.
    AGENDA_ITEM = "agendaItem";
    /// On whose report or proposal it was adopted.
    ORIGIN = "origin";
    /// The printed adoption line.
    ADOPTION_LINE = "adoptionLine";
    /// An instrument's date of adoption.
    DATE_ADOPTED = "dateAdopted";
    /// ISO 3166-1 alpha-3 code of a State.
    ISO_CODE = "isoCode";
    /// Kind of an instrument (convention, protocol …).
    KIND = "kind";
}

terms! { "http://data.europa.eu/eli/ontology#";
    /// Containment, parent → child.
    HAS_PART = "has_part";
    /// Containment, child → parent.
    IS_PART_OF = "is_part_of";
    /// Date of the document.
    DATE_DOCUMENT = "date_document";
    /// Work → expression.
    IS_REALIZED_BY = "is_realized_by";
    /// Expression → work.
    REALIZES = "realizes";
}

terms! { "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// rdf:type.
    TYPE = "type";
}

terms! { "http://www.w3.org/2000/01/rdf-schema#";
    /// rdfs:label.
    LABEL = "label";
}

terms! { "http://www.w3.org/2002/07/owl#";
    /// owl:sameAs.
    SAME_AS = "sameAs";
}

terms! { "http://purl.org/dc/terms/";
    /// dcterms:title.
    TITLE = "title";
    /// dcterms:language.
    LANGUAGE = "language";
    /// dcterms:issued.
    ISSUED = "issued";
    /// dcterms:subject.
    SUBJECT = "subject";
    /// dcterms:date.
    DATE = "date";
    /// dcterms:isPartOf: a cited part in its cited document (the converted document's own
    /// parts use `eli:is_part_of`, both ways).
    DC_IS_PART_OF = "isPartOf";
}

terms! { "http://www.w3.org/2004/02/skos/core#";
    /// skos:prefLabel.
    PREF_LABEL = "prefLabel";
}

terms! { "http://www.w3.org/2001/XMLSchema#";
    /// xsd:integer.
    INTEGER = "integer";
    /// xsd:date.
    XSD_DATE = "date";
    /// xsd:boolean.
    BOOLEAN = "boolean";
    /// xsd:string.
    STRING = "string";
}
