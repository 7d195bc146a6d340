package dev.ipmi.bmc.internal;

import static dev.ipmi.bmc.internal.Reply.error;
import static dev.ipmi.bmc.internal.Reply.ok;

import dev.ipmi.bmc.BmcBackend;
import dev.ipmi.bmc.BmcBackendException;
import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.ChannelAccessMode;
import dev.ipmi.core.commands.app.ChannelMedium;
import dev.ipmi.core.commands.app.ChannelProtocol;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.GetChannelPayloadSupport;
import dev.ipmi.core.commands.app.GetChannelPayloadVersion;
import dev.ipmi.core.commands.app.GetDeviceGuid;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.GetSystemGuid;
import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.GetUserName;
import dev.ipmi.core.commands.app.Payloads;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.commands.app.SessionSupport;
import dev.ipmi.core.commands.app.UserEnableStatus;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.ChassisIdentify;
import dev.ipmi.core.commands.chassis.GetChassisCapabilities;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.commands.dcmi.DcmiCapabilityParameter;
import dev.ipmi.core.commands.dcmi.GetDcmiCapabilityInfo;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolBitRate;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.commands.storage.ClearSel;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.storage.GetSelTime;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.commands.storage.ReserveSdrRepository;
import dev.ipmi.core.commands.storage.ReserveSel;
import dev.ipmi.core.commands.transport.GetLanConfigurationParameters;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.CipherSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns IPMI requests into {@link BmcBackend} calls. Every served command is one line of the table in
 * the constructor: its {@link CommandId}, the privilege it needs (D4h when the session's is lower), the
 * request decoder (the ipmi-core request codec) and a handler answering with the response record the
 * client decodes. Unknown commands get C1h. The session commands (auth caps, challenge, activate,
 * privilege, close) are {@link SessionCommands}, payload activation is {@link SolPayloadServer}; the
 * responders handle those before anything gets here.
 */
public final class BmcDispatcher implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BmcDispatcher.class);
    /** Get System Boot Options / Get LAN and SOL Configuration Parameters: 80h, parameter not supported. */
    private static final int PARAMETER_NOT_SUPPORTED = 0x80;
    private static final int THIS_CHANNEL = 0x0E;
    /** Parameter revision 11h of LAN and SOL configuration parameters (IPMI v2.0 tables 23-4 and 26-4). */
    private static final int PARAMETER_REVISION = 0x11;
    private static final int BMC_ADDRESS = 0x20;
    /** Clear SEL erasure progress: erase completed (IPMI v2.0 table 31-9). */
    private static final int ERASURE_COMPLETED = 0x01;
    private static final int SOL_PORT = 623;
    /** IANA enterprise number of the IPMI forum, reported by Get Channel Info for a standard channel. */
    private static final int IPMI_FORUM_IANA = 0x001BF2;

    /** Answers one decoded request. */
    @FunctionalInterface
    interface Handler<Q> {
        Reply handle(CommandContext context, Q request);
    }

    /** Answers one decoded request when the backend has finished (see {@link BmcBackend#powerAsync}). */
    @FunctionalInterface
    interface AsyncHandler<Q> {
        CompletionStage<Reply> handle(CommandContext context, Q request);
    }

    private record Route<Q>(CommandId id, PrivilegeLevel required, Function<ByteReader, Q> decoder,
                            AsyncHandler<Q> handler) {
        CompletionStage<Reply> serve(CommandContext context, ByteReader in) {
            return handler.handle(context, decoder.apply(in));
        }
    }

    /** Get Channel Cipher Suites as the BMC needs it: the request codec leaves out the list-by-suite bit. */
    private record CipherSuitesQuery(int channel, int payloadType, boolean bySuite, int listIndex) {
        static CipherSuitesQuery decode(ByteReader in) {
            int channel = in.u8("channel") & 0x0F;
            int type = in.u8("payload type") & 0x3F;
            int q = in.u8("list index");
            return new CipherSuitesQuery(channel, type, (q & 0x80) != 0, q & 0x3F);
        }
    }

    /** Clear SEL with its 'CLR' guard, which the request codec writes but does not keep. */
    private record ClearSelQuery(int reservationId, boolean guarded, int action) {
        static ClearSelQuery decode(ByteReader in) {
            int reservation = in.u16("reservation ID");
            byte[] clr = in.bytes(3, "CLR");
            return new ClearSelQuery(reservation, clr[0] == 'C' && clr[1] == 'L' && clr[2] == 'R', in.u8("action"));
        }
    }

    private final BmcBackend backend;
    private final List<BmcUser> users;
    private final List<CipherSuite> suites;
    private final Set<BmcQuirk> quirks;
    private final int channel;
    private final Set<AuthType> authTypes;
    private final Map<Integer, Route<?>> routes = new HashMap<>();
    private int sdrReservation;
    private int selReservation;
    private long lastSelErase;

    /**
     * @param authTypeMask the IPMI 1.5 auth types enabled (bit n = auth type n), reported as LAN parameters 1 and 2
     */
    public BmcDispatcher(BmcBackend backend, List<BmcUser> users, List<CipherSuite> suites, Set<BmcQuirk> quirks,
                         int channel, int authTypeMask) {
        this.backend = backend;
        this.users = List.copyOf(users);
        this.suites = List.copyOf(suites);
        this.quirks = Set.copyOf(quirks);
        this.channel = channel;
        Set<AuthType> types = new LinkedHashSet<>();
        for (int bit = 0; bit < 8; bit++) {
            if ((authTypeMask & 1 << bit) != 0) {
                types.add(AuthType.valueOf(bit));
            }
        }
        this.authTypes = Set.copyOf(types);
        PrivilegeLevel none = PrivilegeLevel.NO_ACCESS;
        PrivilegeLevel user = PrivilegeLevel.USER;
        PrivilegeLevel operator = PrivilegeLevel.OPERATOR;

        on(GetDeviceId.ID, user, noData(GetDeviceId.Request::new), (c, r) -> ok(backend.deviceId()));
        on(GetSelfTestResults.ID, user, noData(GetSelfTestResults.Request::new),
                (c, r) -> ok(new GetSelfTestResults.Response(SelfTestResult.PASSED, 0)));
        on(GetDeviceGuid.ID, user, noData(GetDeviceGuid.Request::new),
                (c, r) -> ok(new GetDeviceGuid.Response(new Guid(backend.systemGuid()))));
        on(GetSystemGuid.ID, none, noData(GetSystemGuid.Request::new),
                (c, r) -> ok(new GetSystemGuid.Response(new Guid(backend.systemGuid()))));
        on(GetChannelAccess.ID, user, GetChannelAccess.Request::decode, this::channelAccess);
        on(GetChannelInfo.ID, user, GetChannelInfo.Request::decode, this::channelInfo);
        on(GetUserAccess.ID, operator, GetUserAccess.Request::decode, this::userAccess);
        on(GetUserName.ID, operator, GetUserName.Request::decode, this::userName);
        on(GetChannelCipherSuites.ID, none, CipherSuitesQuery::decode, this::cipherSuites);
        on(GetChannelPayloadSupport.ID, user, in -> in.u8("channel") & 0x0F, this::payloadSupport);
        on(GetChannelPayloadVersion.ID, user, GetChannelPayloadVersion.Request::decode, this::payloadVersion);
        on(GetChassisCapabilities.ID, user, noData(GetChassisCapabilities.Request::new),
                (c, r) -> ok(new GetChassisCapabilities.Response(true, true, true, true, BMC_ADDRESS, BMC_ADDRESS,
                        BMC_ADDRESS, BMC_ADDRESS, OptionalInt.empty())));
        on(GetChassisStatus.ID, user, noData(GetChassisStatus.Request::new), (c, r) -> chassisStatus());
        onAsync(ChassisControl.ID, operator, ChassisControl.Request::decode, (c, r) -> backend.powerAsync(r.action())
                .thenApply(done -> done ? ok() : error(CompletionCode.INVALID_DATA_FIELD)));
        on(ChassisIdentify.ID, operator, ChassisIdentify.Request::decode, (c, r) -> ok());
        onAsync(SetSystemBootOptions.ID, operator, SetSystemBootOptions.Request::decode, this::setBootOptions);
        on(GetSystemBootOptions.ID, user, GetSystemBootOptions.Request::decode, this::getBootOptions);
        on(GetSensorReading.ID, user, GetSensorReading.Request::decode,
                (c, r) -> orNotPresent(backend.sensorReading(r.sensorNumber())));
        on(GetSensorThresholds.ID, user, GetSensorThresholds.Request::decode,
                (c, r) -> orNotPresent(backend.sensorThresholds(r.sensorNumber())));
        on(GetFruInventoryAreaInfo.ID, user, GetFruInventoryAreaInfo.Request::decode,
                (c, r) -> orNotPresent(backend.fru(r.fruId()).map(f -> new GetFruInventoryAreaInfo.Response(f.length,
                        false))));
        on(ReadFruData.ID, user, ReadFruData.Request::decode, this::readFru);
        on(GetSdrRepositoryInfo.ID, user, noData(GetSdrRepositoryInfo.Request::new), (c, r) -> sdrInfo());
        on(ReserveSdrRepository.ID, user, noData(ReserveSdrRepository.Request::new),
                (c, r) -> ok(new ReserveSdrRepository.Response(reservationId(++sdrReservation))));
        on(GetSdr.ID, user, GetSdr.Request::decode, this::getSdr);
        on(GetSelInfo.ID, user, noData(GetSelInfo.Request::new), (c, r) -> selInfo());
        on(ReserveSel.ID, user, noData(ReserveSel.Request::new),
                (c, r) -> ok(new ReserveSel.Response(reservationId(++selReservation))));
        on(GetSelEntry.ID, user, GetSelEntry.Request::decode, this::getSelEntry);
        on(ClearSel.ID, operator, ClearSelQuery::decode, this::clearSel);
        on(GetSelTime.ID, user, noData(GetSelTime.Request::new), (c, r) -> ok(new GetSelTime.Response(backend.selTime())));
        on(GetLanConfigurationParameters.ID, operator, GetLanConfigurationParameters.Request::decode,
                this::lanParameter);
        on(GetSolConfigurationParameters.ID, user, GetSolConfigurationParameters.Request::decode,
                this::solParameter);
        on(GetDcmiCapabilityInfo.ID, user, GetDcmiCapabilityInfo.Request::decode, this::dcmiCapabilities);
        on(GetPowerReading.ID, user, GetPowerReading.Request::decode, this::dcmiPowerReading);
    }

    private <Q> void on(CommandId id, PrivilegeLevel required, Function<ByteReader, Q> decoder, Handler<Q> handler) {
        onAsync(id, required, decoder, (c, q) -> CompletableFuture.completedFuture(handler.handle(c, q)));
    }

    private <Q> void onAsync(CommandId id, PrivilegeLevel required, Function<ByteReader, Q> decoder,
                             AsyncHandler<Q> handler) {
        Route<?> previous = routes.put(key(id.netFn().code(), id.cmd()), new Route<>(id, required, decoder, handler));
        if (previous != null) {
            throw new IllegalStateException(id + " registered twice");
        }
    }

    private static <Q> Function<ByteReader, Q> noData(Supplier<Q> request) {
        return in -> request.get();
    }

    private static int key(int netFn, int command) {
        return netFn << 8 | command;
    }

    /** The commands this dispatcher serves, for diagnostics and tests. */
    public List<CommandId> commands() {
        List<CommandId> ids = new ArrayList<>();
        routes.values().forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public byte[] handle(CommandContext ctx, int netFn, int command, byte[] data) {
        return handleAsync(ctx, netFn, command, data).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<byte[]> handleAsync(CommandContext ctx, int netFn, int command, byte[] data) {
        Route<?> route = routes.get(key(netFn, command));
        if (route == null) {
            return answer(error(CompletionCode.INVALID_COMMAND).toBytes());
        }
        if (!ctx.inSession()) {
            if (route.required() != PrivilegeLevel.NO_ACCESS) {
                return answer(null);
            }
            if (route.id().matches(GetChannelCipherSuites.ID)
                    && quirks.contains(BmcQuirk.IGNORE_PRESESSION_CIPHER_SUITES)) {
                return answer(null);
            }
        } else if (route.required() != PrivilegeLevel.NO_ACCESS && ctx.privilege().code() < route.required().code()) {
            return answer(error(CompletionCode.INSUFFICIENT_PRIVILEGE).toBytes());
        }
        try {
            return route.serve(ctx, ByteReader.of(data)).handle((reply, ex) -> ex == null ? reply.toBytes()
                    : failure(route, ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex));
        } catch (RuntimeException ex) {
            return answer(failure(route, ex));
        }
    }

    private static CompletionStage<byte[]> answer(byte[] reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static byte[] failure(Route<?> route, Throwable ex) {
        if (ex instanceof MalformedMessageException) {
            return error(CompletionCode.REQUEST_LENGTH_INVALID).toBytes();
        }
        if (ex instanceof BmcBackendException b) {
            LOG.warn("{} answered {}: {}", route.id(), b.completionCode(), b.getMessage());
            return error(b.completionCode()).toBytes();
        }
        if (ex instanceof IllegalArgumentException) {
            LOG.debug("request {} rejected: {}", route.id(), ex.getMessage());
            return error(CompletionCode.INVALID_DATA_FIELD).toBytes();
        }
        LOG.warn("backend failed on {}", route.id(), ex);
        return error(CompletionCode.UNSPECIFIED).toBytes();
    }

    private boolean ours(int requestedChannel) {
        return requestedChannel == channel || requestedChannel == THIS_CHANNEL;
    }

    private Reply channelAccess(CommandContext c, GetChannelAccess.Request r) {
        if (!ours(r.channel())) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        return ok(new GetChannelAccess.Response(false, false, false, ChannelAccessMode.ALWAYS_AVAILABLE,
                PrivilegeLevel.ADMINISTRATOR));
    }

    private Reply channelInfo(CommandContext c, GetChannelInfo.Request r) {
        if (!ours(r.channel())) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        return ok(new GetChannelInfo.Response(channel, ChannelMedium.LAN_802_3, ChannelProtocol.valueOf(1),
                SessionSupport.valueOf(2), 0, IPMI_FORUM_IANA, 0, 0));
    }

    private Optional<BmcUser> user(int id) {
        return users.stream().filter(x -> x.id() == id).findFirst();
    }

    private Reply userAccess(CommandContext c, GetUserAccess.Request r) {
        if (r.userId() < 1 || r.userId() > 16) {
            return error(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        Optional<BmcUser> u = user(r.userId());
        return ok(new GetUserAccess.Response(16, UserEnableStatus.valueOf(1), users.size(), 0, false, false,
                u.isPresent(), u.map(BmcUser::maxPrivilege).orElse(PrivilegeLevel.NO_ACCESS)));
    }

    private Reply userName(CommandContext c, GetUserName.Request r) {
        if (r.userId() < 1 || r.userId() > 16) {
            return error(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        return ok(new GetUserName.Response(user(r.userId()).map(BmcUser::name).orElse("")));
    }

    private Reply payloadSupport(CommandContext c, int requestedChannel) {
        if (!ours(requestedChannel)) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        int standard = 1 << Payloads.IPMI | (backend.solConsole().isPresent() ? 1 << Payloads.SOL : 0);
        // session-setup payloads 10h..15h: Open Session request/response and RAKP 1-4
        return ok(new GetChannelPayloadSupport.Response(standard, 0x3F, 0, 0));
    }

    private Reply payloadVersion(CommandContext c, GetChannelPayloadVersion.Request r) {
        int type = r.payloadType();
        if (!ours(r.channel()) || (type > Payloads.SOL && (type < 0x10 || type > 0x15))) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        if (type == Payloads.SOL && backend.solConsole().isEmpty()) {
            return error(GetChannelPayloadVersion.PAYLOAD_NOT_AVAILABLE);
        }
        return ok(new GetChannelPayloadVersion.Response(GetChannelPayloadVersion.Response.VERSION_1_0));
    }

    private Reply cipherSuites(CommandContext c, CipherSuitesQuery q) {
        if (!ours(q.channel()) || q.payloadType() > Payloads.SOL) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        // the record stream of IPMI v2.0 table 22-19: a start-of-record byte with the suite ID (by-suite
        // listing only), then one byte per algorithm tagged by kind
        ByteWriter all = new ByteWriter(64);
        for (CipherSuite s : suites) {
            if (q.bySuite()) {
                all.u8(0xC0).u8(s.id());
            }
            all.u8(s.authentication().code()).u8(0x40 | s.integrity().code()).u8(0x80 | s.confidentiality().code());
        }
        byte[] records = all.toByteArray();
        int from = Math.min(records.length, q.listIndex() * GetChannelCipherSuites.PAGE_SIZE);
        int to = Math.min(records.length, from + GetChannelCipherSuites.PAGE_SIZE);
        return ok(new GetChannelCipherSuites.Response(channel, Arrays.copyOfRange(records, from, to)));
    }

    private Reply chassisStatus() {
        return ok(new GetChassisStatus.Response(backend.powerOn(), false, false, false, false,
                PowerRestorePolicy.valueOf(2), new GetChassisStatus.LastPowerEvent(false, false, false, false, false),
                false, false, false, false, Optional.empty(), Optional.empty()));
    }

    private CompletionStage<Reply> setBootOptions(CommandContext c, SetSystemBootOptions.Request r) {
        if (r.parameter() instanceof BootFlags flags) {
            return backend.setBootFlagsAsync(flags).thenApply(v -> ok());
        }
        // Set-in-progress, valid-bit clearing and boot-info acknowledge are accepted and not stored.
        return CompletableFuture.completedFuture(r.parameter().selector() <= BootOptionParameter.BOOT_INFO_ACKNOWLEDGE
                ? ok() : error(PARAMETER_NOT_SUPPORTED));
    }

    private Reply getBootOptions(CommandContext c, GetSystemBootOptions.Request r) {
        BootOptionParameter p = switch (r.selector()) {
            case BootOptionParameter.SET_IN_PROGRESS -> new BootOptionParameter.SetInProgress(
                    SetInProgressState.SET_COMPLETE);
            case BootOptionParameter.VALID_BIT_CLEARING -> new BootOptionParameter.ValidBitClearing(true, true, true,
                    true, true);
            case BootOptionParameter.BOOT_INFO_ACKNOWLEDGE -> new BootOptionParameter.BootInfoAcknowledge(Set.of(),
                    Set.of());
            case BootOptionParameter.BOOT_FLAGS -> backend.bootFlags();
            default -> null;
        };
        return p == null ? error(PARAMETER_NOT_SUPPORTED) : ok(new GetSystemBootOptions.Response(1, false, p));
    }

    private Reply readFru(CommandContext c, ReadFruData.Request r) {
        Optional<byte[]> fru = backend.fru(r.fruId());
        if (fru.isEmpty()) {
            return error(CompletionCode.NOT_PRESENT);
        }
        byte[] f = fru.get();
        if (r.offset() > f.length) {
            return error(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        if (r.count() > 200) {
            return error(CompletionCode.CANNOT_RETURN_BYTES);
        }
        byte[] data = Arrays.copyOfRange(f, r.offset(), Math.min(f.length, r.offset() + r.count()));
        return ok(new ReadFruData.Response(data.length, data));
    }

    private Reply sdrInfo() {
        return ok(new GetSdrRepositoryInfo.Response(0x51, backend.sdrs().size(), 0x1000, 0, 0,
                GetSdrRepositoryInfo.Response.RESERVE_SUPPORTED));
    }

    private static int reservationId(int counter) {
        int r = counter & 0xFFFF;
        return r == 0 ? 1 : r;
    }

    /** Reservation IDs are never 0; only the latest one is valid. */
    private static boolean validReservation(int given, int counter) {
        return counter != 0 && given == reservationId(counter);
    }

    private static int recordId(byte[] record) {
        return (record[0] & 0xFF) | (record[1] & 0xFF) << 8;
    }

    /** Index of the record a Get SDR / Get SEL Entry asks for (0000h first, FFFFh last), or -1. */
    private static int find(List<byte[]> records, int recordId) {
        if (recordId == GetSdr.FIRST) {
            return 0;
        }
        if (recordId == GetSdr.LAST) {
            return records.size() - 1;
        }
        for (int i = 0; i < records.size(); i++) {
            if (recordId(records.get(i)) == recordId) {
                return i;
            }
        }
        return -1;
    }

    private static int nextId(List<byte[]> records, int index) {
        return index + 1 < records.size() ? recordId(records.get(index + 1)) : GetSdr.LAST;
    }

    private Reply getSdr(CommandContext c, GetSdr.Request r) {
        if (r.offset() != 0 && !validReservation(r.reservationId(), sdrReservation)) {
            return error(CompletionCode.RESERVATION_CANCELLED);
        }
        List<byte[]> sdrs = backend.sdrs();
        if (sdrs.isEmpty()) {
            return error(CompletionCode.NOT_PRESENT);
        }
        int index = find(sdrs, r.recordId());
        if (index < 0) {
            return error(CompletionCode.NOT_PRESENT);
        }
        byte[] record = sdrs.get(index);
        if (r.offset() > record.length) {
            return error(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        int n = r.count() == GetSdr.ENTIRE_RECORD ? record.length - r.offset()
                : Math.min(r.count(), record.length - r.offset());
        if (n > 60) {
            return error(CompletionCode.CANNOT_RETURN_BYTES);
        }
        return ok(new GetSdr.Response(nextId(sdrs, index), Arrays.copyOfRange(record, r.offset(), r.offset() + n)));
    }

    private Reply selInfo() {
        List<byte[]> sel = backend.selEntries();
        long last = sel.isEmpty() ? 0xFFFFFFFFL : ByteReader.of(sel.get(sel.size() - 1), 3, 4).u32("timestamp");
        return ok(new GetSelInfo.Response(0x51, sel.size(), (1024 - sel.size()) * 16, last,
                lastSelErase == 0 ? 0xFFFFFFFFL : lastSelErase, GetSelInfo.Response.RESERVE_SUPPORTED));
    }

    private Reply getSelEntry(CommandContext c, GetSelEntry.Request r) {
        if (r.offset() != 0 && !validReservation(r.reservationId(), selReservation)) {
            return error(CompletionCode.RESERVATION_CANCELLED);
        }
        List<byte[]> sel = backend.selEntries();
        if (sel.isEmpty()) {
            return error(CompletionCode.NOT_PRESENT);
        }
        int index = find(sel, r.recordId());
        if (index < 0 || r.offset() > 16) {
            return error(CompletionCode.NOT_PRESENT);
        }
        int n = r.count() == GetSelEntry.ENTIRE_RECORD ? 16 - r.offset() : Math.min(r.count(), 16 - r.offset());
        return ok(new GetSdr.Response(nextId(sel, index), Arrays.copyOfRange(sel.get(index), r.offset(),
                r.offset() + n)));
    }

    private Reply clearSel(CommandContext c, ClearSelQuery r) {
        if (!r.guarded()) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        if (!validReservation(r.reservationId(), selReservation)) {
            return error(CompletionCode.RESERVATION_CANCELLED);
        }
        if (r.action() == ClearSel.INITIATE_ERASE) {
            backend.clearSel();
            lastSelErase = backend.selTime();
        } else if (r.action() != ClearSel.GET_STATUS) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        return ok(new ClearSel.Response(ERASURE_COMPLETED));
    }

    private Reply lanParameter(CommandContext c, GetLanConfigurationParameters.Request r) {
        if (!ours(r.channel())) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        if (r.revisionOnly()) {
            return ok(new GetLanConfigurationParameters.Response(PARAMETER_REVISION, Optional.empty()));
        }
        Optional<LanParameter> p = switch (r.selector()) {
            case LanParameter.AUTH_TYPE_SUPPORT -> Optional.of(new LanParameter.AuthTypeSupport(authTypes));
            case LanParameter.AUTH_TYPE_ENABLES -> Optional.of(new LanParameter.AuthTypeEnables(authTypes, authTypes,
                    authTypes, authTypes, Set.of()));
            case LanParameter.CIPHER_SUITE_ENTRY_COUNT -> Optional.of(new LanParameter.CipherSuiteEntryCount(
                    suites.size()));
            case LanParameter.CIPHER_SUITE_ENTRIES -> Optional.of(new LanParameter.CipherSuiteEntries(
                    suites.stream().map(CipherSuite::id).toList()));
            case LanParameter.CIPHER_SUITE_PRIVILEGES -> Optional.of(cipherSuitePrivileges());
            default -> backend.lanParameter(r.selector()).filter(x -> x.selector() == r.selector());
        };
        return p.map(x -> ok(new GetLanConfigurationParameters.Response(PARAMETER_REVISION, Optional.of(x))))
                .orElse(error(PARAMETER_NOT_SUPPORTED));
    }

    /** Every offered suite at ADMINISTRATOR; the unused entries of the 16 are 0. */
    private LanParameter cipherSuitePrivileges() {
        List<PrivilegeLevel> levels = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            levels.add(i < suites.size() ? PrivilegeLevel.ADMINISTRATOR : PrivilegeLevel.valueOf(0));
        }
        return new LanParameter.CipherSuitePrivileges(levels);
    }

    private Reply solParameter(CommandContext c, GetSolConfigurationParameters.Request r) {
        if (r.revisionOnly()) {
            return ok(new GetSolConfigurationParameters.Response(PARAMETER_REVISION, Optional.empty()));
        }
        SolParameter p = switch (r.selector()) {
            case SolParameter.SET_IN_PROGRESS -> new SolParameter.SetInProgress(SolParameter.SetInProgress.State.SET_COMPLETE);
            case SolParameter.ENABLE -> new SolParameter.Enable(backend.solConsole().isPresent());
            case SolParameter.AUTHENTICATION -> new SolParameter.Authentication(false, false, PrivilegeLevel.USER);
            case SolParameter.CHARACTER_ACCUMULATE -> new SolParameter.CharacterAccumulate(12, 96);
            case SolParameter.RETRY -> new SolParameter.Retry(6, 20);
            case SolParameter.NON_VOLATILE_BIT_RATE -> new SolParameter.NonVolatileBitRate(SolBitRate.BPS_115200);
            case SolParameter.VOLATILE_BIT_RATE -> new SolParameter.VolatileBitRate(SolBitRate.BPS_115200);
            case SolParameter.PAYLOAD_CHANNEL -> new SolParameter.PayloadChannel(channel);
            case SolParameter.PAYLOAD_PORT -> new SolParameter.PayloadPort(SOL_PORT);
            default -> null;
        };
        return p == null ? error(PARAMETER_NOT_SUPPORTED)
                : ok(new GetSolConfigurationParameters.Response(PARAMETER_REVISION, Optional.of(p)));
    }

    private Reply dcmiCapabilities(CommandContext c, GetDcmiCapabilityInfo.Request r) {
        boolean power = backend.powerReading().isPresent();
        DcmiCapabilityParameter p = switch (r.selector()) {
            case DcmiCapabilityParameter.SUPPORTED_CAPABILITIES -> new DcmiCapabilityParameter.SupportedCapabilities(
                    false, false, false, false, power, false, false, false, false, false, false);
            case DcmiCapabilityParameter.MANDATORY_PLATFORM_ATTRIBUTES ->
                    new DcmiCapabilityParameter.MandatoryPlatformAttributes(0, false, false, false, false, false,
                            false, false, false, false, OptionalInt.of(0));
            // the BMC itself manages power, on the primary IPMB
            case DcmiCapabilityParameter.OPTIONAL_PLATFORM_ATTRIBUTES ->
                    new DcmiCapabilityParameter.OptionalPlatformAttributes(BMC_ADDRESS, 0, 0);
            case DcmiCapabilityParameter.MANAGEABILITY_ACCESS_ATTRIBUTES ->
                    new DcmiCapabilityParameter.ManageabilityAccessAttributes(OptionalInt.of(channel),
                            OptionalInt.empty(), OptionalInt.empty());
            case DcmiCapabilityParameter.ENHANCED_POWER_STATISTICS_ATTRIBUTES ->
                    new DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes(List.of());
            default -> null;
        };
        return p == null ? error(CompletionCode.INVALID_DATA_FIELD) : ok(new GetDcmiCapabilityInfo.Response(1, 5, 2, p));
    }

    private Reply dcmiPowerReading(CommandContext c, GetPowerReading.Request r) {
        if (r.mode() != GetPowerReading.MODE_SYSTEM_POWER_STATISTICS) {
            return error(CompletionCode.INVALID_DATA_FIELD);
        }
        Optional<BmcBackend.PowerReading> reading = backend.powerReading();
        if (reading.isEmpty()) {
            return error(CompletionCode.INVALID_COMMAND);
        }
        BmcBackend.PowerReading p = reading.get();
        return ok(new GetPowerReading.Response(p.current(), p.minimum(), p.maximum(), p.average(), p.timestamp(),
                p.periodMillis(), true));
    }

    private static Reply orNotPresent(Optional<? extends IpmiResponse> response) {
        return response.<Reply>map(Reply::ok).orElse(error(CompletionCode.NOT_PRESENT));
    }
}
