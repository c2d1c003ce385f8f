package io.shroud.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyTest {
  @TempDir Path directory;

  @Test
  void readsArxFiles() {
    Hierarchy age = Hierarchy.fromArxCsv(AdultFixture.directory().resolve("adult_hierarchy_age.csv"), ';');

    assertThat(age.height()).isEqualTo(5);
    assertThat(age.generalize("34", 0)).isEqualTo("34");
    assertThat(age.generalize("34", 1)).isEqualTo("30-34");
    assertThat(age.generalize("34", 4)).isEqualTo("*");
    assertThat(age.values()).contains("1", "34", "90");
  }

  @Test
  void unknownValuesStayAtLevelZeroAndAreSuppressedAbove() {
    Hierarchy hierarchy = Hierarchy.fromRows(List.of(List.of("a", "x", "*")));

    assertThat(hierarchy.generalize("zzz", 0)).isEqualTo("zzz");
    assertThat(hierarchy.generalize("zzz", 1)).isEqualTo("*");
    assertThat(hierarchy.generalize(null, 2)).isEqualTo("*");
    assertThatThrownBy(() -> hierarchy.generalize("a", 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid level 3: hierarchy has levels 0..2");
  }

  @Test
  void rejectsRaggedRows() throws IOException {
    Path file = write("a;x;*\nb;*\n");

    assertThatThrownBy(() -> Hierarchy.fromArxCsv(file, ';')).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid hierarchy " + file + " line 2: expected 3 columns like line 1, found 2");
  }

  @Test
  void rejectsDuplicateValues() throws IOException {
    Path file = write("a;x;*\n\nb;x;*\na;y;*\n");

    assertThatThrownBy(() -> Hierarchy.fromArxCsv(file, ';'))
        .hasMessage("Invalid hierarchy " + file + " line 4: duplicate value 'a' (first on line 1)");
  }

  @Test
  void rejectsLastColumnOtherThanStar() throws IOException {
    Path file = write("a;x;top\n");

    assertThatThrownBy(() -> Hierarchy.fromArxCsv(file, ';'))
        .hasMessage("Invalid hierarchy " + file + " line 1: last column must be \"*\", found 'top'");
  }

  @Test
  void rejectsHierarchiesThatAreNotFunctional() {
    assertThatThrownBy(() -> Hierarchy.fromRows(List.of(List.of("a", "x", "p", "*"), List.of("b", "x", "q", "*"))))
        .hasMessage("Invalid hierarchy (in memory) line 2: 'x' at level 1 generalizes to 'q' at level 2,"
            + " but line 1 generalizes it to 'p'");
  }

  @Test
  void rejectsEmptyAndTooNarrowHierarchies() throws IOException {
    Path empty = write("\n");

    assertThatThrownBy(() -> Hierarchy.fromArxCsv(empty, ';')).hasMessage("Invalid hierarchy " + empty + ": no rows");
    assertThatThrownBy(() -> Hierarchy.fromRows(List.of(List.of("*"))))
        .hasMessage("Invalid hierarchy (in memory) line 1: needs at least 2 columns (the value and \"*\")");
    assertThatThrownBy(() -> Hierarchy.fromArxCsv(directory.resolve("missing.csv"), ';'))
        .hasMessageStartingWith("Cannot read hierarchy ");
  }

  @Test
  void readsQuotedFieldsAndOtherSeparators() throws IOException {
    Hierarchy hierarchy = Hierarchy.fromArxCsv(write("\"a,b\",\"x \"\"y\"\"\",*\n"), ',');

    assertThat(hierarchy.generalize("a,b", 1)).isEqualTo("x \"y\"");
  }

  @Test
  void numericRangesOfWholeNumbers() {
    Hierarchy hierarchy = Hierarchy.numericRanges(List.of("34", "30", "-3", "n/a", "34"), List.of(5.0, 10.0, 20.0));

    assertThat(hierarchy.height()).isEqualTo(5);
    assertThat(levels(hierarchy, "34")).containsExactly("34", "30-34", "30-39", "20-39", "*");
    assertThat(levels(hierarchy, "-3")).containsExactly("-3", "-5--1", "-10--1", "-20--1", "*");
    assertThat(levels(hierarchy, "n/a")).containsExactly("n/a", "*", "*", "*", "*");
    assertThat(hierarchy.values()).containsExactly("-3", "30", "34", "n/a");
  }

  @Test
  void numericRangesOfDecimalsUseHalfOpenIntervals() {
    Hierarchy hierarchy = Hierarchy.numericRanges(List.of("31", "2.5"), List.of(0.5, 10.0));

    assertThat(levels(hierarchy, "31")).containsExactly("31", "[31, 31.5)", "[30, 40)", "*");
    assertThat(levels(hierarchy, "2.5")).containsExactly("2.5", "[2.5, 3)", "[0, 10)", "*");
  }

  @Test
  void numericRangeWidthsMustNest() {
    assertThatThrownBy(() -> Hierarchy.numericRanges(List.of("1"), List.of(5.0, 7.0)))
        .hasMessage("Invalid numeric range widths [5.0, 7.0]: each width must be a multiple of the previous one"
            + " so that ranges nest");
    assertThatThrownBy(() -> Hierarchy.numericRanges(List.of("1"), List.of(0.0)))
        .hasMessageStartingWith("Invalid numeric range widths [0.0]");
  }

  @Test
  void prefixesMaskFromTheEnd() {
    Hierarchy hierarchy = Hierarchy.prefixes(List.of("12345", "ab"), 3);

    assertThat(hierarchy.height()).isEqualTo(5);
    assertThat(levels(hierarchy, "12345")).containsExactly("12345", "1234*", "123**", "12***", "*");
    assertThat(levels(hierarchy, "ab")).containsExactly("ab", "a*", "**", "**", "*");
    assertThatThrownBy(() -> Hierarchy.prefixes(List.of("a"), -1)).hasMessage("Invalid maxMasked -1: must be >= 0");
  }

  @Test
  void datesGoToMonthThenYear() {
    Hierarchy hierarchy = Hierarchy.dates(List.of("2024-03-15", "2024-03-15T10:00:00Z", "15/03/2024", "2024-02-30"));

    assertThat(hierarchy.height()).isEqualTo(4);
    assertThat(levels(hierarchy, "2024-03-15")).containsExactly("2024-03-15", "2024-03", "2024", "*");
    assertThat(levels(hierarchy, "2024-03-15T10:00:00Z")).containsExactly("2024-03-15T10:00:00Z", "2024-03", "2024", "*");
    assertThat(levels(hierarchy, "15/03/2024")).containsExactly("15/03/2024", "*", "*", "*");
    assertThat(levels(hierarchy, "2024-02-30")).containsExactly("2024-02-30", "*", "*", "*");
  }

  private static String[] levels(Hierarchy hierarchy, String value) {
    String[] levels = new String[hierarchy.height()];
    for (int level = 0; level < levels.length; level++) {
      levels[level] = hierarchy.generalize(value, level);
    }
    return levels;
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(directory, "hierarchy", ".csv");
    Files.writeString(file, content);
    return file;
  }
}
