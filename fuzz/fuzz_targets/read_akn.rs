//! Any bytes as Akoma Ntoso: no panic, in bounded time; an imported document's outputs are
//! well-formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unlod::export::{OutputFormat, write};
use unlod::{ConvertOptions, Format, convert};

fuzz_target!(|data: &[u8]| {
    let opts = ConvertOptions { from: Some(Format::Akn), lossy: true };
    let Ok(c) = convert(data, &opts) else { return };
    let mut ttl = Vec::new();
    write(&c.resolution, OutputFormat::Turtle, &Default::default(), &mut ttl).expect("writes to memory");
    for t in oxttl::TurtleParser::new().for_slice(&ttl) {
        if let Err(e) = t {
            panic!("invalid Turtle: {e}");
        }
    }
    let mut akn = Vec::new();
    write(&c.resolution, OutputFormat::Akn, &Default::default(), &mut akn).expect("writes to memory");
});
