use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Invalid;

static META: RuleMeta = RuleMeta {
    id: "version/invalid",
    summary: "`__version__` is not a valid SemVer 2.0.0 version",
    explanation: "\
The package version in `__about__.py` is compared with CHANGELOG.md releases and bumped by the
release tooling, which both read it as a SemVer 2.0.0 version (`MAJOR.MINOR.PATCH`, optionally
with a pre-release or build suffix). Two-part versions, a `v` prefix or leading zeros are not
SemVer.

Bad:   __version__ = 'v1.2'
Good:  __version__ = '1.2.0'",
    ..RuleMeta::DEFAULT
};

impl Rule for Invalid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(about) = &ctx.integration.about else {
            return;
        };
        let Some(v) = &about.doc.version else { return };
        if let Err(e) = semver::Version::parse(&v.value) {
            let suggestion = suggest(&v.value);
            out.push(
                Finding::at(
                    &about.source,
                    v.span,
                    format!("`__version__` `{}` is not a valid SemVer version", v.value),
                )
                .label(e.to_string())
                .help(match suggestion {
                    Some(s) => format!("write it as MAJOR.MINOR.PATCH, e.g. `{s}`"),
                    None => "write it as MAJOR.MINOR.PATCH, e.g. `1.0.0`".into(),
                }),
            );
        }
    }
}

/// A SemVer spelling of a near-miss (`v1.2` → `1.2.0`).
pub fn suggest(value: &str) -> Option<String> {
    let v = value.trim().trim_start_matches(['v', 'V']);
    let parts: Vec<&str> = v.split('.').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != parts.len() {
        return None;
    }
    let get = |i: usize| nums.get(i).copied().unwrap_or(0);
    Some(format!("{}.{}.{}", get(0), get(1), get(2)))
}
