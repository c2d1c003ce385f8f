package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTypeTest {
  @Test
  void typesAreEqualByNameWhicheverInstance() {
    EntityType parsed = EntityType.of(" person ");
    assertThat(parsed).isEqualTo(EntityType.PERSON).isNotSameAs(EntityType.PERSON);
    assertThat(parsed.hashCode()).isEqualTo(EntityType.PERSON.hashCode());
    assertThat(EntityType.PERSON).isNotEqualTo(EntityType.LOCATION).isNotEqualTo("PERSON").isNotEqualTo(null);
    Set<EntityType> set = new HashSet<>(Set.of(EntityType.EMAIL, EntityType.PHONE));
    assertThat(set).contains(EntityType.of("email")).doesNotContain(EntityType.of("IBAN"));
  }

  @Test
  void hashIsTheNamesAsForTheGeneratedRecordMethod() {
    // Hash maps keyed by type iterate in the same order as before the method was written out.
    assertThat(EntityType.of("US_SSN").hashCode()).isEqualTo("US_SSN".hashCode());
  }

  @Test
  void invalidNamesAreRefusedWithTheName() {
    assertThatThrownBy(() -> EntityType.of("e-mail")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid entity type 'E-MAIL': expected upper-case letters, digits and '_'");
  }
}
