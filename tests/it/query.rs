//! `unlod query`: the README's queries on the example, the results formats, RDF inputs, the
//! ontology beside the data, errors, and a store kept in a directory.

use crate::util::{TempDir, root, seed_path, unlod, unlod_stdin};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::path::Path;

fn query(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = unlod(dir, args);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = query(dir, args);
    assert_eq!(code, 0, "unlod {args:?} failed: {err}");
    out
}

fn seed() -> String {
    seed_path().to_str().unwrap().to_string()
}

/// The README's examples: a `sh` block running `unlod query --data examples/… '…'`, then a
/// `text` block with what it prints.
fn readme_examples() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks: Vec<(&str, String)> = readme
        .split("```")
        .skip(1)
        .step_by(2)
        .filter_map(|b| b.split_once('\n').map(|(lang, body)| (lang.trim(), body.to_string())))
        .collect();
    let mut examples = Vec::new();
    for pair in blocks.windows(2) {
        let [(lang, cmd), (next, output)] = pair else { continue };
        let prefix = "unlod query --data examples/ecosoc-2011-31.md '";
        if *lang == "sh" && *next == "text" && cmd.starts_with(prefix) {
            let q = cmd.trim_end().strip_prefix(prefix).unwrap().strip_suffix('\'').expect("the query ends with '");
            examples.push((q.to_string(), output.clone()));
        }
    }
    examples
}

#[test]
fn the_readme_queries_print_what_the_readme_shows() {
    let examples = readme_examples();
    assert_eq!(examples.len(), 3, "expected three query examples in README.md");
    for (q, expected) in examples {
        let got = ok(&root(), &["query", "--data", "examples/ecosoc-2011-31.md", &q]);
        assert_eq!(got, expected, "README query:\n{q}");
    }
}

const VOTES: &str = "SELECT ?inFavour ?against WHERE { ?f unlod:marker \"3\" ; unlod:reportsVote ?v . \
                     ?v unlod:votesInFavour ?inFavour ; unlod:votesAgainst ?against } ORDER BY ?inFavour";

#[test]
fn select_results_in_csv_tsv_json_and_xml() {
    let dir = root();
    let s = seed();
    assert_eq!(ok(&dir, &["query", "-d", &s, "-r", "csv", VOTES]), "inFavour,against\r\n55,14\r\n57,13\r\n");
    let tsv = ok(&dir, &["query", "-d", &s, "-r", "tsv", VOTES]);
    assert_eq!(tsv.lines().next(), Some("?inFavour\t?against"));
    assert_eq!(tsv.lines().nth(1), Some("55\t14"));
    let json: serde_json::Value = serde_json::from_str(&ok(&dir, &["query", "-d", &s, "-r", "json", VOTES])).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["inFavour", "against"]));
    assert_eq!(json["results"]["bindings"][1]["inFavour"]["value"], "57");
    let xml = ok(&dir, &["query", "-d", &s, "-r", "xml", VOTES]);
    assert!(xml.contains("<variable name=\"inFavour\"/>"), "{xml}");
}

#[test]
fn ask_prints_true_or_false_and_construct_prints_turtle() {
    let dir = root();
    let s = seed();
    assert_eq!(ok(&dir, &["query", "-d", &s, "ASK { ?v a unlod:Vote ; unlod:votesInFavour 55 }"]), "true\n");
    assert_eq!(ok(&dir, &["query", "-d", &s, "ASK { ?v unlod:votesInFavour 56 }"]), "false\n");
    assert_eq!(ok(&dir, &["query", "-d", &s, "-r", "json", "ASK {}"]).trim(), r#"{"head":{},"boolean":true}"#);
    let ttl = ok(&dir, &["query", "-d", &s, "CONSTRUCT { ?v ?p ?o } WHERE { ?v a unlod:Vote ; ?p ?o }"]);
    assert!(ttl.contains("@prefix unlod:"), "{ttl}");
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::Turtle, ttl.as_bytes()).unwrap_or_else(|e| panic!("not Turtle: {e}\n{ttl}"));
    // Two votes reported by footnote 3, with eight triples each.
    assert_eq!(store.len().unwrap(), 16, "{ttl}");
}

#[test]
fn the_ontology_is_beside_the_data_in_its_graph() {
    let q = "ASK { GRAPH <https://w3id.org/unlod/ontology> { unlod:Vote a owl:Class ; rdfs:label ?l } }";
    assert_eq!(ok(&root(), &["query", "-d", &seed(), q]), "true\n");
    // Without data too.
    assert_eq!(ok(&root(), &["query", q]), "true\n");
}

#[test]
fn each_document_is_in_the_graph_of_its_expression() {
    let q = "SELECT ?g WHERE { GRAPH ?g { ?w unlod:symbol \"E/RES/2011/31\" } }";
    let out = ok(&root(), &["query", "-d", &seed(), "-r", "csv", q]);
    assert_eq!(
        out,
        "g\r\nhttps://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/eng@2011-07-28\r\n"
    );
}

#[test]
fn our_rdf_outputs_are_inputs_too() {
    let t = TempDir::new("query-rdf-inputs");
    let count =
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/unlod/ontology>) }";
    let from_md = ok(t.path(), &["query", "-d", &seed(), "-r", "csv", count]);
    let n: usize = from_md.trim().strip_prefix("n\r\n").unwrap().parse().unwrap();
    assert!(n > 200, "{from_md}");
    for format in ["turtle", "ntriples", "nquads", "jsonld"] {
        let out = unlod(t.path(), &["convert", "-o", ".", "-f", format, &seed()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    for ext in ["ttl", "nt", "nq", "jsonld"] {
        let file = format!("ecosoc-2011-31.{ext}");
        assert_eq!(ok(t.path(), &["query", "-d", &file, "-r", "csv", count]), from_md, "from {file}");
    }
    // A directory of them: four files of one document; the first is taken, the others are
    // reported and left out.
    let (code, out, err) = query(t.path(), &["query", "-d", ".", "-r", "csv", count]);
    assert_eq!((code, out), (1, from_md), "{err}");
    assert_eq!(err.matches("the same document as ./ecosoc-2011-31.jsonld").count(), 3, "{err}");
}

#[test]
fn standard_input_is_an_input() {
    let md = std::fs::read(seed_path()).unwrap();
    let out = unlod_stdin(&root(), &["query", "-d", "-", "-r", "csv", VOTES], &md);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "inFavour,against\r\n55,14\r\n57,13\r\n");
}

#[test]
fn a_syntax_error_is_a_usage_error() {
    let (code, out, err) = query(&root(), &["query", "-d", &seed(), "SELECT ?x WHERE { ?x"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.starts_with("unlod: the SPARQL query: "), "{err}");
    assert!(err.contains("unlod query --help"), "{err}");
}

#[test]
fn a_bad_input_is_reported_and_the_query_runs_on_the_others() {
    let t = TempDir::new("query-bad-input");
    std::fs::write(t.path().join("empty.md"), "").unwrap();
    std::fs::write(t.path().join("bad.ttl"), "<http://x/s> <http://x/p> <http://x/o> .\n<http://x/s> oops\n").unwrap();
    let (code, out, err) =
        query(t.path(), &["query", "-d", "empty.md", "-d", "bad.ttl", "-d", &seed(), "-r", "csv", VOTES]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("empty.md:1: expected the text of a resolution"), "{err}");
    assert!(err.contains("bad.ttl:2: expected valid RDF"), "{err}");
    assert!(err.contains("2 inputs left out of the query"), "{err}");
    assert_eq!(out, "inFavour,against\r\n55,14\r\n57,13\r\n");
}

#[test]
fn the_same_document_twice_is_left_out_once() {
    let t = TempDir::new("query-duplicate");
    std::fs::copy(seed_path(), t.path().join("copy.md")).unwrap();
    let (code, out, err) = query(t.path(), &["query", "-d", &seed(), "-d", "copy.md", "-r", "csv", VOTES]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("copy.md: the same document as"), "{err}");
    assert_eq!(out, "inFavour,against\r\n55,14\r\n57,13\r\n");
}

#[test]
fn a_store_directory_keeps_the_graphs_for_later_queries() {
    let t = TempDir::new("query-store");
    let doc = t.path().join("doc.md");
    std::fs::copy(seed_path(), &doc).unwrap();
    let store = t.path().join("store");
    let s = store.to_str().unwrap();
    let d = doc.to_str().unwrap();
    let symbol = "SELECT ?s WHERE { ?w unlod:symbol ?s ; eli:is_realized_by [] }";
    assert_eq!(ok(t.path(), &["query", "--store", s, "-d", d, "-r", "csv", symbol]), "s\r\nE/RES/2011/31\r\n");
    assert!(store.join("unlod-store.json").is_file());
    // Later queries need no --data: the store holds the document.
    assert_eq!(ok(t.path(), &["query", "--store", s, "-r", "csv", symbol]), "s\r\nE/RES/2011/31\r\n");
    // Given again unchanged, it is not converted again: a stored copy is used even when
    // the file can no longer be converted (same size and time, other bytes).
    let bytes = std::fs::read(&doc).unwrap();
    let mtime = std::fs::metadata(&doc).unwrap().modified().unwrap();
    let mut garbled = bytes.clone();
    garbled.iter_mut().for_each(|b| *b = b' ');
    std::fs::write(&doc, &garbled).unwrap();
    std::fs::File::options().write(true).open(&doc).unwrap().set_modified(mtime).unwrap();
    assert_eq!(ok(t.path(), &["query", "--store", s, "-d", d, "-r", "csv", symbol]), "s\r\nE/RES/2011/31\r\n");
    // Changed (another time), it is converted again: its old graph goes.
    let changed = String::from_utf8(bytes).unwrap().replace("2011/31", "2011/99");
    std::fs::write(&doc, changed).unwrap();
    assert_eq!(ok(t.path(), &["query", "--store", s, "-d", d, "-r", "csv", symbol]), "s\r\nE/RES/2011/99\r\n");
    assert_eq!(ok(t.path(), &["query", "--store", s, "-r", "csv", symbol]), "s\r\nE/RES/2011/99\r\n");
}

#[test]
fn a_store_is_not_made_in_a_directory_of_other_files() {
    let t = TempDir::new("query-store-other");
    std::fs::write(t.path().join("notes.txt"), "mine").unwrap();
    let (code, _, err) = query(t.path(), &["query", "--store", ".", "ASK {}"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("expected an unlod store"), "{err}");
}
