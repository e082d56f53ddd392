//! Hostile inputs: each ends with a result or a clear error, within bounded time and
//! memory, never a panic, a hang or an abort. One line each where they are small.

use crate::util::{TempDir, seed_path, unlod};
use std::process::Command;
use std::time::{Duration, Instant};
use unlod::{ConvertOptions, ErrorKind, convert};

fn convert_bytes(bytes: &[u8]) -> Result<unlod::Converted, unlod::Error> {
    convert(bytes, &ConvertOptions::default())
}

/// Bytes from a fixed seed, so that every run sees the same "random" input.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn ten_megabytes_of_random_bytes_are_binary() {
    let e = convert_bytes(&random_bytes(10 << 20)).expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::Binary, "{e}");
}

#[test]
fn invalid_utf8_in_a_valid_resolution_is_refused_with_its_line_or_replaced_when_lossy() {
    let mut bytes = std::fs::read(seed_path()).unwrap();
    let at = bytes.windows(9).position(|w| w == b"Reiterati").unwrap();
    bytes.splice(at..at, [0xC3, 0x28, 0xFF]);
    let e = convert_bytes(&bytes).expect_err("refused by default");
    assert_eq!(e.kind(), ErrorKind::Encoding);
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    assert_eq!(e.line(), Some(line), "{e}");
    let c =
        convert(&bytes, &ConvertOptions { lossy: true, ..ConvertOptions::default() }).expect("converted when lossy");
    assert!(c.warnings.iter().any(|w| w.message.contains("invalid UTF-8") && w.line == Some(line)), "{:?}", c.warnings);
    assert_eq!(c.resolution.counts().preambular, 0);
    assert!(c.resolution.operative().first().is_some_and(|p| !p.embedded.is_empty()));
}

#[test]
fn utf16_with_bom_reads_as_utf8_does() {
    let text = std::fs::read_to_string(seed_path()).unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let want = convert_bytes(text.as_bytes()).unwrap().resolution;
    for bytes in [le, be] {
        let got = convert_bytes(&bytes).unwrap().resolution;
        assert_eq!(got.counts(), want.counts());
        assert_eq!(got.meta.symbol, want.meta.symbol);
        assert_eq!(got.footnotes.len(), want.footnotes.len());
    }
}

#[test]
fn ten_thousand_alternating_labels_nest_no_deeper_than_the_limit() {
    let mut md = String::from("*The General Assembly*,\n\n1. *Decides*:\n\n");
    for i in 0..10_000 {
        let label = ["(a)", "(i)", "(1)", "-"][i % 4];
        md.push_str(&format!("{label} item {i};\n\n"));
    }
    let res = convert_bytes(md.as_bytes()).unwrap().resolution;
    fn depth(p: &[unlod::model::Point]) -> usize {
        p.iter().map(|p| 1 + depth(&p.points)).max().unwrap_or(0)
    }
    let d = res.operative().iter().map(|c| depth(&c.points)).max().unwrap_or(0);
    assert!((1..=unlod::structure::MAX_POINT_DEPTH).contains(&d), "depth {d}");
    assert_eq!(res.counts().subparagraphs, 10_000);
}

#[test]
fn a_line_of_ten_million_characters_converts() {
    let mut md = String::from("*The General Assembly*,\n\n1. *Decides* ");
    md.push_str(&"that the ".repeat(1_111_112));
    md.push_str("end.\n");
    let res = convert_bytes(md.as_bytes()).unwrap().resolution;
    assert!(res.operative()[0].text.text.len() > 10_000_000);
}

/// Peak resident memory (KiB) and wall time of the unlod binary on `args`, measured by
/// GNU time.
fn measured(dir: &std::path::Path, args: &[&str]) -> (u64, Duration, std::process::Output) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_unlod"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("GNU time (Debian: apt-get install time; scripts/test.sh installs it)");
    let err = String::from_utf8_lossy(&out.stderr);
    let kib = err.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(u64::MAX);
    (kib, start.elapsed(), out)
}

#[test]
fn a_hundred_megabyte_resolution_converts_in_memory_proportional_to_its_size() {
    let dir = TempDir::new("hundred-mb");
    let para = "*Urges* Member States to consider becoming parties to the existing international conventions and protocols related to terrorism, and requests the United Nations Office on Drugs and Crime to continue to provide technical assistance;<sup>1</sup>\n\n";
    let mut md = String::with_capacity(101 << 20);
    md.push_str("*The General Assembly*,\n\n*Recalling* its resolution 65/232,\n\n");
    let mut n = 0;
    while md.len() < 100_000_000 {
        n += 1;
        md.push_str(&format!("{n}. {para}"));
    }
    md.push_str("*48th plenary meeting  \n28 July 2011*\n\n---\n\n<sup>1</sup> General Assembly resolution 60/288.\n");
    std::fs::write(dir.path().join("big.md"), &md).unwrap();
    drop(md);
    let (kib, _, out) = measured(dir.path(), &["convert", "-q", "-f", "akn", "-o", "out", "big.md"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Proportional: a bounded multiple of the 100 MB input (the source, its blocks, the
    // model and the output buffer are alive together).
    assert!(kib < 30 * 100 * 1024, "peak {kib} KiB");
    let akn = std::fs::read(dir.path().join("out/big.akn.xml")).unwrap();
    assert!(akn.len() > 100_000_000);
    assert!(String::from_utf8_lossy(&akn[akn.len() - 200..]).contains("</akomaNtoso>"));
    // The AKN importer reads that file back in a small multiple of its size too.
    let size_kib = akn.len() as u64 / 1024;
    drop(akn);
    let (kib, _, out) = measured(dir.path(), &["convert", "-q", "-f", "json", "-o", "back", "out/big.akn.xml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    eprintln!("reading {size_kib} KiB of AKN back: peak {kib} KiB");
    assert!(kib < 12 * size_kib, "peak {kib} KiB for {size_kib} KiB of AKN");
    let json = std::fs::read(dir.path().join("back/big.json")).unwrap();
    assert!(json.len() > 100_000_000);
}

#[test]
fn a_batch_of_a_thousand_files_with_one_bad_converts_the_others_and_fail_fast_stops() {
    let dir = TempDir::new("thousand");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let seed = std::fs::read(seed_path()).unwrap();
    for i in 0..1000 {
        let bytes: &[u8] = if i == 500 { b"not a resolution at all" } else { &seed };
        std::fs::write(input.join(format!("r{i:04}.md")), bytes).unwrap();
    }
    let o = unlod(dir.path(), &["convert", "-q", "-f", "akn", "-o", "out", "in"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("999 converted, 1 failed, 0 skipped"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path().join("out")).unwrap().count(), 999);
    let o = unlod(dir.path(), &["convert", "-q", "-j", "1", "--fail-fast", "-f", "akn", "-o", "out2", "in"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("in/r0500.md"), "{err}");
    let done = std::fs::read_dir(dir.path().join("out2")).unwrap().count();
    assert!(done < 999, "--fail-fast went on: {done} written");
    assert!(err.contains(&format!("{done} converted, 1 failed, {} skipped", 999 - done)), "{err}");
}

#[test]
fn a_kill_in_mid_write_leaves_no_partial_output() {
    let dir = TempDir::new("kill");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // Large enough that writing takes a while: kill during it, many times over.
    let mut md = String::from("*The General Assembly*,\n\n*Recalling* its resolution 65/232,\n\n");
    for n in 1..=60_000 {
        md.push_str(&format!(
            "{n}. *Requests* the Secretary-General to report on the implementation of the present resolution;\n\n"
        ));
    }
    md.push_str("*48th plenary meeting  \n28 July 2011*\n");
    for i in 0..4 {
        std::fs::write(input.join(format!("big{i}.md")), &md).unwrap();
    }
    for delay_ms in [150, 300, 500, 800] {
        let out = dir.path().join(format!("out{delay_ms}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_unlod"))
            .args(["convert", "-q", "-j", "1", "-o"])
            .arg(&out)
            .arg(&input)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let Ok(rd) = std::fs::read_dir(&out) else { continue };
        for e in rd {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with('.') && name.ends_with(".tmp") {
                continue; // a temporary file: never read as an output
            }
            let bytes = std::fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            if name.ends_with(".akn.xml") {
                assert!(text.trim_end().ends_with("</akomaNtoso>"), "{name} is partial");
            } else if name.ends_with(".ttl") {
                assert!(text.trim_end().ends_with(" ."), "{name} is partial");
            } else {
                panic!("unexpected output {name}");
            }
        }
    }
}

#[test]
fn an_output_directory_that_cannot_be_written_fails_each_file_cleanly() {
    let dir = TempDir::new("readonly");
    std::fs::write(dir.path().join("out"), b"a file where a directory is expected").unwrap();
    let o = unlod(dir.path(), &["convert", "-o", "out", seed_path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
}
