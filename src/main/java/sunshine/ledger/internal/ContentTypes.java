package sunshine.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The type of an evidence file, told by its content alone (magic bytes), never by its name or by what the
 * uploader claims. Accepted: PDF, JPEG, PNG, XLSX and DOCX (ZIP packages with the Office parts; macro-enabled
 * ones are refused), and plain text (valid UTF-8 without control characters other than tab, line feed, carriage
 * return and form feed). Anything else is refused.
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String TEXT = "text/plain;charset=UTF-8";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private ContentTypes() {
    }

    /** The media type of the file's content, or null when it is none of the accepted types. */
    public static String detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return PDF;
        }
        if (startsWith(head, n, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        if (startsWith(head, n, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(head, n, new byte[] {'P', 'K', 3, 4})) {
            return office(file);
        }
        return plainText(file) ? TEXT : null;
    }

    /** The file name extension shown for a type (downloads are named by it, never by the uploaded name). */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case PDF -> "pdf";
            case JPEG -> "jpg";
            case PNG -> "png";
            case XLSX -> "xlsx";
            case DOCX -> "docx";
            default -> "txt";
        };
    }

    /** XLSX or DOCX by the package's parts (read from the ZIP directory only, nothing is decompressed). */
    private static String office(Path file) {
        boolean types = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.equals("[Content_Types].xml")) {
                    types = true;
                } else if (name.equals("word/document.xml")) {
                    word = true;
                } else if (name.equals("xl/workbook.xml")) {
                    excel = true;
                } else if (name.endsWith("vbaProject.bin")) {
                    return null;   // macros
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (!types || word == excel) {
            return null;
        }
        return word ? DOCX : XLSX;
    }

    private static boolean plainText(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        boolean any = false;
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 15];
            int n;
            while (true) {
                n = stream.read(buf);
                boolean end = n < 0;
                if (!end) {
                    in.put(buf, 0, n);
                    any |= n > 0;
                }
                in.flip();
                if (decoder.decode(in, out, end).isError()) {
                    return false;
                }
                in.compact();
                if (end && (decoder.flush(out).isError() || in.position() > 0)) {
                    return false;
                }
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                        return false;
                    }
                }
                out.clear();
                if (end) {
                    return any;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
