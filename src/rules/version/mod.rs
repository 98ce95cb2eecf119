//! Rules of this family (one rule per file).

use super::Rule;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![]
}
