#!/usr/bin/env bash
# Deploys the Warroom CDK app (infra/) onto a LocalStack that is already running, through cdklocal.
# Needs Docker (for LocalStack and its Lambda containers), Node 20+, a JDK 21+ and a LocalStack plan that
# emulates Cognito user pools and API Gateway v2. Extra arguments go to `cdklocal deploy`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://localhost.localstack.cloud:4566}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_DEFAULT_REGION="$AWS_REGION"
# LocalStack accepts any credentials; these keep the CLI from looking for real ones
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"

if ! curl -fs "$AWS_ENDPOINT_URL/_localstack/health" >/dev/null; then
  echo "deploy.sh: LocalStack does not answer at $AWS_ENDPOINT_URL; start it first (see localstack/README.md)" >&2
  exit 1
fi

tools="$here/.cdklocal"
cdklocal="$tools/node_modules/.bin/cdklocal"
if [ ! -x "$cdklocal" ]; then
  # the same CLI version as infra/README.md: newer majors reject this CDK's cloud assembly
  npm install --prefix "$tools" --no-audit --no-fund aws-cdk-local@3.0.4 aws-cdk@2.1148.1
fi

cd "$root/infra"
"$cdklocal" bootstrap
"$cdklocal" deploy Warroom --require-approval never --outputs-file "$here/outputs.json" "$@"
echo "Outputs written to $here/outputs.json"
