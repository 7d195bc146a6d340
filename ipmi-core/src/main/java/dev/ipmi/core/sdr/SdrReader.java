package dev.ipmi.core.sdr;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.commands.sensor.GetDeviceSdr;
import dev.ipmi.core.commands.sensor.ReserveDeviceSdrRepository;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.ReserveSdrRepository;
import dev.ipmi.core.internal.AsyncLoop.Outcome;
import dev.ipmi.core.internal.AsyncLoop;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.types.CompletionCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an SDR repository over an {@link IpmiTransport}: the BMC's (Get SDR, IPMI v2.0 §33.12) or a
 * satellite controller's device SDRs (Get Device SDR, §35.3).
 *
 * <p>Records are read from ID 0000h, following "next record ID" until FFFFh (the record count in
 * the repository info is not trusted). Each record is asked for in the largest piece the BMC
 * takes: first the entire record, and on CAh/FFh/C7h/C8h the piece shrinks (halving) and the
 * read resumes; a short reply lowers the piece size to what came back. A cancelled reservation
 * (C5h) is renewed and the read resumes where it stopped. When a BMC answers a request for record
 * N with another record ID in the header, N is kept for the rest of that record (ipmitool and
 * FreeIPMI do the same). Trailing bytes beyond the header's length (ipmi_sim pads whole-record
 * reads with zeros) are dropped.
 */
public final class SdrReader {
    private static final Logger LOG = LoggerFactory.getLogger(SdrReader.class);
    /** Renewed reservations allowed per scan before giving up (the repository keeps changing). */
    static final int MAX_RESERVATIONS = 32;
    /** Failed or empty reads of one piece tolerated before the scan fails. */
    static final int MAX_ATTEMPTS_PER_PIECE = 12;

    private final IpmiTransport transport;
    private final RequestTarget target;
    private final boolean device;
    private final int firstChunk;

    private SdrReader(IpmiTransport transport, RequestTarget target, boolean device, int firstChunk) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.target = Objects.requireNonNull(target, "target");
        this.device = device;
        if (firstChunk < 1 || firstChunk > 0xFF) {
            throw new IllegalArgumentException("first chunk must be 1..255 (255 = entire record): " + firstChunk);
        }
        this.firstChunk = firstChunk;
    }

    /** Reads the BMC's SDR repository. */
    public static SdrReader repository(IpmiTransport transport) {
        return new SdrReader(transport, RequestTarget.BMC, false, 0xFF);
    }

    /** Reads a controller's device SDRs (Get Device SDR) at {@code target}. */
    public static SdrReader device(IpmiTransport transport, RequestTarget target) {
        return new SdrReader(transport, target, true, 0xFF);
    }

    /** The piece size of the first request (255 = entire record). Lower it for BMCs that time out instead of answering CAh. */
    public SdrReader firstChunk(int bytes) {
        return new SdrReader(transport, target, device, bytes);
    }

    /** Get SDR Repository Info (BMC repository only). */
    public CompletableFuture<GetSdrRepositoryInfo.Response> info() {
        return transport.send(target, new GetSdrRepositoryInfo.Request());
    }

    /** Reads every record. */
    public CompletableFuture<SdrScan> readAll() {
        return readRaw().thenApply(raw -> SdrScan.decode(raw, false));
    }

    /**
     * Reads every record unless {@code cache} holds this host's repository with the same last
     * addition and erase timestamps, in which case the scan costs one Get SDR Repository Info.
     *
     * <p>Device SDRs (a reader made by {@link #device}) bypass the cache: Get Device SDR Info has no
     * addition or erase timestamps to tell a stale copy from a current one, so they are read fresh
     * on every call and {@code cache} is neither consulted nor written.
     *
     * @param hostKey identifies the BMC (e.g. "host:port"); the caller chooses how specific it is
     */
    public CompletableFuture<SdrScan> readAll(SdrCache cache, String hostKey) {
        if (device) {
            return readAll();
        }
        return info().thenCompose(info -> {
            Optional<List<byte[]>> hit = cache.get(hostKey, info.lastAddition(), info.lastErase());
            if (hit.isPresent()) {
                return CompletableFuture.completedFuture(SdrScan.decode(hit.get(), true));
            }
            return readRaw().thenApply(raw -> {
                cache.put(hostKey, info.lastAddition(), info.lastErase(), raw);
                return SdrScan.decode(raw, false);
            });
        });
    }

    /** Reads every record as bytes (header included). */
    public CompletableFuture<List<byte[]>> readRaw() {
        Scan scan = new Scan();
        return AsyncLoop.run(scan::step);
    }

    private IpmiRequest<GetSdr.Response> get(int reservation, int id, int offset, int count) {
        return device ? new GetDeviceSdr.Request(reservation, id, offset, count)
                : new GetSdr.Request(reservation, id, offset, count);
    }

    private CompletableFuture<Integer> reserve() {
        return device ? transport.send(target, new ReserveDeviceSdrRepository.Request())
                .thenApply(ReserveDeviceSdrRepository.Response::reservationId)
                : transport.send(target, new ReserveSdrRepository.Request())
                .thenApply(ReserveSdrRepository.Response::reservationId);
    }

    static boolean isShrinkCode(int cc) {
        return cc == CompletionCode.CANNOT_RETURN_BYTES.code() || cc == CompletionCode.UNSPECIFIED.code()
                || cc == CompletionCode.REQUEST_LENGTH_INVALID.code()
                || cc == CompletionCode.REQUEST_FIELD_TOO_LONG.code();
    }

    static int shrink(int chunk) {
        return chunk >= 0xFF ? 0x80 : chunk / 2;
    }

    /** One scan's mutable state, driven by {@link AsyncLoop}. */
    private final class Scan {
        private final List<byte[]> records = new ArrayList<>();
        private final Set<Integer> seen = new HashSet<>();
        private int reservation = -1;
        private int reservations;
        private int chunk = firstChunk;
        private int readId = GetSdr.FIRST;
        private final ByteArrayOutputStream record = new ByteArrayOutputStream();
        private int total = -1;
        private int attempts;

        CompletableFuture<Optional<List<byte[]>>> step() {
            if (reservation < 0) {
                return AsyncLoop.attempt(SdrReader.this::reserve).thenApply(this::reserved);
            }
            int offset = record.size();
            int count;
            if (offset == 0 && chunk >= 0xFF) {
                count = GetSdr.ENTIRE_RECORD;
            } else {
                int want = total < 0 ? Math.max(chunk, 1) : total - offset;
                count = Math.min(Math.min(chunk, 0xFE), want);
            }
            IpmiRequest<GetSdr.Response> req = get(reservation, readId, offset, count);
            return AsyncLoop.attempt(() -> transport.send(target, req)).thenApply(o -> received(o, offset, count));
        }

        private Optional<List<byte[]>> reserved(Outcome<Integer> o) {
            if (o.ok()) {
                reservation = o.value();
                return Optional.empty();
            }
            if (o.completionCode() == CompletionCode.INVALID_COMMAND.code() && reservations == 0) {
                // Reserve SDR Repository is optional; whole-record reads work without one
                LOG.debug("BMC has no Reserve SDR Repository; reading without a reservation");
                reservation = 0;
                return Optional.empty();
            }
            throw new CompletionException(o.failure());
        }

        private Optional<List<byte[]>> received(Outcome<GetSdr.Response> o, int offset, int count) {
            if (!o.ok()) {
                int cc = o.completionCode();
                if (cc == CompletionCode.RESERVATION_CANCELLED.code()) {
                    if (++reservations > MAX_RESERVATIONS) {
                        throw new CompletionException(o.failure());
                    }
                    LOG.debug("SDR reservation lost at record {} offset {}; reserving again", hex(readId), offset);
                    reservation = -1;
                    return Optional.empty();
                }
                if (cc == CompletionCode.NOT_PRESENT.code() && records.isEmpty() && readId == GetSdr.FIRST
                        && offset == 0) {
                    // an empty repository answers "record not found" for the first record
                    return Optional.of(List.of());
                }
                if (isShrinkCode(cc) && chunk > 1 && ++attempts <= MAX_ATTEMPTS_PER_PIECE) {
                    chunk = shrink(Math.min(chunk, count == GetSdr.ENTIRE_RECORD ? 0xFF : count));
                    LOG.debug("Get SDR of {} bytes refused ({}); trying {}", count, hex(cc), chunk);
                    return Optional.empty();
                }
                throw new CompletionException(o.failure());
            }
            GetSdr.Response r = o.value();
            byte[] data = r.data().toByteArray();
            if (offset == 0 && readId == GetSdr.FIRST && data.length >= 2) {
                // asked for "the first record": continue with the ID it actually has
                readId = (data[0] & 0xFF) | (data[1] & 0xFF) << 8;
            }
            int take = data.length;
            if (total >= 0) {
                take = Math.min(take, total - offset);
            }
            if (take <= 0) {
                if (++attempts > MAX_ATTEMPTS_PER_PIECE || chunk <= 1) {
                    throw new CompletionException(new MalformedMessageException(
                            "Get SDR data", 0, data, "BMC keeps returning no data for record " + hex(readId)
                            + " at offset " + offset));
                }
                chunk = shrink(Math.min(chunk, 0xFF));
                return Optional.empty();
            }
            attempts = 0;
            record.write(data, 0, take);
            if (total < 0 && record.size() >= SdrRecord.HEADER_LENGTH) {
                total = SdrRecord.HEADER_LENGTH + (record.toByteArray()[4] & 0xFF);
            }
            int expected = count == GetSdr.ENTIRE_RECORD ? (total < 0 ? take : total - offset) : count;
            if (total >= 0 && record.size() > total) {
                byte[] all = record.toByteArray();
                record.reset();
                record.write(all, 0, total);
            }
            if (take < expected && record.size() < Math.max(total, SdrRecord.HEADER_LENGTH)) {
                // a short reply tells us how much this BMC returns at once
                chunk = take;
            }
            if (total < 0 || record.size() < total) {
                return Optional.empty();
            }
            records.add(record.toByteArray());
            seen.add(readId);
            int next = r.nextRecordId();
            record.reset();
            total = -1;
            if (next == GetSdr.LAST || next == readId || seen.contains(next) || records.size() > 0xFFFF) {
                if (next != GetSdr.LAST) {
                    LOG.debug("SDR chain loops at record {} -> {}; stopping", hex(readId), hex(next));
                }
                return Optional.of(List.copyOf(records));
            }
            readId = next;
            return Optional.empty();
        }
    }

    private static String hex(int v) {
        return String.format("%04Xh", v);
    }
}
