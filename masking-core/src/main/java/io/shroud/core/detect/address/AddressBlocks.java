package io.shroud.core.detect.address;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Extends address findings over the whole postal address block they stand in. A detector finds the
 * street line or the unit; the rest of the block (the house or plot number before a street, the
 * street line before a unit, and the unit, town, region, country and postcode after them, see
 * {@link AddressBlockReader}, {@link StreetLineReader}) is personal data as much as the street is, so the finding grows to cover
 * it. Findings of other detectors bound the growth: a block never swallows a phone number or an e-mail
 * address next to it, only place names and postcodes (LOCATION, POSTAL_CODE), which it then replaces.
 * A unit too ambiguous to report on its own ("Unit 3", "Room 12") is reported when a street line stands
 * before it or a town and postcode follow it.
 */
public final class AddressBlocks {
  /** Score of a weak unit that its block vouches for; above the default threshold, as a street's. */
  static final double BLOCK_SCORE = 0.6;
  /** Detectors whose address findings are grown (street lines, cued streets, units and post boxes). */
  private static final Set<String> ANCHORS = Set.of("address", "address_intl", "address_cued",
      AddressUnitDetector.ID);
  /** Types a block may cover: they are parts of the address. */
  private static final Set<EntityType> PARTS = Set.of(EntityType.ADDRESS, EntityType.POSTAL_CODE,
      EntityType.LOCATION);
  /** A name tagger's types, which blocks may cover: streets and towns are often named like people. */
  private static final Set<EntityType> NAMES = Set.of(EntityType.PERSON, EntityType.ORGANIZATION);
  private static final int MAX_BEFORE = 80;
  private static final int MAX_AFTER = 240;

  private AddressBlocks() {}

  /**
   * Replaces the address findings in {@code raw} by findings over their whole blocks (overlapping
   * blocks merged into one). Findings below {@code minConfidence} are left alone unless their block
   * raises them to it.
   */
  public static void extend(String text, List<Finding> raw, double minConfidence) {
    boolean any = false;
    for (Finding f : raw) {
      if (isAnchor(f)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return;
    }
    // Reported findings that are not address parts, by start: what bounds a block.
    List<Finding> others = new ArrayList<>();
    for (Finding f : raw) {
      if (f.score() >= minConfidence && !PARTS.contains(f.type())) {
        others.add(f);
      }
    }
    others.sort(BY_START);
    List<Finding> kept = new ArrayList<>(raw.size());
    List<Finding> blocks = new ArrayList<>();
    for (Finding f : raw) {
      Finding block = isAnchor(f) ? block(text, f, others, minConfidence) : null;
      if (block != null) {
        blocks.add(block);
      } else {
        kept.add(f);
      }
    }
    List<Finding> merged = merge(blocks);
    trimNamesRunningIntoBlocks(text, kept, merged);
    raw.clear();
    raw.addAll(kept);
    raw.addAll(merged);
  }

  private static final Comparator<Finding> BY_START = Comparator.comparingInt(Finding::start);

  private static boolean isAnchor(Finding f) {
    return f.type().equals(EntityType.ADDRESS) && ANCHORS.contains(f.detectorId());
  }

  /** Index of the first finding of {@code sorted} (by start) that starts at or after {@code offset}. */
  private static int firstStartingAt(List<Finding> sorted, int offset) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted.get(mid).start() < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * A name tagger's span that runs into the start of a block ("Barbara Yudina Apt." before "Apt. 675")
   * ends where the block begins: the unit word is the evidence that the name stopped there.
   */
  private static void trimNamesRunningIntoBlocks(String text, List<Finding> findings, List<Finding> blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    for (int k = 0; k < findings.size(); k++) {
      Finding f = findings.get(k);
      if (!NAMES.contains(f.type())) {
        continue;
      }
      int next = firstStartingAt(blocks, f.start() + 1); // blocks are sorted and disjoint
      if (next == blocks.size()) {
        continue;
      }
      Finding block = blocks.get(next);
      if (f.end() > block.start() && f.end() <= block.end()) {
        int end = block.start();
        while (end > f.start() && !Character.isLetterOrDigit(text.charAt(end - 1))) {
          end--;
        }
        if (end > f.start()) {
          findings.set(k, new Finding(f.type(), f.start(), end, f.score(), f.detectorId(), f.reason()));
        }
      }
    }
  }

  /**
   * The finding over f's block, or null when f is too weak to report even with its block. Only the
   * findings of {@code others} that start near f are looked at, so the pass stays linear in the text.
   */
  private static Finding block(String text, Finding f, List<Finding> others, double minConfidence) {
    boolean unit = f.detectorId().equals(AddressUnitDetector.ID);
    if (f.score() < minConfidence && !unit) {
      return null;
    }
    int floor = Math.max(0, f.start() - MAX_BEFORE);
    int streetFloor = floor;
    int limit = Math.min(text.length(), f.end() + MAX_AFTER);
    int firstName = Integer.MAX_VALUE;
    int firstNameEnd = 0;
    for (int i = firstStartingAt(others, floor - 1); i < others.size(); i++) {
      Finding other = others.get(i);
      if (other.start() >= limit) {
        break;
      }
      boolean name = NAMES.contains(other.type());
      if (name && other.start() >= f.end()) {
        if (other.start() < firstName) {
          firstName = other.start();
          firstNameEnd = other.end();
        }
      } else if (other.end() > f.end()) {
        limit = Math.max(f.end(), other.start());
      }
      if (other.start() < f.start() && other.end() > floor) {
        floor = Math.min(f.start(), other.end());
        if (!name) {
          streetFloor = floor;
        }
      }
    }
    int start = f.start();
    boolean streetBefore = false;
    if (unit) {
      int street = StreetLineReader.streetLineBefore(text, start, streetFloor);
      if (street >= 0) {
        start = street;
        streetBefore = true;
      }
    }
    start = StreetLineReader.leadingNumberBefore(text, start, streetBefore ? streetFloor : floor);
    AddressBlockReader.Forward after = AddressBlockReader.forward(text, f.end(), limit);
    int end = after.end();
    if (firstName < end && after.postcodeEnd() < firstNameEnd) {
      // A name tagger's person or firm after the address: a town it mistook (a postcode follows it) or
      // the next line of a letter head, where the block ends.
      end = after.endBefore(firstName, f.end());
    }
    double score = f.score();
    if (unit) {
      boolean vouched = streetBefore || after.parts() >= 2 && after.postcode();
      if (vouched) {
        score = Math.max(score, BLOCK_SCORE);
      } else if (score < minConfidence) {
        return null;
      }
    }
    if (start == f.start() && end == f.end() && score == f.score()) {
      return f;
    }
    return new Finding(EntityType.ADDRESS, start, end, score, f.detectorId(), f.reason() + "; address block");
  }

  /** Overlapping blocks become one finding (the highest score, the widest anchor's id). */
  private static List<Finding> merge(List<Finding> blocks) {
    if (blocks.size() <= 1) {
      return blocks;
    }
    blocks.sort(BY_START);
    List<Finding> merged = new ArrayList<>();
    Finding current = blocks.get(0);
    for (int i = 1; i < blocks.size(); i++) {
      Finding next = blocks.get(i);
      if (next.start() < current.end()) {
        Finding wider = next.length() > current.length() ? next : current;
        current = new Finding(EntityType.ADDRESS, current.start(), Math.max(current.end(), next.end()),
            Math.max(current.score(), next.score()), wider.detectorId(), wider.reason());
      } else {
        merged.add(current);
        current = next;
      }
    }
    merged.add(current);
    return merged;
  }
}
