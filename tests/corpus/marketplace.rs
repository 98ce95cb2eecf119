//! Corpus assertions of this family.

#[allow(unused_imports)]
use super::*;
