package io.shroud.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Generates chat transcripts as JSON lines, the shape of LLM fine-tuning sets:
 * {@code {"conversation_id", "created_at", "messages": [{"role", "content"}...], "meta": {...}}}.
 * Users and assistants both mention personal data (assistants echo it back, as real ones do); many
 * turns hold none. Deterministic for a seed; every person and number is invented.
 *
 * <p>Usage: {@code SyntheticChats OUT.jsonl RECORDS [SEED]}
 */
public final class SyntheticChats {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIRST = {"Maria", "James", "Aisha", "Chen", "Olga", "Diego", "Fatima", "Liam", "Priya",
    "Kenji", "Hannah", "Omar"};
  private static final String[] LAST = {"Lopez", "Smith", "Khan", "Wei", "Ivanova", "Garcia", "Haddad", "Murphy", "Patel",
    "Tanaka", "Becker", "Nasser"};
  private static final String[] SYSTEM = {
    "You are a helpful support assistant for an online store.",
    "You are a banking assistant. Never reveal account details.",
    "Answer briefly and politely."};
  private static final String[] USER = {
    "Hi, my email is %e and I never got my order confirmation.",
    "Can you call me back on %p? It's about my account.",
    "I was charged twice on card %c, please refund one.",
    "My SSN is %s, I need to verify my identity for the loan.",
    "The login from %i wasn't me, lock my account please.",
    "How do I reset my password?",
    "What are your opening hours on weekends?",
    "Please update my number to %p and my email to %e.",
    "Is the blue jacket available in size M?",
    "Thanks, that fixed it."};
  private static final String[] ASSISTANT = {
    "I've sent a new confirmation to %e. Anything else?",
    "Sure, we'll call you on %p within the hour.",
    "I see two charges on the card ending %l; one refund is on its way.",
    "Thanks, your identity is verified.",
    "I've locked the account and flagged the sign-in from %i.",
    "You can reset your password from the sign-in page.",
    "We're open 10am to 6pm on Saturdays and Sundays.",
    "Done: your contact details are updated.",
    "Yes, size M is in stock.",
    "Glad to help!"};
  private static final String[] CHANNELS = {"web", "app", "email"};

  private final Random random;
  private final SyntheticCustomers pii;

  public SyntheticChats(long seed) {
    this.random = new Random(seed);
    this.pii = new SyntheticCustomers(seed ^ 0x5DEECE66DL);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SyntheticChats OUT.jsonl RECORDS [SEED]");
      System.exit(2);
    }
    write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42L);
  }

  public static void write(Path file, long records, long seed) throws IOException {
    SyntheticChats generator = new SyntheticChats(seed);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; i < records; i++) {
        out.write(generator.record(i + 1));
        out.write('\n');
      }
    }
  }

  String record(long id) throws IOException {
    ObjectNode record = JSON.createObjectNode();
    record.put("conversation_id", String.format("c-%07d", id));
    record.put("created_at", Instant.ofEpochSecond(1_750_000_000L + id * 37).toString());
    ArrayNode messages = record.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM[random.nextInt(SYSTEM.length)]);
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String email = pii.email(first, last);
    String phone = pii.phone();
    String card = pii.card();
    int turns = 1 + random.nextInt(3);
    for (int t = 0; t < turns; t++) {
      int topic = random.nextInt(USER.length);
      messages.addObject().put("role", "user").put("content", fill(USER[topic], email, phone, card));
      messages.addObject().put("role", "assistant").put("content", fill(ASSISTANT[topic], email, phone, card));
    }
    ObjectNode meta = record.putObject("meta");
    meta.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
    meta.put("language", "en");
    meta.put("turns", turns);
    meta.put("rating", 1 + random.nextInt(5));
    return JSON.writeValueAsString(record);
  }

  private String fill(String template, String email, String phone, String card) {
    String digits = card.replace(" ", "");
    return template.replace("%e", email).replace("%p", phone).replace("%c", card).replace("%s", pii.ssn())
        .replace("%i", pii.ip()).replace("%l", digits.substring(digits.length() - 4));
  }
}
