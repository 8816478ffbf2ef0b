package io.plumbline.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command side's shape: packages import one another in one direction only, the practices'
 * deciders know nothing of HTTP, Spring or Axon's plumbing, and only the team routes to them.
 */
@AnalyzeClasses(
    packages = "io.plumbline.command",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noImportCircles =
      slices().matching("io.plumbline.command.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule decidersArePlainJava =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.plumbline.command.catalog..",
              "io.plumbline.command.postmortem..",
              "io.plumbline.command.runbook..",
              "io.plumbline.command.toil..",
              "io.plumbline.command.common..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "org.axonframework..", "com.mongodb..", "org.bson..");

  @ArchTest
  static final ArchRule practicesDoNotKnowTheTeam =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.plumbline.command.team..", "io.plumbline.command.ingest..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.plumbline.command.team..");

  @ArchTest
  static final ArchRule controllersReadThroughRepositoriesAndReaders =
      noClasses()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.data.mongodb.core..", "com.mongodb.client..")
          .because(
              "a controller answers a request; what is stored is read and written behind the"
                  + " repositories and readers of its feature");

  @ArchTest
  static final ArchRule theIngestKnowsNoStorageEngine =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.command.ingest..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.plumbline.command.infrastructure..")
          .because(
              "the event store refuses in the domain's words (EventIdsTaken); the ingest decides"
                  + " what a refusal means without knowing how events are stored");
}
