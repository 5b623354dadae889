package sunshine.disclosure;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.contract.IdNumbers;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * A small county written straight into the registry tables: two towns, three villages, households whose names have
 * two, three and four characters and a minority name with ·, with every kind of data a notice must never show
 * (ID numbers, a phone number in an address, bank cards, incomes, household and enrollment keys).
 */
final class NoticeFixture {

    static final String PROVINCE = "370000000000";
    static final String CITY = "371500000000";
    static final String COUNTY = "371526000000";
    static final String TOWN = "371526100000";
    static final String OTHER_TOWN = "371526101000";
    static final String VILLAGE = "371526100001";
    static final String VILLAGE_2 = "371526100002";
    static final String OTHER_VILLAGE = "371526101001";

    static final Actor TOWN_STAFF = new Actor("town.zhao", "鱼邱湖街道 赵强", Role.TOWN, TOWN);
    static final Actor OTHER_TOWN_STAFF = new Actor("town.qian", "人和街道 钱进", Role.TOWN, OTHER_TOWN);
    static final Actor COUNTY_STAFF = new Actor("county.li", "县民政局 李明", Role.COUNTY, COUNTY);
    static final Actor VILLAGE_STAFF = new Actor("village.feng", "村委会 冯涛", Role.VILLAGE, VILLAGE);
    static final Actor AUDITOR = new Actor("audit.zheng", "县审计局 郑敏", Role.AUDIT, COUNTY);
    static final Actor ADMIN = new Actor("admin", "管理员", Role.ADMIN, PROVINCE);

    // ID numbers with valid check digits
    static final String ZHANG = id("37152619700101001");   // 张伟: head and payee, E1
    static final String ZHANG_WIFE = id("37152619720202002"); // 李秀英: covered by E1
    static final String OUYANG = id("37152619450505005");  // 欧阳娜仁: E2 TEKUN
    static final String AYGUL = id("37152619800606006");   // 阿依古丽·买买提: E3
    static final String AYGUL_SON = id("37152620100707007");
    static final String AYGUL_DAUGHTER = id("37152620120808008");
    static final String WANG = id("37152619500303003");    // 王建国: payee of the orphan E4
    static final String WANG_GRANDSON = id("37152620120404004"); // 王小明: the orphan
    static final String SUN = id("37152619600909009");     // 孙丽华: SUSPENDED E5
    static final String ZHAO = id("37152619551010010");    // 赵六: other town E6

    static final String PHONE = "13800138000";
    static final String ADDRESS = "新华路1号3单元502室";
    static final List<String> CARDS = List.of("6228480001234567", "6228480007654321");
    static final List<String> FULL_NAMES = List.of("张伟", "李秀英", "欧阳娜仁", "阿依古丽·买买提", "王建国", "王小明",
            "孙丽华", "赵六");
    static final List<String> INCOMES = List.of("310.55", "123.45");

    private final JdbcTemplate jdbc;
    private long row;

    NoticeFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String id(String first17) {
        return IdNumbers.withCheckDigit(first17);
    }

    /** Every ID number of the fixture. */
    static List<String> idNumbers() {
        return List.of(ZHANG, ZHANG_WIFE, OUYANG, AYGUL, AYGUL_SON, AYGUL_DAUGHTER, WANG, WANG_GRANDSON, SUN, ZHAO);
    }

    /**
     * Empties the registry, the notices (publications only by TRUNCATE: PostgreSQL refuses DELETE) and the audit
     * record (a fresh chain: only a test may do this).
     */
    static void clear(JdbcTemplate jdbc) {
        TestDatabases.clear(jdbc);
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("UPDATE audit_head SET last_seq = 0, last_hash = ? WHERE id = 1", "0".repeat(64));
        jdbc.execute("TRUNCATE TABLE notice_publication");
        jdbc.update("DELETE FROM notice_key");
    }

    NoticeFixture write() {
        region(PROVINCE, "山东省", "PROVINCE", null);
        region(CITY, "聊城市", "CITY", PROVINCE);
        region(COUNTY, "高唐县", "COUNTY", CITY);
        region(TOWN, "鱼邱湖街道", "TOWN", COUNTY);
        region(OTHER_TOWN, "人和街道", "TOWN", COUNTY);
        region(VILLAGE, "新华社区", "VILLAGE", TOWN);
        region(VILLAGE_2, "东关村", "VILLAGE", TOWN);
        region(OTHER_VILLAGE, "西街村", "VILLAGE", OTHER_TOWN);

        household("H001", VILLAGE, ADDRESS + " 电话" + PHONE, ZHANG);
        person(ZHANG, "张伟", "H001");
        person(ZHANG_WIFE, "李秀英", "H001");
        household("H002", VILLAGE, "新华路2号", OUYANG);
        person(OUYANG, "欧阳娜仁", "H002");
        household("H003", VILLAGE, "新华路3号", AYGUL);
        person(AYGUL, "阿依古丽·买买提", "H003");
        person(AYGUL_SON, "艾力·买买提", "H003");
        person(AYGUL_DAUGHTER, "古丽·买买提", "H003");
        household("H004", VILLAGE, "新华路4号", WANG);
        person(WANG, "王建国", "H004");
        person(WANG_GRANDSON, "王小明", "H004");
        household("H005", VILLAGE, "新华路5号", SUN);
        person(SUN, "孙丽华", "H005");
        household("H006", OTHER_VILLAGE, "西街6号", ZHAO);
        person(ZHAO, "赵六", "H006");

        enrollment("E001", "DIBAO_URBAN", "H001", ZHANG, "ACTIVE", "1240.00", INCOMES.get(0), ZHANG, ZHANG_WIFE);
        enrollment("E002", "TEKUN", "H002", OUYANG, "ACTIVE", "980.50", null, OUYANG);
        enrollment("E003", "DIBAO_URBAN", "H003", AYGUL, "ACTIVE", "1860.00", INCOMES.get(1), AYGUL, AYGUL_SON,
                AYGUL_DAUGHTER);
        enrollment("E004", "ORPHAN", "H004", WANG, "ACTIVE", "1500.00", null, WANG_GRANDSON);
        enrollment("E005", "DIBAO_URBAN", "H005", SUN, "SUSPENDED", "700.00", "88.00", SUN);
        enrollment("E006", "DIBAO_RURAL", "H006", ZHAO, "ACTIVE", "650.00", "99.00", ZHAO);

        card(CARDS.get(0), ZHANG, "张伟");
        card(CARDS.get(1), AYGUL, "阿依古丽·买买提");
        return this;
    }

    void region(String code, String name, String level, String parent) {
        jdbc.update("INSERT INTO regions (code, name, level, parent_code, population, import_id, source_row) "
                + "VALUES (?, ?, ?, ?, NULL, 1, ?)", code, name, level, parent, ++row);
    }

    void household(String id, String village, String address, String head) {
        jdbc.update("INSERT INTO households (household_id, region_code, address, head_id_no, urban_rural, import_id, "
                + "source_row) VALUES (?, ?, ?, ?, 'URBAN', 1, ?)", id, village, address, head, ++row);
    }

    void person(String idNo, String name, String household) {
        jdbc.update("INSERT INTO persons (id_no, name, gender, birth_date, household_id, relation, disability_level, "
                + "import_id, source_row) VALUES (?, ?, NULL, NULL, ?, NULL, NULL, 1, ?)", idNo, name, household, ++row);
    }

    void enrollment(String id, String program, String household, String payee, String status, String amount,
                    String income, String... members) {
        jdbc.update("INSERT INTO enrollments (enrollment_id, program, household_id, payee_id_no, status, approved_date, "
                        + "start_month, end_month, monthly_amount, per_capita_income, approver_id_no, "
                        + "investigator_id_no, import_id, source_row) VALUES (?, ?, ?, ?, ?, DATE '2026-01-15', "
                        + "'2026-02', NULL, ?, ?, NULL, NULL, 1, ?)", id, program, household, payee, status,
                new java.math.BigDecimal(amount), income == null ? null : new java.math.BigDecimal(income), ++row);
        for (String m : members) {
            member(id, m);
        }
    }

    void member(String enrollment, String idNo) {
        jdbc.update("INSERT INTO enrollment_members (enrollment_id, id_no, import_id, source_row) VALUES (?, ?, 1, ?)",
                enrollment, idNo, ++row);
    }

    void card(String cardNo, String holder, String name) {
        jdbc.update("INSERT INTO cards (card_no, bank, holder_id_no, holder_name, opened_date, status, purpose, "
                + "custodian_id_no, import_id, source_row) VALUES (?, '农业银行', ?, ?, NULL, 'ACTIVE', NULL, NULL, 1, ?)",
                cardNo, holder, name, ++row);
    }

    void setStatus(String enrollment, String status) {
        jdbc.update("UPDATE enrollments SET status = ? WHERE enrollment_id = ?", status, enrollment);
    }

    void setAmount(String enrollment, String amount) {
        jdbc.update("UPDATE enrollments SET monthly_amount = ? WHERE enrollment_id = ?",
                new java.math.BigDecimal(amount), enrollment);
    }

    /** Everything a notice must never show. */
    static List<String> forbidden() {
        List<String> out = new java.util.ArrayList<>(idNumbers());
        out.addAll(List.of(PHONE, ADDRESS, "新华路"));
        out.addAll(CARDS);
        out.addAll(FULL_NAMES);
        out.addAll(INCOMES);
        out.addAll(List.of("H001", "H002", "H003", "H004", "E001", "E002", "E003", "E004", "农业银行"));
        return out;
    }
}
