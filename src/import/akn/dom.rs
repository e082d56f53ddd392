//! A small element tree read with quick-xml: just enough to walk an AKN document.
//!
//! Refuses DTDs (no entity is ever expanded, so neither an external entity nor a
//! billion-laughs expansion can get in) and nesting deeper than [`MAX_DEPTH`]; every node
//! keeps the byte range of its source so that errors and warnings can name their line.

use crate::error::{Error, ErrorKind};
use crate::model::Span;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// Deepest element nesting accepted. AKN4UN documents nest about 25 deep; anything near this
/// limit is hostile or broken, and refusing it keeps every walk of the tree bounded.
pub const MAX_DEPTH: usize = 200;

/// An element. Names, and texts and values without escapes, borrow from the document
/// (`'a`): a large file is held once, not copied into its tree.
#[derive(Clone, Debug, Default)]
pub struct Node<'a> {
    /// Local name (prefix removed: `akn4un:voters` → `voters`).
    pub name: &'a str,
    /// Attributes by local name, values unescaped.
    pub attrs: Vec<(&'a str, Cow<'a, str>)>,
    /// Children in order.
    pub children: Vec<Child<'a>>,
    /// Source bytes of the element.
    pub span: Span,
}

/// A child of an element.
#[derive(Clone, Debug)]
pub enum Child<'a> {
    /// An element.
    Element(Node<'a>),
    /// Character data (references resolved).
    Text(Cow<'a, str>),
}

impl<'a> Node<'a> {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_ref())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Node<'a>> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Node<'a>> {
        self.elements().find(|n| n.name == name)
    }

    /// The first element named `name` at any depth below (breadth first is not needed:
    /// the names looked up this way are unique in a document part).
    pub fn find(&self, name: &str) -> Option<&Node<'a>> {
        for n in self.elements() {
            if n.name == name {
                return Some(n);
            }
            if let Some(f) = n.find(name) {
                return Some(f);
            }
        }
        None
    }

    /// Every element named `name` at any depth below, in document order.
    pub fn find_all<'n>(&'n self, name: &str, out: &mut Vec<&'n Node<'a>>) {
        for n in self.elements() {
            if n.name == name {
                out.push(n);
            } else {
                n.find_all(name, out);
            }
        }
    }

    /// All character data below, whitespace runs collapsed to one space and trimmed.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// All character data below as it is (notes left out, line breaks as `\n`).
    pub fn raw_text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(n) if n.name == "authorialNote" || n.name == "noteRef" => {}
                Child::Element(n) if n.name == "eol" => s.push('\n'),
                Child::Element(n) => s.push_str(&n.raw_text()),
            }
        }
        s
    }

    fn collect_text(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(n) if n.name == "authorialNote" => {}
                Child::Element(n) => {
                    if matches!(n.name, "eol" | "br" | "p") {
                        s.push(' ');
                    }
                    n.collect_text(s);
                }
            }
        }
    }
}

/// `part` as a slice of `xml` with its lifetime, when it lies inside `xml` (the reader of a
/// `&str` hands out slices of it).
fn within<'a>(xml: &'a str, part: &str) -> Option<&'a str> {
    let at = (part.as_ptr() as usize).checked_sub(xml.as_ptr() as usize)?;
    xml.get(at..at.checked_add(part.len())?).filter(|s| s.as_ptr() == part.as_ptr())
}

/// `s` borrowed from `xml` where it lies inside it, else owned.
fn keep<'a>(xml: &'a str, s: Cow<'_, str>) -> Cow<'a, str> {
    match within(xml, &s) {
        Some(b) => Cow::Borrowed(b),
        None => Cow::Owned(s.into_owned()),
    }
}

/// The local name of a qualified name (`akn4un:voters` → `voters`), borrowed from `xml`.
fn local<'a>(xml: &'a str, name: &[u8], at: usize) -> Result<&'a str, Error> {
    let n = std::str::from_utf8(name).ok().and_then(|n| within(xml, n));
    let n = n.ok_or_else(|| Error::at(ErrorKind::Xml, Span::new(at, at), "expected a UTF-8 name".to_string()))?;
    Ok(n.rsplit_once(':').map_or(n, |(_, l)| l))
}

fn element<'a>(xml: &'a str, e: &BytesStart<'_>, start: usize) -> Result<Node<'a>, Error> {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| Error::at(ErrorKind::Xml, Span::new(start, start), format!("bad attribute: {err}")))?;
        let v = a
            .unescape_value()
            .map_err(|err| Error::at(ErrorKind::Xml, Span::new(start, start), format!("bad attribute value: {err}")))?;
        attrs.push((local(xml, a.key.as_ref(), start)?, keep(xml, v)));
    }
    Ok(Node { name: local(xml, e.name().as_ref(), start)?, attrs, children: Vec::new(), span: Span::new(start, start) })
}

/// Parses `xml` into its root element. Unknown entity references are dropped with a note
/// in `dropped` (their byte offsets), never expanded.
pub fn parse<'a>(xml: &'a str, dropped: &mut Vec<(usize, String)>) -> Result<Node<'a>, Error> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let err_at = |pos: usize, msg: String| Error::at(ErrorKind::Xml, Span::new(pos, pos), msg);
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let ev = reader.read_event().map_err(|e| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(before);
            err_at(pos, format!("expected well-formed XML: {e}"))
        })?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let text = |s: Cow<'a, str>, stack: &mut Vec<Node<'a>>| {
            if let Some(top) = stack.last_mut() {
                match top.children.last_mut() {
                    Some(Child::Text(t)) => t.to_mut().push_str(&s),
                    _ => top.children.push(Child::Text(s)),
                }
            }
        };
        match ev {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::at(
                        ErrorKind::TooLarge,
                        Span::new(before, after),
                        format!(
                            "elements nested deeper than {MAX_DEPTH} levels; an Akoma Ntoso document nests about 25"
                        ),
                    ));
                }
                stack.push(element(xml, &e, before)?);
            }
            Event::Empty(e) => {
                let mut n = element(xml, &e, before)?;
                n.span.end = after;
                match stack.last_mut() {
                    Some(top) => top.children.push(Child::Element(n)),
                    None => root = root.or(Some(n)),
                }
            }
            Event::End(_) => {
                let Some(mut n) = stack.pop() else {
                    return Err(err_at(before, "expected an element to close, found a stray end tag".to_string()));
                };
                n.span.end = after;
                // The tree of a large file is held whole: no spare capacity.
                n.children.shrink_to_fit();
                match stack.last_mut() {
                    Some(top) => top.children.push(Child::Element(n)),
                    None => root = root.or(Some(n)),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| err_at(before, format!("bad text: {e}")))?;
                text(keep(xml, s), &mut stack);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| err_at(before, format!("bad CDATA: {e}")))?;
                text(keep(xml, s), &mut stack);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| err_at(before, format!("bad reference: {e}")))?.into_owned();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text(Cow::Owned(c.to_string()), &mut stack),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => text(Cow::Borrowed(s), &mut stack),
                        None => dropped.push((before, name)),
                    },
                    Err(e) => return Err(err_at(before, format!("bad character reference &{name};: {e}"))),
                }
            }
            Event::DocType(_) => {
                return Err(err_at(
                    before,
                    "expected an Akoma Ntoso document without a DTD; DOCTYPE declarations are refused (entities are never expanded)"
                        .to_string(),
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(err_at(open.span.start, format!("expected </{}> before the end of the file", open.name)));
    }
    root.ok_or_else(|| err_at(0, "expected an akomaNtoso element, found no element".to_string()))
}
