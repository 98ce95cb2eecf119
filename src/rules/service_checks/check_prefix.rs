use crate::diagnostic::Finding;
use crate::diagnostic::Severity;
use crate::rules::metadata::{metric_prefix, ALLOWED_PREFIXES};
use crate::rules::service_checks::values;
use crate::rules::{Context, Rule, RuleMeta};

pub struct CheckPrefix;

static META: RuleMeta = RuleMeta {
    id: "service-checks/check-prefix",
    severity: Severity::Warning,
    summary: "a service check name does not start with the integration's metric prefix or name",
    explanation: "\
Service checks are named like metrics: `<prefix>.<what>`, with the integration's metric prefix
or name, so that they are found next to its metrics and cannot collide with another
integration's. A service check named after another integration is usually a copy-paste leftover.
Names starting with the integration's vendor word (the first word of its directory name) or a
shared prefix such as `system.` are accepted.

Bad:   integration `acme_cache`, \"check\": \"widget.can_connect\"
Good:  integration `acme_cache`, \"check\": \"acme_cache.can_connect\"",
    ..RuleMeta::DEFAULT
};

fn norm(s: &str) -> String {
    s.trim_end_matches('.')
        .to_ascii_lowercase()
        .replace('-', "_")
}

impl Rule for CheckPrefix {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, nodes)) = values(ctx, "check") else {
            return;
        };
        let dir = norm(ctx.name());
        let prefix = metric_prefix(ctx).map(|p| norm(&p));
        let vendor = dir.split('_').next().unwrap_or("").to_string();
        let mut accepted: Vec<String> = vec![dir.clone()];
        accepted.extend(prefix.clone());
        if vendor.len() >= 3 {
            accepted.push(vendor);
        }
        accepted.extend(ALLOWED_PREFIXES.iter().map(|p| p.to_string()));
        for node in nodes {
            let Some(check) = node.as_str().filter(|c| !c.is_empty()) else {
                continue;
            };
            let lower = check.to_ascii_lowercase();
            if accepted.iter().any(|a| lower.starts_with(a.as_str())) {
                continue;
            }
            let expected = prefix.clone().unwrap_or_else(|| dir.clone());
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("service check `{check}` does not start with `{expected}`"),
                )
                .help(format!(
                    "name the service check `{expected}.<what>`, e.g. `{expected}.can_connect`"
                )),
            );
        }
    }
}
