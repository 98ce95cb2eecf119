use crate::diagnostic::Finding;
use crate::rules::service_checks::values;
use crate::rules::{Context, Rule, RuleMeta};

pub struct CheckName;

static META: RuleMeta = RuleMeta {
    id: "service-checks/check-name",
    summary: "a service check's `check` name is invalid",
    explanation: "\
The `check` value is the service check's name as the Agent submits it. It is a non-empty string
of ASCII letters, digits, `_` and `.`, with no `_` next to a `.`, no `__` or `..`, and no leading
or trailing `_`.

Bad:   \"check\": \"acme._can-connect\"
Good:  \"check\": \"acme.can_connect\"",
    ..RuleMeta::DEFAULT
};

/// What is wrong with a check name, if anything.
fn problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the service check name is empty".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '.'))
    {
        return Some(format!(
            "service check `{name}` contains the character `{c}`"
        ));
    }
    for seq in ["_.", "._", "__", ".."] {
        if name.contains(seq) {
            return Some(format!("service check `{name}` contains `{seq}`"));
        }
    }
    if name.starts_with('_') || name.ends_with('_') {
        return Some(format!("service check `{name}` starts or ends with `_`"));
    }
    None
}

impl Rule for CheckName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, nodes)) = values(ctx, "check") else {
            return;
        };
        for node in nodes {
            let msg = match node.as_str() {
                Some(v) => match problem(v) {
                    Some(m) => m,
                    None => continue,
                },
                None => format!("`check` must be a string, found {}", node.type_name()),
            };
            out.push(
                Finding::at(source, node.span, msg).help(
                    "use ASCII letters, digits, `_` and `.` only, with no `_` next to a `.`, e.g. `acme.can_connect`",
                ),
            );
        }
    }
}
