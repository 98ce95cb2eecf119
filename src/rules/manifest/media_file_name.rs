use super::media_strings;
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaFileName;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-file-name",
    severity: Severity::Warning,
    summary: "a media `image_url` has spaces or characters outside `[A-Za-z0-9_.-/]`",
    explanation: "\
Datadog's documentation asks for media file names made of letters, digits, `_` and `-` only. Spaces
and other characters (a narrow no-break space pasted from a screenshot tool is common) have to be
escaped in URLs, and break some of the tools that copy the images to the documentation site.

Bad:   \"image_url\": \"images/Screenshot 2024-03-01 at 10.00.00.png\"
Good:  \"image_url\": \"images/acme_overview_dashboard.png\"",
    ..RuleMeta::DEFAULT
};

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/')
}

impl Rule for MediaFileName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (_, node, url) in media_strings(root, "image_url") {
            let bad: Vec<char> = url.chars().filter(|c| !allowed(*c)).collect();
            let Some(first) = bad.first() else { continue };
            let what = if *first == ' ' {
                "a space".to_string()
            } else {
                format!("`{}` (U+{:04X})", first.escape_debug(), *first as u32)
            };
            let suggestion: String = url
                .chars()
                .map(|c| if allowed(c) { c } else { '_' })
                .collect();
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("media file name `{url}` contains {what}"),
                )
                .label("use only letters, digits, `_`, `-`, `.` and `/`")
                .help(format!(
                    "rename the file, e.g. to `{suggestion}`, and update `image_url`"
                )),
            );
        }
    }
}
