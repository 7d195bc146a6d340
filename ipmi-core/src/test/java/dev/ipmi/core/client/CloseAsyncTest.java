package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.testing.FakeTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link IpmiClient#closeAsync()} hands the close to the transport and never waits for it itself. */
class CloseAsyncTest {

    /** A transport whose Close Session "answer" the test releases by hand; {@code close()} counts blocking closes. */
    static final class PendingCloseTransport implements IpmiTransport {
        final CompletableFuture<Void> answered = new CompletableFuture<>();
        final AtomicInteger closeAsyncCalls = new AtomicInteger();
        final AtomicInteger blockingCloseCalls = new AtomicInteger();

        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by this test"));
        }

        @Override
        public CompletableFuture<Void> closeAsync() {
            closeAsyncCalls.incrementAndGet();
            return answered;
        }

        @Override
        public void close() {
            blockingCloseCalls.incrementAndGet();
        }
    }

    @Test
    void closeAsyncReturnsBeforeTheBmcAnswersAndCompletesWhenItDoes() {
        PendingCloseTransport t = new PendingCloseTransport();
        IpmiClient client = IpmiClient.using(t);
        CompletableFuture<Void> closed = client.closeAsync();
        assertThat(closed).isNotDone();
        assertThat(t.closeAsyncCalls).hasValue(1);
        t.answered.complete(null);
        assertThat(closed).isCompleted();
        assertThat(t.blockingCloseCalls).hasValue(0);
    }

    @Test
    void closeIsAWaitOnCloseAsync() {
        PendingCloseTransport t = new PendingCloseTransport();
        t.answered.complete(null);
        IpmiClient.using(t).close();
        assertThat(t.closeAsyncCalls).hasValue(1);
        assertThat(t.blockingCloseCalls).hasValue(0);
    }

    @Test
    void callbackExecutorAlsoCarriesTheCloseCompletion() {
        PendingCloseTransport t = new PendingCloseTransport();
        List<Runnable> queued = new ArrayList<>();
        Executor callbacks = queued::add;
        CompletableFuture<Void> closed = IpmiClient.using(new CallbackExecutorTransport(t, callbacks)).closeAsync();
        t.answered.complete(null);
        assertThat(closed).isNotDone();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(closed).isCompleted();
    }

    @Test
    void aTransportWithoutAsyncCloseIsClosedByTheDefault() {
        FakeTransport fake = new FakeTransport();
        CompletableFuture<Void> closed = IpmiClient.using(fake).closeAsync();
        assertThat(closed).isCompleted();
        assertThat(fake.closed()).isTrue();
    }
}
