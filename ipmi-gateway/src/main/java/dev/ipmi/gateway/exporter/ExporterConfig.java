package dev.ipmi.gateway.exporter;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporter's modules, read from an ipmi_exporter {@code ipmi_remote.yml}: the same keys with
 * the same meaning, so an existing file works unchanged. Unknown keys stop start-up with the key
 * and the line, as ipmi_exporter refuses them too.
 */
public record ExporterConfig(Map<String, Module> modules) {
    private static final Logger LOG = LoggerFactory.getLogger(ExporterConfig.class);

    /** ipmi_exporter's default collectors when a module names none. */
    public static final List<Collector> DEFAULT_COLLECTORS =
            List.of(Collector.IPMI, Collector.DCMI, Collector.BMC, Collector.CHASSIS);

    private static final Set<String> MODULE_KEYS = Set.of("user", "pass", "privilege", "driver", "timeout",
            "collectors", "exclude_sensor_ids", "workaround_flags", "collector_cmd", "default_args", "custom_args",
            "cipher_suite", "sel_events");

    public ExporterConfig {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** No file: only the built-in default module (no credentials; BMC names from the gateway bring their own). */
    public static ExporterConfig empty() {
        return new ExporterConfig(Map.of());
    }

    public static ExporterConfig load(Path file) {
        String text = ConfigLoader.read(file);
        return parse(text);
    }

    public static ExporterConfig parse(String yaml) {
        YamlNode root = YamlNode.parse(yaml);
        if (root.value() == null) {
            return empty();
        }
        Map<String, YamlNode> top = root.map();
        for (Map.Entry<String, YamlNode> e : top.entrySet()) {
            if (!e.getKey().equals("modules")) {
                throw e.getValue().error("unknown key (an ipmi_exporter file has only 'modules')");
            }
        }
        Map<String, Module> modules = new LinkedHashMap<>();
        YamlNode m = top.get("modules");
        if (m != null && m.value() != null) {
            for (Map.Entry<String, YamlNode> e : m.map().entrySet()) {
                modules.put(e.getKey(), module(e.getKey(), e.getValue()));
            }
        }
        return new ExporterConfig(modules);
    }

    /**
     * The module for a scrape, as ipmi_exporter picks it: the named one, else {@code default}, else
     * the built-in defaults. Unknown names are refused earlier by {@link #has(String)}.
     */
    public Module forScrape(String name) {
        Module found = modules.get(name);
        if (found == null) {
            found = modules.get("default");
        }
        return found != null ? found : Module.defaults("default");
    }

    /** Whether a scrape may name this module ({@code default} always exists). */
    public boolean has(String name) {
        return modules.containsKey(name) || name.equals("default");
    }

    private static Module module(String name, YamlNode node) {
        if (node.value() == null) {
            return Module.defaults(name);
        }
        Map<String, YamlNode> m = node.map();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!MODULE_KEYS.contains(e.getKey())) {
                throw e.getValue().error("unknown key in module '" + name + "'");
            }
        }
        String user = m.containsKey("user") ? m.get("user").text() : "";
        char[] pass = m.containsKey("pass") ? m.get("pass").text().toCharArray() : new char[0];
        PrivilegeLevel privilege = PrivilegeLevel.OPERATOR;
        if (m.containsKey("privilege")) {
            YamlNode p = m.get("privilege");
            privilege = switch (p.text().toLowerCase(Locale.ROOT)) {
                case "user" -> PrivilegeLevel.USER;
                case "operator" -> PrivilegeLevel.OPERATOR;
                case "admin" -> PrivilegeLevel.ADMINISTRATOR;
                default -> throw p.error("expected user, operator or admin, found '" + p.text() + "'");
            };
        }
        Driver driver = Driver.LAN_2_0;
        if (m.containsKey("driver")) {
            YamlNode d = m.get("driver");
            driver = switch (d.text().toUpperCase(Locale.ROOT)) {
                case "LAN_2_0" -> Driver.LAN_2_0;
                case "LAN" -> Driver.LAN;
                case "KCS", "SSIF", "OPENIPMI", "SUNBMC", "INTELDCMI" -> throw d.error("in-band driver '" + d.text()
                        + "' is not supported: this exporter reaches BMCs over the network only (LAN or LAN_2_0)");
                default -> throw d.error("expected LAN or LAN_2_0, found '" + d.text() + "'");
            };
        }
        Optional<Duration> timeout = Optional.empty();
        if (m.containsKey("timeout")) {
            long ms = m.get("timeout").number(0, 3_600_000);
            if (ms > 0) {
                timeout = Optional.of(Duration.ofMillis(ms));
            }
        }
        List<Collector> collectors = DEFAULT_COLLECTORS;
        if (m.containsKey("collectors")) {
            List<Collector> list = new ArrayList<>();
            for (YamlNode c : m.get("collectors").list()) {
                Collector col = Collector.byName(c.text()).orElseThrow(() -> c.error(unknownCollector(c.text())));
                if (!list.contains(col)) {
                    list.add(col);
                }
            }
            collectors = List.copyOf(list);
        }
        Set<Integer> exclude = new LinkedHashSet<>();
        if (m.containsKey("exclude_sensor_ids")) {
            for (YamlNode id : m.get("exclude_sensor_ids").list()) {
                exclude.add((int) id.number(0, 0xFFFF));
            }
        }
        List<String> flags = new ArrayList<>();
        if (m.containsKey("workaround_flags")) {
            for (YamlNode f : m.get("workaround_flags").list()) {
                String flag = f.text().toLowerCase(Locale.ROOT);
                if (!WorkaroundFlags.known(flag)) {
                    throw f.error("unknown FreeIPMI workaround flag '" + f.text() + "' (known: "
                            + String.join(", ", WorkaroundFlags.names()) + ")");
                }
                flags.add(flag);
            }
        }
        for (String ignored : List.of("collector_cmd", "default_args", "custom_args")) {
            if (m.containsKey(ignored)) {
                LOG.warn("module '{}': {} (line {}) is ignored: this exporter runs no FreeIPMI commands", name,
                        ignored, m.get(ignored).line());
            }
        }
        int cipherSuite = -1;
        if (m.containsKey("cipher_suite")) {
            cipherSuite = (int) m.get("cipher_suite").number(0, 255);
        }
        List<SelEventRule> selEvents = new ArrayList<>();
        if (m.containsKey("sel_events")) {
            for (YamlNode rule : m.get("sel_events").list()) {
                selEvents.add(selEventRule(rule));
            }
        }
        return new Module(name, user, pass, privilege, driver, timeout, collectors, Set.copyOf(exclude),
                List.copyOf(flags), cipherSuite, List.copyOf(selEvents));
    }

    private static SelEventRule selEventRule(YamlNode node) {
        Map<String, YamlNode> r = node.map();
        for (Map.Entry<String, YamlNode> e : r.entrySet()) {
            if (!e.getKey().equals("name") && !e.getKey().equals("regex")) {
                throw e.getValue().error("unknown key in a sel_events entry (known: name, regex)");
            }
        }
        if (!r.containsKey("name") || r.get("name").text().isEmpty()) {
            throw node.error("a sel_events entry needs a name");
        }
        if (!r.containsKey("regex")) {
            throw node.error("a sel_events entry needs a regex");
        }
        YamlNode regex = r.get("regex");
        try {
            // ipmi_exporter's regexes are Go's RE2: its named groups (?P<n>…) are Java's (?<n>…)
            return new SelEventRule(r.get("name").text(),
                    Pattern.compile(regex.text().replace("(?P<", "(?<")));
        } catch (PatternSyntaxException e) {
            throw regex.error("not a regular expression: " + e.getDescription());
        }
    }

    /**
     * One {@code sel_events} entry of ipmi_exporter 1.7+: SEL entries whose event text the regex
     * finds (anywhere, as Go's {@code FindStringSubmatch}) are counted under {@code name}.
     */
    public record SelEventRule(String name, Pattern regex) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SelEventRule r && r.name.equals(name) && r.regex.pattern().equals(regex.pattern());
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    private static String unknownCollector(String name) {
        if (name.equals("bmc-watchdog")) {
            return "collector '" + name + "' (ipmi_exporter 1.7+) is not implemented here yet";
        }
        return "unknown collector '" + name + "' (known: bmc, ipmi, chassis, dcmi, sel, sel-events, sm-lan-mode)";
    }

    /** FreeIPMI's driver types that reach a BMC over the network. */
    public enum Driver {
        /** IPMI 1.5 LAN. */
        LAN,
        /** IPMI 2.0 RMCP+. */
        LAN_2_0
    }

    /**
     * One module.
     *
     * @param timeout     FreeIPMI's session timeout in ms, when set: here the first retransmission
     *                    timeout times the retries stays inside it, and a scrape never runs longer
     * @param cipherSuite our extension: an RMCP+ cipher suite, -1 for automatic (FreeIPMI uses 3)
     * @param selEvents   the {@code sel-events} collector's named event patterns
     */
    public record Module(String name, String user, char[] password, PrivilegeLevel privilege, Driver driver,
                         Optional<Duration> timeout, List<Collector> collectors, Set<Integer> excludeSensorIds,
                         List<String> workaroundFlags, int cipherSuite, List<SelEventRule> selEvents) {

        static Module defaults(String name) {
            return new Module(name, "", new char[0], PrivilegeLevel.OPERATOR, Driver.LAN_2_0, Optional.empty(),
                    DEFAULT_COLLECTORS, Set.of(), List.of(), -1, List.of());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Module m && m.name.equals(name) && m.user.equals(user)
                    && Arrays.equals(m.password, password) && m.privilege.equals(privilege) && m.driver == driver
                    && m.timeout.equals(timeout) && m.collectors.equals(collectors)
                    && m.excludeSensorIds.equals(excludeSensorIds) && m.workaroundFlags.equals(workaroundFlags)
                    && m.cipherSuite == cipherSuite && m.selEvents.equals(selEvents);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "Module[name=" + name + ", user=" + user + ", pass=***, privilege=" + privilege + ", driver="
                    + driver + ", timeout=" + timeout.map(Duration::toMillis).map(t -> t + "ms").orElse("default")
                    + ", collectors=" + collectors + ", exclude_sensor_ids=" + excludeSensorIds
                    + ", workaround_flags=" + workaroundFlags + ", sel_events="
                    + selEvents.stream().map(SelEventRule::name).toList() + "]";
        }
    }
}
