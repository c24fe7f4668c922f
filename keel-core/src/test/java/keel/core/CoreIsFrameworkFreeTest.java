package keel.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CoreIsFrameworkFreeTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("keel.core", "keel.forecast");

    @Test
    void core_and_forecast_import_no_framework_jdbc_web_or_serialization_library() {
        noClasses().that().resideInAnyPackage("keel.core..", "keel.forecast..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.h2..", "org.duckdb..", "org.flywaydb..", "org.jdbi..",
                        "io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "org.apache.spark..",
                        "com.fasterxml.jackson..", "tools.jackson..", "org.snakeyaml..", "org.yaml..",
                        "picocli..", "me.tongfei..", "org.springframework..")
                .check(core);
    }

    @Test
    void core_does_not_depend_on_adapters() {
        noClasses().that().resideInAnyPackage("keel.core..", "keel.forecast..")
                .should().dependOnClassesThat().resideInAnyPackage("keel.store..", "keel.app..", "keel.spark..")
                .check(core);
    }
}
