//! Metadata: identification, cover page, preface, subjects, workflow and the recorded vote.

use super::body::Reader;
use super::dom::Node;
use crate::error::Warning;
use crate::model::{
    ActorKind, Date, DocKind, Resolution, Span, Subject, Vote, VoteMethod, VoteOutcome, Voters, WorkflowStep,
};
use crate::recognize::actors;

/// ISO 639-1 for the ISO 639-2 codes of `FRBRlanguage`.
fn lang2(code: &str) -> String {
    match code {
        "eng" | "en" => "en",
        "fra" | "fre" | "fr" => "fr",
        "spa" | "es" => "es",
        "ara" | "ar" => "ar",
        "rus" | "ru" => "ru",
        "zho" | "chi" | "zh" => "zh",
        other => other,
    }
    .to_string()
}

/// Whether `s` has the shape of a BCP 47 language tag (`en`, `eng`, `zh-Hans`), so that it
/// can stand after `@` in Turtle and in an IRI.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.next().is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The organ of an AKN4UN actor code (`unga`, `un-ga`, `unsc`, `unecosoc`, `unhrc`).
fn organ_of_code(code: &str) -> Option<crate::model::Organ> {
    let squash = |s: &str| s.replace('-', "").to_lowercase();
    let c = squash(code);
    crate::words::words()
        .organs
        .iter()
        .find(|o| o.akn.as_deref().is_some_and(|a| squash(a) == c))
        .map(|o| crate::structure::organ_of(o.key.clone()))
}

impl Reader<'_> {
    /// `<meta>`: identification, classification, workflow, the recorded vote.
    pub(super) fn meta(&mut self, m: &Node, res: &mut Resolution, main: bool) {
        if let Some(id) = m.child("identification") {
            if let Some(work) = id.child("FRBRWork") {
                if let Some(this) = work.child("FRBRthis").and_then(|t| t.attr("value"))
                    && this.ends_with('/')
                    && !self.own
                {
                    let span = work.child("FRBRthis").map_or(work.span, |t| t.span);
                    self.warnings.push(Warning::at(
                        span,
                        format!("FRBRthis \"{this}\" ends with '/' (source defect); unlod's IRIs follow DESIGN §4"),
                    ));
                }
                let uri = work.child("FRBRuri").and_then(|t| t.attr("value")).unwrap_or("");
                let segs: Vec<&str> = uri.split('/').filter(|s| !s.is_empty()).collect();
                // …/akn/un/statement/deliberation/{actor}/{date}/{number}
                if let Some(i) = segs.iter().position(|s| *s == "deliberation")
                    && let Some(code) = segs.get(i + 1)
                    && res.meta.organ.is_none()
                {
                    res.meta.organ = organ_of_code(code);
                }
                if res.meta.organ.is_none()
                    && let Some(a) = work.child("FRBRauthor").and_then(|t| t.attr("href"))
                {
                    let code = a.trim_start_matches('#');
                    res.meta.organ = organ_of_code(code)
                        .or_else(|| organ_of_code(&format!("un{code}")))
                        .or_else(|| actors::lookup(code).map(|a| crate::structure::organ_of(a.key)));
                }
            }
            if let Some(t) = id.find("FRBRlanguage")
                && let Some(l) = t.attr("language")
            {
                res.meta.language = if is_language_tag(l) {
                    lang2(l)
                } else {
                    self.warn(
                        t.span,
                        format!("FRBRlanguage \"{l}\" is no language code; the text is taken as English"),
                    );
                    "en".to_string()
                };
                self.lang.clone_from(&res.meta.language);
            }
        }
        if !main {
            return;
        }
        for c in m.elements().filter(|c| c.name == "classification") {
            for k in c.elements().filter(|k| k.name == "keyword") {
                let Some(iri) = k.attr("href").filter(|h| h.starts_with("http")) else { continue };
                if iri_string::types::IriStr::new(iri).is_err() {
                    self.warnings.push(Warning::at(
                        Span::new(k.span.start, k.span.start),
                        format!("keyword href \"{iri}\" is not a valid IRI; dropped"),
                    ));
                    continue;
                }
                if res.subjects.iter().any(|s| s.iri == iri) {
                    continue;
                }
                let label = k
                    .attr("showAs")
                    .or(k.attr("value"))
                    .map(|l| l.replace("&#39;", "'").replace('_', " "))
                    .filter(|l| !l.is_empty());
                res.subjects.push(Subject { iri: iri.to_string(), label });
            }
        }
        if let Some(w) = m.child("workflow") {
            let mut placeholder = 0;
            for s in w.elements().filter(|s| s.name == "step") {
                let raw = s.attr("date").unwrap_or("");
                let date = Date::parse_iso(raw).filter(|d| d.year() > 1);
                if date.is_none() && !raw.is_empty() {
                    placeholder += 1;
                }
                let nonempty = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
                res.workflow.push(WorkflowStep {
                    outcome: s.attr("outcome").or(s.attr("refersTo")).unwrap_or("").trim_start_matches('#').to_string(),
                    date,
                    document: nonempty(s.attr("as")),
                    by: nonempty(s.attr("by")),
                });
            }
            if placeholder > 0 {
                self.warnings.push(Warning::at(
                    Span::new(w.span.start, w.span.start),
                    format!("{placeholder} workflow step(s) dated 0001-01-01 or undated (source defect); kept without a date"),
                ));
            }
        }
        if !self.own
            && let Some(v) = m.find("voting")
        {
            let (vote, names) = metadata_vote(v);
            self.metadata_vote = Some((vote, names));
        }
    }

    /// `<coverPage>`: each line as printed; the symbol, date of issue, session, agenda item
    /// and origin where marked up.
    pub(super) fn cover(&mut self, c: &Node, res: &mut Resolution) {
        for p in c.elements() {
            let line = {
                let t = self.notes.text(p);
                t.text
            };
            if line.trim().is_empty() && !self.own {
                continue;
            }
            if let Some(n) = p.find("docNumber").filter(|n| n.attr("refersTo") == Some("#symbol")) {
                res.meta.symbol = Some(n.plain_text());
            }
            if let Some(d) = p.find("docDate").filter(|n| n.attr("refersTo") == Some("#dateOfIssuance")) {
                res.meta.issued = d.attr("date").and_then(Date::parse_iso);
            }
            if res.meta.number.is_none()
                && let Some((n, _)) = crate::structure::sc_number(&line)
            {
                res.meta.number = Some(n);
                res.meta.number_in_cover = true;
            }
            let kind = res.meta.kind;
            crate::structure::cover_line(&mut res.meta, &line);
            if kind != DocKind::Resolution || self.own {
                // The document's own name says what it is.
                res.meta.kind = kind;
            }
            res.meta.cover.push(line);
        }
        res.meta.span = c.span;
    }

    /// `<preface>`: the number and the title.
    pub(super) fn preface(&mut self, p: &Node, res: &mut Resolution) {
        let text = |n: &Node| if self.own { n.raw_text() } else { n.plain_text() };
        if let Some(n) = p.find("docNumber") {
            let t = text(n);
            if !t.is_empty() {
                res.meta.number = Some(t);
                res.meta.number_in_cover = false;
            }
        }
        let mut titles = Vec::new();
        p.find_all("docTitle", &mut titles);
        let title: Vec<String> = titles.iter().map(|t| text(t)).filter(|t| !t.is_empty()).collect();
        if !title.is_empty() {
            res.meta.title = Some(title.join(" "));
        }
        // Notes in the preface (on a part's letter) are footnotes of the document.
        for b in p.elements() {
            let _ = self.notes.text(b);
        }
    }
}

/// The vote of `<analysis><parliamentary><voting>`, and its voters by name and position
/// (0 in favour, 1 against, 2 abstaining), resolved in [`apply_vote`].
fn metadata_vote(v: &Node) -> (Vote, Vec<(u8, String)>) {
    let outcome = v.attr("outcome").unwrap_or("").trim_start_matches('#').to_lowercase();
    let mut vote = Vote { from_metadata: true, ..Vote::default() };
    vote.method = if outcome.contains("withoutvote") || outcome.contains("consensus") {
        VoteMethod::WithoutVote
    } else if outcome.contains("unanim") {
        VoteMethod::Unanimous
    } else if outcome.contains("recorded") {
        VoteMethod::Recorded
    } else {
        VoteMethod::Counted
    };
    vote.outcome = if outcome.contains("not") || outcome.contains("reject") || outcome.contains("veto") {
        Some(VoteOutcome::NotAdopted)
    } else {
        Some(VoteOutcome::Adopted)
    };
    let mut names: Vec<(u8, String)> = Vec::new();
    for c in v.elements().filter(|c| c.name == "count") {
        let which = c.attr("refersTo").unwrap_or("").trim_start_matches('#');
        let n = c.attr("value").and_then(|x| x.trim().parse::<u32>().ok());
        let slot = match which {
            "inFavour" | "infavour" | "for" | "yes" => 0,
            "against" | "no" => 1,
            "abstaining" | "abstention" | "abstentions" | "abstain" => 2,
            _ => continue,
        };
        match slot {
            0 => vote.in_favour = n,
            1 => vote.against = n,
            _ => vote.abstentions = n,
        }
        let mut orgs = Vec::new();
        c.find_all("organization", &mut orgs);
        names.extend(orgs.iter().map(|o| (slot, o.plain_text())).filter(|(_, n)| !n.is_empty()));
    }
    if !names.is_empty() {
        vote.method = VoteMethod::Recorded;
    }
    (vote, names)
}

/// A State named in a voters list (`UNITED KINGDOM`, `VENEZUELA (BOLIVARIAN REPUBLIC OF)`).
fn state(name: &str) -> Option<crate::model::ActorRef> {
    let tries = [
        name.to_string(),
        format!("the {name}"),
        name.split(" (").next().unwrap_or(name).to_string(),
        format!("{name} of America"),
        format!("{name} of Great Britain and Northern Ireland"),
    ];
    tries.iter().find_map(|t| actors::lookup(t).filter(|a| a.kind == ActorKind::State))
}

/// Sets the vote read from metadata on the model: the printed vote wins where the text
/// reports one (it is what was adopted), but takes the metadata's voter lists if it has none.
/// Voters of the printed vote read as one name where the text joins the last two with "and"
/// ("Uzbekistan and Viet Nam"): split into the States they name, where the tables know them.
pub fn split_joined_voters(res: &mut Resolution) {
    let Some(mut vote) = res.adoption.vote.take() else { return };
    for list in [&mut vote.voters.in_favour, &mut vote.voters.against, &mut vote.voters.abstaining] {
        let mut out = Vec::with_capacity(list.len());
        for &i in list.iter() {
            let joined = res.actors.get(i).filter(|a| a.kind != ActorKind::State || a.key.len() != 3).cloned();
            // Split at the " and " where both sides are States of the tables.
            let parts: Option<Vec<_>> = joined.as_ref().and_then(|a| {
                let n = a.name.as_str();
                n.match_indices(" and ").find_map(|(k, _)| {
                    let (l, r) = (n.get(..k)?, n.get(k + 5..)?);
                    Some(vec![state(l)?, state(r)?])
                })
            });
            match parts {
                Some(states) if states.len() > 1 => {
                    for s in states {
                        out.push(actors::add_actor(res, s));
                    }
                }
                _ => out.push(i),
            }
        }
        *list = out;
    }
    res.adoption.vote = Some(vote);
}

pub fn apply_vote(res: &mut Resolution, vote: Option<(Vote, Vec<(u8, String)>)>, warnings: &mut Vec<Warning>) {
    let Some((mut vote, names)) = vote else {
        split_joined_voters(res);
        return;
    };
    let mut voters = Voters::default();
    let mut unknown = Vec::new();
    // The last two names of a list are sometimes one entry ("UZBEKISTAN AND VIET NAM").
    let names = names.into_iter().flat_map(|(slot, name)| {
        let parts: Vec<(u8, String)> = match state(&name) {
            Some(_) => vec![(slot, name)],
            None => name.split(" AND ").map(|n| (slot, n.trim().to_string())).collect(),
        };
        parts
    });
    for (slot, name) in names {
        // A name not in the tables is reported and left out of the lists (the counts stay
        // as recorded): a voter must be a State.
        let Some(actor) = state(&name) else {
            unknown.push(name);
            continue;
        };
        let i = actors::add_actor(res, actor);
        match slot {
            0 => voters.in_favour.push(i),
            1 => voters.against.push(i),
            _ => voters.abstaining.push(i),
        }
    }
    if !unknown.is_empty() {
        warnings.push(Warning::new(format!(
            "{} voter(s) not in ontology/member-states.tsv, left out of the voter lists: {}",
            unknown.len(),
            unknown.join(", ")
        )));
    }
    vote.voters = voters;
    split_joined_voters(res);
    match &mut res.adoption.vote {
        Some(printed) => {
            if printed.voters == Voters::default() {
                printed.voters = vote.voters;
            }
        }
        None => res.adoption.vote = Some(vote),
    }
}
