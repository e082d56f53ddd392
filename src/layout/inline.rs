//! Markdown inline markup to clean text with stand-off marks.
//!
//! Handles what PDF converters and the AKN renderer print: `*italic*`, `_italic_`,
//! `**bold**`, `***both***`, `<sup>N</sup>` footnote calls, `<br>`, backslash escapes, links
//! `[text](url)` (the text is kept), and a few HTML entities. Emphasis follows the flanking
//! rules of CommonMark, simplified: a run of `*` or `_` opens when followed by a non-space and
//! closes when preceded by one; `_` inside a word is a letter. Unmatched runs stay as text.

use crate::model::{Style, Styled};

/// Text with its marks, offsets in bytes into `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rich {
    /// Clean text. Hard line breaks are kept as `\n`.
    pub text: String,
    /// Italic and bold runs, sorted by start.
    pub styles: Vec<Styled>,
    /// Footnote calls: offset and printed marker.
    pub calls: Vec<(usize, String)>,
}

impl Rich {
    /// Plain text with no marks.
    pub fn plain(text: &str) -> Rich {
        Rich { text: text.to_string(), ..Rich::default() }
    }

    /// Appends `other`, separated by `sep`.
    pub fn push(&mut self, sep: &str, other: &Rich) {
        if !self.text.is_empty() && !other.text.is_empty() {
            self.text.push_str(sep);
        }
        let off = self.text.len();
        self.text.push_str(&other.text);
        self.styles.extend(other.styles.iter().map(|s| Styled {
            start: s.start + off,
            end: s.end + off,
            style: s.style,
        }));
        self.calls.extend(other.calls.iter().map(|(at, m)| (at + off, m.clone())));
    }

    /// The part of the text from byte `from` on, marks shifted; `from` must be a char
    /// boundary (else the whole text is kept).
    pub fn tail(&self, from: usize) -> Rich {
        let Some(text) = self.text.get(from..) else {
            return self.clone();
        };
        Rich {
            text: text.to_string(),
            styles: self
                .styles
                .iter()
                .filter(|s| s.end > from)
                .map(|s| Styled { start: s.start.max(from) - from, end: s.end - from, style: s.style })
                .collect(),
            calls: self.calls.iter().filter(|(at, _)| *at >= from).map(|(at, m)| (at - from, m.clone())).collect(),
        }
    }

    /// The part of the text before byte `to`.
    pub fn head(&self, to: usize) -> Rich {
        let Some(text) = self.text.get(..to) else {
            return self.clone();
        };
        Rich {
            text: text.to_string(),
            styles: self
                .styles
                .iter()
                .filter(|s| s.start < to)
                .map(|s| Styled { start: s.start, end: s.end.min(to), style: s.style })
                .collect(),
            calls: self.calls.iter().filter(|(at, _)| *at <= to).cloned().collect(),
        }
    }

    /// Trims whitespace at both ends, keeping marks in place.
    pub fn trim(&self) -> Rich {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        let mut r = self.head(end).tail(start);
        for c in &mut r.calls {
            c.0 = c.0.min(r.text.len());
        }
        r.styles.retain(|s| s.end > s.start);
        r
    }

    /// Whether the text starts with an italic run (after opening quotes and spaces), and the
    /// byte range of that run.
    pub fn leading_italic(&self) -> Option<(usize, usize)> {
        let skip = self.text.len()
            - self.text.trim_start_matches(|c: char| c.is_whitespace() || OPEN_QUOTES.contains(&c)).len();
        self.styles
            .iter()
            .find(|s| s.style == Style::Italic && s.start <= skip && s.end > skip)
            .map(|s| (s.start, s.end))
    }
}

/// Characters that open a quotation.
pub const OPEN_QUOTES: &[char] = &['“', '"', '‘', '«'];

/// Parses one block's Markdown inline text. `lines` are the block's lines; a line ending in
/// two spaces or a backslash is a hard break, kept as `\n`; other line ends become spaces.
pub fn parse(lines: &[&str]) -> Rich {
    let mut src = String::new();
    for (i, line) in lines.iter().enumerate() {
        let hard = line.ends_with("  ") || line.ends_with('\\');
        let l = line.trim();
        let l = if hard { l.trim_end_matches('\\').trim_end() } else { l };
        src.push_str(l);
        if i + 1 < lines.len() {
            src.push(if hard { '\n' } else { ' ' });
        }
    }
    parse_str(&src)
}

/// A delimiter run waiting for its closer.
struct Opener {
    ch: char,
    len: usize,
    at: usize,
}

/// Where the next of three bytes is, at or after a position: searched with memchr's vector
/// search, and again only once the position has passed it.
struct Next {
    bytes: [u8; 3],
    /// The position found by the last search (the haystack's length for none), and whether
    /// there was one.
    at: usize,
    searched: bool,
}

impl Next {
    fn new(bytes: [u8; 3]) -> Self {
        Next { bytes, at: 0, searched: false }
    }

    /// The first of the bytes at or after `pos` in `hay`, or its length.
    fn from(&mut self, hay: &[u8], pos: usize) -> usize {
        if !self.searched || self.at < pos {
            let [a, b, c] = self.bytes;
            let tail = hay.get(pos..).unwrap_or_default();
            self.at = memchr::memchr3(a, b, c, tail).map_or(hay.len(), |i| pos + i);
            self.searched = true;
        }
        self.at
    }
}

/// Parses inline Markdown in one string.
///
/// Runs of ordinary characters are copied whole; only the ASCII bytes that can open markup
/// (`\\ < & [ * _`) are looked at one by one. They are found in two sets of three, the
/// frequent and the rare, each searched ahead: a search for all six a byte at a time was a
/// fortieth of a conversion.
pub fn parse_str(src: &str) -> Rich {
    let mut out = Rich { text: String::with_capacity(src.len()), ..Rich::default() };
    let mut stack: Vec<Opener> = Vec::new();
    let bytes = src.as_bytes();
    let (mut frequent, mut rare) = (Next::new(*b"*_<"), Next::new(*b"\\&["));
    let mut pos = 0;
    loop {
        let next = frequent.from(bytes, pos).min(rare.from(bytes, pos));
        out.text.push_str(src.get(pos..next).unwrap_or_default());
        pos = next;
        let Some(&b) = bytes.get(pos) else { break };
        let rest = src.get(pos..).unwrap_or_default();
        match b {
            b'\\' => match bytes.get(pos + 1) {
                Some(&n) if n.is_ascii_punctuation() => {
                    out.text.push(char::from(n));
                    pos += 2;
                }
                _ => {
                    out.text.push('\\');
                    pos += 1;
                }
            },
            b'<' => {
                if let Some(used) = empty_sup(rest) {
                    // An empty superscript a converter left (`<sup></sup>`) prints nothing.
                    pos += used;
                } else if let Some((marker, used)) = sup(rest) {
                    trim_space_before_call(&mut out.text);
                    out.calls.push((out.text.len(), marker));
                    pos += used;
                } else if let Some(used) =
                    ["<br>", "<br/>", "<br />"].iter().find(|t| rest.starts_with(**t)).map(|t| t.len())
                {
                    out.text.push('\n');
                    pos += used;
                } else {
                    out.text.push('<');
                    pos += 1;
                }
            }
            b'&' => match entity(rest) {
                Some((ch, used)) => {
                    out.text.push(ch);
                    pos += used;
                }
                None => {
                    out.text.push('&');
                    pos += 1;
                }
            },
            b'[' => match link(rest) {
                Some((text, used)) => {
                    out.text.push_str(text);
                    pos += used;
                }
                None => {
                    out.text.push('[');
                    pos += 1;
                }
            },
            _ => {
                let c = char::from(b);
                let n = rest.bytes().take_while(|&d| d == b).count();
                let before = src.get(..pos).and_then(|s| s.chars().next_back());
                let after = src.get(pos + n..).and_then(|s| s.chars().next());
                pos += n;
                let space_before = before.is_none_or(char::is_whitespace);
                let space_after = after.is_none_or(char::is_whitespace);
                let word_before = before.is_some_and(char::is_alphanumeric);
                let word_after = after.is_some_and(char::is_alphanumeric);
                // An underscore inside a web address (`Living_Heritage_-_High`) is a letter
                // of it, unless it ends the address (`_https://x.org_,`).
                let in_url = c == '_'
                    && after.is_some_and(|a| a.is_alphanumeric() || matches!(a, '-' | '/' | '.'))
                    && in_web_address(src, pos - n);
                let can_close = !(space_before || (c == '_' && word_after) || in_url);
                let can_open = !(space_after || (c == '_' && word_before) || in_url);
                if can_close && let Some(k) = stack.iter().rposition(|o| o.ch == c) {
                    let o = stack.swap_remove(k);
                    stack.truncate(k);
                    let used = o.len.min(n);
                    let start = o.at;
                    let end = out.text.len();
                    if used >= 2 {
                        out.styles.push(Styled { start, end, style: Style::Bold });
                    }
                    if used % 2 == 1 {
                        out.styles.push(Styled { start, end, style: Style::Italic });
                    }
                    if n > used && can_open {
                        // `*S**trongly condemning*`: the rest of the run opens a new span.
                        stack.push(Opener { ch: c, len: n - used, at: out.text.len() });
                    } else {
                        for _ in used..n {
                            out.text.push(c);
                        }
                    }
                } else if can_open {
                    stack.push(Opener { ch: c, len: n, at: out.text.len() });
                } else {
                    // Neither: literal characters.
                    for _ in 0..n {
                        out.text.push(c);
                    }
                }
            }
        }
    }
    // Unclosed openers leave their characters out: PDF converters often drop one side of
    // emphasis (`*Recalling ` at a line end); the words stay.
    out.styles.retain(|s| s.end > s.start);
    out.styles.sort_by_key(|s| (s.start, s.end));
    merge_adjacent(&mut out.styles);
    collapse_spaces(&mut out);
    out
}

/// Joins runs of one style that touch (`*S**trongly*` is one italic run "Strongly").
fn merge_adjacent(styles: &mut Vec<Styled>) {
    let mut out: Vec<Styled> = Vec::with_capacity(styles.len());
    for s in styles.drain(..) {
        match out.iter_mut().rev().find(|o| o.style == s.style && o.end == s.start) {
            Some(o) => o.end = s.end,
            None => out.push(s),
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    *styles = out;
}

/// `<sup></sup>` (only spaces inside) at the start of `s`: the bytes used.
fn empty_sup(s: &str) -> Option<usize> {
    let body = s.strip_prefix("<sup>")?;
    let end = body.find("</sup>")?;
    body.get(..end)?.trim().is_empty().then_some(5 + end + 6)
}

/// Whether byte `at` of `src` is inside a web address (`https://…`, `www.…`): the word it
/// is in, up to the last space before it, starts with one.
fn in_web_address(src: &str, at: usize) -> bool {
    let word = src.get(..at).unwrap_or("").rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.")
}

/// `<sup>marker</sup>` at the start of `s`: the marker and the bytes used.
fn sup(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix("<sup>")?;
    let end = body.find("</sup>")?;
    let inner = body.get(..end)?;
    let marker: String = inner.chars().filter(|c| !c.is_whitespace() && *c != '*' && *c != '_').collect();
    let marker = if marker.is_empty() && inner.contains('*') { "*".to_string() } else { marker };
    if marker.is_empty() || marker.chars().count() > 6 {
        return None;
    }
    Some((marker, 5 + end + 6))
}

fn entity(s: &str) -> Option<(char, usize)> {
    const TABLE: &[(&str, char)] =
        &[("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&nbsp;", ' ')];
    TABLE.iter().find(|(e, _)| s.starts_with(e)).map(|(e, c)| (*c, e.len()))
}

/// `[text](url)` at the start of `s`: the text and the bytes used.
fn link(s: &str) -> Option<(&str, usize)> {
    let close = s.find("](")?;
    let text = s.get(1..close)?;
    if text.contains(['[', ']', '\n']) {
        return None;
    }
    let url_end = s.get(close + 2..)?.find(')')?;
    let url = s.get(close + 2..close + 2 + url_end)?;
    if url.contains(char::is_whitespace) {
        return None;
    }
    Some((text, close + 2 + url_end + 1))
}

fn trim_space_before_call(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
}

/// Collapses runs of spaces (not hard breaks) into one, moving marks along.
fn collapse_spaces(r: &mut Rich) {
    if !r.text.contains("  ") && !r.text.contains(" \n") && !r.text.contains("\n ") {
        return;
    }
    let mut map = Vec::with_capacity(r.text.len() + 1);
    let mut out = String::with_capacity(r.text.len());
    let mut prev: Option<char> = None;
    for (i, c) in r.text.char_indices() {
        let drop = c == ' ' && matches!(prev, Some(' ') | Some('\n'));
        let drop_before_break = c == ' ' && r.text.get(i + 1..).is_some_and(|t| t.starts_with('\n'));
        for _ in 0..c.len_utf8() {
            map.push(out.len());
        }
        if !(drop || drop_before_break) {
            out.push(c);
            prev = Some(c);
        }
    }
    map.push(out.len());
    let m = |x: usize| map.get(x).copied().unwrap_or(out.len());
    for s in &mut r.styles {
        s.start = m(s.start);
        s.end = m(s.end);
    }
    r.styles.retain(|s| s.end > s.start);
    for c in &mut r.calls {
        c.0 = m(c.0);
    }
    r.text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn italics(r: &Rich) -> Vec<&str> {
        r.styles.iter().filter(|s| s.style == Style::Italic).map(|s| &r.text[s.start..s.end]).collect()
    }

    #[test]
    fn emphasis_and_calls() {
        let r = parse_str("*“Recalling also* its resolution 64/297 Strategy<sup>1</sup> and");
        assert_eq!(r.text, "“Recalling also its resolution 64/297 Strategy and");
        assert_eq!(italics(&r), ["“Recalling also"]);
        assert_eq!(r.calls, [(48, "1".to_string())]);
    }

    #[test]
    fn call_after_comma_keeps_the_comma() {
        let r = parse_str("Criminal Justice,<sup>2</sup>");
        assert_eq!(r.text, "Criminal Justice,");
        assert_eq!(r.calls[0].0, r.text.len());
    }

    #[test]
    fn bold_and_underscore() {
        let r = parse_str("### **73/3. Title** _The General Assembly_ drug_resistant");
        assert_eq!(r.text, "### 73/3. Title The General Assembly drug_resistant");
        assert_eq!(r.styles.len(), 2);
    }

    #[test]
    fn hard_breaks_are_kept() {
        let r = parse(&["*48th plenary meeting  ", "28 July 2011*"]);
        assert_eq!(r.text, "48th plenary meeting\n28 July 2011");
        assert_eq!(italics(&r), ["48th plenary meeting\n28 July 2011"]);
    }

    #[test]
    fn unmatched_star_is_kept_as_text() {
        let r = parse_str("a * b");
        assert_eq!(r.text, "a * b");
    }
}
