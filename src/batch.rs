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
    /// The inputs as given on the command line (files, directories, `-`).
    pub args: Vec<PathBuf>,
    /// How many inputs they hold (counted by a first walk, for the progress line).
    pub total: usize,
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

/// Expands the command-line inputs into a list: files as given, directories walked in name
/// order, taking the files that have one of `extensions`; returns them and the number of
/// files skipped. Used where every input is needed at once (`unlod query`, `unlod load`); a
/// batch of conversions walks with [`Walk`] instead, so that its memory does not grow with
/// the number of files.
pub fn expand_with(args: &[PathBuf], extensions: &[&str]) -> Result<(Vec<Input>, usize)> {
    let mut walk = Walk::new(args, extensions)?;
    let mut inputs = Vec::new();
    for found in walk.by_ref() {
        inputs.push(found.map_err(anyhow::Error::msg)?);
    }
    Ok((inputs, walk.skipped))
}

/// The inputs of the command line, found one at a time: files as given, `-` for standard
/// input, directories walked depth first in name order, one directory listing in memory at
/// a time.
///
/// Output names: a file given by itself is named after its file name; the files of a
/// directory after their path below it, in a folder named after the directory when more
/// than one input is given (`unlod convert -o out GA SC` writes `out/GA/…` and `out/SC/…`).
/// Two files of one directory that would share a name (`a.md` and `a.akn.xml`) are told
/// apart: the first in name order keeps it, the others add their extension (`a-md`).
pub struct Walk<'a> {
    args: std::slice::Iter<'a, PathBuf>,
    extensions: &'a [&'a str],
    several: bool,
    /// Names taken at the top of the output directory by the inputs given.
    top: std::collections::HashSet<PathBuf>,
    /// For each name asked for at the top, the next suffix to try (so that 2,000 inputs all
    /// named `paged.md` take linear time, not quadratic).
    next_suffix: std::collections::HashMap<PathBuf, usize>,
    /// Directories being walked: the rest of each listing, innermost last.
    frames: Vec<std::vec::IntoIter<Entry>>,
    /// Files skipped so far (not of the extensions taken).
    pub skipped: usize,
}

/// An entry of a directory listing.
enum Entry {
    File(Input),
    Dir { path: PathBuf, out: PathBuf },
}

impl<'a> Walk<'a> {
    /// A walk over `args`, taking the files of directories that have one of `extensions`.
    pub fn new(args: &'a [PathBuf], extensions: &'a [&'a str]) -> Result<Walk<'a>> {
        if args.iter().filter(|a| a.as_os_str() == "-").count() > 1 {
            bail!("standard input (-) is given twice");
        }
        Ok(Walk {
            args: args.iter(),
            extensions,
            several: args.len() > 1,
            top: std::collections::HashSet::new(),
            next_suffix: std::collections::HashMap::new(),
            frames: Vec::new(),
            skipped: 0,
        })
    }

    /// Counts the inputs of `args` (a directory that cannot be read counts as one, to fail)
    /// and the files skipped, without keeping them.
    pub fn count(args: &[PathBuf], extensions: &[&str]) -> Result<(usize, usize)> {
        let mut walk = Walk::new(args, extensions)?;
        let n = walk.by_ref().count();
        Ok((n, walk.skipped))
    }

    /// A name at the top of the output directory not taken yet: `name`, else `name-2`, ….
    fn top_name(&mut self, name: PathBuf) -> PathBuf {
        let k = self.next_suffix.entry(name.clone()).or_insert(1);
        loop {
            let candidate = if *k == 1 { name.clone() } else { PathBuf::from(format!("{}-{k}", name.display())) };
            *k += 1;
            if self.top.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// The listing of `dir`, in name order, its files named below `out`.
    fn list(&mut self, dir: &Path, out: &Path) -> std::result::Result<Vec<Entry>, String> {
        let unreadable = |e: io::Error| format!("{}: cannot read the directory: {}", dir.display(), io_reason(&e));
        let mut paths = Vec::new();
        for e in fs::read_dir(dir).map_err(unreadable)? {
            let p = e.map_err(unreadable)?.path();
            if !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
                paths.push(p);
            }
        }
        paths.sort();
        let mut entries = Vec::with_capacity(paths.len());
        let mut files = Vec::new();
        for p in paths {
            let name = p.file_name().map(PathBuf::from).unwrap_or_default();
            if p.is_dir() {
                entries.push(Entry::Dir { out: out.join(&name), path: p });
            } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| self.extensions.contains(&x)) {
                let file = name.to_str().unwrap_or("document");
                let out_stem = out.join(stem(file));
                files.push(entries.len());
                entries.push(Entry::File(Input { display: p.display().to_string(), path: Some(p), out_stem }));
            } else {
                self.skipped += 1;
            }
        }
        let mut inputs: Vec<&mut Input> =
            entries.iter_mut().filter_map(|e| if let Entry::File(i) = e { Some(i) } else { None }).collect();
        disambiguate(&mut inputs);
        Ok(entries)
    }
}

impl Iterator for Walk<'_> {
    /// An input, or a directory that could not be read (`DIR: cannot read the directory: …`).
    type Item = std::result::Result<Input, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(frame) = self.frames.last_mut() {
                match frame.next() {
                    Some(Entry::File(input)) => return Some(Ok(input)),
                    Some(Entry::Dir { path, out }) => match self.list(&path, &out) {
                        Ok(entries) => self.frames.push(entries.into_iter()),
                        Err(e) => return Some(Err(e)),
                    },
                    None => {
                        self.frames.pop();
                    }
                }
                continue;
            }
            let a = self.args.next()?;
            if a.as_os_str() == "-" {
                let out_stem = self.top_name(PathBuf::from("stdin"));
                return Some(Ok(Input { path: None, display: "<stdin>".into(), out_stem }));
            }
            if a.is_dir() {
                let out = if self.several {
                    let name = a
                        .file_name()
                        .map(PathBuf::from)
                        .or_else(|| a.canonicalize().ok().and_then(|c| c.file_name().map(PathBuf::from)));
                    self.top_name(name.unwrap_or_else(|| PathBuf::from("input")))
                } else {
                    PathBuf::new()
                };
                match self.list(a, &out) {
                    Ok(entries) => self.frames.push(entries.into_iter()),
                    Err(e) => return Some(Err(e)),
                }
                continue;
            }
            let name = a.file_name().and_then(|n| n.to_str()).unwrap_or("document");
            let out_stem = self.top_name(PathBuf::from(stem(name)));
            return Some(Ok(Input { path: Some(a.clone()), display: a.display().to_string(), out_stem }));
        }
    }
}

/// Gives inputs whose outputs would share a name (`a.md` and `a.akn.xml` both give `a.ttl`)
/// distinct names: the first in order keeps the stem, the others add their extension
/// (`a-akn-xml.ttl`).
fn disambiguate(inputs: &mut [&mut Input]) {
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

/// The result of one input.
#[derive(Default)]
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
    let total = plan.total;
    let progress = io::stderr().is_terminal() && total > 1;
    let stop = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let stdout = io::stdout();
    let mut walk = Walk::new(&plan.args, EXTENSIONS)?;
    let mut not_reached = 0;
    let mut chunk: Vec<std::result::Result<Input, String>> = Vec::with_capacity(CHUNK);
    loop {
        chunk.clear();
        chunk.extend(walk.by_ref().take(CHUNK));
        if chunk.is_empty() {
            break;
        }
        // One input per job: inputs differ in size a hundredfold, and with rayon's default
        // split a thread that had finished its share of a chunk waited while the other went
        // through a run of inputs it had taken whole (1.5 to 1.8 of 2 cores busy, measured).
        let outcomes: Vec<Option<Outcome>> = chunk
            .par_iter()
            .with_max_len(1)
            .map(|found| {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let o = match found {
                    Ok(input) => process(plan, input),
                    Err(unreadable) => Outcome { messages: vec![unreadable.clone()], ..Outcome::default() },
                };
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
            let Some(o) = o else {
                not_reached += 1;
                continue;
            };
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
    let left = walk.by_ref().count();
    summary.skipped = walk.skipped + left + not_reached;
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
        let bytes = export::to_bytes(&converted.resolution, format, &opts);
        match &plan.out_dir {
            // Written to a temporary file, renamed when whole.
            Some(dir) => {
                let path = dir.join(format!("{}.{}", input.out_stem.display(), format.extension()));
                if let Err(e) = bytes.and_then(|b| unlod::output::write_atomically(&path, &b)) {
                    o.messages.push(format!("{}: cannot write {}: {}", input.display, path.display(), io_reason(&e)));
                    return o;
                }
            }
            None => match bytes {
                // The first output is kept as it is, not copied.
                Ok(b) if o.stdout.is_empty() => o.stdout = b,
                Ok(b) => o.stdout.extend_from_slice(&b),
                Err(e) => {
                    o.messages.push(format!("{}: cannot write {}: {e}", input.display, format.extension()));
                    return o;
                }
            },
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
        let mut inputs = [mk("a.akn.xml"), mk("a.md"), mk("b.md")];
        disambiguate(&mut inputs.iter_mut().collect::<Vec<_>>());
        let stems: Vec<_> = inputs.iter().map(|i| i.out_stem.display().to_string()).collect();
        assert_eq!(stems, ["a", "a-md", "b"]);
    }

    #[test]
    fn walks_in_name_order_with_a_folder_per_directory_when_several_are_given() {
        let root = std::env::temp_dir().join(format!("unlod-walk-{}", std::process::id()));
        for f in ["GA/b/x.md", "GA/a.md", "GA/a.akn.xml", "GA/notes.pdf", "SC/1.txt", "one.md"] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let names = |args: &[PathBuf]| {
            let mut walk = Walk::new(args, EXTENSIONS).unwrap();
            let found: Vec<String> = walk.by_ref().map(|i| i.unwrap().out_stem.display().to_string()).collect();
            (found, walk.skipped)
        };
        let (one, skipped) = names(&[root.join("GA")]);
        assert_eq!(one, ["a", "a-md", "b/x"]);
        assert_eq!(skipped, 1);
        let (several, _) = names(&[root.join("GA"), root.join("SC"), root.join("one.md"), root.join("GA")]);
        assert_eq!(several, ["GA/a", "GA/a-md", "GA/b/x", "SC/1", "one", "GA-2/a", "GA-2/a-md", "GA-2/b/x"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn stems() {
        assert_eq!(stem("ecosoc-2011-31.md"), "ecosoc-2011-31");
        assert_eq!(stem("source.akn.xml"), "source");
        assert_eq!(stem("sc-S-RES-242-1967.txt"), "sc-S-RES-242-1967");
        assert_eq!(stem("README"), "README");
    }
}
