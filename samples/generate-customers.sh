#!/usr/bin/env bash
# Regenerates samples/customers.csv (1,000 synthetic rows, seed 42) with the generator in benchmarks/.
# Every person, number and address in it is invented.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000}"
seed="${2:-42}"
out="${3:-$repo/samples/customers.csv}"
if [[ ! -f "$repo/benchmarks/target/shroud-benchmarks.jar" ]]; then
  (cd "$repo" && mvn -B -q -DskipTests install) >&2
fi
java -cp "$repo/benchmarks/target/shroud-benchmarks.jar:$(cat "$repo/benchmarks/target/classpath.txt")" \
  io.shroud.bench.SyntheticCustomers "$out" "$rows" "$seed"
