use crate::diagnostic::Finding;
use crate::rules::service_checks::checks;
use crate::rules::{Context, Rule, RuleMeta};

pub struct EmptyField;

static META: RuleMeta = RuleMeta {
    id: "service-checks/empty-field",
    summary: "a service check's `name` or `description` is empty",
    explanation:
        "\
The `name` (the service check's title) and `description` (what each status means) are shown to
users in Datadog; they must be non-empty strings.

Bad:   \"description\": \"\"
Good:  \"description\": \"Returns `CRITICAL` if the Agent cannot connect to Acme, `OK` otherwise.\"",
    ..RuleMeta::DEFAULT
};

impl Rule for EmptyField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, objs)) = checks(ctx) else {
            return;
        };
        for obj in objs {
            for key in ["name", "description"] {
                let Some(node) = obj.get(key) else { continue };
                let msg = match node.as_str() {
                    Some(s) if !s.trim().is_empty() => continue,
                    Some(_) => format!("the service check's `{key}` is empty"),
                    None => format!(
                        "the service check's `{key}` must be a string, found {}",
                        node.type_name()
                    ),
                };
                out.push(Finding::at(source, node.span, msg).help(if key == "name" {
                    "give the service check a short title, e.g. `Can Connect`"
                } else {
                    "describe what each status of the service check means"
                }));
            }
        }
    }
}
