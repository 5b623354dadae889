package sunshine.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.contract.IdNumbers;
import sunshine.registry.TestDatabases;

import static sunshine.benefits.BenefitTestConfig.COUNTY;
import static sunshine.benefits.BenefitTestConfig.TOWN_1;
import static sunshine.benefits.BenefitTestConfig.TOWN_2;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_2;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_3;

/** Small registry fixtures written straight into the tables (as an import would leave them, import_id 1). */
public final class RegistryFixture {

    private final JdbcTemplate jdbc;
    private long row;

    public RegistryFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every registry table and the benefit tables. */
    public static void clear(JdbcTemplate jdbc) {
        for (String t : new String[]{"payment_batch_event", "payment_receipt_file", "payment_batch_clue",
                "payment_export", "payroll_claim", "payment_batch_exception", "payment_batch_line", "payment_batch",
                "application_event", "application_notice", "application_visit", "application_finding",
                "application_staff_link", "application_member", "application_open", "application",
                "enrollment_review", "enrollment_profile"}) {
            jdbc.update("DELETE FROM " + t);
        }
        TestDatabases.clear(jdbc);
    }

    /** A valid ID number: born on the day, sequence 001-999. */
    public static String id(LocalDate birth, int seq) {
        return IdNumbers.withCheckDigit("371526" + birth.toString().replace("-", "") + String.format("%03d", seq));
    }

    /** Shandong, Liaocheng, Gaotang with two towns and three villages; another county. */
    public RegistryFixture regions() {
        region("370000000000", "山东省", "PROVINCE", null);
        region("371500000000", "聊城市", "CITY", "370000000000");
        region(COUNTY, "高唐县", "COUNTY", "371500000000");
        region("371525000000", "冠县", "COUNTY", "371500000000");
        region(TOWN_1, "鱼邱湖街道", "TOWN", COUNTY);
        region(TOWN_2, "汇鑫街道", "TOWN", COUNTY);
        region(VILLAGE_1, "一村", "VILLAGE", TOWN_1);
        region(VILLAGE_2, "二村", "VILLAGE", TOWN_1);
        region(VILLAGE_3, "三村", "VILLAGE", TOWN_2);
        return this;
    }

    public RegistryFixture region(String code, String name, String level, String parent) {
        jdbc.update("INSERT INTO regions (code, name, level, parent_code, population, import_id, source_row) "
                + "VALUES (?, ?, ?, ?, 10000, 1, ?)", code, name, level, parent, ++row);
        return this;
    }

    public RegistryFixture standard(String region, String program, String urbanRural, String month, String amount) {
        jdbc.update("INSERT INTO standards (region_code, program, urban_rural, effective_month, monthly_standard, "
                + "import_id, source_row) VALUES (?, ?, ?, ?, ?, 1, ?)", region, program, urbanRural, month,
                new BigDecimal(amount), ++row);
        return this;
    }

    /** The county's standards: rural and urban minimum living guarantee, extreme poverty, orphans, disability. */
    public RegistryFixture standards() {
        standard(COUNTY, "DIBAO_RURAL", "RURAL", "2025-01", "600.00");
        standard(COUNTY, "DIBAO_URBAN", "URBAN", "2025-01", "890.00");
        standard(COUNTY, "TEKUN", null, "2025-01", "1000.00");
        standard(COUNTY, "ORPHAN", null, "2025-01", "1200.00");
        standard(COUNTY, "DISABILITY_LIVING", null, "2025-01", "105.00");
        standard(COUNTY, "DISABILITY_CARE", null, "2025-01", "125.00");
        return this;
    }

    public RegistryFixture household(String id, String village, String head, String urbanRural) {
        jdbc.update("INSERT INTO households (household_id, region_code, address, head_id_no, urban_rural, import_id, "
                + "source_row) VALUES (?, ?, '某街1号', ?, ?, 1, ?)", id, village, head, urbanRural, ++row);
        return this;
    }

    public RegistryFixture person(String idNo, String name, String household, String relation) {
        jdbc.update("INSERT INTO persons (id_no, name, gender, birth_date, household_id, relation, disability_level, "
                + "import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?)", idNo, name, IdNumbers.gender(idNo),
                IdNumbers.birthDate(idNo), household, relation, ++row);
        return this;
    }

    public RegistryFixture enrollment(String id, String program, String household, String payee, String status,
                                      LocalDate approved, String start, String amount, String pci) {
        jdbc.update("INSERT INTO enrollments (enrollment_id, program, household_id, payee_id_no, status, approved_date, "
                + "start_month, end_month, monthly_amount, per_capita_income, approver_id_no, investigator_id_no, "
                + "import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, 1, ?)", id, program,
                household, payee, status, approved, start, new BigDecimal(amount), pci == null ? null
                        : new BigDecimal(pci), ++row);
        return this;
    }

    public RegistryFixture member(String enrollment, String idNo) {
        jdbc.update("INSERT INTO enrollment_members (enrollment_id, id_no, import_id, source_row) VALUES (?, ?, 1, ?)",
                enrollment, idNo, ++row);
        return this;
    }

    public RegistryFixture card(String cardNo, String holder, String holderName, String status) {
        jdbc.update("INSERT INTO cards (card_no, bank, holder_id_no, holder_name, opened_date, status, purpose, "
                + "custodian_id_no, import_id, source_row) VALUES (?, '高唐县农村商业银行', ?, ?, DATE '2020-01-01', ?, "
                + "NULL, NULL, 1, ?)", cardNo, holder, holderName, status, ++row);
        return this;
    }

    public RegistryFixture staff(String idNo, String name, String role, String region, String level) {
        jdbc.update("INSERT INTO staff (id_no, name, role, region_code, level, active_from, active_to, import_id, "
                + "source_row) VALUES (?, ?, ?, ?, ?, DATE '2015-01-01', NULL, 1, ?)", idNo, name, role, region, level,
                ++row);
        return this;
    }

    public RegistryFixture relative(String staffIdNo, String relativeIdNo, String relation) {
        jdbc.update("INSERT INTO staff_relatives (staff_id_no, relative_id_no, relation, import_id, source_row) "
                + "VALUES (?, ?, ?, 1, ?)", staffIdNo, relativeIdNo, relation, ++row);
        return this;
    }

    public RegistryFixture death(String idNo, LocalDate date) {
        jdbc.update("INSERT INTO deaths (id_no, name, death_date, source, import_id, source_row) "
                + "VALUES (?, NULL, ?, 'POLICE', 1, ?)", idNo, date, ++row);
        return this;
    }

    /**
     * A household with one payee/head and {@code covered} covered members (the head first), enrolled ACTIVE, with
     * the head's subsidy card {@code card} (null: no card). Returns the head's ID.
     */
    public String enrolledHousehold(String enrollmentId, String program, String village, int covered, String amount,
                                    String card, int seq) {
        String hh = "H" + enrollmentId.substring(1);
        String head = id(LocalDate.of(1950, 1, 1).plusDays(seq), seq % 900 + 1);
        household(hh, village, head, program.equals("DIBAO_URBAN") ? "URBAN" : "RURAL");
        person(head, "户主" + seq, hh, "HEAD");
        enrollment(enrollmentId, program, hh, head, "ACTIVE", LocalDate.of(2025, 3, 10), "2025-04", amount,
                program.startsWith("DIBAO") ? "100.00" : null);
        member(enrollmentId, head);
        for (int i = 1; i < covered; i++) {
            String m = id(LocalDate.of(1980, 1, 1).plusDays(seq * 7L + i), (seq + i) % 900 + 1);
            person(m, "成员" + seq + "-" + i, hh, "CHILD");
            member(enrollmentId, m);
        }
        if (card != null) {
            card(card, head, "户主" + seq, "ACTIVE");
        }
        return head;
    }
}
