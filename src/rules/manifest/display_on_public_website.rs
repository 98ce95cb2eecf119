use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct DisplayOnPublicWebsite;

static META: RuleMeta = RuleMeta {
    id: "manifest/display-on-public-website",
    severity: crate::diagnostic::Severity::Warning,
    summary: "`display_on_public_website` is false",
    explanation: "\
With `display_on_public_website: false` the integration is not listed on the public integrations
page or in the documentation. That is right while an integration is being prepared, and usually
a leftover afterwards; ddev warns about it. Once set to true it should never go back to false.

Bad:   \"display_on_public_website\": false
Good:  \"display_on_public_website\": true",
    ..RuleMeta::DEFAULT
};

impl Rule for DisplayOnPublicWebsite {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.get("display_on_public_website") else {
            return;
        };
        if node.as_bool() == Some(false) {
            out.push(
                Finding::at(
                    source,
                    node.span,
                    "`display_on_public_website` is false: the integration is not listed publicly",
                )
                .label("hidden from the public website")
                .help("set it to `true` when the integration is ready to be published"),
            );
        }
    }
}
