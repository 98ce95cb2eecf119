//! The rule registry: every rule ddlint knows, in one list.

use crate::diagnostic::{Finding, Severity};
use crate::model::IntegrationModel;
use crate::parse::json::Node;
use crate::repo::{Repo, RepoKind};
use crate::source::{SharedSource, Span};

pub mod changelog;
pub mod codeowners;
pub mod file;
pub mod layout;
pub mod manifest;
pub mod metadata;
pub mod naming;
pub mod readme;
pub mod repo;
pub mod service_checks;
pub mod version;

/// Whether a rule looks at one integration at a time or at the whole repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Integration,
    Repository,
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable public id, `family/name`.
    pub id: &'static str,
    pub severity: Severity,
    /// Repository kinds the rule applies to.
    pub kinds: &'static [RepoKind],
    /// One line, shown by `ddlint rules`.
    pub summary: &'static str,
    /// Shown by `ddlint rule ID`: why it matters, a bad and a good example.
    pub explanation: &'static str,
    pub scope: Scope,
    /// Off unless selected explicitly (`--select` or `ddlint.toml`).
    pub default_enabled: bool,
    /// Offers a safe fix that `--fix` applies.
    pub fixable: bool,
}

impl RuleMeta {
    /// Defaults for `..RuleMeta::DEFAULT` in rule declarations.
    pub const DEFAULT: RuleMeta = RuleMeta {
        id: "",
        severity: Severity::Error,
        kinds: ALL_KINDS,
        summary: "",
        explanation: "",
        scope: Scope::Integration,
        default_enabled: true,
        fixable: false,
    };

    pub fn applies_to(&self, kind: RepoKind) -> bool {
        self.kinds.contains(&kind)
    }
}

pub const ALL_KINDS: &[RepoKind] = RepoKind::ALL;
pub const EXTRAS_MARKETPLACE: &[RepoKind] = &[RepoKind::Extras, RepoKind::Marketplace];
pub const MARKETPLACE: &[RepoKind] = &[RepoKind::Marketplace];
pub const CORE: &[RepoKind] = &[RepoKind::Core];
pub const EXTRAS_CORE: &[RepoKind] = &[RepoKind::Extras, RepoKind::Core];

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Check one integration.
    fn check(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
    /// Check the repository as a whole (rules with `Scope::Repository`).
    fn check_repo(&self, _ctx: &RepoContext, _out: &mut Vec<Finding>) {}
}

/// What a rule sees of one integration.
pub struct Context<'a> {
    pub repo: &'a Repo,
    pub integration: &'a IntegrationModel,
}

impl<'a> Context<'a> {
    pub fn kind(&self) -> RepoKind {
        self.repo.kind
    }
    pub fn name(&self) -> &str {
        &self.integration.name
    }
    /// The parsed manifest root and its source, when the manifest exists and parsed.
    pub fn manifest(&self) -> Option<(&SharedSource, &Node)> {
        let m = self.integration.manifest.as_ref()?;
        Some((&m.source, m.root()?))
    }
    /// The display name (ddev §1.2): the `.ddev/config.toml` override, else the manifest's
    /// `source_type_name`, else the directory name.
    pub fn display_name(&self) -> String {
        if let Some(n) = self.repo.ddev.display_name.get(self.name()) {
            return n.clone();
        }
        self.integration
            .manifest_str("/assets/integration/source_type_name")
            .map(str::to_string)
            .unwrap_or_else(|| self.name().to_string())
    }
    /// The integration directory holds nothing but manifest.json (a listing exported from the
    /// Developer Platform, or a tree of manifests only). Its missing files are then one finding,
    /// `layout/manifest-only`, instead of one per reference from every existence rule.
    pub fn manifest_only(&self) -> bool {
        let tree = &self.integration.tree;
        tree.len() == 1 && tree.is_file("manifest.json")
    }
    /// The metric prefix: the manifest's `metrics.prefix`, else the `.ddev/config.toml` override.
    pub fn metric_prefix(&self) -> Option<String> {
        self.integration
            .manifest_str("/assets/integration/metrics/prefix")
            .map(str::to_string)
            .or_else(|| self.repo.ddev.metrics_prefix.get(self.name()).cloned())
    }
}

/// Per-integration facts kept for the repository-wide rules (so the parsed files can be dropped).
#[derive(Debug, Clone)]
pub struct Fact {
    /// The JSON pointer (or a pseudo-key such as `dashboards:<short name>`).
    pub key: String,
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct IntegrationFacts {
    pub name: String,
    pub manifest: Option<SharedSource>,
    pub facts: Vec<Fact>,
    pub has_logs_dir: bool,
    /// The integration has a `manifest.json` (ddev's codeowners rules look only at those).
    pub has_manifest: bool,
}

impl IntegrationFacts {
    pub fn get(&self, key: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.key == key)
    }
}

/// The manifest values the repository-wide rules compare across integrations.
pub const FACT_POINTERS: &[&str] = &[
    "/app_id",
    "/app_uuid",
    "/assets/integration/source_type_id",
    "/assets/integration/source_type_name",
    "/assets/integration/metrics/prefix",
];

pub fn extract_facts(model: &IntegrationModel) -> IntegrationFacts {
    let mut facts = Vec::new();
    if let Some(root) = model.manifest_root() {
        for ptr in FACT_POINTERS {
            if let Some(node) = root.pointer(ptr) {
                let value = match &node.value {
                    crate::parse::json::Value::String(s) => s.clone(),
                    crate::parse::json::Value::Number(n) => n.clone(),
                    _ => continue,
                };
                facts.push(Fact {
                    key: ptr.to_string(),
                    value,
                    span: node.span,
                });
            }
        }
    }
    IntegrationFacts {
        name: model.name.clone(),
        manifest: model.manifest.as_ref().map(|m| m.source.clone()),
        facts,
        has_logs_dir: model.tree.is_dir("assets/logs"),
        has_manifest: model.tree.exists("manifest.json"),
    }
}

/// What a repository-wide rule sees.
pub struct RepoContext<'a> {
    pub repo: &'a Repo,
    /// Facts of every integration of the repository, sorted by name.
    pub integrations: &'a [IntegrationFacts],
    /// `.github/CODEOWNERS`, read and parsed once.
    pub codeowners: Option<&'a crate::model::Parsed<crate::parse::codeowners::Codeowners>>,
}

/// Every rule, in a stable order (by id).
pub fn registry() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend(file::rules());
    rules.extend(layout::rules());
    rules.extend(manifest::rules());
    rules.extend(metadata::rules());
    rules.extend(service_checks::rules());
    rules.extend(version::rules());
    rules.extend(changelog::rules());
    rules.extend(naming::rules());
    rules.extend(readme::rules());
    rules.extend(codeowners::rules());
    rules.extend(repo::rules());
    rules.sort_by_key(|r| r.meta().id);
    rules
}

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry().into_iter().find(|r| r.meta().id == id)
}
