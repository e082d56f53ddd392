//! The text reader and the AKN importer read the same resolution the same way: small
//! hand-written inputs for each kind of disagreement found on the bulk set
//! (`reports/akn-agreement.md`).

use unlod::{ConvertOptions, Format, Resolution, convert};

fn read_md(md: &str) -> Resolution {
    convert(md.as_bytes(), &ConvertOptions::default()).unwrap().resolution
}

fn read_akn(main_body: &str) -> Resolution {
    let xml = format!(
        "<akomaNtoso><statement name=\"resolution\"><preamble><container name=\"preambularParagraph\">\
         <p><i>Recalling</i> its resolutions,</p></container></preamble><mainBody>{main_body}</mainBody>\
         </statement></akomaNtoso>"
    );
    convert(xml.as_bytes(), &ConvertOptions { from: Some(Format::Akn), lossy: false }).unwrap().resolution
}

/// A General Assembly resolution around `body` (the paragraphs after the formula).
fn ga(body: &str) -> String {
    format!(
        "United Nations\n\nA/RES/80/1\n\nGeneral Assembly\n\nResolution adopted by the General Assembly on 1 December 2025\n\n\
         80/1. Cooperation\n\n*The General Assembly*,\n\n{body}\n\n20th plenary meeting  \n1 December 2025\n"
    )
}

/// The counts of the text reader's model of a General Assembly resolution around `body`.
fn md_counts(body: &str) -> [usize; 4] {
    counts(&read_md(&ga(body)))
}

fn counts(r: &Resolution) -> [usize; 4] {
    let c = r.counts();
    [c.preambular, c.operative_numbered, c.operative_unnumbered, c.subparagraphs]
}

#[test]
fn a_number_on_a_line_of_its_own_numbers_the_paragraph_after_it() {
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\n1.\n\n*Decides* to act;\n\n2.\n\n*Requests* a report on the matter.",
    ));
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    let ops = r.operative();
    assert_eq!(ops[0].num.as_deref(), Some("1"));
    assert_eq!(ops[0].text.text, "Decides to act;");
    assert_eq!(ops[1].lead.as_deref(), Some("Requests"));
}

#[test]
fn a_separator_line_is_a_paragraph_of_its_own() {
    let md = ga("*Recalling* its resolutions,\n\n1. *Decides* to act;\n\n* * *\n\n2. *Requests* a report.");
    let r = read_md(&md);
    assert_eq!(counts(&r), [1, 2, 1, 0]);
    assert_eq!(r.operative()[0].text.text, "Decides to act;");
    // The importer keeps a separator that ends a section, as the XML prints it.
    let a = read_akn(
        "<section><num>I</num><paragraph><num>1.</num><content><p><i>Decides</i> to act;</p></content></paragraph>\
         <paragraph><content><p>* * *</p></content></paragraph></section>\
         <section><num>II</num><paragraph><num>2.</num><content><p><i>Requests</i> a report.</p></content></paragraph></section>",
    );
    assert_eq!(counts(&a), [1, 2, 1, 0]);
}

#[test]
fn empty_superscripts_and_underscores_of_a_web_address_are_read_as_printed() {
    let md = ga(
        "*Recalling* its resolutions,<sup>1</sup>\n\n1. *Decides* to act.\n\n---\n\n<sup>1</sup> <sup></sup>See https://x.org/doc/Living_Heritage_-_High_Resolution.pdf.",
    );
    let r = read_md(&md);
    assert_eq!(r.footnotes.len(), 1);
    assert_eq!(r.footnotes[0].text.text, "See https://x.org/doc/Living_Heritage_-_High_Resolution.pdf.");
    // Emphasis around a web address still closes.
    let r = read_md(&ga("*Recalling* _https://x.org/a_b_,\n\n1. *Decides* to act."));
    assert!(r.bodies().next().unwrap().preamble[0].text.text.ends_with("https://x.org/a_b,"));
}

#[test]
fn a_lead_phrase_italicised_in_two_runs_is_one_lead_phrase() {
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\n*S**trongly condemning also* the attacks,\n\n1. *Decides* to act.",
    ));
    let leads: Vec<_> = r.bodies().next().unwrap().preamble.iter().map(|c| c.lead.clone()).collect();
    assert_eq!(leads[1].as_deref(), Some("Strongly condemning also"));
}

#[test]
fn a_title_line_after_a_bare_section_number_is_the_sections_heading() {
    assert_eq!(
        md_counts(
            "*Recalling* its resolutions,\n\nI\n\nIntroduction\n\n1. *Decides* to act;\n\nRegional cooperation\n\n2. *Requests* a report;\n\nII\n\nFinal remarks\n\n3. *Decides* to remain seized of the matter."
        ),
        [1, 3, 0, 0]
    );
}

#[test]
fn preambular_paragraphs_before_a_numbered_section_are_its_preamble() {
    assert_eq!(
        md_counts(
            "*Recalling* its resolutions,\n\nI 1. *Decides* to act;\n\n2. *Requests* a report;\n\n*Reaffirming* the legal basis of the mandate,\n\nII 3. *Decides* to extend the mandate."
        ),
        [2, 3, 0, 0]
    );
}

#[test]
fn the_importer_reads_a_number_typed_without_its_full_stop() {
    let a = read_akn(
        "<paragraph><num>1.</num><content><p><i>Decides</i> to act;</p></content></paragraph>\
         <paragraph><content><p>2 <i>Calls upon</i> all States to act;</p></content></paragraph>\
         <paragraph><num>3.</num><content><p><i>Requests</i> a report.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 3, 0, 0]);
    assert_eq!(a.operative()[1].lead.as_deref(), Some("Calls upon"));
    let md = ga(
        "*Recalling* its resolutions,\n\n1. *Decides* to act;\n\n2 *Calls upon* all States to act;\n\n3. *Requests* a report.",
    );
    assert_eq!(counts(&read_md(&md)), [1, 3, 0, 0]);
}

#[test]
fn the_importer_reads_a_section_label_point_before_its_list_as_a_heading() {
    let a = read_akn(
        "<paragraph><num>1.</num><list><intro><p><i>Decides</i> the following mandate:</p></intro>\
         <point><num>I.</num><content><p>Secure environment:</p></content></point>\
         <sublist><point><num>(a)</num><content><p>to ensure security;</p></content></point>\
         <point><num>(b)</num><content><p>to assist;</p></content></point></sublist>\
         <point><num>II.</num><content><p>Human rights:</p></content></point>\
         <sublist><point><num>(a)</num><content><p>to monitor.</p></content></point></sublist></list></paragraph>",
    );
    assert_eq!(counts(&a), [1, 1, 0, 3]);
}

#[test]
fn a_title_in_brackets_is_an_unnumbered_paragraph_of_its_own() {
    let md = ga(
        "*Recalling* its resolutions,\n\n*(“Supporting the political process”)*\n\n1. *Welcomes* the progress;\n\n(“*Renewing the mandate*”)\n\n2. *Decides* to renew the mandate.",
    );
    assert_eq!(counts(&read_md(&md)), [1, 2, 2, 0]);
    let a = read_akn(
        "<paragraph><content><p><i>(“Supporting the political process”)</i></p></content></paragraph>\
         <paragraph><num>1.</num><content><p><i>Welcomes</i> the progress;</p></content></paragraph>\
         <paragraph><content><p>(“<i>Renewing the mandate</i>”)</p></content></paragraph>\
         <paragraph><num>2.</num><content><p><i>Decides</i> to renew the mandate.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 2, 2, 0]);
}

#[test]
fn a_superscript_in_a_document_without_note_texts_is_no_footnote() {
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\n1. *Decides* that reactors of 0.05 m<sup>3</sup> or more are listed.",
    ));
    assert!(r.footnotes.is_empty(), "{:?}", r.footnotes);
    assert!(r.operative()[0].text.text.contains("0.05 m3 or more"), "{}", r.operative()[0].text.text);
}

#[test]
fn the_importer_reads_lettered_headings_between_sub_paragraphs_as_headings() {
    let a = read_akn(
        "<paragraph><num>1.</num><list><intro><p><i>Endorses</i> the following mandate:</p></intro>\
         <point><num>A.</num><content><p>To assist the parties by:</p></content></point></list></paragraph>\
         <paragraph><content><p>(1) Chairing the Joint Commission;</p></content></paragraph>\
         <paragraph><content><p>(2) Leading the tasks;</p></content></paragraph>\
         <paragraph><num>B.</num><content><p>To assist the Government in the following tasks:</p></content></paragraph>\
         <paragraph><content><p>(1) Provision of advice;</p></content></paragraph>\
         <paragraph><num>2.</num><content><p><i>Decides</i> to remain seized of the matter.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 2, 0, 3]);
}

#[test]
fn the_importer_reads_a_titled_point_before_a_table_as_a_section() {
    let a = read_akn(
        "<paragraph><num>1.</num><list><intro><p><i>Approves</i> the staffing table below:</p></intro>\
         <point><num>A.</num><content><p>Secretariat of the Pension Board</p></content></point></list></paragraph>\
         <paragraph><num>2.</num><content><p><i>Decides</i> to remain seized of the matter.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 2, 0, 0]);
    let md = ga(
        "*Recalling* its resolutions,\n\n1. *Approves* the staffing table below:\n\nA. Secretariat of the Pension Board\n\n2. *Decides* to remain seized of the matter.",
    );
    assert_eq!(counts(&read_md(&md)), [1, 2, 0, 0]);
}

#[test]
fn the_importer_puts_labelled_paragraphs_under_an_unnumbered_paragraph_ending_in_a_colon() {
    let a = read_akn(
        "<paragraph><content><p><i>Urges</i> all countries to do the following:</p></content></paragraph>\
         <paragraph><content><p>(a) To cooperate;</p></content></paragraph>\
         <paragraph><content><p>(b) To assist.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 0, 1, 2]);
}

#[test]
fn a_superscript_without_note_text_that_opens_a_cell_or_is_a_symbol_is_no_footnote() {
    let r = read_md(&ga(
        "*Recalling* its resolutions,<sup>1</sup>\n\n1. *Decides* to act.\n\n| <sup>239</sup>Pu at end of cycle (g) | 850 |\n|---|---|\n| YOUNES<sup>×</sup> | Vessel |\n\n2. *Decides* to remain seized of the matter.\n\n---\n\n<sup>1</sup> See the report.",
    ));
    let notes: Vec<&str> = r.footnotes.iter().map(|f| f.text.text.as_str()).collect();
    assert_eq!(notes, ["See the report."]);
    // A numbered call after a word whose text is lost stays a call with an empty note.
    let r = read_md(&ga(
        "*Recalling* its resolutions,<sup>1</sup>\n\n1. *Decides* to act.<sup>2</sup>\n\n---\n\n<sup>1</sup> See the report.",
    ));
    assert_eq!(r.footnotes.len(), 2);
}

#[test]
fn a_preambular_paragraph_printed_in_bold_before_the_operative_part_is_preambular() {
    let md = ga(
        "*Recalling* its resolutions,\n\n**Acting under Chapter VII of the Charter of the United Nations**\n\n1. *Decides* to act.",
    );
    let r = read_md(&md);
    assert_eq!(counts(&r), [2, 1, 0, 0]);
    assert_eq!(r.body.preamble[1].lead.as_deref(), Some("Acting"));
    // A bold heading that is no preambular phrase still heads a section.
    assert_eq!(md_counts("*Recalling* its resolutions,\n\n**Follow-up**\n\n1. *Decides* to act."), [1, 1, 0, 0]);
    assert_eq!(
        md_counts("*Recalling* its resolutions,\n\n#### Taking stock: the review\n\n1. *Decides* to act."),
        [1, 1, 0, 0]
    );
}

#[test]
fn a_numbered_paragraph_whose_text_opens_with_its_first_sub_paragraph_holds_the_list() {
    let body = "*Recalling* its resolutions,\n\n1. *Decides* to act;\n\nB 2. (a) *Decides* that all States shall prevent the sale of arms;\n\n(b) *Decides* that the measures shall not apply to supplies;\n\n3. (c) is cited in the text, not a list.";
    let r = read_md(&ga(body));
    assert_eq!(counts(&r), [1, 3, 0, 2]);
    let ops = r.operative();
    assert_eq!(ops[1].num.as_deref(), Some("2"));
    assert_eq!(ops[1].points[0].num.as_deref(), Some("a"));
    assert!(ops[1].points[0].text.text.starts_with("Decides that all States"));
    let a = read_akn(
        "<paragraph><num>1.</num><content><p><i>Decides</i> to act;</p></content></paragraph>\
         <paragraph><num>2.</num><list><point><num>(a)</num><content><p><i>Decides</i> that all States shall prevent the sale of arms;</p></content></point>\
         <point><num>(b)</num><content><p><i>Decides</i> that the measures shall not apply to supplies;</p></content></point></list></paragraph>\
         <paragraph><num>3.</num><content><p>(c) is cited in the text, not a list.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 3, 0, 2]);
}

#[test]
fn a_heading_after_the_last_paragraph_of_a_security_council_resolution_opens_an_annex() {
    let sc = |body: &str| {
        format!(
            "United Nations\n\nS/RES/1730 (2006)\n\nSecurity Council\n\nResolution 1730 (2006)\n\n\
             Adopted by the Security Council at its 5599th meeting, on 19 December 2006\n\n*The Security Council*,\n\n{body}"
        )
    };
    let r = read_md(&sc(
        "*Recalling* its statement,\n\n1. *Adopts* the procedure annexed to this resolution;\n\n2. *Decides* to remain seized of the matter.\n\n### De-listing procedure\n\nThe focal point will perform the following tasks:\n\n1. Receive requests.\n\n2. Verify them.",
    ));
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    assert_eq!(r.annexes.len(), 1);
    assert_eq!(r.annexes[0].headings[0].text, "De-listing procedure");
    // A heading that names an annex without being a label stays in the body, as the XML keeps it.
    let r = read_md(&sc(
        "*Recalling* its statement,\n\n1. *Decides* to remain actively seized of the matter.\n\n### Annex I to resolution 1617 (2005)\n\n2. Receive requests.",
    ));
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    assert!(r.annexes.is_empty());
}

#[test]
fn the_sub_paragraph_after_a_lettered_c_is_its_sibling() {
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\n1. *Demands* that the Government:\n\n(a) expel all members;\n\n(b) cease all support;\n\n(c) cease all imports;\n\n(d) freeze funds;\n\n2. *Decides* to remain seized of the matter.",
    ));
    let labels: Vec<_> = r.operative()[0].points.iter().map(|p| p.num.as_deref()).collect();
    assert_eq!(labels, [Some("a"), Some("b"), Some("c"), Some("d")]);
}

#[test]
fn roman_labels_with_a_closing_parenthesis_only_are_sub_paragraphs() {
    // S/RES/2232 (2015), paragraph 5: "i)", "ii)", "iii)"; only "i)" was read as a label, and
    // the XML has three points.
    let body = "*Recalling* its resolutions,\n\n1. *Agrees* that the strategy should be guided by three objectives:\n\n\
                i) Continuing operations;\n\nii) Enabling the political process;\n\niii) Enabling stabilization efforts;\n\n\
                2. *Decides* to remain seized of the matter.";
    let res = read_md(&ga(body));
    let first = res.operative().into_iter().next().expect("paragraph 1");
    let labels: Vec<&str> = first.points.iter().filter_map(|p| p.num.as_deref()).collect();
    assert_eq!(labels, ["i", "ii", "iii"]);
    assert_eq!(md_counts(body), [1, 2, 0, 3]);
}

#[test]
fn paragraph_one_typed_as_the_letter_l_is_paragraph_one() {
    // A/RES/76/256 prints "l. *Decides* …" and its XML has `<num>l.</num>`.
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\nl. *Decides* to designate a day;\n\n2. *Invites* all States to act.",
    ));
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    assert_eq!(r.operative()[0].num.as_deref(), Some("1"));
    assert_eq!(r.operative()[0].lead.as_deref(), Some("Decides"));
    let a = read_akn(
        "<paragraph><num>l.</num><content><p><i>Decides</i> to designate a day;</p></content></paragraph>\
         <paragraph><num>2.</num><content><p><i>Invites</i> all States to act.</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 2, 0, 0]);
    assert_eq!(a.operative()[0].num.as_deref(), Some("1"));
    // A lettered point "l." of a list stays a point.
    let p = read_md(&ga("*Recalling* its resolutions,\n\n1. *Decides*:\n\n(k) To act;\n\nl. to report."));
    assert_eq!(p.operative().len(), 1);
}

#[test]
fn a_number_with_its_full_stop_after_a_space_numbers_the_paragraph() {
    // A/RES/77/248: "232 .*Recognizes* the need …", in the text and in the XML's `<p>`.
    let r = read_md(&ga("*Recalling* its resolutions,\n\n1. *Notes* the report;\n\n2 .*Recognizes* the need to act;"));
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    assert_eq!(r.operative()[1].text.text, "Recognizes the need to act;");
    let a = read_akn(
        "<paragraph><num>1.</num><content><p><i>Notes</i> the report;</p></content></paragraph>\
         <paragraph><content><p>2 .<i>Recognizes</i> the need to act;</p></content></paragraph>",
    );
    assert_eq!(counts(&a), [1, 2, 0, 0]);
    assert_eq!(a.operative()[1].num.as_deref(), Some("2"));
    assert_eq!(a.operative()[1].text.text, "Recognizes the need to act;");
}

#[test]
fn decimal_numbers_under_a_heading_are_paragraphs_of_their_own_outside_the_sequence() {
    // A/RES/76/3: "1.1 . Raise awareness …" under "Overarching objective 1"; the XML has
    // `<num>1.1</num>` and the full stop in the text.
    let r =
        read_md(&ga("*Recalling* its resolutions,\n\n1. *Adopts* the following objectives:\n\n#### Objective 1\n\n\
         1.1 . Raise awareness of space.\n\n1.2 . Facilitate the integration of the space sector.\n\n\
         2. *Decides* to act."));
    let nums: Vec<_> = r.operative().iter().map(|c| c.num.clone().unwrap_or_default()).collect();
    assert_eq!(nums, ["1", "1.1", "1.2", "2"]);
    assert_eq!(r.operative()[1].text.text, "Raise awareness of space.");
    // Only 1 and 2 are counted: the counting rules count the sequence 1, 2, 3.
    assert_eq!(counts(&r), [1, 2, 0, 0]);
    let a = read_akn(
        "<paragraph><num>1.</num><content><p><i>Adopts</i> the following objectives:</p></content></paragraph>\
         <paragraph><subheading>Objective 1</subheading></paragraph>\
         <paragraph><num>1.1</num><content><p>. Raise awareness of space.</p></content></paragraph>\
         <paragraph><num>1.2</num><content><p>. Facilitate the integration of the space sector.</p></content></paragraph>\
         <paragraph><num>2.</num><content><p><i>Decides</i> to act.</p></content></paragraph>",
    );
    let nums: Vec<_> = a.operative().iter().map(|c| c.num.clone().unwrap_or_default()).collect();
    assert_eq!(nums, ["1", "1.1", "1.2", "2"]);
    assert_eq!(a.operative()[1].text.text, "Raise awareness of space.");
    assert_eq!(counts(&a), [1, 2, 0, 0]);
}

#[test]
fn a_number_out_of_sequence_is_not_counted() {
    // S/RES/1855 (2008): an amended article's "2." after paragraph 3.
    let r =
        read_md(&ga("*Recalling* its resolutions,\n\n1. *Decides* to act;\n\n2. *Decides* to amend article 11;\n\n\
         3. *Decides* to remain seized of the matter.\n\n#### Annex Article 11: Composition\n\n\
         2. Each Trial Chamber may be divided into sections."));
    assert_eq!(r.operative().iter().filter(|c| c.num.is_some()).count(), 4, "the paragraph is kept");
    assert_eq!(counts(&r)[1], 3);
}

#[test]
fn the_importer_puts_lettered_paragraphs_after_a_sections_preambular_colon_under_it() {
    // E/RES/2023/5, section B: "*Noting with satisfaction*:" then (a) … (e) as paragraphs.
    let a = read_akn(
        "<section><num>B</num><heading>Work of the Committee</heading>\
         <crossHeading refersTo=\"#preamble\"><i>Noting with satisfaction</i>:</crossHeading>\
         <paragraph><num>(a)</num><content><p>That the Commission has acted,</p></content></paragraph>\
         <paragraph><num>(b)</num><content><p>That the agencies have acted,</p></content></paragraph>\
         <paragraph><num>1.</num><content><p><i>Commends</i> the Secretary-General;</p></content></paragraph>\
         </section>",
    );
    let Some(unlod::model::Item::Section(s)) = a.body.main.first() else { panic!("a section") };
    assert_eq!(s.preamble.len(), 1);
    assert_eq!(s.preamble[0].points.len(), 2);
    assert_eq!(a.operative().len(), 1);
    assert_eq!(a.operative()[0].num.as_deref(), Some("1"));
    // The counting rules count labelled units in the XML's mainBody, as sub-paragraphs.
    assert_eq!(counts(&a), [2, 1, 0, 2]);
    // The text reader reads the same.
    let r = read_md(&ga(
        "*Recalling* its resolutions,\n\n#### B\n\n#### Work of the Committee\n\n*Noting with satisfaction*:\n\n\
         (a) That the Commission has acted,\n\n(b) That the agencies have acted,\n\n1. *Commends* the Secretary-General;",
    ));
    assert_eq!(counts(&r), [2, 1, 0, 2]);
}
