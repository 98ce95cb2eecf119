use super::tags::{self, KNOWN_KEYS};
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ClassifierTagFormat;

static META: RuleMeta = RuleMeta {
    id: "manifest/classifier-tag-format",
    summary:
        "a classifier tag is not `Key::Value`, uses an unknown key, or is a template placeholder",
    explanation: "\
`tile.classifier_tags` drive the filters of the integrations page. Each tag is `Key::Value` with
one of the keys `Category`, `Supported OS`, `Offering`, `Submitted Data Type`, `Queried Data Type`
or `Product`. `ddev create` writes placeholders such as `Category::<FILL IN>` that must be
replaced before publication.

Bad:   \"Category:Metrics\"   \"Categories::Metrics\"   \"Offering::<FILL IN>\"
Good:  \"Category::Metrics\"  \"Offering::Integration\"",
    ..RuleMeta::DEFAULT
};

fn closest_key(key: &str) -> Option<&'static str> {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let k = norm(key);
    KNOWN_KEYS.iter().copied().find(|known| {
        let n = norm(known);
        let common = n.chars().zip(k.chars()).take_while(|(a, b)| a == b).count();
        n == k || k.len() >= 4 && (n.starts_with(&k) || common + 1 >= n.len())
    })
}

impl Rule for ClassifierTagFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (node, tag) in tags::tags(root) {
            let (message, help) = if tag.contains("<FILL IN>")
                || tag.contains('<') && tag.contains('>')
            {
                (
                    format!("classifier tag `{tag}` is a template placeholder"),
                    "replace the placeholder with a real value, e.g. `Category::Metrics`, or remove the tag".to_string(),
                )
            } else if let Some((key, value)) = tags::split(tag) {
                if KNOWN_KEYS.contains(&key) {
                    if key.trim() != key || value.trim() != value {
                        (
                            format!("classifier tag `{tag}` has spaces around `::`"),
                            format!("write `{}::{}`", key.trim(), value.trim()),
                        )
                    } else {
                        continue;
                    }
                } else if KNOWN_KEYS.contains(&key.trim()) {
                    (
                        format!("classifier tag `{tag}` has spaces around `::`"),
                        format!("write `{}::{}`", key.trim(), value.trim()),
                    )
                } else {
                    let help = match closest_key(key.trim()) {
                        Some(k) => format!("did you mean `{k}::{}`?", value.trim()),
                        None => format!(
                            "use one of the keys {}",
                            KNOWN_KEYS
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    (
                        format!("classifier tag `{tag}` has the unknown key `{key}`"),
                        help,
                    )
                }
            } else {
                let help = match tag.split_once(':') {
                    Some((k, v)) if !k.is_empty() && !v.trim_start_matches(':').is_empty() => {
                        format!("write `{}::{}`", k.trim(), v.trim_start_matches(':').trim())
                    }
                    _ => "write the tag as `Key::Value`, e.g. `Category::Metrics`".to_string(),
                };
                (format!("classifier tag `{tag}` is not `Key::Value`"), help)
            };
            out.push(
                Finding::at(source, node.span, message)
                    .label("malformed tag")
                    .help(help),
            );
        }
    }
}
