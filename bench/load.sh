#!/usr/bin/env bash
# Load test of POST /detect on loopback: the full pipeline with a durable SQLite audit.
# Starts its own service on 127.0.0.1, runs wrk for a bounded time, stops everything.
# Usage: bench/load.sh [seconds-per-run] [runs] [warm-up-seconds]     (needs wrk: apt-get install wrk)
# Measures steady state: untimed traffic first lets the JIT finish tiering and the regex engine build the
# automaton states that ordinary traffic needs, which a long-running service has done long ago.
# The service inherits the environment: LogGuard__Model__ScoreCacheSlots=0 bench/load.sh measures without the score cache.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-15}
runs=${2:-3}
warmup=${3:-10}
connections=64
port=5099
workdir=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

dotnet publish src/LogGuard.Api -c Release -o "$workdir/app" --nologo -v quiet >/dev/null
# All load comes from one address: left on, the per-client rate limit would be what is measured.
LogGuard__Database__ConnectionString="Data Source=$workdir/load.db" \
LogGuard__RateLimit__RequestsPerSecond="${LogGuard__RateLimit__RequestsPerSecond:-0}" \
  dotnet "$workdir/app/LogGuard.Api.dll" --urls "http://127.0.0.1:$port" >"$workdir/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$workdir"' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 1
done

# CPU time the service has used so far, in clock ticks: unlike requests/s, the CPU spent per line hardly moves
# when a neighbour on this shared VM takes cycles, so it is the figure to compare two builds by.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service/stat"; }
ticks_per_second=$(getconf CLK_TCK)

run() { # lines-per-request -> prints "requests/s p99-ms non-2xx cpu-us-per-line"
  local before after
  before=$(cpu_ticks)
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/detect.lua "http://127.0.0.1:$port" -- "$1" >"$workdir/wrk.txt"
  after=$(cpu_ticks)
  local rps p99 errors requests cpu
  rps=$(awk '/^Requests\/sec/ {print $2}' "$workdir/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$workdir/wrk.txt")
  cpu=$(echo "($after - $before) * 1000000 / $ticks_per_second / ($requests * $1)" | bc -l)
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$workdir/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $NF}' "$workdir/wrk.txt")
  echo "$rps $p99 ${errors:-0} $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

curl -fs -X POST "http://127.0.0.1:$port/detect" -H 'Content-Type: application/json' -d '{"lines":["warm up"]}' >/dev/null
if [ "$warmup" -gt 0 ]; then
  wrk -t2 -c"$connections" -d"${warmup}s" -s bench/detect.lua "http://127.0.0.1:$port" -- 100 >/dev/null
fi
for lines in 1 100; do
  results=()
  for _ in $(seq 1 "$runs"); do results+=("$(run "$lines")"); done
  rps=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
  p99=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
  errors=$(printf '%s\n' "${results[@]}" | awk '{s+=$3} END {print s}')
  cpu=$(printf '%s\n' "${results[@]}" | awk '{print $4}' | median)
  printf '%3d line(s)/request: %10.0f requests/s  %10.0f lines/s  p99 %6.1f ms  service CPU %5.1f µs/line  non-2xx %s   (median of %d runs of %ss, %d connections)\n' \
    "$lines" "$rps" "$(echo "$rps * $lines" | bc)" "$p99" "$cpu" "$errors" "$runs" "$seconds" "$connections"
done

model=$(curl -fs "http://127.0.0.1:$port/model")
field() { echo "$model" | grep -o "\"$1\":[0-9.]*" | head -1 | cut -d: -f2; }
if [ -n "$(field hitRate)" ]; then
  cache="score cache hit rate $(printf "%.1f" "$(echo "$(field hitRate) * 100" | bc)")% ($(field hits) hits, $(field misses) misses)"
else
  cache="score cache off"
fi
echo "$cache"
rss=$(awk '/VmHWM/ {print $2}' "/proc/$service/status")
printf 'peak RSS of the service: %d MB\n' $((rss / 1024))
