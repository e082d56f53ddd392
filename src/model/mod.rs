//! The model: one resolution as plain data.
//!
//! Everything unlod knows about a document ends up here, and every exporter reads only this.
//! The model holds no IRIs, no XML names and no RDF terms: [`ids`] derives identifiers from
//! it, once, for all exporters. Every node keeps the [`Span`] of the source bytes it came
//! from, so that errors and triples can name their line.
//!
//! Texts are stand-off annotated: a [`Text`] is the clean string (no Markdown, no footnote
//! markers) plus sorted lists of what sits at which byte range of it (footnote calls,
//! emphasis, recognised citations, actors, instruments, dates).

pub mod counts;
pub mod date;
pub mod ids;

use serde::{Deserialize, Serialize};

pub use date::Date;

/// A byte range `start..end` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span holding both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What kind of document this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DocKind {
    /// An adopted resolution.
    #[default]
    Resolution,
    /// An adopted decision.
    Decision,
    /// A draft resolution (embedded in another resolution, or put to the vote and not adopted).
    DraftResolution,
    /// A draft decision.
    DraftDecision,
    /// A declaration adopted by the resolution that carries it.
    Declaration,
    /// Any other embedded text (a programme of action, rules, an agreement).
    Other,
}

impl DocKind {
    /// The AKN4UN `name` of a document of this kind (`resolution`, `draftResolution`, …).
    pub fn akn_name(self) -> &'static str {
        match self {
            DocKind::Resolution => "resolution",
            DocKind::Decision => "decision",
            DocKind::DraftResolution => "draftResolution",
            DocKind::DraftDecision => "draftDecision",
            DocKind::Declaration => "declaration",
            DocKind::Other => "text",
        }
    }
}

/// A reference to an actor of the word tables in `ontology/` (an organ, an office, a Member
/// State, an official, a group), or to one only known by its printed name.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActorRef {
    /// The table key (`economic-and-social-council`, `unodc`) or, for a State, its ISO 3166-1
    /// alpha-3 code; for an actor not in the tables, a slug of its name.
    pub key: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Its canonical English name.
    pub name: String,
}

/// The kinds of actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ActorKind {
    /// An organ, body, office, programme, agency or conference.
    #[default]
    Organization,
    /// A Member State or observer State.
    State,
    /// An office holder (Secretary-General, High Commissioner).
    Official,
    /// A group of States or others (Member States, the international community).
    Group,
}

/// One converted resolution (or decision, or draft).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// What is known from the cover page and preface.
    pub meta: Meta,
    /// The operative text. For a symbol with several resolutions (A, B, …) it is empty and
    /// [`Resolution::parts`] holds them.
    pub body: Body,
    /// Several resolutions printed under one symbol (`A/RES/76/84 A-B`), in order.
    pub parts: Vec<Part>,
    /// Footnotes of the whole document, in the order of their markers.
    pub footnotes: Vec<Footnote>,
    /// Annexes, in order.
    pub annexes: Vec<Annex>,
    /// The conclusions: meeting, date and manner of adoption.
    pub adoption: Adoption,
    /// Votes reported in the text that are not the adoption of this document (footnote 3 of
    /// the ECOSOC 2011/31 example: a conference's votes on a convention and a protocol).
    pub reported_votes: Vec<Vote>,
    /// Documents cited anywhere in the text, each once, in order of first citation.
    pub citations: Vec<CitedDocument>,
    /// Named instruments mentioned anywhere in the text, each once, in order of first mention.
    pub instruments: Vec<Instrument>,
    /// Actors mentioned anywhere in the text, each once, in order of first mention.
    pub actors: Vec<ActorRef>,
    /// Subject keywords (UNBIS, SDG, EuroVoc IRIs) where the source carries them.
    pub subjects: Vec<Subject>,
    /// The steps of the document's history where the source records them (AKN `<workflow>`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workflow: Vec<WorkflowStep>,
    /// The span of the whole source.
    pub span: Span,
}

/// Cover page and preface facts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Resolution, decision, draft …
    pub kind: DocKind,
    /// ISO 639-1 language of the text (`en`, `fr`, `es`).
    pub language: String,
    /// The enacting organ.
    pub organ: Option<Organ>,
    /// The document symbol as normalised (`E/RES/2011/31`, `S/RES/1373 (2001)`).
    pub symbol: Option<String>,
    /// The printed number (`2011/31`, `65/232`, `1373 (2001)`), without a final full stop.
    pub number: Option<String>,
    /// Whether the number is printed on the cover page ("Resolution 1325 (2000)", kept in
    /// [`Meta::cover`]) rather than in a preface line of its own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_in_cover: bool,
    /// The title.
    pub title: Option<String>,
    /// The session (`67` for "sixty-seventh session", `2023` for an ECOSOC session).
    pub session: Option<Session>,
    /// Agenda items as printed (`19 (a)`).
    pub agenda_items: Vec<String>,
    /// Agenda item title, where printed.
    pub agenda_title: Option<String>,
    /// The line that says on whose report or proposal it was adopted
    /// (`[on the report of the Third Committee (A/78/481)]`), without brackets.
    pub origin: Option<String>,
    /// Date of issuance of the printed document.
    pub issued: Option<Date>,
    /// The lines of the cover page and preface, as printed.
    pub cover: Vec<String>,
    /// The span of the preface.
    pub span: Span,
}

/// The organ that adopts a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organ {
    /// The actor.
    pub actor: ActorRef,
    /// Its AKN4UN actor code in FRBR IRIs (`un-ga`, `un-sc`, `un-ecosoc`, `un-hrc`).
    pub akn: String,
    /// Its symbol prefix (`A/RES/`, `S/RES/`, `E/RES/`, `A/HRC/RES/`).
    pub symbol_prefix: String,
}

/// A session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// As printed (`sixty-seventh session`, `2023 session`).
    pub printed: String,
    /// Its number, where it has one.
    pub number: Option<u32>,
    /// Emergency special (`ES-11`) or special (`S-32`) session.
    pub special: Option<String>,
}

/// One resolution of several printed under one symbol.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Its letter (`A`, `B`).
    pub label: String,
    /// Its title.
    pub title: Option<String>,
    /// Its text.
    pub body: Body,
    /// Its own conclusions, where printed.
    pub adoption: Option<Adoption>,
    /// The span of the part.
    pub span: Span,
}

/// The text of a resolution, of a part, of an embedded draft or of an annex: enacting
/// formula, preamble and operative part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    /// The enacting formula (`The Economic and Social Council`), without its final comma.
    pub formula: Option<Text>,
    /// Preambular paragraphs, in order.
    pub preamble: Vec<Clause>,
    /// Operative part: paragraphs and sections, in order.
    pub main: Vec<Item>,
}

/// An element of an operative part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[expect(
    clippy::large_enum_variant,
    reason = "nearly every item is a paragraph; boxing would add an allocation to each"
)]
#[serde(rename_all = "camelCase")]
pub enum Item {
    /// A paragraph.
    Clause(Clause),
    /// A section (I, II, A, B …) with its heading and its paragraphs.
    Section(Section),
    /// A table.
    Table(Table),
}

/// A section of an operative part or of an annex.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Its printed number (`I`, `A`), if any.
    pub num: Option<String>,
    /// Its heading.
    pub heading: Option<Text>,
    /// Preambular paragraphs of its own, before its operative paragraphs (a section of a
    /// budget resolution that recalls before it decides).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Clause>,
    /// Its content.
    pub items: Vec<Item>,
    /// Its span.
    pub span: Span,
}

/// A preambular or operative paragraph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// A heading printed above it among paragraphs that have no sections ("Humanitarian
    /// situation and displacement" in a preamble).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Text>,
    /// The printed number (`3`), without its full stop.
    pub num: Option<String>,
    /// The lead phrase (`Recalling also`, `Urges`), a prefix of the text.
    pub lead: Option<String>,
    /// The text, lead phrase included, numbers and footnote markers excluded.
    pub text: Text,
    /// Sub-paragraphs.
    pub points: Vec<Point>,
    /// Text that follows the sub-paragraphs (AKN `wrapUp`), if any.
    pub wrap_up: Option<Text>,
    /// Documents embedded in this paragraph ("the following draft resolution:").
    pub embedded: Vec<Embedded>,
    /// What the paragraph asks whom to do.
    pub actions: Vec<Action>,
    /// Its span.
    pub span: Span,
}

/// A sub-paragraph: `(a)`, `(i)`, a dash item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// A heading printed above it inside the list ("Military and civilian police tasks").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Text>,
    /// The printed label without brackets (`a`, `ii`, `-`).
    pub num: Option<String>,
    /// Its text.
    pub text: Text,
    /// Nested sub-paragraphs.
    pub points: Vec<Point>,
    /// Text after the nested sub-paragraphs, if any.
    pub wrap_up: Option<Text>,
    /// The actions of a sub-paragraph of an operative paragraph that opens with an operative
    /// verb ("(b) Requests the Secretary-General to …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Its span.
    pub span: Span,
}

/// A table (rows of cells).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Rows; the first is the header row when `header` is set.
    pub rows: Vec<Vec<Text>>,
    /// Whether the first row is a header.
    pub header: bool,
    /// Its span.
    pub span: Span,
}

/// A document embedded in a paragraph: a draft recommended to another organ, or a
/// declaration adopted by the resolution.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Embedded {
    /// Draft resolution, draft decision, declaration …
    pub kind: DocKind,
    /// The organ whose formula opens it (`The General Assembly`).
    pub organ: Option<Organ>,
    /// Its label or title (`Draft resolution I`, a declaration's title), if printed.
    pub title: Option<String>,
    /// Its text.
    pub body: Body,
    /// Its span.
    pub span: Span,
}

/// An annex.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annex {
    /// Its label (`Annex`, `Annex I`).
    pub label: String,
    /// Its headings (title, subtitle).
    pub headings: Vec<Text>,
    /// Its content.
    pub items: Vec<Item>,
    /// Its span.
    pub span: Span,
}

/// A footnote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// The printed marker (`1`, `*`).
    pub marker: String,
    /// Its text.
    pub text: Text,
    /// Its span.
    pub span: Span,
}

/// Clean text with stand-off annotations. All offsets are byte offsets into `text`, on
/// character boundaries, and every list is sorted by start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The words, without markup.
    pub text: String,
    /// Footnote calls: the byte offset after the word that carries the call, and the index of
    /// the footnote in [`Resolution::footnotes`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteCall>,
    /// Italic and bold runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub styles: Vec<Styled>,
    /// Recognised mentions (citations, actors, instruments, dates), not overlapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
}

impl Text {
    /// A text with no annotations.
    pub fn plain(text: impl Into<String>) -> Self {
        Text { text: text.into(), ..Text::default() }
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// A footnote call inside a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteCall {
    /// Byte offset in the text.
    pub at: usize,
    /// Index into [`Resolution::footnotes`].
    pub footnote: usize,
}

/// A styled run of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Styled {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The style.
    pub style: Style,
}

/// Text styles kept from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Style {
    /// Italic.
    Italic,
    /// Bold.
    Bold,
    /// Superscript that is not a footnote call (`1<sup>er</sup>`, a table note letter).
    Superscript,
}

/// A recognised run of a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it refers to.
    pub what: MentionKind,
    /// For a citation, the parts of the cited document it names, as printed after the
    /// number (`annex`, `sect. C, para. 3`, `part A`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinpoints: Vec<String>,
}

/// What a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MentionKind {
    /// A cited document: index into [`Resolution::citations`].
    Citation(usize),
    /// An actor: index into [`Resolution::actors`].
    Actor(usize),
    /// A named instrument: index into [`Resolution::instruments`].
    Instrument(usize),
    /// A date.
    Date(Date),
}

/// A document cited by symbol.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedDocument {
    /// The normalised symbol (`A/RES/65/232`, `S/RES/1373 (2001)`, `A/78/481`).
    pub symbol: String,
    /// The organ that adopted it, where it is a resolution or decision.
    pub organ: Option<String>,
    /// Its AKN4UN actor code (`un-ga`), where known.
    pub akn: Option<String>,
    /// Its printed number (`65/232`), where it is a resolution or decision.
    pub number: Option<String>,
    /// Resolution, decision, or `None` for another document.
    pub kind: Option<DocKind>,
    /// Its date of adoption, where printed.
    pub date: Option<Date>,
}

/// A named instrument: convention, protocol, declaration, strategy, the Charter …
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    /// The table key, or a slug of the printed name for an unknown instrument.
    pub key: String,
    /// Convention, protocol, declaration …
    pub kind: String,
    /// Its name.
    pub name: String,
    /// Its Wikidata id, where known.
    pub wikidata: Option<String>,
    /// Its date of adoption, where known.
    pub adopted: Option<Date>,
}

/// A subject keyword.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// The concept IRI (`http://metadata.un.org/thesaurus/1007029`).
    pub iri: String,
    /// Its label, where given.
    pub label: Option<String>,
}

/// One step of a document's history (`draftResolution` submitted, `adopted`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowStep {
    /// What happened (`draftResolution`, `adopted`), as the source names it.
    pub outcome: String,
    /// When, where the source gives a real date.
    pub date: Option<Date>,
    /// The document of the step (`A/75/L.1`, `A/75/PV.3`), where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// By whom, as printed, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// One verb of an operative paragraph and whom it addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The verb as printed (`Urges`, `requests`, `Also calls upon`).
    pub verb: String,
    /// Its base form (`urge`, `request`, `call upon`).
    pub base: String,
    /// Whom it addresses, where the clause names someone: index into
    /// [`Resolution::actors`].
    pub addressee: Option<usize>,
    /// Byte range of the clause text this action covers.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// The conclusions of a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    /// The meeting of adoption.
    pub meeting: Option<Meeting>,
    /// The date of adoption.
    pub date: Option<Date>,
    /// The date as printed.
    pub date_printed: Option<String>,
    /// The adoption line as printed (`Adopted unanimously at the 1382nd meeting.`), where the
    /// text has one beyond the meeting and date.
    pub line: Option<String>,
    /// The vote on this document, where the text reports one.
    pub vote: Option<Vote>,
    /// The span of the conclusions.
    pub span: Span,
}

/// A meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// As printed (`48th plenary meeting`).
    pub printed: String,
    /// Its number.
    pub number: Option<u32>,
    /// Whether it is a plenary meeting.
    pub plenary: bool,
}

/// A vote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// What was voted on.
    pub subject: VoteSubject,
    /// Who voted, where it is not the enacting organ (a conference): index into
    /// [`Resolution::actors`].
    pub by: Option<usize>,
    /// How it was taken.
    pub method: VoteMethod,
    /// The outcome.
    pub outcome: Option<VoteOutcome>,
    /// Votes in favour.
    pub in_favour: Option<u32>,
    /// Votes against (printed "against" or "not in favour").
    pub against: Option<u32>,
    /// Abstentions.
    pub abstentions: Option<u32>,
    /// Who voted how, where listed: indexes into [`Resolution::actors`].
    pub voters: Voters,
    /// The words that report it.
    pub printed: Option<String>,
    /// Where it is printed: `None` for the conclusions, or the footnote index.
    pub footnote: Option<usize>,
    /// Whether the vote comes from metadata rather than printed text.
    pub from_metadata: bool,
}

/// Lists of voters by position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voters {
    /// Voted in favour.
    pub in_favour: Vec<usize>,
    /// Voted against.
    pub against: Vec<usize>,
    /// Abstained.
    pub abstaining: Vec<usize>,
}

/// What a vote was on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VoteSubject {
    /// The document itself.
    #[default]
    ThisDocument,
    /// A named instrument: index into [`Resolution::instruments`].
    Instrument(usize),
    /// Something named only by its printed words.
    Named(String),
}

/// How a vote was taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VoteMethod {
    /// A vote with counts.
    #[default]
    Counted,
    /// A recorded vote (the States are listed).
    Recorded,
    /// Unanimous.
    Unanimous,
    /// Without a vote (by consensus).
    WithoutVote,
}

/// The outcome of a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VoteOutcome {
    /// Adopted.
    Adopted,
    /// Not adopted (too few votes, or the negative vote of a permanent member).
    NotAdopted,
}

impl Resolution {
    /// Every body of the document: the main one or the parts' ones.
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        std::iter::once(&self.body).chain(self.parts.iter().map(|p| &p.body))
    }
}

impl Body {
    /// The operative paragraphs, sections flattened, in order.
    pub fn operative(&self) -> Vec<&Clause> {
        let mut out = Vec::new();
        collect_clauses(&self.main, &mut out);
        out
    }

    /// Whether the body holds nothing.
    pub fn is_empty(&self) -> bool {
        self.formula.is_none() && self.preamble.is_empty() && self.main.is_empty()
    }
}

/// Pushes the clauses of `items`, sections flattened, onto `out`.
pub fn collect_clauses<'a>(items: &'a [Item], out: &mut Vec<&'a Clause>) {
    for item in items {
        match item {
            Item::Clause(c) => out.push(c),
            Item::Section(s) => collect_clauses(&s.items, out),
            Item::Table(_) => {}
        }
    }
}
