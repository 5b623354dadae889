package sunshine.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import sunshine.contract.IdNumbers;

/** Money, months, days, IDs, region codes and names as the engine stores and shows them. */
class ValuesTest {

    @Test
    void sharesAreRoundedHalfUpToTenDecimals() {
        assertThat(Money.shareUnits(100_000, 3)).isEqualTo(3_333_333_333_333L); // 1000.00 / 3 = 333.3333333333
        assertThat(Money.shareUnits(200_000, 3)).isEqualTo(6_666_666_666_667L); // 2000.00 / 3 = 666.6666666667
        assertThat(Money.shareUnits(1, 2)).isEqualTo(50_000_000L);             // 0.005 exactly
        assertThat(Money.shareUnits(126_000, 1)).isEqualTo(Money.units(126_000));
        // 1,000,000,000.00 yuan does not fit the fast path (cents * 10^8 > Long.MAX_VALUE) but its third does
        assertThat(Money.shareUnits(100_000_000_000L, 3)).as("beyond the fast path")
                .isEqualTo(new BigDecimal(100_000_000_000L).movePointLeft(2)
                        .divide(BigDecimal.valueOf(3), 10, java.math.RoundingMode.HALF_UP).unscaledValue()
                        .longValueExact());
        assertThat(Money.yuanOfUnits(3 * 3_333_333_333_333L)).isEqualByComparingTo("1000.00");
        assertThat(Money.yuanOfUnits(50_000_000L)).isEqualByComparingTo("0.01");
        assertThat(Money.yuanOfUnits(49_999_999L)).isEqualByComparingTo("0.00");
        assertThat(Money.format(new BigDecimal("1260.5"))).isEqualTo("1,260.50");
        assertThat(Money.formatCents(123_456_789)).isEqualTo("1,234,567.89");
        assertThat(Money.cents(new BigDecimal("12.30"))).isEqualTo(1230);
    }

    @Test
    void monthsAndDays() {
        int m = Months.of(YearMonth.of(2026, 1));
        assertThat(Months.iso(m - 1)).isEqualTo("2025-12");
        assertThat(Months.zh(m)).isEqualTo("2026年1月");
        assertThat(Months.ofDay(Days.of(LocalDate.of(2026, 2, 28)))).isEqualTo(m + 1);
        assertThat(Days.iso(Months.lastDay(m + 1))).isEqualTo("2026-02-28");
        assertThat(Days.iso(Months.lastDay(Months.of(2028, 2)))).isEqualTo("2028-02-29");
        assertThat(Months.toYearMonth(Months.of(1999, 12))).isEqualTo(YearMonth.of(1999, 12));
        assertThat(Days.zh(Days.of(LocalDate.of(2026, 3, 5)))).isEqualTo("2026年3月5日");
        assertThat(Months.NONE).isLessThan(Months.of(1900, 1));
    }

    @Test
    void idKeysRoundTrip() {
        String x = "11010519491231002X";
        assertThat(IdNumbers.isValid(x)).isTrue();
        assertThat(Ids.idNo(Ids.key(x))).isEqualTo(x);
        String d = IdNumbers.withCheckDigit("37152619500101001");
        assertThat(Ids.idNo(Ids.key(d))).isEqualTo(d);
        assertThat(Ids.key(x)).isNotEqualTo(Ids.key("110105194912310021")).isPositive();
        assertThatThrownBy(() -> Ids.key("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionCodesIgnoreTrailingZeroSegmentsNotDigits() {
        long town100 = 371526100000L;
        assertThat(RegionCodes.significantDigits(town100)).isEqualTo(9);
        assertThat(RegionCodes.significantDigits(371526000000L)).isEqualTo(6);
        assertThat(RegionCodes.significantDigits(371500000000L)).isEqualTo(4);
        assertThat(RegionCodes.significantDigits(370000000000L)).isEqualTo(2);
        assertThat(RegionCodes.significantDigits(371526100010L)).isEqualTo(12);
        assertThat(RegionCodes.covers(town100, 371526100001L)).isTrue();
        assertThat(RegionCodes.covers(town100, 371526101001L)).isFalse();
        assertThat(RegionCodes.covers(371526100010L, 371526100011L)).as("village 010 is not village 011's prefix")
                .isFalse();
        assertThat(RegionCodes.covers(371510000000L, 371511000000L)).as("county 371510 vs 371511").isFalse();
        assertThat(RegionCodes.covers(370000000000L, 371526100001L)).isTrue();
        assertThat(RegionCodes.covers(371526100001L, 371526100001L)).isTrue();
        assertThat(RegionCodes.town(371526100001L)).isEqualTo(town100);
        assertThat(RegionCodes.county(371526100001L)).isEqualTo(371526);
        assertThat(RegionCodes.text(110000000000L)).isEqualTo("110000000000");
    }

    @Test
    void namesAreMaskedByCharacter() {
        assertThat(Texts.maskName("张三丰")).isEqualTo("张*丰");
        assertThat(Texts.maskName("张三")).isEqualTo("张*");
        assertThat(Texts.maskName("欧阳娜仁")).isEqualTo("欧**仁");
        assertThat(Texts.maskName("𠀀三丰")).isEqualTo("𠀀*丰");
        assertThat(Texts.maskName("李")).isEqualTo("李");
    }

    @Test
    void evidenceIsEscapedJson() {
        assertThat(Evidence.object().put("a", "x\"y\\z\n").put("n", 3).money("m", 1250).month("p", Months.NONE)
                .json()).isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\",\"n\":3,\"m\":12.50,\"p\":null}");
    }
}
