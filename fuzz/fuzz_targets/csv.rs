#![no_main]
//! `ddlint::parse::csv::parse` must never panic or hang, whatever the text.

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(source) = common::source(data) else {
        return;
    };
    let doc = ddlint::parse::csv::parse(&source);
    std::hint::black_box(&doc);
});
