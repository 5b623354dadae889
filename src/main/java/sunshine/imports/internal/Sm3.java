package sunshine.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905, the national standard hash) of a file's bytes, as 64 lower-case hex digits. */
public final class Sm3 {

    private Sm3() {
    }

    /**
     * @param progress told the number of bytes read after each buffer (may be null)
     */
    public static String of(Path file, LongConsumer progress) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                if (progress != null) {
                    progress.accept(n);
                }
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    public static String of(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
