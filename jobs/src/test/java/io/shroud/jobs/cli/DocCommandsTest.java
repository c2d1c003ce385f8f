package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps the docs true: every shell command in a ```bash block of README.md, conf/README.md and
 * docs/*.md (and every command quoted in a conf/*.yaml comment) is validated. Files it names in the
 * repository exist; {@code shroud} commands parse with the CLI's own picocli model; policies they
 * name parse; the deployment scripts accept their arguments (run in print-only mode). Relative links
 * between the Markdown files resolve, and every ```yaml block is well-formed YAML.
 */
class DocCommandsTest {
  static final Path ROOT = SparkTestSupport.repoRoot();
  /** Top-level directories whose files a command may name (build outputs under target/ aside). */
  static final Set<String> REPO_DIRS = Set.of("conf", "samples", "scripts", "docs", "masking-core", "connectors", "jobs",
      "benchmarks");
  /** Scripts that only print the AWS command they build unless given --run. */
  static final Set<String> PRINT_ONLY = Set.of("scripts/emr-add-step.sh", "scripts/emr-serverless-start-job.sh",
      "scripts/schedule-nightly.sh");

  @TempDir Path tmp;

  /** A command from the docs and where it was found. */
  record DocCommand(String source, List<String> words) {
    @Override
    public String toString() {
      return source + ": " + String.join(" ", words);
    }
  }

  static List<Path> markdown() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("conf/README.md"),
        ROOT.resolve("conf/hierarchies/README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static List<DocCommand> commands() throws IOException {
    List<DocCommand> commands = new ArrayList<>();
    Pattern block = Pattern.compile("```(?:bash|sh)\n(.*?)```", Pattern.DOTALL);
    for (Path file : markdown()) {
      Matcher m = block.matcher(Files.readString(file));
      while (m.find()) {
        commands.addAll(parse(ROOT.relativize(file).toString(), m.group(1)));
      }
    }
    try (Stream<Path> policies = Files.list(ROOT.resolve("conf"))) {
      for (Path policy : policies.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        StringBuilder quoted = new StringBuilder();
        for (String line : Files.readAllLines(policy)) {
          String text = line.replaceFirst("^#\\s*", "");
          if (line.startsWith("#") && (text.startsWith("scripts/") || !quoted.isEmpty() && quoted.toString().endsWith("\\\n"))) {
            quoted.append(text).append('\n');
          }
        }
        commands.addAll(parse(ROOT.relativize(policy).toString(), quoted.toString()));
      }
    }
    return commands;
  }

  /** Shell lines to words: continuations joined, comments, redirections and [optional] brackets dropped. */
  static List<DocCommand> parse(String source, String text) {
    List<DocCommand> commands = new ArrayList<>();
    for (String line : text.replace("\\\n", " ").split("\n")) {
      List<String> words = words(line.replaceAll("<[^>]*>", "PLACEHOLDER"));
      if (!words.isEmpty()) {
        commands.add(new DocCommand(source, words));
      }
    }
    return commands;
  }

  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '#' && !inWord) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if ((c == '[' || c == ']') && !inWord || c == ']' && i == line.length() - 1) {
        // usage-style [--optional value] brackets: validate what they hold
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    int redirect = words.indexOf(">");
    List<String> kept = redirect < 0 ? words : words.subList(0, redirect);
    return kept.stream().map(w -> w.endsWith("]") && !w.contains("[") ? w.substring(0, w.length() - 1) : w).toList();
  }

  @Test
  void theDocsHoldCommandsToCheck() throws IOException {
    List<DocCommand> all = commands();
    assertThat(all).filteredOn(c -> c.words().get(0).endsWith("shroud")).hasSizeGreaterThan(10);
    assertThat(all).anyMatch(c -> c.words().get(0).equals("scripts/emr-serverless-start-job.sh"));
  }

  @Test
  void everyRepositoryFileACommandNamesExists() throws IOException {
    for (DocCommand command : commands()) {
      for (String word : command.words()) {
        String path = word.contains("=") ? word.substring(word.indexOf('=') + 1) : word;
        int slash = path.indexOf('/');
        if (slash > 0 && REPO_DIRS.contains(path.substring(0, slash)) && !path.contains("/target/")) {
          assertThat(ROOT.resolve(path)).as(command.toString()).exists();
        }
      }
    }
  }

  @Test
  void everyShroudCommandParsesWithTheCli() throws IOException {
    for (DocCommand command : commands()) {
      String program = command.words().get(0);
      if (!program.equals("scripts/shroud") && !program.equals("shroud")) {
        continue;
      }
      String[] args = command.words().subList(1, command.words().size()).toArray(String[]::new);
      try {
        ShroudCli.commandLine().parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(command + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void everyPolicyACommandNamesParses() throws IOException {
    for (DocCommand command : commands()) {
      int config = command.words().indexOf("--config");
      if (config < 0 || config + 1 >= command.words().size()) {
        continue;
      }
      String file = command.words().get(config + 1);
      if (!file.startsWith("conf/")) {
        continue; // policy.yaml, s3://... : placeholders for the reader's own
      }
      // Policies name files relative to the repository root, where users run them.
      String yaml = Files.readString(ROOT.resolve(file)).replaceAll("(hierarchy: )(masking-core/|conf/)", "$1" + ROOT + "/$2");
      assertThat(AwsPolicyExtensions.parser().parse(yaml, file, PolicyOverrides.NONE)).as(command.toString()).isNotNull();
    }
  }

  @Test
  void deploymentScriptsAcceptTheDocumentedArguments() throws Exception {
    Path jar = Files.writeString(tmp.resolve("shroud-job.jar"), "stand-in: spark-submit.sh only checks that it exists");
    for (DocCommand command : commands()) {
      String program = command.words().get(0);
      List<String> args = new ArrayList<>(command.words().subList(1, command.words().size()));
      if (program.equals("scripts/spark-submit.sh")) {
        args.addAll(0, List.of("--dry-run", "--jar", jar.toString()));
      } else if (!PRINT_ONLY.contains(program)) {
        continue;
      }
      List<String> process = new ArrayList<>(List.of("bash", ROOT.resolve(program).toString()));
      process.addAll(args);
      Path log = tmp.resolve("script.log");
      Process run = new ProcessBuilder(process).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(run.exitValue()).as(command + "\n" + Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }
  }

  @Test
  void relativeLinksBetweenDocsResolve() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    for (Path file : markdown()) {
      Matcher m = link.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(1);
        if (!target.matches("[a-z]+:.*")) {
          assertThat(file.getParent().resolve(target).normalize()).as(ROOT.relativize(file) + " links to " + target).exists();
        }
      }
    }
  }

  @Test
  void everyYamlBlockIsWellFormed() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Pattern block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    for (Path file : markdown()) {
      Matcher m = block.matcher(Files.readString(file));
      while (m.find()) {
        String text = m.group(1);
        try {
          yaml.readTree(text);
        } catch (IOException e) {
          throw new AssertionError(ROOT.relativize(file) + ": malformed YAML block:\n" + text, e);
        }
        Matcher path = Pattern.compile("\\b(?:conf|samples|masking-core)/[\\w./-]+").matcher(text);
        while (path.find()) {
          assertThat(ROOT.resolve(path.group())).as(ROOT.relativize(file) + " names " + path.group()).exists();
        }
      }
    }
  }
}
