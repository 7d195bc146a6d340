package dev.ipmi.core.sdr;

import dev.ipmi.core.MalformedMessageException;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of reading an SDR repository.
 *
 * @param rawRecords every record as read (header included), in repository order
 * @param records    the records that decoded
 * @param malformed  records that did not decode (dropped from {@code records})
 * @param fromCache  true when the records came from an {@link SdrCache} instead of the BMC
 */
public record SdrScan(List<byte[]> rawRecords, List<SdrRecord> records, List<MalformedMessageException> malformed,
                      boolean fromCache) {
    public SdrScan {
        rawRecords = rawRecords.stream().map(byte[]::clone).toList();
        records = List.copyOf(records);
        malformed = List.copyOf(malformed);
    }

    @Override
    public List<byte[]> rawRecords() {
        return rawRecords.stream().map(byte[]::clone).toList();
    }

    /** Decodes raw records; the ones that fail are collected, not thrown. */
    public static SdrScan decode(List<byte[]> raw, boolean fromCache) {
        List<SdrRecord> records = new ArrayList<>(raw.size());
        List<MalformedMessageException> bad = new ArrayList<>();
        for (byte[] r : raw) {
            try {
                records.add(SdrRecord.decode(r));
            } catch (MalformedMessageException e) {
                bad.add(e);
            }
        }
        return new SdrScan(raw, records, bad, fromCache);
    }

    /** The sensor records (full, compact, event-only). */
    public List<SdrRecord.SensorRecord> sensors() {
        return records.stream().filter(r -> r instanceof SdrRecord.SensorRecord)
                .map(r -> (SdrRecord.SensorRecord) r).toList();
    }
}
