#![no_main]
//! The span-preserving JSON parser (manifest.json, service_checks.json, asset JSON files): no
//! panic, no stack overflow, and every span it reports is valid.

mod common;

use ddlint::parse::json::{self, Node, Value};
use libfuzzer_sys::fuzz_target;

fn walk(source: &ddlint::source::SourceFile, node: &Node, budget: &mut usize) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    common::check_span(source, node.span);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| walk(source, n, budget)),
        Value::Object(members) => {
            for m in members {
                common::check_span(source, m.key_span);
                assert!(m.key_span.end <= m.value.span.start);
                walk(source, &m.value, budget);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(source) = common::source(data) else {
        return;
    };
    match json::parse(&source.text, source.content_start) {
        Ok(doc) => {
            walk(&source, &doc.root, &mut 10_000);
            for d in &doc.duplicates {
                common::check_span(&source, d.first);
                common::check_span(&source, d.duplicate);
                let _ = doc.root.pointer(&d.object_pointer);
            }
            // What the rules do with a parsed document.
            let _ = doc.root.to_serde();
            let _ = doc
                .root
                .pointer("/assets/integration/metrics/metadata_path");
            let _ = doc.root.key_span("/tile/title");
        }
        Err(e) => common::check_span(&source, e.span),
    }
});
