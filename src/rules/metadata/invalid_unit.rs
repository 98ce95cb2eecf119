use crate::diagnostic::Finding;
use crate::rules::metadata::{closest, is_valid_unit, Table, VALID_UNIT_NAMES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidUnit;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-unit",
    summary: "a unit_name or per_unit_name is not a known Datadog unit",
    explanation: "\
unit_name and per_unit_name must be one of the 354 units of Datadog's unit catalogue, spelled
exactly (lower-case, singular, e.g. `byte`, `millisecond`, `request`, `percent`, `fraction`),
or empty. An unknown unit is dropped by Datadog, so graphs show raw numbers. The help suggests
the closest valid unit.

Bad:   acme.bytes_sent,count,,bytes,second,Bytes sent,0,acme,sent,
Good:  acme.bytes_sent,count,,byte,second,Bytes sent,0,acme,sent,

The valid units:
afghani, alert, algerian dinar, ampere, apdex, argentine peso, armenian dram, aruban florin,
assertion, attempt, australian dollar, azerbaijan manat, bahamian dollar, bahraini dinar, baht,
balboa, barbados dollar, belarusian ruble, belize dollar, bermudian dollar, bit,
bit_in_binary_bytes_family, bit_in_bits_family, bit_in_decimal_bytes_family, block, boliviano,
bolívar digital, bolívar soberano, brazilian real, brunei dollar, buffer, build, bulgarian lev,
burundi franc, byte, byte_in_binary_bytes_family, byte_in_bits_family,
byte_in_decimal_bytes_family, cabo verde escudo, canadian dollar, cayman islands dollar, cent,
cfa franc bceao, cfa franc beac, cfp franc, check, chilean peso, collection, colombian peso,
column, command, commit, comorian franc, congolese franc, connection, container,
convertible mark, convertible peso, core, costa rican colon, cpu, cuban peso, cursor,
czech koruna, córdoba oro, dalasi, danish krone, datagram, day, decidegree celsius, deciwatt,
degree celsius, degree fahrenheit, denar, device, djibouti franc, dobra, document, dollar,
dominican peso, east caribbean dollar, egyptian pound, el salvador colón, email, entity, entry,
error, ethiopian birr, euro, event, eviction, exabit, exabyte, exacore, exbibyte, exception,
execution, falkland islands pound, fault, fetch, fiji dollar, file, flush, forint, fraction,
frame, garbage collection, get, ghana cedi, gibibyte, gibraltar pound, gigabit, gigabyte,
gigacore, gigahertz, gigawatt, gourde, guaraní, guinean franc, guyana dollar, heap, hertz, hit,
hong kong dollar, hop, host, hour, hryvnia, iceland króna, index, indian rupee, inode, instance,
invocation, iranian rial, iraqi dinar, item, jamaican dollar, job, jordanian dinar, joule,
kenyan shilling, key, kibibyte, kilobit, kilobyte, kilocore, kilohertz, kilojoule, kilowatt,
kilowatt-hour, kina, kuwaiti dinar, kwanza, kyat, lao kip, lari, lebanese pound, lek, lempira,
leone, liberian dollar, libyan dinar, lilangeni, location, lock, loti, malagasy ariary,
malawi kwacha, malaysian ringgit, mauritius rupee, mebibyte, megabit, megabyte, megacore,
megahertz, megajoule, megawatt, merge, message, method, mexican peso,
mexican unidad de inversion (udi), microcore, microdollar, microsecond, microwatt, milliampere,
millicore, millijoule, millisecond, millivolt, milliwatt, milliwatt-hour, minute, miss,
moldovan leu, monitor, moroccan dirham, mozambique metical, mvdol, naira, nakfa, name,
namibia dollar, nanocore, nanodollar, nanojoule, nanosecond, nanowatt, nepalese rupee,
netherlands antillean guilder, new israeli sheqel, new taiwan dollar, new turkmen manat,
new zealand dollar, ngultrum, node, north korean won, norwegian krone, object, occurrence,
offset, omani rial, operation, ouguiya, packet, page, pakistan rupee, pataca, payload, pa’anga,
pebibyte, penny, percent, percent_nano, permille, peso uruguayo, petabit, petabyte, petacore,
philippine peso, pound, prediction, process, pula, qatari rial, query, question, quetzal, rand,
read, record, refresh, request, resource, response, riel, romanian leu, route, row, rufiyaa,
run, rupiah, russian ruble, rwanda franc, saint helena pound, sample, saudi riyal, scan, second,
sector, segment, serbian dinar, service, session, set, seychelles rupee, shard,
singapore dollar, sol, solomon islands dollar, som, somali shilling, somoni,
south sudanese pound, span, split, sri lanka rupee, stage, step, success, sucre, sudanese pound,
surinam dollar, swedish krona, swiss franc, syrian pound, table, taka, tanzanian shilling, task,
tebibyte, tenge, terabit, terabyte, teracore, terawatt, thread, throttle, ticket, time, timeout,
token, transaction, trinidad and tobago dollar, tugrik, tunisian dinar, turkish lira, tālā,
uae dirham, uganda shilling, unidad de fomento, unidad de valor real, unidad previsional, unit,
unix millisecond, unix second, update, uruguayo peso en unidades indexadas (ui),
us dollar (next day), user, uzbekistan sum, vatu, vector, view, volt, volume, wait, watt,
watt-hour, week, wir euro, wir franc, won, worker, write, yemeni rial, yen, yuan renminbi,
zambian kwacha, zimbabwe gold, złoty, đồng",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidUnit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for column in ["unit_name", "per_unit_name"] {
            for (_, cell) in t.cells(column) {
                let v = cell.value.as_str();
                if v.is_empty() || is_valid_unit(v) {
                    continue;
                }
                let f = Finding::at(
                    t.source,
                    cell.span,
                    format!("`{v}` is not a valid {column}"),
                );
                out.push(match closest(v, VALID_UNIT_NAMES) {
                    Some(c) => f
                        .help(format!(
                            "use one of the units listed by `ddlint rule metadata/invalid-unit`, e.g. `{c}`"
                        ))
                        .label(format!("did you mean `{c}`?")),
                    None => f.help("use one of the units listed by `ddlint rule metadata/invalid-unit`, or leave it empty"),
                });
            }
        }
    }
}
