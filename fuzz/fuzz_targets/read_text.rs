//! Any bytes as Markdown or plain text: no panic; a converted document's Turtle parses,
//! its AKN is well-formed XML, and converting twice gives the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unlod::export::{OutputFormat, write};
use unlod::{ConvertOptions, Format, convert};

fuzz_target!(|data: &[u8]| {
    for from in [Format::Markdown, Format::Text] {
        let opts = ConvertOptions { from: Some(from), lossy: true };
        let Ok(c) = convert(data, &opts) else { continue };
        let mut ttl = Vec::new();
        write(&c.resolution, OutputFormat::Turtle, &Default::default(), &mut ttl).expect("writes to memory");
        for t in oxttl::TurtleParser::new().for_slice(&ttl) {
            if let Err(e) = t {
                panic!("invalid Turtle: {e}\n{}", String::from_utf8_lossy(&ttl));
            }
        }
        let mut akn = Vec::new();
        write(&c.resolution, OutputFormat::Akn, &Default::default(), &mut akn).expect("writes to memory");
        let mut r = quick_xml::Reader::from_reader(akn.as_slice());
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => buf.clear(),
                Err(e) => panic!("invalid XML: {e}"),
            }
        }
        let again = convert(data, &opts).expect("converts the same way twice");
        assert_eq!(again.resolution, c.resolution, "not deterministic");
    }
});
