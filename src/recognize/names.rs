//! The printed names of the tables found in a text, all names of all tables at once.
//!
//! The tables of `ontology/` hold thousands of names (organs, States, instruments in three
//! languages). They are held in one Aho–Corasick automaton, each name marked with the tables
//! it belongs to, and walked from its anchored start at each word start whose first two bytes
//! begin some name (a table of bits says which): the cost is a quick skip over each word and
//! one short walk per likely one for every table together, whatever their size. A name
//! matches as printed, case kept, with `’` and `'` interchangeable and any of `-`, `‐`, `‑`
//! for a hyphen (PDF conversions print all of them).

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

/// More spellings than this for one name are not generated (a name with many apostrophes and
/// hyphens keeps its printed form and the plain ASCII one).
const MAX_VARIANTS: usize = 64;

/// `N` dictionaries of printed names, searched in one pass: each word start is walked once
/// for all of them.
pub struct Names<const N: usize> {
    automaton: Option<NFA>,
    /// One bit per pair of bytes that some name begins with.
    starts: Vec<u64>,
    /// For each name of the automaton, one bit per dictionary that holds it.
    tables: Vec<u32>,
}

impl<const N: usize> Names<N> {
    /// The dictionaries of `tables` (blank names ignored; at most 32 dictionaries).
    pub fn new(tables: [Vec<&str>; N]) -> Self {
        let mut patterns: Vec<(String, u32)> = Vec::new();
        for (t, names) in tables.into_iter().enumerate().take(32) {
            for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
                patterns.extend(spellings(name).into_iter().map(|p| (p, 1 << t)));
            }
        }
        patterns.sort();
        // One pattern per spelling, with every dictionary that holds it.
        patterns.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        let mut starts = vec![0u64; 1 << 10];
        for (p, _) in &patterns {
            if let [c0, c1, ..] = *p.as_bytes() {
                let bit = usize::from(c0) << 8 | usize::from(c1);
                if let Some(word) = starts.get_mut(bit >> 6) {
                    *word |= 1 << (bit & 63);
                }
            }
        }
        let tables = patterns.iter().map(|(_, t)| *t).collect();
        let automaton =
            NFA::builder().match_kind(MatchKind::LeftmostLongest).build(patterns.iter().map(|(p, _)| p)).ok();
        Names { automaton, starts, tables }
    }

    /// Whether some name begins with the bytes `c0` and `c1`.
    fn may_start(&self, c0: u8, c1: u8) -> bool {
        let bit = usize::from(c0) << 8 | usize::from(c1);
        self.starts.get(bit >> 6).is_some_and(|w| w & (1 << (bit & 63)) != 0)
    }

    /// For each dictionary, the byte ranges of its names in `s` that stand as whole words (no
    /// letter or digit just before or after), leftmost-longest and not overlapping: at each
    /// word start from the left, the longest name there, kept if it ends a word too. A
    /// longest name that runs into a word is dropped, not cut back to a shorter one, and a
    /// name starting inside it is still found.
    pub fn find(&self, s: &str) -> [Vec<(usize, usize)>; N] {
        let mut found = std::array::from_fn(|_| Vec::new());
        let Some(nfa) = &self.automaton else { return found };
        let b = s.as_bytes();
        // Where each dictionary's last name ended: none of its names starts before.
        let mut taken = [0; N];
        // `i` runs over the bytes that follow no ASCII letter or digit (most bytes do, and
        // are skipped a word at a time); a byte of a longer character before is decoded only
        // where a name may start there.
        let mut i = 0;
        while let [c0, c1, ..] = *b.get(i..).unwrap_or_default() {
            if self.may_start(c0, c1)
                && taken.iter().any(|t| i >= *t)
                && s.is_char_boundary(i)
                && (i == 0 || b.get(i - 1).is_some_and(u8::is_ascii) || word_start(s, i))
            {
                let ends = self.longest(nfa, b, i);
                for ((f, t), end) in found.iter_mut().zip(taken.iter_mut()).zip(ends) {
                    if let Some(end) = end
                        && i >= *t
                        && whole(s, i, end)
                    {
                        f.push((i, end));
                        *t = end;
                    }
                }
            }
            // On to the byte after the next one that is no ASCII letter or digit.
            let Some(k) = b.get(i..).and_then(|r| r.iter().position(|c| !c.is_ascii_alphanumeric())) else {
                break;
            };
            i += k + 1;
        }
        found
    }

    /// For each dictionary, the end of its longest name that starts at byte `i` of `b`: one
    /// walk down the automaton's trie from its anchored start until no name goes on.
    fn longest(&self, nfa: &NFA, b: &[u8], i: usize) -> [Option<usize>; N] {
        let mut ends = [None; N];
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else { return ends };
        for (depth, &byte) in b.get(i..).unwrap_or_default().iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if nfa.is_dead(sid) {
                break;
            }
            if !nfa.is_match(sid) {
                continue;
            }
            // A state may also hold the names its failure state matches; the one spelled by
            // the walk is as long as the walk.
            for k in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, k);
                if nfa.pattern_len(pid) != depth + 1 {
                    continue;
                }
                let tables = self.tables.get(pid.as_usize()).copied().unwrap_or(0);
                for (t, end) in ends.iter_mut().enumerate() {
                    if tables & (1 << t) != 0 {
                        *end = Some(i + depth + 1);
                    }
                }
            }
        }
        ends
    }
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
        let names = Names::new([vec![
            "United Nations",
            "United Nations Office on Drugs and Crime",
            "Côte d’Ivoire",
            "Non-Proliferation Treaty",
            "UN",
        ]]);
        let s = "The United Nations Office on Drugs and Crime, Côte d'Ivoire, the Non\u{2011}Proliferation Treaty, UNDP and the United Nations.";
        let [found] = names.find(s);
        let found: Vec<&str> = found.into_iter().map(|(a, b)| &s[a..b]).collect();
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
        let names = Names::new([vec!["Mali", "Alia"]]);
        let find = |s| names.find(s).concat();
        assert!(find("Somalia").is_empty());
        // "Malia" is no name; "Mali" inside it does not stand alone, and neither does "alia".
        assert!(find("Malia").is_empty());
        let s = "xMali Alia";
        assert_eq!(find(s), [(6, 10)]);
        // After a letter of more than one byte no name starts; after other characters one does.
        assert!(find("éMali").is_empty());
        assert_eq!(find("«Mali» Mali"), [(2, 6), (9, 13)]);
    }

    #[test]
    fn a_longest_name_that_runs_into_a_word_is_not_cut_back() {
        let names = Names::new([vec!["United", "United Nations", "Nations"]]);
        let find = |s| names.find(s).concat();
        assert!(find("United Nationsx").is_empty());
        assert_eq!(find("United Nations, United"), [(0, 14), (16, 22)]);
    }

    #[test]
    fn each_dictionary_keeps_its_own_names_found_in_one_pass() {
        let names = Names::new([
            vec!["United Nations", "Paris"],
            vec!["Charter of the United Nations", "Paris", "Nations Unies"],
        ]);
        let s = "the Charter of the United Nations, signed in Paris";
        let [actors, instruments] = names.find(s);
        assert_eq!(actors, [(19, 33), (45, 50)]);
        assert_eq!(instruments, [(4, 33), (45, 50)]);
    }
}
