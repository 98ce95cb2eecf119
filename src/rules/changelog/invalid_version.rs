use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidVersion;

static META: RuleMeta = RuleMeta {
    id: "changelog/invalid-version",
    summary: "a CHANGELOG.md release version is not SemVer",
    explanation: "\
Release versions are compared with `__about__.py` and with each other as SemVer 2.0.0 versions
(`MAJOR.MINOR.PATCH`). A two-part version or one with leading zeros cannot be ordered or matched.

Bad:   ## 1.2 / 2024-05-10
Good:  ## 1.2.0 / 2024-05-10",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        for r in &c.doc.releases {
            if r.version.is_some() || !r.well_formed {
                continue;
            }
            let err = semver::Version::parse(&r.version_text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            let fix = crate::rules::version::suggest_version(&r.version_text)
                .unwrap_or_else(|| "1.0.0".into());
            out.push(
                Finding::at(
                    &c.source,
                    r.version_span,
                    format!(
                        "release version `{}` is not a valid SemVer version",
                        r.version_text
                    ),
                )
                .label(err)
                .help(format!("write it as MAJOR.MINOR.PATCH, e.g. `{fix}`")),
            );
        }
    }
}
