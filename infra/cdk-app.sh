#!/usr/bin/env bash
# The CDK app command of cdk.json: runs com.warroom.infra.WarroomApp (or the main class given as the first argument,
# e.g. com.warroom.infra.DeployBootstrapApp) on a JDK >= 21 (the CLI may find an older
# `java` first). Unless WARROOM_SKIP_BUILD=1, it first packages infra and what it deploys (shared, the function
# jars), so that a deploy never ships stale jars.
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$infra")"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "cdk-app.sh: no JDK 21 or newer found; set JAVA_HOME to one" >&2
  return 1
}

export JAVA_HOME="$(find_jdk)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1

if [ "${WARROOM_SKIP_BUILD:-0}" != "1" ]; then
  # Maven's output goes to stderr: the CLI shows it without mixing it into the app's own output
  "$root/mvnw" -q -f "$root/pom.xml" -pl infra -am package -DskipTests >&2
fi

classpath_file="$infra/target/cdk-classpath.txt"
if [ ! -f "$classpath_file" ]; then
  echo "cdk-app.sh: $classpath_file is missing; build first: ./mvnw -pl infra -am package -DskipTests" >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" -cp "$infra/target/classes:$(cat "$classpath_file")" "${1:-com.warroom.infra.WarroomApp}"
