//! A small element tree read with quick-xml: just enough to walk an AKN document.
//!
//! Refuses DTDs (no entity is ever expanded, so neither an external entity nor a
//! billion-laughs expansion can get in) and nesting deeper than [`MAX_DEPTH`]; every node
//! keeps the byte range of its source so that errors and warnings can name their line.

use crate::error::{Error, ErrorKind};
use crate::model::Span;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Deepest element nesting accepted. AKN4UN documents nest about 25 deep; anything near this
/// limit is hostile or broken, and refusing it keeps every walk of the tree bounded.
pub const MAX_DEPTH: usize = 200;

/// An element.
#[derive(Clone, Debug, Default)]
pub struct Node {
    /// Local name (prefix removed: `akn4un:voters` → `voters`).
    pub name: String,
    /// Attributes by local name, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Children in order.
    pub children: Vec<Child>,
    /// Source bytes of the element.
    pub span: Span,
}

/// A child of an element.
#[derive(Clone, Debug)]
pub enum Child {
    /// An element.
    Element(Node),
    /// Character data (references resolved).
    Text(String),
}

impl Node {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// The first element named `name` at any depth below (breadth first is not needed:
    /// the names looked up this way are unique in a document part).
    pub fn find(&self, name: &str) -> Option<&Node> {
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
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
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
                    if matches!(n.name.as_str(), "eol" | "br" | "p") {
                        s.push(' ');
                    }
                    n.collect_text(s);
                }
            }
        }
    }
}

fn local(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    match n.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => n.into_owned(),
    }
}

fn element(e: &BytesStart<'_>, start: usize) -> Result<Node, Error> {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| Error::at(ErrorKind::Xml, Span::new(start, start), format!("bad attribute: {err}")))?;
        let v = a
            .unescape_value()
            .map_err(|err| Error::at(ErrorKind::Xml, Span::new(start, start), format!("bad attribute value: {err}")))?;
        attrs.push((local(a.key.as_ref()), v.into_owned()));
    }
    Ok(Node { name: local(e.name().as_ref()), attrs, children: Vec::new(), span: Span::new(start, start) })
}

/// Parses `xml` into its root element. Unknown entity references are dropped with a note
/// in `dropped` (their byte offsets), never expanded.
pub fn parse(xml: &str, dropped: &mut Vec<(usize, String)>) -> Result<Node, Error> {
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
        let text = |s: String, stack: &mut Vec<Node>| {
            if let Some(top) = stack.last_mut() {
                match top.children.last_mut() {
                    Some(Child::Text(t)) => t.push_str(&s),
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
                stack.push(element(&e, before)?);
            }
            Event::Empty(e) => {
                let mut n = element(&e, before)?;
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
                match stack.last_mut() {
                    Some(top) => top.children.push(Child::Element(n)),
                    None => root = root.or(Some(n)),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| err_at(before, format!("bad text: {e}")))?;
                text(s.into_owned(), &mut stack);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| err_at(before, format!("bad CDATA: {e}")))?;
                text(s.into_owned(), &mut stack);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| err_at(before, format!("bad reference: {e}")))?.into_owned();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text(c.to_string(), &mut stack),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => text(s.to_string(), &mut stack),
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
