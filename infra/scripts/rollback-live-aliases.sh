#!/usr/bin/env bash
# Moves the `live` alias of every Warroom function back after a failed release (the deploy workflow calls it when the
# smoke test FAILs; people can run it too). Callers (API Gateway, queues, schedules, state machines) all call `live`,
# so moving it is the whole rollback of the code; tables and other resources the release changed stay as deployed.
#
#   rollback-live-aliases.sh snapshot STACK...     print "<function>\t<version>" of each live alias (before a deploy)
#   rollback-live-aliases.sh restore FILE          move each live alias back to the version FILE holds, if it moved
#   rollback-live-aliases.sh previous STACK...     move each live alias to the newest version below its current one
#
# Options (before the command): --dry-run (say what would move, move nothing), --alias NAME (default live).
# `restore` is exact: a function the release did not change keeps its version. `previous` is for when no snapshot was
# taken: it moves every function, the unchanged ones too, so read its output. Functions of nested stacks are included;
# functions without the alias (CDK's custom-resource handlers) are skipped. Exit: 0 done, 1 something could not be
# read or moved (the others are still moved), 2 usage. Needs the AWS CLI v2 and cloudformation:ListStackResources,
# lambda:GetAlias, lambda:ListVersionsByFunction, lambda:UpdateAlias (the deploy role of WarroomDeployBootstrap).
set -uo pipefail

alias_name=live
dry_run=0
failed=0
functions="$(mktemp)"
trap 'rm -f "$functions"' EXIT

usage() {
  sed -n '5,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

say() { printf 'rollback: %s\n' "$*" >&2; }

# every Lambda function of the stack and of its nested stacks, one name per line
functions_of() {
  local stack="$1" listing error
  if ! listing="$(aws cloudformation list-stack-resources --stack-name "$stack" --output text \
      --query "StackResourceSummaries[?ResourceType=='AWS::Lambda::Function' || ResourceType=='AWS::CloudFormation::Stack'].[ResourceType,PhysicalResourceId]" 2>&1)"; then
    error="$listing"
    if [[ "$error" == *"does not exist"* ]]; then
      say "stack $stack does not exist: no function of it to roll back"
      return 0
    fi
    say "cannot list the resources of stack $stack: $error"
    return 1
  fi
  local type id
  while IFS=$'\t' read -r type id; do
    [[ -n "$id" && "$id" != "None" ]] || continue
    case "$type" in
      AWS::Lambda::Function) printf '%s\n' "$id" ;;
      AWS::CloudFormation::Stack) functions_of "$id" || return 1 ;;
    esac
  done <<< "$listing"
}

# the version the alias points at; empty (status 0) when the function has no such alias
alias_version() {
  local function="$1" answer
  if answer="$(aws lambda get-alias --function-name "$function" --name "$alias_name" --query FunctionVersion --output text 2>&1)"; then
    printf '%s\n' "$answer"
    return 0
  fi
  [[ "$answer" == *ResourceNotFoundException* ]] && return 0
  say "cannot read $function:$alias_name: $answer"
  return 1
}

move() {
  local function="$1" from="$2" to="$3" answer
  if (( dry_run )); then
    say "would move $function $alias_name $from -> $to"
    return 0
  fi
  if answer="$(aws lambda update-alias --function-name "$function" --name "$alias_name" --function-version "$to" \
      --query FunctionVersion --output text 2>&1)"; then
    say "moved $function $alias_name $from -> $answer"
  else
    say "FAILED to move $function $alias_name $from -> $to: $answer"
    failed=1
  fi
}

# the functions of all the stacks, once each, into the file $functions; a stack that cannot be listed marks a failure
list_functions() {
  local stack
  : > "$functions"
  for stack in "$@"; do
    functions_of "$stack" >> "$functions" || failed=1
  done
  sort -u -o "$functions" "$functions"
}

snapshot() {
  (( $# > 0 )) || usage
  local function version
  list_functions "$@"
  while read -r function; do
    [[ -n "$function" ]] || continue
    version="$(alias_version "$function")" || { failed=1; continue; }
    [[ -n "$version" ]] && printf '%s\t%s\n' "$function" "$version"
  done < "$functions"
}

restore() {
  (( $# == 1 )) || usage
  local file="$1" function saved current
  [[ -r "$file" ]] || { say "cannot read the snapshot $file"; exit 2; }
  while IFS=$'\t' read -r function saved; do
    [[ -n "$function" ]] || continue
    if [[ ! "$saved" =~ ^[0-9]+$ ]]; then
      say "skipping $function: '$saved' is not a published version"
      failed=1
      continue
    fi
    current="$(alias_version "$function")" || { failed=1; continue; }
    if [[ -z "$current" ]]; then
      say "skipping $function: it has no $alias_name alias now"
    elif [[ "$current" == "$saved" ]]; then
      say "unchanged $function $alias_name $current"
    else
      move "$function" "$current" "$saved"
    fi
  done < "$file"
}

previous() {
  (( $# > 0 )) || usage
  local function current versions earlier
  list_functions "$@"
  while read -r function; do
    [[ -n "$function" ]] || continue
    current="$(alias_version "$function")" || { failed=1; continue; }
    [[ -n "$current" ]] || continue
    if ! versions="$(aws lambda list-versions-by-function --function-name "$function" --query 'Versions[].Version' --output text 2>&1)"; then
      say "cannot list the versions of $function: $versions"
      failed=1
      continue
    fi
    earlier="$(tr -s '[:space:]' '\n' <<< "$versions" | grep -E '^[0-9]+$' | awk -v current="$current" '$1 < current' | sort -n | tail -n 1)"
    if [[ -z "$earlier" ]]; then
      say "kept $function $alias_name $current: no earlier version"
    else
      move "$function" "$current" "$earlier"
    fi
  done < "$functions"
}

while (( $# > 0 )); do
  case "$1" in
    --dry-run) dry_run=1; shift ;;
    --alias) [[ $# -ge 2 && -n "$2" ]] || usage; alias_name="$2"; shift 2 ;;
    snapshot) shift; snapshot "$@"; exit "$failed" ;;
    restore) shift; restore "$@"; exit "$failed" ;;
    previous) shift; previous "$@"; exit "$failed" ;;
    *) usage ;;
  esac
done
usage
