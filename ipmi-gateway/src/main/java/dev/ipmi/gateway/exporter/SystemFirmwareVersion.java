package dev.ipmi.gateway.exporter;

import dev.ipmi.core.client.AsyncIpmiClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The system firmware version as bmc-info reads it: Get System Info Parameters (IPMI v2.0 §22.14a,
 * NetFn App, cmd 59h), parameter 1, read set by set. Set 0 starts with the encoding and the
 * string length; each set carries 16 data bytes. ipmi_exporter keeps only the leading digits and
 * dots of the text, and "N/A" when the BMC does not answer the parameter.
 */
final class SystemFirmwareVersion {
    private static final int NETFN_APP = 0x06;
    private static final int GET_SYSTEM_INFO_PARAMETERS = 0x59;
    private static final int SYSTEM_FIRMWARE_VERSION = 0x01;
    private static final int MAX_SETS = 16;

    private SystemFirmwareVersion() {}

    static CompletableFuture<String> read(AsyncIpmiClient c) {
        return set(c, 0).thenCompose(first -> {
            // reply: parameter revision, set selector, then 16 bytes: encoding, length, text…
            if (first.length < 4) {
                throw new IllegalStateException("Get System Info Parameters reply too short: " + first.length);
            }
            int encoding = first[2] & 0x0F;
            int length = first[3] & 0xFF;
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.write(first, 4, Math.min(first.length - 4, length));
            return rest(c, 1, text, length).thenApply(t -> {
                String s = new String(t.toByteArray(), 0, Math.min(t.size(), length),
                        encoding == 1 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                return Scrape.digitsAndDots(s.strip());
            });
        });
    }

    private static CompletableFuture<ByteArrayOutputStream> rest(AsyncIpmiClient c, int set, ByteArrayOutputStream text,
                                                               int length) {
        if (text.size() >= length || set >= MAX_SETS) {
            return CompletableFuture.completedFuture(text);
        }
        return set(c, set).thenCompose(d -> {
            if (d.length <= 2) {
                return CompletableFuture.completedFuture(text);
            }
            text.write(d, 2, d.length - 2);
            return rest(c, set + 1, text, length);
        });
    }

    private static CompletableFuture<byte[]> set(AsyncIpmiClient c, int set) {
        return c.raw(NETFN_APP, GET_SYSTEM_INFO_PARAMETERS, (byte) 0x00, (byte) SYSTEM_FIRMWARE_VERSION, (byte) set,
                (byte) 0x00);
    }
}
