package sunshine.payments.internal;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * How one bank wants its payment file: which columns in which order, their headers, the text encoding of the CSV
 * (UTF-8, GBK, GB18030) and whether it starts with a byte-order mark or a header row. The XLSX has the same columns.
 *
 * @param code     the layout's name in requests ({@code standard}, {@code gbk} ...)
 * @param name     what users see
 * @param encoding the CSV's charset
 * @param bom      whether the CSV starts with a UTF-8 byte-order mark (ignored for other charsets)
 * @param header   whether the first row is the header
 * @param columns  the columns, in order
 */
public record BankLayout(String code, String name, String encoding, boolean bom, boolean header,
                         List<BankColumn> columns) {

    /** What a column holds. */
    public static final Set<String> FIELDS = Set.of("payment_id", "batch_id", "line_no", "card_no", "bank",
            "payee_name", "payee_id_no", "amount", "amount_cents", "remark", "period", "enrollment_id", "program",
            "town_code", "region_code", "pay_date");

    /** One column: its header text and the field it holds. */
    public record BankColumn(String header, String field) {
    }

    public BankLayout {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("bank layout " + code + " has no columns");
        }
        for (BankColumn c : columns) {
            if (!FIELDS.contains(c.field())) {
                throw new IllegalArgumentException("bank layout " + code + ": unknown field " + c.field()
                        + " (known: " + FIELDS + ")");
            }
        }
        Charset.forName(encoding);
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    /** The layouts every installation has; configuration adds others or replaces these by code. */
    static List<BankLayout> builtIn() {
        List<BankColumn> common = List.of(
                new BankColumn("流水号", "payment_id"),
                new BankColumn("卡号", "card_no"),
                new BankColumn("户名", "payee_name"),
                new BankColumn("身份证号", "payee_id_no"),
                new BankColumn("金额", "amount"),
                new BankColumn("摘要", "remark"));
        return List.of(
                new BankLayout("standard", "一卡通代发（UTF-8）", "UTF-8", true, true, common),
                new BankLayout("gbk", "一卡通代发（GBK，无表头以外的标记）", "GBK", false, true, common));
    }
}
