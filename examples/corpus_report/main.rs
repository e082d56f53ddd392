//! Runs unlod over the real corpus and reports every mismatch with `expected.json`.
//!
//! ```text
//! cargo run --release --example corpus_report -- texts [SHARED]   # → reports/texts.md
//! cargo run --release --example corpus_report -- bulk DIR         # → reports/bulk.md
//! cargo run --release --example corpus_report -- agree DIR        # → reports/akn-agreement.md
//! cargo run --release --example corpus_report -- links DIR        # → reports/links-corpus.md
//! ```
//! DIR is the unpacked bulk set (`tar --zstd -xf ../shared/corpus/bulk-visible.tar.zst`,
//! then `DIR=visible`). For the bulk set both `clean.md` and `paged.md` are converted and
//! checked, and the two models are compared.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod agree;
mod check;
mod links;

use check::{Expect, check};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unlod::{ConvertOptions, Resolution, convert};

pub fn model(path: &Path) -> Result<Resolution, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    convert(&bytes, &ConvertOptions::default()).map(|c| c.resolution).map_err(|e| e.to_string())
}

/// A model with spans removed, as JSON, for comparing two readings of one document.
pub fn shape(res: &Resolution) -> Value {
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

/// Where two JSON values first differ.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let p = format!("{path}.{k}");
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(va, vb, &p) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{p} missing")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path}: {} items vs {}", x.len(), y.len()));
            }
            x.iter().zip(y).enumerate().find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]")))
        }
        _ if a == b => None,
        (Value::String(x), Value::String(y)) => {
            let at = x
                .char_indices()
                .zip(y.chars())
                .find(|((_, c), d)| c != d)
                .map_or(x.len().min(y.len()), |((i, _), _)| i);
            let from = x.get(..at).and_then(|p| p.char_indices().rev().nth(40)).map_or(0, |(i, _)| i);
            let clip = |s: &str| s.get(from..).unwrap_or("").chars().take(100).collect::<String>();
            Some(format!("{path} at byte {at}: «{}» vs «{}»", clip(x), clip(y)))
        }
        _ => {
            let s = |v: &Value| {
                let t = v.to_string();
                if t.len() > 160 {
                    format!("{}…", &t[..t.char_indices().nth(160).map_or(t.len(), |c| c.0)])
                } else {
                    t
                }
            };
            Some(format!("{path}: {} vs {}", s(a), s(b)))
        }
    }
}

/// The plain text of a `<paragraph` piece of the XML (the piece starts after the tag's name).
fn paragraph_text(piece: &str, strip: &dyn Fn(&str) -> String) -> String {
    strip(piece.split("</paragraph>").next().unwrap_or("").split_once('>').map_or("", |x| x.1))
}

/// Preambular paragraphs (opening with a participle, or ending with a comma as preambular
/// paragraphs do: "*With consideration* to … Chapter VI …," in S/RES/2107 (2013)) that the
/// XML puts in mainBody before its first numbered paragraph.
fn check_preamble_in_main(body: &str, strip: &dyn Fn(&str) -> String) -> i64 {
    body.split("<paragraph")
        .skip(1)
        .take_while(|p| !p.get(..300).unwrap_or(p).contains("<num>"))
        .map(|p| paragraph_text(p, strip))
        .filter(|t| t.split_whitespace().next().is_some_and(|w| w.ends_with("ing")) || t.ends_with(','))
        .count() as i64
}

/// Why a mismatch is a defect of the source XML (from which expected.json was read) rather
/// than of unlod, when the evidence can be read mechanically; `None` otherwise.
pub fn explain(field: &str, want: &str, got: &str, res: &Resolution, v: &Value, xml: &str) -> Option<String> {
    let body = xml.get(xml.find("<mainBody")?..xml.find("</mainBody>")?)?;
    let preamble = xml.find("<preamble").and_then(|a| xml.get(a..xml.find("</preamble>")?)).unwrap_or("");
    let strip = |s: &str| {
        let mut out = String::new();
        let mut tag = false;
        for c in s.chars() {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (w, g) = (want.parse::<i64>().ok(), got.parse::<i64>().ok());
    // An annex the XML puts inside mainBody (S/RES/2228 (2015): "Annex A: UNAMID
    // benchmarks"): unlod reads an annex, whose items the resolution's counts leave out.
    let annex_in_body = v.get("annex").and_then(Value::as_bool) == Some(false)
        && res.annexes.iter().any(|a| !a.label.is_empty() && strip(body).contains(a.label.as_str()));
    if annex_in_body && matches!(field, "subparagraphs" | "operative_numbered" | "operative_unnumbered") {
        return Some("source defect: an annex placed inside the XML's mainBody; unlod reads it as an annex, whose items are not the resolution's".to_string());
    }
    // Paragraph 1 numbered "l." (the letter) in the XML: expected.json counts it as a
    // lettered sub-paragraph; both readers read it as paragraph 1 (A/RES/76/256).
    let letter_l = body.matches("<num>l.</num>").count() as i64;
    if letter_l > 0
        && ((field == "operative_numbered" && g? - w? == letter_l) || (field == "subparagraphs" && w? - g? == letter_l))
    {
        return Some("expected.json defect: the XML numbers paragraph 1 \"l.\" (a letter), which it counts as a sub-paragraph; unlod reads paragraph 1".to_string());
    }
    // A paragraph holding only a rule ("-----"), which expected.json counts as an operative
    // paragraph; unlod drops it (S/RES/1290 (2000)).
    let rules = body
        .split("<paragraph")
        .skip(1)
        .map(|p| paragraph_text(p, &strip))
        .filter(|t| !t.is_empty() && !t.chars().any(char::is_alphanumeric))
        .count() as i64;
    if rules > 0 && field == "operative_unnumbered" && w? - g? == rules {
        return Some(format!(
            "expected.json defect: it counts {rules} paragraph(s) holding only a rule (\"-----\") as operative paragraphs; unlod drops them"
        ));
    }
    match field {
        "date" => {
            let printed = v.get("adoption_date_printed")?.as_str()?;
            let (d, _) = unlod::recognize::dates::first_date(printed, "en")?;
            (got.contains(&d.to_string())).then(|| {
                format!("source defect: the XML's docDate says {want} but the text prints \"{printed}\" (unlod reads {d})")
            })
        }
        "preambular" => {
            let (w, g) = (w?, g?);
            // Preambular paragraphs the XML puts in mainBody, unnumbered.
            let in_main = check_preamble_in_main(body, &strip);
            // A preambular paragraph the XML splits in two containers, the second opening in
            // lower case (unlod joins them, as the counting rules say).
            let split = preamble
                .split("<container")
                .skip(1)
                .map(|c| strip(c.split("</container>").next().unwrap_or("").split_once('>').map_or("", |x| x.1)))
                .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
                .count() as i64;
            if in_main > 0 && g - w == in_main {
                Some(format!("source defect: {in_main} preambular paragraph(s) placed in the XML's mainBody, unnumbered"))
            } else if split > 0 && w - g == split {
                Some(format!("source defect: {split} preambular paragraph(s) split in two containers by the XML, the second opening in lower case"))
            } else {
                None
            }
        }
        "operative_unnumbered"
            if {
                // The preambular paragraph the XML put in mainBody counts there as unnumbered.
                let m = check_preamble_in_main(body, &strip);
                m > 0 && w? - g? == m
            } =>
        {
            Some("source defect: the preambular paragraph(s) placed in the XML's mainBody count there as unnumbered operative paragraphs".to_string())
        }
        "operative_numbered" | "operative_unnumbered" => {
            let decl = res
                .operative()
                .into_iter()
                .flat_map(|c| c.embedded.iter())
                .find(|e| e.kind == unlod::model::DocKind::Declaration)?;
            let c = unlod::model::counts::Counts::of(&decl.body);
            let n = if field == "operative_numbered" { c.operative_numbered } else { c.operative_unnumbered + 1 } as i64;
            (w? - g? == n || w? == n).then(|| {
                "expectation counts an embedded declaration as the resolution's own paragraphs (the XML puts it in mainBody); the counting rules count it apart".to_string()
            })
        }
        "subparagraphs" => {
            // Points the XML labels "ii)", "xiv)" (Roman, closing parenthesis only): the tool
            // that wrote expected.json did not count them, and flags the file.
            let flagged = v.get("flags").and_then(Value::as_array).is_some_and(|f| {
                f.iter().any(|x| x.as_str() == Some("paragraph_num_not_counted"))
            });
            let uncounted = body
                .split("<num>")
                .skip(1)
                .filter_map(|n| n.split_once("</num>").map(|x| x.0.trim()))
                .filter(|n| {
                    n.strip_suffix(')').is_some_and(|r| r.len() > 1 && r.chars().all(|c| "ivxlc".contains(c)))
                })
                .count() as i64;
            (flagged && uncounted > 0 && g? - w? == uncounted).then(|| {
                format!("expected.json defect: it leaves out {uncounted} point(s) the XML labels \"ii)\", \"xiv)\" (its flag paragraph_num_not_counted); both readers read them")
            })
        }
        _ => None,
    }
}

fn texts(shared: &Path) {
    let exp: Value = serde_json::from_slice(&std::fs::read(shared.join("corpus/expected.json")).unwrap()).unwrap();
    let mut lines = String::new();
    let mut ok = 0;
    let mut total = 0;
    for (name, v) in exp.as_object().unwrap() {
        if name.starts_with('_') {
            continue;
        }
        total += 1;
        let path = shared.join("corpus/texts").join(name);
        match model(&path) {
            Err(e) => writeln!(lines, "- **{name}**: error: {e}").unwrap(),
            Ok(res) => {
                let m = check(&res, &Expect::from_json(v));
                if m.is_empty() {
                    ok += 1;
                } else {
                    let list: Vec<String> =
                        m.iter().map(|m| format!("{} want {} got {}", m.field, m.want, m.got)).collect();
                    writeln!(lines, "- **{name}**: {}", list.join("; ")).unwrap();
                }
            }
        }
    }
    let summary = format!("{ok} of {total} documents match expected.json");
    println!("{summary}");
    let mut report = format!(
        "# unlod on corpus/texts\n\nGenerated by `cargo run --release --example corpus_report -- texts`.\n\n{summary}.\n\n## Mismatches\n\n{lines}\n## Why (tests/corpus-known.tsv)\n\n"
    );
    let known = std::fs::read_to_string("tests/corpus-known.tsv").unwrap_or_default();
    for l in known.lines().filter(|l| !l.starts_with('#')).skip(1) {
        if let [doc, field, reason] = l.split('\t').collect::<Vec<_>>().as_slice() {
            writeln!(report, "- **{doc}** {field}: {reason}").unwrap();
        }
    }
    std::fs::create_dir_all("reports").unwrap();
    std::fs::write("reports/texts.md", report).unwrap();
}

/// What the report found for one bulk document.
struct DocResult {
    name: String,
    lines: Vec<String>,
    clean_ok: bool,
    paged_ok: bool,
    same: bool,
    error: bool,
    explained: bool,
}

#[derive(Default)]
struct Tally {
    docs: usize,
    clean_ok: usize,
    paged_ok: usize,
    same: usize,
    errors: usize,
    explained: usize,
    by_field: BTreeMap<String, usize>,
}

fn bulk(dir: &Path) {
    let mut docs: Vec<PathBuf> = Vec::new();
    for body in ["GA", "SC", "HRC", "ECOSOC"] {
        let Ok(rd) = std::fs::read_dir(dir.join(body)) else { continue };
        for e in rd {
            docs.push(e.unwrap().path());
        }
    }
    docs.sort();
    let results: Vec<DocResult> = docs
        .par_iter()
        .map(|d| {
            let name = d.strip_prefix(dir).unwrap().display().to_string();
            let v: Value = serde_json::from_slice(&std::fs::read(d.join("expected.json")).unwrap()).unwrap();
            let exp = Expect::from_json(&v);
            let mut lines = Vec::new();
            let clean = model(&d.join("clean.md"));
            let paged = model(&d.join("paged.md"));
            let mut clean_ok = false;
            let mut paged_ok = false;
            let mut error = false;
            let mut clean_explained = false;
            let mut paged_explained = false;
            for (which, r, ok, explained) in [
                ("clean", &clean, &mut clean_ok, &mut clean_explained),
                ("paged", &paged, &mut paged_ok, &mut paged_explained),
            ] {
                match r {
                    Err(e) => {
                        error = true;
                        lines.push(format!("{which}: error: {e}"));
                    }
                    Ok(res) => {
                        let m = check(res, &exp);
                        let xml = std::fs::read_to_string(d.join("source.akn.xml")).unwrap_or_default();
                        let mut unexplained = 0;
                        for m in m {
                            match explain(m.field, &m.want, &m.got, res, &v, &xml) {
                                Some(why) => {
                                    *explained = true;
                                    lines.push(format!("{which}: {} want {} got {} — {why}", m.field, m.want, m.got));
                                }
                                None => {
                                    unexplained += 1;
                                    lines.push(format!("{which}: {} want {} got {}", m.field, m.want, m.got));
                                }
                            }
                        }
                        *ok = unexplained == 0;
                    }
                }
            }
            let same = match (&clean, &paged) {
                (Ok(a), Ok(b)) => match first_difference(&shape(a), &shape(b), "") {
                    None => true,
                    Some(d) => {
                        lines.push(format!("paged differs from clean at {d}"));
                        false
                    }
                },
                _ => false,
            };
            DocResult { name, lines, clean_ok, paged_ok, same, error, explained: clean_explained }
        })
        .collect();
    let mut t = Tally::default();
    let mut body = String::new();
    for DocResult { name, lines, clean_ok, paged_ok, same, error, explained } in &results {
        t.docs += 1;
        t.explained += usize::from(*explained && *clean_ok);
        t.clean_ok += usize::from(*clean_ok);
        t.paged_ok += usize::from(*paged_ok);
        t.same += usize::from(*same);
        t.errors += usize::from(*error);
        for l in lines {
            let field = l.split(" want ").next().unwrap_or(l).split(": ").take(2).collect::<Vec<_>>().join(": ");
            let field = if field.contains("differs") { "paged differs from clean".to_string() } else { field };
            let field = if l.contains(" — source defect") || l.contains(" — expectation") {
                format!("{field} (explained)")
            } else {
                field
            };
            *t.by_field.entry(field).or_default() += 1;
        }
        if !lines.is_empty() {
            writeln!(body, "- **{name}**: {}", lines.join("; ")).unwrap();
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / t.docs.max(1) as f64;
    let mut report = String::from(
        "# unlod on the bulk set\n\nGenerated by `cargo run --release --example corpus_report -- bulk DIR`.\n\n",
    );
    writeln!(report, "| | documents | % |\n|---|---:|---:|").unwrap();
    writeln!(
        report,
        "| clean.md matches expected.json, or differs only where the source XML is shown defective | {} | {:.2} |",
        t.clean_ok,
        pct(t.clean_ok)
    )
    .unwrap();
    writeln!(
        report,
        "| … of which a source defect explains the difference | {} | {:.2} |",
        t.explained,
        pct(t.explained)
    )
    .unwrap();
    writeln!(report, "| paged.md matches expected.json (same reading) | {} | {:.2} |", t.paged_ok, pct(t.paged_ok))
        .unwrap();
    writeln!(report, "| paged.md gives the same model as clean.md | {} | {:.2} |", t.same, pct(t.same)).unwrap();
    writeln!(report, "| errors | {} | {:.2} |", t.errors, pct(t.errors)).unwrap();
    writeln!(report, "| total | {} | |\n", t.docs).unwrap();
    writeln!(report, "## Mismatches by field\n").unwrap();
    for (f, n) in &t.by_field {
        writeln!(report, "- {f}: {n}").unwrap();
    }
    writeln!(report, "\n## Every mismatch\n\n{body}").unwrap();
    let invalid = validate_akn(&docs);
    writeln!(report, "\n## Akoma Ntoso validity\n\nEvery AKN output (clean.md and paged.md of each document) checked with xmllint against the OASIS schema: {} of {} invalid.\n", invalid.len(), docs.len() * 2).unwrap();
    for i in &invalid {
        writeln!(report, "- {i}").unwrap();
    }
    println!("{}", report.lines().take(14).collect::<Vec<_>>().join("\n"));
    println!("AKN outputs invalid: {}", invalid.len());
    for (f, n) in &t.by_field {
        println!("  {f}: {n}");
    }
    std::fs::create_dir_all("reports").unwrap();
    std::fs::write("reports/bulk.md", report).unwrap();
}

/// Writes the AKN of every document (clean and paged) under target/ and validates them with
/// xmllint against the schema in ../shared (UNLOD_SHARED); returns the invalid ones.
fn validate_akn(docs: &[PathBuf]) -> Vec<String> {
    let shared = std::env::var("UNLOD_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let schema = Path::new(&shared).join("akn-schema/akomantoso30.xsd");
    let out = Path::new("target/corpus-akn");
    let _ = std::fs::remove_dir_all(out);
    let files: Vec<PathBuf> = docs
        .par_iter()
        .flat_map_iter(|d| {
            let name = d.file_name().unwrap().to_string_lossy().to_string();
            ["clean", "paged"].into_iter().filter_map(move |which| {
                let res = model(&d.join(format!("{which}.md"))).ok()?;
                let mut buf = Vec::new();
                let opts = unlod::export::ExportOptions { name: name.clone(), ..Default::default() };
                unlod::export::write(&res, unlod::export::OutputFormat::Akn, &opts, &mut buf).ok()?;
                let f = out.join(format!("{name}.{which}.akn.xml"));
                unlod::output::write_atomically(&f, &buf).ok()?;
                Some(f)
            })
        })
        .collect();
    let mut invalid = Vec::new();
    for chunk in files.chunks(400) {
        let o = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(&schema)
            .args(chunk)
            .output()
            .expect("xmllint (Debian: libxml2-utils)");
        let text = String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
        for f in chunk {
            if !text.contains(&format!("{} validates", f.display())) {
                invalid.push(f.display().to_string());
            }
        }
    }
    invalid
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("texts") => texts(Path::new(args.get(1).map_or("../shared", String::as_str))),
        Some("bulk") => bulk(Path::new(args.get(1).expect("bulk DIR"))),
        Some("agree") => agree::agree(Path::new(args.get(1).expect("agree DIR"))),
        Some("links") => links::links(
            Path::new(args.get(1).expect("links DIR")),
            Path::new(args.get(2).map_or("../shared", String::as_str)),
        ),
        _ => eprintln!("usage: corpus_report texts [SHARED] | bulk DIR | agree DIR | links DIR [SHARED]"),
    }
}
