#!/usr/bin/env bash
# Schedules Shroud before every training run: an EventBridge Scheduler schedule that starts an EMR
# Serverless job run (prints the aws command; --run runs it). For cron on a host, see docs/operations.md.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/deploy-common.sh
source "$repo/scripts/lib/deploy-common.sh"

usage() {
  cat <<USAGE
Usage: scripts/schedule-nightly.sh --schedule-name NAME --application-id ID --execution-role-arn ARN \\
           --scheduler-role-arn ARN --jar s3://BUCKET/shroud-job.jar [options] -- SHROUD_COMMAND [ARGS...]

Prints the 'aws scheduler create-schedule' command for a schedule that starts Shroud on EMR Serverless;
--run runs it.

Options:
  --schedule-name NAME       the schedule's name
  --application-id ID        the EMR Serverless application
  --execution-role-arn ARN   the job's execution role
  --scheduler-role-arn ARN   the role EventBridge Scheduler assumes (needs emr-serverless:StartJobRun
                             and iam:PassRole on the execution role)
  --jar S3_URI               the job jar, uploaded to S3
  --cron EXPRESSION          schedule expression (default: 'cron(0 2 * * ? *)', 02:00 every night)
  --timezone TZ              time zone of the expression (default: UTC)
  --kms-key-id KEY           customer-managed KMS key: SSE-KMS for everything written
  --region REGION            AWS region
  --run                      run the command (needs the aws CLI and credentials)
  -h, --help                 this help
USAGE
}

schedule=""
app=""
role=""
scheduler_role=""
jar=""
cron="cron(0 2 * * ? *)"
timezone="UTC"
kms_key=""
region=""
run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --schedule-name) need_value "$1" $#; schedule="$2"; shift 2 ;;
    --application-id) need_value "$1" $#; app="$2"; shift 2 ;;
    --execution-role-arn) need_value "$1" $#; role="$2"; shift 2 ;;
    --scheduler-role-arn) need_value "$1" $#; scheduler_role="$2"; shift 2 ;;
    --jar) need_value "$1" $#; jar="$2"; shift 2 ;;
    --cron) need_value "$1" $#; cron="$2"; shift 2 ;;
    --timezone) need_value "$1" $#; timezone="$2"; shift 2 ;;
    --kms-key-id) need_value "$1" $#; kms_key="$2"; shift 2 ;;
    --region) need_value "$1" $#; region="$2"; shift 2 ;;
    --run) run=1; shift ;;
    --) shift; break ;;
    *) die_usage "unknown option '$1'" ;;
  esac
done

require --schedule-name "$schedule"
require --application-id "$app"
require --execution-role-arn "$role"
require --scheduler-role-arn "$scheduler_role"
require --jar "$jar"
[[ "$schedule" =~ ^[0-9a-zA-Z._-]{1,64}$ ]] || die_usage "invalid --schedule-name '$schedule': expected 1-64 letters, digits, . _ -"
[[ "$app" =~ ^[0-9a-z]{1,64}$ ]] || die_usage "invalid --application-id '$app': expected lower-case letters and digits"
check_role_arn --execution-role-arn "$role"
check_role_arn --scheduler-role-arn "$scheduler_role"
check_s3_uri --jar "$jar"
check_kms_key "$kms_key"
check_region "$region"
[[ "$cron" =~ ^(cron|rate)\(.+\)$ ]] || die_usage "invalid --cron '$cron': expected cron(...) or rate(...)"
check_shroud_args "$@"

spark_params="--class io.shroud.jobs.cli.ShroudCli --conf spark.executor.memory=4g"
while IFS= read -r conf; do
  spark_params+=" --conf $conf"
done < <(encryption_confs "$kms_key")
# The universal target takes the StartJobRun request with the SDK's member names; the client token is
# the scheduler's execution id, so a retried invocation does not start a second run.
request="{\"ApplicationId\":$(json_string "$app"),\"ExecutionRoleArn\":$(json_string "$role"),\"Name\":$(json_string "$schedule"),\"ClientToken\":\"<aws.scheduler.execution-id>\",\"JobDriver\":{\"SparkSubmit\":{\"EntryPoint\":$(json_string "$jar"),\"EntryPointArguments\":$(json_array "$@"),\"SparkSubmitParameters\":$(json_string "$spark_params")}}}"
target="{\"Arn\":\"arn:aws:scheduler:::aws-sdk:emrserverless:startJobRun\",\"RoleArn\":$(json_string "$scheduler_role"),\"Input\":$(json_string "$request")}"
cmd=(aws scheduler create-schedule --name "$schedule" --schedule-expression "$cron" --schedule-expression-timezone "$timezone"
  --flexible-time-window '{"Mode":"OFF"}')
[[ -z "$region" ]] || cmd+=(--region "$region")
cmd+=(--target "$target")
print_or_run "$run" "${cmd[@]}"
