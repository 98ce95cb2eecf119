//! Corpus assertions of this family.

use super::*;
use ddlint::diagnostic::Severity;

/// ddev 14.4.0 passes all 193 metadata.csv files of integrations-extras: no `metadata/*` error.
#[test]
fn no_metadata_error_on_the_real_tree() {
    let r = extras();
    let errors: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("metadata/") && d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{} {}:{:?} {}",
                d.rule,
                d.location.path,
                d.location.start(),
                d.message
            )
        })
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The only metadata findings are empty descriptions (a warning, as in ddev), and they are
/// really empty cells.
#[test]
fn empty_descriptions_are_real() {
    let r = extras();
    let other: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("metadata/") && d.rule != "metadata/description-empty")
        .map(|d| d.rule)
        .collect();
    assert!(other.is_empty(), "{other:?}");
    let empty = of(r, "metadata/description-empty");
    assert!(empty.len() > 500, "{}", empty.len());
    for d in empty {
        assert_eq!(d.severity, Severity::Warning);
        let (Some(src), Some(span)) = (&d.location.source, d.location.span) else {
            panic!("no position: {}", d.message)
        };
        let text = src.slice(span);
        assert!(text.is_empty() || text == "\"\"", "{text}");
        assert!(d.location.path.ends_with("metadata.csv"));
    }
    assert!(integrations_of(r, "metadata/description-empty").contains(&"celerdata".to_string()));
}

/// Every `metrics.check` of the corpus is described in its metadata.csv, and no integration with
/// metric rows lacks one (cloudquery's empty `check` goes with a header-only file).
#[test]
fn metric_check_rules_are_quiet_on_the_real_tree() {
    let r = extras();
    assert!(of(r, "manifest/metric-check-not-in-metadata").is_empty());
    assert!(of(r, "manifest/metric-check-missing").is_empty());
}

/// The CRLF file (sosivio) and the file without a final newline (notion) are read like the
/// others: their metric names are checked without a stray `\r`.
#[test]
fn crlf_and_unterminated_files_read_cleanly() {
    let r = extras();
    for name in ["sosivio", "notion"] {
        assert!(
            !r.diagnostics
                .iter()
                .any(|d| d.integration.as_deref() == Some(name)
                    && d.rule.starts_with("metadata/")
                    && d.severity == Severity::Error),
            "{name}"
        );
    }
}
