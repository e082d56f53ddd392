//! Import: documents that are already structured, read into the model.

pub mod akn;
