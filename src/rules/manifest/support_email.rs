use crate::diagnostic::Finding;
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct SupportEmail;

static META: RuleMeta = RuleMeta {
    id: "manifest/support-email",
    summary: "`author.support_email` is not a valid email address (core: not help@datadoghq.com)",
    explanation: "\
`author.support_email` is where Datadog and customers send support requests for the integration;
it must be a plain, valid ASCII email address (no `mailto:`, no display name, no spaces). In
integrations-core every integration is supported by Datadog, so it must be `help@datadoghq.com`
(ddev's maintainer check).

Bad:   \"support_email\": \"mailto:Support <support@acme.example.com>\"
Good:  \"support_email\": \"support@acme.example.com\"",
    ..RuleMeta::DEFAULT
};

const CORE_EMAIL: &str = "help@datadoghq.com";

/// A pragmatic email check: one `@`, a non-empty local part and a dotted domain, ASCII, no
/// spaces or characters that cannot appear unquoted.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

impl Rule for SupportEmail {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.pointer("/author/support_email") else {
            return;
        };
        let Some(email) = node.as_str() else { return };
        if ctx.kind() == RepoKind::Core {
            if email != CORE_EMAIL {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("`author.support_email` is `{email}`, integrations-core requires `{CORE_EMAIL}`"),
                    )
                    .label(format!("expected {CORE_EMAIL}"))
                    .help(format!("set `\"support_email\": \"{CORE_EMAIL}\"`")),
                );
            }
            return;
        }
        if !is_email(email) {
            let trimmed = email.trim().trim_start_matches("mailto:");
            let help = if trimmed != email && is_email(trimmed) {
                format!("write just the address: `{trimmed}`")
            } else {
                "write a plain address such as `support@example.com`".to_string()
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`author.support_email` `{email}` is not a valid email address"),
                )
                .label("not an email address")
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn emails() {
        for ok in [
            "help@datadoghq.com",
            "a.b+c@x-y.example.io",
            "support@1e.com",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "a @b.com",
            "mailto:a@b.com",
            "a@@b.com",
            "a@b..com",
            "é@b.com",
            "a@b.c",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
