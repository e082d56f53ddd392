//! Competency questions: what a user of the data asks, as SPARQL, with the expected answers,
//! on the embedded store of `unlod query` (every document in its named graph, the default
//! graph their union, the ontology beside them).
//!
//! The documents: the example (ECOSOC 2011/31, which recommends a draft to the General
//! Assembly), Security Council resolutions 1373 (2001) and 678 (1990), and Human Rights
//! Council resolution 55/19 in English, French and Spanish. Each test is one question; the
//! queries use DISTINCT where a triple can sit in several documents' graphs (the three
//! language versions share their work-level nodes).
//!
//! Questions 20–24 use the links of issue 4: clause actions and their addressees, citations
//! with their dates, and the States listed in votes.

use crate::util::{seed_path, shared};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use unlod::export::rdf::vocab::PREFIXES;
use unlod::sparql::store::EmbeddedStore;
use unlod::sparql::{PrepareOptions, prepare};

fn store() -> EmbeddedStore {
    let texts = shared().join("corpus/texts");
    let files = [
        seed_path(),
        texts.join("sc-S-RES-1373-2001.md"),
        texts.join("sc-S-RES-678-1990.txt"),
        texts.join("hrc-A-HRC-RES-55-19.md"),
        texts.join("hrc-A-HRC-RES-55-19.fr.md"),
        texts.join("hrc-A-HRC-RES-55-19.es.md"),
    ];
    let mut store = EmbeddedStore::in_memory().unwrap();
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_str().unwrap();
        let stem = name.rsplit_once('.').unwrap().0;
        let prepared =
            prepare(name, stem, &bytes, &PrepareOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        store.add(None, name, &prepared.graphs).unwrap();
    }
    store
}

/// The rows of a SELECT: literals by their lexical form, IRIs without brackets.
fn ask(query: &str) -> Vec<Vec<String>> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in PREFIXES {
        evaluator = evaluator.with_prefix(*p, *ns).unwrap();
    }
    let q = evaluator.parse_query(query).unwrap_or_else(|e| panic!("{e}\n{query}"));
    let QueryResults::Solutions(solutions) = store().query(q).unwrap() else { panic!("not a SELECT: {query}") };
    let vars: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_string()).collect();
    solutions
        .map(|s| {
            let s = s.unwrap();
            vars.iter()
                .map(|v| match s.get(v.as_str()) {
                    Some(Term::Literal(l)) => l.value().to_string(),
                    Some(Term::NamedNode(n)) => n.as_str().to_string(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect()
}

fn rows(expected: &[&[&str]]) -> Vec<Vec<String>> {
    expected.iter().map(|r| r.iter().map(|c| (*c).to_string()).collect()).collect()
}

#[test]
fn q01_which_operative_paragraphs_of_the_draft_make_a_request_of_unodc() {
    // From the text: the paragraphs whose lead phrase is a request and whose next words name
    // the Office. (Paragraphs 1, 2 and 3 request it in a second verb: issue 4's actions.)
    let got = ask(r#"
        SELECT DISTINCT ?n WHERE {
          ?resolution unlod:recommendsDraft ?draft .
          ?draft eli:has_part ?p . ?p a unlod:OperativeParagraph ; unlod:number ?n .
          ?e eli:realizes ?p ; unlod:leadPhrase ?lead ; unlod:text ?text .
          FILTER(CONTAINS(LCASE(?lead), "request")
                 && STRSTARTS(STRAFTER(?text, ?lead), " the United Nations Office on Drugs and Crime"))
        } ORDER BY xsd:integer(?n)"#);
    assert_eq!(got, rows(&[&["4"], &["8"]]));
}

#[test]
fn q02_how_many_preambular_and_operative_paragraphs_has_each_text() {
    let got = ask(r#"
        SELECT ?text (COUNT(DISTINCT ?pre) AS ?preambular) (COUNT(DISTINCT ?op) AS ?operative) WHERE {
          { ?doc unlod:symbol ?text ; eli:is_realized_by [] } UNION { ?outer unlod:recommendsDraft ?doc ; unlod:symbol ?s . BIND(CONCAT("draft in ", ?s) AS ?text) }
          OPTIONAL { ?doc eli:has_part ?pre . ?pre a unlod:PreambularParagraph }
          OPTIONAL { ?doc eli:has_part ?op . ?op a unlod:OperativeParagraph }
        } GROUP BY ?text ORDER BY ?text"#);
    assert_eq!(
        got,
        rows(&[
            &["A/HRC/RES/55/19", "6", "5"],
            &["E/RES/2011/31", "0", "1"],
            &["S/RES/1373 (2001)", "10", "9"],
            &["S/RES/678 (1990)", "5", "5"],
            &["draft in E/RES/2011/31", "10", "12"],
        ])
    );
}

#[test]
fn q03_which_preambular_paragraphs_open_with_recalling() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?position ?lead WHERE {
          ?doc unlod:symbol ?symbol ; (eli:has_part|unlod:recommendsDraft)+ ?p .
          ?p a unlod:PreambularParagraph ; unlod:position ?position .
          ?e eli:realizes ?p ; unlod:leadPhrase ?lead .
          FILTER(STRSTARTS(?lead, "Recalling"))
        } ORDER BY ?symbol ?position"#);
    assert_eq!(
        got,
        rows(&[
            &["A/HRC/RES/55/19", "2", "Recalling"],
            &["A/HRC/RES/55/19", "6", "Recalling"],
            &["E/RES/2011/31", "3", "Recalling"],
            &["E/RES/2011/31", "4", "Recalling also"],
            &["E/RES/2011/31", "5", "Recalling further"],
            &["S/RES/678 (1990)", "1", "Recalling and reaffirming"],
        ])
    );
}

#[test]
fn q04_which_footnotes_annotate_which_paragraphs_of_the_example() {
    let got = ask(r#"
        SELECT DISTINCT ?marker ?calledFrom WHERE {
          ?f a unlod:Footnote ; unlod:marker ?marker ; eli:is_part_of/unlod:symbol "E/RES/2011/31" .
          ?part unlod:hasFootnote ?f .
          BIND(STRAFTER(STR(?part), "~") AS ?calledFrom)
        } ORDER BY ?marker ?calledFrom"#);
    assert_eq!(
        got,
        rows(&[
            &["1", "cmp_1__para_10"],
            &["1", "cmp_1__preamble__container_4"],
            &["2", "cmp_1__preamble__container_5"],
            &["3", "cmp_1__preamble__container_10"],
        ])
    );
}

#[test]
fn q05_which_instruments_did_the_conference_on_air_law_adopt_and_by_what_vote() {
    let got = ask(r#"
        SELECT DISTINCT ?instrument ?inFavour ?against WHERE {
          ?vote unlod:votedBy/skos:prefLabel "International Conference on Air Law"@en ;
                unlod:voteOn/skos:prefLabel ?instrument ;
                unlod:votesInFavour ?inFavour ; unlod:votesAgainst ?against .
        } ORDER BY ?inFavour"#);
    assert_eq!(
        got,
        rows(&[
            &["Convention on the Suppression of Unlawful Acts Relating to International Civil Aviation", "55", "14"],
            &[
                "Protocol Supplementary to the Convention for the Suppression of Unlawful Seizure of Aircraft",
                "57",
                "13"
            ],
        ])
    );
}

#[test]
fn q06_the_votes_a_footnote_reports_are_not_votes_on_the_resolution() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol (COUNT(DISTINCT ?own) AS ?ownVotes) (COUNT(DISTINCT ?reported) AS ?reportedVotes) WHERE {
          ?doc unlod:symbol ?symbol ; eli:is_realized_by [] .
          OPTIONAL { ?doc unlod:hasVote ?own }
          OPTIONAL { ?doc unlod:reportsVote ?reported }
        } GROUP BY ?symbol ORDER BY ?symbol"#);
    assert_eq!(
        got,
        rows(&[
            &["A/HRC/RES/55/19", "1", "0"],
            &["E/RES/2011/31", "0", "2"],
            &["S/RES/1373 (2001)", "0", "0"],
            &["S/RES/678 (1990)", "1", "0"],
        ])
    );
}

#[test]
fn q07_at_which_meeting_on_what_date_and_by_which_organ_was_each_adopted() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?meeting ?date ?organ WHERE {
          ?doc unlod:symbol ?symbol ; unlod:adoptedAt ?m ; eli:date_document ?date ;
               unlod:enactedBy/skos:prefLabel ?organ .
          ?m rdfs:label ?meeting . FILTER(LANG(?meeting) = "en")
        } ORDER BY ?date"#);
    assert_eq!(
        got,
        rows(&[
            &["S/RES/678 (1990)", "2963rd meeting", "1990-11-29", "Security Council"],
            &["S/RES/1373 (2001)", "4385th meeting", "2001-09-28", "Security Council"],
            &["E/RES/2011/31", "48th plenary meeting", "2011-07-28", "Economic and Social Council"],
            &["A/HRC/RES/55/19", "54th meeting", "2024-04-04", "Human Rights Council"],
        ])
    );
}

#[test]
fn q08_which_resolutions_were_adopted_by_a_counted_vote() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?method ?inFavour ?against WHERE {
          ?doc unlod:symbol ?symbol ; unlod:hasVote ?v .
          ?v unlod:voteMethod ?method ; unlod:votesInFavour ?inFavour ; unlod:votesAgainst ?against .
        } ORDER BY ?symbol"#);
    // The Human Rights Council text prints its recorded vote in brackets after the paragraphs.
    assert_eq!(got, rows(&[&["A/HRC/RES/55/19", "recorded", "24", "8"], &["S/RES/678 (1990)", "counted", "12", "2"]]));
}

#[test]
fn q09_in_which_languages_is_a_resolution_and_its_title_in_each() {
    let got = ask(r#"
        SELECT DISTINCT ?language ?title WHERE {
          ?doc unlod:symbol "A/HRC/RES/55/19" ; eli:is_realized_by ?version .
          ?version dcterms:language ?l ; dcterms:title ?title .
          BIND(STRAFTER(STR(?l), "iso639-1/") AS ?language)
        } ORDER BY ?language"#);
    assert_eq!(
        got,
        rows(&[
            &["en", "Situation of human rights in the Islamic Republic of Iran"],
            &["es", "Situación de los derechos humanos en la República Islámica del Irán"],
            // With the no-break space of French typography before "d’Iran", as printed.
            &["fr", "Situation des droits de l’homme en République islamique\u{a0}d’Iran"],
        ])
    );
}

#[test]
fn q10_how_does_operative_paragraph_1_open_in_each_language() {
    let got = ask(r#"
        SELECT DISTINCT ?language ?lead WHERE {
          ?doc unlod:symbol "A/HRC/RES/55/19" ; eli:has_part ?p .
          ?p a unlod:OperativeParagraph ; unlod:number "1" .
          ?e eli:realizes ?p ; unlod:leadPhrase ?lead .
          BIND(LANG(?lead) AS ?language)
        } ORDER BY ?language"#);
    assert_eq!(got, rows(&[&["en", "Decides"], &["es", "Decide"], &["fr", "Décide"]]));
}

#[test]
fn q11_what_does_each_operative_paragraph_of_1373_do_first() {
    let got = ask(r#"
        SELECT DISTINCT ?n ?lead WHERE {
          ?doc unlod:symbol "S/RES/1373 (2001)" ; eli:has_part ?p .
          ?p a unlod:OperativeParagraph ; unlod:number ?n .
          ?e eli:realizes ?p ; unlod:leadPhrase ?lead .
        } ORDER BY xsd:integer(?n)"#);
    let leads: Vec<&str> = got.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        leads,
        [
            "Decides",
            "Decides also",
            "Calls upon",
            "Notes with concern",
            "Declares",
            "Decides",
            "Directs",
            "Expresses its determination",
            "Decides"
        ]
    );
}

#[test]
fn q12_which_paragraphs_of_1373_decide_something() {
    let got = ask(r#"
        SELECT DISTINCT ?n WHERE {
          ?doc unlod:symbol "S/RES/1373 (2001)" ; eli:has_part ?p .
          ?p a unlod:OperativeParagraph ; unlod:number ?n .
          ?e eli:realizes ?p ; unlod:leadPhrase ?lead .
          FILTER(STRSTARTS(?lead, "Decides"))
        } ORDER BY xsd:integer(?n)"#);
    assert_eq!(got, rows(&[&["1"], &["2"], &["6"], &["9"]]));
}

#[test]
fn q13_which_draft_does_the_example_recommend_and_to_which_organ() {
    let got = ask(r##"
        SELECT DISTINCT ?kind ?organ ?paragraphs WHERE {
          ?doc unlod:symbol "E/RES/2011/31" ; unlod:recommendsDraft ?draft .
          ?draft a ?class ; unlod:proposedTo/skos:prefLabel ?organ .
          BIND(STRAFTER(STR(?class), "#") AS ?kind)
          { SELECT ?draft (COUNT(?p) AS ?paragraphs) WHERE {
              ?draft eli:has_part ?p . ?p a ?c .
              FILTER(?c IN (unlod:PreambularParagraph, unlod:OperativeParagraph))
            } GROUP BY ?draft }
        }"##);
    assert_eq!(got, rows(&[&["DraftResolution", "General Assembly", "22"]]));
}

#[test]
fn q14_under_which_session_and_agenda_item_was_it_adopted() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?session ?item WHERE {
          ?doc unlod:symbol ?symbol ; unlod:session ?session ; unlod:agendaItem ?item .
        }"#);
    assert_eq!(got, rows(&[&["A/HRC/RES/55/19", "55", "4"]]));
}

#[test]
fn q15_which_footnotes_are_called_from_more_than_one_place() {
    let got = ask(r#"
        SELECT ?symbol ?marker (COUNT(DISTINCT ?part) AS ?calls) WHERE {
          ?f a unlod:Footnote ; unlod:marker ?marker ; eli:is_part_of+ ?doc .
          ?doc unlod:symbol ?symbol .
          ?part unlod:hasFootnote ?f .
        } GROUP BY ?symbol ?marker HAVING (COUNT(DISTINCT ?part) > 1) ORDER BY ?symbol"#);
    assert_eq!(got, rows(&[&["A/HRC/RES/55/19", "2", "2"], &["E/RES/2011/31", "1", "2"]]));
}

#[test]
fn q16_what_does_footnote_2_of_the_example_say() {
    let got = ask(r#"
        SELECT ?text WHERE {
          ?f a unlod:Footnote ; unlod:marker "2" ; eli:is_part_of/unlod:symbol "E/RES/2011/31" .
          ?e eli:realizes ?f ; unlod:text ?text .
        }"#);
    assert_eq!(got, rows(&[&["General Assembly resolution 65/230, annex."]]));
}

#[test]
fn q17_which_operative_paragraphs_of_the_draft_name_unodc() {
    let got = ask(r#"
        SELECT DISTINCT ?n WHERE {
          ?d a unlod:DraftResolution ; eli:has_part ?p . ?p a unlod:OperativeParagraph ; unlod:number ?n .
          ?e eli:realizes ?p ; unlod:text ?t .
          FILTER(CONTAINS(?t, "United Nations Office on Drugs and Crime"))
        } ORDER BY xsd:integer(?n)"#);
    let numbers: Vec<&str> = got.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
}

#[test]
fn q18_which_security_council_resolutions_are_there_in_order_with_their_official_text() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?date ?official WHERE {
          ?doc unlod:symbol ?symbol ; eli:date_document ?date ; owl:sameAs ?official ; eli:is_realized_by [] ;
               unlod:enactedBy/skos:prefLabel "Security Council"@en .
        } ORDER BY ?date"#);
    assert_eq!(
        got,
        rows(&[
            &["S/RES/678 (1990)", "1990-11-29", "https://undocs.org/S/RES/678%20%281990%29"],
            &["S/RES/1373 (2001)", "2001-09-28", "https://undocs.org/S/RES/1373%20%282001%29"],
        ])
    );
}

#[test]
fn q19_how_does_each_text_name_its_organ_in_each_language() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?formula WHERE {
          ?doc unlod:symbol ?symbol ; eli:has_part ?f . ?f a unlod:EnactingFormula .
          ?e eli:realizes ?f ; unlod:text ?formula .
        } ORDER BY ?symbol ?formula"#);
    assert_eq!(
        got,
        rows(&[
            &["A/HRC/RES/55/19", "El Consejo de Derechos Humanos,"],
            &["A/HRC/RES/55/19", "Le Conseil des droits de l’homme,"],
            &["A/HRC/RES/55/19", "The Human Rights Council,"],
            &["E/RES/2011/31", "The Economic and Social Council"],
            &["S/RES/1373 (2001)", "The Security Council,"],
            &["S/RES/678 (1990)", "The Security Council,"],
        ])
    );
}

#[test]
fn q20_which_paragraphs_of_the_draft_address_unodc() {
    // From the text of the draft the example recommends: paragraphs 1–3 "request" the Office
    // in their second verb, 4–8 open with a verb addressed to it, 9 "calls upon" it after
    // encouraging Member States. 10 thanks and invites Member States; 11 and 12 request the
    // Secretary-General.
    let got = ask(r#"
        SELECT DISTINCT ?n WHERE {
          ?d a unlod:DraftResolution ; eli:has_part ?p . ?p a unlod:OperativeParagraph ; unlod:number ?n ;
             unlod:hasAction/unlod:addressee/skos:prefLabel "United Nations Office on Drugs and Crime"@en .
        } ORDER BY xsd:integer(?n)"#);
    let numbers: Vec<&str> = got.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
}

#[test]
fn q21_which_resolutions_does_the_example_cite_and_of_what_date() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?date WHERE {
          ?doc unlod:symbol "E/RES/2011/31" ; (eli:has_part|unlod:recommendsDraft)+ ?p .
          ?p unlod:cites ?cited . ?cited unlod:symbol ?symbol .
          OPTIONAL { ?cited eli:date_document ?date }
        } ORDER BY ?symbol"#);
    assert_eq!(
        got,
        rows(&[
            &["A/RES/60/288", ""],
            &["A/RES/64/297", "2010-09-08"],
            &["A/RES/65/221", "2010-12-21"],
            &["A/RES/65/230", ""],
            &["A/RES/65/232", "2010-12-21"],
        ])
    );
}

#[test]
fn q22_which_actors_are_addressed_by_more_than_one_paragraph_of_the_draft() {
    let got = ask(r#"
        SELECT ?actor (COUNT(DISTINCT ?p) AS ?paragraphs) WHERE {
          ?d a unlod:DraftResolution ; eli:has_part ?p .
          ?p unlod:hasAction/unlod:addressee/skos:prefLabel ?actor .
        } GROUP BY ?actor HAVING (COUNT(DISTINCT ?p) > 1) ORDER BY ?actor"#);
    assert_eq!(
        got,
        rows(&[
            &["Member States", "4"],
            &["Secretary-General", "2"],
            &["United Nations Office on Drugs and Crime", "9"],
        ])
    );
}

#[test]
fn q23_which_states_voted_against_in_a_recorded_vote() {
    let got = ask(r#"
        SELECT DISTINCT ?symbol ?code WHERE {
          ?doc unlod:symbol ?symbol ; unlod:hasVote ?v .
          ?v unlod:voteMethod "recorded" ; unlod:votedAgainst ?state . ?state unlod:isoCode ?code .
        } ORDER BY ?symbol ?code"#);
    let codes: Vec<&str> = got.iter().map(|r| r[1].as_str()).collect();
    assert!(got.iter().all(|r| r[0] == "A/HRC/RES/55/19"), "{got:?}");
    assert_eq!(codes, ["BDI", "CHN", "CUB", "DZA", "ERI", "IDN", "SDN", "VNM"]);
}

#[test]
fn q24_who_voted_against_and_abstained_on_resolution_678() {
    let got = ask(r#"
        SELECT DISTINCT ?how ?code WHERE {
          ?doc unlod:symbol "S/RES/678 (1990)" ; unlod:hasVote ?v .
          { ?v unlod:votedAgainst ?s . BIND("against" AS ?how) } UNION { ?v unlod:abstained ?s . BIND("abstained" AS ?how) }
          ?s unlod:isoCode ?code .
        } ORDER BY ?how ?code"#);
    assert_eq!(got, rows(&[&["abstained", "CHN"], &["against", "CUB"], &["against", "YEM"]]));
}
