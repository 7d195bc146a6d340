package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.types.ByteString;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFormatTest {

    @Test
    void rawBytesAreSixteenPerLineLikeIpmitool() {
        byte[] data = new byte[18];
        data[0] = 0x20;
        data[17] = (byte) 0xFF;
        StringWriter w = new StringWriter();
        IpmitoolText.rawData(data, new PrintWriter(w));
        assertThat(w.toString().lines().toList()).containsExactly(
                " 20 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", " 00 ff");
    }

    @Test
    void rawArgumentsParseLikeStrtoulBaseZero() {
        assertThat(RawCommand.parseByte("0x06", "netfn")).isEqualTo(0x06);
        assertThat(RawCommand.parseByte("0X3a", "cmd")).isEqualTo(0x3A);
        assertThat(RawCommand.parseByte("10", "x")).isEqualTo(10);
        assertThat(RawCommand.parseByte("010", "x")).isEqualTo(8);
        assertThatThrownBy(() -> RawCommand.parseByte("0x100", "data byte")).isInstanceOf(CliException.class)
                .hasMessageContaining("0x100");
        assertThatThrownBy(() -> RawCommand.parseByte("zz", "data byte")).isInstanceOf(CliException.class);
    }

    @Test
    void manufacturerNamesComeFromTheIanaRegistryElseUnknown(@TempDir Path dir) throws Exception {
        Path reg = dir.resolve("enterprise-numbers.txt");
        Files.writeString(reg, "Decimal\n| Organization\n4752\n  Someone\n    x\n4753\n  MontaVista Software, Inc.\n    y\n");
        assertThat(Manufacturers.lookup(reg, 4753)).isEqualTo("MontaVista Software, Inc.");
        assertThat(Manufacturers.lookup(reg, 4754)).isEqualTo("Unknown (0x1292)");
        assertThat(Manufacturers.lookup(dir.resolve("missing"), 4753)).isEqualTo("Unknown (0x1291)");
        assertThat(Manufacturers.name(0)).isEqualTo("Unknown");
    }

    @Test
    void mcInfoLayout() {
        GetDeviceId.Response id = new GetDeviceId.Response(0x20, false, 1, true, 2, 0x15, 0x02, 0x9F, 0x1291, 0x0F02,
                Optional.of(ByteString.of(new byte[4])));
        StringWriter w = new StringWriter();
        IpmitoolText.mcInfo(id, new PrintWriter(w));
        assertThat(w.toString()).contains("Device ID                 : 32\n", "Firmware Revision         : 2.15\n",
                "IPMI Version              : 2.0\n", "Product ID                : 3842 (0x0f02)\n",
                "Product Name              : Unknown (0xF02)\n", "Additional Device Support :\n    Sensor Device\n",
                "Aux Firmware Rev Info     : \n    0x00\n");
        assertThat(w.toString()).doesNotContain("Bridge");
    }

    @Test
    void usageErrorsAndMissingHost() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(IpmiCli.execute(new PrintWriter(out), new PrintWriter(err), "mc", "info")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("no host given (use -H address)");
        assertThat(IpmiCli.execute(new PrintWriter(out), new PrintWriter(err), "-I", "lan", "raw")).isEqualTo(2);
    }
}
