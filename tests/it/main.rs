//! The integration tests: one binary (linking is slow on two cores), a module per subject.
//! `tests/README.md` says what each exercises.

// Test code: a failed expectation is a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::print_stderr
)]

mod akn_import;
mod cli;
mod competency;
pub mod corpus;
mod hostile;
mod links;
mod load;
mod lost;
mod ontology;
mod props;
mod query;
mod readers;
mod robust;
mod seed;
mod seed_akn;
mod seed_rdf;
mod servers;
mod twins;
mod util;
mod words;
