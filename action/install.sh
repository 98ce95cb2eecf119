#!/usr/bin/env bash
# Install ddlint for the GitHub Action: the release binary for this runner when the release
# exists (checksum verified), otherwise `cargo install --locked` from the action's own checkout.
#
# Environment: DDLINT_VERSION (default: the version in the action's Cargo.toml),
# DDLINT_REPOSITORY (owner/name hosting the releases), RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP,
# GITHUB_ACTION_PATH, GITHUB_PATH. DDLINT_INSTALL_DRY_RUN=1 prints the plan and stops.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
version="${DDLINT_VERSION:-}"
if [ -z "$version" ] || [ "$version" = "auto" ]; then
  version="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$action_path/Cargo.toml" | head -n 1)"
fi
version="${version#v}"
repository="${DDLINT_REPOSITORY:-ddlint/ddlint}"

case "${RUNNER_OS:-$(uname -s)}/${RUNNER_ARCH:-$(uname -m)}" in
  Linux/X64 | Linux/x86_64) target=x86_64-unknown-linux-musl ext=tar.gz ;;
  Linux/ARM64 | Linux/aarch64) target=aarch64-unknown-linux-musl ext=tar.gz ;;
  macOS/X64 | Darwin/x86_64) target=x86_64-apple-darwin ext=tar.gz ;;
  macOS/ARM64 | Darwin/arm64) target=aarch64-apple-darwin ext=tar.gz ;;
  Windows/X64) target=x86_64-pc-windows-msvc ext=zip ;;
  *) target="" ext="" ;;
esac

archive="ddlint-${version}-${target}.${ext}"
url="https://github.com/${repository}/releases/download/v${version}/${archive}"
bin_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ddlint-${version}/bin"

if [ "${DDLINT_INSTALL_DRY_RUN:-}" = "1" ]; then
  echo "version=${version}"
  echo "target=${target}"
  echo "url=${url}"
  echo "bin_dir=${bin_dir}"
  exit 0
fi

add_to_path() {
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$1" >>"$GITHUB_PATH"; fi
  export PATH="$1:$PATH"
}

from_release() {
  [ -n "$target" ] || return 1
  local tmp
  tmp="$(mktemp -d)"
  curl --fail --silent --show-error --location --retry 3 -o "$tmp/$archive" "$url" || return 1
  curl --fail --silent --show-error --location --retry 3 -o "$tmp/$archive.sha256" "$url.sha256" || return 1
  local want got
  want="$(cut -d' ' -f1 <"$tmp/$archive.sha256")"
  if command -v sha256sum >/dev/null 2>&1; then
    got="$(sha256sum "$tmp/$archive" | cut -d' ' -f1)"
  else
    got="$(shasum -a 256 "$tmp/$archive" | cut -d' ' -f1)"
  fi
  if [ "$want" != "$got" ]; then
    echo "::error title=ddlint::checksum mismatch for ${archive}" >&2
    return 1
  fi
  mkdir -p "$bin_dir"
  if [ "$ext" = zip ]; then
    unzip -q -o "$tmp/$archive" -d "$tmp/x"
  else
    mkdir -p "$tmp/x" && tar -xzf "$tmp/$archive" -C "$tmp/x"
  fi
  find "$tmp/x" -type f \( -name ddlint -o -name ddlint.exe \) -exec cp {} "$bin_dir/" \;
  chmod +x "$bin_dir"/ddlint* 2>/dev/null || true
  [ -n "$(ls "$bin_dir")" ]
}

if from_release; then
  echo "Installed ddlint ${version} (${target}) from the release."
  add_to_path "$bin_dir"
else
  echo "No release binary of ddlint ${version} for this runner; building it with cargo install --locked."
  root="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ddlint-cargo"
  cargo install --locked --root "$root" --path "$action_path"
  add_to_path "$root/bin"
fi
ddlint --version
