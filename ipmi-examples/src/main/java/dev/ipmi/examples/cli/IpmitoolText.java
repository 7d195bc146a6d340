package dev.ipmi.examples.cli;

import dev.ipmi.core.client.PasswordTest;
import dev.ipmi.core.client.UserEntry;
import dev.ipmi.core.client.UserSummary;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sol.SolBitRate;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.transport.CipherSuitePrivilege;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.MacAddress;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sdr.SensorTypes;
import dev.ipmi.core.sel.SelFormat;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every text the CLI prints in ipmitool 1.8.19's layout and words, in one place (the SDR, SEL and
 * FRU line formats the library shares live in {@code dev.ipmi.core.sdr.IpmitoolFormat},
 * {@code dev.ipmi.core.sel.SelFormat} and {@code dev.ipmi.core.fru.FruFormat}). Commands decide
 * what to print; this class decides how it looks.
 */
final class IpmitoolText {
    static final String[] SUPPORT = {"Sensor Device", "SDR Repository Device", "SEL Device",
        "FRU Inventory Device", "IPMB Event Receiver", "IPMB Event Generator", "Bridge", "Chassis Device"};
    /** C's ctime(): day of month space-padded. */
    // ipmitool 1.8.19 prints the DCMI timestamp as UTC "MM/DD/YY HH:MM:SS UTC" with no line end after it,
    // so "Sampling period" follows on the same line; scripts parse that text, so we print the same.
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss 'UTC'", Locale.US);

    private IpmitoolText() {}

    static void mcInfo(GetDeviceId.Response id, PrintWriter out) {
        out.printf("Device ID                 : %d%n", id.deviceId());
        out.printf("Device Revision           : %d%n", id.deviceRevision());
        out.printf("Firmware Revision         : %s%n", id.firmwareRevisionText());
        out.printf("IPMI Version              : %x.%x%n", id.ipmiVersion() & 0x0F, (id.ipmiVersion() >>> 4) & 0x0F);
        out.printf("Manufacturer ID           : %d%n", id.manufacturerId());
        out.printf("Manufacturer Name         : %s%n", Manufacturers.name(id.manufacturerId()));
        out.printf("Product ID                : %d (0x%04x)%n", id.productId(), id.productId());
        out.printf("Product Name              : %s%n", Manufacturers.unknown(id.productId()));
        out.printf("Device Available          : %s%n", id.deviceAvailable() ? "yes" : "no");
        out.printf("Provides Device SDRs      : %s%n", id.providesDeviceSdrs() ? "yes" : "no");
        out.printf("Additional Device Support :%n");
        for (int bit = 0; bit < 8; bit++) {
            if ((id.additionalSupport() & (1 << bit)) != 0) {
                out.printf("    %s%n", SUPPORT[bit]);
            }
        }
        id.auxFirmwareRevision().ifPresent(aux -> {
            out.printf("Aux Firmware Rev Info     : %n");
            for (byte b : aux.toByteArray()) {
                out.printf("    0x%02x%n", b & 0xFF);
            }
        });
        out.flush();
    }

    /**
     * Like ipmitool 1.8.19: try the IPMI encoding, then RFC 4122, and accept the first whose version
     * is 1 (time-based, what IPMI requires); otherwise fall back to SMBIOS order and say so.
     */
    static void mcGuid(Guid g, PrintWriter out) {
        UUID ipmi = g.asIpmiUuid();
        UUID rfc = rfc4122(g);
        UUID chosen;
        String encoding;
        if (ipmi.version() == 1) {
            chosen = ipmi;
            encoding = "IPMI";
        } else if (rfc.version() == 1) {
            chosen = rfc;
            encoding = "RFC4122 (WARNING: IPMI Specification violation!)";
        } else {
            chosen = g.asSmbiosUuid();
            encoding = "SMBIOS (WARNING: IPMI Specification violation!)";
        }
        out.printf("System GUID   : %s%n", chosen);
        out.printf("GUID Encoding : %s%n", encoding);
        out.printf("GUID Version  : %s%n", switch (chosen.version()) {
            case 1 -> "Time-based";
            case 2 -> "DCE Security with POSIX UIDs (not for IPMI)";
            case 3 -> "Name-based using MD5 (not for IPMI)";
            case 4 -> "Random (not for IPMI)";
            case 5 -> "Name-based using SHA-1 (not for IPMI)";
            default -> "Unknown (not for IPMI)";
        });
        out.flush();
    }

    static UUID rfc4122(Guid g) {
        byte[] b = g.bytes();
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (b[i] & 0xFF);
            lsb = lsb << 8 | (b[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    static String mcSelftest(GetSelfTestResults.Response r) {
        StringBuilder sb = new StringBuilder();
        int d = r.detail();
        if (r.result().equals(SelfTestResult.PASSED)) {
            sb.append("Selftest: passed\n");
        } else if (r.result().equals(SelfTestResult.NOT_IMPLEMENTED)) {
            sb.append("Selftest: not implemented\n");
        } else if (r.result().equals(SelfTestResult.CORRUPTED_OR_INACCESSIBLE)) {
            sb.append("Selftest: device corrupted\n");
            String[] lines = {" -> SEL device not accessible", " -> SDR repository not accesible",
                "FRU device not accessible", "IPMB signal lines do not respond", "SDR repository empty",
                "Internal Use Area corrupted", "Controller update boot block corrupted",
                "controller operational firmware corrupted"};
            for (int i = 0; i < 8; i++) {
                if ((d & (0x80 >> i)) != 0) {
                    sb.append(lines[i]).append('\n');
                }
            }
        } else if (r.result().equals(SelfTestResult.FATAL_HARDWARE_ERROR)) {
            sb.append("Selftest     : fatal error\n");
            sb.append(String.format("Failure code : %02x%n", d));
        } else {
            sb.append(String.format("Selftest     : device specific (%02Xh)%n", r.result().code()));
            sb.append(String.format("Failure code : %02Xh%n", d));
        }
        return sb.toString();
    }

    static void chassisStatus(GetChassisStatus.Response s, PrintWriter out) {
        out.printf("System Power         : %s%n", s.powerOn() ? "on" : "off");
        out.printf("Power Overload       : %s%n", s.powerOverload());
        out.printf("Power Interlock      : %s%n", s.interlockActive() ? "active" : "inactive");
        out.printf("Main Power Fault     : %s%n", s.mainPowerFault());
        out.printf("Power Control Fault  : %s%n", s.powerControlFault());
        out.printf("Power Restore Policy : %s%n", policyName(s.restorePolicy()));
        StringBuilder last = new StringBuilder();
        GetChassisStatus.LastPowerEvent e = s.lastPowerEvent();
        if (e.acFailed()) {
            last.append("ac-failed ");
        }
        if (e.powerOverload()) {
            last.append("overload ");
        }
        if (e.powerInterlock()) {
            last.append("interlock ");
        }
        if (e.powerFault()) {
            last.append("fault ");
        }
        if (e.powerOnByIpmiCommand()) {
            last.append("command");
        }
        out.printf("Last Power Event     : %s%n", last);
        out.printf("Chassis Intrusion    : %s%n", s.intrusionActive() ? "active" : "inactive");
        out.printf("Front-Panel Lockout  : %s%n", s.frontPanelLockout() ? "active" : "inactive");
        out.printf("Drive Fault          : %s%n", s.driveFault());
        out.printf("Cooling/Fan Fault    : %s%n", s.coolingFault());
        s.frontPanel().ifPresent(f -> {
            boolean any = f.standbyDisableAllowed() || f.diagnosticDisableAllowed() || f.resetDisableAllowed()
                    || f.powerOffDisableAllowed() || f.standbyDisabled() || f.diagnosticDisabled()
                    || f.resetDisabled() || f.powerOffDisabled();
            if (!any) {
                out.printf("Front Panel Control  : none%n");
            } else {
                out.printf("Sleep Button Disable : %s%n", f.standbyDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Diag Button Disable  : %s%n", f.diagnosticDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Reset Button Disable : %s%n", f.resetDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Power Button Disable : %s%n", f.powerOffDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Sleep Button Disabled: %s%n", f.standbyDisabled());
                out.printf("Diag Button Disabled : %s%n", f.diagnosticDisabled());
                out.printf("Reset Button Disabled: %s%n", f.resetDisabled());
                out.printf("Power Button Disabled: %s%n", f.powerOffDisabled());
            }
        });
        out.flush();
    }

    static String policyName(PowerRestorePolicy p) {
        return switch (p.code()) {
            case 0 -> "always-off";
            case 1 -> "previous";
            case 2 -> "always-on";
            default -> "unknown";
        };
    }

    static void bootParameter(GetSystemBootOptions.Response r, PrintWriter out) {
        ByteWriter w = new ByteWriter();
        r.parameter().encodeData(w);
        byte[] d = w.toByteArray();
        out.printf("Boot parameter version: %d%n", r.parameterVersion());
        out.printf("Boot parameter %d is %s%n", r.parameter().selector(), r.invalid() ? "invalid/locked" : "valid/unlocked");
        out.printf("Boot parameter data: %s%n", HexFormat.of().formatHex(d));
        if (r.parameter() instanceof BootFlags f) {
            bootFlags(f, out);
        }
        out.flush();
    }

    static void bootFlags(BootFlags f, PrintWriter out) {
        out.println(" Boot Flags :");
        out.println(f.valid() ? "   - Boot Flag Valid" : "   - Boot Flag Invalid");
        out.println(f.persistent() ? "   - Options apply to all future boots" : "   - Options apply to only next boot");
        out.println(f.efi() ? "   - BIOS EFI boot " : "   - BIOS PC Compatible (legacy) boot ");
        if (f.clearCmos()) {
            out.println("   - CMOS Clear");
        }
        if (f.lockKeyboard()) {
            out.println("   - Lock Keyboard");
        }
        BootDevice dev = f.device();
        out.println("   - Boot Device Selector : " + (dev.isKnown() ? dev.displayName() : "Flag error"));
        if (f.screenBlank()) {
            out.println("   - Screen blank");
        }
        if (f.lockResetButton()) {
            out.println("   - Lock out Reset buttons");
        }
        if (f.lockPowerButton()) {
            out.println("   - Lock out (power off/sleep request) via Power Button");
        }
        out.println("   - BIOS verbosity : " + switch (f.verbosity().code()) {
            case 0 -> "System Default";
            case 1 -> "Request Quiet Display";
            case 2 -> "Request Verbose Display";
            default -> "Flag error";
        });
        if (f.forceProgressEventTraps()) {
            out.println("   - Force progress event traps");
        }
        if (f.userPasswordBypass()) {
            out.println("   - User password bypass");
        }
        if (f.lockSleepButton()) {
            out.println("   - Lock Out Sleep Button");
        }
        out.println("   - Console Redirection control : " + switch (f.consoleRedirection().code()) {
            case 0 -> "Console redirection occurs per BIOS configuration setting (default)";
            case 1 -> "Suppress (skip) console redirection if enabled";
            case 2 -> "Request console redirection be enabled";
            default -> "Flag error";
        });
        if (f.biosSharedModeOverride()) {
            out.println("   - BIOS Shared Mode Override");
        }
        out.println("   - BIOS Mux Control Override : " + switch (f.biosMuxControl()) {
            case 0 -> "BIOS uses recommended setting of the mux at the end of POST";
            case 1 -> "Requests BIOS to force mux to BMC at conclusion of POST/start of OS boot";
            case 2 -> "Requests BIOS to force mux to system at conclusion of POST/start of OS boot";
            default -> "Flag error";
        });
    }

    /** ipmitool 1.8.19's arithmetic: minutes as a float, then whole days and hours. */
    static String poh(GetPohCounter.Response r) {
        float minutes = (float) r.counter() * r.minutesPerCount();
        long days = (long) (minutes / 1440);
        minutes -= (float) days * 1440;
        long hours = (long) (minutes / 60);
        minutes -= hours * 60;
        if (r.minutesPerCount() < 60) {
            return String.format("POH Counter  : %d days, %d hours, %d minutes", days, hours, (long) minutes);
        }
        return String.format("POH Counter  : %d days, %d hours", days, hours);
    }

    static void sdrInfo(GetSdrRepositoryInfo.Response i, PrintWriter out) {
        out.printf("SDR Version                         : 0x%x%n", i.sdrVersion());
        out.printf("Record Count                        : %d%n", i.recordCount());
        String free = switch (i.freeSpace()) {
            case 0x0000 -> "none (full)";
            case 0xFFFF -> "unspecified";
            case 0xFFFE -> "> 64Kb - 2 bytes";
            default -> i.freeSpace() + " bytes";
        };
        out.printf("Free Space                          : %s%n", free);
        // ipmitool prints each timestamp only when the matching operation is supported (Partial Add
        // for the addition, Delete for the erase) and "NA" otherwise, whatever the BMC reported
        int ops = i.operationSupport();
        out.printf("Most recent Addition                : %s%n",
                (ops & GetSdrRepositoryInfo.Response.PARTIAL_ADD_SUPPORTED) != 0 ? sdrTimestamp(i.lastAddition())
                        : "NA");
        out.printf("Most recent Erase                   : %s%n",
                (ops & GetSdrRepositoryInfo.Response.DELETE_SUPPORTED) != 0 ? sdrTimestamp(i.lastErase()) : "NA");
        out.printf("SDR overflow                        : %s%n", i.overflow() ? "yes" : "no");
        String modes = switch (i.updateModes()) {
            case 0 -> "unspecified";
            case 1 -> "non-modal";
            case 2 -> "modal";
            default -> "modal and non-modal";
        };
        out.printf("SDR Repository Update Support       : %s%n", modes);
        out.printf("Delete SDR supported                : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.DELETE_SUPPORTED));
        out.printf("Partial Add SDR supported           : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.PARTIAL_ADD_SUPPORTED));
        out.printf("Reserve SDR repository supported    : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.RESERVE_SUPPORTED));
        out.printf("SDR Repository Alloc info supported : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.ALLOCATION_INFO_SUPPORTED));
    }

    static String yesNo(int ops, int bit) {
        return (ops & bit) != 0 ? "yes" : "no";
    }

    /** ipmitool's numeric timestamp; FFFFFFFFh is "Unspecified". */
    static String sdrTimestamp(long ts) {
        return ts == 0xFFFFFFFFL ? "Unspecified" : numericTime(new dev.ipmi.core.sel.SelTimestamp(ts));
    }

    /** ipmitool's lines for FRU and generic device locators (list and elist forms). */
    static Optional<String> locator(SdrRecord r, boolean extended) {
        if (r instanceof SdrRecord.FruDeviceLocator f) {
            return Optional.of(extended
                    ? String.format("%-16s | 00h | ns  | %2d.%1d | %s FRU @%02Xh", f.name(), f.entity().id(),
                    f.entity().instance(), f.logical() ? "Logical" : "Physical", f.fruDeviceId())
                    : String.format("%-16s | %s FRU @%02Xh %02x.%x | ok", f.name(), f.logical() ? "Log" : "Phy",
                    f.fruDeviceId(), f.entity().id(), f.entity().instance()));
        }
        if (r instanceof SdrRecord.GenericDeviceLocator g) {
            return Optional.of(extended
                    ? String.format("%-16s | 00h | ns  | %2d.%1d | Generic Device @%02Xh:%02Xh.%1d", g.name(),
                    g.entity().id(), g.entity().instance(), g.accessAddress(), g.slaveAddress(), g.oem())
                    : String.format("%-16s | Generic @%02X:%02X.%-2d | ok", g.name(), g.accessAddress(),
                    g.slaveAddress(), g.oem()));
        }
        return Optional.empty();
    }

    static void sensorTypes(PrintWriter out) {
        out.println("Sensor Types:");
        for (int t = 1; t <= 0x2C; t += 2) {
            out.printf("\t%-25s (0x%02x)   %-25s (0x%02x)%n", SensorTypes.name(t), t, SensorTypes.name(t + 1),
                    t + 1);
        }
    }

    static void selInfo(GetSelInfo.Response i, PrintWriter out) {
        int v = i.selVersion();
        out.println("SEL Information");
        out.printf("Version          : %d.%d (%s)%n", v & 0x0F, (v >> 4) & 0x0F,
                v == 0x51 || v == 0x02 ? "v1.5, v2 compliant" : "Unknown");
        int e = i.entries();
        int f = i.freeSpace();
        out.printf("Entries          : %d%n", e);
        out.printf("Free Space       : %d bytes %s%n", f, f == 0xFFFF ? "or more" : "");
        int pct = 0;
        if (e != 0) {
            // ipmitool's arithmetic: entries are 16 bytes, used + free = total
            f += e * 16;
            pct = (int) (100 * ((double) (e * 16) / (double) f));
        }
        out.printf("Percent Used     : %s%n", f >= 0xFFFF ? "unknown" : pct + "%");
        out.printf("Last Add Time    : %s%n", selStamp(i.lastAddition()));
        out.printf("Last Del Time    : %s%n", selStamp(i.lastErase()));
        int ops = i.operationSupport();
        out.printf("Overflow         : %s%n", (ops & 0x80) != 0 ? "true" : "false");
        StringBuilder cmds = new StringBuilder();
        if ((ops & 0x0F) == 0) {
            cmds.append("None");
        }
        if ((ops & 0x08) != 0) {
            cmds.append("'Delete' ");
        }
        if ((ops & 0x04) != 0) {
            cmds.append("'Partial Add' ");
        }
        if ((ops & 0x02) != 0) {
            cmds.append("'Reserve' ");
        }
        if ((ops & 0x01) != 0) {
            cmds.append("'Get Alloc Info' ");
        }
        out.printf("Supported Cmds   : %s%n", cmds);
    }

    static String selStamp(long ts) {
        return ts == 0 || ts == 0xFFFFFFFFL ? "Not Available" : numericTime(new SelTimestamp(ts));
    }

    /**
     * ipmitool's numeric timestamp: "MM/dd/yy HH:mm:ss zone", or "S+ HH:MM:SS" for pre-init (seconds since
     * the BMC started).
     */
    static String numericTime(SelTimestamp ts) {
        if (ts.isPreInit()) {
            long s = ts.raw();
            return String.format("S+ %02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        }
        String cols = SelFormat.timestampColumns(ts, SelCommand.zone());
        // "MM/dd/yy | HH:mm:ss zzz |" -> "MM/dd/yy HH:mm:ss zzz"
        return cols.substring(0, cols.length() - 2).replace(" | ", " ");
    }

    /** ipmitool's date alone: "MM/dd/yy", or "S+ yy/ddd" (day of year of the pre-init seconds). */
    static String date(SelTimestamp ts) {
        if (ts.isPreInit()) {
            var t = Instant.ofEpochSecond(ts.raw()).atZone(ZoneOffset.UTC);
            return String.format("S+ %02d/%03d", t.getYear() % 100, t.getDayOfYear());
        }
        return numericTime(ts).substring(0, 8);
    }

    static void selEntry(SelRecord r, PrintWriter out) {
        out.printf("SEL Record ID          : %04x%n", r.recordId());
        if (!(r instanceof SelRecord.SystemEvent e)) {
            out.printf(" Record Type           : %02x  (%s)%n", r.recordType(),
                    r.recordType() < 0xE0 ? "OEM timestamped" : "OEM non-timestamped");
            byte[] all = r.toBytes();
            StringBuilder hex = new StringBuilder();
            for (int i = r.recordType() < 0xE0 ? 10 : 3; i < all.length; i++) {
                hex.append(String.format("%02x", all[i] & 0xFF));
            }
            out.printf(" OEM Defined           : %s%n%n", hex);
            return;
        }
        selHeader(e, out);
        out.printf(" Event Data            : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        out.printf(" Description           : %s%n%n", e.description());
    }

    static void selHeader(SelRecord.SystemEvent e, PrintWriter out) {
        out.printf(" Record Type           : %02x%n", e.recordType());
        // ipmitool formats date and time into one static buffer, so both fields show the date
        out.printf(" Timestamp             : %s %s%n", date(e.timestamp()), date(e.timestamp()));
        out.printf(" Generator ID          : %04x%n", e.generatorId());
        out.printf(" EvM Revision          : %02x%n", e.evmRevision());
        out.printf(" Sensor Type           : %s%n", SensorTypes.name(e.sensorType()));
        out.printf(" Sensor Number         : %02x%n", e.sensorNumber());
        out.printf(" Event Type            : %s%n", eventType(e.eventReadingType()));
        out.printf(" Event Direction       : %s%n", e.deassertion() ? "Deassertion Event" : "Assertion Event");
    }

    /** The detailed form ipmitool prints when the event's sensor is in the SDR repository. */
    static void selEntryExtended(SelRecord.SystemEvent e, SdrRecord.SensorRecord sensor, PrintWriter out) {
        out.printf("SEL Record ID          : %04x%n", e.recordId());
        selHeader(e, out);
        out.printf(" Event Data (RAW)      : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        int type = e.eventReadingType();
        if (type == 0x01 && sensor instanceof SdrRecord.FullSensor full) {
            dataByte(out, (e.eventData1() >> 6) & 3, e.eventData2(), "Trigger Reading       ", full);
            dataByte(out, (e.eventData1() >> 4) & 3, e.eventData3(), "Trigger Threshold     ", full);
        } else if (type >= 0x02 && type <= 0x0C) {
            // generic discrete: nothing more to break down
        } else if (type == 0x6F) {
            if (e.sensorType() == 0x0C && e.sensorNumber() == 0 && (e.eventData1() & 0x30) == 0x20) {
                out.printf(" Event Data            : CPU %d DIMM %d%n", e.eventData3() & 0x0F,
                        (e.eventData3() & 0xF0) >> 4);
            } else if (!(e.sensorType() == 0x2B && e.eventData1() == 0xC1)) {
                out.printf(" Event Interpretation  : Missing%n");
            }
        } else if (type < 0x70 || type > 0x7F) {
            out.printf(" Event Data            : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        }
        out.printf(" Description           : %s%n%n", e.description());
    }

    static void dataByte(PrintWriter out, int usage, int value, String label,
                                 SdrRecord.FullSensor full) {
        switch (usage) {
            case 1 -> out.printf(" %s: %s%s%n", label, IpmitoolFormat.fixed(full.conversion().convert(value), 3),
                    full.units().ipmitoolText());
            case 2 -> out.printf(" OEM Data              : %02x%n", value);
            case 3 -> out.printf(" Sensor Extension Code : %02x%n", value);
            default -> { }
        }
    }

    static String eventType(int code) {
        if (code == 0x01) {
            return "Threshold";
        }
        if (code >= 0x02 && code <= 0x0C) {
            return "Generic Discrete";
        }
        if (code == 0x6F) {
            return "Sensor-specific Discrete";
        }
        if (code >= 0x70 && code <= 0x7F) {
            return "OEM";
        }
        return "Unspecified";
    }

    static String dcmiPowerReading(GetPowerReading.Response r) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append(String.format("    Instantaneous power reading:              %8d Watts%n", r.currentWatts()));
        sb.append(String.format("    Minimum during sampling period:           %8d Watts%n", r.minimumWatts()));
        sb.append(String.format("    Maximum during sampling period:           %8d Watts%n", r.maximumWatts()));
        sb.append(String.format("    Average power reading over sample period: %8d Watts%n", r.averageWatts()));
        sb.append(String.format("    IPMI timestamp:                           %s",
                STAMP.format(Instant.ofEpochSecond(r.timestamp()).atZone(java.time.ZoneOffset.UTC))));
        sb.append(String.format("    Sampling period:                          %08d Seconds.%n",
                r.reportingPeriodMs() / 1000));
        sb.append(String.format("    Power reading state is:                   %s%n%n%n",
                r.measurementActive() ? "activated" : "deactivated"));
        return sb.toString();
    }

    static void rawData(byte[] data, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            if (i > 0 && i % 16 == 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(String.format(" %02x", data[i] & 0xFF));
        }
        out.println(sb);
        out.flush();
    }
    static final Map<Integer, String> AUTH = new LinkedHashMap<>(Map.of(0, "none", 1, "hmac_sha1",
            2, "hmac_md5", 3, "hmac_sha256"));
    static final Map<Integer, String> INTEGRITY = Map.of(0, "none", 1, "hmac_sha1_96", 2, "hmac_md5_128",
            3, "md5_128", 4, "sha256_128");
    static final Map<Integer, String> CONFIDENTIALITY = Map.of(0, "none", 1, "aes_cbc_128", 2, "xrc4_128",
            3, "xrc4_40");

    static void lanPrint(LanCommand.LanReport r, PrintWriter out) {
        LanConfig c = r.config();
        c.setInProgress().ifPresent(s -> out.printf("%-24s: %s%n", "Set in Progress", switch (s.code()) {
            case 0 -> "Set Complete";
            case 1 -> "Set In Progress";
            case 2 -> "Commit Write";
            default -> "Reserved";
        }));
        c.authTypeSupport().ifPresent(t -> out.printf("%-24s: %s%n", "Auth Type Support", authTypes(t)));
        c.authTypeEnables().ifPresent(e -> {
            out.printf("%-24s: Callback : %s%n", "Auth Type Enable", authTypes(e.callback()));
            out.printf("%-24s: User     : %s%n", "", authTypes(e.user()));
            out.printf("%-24s: Operator : %s%n", "", authTypes(e.operator()));
            out.printf("%-24s: Admin    : %s%n", "", authTypes(e.administrator()));
            out.printf("%-24s: OEM      : %s%n", "", authTypes(e.oem()));
        });
        c.ipSource().ifPresent(s -> out.printf("%-24s: %s%n", "IP Address Source", ipSource(s)));
        c.ipAddress().ifPresent(a -> out.printf("%-24s: %s%n", "IP Address", a.getHostAddress()));
        c.subnetMask().ifPresent(a -> out.printf("%-24s: %s%n", "Subnet Mask", a.getHostAddress()));
        c.macAddress().ifPresent(m -> out.printf("%-24s: %s%n", "MAC Address", mac(m)));
        c.communityString().ifPresent(s -> out.printf("%-24s: %s%n", "SNMP Community String", s));
        r.ipHeader().filter(d -> d.length >= 3).ifPresent(d -> out.printf(
                "%-24s: TTL=0x%02x Flags=0x%02x Precedence=0x%02x TOS=0x%02x%n", "IP Header", d[0] & 0xFF,
                d[1] & 0xE0, d[2] & 0xE0, d[2] & 0x1E));
        r.arpControl().filter(d -> d.length >= 1).ifPresent(d -> out.printf("%-24s: ARP Responses %sabled, "
                + "Gratuitous ARP %sabled%n", "BMC ARP Control", (d[0] & 0x02) != 0 ? "En" : "Dis",
                (d[0] & 0x01) != 0 ? "En" : "Dis"));
        r.gratuitousArpInterval().filter(d -> d.length >= 1).ifPresent(d -> out.printf("%-24s: %.1f seconds%n",
                "Gratituous ARP Intrvl", (d[0] & 0xFF) / 2.0));
        c.defaultGatewayIp().ifPresent(a -> out.printf("%-24s: %s%n", "Default Gateway IP", a.getHostAddress()));
        c.defaultGatewayMac().ifPresent(m -> out.printf("%-24s: %s%n", "Default Gateway MAC", mac(m)));
        c.backupGatewayIp().ifPresent(a -> out.printf("%-24s: %s%n", "Backup Gateway IP", a.getHostAddress()));
        c.backupGatewayMac().ifPresent(m -> out.printf("%-24s: %s%n", "Backup Gateway MAC", mac(m)));
        c.vlan().ifPresent(v -> out.printf("%-24s: %s%n", "802.1q VLAN ID", v.enabled() ? Integer.toString(v.id())
                : "Disabled"));
        c.vlanPriority().ifPresent(p -> out.printf("%-24s: %d%n", "802.1q VLAN Priority", p));
        List<CipherSuitePrivilege> suites = c.cipherSuites();
        if (!suites.isEmpty()) {
            out.printf("%-24s: %s%n", "RMCP+ Cipher Suites", suites.stream()
                    .map(s -> Integer.toString(s.cipherSuiteId())).collect(Collectors.joining(",")));
            StringBuilder max = new StringBuilder();
            for (CipherSuitePrivilege s : suites) {
                max.append(s.maxPrivilege().map(p -> switch (p.code()) {
                    case 0 -> 'X';
                    case 1 -> 'c';
                    case 2 -> 'u';
                    case 3 -> 'o';
                    case 4 -> 'a';
                    case 5 -> 'O';
                    default -> '?';
                }).orElse('X'));
            }
            out.printf("%-24s: %s%n", "Cipher Suite Priv Max", max);
            for (String legend : List.of("X=Cipher Suite Unused", "c=CALLBACK", "u=USER", "o=OPERATOR", "a=ADMIN",
                    "O=OEM")) {
                out.printf("%-24s:     %s%n", "", legend);
            }
        }
        Optional<byte[]> bad = r.badPasswordThreshold().filter(d -> d.length >= 6);
        if (bad.isEmpty()) {
            out.printf("%-24s: Not Available%n", "Bad Password Threshold");
        } else {
            byte[] d = bad.get();
            out.printf("%-24s: %d%n", "Bad Password Threshold", d[1] & 0xFF);
            out.printf("%-24s: %s%n", "Invalid password disable", (d[0] & 0x01) != 0 ? "yes" : "no");
            out.printf("%-24s: %d%n", "Attempt Count Reset Int.", ((d[2] & 0xFF) | (d[3] & 0xFF) << 8) * 10);
            out.printf("%-24s: %d%n", "User Lockout Interval", ((d[4] & 0xFF) | (d[5] & 0xFF) << 8) * 10);
        }
        out.flush();
    }

    static String authTypes(Set<AuthType> types) {
        StringBuilder sb = new StringBuilder();
        for (AuthType t : List.of(AuthType.NONE, AuthType.MD2, AuthType.MD5, AuthType.PASSWORD, AuthType.OEM)) {
            if (types.contains(t)) {
                sb.append(t.displayName()).append(' ');
            }
        }
        return sb.toString();
    }

    static String ipSource(IpSource s) {
        return switch (s.code()) {
            case 0 -> "Unspecified";
            case 1 -> "Static Address";
            case 2 -> "DHCP Address";
            case 3 -> "BIOS Assigned Address";
            default -> "Other";
        };
    }

    static String mac(MacAddress m) {
        byte[] b = m.bytes();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    static void channelAccess(PrintWriter out, String title, GetChannelAccess.Response a) {
        out.println(title);
        out.printf("    Alerting            : %s%n", a.alertingDisabled() ? "disabled" : "enabled");
        out.printf("    Per-message Auth    : %s%n", a.perMessageAuthDisabled() ? "disabled" : "enabled");
        out.printf("    User Level Auth     : %s%n", a.userLevelAuthDisabled() ? "disabled" : "enabled");
        out.printf("    Access Mode         : %s%n", a.accessMode().displayName());
    }

    static String algorithmName(List<Integer> algs, Map<Integer, String> names) {
        if (algs.isEmpty()) {
            return "none";
        }
        return names.getOrDefault(algs.get(0), "unknown");
    }

    static void userList(List<UserEntry> users, PrintWriter out) {
        out.println("ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit");
        for (UserEntry u : users) {
            out.printf("%-4d%-17s%-8s%-11s%-11s%s%n", u.id(), u.name(), u.callin(), u.linkAuthEnabled(),
                    u.ipmiMessagingEnabled(), Privileges.name(u.privilegeLimit()));
        }
    }

    static void userSummary(UserSummary s, PrintWriter out) {
        out.printf("Maximum IDs\t    : %d%n", s.maxUserIds());
        out.printf("Enabled User Count  : %d%n", s.enabledUserIds());
        out.printf("Fixed Name Count    : %d%n", s.fixedNameUserIds());
    }

    /** "Set User Password command successful (user 3)". */
    static String userCommandSuccessful(String command, int user) {
        return command + " command successful (user " + user + ")";
    }

    /** "Set User Name command failed (user 3, name bob): Invalid data field in request". */
    static String userCommandFailed(String command, String user, String description) {
        return command + " command failed (user " + user + "): " + description;
    }

    static String passwordTest(PasswordTest r) {
        return switch (r) {
            case CORRECT -> "Success";
            case INCORRECT -> "Failure: password incorrect";
            case WRONG_SIZE -> "Failure: wrong password size";
        };
    }

    /**
     * The same lines as ipmitool 1.8.19 {@code sol info}. Like ipmitool, unsupported parameters print
     * zeros, the queried channel and the session's port.
     *
     * @param queriedChannel the channel asked about (ipmitool's fallback for parameter 7)
     * @param sessionPort    the RMCP+ port in use (ipmitool's fallback for parameter 8)
     */
    static String solInfo(SolConfig c, int queriedChannel, int sessionPort) {
        SolParameter.Authentication auth = c.authentication().orElse(
                new SolParameter.Authentication(false, false, PrivilegeLevel.valueOf(0)));
        SolParameter.CharacterAccumulate acc = c.characterAccumulate()
                .orElse(new SolParameter.CharacterAccumulate(0, 0));
        SolParameter.Retry r = c.retry().orElse(new SolParameter.Retry(0, 0));
        int ch = c.payloadChannel().orElse(queriedChannel);
        StringBuilder sb = new StringBuilder();
        solLine(sb, "Set in progress", c.setInProgress().orElse(SolParameter.SetInProgress.State.SET_COMPLETE).text());
        solLine(sb, "Enabled", Boolean.toString(c.enabled().orElse(false)));
        solLine(sb, "Force Encryption", Boolean.toString(auth.forceEncryption()));
        solLine(sb, "Force Authentication", Boolean.toString(auth.forceAuthentication()));
        solLine(sb, "Privilege Level", solPrivilegeText(auth.minimumPrivilege().code()));
        solLine(sb, "Character Accumulate Level (ms)", Integer.toString(acc.intervalMillis()));
        solLine(sb, "Character Send Threshold", Integer.toString(acc.sendThreshold()));
        solLine(sb, "Retry Count", Integer.toString(r.retryCount()));
        solLine(sb, "Retry Interval (ms)", Integer.toString(r.intervalMillis()));
        solLine(sb, "Volatile Bit Rate (kbps)", c.volatileBitRate().orElse(SolBitRate.SERIAL_SETTING).kbpsText());
        solLine(sb, "Non-Volatile Bit Rate (kbps)",
                c.nonVolatileBitRate().orElse(SolBitRate.SERIAL_SETTING).kbpsText());
        solLine(sb, "Payload Channel", ch + " (" + String.format("0x%02x", ch) + ")");
        solLine(sb, "Payload Port", Integer.toString(c.payloadPort().orElse(sessionPort)));
        return sb.toString();
    }

    private static void solLine(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-32s: %s\n", label, value));
    }

    private static String solPrivilegeText(int code) {
        return switch (code) {
            case 1 -> "CALLBACK";
            case 2 -> "USER";
            case 3 -> "OPERATOR";
            case 4 -> "ADMINISTRATOR";
            case 5 -> "OEM";
            default -> "Unknown (" + String.format("0x%02x", code) + ")";
        };
    }

    /** ipmitool's stderr notes for SOL parameters the BMC does not support. */
    static void solMissingParameters(SolConfig c, int ch, int sessionPort, PrintWriter err) {
        if (c.setInProgress().isEmpty()) {
            err.println("Info: SOL parameter 'Set In Progress (0)' not supported");
        }
        if (c.enabled().isEmpty()) {
            err.println("Info: SOL parameter 'Enable (1)' not supported");
        }
        if (c.authentication().isEmpty()) {
            err.println("Info: SOL parameter 'Authentication (2)' not supported");
        }
        if (c.characterAccumulate().isEmpty()) {
            err.println("Info: SOL parameter 'Character Interval (3)' not supported");
        }
        if (c.retry().isEmpty()) {
            err.println("Info: SOL parameter 'Retry (4)' not supported");
        }
        if (c.nonVolatileBitRate().isEmpty()) {
            err.println("Info: SOL parameter 'Nonvolatile Bitrate (5)' not supported");
        }
        if (c.volatileBitRate().isEmpty()) {
            err.println("Info: SOL parameter 'Volatile Bitrate (6)' not supported");
        }
        if (c.payloadChannel().isEmpty()) {
            err.printf("Info: SOL parameter 'Payload Channel (7)' not supported - defaulting to 0x%02x%n", ch);
        }
        if (c.payloadPort().isEmpty()) {
            err.printf("Info: SOL parameter 'Payload Port (8)' not supported - defaulting to %d%n", sessionPort);
        }
        err.flush();
    }

    static String solSetError(String name, String value, int cc, String description) {
        return switch (cc) {
            case 0x80 -> "Error setting SOL parameter '" + name + "': Parameter not supported";
            case 0x81 -> "Error setting SOL parameter '" + name
                    + "': Attempt to set set-in-progress when not in set-complete state";
            case 0x82 -> "Error setting SOL parameter '" + name + "': Attempt to write read-only parameter";
            case 0x83 -> "Error setting SOL parameter '" + name + "': Attempt to read write-only parameter";
            default -> "Error setting SOL parameter '" + name + "' to '" + value + "': " + description;
        };
    }

    static final String SOL_ALREADY_DEACTIVATED = "Info: SOL payload already de-activated";
    static final String SOL_ALREADY_ACTIVE = "Info: SOL payload already active on another session";

    static String solDeactivateError(int cc, String description) {
        return cc == 0x81 ? "Info: SOL payload type disabled" : "Error de-activating SOL payload: " + description;
    }

    /** What {@code sol activate} prints when the console ended without the user leaving it. */
    static String solEnded(SolEvent reason) {
        return reason == SolEvent.LINK_LOST ? "Error: SOL link lost (no acknowledgement from the BMC)"
                : "SOL session closed by BMC";
    }

    /** Threshold names of the assertion/deassertion masks of threshold sensors, bit 0 first. */
    private static final String[] EVENT_BITS = {"lnc-", "lnc+", "lcr-", "lcr+", "lnr-", "lnr+", "unc-", "unc+",
        "ucr-", "ucr+", "unr-", "unr+"};

    /**
     * The lines of ipmitool {@code sensor get}: the shared detail lines, with the assertion events and
     * the "event messages disabled" note before "Assertions Enabled" when the BMC answered those
     * commands ({@code enable} null and {@code assertions} empty when it did not).
     */
    static List<String> sensorGet(SdrRecord.SensorRecord s, SensorReading r, GetSensorThresholds.Response thresholds,
                                  GetSensorEventEnable.Response enable, OptionalInt assertions) {
        List<String> extra = new ArrayList<>();
        assertions.ifPresent(mask -> extra.add(" Assertion Events      : " + events(mask)));
        if (enable != null && (enable.flags() & 0x80) == 0) {
            extra.add(" Event Enable          : Event Messages Disabled");
        }
        List<String> lines = new ArrayList<>(IpmitoolFormat.sensorGet(r, thresholds, enable));
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(" Assertions Enabled")) {
            at++;
        }
        lines.addAll(at, extra);
        if (!s.isThreshold() && !(r instanceof SensorReading.Discrete)) {
            lines.add(" Unable to read sensor: Device Not Present");
        }
        return lines;
    }

    private static String events(int mask) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < EVENT_BITS.length; bit++) {
            if ((mask & (1 << bit)) != 0) {
                b.append(EVENT_BITS[bit]).append(' ');
            }
        }
        return b.toString();
    }
}
