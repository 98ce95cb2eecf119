//! Repository layout rules.

use super::Rule;

mod manifest_only;
mod missing_manifest;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &missing_manifest::MissingManifest,
        &manifest_only::ManifestOnly,
    ]
}
