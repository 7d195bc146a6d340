package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.fru.FruFormat;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.fru.FruReader;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.client.RequestTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * FRU inventory (ipmitool's {@code fru}), non-blocking: area info, raw read in the largest pieces
 * the BMC takes, decoded inventory (checksum problems listed, never thrown), ipmitool's print
 * model, and write.
 */
public final class AsyncFru {
    /** The description ipmitool gives FRU device 0 of the BMC. */
    public static final String BUILTIN = "Builtin FRU Device";
    /** Write FRU Data piece size: small enough for every BMC's input buffer. */
    static final int WRITE_CHUNK = 16;

    private final AsyncIpmiClient client;

    AsyncFru(AsyncIpmiClient client) {
        this.client = client;
    }

    private FruReader reader() {
        return FruReader.of(client.transport(), RequestTarget.BMC, this::delay);
    }

    private CompletableFuture<Void> delay(Duration d) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        client.scheduler().schedule(() -> f.complete(null), d.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    private static void checkId(int fruId) {
        if (fruId < 0 || fruId > 0xFE) {
            throw new IllegalArgumentException("FRU device ID out of range 0..254: " + fruId);
        }
    }

    /** Get FRU Inventory Area Info: size and byte/word access. */
    public CompletableFuture<GetFruInventoryAreaInfo.Response> info(int fruId) {
        checkId(fruId);
        return reader().areaInfo(fruId);
    }

    /** The whole inventory area as bytes. */
    public CompletableFuture<byte[]> read(int fruId) {
        checkId(fruId);
        return reader().read(fruId);
    }

    /** The decoded inventory. */
    public CompletableFuture<FruInventory> inventory(int fruId) {
        checkId(fruId);
        return reader().inventory(fruId);
    }

    /**
     * The FRU devices {@code fru print} shows: the BMC's builtin device 0, then every logical FRU
     * device locator behind the BMC in the SDR repository. Devices on private buses (physical
     * locators) are left out: reading them needs Master Write-Read, which this client does not do.
     */
    public CompletableFuture<List<Device>> devices() {
        return client.sdr().records().thenApply(records -> {
            List<Device> out = new ArrayList<>();
            out.add(new Device(0, BUILTIN));
            for (SdrRecord r : records) {
                if (r instanceof SdrRecord.FruDeviceLocator l && l.logical() && l.accessAddress() == 0x20
                        && l.fruDeviceId() != 0) {
                    out.add(new Device(l.fruDeviceId(), l.name()));
                }
            }
            return List.copyOf(out);
        });
    }

    /** A FRU device and its description. */
    public record Device(int fruId, String description) {}

    /** ipmitool's {@code fru print <id>} lines for one device (header line included). */
    public CompletableFuture<List<String>> print(Device device) {
        return inventory(device.fruId()).thenApply(f -> FruFormat.print(device.description(), device.fruId(), f));
    }

    /** Write FRU Data: {@code bytes} at {@code offset}, in small pieces; completes with the bytes written. */
    public CompletableFuture<Integer> write(int fruId, int offset, byte[] bytes) {
        checkId(fruId);
        if (offset < 0 || offset > 0xFFFF || offset + bytes.length > 0x10000) {
            throw new IllegalArgumentException("FRU write outside 0..FFFFh: offset " + offset + ", " + bytes.length
                    + " bytes");
        }
        return reader().write(fruId, offset, bytes, WRITE_CHUNK);
    }
}
