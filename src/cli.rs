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
///
///   unlod query --data corpus/ 'SELECT …'                 SPARQL, no server needed
///
///   unlod load --endpoint http://localhost:7878/store corpus/   into a SPARQL server
///
///   unlod validate out/                                    AKN against the schema, RDF against the shapes
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

    /// Query resolutions with SPARQL, in an embedded store (no server needed).
    ///
    /// Each --data PATH is a resolution (converted), one of unlod's RDF outputs (.ttl, .nt,
    /// .nq, .trig, .jsonld; parsed), a directory of them, or - for standard input. Every
    /// document goes in its named graph (its expression IRI), the ontology in
    /// <https://w3id.org/unlod/ontology>; the default graph is the union of all graphs.
    ///
    /// SELECT prints a table (or CSV, TSV, JSON, XML with --results), ASK prints true or
    /// false, CONSTRUCT and DESCRIBE print Turtle.
    ///
    /// With --store DIR the converted graphs are kept in DIR, so later queries on the same
    /// store read them back instead of converting again; an input given again is converted
    /// again only if it changed.
    ///
    /// Exit status: 0 when the query ran on every input, 1 when an input failed (the query
    /// still runs on the others) or the query failed, 2 on a usage error (a SPARQL syntax
    /// error is one).
    Query(QueryArgs),

    /// Load resolutions into a SPARQL server (SPARQL 1.1 Graph Store HTTP Protocol).
    ///
    /// Each document is sent with PUT {endpoint}?graph={its expression IRI}, which replaces
    /// that graph whole: loading again never duplicates a triple. Connection errors, timeouts
    /// and 5xx answers are retried; a 4xx answer stops that document (401 and 403 stop the
    /// load). At the end the server's triples are counted per graph and compared with what
    /// was sent.
    ///
    /// Exit status: 0 when every document was loaded and the counts match, 1 otherwise (the
    /// documents not loaded are listed; running the same command again completes the load),
    /// 2 on a usage error.
    Load(LoadArgs),

    /// Validate Akoma Ntoso against the OASIS schema and RDF against the unlod SHACL shapes.
    ///
    /// Each INPUT is a file or a directory. .xml files are Akoma Ntoso, checked with xmllint
    /// against the schema (--schema, default $UNLOD_SHARED/akn-schema/akomantoso30.xsd or
    /// ../shared/akn-schema/akomantoso30.xsd). RDF files (.ttl, .nt, .nq, .trig, .jsonld; each
    /// graph of an N-Quads file on its own) and resolutions (.md, .txt, converted first) are
    /// checked with pySHACL against ontology/shapes.ttl (built in; --shapes for another),
    /// with the ontology beside the data so that subclasses count.
    ///
    /// Prints FILE: valid, or one line per problem: for RDF the focus node, the shape, the
    /// path and the message; for AKN the line and xmllint's message. Needs xmllint (Debian:
    /// libxml2-utils) for AKN and Python 3 with pySHACL (pip install pyshacl) for RDF.
    ///
    /// Exit status: 0 when every file is valid, 1 when one is not or could not be read, 2 on
    /// a usage error.
    Validate(ValidateArgs),
}

/// Options of `unlod validate`.
#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Files and directories: Akoma Ntoso (.xml), RDF (.ttl, .nt, .nq, .trig, .jsonld) or
    /// resolutions (.md, .txt).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The Akoma Ntoso schema (akomantoso30.xsd).
    #[arg(long, value_name = "XSD")]
    pub schema: Option<PathBuf>,

    /// SHACL shapes to use instead of the built-in ontology/shapes.ttl.
    #[arg(long, value_name = "TTL")]
    pub shapes: Option<PathBuf>,

    /// Print only the problems, not the files that are valid.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `unlod query`.
#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    #[arg(value_name = "SPARQL")]
    pub query: String,

    /// A resolution, an RDF file, a directory of them, or - for standard input; repeatable.
    #[arg(short, long = "data", value_name = "PATH")]
    pub data: Vec<PathBuf>,

    /// Keep the store in DIR (created if missing) so that later queries skip the conversion.
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,

    /// How SELECT and ASK results are written.
    #[arg(short, long, value_name = "FORMAT", default_value = "table")]
    pub results: unlod::sparql::results::ResultsFormat,

    /// Base of the IRIs minted for documents, parts, actors and meetings.
    #[arg(long, value_name = "IRI", default_value = unlod::export::DEFAULT_BASE)]
    pub base: String,

    /// Do not print conversion warnings (errors are always printed).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `unlod load`.
#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Files and directories: resolutions (converted) or unlod's RDF outputs (parsed).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The Graph Store endpoint: Oxigraph http://HOST:7878/store, Virtuoso
    /// http://HOST:8890/sparql-graph-crud-auth, Fuseki http://HOST:3030/DATASET/data,
    /// GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service.
    #[arg(short, long, value_name = "URL")]
    pub endpoint: String,

    /// The SPARQL query endpoint used to count the triples loaded. Default: derived from
    /// --endpoint for the servers above; for others each graph is read back with GET.
    #[arg(long, value_name = "URL")]
    pub query_endpoint: Option<String>,

    /// Put the document in this graph instead of its expression IRI (one input only).
    #[arg(short, long, value_name = "IRI")]
    pub graph: Option<String>,

    /// User name, sent when the server asks (Digest or Basic authentication).
    #[arg(short, long, value_name = "USER")]
    pub user: Option<String>,

    /// Password of --user. Default: the environment variable UNLOD_PASSWORD.
    #[arg(short, long, value_name = "PASSWORD", requires = "user")]
    pub password: Option<String>,

    /// Print what would be sent (one line per graph: input, graph, triples, request) and
    /// send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Seconds allowed for one request.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,

    /// Retries of a request after a connection error, a timeout or a 5xx answer, waiting
    /// 1 s, 2 s, 4 s… between them.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,

    /// Base of the IRIs minted for documents, parts, actors and meetings.
    #[arg(long, value_name = "IRI", default_value = unlod::export::DEFAULT_BASE)]
    pub base: String,

    /// Do not print conversion warnings (errors are always printed).
    #[arg(short, long)]
    pub quiet: bool,
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
