#!/usr/bin/env python3
"""Writes a clean, realistic integration into a directory (used to build fixtures by hand).

    python3 scripts/make_example.py DEST NAME [--tile-only]

The output is the canonical shape of an integrations-extras integration in 2026: manifest v2,
metadata.csv, assets/service_checks.json, CHANGELOG.md, README.md, a dashboard, a PNG image and
(unless --tile-only) a Python package with __about__.py and pyproject.toml. Fixtures start from
it and change one thing.
"""
import json, os, sys, uuid, zlib, struct

def png(path, w=4, h=4):
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(data)

def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    open(path, "w", newline="\n").write(text)

def main():
    dest, name = sys.argv[1], sys.argv[2]
    tile_only = "--tile-only" in sys.argv
    title = " ".join(p.capitalize() for p in name.split("_"))
    d = os.path.join(dest, name)
    u = str(uuid.uuid5(uuid.NAMESPACE_DNS, name + ".ddlint.example"))
    integ = {
        "auto_install": True,
        "source_type_id": 10000 + (zlib.crc32(name.encode()) % 9000),
        "source_type_name": title,
        "configuration": {"spec": "assets/configuration/spec.yaml"} if not tile_only else {},
        "events": {"creates_events": False},
        "metrics": {"prefix": name + ".", "check": name + ".requests.count", "metadata_path": "metadata.csv"},
        "service_checks": {"metadata_path": "assets/service_checks.json"},
    }
    manifest = {
        "manifest_version": "2.0.0",
        "app_uuid": u,
        "app_id": name.replace("_", "-"),
        "owner": "integrations-developer-platform",
        "display_on_public_website": True,
        "tile": {
            "overview": "README.md#Overview",
            "configuration": "README.md#Setup",
            "support": "README.md#Support",
            "changelog": "CHANGELOG.md",
            "description": f"Monitor {title} request rates, latency and errors.",
            "title": title,
            "media": [{"media_type": "image", "caption": f"The {title} overview dashboard.", "image_url": f"images/{name}_overview.png"}],
            "classifier_tags": ["Category::Metrics", "Offering::Integration", "Supported OS::Linux", "Supported OS::Windows", "Supported OS::macOS", "Submitted Data Type::Metrics"],
        },
        "assets": {"integration": integ, "dashboards": {f"{title} Overview": f"assets/dashboards/{name}_overview.json"}},
        "author": {"support_email": f"support@{name.replace('_', '')}.example.com", "name": title, "homepage": f"https://www.{name.replace('_', '')}.example.com", "sales_email": f"sales@{name.replace('_', '')}.example.com"},
    }
    write(os.path.join(d, "manifest.json"), json.dumps(manifest, indent=2) + "\n")
    write(os.path.join(d, "metadata.csv"),
          "metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric\n"
          f"{name}.requests.count,count,,request,,The number of requests served.,0,{name},requests,\n"
          f"{name}.requests.latency,gauge,,millisecond,,The mean request latency.,-1,{name},latency,\n"
          f"{name}.memory.used,gauge,,byte,,The memory used by the server.,0,{name},memory used,memory\n")
    write(os.path.join(d, "assets", "service_checks.json"), json.dumps([{
        "agent_version": "7.50.0", "integration": title, "check": f"{name}.can_connect", "statuses": ["ok", "critical"],
        "groups": ["host", "port"], "name": "Can Connect", "description": f"Returns `CRITICAL` if the Agent cannot reach {title}, `OK` otherwise."}], indent=4) + "\n")
    write(os.path.join(d, "assets", "dashboards", f"{name}_overview.json"), json.dumps({
        "title": f"{title} Overview", "description": f"An overview of {title}.", "layout_type": "ordered", "template_variables": [],
        "widgets": [{"id": 1, "definition": {"type": "timeseries", "title": "Requests", "requests": [{"q": f"sum:{name}.requests.count{{*}}"}]}}]}, indent=2) + "\n")
    png(os.path.join(d, "images", f"{name}_overview.png"))
    write(os.path.join(d, "CHANGELOG.md"), f"# CHANGELOG - {title}\n\n## 1.1.0 / 2024-03-02\n\n***Added***:\n\n* Add the `{name}.memory.used` metric.\n\n## 1.0.0 / 2023-11-20\n\n***Added***:\n\n* Initial Release\n")
    write(os.path.join(d, "README.md"),
          f"# Agent Check: {title}\n\n## Overview\n\nThis check monitors [{title}][1] through the Datadog Agent.\n\n"
          f"## Setup\n\n### Installation\n\nRun `datadog-agent integration install -t datadog-{name.replace('_', '-')}==1.1.0`.\n\n"
          f"### Configuration\n\nEdit `{name}.d/conf.yaml` and restart the Agent.\n\n## Data Collected\n\n### Metrics\n\nSee [metadata.csv][2].\n\n"
          f"## Support\n\nNeed help? Contact [Datadog support][3].\n\n"
          f"[1]: https://www.{name.replace('_', '')}.example.com\n[2]: https://github.com/DataDog/integrations-extras/blob/master/{name}/metadata.csv\n[3]: https://docs.datadoghq.com/help/\n")
    if not tile_only:
        pkg = name.replace("-", "_")
        write(os.path.join(d, "datadog_checks", pkg, "__about__.py"), "# (C) Datadog, Inc. 2023-present\n# All rights reserved\n# Licensed under a 3-clause BSD style license (see LICENSE)\n__version__ = '1.1.0'\n")
        write(os.path.join(d, "datadog_checks", pkg, "__init__.py"), f"from .__about__ import __version__\nfrom .check import {title.replace(' ', '')}Check\n\n__all__ = ['__version__', '{title.replace(' ', '')}Check']\n")
        write(os.path.join(d, "datadog_checks", pkg, "data", "conf.yaml.example"), "init_config:\n\ninstances:\n\n  - url: http://localhost:8080\n")
        write(os.path.join(d, "assets", "configuration", "spec.yaml"), f"name: {title}\nfiles:\n- name: {name}.yaml\n  options: []\n")
        write(os.path.join(d, "pyproject.toml"), f'[build-system]\nrequires = ["hatchling>=0.13.0"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "datadog-{name.replace("_", "-")}"\ndescription = "The {title} check"\nreadme = "README.md"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "datadog_checks/{pkg}/__about__.py"\n')

if __name__ == "__main__":
    main()
