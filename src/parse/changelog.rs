//! Placeholder: replaced by the family that owns this parser.

use crate::source::SourceFile;

#[derive(Debug, Default)]
pub struct Changelog {}

pub fn parse(_source: &SourceFile) -> Changelog {
    Changelog {}
}
