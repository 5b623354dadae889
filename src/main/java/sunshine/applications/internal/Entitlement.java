package sunshine.applications.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.security.Actor;

/**
 * The monthly amount as rules.md C02 computes it, with the standard chosen as docs/rules-interpretation.md says:
 * among the program's {@code standards} rows whose region code (trailing zero segments ignored) is a prefix of the
 * household's village, whose urban_rural is the household's or empty and whose effective_month is not after the
 * month: the longest prefix, then the latest effective month, then an exact urban_rural before an empty one.
 * <ul>
 *   <li>DIBAO_URBAN, DIBAO_RURAL: per-capita income = household income ÷ covered members (to the cent, half up);
 *       amount = max(0, standard − per-capita income) × covered</li>
 *   <li>TEKUN, ORPHAN, DISABILITY_LIVING, DISABILITY_CARE: standard × covered (one person)</li>
 * </ul>
 * The C02 rule of the check engine then finds nothing to say about an amount computed here.
 */
@Component
public class Entitlement {

    /** A standards row. */
    public record Standard(String regionCode, String urbanRural, YearMonth effectiveMonth, BigDecimal monthlyStandard) {
    }

    /**
     * A computed amount and how.
     *
     * @param program         the program
     * @param regionCode      the household's village
     * @param urbanRural      URBAN or RURAL
     * @param month           the month whose standard applies (the first month paid)
     * @param standard        the standards row used
     * @param householdIncome the household's monthly income (means-tested programs), or null
     * @param covered         covered members
     * @param perCapitaIncome household income ÷ covered (DIBAO), or null
     * @param formula         the calculation in figures
     * @param amount          the monthly amount
     */
    public record Calculation(String program, String regionCode, String urbanRural, YearMonth month,
                              Standard standard, BigDecimal householdIncome, int covered, BigDecimal perCapitaIncome,
                              String formula, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;

    public Entitlement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Standard> standard(String program, String regionCode, String urbanRural, YearMonth month) {
        return choose(standards(program), regionCode, urbanRural, month);
    }

    /** The standards rows of a program (read once for many households). */
    public List<Standard> standards(String program) {
        return jdbc.query("SELECT region_code, urban_rural, effective_month, monthly_standard FROM standards "
                        + "WHERE program = ?", (rs, i) -> new Standard(rs.getString(1), rs.getString(2),
                YearMonth.parse(rs.getString(3).strip()), rs.getBigDecimal(4)), program);
    }

    /** The row that applies among a program's rows (see the class comment), or empty. */
    public static Optional<Standard> choose(List<Standard> rows, String regionCode, String urbanRural,
                                            YearMonth month) {
        return rows.stream()
                .filter(s -> !s.effectiveMonth().isAfter(month))
                .filter(s -> regionCode.startsWith(Actor.prefixOf(s.regionCode())))
                .filter(s -> s.urbanRural() == null || s.urbanRural().equals(urbanRural))
                .max(Comparator.<Standard>comparingInt(s -> Actor.prefixOf(s.regionCode()).length())
                        .thenComparing(Standard::effectiveMonth)
                        .thenComparing(s -> s.urbanRural() != null));
    }

    /** The amount for a household, or empty when no standard applies. */
    public Optional<Calculation> compute(String program, String regionCode, String urbanRural, YearMonth month,
                                        BigDecimal householdIncome, int covered) {
        BigDecimal income = householdIncome == null ? BigDecimal.ZERO : householdIncome;
        return compute(program, regionCode, urbanRural, month, income.setScale(2, RoundingMode.HALF_UP),
                income.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP), covered);
    }

    /**
     * The amount of an enrollment from its recorded per-capita income (empty: 0), as C02 computes it; empty when no
     * standard applies.
     */
    public Optional<Calculation> computeForPerCapita(List<Standard> rows, String program, String regionCode,
                                                     String urbanRural, YearMonth month, BigDecimal perCapitaIncome,
                                                     int covered) {
        BigDecimal pci = perCapitaIncome == null ? BigDecimal.ZERO.setScale(2) : perCapitaIncome;
        return calculate(choose(rows, regionCode, urbanRural, month), program, regionCode, urbanRural, month, null,
                pci, covered);
    }

    private Optional<Calculation> compute(String program, String regionCode, String urbanRural, YearMonth month,
                                          BigDecimal income, BigDecimal pci, int covered) {
        return calculate(standard(program, regionCode, urbanRural, month), program, regionCode, urbanRural, month,
                income, pci, covered);
    }

    private static Optional<Calculation> calculate(Optional<Standard> standard, String program, String regionCode,
                                                   String urbanRural, YearMonth month, BigDecimal income,
                                                   BigDecimal pci, int covered) {
        return standard.map(s -> {
            BigDecimal std = s.monthlyStandard().setScale(2);
            if (program.startsWith("DIBAO")) {
                BigDecimal topUp = std.subtract(pci).max(BigDecimal.ZERO);
                BigDecimal amount = topUp.multiply(BigDecimal.valueOf(covered)).setScale(2, RoundingMode.HALF_UP);
                String formula = "max(0, " + std.toPlainString() + " − " + pci.toPlainString() + ") × " + covered
                        + " = " + amount.toPlainString();
                return new Calculation(program, regionCode, urbanRural, month, s, income, covered, pci, formula,
                        amount);
            }
            BigDecimal amount = std.multiply(BigDecimal.valueOf(covered)).setScale(2, RoundingMode.HALF_UP);
            return new Calculation(program, regionCode, urbanRural, month, s, income, covered, null,
                    std.toPlainString() + " × " + covered + " = " + amount.toPlainString(), amount);
        });
    }

    /** The calculation as the JSON the application shows. */
    public static Map<String, Object> describe(Calculation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", c.program());
        m.put("regionCode", c.regionCode());
        m.put("urbanRural", c.urbanRural());
        m.put("month", c.month().toString());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regionCode", c.standard().regionCode());
        s.put("urbanRural", c.standard().urbanRural());
        s.put("effectiveMonth", c.standard().effectiveMonth().toString());
        s.put("monthlyStandard", c.standard().monthlyStandard().setScale(2).toPlainString());
        m.put("standard", s);
        m.put("householdIncome", c.householdIncome() == null ? null : c.householdIncome().toPlainString());
        m.put("covered", c.covered());
        m.put("perCapitaIncome", c.perCapitaIncome() == null ? null : c.perCapitaIncome().toPlainString());
        m.put("formula", c.formula());
        m.put("amount", c.amount().toPlainString());
        return m;
    }
}
