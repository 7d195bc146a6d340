package dev.ipmi.examples.cli;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.client.BridgingTransport;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The picocli mixin of ipmitool's global options (connection, bridging target, output) and the one
 * place where a session is opened from them: typed {@link LanOptions}/{@link LanPlusOptions} built
 * with the public builders and opened with {@link IpmiClient#connect(SessionOptions)}.
 *
 * <p>The session is opened on the first {@link #client()} and kept until {@link #close()}, so that
 * {@code exec} and {@code shell} run many commands on it. A later host list (fan-out) replaces
 * {@link #host} with several targets and calls {@link #open(String)} once per host.
 */
public final class ConnectionOptions implements AutoCloseable {

    @Option(names = "-I", paramLabel = "interface", description = "Interface: lan (IPMI 1.5) or lanplus (IPMI 2.0/RMCP+). Default: lan.")
    String iface = "lan";

    @Option(names = "-H", paramLabel = "address", description = "BMC host name or address.")
    String host;

    @Option(names = "-p", paramLabel = "port", description = "Remote RMCP port. Default: 623.")
    int port = 623;

    @Option(names = "-U", paramLabel = "username", description = "Remote session user name.")
    String user = "";

    @Option(names = "-P", paramLabel = "password",
            description = "Remote session password. Visible to every user of ps: prefer -E, -f or the prompt.")
    char[] password;

    @Option(names = "-E", description = "Read the password from IPMITOOL_PASSWORD or IPMI_PASSWORD (as ipmitool).")
    boolean passwordFromEnv;

    @Option(names = "-f", paramLabel = "file", description = "Read the password from the first line of this file.")
    Path passwordFile;

    @Option(names = "-A", paramLabel = "authtype", description = "IPMI 1.5 auth type: MD5, MD2, PASSWORD or NONE. Default: strongest offered.")
    String authType;

    @Option(names = "-L", paramLabel = "privlvl", description = "Session privilege level: USER, OPERATOR or ADMINISTRATOR. Default: ADMINISTRATOR.")
    String privilege = "ADMINISTRATOR";

    @Option(names = "-R", paramLabel = "retries", description = "Retransmissions per request. Default: 4.")
    Integer retries;

    @Option(names = "-N", paramLabel = "seconds", description = "First retransmission timeout in seconds. Default: 1.")
    Double timeoutSeconds;

    @Option(names = "-C", paramLabel = "ciphersuite", description = "lanplus cipher suite ID (0-3, 6-8, 11, 12, 15-17). Default: negotiate the strongest the BMC offers.")
    Integer cipherSuite;

    @Option(names = "-k", paramLabel = "key", description = "lanplus BMC key K_G as text (visible to ps: prefer -K or -Y).")
    String kgText;

    @Option(names = "-y", paramLabel = "hexkey", description = "lanplus BMC key K_G as hex (up to 40 hex digits).")
    String kgHex;

    @Option(names = "-K", description = "Read the BMC key K_G from the IPMI_KGKEY environment variable.")
    boolean kgFromEnv;

    @Option(names = "-Y", description = "Prompt for the BMC key K_G.")
    boolean kgPrompt;

    @Option(names = "--allow-cipher-zero", description = "Permit -C 0 (no authentication, integrity or encryption).")
    boolean allowCipherZero;

    @Option(names = "--allow-insecure-auth", description = "Permit IPMI 1.5 auth types NONE and PASSWORD (-A NONE, -A PASSWORD).")
    boolean allowInsecureAuth;

    @Option(names = "-t", paramLabel = "address", converter = Numbers.IntConverter.class,
            description = "Bridge the request to this IPMB address (e.g. 0x2c).")
    Integer target;

    @Option(names = "-b", paramLabel = "channel", converter = Numbers.IntConverter.class,
            description = "Channel to bridge on (with -t). Default: 0.")
    Integer channel;

    @Option(names = "-T", paramLabel = "address", converter = Numbers.IntConverter.class,
            description = "Double bridging: reach the -t target through this transit controller's IPMB address.")
    Integer transitAddress;

    @Option(names = "-B", paramLabel = "channel", converter = Numbers.IntConverter.class,
            description = "Channel from the BMC to the transit controller (with -T). Default: 0.")
    Integer transitChannel;

    @Option(names = "--json", description = "Print the typed result as JSON (one shape per command, see README) instead of ipmitool's text.")
    boolean json;

    @Option(names = "--sdr-cache", paramLabel = "dir",
            description = "Cache SDR repositories in this directory (re-read only when the BMC's repository changed).")
    Path sdrCacheDirectory;

    @Option(names = "-v", description = "Verbose (repeatable, -vvv): debug logging and stack traces on errors.")
    boolean[] verbose = new boolean[0];

    /** Where -E and -K read the environment; tests give their own. */
    static Function<String, String> environment = System::getenv;

    private IpmiClient base;
    private IpmiClient bridged;

    /**
     * Where sessions come from instead of a login of their own: set for a fan-out over several
     * hosts ({@link FleetSessions}: one {@code IpmiFleet} for every host of the line); null for one
     * host, so that a single-host run loads none of the fleet's classes.
     */
    static volatile SessionSource sessions;

    /** Lends a session to the BMC at {@code address} (and {@code options.port}) until {@code released} completes. */
    interface SessionSource {
        IpmiClient lease(ConnectionOptions options, String address, CompletableFuture<Void> released);
    }

    /** Completed by {@link #close()} when the session was lent by {@link #sessions}. */
    private CompletableFuture<Void> lease;

    /** How many times -v was given. */
    int verbosity() {
        return verbose.length;
    }

    /**
     * The session for the facade commands, opened on first use and shared by every later call
     * (requests go to the {@code -t}/{@code -b} target when one is given).
     */
    IpmiClient client() {
        if (bridged != null) {
            return bridged;
        }
        RequestTarget t = target();
        IpmiClient c = bmc();
        if (t.isBmc()) {
            return c;
        }
        bridged = IpmiClient.using(new Retargeting(BridgingTransport.wrap(c.transport()), t));
        return bridged;
    }

    /** The session to the BMC itself, without -t/-b retargeting (SOL, which is a BMC function). */
    IpmiClient bmc() {
        if (base == null) {
            base = open();
        }
        return base;
    }

    /** Opens a new session to {@link #host} from the options; throws with a one-line message when it cannot. */
    public IpmiClient open() {
        return open(host);
    }

    /** Opens a new session to {@code address} with every other option of this object. */
    IpmiClient open(String address) {
        configureLogging();
        if (address == null || address.isBlank()) {
            throw new CliException("no host given (use -H address)");
        }
        if (!iface.equals("lan") && !iface.equals("lanplus")) {
            throw new CliException("unknown interface '" + iface + "' (expected lan or lanplus)");
        }
        SessionSource source = sessions;
        if (source != null && lease == null) {
            lease = new CompletableFuture<>();
            return source.lease(this, address, lease);
        }
        SessionOptions options = null;
        try {
            options = sessionBuilder(address).build();
            return IpmiClient.connect(options);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        } finally {
            if (options != null) {
                options.wipe();
            }
        }
    }

    /**
     * The options builder for a session to {@code address} from every other option of this object
     * (it holds copies of the secrets: the caller wipes what it builds); throws with a one-line
     * message when an option is not valid.
     */
    SessionOptions.Builder<?, ?> sessionBuilder(String address) {
        PrivilegeLevel level = PrivilegeLevel.parse(privilege);
        RetryPolicy retry = retryPolicy();
        byte[] kg = null;
        char[] pw = null;
        try {
            if (iface.equals("lan")) {
                LanOptions.Builder b = IpmiClient.lan(address);
                if (authType != null) {
                    AuthType t = AuthType.parse(authType);
                    if ((t.equals(AuthType.NONE) || t.equals(AuthType.PASSWORD)) && !allowInsecureAuth) {
                        throw new CliException("-A " + t + " sends the password in clear or not at all; "
                                + "add --allow-insecure-auth to use it anyway");
                    }
                    b.authType(t);
                }
                pw = password();
                return b.allowInsecureAuth(allowInsecureAuth).port(port).credentials(user, pw).privilege(level)
                        .retry(retry);
            } else {
                LanPlusOptions.Builder b = IpmiClient.lanplus(address);
                if (cipherSuite != null) {
                    if (cipherSuite == 0 && !allowCipherZero) {
                        throw new CliException("-C 0 disables authentication, integrity and encryption; "
                                + "add --allow-cipher-zero to use it anyway");
                    }
                    b.cipherSuite(CipherSuite.of(cipherSuite));
                }
                kg = kg();
                if (kg != null) {
                    b.kg(kg);
                }
                pw = password();
                return b.allowCipherZero(allowCipherZero).port(port).credentials(user, pw).privilege(level)
                        .retry(retry);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            if (kg != null) {
                Arrays.fill(kg, (byte) 0);
            }
        }
    }

    /** Closes the session if one was opened (Close Session to the BMC). */
    @Override
    public void close() {
        try {
            if (bridged != null) {
                bridged.close();
            }
        } finally {
            bridged = null;
            if (base != null) {
                IpmiClient c = base;
                base = null;
                if (lease != null) {
                    // lent by the fan-out's fleet, which closes it
                    lease.complete(null);
                } else {
                    c.close();
                }
            }
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The target of {@code -t}/{@code -b}/{@code -T}/{@code -B}; like ipmitool, a transit of 0 or 20h means none. */
    RequestTarget target() {
        boolean transit = transitAddress != null && transitAddress != 0 && transitAddress != 0x20;
        if (target == null || target == 0x20 && !transit) {
            if (transit) {
                throw new IllegalArgumentException("-T (transit address) needs -t (target address)");
            }
            return RequestTarget.BMC;
        }
        int ch = channel == null ? 0 : channel;
        if (transit) {
            return RequestTarget.doubleBridged(transitAddress, transitChannel == null ? 0 : transitChannel, target, ch);
        }
        return RequestTarget.bridged(target, ch);
    }

    /** Reads the repository through the file cache of {@code --sdr-cache} when given, else the client's own cache. */
    SdrScan sdrScan(IpmiClient bmc) {
        if (sdrCacheDirectory == null) {
            return bmc.sdr().scan();
        }
        return bmc.sdr().cachedIn(SdrCache.persistent(sdrCacheDirectory), host + ":" + port).scan();
    }

    /** Warnings about how secrets were given, printed once before the session opens. */
    void warnings(PrintWriter err) {
        if (password != null) {
            // ipmitool overwrites its -P argument in place; a JVM cannot change its own command line
            err.println("Warning: -P shows the password to every user of ps; use -E, -f or the prompt instead");
            err.flush();
        }
    }

    /** ipmitool's -k (text), -y (hex), -K (IPMI_KGKEY) or -Y (prompt) K_G; null when none is given. */
    byte[] kg() {
        int given = (kgText != null ? 1 : 0) + (kgHex != null ? 1 : 0) + (kgFromEnv ? 1 : 0) + (kgPrompt ? 1 : 0);
        if (given > 1) {
            throw new CliException("give the BMC key with one of -k, -y, -K or -Y");
        }
        if (kgText != null) {
            return textKey(kgText, "-k");
        }
        if (kgFromEnv) {
            String env = environment.apply("IPMI_KGKEY");
            if (env == null) {
                throw new CliException("Unable to read kgkey from environment");
            }
            return textKey(env, "IPMI_KGKEY");
        }
        if (kgPrompt) {
            Console c = System.console();
            if (c == null) {
                throw new CliException("-Y needs a terminal to prompt for the key (use -K with IPMI_KGKEY instead)");
            }
            char[] typed = c.readPassword("Key: ");
            if (typed == null) {
                return null;
            }
            try {
                return textKey(new String(typed), "the key");
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
        if (kgHex != null) {
            String h = kgHex.startsWith("0x") || kgHex.startsWith("0X") ? kgHex.substring(2) : kgHex;
            if (h.length() % 2 != 0 || h.length() > 40 || !h.matches("[0-9a-fA-F]*")) {
                throw new CliException("-y needs an even number of hex digits, at most 40");
            }
            byte[] b = new byte[h.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
            }
            return b;
        }
        return null;
    }

    private static byte[] textKey(String text, String source) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length > 20) {
            throw new CliException(source + " key is longer than 20 bytes");
        }
        return b;
    }

    RetryPolicy retryPolicy() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
                throw new CliException("-N must be a positive number of seconds");
            }
            p = p.withFirstTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        if (retries != null) {
            if (retries < 0 || retries > 100) {
                throw new CliException("-R must be 0..100");
            }
            p = p.withRetries(retries);
        }
        return p;
    }

    /** -P, then -f, then -E, then a prompt on a terminal; the caller wipes the array. */
    char[] password() {
        if (password != null) {
            return password.clone();
        }
        if (passwordFile != null) {
            return passwordFromFile(passwordFile);
        }
        if (passwordFromEnv) {
            String env = Optional.ofNullable(environment.apply("IPMITOOL_PASSWORD")).orElse(environment.apply("IPMI_PASSWORD"));
            if (env == null) {
                throw new CliException("-E given but IPMI_PASSWORD is not set");
            }
            return env.toCharArray();
        }
        Console c = System.console();
        if (c != null && !user.isEmpty()) {
            char[] typed = c.readPassword("Password: ");
            return typed == null ? new char[0] : typed;
        }
        return new char[0];
    }

    /** The first line of the file without its line end, as ipmitool's -f. */
    static char[] passwordFromFile(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException("Unable to read password from file " + file);
        }
    }

    /** slf4j-simple is silent unless -v; must run before the first logger is created. */
    void configureLogging() {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null) {
            System.setProperty(key, switch (verbosity()) {
                case 0 -> "off";
                case 1, 2 -> "debug";
                default -> "trace";
            });
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile",
                "System.err"));
    }

    /** Never shows the password or the key. */
    @Override
    public String toString() {
        return "ConnectionOptions[-I " + iface + " -H " + host + " -p " + port + " -U " + user
                + (cipherSuite != null ? " -C " + cipherSuite : "") + "]";
    }

    /** Sends what the facade addresses to the BMC to the bridged target instead; the base client owns the session. */
    private record Retargeting(IpmiTransport delegate, RequestTarget target) implements IpmiTransport {
        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget t, CommandId id, byte[] data) {
            return delegate.exchange(t.isBmc() && t.lun() == 0 ? target : t, id, data);
        }

        @Override
        public <T> Optional<T> unwrap(Class<T> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.unwrap(type);
        }

        @Override
        public void close() {
            // closed through the base client, which sends Close Session once
        }
    }
}
