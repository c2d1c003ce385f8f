# Compiles masking-core (no install: the local repository is shared) and sets $ner_cp to its classes
# plus runtime dependencies, for the NER training and evaluation tools. Sourced by train-ner / eval-ner.
mvn -B -q -pl masking-core compile >&2
mvn -B -q -pl masking-core dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile=target/ner-classpath.txt >&2
ner_cp="masking-core/target/classes:$(cat masking-core/target/ner-classpath.txt)"
