package dev.ipmi.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.gateway.auth.NameGlob;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Role;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** The per-client queue: one send in flight, bounded, a client that does not drain is closed, not waited for. */
class ConsoleClientTest {
    private final List<Callback> pending = new ArrayList<>();
    private final List<Object> sent = new ArrayList<>();
    private final List<Integer> closes = new ArrayList<>();

    private Session fakeSession() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendBinary", "sendText" -> {
                            sent.add(args[0]);
                            pending.add((Callback) args[1]);
                            return null;
                        }
                        case "close" -> {
                            if (args != null && args.length == 3) {
                                closes.add((Integer) args[0]);
                            }
                            return null;
                        }
                        case "isOpen" -> {
                            return closes.isEmpty();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {
                            return null;
                        }
                    }
                });
    }

    private final Principal viewer = new Principal("v", "key", Role.VIEWER, NameGlob.of(List.of()));

    @Test
    void oneFrameInFlightThenTheNextAfterItsCallback() {
        ConsoleClient c = new ConsoleClient(fakeSession(), viewer, 1000);
        assertThat(c.sendBinary(new byte[] {1, 2, 3}, 3)).isTrue();
        assertThat(c.sendText("{}")).isTrue();
        assertThat(sent).hasSize(1);
        assertThat(((ByteBuffer) sent.get(0)).remaining()).isEqualTo(3);
        pending.get(0).succeed();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo("{}");
    }

    @Test
    void aClientThatDoesNotDrainIsClosedAtItsBound() {
        ConsoleClient c = new ConsoleClient(fakeSession(), viewer, 1000);
        byte[] chunk = new byte[100];
        int accepted = 0;
        for (int i = 0; i < 50; i++) {
            if (c.sendBinary(chunk, chunk.length)) {
                accepted++;
            }
        }
        // the first frame is in flight, nine more fit in the 1000-byte bound, the eleventh overflows
        assertThat(accepted).isEqualTo(10);
        assertThat(closes).containsExactly(1008);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aFailedSendClosesTheClient() {
        ConsoleClient c = new ConsoleClient(fakeSession(), viewer, 1000);
        c.sendText("a");
        pending.get(0).fail(new java.io.IOException("reset"));
        assertThat(closes).containsExactly(1011);
        assertThat(c.sendText("b")).isFalse();
    }
}
