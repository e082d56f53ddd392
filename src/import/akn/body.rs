//! The document's text: preamble, operative part, lists, sections, tables, embedded
//! documents, parts, annexes and conclusions.

use super::dom::{Child, Node};
use super::text::Notes;
use crate::error::Warning;
use crate::model::{
    Adoption, Annex, Body, Clause, DocKind, Embedded, Item, Part, Point, Resolution, Section, Span, Table, Text, Vote,
};
use std::collections::HashMap;

/// Walks one AKN document into the model.
pub struct Reader<'a> {
    pub(super) notes: Notes,
    pub(super) warnings: Vec<Warning>,
    /// ISO 639-1 language, for lead phrases.
    pub(super) lang: String,
    /// Whether the file is unlod's own output (`<identification source="#unlod">`).
    pub(super) own: bool,
    /// Components by eId, for `<componentRef>`.
    components: HashMap<String, &'a Node<'a>>,
    /// Components referred to.
    used: Vec<String>,
    /// Operative paragraphs whose eId numbers them by position, not by their printed number.
    eid_by_position: usize,
    /// The first of them.
    eid_by_position_at: Option<Span>,
    /// Operative paragraphs the XML nests inside a list of the paragraph before (`<point>`
    /// numbered `4.` after `(c)`), taken out to follow it.
    escaped: Vec<Clause>,
    /// Operative paragraphs the XML puts in a preambular container, moved to the start of
    /// the operative part.
    moved: Vec<Clause>,
    /// The vote recorded in `<analysis>`, applied after the text is recognised.
    pub metadata_vote: Option<(Vote, Vec<(u8, String)>)>,
}

/// The number printed in a `<num>`: `1.` → `1`, `(a)` → `a`, `–` → `-`.
pub(super) fn clean_num(n: &str) -> Option<String> {
    let t = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim().trim_end_matches('.').trim();
    let t = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(t);
    let t = t.strip_suffix(')').unwrap_or(t).trim();
    if t.is_empty() {
        return None;
    }
    if matches!(t, "–" | "—" | "-" | "•" | "▪" | "·") {
        return Some("-".to_string());
    }
    Some(t.to_string())
}

fn is_section_label(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    !t.is_empty()
        && t.len() <= 6
        && (t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
            || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_uppercase())))
}

impl<'a> Reader<'a> {
    /// A reader for the document element `doc`.
    pub fn new(root: &'a Node<'a>, doc: &'a Node<'a>) -> Reader<'a> {
        let own = doc
            .child("meta")
            .and_then(|m| m.child("identification"))
            .is_some_and(|i| i.attr("source") == Some("#unlod"));
        let mut components = HashMap::new();
        for cs in doc.elements().chain(root.elements()).filter(|c| c.name == "components") {
            for c in cs.elements() {
                let key = c.attr("eId").map_or_else(|| format!("#at{}", c.span.start), str::to_string);
                components.insert(key, c);
            }
        }
        Reader {
            notes: Notes::new(own),
            warnings: Vec::new(),
            lang: "en".to_string(),
            own,
            components,
            used: Vec::new(),
            eid_by_position: 0,
            eid_by_position_at: None,
            escaped: Vec::new(),
            moved: Vec::new(),
            metadata_vote: None,
        }
    }

    /// Every warning met, the text's included.
    pub fn warnings(&mut self) -> Vec<Warning> {
        let mut w = std::mem::take(&mut self.warnings);
        w.append(&mut self.notes.warnings);
        if self.eid_by_position > 0 {
            w.push(Warning {
                message: format!(
                    "{} operative paragraph eIds number paragraphs by position rather than by their printed number (source defect); unlod's eIds use the printed number",
                    self.eid_by_position
                ),
                span: self.eid_by_position_at,
                line: None,
                path: None,
            });
        }
        w
    }

    pub(super) fn warn(&mut self, span: Span, msg: impl Into<String>) {
        self.warnings.push(Warning::at(Span::new(span.start, span.start), msg));
    }

    /// The whole document.
    pub fn document(&mut self, doc: &Node, len: usize) -> Resolution {
        let mut res = Resolution { span: Span::new(0, len), ..Resolution::default() };
        res.meta.kind = kind_of(doc.attr("name").unwrap_or("resolution"));
        if doc.name == "documentCollection" {
            return self.collection(doc, res);
        }
        if let Some(m) = doc.child("meta") {
            self.meta(m, &mut res, true);
        }
        if let Some(c) = doc.child("coverPage") {
            self.cover(c, &mut res);
        }
        if let Some(p) = doc.child("preface") {
            self.preface(p, &mut res);
        }
        res.body = self.body_of(doc);
        // The enacting formula names the organ; the FRBR actor code may name its parent
        // (Human Rights Council resolutions are filed under `unga`).
        if let Some(f) = &res.body.formula
            && let Some((organ, _)) = crate::structure::formula(&f.text)
            && res.meta.organ.as_ref().is_none_or(|o| o.actor.key != organ)
        {
            res.meta.organ = Some(crate::structure::organ_of(organ));
        }
        // What follows the body, in the order of the file (footnotes are numbered in it).
        for c in doc.elements() {
            match c.name {
                "conclusions" => res.adoption = self.conclusions(c),
                "attachments" => {
                    for att in c.elements() {
                        let d = att.elements().next().unwrap_or(att);
                        let annex = self.annex(d);
                        res.annexes.push(annex);
                    }
                }
                "components" => self.parts_and_components(&mut res),
                _ => {}
            }
        }
        self.parts_and_components(&mut res);
        if res.adoption.line.is_none() {
            // Conclusions misplaced deeper (in an annex of an embedded draft): the last ones.
            let mut all = Vec::new();
            doc.find_all("conclusions", &mut all);
            if let Some(c) = all.last() {
                self.warn(c.span, "the document's conclusions are inside an annex or a component (source defect); read as the document's");
                res.adoption = self.conclusions(c);
            }
        }
        res.footnotes = std::mem::take(&mut self.notes.footnotes);
        res
    }

    /// A `<documentCollection>` of several resolutions under one symbol: each `<doc>` or
    /// `<statement>` of its collection body is a part.
    fn collection(&mut self, doc: &Node, mut res: Resolution) -> Resolution {
        res.meta.kind = DocKind::Resolution;
        if let Some(m) = doc.child("meta") {
            self.meta(m, &mut res, true);
        }
        if let Some(c) = doc.child("coverPage") {
            self.cover(c, &mut res);
        }
        if let Some(p) = doc.child("preface") {
            self.preface(p, &mut res);
        }
        let mut docs = Vec::new();
        if let Some(cb) = doc.child("collectionBody") {
            for c in cb.elements() {
                // A documentRef to a component of the file, or the document itself.
                let href =
                    c.child("documentRef").and_then(|r| r.attr("href")).map(|h| h.trim_start_matches('#').to_string());
                let target = href.and_then(|h| {
                    self.used.push(h.clone());
                    self.components.get(&h).cloned()
                });
                let holder = target.unwrap_or(c);
                if let Some(d) = holder.elements().find(|n| n.name != "documentRef" && n.name != "meta") {
                    docs.push(d.clone());
                }
            }
        }
        for (i, d) in docs.iter().enumerate() {
            let mut part_meta = Resolution::default();
            if let Some(p) = d.child("preface") {
                self.preface(p, &mut part_meta);
            }
            let label = part_meta
                .meta
                .number
                .as_deref()
                .and_then(|n| n.split_whitespace().last().map(str::to_string))
                .filter(|l| l.len() <= 2)
                .unwrap_or_else(|| char::from(b'A' + (i % 26) as u8).to_string());
            let body = self.body_of(d);
            if res.meta.organ.is_none()
                && let Some(f) = &body.formula
                && let Some((organ, _)) = crate::structure::formula(&f.text)
            {
                res.meta.organ = Some(crate::structure::organ_of(organ));
            }
            let adoption = d.child("conclusions").map(|c| self.conclusions(c));
            if res.meta.title.is_none() {
                res.meta.title.clone_from(&part_meta.meta.title);
            }
            res.parts.push(Part { label, title: part_meta.meta.title, body, adoption, span: d.span });
        }
        if let Some(ad) = res.parts.iter().rev().find_map(|p| p.adoption.clone()) {
            res.adoption = ad;
        }
        res.footnotes = std::mem::take(&mut self.notes.footnotes);
        res
    }

    /// unlod's parts (components `part_*`) and components nobody refers to (an embedded
    /// draft the UN's files put in a component).
    fn parts_and_components(&mut self, res: &mut Resolution) {
        let mut keys: Vec<(usize, String)> = self.components.iter().map(|(k, n)| (n.span.start, k.clone())).collect();
        keys.sort();
        for (_, eid) in keys {
            if self.used.contains(&eid) {
                continue;
            }
            let Some(c) = self.components.get(&eid).cloned() else { continue };
            let Some(d) = c.elements().next() else { continue };
            self.used.push(eid.clone());
            if eid.starts_with("part_") {
                let mut m = Resolution::default();
                if let Some(p) = d.child("preface") {
                    self.preface(p, &mut m);
                }
                let body = self.body_of(d);
                let adoption = d.child("conclusions").map(|c| self.conclusions(c));
                let label = m.meta.number.unwrap_or_default();
                res.parts.push(Part { label, title: m.meta.title, body, adoption, span: c.span });
                continue;
            }
            let emb = self.embedded_doc(d);
            // The UN's files sometimes put the conclusions of the document, and its annexes,
            // inside the embedded draft's component.
            if res.adoption.line.is_none()
                && let Some(c) = d.child("conclusions")
            {
                self.warn(c.span, "the document's conclusions are inside an embedded draft's component (source defect); read as the document's");
                res.adoption = self.conclusions(c);
            }
            if let Some(a) = d.child("attachments") {
                for att in a.elements() {
                    let doc = att.elements().next().unwrap_or(att);
                    let annex = self.annex(doc);
                    res.annexes.push(annex);
                }
            }
            let target = res.body.main.iter_mut().rev().find_map(|i| match i {
                Item::Clause(c) => Some(c),
                _ => None,
            });
            match target {
                Some(cl) => cl.embedded.push(emb),
                None => {
                    res.body.main.push(Item::Clause(Clause { embedded: vec![emb], span: c.span, ..Clause::default() }))
                }
            }
        }
    }

    /// An embedded document from its `<statement>` (or `<doc>`).
    fn embedded_doc(&mut self, d: &Node) -> Embedded {
        let mut m = Resolution::default();
        if let Some(p) = d.child("preface") {
            self.preface(p, &mut m);
        }
        let body = self.body_of(d);
        let organ = body
            .formula
            .as_ref()
            .and_then(|f| crate::structure::formula(&f.text))
            .map(|(o, _)| crate::structure::organ_of(o));
        let kind = match d.attr("name") {
            Some(n) if n != "resolution" || self.own => kind_of(n),
            _ => DocKind::DraftResolution,
        };
        Embedded { kind, organ, title: m.meta.title, body, span: d.span }
    }

    /// Formula, preamble and operative part of a document element, or of an
    /// `<embeddedStructure>` that holds them without `<preamble>` and `<mainBody>`.
    pub(super) fn body_of(&mut self, d: &Node) -> Body {
        let mut body = Body::default();
        let structured = d.elements().any(|n| matches!(n.name, "preamble" | "mainBody" | "body"));
        if structured {
            for n in d.elements() {
                match n.name {
                    "preamble" => {
                        self.preamble(n, &mut body);
                        body.main.extend(self.moved.drain(..).map(Item::Clause));
                    }
                    "mainBody" | "body" => {
                        let mut items = self.items(n, &mut body.preamble).into_iter().peekable();
                        // Sub-paragraphs of the last paragraph moved out of the preamble.
                        while let Some(Item::Clause(c)) = items.peek()
                            && !self.own
                            && c.num
                                .as_deref()
                                .is_some_and(|n| !n.chars().all(|ch| ch.is_ascii_digit()) && !is_section_label(n))
                            && last_clause(&mut body.main).is_some()
                        {
                            let Some(Item::Clause(c)) = items.next() else { break };
                            if let Some(last) = last_clause(&mut body.main) {
                                insert_point(&mut last.points, point_of(c, None));
                            }
                        }
                        body.main.extend(items);
                    }
                    _ => {}
                }
            }
        } else {
            // Flat: formula and containers, then paragraphs.
            let mut main_started = false;
            let mut flat_preamble = Node { name: "preamble", ..Node::default() };
            let mut flat_main = Node { name: "mainBody", ..Node::default() };
            for c in &d.children {
                if let Child::Element(n) = c {
                    let pre = matches!(n.name, "formula" | "container") && !main_started;
                    if pre {
                        flat_preamble.children.push(c.clone());
                    } else {
                        main_started = true;
                        flat_main.children.push(c.clone());
                    }
                }
            }
            self.preamble(&flat_preamble, &mut body);
            body.main = self.items(&flat_main, &mut body.preamble);
        }
        body
    }

    fn preamble(&mut self, n: &Node, body: &mut Body) {
        let mut heading: Option<Text> = None;
        for c in n.elements() {
            let formula = c.name == "formula" || (c.name == "container" && c.attr("name") == Some("formula"));
            if formula {
                let mut t = self.notes.blocks(c);
                if !self.own {
                    trim_end_chars(&mut t, &[',', ':']);
                }
                body.formula = Some(t);
                continue;
            }
            match c.name {
                "container" | "blockContainer" | "crossHeading" => {
                    let mut clause = self.container(c);
                    // A paragraph the XML splits in two containers, the second opening in
                    // lower case: one paragraph, as the text reader and the counting rules
                    // read it.
                    let lowercase = clause.text.text.chars().next().is_some_and(char::is_lowercase);
                    if !self.own
                        && lowercase
                        && clause.lead.is_none()
                        && let Some(last) = body.preamble.last_mut()
                    {
                        self.warnings.push(Warning::at(
                            Span::new(c.span.start, c.span.start),
                            "a preambular paragraph split in two containers, the second opening in lower case (source defect); joined",
                        ));
                        last.span = last.span.join(clause.span);
                        append(&mut last.text, clause.text, false);
                        last.points.extend(clause.points);
                        continue;
                    }
                    clause.heading = heading.take();
                    body.preamble.push(clause);
                }
                "p" if c.attr("class") == Some("heading") => heading = Some(self.notes.text(c)),
                "p" | "block" | "blockList" | "tblock" => {
                    // A block between the containers: part of the paragraph before it.
                    let t = self.notes.blocks(&wrap(c));
                    match body.preamble.last_mut() {
                        Some(last) if !t.text.is_empty() => append(&mut last.text, t, self.own),
                        None if !t.text.is_empty() => {
                            let lead = crate::structure::lead_of(&t, &self.lang);
                            body.preamble.push(Clause { lead, text: t, span: c.span, ..Clause::default() });
                        }
                        _ => {}
                    }
                }
                other => {
                    let other = other.to_string();
                    self.warn(c.span, format!("<{other}> in a preamble is not read (schema: container expected)"));
                }
            }
        }
    }

    /// A preambular paragraph from a `<container>`: its blocks; unlod's own sub-paragraphs
    /// (`<p class="point">`) as points.
    fn container(&mut self, c: &Node) -> Clause {
        // "Acting under Chapter VII …:" with the operative paragraphs as numbered items of a
        // block list (source defect): the lead-in stays here, the paragraphs go to the
        // operative part.
        if !self.own
            && let Some(list) = c.child("blockList")
            && list.elements().any(|i| {
                i.child("num")
                    .and_then(|n| clean_num(&n.plain_text()))
                    .is_some_and(|n| n.chars().all(|ch| ch.is_ascii_digit()))
            })
        {
            let mut clause = Clause { span: c.span, ..Clause::default() };
            if let Some(intro) = list.child("listIntroduction") {
                clause.text = self.notes.text(intro);
            }
            clause.lead = crate::structure::lead_of(&clause.text, &self.lang);
            self.warn(
                list.span,
                "operative paragraphs inside a preambular container (source defect); read as the operative part",
            );
            for item in list.elements().filter(|i| i.name != "listIntroduction") {
                let num = item.child("num").and_then(|n| clean_num(&n.plain_text()));
                let mut inner = item.clone();
                inner.children.retain(|ch| !matches!(ch, Child::Element(e) if e.name == "num"));
                let text = self.notes.blocks(&inner);
                let lead = crate::structure::lead_of(&text, &self.lang);
                self.moved.push(Clause { num, lead, text, span: item.span, ..Clause::default() });
            }
            return clause;
        }
        let mut clause = Clause { span: c.span, ..Clause::default() };
        let mut first = true;
        let mut pending_heading: Option<Text> = None;
        let direct_text = c.children.iter().any(|ch| matches!(ch, Child::Text(t) if !t.trim().is_empty()));
        if direct_text || c.name == "crossHeading" {
            clause.text = self.notes.text(c);
        } else {
            for p in c.elements() {
                let class = p.attr("class").unwrap_or("");
                let depth = class
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("depth").and_then(|d| d.parse::<usize>().ok()))
                    .unwrap_or(1);
                let first_class = class.split_whitespace().next().unwrap_or("");
                match first_class {
                    "point" if self.own => {
                        let t = self.notes.text(p);
                        let (num, text) = split_label(t);
                        let heading = pending_heading.take();
                        let point = Point { heading, num, text, span: p.span, ..Point::default() };
                        match nth_level(&mut clause.points, depth) {
                            Some(list) => list.push(point),
                            None => clause.points.push(point),
                        }
                    }
                    "wrapUp" if self.own => {
                        let t = self.notes.text(p);
                        if let Some(list) = nth_level(&mut clause.points, depth)
                            && let Some(last) = list.last_mut()
                        {
                            last.wrap_up = Some(t);
                        }
                    }
                    "heading" if self.own => pending_heading = Some(self.notes.text(p)),
                    _ => {
                        let t = if p.name == "p" { self.notes.text(p) } else { self.notes.blocks(&wrap(p)) };
                        if first {
                            clause.text = t;
                            first = false;
                        } else if self.own && !clause.points.is_empty() {
                            clause.wrap_up = Some(t);
                        } else if !t.text.is_empty() {
                            append(&mut clause.text, t, self.own);
                        }
                    }
                }
            }
        }
        clause.lead = if self.own {
            c.attr("name").or(c.attr("title")).filter(|n| *n != "preambularParagraph").map(str::to_string)
        } else {
            crate::structure::lead_of(&clause.text, &self.lang)
        };
        clause
    }

    /// The items of an operative part, a section or an annex. Preambular paragraphs met
    /// there (`<crossHeading refersTo="#preamble">`) go to `preamble`.
    fn items(&mut self, n: &Node, preamble: &mut Vec<Clause>) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        // A section opened by a heading paragraph, collecting what follows.
        let mut open: Option<Section> = None;
        let mut pending_num: Option<(String, Span)> = None;
        let mut last_num: Option<u32> = None;
        let mut sublist: Option<u32> = None;
        // Whether an operative paragraph has been met (before, a paragraph with a preambular
        // lead phrase is preambular, wherever the XML puts it).
        let mut operative_started = false;
        // A bold line waiting for the sub-paragraph it heads.
        let mut point_heading: Option<(Text, Span)> = None;
        // Preambular paragraphs of this part start here (those before are the preamble's own).
        let preamble_before = preamble.len();
        for c in n.elements() {
            let mut out: Vec<Item> = Vec::new();
            // A section the paragraph's last point opens, after the paragraph.
            let mut section_after: Option<Section> = None;
            match c.name {
                "paragraph" | "subparagraph" | "article" | "clause" => {
                    let heading = c.elements().find(|h| matches!(h.name, "heading" | "subheading"));
                    let has_text = c.elements().any(|h| matches!(h.name, "content" | "intro" | "list" | "wrapUp"));
                    let has_num = c.child("num").is_some();
                    if let (Some(h), false, false) = (heading, has_num, has_text) {
                        let t = self.notes.text(h);
                        let in_list = last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items))
                            .is_some_and(|c| !c.points.is_empty() || c.text.text.trim_end().ends_with(':'));
                        if !self.own && in_list {
                            // A heading between the sub-paragraphs of one paragraph.
                            if let Some((h, span)) = point_heading.replace((t, c.span)) {
                                push_item(&mut open, &mut items, Item::Section(section_from_heading(h, span)));
                            }
                            continue;
                        }
                        if let Some(s) = open.take() {
                            items.push(Item::Section(s));
                        }
                        open = Some(section_from_heading(t, c.span));
                        continue;
                    }
                    self.paragraph(c, &mut out);
                    // A list ending in "A. To assist the parties by:" whose points follow as
                    // paragraphs: that point is the heading of the points after it.
                    if !self.own
                        && let Some(Item::Clause(cl)) = out.first_mut()
                        && cl.points.last().is_some_and(|p| {
                            p.points.is_empty()
                                && p.num.as_deref().is_some_and(is_section_label)
                                && p.text.text.trim_end().ends_with(':')
                        })
                        && let Some(p) = cl.points.pop()
                    {
                        point_heading = Some((p.text, p.span));
                    }
                    // A list ending in "A. Secretariat of the Pension Board", a title: the
                    // section that follows (a table, the next paragraphs), as printed.
                    if !self.own
                        && let Some(Item::Clause(cl)) = out.first_mut()
                        && cl.points.len() == 1
                        && cl.points.last().is_some_and(|p| {
                            p.points.is_empty()
                                && p.num.as_deref().is_some_and(is_section_label)
                                && !crate::layout::ends_finished(&p.text.text)
                        })
                        && let Some(p) = cl.points.pop()
                    {
                        section_after =
                            Some(Section { num: p.num, heading: Some(p.text), span: p.span, ..Section::default() });
                    }
                    out.extend(self.escaped.drain(..).map(Item::Clause));
                }
                "section" | "part" | "chapter" | "title" | "division" | "subdivision" | "hcontainer"
                    if c.find("table").is_none() || c.name != "hcontainer" =>
                {
                    let s = self.section(c);
                    out.push(Item::Section(s));
                }
                "hcontainer" | "table" | "blockContainer" | "container" | "tblock" if c.find("table").is_some() => {
                    let mut tables = Vec::new();
                    c.find_all("table", &mut tables);
                    if c.name == "table" {
                        tables.push(c);
                    }
                    for t in tables {
                        out.push(Item::Table(self.table(t)));
                    }
                }
                "crossHeading" if c.attr("refersTo") == Some("#preamble") => {
                    let clause = self.container(c);
                    match open.as_mut() {
                        Some(s) => s.preamble.push(clause),
                        None => preamble.push(clause),
                    }
                    continue;
                }
                "heading" | "subheading" | "crossHeading" | "num" => {
                    let t = self.notes.text(c);
                    match open.as_mut() {
                        Some(s) if s.items.is_empty() && s.heading.is_none() => s.heading = Some(t),
                        _ => {
                            if let Some(s) = open.take() {
                                items.push(Item::Section(s));
                            }
                            open = Some(section_from_heading(t, c.span));
                        }
                    }
                    continue;
                }
                "list" | "blockList" => {
                    let points = self.points(c);
                    let last = open.as_mut().map_or(&mut items, |s| &mut s.items);
                    match last_clause(last) {
                        Some(cl) => cl.points.extend(points),
                        None => out.push(Item::Clause(Clause { points, span: c.span, ..Clause::default() })),
                    }
                }
                "componentRef" => {
                    let emb = self.component_ref(c);
                    let last = open.as_mut().map_or(&mut items, |s| &mut s.items);
                    if let (Some(e), Some(cl)) = (emb, last_clause(last)) {
                        cl.embedded.push(e);
                    }
                    continue;
                }
                "p" | "block" | "container" | "blockContainer" | "tblock" | "intro" | "content" => {
                    let t = self.notes.blocks(&wrap(c));
                    if !t.text.trim().is_empty() {
                        let lead = crate::structure::lead_of(&t, &self.lang);
                        out.push(Item::Clause(Clause { lead, text: t, span: c.span, ..Clause::default() }));
                    }
                }
                other => {
                    let other = other.to_string();
                    self.warn(
                        c.span,
                        format!("<{other}> in an operative part read as a paragraph (not in the AKN4UN pattern)"),
                    );
                    let t = self.notes.blocks(&wrap(c));
                    if !t.text.is_empty() {
                        out.push(Item::Clause(Clause { text: t, span: c.span, ..Clause::default() }));
                    }
                }
            }
            // An empty "1." whose text is the next paragraph (source defect).
            for item in out {
                let is_point = matches!(&item, Item::Clause(c) if c.num.as_deref().is_some_and(|n| !n.chars().all(|ch| ch.is_ascii_digit())))
                    || matches!(&item, Item::Clause(c) if c.num.is_none() && label_in_text(&c.text.text));
                if !is_point && let Some((h, span)) = point_heading.take() {
                    if let Some(s) = open.take() {
                        items.push(Item::Section(s));
                    }
                    open = Some(section_from_heading(h, span));
                    last_num = None;
                }
                let item = match item {
                    Item::Clause(mut cl) if !self.own && cl.num.is_none() && cl.points.is_empty() => {
                        if let Some((num, text)) = bare_number(&cl.text) {
                            cl.num = Some(num);
                            cl.lead = crate::structure::lead_of(&text, &self.lang);
                            cl.text = text;
                        }
                        Item::Clause(cl)
                    }
                    other => other,
                };
                let item = match item {
                    // A sub-paragraph typed as a paragraph of its own, its label in the text.
                    Item::Clause(cl) if !self.own && cl.num.is_none() && label_in_text(&cl.text.text) => {
                        let target = last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items));
                        match target {
                            Some(last)
                                if last.num.is_some()
                                    || !last.points.is_empty()
                                    || last.text.text.trim_end().ends_with(':') =>
                            {
                                let (num, text) = split_label(cl.text);
                                let heading = point_heading.take().map(|(h, _)| h);
                                let p = Point { heading, num, text, span: cl.span, ..Point::default() };
                                insert_point(&mut last.points, p);
                                continue;
                            }
                            _ => Item::Clause(cl),
                        }
                    }
                    // "(a)" after a section's preambular paragraph that ends with a colon
                    // ("Noting with satisfaction:", E/RES/2023/5), before any operative
                    // paragraph: a sub-paragraph of that preambular paragraph.
                    Item::Clause(cl)
                        if !self.own
                            && cl.num.as_deref().is_some_and(is_point_label)
                            && last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items)).is_none()
                            && open
                                .as_ref()
                                .map_or(preamble.get(preamble_before..).unwrap_or_default(), |s| &s.preamble)
                                .last()
                                .is_some_and(|p| !p.points.is_empty() || p.text.text.trim_end().ends_with(':')) =>
                    {
                        let heading = point_heading.take().map(|(h, _)| h);
                        if let Some(last) = open.as_mut().map_or(&mut *preamble, |s| &mut s.preamble).last_mut() {
                            insert_point(&mut last.points, point_of(cl, heading));
                        }
                        continue;
                    }
                    // A paragraph numbered "(a)": a sub-paragraph of the paragraph before.
                    Item::Clause(cl)
                        if !self.own
                            && cl.num.as_deref().is_some_and(is_point_label)
                            && last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items)).is_some() =>
                    {
                        let heading = point_heading.take().map(|(h, _)| h);
                        if let Some(last) = last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items)) {
                            insert_point(&mut last.points, point_of(cl, heading));
                        }
                        continue;
                    }
                    // "B. To assist in the following tasks:" between the sub-paragraphs of one
                    // paragraph: the heading of the sub-paragraphs after it.
                    Item::Clause(cl)
                        if !self.own
                            && cl.num.as_deref().is_some_and(is_section_label)
                            && cl.text.text.trim_end().ends_with(':')
                            && cl.points.is_empty()
                            && last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items))
                                .is_some_and(|c| !c.points.is_empty()) =>
                    {
                        if let Some((h, span)) = point_heading.replace((cl.text, cl.span)) {
                            push_item(&mut open, &mut items, Item::Section(section_from_heading(h, span)));
                        }
                        continue;
                    }
                    // A paragraph numbered "A" or "IV": the label of a section, its text the
                    // section's heading.
                    Item::Clause(cl)
                        if !self.own
                            && cl.num.as_deref().is_some_and(is_section_label)
                            && cl.points.is_empty()
                            && cl.embedded.is_empty() =>
                    {
                        if let Some(s) = open.take() {
                            items.push(Item::Section(s));
                        }
                        let heading = (!cl.text.text.is_empty()).then_some(cl.text);
                        open = Some(Section { num: cl.num, heading, span: cl.span, ..Section::default() });
                        last_num = None;
                        sublist = None;
                        continue;
                    }
                    // "1. 2. 3." inside a paragraph that ends with a colon: sub-paragraphs,
                    // as the text reader reads them.
                    Item::Clause(cl)
                        if !self.own
                            && cl.num.as_deref().and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| {
                                let outer_next = last_num.map_or(1, |l| l + 1);
                                let continues = sublist.is_some_and(|s| s + 1 == n) && n != outer_next;
                                let opens = n == 1
                                    && last_num.is_some()
                                    && items_last_ends_colon(open.as_ref().map_or(&items, |s| &s.items));
                                continues || opens
                            }) =>
                    {
                        sublist = cl.num.as_deref().and_then(|n| n.parse().ok());
                        if let Some(last) = last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items)) {
                            let p = Point {
                                num: cl.num,
                                text: cl.text,
                                points: cl.points,
                                span: cl.span,
                                ..Point::default()
                            };
                            last.points.push(p);
                        }
                        continue;
                    }
                    // An unnumbered paragraph, read as the text reader reads one.
                    Item::Clause(cl) if !self.own && cl.num.is_none() && pending_num.is_none() => {
                        let lead = crate::structure::lead_kind(&cl.text, &self.lang).map(|l| l.1);
                        let lowercase = cl.text.text.chars().next().is_some_and(char::is_lowercase);
                        let section_fresh = open.as_ref().is_some_and(|s| s.items.is_empty());
                        match lead {
                            Some(crate::words::Part::Preambular) if !operative_started || section_fresh => {
                                match open.as_mut() {
                                    Some(s) => s.preamble.push(cl),
                                    None => preamble.push(cl),
                                }
                                continue;
                            }
                            Some(_) => {
                                operative_started = true;
                                Item::Clause(cl)
                            }
                            // A line all in bold: the heading of what follows.
                            // A bold line between the sub-paragraphs of one paragraph: the
                            // heading of the next sub-paragraph.
                            None if all_bold(&cl.text)
                                && last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items))
                                    .is_some_and(|c| !c.points.is_empty() || c.text.text.trim_end().ends_with(':')) =>
                            {
                                if let Some((h, span)) = point_heading.replace((cl.text, cl.span)) {
                                    push_item(&mut open, &mut items, Item::Section(section_from_heading(h, span)));
                                }
                                continue;
                            }
                            None if all_bold(&cl.text) => {
                                if let Some(s) = open.take() {
                                    items.push(Item::Section(s));
                                }
                                open = Some(section_from_heading(cl.text, cl.span));
                                last_num = None;
                                continue;
                            }
                            None if is_section_label(&cl.text.text) => {
                                if let Some(s) = open.take() {
                                    items.push(Item::Section(s));
                                }
                                open = Some(section_from_heading(cl.text, cl.span));
                                continue;
                            }
                            None if open
                                .as_ref()
                                .is_some_and(|s| s.num.is_some() && s.heading.is_none() && s.items.is_empty()) =>
                            {
                                if let Some(s) = open.as_mut() {
                                    s.heading = Some(cl.text);
                                }
                                continue;
                            }
                            None => {
                                let numbered = last_num.is_some();
                                // A separator ("* * *") is a paragraph of its own.
                                let separator = !cl.text.text.chars().any(char::is_alphanumeric)
                                    || crate::structure::is_bracketed_title(&cl.text.text);
                                let target = last_clause(open.as_mut().map_or(&mut items, |s| &mut s.items))
                                    .filter(|c| c.embedded.is_empty() && (numbered || lowercase) && !separator);
                                match target {
                                    Some(c) => {
                                        c.span = c.span.join(cl.span);
                                        match deepest_point(&mut c.points) {
                                            Some(p) => match &mut p.wrap_up {
                                                Some(w) => append(w, cl.text, false),
                                                None => p.wrap_up = Some(cl.text),
                                            },
                                            None => append(&mut c.text, cl.text, false),
                                        }
                                        continue;
                                    }
                                    None => {
                                        operative_started = true;
                                        Item::Clause(cl)
                                    }
                                }
                            }
                        }
                    }
                    Item::Clause(mut cl) => {
                        operative_started = true;
                        if let Some(n) = cl.num.as_deref().and_then(|n| n.parse::<u32>().ok()) {
                            last_num = Some(n);
                            sublist = None;
                        }
                        if let Some((num, span)) = pending_num.take() {
                            if cl.num.is_none() {
                                cl.num = Some(num);
                                cl.span = span.join(cl.span);
                            } else {
                                push_item(
                                    &mut open,
                                    &mut items,
                                    Item::Clause(Clause { num: Some(num), span, ..Clause::default() }),
                                );
                            }
                        }
                        if !self.own
                            && cl.num.is_some()
                            && cl.text.text.is_empty()
                            && cl.points.is_empty()
                            && cl.embedded.is_empty()
                        {
                            pending_num = cl.num.take().map(|n| (n, cl.span));
                            self.warn(cl.span, "a numbered paragraph without text, its text in the next paragraph (source defect); joined");
                            continue;
                        }
                        Item::Clause(cl)
                    }
                    other => other,
                };
                push_item(&mut open, &mut items, item);
            }
            if let Some(s) = section_after {
                if let Some(o) = open.take() {
                    items.push(Item::Section(o));
                }
                open = Some(s);
                last_num = None;
                sublist = None;
            }
        }
        if let Some((num, span)) = pending_num {
            push_item(&mut open, &mut items, Item::Clause(Clause { num: Some(num), span, ..Clause::default() }));
        }
        if let Some((h, span)) = point_heading {
            push_item(&mut open, &mut items, Item::Section(section_from_heading(h, span)));
        }
        if let Some(s) = open {
            items.push(Item::Section(s));
        }
        // A rule closing the text ("-----"): layout, not a paragraph.
        while !self.own
            && let Some(Item::Clause(c)) = items.last()
            && c.num.is_none()
            && c.points.is_empty()
            && c.embedded.is_empty()
            && !c.text.text.is_empty()
            && !c.text.text.chars().any(|ch| ch.is_alphanumeric() || ch == '*')
        {
            let span = c.span;
            items.pop();
            self.warn(span, "a rule after the last paragraph, read as layout, not as a paragraph");
        }
        items
    }

    /// A `<paragraph>`, and any paragraph the XML nests inside it (pushed after it).
    fn paragraph(&mut self, c: &Node, out: &mut Vec<Item>) {
        let num = c.child("num").and_then(|n| clean_num(&n.plain_text()));
        if let (Some(n), Some(eid)) = (&num, c.attr("eId"))
            && let Some(pos) = eid.strip_prefix("para_").filter(|p| p.chars().all(|ch| ch.is_ascii_digit()))
            && n.chars().all(|ch| ch.is_ascii_digit())
            && pos != n
            && !self.own
        {
            self.eid_by_position += 1;
            self.eid_by_position_at.get_or_insert(c.span);
        }
        let mut clause = Clause { num, span: c.span, ..Clause::default() };
        let mut nested = Vec::new();
        let mut pending_heading: Option<Text> = None;
        for e in c.elements() {
            match e.name {
                "num" => {}
                "heading" | "subheading" => {
                    let t = self.notes.text(e);
                    clause.heading = Some(t);
                }
                "content" | "intro" => {
                    let t = self.notes.blocks(e);
                    if clause.text.text.is_empty() {
                        clause.text = t;
                    } else if !t.text.is_empty() {
                        append(&mut clause.text, t, self.own);
                    }
                    self.embedded_in(e, &mut clause);
                }
                "list" | "blockList" => {
                    if let Some(intro) = e.elements().find(|i| matches!(i.name, "listIntroduction" | "intro")) {
                        let t = self.notes.blocks(intro);
                        if !t.text.is_empty() {
                            append(&mut clause.text, t, self.own);
                        }
                    }
                    let mut pts = self.points(e);
                    if let Some(h) = pending_heading.take()
                        && let Some(p) = pts.first_mut()
                    {
                        p.heading = Some(h);
                    }
                    clause.points.extend(pts);
                }
                "crossHeading" => pending_heading = Some(self.notes.text(e)),
                "wrapUp" => clause.wrap_up = Some(self.notes.blocks(e)),
                "componentRef" => {
                    if let Some(emb) = self.component_ref(e) {
                        clause.embedded.push(emb);
                    }
                }
                "paragraph" | "subparagraph" => self.paragraph(e, &mut nested),
                "embeddedStructure" | "quotedStructure" => {
                    let b = self.body_of(e);
                    clause.embedded.push(self.embedded_body(b, e.span));
                }
                _ => {
                    let t = self.notes.blocks(&wrap(e));
                    if !t.text.is_empty() {
                        append(&mut clause.text, t, self.own);
                    }
                }
            }
        }
        // `<num>1.1</num>` with the full stop left in the text (". Raise awareness", A/RES/76/3).
        if clause.num.is_some()
            && let Some(rest) = clause.text.text.strip_prefix('.')
            && rest.starts_with(char::is_whitespace)
        {
            let at = clause.text.text.len() - rest.trim_start().len();
            clause.text = cut_head(&clause.text, at);
        }
        let lead = crate::structure::lead_kind(&clause.text, &self.lang);
        if clause.num.as_deref() == Some("l") && lead.as_ref().is_some_and(|l| l.1 == crate::words::Part::Operative) {
            // `<num>l.</num>` before an operative lead phrase: the number 1 typed as the
            // letter l (A/RES/76/256).
            self.warn(c.span, "paragraph number typed as the letter \"l\" (source defect); read as 1");
            clause.num = Some("1".to_string());
        }
        clause.lead = lead.map(|l| l.0);
        out.push(Item::Clause(clause));
        out.extend(nested);
    }

    /// Documents embedded in the blocks of a paragraph's content.
    fn embedded_in(&mut self, content: &Node, clause: &mut Clause) {
        let mut found = Vec::new();
        content.find_all("embeddedStructure", &mut found);
        content.find_all("quotedStructure", &mut found);
        for e in found {
            let b = self.body_of(e);
            clause.embedded.push(self.embedded_body(b, e.span));
        }
    }

    fn embedded_body(&mut self, body: Body, span: Span) -> Embedded {
        let organ = body
            .formula
            .as_ref()
            .and_then(|f| crate::structure::formula(&f.text))
            .map(|(o, _)| crate::structure::organ_of(o));
        Embedded { kind: DocKind::DraftResolution, organ, title: None, body, span }
    }

    fn component_ref(&mut self, r: &Node) -> Option<Embedded> {
        let src = r.attr("src").unwrap_or("").trim_start_matches('#').to_string();
        let Some(c) = self.components.get(&src).cloned() else {
            self.warn(r.span, format!("componentRef to \"{src}\", which is no component of this document; dropped"));
            return None;
        };
        self.used.push(src);
        let d = c.elements().next()?;
        Some(self.embedded_doc(d))
    }

    fn section(&mut self, c: &Node) -> Section {
        let mut s = Section { span: c.span, ..Section::default() };
        s.num = c.child("num").and_then(|n| clean_num(&n.plain_text()));
        let mut inner = Node { name: c.name, span: c.span, ..Node::default() };
        for ch in &c.children {
            match ch {
                Child::Element(e) if e.name == "num" => {}
                Child::Element(e) if matches!(e.name, "heading" | "subheading") && s.items.is_empty() => {
                    let t = self.notes.text(e);
                    if s.num.is_none() && s.heading.is_none() && is_section_label(&t.text) {
                        s.num = Some(t.text.trim().trim_end_matches('.').to_string());
                    } else if s.heading.is_none() {
                        s.heading = Some(t);
                    } else {
                        inner.children.push(ch.clone());
                    }
                }
                Child::Element(e) if e.name == "intro" && self.own => {
                    // unlod's own section preamble: blockContainers.
                    for b in e.elements() {
                        let cl = self.container(b);
                        s.preamble.push(cl);
                    }
                }
                _ => inner.children.push(ch.clone()),
            }
        }
        let mut pre = std::mem::take(&mut s.preamble);
        s.items = self.items(&inner, &mut pre);
        s.preamble = pre;
        // A section whose title the XML types as its first paragraph.
        if !self.own
            && s.heading.is_none()
            && let Some(Item::Clause(c)) = s.items.first()
            && c.num.is_none()
            && c.lead.is_none()
            && c.points.is_empty()
            && c.embedded.is_empty()
            && s.items.len() > 1
            && let Item::Clause(c) = s.items.remove(0)
        {
            s.heading = Some(c.text);
        }
        s
    }

    fn points(&mut self, list: &Node) -> Vec<Point> {
        let mut out: Vec<Point> = Vec::new();
        let mut heading: Option<Text> = None;
        let mut escaping = false;
        // A point labelled like a section ("I. Secure environment:") whose list follows it:
        // the heading of that list, whose points are the list's own.
        let mut hoist = false;
        let elements: Vec<&Node> = list.elements().collect();
        for (i, e) in elements.iter().copied().enumerate() {
            match e.name {
                "point" | "item" | "indent" | "alinea" | "paragraph" | "subparagraph"
                    if !self.own
                        && e.child("num").is_some_and(|n| is_section_label(&n.plain_text()))
                        && !e.elements().any(|c| matches!(c.name, "list" | "sublist" | "blockList"))
                        && elements.get(i + 1).is_some_and(|n| matches!(n.name, "sublist" | "list" | "blockList")) =>
                {
                    let p = self.point(e);
                    heading = Some(p.text);
                    hoist = true;
                }
                "point" | "item" | "indent" | "alinea" | "paragraph" | "subparagraph" => {
                    let mut p = self.point(e);
                    p.heading = heading.take().or(p.heading);
                    // "4." after "(c)": the next operative paragraph, nested by the XML.
                    let raw = e.child("num").map(Node::plain_text).unwrap_or_default();
                    let n = raw.strip_suffix('.').and_then(|d| d.parse::<u32>().ok());
                    let follows = |n: u32| {
                        out.last().and_then(|l| l.num.as_deref()).and_then(|l| l.parse::<u32>().ok()) == Some(n - 1)
                    };
                    if !self.own && n.is_some_and(|n| n > 1 && !follows(n)) {
                        escaping = true;
                        self.warn(e.span, "an operative paragraph nested in the list of the paragraph before (source defect); read as a paragraph");
                    }
                    if escaping {
                        match (n, self.escaped.last_mut()) {
                            (None, Some(last)) => insert_point(&mut last.points, p),
                            _ => {
                                let lead = crate::structure::lead_of(&p.text, &self.lang);
                                self.escaped.push(Clause {
                                    num: p.num,
                                    lead,
                                    text: p.text,
                                    points: p.points,
                                    wrap_up: p.wrap_up,
                                    span: p.span,
                                    ..Clause::default()
                                });
                            }
                        }
                        continue;
                    }
                    out.push(p);
                }
                "sublist" | "list" | "blockList" if hoist => {
                    hoist = false;
                    let mut pts = self.points(e);
                    if let Some(first) = pts.first_mut() {
                        first.heading = heading.take().or(first.heading.take());
                    }
                    out.extend(pts);
                }
                "sublist" | "list" | "blockList" => {
                    let pts = self.points(e);
                    match out.last_mut() {
                        Some(last) => last.points.extend(pts),
                        None => out.extend(pts),
                    }
                }
                "crossHeading" | "heading" | "subheading" => heading = Some(self.notes.text(e)),
                "listIntroduction" | "intro" => {}
                "listWrapUp" | "wrapUp" => {
                    // Text after the points: kept on the last point.
                    let t = self.notes.blocks(e);
                    if let Some(last) = out.last_mut() {
                        last.wrap_up = Some(t);
                    }
                }
                _ => {
                    let t = self.notes.blocks(&wrap(e));
                    if !t.text.is_empty() {
                        out.push(Point { text: t, span: e.span, ..Point::default() });
                    }
                }
            }
        }
        out
    }

    fn point(&mut self, e: &Node) -> Point {
        let mut p = Point { span: e.span, ..Point::default() };
        p.num = e.child("num").and_then(|n| clean_num(&n.plain_text()));
        let direct = e.children.iter().any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()));
        if direct {
            let t = self.notes.text(e);
            let (num, text) = split_label(t);
            p.num = p.num.or(num);
            p.text = text;
            return p;
        }
        for c in e.elements() {
            match c.name {
                "num" => {}
                "content" | "intro" | "p" => {
                    let t = if c.name == "p" { self.notes.text(c) } else { self.notes.blocks(c) };
                    if p.text.text.is_empty() {
                        p.text = t;
                    } else if !t.text.is_empty() {
                        append(&mut p.text, t, self.own);
                    }
                }
                "list" | "sublist" | "blockList" => {
                    let pts = self.points(c);
                    p.points.extend(pts);
                }
                "wrapUp" => p.wrap_up = Some(self.notes.blocks(c)),
                "heading" | "subheading" => p.heading = Some(self.notes.text(c)),
                _ => {
                    let t = self.notes.blocks(&wrap(c));
                    if !t.text.is_empty() {
                        append(&mut p.text, t, self.own);
                    }
                }
            }
        }
        p
    }

    fn table(&mut self, t: &Node) -> Table {
        let mut rows = Vec::new();
        let mut header = false;
        let mut trs = Vec::new();
        t.find_all("tr", &mut trs);
        for (i, tr) in trs.iter().enumerate() {
            let mut row = Vec::new();
            for cell in tr.elements() {
                if i == 0 && cell.name == "th" {
                    header = true;
                }
                row.push(self.notes.blocks(cell));
            }
            rows.push(row);
        }
        Table { rows, header, span: t.span }
    }

    fn annex(&mut self, d: &Node) -> Annex {
        let mut annex = Annex { span: d.span, ..Annex::default() };
        if let Some(p) = d.child("preface") {
            for b in p.elements() {
                if let Some(n) = b.find("docNumber") {
                    annex.label = n.plain_text();
                }
                let mut titles = Vec::new();
                b.find_all("docTitle", &mut titles);
                if titles.is_empty() && b.find("docNumber").is_none() {
                    let t = self.notes.text(b);
                    if !t.text.is_empty() {
                        if annex.label.is_empty() && t.text.to_lowercase().starts_with("annex") && t.text.len() < 20 {
                            annex.label = t.text;
                        } else {
                            annex.headings.push(t);
                        }
                    }
                }
                for t in titles {
                    let t = self.notes.text(t);
                    annex.headings.push(t);
                }
            }
        }
        let mut pre = Vec::new();
        let mut main = Node { name: "mainBody", span: d.span, ..Node::default() };
        for c in d.elements() {
            match c.name {
                "meta" | "preface" | "conclusions" => {}
                "mainBody" | "body" | "preamble" => main.children.extend(c.children.iter().cloned()),
                _ => main.children.push(Child::Element(c.clone())),
            }
        }
        // An annex's label and headings, where the UN puts them as the first headings.
        let mut items = self.items(&main, &mut pre);
        if annex.label.is_empty()
            && let Some(Item::Section(s)) = items.first()
            && s.heading.as_ref().is_some_and(|h| h.text.to_lowercase().starts_with("annex") && h.text.len() < 20)
            && s.num.is_none()
            && let Some(Item::Section(s)) = (!items.is_empty()).then(|| items.remove(0))
        {
            annex.label = s.heading.map(|h| h.text).unwrap_or_default();
            let mut rest = s.items;
            rest.append(&mut items);
            items = rest;
        }
        for c in pre {
            items.insert(0, Item::Clause(c));
        }
        annex.items = items;
        annex
    }

    fn conclusions(&mut self, c: &Node) -> Adoption {
        let mut lines = Vec::new();
        for p in c.elements() {
            let t = if p.name == "p" { self.notes.text(p) } else { self.notes.blocks(&wrap(p)) };
            if !t.text.trim().is_empty() {
                lines.push(t.text);
            }
        }
        let line = lines.join("\n");
        Adoption { line: (!line.is_empty()).then_some(line), span: c.span, ..Adoption::default() }
    }
}

/// Whether a paragraph's number is a sub-paragraph's label ("a", "iv", "-"): not a paragraph
/// number ("12", "1.1") nor a section's ("A", "IV").
fn is_point_label(n: &str) -> bool {
    !n.chars().all(|c| c.is_ascii_digit() || c == '.') && n.len() <= 7 && !is_section_label(n)
}

/// A paragraph the XML numbers "(a)", as the sub-paragraph it is; `heading` is a heading
/// met before it, else its own.
fn point_of(cl: Clause, heading: Option<Text>) -> Point {
    Point {
        heading: heading.or(cl.heading),
        num: cl.num,
        text: cl.text,
        points: cl.points,
        wrap_up: cl.wrap_up,
        actions: Vec::new(),
        span: cl.span,
    }
}

/// Whether the last paragraph of `items` ends with a colon.
fn items_last_ends_colon(items: &[Item]) -> bool {
    let mut clauses = Vec::new();
    crate::model::collect_clauses(items, &mut clauses);
    clauses.last().is_some_and(|c| c.text.text.trim_end().ends_with(':'))
}

/// The list of points at `depth` (1 is `points` itself): the sub-points of the last point
/// of each level above.
fn nth_level(points: &mut Vec<Point>, depth: usize) -> Option<&mut Vec<Point>> {
    if depth <= 1 {
        return Some(points);
    }
    let last = points.last_mut()?;
    nth_level(&mut last.points, depth - 1)
}

/// The last point at the deepest level.
fn deepest_point(points: &mut [Point]) -> Option<&mut Point> {
    let last = points.last_mut()?;
    if last.points.is_empty() {
        return Some(last);
    }
    deepest_point(&mut last.points)
}

fn push_item(open: &mut Option<Section>, items: &mut Vec<Item>, item: Item) {
    match open {
        Some(s) => s.items.push(item),
        None => items.push(item),
    }
}

fn last_clause(items: &mut [Item]) -> Option<&mut Clause> {
    match items.last_mut()? {
        Item::Clause(c) => Some(c),
        Item::Section(s) => last_clause(&mut s.items),
        Item::Table(_) => None,
    }
}

/// Whether a short text is bold from end to end (a heading typed as a paragraph).
fn all_bold(t: &Text) -> bool {
    let len = t.text.trim_end().len();
    len > 0
        && len < 300
        && t.styles.iter().any(|s| s.style == crate::model::Style::Bold && s.start == 0 && s.end >= len)
}

fn section_from_heading(t: Text, span: Span) -> Section {
    if is_section_label(&t.text) {
        Section { num: Some(t.text.trim().trim_end_matches('.').to_string()), span, ..Section::default() }
    } else {
        Section { heading: Some(t), span, ..Section::default() }
    }
}

/// A node as the only child of a wrapper, so that `blocks` reads it as one block.
fn wrap<'a>(n: &Node<'a>) -> Node<'a> {
    Node { name: "wrap", children: vec![Child::Element(n.clone())], span: n.span, ..Node::default() }
}

/// Appends `more` to `text`, a space between (a line break in unlod's own files, which
/// write one block per line of the source).
fn append(text: &mut Text, more: Text, own: bool) {
    let sep = if own { "\n" } else { " " };
    if text.text.is_empty() {
        *text = more;
        return;
    }
    let base = text.text.len() + sep.len();
    text.text.push_str(sep);
    text.text.push_str(&more.text);
    text.notes.extend(more.notes.into_iter().map(|mut n| {
        n.at += base;
        n
    }));
    text.styles.extend(more.styles.into_iter().map(|mut s| {
        s.start += base;
        s.end += base;
        s
    }));
}

fn trim_end_chars(t: &mut Text, chars: &[char]) {
    let trimmed = t.text.trim_end().trim_end_matches(chars).trim_end().len();
    t.text.truncate(trimmed);
    for s in &mut t.styles {
        s.end = s.end.min(trimmed);
    }
    t.styles.retain(|s| s.start < s.end);
    for n in &mut t.notes {
        n.at = n.at.min(trimmed);
    }
}

/// Whether a paragraph's text opens with a sub-paragraph label (`(a) `, `(iv) `, `– `).
fn label_in_text(s: &str) -> bool {
    if let Some(rest) = s.strip_prefix('(')
        && let Some(i) = rest.find(") ")
    {
        let l = &rest[..i];
        return (1..=4).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    }
    s.starts_with("– ") || s.starts_with("- ") || s.starts_with("• ")
}

fn is_roman(l: &str) -> bool {
    !l.is_empty() && l.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// Adds a point to a list: a roman label after a lettered point (other than `(i)` following
/// `(h)`) nests under it.
fn insert_point(points: &mut Vec<Point>, p: Point) {
    let num = p.num.clone().unwrap_or_default();
    if is_roman(&num)
        && let Some(last) = points.last_mut()
        && let Some(ln) = last.num.as_deref()
        && !is_roman(ln)
        && ln != "-"
        && !(num == "i" && ln == "h")
    {
        last.points.push(p);
        return;
    }
    if num == "-"
        && let Some(last) = points.last_mut()
        && last.num.as_deref().is_some_and(|n| n != "-")
    {
        last.points.push(p);
        return;
    }
    points.push(p);
}

/// A label written as text at the start of a point (`(a) `, `– `), split off.
fn split_label(t: Text) -> (Option<String>, Text) {
    let s = t.text.as_str();
    let label_end = if s.starts_with('(') {
        s.find(") ").filter(|i| *i <= 8).map(|i| i + 2)
    } else if s.starts_with("– ") || s.starts_with("- ") || s.starts_with("• ") {
        s.find(' ').map(|i| i + 1)
    } else {
        None
    };
    let Some(end) = label_end else { return (None, t) };
    let num = s.get(..end).and_then(clean_num);
    (num, cut_head(&t, end))
}

/// A paragraph number typed in the text without its full stop before an italic lead
/// phrase (`3 *Calls upon*`), as the text reader reads one: the number, and the text after it.
fn bare_number(t: &Text) -> Option<(String, Text)> {
    let s = t.text.as_str();
    let digits = s.find(|c: char| !c.is_ascii_digit())?;
    // `3 Calls upon`, or `232 .Recognizes` (A/RES/77/248): the stop after a space.
    let after = s.get(digits..)?.trim_start();
    let after = after.strip_prefix('.').unwrap_or(after).trim_start();
    let end = s.len() - after.len();
    let italic_next = t.styles.iter().any(|st| st.start == end && st.style == crate::model::Style::Italic);
    ((1..=3).contains(&digits) && end > digits && italic_next).then(|| (s[..digits].to_string(), cut_head(t, end)))
}

/// The text after byte `end`, marks shifted.
fn cut_head(t: &Text, end: usize) -> Text {
    let s = t.text.as_str();
    Text {
        text: s.get(end..).unwrap_or("").to_string(),
        notes: t.notes.iter().map(|n| crate::model::NoteCall { at: n.at.saturating_sub(end), ..*n }).collect(),
        styles: t
            .styles
            .iter()
            .filter(|st| st.end > end)
            .map(|st| crate::model::Styled { start: st.start.saturating_sub(end), end: st.end - end, style: st.style })
            .collect(),
        mentions: Vec::new(),
    }
}

/// The model's kind for an AKN4UN document name.
pub(super) fn kind_of(name: &str) -> DocKind {
    match name {
        "decision" => DocKind::Decision,
        "draftResolution" => DocKind::DraftResolution,
        "draftDecision" => DocKind::DraftDecision,
        "declaration" => DocKind::Declaration,
        "text" => DocKind::Other,
        _ => DocKind::Resolution,
    }
}
