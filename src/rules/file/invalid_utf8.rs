use super::FileProblemRule;
use crate::rules::RuleMeta;

pub static RULE: FileProblemRule = FileProblemRule(&RuleMeta {
    id: "file/invalid-utf8",
    summary: "a text file is not valid UTF-8",
    explanation: "\
Every text file of an integration (manifest.json, metadata.csv, CHANGELOG.md, README.md…) must be
UTF-8. Datadog's pipelines and ddev read them as UTF-8 and fail or garble the text otherwise.
The diagnostic points at the first byte that is not UTF-8; the file is not parsed further.

Bad:   a metadata.csv saved as Latin-1 (`é` stored as the single byte 0xE9)
Good:  the same file saved as UTF-8 (`é` stored as 0xC3 0xA9)",
    ..RuleMeta::DEFAULT
});
