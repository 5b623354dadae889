package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a CSV file that is UTF-8 (with or without BOM) or GB18030 (GBK, what Chinese Excel saves), without ever
 * guessing silently wrong and with memory that does not depend on the file's size.
 * <ul>
 *   <li>A UTF-8 BOM decides UTF-8 (the BOM is dropped). A UTF-16 BOM is refused.</li>
 *   <li>Otherwise ASCII bytes pass straight through until the first non-ASCII byte. There the reader looks
 *       {@link #LOOKAHEAD} bytes ahead: if they are valid UTF-8 the file is UTF-8, else GB18030. So a file that is
 *       ASCII for gigabytes and has Chinese text only at its end is still decided by its Chinese text.</li>
 *   <li>From then on the chosen charset decodes strictly: bytes invalid in it stop the reading with a
 *       {@link CsvEncodingException} (the file is valid in neither encoding).</li>
 * </ul>
 * Characters decoded before a bad byte are delivered first; the exception comes with the read that would need the
 * bad byte, so the CSV parser is then at the record that holds it.
 */
final class CsvDecodingReader extends Reader {

    /** How far ahead of the first non-ASCII byte the encoding is decided. */
    static final int LOOKAHEAD = 64 * 1024;
    static final String UTF_8 = "UTF-8";
    static final String GB18030 = "GB18030";

    private static final Charset GB18030_CHARSET = Charset.forName(GB18030);

    private final InputStream in;
    private final byte[] bytes = new byte[2 * LOOKAHEAD];
    /** The bytes read from the file and not yet decoded, between position and limit (read mode). */
    private final ByteBuffer pending = ByteBuffer.wrap(bytes).limit(0);
    private long fileBytes;
    private boolean eof;
    private boolean started;
    private CharsetDecoder decoder;
    private String encoding;
    private boolean flushed;

    CsvDecodingReader(InputStream in) {
        this.in = in;
    }

    /** "UTF-8" or "GB18030"; "UTF-8" as long as everything was ASCII. */
    String encoding() {
        return encoding == null ? UTF_8 : encoding;
    }

    /** Whether the encoding is decided (a BOM or a non-ASCII byte was met). */
    boolean decided() {
        return encoding != null;
    }

    /** Bytes of the file decoded so far. */
    long bytesDecoded() {
        return fileBytes - pending.remaining();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!started) {
            start();
        }
        if (flushed) {
            return -1;
        }
        while (true) {
            if (decoder == null) {
                if (!pending.hasRemaining()) {
                    if (eof) {
                        return -1;
                    }
                    fill();
                    continue;
                }
                // ASCII passes straight through
                int p = pending.position();
                int limit = pending.limit();
                int n = 0;
                while (n < len && p < limit && bytes[p] >= 0) {
                    cbuf[off + n++] = (char) bytes[p++];
                }
                pending.position(p);
                if (n > 0) {
                    return n;
                }
                decide();
                continue;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            CoderResult result = decoder.decode(pending, out, eof);
            int n = out.position() - off;
            if (result.isError()) {
                if (n > 0) {
                    return n;
                }
                throw new CsvEncodingException(false);
            }
            if (n > 0) {
                return n;
            }
            if (result.isUnderflow()) {
                if (eof) {
                    if (!flushed) {
                        flushed = true;
                        decoder.flush(out);
                        n = out.position() - off;
                        if (n > 0) {
                            return n;
                        }
                    }
                    return -1;
                }
                fill();
            }
        }
    }

    /** Looks at the first bytes: a UTF-8 BOM decides the encoding, a UTF-16 BOM is refused. */
    private void start() throws IOException {
        started = true;
        ensure(3);
        int n = pending.remaining();
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            pending.position(3);
            use(StandardCharsets.UTF_8, UTF_8);
        } else if (n >= 2 && (((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
                || ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF))) {
            throw new CsvEncodingException(true);
        }
    }

    /** At the first non-ASCII byte: UTF-8 when the next {@link #LOOKAHEAD} bytes are valid UTF-8, else GB18030. */
    private void decide() throws IOException {
        ensure(LOOKAHEAD);
        CharsetDecoder probe = strict(StandardCharsets.UTF_8);
        ByteBuffer window = pending.duplicate();
        CharBuffer scratch = CharBuffer.allocate(8192);
        boolean utf8 = true;
        while (true) {
            CoderResult r = probe.decode(window, scratch, eof);
            if (r.isError()) {
                utf8 = false;
                break;
            }
            if (r.isOverflow()) {
                scratch.clear();
                continue;
            }
            // underflow: every byte decoded, or (not at the end of the file) a sequence cut by the window's end
            break;
        }
        if (utf8) {
            use(StandardCharsets.UTF_8, UTF_8);
        } else {
            use(GB18030_CHARSET, GB18030);
        }
    }

    private void use(Charset charset, String name) {
        decoder = strict(charset);
        encoding = name;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Reads until at least {@code min} bytes are pending or the file ends. */
    private void ensure(int min) throws IOException {
        while (pending.remaining() < min && !eof) {
            fill();
        }
    }

    /** Moves the pending bytes to the start of the buffer and reads more behind them (or notes the end). */
    private void fill() throws IOException {
        if (pending.position() > 0) {
            pending.compact().flip();
        }
        int limit = pending.limit();
        if (limit == bytes.length) {
            return;
        }
        int n = in.read(bytes, limit, bytes.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            pending.limit(limit + n);
            fileBytes += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
