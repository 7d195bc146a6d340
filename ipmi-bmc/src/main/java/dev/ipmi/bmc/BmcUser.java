package dev.ipmi.bmc;

import dev.ipmi.core.types.PrivilegeLevel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user account on the BMC side: user ID (1..63), name (at most 16 ASCII bytes), password (at most
 * 20 bytes; IPMI 1.5 logins use only the first 16) and the highest privilege the user may hold on
 * the LAN channel. The password never appears in {@link #toString()}.
 */
public final class BmcUser {
    private final int id;
    private final String name;
    private final byte[] password;
    private final PrivilegeLevel maxPrivilege;

    public BmcUser(int id, String name, byte[] password, PrivilegeLevel maxPrivilege) {
        if (id < 1 || id > 63) {
            throw new IllegalArgumentException("user ID must be 1..63: " + id);
        }
        Objects.requireNonNull(name, "name");
        if (name.getBytes(StandardCharsets.US_ASCII).length > 16) {
            throw new IllegalArgumentException("user names are at most 16 bytes: " + name);
        }
        if (password.length > 20) {
            throw new IllegalArgumentException("passwords are at most 20 bytes");
        }
        Objects.requireNonNull(maxPrivilege, "maxPrivilege");
        if (maxPrivilege.code() < PrivilegeLevel.CALLBACK.code() || maxPrivilege.code() > PrivilegeLevel.OEM.code()) {
            throw new IllegalArgumentException("max privilege must be CALLBACK..OEM: " + maxPrivilege);
        }
        this.id = id;
        this.name = name;
        this.password = password.clone();
        this.maxPrivilege = maxPrivilege;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** A copy of the password; callers wipe it after use. */
    public byte[] password() {
        return password.clone();
    }

    public PrivilegeLevel maxPrivilege() {
        return maxPrivilege;
    }

    /** Name match as RAKP1 / Get Session Challenge present it: exact bytes, trailing NULs ignored. */
    public boolean hasName(byte[] wireName) {
        int len = wireName.length;
        while (len > 0 && wireName[len - 1] == 0) {
            len--;
        }
        return Arrays.equals(nameBytes(), Arrays.copyOf(wireName, len));
    }

    @Override
    public String toString() {
        return "BmcUser[" + id + ", " + name + ", " + maxPrivilege + ", password redacted]";
    }
}
