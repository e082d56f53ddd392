//! Precision and recall of the citations, and exactness of the printed votes, over the whole
//! corpus (issue 4, item 7): `corpus_report links DIR [SHARED]` → reports/links-corpus.md.
//!
//! Citations are compared with the symbols that the UN's own XML marks up (`cited_symbols` of
//! `expected.json`, only where `cited_symbols_markup` is true): a symbol unlod finds that the
//! XML does not mark up counts against precision, one the XML marks up that unlod misses
//! counts against recall. Votes are compared where `vote_printed` says the text prints one:
//! the outcome (without a vote, or a recorded vote), the three counts, and the length of each
//! list of States.
//!
//! With `LINKS_DUMP=FILE` set, it also writes to FILE one line per difference that is not in
//! a class of the markup's gaps: `FP<TAB>document<TAB>symbol` (found, not marked up) and
//! `FN<TAB>document<TAB>symbol` (marked up, missed), to group them by cause.

use crate::model;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unlod::Resolution;
use unlod::model::VoteMethod;

/// A symbol made comparable: upper case, no spaces, without the language of a link written
/// with a doubled slash ("https://undocs.org//en/A/RES/217 (III)" gives `/EN/A/RES/217(III)`
/// in `cited_symbols`), and without the `(SUPP)` by which the XML links a report printed as
/// a supplement of the Official Records now and then ("Supplement No. 54 (A/63/54)": 110
/// links to `A/63/54(supp)`, 1,024 to the plain symbol).
fn norm(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect();
    let s = s.strip_prefix("/EN/").unwrap_or(&s);
    s.strip_suffix("(SUPP)").unwrap_or(s).to_string()
}

/// The resolution of a lettered part as the XML links it: `A/RES/57/270B` and
/// `A/RES/74/92A-B` are parts of `A/RES/57/270` and `A/RES/74/92`, `A/RES/217A(III)` of
/// `A/RES/217(III)`. The XML links a part now by its letter, now by its resolution
/// ("resolution 74/232 A" to A/RES/74/232); unlod cites the resolution, with the part as a
/// pinpoint, so the two are compared as resolutions.
fn whole(s: &str) -> Option<String> {
    let (head, tail) = s.find('(').map_or((s, ""), |i| s.split_at(i));
    let letters = head.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == '-');
    let cut = &head[letters.len()..];
    let lettered = matches!(cut.len(), 1 | 3)
        && letters.ends_with(|c: char| c.is_ascii_digit())
        && letters.contains("/RES/")
        && (tail.is_empty() || tail.starts_with('('));
    lettered.then(|| format!("{letters}{tail}"))
}

/// What one document gives.
#[derive(Default)]
struct Doc {
    name: String,
    error: Option<String>,
    /// Whether the XML marks up its citations (only then are they compared).
    marked: bool,
    right: Vec<String>,
    wrong: Vec<String>,
    missed: Vec<String>,
    /// `Some(problem)` where the text prints a vote: `None` inside when exact.
    vote: Option<Option<String>>,
    /// Why an exact vote differs from `expected.json`, where the expectation is wrong.
    vote_note: Option<String>,
    /// Lettered parts the XML links, compared as their resolutions (see [`whole`]).
    parts: usize,
    /// Symbols of `wrong` that fall in a class shown to be a gap of the markup, with the class.
    excused: Vec<(String, &'static str)>,
}

/// A class of "found, not marked up" symbols that the UN's XML leaves out by its own
/// convention, each checked in the document's XML.
const NO_DECISIONS: &str = "decisions: the UN's XML of the corpus links no decision at all (no link to a `/DEC/` symbol in any document read), though the texts cite them (\"decision 74/550\")";
const NO_SC_LINKS: &str = "Security Council resolutions in a document whose XML links no Security Council resolution at all, while its text prints the number (\"resolutions 1814 (2008), 1816 (2008) …\" in S/RES/2184 (2014))";

const NO_ECOSOC_YEARS: &str = "Economic and Social Council resolutions of a year whose resolutions the XML of the corpus never links (1994 to 2011: no document links one, while those of 1980 to 1993 and 2012 to 2023 are linked), though the text prints the number (\"resolutions 1998/46 of 31 July 1998, 2007/34 of 27 July 2007, 2013/20 of 24 July 2013\" in E/RES/2021/11, whose XML links 2013/20 alone)";
const ODS_LINKS: &str = "symbols the XML links without a symbol, to a scanned or printed copy in the Official Document System by its job number (`https://documents-dds-ny.un.org/doc/UNDOC/GEN/N10/526/28/PDF/N1052628.pdf?OpenElement` for \"resolution 65/229\"), so that `cited_symbols` lacks them; each checked by the link's printed number";

/// The years of the Economic and Social Council's resolutions (`E/RES/1998/46`) that a link
/// of `xml` names.
fn ecosoc_years(xml: &str) -> impl Iterator<Item = u32> + '_ {
    xml.split("href=\"").skip(1).filter_map(|h| {
        let h = h.split('"').next()?.to_uppercase();
        let (_, rest) = h.split_once("E/RES/")?;
        rest.get(..4)?.parse().ok().filter(|y| (1946..2100).contains(y))
    })
}

/// The symbols of `wrong` the markup leaves out by a class of [`NO_DECISIONS`],
/// [`NO_SC_LINKS`], [`NO_ECOSOC_YEARS`] or [`ODS_LINKS`], checked in the XML `xml` of the
/// document; `years` are those of the Council's resolutions some document's XML links.
fn excused(wrong: &[String], xml: &str, decisions_linked: bool, years: &BTreeSet<u32>) -> Vec<(String, &'static str)> {
    let links: Vec<&str> = xml.split("href=\"").skip(1).filter_map(|h| h.split('"').next()).collect();
    let links_sc = links.iter().any(|h| h.to_uppercase().contains("S/RES/"));
    let text: String = xml.split('<').map(|piece| piece.split_once('>').map_or(piece, |(_, t)| t)).collect();
    // The printed number of each link to the Official Document System by job number.
    let ods: Vec<&str> = xml
        .split("href=\"")
        .skip(1)
        .filter(|h| h.split('"').next().is_some_and(|u| u.contains("documents-dds-ny.un.org/doc/")))
        .filter_map(|h| h.split_once('>').and_then(|(_, t)| t.split('<').next()))
        .collect();
    wrong
        .iter()
        .filter_map(|w| {
            if w.contains("/DEC/") && !decisions_linked {
                return Some((w.clone(), NO_DECISIONS));
            }
            // E/RES/1998/46 printed "1998/46".
            if let Some(n) = w.strip_prefix("E/RES/")
                && n.get(..4).and_then(|y| y.parse().ok()).is_some_and(|y: u32| !years.contains(&y))
                && n.get(4..5) == Some("/")
                && text.contains(n)
            {
                return Some((w.clone(), NO_ECOSOC_YEARS));
            }
            // A/RES/65/229 printed "65/229" as the words of a link by job number.
            let number = w.rsplit_once("/RES/").map(|(_, n)| n.replace('(', " ("));
            if number.as_deref().is_some_and(|n| ods.iter().any(|t| t.trim() == n || t.trim() == n.replace(' ', ""))) {
                return Some((w.clone(), ODS_LINKS));
            }
            // S/RES/1814(2008) printed "1814 (2008)".
            let printed = w.strip_prefix("S/RES/").map(|n| n.replace('(', " ("))?;
            (!links_sc && text.contains(&printed)).then(|| (w.clone(), NO_SC_LINKS))
        })
        .collect()
}

/// The counts in "a recorded vote of 24 to 0, with 23 abstentions".
fn printed_counts(text: &str) -> Option<(Option<u32>, Option<u32>, Option<u32>)> {
    static COUNTS: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"vote of (\d+) to (\d+|none),? with (\d+|no) abstentions?").ok()
    });
    let c = COUNTS.as_ref()?.captures(text)?;
    let n = |i: usize| c.get(i).map(|m| m.as_str().parse().unwrap_or(0));
    Some((n(1), n(2), n(3)))
}

fn compare(
    name: String,
    res: &Resolution,
    v: &Value,
    xml: Option<&str>,
    decisions_linked: bool,
    years: &BTreeSet<u32>,
) -> Doc {
    let mut d = Doc { name, ..Doc::default() };
    d.marked = v.get("cited_symbols_markup").and_then(Value::as_bool) == Some(true);
    if d.marked {
        let want: BTreeSet<String> = v
            .get("cited_symbols")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(norm)
            .map(|s| whole(&s).inspect(|_| d.parts += 1).unwrap_or(s))
            .collect();
        let own = v.get("symbol").and_then(Value::as_str).map(norm);
        let got: BTreeSet<String> =
            res.citations.iter().map(|c| norm(&c.symbol)).filter(|s| Some(s) != own.as_ref()).collect();
        d.right = want.intersection(&got).cloned().collect();
        d.wrong = got.difference(&want).cloned().collect();
        d.missed = want.difference(&got).cloned().collect();
        d.excused = xml.map(|x| excused(&d.wrong, x, decisions_linked, years)).unwrap_or_default();
    }
    if v.get("vote_printed").is_some_and(|p| !p.is_null()) {
        let votes = v.get("votes").cloned().unwrap_or(Value::Null);
        let outcome = votes.get("outcome").and_then(Value::as_str).unwrap_or("");
        let n = |k: &str| votes.get(k).and_then(Value::as_u64).map(|x| x as u32);
        let listed =
            |k: &str| votes.get("voters_listed").and_then(|l| l.get(k)).and_then(Value::as_u64).map(|x| x as usize);
        let got = res.adoption.vote.as_ref();
        let problem = match (outcome, got) {
            (_, None) => Some("no vote read".to_string()),
            ("adoptedWithoutVote", Some(g)) => {
                (g.method != VoteMethod::WithoutVote).then(|| format!("read {:?}, printed without a vote", g.method))
            }
            (_, Some(g)) => {
                let counts = (g.in_favour, g.against, g.abstentions);
                let want = (n("in_favour"), n("against"), n("abstentions").or(Some(0)));
                let lists = (g.voters.in_favour.len(), g.voters.against.len(), g.voters.abstaining.len());
                let want_lists = (
                    listed("in_favour").unwrap_or(lists.0),
                    listed("against").unwrap_or(lists.1),
                    listed("abstentions").unwrap_or(lists.2),
                );
                if (counts.0, counts.1, counts.2.or(Some(0))) != want {
                    // expected.json's counts against the text it quotes as printed.
                    let printed =
                        v.get("vote_printed").and_then(|p| p.get("text")).and_then(Value::as_str).unwrap_or("");
                    if printed_counts(printed) == Some((counts.0, counts.1, counts.2.or(Some(0)))) {
                        d.vote_note = Some(format!(
                            "expectation defect: expected.json says {want:?} but the vote it quotes as printed gives {counts:?}, as unlod reads"
                        ));
                        None
                    } else {
                        Some(format!("counts {counts:?}, printed {want:?}"))
                    }
                } else if lists != want_lists {
                    Some(format!("lists of {lists:?} States, printed {want_lists:?}"))
                } else {
                    None
                }
            }
        };
        d.vote = Some(problem);
    }
    d
}

/// Every document of the bulk set and of `texts/`, with its expectations.
fn documents(dir: &Path, shared: &Path) -> Vec<(String, PathBuf, Value)> {
    let mut docs = Vec::new();
    for body in ["GA", "SC", "HRC", "ECOSOC"] {
        let Ok(rd) = std::fs::read_dir(dir.join(body)) else { continue };
        for e in rd {
            let d = e.unwrap().path();
            let v: Value = serde_json::from_slice(&std::fs::read(d.join("expected.json")).unwrap()).unwrap();
            docs.push((d.strip_prefix(dir).unwrap().display().to_string(), d.join("clean.md"), v));
        }
    }
    let exp: Value = serde_json::from_slice(&std::fs::read(shared.join("corpus/expected.json")).unwrap()).unwrap();
    for (name, v) in exp.as_object().unwrap() {
        if !name.starts_with('_') {
            docs.push((format!("texts/{name}"), shared.join("corpus/texts").join(name), v.clone()));
        }
    }
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

pub fn links(dir: &Path, shared: &Path) {
    let docs = documents(dir, shared);
    let xml_of = |path: &Path| std::fs::read_to_string(path.with_file_name("source.akn.xml")).ok();
    // Whether the XML of any document links a decision.
    let decisions_linked = docs.par_iter().any(|(_, path, _)| {
        xml_of(path).is_some_and(|x| {
            x.split("href=\"").skip(1).any(|h| h.split('"').next().is_some_and(|h| h.contains("/DEC/")))
        })
    });
    // The years of the Council's resolutions that the XML of any document links.
    let years: BTreeSet<u32> = docs
        .par_iter()
        .filter_map(|(_, path, _)| xml_of(path))
        .flat_map_iter(|x| ecosoc_years(&x).collect::<Vec<_>>())
        .collect();
    let results: Vec<Doc> = docs
        .into_par_iter()
        .map(|(name, path, v)| match model(&path) {
            Ok(res) => compare(name, &res, &v, xml_of(&path).as_deref(), decisions_linked, &years),
            Err(e) => Doc { name, error: Some(e), ..Doc::default() },
        })
        .collect();
    let marked: Vec<&Doc> = results.iter().filter(|d| d.marked).collect();
    let (right, wrong, missed) =
        marked.iter().fold((0, 0, 0), |(r, w, m), d| (r + d.right.len(), w + d.wrong.len(), m + d.missed.len()));
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = right as f64 / (right + missed).max(1) as f64;
    let excused = marked.iter().map(|d| d.excused.len()).sum::<usize>();
    let precision_markup = right as f64 / (right + wrong - excused).max(1) as f64;
    let votes: Vec<&Doc> = results.iter().filter(|d| d.vote.is_some()).collect();
    let exact = votes.iter().filter(|d| matches!(d.vote, Some(None))).count();

    // The symbols most often found wrong or missed, by shape (prefix before the first digit).
    let shape = |s: &str| s.split(|c: char| c.is_ascii_digit()).next().unwrap_or("").to_string();
    let mut by_shape: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for d in &marked {
        for s in &d.wrong {
            *by_shape.entry((shape(s), "found, not marked up")).or_default() += 1;
        }
        for s in &d.missed {
            *by_shape.entry((shape(s), "marked up, missed")).or_default() += 1;
        }
    }
    let mut shapes: Vec<_> = by_shape.into_iter().collect();
    shapes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let mut out = String::new();
    writeln!(out, "# Links over the whole corpus: citations and printed votes (issue 4)\n").unwrap();
    writeln!(
        out,
        "Written by `cargo run --release --example corpus_report -- links DIR` (DIR: the unpacked bulk \
         set; the 31 texts of `../shared/corpus/texts` are added). Each document's `clean.md` (or text) \
         is converted; its cited symbols are compared with those the UN's XML marks up \
         (`cited_symbols`, where `cited_symbols_markup` is true), its printed vote with `votes`.\n"
    )
    .unwrap();
    let parts = marked.iter().map(|d| d.parts).sum::<usize>();
    writeln!(
        out,
        "A lettered part that the XML links ({parts} symbols: `A/RES/57/270B` for \"resolution 57/270 B\", \
         `A/RES/74/92A-B` for \"74/92 A and B\") is compared as its resolution (`A/RES/57/270`): the \
         XML links a part now by its letter, now by its resolution (\"resolution 74/232 A\" to \
         A/RES/74/232), and unlod cites the resolution, with the part as a pinpoint. A link written \
         with a doubled slash (`https://undocs.org//en/A/RES/217 (III)`) is read without its language, \
         and one to a supplement of the Official Records without its `(SUPP)` (\"Supplement No. 54 \
         (A/63/54)\" is linked 110 times as `A/63/54(supp)`, 1,024 times as `A/63/54`).\n"
    )
    .unwrap();
    writeln!(out, "## Figures\n").unwrap();
    writeln!(out, "| | documents | right | wrong | missed | precision | recall |").unwrap();
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|").unwrap();
    writeln!(out, "| cited symbols | {} | {right} | {wrong} | {missed} | {precision:.3} | {recall:.3} |", marked.len())
        .unwrap();
    writeln!(
        out,
        "| cited symbols, without the markup's gaps below | {} | {right} | {} | {missed} | {precision_markup:.3} | {recall:.3} |",
        marked.len(),
        wrong - excused
    )
    .unwrap();
    writeln!(
        out,
        "\nThe first line is the plain comparison. The second leaves out of the symbols found and not \
         marked up ({excused} of {wrong}) those of a class where the XML, read for each, shows the \
         markup to be at fault:\n"
    )
    .unwrap();
    for class in [NO_DECISIONS, NO_SC_LINKS, NO_ECOSOC_YEARS, ODS_LINKS] {
        let of: Vec<String> = marked
            .iter()
            .flat_map(|d| d.excused.iter().filter(|e| e.1 == class).map(move |e| format!("{} {}", d.name, e.0)))
            .collect();
        writeln!(
            out,
            "- {} symbols: {class}; for example {}",
            of.len(),
            of.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
        )
        .unwrap();
    }
    writeln!(
        out,
        "\nPrinted votes exact: **{exact} of {}** (outcome, counts, and the length of each list).\n",
        votes.len()
    )
    .unwrap();
    let errors: Vec<&Doc> = results.iter().filter(|d| d.error.is_some()).collect();
    writeln!(out, "Documents that failed to convert: {}.\n", errors.len()).unwrap();
    for d in &errors {
        writeln!(out, "- {}: {}", d.name, d.error.as_deref().unwrap_or("")).unwrap();
    }
    writeln!(out, "## Differences by shape of symbol\n").unwrap();
    writeln!(out, "| shape | difference | symbols |").unwrap();
    writeln!(out, "|---|---|---:|").unwrap();
    for ((s, kind), n) in shapes.iter().take(40) {
        writeln!(out, "| `{s}…` | {kind} | {n} |").unwrap();
    }
    writeln!(out, "\n## Votes not exact\n").unwrap();
    for d in votes.iter().filter(|d| !matches!(d.vote, Some(None))) {
        writeln!(out, "- {}: {}", d.name, d.vote.clone().flatten().unwrap_or_default()).unwrap();
    }
    writeln!(out, "\n## Votes read as printed where expected.json differs\n").unwrap();
    for d in votes.iter().filter(|d| d.vote_note.is_some()) {
        writeln!(out, "- {}: {}", d.name, d.vote_note.as_deref().unwrap_or("")).unwrap();
    }
    writeln!(out, "\n## Every document with a difference in its citations\n").unwrap();
    for d in marked.iter().filter(|d| !d.wrong.is_empty() || !d.missed.is_empty()) {
        writeln!(out, "- {}: found, not marked up: {:?}; marked up, missed: {:?}", d.name, d.wrong, d.missed).unwrap();
    }
    if let Ok(dump) = std::env::var("LINKS_DUMP") {
        let mut o = String::new();
        for d in &marked {
            for w in d.wrong.iter().filter(|w| !d.excused.iter().any(|e| &e.0 == *w)) {
                writeln!(o, "FP\t{}\t{}", d.name, w).unwrap();
            }
            for m in &d.missed {
                writeln!(o, "FN\t{}\t{}", d.name, m).unwrap();
            }
        }
        std::fs::write(dump, o).unwrap();
    }
    std::fs::create_dir_all("reports").unwrap();
    std::fs::write("reports/links-corpus.md", &out).unwrap();
    println!(
        "cited symbols: precision {precision:.3} ({precision_markup:.3} without the markup's gaps), recall {recall:.3} over {} documents; printed votes exact {exact}/{}",
        marked.len(),
        votes.len()
    );
}
