package io.shroud.jobs.sanitize;

import io.shroud.connectors.storage.StaleStaging;
import java.io.PrintStream;

/** Says on stderr and in the audit what dead runs left beside an output and what was removed. */
final class StagingReport {
  private StagingReport() {}

  static void report(StaleStaging.Result stale, String output, AuditBuilder audit, PrintStream err) {
    if (!stale.removed().isEmpty()) {
      String names = String.join(", ", stale.removed());
      err.println("shroud: removed " + stale.removed().size() + " staging director"
          + (stale.removed().size() == 1 ? "y" : "ies") + " left beside " + output + " by runs that died: " + names);
      audit.outputNote("staleStagingRemoved", names);
    }
    if (!stale.kept().isEmpty()) {
      String names = String.join(", ", stale.kept());
      err.println("shroud: warning: " + names + " beside " + output + " holds the previous output of a run "
          + "that died while replacing it; restore it or delete it");
      audit.outputNote("previousOutputsLeft", names);
    }
    if (stale.problemOrNull() != null) {
      err.println("shroud: warning: cannot look for staging directories that dead runs left beside " + output + " ("
          + stale.problemOrNull() + "); any there stay until a run can remove them");
      audit.outputNote("staleStagingCheck", "failed: " + stale.problemOrNull());
    }
    err.flush();
  }
}
