package dev.ipmi.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Role;
import dev.ipmi.gateway.bmc.BmcAccess;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console sharing, as a console server does it: per BMC one SOL session, opened by the first
 * client and closed (Deactivate Payload) when the last one leaves; one writer and any number of
 * read-only viewers on it. A thread per open console reads the SOL stream and fans it out to every
 * client's bounded queue, so the library's SOL flow control sees a fast reader however slow the
 * browsers are.
 */
public final class ConsoleHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHub.class);
    /** Keystrokes waiting for the BMC per console; more is refused (a paste flood must not grow memory). */
    static final int MAX_PENDING_INPUT = 64 * 1024;

    private final BmcAccess access;
    private final ObjectMapper json;
    private final long clientBuffer;
    private final Map<String, Console> consoles = new ConcurrentHashMap<>();
    private final Map<Session, Attachment> bySession = new ConcurrentHashMap<>();

    private record Attachment(Console console, ConsoleClient client) {}

    public ConsoleHub(BmcAccess access, ObjectMapper json, long clientBuffer) {
        this.access = access;
        this.json = json;
        this.clientBuffer = clientBuffer;
    }

    /** A client connected; {@code takeover} (operators only, checked before the upgrade) makes it the writer. */
    public void attach(String bmc, Session session, Principal principal, boolean takeover) {
        ConsoleClient client = new ConsoleClient(session, principal, clientBuffer);
        Console console;
        synchronized (consoles) {
            console = consoles.computeIfAbsent(bmc, b -> new Console(b));
            console.add(client, takeover);
        }
        bySession.put(session, new Attachment(console, client));
        console.start(takeover);
    }

    public void detach(Session session) {
        Attachment a = bySession.remove(session);
        if (a == null) {
            return;
        }
        a.console.remove(a.client);
    }

    public void input(Session session, byte[] data) {
        Attachment a = bySession.get(session);
        if (a != null) {
            a.console.input(a.client, data);
        }
    }

    /** A text frame: {@code {"type":"break"}} sends a serial BREAK (writer only). */
    public void control(Session session, String text) {
        Attachment a = bySession.get(session);
        if (a == null) {
            return;
        }
        String type;
        try {
            var node = json.readTree(text);
            type = node != null && node.has("type") ? node.get("type").asText() : "";
        } catch (IOException e) {
            a.client.sendText(message("error", "message", "control frames are JSON objects like {\"type\":\"break\"}"));
            return;
        }
        if (type.equals("break")) {
            a.console.sendBreak(a.client);
        } else {
            a.client.sendText(message("error", "message", "unknown control type '" + type + "' (break)"));
        }
    }

    /** Number of BMCs with an open (or opening) console. */
    public int openConsoles() {
        return consoles.size();
    }

    @Override
    public void close() {
        for (Console c : List.copyOf(consoles.values())) {
            c.end(1001, "gateway shutting down");
        }
    }

    String message(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Console {
        private final String bmc;
        private final List<ConsoleClient> clients = new ArrayList<>();
        private final ExecutorService writerThread;
        private ConsoleClient writer;
        private CompletableFuture<SolSession> opening;
        private SolSession sol;
        private boolean ended;
        private int pendingInput;

        Console(String bmc) {
            this.bmc = bmc;
            this.writerThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gateway-console-in-" + bmc);
                t.setDaemon(true);
                return t;
            });
        }

        /** Called with the hub's lock held. */
        void add(ConsoleClient client, boolean takeover) {
            List<ConsoleClient> notify = new ArrayList<>();
            synchronized (this) {
                clients.add(client);
                boolean canWrite = mayWrite(client.principal());
                if (canWrite && (writer == null || takeover)) {
                    if (writer != null) {
                        writer.setWriter(false);
                        notify.add(writer);
                    }
                    writer = client;
                    client.setWriter(true);
                }
            }
            for (ConsoleClient old : notify) {
                old.sendText(message("role", "role", "viewer", "reason", "taken over by " + client.principal().label()));
            }
            client.sendText(message("hello", "bmc", bmc, "role", client.isWriter() ? "writer" : "viewer"));
        }

        void start(boolean takeover) {
            synchronized (this) {
                if (opening != null || ended) {
                    return;
                }
                SolOptions options = takeover ? SolOptions.builder().takeOver().build() : SolOptions.defaults();
                opening = access.openSol(bmc, options, this::status);
            }
            opening.whenComplete((s, e) -> {
                if (e != null) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    LOG.info("console on {} could not open: {}", bmc, cause.getMessage());
                    end(1011, "SOL could not be activated: " + cause.getMessage());
                    return;
                }
                boolean stillWanted;
                synchronized (this) {
                    stillWanted = !ended && !clients.isEmpty();
                    if (stillWanted) {
                        sol = s;
                    }
                }
                if (!stillWanted) {
                    s.close();
                    return;
                }
                Thread reader = new Thread(() -> read(s), "gateway-console-out-" + bmc);
                reader.setDaemon(true);
                reader.start();
                broadcast(message("open", "bmc", bmc));
            });
        }

        private void status(SolEvent event) {
            if (event == SolEvent.DEACTIVATED_BY_BMC || event == SolEvent.LINK_LOST) {
                end(1011, event == SolEvent.LINK_LOST ? "SOL link lost" : "SOL deactivated by the BMC");
            } else {
                broadcast(message("event", "event", event.name().toLowerCase()));
            }
        }

        private void read(SolSession s) {
            byte[] buf = new byte[4096];
            InputStream in = s.input();
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n == 0) {
                        continue;
                    }
                    List<ConsoleClient> now;
                    synchronized (this) {
                        now = List.copyOf(clients);
                    }
                    for (ConsoleClient c : now) {
                        c.sendBinary(buf, n);
                    }
                }
            } catch (IOException e) {
                LOG.debug("console on {} ended: {}", bmc, e.toString());
            }
            end(1000, "console closed");
        }

        void input(ConsoleClient client, byte[] data) {
            if (!client.isWriter()) {
                client.sendText(message("error", "message", "read-only: another client is the writer"
                        + (mayWrite(client.principal()) ? " (reconnect with ?takeover=true)" : "")));
                return;
            }
            SolSession s;
            synchronized (this) {
                s = sol;
                if (s == null) {
                    client.sendText(message("error", "message", "console not open yet"));
                    return;
                }
                if (pendingInput + data.length > MAX_PENDING_INPUT) {
                    client.sendText(message("error", "message", "input dropped: the BMC is not keeping up"));
                    return;
                }
                pendingInput += data.length;
            }
            submit(() -> {
                try {
                    s.output().write(data);
                    s.output().flush();
                } catch (IOException e) {
                    LOG.debug("console write to {} failed: {}", bmc, e.toString());
                } finally {
                    synchronized (this) {
                        pendingInput -= data.length;
                    }
                }
            });
        }

        void sendBreak(ConsoleClient client) {
            if (!client.isWriter()) {
                client.sendText(message("error", "message", "read-only: only the writer can send a break"));
                return;
            }
            SolSession s;
            synchronized (this) {
                s = sol;
            }
            if (s != null) {
                submit(s::sendBreak);
            }
        }

        void remove(ConsoleClient client) {
            boolean last;
            synchronized (consoles) {
                synchronized (this) {
                    clients.remove(client);
                    if (writer == client) {
                        writer = null;
                    }
                    last = clients.isEmpty();
                    if (last) {
                        consoles.remove(bmc, this);
                        ended = true;
                    }
                }
            }
            if (last) {
                shutdown();
            }
        }

        void end(int code, String reason) {
            List<ConsoleClient> all;
            synchronized (consoles) {
                synchronized (this) {
                    if (ended && clients.isEmpty()) {
                        shutdown();
                        return;
                    }
                    ended = true;
                    all = List.copyOf(clients);
                    clients.clear();
                    writer = null;
                    consoles.remove(bmc, this);
                }
            }
            for (ConsoleClient c : all) {
                c.close(code, reason);
            }
            shutdown();
        }

        private void shutdown() {
            SolSession s;
            synchronized (this) {
                s = sol;
                sol = null;
            }
            if (s != null) {
                submit(s::close);
            }
            writerThread.shutdown();
        }

        private void submit(Runnable task) {
            try {
                writerThread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("console on {} already closed", bmc);
            }
        }

        private void broadcast(String text) {
            List<ConsoleClient> now;
            synchronized (this) {
                now = List.copyOf(clients);
            }
            for (ConsoleClient c : now) {
                c.sendText(text);
            }
        }
    }

    /** Whether a client may be the writer: the operator role and {@code console.write} in its allow-list. */
    static boolean mayWrite(Principal p) {
        return p.role().allows(Command.CONSOLE_WRITE.role()) && p.listed(Command.CONSOLE_WRITE);
    }
}
