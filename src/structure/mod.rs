//! Structure: [`Blocks`] in, the skeleton of a [`Resolution`] out.
//!
//! Finds the cover page and preface (symbol, number, title, session, agenda item, the line on
//! whose report it was adopted), the enacting formula, the preambular and operative
//! paragraphs with their numbers, lead phrases and sub-paragraphs, sections, documents
//! embedded in a paragraph (a draft recommended to another organ), the conclusions and the
//! annexes; attaches footnotes to their calls. What the words mean — dates, meetings,
//! votes, citations, actors — is left to `recognize`, which reads the strings kept here.

mod body;
mod notes;
mod preface;
mod units;
pub(crate) use units::is_bracketed_title;

use crate::error::{Error, ErrorKind, Warning};
use crate::layout::Blocks;
use crate::model::{ActorKind, ActorRef, Adoption, Annex, Organ, Part, Resolution, Span};
use crate::words::words;
pub use body::MAX_POINT_DEPTH;
use body::{End, Parser};
pub use preface::{cover_line, sc_number};
use regex::Regex;
use std::sync::LazyLock;
pub use units::formula;
pub use units::{Kind, Unit};

/// The lead phrase of a paragraph's text as the text reader finds it (a phrase of the
/// language's list, else the leading italic run), if the text starts with it. Shared with
/// the Akoma Ntoso importer so that both readers agree on lead phrases.
pub fn lead_of(text: &crate::model::Text, lang: &str) -> Option<String> {
    lead_kind(text, lang).map(|(p, _)| p)
}

/// [`lead_of`], with whether the phrase is preambular or operative.
pub fn lead_kind(text: &crate::model::Text, lang: &str) -> Option<(String, crate::words::Part)> {
    let rich = crate::layout::Rich { text: text.text.clone(), styles: text.styles.clone(), calls: Vec::new() };
    units::lead_phrase(&rich, lang).filter(|(p, _)| text.text.starts_with(p.as_str()))
}

/// A resolution skeleton and the warnings met building it.
pub struct Built {
    /// The skeleton.
    pub resolution: Resolution,
    /// Problems that did not stop the conversion.
    pub warnings: Vec<Warning>,
}

/// Builds the skeleton of a resolution from its blocks.
pub fn build(blocks: Blocks, source_len: usize) -> Result<Built, Error> {
    let units = units::classify(&blocks.blocks);
    let Some(start) = body_start(&units) else {
        let span = units.first().map(|u| u.span).unwrap_or_default();
        return Err(Error::at(
            ErrorKind::NotAResolution,
            span,
            "expected a resolution: an enacting formula such as \"The General Assembly,\" followed by paragraphs, or numbered operative paragraphs; found neither",
        ));
    };
    let lang = match units.get(start).map(|u| &u.kind) {
        Some(Kind::Formula { lang, .. }) => lang.clone(),
        _ => guess_language(&units),
    };
    let mut res = Resolution {
        span: Span::new(0, source_len),
        meta: preface::read(units.get(..start).unwrap_or(&[]), &lang),
        ..Resolution::default()
    };
    res.meta.language = lang.clone();
    if let Some(Kind::Formula { organ, .. }) = units.get(start).map(|u| &u.kind) {
        res.meta.organ = Some(organ_of(organ.clone()));
    }
    let mut notes = notes::Notes::new(blocks.notes);
    let mut p = Parser { units: &units, pos: start, notes: &mut notes, lang };
    // The body, and further resolutions under the same symbol ("B Title" then a formula).
    // The first one's label is the last line before its formula.
    let mut labels = vec![start.checked_sub(1).and_then(|i| units.get(i)).and_then(part_label)];
    let mut read = Vec::new();
    loop {
        let part_start = units.get(p.pos).map(|u| u.span).unwrap_or_default();
        let body = p.body(End::Conclusions, &|u: &Unit| is_conclusion(u) || is_annex(u));
        let adoption = conclusions(&mut p);
        let end = units.get(p.pos.saturating_sub(1)).map_or(part_start, |u| u.span);
        read.push((body, adoption, part_start.join(end)));
        match units.get(p.pos).and_then(part_label) {
            Some(label) if units.get(p.pos + 1).is_some_and(|u| matches!(u.kind, Kind::Formula { .. })) => {
                p.pos += 1;
                labels.push(Some(label));
            }
            _ => break,
        }
    }
    if read.len() == 1 {
        if let Some((body, adoption, _)) = read.pop() {
            res.body = body;
            res.adoption = adoption.unwrap_or_default();
        }
    } else {
        if labels.first().is_some_and(Option::is_some) {
            // The first label was read as a cover line.
            res.meta.cover.pop();
        }
        for (n, ((body, adoption, span), label)) in read.into_iter().zip(labels).enumerate() {
            let (label, title) = label.unwrap_or_else(|| (((b'A' + (n % 26) as u8) as char).to_string(), None));
            if res.adoption.line.is_none() {
                res.adoption = adoption.clone().unwrap_or_default();
            }
            res.parts.push(Part { label, title, body, adoption, span });
        }
    }
    // Annexes, and anything else after the conclusions (kept as an annex so nothing is lost).
    // The conclusions may also follow the annexes (an annex of an embedded draft).
    while let Some(u) = units.get(p.pos) {
        let need_conclusions = res.adoption.line.is_none() && res.parts.is_empty();
        if need_conclusions
            && is_conclusion(u)
            && let Some(a) = conclusions(&mut p)
        {
            res.adoption = a;
            continue;
        }
        let annex_start = u.span;
        let mut headings = Vec::new();
        let label = match ANNEX.as_ref().and_then(|r| r.captures(u.rest.text.trim())).filter(|_| is_annex(u)) {
            Some(c) => {
                p.pos += 1;
                // "Annex A: Joint Comprehensive Plan of Action": the title is a heading.
                if let Some(t) = c.get(2) {
                    let at = t.start() + (u.rest.text.len() - u.rest.text.trim_start().len());
                    let (rest, start) = (u.rest.tail(at), u.span.start);
                    headings.push(p.text(&rest, start, false));
                }
                c.get(1).map_or(String::new(), |m| m.as_str().to_string())
            }
            None => String::new(),
        };
        while let Some(h) = units.get(p.pos).filter(|h| matches!(h.kind, Kind::Heading(_)) || is_bold_line(h)) {
            let (rest, at) = (h.rest.clone(), h.span.start);
            headings.push(p.text(&rest, at, false));
            p.pos += 1;
        }
        let body = p.body(End::Conclusions, &|u: &Unit| is_annex(u) || (need_conclusions && is_conclusion(u)));
        let mut items = body.main;
        if !body.preamble.is_empty() || body.formula.is_some() {
            // Paragraphs of an annex are not a preamble: keep them in order as items.
            let mut all: Vec<_> = body.preamble.into_iter().map(crate::model::Item::Clause).collect();
            all.append(&mut items);
            items = all;
        }
        let end = units.get(p.pos.saturating_sub(1)).map_or(annex_start, |u| u.span);
        res.annexes.push(Annex { label, headings, items, span: annex_start.join(end) });
        if units.get(p.pos).is_some_and(|n| !(is_annex(n) || (need_conclusions && is_conclusion(n)))) {
            // The body parser stopped on something it does not take; skip it rather than loop.
            p.pos += 1;
        }
    }
    notes.finish();
    res.footnotes = std::mem::take(&mut notes.footnotes);
    let mut warnings = blocks.warnings;
    warnings.append(&mut notes.warnings);
    if res.bodies().all(|b| b.preamble.is_empty() && b.main.is_empty()) {
        return Err(Error::at(
            ErrorKind::NotAResolution,
            units.get(start).map(|u| u.span).unwrap_or_default(),
            "expected preambular or operative paragraphs after the enacting formula; found none",
        ));
    }
    Ok(Built { resolution: res, warnings })
}

/// Reads the conclusions: the meeting or adoption line and the date lines after it.
fn conclusions(p: &mut Parser<'_>) -> Option<Adoption> {
    let mut lines = Vec::new();
    let mut span: Option<Span> = None;
    while let Some(u) = p.units.get(p.pos) {
        let first = lines.is_empty();
        if is_annex(u) || (first && !is_conclusion(u)) || (!first && !is_conclusion_tail(u)) {
            break;
        }
        lines.push(u.rest.text.clone());
        span = Some(span.map_or(u.span, |s| s.join(u.span)));
        p.pos += 1;
    }
    (!lines.is_empty()).then(|| Adoption {
        line: Some(lines.join("\n")),
        span: span.unwrap_or_default(),
        ..Adoption::default()
    })
}

static PART_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^([A-H])(?:\s+(\S.{0,300}))?$").ok());

/// A line that names a resolution of several under one symbol: `A`, or `B Title`.
fn part_label(u: &Unit) -> Option<(String, Option<String>)> {
    if !matches!(u.kind, Kind::Para | Kind::Heading(_) | Kind::Section { .. }) {
        return None;
    }
    if let Kind::Section { num } = &u.kind {
        let title = u.rest.text.trim();
        return (num.len() == 1).then(|| (num.clone(), (!title.is_empty()).then(|| title.to_string())));
    }
    let c = PART_LABEL.as_ref()?.captures(u.rest.text.trim())?;
    // The caller checks that an enacting formula follows, so that "A New Agenda for …" as
    // a title is not read as part A.
    let title = c.get(2).map(|m| m.as_str().trim().to_string());
    Some((c.get(1)?.as_str().to_string(), title))
}

/// The model's organ for an organ key of the tables.
pub fn organ_of(key: String) -> Organ {
    let w = words();
    let entry = w.organ(&key);
    let name = entry.map_or_else(|| key.clone(), |o| o.name.clone());
    let akn = entry.and_then(|o| o.akn.clone()).unwrap_or_else(|| format!("un-{key}"));
    // A rule by session and number ("UNEP/EA.{session}/RES.{number}") is no prefix.
    let symbol_prefix =
        w.symbol_rule(&key).map(|r| r.resolution.clone()).filter(|r| !r.contains('{')).unwrap_or_default();
    Organ { actor: ActorRef { key, kind: ActorKind::Organization, name }, akn, symbol_prefix }
}

/// Where the body starts: the first enacting formula; else, after a resolution's number
/// line ("1 (1946) Resolution of 25 January 1946") and the date or adoption lines that follow
/// it; else the first numbered paragraph or paragraph with a lead phrase.
fn body_start(units: &[Unit]) -> Option<usize> {
    if let Some(i) = units.iter().position(|u| matches!(u.kind, Kind::Formula { .. })) {
        return Some(i);
    }
    let has_lead = |u: &Unit| {
        matches!(u.kind, Kind::Para) && ["en", "fr", "es"].iter().any(|l| units::lead_phrase(&u.rest, l).is_some())
    };
    let first_para = units
        .iter()
        .position(|u| matches!(u.kind, Kind::Numbered { .. }) || (has_lead(u) && u.rest.text.len() > 40))?;
    let number_line = units
        .iter()
        .take(first_para)
        .position(|u| matches!(u.kind, Kind::Para) && preface::is_number_line(&u.rest.text));
    match number_line {
        Some(n) => {
            let mut i = n + 1;
            while units.get(i).is_some_and(|u| i < first_para && preface::is_cover_line(&u.rest.text)) {
                i += 1;
            }
            Some(i)
        }
        None => Some(first_para),
    }
}

/// The language of a text without an enacting formula, from its commonest short words.
fn guess_language(units: &[Unit]) -> String {
    let (mut en, mut fr, mut es) = (0, 0, 0);
    for u in units.iter().take(50) {
        for w in u.rest.text.split_whitespace() {
            match w {
                "the" | "of" | "and" => en += 1,
                "le" | "les" | "et" | "des" => fr += 1,
                "el" | "los" | "y" | "las" => es += 1,
                _ => {}
            }
        }
    }
    if fr > en && fr >= es {
        "fr"
    } else if es > en && es > fr {
        "es"
    } else {
        "en"
    }
    .to_string()
}

static CONCLUSION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\d+(?:st|nd|rd|th|e|re|ª|a|\.ª)?\.?\s+(?:\(?(?:resumed|closed|reprise|privée|reanudación|privada)\)?\s+)?(?:plenary\s+)?meeting\b|\d+(?:e|re)\s+séance|\d+(?:ª|a|\.ª)\s+sesión|adopted\b[^.]{0,120}\bmeeting\b|adoptée?\b[^.]{0,120}\bséance\b|aprobad[oa]\b[^.]{0,120}\bsesión\b|\[?adopted by (?:a recorded vote|consensus|a vote)|\[?adopted without a vote)",
    )
    .ok()
});

/// Whether a unit opens the conclusions: a meeting line or an adoption line.
pub fn is_conclusion(u: &Unit) -> bool {
    matches!(u.kind, Kind::Para)
        && u.rest.text.len() < 4000
        && CONCLUSION.as_ref().is_some_and(|r| r.is_match(&u.rest.text))
}

static DATE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,2}(?:er)?\s+\p{L}+\s+(?:de\s+)?\d{4}|\p{L}+\s+\d{1,2},\s+\d{4})\s*\.?\s*$").ok()
});

/// Whether a unit continues the conclusions: a date on its own line, or the adoption the
/// Human Rights Council prints in brackets after the meeting and date ("[Adopted without a
/// vote.]", "[Adopted by a recorded vote of 24 to 6 …]" with its lists).
fn is_conclusion_tail(u: &Unit) -> bool {
    matches!(u.kind, Kind::Para)
        && (DATE_LINE.as_ref().is_some_and(|r| r.is_match(&u.rest.text))
            || (u.rest.text.trim_start().starts_with('[') && is_conclusion(u)))
}

static LAST_PARAGRAPH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // "remain [actively] seized of the matter" → remain\s+(?:actively\s+)?seized\s+of…
    let phrases: Vec<String> = words()
        .closing_phrases
        .iter()
        .map(|(_, phrase)| {
            let tokens: Vec<&str> = phrase.split_whitespace().collect();
            let mut p = String::new();
            for (i, w) in tokens.iter().enumerate() {
                match w.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
                    Some(optional) => p.push_str(&format!(r"(?:{}\s+)?", regex::escape(optional))),
                    None if i + 1 < tokens.len() => p.push_str(&format!(r"{}\s+", regex::escape(w))),
                    None => p.push_str(&regex::escape(w)),
                }
            }
            p
        })
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\.?\s*$", phrases.join("|"))).ok()
});

/// Whether a paragraph's text is the one that closes a Security Council resolution ("Decides
/// to remain actively seized of the matter."): nothing of the resolution's own text follows.
pub fn is_last_paragraph(text: &str) -> bool {
    text.len() < 300 && LAST_PARAGRAPH.as_ref().is_some_and(|r| r.is_match(text))
}

/// Whether a text opens with the word "Annex" (in any of the three languages).
pub fn names_annex(text: &str) -> bool {
    let first = text.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    words().annex_words.contains(&first)
}

/// An annex label, built from the words of `ontology/annex-words.tsv`.
static ANNEX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let names: Vec<String> = words().annex_words.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"^\s*((?i:{})(?:\s+(?:[IVXLC]+|\d+|[A-Z]))?)\s*(?:[:.–—-]\s*(\S.*))?$", names.join("|"))).ok()
});

/// Whether a unit is an annex label.
pub fn is_annex(u: &Unit) -> bool {
    matches!(u.kind, Kind::Para | Kind::Heading(_)) && ANNEX.as_ref().is_some_and(|r| r.is_match(&u.rest.text))
}

fn is_bold_line(u: &Unit) -> bool {
    matches!(u.kind, Kind::Para)
        && u.rest.text.len() < 300
        && u.rest
            .styles
            .iter()
            .any(|s| s.style == crate::model::Style::Bold && s.start == 0 && s.end >= u.rest.text.trim_end().len())
}
