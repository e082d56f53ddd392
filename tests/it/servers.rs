//! Real SPARQL servers on loopback for the load tests: Oxigraph (`oxigraph serve`) and
//! Virtuoso (`virtuoso-t` on a fresh database), each on free ports in a temporary
//! directory, stopped when dropped; a proxy that drops connections; a scripted fake server;
//! and commands run with a deadline. Every wait is bounded: a server that does not come up
//! fails the test with its log.

use crate::util::TempDir;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A port free on loopback now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Finds a server's program: `$var`, else `name` on the PATH; fails saying how to install it.
fn program(var: &str, name: &str, install: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(var).filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "${var} names {}, which is not a file: {install}", p.display());
        return p;
    }
    let found = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file()));
    found.unwrap_or_else(|| {
        panic!("`{name}` is not installed (nor given in ${var}): {install}; `bash scripts/test.sh` installs it")
    })
}

/// Runs `unlod` with `args`, killing it and failing the test if it runs past `limit`.
pub fn unlod_within(limit: Duration, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_unlod"));
    // The servers are on loopback: no proxy of the environment may stand between.
    for var in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
        cmd.env_remove(var);
    }
    let mut child = cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let t_err = thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = t_err.join().unwrap();
            panic!("unlod {args:?} ran past {limit:?}; its stderr:\n{}", String::from_utf8_lossy(&stderr));
        }
        thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: t_out.join().unwrap(), stderr: t_err.join().unwrap() }
}

/// Polls `ready` until it holds or `limit` passes.
fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return true;
        }
        thread::sleep(Duration::from_millis(100));
    }
    false
}

/// A plain HTTP request on loopback; returns the status and body, or `None` if no answer
/// came within `limit`.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    limit: Duration,
) -> Option<(u16, String)> {
    let mut s = TcpStream::connect_timeout(&format!("127.0.0.1:{port}").parse().unwrap(), limit).ok()?;
    s.set_read_timeout(Some(limit)).ok()?;
    s.set_write_timeout(Some(limit)).ok()?;
    let mut req = format!(
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).ok()?;
    s.write_all(body).ok()?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).ok()?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    Some((status, body))
}

/// `url-encoded` for a form or query string.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The triples in each named graph, by a SPARQL query at `path` (a server's query
/// endpoint), read from the CSV results.
pub fn graph_counts(port: u16, path: &str) -> Vec<(String, usize)> {
    let q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    let body = format!("query={}", encode(q));
    let (status, text) = http(
        port,
        "POST",
        path,
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "text/csv")],
        body.as_bytes(),
        Duration::from_secs(30),
    )
    .expect("the count query is answered");
    assert_eq!(status, 200, "the count query failed: {text}");
    // The header and any other line are not a graph and a number.
    text.lines()
        .filter_map(|l| {
            let (g, n) = l.trim().rsplit_once(',')?;
            Some((g.trim_matches('"').to_string(), n.trim_matches('"').parse().ok()?))
        })
        .collect()
}

/// A server process, killed when dropped, with its log.
pub struct Server {
    child: Child,
    /// The HTTP port.
    pub port: u16,
    log: PathBuf,
    /// Its directory (database, configuration, log), removed after the server stops.
    _dir: TempDir,
}

impl Server {
    /// What the server wrote, for a failure message.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Stops the server now.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn spawn(mut cmd: Command, port: u16, dir: TempDir, what: &str) -> Server {
        let log = dir.path().join("server.log");
        let f = std::fs::File::create(&log).unwrap();
        let child = cmd
            .stdin(Stdio::null())
            .stdout(f.try_clone().unwrap())
            .stderr(f)
            .spawn()
            .unwrap_or_else(|e| panic!("{what} does not start: {e}"));
        Server { child, port, log, _dir: dir }
    }

    /// Waits until `path` answers, failing with the log after `limit`.
    fn wait_ready(&mut self, path: &str, limit: Duration, what: &str) {
        let port = self.port;
        let mut exited = None;
        let ok = wait_for(limit, || {
            if let Ok(Some(s)) = self.child.try_wait() {
                exited = Some(s);
                return true;
            }
            http(port, "GET", path, &[], b"", Duration::from_secs(2)).is_some_and(|(s, _)| s < 500)
        });
        if let Some(s) = exited {
            panic!("{what} exited ({s}) before answering; its log:\n{}", self.log());
        }
        if !ok {
            let log = self.log();
            self.stop();
            panic!("{what} did not answer on port {port} within {limit:?}; its log:\n{log}");
        }
    }

    /// An Oxigraph server in memory.
    pub fn oxigraph(name: &str) -> Server {
        let bin = program("UNLOD_OXIGRAPH", "oxigraph", "install it with `pip install oxigraph`");
        let port = free_port();
        let dir = TempDir::new(&format!("oxigraph-{name}"));
        let mut cmd = Command::new(bin);
        cmd.args(["serve", "--bind", &format!("127.0.0.1:{port}")]);
        let mut s = Server::spawn(cmd, port, dir, "oxigraph serve");
        s.wait_ready("/query?query=ASK%7B%7D", Duration::from_secs(30), "oxigraph serve");
        s
    }

    /// A Virtuoso server on a fresh database of its own (user dba, password dba).
    pub fn virtuoso(name: &str) -> Server {
        let bin = program(
            "UNLOD_VIRTUOSO",
            "virtuoso-t",
            "install it with `apt-get install virtuoso-opensource-7-bin` (Debian; or virtuoso-opensource)",
        );
        let port = free_port();
        let sql_port = free_port();
        let dir = TempDir::new(&format!("virtuoso-{name}"));
        let d = dir.path().display().to_string();
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\nErrorLogLevel = 7\nFileExtend = 200\n\
             MaxCheckpointRemap = 2000\nStriping = 0\nTempStorage = TempDatabase\n\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
             MaxCheckpointRemap = 2000\nStriping = 0\n\n\
             [Parameters]\nServerPort = {sql_port}\nDisableUnixSocket = 1\nDisableTcpSocket = 0\nMaxClientConnections = 10\n\
             CheckpointInterval = 60\nCaseMode = 2\nNumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\nDirsAllowed = .\n\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{port}\nMaxClientConnections = 10\nServerThreads = 10\nCharset = UTF-8\n\n\
             [SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 60\n"
        );
        std::fs::write(dir.path().join("virtuoso.ini"), ini).unwrap();
        let mut cmd = Command::new(bin);
        cmd.args(["-f", "-c", "virtuoso.ini"]).current_dir(dir.path());
        let mut s = Server::spawn(cmd, port, dir, "virtuoso-t");
        s.wait_ready("/sparql?query=ASK%7B%7D", Duration::from_secs(90), "Virtuoso");
        s
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A TCP proxy to a server that breaks connections once `limit` bytes went upstream: it
/// either drops that connection and goes on (`once`), or closes for good (connections are
/// then refused).
pub struct Proxy {
    /// The port to connect to.
    pub port: u16,
    stop: Arc<AtomicBool>,
    /// Whether the connections were broken.
    pub tripped: Arc<AtomicBool>,
}

impl Proxy {
    /// A proxy to `upstream` on loopback.
    pub fn new(upstream: u16, limit: usize, once: bool) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let tripped = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicUsize::new(0));
        let (stop2, tripped2) = (stop.clone(), tripped.clone());
        thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(300);
            while !stop2.load(Ordering::Relaxed) && Instant::now() < deadline {
                if tripped2.load(Ordering::Relaxed) && !once {
                    break; // the listener goes: connections are refused from now on
                }
                match listener.accept() {
                    Ok((client, _)) => {
                        client.set_nonblocking(false).unwrap();
                        let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else { continue };
                        pump(client, server, limit, sent.clone(), tripped2.clone());
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Proxy { port, stop, tripped }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Copies both ways; breaks both sockets when the bytes sent upstream pass `limit` (once).
fn pump(client: TcpStream, server: TcpStream, limit: usize, sent: Arc<AtomicUsize>, tripped: Arc<AtomicBool>) {
    let (mut c_read, mut s_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    let (c_kill, s_kill) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            let n = match c_read.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let before = sent.fetch_add(n, Ordering::Relaxed);
            if before + n > limit && !tripped.swap(true, Ordering::Relaxed) {
                // Half of this chunk goes through: the request is cut in the middle.
                let _ = s_write.write_all(&buf[..n / 2]);
                let _ = c_kill.shutdown(Shutdown::Both);
                let _ = s_kill.shutdown(Shutdown::Both);
                break;
            }
            if s_write.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = s_write.shutdown(Shutdown::Write);
    });
    let (mut s_read, mut c_write) = (server, client);
    thread::spawn(move || {
        let _ = std::io::copy(&mut s_read, &mut c_write);
        let _ = c_write.shutdown(Shutdown::Both);
    });
}

/// A fake HTTP server that answers each request with the next of `answers` (status, body),
/// and keeps the request lines it received.
pub struct FakeServer {
    /// Its port.
    pub port: u16,
    /// `METHOD PATH` of each request received.
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl FakeServer {
    /// A server giving `answers` in turn, then 500.
    pub fn new(answers: Vec<(u16, String)>) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        thread::spawn(move || {
            let mut answers = answers.into_iter();
            for stream in listener.incoming().take(50) {
                let Ok(stream) = stream else { break };
                stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                // Several requests may come on one connection.
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    let mut length = 0;
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':')
                            && k.eq_ignore_ascii_case("content-length")
                        {
                            length = v.trim().parse().unwrap_or(0);
                        }
                    }
                    let mut body = vec![0; length];
                    if reader.read_exact(&mut body).is_err() {
                        break;
                    }
                    seen.lock().unwrap().push(line.split_whitespace().take(2).collect::<Vec<_>>().join(" "));
                    let (status, text) = answers.next().unwrap_or((500, "no more answers".into()));
                    let answer = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: application/sparql-results+json\r\nContent-Length: {}\r\n\r\n{text}",
                        text.len()
                    );
                    let mut w = &stream;
                    if w.write_all(answer.as_bytes()).is_err() {
                        break;
                    }
                }
            }
        });
        FakeServer { port, requests }
    }
}
