//! Akoma Ntoso (AKN4UN) XML into the model.
//!
//! Reads the UN's own AKN4UN files (the UNxml repositories) and unlod's own AKN output into
//! the same [`Resolution`] the text reader builds, so that every export works on them:
//! identification (organ, number, dates, language), the cover page and preface, the
//! preamble (enacting formula, one container per paragraph), the operative part (paragraphs
//! with their printed numbers, lists and points, sections, tables), footnotes
//! (`authorialNote`, `noteRef`), embedded drafts (`embeddedStructure`, components), annexes
//! (attachments), the conclusions, the vote recorded in `<analysis>` (with the States that
//! voted, resolved through `ontology/member-states.tsv`), the workflow and the subject
//! keywords of `<classification>`.
//!
//! What the words mean (meeting, date of adoption, session) is then read by
//! [`crate::recognize`], as for a text, and lead phrases are found by the text reader's own
//! rule ([`crate::structure::lead_of`]), so both readers agree.
//!
//! Files that stray from the schema are read as far as they go, with warnings; known defects
//! of the UN's files are reported, not copied: paragraph eIds that number by position,
//! `FRBRthis` values ending in `/`, workflow steps dated `0001-01-01`. unlod's identifiers
//! always follow DESIGN §4 ([`crate::model::ids`]). The XML is never trusted: no DTD is
//! accepted (so no entity is expanded), nesting is bounded ([`dom::MAX_DEPTH`]), and no
//! input can make the reader panic.

mod body;
mod dom;
mod meta;
mod text;

use crate::error::{Error, ErrorKind, Warning};
use crate::model::{Resolution, Span};

pub use dom::MAX_DEPTH;

/// A document read from AKN, and the problems met.
pub struct Imported {
    /// The model.
    pub resolution: Resolution,
    /// Problems that did not stop the import.
    pub warnings: Vec<Warning>,
}

/// Reads an AKN document. Errors carry the byte span of the trouble in `xml`.
pub fn read(xml: &str) -> Result<Imported, Error> {
    let mut dropped = Vec::new();
    let root = dom::parse(xml, &mut dropped)?;
    if root.name != "akomaNtoso" {
        return Err(Error::at(
            ErrorKind::Xml,
            Span::new(root.span.start, root.span.start),
            format!("expected an <akomaNtoso> document, found <{}>", root.name),
        ));
    }
    let Some(doc) = root.elements().next() else {
        return Err(Error::at(
            ErrorKind::NotAResolution,
            root.span,
            "expected a document (statement, resolution, doc) inside <akomaNtoso>, found none",
        ));
    };
    let mut warnings: Vec<Warning> = dropped
        .into_iter()
        .map(|(at, name)| {
            Warning::at(Span::new(at, at), format!("unknown entity &{name}; dropped (entities are never expanded)"))
        })
        .collect();
    let mut reader = body::Reader::new(&root, doc);
    let mut res = reader.document(doc, xml.len());
    warnings.append(&mut reader.warnings());
    let has_text = !res.body.is_empty() || res.parts.iter().any(|p| !p.body.is_empty());
    if !has_text {
        return Err(Error::at(
            ErrorKind::NotAResolution,
            doc.span,
            "expected a preamble or a main body in the Akoma Ntoso document, found neither",
        ));
    }
    let metadata_vote = reader.metadata_vote.take();
    // The tree is not needed any more: free it before recognition fills the model.
    drop(reader);
    drop(root);
    warnings.extend(crate::recognize::recognize(&mut res));
    meta::apply_vote(&mut res, metadata_vote, &mut warnings);
    Ok(Imported { resolution: res, warnings })
}
