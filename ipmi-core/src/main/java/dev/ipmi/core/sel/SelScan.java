package dev.ipmi.core.sel;

import dev.ipmi.core.MalformedMessageException;
import java.util.List;

/** Every SEL entry read, and the ones that did not decode (kept out of {@code records}). */
public record SelScan(List<SelRecord> records, List<MalformedMessageException> malformed) {
    public SelScan {
        records = List.copyOf(records);
        malformed = List.copyOf(malformed);
    }
}
