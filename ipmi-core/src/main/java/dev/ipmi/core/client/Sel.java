package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
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
        return Await.get(async.info());
    }

    public GetSelAllocationInfo.Response allocationInfo() {
        return Await.get(async.allocationInfo());
    }

    public SelScan scan() {
        return Await.get(async.scan());
    }

    public List<SelRecord> entries() {
        return Await.get(async.entries());
    }

    public AsyncSel.Entry entry(int recordId) {
        return Await.get(async.entry(recordId));
    }

    /** Returns the record ID the BMC assigned. */
    public int add(SelRecord record) {
        return Await.get(async.add(record));
    }

    /** Returns the deleted record's ID. */
    public int delete(int recordId) {
        return Await.get(async.delete(recordId));
    }

    /** Erases the SEL and waits until the BMC reports the erase completed. */
    public void clear() {
        Await.get(async.clear());
    }

    public SelTimestamp time() {
        return Await.get(async.time());
    }

    public void setTime(Instant time) {
        Await.get(async.setTime(time));
    }

    public OptionalInt utcOffset() {
        return Await.get(async.utcOffset());
    }

    public void setUtcOffset(int minutes) {
        Await.get(async.setUtcOffset(minutes));
    }
}
