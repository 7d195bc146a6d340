package dev.ipmi.examples.cli;

import static dev.ipmi.examples.cli.CliRun.ipmi;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** ipmitool's (GNU getopt's) argument rules, the lazily built model and the JSON helpers, without a BMC. */
class CliArgumentsTest {
    private static String[] reordered(String... args) {
        CommandLine cl = IpmiCli.prepare(new IpmiCli(), args, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        return IpmiCli.reordered(cl, args);
    }

    @Test
    void globalOptionsAnywhereBeforeTheDoubleDashMoveInFrontOfTheCommand() {
        assertThat(reordered("-I", "lanplus", "power", "status", "-H", "bmc", "-U", "u", "-P", "p"))
                .containsExactly("-I", "lanplus", "-H", "bmc", "-U", "u", "-P", "p", "power", "status");
        assertThat(reordered("power", "-Hbmc", "status", "--json"))
                .containsExactly("-Hbmc", "--json", "power", "status");
        assertThat(reordered("raw", "0x06", "0x01", "--", "-H")).containsExactly("raw", "0x06", "0x01", "-H");
        // "-I lan" is an option value, not the lan command
        assertThat(reordered("-I", "lan", "lan", "print", "1", "-p", "9623"))
                .containsExactly("-I", "lan", "-p", "9623", "lan", "print", "1");
    }

    @Test
    void negativeNumbersAreParametersNotOptions() {
        assertThat(reordered("sensor", "thresh", "X", "lnr", "-5", "-H", "h"))
                .containsExactly("-H", "h", "sensor", "thresh", "X", "lnr", "-5");
    }

    @Test
    void aCommandsOwnOptionStaysWithIt() {
        // virtual-bmc has its own -k; it must not become the global K_G
        assertThat(reordered("virtual-bmc", "-k", "secret", "--port", "0"))
                .containsExactly("virtual-bmc", "-k", "secret", "--port", "0");
        assertThat(reordered("-I", "lanplus", "sol", "activate", "--force-takeover", "-H", "h"))
                .containsExactly("-I", "lanplus", "-H", "h", "sol", "activate", "--force-takeover");
    }

    @Test
    void verboseRepeatsAndClustersAsInGetopt() {
        assertThat(IpmiCli.parse("-vvv", "power", "status").connection.verbosity()).isEqualTo(3);
        assertThat(IpmiCli.parse("-v", "power", "status", "-v").connection.verbosity()).isEqualTo(2);
        IpmiCli c = IpmiCli.parse("-vH", "bmc", "power", "status");
        assertThat(c.connection.verbosity()).isEqualTo(1);
        assertThat(c.connection.host).isEqualTo("bmc");
    }

    @Test
    void unknownOptionsGetGetoptsMessage() {
        CliRun r = ipmi("-Q", "power", "status");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).hasValue("ipmi: invalid option -- 'Q'");
        assertThat(ipmi("power", "status", "-vQ").err()).startsWith("ipmi: invalid option -- 'Q'");
        assertThat(ipmi("power", "status", "--nope").err()).startsWith("ipmi: unrecognized option '--nope'");
        assertThat(ipmi("power", "status", "-H").err()).startsWith("ipmi: option requires an argument -- 'H'");
        assertThat(r.out()).isEmpty();
        assertThat(ipmi("-Q").err()).startsWith("ipmi: invalid option -- 'Q'");
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        CommandLine cl = IpmiCli.prepare(new IpmiCli(), new String[] {"-H", "h", "power", "status"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(cl.getSubcommands().keySet()).containsExactly("power");
        CommandLine none = IpmiCli.prepare(new IpmiCli(), new String[] {"--version"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(none.getSubcommands()).isEmpty();
    }

    @Test
    void versionAndHelpNeedNoCommandModel() {
        CliRun v = ipmi("--version");
        assertThat(v.rc()).isZero();
        assertThat(v.out()).startsWith("ipmi-java ");
        CliRun h = ipmi("--help");
        assertThat(h.rc()).isZero();
        assertThat(h.out()).contains("Commands:", "  sensor ", "  exec ", "  shell ", "-K", "-Y", "-f=file");
        assertThat(ipmi("help").out()).isEqualTo(h.out());
    }

    @Test
    void commandsWithoutAJsonFormSaySoAndFail() {
        for (String[] args : new String[][] {{"--json", "demo"}, {"--json", "virtual-bmc"},
            {"-I", "lanplus", "-H", "127.0.0.1", "--json", "sol", "activate"},
            {"--json", "sensor", "thresh", "CPU Temp", "unc", "85"}, {"--json", "sel", "add", "/nonexistent"}}) {
            CliRun r = ipmi(args);
            assertThat(r.rc()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).contains("has no JSON form");
        }
    }

    @Test
    void passwordFileMissingIsNamed() {
        CliRun r = ipmi("-H", "127.0.0.1", "-f", "/nonexistent/pw", "power", "status");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Unable to read password from file /nonexistent/pw");
    }

    @Test
    void kgFromAnEmptyEnvironmentIsRefused() {
        ConnectionOptions.environment = name -> null;
        try {
            CliRun r = ipmi("-I", "lanplus", "-H", "127.0.0.1", "-K", "power", "status");
            assertThat(r.rc()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("Unable to read kgkey from environment");
        } finally {
            ConnectionOptions.environment = System::getenv;
        }
    }

    @Test
    void execLinesAreSplitLikeIpmitool() {
        assertThat(ExecCommand.split("  sensor get \"CPU Temp\" 'Inlet Temp'  ")).containsExactly("sensor", "get",
                "CPU Temp", "Inlet Temp");
        assertThat(ExecCommand.split("")).isEmpty();
    }

    @Test
    void jsonHelpersTurnIpmitoolTextIntoStrictJson() {
        Map<String, Object> row = Json.columns("CPU Temp         | 45.000     | degrees C  | ok    | na        | na ",
                SensorCommand.LIST_KEYS);
        assertThat(row).containsEntry("name", "CPU Temp").containsEntry("value", 45.0)
                .containsEntry("unit", "degrees C").containsEntry("lnr", null);
        assertThat(Json.fields(java.util.List.of("Sensor ID              : CPU Temp (0x1)", " Entity ID : 3.1")))
                .containsEntry("sensorId", "CPU Temp (0x1)").containsEntry("entityId", "3.1");
        assertThat(Json.write(Map.of("x", Double.NaN))).isEqualTo("{\"x\":null}");
        assertThat(StrictJson.parse(Json.write(Map.of("x", Double.NaN)))).isEqualTo(java.util.Collections.singletonMap("x", null));
    }
}
