package sunshine.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;
import sunshine.contract.Reason;
import sunshine.ledger.LedgerException;

/**
 * Evidence files on disk, under {@code ${sunshine.data-dir}/evidence}: each stored once, named by the SM3 hash of
 * its bytes ({@code evidence/ab/ab12...}), never by a name or path a user gave (the original name is metadata in
 * the database). An upload is streamed to a temporary file while it is hashed and counted, refused as soon as it
 * passes the size limit, type-checked by its content, and only then moved into place.
 */
@Component
public class EvidenceFiles {

    /** A stored file. */
    public record Stored(String hash, long size, String mediaType) {
    }

    private final LedgerSettings settings;

    public EvidenceFiles(LedgerSettings settings) {
        this.settings = settings;
    }

    public Stored store(InputStream content) {
        Path dir = settings.evidenceDir();
        Path tmp = dir.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tmp.getParent());
            Sm3 sm3 = new Sm3();
            long size = 0;
            long max = settings.evidenceMaxBytes();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = content.read(buf)) > 0) {
                    size += n;
                    if (size > max) {
                        throw new LedgerException(LedgerException.Kind.TOO_LARGE, new Reason(
                                "文件超过" + mb(max) + "的大小限制", "the file exceeds the size limit of " + mb(max)));
                    }
                    sm3.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw LedgerException.invalid("文件是空的", "the file is empty");
            }
            String type = ContentTypes.detect(tmp);
            if (type == null) {
                throw new LedgerException(LedgerException.Kind.UNSUPPORTED_TYPE, new Reason(
                        "不接受此类文件：证据只能是PDF、JPEG、PNG、XLSX、DOCX或纯文本（UTF-8），以文件内容判断，不看文件名",
                        "this kind of file is not accepted: evidence must be PDF, JPEG, PNG, XLSX, DOCX or plain "
                                + "text (UTF-8), as told by its content, whatever its name"));
            }
            String hash = sm3.hex();
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                move(tmp, target);
            }
            return new Stored(hash, size, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** Where the file with this hash is (the hash is checked to be one: no path can be smuggled in). */
    public Path path(String hash) {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not an SM3 hash: " + hash);
        }
        return settings.evidenceDir().resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** An uploaded name reduced to something safe to show: its last path segment, no control characters. */
    public static String safeName(String name) {
        if (name == null) {
            return "unnamed";
        }
        String s = name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202E]", "").strip();
        if (s.length() > 200) {
            s = s.substring(0, 200);
        }
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "unnamed" : s;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(from, to);
            } catch (FileAlreadyExistsException same) {
                // the same content, stored meanwhile by someone else
            }
        } catch (FileAlreadyExistsException same) {
            // the same content, stored meanwhile by someone else
        }
    }

    private static String mb(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
