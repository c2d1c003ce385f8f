package io.shroud.core.utility;

import io.shroud.core.anonymity.Hierarchy;
import io.shroud.core.policy.AnonymitySettings;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Says in words what a quasi-identifier's generalization level does to its values (no values quoted). */
public final class LevelMeaning {
  private LevelMeaning() {}

  public static String of(AnonymitySettings.QuasiIdentifier qi, Hierarchy hierarchy, int level) {
    int top = hierarchy.height() - 1;
    if (level == 0) {
      return "original values";
    }
    if (level >= top) {
      return "every value replaced by *";
    }
    return switch (qi.kind()) {
      case RANGES -> "ranges of width " + plain(qi.widths().get(level - 1));
      case PREFIX -> "last " + level + " character" + (level == 1 ? "" : "s") + " replaced by *";
      case DATES -> level == 1 ? "month (yyyy-MM)" : "year";
      case HIERARCHY -> "level " + level + " of " + top + " in " + qi.hierarchyFile() + " (" + groups(hierarchy, level)
          + " groups)";
    };
  }

  private static int groups(Hierarchy hierarchy, int level) {
    Set<String> groups = new HashSet<>();
    for (String value : hierarchy.values()) {
      groups.add(hierarchy.generalize(value, level));
    }
    return groups.size();
  }

  private static String plain(double width) {
    return width == Math.rint(width) ? String.valueOf((long) width) : String.format(Locale.ROOT, "%s", width);
  }
}
