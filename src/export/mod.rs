//! Export: a [`Resolution`] out as RDF (Turtle, N-Triples, N-Quads, JSON-LD), Akoma Ntoso
//! XML, or the model itself as JSON.
//!
//! Every exporter builds its whole output in memory, returned by [`to_bytes`] (which a
//! caller writes or keeps without a copy) or written by [`write()`], and reads only the model
//! and the word lists: exporters never parse.

pub mod akn;
pub mod rdf;

use crate::model::Resolution;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// The default base of minted IRIs. Set your own with `--base`.
pub const DEFAULT_BASE: &str = "https://example.org";

/// Options shared by the exporters.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Base of minted IRIs, without a final slash (default [`DEFAULT_BASE`]).
    pub base: String,
    /// Name of the document when it has no organ, date and number nor symbol to build its
    /// IRI from (the input file's stem).
    pub name: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { base: DEFAULT_BASE.to_string(), name: "document".to_string() }
    }
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// RDF Turtle (`.ttl`).
    Turtle,
    /// RDF N-Triples (`.nt`).
    Ntriples,
    /// RDF N-Quads, one named graph per document (`.nq`).
    Nquads,
    /// RDF JSON-LD (`.jsonld`).
    Jsonld,
    /// Akoma Ntoso 3.0 XML (`.akn.xml`).
    Akn,
    /// The model as JSON (`.json`).
    Json,
}

impl OutputFormat {
    /// File extension of outputs in this format.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Turtle => "ttl",
            OutputFormat::Ntriples => "nt",
            OutputFormat::Nquads => "nq",
            OutputFormat::Jsonld => "jsonld",
            OutputFormat::Akn => "akn.xml",
            OutputFormat::Json => "json",
        }
    }

    /// Whether outputs of several documents can be concatenated into one valid stream.
    pub fn concatenates(self) -> bool {
        matches!(self, OutputFormat::Ntriples | OutputFormat::Nquads)
    }
}

/// `res` in `format`.
pub fn to_bytes(res: &Resolution, format: OutputFormat, opts: &ExportOptions) -> io::Result<Vec<u8>> {
    Ok(match format {
        OutputFormat::Akn => akn::to_string(res, opts).into_bytes(),
        OutputFormat::Json => {
            let mut out = Vec::new();
            write_json(res, &mut out)?;
            out
        }
        rdf_format => {
            let g = rdf::mapping::map(res, opts);
            match rdf_format {
                OutputFormat::Ntriples => rdf::ntriples(&g),
                OutputFormat::Nquads => rdf::nquads(&g),
                OutputFormat::Jsonld => {
                    let mut out = Vec::new();
                    rdf::jsonld::write(&g, &mut out)?;
                    out
                }
                _ => rdf::turtle(&g),
            }
        }
    })
}

/// Writes `res` in `format`.
pub fn write(res: &Resolution, format: OutputFormat, opts: &ExportOptions, mut out: impl Write) -> io::Result<()> {
    out.write_all(&to_bytes(res, format, opts)?)
}

/// Writes the model as pretty JSON.
pub fn write_json(res: &Resolution, mut out: impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, res).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
