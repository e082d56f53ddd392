//! Pages undone in plain text (pdftotext output, OCR).
//!
//! Paragraphs are runs of non-blank lines; a line that ends a wrapped paragraph is joined to
//! the next with a space, or without one where a word was cut by a hyphen at the line end and
//! the document's own words know it whole. A form feed is a page end.

use super::{Block, BlockKind, Blocks, NoteText, Rich};
use crate::model::Span;
use crate::words::{Part, words};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Undoes the pages of a plain text.
pub(super) fn undo_pages(text: &str) -> Blocks {
    let known: HashSet<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect();
    let mut out = Blocks::default();
    let mut cur: Vec<(&str, usize)> = Vec::new();
    let mut page_end = false;
    let mut offset = 0;
    for line in crate::bytes::lines(text) {
        let start = offset;
        offset += line.len() + 1;
        if line.contains('\x0c') {
            flush(&mut cur, &mut out, &mut page_end, &known);
            page_end = true;
        }
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
        if t.is_empty() {
            flush(&mut cur, &mut out, &mut page_end, &known);
            continue;
        }
        cur.push((t, start));
    }
    flush(&mut cur, &mut out, &mut page_end, &known);
    pull_notes(&mut out);
    out
}

/// Turns the lines of one run of non-blank lines into blocks: split where OCR ran two
/// paragraphs together, and the first joined to the block before when a page end cut it.
fn flush(cur: &mut Vec<(&str, usize)>, out: &mut Blocks, page_end: &mut bool, known: &HashSet<String>) {
    let mut groups: Vec<Vec<(&str, usize)>> = Vec::new();
    for (i, line) in cur.iter().enumerate() {
        let split = i > 0 && cur.get(i - 1).is_some_and(|(prev, _)| starts_paragraph(prev, line.0));
        match groups.last_mut() {
            Some(g) if !split => g.push(*line),
            _ => groups.push(vec![*line]),
        }
    }
    cur.clear();
    for group in groups {
        let (Some(&(_, s)), Some(&(l, e))) = (group.first(), group.last()) else { continue };
        let block = Block {
            kind: BlockKind::Para,
            text: Rich::plain(&join_lines(group.iter().map(|(l, _)| *l), known)),
            rows: Vec::new(),
            span: Span::new(s, e + l.len()),
        };
        if std::mem::take(page_end)
            && let Some(prev) = out.blocks.last_mut()
            && super::continues(prev, &block)
        {
            super::join(prev, &block, &|w| known.contains(&w.to_lowercase()));
            continue;
        }
        out.blocks.push(block);
    }
}

static NOTE_BLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r#"^(\d{1,3})\s+[A-Z(“"]"#).ok());
static TRAILING_CALL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"([,;:.]?)\s*(\d{1,3})$").ok());
static CONCLUSION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)adopted|meeting|séance|sesión").ok());

/// Footnotes of an OCR text: the numbered lines after the adoption line at the end
/// (`27 One member (China) did not participate in the voting.`), called by a number at the
/// end of a paragraph (`… 1925 Geneva Protocol, 28`, `… by 14 votes to none 27`). A call
/// whose note text is lost is kept when its number follows punctuation and is too large to
/// be a paragraph or item number.
fn pull_notes(out: &mut Blocks) {
    let Some(note_re) = NOTE_BLOCK.as_ref() else { return };
    let mut first_note = out.blocks.len();
    while first_note > 0 && out.blocks.get(first_note - 1).is_some_and(|b| note_re.is_match(&b.text.text)) {
        first_note -= 1;
    }
    let after_conclusions = first_note > 0
        && out
            .blocks
            .get(first_note - 1)
            .is_some_and(|b| CONCLUSION.as_ref().is_some_and(|r| r.is_match(&b.text.text)));
    if first_note < out.blocks.len() && after_conclusions {
        for b in out.blocks.drain(first_note..) {
            let Some(c) = note_re.captures(&b.text.text) else { continue };
            let Some(m) = c.get(1) else { continue };
            let marker = m.as_str().to_string();
            let text = b.text.tail(m.end()).trim();
            out.notes.push(NoteText { marker, text, span: b.span });
        }
    }
    let Some(call_re) = TRAILING_CALL.as_ref() else { return };
    for b in &mut out.blocks {
        let Some(c) = call_re.captures(&b.text.text) else { continue };
        let (Some(all), Some(punct), Some(num)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let marker = num.as_str();
        let has_text = out.notes.iter().any(|n| n.marker == marker);
        let big = marker.parse::<u32>().is_ok_and(|n| n >= 10);
        if !(has_text || (big && !punct.as_str().is_empty())) || all.start() == 0 {
            continue;
        }
        let cut = all.start() + punct.as_str().len();
        let mut text = b.text.head(cut);
        text.calls.push((cut, marker.to_string()));
        b.text = text;
    }
}

/// Whether `line` opens a new paragraph although no blank line separates it from `prev`
/// (OCR loses them): a numbered paragraph or a sub-paragraph after a line that ends one, or
/// a preambular lead phrase after a line ending in a comma.
fn starts_paragraph(prev: &str, line: &str) -> bool {
    let prev = prev.trim_end();
    let ends = prev.ends_with([';', ':', '.', ',']);
    let numbered = NEW_ITEM.as_ref().is_some_and(|r| r.is_match(line));
    let lead = prev.ends_with(',') && words().lead_phrase_at("en", line).is_some_and(|l| l.part == Part::Preambular);
    (ends && numbered) || lead
}

static NEW_ITEM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(?:\d{1,3}\.\s|\([a-z]{1,4}\)\s)").ok());

/// Joins wrapped lines; `known` holds the document's words, lowercased.
pub(crate) fn join_lines<'a>(lines: impl Iterator<Item = &'a str>, known: &HashSet<String>) -> String {
    let mut out = String::new();
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        if out.ends_with('-') && !out.ends_with(" -") && line.chars().next().is_some_and(char::is_lowercase) {
            let stem: String = out
                .chars()
                .rev()
                .skip(1)
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let next: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
            if known.contains(&format!("{stem}{next}").to_lowercase()) {
                out.pop();
            }
            out.push_str(line);
            continue;
        }
        out.push(' ');
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines_and_lost_hyphens() {
        let b = undo_pages("Emphasizing the inadmissi-\nbility of war and the inadmissibility\nof it,\n\n1. Affirms");
        assert_eq!(b.blocks.len(), 2);
        assert_eq!(b.blocks[0].text.text, "Emphasizing the inadmissibility of war and the inadmissibility of it,");
    }

    #[test]
    fn keeps_real_hyphens() {
        let b = undo_pages("the Secretary-\ngeneral and the drug-\nresistant forms");
        assert_eq!(b.blocks[0].text.text, "the Secretary-general and the drug-resistant forms");
    }
}
