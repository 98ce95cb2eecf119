//! metadata.csv rules (one rule per file), with the constants of ddev-reference §2.2 and the
//! helpers they share.

use super::{Context, Rule};
use crate::diagnostic::{Finding, Location};
use crate::parse::csv::{Cell, CsvDoc, Record};
use crate::source::SharedSource;
use std::collections::HashMap;

mod units;
pub use units::VALID_UNIT_NAMES;

mod column_count;
mod description_empty;
mod description_length;
mod description_pipe;
mod duplicate_metric;
mod duplicate_short_name;
mod empty_file;
mod integration_mismatch;
mod invalid_csv;
mod invalid_curated_metric;
mod invalid_interval;
mod invalid_metric_name;
mod invalid_metric_type;
mod invalid_orientation;
mod invalid_unit;
mod missing_column;
mod missing_prefix;
mod non_ascii;
mod prefix_mismatch;
mod required_empty;
mod time_per_time;
mod unknown_column;
mod unsorted;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &column_count::ColumnCount,
        &description_empty::DescriptionEmpty,
        &description_length::DescriptionLength,
        &description_pipe::DescriptionPipe,
        &duplicate_metric::DuplicateMetric,
        &duplicate_short_name::DuplicateShortName,
        &empty_file::EmptyFile,
        &integration_mismatch::IntegrationMismatch,
        &invalid_csv::InvalidCsv,
        &invalid_curated_metric::InvalidCuratedMetric,
        &invalid_interval::InvalidInterval,
        &invalid_metric_name::InvalidMetricName,
        &invalid_metric_type::InvalidMetricType,
        &invalid_orientation::InvalidOrientation,
        &invalid_unit::InvalidUnit,
        &missing_column::MissingColumn,
        &missing_prefix::MissingPrefix,
        &non_ascii::NonAscii,
        &prefix_mismatch::PrefixMismatch,
        &required_empty::RequiredEmpty,
        &time_per_time::TimePerTime,
        &unknown_column::UnknownColumn,
        &unsorted::Unsorted,
    ]
}

/// Columns that must be present (ddev's REQUIRED_HEADERS plus the optional ones it still
/// requires in every file): the first nine of `ALL_COLUMNS`.
pub const REQUIRED_COLUMNS: &[&str] = ALL_COLUMNS.split_at(9).0;

/// Every known column, in the canonical order ddev writes.
pub const ALL_COLUMNS: &[&str] = &[
    "metric_name",
    "metric_type",
    "interval",
    "unit_name",
    "per_unit_name",
    "description",
    "orientation",
    "integration",
    "short_name",
    "curated_metric",
    "sample_tags",
];

pub const METRIC_TYPES: &[&str] = &["count", "gauge", "rate"];
pub const ORIENTATIONS: &[&str] = &["-1", "0", "1"];
pub const TIME_UNITS: &[&str] = &[
    "nanosecond",
    "microsecond",
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "week",
];
/// Metric name prefixes accepted in any integration (ddev's ALLOWED_PREFIXES).
pub const ALLOWED_PREFIXES: &[&str] = &[
    "system.", "jvm.", "http.", "datadog.", "sftp.", "process.", "runtime.", "otelcol_",
];
/// Integrations that collect other software's metrics under their own names.
pub const PROVIDER_INTEGRATIONS: &[&str] = &["openmetrics", "prometheus"];
pub const CURATED_TYPES: &[&str] = &["cpu", "memory"];

pub fn is_valid_unit(unit: &str) -> bool {
    VALID_UNIT_NAMES.binary_search(&unit).is_ok()
}

/// metadata.csv as the rules see it: present, with a header, and not excluded from metadata
/// validation by `.ddev/config.toml` (`overrides.validate.metrics.exclude`) or by being a
/// `datadog_checks_*` package, as in ddev.
pub struct Table<'a> {
    pub source: &'a SharedSource,
    pub doc: &'a CsvDoc,
}

impl<'a> Table<'a> {
    /// The file, whether or not it has a header.
    pub fn file(ctx: &'a Context) -> Option<Table<'a>> {
        if ctx.name().starts_with("datadog_checks_")
            || ctx.repo.ddev.metrics_exclude.contains(ctx.name())
        {
            return None;
        }
        let m = ctx.integration.metadata.as_ref()?;
        Some(Table {
            source: &m.source,
            doc: &m.doc,
        })
    }

    /// The file when it has a header.
    pub fn of(ctx: &'a Context) -> Option<Table<'a>> {
        Self::file(ctx).filter(|t| t.doc.header.is_some())
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.doc.column(name)
    }

    fn width(&self) -> usize {
        self.doc.header.as_ref().map_or(0, |h| h.cells.len())
    }

    /// Rows with as many fields as the header (the others are reported by
    /// `metadata/column-count` only, as their cells cannot be matched to columns).
    pub fn rows(&self) -> impl Iterator<Item = &'a Record> + '_ {
        let width = self.width();
        self.doc.rows.iter().filter(move |r| r.cells.len() == width)
    }

    /// Every cell of a column, with its row (well-formed rows only).
    pub fn cells(&self, name: &str) -> Vec<(&'a Record, &'a Cell)> {
        let Some(i) = self.column(name) else {
            return Vec::new();
        };
        self.rows()
            .filter_map(|r| r.get(i).map(|c| (r, c)))
            .collect()
    }

    /// The cell of a row under a column.
    pub fn cell<'r>(&self, row: &'r Record, name: &str) -> Option<&'r Cell> {
        row.get(self.column(name)?)
    }
}

/// What a repeated value of a column is reported with: the message (given the value and the
/// line of its first use), an optional label, the help and the label of the first use.
pub struct Repeat {
    pub message: fn(&str, usize) -> String,
    pub label: Option<&'static str>,
    pub help: &'static str,
    pub first: &'static str,
}

/// Reports each non-empty cell of `column` whose value an earlier row already has.
pub fn report_repeats(ctx: &Context, column: &str, repeat: &Repeat, out: &mut Vec<Finding>) {
    let Some(t) = Table::of(ctx) else { return };
    let mut seen = HashMap::new();
    for (_, cell) in t.cells(column) {
        if cell.value.is_empty() {
            continue;
        }
        match seen.get(cell.value.as_str()) {
            None => {
                seen.insert(cell.value.as_str(), cell.span);
            }
            Some(first) => {
                let line = t.source.position(first.start).line;
                let mut f = Finding::at(t.source, cell.span, (repeat.message)(&cell.value, line));
                if let Some(label) = repeat.label {
                    f = f.label(label);
                }
                out.push(
                    f.help(repeat.help)
                        .related(Location::in_file(t.source, *first), repeat.first),
                );
            }
        }
    }
}

/// ddev's `normalize_metric_name`: every run of characters outside `[A-Za-z0-9_.]` and any
/// leading run of non-letters becomes `_`; `_` next to a `.` are dropped; then leading and
/// trailing `_` are stripped.
pub fn normalize_metric_name(name: &str) -> String {
    // Step 1: METRIC_REPLACEMENT = `([^a-zA-Z0-9_.]+)|(^[^a-zA-Z]+)`, leftmost-first.
    let chars: Vec<char> = name.chars().collect();
    let mut s = String::with_capacity(name.len());
    let mut i = 0;
    let bad = |c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.');
    while i < chars.len() {
        if bad(chars[i]) {
            while i < chars.len() && bad(chars[i]) {
                i += 1;
            }
            s.push('_');
        } else if i == 0 && !chars[0].is_ascii_alphabetic() {
            while i < chars.len() && !chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            s.push('_');
        } else {
            s.push(chars[i]);
            i += 1;
        }
    }
    // Step 2: METRIC_DOTUNDERSCORE_CLEANUP = `_*\._*` -> `.`.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '.' {
            while out.ends_with('_') {
                out.pop();
            }
            out.push('.');
        } else if c == '_' && out.ends_with('.') {
            // dropped: an underscore right after a dot
        } else {
            out.push(c);
        }
    }
    out.trim_matches('_').to_string()
}

/// ddev's normalized display name: characters outside `[0-9A-Za-z-]` become `_`, runs of `_`
/// collapse, leading and trailing `_` are stripped, then lower-case.
pub fn normalize_display_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' {
            c
        } else {
            '_'
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    out.trim_matches('_').to_ascii_lowercase()
}

/// The expected value of the `integration` column (ddev §1.2 metadata_integration_name).
pub fn expected_integration(ctx: &Context) -> String {
    if let Some(n) = ctx.repo.ddev.metadata_integration.get(ctx.name()) {
        return n.clone();
    }
    normalize_display_name(&ctx.display_name())
}

/// The metric prefix, treating an empty one as absent.
pub fn metric_prefix(ctx: &Context) -> Option<String> {
    ctx.metric_prefix().filter(|p| !p.is_empty())
}

/// Levenshtein distance in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to `value` (case-insensitive first, then by edit distance), if it is
/// close enough to be a plausible typo.
pub fn closest<'c>(value: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // Suggestions are for typos; a long value is no typo (and would cost time).
    if value.len() > 100 {
        return None;
    }
    let lower = value.trim().to_lowercase();
    if let Some(c) = candidates.iter().find(|c| **c == lower) {
        return Some(c);
    }
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if let Some(c) = candidates.iter().find(|c| **c == singular) {
        return Some(c);
    }
    let (best, d) = candidates
        .iter()
        .map(|c| (*c, distance(&lower, c)))
        .min_by_key(|(c, d)| (*d, c.len()))?;
    let limit = (lower.chars().count() / 3).clamp(1, 3);
    (d <= limit).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_names_normalize_like_ddev() {
        assert_eq!(
            normalize_metric_name("acme.requests.count"),
            "acme.requests.count"
        );
        assert_eq!(normalize_metric_name("acme.req-count"), "acme.req_count");
        assert_eq!(normalize_metric_name("acme._x"), "acme.x");
        assert_eq!(normalize_metric_name("acme_.x"), "acme.x");
        assert_eq!(normalize_metric_name("1acme.x"), "acme.x");
        assert_eq!(normalize_metric_name("_acme"), "acme");
        assert_eq!(normalize_metric_name("acme_"), "acme");
        assert_eq!(normalize_metric_name("-1a"), "1a");
        assert_eq!(normalize_metric_name("acme..x."), "acme..x.");
        assert_eq!(normalize_metric_name("acme.µs"), "acme.s");
        assert_eq!(normalize_metric_name("a b  c"), "a_b_c");
    }

    #[test]
    fn display_names_normalize_like_ddev() {
        assert_eq!(
            normalize_display_name("Scalr (Community Version)"),
            "scalr_community_version"
        );
        assert_eq!(normalize_display_name("Cloud-Foo  Bar"), "cloud-foo_bar");
    }

    #[test]
    fn units_are_sorted_and_suggestions_are_sensible() {
        assert!(VALID_UNIT_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(VALID_UNIT_NAMES.len(), 354);
        assert!(is_valid_unit("złoty"));
        assert_eq!(closest("bytez", VALID_UNIT_NAMES), Some("byte"));
        assert_eq!(closest("bytes", VALID_UNIT_NAMES), Some("byte"));
        assert_eq!(closest("Second", VALID_UNIT_NAMES), Some("second"));
        assert_eq!(closest("milisecond", VALID_UNIT_NAMES), Some("millisecond"));
        assert_eq!(closest("zzzzzzzzzz", VALID_UNIT_NAMES), None);
    }
}
