#!/usr/bin/env python3
"""Writes a clean, realistic Marketplace listing into a directory (used to build fixtures by hand).

    python3 scripts/make_marketplace_example.py DEST PARTNER_INTEGRATION [--kind agent|saas|service]

Starts from scripts/make_example.py and adds what a Marketplace listing needs (manifest.md §6):
`pricing` (agent: tag_count on a `datadog.marketplace.` metric; saas: flat_fee; service:
one_time), `legal_terms.eula` with a real PDF at assets/eula.pdf, `author.vendor_id`,
`author.sales_email` (and `contact_link` for a professional service), `Category::Marketplace`,
a description of at most 70 characters, `tile.uninstallation`, README `## Uninstallation` and
`## Support`, and `auto_install: false`. A professional service has `"assets": {}` and no
metrics, dashboards, CHANGELOG entries or package.
"""
import json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def main():
    dest, name = sys.argv[1], sys.argv[2]
    kind = "agent"
    if "--kind" in sys.argv:
        kind = sys.argv[sys.argv.index("--kind") + 1]
    args = [sys.executable, os.path.join(HERE, "make_example.py"), dest, name]
    if kind != "agent":
        args.append("--tile-only")
    subprocess.run(args, check=True)
    d = os.path.join(dest, name)
    partner, product = name.split("_", 1)
    vendor = partner
    title = " ".join(p.capitalize() for p in product.split("_"))
    company = partner.capitalize()
    path = os.path.join(d, "manifest.json")
    m = json.load(open(path))
    m["app_id"] = name.replace("_", "-")
    tile = m["tile"]
    tile["uninstallation"] = "README.md#Uninstallation"
    tile["title"] = title
    tags = [t for t in tile["classifier_tags"] if not t.startswith("Offering::")]
    tags.insert(0, "Category::Marketplace")
    author = m["author"]
    author["name"] = company
    author["vendor_id"] = vendor
    author["support_email"] = f"support@{partner}.example.com"
    author["sales_email"] = f"sales@{partner}.example.com"
    author["homepage"] = f"https://www.{partner}.example.com"
    m["assets"]["integration"]["auto_install"] = False
    if kind == "agent":
        tile["description"] = f"Monitor {title} health, throughput and errors with the Agent."
        tags.append("Offering::Integration")
        m["pricing"] = [{
            "billing_type": "tag_count",
            "unit_price": 5.0,
            "unit_label": "host",
            "metric": f"datadog.marketplace.{partner}.{product}",
            "tag": "host",
            "product_id": product.replace("_", "-"),
            "short_description": f"{company} {title} monitoring, billed per host.",
            "includes_assets": True,
        }]
    elif kind == "saas":
        tile["description"] = f"Track {title} jobs and alerts from the {company} cloud."
        tags.append("Offering::Integration")
        tags.append("Offering::Software License")
        m["pricing"] = [{
            "billing_type": "flat_fee",
            "unit_price": 250,
            "product_id": product.replace("_", "-"),
            "short_description": f"{company} {title}, flat monthly fee.",
            "includes_assets": True,
        }]
    else:
        tile["description"] = f"{company} experts set up and tune your Datadog account."
        tags = ["Category::Marketplace", "Offering::Professional Service", "Supported OS::Any"]
        author["contact_link"] = f"https://www.{partner}.example.com/book"
        m["assets"] = {}
        tile["media"] = [dict(tile["media"][0], caption=f"{company} {title} engagement plan.")]
        del tile["changelog"]
        m["pricing"] = [{
            "billing_type": "one_time",
            "unit_price": 5000,
            "product_id": product.replace("_", "-"),
            "short_description": f"{title}: five days with a {company} consultant.",
            "includes_assets": False,
        }]
        for rel in ("metadata.csv", "CHANGELOG.md"):
            os.remove(os.path.join(d, rel))
        shutil.rmtree(os.path.join(d, "assets"))
    assert len(tile["description"]) <= 70, tile["description"]
    tile["classifier_tags"] = tags
    m["legal_terms"] = {"eula": "assets/eula.pdf"}
    os.makedirs(os.path.join(d, "assets"), exist_ok=True)
    open(os.path.join(d, "assets", "eula.pdf"), "wb").write(PDF)
    open(path, "w", newline="\n").write(json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    # README: the marketplace template's sections.
    readme = (
        f"# {company} {title}\n\n## Overview\n\n{tile['description']}\n\n"
        f"## Setup\n\n"
        + ("Install the integration with `datadog-agent integration install`.\n\n" if kind == "agent" else
           "Connect your account from the integration tile.\n\n" if kind == "saas" else
           "After purchase, book the kick-off meeting with the contact link.\n\n")
        + "## Uninstallation\n\n"
        + ("Remove the integration with `datadog-agent integration remove`, then cancel the subscription "
           "on the Marketplace tile.\n\n" if kind != "service" else
           "Nothing to uninstall: the engagement ends when the service is delivered.\n\n")
        + f"## Support\n\nContact {company} support at support@{partner}.example.com.\n"
    )
    open(os.path.join(d, "README.md"), "w", newline="\n").write(readme)


if __name__ == "__main__":
    main()
