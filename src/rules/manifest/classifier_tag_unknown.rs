use super::tags::{self, KNOWN_KEYS};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct ClassifierTagUnknown;

static META: RuleMeta = RuleMeta {
    id: "manifest/classifier-tag-unknown",
    severity: Severity::Warning,
    summary: "a classifier tag value is not in the known vocabulary for its key",
    explanation: "\
Datadog accepts a fixed, server-side list of values for each classifier tag key; an unknown value
(often a typo or a wrong case) is dropped or rejected, and the integration does not show up under
the intended filter. ddlint knows the union of the documented lists, the ddev migration map and
the values seen in published integrations (manifest.md §3); Datadog adds values from time to
time, so this is a warning.

Bad:   \"Category::Metric\"    \"Supported OS::MacOS\"
Good:  \"Category::Metrics\"   \"Supported OS::macOS\"",
    ..RuleMeta::DEFAULT
};

fn suggest(value: &str, known: &[&'static str]) -> Option<&'static str> {
    let low = value.to_lowercase();
    known
        .iter()
        .copied()
        .find(|k| k.to_lowercase() == low)
        .or_else(|| {
            known.iter().copied().find(|k| {
                let kl = k.to_lowercase();
                kl.trim_end_matches('s') == low.trim_end_matches('s')
                    || kl.replace(' ', "") == low.replace([' ', '-', '_'], "")
            })
        })
}

impl Rule for ClassifierTagUnknown {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (node, tag) in tags::tags(root) {
            let Some((key, value)) = tags::split(tag) else {
                continue;
            };
            // Malformed tags and placeholders are `manifest/classifier-tag-format`.
            if !KNOWN_KEYS.contains(&key) || value.contains('<') || value.trim() != value {
                continue;
            }
            let known = tags::values_of(key);
            if known.contains(&value) {
                continue;
            }
            let help = match suggest(value, known) {
                Some(s) => format!("did you mean `{key}::{s}`?"),
                None => format!(
                    "use a known `{key}` value ({}), or ignore this warning if Datadog added `{value}` recently",
                    known.iter().take(8).map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
                        + if known.len() > 8 { ", …" } else { "" }
                ),
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`{value}` is not a known `{key}` value"),
                )
                .label("unknown value")
                .help(help),
            );
        }
    }
}
