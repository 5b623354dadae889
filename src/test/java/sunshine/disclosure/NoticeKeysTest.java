package sunshine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.disclosure.internal.NoticeKeys;
import sunshine.disclosure.internal.Sm3;

/**
 * The notice key and its signatures, checked with independent tools: OpenSSL (3.0 or later, when installed) and
 * the platform's own stand-alone script {@code verify_notice.py} (pure Python: its SM3 and SM2 are not
 * BouncyCastle's). A changed copy fails both.
 */
class NoticeKeysTest {

    static final Path SCRIPT = Path.of("src/main/resources/static/public/verify_notice.py");

    @TempDir
    Path tmp;

    @Test
    void theKeyIsMadeOnFirstUseKeptPrivateAndReadBackTheSame() throws Exception {
        NoticeKeys keys = new NoticeKeys(tmp.toString());
        Path file = tmp.resolve("disclosure/notice-signing-key.pem");
        assertThat(file).doesNotExist();

        NoticeKeys.Loaded first = keys.current();
        assertThat(first.created()).isTrue();
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(tmp.resolve("disclosure/notice-signing-key.pub.pem"))).isEqualTo(first.publicKeyPem());
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(first.fingerprint()).isEqualTo(NoticeKeys.fingerprint(first.publicKeyPem())).hasSize(64);

        NoticeKeys.Loaded again = new NoticeKeys(tmp.toString()).current();
        assertThat(again.created()).isFalse();
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void aSignatureVerifiesAndAChangedCopyDoesNot() {
        NoticeKeys keys = new NoticeKeys(tmp.toString());
        byte[] text = NoticeFormatTest.EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] signature = keys.sign(text);
        String pem = keys.current().publicKeyPem();

        assertThat(NoticeKeys.verify(pem, text, signature)).isTrue();
        byte[] changed = NoticeFormatTest.EXAMPLE.replace("1240.00", "1340.00").getBytes(StandardCharsets.UTF_8);
        assertThat(NoticeKeys.verify(pem, changed, signature)).isFalse();
        String otherKey = new NoticeKeys(tmp.resolve("other").toString()).current().publicKeyPem();
        assertThat(NoticeKeys.verify(otherKey, text, signature)).isFalse();
    }

    @Test
    void openSslVerifiesTheHashTheSignatureAndTheFingerprint() throws Exception {
        assumeTrue(executable("openssl"), "OpenSSL is not installed");
        NoticeKeys keys = new NoticeKeys(tmp.toString());
        Path csv = write("notice.csv", NoticeFormatTest.EXAMPLE.getBytes(StandardCharsets.UTF_8));
        Path sig = write("notice.sig", keys.sign(Files.readAllBytes(csv)));
        Path key = write("key.pem", keys.current().publicKeyPem().getBytes(StandardCharsets.US_ASCII));

        assertThat(run("openssl", "dgst", "-sm3", csv.toString())).contains(NoticeFormatTest.EXAMPLE_SM3);
        assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin", "-in",
                csv.toString(), "-sigfile", sig.toString(), "-digest", "sm3", "-pkeyopt",
                "distid:1234567812345678")).contains("Signature Verified Successfully");
        assertThat(run("sh", "-c", "openssl pkey -pubin -in " + key + " -outform DER | openssl dgst -sm3"))
                .contains(keys.current().fingerprint());

        Path changed = write("changed.csv", NoticeFormatTest.EXAMPLE.replace("张*", "李*")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin", "-in",
                changed.toString(), "-sigfile", sig.toString(), "-digest", "sm3", "-pkeyopt",
                "distid:1234567812345678")).contains("Signature Verification Failure");
    }

    @Test
    void theStandAloneScriptVerifiesAChainAndCatchesAChangedCopy() throws Exception {
        assumeTrue(executable("python3"), "Python 3 is not installed");
        NoticeKeys keys = new NoticeKeys(tmp.toString());
        String v1 = NoticeFormatTest.EXAMPLE;
        String v2 = v1.replace("version,1", "version,2")
                .replace("previous_hash," + NoticeFormat.GENESIS, "previous_hash," + NoticeFormatTest.EXAMPLE_SM3)
                .replace("households,2", "households,1").replace("covered_members,3", "covered_members,2")
                .replace("monthly_total,2220.50", "monthly_total,1240.00").replace("欧***仁,1,980.50\n", "");
        assertThat(NoticeFormat.isCanonical(v2)).isTrue();
        Path key = write("key.pem", keys.current().publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        Path csv1 = write("v1.csv", v1.getBytes(StandardCharsets.UTF_8));
        Path sig1 = write("v1.sig", keys.sign(Files.readAllBytes(csv1)));
        Path csv2 = write("v2.csv", v2.getBytes(StandardCharsets.UTF_8));
        Path sig2 = write("v2.sig", keys.sign(Files.readAllBytes(csv2)));

        assertThat(run("python3", SCRIPT.toString(), "--selftest")).contains("passed");
        String out = run("python3", SCRIPT.toString(), key.toString(), csv1.toString(), sig1.toString(),
                csv2.toString(), sig2.toString());
        assertThat(out).contains(keys.current().fingerprint(), NoticeFormatTest.EXAMPLE_SM3,
                Sm3.hex(v2.getBytes(StandardCharsets.UTF_8)), "version 2 follows version 1", "ALL CHECKS PASSED")
                .doesNotContain("INVALID", "NOT canonical");

        Path forged = write("forged.csv", v1.replace("张*,2,1240.00", "张*,2,1340.00")
                .replace("monthly_total,2220.50", "monthly_total,2320.50").getBytes(StandardCharsets.UTF_8));
        assertThat(run("python3", SCRIPT.toString(), key.toString(), forged.toString(), sig1.toString()))
                .contains("signature:  INVALID", "SOME CHECKS FAILED");
        Path crlf = write("crlf.csv", v1.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(run("python3", SCRIPT.toString(), key.toString(), crlf.toString(), sig1.toString()))
                .contains("NOT canonical", "CR LF", "SOME CHECKS FAILED");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    static boolean executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
