//! The ontology and the shapes: HermiT finds `ontology/unlod.ttl` consistent with UNDO,
//! ALLOT and FRBR core, with the example's data too; every RDF output of the corpus conforms
//! to `ontology/shapes.ttl` (pySHACL, through `unlod validate`); broken graphs are rejected
//! with their focus node and shape; `unlod validate` checks Akoma Ntoso against the schema;
//! JSON-LD carries the published context and reads back to the Turtle's triples; N-Quads put
//! each document in the graph of its expression.

use crate::util::{TempDir, root, seed_path, shared, shared_file, unlod};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn convert(dir: &Path, args: &[&str]) {
    let out = unlod(dir, args);
    assert!(out.status.success(), "unlod {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// `unlod validate ARGS` in `dir`: exit status, standard output, standard error.
fn validate(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["validate"];
    all.extend_from_slice(args);
    let out = unlod(dir, &all);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn seed() -> String {
    seed_path().to_str().unwrap().to_string()
}

#[test]
fn hermit_finds_the_ontology_consistent_with_undo_allot_and_the_example() {
    let t = TempDir::new("hermit");
    convert(t.path(), &["convert", "-o", ".", "-f", "ntriples", &seed()]);
    let out = Command::new("python3")
        .arg(root().join("tests/ontology_consistency.py"))
        .arg(t.path().join("ecosoc-2011-31.nt"))
        .env("UNLOD_SHARED", shared())
        .output()
        .expect("python3 runs (scripts/test.sh installs owlready2, rdflib and Java)");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "tests/ontology_consistency.py failed:\n{report}");
    assert!(report.contains("unlod + UNDO + ALLOT + FRBR core: consistent"), "{report}");
    assert!(report.contains("the same with 1 data file(s): consistent"), "{report}");
    assert!(report.contains("self-test: a State that is also an office is found inconsistent"), "{report}");
}

/// The corpus's texts (Markdown, plain text, the UN's Akoma Ntoso), with the example.
fn corpus_inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus/texts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt" || e == "xml"))
        .collect();
    files.sort();
    files.push(seed_path());
    files
}

#[test]
fn every_rdf_output_of_the_corpus_conforms_to_the_shapes() {
    let t = TempDir::new("shapes-corpus");
    let inputs = corpus_inputs();
    let texts = inputs.iter().filter(|p| p.extension().is_none_or(|e| e != "xml")).count();
    assert!(texts >= 30, "expected the corpus's texts, found {texts}");
    let mut args = vec!["convert", "-q", "-o", "out", "-f", "turtle"];
    let names: Vec<String> = inputs.iter().map(|p| p.to_str().unwrap().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    // Every text converts; Akoma Ntoso inputs are validated as soon as unlod reads them.
    let _ = unlod(t.path(), &args);
    let outputs = std::fs::read_dir(t.path().join("out")).unwrap().count();
    assert!(outputs >= texts, "{outputs} outputs for {texts} texts");
    // The example in the other syntaxes too.
    convert(t.path(), &["convert", "-o", "more", "-f", "nquads", "-f", "jsonld", "-f", "ntriples", &seed()]);
    let (code, out, err) = validate(t.path(), &["out", "more"]);
    assert_eq!(code, 0, "not every output conforms:\n{out}\n{err}");
    let valid = out.lines().filter(|l| l.ends_with(": valid")).count();
    assert_eq!(valid, outputs + 3, "{out}");
    assert!(err.contains(&format!("{} valid, 0 invalid", outputs + 3)), "{err}");
}

/// The example as N-Triples, less the lines `drop` selects.
fn broken_seed(t: &TempDir, name: &str, drop: impl Fn(&str) -> bool) -> String {
    convert(t.path(), &["convert", "-o", ".", "-f", "ntriples", &seed()]);
    // One space between terms, whatever the serialiser's separator.
    let nt = std::fs::read_to_string(t.path().join("ecosoc-2011-31.nt")).unwrap().replace('\t', " ");
    let kept: Vec<&str> = nt.lines().filter(|l| !drop(l)).collect();
    assert!(kept.len() < nt.lines().count(), "nothing was removed");
    let file = format!("{name}.nt");
    std::fs::write(t.path().join(&file), kept.join("\n") + "\n").unwrap();
    file
}

const VOTE_1: &str =
    "<https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/~cmp_1__ftn_3__vote_1>";
const PARA_3: &str = "<https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/~cmp_1__para_3>";

#[test]
fn a_vote_without_counts_is_rejected() {
    let t = TempDir::new("shapes-vote");
    let file = broken_seed(&t, "no-counts", |l| {
        l.starts_with(VOTE_1) && (l.contains("#votesInFavour>") || l.contains("#votesAgainst>"))
    });
    let (code, out, err) = validate(t.path(), &[&file]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!("{file}: {VOTE_1} violates shapes:Vote: a counted or recorded vote has its counts")),
        "{out}"
    );
    assert!(err.contains("0 valid, 1 invalid"), "{err}");
}

#[test]
fn a_paragraph_without_a_document_is_rejected() {
    let t = TempDir::new("shapes-orphan");
    // Paragraph 3 of the draft loses its parent, both ways.
    let file = broken_seed(&t, "orphan", |l| {
        (l.starts_with(PARA_3) && l.contains("/eli/ontology#is_part_of>")) || l.ends_with(&format!("{PARA_3} ."))
    });
    let (code, out, _) = validate(t.path(), &[&file]);
    assert_eq!(code, 1, "{out}");
    let para: Vec<&str> = out.lines().filter(|l| l.contains(&format!(": {PARA_3} violates"))).collect();
    assert!(
        para.iter().any(|l| l.contains("shapes:Contained at eli:is_part_of: a part is in exactly one parent")),
        "{out}"
    );
    assert!(para.iter().any(|l| l.contains("a part is inside a document")), "{out}");
    assert!(para.iter().any(|l| l.contains("is listed by exactly one parent")), "{out}");
}

#[test]
fn a_cited_part_without_its_words_or_its_cited_document_is_rejected() {
    let t = TempDir::new("shapes-cited-part");
    // Footnote 2 of the draft cites "resolution 65/230, annex": it loses its citation of the
    // document, and the part loses its words.
    let ftn = "<https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/~cmp_1__ftn_2>";
    let part = "<https://example.org/akn/un/symbol/A-RES-65-230/part/annex>";
    let file = broken_seed(&t, "cited-part", |l| {
        (l.starts_with(ftn) && l.contains("#cites> <https://example.org/akn/un/symbol/A-RES-65-230> ."))
            || (l.starts_with(part) && l.contains("#pinpoint>"))
    });
    let (code, out, _) = validate(t.path(), &[&file]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(&format!(": {part} violates"))).collect();
    assert!(lines.iter().any(|l| l.contains("a cited part has the words that name it")), "{out}");
    assert!(lines.iter().any(|l| l.contains("cites") && l.contains("but not its document")), "{out}");
}

#[test]
fn bad_datatypes_and_duplicate_positions_are_rejected() {
    let t = TempDir::new("shapes-datatypes");
    convert(t.path(), &["convert", "-o", ".", "-f", "ntriples", &seed()]);
    let nt = std::fs::read_to_string(t.path().join("ecosoc-2011-31.nt")).unwrap().replace('\t', " ");
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let before = nt.clone();
    let broken = nt
        // A count as a string, a date as a string.
        .replace(&format!("\"55\"^^<{xsd}integer>"), "\"55\"")
        .replace(&format!("\"2011-07-28\"^^<{xsd}date>"), "\"28 July 2011\"")
        // Paragraph 3 at the position of paragraph 2 (positions 12 and 13 among the draft's
        // 10 preambular and 12 operative paragraphs).
        .replace(
            &format!("{PARA_3} <https://w3id.org/unlod/ontology#position> \"13\"^^<{xsd}integer>"),
            &format!("{PARA_3} <https://w3id.org/unlod/ontology#position> \"12\"^^<{xsd}integer>"),
        );
    let changed = broken.lines().filter(|l| !before.contains(*l)).count();
    assert!(changed >= 3, "the changes were made: {changed} lines");
    std::fs::write(t.path().join("broken.nt"), broken).unwrap();
    let (code, out, _) = validate(t.path(), &["broken.nt"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("votes in favour: one xsd:integer"), "{out}");
    assert!(out.contains("the date of adoption is one xsd:date"), "{out}");
    assert!(out.contains("have the position 12"), "{out}");
}

#[test]
fn validate_checks_akoma_ntoso_against_the_schema() {
    let t = TempDir::new("validate-akn");
    convert(t.path(), &["convert", "-o", ".", "-f", "akn", &seed()]);
    let schema = shared_file("akn-schema/akomantoso30.xsd");
    let schema = schema.to_str().unwrap();
    let (code, out, err) = validate(t.path(), &["--schema", schema, "ecosoc-2011-31.akn.xml"]);
    assert_eq!((code, out.as_str()), (0, "ecosoc-2011-31.akn.xml: valid\n"), "{err}");
    // An element the schema does not allow, on line 2.
    let xml = std::fs::read_to_string(t.path().join("ecosoc-2011-31.akn.xml")).unwrap();
    let (first, rest) = xml.split_once('\n').unwrap();
    let bad = format!(
        "{first}\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><oops/></akomaNtoso>\n"
    );
    assert!(rest.contains("akomaNtoso"));
    std::fs::write(t.path().join("bad.akn.xml"), bad).unwrap();
    let (code, out, _) = validate(t.path(), &["--schema", schema, "bad.akn.xml", "ecosoc-2011-31.akn.xml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.lines().any(|l| l.starts_with("bad.akn.xml: line 2: ") && l.contains("oops")), "{out}");
    assert!(out.contains("ecosoc-2011-31.akn.xml: valid"), "{out}");
}

#[test]
fn validate_usage_errors() {
    let t = TempDir::new("validate-usage");
    std::fs::write(t.path().join("a.akn.xml"), "<x/>").unwrap();
    let (code, _, err) = validate(t.path(), &["--schema", "nowhere.xsd", "a.akn.xml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--schema nowhere.xsd: no such file"), "{err}");
    let (code, _, err) = validate(t.path(), &["--shapes", "nowhere.ttl", "a.akn.xml"]);
    assert_eq!(code, 2, "{err}");
    // A file that is not there is reported, like any input that cannot be read.
    let (code, _, err) = validate(t.path(), &["missing.ttl"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("missing.ttl: cannot read: no such file"), "{err}");
}

#[test]
fn a_resolution_text_is_validated_through_its_rdf() {
    let (code, out, err) = validate(&root(), &["examples/ecosoc-2011-31.md"]);
    assert_eq!((code, out.as_str()), (0, "examples/ecosoc-2011-31.md: valid\n"), "{err}");
}

fn triples(format: &str, syntax: RdfFormat) -> BTreeSet<String> {
    let out = unlod(&root(), &["convert", "-f", format, &seed()]);
    assert!(out.status.success());
    let store = Store::new().unwrap();
    store.load_from_slice(syntax, &out.stdout).unwrap_or_else(|e| panic!("{format} does not parse: {e}"));
    store.iter().map(|q| q.unwrap().to_string()).collect()
}

#[test]
fn json_ld_has_the_published_context_and_the_same_triples_as_turtle() {
    let published: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("ontology/context.jsonld")).unwrap()).unwrap();
    let out = unlod(&root(), &["convert", "-f", "jsonld", &seed()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["@context"], published["@context"], "the output's context is ontology/context.jsonld's");
    // Terms of the context are used: a paragraph reads as JSON.
    let para = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"].as_str().is_some_and(|i| i.ends_with("2011-31/~cmp_1__para_3")))
        .unwrap();
    assert_eq!(para["@type"], serde_json::json!(["OperativeParagraph"]));
    assert_eq!(para["position"], serde_json::json!([13]));
    assert_eq!(para["number"], serde_json::json!(["3"]));
    let turtle = triples("turtle", RdfFormat::Turtle);
    let jsonld = triples("jsonld", RdfFormat::JsonLd { profile: Default::default() });
    assert_eq!(jsonld.symmetric_difference(&turtle).collect::<Vec<_>>(), Vec::<&String>::new());
}

#[test]
fn every_term_of_the_context_is_in_the_ontology_or_a_known_vocabulary() {
    let ctx: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("ontology/context.jsonld")).unwrap()).unwrap();
    let onto = std::fs::read_to_string(root().join("ontology/unlod.ttl")).unwrap();
    for (term, def) in ctx["@context"].as_object().unwrap() {
        let id = match def {
            serde_json::Value::String(s) => s.as_str(),
            serde_json::Value::Object(o) => o["@id"].as_str().unwrap(),
            _ => continue,
        };
        if let Some(local) = id.strip_prefix("unlod:") {
            assert!(onto.contains(&format!("\nunlod:{local} a ")), "{term} → {id} is not declared in unlod.ttl");
        }
    }
}

#[test]
fn n_quads_put_each_document_in_the_graph_of_its_expression() {
    let texts = shared().join("corpus/texts");
    let a = texts.join("hrc-A-HRC-RES-55-19.md");
    let b = texts.join("hrc-A-HRC-RES-55-19.fr.md");
    let out = unlod(&root(), &["convert", "-f", "nquads", &seed(), a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::NQuads, &out.stdout).unwrap();
    let graphs: BTreeSet<String> = store.named_graphs().map(|g| g.unwrap().to_string()).collect();
    let base = "https://example.org/akn/un/statement/deliberation";
    let expected: BTreeSet<String> = [
        format!("<{base}/un-ecosoc/2011-07-28/2011-31/eng@2011-07-28>"),
        format!("<{base}/un-hrc/2024-04-04/55-19/eng@2024-04-04>"),
        format!("<{base}/un-hrc/2024-04-04/55-19/fra@2024-04-04>"),
    ]
    .into_iter()
    .collect();
    assert_eq!(graphs, expected);
    // No triple outside a named graph; each graph holds its expression, typed.
    assert_eq!(store.iter().filter(|q| q.as_ref().unwrap().graph_name.is_default_graph()).count(), 0);
    for g in &expected {
        let iri = g.trim_start_matches('<').trim_end_matches('>');
        let q = format!("ASK {{ GRAPH <{iri}> {{ <{iri}> a <https://w3id.org/unlod/ontology#Expression> }} }}");
        let r = oxigraph::sparql::SparqlEvaluator::new().parse_query(&q).unwrap().on_store(&store).execute().unwrap();
        let oxigraph::sparql::QueryResults::Boolean(b) = r else { panic!("not ASK") };
        assert!(b, "{g} does not hold its expression");
    }
}

#[test]
fn the_ontology_has_its_metadata_and_every_term_three_labels_and_a_comment() {
    let store = Store::new().unwrap();
    store.load_from_slice(RdfFormat::Turtle, &std::fs::read(root().join("ontology/unlod.ttl")).unwrap()).unwrap();
    let ask = |q: &str| {
        let q = format!(
            "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
             PREFIX dcterms: <http://purl.org/dc/terms/> {q}"
        );
        match oxigraph::sparql::SparqlEvaluator::new().parse_query(&q).unwrap().on_store(&store).execute().unwrap() {
            oxigraph::sparql::QueryResults::Boolean(b) => b,
            _ => panic!("not ASK"),
        }
    };
    assert!(ask(
        "ASK { <https://w3id.org/unlod/ontology> a owl:Ontology ; owl:versionIRI ?v ; dcterms:license ?l ; owl:versionInfo ?i }"
    ));
    for term in unlod::export::rdf::vocab::UNLOD_TERMS {
        for lang in ["en", "fr", "es"] {
            assert!(
                ask(&format!("ASK {{ <{term}> rdfs:label ?l FILTER(LANG(?l) = \"{lang}\") }}")),
                "{term}: no {lang} label"
            );
        }
        assert!(ask(&format!("ASK {{ <{term}> rdfs:comment ?c FILTER(LANG(?c) = \"en\") }}")), "{term}: no comment");
        assert!(
            ask(&format!(
                "ASK {{ <{term}> a ?kind FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty)) }}"
            )),
            "{term}: not declared as an OWL class or property"
        );
    }
}
