//! SPARQL: documents as named graphs, queried in an embedded store ([`store`], [`results`])
//! or sent to a server with the SPARQL 1.1 Graph Store HTTP Protocol ([`gsp`]).
//!
//! What comes in is one input file at a time: a resolution (Markdown, plain text, Akoma
//! Ntoso), converted by [`crate::convert`] and mapped by [`crate::export::rdf::mapping`],
//! or one of unlod's own RDF outputs (Turtle, N-Triples, N-Quads, TriG, JSON-LD), parsed.
//! What goes out is [`NamedGraph`]s: every document in one graph named by its expression
//! IRI (`…/eng@2011-07-28`), as `unlod convert -f nquads` writes it, so that a document
//! can be replaced whole and queries can ask which document a triple came from.
//!
//! Nothing here prints: the binary reports.

pub(crate) mod digest;
pub mod gsp;
pub mod results;
pub mod store;

use crate::error::{Error, ErrorKind, Warning};
use crate::export::ExportOptions;
use crate::export::rdf::vocab::{EXPRESSION, TYPE};
use crate::export::rdf::{Object, mapping};
use crate::{ConvertOptions, convert};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer, RdfSyntaxError};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use std::collections::HashSet;

/// The unlod ontology (`ontology/unlod.ttl`), loaded beside the data by `unlod query`.
pub const ONTOLOGY: &str = include_str!("../../ontology/unlod.ttl");

/// The graph the ontology is put in: the ontology's own IRI.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/unlod/ontology";

/// Extensions of the RDF files taken as inputs (besides the resolution texts), in
/// directories too.
pub const RDF_EXTENSIONS: &[&str] = &["ttl", "nt", "nq", "trig", "jsonld"];

/// The RDF syntax of a file, from its extension; `None` for a resolution text.
pub fn rdf_format(file_name: &str) -> Option<RdfFormat> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match ext.as_str() {
        "ttl" => Some(RdfFormat::Turtle),
        "nt" => Some(RdfFormat::NTriples),
        "nq" => Some(RdfFormat::NQuads),
        "trig" => Some(RdfFormat::TriG),
        "jsonld" => Some(RdfFormat::JsonLd { profile: Default::default() }),
        _ => None,
    }
}

/// The triples of one document, and the graph they belong in.
#[derive(Clone, Debug, Default)]
pub struct NamedGraph {
    /// The graph's name: the document's expression IRI. `None` for a file of triples in which
    /// no `unlod:Expression` (or more than one) says which document it is.
    pub name: Option<NamedNode>,
    /// The triples, without duplicates, in the order first seen.
    pub triples: Vec<Triple>,
}

impl NamedGraph {
    /// The triples as N-Triples (which is also valid Turtle).
    pub fn to_ntriples(&self) -> Vec<u8> {
        let mut w =
            RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::with_capacity(self.triples.len() * 120));
        for t in &self.triples {
            // Writing to a Vec cannot fail.
            let _ = w.serialize_triple(t);
        }
        w.finish().unwrap_or_default()
    }

    /// The name of the graph as an IRI string, if it has one.
    pub fn iri(&self) -> Option<&str> {
        self.name.as_ref().map(NamedNode::as_str)
    }
}

/// How inputs become graphs.
#[derive(Clone, Debug, Default)]
pub struct PrepareOptions {
    /// How resolution texts are converted.
    pub convert: ConvertOptions,
    /// How they are mapped to RDF (base IRI; the name is set from the file).
    pub export: ExportOptions,
}

/// One input as graphs, with the warnings of its conversion.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    /// Its graphs: one for a resolution, one per graph of an N-Quads or TriG file.
    pub graphs: Vec<NamedGraph>,
    /// Problems that did not stop the conversion, with their lines.
    pub warnings: Vec<Warning>,
}

impl Prepared {
    /// The number of triples in all graphs.
    pub fn len(&self) -> usize {
        self.graphs.iter().map(|g| g.triples.len()).sum()
    }

    /// Whether there is no triple at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Turns one input into graphs: an RDF file (by the extension of `file_name`) is parsed; any
/// other file is converted as a resolution. `stem` names a document that has no other name
/// (see [`ExportOptions::name`]). Errors carry the line they are about; the caller adds the
/// file name.
pub fn prepare(file_name: &str, stem: &str, bytes: &[u8], opts: &PrepareOptions) -> Result<Prepared, Error> {
    match rdf_format(file_name) {
        Some(format) => Ok(Prepared { graphs: parse_rdf(format, bytes)?, warnings: Vec::new() }),
        None => {
            let converted = convert(bytes, &opts.convert)?;
            let export = ExportOptions { name: stem.to_string(), ..opts.export.clone() };
            let g = mapping::map(&converted.resolution, &export);
            Ok(Prepared { graphs: vec![from_mapping(&g)?], warnings: converted.warnings })
        }
    }
}

/// The mapping's triples as oxigraph's; an IRI that is not valid is an error rather than a
/// graph a server would refuse.
pub fn from_mapping(g: &crate::export::rdf::Graph) -> Result<NamedGraph, Error> {
    let iri = |s: &str| {
        NamedNode::new(s)
            .map_err(|e| Error::new(ErrorKind::Rdf, format!("the document maps to an invalid IRI <{s}>: {e}")))
    };
    let mut triples = Vec::with_capacity(g.triples.len());
    for t in &g.triples {
        let object: Term = match &t.o {
            Object::Iri(o) => iri(o)?.into(),
            Object::Lang(v, lang) => Literal::new_language_tagged_literal(v.as_str(), lang.as_str())
                .map_err(|e| Error::new(ErrorKind::Rdf, format!("invalid language tag {lang:?}: {e}")))?
                .into(),
            Object::Typed(v, dt) => Literal::new_typed_literal(v.as_str(), iri(dt)?).into(),
        };
        triples.push(Triple::new(iri(&t.s)?, iri(t.p)?, object));
    }
    // The mapping sorts and removes duplicates already.
    Ok(NamedGraph { name: Some(iri(&g.name)?), triples })
}

/// Parses an RDF file into its graphs. Quads in named graphs keep them; the triples of the
/// default graph form one more graph, named by the document expression found among them.
fn parse_rdf(format: RdfFormat, bytes: &[u8]) -> Result<Vec<NamedGraph>, Error> {
    let mut graphs: Vec<(Option<NamedNode>, Vec<Triple>, HashSet<Triple>)> = Vec::new();
    for quad in RdfParser::from_format(format).for_slice(bytes) {
        let quad = quad.map_err(parse_error)?;
        let name = match quad.graph_name {
            GraphName::NamedNode(n) => Some(n),
            GraphName::DefaultGraph => None,
            GraphName::BlankNode(_) => {
                return Err(Error::new(
                    ErrorKind::Rdf,
                    "expected graphs named by IRIs, found a graph named by a blank node",
                ));
            }
        };
        let triple = Triple::new(quad.subject, quad.predicate, quad.object);
        let slot = match graphs.iter().position(|(n, _, _)| *n == name) {
            Some(i) => i,
            None => {
                graphs.push((name, Vec::new(), HashSet::new()));
                graphs.len() - 1
            }
        };
        if let Some((_, list, seen)) = graphs.get_mut(slot)
            && seen.insert(triple.clone())
        {
            list.push(triple);
        }
    }
    if graphs.is_empty() {
        return Err(Error::new(ErrorKind::Rdf, "expected RDF triples, found none").with_line(1));
    }
    Ok(graphs
        .into_iter()
        .map(|(name, triples, _)| {
            let name = name.or_else(|| document_expression(&triples));
            NamedGraph { name, triples }
        })
        .collect())
}

/// The one subject typed `unlod:Expression`, which names the document's graph.
fn document_expression(triples: &[Triple]) -> Option<NamedNode> {
    let mut found = triples.iter().filter_map(|t| match (&t.subject, &t.object) {
        (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o))
            if t.predicate.as_str() == TYPE && o.as_str() == EXPRESSION =>
        {
            Some(s.clone())
        }
        _ => None,
    });
    let first = found.next()?;
    if found.all(|other| other == first) { Some(first) } else { None }
}

fn parse_error(e: RdfSyntaxError) -> Error {
    let line = e.location().map(|r| r.start.line + 1);
    let err = Error::new(ErrorKind::Rdf, format!("expected valid RDF: {e}"));
    match line.and_then(|l| usize::try_from(l).ok()) {
        Some(l) => err.with_line(l),
        None => err,
    }
}

/// `%`-encodes everything but the unreserved characters of RFC 3986, for an IRI put in a
/// query string (`?graph=…`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(rdf_format("a.ttl"), Some(RdfFormat::Turtle));
        assert_eq!(rdf_format("a.NQ"), Some(RdfFormat::NQuads));
        assert!(rdf_format("a.jsonld").is_some());
        assert_eq!(rdf_format("a.md"), None);
        assert_eq!(rdf_format("a.akn.xml"), None);
        assert_eq!(rdf_format("README"), None);
    }

    #[test]
    fn percent_encodes_iris() {
        assert_eq!(percent_encode("https://x.org/a b/~c@d"), "https%3A%2F%2Fx.org%2Fa%20b%2F~c%40d");
    }

    #[test]
    fn turtle_names_its_graph_by_the_expression() {
        let ttl = br#"<http://x/e> a <https://w3id.org/unlod/ontology#Expression> ; <http://x/p> "v", "v" .
<http://x/e/~p1> a <https://w3id.org/unlod/ontology#PartExpression> ."#;
        let p = prepare("d.ttl", "d", ttl, &PrepareOptions::default()).unwrap();
        assert_eq!(p.graphs.len(), 1);
        assert_eq!(p.graphs[0].iri(), Some("http://x/e"));
        assert_eq!(p.len(), 3, "duplicates are dropped");
    }

    #[test]
    fn turtle_without_a_document_has_no_graph_name() {
        let p =
            prepare("d.nt", "d", b"<http://x/s> <http://x/p> <http://x/o> .\n", &PrepareOptions::default()).unwrap();
        assert_eq!(p.graphs[0].name, None);
    }

    #[test]
    fn nquads_keep_their_graphs() {
        let nq = b"<http://x/s> <http://x/p> <http://x/o> <http://x/g1> .\n<http://x/s> <http://x/p> <http://x/o> <http://x/g2> .\n";
        let p = prepare("d.nq", "d", nq, &PrepareOptions::default()).unwrap();
        let names: Vec<_> = p.graphs.iter().map(|g| g.iri().unwrap()).collect();
        assert_eq!(names, ["http://x/g1", "http://x/g2"]);
    }

    #[test]
    fn bad_rdf_is_reported_at_its_line() {
        let e = prepare(
            "d.ttl",
            "d",
            b"<http://x/s> <http://x/p> <http://x/o> .\n<http://x/s> oops\n",
            &Default::default(),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Rdf);
        assert_eq!(e.line(), Some(2), "{e}");
        let e = prepare("d.ttl", "d", b"# nothing\n", &Default::default()).unwrap_err();
        assert!(e.message().contains("found none"), "{e}");
    }

    #[test]
    fn the_example_is_one_graph_named_by_its_expression() {
        let md = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/ecosoc-2011-31.md")).unwrap();
        let p = prepare("ecosoc-2011-31.md", "ecosoc-2011-31", &md, &PrepareOptions::default()).unwrap();
        assert_eq!(p.graphs.len(), 1);
        let g = &p.graphs[0];
        assert!(g.iri().unwrap().ends_with("/2011-31/eng@2011-07-28"), "{:?}", g.iri());
        let nt = String::from_utf8(g.to_ntriples()).unwrap();
        assert_eq!(nt.lines().count(), g.triples.len());
    }
}
