//! The printed names of a table found in a text, all names at once.
//!
//! The tables of `ontology/` hold thousands of names (organs, States, instruments in three
//! languages). They are searched with one Aho–Corasick automaton, leftmost-longest, so that
//! the cost is one pass over the text whatever the size of the table. A name matches as
//! printed, case kept, with `’` and `'` interchangeable and any of `-`, `‐`, `‑` for a hyphen
//! (PDF conversions print all of them).

use aho_corasick::{AhoCorasick, Input, MatchKind};

/// More spellings than this for one name are not generated (a name with many apostrophes and
/// hyphens keeps its printed form and the plain ASCII one).
const MAX_VARIANTS: usize = 64;

/// A dictionary of printed names.
pub struct Names {
    automaton: Option<AhoCorasick>,
}

impl Names {
    /// The dictionary of `names` (blank ones ignored).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut patterns: Vec<String> =
            names.into_iter().filter(|n| !n.trim().is_empty()).flat_map(spellings).collect();
        patterns.sort();
        patterns.dedup();
        let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        Names { automaton }
    }

    /// Byte ranges of the names in `s` that stand as whole words (no letter or digit just
    /// before or after), leftmost-longest and not overlapping. A match that starts or ends
    /// inside a word is dropped and the search goes on one character after its start, so
    /// that a name starting inside it is still found.
    pub fn find(&self, s: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let mut found = Vec::new();
        let mut at = 0;
        while at < s.len() {
            let Some(m) = ac.find(Input::new(s).span(at..s.len())) else { break };
            if m.start() < m.end() && whole(s, m.start(), m.end()) {
                found.push((m.start(), m.end()));
                at = m.end();
            } else {
                at = m.start() + s.get(m.start()..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            }
        }
        found
    }
}

/// Whether `s[start..end]` stands as whole words: no letter or digit just before or after.
fn whole(s: &str, start: usize, end: usize) -> bool {
    let before = s.get(..start).and_then(|p| p.chars().next_back());
    let after = s.get(end..).and_then(|r| r.chars().next());
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Every spelling of `name` with its apostrophes and hyphens in each printed form.
fn spellings(name: &str) -> Vec<String> {
    let choices = |c: char| -> &'static [char] {
        match c {
            '\'' | '’' => &['\'', '’'],
            '-' | '\u{2010}' | '\u{2011}' => &['-', '\u{2010}', '\u{2011}'],
            _ => &[],
        }
    };
    let count: usize =
        name.chars().map(|c| choices(c).len().max(1)).try_fold(1usize, |n, k| n.checked_mul(k)).unwrap_or(usize::MAX);
    if count > MAX_VARIANTS {
        let ascii: String = name.chars().map(|c| choices(c).first().copied().unwrap_or(c)).collect();
        return vec![name.to_string(), ascii];
    }
    let mut out = vec![String::with_capacity(name.len())];
    for c in name.chars() {
        match choices(c) {
            [] => out.iter_mut().for_each(|s| s.push(c)),
            alts => {
                out = out
                    .iter()
                    .flat_map(|s| {
                        alts.iter().map(move |a| {
                            let mut t = s.clone();
                            t.push(*a);
                            t
                        })
                    })
                    .collect();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_whole_longest_and_in_every_spelling() {
        let names = Names::new([
            "United Nations",
            "United Nations Office on Drugs and Crime",
            "Côte d’Ivoire",
            "Non-Proliferation Treaty",
            "UN",
        ]);
        let s = "The United Nations Office on Drugs and Crime, Côte d'Ivoire, the Non\u{2011}Proliferation Treaty, UNDP and the United Nations.";
        let found: Vec<&str> = names.find(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            found,
            [
                "United Nations Office on Drugs and Crime",
                "Côte d'Ivoire",
                "Non\u{2011}Proliferation Treaty",
                "United Nations"
            ]
        );
    }

    #[test]
    fn a_name_inside_a_word_is_not_found_but_one_starting_inside_a_false_match_is() {
        let names = Names::new(["Mali", "Alia"]);
        assert!(names.find("Somalia").is_empty());
        // "Malia" is no name; "Mali" inside it does not stand alone, and neither does "alia".
        assert!(names.find("Malia").is_empty());
        let s = "xMali Alia";
        assert_eq!(names.find(s), [(6, 10)]);
    }
}
