package dev.ipmi.core.sel;

import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.storage.AddSelEntry;
import dev.ipmi.core.commands.storage.ClearSel;
import dev.ipmi.core.commands.storage.DeleteSelEntry;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.storage.GetSelTime;
import dev.ipmi.core.commands.storage.GetSelTimeUtcOffset;
import dev.ipmi.core.commands.storage.ReserveSel;
import dev.ipmi.core.commands.storage.SetSelTime;
import dev.ipmi.core.commands.storage.SetSelTimeUtcOffset;
import dev.ipmi.core.internal.AsyncLoop.Outcome;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.internal.AsyncLoop;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.types.CompletionCode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * System Event Log operations over an {@link IpmiTransport} — IPMI v2.0 §31.
 *
 * <p>Entries are read from 0000h to FFFFh following "next record ID". Whole 16-byte reads need no
 * reservation; when a BMC refuses them (CAh/FFh/C7h/C8h) or answers short, the entry is read in
 * smaller pieces under a reservation, renewed if cancelled (C5h). Clearing reserves, initiates the
 * erase and polls until the BMC reports completion.
 */
public final class SelReader {
    private static final Logger LOG = LoggerFactory.getLogger(SelReader.class);
    static final int MAX_RESERVATIONS = 32;
    static final int MAX_ATTEMPTS_PER_PIECE = 8;
    /** Clear SEL status polls before giving up. */
    public static final int MAX_CLEAR_POLLS = 600;

    private final IpmiTransport transport;
    private final Function<Duration, CompletableFuture<Void>> delay;
    private final Duration pollInterval;
    private final int firstChunk;

    private SelReader(IpmiTransport transport, Function<Duration, CompletableFuture<Void>> delay,
                      Duration pollInterval, int firstChunk) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (firstChunk < 1 || firstChunk > 0xFF) {
            throw new IllegalArgumentException("first chunk must be 1..255 (255 = whole entry): " + firstChunk);
        }
        this.firstChunk = firstChunk;
    }

    /** Reads entries in pieces of at most {@code bytes} (under a reservation) instead of whole. */
    public SelReader firstChunk(int bytes) {
        return new SelReader(transport, delay, pollInterval, bytes);
    }

    /** Polls Clear SEL every 100 ms using {@link CompletableFuture#delayedExecutor}. */
    public static SelReader of(IpmiTransport transport) {
        return new SelReader(transport, d -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS)), Duration.ofMillis(100), 0xFF);
    }

    /** With a custom delay (tests: an immediate future, so no wall-clock sleeps). */
    public static SelReader of(IpmiTransport transport, Function<Duration, CompletableFuture<Void>> delay,
                               Duration pollInterval) {
        return new SelReader(transport, delay, pollInterval, 0xFF);
    }

    public CompletableFuture<GetSelInfo.Response> info() {
        return transport.send(new GetSelInfo.Request());
    }

    public CompletableFuture<GetSelAllocationInfo.Response> allocationInfo() {
        return transport.send(new GetSelAllocationInfo.Request());
    }

    public CompletableFuture<SelTimestamp> time() {
        return transport.send(new GetSelTime.Request()).thenApply(r -> new SelTimestamp(r.time()));
    }

    public CompletableFuture<Void> setTime(Instant time) {
        return transport.send(new SetSelTime.Request(time.getEpochSecond())).thenApply(r -> null);
    }

    public CompletableFuture<GetSelTimeUtcOffset.Response> utcOffset() {
        return transport.send(new GetSelTimeUtcOffset.Request());
    }

    public CompletableFuture<Void> setUtcOffset(int minutes) {
        return transport.send(new SetSelTimeUtcOffset.Request(minutes)).thenApply(r -> null);
    }

    /** Adds a record; the BMC assigns the ID (and the timestamp of system event records). Returns the ID. */
    public CompletableFuture<Integer> add(SelRecord record) {
        return transport.send(new AddSelEntry.Request(record.toBytes())).thenApply(AddSelEntry.Response::recordId);
    }

    /** Deletes one entry under a fresh reservation (renewed once if cancelled). */
    public CompletableFuture<Integer> delete(int recordId) {
        return reserve().thenCompose(res -> transport.send(new DeleteSelEntry.Request(res, recordId)))
                .handle((r, e) -> r != null ? CompletableFuture.completedFuture(r.recordId())
                        : AsyncLoop.completionCode(e) == CompletionCode.RESERVATION_CANCELLED.code()
                        ? reserve().thenCompose(res -> transport.send(new DeleteSelEntry.Request(res, recordId)))
                                .thenApply(DeleteSelEntry.Response::recordId)
                        : CompletableFuture.<Integer>failedFuture(Futures.unwrap(e)))
                .thenCompose(f -> f);
    }

    private CompletableFuture<Integer> reserve() {
        return transport.send(new ReserveSel.Request()).thenApply(ReserveSel.Response::reservationId);
    }

    /** Clears the SEL: reserve, initiate erase, poll until completed. */
    public CompletableFuture<Void> clear() {
        int[] reservation = {-1};
        int[] polls = {0};
        int[] reservations = {0};
        boolean[] initiated = {false};
        return AsyncLoop.<Boolean>run(() -> {
            if (reservation[0] < 0) {
                return reserve().thenApply(id -> {
                    reservation[0] = id;
                    return Optional.<Boolean>empty();
                });
            }
            if (!initiated[0]) {
                return AsyncLoop.attempt(() -> transport.send(ClearSel.Request.initiate(reservation[0])))
                        .thenApply(o -> {
                            if (o.ok()) {
                                initiated[0] = true;
                                return o.value().completed() ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty();
                            }
                            return renewOrFail(o, reservation, reservations);
                        });
            }
            if (++polls[0] > MAX_CLEAR_POLLS) {
                return CompletableFuture.failedFuture(new IpmiTimeoutException(
                        "Clear SEL (erase still in progress)", MAX_CLEAR_POLLS,
                        pollInterval.multipliedBy(MAX_CLEAR_POLLS)));
            }
            return delay.apply(pollInterval)
                    .thenCompose(x -> AsyncLoop.attempt(() -> transport.send(ClearSel.Request.status(reservation[0]))))
                    .thenApply(o -> {
                        if (o.ok()) {
                            return o.value().completed() ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty();
                        }
                        return renewOrFail(o, reservation, reservations);
                    });
        }).thenApply(done -> (Void) null);
    }

    private static Optional<Boolean> renewOrFail(Outcome<?> o, int[] reservation, int[] reservations) {
        if (o.completionCode() == CompletionCode.RESERVATION_CANCELLED.code() && ++reservations[0] <= MAX_RESERVATIONS) {
            reservation[0] = -1;
            return Optional.empty();
        }
        throw new CompletionException(o.failure());
    }

    /** Reads every entry. Entries that do not decode are reported in {@link SelScan#malformed()}. */
    public CompletableFuture<SelScan> readAll() {
        Scan scan = new Scan(GetSelEntry.FIRST);
        return AsyncLoop.run(scan::step);
    }

    /**
     * Reads the entry {@code recordId} and every entry after it, following "next record ID": an
     * incremental reader asks again for the last record it saw to learn what follows it. Fails with
     * the BMC's completion code (CBh) when that record is no longer there.
     */
    public CompletableFuture<SelScan> readFrom(int recordId) {
        if (recordId < 0 || recordId >= GetSelEntry.LAST) {
            throw new IllegalArgumentException("SEL record ID out of range 0..FFFEh: " + recordId);
        }
        Scan scan = new Scan(recordId);
        return AsyncLoop.run(scan::step);
    }

    private final class Scan {
        private final List<SelRecord> records = new ArrayList<>();
        private final List<MalformedMessageException> malformed = new ArrayList<>();
        private final Set<Integer> seen = new HashSet<>();
        private final ByteArrayOutputStream entry = new ByteArrayOutputStream();
        private int id;
        private int reservation = 0;
        private int chunk = firstChunk;
        private boolean needReservation = chunk < 0xFF;
        private int reservations;
        private int attempts;

        Scan(int first) {
            this.id = first;
        }

        CompletableFuture<Optional<SelScan>> step() {
            if (needReservation) {
                return reserve().thenApply(r -> {
                    reservation = r;
                    needReservation = false;
                    return Optional.empty();
                });
            }
            int offset = entry.size();
            int count = offset == 0 && chunk >= 0xFF ? GetSelEntry.ENTIRE_RECORD
                    : Math.min(Math.min(chunk, 0xFE), SelRecord.LENGTH - offset);
            GetSelEntry.Request req = new GetSelEntry.Request(reservation, id, offset, count);
            return AsyncLoop.attempt(() -> transport.send(req)).thenApply(o -> received(o, offset, count));
        }

        private Optional<SelScan> received(Outcome<GetSdr.Response> o, int offset, int count) {
            if (!o.ok()) {
                int cc = o.completionCode();
                if (cc == CompletionCode.RESERVATION_CANCELLED.code() && ++reservations <= MAX_RESERVATIONS) {
                    needReservation = true;
                    return Optional.empty();
                }
                if (cc == CompletionCode.NOT_PRESENT.code() && seen.isEmpty() && id == GetSelEntry.FIRST && offset == 0) {
                    // an empty SEL answers "entry not found" for the first entry
                    return Optional.of(new SelScan(records, malformed));
                }
                if ((cc == 0xCA || cc == 0xFF || cc == 0xC7 || cc == 0xC8) && chunk > 1
                        && ++attempts <= MAX_ATTEMPTS_PER_PIECE) {
                    chunk = chunk >= 0xFF ? 8 : Math.max(1, Math.min(chunk, count) / 2);
                    if (reservation == 0) {
                        needReservation = true;
                    }
                    return Optional.empty();
                }
                throw new CompletionException(o.failure());
            }
            byte[] data = o.value().data().toByteArray();
            int take = Math.min(data.length, SelRecord.LENGTH - offset);
            if (take <= 0) {
                if (++attempts > MAX_ATTEMPTS_PER_PIECE) {
                    throw new CompletionException(new MalformedMessageException("Get SEL Entry data", 0, data,
                            "BMC keeps returning no data for entry " + id));
                }
                chunk = Math.max(1, Math.min(chunk, 16) / 2);
                needReservation = reservation == 0;
                return Optional.empty();
            }
            attempts = 0;
            entry.write(data, 0, take);
            if (entry.size() < SelRecord.LENGTH) {
                chunk = Math.min(take, 0xFE);
                if (reservation == 0) {
                    needReservation = true;
                }
                return Optional.empty();
            }
            byte[] bytes = entry.toByteArray();
            entry.reset();
            try {
                records.add(SelRecord.decode(bytes));
            } catch (MalformedMessageException e) {
                LOG.debug("dropping undecodable SEL entry {}: {}", id, e.getMessage());
                malformed.add(e);
            }
            seen.add(id);
            int next = o.value().nextRecordId();
            if (next == GetSelEntry.LAST || next == id || seen.contains(next) || seen.size() > 0xFFFF) {
                return Optional.of(new SelScan(records, malformed));
            }
            id = next;
            return Optional.empty();
        }
    }
}
