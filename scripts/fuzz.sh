#!/usr/bin/env bash
# Fuzz every ddlint parser with libFuzzer (issue 7). Not part of `cargo test`.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets (fuzz/fuzz_targets/): json (with span checks), csv, changelog, about, markdown,
# codeowners, ddlint_toml. Default: 120 seconds each, all targets.
#
# What works on this machine (Rust stable + a nightly toolchain installed with rustup):
#   cargo install cargo-fuzz          # once
#   cargo +nightly fuzz build         # cargo-fuzz passes -Zsanitizer=address and the
#                                     # sanitizer-coverage flags, which only nightly accepts
# Without a nightly toolchain, `RUSTC_BOOTSTRAP=1 cargo fuzz build -s none` makes stable accept
# the same -Z flags (no sanitizer); set FUZZ_TOOLCHAIN=bootstrap to use that.
# The fuzz crate is its own workspace (fuzz/Cargo.toml has `[workspace]`), so the main build and
# `cargo test` never compile it. Seeds: every fixture and example file of the matching kind, and
# the shared corpus next to the checkout when it is there. Crashes land in
# fuzz/artifacts/<target>/; reproduce one with `cargo +nightly fuzz run <target> <file>` and turn
# it into a regression test (tests/hostile.rs or the parser's unit tests).
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-120}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json csv changelog about markdown codeowners ddlint_toml)
shared="$here/../shared/corpus"
[ -d "$shared" ] || shared=/work/shared/corpus

case "${FUZZ_TOOLCHAIN:-nightly}" in
    bootstrap) fuzz=(env RUSTC_BOOTSTRAP=1 cargo fuzz); sanitizer=(-s none) ;;
    *) fuzz=(cargo +nightly fuzz); sanitizer=() ;;
esac
command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo install cargo-fuzz" >&2; exit 2; }

# Seed corpora: small real files of each kind.
seed() { # target, find-name pattern...
    local t="$1"; shift
    local dir="$here/fuzz/seeds/$t"
    mkdir -p "$dir"
    local args=() first=1
    for pat in "$@"; do
        [ $first = 1 ] || args+=(-o)
        args+=(-name "$pat"); first=0
    done
    find "$here/fixtures" "$here/tests" "$shared" -type f -size -64k \( "${args[@]}" \) 2>/dev/null \
        | head -n 300 | while read -r f; do cp "$f" "$dir/$(echo "$f" | cksum | cut -d' ' -f1)"; done
}
seed json '*.json'
seed csv 'metadata.csv' '*.csv'
seed changelog 'CHANGELOG.md'
seed about '__about__.py'
seed markdown 'README.md'
seed codeowners 'CODEOWNERS'
seed ddlint_toml 'ddlint.toml' 'config.toml' 'pyproject.toml'

cd "$here/fuzz"
"${fuzz[@]}" build "${sanitizer[@]}" || exit 2
status=0
summary=""
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    log="$(mktemp)"
    "${fuzz[@]}" run "${sanitizer[@]}" "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*')
    crashes=$(find "artifacts/$t" -type f | wc -l)
    line=$(printf '%-12s %10s execs  %5ss  cov %6s  %s' "$t" "${runs:-?}" "$secs" "${cov:-?}" \
        "$([ $rc = 0 ] && echo ok || echo "FAILED (rc $rc, $crashes artifact(s) in fuzz/artifacts/$t)")")
    echo "$line"
    summary+="$line"$'\n'
    [ $rc = 0 ] || { status=1; tail -n 40 "$log"; }
    rm -f "$log"
done
printf '\n%s' "$summary"
exit $status
