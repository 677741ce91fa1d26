package dev.lambdanotes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import dev.lambdanotes.json.JsonTrees;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The intended dependencies of shared-model, written down so that a wrong import fails the build:
 * api and http on top, then application, then domain; persistence serves application with
 * queries; nothing points back up, and no packages depend on each other in a cycle.
 */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdanotes");

    @Test
    void domainAndApplication_knowNothingOfHttpJsonOrLambda() {
        noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lambdanotes.http..", "dev.lambdanotes.api..", "dev.lambdanotes.wiring..",
                        "dev.lambdanotes.config..", "dev.lambdanotes.observability..", "dev.lambdanotes.json..",
                        "com.fasterxml..", "com.amazonaws..", "software.amazon..")
                .because("HTTP, JSON and Lambda are the edges' business")
                .check(MAIN);
    }

    @Test
    void domain_usesHibernateOnlyForItsMappingAnnotations() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Hibernate beyond its mapping annotations",
                        type -> type.getPackageName().startsWith("org.hibernate")
                                && !type.getPackageName().equals("org.hibernate.annotations")
                                && !type.getName().equals("org.hibernate.generator.EventType")))
                .check(MAIN);
    }

    @Test
    void domain_dependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lambdanotes.application..",
                        "dev.lambdanotes.persistence..")
                .check(MAIN);
    }

    @Test
    void application_isNotUsedByPersistenceOrTheDomain() {
        noClasses().that().resideInAnyPackage("..persistence..", "..domain..", "..config..")
                .should().dependOnClassesThat().resideInAPackage("dev.lambdanotes.application..")
                .check(MAIN);
    }

    @Test
    void http_knowsNoRoutesAndNoUseCases() {
        noClasses().that().resideInAPackage("..http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lambdanotes.api..",
                        "dev.lambdanotes.application..", "dev.lambdanotes.persistence..")
                .check(MAIN);
    }

    @Test
    void routeTemplates_areMatchedOnlyByTheHttpLayer() {
        noClasses().that().resideOutsideOfPackages("dev.lambdanotes.http..", "dev.lambdanotes.routing..")
                .should().dependOnClassesThat().resideInAPackage("dev.lambdanotes.routing..")
                .because("the Router matches paths; routes name their templates as text")
                .check(MAIN);
    }

    @Test
    void json_dependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.lambdanotes.json..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.lambdanotes.json..", "java..",
                        "com.fasterxml.jackson..")
                .check(MAIN);
    }

    /**
     * Building a databind mapper loads about 370 classes at a cold start; {@link JsonTrees} reads
     * and writes the trees without one. A tree's toString() builds one too (databind's internal
     * mapper), so trees are written with JsonTrees. (A tree in a string concatenation escapes this
     * rule: the compiler turns it into an invokedynamic, not a call.)
     */
    @Test
    void noClass_buildsADatabindMapper() {
        noClasses().that().resideOutsideOfPackage("dev.lambdanotes.testing..") // the tests' own support
                .should().dependOnClassesThat().areAssignableTo(ObjectMapper.class)
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("toString"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.assignableTo(JsonNode.class)))))
                .because("a cold start should not pay for a mapper that only trees are read and written with")
                .check(MAIN);
    }

    @Test
    void packages_formNoCycle() {
        slices().matching("dev.lambdanotes.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
