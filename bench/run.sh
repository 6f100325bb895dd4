#!/usr/bin/env bash
# Builds the bench (and the modules it needs, tests skipped) and runs one of its programs.
#   bench/run.sh cold-init        [--runs 10] [--variants lambda-c1-serial,jdk-defaults] [--classpath lambda-jar|maven]
#   bench/run.sh gate-throughput  [--forks 3] [--threads 1,2] [--variants lambda-c1-serial,jdk-defaults]
#                                 [--warmup 5] [--iterations 5] [--seconds 1]
#   bench/run.sh cold-start-vs-peer [--runs 10]   (builds ../shared/peers/serverless-java-dagger once, into bench/target/peer)
#   bench/run.sh sealing-cost     [--warmup 3] [--rounds 20] [--ops 10] [--change-rows 62] [--load-rows 10,100]
#                                 [--variant lambda-c1-serial|jdk-defaults]
#   bench/run.sh ledger-posting   [--warmup 3] [--rounds 10] [--ops 10] [--writers 4] [--contended-postings 15]
#                                 [--contended-rounds 3] [--variant lambda-c1-serial|jdk-defaults]
#   bench/run.sh webhook-intake   [--warmup 3] [--rounds 10] [--ops 200] [--threads 1,4] [--variant lambda-c1-serial|jdk-defaults]
#   bench/run.sh midtrans-client  [--runs 5]
#   bench/run.sh payout-worker    [--warmup 1] [--rounds 5] [--payouts 50] [--threads 1,4] [--variants clean,lost-answers]
#                                 [--lost-percent 25] [--rail-timeout-ms 250] [--budget-s 240] [--variant lambda-c1-serial|jdk-defaults]
#   bench/run.sh stuck-sweep      [--sizes 10000,1000000] [--warmup 5] [--sweeps 5] [--writers 4] [--scan-up-to 100000]
#   bench/run.sh reconcile-scale  [--entries 1000000] [--warmup 1] [--rounds 3] [--writers 4] [--items-per-segment 100000] [--memory-pass yes|no]
#                                 (--entries takes a list: 500000,1000000; each size gets a fresh stack)
# Offline machines: MAVEN_ARGS=-o bench/run.sh ...   Skip the build: BENCH_SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

case "${1:-}" in
  cold-init) main=com.warroom.bench.ColdInit ;;
  gate-throughput) main=com.warroom.bench.FlagGateThroughput ;;
  cold-start-vs-peer) main=com.warroom.bench.ColdStartVsPeer ;;
  sealing-cost) main=com.warroom.bench.SealingCost ;;
  ledger-posting) main=com.warroom.bench.LedgerPosting ;;
  webhook-intake) main=com.warroom.bench.WebhookIntakeThroughput ;;
  midtrans-client) main=com.warroom.bench.MidtransClientFootprint ;;
  payout-worker) main=com.warroom.bench.PayoutWorkerThroughput ;;
  stuck-sweep) main=com.warroom.bench.StuckSweepReadCost ;;
  reconcile-scale) main=com.warroom.bench.ReconcileScale ;;
  *) echo "usage: bench/run.sh cold-init|gate-throughput|cold-start-vs-peer|sealing-cost|ledger-posting|webhook-intake|midtrans-client|payout-worker|stuck-sweep|reconcile-scale [options]" >&2; exit 2 ;;
esac
shift

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  # every function's Lambda jar too: cold-start-vs-peer measures them all; local/runner for payout-worker's custody simulator
  ./mvnw -B -q -pl '!infra' package -DskipTests
fi

# Run from copies of this repository's jars, so that a rebuild while the bench runs cannot change what it measures.
snapshot=bench/target/run-jars
rm -rf "$snapshot" && mkdir -p "$snapshot"
cp functions/*/target/*-lambda.jar "$snapshot/"
if [[ "$main" == com.warroom.bench.ColdStartVsPeer ]]; then
  peer_src="$(cd .. && pwd)/shared/peers/serverless-java-dagger"
  [[ -d "$peer_src" ]] || { echo "bench: no peer at $peer_src" >&2; exit 1; }
  PEER_BUILD="$PWD/bench/target/peer" MVN="$PWD/mvnw" JAVA_HOME="$JAVA_HOME" "$peer_src/harness/run-peer.sh" --build-only
fi
classpath=""
IFS=: read -r -a entries <<< "$(cat bench/target/bench-classpath.txt)"
for entry in "${entries[@]}"; do
  if [[ "$entry" == "$PWD"/* ]]; then
    cp "$entry" "$snapshot/"
    entry="$snapshot/$(basename "$entry")"
  fi
  classpath="$classpath:$entry"
done
cp -r bench/target/classes "$snapshot/bench-classes"

# The launcher JVM hosts DynamoDB Local (sqlite natives) and ElasticMQ; the measured code runs in child JVMs.
exec "$JAVA" --enable-native-access=ALL-UNNAMED \
  -Dbench.lambdaJar="$snapshot/flag-read-lambda.jar" \
  -cp "$snapshot/bench-classes$classpath" \
  "$main" "$@"
