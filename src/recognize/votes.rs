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
use crate::words::words;
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
        r"(?i)by\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?(?P<yes>\d+|none|one)(?:\s+votes?)?\s+(?:in\s+favour\s+)?(?:to|and|against)\s+(?P<no>\d+|none|one)(?:\s*\((?P<nowho>[^)]*)\))?(?:\s+(?:votes?\s+)?against)?(?:,?\s+(?:with|and)\s+(?P<abs>\d+|none|no|one)\s+abstentions?(?:\s*\((?P<who>[^)]*)\))?)?",
    )
    .ok()
});

/// French and Spanish counts: "par 24 voix contre 8, avec 15 abstentions", "por 24 votos
/// contra 8 y 15 abstenciones".
static COUNTS_FR_ES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:par|por)\s+(?P<yes>\d+)\s+(?:voix|votos)\s+contr[ea]\s+(?P<no>\d+)(?:,?\s+(?:avec|y|con)\s+(?P<abs>\d+)\s+(?:abstentions?|abstenci[oó]n(?:es)?))?",
    )
    .ok()
});

/// Whether lowercase `text` holds a word of the `list` of `ontology/vote-words.tsv`.
fn says(text: &str, list: &str) -> bool {
    words().vote_words(list).any(|w| text.contains(w))
}

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
    if says(&lower, "unanimous") {
        vote.method = VoteMethod::Unanimous;
    } else if says(&lower, "without-vote") {
        vote.method = VoteMethod::WithoutVote;
    } else if let Some(c) =
        COUNTS.as_ref().and_then(|r| r.captures(line)).or_else(|| COUNTS_FR_ES.as_ref().and_then(|r| r.captures(line)))
    {
        vote.method = if says(&lower, "recorded") { VoteMethod::Recorded } else { VoteMethod::Counted };
        vote.in_favour = count(c.name("yes"));
        vote.against = count(c.name("no"));
        vote.abstentions = count(c.name("abs")).or(Some(0));
        for (group, which) in [("nowho", 1), ("who", 2)] {
            if let Some(who) = c.name(group) {
                for name in names(who.as_str()) {
                    let a = actors::actor(name);
                    let i = actors::add_actor(res, a);
                    if which == 1 { vote.voters.against.push(i) } else { vote.voters.abstaining.push(i) }
                }
            }
        }
        recorded_lists(res, line, &mut vote);
    } else {
        return None;
    }
    Some(vote)
}

/// The names of a list: "Cuba and Yemen", "A, B, C et D", "A, B y C"; a name of the tables
/// with "and" in it ("United Kingdom of Great Britain and Northern Ireland") stays whole.
fn names(list: &str) -> Vec<&str> {
    fn clean(n: &str) -> &str {
        n.trim().trim_end_matches([']', '.', ':']).trim()
    }
    let mut out = Vec::new();
    for piece in list.split([',', ';']) {
        let piece = clean(piece);
        let last =
            piece.rsplit_once(" and ").or_else(|| piece.rsplit_once(" et ")).or_else(|| piece.rsplit_once(" y "));
        match last {
            Some((a, b)) if actors::lookup(piece).is_none() => out.extend([clean(a), clean(b)]),
            _ => out.push(piece),
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// "In favour: A, B … Against: C … Abstaining: D" lists of a recorded vote (English,
/// French or Spanish heads).
fn recorded_lists(res: &mut Resolution, line: &str, vote: &mut Vote) {
    for heads in words().vote_heads() {
        for (which, head) in heads.iter().enumerate() {
            let Some(at) = line.find(head) else { continue };
            let rest = line.get(at + head.len()..).unwrap_or("");
            let rest = rest.trim_start_matches([' ', ':', '\u{a0}']);
            let end = heads.iter().filter_map(|h| rest.find(h)).min().unwrap_or(rest.len());
            for name in names(rest.get(..end).unwrap_or("")) {
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
}

/// A recorded vote printed in brackets among the paragraphs rather than in the conclusions
/// ("[Adopted by a recorded vote of 24 to 8, with 15 abstentions. …]" at the end of a
/// Human Rights Council text), as the vote on the document when the conclusions have none.
pub fn bracketed(res: &mut Resolution) {
    if res.adoption.vote.is_some() {
        return;
    }
    let mut texts: Vec<String> = Vec::new();
    let mut clauses = Vec::new();
    crate::model::collect_clauses(&res.body.main, &mut clauses);
    for a in &res.annexes {
        crate::model::collect_clauses(&a.items, &mut clauses);
    }
    for c in clauses {
        texts.push(c.text.text.clone());
    }
    texts.extend(res.footnotes.iter().map(|f| f.text.text.clone()));
    let recorded = |t: &str| {
        let lower = t.to_lowercase();
        says(&lower, "recorded")
    };
    for t in texts {
        // Lowercased only when bracketed: most texts are not, and lowercasing every text was
        // 0.7 % of a conversion's instructions.
        if t.trim_start().starts_with('[') && recorded(&t) {
            if let Some(v) = adoption(res, &t) {
                res.adoption.vote = Some(v);
            }
            return;
        }
    }
}
