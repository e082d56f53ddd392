//! A batch: inputs found, converted in parallel (rayon), written atomically, reported in
//! input order, and summed up in one line.
//!
//! Inputs are taken in chunks so that memory stays bounded by a chunk's outputs whatever the
//! size of the batch; within a chunk the workers render into buffers, which are written
//! (to files, atomically, or to standard output) in input order.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use unlod::export::{self, ExportOptions, OutputFormat};
use unlod::{ConvertOptions, convert};

/// Inputs handled together; bounds the memory of a batch.
const CHUNK: usize = 256;

/// Extensions of the files taken from a directory.
pub const EXTENSIONS: &[&str] = &["md", "txt", "xml", "markdown"];

/// One input.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// How messages name it.
    pub display: String,
    /// Output path below the output directory, without extension.
    pub out_stem: PathBuf,
}

/// A checked batch, ready to run.
#[derive(Debug)]
pub struct Plan {
    /// The inputs, in order.
    pub inputs: Vec<Input>,
    /// Files skipped in the directories given (not .md, .txt or .xml).
    pub skipped: usize,
    /// Output directory, or standard output.
    pub out_dir: Option<PathBuf>,
    /// Formats to write.
    pub formats: Vec<OutputFormat>,
    /// Conversion options.
    pub convert: ConvertOptions,
    /// Export options (the name is set per input).
    pub export: ExportOptions,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// Do not print warnings.
    pub quiet: bool,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Inputs converted.
    pub converted: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Inputs not converted (skipped files, or inputs left after --fail-fast).
    pub skipped: usize,
    /// Warnings printed.
    pub warnings: usize,
}

/// The output name of a file: its name less `.md`, `.txt`, `.xml` or `.akn.xml`.
pub fn stem(name: &str) -> &str {
    for ext in [".akn.xml", ".md", ".txt", ".xml", ".markdown"] {
        if let Some(s) = name.strip_suffix(ext)
            && !s.is_empty()
        {
            return s;
        }
    }
    name
}

/// Expands the command-line inputs: files as given, directories walked in name order.
pub fn expand(args: &[PathBuf]) -> Result<(Vec<Input>, usize)> {
    expand_with(args, EXTENSIONS)
}

/// [`expand`], taking the files of directories that have one of `extensions`.
pub fn expand_with(args: &[PathBuf], extensions: &[&str]) -> Result<(Vec<Input>, usize)> {
    let mut inputs = Vec::new();
    let mut skipped = 0;
    let mut stdin = false;
    for a in args {
        if a.as_os_str() == "-" {
            if stdin {
                bail!("standard input (-) is given twice");
            }
            stdin = true;
            inputs.push(Input { path: None, display: "<stdin>".into(), out_stem: PathBuf::from("stdin") });
        } else if a.is_dir() {
            let mut files = Vec::new();
            walk(a, extensions, &mut files, &mut skipped)?;
            files.sort();
            for f in files {
                let rel = f.strip_prefix(a).unwrap_or(&f).to_path_buf();
                let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("document");
                let out_stem = rel.with_file_name(stem(name));
                inputs.push(Input { display: f.display().to_string(), path: Some(f), out_stem });
            }
        } else {
            let name = a.file_name().and_then(|n| n.to_str()).unwrap_or("document");
            inputs.push(Input {
                path: Some(a.clone()),
                display: a.display().to_string(),
                out_stem: PathBuf::from(stem(name)),
            });
        }
    }
    disambiguate(&mut inputs);
    Ok((inputs, skipped))
}

/// Gives inputs whose outputs would share a name (`a.md` and `a.akn.xml` both give `a.ttl`)
/// distinct names: the first in order keeps the stem, the others add their extension
/// (`a-akn-xml.ttl`).
fn disambiguate(inputs: &mut [Input]) {
    let mut taken = std::collections::HashSet::new();
    for input in inputs.iter_mut() {
        if taken.insert(input.out_stem.clone()) {
            continue;
        }
        let name = input.path.as_ref().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or("input");
        let ext = name.strip_prefix(stem(name)).unwrap_or("").trim_start_matches('.').replace('.', "-");
        let base = input.out_stem.file_name().and_then(|n| n.to_str()).unwrap_or("input").to_string();
        let mut k = 1;
        let mut candidate = input.out_stem.with_file_name(format!("{base}-{ext}"));
        while !taken.insert(candidate.clone()) {
            k += 1;
            candidate = input.out_stem.with_file_name(format!("{base}-{ext}-{k}"));
        }
        input.out_stem = candidate;
    }
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>, skipped: &mut usize) -> Result<()> {
    let entries = fs::read_dir(dir).with_context(|| format!("{}: cannot read the directory", dir.display()))?;
    for e in entries {
        let e = e.with_context(|| format!("{}: cannot read the directory", dir.display()))?;
        let p = e.path();
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, extensions, out, skipped)?;
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.contains(&x)) {
            out.push(p);
        } else {
            *skipped += 1;
        }
    }
    Ok(())
}

/// The result of one input.
struct Outcome {
    ok: bool,
    /// Lines for standard error (warnings, the error).
    messages: Vec<String>,
    warnings: usize,
    /// Output for standard output.
    stdout: Vec<u8>,
}

/// Runs the batch; prints messages and the summary on standard error.
pub fn run(plan: &Plan) -> Result<Summary> {
    let mut summary = Summary::default();
    let total = plan.inputs.len();
    let progress = io::stderr().is_terminal() && total > 1;
    let stop = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let stdout = io::stdout();
    for chunk in plan.inputs.chunks(CHUNK) {
        let outcomes: Vec<Option<Outcome>> = chunk
            .par_iter()
            .map(|input| {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let o = process(plan, input);
                if !o.ok && plan.fail_fast {
                    stop.store(true, Ordering::Relaxed);
                }
                done.fetch_add(1, Ordering::Relaxed);
                Some(o)
            })
            .collect();
        let mut err = io::stderr().lock();
        if progress {
            let _ = write!(err, "\r\x1b[K");
        }
        for o in outcomes {
            let Some(o) = o else { continue };
            for m in &o.messages {
                let _ = writeln!(err, "{m}");
            }
            summary.warnings += o.warnings;
            if o.ok {
                summary.converted += 1;
            } else {
                summary.failed += 1;
            }
            if !o.stdout.is_empty() {
                let mut out = stdout.lock();
                if let Err(e) = out.write_all(&o.stdout).and_then(|_| out.flush()) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return Ok(summary);
                    }
                    return Err(e).context("cannot write to standard output");
                }
            }
        }
        if progress {
            let _ = write!(err, "[{}/{total}] converting…", done.load(Ordering::Relaxed));
            let _ = err.flush();
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
    }
    if progress {
        let _ = write!(io::stderr(), "\r\x1b[K");
    }
    // Inputs never reached after --fail-fast are skipped too.
    summary.skipped = plan.skipped + (total - summary.converted - summary.failed);
    Ok(summary)
}

pub fn read_input(input: &Input) -> io::Result<Vec<u8>> {
    match &input.path {
        Some(p) => fs::read(p),
        None => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

fn process(plan: &Plan, input: &Input) -> Outcome {
    let mut o = Outcome { ok: false, messages: Vec::new(), warnings: 0, stdout: Vec::new() };
    let bytes = match read_input(input) {
        Ok(b) => b,
        Err(e) => {
            o.messages.push(format!("{}: cannot read: {}", input.display, io_reason(&e)));
            return o;
        }
    };
    let converted = match convert(&bytes, &plan.convert) {
        Ok(c) => c,
        Err(e) => {
            o.messages.push(e.with_path(&input.display).to_string());
            return o;
        }
    };
    if !plan.quiet {
        for mut w in converted.warnings {
            w.path = Some(input.display.clone());
            o.messages.push(w.to_string());
            o.warnings += 1;
        }
    }
    let name = input.out_stem.file_name().and_then(|n| n.to_str()).unwrap_or("document").to_string();
    let opts = ExportOptions { name, ..plan.export.clone() };
    for &format in &plan.formats {
        let mut buf = Vec::new();
        if let Err(e) = export::write(&converted.resolution, format, &opts, &mut buf) {
            o.messages.push(format!("{}: cannot write {}: {e}", input.display, format.extension()));
            return o;
        }
        match &plan.out_dir {
            Some(dir) => {
                let path = dir.join(format!("{}.{}", input.out_stem.display(), format.extension()));
                if let Err(e) = unlod::output::write_atomically(&path, &buf) {
                    o.messages.push(format!("{}: cannot write {}: {}", input.display, path.display(), io_reason(&e)));
                    return o;
                }
            }
            None => o.stdout.extend_from_slice(&buf),
        }
    }
    o.ok = true;
    o
}

pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colliding_outputs_get_distinct_names() {
        let mk = |p: &str| Input { path: Some(PathBuf::from(p)), display: p.into(), out_stem: PathBuf::from(stem(p)) };
        let mut inputs = vec![mk("a.akn.xml"), mk("a.md"), mk("b.md")];
        disambiguate(&mut inputs);
        let stems: Vec<_> = inputs.iter().map(|i| i.out_stem.display().to_string()).collect();
        assert_eq!(stems, ["a", "a-md", "b"]);
    }

    #[test]
    fn stems() {
        assert_eq!(stem("ecosoc-2011-31.md"), "ecosoc-2011-31");
        assert_eq!(stem("source.akn.xml"), "source");
        assert_eq!(stem("sc-S-RES-242-1967.txt"), "sc-S-RES-242-1967");
        assert_eq!(stem("README"), "README");
    }
}
