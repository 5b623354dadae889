package sunshine.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReaderTest {

    private static final DataContract CONTRACT = DataContract.standard();
    private static final Dataset PERSONS = CONTRACT.dataset("persons");
    private static final Dataset PAYMENTS = CONTRACT.dataset("payments");
    private static final Dataset CARDS = CONTRACT.dataset("cards");
    private static final String ID1 = "11010519491231002X";
    private static final String ID2 = IdNumbers.withCheckDigit("11010519800101001");
    private static final Reason REQUIRED = new Reason("必填项为空", "required value missing");

    private final ValueParser parser = new ValueParser(CONTRACT, RegionDirectory.of(Map.of()));

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return csv(name, content, StandardCharsets.UTF_8);
    }

    private Path csv(String name, String content, Charset charset) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(charset));
        return f;
    }

    private static List<ParsedRow> readAll(DatasetReader reader) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        ParsedRow r;
        while ((r = reader.next()) != null) {
            rows.add(r);
        }
        return rows;
    }

    /** The reason the real parser gives for a cell. */
    private Reason parserReason(Dataset d, String column, Object cell) {
        try {
            Object v = parser.parse(d.column(column).orElseThrow(), cell);
            throw new AssertionError("expected " + cell + " to be refused, got " + v);
        } catch (InvalidValueException e) {
            return e.reason();
        }
    }

    @Test
    void englishHeaders() throws IOException {
        Path f = csv("persons.csv", "id_no,name,gender,birth_date,household_id,relation,disability_level\n"
                + ID1 + ",张三,男,1949-12-31,H001,户主,2\n"
                + ID2 + ",李四,F,,H001,SPOUSE,\n");
        try (DatasetReader r = DatasetReader.open(f, "人员.csv", PERSONS, parser)) {
            assertThat(r.warnings()).isEmpty();
            assertThat(r.format()).isEqualTo("UTF-8");
            List<ParsedRow> rows = readAll(r);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).row()).isEqualTo(2);
            assertThat(rows.get(0).errors()).isEmpty();
            assertThat(rows.get(0).values()).containsExactly(
                    ID1, "张三", "M", LocalDate.of(1949, 12, 31), "H001", "HEAD", 2L);
            assertThat(rows.get(1).row()).isEqualTo(3);
            assertThat(rows.get(1).values()).containsExactly(ID2, "李四", "F", null, "H001", "SPOUSE", null);
            assertThat(r.rowsRead()).isEqualTo(2);
            assertThat(r.bytesRead()).isEqualTo(Files.size(f));
        }
    }

    @Test
    void chineseHeadersInAnyOrderWithAliasesSpacesAndFullWidth() throws IOException {
        // 公民身份号码 is an alias of id_no; "ＧＥＮＤＥＲ" is full-width; " 户 编 号 " has inner spaces
        Path f = csv("persons.csv", "\uFEFF 姓名 ,\u3000户 编 号 ,公民身份号码,ＧＥＮＤＥＲ,Birth_Date\r\n"
                + "王五,H002,'" + ID2 + ",女,2026年1月5日\r\n", Charset.forName("GB18030"));
        try (DatasetReader r = DatasetReader.open(f, "persons.csv", PERSONS, parser)) {
            assertThat(r.warnings()).isEmpty();
            ParsedRow row = r.next();
            assertThat(row.errors()).isEmpty();
            assertThat(row.values()).containsExactly(ID2, "王五", "F", LocalDate.of(2026, 1, 5), "H002", null, null);
            assertThat(r.next()).isNull();
            assertThat(r.format()).isEqualTo("GB18030");
            assertThat(r.hasColumn("relation")).isFalse();
            assertThat(r.hasColumn("gender")).isTrue();
        }
    }

    @Test
    void unknownColumnsAreWarnings() throws IOException {
        Path f = csv("persons.csv", "id_no,备注,name,household_id,Note\n" + ID1 + ",随便写,张三,H1,x\n");
        try (DatasetReader r = DatasetReader.open(f, "persons.csv", PERSONS, parser)) {
            Reason unknown = new Reason("未知列，已忽略", "unknown column ignored");
            assertThat(r.warnings()).containsExactly(
                    new RowError("persons.csv", 1, "", "备注", unknown),
                    new RowError("persons.csv", 1, "", "Note", unknown));
            ParsedRow row = r.next();
            assertThat(row.errors()).isEmpty();
            assertThat(row.values()).containsExactly(ID1, "张三", null, null, "H1", null, null);
        }
    }

    @Test
    void missingRequiredColumnsAreAllNamed() throws IOException {
        Path f = csv("persons.csv", "gender,出生日期\nM,2000-01-01\n");
        assertThatThrownBy(() -> DatasetReader.open(f, "人员.csv", PERSONS, parser))
                .isInstanceOfSatisfying(ContractFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("人员.csv");
                    assertThat(e.reason()).isEqualTo(new Reason(
                            "缺少必填列：身份证号（id_no）、姓名（name）、户编号（household_id）",
                            "missing required columns: id_no (身份证号), name (姓名), household_id (户编号)"));
                });
    }

    @Test
    void requiredWhenColumnIsNotRequiredInTheHeader() throws IOException {
        // card_no is required only when channel=CARD: a file of cash payments may leave the column out
        Path f = csv("payments.csv", "payment_id,enrollment_id,period,amount,channel,paid_date\n"
                + "P1,E1,2026-10,500,现金,2026-10-15\n"
                + "P2,E1,2026-10,500,CARD,2026-10-15\n");
        try (DatasetReader r = DatasetReader.open(f, "payments.csv", PAYMENTS, parser)) {
            ParsedRow cash = r.next();
            assertThat(cash.errors()).isEmpty();
            assertThat(cash.values()).containsExactly("P1", "E1", YearMonth.of(2026, 10), new BigDecimal("500.00"),
                    "CASH", null, LocalDate.of(2026, 10, 15), null, null);
            ParsedRow card = r.next();
            assertThat(card.errors()).containsExactly(new RowError("payments.csv", 3, "card_no", "",
                    new Reason("必填项为空（方式为“一卡通”时必填）", "required value missing (required when channel=CARD)")));
        }
    }

    @Test
    void requiredWhen() throws IOException {
        Path f = csv("payments.csv", "payment_id,enrollment_id,period,amount,channel,card_no,paid_date\n"
                + "P1,E1,2026-10,500.5,一卡通,6222000011112222,2026-10-15\n"
                + "P2,E1,2026-10,500.5,一卡通,,2026-10-15\n"
                + "P3,E1,2026-10,500.5,CASH,,2026-10-15\n"
                + "P4,E1,2026-10,500.5,支票,,2026-10-15\n");
        try (DatasetReader r = DatasetReader.open(f, "payments.csv", PAYMENTS, parser)) {
            List<ParsedRow> rows = readAll(r);
            assertThat(rows.get(0).errors()).isEmpty();
            assertThat(rows.get(0).value(PAYMENTS, "card_no")).isEqualTo("6222000011112222");
            assertThat(rows.get(0).value(PAYMENTS, "amount")).isEqualTo(new BigDecimal("500.50"));
            assertThat(rows.get(1).errors()).containsExactly(new RowError("payments.csv", 3, "card_no", "",
                    new Reason("必填项为空（方式为“一卡通”时必填）", "required value missing (required when channel=CARD)")));
            assertThat(rows.get(2).errors()).isEmpty();
            // an unknown channel is its own error; the condition cannot be judged and adds nothing
            assertThat(rows.get(3).errors()).containsExactly(new RowError("payments.csv", 5, "channel", "支票",
                    parserReason(PAYMENTS, "channel", "支票")));
        }
    }

    @Test
    void enumDefault() throws IOException {
        Path withColumn = csv("cards.csv", "card_no,bank,holder_id_no,status,purpose\n"
                + "C1,农业银行," + ID1 + ",正常,\n"
                + "C2,农业银行," + ID1 + ",销户,其他\n");
        try (DatasetReader r = DatasetReader.open(withColumn, "cards.csv", CARDS, parser)) {
            List<ParsedRow> rows = readAll(r);
            assertThat(rows.get(0).errors()).isEmpty();
            assertThat(rows.get(0).value(CARDS, "purpose")).isEqualTo("SUBSIDY");
            assertThat(rows.get(0).value(CARDS, "status")).isEqualTo("ACTIVE");
            assertThat(rows.get(1).value(CARDS, "purpose")).isEqualTo("OTHER");
            assertThat(rows.get(1).value(CARDS, "status")).isEqualTo("CLOSED");
        }
        Path withoutColumn = csv("cards2.csv", "卡号,开户行,持卡人身份证号,状态\nC1,农业银行," + ID1 + ",正常\n");
        try (DatasetReader r = DatasetReader.open(withoutColumn, "cards.csv", CARDS, parser)) {
            ParsedRow row = r.next();
            assertThat(row.errors()).isEmpty();
            assertThat(row.values()).containsExactly("C1", "农业银行", ID1, null, null, "ACTIVE", "SUBSIDY", null);
        }
    }

    @Test
    void duplicateColumn() throws IOException {
        Path f = csv("persons.csv", "id_no,name,household_id,身份证号\n" + ID1 + ",张三,H1," + ID1 + "\n");
        assertThatThrownBy(() -> DatasetReader.open(f, "persons.csv", PERSONS, parser))
                .isInstanceOfSatisfying(ContractFileException.class, e -> assertThat(e.reason()).isEqualTo(new Reason(
                        "列“身份证号（id_no）”出现了两次：第1列“id_no”和第4列“身份证号”",
                        "column id_no (身份证号) is given twice: column 1 \"id_no\" and column 4 \"身份证号\"")));
    }

    @Test
    void rowErrorsNameRowColumnValueAndReason() throws IOException {
        String badId = "110105194912310021"; // wrong check digit
        Path f = csv("persons.csv", "id_no,name,gender,birth_date,household_id,disability_level\n"
                + ID1 + ",张三,M,1949-12-31,H1,1\n"              // row 2: good
                + badId + ",,X,1949-13-01,H1,7\n"                 // row 3: five errors
                + "\n"                                            // row 4: blank, skipped
                + ID2 + ",\"李\n四\",F,,H1,\n"                    // row 5: a name over two lines (kept as is)
                + ID2 + ",王五,F,,H1,,extra\n");                  // row 6 (records, not lines): a value without a column
        try (DatasetReader r = DatasetReader.open(f, "persons.csv", PERSONS, parser)) {
            List<ParsedRow> rows = readAll(r);
            assertThat(rows).extracting(ParsedRow::row).containsExactly(2L, 3L, 5L, 6L);
            assertThat(rows.get(0).ok()).isTrue();

            ParsedRow bad = rows.get(1);
            assertThat(bad.ok()).isFalse();
            assertThat(bad.errors()).containsExactly(
                    new RowError("persons.csv", 3, "id_no", badId, parserReason(PERSONS, "id_no", badId)),
                    new RowError("persons.csv", 3, "name", "", REQUIRED),
                    new RowError("persons.csv", 3, "gender", "X", parserReason(PERSONS, "gender", "X")),
                    new RowError("persons.csv", 3, "birth_date", "1949-13-01",
                            parserReason(PERSONS, "birth_date", "1949-13-01")),
                    new RowError("persons.csv", 3, "disability_level", "7",
                            parserReason(PERSONS, "disability_level", "7")));
            assertThat(bad.values()).containsExactly(null, null, null, null, "H1", null, null);

            assertThat(rows.get(2).errors()).isEmpty();
            assertThat(rows.get(2).value(PERSONS, "name")).isEqualTo("李\n四");

            assertThat(rows.get(3).errors()).containsExactly(new RowError("persons.csv", 6, "", "extra", new Reason(
                    "该行的数据比表头多：第7列没有列名（是否有未加引号的逗号？）",
                    "the row has more values than the header: column 7 has no header (an unquoted comma?)")));
            assertThat(rows.get(3).value(PERSONS, "name")).isEqualTo("王五");
        }
    }

    @Test
    void aValueUnderABlankHeaderCellIsAWarningOnce() throws IOException {
        Path f = csv("persons.csv", "id_no,,name,household_id\n"
                + ID1 + ",,张三,H1\n"
                + ID1 + ",note,张三,H1\n"
                + ID1 + ",note2,张三,H1\n");
        try (DatasetReader r = DatasetReader.open(f, "persons.csv", PERSONS, parser)) {
            assertThat(r.warnings()).isEmpty();
            List<ParsedRow> rows = readAll(r);
            assertThat(rows).allMatch(ParsedRow::ok);
            assertThat(r.warnings()).containsExactly(new RowError("persons.csv", 3, "", "note",
                    new Reason("第2列没有列名，已忽略", "column 2 has no header, ignored")));
        }
    }

    @Test
    void fileErrorsCarryTheDisplayName() throws IOException {
        Path f = csv("upload-1234.tmp.csv", "");
        assertThatThrownBy(() -> DatasetReader.open(f, "persons.csv", PERSONS, parser))
                .isInstanceOfSatisfying(ContractFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("persons.csv");
                    assertThat(e.reason().en()).isEqualTo("the file is empty or has no header row");
                });
    }

    @Test
    void headerNormalization() {
        assertThat(DatasetReader.normalizeHeader("\uFEFF  ＩＤ＿ＮＯ ")).isEqualTo("id_no");
        assertThat(DatasetReader.normalizeHeader("户\u3000编 号")).isEqualTo("户编号");
        assertThat(DatasetReader.normalizeHeader("Birth_Date\t")).isEqualTo("birth_date");
    }

    @Test
    void everyDatasetsHeadersAreUnambiguous() {
        for (Dataset d : CONTRACT.datasets()) {
            List<String> all = new ArrayList<>();
            for (Column c : d.columns()) {
                c.headers().stream().map(DatasetReader::normalizeHeader).distinct().forEach(all::add);
            }
            assertThat(all).as(d.name()).doesNotHaveDuplicates();
        }
    }

    @Test
    void valuesAreACopyPerRow() throws IOException {
        Path f = csv("persons.csv", "id_no,name,household_id\n" + ID1 + ",甲,H1\n" + ID2 + ",乙,H2\n");
        try (DatasetReader r = DatasetReader.open(f, "persons.csv", PERSONS, parser)) {
            ParsedRow a = r.next();
            ParsedRow b = r.next();
            assertThat(Arrays.asList(a.values())).containsExactly(ID1, "甲", null, null, "H1", null, null);
            assertThat(Arrays.asList(b.values())).containsExactly(ID2, "乙", null, null, "H2", null, null);
        }
    }
}
