use crate::diagnostic::Finding;
use crate::rules::service_checks::values;
use crate::rules::{Context, Rule, RuleMeta};

pub struct AgentVersion;

static META: RuleMeta = RuleMeta {
    id: "service-checks/agent-version",
    summary: "a service check's `agent_version` is not `X.Y.Z`",
    explanation: "\
`agent_version` is the first Agent version that sends the service check, written as three
dot-separated numbers. A shorter version, a pre-release suffix or a `v` prefix is rejected.

Bad:   \"agent_version\": \"7.40\"
Good:  \"agent_version\": \"7.40.0\"",
    ..RuleMeta::DEFAULT
};

fn valid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

impl Rule for AgentVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, nodes)) = values(ctx, "agent_version") else {
            return;
        };
        for node in nodes {
            let msg = match node.as_str() {
                Some(v) if valid(v) => continue,
                Some("") => "`agent_version` is empty".to_string(),
                Some(v) => format!("agent_version `{v}` is not `X.Y.Z`"),
                None => format!(
                    "`agent_version` must be a string, found {}",
                    node.type_name()
                ),
            };
            out.push(
                Finding::at(source, node.span, msg)
                    .help("write the first Agent version with the service check as three numbers, e.g. `7.40.0`"),
            );
        }
    }
}
