//! RDF: the model mapped once to triples ([`mapping`]), written in several syntaxes.
//!
//! Turtle and N-Triples go through sophia's serialisers; N-Quads puts every triple in one
//! named graph, the document's expression IRI; JSON-LD groups the triples by subject under
//! the published context `ontology/context.jsonld`.

pub mod jsonld;
pub mod mapping;
pub mod vocab;

use sophia::api::ns::IriRef;
use sophia::api::prefix::Prefix;
use sophia::api::serializer::{QuadSerializer, TripleSerializer};
use sophia::api::source::IntoSource;
use sophia::api::term::{LanguageTag, SimpleTerm};
use sophia::iri::Iri;
use sophia::turtle::serializer::nq::NQuadsSerializer;
use sophia::turtle::serializer::nt::NTriplesSerializer;
use sophia::turtle::serializer::turtle::{TurtleConfig, TurtleSerializer};
use std::io::{self, Write};

/// The object of a triple.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Object {
    /// An IRI.
    Iri(String),
    /// A literal with a language tag.
    Lang(String, String),
    /// A literal with a datatype IRI.
    Typed(String, &'static str),
}

/// One triple; the subject is always an IRI.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Triple {
    /// Subject IRI.
    pub s: String,
    /// Predicate IRI.
    pub p: &'static str,
    /// Object.
    pub o: Object,
}

/// The triples of one document, and the graph name they go in for N-Quads.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Name of the document's graph (its expression IRI).
    pub name: String,
    /// The triples, without duplicates, in a stable order.
    pub triples: Vec<Triple>,
}

impl Graph {
    fn terms(&self) -> impl Iterator<Item = [SimpleTerm<'_>; 3]> {
        self.triples.iter().map(|t| [iri(&t.s), iri(t.p), object(&t.o)])
    }
}

fn iri(s: &str) -> SimpleTerm<'_> {
    SimpleTerm::Iri(IriRef::new_unchecked(s.into()))
}

fn object(o: &Object) -> SimpleTerm<'_> {
    match o {
        Object::Iri(s) => iri(s),
        Object::Lang(s, l) => {
            SimpleTerm::LiteralLanguage(s.as_str().into(), LanguageTag::new_unchecked(l.as_str().into()), None)
        }
        Object::Typed(s, dt) => SimpleTerm::LiteralDatatype(s.as_str().into(), IriRef::new_unchecked((*dt).into())),
    }
}

fn io_err<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// Writes the graph as Turtle, with the prefixes of [`vocab::PREFIXES`], grouped by subject.
///
/// The triples are sorted by subject and predicate, so sophia's streaming serialiser, which
/// factors a triple with the one before it, groups them as its pretty serialiser would, in
/// linear time (the pretty one analyses the whole graph and took 80 % of a conversion).
pub fn write_turtle(g: &Graph, mut out: impl Write) -> io::Result<()> {
    let prefixes: Vec<_> = vocab::PREFIXES
        .iter()
        .map(|(p, ns)| (Prefix::new_unchecked((*p).into()), Iri::new_unchecked((*ns).into())))
        .collect();
    let config = TurtleConfig::new().with_pretty(false).with_own_prefix_map(prefixes);
    let mut buf = Vec::with_capacity(g.triples.len() * 80);
    TurtleSerializer::new_with_config(&mut buf, config).serialize_triples(g.terms().into_source()).map_err(io_err)?;
    // A blank line before each subject (and after the prefixes), for the human reader: a
    // line at column 0 after one that ends a statement starts a subject, since literals
    // never hold a raw line break.
    let mut spaced = Vec::with_capacity(buf.len() + buf.len() / 16);
    let mut prev_ends_statement = false;
    for line in buf.split_inclusive(|b| *b == b'\n') {
        let starts_subject = !line.starts_with(b"\t") && !line.starts_with(b"PREFIX ");
        if starts_subject && prev_ends_statement {
            spaced.push(b'\n');
        }
        let trimmed = line.strip_suffix(b"\n").unwrap_or(line);
        prev_ends_statement = trimmed.ends_with(b".") || line.starts_with(b"PREFIX ");
        spaced.extend_from_slice(line);
    }
    out.write_all(&spaced)
}

/// Writes the graph as N-Triples.
pub fn write_ntriples(g: &Graph, out: impl Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    NTriplesSerializer::new(&mut w).serialize_triples(g.terms().into_source()).map_err(io_err)?;
    w.flush()
}

/// Writes the graph as N-Quads, every triple in the document's named graph.
pub fn write_nquads(g: &Graph, out: impl Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    let name = iri(&g.name);
    let quads = g.terms().map(|[s, p, o]| ([s, p, o], Some(name.clone()))).into_source();
    NQuadsSerializer::new(&mut w).serialize_quads(quads).map_err(io_err)?;
    w.flush()
}
