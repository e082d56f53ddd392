//! The embedded store of `unlod query`: an in-memory oxigraph store holding the ontology and
//! the documents, each in its named graph, queried with the default graph as the union of
//! all graphs.
//!
//! With a directory ([`EmbeddedStore::open`]) the store persists without a database engine:
//! each input's graphs are kept as one N-Quads file, and `unlod-store.json` records which
//! input (its absolute path, size, modification time and base IRI) each file came from. A
//! later query reads those files back instead of converting again, and converts an input
//! again only when it is given anew and has changed. (Oxigraph's on-disk RocksDB store would
//! do the same, but compiling RocksDB takes far longer than the rest of the build.)

use super::{NamedGraph, ONTOLOGY, ONTOLOGY_GRAPH};
use crate::error::{Error, ErrorKind};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{NamedNode, NamedNodeRef};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults};
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The manifest of a store directory.
pub const MANIFEST: &str = "unlod-store.json";

/// The version of the manifest's layout.
const LAYOUT: u32 = 1;

/// What identifies the content of an input file, to tell whether a stored copy is current.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceKey {
    /// The absolute path of the input.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since 1970.
    pub modified_ns: u64,
    /// The base IRI its IRIs were minted under.
    pub base: String,
}

impl SourceKey {
    /// The key of the file at `path` now, converted under `base`.
    pub fn of(path: &Path, base: &str) -> io::Result<SourceKey> {
        let path = fs::canonicalize(path)?;
        let meta = fs::metadata(&path)?;
        let modified_ns = meta
            .modified()?
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
            .unwrap_or_default();
        Ok(SourceKey { path, size: meta.len(), modified_ns, base: base.to_string() })
    }
}

/// One stored input.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    key: SourceKey,
    /// Its N-Quads file, in the store directory.
    file: String,
    /// The graphs it holds.
    graphs: Vec<String>,
    /// How many triples.
    triples: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    unlod_store: u32,
    documents: Vec<Entry>,
}

/// The store: oxigraph in memory, with the inputs it holds.
pub struct EmbeddedStore {
    store: Store,
    dir: Option<PathBuf>,
    manifest: Manifest,
    /// Graphs added in this run without a file behind them (standard input, or no directory):
    /// graph name and where it came from.
    unsaved: Vec<(String, String)>,
}

fn store_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Io, format!("the embedded store failed: {e}"))
}

fn io_error(path: &Path, what: &str, e: &io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot {what}: {e}")).with_path(path.display().to_string())
}

impl EmbeddedStore {
    /// A store in memory holding the ontology.
    pub fn in_memory() -> Result<EmbeddedStore, Error> {
        let store = Store::new().map_err(store_error)?;
        let graph = NamedNode::new_unchecked(ONTOLOGY_GRAPH);
        let parser = RdfParser::from_format(RdfFormat::Turtle).with_default_graph(graph);
        store.load_from_slice(parser, ONTOLOGY.as_bytes()).map_err(store_error)?;
        Ok(EmbeddedStore {
            store,
            dir: None,
            manifest: Manifest { unlod_store: LAYOUT, ..Manifest::default() },
            unsaved: Vec::new(),
        })
    }

    /// The store kept in `dir` (created if missing), with every input stored there loaded.
    pub fn open(dir: &Path) -> Result<EmbeddedStore, Error> {
        let mut s = EmbeddedStore::in_memory()?;
        fs::create_dir_all(dir).map_err(|e| io_error(dir, "create the store directory", &e))?;
        let manifest_path = dir.join(MANIFEST);
        match fs::read(&manifest_path) {
            Ok(bytes) => {
                let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
                    Error::new(ErrorKind::Io, format!("expected an unlod store manifest: {e}"))
                        .with_path(manifest_path.display().to_string())
                })?;
                if m.unlod_store != LAYOUT {
                    return Err(Error::new(
                        ErrorKind::Io,
                        format!(
                            "expected a store of layout {LAYOUT}, found layout {}; remove the directory to start anew",
                            m.unlod_store
                        ),
                    )
                    .with_path(manifest_path.display().to_string()));
                }
                s.manifest = m;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(false) {
                    return Err(Error::new(
                        ErrorKind::Io,
                        format!("expected an unlod store (a directory with {MANIFEST}) or an empty directory"),
                    )
                    .with_path(dir.display().to_string()));
                }
            }
            Err(e) => return Err(io_error(&manifest_path, "read", &e)),
        }
        for entry in &s.manifest.documents {
            let file = dir.join(&entry.file);
            let bytes = fs::read(&file).map_err(|e| io_error(&file, "read a stored graph", &e))?;
            s.store.load_from_slice(RdfFormat::NQuads, &bytes).map_err(|e| {
                Error::new(
                    ErrorKind::Rdf,
                    format!("the stored graph does not parse ({e}); remove the store directory to start anew"),
                )
                .with_path(file.display().to_string())
            })?;
        }
        s.dir = Some(dir.to_path_buf());
        Ok(s)
    }

    /// Whether the store holds the input of `key` as it is now.
    pub fn is_current(&self, key: &SourceKey) -> bool {
        self.manifest.documents.iter().any(|e| e.key == *key)
    }

    /// How many inputs the store holds, and how many triples they have (the ontology aside).
    pub fn size(&self) -> (usize, usize) {
        let stored: usize = self.manifest.documents.iter().map(|e| e.triples).sum();
        (self.manifest.documents.len() + self.unsaved.len(), stored)
    }

    /// The input that holds `graph` already, other than `except`.
    pub fn owner(&self, graph: &str, except: Option<&Path>) -> Option<String> {
        let stored = self
            .manifest
            .documents
            .iter()
            .filter(|e| Some(e.key.path.as_path()) != except)
            .find(|e| e.graphs.iter().any(|g| g == graph))
            .map(|e| e.key.path.display().to_string());
        stored.or_else(|| self.unsaved.iter().find(|(g, _)| g == graph).map(|(_, from)| from.clone()))
    }

    /// Adds the graphs of one input, replacing what the same input gave before. `key` is
    /// `None` for an input that cannot be stored (standard input) or with no directory;
    /// `display` names it in messages. Graphs without a name go in a graph named after the
    /// file (`file:///…`).
    pub fn add(&mut self, key: Option<SourceKey>, display: &str, graphs: &[NamedGraph]) -> Result<(), Error> {
        let fallback = key
            .as_ref()
            .and_then(|k| file_iri(&k.path))
            .unwrap_or_else(|| format!("urn:unlod:input:{}", super::percent_encode(display)));
        let mut names = Vec::with_capacity(graphs.len());
        let mut quads = Vec::new();
        for g in graphs {
            let name = g.name.clone().unwrap_or_else(|| NamedNode::new_unchecked(fallback.clone()));
            for t in &g.triples {
                quads.push(t.clone().in_graph(name.clone()));
            }
            names.push(name);
        }
        // What this input gave before goes first.
        if let Some(k) = &key
            && let Some(i) = self.manifest.documents.iter().position(|e| e.key.path == k.path)
        {
            let old = self.manifest.documents.remove(i);
            for g in &old.graphs {
                self.store.clear_graph(NamedNodeRef::new_unchecked(g)).map_err(store_error)?;
            }
            if let Some(dir) = &self.dir {
                let _ = fs::remove_file(dir.join(&old.file));
            }
        }
        self.store.extend(quads.iter().map(|q| q.as_ref())).map_err(store_error)?;
        match (&self.dir, key) {
            (Some(dir), Some(key)) => {
                let file = self.free_file_name();
                let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                for q in &quads {
                    w.serialize_quad(q).map_err(store_error)?;
                }
                let bytes = w.finish().map_err(store_error)?;
                let path = dir.join(&file);
                crate::output::write_atomically(&path, &bytes).map_err(|e| io_error(&path, "write", &e))?;
                let triples = graphs.iter().map(|g| g.triples.len()).sum();
                let graphs = names.iter().map(|n| n.as_str().to_string()).collect();
                self.manifest.documents.push(Entry { key, file, graphs, triples });
            }
            _ => self.unsaved.extend(names.iter().map(|n| (n.as_str().to_string(), display.to_string()))),
        }
        Ok(())
    }

    fn free_file_name(&self) -> String {
        (1..)
            .map(|n| format!("doc-{n}.nq"))
            .find(|f| !self.manifest.documents.iter().any(|e| e.file == *f))
            .unwrap_or_else(|| "doc.nq".to_string())
    }

    /// Writes the manifest, when the store has a directory.
    pub fn save(&self) -> Result<(), Error> {
        let Some(dir) = &self.dir else { return Ok(()) };
        let path = dir.join(MANIFEST);
        let mut bytes = serde_json::to_vec_pretty(&self.manifest).map_err(store_error)?;
        bytes.push(b'\n');
        crate::output::write_atomically(&path, &bytes).map_err(|e| io_error(&path, "write", &e))
    }

    /// Evaluates a query, with the union of all graphs as the default graph unless the query
    /// names its own dataset (`FROM`, `FROM NAMED`).
    pub fn query(&self, mut query: PreparedSparqlQuery) -> Result<QueryResults<'static>, Error> {
        if query.dataset().is_default_dataset() {
            query.dataset_mut().set_default_graph_as_union();
        }
        query
            .on_store(&self.store)
            .execute()
            .map_err(|e| Error::new(ErrorKind::Output, format!("the query failed: {e}")))
    }

    #[cfg(test)]
    fn contains(&self, s: &str, p: &str, o: &str, g: &str) -> bool {
        use oxigraph::model::{GraphNameRef, QuadRef};
        let quad = QuadRef::new(
            NamedNodeRef::new_unchecked(s),
            NamedNodeRef::new_unchecked(p),
            NamedNodeRef::new_unchecked(o),
            GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(g)),
        );
        self.store.contains(quad).unwrap_or(false)
    }
}

/// `file:///…` for an absolute path, when it makes a valid IRI.
fn file_iri(path: &Path) -> Option<String> {
    let s = path.to_str()?;
    let encoded: String = s.split('/').map(super::percent_encode).collect::<Vec<_>>().join("/");
    let iri = format!("file://{encoded}");
    NamedNode::new(iri.clone()).ok().map(|_| iri)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sparql::{PrepareOptions, prepare};
    use oxigraph::sparql::SparqlEvaluator;

    fn count(s: &EmbeddedStore, q: &str) -> String {
        let q = SparqlEvaluator::new().parse_query(q).unwrap();
        let QueryResults::Solutions(mut sols) = s.query(q).unwrap() else { panic!("not a SELECT") };
        let sol = sols.next().unwrap().unwrap();
        match sol.get("n").unwrap() {
            oxigraph::model::Term::Literal(l) => l.value().to_string(),
            t => t.to_string(),
        }
    }

    #[test]
    fn the_ontology_is_loaded_in_its_graph() {
        let s = EmbeddedStore::in_memory().unwrap();
        assert!(s.contains(
            "https://w3id.org/unlod/ontology",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "http://www.w3.org/2002/07/owl#Ontology",
            ONTOLOGY_GRAPH
        ));
    }

    #[test]
    fn persists_and_replaces_an_input() {
        let dir = std::env::temp_dir().join(format!("unlod-store-unit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let input = dir.with_extension("ttl");
        fs::write(&input, "<http://x/e> a <https://w3id.org/unlod/ontology#Expression> .\n").unwrap();
        let key = SourceKey::of(&input, "https://example.org").unwrap();
        let graphs = prepare("d.ttl", "d", &fs::read(&input).unwrap(), &PrepareOptions::default()).unwrap().graphs;
        {
            let mut s = EmbeddedStore::open(&dir).unwrap();
            assert!(!s.is_current(&key));
            s.add(Some(key.clone()), "d.ttl", &graphs).unwrap();
            s.save().unwrap();
        }
        let mut s = EmbeddedStore::open(&dir).unwrap();
        assert!(s.is_current(&key));
        assert_eq!(s.size(), (1, 1));
        assert_eq!(count(&s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://x/e> { ?s ?p ?o } }"), "1");
        assert_eq!(s.owner("http://x/e", None), Some(key.path.display().to_string()));
        assert_eq!(s.owner("http://x/e", Some(&key.path)), None);
        // The same input changed: its old triples go.
        fs::write(&input, "<http://x/e> a <https://w3id.org/unlod/ontology#Expression> ; <http://x/p> 1 .\n").unwrap();
        let key2 = SourceKey::of(&input, "https://example.org").unwrap();
        let graphs = prepare("d.ttl", "d", &fs::read(&input).unwrap(), &PrepareOptions::default()).unwrap().graphs;
        s.add(Some(key2), "d.ttl", &graphs).unwrap();
        s.save().unwrap();
        assert_eq!(count(&s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://x/e> { ?s ?p ?o } }"), "2");
        let files: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(files.len(), 2, "the manifest and one graph file: {files:?}");
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::remove_file(&input);
    }

    #[test]
    fn refuses_a_directory_that_is_not_a_store() {
        let dir = std::env::temp_dir().join(format!("unlod-store-unit-not-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("other.txt"), "x").unwrap();
        let e = EmbeddedStore::open(&dir).err().unwrap();
        assert!(e.to_string().contains("expected an unlod store"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
