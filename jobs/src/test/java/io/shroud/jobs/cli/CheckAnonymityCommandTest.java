package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAnonymityCommandTest {
  @TempDir Path tmp;

  private Path policy(int k, int l) throws Exception {
    Path p = tmp.resolve("p" + k + l + ".yaml");
    Files.writeString(p, "input: { path: " + tmp.resolve("data.csv") + " }\noutput: { path: unused }\ncolumns:\n"
        + "  name: drop\nanonymity:\n  k: " + k + "\n  quasiIdentifiers:\n    age: { generalize: { prefix: 1 } }\n"
        + "    zip: { generalize: { prefix: 2 } }\n  sensitive:\n    diagnosis: { l: " + l + " }\n");
    return p;
  }

  @Test
  void reportsClassesAndExitsByTheResult() throws Exception {
    Files.writeString(tmp.resolve("data.csv"), """
        name,age,zip,diagnosis
        a,3*,941**,flu
        b,3*,941**,cold
        c,3*,941**,flu
        d,4*,100**,flu
        e,4*,100**,flu
        f,*,*,asthma
        """);
    CliResult ok = SparkTestSupport.run("check-anonymity", "--config", policy(2, 1).toString());
    assertThat(ok.exitCode()).as(ok.err()).isEqualTo(0);
    assertThat(ok.out()).contains("records: 6 (suppressed: 1)", "equivalence classes: 2, smallest: 2",
        "records in classes smaller than k=2: 0", "class sizes (size: classes): 2: 1, 3: 1", "SATISFIED");

    CliResult notK = SparkTestSupport.run("check-anonymity", "--config", policy(3, 1).toString());
    assertThat(notK.exitCode()).isEqualTo(1);
    assertThat(notK.err()).isEqualTo("shroud: " + tmp.resolve("data.csv") + " is not 3-anonymous: 2 record(s) in classes smaller than 3\n");

    CliResult notL = SparkTestSupport.run("check-anonymity", "--config", policy(2, 2).toString());
    assertThat(notL.exitCode()).isEqualTo(1);
    assertThat(notL.out()).contains("fewest distinct sensitive values in a class: 1 (classes below l=2: 1)");
    assertThat(notL.err()).endsWith("1 class(es) with fewer than 2 distinct diagnosis values\n");
  }
}
