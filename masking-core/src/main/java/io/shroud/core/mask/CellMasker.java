package io.shroud.core.mask;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectorSource;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.ScanMemo;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.KeyProvider;
import io.shroud.core.operator.MaskingOperator;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.Operators;
import io.shroud.core.operator.ReversibleOperator;
import io.shroud.core.operator.TextMasker;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Masks the cells of one row at a time according to a {@link MaskingPlan}. Builds its detectors and
 * operators once; one instance per thread (per Spark partition), never per row.
 */
public final class CellMasker {
  private final MaskingPlan plan;
  private final TextScanner scanner;
  private final ScanMemo memo;
  private final Operators operators;
  private final MaskingOperator[] columnOperators;
  private final DetectionContext[] contexts;
  private final Map<EntityType, MaskingOperator> entityOperators = new HashMap<>();
  private final int[] subjectIndex;
  private final Map<EntityType, Integer> spanSubjects = new HashMap<>();
  /** Spans of a type the policy keeps are left as written. */
  private static final MaskingOperator KEEP = (value, type) -> value;

  public CellMasker(MaskingPlan plan, KeyProvider keys) {
    this(plan, keys, DetectorSource.NONE);
  }

  /** With {@code extra} detectors (remote services) added to the catalogue for free-text cells. */
  public CellMasker(MaskingPlan plan, KeyProvider keys, DetectorSource extra) {
    this.plan = plan;
    this.scanner = TextScanner.standard(plan.detection(), extra.create(plan.detection()));
    this.memo = new ScanMemo(scanner);
    this.operators = new Operators(plan.keys(), keys);
    List<ColumnPlan> columns = plan.columns();
    this.columnOperators = new MaskingOperator[columns.size()];
    this.contexts = new DetectionContext[columns.size()];
    this.subjectIndex = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnPlan column = columns.get(i);
      contexts[i] = DetectionContext.forColumn(column.name());
      if (column.treatment() == Treatment.MASK_VALUE) {
        OperatorSpec spec = column.operator().orElseThrow();
        columnOperators[i] = operators.create(spec);
        subjectIndex[i] = spec.subjectColumn().map(subject -> indexOf(columns, subject)).orElse(-1);
      }
    }
  }

  /** Receives what was found, for the audit's counts. */
  public interface Counter {
    /** A finding of {@code type} in a cell of {@code column}. */
    void found(int column, EntityType type);

    /** A cell of {@code column} whose value changed. */
    void masked(int column);
  }

  /**
   * Masks one string cell of column {@code index}. Returns the value to write, which is null for a
   * number that held personal data.
   */
  public String mask(int index, String value, Counter counter) {
    return mask(index, value, counter, column -> null);
  }

  /**
   * Masks one cell; {@code cellText} gives the text of other cells of the same row by column index,
   * for operators that depend on another column (date shifts per subject).
   */
  public String mask(int index, String value, Counter counter, IntFunction<String> cellText) {
    if (value == null) {
      return null;
    }
    ColumnPlan column = plan.columns().get(index);
    switch (column.treatment()) {
      case MASK_VALUE: {
        if (value.isEmpty()) {
          return value;
        }
        EntityType entity = column.entity().orElse(null);
        if (entity != null) {
          counter.found(index, entity);
        }
        counter.masked(index);
        if (subjectIndex[index] >= 0) {
          return columnOperators[index].apply(value, entity, cellText.apply(subjectIndex[index]));
        }
        return columnOperators[index].apply(value, entity);
      }
      case SCAN_TEXT: {
        List<Finding> findings = memo.scan(value, contexts[index]);
        if (findings.isEmpty()) {
          return value;
        }
        for (Finding f : findings) {
          counter.found(index, f.type());
        }
        String masked = TextMasker.mask(value, findings, type -> spanOperator(type, cellText));
        if (!masked.equals(value)) {
          counter.masked(index); // a cell whose only findings are of kept types is unchanged
        }
        return masked;
      }
      case SCAN_NUMBER: {
        List<Finding> findings = memo.scan(value, contexts[index]);
        if (findings.isEmpty()) {
          return value;
        }
        for (Finding f : findings) {
          counter.found(index, f.type());
        }
        counter.masked(index);
        return null;
      }
      default:
        return value;
    }
  }

  private static int indexOf(List<ColumnPlan> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Cannot find subject column '" + name + "'");
  }

  /** The reversible operator of a column masked by one, for detokenize runs. */
  public ReversibleOperator reversible(int index) {
    return columnOperators[index] instanceof ReversibleOperator r ? r : null;
  }

  /** Span operators; one that needs a subject takes it from the same row (column index resolved once). */
  private MaskingOperator spanOperator(EntityType type, IntFunction<String> cellText) {
    if (plan.operators().keeps(type)) {
      return KEEP;
    }
    MaskingOperator op = operatorFor(type);
    Optional<String> subjectColumn = plan.operators().forType(type).subjectColumn();
    if (subjectColumn.isPresent()) {
      int subject = spanSubjects.computeIfAbsent(type, t -> indexOf(plan.columns(), subjectColumn.get()));
      return (value, t) -> op.apply(value, t, cellText.apply(subject));
    }
    return op;
  }

  private MaskingOperator operatorFor(EntityType type) {
    return entityOperators.computeIfAbsent(type, t -> operators.create(plan.operators().forType(t)));
  }
}
