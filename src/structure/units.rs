//! Blocks classified into units: formula, numbered paragraph, sub-paragraph, heading,
//! plain paragraph, table. Classification looks at one block at a time; the body parser
//! ([`super::body`]) decides from the sequence what each unit belongs to.

use crate::layout::{Block, BlockKind, Rich, inline::OPEN_QUOTES};
use crate::model::Span;
use crate::words::{Formula, Part, words};
use regex::Regex;
use std::sync::LazyLock;

/// The kinds of sub-paragraph labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// `(a)`, `(b)` …, `(aa)`.
    Letter,
    /// `(i)`, `(ii)` …
    Roman,
    /// `(1)`, `1)`.
    Number,
    /// `-`, `–`, `•`.
    Dash,
}

/// What a block is.
#[derive(Clone, Debug)]
pub enum Kind {
    /// An enacting formula (`The General Assembly,`), with the organ key.
    Formula {
        /// Organ key of the tables.
        organ: String,
        /// Language of the formula.
        lang: String,
    },
    /// A paragraph numbered `N.`; `rest` is the text after the number.
    Numbered {
        /// The number, without its full stop.
        num: String,
    },
    /// A sub-paragraph; `rest` is the text after the label.
    Point {
        /// The label without brackets.
        label: String,
        /// Letter, roman, number or dash.
        kind: LabelKind,
    },
    /// A Markdown heading.
    Heading(u8),
    /// A section label line (`I`, `II.`, `A.`) possibly followed by its title.
    Section {
        /// The section number.
        num: String,
    },
    /// Any other paragraph.
    Para,
    /// A table.
    Table,
}

/// A classified block.
#[derive(Clone, Debug)]
pub struct Unit {
    /// What it is.
    pub kind: Kind,
    /// Its text after any opening quote, number or label.
    pub rest: Rich,
    /// Whether it opens with a quotation mark (paragraphs of an embedded draft).
    pub quoted: bool,
    /// Whether it ends with a closing quotation mark (the last paragraph of the draft).
    pub closes_quote: bool,
    /// Table rows.
    pub rows: Vec<Vec<Rich>>,
    /// Its span.
    pub span: Span,
}

/// `12.`, and numbers of several levels with their full stop: `1.1.`, `1.1 .` (A/RES/76/3),
/// `1.1. 2.` (S/RES/2231 (2015), read `1.1.2`).
static NUMBERED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{1,6}(?:\.\s?\d{1,3}){0,3})\s*\.(?:\s+|$)").ok());
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\(\s*([a-z]{1,3}|[ivxlc]{1,7}|\d{1,3})\s*\)\s*|^([a-z]|[ivxlc]{1,6}|\d{1,2})\)\s+|^([a-z]|[ivxlc]{1,6})\.\s+").ok()
});
static WIKI_HEADING: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^=+\s*(\S.*?)\s*=+$").ok());
static BARE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(\d{1,3})(?:\s*\.\s*|\s+)").ok());
static DASH: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^[-–—•▪·]\s+").ok());
static SECTION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6}|[A-Z])\s*\.?(?:\s+|$)").ok());

fn re(r: &LazyLock<Option<Regex>>) -> Option<&Regex> {
    r.as_ref()
}

/// Classifies every block. A block that opens with a section number followed by a
/// paragraph (`I *Having considered* …`) gives two units.
pub fn classify(blocks: &[Block]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(blocks.len());
    for b in blocks {
        // A paragraph number printed on a line of its own (`1.`) numbers the paragraph after it.
        if b.kind == BlockKind::Para
            && let Some(last) = out.last_mut()
            && let Kind::Numbered { .. } = last.kind
            && last.rest.text.trim().is_empty()
            && !crate::layout::starts_with_label(b.text.text.trim_start())
        {
            let next = classify_one(b);
            if matches!(next.kind, Kind::Para) {
                last.rest = next.rest;
                last.closes_quote = next.closes_quote;
                last.span = last.span.join(next.span);
                continue;
            }
        }
        if b.kind == BlockKind::Para
            && let Some((num, len)) = fused_section(&b.text)
        {
            let mut rest = b.clone();
            rest.text = b.text.tail(len);
            out.push(Unit {
                kind: Kind::Section { num },
                rest: Rich::default(),
                quoted: false,
                closes_quote: false,
                rows: Vec::new(),
                span: b.span,
            });
            push_classified(&mut out, &rest);
            continue;
        }
        push_classified(&mut out, b);
    }
    out
}

/// Classifies `b` onto `out`: one unit, or two for a numbered paragraph whose text is a list
/// opening on its line (`5. (a) *Decides* …`): the number, then the first sub-paragraph.
fn push_classified(out: &mut Vec<Unit>, b: &Block) {
    let unit = classify_one(b);
    if let Kind::Numbered { .. } = unit.kind
        && let Some(c) = re(&LABEL).and_then(|r| r.captures(&unit.rest.text))
        && c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).is_some_and(|m| ["a", "i", "1"].contains(&m.as_str()))
    {
        let mut rest = b.clone();
        rest.text = unit.rest.clone();
        let point = classify_one(&rest);
        out.push(Unit { rest: Rich::default(), closes_quote: false, ..unit });
        out.push(point);
    } else {
        out.push(unit);
    }
}

/// A section number fused with the paragraph after it: `I *Having considered* …`,
/// `B 2. *Demands* …`.
fn fused_section(text: &Rich) -> Option<(String, usize)> {
    let c = re(&FUSED_SECTION)?.captures(&text.text)?;
    let num = c.get(1)?.as_str().to_string();
    let len = c.get(0)?.end();
    let italic_next = text.styles.iter().any(|s| s.start == len && s.style == crate::model::Style::Italic);
    let numbered_next = text.text.get(len..).is_some_and(|r| re(&NUMBERED).is_some_and(|n| n.is_match(r)));
    (italic_next || numbered_next).then_some((num, len))
}

static FUSED_SECTION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6}|[A-Z])\.?\s+").ok());

fn classify_one(b: &Block) -> Unit {
    let mut u = Unit {
        kind: Kind::Para,
        rest: b.text.clone(),
        quoted: false,
        closes_quote: false,
        rows: b.rows.clone(),
        span: b.span,
    };
    match b.kind {
        BlockKind::Table => {
            u.kind = Kind::Table;
            return u;
        }
        BlockKind::Heading(level) => {
            u.kind = Kind::Heading(level);
            return u;
        }
        BlockKind::Para => {}
    }
    // `== I ==`: a heading in wiki style (the pattern run only where it can match: it was
    // run on every paragraph).
    if b.text.text.trim_start().starts_with('=')
        && let Some(c) = re(&WIKI_HEADING).and_then(|r| r.captures(b.text.text.trim()))
        && let Some(m) = c.get(1)
    {
        let lead = b.text.text.len() - b.text.text.trim_start().len();
        u.kind = Kind::Heading(3);
        u.rest = b.text.head(lead + m.end()).tail(lead + m.start());
        return u;
    }
    // A paragraph printed all in bold, short and without final punctuation, is a heading.
    let t = b.text.text.trim_end();
    if !t.is_empty()
        && t.len() < 200
        && !crate::layout::ends_finished(t)
        && b.text.styles.iter().any(|s| s.style == crate::model::Style::Bold && s.start == 0 && s.end >= t.len())
    {
        u.kind = Kind::Heading(4);
        return u;
    }
    let text = &b.text.text;
    let after_quote = text.trim_start_matches(|c: char| c.is_whitespace() || OPEN_QUOTES.contains(&c));
    let qlen = text.len() - after_quote.len();
    u.quoted = text.trim_start().starts_with(OPEN_QUOTES);
    let t = text.trim_end().trim_end_matches(['*', '_']);
    u.closes_quote = t.ends_with('”') || (u.quoted && t.ends_with('"'));
    let mut rest = b.text.tail(qlen);
    if let Some((organ, lang)) = formula(&rest.text) {
        u.kind = Kind::Formula { organ, lang };
        u.rest = rest.trim();
        return u;
    }
    // The patterns below are anchored at the start, each at a character of its own: a digit
    // (NUMBERED, BARE_NUMBER), a bracket, a small letter or a digit (LABEL), a capital
    // (SECTION). Only those that can match are run.
    let first = rest.text.bytes().next().unwrap_or(0);
    let digit = first.is_ascii_digit();
    if digit && let Some(c) = re(&NUMBERED).and_then(|r| r.captures(&rest.text)) {
        let num: String = c.get(1).map_or("", |m| m.as_str()).chars().filter(|c| !c.is_whitespace()).collect();
        let len = c.get(0).map_or(0, |m| m.end());
        rest = rest.tail(len);
        u.kind = Kind::Numbered { num };
        u.rest = rest;
        return u;
    }
    // A number typed without its full stop, or with the stop after a space and none before
    // the lead phrase, before an italic lead phrase: `3 *Calls upon*`, `232 .*Recognizes*`.
    if digit
        && let Some(c) = re(&BARE_NUMBER).and_then(|r| r.captures(&rest.text))
        && let Some(m) = c.get(0)
        && rest.styles.iter().any(|s| s.start == m.end() && s.style == crate::model::Style::Italic)
    {
        let num = c.get(1).map_or("", |m| m.as_str()).to_string();
        u.kind = Kind::Numbered { num };
        u.rest = rest.tail(m.end());
        return u;
    }
    // `l. *Decides*`: the number 1 typed as the letter l (A/RES/76/256), not a point.
    if let Some(after) = rest.text.strip_prefix("l. ")
        && let tail = rest.tail(rest.text.len() - after.len())
        && lead_phrase(&tail, "en").is_some_and(|l| l.1 == Part::Operative && tail.leading_italic().is_some())
    {
        u.kind = Kind::Numbered { num: "1".to_string() };
        u.rest = tail;
        return u;
    }
    if (first == b'(' || first.is_ascii_lowercase() || digit)
        && let Some(c) = re(&LABEL).and_then(|r| r.captures(&rest.text))
    {
        let label = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).map_or("", |m| m.as_str()).to_string();
        let len = c.get(0).map_or(0, |m| m.end());
        let kind = if label.chars().all(|c| c.is_ascii_digit()) {
            LabelKind::Number
        } else if label.chars().all(|c| "ivxlc".contains(c)) {
            LabelKind::Roman
        } else {
            LabelKind::Letter
        };
        u.kind = Kind::Point { label, kind };
        u.rest = rest.tail(len);
        return u;
    }
    if let Some(m) = re(&DASH).and_then(|r| r.find(&rest.text)) {
        u.kind = Kind::Point { label: "-".to_string(), kind: LabelKind::Dash };
        u.rest = rest.tail(m.end());
        return u;
    }
    if first.is_ascii_uppercase()
        && let Some(c) = re(&SECTION).and_then(|r| r.captures(&rest.text))
    {
        // `I`, `II. Title`, `A. Title` — but not a sentence that opens with "A ".
        let num = c.get(1).map_or("", |m| m.as_str()).to_string();
        let after = rest.text.get(c.get(0).map_or(0, |m| m.end())..).unwrap_or("");
        let dotted = rest.text.get(num.len()..).is_some_and(|s| s.trim_start().starts_with('.'));
        let short = after.len() < 200 && !crate::layout::ends_finished(after);
        if (dotted || after.is_empty() || num.len() > 1) && short && !starts_with_word(after) {
            u.kind = Kind::Section { num };
            u.rest = rest.tail(c.get(0).map_or(0, |m| m.end())).trim();
            return u;
        }
    }
    u.rest = rest;
    u
}

/// A section number opening a heading (`I`, `II.`, `A.`, `IV. Title`): the number and the
/// bytes it takes.
pub fn section_number(text: &str) -> Option<(String, usize)> {
    let c = re(&SECTION)?.captures(text)?;
    let num = c.get(1)?.as_str().to_string();
    let len = c.get(0)?.end();
    let after = text.get(len..).unwrap_or("");
    let dotted = text.get(num.len()..).is_some_and(|s| s.trim_start().starts_with('.'));
    // "A New Agenda" is a title, not section A.
    if after.trim().is_empty() || dotted || (num.len() > 1 && !starts_with_word(after)) {
        Some((num, len))
    } else {
        None
    }
}

/// Whether a paragraph is a title in brackets (`(“Renewing the mandate”)`): a paragraph of
/// its own, never the continuation of the one before nor a preambular paragraph.
pub fn is_bracketed_title(text: &str) -> bool {
    let t = text.trim();
    t.len() < 200 && t.starts_with('(') && t.ends_with(')') && !t.get(1..).is_some_and(|r| r.contains('('))
}

/// Whether a text ends like a sentence or a paragraph.
pub fn ends_sentence(text: &str) -> bool {
    crate::layout::ends_finished(text)
}

/// Whether `s` starts with a lowercase word (so a leading capital was an article or a
/// pronoun, not a section number).
fn starts_with_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// The organ and language of an enacting formula, if `text` is one.
pub fn formula(text: &str) -> Option<(String, String)> {
    let t = text.trim().trim_end_matches([',', ':', '*', '_', ' ', '\u{a0}']).trim();
    if t.len() > 80 {
        return None;
    }
    let t = formula_key(t);
    FORMULA_KEYS.iter().find(|(k, _)| *k == t).map(|(_, f)| (f.organ.clone(), f.lang.clone()))
}

/// A formula as compared: straight apostrophes, lowercase.
fn formula_key(s: &str) -> String {
    s.replace('’', "'").to_lowercase()
}

/// The formulas of the table with their keys, made once: every short line of a text is
/// compared with them, and making the keys again for each was 2 % of a conversion.
static FORMULA_KEYS: LazyLock<Vec<(String, &'static Formula)>> =
    LazyLock::new(|| words().formulas.iter().map(|f| (formula_key(&f.formula), f)).collect());

/// The lead phrase opening `text` (which starts after any number or quote): the longest
/// phrase of the language's list, else the leading italic run. Returns the phrase and
/// whether it is preambular.
pub fn lead_phrase(text: &Rich, lang: &str) -> Option<(String, Part)> {
    let t = text.text.as_str();
    if let Some(lp) = words().lead_phrase_at(lang, t) {
        return Some((lp.phrase.clone(), lp.part));
    }
    let (start, end) = text.leading_italic()?;
    if start != 0 {
        return None;
    }
    let phrase = t.get(start..end)?.trim().trim_end_matches([',', ':', ';']).trim();
    if phrase.is_empty() || phrase.len() > 60 || !phrase.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let preambular = match lang {
        "fr" => phrase.split_whitespace().next().is_some_and(|w| w.ends_with("ant")),
        "es" => {
            phrase.split_whitespace().next().is_some_and(|w| ["ando", "endo", "iendo"].iter().any(|e| w.ends_with(e)))
        }
        // English operative phrases carry a verb in the third person ("Strongly condemns",
        // "Also requests"); preambular ones a participle or an adjective ("Extremely
        // alarmed and concerned", "Mindful of its", "Conscious").
        _ => !phrase.split_whitespace().take(3).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.len() > 2 && w.ends_with('s') && !["ous", "ss", "is", "us", "its"].iter().any(|e| w.ends_with(e))
        }),
    };
    Some((phrase.to_string(), if preambular { Part::Preambular } else { Part::Operative }))
}
