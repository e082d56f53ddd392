//! Inputs of `unlod query` and `unlod load`: resolutions and unlod's RDF files, found in the
//! paths given, turned into named graphs in parallel (rayon), a chunk at a time, and a
//! progress bar on standard error.

use crate::batch::{self, Input};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use unlod::sparql::{self, PrepareOptions, Prepared};

/// Inputs prepared together; bounds the memory of a run.
pub const CHUNK: usize = 32;

/// The extensions of the files taken from directories: resolutions and RDF.
pub fn extensions() -> Vec<&'static str> {
    batch::EXTENSIONS.iter().chain(sparql::RDF_EXTENSIONS).copied().collect()
}

/// Expands paths into inputs (directories walked in name order); returns them and the
/// number of files skipped.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<(Vec<Input>, usize)> {
    batch::expand_with(paths, &extensions())
}

/// One input, prepared.
pub struct Outcome {
    /// Its graphs, or the error that stopped it (`FILE:LINE: message`).
    pub result: Result<Prepared, String>,
    /// Its warnings, `FILE:LINE: warning: …`.
    pub warnings: Vec<String>,
}

impl Outcome {
    /// Prints the warnings (unless `quiet`) and the error above the progress bar; returns the
    /// graphs if there are any.
    pub fn report(self, progress: &Progress, quiet: bool) -> Option<Prepared> {
        if !quiet {
            for w in &self.warnings {
                progress.say(w);
            }
        }
        match self.result {
            Ok(p) => Some(p),
            Err(msg) => {
                progress.say(&msg);
                None
            }
        }
    }
}

/// Prepares `inputs` in parallel; the outcomes are in input order.
pub fn prepare(inputs: &[&Input], opts: &PrepareOptions) -> Vec<Outcome> {
    // One input per job, as in `batch::run`.
    inputs.par_iter().with_max_len(1).map(|input| prepare_one(input, opts)).collect()
}

fn prepare_one(input: &Input, opts: &PrepareOptions) -> Outcome {
    let bytes = match batch::read_input(input) {
        Ok(b) => b,
        Err(e) => {
            return Outcome {
                result: Err(format!("{}: cannot read: {}", input.display, batch::io_reason(&e))),
                warnings: vec![],
            };
        }
    };
    let name = input.path.as_ref().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or("stdin");
    let stem = input.out_stem.file_name().and_then(|n| n.to_str()).unwrap_or("document");
    match sparql::prepare(name, stem, &bytes, opts) {
        Ok(mut p) => {
            let warnings = std::mem::take(&mut p.warnings)
                .into_iter()
                .map(|mut w| {
                    w.path = Some(input.display.clone());
                    w.to_string()
                })
                .collect();
            Outcome { result: Ok(p), warnings }
        }
        Err(e) => Outcome { result: Err(e.with_path(&input.display).to_string()), warnings: vec![] },
    }
}

/// A progress bar on standard error, drawn only on a terminal and for more than one input.
pub struct Progress {
    on: bool,
    total: usize,
}

impl Progress {
    /// A bar for `total` inputs.
    pub fn new(total: usize) -> Progress {
        Progress { on: io::stderr().is_terminal() && total > 1, total }
    }

    /// Draws `done` of the total, with what is being done.
    pub fn show(&self, done: usize, what: &str) {
        if !self.on {
            return;
        }
        const WIDTH: usize = 24;
        let filled = (done * WIDTH).checked_div(self.total).unwrap_or(WIDTH).min(WIDTH);
        let bar: String = "#".repeat(filled) + &"-".repeat(WIDTH - filled);
        // The end of a long path says most.
        let skip = what.chars().count().saturating_sub(50);
        let what: String = what.chars().skip(skip).collect();
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[K[{bar}] {done}/{} {what}", self.total);
        let _ = err.flush();
    }

    /// Clears the bar, before a message or at the end.
    pub fn clear(&self) {
        if self.on {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
        }
    }

    /// Prints a line on standard error, above the bar.
    pub fn say(&self, line: &str) {
        self.clear();
        let _ = writeln!(io::stderr().lock(), "{line}");
    }
}
