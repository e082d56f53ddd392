//! Format detection from content.

use super::Format;

/// The format of a decoded text: Akoma Ntoso when it opens with an XML declaration or an
/// `akomaNtoso` element; Markdown when it has Markdown marks (headings, emphasis, `<sup>`
/// footnote calls, `---` rules); plain text otherwise.
pub fn detect(text: &str) -> Format {
    let head = text.trim_start_matches('\u{FEFF}').trim_start();
    if head.starts_with("<?xml")
        || head.starts_with("<akomaNtoso")
        || (head.starts_with('<') && head.get(..2048).unwrap_or(head).contains("akomaNtoso"))
    {
        return Format::Akn;
    }
    let mut marks = 0;
    for line in text.lines().take(2000) {
        let l = line.trim_start();
        let emphasis = l.starts_with('*') && l.get(1..).is_some_and(|r| r.contains('*'));
        if l.starts_with('#')
            || l.starts_with("**")
            || (l.len() >= 3 && l.chars().all(|c| c == '-'))
            || l.starts_with('_')
            || emphasis
            || l.contains("<sup>")
        {
            marks += 1;
        }
        if marks >= 1 {
            return Format::Markdown;
        }
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_apart() {
        assert_eq!(detect("<?xml version=\"1.0\"?><akomaNtoso/>"), Format::Akn);
        assert_eq!(detect("## Resolution\n\n*The General Assembly*,\n"), Format::Markdown);
        assert_eq!(detect("Resolution 242 (1967)\n\nThe Security Council,\n"), Format::Text);
    }
}
