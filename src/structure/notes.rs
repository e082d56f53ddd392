//! Footnotes: texts pulled from page feet, matched to the calls in the text.
//!
//! A call `<sup>N</sup>` refers to the text printed with marker N on the same page, which is
//! the first text with that marker after the call; a repeated call (footnote 1 of the example
//! called again pages later) has no text after it and refers to the last one before it.
//! Numbered calls with no text anywhere get an empty footnote and a warning; texts never
//! called are kept, with a warning.

use crate::error::Warning;
use crate::layout::{NoteText, Rich};
use crate::model::{Footnote, NoteCall, Span, Style, Styled, Text};
use std::collections::HashMap;

/// Footnotes of a document, growing as calls are read.
#[derive(Debug, Default)]
pub struct Notes {
    texts: Vec<NoteText>,
    /// The texts of each marker, by index, in printed order.
    by_marker: HashMap<String, Vec<usize>>,
    /// The empty footnote made for each marker called without a text.
    missing: HashMap<String, usize>,
    /// Index in `footnotes` of each text, once used.
    used: Vec<Option<usize>>,
    /// The footnotes, in the order of first call.
    pub footnotes: Vec<Footnote>,
    /// Problems met.
    pub warnings: Vec<Warning>,
}

impl Notes {
    /// A resolver over the note texts found by layout.
    pub fn new(texts: Vec<NoteText>) -> Self {
        let used = vec![None; texts.len()];
        let mut by_marker: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in texts.iter().enumerate() {
            by_marker.entry(t.marker.clone()).or_default().push(i);
        }
        Notes { texts, used, by_marker, ..Notes::default() }
    }

    /// The footnote index for a call with `marker` at source offset `at`.
    fn resolve(&mut self, marker: &str, at: usize) -> usize {
        // The texts of this marker, in printed order (their spans increase).
        let same = self.by_marker.get(marker).map_or(&[][..], Vec::as_slice);
        let k = same.partition_point(|i| self.texts.get(*i).is_some_and(|t| t.span.start < at));
        let pick = same.get(k).or_else(|| k.checked_sub(1).and_then(|b| same.get(b))).copied();
        match pick {
            Some(i) => {
                if let Some(Some(f)) = self.used.get(i) {
                    return *f;
                }
                let Some(t) = self.texts.get(i).cloned() else { return self.missing(marker, at) };
                let text = note_text(&t.text);
                self.footnotes.push(Footnote { marker: t.marker.clone(), text, span: t.span });
                let idx = self.footnotes.len() - 1;
                if let Some(slot) = self.used.get_mut(i) {
                    *slot = Some(idx);
                }
                idx
            }
            None => self.missing(marker, at),
        }
    }

    fn missing(&mut self, marker: &str, at: usize) -> usize {
        if let Some(i) = self.missing.get(marker) {
            return *i;
        }
        self.warnings.push(Warning::at(
            Span::new(at, at),
            format!("footnote {marker} is called here but its text is not in the document"),
        ));
        self.footnotes.push(Footnote { marker: marker.to_string(), text: Text::default(), span: Span::new(at, at) });
        self.missing.insert(marker.to_string(), self.footnotes.len() - 1);
        self.footnotes.len() - 1
    }

    /// Converts rich text whose block starts at `at` in the source, resolving its calls.
    ///
    /// A superscript with no note text of its marker anywhere is not a call when it is not
    /// a number (`1<sup>er</sup>`, `n<sup>os</sup>`, a table's `<sup>a</sup>` or `<sup>×</sup>`
    /// explained under the table), when it opens its text (an isotope's mass number,
    /// `<sup>239</sup>Pu`: a call follows the words it annotates), or when the document
    /// prints no note text at all (`0.05 m<sup>3</sup>`): it goes back into the text as a
    /// superscript.
    pub fn text(&mut self, rich: &Rich, at: usize) -> Text {
        let _ = at;
        let mut t =
            Text { text: rich.text.clone(), notes: Vec::new(), styles: rich.styles.clone(), mentions: Vec::new() };
        let mut shift = 0;
        for (off, marker) in &rich.calls {
            let pos = (*off + shift).min(t.text.len());
            let number = marker.chars().all(|c| c.is_ascii_digit());
            let opens = rich.text.get(..*off).is_some_and(|b| b.trim().is_empty());
            if (!number || opens || self.texts.is_empty()) && !self.by_marker.contains_key(marker.as_str()) {
                if insert_superscript(&mut t, pos, marker) {
                    shift += marker.len();
                }
                continue;
            }
            let f = self.resolve(marker, at + off);
            t.notes.push(NoteCall { at: pos, footnote: f });
        }
        t
    }

    /// Appends the texts never called, in printed order, and warns about them.
    pub fn finish(&mut self) {
        for i in 0..self.texts.len() {
            if self.used.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let Some(t) = self.texts.get(i).cloned() else { continue };
            self.warnings.push(Warning::at(
                t.span,
                format!("footnote {} is printed but never called; kept at the end", t.marker),
            ));
            let text = note_text(&t.text);
            self.footnotes.push(Footnote { marker: t.marker, text, span: t.span });
            if let Some(slot) = self.used.get_mut(i) {
                *slot = Some(self.footnotes.len() - 1);
            }
        }
    }
}

/// A footnote's own text: a superscript in it (`n<sup>os</sup>`) stays as superscript
/// text, since a note calls no other note.
fn note_text(rich: &Rich) -> Text {
    let mut t = Text { text: rich.text.clone(), notes: Vec::new(), styles: rich.styles.clone(), mentions: Vec::new() };
    let mut shift = 0;
    for (off, marker) in &rich.calls {
        if insert_superscript(&mut t, off + shift, marker) {
            shift += marker.len();
        }
    }
    t
}

/// Puts `marker` back into the text at `pos` as a superscript run; false if `pos` is not on
/// a character boundary.
fn insert_superscript(t: &mut Text, pos: usize, marker: &str) -> bool {
    if !t.text.is_char_boundary(pos) {
        return false;
    }
    t.text.insert_str(pos, marker);
    let n = marker.len();
    for s in &mut t.styles {
        if s.start >= pos {
            s.start += n;
            s.end += n;
        } else if s.end > pos {
            s.end += n;
        }
    }
    for c in &mut t.notes {
        if c.at > pos {
            c.at += n;
        }
    }
    t.styles.push(Styled { start: pos, end: pos + n, style: Style::Superscript });
    t.styles.sort_by_key(|s| (s.start, s.end));
    true
}
