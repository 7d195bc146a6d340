package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sel.SelReader;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelScan;
import dev.ipmi.core.sel.SelTimestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The System Event Log (ipmitool's {@code sel}), non-blocking: info, entries, add, delete, clear
 * (reserve, initiate erase, poll until done), time and UTC offset.
 */
public final class AsyncSel {
    private final AsyncIpmiClient client;

    AsyncSel(AsyncIpmiClient client) {
        this.client = client;
    }

    private SelReader reader() {
        return SelReader.of(client.transport(), this::delay, Duration.ofMillis(100));
    }

    private CompletableFuture<Void> delay(Duration d) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        client.scheduler().schedule(() -> f.complete(null), d.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    /** Get SEL Info: version, entries, free space, last add/erase timestamps, supported operations. */
    public CompletableFuture<GetSelInfo.Response> info() {
        return reader().info();
    }

    public CompletableFuture<GetSelAllocationInfo.Response> allocationInfo() {
        return reader().allocationInfo();
    }

    /** Every entry (from 0000h to FFFFh); undecodable entries are listed apart in the scan. */
    public CompletableFuture<SelScan> scan() {
        return reader().readAll();
    }

    /**
     * The entry {@code recordId} and every entry after it: how a poller reads only what was added
     * since it last looked (it passes the last record ID it saw and skips that record).
     */
    public CompletableFuture<SelScan> scanFrom(int recordId) {
        return reader().readFrom(recordId);
    }

    /** Every entry that decoded. */
    public CompletableFuture<List<SelRecord>> entries() {
        return scan().thenApply(SelScan::records);
    }

    /** One entry by record ID (Get SEL Entry of the whole record). */
    public CompletableFuture<Entry> entry(int recordId) {
        if (recordId < 0 || recordId > 0xFFFF) {
            throw new IllegalArgumentException("SEL record ID out of range 0..FFFFh: " + recordId);
        }
        return client.execute(new GetSelEntry.Request(0, recordId, 0, GetSelEntry.ENTIRE_RECORD))
                .thenApply(r -> new Entry(SelRecord.decode(r.data().toByteArray()), r.nextRecordId()));
    }

    /** One entry and the ID of the next one (FFFFh after the last). */
    public record Entry(SelRecord record, int nextRecordId) {
        public boolean isLast() {
            return nextRecordId == GetSdr.LAST;
        }
    }

    /** Add SEL Entry; the BMC assigns the record ID (returned) and the timestamp of system events. */
    public CompletableFuture<Integer> add(SelRecord record) {
        return reader().add(record);
    }

    /** Delete SEL Entry under a fresh reservation; completes with the deleted record's ID. */
    public CompletableFuture<Integer> delete(int recordId) {
        if (recordId < 0 || recordId > 0xFFFF) {
            throw new IllegalArgumentException("SEL record ID out of range 0..FFFFh: " + recordId);
        }
        return reader().delete(recordId);
    }

    /** Clear SEL: reserve, initiate erase, poll every 100 ms until the BMC reports completion. */
    public CompletableFuture<Void> clear() {
        return reader().clear();
    }

    /** Get SEL Time; a pre-init value (BMC clock never set) is reported as such. */
    public CompletableFuture<SelTimestamp> time() {
        return reader().time();
    }

    /** Set SEL Time (whole seconds). */
    public CompletableFuture<Void> setTime(Instant time) {
        return reader().setTime(time);
    }

    /** Get SEL Time UTC Offset in minutes east of UTC; empty when the BMC says "unspecified". */
    public CompletableFuture<OptionalInt> utcOffset() {
        return reader().utcOffset().thenApply(r -> r.offsetMinutes());
    }

    /** Set SEL Time UTC Offset, in minutes (−1440..1440). */
    public CompletableFuture<Void> setUtcOffset(int minutes) {
        if (minutes < -1440 || minutes > 1440) {
            throw new IllegalArgumentException("UTC offset must be -1440..1440 minutes: " + minutes);
        }
        return reader().setUtcOffset(minutes);
    }
}
