package io.shroud.jobs.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * Sees, inside the masking pass, each well-formed row next to what masking made of it, with the
 * findings in that row. The utility report's sample is drawn this way: no second read of the input,
 * no second masking, and the masked values are the ones written.
 */
public interface PairObserver extends Serializable {
  /** Called once per partition, in the task. */
  Partition open(int partitionId);

  /** One partition's observer. */
  interface Partition {
    /**
     * @param original the input row (data columns first)
     * @param masked the masked row as the mask stage outputs it
     * @param findings findings in this row (ask {@link RowFindings#counts()} only for rows kept: the
     *     object is reused for the next row)
     */
    void accept(Row original, Row masked, RowFindings findings);

    /** The partition is done. */
    void close();
  }
}
