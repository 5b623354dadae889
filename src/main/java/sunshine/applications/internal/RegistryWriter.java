package sunshine.applications.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.applications.Application;
import sunshine.applications.ApplicationException;
import sunshine.contract.IdNumbers;
import sunshine.registry.PlatformRows;

/**
 * Writes an enrolled case into the registry tables the importer fills and the check engine reads (platform rows:
 * {@code import_id} 0, {@code source_row} from the platform sequence): the household and the members new to the
 * registry, the enrollment and its covered members, the payee's subsidy card when the registry lacks it, and the
 * RELATIVE filings of staff and their relatives.
 */
@Component
public class RegistryWriter {

    private static final String ROW = "nextval('" + PlatformRows.ROW_SEQUENCE + "')";

    private final JdbcTemplate jdbc;

    public RegistryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean householdExists(String householdId) {
        return !jdbc.queryForList("SELECT 1 FROM households WHERE household_id = ?", Integer.class, householdId)
                .isEmpty();
    }

    public boolean personExists(String idNo) {
        return !jdbc.queryForList("SELECT 1 FROM persons WHERE id_no = ?", Integer.class, idNo).isEmpty();
    }

    public void household(String householdId, String village, String address, String headIdNo, String urbanRural) {
        if (!householdExists(householdId)) {
            jdbc.update("INSERT INTO households (household_id, region_code, address, head_id_no, urban_rural, import_id, "
                    + "source_row) VALUES (?, ?, ?, ?, ?, ?, " + ROW + ")", householdId, village, address, headIdNo,
                    urbanRural, PlatformRows.IMPORT_ID);
        }
    }

    public void persons(String householdId, List<Application.MemberView> members) {
        for (Application.MemberView m : members) {
            if (!personExists(m.idNo())) {
                jdbc.update("INSERT INTO persons (id_no, name, gender, birth_date, household_id, relation, "
                        + "disability_level, import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + ROW + ")",
                        m.idNo(), m.name(), IdNumbers.gender(m.idNo()), IdNumbers.birthDate(m.idNo()), householdId,
                        m.relation(), m.disabilityLevel() == null ? null : (long) m.disabilityLevel(),
                        PlatformRows.IMPORT_ID);
            }
        }
    }

    public void enrollment(String enrollmentId, String program, String householdId, String payeeIdNo,
                           LocalDate approvedDate, YearMonth startMonth, BigDecimal amount, BigDecimal perCapitaIncome,
                           String approverIdNo, String investigatorIdNo, List<String> covered) {
        jdbc.update("INSERT INTO enrollments (enrollment_id, program, household_id, payee_id_no, status, approved_date, "
                + "start_month, end_month, monthly_amount, per_capita_income, approver_id_no, investigator_id_no, "
                + "import_id, source_row) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, NULL, ?, ?, ?, ?, ?, " + ROW + ")",
                enrollmentId, program, householdId, payeeIdNo, approvedDate, startMonth.toString(), amount,
                perCapitaIncome, approverIdNo, investigatorIdNo, PlatformRows.IMPORT_ID);
        for (String idNo : covered) {
            jdbc.update("INSERT INTO enrollment_members (enrollment_id, id_no, import_id, source_row) VALUES (?, ?, ?, "
                    + ROW + ")", enrollmentId, idNo, PlatformRows.IMPORT_ID);
        }
    }

    /**
     * Links the payee's subsidy card: a card number the registry does not know is registered (ACTIVE, SUBSIDY, held
     * by the payee); a known one must be the payee's ACTIVE subsidy card. Without a card number the payee must
     * already hold one.
     */
    public void card(String cardNo, String bank, String payeeIdNo, String payeeName, LocalDate today) {
        if (cardNo == null || cardNo.isBlank()) {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cards WHERE holder_id_no = ? AND status = 'ACTIVE' "
                    + "AND (purpose IS NULL OR purpose = 'SUBSIDY')", Integer.class, payeeIdNo);
            if (n == null || n == 0) {
                throw ApplicationException.invalid("领款人没有有效的一卡通，请在申请中登记卡号",
                        "the payee holds no active subsidy card: give the card number on the application");
            }
            return;
        }
        List<String[]> known = jdbc.query("SELECT holder_id_no, status, purpose FROM cards WHERE card_no = ?",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, cardNo);
        if (known.isEmpty()) {
            if (bank == null || bank.isBlank()) {
                throw ApplicationException.invalid("登记新卡须写明开户行", "a new card needs its bank");
            }
            jdbc.update("INSERT INTO cards (card_no, bank, holder_id_no, holder_name, opened_date, status, purpose, "
                    + "custodian_id_no, import_id, source_row) VALUES (?, ?, ?, ?, ?, 'ACTIVE', 'SUBSIDY', NULL, ?, "
                    + ROW + ")", cardNo, bank, payeeIdNo, payeeName, today, PlatformRows.IMPORT_ID);
            return;
        }
        String[] k = known.get(0);
        if (!payeeIdNo.equals(k[0]) || !"ACTIVE".equals(k[1]) || (k[2] != null && !"SUBSIDY".equals(k[2]))) {
            throw ApplicationException.invalid("卡号" + cardNo + "不是领款人本人的有效一卡通",
                    "card " + cardNo + " is not the payee's own active subsidy card");
        }
    }

    /** A RELATIVE filing (备案) of a covered member and the staff member they are related to (or who they are). */
    public void filing(String filingId, String memberIdNo, String staffIdNo, LocalDate date, String level) {
        jdbc.update("INSERT INTO filings (filing_id, kind, subject_id_no, related_id_no, card_no, filed_date, "
                + "filed_level, import_id, source_row) VALUES (?, 'RELATIVE', ?, ?, NULL, ?, ?, ?, " + ROW + ")",
                filingId, memberIdNo, staffIdNo, date, level, PlatformRows.IMPORT_ID);
    }
}
