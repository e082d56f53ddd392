//! Pages undone in plain text (pdftotext output, OCR).
//!
//! Paragraphs are runs of non-blank lines; a line that ends a wrapped paragraph is joined to
//! the next with a space, or without one where a word was cut by a hyphen at the line end and
//! the document's own words know it whole. A form feed is a page end.

use super::{Block, BlockKind, Blocks, Rich};
use crate::model::Span;
use std::collections::HashSet;

/// Undoes the pages of a plain text.
pub(super) fn undo_pages(text: &str) -> Blocks {
    let words: HashSet<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect();
    let mut out = Blocks::default();
    let mut cur: Vec<(&str, usize)> = Vec::new();
    let mut page_end = false;
    let mut offset = 0;
    let flush = |cur: &mut Vec<(&str, usize)>, out: &mut Blocks, page_end: &mut bool| {
        if let (Some(&(_, s)), Some(&(l, e))) = (cur.first(), cur.last()) {
            let block = Block {
                kind: BlockKind::Para,
                text: Rich::plain(&join_lines(cur.iter().map(|(l, _)| *l), &words)),
                rows: Vec::new(),
                span: Span::new(s, e + l.len()),
            };
            if *page_end {
                *page_end = false;
                if let Some(prev) = out.blocks.last_mut()
                    && super::continues(prev, &block)
                {
                    super::join(prev, &block);
                    cur.clear();
                    return;
                }
            }
            out.blocks.push(block);
        }
        cur.clear();
    };
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        if line.contains('\x0c') {
            flush(&mut cur, &mut out, &mut page_end);
            page_end = true;
        }
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
        if t.is_empty() {
            flush(&mut cur, &mut out, &mut page_end);
            continue;
        }
        cur.push((t, start));
    }
    flush(&mut cur, &mut out, &mut page_end);
    out
}

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
