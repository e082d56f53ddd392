//! JSON-LD: the triples grouped by subject, under the published context
//! `ontology/context.jsonld`.
//!
//! The context is embedded inline, whole, rather than referred to by its URL: a JSON-LD
//! processor then needs no network to read the output (oxigraph's parser, in the tests, reads
//! it back to the same triples as the Turtle). Properties and classes the context names are
//! written with its terms (`"position": 3`, `"hasPart": ["…"]`, `"@type": ["OperativeParagraph"]`);
//! a value the term's coercion does not fit, and any other IRI, is written with a compact IRI
//! and an explicit value object, so nothing depends on the context being complete.

use super::vocab::{BOOLEAN, INTEGER, PREFIXES, TYPE};
use super::{Graph, Object};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::OnceLock;

/// The published context, `ontology/context.jsonld`: a JSON object with one key, `@context`.
pub const CONTEXT: &str = include_str!("../../../ontology/context.jsonld");

/// How the context writes a property: its term, and what its values are coerced to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Coercion {
    /// No coercion: value objects.
    None,
    /// `"@type": "@id"`: values are IRIs, written as strings.
    Id,
    /// `"@type": datatype`: values of that datatype, written bare.
    Datatype(String),
}

/// The context's `@context` object and its terms by full IRI.
struct Terms {
    context: Value,
    properties: HashMap<String, (String, Coercion)>,
    classes: HashMap<String, String>,
}

/// `prefix:local` expanded with the prefixes of `PREFIXES`; an absolute IRI as it is.
fn expand(curie: &str) -> String {
    if let Some((p, local)) = curie.split_once(':')
        && let Some((_, ns)) = PREFIXES.iter().find(|(name, _)| *name == p)
    {
        return format!("{ns}{local}");
    }
    curie.to_string()
}

fn terms() -> &'static Terms {
    static TERMS: OnceLock<Terms> = OnceLock::new();
    TERMS.get_or_init(|| {
        // The file is part of the build and checked by the tests; an unreadable context
        // degrades to prefixes only rather than failing the conversion.
        let parsed: Value = serde_json::from_str(CONTEXT).unwrap_or(Value::Null);
        let context = match parsed.get("@context") {
            Some(Value::Object(m)) => Value::Object(m.clone()),
            _ => {
                let mut m = Map::new();
                for (p, ns) in PREFIXES {
                    m.insert((*p).to_string(), Value::String((*ns).to_string()));
                }
                Value::Object(m)
            }
        };
        let mut properties = HashMap::new();
        let mut classes = HashMap::new();
        if let Value::Object(m) = &context {
            for (term, def) in m {
                if term.starts_with('@') || PREFIXES.iter().any(|(p, _)| p == term) {
                    continue;
                }
                match def {
                    // A class or a property without coercion: the first letter tells.
                    Value::String(id) => {
                        let iri = expand(id);
                        if term.chars().next().is_some_and(char::is_uppercase) {
                            classes.insert(iri, term.clone());
                        } else {
                            properties.insert(iri, (term.clone(), Coercion::None));
                        }
                    }
                    Value::Object(d) => {
                        let Some(Value::String(id)) = d.get("@id") else { continue };
                        let coercion = match d.get("@type") {
                            Some(Value::String(t)) if t == "@id" => Coercion::Id,
                            Some(Value::String(t)) => Coercion::Datatype(expand(t)),
                            _ => Coercion::None,
                        };
                        properties.insert(expand(id), (term.clone(), coercion));
                    }
                    _ => {}
                }
            }
        }
        Terms { context, properties, classes }
    })
}

/// `prefix:local` for an IRI under a known prefix, else the IRI.
fn compact(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns)
            && !local.is_empty()
            && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return format!("{p}:{local}");
        }
    }
    iri.to_string()
}

/// A typed value written bare under a term coerced to its datatype: integers and booleans
/// as JSON numbers and booleans when that reads back to the same literal, else the string.
fn bare(value: &str, datatype: &str) -> Value {
    if datatype == INTEGER
        && let Ok(n) = value.parse::<i64>()
        && n.to_string() == value
    {
        return json!(n);
    }
    if datatype == BOOLEAN && (value == "true" || value == "false") {
        return json!(value == "true");
    }
    Value::String(value.to_string())
}

/// The key and value of one triple's predicate and object.
fn entry(t: &Terms, predicate: &str, o: &Object) -> (String, Value) {
    if let Some((term, coercion)) = t.properties.get(predicate) {
        match (coercion, o) {
            (Coercion::Id, Object::Iri(i)) => return (term.clone(), Value::String(i.clone())),
            (Coercion::Datatype(dt), Object::Typed(v, d)) if dt == d => return (term.clone(), bare(v, d)),
            (Coercion::None, Object::Lang(s, l)) => return (term.clone(), json!({ "@value": s, "@language": l })),
            (Coercion::None, Object::Typed(s, d)) => {
                return (term.clone(), json!({ "@value": s, "@type": compact(d) }));
            }
            _ => {}
        }
    }
    let v = match o {
        Object::Iri(i) => json!({ "@id": i }),
        Object::Lang(s, l) => json!({ "@value": s, "@language": l }),
        Object::Typed(s, dt) => json!({ "@value": s, "@type": compact(dt) }),
    };
    (compact(predicate), v)
}

/// Writes the graph as JSON-LD, with the published context inline.
pub fn write(g: &Graph, mut out: impl Write) -> io::Result<()> {
    let t = terms();
    let mut nodes: Vec<Value> = Vec::new();
    let mut current: Option<(String, Map<String, Value>)> = None;
    // Triples are sorted by subject, so each subject's triples are consecutive.
    for triple in &g.triples {
        if current.as_ref().is_none_or(|(s, _)| **s != *triple.s) {
            if let Some((_, node)) = current.take() {
                nodes.push(Value::Object(node));
            }
            let mut node = Map::new();
            node.insert("@id".into(), Value::String(triple.s.to_string()));
            current = Some((triple.s.to_string(), node));
        }
        let Some((_, node)) = current.as_mut() else { continue };
        let (key, value) = if triple.p == TYPE {
            let Object::Iri(c) = &triple.o else { continue };
            let class = t.classes.get(c).cloned().unwrap_or_else(|| compact(c));
            ("@type".to_string(), Value::String(class))
        } else {
            entry(t, triple.p, &triple.o)
        };
        match node.get_mut(&key) {
            Some(Value::Array(a)) => a.push(value),
            Some(_) | None => {
                node.insert(key, Value::Array(vec![value]));
            }
        }
    }
    if let Some((_, node)) = current.take() {
        nodes.push(Value::Object(node));
    }
    let doc = json!({ "@context": t.context, "@graph": nodes });
    serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_context_is_read() {
        let t = terms();
        assert!(t.context.get("unlod").is_some());
        let pos = format!("{}position", super::super::vocab::UNLOD);
        assert_eq!(t.properties.get(&pos), Some(&("position".to_string(), Coercion::Datatype(INTEGER.to_string()))));
        let part = super::super::vocab::HAS_PART;
        assert_eq!(t.properties.get(part).map(|p| p.0.as_str()), Some("hasPart"));
        assert_eq!(t.classes.get(super::super::vocab::RESOLUTION).map(String::as_str), Some("Resolution"));
    }

    #[test]
    fn values_fit_their_terms_or_are_written_in_full() {
        let t = terms();
        let pos = format!("{}position", super::super::vocab::UNLOD);
        assert_eq!(entry(t, &pos, &Object::Typed("3".into(), INTEGER)), ("position".into(), json!(3)));
        // A value of another datatype than the term's coercion: a compact IRI and a value object.
        let (k, v) = entry(t, &pos, &Object::Typed("03".into(), super::super::vocab::STRING));
        assert_eq!(k, "unlod:position");
        assert_eq!(v, json!({ "@value": "03", "@type": "xsd:string" }));
        // Integers that would not read back the same stay strings.
        assert_eq!(bare("007", INTEGER), json!("007"));
    }
}
