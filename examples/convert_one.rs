//! Converting one resolution with the library: the model, then Turtle and Akoma Ntoso.
//!
//! ```text
//! cargo run --example convert_one -- examples/ecosoc-2011-31.md
//! ```

use std::io::Write;
use unlod::export::{ExportOptions, OutputFormat, write};
use unlod::{ConvertOptions, convert};

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/ecosoc-2011-31.md".to_string());
    let bytes = std::fs::read(&path)?;
    let converted =
        convert(&bytes, &ConvertOptions::default()).map_err(|e| anyhow::anyhow!("{}", e.with_path(&path)))?;
    let res = &converted.resolution;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} — {}",
        path,
        res.meta.symbol.as_deref().unwrap_or("?"),
        res.meta.title.as_deref().unwrap_or("")
    )?;
    let c = res.counts();
    writeln!(
        out,
        "{} preambular, {} operative paragraphs, {} footnotes",
        c.preambular,
        c.operative_numbered + c.operative_unnumbered,
        res.footnotes.len()
    )?;
    for w in &converted.warnings {
        writeln!(out, "{w}")?;
    }
    let opts = ExportOptions { base: "https://data.example.org".to_string(), ..ExportOptions::default() };
    write(res, OutputFormat::Turtle, &opts, &mut out)?;
    write(res, OutputFormat::Akn, &opts, &mut out)?;
    Ok(())
}
