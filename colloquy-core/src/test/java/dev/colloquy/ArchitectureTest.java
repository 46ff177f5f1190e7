package dev.colloquy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure of core as rules: no cycles, and data flows one way (DESIGN.md). Analyses (repair,
 * signals, dedup) and the step contract know nothing of the engine that runs them; the engine ({@code pipeline})
 * and the adapters ({@code pipeline.steps}) depend on them, never the reverse.
 */
@AnalyzeClasses(packages = "dev.colloquy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.colloquy.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule analysesDoNotKnowTheEngine = noClasses()
            .that().resideInAnyPackage("dev.colloquy.model..", "dev.colloquy.io..", "dev.colloquy.format..",
                    "dev.colloquy.repair..", "dev.colloquy.signals..", "dev.colloquy.dedup..", "dev.colloquy.step..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.colloquy.pipeline..");

    @ArchTest
    static final ArchRule stepContractIsALeaf = classes()
            .that().resideInAPackage("dev.colloquy.step..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.colloquy.step..", "dev.colloquy.model..",
                    "java..");
}
