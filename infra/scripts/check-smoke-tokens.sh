#!/usr/bin/env bash
# Checks the smoke test's tokens file (`./warroom smoke --tokens FILE`, README "Smoke test") before a release deploys
# anything: it must be a JSON object whose tokens are JWTs that stay valid for the next MINUTES (default 60: synthesis,
# deploy and the smoke test), so that an expired token stops the release here instead of failing its smoke test and
# rolling the release back. Prints each identity with its expiry; never prints a token.
#   check-smoke-tokens.sh FILE [MINUTES]
# Exit 0 usable, 1 not usable (which token, why), 2 usage. NOW_EPOCH (seconds) replaces the clock in tests.
set -euo pipefail

(( $# >= 1 && $# <= 2 )) || { sed -n '6p' "$0" | sed 's/^# *//' >&2; exit 2; }
file="$1"
minutes="${2:-60}"
[[ "$minutes" =~ ^[0-9]+$ ]] || { echo "check-smoke-tokens: MINUTES must be a whole number, not '$minutes'" >&2; exit 2; }
now="${NOW_EPOCH:-$(date +%s)}"
deadline=$(( now + minutes * 60 ))

if ! jq -e 'type == "object"' "$file" >/dev/null 2>&1; then
  echo "check-smoke-tokens: $file is not a JSON object (the tokens file of README \"Smoke test\")" >&2
  exit 1
fi
# name<TAB>token of each identity the file holds
identities="$(jq -r '((.roles // {}) | to_entries[] | ["role " + .key, .value]),
  (["requester", .requester], ["approver", .approver] | select(.[1] != null)) | @tsv' "$file")"
[[ -n "$identities" ]] || { echo "check-smoke-tokens: $file holds no token" >&2; exit 1; }

# the payload of a JWT (its second part, base64url without padding) as JSON
payload() {
  local part="$1"
  part="$(tr '_-' '/+' <<< "$part")"
  while (( ${#part} % 4 )); do part+="="; done
  base64 -d <<< "$part" 2>/dev/null
}

problems=0
while IFS=$'\t' read -r name token; do
  IFS=. read -r _ body signature <<< "$token"
  if [[ -z "${body:-}" || -z "${signature:-}" ]]; then
    echo "check-smoke-tokens: $name is not a JWT" >&2
    problems=1
    continue
  fi
  if ! exp="$(payload "$body" | jq -e '.exp | numbers | floor' 2>/dev/null)"; then
    echo "check-smoke-tokens: $name has no readable expiry (exp)" >&2
    problems=1
    continue
  fi
  expires="$(date -u -d "@$exp" +%Y-%m-%dT%H:%M:%SZ)"
  if (( exp <= now )); then
    echo "check-smoke-tokens: $name expired at $expires" >&2
    problems=1
  elif (( exp < deadline )); then
    echo "check-smoke-tokens: $name expires at $expires, within the next $minutes minutes" >&2
    problems=1
  else
    echo "check-smoke-tokens: $name valid until $expires"
  fi
done <<< "$identities"
if (( problems )); then
  echo "check-smoke-tokens: refresh the tokens (README \"Deploys from CI\": smoke identities) and run the release again" >&2
fi
exit "$problems"
