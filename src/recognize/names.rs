//! The printed names of the tables found in a text, all names of all tables at once.
//!
//! The tables of `ontology/` hold thousands of names (organs, States, instruments in three
//! languages). They are held in one trie of bytes, each name's last node marked with the
//! tables it belongs to. The word starts of a text are found eight bytes at a time; a start
//! whose first four bytes (or two, for the few short names) may begin a name, by a filter of
//! hashes that stays in the cache, enters the trie through a table of all pairs of bytes and
//! is walked once for every table together, whatever their size. A name matches as printed,
//! case kept, with `’` and `'` interchangeable and any of `-`, `‐`, `‑` for a hyphen (PDF
//! conversions print all of them).
//!
//! The walk is anchored, so the trie needs none of an Aho–Corasick automaton's failure links;
//! the nodes are numbered breadth first, each node's children side by side, so a step reads
//! one short run of labels.

use crate::bytes;

/// More spellings than this for one name are not generated (a name with many apostrophes and
/// hyphens keeps its printed form and the plain ASCII one).
const MAX_VARIANTS: usize = 64;

/// `N` dictionaries of printed names, searched in one pass: each word start is walked once
/// for all of them.
pub struct Names<const N: usize> {
    /// The trie's nodes, the root first, breadth first.
    nodes: Vec<Node>,
    /// For each node, the byte of the edge into it (the root's is unused).
    labels: Vec<u8>,
    /// For each pair of bytes, the node they lead to from the root (0: none; the root is no
    /// one's child). Names of one byte are not searched.
    pairs: Vec<u32>,
    /// The filter that keeps most word starts from the walk, and the large table of pairs
    /// out of the cache: one bit per [`quad_hash`] of the first four bytes of each name, and
    /// one bit per pair of bytes that begins a name of two or three bytes. A word start is
    /// walked only if its first four bytes or its first two have their bit.
    quads: BitSet,
    short: BitSet,
}

/// A set of 16-bit numbers, a bit each (8 KiB).
struct BitSet(Vec<u64>);

impl BitSet {
    /// The empty set.
    fn new() -> Self {
        BitSet(vec![0; 1 << 10])
    }

    fn insert(&mut self, k: usize) {
        if let Some(w) = self.0.get_mut(k >> 6 & 0x3ff) {
            *w |= 1 << (k & 63);
        }
    }

    fn contains(&self, k: usize) -> bool {
        self.0.get(k >> 6 & 0x3ff).is_some_and(|w| w >> (k & 63) & 1 != 0)
    }
}

/// A 16-bit hash of four bytes (Fibonacci hashing: the high bits of a multiplication).
fn quad_hash(q: [u8; 4]) -> usize {
    (u32::from_le_bytes(q).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// A node of the trie.
#[derive(Clone, Copy, Default)]
struct Node {
    /// Its first child; its children are `first..first + count`.
    first: u32,
    count: u32,
    /// One bit per dictionary with a name that ends here.
    tables: u32,
}

impl<const N: usize> Names<N> {
    /// The dictionaries of `tables` (blank names ignored; at most 32 dictionaries).
    pub fn new(tables: [Vec<&str>; N]) -> Self {
        // The trie built with sorted children per node, then numbered breadth first.
        let mut built: Vec<(std::collections::BTreeMap<u8, usize>, u32)> = vec![Default::default()];
        let (mut quads, mut short) = (BitSet::new(), BitSet::new());
        for (t, names) in tables.into_iter().enumerate().take(32) {
            for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
                // No other byte starts a word (see `word_starts`); the tables' test holds
                // their names to it.
                for spelling in spellings(name).into_iter().filter(|n| starts_word(n)) {
                    match *spelling.as_bytes() {
                        [a, b, c, d, ..] => quads.insert(quad_hash([a, b, c, d])),
                        [a, b, ..] => short.insert(pair(a, b)),
                        _ => {}
                    }
                    let mut node = 0;
                    for &byte in spelling.as_bytes() {
                        let next = built.len();
                        let child = match built.get_mut(node) {
                            Some((children, _)) => *children.entry(byte).or_insert(next),
                            None => break,
                        };
                        if child == next {
                            built.push(Default::default());
                        }
                        node = child;
                    }
                    if let Some((_, bits)) = built.get_mut(node) {
                        *bits |= 1 << t;
                    }
                }
            }
        }
        let mut nodes = vec![Node::default(); built.len()];
        let mut labels = vec![0u8; built.len()];
        // Breadth first: `order[k]` is the built node numbered `k`.
        let mut order = vec![0usize];
        let mut k = 0;
        while let Some(&old) = order.get(k) {
            let first = order.len();
            if let (Some((children, bits)), Some(node)) = (built.get(old), nodes.get_mut(k)) {
                *node = Node { first: first as u32, count: children.len() as u32, tables: *bits };
                for (&byte, &child) in children {
                    if let Some(l) = labels.get_mut(order.len()) {
                        *l = byte;
                    }
                    order.push(child);
                }
            }
            k += 1;
        }
        let mut pairs = vec![0u32; 1 << 16];
        let children = |n: &Node| n.first..n.first + n.count;
        for c in nodes.first().map(children).unwrap_or_default() {
            for d in nodes.get(c as usize).map(children).unwrap_or_default() {
                if let (Some(&c0), Some(&c1)) = (labels.get(c as usize), labels.get(d as usize))
                    && let Some(slot) = pairs.get_mut(pair(c0, c1))
                {
                    *slot = d;
                }
            }
        }
        Names { nodes, labels, pairs, quads, short }
    }

    /// For each dictionary, the byte ranges of its names in `s` that stand as whole words (no
    /// letter or digit just before or after), leftmost-longest and not overlapping: at each
    /// word start from the left, the longest name there, kept if it ends a word too. A
    /// longest name that runs into a word is dropped, not cut back to a shorter one, and a
    /// name starting inside it is still found.
    pub fn find(&self, s: &str) -> [Vec<(usize, usize)>; N] {
        let mut found = std::array::from_fn(|_| Vec::new());
        let b = s.as_bytes();
        // Where each dictionary's last name ended: none of its names starts before.
        let mut taken = [0; N];
        for i in word_starts(b) {
            let (Some(&c0), Some(&c1)) = (b.get(i), b.get(i + 1)) else { break };
            let likely = match *b.get(i..).unwrap_or_default() {
                [_, _, c2, c3, ..] => self.quads.contains(quad_hash([c0, c1, c2, c3])),
                _ => false,
            };
            if !likely && !self.short.contains(pair(c0, c1)) {
                continue;
            }
            let node = self.pairs.get(pair(c0, c1)).copied().unwrap_or(0);
            // A byte of a longer character before is decoded only here.
            if node == 0
                || taken.iter().all(|t| i < *t)
                || !s.is_char_boundary(i)
                || !(i == 0 || b.get(i - 1).is_some_and(u8::is_ascii) || word_start(s, i))
            {
                continue;
            }
            let (tables, ends) = self.longest(b, i, node);
            if tables == 0 {
                continue;
            }
            for (t, (f, taken)) in found.iter_mut().zip(taken.iter_mut()).enumerate() {
                let end = ends.get(t).copied().unwrap_or(0);
                if tables & (1 << t) != 0 && i >= *taken && whole(s, i, end) {
                    f.push((i, end));
                    *taken = end;
                }
            }
        }
        found
    }

    /// The dictionaries with a name that starts at byte `i` of `b`, whose first two bytes
    /// lead to `node`, one bit each, and for each the end of its longest such name: one walk
    /// down the trie until no name goes on.
    fn longest(&self, b: &[u8], i: usize, node: u32) -> (u32, [usize; N]) {
        let mut tables = 0;
        let mut ends = [0; N];
        let rest = b.get(i..).unwrap_or_default();
        let mut node = node as usize;
        let mut depth = 2;
        while let Some(n) = self.nodes.get(node).filter(|_| node != 0) {
            if n.tables != 0 {
                tables |= n.tables;
                for (t, end) in ends.iter_mut().enumerate() {
                    if n.tables & (1 << t) != 0 {
                        *end = i + depth;
                    }
                }
            }
            let (Some(&byte), Some(children)) =
                (rest.get(depth), self.labels.get(n.first as usize..(n.first + n.count) as usize))
            else {
                break;
            };
            node = children.iter().position(|&l| l == byte).map_or(0, |k| n.first as usize + k);
            depth += 1;
        }
        (tables, ends)
    }
}

/// Where a name may start in `b`, in order: each byte that is an ASCII letter or digit or
/// not ASCII, and follows no ASCII letter or digit (or is the first). Eight bytes are tested
/// at once, as the bytes of a `u64`: the scan looks at every byte of every text, and a test
/// and branch per byte (a mispredicted branch at each word's end) was most of its time.
fn word_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // The word mask of the eight bytes before: its last byte is the one before a block.
    let mut before = 0u64;
    b.chunks(8).enumerate().flat_map(move |(k, block)| {
        // The last block, short, filled with zeros: they start no word.
        let x = bytes::load(block, 0);
        let word = bytes::ascii_words(x);
        // The high bit of each byte that follows a letter or digit.
        let after_word = word << 8 | before >> 56;
        before = word;
        bytes::Bits((word | bytes::non_ascii(x)) & !after_word).map(move |bit| k * 8 + bit / 8)
    })
}

/// The index of the pair of bytes `c0`, `c1` in [`Names::pairs`].
fn pair(c0: u8, c1: u8) -> usize {
    usize::from(c0) << 8 | usize::from(c1)
}

/// Whether a name can be found: it starts with an ASCII letter or digit or a character
/// beyond ASCII.
pub fn starts_word(name: &str) -> bool {
    name.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
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
    fn word_starts_are_the_bytes_after_no_letter_or_digit() {
        let s = "ab c-d9 «Éa» x1Y ü and a longer tail of words";
        let b = s.as_bytes();
        let slow: Vec<usize> = (0..b.len())
            .filter(|&i| {
                (b[i].is_ascii_alphanumeric() || !b[i].is_ascii()) && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            })
            .collect();
        assert_eq!(word_starts(b).collect::<Vec<_>>(), slow);
        assert!(slow.len() > 16);
    }

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
