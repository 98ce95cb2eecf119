use super::FileProblemRule;
use crate::rules::RuleMeta;

pub static RULE: FileProblemRule = FileProblemRule(&RuleMeta {
    id: "file/unreadable",
    summary: "a file the integration needs cannot be read",
    explanation: "\
A file ddlint needs to validate the integration cannot be read: it is a directory, a socket or
another non-regular file, a broken or looping symbolic link, a link that leads outside the
repository (ddlint never follows those), or the operating system refused to read it.

The other rules cannot check what they cannot read, so the file's checks are skipped.

Bad:   manifest.json -> /etc/passwd      (a link out of the repository)
Good:  manifest.json                     (a regular file inside the integration)",
    ..RuleMeta::DEFAULT
});
