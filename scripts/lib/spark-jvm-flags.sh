# Sourced by the launchers: the JVM module flags Spark's own launcher adds (spark-launcher
# JavaModuleOptions). Without them simple jobs run but Kryo/off-heap paths fail. The Maven build
# keeps the same list in pom.xml (spark.jvm.flags) for tests, plus --add-modules=jdk.incubator.vector,
# which is left out here: only Spark MLlib's BLAS uses the Vector API (Shroud does not), and the JVM
# prints "WARNING: Using incubator modules" on every run that adds it.
spark_jvm_flags=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
)

# The throughput collector for local batch runs: sanitize allocates heavily (a string per cell and
# per token) and needs no short pauses, and -XX:+UseParallelGC took 6-9% off its CPU time against the
# default G1 (docs/benchmarks.md, issue 16). Left out when SHROUD_JAVA_OPTS turns any collector on or off:
# the user's choice wins, and the JVM refuses to start with two.
batch_gc_flags=(-XX:+UseParallelGC)
if [[ "${SHROUD_JAVA_OPTS:-}" == *-XX:?Use*GC* ]]; then
  batch_gc_flags=()
fi
