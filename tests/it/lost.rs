//! Nothing lost, nothing invented, on every text of the corpus: the words of the input's
//! body, less its markup and page furniture, appear in the AKN output's body in the same
//! order; the words of its footnotes appear in the output's notes; and the output has no
//! word the input does not have.
//!
//! The input is split here by its own simple rules, independent of unlod's layout stage:
//! footnote texts are the `<sup>N</sup>` blocks after a `---` rule, the `> N` block quotes
//! of PDF conversions and the numbered notes after an OCR text's adoption line; page
//! furniture is a job number, a page number `N/M`, a symbol alone on its line after the
//! first page, or a bold line printed more than once.

use crate::util::shared_file;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::HashMap;
use unlod::export::{OutputFormat, write};
use unlod::{ConvertOptions, convert};

fn words(text: &str) -> Vec<String> {
    // Emphasis marks are deleted, not read as spaces: `*économique*et*social*` is one word.
    let text = text.replace(['*', '_'], "");
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn strip_sup(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("<sup>") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 5..];
        match after.find("</sup>") {
            Some(e) => {
                let inner = &after[..e];
                // A superscript of letters is part of a word (1er, nos); a number is a call.
                if inner.chars().all(char::is_alphabetic) {
                    out.push_str(inner);
                } else {
                    out.push(' ');
                }
                rest = &after[e + 6..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

fn is_furniture(line: &str, seen_bold: &mut HashMap<String, usize>) -> bool {
    let t = line.trim();
    let bare = t.trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    let symbol = bare.len() < 30
        && bare.contains('/')
        && bare.split('/').next().is_some_and(|p| matches!(p, "A" | "S" | "E"))
        && {
            let n = seen_bold.entry(format!("symbol:{bare}")).or_insert(0);
            *n += 1;
            *n > 1
        };
    let job = t.len() >= 8 && t.as_bytes()[..2].iter().all(u8::is_ascii_digit) && t.as_bytes()[2] == b'-';
    let page =
        bare.split('/').count() == 2 && bare.split('/').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let header = t.starts_with("**") && t.contains("**    **");
    let bold = t.starts_with("**") && t.ends_with("**") && !bare.contains("**");
    let heading = t.starts_with('#');
    // A bold line printed again (the running title repeats the declaration's heading).
    let repeated = (bold || heading) && {
        let n = seen_bold.entry(bare.to_string()).or_insert(0);
        *n += 1;
        *n > 1 && bold
    };
    job || page || header || repeated || symbol
}

/// The input's front (cover page and preface: the lines before the enacting formula), body
/// and footnote words. Without a formula, everything is front (compared as a whole).
fn input_streams(text: &str, txt: bool) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut front = Vec::new();
    let mut in_body = false;
    let mut body = Vec::new();
    let mut notes = Vec::new();
    let mut seen_bold = HashMap::new();
    let mut in_notes = false;
    let blocks: Vec<&str> = text.split("\n\n").collect();
    // OCR: numbered notes after the adoption line at the end.
    let mut ocr_notes_from = blocks.len();
    if txt {
        while ocr_notes_from > 0 {
            let b = blocks[ocr_notes_from - 1].trim();
            let numbered = b.split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
            if b.is_empty() || numbered { ocr_notes_from -= 1 } else { break }
        }
    }
    let note_numbers: Vec<&str> =
        blocks.get(ocr_notes_from..).unwrap_or(&[]).iter().filter_map(|b| b.split_whitespace().next()).collect();
    for (i, block) in blocks.iter().enumerate() {
        let b = block.trim();
        // An OCR call: the note's number at the end of a paragraph.
        // (or a number after a comma or semicolon whose note text the source lost).
        let b = match b.rsplit_once(char::is_whitespace) {
            Some((head, last))
                if txt
                    && i < ocr_notes_from
                    && (note_numbers.contains(&last)
                        || (last.len() == 2
                            && last.chars().all(|c| c.is_ascii_digit())
                            && head.ends_with([',', ';']))) =>
            {
                head
            }
            _ => b,
        };
        if b.chars().all(|c| c == '-') && b.len() >= 3 {
            in_notes = true;
            continue;
        }
        if txt && i >= ocr_notes_from {
            let mut w = words(b);
            if !w.is_empty() {
                w.remove(0); // the note's number
            }
            notes.extend(w);
            continue;
        }
        if b.starts_with('>') {
            let mut w = words(&strip_sup(&b.replace('>', " ")));
            if w.first().is_some_and(|f| f.chars().all(|c| c.is_ascii_digit())) {
                w.remove(0);
            }
            notes.extend(w);
            in_notes = true;
            continue;
        }
        if in_notes && b.starts_with("<sup>") {
            notes.extend(words(&strip_sup(b)));
            continue;
        }
        in_notes = false;
        for line in b.lines() {
            if is_furniture(line, &mut seen_bold) {
                continue;
            }
            let bare = line.replace(['*', '_'], "");
            let bare = bare.trim().trim_matches(|c: char| c == '“' || c == ' ').trim_end_matches(',');
            if !in_body && FORMULAS.iter().any(|f| bare.trim_end_matches([',', '*', '_']) == *f) {
                in_body = true;
            }
            let w = words(&strip_sup(line));
            if in_body { body.extend(w) } else { front.extend(w) }
        }
    }
    (front, body, notes)
}

const FORMULAS: &[&str] = &[
    "The General Assembly",
    "The Security Council",
    "The Economic and Social Council",
    "The Human Rights Council",
    "L’Assemblée générale",
    "Le Conseil de sécurité",
    "Le Conseil économique et social",
    "Le Conseil économiqueetsocial",
    "Le Conseil des droits de l’homme",
    "La Asamblea General",
    "El Consejo de Seguridad",
    "El Consejo Económico y Social",
    "El Consejo de Derechos Humanos",
];

/// The AKN output's words: the cover page and preface, the body in reading order (each
/// embedded document spliced in at its `componentRef`), and the notes.
fn output_streams(xml: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    const BLOCKS: &[&[u8]] =
        &[b"p", b"num", b"heading", b"docTitle", b"docNumber", b"td", b"th", b"tr", b"crossHeading"];
    let mut r = Reader::from_str(xml);
    let mut buffers: HashMap<String, String> = HashMap::new();
    let mut sink: Vec<String> = vec!["main".into()];
    let mut order: Vec<String> = Vec::new();
    let (mut front, mut notes) = (String::new(), String::new());
    let (mut meta, mut note, mut in_front) = (0, 0, 0);
    loop {
        let ev = r.read_event().unwrap();
        let name = match &ev {
            Event::Start(e) | Event::Empty(e) => Some(e.name().as_ref().to_vec()),
            Event::End(e) => Some(e.name().as_ref().to_vec()),
            _ => None,
        };
        let attr = |e: &quick_xml::events::BytesStart, k: &[u8]| {
            e.attributes()
                .filter_map(Result::ok)
                .find(|a| a.key.as_ref() == k)
                .map(|a| String::from_utf8_lossy(&a.value).into_owned())
        };
        let target: &mut String = if note > 0 {
            &mut notes
        } else if in_front > 0 {
            &mut front
        } else {
            buffers.entry(sink.last().cloned().unwrap_or_default()).or_default()
        };
        match &ev {
            Event::Start(e) if e.name().as_ref() == b"meta" => meta += 1,
            Event::End(e) if e.name().as_ref() == b"meta" => meta -= 1,
            Event::Start(e) if e.name().as_ref() == b"authorialNote" => note += 1,
            Event::End(e) if e.name().as_ref() == b"authorialNote" => {
                note -= 1;
                notes.push(' ');
            }
            // The document's own cover and preface; a part's preface is read where it stands.
            Event::Start(e) if matches!(e.name().as_ref(), b"coverPage" | b"preface") && sink.len() == 1 => {
                in_front += 1
            }
            Event::End(e) if matches!(e.name().as_ref(), b"coverPage" | b"preface") && sink.len() == 1 => in_front -= 1,
            Event::Start(e) if matches!(e.name().as_ref(), b"component" | b"attachment") => {
                let id = attr(e, b"eId").unwrap_or_default();
                order.push(id.clone());
                sink.push(id);
            }
            Event::End(e) if matches!(e.name().as_ref(), b"component" | b"attachment") => {
                sink.pop();
            }
            Event::Empty(e) if e.name().as_ref() == b"componentRef" => {
                target
                    .push_str(&format!(" \u{1}{}\u{1} ", attr(e, b"src").unwrap_or_default().trim_start_matches('#')));
            }
            Event::Empty(e) if e.name().as_ref() == b"eol" => target.push(' '),
            Event::Text(t) if meta == 0 => target.push_str(&t.decode().unwrap()),
            Event::GeneralRef(g) if meta == 0 => {
                let c = match g.as_ref() {
                    b"amp" => '&',
                    b"lt" => '<',
                    b"gt" => '>',
                    b"quot" => '"',
                    b"apos" => '\'',
                    _ => ' ',
                };
                target.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
        if meta == 0 && name.as_deref().is_some_and(|n| BLOCKS.contains(&n)) {
            let target: &mut String = if note > 0 {
                &mut notes
            } else if in_front > 0 {
                &mut front
            } else {
                buffers.entry(sink.last().cloned().unwrap_or_default()).or_default()
            };
            target.push(' ');
        }
    }
    fn expand(key: &str, buffers: &HashMap<String, String>, out: &mut String, depth: usize) {
        let text = buffers.get(key).map_or("", String::as_str);
        for (i, piece) in text.split('\u{1}').enumerate() {
            if i % 2 == 1 && depth < 8 {
                expand(piece, buffers, out, depth + 1);
            } else {
                out.push_str(piece);
            }
            out.push(' ');
        }
    }
    let mut body = String::new();
    expand("main", &buffers, &mut body, 0);
    // Components no paragraph refers to (the resolutions A, B … of one symbol), in order.
    let referenced: Vec<String> =
        buffers.values().flat_map(|b| b.split('\u{1}').skip(1).step_by(2).map(String::from)).collect();
    for id in order.iter().filter(|id| !referenced.contains(id)) {
        expand(id, &buffers, &mut body, 0);
    }
    (words(&front), words(&body), words(&notes))
}

/// The words of `want` missing from `got` when read in order (a subsequence test).
fn missing_in_order(want: &[String], got: &[String]) -> Vec<String> {
    let mut j = 0;
    let mut missing = Vec::new();
    for w in want {
        match got[j..].iter().position(|g| g == w) {
            Some(k) if k < 400 => j += k + 1,
            _ => missing.push(w.clone()),
        }
    }
    missing
}

fn count(v: &[String]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for w in v {
        *m.entry(w.as_str()).or_insert(0) += 1;
    }
    m
}

#[test]
fn every_word_of_every_corpus_text_is_in_the_output_in_order_and_none_invented() {
    let dir = shared_file("corpus/texts");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"));
    files.sort();
    let mut failures = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let res = convert(text.as_bytes(), &ConvertOptions::default()).unwrap().resolution;
        let mut xml = Vec::new();
        write(&res, OutputFormat::Akn, &Default::default(), &mut xml).unwrap();
        let (in_front, in_body, in_notes) = input_streams(&text, f.extension().is_some_and(|x| x == "txt"));
        let (out_front, out_body, out_notes) = output_streams(&String::from_utf8(xml).unwrap());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let lost = missing_in_order(&in_body, &out_body);
        if !lost.is_empty() {
            failures.push(format!(
                "{name}: {} body words lost or out of order, first {:?}",
                lost.len(),
                &lost[..lost.len().min(12)]
            ));
        }
        for (what, want, got) in [("cover/preface", &in_front, &out_front), ("footnote", &in_notes, &out_notes)] {
            // The front of a text without a formula holds its body: compare with everything.
            let all_out: Vec<String> = out_front.iter().chain(&out_body).cloned().collect();
            // A part's label printed before the first formula is read in the part's preface.
            let got = if what == "cover/preface" { &all_out } else { got };
            let (w, g) = (count(want), count(got));
            let lost: Vec<_> =
                w.iter().filter(|(k, n)| g.get(*k).copied().unwrap_or(0) < **n).map(|(k, _)| *k).collect();
            if !lost.is_empty() {
                failures.push(format!("{name}: {what} words lost {lost:?}"));
            }
        }
        let all_in: Vec<String> = in_front.iter().chain(&in_body).chain(&in_notes).cloned().collect();
        let all_out: Vec<String> = out_front.iter().chain(&out_body).chain(&out_notes).cloned().collect();
        let (have, made) = (count(&all_in), count(&all_out));
        let invented: Vec<_> = made
            .iter()
            .filter(|(w, n)| have.get(*w).copied().unwrap_or(0) < **n)
            .map(|(w, n)| format!("{w}×{n}"))
            .collect();
        if !invented.is_empty() {
            failures.push(format!("{name}: words the input does not have: {invented:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
