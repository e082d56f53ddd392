//! Query results written out: SELECT as an aligned table (for a person) or as SPARQL CSV,
//! TSV, JSON or XML (for programs); ASK as `true` or `false`; CONSTRUCT and DESCRIBE as
//! Turtle with unlod's prefixes.

use crate::export::rdf::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::{self, Write};

/// How SELECT and ASK results are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsFormat {
    /// An aligned table, IRIs shortened with the usual prefixes, literals by their value.
    #[default]
    Table,
    /// SPARQL 1.1 CSV.
    Csv,
    /// SPARQL 1.1 TSV (terms in Turtle syntax).
    Tsv,
    /// SPARQL 1.1 JSON results.
    Json,
    /// SPARQL XML results.
    Xml,
}

/// What was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Solutions of a SELECT, and how many.
    Rows(usize),
    /// The answer of an ASK.
    Boolean(bool),
    /// Triples of a CONSTRUCT or DESCRIBE, and how many.
    Triples(usize),
}

/// Writes `results` in `format`. Errors of the evaluation that show up while the results
/// are read are returned as I/O errors of kind `Other`.
pub fn write(results: QueryResults<'_>, format: ResultsFormat, mut out: impl Write) -> io::Result<Written> {
    let serializer = |f| QueryResultsSerializer::from_format(f);
    let sparql_format = match format {
        ResultsFormat::Table => None,
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
    };
    match results {
        QueryResults::Boolean(b) => {
            match sparql_format {
                Some(f) => {
                    serializer(f).serialize_boolean_to_writer(&mut out, b)?;
                    if matches!(f, QueryResultsFormat::Json | QueryResultsFormat::Csv | QueryResultsFormat::Tsv) {
                        out.write_all(b"\n")?;
                    }
                }
                None => writeln!(out, "{b}")?,
            }
            Ok(Written::Boolean(b))
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match sparql_format {
                Some(f) => {
                    let mut w = serializer(f).serialize_solutions_to_writer(&mut out, variables)?;
                    let mut n = 0;
                    for s in solutions {
                        w.serialize(&s.map_err(io::Error::other)?)?;
                        n += 1;
                    }
                    w.finish()?;
                    if f == QueryResultsFormat::Json {
                        out.write_all(b"\n")?;
                    }
                    Ok(Written::Rows(n))
                }
                None => {
                    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                    let mut rows = Vec::new();
                    for s in solutions {
                        let s = s.map_err(io::Error::other)?;
                        rows.push(s.values().iter().map(|t| t.as_ref().map(cell).unwrap_or_default()).collect());
                    }
                    write_table(&header, &rows, &mut out)?;
                    Ok(Written::Rows(rows.len()))
                }
            }
        }
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(RdfFormat::Turtle);
            for (p, ns) in PREFIXES {
                ser = ser.with_prefix(*p, *ns).map_err(io::Error::other)?;
            }
            let mut w = ser.for_writer(&mut out);
            let mut n = 0;
            for t in triples {
                w.serialize_triple(&t.map_err(io::Error::other)?)?;
                n += 1;
            }
            w.finish()?;
            Ok(Written::Triples(n))
        }
    }
}

/// A term as a person reads it: `prefix:local` or `<iri>`, `_:b` for a blank node, a
/// literal's value alone, on one line.
pub fn cell(t: &Term) -> String {
    let s = match t {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    if s.contains(['\n', '\r', '\t']) { s.split_whitespace().collect::<Vec<_>>().join(" ") } else { s }
}

fn compact(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns)
            && !local.is_empty()
            && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && !local.ends_with('.')
        {
            return format!("{p}:{local}");
        }
    }
    format!("<{iri}>")
}

/// Columns aligned by padding, two spaces apart, a rule under the header.
fn write_table(header: &[String], rows: &[Vec<String>], out: &mut impl Write) -> io::Result<()> {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut dyn Write| -> io::Result<()> {
        let mut s = String::new();
        for (c, w) in cells.zip(&widths) {
            if !s.is_empty() {
                s.push_str("  ");
            }
            s.push_str(c);
            s.extend(std::iter::repeat_n(' ', w.saturating_sub(width(c))));
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&mut header.iter().map(String::as_str), out)?;
    let rules: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
    line(&mut rules.iter().map(String::as_str), out)?;
    for row in rows {
        line(&mut row.iter().map(String::as_str), out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn cells_are_short_and_on_one_line() {
        assert_eq!(cell(&NamedNode::new_unchecked("https://w3id.org/unlod/ontology#Vote").into()), "unlod:Vote");
        assert_eq!(cell(&NamedNode::new_unchecked("https://example.org/a/b").into()), "<https://example.org/a/b>");
        assert_eq!(cell(&Literal::new_language_tagged_literal_unchecked("a\nb", "en").into()), "a b");
        assert_eq!(cell(&Literal::from(55).into()), "55");
    }

    #[test]
    fn tables_are_aligned() {
        let mut out = Vec::new();
        let header = vec!["n".to_string(), "lead".to_string()];
        let rows = vec![vec!["10".to_string(), "Recalling also".to_string()], vec!["2".to_string(), String::new()]];
        write_table(&header, &rows, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "n   lead\n--  --------------\n10  Recalling also\n2\n");
    }
}
