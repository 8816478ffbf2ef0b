package io.plumbline.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.plumbline.query.facts.model.TeamFacts;

/**
 * Every feature's {@code model} is pure: figures, evaluations and views computed without a
 * framework, a database, a broker or a schedule, so they can be tested and replayed alone. A row
 * that is stored as it is carries its mapping annotations (which collection, which field is the id,
 * which is indexed) and nothing else of Spring.
 */
@AnalyzeClasses(
    packages = "io.plumbline.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ModelIsPureTest {

  private static final DescribedPredicate<JavaClass> MAPPING_ANNOTATIONS =
      JavaClass.Predicates.resideInAnyPackage(
          "org.springframework.data.annotation..",
          "org.springframework.data.mongodb.core.mapping..",
          "org.springframework.data.mongodb.core.index..");

  @ArchTest
  static final ArchRule modelsUseNoInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("..model..")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAnyPackage(
                      "org.springframework..",
                      "org.apache.kafka..",
                      "com.mongodb..",
                      "org.bson..",
                      "io.micrometer..")
                  .and(DescribedPredicate.not(MAPPING_ANNOTATIONS)))
          .because("a model computes; storing, scheduling and answering requests happen around it");

  @ArchTest
  static final ArchRule modelsKnowNoStoreScheduleOrWeb =
      noClasses()
          .that()
          .resideInAPackage("..model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..store..", "..refresh..", "..web..");

  /** Of the facts, the evaluation reads one team's facts in memory, nothing that loads them. */
  @ArchTest
  static final ArchRule theRubricReadsFactsInMemoryOnly =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.rubric.model")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("io.plumbline.query.facts..")
                  .and(
                      DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(TeamFacts.class))));

  /** The rubric is the bottom of the figures: it knows none of what is computed from it. */
  @ArchTest
  static final ArchRule theRubricKnowsNothingComputedFromIt =
      noClasses()
          .that()
          .resideInAPackage("io.plumbline.query.rubric.model")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.plumbline.query.quarters..",
              "io.plumbline.query.rollups..",
              "io.plumbline.query.team..",
              "io.plumbline.query.campaigns..");
}
