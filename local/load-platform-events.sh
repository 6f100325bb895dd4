#!/usr/bin/env bash
# Loads a consistent set of platform events into a running local Warroom (./warroom up) through
# POST /v1/platform/events, the local path of the warroom-platform bus: one round with three contributions by two
# users, a refund, the round's finalization whose total matches, a fee and a referral claim. Then shows the round's
# ledger account.
#
#   local/load-platform-events.sh [suffix]
#
# The suffix (default: the time) makes the round and event ids; the same suffix again sends the same events, which the
# ingest takes as duplicates and ignores. Variables: WARROOM_PORT (default 8080) or WARROOM_API, and WARROOM_DATA as
# for ./warroom (the tokens are minted with ./warroom token: role service for the events, finance for the read).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
api="${WARROOM_API:-http://127.0.0.1:${WARROOM_PORT:-8080}}"
run="${1:-$(date +%s)}"
round="round-$run"
alice="u-alice-$run"
bima="u-bima-$run"
service="$("$root/warroom" token --role service --sub platform)"
answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT

post() { # id type detail
    local status
    status="$(curl -s -o "$answer" -w '%{http_code}' -X POST "$api/v1/platform/events" \
        -H "Authorization: Bearer $service" -H 'Content-Type: application/json' \
        -d "{\"id\":\"$1\",\"type\":\"$2\",\"detail\":$3}")"
    if [ "$status" != 202 ]; then
        echo "$2 $1: HTTP $status $(cat "$answer")" >&2
        exit 1
    fi
    echo "$2 $1 queued"
}

post "$run-c1" ContributionConfirmed "{\"roundId\":\"$round\",\"userId\":\"$alice\",\"amount\":\"100.00\",\"asset\":\"USDC\",\"txHash\":\"0x$(printf 'a%.0s' {1..64})\"}"
post "$run-c2" ContributionConfirmed "{\"roundId\":\"$round\",\"userId\":\"$bima\",\"amount\":\"250.50\",\"asset\":\"USDC\",\"txHash\":\"0x$(printf 'b%.0s' {1..64})\"}"
post "$run-c3" ContributionConfirmed "{\"roundId\":\"$round\",\"userId\":\"$alice\",\"amount\":\"49.50\",\"asset\":\"USDC\",\"txHash\":\"0x$(printf 'c%.0s' {1..64})\"}"
post "$run-r1" RefundIssued "{\"roundId\":\"$round\",\"userId\":\"$bima\",\"amount\":\"50.50\",\"asset\":\"USDC\",\"reference\":\"refund:$round:$bima\"}"
# what the round keeps: 400.00 raised less 50.50 refunded, from two contributors
post "$run-f1" RoundFinalized "{\"roundId\":\"$round\",\"totalRaised\":\"349.50\",\"asset\":\"USDC\",\"contributorCount\":2}"
# 5% presale success fee on what the round keeps, split by the fee rule presale_success
post "$run-fee" FeeCharged "{\"ruleId\":\"presale_success\",\"amount\":\"17.475\",\"asset\":\"USDC\",\"reference\":\"fee:$round:presale_success\"}"
post "$run-ref" ReferralClaimed "{\"userId\":\"$alice\",\"amount\":\"1.7475\",\"asset\":\"USDC\",\"reference\":\"referral:$round:$alice\"}"

finance="$("$root/warroom" token --role finance --sub fiona)"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    sleep 1
    if curl -sf "$api/v1/admin/ledger/accounts/round_raised:$round" -H "Authorization: Bearer $finance" -o "$answer" \
        && grep -q '349.500000' "$answer"; then
        break
    fi
done
echo "round_raised:$round:"
cat "$answer"
echo
