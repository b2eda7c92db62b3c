#!/usr/bin/env bash
# One command for the performance figures: short BenchmarkDotNet runs of every suite, the generator-cost script,
# then a table of measured values against the design targets (docs/performance.md explains each row).
# Usage: benchmarks/run.sh            (about 12-15 minutes on a 2-core machine)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$ROOT/benchmarks/MLflow.Tracking.Benchmarks"
OUT="$ROOT/BenchmarkDotNet.Artifacts"
cd "$ROOT"
rm -rf "$OUT/results"

dotnet build "$PROJECT/MLflow.Tracking.Benchmarks.csproj" -c Release -v q -nologo || exit 1
DLL="$PROJECT/bin/Release/net10.0/MLflow.Tracking.Benchmarks.dll"
bench() { dotnet "$DLL" --artifacts "$OUT" "$@" | grep -E '^\|' ; }

echo "== GeneratedCallBenchmarks: real generated wrappers (own short job: 3 warm-up + 10 iterations of 20,000 calls)"
bench --filter '*GeneratedCallBenchmarks*'
echo "== TrackedCallBenchmarks: the wrapper's sequence by hand, worker running or held back"
bench --filter '*TrackedCallBenchmarks*'
echo "== ProxyCallBenchmarks: Castle DynamicProxy path"
bench --filter '*ProxyCallBenchmarks*'
echo "== MetricThroughputBenchmarks (own job: 2 warm-up + 8 iterations of 2,000 metrics)"
bench --filter '*MetricThroughputBenchmarks*'
echo "== RunDeliveryBenchmarks (own job: 1 warm-up + 6 iterations of 200 runs; server answers after 2 ms)"
bench --filter '*RunDeliveryBenchmarks*'
echo "== CallerOverheadBenchmarks (own in-process job: 1 warm-up + 6 iterations of 1,000 calls; server up and down)"
bench --filter '*CallerOverheadBenchmarks*'
echo "== SpoolThroughputBenchmarks (own in-process job: 1 warm-up + 5 iterations; 50 and 100 runs of 1,000 points)"
bench --filter '*SpoolThroughputBenchmarks*'
echo "== RecordedLatencyRunDeliveryBenchmarks (own in-process job: 1 warm-up + 4 iterations of 100 runs; 17-23 ms a request)"
bench --filter '*RecordedLatencyRunDeliveryBenchmarks*'
echo "== SqliteIngestBenchmarks (--job short)"
bench --filter '*SqliteIngestBenchmarks*' --job short
echo "== Generator cost"
GENCOST="$("$ROOT/benchmarks/GeneratorCost/generator-cost.sh" 500 2 2>&1)"
echo "$GENCOST" | grep -v '^GENCOST_'

python3 - "$OUT/results" "$GENCOST" <<'PY'
import csv, glob, os, re, sys
results, gencost = sys.argv[1], sys.argv[2]
units = {"ns": 1, "us": 1e3, "μs": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}
means = {}
for path in glob.glob(os.path.join(results, "*-report.csv")):
    suite = os.path.basename(path).split("-report")[0].split(".")[-1]
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            m = re.match(r"([\d.,]+)\s*(\S+)", row.get("Mean", ""))
            if m:
                method = row["Method"].strip("'")
                means[suite + "." + method] = float(m.group(1).replace(",", "")) * units.get(m.group(2), float("nan"))
def get(name): return means.get(name)
rows = []
g = "GeneratedCallBenchmarks."
trivial, trivial_off = get(g + "TrivialPlain"), get(g + "TrivialDisabled")
dot, dot_off, dot_on = get(g + "DotProductPlain"), get(g + "DotProductDisabled"), get(g + "DotProductEnabledCallerOnly")
if trivial and trivial_off:
    rows.append(("Generated call, disabled, 1 ns body", f"{trivial_off / trivial:.2f}x plain ({trivial_off - trivial:+.1f} ns)", "<= 1.1x plain", trivial_off / trivial <= 1.1))
if dot and dot_off:
    rows.append(("Generated call, disabled, 256-element dot product", f"{dot_off / dot:.2f}x plain ({dot_off:.0f} ns vs {dot:.0f} ns)", "<= 1.1x plain", dot_off / dot <= 1.1))
if dot and dot_on:
    over = (dot_on - dot) / 1000
    rows.append(("Generated call, enabled (caller thread)", f"{over:.2f} us overhead", "<= 2 us", over <= 2))
t = "TrackedCallBenchmarks."
plain, caller = get(t + "PlainCall"), get(t + "TrackingEnabledCallerOnly")
if plain and caller:
    over = (caller - plain) / 1000
    rows.append(("Hand-written wrapper, enabled (caller thread)", f"{over:.2f} us overhead", "<= 2 us", over <= 2))
p = "ProxyCallBenchmarks."
pplain, poff, pon = get(p + "PlainCall"), get(p + "ProxyDisabled"), get(p + "ProxyEnabledCallerOnly")
if pplain and poff:
    rows.append(("DynamicProxy call, disabled", f"{poff:.1f} ns vs {pplain:.1f} ns plain ({poff - pplain:+.1f} ns)", "(measured beside)", None))
if pplain and pon:
    rows.append(("DynamicProxy call, enabled (caller thread)", f"{(pon - pplain) / 1000:.2f} us overhead", "(measured beside)", None))
m = "MetricThroughputBenchmarks."
per_request, batched = get(m + "OneRequestPerMetric"), get(m + "BatchedPipeline")
if per_request and batched:
    rows.append(("Batched pipeline vs one request per metric", f"{per_request / batched:.1f}x ({1e9 / batched:,.0f} vs {1e9 / per_request:,.0f} metrics/s)", ">= 100x", per_request / batched >= 100))
# Parameterised suites: the report's Method column repeats, so keep the rows apart by their parameter.
for path in glob.glob(os.path.join(results, "*.RunDeliveryBenchmarks-report.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            m = re.match(r"([\d.,]+)\s*(\S+)", row.get("Mean", ""))
            if m:
                means["RunDelivery." + row["DeliveryConcurrency"]] = float(m.group(1).replace(",", "")) * units.get(m.group(2), float("nan"))
one, four = get("RunDelivery.1"), get("RunDelivery.4")
if one and four:
    rows.append(("Short runs to a 2 ms server, 4 at once vs 1", f"{one / four:.1f}x ({1e9 / four:,.0f} vs {1e9 / one:,.0f} runs/s)", "(measured beside)", None))
# The delivery suites of issues 12 and 13: medians (the caller target is a median), keyed by their parameter.
def value(text):
    m = re.match(r"([\d.,]+)\s*(\S+)", text or "")
    return float(m.group(1).replace(",", "")) * units.get(m.group(2), float("nan")) if m else None
def rows_of(suite):
    for path in glob.glob(os.path.join(results, "*." + suite + "-report.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            yield from csv.DictReader(f)
caller = {(r["Method"].strip("'"), r["Store"]): value(r.get("Median")) for r in rows_of("CallerOverheadBenchmarks")}
for store in ("Up", "Down"):
    body, call, metric = caller.get(("PlainBody", store)), caller.get(("GeneratedTrackedCall", store)), caller.get(("LogMetric", store))
    if body and call:
        over = (call - body) / 1000
        rows.append((f"Generated call, server {store.lower()}, worker running (caller, median)", f"{over:.2f} us overhead", "<= 2 us median", over <= 2))
    if metric:
        rows.append((f"ActiveRun.LogMetric, server {store.lower()} (caller, median)", f"{metric:.0f} ns", "<= 2 us median", metric <= 2000))
    for method in ("LogText", "LogArtifact"):
        cost = caller.get((method, store))
        if cost and metric:
            rows.append((f"ActiveRun.{method}, server {store.lower()} (caller, median)", f"{cost:.0f} ns ({cost / metric:.1f}x LogMetric)", "only enqueues", None))
for r in rows_of("SpoolThroughputBenchmarks"):
    mean = value(r.get("Mean"))
    if mean:
        points = int(r["Runs"]) * 1000
        rows.append((f"Spool {r['Method'].strip(chr(39))}, {points:,} points", f"{points / (mean / 1e9):,.0f} points/s", "(measured beside)", None))
latency = {r["DeliveryConcurrency"]: value(r.get("Mean")) for r in rows_of("RecordedLatencyRunDeliveryBenchmarks")}
one, default = latency.get("1"), latency.get("4")
if one and default:
    rows.append(("Short runs, server answering in 17-23 ms, default concurrency vs 1", f"{one / default:.1f}x ({1e9 / default:,.1f} vs {1e9 / one:,.1f} runs/s)", ">= 95 runs/s (4x Python's 23.8)", 1e9 / default >= 95))
sqlite = next((v for k, v in means.items() if k.startswith("SqliteIngestBenchmarks.")), None)
if sqlite:
    rows.append(("SQLite ingest", f"{1e9 / sqlite:,.0f} points/s", ">= 200,000 points/s", 1e9 / sqlite >= 200_000))
full = re.search(r"GENCOST_FULL_DIFF=(-?[\d.]+)", gencost)
inc = re.search(r"GENCOST_INC_DIFF=(-?[\d.]+)", gencost)
if full:
    rows.append(("Generator, 500 methods, full build", f"{float(full.group(1)):+.2f} s", "<= 1 s", float(full.group(1)) <= 1))
if inc:
    rows.append(("Generator, incremental edit in a *Core body", f"{float(inc.group(1)):+.2f} s", "(no target; small)", None))
print()
print("| Target | Measured | Design target | Met |")
print("|---|---|---|---|")
for name, measured, target, met in rows:
    print(f"| {name} | {measured} | {target} | {'-' if met is None else ('yes' if met else 'NO')} |")
PY
