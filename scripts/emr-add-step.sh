#!/usr/bin/env bash
# Adds Shroud as a Spark step to a running EMR cluster (prints the aws command; --run runs it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/deploy-common.sh
source "$repo/scripts/lib/deploy-common.sh"

usage() {
  cat <<USAGE
Usage: scripts/emr-add-step.sh --cluster-id j-XXXXXXXX --jar s3://BUCKET/shroud-job.jar [options] -- SHROUD_COMMAND [ARGS...]

Prints the 'aws emr add-steps' command for a Spark step running Shroud in cluster mode; --run runs it.

Options:
  --cluster-id ID        the EMR cluster (j-...)
  --jar S3_URI           the job jar, uploaded to S3 (mvn -B package builds jobs/target/shroud-job.jar)
  --kms-key-id KEY       customer-managed KMS key: SSE-KMS for everything written, through EMRFS (s3://) and S3A (s3a://)
  --region REGION        AWS region of the cluster
  --name NAME            step name (default: shroud SHROUD_COMMAND)
  --action-on-failure A  CONTINUE, CANCEL_AND_WAIT or TERMINATE_CLUSTER (default: CONTINUE)
  --executor-memory MEM  per executor (default: 4g)
  --conf KEY=VALUE       any other Spark setting (repeatable), such as
                         spark.jars.packages=org.apache.iceberg:iceberg-spark-runtime-4.0_2.13:1.10.0 for table runs
  --run                  run the command (needs the aws CLI and credentials)
  -h, --help             this help

Example:
  scripts/emr-add-step.sh --cluster-id j-2AXXXXXXGAPLF --jar s3://my-bucket/jars/shroud-job.jar \\
      --kms-key-id alias/shroud-output -- sanitize --config s3://my-bucket/policies/training.yaml --quiet
USAGE
}

cluster=""
jar=""
kms_key=""
region=""
name=""
on_failure="CONTINUE"
executor_memory="4g"
extra_confs=()
run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --cluster-id) need_value "$1" $#; cluster="$2"; shift 2 ;;
    --jar) need_value "$1" $#; jar="$2"; shift 2 ;;
    --kms-key-id) need_value "$1" $#; kms_key="$2"; shift 2 ;;
    --region) need_value "$1" $#; region="$2"; shift 2 ;;
    --name) need_value "$1" $#; name="$2"; shift 2 ;;
    --action-on-failure) need_value "$1" $#; on_failure="$2"; shift 2 ;;
    --executor-memory) need_value "$1" $#; executor_memory="$2"; shift 2 ;;
    --conf) need_value "$1" $#; [[ "$2" == *=* ]] || die_usage "invalid --conf '$2': expected KEY=VALUE"
      extra_confs+=("$2"); shift 2 ;;
    --run) run=1; shift ;;
    --) shift; break ;;
    *) die_usage "unknown option '$1'" ;;
  esac
done

require --cluster-id "$cluster"
require --jar "$jar"
[[ "$cluster" =~ ^j-[A-Z0-9]{8,}$ ]] || die_usage "invalid --cluster-id '$cluster': expected j- followed by letters and digits"
check_s3_uri --jar "$jar"
check_kms_key "$kms_key"
check_region "$region"
case "$on_failure" in CONTINUE|CANCEL_AND_WAIT|TERMINATE_CLUSTER) ;;
  *) die_usage "invalid --action-on-failure '$on_failure': expected CONTINUE, CANCEL_AND_WAIT or TERMINATE_CLUSTER" ;;
esac
[[ "$executor_memory" =~ ^[0-9]+[kmgtKMGT]$ ]] || die_usage "invalid --executor-memory '$executor_memory': expected a size such as 4g"
check_shroud_args "$@"
[[ -n "$name" ]] || name="shroud $1"

args=(--deploy-mode cluster --class io.shroud.jobs.cli.ShroudCli --conf "spark.executor.memory=$executor_memory")
while IFS= read -r conf; do
  args+=(--conf "$conf")
done < <(encryption_confs "$kms_key")
for conf in ${extra_confs[@]+"${extra_confs[@]}"}; do
  args+=(--conf "$conf")
done
args+=("$jar" "$@")

step="[{\"Type\":\"Spark\",\"Name\":$(json_string "$name"),\"ActionOnFailure\":\"$on_failure\",\"Args\":$(json_array "${args[@]}")}]"
cmd=(aws emr add-steps --cluster-id "$cluster")
[[ -z "$region" ]] || cmd+=(--region "$region")
cmd+=(--steps "$step")
print_or_run "$run" "${cmd[@]}"
