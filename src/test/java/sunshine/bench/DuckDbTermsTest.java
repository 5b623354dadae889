package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sunshine.checks.engine.Money;

/** The exactness details of duckdb/macros.sql, against the engine's own definitions where it has them. */
class DuckDbTermsTest {

    private Connection conn;
    private Statement st;

    @BeforeEach
    void open() throws Exception {
        conn = DriverManager.getConnection("jdbc:duckdb:");
        st = conn.createStatement();
        st.execute("SET VARIABLE period = " + (2026 * 12 + 9));
        st.execute("SET VARIABLE lookback = 12");
        st.execute(DuckDbCheck.resource("duckdb/macros.sql"));
    }

    @AfterEach
    void close() throws SQLException {
        st.close();
        conn.close();
    }

    private String value(String expression) throws SQLException {
        try (Statement one = conn.createStatement();
             ResultSet rs = one.executeQuery("SELECT CAST(" + expression + " AS VARCHAR)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void sharesAreExactToTenDecimalsHalfUpLikeTheEngine() throws SQLException {
        for (String amount : new String[] {"100.00", "0.01", "0.05", "1234.57", "999999.99", "0.00", "187.08"}) {
            for (int covered = 1; covered <= 9; covered++) {
                long units = Money.shareUnits(Money.cents(new BigDecimal(amount)), covered);
                assertThat(value("share_of(CAST('" + amount + "' AS DECIMAL(18,2)), " + covered + ")"))
                        .as(amount + " / " + covered).isEqualTo(BigDecimal.valueOf(units, 10).toPlainString());
            }
        }
        // summed exactly, rounded once HALF_UP: three thirds of 100.00 are 100.00, three thirds of 0.05 are 0.05
        assertThat(value("yuan(3 * share_of(CAST(100 AS DECIMAL(18,2)), 3))")).isEqualTo("100.00");
        assertThat(value("yuan(share_of(CAST(0.05 AS DECIMAL(18,2)), 2))")).isEqualTo("0.03"); // 0.025 HALF_UP
        assertThat(value("yuan(share_of(CAST(0.01 AS DECIMAL(18,2)), 2))")).isEqualTo("0.01"); // 0.005 HALF_UP
    }

    @Test
    void monthsPeriodAndWindow() throws SQLException {
        assertThat(value("ym(month_parse('2026-10'))")).isEqualTo("2026-10");
        assertThat(value("ym(month_parse('2026-01') - 1)")).isEqualTo("2025-12");
        assertThat(value("ym(w_from())")).isEqualTo("2025-11");
        assertThatThrownBy(() -> value("month_parse('202610')")).hasMessageContaining("not a month");
        assertThatThrownBy(() -> value("month_parse('2026-13')")).hasMessageContaining("not a month");
        assertThat(value("end_of_p()")).isEqualTo("2026-10-31");
        assertThat(value("w_first_day()")).isEqualTo("2025-11-01");
    }

    @Test
    void idNumbersAreNormalisedAsTheContractDoes() throws SQLException {
        assertThat(value("id_norm('11010519491231002x')")).isEqualTo("11010519491231002X");
        // a 15-digit number: century 19 and its check digit (the contract's IdNumbers says the same)
        assertThat(value("id_norm('371526581213143')"))
                .isEqualTo(sunshine.contract.IdNumbers.upgrade15("371526581213143"));
        assertThat(value("id_check_char('11010519491231002')")).isEqualTo("X");
    }

    @Test
    void regionsPrefixByWholeSegments() throws SQLException {
        assertThat(value("region_covers('371526100000', '371526100001')")).isEqualTo("true");
        assertThat(value("region_covers('371526100000', '371526101001')")).isEqualTo("false");
        assertThat(value("region_covers('371510000000', '371511001001')")).isEqualTo("false");
        assertThat(value("region_covers('370000000000', '371511001001')")).isEqualTo("true");
        assertThat(value("region_covers('000000000000', '371511001001')")).isEqualTo("true");
        assertThat(value("region_norm('371526')")).isEqualTo("371526000000");
        assertThat(value("town_of('371526101007')")).isEqualTo("371526101000");
    }

    @Test
    void robustZ() throws SQLException {
        assertThat(value("list_median([4.0, 1.0, 3.0, 2.0])")).isEqualTo("2.5");
        assertThat(value("list_median([5.0, 1.0, 3.0])")).isEqualTo("3.0");
        assertThat(value("list_mad([1.0, 2.0, 3.0, 4.0, 100.0])")).isEqualTo("1.0");
        // MAD 0: 1.2533 x the mean absolute deviation; that 0 too: no z
        double[] xs = {1.0, 1.0, 1.0, 1.0, 10.0};
        double mean = java.util.Arrays.stream(xs).average().orElseThrow(); // as TownIndicator.stats
        double deviation = java.util.Arrays.stream(xs).map(v -> Math.abs(v - mean)).average().orElseThrow();
        assertThat(Double.parseDouble(value("robust_z(10.0, [1.0, 1.0, 1.0, 1.0, 10.0])")))
                .isEqualTo((10.0 - 1.0) / (1.2533 * deviation));
        assertThat(value("robust_z(1.0, [1.0, 1.0, 1.0])")).isNull();
    }
}
