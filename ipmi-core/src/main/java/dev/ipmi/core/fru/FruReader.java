package dev.ipmi.core.fru;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.commands.storage.WriteFruData;
import dev.ipmi.core.internal.AsyncLoop.Outcome;
import dev.ipmi.core.internal.AsyncLoop;
import dev.ipmi.core.spi.IpmiTransport;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes FRU inventory devices over an {@link IpmiTransport} — IPMI v2.0 §34.
 *
 * <p>The area is read in the largest pieces the BMC takes: starting with 255 bytes, halving on
 * CAh/FFh/C7h/C8h (ipmi_sim answers C8h above 34 bytes), and adopting the size of a short reply.
 * A reply with no data before the end means the area size was over-reported: reading stops there.
 * "FRU busy" (81h) is retried after a delay. Word-access devices get offsets and counts in words.
 */
public final class FruReader {
    private static final Logger LOG = LoggerFactory.getLogger(FruReader.class);
    static final int MAX_ATTEMPTS_PER_PIECE = 12;
    static final int MAX_BUSY_RETRIES = 10;
    static final int FRU_BUSY = 0x81;

    private final IpmiTransport transport;
    private final RequestTarget target;
    private final Function<Duration, CompletableFuture<Void>> delay;
    private final int firstChunk;

    private FruReader(IpmiTransport transport, RequestTarget target, Function<Duration, CompletableFuture<Void>> delay,
                      int firstChunk) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.target = Objects.requireNonNull(target, "target");
        this.delay = Objects.requireNonNull(delay, "delay");
        if (firstChunk < 1 || firstChunk > 0xFF) {
            throw new IllegalArgumentException("first chunk must be 1..255: " + firstChunk);
        }
        this.firstChunk = firstChunk;
    }

    public static FruReader of(IpmiTransport transport) {
        return new FruReader(transport, RequestTarget.BMC, d -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS)), 0xFF);
    }

    /** With a custom delay for FRU-busy retries (tests pass an immediate one) and target. */
    public static FruReader of(IpmiTransport transport, RequestTarget target,
                               Function<Duration, CompletableFuture<Void>> delay) {
        return new FruReader(transport, target, delay, 0xFF);
    }

    public FruReader firstChunk(int bytes) {
        return new FruReader(transport, target, delay, bytes);
    }

    public CompletableFuture<GetFruInventoryAreaInfo.Response> areaInfo(int fruId) {
        return transport.send(target, new GetFruInventoryAreaInfo.Request(fruId));
    }

    /** Reads and decodes the whole inventory area of FRU device {@code fruId}. */
    public CompletableFuture<FruInventory> inventory(int fruId) {
        return read(fruId).thenApply(FruInventory::decode);
    }

    /** Reads the whole inventory area of FRU device {@code fruId} as bytes. */
    public CompletableFuture<byte[]> read(int fruId) {
        return areaInfo(fruId).thenCompose(info -> {
            Read r = new Read(fruId, Math.min(info.areaSize(), info.wordAccess() ? 0x1FFFE : 0xFFFF),
                    info.wordAccess());
            return AsyncLoop.run(r::step);
        });
    }

    private final class Read {
        private final int fruId;
        private final int size;
        private final boolean words;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private int chunk = firstChunk;
        private int attempts;
        private int busy;
        private boolean wait;

        Read(int fruId, int size, boolean words) {
            this.fruId = fruId;
            this.size = words ? size & ~1 : size;
            this.words = words;
        }

        CompletableFuture<Optional<byte[]>> step() {
            int offset = data.size();
            if (offset >= size) {
                return CompletableFuture.completedFuture(Optional.of(data.toByteArray()));
            }
            int bytes = Math.min(chunk, size - offset);
            if (words) {
                bytes = Math.max(2, bytes & ~1);
            }
            int count = words ? bytes / 2 : bytes;
            ReadFruData.Request req = new ReadFruData.Request(fruId, words ? offset / 2 : offset, Math.min(count, 0xFF));
            CompletableFuture<Void> before = wait ? delay.apply(Duration.ofMillis(100)) : CompletableFuture.completedFuture(null);
            wait = false;
            int asked = bytes;
            return before.thenCompose(x -> AsyncLoop.attempt(() -> transport.send(target, req)))
                    .thenApply(o -> received(o, offset, asked));
        }

        private Optional<byte[]> received(Outcome<ReadFruData.Response> o, int offset, int asked) {
            if (!o.ok()) {
                int cc = o.completionCode();
                if (cc == FRU_BUSY && ++busy <= MAX_BUSY_RETRIES) {
                    wait = true;
                    return Optional.empty();
                }
                if ((cc == 0xCA || cc == 0xFF || cc == 0xC7 || cc == 0xC8) && asked > 1
                        && ++attempts <= MAX_ATTEMPTS_PER_PIECE) {
                    chunk = Math.max(words ? 2 : 1, asked >= 0xFF ? 0x80 : asked / 2);
                    LOG.debug("Read FRU Data of {} bytes refused ({}); trying {}", asked, String.format("%02Xh", cc),
                            chunk);
                    return Optional.empty();
                }
                throw new CompletionException(o.failure());
            }
            ReadFruData.Response r = o.value();
            byte[] got = r.data().toByteArray();
            int claimed = words ? r.count() * 2 : r.count();
            int take = Math.min(Math.min(claimed, got.length), size - offset);
            if (take <= 0) {
                // ipmitool's reading too: the BMC over-reported the area size
                LOG.debug("FRU {} returned no data at offset {} of {}; stopping", fruId, offset, size);
                return Optional.of(data.toByteArray());
            }
            attempts = 0;
            busy = 0;
            data.write(got, 0, take);
            if (take < asked && data.size() < size) {
                chunk = take;
            }
            return data.size() >= size ? Optional.of(data.toByteArray()) : Optional.empty();
        }
    }

    /**
     * Writes {@code bytes} at {@code offset} in pieces of at most {@code chunk} bytes (shrinking on
     * C7h/C8h/CAh). Completes with the number of bytes written.
     */
    public CompletableFuture<Integer> write(int fruId, int offset, byte[] bytes, int chunk) {
        if (chunk < 1 || chunk > 0xFF) {
            throw new IllegalArgumentException("chunk must be 1..255: " + chunk);
        }
        byte[] all = bytes.clone();
        int[] state = {0, chunk, 0};
        return AsyncLoop.run(() -> {
            int done = state[0];
            if (done >= all.length) {
                return CompletableFuture.completedFuture(Optional.of(done));
            }
            int n = Math.min(state[1], all.length - done);
            byte[] piece = Arrays.copyOfRange(all, done, done + n);
            return AsyncLoop.attempt(() -> transport.send(target, new WriteFruData.Request(fruId, offset + done, piece)))
                    .thenApply(o -> {
                        if (o.ok()) {
                            int written = Math.min(o.value().count(), n);
                            if (written <= 0 && ++state[2] > MAX_ATTEMPTS_PER_PIECE) {
                                throw new CompletionException(new MalformedMessageException("Write FRU Data count", 0,
                                        new byte[] {0}, "BMC wrote nothing"));
                            }
                            state[0] += written;
                            return Optional.<Integer>empty();
                        }
                        int cc = o.completionCode();
                        if ((cc == 0xC7 || cc == 0xC8 || cc == 0xCA) && n > 1 && ++state[2] <= MAX_ATTEMPTS_PER_PIECE) {
                            state[1] = n / 2;
                            return Optional.<Integer>empty();
                        }
                        throw new CompletionException(o.failure());
                    });
        });
    }
}
