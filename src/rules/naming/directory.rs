use crate::diagnostic::{Finding, Location};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Directory;

static META: RuleMeta = RuleMeta {
    id: "naming/directory",
    summary: "the integration directory name is not lowercase `[a-z0-9]` words joined by `_`",
    explanation: "\
The directory name is the check name: it becomes the Python package `datadog_checks/<name>`,
the `datadog-<name>` project, CI job names and URL paths. `ddev create` derives it by lowercasing
the display name and joining its words with `_`. Uppercase letters, spaces, dots or empty words
break those uses. Extras and core also accept `-` between words (6 extras tiles use it). In a
Marketplace repository `naming/partner-integration` checks the stricter `<partner>_<integration>`
shape instead.

Bad:   Acme.Cloud/      acme__cloud/      acme_/
Good:  acme_cloud/",
    kinds: crate::rules::EXTRAS_CORE,
    ..RuleMeta::DEFAULT
};

/// Whether `name` is `[a-z0-9]` words joined by one of `seps`.
pub fn valid_name(name: &str, seps: &[char]) -> bool {
    !name.is_empty()
        && name.split(|c| seps.contains(&c)).all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// What `ddev create` would have made of the name.
fn suggestion(name: &str, sep: char) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(sep) {
            out.push(sep);
        }
    }
    out.trim_end_matches(sep).to_string()
}

impl Rule for Directory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let name = ctx.name();
        let seps: &[char] = if ctx.kind() == RepoKind::Marketplace {
            &['_']
        } else {
            &['_', '-']
        };
        if valid_name(name, seps) {
            return;
        }
        let what = if ctx.kind() == RepoKind::Marketplace {
            "lowercase `[a-z0-9]` words joined by `_`"
        } else {
            "lowercase `[a-z0-9]` words joined by `_` or `-`"
        };
        let fixed = suggestion(name, '_');
        out.push(
            Finding::new(
                Location::path_only(name),
                format!("directory name `{name}` is not {what}"),
            )
            .help(if fixed.is_empty() || fixed == name {
                format!("rename the directory to {what}")
            } else {
                format!("rename the directory to `{fixed}`")
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn names() {
        use super::valid_name;
        assert!(valid_name("1e", &['_']));
        assert!(valid_name("acme_cloud", &['_']));
        assert!(!valid_name("acme-cloud", &['_']));
        assert!(valid_name("acme-cloud", &['_', '-']));
        assert!(!valid_name("acme__cloud", &['_']));
        assert!(!valid_name("Acme", &['_']));
        assert!(!valid_name("_acme", &['_']));
        assert_eq!(super::suggestion("Acme.Cloud", '_'), "acme_cloud");
    }
}
