use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_MARKETPLACE};
use crate::source::Span;

pub struct Title;

static META: RuleMeta = RuleMeta {
    id: "changelog/title",
    severity: Severity::Warning,
    kinds: EXTRAS_MARKETPLACE,
    summary: "the first line of CHANGELOG.md is not `# CHANGELOG - <name>`",
    explanation: "\
`ddev create` starts every CHANGELOG.md with the title `# CHANGELOG - <Integration display
name>`, and 259 of the 265 real files keep it. A missing, empty or differently spelled title is
shown as-is in the tile's Release Notes.

Bad:   # Changelog
Good:  # CHANGELOG - Acme",
    ..RuleMeta::DEFAULT
};

impl Rule for Title {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(changelog) = &ctx.integration.changelog else {
            return;
        };
        let doc = &changelog.doc;
        let source = &changelog.source;
        let want = format!("# CHANGELOG - {}", ctx.display_name());
        let help = format!("start the file with `{want}`");
        match (&doc.title, doc.first_line) {
            (Some(t), _) => {
                let name = t
                    .text
                    .strip_prefix("CHANGELOG -")
                    .filter(|r| r.is_empty() || r.starts_with(' '))
                    .map(str::trim);
                match name {
                    Some(n) if !n.is_empty() => {}
                    Some(_) => out.push(
                        Finding::at(
                            source,
                            t.span,
                            "the CHANGELOG.md title names no integration",
                        )
                        .help(help),
                    ),
                    None => out.push(
                        Finding::at(
                            source,
                            t.span,
                            format!(
                                "the CHANGELOG.md title `{}` is not `# CHANGELOG - <name>`",
                                source.slice(t.span)
                            ),
                        )
                        .help(help),
                    ),
                }
            }
            (None, Some(first)) => out.push(
                Finding::at(
                    source,
                    first,
                    "CHANGELOG.md does not start with a `# CHANGELOG - <name>` title",
                )
                .help(help),
            ),
            (None, None) => out.push(
                Finding::at(
                    source,
                    Span::empty(source.content_start),
                    "CHANGELOG.md is empty",
                )
                .help(help),
            ),
        }
    }
}
