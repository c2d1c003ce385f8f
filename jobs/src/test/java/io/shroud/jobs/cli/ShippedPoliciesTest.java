package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every policy the repository ships, and every complete YAML example in the docs, parses. */
class ShippedPoliciesTest {
  @Test
  void everyConfPolicyParses() throws Exception {
    Path root = SparkTestSupport.repoRoot();
    List<Path> files;
    try (Stream<Path> all = Files.list(root.resolve("conf"))) {
      files = all.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      // Shipped policies use paths relative to the repository root, where users run them.
      String yaml = Files.readString(file).replace("masking-core/", root.resolve("masking-core") + "/");
      Policy policy = AwsPolicyExtensions.parser().parse(yaml, file.toString(), PolicyOverrides.NONE);
      assertThat(!policy.columns().isEmpty() || policy.anonymity().isPresent()).as(file.toString()).isTrue();
    }
  }

  @Test
  void readmePolicyExampleParses() throws Exception {
    String readme = Files.readString(SparkTestSupport.repoRoot().resolve("README.md"));
    Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> examples = new ArrayList<>();
    while (yaml.find()) {
      if (yaml.group(1).contains("input:")) {
        examples.add(yaml.group(1));
      }
    }
    assertThat(examples).isNotEmpty();
    for (String example : examples) {
      assertThat(AwsPolicyExtensions.parser().parse(example, "README.md", PolicyOverrides.NONE).columns()).isNotEmpty();
    }
  }
}
