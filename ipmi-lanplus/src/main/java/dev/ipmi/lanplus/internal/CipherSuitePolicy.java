package dev.ipmi.lanplus.internal;

import dev.ipmi.core.commands.app.GetChannelCipherSuites.CipherSuiteRecord;
import dev.ipmi.core.types.CipherSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which cipher suites to try, in order, for {@link CipherSuite#AUTO}: those the BMC
 * advertises (standard records whose algorithms match the suite's definition) ordered by
 * {@link CipherSuite#PREFERENCE}; when the BMC did not answer Get Channel Cipher Suites, 17 then 3
 * (the usual suites of new and old BMCs). Suite 0 is never chosen automatically.
 */
public final class CipherSuitePolicy {
    public static final List<CipherSuite> FALLBACK = List.of(CipherSuite.SUITE_17, CipherSuite.SUITE_3);

    private CipherSuitePolicy() {}

    public static List<CipherSuite> candidates(List<CipherSuiteRecord> advertised) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.PREFERENCE) {
            for (CipherSuiteRecord r : advertised) {
                if (!r.isOem() && r.suiteId() == s.id() && matches(r, s)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** A record that lists algorithms must list this suite's; an empty list is taken on trust. */
    private static boolean matches(CipherSuiteRecord r, CipherSuite s) {
        return (r.authentication().isEmpty() || r.authentication().contains(s.authentication().code()))
                && (r.integrity().isEmpty() || r.integrity().contains(s.integrity().code()))
                && (r.confidentiality().isEmpty() || r.confidentiality().contains(s.confidentiality().code()));
    }
}
