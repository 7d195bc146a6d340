package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The buffered reader of the kernel's random device, over a stand-in device whose every byte is
 * recognisable: each byte read from the device is handed out exactly once, in order, never twice;
 * handed-out bytes do not stay in the buffer; the device is read in large blocks, not per call.
 */
class KernelRandomTest {
    /**
     * A device whose bytes {@code 8k .. 8k+7} are the bijective SplitMix64 finaliser of {@code k}, so
     * no two 8-byte-aligned words it ever produces are equal. Counts reads and may return short reads.
     */
    static final class CountingDevice extends InputStream {
        final ByteArrayOutputStream produced = new ByteArrayOutputStream();
        final int maxPerRead;
        long position;
        int reads;

        CountingDevice(int maxPerRead) {
            this.maxPerRead = maxPerRead;
        }

        static byte at(long i) {
            long z = i / 8 + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (byte) (z >>> (8 * (i % 8)));
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("the random reads blocks");
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            reads++;
            int n = Math.min(len, maxPerRead);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(position++);
                produced.write(b[off + i]);
            }
            return n;
        }
    }

    private static byte[] expectedPrefix(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = CountingDevice.at(i);
        }
        return b;
    }

    @Property(tries = 200)
    void everyByteOfTheDeviceIsHandedOutOnceInOrder(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9000) Integer> sizes,
                                                     @ForAll @IntRange(min = 1, max = 5000) int maxPerRead) {
        SecureRandom r = Crypto.KernelRandom.over(new CountingDevice(maxPerRead));
        ByteArrayOutputStream handedOut = new ByteArrayOutputStream();
        for (int n : sizes) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            handedOut.writeBytes(b);
        }
        byte[] all = handedOut.toByteArray();
        assertThat(all).isEqualTo(expectedPrefix(all.length));
    }

    @Test
    void smallRequestsShareOneReadOfTheDevice() {
        CountingDevice device = new CountingDevice(Integer.MAX_VALUE);
        SecureRandom r = Crypto.KernelRandom.over(device);
        for (int i = 0; i < 256; i++) {
            r.nextBytes(new byte[16]);
        }
        assertThat(device.reads).isEqualTo(1);
        r.nextBytes(new byte[1]);
        assertThat(device.reads).isEqualTo(2);
    }

    @Test
    void handedOutBytesAreZeroedInTheBuffer() throws Exception {
        SecureRandom r = Crypto.KernelRandom.over(new CountingDevice(Integer.MAX_VALUE));
        byte[] first = new byte[100];
        r.nextBytes(first);
        byte[] buffer = buffer(r);
        for (int i = 0; i < 100; i++) {
            assertThat(buffer[i]).as("buffer byte %d", i).isZero();
        }
        assertThat(buffer[100]).isEqualTo(CountingDevice.at(100));
    }

    @Test
    void threadsNeverGetTheSameBytes() throws Exception {
        SecureRandom r = Crypto.KernelRandom.over(new CountingDevice(700));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    int duplicates = 0;
                    for (int i = 0; i < 2000; i++) {
                        byte[] b = new byte[8];
                        r.nextBytes(b);
                        if (!seen.add(java.nio.ByteBuffer.wrap(b).getLong())) {
                            duplicates++;
                        }
                    }
                    return duplicates;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(8 * 2000);
    }

    @Test
    void aFailingDeviceFailsTheCallAndHandsOutNothing() {
        InputStream dead = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("gone");
            }
        };
        SecureRandom r = Crypto.KernelRandom.over(dead);
        byte[] b = new byte[16];
        assertThatThrownBy(() -> r.nextBytes(b)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(Crypto.KernelRandom.DEVICE);
        assertThat(b).containsOnly(0);
        InputStream empty = InputStream.nullInputStream();
        assertThatThrownBy(() -> Crypto.KernelRandom.over(empty).nextBytes(new byte[4]))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void theLibraryRandomReadsTheKernelDeviceWhereItExists() {
        if (new java.io.File(Crypto.KernelRandom.DEVICE).canRead()) {
            assertThat(Crypto.secureRandom().getAlgorithm()).isEqualTo("kernel " + Crypto.KernelRandom.DEVICE);
        }
        byte[] a = Crypto.random(16);
        byte[] b = Crypto.random(16);
        assertThat(a).isNotEqualTo(b);
    }

    private static byte[] buffer(SecureRandom r) throws Exception {
        Field spiField = Crypto.KernelRandom.class.getDeclaredField("spi");
        spiField.setAccessible(true);
        Object spi = spiField.get(r);
        Field buffer = spi.getClass().getDeclaredField("buffer");
        buffer.setAccessible(true);
        return (byte[]) buffer.get(spi);
    }
}
