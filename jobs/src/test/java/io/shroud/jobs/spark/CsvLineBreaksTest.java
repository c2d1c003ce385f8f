package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which CSV texts prove a line break inside a quoted field, and which are single-line or malformed. */
class CsvLineBreaksTest {
  private static final CsvLineBreaks.Syntax RFC4180 = CsvLineBreaks.Syntax.of(Map.of("escape", "\""));

  private static boolean multiLine(String csv, CsvLineBreaks.Syntax syntax, int limit) throws IOException {
    return CsvLineBreaks.hasQuotedLineBreak(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), limit, syntax);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      pandas to_csv: a note over two lines                  | id,note\\n1,"line one\\nline two"\\n2,plain\\n
      Excel: CRLF rows, LF inside the quoted field           | id,note\\r\\n1,"first\\nsecond"\\r\\n
      COPY ... CSV: escaped quotes before the line break    | id,note\\n1,"he said ""hi""\\nthen left"\\n
      the last record, no final line break                  | id,note\\n1,"a\\nb"
      a blank line inside the quoted field                  | id,note\\n1,"a\\n\\nb"\\n
      """)
  void recordsWithQuotedLineBreaksAreMultiLine(String name, String csv) throws IOException {
    assertThat(multiLine(unescape(csv), RFC4180, CsvLineBreaks.PROBE_BYTES)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one record per line                                    | id,note\\n1,"quoted, with a comma"\\n2,plain\\n
      CRLF line ends                                         | id,note\\r\\n1,a\\r\\n2,b\\r\\n
      an inch mark inside an unquoted value                  | id,note\\n1,27" screen\\n2,"x"\\n
      an unbalanced quote that never closes                  | id,note\\n1,"a quote that never closes\\n2,plain row\\n3,another row\\n
      a quoted break in a record of the wrong width          | id,note\\n1,"a\\nb",extra\\n
      a quoted break in the header only                      | id,"the\\nnote"\\n1,a\\n
      escaped quotes on one line                             | id,note\\n1,"say ""cheese"" now"\\n
      """)
  void otherTextsAreNot(String name, String csv) throws IOException {
    assertThat(multiLine(unescape(csv), RFC4180, CsvLineBreaks.PROBE_BYTES)).isFalse();
  }

  @Test
  void aBackslashEscapedQuoteDoesNotCloseTheField() throws IOException {
    CsvLineBreaks.Syntax backslash = CsvLineBreaks.Syntax.of(Map.of("escape", "\\"));
    assertThat(multiLine("id,note\n1,\"a \\\" b\nc\"\n", backslash, 1 << 20)).isTrue();
    assertThat(multiLine("id,note\n1,\"a \\\"\n2,b\n", backslash, 1 << 20)).isFalse();
  }

  @Test
  void onlyTheFirstBytesAreRead() throws IOException {
    String csv = "id,note\n" + "1,plain\n".repeat(1000) + "2,\"a\nb\"\n";
    assertThat(multiLine(csv, RFC4180, 1 << 20)).isTrue();
    assertThat(multiLine(csv, RFC4180, 4096)).isFalse();
  }

  @Test
  void otherSeparatorsAndUnsoundSettings() throws IOException {
    CsvLineBreaks.Syntax semicolon = CsvLineBreaks.Syntax.of(Map.of("sep", ";", "escape", "\""));
    assertThat(multiLine("id;note\n1;\"a\nb\"\n", semicolon, 1 << 20)).isTrue();
    assertThat(multiLine("id;note\n1;\"a\nb\";x\n", semicolon, 1 << 20)).isFalse();
    assertThat(CsvLineBreaks.Syntax.of(Map.of("encoding", "UTF-16"))).isNull();
    assertThat(CsvLineBreaks.Syntax.of(Map.of("sep", "||"))).isNull();
    assertThat(CsvLineBreaks.Syntax.of(Map.of("delimiter", "\\t"))).isEqualTo(
        new CsvLineBreaks.Syntax((byte) '"', (byte) '\\', (byte) '\t'));
  }

  @Test
  void thePolicyChoosesWhenItSaysMultiLine() {
    assertThat(CsvLineBreaks.chosenByPolicy(Map.of("multiline", "false"))).isTrue();
    assertThat(CsvLineBreaks.chosenByPolicy(Map.of("sep", ";"))).isFalse();
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r");
  }
}
