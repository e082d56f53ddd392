//! Links: what every text of a resolution cites, names and asks.
//!
//! One pass over every [`Text`] of the document (formula, preamble, operative paragraphs and
//! their sub-paragraphs, embedded drafts, parts, annexes, footnotes) finds, in this order of
//! precedence where they overlap (the longer first, then the earlier kind):
//!
//! 1. citations of United Nations documents: "its resolution 65/232 of 21 December 2010",
//!    "Security Council resolutions 1267 (1999), 1373 (2001) and 1540 (2004)",
//!    "resolution 217 A (III)", "decision 78/401", "sa résolution 65/232 du 21 décembre
//!    2010", symbols such as "A/78/481" or "S/2023/970", with "annex", "para. 3" or
//!    "section II" after them;
//! 2. named instruments of `ontology/instruments.tsv`, and unknown ones by the shape of their
//!    name ("Convention on …", "… Declaration");
//! 3. actors of `ontology/{organs,groups,member-states,former-states}.tsv` by name,
//!    abbreviation or alias in English, French or Spanish, and by the words that refer back
//!    to an organ named before ("the Office" after UNODC);
//! 4. dates.
//!
//! "its resolution" is a resolution of the organ whose formula opens the text being read:
//! in the draft that ECOSOC 2011/31 recommends, the General Assembly. Each mention is
//! recorded in the text's stand-off list and its target once in the resolution's lists.
//! Then each operative paragraph gets its [`Action`]s: the verb of its lead phrase, and of
//! each further "and requests …", with the actor named right after the verb.

use super::names::Names;
use super::split::{LOOSE_NAME, Split};
use super::{actors, dates};
use crate::model::{
    Action, ActorKind, ActorRef, Annex, Body, CitedDocument, Clause, DocKind, Instrument, Item, Mention, MentionKind,
    Organ, Point, Resolution, Text,
};
use crate::words::{Part, words};
use foldhash::{HashMap, HashMapExt};
use memchr::memmem::Finder;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Organ keys whose documents are numbered with a symbol rule, and every printed name of
/// each (English, French, Spanish, and the short form that refers back: "Assembly",
/// "Council", "Asamblea"), longest first.
static ORGAN_NAMES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let w = words();
    let mut out = Vec::new();
    for rule in &w.symbols {
        if let Some(o) = w.organ(&rule.organ) {
            for n in std::iter::once(&o.name).chain(&o.aliases).chain(o.name_fr.iter()).chain(o.name_es.iter()) {
                out.push((n.clone(), o.key.clone()));
            }
            for b in &o.refers_back {
                let short = b.trim().strip_prefix("the ").unwrap_or(b);
                if !short.contains(' ') {
                    out.push((short.to_string(), o.key.clone()));
                    for n in o.name_fr.iter().chain(o.name_es.iter()) {
                        if let Some(first) = n.split_whitespace().next() {
                            out.push((first.to_string(), o.key.clone()));
                        }
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    out
});

/// A pattern that matches any organ name of [`ORGAN_NAMES`], shared by the patterns that
/// name an organ.
static ORGAN_ALTERNATION: LazyLock<String> = LazyLock::new(|| {
    let organs: Vec<&str> = ORGAN_NAMES.iter().map(|(n, _)| n.as_str()).collect();
    alternation(&organs)
});

/// A pattern that matches any of `names` (longest first), with `’` matching `'` too.
fn alternation(names: &[&str]) -> String {
    let mut names: Vec<&str> = names.iter().copied().filter(|n| !n.trim().is_empty()).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
        .iter()
        .map(|n| regex::escape(n).replace(['’', '\''], "['’]").replace("\\-", "[-\u{2010}\u{2011}]"))
        .collect::<Vec<_>>()
        .join("|")
}

/// One printed number of a resolution or decision: `65/232`, `ES-11/1`, `1373 (2001)`,
/// `217 A (III)`, `181 (II)`, `1874 (S-IV)`, `2252 (ES-V)`.
const NUMBER: &str = r"(?:(?:(?:ES|S)[-\u{2010}\u{2011}])?\d{1,4}/\d{1,4}(?:\s[A-Z](?-u:\b))?|\d{1,4}\s?\(\d{4}\)|\d{1,4}(?:\s[A-Z])?\s\((?:E?S[-\u{2010}\u{2011}])?[IVXL]+\))";
/// A list of numbers made loose ([`CITATION`]'s copy that splits): the first character of a
/// [`NUMBER`], then anything.
const NUMBER_ON: &str = r"(?:(?:ES|S)[-\u{2010}\u{2011}])?\d(?s:.*)";
/// A date after a number: "of 21 December 2010", "du 21 décembre 2010", "de 21 de julio de 2011".
const DATE_AFTER: &str =
    r"(?:,?\s+(?:of|du|de|en\s+date\s+du)\s+\d{1,2}(?:er|º)?\s+(?:de\s+)?\p{L}+\s+(?:de\s+)?\d{4})";
/// A qualifier after a number: one or more pinpoints, each after a comma, opened by a word of
/// the `qualifier` or `numbered-qualifier` list of `ontology/link-words.tsv` (", annex",
/// ", annex I", ", sect. C, para. 3", ", paras. 2 and 3", ", section II.A").
static QUALIFIER: LazyLock<String> = LazyLock::new(|| {
    let w = words();
    let list = |name: &str| alternation(&w.link_words(name).iter().map(String::as_str).collect::<Vec<_>>());
    // A designator ("I", "3", "C", "II.A", "8 (c)"), and more after a dash or a join word,
    // with numbers between them after commas ("paragraphs 121, 126, 129 and 132 to 134"; a
    // number after a comma with no join word after it is the next citation's).
    let one = r"(?:[IVXL]+|\d{1,3}|[A-Z])(?:\.[A-Z0-9]+)?(?-u:\b)(?:\s?\([a-z]{1,4}\))*";
    let more = r"(?:[IVXL]+|\d{1,3})(?-u:\b)(?:\s?\([a-z]{1,4}\))*";
    let designators = format!(
        r"{one}(?:(?:,\s*\d{{1,3}}(?-u:\b)(?:\s?\([a-z]{{1,4}}\))*)*(?:\s*[-–]\s*|\s+(?:{})\s+){more})*",
        list("qualifier-join")
    );
    format!(
        r"(?:,\s+(?:(?:{})(?-u:\b)(?:\s+{designators})?|(?:{})\s+{designators}))+",
        list("qualifier"),
        list("numbered-qualifier")
    )
});

/// A citation. Its word boundaries are ASCII ones, `(?-u:\b)`, as in every pattern of this
/// module: a Unicode `\b` stops the regex crate's fast DFA at the first non-ASCII byte of a
/// text, and the slow engine it falls back to made recognition most of a conversion's time.
/// The words they stand before begin with ASCII letters; the start is checked again, in
/// Unicode, where the match is used.
///
/// The list of numbers ends the pattern, and only where it starts is read from a match
/// ([`ITEM`] reads the list again), so the copy that splits a match takes the list as any
/// text from a number's first character on: the list's own pattern was most of the copy's
/// states, and the backtracker that splits clears a visited set of states times bytes.
static CITATION: LazyLock<Option<Split>> = LazyLock::new(|| {
    let citation = |organs: &str, list: &str| {
        format!(
            r"(?:(?-u:\b)(?P<its>its|their|[Ss]a|[Ss]es|[Ll]eur|[Ll]eurs|[Ss]u|[Ss]us)\s+)?(?:(?P<organ>{organs})\s+)?(?-u:\b)(?P<kind>[Rr]esolutions?|[Dd]ecisions?|[Rr]ésolutions?|[Dd]écisions?|[Rr]esoluci(?:ón|ones)|[Dd]ecisi(?:ón|ones))(?:{AFTER}(?P<mid>{organs}))?\s+(?P<list>{list})"
        )
    };
    let organs = ORGAN_ALTERNATION.as_str();
    let item = format!(r"{NUMBER}(?:{AFTER}(?:{organs}))?{DATE_AFTER}?(?:{})?", *QUALIFIER);
    let list = format!(r"{item}(?:(?:,\s*|,?\s+(?:and|et|y)\s+){item})*");
    Split::new(&citation(organs, &list), &citation(LOOSE_NAME, NUMBER_ON))
});
static ITEM: LazyLock<Option<Split>> = LazyLock::new(|| {
    Split::with_names(&ORGAN_ALTERNATION, |organs| {
        format!(r"(?P<num>{NUMBER})(?:{AFTER}(?P<after>{organs}))?(?P<date>{DATE_AFTER})?(?P<qual>{})?", *QUALIFIER)
    })
});

/// The words between a number and the organ printed after it ("65/232 de l’Assemblée générale").
const AFTER: &str = r"\s+(?:of\s+the|de\s+l[’']|du|del|de\s+la)\s*";
/// A document symbol: `A/78/481`, `S/2023/970`, `E/2011/99`, `A/HRC/53/3`, `A/RES/65/232`,
/// `E/CN.4/1998/53/Add.2`, `S/RES/1196 (1998)`, `A/73/12 (Part I)`, `A/76/6 (Sect. 3)/Add.8`,
/// `ICCD/COP(14)/23/Add.1`, `BWC/CONF.VIII/4`, `UNEP/OZL.Pro.28/12`;
/// its first element one of the series of `ontology/symbol-series.tsv`.
static SYMBOL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let series: Vec<&str> = words().symbol_series.iter().map(String::as_str).collect();
    Regex::new(&format!(
        r"(?-u:\b)(?:{})/(?:[A-Z][A-Za-z]{{0,11}}(?:\.[A-Z][a-z]{{1,5}})?(?:\.(?:\d{{1,4}}|[IVX]{{1,5}}))?(?:\(\d{{1,3}}\))?/)*(?:(?:ES-|S-)?\d{{1,5}})(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])*(?:\s?\(\d{{4}}\)|\s?\((?:Parts?|Vol\.|Sect\.|Introduction)[^()]{{0,24}}\)(?:/[A-Za-z0-9.]*[A-Za-z0-9])*)?",
        alternation(&series)
    ))
    .ok()
});

/// Every printed name of an actor, with what it names.
static ACTOR_NAMES: LazyLock<(Vec<String>, HashMap<String, ActorRef>)> = LazyLock::new(|| {
    let w = words();
    let mut map: HashMap<String, ActorRef> = HashMap::new();
    let mut printed: Vec<String> = Vec::new();
    let mut add = |name: &str, a: &ActorRef| {
        let name = name.trim();
        let name = name.strip_prefix("the ").unwrap_or(name);
        if name.chars().count() < 2 {
            return;
        }
        map.entry(key(name).into_owned()).or_insert_with(|| a.clone());
        printed.push(name.to_string());
        // "all States" also opens a sentence as "All States".
        if let Some(first) = name.chars().next()
            && first.is_lowercase()
        {
            let upper: String = first.to_uppercase().chain(name.chars().skip(1)).collect();
            map.entry(key(&upper).into_owned()).or_insert_with(|| a.clone());
            printed.push(upper);
        }
    };
    for o in &w.organs {
        let kind = if o.kind == "official" { ActorKind::Official } else { ActorKind::Organization };
        let a = ActorRef { key: o.key.clone(), kind, name: o.name.clone() };
        for n in std::iter::once(&o.name)
            .chain(&o.abbreviations)
            .chain(&o.aliases)
            .chain(o.name_fr.iter())
            .chain(o.name_es.iter())
        {
            add(n, &a);
        }
    }
    for s in &w.states {
        let a = ActorRef { key: s.iso3.clone(), kind: ActorKind::State, name: s.name.clone() };
        for n in std::iter::once(&s.name).chain(&s.aliases).chain(s.name_fr.iter()).chain(s.name_es.iter()) {
            add(n, &a);
        }
    }
    for s in &w.former_states {
        let a = ActorRef { key: s.key.clone(), kind: ActorKind::State, name: s.name.clone() };
        for n in std::iter::once(&s.name).chain(&s.aliases) {
            add(n, &a);
        }
    }
    for g in &w.groups {
        let a = ActorRef { key: g.key.clone(), kind: ActorKind::Group, name: g.name.clone() };
        for n in std::iter::once(&g.name).chain(&g.aliases).chain(g.name_fr.iter()).chain(g.name_es.iter()) {
            add(n, &a);
        }
    }
    (printed, map)
});

/// The printed names of the actors and of the instruments of the tables, searched together.
static NAMES: LazyLock<Names<2>> = LazyLock::new(|| Names::new(name_lists()));

/// The names [`NAMES`] finds: the actors' and the instruments' printed names.
fn name_lists() -> [Vec<&'static str>; 2] {
    let instruments: Vec<&str> = words()
        .instruments
        .iter()
        .flat_map(|i| std::iter::once(&i.name).chain(&i.aliases).chain(i.name_fr.iter()).chain(i.name_es.iter()))
        .map(|n| n.trim())
        .map(|n| n.strip_prefix("the ").unwrap_or(n))
        .filter(|n| n.chars().count() > 3)
        .collect();
    [ACTOR_NAMES.0.iter().map(String::as_str).collect(), instruments]
}

/// An instrument not in the table, by the shape of its name: capitalised words around a head
/// word ("International Convention for the Suppression of …", "Paris Agreement"); and the
/// head words alone, which most texts hold none of: a search for them alone runs on the
/// literals' fast prefilter, where the shape's search runs its automaton over every byte.
static INSTRUMENT_SHAPE: LazyLock<Option<(Regex, Regex)>> = LazyLock::new(|| {
    let cap = r"(?:[A-Z][\p{L}’'\-\u{2010}\u{2011}]*|\d{4})";
    let link = r"(?:on|of|for|against|to|the|and|in|relating|concerning|with|at)";
    let heads: Vec<String> = words().link_words("head").iter().map(|h| regex::escape(h).replace(' ', r"\s+")).collect();
    let head = format!("(?:{})", heads.join("|"));
    let shape =
        Regex::new(&format!(r"(?-u:\b)(?:{cap}\s+)*{head}(?:\s+(?:{link}\s+)+{cap}(?:,?\s+(?:{cap}|{link}))*)?"))
            .ok()?;
    Some((shape, Regex::new(&head).ok()?))
});

/// The name made a lookup key: straight apostrophes, single spaces, case kept. Most names
/// are printed so already, and are their own key.
fn key(name: &str) -> Cow<'_, str> {
    let b = name.as_bytes();
    let single_spaced = b.first() != Some(&b' ') && b.last() != Some(&b' ') && !b.windows(2).any(|w| w == b"  ");
    // An ASCII name (most) is checked byte by byte: its only other spaces are the controls
    // from tab to carriage return.
    let odd = |c: char| matches!(c, '’' | '\u{2010}' | '\u{2011}') || (c.is_whitespace() && c != ' ');
    let plain = if b.is_ascii() { !b.iter().any(|c| (b'\t'..=b'\r').contains(c)) } else { !name.contains(odd) };
    if single_spaced && plain {
        return Cow::Borrowed(name);
    }
    Cow::Owned(
        name.replace('’', "'").replace(['\u{2010}', '\u{2011}'], "-").split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// What the pass has found so far, kept apart from the document while its texts are borrowed.
#[derive(Default)]
struct Found {
    actors: Vec<ActorRef>,
    instruments: Vec<Instrument>,
    citations: Vec<CitedDocument>,
    /// The words that refer back ("the Office") → the actor named last that they fit.
    back: HashMap<String, usize>,
    /// The enacting organ, which keeps its words ("the Council") once it has them.
    main: Option<usize>,
    /// The numbers cited so far with their organ named ("Human Rights Council resolution
    /// 34/24"), by number: the organ of the same number printed bare later ("pursuant to
    /// resolution 34/24").
    named: HashMap<String, String>,
}

impl Found {
    /// The index of an actor among those found, added (a copy) the first time.
    fn actor(&mut self, a: &ActorRef) -> usize {
        let i = match self.actors.iter().position(|x| x.key == a.key && x.kind == a.kind) {
            Some(i) => i,
            None => {
                self.actors.push(a.clone());
                self.actors.len() - 1
            }
        };
        if let Some(o) = self.actors.get(i).and_then(|a| words().organ(&a.key)) {
            for b in &o.refers_back {
                let b = b.trim().strip_prefix("the ").unwrap_or(b);
                let known = self.back.get(b);
                if known != Some(&i) && (self.main.is_none() || known != self.main.as_ref()) {
                    self.back.insert(b.to_string(), i);
                }
            }
        }
        i
    }

    fn instrument(&mut self, ins: Instrument) -> usize {
        if let Some(i) = self.instruments.iter().position(|x| x.key == ins.key) {
            return i;
        }
        self.instruments.push(ins);
        self.instruments.len() - 1
    }

    fn citation(&mut self, c: CitedDocument) -> usize {
        if let Some(i) = self.citations.iter().position(|x| x.symbol == c.symbol) {
            if let Some(x) = self.citations.get_mut(i)
                && x.date.is_none()
            {
                x.date = c.date;
            }
            return i;
        }
        self.citations.push(c);
        self.citations.len() - 1
    }
}

/// Reading context: the language and the organ whose formula opens the text.
#[derive(Clone)]
struct Ctx<'a> {
    lang: &'a str,
    organ: Option<String>,
    operative: bool,
}

/// Finds the links of every text of `res` and the actions of its operative paragraphs.
pub fn link(res: &mut Resolution, lang: &str) {
    let mut found = Found {
        actors: std::mem::take(&mut res.actors),
        instruments: std::mem::take(&mut res.instruments),
        citations: std::mem::take(&mut res.citations),
        back: HashMap::new(),
        main: None,
        named: HashMap::new(),
    };
    let organ = res.meta.organ.as_ref().map(|o| o.actor.key.clone());
    if let Some(o) = &res.meta.organ {
        let i = found.actor(&o.actor);
        found.main = Some(i);
    }
    let ctx = Ctx { lang, organ, operative: false };
    body(&mut res.body, &ctx, &mut found);
    for part in &mut res.parts {
        body(&mut part.body, &ctx, &mut found);
    }
    for annex in &mut res.annexes {
        annex_texts(annex, &ctx, &mut found);
    }
    for f in &mut res.footnotes {
        text(&mut f.text, &ctx, &mut found);
    }
    res.actors = found.actors;
    res.instruments = found.instruments;
    res.citations = found.citations;
}

fn annex_texts(annex: &mut Annex, ctx: &Ctx<'_>, found: &mut Found) {
    for h in &mut annex.headings {
        text(h, ctx, found);
    }
    let ctx = Ctx { operative: false, ..ctx.clone() };
    items(&mut annex.items, &ctx, found);
}

fn body(b: &mut Body, ctx: &Ctx<'_>, found: &mut Found) {
    if let Some(f) = &mut b.formula {
        text(f, ctx, found);
    }
    let pre = Ctx { operative: false, ..ctx.clone() };
    for c in &mut b.preamble {
        clause(c, &pre, found);
    }
    let op = Ctx { operative: true, ..ctx.clone() };
    items(&mut b.main, &op, found);
}

fn items(list: &mut [Item], ctx: &Ctx<'_>, found: &mut Found) {
    for item in list {
        match item {
            Item::Clause(c) => clause(c, ctx, found),
            Item::Section(s) => {
                if let Some(h) = &mut s.heading {
                    text(h, ctx, found);
                }
                let pre = Ctx { operative: false, ..ctx.clone() };
                for c in &mut s.preamble {
                    clause(c, &pre, found);
                }
                items(&mut s.items, ctx, found);
            }
            Item::Table(t) => {
                for cell in t.rows.iter_mut().flatten() {
                    text(cell, ctx, found);
                }
            }
        }
    }
}

fn clause(c: &mut Clause, ctx: &Ctx<'_>, found: &mut Found) {
    if let Some(h) = &mut c.heading {
        text(h, ctx, found);
    }
    text(&mut c.text, ctx, found);
    points(&mut c.points, ctx, found);
    if let Some(w) = &mut c.wrap_up {
        text(w, ctx, found);
    }
    if ctx.operative && c.actions.is_empty() {
        c.actions = actions(&c.text, c.lead.as_deref(), ctx.lang, found);
    }
    for emb in &mut c.embedded {
        let organ = emb.organ.as_ref().map(|o: &Organ| o.actor.key.clone()).or_else(|| ctx.organ.clone());
        if let Some(o) = &emb.organ {
            found.actor(&o.actor);
        }
        let inner = Ctx { organ, ..ctx.clone() };
        body(&mut emb.body, &inner, found);
    }
}

fn points(list: &mut [Point], ctx: &Ctx<'_>, found: &mut Found) {
    for p in list {
        if let Some(h) = &mut p.heading {
            text(h, ctx, found);
        }
        text(&mut p.text, ctx, found);
        points(&mut p.points, ctx, found);
        if let Some(w) = &mut p.wrap_up {
            text(w, ctx, found);
        }
        if ctx.operative && p.actions.is_empty() {
            p.actions = actions(&p.text, None, ctx.lang, found);
        }
    }
}

/// A candidate mention: range, precedence (lower wins at equal length), and what it is.
struct Candidate {
    start: usize,
    end: usize,
    rank: u8,
    what: Pending,
}

enum Pending {
    /// A cited document and the parts of it the words name.
    Citation(CitedDocument, Vec<String>),
    Instrument(Instrument),
    /// An actor of the tables (not copied for each mention).
    Actor(&'static ActorRef),
    Back(usize),
    Date(crate::model::Date),
}

/// Whether a text may cite a resolution or decision: every word of [`CITATION`]'s `kind`
/// holds "solu" or "cisi" (resolution, résolution, resolución, decision, décision, decisión),
/// and most texts hold neither, so the citation patterns are not run on them.
fn may_cite(s: &str) -> bool {
    s.contains("solu") || s.contains("cisi")
}

/// Finds the mentions of one text.
fn text(t: &mut Text, ctx: &Ctx<'_>, found: &mut Found) {
    if !t.mentions.is_empty() || t.text.is_empty() {
        return;
    }
    let s = t.text.as_str();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut actors = Vec::new();
    let [actor_spans, instrument_spans] = NAMES.find(s);
    actor_names(s, &actor_spans, &mut actors);
    citations(s, ctx, &actors, &mut found.named, &mut cands);
    symbols(s, &mut cands);
    instruments(s, &instrument_spans, &mut cands);
    cands.extend(actors);
    // The words that refer back, after "the " or "The " (found once for all of them; no
    // such word overlaps itself, so each occurrence is one of them).
    static HE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("he "));
    for he in HE.find_iter(s.as_bytes()) {
        if !s.get(..he).is_some_and(|p| p.ends_with(['t', 'T'])) {
            continue;
        }
        let at = he + "he ".len();
        let rest = s.get(at..).unwrap_or("");
        for (b, i) in &found.back {
            let end = at + b.len();
            let after_ok = s.get(end..).is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()));
            if rest.starts_with(b.as_str()) && after_ok {
                cands.push(Candidate { start: at, end, rank: 4, what: Pending::Back(*i) });
            }
        }
    }
    for (a, b, d) in dates::dates(s, ctx.lang) {
        cands.push(Candidate { start: a, end: b, rank: 5, what: Pending::Date(d) });
    }
    // Longest first, then by precedence, then leftmost; keep those that overlap nothing kept.
    cands.sort_by(|a, b| (b.end - b.start, a.rank, a.start).cmp(&(a.end - a.start, b.rank, b.start)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        if c.start >= c.end || !s.is_char_boundary(c.start) || !s.is_char_boundary(c.end) {
            continue;
        }
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        } else if let Pending::Citation(d, _) = c.what
            && kept.iter().any(|k| matches!(k.what, Pending::Actor(_)) && k.start <= c.start && c.end <= k.end)
        {
            // A resolution inside an actor's name ("the Security Council Committee
            // established pursuant to resolution 1373 (2001)") is cited, though the name is
            // the mention.
            found.citation(d);
        }
    }
    kept.sort_by_key(|c| c.start);
    for c in kept {
        let mut pinpoints = Vec::new();
        let what = match c.what {
            Pending::Citation(d, pins) => {
                pinpoints = pins;
                // The organ of a cited resolution is named by the citation ("Security Council
                // resolution …") or by the text ("its resolution …").
                if let Some(o) = d.organ.as_deref().and_then(|k| words().organ(k)) {
                    found.actor(&ActorRef { key: o.key.clone(), kind: ActorKind::Organization, name: o.name.clone() });
                }
                MentionKind::Citation(found.citation(d))
            }
            Pending::Instrument(i) => MentionKind::Instrument(found.instrument(i)),
            Pending::Actor(a) => MentionKind::Actor(found.actor(a)),
            Pending::Back(i) => MentionKind::Actor(i),
            Pending::Date(d) => MentionKind::Date(d),
        };
        t.mentions.push(Mention { start: c.start, end: c.end, what, pinpoints });
    }
}

/// The organ key of a printed organ name; a short name ("Council") that fits several is
/// the organ of the text where it fits it.
fn organ_key(name: &str, current: Option<&str>) -> Option<String> {
    let fits = ORGANS_BY_KEY.get(key(name).as_ref())?;
    fits.iter().find(|o| Some(o.as_str()) == current).or(fits.first()).cloned()
}

/// The organ keys of each name of [`ORGAN_NAMES`], by the name's [`key`], in the order of
/// that list.
static ORGANS_BY_KEY: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
    for (n, o) in ORGAN_NAMES.iter() {
        by_key.entry(key(n).into_owned()).or_default().push(o.clone());
    }
    by_key
});

/// The words of a list of `ontology/link-words.tsv` as a rule reads them: with a space before
/// (none where the word opens with a comma, ", adopted by the") and a space after.
fn spaced(list: &str, before: bool, after: bool) -> Vec<String> {
    let w = words().link_words(list);
    w.iter()
        .map(|w| {
            let b = if before && !w.starts_with(',') { " " } else { "" };
            let a = if after { " " } else { "" };
            format!("{b}{w}{a}")
        })
        .collect()
}

/// The words before a body that make it the one acting: "by the ", "request of the ".
static ACTING: LazyLock<Vec<String>> = LazyLock::new(|| spaced("acting", false, true));
/// The words after a list that name its body: " of the ", ", adopted by the ".
static AFTER_LIST: LazyLock<Vec<String>> = LazyLock::new(|| spaced("after-list", true, true));
/// The words that join two numbers of a list: " and", " as well as", ", ainsi que".
static JOINS: LazyLock<Vec<String>> = LazyLock::new(|| spaced("joins", true, false));
/// The word before "its resolution" after an organ: " in", " dans", " en".
static IN_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| spaced("in", true, false));
/// The words before a further operative verb: " and ", " et ", " y ", each a searcher built
/// once.
static CONJUNCTIONS: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| {
    spaced("conjunction", true, true).iter().map(|c| Finder::new(c.as_bytes()).into_owned()).collect()
});
/// The words skipped after such a conjunction: "also ", "further ".
static ADVERBS: LazyLock<Vec<String>> = LazyLock::new(|| spaced("adverb", false, true));

/// The organ named last before "in its resolution" ("adopted by the General Assembly in").
fn organ_before(before: &str, current: Option<&str>) -> Option<String> {
    let t = before.trim_end();
    let t = IN_WORDS.iter().find_map(|w| t.strip_suffix(w.as_str()))?;
    let from = t.char_indices().rev().nth(120).map_or(0, |(i, _)| i);
    let window = t.get(from..)?;
    ORGAN_NAMES
        .iter()
        .filter_map(|(n, _)| window.rfind(n.as_str()).map(|at| (at + n.len(), n)))
        .max_by_key(|(at, n)| (*at, n.len()))
        .and_then(|(_, n)| organ_key(n, current))
}

/// The organ named right after "its resolution …": "in its resolution 74/306 of 11
/// September 2020, the General Assembly called upon".
static ORGAN_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^,\s+the\s+(?P<organ>{})(?-u:\b)", *ORGAN_ALTERNATION)).ok());

/// Words that name the resolutions of an organ without their numbers, which those listed
/// after them are of: "Human Rights Council resolutions on the subject, including resolution
/// 42/9", "its previous resolutions, including resolution 74/138", "the resolutions and
/// decisions of the Human Rights Council, the most recent of which being resolutions 47/1 …",
/// "relevant resolutions adopted by the Human Rights Council, including resolution 36/6".
static UNNUMBERED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let organs = &*ORGAN_ALTERNATION;
    Regex::new(&format!(
        r"(?-u:\b)(?:(?:(?P<its>its|their)|(?P<organ>{organs}))(?:\s+[a-z]+){{0,2}}\s+(?:resolutions?|decisions?)|(?:resolutions|decisions)(?:\s+and\s+(?:resolutions|decisions))?\s+(?:of|adopted\s+by)\s+the\s+(?P<of>{organs}))(?-u:\b)"
    ))
    .ok()
});

/// The organ of the resolutions named without numbers last before a citation that names
/// none, in the same sentence and with no other resolution named between.
fn unnumbered_before(before: &str, current: Option<&str>) -> Option<String> {
    let from = before.char_indices().rev().nth(300).map_or(0, |(i, _)| i);
    let window = before.get(from..)?;
    let c = UNNUMBERED.as_ref()?.captures_iter(window).last()?;
    let gap = window.get(c.get(0)?.end()..)?;
    if gap.contains(';') || gap.contains(". ") || mentions_document(gap) {
        return None;
    }
    match c.name("organ").or(c.name("of")) {
        // "the resolutions of the Council": the Council named last before.
        Some(o) if !o.as_str().contains(' ') => {
            named_before(before, o.as_str(), current).or_else(|| organ_key(o.as_str(), current))
        }
        Some(o) => organ_key(o.as_str(), current),
        None => current.map(str::to_string),
    }
}

/// Whether a citation's words follow a document symbol and its pinpoints ("(A/77/53/Add.1),
/// chap. III, sect. A, resolution 51/4", "A/56/1026-S/2002/932, annex II, resolution
/// 14/221"): the number is then of a resolution printed in that document. `Some(organ)`
/// where the document is an organ's report to the General Assembly (`report` of
/// `ontology/symbols.tsv`), `Some(None)` where it is another document, whose resolutions
/// are another body's.
fn in_document(before: &str) -> Option<Option<String>> {
    let t = before.trim_end().strip_suffix(',')?;
    let from = t.char_indices().rev().nth(200).map_or(0, |(i, _)| i);
    let window = t.get(from..)?;
    let m = SYMBOL.as_ref()?.find_iter(window).last()?;
    let rest = window.get(m.end()..)?.trim_start_matches([')', '*', ' ']);
    let pinpoints: Vec<&str> = rest.strip_prefix(',')?.split(',').map(str::trim).collect();
    let pinpoint = |p: &&str| {
        words()
            .link_words("pinpoint")
            .iter()
            .any(|w| p.strip_prefix(w.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
    };
    if !pinpoints.iter().all(pinpoint) {
        return None;
    }
    let symbol = joint_first(m.as_str());
    let organ = words().symbols.iter().find_map(|rule| {
        let (pre, post) = rule.report.as_deref()?.split_once("{session}")?;
        let r = symbol.strip_prefix(pre)?.trim_start_matches(|c: char| c.is_ascii_digit());
        let r = r.strip_prefix(post)?;
        (r.is_empty() || r.starts_with('/')).then(|| rule.organ.clone())
    });
    Some(organ)
}

/// What a citation's words say of the numbers listed after them.
struct Anchor {
    its: bool,
    organ: Option<String>,
    decision: bool,
    /// The organ of the citation before it in the text, which "its" names where the number
    /// is not of the form of the text's organ ("General Assembly decision 76/551 … and its
    /// resolutions 76/251" in an ECOSOC text).
    prev: Option<String>,
}

/// The body named right before a citation's words that numbers its documents with no rule
/// of `ontology/symbols.tsv` ("Commission on Crime Prevention and Criminal Justice resolution
/// 25/2"): its key. Such a citation is that body's, not the Assembly's.
fn other_body(s: &str, before: usize, actors: &[Candidate]) -> Option<String> {
    body_without_rule(actors, |a| a.end <= before && s.get(a.end..before).is_some_and(|gap| gap.trim().is_empty()))
}

/// The body with no symbol rule named right before ", in its resolution" at `at`: its key.
fn body_in(s: &str, at: usize, actors: &[Candidate]) -> Option<String> {
    body_without_rule(actors, |a| {
        a.end <= at
            && s.get(a.end..at).is_some_and(|gap| {
                let g = gap.trim();
                let g = g.strip_prefix(',').unwrap_or(g).trim_start();
                IN_WORDS.iter().any(|w| w.trim() == g)
            })
    })
}

/// The organization named last before `at` in its clause after words that make it the one
/// acting ("the adoption by the …", "the request of the …", "the decision of the …"): its
/// key. "Its resolution" there is that body's, unless another clause ("…, and recalling its
/// resolution") comes between.
fn acting_body(s: &str, at: usize, actors: &[Candidate]) -> Option<String> {
    let a = actors
        .iter()
        .filter(|a| {
            a.end <= at
                && at - a.end <= 150
                && matches!(&a.what, Pending::Actor(r) if r.kind == ActorKind::Organization)
        })
        .max_by_key(|a| a.end)?;
    let gap = s.get(a.end..at)?;
    let lead = s.get(..a.start)?;
    let acts = ACTING.iter().any(|w| lead.ends_with(w.as_str()));
    if !acts || gap.contains(';') || gap.contains(" and ") || mentions_document(gap) {
        return None;
    }
    match &a.what {
        Pending::Actor(r) => Some(r.key.clone()),
        _ => None,
    }
}

/// The first organization of `actors` that `at` accepts and whose documents no rule of
/// `ontology/symbols.tsv` numbers: its key.
fn body_without_rule(actors: &[Candidate], at: impl Fn(&Candidate) -> bool) -> Option<String> {
    actors.iter().find_map(|a| match &a.what {
        Pending::Actor(r) if at(a) && r.kind == ActorKind::Organization && words().symbol_rule(&r.key).is_none() => {
            Some(r.key.clone())
        }
        _ => None,
    })
}

/// The organ whose full name ends in `short` and is printed last in `before`.
fn named_before(before: &str, short: &str, current: Option<&str>) -> Option<String> {
    ORGAN_NAMES
        .iter()
        .filter(|(n, _)| n.contains(' ') && n.ends_with(short))
        .filter_map(|(n, _)| before.rfind(n.as_str()).map(|at| (at + n.len(), n)))
        .max_by_key(|(at, n)| (*at, n.len()))
        .and_then(|(_, n)| organ_key(n, current))
}

/// The body with no symbol rule whose name starts at `at`.
fn other_body_at(at: usize, actors: &[Candidate]) -> Option<String> {
    body_without_rule(actors, |a| a.start == at)
}

fn citations(
    s: &str,
    ctx: &Ctx<'_>,
    actors: &[Candidate],
    named: &mut HashMap<String, String>,
    out: &mut Vec<Candidate>,
) {
    let (Some(re), Some(item)) = (CITATION.as_ref(), ITEM.as_ref()) else { return };
    if !may_cite(s) {
        return;
    }
    let mut found: Vec<(usize, usize, Anchor)> = Vec::new();
    // The copy that splits a citation reads it up to its first digit, the list's start (no
    // part before the list holds a digit); the list runs to the citation's end.
    let head = |m: &str| m.bytes().position(|b| b.is_ascii_digit()).map_or(m.len(), |d| d + 1);
    for (all, c) in re.heads_iter(s, head) {
        let (Some(list), Some(kind)) = (c.name("list"), c.name("kind")) else { continue };
        let at = list.start();
        let list = s.get(at..all.end()).unwrap_or_default();
        // The pattern's word boundaries are ASCII ones (see CITATION); a citation glued to a
        // letter before it is no citation.
        if s.get(..all.start()).and_then(|p| p.chars().next_back()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let its = c.name("its").is_some();
        let mut printed_organ = c.name("organ").or(c.name("mid")).and_then(|m| {
            let name = m.as_str();
            // A short name ("Council") is the organ of that name named last before it
            // ("the Special Rapporteur of the Human Rights Council …, Council resolution 44/5").
            (!name.contains(' '))
                .then(|| named_before(s.get(..m.start()).unwrap_or(""), name, ctx.organ.as_deref()))
                .flatten()
                .or_else(|| organ_key(name, ctx.organ.as_deref()))
        });
        // "the Commission for Social Development, in its resolution 42/1": a body with no
        // symbol rule named right before "in its" is the one whose resolution it is.
        let in_body = its.then(|| body_in(s, all.start(), actors)).flatten();
        if its && printed_organ.is_none() && in_body.is_none() {
            // "adopted by the General Assembly in its resolution 41/128".
            printed_organ = organ_before(s.get(..all.start()).unwrap_or(""), ctx.organ.as_deref()).or_else(|| {
                let o = ORGAN_AFTER.as_ref()?.captures(s.get(all.end()..)?)?.name("organ")?;
                organ_key(o.as_str(), ctx.organ.as_deref())
            });
        }
        // "United Nations Environment Assembly resolution": the longer name before the
        // organ's short one ("Assembly") is another body's.
        let words_at = c.name("organ").map_or(kind.start(), |m| m.start());
        let other =
            (c.name("mid").is_none()).then(|| other_body(s, words_at, actors)).flatten().or(in_body).or_else(|| {
                // "the adoption by the Economic Commission for Latin America and the Caribbean on
                // 16 May 1998 of its resolution 574 (XXVII)": "its" is the body's that acts.
                // So is a bare one where the clause goes on to the act: "the adoption, by the
                // Economic and Social Commission for Asia and the Pacific at its seventy-second
                // session, of resolution 72/7" (not "the Mission established by resolution …").
                let acted = || {
                    let before = s.get(..all.start()).unwrap_or("").trim_end();
                    words()
                        .link_words("acted")
                        .iter()
                        .any(|w| before.strip_suffix(w.as_str()).is_some_and(|b| b.ends_with([' ', ','])))
                };
                (printed_organ.is_none() && (its || acted())).then(|| acting_body(s, all.start(), actors)).flatten()
            });
        let its = its && other.is_none();
        let bare = !its && other.is_none() && printed_organ.is_none();
        // "relevant resolutions adopted by the Human Rights Council, including resolution 36/6
        // of 28 September 2017 and resolution 45/3": a bare citation joined to the one before
        // it is of the same organ.
        let chained = bare
            .then(|| found.last().filter(|(_, end, _)| s.get(*end..all.start()).is_some_and(joined)))
            .flatten()
            .map(|(_, _, a)| (a.its, a.organ.clone()));
        let its = its || chained.as_ref().is_some_and(|c| c.0);
        let bare = bare && !its;
        // "(A/77/53/Add.1), chap. III, sect. A, resolution 51/4": a resolution printed in a
        // document, of the organ whose report it is, or of a body with no symbol rule.
        let in_doc = bare.then(|| in_document(s.get(..all.start()).unwrap_or(""))).flatten();
        if matches!(in_doc, Some(None)) {
            continue;
        }
        let printed_organ = other.or(printed_organ).or(in_doc.flatten()).or(chained.and_then(|c| c.1)).or_else(|| {
            bare.then(|| unnumbered_before(s.get(..all.start()).unwrap_or(""), ctx.organ.as_deref())).flatten()
        });
        let k = kind.as_str().to_lowercase();
        let decision = k.starts_with("dec") || k.starts_with("déc");
        // "resolutions 7/8 … and 8/4 of the Conference of the States Parties to …", "resolutions
        // 7/8 and 8/4 adopted by the Conference …": a body with no symbol rule named after the
        // list takes it; so does an organ where the words name none ("resolution 3/4 of 30
        // January 2018 of the United Nations Environment Assembly").
        let rest = s.get(all.end()..).unwrap_or("");
        let after = AFTER_LIST.iter().find_map(|w| rest.strip_prefix(w.as_str()).map(|r| (all.end() + w.len(), r)));
        // "resolution 668 (XXI) adopted by the General Assembly of the World Tourism
        // Organization": an organ's name that goes on with "of the …" is another body's organ.
        let foreign = after.is_some_and(|(_, r)| {
            ORGAN_NAMES.iter().any(|(n, _)| {
                n.contains(' ')
                    && r.strip_prefix(n.as_str())
                        .is_some_and(|x| x.starts_with(" of the ") && !x.starts_with(" of the United Nations"))
            })
        });
        if foreign && bare {
            continue;
        }
        let printed_organ = match after {
            Some((at, r)) if !its => other_body_at(at, actors).or(printed_organ).or_else(|| {
                let (_, key) = ORGAN_NAMES.iter().find(|(n, _)| n.contains(' ') && r.starts_with(n.as_str()))?;
                bare.then(|| key.clone())
            }),
            _ => printed_organ,
        };
        let prev = found.last().and_then(|(_, _, a)| a.organ.clone());
        let anchor = Anchor { its, organ: printed_organ, decision, prev };
        let mut first = true;
        for ic in item.captures_iter(list) {
            let start = if first { all.start() } else { at + ic.get(0).map_or(0, |m| m.start()) };
            first = false;
            push_item(&ic, start, at, &anchor, ctx, named, out);
        }
        found.push((all.start(), all.end(), anchor));
    }
    // A list goes on after the words that describe one of its numbers: "resolutions 74/270 of
    // 2 April 2020 on global solidarity …, 74/274 of 20 April 2020 …", "1612 (2005), 1882
    // (2009) … on children and armed conflict, 1502 (2003) on …, and 1325 (2000)": within the
    // sentence, up to the next citation, a number after a comma or an "and" is of the list.
    for (k, (_, end, anchor)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(s.len(), |n| n.0);
        let region = s.get(*end..next).unwrap_or("");
        let region = region.get(..sentence_end(region)).unwrap_or(region);
        let mut prev = 0;
        for ic in item.captures_iter(region) {
            let Some(m) = ic.get(0) else { continue };
            let gap = region.get(prev..m.start()).unwrap_or("");
            let after = region.get(m.end()..).and_then(|r| r.chars().next());
            if !continues(gap) || after.is_some_and(|c| c == '/' || c.is_alphanumeric()) {
                if mentions_document(gap) {
                    break;
                }
                continue;
            }
            push_item(&ic, end + m.start(), *end, anchor, ctx, named, out);
            prev = m.end();
        }
    }
}

/// Whether the words between two citations only join them (" and ", ", ", ", as well as ").
fn joined(gap: &str) -> bool {
    let t = gap.trim();
    let t = t.strip_prefix(',').unwrap_or(t).trim_start();
    t.is_empty() || JOINS.iter().any(|j| j.trim_start_matches(',').trim() == t)
}

/// Where the sentence of a region ends: a semicolon, or a full stop before a space. A list of
/// numbers with their pinpoints goes on past both ("Resolutions 52/214, sect. C, para. 3;
/// 55/222, sect. III, para. 12; … and 61/121 B, sect. IV, paras. 65–77."): a full stop that
/// ends a pinpoint word of `ontology/link-words.tsv`, or a semicolon before a number.
fn sentence_end(region: &str) -> usize {
    let pinpoints = words().link_words("pinpoint");
    for (i, m) in region.match_indices([';', '.']) {
        let rest = region.get(i + 1..).unwrap_or("");
        if m == ";" {
            let next = rest.trim_start();
            let next = next.strip_prefix("and ").unwrap_or(next);
            if !next.starts_with(|c: char| c.is_ascii_digit()) {
                return i;
            }
        } else if rest.starts_with(' ') {
            let word = region.get(..=i).unwrap_or("").rsplit(' ').next().unwrap_or("");
            if !pinpoints.iter().any(|p| p == word) {
                return i;
            }
        }
    }
    region.len()
}

/// Whether the words between two numbers of a list join them ("…, ", " and ", " as well
/// as ", " et ", " y ") without naming another document.
fn continues(gap: &str) -> bool {
    let t = gap.trim_end();
    let joined = t.ends_with(',') || t.ends_with(';') || JOINS.iter().any(|j| t.ends_with(j.as_str())) || t.is_empty();
    joined && gap.ends_with(char::is_whitespace) && !mentions_document(gap)
}

/// Whether words name a resolution or a decision (which then starts a list of its own).
fn mentions_document(gap: &str) -> bool {
    let g = gap.to_lowercase();
    words().link_words("document").iter().any(|w| g.contains(w.as_str()))
}

/// One number of a list, with what its citation's words say of it.
fn push_item(
    ic: &regex::Captures<'_>,
    start: usize,
    base: usize,
    anchor: &Anchor,
    ctx: &Ctx<'_>,
    named: &mut HashMap<String, String>,
    out: &mut Vec<Candidate>,
) {
    let (Some(m), Some(num)) = (ic.get(0), ic.name("num")) else { return };
    // "ES‑10/15" printed with a non-breaking hyphen is ES-10/15.
    let num = num.as_str().replace(['\u{2010}', '\u{2011}'], "-");
    let num_key = num.split_whitespace().collect::<Vec<_>>().join(" ");
    let after = ic.name("after").and_then(|m| organ_key(m.as_str(), ctx.organ.as_deref()));
    let printed = after.or(anchor.organ.clone());
    // A bare number cited before with its organ named is that organ's: "Human Rights Council
    // resolutions 34/24 …", then "pursuant to resolution 34/24".
    let printed = match printed {
        Some(p) => {
            if !anchor.its {
                named.insert(num_key, p.clone());
            }
            Some(p)
        }
        None if !anchor.its => named.get(&num_key).cloned(),
        None => None,
    };
    let organ = organ_for(&num, printed.as_deref(), anchor.its, ctx.organ.as_deref(), anchor.prev.as_deref());
    // The Assembly numbered its resolutions by session and number from its thirty-first
    // session (1976): "resolution 5/14", "resolutions 12/07 and 13/07", "resolution 7/2019"
    // are another body's (the United Nations Environment Assembly, a tuna commission, the FAO
    // Conference), whatever the words around them.
    if organ.as_deref() == Some("general-assembly") && slash_session(&num).is_some_and(|n| n < 31) {
        return;
    }
    let Some((doc, part)) = cited(&num, organ.as_deref(), anchor.decision) else { return };
    let date = ic.name("date").and_then(|d| dates::first_date(d.as_str(), ctx.lang)).map(|(d, _)| d);
    let pinpoint = ic.name("qual").map(|q| q.as_str().trim_start_matches(',').trim().to_string());
    let pinpoints = part.map(|l| format!("part {l}")).into_iter().chain(pinpoint).collect();
    let doc = CitedDocument { date, ..doc };
    out.push(Candidate { start, end: base + m.end(), rank: 0, what: Pending::Citation(doc, pinpoints) });
}

/// The organ that adopted a cited resolution: as printed, or "its" organ, or by the form of
/// the number, or the organ of the text for a number of its own form.
fn organ_for(num: &str, printed: Option<&str>, its: bool, current: Option<&str>, prev: Option<&str>) -> Option<String> {
    let first: Option<u32> =
        num.trim_start_matches("ES-").trim_start_matches("S-").split('/').next().and_then(|f| f.parse().ok());
    if let Some(p) = printed {
        // A number of another organ's form: "Council resolution 2006/46" is the Economic
        // and Social Council's, "resolutions …, 1996/10" after "General Assembly
        // resolutions" too; the Security Council's numbers are "1373 (2001)", so a number
        // "70/262" after its name ("General Assembly and Security Council resolutions 70/262
        // and 2282 (2016)") is read as if no organ were printed.
        // A number "620 (1988)" is the Security Council's whatever organ was named before it
        // ("General Assembly resolution 42/37 C (1987) of 30 November 1987, and reaffirmed by
        // resolution 620 (1988)").
        let council_form = num.split_once('(').is_some_and(|(_, y)| {
            let y = y.trim_end_matches(')');
            y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())
        });
        match (p, first) {
            ("security-council" | "general-assembly" | "human-rights-council", Some(f)) if f >= 1946 => {
                return Some("economic-and-social-council".to_string());
            }
            ("security-council", Some(_)) => {}
            ("general-assembly" | "human-rights-council" | "economic-and-social-council", _) if council_form => {}
            _ => return Some(p.to_string()),
        }
    }
    // 181 (II); 1874 (S-IV) and 2252 (ES-V) of special sessions.
    let roman = num.split('(').nth(1).is_some_and(|r| {
        let r = r.trim_end_matches(')');
        let r = r.strip_prefix("ES-").or_else(|| r.strip_prefix("S-")).unwrap_or(r);
        r.chars().all(|c| "IVXL".contains(c))
    });
    if its && (roman || !num.contains('(')) {
        // "its resolutions 76/251" in an ECOSOC text after "General Assembly decision 76/551
        // … and": a number not of the form of the text's organ is of the organ cited just
        // before, if of its form, else of no organ known.
        if let Some(f) = first.filter(|_| !roman)
            && !fits(current, f)
        {
            return prev.filter(|p| fits(Some(p), f)).map(str::to_string);
        }
        // "its decision 281 (LXIII)" in an ECOSOC text is the Council's: the sessions of the
        // early Assembly and Council are both numbered in Roman numerals.
        return current.map(str::to_string);
    }
    if num.contains('(') {
        // 1373 (2001) is the Security Council's; 217 A (III) the Assembly's.
        return Some(if roman { "general-assembly" } else { "security-council" }.to_string());
    }
    if first? >= 1946 {
        return Some("economic-and-social-council".to_string());
    }
    match current {
        Some(o @ ("general-assembly" | "human-rights-council")) => Some(o.to_string()),
        _ => Some("general-assembly".to_string()),
    }
}

/// Whether a number "first/…" is of the form of an organ's: the Economic and Social Council's
/// by year (1998/46), the Assembly's and the Human Rights Council's by session (74/146).
fn fits(organ: Option<&str>, first: u32) -> bool {
    match organ {
        Some("economic-and-social-council") => first >= 1946,
        Some("general-assembly" | "human-rights-council") => first < 1946,
        _ => true,
    }
}

/// The session of a number printed "session/number" ("74/146" → 74); none for a special
/// session's ("ES-10/15", "S-17/1") or a number of another form ("1373 (2001)").
fn slash_session(num: &str) -> Option<u32> {
    let (session, _) = num.split_once('/')?;
    session.parse().ok()
}

/// A cited resolution or decision of an organ by its number, with the letter of the part
/// the number names ("217 A (III)": part A).
fn cited(num: &str, organ: Option<&str>, decision: bool) -> Option<(CitedDocument, Option<String>)> {
    let w = words();
    let organ = organ?;
    let rule = w.symbol_rule(organ)?;
    let num = num.split_whitespace().collect::<Vec<_>>().join(" ");
    let prefix = if decision { rule.decision.clone()? } else { rule.resolution.clone() };
    if prefix.contains("{number}") {
        // A rule by session and number: "4/1" → UNEP/EA.4/RES.1.
        let (session, n) = num.split_once('/')?;
        let symbol = prefix.replace("{session}", session).replace("{number}", n.split_whitespace().next()?);
        let doc = CitedDocument {
            symbol,
            organ: Some(organ.to_string()),
            akn: w.organ(organ).and_then(|o| o.akn.clone()),
            number: Some(num),
            kind: Some(if decision { DocKind::Decision } else { DocKind::Resolution }),
            ..CitedDocument::default()
        };
        return Some((doc, None));
    }
    // The lettered part of a resolution adopted in parts ("217 A (III)", "51/46 A") is a
    // part of the document whose symbol is the number's: the UN's own markup links
    // "resolution 2200 A (XXI)" to A/RES/2200(XXI), so the letter is kept as a pinpoint.
    let mut part = None;
    let symbol = if organ == "security-council" {
        super::normalise_symbol(&format!("{prefix}{num}"))
    } else if num.contains('(') {
        // 217 A (III) → A/RES/217(III), part A; 181 (II) → A/RES/181(II).
        let (head, roman) = num.split_once('(')?;
        let mut parts = head.split_whitespace();
        let n = parts.next()?;
        part = parts.next().map(str::to_string);
        format!("{prefix}{n}({}", roman.trim())
    } else {
        // 51/46 A → A/RES/51/46, part A.
        let mut parts = num.split_whitespace();
        let n = parts.next()?;
        part = parts.next().map(str::to_string);
        format!("{prefix}{n}")
    };
    let akn = w.organ(organ).and_then(|o| o.akn.clone());
    let doc = CitedDocument {
        symbol,
        organ: Some(organ.to_string()),
        akn,
        number: Some(num),
        kind: Some(if decision { DocKind::Decision } else { DocKind::Resolution }),
        date: None,
    };
    Some((doc, part))
}

fn symbols(s: &str, out: &mut Vec<Candidate>) {
    // Every symbol has a slash; most texts have none.
    let Some(re) = SYMBOL.as_ref().filter(|_| memchr::memchr(b'/', s.as_bytes()).is_some()) else { return };
    for m in re.find_iter(s) {
        if s.get(..m.start()).is_some_and(|p| p.ends_with('/') || p.ends_with('.')) {
            continue;
        }
        let printed = m.as_str().trim_end_matches(['.', '-']);
        // A document issued under two symbols, "A/76/74-E/2021/54", is cited by its first.
        let printed = joint_first(printed);
        let mut normalised = super::normalise_symbol(printed);
        if let Some(suffix) = volume_suffix(s.get(m.start() + printed.len()..).unwrap_or(""))
            && !normalised.ends_with(')')
        {
            normalised.push_str(&suffix);
        }
        let sym = normalised.as_str();
        if !sym.contains('/') || !sym.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let kind = if sym.contains("/RES/") {
            Some(DocKind::Resolution)
        } else if sym.contains("/DEC/") {
            Some(DocKind::Decision)
        } else {
            None
        };
        let doc = CitedDocument { symbol: sym.to_string(), kind, ..CitedDocument::default() };
        out.push(Candidate {
            start: m.start(),
            end: m.start() + printed.len(),
            rank: 1,
            what: Pending::Citation(doc, Vec::new()),
        });
    }
}

/// The first symbol of a document issued under two ("A/76/74-E/2021/54" → "A/76/74"): a
/// hyphen followed by a series of `ontology/symbol-series.tsv` and a slash.
fn joint_first(printed: &str) -> &str {
    let series = &words().symbol_series;
    for (at, _) in printed.match_indices('-') {
        let rest = printed.get(at + 1..).unwrap_or("");
        if rest.split_once('/').is_some_and(|(head, _)| series.iter().any(|x| x == head)) {
            return printed.get(..at).unwrap_or(printed);
        }
    }
    printed
}

/// The volume of the Official Records a symbol is printed as, which the UN writes into the
/// symbol: "(A/76/49), vol. I" is `A/76/49 (Vol. I)`.
fn volume_suffix(after: &str) -> Option<String> {
    static VOLUME: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^\),\s+vol\.\s+([IVX]+)(?-u:\b)").ok());
    let v = VOLUME.as_ref()?.captures(after)?.get(1)?;
    Some(format!(" (Vol. {})", v.as_str()))
}

/// The instruments of `s`: those of the table at `spans`, and those the shape of their name
/// gives.
fn instruments(s: &str, spans: &[(usize, usize)], out: &mut Vec<Candidate>) {
    for &(start, end) in spans {
        let ins = actors::instrument(&key(s.get(start..end).unwrap_or("")));
        out.push(Candidate { start, end, rank: 1, what: Pending::Instrument(ins) });
    }
    let known: Vec<(usize, usize)> = out.iter().filter(|c| c.rank == 1).map(|c| (c.start, c.end)).collect();
    if let Some((re, _)) = INSTRUMENT_SHAPE.as_ref().filter(|(_, head)| head.is_match(s)) {
        for m in re.find_iter(s) {
            // Two instruments joined by "and the" are two; a known name inside wins.
            let mut from = m.start();
            let whole_match = m.as_str();
            let mut pieces: Vec<(usize, &str)> = Vec::new();
            let mut rest = whole_match;
            while let Some(i) = rest.find(" and the ").or_else(|| rest.find(", and ")) {
                pieces.push((from, rest.get(..i).unwrap_or("")));
                let skip = if rest.get(i..).is_some_and(|r| r.starts_with(" and the ")) { 9 } else { 6 };
                from += i + skip;
                rest = rest.get(i + skip..).unwrap_or("");
            }
            pieces.push((from, rest));
            for (start, piece) in pieces {
                let name = trim_links(piece);
                let end = start + name.len();
                // At least two capitalised words, a head word, not an organ's name, not
                // over a name of the table.
                let caps = name.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
                let headed = words().link_words("head").iter().any(|h| name.contains(h.as_str()));
                if caps < 2
                    || !headed
                    || actors::lookup(name).is_some()
                    || known.iter().any(|(a, b)| start < *b && *a < end)
                {
                    continue;
                }
                let ins = actors::instrument(name);
                out.push(Candidate { start, end, rank: 2, what: Pending::Instrument(ins) });
            }
        }
    }
}

/// A name without the linking words and punctuation its shape let trail.
fn trim_links(name: &str) -> &str {
    let mut n = name.trim_end_matches([',', ' ', ':']);
    loop {
        let Some((head, last)) = n.rsplit_once(' ') else { return n };
        if last.chars().next().is_some_and(char::is_lowercase) {
            n = head.trim_end_matches([',', ' ', ':']);
        } else {
            return n;
        }
    }
}

/// The actors of `s` whose names of the tables are at `spans`.
fn actor_names(s: &str, spans: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let map = &ACTOR_NAMES.1;
    for &(start, end) in spans {
        // A name inside a longer capitalised name is not this actor ("Security Council" in
        // "Security Council Committee"): the longer one wins when it is in the tables, and
        // words glued to it (a hyphen) make it another word.
        if s.get(end..).is_some_and(|r| r.starts_with('-')) || s.get(..start).is_some_and(|p| p.ends_with('-')) {
            continue;
        }
        if let Some(a) = s.get(start..end).and_then(|n| map.get(key(n).as_ref())) {
            out.push(Candidate { start, end, rank: 3, what: Pending::Actor(a) });
        }
    }
}

/// The length in bytes of the longest lead phrase of any language.
static LONGEST_LEAD: LazyLock<usize> =
    LazyLock::new(|| words().lead_phrases.values().flatten().map(|lp| lp.phrase.len()).max().unwrap_or(0));

/// The actions of an operative paragraph or of one of its sub-paragraphs: the verb of its
/// lead phrase (`lead`, or an operative lead phrase its text opens with), and each "and
/// requests …" after it, each with the actor named right after the verb.
fn actions(t: &Text, lead: Option<&str>, lang: &str, found: &Found) -> Vec<Action> {
    let w = words();
    let s = t.text.as_str();
    let mut verbs: Vec<(usize, usize, String)> = Vec::new();
    // The lead phrase the text opens with, looked up once for both uses below.
    let opening = w.lead_phrase_at(lang, s);
    let lead = lead.or_else(|| opening.filter(|lp| lp.part == Part::Operative).map(|lp| lp.phrase.as_str()));
    if let Some(l) = lead
        && let Some(lp) = opening.or_else(|| w.lead_phrase_at(lang, l))
        && s.starts_with(l)
    {
        verbs.push((0, l.len(), lp.verb.clone()));
    }
    // Further verbs: ", and requests", "; and calls upon", "et prie", "y solicita".
    for conj in CONJUNCTIONS.iter() {
        for at in conj.find_iter(s.as_bytes()) {
            let from = at + conj.needle().len();
            let rest = s.get(from..).unwrap_or("");
            let rest = ADVERBS.iter().find_map(|a| rest.strip_prefix(a.as_str())).unwrap_or(rest);
            let skipped = s.len() - from - rest.len();
            let Some(first) = rest.chars().next().filter(|ch| ch.is_lowercase()) else { continue };
            // Most words after a conjunction open no lead phrase: their first word with a
            // capital says so before the rest is copied.
            let word = crate::words::first_word(rest);
            let opens = if first.is_ascii_lowercase() {
                w.opens_lead_phrase_capitalised(lang, word)
            } else {
                let cap_word: String = first.to_uppercase().chain(word.chars().skip(1)).collect();
                w.opens_lead_phrase(lang, &cap_word)
            };
            if !opens {
                continue;
            }
            // The words after the conjunction with a capital, as far as a lead phrase and the
            // character after it can reach.
            let cap: String = first.to_uppercase().chain(rest.chars().skip(1).take(*LONGEST_LEAD + 1)).collect();
            if let Some(lp) = w.lead_phrase_at(lang, &cap).filter(|lp| lp.part == Part::Operative) {
                // The capital may be longer or shorter in bytes than the small letter.
                let len = lp.phrase.len() + first.len_utf8() - first.to_uppercase().map(char::len_utf8).sum::<usize>();
                verbs.push((from, from + skipped + len, lp.verb.clone()));
            }
        }
    }
    verbs.sort_by_key(|v| v.0);
    verbs.dedup_by_key(|v| v.0);
    let mut out = Vec::new();
    for (k, (start, vend, base)) in verbs.iter().enumerate() {
        let end = verbs.get(k + 1).map_or(s.len(), |n| n.0);
        let addressee = t
            .mentions
            .iter()
            .find(|m| m.start >= *vend && m.start < end)
            .filter(|m| {
                s.get(*vend..m.start).is_some_and(|gap| {
                    // Words that may stand between a verb and its addressee ("Recommends to the
                    // General Assembly", "Prie le Secrétaire général", "Solicita al Secretario
                    // General"): the list `between` of ontology/link-words.tsv.
                    let between = words().link_words("between");
                    gap.split_whitespace().all(|g| between.contains(&g.to_lowercase())) && gap.len() <= 12
                })
            })
            .and_then(|m| match m.what {
                MentionKind::Actor(i) => Some(i),
                _ => None,
            })
            .filter(|i| found.actors.get(*i).is_some());
        out.push(Action {
            verb: s.get(*start..*vend).unwrap_or("").to_string(),
            base: base.clone(),
            addressee,
            start: *start,
            end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_has_straight_apostrophes_and_single_spaces() {
        assert!(matches!(key("General Assembly"), Cow::Borrowed("General Assembly")));
        assert!(matches!(key("Côte d'Ivoire"), Cow::Borrowed(_)));
        for (name, k) in [
            ("United  Nations", "United Nations"),
            (" UN ", "UN"),
            ("a\tb\r\nc", "a b c"),
            ("Côte d’Ivoire", "Côte d'Ivoire"),
            ("Non\u{2011}Proliferation\u{a0}Treaty", "Non-Proliferation Treaty"),
        ] {
            assert_eq!(key(name), k, "{name:?}");
        }
    }

    fn cites(s: &str, organ: &str) -> Vec<(String, Option<String>, usize, usize)> {
        let ctx = Ctx { lang: "en", organ: Some(organ.to_string()), operative: false };
        let mut c = Vec::new();
        citations(s, &ctx, &[], &mut HashMap::new(), &mut c);
        c.into_iter()
            .filter_map(|c| match c.what {
                Pending::Citation(d, _) => Some((d.symbol, d.date.map(|d| d.to_string()), c.start, c.end)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_name_of_the_tables_starts_where_a_name_is_looked_for() {
        for name in name_lists().concat() {
            assert!(crate::recognize::names::starts_word(name), "{name:?} starts with a byte no word starts with");
        }
    }

    #[test]
    fn names_printed_with_non_breaking_hyphens_are_found() {
        let mut c = Vec::new();
        let s = "the Treaty on the Non\u{2011}Proliferation of Nuclear Weapons,";
        instruments(s, &NAMES.find(s)[1], &mut c);
        let keys: Vec<String> = c
            .into_iter()
            .filter_map(|c| match c.what {
                Pending::Instrument(i) => Some(i.key),
                _ => None,
            })
            .collect();
        assert_eq!(keys, ["npt"]);
    }

    #[test]
    fn printed_forms_of_citations() {
        let got = cites("Recalling its resolution 65/232 of 21 December 2010,", "general-assembly");
        assert_eq!(got[0].0, "A/RES/65/232");
        assert_eq!(got[0].1.as_deref(), Some("2010-12-21"));
        let got = cites("Security Council resolutions 1267 (1999), 1373 (2001) and 1540 (2004)", "general-assembly");
        let syms: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(syms, ["S/RES/1267 (1999)", "S/RES/1373 (2001)", "S/RES/1540 (2004)"]);
        assert_eq!(cites("resolution 217 A (III)", "general-assembly")[0].0, "A/RES/217(III)");
        assert_eq!(cites("its resolution 53/3", "human-rights-council")[0].0, "A/HRC/RES/53/3");
        assert_eq!(cites("decision 78/401", "general-assembly")[0].0, "A/DEC/78/401");
        assert_eq!(cites("resolution 242 (1967)", "security-council")[0].0, "S/RES/242 (1967)");
        let fr = cites("sa résolution 65/232 du 21 décembre 2010", "general-assembly");
        assert_eq!(fr[0].0, "A/RES/65/232");
        let ctx = Ctx { lang: "fr", organ: Some("general-assembly".into()), operative: false };
        let mut c = Vec::new();
        let s = "sa résolution 65/232 du 21 décembre 2010";
        citations(s, &ctx, &[], &mut HashMap::new(), &mut c);
        assert!(matches!(&c[0].what, Pending::Citation(d, _) if d.date.is_some()));
    }
}
