package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyExtensionTest {
  private static final String MINIMAL = "input: { path: in.jsonl }\noutput: { path: out }\n";

  record Team(String name) {}

  record Hint(int level) {}

  /** A top-level {@code team: NAME} section that records what it saw of the core sections. */
  static class TeamExtension implements PolicyExtension<Team> {
    final List<CoreSections> seen = new ArrayList<>();

    @Override
    public Class<Team> type() {
      return Team.class;
    }

    @Override
    public Placement placement() {
      return Placement.TOP_LEVEL;
    }

    @Override
    public String key() {
      return "team";
    }

    @Override
    public Optional<Team> parse(YamlObject parent, CoreSections core) {
      seen.add(core);
      return parent.string("team").map(name -> {
        if (name.isBlank()) {
          throw parent.error("team", "'" + parent.dotted("team") + "' must not be blank");
        }
        return new Team(name);
      });
    }
  }

  /** A {@code detection.hint: { level: N }} section. */
  static final class HintExtension implements PolicyExtension<Hint> {
    @Override
    public Class<Hint> type() {
      return Hint.class;
    }

    @Override
    public Placement placement() {
      return Placement.DETECTION;
    }

    @Override
    public String key() {
      return "hint";
    }

    @Override
    public Optional<Hint> parse(YamlObject detection, CoreSections core) {
      assertThat(core.audit()).isEmpty();
      return detection.object("hint").map(h -> {
        h.allowOnly("level");
        return new Hint(h.integer("level").orElse(1));
      });
    }
  }

  private static Policy parse(PolicyParser parser, String yaml) {
    return parser.parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  @Test
  void extensionsReadTheirSectionsIntoTypedSettings() {
    TeamExtension team = new TeamExtension();
    PolicyParser parser = new PolicyParser(List.of(team, new HintExtension()));
    Policy policy = parse(parser, MINIMAL + "team: payments\ndetection:\n  hint: { level: 3 }\n"
        + "audit: { path: out/audit }\n");
    assertThat(policy.extension(Team.class)).contains(new Team("payments"));
    assertThat(policy.extension(Hint.class)).contains(new Hint(3));
    assertThat(policy.extension(String.class)).isEmpty();
    assertThat(team.seen).singleElement().satisfies(core -> {
      assertThat(core.output().path()).isEqualTo("out");
      assertThat(core.audit().orElseThrow().path()).contains("out/audit");
    });
    // Absent sections produce nothing; the settings survive the policy's withers.
    Policy plain = parse(parser, MINIMAL);
    assertThat(plain.extension(Team.class)).isEmpty();
    assertThat(policy.withUtility(UtilitySettings.DEFAULTS).extension(Team.class)).contains(new Team("payments"));
  }

  @Test
  void extensionErrorsNameFileLineAndKeyAndTheirKeysAreListed() {
    PolicyParser parser = new PolicyParser(List.of(new TeamExtension(), new HintExtension()));
    assertThatThrownBy(() -> parse(parser, MINIMAL + "team: \" \"\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 3: 'team' must not be blank");
    assertThatThrownBy(() -> parse(parser, MINIMAL + "detection:\n  hint: { lvl: 2 }\n"))
        .hasMessage("Invalid policy p.yaml, line 4: unknown key 'lvl' in 'detection.hint'; expected one of: level");
    assertThatThrownBy(() -> parse(parser, MINIMAL + "teams: x\n"))
        .hasMessage("Invalid policy p.yaml, line 3: unknown key 'teams' at the top level; expected one of: version, input, "
            + "output, columns, unlistedColumns, operators, detection, audit, keys, anonymity, team, utility");
    assertThatThrownBy(() -> parse(new PolicyParser(), MINIMAL + "detection:\n  hint: {}\n"))
        .hasMessage("Invalid policy p.yaml, line 4: unknown key 'hint' in 'detection'; expected one of: sampleSize, "
            + "minConfidence, classifyThreshold, phoneRegions, allowList, denyList, customDetectors, ner");
  }

  @Test
  void anExtensionCannotTakeACoreKeyOrAnotherExtensionsKey() {
    assertThatThrownBy(() -> new PolicyParser(List.of(new TeamExtension(), new TeamExtension())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 'team' is already taken");
    PolicyExtension<Team> utility = new TeamExtension() {
      @Override
      public String key() {
        return "utility";
      }
    };
    assertThatThrownBy(() -> new PolicyParser(List.of(utility)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 'utility' is already taken");
  }
}
