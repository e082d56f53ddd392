//! Throughput of the whole pipeline over the bulk set: documents and triples per second for
//! each stage combination, on one core and on all cores, and the peak memory.
//!
//! ```text
//! tar --zstd -xf ../shared/corpus/bulk-visible.tar.zst -C /tmp
//! cargo run --release --example bench_bulk -- /tmp/visible [paged|clean] [--out bench/RESULTS.md]
//! ```
//!
//! The inputs are read into memory first, so that the figures are the pipeline's, not the
//! disk's; outputs are written into memory buffers and dropped.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;
use unlod::export::{ExportOptions, OutputFormat, rdf, write};
use unlod::{ConvertOptions, convert};

/// The stage combinations measured.
const MODES: &[(&str, &[OutputFormat])] = &[
    ("parse only", &[]),
    ("parse + RDF mapping (no syntax)", &[OutputFormat::Json]),
    ("parse + Turtle", &[OutputFormat::Turtle]),
    ("parse + AKN", &[OutputFormat::Akn]),
    ("parse + Turtle + AKN", &[OutputFormat::Turtle, OutputFormat::Akn]),
    ("parse + Turtle + AKN + N-Quads", &[OutputFormat::Turtle, OutputFormat::Akn, OutputFormat::Nquads]),
    ("parse + N-Triples", &[OutputFormat::Ntriples]),
];

/// Runs one mode over all inputs; returns (seconds, bytes out). `Json` stands for the RDF
/// mapping alone (the triples built, no syntax written).
fn run(inputs: &[Vec<u8>], formats: &[OutputFormat]) -> (f64, usize) {
    let opts = ExportOptions::default();
    let start = Instant::now();
    let bytes = inputs
        .par_iter()
        .map(|bytes| {
            let Ok(c) = convert(bytes, &ConvertOptions::default()) else { return 0 };
            let mut out = 0;
            for f in formats {
                if *f == OutputFormat::Json {
                    out += rdf::mapping::map(&c.resolution, &opts).triples.len();
                    continue;
                }
                let mut buf = Vec::with_capacity(64 * 1024);
                write(&c.resolution, *f, &opts, &mut buf).expect("in-memory write");
                out += buf.len();
            }
            out
        })
        .sum();
    (start.elapsed().as_secs_f64(), bytes)
}

/// Triples of every document's graph, counted once, outside the timings.
fn count_triples(inputs: &[Vec<u8>]) -> usize {
    let opts = ExportOptions::default();
    inputs
        .par_iter()
        .filter_map(|b| convert(b, &ConvertOptions::default()).ok())
        .map(|c| rdf::mapping::map(&c.resolution, &opts).triples.len())
        .sum()
}

/// Peak resident memory of this process (VmHWM), in MiB.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("usage: bench_bulk DIR [paged|clean] [--out FILE]"));
    let which = args.get(1).filter(|a| !a.starts_with("--")).map_or("paged", String::as_str).to_string();
    let out_file = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)).cloned();
    let mut paths: Vec<PathBuf> = Vec::new();
    for body in ["GA", "SC", "HRC", "ECOSOC"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(body)) {
            paths.extend(rd.map(|e| e.unwrap().path().join(format!("{which}.md"))).filter(|p| p.exists()));
        }
    }
    paths.sort();
    let inputs: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let mib: f64 = inputs.iter().map(Vec::len).sum::<usize>() as f64 / (1 << 20) as f64;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all_triples = count_triples(&inputs);
    let mut table = String::new();
    writeln!(table, "| stages | jobs | documents/s | triples/s | output MB/s | seconds |").unwrap();
    writeln!(table, "|---|---:|---:|---:|---:|---:|").unwrap();
    let mut scaling = Vec::new();
    for (name, formats) in MODES {
        let mut per_jobs = Vec::new();
        for jobs in [1, cores] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().unwrap();
            // One warm-up pass, then the best of three.
            pool.install(|| run(&inputs, formats));
            let best =
                (0..3).map(|_| pool.install(|| run(&inputs, formats))).min_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
            let (secs, bytes) = best;
            let rdf_formats = formats
                .iter()
                .filter(|f| matches!(f, OutputFormat::Turtle | OutputFormat::Ntriples | OutputFormat::Nquads))
                .count();
            let triples = all_triples * rdf_formats;
            let bytes = if formats == &[OutputFormat::Json] { 0 } else { bytes };
            let docs = inputs.len() as f64 / secs;
            per_jobs.push(docs);
            writeln!(
                table,
                "| {name} | {jobs} | {docs:.0} | {} | {:.1} | {secs:.3} |",
                if triples > 0 { format!("{:.0}", triples as f64 / secs) } else { "–".into() },
                bytes as f64 / secs / 1e6
            )
            .unwrap();
        }
        if let [one, all] = per_jobs.as_slice() {
            scaling.push(format!("{name}: ×{:.2}", all / one));
        }
    }
    let report = format!(
        "{} documents ({which}.md, {mib:.1} MiB, {all_triples} triples) from {}, {} cores. Triples per second count the triples written in each RDF syntax.\n\n{table}\nScaling from 1 to {cores} jobs: {}.\n\nPeak resident memory of the benchmark process (all inputs held in memory): {:.0} MiB.\n",
        inputs.len(),
        Path::new(&dir).display(),
        cores,
        scaling.join("; "),
        peak_mib()
    );
    println!("{report}");
    if let Some(f) = out_file {
        std::fs::write(f, report).unwrap();
    }
}
