//! Akoma Ntoso 3.0 XML following the AKN4UN conventions.
//!
//! `<statement name="resolution">` with FRBR Work, Expression and Manifestation IRIs
//! (DESIGN §4), a cover page, a preface with `docNumber` and `docTitle`, the preamble
//! (`formula name="enactingFormula"`, one `container` per paragraph named by its lead
//! phrase), the main body (numbered `paragraph`s with `num`, sub-paragraphs as `list` and
//! `point`, sections), footnotes as `authorialNote` at their first call and `noteRef` at the
//! others, conclusions with the meeting and `docDate`, annexes as attachments, and embedded
//! drafts as components (`cmp_1`, every eId inside prefixed `cmp_1__`) referred to from
//! their paragraph by a `componentRef`. The output validates against the OASIS schema.

use super::ExportOptions;
use crate::model::ids::{self, Iris};
use crate::model::{
    ActorKind, Adoption, Body, Clause, DocKind, Embedded, Item, Mention, MentionKind, Point, Resolution, Style, Text,
    Vote, VoteMethod,
};
use std::rc::Rc;

/// The Akoma Ntoso namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// `res` as Akoma Ntoso.
pub fn to_string(res: &Resolution, opts: &ExportOptions) -> String {
    let mut w = Akn {
        out: String::with_capacity(64 * 1024),
        depth: 0,
        line_break: false,
        inline: 0,
        res,
        iris: Iris::new(&opts.base, res, &opts.name),
        footnotes: ids::footnotes(res),
        noted: vec![false; res.footnotes.len()],
        called: ids::called(res),
        numbers: ids::components(res),
        components: Vec::new(),
        actor_refs: vec![None; res.actors.len()],
        citation_hrefs: vec![None; res.citations.len()],
        instrument_hrefs: vec![None; res.instruments.len()],
    };
    w.document();
    w.out.push('\n');
    w.out
}

/// Attribute list.
type Attrs<'a> = &'a [(&'a str, &'a str)];

/// The writer: the document so far, indented two spaces a level, and what is needed to go on.
struct Akn<'a> {
    out: String,
    /// How many elements are open (outside mixed content).
    depth: usize,
    /// Whether the next tag starts a new line: after a tag, not after text.
    line_break: bool,
    /// How many elements of mixed content are open: inside them nothing is indented
    /// (indentation inside mixed content would add spaces to the text).
    inline: usize,
    res: &'a Resolution,
    iris: Iris,
    footnotes: Vec<String>,
    /// Whether each footnote's text has been written (at its first call).
    noted: Vec<bool>,
    /// Whether each footnote is called anywhere (the others go in the conclusions).
    called: Vec<bool>,
    /// Embedded documents in walk order, which numbers them.
    numbers: Vec<&'a Embedded>,
    /// Embedded documents met in the main text, written after it as components.
    components: Vec<(usize, &'a Embedded)>,
    /// The attribute values of mentions of the resolution's actors, citations and
    /// instruments, by index, made at the first mention: building them again (a slug, an
    /// IRI, a copy) for each mention was a sixth of the writer.
    actor_refs: Vec<Option<Rc<str>>>,
    citation_hrefs: Vec<Option<Rc<str>>>,
    instrument_hrefs: Vec<Option<Rc<str>>>,
}

/// The value kept at `i` in `cache`, made by `make` the first time.
fn cached(cache: &mut [Option<Rc<str>>], i: usize, make: impl FnOnce() -> String) -> Rc<str> {
    match cache.get_mut(i) {
        Some(Some(v)) => v.clone(),
        Some(slot) => slot.insert(make().into()).clone(),
        None => make().into(),
    }
}

/// How [`escape`] writes a string: as an attribute value, as character data, or as
/// character data whose line feeds are `<eol/>` elements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Attribute,
    Text,
    Lines,
}

/// The bytes [`escape`] looks at: markup, the controls, and the first byte of U+FFFE and
/// U+FFFF.
const SPECIAL: [bool; 256] = byte_table!(0..=0x08 | 0x0A..=0x1F | b'<' | b'>' | b'&' | b'\'' | b'"' | 0xEF);

/// Appends `s` escaped as quick-xml escapes text and attribute values (`<>&'"`), with the
/// characters XML 1.0 cannot carry (the controls but tab, line feed and carriage return,
/// U+FFFE, U+FFFF) replaced by U+FFFD, in one pass. In text a carriage return is written
/// as a character reference: an XML parser would turn a literal one into a line feed.
fn escape(out: &mut String, s: &str, mode: Mode) {
    let bytes = s.as_bytes();
    let (mut from, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if !SPECIAL.get(usize::from(b)).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        let (with, len) = match b {
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'&' => ("&amp;", 1),
            b'\'' => ("&apos;", 1),
            b'"' => ("&quot;", 1),
            b'\r' if mode != Mode::Attribute => ("&#13;", 1),
            b'\n' if mode == Mode::Lines => ("<eol/>", 1),
            b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0..=0x1F => ("\u{FFFD}", 1),
            0xEF if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) => ("\u{FFFD}", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        out.push_str(with);
        i += len;
        from = i;
    }
    out.push_str(s.get(from..).unwrap_or_default());
}

/// Appends a tag's name and its attributes, ` key="value"` each.
fn tag_into(out: &mut String, name: &str, attrs: Attrs<'_>) {
    out.push_str(name);
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape(out, v, Mode::Attribute);
        out.push('"');
    }
}

impl<'a> Akn<'a> {
    /// A line feed and the indentation of the current depth, where a tag starts a line.
    fn break_line(&mut self) {
        if self.inline == 0 && self.line_break {
            self.out.push('\n');
            // Spaces by the slice, not by the character.
            const SPACES: &str = "                                                                ";
            let mut n = 2 * self.depth;
            while n > 0 {
                let k = n.min(SPACES.len());
                self.out.push_str(SPACES.get(..k).unwrap_or_default());
                n -= k;
            }
        }
    }

    /// `<name attrs` without the `>`.
    fn open(&mut self, name: &str, attrs: Attrs<'_>) {
        self.break_line();
        self.out.push('<');
        tag_into(&mut self.out, name, attrs);
    }

    fn start(&mut self, name: &str, attrs: Attrs<'_>) {
        self.open(name, attrs);
        self.out.push('>');
        if self.inline == 0 {
            self.depth += 1;
            self.line_break = true;
        }
    }

    fn end(&mut self, name: &str) {
        if self.inline == 0 {
            self.depth = self.depth.saturating_sub(1);
            self.break_line();
            self.line_break = true;
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn empty(&mut self, name: &str, attrs: Attrs<'_>) {
        self.open(name, attrs);
        self.out.push_str("/>");
        if self.inline == 0 {
            self.line_break = true;
        }
    }

    fn chars(&mut self, s: &str) {
        self.text(s, Mode::Text)
    }

    /// Text, escaped by [`escape`] in `mode`; the next tag goes on the same line.
    fn text(&mut self, s: &str, mode: Mode) {
        if s.is_empty() {
            return;
        }
        escape(&mut self.out, s, mode);
        if self.inline == 0 {
            self.line_break = false;
        }
    }

    /// `<name attrs>` + mixed content written by `body` without indentation + `</name>`
    /// (or `<name attrs/>` when the content is empty).
    fn mixed(&mut self, name: &str, attrs: Attrs<'_>, body: impl FnOnce(&mut Self)) {
        self.open(name, attrs);
        let open = self.out.len();
        self.out.push('>');
        self.inline += 1;
        body(self);
        self.inline -= 1;
        // Empty at the outermost level only: inside mixed content an element is always
        // opened and closed, as the writer always wrote it.
        if self.inline == 0 && self.out.len() == open + 1 {
            self.out.truncate(open);
            self.out.push_str("/>");
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
        if self.inline == 0 {
            self.line_break = true;
        }
    }

    /// `<name attrs>text</name>` with plain text.
    fn leaf(&mut self, name: &str, attrs: Attrs<'_>, text: &str) {
        if text.is_empty() {
            return self.empty(name, attrs);
        }
        self.start(name, attrs);
        self.chars(text);
        self.end(name)
    }

    fn document(&mut self) {
        self.out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        self.line_break = true;
        self.start("akomaNtoso", &[("xmlns", AKN_NS)]);
        let res = self.res;
        let name = res.meta.kind.akn_name();
        self.start("statement", &[("name", name)]);
        let work_path = self.iris.work_path.clone();
        self.meta(&work_path, "!main", name, true);
        self.cover();
        self.preface();
        let body = &res.body;
        self.preamble("", body);
        self.main_body("", body);
        // With parts, each part has its own conclusions, written in its component.
        let none = Adoption::default();
        let ad = if res.parts.is_empty() { &res.adoption } else { &none };
        self.conclusions(ad, true, ids::CONCLUSIONS);
        if !res.annexes.is_empty() {
            self.attachments();
        }
        // Parts and embedded documents are components.
        let has_parts = !res.parts.is_empty();
        if has_parts || !self.components.is_empty() {
            self.start("components", &[]);
            for part in &res.parts {
                let eid = ids::part(&part.label);
                self.start("component", &[("eId", &eid)]);
                self.start("statement", &[("name", "resolution")]);
                self.meta(&work_path, &format!("!{eid}"), "resolution", false);
                self.start("preface", &[]);
                self.mixed("p", &[], |w| {
                    w.leaf("docNumber", &[], &part.label);
                    if let Some(t) = &part.title {
                        w.chars(" ");
                        w.leaf("docTitle", &[], t);
                    }
                });
                self.end("preface");
                self.preamble(&eid, &part.body);
                self.main_body(&eid, &part.body);
                if let Some(ad) = &part.adoption {
                    self.conclusions(ad, false, &ids::join(&eid, ids::CONCLUSIONS));
                }
                self.end("statement");
                self.end("component");
            }
            self.write_components(&work_path);
            self.end("components");
        }
        self.end("statement");
        self.end("akomaNtoso")
    }

    /// Writes the queued embedded documents (and those they embed) as components.
    fn write_components(&mut self, work_path: &str) {
        let mut i = 0;
        while let Some(&(n, emb)) = self.components.get(i) {
            i += 1;
            let eid = ids::component(n);
            self.start("component", &[("eId", &eid)]);
            let name = emb.kind.akn_name();
            self.start("statement", &[("name", name)]);
            self.meta(work_path, &format!("!{eid}"), name, false);
            if let Some(t) = &emb.title {
                self.start("preface", &[]);
                self.mixed("p", &[], |w| w.leaf("docTitle", &[], t));
                self.end("preface");
            }
            self.preamble(&eid, &emb.body);
            self.main_body(&eid, &emb.body);
            self.end("statement");
            self.end("component");
        }
    }

    fn meta(&mut self, work_path: &str, component: &str, _name: &str, main: bool) {
        let res = self.res;
        let date = res.adoption.date.map(|d| d.to_string());
        let issued = res.meta.issued.map(|d| d.to_string()).or_else(|| date.clone());
        let lang = self.iris.lang;
        let expr_path = match &date {
            Some(d) => format!("{work_path}/{lang}@{d}"),
            None => format!("{work_path}/{lang}@"),
        };
        let author = res.meta.organ.as_ref().map_or("#author".to_string(), |o| format!("#{}", o.actor.key));
        let work_date = date.clone().unwrap_or_else(|| "0001-01-01".to_string());
        self.start("meta", &[]);
        self.start("identification", &[("source", "#unlod")]);
        self.start("FRBRWork", &[]);
        self.empty("FRBRthis", &[("value", &format!("{work_path}/{component}"))]);
        self.empty("FRBRuri", &[("value", work_path)]);
        self.empty("FRBRdate", &[("date", &work_date), ("name", if date.is_some() { "adoption" } else { "unknown" })]);
        self.empty("FRBRauthor", &[("href", &author)]);
        self.empty("FRBRcountry", &[("value", "un")]);
        if let Some(n) = &res.meta.number {
            self.empty("FRBRnumber", &[("value", n)]);
        }
        self.end("FRBRWork");
        self.start("FRBRExpression", &[]);
        self.empty("FRBRthis", &[("value", &format!("{expr_path}/{component}"))]);
        self.empty("FRBRuri", &[("value", &expr_path)]);
        self.empty("FRBRdate", &[("date", issued.as_deref().unwrap_or(&work_date)), ("name", "publication")]);
        self.empty("FRBRauthor", &[("href", &author)]);
        self.empty("FRBRlanguage", &[("language", lang)]);
        self.end("FRBRExpression");
        self.start("FRBRManifestation", &[]);
        self.empty("FRBRthis", &[("value", &format!("{expr_path}/{component}.akn.xml"))]);
        self.empty("FRBRuri", &[("value", &format!("{expr_path}/.akn.xml"))]);
        self.empty("FRBRdate", &[("date", issued.as_deref().unwrap_or(&work_date)), ("name", "transform")]);
        self.empty("FRBRauthor", &[("href", "#unlod")]);
        self.end("FRBRManifestation");
        self.end("identification");
        if main {
            // The schema wants at least one count in a <voting>; a unanimous adoption without
            // figures is told by the conclusions' text and the RDF.
            if let Some(v) =
                res.adoption.vote.as_ref().filter(|v| v.in_favour.or(v.against).or(v.abstentions).is_some())
            {
                self.voting(v);
            }
            self.references();
        }
        self.end("meta")
    }

    fn voting(&mut self, v: &Vote) {
        let outcome = match v.method {
            VoteMethod::Unanimous => "adoptedUnanimously",
            VoteMethod::WithoutVote => "adoptedWithoutVote",
            VoteMethod::Recorded => "adoptedRecordedVote",
            VoteMethod::Counted => "adoptedByVote",
        };
        self.start("analysis", &[("source", "#unlod")]);
        self.start("parliamentary", &[]);
        self.start("voting", &[("outcome", &format!("#{outcome}"))]);
        for (n, refers) in [(v.in_favour, "#inFavour"), (v.against, "#against"), (v.abstentions, "#abstaining")] {
            if let Some(n) = n {
                self.empty("count", &[("value", &n.to_string()), ("refersTo", refers)]);
            }
        }
        self.end("voting");
        self.end("parliamentary");
        self.end("analysis")
    }

    /// TLCs for the organ, the actors and the concepts referred to.
    fn references(&mut self) {
        let res = self.res;
        self.start("references", &[("source", "#unlod")]);
        self.empty("TLCOrganization", &[("eId", "unlod"), ("href", "https://w3id.org/unlod"), ("showAs", "unlod")]);
        if let Some(o) = &res.meta.organ {
            let href = format!("/akn/ontology/organization/un/{}", ids::slug(&o.actor.key));
            self.empty("TLCOrganization", &[("eId", &o.actor.key), ("href", &href), ("showAs", &o.actor.name)]);
        } else {
            self.empty(
                "TLCOrganization",
                &[("eId", "author"), ("href", "/akn/ontology/organization/un/unknown"), ("showAs", "Unknown")],
            );
        }
        // The actors, documents and instruments the text refers to.
        let organ_eid = res.meta.organ.as_ref().map(|o| o.actor.key.clone());
        let mut seen: Vec<String> = Vec::new();
        for a in &res.actors {
            let eid = actor_eid(a);
            if organ_eid.as_deref() == Some(eid.as_str()) || seen.contains(&eid) {
                continue;
            }
            let iri = match a.kind {
                ActorKind::State => self.iris.state(&a.key),
                _ => self.iris.actor(&a.key),
            };
            let href = path(&self.iris, &iri);
            let tlc = if a.kind == ActorKind::Official { "TLCRole" } else { "TLCOrganization" };
            self.empty(tlc, &[("eId", &eid), ("href", &href), ("showAs", &a.name)]);
            seen.push(eid);
        }
        for c in &res.citations {
            let eid = format!("ref_{}", ids::slug(&c.symbol));
            if seen.contains(&eid) {
                continue;
            }
            let href = path(&self.iris, &cited_iri(&self.iris, c));
            let name = match c.kind {
                Some(DocKind::Resolution) => "resolution",
                Some(DocKind::Decision) => "decision",
                _ => "document",
            };
            self.empty("TLCReference", &[("eId", &eid), ("href", &href), ("showAs", &c.symbol), ("name", name)]);
            seen.push(eid);
        }
        for ins in &res.instruments {
            let eid = format!("ins_{}", ids::slug(&ins.key));
            if seen.contains(&eid) {
                continue;
            }
            let href = path(&self.iris, &self.iris.instrument(&ins.key));
            self.empty(
                "TLCReference",
                &[("eId", &eid), ("href", &href), ("showAs", &ins.name), ("name", "instrument")],
            );
            seen.push(eid);
        }
        for (eid, concept, show) in [
            ("adoptionDate", "/akn/ontology/concept/un/dateOfAdoption", "Date of adoption"),
            ("adoptionMeeting", "/akn/ontology/concept/un/adoptionMeeting", "Meeting of adoption"),
            ("symbol", "/akn/ontology/reference/un/symbol", "Symbol"),
        ] {
            self.empty("TLCConcept", &[("eId", eid), ("href", concept), ("showAs", show)]);
        }
        if res.adoption.vote.is_some() {
            for (eid, show) in [
                ("inFavour", "In favour"),
                ("against", "Against"),
                ("abstaining", "Abstaining"),
                ("adoptedUnanimously", "Adopted unanimously"),
                ("adoptedWithoutVote", "Adopted without a vote"),
                ("adoptedRecordedVote", "Adopted by a recorded vote"),
                ("adoptedByVote", "Adopted by a vote"),
            ] {
                let href = format!("/akn/ontology/concept/un/voting/{eid}");
                self.empty("TLCConcept", &[("eId", eid), ("href", &href), ("showAs", show)]);
            }
        }
        self.end("references")
    }

    fn cover(&mut self) {
        let res = self.res;
        if res.meta.cover.is_empty() {
            return;
        }
        self.start("coverPage", &[]);
        let ad = &res.adoption;
        for line in &res.meta.cover {
            let has_adoption = ad.line.is_none()
                && (ad.date_printed.as_deref().is_some_and(|d| line.contains(d))
                    || ad.meeting.as_ref().is_some_and(|m| line.contains(m.printed.as_str())));
            if Some(line.trim()) == res.meta.symbol.as_deref() {
                self.mixed("p", &[], |w| w.leaf("docNumber", &[("refersTo", "#symbol")], line));
            } else if has_adoption {
                // "Adopted by the Security Council at its 4213th meeting, on 31 October 2000".
                self.mixed("p", &[], |w| w.conclusion_line(line, ad));
            } else {
                self.mixed("p", &[], |w| w.lines(line));
            }
        }
        self.end("coverPage")
    }

    /// Text with `\n` written as `<eol/>`.
    fn lines(&mut self, s: &str) {
        // Inline, an `<eol/>` is written as it is: the text is escaped in one pass.
        if self.inline > 0 {
            return self.text(s, Mode::Lines);
        }
        for (i, l) in s.split('\n').enumerate() {
            if i > 0 {
                self.empty("eol", &[]);
            }
            self.chars(l);
        }
    }

    fn preface(&mut self) {
        let m = &self.res.meta;
        // A number printed on the cover page ("Resolution 1325 (2000)") is not printed again.
        let number = m.number.as_ref().filter(|_| !m.number_in_cover);
        if number.is_none() && m.title.is_none() {
            return;
        }
        self.start("preface", &[]);
        self.mixed("p", &[], |w| {
            if let Some(n) = number {
                w.leaf("docNumber", &[], n);
            }
            if let (Some(_), Some(_)) = (number, &m.title) {
                w.chars(" ");
            }
            if let Some(t) = &m.title {
                w.leaf("docTitle", &[], t);
            }
        });
        self.end("preface")
    }

    fn preamble(&mut self, prefix: &str, body: &'a Body) {
        if body.formula.is_none() && body.preamble.is_empty() {
            return;
        }
        self.start("preamble", &[]);
        if let Some(f) = &body.formula {
            let eid = ids::formula(prefix);
            self.start("formula", &[("name", "enactingFormula"), ("eId", &eid)]);
            self.para(f);
            self.end("formula");
        }
        let eids = ids::preamble(prefix, body.preamble.len());
        for (c, eid) in body.preamble.iter().zip(eids) {
            if let Some(h) = &c.heading {
                self.mixed("p", &[("class", "heading")], |w| w.inline(h));
            }
            let name = c.lead.clone().unwrap_or_else(|| "preambularParagraph".to_string());
            self.start("container", &[("name", &name), ("eId", &eid)]);
            self.para(&c.text);
            // Sub-paragraphs of a preambular paragraph are kept as blocks of their own.
            self.flat_points(&c.points, 1);
            if let Some(w) = &c.wrap_up {
                self.para(w);
            }
            self.end("container");
        }
        self.end("preamble")
    }

    /// Sub-paragraphs of a preambular paragraph as blocks: `<p class="point">` at the first
    /// level, `class="point depth2"` below, and a point's closing text as
    /// `<p class="wrapUp depthN">`, so that the nesting can be read back.
    fn flat_points(&mut self, points: &'a [Point], depth: usize) {
        let class = if depth <= 1 { "point".to_string() } else { format!("point depth{depth}") };
        for p in points {
            if let Some(h) = &p.heading {
                self.mixed("p", &[("class", "heading")], |w| w.inline(h));
            }
            // A <p> has no <num>: the label is written as text, marked by its class.
            self.mixed("p", &[("class", &class)], |w| {
                if let Some(n) = p.num.as_deref() {
                    let label = if n == "-" { "–".to_string() } else { format!("({n})") };
                    w.chars(&label);
                    w.chars(" ");
                }
                w.inline(&p.text)
            });
            self.flat_points(&p.points, depth + 1);
            if let Some(w) = &p.wrap_up {
                self.mixed("p", &[("class", &format!("wrapUp depth{depth}"))], |x| x.inline(w));
            }
        }
    }

    fn main_body(&mut self, prefix: &str, body: &'a Body) {
        self.start("mainBody", &[]);
        if body.main.is_empty() {
            // The schema wants content in mainBody.
            self.leaf("p", &[], "");
        }
        self.items(prefix, &body.main);
        self.end("mainBody")
    }

    fn items(&mut self, prefix: &str, items: &'a [Item]) {
        let eids = ids::items(prefix, items);
        for (item, eid) in items.iter().zip(eids) {
            match item {
                Item::Clause(c) => self.paragraph(&eid, c),
                Item::Section(s) => {
                    self.start("section", &[("eId", &eid)]);
                    if let Some(n) = &s.num {
                        self.leaf("num", &[], n);
                    }
                    if let Some(h) = &s.heading {
                        self.mixed("heading", &[], |w| w.inline(h));
                    }
                    if !s.preamble.is_empty() {
                        // Preambular paragraphs of the section: blocks of its introduction.
                        self.start("intro", &[]);
                        let eids = ids::preamble(&eid, s.preamble.len());
                        for (c, ceid) in s.preamble.iter().zip(eids) {
                            let name = c.lead.clone().unwrap_or_else(|| "preambularParagraph".to_string());
                            self.start("blockContainer", &[("eId", &ceid), ("class", "preambular"), ("title", &name)]);
                            self.para(&c.text);
                            self.flat_points(&c.points, 1);
                            if let Some(w) = &c.wrap_up {
                                self.para(w);
                            }
                            self.end("blockContainer");
                        }
                        self.end("intro");
                        self.items(&eid, &s.items);
                    } else if s.items.is_empty() {
                        self.start("content", &[]);
                        self.leaf("p", &[], "");
                        self.end("content");
                    } else {
                        self.items(&eid, &s.items);
                    }
                    self.end("section");
                }
                Item::Table(t) => {
                    self.start("hcontainer", &[("name", "table"), ("eId", &eid)]);
                    self.start("content", &[]);
                    self.table(&eid, t);
                    self.end("content");
                    self.end("hcontainer");
                }
            }
        }
    }

    fn table(&mut self, eid: &str, t: &'a crate::model::Table) {
        self.start("table", &[("eId", &ids::join(eid, "table_1"))]);
        for (r, row) in t.rows.iter().enumerate() {
            self.start("tr", &[]);
            let cell = if r == 0 && t.header { "th" } else { "td" };
            for c in row {
                self.start(cell, &[]);
                self.para(c);
                self.end(cell);
            }
            self.end("tr");
        }
        self.end("table")
    }

    fn paragraph(&mut self, eid: &str, c: &'a Clause) {
        self.start("paragraph", &[("eId", eid)]);
        if let Some(n) = &c.num {
            self.leaf("num", &[], &format!("{n}."));
        }
        if let Some(h) = &c.heading {
            self.mixed("heading", &[], |w| w.inline(h));
        }
        if c.points.is_empty() && c.embedded.is_empty() && c.wrap_up.is_none() {
            self.start("content", &[]);
            self.para(&c.text);
            self.end("content");
        } else {
            self.start("intro", &[]);
            self.para(&c.text);
            self.end("intro");
            if !c.points.is_empty() {
                self.list(eid, &c.points);
            }
            for emb in &c.embedded {
                let n = ids::component_number(&self.numbers, emb);
                let src = format!("#{}", ids::component(n));
                self.empty("componentRef", &[("src", &src), ("showAs", emb.kind.akn_name())]);
                self.components.push((n, emb));
            }
            if let Some(w) = &c.wrap_up {
                self.start("wrapUp", &[]);
                self.para(w);
                self.end("wrapUp");
            }
        }
        self.end("paragraph")
    }

    fn list(&mut self, parent: &str, points: &'a [Point]) {
        let list = ids::list(parent);
        self.start("list", &[("eId", &list)]);
        let eids = ids::points(parent, points);
        for (p, eid) in points.iter().zip(eids) {
            if let Some(h) = &p.heading {
                self.mixed("crossHeading", &[], |w| w.inline(h));
            }
            self.start("point", &[("eId", &eid)]);
            if let Some(n) = p.num.as_deref() {
                let label = if n == "-" { "–".to_string() } else { format!("({n})") };
                self.leaf("num", &[], &label);
            }
            if p.points.is_empty() && p.wrap_up.is_none() {
                self.start("content", &[]);
                self.para(&p.text);
                self.end("content");
            } else {
                self.start("intro", &[]);
                self.para(&p.text);
                self.end("intro");
                if !p.points.is_empty() {
                    self.list(&eid, &p.points);
                }
                if let Some(w) = &p.wrap_up {
                    self.start("wrapUp", &[]);
                    self.para(w);
                    self.end("wrapUp");
                }
            }
            self.end("point");
        }
        self.end("list")
    }

    /// A text as one `<p>`.
    fn para(&mut self, t: &Text) {
        self.mixed("p", &[], |w| w.inline(t))
    }

    /// Inline content: styles, mentions, footnote calls and line breaks at their offsets.
    /// One sweep over the text's cut points, so that a paragraph with many marks costs no
    /// more than its marks.
    fn inline(&mut self, t: &Text) {
        let text = t.text.as_str();
        let mut cuts: Vec<usize> = Vec::with_capacity(2 + 2 * (t.styles.len() + t.mentions.len()) + t.notes.len());
        cuts.extend([0, text.len()]);
        for s in &t.styles {
            cuts.extend([s.start, s.end]);
        }
        for m in &t.mentions {
            cuts.extend([m.start, m.end]);
        }
        cuts.extend(t.notes.iter().map(|n| n.at));
        cuts.retain(|c| *c <= text.len() && text.is_char_boundary(*c));
        cuts.sort_unstable();
        cuts.dedup();
        let mut styles: Vec<&crate::model::Styled> = t.styles.iter().collect();
        styles.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut mentions: Vec<&Mention> = t.mentions.iter().collect();
        mentions.sort_by_key(|m| m.start);
        let mut notes: Vec<&crate::model::NoteCall> = t.notes.iter().collect();
        notes.sort_by_key(|n| n.at);
        let (mut si, mut mi, mut ni) = (0, 0, 0);
        let mut active: Vec<&crate::model::Styled> = Vec::new();
        let mut open_mention: Option<&Mention> = None;
        for win in cuts.windows(2) {
            let (a, b) = match win {
                [a, b] => (*a, *b),
                _ => continue,
            };
            // Footnote calls at a.
            while notes.get(ni).is_some_and(|n| n.at < a) {
                ni += 1;
            }
            let mut calls = Vec::new();
            while let Some(n) = notes.get(ni).filter(|n| n.at == a) {
                calls.push(n.footnote);
                ni += 1;
            }
            self.write_calls(&calls);
            // The mention around a..b, if any (mentions do not overlap).
            while mentions.get(mi).is_some_and(|m| m.end <= a) {
                mi += 1;
            }
            let m = mentions.get(mi).copied().filter(|m| m.start <= a && b <= m.end);
            if open_mention.is_some() && open_mention != m {
                self.close_mention(open_mention);
                open_mention = None;
            }
            if open_mention.is_none()
                && let Some(m) = m
            {
                self.open_mention(m);
                open_mention = Some(m);
            }
            // The styles around a..b.
            while let Some(s) = styles.get(si).filter(|s| s.start <= a) {
                active.push(s);
                si += 1;
            }
            active.retain(|s| s.end > a);
            let around: Vec<Style> = active.iter().filter(|s| b <= s.end).map(|s| s.style).collect();
            for s in &around {
                self.start(style_name(*s), &[]);
            }
            self.lines(text.get(a..b).unwrap_or(""));
            for s in around.iter().rev() {
                self.end(style_name(*s));
            }
        }
        self.close_mention(open_mention);
        let last: Vec<usize> = notes.iter().skip(ni).filter(|n| n.at >= text.len()).map(|n| n.footnote).collect();
        self.write_calls(&last);
    }

    /// The name of the element that marks a mention.
    fn mention_name(&self, m: &Mention) -> &'static str {
        let res = self.res;
        match &m.what {
            MentionKind::Date(_) => "date",
            MentionKind::Citation(i) if res.citations.get(*i).is_some() => "ref",
            MentionKind::Instrument(i) if res.instruments.get(*i).is_some() => "ref",
            MentionKind::Actor(i) => match res.actors.get(*i) {
                Some(a) if a.kind == ActorKind::Official => "role",
                Some(_) => "organization",
                None => "span",
            },
            _ => "span",
        }
    }

    /// The attribute of the element that marks a mention, if any.
    fn mention_attribute(&mut self, m: &Mention) -> Option<(&'static str, Rc<str>)> {
        let res = self.res;
        let iris = &self.iris;
        match &m.what {
            MentionKind::Date(d) => Some(("date", d.to_string().into())),
            MentionKind::Citation(i) => res
                .citations
                .get(*i)
                .map(|c| ("href", cached(&mut self.citation_hrefs, *i, || path(iris, &cited_iri(iris, c))))),
            MentionKind::Instrument(i) => res
                .instruments
                .get(*i)
                .map(|ins| ("href", cached(&mut self.instrument_hrefs, *i, || path(iris, &iris.instrument(&ins.key))))),
            MentionKind::Actor(i) => res
                .actors
                .get(*i)
                .map(|a| ("refersTo", cached(&mut self.actor_refs, *i, || format!("#{}", actor_eid(a))))),
        }
    }

    fn open_mention(&mut self, m: &Mention) {
        let name = self.mention_name(m);
        match self.mention_attribute(m) {
            Some((k, v)) => self.start(name, &[(k, &v)]),
            None => self.start(name, &[]),
        }
    }

    fn close_mention(&mut self, m: Option<&Mention>) {
        if let Some(m) = m {
            self.end(self.mention_name(m));
        }
    }

    /// Footnote calls at offset `at`: the note itself at its first call, a `noteRef` after.
    fn calls_at(&mut self, t: &Text, at: usize) {
        let calls: Vec<usize> = t.notes.iter().filter(|n| n.at == at).map(|n| n.footnote).collect();
        self.write_calls(&calls)
    }

    /// Footnote calls: the note itself at its first call, a `noteRef` after.
    fn write_calls(&mut self, calls: &[usize]) {
        for &f in calls {
            let (Some(note), Some(eid)) = (self.res.footnotes.get(f), self.footnotes.get(f).cloned()) else { continue };
            if self.noted.get(f).copied().unwrap_or(true) {
                self.empty("noteRef", &[("href", &format!("#{eid}")), ("marker", &note.marker)]);
            } else {
                if let Some(n) = self.noted.get_mut(f) {
                    *n = true;
                }
                self.start("authorialNote", &[("marker", &note.marker), ("placement", "bottom"), ("eId", &eid)]);
                let text = Text { notes: Vec::new(), ..note.text.clone() };
                self.mixed("p", &[], |w| w.inline(&text));
                self.end("authorialNote");
            }
        }
    }

    /// The conclusions of the document (or of a part): the adoption line with its meeting
    /// and date marked up; and, for the whole document, the footnotes never called.
    fn conclusions(&mut self, ad: &Adoption, whole: bool, eid: &str) {
        let uncalled: Vec<usize> = if whole {
            (0..self.res.footnotes.len()).filter(|i| !self.called.get(*i).copied().unwrap_or(true)).collect()
        } else {
            Vec::new()
        };
        if ad.line.is_none() && uncalled.is_empty() {
            return;
        }
        self.start("conclusions", &[("eId", eid)]);
        if let Some(line) = &ad.line {
            self.mixed("p", &[], |w| w.conclusion_line(line, ad));
        }
        // Footnotes printed but never called are kept here, so that nothing is lost.
        for f in uncalled {
            let call = Text { notes: vec![crate::model::NoteCall { at: 0, footnote: f }], ..Text::default() };
            self.mixed("p", &[], |w| w.calls_at(&call, 0));
        }
        self.end("conclusions")
    }

    /// The adoption line with the meeting and the date marked up.
    fn conclusion_line(&mut self, line: &str, ad: &Adoption) {
        let mut marks: Vec<(usize, usize, &str)> = Vec::new();
        if let Some(m) = &ad.meeting
            && let Some(i) = line.find(m.printed.as_str())
        {
            marks.push((i, i + m.printed.len(), "meeting"));
        }
        if let Some(p) = &ad.date_printed
            && let Some(i) = line.find(p.as_str())
        {
            marks.push((i, i + p.len(), "date"));
        }
        marks.sort();
        let mut at = 0;
        for (s, e, kind) in marks {
            if s < at {
                continue;
            }
            self.lines(line.get(at..s).unwrap_or(""));
            let words = line.get(s..e).unwrap_or("");
            if kind == "meeting" {
                self.leaf("inline", &[("name", "adoptionMeeting"), ("refersTo", "#adoptionMeeting")], words);
            } else if let Some(d) = ad.date {
                self.leaf("docDate", &[("date", &d.to_string()), ("refersTo", "#adoptionDate")], words);
            }
            at = e;
        }
        self.lines(line.get(at..).unwrap_or(""))
    }

    fn attachments(&mut self) {
        let res = self.res;
        let work_path = self.iris.work_path.clone();
        self.start("attachments", &[]);
        for (n, annex) in res.annexes.iter().enumerate() {
            let eid = ids::annex(n + 1);
            self.start("attachment", &[("eId", &eid)]);
            self.start("doc", &[("name", "annex")]);
            self.meta(&work_path, &format!("!{eid}"), "annex", false);
            if !annex.label.is_empty() || !annex.headings.is_empty() {
                self.start("preface", &[]);
                if !annex.label.is_empty() {
                    self.mixed("p", &[], |w| w.leaf("docNumber", &[], &annex.label));
                }
                for h in &annex.headings {
                    self.mixed("p", &[], |w| w.mixed("docTitle", &[], |w| w.inline(h)));
                }
                self.end("preface");
            }
            self.start("mainBody", &[]);
            if annex.items.is_empty() {
                self.leaf("p", &[], "");
            }
            self.items(&eid, &annex.items);
            self.end("mainBody");
            self.end("doc");
            self.end("attachment");
        }
        self.end("attachments")
    }
}

fn style_name(s: Style) -> &'static str {
    match s {
        Style::Italic => "i",
        Style::Bold => "b",
        Style::Superscript => "sup",
    }
}

/// The document kinds that are drafts.
pub fn is_draft(k: DocKind) -> bool {
    matches!(k, DocKind::DraftResolution | DocKind::DraftDecision)
}

/// An IRI of the base of `iris` as the path AKN references use (`/akn/…`).
fn path(iris: &Iris, iri: &str) -> String {
    iri.strip_prefix(iris.base.as_str()).filter(|p| p.starts_with('/')).unwrap_or(iri).to_string()
}

/// The eId of an actor's TLC: its table key, or its ISO code for a State.
fn actor_eid(a: &crate::model::ActorRef) -> String {
    if a.kind == ActorKind::State { a.key.clone() } else { ids::slug(&a.key) }
}

/// The IRI of a cited document (the same as in the RDF).
fn cited_iri(iris: &ids::Iris, c: &crate::model::CitedDocument) -> String {
    let date = c.date.map(|d| d.to_string());
    iris.cited(&c.symbol, c.akn.as_deref(), date.as_deref(), c.number.as_deref())
}
