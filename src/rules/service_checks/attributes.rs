use crate::diagnostic::Finding;
use crate::rules::metadata::closest;
use crate::rules::service_checks::{brace, checks, KEYS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Attributes;

static META: RuleMeta = RuleMeta {
    id: "service-checks/attributes",
    summary: "a service check has a missing or unknown key",
    explanation: "\
Each service-check object has exactly seven keys: agent_version, integration, check, statuses,
groups, name and description. A missing key makes the service check unusable in Datadog; an
unknown key (often a typo) is ignored.

Bad:   {\"agent_version\": \"7.40.0\", \"integration\": \"Acme\", \"check\": \"acme.can_connect\",
        \"status\": [\"ok\", \"critical\"], \"groups\": [], \"name\": \"Can Connect\", \"description\": \"...\"}
Good:  {\"agent_version\": \"7.40.0\", \"integration\": \"Acme\", \"check\": \"acme.can_connect\",
        \"statuses\": [\"ok\", \"critical\"], \"groups\": [], \"name\": \"Can Connect\", \"description\": \"...\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for Attributes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, objs)) = checks(ctx) else {
            return;
        };
        for obj in objs {
            let Some(members) = obj.as_object() else {
                continue;
            };
            for m in members {
                if KEYS.contains(&m.key.as_str()) {
                    continue;
                }
                let help = match closest(&m.key, KEYS) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => format!("remove it; the keys are {}", KEYS.join(", ")),
                };
                out.push(
                    Finding::at(
                        source,
                        m.key_span,
                        format!("unknown key `{}` in a service check", m.key),
                    )
                    .help(help),
                );
            }
            for key in KEYS {
                if obj.member(key).is_none() {
                    out.push(
                        Finding::at(
                            source,
                            brace(obj),
                            format!("this service check has no `{key}` key"),
                        )
                        .label(format!("`{key}` missing"))
                        .help(format!("add `\"{key}\"` to the object")),
                    );
                }
            }
        }
    }
}
