package sunshine.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class ValueParserTest {

    private static final DataContract CONTRACT = DataContract.standard();

    /** A small region tree: one code of each level. */
    private static final RegionDirectory REGIONS = RegionDirectory.of(Map.of(
            "110000000000", "PROVINCE",
            "110100000000", "CITY",
            "110105000000", "COUNTY",
            "110105001000", "TOWN",
            "110105001001", "VILLAGE"));

    private final ValueParser parser = new ValueParser(CONTRACT, REGIONS);

    private static Column column(String dataset, String column) {
        return CONTRACT.dataset(dataset).column(column).orElseThrow();
    }

    private Object parse(String dataset, String column, Object cell) throws InvalidValueException {
        return parser.parse(column(dataset, column), cell);
    }

    private Reason error(String dataset, String column, Object cell) {
        try {
            Object value = parse(dataset, column, cell);
            return fail("expected " + dataset + "." + column + " to refuse " + cell + ", got " + value);
        } catch (InvalidValueException e) {
            assertThat(e.getMessage()).isEqualTo(e.reason().en());
            return e.reason();
        }
    }

    // ------------------------------------------------------------------ every cell

    static Stream<Arguments> everyColumn() {
        return CONTRACT.datasets().stream()
                .flatMap(d -> d.columns().stream().map(c -> Arguments.of(d.name(), c.name())));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("everyColumn")
    void anEmptyCellIsNullInEveryColumn(String dataset, String column) throws InvalidValueException {
        assertThat(parse(dataset, column, null)).isNull();
        assertThat(parse(dataset, column, "")).isNull();
        assertThat(parse(dataset, column, " \t\r\n")).isNull();
        assertThat(parse(dataset, column, "\u3000\u00A0\u202F\uFEFF\u200B")).isNull();
    }

    static Stream<Arguments> everyEnumCodeAndLabel() {
        return CONTRACT.datasets().stream()
                .flatMap(d -> d.columns().stream().filter(c -> c.type() == ValueType.ENUM)
                        .flatMap(c -> CONTRACT.enumOf(c).values().stream()
                                .flatMap(v -> Stream.concat(Stream.of(v.code(), v.code().toLowerCase(java.util.Locale.ROOT)), v.labels().stream())
                                        .map(text -> Arguments.of(d.name(), c.name(), text, v.code())))));
    }

    @ParameterizedTest(name = "{0}.{1}: {2} -> {3}")
    @MethodSource("everyEnumCodeAndLabel")
    void everyEnumColumnAcceptsEachCodeAndLabel(String dataset, String column, String text, String code)
            throws InvalidValueException {
        assertThat(parse(dataset, column, text)).isEqualTo(code);
    }

    // ------------------------------------------------------------------ ID

    @Nested
    class Ids {

        @ParameterizedTest
        @ValueSource(strings = {
            "11010519491231002X",
            "11010519491231002x",
            "110105491231002",
            "１１０１０５１９４９１２３１００２Ｘ",
            "１１０１０５１９４９１２３１００２ｘ",
            "\u3000 11010519491231002X \u00A0",
            "\t110105491231002\r\n",
            "'11010519491231002X",
        })
        void acceptedForms(String cell) throws InvalidValueException {
            assertThat(parse("persons", "id_no", cell)).isEqualTo("11010519491231002X");
        }

        @Test
        void fifteenDigitUpgradeGetsItsOwnCheckDigit() throws InvalidValueException {
            assertThat(parse("persons", "id_no", "320106850612341")).isEqualTo("320106198506123417");
        }

        @Test
        void wrongCheckDigit() {
            assertThat(error("persons", "id_no", "110105194912310021"))
                    .isEqualTo(new Reason("校验位错误，应为X", "check digit wrong, expected X"));
            assertThat(error("enrollments", "payee_id_no", "320106198506123418"))
                    .isEqualTo(new Reason("校验位错误，应为7", "check digit wrong, expected 7"));
        }

        @Test
        void birthDateMustBeARealDateFrom1900() {
            assertThat(error("persons", "id_no", IdNumbers.withCheckDigit("11010519490230001")).en())
                    .isEqualTo("the birth date in the ID number is not a real date from 1900 on: 19490230");
            assertThat(error("persons", "id_no", IdNumbers.withCheckDigit("11010520010229123")).en())
                    .isEqualTo("the birth date in the ID number is not a real date from 1900 on: 20010229");
            assertThat(error("persons", "id_no", IdNumbers.withCheckDigit("11010518991231001")).zh())
                    .isEqualTo("身份证号中的出生日期无效（应为1900年以后的真实日期）：18991231");
            assertThat(error("persons", "id_no", "110105490230001").en())
                    .isEqualTo("the birth date in the ID number is not a real date from 1900 on: 19490230");
        }

        @Test
        void wrongLengthAndCharacters() {
            assertThat(error("persons", "id_no", "1101051949123100").en())
                    .isEqualTo("an ID number must have 18 characters (or 15 digits for an old number), got 16");
            assertThat(error("persons", "id_no", "11010519491231A02X").en())
                    .isEqualTo("the first 17 characters of an ID number must be digits");
            assertThat(error("persons", "id_no", "11010519491231002Y").en())
                    .isEqualTo("the last character of an ID number must be a digit or X");
        }

        @Test
        void excelNumericCellWithEighteenDigitsHasLostDigits() {
            Reason expected = new Reason(
                    "身份证号被Excel存为数值，已丢失末尾数字；请将该列设为文本格式后重新录入",
                    "Excel stored the ID number as a number and lost its last digits (it keeps 15); "
                            + "format the column as text and enter the numbers again");
            assertThat(error("persons", "id_no", new BigDecimal("110105194912310000"))).isEqualTo(expected);
            assertThat(error("persons", "id_no", new BigDecimal("1.1010519491231002E+17"))).isEqualTo(expected);
            assertThat(error("persons", "id_no", "1.10105E+17")).isEqualTo(expected);
        }

        @Test
        void excelNumericCellWithAFifteenDigitOldNumberIsUpgraded() throws InvalidValueException {
            assertThat(parse("persons", "id_no", new BigDecimal("110105491231002"))).isEqualTo("11010519491231002X");
            assertThat(parse("persons", "id_no", 110105491231002L)).isEqualTo("11010519491231002X");
        }

        @Test
        void excelDateCellIsRefused() {
            assertThat(error("persons", "id_no", LocalDateTime.of(2026, 10, 5, 0, 0))).isEqualTo(new Reason(
                    "该单元格为日期格式，应为身份证号（请将该列设为常规或文本格式）",
                    "the cell is a date, expected an ID number (format the column as general or text)"));
        }
    }

    // ------------------------------------------------------------------ REGION

    @Nested
    class Regions {

        @Test
        void twelveDigits() throws InvalidValueException {
            assertThat(parse("households", "region_code", "110105001001")).isEqualTo("110105001001");
            assertThat(parse("households", "region_code", "１１０１０５００１００１")).isEqualTo("110105001001");
            assertThat(parse("households", "region_code", " 110105001001\u3000")).isEqualTo("110105001001");
            assertThat(parse("households", "region_code", "'110105001001")).isEqualTo("110105001001");
        }

        @Test
        void shorterCodesArePaddedWithZeros() throws InvalidValueException {
            assertThat(parse("standards", "region_code", "11")).isEqualTo("110000000000");
            assertThat(parse("standards", "region_code", "1101")).isEqualTo("110100000000");
            assertThat(parse("standards", "region_code", "110105")).isEqualTo("110105000000");
            assertThat(parse("standards", "region_code", "110105001")).isEqualTo("110105001000");
            assertThat(parse("payroll_submissions", "region_code", "110105001")).isEqualTo("110105001000");
        }

        @Test
        void unknownCodeIsRefusedWhereCodesMustBeKnown() {
            assertThat(error("standards", "region_code", "110105001999")).isEqualTo(
                    new Reason("区划代码不存在：110105001999", "region code not in regions: 110105001999"));
            assertThat(error("standards", "region_code", "320106")).isEqualTo(
                    new Reason("区划代码不存在：320106000000", "region code not in regions: 320106000000"));
        }

        @Test
        void unknownCodeIsAcceptedWhereCodesNeedNotBeKnown() throws InvalidValueException {
            assertThat(parse("regions", "code", "320106001002")).isEqualTo("320106001002");
            assertThat(parse("regions", "parent_code", "320106")).isEqualTo("320106000000");
            assertThat(parse("other_rolls", "region_code", "320106001")).isEqualTo("320106001000");
        }

        @Test
        void levelMustMatchTheColumn() {
            assertThat(error("households", "region_code", "110105001")).isEqualTo(new Reason(
                    "区划级别不符：应为村级代码，该代码为乡镇级",
                    "wrong region level: expected a VILLAGE code, this one is a TOWN"));
            assertThat(error("households", "region_code", "110105")).isEqualTo(new Reason(
                    "区划级别不符：应为村级代码，该代码为县级",
                    "wrong region level: expected a VILLAGE code, this one is a COUNTY"));
            assertThat(error("payroll_submissions", "region_code", "110105001001")).isEqualTo(new Reason(
                    "区划级别不符：应为乡镇级代码，该代码为村级",
                    "wrong region level: expected a TOWN code, this one is a VILLAGE"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "110", "11010", "1101050", "11010500", "1101050010", "11010500100", "1101050010011"})
        void otherLengthsAreRefused(String code) {
            assertThat(error("standards", "region_code", code)).isEqualTo(new Reason(
                    "区划代码应为12位（或2、4、6、9位的上级代码），实际为" + code.length() + "位",
                    "a region code must have 12 digits (or 2, 4, 6 or 9 for a higher level), got " + code.length()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"11010A", "110105-001", "110105 001001", "-110105"})
        void nonDigitsAreRefused(String code) {
            assertThat(error("standards", "region_code", code))
                    .isEqualTo(new Reason("区划代码应全部为数字", "a region code must be all digits"));
        }

        @Test
        void scientificNotationFromExcelIsExplained() {
            assertThat(error("standards", "region_code", "1.10105E+11").en())
                    .isEqualTo("Excel wrote the region code in scientific notation and lost digits; format the column as text");
        }

        @Test
        void excelNumericCellIsItsPlainDigits() throws InvalidValueException {
            assertThat(parse("households", "region_code", new BigDecimal("110105001001"))).isEqualTo("110105001001");
            assertThat(parse("households", "region_code", new BigDecimal("110105001001.0"))).isEqualTo("110105001001");
            assertThat(parse("standards", "region_code", new BigDecimal("1.10105E+5"))).isEqualTo("110105000000");
            assertThat(error("standards", "region_code", new BigDecimal("110105.5")).en())
                    .isEqualTo("a region code must be all digits");
        }

        @Test
        void withoutADirectoryEveryCodeThatMustBeKnownIsRefused() throws InvalidValueException {
            var bare = new ValueParser(CONTRACT, null);
            try {
                bare.parse(column("standards", "region_code"), "110105");
                fail("expected an unknown region");
            } catch (InvalidValueException e) {
                assertThat(e.reason().en()).isEqualTo("region code not in regions: 110105000000");
            }
            assertThat(bare.parse(column("regions", "code"), "110105")).isEqualTo("110105000000");
        }
    }

    // ------------------------------------------------------------------ DATE

    @Nested
    class Dates {

        private final LocalDate oct5 = LocalDate.of(2026, 10, 5);

        @ParameterizedTest
        @ValueSource(strings = {
            "2026-10-05", "2026-10-5", "2026/10/5", "2026/10/05", "2026.10.5", "20261005",
            "2026年10月5日", "2026年10月05日", "2026年10月5", "２０２６－１０－０５", "２０２６年１０月５日", "2026／10／5",
            " 2026-10-05\u3000", "2026-10-05 00:00:00", "2026-10-05T08:30", "2026/10/5 8:30:15",
        })
        void acceptedForms(String cell) throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", cell)).isEqualTo(oct5);
        }

        @Test
        void excelDateCells() throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", LocalDateTime.of(2026, 10, 5, 0, 0))).isEqualTo(oct5);
            assertThat(parse("enrollments", "approved_date", LocalDateTime.of(2026, 10, 5, 23, 59))).isEqualTo(oct5);
            assertThat(parse("enrollments", "approved_date", oct5)).isEqualTo(oct5);
        }

        @Test
        void excelSerialNumberFromANumericCell() throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", new BigDecimal("46300"))).isEqualTo(oct5);
            assertThat(parse("enrollments", "approved_date", new BigDecimal("46300.75"))).isEqualTo(oct5);
            assertThat(parse("enrollments", "approved_date", new BigDecimal("73415"))).isEqualTo(LocalDate.of(2100, 12, 31));
            assertThat(parse("enrollments", "approved_date", new BigDecimal("61"))).isEqualTo(LocalDate.of(1900, 3, 1));
            // Excel counts a 1900-02-29 that never was: serials below 60 are a day off the epoch
            assertThat(parse("enrollments", "approved_date", new BigDecimal("59"))).isEqualTo(LocalDate.of(1900, 2, 28));
            assertThat(parse("enrollments", "approved_date", new BigDecimal("1"))).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(error("enrollments", "approved_date", new BigDecimal("60")).en())
                    .isEqualTo("Excel serial 60 stands for 1900-02-29, which does not exist");
        }

        @Test
        void compactDateTypedAsANumber() throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", new BigDecimal("20261005"))).isEqualTo(oct5);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "0.5", "73416", "1234567"})
        void numbersThatAreNoExcelDate(String number) {
            assertThat(error("enrollments", "approved_date", new BigDecimal(number)).en())
                    .isEqualTo("the number " + number + " is not an Excel date (serial numbers run from 1 to 73415)");
        }

        @Test
        void aSerialNumberWrittenAsTextIsNoDate() {
            assertThat(error("enrollments", "approved_date", "46300")).isEqualTo(new Reason(
                    "无法识别的日期，应为2026-10-05、2026/10/5、2026.10.5、20261005或2026年10月5日",
                    "unrecognised date, expected 2026-10-05, 2026/10/5, 2026.10.5, 20261005 or 2026年10月5日"));
        }

        @Test
        void mustBeARealDate() {
            assertThat(error("enrollments", "approved_date", "2026-02-30"))
                    .isEqualTo(new Reason("日期不存在：2026-02-30", "not a real date: 2026-02-30"));
            assertThat(error("enrollments", "approved_date", "20270229").en()).isEqualTo("not a real date: 2027-02-29");
            assertThat(error("enrollments", "approved_date", "2026/13/1").en()).isEqualTo("not a real date: 2026-13-01");
            assertThat(error("enrollments", "approved_date", "2026年4月31日").en()).isEqualTo("not a real date: 2026-04-31");
            assertThat(error("enrollments", "approved_date", "2026-10-00").en()).isEqualTo("not a real date: 2026-10-00");
        }

        @Test
        void leapDayOfALeapYear() throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", "2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        }

        @Test
        void yearFrom1900To2100() throws InvalidValueException {
            assertThat(parse("enrollments", "approved_date", "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(parse("enrollments", "approved_date", "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
            assertThat(error("enrollments", "approved_date", "1899-12-31")).isEqualTo(new Reason(
                    "年份应在1900至2100之间，实际为1899", "the year must be between 1900 and 2100, got 1899"));
            assertThat(error("enrollments", "approved_date", "2101-01-01").en())
                    .isEqualTo("the year must be between 1900 and 2100, got 2101");
            assertThat(error("enrollments", "approved_date", LocalDateTime.of(1899, 12, 31, 0, 0)).en())
                    .isEqualTo("the year must be between 1900 and 2100, got 1899");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-10/5", "05/10/2026", "2026-10", "26-10-05", "2026105", "abc", "2026-10-05x", "二〇二六年十月五日"})
        void unrecognisedForms(String cell) {
            assertThat(error("enrollments", "approved_date", cell).en())
                    .isEqualTo("unrecognised date, expected 2026-10-05, 2026/10/5, 2026.10.5, 20261005 or 2026年10月5日");
        }
    }

    // ------------------------------------------------------------------ MONTH

    @Nested
    class Months {

        private final YearMonth oct = YearMonth.of(2026, 10);

        @ParameterizedTest
        @ValueSource(strings = {
            "2026-10", "202610", "2026年10月", "2026年10", "2026/10", "2026.10", "２０２６年１０月", "２０２６－１０",
            " 2026-10 ", "2026-10-01", "20261001", "2026年10月1日",
        })
        void acceptedForms(String cell) throws InvalidValueException {
            assertThat(parse("payments", "period", cell)).isEqualTo(oct);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-1", "2026-01", "202601", "2026年1月", "2026/1", "2026.1", "2026.01"})
        void january(String cell) throws InvalidValueException {
            assertThat(parse("payments", "period", cell)).isEqualTo(YearMonth.of(2026, 1));
        }

        @Test
        void excelDateCellGivesItsYearMonth() throws InvalidValueException {
            assertThat(parse("payments", "period", LocalDateTime.of(2026, 10, 17, 0, 0))).isEqualTo(oct);
            assertThat(parse("payments", "period", LocalDate.of(2026, 10, 1))).isEqualTo(oct);
        }

        @Test
        void excelNumericCells() throws InvalidValueException {
            assertThat(parse("payments", "period", new BigDecimal("202610"))).isEqualTo(oct);
            assertThat(parse("payments", "period", new BigDecimal("20261001"))).isEqualTo(oct);
            assertThat(parse("payments", "period", new BigDecimal("2026.12"))).isEqualTo(YearMonth.of(2026, 12));
            assertThat(parse("payments", "period", new BigDecimal("2026.2"))).isEqualTo(YearMonth.of(2026, 2));
            assertThat(parse("payments", "period", new BigDecimal("2026.05"))).isEqualTo(YearMonth.of(2026, 5));
        }

        @Test
        void excelNumber2026Point1IsAmbiguous() {
            // Excel stores a typed 2026.10 as 2026.1
            assertThat(error("payments", "period", new BigDecimal("2026.1")).en()).isEqualTo(
                    "the number 2026.1 cannot tell January from October; format the column as text or write 2026-01 or 2026-10");
            assertThat(error("payments", "period", new BigDecimal("2026.10")).en()).startsWith("the number 2026.1 cannot");
        }

        @Test
        void monthMustBe1To12() {
            assertThat(error("payments", "period", "2026-13"))
                    .isEqualTo(new Reason("月份应在1至12之间，实际为13", "the month must be 1 to 12, got 13"));
            assertThat(error("payments", "period", "202600").en()).isEqualTo("the month must be 1 to 12, got 0");
            assertThat(error("payments", "period", "2026年13月").en()).isEqualTo("the month must be 1 to 12, got 13");
        }

        @Test
        void yearFrom1900To2100() {
            assertThat(error("payments", "period", "1899-12").en()).isEqualTo("the year must be between 1900 and 2100, got 1899");
            assertThat(error("payments", "period", "210101").en()).isEqualTo("the year must be between 1900 and 2100, got 2101");
        }

        @Test
        void aDayOtherThanTheFirstIsAMistake() {
            assertThat(error("payments", "period", "2026-10-05")).isEqualTo(
                    new Reason("应为月份（如2026-10），而不是具体日期", "expected a month (such as 2026-10), not a day"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Oct 2026", "10/2026", "2026", "2026-10x", "2026-", "26-10"})
        void unrecognisedForms(String cell) {
            assertThat(error("payments", "period", cell)).isEqualTo(new Reason(
                    "无法识别的月份，应为2026-10、2026/10、2026.10、202610或2026年10月",
                    "unrecognised month, expected 2026-10, 2026/10, 2026.10, 202610 or 2026年10月"));
        }

        @Test
        void unrecognisedNumbers() {
            assertThat(error("payments", "period", new BigDecimal("46300")).en()).startsWith("unrecognised month");
            assertThat(error("payments", "period", new BigDecimal("2026.123")).en()).startsWith("unrecognised month");
        }
    }

    // ------------------------------------------------------------------ MONEY

    @Nested
    class Monies {

        private BigDecimal amount(Object cell) throws InvalidValueException {
            return (BigDecimal) parse("payments", "amount", cell);
        }

        @Test
        void acceptedFormsGiveScaleTwo() throws InvalidValueException {
            assertThat(amount("1234.50")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("1234.5")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("1234")).isEqualTo(new BigDecimal("1234.00"));
            assertThat(amount("1,234.50")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("1,234,567.8")).isEqualTo(new BigDecimal("1234567.80"));
            assertThat(amount("¥1234.5")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("￥1,234.5")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("¥ 1,234.5 元")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("1234.5元")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("１，２３４．５０")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount("0")).isEqualTo(new BigDecimal("0.00"));
            assertThat(amount("0.01")).isEqualTo(new BigDecimal("0.01"));
            assertThat(amount("\u3000680.00\u00A0")).isEqualTo(new BigDecimal("680.00"));
        }

        @Test
        void trailingZerosBeyondTwoDecimalsAreNotExtraDecimals() throws InvalidValueException {
            assertThat(amount("12.500")).isEqualTo(new BigDecimal("12.50"));
            assertThat(amount("12.0000")).isEqualTo(new BigDecimal("12.00"));
        }

        @Test
        void moreThanTwoDecimalsIsRefusedNotRounded() {
            assertThat(error("payments", "amount", "1.234")).isEqualTo(
                    new Reason("金额最多两位小数，实际为3位", "an amount may have at most 2 decimals, got 3"));
            assertThat(error("payments", "amount", "¥0.001").en()).isEqualTo("an amount may have at most 2 decimals, got 3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "-12.00", "(12.00)", "（12.00）", "¥-5", "-¥5", "(¥12.00)", "－12", "−12", "-1,234.50元"})
        void negativeIsRefused(String cell) {
            assertThat(error("payments", "amount", cell))
                    .isEqualTo(new Reason("金额不能为负数", "an amount must not be negative"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12,34", "1,2345.00", "1234,567", "1,23,456", ",123", "123,", "1,234.5,0"})
        void malformedThousandsSeparators(String cell) {
            assertThat(error("payments", "amount", cell)).isEqualTo(new Reason(
                    "千分位分隔符位置错误，应每3位一组，如1,234.50",
                    "thousands separators must separate groups of 3 digits, as in 1,234.50"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "12.3.4", "1e3", "¥", "元", "12.", ".5", "+12", "1 234.50", "USD 12", "十二元"})
        void unrecognised(String cell) {
            assertThat(error("payments", "amount", cell)).isEqualTo(new Reason(
                    "无法识别的金额，应为以元为单位的数字，如1234.50", "unrecognised amount, expected yuan such as 1234.50"));
        }

        @Test
        void excelNumericCells() throws InvalidValueException {
            assertThat(amount(new BigDecimal("1234.5"))).isEqualTo(new BigDecimal("1234.50"));
            assertThat(amount(new BigDecimal("1E+2"))).isEqualTo(new BigDecimal("100.00"));
            assertThat(amount(new BigDecimal("680"))).isEqualTo(new BigDecimal("680.00"));
            assertThat(amount(680L)).isEqualTo(new BigDecimal("680.00"));
            assertThat(error("payments", "amount", new BigDecimal("0.30000000000000004")).en())
                    .isEqualTo("an amount may have at most 2 decimals, got 17");
            assertThat(error("payments", "amount", new BigDecimal("-5")).en()).isEqualTo("an amount must not be negative");
            assertThat(error("payments", "amount", LocalDateTime.of(2026, 10, 5, 0, 0))).isEqualTo(new Reason(
                    "该单元格为日期格式，应为金额（请将该列设为常规或文本格式）",
                    "the cell is a date, expected an amount (format the column as general or text)"));
        }
    }

    // ------------------------------------------------------------------ ENUM

    @Nested
    class Enums {

        @ParameterizedTest
        @ValueSource(strings = {"CARD", "card", "Card", "一卡通", "银行卡", "ＣＡＲＤ", "ｃａｒｄ", " 一卡通\u3000"})
        void codeOrLabel(String cell) throws InvalidValueException {
            assertThat(parse("payments", "channel", cell)).isEqualTo("CARD");
        }

        @Test
        void labelsWithParenthesesOrSlashInEitherWidth() throws InvalidValueException {
            assertThat(parse("regions", "level", "县（市、区）")).isEqualTo("COUNTY");
            assertThat(parse("regions", "level", "县(市、区)")).isEqualTo("COUNTY");
            assertThat(parse("regions", "level", "村(居)")).isEqualTo("VILLAGE");
            assertThat(parse("staff_relatives", "relation", "岳父母/公婆")).isEqualTo("PARENT_IN_LAW");
            assertThat(parse("staff_relatives", "relation", "岳父母／公婆")).isEqualTo("PARENT_IN_LAW");
        }

        @Test
        void unknownValueListsTheCodesAndLabels() {
            assertThat(error("payments", "channel", "支付宝")).isEqualTo(new Reason(
                    "未知的取值，应为：CARD 一卡通, CASH 现金, OTHER 其他",
                    "unknown value, expected one of: CARD 一卡通, CASH 现金, OTHER 其他"));
            assertThat(error("cards", "status", "ACTIVE1").en()).isEqualTo("unknown value, expected one of: ACTIVE 正常, CLOSED 销户");
        }

        @Test
        void excelCellsAreReadAsTheirText() throws InvalidValueException {
            assertThat(error("persons", "gender", new BigDecimal("1.0")).en())
                    .isEqualTo("unknown value, expected one of: M 男, F 女");
            assertThat(error("persons", "gender", Boolean.TRUE).en())
                    .isEqualTo("unknown value, expected one of: M 男, F 女");
        }
    }

    // ------------------------------------------------------------------ TEXT

    @Nested
    class Texts {

        @ParameterizedTest
        @ValueSource(strings = {"阿依古丽·买买提", "張三豐", "欧阳娜娜", "李 四", "𠀀𠀁", "王\u3000五"})
        void namesKeepTheirCharacters(String name) throws InvalidValueException {
            assertThat(parse("persons", "name", name)).isEqualTo(name);
        }

        @Test
        void surroundingWhitespaceIsTrimmedAndFullWidthLettersAndDigitsMadeAscii() throws InvalidValueException {
            assertThat(parse("persons", "name", "\u3000 李四\u00A0")).isEqualTo("李四");
            assertThat(parse("households", "household_id", "ＨＨ－００１２３ａ")).isEqualTo("HH－00123a");
        }

        @Test
        void lengthCountsCodePointsNotCharsOrBytes() throws InvalidValueException {
            String sixty = "𠀀".repeat(60);  // U+20000: 2 Java chars, 4 UTF-8 bytes each
            assertThat(sixty.length()).isEqualTo(120);
            assertThat(parse("persons", "name", sixty)).isEqualTo(sixty);
            assertThat(error("persons", "name", sixty + "𠀀"))
                    .isEqualTo(new Reason("文本过长：61个字符，最多60个", "text too long: 61 characters, at most 60"));
            assertThat(parse("persons", "name", "张".repeat(60))).isEqualTo("张".repeat(60));
            assertThat(error("persons", "name", "张".repeat(61)).en()).isEqualTo("text too long: 61 characters, at most 60");
            assertThat(parse("businesses", "credit_code", "91110105MA01ABCD2X")).isEqualTo("91110105MA01ABCD2X");
            assertThat(error("businesses", "credit_code", "91110105MA01ABCD2XY").en())
                    .isEqualTo("text too long: 19 characters, at most 18");
        }

        @Test
        void excelNumericCellIsItsPlainDigits() throws InvalidValueException {
            assertThat(parse("households", "household_id", new BigDecimal("1.0"))).isEqualTo("1");
            assertThat(parse("households", "household_id", new BigDecimal("12345"))).isEqualTo("12345");
            assertThat(parse("households", "household_id", new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(parse("households", "household_id", new BigDecimal("12.50"))).isEqualTo("12.5");
            assertThat(parse("households", "household_id", BigInteger.valueOf(42))).isEqualTo("42");
            assertThat(parse("cards", "card_no", new BigDecimal("621700123456789"))).isEqualTo("621700123456789");
        }

        @Test
        void excelNumericCellLongerThan15DigitsHasLostDigits() {
            assertThat(error("cards", "card_no", new BigDecimal("6217001234567890000")).en()).isEqualTo(
                    "Excel stored this cell as a number and lost the digits after the 15th; "
                            + "format the column as text and enter the values again");
        }

        @Test
        void excelDateAndBooleanCellsAsExcelShowsThem() throws InvalidValueException {
            assertThat(parse("payments", "remark", LocalDateTime.of(2026, 10, 5, 0, 0))).isEqualTo("2026-10-05");
            assertThat(parse("payments", "remark", LocalDateTime.of(2026, 10, 5, 8, 30))).isEqualTo("2026-10-05 08:30:00");
            assertThat(parse("payments", "remark", Boolean.TRUE)).isEqualTo("TRUE");
            assertThat(parse("payments", "remark", Boolean.FALSE)).isEqualTo("FALSE");
        }
    }

    // ------------------------------------------------------------------ INTEGER

    @Nested
    class Integers {

        @Test
        void wholeNumbers() throws InvalidValueException {
            assertThat(parse("persons", "disability_level", "3")).isEqualTo(3L);
            assertThat(parse("persons", "disability_level", "3.0")).isEqualTo(3L);
            assertThat(parse("persons", "disability_level", "３")).isEqualTo(3L);
            assertThat(parse("persons", "disability_level", new BigDecimal("3.0"))).isEqualTo(3L);
            assertThat(parse("persons", "disability_level", new BigDecimal("1"))).isEqualTo(1L);
            assertThat(parse("persons", "disability_level", 4)).isEqualTo(4L);
            assertThat(parse("regions", "population", "12,345")).isEqualTo(12345L);
            assertThat(parse("regions", "population", "0")).isEqualTo(0L);
            assertThat(parse("regions", "population", new BigDecimal("1.2345E+4"))).isEqualTo(12345L);
        }

        @Test
        void bounds() {
            assertThat(error("persons", "disability_level", "0"))
                    .isEqualTo(new Reason("应在1至4之间", "must be between 1 and 4"));
            assertThat(error("persons", "disability_level", "5").en()).isEqualTo("must be between 1 and 4");
            assertThat(error("persons", "disability_level", new BigDecimal("5")).en()).isEqualTo("must be between 1 and 4");
            assertThat(error("regions", "population", "-1")).isEqualTo(new Reason("应不小于0", "must be at least 0"));
        }

        @Test
        void fractionsAndTextAreRefused() {
            assertThat(error("persons", "disability_level", "2.5"))
                    .isEqualTo(new Reason("应为整数，不能有小数", "expected a whole number, got a fraction"));
            assertThat(error("persons", "disability_level", new BigDecimal("2.5")).en())
                    .isEqualTo("expected a whole number, got a fraction");
            assertThat(error("persons", "disability_level", "二级")).isEqualTo(new Reason("应为整数", "expected a whole number"));
            assertThat(error("persons", "disability_level", "3级").en()).isEqualTo("expected a whole number");
            assertThat(error("regions", "population", "12,34").en())
                    .isEqualTo("thousands separators must separate groups of 3 digits, as in 1,234.50");
            assertThat(error("regions", "population", "99999999999999999999"))
                    .isEqualTo(new Reason("整数过大", "the number is too large"));
            assertThat(error("persons", "disability_level", LocalDateTime.of(2026, 1, 1, 0, 0)).en())
                    .isEqualTo("the cell is a date, expected a whole number (format the column as general or text)");
        }
    }

    // ------------------------------------------------------------------ DECIMAL

    @Nested
    class Decimals {

        @Test
        void plainDecimals() throws InvalidValueException {
            assertThat(parse("properties", "area_sqm", "85.5")).isEqualTo(new BigDecimal("85.5"));
            assertThat(parse("properties", "area_sqm", "85.50")).isEqualTo(new BigDecimal("85.5"));
            assertThat(parse("properties", "area_sqm", "120")).isEqualTo(new BigDecimal("120"));
            assertThat(parse("properties", "area_sqm", "1,234.567")).isEqualTo(new BigDecimal("1234.567"));
            assertThat(parse("properties", "area_sqm", "０．５")).isEqualTo(new BigDecimal("0.5"));
            assertThat(parse("properties", "area_sqm", new BigDecimal("1.2E+2"))).isEqualTo(new BigDecimal("120"));
            assertThat(parse("properties", "area_sqm", new BigDecimal("85.25"))).isEqualTo(new BigDecimal("85.25"));
        }

        @Test
        void refused() {
            assertThat(error("properties", "area_sqm", "-1")).isEqualTo(new Reason("应不小于0", "must be at least 0"));
            assertThat(error("properties", "area_sqm", new BigDecimal("-0.5")).en()).isEqualTo("must be at least 0");
            assertThat(error("properties", "area_sqm", "85.5㎡")).isEqualTo(new Reason("应为数字，如12.5", "expected a number such as 12.5"));
            assertThat(error("properties", "area_sqm", "1e3").en()).isEqualTo("expected a number such as 12.5");
            assertThat(error("properties", "area_sqm", LocalDateTime.of(2026, 1, 1, 0, 0))).isEqualTo(new Reason(
                    "该单元格为日期格式，应为数字（请将该列设为常规或文本格式）",
                    "the cell is a date, expected a number (format the column as general or text)"));
        }
    }
}
