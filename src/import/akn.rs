//! Akoma Ntoso (AKN4UN) XML into the model.

use crate::error::{Error, ErrorKind, Warning};
use crate::model::Resolution;

/// A document read from AKN, and the problems met.
pub struct Imported {
    /// The model.
    pub resolution: Resolution,
    /// Problems that did not stop the import.
    pub warnings: Vec<Warning>,
}

/// Reads an AKN document.
pub fn read(_xml: &str) -> Result<Imported, Error> {
    Err(Error::new(ErrorKind::Xml, "expected Markdown or plain text; reading Akoma Ntoso input is not supported yet")
        .with_line(1))
}
