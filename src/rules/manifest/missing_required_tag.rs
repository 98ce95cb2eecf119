use super::tags;
use crate::diagnostic::{Finding, Severity};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MissingRequiredTag;

static META: RuleMeta = RuleMeta {
    id: "manifest/missing-required-tag",
    severity: Severity::Warning,
    summary: "no `Supported OS::`, `Category::` or `Offering::` classifier tag",
    explanation: "\
The integrations page filters by operating system, category and offering; a tile without a
`Supported OS::`, a `Category::` or an `Offering::` tag does not appear under any of those filters
(ddev also derives the CI platforms from `Supported OS::`). In a Marketplace repository a missing
`Offering::` tag decides how the listing is sold and is reported as an error by
`manifest/marketplace-offering` instead.

Bad:   \"classifier_tags\": [\"Category::Metrics\"]
Good:  \"classifier_tags\": [\"Category::Metrics\", \"Offering::Integration\", \"Supported OS::Linux\"]",
    ..RuleMeta::DEFAULT
};

const REQUIRED: &[(&str, &str)] = &[
    ("Supported OS", "Supported OS::Linux"),
    ("Category", "Category::Metrics"),
    ("Offering", "Offering::Integration"),
];

impl Rule for MissingRequiredTag {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        // Without a classifier_tags array, `manifest/schema` reports the missing key.
        let Some(span) = tags::missing_tag_span(root) else {
            return;
        };
        for (key, example) in REQUIRED {
            if tags::has_key(root, key) {
                continue;
            }
            if *key == "Offering" && ctx.kind() == RepoKind::Marketplace {
                // manifest/marketplace-offering reports it, as an error, with the listing rules.
                continue;
            }
            let f = Finding::at(
                source,
                span,
                format!("`tile.classifier_tags` has no `{key}::` tag"),
            )
            .label(format!("no {key}:: tag"))
            .help(format!("add a `{key}::` tag, e.g. `{example}`"));
            out.push(f);
        }
    }
}
