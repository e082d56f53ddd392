//! Recognize: the skeleton from `structure` in, the finished [`Resolution`] out.
//!
//! Reads what the words mean: the symbol, session and dates of the cover page, the meeting,
//! date and vote of the conclusions, votes reported in footnotes, and (where the tables of
//! `ontology/` know them) the actors and instruments these name. Nothing here changes the
//! structure.

pub mod actors;
pub mod dates;
pub mod links;
pub mod names;
mod split;
mod votes;

use crate::error::Warning;
use crate::model::{DocKind, Resolution, Session};

/// Completes the skeleton of a resolution.
pub fn recognize(res: &mut Resolution) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let lang = if res.meta.language.is_empty() { "en".to_string() } else { res.meta.language.clone() };
    meta(res, &lang);
    adoption(res, &lang, &mut warnings);
    votes::reported(res);
    votes::bracketed(res);
    links::link(res, &lang);
    warnings
}

/// Number, organ, symbol, session and date of issue.
fn meta(res: &mut Resolution, lang: &str) {
    let m = &mut res.meta;
    if let Some(n) = &mut m.number {
        *n = n.trim().trim_end_matches('.').split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if m.organ.is_none() {
        m.organ = organ_from_cover(&m.cover, m.number.as_deref());
    }
    if let Some(s) = &mut m.symbol {
        *s = normalise_symbol(s);
    }
    if m.symbol.is_none()
        && let (Some(o), Some(n)) = (&m.organ, &m.number)
        && !o.symbol_prefix.is_empty()
        && m.kind == DocKind::Resolution
    {
        m.symbol = Some(normalise_symbol(&format!("{}{}", o.symbol_prefix, n)));
    }
    if let Some(s) = &mut m.session {
        s.number = dates::session_number(&s.printed, lang);
        let lower = s.printed.to_lowercase();
        if lower.contains("emergency special") || lower.contains("extraordinaire d’urgence") {
            s.special = Some(format!("ES-{}", s.number.unwrap_or(0)));
        } else if lower.contains("special") {
            s.special = Some(format!("S-{}", s.number.unwrap_or(0)));
        }
    } else if let Some(n) = m.number.as_deref() {
        // ES-11/1: the session is in the number.
        if let Some(es) = n.split('/').next().filter(|p| p.starts_with("ES-") || p.starts_with("S-")) {
            m.session = Some(Session {
                printed: es.to_string(),
                number: es.split('-').nth(1).and_then(|x| x.parse().ok()),
                special: Some(es.to_string()),
            });
        }
    }
    if m.issued.is_none() {
        let mut after_distr = false;
        for line in &m.cover {
            let l = line.to_lowercase();
            if l.contains("distr") {
                after_distr = true;
            }
            if after_distr && let Some((d, _)) = dates::first_date(line, lang) {
                m.issued = Some(d);
                break;
            }
            if l.contains("session") || l.contains("resolution adopted") {
                break;
            }
        }
    }
}

/// The organ named on the cover page ("Resolution adopted by the General Assembly", a line
/// "Security Council"), or the Security Council for an old number `242 (1967)`.
fn organ_from_cover(cover: &[String], number: Option<&str>) -> Option<crate::model::Organ> {
    let w = crate::words::words();
    for line in cover {
        let t = line.trim();
        let name = t
            .split_once(" adopted by the ")
            .map(|(_, r)| r.split(" on ").next().unwrap_or(r).split(" at ").next().unwrap_or(r))
            .unwrap_or(t);
        if let Some(a) = actors::lookup(name)
            && w.symbol_rule(&a.key).is_some()
        {
            return Some(crate::structure::organ_of(a.key));
        }
    }
    if number.is_some_and(|n| n.ends_with(')') && n.contains('(')) {
        return Some(crate::structure::organ_of("security-council".to_string()));
    }
    None
}

/// A symbol with single spaces, and `S/RES/N(YYYY)` written `S/RES/N (YYYY)`.
pub fn normalise_symbol(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.find('(') {
        Some(i) if i > 0 && !s[..i].ends_with(' ') && s.starts_with("S/") => format!("{} {}", &s[..i], &s[i..]),
        _ => s,
    }
}

/// Whether a cover line says when or where the document was adopted.
fn is_adoption_line(line: &str) -> bool {
    let l = line.trim_start().to_lowercase();
    crate::words::words().vote_words("adopted").any(|w| l.contains(w))
        || l.starts_with("of ")
        || l.contains("resolution of")
}

/// Meeting, date and vote of adoption.
fn adoption(res: &mut Resolution, lang: &str, warnings: &mut Vec<Warning>) {
    let line = res.adoption.line.clone().unwrap_or_default();
    if !line.is_empty() {
        res.adoption.meeting = dates::meeting(&line);
        if let Some((d, printed)) = dates::first_date(&line, lang) {
            res.adoption.date = Some(d);
            res.adoption.date_printed = Some(printed);
        }
        res.adoption.vote = votes::adoption(res, &line);
    }
    if res.adoption.meeting.is_none() {
        // "Adopted by the Security Council at its 4213th meeting, on 31 October 2000".
        res.adoption.meeting = res.meta.cover.iter().filter(|l| is_adoption_line(l)).find_map(|l| dates::meeting(l));
    }
    if res.adoption.date.is_none() {
        // The cover page: "Resolution adopted by the General Assembly on 10 October 2018",
        // or an old Security Council heading "of 22 November 1967".
        for line in &res.meta.cover {
            if is_adoption_line(line)
                && let Some((d, printed)) = dates::first_date(line, lang)
            {
                res.adoption.date = Some(d);
                res.adoption.date_printed = Some(printed);
                break;
            }
        }
    }
    if res.adoption.date.is_none() && !matches!(res.meta.kind, DocKind::DraftResolution | DocKind::DraftDecision) {
        warnings.push(Warning::at(res.adoption.span, "no date of adoption found; the IRIs use the symbol instead"));
    }
}
