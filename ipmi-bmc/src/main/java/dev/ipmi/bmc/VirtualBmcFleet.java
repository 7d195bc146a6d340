package dev.ipmi.bmc;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMCs of a {@link VirtualBmcConfig}, hosted on one {@link VirtualBmcServer}, kept in step with the
 * configuration while running: {@link #apply} adds the BMCs that are new, removes the ones that are gone
 * and rebuilds the ones that changed, leaving the others (and their sessions) alone. With a state file,
 * each machine's power state and boot device are saved ({@link #saveState}) and restored when the BMC is
 * created again, after a restart or a reload. Thread-safe.
 */
public final class VirtualBmcFleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualBmcFleet.class);

    private final VirtualBmcServer server;
    private final Optional<Path> stateFile;
    private final Map<String, Hosted> hosted = new LinkedHashMap<>();
    private final Properties state = new Properties();
    private String lastSaved = "";

    private record Hosted(VirtualBmcConfig.Bmc definition, VirtualBmc bmc, InetSocketAddress bound) {}

    /** What a BMC of the fleet is, for listing. */
    public record Running(String name, InetSocketAddress address, String backend, boolean powerOn) {}

    /** What {@link #apply} changed. */
    public record Changes(List<String> added, List<String> removed, List<String> replaced) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && replaced.isEmpty();
        }
    }

    /**
     * @param stateFile where power states and boot devices are kept across restarts, if anywhere; read now
     */
    public VirtualBmcFleet(VirtualBmcServer server, Optional<Path> stateFile) {
        this.server = server;
        this.stateFile = stateFile;
        stateFile.filter(Files::exists).ifPresent(f -> {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                state.load(new StringReader(text));
                lastSaved = text;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read state file " + f, e);
            }
        });
    }

    /**
     * Brings the hosted BMCs in line with {@code config}. A BMC that cannot be bound is reported in the
     * log and left out; the others still start.
     */
    public synchronized Changes apply(VirtualBmcConfig config) {
        saveState();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Map<String, VirtualBmcConfig.Bmc> wanted = new LinkedHashMap<>();
        config.bmcs().forEach(b -> wanted.put(b.name(), b));
        for (var it = hosted.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            VirtualBmcConfig.Bmc w = wanted.get(e.getKey());
            if (w == null || !w.equals(e.getValue().definition())) {
                stop(e.getValue());
                it.remove();
                (w == null ? removed : replaced).add(e.getKey());
            }
        }
        for (VirtualBmcConfig.Bmc b : config.bmcs()) {
            if (hosted.containsKey(b.name())) {
                continue;
            }
            try {
                VirtualBmc bmc = build(b);
                InetSocketAddress bound;
                try {
                    bound = server.add(bmc);
                } catch (RuntimeException e) {
                    closeBackend(bmc.backend());
                    throw e;
                }
                hosted.put(b.name(), new Hosted(b, bmc, bound));
                if (!replaced.contains(b.name())) {
                    added.add(b.name());
                }
                LOG.info("BMC {} listening on {}:{}", b.name(), bound.getAddress().getHostAddress(), bound.getPort());
            } catch (RuntimeException e) {
                replaced.remove(b.name());
                LOG.error("BMC {} not started: {}", b.name(), e.getMessage());
            }
        }
        return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(replaced));
    }

    /** The hosted BMCs, in configuration order. */
    public synchronized List<Running> list() {
        return hosted.values().stream().map(h -> new Running(h.definition().name(), h.bound(),
                h.definition().backend() instanceof VirtualBmcConfig.Commands ? "commands" : "simulated",
                h.bmc().backend().powerOn())).toList();
    }

    /** The hosted BMC with this name. */
    public synchronized Optional<VirtualBmc> bmc(String name) {
        return Optional.ofNullable(hosted.get(name)).map(Hosted::bmc);
    }

    /** Writes the state file if anything changed since the last write (atomically, by rename). */
    public synchronized void saveState() {
        if (stateFile.isEmpty()) {
            return;
        }
        for (Hosted h : hosted.values()) {
            String n = h.definition().name();
            BmcBackend backend = h.bmc().backend();
            state.setProperty(n + ".power", backend.powerOn() ? "on" : "off");
            BootFlags f = backend.bootFlags();
            state.setProperty(n + ".boot-device", TemplateBackend.deviceName(f.device()));
            state.setProperty(n + ".boot-persistent", Boolean.toString(f.persistent()));
            state.setProperty(n + ".boot-valid", Boolean.toString(f.valid()));
        }
        StringBuilder text = new StringBuilder("# virtual BMC state: power and boot device per BMC name\n");
        new TreeMap<>(state).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        if (text.toString().equals(lastSaved)) {
            return;
        }
        Path f = stateFile.get();
        try {
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastSaved = text.toString();
        } catch (IOException e) {
            LOG.warn("cannot write state file {}: {}", f, e.getMessage());
        }
    }

    private VirtualBmc build(VirtualBmcConfig.Bmc b) {
        boolean on = "on".equals(state.getProperty(b.name() + ".power"));
        InMemoryBackend sim = InMemoryBackend.builder().poweredOn(on).product(b.name(), b.name()).build();
        String device = state.getProperty(b.name() + ".boot-device");
        if (device != null) {
            try {
                sim.setBootFlags(BootFlags.builder().valid(Boolean.parseBoolean(state.getProperty(b.name()
                                + ".boot-valid", "true")))
                        .persistent(Boolean.parseBoolean(state.getProperty(b.name() + ".boot-persistent")))
                        .device(BootDevice.parseIpmitool(device)).build());
            } catch (IllegalArgumentException e) {
                LOG.warn("state of {}: boot device '{}' ignored", b.name(), device);
            }
        }
        BmcBackend backend = sim;
        if (b.backend() instanceof VirtualBmcConfig.Commands c) {
            TemplateBackend.Builder t = TemplateBackend.builder(b.name()).delegate(sim).bootDevices(c.bootDevices())
                    .replyWait(c.replyWait());
            c.power().forEach(t::power);
            c.status().ifPresent(t::status);
            c.bootDevice().ifPresent(t::bootDevice);
            c.console().ifPresent(s -> t.console(SocketConsole.parse(s)));
            backend = t.build();
        }
        VirtualBmc.Builder vb = VirtualBmc.builder().port(b.port()).address(b.address()).cipherSuites(b.cipherSuites())
                .authTypes(b.authTypes()).quirks(b.quirks()).sessionLimit(b.sessionLimit()).backend(backend);
        for (VirtualBmcConfig.User u : b.users()) {
            vb.user(u.name(), u.password(), u.privilege());
        }
        return vb.build();
    }

    private void stop(Hosted h) {
        server.remove(h.bmc());
        closeBackend(h.bmc().backend());
        LOG.info("BMC {} stopped", h.definition().name());
    }

    private static void closeBackend(BmcBackend backend) {
        if (backend instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("backend close", e);
            }
        }
    }

    /** Saves the state and stops every BMC (the server stays open: its owner closes it). */
    @Override
    public synchronized void close() {
        saveState();
        hosted.values().forEach(this::stop);
        hosted.clear();
    }
}
