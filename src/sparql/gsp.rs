//! A client of the [SPARQL 1.1 Graph Store HTTP Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/):
//! each document's graph is sent with `PUT {endpoint}?graph={IRI}`, which replaces the graph
//! whole, so that loading again never duplicates a triple; and the triples the server then
//! holds are counted, per graph, with a SPARQL query (or, where no query endpoint is known,
//! by reading each graph back with `GET`).
//!
//! Every request has a timeout. Connection errors, timeouts and 5xx answers are retried a
//! bounded number of times, waiting longer each time (PUT is idempotent); a 4xx answer is
//! final and says what the server objected to. Digest and Basic authentication answer the
//! server's challenge (Digest as Virtuoso asks for it, or Basic).

use super::digest::{self, Challenge};
use super::percent_encode;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use std::collections::HashSet;
use std::fmt;
use std::sync::Mutex;
use std::time::Duration;
use ureq::http::{self, Request, StatusCode, Uri};

/// The largest answer read back (a graph read with `GET`, a query's results).
const MAX_ANSWER_BYTES: u64 = 1 << 30;

/// Graphs counted by one SPARQL query.
const COUNT_BATCH: usize = 50;

/// The media type of the graphs sent. Their bytes are N-Triples, which is also Turtle, the
/// one syntax every Graph Store accepts.
const CONTENT_TYPE: &str = "text/turtle; charset=utf-8";

/// How to reach the server.
#[derive(Clone, Debug)]
pub struct Options {
    /// The Graph Store URL (Oxigraph `…/store`, Virtuoso `…/sparql-graph-crud-auth`, Fuseki
    /// `…/{dataset}/data`, GraphDB `…/repositories/{id}/rdf-graphs/service`).
    pub endpoint: String,
    /// The SPARQL query URL used to count what the server holds; `None` derives it from the
    /// endpoint ([`query_endpoint_for`]), else graphs are read back with `GET`.
    pub query_endpoint: Option<String>,
    /// User and password, sent when the server asks (Digest or Basic).
    pub credentials: Option<(String, String)>,
    /// Time allowed for one request, from connecting to the last byte of the answer.
    pub timeout: Duration,
    /// Retries after a connection error, a timeout or a 5xx answer (0: try once).
    pub retries: u32,
    /// The wait before the first retry; it doubles for each further one.
    pub backoff: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            endpoint: String::new(),
            query_endpoint: None,
            credentials: None,
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_secs(1),
        }
    }
}

/// What kind of failure a request met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailureKind {
    /// The server could not be reached, the connection broke or a timeout ran out (after the
    /// retries).
    Connection,
    /// The server refused the credentials or the user's rights (401, 403).
    Auth,
    /// The server refused the request (another 4xx): a wrong URL, a graph it will not take.
    Request,
    /// The server failed (5xx, after the retries).
    Server,
    /// The server answered something that is not what the protocol says.
    Protocol,
}

/// A failed request: what kind, and a message that says what the server said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What kind of failure.
    pub kind: FailureKind,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// What happened, for a person.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl Failure {
    fn new(kind: FailureKind, status: Option<u16>, message: impl Into<String>) -> Self {
        Failure { kind, status, message: message.into() }
    }

    /// Whether trying again may help.
    fn retryable(&self) -> bool {
        matches!(self.kind, FailureKind::Connection | FailureKind::Server)
    }
}

/// The SPARQL query endpoint beside a Graph Store endpoint, for the servers whose layout is
/// known: Oxigraph (`/store` → `/query`), Virtuoso (`/sparql-graph-crud[-auth]` →
/// `/sparql`), Fuseki (`/{dataset}/data` → `/{dataset}/query`), GraphDB
/// (`/repositories/{id}/rdf-graphs/service` → `/repositories/{id}`).
pub fn query_endpoint_for(endpoint: &str) -> Option<String> {
    let (base, query) = endpoint.split_once('?').map_or((endpoint, None), |(b, q)| (b, Some(q)));
    let base = base.trim_end_matches('/');
    let rules: [(&str, &str); 5] = [
        ("/sparql-graph-crud-auth", "/sparql"),
        ("/sparql-graph-crud", "/sparql"),
        ("/rdf-graphs/service", ""),
        ("/store", "/query"),
        ("/data", "/query"),
    ];
    let derived = rules.iter().find_map(|(suffix, with)| base.strip_suffix(suffix).map(|b| format!("{b}{with}")))?;
    Some(match query {
        Some(q) => format!("{derived}?{q}"),
        None => derived,
    })
}

/// A Graph Store client. Requests are sent one at a time.
pub struct Client {
    agent: ureq::Agent,
    opts: Options,
    query_endpoint: Option<String>,
    /// The last challenge answered, and how many times its nonce was used.
    challenge: Mutex<Option<(Challenge, u32)>>,
}

/// One answer, read whole.
struct Answer {
    status: u16,
    content_type: Option<String>,
    /// The challenges of a 401 (`WWW-Authenticate`).
    challenges: Vec<String>,
    body: Vec<u8>,
}

impl Client {
    /// A client for `opts`; fails when the endpoint is not an `http://` or `https://` URL.
    pub fn new(opts: Options) -> Result<Client, Failure> {
        for url in std::iter::once(&opts.endpoint).chain(opts.query_endpoint.as_ref()) {
            let uri: Uri = url.parse().map_err(|e| {
                Failure::new(FailureKind::Request, None, format!("{url}: expected an http:// or https:// URL: {e}"))
            })?;
            if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
                return Err(Failure::new(
                    FailureKind::Request,
                    None,
                    format!("{url}: expected an http:// or https:// URL with a host"),
                ));
            }
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(opts.timeout))
            .timeout_connect(Some(opts.timeout.min(Duration::from_secs(10))))
            .max_redirects(0)
            .user_agent(concat!("unlod/", env!("CARGO_PKG_VERSION")))
            .build();
        let query_endpoint = opts.query_endpoint.clone().or_else(|| query_endpoint_for(&opts.endpoint));
        Ok(Client { agent: config.into(), opts, query_endpoint, challenge: Mutex::new(None) })
    }

    /// The URL a graph is sent to: `{endpoint}?graph={IRI}`.
    pub fn graph_url(&self, graph: &str) -> String {
        let sep = if self.opts.endpoint.contains('?') { '&' } else { '?' };
        format!("{}{sep}graph={}", self.opts.endpoint, percent_encode(graph))
    }

    /// The SPARQL endpoint used by [`Client::count`], if any.
    pub fn query_endpoint(&self) -> Option<&str> {
        self.query_endpoint.as_deref()
    }

    /// Replaces the graph `graph` with `ntriples`. `on_retry` hears of every retry, with
    /// its reason, before the wait.
    pub fn put_graph(&self, graph: &str, ntriples: &[u8], on_retry: &mut dyn FnMut(&str)) -> Result<(), Failure> {
        let url = self.graph_url(graph);
        let answer = self.send("PUT", &url, &[("Content-Type", CONTENT_TYPE)], ntriples, on_retry)?;
        match answer.status {
            200..=299 => Ok(()),
            s => Err(refusal(s, &answer.body, "the graph")),
        }
    }

    /// How many triples the server holds in each of `graphs` (0 for a graph it does not
    /// have), by SPARQL `COUNT` at the query endpoint, or by reading each graph back.
    pub fn count(&self, graphs: &[&str], on_retry: &mut dyn FnMut(&str)) -> Result<Vec<usize>, Failure> {
        match self.query_endpoint.clone() {
            Some(q) => {
                let mut counts = Vec::with_capacity(graphs.len());
                for batch in graphs.chunks(COUNT_BATCH) {
                    counts.extend(self.count_by_query(&q, batch, on_retry)?);
                }
                Ok(counts)
            }
            None => graphs.iter().map(|g| self.count_by_get(g, on_retry)).collect(),
        }
    }

    fn count_by_query(
        &self,
        endpoint: &str,
        graphs: &[&str],
        on_retry: &mut dyn FnMut(&str),
    ) -> Result<Vec<usize>, Failure> {
        let values: Vec<String> = graphs.iter().map(|g| format!("<{g}>")).collect();
        let query = format!(
            "SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
            values.join(" ")
        );
        let body = format!("query={}", percent_encode(&query));
        let headers =
            [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/sparql-results+json")];
        let answer = self.send("POST", endpoint, &headers, body.as_bytes(), on_retry)?;
        if !(200..=299).contains(&answer.status) {
            return Err(refusal(answer.status, &answer.body, "the count query"));
        }
        let json: serde_json::Value = serde_json::from_slice(&answer.body).map_err(|e| {
            Failure::new(
                FailureKind::Protocol,
                Some(answer.status),
                format!("{endpoint}: expected SPARQL JSON results: {e}"),
            )
        })?;
        let mut counts = vec![0; graphs.len()];
        let bindings = json.pointer("/results/bindings").and_then(|b| b.as_array()).ok_or_else(|| {
            Failure::new(
                FailureKind::Protocol,
                Some(answer.status),
                format!("{endpoint}: expected SPARQL JSON results with bindings"),
            )
        })?;
        for b in bindings {
            let g = b.pointer("/g/value").and_then(|v| v.as_str());
            let n = b.pointer("/n/value").and_then(|v| v.as_str()).and_then(|n| n.parse::<usize>().ok());
            if let (Some(g), Some(n)) = (g, n)
                && let Some(slot) = graphs.iter().position(|x| *x == g).and_then(|i| counts.get_mut(i))
            {
                *slot = n;
            }
        }
        Ok(counts)
    }

    fn count_by_get(&self, graph: &str, on_retry: &mut dyn FnMut(&str)) -> Result<usize, Failure> {
        let url = self.graph_url(graph);
        let headers = [("Accept", "application/n-triples, text/turtle;q=0.9")];
        let answer = self.send("GET", &url, &headers, &[], on_retry)?;
        match answer.status {
            404 => return Ok(0),
            200..=299 => {}
            s => return Err(refusal(s, &answer.body, "reading the graph back")),
        }
        let media = answer.content_type.as_deref().unwrap_or("text/turtle");
        let format = RdfFormat::from_media_type(media).unwrap_or(RdfFormat::Turtle);
        let mut seen: HashSet<Triple> = HashSet::new();
        for q in RdfParser::from_format(format).for_slice(&answer.body) {
            let q = q.map_err(|e| {
                Failure::new(
                    FailureKind::Protocol,
                    Some(answer.status),
                    format!("{url}: the graph read back does not parse: {e}"),
                )
            })?;
            seen.insert(Triple::new(q.subject, q.predicate, q.object));
        }
        Ok(seen.len())
    }

    /// Sends a request, answering an authentication challenge once and retrying failures
    /// that may pass.
    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        on_retry: &mut dyn FnMut(&str),
    ) -> Result<Answer, Failure> {
        let mut attempt = 0;
        let mut answered_challenge = false;
        loop {
            let result = self
                .send_once(method, url, headers, body)
                .and_then(|a| if a.status >= 500 { Err(refusal(a.status, &a.body, "the request")) } else { Ok(a) });
            match result {
                Ok(a) if a.status == 401 && self.opts.credentials.is_none() => {
                    return Err(Failure::new(
                        FailureKind::Auth,
                        Some(401),
                        "the endpoint asks for a user and a password (HTTP 401): give --user and --password"
                            .to_string(),
                    ));
                }
                Ok(a) if a.status == 401 && !answered_challenge => {
                    answered_challenge = true;
                    match digest::parse(a.challenges.iter().map(String::as_str)) {
                        Some(c) => *self.lock() = Some((c, 0)),
                        None => {
                            let why = a.challenges.iter().find_map(|h| digest::unsupported(h));
                            return Err(match why {
                                Some(why) => Failure::new(
                                    FailureKind::Auth,
                                    Some(401),
                                    format!("{url}: the server asks for {why}, which unlod cannot answer"),
                                ),
                                None => refusal(401, &a.body, "the request"),
                            });
                        }
                    }
                }
                Ok(a) => return Ok(a),
                Err(f) if f.retryable() && attempt < self.opts.retries => {
                    let wait = self.opts.backoff.saturating_mul(1 << attempt.min(16));
                    attempt += 1;
                    on_retry(&format!("{f}; retry {attempt} of {} in {:.1} s", self.opts.retries, wait.as_secs_f64()));
                    std::thread::sleep(wait);
                }
                Err(f) => return Err(f),
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Challenge, u32)>> {
        self.challenge.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn send_once(&self, method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<Answer, Failure> {
        let mut req = Request::builder().method(method).uri(url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some((user, password)) = &self.opts.credentials {
            let mut guard = self.lock();
            if let Some((challenge, uses)) = guard.as_mut() {
                *uses += 1;
                let target = url
                    .parse::<Uri>()
                    .ok()
                    .and_then(|u| u.path_and_query().map(|p| p.as_str().to_string()))
                    .unwrap_or_else(|| "/".to_string());
                req = req
                    .header("Authorization", digest::authorization(challenge, user, password, method, &target, *uses));
            }
        }
        let req = req.body(body.to_vec()).map_err(|e: http::Error| {
            Failure::new(FailureKind::Request, None, format!("{url}: cannot build the request: {e}"))
        })?;
        let mut resp = self.agent.run(req).map_err(|e| transport(url, &e, self.opts.timeout))?;
        let status = resp.status().as_u16();
        let content_type = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
        let challenges: Vec<String> = resp
            .headers()
            .get_all("www-authenticate")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect();
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_vec()
            .map_err(|e| transport(url, &e, self.opts.timeout))?;
        Ok(Answer { status, content_type, challenges, body })
    }
}

/// A transport error (no answer) as a failure.
fn transport(url: &str, e: &ureq::Error, timeout: Duration) -> Failure {
    let reason = match e {
        ureq::Error::Timeout(_) => format!("no answer within {} s (--timeout)", timeout.as_secs()),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused (is the server running?)".to_string(),
            std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                "the connection was reset".to_string()
            }
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::BrokenPipe => {
                "the connection was closed".to_string()
            }
            std::io::ErrorKind::TimedOut => format!("no answer within {} s (--timeout)", timeout.as_secs()),
            _ => io.to_string(),
        },
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::BadUri(u) => {
            return Failure::new(
                FailureKind::Request,
                None,
                format!("{url}: expected an http:// or https:// URL ({u})"),
            );
        }
        other => other.to_string(),
    };
    let authority = url.parse::<Uri>().ok().and_then(|u| u.authority().map(|a| a.to_string()));
    Failure::new(
        FailureKind::Connection,
        None,
        format!("cannot reach {}: {reason}", authority.as_deref().unwrap_or(url)),
    )
}

/// A 4xx or 5xx answer as a failure that says what the server objected to.
fn refusal(status: u16, body: &[u8], what: &str) -> Failure {
    let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
    let said = server_text(body);
    let said = if said.is_empty() { String::new() } else { format!(": the server said \"{said}\"") };
    let (kind, hint) = match status {
        401 => (FailureKind::Auth, "authentication failed; check --user and --password"),
        403 => (FailureKind::Auth, "the user may not write to this endpoint (Virtuoso: grant SPARQL_UPDATE)"),
        404 => (FailureKind::Request, "no Graph Store at this URL; check --endpoint"),
        405 => (FailureKind::Request, "this URL does not accept this method; check --endpoint"),
        413 => (FailureKind::Request, "the server refuses a graph this large"),
        300..=399 => {
            (FailureKind::Request, "the endpoint redirects elsewhere; give the URL it redirects to as --endpoint")
        }
        400..=499 => (FailureKind::Request, "the server refused the request"),
        _ => (FailureKind::Server, "the server failed"),
    };
    Failure::new(kind, Some(status), format!("{hint} (HTTP {status} {reason}, for {what}){said}"))
}

/// The first words of a server's answer, on one line, without markup.
fn server_text(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = words.join(" ");
    if out.chars().count() > 300 {
        out = out.chars().take(300).collect::<String>() + "…";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_endpoints_of_known_servers() {
        let q = |e: &str| query_endpoint_for(e);
        assert_eq!(q("http://localhost:7878/store").as_deref(), Some("http://localhost:7878/query"));
        assert_eq!(q("http://h:8890/sparql-graph-crud-auth").as_deref(), Some("http://h:8890/sparql"));
        assert_eq!(q("http://h:8890/sparql-graph-crud/").as_deref(), Some("http://h:8890/sparql"));
        assert_eq!(q("http://h:3030/ds/data").as_deref(), Some("http://h:3030/ds/query"));
        assert_eq!(
            q("http://h:7200/repositories/un/rdf-graphs/service").as_deref(),
            Some("http://h:7200/repositories/un")
        );
        assert_eq!(q("http://h/gsp"), None);
    }

    #[test]
    fn graph_urls_encode_the_iri() {
        let c = Client::new(Options { endpoint: "http://h/store".into(), ..Options::default() }).unwrap();
        assert_eq!(
            c.graph_url("https://x.org/a/eng@2011"),
            "http://h/store?graph=https%3A%2F%2Fx.org%2Fa%2Feng%402011"
        );
        let c = Client::new(Options { endpoint: "http://h/s?x=1".into(), ..Options::default() }).unwrap();
        assert!(c.graph_url("g").starts_with("http://h/s?x=1&graph="));
    }

    #[test]
    fn refuses_urls_that_are_not_http() {
        for bad in ["ftp://h/x", "localhost:7878/store", "not a url"] {
            let e = Client::new(Options { endpoint: bad.into(), ..Options::default() }).err().unwrap();
            assert_eq!(e.kind, FailureKind::Request, "{bad}");
        }
    }

    #[test]
    fn refusals_say_what_the_server_said() {
        let f = refusal(400, b"<html><body><h1>Bad</h1> Turtle syntax error line 3</body></html>", "the graph");
        assert_eq!(f.kind, FailureKind::Request);
        assert!(f.message.contains("HTTP 400 Bad Request"), "{f}");
        assert!(f.message.contains("Bad Turtle syntax error line 3"), "{f}");
        assert_eq!(refusal(401, b"", "x").kind, FailureKind::Auth);
        assert_eq!(refusal(301, b"", "x").kind, FailureKind::Request);
        assert_eq!(refusal(503, b"", "x").kind, FailureKind::Server);
        assert!(refusal(503, b"", "x").retryable());
    }
}
