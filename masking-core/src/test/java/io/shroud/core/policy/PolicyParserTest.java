package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.operator.EncryptSpec;
import io.shroud.core.operator.GeneralizeSpec;
import io.shroud.core.operator.HashSpec;
import io.shroud.core.operator.PartialMaskSpec;
import io.shroud.core.operator.PerturbSpec;
import io.shroud.core.operator.PseudonymizeSpec;
import io.shroud.core.operator.RedactSpec;
import io.shroud.core.operator.SubstituteSpec;
import io.shroud.core.operator.SuppressSpec;
import io.shroud.core.operator.TokenizeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyParserTest {
  private static final String FULL = """
      version: 1
      input:
        path: data/in.csv
        format: csv
        options:
          sep: ";"
          inferSchema: false
      output:
        path: out/masked
        format: parquet
        mode: overwrite
      columns:
        email: { action: partial-mask, keepFirst: 2 }
        ssn: { action: partial-mask, keepLast: 4, maskChar: "#" }
        id: { action: hash, key: k1, encoding: base32, length: 20 }
        notes: detect
        country: { action: keep, reason: coarse location }
        internal: drop
        name: { action: redact, replacement: "[name]" }
      unlistedColumns: fail
      operators:
        default: { action: redact }
        us_ssn: { action: partial-mask, keepLast: 4 }
      detection:
        sampleSize: 200
        minConfidence: 0.6
        classifyThreshold: 0.7
        phoneRegions: [US, GB]
      audit:
        path: out/audit
      keys:
        k1: { file: keys/k1.key }
      """;

  private final PolicyParser parser = new PolicyParser();

  private Policy parse(String yaml) {
    return parser.parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  private void assertInvalid(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  private static final String MINIMAL = "version: 1\ninput: { path: in.jsonl }\noutput: { path: out }\n";

  @Test
  void nestedRuleKeysAreParsedStrictly() {
    // Remote detection (detection.comprehend) is a connectors extension: AwsPolicyExtensionsTest.
    Policy policy = parse(MINIMAL + "columns:\n  messages[].content: { action: keep, reason: model output, when: { role: [assistant] } }\n");
    assertThat(policy.columns().get("messages[].content").condition()).contains(new RuleCondition("role", List.of("assistant")));
    assertThat(policy.input().onMalformed()).isEqualTo(OnMalformed.FAIL);
    assertThat(parse(MINIMAL.replace("in.jsonl }", "in.jsonl, onMalformed: quarantine }")).input().onMalformed())
        .isEqualTo(OnMalformed.QUARANTINE);

    assertInvalid(MINIMAL + "columns:\n  a.b: { action: redact, when: { role: [x], kind: [y] } }\n",
        "Invalid policy p.yaml, line 5: 'when' on 'a.b' needs exactly one field and its values, e.g. when: { role: "
            + "[assistant] }; got 2 fields");
    assertInvalid(MINIMAL + "columns:\n  a.b: { action: drop, when: { role: x } }\n",
        "Invalid policy p.yaml, line 5: 'when' cannot restrict action drop: it applies to the whole column");
    assertInvalid(MINIMAL.replace("in.jsonl }", "in.jsonl, onMalformed: ignore }"),
        "Invalid policy p.yaml, line 2: invalid value 'ignore' for 'input.onMalformed'; expected one of: fail, skip, quarantine");
  }

  @Test
  void parsesEveryKeyIntoTypedObjects() {
    Policy policy = parse(FULL);
    assertThat(policy.input()).isEqualTo(new InputSpec("data/in.csv", DataFormat.CSV,
        Map.of("sep", ";", "inferSchema", "false", "header", "true")));
    assertThat(policy.output().format()).isEqualTo(DataFormat.PARQUET);
    assertThat(policy.output().mode()).isEqualTo(WriteMode.OVERWRITE);
    assertThat(policy.columns().keySet()).containsExactly("email", "ssn", "id", "notes", "country", "internal", "name");
    assertThat(policy.columns().get("email").operator()).contains(new PartialMaskSpec(2, 0, '*'));
    assertThat(policy.columns().get("ssn").operator()).contains(new PartialMaskSpec(0, 4, '#'));
    assertThat(policy.columns().get("id").operator()).contains(new HashSpec("k1", HashSpec.Encoding.BASE32, 20));
    assertThat(policy.columns().get("notes").kind()).isEqualTo(ColumnRule.Kind.DETECT);
    assertThat(policy.columns().get("country").reason()).contains("coarse location");
    assertThat(policy.columns().get("internal").kind()).isEqualTo(ColumnRule.Kind.DROP);
    assertThat(policy.columns().get("name").operator()).contains(new RedactSpec("[name]"));
    assertThat(policy.unlistedColumns()).isEqualTo(UnlistedColumns.FAIL);
    assertThat(policy.operators().forType(EntityType.US_SSN)).isEqualTo(new PartialMaskSpec(0, 4, '*'));
    assertThat(policy.operators().forType(EntityType.EMAIL)).isEqualTo(RedactSpec.LABEL);
    assertThat(policy.detection()).isEqualTo(DetectionSettings.of(200, 0.6, 0.7, List.of("US", "GB")));
    assertThat(policy.audit().path()).contains("out/audit");
    assertThat(policy.keys().get("k1")).isEqualTo(new KeySpec("k1", KeySpec.KeySource.FILE, "keys/k1.key", false));
    assertThat(policy.digest()).hasSize(64);
  }

  @Test
  void defaultsAreFailClosed() {
    Policy policy = parse("input: { path: a.csv }\noutput: { path: out/a }\n");
    assertThat(policy.unlistedColumns()).isEqualTo(UnlistedColumns.DETECT);
    assertThat(policy.output().mode()).isEqualTo(WriteMode.ERROR_IF_EXISTS);
    assertThat(policy.output().format()).isEqualTo(DataFormat.CSV);
    assertThat(policy.operators()).isEqualTo(EntityOperators.REDACT_ALL);
  }

  @Test
  void unknownTopLevelKeyNamesLineAndAlternatives() {
    // With the connectors' extensions the list also names 'aws' (AwsPolicyExtensionsTest, LauncherIT).
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolums:\n  a: detect\n",
        "Invalid policy p.yaml, line 3: unknown key 'colums' at the top level; expected one of: version, input, "
            + "output, columns, unlistedColumns, operators, detection, audit, keys, anonymity, utility");
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\naws: { region: us-east-1 }\n",
        "Invalid policy p.yaml, line 3: unknown key 'aws' at the top level; expected one of: version, input, "
            + "output, columns, unlistedColumns, operators, detection, audit, keys, anonymity, utility");
  }

  @Test
  void unknownParameterOfAnAction() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  ssn:\n    action: partial-mask\n    keepLst: 4\n",
        "Invalid policy p.yaml, line 6: unknown key 'keepLst' in 'columns.ssn'; expected one of: action, keepFirst, keepLast, maskChar");
  }

  @Test
  void wrongTypeNamesKeyAndExpectation() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ndetection:\n  sampleSize: many\n",
        "Invalid policy p.yaml, line 4: 'detection.sampleSize' must be a whole number, got a string");
  }

  @Test
  void malformedYamlNamesTheLine() {
    assertThatThrownBy(() -> parse("input:\n  path: a.csv\n   bad: [\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 3: malformed YAML: ");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: detect\n  a: drop\n",
        "Invalid policy p.yaml, line 5: duplicate key 'a' (a key may appear only once in a mapping)");
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ninput: { path: b.csv }\n",
        "Invalid policy p.yaml, line 3: duplicate key 'input' (a key may appear only once in a mapping)");
  }

  /** A policy is plain data: YAML's anchors, aliases, tags and tab indents are refused, naming the line. */
  @Test
  void anchorsAliasesTagsAndTabsAreRefused() {
    String head = "input: { path: a.csv }\noutput: { path: o }\n";
    assertInvalid("a: &a [\"lol\", \"lol\"]\nb: &b [*a, *a]\n" + head,
        "Invalid policy p.yaml, line 1: YAML anchors and aliases (&name, *name) are not allowed in a policy; write each value out");
    assertInvalid(head + "columns:\n  a: &rule { action: keep, reason: r }\n",
        "Invalid policy p.yaml, line 4: YAML anchors and aliases (&name, *name) are not allowed in a policy; write each value out");
    assertInvalid("input: { path: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://127.0.0.1:1/\"]] }\noutput: { path: o }\n",
        "Invalid policy p.yaml, line 1: YAML tag '!!javax.script.ScriptEngineManager' is not allowed in a policy; "
            + "policies hold plain values only (remove the tag)");
    assertInvalid("input: { path: !!str a.csv }\noutput: { path: o }\n",
        "Invalid policy p.yaml, line 1: YAML tag '!!str' is not allowed in a policy; policies hold plain values only (remove the tag)");
    assertInvalid("input: { path: !local a.csv }\noutput: { path: o }\n",
        "Invalid policy p.yaml, line 1: YAML tag '!local' is not allowed in a policy; policies hold plain values only (remove the tag)");
    assertInvalid("input:\n\tpath: a.csv\noutput: { path: o }\n",
        "Invalid policy p.yaml, line 2: a tab indents this line; YAML indents with spaces only");
    // Tabs inside values are data, not indentation.
    assertThat(parse(head + "columns:\n  a: { action: keep, reason: \"tab\there & *star\" }\n").columns()).containsKey("a");
  }

  @Test
  void oversizedOrDeeplyNestedDocumentsAreRefusedByTheReader() {
    String deep = "input: { path: a.csv }\noutput: { path: o }\ncolumns: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertInvalid(deep, "Invalid policy p.yaml: lists and mappings nested more than 64 levels deep; a policy needs a handful");
    String huge = "input: { path: a.csv }\noutput: { path: o }\n# " + "x".repeat(YamlSafety.MAX_CODE_POINTS) + "\n";
    assertInvalid(huge, "Invalid policy p.yaml: " + huge.length() + " characters; a policy is at most 1048576 "
        + "characters (is this the right file?)");
  }

  @Test
  void unknownAction() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: { action: scramble }\n",
        "Invalid policy p.yaml, line 4: unknown action 'scramble' at 'columns.a.action'; expected one of: "
            + "detect, keep, drop, shuffle, redact, remove, partial-mask, hash, pseudonymize, substitute, tokenize, encrypt, "
            + "generalize, suppress, perturb");
  }

  @Test
  void hashNeedsADeclaredKey() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: { action: hash }\n",
        "Invalid policy p.yaml, line 4: hash needs 'key': the name of a key in the policy's 'keys' section "
            + "(a hash without a key can be reversed by guessing)");
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: { action: hash, key: nope }\n",
        "Invalid policy p.yaml, line 4: unknown key 'nope' at 'columns.a.key'; the policy has no 'keys' section");
  }

  @Test
  void keepNeedsAReason() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: keep\n",
        "Invalid policy p.yaml, line 4: column 'a' is kept without a 'reason'; say why it is safe (it goes to the audit)");
  }

  @Test
  void invalidEnumValueListsChoices() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o, mode: append }\n",
        "Invalid policy p.yaml, line 2: invalid value 'append' for 'output.mode'; expected one of: error-if-exists, overwrite");
    assertInvalid("input: { path: a.csv, format: xml }\noutput: { path: o }\n",
        "Invalid policy p.yaml, line 1: invalid value 'xml' for 'input.format'; expected one of: csv, parquet, json, text, wholetext");
  }

  @Test
  void missingPathsPointToTheFlag() {
    assertInvalid("output: { path: o }\n",
        "Invalid policy p.yaml, line 1: missing 'input.path' (set it in the policy or pass --input)");
  }

  @Test
  void rangesAreChecked() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ndetection:\n  minConfidence: 1.5\n",
        "Invalid policy p.yaml, line 4: 'detection.minConfidence' must be between 0 and 1, got 1.5");
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  a: { action: partial-mask, maskChar: x }\n",
        "Invalid policy p.yaml, line 4: 'columns.a.maskChar' must be one character that is not a letter or digit, such as '*'");
  }

  @Test
  void emptyAndNonMappingDocuments() {
    assertInvalid("", "Invalid policy p.yaml: the file is empty; expected a mapping with 'input', 'output' and 'columns'");
    assertInvalid("- a\n- b\n", "Invalid policy p.yaml, line 1: expected a mapping at the top level");
  }

  @Test
  void overridesWinOverTheFile() {
    PolicyOverrides overrides = new PolicyOverrides(Optional.of("other.parquet"), Optional.empty(),
        Optional.of("out/x"), Optional.of(DataFormat.JSON), true);
    Policy policy = parser.parse(FULL, "p.yaml", overrides);
    assertThat(policy.input().path()).isEqualTo("other.parquet");
    assertThat(policy.input().format()).isEqualTo(DataFormat.CSV);
    assertThat(policy.output()).extracting(OutputSpec::path, OutputSpec::format, OutputSpec::mode)
        .containsExactly("out/x", DataFormat.JSON, WriteMode.OVERWRITE);
    assertThat(policy.digest()).isNotEqualTo(parse(FULL).digest());
  }

  @Test
  void autoPolicyDetectsEverythingAndKeepsHeaders() {
    Policy auto = Policy.auto("in.csv", Optional.empty(), "out", Optional.empty(), false);
    assertThat(auto.isAuto()).isTrue();
    assertThat(auto.columns()).isEmpty();
    assertThat(auto.unlistedColumns()).isEqualTo(UnlistedColumns.DETECT);
    assertThat(auto.input().options()).containsEntry("header", "true");
    assertThat(auto.output().options()).containsEntry("header", "true");
    assertThat(auto.output().mode()).isEqualTo(WriteMode.ERROR_IF_EXISTS);
  }

  @Test
  void readsAFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, FULL);
    assertThat(parser.parse(file, PolicyOverrides.NONE).source().name()).isEqualTo(file.toString());
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> parser.parse(missing, PolicyOverrides.NONE))
        .hasMessage("Cannot read policy " + missing + ": file does not exist");
  }

  @Test
  void parsesEveryOperator() {
    Policy policy = parse("""
        input: { path: a.csv }
        output: { path: o }
        columns:
          a: { action: pseudonymize, key: k, prefix: CUST, length: 10 }
          b: { action: tokenize, key: k, keepLast: 4, luhn: true }
          c: { action: encrypt, key: k }
          d: { action: generalize, width: 10 }
          e: { action: generalize, date: quarter }
          f: { action: generalize, prefix: 3 }
          g: { action: perturb, kind: laplace, epsilon: 0.5, sensitivity: 1 }
          h: { action: perturb, kind: date-shift, key: k, subject: a, maxDays: 60 }
          i: { action: substitute, key: k, type: person, locale: de-DE }
          j: suppress
          l: shuffle
          m: remove
        keys:
          k: { file: k.key }
        """);
    assertThat(policy.columns().get("a").operator()).contains(new PseudonymizeSpec("k", "CUST", 10));
    assertThat(policy.columns().get("b").operator())
        .contains(new TokenizeSpec("k", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, ""));
    assertThat(policy.columns().get("c").operator()).contains(new EncryptSpec("k"));
    assertThat(policy.columns().get("d").operator()).contains(GeneralizeSpec.range(10));
    assertThat(policy.columns().get("h").operator())
        .contains(new PerturbSpec(PerturbSpec.Kind.DATE_SHIFT, 0, 0, 0, "k", "a", 60));
    assertThat(policy.columns().get("i").operator()).contains(new SubstituteSpec("k", "PERSON", "de-DE"));
    assertThat(policy.columns().get("j").operator()).contains(new SuppressSpec());
    assertThat(policy.columns().get("l").kind()).isEqualTo(ColumnRule.Kind.SHUFFLE);
  }

  @Test
  void operatorParametersAreValidatedAtLoad() {
    String head = "input: { path: a.csv }\noutput: { path: o }\nkeys: { k: { file: k.key } }\n";
    assertInvalid(head + "operators:\n  US_SSN: { action: tokenize, key: k, keepLast: 4 }\n",
        "Invalid policy p.yaml, line 5: tokenize for US_SSN would encrypt 5 of 9 digits; FF1 needs at least 6 "
            + "(10^6 >= 1,000,000): keep fewer digits");
    assertInvalid(head + "columns:\n  a: { action: tokenize, key: k, alphabet: alphanumeric, luhn: true }\n",
        "Invalid policy p.yaml, line 5: 'columns.a.luhn' needs alphabet: digits");
    assertInvalid(head + "columns:\n  a: { action: perturb, kind: laplace, epsilon: 0, sensitivity: 1 }\n",
        "Invalid policy p.yaml, line 5: 'columns.a.epsilon' must be greater than 0, got 0.0");
    assertInvalid(head + "columns:\n  a: { action: generalize, width: 10, prefix: 2 }\n",
        "Invalid policy p.yaml, line 5: generalize needs exactly one of: width, bins, date, prefix, hierarchy (got width, prefix)");
    assertInvalid(head + "columns:\n  a: { action: generalize, hierarchy: missing.csv, level: 1 }\n",
        "Invalid policy p.yaml, line 5: cannot read hierarchy missing.csv: file does not exist");
    assertInvalid(head + "columns:\n  a: { action: pseudonymize, key: k, length: 4 }\n",
        "Invalid policy p.yaml, line 5: invalid 'a': length must be between 6 and 32 hex digits, got 4");
    assertInvalid(head + "columns:\n  a: { action: perturb, kind: date-shift, key: k }\n",
        "Invalid policy p.yaml, line 5: date-shift needs 'subject': the column whose value identifies the person (same person, same shift)");
  }

  @Test
  void loadsArxHierarchies(@TempDir Path dir) throws Exception {
    Path h = dir.resolve("edu.csv");
    Files.writeString(h, "Bachelors;Undergraduate;Higher education;*\nHS-grad;High School;Secondary;*\n");
    Policy policy = parse("input: { path: a.csv }\noutput: { path: o }\ncolumns:\n  e: { action: generalize, hierarchy: "
        + h + ", level: 2 }\n");
    GeneralizeSpec spec = (GeneralizeSpec) policy.columns().get("e").operator().orElseThrow();
    assertThat(spec.hierarchy()).containsEntry("Bachelors", "Higher education").containsEntry("HS-grad", "Secondary");
    assertThat(spec.auditParameters()).doesNotContainKey("hierarchy").containsEntry("level", 2);
  }

  @Test
  void parsesAllowDenyListsAndCustomDetectors() {
    Policy policy = parse("""
        input: { path: a.csv }
        output: { path: o }
        detection:
          allowList: [support@example.com]
          denyList:
            PERSON: [Jane Roe]
            project_code: [PRJ-ALPHA]
          customDetectors:
            - name: employee_id
              type: employee_id
              regex: "EMP-[0-9]{6}"
              context: [employee, staff]
              score: 0.7
        """);
    var options = policy.detection().scanOptions();
    assertThat(options.allowList()).containsExactly("support@example.com");
    assertThat(options.denyList()).containsEntry("Jane Roe", EntityType.of("PERSON"))
        .containsEntry("PRJ-ALPHA", EntityType.of("PROJECT_CODE"));
    assertThat(options.customDetectors()).singleElement().satisfies(d -> {
      assertThat(d.entityType()).isEqualTo(EntityType.of("EMPLOYEE_ID"));
      assertThat(d.baseScore()).isEqualTo(0.7);
    });
    var scanner = TextScanner.standard(policy.detection());
    String text = "EMP-123456 asked support@example.com about PRJ-ALPHA; cc bob@example.com";
    assertThat(scanner.scan(text, DetectionContext.NONE))
        .extracting(f -> f.type().name() + ":" + text.substring(f.start(), f.end()))
        .containsExactly("EMPLOYEE_ID:EMP-123456", "PROJECT_CODE:PRJ-ALPHA", "EMAIL:bob@example.com");
  }

  @Test
  void unsafeCustomRegexIsRefusedAtLoad() {
    assertThatThrownBy(() -> parse("input: { path: a.csv }\noutput: { path: o }\ndetection:\n  customDetectors:\n"
        + "    - { name: bad, type: X, regex: \"(a+)+b\" }\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 5: Invalid custom detector 'bad': ");
  }

  @Test
  void parsesTheAnonymityContract(@TempDir Path dir) throws Exception {
    Path age = dir.resolve("age.csv");
    Files.writeString(age, "30;30-34;30-39;*\n31;30-34;30-39;*\n");
    Policy policy = parse("""
        input: { path: a.csv }
        output: { path: o }
        anonymity:
          k: 5
          maxSuppression: 0.04
          metric: entropy
          onFailure: fail
          quasiIdentifiers:
            age:  { hierarchy: %s }
            zip:  { generalize: { prefix: true } }
            income: { generalize: { ranges: [5000, 20000] } }
            visit: { generalize: { dates: true } }
          sensitive:
            diagnosis: { l: 3 }
        """.formatted(age));
    AnonymitySettings a = policy.anonymity().orElseThrow();
    assertThat(a.k()).isEqualTo(5);
    assertThat(a.maxSuppression()).isEqualTo(0.04);
    assertThat(a.quasiIdentifierNames()).containsExactly("age", "zip", "income", "visit");
    assertThat(a.quasiIdentifiers().get(0).hierarchyRows()).containsExactly(List.of("30", "30-34", "30-39", "*"),
        List.of("31", "30-34", "30-39", "*"));
    assertThat(a.quasiIdentifiers().get(1).kind()).isEqualTo(AnonymitySettings.QuasiIdentifier.Kind.PREFIX);
    assertThat(a.quasiIdentifiers().get(2).widths()).containsExactly(5000.0, 20000.0);
    assertThat(a.sensitive()).containsEntry("diagnosis", 3);
    assertThat(a.l()).isEqualTo(3);
    assertThat(a.dropSuppressed()).isFalse();
  }

  @Test
  void anonymityErrorsNameTheKey() {
    String head = "input: { path: a.csv }\noutput: { path: o }\nanonymity:\n";
    assertInvalid(head + "  k: 0\n  quasiIdentifiers: { age: { generalize: { prefix: 1 } } }\n",
        "Invalid policy p.yaml, line 4: 'anonymity.k' must be at least 1, got 0");
    assertInvalid(head + "  k: 5\n  metric: ncp\n  quasiIdentifiers: { age: { generalize: { prefix: 1 } } }\n",
        "Invalid policy p.yaml, line 5: invalid value 'ncp' for 'anonymity.metric'; expected one of: entropy, loss, discernibility, height");
    assertInvalid(head + "  k: 5\n",
        "Invalid policy p.yaml, line 3: 'anonymity.quasiIdentifiers' is required: the columns that together could re-identify someone");
    assertInvalid(head + "  k: 5\n  quasiIdentifiers:\n    age: { generalize: { ranges: [0] } }\n",
        "Invalid policy p.yaml, line 6: 'anonymity.quasiIdentifiers.age.generalize.ranges' must be a list of positive widths, one per level, such as [5, 10, 20]");
  }

  @Test
  void hierarchiesAndRangesAreCheckedAtLoad(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "30;30-34;*\n31;30-39\n");
    String head = "input: { path: a.csv }\noutput: { path: o }\nanonymity:\n  k: 2\n  quasiIdentifiers:\n";
    assertThatThrownBy(() -> parse(head + "    age: { hierarchy: " + bad + " }\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 6: Invalid hierarchy " + bad + " line 2: ");
    assertInvalid(head + "    income: { generalize: { ranges: [5, 12] } }\n",
        "Invalid policy p.yaml, line 6: 'anonymity.quasiIdentifiers.income.generalize.ranges' must nest: each width a "
            + "multiple of the one before (12.0 is not a multiple of 5.0), so each range falls in one wider range");
  }
}
