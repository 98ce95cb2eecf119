//! Repository-wide rules: values that must be unique across integrations.

use super::{RepoContext, Rule, RuleMeta};
use crate::diagnostic::{Finding, Location};
use std::collections::BTreeMap;

mod ddev_config;
mod duplicate_app_id;
mod duplicate_app_uuid;
mod duplicate_metric_prefix;
mod duplicate_source_type_id;
mod duplicate_source_type_name;

/// Reports every integration whose manifest value at `pointer` was already used by another.
pub struct DuplicateValue {
    pub meta: &'static RuleMeta,
    pub pointer: &'static str,
    pub what: &'static str,
    /// Compare case-insensitively (display names).
    pub ignore_case: bool,
}

impl Rule for DuplicateValue {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }
    fn check_repo(&self, ctx: &RepoContext, out: &mut Vec<Finding>) {
        let mut first: BTreeMap<String, (&str, Location)> = BTreeMap::new();
        for facts in ctx.integrations {
            let (Some(fact), Some(source)) = (facts.get(self.pointer), facts.manifest.as_ref())
            else {
                continue;
            };
            if fact.value.is_empty() {
                continue;
            }
            let key = if self.ignore_case {
                fact.value.to_lowercase()
            } else {
                fact.value.clone()
            };
            let here = Location::in_file(source, fact.span);
            match first.get(&key) {
                Some((other, there)) => {
                    let mut f = Finding::new(
                        here,
                        format!("{} `{}` is also used by `{}`", self.what, fact.value, other),
                    )
                    .help(format!("give `{}` a {} of its own", facts.name, self.what))
                    .related(there.clone(), format!("`{other}` uses it here"));
                    f.label = Some("duplicated here".into());
                    f.integration = Some(facts.name.clone());
                    out.push(f);
                }
                None => {
                    first.insert(key, (facts.name.as_str(), here));
                }
            }
        }
    }
}

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &ddev_config::DdevConfigRule,
        &duplicate_app_id::RULE,
        &duplicate_app_uuid::RULE,
        &duplicate_source_type_id::RULE,
        &duplicate_source_type_name::RULE,
        &duplicate_metric_prefix::RULE,
    ]
}
