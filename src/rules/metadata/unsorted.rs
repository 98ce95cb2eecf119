use crate::diagnostic::{Edit, Finding, Fix, Location};
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta, CORE};
use crate::source::Span;

pub struct Unsorted;

static META: RuleMeta = RuleMeta {
    id: "metadata/unsorted",
    kinds: CORE,
    fixable: true,
    summary: "core only: metadata.csv rows are not sorted by metric_name",
    explanation: "\
In integrations-core, metadata.csv rows are kept sorted by metric_name (plain code-point order),
which keeps diffs small and duplicates visible. Integrations listed in `.ddev/config.toml`
`overrides.validate.metrics.unsorted` are exempt. The safe fix sorts the rows (the header stays
first; rows with the same name keep their order).

Bad:   acme.requests,...
       acme.errors,...
Good:  acme.errors,...
       acme.requests,...",
    ..RuleMeta::DEFAULT
};

impl Rule for Unsorted {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if ctx.repo.ddev.metrics_unsorted.contains(ctx.name()) {
            return;
        }
        let Some(t) = Table::of(ctx) else { return };
        let Some(col) = t.column("metric_name") else {
            return;
        };
        let rows = &t.doc.rows;
        let key = |i: usize| rows[i].get(col).map_or("", |c| c.value.as_str());
        let Some(bad) = (1..rows.len()).find(|&i| key(i) < key(i - 1)) else {
            return;
        };
        let span = rows[bad].get(col).map_or(rows[bad].span, |c| c.span);
        let mut finding = Finding::at(
            t.source,
            span,
            format!(
                "rows are not sorted by metric_name: `{}` comes after `{}`",
                key(bad),
                key(bad - 1)
            ),
        )
        .help("sort the rows by metric_name (`ddlint validate --fix` does it)")
        .related(
            Location::in_file(
                t.source,
                rows[bad - 1]
                    .get(col)
                    .map_or(rows[bad - 1].span, |c| c.span),
            ),
            "previous row",
        );
        // The fix rewrites the rows only when the whole file was read.
        if t.doc.error.is_none() {
            let newline = t
                .doc
                .header
                .as_ref()
                .map(|h| h.terminator)
                .filter(|s| !s.is_empty())
                .unwrap_or("\n");
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_by(|&a, &b| key(a).cmp(key(b)));
            let text: Vec<&str> = order
                .iter()
                .map(|&i| t.source.slice(rows[i].span))
                .collect();
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                return;
            };
            finding = finding.fix(Fix {
                description: "sort the rows by metric_name".into(),
                edits: vec![Edit {
                    span: Span::new(first.span.start, last.span.end),
                    replacement: text.join(newline),
                }],
            });
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Settings;
    use crate::repo::RepoKind;

    /// Apply a diagnostic's fix to its file's text.
    fn fixed(case: &str, rule: &str, kind: RepoKind) -> (String, String) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(case);
        let opts = crate::Options {
            paths: vec![dir],
            kind: Some(kind),
            threads: Some(1),
            settings: Settings {
                select: vec![rule.to_string()],
                ..Settings::default()
            },
            ..crate::Options::default()
        };
        let report = crate::validate(&opts).expect("validate");
        let d = &report.diagnostics[0];
        let src = d.location.source.as_ref().expect("source");
        let mut text = src.text.clone();
        let fix = d.fix.as_ref().expect("fix");
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            text.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        (src.text.clone(), text)
    }

    #[test]
    fn the_fix_sorts_the_rows_and_keeps_the_header() {
        let (before, after) = fixed(
            "fixtures/metadata/unsorted/core_unsorted",
            "metadata/unsorted",
            RepoKind::Core,
        );
        let mut lines: Vec<&str> = before.lines().collect();
        lines[1..].sort();
        assert_eq!(after, lines.join("\n") + "\n");
        assert_eq!(after.lines().next(), before.lines().next());
    }

    #[test]
    fn the_empty_object_fix_writes_an_array() {
        let (_, after) = fixed(
            "fixtures/service-checks/invalid-json/empty_object",
            "service-checks/invalid-json",
            RepoKind::Extras,
        );
        assert_eq!(after, "[]\n");
    }

    #[test]
    fn the_integration_fixes_write_the_expected_values() {
        let (before, after) = fixed(
            "fixtures/service-checks/integration-mismatch/community_version",
            "service-checks/integration-mismatch",
            RepoKind::Extras,
        );
        assert_eq!(
            after,
            before.replace("\"Acme\"", "\"Acme (Community Version)\"")
        );
        let (before, after) = fixed(
            "fixtures/metadata/integration-mismatch/display_name_not_normalized",
            "metadata/integration-mismatch",
            RepoKind::Extras,
        );
        assert_eq!(after, before.replacen(",Acme,", ",acme,", 1));
    }
}
