package dev.ipmi.bmc;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A virtual-BMC configuration file: many BMCs for one process, each with its name, address and
 * port, users, cipher suites, quirks and backend (simulated, or command templates standing in for
 * a hypervisor, as OpenStack VirtualBMC drives libvirt).
 *
 * <pre>{@code
 * bmcs:
 *   - name: vm1
 *     address: 127.0.0.1
 *     port: 6231
 *     users:
 *       - {name: admin, password: secret, privilege: administrator}
 *     cipher-suites: [3, 17]
 *     quirks: [opensesspriv]
 *     backend:
 *       type: commands
 *       power:
 *         on: virsh start {name}
 *         off: virsh destroy {name}
 *         status: virsh domstate {name}
 *       boot-device: set-boot {name} {device} {persistent}
 *       console: unix:/run/vm1-serial.sock
 * }</pre>
 *
 * A top-level {@code admin-socket: PATH} names the Unix-domain socket of the running process's admin
 * commands ({@link VirtualBmcAdmin}).
 *
 * <p>Parsing is strict: an unknown key, a missing required key or a bad value fails with the key's path
 * ({@code bmcs[1].backend.power.of: unknown key}); passwords never appear in messages.
 */
public record VirtualBmcConfig(List<Bmc> bmcs, Optional<java.nio.file.Path> adminSocket) {
    public VirtualBmcConfig {
        bmcs = List.copyOf(bmcs);
        Objects.requireNonNull(adminSocket, "adminSocket");
    }

    public VirtualBmcConfig(List<Bmc> bmcs) {
        this(bmcs, Optional.empty());
    }

    /** One BMC of the file. */
    public record Bmc(String name, InetAddress address, int port, List<User> users, List<CipherSuite> cipherSuites,
                      Set<AuthType> authTypes, Set<BmcQuirk> quirks, int sessionLimit, Backend backend) {
        public Bmc {
            users = List.copyOf(users);
            cipherSuites = List.copyOf(cipherSuites);
            authTypes = Set.copyOf(authTypes);
            quirks = Set.copyOf(quirks);
        }
    }

    /** A user; {@code toString()} leaves the password out. */
    public record User(String name, String password, PrivilegeLevel privilege) {
        @Override
        public String toString() {
            return "User[" + name + ", " + privilege + ", password redacted]";
        }
    }

    /** Where a BMC's machine lives. */
    public sealed interface Backend permits Simulated, Commands {}

    /** The built-in simulated server ({@link InMemoryBackend}). */
    public record Simulated() implements Backend {}

    /**
     * Command templates ({@link TemplateBackend}).
     *
     * @param power       template per power action
     * @param status      power status template, if any
     * @param bootDevice  boot-device template, if any
     * @param bootDevices boot devices offered
     * @param console     {@code tcp:HOST:PORT} or {@code unix:PATH} of the serial port behind SOL, if any
     * @param replyWait   how long an action's reply waits for its command
     */
    public record Commands(Map<PowerAction, String> power, Optional<String> status, Optional<String> bootDevice,
                           Set<BootDevice> bootDevices, Optional<String> console, Duration replyWait)
            implements Backend {
        public Commands {
            power = Map.copyOf(power);
            bootDevices = Set.copyOf(bootDevices);
        }
    }

    /**
     * YAML 1.2 booleans: only true and false. YAML 1.1 (SnakeYAML's default) also reads on, off, yes and no
     * as booleans, which would turn the power keys {@code on:} and {@code off:} into true and false.
     */
    private static final class Yaml12Booleans extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final Map<String, PowerAction> POWER_KEYS = new LinkedHashMap<>();

    static {
        POWER_KEYS.put("on", PowerAction.POWER_UP);
        POWER_KEYS.put("off", PowerAction.POWER_DOWN);
        POWER_KEYS.put("cycle", PowerAction.POWER_CYCLE);
        POWER_KEYS.put("reset", PowerAction.HARD_RESET);
        POWER_KEYS.put("soft", PowerAction.SOFT_SHUTDOWN);
        POWER_KEYS.put("diag", PowerAction.DIAGNOSTIC_INTERRUPT);
    }

    /**
     * Parses a configuration file's text.
     *
     * @throws IllegalArgumentException naming the key (path) that is wrong
     */
    public static VirtualBmcConfig parse(String yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            DumperOptions dumper = new DumperOptions();
            root = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                    new Yaml12Booleans()).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + firstLine(e.getMessage()));
        }
        Map<String, Object> top = map(root == null ? Map.of() : root, "(top level)");
        known(top, "(top level)", "bmcs", "admin-socket");
        List<Object> list = list(require(top, "bmcs", "(top level)"), "bmcs");
        List<Bmc> bmcs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "bmcs[" + i + "]";
            Bmc b = bmc(map(list.get(i), at), at);
            if (!names.add(b.name())) {
                throw new IllegalArgumentException(at + ".name: '" + b.name() + "' is used twice");
            }
            if (!endpoints.add(b.address().getHostAddress() + ":" + b.port())) {
                throw new IllegalArgumentException(at + ".port: " + b.address().getHostAddress() + ":" + b.port()
                        + " is used twice");
            }
            bmcs.add(b);
        }
        Optional<java.nio.file.Path> admin = Optional.empty();
        if (top.containsKey("admin-socket")) {
            String path = string(top.get("admin-socket"), "admin-socket");
            try {
                admin = Optional.of(java.nio.file.Path.of(path));
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("admin-socket: not a path: '" + path + "'");
            }
        }
        return new VirtualBmcConfig(bmcs, admin);
    }

    private static Bmc bmc(Map<String, Object> m, String at) {
        known(m, at, "name", "address", "port", "users", "cipher-suites", "auth-types", "quirks", "session-limit",
                "backend");
        String name = string(require(m, "name", at), at + ".name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(at + ".name: '" + name
                    + "' must be 1-64 letters, digits, '.', '_' or '-' (it is passed to commands as {name})");
        }
        InetAddress address;
        String a = m.containsKey("address") ? string(m.get("address"), at + ".address") : "127.0.0.1";
        try {
            address = InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(at + ".address: cannot resolve '" + a + "'");
        }
        int port = integer(require(m, "port", at), at + ".port", 0, 0xFFFF);
        List<User> users = new ArrayList<>();
        List<Object> us = list(require(m, "users", at), at + ".users");
        if (us.isEmpty()) {
            throw new IllegalArgumentException(at + ".users: at least one user is needed");
        }
        for (int i = 0; i < us.size(); i++) {
            String uat = at + ".users[" + i + "]";
            Map<String, Object> u = map(us.get(i), uat);
            known(u, uat, "name", "password", "privilege");
            String priv = u.containsKey("privilege") ? string(u.get("privilege"), uat + ".privilege") : "administrator";
            PrivilegeLevel level;
            try {
                level = PrivilegeLevel.parse(priv);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(uat + ".privilege: " + e.getMessage());
            }
            Object pw = require(u, "password", uat);
            if (!(pw instanceof String || pw instanceof Number)) {
                throw new IllegalArgumentException(uat + ".password: expected text");
            }
            String password = String.valueOf(pw);
            if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 20) {
                throw new IllegalArgumentException(uat + ".password: at most 20 bytes");
            }
            users.add(new User(string(require(u, "name", uat), uat + ".name"), password, level));
        }
        List<CipherSuite> suites = new ArrayList<>();
        if (m.containsKey("cipher-suites")) {
            List<Object> cs = list(m.get("cipher-suites"), at + ".cipher-suites");
            for (int i = 0; i < cs.size(); i++) {
                int id = integer(cs.get(i), at + ".cipher-suites[" + i + "]", 0, 255);
                try {
                    suites.add(CipherSuite.of(id));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".cipher-suites[" + i + "]: " + e.getMessage());
                }
            }
        } else {
            suites.addAll(List.of(CipherSuite.SUITE_3, CipherSuite.SUITE_17));
        }
        Set<AuthType> authTypes = new LinkedHashSet<>();
        if (m.containsKey("auth-types")) {
            List<Object> ts = list(m.get("auth-types"), at + ".auth-types");
            for (int i = 0; i < ts.size(); i++) {
                String t = string(ts.get(i), at + ".auth-types[" + i + "]");
                try {
                    authTypes.add(AuthType.parse(t.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".auth-types[" + i + "]: " + e.getMessage());
                }
            }
        } else {
            authTypes.addAll(List.of(AuthType.MD5, AuthType.PASSWORD));
        }
        Set<BmcQuirk> quirks = new LinkedHashSet<>();
        if (m.containsKey("quirks")) {
            List<Object> qs = list(m.get("quirks"), at + ".quirks");
            for (int i = 0; i < qs.size(); i++) {
                try {
                    quirks.add(BmcQuirk.parse(string(qs.get(i), at + ".quirks[" + i + "]")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".quirks[" + i + "]: " + e.getMessage());
                }
            }
        }
        int sessionLimit = m.containsKey("session-limit")
                ? integer(m.get("session-limit"), at + ".session-limit", 1, 0xFFFF) : 8;
        Backend backend = m.containsKey("backend") ? backend(map(m.get("backend"), at + ".backend"), at + ".backend")
                : new Simulated();
        return new Bmc(name, address, port, users, suites, authTypes, quirks, sessionLimit, backend);
    }

    private static Backend backend(Map<String, Object> m, String at) {
        String type = m.containsKey("type") ? string(m.get("type"), at + ".type") : "simulated";
        if (type.equals("simulated")) {
            known(m, at, "type");
            return new Simulated();
        }
        if (!type.equals("commands")) {
            throw new IllegalArgumentException(at + ".type: '" + type + "' (expected simulated or commands)");
        }
        known(m, at, "type", "power", "boot-device", "boot-devices", "console", "wait-ms");
        Map<PowerAction, String> power = new LinkedHashMap<>();
        Optional<String> status = Optional.empty();
        if (m.containsKey("power")) {
            Map<String, Object> p = map(m.get("power"), at + ".power");
            List<String> keys = new ArrayList<>(POWER_KEYS.keySet());
            keys.add("status");
            known(p, at + ".power", keys.toArray(String[]::new));
            for (var e : p.entrySet()) {
                String key = at + ".power." + e.getKey();
                String template = string(e.getValue(), key);
                checkTemplate(template, TemplateBackend.POWER_PLACEHOLDERS, key);
                if (e.getKey().equals("status")) {
                    status = Optional.of(template);
                } else {
                    power.put(POWER_KEYS.get(e.getKey()), template);
                }
            }
        }
        Optional<String> boot = Optional.empty();
        if (m.containsKey("boot-device")) {
            String template = string(m.get("boot-device"), at + ".boot-device");
            checkTemplate(template, TemplateBackend.BOOT_PLACEHOLDERS, at + ".boot-device");
            boot = Optional.of(template);
        }
        Set<BootDevice> devices = new LinkedHashSet<>(List.of(BootDevice.PXE, BootDevice.DISK, BootDevice.CDROM));
        if (m.containsKey("boot-devices")) {
            devices.clear();
            List<Object> ds = list(m.get("boot-devices"), at + ".boot-devices");
            for (int i = 0; i < ds.size(); i++) {
                try {
                    devices.add(BootDevice.parseIpmitool(string(ds.get(i), at + ".boot-devices[" + i + "]")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".boot-devices[" + i + "]: " + e.getMessage());
                }
            }
        }
        Optional<String> console = Optional.empty();
        if (m.containsKey("console")) {
            String c = string(m.get("console"), at + ".console");
            try {
                SocketConsole.parse(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".console: " + e.getMessage());
            }
            console = Optional.of(c);
        }
        Duration replyWait = Duration.ofMillis(m.containsKey("wait-ms")
                ? integer(m.get("wait-ms"), at + ".wait-ms", 0, 60_000) : 1000);
        return new Commands(power, status, boot, devices, console, replyWait);
    }

    private static void checkTemplate(String template, Set<String> placeholders, String at) {
        try {
            CommandTemplate.parse(template, placeholders);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String at) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(at + ": expected a mapping of keys to values");
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException(at + ": key " + k + " is not text");
            }
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String at) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(at + ": expected a list");
        }
        return (List<Object>) l;
    }

    private static Object require(Map<String, Object> m, String key, String at) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(at + "." + key + ": required");
        }
        return v;
    }

    private static void known(Map<String, Object> m, String at, String... keys) {
        Set<String> k = Set.of(keys);
        for (String key : m.keySet()) {
            if (!k.contains(key)) {
                throw new IllegalArgumentException(at + "." + key + ": unknown key (known: "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    private static String string(Object o, String at) {
        if (o instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(at + ": expected text, got " + (o == null ? "nothing" : describe(o)));
    }

    private static int integer(Object o, String at, int min, int max) {
        if (o instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        throw new IllegalArgumentException(at + ": expected a whole number " + min + ".." + max + ", got "
                + describe(o));
    }

    private static String describe(Object o) {
        return o instanceof String s ? "'" + s + "'" : String.valueOf(o);
    }
}
