package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UtilityPolicyTest {
  private static final String MINIMAL = "input: { path: a.csv }\noutput: { path: o }\n";

  private static Policy parse(String yaml) {
    return new PolicyParser().parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  private static void assertInvalid(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  @Test
  void onByDefaultWithTheDefaultSampleAndK() {
    UtilitySettings u = parse(MINIMAL).utility();
    assertThat(u).isEqualTo(new UtilitySettings(true, UtilitySettings.DEFAULT_SAMPLE, 10, "default", 10));
    assertThat(Policy.auto("a.csv", Optional.empty(), "o", Optional.empty(), false).utility())
        .isEqualTo(UtilitySettings.DEFAULTS);
  }

  @Test
  void everyKeyIsRead() {
    UtilitySettings u = parse(MINIMAL + "utility: { sample: 20000, k: 25, topCategories: 5 }\n").utility();
    assertThat(u).isEqualTo(new UtilitySettings(true, 20000, 25, "utility.k", 5));
  }

  @Test
  void offInEitherSpelling() {
    assertThat(parse(MINIMAL + "utility: { sample: off }\n").utility().enabled()).isFalse();
    assertThat(parse(MINIMAL + "utility: { sample: \"off\" }\n").utility().enabled()).isFalse();
    assertThat(parse(MINIMAL + "utility: { sample: false }\n").utility().enabled()).isFalse();
  }

  @Test
  void aLargerAnonymityKIsTheDefault() {
    String anonymity = "anonymity:\n  k: 25\n  quasiIdentifiers:\n    zip: { generalize: { prefix: 3 } }\n";
    assertThat(parse(MINIMAL + anonymity).utility().k()).isEqualTo(25);
    assertThat(parse(MINIMAL + anonymity).utility().kOrigin()).isEqualTo("anonymity.k");
    assertThat(parse(MINIMAL + anonymity.replace("k: 25", "k: 5")).utility().k()).isEqualTo(10);
    assertThat(parse(MINIMAL + anonymity + "utility: { k: 12 }\n").utility().k()).isEqualTo(12);
  }

  @Test
  void badValuesNameTheKeyAndLine() {
    assertInvalid(MINIMAL + "utility: { sample: 0 }\n",
        "Invalid policy p.yaml, line 3: 'utility.sample' must be a whole number of rows from 1 to 100000, or off; got '0'");
    assertInvalid(MINIMAL + "utility: { sample: lots }\n",
        "Invalid policy p.yaml, line 3: 'utility.sample' must be a whole number of rows from 1 to 100000, or off; got 'lots'");
    assertInvalid(MINIMAL + "utility: { sample: 2.5 }\n",
        "Invalid policy p.yaml, line 3: 'utility.sample' must be a whole number of rows from 1 to 100000, or off; got '2.5'");
    assertInvalid(MINIMAL + "utility: { sample: [1] }\n",
        "Invalid policy p.yaml, line 3: 'utility.sample' must be a whole number of rows from 1 to 100000, or off; got a list");
    assertInvalid(MINIMAL + "utility:\n  k: 1\n",
        "Invalid policy p.yaml, line 4: 'utility.k' must be at least 2 (a category shared by fewer rows could be one "
            + "person's value), got 1");
    assertInvalid(MINIMAL + "utility:\n  topCategories: 51\n",
        "Invalid policy p.yaml, line 4: 'utility.topCategories' must be from 1 to 50, got 51");
    assertInvalid(MINIMAL + "utility:\n  sampel: 10\n",
        "Invalid policy p.yaml, line 4: unknown key 'sampel' in 'utility'; expected one of: sample, k, topCategories");
    assertInvalid(MINIMAL + "utility: 5000\n",
        "Invalid policy p.yaml, line 3: 'utility' must be a mapping, got a number");
  }
}
