#!/usr/bin/env bash
# Authsome load benchmark: builds the API and the driver in Release, then runs every scenario against a throw-away
# PostgreSQL cluster on this machine and writes bench/out/results.md. See bench/README.md.
# Extra arguments go to the driver, e.g. bench/run.sh --duration 5 --large 100000 for a quick run.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
out_dir="$bench_dir/out"

if ! command -v wrk >/dev/null 2>&1; then
    echo "[bench] wrk is missing; installing Debian's package" >&2
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get install -y wrk >/dev/null || { "${sudo_cmd[@]}" apt-get update >/dev/null && "${sudo_cmd[@]}" apt-get install -y wrk >/dev/null; }
fi

cd "$repo_dir"
echo "[bench] building Authsome.Api and the driver (Release)" >&2
dotnet build Authsome.Api/Authsome.Api.csproj -c Release --nologo -v quiet
dotnet build bench/Authsome.Bench.Floor/Authsome.Bench.Floor.csproj -c Release --nologo -v quiet
dotnet build bench/Authsome.Bench/Authsome.Bench.csproj -c Release --nologo -v quiet

mkdir -p "$out_dir"
dotnet bench/Authsome.Bench/bin/Release/net10.0/Authsome.Bench.dll \
    --api Authsome.Api/bin/Release/net10.0/Authsome.Api.dll \
    --floor bench/Authsome.Bench.Floor/bin/Release/net10.0/Authsome.Bench.Floor.dll \
    --scripts bench/scripts \
    --out "$out_dir" \
    "$@" 2>&1 | tee "$out_dir/console.log"
