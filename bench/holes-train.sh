#!/bin/sh
# Rebuilds the hole detector's POS-pair table from the dev split of the labelled set.
# Usage: bench/holes-train.sh   (run from the repository root; rebuild the labelled set first with
# bench/holes-labelled.py if /usr/share/doc changed)
set -e
mvn -B -q -o -pl colloquy-core test-compile dependency:build-classpath -Dmdep.outputFile=target/holes-cp.txt
java -cp "colloquy-core/target/test-classes:colloquy-core/target/classes:$(cat colloquy-core/target/holes-cp.txt)" \
  dev.colloquy.signals.HoleTagPairsBuilder \
  colloquy-core/src/test/resources/holes/labelled-debian-docs.jsonl \
  colloquy-core/src/main/resources/dev/colloquy/signals/hole-tag-pairs.tsv
