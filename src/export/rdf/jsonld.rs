//! JSON-LD: the triples grouped by subject, with compact IRIs under the prefixes of
//! [`super::vocab::PREFIXES`] declared in an inline `@context`.

use super::vocab::{PREFIXES, TYPE};
use super::{Graph, Object};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

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

/// Writes the graph as JSON-LD.
pub fn write(g: &Graph, mut out: impl Write) -> io::Result<()> {
    let mut context = Map::new();
    for (p, ns) in PREFIXES {
        context.insert((*p).to_string(), Value::String((*ns).to_string()));
    }
    let mut nodes: Vec<Value> = Vec::new();
    let mut current: Option<(String, Map<String, Value>)> = None;
    // Triples are sorted by subject, so each subject's triples are consecutive.
    for t in &g.triples {
        if current.as_ref().is_none_or(|(s, _)| *s != t.s) {
            if let Some((_, node)) = current.take() {
                nodes.push(Value::Object(node));
            }
            let mut node = Map::new();
            node.insert("@id".into(), Value::String(t.s.clone()));
            current = Some((t.s.clone(), node));
        }
        let Some((_, node)) = current.as_mut() else { continue };
        let (key, value) = if t.p == TYPE {
            let Object::Iri(c) = &t.o else { continue };
            ("@type".to_string(), Value::String(compact(c)))
        } else {
            let v = match &t.o {
                Object::Iri(i) => json!({ "@id": i }),
                Object::Lang(s, l) => json!({ "@value": s, "@language": l }),
                Object::Typed(s, dt) => json!({ "@value": s, "@type": compact(dt) }),
            };
            (compact(t.p), v)
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
    let doc = json!({ "@context": Value::Object(context), "@graph": nodes });
    serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
