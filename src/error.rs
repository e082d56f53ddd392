//! Errors and warnings, printed as `FILE:LINE: message` (DESIGN §3).
//!
//! Stages report an [`ErrorKind`] with the byte span where the trouble is; the conversion
//! turns the span into a line (counting from 1) and the batch adds the file name, as
//! ripgrep's `ignore` tags errors with a path and a line.

use crate::model::Span;
use std::fmt;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read (missing file, permission, a directory where a file was
    /// expected).
    Io,
    /// The input holds no text at all, or only whitespace.
    Empty,
    /// The input is binary data, not text.
    Binary,
    /// The input is not valid UTF-8 (and `--lossy` was not given).
    Encoding,
    /// The input is text, but not a resolution: no enacting formula, no paragraphs.
    NotAResolution,
    /// The input is larger, longer-lined or deeper-nested than the documented limits.
    TooLarge,
    /// An XML input is not well-formed, or uses a feature refused for safety (DTDs).
    Xml,
    /// Writing an output failed.
    Output,
    /// An RDF input (Turtle, N-Triples, N-Quads, TriG, JSON-LD) does not parse, or does not
    /// say which document it holds.
    Rdf,
}

/// An error with its place: file, line and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    span: Option<Span>,
    path: Option<String>,
    line: Option<usize>,
}

impl Error {
    /// An error of `kind` with `message`, at no particular place.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), span: None, path: None, line: None }
    }

    /// An error at a span of the source.
    pub fn at(kind: ErrorKind, span: Span, message: impl Into<String>) -> Self {
        Error { span: Some(span), ..Error::new(kind, message) }
    }

    /// The same error, located at `line` (from 1).
    pub fn with_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The same error, naming `path`.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without file or line.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The span of the source where the error is, if any.
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// The line (from 1), once known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The file, once known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, self.path.as_deref(), self.line, &self.message)
    }
}

impl std::error::Error for Error {}

/// A problem that did not stop the conversion (bad UTF-8 replaced, a footnote without its
/// text, a vote whose counts could not be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// What happened.
    pub message: String,
    /// Where, in the source.
    pub span: Option<Span>,
    /// The line (from 1), once known.
    pub line: Option<usize>,
    /// The file, once known.
    pub path: Option<String>,
}

impl Warning {
    /// A warning at a span.
    pub fn at(span: Span, message: impl Into<String>) -> Self {
        Warning { message: message.into(), span: Some(span), line: None, path: None }
    }

    /// A warning about the whole input.
    pub fn new(message: impl Into<String>) -> Self {
        Warning { message: message.into(), span: None, line: None, path: None }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, self.path.as_deref(), self.line, &format!("warning: {}", self.message))
    }
}

fn write_located(f: &mut fmt::Formatter<'_>, path: Option<&str>, line: Option<usize>, msg: &str) -> fmt::Result {
    match (path, line) {
        (Some(p), Some(l)) => write!(f, "{p}:{l}: {msg}"),
        (Some(p), None) => write!(f, "{p}: {msg}"),
        (None, Some(l)) => write!(f, "line {l}: {msg}"),
        (None, None) => f.write_str(msg),
    }
}
