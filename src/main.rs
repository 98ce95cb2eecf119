//! The `ddlint` command line: parse arguments, call the library, map the result to an exit code.

use clap::{Parser, Subcommand, ValueEnum};
use ddlint::config::{unknown_selectors, Settings};
use ddlint::repo::RepoKind;
use ddlint::report;
use ddlint::rules;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

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
    let report = match ddlint::validate(&opts) {
        Ok(r) => r,
        Err(e) => return fatal(&e.0),
    };
    let text = match args.format {
        Format::Json => report::json::render(&report, false),
        Format::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::human::render(
                &report,
                report::human::HumanOptions {
                    color,
                    width: 100,
                    quiet: args.quiet,
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
