#!/usr/bin/env bash
# Generator cost: generates a 500-method project ([TrackedRun] partial method + Core, one class each) in a temp dir
# and times `dotnet build` with and without the MLflow.Tracking.Generators analyzer (MSBuild property UseGenerator),
# full rebuilds and an incremental edit inside one *Core body. Prints a summary; exits 0 even when a build fails
# (the failure is reported). With REPORT_ANALYZER=1 it also builds with -p:ReportAnalyzer=true, once with the real
# generator and once with FloorGenerator (finds the same methods, emits nothing), and prints Roslyn's own figure for
# each: their difference is the generator's own cost above Roslyn's floor.
# Usage: [REPORT_ANALYZER=1] benchmarks/GeneratorCost/generator-cost.sh [methods=500] [runs=2]
set -euo pipefail
METHODS="${1:-500}"
RUNS="${2:-2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mlflow-gencost.XXXXXX")"
[ -n "${KEEP_GENCOST:-}" ] || trap 'rm -rf "$WORK"' EXIT

# Built once, referenced as files: the timings then contain only the generated project's own build.
dotnet build "$ROOT/src/Runtime/MLflow.Tracking/MLflow.Tracking.csproj" -c Release -f net10.0 -v q -nologo >/dev/null
dotnet build "$ROOT/src/Generators/MLflow.Tracking.Generators/MLflow.Tracking.Generators.csproj" -c Release -v q -nologo >/dev/null
RUNTIME_DLL="$ROOT/src/Runtime/MLflow.Tracking/bin/Release/net10.0/MLflow.Tracking.dll"
GENERATOR_DLL="$ROOT/src/Generators/MLflow.Tracking.Generators/bin/Release/netstandard2.0/MLflow.Tracking.Generators.dll"
FLOOR_DLL="$ROOT/benchmarks/GeneratorCost/FloorGenerator/bin/Release/netstandard2.0/FloorGenerator.dll"
if [ -n "${REPORT_ANALYZER:-}" ]; then
  dotnet build "$ROOT/benchmarks/GeneratorCost/FloorGenerator/FloorGenerator.csproj" -c Release -v q -nologo >/dev/null
fi

python3 - "$WORK" "$METHODS" "$RUNTIME_DLL" "$GENERATOR_DLL" "$FLOOR_DLL" <<'PY'
import os, sys
work, n, runtime, generator, floor = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
open(os.path.join(work, "GenCost.csproj"), "w").write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <UseGenerator Condition="'$(UseGenerator)' == ''">true</UseGenerator>
    <ManualBodies Condition="'$(ManualBodies)' == ''">false</ManualBodies>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="MLflow.Tracking"><HintPath>{runtime}</HintPath></Reference>
  </ItemGroup>
  <!-- The toggle under test: the source generator as an analyzer reference. -->
  <ItemGroup Condition="'$(UseGenerator)' == 'true'">
    <Analyzer Include="{generator}" />
  </ItemGroup>
  <!-- Roslyn's floor: the same methods found, nothing emitted (bodies from Manual/). -->
  <ItemGroup Condition="'$(UseGenerator)' == 'floor'">
    <Analyzer Include="{floor}" />
  </ItemGroup>
  <!-- Without the generator the partial declarations need bodies: plain forwarding ones, as hand-written code would have. -->
  <ItemGroup>
    <Compile Remove="Manual/**" />
    <Compile Include="Manual/*.cs" Condition="'$(UseGenerator)' != 'true' Or '$(ManualBodies)' == 'true'" />
  </ItemGroup>
</Project>
""")
os.makedirs(os.path.join(work, "Src"), exist_ok=True)
os.makedirs(os.path.join(work, "Manual"), exist_ok=True)
for i in range(n):
    open(os.path.join(work, "Src", f"Trainer{i}.cs"), "w").write(f"""using MLflow.Tracking;

namespace GenCost;

public partial class Trainer{i}
{{
    [TrackedRun(Experiment = "gencost", RunName = "train{i}")]
    [return: LogMetric("score")]
    public partial double Train([LogParam] double learningRate, [LogParam] int epochs);

    private double TrainCore(double learningRate, int epochs) => (learningRate * epochs) + {i};
}}
""")
    open(os.path.join(work, "Manual", f"Trainer{i}.Body.cs"), "w").write(f"""namespace GenCost;

public partial class Trainer{i}
{{
    public partial double Train(double learningRate, int epochs) => TrainCore(learningRate, epochs);
}}
""")
PY

cd "$WORK"
dotnet restore -v q -nologo >/dev/null

# Prints seconds of one build, or FAIL; $1 = extra MSBuild arguments.
time_build() {
  local start end
  start=$(date +%s.%N)
  if dotnet build --no-restore -c Release -v q -nologo "$@" >"$WORK/last-build.log" 2>&1; then
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
  else
    echo FAIL
  fi
}

WITH_ARGS="-p:UseGenerator=true"
# A generator that does not (yet) emit the bodies leaves the declarations unimplemented (CS8795): then measure the
# generator's pipeline cost with forwarding bodies, and say so.
if [ "$(time_build $WITH_ARGS --no-incremental)" = FAIL ]; then
  if grep -q CS8795 "$WORK/last-build.log"; then
    WITH_ARGS="-p:UseGenerator=true -p:ManualBodies=true"
    echo "note: the generator on this branch emits no method bodies (CS8795); 'with' = generator loaded + forwarding bodies"
  else
    echo "generator build failed:"; tail -20 "$WORK/last-build.log"; exit 0
  fi
fi
time_build -p:UseGenerator=false --no-incremental >/dev/null # warm-up (compiler server, disk cache)

declare -a WITH WITHOUT
for r in $(seq "$RUNS"); do
  WITHOUT+=("$(time_build -p:UseGenerator=false --no-incremental)")
  WITH+=("$(time_build $WITH_ARGS --no-incremental)")
done

# Incremental edit: change one Core body, rebuild (each mode starts from its own up-to-date build).
edit() { sed -i -E "s/\) \+ [0-9]+;/) + $1;/" "$WORK/Src/Trainer0.cs"; }
time_build -p:UseGenerator=false >/dev/null; edit 11
INC_WITHOUT=$(time_build -p:UseGenerator=false)
time_build $WITH_ARGS >/dev/null; edit 12
INC_WITH=$(time_build $WITH_ARGS)

python3 - "$METHODS" "${WITHOUT[*]}" "${WITH[*]}" "$INC_WITHOUT" "$INC_WITH" <<'PY'
import sys
n = sys.argv[1]
def nums(s): return [float(x) for x in s.split() if x != "FAIL"]
without, with_, inc_without, inc_with = nums(sys.argv[2]), nums(sys.argv[3]), nums(sys.argv[4]), nums(sys.argv[5])
if not without or not with_:
    print("generator cost: a build failed (rerun with KEEP_GENCOST=1 and see last-build.log in the temp dir)"); sys.exit(0)
bw, bg = min(without), min(with_)
print(f"generator cost ({n} methods): full build without {bw:.2f} s, with {bg:.2f} s, difference {bg - bw:+.2f} s (best of {len(without)})")
if inc_without and inc_with:
    print(f"generator cost (incremental edit of one *Core body): without {inc_without[0]:.2f} s, with {inc_with[0]:.2f} s, difference {inc_with[0] - inc_without[0]:+.2f} s")
print(f"GENCOST_FULL_DIFF={bg - bw:.2f}")
if inc_without and inc_with:
    print(f"GENCOST_INC_DIFF={inc_with[0] - inc_without[0]:.2f}")
PY

# Roslyn's own account of generator time (-p:ReportAnalyzer=true), real generator against the floor.
if [ -n "${REPORT_ANALYZER:-}" ]; then
  report() { # $1 = UseGenerator value, $2 = generator type name; prints its seconds as Roslyn reports them
    dotnet build --no-restore -c Release -nologo --no-incremental -v:d -p:ReportAnalyzer=true -p:UseGenerator="$1" >"$WORK/report-$1.log" 2>&1 || true
    grep -E "^[[:space:]]*[0-9.<]+[[:space:]]+[0-9<]+[[:space:]]+.*$2" "$WORK/report-$1.log" | head -1 | awk '{print $1}'
  }
  for r in $(seq "$RUNS"); do
    echo "ReportAnalyzer round $r: real generator $(report true TrackedRunGenerator) s, floor $(report floor FloorGenerator) s"
  done
fi
