//! Read: bytes in, [`Source`] out.
//!
//! Decodes the bytes (UTF-8 with or without BOM, UTF-16 with BOM; invalid UTF-8 becomes
//! U+FFFD with a warning), normalises line ends to `\n`, refuses empty and binary input, and
//! detects the format from the content. Nothing here knows what a resolution is.

mod decode;
mod detect;

use crate::error::{Error, ErrorKind, Warning};
use crate::model::Span;
use serde::{Deserialize, Serialize};

pub use detect::detect;

/// Largest input accepted, in bytes (1 GiB). Larger input is refused with
/// [`ErrorKind::TooLarge`] before it is decoded.
pub const MAX_INPUT_BYTES: usize = 1 << 30;

/// The formats unlod reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Markdown converted from the official PDF (or rendered from AKN).
    Markdown,
    /// Plain text: pdftotext output, OCR.
    Text,
    /// Akoma Ntoso XML (AKN4UN).
    Akn,
}

/// A decoded input.
#[derive(Clone, Debug)]
pub struct Source {
    /// The text, line ends normalised to `\n`.
    pub text: String,
    /// Its format.
    pub format: Format,
    /// Line starts, to turn byte offsets into line numbers.
    pub lines: LineMap,
    /// Problems met while decoding.
    pub warnings: Vec<Warning>,
}

impl Source {
    /// Decodes `bytes`; `from` forces the format instead of detecting it; `lossy` replaces
    /// invalid UTF-8 with U+FFFD (with a warning) instead of refusing it.
    pub fn read(bytes: &[u8], from: Option<Format>, lossy: bool) -> Result<Source, Error> {
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("input is {} bytes; at most {MAX_INPUT_BYTES} bytes are read", bytes.len()),
            ));
        }
        let (text, warnings) = decode::decode(bytes, lossy)?;
        if text.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::Empty,
                "expected the text of a resolution, found an empty file".to_string(),
            )
            .with_line(1));
        }
        let format = from.unwrap_or_else(|| detect(&text));
        let lines = LineMap::new(&text);
        let mut src = Source { text, format, lines, warnings };
        let lines = &src.lines;
        for w in &mut src.warnings {
            if let Some(span) = w.span {
                w.line = Some(lines.line(span.start));
            }
        }
        Ok(src)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// Text of a span (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// Byte offsets of line starts.
#[derive(Clone, Debug, Default)]
pub struct LineMap {
    starts: Vec<usize>,
}

impl LineMap {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineMap { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let m = LineMap::new("a\nbc\n\nd");
        assert_eq!(m.line(0), 1);
        assert_eq!(m.line(2), 2);
        assert_eq!(m.line(3), 2);
        assert_eq!(m.line(5), 3);
        assert_eq!(m.line(6), 4);
    }

    #[test]
    fn empty_and_blank_inputs_are_refused() {
        assert_eq!(Source::read(b"", None, false).map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Empty));
        assert_eq!(Source::read(b" \n\t\n", None, false).map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Empty));
    }
}
