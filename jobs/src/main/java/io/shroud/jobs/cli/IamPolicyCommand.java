package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.iam.IamPolicyGenerator;
import io.shroud.core.policy.PolicyOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud iam-policy --config FILE}: the least-privilege execution-role policy for one Shroud policy. */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
    description = {"Print the IAM policy (JSON) the execution role needs for exactly what the policy touches:",
        "its input, output, staging and audit prefixes, object tagging, KMS keys, secrets and enabled preflight checks."})
public class IamPolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy YAML with an 'aws' section")
  Path config;

  @Option(names = "--account", paramLabel = "ID",
      description = "AWS account id, to form ARNs from bare KMS key ids and secret names")
  String account;

  @Option(names = "--source-vpce", paramLabel = "VPCE_ID",
      description = "Only allow S3 requests through this VPC endpoint (aws:SourceVpce)")
  String sourceVpce;

  @Option(names = "--input-kms-key", paramLabel = "ARN",
      description = "KMS key the input objects are encrypted with (repeatable): kms:Decrypt through S3")
  List<String> inputKmsKeys = new ArrayList<>();

  @Override
  public Integer call() {
    IamArguments.account(account);
    IamArguments.sourceVpces(sourceVpce == null ? List.of() : List.of(sourceVpce));
    var policy = AwsPolicyExtensions.parser().parse(config, PolicyOverrides.NONE);
    Map<String, Object> document = IamPolicyGenerator.generate(policy,
        new IamPolicyGenerator.Options(account, sourceVpce, inputKmsKeys));
    IamArguments.print(spec.commandLine().getOut(), document);
    return ExitCodes.OK;
  }
}
