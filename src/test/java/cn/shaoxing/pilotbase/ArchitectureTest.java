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
              "..pilotbase.forms..", "..pilotbase.scoring..", "..pilotbase.organisation..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "..pilotbase.designation..", "..pilotbase.evaluation..", "..pilotbase.revocation..",
              "..pilotbase.web..")
          .allowEmptyShould(true);

  /** No cycles between capabilities. */
  @ArchTest
  static final ArchRule capabilitiesAreFreeOfCycles =
      slices().matching("cn.shaoxing.pilotbase.(*)..").should().beFreeOfCycles();

  /** Shared words live where they belong, not in a bin. */
  @ArchTest
  static final ArchRule noUtilityBins =
      noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..");
}
