//! The `unlod` binary: arguments checked into a plan (usage errors exit 2 before any input
//! is read), then the batch.

#![expect(clippy::print_stderr, reason = "the binary reports on standard error")]

/// The allocator of the binary: the pipeline allocates many small strings, and with
/// mimalloc it runs a tenth fewer instructions than with the system's malloc (callgrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod cli;
mod inputs;
mod load;
mod query;
mod validate;

use clap::Parser;
use cli::{Cli, Command, ConvertArgs};
use std::process::ExitCode;
use unlod::export::{ExportOptions, OutputFormat};
use unlod::{ConvertOptions, Format};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Convert(args) => convert(args),
        Command::Query(args) => query::run(args),
        Command::Load(args) => load::run(args),
        Command::Validate(args) => validate::run(args),
    }
}

/// A usage error of subcommand `cmd`: message and exit status 2.
fn usage(cmd: &str, msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("unlod: {msg}");
    eprintln!("Try 'unlod {cmd} --help'.");
    ExitCode::from(2)
}

/// The base of minted IRIs, checked, without a final slash.
fn check_base(base: &str) -> anyhow::Result<String> {
    let trimmed = base.trim_end_matches('/').to_string();
    if !unlod::model::ids::is_valid_iri(&format!("{trimmed}/x")) || !trimmed.contains("://") {
        anyhow::bail!("--base {base}: expected an absolute IRI such as https://data.example.org");
    }
    Ok(trimmed)
}

fn convert(args: ConvertArgs) -> ExitCode {
    let plan = match plan(args) {
        Ok(p) => p,
        Err(e) => return usage("convert", format!("{e:#}")),
    };
    match batch::run(&plan) {
        Ok(s) => {
            if plan.total > 1 || plan.out_dir.is_some() || s.failed > 0 {
                eprintln!(
                    "unlod: {} converted, {} failed, {} skipped{}",
                    s.converted,
                    s.failed,
                    s.skipped,
                    if s.warnings > 0 { format!(" ({} warnings)", s.warnings) } else { String::new() }
                );
            }
            if s.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("unlod: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn plan(args: ConvertArgs) -> anyhow::Result<batch::Plan> {
    let base = check_base(&args.base)?;
    let mut formats = args.formats.clone();
    formats.dedup();
    if formats.is_empty() {
        formats = if args.out_dir.is_some() {
            vec![OutputFormat::Turtle, OutputFormat::Akn]
        } else {
            vec![OutputFormat::Turtle]
        };
    }
    let (total, _) = batch::Walk::count(&args.inputs, batch::EXTENSIONS)?;
    if total == 0 {
        anyhow::bail!("no input files found (directories are searched for .md, .txt and .xml files)");
    }
    if args.out_dir.is_none() {
        if formats.len() > 1 {
            anyhow::bail!("several formats need --out-dir: standard output takes one format");
        }
        if total > 1 && !formats.iter().all(|f| f.concatenates()) {
            anyhow::bail!(
                "{} inputs: standard output takes one input in this format; use --out-dir DIR, or -f ntriples / -f nquads to concatenate",
                total
            );
        }
    }
    if let Some(dir) = &args.out_dir
        && dir.exists()
        && !dir.is_dir()
    {
        anyhow::bail!("--out-dir {}: not a directory", dir.display());
    }
    if let Some(j) = args.jobs {
        if j == 0 {
            anyhow::bail!("--jobs 0: expected at least 1 worker");
        }
        // A second call fails harmlessly if the pool already exists.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(j).build_global();
    }
    let from = args.from.map(|f| match f {
        cli::From::Md => Format::Markdown,
        cli::From::Txt => Format::Text,
        cli::From::Akn => Format::Akn,
    });
    Ok(batch::Plan {
        args: args.inputs,
        total,
        out_dir: args.out_dir,
        formats,
        convert: ConvertOptions { from, lossy: args.lossy },
        export: ExportOptions { base, ..ExportOptions::default() },
        fail_fast: args.fail_fast,
        quiet: args.quiet,
    })
}
