package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.TextScanner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chat and social-media text, whole names, handles, hashtags and group words: one case per class of
 * what issue 17 found missed, each written here (the names are made up or rare, so no dictionary helps).
 */
class InformalTextTest {
  private static final TextScanner SCANNER = TextScanner.standard(DetectionSettings.DEFAULTS);

  private static List<String> found(String text) {
    return SCANNER.scan(text, DetectionContext.NONE).stream()
        .map(f -> f.type() + ":" + text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // names without case, found by what is written around them
      "thx zorvanka!! see u tomorrow|PERSON:zorvanka",
      "shoutout to agapiovel for helping me move today!!|PERSON:agapiovel",
      "omg reganzi just dropped a new song|PERSON:reganzi",
      "lol ferranek ur crazy|PERSON:ferranek",
      "this is hesselbo, new number, save it|PERSON:hesselbo",
      "my boss kubrana gave us friday off!!|PERSON:kubrana",
      "THANK YOU BANDILOK!!|PERSON:BANDILOK",
      // whole names, and a person by its context rather than an unknown proper noun
      "Refund to the card, account holder Zofiaq Kowalczyk.|PERSON:Zofiaq Kowalczyk",
      "Spoke with Jan van der Berg about the lease.|PERSON:Jan van der Berg",
      "Please send it to J. R. Okonkwo at the front desk.|PERSON:J. R. Okonkwo",
      "Meeting with Mohammed bin Salman Al Saud tomorrow.|PERSON:Mohammed bin Salman Al Saud",
      "The claim is for Xylia Quenby Marrowstone.|PERSON:Xylia Quenby Marrowstone",
      "Our agent Katarzyna Nowak-Zielinska called back.|PERSON:Katarzyna Nowak-Zielinska",
      // handles identify their owners
      "@rahul_92 ur so right lol|USERNAME:@rahul_92",
      "big thanks to @MariaGarcia for the tip|USERNAME:@MariaGarcia",
      // names run together in hashtags; places too
      "#MariaGarcia is trending again|PERSON:#MariaGarcia",
      "#NewYork sunsets hit different|LOCATION:#NewYork",
      // nationality, religious and political groups are their own type
      "The Brazilian team lost again.|NRP:Brazilian",
      "as a muslim i find this offensive|NRP:muslim",
      "In Ohio the Conservatives won the vote.|NRP:Conservatives",
  })
  void found(String text, String expected) {
    assertThat(found(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "thanks see u soon",
      "thx bro!! see u tmrw",
      "lol ur crazy",
      "omg this just dropped",
      "shoutout to everyone who came tonight!!",
      "#MondayMotivation lets go",
      "#blessed",
      "We need a conservative estimate for the budget.",
      "meet @10am at the usual place",
      // an @ inside an e-mail address, clear or partially masked, is not a handle
      "write to so*******@example.com today",
      "li.b+news@example.org is my address",
      "cc: ****@***.com",
      "ok sounds good, c u at 8",
  })
  void ordinaryChatStaysUnmasked(String text) {
    assertThat(SCANNER.scan(text, DetectionContext.NONE)).extracting(Finding::type)
        .doesNotContain(EntityType.PERSON, EntityType.USERNAME, EntityType.PROPER_NOUN, EntityType.NRP);
  }
}
