//! The model of the example (ECOSOC 2011/31) against its hand-checked gold facts, one test
//! per fact.

use crate::util::{gold, model, seed_path};
use serde_json::Value;
use unlod::Resolution;
use unlod::model::{Body, Clause, DocKind, Embedded, VoteSubject};

fn seed() -> Resolution {
    model(&seed_path())
}

fn outer_operative(res: &Resolution) -> Vec<&Clause> {
    res.body.operative()
}

fn draft(res: &Resolution) -> &Embedded {
    let ops = outer_operative(res);
    let first = ops.first().expect("the outer resolution has an operative paragraph");
    first.embedded.first().expect("the outer paragraph carries the draft")
}

fn draft_body(res: &Resolution) -> &Body {
    &draft(res).body
}

/// The draft paragraph a gold id (`pre-4`, `op-10`) names.
fn by_gold_id<'a>(res: &'a Resolution, id: &str) -> &'a Clause {
    let body = draft_body(res);
    if let Some(n) = id.strip_prefix("pre-") {
        let n: usize = n.parse().unwrap();
        &body.preamble[n - 1]
    } else if let Some(n) = id.strip_prefix("op-") {
        body.operative().into_iter().find(|c| c.num.as_deref() == Some(n)).unwrap_or_else(|| panic!("no paragraph {n}"))
    } else {
        panic!("unknown gold id {id}")
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

#[test]
fn number_symbol_and_title() {
    let (res, g) = (seed(), gold());
    assert_eq!(res.meta.number.as_deref(), Some(s(&g["number"])));
    assert_eq!(res.meta.symbol.as_deref(), Some(s(&g["symbol"])));
    assert_eq!(res.meta.title.as_deref(), Some(s(&g["title"])));
}

#[test]
fn enacted_by_the_economic_and_social_council() {
    let (res, g) = (seed(), gold());
    let organ = res.meta.organ.as_ref().expect("an organ");
    assert_eq!(organ.actor.name, s(&g["enacting_body"]));
    assert_eq!(organ.akn, "un-ecosoc");
    let formula = res.body.formula.as_ref().expect("an enacting formula");
    assert_eq!(formula.text.trim_end_matches(','), s(&g["outer"]["enacting_formula"]));
}

#[test]
fn outer_resolution_has_one_unnumbered_operative_paragraph() {
    let (res, g) = (seed(), gold());
    assert_eq!(res.body.preamble.len() as u64, g["outer"]["preambular"].as_u64().unwrap());
    let ops = outer_operative(&res);
    assert_eq!(ops.len(), 1);
    let op = &g["outer"]["operative"][0];
    assert_eq!(ops[0].num, None);
    assert_eq!(ops[0].lead.as_deref(), Some(s(&op["lead"])));
    assert!(ops[0].text.text.starts_with(s(&op["text_starts"])), "{}", ops[0].text.text);
}

#[test]
fn the_outer_paragraph_recommends_the_embedded_general_assembly_draft() {
    let (res, g) = (seed(), gold());
    let d = draft(&res);
    assert_eq!(d.kind, DocKind::DraftResolution);
    assert_eq!(d.organ.as_ref().map(|o| o.actor.key.as_str()), Some("general-assembly"));
    let formula = d.body.formula.as_ref().expect("the draft's formula");
    assert_eq!(formula.text.trim_end_matches(','), s(&g["draft"]["enacting_formula"]));
}

#[test]
fn draft_has_ten_preambular_paragraphs_with_their_lead_phrases() {
    let (res, g) = (seed(), gold());
    let pre = &draft_body(&res).preamble;
    let want: Vec<&str> = g["draft"]["preambular"].as_array().unwrap().iter().map(|p| s(&p["lead"])).collect();
    let got: Vec<&str> = pre.iter().map(|c| c.lead.as_deref().unwrap_or("")).collect();
    assert_eq!(got, want);
    assert_eq!(pre.len(), 10);
}

#[test]
fn draft_has_twelve_numbered_operative_paragraphs_with_their_lead_phrases() {
    let (res, g) = (seed(), gold());
    let ops = draft_body(&res).operative();
    let want: Vec<&str> = g["draft"]["operative"].as_array().unwrap().iter().map(|p| s(&p["lead"])).collect();
    let got: Vec<&str> = ops.iter().map(|c| c.lead.as_deref().unwrap_or("")).collect();
    assert_eq!(got, want);
    let nums: Vec<String> = ops.iter().map(|c| c.num.clone().unwrap_or_default()).collect();
    assert_eq!(nums, (1..=12).map(|n| n.to_string()).collect::<Vec<_>>());
}

#[test]
fn lead_phrases_named_in_the_issue() {
    let res = seed();
    let body = draft_body(&res);
    assert_eq!(body.preamble[3].lead.as_deref(), Some("Recalling also"));
    let ops = body.operative();
    assert_eq!(ops[5].lead.as_deref(), Some("Also calls upon"));
    assert_eq!(ops[9].lead.as_deref(), Some("Expresses its appreciation"));
}

#[test]
fn paragraph_3_is_one_paragraph() {
    let (res, g) = (seed(), gold());
    let p3 = by_gold_id(&res, "op-3");
    let op3 = &g["draft"]["operative"][2];
    assert!(p3.text.text.ends_with(s(&op3["text_ends"])), "{}", p3.text.text);
    assert!(p3.text.text.contains("the elements necessary for building national capacity"));
    assert!(!p3.text.text.contains("Conference"), "footnote 3 is not in paragraph 3's text");
    assert!(p3.text.notes.is_empty(), "paragraph 3 calls no footnote");
    // Paragraph 4 follows it: nothing was split off as a paragraph of its own.
    assert_eq!(draft_body(&res).operative().len(), 12);
}

#[test]
fn footnotes_are_attached_to_the_paragraphs_that_call_them() {
    let (res, g) = (seed(), gold());
    assert_eq!(res.footnotes.len(), 3);
    for f in g["footnotes"].as_array().unwrap() {
        let marker = f["marker"].as_u64().unwrap().to_string();
        let idx = res.footnotes.iter().position(|n| n.marker == marker).unwrap_or_else(|| panic!("footnote {marker}"));
        let note = &res.footnotes[idx];
        if let Some(t) = f.get("text") {
            assert_eq!(note.text.text, s(t));
        }
        if let Some(t) = f.get("text_starts") {
            assert!(note.text.text.starts_with(s(t)), "{}", note.text.text);
        }
        for id in f["cited_in"].as_array().unwrap() {
            let clause = by_gold_id(&res, s(id));
            assert!(clause.text.notes.iter().any(|c| c.footnote == idx), "{} should call footnote {marker}", s(id));
        }
    }
}

#[test]
fn footnote_1_is_called_twice() {
    let res = seed();
    let idx = res.footnotes.iter().position(|n| n.marker == "1").unwrap();
    let body = draft_body(&res);
    let calls: usize = body
        .preamble
        .iter()
        .chain(body.operative())
        .map(|c| c.text.notes.iter().filter(|n| n.footnote == idx).count())
        .sum();
    assert_eq!(calls, 2);
    assert_eq!(res.footnotes.iter().filter(|n| n.marker == "1").count(), 1, "one footnote, two calls");
}

#[test]
fn the_call_of_footnote_1_follows_the_words_that_carry_it() {
    let res = seed();
    let pre4 = by_gold_id(&res, "pre-4");
    let call = pre4.text.notes[0];
    assert!(pre4.text.text[..call.at].ends_with("United Nations Global Counter-Terrorism Strategy"));
}

#[test]
fn meeting_and_date() {
    let (res, g) = (seed(), gold());
    let m = res.adoption.meeting.as_ref().expect("a meeting");
    assert_eq!(m.printed, s(&g["meeting"]["printed"]));
    assert_eq!(m.number, Some(g["meeting"]["number"].as_u64().unwrap() as u32));
    assert!(m.plenary);
    assert_eq!(res.adoption.date.map(|d| d.to_string()).as_deref(), Some(s(&g["adoption_date"])));
}

#[test]
fn the_resolutions_own_adoption_has_no_recorded_vote() {
    let (res, g) = (seed(), gold());
    assert!(g["resolution_vote"].is_null());
    assert!(res.adoption.vote.is_none());
}

#[test]
fn the_two_votes_of_footnote_3_are_reported_votes_of_the_conference() {
    let (res, g) = (seed(), gold());
    let want = g["votes"].as_array().unwrap();
    assert_eq!(res.reported_votes.len(), want.len());
    let f3 = res.footnotes.iter().position(|n| n.marker == "3").unwrap();
    for (v, w) in res.reported_votes.iter().zip(want) {
        assert_eq!(v.in_favour, Some(w["in_favour"].as_u64().unwrap() as u32));
        assert_eq!(v.against, Some(w["against"].as_u64().unwrap() as u32));
        assert_eq!(v.abstentions, None, "no abstentions are printed");
        assert_eq!(v.footnote, Some(f3));
        let by = &res.actors[v.by.expect("voted by someone")];
        assert_eq!(by.name, s(&w["by"]));
        let VoteSubject::Instrument(i) = v.subject else { panic!("a vote on an instrument") };
        assert_eq!(res.instruments[i].name, s(&w["on"]));
    }
}

#[test]
fn no_markup_is_left_in_any_text() {
    let res = seed();
    let body = draft_body(&res);
    let texts = body
        .preamble
        .iter()
        .chain(body.operative())
        .map(|c| c.text.text.as_str())
        .chain(res.footnotes.iter().map(|f| f.text.text.as_str()));
    for t in texts {
        for bad in ["*", "<sup>", "</sup>", "---", "“", "”"] {
            assert!(!t.contains(bad), "{bad:?} left in {t:?}");
        }
    }
}
