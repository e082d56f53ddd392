//! Pages undone in Markdown converted from PDF (pymupdf4llm and the like).
//!
//! A page foot is a `---` rule followed by `<sup>N</sup> text` footnotes; a page head is a
//! running header such as `**2/4**    **A/RES/76/300**`, a job-number footer
//! (`18-16895 (E)    241018`), or a bold line repeated on several pages. After a page end,
//! the first block joins the last one before it when it continues it.

use super::{Block, BlockKind, Blocks, NoteText, inline};
use crate::model::Span;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A raw block: consecutive lines of one kind.
struct Raw<'a> {
    lines: Vec<&'a str>,
    span: Span,
}

static PAGE_HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^[*_\s]*(?:\d{1,3}\s*/\s*\d{1,3}[*_\s]+[A-Z][A-Za-z0-9./()\- ]*?|[A-Z][A-Za-z0-9./()\- ]*?[*_\s]+\d{1,3}\s*/\s*\d{1,3})[*_\s]*$",
    )
    .ok()
});
static JOB_NUMBER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^[*_\s]*\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s|\*|$)").ok());
static QUOTED_NOTE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(\d{1,3}|\*{1,3}|[a-z])\s+").ok());
static PAGE_NUMBER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^[*_\s]*(?:-\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?[*_\s]*$").ok());
static SYMBOL_LINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^[*_\s]*(?:A|S|E|T|A/HRC)/(?:RES|DEC|[0-9]|ES-|S-)[A-Za-z0-9./()\- ]*[*_\s]*$").ok());

fn is_match(re: &LazyLock<Option<Regex>>, s: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(s))
}

/// Splits the text into raw blocks: runs of non-blank lines; a heading line and a rule line
/// are blocks of their own, and table lines group together.
fn raw_blocks(text: &str) -> Vec<Raw<'_>> {
    let mut out: Vec<Raw<'_>> = Vec::new();
    let mut cur: Option<Raw<'_>> = None;
    let mut offset = 0;
    for line in crate::bytes::lines(text) {
        let start = offset;
        offset += line.len() + 1;
        let t = line.trim();
        if t.is_empty() {
            out.extend(cur.take());
            continue;
        }
        let single = t.starts_with('#') || is_rule(t);
        let table = t.starts_with('|');
        if single {
            out.extend(cur.take());
            out.push(Raw { lines: vec![line], span: Span::new(start, start + line.len()) });
            continue;
        }
        if let Some(c) = &mut cur {
            let cur_table = c.lines.first().is_some_and(|l| l.trim().starts_with('|'));
            if cur_table == table {
                c.lines.push(line);
                c.span.end = start + line.len();
                continue;
            }
            out.extend(cur.take());
        }
        cur = Some(Raw { lines: vec![line], span: Span::new(start, start + line.len()) });
    }
    out.extend(cur);
    out
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| c == '-')
}

/// Whether a one-line block is a page header or footer. Lines with a page number and a
/// symbol, and job numbers, are furniture anywhere; a bare page number, a bare symbol or a
/// bold-only line only once the body has begun and (for the latter two) when printed before.
fn is_page_furniture(t: &str, body_started: bool, seen_before: bool) -> bool {
    if is_match(&PAGE_HEADER, t) || is_match(&JOB_NUMBER, t) {
        return true;
    }
    if !body_started {
        return false;
    }
    if is_match(&PAGE_NUMBER, t) {
        return true;
    }
    let bare = t.trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    let bold_only = t.starts_with("**") && t.ends_with("**") && !bare.contains("**");
    seen_before && ((is_match(&SYMBOL_LINE, t) && bare.len() < 40) || bold_only)
}

/// Undoes the pages of a Markdown text.
pub(super) fn undo_pages(text: &str) -> Blocks {
    // The lines met so far (foldhash: SipHash was a sixth of undoing the pages).
    let mut seen: foldhash::HashSet<String> = foldhash::HashSet::default();
    // The document's words, built the first time a word cut by a hyphen needs them.
    let known: std::cell::OnceCell<HashSet<&str>> = std::cell::OnceCell::new();
    let mut out = Blocks::default();
    let mut in_notes = false;
    let mut page_end = false;
    let mut body_started = false;
    for r in raw_blocks(text) {
        let first = r.lines.first().map_or("", |l| l.trim());
        if is_rule(first) {
            in_notes = true;
            page_end = true;
            continue;
        }
        if first.starts_with("<sup>")
            && in_notes
            && let Some(note) = note_text(&r)
        {
            out.notes.push(note);
            continue;
        }
        // PDF converters print page-foot notes as block quotes: `> 1  See A/AC.105/1137.`,
        // continued in a quote without a number.
        if first.starts_with('>') {
            let lines: Vec<&str> =
                r.lines.iter().map(|l| l.trim_start().trim_start_matches('>').trim_start()).collect();
            let rich = inline::parse(&lines);
            let marker = QUOTED_NOTE
                .as_ref()
                .and_then(|re| re.captures(&rich.text))
                .and_then(|c| Some((c.get(1)?.as_str().to_string(), c.get(0)?.end())));
            match (marker, out.notes.last_mut()) {
                (Some((m, len)), _) => {
                    out.notes.push(NoteText { marker: m, text: rich.tail(len).trim(), span: r.span });
                    in_notes = true;
                    page_end = true;
                    continue;
                }
                // Converters quote only notes: an unnumbered quote continues the last note,
                // whose end a page cut carried to the foot of the next page.
                (None, Some(last)) => {
                    last.text.push(" ", &rich.trim());
                    last.span = last.span.join(r.span);
                    continue;
                }
                (None, None) => {}
            }
        }
        in_notes = false;
        if let [line] = r.lines.as_slice() {
            let bare =
                line.trim().trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace()).to_string();
            let seen_before = !seen.insert(bare);
            if is_page_furniture(first, body_started, seen_before) {
                page_end = true;
                continue;
            }
        }
        let block = to_block(&r);
        if block.text.text.trim().is_empty() && block.kind != BlockKind::Table {
            continue;
        }
        if page_end {
            page_end = false;
            if let Some(prev) = out.blocks.last_mut() {
                if prev.kind == BlockKind::Table && block.kind == BlockKind::Table {
                    join_tables(prev, block);
                    continue;
                }
                if super::continues(prev, &block) {
                    super::join(prev, &block, &|w| known.get_or_init(|| super::words_of(text)).contains(w));
                    continue;
                }
            }
        }
        if block.kind == BlockKind::Para && block.text.leading_italic().is_some() {
            body_started = true;
        }
        out.blocks.push(block);
    }
    out
}

/// A footnote block: `<sup>N</sup> text`.
fn note_text(r: &Raw<'_>) -> Option<NoteText> {
    let rich = inline::parse(&r.lines);
    let (at, marker) = rich.calls.first()?.clone();
    if at != 0 {
        return None;
    }
    let mut text = rich.tail(0);
    text.calls.remove(0);
    Some(NoteText { marker, text: text.trim(), span: r.span })
}

fn to_block(r: &Raw<'_>) -> Block {
    let first = r.lines.first().map_or("", |l| l.trim());
    if first.starts_with('|') {
        let rows = r
            .lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !is_table_rule(l))
            .map(|l| split_cells(l).iter().map(|c| inline::parse_str(c.trim())).collect())
            .collect();
        return Block { kind: BlockKind::Table, text: inline::Rich::default(), rows, span: r.span };
    }
    if first.starts_with('#') {
        let level = first.chars().take_while(|c| *c == '#').count().min(6) as u8;
        let rest = first.trim_start_matches('#').trim();
        return Block {
            kind: BlockKind::Heading(level),
            text: inline::parse_str(rest),
            rows: Vec::new(),
            span: r.span,
        };
    }
    // A list bullet that a converter put before a paragraph (`- [ without reference … ]`).
    let mut lines = r.lines.clone();
    if let Some(l) = lines.first_mut() {
        let t = l.trim_start();
        if let Some(rest) = t.strip_prefix("- [").or_else(|| t.strip_prefix("• [")) {
            *l = rest;
            let rich = inline::parse(&lines);
            let mut text = inline::Rich::plain("[");
            text.push("", &rich);
            return Block { kind: BlockKind::Para, text: text.trim(), rows: Vec::new(), span: r.span };
        }
    }
    Block { kind: BlockKind::Para, text: inline::parse(&lines).trim(), rows: Vec::new(), span: r.span }
}

fn is_table_rule(l: &str) -> bool {
    l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn split_cells(line: &str) -> Vec<&str> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').collect()
}

/// Joins a table continued on the next page, dropping its repeated header row.
fn join_tables(prev: &mut Block, next: Block) {
    let mut rows = next.rows.into_iter();
    let first = rows.next();
    if let Some(f) = first
        && prev.rows.first().map(|r| r.iter().map(|c| &c.text).collect::<Vec<_>>())
            != Some(f.iter().map(|c| &c.text).collect())
    {
        prev.rows.push(f);
    }
    prev.rows.extend(rows);
    prev.span = prev.span.join(next.span);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejoins_paragraph_split_by_footnotes() {
        let md = "“3. *Stresses* the importance of fair and effective criminal justice systems, and requests the Office to take into account the elements necessary for\n\n---\n\n<sup>3</sup> The Conference adopted it.\n\nbuilding national capacity;\n\n“4. *Requests* the Office;";
        let b = undo_pages(md);
        assert_eq!(b.blocks.len(), 2);
        assert!(b.blocks[0].text.text.ends_with("the elements necessary for building national capacity;"));
        assert_eq!(b.notes.len(), 1);
        assert_eq!(b.notes[0].marker, "3");
        assert_eq!(b.notes[0].text.text, "The Conference adopted it.");
    }

    #[test]
    fn rejoins_a_word_cut_by_a_hyphen_when_the_document_prints_it_whole() {
        let line = "1. *Requests* the Office to take into account the elements necessary for building national capac-";
        let md = format!(
            "{line}\n\n**2/4**    **A/RES/76/300**\n\nity and the drug-\n\n**A/RES/76/300**    **3/4**\n\nresistant forms; its capacity matters."
        );
        let b = undo_pages(&md);
        assert_eq!(b.blocks.len(), 1);
        assert!(b.blocks[0].text.text.contains("national capacity and the drug-"), "{}", b.blocks[0].text.text);
    }

    #[test]
    fn drops_running_headers() {
        let md = "# Title\n\n*Recalling* the purposes and principles of the Charter of the United Nations, and the obligations of the\n\n**2/4**    **A/RES/76/300**\n\nMember States,\n\n**A/RES/76/300**    **3/4**\n\n*Noting* that";
        let b = undo_pages(md);
        let texts: Vec<&str> = b.blocks.iter().map(|b| b.text.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].ends_with("the obligations of the Member States,"));
        assert_eq!(texts[2], "Noting that");
    }
}
