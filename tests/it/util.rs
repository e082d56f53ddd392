//! Shared helpers: where ../shared is, converting files, running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unlod::{ConvertOptions, Resolution, convert};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared folder: `$UNLOD_SHARED`, else `../shared` beside the project. Fails, saying what
/// is missing and where it comes from, when it is absent.
pub fn shared() -> PathBuf {
    let dir = std::env::var_os("UNLOD_SHARED").map(PathBuf::from).unwrap_or_else(|| root().join("../shared"));
    assert!(
        dir.join("corpus").is_dir(),
        "the shared corpus is missing at {}: set UNLOD_SHARED to the folder that holds corpus/, akn-schema/ and vocab/ \
         (the project's ../shared, distributed with the project's CI; see README.md, \"Test data\")",
        dir.display()
    );
    dir
}

/// A file of the shared folder.
pub fn shared_file(rel: &str) -> PathBuf {
    let p = shared().join(rel);
    assert!(p.exists(), "missing {}: expected it in the shared folder (see README.md, \"Test data\")", p.display());
    p
}

/// The example resolution.
pub fn seed_path() -> PathBuf {
    root().join("examples/ecosoc-2011-31.md")
}

/// Converts a file to the model, failing the test on error.
pub fn model(path: &Path) -> Resolution {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match convert(&bytes, &ConvertOptions::default()) {
        Ok(c) => c.resolution,
        Err(e) => panic!("{}", e.with_path(path.display().to_string())),
    }
}

/// The gold facts of the example.
pub fn gold() -> serde_json::Value {
    let p = shared_file("corpus/seed/ecosoc-2011-31.gold.json");
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// Runs the `unlod` binary with `args` in `dir`.
pub fn unlod(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unlod")).args(args).current_dir(dir).output().expect("the unlod binary runs")
}

/// Runs the `unlod` binary with `input` on standard input.
pub fn unlod_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_unlod"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the unlod binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A fresh temporary directory, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new empty directory named after the test.
    pub fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("unlod-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Validates many AKN files with one xmllint run (the schema is parsed once); returns the
/// report of each file that fails.
pub fn xmllint_many(files: &[PathBuf]) -> Vec<(PathBuf, String)> {
    if files.is_empty() {
        return Vec::new();
    }
    let schema = shared_file("akn-schema/akomantoso30.xsd");
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed to validate AKN (Debian: apt-get install libxml2-utils): {e}"));
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    files
        .iter()
        .filter(|f| !report.contains(&format!("{} validates", f.display())))
        .map(|f| {
            let name = f.display().to_string();
            let lines: Vec<&str> = report.lines().filter(|l| l.starts_with(&name)).collect();
            (f.clone(), lines.join("\n"))
        })
        .collect()
}

/// Validates an AKN file with xmllint against the OASIS schema; returns xmllint's report
/// when it fails.
pub fn xmllint(file: &Path) -> Result<(), String> {
    let schema = shared_file("akn-schema/akomantoso30.xsd");
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed to validate AKN (Debian: apt-get install libxml2-utils): {e}"));
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}
