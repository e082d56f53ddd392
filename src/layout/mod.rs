//! Layout: [`Source`] in, [`Blocks`] out — the pages undone.
//!
//! A PDF conversion prints a resolution page by page: running headers and footers, the
//! footnotes of each page after a `---` rule at its foot, paragraphs cut by the page end and
//! continued on the next page. This stage gives back the blocks of the text as they were
//! before pagination: headers and footers dropped, footnote texts pulled out (their calls
//! stay in the text as marks), cut paragraphs joined, words split by a lost hyphen rejoined.
//! It knows Markdown and plain text; it does not know what a preamble is.

pub mod inline;
mod markdown;
mod text;

use crate::error::{Error, Warning};
use crate::model::Span;
use crate::read::{Format, Source};
pub use inline::Rich;

/// Longest line accepted, in bytes. Longer lines are an error, not a slow conversion.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// What a block is, as far as layout can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of text.
    Para,
    /// A Markdown heading of the given level (1–6).
    Heading(u8),
    /// A table; its rows are in [`Block::rows`].
    Table,
}

/// One block of text.
#[derive(Clone, Debug)]
pub struct Block {
    /// Paragraph, heading or table.
    pub kind: BlockKind,
    /// The text, with its marks (for a table, empty).
    pub text: Rich,
    /// For a table, its rows of cells.
    pub rows: Vec<Vec<Rich>>,
    /// Where it is in the source; a paragraph joined across a page spans both pieces.
    pub span: Span,
}

/// A footnote text found at a page foot.
#[derive(Clone, Debug)]
pub struct NoteText {
    /// The printed marker.
    pub marker: String,
    /// Its text.
    pub text: Rich,
    /// Where it is.
    pub span: Span,
}

/// The blocks of a document, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Blocks {
    /// Blocks of the text.
    pub blocks: Vec<Block>,
    /// Footnote texts, in the order printed.
    pub notes: Vec<NoteText>,
    /// Problems that did not stop the layout.
    pub warnings: Vec<Warning>,
}

/// Undoes the pages of a Markdown or plain-text source.
pub fn undo_pages(src: &Source) -> Result<Blocks, Error> {
    let mut start = 0;
    for line in crate::bytes::lines(&src.text) {
        if line.len() > MAX_LINE_BYTES {
            return Err(Error::at(
                crate::error::ErrorKind::TooLarge,
                Span::new(start, start + line.len()),
                format!("expected lines of at most {MAX_LINE_BYTES} bytes, found one of {} bytes", line.len()),
            ));
        }
        start += line.len() + 1;
    }
    Ok(match src.format {
        Format::Text => text::undo_pages(&src.text),
        _ => markdown::undo_pages(&src.text),
    })
}

/// Whether a text opens with a number or label of a new item: `12.`, `(a)`, `(iv)`, `(3)`,
/// `a)`, a dash or bullet, or a section letter `A. `.
pub(crate) fn starts_with_label(t: &str) -> bool {
    LABEL.as_ref().is_some_and(|r| r.is_match(t))
}

static LABEL: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\d{1,4}\s*\.(?:\s|$)|\(\s*(?:[a-z]{1,3}|[ivxlc]{1,7}|\d{1,3})\s*\)|[a-z]\)\s|(?:[a-z]|[ivxlc]{1,6})\.\s|[-–—•▪·]\s|[A-Z]\.\s|#|\|)",
    )
    .ok()
});

/// Whether a text opens with a lead phrase of any language's list.
fn starts_with_lead_phrase(t: &str) -> bool {
    let t = t.trim_start_matches(|c: char| c.is_whitespace() || inline::OPEN_QUOTES.contains(&c));
    ["en", "fr", "es"].iter().any(|l| crate::words::words().lead_phrase_at(l, t).is_some())
}

/// Whether the text ends like a finished paragraph.
pub(crate) fn ends_finished(t: &str) -> bool {
    let t = t.trim_end().trim_end_matches(['”', '’', '"', ')', ']', '*', '_']);
    t.ends_with(['.', ';', ':', ',', '!', '?'])
}

/// Whether `next` continues the paragraph `prev` that a page end cut. A cut falls between
/// two words anywhere in a sentence; a new paragraph opens with a number or label, or, after
/// a paragraph that ends with a comma, with a lead phrase.
pub(crate) fn continues(prev: &Block, next: &Block) -> bool {
    if prev.kind != BlockKind::Para || next.kind != BlockKind::Para {
        return false;
    }
    let t = next.text.text.trim_start();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if starts_with_label(t) {
        return false;
    }
    // A line of fewer than ~90 characters is not the first half of a cut paragraph (at
    // least two lines stay before a cut), nor is a line that ends in italics or bold (a
    // heading such as "(c) *Cooperation with Sanctions Committees*").
    let last_line = prev.text.text.rsplit('\n').next().unwrap_or("");
    let line_start = prev.text.text.len() - last_line.len();
    let styled_end =
        prev.text.styles.iter().any(|s| s.end >= prev.text.text.trim_end().len() && s.start <= line_start + 6);
    if last_line.chars().count() < 90 || styled_end {
        return first.is_lowercase() && !styled_end && last_line.chars().count() >= 40;
    }
    if first.is_lowercase() {
        return true;
    }
    let p = prev.text.text.trim_end().trim_end_matches(['”', '’', '"', ')', ']', '*', '_']);
    if p.ends_with(['.', ';', ':', '!', '?']) {
        return false;
    }
    if !p.ends_with(',') {
        return true;
    }
    let leading_italic = next.text.leading_italic().is_some_and(|(s, _)| s <= next.text.text.len() - t.len() + 3);
    !(leading_italic || starts_with_lead_phrase(t))
}

/// Joins `next` onto `prev` (a paragraph cut by a page end).
pub(crate) fn join(prev: &mut Block, next: &Block, is_word: &dyn Fn(&str) -> bool) {
    let cut_word = prev.text.text.ends_with('-')
        && next.text.text.chars().next().is_some_and(char::is_lowercase)
        && !prev.text.text.ends_with(" -");
    if cut_word {
        // A word cut by a hyphen at the page end: joined whole ("capac-" + "ity") when the
        // document prints it whole elsewhere, else kept hyphenated ("drug-" + "resistant").
        let stem: String =
            prev.text.text.trim_end_matches('-').chars().rev().take_while(|c| c.is_alphabetic()).collect();
        let stem: String = stem.chars().rev().collect();
        let rest: String = next.text.text.chars().take_while(|c| c.is_alphabetic()).collect();
        let whole = format!("{stem}{rest}");
        if whole.len() > 3 && is_word(&whole) {
            prev.text.text.pop();
            prev.text.push("", &next.text);
        } else {
            prev.text.push("", &next.text);
        }
    } else {
        prev.text.push(" ", &next.text);
    }
    prev.span = prev.span.join(next.span);
}

/// The words of a text (runs of letters), to tell a word cut by a hyphen.
pub(crate) fn words_of(text: &str) -> std::collections::HashSet<&str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 3).collect()
}
