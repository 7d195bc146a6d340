package dev.ipmi.core.fru;

import dev.ipmi.core.sdr.TypeLengthString;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ipmitool fru print} output for a decoded FRU (ipmitool 1.8.19 labels and order). */
public final class FruFormat {
    private FruFormat() {}

    /** SMBIOS 3.x chassis types as ipmitool names them. */
    private static final List<String> CHASSIS_TYPES = List.of(
            "Unspecified", "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower",
            "Portable", "LapTop", "Notebook", "Hand Held", "Docking Station", "All in One", "Sub Notebook",
            "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis", "SubChassis",
            "Bus Expansion Chassis", "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC",
            "Multi-system Chassis", "Compact PCI", "Advanced TCA", "Blade", "Blade Enclosure", "Tablet",
            "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");

    // C's asctime layout: day of month space-padded to two characters
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);

    public static String chassisTypeName(int type) {
        return type >= 0 && type < CHASSIS_TYPES.size() ? CHASSIS_TYPES.get(type) : "Unknown";
    }

    /**
     * The lines ipmitool prints for one FRU after its "FRU Device Description" line; empty fields
     * are left out as ipmitool does.
     */
    public static List<String> lines(FruInventory fru) {
        List<String> out = new ArrayList<>();
        fru.chassis().ifPresent(c -> {
            out.add(line("Chassis Type", c.typeName()));
            add(out, "Chassis Part Number", c.partNumber());
            add(out, "Chassis Serial", c.serialNumber());
            c.custom().forEach(x -> add(out, "Chassis Extra", x));
        });
        fru.board().ifPresent(b -> {
            out.add(line("Board Mfg Date", b.mfgDate()
                    .map(i -> ASCTIME.format(i.atOffset(ZoneOffset.UTC)) + " UTC").orElse("Unspecified")));
            add(out, "Board Mfg", b.manufacturer());
            add(out, "Board Product", b.productName());
            add(out, "Board Serial", b.serialNumber());
            add(out, "Board Part Number", b.partNumber());
            b.custom().forEach(x -> add(out, "Board Extra", x));
        });
        fru.product().ifPresent(p -> {
            add(out, "Product Manufacturer", p.manufacturer());
            add(out, "Product Name", p.name());
            add(out, "Product Part Number", p.partNumber());
            add(out, "Product Version", p.version());
            add(out, "Product Serial", p.serialNumber());
            add(out, "Product Asset Tag", p.assetTag());
            p.custom().forEach(x -> add(out, "Product Extra", x));
        });
        return out;
    }

    /** The whole {@code fru print} block for one device, header line included. */
    public static List<String> print(String description, int fruId, FruInventory fru) {
        List<String> out = new ArrayList<>();
        out.add(String.format("FRU Device Description : %s (ID %d)", description, fruId));
        out.addAll(lines(fru));
        return out;
    }

    private static void add(List<String> out, String label, TypeLengthString value) {
        if (value != null && !value.text().isEmpty()) {
            out.add(line(label, ipmitoolText(value)));
        }
    }

    /**
     * ipmitool unpacks 6-bit ASCII in whole groups of three bytes, zero-filled, so a field whose
     * characters do not fill the last group shows trailing spaces ("IPMI BOARD  "); other encodings
     * print as decoded.
     */
    static String ipmitoolText(TypeLengthString value) {
        if (value.encoding() != TypeLengthString.Encoding.SIX_BIT_ASCII) {
            return value.text();
        }
        byte[] raw = value.raw();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length; i += 3) {
            int group = (raw[i] & 0xFF) | (i + 1 < raw.length ? (raw[i + 1] & 0xFF) << 8 : 0)
                    | (i + 2 < raw.length ? (raw[i + 2] & 0xFF) << 16 : 0);
            for (int c = 0; c < 4; c++) {
                b.append((char) (((group >>> (6 * c)) & 0x3F) + 0x20));
            }
        }
        return b.toString();
    }

    private static String line(String label, String value) {
        return String.format(" %-22s: %s", label, value);
    }
}
