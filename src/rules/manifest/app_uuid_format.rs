use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct AppUuidFormat;

static META: RuleMeta = RuleMeta {
    id: "manifest/app-uuid-format",
    summary: "`app_uuid` is not a lowercase hyphenated UUID",
    explanation: "\
`app_uuid` identifies the integration in Datadog for ever (it is immutable, and dashboards refer
to it in their widgets' `app_id`). It must be a canonical UUID: 32 lowercase hexadecimal digits in
the groups 8-4-4-4-12, as `uuid.uuid4()` prints it.

Bad:   \"app_uuid\": \"{9B2C1A80-3E3F-4D6B-A1E2-6F1C3A2B9D10}\"
Good:  \"app_uuid\": \"9b2c1a80-3e3f-4d6b-a1e2-6f1c3a2b9d10\"",
    ..RuleMeta::DEFAULT
};

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

impl Rule for AppUuidFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.get("app_uuid") else {
            return;
        };
        let Some(v) = node.as_str() else { return };
        if is_uuid(v) {
            return;
        }
        let lower = v
            .trim_matches(|c| c == '{' || c == '}')
            .to_ascii_lowercase();
        let help = if is_uuid(&lower) {
            format!("write it in lowercase without braces: `{lower}`")
        } else {
            "use a canonical lowercase UUID such as `python3 -c 'import uuid; print(uuid.uuid4())'` prints; \
             keep the published value if the integration was released"
                .to_string()
        };
        out.push(
            Finding::at(
                source,
                node.span,
                format!("`app_uuid` `{v}` is not a lowercase hyphenated UUID"),
            )
            .label("expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
            .help(help),
        );
    }
}
