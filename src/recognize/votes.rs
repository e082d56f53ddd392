//! Votes: the adoption of the document (conclusions), and votes the text reports on other
//! instruments (footnote 3 of the example: a conference's votes on a convention).
//!
//! Printed forms: "Adopted unanimously at the 1382nd meeting", "Adopted at the 473rd meeting
//! by 9 votes to none, with 1 abstention (Yugoslavia)", "adopted without a vote",
//! "[Adopted by a recorded vote of 24 to 8, with 15 abstentions. …In favour: …]", and "The
//! International Conference on Air Law adopted the Convention … by a vote of 55 in favour
//! and 14 not in favour".

use super::actors;
use crate::model::{Resolution, Vote, VoteMethod, VoteOutcome, VoteSubject, Voters};
use regex::Regex;
use std::sync::LazyLock;

static REPORTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?P<by>(?:The|the)\s+[^.;]*?)\s+(?:adopted|approved)\s+(?:the\s+)?(?P<what>[^;]*?)\s+by\s+a\s+(?:recorded\s+)?vote\s+of\s+(?P<yes>\d+)\s+(?:votes\s+)?in\s+favour(?:\s+(?:to|and)|,)\s+(?P<no>\d+|none)(?:\s+votes)?\s+(?:not\s+in\s+favour|against)(?:,?\s+(?:and|with)\s+(?P<abs>\d+|no)\s+abstentions?)?",
    )
    .ok()
});
static COUNTS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)by\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?(?P<yes>\d+|none|one)(?:\s+votes?)?\s+(?:in\s+favour\s+)?(?:to|and|against)\s+(?P<no>\d+|none|one)(?:\s+(?:votes?\s+)?against)?(?:,?\s+(?:with|and)\s+(?P<abs>\d+|none|no|one)\s+abstentions?(?:\s*\((?P<who>[^)]*)\))?)?",
    )
    .ok()
});

fn count(s: Option<regex::Match<'_>>) -> Option<u32> {
    let s = s?.as_str().to_lowercase();
    match s.as_str() {
        "none" | "no" => Some(0),
        "one" => Some(1),
        n => n.parse().ok(),
    }
}

/// A vote found in a footnote: footnote, who, on what, counts (for, against, abstaining), words.
type Found = (usize, String, String, Option<u32>, Option<u32>, Option<u32>, String);

/// Votes reported in the footnotes, added to `res.reported_votes`.
pub fn reported(res: &mut Resolution) {
    let Some(re) = REPORTED.as_ref() else { return };
    let mut found: Vec<Found> = Vec::new();
    for (fi, f) in res.footnotes.iter().enumerate() {
        for c in re.captures_iter(&f.text.text) {
            let (Some(by), Some(what), Some(all)) = (c.name("by"), c.name("what"), c.get(0)) else { continue };
            found.push((
                fi,
                by.as_str().to_string(),
                what.as_str().to_string(),
                count(c.name("yes")),
                count(c.name("no")),
                count(c.name("abs")),
                all.as_str().to_string(),
            ));
        }
    }
    let mut last_by: Option<usize> = None;
    for (fi, by, what, yes, no, abs, printed) in found {
        let by_idx = match actors::lookup(&by) {
            Some(a) => actors::add_actor(res, a),
            None => {
                // "The Conference" refers back to the conference named before.
                let word = actors::norm(&by);
                match last_by.filter(|i| res.actors.get(*i).is_some_and(|a| actors::norm(&a.name).contains(&word))) {
                    Some(i) => i,
                    None => {
                        let a = actors::actor(&by);
                        actors::add_actor(res, a)
                    }
                }
            }
        };
        last_by = Some(by_idx);
        let ins = actors::instrument(&what);
        let ins_idx = actors::add_instrument(res, ins);
        res.reported_votes.push(Vote {
            subject: VoteSubject::Instrument(ins_idx),
            by: Some(by_idx),
            method: VoteMethod::Counted,
            outcome: Some(VoteOutcome::Adopted),
            in_favour: yes,
            against: no,
            abstentions: abs,
            voters: Voters::default(),
            printed: Some(printed),
            footnote: Some(fi),
            from_metadata: false,
        });
    }
}

/// The vote on the document itself, from its adoption line, if the line reports one.
pub fn adoption(res: &mut Resolution, line: &str) -> Option<Vote> {
    let lower = line.to_lowercase();
    let mut vote =
        Vote { printed: Some(line.trim().to_string()), outcome: Some(VoteOutcome::Adopted), ..Vote::default() };
    if lower.contains("unanimously") || lower.contains("à l’unanimité") || lower.contains("por unanimidad") {
        vote.method = VoteMethod::Unanimous;
    } else if lower.contains("without a vote")
        || lower.contains("without vote")
        || lower.contains("sans vote")
        || lower.contains("sin votación")
    {
        vote.method = VoteMethod::WithoutVote;
    } else if let Some(c) = COUNTS.as_ref().and_then(|r| r.captures(line)) {
        vote.method = if lower.contains("recorded vote") { VoteMethod::Recorded } else { VoteMethod::Counted };
        vote.in_favour = count(c.name("yes"));
        vote.against = count(c.name("no"));
        vote.abstentions = count(c.name("abs")).or(Some(0));
        if let Some(who) = c.name("who") {
            for name in who.as_str().split([',', ';']).flat_map(|s| s.split(" and ")) {
                let name = name.trim();
                if !name.is_empty() {
                    let a = actors::actor(name);
                    let i = actors::add_actor(res, a);
                    vote.voters.abstaining.push(i);
                }
            }
        }
        recorded_lists(res, line, &mut vote);
    } else {
        return None;
    }
    Some(vote)
}

/// "In favour: A, B … Against: C … Abstaining: D" lists of a recorded vote.
fn recorded_lists(res: &mut Resolution, line: &str, vote: &mut Vote) {
    let heads = [("In favour:", 0), ("Against:", 1), ("Abstaining:", 2)];
    for (head, which) in heads {
        let Some(at) = line.find(head) else { continue };
        let rest = line.get(at + head.len()..).unwrap_or("");
        let end = heads.iter().filter_map(|(h, _)| rest.find(h)).min().unwrap_or(rest.len());
        let list = rest.get(..end).unwrap_or("").trim().trim_end_matches([']', '.']);
        for name in list.split(',') {
            let name = name.trim().trim_end_matches([']', '.']).trim();
            if name.is_empty() {
                continue;
            }
            let a = actors::actor(name);
            let i = actors::add_actor(res, a);
            match which {
                0 => vote.voters.in_favour.push(i),
                1 => vote.voters.against.push(i),
                _ => vote.voters.abstaining.push(i),
            }
        }
    }
}
