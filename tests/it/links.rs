//! Links (issue 4): precision and recall of citations, actors and instruments against the
//! hand-checked `tests/links-gold.json`; the actions of the example against its gold file;
//! the votes the corpus texts print against `corpus/expected.json`; and the links as they
//! appear in the AKN and RDF of the example.

use crate::util::{gold, model, root, seed_path, shared_file, unlod};
use std::collections::BTreeSet;
use unlod::model::{ActorKind, MentionKind, Resolution, VoteMethod};

/// Floor for precision and for recall of each kind of link over the gold documents.
const FLOOR: f64 = 0.9;

fn links_gold() -> serde_json::Value {
    let p = root().join("tests/links-gold.json");
    serde_json::from_slice(&std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

fn path_of(file: &str) -> std::path::PathBuf {
    match file.strip_prefix("texts/") {
        Some(rest) => shared_file(&format!("corpus/texts/{rest}")),
        None => root().join(file),
    }
}

/// True positives, false positives (found, not in gold), false negatives (in gold, not found).
#[derive(Default)]
struct Score {
    tp: usize,
    fp: Vec<String>,
    missed: Vec<String>,
}

impl Score {
    fn add(&mut self, doc: &str, found: &BTreeSet<String>, want: &BTreeSet<String>) {
        self.tp += found.intersection(want).count();
        self.fp.extend(found.difference(want).map(|x| format!("{doc}: {x}")));
        self.missed.extend(want.difference(found).map(|x| format!("{doc}: {x}")));
    }
    fn precision(&self) -> f64 {
        let n = self.tp + self.fp.len();
        if n == 0 { 1.0 } else { self.tp as f64 / n as f64 }
    }
    fn recall(&self) -> f64 {
        let n = self.tp + self.missed.len();
        if n == 0 { 1.0 } else { self.tp as f64 / n as f64 }
    }
}

fn strings(v: &serde_json::Value, field: &str) -> BTreeSet<String> {
    v[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().map_or_else(|| x["symbol"].as_str().unwrap().to_string(), str::to_string))
        .collect()
}

fn found(res: &Resolution) -> [BTreeSet<String>; 3] {
    [
        res.citations.iter().map(|c| c.symbol.clone()).collect(),
        res.actors.iter().map(|a| a.key.clone()).collect(),
        res.instruments.iter().map(|i| i.key.clone()).collect(),
    ]
}

#[test]
fn precision_and_recall_of_links_on_the_hand_checked_sample() {
    let g = links_gold();
    let mut scores: [Score; 3] = Default::default();
    let (mut dated, mut dates_right, mut dates_wrong) = (0, 0, Vec::new());
    for doc in g["documents"].as_array().unwrap() {
        let file = doc["file"].as_str().unwrap();
        let res = model(&path_of(file));
        let got = found(&res);
        for (k, field) in ["citations", "actors", "instruments"].iter().enumerate() {
            scores[k].add(file, &got[k], &strings(doc, field));
        }
        for c in doc["citations"].as_array().unwrap() {
            let Some(want) = c["date"].as_str() else { continue };
            let sym = c["symbol"].as_str().unwrap();
            if let Some(have) = res.citations.iter().find(|x| x.symbol == sym) {
                dated += 1;
                match have.date.map(|d| d.to_string()) {
                    Some(d) if d == want => dates_right += 1,
                    other => dates_wrong.push(format!("{file}: {sym} {want} ≠ {other:?}")),
                }
            }
        }
    }
    let mut report = String::new();
    for (k, name) in ["citations", "actors", "instruments"].iter().enumerate() {
        let s = &scores[k];
        report.push_str(&format!(
            "{name}: precision {:.3} recall {:.3} (tp {}, fp {}, missed {})\n  false: {:?}\n  missed: {:?}\n",
            s.precision(),
            s.recall(),
            s.tp,
            s.fp.len(),
            s.missed.len(),
            s.fp,
            s.missed
        ));
    }
    report.push_str(&format!(
        "dates of found citations: {dates_right}/{dated} right; wrong or missing: {dates_wrong:?}\n"
    ));
    eprintln!("{report}");
    for (k, name) in ["citations", "actors", "instruments"].iter().enumerate() {
        assert!(scores[k].precision() >= FLOOR, "{name}: precision below {FLOOR}\n{report}");
        assert!(scores[k].recall() >= FLOOR, "{name}: recall below {FLOOR}\n{report}");
    }
    assert!(dates_right as f64 >= FLOOR * dated as f64, "{report}");
}

#[test]
fn every_action_of_the_example_has_the_verb_and_addressee_of_the_gold_file() {
    let g = gold();
    let res = model(&seed_path());
    let outer = res.body.operative();
    let draft = &outer[0].embedded[0].body;
    let mut want = Vec::new();
    let mut got = Vec::new();
    for (clause, w) in draft.operative().iter().zip(g["draft"]["operative"].as_array().unwrap()) {
        for a in w["actions"].as_array().unwrap() {
            want.push((a[0].as_str().unwrap().to_string(), a[1].as_str().map(str::to_string)));
        }
        for a in &clause.actions {
            got.push((a.verb.clone(), a.addressee.map(|i| res.actors[i].name.clone())));
        }
    }
    assert_eq!(got, want);
    // The outer paragraph recommends the draft to the General Assembly.
    let a = &outer[0].actions[0];
    assert_eq!((a.base.as_str(), res.actors[a.addressee.unwrap()].name.as_str()), ("recommend", "General Assembly"));
}

#[test]
fn its_resolution_in_the_draft_is_the_general_assemblys() {
    let res = model(&seed_path());
    let c = res.citations.iter().find(|c| c.symbol == "A/RES/65/232").expect("65/232 cited");
    assert_eq!(c.organ.as_deref(), Some("general-assembly"));
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2010-12-21"));
    assert!(res.citations.iter().all(|c| !c.symbol.starts_with("E/RES/2010")), "{:?}", res.citations);
}

#[test]
fn resolution_678_has_twelve_for_two_against_and_one_abstention_with_the_states() {
    let res = model(&shared_file("corpus/texts/sc-S-RES-678-1990.txt"));
    let v = res.adoption.vote.as_ref().expect("a vote");
    assert_eq!((v.in_favour, v.against, v.abstentions), (Some(12), Some(2), Some(1)));
    let codes = |l: &[usize]| l.iter().map(|i| res.actors[*i].key.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&v.voters.against), ["CUB", "YEM"]);
    assert_eq!(codes(&v.voters.abstaining), ["CHN"]);
}

#[test]
fn printed_votes_match_the_corpus_expectations() {
    let p = shared_file("corpus/expected.json");
    let expected: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
    let mut checked = 0;
    for (name, e) in expected.as_object().unwrap() {
        let printed = e["vote_text_in_document"].as_array().is_some_and(|a| !a.is_empty());
        if !printed {
            continue;
        }
        let res = model(&shared_file(&format!("corpus/texts/{name}")));
        let v = res.adoption.vote.as_ref().unwrap_or_else(|| panic!("{name}: no vote found"));
        assert_eq!(v.method, VoteMethod::Recorded, "{name}");
        // The counts as printed in the text (the first line of vote_text_in_document).
        let line = e["vote_text_in_document"][0].as_str().unwrap();
        let numbers: Vec<u32> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .take(3)
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(vec![v.in_favour.unwrap(), v.against.unwrap(), v.abstentions.unwrap()], numbers, "{name}");
        let listed = [&v.voters.in_favour, &v.voters.against, &v.voters.abstaining];
        for (list, n) in listed.iter().zip(&numbers) {
            assert_eq!(list.len() as u32, *n, "{name}: a list of voters has the wrong length");
            assert!(list.iter().all(|i| res.actors[*i].kind == ActorKind::State), "{name}: a voter is not a State");
        }
        checked += 1;
    }
    assert_eq!(checked, 4, "the four HRC texts print their recorded votes");
}

#[test]
fn the_akn_marks_the_links_at_their_words_with_references() {
    let out = unlod(&root(), &["convert", "-f", "akn", seed_path().to_str().unwrap()]);
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.contains(r#"<ref href="/akn/un/statement/deliberation/un-ga/2010-12-21/65-232">its resolution 65/232 of 21 December 2010</ref>"#), "{xml}");
    assert!(xml.contains(r#"<TLCReference eId="ref_a-res-65-232" href="/akn/un/statement/deliberation/un-ga/2010-12-21/65-232" showAs="A/RES/65/232" name="resolution"/>"#));
    assert!(
        xml.contains(r##"<organization refersTo="#unodc">United Nations Office on Drugs and Crime</organization>"##)
    );
    assert!(xml.contains(r##"<role refersTo="#secretary-general">Secretary-General</role>"##));
    assert!(xml.contains(r#"<TLCRole eId="secretary-general""#));
}

#[test]
fn the_rdf_links_cited_documents_to_their_official_text() {
    let out = unlod(&root(), &["convert", "-f", "ntriples", seed_path().to_str().unwrap()]);
    let nt = String::from_utf8(out.stdout).unwrap();
    let doc = "<https://example.org/akn/un/statement/deliberation/un-ga/2010-12-21/65-232>";
    assert!(nt.contains(&format!("{doc} <http://www.w3.org/2002/07/owl#sameAs> <https://undocs.org/A/RES/65/232> .")));
    assert!(nt.contains(&format!("{doc} <https://w3id.org/unlod/ontology#symbol> \"A/RES/65/232\"")));
    assert!(nt.contains(&format!("<https://w3id.org/unlod/ontology#cites> {doc} .")));
    for line in nt.lines() {
        for iri in line.split('<').skip(1).filter_map(|s| s.split_once('>').map(|x| x.0)) {
            assert!(unlod::model::ids::is_valid_iri(iri), "not an IRI: {iri}");
        }
    }
}

/// The symbols cited by a small General Assembly resolution whose preamble is `clauses`
/// (one a line) and whose operative paragraph is `operative`, with their organs.
fn cited_in(clauses: &[&str], operative: &str, organ: &str) -> Vec<String> {
    small(clauses, operative, organ).citations.iter().map(|c| c.symbol.clone()).collect()
}

/// A small resolution of `organ` (`ga`, `ecosoc`) whose preamble is `clauses` (one a line)
/// and whose operative paragraph is `operative`.
fn small(clauses: &[&str], operative: &str, organ: &str) -> Resolution {
    let (formula, cover) = match organ {
        "ecosoc" => (
            "The Economic and Social Council,",
            "Resolution adopted by the Economic and Social Council on 22 July 2021",
        ),
        _ => ("The General Assembly,", "Resolution adopted by the General Assembly on 15 December 2022"),
    };
    let symbol = if organ == "ecosoc" { "E/RES/2021/99" } else { "A/RES/77/999" };
    let mut md = format!("United Nations {symbol}\n\n{cover}\n\n99. A test\n\n{formula}\n\n");
    for c in clauses {
        md.push_str(&format!("*Recalling* {c},\n\n"));
    }
    md.push_str(&format!("1. *Decides* {operative}.\n"));
    unlod::convert(md.as_bytes(), &unlod::ConvertOptions::default()).expect("converts").resolution
}

#[test]
fn a_list_goes_on_after_the_words_that_describe_its_numbers() {
    let got = cited_in(
        &[
            "General Assembly resolutions 74/270 of 2 April 2020 on global solidarity to fight the coronavirus, 74/274 of 20 April 2020 on international cooperation, and 74/306 of 11 September 2020",
        ],
        "to remain seized of the matter",
        "ga",
    );
    assert_eq!(got, ["A/RES/74/270", "A/RES/74/274", "A/RES/74/306"]);
    let got = cited_in(
        &[
            "its resolutions 1612 (2005) and 1882 (2009) on children and armed conflict, 1502 (2003) on the protection of humanitarian personnel, and 1325 (2000)",
        ],
        "to remain seized of the matter",
        "ga",
    );
    assert_eq!(got, ["S/RES/1612 (2005)", "S/RES/1882 (2009)", "S/RES/1502 (2003)", "S/RES/1325 (2000)"]);
    // A sentence, or a report named between, ends the list.
    let got = cited_in(&["its resolution 74/270; the report, 12/3"], "to act", "ga");
    assert_eq!(got, ["A/RES/74/270"]);
}

#[test]
fn lettered_parts_cite_the_resolution_and_joint_symbols_their_first() {
    let got = cited_in(
        &[
            "resolutions 2200 A (XXI) of 16 December 1966 and 52/38 L of 9 December 1997",
            "the report of the Secretary-General (A/76/74-E/2021/54)",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/RES/2200(XXI)", "A/RES/52/38", "A/76/74"]);
    let md_vol =
        cited_in(&["the Final Document (NPT/CONF.2010/50 (Vol. I)) and the report (A/73/12 (Part I))"], "to act", "ga");
    assert_eq!(md_vol, ["NPT/CONF.2010/50 (Vol. I)", "A/73/12 (Part I)"]);
}

#[test]
fn other_bodies_resolutions_are_not_the_assemblys() {
    let got = cited_in(
        &[
            "United Nations Environment Assembly resolutions 5/7, entitled “Sound management of chemicals”, 5/8 and 4/1",
            "Commission on Crime Prevention and Criminal Justice resolution 25/2 of 27 May 2016",
            "resolutions 7/8 of 10 November 2017 and 8/4 of 20 December 2019 of the Conference of the States Parties to the United Nations Convention against Corruption",
            "Human Rights Council resolutions on the subject, including resolution 42/9 of 26 September 2019",
            "the mandate of the Special Rapporteur of the Human Rights Council, as set out in Council resolution 44/5",
            "General Assembly and Security Council resolutions 70/262 and 2282 (2016) of 27 April 2016",
            "resolutions 1/3 of 27 June 2014 and 2/14 of 27 May 2016 of the United Nations Environment Assembly",
            "resolutions 6/7 and 6/9 adopted by the Conference of the States Parties to the United Nations Convention against Corruption",
        ],
        "to act",
        "ga",
    );
    assert_eq!(
        got,
        [
            "UNEP/EA.5/RES.7",
            "UNEP/EA.5/RES.8",
            "UNEP/EA.4/RES.1",
            "A/HRC/RES/42/9",
            "A/HRC/RES/44/5",
            "A/RES/70/262",
            "S/RES/2282 (2016)",
            "UNEP/EA.1/RES.3",
            "UNEP/EA.2/RES.14"
        ]
    );
}

#[test]
fn its_resolution_takes_the_organ_named_around_it() {
    let got = cited_in(
        &[
            "that in its resolution 74/306 of 11 September 2020, the General Assembly called upon States",
            "the principles recognized by the Assembly in its resolution 58/114 of 17 December 2003",
            "its decision 281 (LXIII) of 4 August 1977",
            "General Assembly resolutions 45/110 and 1996/10",
            "the adoption by the Economic Commission for Latin America and the Caribbean on 16 May 1998 of its resolution 574 (XXVII)",
            "the request by the United Nations Environment Assembly at its second session, in paragraph 6 of its resolution 2/10 of 27 May 2016",
        ],
        "to act",
        "ecosoc",
    );
    assert_eq!(
        got,
        ["A/RES/74/306", "A/RES/58/114", "E/DEC/281(LXIII)", "A/RES/45/110", "E/RES/1996/10", "UNEP/EA.2/RES.10"]
    );
}

#[test]
fn a_resolution_inside_an_actors_name_is_cited() {
    let got = cited_in(
        &[
            "the work of the Security Council Committee established pursuant to resolution 1373 (2001) concerning counter-terrorism",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["S/RES/1373 (2001)"]);
}

#[test]
fn resolutions_of_an_organ_named_before_their_numbers_are_its() {
    let got = cited_in(
        &[
            "the resolutions and decisions of the Human Rights Council, the most recent of which being resolutions 47/1 of 12 July 2021 and 46/21 of 24 March 2021",
            "relevant resolutions adopted by the Human Rights Council, including resolution 36/6 of 28 September 2017",
            "its resolution 74/146 of 18 December 2019",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/HRC/RES/47/1", "A/HRC/RES/46/21", "A/HRC/RES/36/6", "A/RES/74/146"]);
}

#[test]
fn a_resolution_printed_in_a_document_is_of_the_body_whose_document_it_is() {
    let got = cited_in(
        &[
            "the report (Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 53A (A/77/53/Add.1), chap. III, sect. A, resolution 51/4)",
            "the text (A/56/1026-S/2002/932, annex II, resolution 14/221)",
            "the Conference (CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15)",
            "its resolution 74/146",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/77/53/Add.1", "A/HRC/RES/51/4", "A/56/1026", "CAC/COSP/2021/17", "A/RES/74/146"]);
}

#[test]
fn special_sessions_with_a_non_breaking_hyphen_and_symbols_of_treaty_bodies_are_cited() {
    let got = cited_in(
        &[
            "its resolutions ES\u{2011}10/15 of 20 July 2004 and S\u{2011}32/1 of 2 June 2021",
            "its resolutions 1874 (S-IV) of 27 June 1963, 3101 (XXVIII) of 11 December 1973 and 55/235 of 23 December 2000",
            "the decisions of the Conference (ICCD/COP(14)/23/Add.1, BWC/CONF.VIII/4, CCW/CONF.V/2 and UNEP/OZL.Pro.28/12)",
        ],
        "to act",
        "ga",
    );
    assert_eq!(
        got,
        [
            "A/RES/ES-10/15",
            "A/RES/S-32/1",
            "A/RES/1874(S-IV)",
            "A/RES/3101(XXVIII)",
            "A/RES/55/235",
            "ICCD/COP(14)/23/Add.1",
            "BWC/CONF.VIII/4",
            "CCW/CONF.V/2",
            "UNEP/OZL.Pro.28/12"
        ]
    );
}

#[test]
fn the_assemblys_numbers_by_session_start_at_its_thirty_first_session() {
    // A/RES/77/325, A/RES/75-235, A/RES/76/296: another body's resolutions, printed with no
    // organ right before their numbers, were read as the Assembly's (A/RES/13/07, A/RES/7/2019,
    // A/RES/5/14), though the Assembly numbered by session only from 1976.
    let got = cited_in(
        &[
            "the Indian Ocean Tuna Commission, resolutions 12/07 and 13/07",
            "resolution 7/2019 of 28 June 2019 of the Conference of the Food and Agriculture Organization of the United Nations",
            "resolution 31/1 of 1 December 1976 and its resolution 74/146",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/RES/31/1", "A/RES/74/146"]);
}

#[test]
fn a_bare_number_cited_before_with_its_organ_is_that_organs() {
    // A/RES/75/190: "Human Rights Council resolutions 34/24 … and 40/20 …" in paragraph 8,
    // then "pursuant to resolution 34/24" and "pursuant to resolution 40/20" were read as the
    // Assembly's.
    let got = cited_in(
        &[
            "Human Rights Council resolutions 34/24 of 24 March 2017 and 40/20 of 22 March 2019",
            "its resolution 74/146",
        ],
        "that the High Commissioner report to the Human Rights Council submitted pursuant to resolution 34/24 and in her oral update to the Council pursuant to resolution 40/20; and that resolution 74/146 stands",
        "ga",
    );
    assert_eq!(got, ["A/HRC/RES/34/24", "A/HRC/RES/40/20", "A/RES/74/146"]);
}

#[test]
fn a_bare_citation_joined_to_the_one_before_is_of_its_organ() {
    // A/RES/76/158: the second "resolution 45/3" was the Assembly's.
    let got = cited_in(
        &[
            "relevant resolutions adopted by the Human Rights Council, including resolution 36/6 of 28 September 2017 and resolution 45/3 of 6 October 2020",
            "its resolution 74/161 of 18 December 2019; resolution 74/162",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/HRC/RES/36/6", "A/HRC/RES/45/3", "A/RES/74/161", "A/RES/74/162"]);
}

#[test]
fn a_bare_citation_of_the_act_of_a_body_is_that_bodys() {
    // A/RES/75/222: ESCAP's resolution 72/7 was the Assembly's; S/RES/2366 (2017): a
    // mission "established by resolution 2261 (2016)" stays the Security Council's.
    let got = cited_in(
        &[
            "the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-second session, of resolution 72/7 of 19 May 2016 on regional cooperation to combat sand and dust storms",
            "the decision by the United Nations Environment Assembly of the United Nations Environment Programme at its resumed fifth session, in resolution 5/14 of 2 March 2022, to convene an intergovernmental negotiating committee",
            "the laying down of individual arms as verified by the United Nations Mission in Colombia established by resolution 2261 (2016)",
            "resolution 668 (XXI) adopted by the General Assembly of the World Tourism Organization at its twenty-first session",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["UNEP/EA.5/RES.14", "S/RES/2261 (2016)"]);
}

#[test]
fn its_with_a_number_of_another_form_is_the_organ_cited_before() {
    // E/RES/2022/19: "its resolutions 76/251" after a decision of the Assembly was read as
    // the Council's (E/RES/76/251); A/RES/76/172: "its resolution 2013/1" after resolutions
    // of the Commission on Population and Development as the Assembly's (A/RES/2013/1).
    let got = cited_in(
        &[
            "General Assembly decision 76/551 of 20 January 2022 on the Fifth United Nations Conference on the Least Developed Countries and its resolutions 76/251 of 28 February 2022",
        ],
        "to act",
        "ecosoc",
    );
    assert_eq!(got, ["A/DEC/76/551", "A/RES/76/251"]);
    let got = cited_in(
        &[
            "Commission on Population and Development resolutions 2006/2 of 10 May 2006 and 2009/1 of 3 April 2009 and its resolution 2013/1 of 26 April 2013 on new trends in migration",
        ],
        "to act",
        "ga",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_number_of_the_councils_form_is_its_and_a_body_named_before_in_its_is_that_bodys() {
    // S/RES/2118 (2013): "resolution 620 (1988)" was the Assembly's, after "General Assembly
    // resolution 42/37 C (1987)" in the sentence; E/RES/2023/15: "the Commission for Social
    // Development, in its resolution 42/1" was the Commission on Human Rights'
    // (E/CN.4/RES/42/1).
    let got = cited_in(
        &[
            "the Mission pursuant to General Assembly resolution 42/37 C (1987) of 30 November 1987, and reaffirmed by resolution 620 (1988) of 26 August 1988",
            "that the Commission for Social Development, in its resolution 42/1 of 13 February 2004, decided to undertake the review",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/RES/42/37", "S/RES/620 (1988)"]);
}

#[test]
fn a_footnote_list_goes_on_past_pinpoints_and_semicolons() {
    // A/RES/75/133, footnote 17: only the first number was read, and 8 the XML links were
    // missed.
    let got = cited_in(
        &[
            "the measures of the Assembly (Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X; 58/101 B, sect. V, paras. 61–76; and 61/121 B, sect. IV, paras. 65–77)",
        ],
        "to act",
        "ga",
    );
    assert_eq!(got, ["A/RES/52/214", "A/RES/55/222", "A/RES/56/64", "A/RES/58/101", "A/RES/61/121"]);
    // A semicolon before words still ends the list.
    let got = cited_in(&["its resolution 74/270; the report, 12/3"], "to act", "ga");
    assert_eq!(got, ["A/RES/74/270"]);
}

/// Each citation of the first preambular paragraph: its symbol and its pinpoints.
fn pinpoints(res: &Resolution) -> Vec<(String, Vec<String>)> {
    let text = &res.body.preamble[0].text;
    text.mentions
        .iter()
        .filter_map(|m| match m.what {
            MentionKind::Citation(i) => Some((res.citations[i].symbol.clone(), m.pinpoints.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn each_citation_keeps_the_parts_it_names() {
    // A/RES/75/133, footnote 17.
    let res = small(
        &[
            "the measures (Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X; 58/101 B, sect. V, paras. 61–76; and 61/121 B, sect. IV, paras. 65–77)",
        ],
        "to act",
        "ga",
    );
    let want: Vec<(String, Vec<String>)> = [
        ("A/RES/52/214", vec!["sect. C, para. 3"]),
        ("A/RES/55/222", vec!["sect. III, para. 12"]),
        ("A/RES/56/64", vec!["part B", "sect. X"]),
        ("A/RES/58/101", vec!["part B", "sect. V, paras. 61–76"]),
        ("A/RES/61/121", vec!["part B", "sect. IV, paras. 65–77"]),
    ]
    .iter()
    .map(|(s, p)| (s.to_string(), p.iter().map(|p| p.to_string()).collect()))
    .collect();
    assert_eq!(pinpoints(&res), want);
    // One document cited twice, with and without a part: the part belongs to the citation.
    let res = small(
        &[
            "its resolution 65/230, annex, Security Council resolution 1373 (2001), paras. 2 and 3, and its resolution 65/230",
        ],
        "to act",
        "ga",
    );
    let got = pinpoints(&res);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0], ("A/RES/65/230".to_string(), vec!["annex".to_string()]));
    assert_eq!(got[1], ("S/RES/1373 (2001)".to_string(), vec!["paras. 2 and 3".to_string()]));
    assert_eq!(got[2], ("A/RES/65/230".to_string(), vec![]));
    // Numbers between commas belong to the qualifier when a join word follows them; a number
    // after a comma with none is the next citation (the first list is A/RES/75/89's).
    let res = small(
        &[
            "its resolution 66/68, paragraphs 121, 126, 129, 130 and 132 to 134, and resolution 60/1, paragraph 3, 66/11 and 67/1",
        ],
        "to act",
        "ga",
    );
    let got = pinpoints(&res);
    assert_eq!(got[0].1, ["paragraphs 121, 126, 129, 130 and 132 to 134"]);
    assert_eq!(got[1], ("A/RES/60/1".to_string(), vec!["paragraph 3".to_string()]));
    assert_eq!(
        got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
        ["A/RES/66/68", "A/RES/60/1", "A/RES/66/11", "A/RES/67/1"]
    );
    // A word of a part with no designator is not one (", part of").
    let res = small(&["its resolution 60/1, part of which"], "to act", "ga");
    assert_eq!(pinpoints(&res), [("A/RES/60/1".to_string(), vec![])]);
}

#[test]
fn a_cited_part_is_linked_in_rdf_with_its_words_and_its_document() {
    // Footnote 2 of the example: "General Assembly resolution 65/230, annex." (the gold file's
    // one citation with a part).
    let g = gold();
    let with_part: Vec<&serde_json::Value> =
        g["citations"].as_array().unwrap().iter().filter(|c| c.get("part").is_some()).collect();
    assert_eq!(with_part.len(), 1, "{with_part:?}");
    assert_eq!((with_part[0]["in"].as_str(), with_part[0]["part"].as_str()), (Some("footnote-2"), Some("annex")));
    let out = unlod(&root(), &["convert", "-f", "ntriples", seed_path().to_str().unwrap()]);
    let nt = String::from_utf8(out.stdout).unwrap();
    let ftn = "<https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/~cmp_1__ftn_2>";
    let doc = "<https://example.org/akn/un/symbol/A-RES-65-230>";
    let part = "<https://example.org/akn/un/symbol/A-RES-65-230/part/annex>";
    let unlod_ns = "https://w3id.org/unlod/ontology#";
    for line in [
        format!("{ftn} <{unlod_ns}cites> {doc} ."),
        format!("{ftn} <{unlod_ns}citesPart> {part} ."),
        format!("{part} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{unlod_ns}CitedPart> ."),
        format!("{part} <http://purl.org/dc/terms/isPartOf> {doc} ."),
        format!("{part} <{unlod_ns}pinpoint> \"annex\" ."),
    ] {
        assert!(nt.lines().any(|l| l == line), "missing: {line}");
    }
    // The other citations of the example name no part.
    assert_eq!(nt.matches(&format!("<{unlod_ns}citesPart>")).count(), 1);
}

#[test]
fn sub_paragraphs_that_open_with_an_operative_verb_have_their_actions() {
    // S/RES/2382 (2017), paragraph 6 (shortened): its sub-paragraphs have verbs of their own.
    let md = "United Nations S/RES/2382 (2017)\n\nResolution 2382 (2017)\n\nAdopted by the Security Council at its 8086th meeting, on 6 November 2017\n\nThe Security Council,\n\n*Recalling* its resolution 2185 (2014),\n\n6. *Reaffirms* that States bear the primary responsibility for protection of civilians:\n\n(a) *Urges* Member States to ensure that all deployed officers have undergone comprehensive training, and *requests* the Secretary-General to report on it;\n\n(b) *Requests* the Secretary-General to ensure that United Nations Police Components support protection of civilians activities;\n\n(c) To review the matter;\n\n7. *Decides* to remain seized of the matter.\n";
    let res = unlod::convert(md.as_bytes(), &unlod::ConvertOptions::default()).expect("converts").resolution;
    let unlod::model::Item::Clause(p6) = &res.body.main[0] else { panic!("paragraph 6 first") };
    let actions = |p: &unlod::model::Point| -> Vec<(String, Option<String>)> {
        p.actions.iter().map(|a| (a.base.clone(), a.addressee.map(|i| res.actors[i].key.clone()))).collect()
    };
    let own = |v: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
        v.iter().map(|(b, a)| (b.to_string(), a.map(str::to_string))).collect()
    };
    assert_eq!(p6.points.len(), 3);
    assert_eq!(actions(&p6.points[0]), own(&[("urge", Some("member-states")), ("request", Some("secretary-general"))]));
    assert_eq!(actions(&p6.points[1]), own(&[("request", Some("secretary-general"))]));
    // "To review" opens with no operative lead phrase: no action.
    assert!(p6.points[2].actions.is_empty());
    // The paragraph keeps its own action.
    assert_eq!(p6.actions.iter().map(|a| a.base.as_str()).collect::<Vec<_>>(), ["reaffirm"]);
    // In RDF, each is an action of its sub-paragraph.
    let mut nt = Vec::new();
    unlod::export::write(&res, unlod::export::OutputFormat::Ntriples, &Default::default(), &mut nt).unwrap();
    let nt = String::from_utf8(nt).unwrap();
    let point_a =
        "https://example.org/akn/un/statement/deliberation/un-sc/2017-11-06/2382-2017/~para_6__list_1__point_a";
    for k in [1, 2] {
        let line = format!("<{point_a}> <https://w3id.org/unlod/ontology#hasAction> <{point_a}__action_{k}> .");
        assert!(nt.lines().any(|l| l == line), "missing: {line}");
    }
    assert!(
        nt.lines().any(|l| l == format!("<{point_a}__action_2> <https://w3id.org/unlod/ontology#verb> \"request\" ."))
    );
}
