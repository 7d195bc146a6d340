package dev.ipmi.lanplus.internal;

import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionResponse;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp3;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import dev.ipmi.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The RMCP+ handshake read out of a captured ipmitool/FreeIPMI exchange with ipmi_sim. */
record CaptureHandshake(OpenSessionRequest open, OpenSessionResponse openResponse, Rakp1 rakp1, Rakp2 rakp2,
                        Rakp3 rakp3, Rakp4 rakp4, List<byte[]> sessionPackets) {

    static CaptureHandshake load(String name) {
        Map<String, byte[]> packets = Vectors.load("lanplus/" + name + ".hex");
        OpenSessionRequest open = null;
        OpenSessionResponse openRsp = null;
        Rakp1 r1 = null;
        Rakp2 r2 = null;
        Rakp3 r3 = null;
        Rakp4 r4 = null;
        List<byte[]> session = new ArrayList<>();
        for (byte[] p : packets.values()) {
            if (p.length < 16 || p[4] != 0x06) {
                continue;
            }
            int type = p[5] & 0x3F;
            byte[] payload = Arrays.copyOfRange(p, 16, p.length);
            switch (type) {
                case RakpMessage.OPEN_SESSION_REQUEST -> open = (OpenSessionRequest) RakpMessage.decode(type, payload);
                case RakpMessage.OPEN_SESSION_RESPONSE ->
                        openRsp = (OpenSessionResponse) RakpMessage.decode(type, payload);
                case RakpMessage.RAKP_1 -> r1 = (Rakp1) RakpMessage.decode(type, payload);
                case RakpMessage.RAKP_2 -> r2 = (Rakp2) RakpMessage.decode(type, payload);
                case RakpMessage.RAKP_3 -> r3 = (Rakp3) RakpMessage.decode(type, payload);
                case RakpMessage.RAKP_4 -> r4 = (Rakp4) RakpMessage.decode(type, payload);
                default -> session.add(p);
            }
        }
        return new CaptureHandshake(open, openRsp, r1, r2, r3, r4, session);
    }
}
