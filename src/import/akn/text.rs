//! Inline content (`<p>` and the like) into model [`Text`]: words, styles, footnotes.
//!
//! The UN's files indent their mixed content, so whitespace runs are collapsed to one space
//! and trimmed, as the Markdown renderings of them are; unlod's own files are read as they
//! are, byte for byte. `<authorialNote>` becomes a footnote of the document with a
//! [`NoteCall`] where it stands, `<noteRef>` a further call of a footnote met before.

use super::dom::{Child, Node};
use crate::error::Warning;
use crate::model::{Footnote, NoteCall, Style, Styled, Text};
use std::collections::HashMap;

/// What the reading of inline content shares across a document.
#[derive(Default)]
pub struct Notes {
    /// Footnotes in the order their notes are met.
    pub footnotes: Vec<Footnote>,
    /// Footnote index by eId, for `<noteRef href="#…">`.
    by_eid: HashMap<String, usize>,
    /// Whether whitespace is kept as it is (unlod's own files).
    pub preserve: bool,
    /// Problems met.
    pub warnings: Vec<Warning>,
}

struct Builder<'n> {
    out: Text,
    pending_space: bool,
    preserve: bool,
    notes: &'n mut Notes,
    in_note: bool,
}

impl Builder<'_> {
    fn push_str(&mut self, s: &str) {
        if self.preserve {
            self.out.text.push_str(s);
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
                    self.out.text.push(' ');
                }
                self.pending_space = false;
                self.out.text.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        if !self.preserve {
            self.pending_space = false;
            if self.out.text.is_empty() || self.out.text.ends_with('\n') {
                return;
            }
        }
        self.out.text.push('\n');
    }

    fn walk(&mut self, node: &Node) {
        for c in &node.children {
            match c {
                Child::Text(t) => self.push_str(t),
                Child::Element(n) => self.element(n),
            }
        }
    }

    fn styled(&mut self, n: &Node, style: Style) {
        // Pushed when opened, so that an outer style comes before an inner one of the same
        // range, as the writer nests them.
        let start = self.out.text.len();
        let at = self.out.styles.len();
        self.out.styles.push(Styled { start, end: start, style });
        self.walk(n);
        let end = self.out.text.len();
        if let Some(s) = self.out.styles.get_mut(at) {
            s.end = end;
        }
    }

    fn element(&mut self, n: &Node) {
        match n.name {
            "i" => self.styled(n, Style::Italic),
            "b" => self.styled(n, Style::Bold),
            "sup" => self.styled(n, Style::Superscript),
            "span" | "inline" if n.attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == "italic")) => {
                self.styled(n, Style::Italic)
            }
            "span" | "inline" if n.attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == "bold")) => {
                self.styled(n, Style::Bold)
            }
            "eol" | "br" => self.line_break(),
            "img" | "componentRef" | "embeddedStructure" | "quotedStructure" | "subFlow" => {}
            "authorialNote" if !self.in_note => {
                let marker = n.attr("marker").unwrap_or("").to_string();
                let mut inner = Builder {
                    out: Text::default(),
                    pending_space: false,
                    preserve: self.preserve,
                    notes: self.notes,
                    in_note: true,
                };
                inner.blocks(n);
                let text = inner.finish();
                let index = self.notes.footnotes.len();
                self.notes.footnotes.push(Footnote { marker, text, span: n.span });
                if let Some(eid) = n.attr("eId") {
                    self.notes.by_eid.insert(eid.to_string(), index);
                }
                self.out.notes.push(NoteCall { at: self.out.text.len(), footnote: index });
            }
            "noteRef" if !self.in_note => {
                let target = n.attr("href").unwrap_or("").trim_start_matches('#');
                match self.notes.by_eid.get(target) {
                    Some(&i) => self.out.notes.push(NoteCall { at: self.out.text.len(), footnote: i }),
                    None => self.notes.warnings.push(Warning::at(
                        n.span,
                        format!("noteRef to \"{target}\", which is no note met before; dropped"),
                    )),
                }
            }
            "authorialNote" | "noteRef" => {}
            "p" | "block" | "blockList" | "item" | "listIntroduction" | "listWrapUp" => {
                // A block inside inline content: keep it apart by a space.
                self.push_str(" ");
                self.walk(n);
                self.push_str(" ");
            }
            _ => self.walk(n),
        }
    }

    /// The blocks of a note or a cell: `<p>`s joined by a space.
    fn blocks(&mut self, n: &Node) {
        for (i, c) in n.children.iter().enumerate() {
            match c {
                // Indentation between blocks.
                Child::Text(t) if t.trim().is_empty() => {}
                Child::Text(t) => self.push_str(t),
                Child::Element(p) if p.name == "p" => {
                    if i > 0 && !self.out.text.is_empty() {
                        self.push_str(" ");
                    }
                    self.walk(p);
                }
                Child::Element(e) => self.element(e),
            }
        }
    }

    fn finish(mut self) -> Text {
        if !self.preserve {
            while self.out.text.ends_with('\n') {
                self.out.text.pop();
            }
        }
        let len = self.out.text.len();
        let text = self.out.text.as_str();
        // A run the writer cut where a mention (`<ref>`, `<organization>`) begins or ends is
        // one run again: touching runs of one style are joined.
        let mut raw = std::mem::take(&mut self.out.styles);
        raw.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut joined: Vec<Styled> = Vec::with_capacity(raw.len());
        for s in raw {
            if let Some(m) = joined.iter_mut().rev().find(|m| m.style == s.style)
                && s.start <= m.end
            {
                m.end = m.end.max(s.end);
                continue;
            }
            joined.push(s);
        }
        // Styles hug the words: no space at either end, none empty.
        let mut styles = Vec::with_capacity(joined.len());
        for mut s in joined {
            s.end = s.end.min(len);
            if !self.preserve {
                while s.start < s.end && text.get(s.start..).is_some_and(|r| r.starts_with(' ')) {
                    s.start += 1;
                }
            }
            if s.start < s.end {
                styles.push(s);
            }
        }
        styles.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        self.out.styles = styles;
        for n in &mut self.out.notes {
            n.at = n.at.min(len);
        }
        self.out
    }
}

impl Notes {
    /// Notes of a document; `preserve` keeps whitespace as it is.
    pub fn new(preserve: bool) -> Notes {
        Notes { preserve, ..Notes::default() }
    }

    /// The inline content of `node` as a text.
    pub fn text(&mut self, node: &Node) -> Text {
        let preserve = self.preserve;
        let mut b = Builder { out: Text::default(), pending_space: false, preserve, notes: self, in_note: false };
        b.walk(node);
        b.finish()
    }

    /// The `<p>` blocks of `node` (a note, a cell, a container), joined by a space.
    pub fn blocks(&mut self, node: &Node) -> Text {
        let preserve = self.preserve;
        let mut b = Builder { out: Text::default(), pending_space: false, preserve, notes: self, in_note: false };
        b.blocks(node);
        b.finish()
    }
}
