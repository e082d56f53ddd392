//! Turtle, written from the sorted triples of one document.
//!
//! The triples come sorted by subject (its type first) and predicate, so grouping them is a
//! comparison with the triple before: `;` for the same subject, `,` for the same predicate.
//! IRIs under a known prefix are abbreviated, integers and booleans written bare, and every
//! other term is written in its N-Triples form by `terms`.

use super::vocab::{BOOLEAN, INTEGER, PREFIXES, STRING, TYPE};
use super::{Graph, Object, same, terms};

/// The graph as Turtle.
pub fn to_bytes(g: &Graph) -> Vec<u8> {
    let mut w = Writer::new(g);
    for (p, ns) in PREFIXES {
        w.buf.extend_from_slice(b"PREFIX ");
        w.buf.extend_from_slice(p.as_bytes());
        w.buf.extend_from_slice(b": <");
        w.buf.extend_from_slice(ns.as_bytes());
        w.buf.extend_from_slice(b">\n");
    }
    let mut last: Option<(&str, &str)> = None;
    for t in &g.triples {
        match last {
            Some((s, p)) if same(s, &t.s) && same(p, t.p) => w.buf.extend_from_slice(b" ,\n        "),
            Some((s, _)) if same(s, &t.s) => {
                w.buf.extend_from_slice(b" ;\n    ");
                w.predicate(t.p);
                w.buf.push(b' ');
            }
            _ => {
                if last.is_some() {
                    w.buf.extend_from_slice(b" .\n");
                }
                w.buf.push(b'\n');
                w.iri(&t.s);
                w.buf.push(b' ');
                w.predicate(t.p);
                w.buf.push(b' ');
            }
        }
        w.obj(&t.o);
        last = Some((&*t.s, t.p));
    }
    if last.is_some() {
        w.buf.extend_from_slice(b" .\n");
    }
    w.buf
}

/// The output of one graph and what is kept while it is written.
struct Writer<'g> {
    buf: Vec<u8>,
    /// The graph name up to its last `/` when it needs no escape: the document's IRIs start
    /// with it, and only the rest of each is checked.
    clean: &'g str,
    /// The graph name's scheme and authority with the `/` after them (`https://example.org/`),
    /// which all minted IRIs start with, when no prefix's namespace starts with it: then such
    /// an IRI is written whole without looking for a prefix (the namespace of a prefixed
    /// name is the IRI up to its last `/` or `#`, which would start with `site`).
    site: Option<&'g str>,
    /// Each predicate as written, by the address and length of its static string: the few
    /// dozen predicates were abbreviated anew for each of the triples.
    predicates: foldhash::HashMap<(usize, usize), (usize, usize)>,
    /// The written forms that `predicates` points into.
    written: Vec<u8>,
}

impl<'g> Writer<'g> {
    fn new(g: &'g Graph) -> Self {
        // Sized for the whole output: the objects, a subject a group and some room for the
        // punctuation and the predicates (a guess of 90 bytes a triple regrew most buffers).
        let mut size = 2048;
        let mut subject: Option<&str> = None;
        for t in &g.triples {
            size += 48 + object_len(&t.o);
            if !subject.is_some_and(|s| same(s, &t.s)) {
                size += t.s.len();
                subject = Some(&t.s);
            }
        }
        let clean =
            g.name.rfind('/').and_then(|i| g.name.get(..=i)).filter(|c| terms::needs_no_escape(c)).unwrap_or("");
        let site = g
            .name
            .match_indices('/')
            .nth(2)
            .and_then(|(i, _)| g.name.get(..=i))
            .filter(|site| !PREFIXES.iter().any(|(_, ns)| ns.starts_with(site)));
        Writer { buf: Vec::with_capacity(size), clean, site, predicates: Default::default(), written: Vec::new() }
    }

    /// Writes an IRI: whole when it is under the graph's site, else prefixed where it can be.
    fn iri(&mut self, s: &str) {
        if self.site.is_some_and(|site| s.starts_with(site)) {
            terms::iri_after(&mut self.buf, s, self.clean);
        } else {
            term_iri(&mut self.buf, s, self.clean);
        }
    }

    fn predicate(&mut self, p: &'static str) {
        if p == TYPE {
            self.buf.push(b'a');
            return;
        }
        let key = (p.as_ptr() as usize, p.len());
        let (from, to) = match self.predicates.get(&key) {
            Some(&range) => range,
            None => {
                let from = self.written.len();
                term_iri(&mut self.written, p, "");
                let range = (from, self.written.len());
                self.predicates.insert(key, range);
                range
            }
        };
        self.buf.extend_from_slice(self.written.get(from..to).unwrap_or_default());
    }

    fn obj(&mut self, o: &Object) {
        match o {
            Object::Iri(s) => self.iri(s),
            // Canonical integers and booleans are Turtle's own literals.
            Object::Typed(lex, dt) if *dt == INTEGER && is_canonical_integer(lex) => {
                self.buf.extend_from_slice(lex.as_bytes())
            }
            Object::Typed(lex, dt) if *dt == BOOLEAN && (lex == "true" || lex == "false") => {
                self.buf.extend_from_slice(lex.as_bytes())
            }
            Object::Typed(lex, dt) if *dt != STRING => {
                terms::quoted(&mut self.buf, lex);
                self.buf.extend_from_slice(b"^^");
                term_iri(&mut self.buf, dt, "");
            }
            o => terms::object(&mut self.buf, o),
        }
    }
}

/// The length of an object's value, lexical form or IRI.
fn object_len(o: &Object) -> usize {
    match o {
        Object::Iri(s) | Object::Typed(s, _) => s.len(),
        Object::Lang(s, l) => s.len() + l.len(),
    }
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

/// Writes an IRI, prefixed when it can be; `clean` as in [`terms::iri_after`].
fn term_iri(buf: &mut Vec<u8>, s: &str, clean: &str) {
    match prefixed(s) {
        Some((p, local)) => {
            buf.extend_from_slice(p.as_bytes());
            buf.push(b':');
            buf.extend_from_slice(local.as_bytes());
        }
        None => terms::iri_after(buf, s, clean),
    }
}

fn is_canonical_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::rdf::Triple;

    fn turtle(name: &str, s: &str, o: &str) -> String {
        let g = Graph {
            name: name.into(),
            triples: vec![Triple { s: s.into(), p: "http://purl.org/dc/terms/references", o: Object::Iri(o.into()) }],
        };
        String::from_utf8(to_bytes(&g)).unwrap_or_default()
    }

    #[test]
    fn iris_of_the_graphs_site_are_written_whole_and_others_prefixed() {
        let t = turtle("https://example.org/akn/doc/eng@", "https://example.org/akn/doc", "https://example.org/a b");
        assert!(
            t.contains("\n<https://example.org/akn/doc> dcterms:references <https://example.org/a\\u0020b> .\n"),
            "{t}"
        );
        // A graph whose site is a prefix's: its IRIs under that prefix are still abbreviated.
        let t = turtle(
            "http://purl.org/dc/terms/doc/eng@",
            "http://purl.org/dc/terms/doc",
            "http://purl.org/dc/terms/title",
        );
        assert!(t.contains("\ndcterms:doc dcterms:references dcterms:title .\n"), "{t}");
    }
}
