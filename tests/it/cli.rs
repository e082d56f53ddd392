//! The command line (DESIGN §3): formats, output files, exit status, error messages.

use crate::util::{TempDir, root, seed_path, unlod, unlod_stdin};
use std::fs;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn convert_prints_turtle_by_default() {
    let o = unlod(&root(), &["convert", "examples/ecosoc-2011-31.md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ttl = String::from_utf8(o.stdout).unwrap();
    assert!(ttl.starts_with("PREFIX unlod: <https://w3id.org/unlod/ontology#>"));
    assert!(ttl.contains("a unlod:Resolution"));
}

#[test]
fn each_format_on_stdout() {
    for (f, needle) in [
        ("akn", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"),
        ("ntriples", "<https://w3id.org/unlod/ontology#OperativeParagraph>"),
        ("nquads", "/eng@2011-07-28>"),
        ("jsonld", "\"@context\""),
        ("json", "\"symbol\": \"E/RES/2011/31\""),
    ] {
        let o = unlod(&root(), &["convert", "-f", f, "examples/ecosoc-2011-31.md"]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains(needle), "{f} output lacks {needle:?}");
    }
}

#[test]
fn out_dir_writes_turtle_and_akn_named_after_the_input() {
    let dir = TempDir::new("out-dir");
    let out = dir.path().join("out");
    let o = unlod(&root(), &["convert", "-o", out.to_str().unwrap(), seed_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["ecosoc-2011-31.akn.xml", "ecosoc-2011-31.ttl"]);
    assert!(stderr(&o).contains("1 converted, 0 failed"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = unlod(&root(), &["convert", "-f", "akn", "examples/ecosoc-2011-31.md"]).stdout;
    let b = unlod_stdin(&root(), &["convert", "-f", "akn", "-"], &fs::read(seed_path()).unwrap()).stdout;
    assert_eq!(a, b, "file and stdin give the same AKN");
    let t1 = unlod(&root(), &["convert", "examples/ecosoc-2011-31.md"]).stdout;
    let t2 = unlod(&root(), &["convert", "-j", "1", "examples/ecosoc-2011-31.md"]).stdout;
    assert_eq!(t1, t2);
}

/// Each bad input: (file name, content, expected stderr line).
const BAD: &[(&str, &[u8], &str)] = &[
    ("empty.md", b"", "empty.md:1: expected the text of a resolution, found an empty file"),
    ("blank.md", b"  \n\n\t\n", "blank.md:1: expected the text of a resolution, found an empty file"),
    (
        "letter.txt",
        b"Dear Sir,\n\nI have the honour to transmit the attached report.\n\nYours sincerely,\n",
        "letter.txt:1: expected a resolution: an enacting formula such as \"The General Assembly,\" followed by paragraphs, or numbered operative paragraphs; found neither",
    ),
    (
        "latin1.md",
        b"*The General Assembly*,\n\n*Recalling* C\xf4te d'Ivoire,\n",
        "latin1.md:3: expected UTF-8 text, found the byte 0xF4 at column 14",
    ),
];

#[test]
fn bad_inputs_get_file_line_and_what_was_expected() {
    let dir = TempDir::new("bad-inputs");
    for (name, content, want) in BAD {
        fs::write(dir.path().join(name), content).unwrap();
        let o = unlod(dir.path(), &["convert", name]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).starts_with(want), "{name}: got {:?}, want {want:?}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let o = unlod(dir.path(), &["convert", "missing.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("missing.md: cannot read: no such file"), "{}", stderr(&o));
}

#[test]
fn a_batch_converts_the_other_files_and_exits_1() {
    let dir = TempDir::new("batch");
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::copy(seed_path(), input.join("a.md")).unwrap();
    fs::write(input.join("b.md"), b"").unwrap();
    fs::copy(seed_path(), input.join("sub/c.md")).unwrap();
    fs::write(input.join("notes.pdf"), b"%PDF").unwrap();
    let o = unlod(dir.path(), &["convert", "-o", "out", "in"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("in/b.md:1: expected the text of a resolution"), "{err}");
    assert!(err.contains("2 converted, 1 failed, 1 skipped"), "{err}");
    for f in ["out/a.ttl", "out/a.akn.xml", "out/sub/c.ttl", "out/sub/c.akn.xml"] {
        assert!(dir.path().join(f).is_file(), "{f} is missing");
    }
    assert!(!dir.path().join("out/b.ttl").exists(), "no output for the failed input");
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["convert", "-f", "turtle", "-f", "akn", "examples/ecosoc-2011-31.md"][..],
        &["convert", "examples/ecosoc-2011-31.md", "examples/ecosoc-2011-31.md"],
        &["convert", "--base", "not an iri", "examples/ecosoc-2011-31.md"],
        &["convert", "-f", "rdfxml", "examples/ecosoc-2011-31.md"],
        &["convert"],
    ] {
        let o = unlod(&root(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn ntriples_concatenates_several_inputs() {
    let one = unlod(&root(), &["convert", "-f", "ntriples", "examples/ecosoc-2011-31.md"]).stdout;
    let o = unlod(&root(), &["convert", "-f", "ntriples", "examples/ecosoc-2011-31.md", "examples/ecosoc-2011-31.md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout.len(), 2 * one.len());
}
