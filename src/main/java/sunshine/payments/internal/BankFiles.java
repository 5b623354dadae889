package sunshine.payments.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.payments.PaymentException;

/**
 * Writes a batch's bank file in a bank's layout: CSV in the layout's encoding (a character the encoding cannot hold
 * refuses the export rather than reaching the bank as "?") and XLSX with the same columns (card and ID numbers as
 * text, so Excel never turns them into 6.23E+18; amounts as numbers with two decimals).
 */
public final class BankFiles {

    private BankFiles() {
    }

    /** One payment as the layout's fields see it: field name to text. */
    public record Row(Map<String, String> fields) {
        String get(String field) {
            String v = fields.get(field);
            return v == null ? "" : v;
        }
    }

    public static void csv(Path file, BankLayout layout, List<Row> rows) throws IOException {
        CharsetEncoder encoder = layout.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             Writer writer = new OutputStreamWriter(out, encoder)) {
            if (layout.bom() && layout.charset().equals(StandardCharsets.UTF_8)) {
                writer.write('\uFEFF');
            }
            CsvWriter csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"')
                    .lineDelimiter(LineDelimiter.CRLF).build(writer);
            if (layout.header()) {
                write(csv, layout, layout.columns().stream().map(BankLayout.BankColumn::header).toArray(String[]::new));
            }
            for (Row r : rows) {
                write(csv, layout, layout.columns().stream().map(c -> r.get(c.field())).toArray(String[]::new));
            }
            csv.close();
        }
    }

    private static void write(CsvWriter csv, BankLayout layout, String[] cells) {
        CharsetEncoder check = layout.charset().newEncoder();
        for (String cell : cells) {
            if (!check.canEncode(cell)) {
                throw PaymentException.invalid("银行格式“" + layout.code() + "”的编码" + layout.encoding() + "无法表示：" + cell,
                        "the encoding " + layout.encoding() + " of bank layout " + layout.code()
                                + " cannot hold: " + cell);
            }
        }
        csv.writeRecord(cells);
    }

    public static void xlsx(Path file, BankLayout layout, List<Row> rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Sunshine", "1.0");
            Worksheet sheet = workbook.newWorksheet("代发");
            int r = 0;
            List<BankLayout.BankColumn> columns = layout.columns();
            if (layout.header()) {
                for (int c = 0; c < columns.size(); c++) {
                    sheet.inlineString(r, c, columns.get(c).header());
                }
                r++;
            }
            for (Row row : rows) {
                for (int c = 0; c < columns.size(); c++) {
                    String field = columns.get(c).field();
                    String v = row.get(field);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (field.equals("amount")) {
                        sheet.value(r, c, new BigDecimal(v));
                        sheet.style(r, c).format("0.00").set();
                    } else if (field.equals("amount_cents") || field.equals("line_no")) {
                        sheet.value(r, c, new BigDecimal(v));
                    } else {
                        sheet.inlineString(r, c, v);
                    }
                }
                r++;
            }
            sheet.finish();
            workbook.finish();
        }
    }
}
