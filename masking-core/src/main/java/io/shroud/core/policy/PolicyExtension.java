package io.shroud.core.policy;

import java.util.Optional;

/**
 * A policy section owned by another module, such as the {@code aws:} section or
 * {@code detection.comprehend}, which the connectors module reads. Extensions are passed to
 * {@link PolicyParser} explicitly (no registry, no classpath scanning): a policy loaded without an
 * extension treats its key as unknown. The parser lists the extension's key among the allowed keys of
 * its parent, hands the extension the parent mapping with the same strict readers the core sections
 * use (so errors still name file, line and key), and keeps the result, typed, in
 * {@link Policy#extension}.
 *
 * @param <T> the settings record the section becomes
 */
public interface PolicyExtension<T> {
  /** The settings type; {@link Policy#extension(Class)} finds the result by it. */
  Class<T> type();

  /** Where the section sits. */
  Placement placement();

  /** The section's key in its parent mapping. */
  String key();

  /**
   * Reads the section from its parent mapping (the section may be absent). Returns empty when the
   * section is absent or turned off.
   *
   * @param parent the top-level mapping or the {@code detection} mapping, per {@link #placement}
   * @param core the core sections already read
   */
  Optional<T> parse(YamlObject parent, CoreSections core);

  /** Where an extension's section sits, and so when it is read. */
  enum Placement {
    /**
     * A top-level section, read after {@code anonymity} and before {@code utility}: the input, output
     * and audit sections are known.
     */
    TOP_LEVEL,
    /** A section under {@code detection}, read after {@code detection.ner}; the audit is not yet known. */
    DETECTION
  }

  /**
   * The core sections an extension may consult (an S3 output needs an encryption key, for instance).
   *
   * @param input what the policy reads
   * @param output what the policy writes
   * @param audit the audit settings; empty for {@link Placement#DETECTION} sections, read before them
   */
  record CoreSections(InputSpec input, OutputSpec output, Optional<AuditSettings> audit) {
    /** For sections read before the audit section. */
    static CoreSections beforeAudit(InputSpec input, OutputSpec output) {
      return new CoreSections(input, output, Optional.empty());
    }

    static CoreSections withAudit(InputSpec input, OutputSpec output, AuditSettings audit) {
      return new CoreSections(input, output, Optional.of(audit));
    }
  }
}
