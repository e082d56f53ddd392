//! RDF: the model mapped once to triples ([`mapping`]), written in several syntaxes.
//!
//! The terms are written by the private module `terms`, Turtle by `turtle` (grouped by
//! subject, prefixed names), N-Triples and N-Quads one statement a line (N-Quads in the
//! document's named graph, its expression IRI); JSON-LD groups the triples by subject under
//! the published context `ontology/context.jsonld`.
//!
//! sophia's serialisers were used first and left: its pretty Turtle took 73 % of a
//! conversion, and its string escaping recursed once per escaped character, so that a text
//! of a few hundred thousand quotes or line ends overflowed the stack.

pub mod jsonld;
pub mod mapping;
mod terms;
mod turtle;
pub mod vocab;

use std::sync::Arc;

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
    /// Subject IRI, shared by the triples of one subject.
    pub s: Arc<str>,
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

/// Whether two strings are equal, first by address: the triples of a subject share its
/// string (see `mapping::Mapper::subject`) and predicates are static strings, so the long
/// IRIs are seldom compared byte by byte.
pub(crate) fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// The graph as Turtle, with the prefixes of [`vocab::PREFIXES`], grouped by subject.
pub fn turtle(g: &Graph) -> Vec<u8> {
    turtle::to_bytes(g)
}

/// The graph as N-Triples.
pub fn ntriples(g: &Graph) -> Vec<u8> {
    statements(g, None)
}

/// The graph as N-Quads, every triple in the document's named graph.
pub fn nquads(g: &Graph) -> Vec<u8> {
    statements(g, Some(&g.name))
}

/// One statement a line: the triples, in `graph` when given.
fn statements(g: &Graph, graph: Option<&str>) -> Vec<u8> {
    let mut buf = Vec::with_capacity(g.triples.len() * 160);
    let mut name = Vec::new();
    if let Some(n) = graph {
        terms::iri(&mut name, n);
    }
    // Triples come grouped by subject: its escaped form is kept while it repeats.
    let mut subject: (&str, Vec<u8>) = ("", Vec::new());
    for t in &g.triples {
        if subject.1.is_empty() || subject.0 != &*t.s {
            subject.1.clear();
            terms::iri(&mut subject.1, &t.s);
            subject.0 = &t.s;
        }
        buf.extend_from_slice(&subject.1);
        buf.push(b' ');
        terms::iri(&mut buf, t.p);
        buf.push(b' ');
        terms::object(&mut buf, &t.o);
        if graph.is_some() {
            buf.push(b' ');
            buf.extend_from_slice(&name);
        }
        buf.extend_from_slice(b" .\n");
    }
    buf
}
