# Compiles masking-core and the build-only detection-tools module (no install: the local repository is
# shared) and sets $ner_cp to detection-tools' classes plus its runtime classpath (masking-core's classes
# from the reactor, OpenNLP, Datafaker, WordNet), for the NER training and evaluation tools.
# Sourced by train-ner / eval-ner. test-compile, not compile: the module's tests read masking-core's test
# corpora (a test-jar), which the reactor serves from masking-core/target/test-classes only once compiled.
mvn -B -q -pl detection-tools -am test-compile dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile=target/ner-classpath.txt >&2
ner_cp="detection-tools/target/classes:$(cat detection-tools/target/ner-classpath.txt)"
