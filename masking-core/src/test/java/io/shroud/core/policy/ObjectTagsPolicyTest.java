package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code output.tags} and {@code input.tagSanitized}: S3's tag rules, checked when the policy loads. */
class ObjectTagsPolicyTest {
  private final PolicyParser parser = new PolicyParser();

  private Policy parse(String output, String input) {
    return parser.parse("input: { path: in.csv" + input + " }\noutput:\n  path: out\n" + output, "p.yaml",
        PolicyOverrides.NONE);
  }

  private Policy withTags(String tags) {
    return parse("  tags:\n" + tags, "");
  }

  private void assertInvalid(String tags, String message) {
    assertThatThrownBy(() -> withTags(tags)).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  @Test
  void tagsKeepPolicyOrderAndScalarsBecomeText() {
    Policy policy = withTags("    team: ml-platform\n    Classification: masked-pii\n    cost-centre: 4711\n");
    assertThat(policy.output().tags()).containsExactly(Map.entry("team", "ml-platform"),
        Map.entry("Classification", "masked-pii"), Map.entry("cost-centre", "4711"));
    assertThat(parse("", "").output().tags()).isEmpty();
    assertThat(withTags("    note: \"A-Z a-z 0-9 + - = . _ : / @ é\"\n").output().tags()).hasSize(1);
    assertThat(withTags("    empty: \"\"\n").output().tags()).containsEntry("empty", "");
  }

  @Test
  void reservedPrefixesAreRefused() {
    assertInvalid("    \"aws:team\": x\n", "Invalid policy p.yaml, line 5: invalid tag key 'aws:team' in 'output.tags': "
        + "the aws: prefix is reserved for AWS");
    assertInvalid("    \"AWS:x\": y\n", "Invalid policy p.yaml, line 5: invalid tag key 'AWS:x' in 'output.tags': "
        + "the aws: prefix is reserved for AWS");
    assertInvalid("    \"shroud:run-id\": mine\n", "Invalid policy p.yaml, line 5: invalid tag key 'shroud:run-id' in "
        + "'output.tags': the shroud: prefix is reserved for the tags Shroud adds (shroud:run-id, shroud:policy-sha256, "
        + "shroud:sanitized-by)");
    assertInvalid("    classification: masked\n", "Invalid policy p.yaml, line 5: invalid tag key 'classification' in "
        + "'output.tags': tag keys are case-sensitive and the classification tag is 'Classification' (the key bucket "
        + "and reader policies test)");
  }

  @Test
  void s3LimitsOnLengthAndCharacters() {
    String longKey = "k".repeat(129);
    assertInvalid("    " + longKey + ": x\n", "Invalid policy p.yaml, line 5: invalid tag key '" + longKey
        + "' in 'output.tags': a tag key has 1 to 128 characters, this one 129");
    assertThat(withTags("    " + "k".repeat(128) + ": " + "v".repeat(256) + "\n").output().tags()).hasSize(1);
    assertInvalid("    team: " + "v".repeat(257) + "\n", "Invalid policy p.yaml, line 5: invalid value for tag 'team' in "
        + "'output.tags': a tag value has at most 256 characters, this one 257");
    assertInvalid("    team: \"a,b\"\n", "Invalid policy p.yaml, line 5: invalid value for tag 'team' in 'output.tags': "
        + "a tag value may hold letters, digits, spaces and + - = . _ : / @ only");
    assertInvalid("    \"team#1\": a\n", "Invalid policy p.yaml, line 5: invalid tag key 'team#1' in 'output.tags': "
        + "a tag key may hold letters, digits, spaces and + - = . _ : / @ only");
    // Lengths count characters, not UTF-16 units: 128 emoji-free CJK characters fit.
    assertThat(withTags("    team: " + "数".repeat(256) + "\n").output().tags()).hasSize(1);
  }

  @Test
  void roomIsLeftForShroudsOwnTags() {
    StringBuilder seven = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      seven.append("    t").append(i).append(": v\n");
    }
    assertThat(withTags(seven.toString()).output().tags()).hasSize(7);
    assertThat(withTags(seven + "    Classification: masked-pii\n").output().tags()).hasSize(8);
    assertInvalid(seven + "    t8: v\n", "Invalid policy p.yaml, line 4: 'output.tags' has 8 tags; S3 allows 10 per "
        + "object and Shroud adds shroud:run-id, shroud:policy-sha256 and a Classification unless you set one: at most 8 "
        + "of your own, Classification included");
  }

  @Test
  void tagsMustBeAMappingOfScalars() {
    assertThatThrownBy(() -> parse("  tags: [a, b]\n", "")).hasMessage("Invalid policy p.yaml, line 4: 'output.tags' "
        + "must be a mapping, got a list");
    assertInvalid("    team: { a: b }\n", "Invalid policy p.yaml, line 5: 'output.tags.team' must be a string, number "
        + "or boolean, got a mapping");
  }

  @Test
  void tagSanitizedIsABooleanOffByDefault() {
    assertThat(parse("", "").input().tagSanitized()).isFalse();
    assertThat(parse("", ", tagSanitized: true").input().tagSanitized()).isTrue();
    assertThatThrownBy(() -> parse("", ", tagSanitized: yes please")).hasMessage("Invalid policy p.yaml, line 1: "
        + "'input.tagSanitized' must be true or false, got a string");
  }
}
