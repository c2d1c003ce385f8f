package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.iam.IamPolicyGenerator;
import io.shroud.connectors.iam.IamPolicyLinter;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.policy.PolicyOverrides;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shroud lint-policy FILE}: review an execution-role, reader or bucket policy for a Shroud deployment. */
@Command(name = "lint-policy", mixinStandardHelpOptions = true,
    description = {"Role policies: flag wildcard actions and resources, missing aws:SecureTransport (and aws:SourceVpce,",
        "a warning), NotAction/NotResource, and actions the job does not need. Bucket policies (statements with a",
        "Principal): flag a missing TLS deny or SSE-KMS upload deny per bucket, and Allow to Principal * without a",
        "condition narrowing who or where. Exit 0 when no errors, 1 otherwise."})
public final class LintPolicyCommand implements Callable<Integer> {
  /** Only the action set is compared, which does not depend on the account. */
  private static final String PLACEHOLDER_ACCOUNT = "000000000000";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "IAM policy JSON")
  Path file;

  @Option(names = {"-c", "--config"}, paramLabel = "POLICY",
      description = "The Shroud policy the role runs: actions it does not need are errors (default: any action "
          + "outside what Shroud can ever need)")
  Path config;

  @Override
  public Integer call() {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("Cannot read IAM policy " + file + ": " + e.getClass().getSimpleName());
    }
    Set<String> needed = IamPolicyLinter.SHROUD_ACTIONS;
    if (config != null) {
      var policy = AwsPolicyExtensions.parser().parse(config, PolicyOverrides.NONE);
      needed = IamPolicyLinter.actionsOf(IamPolicyGenerator.generate(policy,
          new IamPolicyGenerator.Options(PLACEHOLDER_ACCOUNT, null, List.of())));
    }
    List<IamPolicyLinter.Finding> findings = IamPolicyLinter.lint(json, file.toString(), needed);
    PrintWriter out = spec.commandLine().getOut();
    findings.forEach(out::println);
    long errors = findings.stream().filter(f -> f.severity() == IamPolicyLinter.Severity.ERROR).count();
    out.printf("%s: %d error(s), %d warning(s)%n", file, errors, findings.size() - errors);
    out.flush();
    if (errors > 0) {
      throw new ShroudException("Invalid IAM policy " + file + ": " + errors + " error(s)");
    }
    return ExitCodes.OK;
  }
}
