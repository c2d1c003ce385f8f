package io.shroud.core.anonymity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The ARX Adult data set and hierarchies from test resources (anonymity/adult, Apache-2.0, see README). */
public final class AdultFixture {
  public final List<String> attributes;
  public final List<String[]> rows;
  public final List<Hierarchy> hierarchies;

  private AdultFixture(List<String> attributes, List<String[]> rows, List<Hierarchy> hierarchies) {
    this.attributes = attributes;
    this.rows = rows;
    this.hierarchies = hierarchies;
  }

  public static AdultFixture load() {
    return load(directory());
  }

  /** From {@code directory} (adult.csv and adult_hierarchy_*.csv, ';'-separated), e.g. for a benchmark. */
  public static AdultFixture load(Path directory) {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("adult.csv"), StandardCharsets.UTF_8);
      List<String> attributes = Arrays.asList(lines.get(0).split(";", -1));
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isEmpty()) {
          rows.add(line.split(";", -1));
        }
      }
      List<Hierarchy> hierarchies = new ArrayList<>();
      for (String attribute : attributes) {
        hierarchies.add(Hierarchy.fromArxCsv(directory.resolve("adult_hierarchy_" + attribute + ".csv"), ';'));
      }
      return new AdultFixture(List.copyOf(attributes), rows, hierarchies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path directory() {
    try {
      return Path.of(AdultFixture.class.getResource("/anonymity/adult/adult.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows aggregated into a frequency table, each row repeated {@code copies} times. */
  public FrequencyTable table(int copies) {
    FrequencyTable table = new FrequencyTable(attributes);
    for (String[] row : rows) {
      table.add(row, copies);
    }
    return table;
  }
}
