//! The example as Akoma Ntoso: valid against the OASIS schema, and shaped as AKN4UN.

use crate::util::{TempDir, seed_path, unlod, xmllint};
use quick_xml::Reader;
use quick_xml::events::Event;

fn akn() -> String {
    let out = unlod(&crate::util::root(), &["convert", "-f", "akn", seed_path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every element as (name, attributes).
fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), a.unescape_value().unwrap().into_owned())
                    })
                    .collect();
                out.push((name, attrs));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(e: &'a (String, Vec<(String, String)>), k: &str) -> Option<&'a str> {
    e.1.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str())
}

#[test]
fn validates_against_the_oasis_schema() {
    let dir = TempDir::new("seed-akn");
    let file = dir.path().join("ecosoc-2011-31.akn.xml");
    std::fs::write(&file, akn()).unwrap();
    if let Err(report) = xmllint(&file) {
        panic!("the AKN of the example is not valid:\n{report}");
    }
}

#[test]
fn is_a_resolution_statement_with_akn4un_frbr_iris() {
    let xml = akn();
    let els = elements(&xml);
    let statement = els.iter().find(|e| e.0 == "statement").unwrap();
    assert_eq!(attr(statement, "name"), Some("resolution"));
    let uris: Vec<&str> = els.iter().filter(|e| e.0 == "FRBRuri").filter_map(|e| attr(e, "value")).collect();
    let work = "/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31";
    assert_eq!(uris[0], work);
    assert_eq!(uris[1], format!("{work}/eng@2011-07-28"));
    assert_eq!(uris[2], format!("{work}/eng@2011-07-28/.akn.xml"));
    assert!(xml.contains("<docNumber>2011/31</docNumber>"));
    assert!(xml.contains("<docTitle>Technical assistance for implementing"));
}

#[test]
fn preamble_containers_are_named_by_their_lead_phrase() {
    let els = elements(&akn());
    let containers: Vec<(&str, &str)> = els
        .iter()
        .filter(|e| e.0 == "container")
        .map(|e| (attr(e, "name").unwrap(), attr(e, "eId").unwrap()))
        .collect();
    assert_eq!(containers.len(), 10);
    assert_eq!(containers[3], ("Recalling also", "cmp_1__preamble__container_4"));
    let formulas: Vec<&str> = els.iter().filter(|e| e.0 == "formula").map(|e| attr(e, "name").unwrap()).collect();
    assert_eq!(formulas, ["enactingFormula", "enactingFormula"]);
}

#[test]
fn the_draft_is_a_component_with_prefixed_eids() {
    let els = elements(&akn());
    let cmp = els.iter().find(|e| e.0 == "component").unwrap();
    assert_eq!(attr(cmp, "eId"), Some("cmp_1"));
    let cref = els.iter().find(|e| e.0 == "componentRef").unwrap();
    assert_eq!(attr(cref, "src"), Some("#cmp_1"));
    let paras: Vec<&str> = els.iter().filter(|e| e.0 == "paragraph").map(|e| attr(e, "eId").unwrap()).collect();
    assert_eq!(paras.len(), 13);
    assert_eq!(paras[0], "para_1");
    for (i, p) in paras[1..].iter().enumerate() {
        assert_eq!(*p, format!("cmp_1__para_{}", i + 1));
    }
    let statements: Vec<&str> = els.iter().filter(|e| e.0 == "statement").map(|e| attr(e, "name").unwrap()).collect();
    assert_eq!(statements, ["resolution", "draftResolution"]);
}

#[test]
fn footnotes_are_authorial_notes_at_their_calls() {
    let xml = akn();
    let els = elements(&xml);
    let notes: Vec<(&str, &str)> = els
        .iter()
        .filter(|e| e.0 == "authorialNote")
        .map(|e| (attr(e, "marker").unwrap(), attr(e, "eId").unwrap()))
        .collect();
    assert_eq!(notes, [("1", "cmp_1__ftn_1"), ("2", "cmp_1__ftn_2"), ("3", "cmp_1__ftn_3")]);
    let refs: Vec<&str> = els.iter().filter(|e| e.0 == "noteRef").map(|e| attr(e, "href").unwrap()).collect();
    assert_eq!(refs, ["#cmp_1__ftn_1"], "the second call of footnote 1 refers to it");
    let strategy = xml.find("Global Counter-Terrorism Strategy<authorialNote").expect("the note follows its words");
    assert!(xml[strategy..].starts_with("Global Counter-Terrorism Strategy<authorialNote marker=\"1\""));
}

#[test]
fn conclusions_hold_the_meeting_and_the_date() {
    let xml = akn();
    assert!(
        xml.contains("<inline name=\"adoptionMeeting\" refersTo=\"#adoptionMeeting\">48th plenary meeting</inline>"),
        "{xml}"
    );
    assert!(xml.contains("<docDate date=\"2011-07-28\" refersTo=\"#adoptionDate\">28 July 2011</docDate>"));
}

#[test]
fn numbered_paragraphs_have_their_num() {
    let xml = akn();
    assert!(xml.contains("<num>3.</num>"));
    assert!(xml.contains("the elements necessary for building national capacity"));
}
