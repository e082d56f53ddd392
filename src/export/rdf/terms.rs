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
    for c in iri.chars() {
        if matches!(c, '\u{0}'..='\u{20}' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') {
            unicode_escape(buf, c);
        } else {
            push_char(buf, c);
        }
    }
    buf.push(b'>');
}

/// Appends a quoted, escaped string.
pub fn quoted(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&[u8]> = match c {
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            '\n' => Some(b"\\n"),
            '\r' => Some(b"\\r"),
            '\t' => Some(b"\\t"),
            '\u{8}' => Some(b"\\b"),
            '\u{c}' => Some(b"\\f"),
            _ => None,
        };
        let other = esc.is_none() && (c.is_control() || c == '\u{fffe}' || c == '\u{ffff}');
        if esc.is_some() || other {
            buf.extend_from_slice(s.as_bytes().get(from..i).unwrap_or(&[]));
            match esc {
                Some(e) => buf.extend_from_slice(e),
                None => unicode_escape(buf, c),
            }
            from = i + c.len_utf8();
        }
    }
    buf.extend_from_slice(s.as_bytes().get(from..).unwrap_or(&[]));
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

fn push_char(buf: &mut Vec<u8>, c: char) {
    let mut tmp = [0u8; 4];
    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

fn unicode_escape(buf: &mut Vec<u8>, c: char) {
    let n = u32::from(c);
    let s = if n <= 0xFFFF { format!("\\u{n:04X}") } else { format!("\\U{n:08X}") };
    buf.extend_from_slice(s.as_bytes());
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
}
