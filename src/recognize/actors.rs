//! Actors and instruments by name, from the tables in `ontology/`.

use crate::model::{ActorKind, ActorRef, Date, Instrument, Resolution};
use crate::words::words;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Lowercased name (with ’ as ') → actor.
static ACTORS: LazyLock<HashMap<String, ActorRef>> = LazyLock::new(|| {
    let w = words();
    let mut m = HashMap::new();
    let mut add = |name: &str, a: &ActorRef| {
        m.entry(norm(name)).or_insert_with(|| a.clone());
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
    m
});

/// Lowercased name → instrument index in the table.
static INSTRUMENTS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, ins) in words().instruments.iter().enumerate() {
        for n in std::iter::once(&ins.name).chain(&ins.aliases).chain(ins.name_fr.iter()).chain(ins.name_es.iter()) {
            m.entry(norm(n)).or_insert(i);
        }
    }
    m
});

/// A name made comparable: lowercase, straight apostrophes, single spaces, no leading "the".
pub fn norm(name: &str) -> String {
    let lower = name.trim().replace('’', "'").to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    lower.strip_prefix("the ").map(str::to_string).unwrap_or(lower)
}

/// The actor of the tables with this printed name, if any.
pub fn lookup(name: &str) -> Option<ActorRef> {
    ACTORS.get(&norm(name)).cloned()
}

/// The actor with this printed name: from the tables, or a new one with a slug key.
pub fn actor(name: &str) -> ActorRef {
    lookup(name).unwrap_or_else(|| {
        let clean = name.trim().trim_start_matches("the ").trim_start_matches("The ").trim();
        ActorRef { key: crate::model::ids::slug(clean), kind: ActorKind::Organization, name: clean.to_string() }
    })
}

/// Adds an actor to the document's list (once) and returns its index.
pub fn add_actor(res: &mut Resolution, a: ActorRef) -> usize {
    if let Some(i) = res.actors.iter().position(|x| x.key == a.key && x.kind == a.kind) {
        return i;
    }
    res.actors.push(a);
    res.actors.len() - 1
}

/// The instrument with this printed name: from the table, or a new one named as printed.
pub fn instrument(name: &str) -> Instrument {
    let name = name.trim().trim_start_matches("the ").trim();
    if let Some(ins) = INSTRUMENTS.get(&norm(name)).and_then(|i| words().instruments.get(*i)) {
        return Instrument {
            key: ins.key.clone(),
            kind: ins.kind.clone(),
            name: ins.name.clone(),
            wikidata: ins.wikidata.clone(),
            adopted: ins.adopted.as_deref().and_then(Date::parse_iso),
        };
    }
    let kind = name.split_whitespace().next().unwrap_or("instrument").to_lowercase();
    Instrument { key: crate::model::ids::slug(name), kind, name: name.to_string(), wikidata: None, adopted: None }
}

/// Adds an instrument to the document's list (once) and returns its index.
pub fn add_instrument(res: &mut Resolution, ins: Instrument) -> usize {
    if let Some(i) = res.instruments.iter().position(|x| x.key == ins.key) {
        return i;
    }
    res.instruments.push(ins);
    res.instruments.len() - 1
}
