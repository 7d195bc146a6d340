package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.wire.ByteReader;

/** Shared bits of the DCMI commands (DCMI v1.5 §6): netFn 2Ch and the group extension byte DCh. */
public final class Dcmi {
    /** First request byte and first response data byte of every DCMI command. */
    public static final int GROUP_EXTENSION_ID = 0xDC;

    private Dcmi() {}

    static void readGroupId(ByteReader in) {
        int g = in.u8("group extension identification");
        if (g != GROUP_EXTENSION_ID) {
            throw in.malformed("group extension identification", "expected DCh, found " + String.format("%02Xh", g));
        }
    }
}
