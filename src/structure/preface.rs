//! The cover page and preface: the lines before the enacting formula.
//!
//! Keeps every line as printed in [`Meta::cover`], and picks out the symbol, the number and
//! title, the session and agenda item lines and the bracketed line that says on whose report
//! the text was adopted. Their meaning (session numbers, dates) is read by `recognize`.

use super::units::{Kind, Unit};
use crate::model::{DocKind, Meta};
use regex::Regex;
use std::sync::LazyLock;

static SYMBOL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:A|S|E|T)/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]+(?:\s*\(\d{4}\))?(?:\s+[A-Z](?:-[A-Z])?)?$").ok()
});
static NUMBER_TITLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^((?:ES-\d+|S-\d+|\d{1,4})/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?(?:\s|$))?)\.?\s*(.*)$").ok()
});
static OLD_SC: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:Resolution|Résolution|Resolución)\s+(\d{1,4}\s*\(\d{4}\))\s*(.*)$").ok());
static SC_NUMBER_ONLY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(\d{1,4}\s*\(\d{4}\))\s*(.*)$").ok());
static SESSION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:[\p{L}-]+\s+)?(?:emergency\s+)?(?:special\s+)?session|\d{4}\s+session|(?:[\p{L}-]+\s+)?session\s+(?:extraordinaire|ordinaire)|[\p{L}-]+\s+período\s+(?:extraordinario\s+)?de\s+sesiones|período\s+de\s+sesiones\s+de\s+\d{4})\b").ok()
});
static AGENDA: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agenda items?|points? \d[^\n]*de l’ordre du jour|temas? \d[^\n]*del programa)\s*([0-9][0-9A-Za-z ()]*(?:,\s*[0-9][0-9A-Za-z ()]*)*(?:\s+and\s+[0-9][0-9A-Za-z ()]*)?)").ok()
});

fn re(r: &LazyLock<Option<Regex>>) -> Option<&Regex> {
    r.as_ref()
}

/// Reads the lines before the enacting formula.
pub fn read(units: &[Unit], _lang: &str) -> Meta {
    let mut meta = Meta::default();
    let mut want_title = false;
    for u in units {
        let t = u.rest.text.trim();
        let heading = matches!(u.kind, Kind::Heading(_)) || is_bold(u);
        meta.span = if meta.span.end == 0 { u.span } else { meta.span.join(u.span) };
        // The number and title lines are the preface; every other line is the cover page.
        let adoption_line = {
            let l = t.to_lowercase();
            l.starts_with("adopted") || l.starts_with("adoptée") || l.starts_with("aprobad") || l.starts_with("of ")
        };
        if want_title && (heading || t.len() > 3) && meta.title.is_none() && !t.starts_with('[') && !adoption_line {
            meta.title = Some(clean_title(t));
            want_title = false;
            continue;
        }
        if meta.number.is_none() {
            // A Security Council number ("Resolution 1325 (2000)", "1 (1946)") has no title.
            let sc =
                re(&OLD_SC).and_then(|r| r.captures(t)).or_else(|| re(&SC_NUMBER_ONLY).and_then(|r| r.captures(t)));
            let number =
                sc.as_ref().map(|_| true).or_else(|| re(&NUMBER_TITLE).and_then(|r| r.captures(t)).map(|_| false));
            let caps = sc.or_else(|| re(&NUMBER_TITLE).and_then(|r| r.captures(t)));
            if let (Some(is_sc), Some(c)) = (number, caps) {
                meta.number = c.get(1).map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
                if is_sc {
                    // "Resolution 1325 (2000)" is a line of the cover page (AKN4UN prints it
                    // there); the number is read from it.
                    let printed = t.get(..c.get(2).map_or(t.len(), |m| m.start())).unwrap_or(t).trim();
                    meta.cover.push(printed.to_string());
                    meta.number_in_cover = true;
                }
                let rest = c.get(2).map_or("", |m| m.as_str()).trim();
                if rest.is_empty() {
                    want_title = !is_sc;
                } else if rest.starts_with("of ") || rest.to_lowercase().starts_with("resolution of") {
                    // "Resolution 242 (1967) of 22 November 1967": the date, not a title.
                    meta.cover.push(rest.to_string());
                } else {
                    meta.title = Some(clean_title(rest));
                }
                continue;
            }
        }
        meta.cover.push(t.to_string());
        cover_line(&mut meta, t);
    }
    meta
}

/// Reads what one line of a cover page says into `meta` (the line itself is not kept here):
/// the symbol, the bracketed origin line, the session, the agenda items, and the kind of
/// document a line names. Shared with the Akoma Ntoso importer, which reads cover lines too.
pub fn cover_line(meta: &mut Meta, t: &str) {
    let t = t.trim();
    {
        if re(&SYMBOL).is_some_and(|r| r.is_match(t)) && meta.symbol.is_none() {
            meta.symbol = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
            // A symbol without RES or DEC is a draft's (S/2023/970, A/78/L.5).
            if !t.contains("/RES/") && !t.contains("/DEC/") {
                meta.kind = DocKind::DraftResolution;
            }
            return;
        }
        if let Some(inner) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            meta.origin = Some(inner.trim().to_string());
            return;
        }
        if meta.session.is_none()
            && let Some(m) = re(&SESSION).and_then(|r| r.find(t))
        {
            meta.session = Some(crate::model::Session { printed: m.as_str().to_string(), number: None, special: None });
        }
        if meta.agenda_items.is_empty()
            && let Some(c) = re(&AGENDA).and_then(|r| r.captures(t))
            && let Some(m) = c.get(1)
        {
            meta.agenda_items = m
                .as_str()
                .split([',', ';'])
                .flat_map(|s| s.split(" and "))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
        let lower = t.to_lowercase();
        if lower.starts_with("decision") && lower.len() < 40 {
            meta.kind = DocKind::Decision;
        }
        if lower.starts_with("draft resolution")
            || lower.starts_with("projet de résolution")
            || lower.starts_with("proyecto de resolución")
        {
            meta.kind = DocKind::DraftResolution;
        }
    }
}

/// The number a Security Council number line prints (`Resolution 1325 (2000)` →
/// `1325 (2000)`), and what follows it on the line.
pub fn sc_number(t: &str) -> Option<(String, String)> {
    let t = t.trim();
    let c = re(&OLD_SC)?
        .captures(t)
        .or_else(|| re(&SC_NUMBER_ONLY)?.captures(t).filter(|c| c.get(2).is_none_or(|m| m.as_str().is_empty())))?;
    let n = c.get(1)?.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
    Some((n, c.get(2).map_or("", |m| m.as_str()).trim().to_string()))
}

/// Whether a line is a resolution's number line (`Resolution 242 (1967)`, `1 (1946) …`,
/// `76/300. Title`).
pub fn is_number_line(t: &str) -> bool {
    let t = t.trim();
    [&OLD_SC, &SC_NUMBER_ONLY, &NUMBER_TITLE].iter().any(|r| re(r).is_some_and(|r| r.is_match(t)))
}

/// Whether a line belongs to the cover page rather than the body: a date line
/// (`of 22 November 1967`), an adoption line, a bracketed origin line.
pub fn is_cover_line(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.starts_with("of ")
        || l.starts_with("adopted by")
        || l.starts_with("adoptée par")
        || l.starts_with("aprobada por")
        || l.starts_with("resolution of")
        || l.starts_with('[')
}

fn is_bold(u: &Unit) -> bool {
    let t = u.rest.text.trim_end();
    !t.is_empty()
        && u.rest.styles.iter().any(|s| s.style == crate::model::Style::Bold && s.start == 0 && s.end >= t.len())
}

fn clean_title(t: &str) -> String {
    t.trim().trim_end_matches(['*', '_']).trim().to_string()
}
