package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of FreeIPMI's hostrange documentation (ipmi-power(8), HOSTRANGED SUPPORT) and pdsh's hostlist. */
class HostRangeTest {
    @Test
    void plainListsAndRanges() {
        assertThat(HostRange.expand("a,b , c")).containsExactly("a", "b", "c");
        assertThat(HostRange.expand("node[01-03]")).containsExactly("node01", "node02", "node03");
        assertThat(HostRange.expand("node[8-11]")).containsExactly("node8", "node9", "node10", "node11");
        assertThat(HostRange.expand("10.0.0.[1-3]")).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(HostRange.expand("rack[1,3,5-6]")).containsExactly("rack1", "rack3", "rack5", "rack6");
    }

    @Test
    void portsInsideTheRange() {
        List<String> hosts = HostRange.expand("127.0.0.1:40[000-999]");
        assertThat(hosts).hasSize(1000).startsWith("127.0.0.1:40000", "127.0.0.1:40001").endsWith("127.0.0.1:40999");
        assertThat(HostRange.expand("10.0.0.[1-2]:623")).containsExactly("10.0.0.1:623", "10.0.0.2:623");
    }

    @Test
    void severalGroupsMultiplyAndDuplicatesAreDropped() {
        assertThat(HostRange.expand("r[1-2]n[1-2]")).containsExactly("r1n1", "r1n2", "r2n1", "r2n2");
        assertThat(HostRange.expand("a,node[1-2],a,node1")).containsExactly("a", "node1", "node2");
    }

    @Test
    void ipv6LiteralsAreNames() {
        assertThat(HostRange.expand("[::1]:623,[fe80::2]")).containsExactly("[::1]:623", "[fe80::2]");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> HostRange.expand("node[1-")).hasMessageContaining("without ']'");
        assertThatThrownBy(() -> HostRange.expand("node[5-1]")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> HostRange.expand("node[a-b]")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> HostRange.expand("10.[0-255].[0-255].[0-255]")).hasMessageContaining("more than");
        assertThatThrownBy(() -> HostRange.expand(" , ")).hasMessageContaining("no host");
    }
}
