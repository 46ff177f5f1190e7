# Shared by the bench scripts (sourced, not run). Builds the benchmark module when a source or POM is
# newer than its jar, so the scripts work on a fresh clone with only Java 17 and Maven.
bench_jar="$root/colloquy-bench/target/colloquy-bench.jar"

build_bench() {
  if [ ! -f "$bench_jar" ] || [ -n "$(find "$root" -path "$root/*/target" -prune -o -path "$root/bench-data" -prune -o \
       \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$bench_jar" -print -quit 2>/dev/null)" ]; then
    echo "bench: building colloquy-bench..." >&2
    (cd "$root" && mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -pl colloquy-bench -am install) >&2
  fi
}

bench_java() {
  java ${BENCH_JAVA_OPTS:-} -Dfile.encoding=UTF-8 -cp "$bench_jar" "$@"
}
