package dev.vigie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules others must follow (docs/adr/0001), checked on every build. */
@AnalyzeClasses(packages = "dev.vigie", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] PARSING_CORE = {"dev.vigie.report", "dev.vigie.report.aggregate..",
      "dev.vigie.report.failure..", "dev.vigie.report.tlsrpt..", "dev.vigie.report.mail..",
      "dev.vigie.report.extract.."};

  /** Parsing is pure: no network (so no DNS), no files, no database, no CLI. */
  @ArchTest
  static final ArchRule parsingCoreDoesNoIo = noClasses().that().resideInAnyPackage(PARSING_CORE)
      .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..",
          "java.sql..", "javax.sql..", "java.net.http..", "dev.vigie.cli..", "picocli..")
      .because("report parsing takes bytes and returns records; I/O belongs to its callers");

  @ArchTest
  static final ArchRule parsingCoreDoesNotPrint = noClasses().that()
      .resideInAnyPackage(PARSING_CORE)
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("problems travel as warnings or ParseOutcome.Failed, never to the console");

  /** Checks ask DNS through DnsClient only (ADR 0003): dnsjava stays inside the resolver. */
  @ArchTest
  static final ArchRule checksUseDnsClientOnly = noClasses().that()
      .resideInAnyPackage("dev.vigie.dns..", "dev.vigie.check..")
      .and().resideOutsideOfPackage("dev.vigie.dns.resolver..")
      .should().dependOnClassesThat().resideInAPackage("org.xbill..")
      .because("caching, time limits and bounded CNAME chasing live in DnsjavaClient");
}
