//! Placeholder: replaced by the family that owns this parser.

use crate::source::SourceFile;

#[derive(Debug, Default)]
pub struct Markdown {}

pub fn parse(_source: &SourceFile) -> Markdown {
    Markdown {}
}
