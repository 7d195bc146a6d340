package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.lanplus.internal.Crypto.Hash;
import dev.ipmi.lanplus.internal.Crypto.HmacKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The prepared HMAC key behind every RMCP+ integrity trailer: all test cases of RFC 2202 (HMAC-SHA1,
 * HMAC-MD5: keys of 4, 16, 20, 25 and 80 bytes, the last longer than a block) and RFC 4231
 * (HMAC-SHA256: 131-byte keys), the truncated outputs RMCP+ uses, and equality with a freshly keyed
 * BouncyCastle {@link HMac} for keys and messages of any length.
 */
class HmacKeyTest {
    private static final byte[] HI_THERE = ascii("Hi There");
    private static final byte[] JEFE = ascii("Jefe");
    private static final byte[] WHAT = ascii("what do ya want for nothing?");
    private static final byte[] KEY_25 = hex("0102030405060708090a0b0c0d0e0f10111213141516171819");
    private static final byte[] TRUNCATION = ascii("Test With Truncation");
    private static final byte[] BIG_KEY = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
    private static final byte[] BIG_KEY_AND_DATA =
            ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(String s) {
        return CryptoKnownAnswerTest.hex(s);
    }

    private static byte[] repeat(int b, int n) {
        return CryptoKnownAnswerTest.repeat(b, n);
    }

    private static byte[] mac(Hash hash, byte[] key, byte[] data) {
        try (HmacKey k = new HmacKey(hash, key)) {
            return k.mac(data, 0, data.length);
        }
    }

    @Test
    void hmacSha1AllRfc2202Cases() {
        assertThat(mac(Hash.SHA1, repeat(0x0b, 20), HI_THERE)).isEqualTo(hex("b617318655057264e28bc0b6fb378c8ef146be00"));
        assertThat(mac(Hash.SHA1, JEFE, WHAT)).isEqualTo(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
        assertThat(mac(Hash.SHA1, repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo(hex("125d7342b9ac11cd91a39af48aa17b4f63f175d3"));
        assertThat(mac(Hash.SHA1, KEY_25, repeat(0xcd, 50))).isEqualTo(hex("4c9007f4026250c6bc8414f9bf50c86c2d7235da"));
        assertThat(mac(Hash.SHA1, repeat(0x0c, 20), TRUNCATION))
                .isEqualTo(hex("4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"));
        assertThat(mac(Hash.SHA1, repeat(0xaa, 80), BIG_KEY)).isEqualTo(hex("aa4ae5e15272d00e95705637ce8a3b55ed402112"));
        assertThat(mac(Hash.SHA1, repeat(0xaa, 80), BIG_KEY_AND_DATA))
                .isEqualTo(hex("e8e99d0f45237d786d6bbaa7965c7808bbff1a91"));
    }

    @Test
    void hmacMd5AllRfc2202Cases() {
        assertThat(mac(Hash.MD5, repeat(0x0b, 16), HI_THERE)).isEqualTo(hex("9294727a3638bb1c13f48ef8158bfc9d"));
        assertThat(mac(Hash.MD5, JEFE, WHAT)).isEqualTo(hex("750c783e6ab0b503eaa86e310a5db738"));
        assertThat(mac(Hash.MD5, repeat(0xaa, 16), repeat(0xdd, 50))).isEqualTo(hex("56be34521d144c88dbb8c733f0e8b3f6"));
        assertThat(mac(Hash.MD5, KEY_25, repeat(0xcd, 50))).isEqualTo(hex("697eaf0aca3a3aea3a75164746ffaa79"));
        assertThat(mac(Hash.MD5, repeat(0x0c, 16), TRUNCATION)).isEqualTo(hex("56461ef2342edc00f9bab995690efd4c"));
        assertThat(mac(Hash.MD5, repeat(0xaa, 80), BIG_KEY)).isEqualTo(hex("6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"));
        assertThat(mac(Hash.MD5, repeat(0xaa, 80), BIG_KEY_AND_DATA)).isEqualTo(hex("6f630fad67cda0ee1fb1f562db3aa53e"));
    }

    @Test
    void hmacSha256Rfc4231Cases() {
        assertThat(mac(Hash.SHA256, repeat(0x0b, 20), HI_THERE))
                .isEqualTo(hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        assertThat(mac(Hash.SHA256, JEFE, WHAT))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        assertThat(mac(Hash.SHA256, repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo(hex("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"));
        assertThat(mac(Hash.SHA256, KEY_25, repeat(0xcd, 50)))
                .isEqualTo(hex("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"));
        assertThat(mac(Hash.SHA256, repeat(0xaa, 131), BIG_KEY))
                .isEqualTo(hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
        assertThat(mac(Hash.SHA256, repeat(0xaa, 131), ascii("This is a test using a larger than block-size key "
                + "and a larger than block-size data. The key needs to be hashed before being used by the HMAC "
                + "algorithm."))).isEqualTo(hex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    @Test
    void truncatedOutputsAsRmcpPlusUsesThem() {
        // RFC 2202 case 5 (HMAC-SHA1-96) and RFC 4231 case 5 (128 bits of HMAC-SHA256), written mid-array
        byte[] out = repeat(0x77, 20);
        try (HmacKey k = new HmacKey(Hash.SHA1, repeat(0x0c, 20))) {
            k.mac(TRUNCATION, 0, TRUNCATION.length, out, 4, 12);
        }
        assertThat(Arrays.copyOfRange(out, 4, 16)).isEqualTo(hex("4c1a03424b55e07fe7f27be1"));
        assertThat(Arrays.copyOf(out, 4)).isEqualTo(repeat(0x77, 4));
        assertThat(Arrays.copyOfRange(out, 16, 20)).isEqualTo(repeat(0x77, 4));

        byte[] out256 = new byte[16];
        try (HmacKey k = new HmacKey(Hash.SHA256, repeat(0x0c, 20))) {
            k.mac(TRUNCATION, 0, TRUNCATION.length, out256, 0, 16);
        }
        assertThat(out256).isEqualTo(hex("a3b6167473100ee06e0c796c2955552b"));
    }

    @Test
    void aKeyMacsMessagesRepeatedlyAndOverSubranges() {
        byte[] framed = new byte[WHAT.length + 7];
        System.arraycopy(WHAT, 0, framed, 3, WHAT.length);
        try (HmacKey k = new HmacKey(Hash.SHA1, JEFE)) {
            for (int i = 0; i < 3; i++) {
                assertThat(k.mac(framed, 3, WHAT.length)).isEqualTo(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
                assertThat(k.mac(repeat(0xdd, 0), 0, 0)).isEqualTo(Crypto.hmac(Hash.SHA1, JEFE, new byte[0]));
            }
        }
    }

    @Test
    void askingForMoreThanTheDigestIsACallerError() {
        try (HmacKey k = new HmacKey(Hash.MD5, JEFE)) {
            assertThatThrownBy(() -> k.mac(WHAT, 0, WHAT.length, new byte[32], 0, 17))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        }
    }

    @Test
    void closeWipesTheChainingValuesAndToStringShowsNoKeyMaterial() throws Exception {
        HmacKey k = new HmacKey(Hash.SHA1, repeat(0x0b, 20));
        assertThat(k.mac(HI_THERE)).isEqualTo(hex("b617318655057264e28bc0b6fb378c8ef146be00"));
        assertThat(k.toString()).isEqualTo("HmacKey[SHA1, redacted]");
        k.close();
        var f = HmacKey.class.getDeclaredField("chaining");
        f.setAccessible(true);
        byte[] chaining = (byte[]) f.get(k);
        assertThat(chaining).hasSize(40).containsOnly(0);
    }

    @Property(tries = 400)
    void equalsAFreshlyKeyedBouncyCastleHmac(@ForAll @IntRange(min = 0, max = 2) int hashIndex,
                                             @ForAll @Size(max = 140) byte[] key,
                                             @ForAll @Size(max = 300) byte[] message,
                                             @ForAll @IntRange(min = 0, max = 10) int skip) {
        Hash hash = Hash.values()[hashIndex];
        int off = Math.min(skip, message.length);
        HMac reference = new HMac(hash.newDigest());
        reference.init(new KeyParameter(key));
        reference.update(message, off, message.length - off);
        byte[] expected = new byte[reference.getMacSize()];
        reference.doFinal(expected, 0);
        try (HmacKey k = new HmacKey(hash, key)) {
            assertThat(k.mac(message, off, message.length - off)).isEqualTo(expected);
            assertThat(k.mac(message, off, message.length - off)).as("second use of the same key").isEqualTo(expected);
        }
        assertThat(Crypto.hmac(hash, key, message, off, message.length - off)).isEqualTo(expected);
    }
}
