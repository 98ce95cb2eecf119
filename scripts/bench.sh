#!/usr/bin/env bash
# Benchmark ddlint on a real repository (issue 7). Not part of `cargo test`.
#
#   scripts/bench.sh [CORPUS] [RUNS]
#
# CORPUS defaults to ../shared/corpus/integrations-extras (next to the checkout), RUNS to 15.
# Needs hyperfine, strace, python3 and GNU time (Debian: apt-get install hyperfine strace time).
# Every timing is a median over RUNS runs after warm-up runs, so the page cache is warm.
# It reports:
#   1. a full `ddlint validate` of CORPUS;
#   2. the floor: `cat` of every file ddlint opens during that run (list taken with strace), read
#      whole (ddlint reads only the first 16 bytes of images) — ddlint should stay within 5x;
#   3. the same on a 10x corpus (every integration copied ten times): at most 11x the 1x time;
#   4. `--threads 1` against the default on the 10x corpus (>= 1.6x on 2 cores);
#   5. the peak resident memory on the 10x corpus (<= 128 MiB);
#   6. a single-integration run (the pre-commit case) against `ddlint --version` (process start).
# Wall time on a shared machine is noisy: the CPU time (user+sys) is printed beside it.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-}"
[ -n "$corpus" ] || corpus="$here/../shared/corpus/integrations-extras"
[ -d "$corpus" ] || corpus=/work/shared/corpus/integrations-extras
corpus="$(cd "$corpus" && pwd -P)"
runs="${2:-15}"
for tool in hyperfine strace python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (apt-get install hyperfine strace time python3)" >&2; exit 2; }
done

(cd "$here" && cargo build --release --quiet)
bin="$here/target/release/ddlint"
work="$(mktemp -d "${TMPDIR:-/tmp}/ddlint-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The files ddlint opens (not directories), whole paths, NUL-separated.
strace -f -qq -e trace=openat,open -o "$work/strace.txt" "$bin" validate "$corpus" --quiet >/dev/null || true
python3 - "$corpus" "$work/strace.txt" "$work/files.lst" <<'PY'
import codecs, re, sys
root, trace, out = sys.argv[1].encode(), sys.argv[2], sys.argv[3]
files = set()
for line in open(trace, encoding="latin-1"):
    if "O_DIRECTORY" in line or "= -1" in line:
        continue
    m = re.search(r'open(?:at)?\((?:AT_FDCWD, )?"((?:[^"\\]|\\.)*)"', line)
    if m:
        p = codecs.escape_decode(m.group(1).encode("latin-1"))[0]
        if p.startswith(root + b"/"):
            files.add(p)
open(out, "wb").write(b"".join(p + b"\0" for p in sorted(files)))
PY
nfiles=$(tr -cd '\0' <"$work/files.lst" | wc -c)

# The 10x corpus: the repository's own files once, every integration ten times.
big="$work/x10/$(basename "$corpus")"
mkdir -p "$big"
for entry in "$corpus"/* "$corpus"/.[!.]*; do
    [ -e "$entry" ] || continue
    name="$(basename "$entry")"
    [ "$name" = .git ] && continue
    if [ -d "$entry" ] && [ "${name#.}" = "$name" ]; then
        for i in 0 1 2 3 4 5 6 7 8 9; do
            if [ $i = 0 ]; then cp -a "$entry" "$big/$name"; else cp -a "$entry" "$big/${name}_copy$i"; fi
        done
    else
        cp -a "$entry" "$big/$name"
    fi
done
manifests=("$corpus"/*/manifest.json)
one="$(dirname "${manifests[$(( ${#manifests[@]} / 2 ))]}")" # an integration from the middle

bench() { # name, command...
    local name="$1"; shift
    hyperfine -N -i --style none -w 3 -r "$runs" --export-json "$work/$name.json" "$*" >/dev/null 2>&1
}
bench full "$bin validate $corpus --quiet"
bench floor "xargs -0 -a $work/files.lst cat"
bench x10 "$bin validate $big --quiet"
bench x10_t1 "$bin validate $big --quiet --threads 1"
bench single "$bin validate $one --quiet"
bench start "$bin --version"
rss=()
for _ in 1 2 3; do
    rss+=("$( { /usr/bin/time -f '%M' "$bin" validate "$big" --quiet >/dev/null || true; } 2>&1 | tail -n 1)")
done

python3 - "$work" "$nfiles" "$(nproc)" "${rss[@]}" <<'PY'
import json, statistics, sys
work, nfiles, cores = sys.argv[1], sys.argv[2], sys.argv[3]
rss = sorted(int(x) for x in sys.argv[4:])
def load(name):
    r = json.load(open(f"{work}/{name}.json"))["results"][0]
    return r["median"] * 1000, (r["user"] + r["system"]) * 1000
m = {k: load(k) for k in ["full", "floor", "x10", "x10_t1", "single", "start"]}
rows = []
def line(label, key):
    wall, cpu = m[key]
    print(f"  {label:<52} {wall:8.1f} ms   (cpu {cpu:7.1f} ms)")
print(f"ddlint benchmark, {cores} cores, medians of warm runs")
line("full validate", "full")
line(f"floor: cat of the {nfiles} files ddlint opens", "floor")
line("10x corpus, default threads", "x10")
line("10x corpus, --threads 1", "x10_t1")
line("one integration (pre-commit)", "single")
line("process start (ddlint --version)", "start")
checks = [
    ("full / floor", m["full"][0] / m["floor"][0], "<=", 5.0),
    ("10x / 1x", m["x10"][0] / m["full"][0], "<=", 11.0),
    ("10x --threads 1 / default", m["x10_t1"][0] / m["x10"][0], ">=", 1.6),
    ("peak RSS on 10x (MiB)", statistics.median(rss) / 1024, "<=", 128.0),
    ("one integration - process start (ms)", m["single"][0] - m["start"][0], "<=", 10.0),
]
failed = 0
for label, value, op, limit in checks:
    ok = value <= limit if op == "<=" else value >= limit
    failed += not ok
    print(f"  {label:<52} {value:8.2f}   ({op} {limit:g}: {'ok' if ok else 'MISSED'})")
sys.exit(1 if failed else 0)
PY
