#!/bin/sh
# Single-thread throughput of the hole detector (with and without the POS check). Run from the repo root.
set -e
mvn -B -q -o -pl colloquy-core test-compile dependency:build-classpath -Dmdep.outputFile=target/holes-cp.txt
java -Xmx256m -cp "colloquy-core/target/test-classes:colloquy-core/target/classes:$(cat colloquy-core/target/holes-cp.txt)" \
  dev.colloquy.signals.HoleDetectorThroughput 2>&1 | grep -v '^SLF4J'
