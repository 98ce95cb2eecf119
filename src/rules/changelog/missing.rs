use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Missing;

static META: RuleMeta = RuleMeta {
    id: "changelog/missing",
    summary: "an integration with a Python check or a `tile.changelog` has no CHANGELOG.md",
    explanation: "\
CHANGELOG.md is the tile's Release Notes tab (`tile.changelog` points at it) and the record of
every released version of a Python check. An integration that ships a check, or whose manifest
names a changelog, must have the file.

Bad:   manifest.json has \"changelog\": \"CHANGELOG.md\" but the file does not exist
Good:  CHANGELOG.md starts with  # CHANGELOG - Acme  and lists  ## 1.0.0 / 2024-01-15",
    ..RuleMeta::DEFAULT
};

impl Rule for Missing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        if m.tree.exists("CHANGELOG.md") || ctx.manifest_only() {
            return;
        }
        let declared = ctx.manifest().and_then(|(source, root)| {
            let node = root.pointer("/tile/changelog")?;
            let rel = node.as_str()?;
            Some((source, node.span, rel.to_string()))
        });
        // A manifest that names another existing file is the manifest family's business.
        if let Some((_, _, rel)) = &declared {
            let norm = crate::model::normalize_rel(rel).unwrap_or_default();
            if norm != "CHANGELOG.md" && m.tree.exists(&norm) && !m.is_python_package() {
                return;
            }
        }
        if !m.is_python_package() && declared.is_none() {
            return;
        }
        let why = if m.is_python_package() {
            "the integration has a Python check but no CHANGELOG.md"
        } else {
            "the manifest's `tile.changelog` names CHANGELOG.md but the file does not exist"
        };
        let mut f = Finding::new(Location::path_only(m.repo_path("CHANGELOG.md")), why).help(
            format!(
                "create CHANGELOG.md starting with `# CHANGELOG - {}` and a `## 1.0.0 / YYYY-MM-DD` release",
                ctx.display_name()
            ),
        );
        if let Some((source, span, _)) = declared {
            f = f.related(
                Location::in_file(source, span),
                "the manifest names the changelog here",
            );
        }
        out.push(f);
    }
}
