//! Inputs that are not resolutions are refused with a message; nothing panics on any text of
//! the corpus cut anywhere.

use crate::util::shared_file;
use unlod::{ConvertOptions, ErrorKind, convert};

#[test]
fn non_resolutions_are_refused_with_a_clear_message() {
    let cases: &[(&str, &[u8], ErrorKind)] = &[
        ("blank", b"   \n\n  \t \n", ErrorKind::Empty),
        (
            "letter",
            b"Letter dated 6 December 2023 from the Secretary-General addressed to the President of the Security Council\n\nI have the honour to draw your attention to the situation.\n\nAccept, Excellency, the assurances of my highest consideration.\n\n(Signed) Ant\xc3\xb3nio Guterres\n",
            ErrorKind::NotAResolution,
        ),
        (
            "table",
            b"| Country | 2021 | 2022 |\n| --- | ---: | ---: |\n| Chile | 12 | 14 |\n| Kenya | 7 | 9 |\n",
            ErrorKind::NotAResolution,
        ),
        ("figures", b"12 345 678\n\n9 876 543\n\n1 234\n", ErrorKind::NotAResolution),
    ];
    for (name, bytes, kind) in cases {
        let err = convert(bytes, &ConvertOptions::default()).err().unwrap_or_else(|| panic!("{name} was accepted"));
        assert_eq!(err.kind(), *kind, "{name}: {err}");
        assert!(err.line().is_some(), "{name}: the error names no line: {err}");
        assert!(err.message().starts_with("expected"), "{name}: {err}");
    }
}

/// A small deterministic generator (xorshift), so that the cuts are the same on every run.
struct Cuts(u64);

impl Cuts {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below.max(1) as u64) as usize
    }
}

#[test]
fn every_corpus_text_cut_at_50_points_converts_or_is_refused_without_panic() {
    let dir = shared_file("corpus/texts");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"));
    files.sort();
    assert!(files.len() >= 31);
    let mut cuts = Cuts(0x5eed_1234_abcd_ef01);
    let mut converted = 0;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for _ in 0..50 {
            // Cut anywhere, even inside a UTF-8 sequence: the reader must say so, not panic.
            let at = cuts.next(bytes.len());
            let piece = &bytes[..at];
            let result = std::panic::catch_unwind(|| convert(piece, &ConvertOptions::default()));
            match result {
                Ok(Ok(c)) => {
                    converted += 1;
                    // The outputs of a piece are well-formed too.
                    let mut out = Vec::new();
                    unlod::export::write(
                        &c.resolution,
                        unlod::export::OutputFormat::Akn,
                        &Default::default(),
                        &mut out,
                    )
                    .unwrap();
                    assert!(quick_xml::Reader::from_reader(out.as_slice()).read_event().is_ok());
                }
                Ok(Err(e)) => assert!(e.line().is_some() || e.path().is_some() || !e.message().is_empty()),
                Err(_) => panic!("{} cut at byte {at} panics", f.display()),
            }
        }
    }
    assert!(converted > files.len() * 20, "only {converted} pieces converted");
}
