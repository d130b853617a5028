# Sourced by the bench scripts (bench/load, bench/ethcall-vs-hardhat); needs $root (the repository) and $tool (the
# script's name, for messages). Sets $java_bin to a JDK >= 21 (JAVA_HOME when new enough, else the newest under
# /usr/lib/jvm) and $jar to bench/target/parkchain-bench.jar, built when missing or older than the sources (offline
# first; online only when a dependency is not in the local repository yet).
jar="$root/bench/target/parkchain-bench.jar"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}
java_bin=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  java_bin="$JAVA_HOME/bin/java"
else
  best=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    v="$(java_major "$d/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best" ]; then best="$v"; java_bin="$d/bin/java"; fi
  done
fi
if [ -z "$java_bin" ]; then
  echo "$tool: no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm); install one or set JAVA_HOME" >&2
  exit 1
fi

if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "$tool: building the bench jar..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && { ./mvnw -q -B -o -DskipTests -pl bench -am package >"$log" 2>&1 \
        || { grep -q "offline" "$log" && ./mvnw -q -B -DskipTests -pl bench -am package >"$log" 2>&1; }; }); then
    cat "$log" >&2; rm -f "$log"
    echo "$tool: build failed (see the Maven output above)" >&2
    exit 1
  fi
  rm -f "$log"
fi
