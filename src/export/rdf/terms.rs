//! RDF terms in the N-Triples form that Turtle shares: `<iri>`, `"text"@lang`,
//! `"lex"^^<datatype>`.
//!
//! Strings are escaped in one pass: `"` `\` and line ends as Turtle's `\"` `\\` `\n` `\r`,
//! tab, backspace and form feed by their short escapes, every other control character, and
//! the non-characters U+FFFE and U+FFFF, as `\uXXXX`; all else is written as UTF-8. IRIs
//! are minted valid by `model::ids`, and any character IRIREF forbids is escaped as
//! `\uXXXX` all the same.

use super::Object;
use super::vocab::STRING;

/// Appends `<iri>`.
pub fn iri(buf: &mut Vec<u8>, iri: &str) {
    buf.push(b'<');
    iri_body(buf, iri);
    buf.push(b'>');
}

/// Appends `<iri>` where `clean` is a string that [`needs_no_escape`]: when the IRI starts
/// with it (a document's IRIs share most of their bytes), only the rest is checked.
pub fn iri_after(buf: &mut Vec<u8>, iri: &str, clean: &str) {
    match iri.strip_prefix(clean) {
        Some(rest) if !clean.is_empty() => {
            buf.push(b'<');
            buf.extend_from_slice(clean.as_bytes());
            iri_body(buf, rest);
            buf.push(b'>');
        }
        _ => self::iri(buf, iri),
    }
}

/// Whether an IRI (or a part of one) is written as it is.
pub fn needs_no_escape(iri: &str) -> bool {
    !iri.bytes().any(forbidden_in_iri)
}

/// Appends an IRI, or a part of one, escaped.
fn iri_body(buf: &mut Vec<u8>, iri: &str) {
    let bytes = iri.as_bytes();
    // IRIs are minted valid, so nearly all need no escape: eight bytes are checked at a time,
    // without a branch for each, and the IRI copied whole.
    if bytes.chunks(8).all(|c| !c.iter().fold(false, |any, &b| any | forbidden_in_iri(b))) {
        buf.extend_from_slice(bytes);
        return;
    }
    let mut from = 0;
    // Every character IRIREF forbids is ASCII, and no byte of a multi-byte UTF-8 sequence is
    // ASCII, so a scan over bytes finds them and copies the runs between them whole.
    for (i, &b) in bytes.iter().enumerate() {
        if forbidden_in_iri(b) {
            buf.extend_from_slice(bytes.get(from..i).unwrap_or_default());
            unicode_escape(buf, u32::from(b));
            from = i + 1;
        }
    }
    buf.extend_from_slice(bytes.get(from..).unwrap_or_default());
}

/// Whether IRIREF forbids the byte (all such characters are ASCII); a table, as every byte of
/// every IRI written is looked up.
fn forbidden_in_iri(b: u8) -> bool {
    FORBIDDEN_IN_IRI.get(usize::from(b)).copied().unwrap_or(true)
}

const FORBIDDEN_IN_IRI: [bool; 256] =
    byte_table!(0..=0x20 | b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\');

/// Whether [`quoted`] must look at the byte: a short escape, a C0 control or DEL, or the
/// first byte of a C1 control (C2) or of U+FFFE / U+FFFF (EF).
fn special_in_string(b: u8) -> bool {
    SPECIAL_IN_STRING.get(usize::from(b)).copied().unwrap_or(true)
}

const SPECIAL_IN_STRING: [bool; 256] = byte_table!(0..=0x1F | b'"' | b'\\' | 0x7F | 0xC2 | 0xEF);

/// Appends a quoted, escaped string.
pub fn quoted(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    // A scan over bytes: the short escapes and C0 controls are ASCII; the C1 controls
    // (U+0080–U+009F) are the two bytes C2 80–9F; U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    while let Some(&b) = bytes.get(i) {
        // Most bytes are none of those: one table lookup passes them.
        if !special_in_string(b) {
            i += 1;
            continue;
        }
        let (esc, len): (Option<&[u8]>, usize) = match b {
            b'"' => (Some(b"\\\""), 1),
            b'\\' => (Some(b"\\\\"), 1),
            b'\n' => (Some(b"\\n"), 1),
            b'\r' => (Some(b"\\r"), 1),
            b'\t' => (Some(b"\\t"), 1),
            0x08 => (Some(b"\\b"), 1),
            0x0C => (Some(b"\\f"), 1),
            0..=0x1F | 0x7F => (None, 1),
            0xC2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) => (None, 2),
            0xEF if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) => (None, 3),
            _ => {
                i += 1;
                continue;
            }
        };
        buf.extend_from_slice(bytes.get(from..i).unwrap_or_default());
        match esc {
            Some(e) => buf.extend_from_slice(e),
            None => {
                let c = s.get(i..i + len).and_then(|c| c.chars().next()).map_or(0xFFFD, u32::from);
                unicode_escape(buf, c);
            }
        }
        i += len;
        from = i;
    }
    buf.extend_from_slice(bytes.get(from..).unwrap_or_default());
    buf.push(b'"');
}

/// Appends an object term in N-Triples form.
pub fn object(buf: &mut Vec<u8>, o: &Object) {
    match o {
        Object::Iri(s) => iri(buf, s),
        Object::Lang(s, lang) => {
            quoted(buf, s);
            buf.push(b'@');
            buf.extend_from_slice(lang.as_bytes());
        }
        Object::Typed(s, dt) => {
            quoted(buf, s);
            if *dt != STRING {
                buf.extend_from_slice(b"^^");
                iri(buf, dt);
            }
        }
    }
}

fn unicode_escape(buf: &mut Vec<u8>, n: u32) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let digits = if n <= 0xFFFF { 4 } else { 8 };
    buf.extend_from_slice(if digits == 4 { b"\\u" } else { b"\\U" });
    for k in (0..digits).rev() {
        buf.push(HEX.get(((n >> (4 * k)) & 0xF) as usize).copied().unwrap_or(b'0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_one_pass_without_recursion() {
        let mut buf = Vec::new();
        quoted(&mut buf, "a\"b\\c\nd\re\u{1}f\u{fffe}é");
        assert_eq!(String::from_utf8(buf).unwrap(), "\"a\\\"b\\\\c\\nd\\re\\u0001f\\uFFFEé\"");
        // A text of a million quotes: sophia 0.10 recursed once per escape and overflowed.
        let mut buf = Vec::new();
        quoted(&mut buf, &"\"".repeat(1_000_000));
        assert_eq!(buf.len(), 2_000_002);
    }

    #[test]
    fn escapes_c1_controls_and_iri_characters_but_keeps_other_utf8() {
        let mut buf = Vec::new();
        quoted(&mut buf, "\u{7f}\u{85}\u{a0}\u{ffff}\u{fffd}😀");
        assert_eq!(String::from_utf8(buf).unwrap(), "\"\\u007F\\u0085\u{a0}\\uFFFF\u{fffd}😀\"");
        let mut buf = Vec::new();
        iri(&mut buf, "https://x.org/a b<é>|^`{}\\");
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "<https://x.org/a\\u0020b\\u003Cé\\u003E\\u007C\\u005E\\u0060\\u007B\\u007D\\u005C>"
        );
    }
}
