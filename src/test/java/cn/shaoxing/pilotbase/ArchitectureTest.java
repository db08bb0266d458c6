package cn.shaoxing.pilotbase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules of README "Architecture": one package per capability, foundations below processes. */
@AnalyzeClasses(packages = "cn.shaoxing.pilotbase", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Foundation capabilities must not know about the processes built on them. */
  @ArchTest
  static final ArchRule foundationsDoNotDependOnProcesses =
      noClasses().that().resideInAnyPackage(
              "..pilotbase.calendar..", "..pilotbase.notification..", "..pilotbase.identity..",
              "..pilotbase.forms..", "..pilotbase.scoring..", "..pilotbase.organisation..",
              "..pilotbase.register..", "..pilotbase.experts..", "..pilotbase.platform..",
              "..pilotbase.objection..", "..pilotbase.evidence..", "..pilotbase.documents..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.designation..", "..pilotbase.evaluation..", "..pilotbase.revocation..",
              "..pilotbase.web..")
          .allowEmptyShould(true);

  /**
   * The three processes stand side by side on the foundations (ADR 0011): what two of them share
   * lives below them, and one process starts another by process key only.
   */
  @ArchTest
  static final ArchRule designationStandsAlone =
      noClasses().that().resideInAPackage("..pilotbase.designation..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.evaluation..", "..pilotbase.revocation..");

  @ArchTest
  static final ArchRule evaluationStandsAlone =
      noClasses().that().resideInAPackage("..pilotbase.evaluation..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.designation..", "..pilotbase.revocation..");

  @ArchTest
  static final ArchRule revocationStandsAlone =
      noClasses().that().resideInAPackage("..pilotbase.revocation..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.designation..", "..pilotbase.evaluation..");

  /**
   * Migration of running instances (ADR 0034) works on any process through the engine's API alone:
   * it knows no process package, and nothing but its own controller knows it.
   */
  @ArchTest
  static final ArchRule migrationKnowsNoProcess =
      noClasses().that().resideInAPackage("..pilotbase.migration..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.designation..", "..pilotbase.evaluation..", "..pilotbase.revocation..",
              "..pilotbase.objection..", "..pilotbase.web..");

  @ArchTest
  static final ArchRule nothingElseUsesMigration =
      noClasses().that().resideOutsideOfPackage("..pilotbase.migration..")
          .should().dependOnClassesThat().resideInAPackage("..pilotbase.migration..");

  /** No cycles between capabilities. */
  @ArchTest
  static final ArchRule capabilitiesAreFreeOfCycles =
      slices().matching("cn.shaoxing.pilotbase.(*)..").should().beFreeOfCycles();

  /** Shared words live where they belong, not in a bin. */
  @ArchTest
  static final ArchRule noUtilityBins =
      noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..");

  /** One clock (ADR 0009): only platform.AppClock reads the engine's ClockUtil. */
  @ArchTest
  static final ArchRule oneClock =
      noClasses().that().doNotHaveFullyQualifiedName("cn.shaoxing.pilotbase.platform.AppClock")
          .should().dependOnClassesThat()
          .haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil");
}
