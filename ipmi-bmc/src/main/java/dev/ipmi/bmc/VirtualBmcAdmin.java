package dev.ipmi.bmc;

import dev.ipmi.core.types.AuthType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administers the BMCs of a running {@link VirtualBmcFleet}, as OpenStack VirtualBMC's {@code vbmc list},
 * {@code show}, {@code add} and {@code delete} do: {@code list}, {@code show NAME} (users without their
 * passwords), {@code add} followed by a configuration text holding one BMC, {@code remove NAME}.
 *
 * <p>Changes persist beside the configuration file, in a directory this class owns: {@code NAME.yaml} per
 * BMC added (the text as given; owner-only permissions, it holds passwords) and {@code removed}, the
 * names of configured BMCs taken out. {@link #apply} lays them over the file's BMCs, at start and at every
 * reload, so they survive both.
 *
 * <p>Requests arrive one per connection on a Unix-domain socket ({@link #listen}, owner-only permissions):
 * the request text, then end of input; the answer is text, starting with {@code error: } on failure.
 * {@link #send} is the client side. Thread-safe.
 */
public final class VirtualBmcAdmin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualBmcAdmin.class);
    private static final int MAX_REQUEST = 64 * 1024;
    private static final String REMOVED = "removed";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final VirtualBmcFleet fleet;
    private final Path dir;
    private VirtualBmcConfig file = new VirtualBmcConfig(List.of());
    private ServerSocketChannel channel;
    private Path socket;

    /**
     * @param fleet the running BMCs
     * @param dir   where added and removed BMCs are kept (created when first needed)
     */
    public VirtualBmcAdmin(VirtualBmcFleet fleet, Path dir) {
        this.fleet = fleet;
        this.dir = dir;
    }

    /** The directory for a configuration file: its name plus {@code .admin}, beside it. */
    public static Path directoryFor(Path config) {
        return config.resolveSibling(config.getFileName() + ".admin");
    }

    /** Brings the fleet in line with the file's BMCs plus those added and minus those removed here. */
    public synchronized VirtualBmcFleet.Changes apply(VirtualBmcConfig fileConfig) {
        this.file = fileConfig;
        return fleet.apply(effective());
    }

    /** The file's BMCs, less those removed here; a BMC added here replaces the file's of the same name. */
    private VirtualBmcConfig effective() {
        Set<String> removed = removed();
        Map<String, VirtualBmcConfig.Bmc> added = added();
        List<VirtualBmcConfig.Bmc> all = new ArrayList<>();
        for (VirtualBmcConfig.Bmc b : file.bmcs()) {
            if (!removed.contains(b.name()) && !added.containsKey(b.name())) {
                all.add(b);
            }
        }
        all.addAll(added.values());
        return new VirtualBmcConfig(all, file.adminSocket());
    }

    /** The BMCs added here, by name, from their files; an unreadable one is logged and left out. */
    private Map<String, VirtualBmcConfig.Bmc> added() {
        Map<String, VirtualBmcConfig.Bmc> added = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return added;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    VirtualBmcConfig.parse(Files.readString(f, StandardCharsets.UTF_8)).bmcs()
                            .forEach(b -> added.put(b.name(), b));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("{} ignored: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return added;
    }

    private Set<String> removed() {
        Path f = dir.resolve(REMOVED);
        if (!Files.exists(f)) {
            return new LinkedHashSet<>();
        }
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", f, e.getMessage());
            return new LinkedHashSet<>();
        }
    }

    /**
     * Runs one admin request ({@code list}, {@code show NAME}, {@code add} + newline + YAML,
     * {@code remove NAME}) and returns the answer; failures start with {@code error: }.
     */
    public synchronized String handle(String request) {
        int nl = request.indexOf('\n');
        String[] words = (nl < 0 ? request : request.substring(0, nl)).strip().split("\\s+");
        String body = nl < 0 ? "" : request.substring(nl + 1);
        try {
            return switch (words[0].toLowerCase(Locale.ROOT)) {
                case "list" -> list();
                case "show" -> show(argument(words, "show"));
                case "add" -> add(body);
                case "remove", "delete" -> remove(argument(words, "remove"));
                default -> "error: unknown admin command '" + words[0] + "'; known: list, show NAME, add, remove NAME\n";
            };
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage() + "\n";
        } catch (UncheckedIOException e) {
            return "error: " + e.getCause().getMessage() + "\n";
        }
    }

    /** The BMC name of a request; checked as the configuration checks names, since it also names a file. */
    private static String argument(String[] words, String command) {
        if (words.length != 2) {
            throw new IllegalArgumentException(command + " takes one BMC name");
        }
        if (!NAME.matcher(words[1]).matches()) {
            throw new IllegalArgumentException("no BMC named '" + words[1] + "'");
        }
        return words[1];
    }

    private String list() {
        StringBuilder out = new StringBuilder();
        for (VirtualBmcFleet.Running r : fleet.list()) {
            out.append(String.format("%s %s:%d %s power %s%n", r.name(), r.address().getAddress().getHostAddress(),
                    r.address().getPort(), r.backend(), r.powerOn() ? "on" : "off"));
        }
        return out.toString();
    }

    private String show(String name) {
        VirtualBmcFleet.Running r = fleet.list().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no BMC named '" + name + "'"));
        VirtualBmcConfig.Bmc b = effective().bmcs().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no BMC named '" + name + "'"));
        return "name: " + name + "\n"
                + "address: " + r.address().getAddress().getHostAddress() + ":" + r.address().getPort() + "\n"
                + "backend: " + r.backend() + "\n"
                + "power: " + (r.powerOn() ? "on" : "off") + "\n"
                + "users: " + b.users().stream().map(u -> u.name() + " (" + u.privilege().toString()
                        .toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining(", ")) + "\n"
                + "cipher-suites: " + b.cipherSuites().stream().map(c -> Integer.toString(c.id()))
                        .collect(Collectors.joining(", ")) + "\n"
                + "auth-types: " + b.authTypes().stream().map(AuthType::toString).sorted()
                        .collect(Collectors.joining(", ")) + "\n"
                + "quirks: " + b.quirks().stream().map(BmcQuirk::displayName).sorted()
                        .collect(Collectors.joining(", ")) + "\n"
                + "session-limit: " + b.sessionLimit() + "\n"
                + "source: " + (Files.exists(dir.resolve(name + ".yaml")) ? "admin" : "configuration file") + "\n";
    }

    private String add(String yaml) {
        VirtualBmcConfig given = VirtualBmcConfig.parse(yaml);
        if (given.bmcs().size() != 1) {
            throw new IllegalArgumentException("add takes a configuration with one BMC, got " + given.bmcs().size());
        }
        VirtualBmcConfig.Bmc b = given.bmcs().get(0);
        for (VirtualBmcConfig.Bmc existing : effective().bmcs()) {
            if (existing.name().equals(b.name())) {
                throw new IllegalArgumentException("a BMC named '" + b.name() + "' exists");
            }
            if (existing.port() != 0 && existing.port() == b.port() && existing.address().equals(b.address())) {
                throw new IllegalArgumentException(b.address().getHostAddress() + ":" + b.port() + " is used by "
                        + existing.name());
            }
        }
        Path f = dir.resolve(b.name() + ".yaml");
        Set<String> removed = removed();
        boolean wasRemoved = removed.remove(b.name());
        writePrivate(f, yaml);
        if (wasRemoved) {
            writeRemoved(removed);
        }
        fleet.apply(effective());
        Optional<VirtualBmcFleet.Running> r = fleet.list().stream().filter(x -> x.name().equals(b.name())).findFirst();
        if (r.isEmpty()) {
            deleteQuietly(f);
            if (wasRemoved) {
                removed.add(b.name());
                writeRemoved(removed);
            }
            fleet.apply(effective());
            throw new IllegalArgumentException(b.name() + " could not be started (see the server's log); not added");
        }
        LOG.info("BMC {} added by an admin command", b.name());
        return String.format("added %s on %s:%d%n", b.name(), r.get().address().getAddress().getHostAddress(),
                r.get().address().getPort());
    }

    private String remove(String name) {
        Path f = dir.resolve(name + ".yaml");
        boolean inFile = file.bmcs().stream().anyMatch(b -> b.name().equals(name));
        boolean running = fleet.list().stream().anyMatch(r -> r.name().equals(name));
        if (!running && !Files.exists(f)) {
            throw new IllegalArgumentException("no BMC named '" + name + "'");
        }
        deleteQuietly(f);
        if (inFile) {
            Set<String> removed = removed();
            removed.add(name);
            writeRemoved(removed);
        }
        fleet.apply(effective());
        LOG.info("BMC {} removed by an admin command", name);
        return "removed " + name + "\n";
    }

    private void writeRemoved(Set<String> names) {
        writePrivate(dir.resolve(REMOVED), "# configured BMCs removed by `ipmi virtual-bmc admin remove`\n"
                + names.stream().map(n -> n + "\n").collect(Collectors.joining()));
    }

    /** Written atomically, readable by the owner only (an added BMC's file holds its users' passwords). */
    private void writePrivate(Path f, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            ownerOnly(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + f + ": " + e.getMessage(), e));
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions for {}", p);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", f, e.getMessage());
        }
    }

    /**
     * Answers admin requests on a Unix-domain socket at {@code path} (owner-only), one per connection, on a
     * daemon thread. A stale socket file left by a process that ended is replaced; a live one is not.
     *
     * @throws UncheckedIOException if the socket cannot be bound, or another process answers on it
     */
    public synchronized void listen(Path path) {
        if (channel != null) {
            throw new IllegalStateException("already listening on " + socket);
        }
        try {
            if (Files.exists(path)) {
                try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                    throw new IOException("another process answers on " + path);
                } catch (IOException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("another process")) {
                        throw e;
                    }
                    Files.delete(path);
                }
            }
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(path));
            ownerOnly(path);
            channel = ch;
            socket = path;
        } catch (IOException e) {
            throw new UncheckedIOException("admin socket " + path + ": " + e.getMessage(), e);
        }
        Thread t = new Thread(this::accept, "vbmc-admin");
        t.setDaemon(true);
        t.start();
        LOG.info("admin commands on {}", path);
    }

    private void accept() {
        ServerSocketChannel ch = channel;
        while (ch.isOpen()) {
            try (SocketChannel c = ch.accept()) {
                byte[] request = readAll(c, MAX_REQUEST);
                String answer = request == null ? "error: request longer than " + MAX_REQUEST + " bytes\n"
                        : handle(new String(request, StandardCharsets.UTF_8));
                ByteBuffer out = ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    c.write(out);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("admin request failed: {}", e.toString());
            }
        }
    }

    /** Everything until end of input, or null past {@code max} bytes. */
    private static byte[] readAll(SocketChannel c, int max) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (c.read(buf) >= 0) {
            buf.flip();
            all.write(buf.array(), 0, buf.limit());
            buf.clear();
            if (all.size() > max) {
                return null;
            }
        }
        return all.toByteArray();
    }

    /** Sends one request to a running virtual BMC's admin socket and returns its answer. */
    public static String send(Path socket, String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                c.write(out);
            }
            c.shutdownOutput();
            byte[] answer = readAll(c, 16 * 1024 * 1024);
            return answer == null ? "error: answer too long\n" : new String(answer, StandardCharsets.UTF_8);
        }
    }

    /** Stops answering and removes the socket file; the fleet is left running. */
    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("admin socket close", e);
            }
            deleteQuietly(socket);
            channel = null;
        }
    }

    @Override
    public String toString() {
        return "VirtualBmcAdmin[" + dir + (socket != null ? ", socket " + socket : "") + "]";
    }
}
