package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.NerSettings;
import org.junit.jupiter.api.Test;

class NerPolicyTest {
  private static final String HEAD = "input: { path: a.csv }\noutput: { path: o }\ndetection:\n";
  private final PolicyParser parser = new PolicyParser();

  private Policy parse(String detection) {
    return parser.parse(HEAD + detection, "p.yaml", PolicyOverrides.NONE);
  }

  @Test
  void nerIsOnByDefaultWithThresholdOneHalf() {
    Policy policy = parser.parse("input: { path: a.csv }\noutput: { path: o }\n", "p.yaml", PolicyOverrides.NONE);
    assertThat(policy.detection().ner()).isEqualTo(new NerSettings(true, 0.5));
    assertThat(DetectionSettings.DEFAULTS.ner().enabled()).isTrue();
  }

  @Test
  void enabledAndThresholdAreRead() {
    assertThat(parse("  ner: { enabled: false }\n").detection().ner()).isEqualTo(new NerSettings(false, 0.5));
    assertThat(parse("  ner:\n    threshold: 0.8\n").detection().ner()).isEqualTo(new NerSettings(true, 0.8));
    assertThat(parse("  minConfidence: 0.7\n  ner: { enabled: true, threshold: 0.4 }\n").detection().ner())
        .isEqualTo(new NerSettings(true, 0.4));
  }

  @Test
  void unknownProperNounsAreOnByDefaultAndCanBeTurnedOff() {
    assertThat(DetectionSettings.DEFAULTS.ner().unknownProperNouns()).isTrue();
    assertThat(parse("  ner: { unknownProperNouns: false }\n").detection().ner())
        .isEqualTo(new NerSettings(true, 0.5, false));
    assertThatThrownBy(() -> parse("  ner:\n    unknownProperNouns: maybe\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 5: 'detection.ner.unknownProperNouns' must be true or false");
  }

  @Test
  void unknownKeysAndBadValuesAreRejectedWithTheirLine() {
    assertThatThrownBy(() -> parse("  ner:\n    treshold: 0.5\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 5: unknown key 'treshold' in 'detection.ner'; expected one of: "
            + "enabled, threshold, unknownProperNouns");
    assertThatThrownBy(() -> parse("  ner:\n    threshold: 1.5\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 5: 'detection.ner.threshold' must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> parse("  ner:\n    enabled: yes please\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 5: 'detection.ner.enabled' must be true or false");
    assertThatThrownBy(() -> parse("  ner: true\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("Invalid policy p.yaml, line 4: 'detection.ner' must be a mapping");
  }

  @Test
  void settingsRejectThresholdsOutsideZeroToOne() {
    assertThatThrownBy(() -> new NerSettings(true, -0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be between 0 and 1, got -0.1");
  }
}
