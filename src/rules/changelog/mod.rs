//! Rules of this family (one rule per file): CHANGELOG.md, read through
//! [`crate::parse::changelog`].

use super::Rule;
use crate::diagnostic::Finding;
use crate::model::Parsed;
use crate::parse::changelog::{Changelog, ProblemKind};

mod duplicate_version;
mod empty_release;
mod heading_format;
mod invalid_date;
mod invalid_version;
mod missing;
mod missing_date;
mod no_release;
mod order;
mod title;
mod unknown_section;

/// Report every parser problem of one kind.
pub fn report_problems(changelog: &Parsed<Changelog>, kind: ProblemKind, out: &mut Vec<Finding>) {
    for p in changelog.doc.problems.iter().filter(|p| p.kind == kind) {
        out.push(Finding::at(&changelog.source, p.span, p.message.clone()).help(p.help.clone()));
    }
}

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &missing::Missing,
        &title::Title,
        &heading_format::HeadingFormat,
        &missing_date::MissingDate,
        &invalid_version::InvalidVersion,
        &invalid_date::InvalidDate,
        &duplicate_version::DuplicateVersion,
        &order::Order,
        &unknown_section::UnknownSection,
        &empty_release::EmptyRelease,
        &no_release::NoRelease,
    ]
}
