use crate::diagnostic::{Finding, Severity};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MetricPrefixMismatch;

static META: RuleMeta = RuleMeta {
    id: "naming/metric-prefix-mismatch",
    severity: Severity::Warning,
    summary: "`metrics.prefix` does not start with the integration's name",
    explanation: "\
Metric names are global in a Datadog account; starting them with the integration's name keeps
them apart from every other integration's metrics and tells users where a metric comes from.
The prefix's first part must start with the directory name or one of its words (compared
lowercase, ignoring `_`, `-` and `.`), the initials of its first words, or the partner's
`author.vendor_id` or `author.name`; in the Marketplace the directory is
`<partner>_<integration>`, so the partner or the integration name. Prefixes that are
abbreviations or another product's name are reported as a warning: they cannot change once
metrics are published.

Bad:   directory redis_cloud,     \"prefix\": \"rdsc.\"
Good:  directory redis_cloud,     \"prefix\": \"redis_cloud.\"  (or \"redis.\")",
    ..RuleMeta::DEFAULT
};

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the prefix is related to the directory name or to one of the partner's names
/// (`author.vendor_id`, `author.name`).
pub fn prefix_matches_any(dir: &str, partner: &[&str], prefix: &str) -> bool {
    if prefix_matches(dir, prefix) {
        return true;
    }
    let head = norm(prefix.split('.').next().unwrap_or(""));
    if head.is_empty() {
        return false;
    }
    // The initials of the directory's first words (`crest_data_systems_x` → `cds`).
    let words: Vec<String> = dir
        .split(['_', '-'])
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect();
    for k in 2..=words.len().min(4) {
        let initials: String = words[..k].iter().filter_map(|w| w.chars().next()).collect();
        if head == initials {
            return true;
        }
    }
    partner.iter().any(|p| {
        let n = norm(p);
        n.len() >= 2 && head.starts_with(&n)
            || p.split([' ', '-', '_', '.', ','])
                .map(norm)
                .filter(|w| w.len() >= 3 && !matches!(w.as_str(), "inc" | "llc" | "ltd" | "the"))
                .any(|w| head.starts_with(&w))
    })
}

/// Whether the prefix is related to the directory name.
pub fn prefix_matches(dir: &str, prefix: &str) -> bool {
    let head = norm(prefix.split('.').next().unwrap_or(""));
    let whole = norm(prefix);
    let d = norm(dir);
    if head.is_empty() {
        return whole.starts_with(&d);
    }
    if head.starts_with(&d) || d.starts_with(&head) && head.len() >= 3 {
        return true;
    }
    dir.split(['_', '-'])
        .map(norm)
        .filter(|w| w.len() >= 2)
        .any(|w| head.starts_with(&w))
}

impl Rule for MetricPrefixMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.pointer("/assets/integration/metrics/prefix") else {
            return;
        };
        let Some(prefix) = node.as_str() else { return };
        let partner: Vec<&str> = ["/author/vendor_id", "/author/name"]
            .iter()
            .filter_map(|p| root.pointer(p).and_then(|n| n.as_str()))
            .collect();
        if prefix.trim().is_empty() || prefix_matches_any(ctx.name(), &partner, prefix) {
            return;
        }
        let name = ctx.name();
        let want = if ctx.kind() == RepoKind::Marketplace {
            "the partner or the integration name"
        } else {
            "the integration's name"
        };
        out.push(
            Finding::at(
                source,
                node.span,
                format!("metric prefix `{prefix}` does not start with {want} (`{name}`)"),
            )
            .help(format!(
                "use a prefix such as `{}.` for new integrations; a published prefix cannot change",
                name.replace('-', "_")
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefixes() {
        use super::prefix_matches as m;
        assert!(m("agora_analytics", "agora."));
        assert!(m("acme", "acme.requests."));
        assert!(m("apache-apisix", "apisix."));
        assert!(m("rapdev_sophos", "rapdev.sophos."));
        assert!(m("rapdev_sophos", "sophos."));
        assert!(!m("redis_cloud", "rdsc"));
        assert!(!m("ping", "network."));
        assert!(m("cockroach", "cockroachdb."));
        use super::prefix_matches_any as a;
        assert!(a("crest_data_systems_pfsense", &[], "cds.pfsense"));
        assert!(a(
            "iocs_dsi",
            &["ioconnect", "IO Connect Services"],
            "ioconnect.stripe"
        ));
        assert!(!a(
            "bigpanda_saas",
            &["bigpanda"],
            "datadog.marketplace.bigpanda."
        ));
    }
}
