package dev.ipmi.core.fru;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.Vectors;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The FRU image captured from ipmitool 1.8.19 vs ipmi_sim, decoded and printed like its fru print. */
class IpmitoolFruGoldenTest {
    private static final byte[] FRU = Vectors.load("fru/lab-fru0.hex", "fru0");

    @Test
    void fruPrintMatchesIpmitool() {
        FruInventory fru = FruInventory.decode(FRU);
        assertThat(fru.problems()).isEmpty();
        assertThat(FruFormat.print("Builtin FRU Device", 0, fru)).containsExactly(
                "FRU Device Description : Builtin FRU Device (ID 0)",
                " Chassis Type          : Rack Mount Chassis",
                " Chassis Part Number   : CHS-PN-0001",
                " Chassis Serial        : CHS-SN-0001",
                " Board Mfg Date        : Mon Jan  1 00:00:00 2024 UTC",
                " Board Mfg             : LabCorp",
                " Board Product         : LabBoard X1",
                " Board Serial          : BRD-SN-0001",
                " Board Part Number     : BRD-PN-0001",
                " Product Manufacturer  : LabCorp",
                " Product Name          : LabServer 1000",
                " Product Part Number   : PRD-PN-0001",
                " Product Version       : v1.0",
                " Product Serial        : PRD-SN-0001",
                " Product Asset Tag     : ASSET-0001");
    }

    @Test
    void decodesEveryField() {
        FruInventory fru = FruInventory.decode(FRU);
        assertThat(fru.header().chassisOffset()).isEqualTo(8);
        assertThat(fru.header().boardOffset()).isEqualTo(0x28);
        assertThat(fru.header().productOffset()).isEqualTo(0x68);
        assertThat(fru.chassis().orElseThrow().type()).isEqualTo(0x17);
        FruInventory.Board b = fru.board().orElseThrow();
        assertThat(b.mfgDate()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(b.fruFileId().text()).isEqualTo("fruid-1");
        assertThat(fru.product().orElseThrow().fruFileId().text()).isEqualTo("fruid-1");
        var info = new GetFruInventoryAreaInfo.Request(0).decodeResponse(ByteReader.of(
                Vectors.load("fru/lab-fru0.hex", "area-info")));
        assertThat(info.areaSize()).isEqualTo(256);
        assertThat(info.wordAccess()).isFalse();
    }

    @Test
    void checksumErrorsAreReportedWithTheirAreaNotThrown() {
        byte[] bad = FRU.clone();
        bad[0x2F] ^= 0x01; // inside the board area: "LabCorp" becomes "MabCorp"
        FruInventory fru = FruInventory.decode(bad);
        assertThat(fru.problems()).singleElement().satisfies(p -> {
            assertThat(p.area()).isEqualTo(FruProblem.Area.BOARD);
            assertThat(p.kind()).isEqualTo(FruProblem.Kind.CHECKSUM);
        });
        assertThat(fru.board().orElseThrow().manufacturer().text()).isEqualTo("MabCorp");
        byte[] badHeader = FRU.clone();
        badHeader[7] ^= 0x10;
        assertThat(FruInventory.decode(badHeader).problems()).extracting(FruProblem::area)
                .containsExactly(FruProblem.Area.COMMON_HEADER);
    }

    @Test
    void truncatedImageReportsTruncationAndKeepsEarlierAreas() {
        byte[] cut = java.util.Arrays.copyOf(FRU, 0x50);
        FruInventory fru = FruInventory.decode(cut);
        assertThat(fru.chassis()).isPresent();
        assertThat(fru.problems()).extracting(FruProblem::kind).contains(FruProblem.Kind.TRUNCATED);
    }

    @Test
    void customFieldsEncodingsAndUnspecifiedDateMatchIpmitool() {
        FruInventory fru = FruInventory.decode(Vectors.load("fru/encodings-fru1.hex", "fru1"));
        assertThat(fru.problems()).isEmpty();
        assertThat(FruFormat.lines(fru)).containsExactly(
                " Chassis Type          : Main Server Chassis",
                " Chassis Part Number   : CH-PN",
                " Chassis Serial        : CH-SN",
                " Chassis Extra         : CH-EXTRA-1",
                " Chassis Extra         : dead",
                " Board Mfg Date        : Unspecified",
                " Board Mfg             : Maker",
                " Board Product         : IPMI BOARD  ",
                " Board Serial          : 1234 5-.",
                " Board Part Number     : BPN",
                " Board Extra           : B-EXTRA",
                " Product Manufacturer  : PMaker",
                " Product Name          : PName",
                " Product Serial        : PSN",
                " Product Extra         : P-EXTRA");
        FruInventory.Board board = fru.board().orElseThrow();
        assertThat(board.productName().text()).isEqualTo("IPMI BOARD");
        assertThat(board.serialNumber().encoding()).isEqualTo(dev.ipmi.core.sdr.TypeLengthString.Encoding.BCD_PLUS);
        assertThat(board.mfgDate()).isEmpty();
        assertThat(fru.chassis().orElseThrow().custom()).hasSize(2);
        assertThat(fru.multiRecords()).singleElement().satisfies(m -> {
            assertThat(m.typeId()).isZero();
            assertThat(m.endOfList()).isTrue();
            assertThat(m.formatVersion()).isEqualTo(2);
            assertThat(m.data().toByteArray()).containsExactly(0x10, 0x20, 0x30, 0x40);
            assertThat(m.checksumOk()).isTrue();
        });
    }

    @Test
    void multiRecordChecksumErrorsAreReported() {
        byte[] img = Vectors.load("fru/encodings-fru1.hex", "fru1");
        img[img.length - 1] ^= 0x01;
        FruInventory fru = FruInventory.decode(img);
        assertThat(fru.problems()).singleElement().satisfies(p -> {
            assertThat(p.area()).isEqualTo(FruProblem.Area.MULTI_RECORD);
            assertThat(p.kind()).isEqualTo(FruProblem.Kind.CHECKSUM);
        });
        assertThat(fru.multiRecords().get(0).checksumOk()).isFalse();
    }
}
