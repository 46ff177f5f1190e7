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

# Prints a Python interpreter that can import ftfy (PATH's python3 first, then Debian's), or nothing.
ftfy_python() {
  local py
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import ftfy' 2>/dev/null; then
      echo "$py"
      return
    fi
  done
}
