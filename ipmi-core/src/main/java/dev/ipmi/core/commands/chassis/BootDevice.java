package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/**
 * Boot device selector of the boot flags — IPMI v2.0 §28.13, table 28-14, parameter 5 data 2
 * bits 5:2. Names follow ipmitool's {@code bootparam get 5} text.
 */
public final class BootDevice extends OpenEnum {
    private static final Map<Integer, BootDevice> KNOWN = new HashMap<>();

    public static final BootDevice NO_OVERRIDE = define(0x0, "No override");
    public static final BootDevice PXE = define(0x1, "Force PXE");
    public static final BootDevice DISK = define(0x2, "Force Boot from default Hard-Drive");
    public static final BootDevice DISK_SAFE_MODE = define(0x3, "Force Boot from default Hard-Drive, request Safe-Mode");
    public static final BootDevice DIAGNOSTIC_PARTITION = define(0x4, "Force Boot from Diagnostic Partition");
    public static final BootDevice CDROM = define(0x5, "Force Boot from CD/DVD");
    public static final BootDevice BIOS_SETUP = define(0x6, "Force Boot into BIOS Setup");
    public static final BootDevice REMOTE_FLOPPY = define(0x7, "Force Boot from remotely connected Floppy/primary removable media");
    public static final BootDevice REMOTE_CDROM = define(0x8, "Force Boot from remotely connected CD/DVD");
    public static final BootDevice REMOTE_PRIMARY_MEDIA = define(0x9, "Force Boot from primary remote media");
    public static final BootDevice REMOTE_DISK = define(0xB, "Force Boot from remotely connected Hard-Drive");
    public static final BootDevice FLOPPY = define(0xF, "Force Boot from Floppy/primary removable media");

    private BootDevice(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static BootDevice define(int code, String name) {
        BootDevice d = new BootDevice(code, name, true);
        KNOWN.put(code, d);
        return d;
    }

    /** Takes bits 3:0 of {@code code} (the selector already shifted down). */
    public static BootDevice valueOf(int code) {
        return lookup(KNOWN, code & 0x0F, n -> new BootDevice(n, unknownName(n), false));
    }

    /**
     * ipmitool's {@code chassis bootdev} names: none, pxe, disk, safe, diag, cdrom, bios, floppy
     * (ipmitool writes data 2 = 0x00, 0x04, 0x08, 0x0C, 0x10, 0x14, 0x18, 0x3C).
     */
    public static BootDevice parseIpmitool(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> NO_OVERRIDE;
            case "pxe", "force_pxe" -> PXE;
            case "disk", "force_disk" -> DISK;
            case "safe", "force_safe" -> DISK_SAFE_MODE;
            case "diag", "force_diag" -> DIAGNOSTIC_PARTITION;
            case "cdrom", "force_cdrom" -> CDROM;
            case "bios", "force_bios" -> BIOS_SETUP;
            case "floppy" -> FLOPPY;
            default -> throw new IllegalArgumentException("unknown boot device '" + name
                    + "' (expected none, pxe, disk, safe, diag, cdrom, bios or floppy)");
        };
    }
}
