package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.audit.Ed25519Signer;
import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.connectors.keys.KmsDataKeyCreator;
import io.shroud.core.UsageException;
import io.shroud.core.keys.LocalKeyFileProvider;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud keys}: key management helpers. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Key management.",
    subcommands = {KeysCommand.Generate.class, KeysCommand.Create.class, KeysCommand.PublicKey.class})
public final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'shroud keys generate --help'");
  }

  /** {@code shroud keys generate --out FILE}: a new random 256-bit key in a file only its owner can read. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write a new random 256-bit key (base64) to FILE with mode 0600. For local runs only; "
          + "use Secrets Manager or KMS-wrapped data keys in production.")
  public static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Key file to create (must not exist)")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
        description = "The key's name in the policy, for the printed 'keys:' entry (default: the file name without extension)")
    String name;

    @Override
    public Integer call() {
      String keyName = name != null ? name : defaultName(out);
      LocalKeyFileProvider.generate(keyName, out);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Wrote a new 256-bit key to " + out + " (mode 0600). Use it in a policy (local runs only):");
      stdout.println("keys:");
      stdout.println("  " + keyName + ": { file: " + out + " }");
      stdout.flush();
      return ExitCodes.OK;
    }

    /** {@code .shroud/keys/ids.key} is key {@code ids}. */
    static String defaultName(Path file) {
      String base = file.getFileName() == null ? "key" : file.getFileName().toString();
      int dot = base.lastIndexOf('.');
      String stem = dot > 0 ? base.substring(0, dot) : base;
      return stem.matches("[A-Za-z0-9][A-Za-z0-9._-]*") ? stem : "key";
    }
  }

  /** {@code shroud keys public-key --config FILE}: the Ed25519 public key that verifies this policy's manifests. */
  @Command(name = "public-key", mixinStandardHelpOptions = true,
      description = "Print the Ed25519 public key (base64) of the policy's audit.signingKey, for verify-audit --public-key.")
  public static final class PublicKey implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy naming audit.signingKey")
    Path config;

    @Override
    public Integer call() {
      Policy policy = AwsPolicyExtensions.parser()
          .parse(config, PolicyOverrides.NONE);
      String name = policy.audit().signingKey().orElseThrow(() -> new UsageException(
          "Invalid policy " + config + ": it has no audit.signingKey"));
      var key = new AwsKeyProviderFactory().create().get(policy.keys().get(name));
      spec.commandLine().getOut().println(Ed25519Signer.fromKey(key).publicKeyBase64());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shroud keys create --kms-key-id ARN --name NAME}: a KMS-wrapped data key, printed as a policy key entry. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create a 256-bit data key wrapped by a KMS key and print the 'keys:' entry that uses it.",
          "Only the wrapped key (CiphertextBlob) is printed; the plaintext never leaves KMS."})
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--kms-key-id", required = true, paramLabel = "KEY", description = "KMS key id, ARN or alias that wraps the data key")
    String kmsKeyId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Key name for the policy entry")
    String name;

    @Option(names = "--context", paramLabel = "K=V", description = "Encryption context pair (repeatable; default purpose=shroud)")
    Map<String, String> context = new LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain)")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "KMS endpoint, such as a VPC interface endpoint (https)")
    String endpoint;

    @Override
    public Integer call() {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
        throw new UsageException("Invalid --name " + name + ": use letters, digits, '.', '_' and '-'");
      }
      if (endpoint != null && !endpoint.startsWith("https://") && !endpoint.startsWith("http://127.0.0.1")
          && !endpoint.startsWith("http://localhost")) {
        throw new UsageException("Invalid --endpoint " + endpoint
            + ": expected https:// (plain http only for 127.0.0.1/localhost test servers)");
      }
      Map<String, String> ctx = context.isEmpty() ? Map.of("purpose", "shroud") : context;
      var wrapped = KmsDataKeyCreator.create(kmsKeyId, ctx, region, endpoint);
      StringBuilder yaml = new StringBuilder("keys:\n  " + name + ":\n    kms:\n");
      yaml.append("      keyId: \"").append(wrapped.keyArn()).append("\"\n");
      yaml.append("      encryptedDataKey: \"").append(wrapped.encryptedDataKey()).append("\"\n");
      yaml.append("      context: { ");
      yaml.append(String.join(", ", new TreeMap<>(ctx).entrySet().stream()
          .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").toList()));
      yaml.append(" }\n");
      if (region != null) {
        yaml.append("      region: ").append(region).append("\n");
      }
      if (endpoint != null) {
        yaml.append("      endpoint: \"").append(endpoint).append("\"\n");
      }
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
