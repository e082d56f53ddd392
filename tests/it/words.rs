//! Nothing lost, nothing invented: the words of the input, less its markup, against the words
//! of the outputs.

use crate::util::{root, seed_path, unlod};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::store::Store;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// Word counts: runs of letters and digits.
fn words(text: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

/// The input's words less its Markdown: footnote markers `<sup>N</sup>`, emphasis, headings
/// and rules carry no words of the text.
fn input_words() -> BTreeMap<String, usize> {
    let md = std::fs::read_to_string(seed_path()).unwrap();
    let mut text = String::new();
    let mut rest = md.as_str();
    while let Some(i) = rest.find("<sup>") {
        text.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find("</sup>").map_or(after.len(), |e| e + 6);
        text.push(' ');
        rest = &after[end..];
    }
    text.push_str(rest);
    words(&text)
}

fn diff(want: &BTreeMap<String, usize>, got: &BTreeMap<String, usize>) -> (Vec<String>, Vec<String>) {
    let mut lost = Vec::new();
    let mut invented = Vec::new();
    for (w, n) in want {
        let g = got.get(w).copied().unwrap_or(0);
        if g < *n {
            lost.push(format!("{w} ×{}", n - g));
        }
    }
    for (w, n) in got {
        let k = want.get(w).copied().unwrap_or(0);
        if *n > k {
            invented.push(format!("{w} ×{}", n - k));
        }
    }
    (lost, invented)
}

#[test]
fn the_akn_text_holds_every_word_of_the_input_and_no_other() {
    let out = unlod(&root(), &["convert", "-f", "akn", seed_path().to_str().unwrap()]);
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut r = Reader::from_str(&xml);
    let mut text = String::new();
    let mut in_meta = 0;
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"meta" => in_meta += 1,
            Event::End(e) if e.name().as_ref() == b"meta" => in_meta -= 1,
            Event::Text(t) if in_meta == 0 => {
                text.push(' ');
                text.push_str(&t.decode().unwrap());
            }
            Event::GeneralRef(r) if in_meta == 0 => {
                text.push_str(&format!("&{};", String::from_utf8_lossy(&r)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (lost, invented) = diff(&input_words(), &words(&text));
    assert!(lost.is_empty(), "words of the input missing from the AKN text: {lost:?}");
    assert!(invented.is_empty(), "words in the AKN text that the input does not have: {invented:?}");
}

#[test]
fn the_rdf_texts_hold_every_word_of_the_body() {
    let out = unlod(&root(), &["convert", "-f", "ntriples", seed_path().to_str().unwrap()]);
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::NTriples, &out.stdout).unwrap();
    let mut text = String::new();
    for q in store.iter() {
        let q = q.unwrap();
        let p = q.predicate.as_str();
        let texty = ["#text", "#leadPhrase", "#adoptionLine", "#heading"].iter().any(|s| p.ends_with(s))
            || p.ends_with("/title");
        if let (true, Term::Literal(l)) = (texty && !p.ends_with("#leadPhrase"), &q.object) {
            text.push(' ');
            text.push_str(l.value());
        }
        // Numbers of the paragraphs (work parts `…/~eId`), not of the documents it cites.
        if p.ends_with("ontology#number")
            && q.subject.to_string().contains("/~")
            && let Term::Literal(l) = &q.object
        {
            text.push(' ');
            text.push_str(l.value());
        }
    }
    // The body: from the enacting formula on (the cover lines are not RDF text).
    let md = std::fs::read_to_string(seed_path()).unwrap();
    let body_start = md.find("*The Economic and Social Council*").unwrap();
    let title_words = words(
        "Technical assistance for implementing the international conventions and protocols related to counter-terrorism",
    );
    let mut want = input_words();
    for (w, n) in words(&md[..body_start]) {
        *want.get_mut(&w).unwrap() -= n;
    }
    for (w, n) in title_words {
        *want.entry(w).or_insert(0) += n;
    }
    want.retain(|_, n| *n > 0);
    let (lost, invented) = diff(&want, &words(&text));
    assert!(lost.is_empty(), "words of the body missing from the RDF texts: {lost:?}");
    assert!(invented.is_empty(), "words in the RDF texts that the input does not have: {invented:?}");
}
