use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct ManifestAnchor;

static META: RuleMeta = RuleMeta {
    id: "readme/manifest-anchor",
    summary:
        "`tile.overview` or `tile.configuration` names a README.md section that does not exist",
    explanation: "\
The manifest's `tile.overview` and `tile.configuration` (`README.md#<Section>`) tell the
Datadog site which README.md section to show in the tile's Overview and Configuration tabs. A
section name that matches no README heading leaves the tab empty. (`tile.support` is not
checked: 181 real READMEs have no Support section, and that is accepted.)

Bad:   \"configuration\": \"README.md#Configuration\"   with README.md having only `## Setup`
Good:  \"configuration\": \"README.md#Setup\"",
    ..RuleMeta::DEFAULT
};

/// GitHub's heading slug: lowercase, punctuation dropped, spaces → `-`.
fn slug(s: &str) -> String {
    s.trim()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

impl Rule for ManifestAnchor {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(readme) = &ctx.integration.readme else {
            return;
        };
        for key in ["overview", "configuration"] {
            let Some(node) = root.pointer(&format!("/tile/{key}")) else {
                continue;
            };
            let Some(value) = node.as_str() else { continue };
            let Some((file, anchor)) = value.split_once('#') else {
                continue;
            };
            if !file.eq_ignore_ascii_case("README.md") || anchor.is_empty() {
                continue;
            }
            let anchor_dec = anchor.replace("%20", " ");
            let found = readme.doc.headings.iter().any(|h| {
                h.text.eq_ignore_ascii_case(&anchor_dec) || slug(&h.text) == slug(&anchor_dec)
            });
            if found {
                continue;
            }
            let h2: Vec<&str> = readme
                .doc
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| h.text.as_str())
                .collect();
            let guess = if key == "overview" {
                "Overview"
            } else {
                "Setup"
            };
            let help = if h2.contains(&guess) {
                format!("point it at an existing section, e.g. `README.md#{guess}`")
            } else {
                format!("add a `## {anchor_dec}` section to README.md, or point `tile.{key}` at an existing one")
            };
            let mut f = Finding::at(
                source,
                node.span,
                format!(
                    "`tile.{key}` names the README.md section `{anchor_dec}`, which does not exist"
                ),
            )
            .help(help);
            if let Some(h) = readme.doc.headings.first() {
                f = f.related(
                    Location::in_file(&readme.source, h.span),
                    "README.md starts here",
                );
            }
            out.push(f);
        }
    }
}
