//! Expectations of the corpus (`expected.json` of `corpus/texts` and of the bulk set) and the
//! check of a model against them. Shared by `examples/corpus_report` and `tests/it/corpus.rs`.

use serde_json::Value;
use unlod::Resolution;
use unlod::model::counts::Counts;

/// What `expected.json` says of one document.
#[derive(Debug, Default, Clone)]
pub struct Expect {
    /// Preambular paragraphs.
    pub preambular: Option<usize>,
    /// Numbered operative paragraphs.
    pub operative_numbered: Option<usize>,
    /// Unnumbered operative paragraphs (`None` where the flags say it is unreliable).
    pub operative_unnumbered: Option<usize>,
    /// Sub-paragraphs.
    pub subparagraphs: Option<usize>,
    /// Footnotes of the whole document.
    pub footnotes: Option<usize>,
    /// The meeting as printed.
    pub meeting: Option<String>,
    /// The date of adoption, where the text prints it.
    pub date: Option<String>,
    /// Counts of the embedded draft.
    pub embedded: Option<(usize, usize)>,
    /// The symbol.
    pub symbol: Option<String>,
}

fn num(v: &Value, k: &str) -> Option<usize> {
    v.get(k).and_then(Value::as_u64).map(|n| n as usize)
}

/// Sums a count over `parts`, or takes it from the top.
fn count(v: &Value, k: &str) -> Option<usize> {
    if let Some(n) = num(v, k) {
        return Some(n);
    }
    let parts = v.get("parts")?.as_array()?;
    parts.iter().map(|p| num(p, k)).sum()
}

impl Expect {
    /// Reads one entry of `expected.json`.
    pub fn from_json(v: &Value) -> Expect {
        let flags: Vec<&str> = v
            .get("flags")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let unreliable_unnumbered = flags.iter().any(|f| {
            matches!(
                *f,
                "mixed_numbered_and_unnumbered"
                    | "numbered_paragraph_text_in_next_paragraph"
                    | "mainBody_has_container"
                    | "section_heading_as_paragraph"
                    | "paragraph_num_not_counted"
            )
        });
        let embedded = v
            .get("embedded_draft")
            .filter(|e| !e.is_null())
            .or_else(|| {
                v.get("parts")?.as_array()?.iter().find_map(|p| p.get("embedded_draft").filter(|e| !e.is_null()))
            })
            .and_then(|e| Some((num(e, "preambular")?, num(e, "operative_numbered")?)));
        let date_printed = v.get("adoption_date_source").and_then(Value::as_str).is_none_or(|s| !s.starts_with("FRBR"));
        Expect {
            preambular: count(v, "preambular"),
            operative_numbered: count(v, "operative_numbered"),
            operative_unnumbered: if unreliable_unnumbered { None } else { count(v, "operative_unnumbered") },
            subparagraphs: count(v, "subparagraphs"),
            footnotes: num(v, "footnotes"),
            meeting: v.get("meeting").and_then(Value::as_str).map(String::from),
            date: if date_printed { v.get("adoption_date").and_then(Value::as_str).map(String::from) } else { None },
            embedded,
            symbol: v.get("symbol_normalized").or_else(|| v.get("symbol")).and_then(Value::as_str).map(String::from),
        }
    }
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The field.
    pub field: &'static str,
    /// What expected.json says.
    pub want: String,
    /// What unlod found.
    pub got: String,
}

/// The fields of `res` that differ from `exp`.
pub fn check(res: &Resolution, exp: &Expect) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let c: Counts = res.counts();
    let mut cmp = |field: &'static str, want: Option<usize>, got: usize| {
        if let Some(w) = want
            && w != got
        {
            out.push(Mismatch { field, want: w.to_string(), got: got.to_string() });
        }
    };
    cmp("preambular", exp.preambular, c.preambular);
    cmp("operative_numbered", exp.operative_numbered, c.operative_numbered);
    cmp("operative_unnumbered", exp.operative_unnumbered, c.operative_unnumbered);
    cmp("subparagraphs", exp.subparagraphs, c.subparagraphs);
    cmp("footnotes", exp.footnotes, res.footnotes.len());
    if let Some((pre, ops)) = exp.embedded {
        let got = res.embedded_counts().map(|e| (e.preambular, e.operative_numbered));
        if got != Some((pre, ops)) {
            out.push(Mismatch { field: "embedded_draft", want: format!("{pre}+{ops}"), got: format!("{got:?}") });
        }
    }
    if let Some(sym) = &exp.symbol
        && res.meta.symbol.as_deref().map(norm) != Some(norm(sym))
    {
        out.push(Mismatch { field: "symbol", want: sym.clone(), got: format!("{:?}", res.meta.symbol) });
    }
    let meeting = res.adoption.meeting.as_ref().map(|m| m.printed.clone());
    if exp.meeting.as_deref().map(norm) != meeting.as_deref().map(norm) {
        out.push(Mismatch { field: "meeting", want: format!("{:?}", exp.meeting), got: format!("{meeting:?}") });
    }
    if let Some(d) = &exp.date {
        let got = res.adoption.date.map(|d| d.to_string());
        if got.as_deref() != Some(d.as_str()) {
            out.push(Mismatch { field: "date", want: d.clone(), got: format!("{got:?}") });
        }
    }
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
