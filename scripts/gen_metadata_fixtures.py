#!/usr/bin/env python3
"""Regenerates the fixtures of metadata/*, service-checks/* and manifest/metric-check-* (each case
starts from make_example.py and changes one thing); then run `DDLINT_BLESS=1 cargo test --test
fixtures` and review the expected.txt diff."""
import json, os, shutil, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', 'fixtures')
HEADER = "metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric"
ROWS = [
    "acme.memory.used,gauge,,byte,,The memory used by the server.,0,acme,memory used,memory",
    "acme.requests.count,count,,request,,The number of requests served.,0,acme,requests,",
    "acme.requests.latency,gauge,,millisecond,,The mean request latency.,-1,acme,latency,",
]
SC = {
    "agent_version": "7.50.0",
    "integration": "Acme",
    "check": "acme.can_connect",
    "statuses": ["ok", "critical"],
    "groups": ["host", "port"],
    "name": "Can Connect",
    "description": "Returns `CRITICAL` if the Agent cannot reach Acme, `OK` otherwise.",
}

def csv(header=HEADER, rows=ROWS, nl="\n", final=True):
    t = nl.join([header] + rows)
    return t + (nl if final else "")

def sc(*objs):
    return json.dumps(list(objs), indent=4) + "\n"

def case(rule, name, metadata=None, service_checks=None, manifest=None, ddev=None, kind=None, rows_only=False):
    d = os.path.join(ROOT, rule, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    subprocess.run([sys.executable, os.path.join(HERE, 'make_example.py'), d, 'acme', '--tile-only'], check=True)
    a = os.path.join(d, 'acme')
    keep = {'manifest.json', 'metadata.csv', 'assets/service_checks.json'}
    for root, dirs, files in os.walk(a):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), a)
            if rel not in keep:
                os.remove(os.path.join(root, f))
    for root, dirs, files in sorted(os.walk(a, topdown=False)):
        if root != a and not os.listdir(root):
            os.rmdir(root)
    def w(rel, text):
        p = os.path.join(a, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w', newline='') as f:
            f.write(text)
    w('metadata.csv', csv() if metadata is None else metadata)
    w('assets/service_checks.json', sc(SC) if service_checks is None else service_checks)
    if manifest:
        p = os.path.join(a, 'manifest.json')
        t = open(p).read()
        for old, new in manifest:
            assert old in t, (rule, name, old)
            t = t.replace(old, new)
        open(p, 'w').write(t)
    if ddev is not None:
        os.makedirs(os.path.join(d, '.ddev'), exist_ok=True)
        open(os.path.join(d, '.ddev', 'config.toml'), 'w').write(ddev)
    if kind:
        open(os.path.join(d, 'case.toml'), 'w').write(f'kind = "{kind}"\n')

def with_row(i, col, value, rows=ROWS):
    r = list(rows)
    cells = r[i].split(',')
    cols = HEADER.split(',')
    cells[cols.index(col)] = value
    r[i] = ','.join(cells)
    return r

M = 'metadata/'
# empty-file
case(M+'empty-file', 'empty', metadata="")
case(M+'empty-file', 'blank_lines', metadata="\n\r\n")
case(M+'empty-file', 'clean', )
# invalid-csv
case(M+'invalid-csv', 'unterminated_quote', metadata=csv(rows=[ROWS[0], 'acme.requests.count,count,,request,,"The number of requests served.,0,acme,requests,', ROWS[2]]))
case(M+'invalid-csv', 'clean_quoted_crlf_no_final_newline', metadata=csv(rows=[ROWS[0], 'acme.requests.count,count,,request,,"Requests served, by ""kind""",0,acme,requests,', ROWS[2]], nl="\r\n", final=False))
# unknown-column
case(M+'unknown-column', 'typo', metadata=csv(header=HEADER.replace('description', 'descripton')))
case(M+'unknown-column', 'clean_sample_tags', metadata=csv(header=HEADER + ",sample_tags", rows=[r + "," for r in ROWS]))
# missing-column
case(M+'missing-column', 'header_only', metadata=csv(header=HEADER.replace(',short_name', ''), rows=[]))
case(M+'missing-column', 'clean_header_only_without_optional', metadata=csv(header=HEADER.replace(',curated_metric', ''), rows=[]))
# column-count
case(M+'column-count', 'extra_and_missing', metadata=csv(rows=[ROWS[0], 'acme.requests.count,count,,request,,Requests served, all kinds,0,acme,requests,', 'acme.requests.latency,gauge,,millisecond,,The mean request latency.,-1,acme']))
case(M+'column-count', 'clean')
# duplicate-metric
case(M+'duplicate-metric', 'twice', metadata=csv(rows=ROWS + ['acme.requests.count,gauge,,request,,Requests in flight.,0,acme,in flight,']))
case(M+'duplicate-metric', 'clean')
# invalid-metric-name
case(M+'invalid-metric-name', 'hyphen_and_underscore_dot', metadata=csv(rows=with_row(1, 'metric_name', 'acme.requests-count', with_row(2, 'metric_name', 'acme._requests.latency'))))
case(M+'invalid-metric-name', 'clean')
# prefix-mismatch
case(M+'prefix-mismatch', 'other_prefix', metadata=csv(rows=with_row(1, 'metric_name', 'acm.requests.count', with_row(2, 'metric_name', 'widget.requests.latency'))))
case(M+'prefix-mismatch', 'clean_allowed_prefix', metadata=csv(rows=ROWS + ['system.acme.load,gauge,,,,The load.,0,acme,load,']))
case(M+'prefix-mismatch', 'clean_override_prefix', manifest=[('"prefix": "acme.",\n', '')], ddev='[overrides.metrics-prefix]\nacme = "acme."\n')
# missing-prefix
case(M+'missing-prefix', 'no_prefix', manifest=[('"prefix": "acme.",\n', '')])
case(M+'missing-prefix', 'clean_override', manifest=[('"prefix": "acme.",\n', '')], ddev='[overrides.metrics-prefix]\nacme = "acme."\n')
# invalid-metric-type
case(M+'invalid-metric-type', 'histogram_and_capital', metadata=csv(rows=with_row(1, 'metric_type', 'Count', with_row(2, 'metric_type', 'histogram'))))
case(M+'invalid-metric-type', 'clean')
# invalid-unit
case(M+'invalid-unit', 'typo_and_plural', metadata=csv(rows=with_row(0, 'unit_name', 'bytez', with_row(1, 'per_unit_name', 'seconds'))))
case(M+'invalid-unit', 'clean_catalogue_units', metadata=csv(rows=ROWS + ['acme.cost,gauge,,złoty,,The cost.,0,acme,cost,', 'acme.energy,count,,kilowatt-hour,,The energy used.,0,acme,energy,']))
# time-per-time
case(M+'time-per-time', 'ms_per_second', metadata=csv(rows=with_row(2, 'per_unit_name', 'second')))
case(M+'time-per-time', 'clean', metadata=csv(rows=with_row(1, 'per_unit_name', 'second', with_row(2, 'unit_name', 'fraction'))))
# integration-mismatch
case(M+'integration-mismatch', 'display_name_not_normalized', metadata=csv(rows=with_row(1, 'integration', 'Acme', with_row(2, 'integration', 'acme-cache'))))
case(M+'integration-mismatch', 'community_version', manifest=[('"source_type_name": "Acme"', '"source_type_name": "Acme (Community Version)"')])
case(M+'integration-mismatch', 'clean_community_version', manifest=[('"source_type_name": "Acme"', '"source_type_name": "Acme (Community Version)"')], metadata=csv(rows=[r.replace(',acme,', ',acme_community_version,') for r in ROWS]))
case(M+'integration-mismatch', 'clean_overrides', ddev='[overrides.validate.metadata.integration]\nacme = "acme_custom"\n', metadata=csv(rows=[r.replace(',acme,', ',acme_custom,') for r in ROWS]))
case(M+'integration-mismatch', 'clean_display_name_override', ddev='[overrides.display-name]\nacme = "Acme Pro"\n', metadata=csv(rows=[r.replace(',acme,', ',acme_pro,') for r in ROWS]))
# invalid-orientation
case(M+'invalid-orientation', 'plus_one_and_two', metadata=csv(rows=with_row(1, 'orientation', '+1', with_row(2, 'orientation', '2'))))
case(M+'invalid-orientation', 'clean')
# required-empty
case(M+'required-empty', 'empty_cells', metadata=csv(rows=with_row(1, 'metric_type', '', with_row(1, 'orientation', '', with_row(2, 'integration', '')))))
case(M+'required-empty', 'clean')
# description-empty
case(M+'description-empty', 'empty', metadata=csv(rows=with_row(1, 'description', '')))
case(M+'description-empty', 'clean')
# description-pipe
case(M+'description-pipe', 'pipe', metadata=csv(rows=with_row(1, 'description', '"Requests served: ok | failed"')))
case(M+'description-pipe', 'clean')
# non-ascii
case(M+'non-ascii', 'curly_quotes_and_accent', metadata=csv(rows=with_row(1, 'description', 'The “total” number of requests.', with_row(2, 'short_name', 'latence é'))))
case(M+'non-ascii', 'clean_unit_exempt', metadata=csv(rows=ROWS + ['acme.cost,gauge,,złoty,,The cost.,0,acme,cost,']))
# description-length
case(M+'description-length', 'long', metadata=csv(rows=with_row(1, 'description', 'x' * 401)))
case(M+'description-length', 'clean_400', metadata=csv(rows=with_row(1, 'description', 'é' * 400)))
# invalid-interval
case(M+'invalid-interval', 'unit_and_sign', metadata=csv(rows=with_row(1, 'interval', '15s', with_row(2, 'interval', '-10'))))
case(M+'invalid-interval', 'clean', metadata=csv(rows=with_row(1, 'interval', '15')))
# invalid-curated-metric
case(M+'invalid-curated-metric', 'repeat_and_unknown', metadata=csv(rows=with_row(0, 'curated_metric', 'memory|cpu|memory', with_row(1, 'curated_metric', 'disk'))))
case(M+'invalid-curated-metric', 'clean', metadata=csv(rows=with_row(0, 'curated_metric', 'cpu|memory')))
# duplicate-short-name
case(M+'duplicate-short-name', 'twice', metadata=csv(rows=with_row(2, 'short_name', 'requests')))
case(M+'duplicate-short-name', 'clean')
# unsorted
case(M+'unsorted', 'core_unsorted', metadata=csv(rows=[ROWS[1], ROWS[2], ROWS[0]]), kind='core')
case(M+'unsorted', 'clean_core_sorted', kind='core')
case(M+'unsorted', 'clean_core_override', metadata=csv(rows=[ROWS[1], ROWS[2], ROWS[0]]), kind='core', ddev='[overrides.validate.metrics]\nunsorted = ["acme"]\n')
case(M+'unsorted', 'clean_extras', metadata=csv(rows=[ROWS[1], ROWS[2], ROWS[0]]))

S = 'service-checks/'
def mod(**kw):
    o = dict(SC); o.update(kw)
    for k, v in list(o.items()):
        if v is None: del o[k]
    return o
case(S+'invalid-json', 'empty_object', service_checks="{}\n")
case(S+'invalid-json', 'syntax_error', service_checks='[\n    {"check": "acme.can_connect",}\n]\n')
case(S+'invalid-json', 'object_and_string', service_checks='{"check": "acme.can_connect"}\n')
case(S+'invalid-json', 'string_item', service_checks='[\n    "acme.can_connect"\n]\n')
case(S+'invalid-json', 'clean_empty_array', service_checks="[]\n")
case(S+'invalid-json', 'clean')
case(S+'attributes', 'typo_key', service_checks=sc({('status' if k == 'statuses' else k): v for k, v in SC.items()}))
case(S+'attributes', 'clean')
case(S+'agent-version', 'two_parts', service_checks=sc(mod(agent_version='7.50'), mod(check='acme.health', name='Health', agent_version='7.50.0-rc.1')))
case(S+'agent-version', 'clean')
case(S+'check-name', 'bad_chars', service_checks=sc(mod(check='acme.can-connect'), mod(check='acme._health', name='Health'), mod(check='acme__up', name='Up')))
case(S+'check-name', 'clean')
case(S+'check-prefix', 'other_integration', service_checks=sc(mod(check='widget.can_connect')))
case(S+'check-prefix', 'clean')
case(S+'duplicate-check', 'twice', service_checks=sc(SC, mod(name='Can Connect Again')))
case(S+'duplicate-check', 'clean')
case(S+'duplicate-name', 'twice', service_checks=sc(SC, mod(check='acme.health')))
case(S+'duplicate-name', 'clean')
case(S+'empty-field', 'empty_description', service_checks=sc(mod(description=''), mod(check='acme.health', name='')))
case(S+'empty-field', 'clean')
case(S+'invalid-groups', 'string', service_checks=sc(mod(groups='host'), mod(check='acme.health', name='Health', groups=['host', 1])))
case(S+'invalid-groups', 'clean', service_checks=sc(mod(groups=[])))
case(S+'invalid-status', 'unknown_and_empty', service_checks=sc(mod(statuses=['OK', 'error']), mod(check='acme.health', name='Health', statuses=[])))
case(S+'invalid-status', 'clean')
case(S+'integration-mismatch', 'community_version', manifest=[('"source_type_name": "Acme"', '"source_type_name": "Acme (Community Version)"')])
case(S+'integration-mismatch', 'clean')
case(S+'integration-mismatch', 'clean_display_name_override_ignored', ddev='[overrides.display-name]\nacme = "Acme Pro"\n')

A = 'manifest/'
case(A+'metric-check-not-in-metadata', 'typo', manifest=[('"check": "acme.requests.count"', '"check": "acme.request.count"')])
case(A+'metric-check-not-in-metadata', 'list', manifest=[('"check": "acme.requests.count"', '"check": ["acme.requests.count", "acme.errors"]')])
case(A+'metric-check-not-in-metadata', 'clean')
case(A+'metric-check-not-in-metadata', 'clean_exempt', manifest=[('"check": "acme.requests.count"', '"check": ["acme.requests.count", "openstack.controller"]')])
case(A+'metric-check-missing', 'absent', manifest=[('"check": "acme.requests.count",\n', '')])
case(A+'metric-check-missing', 'empty', manifest=[('"check": "acme.requests.count"', '"check": ""')])
case(A+'metric-check-missing', 'clean')
case(A+'metric-check-missing', 'clean_header_only', manifest=[('"check": "acme.requests.count",\n', '')], metadata=csv(rows=[]))
# BOM + CRLF: the header is still recognised
case(M+'unknown-column', 'clean_bom_crlf', metadata="\ufeff" + csv(nl="\r\n"))
case(M+'missing-column', 'clean_bom_crlf', metadata="\ufeff" + csv(nl="\r\n"))
# not UTF-8: reported by file/invalid-utf8, the CSV rules stay quiet
case(M+'invalid-csv', 'clean_not_utf8_reported_by_file_rule')
p = os.path.join(ROOT, M+'invalid-csv', 'clean_not_utf8_reported_by_file_rule')
with open(os.path.join(p, 'acme', 'metadata.csv'), 'wb') as f:
    f.write(csv(rows=with_row(1, 'description', 'Requests per caf\u00e9.')).encode('latin-1'))
open(os.path.join(p, 'case.toml'), 'w').write('select = ["file/invalid-utf8"]\n')
case(A+'metric-check-not-in-metadata', 'clean_marketplace_pricing_metric', kind='marketplace', manifest=[('"manifest_version": "2.0.0",', '"manifest_version": "2.0.0",\n  "pricing": [{"billing_type": "tag_count", "metric": "datadog.marketplace.acme.hosts"}],'), ('"check": "acme.requests.count"', '"check": ["acme.requests.count", "datadog.marketplace.acme.hosts"]')])
case(M+'unknown-column', 'trailing_comma', metadata=csv(header=HEADER + ",", rows=[r + "," for r in ROWS]))
