package dev.vigie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The road to p=reject is a pure core behind one facade. */
@AnalyzeClasses(packages = "dev.vigie", importOptions = ImportOption.DoNotIncludeTests.class)
class RoadArchitectureTest {
  /** Only {@code Insights} reads the store; every other class of the package is a pure function. */
  @ArchTest
  static final ArchRule roadCoreDoesNoIo = noClasses().that().resideInAPackage("dev.vigie.road")
      .and().doNotHaveSimpleName("Insights").and().doNotHaveSimpleName("Insights$PublishedRecords")
      .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..",
          "java.sql..", "javax.sql..", "dev.vigie.store..", "dev.vigie.cli..", "picocli..")
      .because("stages, compliance, the planner and the simulator are tested from rows alone");

  /** The demo goes through the store's API (DirectorySql, Ingestor), never around it. */
  @ArchTest
  static final ArchRule noSqlInDemo = noClasses()
      .that().resideInAnyPackage("dev.vigie.demo..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
      .because("queries belong to dev.vigie.store.DashboardSql");
}
