# Sourced by the deployment scripts: argument checks, JSON quoting and the print-or-run step.
# Each script builds one command as an array, prints it shell-quoted (one line, so it can be pasted or
# compared in a test) and, with --run, executes it.

die_usage() {
  echo "$(basename "$0"): $*" >&2
  echo "Try '$(basename "$0") --help'." >&2
  exit 2
}

# need_value OPTION "$#" : the option must be followed by a value.
need_value() {
  [[ "$2" -ge 2 ]] || die_usage "option $1 needs a value"
}

require() {
  local name="$1" value="$2"
  [[ -n "$value" ]] || die_usage "missing required option $name"
}

check_s3_uri() {
  local name="$1" value="$2"
  [[ "$value" =~ ^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$ ]] \
    || die_usage "invalid $name '$value': expected s3://bucket/key"
}

check_kms_key() {
  local value="$1"
  [[ -z "$value" \
    || "$value" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ \
    || "$value" =~ ^mrk-[0-9a-f]{32}$ \
    || "$value" =~ ^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[0-9a-zA-Z-]+|alias/[A-Za-z0-9/_-]+)$ \
    || "$value" =~ ^alias/[A-Za-z0-9/_-]+$ ]] \
    || die_usage "invalid --kms-key-id '$value': expected a key id, key ARN, alias/NAME or alias ARN"
}

check_region() {
  local value="$1"
  [[ -z "$value" || "$value" =~ ^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$ ]] \
    || die_usage "invalid --region '$value': expected a region such as us-east-1"
}

check_role_arn() {
  local name="$1" value="$2"
  [[ "$value" =~ ^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$ ]] \
    || die_usage "invalid $name '$value': expected arn:aws:iam::ACCOUNT:role/NAME"
}

# The shroud arguments after '--' must start with a command.
check_shroud_args() {
  [[ $# -ge 1 ]] || die_usage "missing shroud arguments after '--' (for example: -- sanitize --config s3://bucket/policy.yaml)"
  case "$1" in
    sanitize|scan|detokenize|check-anonymity|preview|keys|verify-audit|iam-policy|lint-policy) ;;
    *) die_usage "unknown shroud command '$1' after '--'; expected sanitize, scan, detokenize, check-anonymity, preview or keys" ;;
  esac
}

# json_string VALUE: VALUE as a JSON string literal.
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\t'/\\t}"
  s="${s//$'\r'/\\r}"
  printf '"%s"' "$s"
}

# json_array VALUES...: a JSON array of strings.
json_array() {
  local out="[" first=1 v
  for v in "$@"; do
    [[ $first -eq 1 ]] || out+=","
    out+="$(json_string "$v")"
    first=0
  done
  printf '%s]' "$out"
}

# SSE-KMS settings for what the job writes. S3A (open-source Spark, EMR Serverless) and EMRFS (EMR's
# s3://) name them differently; both are set so the output is encrypted whichever scheme the policy uses.
encryption_confs() {
  local key="$1"
  [[ -n "$key" ]] || return 0
  printf '%s\n' \
    "spark.hadoop.fs.s3a.encryption.algorithm=SSE-KMS" \
    "spark.hadoop.fs.s3a.encryption.key=$key" \
    "spark.hadoop.fs.s3.enableServerSideEncryption=true" \
    "spark.hadoop.fs.s3.serverSideEncryption.kms.keyId=$key"
}

# print_or_run RUN COMMAND...: prints the command shell-quoted on one line; runs it when RUN is 1.
print_or_run() {
  local run="$1"
  shift
  local quoted=() arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
      quoted+=("$arg")
    else
      quoted+=("'${arg//\'/\'\\\'\'}'")
    fi
  done
  echo "${quoted[*]}"
  if [[ "$run" -eq 1 ]]; then
    command -v "$1" >/dev/null 2>&1 || { echo "$(basename "$0"): cannot run: '$1' is not on PATH" >&2; exit 1; }
    exec "$@"
  fi
}
