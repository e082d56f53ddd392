//! French and Spanish versions parse with the same structure as their English twin: the
//! same counts, paragraph numbers, lead phrase on every paragraph, footnotes, meeting number
//! and date.

use crate::util::{model, shared_file};
use unlod::Resolution;

/// What must be the same in every language.
#[derive(Debug, PartialEq)]
struct Shape {
    counts: [usize; 4],
    numbers: Vec<Option<String>>,
    footnotes: usize,
    meeting: Option<u32>,
    date: Option<String>,
}

fn shape(r: &Resolution) -> Shape {
    let c = r.counts();
    Shape {
        counts: [c.preambular, c.operative_numbered, c.operative_unnumbered, c.subparagraphs],
        numbers: r.operative().iter().map(|c| c.num.clone()).collect(),
        footnotes: r.footnotes.len(),
        meeting: r.adoption.meeting.as_ref().and_then(|m| m.number),
        date: r.adoption.date.map(|d| d.to_string()),
    }
}

#[test]
fn french_and_spanish_twins_have_the_english_structure() {
    let mut failures = Vec::new();
    for stem in ["ecosoc-2023-24", "ga-A-RES-ES-11-1", "hrc-A-HRC-RES-55-19", "sc-S-RES-2728-2024"] {
        let en = model(&shared_file(&format!("corpus/texts/{stem}.md")));
        for lang in ["fr", "es"] {
            let other = model(&shared_file(&format!("corpus/texts/{stem}.{lang}.md")));
            assert_eq!(other.meta.language, lang, "{stem}.{lang}.md is read as {}", other.meta.language);
            if shape(&en) != shape(&other) {
                failures.push(format!("{stem}.{lang}.md: {:?}\n  vs English {:?}", shape(&other), shape(&en)));
            }
            let bodies =
                other.bodies().chain(other.operative().into_iter().flat_map(|c| c.embedded.iter().map(|e| &e.body)));
            for b in bodies {
                for c in b.preamble.iter().chain(b.operative()) {
                    if c.lead.is_none() && !c.text.text.is_empty() {
                        failures.push(format!(
                            "{stem}.{lang}.md: no lead phrase in {:?}",
                            &c.text.text[..c.text.text.len().min(60)]
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
