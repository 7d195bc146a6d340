package dev.ipmi.lanplus.bmc;

import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.ChannelMedium;
import dev.ipmi.core.commands.app.ChannelProtocol;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.GetChannelPayloadSupport;
import dev.ipmi.core.commands.app.SessionSupport;
import dev.ipmi.core.commands.dcmi.GetDcmiCapabilityInfo;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.transport.GetLanConfigurationParameters;
import dev.ipmi.core.commands.app.GetDeviceGuid;
import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.GetUserName;
import dev.ipmi.core.commands.app.UserEnableStatus;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.lan.bmc.BmcUser;
import dev.ipmi.lan.bmc.CommandContext;
import dev.ipmi.lan.bmc.CommandHandler;
import dev.ipmi.lanplus.CipherSuite;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns IPMI requests into {@link BmcBackend} calls: decodes them (with the ipmi-core request
 * codecs where they exist), checks the session privilege each command needs (D4h when too low),
 * answers C1h for commands it does not know, and encodes replies with the ipmi-core response codecs.
 * Session commands (auth caps, challenge, activate, privilege, close, payload activation) are
 * handled by the responders before anything gets here.
 */
public final class BmcDispatcher implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BmcDispatcher.class);
    private static final int APP = 0x06;
    private static final int CHASSIS = 0x00;
    private static final int SENSOR = 0x04;
    private static final int STORAGE = 0x0A;
    private static final int TRANSPORT = 0x0C;
    private static final int GROUP = 0x2C;
    private static final int DCMI = 0xDC;

    @FunctionalInterface
    private interface Handler {
        byte[] handle(CommandContext ctx, ByteReader in);
    }

    private record Entry(PrivilegeLevel required, Handler handler) {}

    private final BmcBackend backend;
    private final List<BmcUser> users;
    private final List<CipherSuite> suites;
    private final Set<BmcQuirk> quirks;
    private final int channel;
    private final Map<Integer, Entry> table = new HashMap<>();
    private int sdrReservation;
    private int selReservation;
    private long lastSelErase;

    private final int authTypeMask;

    /**
     * @param authTypeMask the IPMI 1.5 auth types enabled (bit n = auth type n), reported as LAN parameters 1 and 2
     */
    public BmcDispatcher(BmcBackend backend, List<BmcUser> users, List<CipherSuite> suites, Set<BmcQuirk> quirks,
                         int channel, int authTypeMask) {
        this.authTypeMask = authTypeMask;
        this.backend = backend;
        this.users = List.copyOf(users);
        this.suites = List.copyOf(suites);
        this.quirks = Set.copyOf(quirks);
        this.channel = channel;
        PrivilegeLevel none = PrivilegeLevel.NO_ACCESS;
        PrivilegeLevel user = PrivilegeLevel.USER;
        PrivilegeLevel operator = PrivilegeLevel.OPERATOR;
        add(APP, 0x01, user, (c, in) -> ok(backend.deviceId()));
        add(APP, 0x04, user, (c, in) -> new byte[] {0, 0x55, 0x00});
        add(APP, 0x08, user, (c, in) -> ok(new GetDeviceGuid.Response(new Guid(backend.systemGuid()))));
        add(APP, 0x37, none, (c, in) -> concat(new byte[] {0}, backend.systemGuid()));
        add(APP, 0x41, user, this::channelAccess);
        add(APP, 0x42, user, this::channelInfo);
        add(APP, 0x44, operator, this::userAccess);
        add(APP, 0x46, operator, this::userName);
        add(APP, 0x54, none, this::cipherSuites);
        add(APP, 0x4E, user, this::payloadSupport);
        add(APP, 0x4F, user, this::payloadVersion);
        add(CHASSIS, 0x00, user, (c, in) -> new byte[] {0, 0x0F, 0x0F});
        add(CHASSIS, 0x01, user, (c, in) -> chassisStatus());
        add(CHASSIS, 0x02, operator, this::chassisControl);
        add(CHASSIS, 0x04, operator, (c, in) -> cc(CompletionCode.OK));
        add(CHASSIS, 0x08, operator, this::setBootOptions);
        add(CHASSIS, 0x09, user, this::getBootOptions);
        add(SENSOR, 0x2D, user, this::sensorReading);
        add(SENSOR, 0x27, user, this::sensorThresholds);
        add(STORAGE, 0x10, user, this::fruInfo);
        add(STORAGE, 0x11, user, this::readFru);
        add(STORAGE, 0x20, user, (c, in) -> sdrInfo());
        add(STORAGE, 0x22, user, (c, in) -> reservation(++sdrReservation));
        add(STORAGE, 0x23, user, this::getSdr);
        add(STORAGE, 0x40, user, (c, in) -> selInfo());
        add(STORAGE, 0x42, user, (c, in) -> reservation(++selReservation));
        add(STORAGE, 0x43, user, this::getSelEntry);
        add(STORAGE, 0x47, operator, this::clearSel);
        add(STORAGE, 0x48, user, (c, in) -> {
            ByteWriter w = new ByteWriter(5);
            return w.u8(0).u32(backend.selTime()).toByteArray();
        });
        add(TRANSPORT, 0x02, operator, this::lanParameter);
        add(TRANSPORT, 0x22, user, this::solParameter);
        add(GROUP, 0x01, user, this::dcmiCapabilities);
        add(GROUP, 0x02, user, this::dcmiPowerReading);
    }

    private void add(int netFn, int command, PrivilegeLevel required, Handler h) {
        table.put(netFn << 8 | command, new Entry(required, h));
    }

    @Override
    public byte[] handle(CommandContext ctx, int netFn, int command, byte[] data) {
        Entry e = table.get(netFn << 8 | command);
        if (e == null) {
            return cc(CompletionCode.INVALID_COMMAND);
        }
        if (!ctx.inSession()) {
            if (e.required() != PrivilegeLevel.NO_ACCESS) {
                return null;
            }
            if (command == 0x54 && netFn == APP && quirks.contains(BmcQuirk.IGNORE_PRESESSION_CIPHER_SUITES)) {
                return null;
            }
        } else if (e.required() != PrivilegeLevel.NO_ACCESS && ctx.privilege().code() < e.required().code()) {
            return cc(CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        try {
            return e.handler().handle(ctx, ByteReader.of(data));
        } catch (MalformedMessageException ex) {
            return cc(CompletionCode.REQUEST_LENGTH_INVALID);
        } catch (IllegalArgumentException ex) {
            LOG.debug("request {}/{} rejected: {}", netFn, command, ex.getMessage());
            return cc(CompletionCode.INVALID_DATA_FIELD);
        } catch (RuntimeException ex) {
            LOG.warn("backend failed on netFn {} command {}", netFn, command, ex);
            return cc(CompletionCode.UNSPECIFIED);
        }
    }

    private byte[] channelAccess(CommandContext c, ByteReader in) {
        int ch = in.u8("channel") & 0x0F;
        if (ch != channel && ch != 0x0E) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        return new byte[] {0, 0x02, 0x04};
    }

    private byte[] channelInfo(CommandContext c, ByteReader in) {
        int ch = GetChannelInfo.Request.decode(in).channel();
        if (ch != channel && ch != 0x0E) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        return ok(new GetChannelInfo.Response(channel, ChannelMedium.LAN_802_3, ChannelProtocol.valueOf(1),
                SessionSupport.valueOf(2), 0, 0x001BF2, 0, 0));
    }

    private byte[] userAccess(CommandContext c, ByteReader in) {
        GetUserAccess.Request r = GetUserAccess.Request.decode(in);
        if (r.userId() < 1 || r.userId() > 16) {
            return cc(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        Optional<BmcUser> u = users.stream().filter(x -> x.id() == r.userId()).findFirst();
        var resp = new GetUserAccess.Response(16, UserEnableStatus.valueOf(1), users.size(), 0, false, false,
                u.isPresent(), u.map(BmcUser::maxPrivilege).orElse(PrivilegeLevel.NO_ACCESS));
        return ok(resp);
    }

    private byte[] userName(CommandContext c, ByteReader in) {
        GetUserName.Request r = GetUserName.Request.decode(in);
        if (r.userId() < 1 || r.userId() > 16) {
            return cc(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        byte[] name = users.stream().filter(x -> x.id() == r.userId()).findFirst().map(BmcUser::nameBytes)
                .orElse(new byte[0]);
        return concat(new byte[] {0}, Arrays.copyOf(name, 16));
    }

    private byte[] payloadSupport(CommandContext c, ByteReader in) {
        int ch = in.u8("channel") & 0x0F;
        if (ch != channel && ch != 0x0E) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        int standard = 0x01 | (backend.solConsole().isPresent() ? 0x02 : 0);
        return ok(new GetChannelPayloadSupport.Response(standard, 0x3F, 0, 0));
    }

    private byte[] payloadVersion(CommandContext c, ByteReader in) {
        int ch = in.u8("channel") & 0x0F;
        int type = in.u8("payload type") & 0x3F;
        if ((ch != channel && ch != 0x0E) || (type > 1 && (type < 0x10 || type > 0x15))) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        if (type == 1 && backend.solConsole().isEmpty()) {
            return new byte[] {(byte) 0x80};
        }
        return new byte[] {0, 0x10};
    }

    private byte[] cipherSuites(CommandContext c, ByteReader in) {
        int ch = in.u8("channel") & 0x0F;
        int payloadType = in.u8("payload type") & 0x3F;
        int q2 = in.u8("list index");
        if ((ch != channel && ch != 0x0E) || payloadType > 1) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        ByteWriter all = new ByteWriter(64);
        for (CipherSuite s : suites) {
            if ((q2 & 0x80) != 0) {
                all.u8(0xC0).u8(s.id());
            }
            all.u8(s.authentication().code()).u8(0x40 | s.integrity().code()).u8(0x80 | s.confidentiality().code());
        }
        byte[] records = all.toByteArray();
        int index = q2 & 0x3F;
        int from = Math.min(records.length, index * 16);
        int to = Math.min(records.length, from + 16);
        return ok(new GetChannelCipherSuites.Response(channel, Arrays.copyOfRange(records, from, to)));
    }

    private byte[] chassisStatus() {
        var resp = new GetChassisStatus.Response(backend.powerOn(), false, false, false, false,
                PowerRestorePolicy.valueOf(2), new GetChassisStatus.LastPowerEvent(false, false, false, false, false), false, false, false, false,
                Optional.empty(), Optional.empty());
        return ok(resp);
    }

    private byte[] chassisControl(CommandContext c, ByteReader in) {
        ChassisControl.Request r = ChassisControl.Request.decode(in);
        return backend.power(r.action()) ? cc(CompletionCode.OK) : cc(CompletionCode.INVALID_DATA_FIELD);
    }

    private byte[] setBootOptions(CommandContext c, ByteReader in) {
        SetSystemBootOptions.Request r = SetSystemBootOptions.Request.decode(in);
        if (r.parameter() instanceof BootFlags flags) {
            backend.setBootFlags(flags);
            return cc(CompletionCode.OK);
        }
        int sel = r.parameter().selector();
        // Set-in-progress, valid-bit clearing and boot-info acknowledge are accepted and not stored.
        return sel <= 4 ? cc(CompletionCode.OK) : new byte[] {(byte) 0x80};
    }

    private byte[] getBootOptions(CommandContext c, ByteReader in) {
        GetSystemBootOptions.Request r = GetSystemBootOptions.Request.decode(in);
        BootOptionParameter p;
        switch (r.selector()) {
            case 0 -> p = BootOptionParameter.raw(0, ByteString.of((byte) 0));
            case 3 -> p = BootOptionParameter.raw(3, ByteString.of((byte) 0x1F));
            case 4 -> p = BootOptionParameter.raw(4, ByteString.of(new byte[] {0, 0}));
            case 5 -> p = backend.bootFlags();
            default -> {
                return new byte[] {(byte) 0x80};
            }
        }
        return ok(new GetSystemBootOptions.Response(1, false, p));
    }

    private byte[] sensorReading(CommandContext c, ByteReader in) {
        int n = GetSensorReading.Request.decode(in).sensorNumber();
        return backend.sensorReading(n).map(BmcDispatcher::ok).orElse(cc(CompletionCode.NOT_PRESENT));
    }

    private byte[] sensorThresholds(CommandContext c, ByteReader in) {
        int n = GetSensorThresholds.Request.decode(in).sensorNumber();
        return backend.sensorThresholds(n).map(BmcDispatcher::ok).orElse(cc(CompletionCode.NOT_PRESENT));
    }

    private byte[] fruInfo(CommandContext c, ByteReader in) {
        int id = GetFruInventoryAreaInfo.Request.decode(in).fruId();
        return backend.fru(id).map(f -> ok(new GetFruInventoryAreaInfo.Response(f.length, false)))
                .orElse(cc(CompletionCode.NOT_PRESENT));
    }

    private byte[] readFru(CommandContext c, ByteReader in) {
        ReadFruData.Request r = ReadFruData.Request.decode(in);
        int offset = r.offset();
        int count = r.count();
        Optional<byte[]> fru = backend.fru(r.fruId());
        if (fru.isEmpty()) {
            return cc(CompletionCode.NOT_PRESENT);
        }
        byte[] f = fru.get();
        if (offset > f.length) {
            return cc(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        if (count > 200) {
            return cc(CompletionCode.CANNOT_RETURN_BYTES);
        }
        byte[] data = Arrays.copyOfRange(f, offset, Math.min(f.length, offset + count));
        return ok(new ReadFruData.Response(data.length, data));
    }

    private byte[] sdrInfo() {
        List<byte[]> sdrs = backend.sdrs();
        return ok(new GetSdrRepositoryInfo.Response(0x51, sdrs.size(), 0x1000, 0, 0,
                GetSdrRepositoryInfo.Response.RESERVE_SUPPORTED));
    }

    private static int reservationId(int counter) {
        int r = counter & 0xFFFF;
        return r == 0 ? 1 : r;
    }

    private static byte[] reservation(int counter) {
        int r = reservationId(counter);
        return new byte[] {0, (byte) r, (byte) (r >>> 8)};
    }

    /** Reservation IDs are never 0; only the latest one is valid. */
    private static boolean validReservation(int given, int counter) {
        return counter != 0 && given == reservationId(counter);
    }

    private byte[] getSdr(CommandContext c, ByteReader in) {
        GetSdr.Request r = GetSdr.Request.decode(in);
        int reservation = r.reservationId();
        int recordId = r.recordId();
        int offset = r.offset();
        int count = r.count();
        if (offset != 0 && !validReservation(reservation, sdrReservation)) {
            return cc(CompletionCode.RESERVATION_CANCELLED);
        }
        List<byte[]> sdrs = backend.sdrs();
        if (sdrs.isEmpty()) {
            return cc(CompletionCode.NOT_PRESENT);
        }
        int index = -1;
        if (recordId == 0) {
            index = 0;
        } else if (recordId == 0xFFFF) {
            index = sdrs.size() - 1;
        } else {
            for (int i = 0; i < sdrs.size(); i++) {
                byte[] rec = sdrs.get(i);
                if (((rec[0] & 0xFF) | (rec[1] & 0xFF) << 8) == recordId) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0) {
            return cc(CompletionCode.NOT_PRESENT);
        }
        byte[] record = sdrs.get(index);
        int next = index + 1 < sdrs.size() ? (sdrs.get(index + 1)[0] & 0xFF) | (sdrs.get(index + 1)[1] & 0xFF) << 8
                : 0xFFFF;
        if (offset > record.length) {
            return cc(CompletionCode.PARAMETER_OUT_OF_RANGE);
        }
        int n = count == 0xFF ? record.length - offset : Math.min(count, record.length - offset);
        if (n > 60) {
            return cc(CompletionCode.CANNOT_RETURN_BYTES);
        }
        return ok(new GetSdr.Response(next, Arrays.copyOfRange(record, offset, offset + n)));
    }

    private byte[] selInfo() {
        List<byte[]> sel = backend.selEntries();
        long last = sel.isEmpty() ? 0xFFFFFFFFL : le32(sel.get(sel.size() - 1), 3);
        return ok(new GetSelInfo.Response(0x51, sel.size(), (1024 - sel.size()) * 16, last,
                lastSelErase == 0 ? 0xFFFFFFFFL : lastSelErase, GetSelInfo.Response.RESERVE_SUPPORTED));
    }

    private byte[] getSelEntry(CommandContext c, ByteReader in) {
        GetSelEntry.Request req = GetSelEntry.Request.decode(in);
        int reservation = req.reservationId();
        int recordId = req.recordId();
        int offset = req.offset();
        int count = req.count();
        if (offset != 0 && !validReservation(reservation, selReservation)) {
            return cc(CompletionCode.RESERVATION_CANCELLED);
        }
        List<byte[]> sel = backend.selEntries();
        if (sel.isEmpty()) {
            return cc(CompletionCode.NOT_PRESENT);
        }
        int index = -1;
        if (recordId == 0) {
            index = 0;
        } else if (recordId == 0xFFFF) {
            index = sel.size() - 1;
        } else {
            for (int i = 0; i < sel.size(); i++) {
                if (((sel.get(i)[0] & 0xFF) | (sel.get(i)[1] & 0xFF) << 8) == recordId) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0 || offset > 16) {
            return cc(CompletionCode.NOT_PRESENT);
        }
        byte[] r = sel.get(index);
        int next = index + 1 < sel.size() ? (sel.get(index + 1)[0] & 0xFF) | (sel.get(index + 1)[1] & 0xFF) << 8
                : 0xFFFF;
        int n = count == 0xFF ? 16 - offset : Math.min(count, 16 - offset);
        return ok(new GetSdr.Response(next, Arrays.copyOfRange(r, offset, offset + n)));
    }

    private byte[] clearSel(CommandContext c, ByteReader in) {
        int reservation = in.u16("reservation ID");
        byte[] clr = in.bytes(3, "CLR");
        int action = in.u8("action");
        if (clr[0] != 'C' || clr[1] != 'L' || clr[2] != 'R') {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        if (!validReservation(reservation, selReservation)) {
            return cc(CompletionCode.RESERVATION_CANCELLED);
        }
        if (action == 0xAA) {
            backend.clearSel();
            lastSelErase = backend.selTime();
        } else if (action != 0) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        return new byte[] {0, 0x01};
    }

    private byte[] lanParameter(CommandContext c, ByteReader in) {
        GetLanConfigurationParameters.Request r = GetLanConfigurationParameters.Request.decode(in);
        int param = r.selector();
        if (r.channel() != channel && r.channel() != 0x0E) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        if (r.revisionOnly()) {
            return new byte[] {0, 0x11};
        }
        Optional<byte[]> data = switch (param) {
            case 1 -> Optional.of(new byte[] {(byte) authTypeMask});
            case 2 -> Optional.of(new byte[] {(byte) authTypeMask, (byte) authTypeMask, (byte) authTypeMask,
                    (byte) authTypeMask, 0});
            case 22 -> Optional.of(new byte[] {(byte) suites.size()});
            case 23 -> {
                byte[] ids = new byte[suites.size() + 1];
                for (int i = 0; i < suites.size(); i++) {
                    ids[i + 1] = (byte) suites.get(i).id();
                }
                yield Optional.of(ids);
            }
            case 24 -> {
                // one nibble per entry of parameter 23, low nibble first; unused entries 0
                byte[] nibbles = new byte[9];
                for (int i = 0; i < Math.min(16, suites.size()); i++) {
                    nibbles[1 + i / 2] |= (byte) (PrivilegeLevel.ADMINISTRATOR.code() << (i % 2 == 0 ? 0 : 4));
                }
                yield Optional.of(nibbles);
            }
            default -> backend.lanParameter(param);
        };
        return data.map(d -> concat(new byte[] {0, 0x11}, d)).orElse(new byte[] {(byte) 0x80});
    }

    private byte[] solParameter(CommandContext c, ByteReader in) {
        GetSolConfigurationParameters.Request r = GetSolConfigurationParameters.Request.decode(in);
        int param = r.selector();
        if (r.revisionOnly()) {
            return new byte[] {0, 0x11};
        }
        boolean sol = backend.solConsole().isPresent();
        byte[] data = switch (param) {
            case 0 -> new byte[] {0};
            case 1 -> new byte[] {(byte) (sol ? 1 : 0)};
            case 2 -> new byte[] {0x02};
            case 3 -> new byte[] {0x0C, 0x60};
            case 4 -> new byte[] {0x06, 0x14};
            case 5, 6 -> new byte[] {0x0A};
            case 7 -> new byte[] {(byte) channel};
            case 8 -> new byte[] {0x6F, 0x02};
            default -> null;
        };
        return data == null ? new byte[] {(byte) 0x80} : concat(new byte[] {0, 0x11}, data);
    }

    private byte[] dcmiCapabilities(CommandContext c, ByteReader in) {
        int selector = GetDcmiCapabilityInfo.Request.decode(in).selector();
        boolean power = backend.powerReading().isPresent();
        byte[] data = switch (selector) {
            // supported capabilities: [0] power management (byte 2 of the mandatory-platform field)
            case 1 -> new byte[] {0, (byte) (power ? 0x01 : 0), 0x00, 0x00};
            case 2 -> new byte[] {0x00, 0x00, 0x00, 0x00, 0x00};
            // optional platform attributes: power management device at 20h, channel 0
            case 3 -> new byte[] {0x20, 0x00};
            // manageability access: primary LAN channel, no secondary LAN, no serial
            case 4 -> new byte[] {(byte) channel, (byte) 0xFF, (byte) 0xFF};
            // enhanced power statistics: no rolling-average periods
            case 5 -> new byte[] {0x00};
            default -> null;
        };
        if (data == null) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        return concat(new byte[] {0, (byte) DCMI, 0x01, 0x05, 0x02}, data);
    }

    private byte[] dcmiPowerReading(CommandContext c, ByteReader in) {
        int mode = GetPowerReading.Request.decode(in).mode();
        if (mode != 1) {
            return cc(CompletionCode.INVALID_DATA_FIELD);
        }
        Optional<BmcBackend.PowerReading> reading = backend.powerReading();
        if (reading.isEmpty()) {
            return cc(CompletionCode.INVALID_COMMAND);
        }
        BmcBackend.PowerReading r = reading.get();
        return ok(new GetPowerReading.Response(r.current(), r.minimum(), r.maximum(), r.average(), r.timestamp(),
                r.periodMillis(), true));
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    private static byte[] ok(IpmiResponse r) {
        ByteWriter w = new ByteWriter(32);
        w.u8(0);
        r.encode(w);
        return w.toByteArray();
    }

    private static byte[] cc(CompletionCode code) {
        return new byte[] {(byte) code.code()};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
