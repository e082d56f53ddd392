//! Bytes to text: BOMs, UTF-16, invalid UTF-8, line ends, binary data.

use crate::error::{Error, ErrorKind, Warning};

/// Decodes `bytes` into text with `\n` line ends, and the warnings met. Invalid UTF-8 is
/// an error unless `lossy`, when it becomes U+FFFD with a warning.
pub(super) fn decode(bytes: &[u8], lossy: bool) -> Result<(String, Vec<Warning>), Error> {
    let mut warnings = Vec::new();
    let decode_utf8 = |b: &[u8], w: &mut Vec<Warning>| if lossy { Ok(utf8(b, w)) } else { strict_utf8(b) };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        match decode_utf8(bytes, &mut warnings) {
            Ok(t) => t,
            // Binary data says so before it says it is not UTF-8.
            Err(e) if looks_binary(&String::from_utf8_lossy(bytes)) => {
                drop(e);
                return Err(binary());
            }
            Err(e) => return Err(e),
        }
    };
    let text = normalise_line_ends(text);
    if looks_binary(&text) {
        return Err(binary());
    }
    Ok((text, warnings))
}

fn binary() -> Error {
    Error::new(ErrorKind::Binary, "expected the text of a resolution (UTF-8 or UTF-16), found binary data").with_line(1)
}

/// UTF-8, or an error at the line and column of the first invalid byte.
fn strict_utf8(bytes: &[u8]) -> Result<String, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let before = bytes.get(..at).unwrap_or(&[]);
            let line = before.iter().filter(|c| **c == b'\n').count() + 1;
            let col = at - before.iter().rposition(|c| *c == b'\n').map_or(0, |p| p + 1) + 1;
            let byte = bytes.get(at).copied().unwrap_or(0);
            Err(Error::new(
                ErrorKind::Encoding,
                format!(
                    "expected UTF-8 text, found the byte 0x{byte:02X} at column {col} (convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8, or pass --lossy to replace bad bytes with U+FFFD)"
                ),
            )
            .with_line(line))
        }
    }
}

fn utf8(bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let first = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count()
                - String::from_utf8_lossy(bytes.get(..first).unwrap_or(&[])).matches('\u{FFFD}').count();
            let line = bytes.get(..first).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count()) + 1;
            let mut w =
                Warning::new(format!("invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD, the first here"));
            w.line = Some(line);
            warnings.push(w);
            text
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<Warning>) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut bad = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
        out.push('\u{FFFD}');
    }
    if bad > 0 {
        warnings.push(Warning::new(format!("invalid UTF-16: {bad} unit(s) replaced by U+FFFD")));
    }
    out
}

fn normalise_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Binary data: NUL bytes, or many control characters or replacement characters in the
/// first 64 KiB.
fn looks_binary(text: &str) -> bool {
    // The bytes of the first 65,536 characters, at most four each: when they hold nothing
    // that is counted, the answer is no without decoding a character (decoding every
    // character of every input was 2 % of a conversion's instructions).
    let head = text.as_bytes().get(..65_536 * 4).unwrap_or(text.as_bytes());
    if !holds_odd(head) {
        return false;
    }
    let (mut total, mut odd) = (0usize, 0usize);
    for c in text.chars().take(65_536) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\t' | '\x0c')) {
            odd += 1;
        }
    }
    total > 0 && odd * 20 > total
}

/// Whether UTF-8 `bytes` may hold a character that [`looks_binary`] counts: a control
/// character other than line feed, tab and form feed (C0 and DEL are single bytes, C1 the
/// two bytes C2 80–9F), or U+FFFD (EF BF BD).
///
/// The bytes are read 64 at a time with a test of each byte that has no branch, which the
/// compiler makes a few vector instructions; only a block that holds a byte that may start
/// such a character is read byte by byte.
fn holds_odd(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let may_start =
        |b: u8| (b < 0x20 && b != b'\n' && b != b'\t' && b != 0x0C) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF);
    bytes.chunks(BLOCK).enumerate().any(|(k, block)| {
        block.iter().fold(false, |any, &b| any | may_start(b))
            && (k * BLOCK..k * BLOCK + block.len()).any(|i| odd_at(bytes, i))
    })
}

/// Whether the character that starts at byte `i` of `bytes` is one that [`looks_binary`]
/// counts (see [`holds_odd`]).
fn odd_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n' | b'\t' | 0x0C) | None => false,
        Some(0..=0x1F | 0x7F) => true,
        Some(0xC2) => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        Some(0xEF) => bytes.get(i + 1) == Some(&0xBF) && bytes.get(i + 2) == Some(&0xBD),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "The Council,\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (text, w) = decode(&bytes, false).unwrap();
        assert_eq!(text, "The Council,\n");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_when_lossy() {
        let (text, w) = decode(b"Recalling \xFF its resolution", true).unwrap();
        assert!(text.contains('\u{FFFD}'));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_line_and_column() {
        let e = decode(b"The Council,\n\nRecalling \xFF its", false).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        assert_eq!(e.line(), Some(3));
        assert!(e.message().contains("0xFF at column 11"), "{}", e.message());
    }

    #[test]
    fn the_byte_check_finds_every_character_that_looks_binary_counts() {
        let counted =
            |s: &str| s.chars().any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\t' | '\x0c')));
        for s in [
            "plain\n\ttext é \u{a0}§°\x0c",
            "a\u{85}b",
            "a\u{9f}",
            "a\u{fffd}",
            "a\u{7f}",
            "x\0",
            "\r",
            "\u{fffe}\u{ffff}\u{feff}",
        ] {
            assert_eq!(holds_odd(s.as_bytes()), counted(s), "{s:?}");
        }
    }

    #[test]
    fn random_bytes_are_binary() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(decode(&bytes, false).map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Binary));
    }
}
