package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.RawRequest;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code raw NETFN CMD [DATA…]}: sends any command and prints the response data like ipmitool. */
@Command(name = "raw", description = "Send a raw request and print the response data bytes (as ipmitool raw).")
final class RawCommand extends CliCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "NETFN", description = "netFn, e.g. 0x06")
    String netFn;

    @Parameters(index = "1", paramLabel = "CMD", description = "command byte, e.g. 0x01")
    String cmd;

    @Parameters(index = "2..*", paramLabel = "DATA", description = "request data bytes")
    List<String> data = List.of();

    @Override
    public void run() {
        int nf = parseByte(netFn, "netfn");
        if (nf > 0x3F || (nf & 1) != 0) {
            throw new CliException("netfn must be an even value 0x00..0x3e, got " + netFn);
        }
        int c = parseByte(cmd, "command");
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) parseByte(data.get(i), "data byte");
        }
        RawRequest req = RawRequest.of(nf, c, bytes);
        RawRequest.Response r;
        try {
            r = client().execute(req);
        } catch (CompletionCodeException e) {
            throw new CliException(String.format(
                    "Unable to send RAW command (channel=0x%x netfn=0x%x lun=0x0 cmd=0x%x rsp=0x%x): %s",
                    options().target().channel(), nf, c, e.code().code(), e.code().description()));
        }
        if (!printJson(Map.of("data", r.data().hex()))) {
            IpmitoolText.rawData(r.data().toByteArray(), out());
        }
    }


    /** Like ipmitool's str2uchar (strtoul base 0): 0x.. hex, leading 0 octal, else decimal; 0..255. */
    static int parseByte(String text, String what) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            int v;
            if (s.startsWith("0x")) {
                v = Integer.parseInt(s.substring(2), 16);
            } else if (s.length() > 1 && s.startsWith("0")) {
                v = Integer.parseInt(s.substring(1), 8);
            } else {
                v = Integer.parseInt(s);
            }
            if (v < 0 || v > 0xFF) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CliException("invalid " + what + " '" + text + "' (expected 0..255, e.g. 0x06)");
        }
    }
}
