package dev.colloquy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core and the command line together have no package cycles, and the HTML report does not reach back into the
 * commands. Core's own rules are in core's {@code ArchitectureTest}.
 */
@AnalyzeClasses(packages = "dev.colloquy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.colloquy.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule reportDoesNotKnowTheCommands = noClasses()
            .that().resideInAPackage("dev.colloquy.report..")
            .should().dependOnClassesThat().resideInAPackage("dev.colloquy.cli..");
}
