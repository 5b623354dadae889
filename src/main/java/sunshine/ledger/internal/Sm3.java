package sunshine.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905), the national standard hash, as 64 lower-case hex digits. */
public final class Sm3 {

    private final SM3Digest digest = new SM3Digest();

    public void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    public String hex() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    public static String of(String text) {
        Sm3 s = new Sm3();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.update(b, 0, b.length);
        return s.hex();
    }
}
