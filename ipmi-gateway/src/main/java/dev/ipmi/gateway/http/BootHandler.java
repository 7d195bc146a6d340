package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.gateway.auth.Principal;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/bmcs/{name}/boot}: the boot flags (System Boot Options parameter 5). */
final class BootHandler {
    static final List<String> DEVICES = List.of("none", "pxe", "disk", "safe", "diag", "cdrom", "bios", "floppy");

    private final BmcDirectory bmcs;
    private final ObjectMapper json;

    BootHandler(BmcDirectory bmcs, ObjectMapper json) {
        this.bmcs = bmcs;
        this.json = json;
    }

    void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> bmcs.access().call(name, c -> c.chassis().bootFlags()).thenAccept(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", deviceName(f.device()));
            m.put("device_description", f.device().displayName());
            m.put("valid", f.valid());
            m.put("persistent", f.persistent());
            m.put("efi", f.efi());
            ctx.json(m);
        }));
    }

    void put(Context ctx) {
        Principal p = Requests.principal(ctx);
        String name = ctx.pathParam("name");
        ObjectNode body = Requests.body(ctx, json, Set.of("device", "persistent", "efi"));
        String device = Requests.requiredText(body, "device");
        if (!DEVICES.contains(device)) {
            throw ApiProblem.badField("device", "unknown device '" + device + "' (one of " + String.join(", ", DEVICES) + ")");
        }
        List<String> options = new ArrayList<>();
        boolean persistent = Requests.bool(body, "persistent").orElse(false);
        boolean efi = Requests.bool(body, "efi").orElse(false);
        if (persistent) {
            options.add("persistent");
        }
        if (efi) {
            options.add("efiboot");
        }
        BootFlags flags = BootFlags.ipmitoolBootdev(device, false, options.toArray(String[]::new));
        ctx.future(() -> bmcs.access().call(name, c -> c.chassis().setBootFlags(flags)).handle((v, e) -> {
            Audit.record(p, "boot." + device, name, e == null ? "ok" : "failed: " + Problems.unwrap(e).getClass().getSimpleName());
            if (e != null) {
                throw e instanceof RuntimeException re ? re : new RuntimeException(e);
            }
            ctx.json(Map.of("device", device, "persistent", persistent, "efi", efi));
            return null;
        }));
    }

    static String deviceName(BootDevice d) {
        if (d.equals(BootDevice.NO_OVERRIDE)) {
            return "none";
        }
        if (d.equals(BootDevice.PXE)) {
            return "pxe";
        }
        if (d.equals(BootDevice.DISK)) {
            return "disk";
        }
        if (d.equals(BootDevice.DISK_SAFE_MODE)) {
            return "safe";
        }
        if (d.equals(BootDevice.DIAGNOSTIC_PARTITION)) {
            return "diag";
        }
        if (d.equals(BootDevice.CDROM)) {
            return "cdrom";
        }
        if (d.equals(BootDevice.BIOS_SETUP)) {
            return "bios";
        }
        if (d.equals(BootDevice.FLOPPY)) {
            return "floppy";
        }
        return String.format("0x%x", d.code());
    }
}
