//! Rules of this family (one rule per file): `.github/CODEOWNERS`, read once by the runner.

use super::Rule;

mod logs_owner;
mod missing_entry;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&missing_entry::MissingEntry, &logs_owner::LogsOwner]
}
