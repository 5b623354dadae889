package sunshine.supervision;

/**
 * One row of a reporting table.
 *
 * @param level      COUNTY, CITY, PROVINCE or TOTAL
 * @param regionCode the region (12 digits), null for TOTAL
 * @param rule       the problem type (rule code, COMPLAINT, OTHER), null for all types
 * @param ruleName   its name, when known
 */
public record ReportRow(String level, String regionCode, String rule, String ruleName, Figures figures) {
}
