//! The command line, declared with clap. The doc comments are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use unlod::export::OutputFormat;

/// unlod — United Nations resolutions to linked open data.
///
/// Reads resolutions of the General Assembly, Security Council, ECOSOC, Human Rights Council
/// and other organs (Markdown or plain text converted from the official PDFs) and writes
/// RDF (Turtle, N-Triples, N-Quads, JSON-LD) and Akoma Ntoso 3.0 XML.
///
/// Examples:
///
///   unlod convert examples/ecosoc-2011-31.md              Turtle on stdout
///
///   unlod convert -f akn examples/ecosoc-2011-31.md       Akoma Ntoso on stdout
///
///   unlod convert -o out/ corpus/                          .ttl and .akn.xml per file
///
///   unlod convert -f nquads corpus/ | bulk-loader         one stream for a store
#[derive(Parser, Debug)]
#[command(name = "unlod", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Convert resolutions to RDF and Akoma Ntoso.
    ///
    /// Each INPUT is a file, a directory (every .md, .txt and .xml file below it, in name
    /// order) or - for standard input. Without --out-dir, one input is written to standard
    /// output in one format (N-Triples and N-Quads take any number of inputs and
    /// concatenate them). With --out-dir, each input gives one file per format, named after
    /// the input (in/GA/75-1/paged.md → DIR/GA/75-1/paged.ttl), written atomically.
    ///
    /// Errors are reported as FILE:LINE: message and do not stop the other inputs. Exit
    /// status: 0 when every input converted, 1 when at least one failed, 2 on a usage error.
    Convert(ConvertArgs),
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum From {
    /// Markdown converted from PDF.
    Md,
    /// Plain text (pdftotext, OCR).
    Txt,
    /// Akoma Ntoso XML.
    Akn,
}

/// Options of `unlod convert`.
#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// Files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write one file per input and format into DIR (created if missing) instead of
    /// standard output.
    #[arg(short, long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Output format; repeat for several (with --out-dir). Default: turtle, and with
    /// --out-dir turtle and akn.
    #[arg(short, long = "format", value_name = "F")]
    pub formats: Vec<OutputFormat>,

    /// Input format. Default: detected from the content.
    #[arg(long, value_name = "FMT")]
    pub from: Option<From>,

    /// Base of the IRIs minted for documents, parts, actors and meetings. Set your own: the
    /// default is a placeholder.
    #[arg(long, value_name = "IRI", default_value = unlod::export::DEFAULT_BASE)]
    pub base: String,

    /// Parallel workers. Default: all cores.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Replace bytes that are not UTF-8 with U+FFFD (and warn) instead of refusing the
    /// input.
    #[arg(long)]
    pub lossy: bool,

    /// Stop at the first input that fails.
    #[arg(long)]
    pub fail_fast: bool,

    /// Do not print warnings (errors are always printed).
    #[arg(short, long)]
    pub quiet: bool,
}
