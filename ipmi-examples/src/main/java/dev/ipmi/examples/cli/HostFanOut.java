package dev.ipmi.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FreeIPMI-style fan-out for any {@code ipmi} command: {@code -H} with a host list or range
 * ({@link HostRange}), {@code --hosts-file FILE} (one host list per line, {@code #} comments),
 * {@code -F/--fanout N} hosts at a time (default 64, as FreeIPMI). The command runs once per host
 * with that host's {@code -H} (and {@code -p} when the name carries a port); each line it prints
 * is prefixed {@code HOST: } as FreeIPMI does, or, with {@code --json}, each host gives one JSON
 * object on one line: {@code {"host":…,"ok":true,"result":…}} or {@code {"host":…,"ok":false,"error":…}}.
 * The exit code is 1 when any host failed; every failure names its host and its cause. With a
 * terminal on stderr and more than {@value #PROGRESS_FROM} hosts, a progress counter runs there.
 */
final class HostFanOut {
    static final int DEFAULT_FANOUT = 64;
    static final int PROGRESS_FROM = 16;

    /** One command, per host. */
    @FunctionalInterface
    interface Single {
        int execute(PrintWriter out, PrintWriter err, String... args);
    }

    /** What the arguments ask for: hosts, parallelism, and the arguments without the fan-out options. */
    record Plan(List<String> hosts, int fanout, boolean json, List<String> rest) {}

    private HostFanOut() {}

    /** The fan-out the arguments ask for, or empty for a plain single-host run. */
    static Optional<Plan> plan(String... args) {
        List<String> rest = new ArrayList<>(args.length);
        String hostSpec = null;
        String hostsFile = null;
        Integer fanout = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (; i < args.length; i++) {
                    rest.add(args[i]);
                }
                break;
            }
            if (a.equals("-H") && i + 1 < args.length) {
                hostSpec = args[++i];
            } else if (a.startsWith("-H") && a.length() > 2 && !a.startsWith("--")) {
                hostSpec = a.substring(2);
            } else if (a.equals("--hosts-file") && i + 1 < args.length) {
                hostsFile = args[++i];
            } else if (a.startsWith("--hosts-file=")) {
                hostsFile = a.substring("--hosts-file=".length());
            } else if ((a.equals("-F") || a.equals("--fanout")) && i + 1 < args.length) {
                fanout = fanout(args[++i]);
            } else if (a.startsWith("--fanout=")) {
                fanout = fanout(a.substring("--fanout=".length()));
            } else if (a.startsWith("-F") && a.length() > 2 && !a.startsWith("--")) {
                fanout = fanout(a.substring(2));
            } else {
                json |= a.equals("--json");
                rest.add(a);
            }
        }
        List<String> hosts = new ArrayList<>();
        if (hostSpec != null) {
            hosts.addAll(HostRange.expand(hostSpec));
        }
        if (hostsFile != null) {
            hosts.addAll(readHostsFile(Path.of(hostsFile)));
        }
        if (hostsFile == null && fanout == null && hosts.size() <= 1) {
            return Optional.empty();
        }
        if (hosts.isEmpty()) {
            throw new CliException("Error: the fan-out (-F/--fanout, --hosts-file) needs hosts: -H or --hosts-file");
        }
        return Optional.of(new Plan(List.copyOf(new java.util.LinkedHashSet<>(hosts)),
                fanout == null ? DEFAULT_FANOUT : fanout, json, List.copyOf(rest)));
    }

    private static int fanout(String s) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("Error: -F/--fanout must be 1..1024: " + s);
    }

    private static List<String> readHostsFile(Path file) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!l.isEmpty()) {
                    out.addAll(HostRange.expand(l));
                }
            }
        } catch (IOException e) {
            throw new CliException("Error: cannot read --hosts-file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException("Error: --hosts-file " + file + ": " + e.getMessage());
        }
        return out;
    }

    /** The single-host arguments for {@code host}: its {@code -H}, and its {@code -p} when the name has a port. */
    static String[] argsFor(String host, List<String> rest) {
        String h = host;
        String port = null;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            h = host.substring(1, end);
            if (end + 1 < host.length() && host.charAt(end + 1) == ':') {
                port = host.substring(end + 2);
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            h = host.substring(0, host.indexOf(':'));
            port = host.substring(host.indexOf(':') + 1);
        }
        List<String> out = new ArrayList<>(rest.size() + 4);
        out.add("-H");
        out.add(h);
        if (port != null) {
            out.add("-p");
            out.add(port);
        }
        for (int i = 0; i < rest.size(); i++) {
            if (port != null && rest.get(i).equals("-p") && i + 1 < rest.size()) {
                i++; // the host's own port wins
                continue;
            }
            out.add(rest.get(i));
        }
        return out.toArray(String[]::new);
    }

    /** Runs {@code plan} and returns the exit code: 0 when every host succeeded, 1 otherwise. */
    static int run(Plan plan, PrintWriter out, PrintWriter err, Single single, boolean progress) {
        int n = plan.hosts().size();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean showProgress = progress && n > PROGRESS_FROM;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(plan.fanout(), n), r -> {
            Thread t = new Thread(r, "ipmi-fanout");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>(n);
            for (String host : plan.hosts()) {
                jobs.add(pool.submit(() -> {
                    StringWriter o = new StringWriter();
                    StringWriter e = new StringWriter();
                    int rc;
                    try (PrintWriter po = new PrintWriter(o); PrintWriter pe = new PrintWriter(e)) {
                        try {
                            rc = single.execute(po, pe, argsFor(host, plan.rest()));
                        } catch (RuntimeException ex) {
                            pe.println(ex.getMessage() == null ? ex.toString() : ex.getMessage());
                            rc = 1;
                        }
                    }
                    if (rc != 0) {
                        failed.incrementAndGet();
                    }
                    synchronized (out) {
                        if (showProgress) {
                            err.print("\r\033[K");
                        }
                        if (plan.json()) {
                            out.println(json(host, rc, o.toString(), e.toString()));
                        } else {
                            prefixed(out, host, o.toString());
                            String why = e.toString().isBlank() && rc != 0 ? "failed (exit code " + rc + ")" : e.toString();
                            prefixed(err, host, why);
                        }
                        out.flush();
                        int d = done.incrementAndGet();
                        if (showProgress && d < n) {
                            err.print("[" + d + "/" + n + " hosts, " + failed.get() + " failed]");
                        }
                        err.flush();
                    }
                }));
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new UncheckedIOException(new IOException(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() > 0) {
            err.println(failed.get() + " of " + n + " hosts failed");
            err.flush();
        }
        return failed.get() == 0 ? 0 : 1;
    }

    private static void prefixed(PrintWriter w, String host, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\\R", -1)) {
            if (!line.isEmpty()) {
                w.println(host + ": " + line);
            }
        }
    }

    static String json(String host, int rc, String stdout, String stderr) {
        StringBuilder b = new StringBuilder("{\"host\":").append(quote(host)).append(",\"ok\":").append(rc == 0);
        String result = stdout.strip();
        if (rc == 0) {
            b.append(",\"result\":");
            if (result.startsWith("{") || result.startsWith("[")) {
                b.append(result.replaceAll("\\R\\s*", ""));
            } else {
                b.append(quote(result));
            }
        } else {
            String why = stderr.strip();
            b.append(",\"error\":").append(quote(why.isEmpty() ? "exit code " + rc : why));
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
