//! ddlint: a fast, offline linter for Datadog integration repositories.
//!
//! The flow: [`repo::discover`] finds the integrations, [`model::load`] reads and parses each
//! integration's files once (in parallel, one rayon task per integration), every enabled
//! [`rules::Rule`] checks the parsed model, repository-wide rules run over the facts kept from
//! each integration, and the sorted [`diagnostic::Diagnostic`]s go to a renderer in [`report`].

pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod git;
pub mod model;
pub mod parse;
pub mod repo;
pub mod report;
pub mod rules;
pub mod source;

use diagnostic::{Diagnostic, Finding, Severity};
use rayon::prelude::*;
use repo::{Repo, RepoKind};
use rules::{Context, IntegrationFacts, RepoContext, Rule, Scope};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Default, Clone)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub kind: Option<RepoKind>,
    pub threads: Option<usize>,
    pub settings: config::Settings,
    /// `--changed-since REF`: validate only the integrations changed since this git reference,
    /// and compare their manifests with REF (`manifest/immutable-changed`).
    pub changed_since: Option<String>,
}

/// The result of one validation run.
#[derive(Debug)]
pub struct Report {
    pub root: String,
    pub kind: RepoKind,
    pub kind_source: &'static str,
    /// Integrations validated.
    pub integrations: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read and parsed.
    pub files: usize,
    pub elapsed_ms: u128,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// ddlint could not do its job (exit status 2).
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn stamp(
    rule: &'static rules::RuleMeta,
    settings: &config::Settings,
    integration: Option<&str>,
    f: Finding,
) -> Diagnostic {
    let default = f.severity.unwrap_or(rule.severity);
    Diagnostic {
        rule: rule.id,
        severity: settings.severity_for(rule.id, default),
        integration: f.integration.or_else(|| integration.map(str::to_string)),
        location: f.location,
        message: f.message,
        help: f.help,
        label: f.label,
        related: f.related,
        fix: f.fix,
    }
}

/// Run the integration rules over one integration.
pub fn check_integration(
    repo: &Repo,
    rules: &[&'static dyn Rule],
    settings: &config::Settings,
    dir: &repo::IntegrationDir,
) -> (Vec<Diagnostic>, IntegrationFacts, usize) {
    let mut model = model::load(&repo.root, &dir.name, &dir.path);
    // The manifest at REF costs a `git show`: fetch it only for the rule that compares with it.
    let compares_with_base = rules
        .iter()
        .any(|r| r.meta().id == rules::manifest::IMMUTABLE_CHANGED);
    if let (Some(reference), true) = (&repo.changed_since, compares_with_base) {
        model.base_manifest = base_manifest(repo, reference, &dir.name);
    }
    let ctx = Context {
        repo,
        integration: &model,
    };
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in rules {
        let meta = rule.meta();
        if meta.scope != Scope::Integration {
            continue;
        }
        findings.clear();
        rule.check(&ctx, &mut findings);
        for f in findings.drain(..) {
            let d = stamp(meta, settings, Some(&model.name), f);
            if !settings.ignored_at(d.rule, &d.location.path, d.integration.as_deref()) {
                diagnostics.push(d);
            }
        }
    }
    let facts = rules::extract_facts(&model);
    (diagnostics, facts, model.files_read())
}

/// Validate a repository (or the integrations the paths select).
pub fn validate(opts: &Options) -> Result<Report, Fatal> {
    let started = Instant::now();
    let mut repo = repo::discover(&repo::DiscoverOptions {
        paths: &opts.paths,
        kind: opts.kind,
    })
    .map_err(|e| Fatal(e.0))?;
    if let Some(reference) = &opts.changed_since {
        restrict_to_changed(&mut repo, reference)?;
    }
    let registry = rules::registry();
    let active: Vec<&'static dyn Rule> = registry
        .into_iter()
        .filter(|r| opts.settings.enabled(r.meta()) && r.meta().applies_to(repo.kind))
        .collect();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(|e| Fatal(format!("cannot start worker threads: {e}")))?;

    let whole = repo.whole_repository();
    // Repository-wide rules compare every integration, so they need facts from all of them even
    // when only some are validated; they only run when the root itself is validated.
    let targets: Vec<&repo::IntegrationDir> = repo.selected().collect();
    let results: Vec<(Vec<Diagnostic>, IntegrationFacts, usize)> = pool.install(|| {
        targets
            .par_iter()
            .map(|dir| check_integration(&repo, &active, &opts.settings, dir))
            .collect()
    });

    let mut diagnostics = Vec::new();
    let mut facts = Vec::with_capacity(results.len());
    let mut files = 0;
    for (d, f, n) in results {
        diagnostics.extend(d);
        facts.push(f);
        files += n;
    }

    if whole {
        let codeowners = read_codeowners(&repo, &mut diagnostics, &opts.settings, &active);
        if codeowners.is_some() {
            files += 1;
        }
        let ctx = RepoContext {
            repo: &repo,
            integrations: &facts,
            codeowners: codeowners.as_ref(),
        };
        let mut findings = Vec::new();
        for rule in active
            .iter()
            .filter(|r| r.meta().scope == Scope::Repository)
        {
            findings.clear();
            rule.check_repo(&ctx, &mut findings);
            for f in findings.drain(..) {
                let d = stamp(rule.meta(), &opts.settings, None, f);
                if !opts
                    .settings
                    .ignored_at(d.rule, &d.location.path, d.integration.as_deref())
                {
                    diagnostics.push(d);
                }
            }
        }
    }

    sort_diagnostics(&mut diagnostics);
    Ok(Report {
        root: repo.display_root.clone(),
        kind: repo.kind,
        kind_source: repo.kind_source,
        integrations: targets.len(),
        diagnostics,
        files,
        elapsed_ms: started.elapsed().as_millis(),
    })
}

/// Deterministic order whatever the thread count: path, line, column, rule, message.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|d| d.sort_key());
}

/// Read `.github/CODEOWNERS` once for the repository-wide rules.
fn read_codeowners(
    repo: &Repo,
    diagnostics: &mut Vec<Diagnostic>,
    settings: &config::Settings,
    active: &[&'static dyn Rule],
) -> Option<model::Parsed<parse::codeowners::Codeowners>> {
    let path = repo.root.join(".github").join("CODEOWNERS");
    let meta = std::fs::symlink_metadata(&path).ok()?;
    let unreadable = |message: String| {
        active
            .iter()
            .find(|r| r.meta().id == "file/unreadable")
            .map(|r| {
                stamp(
                    r.meta(),
                    settings,
                    None,
                    Finding::new(
                        diagnostic::Location::path_only(".github/CODEOWNERS"),
                        message,
                    )
                    .help("make .github/CODEOWNERS a readable UTF-8 text file"),
                )
            })
    };
    if !meta.is_file() || meta.len() > model::MAX_TEXT_FILE {
        diagnostics.extend(unreadable(
            "`.github/CODEOWNERS` is not a regular text file of reasonable size".into(),
        ));
        return None;
    }
    match std::fs::read(&path).map(String::from_utf8) {
        Ok(Ok(text)) => {
            let source = Arc::new(source::SourceFile::new(".github/CODEOWNERS", text));
            let doc = parse::codeowners::parse(&source);
            Some(model::Parsed { source, doc })
        }
        Ok(Err(_)) => {
            diagnostics.extend(unreadable("`.github/CODEOWNERS` is not valid UTF-8".into()));
            None
        }
        Err(e) => {
            diagnostics.extend(unreadable(format!(
                "`.github/CODEOWNERS` cannot be read: {e}"
            )));
            None
        }
    }
}

/// `--changed-since`: keep only the selected integrations that have a file changed since
/// `reference` (repository-wide rules then do not run: only part of the repository is validated).
fn restrict_to_changed(repo: &mut Repo, reference: &str) -> Result<(), Fatal> {
    let changed = git::changed_dirs(&repo.root, reference).map_err(Fatal)?;
    repo.selection = Some(match repo.selection.take() {
        None => changed,
        Some(selected) => selected.intersection(&changed).cloned().collect(),
    });
    repo.changed_since = Some(reference.to_string());
    Ok(())
}

/// The manifest of integration `name` at `reference`, parsed; None when it did not exist there.
fn base_manifest(repo: &Repo, reference: &str, name: &str) -> Option<model::JsonFile> {
    let text = git::show(&repo.root, reference, &format!("{name}/manifest.json"))?;
    let source = Arc::new(source::SourceFile::new(
        format!("{reference}:{name}/manifest.json"),
        text,
    ));
    let doc = parse::json::parse(&source.text, source.content_start);
    Some(model::Parsed { source, doc })
}
