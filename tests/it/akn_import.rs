//! Reading Akoma Ntoso: the UN's own AKN4UN files of `../shared/corpus/texts` import without
//! error and give the counts of `expected.json`; our own AKN output reads back to the model it
//! was written from (the round trip); hostile AKN (an external entity, a billion laughs,
//! 10,000 nested elements) ends quickly with a result or a clear error.
//!
//! **The round-trip comparison.** The model read from a text is written as AKN, the AKN is
//! read back, and the two models are compared as JSON after [`comparable`]: every `span` is
//! removed (spans point into the source, which differs: Markdown on one side, XML on the
//! other), and nothing else. Every other field — meta, bodies, clauses, lead phrases,
//! numbers, points, footnotes and their calls, styles, annexes, parts, embedded documents,
//! conclusions, votes, actors, instruments — must be equal.

use crate::util::{seed_path, shared, shared_file};
use serde_json::Value;
use std::path::{Path, PathBuf};
use unlod::export::{ExportOptions, OutputFormat, write};
use unlod::{ConvertOptions, ErrorKind, Format, Resolution, convert};

fn read_akn(bytes: &[u8]) -> Result<unlod::Converted, unlod::Error> {
    convert(bytes, &ConvertOptions { from: Some(Format::Akn), lossy: false })
}

/// A model as JSON without its spans: what a round trip must keep.
pub fn comparable(res: &Resolution) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("span");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(res).unwrap();
    strip(&mut v);
    v
}

/// Where two JSON values first differ, as a path and the two values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(va), Some(vb)) => first_difference(va, vb, &format!("{path}.{k}")),
                (va, vb) => Some(format!("{path}.{k}: {va:?} vs {vb:?}")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]")))
        }
        _ if a == b => None,
        _ => {
            let clip = |v: &Value| v.to_string().chars().take(300).collect::<String>();
            Some(format!("{path}: {} vs {}", clip(a), clip(b)))
        }
    }
}

/// Text, AKN written from it, the AKN read back: the first difference, if any.
fn round_trip(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).unwrap();
    let Ok(first) = convert(&bytes, &ConvertOptions::default()) else { return None };
    let mut akn = Vec::new();
    write(&first.resolution, OutputFormat::Akn, &ExportOptions::default(), &mut akn).unwrap();
    let back = match read_akn(&akn) {
        Ok(c) => c.resolution,
        Err(e) => return Some(format!("{}: the AKN does not read back: {e}", path.display())),
    };
    first_difference(&comparable(&first.resolution), &comparable(&back), "").map(|d| format!("{}: {d}", path.display()))
}

fn corpus_texts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus/texts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    files.sort();
    files.push(seed_path());
    files
}

#[test]
fn every_corpus_text_survives_the_round_trip_through_our_akn() {
    let failures: Vec<String> = corpus_texts().iter().filter_map(|p| round_trip(p)).collect();
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), corpus_texts().len(), failures.join("\n"));
}

/// The bulk set: `UNLOD_BULK` if set (an unpacked `visible/`), else unpacked from
/// `../shared/corpus/bulk-visible.tar.zst` into `unpacked`.
fn bulk_dir(unpacked: &crate::util::TempDir) -> PathBuf {
    match std::env::var_os("UNLOD_BULK") {
        Some(d) => PathBuf::from(d),
        None => {
            let tar = shared().join("corpus/bulk-visible.tar.zst");
            assert!(tar.is_file(), "{} is missing", tar.display());
            let st = std::process::Command::new("tar")
                .args(["--zstd", "-xf"])
                .arg(&tar)
                .arg("-C")
                .arg(unpacked.path())
                .status()
                .expect("tar (and zstd) are needed: scripts/test.sh installs them");
            assert!(st.success(), "cannot unpack {}", tar.display());
            unpacked.path().join("visible")
        }
    }
}

/// The document folders of the bulk set, sorted.
fn bulk_docs(dir: &Path) -> Vec<PathBuf> {
    let mut docs = Vec::new();
    for body in ["GA", "SC", "HRC", "ECOSOC"] {
        let rd = std::fs::read_dir(dir.join(body)).unwrap_or_else(|e| panic!("{}/{body}: {e}", dir.display()));
        docs.extend(rd.map(|e| e.unwrap().path()));
    }
    docs.sort();
    assert!(docs.len() > 2000, "expected the 2,390 documents of the bulk set, found {}", docs.len());
    docs
}

/// The clean.md of every one of the bulk set's 2,390 documents through the round trip
/// (about 10 s in release).
#[test]
fn the_bulk_set_survives_the_round_trip() {
    let unpacked = crate::util::TempDir::new("bulk");
    let dir = bulk_dir(&unpacked);
    let docs: Vec<PathBuf> = bulk_docs(&dir).into_iter().map(|d| d.join("clean.md")).collect();
    let failures: Vec<String> = docs.iter().filter_map(|p| round_trip(p)).collect();
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), docs.len(), failures.join("\n"));
}

use crate::corpus::check;

/// Every `source.akn.xml` of the bulk set imports without error and gives the counts, meeting
/// and date of its `expected.json`, except where `tests/bulk-import-known.tsv` names the
/// source defect that explains the difference. A listed field that agrees fails the test.
#[test]
fn every_un_akn_file_of_the_bulk_set_imports_and_matches_expected_json() {
    let unpacked = crate::util::TempDir::new("bulk-import");
    let dir = bulk_dir(&unpacked);
    let known = crate::corpus::known("tests/bulk-import-known.tsv");
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for d in bulk_docs(&dir) {
        let name = d.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        let res = match read_akn(&std::fs::read(d.join("source.akn.xml")).unwrap()) {
            Ok(c) => c.resolution,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let v: Value = serde_json::from_slice(&std::fs::read(d.join("expected.json")).unwrap()).unwrap();
        for m in check::check(&res, &check::Expect::from_json(&v)) {
            if known.contains(&(name.clone(), m.field.to_string())) {
                seen.push((name.clone(), m.field));
            } else {
                failures.push(format!("{name}: {} want {} got {}", m.field, m.want, m.got));
            }
        }
    }
    for (doc, field) in &known {
        if !seen.iter().any(|(d, f)| d == doc && f == field) {
            failures.push(format!("{doc}: {field} now agrees; remove it from tests/bulk-import-known.tsv"));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The UN's own AKN4UN files of `corpus/texts` against `expected.json` of the text rendered
/// from each (`NAME.akn.xml` ↔ `NAME.md`): they import without error, and give its counts,
/// meeting and date.
#[test]
fn every_un_akn_file_of_the_corpus_imports_and_matches_expected_json() {
    let exp: Value = serde_json::from_slice(&std::fs::read(shared_file("corpus/expected.json")).unwrap()).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus/texts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".akn.xml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected the UN's AKN files in corpus/texts, found {}", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().replace(".akn.xml", ".md");
        let bytes = std::fs::read(f).unwrap();
        let res = match read_akn(&bytes) {
            Ok(c) => c.resolution,
            Err(e) => {
                failures.push(format!("{}: {e}", f.display()));
                continue;
            }
        };
        let Some(v) = exp.get(&name) else { continue };
        for m in check::check(&res, &check::Expect::from_json(v)) {
            failures.push(format!("{name} (AKN): {} want {} got {}", m.field, m.want, m.got));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The UN's defects are reported as warnings and not copied: eIds by position, `FRBRthis`
/// ending in `/`, workflow steps dated 0001-01-01; the vote and its States come from
/// `<analysis>`; subjects from `<classification>`.
#[test]
fn un_defects_are_warnings_and_metadata_is_read() {
    let bytes = std::fs::read(shared_file("corpus/texts/sc-S-RES-2334-2016.akn.xml")).unwrap();
    let c = read_akn(&bytes).unwrap();
    let w: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    let has = |s: &str| w.iter().any(|x| x.contains(s));
    assert!(has("ends with '/'"), "{w:?}");
    assert!(has("0001-01-01"), "{w:?}");
    assert!(has("by position"), "{w:?}");
    assert!(c.warnings.iter().all(|w| w.line.is_some()), "every warning has its line: {w:?}");
    let r = &c.resolution;
    let v = r.adoption.vote.as_ref().expect("the recorded vote");
    assert!(v.from_metadata);
    assert_eq!((v.in_favour, v.abstentions), (Some(14), Some(1)));
    let usa = &r.actors[v.voters.abstaining[0]];
    assert_eq!(usa.key, "USA", "{usa:?}");
    assert!(r.workflow.iter().all(|s| s.date.is_none_or(|d| d.year() > 1)));
    // Our IRIs follow DESIGN §4 whatever the source says: para_N by printed number.
    let mut akn = Vec::new();
    write(r, OutputFormat::Akn, &ExportOptions::default(), &mut akn).unwrap();
    let akn = String::from_utf8(akn).unwrap();
    assert!(akn.contains("eId=\"para_13\""), "printed numbers in eIds");
    assert!(!akn.contains("!main/\""), "no FRBRthis with a trailing slash");
}

#[test]
fn subjects_of_the_classification_are_exported_as_dcterms_subject() {
    let bytes = std::fs::read(shared_file("corpus/texts/ga-A-RES-75-1.akn.xml")).unwrap();
    let r = read_akn(&bytes).unwrap().resolution;
    assert!(r.subjects.iter().any(|s| s.iri == "http://metadata.un.org/sdg/1"), "{:?}", r.subjects);
    let mut nt = Vec::new();
    write(&r, OutputFormat::Ntriples, &ExportOptions::default(), &mut nt).unwrap();
    let nt = String::from_utf8(nt).unwrap();
    assert!(nt.contains("<http://purl.org/dc/terms/subject> <http://metadata.un.org/sdg/1>"));
}

/// A hostile input, converted. Each test asserts the refusal and where it is found (the
/// DTD's line, before any entity could be expanded), not a time: performance is measured
/// in the benchmarks, and a hang fails the CI job's time limit.
fn hostile(xml: &str) -> Result<unlod::Converted, unlod::Error> {
    convert(xml.as_bytes(), &ConvertOptions::default())
}

#[test]
fn an_external_entity_is_never_read() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n\
               <akomaNtoso><statement name=\"resolution\"><mainBody><paragraph><num>1.</num><content><p>&xxe;</p>\
               </content></paragraph></mainBody></statement></akomaNtoso>\n";
    let r = hostile(xml);
    let e = r.expect_err("a DTD is refused");
    assert_eq!(e.kind(), ErrorKind::Xml);
    assert_eq!(e.line(), Some(2), "{e}");
    assert!(!e.to_string().contains("root:"), "{e}");
    // Without a DTD, the reference is unknown: dropped with a warning, never expanded.
    let xml = "<akomaNtoso><statement name=\"resolution\"><mainBody><paragraph><num>1.</num><content><p>Decides &xxe; now</p>\
               </content></paragraph></mainBody></statement></akomaNtoso>";
    let c = convert(xml.as_bytes(), &ConvertOptions::default()).unwrap();
    let json = serde_json::to_string(&c.resolution).unwrap();
    assert!(!json.contains("root:") && !json.contains("xxe"), "{json}");
    assert!(c.warnings.iter().any(|w| w.message.contains("&xxe;")), "{:?}", c.warnings);
}

#[test]
fn a_billion_laughs_is_refused_quickly() {
    let mut dtd = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    dtd.push_str("]>\n<akomaNtoso><statement><mainBody><p>&lol9;</p></mainBody></statement></akomaNtoso>\n");
    let r = hostile(&dtd);
    let e = r.expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::Xml, "{e}");
    assert_eq!(e.line(), Some(2), "{e}");
}

#[test]
fn ten_thousand_nested_elements_are_refused_with_their_line() {
    let mut xml = String::from("<akomaNtoso>\n<statement name=\"resolution\">\n<mainBody>\n");
    xml.push_str(&"<p>\n".repeat(10_000));
    xml.push_str(&"</p>".repeat(10_000));
    xml.push_str("</mainBody></statement></akomaNtoso>\n");
    let r = hostile(&xml);
    let e = r.expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    // The element that goes one level too deep: the akomaNtoso, statement and mainBody
    // lines, then one <p> a line.
    assert_eq!(e.line(), Some(4 + unlod::import::akn::MAX_DEPTH - 3), "{e}");
}

#[test]
fn the_command_line_names_file_and_line_for_bad_akn() {
    let dir = crate::util::TempDir::new("akn-bad");
    let f = dir.path().join("bad.akn.xml");
    std::fs::write(&f, "<?xml version=\"1.0\"?>\n<akomaNtoso>\n<statement>\n<mainBody>\n<p>open</mainBody>\n").unwrap();
    let out = crate::util::unlod(dir.path(), &["convert", "bad.akn.xml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.akn.xml:5:"), "{err}");
}

/// Fuzzing regression (`fuzz/fuzz_targets/read_akn.rs`): a keyword whose href is no valid
/// IRI made invalid Turtle. It is now dropped with a warning, and every output parses.
#[test]
fn fuzz_regression_a_keyword_href_that_is_no_iri_is_dropped() {
    let xml = "<akomaNtoso><statement name=\"resolution\"><meta><classification source=\"x\">\
               <keyword value=\"2\" href=\"http://metadata.un.o8572nd meetingrg/sdg/2\" showAs=\"sdg_2\"/>\
               <keyword value=\"1\" href=\"http://metadata.un.org/sdg/1\" showAs=\"sdg_1\"/>\
               </classification></meta><mainBody><paragraph><num>1.</num><content><p>Decides to remain seized.</p>\
               </content></paragraph></mainBody></statement></akomaNtoso>";
    let c = read_akn(xml.as_bytes()).unwrap();
    assert_eq!(c.resolution.subjects.len(), 1);
    assert!(c.warnings.iter().any(|w| w.message.contains("not a valid IRI")));
    let mut ttl = Vec::new();
    write(&c.resolution, OutputFormat::Turtle, &ExportOptions::default(), &mut ttl).unwrap();
    let store = oxigraph::store::Store::new().unwrap();
    store.load_from_slice(oxigraph::io::RdfFormat::Turtle, &ttl).unwrap();
}

/// Fuzzing regression (`fuzz/fuzz_targets/read_akn.rs`, found in CI on 2026-11-29): an
/// `FRBRlanguage` that is no language code ("en\u{FFFD}g" after a bad byte read with
/// `--lossy`) went into every language tag of the Turtle, which no parser accepts. It is now
/// refused with a warning and the text taken as English.
#[test]
fn fuzz_regression_a_language_that_is_no_code_is_not_written_as_a_tag() {
    let xml = "<akomaNtoso><statement name=\"resolution\"><meta><identification source=\"#x\">\
               <FRBRExpression><FRBRlanguage language=\"en\u{FFFD}g\"/></FRBRExpression></identification></meta>\
               <mainBody><paragraph><num>1.</num><content><p>Decides to remain seized.</p>\
               </content></paragraph></mainBody></statement></akomaNtoso>";
    let c = read_akn(xml.as_bytes()).unwrap();
    assert_eq!(c.resolution.meta.language, "en");
    assert!(c.warnings.iter().any(|w| w.message.contains("is no language code")), "{:?}", c.warnings);
    let mut ttl = Vec::new();
    write(&c.resolution, OutputFormat::Turtle, &ExportOptions::default(), &mut ttl).unwrap();
    let store = oxigraph::store::Store::new().unwrap();
    store.load_from_slice(oxigraph::io::RdfFormat::Turtle, &ttl).unwrap();
}
