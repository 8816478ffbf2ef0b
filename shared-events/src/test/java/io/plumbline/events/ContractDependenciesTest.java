package io.plumbline.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract is compiled against by both services, so it stays free of their frameworks. */
@AnalyzeClasses(
    packages = "io.plumbline.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependenciesTest {

  @ArchTest
  static final ArchRule noFrameworksInTheContract =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.axonframework..",
              "org.apache.kafka..",
              "com.mongodb..");
}
