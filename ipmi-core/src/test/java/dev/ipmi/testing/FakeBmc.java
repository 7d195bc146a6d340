package dev.ipmi.testing;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.wire.ByteWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory BMC behind {@link IpmiTransport} for unit tests: an SDR repository (also served as
 * device SDRs), a SEL and FRU devices, with knobs that replay the misbehaviour of real BMCs
 * (reservations cancelled mid-scan, pieces refused with CAh/C8h, short replies, wrong record IDs,
 * FRU busy, over-reported FRU size). Every request is logged; nothing sleeps.
 */
public final class FakeBmc implements IpmiTransport {
    /** One request as the fake saw it. */
    public record Request(RequestTarget target, int netFn, int cmd, byte[] data) {
        @Override
        public String toString() {
            return String.format("%02X/%02X %s", netFn, cmd, dev.ipmi.core.wire.Hex.compact(data));
        }
    }

    public final List<Request> log = new ArrayList<>();

    public List<byte[]> sdrs = new ArrayList<>();
    public long sdrLastAddition = 0x6B016FACL;
    public long sdrLastErase = 0;
    /** Largest Get SDR count answered; larger (and whole records longer than this) get {@link #sdrRefuseCode}. */
    public int sdrMaxRead = 0xFF;
    public int sdrRefuseCode = 0xCA;
    /** When > 0, successful Get SDR replies carry at most this many data bytes (a "short reply"). */
    public int sdrShortReply = 0;
    /** Pad whole-record replies with this many zero bytes (ipmi_sim does). */
    public int sdrWholePadding = 0;
    /** Get SDR request numbers (1-based, counting Get SDR only) answered with C5h, invalidating the reservation. */
    public Set<Integer> sdrCancelAt = new HashSet<>();
    /** Answer requests for record N with header record ID N + this (0 = honest). */
    public int sdrWrongIdDelta = 0;
    public boolean reserveSdrSupported = true;
    /**
     * Device-SDR mode: Get Device ID reports "provides device SDRs" and a sensor device without an
     * SDR repository device, and the Storage SDR repository commands answer C1h; {@link #sdrs} are
     * served only through the Sensor/Event device SDR commands.
     */
    public boolean deviceSdrMode = false;

    public List<byte[]> sel = new ArrayList<>();
    public int selMaxRead = 0xFF;
    public Set<Integer> selCancelAt = new HashSet<>();
    /** Clear SEL status polls answered "in progress" before "completed". */
    public int selErasePolls = 2;
    public int selTime = 0x6B016FAC;

    public final Map<Integer, byte[]> fru = new HashMap<>();
    public int fruMaxRead = 0x22;
    public boolean fruWordAccess = false;
    /** Area size reported beyond the real data (the extra bytes read as empty replies). */
    public int fruOverReport = 0;
    public int fruBusyTimes = 0;
    /** When > 0, Read FRU Data replies carry at most this many bytes. */
    public int fruShortReply = 0;

    /** Get Sensor Reading answers per sensor number: completion code then data. Missing = CBh. */
    public final Map<Integer, byte[]> readings = new HashMap<>();
    /** Get Sensor Thresholds answers per sensor number (data only). */
    public final Map<Integer, byte[]> thresholds = new HashMap<>();
    /** Get Sensor Reading Factors answer data (next reading + 6 factor bytes) for any sensor. */
    public byte[] readingFactors;

    private int reservation = 0;
    private int sdrRequests;
    private int selRequests;
    private int erasePolls;

    /** Requests with this netFn/cmd so far. */
    public long count(int netFn, int cmd) {
        return log.stream().filter(r -> r.netFn == netFn && r.cmd == cmd).count();
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        log.add(new Request(target, id.netFn().code(), id.cmd(), data.clone()));
        if (log.size() > 100_000) {
            throw new AssertionError("runaway client: more than 100000 requests");
        }
        return CompletableFuture.completedFuture(answer(id.netFn().code(), id.cmd(), data));
    }

    private static byte[] cc(int code) {
        return new byte[] {(byte) code};
    }

    private static byte[] ok(ByteWriter w) {
        byte[] d = w.toByteArray();
        byte[] out = new byte[d.length + 1];
        System.arraycopy(d, 0, out, 1, d.length);
        return out;
    }

    private static int u16(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8;
    }

    private byte[] answer(int netFn, int cmd, byte[] d) {
        if (netFn == 0x06 && cmd == 0x01) {
            return ok(new ByteWriter().u8(0x20).u8(deviceSdrMode ? 0x81 : 0x01).u8(0x02).u8(0x10).u8(0x51)
                    .u8(deviceSdrMode ? 0x01 : 0x0F).u8(0xF0).u8(0x0D).u8(0x00).u8(0x01).u8(0x00));
        }
        if (deviceSdrMode && netFn == 0x0A && (cmd == 0x20 || cmd == 0x22 || cmd == 0x23)) {
            return cc(0xC1);
        }
        if (netFn == 0x0A && cmd == 0x20) {
            return ok(new ByteWriter().u8(0x51).u16(sdrs.size()).u16(0xFFFE).u32(sdrLastAddition).u32(sdrLastErase)
                    .u8(0x02));
        }
        if ((netFn == 0x0A || netFn == 0x04) && cmd == 0x22) {
            if (!reserveSdrSupported) {
                return cc(0xC1);
            }
            return ok(new ByteWriter().u16(++reservation & 0xFFFF));
        }
        if (netFn == 0x04 && cmd == 0x20) {
            return ok(new ByteWriter().u8(sdrs.size()).u8(0x01));
        }
        if ((netFn == 0x0A && cmd == 0x23) || (netFn == 0x04 && cmd == 0x21)) {
            return getSdr(d);
        }
        if (netFn == 0x0A && cmd == 0x40) {
            return ok(new ByteWriter().u8(0x51).u16(sel.size()).u16(16000 - 16 * sel.size()).u32(selTime).u32(0)
                    .u8(0x0A));
        }
        if (netFn == 0x0A && cmd == 0x42) {
            return ok(new ByteWriter().u16(++reservation & 0xFFFF));
        }
        if (netFn == 0x0A && cmd == 0x43) {
            return getSel(d);
        }
        if (netFn == 0x0A && cmd == 0x44) {
            byte[] r = d.clone();
            int id = sel.size() + 1;
            r[0] = (byte) id;
            r[1] = (byte) (id >> 8);
            sel.add(r);
            return ok(new ByteWriter().u16(id));
        }
        if (netFn == 0x0A && cmd == 0x46) {
            if (u16(d, 0) != reservation) {
                return cc(0xC5);
            }
            int id = u16(d, 2);
            boolean removed = sel.removeIf(r -> u16(r, 0) == id);
            return removed ? ok(new ByteWriter().u16(id)) : cc(0xCB);
        }
        if (netFn == 0x0A && cmd == 0x47) {
            if (u16(d, 0) != reservation || d[2] != 'C' || d[3] != 'L' || d[4] != 'R') {
                return cc(0xC5);
            }
            if ((d[5] & 0xFF) == 0xAA) {
                sel.clear();
                erasePolls = 0;
                return ok(new ByteWriter().u8(selErasePolls == 0 ? 1 : 0));
            }
            return ok(new ByteWriter().u8(++erasePolls > selErasePolls ? 1 : 0));
        }
        if (netFn == 0x0A && cmd == 0x48) {
            return ok(new ByteWriter().i32(selTime));
        }
        if (netFn == 0x0A && cmd == 0x49) {
            selTime = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
            return cc(0);
        }
        if (netFn == 0x0A && cmd == 0x10) {
            byte[] f = fru.get(d[0] & 0xFF);
            if (f == null) {
                return cc(0xCB);
            }
            return ok(new ByteWriter().u16(f.length + fruOverReport).u8(fruWordAccess ? 1 : 0));
        }
        if (netFn == 0x0A && cmd == 0x11) {
            return readFru(d);
        }
        if (netFn == 0x0A && cmd == 0x12) {
            byte[] f = fru.get(d[0] & 0xFF);
            int off = u16(d, 1);
            int n = d.length - 3;
            System.arraycopy(d, 3, f, off, Math.min(n, f.length - off));
            return ok(new ByteWriter().u8(n));
        }
        if (netFn == 0x04 && cmd == 0x2D) {
            byte[] r = readings.get(d[0] & 0xFF);
            return r == null ? cc(0xCB) : r.clone();
        }
        if (netFn == 0x04 && cmd == 0x27) {
            byte[] t = thresholds.get(d[0] & 0xFF);
            return t == null ? cc(0xCB) : ok(new ByteWriter().bytes(t));
        }
        if (netFn == 0x04 && cmd == 0x26) {
            return cc(0);
        }
        if (netFn == 0x04 && cmd == 0x23) {
            return readingFactors == null ? cc(0xC1) : ok(new ByteWriter().bytes(readingFactors));
        }
        return cc(0xC1);
    }

    private byte[] getSdr(byte[] d) {
        sdrRequests++;
        int res = u16(d, 0);
        int id = u16(d, 2);
        int off = d[4] & 0xFF;
        int count = d[5] & 0xFF;
        if (sdrCancelAt.contains(sdrRequests)) {
            reservation++;
            return cc(0xC5);
        }
        boolean partial = off != 0 || count != 0xFF;
        if (partial && reserveSdrSupported && res != reservation) {
            return cc(0xC5);
        }
        int index = -1;
        if (id == 0) {
            index = sdrs.isEmpty() ? -1 : 0;
        } else {
            for (int i = 0; i < sdrs.size(); i++) {
                if (u16(sdrs.get(i), 0) == id) {
                    index = i;
                }
            }
        }
        if (index < 0) {
            return cc(0xCB);
        }
        byte[] rec = sdrs.get(index).clone();
        if (sdrWrongIdDelta != 0 && id != 0) {
            int wrong = id + sdrWrongIdDelta;
            rec[0] = (byte) wrong;
            rec[1] = (byte) (wrong >> 8);
        }
        int next = index + 1 < sdrs.size() ? u16(sdrs.get(index + 1), 0) : 0xFFFF;
        byte[] piece;
        if (count == 0xFF && off == 0) {
            if (rec.length > sdrMaxRead) {
                return cc(sdrRefuseCode);
            }
            piece = Arrays.copyOf(rec, rec.length + sdrWholePadding);
        } else {
            if (count > sdrMaxRead) {
                return cc(sdrRefuseCode);
            }
            piece = Arrays.copyOfRange(rec, Math.min(off, rec.length), Math.min(off + count, rec.length));
        }
        if (sdrShortReply > 0 && piece.length > sdrShortReply) {
            piece = Arrays.copyOf(piece, sdrShortReply);
        }
        return ok(new ByteWriter().u16(next).bytes(piece));
    }

    private byte[] getSel(byte[] d) {
        selRequests++;
        int res = u16(d, 0);
        int id = u16(d, 2);
        int off = d[4] & 0xFF;
        int count = d[5] & 0xFF;
        if (selCancelAt.contains(selRequests)) {
            reservation++;
            return cc(0xC5);
        }
        boolean partial = off != 0 || count != 0xFF;
        if (partial && res != reservation) {
            return cc(0xC5);
        }
        if (sel.isEmpty()) {
            return cc(0xCB);
        }
        int index = id == 0 ? 0 : id == 0xFFFF ? sel.size() - 1 : -1;
        for (int i = 0; index < 0 && i < sel.size(); i++) {
            if (u16(sel.get(i), 0) == id) {
                index = i;
            }
        }
        if (index < 0) {
            return cc(0xCB);
        }
        int wanted = count == 0xFF ? 16 - off : count;
        if (wanted > selMaxRead) {
            return cc(0xCA);
        }
        byte[] rec = sel.get(index);
        int next = index + 1 < sel.size() ? u16(sel.get(index + 1), 0) : 0xFFFF;
        return ok(new ByteWriter().u16(next).bytes(Arrays.copyOfRange(rec, off, Math.min(16, off + wanted))));
    }

    private byte[] readFru(byte[] d) {
        byte[] f = fru.get(d[0] & 0xFF);
        if (f == null) {
            return cc(0xCB);
        }
        if (fruBusyTimes > 0) {
            fruBusyTimes--;
            return cc(0x81);
        }
        int unit = fruWordAccess ? 2 : 1;
        int off = u16(d, 1) * unit;
        int n = (d[3] & 0xFF) * unit;
        if (n > fruMaxRead) {
            return cc(0xC8);
        }
        if (off >= f.length) {
            return ok(new ByteWriter().u8(0));
        }
        int end = Math.min(f.length, off + n);
        if (fruShortReply > 0) {
            end = Math.min(end, off + fruShortReply);
        }
        return ok(new ByteWriter().u8((end - off) / unit).bytes(Arrays.copyOfRange(f, off, end)));
    }

    @Override
    public void close() {}
}
