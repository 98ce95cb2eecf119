#![no_main]
//! Configuration files: `ddlint.toml` and `.ddev/config.toml` (TOML), and the selectors and
//! globs they hold.

mod common;

use libfuzzer_sys::fuzz_target;

/// The `ddlint.toml` loader (`ddlint::config::parse_file`), then what a run does with the
/// settings it returns.
fn parse_ddlint_toml(text: &str) {
    let rules = ddlint::rules::registry();
    if let Ok(settings) = ddlint::config::parse_file("ddlint.toml", text, &rules) {
        for r in &rules {
            let _ = settings.enabled(r.meta());
        }
        let _ = settings.ignored_at("metadata/invalid-unit", "acme/metadata.csv", Some("acme"));
        let _ = settings.severity_for("metadata/invalid-unit", ddlint::diagnostic::Severity::Error);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(source) = common::source(data) else {
        return;
    };
    let text = source.content();
    if let Ok(table) = toml::from_str::<toml::Table>(text) {
        std::hint::black_box(&table);
    }
    let _ = ddlint::repo::DdevConfig::parse(text);
    parse_ddlint_toml(text);
    // Selectors and scoped-ignore globs as a config file could write them.
    for line in text.lines().take(16) {
        let _ = ddlint::config::selector_matches(line, "metadata/invalid-unit");
        if let Ok(glob) = globset::Glob::new(line) {
            let _ = glob.compile_matcher().is_match("acme/metadata.csv");
        }
    }
});
