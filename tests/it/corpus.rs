//! The 31 real texts of `../shared/corpus/texts` against `expected.json`: counts, meeting and
//! date; every AKN output valid against the schema; every RDF output parsed back. All
//! mismatches are gathered before one assert; known ones are in `tests/corpus-known.tsv`.

#[path = "../../examples/corpus_report/check.rs"]
pub mod check;

use crate::util::{TempDir, root, shared_file, xmllint_many};
use check::{Expect, check};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::collections::BTreeSet;
use unlod::export::{ExportOptions, OutputFormat, write};
use unlod::{ConvertOptions, convert};

/// The (document, field) pairs of a list of known differences (`tests/*-known.tsv`: comment
/// lines, a header, then document, field and reason), each with its reason.
pub fn known(file: &str) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let mut f = l.split('\t');
            let (doc, field) = (f.next().unwrap().to_string(), f.next().unwrap().to_string());
            assert!(f.next().is_some_and(|r| !r.trim().is_empty()), "{file}: {doc} {field} needs its reason");
            (doc, field)
        })
        .collect()
}

fn expected() -> Vec<(String, serde_json::Value)> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(shared_file("corpus/expected.json")).unwrap()).unwrap();
    v.as_object().unwrap().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect()
}

#[test]
fn every_text_matches_expected_json() {
    let known = known("tests/corpus-known.tsv");
    let mut failures = Vec::new();
    let mut seen_known = BTreeSet::new();
    let docs = expected();
    assert_eq!(docs.len(), 31);
    for (name, v) in docs {
        let bytes = std::fs::read(shared_file(&format!("corpus/texts/{name}"))).unwrap();
        let res = match convert(&bytes, &ConvertOptions::default()) {
            Ok(c) => c.resolution,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        for m in check(&res, &Expect::from_json(&v)) {
            let key = (name.clone(), m.field.to_string());
            if known.contains(&key) {
                seen_known.insert(key);
            } else {
                failures.push(format!("{name}: {} want {} got {}", m.field, m.want, m.got));
            }
        }
    }
    for k in known.difference(&seen_known) {
        failures.push(format!("{}: {} now agrees with expected.json: remove it from tests/corpus-known.tsv", k.0, k.1));
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_output_is_valid_akn_and_parses_back_as_rdf() {
    let dir = TempDir::new("corpus-outputs");
    let mut failures = Vec::new();
    let mut files = Vec::new();
    for (name, _) in expected() {
        let bytes = std::fs::read(shared_file(&format!("corpus/texts/{name}"))).unwrap();
        let Ok(c) = convert(&bytes, &ConvertOptions::default()) else { continue };
        let opts = ExportOptions { name: name.clone(), ..ExportOptions::default() };
        let mut akn = Vec::new();
        write(&c.resolution, OutputFormat::Akn, &opts, &mut akn).unwrap();
        let file = dir.path().join(format!("{name}.akn.xml"));
        std::fs::write(&file, &akn).unwrap();
        files.push(file);
        for (format, syntax) in [(OutputFormat::Turtle, RdfFormat::Turtle), (OutputFormat::Nquads, RdfFormat::NQuads)] {
            let mut out = Vec::new();
            write(&c.resolution, format, &opts, &mut out).unwrap();
            let store = Store::new().unwrap();
            if let Err(e) = store.load_from_slice(syntax, &out) {
                failures.push(format!("{name}: {format:?} does not parse: {e}"));
            }
        }
    }
    assert_eq!(files.len(), 31, "every text converts");
    for (file, report) in xmllint_many(&files) {
        failures.push(format!("{}: AKN not valid:\n{report}", file.display()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
