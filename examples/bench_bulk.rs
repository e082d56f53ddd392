//! Throughput of the whole pipeline over the bulk set: documents and triples per second for
//! each stage combination, on one core and on all cores, and the peak memory.
//!
//! ```text
//! tar --zstd -xf ../shared/corpus/bulk-visible.tar.zst -C /tmp
//! cargo build --release
//! cargo run --release --example bench_bulk -- /tmp/visible [paged|clean] [--out bench/RESULTS.md]
//! ```
//!
//! The inputs are read into memory first, so that the figures are the pipeline's, not the
//! disk's; outputs are written into memory buffers and dropped. The writers are also timed
//! alone, on graphs mapped beforehand (triples per second of the syntax itself).
//!
//! Memory is measured on the command itself (`target/release/unlod convert -o`, under
//! `/usr/bin/time`): the bulk set once and ten times over (links to the same files), and
//! one generated 50 MB resolution whose annex is a large table.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]

/// The allocator of the `unlod` binary, so that the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;
use unlod::export::{ExportOptions, OutputFormat, rdf, to_bytes};
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
    // One document per job, as the binary does (see `batch::run`).
    let bytes = inputs
        .par_iter()
        .with_max_len(1)
        .map(|bytes| {
            let Ok(c) = convert(bytes, &ConvertOptions::default()) else { return 0 };
            let mut out = 0;
            for f in formats {
                if *f == OutputFormat::Json {
                    out += rdf::mapping::map(&c.resolution, &opts).triples.len();
                    continue;
                }
                out += to_bytes(&c.resolution, *f, &opts).expect("in-memory output").len();
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
        .with_max_len(1)
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

/// The writers alone, on graphs mapped beforehand: triples per second, one core.
fn writers_alone(inputs: &[Vec<u8>]) -> String {
    let opts = ExportOptions::default();
    let graphs: Vec<rdf::Graph> = inputs
        .iter()
        .filter_map(|b| convert(b, &ConvertOptions::default()).ok())
        .map(|c| rdf::mapping::map(&c.resolution, &opts))
        .collect();
    let triples: usize = graphs.iter().map(|g| g.triples.len()).sum();
    type Writer = fn(&rdf::Graph) -> Vec<u8>;
    let writers: [(&str, Writer); 3] =
        [("Turtle", rdf::turtle), ("N-Triples", rdf::ntriples), ("N-Quads", rdf::nquads)];
    let mut table = String::from("| writer | triples/s | MB/s |\n|---|---:|---:|\n");
    for (name, writer) in writers {
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                let bytes: usize = graphs.iter().map(|g| writer(g).len()).sum();
                (start.elapsed().as_secs_f64(), bytes)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        writeln!(table, "| {name} | {:.0} | {:.0} |", triples as f64 / best.0, best.1 as f64 / best.0 / 1e6).unwrap();
    }
    table
}

/// The machine: processor, cores, memory, system, compiler, date.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown processor".to_string(), |s| s.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map_or(0.0, |k| k / (1 << 20) as f64);
    let run = |cmd: &str, args: &[&str]| {
        std::process::Command::new(cmd)
            .args(args)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!(
        "Machine: {cpu}, {cores} cores, {mem_gib:.0} GiB; {}; {}; load average before the run: {}; {}.\n\nBuild: {}.",
        run("uname", &["-sr"]),
        run("rustc", &["--version"]),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
        run("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        option_env!("UNLOD_BUILD").unwrap_or("cargo build --release"),
    )
}

/// Peak memory and time of `unlod convert -o` (the release binary beside this example)
/// over the inputs once and ten times over, and over a generated 50 MB resolution.
fn memory(paths: &[PathBuf]) -> String {
    let exe = std::env::current_exe().unwrap();
    let unlod = exe.parent().and_then(Path::parent).map(|d| d.join("unlod")).filter(|p| p.exists());
    let Some(unlod) = unlod else {
        return "Not measured: build the binary first (`cargo build --release`).\n".into();
    };
    if !Path::new("/usr/bin/time").exists() {
        return "Not measured: /usr/bin/time is missing (Debian package `time`).\n".into();
    }
    let tmp = std::env::temp_dir().join(format!("unlod-bench-{}", std::process::id()));
    // Ten copies of the inputs, as links, each under a folder of its own.
    for copy in 0..10 {
        for (k, p) in paths.iter().enumerate() {
            let link = tmp.join(format!("copy{copy}/{k:05}.md"));
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(p, &link).unwrap();
        }
    }
    let measure = |args: Vec<PathBuf>| -> (f64, f64) {
        let out = tmp.join("out");
        let _ = std::fs::remove_dir_all(&out);
        let o = std::process::Command::new("/usr/bin/time")
            .args(["-f", "%e %M"])
            .arg(&unlod)
            .args(["convert", "-q", "-o"])
            .arg(&out)
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        let last = err.lines().last().unwrap_or_default().to_string();
        let mut f = last.split_whitespace().map(|x| x.parse::<f64>().unwrap_or(0.0));
        (f.next().unwrap_or(0.0), f.next().unwrap_or(0.0) / 1024.0)
    };
    let mut table = String::from("| input | documents | seconds | peak resident memory |\n|---|---:|---:|---:|\n");
    let (s1, m1) = measure(vec![tmp.join("copy0")]);
    writeln!(table, "| the bulk set once | {} | {s1:.1} | {m1:.0} MiB |", paths.len()).unwrap();
    let (s10, m10) = measure((0..10).map(|c| tmp.join(format!("copy{c}"))).collect());
    writeln!(table, "| the bulk set ten times | {} | {s10:.1} | {m10:.0} MiB |", 10 * paths.len()).unwrap();
    let big = tmp.join("big50.md");
    std::fs::write(&big, big_resolution(50_000_000)).unwrap();
    let (sb, mb) = measure(vec![big]);
    writeln!(table, "| one 50 MB resolution (an annex with a 670,000-row table) | 1 | {sb:.1} | {mb:.0} MiB |")
        .unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
    table
}

/// A resolution of about `size` bytes whose annex is one large table.
fn big_resolution(size: usize) -> String {
    let mut md = String::from(
        "Resolution adopted by the General Assembly on 1 December 2020\n\n75/999. Statistics\n\n*The General Assembly*,\n\n1. *Adopts* the tables annexed to the present resolution;\n\n*99th plenary meeting*  \n*1 December 2020*\n\nAnnex\n\nTables of figures\n\n| Country | Year | Indicator | Value |\n|---|---|---|---|\n",
    );
    let mut n = 0u64;
    while md.len() < size {
        n += 1;
        writeln!(
            md,
            "| Country number {} | {} | Indicator {} of the annex & <data> | {} |",
            n % 193,
            1990 + n % 35,
            n % 97,
            n * 7 % 100_003
        )
        .unwrap();
    }
    md
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
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, cores]
        .into_iter()
        .map(|jobs| (jobs, rayon::ThreadPoolBuilder::new().num_threads(jobs).build().unwrap()))
        .collect();
    // One warm-up pass of each measure, then the best of three rounds over all of them: the
    // speed of a shared machine drifts over minutes, and taking each measure's three passes
    // in turn let one slow minute mark a whole row.
    let mut best = vec![(f64::MAX, 0usize); MODES.len() * pools.len()];
    for round in 0..4 {
        for (m, (_, formats)) in MODES.iter().enumerate() {
            for (k, (_, pool)) in pools.iter().enumerate() {
                let (secs, bytes) = pool.install(|| run(&inputs, formats));
                if let Some(b) = best.get_mut(m * pools.len() + k).filter(|b| round > 0 && secs < b.0) {
                    *b = (secs, bytes);
                }
            }
        }
    }
    let mut scaling = Vec::new();
    for (m, (name, formats)) in MODES.iter().enumerate() {
        let mut per_jobs = Vec::new();
        for (k, (jobs, _)) in pools.iter().enumerate() {
            let (secs, bytes) = best.get(m * pools.len() + k).copied().unwrap();
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
    let writers = writers_alone(&inputs);
    let memory = memory(&paths);
    let report = format!(
        "{}\n\n{} documents ({which}.md, {mib:.1} MiB, {all_triples} triples) from {}, {} cores. Triples per second count the triples written in each RDF syntax.\n\n{table}\nScaling from 1 to {cores} jobs: {}.\n\nPeak resident memory of the benchmark process (all inputs held in memory): {:.0} MiB.\n\n## The RDF writers alone\n\nThe same documents mapped to triples beforehand; one core.\n\n{writers}\n## Memory of `unlod convert -o`\n\n{memory}",
        machine(),
        inputs.len(),
        Path::new(&dir).display(),
        cores,
        scaling.join("; "),
        peak_mib()
    );
    println!("{report}");
    if let Some(f) = out_file {
        let f = Path::new(&f);
        if let Some(dir) = f.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).expect("the directory of --out can be created");
        }
        std::fs::write(f, report).expect("the --out file can be written");
    }
}
