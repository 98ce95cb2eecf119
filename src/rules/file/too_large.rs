use super::FileProblemRule;
use crate::rules::RuleMeta;

pub static RULE: FileProblemRule = FileProblemRule(&RuleMeta {
    id: "file/too-large",
    summary: "a text file is over 16 MiB and is not parsed",
    explanation: "\
Integration text files are small: the largest metadata.csv in integrations-extras is a few
hundred kilobytes. A text file over 16 MiB is almost always a mistake (a generated dump, a
binary committed under the wrong name) and is not parsed, so that one file cannot stall the run.

Bad:   a 100 MB metadata.csv
Good:  metadata.csv with one row per metric",
    ..RuleMeta::DEFAULT
});
