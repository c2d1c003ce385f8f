package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.storage.PolicyFiles;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InvalidPolicyException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** Loads {@code --config}: a local file, or a URI read through Hadoop (s3a://, s3:// on EMR, hdfs://). */
final class PolicyLoader {
  private PolicyLoader() {}

  /**
   * For commands that only read (check-anonymity): the output need not be set, and a table output is left as it
   * is (an --output placeholder would clash with it).
   */
  static Policy loadForInput(String config, Optional<String> input,
      Optional<DataFormat> format) {
    try {
      return load(config, new PolicyOverrides(input, format, Optional.empty(), Optional.empty(), false));
    } catch (InvalidPolicyException e) {
      if (!e.getMessage().contains("missing 'output.path'")) {
        throw e;
      }
      return load(config, new PolicyOverrides(input, format, Optional.of("unused-check-output"),
          Optional.empty(), false));
    }
  }

  static Policy load(String config, PolicyOverrides overrides) {
    PolicyParser parser = AwsPolicyExtensions.parser();
    if (PolicyFiles.isUri(config)) {
      // The cluster's core-site.xml (EMRFS, S3A credentials, endpoints) applies, as for the data.
      return parser.parse(PolicyFiles.read(new Configuration(), config), config, overrides);
    }
    return parser.parse(Path.of(config), overrides);
  }
}
