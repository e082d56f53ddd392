//! From a sequence of units to a [`Body`]: enacting formula, preamble, operative part with
//! sections and sub-paragraphs, and documents embedded in a paragraph.

use super::notes::Notes;
use super::units::{Kind, LabelKind, Unit, lead_phrase};
use crate::layout::Rich;
use crate::model::{Body, Clause, DocKind, Embedded, Item, Point, Section, Span, Style, Table, Text};
use crate::words::{Part, words};

/// Deepest nesting of sub-paragraphs kept as structure; deeper labels are kept as text of
/// the deepest level.
pub const MAX_POINT_DEPTH: usize = 8;

/// Reads bodies from units, sharing the footnote resolver and the language.
pub struct Parser<'a> {
    /// The units.
    pub units: &'a [Unit],
    /// Next unit to read.
    pub pos: usize,
    /// Footnotes.
    pub notes: &'a mut Notes,
    /// Language of the text.
    pub lang: String,
}

/// Where the operative part is in a body.
#[derive(PartialEq, Eq, Clone, Copy)]
enum State {
    Preamble,
    Operative,
}

/// How a body ends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// At a closing quotation mark (an embedded draft in quotes).
    Quote,
    /// At the conclusions, an annex, or the end of the text.
    Conclusions,
}

/// The operative items being built: the body's list and the open sections, at most two
/// levels (a numbered section and a headed sub-section inside it).
#[derive(Default)]
struct Main {
    items: Vec<Item>,
    open: Vec<Section>,
}

impl Main {
    fn push(&mut self, item: Item) {
        match self.open.last_mut() {
            Some(s) => {
                if let Item::Clause(c) = &item {
                    s.span = s.span.join(c.span);
                }
                s.items.push(item)
            }
            None => self.items.push(item),
        }
    }

    /// The last paragraph, if the innermost open container ends with one.
    fn last_clause(&mut self) -> Option<&mut Clause> {
        let items = match self.open.last_mut() {
            Some(s) => &mut s.items,
            None => &mut self.items,
        };
        match items.last_mut() {
            Some(Item::Clause(c)) => Some(c),
            _ => None,
        }
    }

    /// The preamble of the innermost open section, while it has no operative paragraph yet.
    fn section_preamble(&mut self) -> Option<&mut Vec<Clause>> {
        self.open.last_mut().filter(|s| s.items.is_empty()).map(|s| &mut s.preamble)
    }

    /// Closes open sections until `depth` remain.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(s) = self.open.pop() else { break };
            match self.open.last_mut() {
                Some(parent) => {
                    parent.span = parent.span.join(s.span);
                    parent.items.push(Item::Section(s));
                }
                None => self.items.push(Item::Section(s)),
            }
        }
    }

    /// A numbered section (`I`, `II. Title`): closes every open section.
    fn numbered(&mut self, num: String, heading: Option<Text>, span: Span) {
        // A heading printed just before the number ("#### Title" then "I …") is its title.
        let mut heading = heading;
        let mut span = span;
        if heading.is_none()
            && self.open.len() == 1
            && let Some(s) = self.open.last()
            && s.num.is_none()
            && s.items.is_empty()
            && s.preamble.is_empty()
            && let Some(prev) = self.open.pop()
        {
            heading = prev.heading;
            span = prev.span.join(span);
        }
        self.close_to(0);
        self.open.push(Section { num: Some(num), heading, span, ..Section::default() });
    }

    /// A heading without a number: the title of a numbered section just opened, a
    /// sub-section of an open numbered section, or a section of its own.
    fn heading(&mut self, heading: Text, span: Span) {
        if let Some(s) = self.open.last_mut()
            && s.num.is_some()
            && s.heading.is_none()
            && s.items.is_empty()
            && s.preamble.is_empty()
        {
            s.heading = Some(heading);
            s.span = s.span.join(span);
            return;
        }
        let numbered_parent = self.open.first().is_some_and(|s| s.num.is_some());
        self.close_to(usize::from(numbered_parent));
        self.open.push(Section { num: None, heading: Some(heading), span, ..Section::default() });
    }

    fn finish(mut self) -> Vec<Item> {
        self.close_to(0);
        self.items
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Unit> {
        self.units.get(self.pos)
    }

    /// Converts a unit's text to model text (quote marks of a quoted body removed).
    pub fn text(&mut self, rich: &Rich, span_start: usize, strip_close: bool) -> Text {
        let mut r = rich.trim();
        if strip_close {
            strip_closing_quote(&mut r);
        }
        self.notes.text(&r, span_start)
    }

    /// Reads a body from the current unit on: an enacting formula if the current unit is
    /// one, the preamble, the operative part. Stops before a unit for which `is_end` holds
    /// (for a quoted body: after the unit that closes the quote).
    pub fn body(&mut self, end: End, is_end: &dyn Fn(&Unit) -> bool) -> Body {
        let mut body = Body::default();
        if let Some(u) = self.peek()
            && let Kind::Formula { .. } = u.kind
        {
            let (rest, start, close) = (u.rest.clone(), u.span.start, u.closes_quote && end == End::Quote);
            body.formula = Some(self.text(&rest, start, close));
            self.pos += 1;
            if close {
                return body;
            }
        }
        let mut state = State::Preamble;
        let mut main = Main::default();
        // A heading inside a list of sub-paragraphs, waiting for the point it heads.
        let mut list_heading: Option<Text> = None;
        // The last paragraph number, and the last number of a numbered list inside a
        // paragraph, to tell "1." restarting a list from "7." going on.
        let mut last_num: Option<u32> = None;
        // A heading among preambular paragraphs, waiting for the paragraph it heads.
        let mut preamble_heading: Option<Text> = None;
        // Preambular paragraphs just before a numbered section: that section's preamble.
        let mut section_preamble: Vec<Clause> = Vec::new();
        let mut sublist: Option<u32> = None;
        // The units outlive the parser's borrow of itself: no unit is copied (a table's
        // rows are most of a large document).
        let units = self.units;
        while let Some(u) = units.get(self.pos) {
            if is_end(u) && (end == End::Conclusions || !u.quoted) {
                break;
            }
            self.pos += 1;
            let close = end == End::Quote && u.closes_quote;
            match &u.kind {
                Kind::Numbered { num } => {
                    state = State::Operative;
                    let n = num.parse::<u32>().ok();
                    let outer_next = last_num.map_or(1, |l| l + 1);
                    let continues_sublist = sublist.is_some_and(|s| Some(s + 1) == n) && n != Some(outer_next);
                    let opens_sublist = n == Some(1)
                        && last_num.is_some()
                        && main.last_clause().is_some_and(|c| c.text.text.trim_end().ends_with(':'));
                    if continues_sublist || opens_sublist {
                        // "1. 2. 3." inside a paragraph that ends with a colon: sub-paragraphs.
                        sublist = n;
                        let text = self.text(&u.rest, u.span.start, close);
                        let point = Point { num: Some(num.clone()), text, span: u.span, ..Point::default() };
                        if let Some(c) = main.last_clause() {
                            c.span = c.span.join(u.span);
                            insert_point(&mut c.points, point, LabelKind::Number);
                        }
                    } else {
                        sublist = None;
                        last_num = n.or(last_num);
                        let clause = self.clause(Some(num.clone()), u, close);
                        main.push(Item::Clause(clause));
                    }
                }
                Kind::Point { label, kind } => {
                    let text = self.text(&u.rest, u.span.start, close);
                    let heading = list_heading.take();
                    let point = Point { heading, num: Some(label.clone()), text, span: u.span, ..Point::default() };
                    let in_section_preamble = main.section_preamble().is_some_and(|p| !p.is_empty());
                    let target = if state == State::Preamble {
                        body.preamble.last_mut()
                    } else if in_section_preamble {
                        main.section_preamble().and_then(|p| p.last_mut())
                    } else {
                        main.last_clause()
                    };
                    match target {
                        Some(c) => {
                            c.span = c.span.join(u.span);
                            insert_point(&mut c.points, point, *kind);
                        }
                        None => {
                            // A list with no paragraph to hold it: keep it as a paragraph, with
                            // its lead phrase as any paragraph has ("• Recognizing the outcomes
                            // …" in an annex of A/RES/76/258).
                            let lead = super::lead_of(&point.text, &self.lang);
                            let clause =
                                Clause { num: None, lead, text: point.text, span: u.span, ..Clause::default() };
                            if state == State::Preamble {
                                body.preamble.push(clause);
                            } else {
                                main.push(Item::Clause(clause));
                            }
                        }
                    }
                }
                Kind::Section { num } => {
                    state = State::Operative;
                    last_num = None;
                    sublist = None;
                    let heading =
                        if u.rest.text.is_empty() { None } else { Some(self.text(&u.rest, u.span.start, close)) };
                    main.numbered(num.clone(), heading, u.span);
                    if let Some(s) = main.open.last_mut() {
                        s.preamble.append(&mut section_preamble);
                    }
                }
                Kind::Heading(_)
                    if state == State::Operative
                        && end == End::Conclusions
                        && !super::names_annex(&u.rest.text)
                        && main
                            .last_clause()
                            .is_some_and(|c| c.num.is_some() && super::is_last_paragraph(&c.text.text)) =>
                {
                    // A heading after "Decides to remain seized of the matter." titles an
                    // annex printed without the word "Annex". One that names an annex without
                    // being a label ("Annex I to resolution 1617 (2005)") heads a section of the
                    // body, as the XML keeps it.
                    self.pos -= 1;
                    break;
                }
                Kind::Heading(_) if state == State::Preamble && self.preambular_heading(u) => {
                    let clause = self.clause(None, u, close);
                    body.preamble.push(clause);
                }
                Kind::Heading(_)
                    if state == State::Operative
                        && self.peek().is_some_and(|n| matches!(n.kind, Kind::Point { .. }))
                        && main
                            .last_clause()
                            .is_some_and(|c| !c.points.is_empty() || c.text.text.trim_end().ends_with(':')) =>
                {
                    // A heading between the sub-paragraphs of one paragraph.
                    list_heading = Some(self.text(&u.rest, u.span.start, close));
                }
                Kind::Heading(_) => {
                    state = State::Operative;
                    match super::units::section_number(&u.rest.text) {
                        Some((num, len)) => {
                            last_num = None;
                            sublist = None;
                            let rest = u.rest.tail(len);
                            let heading = if rest.text.trim().is_empty() {
                                None
                            } else {
                                Some(self.text(&rest, u.span.start, close))
                            };
                            main.numbered(num, heading, u.span);
                        }
                        None => {
                            let heading = self.text(&u.rest, u.span.start, close);
                            main.heading(heading, u.span);
                        }
                    }
                }
                Kind::Table => {
                    let rows =
                        u.rows.iter().map(|r| r.iter().map(|c| self.notes.text(c, u.span.start)).collect()).collect();
                    main.push(Item::Table(Table { rows, header: true, span: u.span }));
                }
                Kind::Formula { .. } => {
                    // A formula in the middle of a body opens an embedded document without an
                    // introducing paragraph; keep it under the last paragraph.
                    self.pos -= 1;
                    let embedded = self.embedded(DocKind::DraftResolution, u.quoted);
                    match main.last_clause() {
                        Some(c) => c.embedded.push(embedded),
                        None => main.push(Item::Clause(Clause {
                            embedded: vec![embedded],
                            span: u.span,
                            ..Clause::default()
                        })),
                    }
                    continue;
                }
                Kind::Para => {
                    let lead = lead_phrase(&u.rest, &self.lang);
                    let lowercase = u.rest.text.chars().next().is_some_and(char::is_lowercase);
                    // "Therefore" on a line of its own ends the sentence before it.
                    let fragment =
                        u.rest.text.split_whitespace().nth(2).is_none() && !super::units::ends_sentence(&u.rest.text);
                    let bracketed = super::units::is_bracketed_title(&u.rest.text);
                    match (state, lead.as_ref().map(|l| l.1)) {
                        // A title in brackets before the first numbered paragraph opens the
                        // operative part.
                        (State::Preamble, None)
                            if bracketed && self.peek().is_some_and(|n| matches!(n.kind, Kind::Numbered { .. })) =>
                        {
                            state = State::Operative;
                            let clause = self.clause(None, u, close);
                            main.push(Item::Clause(clause));
                        }
                        // An operative verb in the middle of the preamble ("*Notes* …" between
                        // two participles) is a misprint when the preamble goes on after it.
                        (State::Preamble, Some(Part::Operative))
                            if !body.preamble.is_empty() && self.preamble_goes_on() =>
                        {
                            let clause = self.clause(None, u, close);
                            body.preamble.push(clause);
                        }
                        (State::Preamble, Some(Part::Operative)) => {
                            state = State::Operative;
                            let clause = self.clause(None, u, close);
                            main.push(Item::Clause(clause));
                        }
                        (State::Preamble, None)
                            if !lowercase
                                && u.rest.text.len() < 120
                                && !super::units::ends_sentence(&u.rest.text)
                                && self.preamble_goes_on() =>
                        {
                            // A heading among preambular paragraphs.
                            preamble_heading = Some(self.text(&u.rest, u.span.start, close));
                        }
                        (State::Preamble, _) => {
                            if lead.is_none() && (lowercase || fragment) && !body.preamble.is_empty() {
                                let text = self.text(&u.rest, u.span.start, close);
                                if let Some(c) = body.preamble.last_mut() {
                                    append_text(&mut c.text, text);
                                    c.span = c.span.join(u.span);
                                }
                            } else {
                                let mut clause = self.clause(None, u, close);
                                clause.heading = preamble_heading.take();
                                body.preamble.push(clause);
                            }
                        }
                        (State::Operative, Some(Part::Preambular))
                            if self.peek().is_some_and(|n| matches!(n.kind, Kind::Section { .. })) =>
                        {
                            let clause = self.clause(None, u, close);
                            section_preamble.push(clause);
                        }
                        (State::Operative, Some(part)) => {
                            let clause = self.clause(None, u, close);
                            match main.section_preamble() {
                                // A section that recalls before it decides.
                                Some(pre) if part == Part::Preambular => pre.push(clause),
                                _ => main.push(Item::Clause(clause)),
                            }
                        }
                        (State::Operative, None) if self.heads_section(&u.rest) => {
                            let heading = self.text(&u.rest, u.span.start, close);
                            main.heading(heading, u.span);
                        }
                        (State::Operative, None) => {
                            let text = self.text(&u.rest, u.span.start, close);
                            // A separator (`* * *`) is a paragraph of its own.
                            let separator = !u.rest.text.chars().any(char::is_alphanumeric) || bracketed;
                            // Without numbered paragraphs, each paragraph of the operative part is
                            // one (a list of names elected, one a paragraph); with them, a
                            // paragraph without a number or lead phrase continues the one before.
                            let numbered = last_num.is_some();
                            match main.last_clause() {
                                Some(c) if c.embedded.is_empty() && (numbered || lowercase) && !separator => {
                                    c.span = c.span.join(u.span);
                                    if let Some(p) = deepest_point(&mut c.points) {
                                        match &mut p.wrap_up {
                                            Some(w) => append_text(w, text),
                                            None => p.wrap_up = Some(text),
                                        }
                                    } else {
                                        append_text(&mut c.text, text);
                                    }
                                }
                                _ => {
                                    let clause = Clause { text, span: u.span, ..Clause::default() };
                                    main.push(Item::Clause(clause));
                                }
                            }
                        }
                    }
                }
            }
            // A paragraph that announces a document ("the following draft resolution:") takes
            // the document that follows: from its enacting formula, or, for a declaration,
            // from the next unit to the conclusions.
            if !close
                && matches!(u.kind, Kind::Numbered { .. } | Kind::Para)
                && let Some(kind) = announces(&u.rest.text)
            {
                let next = self.peek().map(|n| (matches!(n.kind, Kind::Formula { .. }), n.quoted));
                let embedded = match next {
                    Some((true, quoted)) => Some(self.embedded(kind, quoted)),
                    Some((false, _)) if kind == DocKind::Declaration => Some(self.embedded(kind, false)),
                    _ => None,
                };
                if let (Some(e), Some(c)) = (embedded, main.last_clause()) {
                    c.embedded.push(e);
                }
            }
            if close {
                break;
            }
        }
        for c in section_preamble {
            main.push(Item::Clause(c));
        }
        body.main = main.finish();
        body
    }

    /// Whether an operative paragraph `rest` (the current unit, without a lead phrase) is the
    /// title of a section: a short line without final punctuation, just after a bare section
    /// number (`I` then `Introduction`) or just before a numbered paragraph or section.
    fn heads_section(&self, rest: &Rich) -> bool {
        let t = rest.text.trim();
        let title_like =
            t.chars().next().is_some_and(char::is_uppercase) && !t.contains('\n') && !super::units::ends_sentence(t);
        let after_bare_section = self
            .pos
            .checked_sub(2)
            .and_then(|i| self.units.get(i))
            .is_some_and(|p| matches!(p.kind, Kind::Section { .. }) && p.rest.text.trim().is_empty());
        let before_numbered =
            self.peek().is_some_and(|n| matches!(n.kind, Kind::Numbered { .. } | Kind::Section { .. }));
        // A title after its section number may run long (a treaty's full name).
        title_like && ((after_bare_section && t.len() < 300) || (before_numbered && t.len() < 120))
    }

    /// Whether a heading `u` in the preamble is its last paragraph printed in bold ("**Acting
    /// under Chapter VII of the Charter of the United Nations**"): it opens with a preambular
    /// phrase of the language's list, is all bold (not a Markdown heading: "#### Taking stock:
    /// …" titles a section) and a numbered operative paragraph follows.
    fn preambular_heading(&self, u: &Unit) -> bool {
        let t = &u.rest;
        let bold = t.styles.iter().any(|s| s.style == Style::Bold && s.start == 0 && s.end >= t.text.trim_end().len());
        let listed = words().lead_phrase_at(&self.lang, t.text.trim_start());
        bold && listed.is_some_and(|lp| lp.part == Part::Preambular)
            && self.peek().is_some_and(|n| matches!(n.kind, Kind::Numbered { .. }))
    }

    /// Whether the next unit is a preambular paragraph.
    fn preamble_goes_on(&self) -> bool {
        self.peek().is_some_and(|n| {
            matches!(n.kind, Kind::Para) && lead_phrase(&n.rest, &self.lang).is_some_and(|(_, p)| p == Part::Preambular)
        })
    }

    /// Reads an embedded document: from its enacting formula, or (a declaration) from its
    /// title on.
    fn embedded(&mut self, kind: DocKind, quoted: bool) -> Embedded {
        let start = self.peek().map(|u| u.span).unwrap_or_default();
        let organ_key = match self.peek().map(|u| &u.kind) {
            Some(Kind::Formula { organ, .. }) => Some(organ.clone()),
            _ => None,
        };
        let body = if quoted {
            self.body(End::Quote, &|u: &Unit| super::is_conclusion(u))
        } else {
            self.body(End::Conclusions, &|u: &Unit| super::is_conclusion(u) || super::is_annex(u))
        };
        let end = self.units.get(self.pos.saturating_sub(1)).map(|u| u.span).unwrap_or(start);
        Embedded { kind, organ: organ_key.map(super::organ_of), title: None, body, span: start.join(end) }
    }

    /// A paragraph from a unit, with its lead phrase.
    fn clause(&mut self, num: Option<String>, u: &Unit, close: bool) -> Clause {
        let text = self.text(&u.rest, u.span.start, close);
        let lead = lead_phrase(&u.rest, &self.lang).map(|(p, _)| p).filter(|p| text.text.starts_with(p.as_str()));
        Clause { num, lead, text, span: u.span, ..Clause::default() }
    }
}

/// The kind of document a paragraph announces ("… adopts the following political
/// declaration approved by …:"), if it ends with a colon and names one after "following".
fn announces(text: &str) -> Option<DocKind> {
    let t = text.trim_end();
    if !t.ends_with(':') {
        return None;
    }
    let lower = t.to_lowercase();
    let at =
        ["following", "suivant", "suivante", "siguiente", "siguientes"].iter().filter_map(|w| lower.rfind(w)).max()?;
    let after = lower.get(at..)?;
    // The kind is named within a few words of "following" (or before it, in French and
    // Spanish: "le projet de résolution suivant").
    let near: String = lower.get(at.saturating_sub(40)..)?.chars().take(40 + 60).collect();
    let has = |words: &[&str]| {
        words.iter().any(|w| after.get(..after.len().min(60)).is_some_and(|a| a.contains(w)) || near.contains(w))
    };
    if has(&[
        "draft resolution",
        "projet de résolution",
        "proyecto de resolución",
        "projets de résolution",
        "proyectos de resolución",
    ]) {
        Some(DocKind::DraftResolution)
    } else if has(&["draft decision", "projet de décision", "proyecto de decisión"]) {
        Some(DocKind::DraftDecision)
    } else if has(&["declaration", "déclaration", "declaración"]) {
        Some(DocKind::Declaration)
    } else {
        None
    }
}

/// Removes a closing quotation mark at the end of a text.
fn strip_closing_quote(r: &mut Rich) {
    let t = r.text.trim_end();
    if let Some(q) = t.chars().last().filter(|c| *c == '”' || *c == '"') {
        let cut = t.len() - q.len_utf8();
        *r = r.head(cut);
    }
}

fn deepest_point(points: &mut [Point]) -> Option<&mut Point> {
    let last = points.last_mut()?;
    if last.points.is_empty() {
        return Some(last);
    }
    // Borrow juggling: decide first, then descend.
    if last.wrap_up.is_some() {
        return Some(last);
    }
    deepest_point(&mut last.points)
}

/// Appends a continuation paragraph to a text, on a new line.
pub fn append_text(text: &mut Text, more: Text) {
    let off = text.text.len() + 1;
    text.text.push('\n');
    text.text.push_str(&more.text);
    text.notes.extend(more.notes.into_iter().map(|mut n| {
        n.at += off;
        n
    }));
    text.styles.extend(more.styles.into_iter().map(|mut s| {
        s.start += off;
        s.end += off;
        s
    }));
}

/// The kind of label each level of a point list uses, outermost first.
fn kinds(points: &[Point]) -> Vec<LabelKind> {
    let mut out = Vec::new();
    let mut level = points;
    while let Some(p) = level.last() {
        // `(c)` after `(a)` and `(b)` is a letter, not a roman numeral.
        let kind = label_kind(p.num.as_deref().unwrap_or("-"));
        let letters = level.iter().any(|q| label_kind(q.num.as_deref().unwrap_or("-")) == LabelKind::Letter);
        out.push(if kind == LabelKind::Roman && letters { LabelKind::Letter } else { kind });
        level = &p.points;
        if out.len() >= MAX_POINT_DEPTH {
            break;
        }
    }
    out
}

fn label_kind(label: &str) -> LabelKind {
    if label == "-" {
        LabelKind::Dash
    } else if label.chars().all(|c| c.is_ascii_digit()) {
        LabelKind::Number
    } else if label.chars().all(|c| "ivxlc".contains(c)) {
        LabelKind::Roman
    } else {
        LabelKind::Letter
    }
}

/// Inserts a point at the level whose labels are of its kind, or one level deeper than the
/// current one. `(i)` after `(h)` is a letter; `(v)` after `(u)` too.
fn insert_point(points: &mut Vec<Point>, point: Point, kind: LabelKind) {
    let open = kinds(points);
    let mut kind = kind;
    if kind == LabelKind::Roman
        && let Some(depth) = open.iter().position(|k| *k == LabelKind::Letter)
    {
        let last = last_label_at(points, depth);
        if follows_letter(last.as_deref(), point.num.as_deref()) && !open.contains(&LabelKind::Roman) {
            kind = LabelKind::Letter;
        }
    }
    let depth = match open.iter().position(|k| *k == kind) {
        Some(d) => d,
        None => open.len().min(MAX_POINT_DEPTH - 1),
    };
    push_at(points, depth, point);
}

/// Pushes `point` `depth` levels down, following the last point of each level.
fn push_at(points: &mut Vec<Point>, depth: usize, point: Point) {
    match points.last_mut() {
        Some(last) if depth > 0 => push_at(&mut last.points, depth - 1, point),
        _ => points.push(point),
    }
}

fn last_label_at(points: &[Point], depth: usize) -> Option<String> {
    let mut level = points;
    for _ in 0..depth {
        level = &level.last()?.points;
    }
    level.last()?.num.clone()
}

/// Whether `next` is the letter after `prev` (`h` → `i`, `u` → `v`).
fn follows_letter(prev: Option<&str>, next: Option<&str>) -> bool {
    match (prev, next) {
        (Some(p), Some(n)) if p.len() == 1 && n.len() == 1 => {
            let (p, n) = (p.as_bytes().first().copied().unwrap_or(0), n.as_bytes().first().copied().unwrap_or(0));
            n == p + 1
        }
        _ => false,
    }
}
