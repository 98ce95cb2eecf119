use super::FileProblemRule;
use crate::diagnostic::Severity;
use crate::rules::RuleMeta;

pub static RULE: FileProblemRule = FileProblemRule(&RuleMeta {
    id: "file/bom",
    severity: Severity::Warning,
    summary: "a text file starts with a UTF-8 byte-order mark",
    explanation: "\
A UTF-8 byte-order mark (EF BB BF) at the start of a file is invisible in most editors but breaks
tools that do not expect it: Python's `json.load` rejects such a manifest.json, and a BOM before
the header of metadata.csv turns `metric_name` into an unknown column. ddlint skips the mark and
parses the rest.

Bad:   \\xEF\\xBB\\xBF{\"manifest_version\": \"2.0.0\", …}
Good:  {\"manifest_version\": \"2.0.0\", …}",
    ..RuleMeta::DEFAULT
});
