#!/usr/bin/env bash
# Run ddlint for the GitHub Action: annotations (`--format github`) and a job summary for the
# integrations changed since the pull request's base, optionally a SARIF file, and the exit
# status as an output (the action fails in its last step, after the SARIF upload).
#
# Environment: DDLINT_BASE (a commit or ref; empty: validate the whole repository),
# DDLINT_PATH (repository root, default .), DDLINT_ARGS (extra arguments), DDLINT_SARIF (a file
# to write SARIF to, or empty), GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
set -uo pipefail

cd "${DDLINT_PATH:-.}" || { echo "::error title=ddlint::cannot enter ${DDLINT_PATH}"; exit 2; }
base="${DDLINT_BASE:-}"
# shellcheck disable=SC2206 # word splitting of the extra arguments is intended
extra=(${DDLINT_ARGS:-})
scope=()

if [ -n "$base" ]; then
  # A shallow checkout may not hold the base commit: fetch just that commit.
  if ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
    git fetch --no-tags --quiet --depth=1 origin "$base" || true
  fi
  if git cat-file -e "${base}^{commit}" 2>/dev/null; then
    scope=(--changed-since "$base")
  else
    echo "::warning title=ddlint::cannot find the base commit ${base}; validating the whole repository"
  fi
fi

status=0
ddlint validate ${scope[@]+"${scope[@]}"} --format github ${extra[@]+"${extra[@]}"} || status=$?

if [ -n "${DDLINT_SARIF:-}" ]; then
  ddlint validate ${scope[@]+"${scope[@]}"} --format sarif ${extra[@]+"${extra[@]}"} >"$DDLINT_SARIF" || true
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=${status}" >>"$GITHUB_OUTPUT"
fi
if [ "$status" -ge 2 ]; then
  echo "::error title=ddlint::ddlint could not run (exit status ${status})"
fi
exit 0
