package sunshine.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueFormatTest {

    private static final DataContract CONTRACT = DataContract.standard();

    @ParameterizedTest
    @EnumSource(ValueType.class)
    void nullIsTheEmptyString(ValueType type) {
        assertThat(ValueFormat.format(type, null)).isEqualTo("");
    }

    @Test
    void nullWithoutATypeIsTheEmptyString() {
        assertThat(ValueFormat.format(null)).isEqualTo("");
    }

    @Test
    void datesAndMonthsAreIso() {
        assertThat(ValueFormat.format(ValueType.DATE, LocalDate.of(2026, 10, 5))).isEqualTo("2026-10-05");
        assertThat(ValueFormat.format(ValueType.DATE, LocalDateTime.of(2026, 1, 2, 13, 45))).isEqualTo("2026-01-02");
        assertThat(ValueFormat.format(ValueType.MONTH, YearMonth.of(2026, 1))).isEqualTo("2026-01");
        assertThat(ValueFormat.format(ValueType.MONTH, LocalDate.of(2026, 10, 5))).isEqualTo("2026-10");
        assertThat(ValueFormat.format(LocalDate.of(1949, 12, 31))).isEqualTo("1949-12-31");
        assertThat(ValueFormat.format(YearMonth.of(2026, 10))).isEqualTo("2026-10");
    }

    @Test
    void moneyHasExactlyTwoDecimalsAndNoSeparators() {
        assertThat(ValueFormat.format(ValueType.MONEY, new BigDecimal("1234.5"))).isEqualTo("1234.50");
        assertThat(ValueFormat.format(ValueType.MONEY, new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(ValueFormat.format(ValueType.MONEY, new BigDecimal("12.500"))).isEqualTo("12.50");
        assertThat(ValueFormat.format(ValueType.MONEY, BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(ValueFormat.format(ValueType.MONEY, 680L)).isEqualTo("680.00");
        assertThat(ValueFormat.format(ValueType.MONEY, new BigDecimal("12345678901234.56"))).isEqualTo("12345678901234.56");
    }

    @Test
    void moneyWithMoreThanTwoDecimalsIsAProgrammingError() {
        assertThatThrownBy(() -> ValueFormat.format(ValueType.MONEY, new BigDecimal("1.234")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.234");
    }

    @Test
    void numbers() {
        assertThat(ValueFormat.format(ValueType.INTEGER, 3L)).isEqualTo("3");
        assertThat(ValueFormat.format(ValueType.INTEGER, 3)).isEqualTo("3");
        assertThat(ValueFormat.format(ValueType.INTEGER, new BigDecimal("1.2E+4"))).isEqualTo("12000");
        assertThat(ValueFormat.format(ValueType.DECIMAL, new BigDecimal("85.50"))).isEqualTo("85.5");
        assertThat(ValueFormat.format(ValueType.DECIMAL, new BigDecimal("1.2E+2"))).isEqualTo("120");
        assertThat(ValueFormat.format(ValueType.DECIMAL, new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(ValueFormat.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueFormat.format(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(ValueFormat.format(42L)).isEqualTo("42");
        assertThatThrownBy(() -> ValueFormat.format(ValueType.INTEGER, new BigDecimal("2.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAreThemselves() {
        assertThat(ValueFormat.format(ValueType.ID, "11010519491231002X")).isEqualTo("11010519491231002X");
        assertThat(ValueFormat.format(ValueType.REGION, "110105001001")).isEqualTo("110105001001");
        assertThat(ValueFormat.format(ValueType.ENUM, "CARD")).isEqualTo("CARD");
        assertThat(ValueFormat.format(ValueType.TEXT, "阿依古丽·买买提")).isEqualTo("阿依古丽·买买提");
        assertThat(ValueFormat.format("𠀀")).isEqualTo("𠀀");
    }

    @Test
    void floatingPointAndMismatchedTypesAreRefused() {
        assertThatThrownBy(() -> ValueFormat.format(ValueType.MONEY, 12.5d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never floating point");
        assertThatThrownBy(() -> ValueFormat.format(ValueType.DATE, "2026-10-05"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueFormat.format(ValueType.TEXT, 12L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueFormat.format(ValueType.MONTH, LocalDate.of(2026, 1, 1).atStartOfDay().toLocalTime()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueFormat.format(1.5f)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> typedValues() {
        return Stream.of(
                Arguments.of("persons", "id_no", "11010519491231002X"),
                Arguments.of("households", "region_code", "110105001001"),
                Arguments.of("enrollments", "approved_date", LocalDate.of(2026, 2, 28)),
                Arguments.of("payments", "period", YearMonth.of(2026, 1)),
                Arguments.of("payments", "amount", new BigDecimal("1234.50")),
                Arguments.of("payments", "amount", new BigDecimal("0.00")),
                Arguments.of("payments", "channel", "CARD"),
                Arguments.of("persons", "name", "阿依古丽·买买提"),
                Arguments.of("persons", "disability_level", 2L),
                Arguments.of("properties", "area_sqm", new BigDecimal("85.25")));
    }

    @ParameterizedTest(name = "{0}.{1}: {2}")
    @MethodSource("typedValues")
    void whatIsWrittenParsesBackToTheSameValue(String dataset, String column, Object value) throws InvalidValueException {
        Column c = CONTRACT.dataset(dataset).column(column).orElseThrow();
        var parser = new ValueParser(CONTRACT, RegionDirectory.of(Map.of("110105001001", "VILLAGE")));
        String text = ValueFormat.format(c.type(), value);
        assertThat(parser.parse(c, text)).isEqualTo(value);
    }
}
