package dev.ipmi.gateway.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HostRangeTest {
    @Test
    void pdshStyleRanges() {
        assertThat(HostRange.expand("node[01-06]"))
                .containsExactly("node01", "node02", "node03", "node04", "node05", "node06");
        assertThat(HostRange.expand("osl0[1-3]")).containsExactly("osl01", "osl02", "osl03");
        assertThat(HostRange.expand("n[1-3,7],db1")).containsExactly("n1", "n2", "n3", "n7", "db1");
        assertThat(HostRange.expand("r[1-2]-n[1-2]")).containsExactly("r1-n1", "r1-n2", "r2-n1", "r2-n2");
        assertThat(HostRange.expand("n[8-11]")).containsExactly("n8", "n9", "n10", "n11");
        assertThat(HostRange.expand("n[098-101]")).containsExactly("n098", "n099", "n100", "n101");
        assertThat(HostRange.expand("a, b ,a")).containsExactly("a", "b");
    }

    @Test
    void badSelectorsSayWhy() {
        assertThatThrownBy(() -> HostRange.expand("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> HostRange.expand("n[1-")).hasMessageContaining("without ']'");
        assertThatThrownBy(() -> HostRange.expand("n]1[")).hasMessageContaining("without '['");
        assertThatThrownBy(() -> HostRange.expand("n[[1]]")).hasMessageContaining("nested");
        assertThatThrownBy(() -> HostRange.expand("n[5-1]")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> HostRange.expand("n[a-b]")).hasMessageContaining("digits");
        assertThatThrownBy(() -> HostRange.expand("n[]")).hasMessageContaining("empty range");
        assertThatThrownBy(() -> HostRange.expand("n[1-99999]")).hasMessageContaining("more than");
        assertThatThrownBy(() -> HostRange.expand("a[1-200]b[1-200]")).hasMessageContaining("more than");
        assertThatThrownBy(() -> HostRange.expand("a,,b")).hasMessageContaining("empty name");
    }

    @Property
    void rangeSizeIsHiMinusLoPlusOne(@ForAll @IntRange(min = 0, max = 500) int lo, @ForAll @IntRange(min = 0, max = 500) int len) {
        assertThat(HostRange.expand("h[" + lo + "-" + (lo + len) + "]")).hasSize(len + 1).doesNotHaveDuplicates();
    }

    @Property
    void neverThrowsAnythingButIllegalArgument(@ForAll String selector) {
        try {
            assertThat(HostRange.expand(selector).size()).isLessThanOrEqualTo(HostRange.MAX_NAMES);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }
}
