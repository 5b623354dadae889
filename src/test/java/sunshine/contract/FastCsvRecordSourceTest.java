package sunshine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast CSV reader gives exactly what the general one gives (header, every record with its row number, the
 * format, and the same error at the same point), on plain files and on every oddity it hands over.
 */
class FastCsvRecordSourceTest {

    @TempDir
    Path dir;

    private static final Charset GBK = Charset.forName("GB18030");

    @Test
    void plainFilesReadTheSame() throws IOException {
        same("a,b,c\n1,2,3\n4,5,6\n");
        same("a,b,c\r\n1,2,3\r\n4,5,6");
        same("a,b\n1,2\n\n\n3,4\n ,　\n5,\n,6\n7\n8,9,10,11\n");
        same("\n\n a ,b\n1,2\n");
        same("");
        same("\n\n");
        same("a\n");
        same("a,b\n中文,名字·李\n张三,2026年10月\n");
        same("\uFEFFa,b\n1,2\n");
        same("\uFEFFa,b\n中,文\n");
        for (String plain : List.of("a,b\n1,2\r\n\n中文,名字·李\n", "\uFEFFa,b\n中,文", "a\n\n")) {
            Path file = dir.resolve("plain" + files++ + ".csv");
            Files.writeString(file, plain);
            try (FastCsvRecordSource source = new FastCsvRecordSource(file, "f.csv")) {
                while (source.next() != null) {
                    assertThat(source.handedOver()).isFalse();
                }
                assertThat(source.handedOver()).as(plain).isFalse();
            }
        }
        Path quoted = dir.resolve("quoted.csv");
        Files.writeString(quoted, "a,b\n1,\"2\"\n");
        try (FastCsvRecordSource source = new FastCsvRecordSource(quoted, "f.csv")) {
            while (source.next() != null) {
                continue;
            }
            assertThat(source.handedOver()).isTrue();
        }
    }

    @Test
    void oddFilesReadTheSame() throws IOException {
        same("a,b\n1,\"2,3\"\n4,5\n");
        same("a,b\n1,2\n\"x\ny\",3\n4,5\n");
        same("a,b\n1,2\r3,4\n5,6\n");
        same("a,b\n1,2\n3,\"unclosed\n");
        same("a,b\n1,2\n3,x\"y\n");
        sameBytes(concat("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "张三,李四\n".getBytes(GBK)));
        sameBytes(concat("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "张三,李四\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, ',', '1', '\n'}));
        sameBytes(concat("a,b\n".getBytes(StandardCharsets.UTF_8), "张三,李四\n".getBytes(StandardCharsets.UTF_8),
                "x,y\n".repeat(20_000).getBytes(StandardCharsets.UTF_8), "王五,赵六\n".getBytes(GBK)));
        sameBytes(concat("a,b\n".getBytes(StandardCharsets.UTF_8), "张三,李四\n".getBytes(StandardCharsets.UTF_8),
                "x,y\n".repeat(40_000).getBytes(StandardCharsets.UTF_8), "王五,赵六\n".getBytes(GBK)));
        sameBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, '\n', 0});
        sameBytes(concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE4, (byte) 0xB8}));
        sameBytes(concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80, '\n'}));
        sameBytes(concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0x80, '\n'}));
        sameBytes(concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xF0, (byte) 0x9F,
                (byte) 0x98, (byte) 0x80, '\n'}));
        same("a,b\n" + "x".repeat(3 << 20) + ",1\n2,3\n");
    }

    @Test
    void randomFilesReadTheSame() throws IOException {
        Random random = new Random(11);
        String[] pieces = {"a", "b", "1", "23", ",", ",", ",", "\n", "\n", "\r\n", " ", "　", "中", "·", "é", "\uFEFF"};
        for (int n = 0; n < 400; n++) {
            StringBuilder sb = new StringBuilder("id,name,amount\n");
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextInt(4) == 0) {
                sb.insert(random.nextInt(sb.length() + 1), random.nextBoolean() ? "\"" : "\r");
            }
            Charset cs = random.nextInt(5) == 0 ? GBK : StandardCharsets.UTF_8;
            byte[] bytes = sb.toString().getBytes(cs);
            if (random.nextInt(6) == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
            }
            sameBytes(bytes);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void same(String text) throws IOException {
        sameBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private int files;

    private void sameBytes(byte[] bytes) throws IOException {
        Path file = dir.resolve("f" + files++ + ".csv");
        Files.write(file, bytes);
        List<String> general = read(file, false);
        List<String> fast = read(file, true);
        assertThat(fast).as(new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8))
                .isEqualTo(general);
    }

    /** Everything a reader tells: header, records with row numbers, format, and the error it ends with. */
    private static List<String> read(Path file, boolean fast) throws IOException {
        List<String> out = new ArrayList<>();
        RecordSource source = null;
        try {
            source = fast ? new FastCsvRecordSource(file, "f.csv") : new CsvRecordSource(file, "f.csv");
            out.add("header " + source.header());
            Object[] r;
            while ((r = source.next()) != null) {
                out.add(source.rowNumber() + " " + Arrays.toString(r));
            }
            out.add("format " + source.format() + " last row " + source.rowNumber());
        } catch (ContractFileException e) {
            out.add("error " + e.file() + " " + e.reason());
        } finally {
            if (source != null) {
                source.close();
            }
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
