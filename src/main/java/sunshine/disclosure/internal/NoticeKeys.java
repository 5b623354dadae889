package sunshine.disclosure.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SM2 key pair that signs public notices (GB/T 32918: SM2 with SM3 and the default signer ID
 * {@code 1234567812345678}, signatures DER-encoded as OpenSSL and GmSSL write them). Made on first use and kept
 * under {@code ${sunshine.data-dir}/disclosure/}: {@code notice-signing-key.pem} (PKCS#8, readable by the
 * server's user only) and {@code notice-signing-key.pub.pem} (the public key, published at
 * {@code /public/notices/key}). The key's fingerprint is the SM3 hash of its DER form (SubjectPublicKeyInfo).
 */
@Component
public class NoticeKeys {

    /** The signer ID of GB/T 35276 (the default of OpenSSL, GmSSL and BouncyCastle). */
    public static final String SIGNER_ID = "1234567812345678";

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private volatile Loaded loaded;

    /** The key pair, its public key's PEM and fingerprint. */
    public record Loaded(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey, String publicKeyPem,
                         String fingerprint, boolean created) {
    }

    public NoticeKeys(@Value("${sunshine.data-dir}") String dataDir) {
        this.dir = Path.of(dataDir).resolve("disclosure");
    }

    /** The key pair, made now if there is none yet. */
    public Loaded current() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = loadOrCreate();
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** Signs bytes: the DER-encoded SM2 signature (SM3, signer ID {@value #SIGNER_ID}). */
    public byte[] sign(byte[] content) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(current().privateKey(), random));
        signer.update(content, 0, content.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Whether a DER-encoded SM2 signature over the bytes was made with the private key of a public key (PEM). */
    public static boolean verify(String publicKeyPem, byte[] content, byte[] signature) {
        try {
            ECPublicKeyParameters key = (ECPublicKeyParameters) PublicKeyFactory.createKey(der(publicKeyPem));
            SM2Signer signer = new SM2Signer();
            signer.init(false, key);
            signer.update(content, 0, content.length);
            return signer.verifySignature(signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The SM3 hash of a public key's DER form (SubjectPublicKeyInfo). */
    public static String fingerprint(String publicKeyPem) {
        try {
            return Sm3.hex(der(publicKeyPem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Loaded loadOrCreate() {
        Path file = dir.resolve("notice-signing-key.pem");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                AsymmetricCipherKeyPair pair = generate();
                Path tmp = Files.createTempFile(dir, "key-", ".tmp");
                try {
                    restrict(tmp);
                    Files.writeString(tmp, pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(
                            pair.getPrivate()).getEncoded()), StandardCharsets.US_ASCII);
                    try {
                        // a hard link fails when the file exists: a second server on the same directory never
                        // overwrites the first one's key
                        Files.createLink(file, tmp);
                    } catch (FileAlreadyExistsException e) {
                        // made meanwhile by another process: use that one
                    } catch (UnsupportedOperationException | IOException e) {
                        if (!Files.exists(file)) {
                            Files.move(tmp, file);
                        }
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
                Loaded l = load(file, true);
                Files.writeString(dir.resolve("notice-signing-key.pub.pem"), l.publicKeyPem(),
                        StandardCharsets.US_ASCII);
                return l;
            }
            return load(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the notice signing key in " + dir, e);
        }
    }

    private static Loaded load(Path file, boolean created) throws IOException {
        byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII));
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(
                PrivateKeyInfo.getInstance(der));
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                priv.getParameters().getG().multiply(priv.getD()).normalize(), priv.getParameters());
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub);
        String pem = pem("PUBLIC KEY", spki.getEncoded());
        return new Loaded(priv, pub, pem, Sm3.hex(spki.getEncoded()), created);
    }

    private AsymmetricCipherKeyPair generate() {
        X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
        ECNamedDomainParameters domain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        return generator.generateKeyPair();
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().replace("\r\n", "\n");
    }

    static byte[] der(String pem) throws IOException {
        try (PemReader r = new PemReader(new StringReader(pem))) {
            PemObject o = r.readPemObject();
            if (o == null) {
                throw new IOException("no PEM object");
            }
            return o.getContent();
        }
    }

    /** Base64 of bytes (signatures on pages and in manifests). */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
