//! `unlod query`: the inputs into the embedded store ([`unlod::sparql::store`]), then one
//! SPARQL query, its results on standard output.

use crate::cli::QueryArgs;
use crate::inputs::{self, CHUNK, Progress};
use crate::{check_base, usage};
use oxigraph::sparql::SparqlEvaluator;
use std::io::{self, Write};
use std::process::ExitCode;
use unlod::export::ExportOptions;
use unlod::sparql::store::{EmbeddedStore, SourceKey};
use unlod::sparql::{PrepareOptions, results};

/// Runs `unlod query`.
pub fn run(args: QueryArgs) -> ExitCode {
    // The prefixes of unlod's Turtle are declared, so that queries can use them as they are.
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in unlod::export::rdf::vocab::PREFIXES {
        evaluator = match evaluator.with_prefix(*p, *ns) {
            Ok(e) => e,
            Err(e) => return usage("query", format!("prefix {p}: {e}")),
        };
    }
    let query = match evaluator.parse_query(&args.query) {
        Ok(q) => q,
        Err(e) => return usage("query", format!("the SPARQL query: {e}")),
    };
    let base = match check_base(&args.base) {
        Ok(b) => b,
        Err(e) => return usage("query", e),
    };
    let (inputs, _skipped) = match inputs::expand(&args.data) {
        Ok(x) => x,
        Err(e) => return usage("query", format!("{e:#}")),
    };
    if let Some(dir) = &args.store
        && dir.exists()
        && !dir.is_dir()
    {
        return usage("query", format!("--store {}: not a directory", dir.display()));
    }
    let opened = match &args.store {
        Some(dir) => EmbeddedStore::open(dir),
        None => EmbeddedStore::in_memory(),
    };
    let mut store = match opened {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let opts = PrepareOptions {
        export: ExportOptions { base: base.clone(), ..ExportOptions::default() },
        ..Default::default()
    };
    let progress = Progress::new(inputs.len());
    let mut failed = 0;
    let mut done = 0;
    for chunk in inputs.chunks(CHUNK) {
        // With a store, an input it holds as it is now is not converted again.
        let keyed: Vec<_> = chunk
            .iter()
            .map(|i| {
                let key = args.store.as_ref().and(i.path.as_ref()).and_then(|p| SourceKey::of(p, &base).ok());
                (i, key)
            })
            .filter(|(_, key)| !key.as_ref().is_some_and(|k| store.is_current(k)))
            .collect();
        let todo: Vec<_> = keyed.iter().map(|(i, _)| *i).collect();
        let outcomes = inputs::prepare(&todo, &opts);
        for ((input, key), outcome) in keyed.into_iter().zip(outcomes) {
            let Some(prepared) = outcome.report(&progress, args.quiet) else {
                failed += 1;
                continue;
            };
            let own_path = key.as_ref().map(|k| k.path.as_path());
            let taken =
                prepared.graphs.iter().filter_map(|g| g.iri()).find_map(|g| store.owner(g, own_path).map(|o| (g, o)));
            if let Some((graph, owner)) = taken {
                progress.say(&format!("{}: the same document as {owner} (graph <{graph}>); left out", input.display));
                failed += 1;
                continue;
            }
            if let Err(e) = store.add(key, &input.display, &prepared.graphs) {
                progress.say(&e.to_string());
                failed += 1;
            }
        }
        done += chunk.len();
        progress.show(done, "converting");
    }
    progress.clear();
    if let Err(e) = store.save() {
        eprintln!("{e}");
        return ExitCode::from(1);
    }
    let results = match store.query(query) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("unlod: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match results::write(results, args.results, &mut out).and_then(|w| out.flush().map(|_| w)) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unlod: the query failed: {e}");
            return ExitCode::from(1);
        }
    }
    if failed > 0 {
        eprintln!("unlod: {failed} input{} left out of the query", if failed == 1 { "" } else { "s" });
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
