//! `unlod load`: each input's graph sent to a Graph Store ([`unlod::sparql::gsp`]) with
//! PUT, a progress bar, the documents not loaded listed, and the server's counts checked
//! against what was sent.

use crate::cli::LoadArgs;
use crate::inputs::{self, CHUNK, Progress};
use crate::{check_base, usage};
use oxigraph::model::NamedNode;
use std::collections::HashMap;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;
use unlod::export::ExportOptions;
use unlod::sparql::PrepareOptions;
use unlod::sparql::gsp::{Client, FailureKind, Options};

/// Consecutive documents refused with a 5xx (after retries) that stop the load.
const MAX_SERVER_FAILURES: usize = 3;

/// A graph sent.
struct Sent {
    display: String,
    graph: String,
    triples: usize,
}

/// Runs `unlod load`.
pub fn run(args: LoadArgs) -> ExitCode {
    let base = match check_base(&args.base) {
        Ok(b) => b,
        Err(e) => return usage("load", e),
    };
    let (inputs, skipped) = match inputs::expand(&args.inputs) {
        Ok(x) => x,
        Err(e) => return usage("load", format!("{e:#}")),
    };
    if inputs.is_empty() {
        return usage(
            "load",
            "no input files found (directories are searched for resolutions and .ttl, .nt, .nq, .trig, .jsonld files)",
        );
    }
    if let Some(g) = &args.graph {
        if let Err(e) = NamedNode::new(g.as_str()) {
            return usage("load", format!("--graph {g}: expected an absolute IRI: {e}"));
        }
        if inputs.len() > 1 {
            return usage(
                "load",
                format!(
                    "--graph names the graph of one document, and {} inputs were given; without --graph each document goes in its own graph (its expression IRI)",
                    inputs.len()
                ),
            );
        }
    }
    if args.timeout == 0 {
        return usage("load", "--timeout 0: expected at least 1 second");
    }
    let credentials = match (&args.user, &args.password) {
        (Some(u), Some(p)) => Some((u.clone(), p.clone())),
        (Some(u), None) => match std::env::var("UNLOD_PASSWORD") {
            Ok(p) => Some((u.clone(), p)),
            Err(_) => {
                return usage(
                    "load",
                    "--user needs --password, or the password in the environment variable UNLOD_PASSWORD",
                );
            }
        },
        _ => None,
    };
    let client = match Client::new(Options {
        endpoint: args.endpoint.clone(),
        query_endpoint: args.query_endpoint.clone(),
        credentials,
        timeout: Duration::from_secs(args.timeout),
        retries: args.retries,
        ..Options::default()
    }) {
        Ok(c) => c,
        Err(e) => return usage("load", format!("--endpoint: {e}")),
    };

    let opts = PrepareOptions { export: ExportOptions { base, ..ExportOptions::default() }, ..Default::default() };
    let progress = Progress::new(inputs.len());
    let mut stdout = io::stdout().lock();
    let mut sent: Vec<Sent> = Vec::new();
    let mut owners: HashMap<String, String> = HashMap::new();
    let mut failed = 0;
    let mut not_loaded: Vec<String> = Vec::new();
    let mut stopped: Option<String> = None;
    let mut server_failures = 0;
    let mut done = 0;
    for chunk in inputs.chunks(CHUNK) {
        if stopped.is_some() {
            not_loaded.extend(chunk.iter().map(|i| i.display.clone()));
            continue;
        }
        let outcomes = inputs::prepare(&chunk.iter().collect::<Vec<_>>(), &opts);
        for (input, outcome) in chunk.iter().zip(outcomes) {
            done += 1;
            if stopped.is_some() {
                not_loaded.push(input.display.clone());
                continue;
            }
            let Some(prepared) = outcome.report(&progress, args.quiet) else {
                failed += 1;
                continue;
            };
            if args.graph.is_some() && prepared.graphs.len() > 1 {
                progress.say(&format!(
                    "{}: holds {} graphs, and --graph names one; load it without --graph",
                    input.display,
                    prepared.graphs.len()
                ));
                failed += 1;
                continue;
            }
            let mut input_failed = false;
            for g in &prepared.graphs {
                let Some(name) = args.graph.as_deref().or(g.iri()).map(str::to_string) else {
                    progress.say(&format!(
                        "{}: cannot tell which document this is (no single unlod:Expression among its triples); name its graph with --graph, or load it as N-Quads",
                        input.display
                    ));
                    input_failed = true;
                    continue;
                };
                if let Some(owner) = owners.get(&name)
                    && *owner != input.display
                {
                    progress.say(&format!(
                        "{}: the same document as {owner} (graph <{name}>); not loaded, as it would replace it",
                        input.display
                    ));
                    input_failed = true;
                    continue;
                }
                owners.insert(name.clone(), input.display.clone());
                if args.dry_run {
                    let line = format!(
                        "{}\t{name}\t{} triples\tPUT {}",
                        input.display,
                        g.triples.len(),
                        client.graph_url(&name)
                    );
                    if let Err(e) = writeln!(stdout, "{line}") {
                        return if e.kind() == io::ErrorKind::BrokenPipe {
                            ExitCode::SUCCESS
                        } else {
                            ExitCode::from(1)
                        };
                    }
                    continue;
                }
                progress.show(done - 1, &input.display);
                let body = g.to_ntriples();
                match client.put_graph(&name, &body, &mut |msg| progress.say(&format!("unlod: {msg}"))) {
                    Ok(()) => {
                        server_failures = 0;
                        sent.push(Sent { display: input.display.clone(), graph: name, triples: g.triples.len() });
                    }
                    Err(f) => {
                        progress.say(&format!("{}: not loaded: {f}", input.display));
                        if !not_loaded.contains(&input.display) {
                            not_loaded.push(input.display.clone());
                        }
                        match f.kind {
                            FailureKind::Connection => stopped = Some("the endpoint cannot be reached".to_string()),
                            FailureKind::Auth => stopped = Some("the endpoint refuses these credentials".to_string()),
                            FailureKind::Server => {
                                server_failures += 1;
                                if server_failures >= MAX_SERVER_FAILURES {
                                    stopped =
                                        Some(format!("{MAX_SERVER_FAILURES} documents in a row failed on the server"));
                                }
                            }
                            _ => {}
                        }
                        if stopped.is_some() {
                            break;
                        }
                    }
                }
            }
            if input_failed {
                failed += 1;
            }
            progress.show(done, &input.display);
        }
    }
    progress.clear();
    if args.dry_run {
        eprintln!(
            "unlod: dry run: {} would be sent, {failed} failed, {skipped} skipped",
            plural(owners.len(), "graph")
        );
        return if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS };
    }

    // The check: does the server hold exactly what was sent?
    let mut mismatches = 0;
    let mut check_error = None;
    if stopped.is_none() && !sent.is_empty() {
        let graphs: Vec<&str> = sent.iter().map(|s| s.graph.as_str()).collect();
        match client.count(&graphs, &mut |msg| eprintln!("unlod: {msg}")) {
            Ok(counts) => {
                for (s, n) in sent.iter().zip(counts) {
                    if n != s.triples {
                        eprintln!(
                            "{}: the endpoint holds {n} triples in <{}>, and {} were sent",
                            s.display, s.graph, s.triples
                        );
                        mismatches += 1;
                    }
                }
            }
            Err(e) => check_error = Some(e),
        }
    }
    let triples: usize = sent.iter().map(|s| s.triples).sum();
    eprintln!(
        "unlod: {} loaded ({triples} triples), {failed} failed, {} not loaded, {skipped} skipped",
        sent.len(),
        not_loaded.len()
    );
    if let Some(e) = &check_error {
        eprintln!("unlod: cannot check what the endpoint holds: {e}");
    } else if stopped.is_none() && !sent.is_empty() && mismatches == 0 {
        let how = client.query_endpoint().map_or("read back with GET".to_string(), |q| format!("counted at {q}"));
        eprintln!(
            "unlod: checked: the endpoint holds the {triples} triples sent, in {} ({how})",
            plural(sent.len(), "graph")
        );
    }
    if let Some(why) = &stopped {
        eprintln!("unlod: the load stopped: {why}");
    }
    if !not_loaded.is_empty() {
        eprintln!(
            "unlod: not loaded (once the cause is fixed, the same command completes the load; PUT replaces a graph, so nothing is duplicated):"
        );
        for d in &not_loaded {
            eprintln!("  {d}");
        }
    }
    if failed > 0 || !not_loaded.is_empty() || mismatches > 0 || check_error.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `1 graph`, `2 graphs`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
