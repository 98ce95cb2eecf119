//! The human format, rendered without colour at a fixed width, is pinned by snapshots: any change
//! to what people read (snippets, underlines, help, grouping, the summary) shows up as a diff.

use ddlint::report::human::{render, HumanOptions};
use std::path::PathBuf;

fn example(name: &str) -> ddlint::Report {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let mut report = ddlint::validate(&ddlint::Options {
        paths: vec![dir],
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("validate {name}: {e}"));
    // The only part of the output that varies between runs.
    report.elapsed_ms = 0;
    report
}

const PLAIN: HumanOptions = HumanOptions {
    color: false,
    width: 100,
    quiet: false,
    statistics: false,
};

#[test]
fn example_extras_human_output() {
    insta::assert_snapshot!(render(&example("example-extras"), PLAIN));
}

#[test]
fn example_extras_statistics() {
    insta::assert_snapshot!(render(
        &example("example-extras"),
        HumanOptions {
            statistics: true,
            ..PLAIN
        }
    ));
}

#[test]
fn clean_marketplace_summary() {
    insta::assert_snapshot!(render(&example("example-marketplace"), PLAIN));
}
