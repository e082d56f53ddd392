//! Turtle, written from the sorted triples of one document.
//!
//! The triples come sorted by subject (its type first) and predicate, so grouping them is a
//! comparison with the triple before: `;` for the same subject, `,` for the same predicate.
//! IRIs under a known prefix are abbreviated, integers and booleans written bare, and every
//! other term is written in its N-Triples form by `terms`.

use super::vocab::{BOOLEAN, INTEGER, PREFIXES, STRING, TYPE};
use super::{Graph, Object, terms};
use std::io::{self, Write};

/// Writes the graph as Turtle.
pub fn write(g: &Graph, mut out: impl Write) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(g.triples.len() * 90 + 512);
    for (p, ns) in PREFIXES {
        buf.extend_from_slice(b"PREFIX ");
        buf.extend_from_slice(p.as_bytes());
        buf.extend_from_slice(b": <");
        buf.extend_from_slice(ns.as_bytes());
        buf.extend_from_slice(b">\n");
    }
    let mut last: Option<(&str, &str)> = None;
    for t in &g.triples {
        match last {
            Some((s, p)) if s == &*t.s && p == t.p => buf.extend_from_slice(b" ,\n        "),
            Some((s, _)) if s == &*t.s => {
                buf.extend_from_slice(b" ;\n    ");
                predicate(&mut buf, t.p);
                buf.push(b' ');
            }
            _ => {
                if last.is_some() {
                    buf.extend_from_slice(b" .\n");
                }
                buf.push(b'\n');
                term_iri(&mut buf, &t.s);
                buf.push(b' ');
                predicate(&mut buf, t.p);
                buf.push(b' ');
            }
        }
        obj(&mut buf, &t.o);
        last = Some((&*t.s, t.p));
    }
    if last.is_some() {
        buf.extend_from_slice(b" .\n");
    }
    out.write_all(&buf)
}

/// `prefix:local` for an IRI under a known prefix whose local part needs no escape.
///
/// A local part of that kind holds no `/` or `#`, so the namespace can only be the IRI up to
/// its last `/` or `#`: one comparison of lengths rules out most prefixes.
fn prefixed(iri: &str) -> Option<(&'static str, &str)> {
    let b = iri.as_bytes();
    let split = b.iter().rposition(|c| *c == b'/' || *c == b'#')? + 1;
    let (ns, local) = (iri.get(..split)?, iri.get(split..)?);
    let l = local.as_bytes();
    let ok = l.first().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        && l.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
        && !local.ends_with('-');
    if !ok {
        return None;
    }
    PREFIXES.iter().find(|(_, n)| n.len() == ns.len() && *n == ns).map(|(p, _)| (*p, local))
}

fn term_iri(buf: &mut Vec<u8>, s: &str) {
    match prefixed(s) {
        Some((p, local)) => {
            buf.extend_from_slice(p.as_bytes());
            buf.push(b':');
            buf.extend_from_slice(local.as_bytes());
        }
        None => terms::iri(buf, s),
    }
}

fn predicate(buf: &mut Vec<u8>, p: &str) {
    if p == TYPE { buf.push(b'a') } else { term_iri(buf, p) }
}

fn obj(buf: &mut Vec<u8>, o: &Object) {
    match o {
        Object::Iri(s) => term_iri(buf, s),
        // Canonical integers and booleans are Turtle's own literals.
        Object::Typed(lex, dt) if *dt == INTEGER && is_canonical_integer(lex) => buf.extend_from_slice(lex.as_bytes()),
        Object::Typed(lex, dt) if *dt == BOOLEAN && (lex == "true" || lex == "false") => {
            buf.extend_from_slice(lex.as_bytes())
        }
        Object::Typed(lex, dt) if *dt != STRING => {
            terms::quoted(buf, lex);
            buf.extend_from_slice(b"^^");
            term_iri(buf, dt);
        }
        o => terms::object(buf, o),
    }
}

fn is_canonical_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'))
}
