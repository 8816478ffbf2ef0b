package io.plumbline.query.maturity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rubric is evaluated without any infrastructure, so it can be tested and replayed alone. */
@AnalyzeClasses(
    packages = "io.plumbline.query.maturity",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RubricIsPureTest {

  @ArchTest
  static final ArchRule noInfrastructureInTheRubric =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.maturity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "com.mongodb..",
              "org.bson..",
              "io.micrometer..",
              "io.plumbline.query.projection..",
              "io.plumbline.query.team..");
}
