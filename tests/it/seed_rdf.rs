//! The example as RDF: parsed back with oxigraph and queried with SPARQL.

use crate::util::{root, seed_path, unlod};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

const PREFIXES: &str = "PREFIX unlod: <https://w3id.org/unlod/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

fn output(format: &str) -> Vec<u8> {
    let out = unlod(&root(), &["convert", "-f", format, seed_path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn store(format: &str, syntax: RdfFormat) -> Store {
    let store = Store::new().unwrap();
    store
        .load_from_slice(syntax, &output(format))
        .unwrap_or_else(|e| panic!("the {format} output does not parse: {e}"));
    store
}

fn select(store: &Store, q: &str) -> Vec<Vec<String>> {
    let q = format!("{PREFIXES}{q}");
    let QueryResults::Solutions(sols) =
        SparqlEvaluator::new().parse_query(&q).unwrap().on_store(store).execute().unwrap()
    else {
        panic!("not a SELECT")
    };
    sols.map(|s| {
        s.unwrap()
            .iter()
            .map(|(_, t)| match t {
                Term::Literal(l) => l.value().to_string(),
                other => other.to_string(),
            })
            .collect()
    })
    .collect()
}

fn one(store: &Store, q: &str) -> String {
    let rows = select(store, q);
    assert_eq!(rows.len(), 1, "expected one row for {q}, got {rows:?}");
    rows[0][0].clone()
}

fn turtle() -> Store {
    store("turtle", RdfFormat::Turtle)
}

#[test]
fn the_draft_has_10_preambular_and_12_operative_paragraphs() {
    let s = turtle();
    let q = |class: &str| {
        one(
            &s,
            &format!(
                "SELECT (COUNT(?p) AS ?n) WHERE {{ ?w unlod:recommendsDraft ?d . ?d eli:has_part ?p . ?p a unlod:{class} }}"
            ),
        )
    };
    assert_eq!(q("PreambularParagraph"), "10");
    assert_eq!(q("OperativeParagraph"), "12");
}

#[test]
fn lead_phrases_are_on_the_paragraphs_texts() {
    let s = turtle();
    let rows = select(
        &s,
        "SELECT ?pos ?lead WHERE { ?d a unlod:DraftResolution ; eli:has_part ?p . ?p a unlod:PreambularParagraph ; unlod:position ?pos .
           ?e eli:realizes ?p ; unlod:leadPhrase ?lead } ORDER BY ?pos",
    );
    let leads: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(leads[3], "Recalling also");
    assert_eq!(leads.len(), 10);
    let op = one(
        &s,
        "SELECT ?lead WHERE { ?p a unlod:OperativeParagraph ; unlod:number \"6\" . ?e eli:realizes ?p ; unlod:leadPhrase ?lead }",
    );
    assert_eq!(op, "Also calls upon");
}

#[test]
fn footnotes_annotate_the_paragraphs_that_call_them() {
    let s = turtle();
    let rows = select(
        &s,
        "SELECT ?marker (COUNT(?p) AS ?calls) WHERE { ?p unlod:hasFootnote ?f . ?f unlod:marker ?marker } GROUP BY ?marker ORDER BY ?marker",
    );
    assert_eq!(rows, [["1", "2"], ["2", "1"], ["3", "1"]]);
    let text = one(&s, "SELECT ?t WHERE { ?f unlod:marker \"2\" . ?e eli:realizes ?f ; unlod:text ?t }");
    assert_eq!(text, "General Assembly resolution 65/230, annex.");
}

#[test]
fn both_votes_of_footnote_3_with_their_counts() {
    let s = turtle();
    let rows = select(
        &s,
        "SELECT ?name ?yes ?no ?by WHERE { ?f unlod:marker \"3\" ; unlod:reportsVote ?v . ?v a unlod:Vote ; unlod:votesInFavour ?yes ;
           unlod:votesAgainst ?no ; unlod:voteOn ?i ; unlod:votedBy ?c . ?i skos:prefLabel ?name . ?c skos:prefLabel ?by } ORDER BY ?yes",
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][1..], ["55", "14", "International Conference on Air Law"]);
    assert!(rows[0][0].starts_with("Convention on the Suppression of Unlawful Acts"));
    assert_eq!(rows[1][1..], ["57", "13", "International Conference on Air Law"]);
    assert!(rows[1][0].starts_with("Protocol Supplementary"));
    // The counts are integers.
    let dt = one(&s, "SELECT DISTINCT (DATATYPE(?n) AS ?d) WHERE { ?v unlod:votesInFavour ?n }");
    assert_eq!(dt, "<http://www.w3.org/2001/XMLSchema#integer>");
}

#[test]
fn the_resolution_itself_has_no_vote() {
    let s = turtle();
    assert_eq!(one(&s, "SELECT (COUNT(?v) AS ?n) WHERE { ?w a unlod:Resolution ; unlod:hasVote ?v }"), "0");
}

#[test]
fn meeting_and_date() {
    let s = turtle();
    let rows = select(
        &s,
        "SELECT ?label ?n ?date WHERE { ?w a unlod:Resolution ; unlod:adoptedAt ?m ; eli:date_document ?date .
           ?m a unlod:Meeting ; rdfs:label ?label ; unlod:meetingNumber ?n }",
    );
    assert_eq!(rows, [["48th plenary meeting", "48", "2011-07-28"]]);
}

#[test]
fn ntriples_nquads_and_jsonld_hold_the_same_triples_as_turtle() {
    let n = turtle().len().unwrap();
    assert!(n > 250, "{n} triples");
    assert_eq!(store("ntriples", RdfFormat::NTriples).len().unwrap(), n);
    assert_eq!(store("jsonld", RdfFormat::JsonLd { profile: Default::default() }).len().unwrap(), n);
    let nq = store("nquads", RdfFormat::NQuads);
    assert_eq!(nq.len().unwrap(), n);
    let graphs = select(&nq, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    assert_eq!(
        graphs,
        [["<https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/eng@2011-07-28>"]]
    );
}

#[test]
fn every_unlod_term_is_declared_in_the_ontology() {
    let onto = Store::new().unwrap();
    onto.load_from_slice(RdfFormat::Turtle, &std::fs::read(root().join("ontology/unlod.ttl")).unwrap()).unwrap();
    let declared: Vec<String> = select(&onto, "SELECT ?t WHERE { ?t rdfs:label ?l ; rdfs:comment ?c }")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    for term in unlod::export::rdf::vocab::UNLOD_TERMS {
        assert!(
            declared.contains(&format!("<{term}>")),
            "{term} is emitted but not declared with a label and comment in ontology/unlod.ttl"
        );
    }
    let used = select(
        &turtle(),
        "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } FILTER(STRSTARTS(STR(?t), \"https://w3id.org/unlod/\")) }",
    );
    for u in used {
        assert!(declared.contains(&u[0]), "{} is used but not declared", u[0]);
    }
}
