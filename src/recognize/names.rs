//! The printed names of a table found in a text, all names at once.
//!
//! The tables of `ontology/` hold thousands of names (organs, States, instruments in three
//! languages). They are held in one Aho–Corasick automaton, walked from its anchored start
//! at each word start whose first two bytes begin some name (a table of bits says which), so
//! that the cost is a quick skip over each word and a short walk per likely one, whatever
//! the size of the table. A name matches as printed, case kept, with `’` and `'`
//! interchangeable and any of `-`, `‐`, `‑` for a hyphen (PDF conversions print all of them).

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

/// More spellings than this for one name are not generated (a name with many apostrophes and
/// hyphens keeps its printed form and the plain ASCII one).
const MAX_VARIANTS: usize = 64;

/// A dictionary of printed names.
pub struct Names {
    automaton: Option<NFA>,
    /// One bit per pair of bytes that some name begins with.
    starts: Vec<u64>,
}

impl Names {
    /// The dictionary of `names` (blank ones ignored).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut patterns: Vec<String> =
            names.into_iter().filter(|n| !n.trim().is_empty()).flat_map(spellings).collect();
        patterns.sort();
        patterns.dedup();
        let mut starts = vec![0u64; 1 << 10];
        for p in &patterns {
            if let [c0, c1, ..] = *p.as_bytes() {
                let bit = usize::from(c0) << 8 | usize::from(c1);
                if let Some(word) = starts.get_mut(bit >> 6) {
                    *word |= 1 << (bit & 63);
                }
            }
        }
        let automaton = NFA::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        Names { automaton, starts }
    }

    /// Whether some name begins with the bytes `c0` and `c1`.
    fn may_start(&self, c0: u8, c1: u8) -> bool {
        let bit = usize::from(c0) << 8 | usize::from(c1);
        self.starts.get(bit >> 6).is_some_and(|w| w & (1 << (bit & 63)) != 0)
    }

    /// Byte ranges of the names in `s` that stand as whole words (no letter or digit just
    /// before or after), leftmost-longest and not overlapping: at each word start from the
    /// left, the longest name there, kept if it ends a word too. A longest name that runs
    /// into a word is dropped, not cut back to a shorter one, and a name starting inside it
    /// is still found.
    pub fn find(&self, s: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let b = s.as_bytes();
        let mut found = Vec::new();
        // `i` runs over the bytes that follow no ASCII letter or digit (most bytes do, and
        // are skipped a word at a time); a byte of a longer character before is decoded only
        // where a name may start there.
        let mut i = 0;
        while let [c0, c1, ..] = *b.get(i..).unwrap_or_default() {
            let mut next = i;
            if self.may_start(c0, c1)
                && s.is_char_boundary(i)
                && (i == 0 || b.get(i - 1).is_some_and(u8::is_ascii) || word_start(s, i))
                && let Some(end) = longest(ac, b, i)
                && whole(s, i, end)
            {
                found.push((i, end));
                next = end;
            }
            // On to the byte after the next one that is no ASCII letter or digit.
            let Some(k) = b.get(next..).and_then(|r| r.iter().position(|c| !c.is_ascii_alphanumeric())) else {
                break;
            };
            i = next + k + 1;
        }
        found
    }
}

/// The end of the longest name of `nfa` that starts at byte `i` of `b`: a walk down the
/// automaton's trie from its anchored start until no name goes on.
fn longest(nfa: &NFA, b: &[u8], i: usize) -> Option<usize> {
    let mut sid = nfa.start_state(Anchored::Yes).ok()?;
    let mut end = None;
    for (depth, &byte) in b.get(i..)?.iter().enumerate() {
        sid = nfa.next_state(Anchored::Yes, sid, byte);
        if nfa.is_dead(sid) {
            break;
        }
        // A state may also hold the names its failure state matches; the one spelled by the
        // walk is as long as the walk.
        if nfa.is_match(sid) && (0..nfa.match_len(sid)).any(|k| nfa.pattern_len(nfa.match_pattern(sid, k)) == depth + 1)
        {
            end = Some(i + depth + 1);
        }
    }
    end
}

/// Whether `s[start..end]` stands as whole words: no letter or digit just before or after.
fn whole(s: &str, start: usize, end: usize) -> bool {
    let after = s.get(end..).and_then(|r| r.chars().next());
    word_start(s, start) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether no letter or digit comes just before byte `i` of `s`.
fn word_start(s: &str, i: usize) -> bool {
    s.get(..i).and_then(|p| p.chars().next_back()).is_none_or(|c| !c.is_alphanumeric())
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
        // After a letter of more than one byte no name starts; after other characters one does.
        assert!(names.find("éMali").is_empty());
        assert_eq!(names.find("«Mali» Mali"), [(2, 6), (9, 13)]);
    }

    #[test]
    fn a_longest_name_that_runs_into_a_word_is_not_cut_back() {
        let names = Names::new(["United", "United Nations", "Nations"]);
        assert!(names.find("United Nationsx").is_empty());
        assert_eq!(names.find("United Nations, United"), [(0, 14), (16, 22)]);
    }
}
