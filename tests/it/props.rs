//! Property tests: any text placed in a paragraph comes back the same from Turtle,
//! N-Triples and JSON-LD (parsed with oxigraph) and from Akoma Ntoso (parsed with
//! quick-xml); any symbol or name placed in an IRI gives a valid IRI.

use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::store::Store;
use proptest::prelude::*;
use quick_xml::Reader;
use quick_xml::events::Event;
use unlod::export::{ExportOptions, OutputFormat, write};
use unlod::model::ids::{self, Iris};
use unlod::model::{Clause, DocKind, Resolution, Text};

/// A document whose one preambular paragraph holds `text`.
fn doc_with(text: &str) -> Resolution {
    let mut r = Resolution::default();
    r.meta.language = "en".into();
    r.meta.kind = DocKind::Resolution;
    r.body.preamble.push(Clause { text: Text::plain(text), ..Clause::default() });
    r
}

/// Texts that have broken converters before, mixed with anything proptest makes up.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "'",
        "<",
        ">",
        "&",
        "&amp;",
        "]]>",
        "<![CDATA[",
        "\"\"\"",
        "'''",
        "\\",
        "\\\\",
        "\\u00e9",
        "\\ud800",
        "\n",
        "\r\n",
        "\t",
        "\u{0}",
        "\u{1}",
        "\u{b}",
        "\u{1f}",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "\u{fffe}",
        "🇺🇳",
        "👩🏽‍⚖️",
        "مرحبا",
        "שלום",
        "\u{202e}",
        "«",
        "»",
        "“",
        "”",
        "<sup>1</sup>",
        "*",
        "_",
        "#",
        "@en",
        "^^",
        "\u{a0}",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(String::from), any::<String>(), "[a-zA-Z ,.;]{0,12}"], 1..8)
        .prop_map(|v| v.concat())
}

fn literal_back(text: &str, format: OutputFormat, syntax: RdfFormat) -> Result<String, String> {
    let mut out = Vec::new();
    write(&doc_with(text), format, &ExportOptions::default(), &mut out).map_err(|e| e.to_string())?;
    let store = Store::new().map_err(|e| e.to_string())?;
    store.load_from_slice(syntax, &out).map_err(|e| format!("{e}\n{}", String::from_utf8_lossy(&out)))?;
    for q in store.iter() {
        let q = q.map_err(|e| e.to_string())?;
        if q.predicate.as_str() == "https://w3id.org/unlod/ontology#text"
            && let Term::Literal(l) = &q.object
        {
            return Ok(l.value().to_string());
        }
    }
    Err("no unlod:text in the output".into())
}

/// The text of the preambular paragraph's `<p>`, with `<eol/>` read as a line end.
fn akn_text_back(text: &str) -> Result<String, String> {
    let mut out = Vec::new();
    write(&doc_with(text), OutputFormat::Akn, &ExportOptions::default(), &mut out).map_err(|e| e.to_string())?;
    let xml = String::from_utf8(out).map_err(|e| e.to_string())?;
    let mut r = Reader::from_str(&xml);
    let (mut container, mut in_container, mut got) = (false, false, String::new());
    loop {
        match r.read_event().map_err(|e| format!("{e}\n{xml}"))? {
            Event::Start(e) if e.name().as_ref() == b"container" => container = true,
            Event::End(e) if e.name().as_ref() == b"container" => container = false,
            Event::Start(e) if e.name().as_ref() == b"p" => in_container = container,
            Event::End(e) if e.name().as_ref() == b"p" => in_container = false,
            Event::Empty(e) if in_container && e.name().as_ref() == b"eol" => got.push('\n'),
            Event::Text(t) if in_container => got.push_str(&t.decode().map_err(|e| e.to_string())?),
            Event::GeneralRef(g) if in_container => {
                let name = String::from_utf8_lossy(&g).into_owned();
                let c = match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("unknown entity {n}"))?,
                };
                got.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(got)
}

/// What AKN can carry of a text: characters XML 1.0 forbids become U+FFFD.
fn xml_expected(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_survives_turtle_ntriples_and_jsonld(text in nasty()) {
        prop_assume!(!text.is_empty());
        prop_assert_eq!(literal_back(&text, OutputFormat::Turtle, RdfFormat::Turtle).map_err(TestCaseError::fail)?, text.clone());
        prop_assert_eq!(literal_back(&text, OutputFormat::Ntriples, RdfFormat::NTriples).map_err(TestCaseError::fail)?, text.clone());
        prop_assert_eq!(literal_back(&text, OutputFormat::Jsonld, RdfFormat::JsonLd { profile: Default::default() }).map_err(TestCaseError::fail)?, text.clone());
    }

    #[test]
    fn any_text_survives_akn(text in nasty()) {
        prop_assert_eq!(akn_text_back(&text).map_err(TestCaseError::fail)?, xml_expected(&text));
    }

    #[test]
    fn any_symbol_or_name_gives_valid_iris(symbol in nasty(), number in nasty(), name in nasty(), eid in nasty()) {
        let mut r = doc_with("Recalling");
        r.meta.symbol = Some(symbol.clone());
        r.meta.number = Some(number);
        for res in [r.clone(), Resolution { meta: Default::default(), ..r }] {
            let iris = Iris::new("https://example.org", &res, &name);
            let t = ids::token(&eid);
            for iri in [iris.work.clone(), iris.expression.clone(), iris.work_part(&t), iris.expression_part(&t), iris.manifestation("ttl"),
                        iris.cited(&symbol, None, None, None), iris.actor(&name), iris.state(&name), iris.instrument(&name), ids::undocs(&symbol)] {
                let parsed = iri_string::types::IriString::try_from(iri.clone());
                prop_assert!(parsed.is_ok(), "invalid IRI {iri:?}");
                prop_assert_eq!(parsed.map(|p| p.to_string()).unwrap_or_default(), iri);
            }
        }
    }
}
