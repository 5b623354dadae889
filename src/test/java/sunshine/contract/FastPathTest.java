package sunshine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of the value parser (plain ISO dates and months, plain amounts, canonical ID numbers) against the
 * general parser: whatever a fast path accepts, the general parser accepts as the very same value (equal, and for
 * amounts of the same scale), and what it does not accept it leaves to the general parser, so that
 * {@link ValueParser#parse} accepts and refuses exactly what it did before the fast paths.
 */
class FastPathTest {

    private static final String[] TRICKY_DATES = {"2026-10-05", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29",
            "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2026-00-10", "2026-13-01", "2026-04-31",
            "2026-10-00", "2026-1-05", "2026-10-5", "2026/10/05", "2026.10.05", "20261005", "2026年10月5日",
            "2026-10-05 12:30", "2026-10-05T12:30:00", "２０２６-10-05", "2026－10－05", "2026-10-0x", "+026-10-05",
            "2026-1０-05", "0000-01-01", "9999-12-31", "2026-10-05x", "-2026-10-5", "2026-10-05 "};
    private static final String[] TRICKY_MONTHS = {"2026-10", "2026-1", "2026-00", "2026-13", "1899-12", "1900-01",
            "2100-12", "2101-01", "202610", "2026/10", "2026.10", "2026年10月", "2026-10-01", "2026-10-02", "2026-1x",
            "20x6-10", "2026--1", "2026-+1", "２０２６-10", "2026－10", "0000-01"};
    private static final String[] TRICKY_MONEY = {"0", "0.0", "0.00", "00", "007.5", "603.48", "603.4", "603.", ".48",
            "603.480", "603.481", "1,234.50", "1,23.4", "¥1234.5", "￥12", "-1", "-0", "(12.00)", "12元", "1e3",
            "1E+2", "999999999999999", "999999999999999.99", "9999999999999999", "99999999999999999999.99", "+1",
            "1.2.3", "１２.5", "12．5", "12,5", " 12", "NaN", "Infinity", "0x10", "1_000", "12.-5", "12.+5"};
    private static final String[] TRICKY_IDS = {"11010519491231002X", "11010519491231002x", "110105194912310021",
            "110105194912310020", "110105491231002", "11010519491331002X", "11010518991231002X", "11010519490229002X",
            "11010520000229002X", "11010519491231002", "11010519491231002XX", "1101051949123100２X", "1.10105E+17",
            "110105194912310000", "１１０１０５１９４９１２３１００２Ｘ", "A1010519491231002X", "11010519491231002Y",
            "'11010519491231002X"};

    @Test
    void trickyDatesAgreeWithTheGeneralParser() {
        for (String s : TRICKY_DATES) {
            assertDateAgrees(s);
        }
        assertThat(ValueParser.isoDate("2026-10-05")).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(ValueParser.isoDate("2026-02-29")).isNull();
        assertThat(ValueParser.isoDate("2101-01-01")).isNull();
    }

    @Test
    void trickyMonthsAgreeWithTheGeneralParser() {
        for (String s : TRICKY_MONTHS) {
            assertMonthAgrees(s);
        }
        assertThat(ValueParser.isoMonth("2026-10")).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ValueParser.isoMonth("2026-13")).isNull();
    }

    @Test
    void trickyAmountsAgreeWithTheGeneralParser() {
        for (String s : TRICKY_MONEY) {
            assertMoneyAgrees(s);
        }
        assertThat(ValueParser.plainMoney("603.4")).isEqualTo(new BigDecimal("603.40"));
        assertThat(ValueParser.plainMoney("603.481")).isNull();
        assertThat(ValueParser.plainMoney("-1")).isNull();
    }

    @Test
    void trickyIdNumbersAgreeWithTheGeneralParser() {
        for (String s : TRICKY_IDS) {
            assertIdAgrees(s);
        }
        assertThat(IdNumbers.canonicalOrNull("11010519491231002X")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.canonicalOrNull("11010519491231002x")).isNull();
    }

    @Test
    void randomTextsAgreeWithTheGeneralParser() {
        Random random = new Random(3);
        String alphabet = "0123456789012345678901234567890123456789--..//xX 年月日元,¥１";
        for (int n = 0; n < 300_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(19);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertDateAgrees(s);
            assertMonthAgrees(s);
            assertMoneyAgrees(s);
            assertIdAgrees(s);
        }
    }

    @Test
    void mutatedValidValuesAgreeWithTheGeneralParser() {
        Random random = new Random(5);
        List<String> seeds = new ArrayList<>(List.of("2026-10-05", "2024-02-29", "2026-10", "603.48", "1234567.8",
                "11010519491231002X", "370102196601022758"));
        for (int n = 0; n < 2000; n++) {
            LocalDate d = LocalDate.of(1890 + random.nextInt(230), 1, 1).plusDays(random.nextInt(366));
            seeds.add(d.toString());
            seeds.add(d.toString().substring(0, 7));
            seeds.add(IdNumbers.withCheckDigit(String.format("370102%04d%02d%02d%03d", d.getYear(),
                    d.getMonthValue(), d.getDayOfMonth(), random.nextInt(1000))));
        }
        for (String seed : seeds) {
            for (int k = 0; k < 50; k++) {
                char[] c = seed.toCharArray();
                int i = random.nextInt(c.length);
                c[i] = "0123456789-.xX９"
                        .charAt(random.nextInt(15));
                String s = new String(c);
                assertDateAgrees(s);
                assertMonthAgrees(s);
                assertMoneyAgrees(s);
                assertIdAgrees(s);
            }
            assertDateAgrees(seed);
            assertMonthAgrees(seed);
            assertMoneyAgrees(seed);
            assertIdAgrees(seed);
        }
    }

    @Test
    void parseRefusesWhatTheGeneralParserRefuses() {
        ValueParser parser = new ValueParser(DataContract.standard(), null);
        Column paid = DataContract.standard().dataset("payments").columns().stream()
                .filter(c -> c.name().equals("paid_date")).findFirst().orElseThrow();
        Column amount = DataContract.standard().dataset("payments").columns().stream()
                .filter(c -> c.name().equals("amount")).findFirst().orElseThrow();
        assertThatThrownBy(() -> parser.parse(paid, "2026-02-29")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parser.parse(paid, "2101-01-01")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parser.parse(amount, "603.481")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parser.parse(amount, "-1")).isInstanceOf(InvalidValueException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertDateAgrees(String s) {
        LocalDate fast = ValueParser.isoDate(s);
        if (fast != null) {
            assertThat(general(() -> ValueParser.dateText(s))).as(s).isEqualTo(fast);
        }
    }

    private static void assertMonthAgrees(String s) {
        YearMonth fast = ValueParser.isoMonth(s);
        if (fast != null) {
            assertThat(general(() -> ValueParser.monthText(s))).as(s).isEqualTo(fast);
        }
    }

    private static void assertMoneyAgrees(String s) {
        BigDecimal fast = ValueParser.plainMoney(s);
        if (fast != null) {
            Object slow = general(() -> ValueParser.moneyText(s));
            assertThat(slow).as(s).isEqualTo(fast); // BigDecimal.equals: the same value and the same scale
        }
    }

    private static void assertIdAgrees(String s) {
        String fast = IdNumbers.canonicalOrNull(s);
        if (fast != null) {
            assertThat(general(() -> IdNumbers.normalizeGeneral(s))).as(s).isEqualTo(fast);
        }
    }

    private interface Parse {
        Object get() throws InvalidValueException;
    }

    private static Object general(Parse p) {
        try {
            return p.get();
        } catch (InvalidValueException e) {
            return "refused: " + e.reason().en();
        }
    }
}
