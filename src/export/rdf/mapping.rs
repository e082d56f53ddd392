//! The model as triples: one function per kind of node, all IRIs from `model::ids`.
//!
//! Layout of the graph (DESIGN §4–5): the document is a Work with its structure at the work
//! level (`{work}/~{eId}`: types, numbers, positions, containment with `eli:has_part` and
//! its inverse `eli:is_part_of` both written, footnotes, actions, votes) and its text at the expression level (`{expression}/~{eId}`:
//! `unlod:text`, `unlod:leadPhrase`, language-tagged), linked by `eli:realizes`.

use super::vocab::*;
use super::{Graph, Object, Triple, same};
use crate::export::ExportOptions;
use crate::model::ids::{self, Iris};
use crate::model::{
    Action, ActorKind, ActorRef, Body, CitedDocument, Clause, DocKind, Embedded, Item, MentionKind, Point, Resolution,
    Text, Vote, VoteMethod, VoteOutcome, VoteSubject,
};
use crate::words::words;
use std::sync::Arc;

/// Maps a resolution to its graph.
pub fn map(res: &Resolution, opts: &ExportOptions) -> Graph {
    let iris = Iris::new(&opts.base, res, &opts.name);
    let lang = if res.meta.language.is_empty() { "en".to_string() } else { res.meta.language.clone() };
    // Sized beforehand: the triples of a large document grew the vector a dozen times, each
    // a copy of all of them.
    let (texts, marks) = ids::text_counts(res);
    let mut m = Mapper {
        res,
        footnotes: ids::footnotes(res),
        components: ids::components(res),
        iris,
        lang,
        out: Vec::with_capacity(64 + 16 * (texts + res.footnotes.len()) + 2 * marks),
        described: foldhash::HashSet::default(),
        subjects: Vec::with_capacity(RECENT_SUBJECTS),
        actors: vec![None; res.actors.len()],
        citations: vec![None; res.citations.len()],
        instruments: vec![None; res.instruments.len()],
    };
    m.document();
    let triples = group_by_subject(m.out);
    Graph { name: m.iris.expression.clone(), triples }
}

/// Orders the triples as Turtle groups them: subjects in the order they were first described
/// (the document's order: the document, then its parts from first to last), and under each
/// its type first, then by predicate and object; duplicates are dropped.
///
/// Subjects are ranked once, so that sorting compares integers and short predicate IRIs
/// rather than long subject IRIs that share most of their bytes (the lexicographic sort this
/// replaces took a tenth of a whole conversion).
fn group_by_subject(triples: Vec<Triple>) -> Vec<Triple> {
    let mut rank: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(triples.len() / 4, Default::default());
    let mut ranks = Vec::with_capacity(triples.len());
    let mut last: Option<(&Arc<str>, usize)> = None;
    for t in &triples {
        let r = match last {
            Some((s, r)) if same(s, &t.s) => r,
            _ => {
                let next = rank.len();
                *rank.entry(&t.s).or_insert(next)
            }
        };
        last = Some((&t.s, r));
        ranks.push(r);
    }
    // Subjects first, by their integer rank: a counting sort (stable, linear), each triple
    // moved once, where a comparison sort of the (rank, triple) pairs moved the large triples
    // about and took 2.5 % of a conversion. Then each subject's few triples among
    // themselves: string comparisons stay inside groups of a handful.
    let mut starts = vec![0usize; rank.len() + 1];
    for &r in &ranks {
        if let Some(n) = starts.get_mut(r + 1) {
            *n += 1;
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(i) {
            *n += before;
        }
    }
    let mut slots: Vec<Option<Triple>> = (0..triples.len()).map(|_| None).collect();
    for (t, r) in triples.into_iter().zip(ranks) {
        if let Some(at) = starts.get_mut(r) {
            if let Some(slot) = slots.get_mut(*at) {
                *slot = Some(t);
            }
            *at += 1;
        }
    }
    // Sized beforehand: collected from `flatten`, which gives no size, the vector was grown
    // (and copied) a dozen times.
    let mut out: Vec<Triple> = Vec::with_capacity(slots.len());
    out.extend(slots.into_iter().flatten());
    for group in out.chunk_by_mut(|a, b| same(&a.s, &b.s)) {
        group.sort_unstable_by(|a, b| (a.p != TYPE, a.p, &a.o).cmp(&(b.p != TYPE, b.p, &b.o)));
    }
    out.dedup_by(|a, b| a.p == b.p && a.o == b.o && same(&a.s, &b.s));
    out
}

struct Mapper<'a> {
    res: &'a Resolution,
    iris: Iris,
    lang: String,
    footnotes: Vec<String>,
    components: Vec<&'a Embedded>,
    out: Vec<Triple>,
    /// Actors, instruments and cited documents described so far, by IRI: each is described
    /// once however often the text names it (a State named in forty paragraphs).
    described: foldhash::HashSet<String>,
    /// The subjects of the last triples added, shared by the triples that follow.
    subjects: Vec<Arc<str>>,
    /// The IRIs of the resolution's actors, citations and instruments, by index, once
    /// described: most mentions are of a node described already, and building its IRI again
    /// (a slug, a copy, a set lookup) was a fifth of the mapping.
    actors: Vec<Option<Arc<str>>>,
    citations: Vec<Option<Arc<str>>>,
    instruments: Vec<Option<Arc<str>>>,
}

/// The nodes of a resolution's tables that [`Mapper`] describes once, by index.
#[derive(Clone, Copy)]
enum Node {
    Actor,
    Citation,
    Instrument,
}

/// How many recent subjects [`Mapper::subject`] keeps.
const RECENT_SUBJECTS: usize = 4;

fn int(n: impl ToString) -> Object {
    Object::Typed(n.to_string(), INTEGER)
}

fn date(d: crate::model::Date) -> Object {
    Object::Typed(d.to_string(), XSD_DATE)
}

fn string(s: &str) -> Object {
    Object::Typed(s.to_string(), STRING)
}

impl Mapper<'_> {
    fn add(&mut self, s: &str, p: &'static str, o: Object) {
        let s = self.subject(s);
        self.out.push(Triple { s, p, o });
    }

    /// The shared form of a subject IRI: nodes are described a few triples at a time, often
    /// two in turn (a part and its expression), so the last few are kept.
    fn subject(&mut self, s: &str) -> Arc<str> {
        if let Some(known) = self.subjects.iter().find(|k| &***k == s) {
            return known.clone();
        }
        let new: Arc<str> = Arc::from(s);
        if self.subjects.len() == RECENT_SUBJECTS {
            self.subjects.remove(0);
        }
        self.subjects.push(new.clone());
        new
    }

    fn iri(&mut self, s: &str, p: &'static str, o: &str) {
        self.add(s, p, Object::Iri(o.to_string()));
    }

    fn text(&mut self, s: &str, p: &'static str, t: &str) {
        if !t.is_empty() {
            self.add(s, p, Object::Lang(t.to_string(), self.lang.clone()));
        }
    }

    fn document(&mut self) {
        let res = self.res;
        let work = self.iris.work.clone();
        let expr = self.iris.expression.clone();
        let class = match res.meta.kind {
            DocKind::Decision => DECISION,
            DocKind::DraftResolution => DRAFT_RESOLUTION,
            DocKind::DraftDecision => DRAFT_DECISION,
            _ => RESOLUTION,
        };
        self.iri(&work, TYPE, class);
        self.iri(&work, IS_REALIZED_BY, &expr);
        self.iri(&expr, TYPE, EXPRESSION);
        self.iri(&expr, REALIZES, &work);
        // An IRI, as UNDO does (`undo:Language` individuals): the language as a thing, not a string.
        self.iri(&expr, LANGUAGE, &format!("{ISO639_1}{}", self.lang));
        if let Some(sym) = &res.meta.symbol {
            self.add(&work, SYMBOL, string(sym));
            self.iri(&work, SAME_AS, &ids::undocs(sym));
        }
        if let Some(n) = &res.meta.number {
            self.add(&work, NUMBER, string(n));
        }
        if let Some(t) = &res.meta.title {
            self.text(&expr, TITLE, t);
        }
        if let Some(s) = &res.meta.session
            && let Some(n) = s.number
        {
            self.add(&work, SESSION, int(n));
        }
        for a in &res.meta.agenda_items {
            self.add(&work, AGENDA_ITEM, string(a));
        }
        if let Some(o) = &res.meta.origin {
            self.text(&expr, ORIGIN, o);
        }
        if let Some(d) = res.meta.issued {
            self.add(&expr, ISSUED, date(d));
        }
        for s in &res.subjects {
            self.iri(&work, SUBJECT, &s.iri);
        }
        if let Some(o) = &res.meta.organ {
            let a = self.actor(&o.actor);
            self.iri(&work, ENACTED_BY, &a);
        }
        // Adoption.
        let ad = &res.adoption;
        if let Some(d) = ad.date {
            self.add(&work, DATE_DOCUMENT, date(d));
        }
        if let Some(line) = &ad.line {
            self.text(&expr, ADOPTION_LINE, line);
        }
        if let Some(mt) = &ad.meeting {
            let akn = res.meta.organ.as_ref().map_or("un", |o| o.akn.as_str());
            let d = ad.date.map(|d| d.to_string());
            let iri = self.iris.meeting(akn, d.as_deref(), mt.number, mt.plenary);
            self.iri(&iri, TYPE, MEETING);
            self.add(&iri, LABEL, Object::Lang(mt.printed.clone(), self.lang.clone()));
            if let Some(n) = mt.number {
                self.add(&iri, MEETING_NUMBER, int(n));
            }
            self.add(&iri, PLENARY, Object::Typed(mt.plenary.to_string(), BOOLEAN));
            if let Some(d) = ad.date {
                self.add(&iri, DATE, date(d));
            }
            self.iri(&work, ADOPTED_AT, &iri);
        }
        if let Some(v) = &ad.vote {
            let iri = self.iris.work_part("vote_adoption");
            self.vote(&iri, v);
            self.iri(&work, HAS_VOTE, &iri);
            self.iri(&iri, VOTE_ON, &work);
        }
        // Structure.
        self.body("", &work, &res.body);
        for part in &res.parts {
            let eid = ids::part(&part.label);
            let node = self.iris.work_part(&eid);
            self.iri(&node, TYPE, RESOLUTION);
            self.add(&node, NUMBER, string(&part.label));
            self.link(&work, &node);
            if let Some(t) = &part.title {
                let e = self.part_expression(&eid, &node);
                self.text(&e, TITLE, t);
            }
            let prefix = ids::part_prefix(&part.label);
            self.body(&prefix, &node, &part.body);
        }
        for (n, annex) in res.annexes.iter().enumerate() {
            let eid = ids::annex(n + 1);
            let node = self.iris.work_part(&eid);
            self.iri(&node, TYPE, ANNEX);
            self.add(&node, POSITION, int(n + 1));
            self.link(&work, &node);
            if !annex.label.is_empty() || annex.headings.iter().any(|h| !h.text.is_empty()) {
                let e = self.part_expression(&eid, &node);
                self.text(&e, LABEL, &annex.label);
                for h in &annex.headings {
                    self.text(&e, HEADING, &h.text);
                }
            }
            for h in &annex.headings {
                self.notes(&node, h);
            }
            self.items(&eid, &node, &annex.items, 0);
        }
        // Footnotes.
        for (i, f) in res.footnotes.iter().enumerate() {
            let eid = self.footnotes.get(i).cloned().unwrap_or_default();
            let node = self.iris.work_part(&eid);
            self.iri(&node, TYPE, FOOTNOTE);
            self.add(&node, MARKER, string(&f.marker));
            self.link(&work, &node);
            // A footnote whose text the source lost has no text node.
            if !f.text.text.is_empty() {
                let e = self.part_expression(&eid, &node);
                self.text(&e, TEXT, &f.text.text);
            }
            self.links(&node, &f.text);
        }
        // Votes the text reports.
        for (k, v) in res.reported_votes.iter().enumerate() {
            let holder = match v.footnote.and_then(|f| self.footnotes.get(f)) {
                Some(eid) => eid.clone(),
                None => "vote".to_string(),
            };
            let iri = self.iris.work_part(&ids::join(&holder, &format!("vote_{}", k + 1)));
            self.vote(&iri, v);
            self.iri(&work, REPORTS_VOTE, &iri);
            if v.footnote.is_some() {
                let ftn = self.iris.work_part(&holder);
                self.iri(&ftn, REPORTS_VOTE, &iri);
            }
        }
    }

    fn part_expression(&mut self, eid: &str, work_node: &str) -> String {
        let e = self.iris.expression_part(eid);
        self.iri(&e, TYPE, PART_EXPRESSION);
        self.iri(&e, REALIZES, work_node);
        e
    }

    fn link(&mut self, parent: &str, child: &str) {
        self.iri(parent, HAS_PART, child);
        self.iri(child, IS_PART_OF, parent);
    }

    fn body(&mut self, prefix: &str, parent: &str, body: &Body) {
        if let Some(f) = &body.formula {
            let eid = ids::formula(prefix);
            let node = self.iris.work_part(&eid);
            self.iri(&node, TYPE, ENACTING_FORMULA);
            let e = self.part_expression(&eid, &node);
            self.text(&e, TEXT, &f.text);
            self.links(&node, f);
            self.iri(&node, IS_PART_OF, parent);
            self.iri(parent, HAS_PART, &node);
        }
        self.preamble(prefix, parent, &body.preamble);
        self.items(prefix, parent, &body.main, body.preamble.len());
    }

    fn preamble(&mut self, prefix: &str, parent: &str, clauses: &[Clause]) {
        let eids = ids::preamble(prefix, clauses.len());
        for (i, (c, eid)) in clauses.iter().zip(eids).enumerate() {
            self.clause(parent, &eid, c, PREAMBULAR_PARAGRAPH, i + 1);
        }
    }

    /// The items of an operative part or annex; positions continue after `before` siblings
    /// (the preambular paragraphs of the same parent).
    fn items(&mut self, prefix: &str, parent: &str, items: &[Item], before: usize) {
        let eids = ids::items(prefix, items);
        let mut pos = before;
        for (item, eid) in items.iter().zip(eids) {
            pos += 1;
            match item {
                Item::Clause(c) => self.clause(parent, &eid, c, OPERATIVE_PARAGRAPH, pos),
                Item::Section(s) => {
                    let node = self.iris.work_part(&eid);
                    self.iri(&node, TYPE, SECTION);
                    self.add(&node, POSITION, int(pos));
                    if let Some(n) = &s.num {
                        self.add(&node, NUMBER, string(n));
                    }
                    self.link(parent, &node);
                    if let Some(h) = &s.heading {
                        let e = self.part_expression(&eid, &node);
                        self.text(&e, HEADING, &h.text);
                        self.notes(&node, h);
                    }
                    self.preamble(&eid, &node, &s.preamble);
                    self.items(&eid, &node, &s.items, s.preamble.len());
                }
                Item::Table(t) => {
                    let node = self.iris.work_part(&eid);
                    self.iri(&node, TYPE, TABLE);
                    self.add(&node, POSITION, int(pos));
                    self.link(parent, &node);
                    let e = self.part_expression(&eid, &node);
                    let text: Vec<String> = t
                        .rows
                        .iter()
                        .map(|r| r.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | "))
                        .collect();
                    self.text(&e, TEXT, &text.join("\n"));
                    for cell in t.rows.iter().flatten() {
                        self.notes(&node, cell);
                    }
                }
            }
        }
    }

    fn clause(&mut self, parent: &str, eid: &str, c: &Clause, class: &'static str, position: usize) {
        let node = self.iris.work_part(eid);
        self.iri(&node, TYPE, class);
        self.add(&node, POSITION, int(position));
        if let Some(n) = &c.num {
            self.add(&node, NUMBER, string(n));
        }
        self.link(parent, &node);
        let e = self.part_expression(eid, &node);
        self.text(&e, TEXT, &c.text.text);
        if let Some(h) = &c.heading {
            self.text(&e, HEADING, &h.text);
            self.notes(&node, h);
        }
        if let Some(l) = &c.lead {
            self.text(&e, LEAD_PHRASE, l);
        }
        self.notes(&node, &c.text);
        self.points(eid, &node, &c.points);
        if let Some(w) = &c.wrap_up {
            let weid = ids::join(eid, "wrapUp");
            let e = self.iris.expression_part(&weid);
            self.iri(&e, TYPE, PART_EXPRESSION);
            self.iri(&e, REALIZES, &node);
            self.text(&e, TEXT, &w.text);
            self.notes(&node, w);
        }
        self.actions(eid, &node, &c.actions);
        for emb in &c.embedded {
            self.embedded(&node, emb);
        }
    }

    /// `unlod:hasAction` for each action of the paragraph or sub-paragraph `node`, in order.
    fn actions(&mut self, eid: &str, node: &str, actions: &[Action]) {
        for (k, a) in actions.iter().enumerate() {
            let anode = self.iris.work_part(&ids::join(eid, &format!("action_{}", k + 1)));
            self.iri(&anode, TYPE, ACTION);
            self.add(&anode, VERB, string(&a.base));
            self.add(&anode, POSITION, int(k + 1));
            if let Some(ai) = a.addressee.and_then(|i| self.actor_at(i)) {
                self.iri(&anode, ADDRESSEE, &ai);
            }
            self.iri(node, HAS_ACTION, &anode);
        }
    }

    fn points(&mut self, parent_eid: &str, parent: &str, points: &[Point]) {
        let eids = ids::points(parent_eid, points);
        for (i, (p, eid)) in points.iter().zip(eids).enumerate() {
            let node = self.iris.work_part(&eid);
            self.iri(&node, TYPE, SUB_PARAGRAPH);
            self.add(&node, POSITION, int(i + 1));
            if let Some(n) = p.num.as_deref().filter(|n| *n != "-") {
                self.add(&node, NUMBER, string(n));
            }
            self.link(parent, &node);
            let e = self.part_expression(&eid, &node);
            self.text(&e, TEXT, &p.text.text);
            if let Some(h) = &p.heading {
                self.text(&e, HEADING, &h.text);
                self.notes(&node, h);
            }
            self.notes(&node, &p.text);
            self.points(&eid, &node, &p.points);
            if let Some(w) = &p.wrap_up {
                let weid = ids::join(&eid, "wrapUp");
                let we = self.iris.expression_part(&weid);
                self.iri(&we, TYPE, PART_EXPRESSION);
                self.iri(&we, REALIZES, &node);
                self.text(&we, TEXT, &w.text);
                self.notes(&node, w);
            }
            self.actions(&eid, &node, &p.actions);
        }
    }

    fn embedded(&mut self, parent: &str, emb: &Embedded) {
        let eid = ids::component(ids::component_number(&self.components, emb));
        let node = self.iris.work_part(&eid);
        let class = match emb.kind {
            DocKind::DraftResolution => DRAFT_RESOLUTION,
            DocKind::DraftDecision => DRAFT_DECISION,
            DocKind::Declaration => DECLARATION,
            DocKind::Resolution => RESOLUTION,
            DocKind::Decision => DECISION,
            DocKind::Other => EMBEDDED_TEXT,
        };
        self.iri(&node, TYPE, class);
        self.link(parent, &node);
        if matches!(emb.kind, DocKind::DraftResolution | DocKind::DraftDecision) {
            let work = self.iris.work.clone();
            self.iri(&work, RECOMMENDS_DRAFT, &node);
        }
        if let Some(o) = &emb.organ {
            let a = self.actor(&o.actor);
            self.iri(&node, PROPOSED_TO, &a);
        }
        if let Some(t) = &emb.title {
            let e = self.part_expression(&eid, &node);
            self.text(&e, TITLE, t);
        }
        self.body(&eid, &node, &emb.body);
    }

    /// `unlod:hasFootnote` for every footnote a text calls, and its links.
    fn notes(&mut self, node: &str, t: &Text) {
        for call in &t.notes {
            if let Some(eid) = self.footnotes.get(call.footnote).cloned() {
                let f = self.iris.work_part(&eid);
                self.iri(node, HAS_FOOTNOTE, &f);
            }
        }
        self.links(node, t);
    }

    /// `unlod:cites` for every document a text cites, `unlod:mentions` for every actor and
    /// instrument it names.
    fn links(&mut self, node: &str, t: &Text) {
        for m in &t.mentions {
            match m.what {
                MentionKind::Citation(i) => {
                    if let Some(ci) = self.cited_at(i) {
                        self.iri(node, CITES, &ci);
                        if !m.pinpoints.is_empty() {
                            let part = self.cited_part(&ci, &m.pinpoints);
                            self.iri(node, CITES_PART, &part);
                        }
                    }
                }
                MentionKind::Actor(i) => {
                    if let Some(ai) = self.actor_at(i) {
                        self.iri(node, MENTIONS, &ai);
                    }
                }
                MentionKind::Instrument(i) => {
                    if let Some(ii) = self.instrument_at(i) {
                        self.iri(node, MENTIONS, &ii);
                    }
                }
                MentionKind::Date(_) => {}
            }
        }
    }

    /// Describes the `i`-th actor of the resolution, the first time, and returns its IRI.
    fn actor_at(&mut self, i: usize) -> Option<Arc<str>> {
        self.node_at(Node::Actor, i)
    }

    /// Describes the `i`-th cited document, the first time, and returns its IRI.
    fn cited_at(&mut self, i: usize) -> Option<Arc<str>> {
        self.node_at(Node::Citation, i)
    }

    /// Describes the `i`-th instrument, the first time, and returns its IRI.
    fn instrument_at(&mut self, i: usize) -> Option<Arc<str>> {
        self.node_at(Node::Instrument, i)
    }

    /// Describes the `i`-th node of a kind, the first time, and returns its IRI.
    fn node_at(&mut self, kind: Node, i: usize) -> Option<Arc<str>> {
        if let Some(Some(iri)) = self.described_nodes(kind).get(i) {
            return Some(iri.clone());
        }
        let res = self.res;
        let iri: Arc<str> = match kind {
            Node::Actor => self.actor(res.actors.get(i)?),
            Node::Citation => self.cited(res.citations.get(i)?),
            Node::Instrument => self.instrument(res.instruments.get(i)?),
        }
        .into();
        if let Some(slot) = self.described_nodes(kind).get_mut(i) {
            *slot = Some(iri.clone());
        }
        Some(iri)
    }

    /// The IRIs of the nodes of a kind described so far, by index.
    fn described_nodes(&mut self, kind: Node) -> &mut Vec<Option<Arc<str>>> {
        match kind {
            Node::Actor => &mut self.actors,
            Node::Citation => &mut self.citations,
            Node::Instrument => &mut self.instruments,
        }
    }

    /// Describes a cited document and returns its IRI.
    fn cited(&mut self, c: &CitedDocument) -> String {
        let when = c.date.map(|d| d.to_string());
        let iri = self.iris.cited(&c.symbol, c.akn.as_deref(), when.as_deref(), c.number.as_deref());
        let class = match c.kind {
            Some(DocKind::Resolution) => RESOLUTION,
            Some(DocKind::Decision) => DECISION,
            _ => DOCUMENT,
        };
        // Keyed by symbol too: two documents may share an IRI (a resolution and a decision
        // with the same number and date) and both are described.
        if !self.described.insert(format!("{iri} {}", c.symbol)) {
            return iri;
        }
        self.iri(&iri, TYPE, class);
        self.add(&iri, SYMBOL, string(&c.symbol));
        self.iri(&iri, SAME_AS, &ids::undocs(&c.symbol));
        if let Some(n) = &c.number {
            self.add(&iri, NUMBER, string(n));
        }
        if let Some(d) = c.date {
            self.add(&iri, DATE_DOCUMENT, date(d));
        }
        if let Some(key) = &c.organ {
            let name = words().organ(key).map_or_else(|| key.clone(), |o| o.name.clone());
            let a = self.actor(&ActorRef { key: key.clone(), kind: ActorKind::Organization, name });
            self.iri(&iri, ENACTED_BY, &a);
        }
        iri
    }

    /// Describes the part of a cited document that a citation's words name and returns its
    /// IRI.
    fn cited_part(&mut self, cited: &str, pinpoints: &[String]) -> String {
        let iri = ids::cited_part(cited, pinpoints);
        if self.described.insert(iri.clone()) {
            self.iri(&iri, TYPE, CITED_PART);
            self.iri(&iri, DC_IS_PART_OF, cited);
            self.add(&iri, PINPOINT, string(&pinpoints.join(", ")));
        }
        iri
    }

    fn vote(&mut self, iri: &str, v: &Vote) {
        self.iri(iri, TYPE, VOTE);
        let method = match v.method {
            VoteMethod::Counted => "counted",
            VoteMethod::Recorded => "recorded",
            VoteMethod::Unanimous => "unanimous",
            VoteMethod::WithoutVote => "withoutVote",
        };
        self.add(iri, VOTE_METHOD, string(method));
        if let Some(o) = v.outcome {
            self.add(iri, VOTE_OUTCOME, string(if o == VoteOutcome::Adopted { "adopted" } else { "notAdopted" }));
        }
        if let Some(n) = v.in_favour {
            self.add(iri, VOTES_IN_FAVOUR, int(n));
        }
        if let Some(n) = v.against {
            self.add(iri, VOTES_AGAINST, int(n));
        }
        if let Some(n) = v.abstentions {
            self.add(iri, ABSTENTIONS, int(n));
        }
        if let Some(p) = &v.printed {
            self.add(iri, LABEL, Object::Lang(p.clone(), self.lang.clone()));
        }
        match &v.subject {
            VoteSubject::ThisDocument => {}
            VoteSubject::Instrument(i) => {
                if let Some(ii) = self.instrument_at(*i) {
                    self.iri(iri, VOTE_ON, &ii);
                }
            }
            VoteSubject::Named(n) => self.add(iri, VOTE_ON_TEXT, Object::Lang(n.clone(), self.lang.clone())),
        }
        if let Some(ai) = v.by.and_then(|i| self.actor_at(i)) {
            self.iri(iri, VOTED_BY, &ai);
        }
        for (list, p) in [
            (&v.voters.in_favour, VOTED_IN_FAVOUR),
            (&v.voters.against, VOTED_AGAINST),
            (&v.voters.abstaining, ABSTAINED),
        ] {
            for i in list {
                if let Some(ai) = self.actor_at(*i) {
                    self.iri(iri, p, &ai);
                }
            }
        }
    }

    /// Describes an actor and returns its IRI.
    fn actor(&mut self, a: &ActorRef) -> String {
        let w = words();
        let (iri, class) = match a.kind {
            ActorKind::State => (self.iris.state(&a.key), STATE),
            ActorKind::Official => (self.iris.actor(&a.key), OFFICIAL),
            ActorKind::Group => (self.iris.actor(&a.key), GROUP),
            ActorKind::Organization => (self.iris.actor(&a.key), ORGANIZATION),
        };
        // Looked up before a copy is made: most mentions are of a node described already.
        if self.described.contains(&iri) {
            return iri;
        }
        self.described.insert(iri.clone());
        self.iri(&iri, TYPE, class);
        self.add(&iri, PREF_LABEL, Object::Lang(a.name.clone(), "en".to_string()));
        let wikidata = match a.kind {
            ActorKind::State => {
                if a.key.len() == 3 && a.key.chars().all(|c| c.is_ascii_uppercase()) {
                    self.add(&iri, ISO_CODE, string(&a.key));
                }
                w.states.iter().find(|s| s.iso3 == a.key).and_then(|s| s.wikidata.clone())
            }
            _ => w.organ(&a.key).and_then(|o| o.wikidata.clone()),
        };
        if let Some(q) = wikidata {
            self.iri(&iri, SAME_AS, &format!("{WD}{q}"));
        }
        iri
    }

    /// Describes an instrument and returns its IRI.
    fn instrument(&mut self, ins: &crate::model::Instrument) -> String {
        let iri = self.iris.instrument(&ins.key);
        // Looked up before a copy is made: most mentions are of a node described already.
        if self.described.contains(&iri) {
            return iri;
        }
        self.described.insert(iri.clone());
        self.iri(&iri, TYPE, INSTRUMENT);
        self.add(&iri, PREF_LABEL, Object::Lang(ins.name.clone(), "en".to_string()));
        self.add(&iri, KIND, string(&ins.kind));
        if let Some(d) = ins.adopted {
            self.add(&iri, DATE_ADOPTED, date(d));
        }
        if let Some(q) = &ins.wikidata {
            self.iri(&iri, SAME_AS, &format!("{WD}{q}"));
        }
        iri
    }
}
