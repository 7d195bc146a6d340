package dev.ipmi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.net.DatagramSocket;
import java.net.MulticastSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of issue 11, stated so it cannot erode: core ← lan ← lanplus ← {bmc, examples}.
 * Modules are told apart by package: {@code dev.ipmi.core..}, {@code dev.ipmi.lan..},
 * {@code dev.ipmi.lanplus..}, {@code dev.ipmi.bmc..}, {@code dev.ipmi.examples..}. The benchmarks
 * are not imported: they measure internal codecs on purpose.
 */
class ArchitectureTest {
    private static final String CORE = "dev.ipmi.core..";
    private static final String LAN = "dev.ipmi.lan..";
    private static final String LANPLUS = "dev.ipmi.lanplus..";
    private static final String BMC = "dev.ipmi.bmc..";
    private static final String EXAMPLES = "dev.ipmi.examples..";
    private static final String[] CLIENT = {CORE, LAN, LANPLUS};
    private static final String[] LEGACY_BMC = {"dev.ipmi.lan.bmc..", "dev.ipmi.lanplus.bmc.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .importPackages("dev.ipmi.core", "dev.ipmi.lan", "dev.ipmi.lanplus", "dev.ipmi.bmc", "dev.ipmi.examples");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"dev.ipmi.core", "dev.ipmi.lan", "dev.ipmi.lanplus", "dev.ipmi.bmc",
                "dev.ipmi.examples"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("classes of %s on the test class path", pkg).isTrue();
        }
    }

    @Test
    void coreOpensNoSockets() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().areAssignableTo(DatagramSocket.class)
                .orShould().dependOnClassesThat().areAssignableTo(MulticastSocket.class)
                .orShould().dependOnClassesThat().areAssignableTo(Socket.class)
                .orShould().dependOnClassesThat().areAssignableTo(ServerSocket.class)
                .orShould().dependOnClassesThat().areAssignableTo(DatagramChannel.class)
                .orShould().dependOnClassesThat().areAssignableTo(SocketChannel.class)
                .orShould().dependOnClassesThat().areAssignableTo(ServerSocketChannel.class)
                .because("ipmi-core is codecs and the facade; the transports own the sockets");
        rule.check(classes);
    }

    @Test
    void layering() {
        layers().check(classes);
    }

    @Test
    void clientCodeDoesNotDependOnTheBmcSide() {
        noClasses().that().resideInAnyPackage(CLIENT)
                .should().dependOnClassesThat().resideInAnyPackage(BMC)
                .because("applications that only talk to BMCs must not carry the BMC side")
                .check(classes);
    }

    @Test
    void clientModulesContainNoBmcSideClasses() {
        noClasses().should().resideInAnyPackage(LEGACY_BMC)
                .because("the BMC side (responders, dispatcher, virtual BMC, backends) belongs to ipmi-bmc")
                .check(classes);
    }

    @Test
    void clientModulesStartNoProcess() {
        noProcesses(noClasses().that().resideInAnyPackage(CLIENT)).check(classes);
    }

    @Test
    void coreInternalsAreUsedOnlyByTheTransports() {
        noClasses().that().resideOutsideOfPackages(CORE, LAN, LANPLUS)
                .should().dependOnClassesThat().resideInAPackage("dev.ipmi.core.internal..")
                .because("module-info exports dev.ipmi.core.internal only to dev.ipmi.lan and dev.ipmi.lanplus")
                .check(classes);
    }

    @Test
    void lanInternalsStayInsideTheirModule() {
        noClasses().that().resideOutsideOfPackages(LAN, LANPLUS, BMC)
                .should().dependOnClassesThat().resideInAPackage("dev.ipmi.lan.internal..")
                .because("dev.ipmi.lan.internal (the IPMI 1.5 packet codec) is exported only to dev.ipmi.lanplus "
                        + "and dev.ipmi.bmc")
                .check(classes);
    }

    @Test
    void lanplusInternalsStayInsideTheirModule() {
        noClasses().that().resideOutsideOfPackages(LANPLUS, BMC)
                .should().dependOnClassesThat().resideInAPackage("dev.ipmi.lanplus.internal..")
                .because("dev.ipmi.lanplus.internal is not exported (the BMC side may share its wire codecs)")
                .check(classes);
    }

    @Test
    void examplesUseNoInternalPackage() {
        noClasses().that().resideInAPackage(EXAMPLES)
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("the CLI and the demos use the public API only")
                .check(classes);
    }

    private static ArchRule noProcesses(GivenClassesConjunction given) {
        return given.should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
                .orShould().callMethodWhere(target(name("exec")).and(target(owner(assignableTo(Runtime.class)))))
                .because("client libraries never start a process");
    }

    private static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Core").definedBy(CORE)
                .layer("Lan").definedBy(LAN)
                .layer("LanPlus").definedBy(LANPLUS)
                .layer("Bmc").definedBy(BMC)
                .layer("Examples").definedBy(EXAMPLES)
                .whereLayer("Examples").mayNotBeAccessedByAnyLayer()
                .whereLayer("Bmc").mayOnlyBeAccessedByLayers("Examples")
                .whereLayer("LanPlus").mayOnlyBeAccessedByLayers("Bmc", "Examples")
                .whereLayer("Lan").mayOnlyBeAccessedByLayers("LanPlus", "Bmc", "Examples")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Lan", "LanPlus", "Bmc", "Examples")
                .because("core <- lan <- lanplus <- {bmc, examples}");
    }
}
