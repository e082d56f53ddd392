//! `unlod load` against real servers started here (Oxigraph, Virtuoso), through a proxy
//! that breaks connections, and against a scripted fake server for the answers a real one
//! gives rarely (5xx, 400, a wrong count).
//!
//! The corpus is every text of `../shared/corpus/texts` that converts today, one input per
//! document: the expected graphs and their triple counts come from the library, so the tests
//! hold as more inputs convert.

use crate::servers::{FakeServer, Proxy, Server, graph_counts, unlod_within};
use crate::util::{seed_path, shared};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Duration;
use unlod::sparql::{PrepareOptions, prepare};

/// The longest a load may take here.
const LIMIT: Duration = Duration::from_secs(180);

/// The inputs that convert, and each graph's triple count.
struct Corpus {
    files: Vec<String>,
    /// Graph name → (input, triples).
    graphs: BTreeMap<String, (String, usize)>,
    /// The bytes of N-Triples sent for all of them.
    bytes: usize,
}

impl Corpus {
    fn counts(&self) -> BTreeMap<String, usize> {
        self.graphs.iter().map(|(g, (_, n))| (g.clone(), *n)).collect()
    }

    fn triples(&self) -> usize {
        self.graphs.values().map(|(_, n)| n).sum()
    }
}

/// The output name of an input, as `unlod` takes it.
fn stem(name: &str) -> &str {
    [".akn.xml", ".md", ".txt", ".xml"].iter().find_map(|e| name.strip_suffix(e)).unwrap_or(name)
}

fn corpus() -> Corpus {
    let dir = shared().join("corpus/texts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt" || x == "xml"))
        .collect();
    paths.sort();
    let mut c = Corpus { files: Vec::new(), graphs: BTreeMap::new(), bytes: 0 };
    for p in paths {
        let name = p.file_name().unwrap().to_str().unwrap();
        let Ok(prepared) = prepare(name, stem(name), &std::fs::read(&p).unwrap(), &PrepareOptions::default()) else {
            continue; // does not convert yet: another issue's work
        };
        let names: Vec<String> = prepared.graphs.iter().map(|g| g.iri().unwrap().to_string()).collect();
        if names.iter().any(|g| c.graphs.contains_key(g)) {
            continue; // the same document in another format (.md and .akn.xml)
        }
        let file = p.to_str().unwrap().to_string();
        for g in &prepared.graphs {
            c.graphs.insert(g.iri().unwrap().to_string(), (file.clone(), g.triples.len()));
            c.bytes += g.to_ntriples().len();
        }
        c.files.push(file);
    }
    assert!(c.files.len() >= 20, "only {} texts of {} convert", c.files.len(), dir.display());
    c
}

fn load(endpoint: &str, extra: &[&str], files: &[String]) -> (i32, String, String) {
    let mut args = vec!["load", "-q", "--timeout", "30", "--endpoint", endpoint];
    args.extend_from_slice(extra);
    args.extend(files.iter().map(String::as_str));
    let out = unlod_within(LIMIT, &args);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The counts of the graphs under the corpus's base (a server has graphs of its own).
fn our_counts(port: u16, query_path: &str) -> BTreeMap<String, usize> {
    graph_counts(port, query_path).into_iter().filter(|(g, _)| g.starts_with("https://example.org/")).collect()
}

/// Loads the corpus, checks the server's counts, reloads one document and checks that
/// nothing was duplicated.
fn load_corpus_twice(server: &Server, store_path: &str, query_path: &str, auth: &[&str]) {
    let c = corpus();
    let endpoint = format!("http://127.0.0.1:{}{store_path}", server.port);
    let (code, _, err) = load(&endpoint, auth, &c.files);
    assert_eq!(code, 0, "the load failed:\n{err}\nserver log:\n{}", server.log());
    let checked = format!("checked: the endpoint holds the {} triples sent, in {} graphs", c.triples(), c.graphs.len());
    assert!(err.contains(&checked), "{err}");
    assert_eq!(our_counts(server.port, query_path), c.counts());

    // Once more, one document: it replaces itself.
    let one = c.files[c.files.len() / 2].clone();
    let (code, _, err) = load(&endpoint, auth, std::slice::from_ref(&one));
    assert_eq!(code, 0, "the reload failed:\n{err}");
    assert_eq!(our_counts(server.port, query_path), c.counts(), "a reload of {one} changed the counts");
}

#[test]
fn oxigraph_holds_the_corpus_and_a_reload_duplicates_nothing() {
    let server = Server::oxigraph("corpus");
    load_corpus_twice(&server, "/store", "/query", &[]);

    // The ontology goes in a graph named with --graph, as the README says.
    let endpoint = format!("http://127.0.0.1:{}/store", server.port);
    let onto = crate::util::root().join("ontology/unlod.ttl");
    let (code, _, err) =
        load(&endpoint, &["--graph", "https://w3id.org/unlod/ontology"], &[onto.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let counts: BTreeMap<_, _> = graph_counts(server.port, "/query").into_iter().collect();
    assert!(counts.get("https://w3id.org/unlod/ontology").is_some_and(|n| *n > 100), "{counts:?}");
}

#[test]
fn virtuoso_holds_the_corpus_and_a_reload_duplicates_nothing() {
    let server = Server::virtuoso("corpus");
    load_corpus_twice(&server, "/sparql-graph-crud-auth", "/sparql", &["--user", "dba", "--password", "dba"]);

    // Refused credentials stop the load, saying so.
    let endpoint = format!("http://127.0.0.1:{}/sparql-graph-crud-auth", server.port);
    let seed = seed_path().display().to_string();
    let (code, _, err) = load(&endpoint, &["--user", "dba", "--password", "wrong"], std::slice::from_ref(&seed));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("authentication failed; check --user and --password (HTTP 401"), "{err}");
    assert!(err.contains("not loaded (") && err.contains(&format!("  {seed}")), "{err}");
    let (code, _, err) = load(&endpoint, &[], std::slice::from_ref(&seed));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("asks for a user and a password (HTTP 401): give --user and --password"), "{err}");
}

/// The documents listed after "not loaded".
fn not_loaded(stderr: &str) -> Vec<String> {
    stderr
        .split_once("unlod: not loaded (")
        .map(|(_, rest)| rest.lines().skip(1).filter_map(|l| l.strip_prefix("  ")).map(str::to_string).collect())
        .unwrap_or_default()
}

#[test]
fn an_interrupted_load_lists_what_is_missing_and_a_second_run_completes_it() {
    let c = corpus();
    let server = Server::oxigraph("cut");
    // The connection breaks a third of the way through, and the proxy is gone after.
    let proxy = Proxy::new(server.port, c.bytes / 3, false);
    let via_proxy = format!("http://127.0.0.1:{}/store", proxy.port);
    let (code, _, err) = load(&via_proxy, &["--retries", "1"], &c.files);
    assert!(proxy.tripped.load(Ordering::Relaxed), "the proxy never broke the connection:\n{err}");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the load stopped: the endpoint cannot be reached"), "{err}");
    let missing = not_loaded(&err);
    assert!(!missing.is_empty() && missing.len() < c.files.len(), "{err}");
    assert_eq!(missing.last(), c.files.last(), "{err}");

    // Every graph on the server is whole; every document not there is listed.
    let held = our_counts(server.port, "/query");
    for (g, n) in &held {
        assert_eq!(Some(n), c.counts().get(g), "graph <{g}> is half-loaded:\n{err}");
    }
    for (g, (file, _)) in &c.graphs {
        assert!(held.contains_key(g) || missing.contains(file), "{file} is neither loaded nor listed:\n{err}");
    }

    // The same command, the server reachable: the load completes.
    let direct = format!("http://127.0.0.1:{}/store", server.port);
    let (code, _, err) = load(&direct, &[], &c.files);
    assert_eq!(code, 0, "{err}");
    assert_eq!(our_counts(server.port, "/query"), c.counts());
}

#[test]
fn a_dropped_connection_is_retried() {
    let c = corpus();
    let server = Server::oxigraph("retry");
    let proxy = Proxy::new(server.port, c.bytes / 2, true);
    let via_proxy = format!("http://127.0.0.1:{}/store", proxy.port);
    let (code, _, err) = load(&via_proxy, &["--retries", "3"], &c.files);
    assert!(proxy.tripped.load(Ordering::Relaxed), "the proxy never broke the connection:\n{err}");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("retry 1 of 3 in 1.0 s"), "{err}");
    assert_eq!(our_counts(server.port, "/query"), c.counts());
}

fn count_answer(graph: &str, n: usize) -> String {
    format!(
        r#"{{"head":{{"vars":["g","n"]}},"results":{{"bindings":[{{"g":{{"type":"uri","value":"{graph}"}},"n":{{"type":"literal","value":"{n}"}}}}]}}}}"#
    )
}

const SEED_GRAPH: &str =
    "https://example.org/akn/un/statement/deliberation/un-ecosoc/2011-07-28/2011-31/eng@2011-07-28";

#[test]
fn a_5xx_is_retried_and_a_wrong_count_is_caught() {
    let fake = FakeServer::new(vec![(503, "busy".into()), (201, String::new()), (200, count_answer(SEED_GRAPH, 5))]);
    let endpoint = format!("http://127.0.0.1:{}/store", fake.port);
    let seed = seed_path().display().to_string();
    let (code, _, err) = load(&endpoint, &["--retries", "2"], std::slice::from_ref(&seed));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the server failed (HTTP 503"), "{err}");
    assert!(err.contains("retry 1 of 2 in 1.0 s"), "{err}");
    assert!(err.contains(&format!("{seed}: the endpoint holds 5 triples in <{SEED_GRAPH}>, and ")), "{err}");
    let requests = fake.requests.lock().unwrap().clone();
    let put = format!("PUT /store?graph={}", crate::servers::encode(SEED_GRAPH));
    assert_eq!(requests, [put.as_str(), put.as_str(), "POST /query"]);
}

#[test]
fn a_bad_request_stops_that_document_only() {
    let c = corpus();
    let two = [seed_path().display().to_string(), c.files[0].clone()];
    let other = c.graphs.iter().find(|(_, (f, _))| *f == c.files[0]).map(|(g, (_, n))| (g.clone(), *n)).unwrap();
    let fake = FakeServer::new(vec![
        (400, "<html><body>Turtle parse error at line 3</body></html>".into()),
        (201, String::new()),
        (200, count_answer(&other.0, other.1)),
    ]);
    let endpoint = format!("http://127.0.0.1:{}/store", fake.port);
    let (code, _, err) = load(&endpoint, &[], &two);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the server refused the request (HTTP 400 Bad Request, for the graph): the server said \"Turtle parse error at line 3\""), "{err}");
    assert!(err.contains("unlod: 1 loaded"), "{err}");
    assert_eq!(not_loaded(&err), [two[0].clone()], "{err}");
    assert!(err.contains("checked: the endpoint holds the"), "{err}");
}

#[test]
fn a_dry_run_sends_nothing() {
    let fake = FakeServer::new(vec![]);
    let endpoint = format!("http://127.0.0.1:{}/store", fake.port);
    let seed = seed_path().display().to_string();
    let (code, out, err) = load(&endpoint, &["--dry-run"], std::slice::from_ref(&seed));
    assert_eq!(code, 0, "{err}");
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(fields.len(), 4, "{out}");
    assert_eq!(fields[0], seed);
    assert_eq!(fields[1], SEED_GRAPH);
    assert!(fields[2].ends_with(" triples") && fields[2].trim_end_matches(" triples").parse::<usize>().unwrap() > 200);
    assert_eq!(fields[3], format!("PUT {endpoint}?graph={}", crate::servers::encode(SEED_GRAPH)));
    assert!(fake.requests.lock().unwrap().is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let seed = seed_path().display().to_string();
    let e = "http://127.0.0.1:9/store";
    let cases: &[(&[&str], &str)] = &[
        (&["--endpoint", "localhost:7878/store", &seed], "expected an http:// or https:// URL"),
        (&["--endpoint", e, "--graph", "https://x.org/g", &seed, &seed], "--graph names the graph of one document"),
        (&["--endpoint", e, "--graph", "not an iri", &seed], "expected an absolute IRI"),
        (&["--endpoint", e, "--timeout", "0", &seed], "--timeout 0"),
        (&["--endpoint", e, "--user", "u", &seed], "--user needs --password"),
        (&["--endpoint", e, "--base", "example", &seed], "--base example: expected an absolute IRI"),
    ];
    for (args, message) in cases {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_unlod"))
            .arg("load")
            .args(*args)
            .env_remove("UNLOD_PASSWORD")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(err.contains("Try 'unlod load --help'."), "{args:?}: {err}");
    }
}

#[test]
fn an_unreachable_endpoint_fails_quickly_and_lists_the_documents() {
    let port = crate::servers::free_port(); // nothing listens there
    let seed = seed_path().display().to_string();
    let (code, _, err) =
        load(&format!("http://127.0.0.1:{port}/store"), &["--retries", "1"], std::slice::from_ref(&seed));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("connection refused (is the server running?)"), "{err}");
    assert_eq!(not_loaded(&err), [seed]);
}

#[test]
fn without_a_query_endpoint_the_graphs_are_read_back() {
    let seed = seed_path().display().to_string();
    let nt = crate::util::unlod(&crate::util::root(), &["convert", "-f", "ntriples", &seed]).stdout;
    let fake = FakeServer::new(vec![(204, String::new()), (200, String::from_utf8(nt).unwrap())]);
    // A Graph Store URL of no known layout: nothing to derive a query endpoint from.
    let endpoint = format!("http://127.0.0.1:{}/gsp", fake.port);
    let (code, _, err) = load(&endpoint, &[], std::slice::from_ref(&seed));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(read back with GET)"), "{err}");
    let graph = format!("/gsp?graph={}", crate::servers::encode(SEED_GRAPH));
    assert_eq!(*fake.requests.lock().unwrap(), [format!("PUT {graph}"), format!("GET {graph}")]);
}
