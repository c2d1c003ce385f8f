package io.shroud.bench;

import io.shroud.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the nested samples: {@code chats.jsonl} (chat transcripts) and {@code orders.parquet} (orders
 * with a customer struct, an array of line items with addresses, tags and a string map), all invented.
 *
 * <p>Usage: {@code NestedSamples SAMPLES_DIR [SEED]}
 */
public final class NestedSamples {
  private NestedSamples() {}

  static final StructType ADDRESS = new StructType().add("street", DataTypes.StringType).add("city", DataTypes.StringType)
      .add("zip", DataTypes.StringType);
  static final StructType ITEM = new StructType().add("sku", DataTypes.StringType).add("quantity", DataTypes.IntegerType, false)
      .add("price", DataTypes.DoubleType).add("ship_to", ADDRESS);
  static final StructType ORDER = new StructType()
      .add("order_id", DataTypes.LongType, false)
      .add("customer", new StructType().add("name", DataTypes.StringType).add("email", DataTypes.StringType)
          .add("phone", DataTypes.StringType).add("loyalty_years", DataTypes.IntegerType))
      .add("items", DataTypes.createArrayType(ITEM, false))
      .add("tags", DataTypes.createArrayType(DataTypes.StringType, true))
      .add("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true))
      .add("note", DataTypes.StringType);

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    SyntheticChats.write(dir.resolve("chats.jsonl"), 200, seed);
    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    Path parquet = dir.resolve("orders.parquet");
    SanitizeBenchmark.deleteRecursively(parquet);
    spark.createDataFrame(orders(100, seed), ORDER).coalesce(1).write().parquet(parquet.toString());
    spark.stop();
    // Keep only the data file: checksums and markers are noise in a repository.
    try (Stream<Path> files = Files.list(parquet)) {
      for (Path p : files.toList()) {
        if (!p.getFileName().toString().endsWith(".parquet")) {
          Files.delete(p);
        } else {
          Files.move(p, parquet.resolve("part-00000.snappy.parquet"));
        }
      }
    }
  }

  static List<Row> orders(int count, long seed) {
    Random random = new Random(seed);
    SyntheticCustomers pii = new SyntheticCustomers(seed);
    String[] first = {"Ann", "Bo", "Carla", "Dev", "Eli", "Femi"};
    String[] last = {"Lee", "Ng", "Ortiz", "Shah", "Berg", "Ade"};
    String[] streets = {"Main Street", "Oak Avenue", "Harbor Road", "Elm Drive"};
    String[] cities = {"Springfield", "Riverton", "Lakeside", "Fairview"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String f = first[random.nextInt(first.length)];
      String l = last[random.nextInt(last.length)];
      List<Row> items = new ArrayList<>();
      for (int k = random.nextInt(4); k >= 0; k--) {
        Row address = random.nextInt(5) == 0 ? null : RowFactory.create((1 + random.nextInt(999)) + " "
            + streets[random.nextInt(streets.length)], cities[random.nextInt(cities.length)],
            String.format("%05d", 10000 + random.nextInt(89999)));
        items.add(RowFactory.create("SKU-" + (1000 + random.nextInt(9000)), 1 + random.nextInt(3),
            Math.round(random.nextDouble() * 20000) / 100.0, address));
      }
      String note = switch (random.nextInt(4)) {
        case 0 -> "Leave at the door, call " + pii.phone() + " on arrival.";
        case 1 -> "Gift for " + f + ", send receipt to " + pii.email(f, l);
        default -> "";
      };
      rows.add(RowFactory.create(100_000L + i,
          RowFactory.create(f + " " + l, pii.email(f, l), pii.phone(), random.nextInt(10)),
          items, random.nextBoolean() ? List.of("gift") : List.of(),
          Map.of("ip", pii.ip(), "channel", random.nextBoolean() ? "web" : "app"), note));
    }
    return rows;
  }
}
