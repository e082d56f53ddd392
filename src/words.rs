//! Word lists from `ontology/*.tsv`, compiled in and parsed once.
//!
//! Each file has `#` comment lines (the first say where the entries come from), one header
//! line, then one tab-separated entry a line; `-` is an empty optional field and `|`
//! separates the items of a list field. Rows that break these rules are skipped and listed
//! in [`Words::problems`]; a test requires that list to be empty, naming file and line.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A Member State or observer State.
#[derive(Clone, Debug)]
pub struct State {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Wikidata id (`Q794`).
    pub wikidata: Option<String>,
    /// Whether it is an observer State rather than a member.
    pub observer: bool,
    /// Name as the UN prints it.
    pub name: String,
    /// Other printed forms.
    pub aliases: Vec<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// Spanish name.
    pub name_es: Option<String>,
}

/// A State that no longer exists (USSR, Yugoslavia), as named in old resolutions.
#[derive(Clone, Debug)]
pub struct FormerState {
    /// Slug.
    pub key: String,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Name.
    pub name: String,
    /// Other printed forms.
    pub aliases: Vec<String>,
}

/// An organ, body, office, agency, conference or official.
#[derive(Clone, Debug)]
pub struct Organ {
    /// Stable slug used in IRIs.
    pub key: String,
    /// `principal-organ`, `subsidiary-body`, `official`, …
    pub kind: String,
    /// AKN4UN actor code for organs that adopt resolutions (`un-ga`).
    pub akn: Option<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// English name.
    pub name: String,
    /// Abbreviations (`UNODC`).
    pub abbreviations: Vec<String>,
    /// Other printed forms.
    pub aliases: Vec<String>,
    /// Words that refer back to it once named (`the Office`).
    pub refers_back: Vec<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// Spanish name.
    pub name_es: Option<String>,
}

/// A group of States or a collective addressee.
#[derive(Clone, Debug)]
pub struct Group {
    /// Slug.
    pub key: String,
    /// English name.
    pub name: String,
    /// Other printed forms.
    pub aliases: Vec<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// Spanish name.
    pub name_es: Option<String>,
}

/// A named instrument.
#[derive(Clone, Debug)]
pub struct Instrument {
    /// Slug.
    pub key: String,
    /// `convention`, `protocol`, `declaration`, …
    pub kind: String,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Date of adoption, `YYYY-MM-DD`.
    pub adopted: Option<String>,
    /// English name.
    pub name: String,
    /// Other printed forms.
    pub aliases: Vec<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// Spanish name.
    pub name_es: Option<String>,
}

/// Where a lead phrase opens a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A preambular paragraph (`Recalling`).
    Preambular,
    /// An operative paragraph (`Requests`).
    Operative,
}

/// A lead phrase.
#[derive(Clone, Debug)]
pub struct LeadPhrase {
    /// As printed (`Recalling also`).
    pub phrase: String,
    /// Preamble or operative part.
    pub part: Part,
    /// English base verb (`recall`, `request`).
    pub verb: String,
}

/// An enacting formula that opens the body of a resolution.
#[derive(Clone, Debug)]
pub struct Formula {
    /// ISO 639-1 language.
    pub lang: String,
    /// The words (`The General Assembly`).
    pub formula: String,
    /// The organ key in [`Words::organs`].
    pub organ: String,
}

/// How an organ's documents are numbered.
#[derive(Clone, Debug)]
pub struct SymbolRule {
    /// The organ key.
    pub organ: String,
    /// Prefix of its resolutions' symbols (`A/RES/`).
    pub resolution: String,
    /// Prefix of its decisions' symbols (`A/DEC/`), if it has any.
    pub decision: Option<String>,
    /// The symbol of its report to the General Assembly, with `{session}` for the Assembly's
    /// session (`A/{session}/53`), if it has one.
    pub report: Option<String>,
}

/// Every word list.
#[derive(Debug, Default)]
pub struct Words {
    /// Member and observer States.
    pub states: Vec<State>,
    /// Former States.
    pub former_states: Vec<FormerState>,
    /// Organs, bodies, offices, officials.
    pub organs: Vec<Organ>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Instruments.
    pub instruments: Vec<Instrument>,
    /// Lead phrases by language (`en`, `fr`, `es`), longest first.
    pub lead_phrases: foldhash::HashMap<String, Vec<LeadPhrase>>,
    /// For each language, the phrases by their first word (indexes into `lead_phrases`,
    /// longest first), so that finding the phrase that opens a text costs one lookup.
    /// (foldhash: looked up for every paragraph, where SipHash was most of the lookup.)
    lead_index: foldhash::HashMap<String, foldhash::HashMap<String, Vec<usize>>>,
    /// For each language, the first words of `lead_index` that open with an ASCII capital,
    /// that letter made small ("requests" for "Requests"): a word after a conjunction is
    /// looked up as it is printed, without a capitalised copy.
    lead_starts_small: foldhash::HashMap<String, foldhash::HashSet<String>>,
    /// The index in `organs` of each organ key (the first row of that key), for
    /// [`Words::organ`], which recognition asks for every actor it names.
    organ_index: foldhash::HashMap<String, usize>,
    /// Month names by (language, lowercase name).
    pub months: foldhash::HashMap<(String, String), u32>,
    /// Ordinal words by (language, lowercase word).
    pub ordinals: foldhash::HashMap<(String, String), u32>,
    /// Enacting formulas.
    pub formulas: Vec<Formula>,
    /// Symbol prefixes of the organs that adopt resolutions.
    pub symbols: Vec<SymbolRule>,
    /// The first elements of the document symbols recognised in a text (`A`, `S`, `NPT` …).
    pub symbol_series: Vec<String>,
    /// The words of the recognition rules of `src/recognize/links.rs`, by list, in file
    /// order: read with [`Words::link_words`].
    link_words: foldhash::HashMap<String, Vec<String>>,
    /// The words that open an annex heading ("annex", "annexe", "anexo"), lowercase.
    pub annex_words: Vec<String>,
    /// The phrases that close the text of a Security Council resolution ("remain \[actively\]
    /// seized of the matter"), as (language, phrase); a word in brackets may be left out.
    pub closing_phrases: Vec<(String, String)>,
    /// The words of the vote and adoption rules of `src/recognize/`, as (language, list,
    /// word), in file order.
    vote_words: Vec<(String, String, String)>,
    /// The heads of a recorded vote's three lists, derived from `vote_words` at load: read
    /// with [`Words::vote_heads`].
    vote_heads: Vec<[String; 3]>,
    /// Rows skipped for breaking the file rules: `file:line: what`.
    pub problems: Vec<String>,
}

/// The files, by name.
pub const FILES: &[(&str, &str)] = &[
    ("member-states.tsv", include_str!("../ontology/member-states.tsv")),
    ("former-states.tsv", include_str!("../ontology/former-states.tsv")),
    ("organs.tsv", include_str!("../ontology/organs.tsv")),
    ("groups.tsv", include_str!("../ontology/groups.tsv")),
    ("instruments.tsv", include_str!("../ontology/instruments.tsv")),
    ("lead-phrases.en.tsv", include_str!("../ontology/lead-phrases.en.tsv")),
    ("lead-phrases.fr.tsv", include_str!("../ontology/lead-phrases.fr.tsv")),
    ("lead-phrases.es.tsv", include_str!("../ontology/lead-phrases.es.tsv")),
    ("months.tsv", include_str!("../ontology/months.tsv")),
    ("ordinals.tsv", include_str!("../ontology/ordinals.tsv")),
    ("enacting-formulas.tsv", include_str!("../ontology/enacting-formulas.tsv")),
    ("symbols.tsv", include_str!("../ontology/symbols.tsv")),
    ("symbol-series.tsv", include_str!("../ontology/symbol-series.tsv")),
    ("link-words.tsv", include_str!("../ontology/link-words.tsv")),
    ("closing-phrases.tsv", include_str!("../ontology/closing-phrases.tsv")),
    ("vote-words.tsv", include_str!("../ontology/vote-words.tsv")),
    ("annex-words.tsv", include_str!("../ontology/annex-words.tsv")),
];

static WORDS: LazyLock<Words> = LazyLock::new(Words::load);

/// The word lists, parsed on first use.
pub fn words() -> &'static Words {
    &WORDS
}

/// The first word of a text: up to a space or punctuation that ends a word.
pub(crate) fn first_word(text: &str) -> &str {
    let end = text.find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.')).unwrap_or(text.len());
    text.get(..end).unwrap_or(text)
}

/// One row of a table: its line and fields.
struct Row<'a> {
    fields: HashMap<&'a str, &'a str>,
}

impl<'a> Row<'a> {
    fn get(&self, col: &str) -> &'a str {
        self.fields.get(col).copied().unwrap_or("")
    }
    fn opt(&self, col: &str) -> Option<String> {
        match self.get(col) {
            "" | "-" => None,
            s => Some(s.to_string()),
        }
    }
    fn list(&self, col: &str) -> Vec<String> {
        match self.get(col) {
            "" | "-" => Vec::new(),
            s => s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect(),
        }
    }
}

/// Parses one file: rows with every column of `required` present and non-empty.
fn table<'a>(name: &str, text: &'a str, required: &[&str], problems: &mut Vec<String>) -> Vec<Row<'a>> {
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            for col in required {
                if !cells.contains(col) {
                    problems.push(format!("{name}:{n}: header lacks the column {col}"));
                }
            }
            header = Some(cells);
            continue;
        };
        if cells.len() != h.len() {
            problems.push(format!("{name}:{n}: expected {} fields, found {}", h.len(), cells.len()));
            continue;
        }
        let fields: HashMap<&str, &str> = h.iter().copied().zip(cells.iter().map(|c| c.trim())).collect();
        if let Some(col) = required.iter().find(|c| fields.get(*c).is_none_or(|v| v.is_empty() || *v == "-")) {
            problems.push(format!("{name}:{n}: the field {col} is empty"));
            continue;
        }
        rows.push(Row { fields });
    }
    rows
}

fn file(name: &str) -> &'static str {
    FILES.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t)
}

impl Words {
    fn load() -> Words {
        let mut w = Words::default();
        let p = &mut w.problems;
        w.states = table("member-states.tsv", file("member-states.tsv"), &["iso3", "status", "name"], p)
            .iter()
            .map(|r| State {
                iso3: r.get("iso3").to_string(),
                wikidata: r.opt("wikidata"),
                observer: r.get("status") == "observer",
                name: r.get("name").to_string(),
                aliases: r.list("aliases"),
                name_fr: r.opt("name_fr"),
                name_es: r.opt("name_es"),
            })
            .collect();
        w.former_states = table("former-states.tsv", file("former-states.tsv"), &["key", "name"], p)
            .iter()
            .map(|r| FormerState {
                key: r.get("key").to_string(),
                wikidata: r.opt("wikidata"),
                name: r.get("name").to_string(),
                aliases: r.list("aliases"),
            })
            .collect();
        w.organs = table("organs.tsv", file("organs.tsv"), &["key", "kind", "name"], p)
            .iter()
            .map(|r| Organ {
                key: r.get("key").to_string(),
                kind: r.get("kind").to_string(),
                akn: r.opt("akn"),
                wikidata: r.opt("wikidata"),
                name: r.get("name").to_string(),
                abbreviations: r.list("abbreviations"),
                aliases: r.list("aliases"),
                refers_back: r.list("refers_back"),
                name_fr: r.opt("name_fr"),
                name_es: r.opt("name_es"),
            })
            .collect();
        for (i, o) in w.organs.iter().enumerate() {
            w.organ_index.entry(o.key.clone()).or_insert(i);
        }
        w.groups = table("groups.tsv", file("groups.tsv"), &["key", "name"], p)
            .iter()
            .map(|r| Group {
                key: r.get("key").to_string(),
                name: r.get("name").to_string(),
                aliases: r.list("aliases"),
                name_fr: r.opt("name_fr"),
                name_es: r.opt("name_es"),
            })
            .collect();
        w.instruments = table("instruments.tsv", file("instruments.tsv"), &["key", "kind", "name"], p)
            .iter()
            .map(|r| Instrument {
                key: r.get("key").to_string(),
                kind: r.get("kind").to_string(),
                wikidata: r.opt("wikidata"),
                adopted: r.opt("adopted"),
                name: r.get("name").to_string(),
                aliases: r.list("aliases"),
                name_fr: r.opt("name_fr"),
                name_es: r.opt("name_es"),
            })
            .collect();
        for lang in ["en", "fr", "es"] {
            let name = format!("lead-phrases.{lang}.tsv");
            let mut list: Vec<LeadPhrase> = table(&name, file(&name), &["phrase", "part"], p)
                .iter()
                .filter_map(|r| {
                    let part = match r.get("part") {
                        "preambular" => Part::Preambular,
                        "operative" => Part::Operative,
                        _ => return None,
                    };
                    Some(LeadPhrase {
                        phrase: r.get("phrase").to_string(),
                        part,
                        verb: r.opt("verb").unwrap_or_default(),
                    })
                })
                .collect();
            list.sort_by(|a, b| b.phrase.len().cmp(&a.phrase.len()).then_with(|| a.phrase.cmp(&b.phrase)));
            let mut index: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
            for (i, lp) in list.iter().enumerate() {
                index.entry(first_word(&lp.phrase).to_string()).or_default().push(i);
            }
            let small = index
                .keys()
                .filter(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
                .map(|k| {
                    let mut k = k.clone();
                    if let Some(first) = k.get_mut(..1) {
                        first.make_ascii_lowercase();
                    }
                    k
                })
                .collect();
            w.lead_starts_small.insert(lang.to_string(), small);
            w.lead_index.insert(lang.to_string(), index);
            w.lead_phrases.insert(lang.to_string(), list);
        }
        for r in table("months.tsv", file("months.tsv"), &["lang", "name", "month"], p) {
            if let Ok(m) = r.get("month").parse() {
                w.months.insert((r.get("lang").to_string(), r.get("name").to_lowercase()), m);
            }
        }
        for r in table("ordinals.tsv", file("ordinals.tsv"), &["lang", "word", "value"], p) {
            if let Ok(v) = r.get("value").parse() {
                w.ordinals.insert((r.get("lang").to_string(), r.get("word").to_lowercase()), v);
            }
        }
        w.formulas = table("enacting-formulas.tsv", file("enacting-formulas.tsv"), &["lang", "formula", "organ"], p)
            .iter()
            .map(|r| Formula {
                lang: r.get("lang").to_string(),
                formula: r.get("formula").to_string(),
                organ: r.get("organ").to_string(),
            })
            .collect();
        w.symbols = table("symbols.tsv", file("symbols.tsv"), &["organ", "resolution"], p)
            .iter()
            .map(|r| SymbolRule {
                organ: r.get("organ").to_string(),
                resolution: r.get("resolution").to_string(),
                decision: r.opt("decision"),
                report: r.opt("report"),
            })
            .collect();
        w.symbol_series = table("symbol-series.tsv", file("symbol-series.tsv"), &["series", "body"], p)
            .iter()
            .map(|r| r.get("series").to_string())
            .collect();
        for r in table("link-words.tsv", file("link-words.tsv"), &["list", "word"], p) {
            w.link_words.entry(r.get("list").to_string()).or_default().push(r.get("word").to_string());
        }
        w.closing_phrases = table("closing-phrases.tsv", file("closing-phrases.tsv"), &["lang", "phrase"], p)
            .iter()
            .map(|r| (r.get("lang").to_string(), r.get("phrase").to_string()))
            .collect();
        w.annex_words = table("annex-words.tsv", file("annex-words.tsv"), &["lang", "word"], p)
            .iter()
            .map(|r| r.get("word").to_lowercase())
            .collect();
        w.vote_words = table("vote-words.tsv", file("vote-words.tsv"), &["lang", "list", "word"], p)
            .iter()
            .map(|r| (r.get("lang").to_string(), r.get("list").to_string(), r.get("word").to_string()))
            .collect();
        w.vote_heads = vote_heads(&w.vote_words);
        w
    }

    /// The organ with this key.
    pub fn organ(&self, key: &str) -> Option<&Organ> {
        self.organs.get(*self.organ_index.get(key)?)
    }

    /// The symbol rule of an organ.
    pub fn symbol_rule(&self, organ: &str) -> Option<&SymbolRule> {
        self.symbols.iter().find(|s| s.organ == organ)
    }

    /// Lead phrases of a language, longest first (English where the language has none).
    pub fn lead_phrases(&self, lang: &str) -> &[LeadPhrase] {
        self.lead_phrases
            .get(lang)
            .filter(|l| !l.is_empty())
            .or_else(|| self.lead_phrases.get("en"))
            .map_or(&[], |v| v.as_slice())
    }

    /// The longest lead phrase of `lang` (English where it has none) that opens `text`,
    /// followed by a word boundary.
    pub fn lead_phrase_at(&self, lang: &str, text: &str) -> Option<&LeadPhrase> {
        let lang = self.lead_lang(lang);
        let list = self.lead_phrases.get(lang)?;
        let candidates = self.lead_index.get(lang)?.get(first_word(text))?;
        candidates.iter().filter_map(|i| list.get(*i)).find(|lp| {
            text.strip_prefix(lp.phrase.as_str())
                .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
    }

    /// Whether a lead phrase that [`Words::lead_phrase_at`] would try on a text opening with
    /// `word` (a word as it ends: at a space or punctuation) opens with that word.
    pub fn opens_lead_phrase(&self, lang: &str, word: &str) -> bool {
        self.lead_index.get(self.lead_lang(lang)).is_some_and(|i| i.contains_key(first_word(word)))
    }

    /// [`Words::opens_lead_phrase`] for `word` with its first letter, an ASCII small
    /// letter, made a capital ("requests" as "Requests"), without building that word.
    pub fn opens_lead_phrase_capitalised(&self, lang: &str, word: &str) -> bool {
        word.starts_with(|c: char| c.is_ascii_lowercase())
            && self.lead_starts_small.get(self.lead_lang(lang)).is_some_and(|s| s.contains(first_word(word)))
    }

    /// The language whose lead phrases are read for a text in `lang`: its own where the
    /// tables have them, else English.
    fn lead_lang<'a>(&self, lang: &'a str) -> &'a str {
        if self.lead_index.get(lang).is_some_and(|i| !i.is_empty()) { lang } else { "en" }
    }

    /// The words of one list of `ontology/link-words.tsv` (`pinpoint`, `head`, …), in file
    /// order.
    pub fn link_words(&self, list: &str) -> &[String] {
        self.link_words.get(list).map_or(&[], Vec::as_slice)
    }

    /// The words of one list of `ontology/vote-words.tsv` (`recorded`, `adopted`, …), in
    /// every language, in file order.
    pub fn vote_words<'a>(&'a self, list: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.vote_words.iter().filter(move |(_, l, _)| l == list).map(|(_, _, w)| w.as_str())
    }

    /// The heads of the three lists of a recorded vote (in favour, against, abstaining), one
    /// triple per language of `ontology/vote-words.tsv` that has all three.
    pub fn vote_heads(&self) -> &[[String; 3]] {
        &self.vote_heads
    }

    /// The month number of a month name in a language.
    pub fn month(&self, lang: &str, name: &str) -> Option<u32> {
        self.months.get(&(lang.to_string(), name.to_lowercase())).copied()
    }

    /// The value of an ordinal word (`sixty-seventh` → 67).
    pub fn ordinal(&self, lang: &str, word: &str) -> Option<u32> {
        self.ordinals.get(&(lang.to_string(), word.to_lowercase())).copied()
    }
}

/// The heads of a recorded vote's lists in each language of `words` (language, list, word)
/// that has all three: in favour, against, abstaining.
fn vote_heads(words: &[(String, String, String)]) -> Vec<[String; 3]> {
    let mut langs: Vec<&str> = Vec::new();
    for (l, _, _) in words {
        if !langs.contains(&l.as_str()) {
            langs.push(l);
        }
    }
    let head =
        |lang: &str, list: &str| words.iter().find(|(l, x, _)| l == lang && x == list).map(|(_, _, w)| w.clone());
    langs
        .into_iter()
        .filter_map(|l| Some([head(l, "in-favour")?, head(l, "against")?, head(l, "abstaining")?]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_small_first_letter_opens_what_its_capital_opens() {
        let w = words();
        let mut tried = 0;
        for lang in ["en", "fr", "es", "xx"] {
            for lp in w.lead_phrases(lang) {
                let word = first_word(&lp.phrase);
                // Each word as printed after a conjunction, and a few that open nothing.
                let mut small = word.to_string();
                small.get_mut(..1).into_iter().for_each(|f| f.make_ascii_lowercase());
                for t in [small.as_str(), word, "notaword", "and"] {
                    let Some(first) = t.chars().next().filter(|c| c.is_ascii_lowercase()) else { continue };
                    let cap: String = first.to_uppercase().chain(t.chars().skip(1)).collect();
                    assert_eq!(w.opens_lead_phrase_capitalised(lang, t), w.opens_lead_phrase(lang, &cap), "{lang} {t}");
                    tried += 1;
                }
            }
        }
        assert!(tried > 100);
    }

    #[test]
    fn every_file_is_well_formed() {
        let w = words();
        assert!(w.problems.is_empty(), "problems in ontology/*.tsv:\n{}", w.problems.join("\n"));
        for (name, text) in FILES {
            assert!(
                text.lines().next().is_some_and(|l| l.starts_with("# source")),
                "{name}: must open with a # source: line"
            );
            let mut seen = HashSet::new();
            let mut header = true;
            for (i, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.is_empty() {
                    continue;
                }
                assert_eq!(line, line.trim_end(), "{name}:{}: trailing whitespace", i + 1);
                if header {
                    header = false;
                    continue;
                }
                let first = line.split('\t').next().unwrap_or("");
                // Files keyed by (lang, list, word) are unique on their first three columns, by
                // (lang, word) or (list, word) on their first two.
                let key: String = if text.lines().any(|l| l.starts_with("lang\tlist\tword")) {
                    line.split('\t').take(3).collect::<Vec<_>>().join("\t")
                } else if first.len() == 2 || text.lines().any(|l| l.starts_with("list\tword")) {
                    line.split('\t').take(2).collect::<Vec<_>>().join("\t")
                } else {
                    first.to_string()
                };
                assert!(seen.insert(key.clone()), "{name}:{}: duplicate entry {key}", i + 1);
                for (j, field) in line.split('\t').enumerate() {
                    assert!(!field.is_empty(), "{name}:{}: field {} is empty (write - for none)", i + 1, j + 1);
                }
            }
        }
    }

    #[test]
    fn the_tables_are_not_empty() {
        let w = words();
        assert!(w.states.len() >= 193);
        assert!(w.lead_phrases("en").len() > 50);
        assert_eq!(w.month("en", "July"), Some(7));
        assert_eq!(w.ordinal("en", "sixty-seventh"), Some(67));
        assert!(w.organ("economic-and-social-council").is_some());
        for list in [
            "pinpoint",
            "acting",
            "acted",
            "after-list",
            "joins",
            "document",
            "in",
            "head",
            "between",
            "conjunction",
            "adverb",
        ] {
            assert!(!w.link_words(list).is_empty(), "link-words.tsv has no list {list}");
        }
        assert_eq!(w.closing_phrases.len(), 3);
        assert_eq!(w.annex_words, ["annex", "annexe", "anexo"]);
        for list in ["recorded", "unanimous", "without-vote", "adopted"] {
            assert!(w.vote_words(list).count() >= 3, "vote-words.tsv has no list {list}");
        }
        assert_eq!(
            w.vote_heads(),
            [
                ["In favour:", "Against:", "Abstaining:"],
                ["Ont voté pour", "Ont voté contre", "Se sont abstenus"],
                ["Votos a favor:", "Votos en contra:", "Abstenciones:"]
            ]
        );
    }
}
