package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.spi.IpmiTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReconnectingTransportTest {
    static final class Session implements IpmiTransport {
        volatile Supplier<CompletableFuture<byte[]>> answer = () -> CompletableFuture.completedFuture(new byte[] {0});
        volatile boolean closed;

        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
            return answer.get();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Session> opened = new CopyOnWriteArrayList<>();
    private volatile boolean loginFails;

    private CompletableFuture<IpmiTransport> open() {
        if (loginFails) {
            return CompletableFuture.failedFuture(new IpmiTimeoutException("Open Session", 5, Duration.ofSeconds(12)));
        }
        Session s = new Session();
        opened.add(s);
        return CompletableFuture.completedFuture(s);
    }

    private static byte[] call(IpmiTransport t) {
        return t.exchange(GetDeviceId.ID, new byte[0]).join();
    }

    @Test
    void aSessionThatEndedFailsOneCallAndTheNextCallLogsInAgain() {
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        call(t);
        opened.get(0).answer = () -> CompletableFuture.failedFuture(new IpmiSessionException("session has ended"));
        assertThatThrownBy(() -> call(t)).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IpmiSessionException.class).hasMessage("session has ended");
        assertThat(call(t)).containsExactly(0);
        assertThat(opened).hasSize(2);
        for (int i = 0; i < 100 && !opened.get(0).closed; i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(opened.get(0).closed).as("the abandoned session is closed").isTrue();
    }

    @Test
    void aCallTheEndedSessionNeverSentGoesOutOnANewSession() {
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        call(t);
        // what the engine answers once the machine ended, e.g. after its own re-login timed out
        opened.get(0).answer = () -> CompletableFuture.failedFuture(
                new IpmiSessionLostException("session has ended", false, true, null));
        assertThat(call(t)).containsExactly(0);
        assertThat(opened).hasSize(2);
        assertThat(call(t)).containsExactly(0);
        assertThat(opened).hasSize(2);
    }

    @Test
    void aCallThatMayHaveRunIsNotSentAgainAndANewSessionThatCannotSendFailsItOnce() {
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        opened.get(0).answer = () -> CompletableFuture.failedFuture(
                new IpmiSessionLostException("the BMC stopped answering the session", true, false, null));
        assertThatThrownBy(() -> call(t)).cause().isInstanceOf(IpmiSessionLostException.class)
                .satisfies(e -> assertThat(((IpmiSessionLostException) e).mayHaveExecuted()).isTrue());
        assertThat(opened).hasSize(1);
        assertThat(call(t)).containsExactly(0);
        assertThat(opened).hasSize(2);

        Supplier<CompletableFuture<byte[]>> unsent = () -> CompletableFuture.failedFuture(
                new IpmiSessionLostException("session has ended", false, true, null));
        opened.get(1).answer = unsent;
        loginFails = false;
        ReconnectingTransport u = new ReconnectingTransport(CompletableFuture.completedFuture(opened.get(1)), () -> {
            Session s = new Session();
            s.answer = unsent;
            opened.add(s);
            return CompletableFuture.completedFuture(s);
        });
        assertThatThrownBy(() -> call(u)).cause().isInstanceOf(IpmiSessionLostException.class);
        assertThat(opened).as("one retry, not a loop").hasSize(3);
    }

    @Test
    void aTimeoutKeepsTheSession() {
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        opened.get(0).answer = () -> CompletableFuture.failedFuture(new IpmiTimeoutException("Get Device ID", 5,
                Duration.ofSeconds(12)));
        assertThatThrownBy(() -> call(t)).cause().isInstanceOf(IpmiTimeoutException.class);
        opened.get(0).answer = () -> CompletableFuture.completedFuture(new byte[] {0});
        call(t);
        assertThat(opened).hasSize(1);
    }

    @Test
    void aFailedLoginIsTriedAgainOnTheNextCall() {
        loginFails = true;
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        assertThatThrownBy(() -> call(t)).cause().isInstanceOf(IpmiTimeoutException.class);
        assertThatThrownBy(() -> call(t)).cause().isInstanceOf(IpmiTimeoutException.class);
        loginFails = false;
        assertThat(call(t)).containsExactly(0);
        assertThat(opened).hasSize(1);
    }

    @Test
    void closeIsForGood() {
        ReconnectingTransport t = new ReconnectingTransport(open(), this::open);
        call(t);
        t.close();
        assertThat(opened.get(0).closed).isTrue();
        assertThatThrownBy(() -> call(t)).cause().hasMessageContaining("closed");
        assertThat(opened).hasSize(1);
    }
}
