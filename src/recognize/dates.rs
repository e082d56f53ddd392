//! Dates, meetings and sessions, normalised.
//!
//! "21 December 2010", OCR "on28 September 2001", French "1er janvier 2024", Spanish
//! "28 de julio de 2011"; "48th plenary meeting", "4213th meeting", "48e séance plénière",
//! "48ª sesión plenaria"; "sixty-seventh session" → 67, "2023 session" → 2023.

use super::split::Split;
use crate::model::{Date, Meeting};
use crate::words::words;
use regex::Regex;
use std::sync::LazyLock;

/// A date; the copy that splits a match reads a month's word as any characters but spaces,
/// digits and commas (see `split`).
static DATE: LazyLock<Option<Split>> = LazyLock::new(|| {
    let date = |letter: &str, letter_or_ocr: &str| {
        format!(
            r"(\d{{1,2}})(?:er|º|°)?\s*(?:de\s+)?({letter}{letter_or_ocr}{{2,9}})\s*,?\s+(?:de\s+)?(\d{{4}})(?-u:\b)|({letter}{{3,10}})\s+(\d{{1,2}}),\s+(\d{{4}})(?-u:\b)"
        )
    };
    Split::new(&date(r"\p{L}", r"[\p{L}\]|10]"), &date(r"[^\s\d,]", r"[^\s,]"))
});
static MEETING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d{1,5})\s*(?:st|nd|rd|th|e|re|ème|ª|a|\.ª|\.a)?\.?\s+(?:\(?(?:resumed|closed|reprise|privée|reanudación|privada)\)?\s+)?(plenary\s+meeting|meeting|séance(?:\s+plénière)?|sesión(?:\s+plenaria)?)").ok()
});

/// Every date in `text`: byte range and value.
pub fn dates(text: &str, lang: &str) -> Vec<(usize, usize, Date)> {
    // Every date ends in a year of four digits; most texts have none.
    let Some(re) = DATE.as_ref().filter(|_| has_year(text)) else { return Vec::new() };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (day, month, year) = match (c.get(1), c.get(2), c.get(3)) {
            (Some(d), Some(mo), Some(y)) => (d.as_str(), mo.as_str(), y.as_str()),
            _ => match (c.get(5), c.get(4), c.get(6)) {
                (Some(d), Some(mo), Some(y)) => (d.as_str(), mo.as_str(), y.as_str()),
                _ => continue,
            },
        };
        let month = month_of(month, lang);
        let (Some(month), Ok(day), Ok(year)) = (month, day.parse(), year.parse()) else { continue };
        if let Some(d) = Date::new(year, month, day) {
            out.push((m.start(), m.end(), d));
        }
    }
    out
}

/// Whether `text` holds four digits in a row. A block of 16 bytes with no digit is passed
/// over in one test of its bytes, which the compiler makes a few vector instructions.
fn has_year(text: &str) -> bool {
    let mut run = 0;
    for block in text.as_bytes().chunks(16) {
        if !block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            run = 0;
            continue;
        }
        for b in block {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            if run == 4 {
                return true;
            }
        }
    }
    false
}

/// The month a word names, in the text's language or another, tolerating OCR noise
/// (`Apri]`, `Ju1y`, `0ctober`).
fn month_of(word: &str, lang: &str) -> Option<u32> {
    let w = words();
    let find = |m: &str| w.month(lang, m).or_else(|| ["en", "fr", "es"].iter().find_map(|l| w.month(l, m)));
    find(word).or_else(|| {
        let fixed: String = word
            .chars()
            .map(|c| match c {
                ']' | '|' | '1' | 'I' => 'l',
                '0' => 'o',
                c => c,
            })
            .collect();
        // Keep the first letter as printed ("Ju1y" → "July", "Apri]" → "April").
        let first: String = word.chars().take(1).chain(fixed.chars().skip(1)).collect();
        find(&first)
    })
}

/// The first date in `text`.
pub fn first_date(text: &str, lang: &str) -> Option<(Date, String)> {
    dates(text, lang).into_iter().next().map(|(s, e, d)| (d, text.get(s..e).unwrap_or("").to_string()))
}

/// The meeting named in `text`.
pub fn meeting(text: &str) -> Option<Meeting> {
    let c = MEETING.as_ref()?.captures(text)?;
    let all = c.get(0)?;
    let number = c.get(1)?.as_str().parse().ok();
    let kind = c.get(2)?.as_str().to_lowercase();
    let plenary = kind.contains("plen");
    Some(Meeting { printed: all.as_str().to_string(), number, plenary })
}

/// The number of a session as printed ("Seventy-third session", "2023 session",
/// "soixante-dix-huitième session", "septuagésimo octavo período de sesiones").
pub fn session_number(printed: &str, lang: &str) -> Option<u32> {
    let lower = printed.to_lowercase();
    let head = lower
        .split(" session")
        .next()
        .unwrap_or("")
        .split(" período")
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches("the ")
        .trim_end_matches(" emergency special")
        .trim_end_matches(" special")
        .trim();
    if let Ok(n) = head.parse::<u32>() {
        return Some(n);
    }
    let w = words();
    if let Some(n) = w.ordinal(lang, head) {
        return Some(n);
    }
    // The ordinal may be the last word(s) before "session" on a longer line.
    let tokens: Vec<&str> = head.split_whitespace().collect();
    for k in (1..=tokens.len().min(3)).rev() {
        let tail = tokens.get(tokens.len() - k..)?.join(" ");
        if let Some(n) = w.ordinal(lang, &tail).or_else(|| ["en", "fr", "es"].iter().find_map(|l| w.ordinal(l, &tail)))
        {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_three_languages_and_ocr() {
        let d = |t: &str, l: &str| dates(t, l).first().map(|x| x.2.to_string());
        assert_eq!(d("its resolution 65/232 of 21 December 2010,", "en").as_deref(), Some("2010-12-21"));
        assert_eq!(d("adopted on28 September 2001", "en").as_deref(), Some("2001-09-28"));
        assert_eq!(d("du 28 juillet 2011", "fr").as_deref(), Some("2011-07-28"));
        assert_eq!(d("de 28 de julio de 2011", "es").as_deref(), Some("2011-07-28"));
        assert_eq!(d("on 31 February 2011", "en"), None);
        assert_eq!(d("of 1 Apri] 1987", "en").as_deref(), Some("1987-04-01"));
    }

    #[test]
    fn meetings_and_sessions() {
        let m = meeting("48th plenary meeting\n28 July 2011").unwrap();
        assert_eq!((m.number, m.plenary, m.printed.as_str()), (Some(48), true, "48th plenary meeting"));
        assert_eq!(meeting("Adopted at the 4213th meeting").and_then(|m| m.number), Some(4213));
        assert_eq!(session_number("sixty-seventh session", "en"), Some(67));
        assert_eq!(session_number("2023 session", "en"), Some(2023));
    }
}
