//! The `ddlint` command line: parse arguments, call the library, map the result to an exit code.

use clap::{Parser, Subcommand, ValueEnum};
use ddlint::config::{unknown_selectors, Settings};
use ddlint::repo::RepoKind;
use ddlint::report;
use ddlint::rules;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: parsing allocates many small strings and vectors,
/// and glibc's malloc/free were a quarter of the CPU profile (see README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "ddlint",
    version,
    about = "Fast, offline linter for Datadog integration repositories"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Extras,
    Marketplace,
    Core,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Human,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a repository, some integrations, or the integrations some files belong to.
    Validate(ValidateArgs),
    /// List every rule: id, default severity, repository kinds, summary.
    Rules,
    /// Explain one rule, with a bad and a good example.
    Rule {
        /// The rule id, e.g. `metadata/invalid-unit`.
        id: String,
    },
    /// Print a shell completion script, e.g. `ddlint completions bash > ~/.local/share/bash-completion/completions/ddlint`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// Repository root, integration directories, or files inside integrations (default: the
    /// repository containing the current directory).
    paths: Vec<PathBuf>,
    /// Override the detected repository kind.
    #[arg(long, value_enum)]
    repo_kind: Option<Kind>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Run only these rules (ids, or family prefixes ending in `/`), comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (ids, or family prefixes ending in `/`), comma-separated.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Print only the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Configuration file (default: `ddlint.toml` at the repository root, if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Apply the safe fixes rules offer (atomically), report them on stderr, then report what
    /// is left.
    #[arg(long)]
    fix: bool,
    /// Print a count per rule instead of each diagnostic.
    #[arg(long)]
    statistics: bool,
    /// Validate only the integrations with files changed since this git reference (committed,
    /// staged, unstaged or untracked), and report changed immutable manifest values.
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("ddlint: error: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules => {
            let mut out = String::new();
            for r in rules::registry() {
                let m = r.meta();
                let kinds: Vec<&str> = m.kinds.iter().map(|k| k.as_str()).collect();
                let mut flags = String::new();
                if !m.default_enabled {
                    flags.push_str(" (off by default)");
                }
                if m.fixable {
                    flags.push_str(" (fixable)");
                }
                out.push_str(&format!(
                    "{:<40} {:<8} {:<26} {}{}\n",
                    m.id,
                    m.severity.as_str(),
                    kinds.join(","),
                    m.summary,
                    flags
                ));
            }
            print!("{out}");
            ExitCode::SUCCESS
        }
        Command::Rule { id } => match rules::find(&id) {
            Some(r) => {
                let m = r.meta();
                let kinds: Vec<&str> = m.kinds.iter().map(|k| k.as_str()).collect();
                println!("{}\n\n{}\n\nDefault severity: {}\nRepository kinds: {}\nEnabled by default: {}\nFixable: {}\n\n{}", m.id, m.summary, m.severity.as_str(), kinds.join(", "), if m.default_enabled { "yes" } else { "no" }, if m.fixable { "yes" } else { "no" }, m.explanation);
                ExitCode::SUCCESS
            }
            None => fatal(&format!("unknown rule `{id}`; `ddlint rules` lists them")),
        },
        Command::Validate(args) => validate(args),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "ddlint", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

fn validate(args: ValidateArgs) -> ExitCode {
    let registry = rules::registry();
    let unknown: Vec<&str> = unknown_selectors(&args.select, &registry)
        .into_iter()
        .chain(unknown_selectors(&args.ignore, &registry))
        .collect();
    if !unknown.is_empty() {
        return fatal(&format!(
            "unknown rule id or prefix: {}",
            unknown.join(", ")
        ));
    }
    if args.threads == Some(0) {
        return fatal("--threads must be at least 1");
    }
    let opts = ddlint::Options {
        paths: args.paths,
        kind: args.repo_kind.map(|k| match k {
            Kind::Extras => RepoKind::Extras,
            Kind::Marketplace => RepoKind::Marketplace,
            Kind::Core => RepoKind::Core,
        }),
        threads: args.threads,
        settings: Settings {
            select: args.select,
            ignore: args.ignore,
            ..Settings::default()
        },
        changed_since: args.changed_since,
    };
    let opts = match with_config_file(opts, args.config.as_deref(), &registry) {
        Ok(o) => o,
        Err(e) => return fatal(&e),
    };
    let mut report = match ddlint::validate(&opts) {
        Ok(r) => r,
        Err(e) => return fatal(&e.0),
    };
    if args.fix {
        match fix_and_revalidate(&opts, report) {
            Ok(r) => report = r,
            Err(code) => return code,
        }
    }
    if args.format == Format::Github {
        write_step_summary(&report);
    }
    let text = match args.format {
        Format::Json if args.statistics => report::statistics::render_json(&report),
        Format::Json => report::json::render(&report, false),
        Format::Sarif => report::sarif::render(&report),
        Format::Github => report::github::render(&report),
        Format::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::human::render(
                &report,
                report::human::HumanOptions {
                    color,
                    width: 100,
                    quiet: args.quiet,
                    statistics: args.statistics,
                },
            )
        }
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        // A closed pipe (`ddlint … | head`) is not a failure of the validation.
    }
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Read `--config FILE` (or `ddlint.toml` at the repository root) and put the command line's
/// settings on top of it.
fn with_config_file(
    mut opts: ddlint::Options,
    explicit: Option<&std::path::Path>,
    registry: &[&'static dyn rules::Rule],
) -> Result<ddlint::Options, String> {
    let root = match explicit {
        // An explicit file does not need the repository to be found first.
        Some(_) => PathBuf::new(),
        None => match ddlint::repo::discover(&ddlint::repo::DiscoverOptions {
            paths: &opts.paths,
            kind: opts.kind,
        }) {
            Ok(repo) => repo.root,
            // `validate` reports the same error.
            Err(_) => return Ok(opts),
        },
    };
    let file = ddlint::config::load(&root, explicit, registry)?;
    opts.settings = file.overridden_by(std::mem::take(&mut opts.settings));
    Ok(opts)
}

/// `--fix`: apply the fixes, say what changed on stderr, then validate again so the report shows
/// what is left. Fixes that overlapped one already applied get their turn in the next round, so
/// a second `--fix` has nothing left to do.
fn fix_and_revalidate(
    opts: &ddlint::Options,
    mut report: ddlint::Report,
) -> Result<ddlint::Report, ExitCode> {
    const MAX_ROUNDS: usize = 10;
    if !report.diagnostics.iter().any(|d| d.fix.is_some()) {
        return Ok(report);
    }
    let root = match ddlint::repo::discover(&ddlint::repo::DiscoverOptions {
        paths: &opts.paths,
        kind: opts.kind,
    }) {
        Ok(repo) => repo.root,
        Err(e) => return Err(fatal(&e.0)),
    };
    let mut total = ddlint::fix::FixOutcome::default();
    for _ in 0..MAX_ROUNDS {
        if !report.diagnostics.iter().any(|d| d.fix.is_some()) {
            break;
        }
        let outcome = ddlint::fix::apply(&root, &report.diagnostics);
        let progressed = !outcome.applied.is_empty();
        total.applied.extend(outcome.applied);
        for f in outcome.files {
            if !total.files.contains(&f) {
                total.files.push(f);
            }
        }
        total.failed.extend(outcome.failed);
        if !progressed {
            break;
        }
        report = ddlint::validate(opts).map_err(|e| fatal(&e.0))?;
    }
    eprint!("{}", ddlint::fix::describe(&total));
    Ok(report)
}

/// With `--format github` inside GitHub Actions, append a Markdown job summary (counts and a
/// table of findings) to `$GITHUB_STEP_SUMMARY`.
fn write_step_summary(report: &ddlint::Report) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let text = report::github::summary_markdown(report);
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!("ddlint: warning: cannot write the job summary: {e}");
    }
}
