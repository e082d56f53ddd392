//! `unlod validate`: Akoma Ntoso files against the OASIS schema (with xmllint), RDF files
//! against `ontology/shapes.ttl` (with pySHACL); each problem reported with its file, and for
//! RDF with the focus node and the shape.
//!
//! Neither check is written here: xmllint (libxml2) is the XML Schema validator the project's
//! CI already uses, and pySHACL is a maintained SHACL engine that implements SHACL Core and
//! SHACL-SPARQL (which the shapes need for positions among siblings). The shapes and the
//! ontology are built into the binary, so a user needs only `python3 -m pip install pyshacl`.
//! RDF is parsed here (oxigraph, as `unlod query` does) and handed over one graph at a time as
//! N-Triples, so every syntax unlod reads is validated the same way, and the graphs of an
//! N-Quads file one by one.

use crate::batch::{self, Input};
use crate::cli::ValidateArgs;
use crate::usage;
use serde_json::Value;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use unlod::export::ExportOptions;
use unlod::export::rdf::vocab::PREFIXES;
use unlod::sparql::{self, PrepareOptions};

/// The SHACL shapes, `ontology/shapes.ttl`.
pub const SHAPES: &str = include_str!("../../ontology/shapes.ttl");

/// The Python program that runs pySHACL (see its head for what it prints).
const RUNNER: &str = include_str!("shacl.py");

/// Where the shapes' own IRIs live, shortened to `shapes:` in reports.
const SHAPES_NS: &str = "https://w3id.org/unlod/shapes#";

/// The verdict on one file (or one graph of a file).
struct Verdict {
    /// How the report names it.
    name: String,
    /// Problems, one line each; none when it is valid.
    problems: Vec<String>,
}

/// Runs `unlod validate`.
pub fn run(args: ValidateArgs) -> ExitCode {
    let mut exts: Vec<&str> = batch::EXTENSIONS.to_vec();
    exts.extend_from_slice(sparql::RDF_EXTENSIONS);
    let (inputs, _skipped) = match batch::expand_with(&args.inputs, &exts) {
        Ok(x) => x,
        Err(e) => return usage("validate", format!("{e:#}")),
    };
    if inputs.is_empty() {
        return usage("validate", "no input files found (directories are searched for .xml and RDF files)");
    }
    let (akn, rest): (Vec<&Input>, Vec<&Input>) = inputs.iter().partition(|i| is_akn(i));
    let schema = if akn.is_empty() {
        None
    } else {
        match schema_path(args.schema.as_deref()) {
            Ok(p) => Some(p),
            Err(e) => return usage("validate", e),
        }
    };
    if let Some(s) = &args.shapes
        && !s.is_file()
    {
        return usage("validate", format!("--shapes {}: no such file", s.display()));
    }

    let mut verdicts: Vec<Verdict> = Vec::new();
    let mut failed = 0usize;
    if let Some(schema) = &schema {
        match validate_akn(&akn, schema) {
            Ok(v) => verdicts.extend(v),
            Err(e) => {
                eprintln!("unlod: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if !rest.is_empty() {
        match validate_rdf(&rest, &args) {
            Ok((v, f)) => {
                verdicts.extend(v);
                failed += f;
            }
            Err(e) => {
                eprintln!("unlod: {e}");
                return ExitCode::from(1);
            }
        }
    }

    let invalid = verdicts.iter().filter(|v| !v.problems.is_empty()).count();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written: io::Result<()> = (|| {
        for v in &verdicts {
            if v.problems.is_empty() {
                if !args.quiet {
                    writeln!(out, "{}: valid", v.name)?;
                }
            } else {
                for p in &v.problems {
                    writeln!(out, "{}: {p}", v.name)?;
                }
            }
        }
        out.flush()
    })();
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("unlod: {e}");
        return ExitCode::from(1);
    }
    let valid = verdicts.len() - invalid;
    eprintln!(
        "unlod: {valid} valid, {invalid} invalid{}",
        if failed > 0 { format!(", {failed} could not be read") } else { String::new() }
    );
    if invalid > 0 || failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// An Akoma Ntoso file: `.xml` (unlod writes `.akn.xml`).
fn is_akn(input: &Input) -> bool {
    input.path.as_ref().and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// The schema: `--schema`, else `$UNLOD_SHARED/akn-schema/akomantoso30.xsd`, else
/// `../shared/akn-schema/akomantoso30.xsd`.
fn schema_path(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = given {
        return if p.is_file() { Ok(p.to_path_buf()) } else { Err(format!("--schema {}: no such file", p.display())) };
    }
    let shared = std::env::var_os("UNLOD_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared"));
    let p = shared.join("akn-schema/akomantoso30.xsd");
    if p.is_file() {
        return Ok(p);
    }
    Err(format!(
        "the Akoma Ntoso schema is needed for .xml files and is not at {}: give --schema akomantoso30.xsd \
         (the OASIS Akoma Ntoso 3.0 schema, with xml.xsd beside it)",
        p.display()
    ))
}

/// Validates the AKN files with one xmllint run (the schema is parsed once).
fn validate_akn(inputs: &[&Input], schema: &Path) -> Result<Vec<Verdict>, String> {
    let files: Vec<&PathBuf> = inputs.iter().filter_map(|i| i.path.as_ref()).collect();
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema)
        .args(&files)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            format!("xmllint is needed to validate Akoma Ntoso (Debian: apt-get install libxml2-utils): {e}")
        })?;
    let report = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    if report.contains("failed to compile") {
        return Err(format!("xmllint could not read the schema {}:\n{report}", schema.display()));
    }
    Ok(inputs
        .iter()
        .filter_map(|i| i.path.as_ref().map(|p| (i, p.display().to_string())))
        .map(|(input, name)| {
            if report.lines().any(|l| l == format!("{name} validates")) {
                return Verdict { name: input.display.clone(), problems: Vec::new() };
            }
            let prefix = format!("{name}:");
            let mut problems: Vec<String> = report
                .lines()
                .filter_map(|l| l.strip_prefix(&prefix))
                .map(|rest| format!("line {}", rest.trim_start()))
                .collect();
            if problems.is_empty() {
                problems.push("not valid against the Akoma Ntoso schema".to_string());
            }
            Verdict { name: input.display.clone(), problems }
        })
        .collect())
}

/// A temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> io::Result<Scratch> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("unlod-validate-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Validates RDF files (and resolutions, converted to RDF) against the shapes. Returns the
/// verdicts and the number of inputs that could not be read.
fn validate_rdf(inputs: &[&Input], args: &ValidateArgs) -> Result<(Vec<Verdict>, usize), String> {
    let scratch = Scratch::new().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let dir = &scratch.0;
    let shapes = match &args.shapes {
        Some(p) => p.clone(),
        None => {
            let p = dir.join("shapes.ttl");
            std::fs::write(&p, SHAPES).map_err(|e| format!("{}: {e}", p.display()))?;
            p
        }
    };
    let ontology = dir.join("unlod.ttl");
    std::fs::write(&ontology, sparql::ONTOLOGY).map_err(|e| format!("{}: {e}", ontology.display()))?;

    let opts = PrepareOptions { export: ExportOptions::default(), ..Default::default() };
    let mut failed = 0;
    let mut graphs: Vec<(String, PathBuf)> = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        let bytes = match batch::read_input(input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: cannot read: {}", input.display, batch::io_reason(&e));
                failed += 1;
                continue;
            }
        };
        let name = input.path.as_ref().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or("stdin");
        let stem = batch::stem(name);
        let prepared = match sparql::prepare(name, stem, &bytes, &opts) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{}", e.with_path(&input.display));
                failed += 1;
                continue;
            }
        };
        let several = prepared.graphs.len() > 1;
        for (k, g) in prepared.graphs.iter().enumerate() {
            let label = match (several, g.iri()) {
                (true, Some(iri)) => format!("{} (graph <{iri}>)", input.display),
                (true, None) => format!("{} (default graph)", input.display),
                (false, _) => input.display.clone(),
            };
            let file = dir.join(format!("{n}-{k}.nt"));
            std::fs::write(&file, g.to_ntriples()).map_err(|e| format!("{}: {e}", file.display()))?;
            graphs.push((label, file));
        }
    }
    if graphs.is_empty() {
        return Ok((Vec::new(), failed));
    }
    let python = std::env::var("UNLOD_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut cmd = Command::new(&python);
    cmd.arg("-c").arg(RUNNER).arg(&shapes).arg(&ontology);
    for (k, (_, file)) in graphs.iter().enumerate() {
        // The runner names each file by what precedes '='; the index keeps names simple.
        let mut arg = std::ffi::OsString::from(format!("{k}="));
        arg.push(file);
        cmd.arg(arg);
    }
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| {
        format!("validating RDF needs Python 3 with pySHACL ({python}: {e}); install it with `python3 -m pip install pyshacl`")
    })?;
    if out.status.code() == Some(3) {
        return Err(format!(
            "validating RDF needs pySHACL: install it with `python3 -m pip install pyshacl` ({})",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let mut verdicts: Vec<Verdict> = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else { continue };
        let k: usize = v.get("file").and_then(Value::as_str).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
        let Some((label, _)) = graphs.get(k) else { continue };
        let problems =
            v.get("results").and_then(Value::as_array).map(|rs| rs.iter().map(describe).collect()).unwrap_or_default();
        let conforms = v.get("conforms").and_then(Value::as_bool).unwrap_or(false);
        let problems = if !conforms && Vec::is_empty(&problems) {
            vec!["does not conform to the shapes".to_string()]
        } else {
            problems
        };
        verdicts.push(Verdict { name: label.clone(), problems });
    }
    if verdicts.len() != graphs.len() {
        return Err(format!(
            "pySHACL stopped after {} of {} graphs (exit status {}): {}",
            verdicts.len(),
            graphs.len(),
            out.status.code().map_or_else(|| "killed".to_string(), |c| c.to_string()),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok((verdicts, failed))
}

/// `prefix:local` for an IRI in angle brackets under a known prefix; other terms as they are.
fn short(term: &str) -> String {
    if let Some(inverse) = term.strip_prefix('^') {
        return format!("^{}", short(inverse));
    }
    // A typed literal: its datatype shortened.
    if term.starts_with('"')
        && let Some((lexical, datatype)) = term.rsplit_once("^^")
    {
        return format!("{lexical}^^{}", short(datatype));
    }
    let Some(iri) = term.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return term.to_string();
    };
    if let Some(local) = iri.strip_prefix(SHAPES_NS) {
        return format!("shapes:{local}");
    }
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns)
            && !local.is_empty()
            && !local.contains(['/', '#'])
        {
            return format!("{p}:{local}");
        }
    }
    term.to_string()
}

/// One SHACL result as a line: focus node, shape, path, message, value.
fn describe(r: &Value) -> String {
    let get = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("");
    let mut s = format!("{} violates {}", short(get("focus")), short(get("shape")));
    let path = get("path");
    if !path.is_empty() {
        let p: Vec<String> = path.split('|').map(short).collect();
        s.push_str(&format!(" at {}", p.join("|")));
    }
    s.push_str(&format!(": {}", get("message")));
    let value = get("value");
    if !value.is_empty() && value != get("focus") {
        s.push_str(&format!(" (value {})", short(value)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_shortened_by_the_known_prefixes() {
        assert_eq!(short("<https://w3id.org/unlod/ontology#votesInFavour>"), "unlod:votesInFavour");
        assert_eq!(short("<https://w3id.org/unlod/shapes#Vote>"), "shapes:Vote");
        assert_eq!(short("<https://example.org/a/b>"), "<https://example.org/a/b>");
        assert_eq!(short("\"x\"@en"), "\"x\"@en");
        assert_eq!(short("^<http://data.europa.eu/eli/ontology#has_part>"), "^eli:has_part");
        assert_eq!(short("\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>"), "\"12\"^^xsd:integer");
    }

    #[test]
    fn a_result_reads_as_one_line() {
        let r = serde_json::json!({
            "focus": "<https://example.org/v>", "shape": "<https://w3id.org/unlod/shapes#Vote>",
            "path": "<https://w3id.org/unlod/ontology#votesInFavour>", "value": "\"x\"",
            "message": "votes in favour: one xsd:integer"
        });
        assert_eq!(
            describe(&r),
            "<https://example.org/v> violates shapes:Vote at unlod:votesInFavour: votes in favour: one xsd:integer (value \"x\")"
        );
    }
}
