package dev.ipmi.lanplus.internal;

import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.types.CipherSuite;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The AUTO cipher suite choice: the pre-session Get Channel Cipher Suites pages read so far (IPMI
 * 1.5 framing, auth type NONE — the form ipmi_sim answers), from which {@link CipherSuitePolicy}
 * picks the candidates. Immutable: each page read gives a new value.
 *
 * @param index   list index of the page to ask for next
 * @param records the record bytes of the pages read so far
 */
record SuiteNegotiation(int index, byte[] records) {
    static final long QUERY_TIMEOUT_NANOS = Duration.ofMillis(500).toNanos();
    static final int QUERY_ATTEMPTS = 2;

    static SuiteNegotiation first() {
        return new SuiteNegotiation(0, new byte[0]);
    }

    /** The request data for page {@link #index}. */
    byte[] request() {
        return new GetChannelCipherSuites.Request(GetChannelCipherSuites.THIS_CHANNEL, 0, index).toBytes();
    }

    /** This negotiation with the record bytes of one more page ({@code body} from {@code from} on). */
    SuiteNegotiation withPage(byte[] body, int from) {
        byte[] all = Arrays.copyOf(records, records.length + body.length - from);
        System.arraycopy(body, from, all, records.length, body.length - from);
        return new SuiteNegotiation(index, all);
    }

    /** True when a page of {@code pageLength} record bytes was the last one. */
    boolean complete(int pageLength) {
        return pageLength < GetChannelCipherSuites.PAGE_SIZE || index >= GetChannelCipherSuites.MAX_LIST_INDEX;
    }

    SuiteNegotiation nextPage() {
        return new SuiteNegotiation(index + 1, records);
    }

    /**
     * The suites to try, strongest first; empty if none matches.
     *
     * @throws dev.ipmi.core.MalformedMessageException the records do not parse
     */
    List<CipherSuite> candidates() {
        return CipherSuitePolicy.candidates(GetChannelCipherSuites.parseRecords(records));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuiteNegotiation n && n.index == index && Arrays.equals(n.records, records);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(records);
    }

    @Override
    public String toString() {
        return "SuiteNegotiation[index " + index + ", " + records.length + " record bytes]";
    }
}
