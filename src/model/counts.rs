//! Counts of a resolution's parts, as the corpus expectations count them
//! (`corpus/expected.json → _counting_rules`): the main resolution only (parts summed, annexes
//! and embedded documents apart), sub-paragraphs at every depth of the operative part.

use super::{Body, Clause, Item, Point, Resolution};
use serde::Serialize;

/// Counts of one body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Preambular paragraphs.
    pub preambular: usize,
    /// Numbered operative paragraphs (restarts in sections summed).
    pub operative_numbered: usize,
    /// Unnumbered operative paragraphs.
    pub operative_unnumbered: usize,
    /// Sub-paragraphs of the operative part, at every depth.
    pub subparagraphs: usize,
}

impl Counts {
    /// Counts of one body.
    pub fn of(body: &Body) -> Counts {
        let ops = body.operative();
        Counts {
            preambular: body.preamble.len() + section_preambles(&body.main),
            operative_numbered: in_sequence(&ops),
            operative_unnumbered: ops.iter().filter(|c| c.num.is_none()).count(),
            subparagraphs: ops.iter().map(|c| points(&c.points)).sum::<usize>() + section_preamble_points(&body.main),
        }
    }

    fn add(self, o: Counts) -> Counts {
        Counts {
            preambular: self.preambular + o.preambular,
            operative_numbered: self.operative_numbered + o.operative_numbered,
            operative_unnumbered: self.operative_unnumbered + o.operative_unnumbered,
            subparagraphs: self.subparagraphs + o.subparagraphs,
        }
    }
}

/// Numbered paragraphs that continue the sequence 1, 2, 3 …, as the counting rules say: the
/// next number (a gap of up to two missing numbers is allowed: A/RES/75/248 skips 6), or a
/// restart at 1. A number out of sequence (a form's "17." after paragraph 9 in S/RES/1409
/// (2002), an amended article's "2." after paragraph 3 in S/RES/1855 (2008)) is not counted.
/// A number that is not an integer ("5 bis") counts and leaves the sequence where it was;
/// a decimal one ("1.1" under "Overarching objective 1" in A/RES/76/3) does not count.
fn in_sequence(ops: &[&Clause]) -> usize {
    let mut last = 0u64;
    let mut n = 0;
    for num in ops.iter().filter_map(|c| c.num.as_deref()) {
        match num.parse::<u64>() {
            Ok(v) if v == 1 || (v > last && v <= last + 3) => {
                last = v;
                n += 1;
            }
            Ok(_) => {}
            // "1.1", "2.3": numbers of a list under a heading, not of the sequence.
            Err(_) if num.contains('.') => {}
            Err(_) => n += 1,
        }
    }
    n
}

fn section_preambles(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Section(s) => s.preamble.len() + section_preambles(&s.items),
            _ => 0,
        })
        .sum()
}

/// Sub-paragraphs of the preambular paragraphs of sections ("*Noting with satisfaction*:
/// (a) … (e)" in section B of E/RES/2023/5): the counting rules count every labelled unit
/// of the XML's mainBody, where those sections are.
fn section_preamble_points(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Section(s) => {
                s.preamble.iter().map(|c| points(&c.points)).sum::<usize>() + section_preamble_points(&s.items)
            }
            _ => 0,
        })
        .sum()
}

fn points(p: &[Point]) -> usize {
    p.iter().map(|p| 1 + points(&p.points)).sum()
}

impl Resolution {
    /// Counts of the resolution itself, parts summed.
    pub fn counts(&self) -> Counts {
        self.bodies().map(Counts::of).fold(Counts::default(), Counts::add)
    }

    /// Counts of the first embedded draft, if the text recommends one.
    pub fn embedded_counts(&self) -> Option<Counts> {
        self.bodies()
            .flat_map(|b| b.operative())
            .flat_map(|c: &Clause| c.embedded.iter())
            .next()
            .map(|e| Counts::of(&e.body))
    }

    /// Every paragraph of the operative part of every body, in order (sections flattened).
    pub fn operative(&self) -> Vec<&Clause> {
        self.bodies().flat_map(|b| b.operative()).collect()
    }
}
