package io.shroud.jobs.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.ShroudException;
import org.junit.jupiter.api.Test;

/** What a failed run's audit record says about the failure: Shroud's own message, or only the class. */
class SafeMessageTest {
  @Test
  void shroudMessagesAreKeptOthersAreNamedByClassOnly() {
    assertThat(SanitizeJob.safeMessage(new ShroudException("Cannot read in.csv")))
        .isEqualTo("Cannot read in.csv");
    // A library's message may quote a cell value: never copied into the audit.
    assertThat(SanitizeJob.safeMessage(new IllegalStateException("bad value 078-05-1120")))
        .isEqualTo("job failed: java.lang.IllegalStateException");
  }

  @Test
  void aShroudExceptionWithoutAMessageStillGivesOne() {
    assertThat(SanitizeJob.safeMessage(new ShroudException(null)))
        .isEqualTo("job failed: io.shroud.core.ShroudException");
  }
}
