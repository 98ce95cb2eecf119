use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct EmptyFile;

static META: RuleMeta = RuleMeta {
    id: "metadata/empty-file",
    summary: "metadata.csv is empty (it needs at least the header row)",
    explanation: "\
An integration that declares metadata.csv must give it at least the header row, so that
Datadog's pipelines (and ddev) can read the columns. An empty file, or one holding only blank
lines, is rejected. Remove the file and `metrics.metadata_path` if the integration has no
metrics.

Bad:   an empty metadata.csv
Good:  metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric",
    ..RuleMeta::DEFAULT
};

impl Rule for EmptyFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::file(ctx) else { return };
        if t.doc.header.is_some() || t.doc.error.is_some() {
            return;
        }
        let at = t.source.content_start;
        let what = if t.source.content().is_empty() {
            "is empty"
        } else {
            "holds only blank lines"
        };
        out.push(
            Finding::at(t.source, Span::empty(at), format!("metadata.csv {what}"))
                .help("add the header row `metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric`, or remove the file if the integration has no metrics"),
        );
    }
}
