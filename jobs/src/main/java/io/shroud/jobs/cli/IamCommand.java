package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.iam.BucketPolicyGenerator;
import io.shroud.connectors.iam.ReaderPolicyGenerator;
import io.shroud.core.UsageException;
import io.shroud.core.policy.ObjectTagRules;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.tags.OutputClassification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shroud iam}: the policies around a Shroud deployment, each generated from the Shroud policy. */
@Command(name = "iam", mixinStandardHelpOptions = true,
    description = "IAM and bucket policies for what a Shroud policy reads and writes; check them with lint-policy.",
    subcommands = {IamCommand.RolePolicy.class, IamCommand.BucketPolicy.class, IamCommand.ReaderPolicy.class})
public final class IamCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'shroud iam bucket-policy --help'");
  }

  /** {@code shroud iam role-policy}: the job's execution role, the same as {@code shroud iam-policy}. */
  @Command(name = "role-policy", mixinStandardHelpOptions = true,
      description = {"Print the execution role's IAM policy (the same as 'shroud iam-policy')."})
  public static final class RolePolicy extends IamPolicyCommand {}

  /** {@code shroud iam bucket-policy}: resource policies for the input, output and audit buckets. */
  @Command(name = "bucket-policy", mixinStandardHelpOptions = true,
      description = {"Print bucket policies (JSON): deny requests without TLS, uploads without SSE-KMS or with another",
          "key, anonymous and other-account principals, and requests from outside the VPC endpoints and networks given",
          "(named roles excepted); optionally let a reader role read the output's objects of one classification.",
          "--bucket all prints an object keyed by bucket name."})
  public static final class BucketPolicy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy YAML with an 'aws' section")
    Path config;

    @Option(names = "--bucket", defaultValue = "output", paramLabel = "WHICH",
        description = "input, output, audit or all (default: output)")
    String bucket;

    @Option(names = "--account", paramLabel = "ID",
        description = "The account the buckets trust (default: the output key's account); forms ARNs from bare key ids")
    String account;

    @Option(names = "--source-vpce", paramLabel = "VPCE_ID", description = "Allow requests through this S3 VPC endpoint (repeatable)")
    List<String> sourceVpces = new ArrayList<>();

    @Option(names = "--source-ip", paramLabel = "CIDR", description = "Allow requests from this public CIDR range (repeatable)")
    List<String> sourceIps = new ArrayList<>();

    @Option(names = "--allow-role", paramLabel = "ARN",
        description = "A role exempt from the network restriction, such as an administrator's (repeatable)")
    List<String> allowRoles = new ArrayList<>();

    @Option(names = "--reader-role", paramLabel = "ARN", description = "A role that may read the output's tagged objects")
    String readerRole;

    @Option(names = "--reader-classification", paramLabel = "VALUE",
        description = "The Classification tag the reader may read (default: masked)")
    String readerClassification;

    @Option(names = "--input-kms-key", paramLabel = "ARN",
        description = "A key input objects must be encrypted with (repeatable; input bucket only)")
    List<String> inputKmsKeys = new ArrayList<>();

    @Override
    public Integer call() {
      IamArguments.account(account);
      IamArguments.sourceVpces(sourceVpces);
      IamArguments.sourceIps(sourceIps);
      BucketPolicyGenerator.Which which;
      try {
        which = BucketPolicyGenerator.Which.valueOf(bucket.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("Invalid --bucket " + bucket + ": expected input, output, audit or all");
      }
      if (readerClassification != null && readerRole == null) {
        throw new UsageException("Invalid --reader-classification " + readerClassification + ": it needs --reader-role");
      }
      String classification = classification(readerClassification, "--reader-classification");
      var policy = AwsPolicyExtensions.parser().parse(config, PolicyOverrides.NONE);
      Map<String, Map<String, Object>> documents = BucketPolicyGenerator.generate(policy, which,
          new BucketPolicyGenerator.Options(account, sourceVpces, sourceIps, allowRoles, readerRole, classification,
              inputKmsKeys));
      IamArguments.print(spec.commandLine().getOut(),
          which == BucketPolicyGenerator.Which.ALL ? documents : documents.values().iterator().next());
      return ExitCodes.OK;
    }
  }

  /** {@code shroud iam reader-policy}: the identity policy of the role that consumes the output. */
  @Command(name = "reader-policy", mixinStandardHelpOptions = true,
      description = {"Print the IAM policy (JSON) for the role that reads the sanitized output (a training job, say):",
          "GetObject on the output's objects tagged with one classification, ListBucket on its prefix, and",
          "kms:Decrypt on the output key through S3 for that bucket's objects only."})
  public static final class ReaderPolicy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy YAML with an 'aws' section")
    Path config;

    @Option(names = "--role-name", required = true, paramLabel = "NAME", description = "The reader role the policy is for")
    String roleName;

    @Option(names = "--classification", paramLabel = "VALUE",
        description = "The Classification tag the reader may read (default: masked)")
    String classification;

    @Option(names = "--account", paramLabel = "ID", description = "AWS account id, to form the key ARN from a bare key id")
    String account;

    @Option(names = "--source-vpce", paramLabel = "VPCE_ID", description = "Only allow S3 requests through this VPC endpoint")
    String sourceVpce;

    @Override
    public Integer call() {
      IamArguments.account(account);
      IamArguments.sourceVpces(sourceVpce == null ? List.of() : List.of(sourceVpce));
      if (!roleName.matches("[\\w+=,.@-]{1,64}")) {
        throw new UsageException("Invalid --role-name " + roleName + ": a role name has 1 to 64 letters, digits and + = , . @ _ -");
      }
      var policy = AwsPolicyExtensions.parser().parse(config, PolicyOverrides.NONE);
      Map<String, Object> document = ReaderPolicyGenerator.generate(policy,
          new ReaderPolicyGenerator.Options(account, sourceVpce, classification(classification, "--classification")));
      IamArguments.print(spec.commandLine().getOut(), document);
      spec.commandLine().getErr().println("shroud: attach it to role " + roleName + ": aws iam put-role-policy --role-name "
          + roleName + " --policy-name shroud-reader --policy-document file://POLICY.json");
      spec.commandLine().getErr().flush();
      return ExitCodes.OK;
    }
  }

  /** A Classification value S3 accepts as a tag value; {@code masked} when none is given. */
  static String classification(String value, String option) {
    if (value == null) {
      return OutputClassification.MASKED.tagValue();
    }
    ObjectTagRules.valueProblem(value).ifPresent(problem -> {
      throw new UsageException("Invalid " + option + " " + value + ": " + problem);
    });
    if (value.isEmpty()) {
      throw new UsageException("Invalid " + option + ": empty; expected a Classification tag value such as masked");
    }
    return value;
  }
}
