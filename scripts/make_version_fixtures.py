#!/usr/bin/env python3
"""Regenerates the fixture cases of the version/, changelog/, naming/ (directory, package-mismatch,
metric-prefix-mismatch), readme/ and codeowners/ rules from scripts/make_example.py, each with one
change. Cases are rewritten from scratch (expected.txt too): run
`DDLINT_BLESS=1 cargo test --test fixtures` afterwards and review every expected.txt.
"""
import os, shutil, subprocess
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "fixtures")
MK = os.path.join(HERE, "make_example.py")

def case(rule, name, integ="acme", tile=False, kind=None, select=None):
    d = os.path.join(ROOT, rule, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    args = ["python3", MK, d, integ] + (["--tile-only"] if tile else [])
    subprocess.check_call(args)
    lines = []
    if kind: lines.append(f'kind = "{kind}"')
    if select: lines.append("select = [" + ", ".join(f'"{s}"' for s in select) + "]")
    if lines:
        open(os.path.join(d, "case.toml"), "w").write("\n".join(lines) + "\n")
    if not rule.startswith("readme/"):
        prune(os.path.join(d, integ))
    return d

def prune(i):
    """Drop the files no rule of these families reads (the case stays a valid integration)."""
    for rel in ["assets/dashboards", "assets/service_checks.json", "assets/configuration", "images", "metadata.csv"]:
        p = os.path.join(i, rel)
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
    for root, dirs, files in os.walk(os.path.join(i, "datadog_checks")):
        if os.path.basename(root) == "data":
            shutil.rmtree(root)

def sub(path, old, new, count=1):
    s = open(path).read()
    assert old in s, (path, old)
    s = s.replace(old, new, count)
    open(path, "w", newline="\n").write(s)

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w", newline="\n").write(text)

CL = lambda d, i="acme": os.path.join(d, i, "CHANGELOG.md")
AB = lambda d, i="acme": os.path.join(d, i, "datadog_checks", i, "__about__.py")
RM = lambda d, i="acme": os.path.join(d, i, "README.md")
MF = lambda d, i="acme": os.path.join(d, i, "manifest.json")
PY = lambda d, i="acme": os.path.join(d, i, "pyproject.toml")

# ---- version
case("version/missing-about", "clean")
d = case("version/missing-about", "no-version")
write(AB(d), "# (C) Datadog, Inc. 2023-present\n# All rights reserved\nVERSION = '1.1.0'\n")
d = case("version/missing-about", "no-file")
os.remove(AB(d))

case("version/invalid", "clean")
d = case("version/invalid", "two-parts")
sub(AB(d), "'1.1.0'", "'v1.1'")

case("version/changelog-mismatch", "clean")
d = case("version/changelog-mismatch", "about-ahead")
sub(AB(d), "'1.1.0'", "'1.2.0'")
d = case("version/changelog-mismatch", "changelog-ahead")
sub(AB(d), "'1.1.0'", "'1.0.0'")

case("version/pyproject-version-path", "clean")
d = case("version/pyproject-version-path", "wrong-package")
sub(PY(d), 'path = "datadog_checks/acme/__about__.py"', 'path = "datadog_checks/acme_old/__about__.py"')

# ---- changelog
case("changelog/missing", "clean")
d = case("changelog/missing", "python-check")
os.remove(CL(d))
d = case("changelog/missing", "tile-declares-it", tile=True)
os.remove(CL(d))

case("changelog/title", "clean")
d = case("changelog/title", "lowercase")
sub(CL(d), "# CHANGELOG - Acme", "# Changelog")
d = case("changelog/title", "no-title")
sub(CL(d), "# CHANGELOG - Acme\n\n", "")

case("changelog/heading-format", "clean")
d = case("changelog/heading-format", "bad-headings")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## 1.1.0/ 2024-03-02")
sub(CL(d), "## 1.0.0 / 2023-11-20", "### 1.0.0 / 2023-11-20")
d = case("changelog/heading-format", "not-a-release")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## Unreleased\n\n* Nothing yet.\n\n## 1.1.0 / 2024-03-02")

case("changelog/missing-date", "clean")
d = case("changelog/missing-date", "undated")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## 1.1.0")

case("changelog/invalid-version", "clean")
d = case("changelog/invalid-version", "two-parts")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## 1.1 / 2024-03-02")

case("changelog/invalid-date", "clean")
d = case("changelog/invalid-date", "not-a-date")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## 1.1.0 / 2023-02-29")
sub(CL(d), "## 1.0.0 / 2023-11-20", "## 1.0.0 / 20-11-2023")
d = case("changelog/invalid-date", "future")
sub(CL(d), "## 1.1.0 / 2024-03-02", "## 1.1.0 / 2999-03-02")

case("changelog/duplicate-version", "clean")
d = case("changelog/duplicate-version", "twice")
sub(CL(d), "## 1.0.0 / 2023-11-20", "## 1.1.0 / 2023-11-20")

case("changelog/order", "clean")
d = case("changelog/order", "oldest-first")
write(CL(d), "# CHANGELOG - Acme\n\n## 1.0.0 / 2023-11-20\n\n***Added***:\n\n* Initial Release\n\n## 1.1.0 / 2024-03-02\n\n***Added***:\n\n* Add the `acme.memory.used` metric.\n")
d = case("changelog/order", "dates-go-up")
sub(CL(d), "## 1.0.0 / 2023-11-20", "## 1.0.0 / 2024-11-20")

case("changelog/unknown-section", "clean")
d = case("changelog/unknown-section", "italic-bold-variants")
sub(CL(d), "***Added***:\n\n* Add the", "_**Added**_:\n\n* Add the")
sub(CL(d), "***Added***:\n\n* Initial", "**_Added_**\n\n* Initial")
d = case("changelog/unknown-section", "unknown")
sub(CL(d), "***Added***:\n\n* Add the", "***Adde***:\n\n* Add the")
sub(CL(d), "***Added***:\n\n* Initial", "### Added\n\n* Initial")
d = case("changelog/unknown-section", "plain-bold")
sub(CL(d), "***Added***:\n\n* Add the", "**Added**:\n\n* Add the")

case("changelog/empty-release", "clean")
d = case("changelog/empty-release", "no-items")
sub(CL(d), "***Added***:\n\n* Initial Release\n", "Initial Release\n")

case("changelog/no-release", "clean")
d = case("changelog/no-release", "title-only")
write(CL(d), "# CHANGELOG - Acme\n")
d = case("changelog/no-release", "tile-only-title", tile=True)
write(CL(d), "# CHANGELOG - Acme\n")

# ---- naming
case("naming/directory", "clean")
case("naming/directory", "hyphen-in-extras", integ="acme-cloud", tile=True)
case("naming/directory", "uppercase", integ="Acme_Cloud", tile=True)
case("naming/directory", "hyphen-in-marketplace", integ="acme-cloud", tile=True, kind="marketplace")

case("naming/package-mismatch", "clean")
d = case("naming/package-mismatch", "renamed")
os.rename(os.path.join(d, "acme", "datadog_checks", "acme"), os.path.join(d, "acme", "datadog_checks", "acme_old"))
sub(PY(d), 'name = "datadog-acme"', 'name = "datadog-acme-old"')
d = case("naming/package-mismatch", "pep503-equivalent", integ="acme_cloud")
sub(PY(d, "acme_cloud"), 'name = "datadog-acme-cloud"', 'name = "Datadog_Acme.Cloud"')

case("naming/metric-prefix-mismatch", "clean")
d = case("naming/metric-prefix-mismatch", "other-prefix")
sub(MF(d), '"prefix": "acme."', '"prefix": "xyz."')
d = case("naming/metric-prefix-mismatch", "partner-prefix", integ="rapdev_sophos", tile=True, kind="marketplace")
sub(MF(d, "rapdev_sophos"), '"prefix": "rapdev_sophos."', '"prefix": "rapdev.sophos."')

# ---- readme
case("readme/missing", "clean")
d = case("readme/missing", "extras-warning")
os.remove(RM(d))
d = case("readme/missing", "core-error", kind="core")
os.remove(RM(d))

case("readme/required-section", "clean")
d = case("readme/required-section", "missing-and-empty")
sub(RM(d), "## Setup\n", "## Set up\n")
sub(RM(d), "## Overview\n\nThis check monitors [Acme][1] through the Datadog Agent.\n\n", "## Overview\n\n")
d = case("readme/required-section", "marketplace", kind="marketplace")
sub(RM(d), "## Support\n", "## Uninstallation\n\n![Uninstall](images/acme_overview.png)\n\n## Support\n")
d = case("readme/required-section", "marketplace-missing", kind="marketplace")
d = case("readme/required-section", "setext", tile=True)
sub(RM(d), "## Overview\n", "Overview\n--------\n")

case("readme/non-ascii", "clean")
d = case("readme/non-ascii", "latin1-accepted")
sub(RM(d), "through the Datadog Agent.", "through the Datadog Agent (café, naïve, Ā).")
d = case("readme/non-ascii", "curly-quotes")
sub(RM(d), "through the Datadog Agent.", "through the Datadog Agent’s check — fast 🚀.")
sub(RM(d), "and restart the Agent.", "and restart the Agent…")
d = case("readme/non-ascii", "marketplace", kind="marketplace")
sub(RM(d), "through the Datadog Agent.", "through the Datadog Agent’s check — fast 🚀.")

RAW = "https://raw.githubusercontent.com/DataDog/integrations-extras/master/acme/images/"
case("readme/image-missing", "clean")
d = case("readme/image-missing", "clean-raw-url")
sub(RM(d), "### Metrics\n", f"### Metrics\n\n![Overview]({RAW}acme_overview.png)\n\n<img alt=\"ok\" src=\"{RAW}acme_overview.png\">\n")
d = case("readme/image-missing", "missing-files")
sub(RM(d), "### Metrics\n", f"### Metrics\n\n![Overview]({RAW}acme_overveiw.png)\n\n![Graph][9]\n")
sub(RM(d), "[3]: https://docs.datadoghq.com/help/\n", f"[3]: https://docs.datadoghq.com/help/\n[9]: {RAW}graph.png\n")
d = case("readme/image-missing", "marketplace-relative", kind="marketplace")
sub(RM(d), "### Metrics\n", "### Metrics\n\n![Overview](images/acme_overview.png)\n\n<img src=\"images/missing.png\" width=\"50%\">\n")

case("readme/image-location", "clean")
d = case("readme/image-location", "clean-raw-url")
sub(RM(d), "### Metrics\n", f"### Metrics\n\n![Overview]({RAW}acme_overview.png)\n")
d = case("readme/image-location", "relative-and-external")
sub(RM(d), "### Metrics\n", "### Metrics\n\n![Overview](images/acme_overview.png)\n\n<img src=\"https://cdn.example.com/acme.png\">\n\n![Other](https://raw.githubusercontent.com/DataDog/integrations-extras/master/acme/assets/acme.png)\n")
d = case("readme/image-location", "marketplace-relative", kind="marketplace")
sub(RM(d), "### Metrics\n", "### Metrics\n\n![Overview](images/acme_overview.png)\n\n![Bad](assets/acme.png)\n")

case("readme/manifest-anchor", "clean")
d = case("readme/manifest-anchor", "unknown-section")
sub(MF(d), '"configuration": "README.md#Setup"', '"configuration": "README.md#Installing"')

# ---- codeowners
CO = lambda d: os.path.join(d, ".github", "CODEOWNERS")
LOGS = "@DataDog/logs-integrations-reviewers"
d = case("codeowners/missing-entry", "clean")
write(CO(d), "# Owners\n* @DataDog/agent-integrations\n\n/acme/   @acme-corp/integrations support@acme.example.com\n")
d = case("codeowners/missing-entry", "no-entry")
subprocess.check_call(["python3", MK, d, "bolt", "--tile-only"]); prune(os.path.join(d, "bolt"))
write(CO(d), "* @DataDog/agent-integrations\n\n/bolt/   @bolt-dev\n/acme/assets/   @acme-corp\n")
d = case("codeowners/missing-entry", "bad-owners")
subprocess.check_call(["python3", MK, d, "bolt", "--tile-only"]); prune(os.path.join(d, "bolt"))
write(CO(d), "/acme/   support@acme.example.com @acme-corp\n/bolt/   @bolt-dev\n/bolt/\n")
d = case("codeowners/missing-entry", "no-file")
d = case("codeowners/missing-entry", "core-not-checked", kind="core")

d = case("codeowners/logs-owner", "clean")
os.makedirs(os.path.join(d, "acme", "assets", "logs"))
write(os.path.join(d, "acme", "assets", "logs", "acme.yaml"), "id: acme\n")
write(CO(d), f"/acme/   @acme-corp\n\n# Logs last\n**/assets/logs/   {LOGS}\n")
d = case("codeowners/logs-owner", "overridden")
os.makedirs(os.path.join(d, "acme", "assets", "logs"))
write(os.path.join(d, "acme", "assets", "logs", "acme.yaml"), "id: acme\n")
write(CO(d), f"**/assets/logs/   {LOGS}\n/acme/   @acme-corp\n")
d = case("codeowners/logs-owner", "uncovered", kind="core")
os.makedirs(os.path.join(d, "acme", "assets", "logs"))
write(os.path.join(d, "acme", "assets", "logs", "acme.yaml"), "id: acme\n")
write(CO(d), "/bolt/   @bolt-dev\n")
d = case("changelog/title", "empty-name")
sub(CL(d), "# CHANGELOG - Acme", "# CHANGELOG - ")
