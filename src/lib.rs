//! unlod turns United Nations resolutions into linked open data.
//!
//! ```text
//! bytes ──read──▶ Source ──layout──▶ Blocks ──structure──▶ skeleton ──recognize──▶ model::Resolution
//! model::Resolution ──export::rdf──▶ Turtle / N-Triples / N-Quads / JSON-LD
//!                   ──export::akn──▶ Akoma Ntoso 3.0 XML
//! ```
//!
//! Each stage is a module with one job, and data flows one way: [`read`] decodes bytes and
//! detects the format, [`layout`] undoes the pages of a PDF conversion, [`structure`] finds
//! the parts of the resolution, [`recognize`] reads what the words mean, [`model`] holds the
//! result as plain data, and [`export`] writes it. Word lists live in `ontology/*.tsv`
//! ([`words`]).
//!
//! ```
//! let md = std::fs::read("examples/ecosoc-2011-31.md").unwrap();
//! let converted = unlod::convert(&md, &unlod::ConvertOptions::default()).unwrap();
//! let res = &converted.resolution;
//! assert_eq!(res.meta.symbol.as_deref(), Some("E/RES/2011/31"));
//! let mut ttl = Vec::new();
//! unlod::export::write(res, unlod::export::OutputFormat::Turtle, &Default::default(), &mut ttl).unwrap();
//! assert!(String::from_utf8(ttl).unwrap().contains("unlod:PreambularParagraph"));
//! ```

/// A table of the 256 bytes, `true` for those that match the pattern: for the byte loops
/// that look at every byte of a text (`table[usize::from(b)]` costs a load, a `matches!` of
/// several ranges a chain of compares).
macro_rules! byte_table {
    ($pattern:pat) => {{
        let mut t = [false; 256];
        let mut b = 0;
        #[allow(clippy::indexing_slicing)] // b < 256 by the loop's condition
        while b < 256 {
            t[b] = matches!(b as u8, $pattern);
            b += 1;
        }
        t
    }};
}

mod bytes;
pub mod error;
pub mod export;
pub mod import;
pub mod layout;
pub mod model;
pub mod output;
pub mod read;
pub mod recognize;
pub mod sparql;
pub mod structure;
pub mod words;

pub use error::{Error, ErrorKind, Warning};
pub use model::Resolution;
pub use read::Format;

/// Options of a conversion.
#[derive(Clone, Debug, Default)]
pub struct ConvertOptions {
    /// The input format; detected from the content when `None`.
    pub from: Option<Format>,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of refusing the input.
    pub lossy: bool,
}

/// A converted document and the problems that did not stop it.
#[derive(Clone, Debug)]
pub struct Converted {
    /// The model.
    pub resolution: Resolution,
    /// Warnings, with their lines.
    pub warnings: Vec<Warning>,
}

/// Converts the bytes of one input into the model. Errors and warnings carry the line they
/// are about; the caller adds the file name.
pub fn convert(bytes: &[u8], opts: &ConvertOptions) -> Result<Converted, Error> {
    let src = read::Source::read(bytes, opts.from, opts.lossy)?;
    let locate = |e: Error| match (e.line(), e.span()) {
        (None, Some(span)) => {
            let line = src.line(span.start);
            e.with_line(line)
        }
        _ => e,
    };
    let (resolution, mut warnings) = match src.format {
        Format::Akn => {
            let imported = import::akn::read(&src.text).map_err(locate)?;
            (imported.resolution, imported.warnings)
        }
        Format::Markdown | Format::Text => {
            let blocks = layout::undo_pages(&src).map_err(locate)?;
            let built = structure::build(blocks, src.text.len()).map_err(locate)?;
            let mut res = built.resolution;
            let mut warnings = built.warnings;
            warnings.extend(recognize::recognize(&mut res));
            (res, warnings)
        }
    };
    let mut all = src.warnings.clone();
    all.append(&mut warnings);
    for w in &mut all {
        if w.line.is_none()
            && let Some(span) = w.span
        {
            w.line = Some(src.line(span.start));
        }
    }
    Ok(Converted { resolution, warnings: all })
}
