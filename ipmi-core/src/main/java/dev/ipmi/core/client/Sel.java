package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelScan;
import dev.ipmi.core.sel.SelTimestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/** The System Event Log (ipmitool's {@code sel}); waits on {@link AsyncSel}. */
public final class Sel {
    private final AsyncSel async;

    Sel(AsyncSel async) {
        this.async = async;
    }

    public GetSelInfo.Response info() {
        return Futures.await(async.info());
    }

    public GetSelAllocationInfo.Response allocationInfo() {
        return Futures.await(async.allocationInfo());
    }

    public SelScan scan() {
        return Futures.await(async.scan());
    }

    public List<SelRecord> entries() {
        return Futures.await(async.entries());
    }

    public AsyncSel.Entry entry(int recordId) {
        return Futures.await(async.entry(recordId));
    }

    /** Returns the record ID the BMC assigned. */
    public int add(SelRecord record) {
        return Futures.await(async.add(record));
    }

    /** Returns the deleted record's ID. */
    public int delete(int recordId) {
        return Futures.await(async.delete(recordId));
    }

    /** Erases the SEL and waits until the BMC reports the erase completed. */
    public void clear() {
        Futures.await(async.clear());
    }

    public SelTimestamp time() {
        return Futures.await(async.time());
    }

    public void setTime(Instant time) {
        Futures.await(async.setTime(time));
    }

    public OptionalInt utcOffset() {
        return Futures.await(async.utcOffset());
    }

    public void setUtcOffset(int minutes) {
        Futures.await(async.setUtcOffset(minutes));
    }
}
