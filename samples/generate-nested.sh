#!/usr/bin/env bash
# Regenerates the nested samples with the generators in benchmarks/ (seed 42):
#   samples/chats.jsonl     200 chat transcripts (system/user/assistant turns, PII in user and assistant turns)
#   samples/orders.parquet  100 orders: customer struct, items[] with ship_to addresses, tags[], attributes map
# Every person, number and address in them is invented.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:-42}"
if [[ ! -f "$repo/benchmarks/target/shroud-benchmarks.jar" ]]; then
  (cd "$repo" && mvn -B -q -DskipTests install) >&2
fi
# shellcheck source=../scripts/lib/spark-jvm-flags.sh
source "$repo/scripts/lib/spark-jvm-flags.sh"
export SPARK_LOCAL_IP=127.0.0.1
java -Xmx1g "${spark_jvm_flags[@]}" \
  -cp "$repo/benchmarks/target/shroud-benchmarks.jar:$(cat "$repo/benchmarks/target/classpath.txt")" \
  io.shroud.bench.NestedSamples "$repo/samples" "$seed"
