//! RDF: the model mapped once to triples ([`mapping`]), written in several syntaxes.
//!
//! Turtle is written by the private module `turtle` (sophia's term writer escapes the terms); N-Triples
//! goes through sophia's serialiser; N-Quads puts every triple in one
//! named graph, the document's expression IRI; JSON-LD groups the triples by subject under
//! the published context `ontology/context.jsonld`.

pub mod jsonld;
pub mod mapping;
mod turtle;
pub mod vocab;

use sophia::api::ns::IriRef;
use sophia::api::serializer::{QuadSerializer, TripleSerializer};
use sophia::api::source::IntoSource;
use sophia::api::term::{LanguageTag, SimpleTerm};
use sophia::turtle::serializer::nq::NQuadsSerializer;
use sophia::turtle::serializer::nt::NTriplesSerializer;
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
pub fn write_turtle(g: &Graph, out: impl Write) -> io::Result<()> {
    turtle::write(g, out)
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
