use super::marketplace_util::{all_private_offers, manifest_object, missing_key, wrong_type};
use crate::diagnostic::Finding;
use crate::model::{normalize_rel, Entry};
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplaceEula;

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-eula",
    kinds: MARKETPLACE,
    summary: "marketplace `legal_terms.eula` is missing, not a .pdf, absent, or not a PDF file",
    explanation: "\
Buyers of a Marketplace listing accept its end-user licence agreement, which Datadog publishes
from the PDF that `legal_terms.eula` names (relative to the integration directory, usually
`assets/eula.pdf`). The key is required, except for a listing whose every pricing item is
`private_offer_only` (its terms are negotiated per offer). As in `ddev validate eula`, the file
must exist, end in `.pdf`, and start with the `%PDF` signature.

Bad:   \"legal_terms\": {\"eula\": \"assets/eula.docx\"}
Good:  \"legal_terms\": {\"eula\": \"assets/eula.pdf\"}   (and assets/eula.pdf is a real PDF)",
    ..RuleMeta::DEFAULT
};

impl Rule for MarketplaceEula {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = manifest_object(ctx) else {
            return;
        };
        let Some(legal) = root.get("legal_terms") else {
            if !all_private_offers(root) {
                out.push(
                    missing_key(
                        source,
                        root,
                        "",
                        "the manifest has no `legal_terms.eula` (required for a marketplace listing)",
                    )
                    .help("add `\"legal_terms\": {\"eula\": \"assets/eula.pdf\"}` and commit the PDF"),
                );
            }
            return;
        };
        if legal.as_object().is_none() {
            out.push(
                wrong_type(source, legal, "legal_terms", "an object")
                    .help("write `\"legal_terms\": {\"eula\": \"assets/eula.pdf\"}`"),
            );
            return;
        }
        let Some(eula) = legal.get("eula") else {
            if !all_private_offers(root) {
                out.push(
                    missing_key(source, root, "/legal_terms", "`legal_terms` has no `eula`")
                        .help("add `\"eula\": \"assets/eula.pdf\"` and commit the PDF"),
                );
            }
            return;
        };
        let Some(path) = eula.as_str() else {
            out.push(
                wrong_type(source, eula, "legal_terms.eula", "a path")
                    .help("set `legal_terms.eula` to the PDF's path, e.g. `assets/eula.pdf`"),
            );
            return;
        };
        let Some(rel) = normalize_rel(path) else {
            out.push(
                Finding::at(
                    source,
                    eula.span,
                    format!("`legal_terms.eula` `{path}` is not a path inside the integration"),
                )
                .help("use a path relative to the integration directory, e.g. `assets/eula.pdf`"),
            );
            return;
        };
        if !rel.to_ascii_lowercase().ends_with(".pdf") {
            // The content check would only repeat the problem for a file that is not a PDF.
            out.push(
                Finding::at(
                    source,
                    eula.span,
                    format!("`legal_terms.eula` `{path}` is not a .pdf file"),
                )
                .help("export the EULA as PDF and point `legal_terms.eula` at it, e.g. `assets/eula.pdf`"),
            );
            return;
        }
        match ctx.integration.tree.get(&rel) {
            // Reported once by layout/manifest-only.
            None if ctx.manifest_only() => {}
            None => {
                out.push(
                    Finding::at(
                        source,
                        eula.span,
                        format!("EULA file `{path}` does not exist"),
                    )
                    .label("no such file")
                    .help(format!(
                        "commit the EULA PDF as `{}`",
                        ctx.integration.repo_path(&rel)
                    )),
                );
            }
            Some(Entry::File { .. }) => {
                let Some(head) = ctx.integration.heads.get(&rel) else {
                    // Unreadable: file/unreadable reports it.
                    return;
                };
                if !is_pdf(head) {
                    out.push(
                        Finding::at(
                            source,
                            eula.span,
                            format!("EULA file `{path}` is not a PDF (it does not start with `%PDF`)"),
                        )
                        .help("export the EULA as a PDF document; renaming another format to .pdf is not enough"),
                    );
                }
            }
            Some(_) => {
                out.push(
                    Finding::at(
                        source,
                        eula.span,
                        format!("EULA path `{path}` is not a regular file"),
                    )
                    .help("point `legal_terms.eula` at the PDF file itself"),
                );
            }
        }
    }
}

/// ddev's test: the bytes up to the first newline contain `%PDF`.
fn is_pdf(head: &[u8]) -> bool {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    first_line.windows(4).any(|w| w == b"%PDF")
}

#[cfg(test)]
mod tests {
    use super::is_pdf;

    #[test]
    fn pdf_magic() {
        assert!(is_pdf(b"%PDF-1.7\n%\xe2\xe3"));
        assert!(is_pdf(b"\xef\xbb\xbf%PDF-1.4"));
        assert!(!is_pdf(b""));
        assert!(!is_pdf(b"PK\x03\x04"));
        assert!(!is_pdf(b"hello\n%PDF-1.4"));
    }
}
