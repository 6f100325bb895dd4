#!/usr/bin/env bash
# The CDK CLI as the deploy workflow runs it: the pinned version (its 3.x rejects this CDK's cloud assembly), from
# infra/, with the context of WARROOM_CDK_CONTEXT added as -c key=value. WARROOM_CDK_CONTEXT is a JSON object of
# string values (the GitHub variable CDK_CONTEXT_STAGING or CDK_CONTEXT_PRODUCTION), for example
#   {"staffCallbackUrls":"https://console.example.com/callback","mailFrom":"payments@mail.example.com"}
# Usage: infra/scripts/cdk.sh synth|diff|deploy|list ... (any CDK CLI arguments)
set -euo pipefail
readonly CDK_CLI=aws-cdk@2.1148.1

context=()
if [[ -n "${WARROOM_CDK_CONTEXT:-}" ]]; then
  if ! jq -e 'type == "object" and all(.[]; type == "string")' <<< "$WARROOM_CDK_CONTEXT" >/dev/null 2>&1; then
    echo "cdk.sh: WARROOM_CDK_CONTEXT must be a JSON object of strings, e.g. {\"mailFrom\":\"payments@mail.example.com\"}" >&2
    exit 2
  fi
  while IFS= read -r -d '' pair; do
    context+=(-c "$pair")
  done < <(jq -j 'to_entries[] | "\(.key)=\(.value)\u0000"' <<< "$WARROOM_CDK_CONTEXT")
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec npx --yes "$CDK_CLI" "$@" "${context[@]}"
