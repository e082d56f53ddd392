//! Identifiers: AKN eIds and the IRIs built on them (DESIGN §4).
//!
//! Both exporters and the AKN importer take every identifier from here, so that the eId of
//! an element in the XML and the `~eId` of its IRI in the RDF cannot drift apart.
//!
//! eIds follow the AKN naming convention `{parent}__{abbr}_{num}`: preambular paragraphs
//! `preamble__container_{position}`, operative paragraphs `para_{printed number}` (or
//! `para_{position}` when unnumbered), sub-paragraphs `{para}__list_1__point_{label}`,
//! sections `sec_{num}`, footnotes `ftn_{marker}`, annexes `annex_{n}`, embedded documents
//! `cmp_{n}`, whose eIds all start with `cmp_{n}__`. Siblings that would get the same eId
//! (two paragraphs printed "3.", an unnumbered paragraph at the position of a numbered one)
//! are told apart by a suffix `-2`, `-3` …
//!
//! Walk order, which numbers embedded documents and places footnotes: the main body
//! (formula, preamble, operative items depth first, each paragraph's text before its
//! sub-paragraphs, wrap-up and embedded documents), then the parts in order, then the
//! annexes.

use super::{Body, Embedded, Item, Point, Resolution, Text};
use iri_string::types::IriString;

/// Separator between the levels of an eId.
pub const SEP: &str = "__";

/// `parent__child`, or `child` at the top.
pub fn join(parent: &str, child: &str) -> String {
    // Sized once; `format!` grew it (IRIs and eIds are built by the hundred thousand, and
    // these reallocations were 1–2 % of a conversion).
    let mut id = String::with_capacity(parent.len() + SEP.len() + child.len());
    push_joined(&mut id, parent, child);
    id
}

/// Appends `{parent}__{child}`, or `child` alone under no parent.
fn push_joined(out: &mut String, parent: &str, child: &str) {
    if !parent.is_empty() {
        out.push_str(parent);
        out.push_str(SEP);
    }
    out.push_str(child);
}

/// A printed number made safe for an eId and an IRI: letters, digits, `.` and `-` are kept,
/// any other run of characters becomes one `-`.
pub fn token(num: &str) -> String {
    token_with(num, |c| c)
}

/// [`token`] with each kept character passed through `kept` (which must map ASCII letters,
/// digits and `.` to ASCII letters, digits, `.` or `-`): one pass and one allocation.
fn token_with(num: &str, kept: impl Fn(char) -> char) -> String {
    let mut out = String::with_capacity(num.len());
    let mut dash = false;
    // Over bytes: the kept characters are ASCII, and every byte of any other character (of
    // one byte or several) only asks for a dash. Spaces at either end need no trimming: a
    // dash is never written first, and those at the end are popped.
    for b in num.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            out.push(kept(char::from(b)));
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with(['-', '.']) {
        out.pop();
    }
    out
}

/// eIds of siblings of one kind: `{parent}__{abbr}_{num}` where a printed number exists,
/// `{parent}__{abbr}_{position}` (from 1) otherwise; repeats get `-2`, `-3` ….
pub fn siblings<'a>(parent: &str, abbr: &str, nums: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let tokens: Vec<Option<String>> = nums.into_iter().map(|n| n.map(token).filter(|t| !t.is_empty())).collect();
    // Positions never repeat: only printed numbers can, so without them nothing is checked.
    let may_repeat = tokens.iter().any(Option::is_some);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut taken: foldhash::HashSet<String> = foldhash::HashSet::default();
    for (i, t) in tokens.into_iter().enumerate() {
        // Built in one buffer, where `format!` and `join` made two, and copied for the set
        // only: the eIds of both exporters come from here.
        let mut base = String::with_capacity(parent.len() + abbr.len() + 8 + t.as_ref().map_or(4, String::len));
        push_joined(&mut base, parent, abbr);
        base.push('_');
        match &t {
            Some(t) => base.push_str(t),
            None => push_number(&mut base, i + 1),
        }
        if !may_repeat {
            out.push(base);
            continue;
        }
        let id = if taken.contains(&base) {
            let mut k = 2;
            let mut id = format!("{base}-{k}");
            while taken.contains(&id) {
                k += 1;
                id = format!("{base}-{k}");
            }
            id
        } else {
            base
        };
        taken.insert(id.clone());
        out.push(id);
    }
    out
}

/// Appends a number in decimal.
fn push_number(s: &mut String, n: usize) {
    use std::fmt::Write;
    // Writing to a String does not fail.
    let _ = write!(s, "{n}");
}

/// eId of the enacting formula of a body.
pub fn formula(prefix: &str) -> String {
    join(prefix, "preamble__formula_1")
}

/// eIds of the preambular paragraphs of a body (by position, as printed ones have no number).
pub fn preamble(prefix: &str, count: usize) -> Vec<String> {
    siblings(&join(prefix, "preamble"), "container", std::iter::repeat_n(None, count))
}

/// eIds of the items of an operative part or an annex: paragraphs `para_`, sections `sec_`,
/// tables `table_`, each kind numbered apart.
pub fn items(parent: &str, items: &[Item]) -> Vec<String> {
    let paras = siblings(
        parent,
        "para",
        items.iter().filter_map(|i| match i {
            Item::Clause(c) => Some(c.num.as_deref()),
            _ => None,
        }),
    );
    let secs = siblings(
        parent,
        "sec",
        items.iter().filter_map(|i| match i {
            Item::Section(s) => Some(s.num.as_deref()),
            _ => None,
        }),
    );
    let tables = siblings(parent, "table", items.iter().filter(|i| matches!(i, Item::Table(_))).map(|_| None));
    let (mut p, mut s, mut t) = (paras.into_iter(), secs.into_iter(), tables.into_iter());
    items
        .iter()
        .map(|i| match i {
            Item::Clause(_) => p.next(),
            Item::Section(_) => s.next(),
            Item::Table(_) => t.next(),
        })
        .map(Option::unwrap_or_default)
        .collect()
}

/// eId of the list that holds the sub-paragraphs of `parent`.
pub fn list(parent: &str) -> String {
    join(parent, "list_1")
}

/// eIds of sub-paragraphs, children of the list of `parent`.
pub fn points(parent: &str, points: &[Point]) -> Vec<String> {
    // Most paragraphs have none: nothing to build.
    if points.is_empty() {
        return Vec::new();
    }
    let list = list(parent);
    siblings(&list, "point", points.iter().map(|p| p.num.as_deref().filter(|n| *n != "-" && *n != "•")))
}

/// eId of the `n`-th embedded document (from 1).
pub fn component(n: usize) -> String {
    format!("cmp_{n}")
}

/// eId of the `n`-th annex (from 1).
pub fn annex(n: usize) -> String {
    format!("annex_{n}")
}

/// eId of the part with the given letter.
pub fn part(label: &str) -> String {
    format!("part_{}", token(label))
}

/// eId of the conclusions.
pub const CONCLUSIONS: &str = "conclusions";

/// The eId of each footnote, in the order of [`Resolution::footnotes`]: `ftn_{marker}`,
/// prefixed by the embedded document, part or annex where it is first called.
pub fn footnotes(res: &Resolution) -> Vec<String> {
    let mut first: Vec<Option<String>> = vec![None; res.footnotes.len()];
    walk(
        res,
        &mut |prefix, text| {
            for call in &text.notes {
                if let Some(slot) = first.get_mut(call.footnote)
                    && slot.is_none()
                {
                    *slot = Some(prefix.to_string());
                }
            }
        },
        &mut |_| {},
    );
    let mut out: Vec<String> = Vec::with_capacity(res.footnotes.len());
    let mut taken: foldhash::HashSet<String> = foldhash::HashSet::default();
    for (f, prefix) in res.footnotes.iter().zip(first) {
        let t = token(&f.marker);
        let t = if t.is_empty() { "x".to_string() } else { t };
        let base = join(prefix.as_deref().unwrap_or(""), &format!("ftn_{t}"));
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        taken.insert(id.clone());
        out.push(id);
    }
    out
}

/// Whether each footnote is called somewhere in the text.
pub fn called(res: &Resolution) -> Vec<bool> {
    let mut called = vec![false; res.footnotes.len()];
    walk(
        res,
        &mut |_, text| {
            for call in &text.notes {
                if let Some(c) = called.get_mut(call.footnote) {
                    *c = true;
                }
            }
        },
        &mut |_| {},
    );
    called
}

/// How many texts the walk visits, and how many mentions and footnote calls they hold: a
/// size hint for the exporters.
pub fn text_counts(res: &Resolution) -> (usize, usize) {
    let (mut texts, mut marks) = (0, 0);
    walk(
        res,
        &mut |_, text| {
            texts += 1;
            marks += text.mentions.len() + text.notes.len();
        },
        &mut |_| {},
    );
    (texts, marks)
}

/// The embedded documents in walk order: the `n`-th (from 1) is component `cmp_{n}`.
pub fn components(res: &Resolution) -> Vec<&Embedded> {
    let mut out = Vec::new();
    walk(res, &mut |_, _| {}, &mut |e| out.push(e));
    out
}

/// The component number of `emb`, found by identity among [`components`].
pub fn component_number(list: &[&Embedded], emb: &Embedded) -> usize {
    list.iter().position(|e| std::ptr::eq(*e, emb)).map_or(0, |i| i + 1)
}

/// The eId prefix of everything inside a part.
pub fn part_prefix(label: &str) -> String {
    part(label)
}

/// The eId prefix of everything inside an annex.
pub fn annex_prefix(n: usize) -> String {
    annex(n)
}

/// Visits every text with the eId prefix of its document, and every embedded document, in
/// walk order.
fn walk<'r>(res: &'r Resolution, f: &mut dyn FnMut(&str, &'r Text), e: &mut dyn FnMut(&'r Embedded)) {
    let mut cmp = 0;
    walk_body("", &res.body, &mut cmp, f, e);
    for part in &res.parts {
        walk_body(&part_prefix(&part.label), &part.body, &mut cmp, f, e);
    }
    for (n, annex) in res.annexes.iter().enumerate() {
        let prefix = annex_prefix(n + 1);
        for h in &annex.headings {
            f(&prefix, h);
        }
        walk_items(&prefix, &annex.items, &mut cmp, f, e);
    }
}

fn walk_body<'r>(
    prefix: &str,
    body: &'r Body,
    cmp: &mut usize,
    f: &mut dyn FnMut(&str, &'r Text),
    e: &mut dyn FnMut(&'r Embedded),
) {
    if let Some(t) = &body.formula {
        f(prefix, t);
    }
    for c in &body.preamble {
        if let Some(h) = &c.heading {
            f(prefix, h);
        }
        f(prefix, &c.text);
        walk_points(prefix, &c.points, f);
        if let Some(w) = &c.wrap_up {
            f(prefix, w);
        }
    }
    walk_items(prefix, &body.main, cmp, f, e);
}

fn walk_items<'r>(
    prefix: &str,
    items: &'r [Item],
    cmp: &mut usize,
    f: &mut dyn FnMut(&str, &'r Text),
    e: &mut dyn FnMut(&'r Embedded),
) {
    for item in items {
        match item {
            Item::Clause(c) => {
                f(prefix, &c.text);
                walk_points(prefix, &c.points, f);
                if let Some(w) = &c.wrap_up {
                    f(prefix, w);
                }
                for emb in &c.embedded {
                    *cmp += 1;
                    e(emb);
                    walk_body(&component(*cmp), &emb.body, cmp, f, e);
                }
            }
            Item::Section(s) => {
                if let Some(h) = &s.heading {
                    f(prefix, h);
                }
                for c in &s.preamble {
                    f(prefix, &c.text);
                    walk_points(prefix, &c.points, f);
                }
                walk_items(prefix, &s.items, cmp, f, e);
            }
            Item::Table(t) => {
                for cell in t.rows.iter().flatten() {
                    f(prefix, cell);
                }
            }
        }
    }
}

fn walk_points<'r>(prefix: &str, points: &'r [Point], f: &mut dyn FnMut(&str, &'r Text)) {
    for p in points {
        if let Some(h) = &p.heading {
            f(prefix, h);
        }
        f(prefix, &p.text);
        walk_points(prefix, &p.points, f);
        if let Some(w) = &p.wrap_up {
            f(prefix, w);
        }
    }
}

/// ISO 639-2 code of an ISO 639-1 language code, for expression IRIs.
pub fn lang3(lang: &str) -> &'static str {
    match lang {
        "fr" => "fra",
        "es" => "spa",
        "ar" => "ara",
        "zh" => "zho",
        "ru" => "rus",
        _ => "eng",
    }
}

/// The IRIs of one document (DESIGN §4).
#[derive(Clone, Debug)]
pub struct Iris {
    /// The base, without a final slash.
    pub base: String,
    /// The FRBR Work IRI.
    pub work: String,
    /// The FRBR Expression IRI.
    pub expression: String,
    /// The path of the work below the base (`/akn/un/statement/deliberation/…`).
    pub work_path: String,
    /// ISO 639-2 code of the expression.
    pub lang: &'static str,
}

impl Iris {
    /// IRIs of `res` under `base`. `fallback` names the document when it has neither an
    /// organ, a date and a number nor a symbol (usually the input file's stem).
    pub fn new(base: &str, res: &Resolution, fallback: &str) -> Iris {
        let base = base.trim_end_matches('/').to_string();
        let lang = lang3(&res.meta.language);
        let date = res
            .adoption
            .date
            .map(|d| d.to_string())
            .or_else(|| res.parts.iter().find_map(|p| p.adoption.as_ref()?.date.map(|d| d.to_string())));
        let actor = res.meta.organ.as_ref().map(|o| o.akn.clone());
        let number = res.meta.number.as_deref().map(number_token);
        let work_path = match (actor, date.as_ref(), number) {
            (Some(a), Some(d), Some(n)) if !n.is_empty() => format!("/akn/un/statement/deliberation/{a}/{d}/{n}"),
            _ => match res.meta.symbol.as_deref() {
                Some(sym) => symbol_path(sym),
                None => format!("/akn/un/statement/unidentified/{}", slug(fallback)),
            },
        };
        let work = format!("{base}{work_path}");
        let expression = match date {
            Some(d) => format!("{work}/{lang}@{d}"),
            None => format!("{work}/{lang}@"),
        };
        Iris { base, work, expression, work_path, lang }
    }

    /// The IRI of a part of the work (language-independent structure).
    pub fn work_part(&self, eid: &str) -> String {
        [self.work.as_str(), "/~", eid].concat()
    }

    /// The IRI of a part of the expression (where the text lives).
    pub fn expression_part(&self, eid: &str) -> String {
        [self.expression.as_str(), "/~", eid].concat()
    }

    /// The IRI of the manifestation in the given format (`akn.xml`, `ttl`).
    pub fn manifestation(&self, ext: &str) -> String {
        format!("{}/.{ext}", self.expression)
    }

    /// The IRI of a meeting of an organ.
    pub fn meeting(&self, akn: &str, date: Option<&str>, number: Option<u32>, plenary: bool) -> String {
        let kind = if plenary { "plenary-meeting" } else { "meeting" };
        let n = number.map(|n| n.to_string()).unwrap_or_else(|| "unnumbered".into());
        match date {
            Some(d) => format!("{}/akn/un/event/{akn}/{d}/{kind}-{n}", self.base),
            None => format!("{}/akn/un/event/{akn}/{kind}-{n}", self.base),
        }
    }

    /// The IRI of an actor of the tables (organ, office, official, group).
    pub fn actor(&self, key: &str) -> String {
        [self.base.as_str(), "/akn/ontology/organization/un/", &slug(key)].concat()
    }

    /// The IRI of a State, by ISO 3166-1 alpha-3 code.
    pub fn state(&self, iso3: &str) -> String {
        [self.base.as_str(), "/akn/ontology/organization/state/", &slug(iso3)].concat()
    }

    /// The IRI of an instrument.
    pub fn instrument(&self, key: &str) -> String {
        [self.base.as_str(), "/akn/ontology/instrument/", &slug(key)].concat()
    }

    /// The IRI of a document cited by symbol, with its adoption date and organ if known.
    pub fn cited(&self, symbol: &str, akn: Option<&str>, date: Option<&str>, number: Option<&str>) -> String {
        // `concat` sizes the string once, where `format!` grew it (both exporters build the
        // IRI of every cited document).
        match (akn, date, number) {
            (Some(a), Some(d), Some(n)) => {
                [&self.base, "/akn/un/statement/deliberation/", a, "/", d, "/", &number_token(n)].concat()
            }
            _ => [&self.base, SYMBOL_PATH, &token(symbol)].concat(),
        }
    }
}

/// The IRI of the part of a cited document that `pinpoints` name, below the document's:
/// `…/65-230/part/annex`, `…/52-214/part/sect-c-para-3`. The words are slugged, not
/// read as an eId: how the cited document numbers its parts is not known.
pub fn cited_part(cited: &str, pinpoints: &[String]) -> String {
    let words = token(&pinpoints.join(" ").to_lowercase().replace('.', " "));
    [cited, "/part/", if words.is_empty() { "unnamed" } else { &words }].concat()
}

/// The IRI of the official text of a symbol at undocs.org.
pub fn undocs(symbol: &str) -> String {
    let mut s = String::from("https://undocs.org/");
    for c in symbol.chars() {
        match c {
            ' ' => s.push_str("%20"),
            '(' => s.push_str("%28"),
            ')' => s.push_str("%29"),
            c if c.is_ascii_alphanumeric() || "/.-_".contains(c) => s.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    s.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    s
}

/// The printed number as an IRI segment: `2011/31` → `2011-31`, `1373 (2001)` → `1373-2001`.
pub fn number_token(num: &str) -> String {
    token(num.trim_end_matches('.'))
}

fn symbol_path(symbol: &str) -> String {
    [SYMBOL_PATH, &token(symbol)].concat()
}

/// The path under which a document is named by its symbol.
const SYMBOL_PATH: &str = "/akn/un/symbol/";

/// A lowercase slug: ASCII letters and digits, other runs become `-`.
///
/// The token of `s`, lowercased and with `-` for `.`, built in one pass: actors' and
/// instruments' IRIs and eIds are slugged for every mention, and the three copies this took
/// (token, lowercase, replace) were 2 % of a conversion's instructions.
pub fn slug(s: &str) -> String {
    token_with(s, |c| if c == '.' { '-' } else { c.to_ascii_lowercase() })
}

/// Whether `s` is a valid absolute IRI (RFC 3987).
pub fn is_valid_iri(s: &str) -> bool {
    IriString::try_from(s.to_string()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_segments() {
        assert_eq!(number_token("2011/31"), "2011-31");
        assert_eq!(number_token("1373 (2001)"), "1373-2001");
        assert_eq!(number_token("65/232."), "65-232");
        assert_eq!(token("(ii)"), "ii");
        // Each character not kept, of one byte or several, and each run of them: one dash.
        assert_eq!(token("\u{a0}Côte d’Ivoire\u{2003}"), "C-te-d-Ivoire");
    }

    #[test]
    fn a_slug_is_the_token_lowercased_with_dashes_for_dots() {
        for s in ["UN.Women", "A.-b", "Côte d’Ivoire", "  x..Y.  ", "ECOSOC.", "-.A", "", "Ab-(C).d"] {
            assert_eq!(slug(s), token(s).to_ascii_lowercase().replace('.', "-"), "{s:?}");
        }
    }

    #[test]
    fn preambular_eids_are_the_siblings_without_numbers() {
        for prefix in ["", "cmp_1"] {
            assert_eq!(preamble(prefix, 12), siblings(&join(prefix, "preamble"), "container", [None; 12]));
        }
    }

    #[test]
    fn sibling_repeats_are_told_apart() {
        let ids = siblings("", "para", [Some("1"), None, Some("2"), Some("2")]);
        assert_eq!(ids, ["para_1", "para_2", "para_2-2", "para_2-3"]);
    }

    #[test]
    fn undocs_escapes_spaces_and_brackets() {
        assert_eq!(undocs("S/RES/1373 (2001)"), "https://undocs.org/S/RES/1373%20%282001%29");
        assert!(is_valid_iri(&undocs("S/RES/1373 (2001)")));
    }
}
