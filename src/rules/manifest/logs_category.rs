use super::tags;
use crate::diagnostic::{Finding, Location, Severity};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::{SharedSource, Span};

pub struct LogsCategory;

static META: RuleMeta = RuleMeta {
    id: "manifest/logs-category",
    severity: Severity::Warning,
    summary:
        "the integration collects logs but has no `Category::Log Collection` tag, or the reverse",
    explanation: "\
The `Category::Log Collection` tag lists the integration under the Logs filter of the integrations
page. ddev ties it to whether logs are documented: `conf.yaml.example` has a `# logs:` section, or
README.md has a `Log collection` or `Logs` heading; ddlint also counts an `assets/logs/` folder
(log pipelines). It is a heuristic (a README may mention logs it does not collect), so this is a
warning; ddev's ignore list applies.

Bad:   README.md has \"#### Log collection\" and classifier_tags lacks \"Category::Log Collection\"
Good:  \"classifier_tags\": [\"Category::Log Collection\", …]",
    ..RuleMeta::DEFAULT
};

const TAG: &str = "Category::Log Collection";

/// ddev's ignore list (ddev-reference §2.1.b).
const IGNORED: &[&str] = &[
    "databricks",
    "docker_daemon",
    "ecs_fargate",
    "cassandra_nodetool",
    "jmeter",
    "kafka_consumer",
    "kubernetes",
    "pan_firewall",
    "altostra",
    "hasura_cloud",
    "sqreen",
    "openai",
];

/// Where logs were detected, as ddev's `has_logs` does, plus the assets/logs folder.
enum Evidence {
    Text(SharedSource, Span, &'static str),
    Folder(String),
}

/// From `at` to the end of its line.
fn to_line_end(source: &SharedSource, at: usize) -> Span {
    let line = source.line_span(source.position(at).line - 1);
    Span::new(at.max(line.start), line.end)
}

fn find_ci(source: &SharedSource, needles: &[&str], what: &'static str) -> Option<Evidence> {
    let lower = source.text.to_lowercase();
    // Lower-casing can change byte lengths of non-ASCII text; only trust ASCII-safe offsets.
    let same_len = lower.len() == source.text.len();
    needles.iter().find_map(|n| {
        let at = lower.find(n)?;
        let span = if same_len {
            to_line_end(source, at)
        } else {
            Span::empty(source.content_start)
        };
        Some(Evidence::Text(source.clone(), span, what))
    })
}

fn evidence(ctx: &Context) -> Option<Evidence> {
    let m = ctx.integration;
    if let Some(conf) = &m.conf_example {
        if let Some(at) = conf.text.find("# logs:") {
            return Some(Evidence::Text(
                conf.clone(),
                to_line_end(conf, at),
                "conf.yaml.example has a `logs` section",
            ));
        }
    }
    if let Some(readme) = &m.readme {
        if let Some(e) = find_ci(
            &readme.source,
            &["# log collection", "# logs"],
            "README.md documents log collection",
        ) {
            return Some(e);
        }
    }
    if m.tree.is_dir("assets/logs") {
        return Some(Evidence::Folder(m.repo_path("assets/logs")));
    }
    None
}

impl Rule for LogsCategory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if IGNORED.contains(&ctx.name()) {
            return;
        }
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(missing_span) = tags::missing_tag_span(root) else {
            return;
        };
        let tag = tags::tags(root)
            .into_iter()
            .find_map(|(n, tag)| (tag == TAG).then_some(n));
        match (evidence(ctx), tag) {
            (Some(ev), None) => {
                let (loc, msg) = match ev {
                    Evidence::Text(src, span, what) => (Location::in_file(&src, span), what),
                    Evidence::Folder(p) => (Location::path_only(p), "the integration has log pipelines"),
                };
                out.push(
                    Finding::at(
                        source,
                        missing_span,
                        format!("the integration collects logs but has no `{TAG}` tag"),
                    )
                    .label(format!("no {TAG}"))
                    .help(format!("add `\"{TAG}\"` to `tile.classifier_tags`"))
                    .related(loc, msg),
                );
            }
            (None, Some(node)) => out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`{TAG}` is set but the integration documents no log collection"),
                )
                .label("no logs found")
                .help("document log collection in README.md (a `### Log collection` section), or remove the tag"),
            ),
            _ => {}
        }
    }
}
