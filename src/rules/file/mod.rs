//! Files that cannot be read or decoded. The loader records these problems while reading each
//! file once; these rules turn them into diagnostics so they can be selected and ignored.

use super::{Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

mod bom;
mod invalid_utf8;
mod too_large;
mod unreadable;

/// A rule that reports the loader's problems of one kind.
pub struct FileProblemRule(&'static RuleMeta);

impl Rule for FileProblemRule {
    fn meta(&self) -> &'static RuleMeta {
        self.0
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for p in ctx
            .integration
            .problems
            .iter()
            .filter(|p| p.rule == self.0.id)
        {
            out.push(Finding::new(p.location.clone(), p.message.clone()).help(p.help.clone()));
        }
    }
}

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &unreadable::RULE,
        &invalid_utf8::RULE,
        &too_large::RULE,
        &bom::RULE,
    ]
}
