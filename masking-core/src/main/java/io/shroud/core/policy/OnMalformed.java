package io.shroud.core.policy;

/**
 * What happens to records the reader cannot parse (a CSV row with the wrong number of fields, a JSON
 * line that is not JSON). Never silent: every mode counts them per file in the audit.
 */
public enum OnMalformed {
  /** Stop before publishing anything (the default: a broken export should not train a model). */
  FAIL("fail"),
  /** Leave them out and publish the rest; the audit says how many, per file. */
  SKIP("skip"),
  /**
   * Leave them out and write them to a side output beside the audit, as free text with every
   * detected span masked, so they can be repaired without exposing what they hold.
   */
  QUARANTINE("quarantine");

  private final String yamlName;

  OnMalformed(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}
