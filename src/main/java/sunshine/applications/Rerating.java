package sunshine.applications;

import java.math.BigDecimal;

/**
 * An enrollment's amount against a new standard (保障标准调整).
 *
 * @param enrollmentId the enrollment
 * @param program      its program
 * @param oldAmount    its amount before
 * @param newAmount    the amount by the month's standard (C02's expected amount)
 * @param formula      the calculation in figures
 * @param applied      whether the enrollment now has the new amount
 * @param note         why not, when it was not applied
 */
public record Rerating(String enrollmentId, String program, BigDecimal oldAmount, BigDecimal newAmount,
                       String formula, boolean applied, String note) {
}
