package io.shroud.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Pins the package layering of masking-core (docs/architecture.md): detection (and keys, anonymity) at
 * the bottom, then the operators, the policy, the plan and masking, each reading only the layers below
 * it; inside detection, the checks, the engine, the detector families and the scan package the same way.
 * The module direction (jobs -> connectors -> masking-core) is the enforcer's job; this is the same rule
 * inside the module.
 */
class LayeringTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.shroud.core");

  @Test
  void packagesHaveNoCycles() {
    // (**) makes every package its own slice: detect, detect.scan and detect.ner are checked apart.
    slices().matching("io.shroud.core.(**)").should().beFreeOfCycles().check(CORE);
  }

  /**
   * Inside detection: the checks (checksums, validators) know nothing of detection; the engine
   * (interfaces, settings, the pattern-detector base) knows no detector; each family of detectors
   * knows only the engine and the checks, never another family; only the scan package (the catalogue
   * and the scanner) sees every detector.
   */
  @Test
  void detectionReadsBottomUp() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Checks").definedBy("io.shroud.core.detect.check..")
        .layer("Engine").definedBy("io.shroud.core.detect")
        .layer("Generic").definedBy("io.shroud.core.detect.generic..")
        .layer("National").definedBy("io.shroud.core.detect.national..")
        .layer("Credential").definedBy("io.shroud.core.detect.credential..")
        .layer("Address").definedBy("io.shroud.core.detect.address..")
        .layer("Ner").definedBy("io.shroud.core.detect.ner..")
        .layer("Scan").definedBy("io.shroud.core.detect.scan..")
        .whereLayer("Scan").mayNotBeAccessedByAnyLayer()
        .whereLayer("Generic").mayOnlyBeAccessedByLayers("Scan")
        .whereLayer("National").mayOnlyBeAccessedByLayers("Scan")
        .whereLayer("Credential").mayOnlyBeAccessedByLayers("Scan")
        .whereLayer("Address").mayOnlyBeAccessedByLayers("Scan")
        .whereLayer("Ner").mayOnlyBeAccessedByLayers("Scan")
        .whereLayer("Engine").mayOnlyBeAccessedByLayers("Generic", "National", "Credential", "Address", "Ner", "Scan")
        .whereLayer("Checks").mayOnlyBeAccessedByLayers("Engine", "Generic", "National", "Credential", "Address",
            "Ner", "Scan")
        .check(CORE);
  }

  @Test
  void layersReadBottomUp() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Detect").definedBy("io.shroud.core.detect..")
        .layer("Keys").definedBy("io.shroud.core.keys..")
        .layer("Anonymity").definedBy("io.shroud.core.anonymity..")
        .layer("Operator").definedBy("io.shroud.core.operator..")
        .layer("Policy").definedBy("io.shroud.core.policy..")
        .layer("Plan").definedBy("io.shroud.core.plan..")
        .layer("Mask").definedBy("io.shroud.core.mask..")
        .layer("Tags").definedBy("io.shroud.core.tags..")
        .layer("Utility").definedBy("io.shroud.core.utility..")
        .layer("Audit").definedBy("io.shroud.core.audit..")
        .layer("Report").definedBy("io.shroud.core.report..")
        .whereLayer("Detect").mayOnlyBeAccessedByLayers("Operator", "Policy", "Plan", "Mask")
        .whereLayer("Keys").mayOnlyBeAccessedByLayers("Operator", "Policy", "Plan", "Mask")
        .whereLayer("Anonymity").mayOnlyBeAccessedByLayers("Policy", "Utility")
        .whereLayer("Operator").mayOnlyBeAccessedByLayers("Policy", "Plan", "Mask", "Tags")
        .whereLayer("Policy").mayOnlyBeAccessedByLayers("Plan", "Mask", "Tags", "Utility")
        .whereLayer("Plan").mayOnlyBeAccessedByLayers("Mask", "Tags")
        .whereLayer("Mask").mayNotBeAccessedByAnyLayer()
        .whereLayer("Tags").mayNotBeAccessedByAnyLayer()
        .whereLayer("Utility").mayOnlyBeAccessedByLayers("Audit", "Report")
        .whereLayer("Audit").mayOnlyBeAccessedByLayers("Report")
        .whereLayer("Report").mayNotBeAccessedByAnyLayer()
        .check(CORE);
  }

  @Test
  void detectionOwnsItsSettings() {
    noClasses().that().resideInAPackage("io.shroud.core.detect..")
        .should().dependOnClassesThat().resideInAnyPackage("io.shroud.core.policy..", "io.shroud.core.plan..",
            "io.shroud.core.mask..", "io.shroud.core.operator..", "io.shroud.core.keys..", "io.shroud.core.anonymity..")
        .because("detection is the bottom layer: the policy builds its settings, never the other way round")
        .check(CORE);
  }

  @Test
  void keysOwnTheirSpec() {
    noClasses().that().resideInAPackage("io.shroud.core.keys..")
        .should().dependOnClassesThat().resideInAnyPackage("io.shroud.core.policy..", "io.shroud.core.plan..",
            "io.shroud.core.mask..", "io.shroud.core.operator..", "io.shroud.core.detect..")
        .because("key providers read a KeySpec; where it came from (a policy file) is not their concern")
        .check(CORE);
  }

  @Test
  void operatorsKnowNoPolicyNorPlan() {
    noClasses().that().resideInAPackage("io.shroud.core.operator..")
        .should().dependOnClassesThat().resideInAnyPackage("io.shroud.core.policy..", "io.shroud.core.plan..",
            "io.shroud.core.mask..")
        .because("each action reads its parameters through OperatorParams, which the policy implements")
        .check(CORE);
  }

  @Test
  void thePolicyKnowsNoPlanNorMasking() {
    noClasses().that().resideInAPackage("io.shroud.core.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("io.shroud.core.plan..", "io.shroud.core.mask..",
            "io.shroud.core.tags..", "io.shroud.core.utility..", "io.shroud.core.audit..", "io.shroud.core.report..")
        .check(CORE);
  }
}
