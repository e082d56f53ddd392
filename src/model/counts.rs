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
            operative_numbered: ops.iter().filter(|c| c.num.is_some()).count(),
            operative_unnumbered: ops.iter().filter(|c| c.num.is_none()).count(),
            subparagraphs: ops.iter().map(|c| points(&c.points)).sum(),
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

fn section_preambles(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Section(s) => s.preamble.len() + section_preambles(&s.items),
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
