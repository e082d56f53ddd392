//! Criterion benchmarks of each stage of the pipeline, on the real texts of
//! `../shared/corpus/texts` (or `$UNLOD_SHARED/corpus/texts`) and the bundled example.
//!
//! ```text
//! cargo bench --bench pipeline            # all stages
//! cargo bench --bench pipeline -- turtle  # one stage
//! ```
//!
//! Each stage reports documents per second; the RDF writers also report triples per second
//! (a second group, `*-triples`, whose throughput unit is one triple). The inputs are read
//! into memory first and the outputs written into memory, so the figures are the
//! pipeline's, not the disk's. For the whole bulk set, on one core and on all, see
//! `examples/bench_bulk.rs` and `bench/RESULTS.md`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

/// The allocator of the `unlod` binary, so that the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use unlod::export::rdf::{self, Graph};
use unlod::export::{ExportOptions, OutputFormat, to_bytes};
use unlod::model::Resolution;
use unlod::{ConvertOptions, convert};

/// The inputs: every `.md` and `.txt` text of the corpus, and the example.
fn inputs() -> Vec<Vec<u8>> {
    let shared = std::env::var_os("UNLOD_SHARED").map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let dir = shared.join("corpus/texts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    if paths.is_empty() {
        eprintln!("note: {} not found; benchmarking the bundled example alone", dir.display());
    }
    paths.sort();
    paths.push(PathBuf::from("examples/ecosoc-2011-31.md"));
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let docs = inputs.len() as u64;
    let opts = ExportOptions::default();
    let models: Vec<Resolution> =
        inputs.iter().filter_map(|b| convert(b, &ConvertOptions::default()).ok()).map(|c| c.resolution).collect();
    let graphs: Vec<Graph> = models.iter().map(|r| rdf::mapping::map(r, &opts)).collect();
    let triples: u64 = graphs.iter().map(|g| g.triples.len() as u64).sum();

    let mut g = c.benchmark_group("documents");
    g.throughput(Throughput::Elements(docs));
    g.bench_function("parse", |b| {
        b.iter(|| {
            for bytes in &inputs {
                black_box(convert(black_box(bytes), &ConvertOptions::default()).ok());
            }
        })
    });
    g.bench_function("rdf-mapping", |b| {
        b.iter(|| {
            for r in &models {
                black_box(rdf::mapping::map(r, &opts));
            }
        })
    });
    for (name, format) in
        [("akn", OutputFormat::Akn), ("turtle", OutputFormat::Turtle), ("jsonld", OutputFormat::Jsonld)]
    {
        g.bench_function(name, |b| {
            b.iter(|| models.iter().map(|r| to_bytes(r, format, &opts).unwrap().len()).sum::<usize>())
        });
    }
    g.bench_function("parse+turtle+akn", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for input in &inputs {
                let Ok(c) = convert(input, &ConvertOptions::default()) else { continue };
                for f in [OutputFormat::Turtle, OutputFormat::Akn] {
                    bytes += to_bytes(&c.resolution, f, &opts).unwrap().len();
                }
            }
            black_box(bytes)
        })
    });
    g.finish();

    // The syntaxes alone, from triples already mapped: triples per second.
    let mut g = c.benchmark_group("triples");
    g.throughput(Throughput::Elements(triples));
    type Writer = fn(&Graph) -> Vec<u8>;
    let writers: [(&str, Writer); 3] =
        [("turtle-writer", rdf::turtle), ("ntriples-writer", rdf::ntriples), ("nquads-writer", rdf::nquads)];
    for (name, writer) in writers {
        g.bench_function(name, |b| b.iter(|| graphs.iter().map(|graph| writer(graph).len()).sum::<usize>()));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = stages
}
criterion_main!(benches);
