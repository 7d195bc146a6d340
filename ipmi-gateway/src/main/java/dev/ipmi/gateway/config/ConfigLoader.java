package dev.ipmi.gateway.config;

import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code gateway.yaml} into a {@link GatewayConfig}. Strict: an unknown key, a duplicate
 * key or name, a bad value, a missing environment variable or secret file each stop start-up with
 * a {@link ConfigException} naming the key and the line.
 */
public final class ConfigLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;
    private final Path baseDir;

    /**
     * @param env     environment lookup ({@code System::getenv} in production)
     * @param baseDir directory against which relative secret and key store paths resolve
     */
    public ConfigLoader(Function<String, String> env, Path baseDir) {
        this.env = env;
        this.baseDir = baseDir;
    }

    /** A configuration file's text (UTF-8); one that cannot be read stops start-up naming the file. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", 0, "cannot read " + file + ": " + e.getMessage());
        }
    }

    public static GatewayConfig load(Path file) {
        String text = read(file);
        Path dir = file.toAbsolutePath().getParent();
        return new ConfigLoader(System::getenv, dir).parse(text);
    }

    public GatewayConfig parse(String yaml) {
        YamlNode root = YamlNode.parse(yaml);
        Map<String, YamlNode> top = root.map();
        known(root, Set.of("listen", "tls", "cors", "limits", "bmcs", "api_keys", "users", "sidecar"));

        String listenHost = "127.0.0.1";
        int listenPort = 8623;
        YamlNode listen = top.get("listen");
        if (listen != null) {
            String l = listen.text();
            int colon = l.lastIndexOf(':');
            if (colon <= 0) {
                throw listen.error("expected host:port, found '" + l + "'");
            }
            listenHost = l.substring(0, colon);
            if (listenHost.startsWith("[") && listenHost.endsWith("]")) {
                listenHost = listenHost.substring(1, listenHost.length() - 1);
            }
            try {
                listenPort = Integer.parseInt(l.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw listen.error("port is not a number in '" + l + "'");
            }
            if (listenPort < 0 || listenPort > 65535) {
                throw listen.error("port must be 0..65535, found " + listenPort);
            }
        }

        Optional<GatewayConfig.Tls> tls = Optional.empty();
        YamlNode tlsNode = top.get("tls");
        if (tlsNode != null) {
            known(tlsNode, Set.of("keystore", "password_env", "password_file"));
            YamlNode ks = required(tlsNode, "keystore");
            Path ksPath = baseDir.resolve(ks.text());
            if (!Files.isReadable(ksPath)) {
                throw ks.error("key store " + ksPath + " does not exist or is not readable");
            }
            tls = Optional.of(new GatewayConfig.Tls(ksPath.toString(), secret(tlsNode, "password_env", "password_file", true)));
        }

        List<String> cors = new ArrayList<>();
        YamlNode corsNode = top.get("cors");
        if (corsNode != null) {
            known(corsNode, Set.of("origins"));
            YamlNode origins = corsNode.map().get("origins");
            if (origins != null) {
                for (YamlNode o : origins.list()) {
                    String origin = o.text();
                    if (!origin.matches("https?://[^/\\s]+")) {
                        throw o.error("an origin is scheme://host[:port] without a path, found '" + origin + "'");
                    }
                    cors.add(origin);
                }
            }
        }

        GatewayConfig.Limits limits = limits(top.get("limits"));
        List<GatewayConfig.Bmc> bmcs = new ArrayList<>();
        YamlNode bmcsNode = top.get("bmcs");
        if (bmcsNode != null) {
            Set<String> names = new HashSet<>();
            for (YamlNode b : bmcsNode.list()) {
                GatewayConfig.Bmc bmc = bmc(b);
                if (!names.add(bmc.name())) {
                    throw b.map().get("name").error("duplicate BMC name '" + bmc.name() + "'");
                }
                bmcs.add(bmc);
            }
        }

        List<GatewayConfig.ApiKey> keys = new ArrayList<>();
        YamlNode keysNode = top.get("api_keys");
        if (keysNode != null) {
            Set<String> names = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (YamlNode k : keysNode.list()) {
                known(k, Set.of("name", "sha256", "role", "bmcs", "commands"));
                String name = name(required(k, "name"));
                if (!names.add(name)) {
                    throw k.map().get("name").error("duplicate API key name '" + name + "'");
                }
                YamlNode sha = required(k, "sha256");
                if (!HEX64.matcher(sha.text()).matches()) {
                    throw sha.error("expected 64 hex digits (the SHA-256 that hash-key prints)");
                }
                if (!hashes.add(sha.text().toLowerCase())) {
                    throw sha.error("the same key is configured twice");
                }
                Role role = role(required(k, "role"));
                keys.add(new GatewayConfig.ApiKey(name, sha.text().toLowerCase(), role, globs(k), commands(k, role, "key")));
            }
        }

        List<GatewayConfig.User> users = new ArrayList<>();
        YamlNode usersNode = top.get("users");
        if (usersNode != null) {
            Set<String> names = new HashSet<>();
            for (YamlNode u : usersNode.list()) {
                known(u, Set.of("name", "password_hash", "role", "bmcs", "commands"));
                String name = name(required(u, "name"));
                if (!names.add(name)) {
                    throw u.map().get("name").error("duplicate user name '" + name + "'");
                }
                YamlNode hash = required(u, "password_hash");
                try {
                    PasswordHash.parse(hash.text());
                } catch (IllegalArgumentException e) {
                    throw hash.error(e.getMessage());
                }
                Role role = role(required(u, "role"));
                users.add(new GatewayConfig.User(name, hash.text(), role, globs(u), commands(u, role, "user")));
            }
        }

        Optional<String> sidecarBmc = Optional.empty();
        YamlNode sidecarNode = top.get("sidecar");
        if (sidecarNode != null) {
            known(sidecarNode, Set.of("bmc"));
            YamlNode b = required(sidecarNode, "bmc");
            String name = b.text();
            if (bmcs.stream().noneMatch(x -> x.name().equals(name))) {
                throw b.error("no BMC named '" + name + "' in bmcs (known: "
                        + String.join(", ", bmcs.stream().map(GatewayConfig.Bmc::name).toList()) + ")");
            }
            sidecarBmc = Optional.of(name);
        }
        return new GatewayConfig(listenHost, listenPort, tls, cors, limits, bmcs, keys, users, sidecarBmc);
    }

    /**
     * The {@code commands:} allow-list of a key or user: every command when absent; an unknown name,
     * a command the role does not allow (a promise the gateway would not keep) or an empty list stop
     * start-up.
     */
    private static Set<Command> commands(YamlNode parent, Role role, String kind) {
        YamlNode c = parent.map().get("commands");
        if (c == null) {
            return Command.all();
        }
        Set<Command> out = EnumSet.noneOf(Command.class);
        for (YamlNode x : c.list()) {
            String id = x.text();
            Command cmd = Command.parse(id).orElseThrow(() -> x.error("unknown command '" + id + "' (known: " + Command.ids() + ")"));
            if (!role.allows(cmd.role())) {
                throw x.error("command '" + id + "' needs the " + cmd.role().id() + " role; this " + kind + " is " + role.id());
            }
            if (!out.add(cmd)) {
                throw x.error("command '" + id + "' is listed twice");
            }
        }
        if (out.isEmpty()) {
            throw c.error("an empty list would allow no command; leave the key out to allow all the role allows");
        }
        return out;
    }

    private GatewayConfig.Limits limits(YamlNode node) {
        GatewayConfig.Limits d = GatewayConfig.Limits.defaults();
        if (node == null) {
            return d;
        }
        known(node, Set.of("max_body_bytes", "token_ttl_seconds", "login_failures", "login_lockout_seconds",
                "power_wait_seconds", "bmc_timeout_ms", "bmc_retries", "console_buffer_bytes"));
        Map<String, YamlNode> m = node.map();
        return new GatewayConfig.Limits(
                num(m, "max_body_bytes", 256, 16L * 1024 * 1024, d.maxBodyBytes()),
                Duration.ofSeconds(num(m, "token_ttl_seconds", 10, 7 * 24 * 3600, d.tokenTtl().toSeconds())),
                (int) num(m, "login_failures", 1, 1000, d.loginFailures()),
                Duration.ofSeconds(num(m, "login_lockout_seconds", 1, 24 * 3600, d.loginLockout().toSeconds())),
                Duration.ofSeconds(num(m, "power_wait_seconds", 1, 3600, d.powerWait().toSeconds())),
                Duration.ofMillis(num(m, "bmc_timeout_ms", 50, 60_000, d.bmcTimeout().toMillis())),
                (int) num(m, "bmc_retries", 0, 20, d.bmcRetries()),
                (int) num(m, "console_buffer_bytes", 4096, 64L * 1024 * 1024, d.consoleBufferBytes()));
    }

    private static long num(Map<String, YamlNode> m, String key, long min, long max, long dflt) {
        YamlNode n = m.get(key);
        return n == null ? dflt : n.number(min, max);
    }

    private GatewayConfig.Bmc bmc(YamlNode b) {
        known(b, Set.of("name", "host", "port", "username", "password_env", "password_file", "cipher_suite", "labels"));
        String name = name(required(b, "name"));
        String host = required(b, "host").text();
        if (host.isBlank()) {
            throw b.map().get("host").error("must not be empty");
        }
        Map<String, YamlNode> m = b.map();
        int port = m.containsKey("port") ? (int) m.get("port").number(1, 65535) : 623;
        String user = m.containsKey("username") ? m.get("username").text() : "";
        if (user.length() > 16) {
            throw m.get("username").error("an IPMI user name has at most 16 characters");
        }
        char[] password = secret(b, "password_env", "password_file", false);
        int suite = -1;
        YamlNode cs = m.get("cipher_suite");
        if (cs != null && !"auto".equals(cs.value())) {
            suite = (int) cs.number(0, 17);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        YamlNode l = m.get("labels");
        if (l != null) {
            for (Map.Entry<String, YamlNode> e : l.map().entrySet()) {
                labels.put(e.getKey(), e.getValue().text());
            }
        }
        return new GatewayConfig.Bmc(name, host, port, user, password, suite, labels);
    }

    /** The secret named by an {@code *_env} or {@code *_file} key; exactly one of them unless optional. */
    private char[] secret(YamlNode parent, String envKey, String fileKey, boolean required) {
        Map<String, YamlNode> m = parent.map();
        YamlNode e = m.get(envKey);
        YamlNode f = m.get(fileKey);
        if (e != null && f != null) {
            throw f.error("give " + envKey + " or " + fileKey + ", not both");
        }
        if (e != null) {
            String var = e.text();
            if (!ENV.matcher(var).matches()) {
                throw e.error("'" + var + "' is not an environment variable name");
            }
            String v = env.apply(var);
            if (v == null) {
                throw e.error("environment variable " + var + " is not set");
            }
            return v.toCharArray();
        }
        if (f != null) {
            Path p = baseDir.resolve(f.text());
            try {
                String v = Files.readString(p, StandardCharsets.UTF_8);
                // secret files written with echo end in a newline that is not part of the secret
                return v.strip().toCharArray();
            } catch (IOException x) {
                throw f.error("cannot read secret file " + p + " (" + x.getClass().getSimpleName() + ")");
            }
        }
        if (required) {
            throw parent.error("needs " + envKey + " or " + fileKey);
        }
        throw parent.error("needs " + envKey + " or " + fileKey + " (passwords are never written in the file)");
    }

    private static Role role(YamlNode n) {
        return Role.parse(n.text()).orElseThrow(() -> n.error("expected viewer, operator or admin, found '" + n.value() + "'"));
    }

    private static List<String> globs(YamlNode parent) {
        YamlNode g = parent.map().get("bmcs");
        if (g == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode x : g.list()) {
            String s = x.text();
            if (s.isEmpty()) {
                throw x.error("an empty glob matches nothing");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw g.error("an empty list would allow no BMC; leave the key out to allow all");
        }
        return out;
    }

    private static String name(YamlNode n) {
        String s = n.text();
        if (!NAME.matcher(s).matches()) {
            throw n.error("a name is 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit; found '" + s + "'");
        }
        return s;
    }

    private static YamlNode required(YamlNode parent, String key) {
        YamlNode n = parent.map().get(key);
        if (n == null || n.value() == null) {
            String path = parent.path().isEmpty() ? key : parent.path() + "." + key;
            throw new ConfigException(path, parent.line(), "required key is missing");
        }
        return n;
    }

    private static void known(YamlNode node, Set<String> keys) {
        Map<String, YamlNode> m = node.map();
        Map<String, YamlNode> unknown = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!keys.contains(e.getKey())) {
                unknown.put(e.getKey(), e.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            Map.Entry<String, YamlNode> first = unknown.entrySet().stream()
                    .min((a, b) -> Integer.compare(a.getValue().line(), b.getValue().line())).orElseThrow();
            throw new ConfigException(first.getValue().path(), first.getValue().line(),
                    "unknown key (known here: " + String.join(", ", keys.stream().sorted().toList()) + ")");
        }
    }
}
