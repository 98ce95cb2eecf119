//! Parsers: each turns one file's text into a typed model with spans, once.

pub mod about;
pub mod changelog;
pub mod codeowners;
pub mod csv;
pub mod json;
mod lines;
pub mod markdown;
