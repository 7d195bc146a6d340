package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.gateway.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExporterConfigTest {
    /**
     * ipmi_exporter 1.6.1's own example ipmi_remote.yml, as shipped in its repository (keys and
     * values; comments left out), with its tab-free eight-space indentation.
     */
    static final String UPSTREAM_EXAMPLE = """
            modules:
                    default:
                            user: "default_user"
                            pass: "example_pw"
                            driver: "LAN_2_0"
                            privilege: "user"
                            timeout: 10000
                            collectors:
                            - bmc
                            - ipmi
                            - chassis
                            exclude_sensor_ids:
                            - 2
                            - 29
                            - 32
                            - 50
                            - 52
                            - 55
                    dcmi:
                            user: "admin_user"
                            pass: "another_pw"
                            privilege: "admin"
                            driver: "LAN_2_0"
                            collectors:
                            - dcmi
                    thatspecialhost:
                            user: "some_user"
                            pass: "secret_pw"
                            privilege: "admin"
                            driver: "LAN"
                            collectors:
                            - ipmi
                            - sel
                            workaround_flags:
                            - discretereading
                            custom_args:
                                    ipmi:
                                    - "--bridge-sensors"
                    advanced:
                            user: "some_user"
                            pass: "secret_pw"
                            privilege: "admin"
                            driver: "LAN"
                            collectors:
                            - ipmi
                            - sel
                            collector_cmd:
                                    ipmi: sudo
                                    sel: sudo
                            custom_args:
                                    ipmi:
                                    - "ipmimonitoring"
                                    sel:
                                    - "ipmi-sel"
            """;

    @Test
    void readsIpmiExportersExampleUnchanged() {
        ExporterConfig c = ExporterConfig.parse(UPSTREAM_EXAMPLE);
        assertThat(c.modules()).containsOnlyKeys("default", "dcmi", "thatspecialhost", "advanced");
        ExporterConfig.Module d = c.modules().get("default");
        assertThat(d.user()).isEqualTo("default_user");
        assertThat(new String(d.password())).isEqualTo("example_pw");
        assertThat(d.privilege()).isEqualTo(PrivilegeLevel.USER);
        assertThat(d.driver()).isEqualTo(ExporterConfig.Driver.LAN_2_0);
        assertThat(d.timeout()).contains(Duration.ofSeconds(10));
        assertThat(d.collectors()).containsExactly(Collector.BMC, Collector.IPMI, Collector.CHASSIS);
        assertThat(d.excludeSensorIds()).containsExactlyInAnyOrder(2, 29, 32, 50, 52, 55);
        ExporterConfig.Module special = c.modules().get("thatspecialhost");
        assertThat(special.driver()).isEqualTo(ExporterConfig.Driver.LAN);
        assertThat(special.workaroundFlags()).containsExactly("discretereading");
        assertThat(c.modules().get("dcmi").collectors()).containsExactly(Collector.DCMI);
    }

    @Test
    void modulesPickedAsIpmiExporterPicksThem() {
        ExporterConfig c = ExporterConfig.parse(UPSTREAM_EXAMPLE);
        assertThat(c.forScrape("dcmi").name()).isEqualTo("dcmi");
        assertThat(c.forScrape("default").name()).isEqualTo("default");
        assertThat(c.has("nope")).isFalse();
        assertThat(c.has("default")).isTrue();
        ExporterConfig empty = ExporterConfig.parse("modules:\n  other: {user: x}\n");
        assertThat(empty.has("default")).as("default always exists").isTrue();
        ExporterConfig.Module builtIn = empty.forScrape("default");
        assertThat(builtIn.collectors()).as("ipmi_exporter's default collectors")
                .containsExactly(Collector.IPMI, Collector.DCMI, Collector.BMC, Collector.CHASSIS);
        assertThat(builtIn.privilege()).isEqualTo(PrivilegeLevel.OPERATOR);
        assertThat(ExporterConfig.parse("").modules()).isEmpty();
    }

    @Test
    void errorsNameTheKeyAndTheLine() {
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    usr: x\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 3").hasMessageContaining("modules.a.usr");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    driver: KCS\n"))
                .hasMessageContaining("in-band driver 'KCS' is not supported");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    privilege: root\n"))
                .hasMessageContaining("modules.a.privilege").hasMessageContaining("user, operator or admin");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    collectors: [ipmi, sensors]\n"))
                .hasMessageContaining("unknown collector 'sensors'");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    collectors: [bmc-watchdog]\n"))
                .hasMessageContaining("not implemented");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    sel_events:\n      - {name: x, regex: '('}\n"))
                .hasMessageContaining("modules.a.sel_events").hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    sel_events:\n      - {regex: x}\n"))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    sel_events:\n      - {name: x, re: y}\n"))
                .hasMessageContaining("unknown key in a sel_events entry");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    workaround_flags: [bogus]\n"))
                .hasMessageContaining("unknown FreeIPMI workaround flag 'bogus'");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a:\n    exclude_sensor_ids: [70000]\n"))
                .hasMessageContaining("modules.a.exclude_sensor_ids");
        assertThatThrownBy(() -> ExporterConfig.parse("targets: []\n")).hasMessageContaining("targets");
        assertThatThrownBy(() -> ExporterConfig.parse("modules:\n  a: {user: x}\n  a: {user: y}\n"))
                .hasMessageContaining("duplicate");
    }

    @Test
    void selEventsAsIpmiExporterWritesThem() {
        ExporterConfig c = ExporterConfig.parse("""
                modules:
                  default:
                    collectors: [sel, sel-events]
                    sel_events:
                      - name: correctable_memory_error
                        regex: Correctable memory error.*
                      - name: ecc
                        regex: (?P<what>Correctable ECC)
                """);
        ExporterConfig.Module m = c.forScrape("default");
        assertThat(m.collectors()).containsExactly(Collector.SEL, Collector.SEL_EVENTS);
        assertThat(m.selEvents()).extracting(ExporterConfig.SelEventRule::name)
                .containsExactly("correctable_memory_error", "ecc");
        assertThat(m.selEvents().get(1).regex().matcher("Correctable ECC").find()).isTrue();
    }

    @Test
    void passwordNeverInToString() {
        ExporterConfig c = ExporterConfig.parse("modules:\n  a: {user: u, pass: s3cr3t-pw}\n");
        assertThat(c.toString()).doesNotContain("s3cr3t-pw").contains("pass=***");
    }

    @Test
    void targetsAsIpmiExporterTakesThem() {
        assertThat(Target.address("10.0.0.5")).contains(new Target.Address("10.0.0.5", "10.0.0.5", 623));
        assertThat(Target.address("bmc1.example:6230")).contains(new Target.Address("bmc1.example:6230",
                "bmc1.example", 6230));
        assertThat(Target.address("[fd00::5]:624")).contains(new Target.Address("[fd00::5]:624", "fd00::5", 624));
        assertThat(Target.address("fd00::5")).map(Target.Address::port).contains(623);
        for (String bad : List.of("", "host:0", "host:99999", "host:x", "a b", "[fd00::5", "host/../x", ":623")) {
            assertThat(Target.address(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void budgetLeavesAMarginBeforePrometheusGivesUp() {
        assertThat(Exporter.budget("10")).isEqualTo(Duration.ofMillis(9000));
        assertThat(Exporter.budget("1")).isEqualTo(Duration.ofMillis(800));
        assertThat(Exporter.budget("0.5")).isEqualTo(Duration.ofMillis(300));
        assertThat(Exporter.budget(null)).as("Prometheus's default timeout").isEqualTo(Duration.ofMillis(9000));
        assertThat(Exporter.budget("garbage")).isEqualTo(Duration.ofMillis(9000));
        assertThat(Exporter.budget("-3")).isEqualTo(Duration.ofMillis(9000));
    }

    @Test
    void unusedWarningsDoNotBreakIgnoredKeys() {
        ExporterConfig c = ExporterConfig.parse("modules:\n  a:\n    default_args: {ipmi: [x]}\n");
        assertThat(c.modules().get("a").collectors()).isEqualTo(ExporterConfig.DEFAULT_COLLECTORS);
        assertThat(c.modules().get("a").timeout()).isEqualTo(Optional.empty());
        assertThat(c.modules().get("a").excludeSensorIds()).isEqualTo(Set.of());
    }
}
