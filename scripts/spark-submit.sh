#!/usr/bin/env bash
# Submits the Shroud job jar with spark-submit (YARN, Kubernetes, standalone, or an EMR primary node).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/deploy-common.sh
source "$repo/scripts/lib/deploy-common.sh"

usage() {
  cat <<USAGE
Usage: scripts/spark-submit.sh [options] -- SHROUD_COMMAND [ARGS...]

Runs spark-submit with the Shroud job jar, its main class and the settings it needs.

Options:
  --jar PATH             job jar (default: jobs/target/shroud-job.jar; build it with mvn -B package)
  --master URL           Spark master (default: yarn)
  --deploy-mode MODE     client or cluster (default: cluster)
  --region REGION        AWS region for S3A (fs.s3a.endpoint.region)
  --kms-key-id KEY       customer-managed KMS key: SSE-KMS for every object written (S3A and EMRFS settings)
  --s3-endpoint URL      S3 interface VPC endpoint, https only (omit for a gateway endpoint)
  --executor-memory MEM  per executor (default: 4g; the NER models need about 1 GB of it)
  --executor-cores N     per executor (default: 2)
  --num-executors N      fixed executor count (default: dynamic allocation)
  --shuffle-partitions N spark.sql.shuffle.partitions (default: 200)
  --conf KEY=VALUE       any other Spark setting (repeatable)
  --spark-submit PATH    the spark-submit to use (default: \$SPARK_HOME/bin/spark-submit, else spark-submit on PATH)
  --dry-run              print the command, do not run it
  -h, --help             this help

Example:
  scripts/spark-submit.sh --kms-key-id alias/shroud-output --region us-east-1 \\
      -- sanitize --config s3://my-bucket/policies/training.yaml --quiet
USAGE
}

jar="$repo/jobs/target/shroud-job.jar"
master="yarn"
deploy_mode="cluster"
region=""
kms_key=""
endpoint=""
executor_memory="4g"
executor_cores="2"
num_executors=""
shuffle_partitions="200"
extra_confs=()
spark_submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"
dry_run=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) need_value "$1" $#; jar="$2"; shift 2 ;;
    --master) need_value "$1" $#; master="$2"; shift 2 ;;
    --deploy-mode) need_value "$1" $#; deploy_mode="$2"; shift 2 ;;
    --region) need_value "$1" $#; region="$2"; shift 2 ;;
    --kms-key-id) need_value "$1" $#; kms_key="$2"; shift 2 ;;
    --s3-endpoint) need_value "$1" $#; endpoint="$2"; shift 2 ;;
    --executor-memory) need_value "$1" $#; executor_memory="$2"; shift 2 ;;
    --executor-cores) need_value "$1" $#; executor_cores="$2"; shift 2 ;;
    --num-executors) need_value "$1" $#; num_executors="$2"; shift 2 ;;
    --shuffle-partitions) need_value "$1" $#; shuffle_partitions="$2"; shift 2 ;;
    --conf) need_value "$1" $#; [[ "$2" == *=* ]] || die_usage "invalid --conf '$2': expected KEY=VALUE"
      extra_confs+=("$2"); shift 2 ;;
    --spark-submit) need_value "$1" $#; spark_submit="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --) shift; break ;;
    *) die_usage "unknown option '$1'" ;;
  esac
done

check_shroud_args "$@"
[[ "$deploy_mode" == client || "$deploy_mode" == cluster ]] || die_usage "invalid --deploy-mode '$deploy_mode': expected client or cluster"
[[ "$executor_memory" =~ ^[0-9]+[kmgtKMGT]$ ]] || die_usage "invalid --executor-memory '$executor_memory': expected a size such as 4g"
[[ "$executor_cores" =~ ^[1-9][0-9]*$ ]] || die_usage "invalid --executor-cores '$executor_cores': expected a positive integer"
[[ -z "$num_executors" || "$num_executors" =~ ^[1-9][0-9]*$ ]] || die_usage "invalid --num-executors '$num_executors': expected a positive integer"
[[ "$shuffle_partitions" =~ ^[1-9][0-9]*$ ]] || die_usage "invalid --shuffle-partitions '$shuffle_partitions': expected a positive integer"
check_region "$region"
check_kms_key "$kms_key"
if [[ -n "$endpoint" && ! "$endpoint" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?/?$ ]]; then
  die_usage "invalid --s3-endpoint '$endpoint': expected https://HOST (plain http is refused: data in transit must be encrypted)"
fi
if [[ "$jar" != s3://* && "$jar" != s3a://* && "$jar" != hdfs://* && ! -f "$jar" ]]; then
  echo "$(basename "$0"): cannot find the job jar $jar; build it with 'mvn -B package' or pass --jar" >&2
  exit 2
fi

cmd=("$spark_submit" --master "$master" --deploy-mode "$deploy_mode" --class io.shroud.jobs.cli.ShroudCli
  --conf "spark.executor.memory=$executor_memory" --conf "spark.executor.cores=$executor_cores"
  --conf "spark.sql.shuffle.partitions=$shuffle_partitions")
[[ -z "$num_executors" ]] || cmd+=(--conf "spark.executor.instances=$num_executors" --conf spark.dynamicAllocation.enabled=false)
[[ -z "$region" ]] || cmd+=(--conf "spark.hadoop.fs.s3a.endpoint.region=$region")
[[ -z "$endpoint" ]] || cmd+=(--conf "spark.hadoop.fs.s3a.endpoint=$endpoint")
while IFS= read -r conf; do
  cmd+=(--conf "$conf")
done < <(encryption_confs "$kms_key")
for conf in ${extra_confs[@]+"${extra_confs[@]}"}; do
  cmd+=(--conf "$conf")
done
cmd+=("$jar" "$@")

run=$((1 - dry_run))
print_or_run "$run" "${cmd[@]}"
