use crate::diagnostic::{Finding, Location};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct RequiredSection;

static META: RuleMeta = RuleMeta {
    id: "readme/required-section",
    summary: "README.md lacks a non-empty `## Overview` or `## Setup` (marketplace: also `## Support`, `## Uninstallation`)",
    explanation: "\
The tile's Overview and Setup tabs are cut from README.md's `## Overview` and `## Setup`
sections, so `ddev validate readmes` requires both H2 headings, spelled exactly, each followed
by content (a `###` sub-heading counts) before the next `##`. Marketplace listings also need
`## Support` and `## Uninstallation`, and the Uninstallation section may not contain images.

Bad:   ## Overview
       ## Setup
       ### Installation …            (Overview is empty)
Good:  ## Overview
       Acme monitors …
       ## Setup
       ### Installation …",
    ..RuleMeta::DEFAULT
};

impl Rule for RequiredSection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(readme) = &ctx.integration.readme else {
            return;
        };
        let doc = &readme.doc;
        let source = &readme.source;
        let marketplace = ctx.kind() == RepoKind::Marketplace;
        let required: &[&str] = if marketplace {
            &["Overview", "Setup", "Support", "Uninstallation"]
        } else {
            &["Overview", "Setup"]
        };
        // Where a missing section is reported: the title, else the first line.
        let top = doc
            .headings
            .first()
            .filter(|h| h.level == 1)
            .map(|h| h.span)
            .unwrap_or_else(|| {
                let first = source.line_span(0);
                Span::new(first.start, first.end)
            });
        for name in required {
            match doc.heading(2, name) {
                None => {
                    // A heading spelled differently is the likely culprit.
                    let near = doc.headings.iter().find(|h| {
                        h.text
                            .trim_matches(['*', '_', ':', ' '])
                            .replace(' ', "")
                            .eq_ignore_ascii_case(name)
                    });
                    let mut f = Finding::at(
                        source,
                        near.map(|h| h.span).unwrap_or(top),
                        format!("README.md has no `## {name}` section"),
                    )
                    .help(format!("add a `## {name}` section (an H2 spelled exactly `{name}`) with its content"));
                    if let Some(h) = near {
                        f = f.label(format!("`{}` is not `## {name}`", source.slice(h.span)));
                    }
                    out.push(f);
                }
                Some(h) if h.empty => out.push(
                    Finding::at(
                        source,
                        h.span,
                        format!("the `## {name}` section of README.md is empty"),
                    )
                    .help(format!(
                        "write the {name} content under the heading, before the next `##` heading"
                    )),
                ),
                Some(_) => {}
            }
        }
        if marketplace {
            if let Some(h) = doc.heading(2, "Uninstallation") {
                let range = doc.section_range(h, source.text.len());
                for img in doc
                    .images
                    .iter()
                    .filter(|i| i.whole.start >= range.start && i.whole.start < range.end)
                {
                    out.push(
                        Finding::new(
                            Location::in_file(source, img.whole),
                            format!("the `## Uninstallation` section contains the image `{}`", img.src),
                        )
                        .help("describe the uninstallation steps in text; images are not allowed in this section"),
                    );
                }
            }
        }
    }
}
