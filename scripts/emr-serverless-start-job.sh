#!/usr/bin/env bash
# Starts Shroud as an EMR Serverless job run (prints the aws command; --run runs it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/deploy-common.sh
source "$repo/scripts/lib/deploy-common.sh"

usage() {
  cat <<USAGE
Usage: scripts/emr-serverless-start-job.sh --application-id ID --execution-role-arn ARN --jar s3://BUCKET/shroud-job.jar [options] -- SHROUD_COMMAND [ARGS...]

Prints the 'aws emr-serverless start-job-run' command for Shroud; --run runs it. The application must be
a Spark application on an EMR release with Java 17 (emr-7.x).

Options:
  --application-id ID        the EMR Serverless application
  --execution-role-arn ARN   the job's execution role (see 'shroud iam-policy' for its policy)
  --jar S3_URI               the job jar, uploaded to S3
  --kms-key-id KEY           customer-managed KMS key: SSE-KMS for everything written
  --region REGION            AWS region of the application
  --name NAME                job run name (default: shroud SHROUD_COMMAND)
  --log-uri S3_URI           where Spark logs go (encrypted with --kms-key-id when given)
  --executor-memory MEM      per executor (default: 4g)
  --conf KEY=VALUE           any other Spark setting (repeatable, no spaces), such as
                             spark.jars=/usr/share/aws/iceberg/lib/iceberg-spark3-runtime.jar for table runs
  --run                      run the command (needs the aws CLI and credentials)
  -h, --help                 this help
USAGE
}

app=""
role=""
jar=""
kms_key=""
region=""
name=""
log_uri=""
executor_memory="4g"
extra_confs=()
run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --application-id) need_value "$1" $#; app="$2"; shift 2 ;;
    --execution-role-arn) need_value "$1" $#; role="$2"; shift 2 ;;
    --jar) need_value "$1" $#; jar="$2"; shift 2 ;;
    --kms-key-id) need_value "$1" $#; kms_key="$2"; shift 2 ;;
    --region) need_value "$1" $#; region="$2"; shift 2 ;;
    --name) need_value "$1" $#; name="$2"; shift 2 ;;
    --log-uri) need_value "$1" $#; log_uri="$2"; shift 2 ;;
    --executor-memory) need_value "$1" $#; executor_memory="$2"; shift 2 ;;
    --conf) need_value "$1" $#
      # sparkSubmitParameters is one space-separated string: a value with a space would split.
      [[ "$2" == *=* && "$2" != *[[:space:]]* ]] || die_usage "invalid --conf '$2': expected KEY=VALUE without spaces"
      extra_confs+=("$2"); shift 2 ;;
    --run) run=1; shift ;;
    --) shift; break ;;
    *) die_usage "unknown option '$1'" ;;
  esac
done

require --application-id "$app"
require --execution-role-arn "$role"
require --jar "$jar"
[[ "$app" =~ ^[0-9a-z]{1,64}$ ]] || die_usage "invalid --application-id '$app': expected lower-case letters and digits"
check_role_arn --execution-role-arn "$role"
check_s3_uri --jar "$jar"
[[ -z "$log_uri" ]] || check_s3_uri --log-uri "$log_uri"
check_kms_key "$kms_key"
check_region "$region"
[[ "$executor_memory" =~ ^[0-9]+[kmgtKMGT]$ ]] || die_usage "invalid --executor-memory '$executor_memory': expected a size such as 4g"
check_shroud_args "$@"
[[ -n "$name" ]] || name="shroud $1"

# Builds the StartJobRun driver in the casing the caller asks for: the aws CLI takes the REST API's
# camelCase; EventBridge Scheduler's universal target takes the SDK's PascalCase (see schedule-nightly.sh).
spark_params="--class io.shroud.jobs.cli.ShroudCli --conf spark.executor.memory=$executor_memory"
while IFS= read -r conf; do
  spark_params+=" --conf $conf"
done < <(encryption_confs "$kms_key")
for conf in ${extra_confs[@]+"${extra_confs[@]}"}; do
  spark_params+=" --conf $conf"
done

driver="{\"sparkSubmit\":{\"entryPoint\":$(json_string "$jar"),\"entryPointArguments\":$(json_array "$@"),\"sparkSubmitParameters\":$(json_string "$spark_params")}}"
cmd=(aws emr-serverless start-job-run --application-id "$app" --execution-role-arn "$role" --name "$name")
[[ -z "$region" ]] || cmd+=(--region "$region")
cmd+=(--job-driver "$driver")
if [[ -n "$log_uri" ]]; then
  monitoring="{\"monitoringConfiguration\":{\"s3MonitoringConfiguration\":{\"logUri\":$(json_string "$log_uri")"
  # The log encryption key must be a full key ARN; ids and aliases are only used for the data.
  [[ "$kms_key" != arn:*:key/* ]] || monitoring+=",\"encryptionKeyArn\":$(json_string "$kms_key")"
  monitoring+="}}}"
  cmd+=(--configuration-overrides "$monitoring")
fi
print_or_run "$run" "${cmd[@]}"
