import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a large, valid `social_insurance.csv` (the data contract's largest external dataset) of about the
 * requested size, for the streaming-import benchmark. Run with: java bench/LargeCsv.java OUT_FILE GIGABYTES
 * Self-contained on purpose (a benchmark fixture, not product code).
 */
public class LargeCsv {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final byte[][] KINDS = {
            "PENSION".getBytes(StandardCharsets.US_ASCII),
            "WAGE_BASE".getBytes(StandardCharsets.US_ASCII),
            "UNEMPLOYMENT".getBytes(StandardCharsets.US_ASCII)};

    public static void main(String[] args) throws IOException {
        long target = (long) (Double.parseDouble(args[1]) * 1024 * 1024 * 1024);
        SplittableRandom random = new SplittableRandom(20261022L);
        long written = 0;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[0]), 1 << 20)) {
            byte[] header = "id_no,period,kind,monthly_amount\n".getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            byte[] line = new byte[64];
            // every key (id_no, period, kind) once: person p gets the twelve months of 2026 of one kind
            long person = 0;
            int month = 12;
            byte[] kind = KINDS[0];
            while (written < target) {
                if (month == 12) {
                    month = 0;
                    person++;
                    kind = KINDS[random.nextInt(3)];
                }
                month++;
                // 371526 = a real county (高唐县); a birth date from 1930 on; a sequence; the check digit
                int n = 0;
                n = digits(line, n, 371526, 6);
                java.time.LocalDate birth = java.time.LocalDate.of(1930, 1, 1).plusDays(person / 1000);
                n = digits(line, n, birth.getYear(), 4);
                n = digits(line, n, birth.getMonthValue(), 2);
                n = digits(line, n, birth.getDayOfMonth(), 2);
                n = digits(line, n, (int) (person % 1000), 3);
                int sum = 0;
                for (int i = 0; i < 17; i++) {
                    sum += (line[i] - '0') * WEIGHTS[i];
                }
                line[n++] = (byte) CHECK[sum % 11];
                line[n++] = ',';
                n = digits(line, n, 2026, 4);
                line[n++] = '-';
                n = digits(line, n, month, 2);
                line[n++] = ',';
                System.arraycopy(kind, 0, line, n, kind.length);
                n += kind.length;
                line[n++] = ',';
                n = digits(line, n, 1000 + random.nextInt(4000), 4);
                line[n++] = '.';
                n = digits(line, n, random.nextInt(100), 2);
                line[n++] = '\n';
                out.write(line, 0, n);
                written += n;
                rows++;
            }
        }
        System.out.printf("wrote %,d rows, %,d bytes to %s%n", rows, written, args[0]);
    }

    /** Writes value as exactly width decimal digits, zero-padded. */
    private static int digits(byte[] buf, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
