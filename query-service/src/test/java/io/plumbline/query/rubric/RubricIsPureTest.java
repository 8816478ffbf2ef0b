package io.plumbline.query.rubric;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.plumbline.query.facts.TeamFacts;

/** The rubric is evaluated without any infrastructure, so it can be tested and replayed alone. */
@AnalyzeClasses(
    packages = "io.plumbline.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RubricIsPureTest {

  @ArchTest
  static final ArchRule noInfrastructureInTheRubric =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.rubric")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "com.mongodb..",
              "org.bson..",
              "io.micrometer..",
              "io.plumbline.query.rubric.admin..",
              "io.plumbline.query.quarters..",
              "io.plumbline.query.rollups..",
              "io.plumbline.query.team..");

  /** Of the facts, the evaluation reads one team's facts in memory, nothing that loads them. */
  @ArchTest
  static final ArchRule theRubricReadsFactsInMemoryOnly =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.rubric")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("io.plumbline.query.facts")
                  .and(
                      DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(TeamFacts.class))));
}
