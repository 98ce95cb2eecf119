use crate::diagnostic::{Finding, Location};
use crate::rules::{RepoContext, Rule, RuleMeta, Scope};

pub struct LogsOwner;

/// The team that must own every log pipeline folder.
pub const LOGS_TEAM: &str = "@DataDog/logs-integrations-reviewers";

static META: RuleMeta = RuleMeta {
    id: "codeowners/logs-owner",
    scope: Scope::Repository,
    summary: "an `assets/logs/` folder is not owned by @DataDog/logs-integrations-reviewers",
    explanation: "\
Log pipelines (`<dir>/assets/logs/`) are reviewed by Datadog's logs team. `ddev validate
codeowners` resolves the owners GitHub assigns to `/<dir>/assets/logs/` (the last matching
CODEOWNERS line wins) and requires them to include `@DataDog/logs-integrations-reviewers`.
A later line such as `/acme/ @acme` placed after the catch-all takes ownership away from the
logs team. The deciding line is shown.

Bad:   **/assets/logs/   @DataDog/logs-integrations-reviewers
       /acme/assets/     @acme                 (last match for acme/assets/logs/)
Good:  /acme/            @acme
       **/assets/logs/   @DataDog/logs-integrations-reviewers   (last in the file)",
    ..RuleMeta::DEFAULT
};

impl Rule for LogsOwner {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check_repo(&self, ctx: &RepoContext, out: &mut Vec<Finding>) {
        let with_logs: Vec<&str> = ctx
            .integrations
            .iter()
            .filter(|i| i.has_manifest && i.has_logs_dir)
            .map(|i| i.name.as_str())
            .collect();
        if with_logs.is_empty() {
            return;
        }
        let Some(co) = ctx.codeowners else {
            out.push(
                Finding::new(
                    Location::path_only(".github/CODEOWNERS"),
                    format!(
                        "the repository has no .github/CODEOWNERS, so {} `assets/logs/` folders are not owned by {LOGS_TEAM}",
                        with_logs.len()
                    ),
                )
                .help(format!("create .github/CODEOWNERS ending with `**/assets/logs/ {LOGS_TEAM}`")),
            );
            return;
        };
        for name in with_logs {
            let path = format!("{name}/assets/logs/");
            let mut f = match co.doc.owner_of(&path) {
                None => Finding::new(
                    Location::path_only(".github/CODEOWNERS"),
                    format!("no .github/CODEOWNERS line covers `/{path}`, so {LOGS_TEAM} does not own it"),
                )
                .help(format!("end .github/CODEOWNERS with `**/assets/logs/ {LOGS_TEAM}`")),
                Some(e) if e.owners.iter().any(|o| o.name.eq_ignore_ascii_case(LOGS_TEAM)) => continue,
                Some(e) => {
                    let owners: Vec<&str> = e.owners.iter().map(|o| o.name.as_str()).collect();
                    let who = if owners.is_empty() {
                        "no one".to_string()
                    } else {
                        owners.join(" ")
                    };
                    Finding::at(
                        &co.source,
                        e.span,
                        format!("`/{path}` is owned by {who} through `{}`, without {LOGS_TEAM}", e.pattern),
                    )
                    .label("last matching line")
                    .help(format!(
                        "add {LOGS_TEAM} to this line, or move the `**/assets/logs/ {LOGS_TEAM}` line after it"
                    ))
                }
            };
            f.integration = Some(name.to_string());
            out.push(f);
        }
    }
}
