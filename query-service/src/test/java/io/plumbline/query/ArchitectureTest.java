package io.plumbline.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side by feature, in layers: facts, then the rubric, then team-quarters, then rollups;
 * metrics and the read API on top. Lower layers tell higher ones through interfaces they declare
 * (FactsListener, RubricReplay, QuartersChanged), so no package imports one that imports it.
 */
@AnalyzeClasses(
    packages = "io.plumbline.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noImportCircles =
      slices().matching("io.plumbline.query.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule factsKnowNothingOfFigures =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.facts..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.plumbline.query.rubric..",
              "io.plumbline.query.quarters..",
              "io.plumbline.query.rollups..",
              "io.plumbline.query.metrics..");

  @ArchTest
  static final ArchRule quartersDoNotKnowRollups =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.quarters..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.plumbline.query.rollups..", "io.plumbline.query.metrics..");

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
  static final ArchRule onlyTheWebEdgeSpeaksHttp =
      noClasses()
          .that()
          .resideOutsideOfPackage("..web..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              org.springframework.http.HttpStatus.class,
              org.springframework.http.HttpStatusCode.class,
              org.springframework.http.ProblemDetail.class,
              org.springframework.http.ResponseEntity.class,
              org.springframework.web.server.ResponseStatusException.class,
              org.springframework.web.ErrorResponseException.class)
          .because(
              "a store, a schedule or a model refuses in its own words (RequestRefused); the web"
                  + " edge alone turns a refusal into a status and a problem detail");

  @ArchTest
  static final ArchRule controllersLiveAtTheWebEdge =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .or()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
          .should()
          .resideInAPackage("..web..");
}
