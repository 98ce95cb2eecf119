use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct PartnerIntegration;

static META: RuleMeta = RuleMeta {
    id: "naming/partner-integration",
    kinds: MARKETPLACE,
    summary: "a marketplace directory is not named `<partner>_<integration>`",
    explanation: "\
`ddev create` names a Marketplace integration `<partner>_<integration>` (the normalised company
name, `_`, the normalised integration name): that is the directory, the Python package and, with
`_` turned into `-`, the `app_id`. A name without the partner part, or with empty parts (`__`) or
other characters, breaks the convention the marketplace repository relies on to tell vendors'
listings apart.

Bad:   reporter/            acme__cloud/          acme-cloud/
Good:  acme_reporter/       acme_cloud/",
    ..RuleMeta::DEFAULT
};

/// `^[a-z0-9]+(_[a-z0-9]+)+$`
pub fn is_partner_integration(name: &str) -> bool {
    let parts: Vec<&str> = name.split('_').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A suggestion: the partner (vendor_id) prefixed when missing, everything else normalised.
fn suggest(name: &str, vendor: Option<&str>) -> String {
    let norm: String = name
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    if norm.contains('_') {
        return norm;
    }
    match vendor.map(|v| v.replace('-', "_")) {
        Some(v) if !v.is_empty() && is_partner_integration(&format!("{v}_{norm}")) => {
            format!("{v}_{norm}")
        }
        _ => format!("<partner>_{norm}"),
    }
}

impl Rule for PartnerIntegration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let name = ctx.name();
        if is_partner_integration(name) {
            return;
        }
        let vendor = ctx.integration.manifest_str("/author/vendor_id");
        let why = if name
            .bytes()
            .any(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
        {
            "has characters other than lowercase letters, digits and `_`"
        } else if !name.contains('_') {
            "has no `<partner>_` part"
        } else {
            "has an empty part (`__` or a leading/trailing `_`)"
        };
        out.push(
            Finding::new(
                Location::path_only(name),
                format!(
                    "marketplace directory `{name}` is not `<partner>_<integration>`: it {why}"
                ),
            )
            .help(format!(
                "rename the directory to `{}`",
                suggest(name, vendor)
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for ok in [
            "rapdev_sophos",
            "crest_data_systems_sentinel_one",
            "iocs_dmi4apm",
            "a_1",
        ] {
            assert!(is_partner_integration(ok), "{ok}");
        }
        for bad in [
            "moogsoft",
            "statsig-statsig",
            "a__b",
            "_a_b",
            "a_b_",
            "Acme_Cloud",
            "",
            "_",
        ] {
            assert!(!is_partner_integration(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("statsig-statsig", Some("statsig")),
            "statsig_statsig"
        );
        assert_eq!(suggest("reporter", Some("rapdev")), "rapdev_reporter");
        assert_eq!(suggest("reporter", None), "<partner>_reporter");
        assert_eq!(suggest("a__b", None), "a_b");
    }
}
