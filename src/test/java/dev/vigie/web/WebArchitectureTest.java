package dev.vigie.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Every route declares its scope: routes may only be registered through {@link ScopedRouter},
 * whose every method takes a {@link Scope}. Calling Javalin's own registration methods
 * (get, post, addEndpoint…) anywhere else fails the build.
 */
@AnalyzeClasses(packages = "dev.vigie", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {
  private static final Set<String> REGISTERING = Set.of("get", "post", "put", "patch", "delete",
      "head", "options", "query", "addHttpHandler", "addEndpoint", "sse", "ws", "apiBuilder");

  private static final DescribedPredicate<JavaMethodCall> ROUTE_REGISTRATION =
      new DescribedPredicate<>("a Javalin route registration") {
        @Override
        public boolean test(JavaMethodCall call) {
          String owner = call.getTargetOwner().getName();
          return (owner.startsWith("io.javalin.router.") || owner.startsWith("io.javalin.config.")
              || owner.equals("io.javalin.Javalin") || owner.startsWith("io.javalin.apibuilder."))
              && REGISTERING.contains(call.getName());
        }
      };

  @ArchTest
  static final ArchRule routesOnlyThroughScopedRouter = noClasses().that()
      .doNotHaveFullyQualifiedName(ScopedRouter.class.getName())
      .should().callMethodWhere(ROUTE_REGISTRATION)
      .because("every route declares its tenant scope (ScopedRouter), enforced by Guard");

  @ArchTest
  static final ArchRule webSqlLivesInStore = noClasses().that().resideInAPackage("dev.vigie.web..")
      .should().callMethodWhere(new DescribedPredicate<>("java.sql statements") {
        @Override
        public boolean test(JavaMethodCall call) {
          return call.getTargetOwner().getName().startsWith("java.sql.")
              && call.getName().startsWith("prepare");
        }
      }).because("SQL lives in dev.vigie.store, where the tenant leads every WHERE clause");
}
