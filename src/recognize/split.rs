//! Patterns searched in two steps, for the patterns whose groups would be costly to find
//! in one.
//!
//! The regex crate finds where a match is with its DFA alone, but for the groups of a match
//! it runs a backtracker whose visited set holds one bit per NFA state and byte of the match,
//! cleared for every match. A pattern with a large alternation (thousands of organ names) or
//! a Unicode class (`\p{L}`) has thousands of states, and clearing that set was a tenth of
//! recognition. So the whole pattern only finds each match, and a copy of it with the large
//! parts made loose (any words without digits for a name) splits that one span into its
//! groups. In the copy, `\d` is also an ASCII digit and `\p{L}` any character but a space
//! or an ASCII digit: in Unicode both are hundreds of states each. The copy is anchored at
//! both ends of the span, so it can only place the groups differently where the loose parts
//! are ambiguous; a span the copy does not cover exactly is split by the whole pattern.

use regex::{Captures, Match, Regex};

/// A list of names made loose: any words without digits, as few as will do.
pub(crate) const LOOSE_NAME: &str = r"\D+?";

/// A pattern and its loose copy.
pub(crate) struct Split {
    find: Regex,
    parts: Regex,
}

impl Split {
    /// `find` finds the matches, `parts` (the same groups) splits each.
    pub(crate) fn new(find: &str, parts: &str) -> Option<Self> {
        let find = Regex::new(find).ok()?;
        let parts = parts.replace(r"\d", "[0-9]").replace(r"\p{L}", r"[^\s0-9]");
        let parts = Regex::new(&format!("(?:{parts})$")).ok()?;
        Some(Split { find, parts })
    }

    /// A pattern built around a list of names: `names` in the pattern that finds, any words
    /// without digits in the copy that splits.
    pub(crate) fn with_names(names: &str, pattern: impl Fn(&str) -> String) -> Option<Self> {
        Split::new(&pattern(names), &pattern(LOOSE_NAME))
    }

    /// The matches in `h`, with their groups.
    pub(crate) fn captures_iter<'h>(&self, h: &'h str) -> impl Iterator<Item = Captures<'h>> {
        self.find.find_iter(h).filter_map(move |m| self.split_upto(h, m, m.end()))
    }

    /// The matches in `h`, each with the groups of its first `head(match)` bytes, for a
    /// pattern whose last group, the only one `head` may cut, runs to the match's end: the
    /// copy splits the head alone, and the caller takes that group's end from the match.
    /// The backtracker that splits costs the copy's states times the bytes it reads.
    pub(crate) fn heads_iter<'h>(
        &self,
        h: &'h str,
        head: impl Fn(&str) -> usize,
    ) -> impl Iterator<Item = (Match<'h>, Captures<'h>)> {
        self.find.find_iter(h).filter_map(move |m| Some((m, self.split_upto(h, m, m.start() + head(m.as_str()))?)))
    }

    /// The groups of the match `m` of `h`, the copy reading up to `end` only.
    fn split_upto<'h>(&self, h: &'h str, m: Match<'h>, end: usize) -> Option<Captures<'h>> {
        self.parts
            .captures_at(h.get(..end)?, m.start())
            .filter(|c| c.get(0).is_some_and(|p| p.start() == m.start()))
            .or_else(|| self.find.captures_at(h.get(..m.end())?, m.start()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_splits_as_the_whole_match_does() {
        let s = Split::new(r"(?P<k>[a-z]+)\s+(?P<list>\d+(?:, \d+)*)", r"(?P<k>[a-z]+)\s+(?P<list>\d(?s:.*))").unwrap();
        let h = "see items 1, 2, 3 and notes 45";
        let head = |m: &str| m.bytes().position(|b| b.is_ascii_digit()).map_or(m.len(), |d| d + 1);
        let whole: Vec<_> = s
            .captures_iter(h)
            .map(|c| (c.get(0).unwrap().range(), c.name("k").unwrap().range(), c.name("list").unwrap().start()))
            .collect();
        let heads: Vec<_> = s
            .heads_iter(h, head)
            .map(|(m, c)| (m.range(), c.name("k").unwrap().range(), c.name("list").unwrap().start()))
            .collect();
        assert_eq!(whole, heads);
        assert_eq!(heads.len(), 2);
    }
}
