package dev.ipmi.examples.cli;

import static dev.ipmi.examples.cli.CliRun.ipmi;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The picocli-free path of the frequent one-shot commands reads a line exactly as the picocli path does, or leaves it alone. */
class OneShotTest {

    /** Every option field of {@code o}, as text (arrays by content). */
    private static List<String> fields(ConnectionOptions o) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : ConnectionOptions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getAnnotation(CommandLine.Option.class) == null) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(o);
            String text;
            if (v instanceof char[] c) {
                text = Arrays.toString(c);
            } else if (v instanceof boolean[] b) {
                text = Arrays.toString(b);
            } else {
                text = String.valueOf(v);
            }
            out.add(f.getName() + "=" + text);
        }
        return out;
    }

    private static void sameAsPicocli(String... args) throws IllegalAccessException {
        ConnectionOptions fast = new ConnectionOptions();
        List<String> words = OneShot.parse(args, fast);
        assertThat(words).as("handled: %s", List.of(args)).isNotNull();
        assertThat(OneShot.form(words)).as("form of %s", words).isNotNull();
        assertThat(fields(fast)).as("options of %s", List.of(args))
                .containsExactlyElementsOf(fields(IpmiCli.parse(args).connection));
    }

    @Test
    void plainLinesReadAsPicocliReadsThem() throws IllegalAccessException {
        sameAsPicocli("-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p", "9623", "-U", "admin", "-P", "pw",
                "power", "status");
        sameAsPicocli("power", "status", "-H", "bmc", "-U", "u", "-E", "--json");
        sameAsPicocli("-Hbmc", "-p623", "-vvv", "chassis", "power", "on", "-v");
        sameAsPicocli("-I", "lan", "-A", "MD5", "-L", "OPERATOR", "-R", "2", "-N", "1.5", "-H", "h", "mc", "info");
        sameAsPicocli("-I", "lanplus", "-H", "h", "-y", "0x0102", "-K", "-t", "0x2c", "-b", "7", "chassis", "status");
        sameAsPicocli("-H", "h", "-T", "0x82", "-B", "0", "-t", "0x72", "-b", "7", "-f", "/tmp/pw", "-k", "key",
                "--allow-cipher-zero", "--allow-insecure-auth", "--sdr-cache=/tmp/c", "-EY", "power", "off");
        sameAsPicocli("-H", "h", "--sdr-cache", "/tmp/c", "power", "cycle", "-C", "17");
        for (String[] command : new String[][] {{"mc", "guid"}, {"mc", "selftest"}, {"sensor", "list"},
            {"sdr", "list"}, {"sdr", "list", "all"}, {"sdr", "elist", "full"}, {"sdr", "elist"}, {"sdr", "info"},
            {"sel", "info"}, {"sel", "list"}, {"sel", "elist"}}) {
            List<String> line = new ArrayList<>(List.of("-I", "lanplus", "-H", "h", "--json"));
            line.addAll(List.of(command));
            sameAsPicocli(line.toArray(String[]::new));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        String[][] lines = {
            {"-H", "h", "--", "power", "status"},
            {"-H", "h", "-Q", "power", "status"},
            {"-H", "h", "-H", "g", "power", "status"},
            {"-vH", "h", "power", "status"},
            {"-H", "h", "-p", "0623", "power", "status"},
            {"-H", "h", "-p", "x", "power", "status"},
            {"-H", "h", "-P", "-x", "power", "status"},
            {"-H", "h", "-t", "zz", "power", "status"},
            {"-H", "h", "-N", "-1", "power", "status"},
            {"-H", "h", "--json=yes", "power", "status"},
            {"-H", "h", "--nope", "power", "status"},
            {"-H", "h", "power", "status", "-h"},
            {"-H"},
            {"--version"},
        };
        for (String[] line : lines) {
            assertThat(OneShot.parse(line, new ConnectionOptions())).as("%s", List.of(line)).isNull();
        }
        String[][] otherCommands = {
            {"power"},
            {"power", "status", "extra"},
            {"chassis", "power"},
            {"chassis", "bootdev", "pxe"},
            {"mc", "reset", "cold"},
            {"sel", "list", "last", "5"},
            {"sel", "get", "1"},
            {"sdr", "list", "all", "extra"},
            {"sdr", "type", "list"},
            {"sensor", "get", "CPU Temp"},
            {"sensor"},
            {"help"},
            {},
        };
        for (String[] line : otherCommands) {
            List<String> words = OneShot.parse(line, new ConnectionOptions());
            assertThat(words).as("%s", List.of(line)).isNotNull();
            assertThat(OneShot.form(words)).as("%s", List.of(line)).isNull();
        }
    }

    @Test
    void everyOptionItReadsIsAGlobalOptionOfTheSameArity() {
        CommandSpec root = new CommandLine(new IpmiCli()).getCommandSpec();
        for (char c : "IHpUPfALRNCkytbTB".toCharArray()) {
            OptionSpec o = root.findOption(c);
            assertThat(o).as("-%s", c).isNotNull();
            assertThat(o.arity().min()).as("-%s takes a value", c).isEqualTo(1);
        }
        for (char c : "vEKY".toCharArray()) {
            OptionSpec o = root.findOption(c);
            assertThat(o).as("-%s", c).isNotNull();
            assertThat(o.arity().min()).as("-%s is a flag", c).isZero();
        }
        for (String name : List.of("--json", "--allow-cipher-zero", "--allow-insecure-auth")) {
            assertThat(root.findOption(name).arity().min()).as(name).isZero();
        }
        assertThat(root.findOption("--sdr-cache").arity().min()).isEqualTo(1);
    }

    @Test
    void anErrorReadsAndExitsAsOnThePicocliPath() {
        // "--" sends the same line through picocli
        CliRun fast = ipmi("-H", "h", "power", "bogus");
        CliRun picocli = ipmi("-H", "h", "--", "power", "bogus");
        assertThat(fast).isEqualTo(picocli);
        assertThat(fast.rc()).isEqualTo(1);
        assertThat(fast.err()).isEqualTo("chassis power Commands: status, on, off, cycle, reset, diag, soft"
                + System.lineSeparator());
        CliRun noHost = ipmi("chassis", "status");
        assertThat(noHost).isEqualTo(ipmi("--", "chassis", "status"));
        assertThat(noHost.err()).startsWith("no host given");
    }
}
