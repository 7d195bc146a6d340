package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.sol.SolBitRate;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.sol.SolAlreadyActiveException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.types.PrivilegeLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sol activate|deactivate|info|set}, with ipmitool 1.8.19's texts. The console copies stdin
 * to the host's serial port and the serial port to stdout, byte for byte.
 */
@Command(name = "sol", description = "Serial-over-LAN console and configuration.")
final class SolCommand extends CliCommand implements Runnable {
    static final int CURRENT = 0x0E;
    /** After stdin ends (piped input), leave once the console printed nothing for this long. */
    static final long IDLE_AFTER_EOF_MILLIS = 1000;
    /** ... but never wait longer than this for a console that keeps talking. */
    static final long MAX_WAIT_AFTER_EOF_MILLIS = 30_000;

    @Override
    public void run() {
        usage();
    }

    private IpmiClient bmc() {
        // SOL commands address the BMC itself: -t/-b bridging does not apply
        return options().bmc();
    }

    @Command(name = "info", description = "SOL configuration parameters [channel].")
    void info(@Parameters(arity = "0..1", paramLabel = "channel") String channel) {
        int ch = channel == null ? CURRENT : Numbers.parse(channel);
        SolConfig c;
        IpmiClient bmc = bmc();
        c = bmc.sol().info(ch);
        if (printJson(c)) {
            return;
        }
        IpmitoolText.solMissingParameters(c, ch, options().port, err());
        out().print(IpmitoolText.solInfo(c, ch, options().port));
        out().flush();
    }

    @Command(name = "set", description = "Set a SOL configuration parameter: <parameter> <value> [channel].")
    void set(@Parameters(index = "0", paramLabel = "parameter") String name,
             @Parameters(index = "1", paramLabel = "value") String value,
             @Parameters(index = "2", arity = "0..1", paramLabel = "channel") String channel) {
        int ch = channel == null ? CURRENT : Numbers.parse(channel);
        IpmiClient bmc = bmc();
        SolParameter p = parameter(bmc, ch, name, value);
        try {
            bmc.sol().set(ch, p);
        } catch (CompletionCodeException e) {
            throw new CliException(IpmitoolText.solSetError(name, value, e.code().code(), e.code().description()));
        }
    }

    /**
     * ipmitool's parameter names and values. Parameters that share a byte with others (2, 3, 4)
     * are read first and only the named part changes, as ipmitool does; an unsupported part reads as 0.
     */
    static SolParameter parameter(IpmiClient bmc, int ch, String name, String value) {
        return switch (name) {
            case "set-in-progress" -> new SolParameter.SetInProgress(switch (value) {
                case "set-complete" -> SolParameter.SetInProgress.State.SET_COMPLETE;
                case "set-in-progress" -> SolParameter.SetInProgress.State.SET_IN_PROGRESS;
                case "commit-write" -> SolParameter.SetInProgress.State.COMMIT_WRITE;
                default -> throw invalid(value, name, "Valid values are set-complete, set-in-progress and commit-write");
            });
            case "enabled" -> new SolParameter.Enable(bool(name, value));
            case "force-encryption", "force-authentication", "privilege-level" -> {
                SolParameter.Authentication a = bmc.sol().info(ch).authentication()
                        .orElse(new SolParameter.Authentication(false, false, PrivilegeLevel.valueOf(0)));
                yield switch (name) {
                    case "force-encryption" -> new SolParameter.Authentication(bool(name, value),
                            a.forceAuthentication(), a.minimumPrivilege());
                    case "force-authentication" -> new SolParameter.Authentication(a.forceEncryption(),
                            bool(name, value), a.minimumPrivilege());
                    default -> new SolParameter.Authentication(a.forceEncryption(), a.forceAuthentication(),
                            PrivilegeLevel.valueOf(switch (value) {
                                case "user" -> 2;
                                case "operator" -> 3;
                                case "admin" -> 4;
                                case "oem" -> 5;
                                default -> throw invalid(value, name, "Valid values are user, operator, admin, and oem");
                            }));
                };
            }
            case "character-accumulate-level", "character-send-threshold" -> {
                SolParameter.CharacterAccumulate a = bmc.sol().info(ch).characterAccumulate()
                        .orElse(new SolParameter.CharacterAccumulate(0, 0));
                yield name.equals("character-send-threshold")
                        ? new SolParameter.CharacterAccumulate(a.intervalUnits(), u8(name, value, 0, 255))
                        : new SolParameter.CharacterAccumulate(u8(name, value, 1, 255), a.sendThreshold());
            }
            case "retry-count", "retry-interval" -> {
                SolParameter.Retry r = bmc.sol().info(ch).retry().orElse(new SolParameter.Retry(0, 0));
                yield name.equals("retry-count") ? new SolParameter.Retry(u8(name, value, 0, 7), r.intervalUnits())
                        : new SolParameter.Retry(r.retryCount(), u8(name, value, 0, 255));
            }
            case "non-volatile-bit-rate" -> new SolParameter.NonVolatileBitRate(bitRate(name, value));
            case "volatile-bit-rate" -> new SolParameter.VolatileBitRate(bitRate(name, value));
            default -> throw new CliException("Error: invalid SOL parameter " + name);
        };
    }

    private static CliException invalid(String value, String name, String valid) {
        return new CliException("Invalid value " + value + " for parameter " + name + "\n" + valid);
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(value, name, "Valid values are true and false");
        };
    }

    private static int u8(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < min || v > max) {
            throw invalid(value, name, "Valid values are " + min + "-" + max);
        }
        return v;
    }

    private static SolBitRate bitRate(String name, String value) {
        return switch (value) {
            case "serial", "9.6", "19.2", "38.4", "57.6", "115.2" -> SolBitRate.parse(value);
            default -> throw new CliException("Invalid value \"" + value + "\" for parameter \"" + name + "\"\n"
                    + "Valid values are serial, 9.6 19.2, 38.4, 57.6 and 115.2");
        };
    }

    /** ipmitool's {@code instance=N}, or {@code instance N}; 1 when absent. */
    static int instance(List<String> args, boolean allowKeepaliveWords) {
        int instance = 1;
        for (int i = 0; args != null && i < args.size(); i++) {
            String a = args.get(i);
            String n = null;
            if (a.startsWith("instance=")) {
                n = a.substring("instance=".length());
            } else if (a.equals("instance") && i + 1 < args.size()) {
                n = args.get(++i);
            } else if (allowKeepaliveWords && (a.equals("usesolkeepalive") || a.equals("nokeepalive"))) {
                continue;
            } else {
                throw new CliException("Invalid SOL argument '" + a + "'");
            }
            try {
                instance = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw new CliException("Given instance '" + n + "' is invalid.");
            }
            if (instance < 1 || instance > 15) {
                throw new CliException("Error: Instance must range from 1 to 15");
            }
        }
        return instance;
    }

    @Command(name = "deactivate", description = "Deactivate a SOL console on any session [instance N].")
    int deactivate(@Parameters(arity = "0..*", paramLabel = "instance N") List<String> args) {
        int instance = instance(args, false);
        IpmiClient bmc = bmc();
        try {
            if (bmc.sol().deactivate(instance)) {
                return 0;
            }
            err().println(IpmitoolText.SOL_ALREADY_DEACTIVATED);
        } catch (CompletionCodeException e) {
            err().println(IpmitoolText.solDeactivateError(e.code().code(), e.code().description()));
        }
        err().flush();
        return 1;
    }

    @Command(name = "activate", description = "Open the serial console [instance N] [--force-takeover]. "
            + "Escapes at line start: ~. leave, ~B send break, ~? help, ~~ a literal ~.")
    int activate(@Parameters(arity = "0..*", paramLabel = "instance N") List<String> args,
                 @Option(names = "--force-takeover", description = "Deactivate a console active on another "
                         + "session and take it over.") boolean takeOver) throws IOException, InterruptedException {
        textOnly("sol activate");
        if (!"lanplus".equals(options().iface)) {
            throw new CliException("Error: This command is only available over the lanplus interface");
        }
        int instance = instance(args, true);
        boolean keepalive = args == null || !args.contains("nokeepalive");
        SolOptions.Builder builder = SolOptions.builder().instance(instance);
        if (takeOver) {
            builder.takeOver();
        }
        if (!keepalive) {
            builder.keepalive(Duration.ZERO);
        }
        SolOptions options = builder.build();
        PrintStream console = System.out;
        out().flush();
        IpmiClient bmc = bmc();
        AtomicReference<SolEvent> end = new AtomicReference<>();
        SolSession sol;
        try {
            sol = bmc.sol().activate(options, e -> {
                if (e == SolEvent.DEACTIVATED_BY_BMC || e == SolEvent.LINK_LOST) {
                    end.set(e);
                }
            });
        } catch (SolAlreadyActiveException e) {
            throw new CliException(IpmitoolText.SOL_ALREADY_ACTIVE);
        }
        Terminal terminal = Terminal.rawIfInteractive();
        // killed (SIGTERM, SIGINT from outside): still free the console and the session slot
        Thread release = new Thread(() -> {
            try {
                sol.close();
                bmc.close();
            } catch (RuntimeException e) {
                // best effort while the JVM goes down
            }
        }, "ipmi-sol-release");
        Runtime.getRuntime().addShutdownHook(release);
        try {
            String nl = terminal.raw() ? "\r\n" : "\n";
            synchronized (console) {
                console.print("[SOL Session operational.  Use ~? for help]" + nl);
                console.flush();
            }
            return run(sol, console, terminal, end, nl);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(release);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            sol.close();
            terminal.restore();
        }
    }

    private int run(SolSession sol, PrintStream console, Terminal terminal, AtomicReference<SolEvent> end, String nl)
            throws InterruptedException {
        AtomicLong lastOutput = new AtomicLong(System.nanoTime());
        Thread pump = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = sol.input().read(buf)) > 0) {
                    synchronized (console) {
                        console.write(buf, 0, n);
                        console.flush();
                    }
                    lastOutput.set(System.nanoTime());
                }
            } catch (IOException e) {
                // the console ended; the main loop notices through isOpen()
            }
        }, "ipmi-sol-output");
        pump.setDaemon(true);
        pump.start();

        BlockingQueue<byte[]> keys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readKeys(System.in, keys), "ipmi-sol-stdin");
        reader.setDaemon(true);
        reader.start();

        SolEscapeFilter filter = new SolEscapeFilter();
        while (sol.isOpen()) {
            byte[] k = keys.poll(100, TimeUnit.MILLISECONDS);
            if (k == null) {
                continue;
            }
            if (k.length == 0) {
                return afterEof(sol, lastOutput);
            }
            for (SolEscapeFilter.Event e : filter.feed(k, 0, k.length)) {
                try {
                    if (e instanceof SolEscapeFilter.Event.Data d) {
                        sol.output().write(d.bytes());
                    } else if (e instanceof SolEscapeFilter.Event.Break) {
                        message(console, "~B [send break]" + nl);
                        sol.sendBreak();
                    } else if (e instanceof SolEscapeFilter.Event.Help) {
                        message(console, "~?" + nl + filter.help().replace("\r\n", nl));
                    } else if (e instanceof SolEscapeFilter.Event.Quit) {
                        flushQuietly(sol);
                        message(console, "~. [terminated ipmitool]" + nl);
                        return 0;
                    }
                } catch (IOException | IllegalStateException closed) {
                    break;
                }
            }
        }
        pump.join(500);
        err().println(IpmitoolText.solEnded(end.get()));
        err().flush();
        return 1;
    }

    /** Piped input ended: let the host finish answering, then leave cleanly (exit 0). */
    private static int afterEof(SolSession sol, AtomicLong lastOutput) throws InterruptedException {
        flushQuietly(sol);
        long eof = System.nanoTime();
        long idle = TimeUnit.MILLISECONDS.toNanos(IDLE_AFTER_EOF_MILLIS);
        long max = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_AFTER_EOF_MILLIS);
        while (sol.isOpen()) {
            long now = System.nanoTime();
            if (now - eof >= max || (now - lastOutput.get() >= idle && now - eof >= idle)) {
                break;
            }
            Thread.sleep(50);
        }
        return 0;
    }

    private static void flushQuietly(SolSession sol) {
        try {
            sol.output().flush();
        } catch (IOException e) {
            // the console already ended; nothing left to wait for
        }
    }

    private static void message(PrintStream console, String text) {
        synchronized (console) {
            console.print(text);
            console.flush();
        }
    }

    private static void readKeys(InputStream in, BlockingQueue<byte[]> keys) {
        byte[] buf = new byte[255];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    keys.add(java.util.Arrays.copyOf(buf, n));
                }
            }
        } catch (IOException e) {
            // treated like end of input
        }
        keys.add(new byte[0]);
    }

    /**
     * The controlling terminal in raw mode while the console runs (keys go to the host unbuffered
     * and unechoed, Ctrl-C included), restored on exit and by a shutdown hook. Uses {@code stty}
     * on the inherited stdin; when stdin is not a terminal nothing changes.
     */
    static final class Terminal {
        private final String saved;
        private final Thread hook;
        private boolean restored;

        private Terminal(String saved) {
            this.saved = saved;
            this.hook = saved == null ? null : new Thread(this::restoreNow, "ipmi-sol-tty-restore");
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        static Terminal rawIfInteractive() {
            try {
                if (stty("sh", "-c", "[ -t 0 ]").exit != 0) {
                    return new Terminal(null);
                }
                Stty saved = stty("stty", "-g");
                if (saved.exit != 0 || saved.output.isBlank()) {
                    return new Terminal(null);
                }
                Terminal t = new Terminal(saved.output.trim());
                if (stty("stty", "raw", "-echo").exit != 0) {
                    t.restore();
                    return new Terminal(null);
                }
                return t;
            } catch (IOException e) {
                return new Terminal(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Terminal(null);
            }
        }

        boolean raw() {
            return saved != null;
        }

        void restore() {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) anyway
                }
            }
            restoreNow();
        }

        private synchronized void restoreNow() {
            if (saved == null || restored) {
                return;
            }
            restored = true;
            try {
                stty("stty", saved);
            } catch (IOException e) {
                // nothing more we can do for the terminal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private record Stty(int exit, String output) {}

        private static Stty stty(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                return new Stty(-1, "");
            }
            return new Stty(p.exitValue(), out);
        }
    }
}
