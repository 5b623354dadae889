package sunshine.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.applications.Application;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.applications.NewApplication;
import sunshine.applications.Requests;
import sunshine.applications.ReviewItem;
import sunshine.applications.ReviewRecord;
import sunshine.applications.Reviews;
import sunshine.benefits.BenefitTestConfig;
import sunshine.benefits.RegistryFixture;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.checks.RuleInfo;
import sunshine.contract.DataContract;
import sunshine.contract.DatasetWriter;
import sunshine.contract.IdNumbers;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportService;
import sunshine.registry.RegistrySources;
import sunshine.registry.TestDatabases;
import sunshine.scenario.GenerateCommand;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * Done, for issue 6: a generated county (3,000 covered persons, imported through the ordinary importer) runs twelve
 * months of applications and payments through the platform — every month each town's batch is generated,
 * confirmed (one town uploads its own list), pre-checked, approved, exported, reconciled with the bank's receipts,
 * failed payments re-issued; every month new households apply and go through the three reviews and notices to
 * enrollment — and the payments the platform produced pass the cross-check: the C-rules of the engine, run on the
 * database at the twelfth month, find nothing but what the scenario injected and what this test injects on purpose
 * (a failure the county never re-issues, a bank paying another amount). Abstract: H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(BenefitTestConfig.class)
abstract class BenefitYearTest {

    static final YearMonth FIRST = YearMonth.of(2026, 11);
    static final int MONTHS = 12;
    static final Actor COUNTY = new Actor("county1", "县民政局 李明", Role.COUNTY, "371526000000");
    static final String APPROVER = IdNumbers.withCheckDigit("37010219700707013");

    private static Path county;

    @Autowired
    ImportService imports;
    @Autowired
    PaymentCycle payments;
    @Autowired
    Applications applications;
    @Autowired
    Reviews reviews;
    @Autowired
    RegistrySources sources;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BenefitTestConfig.MutableClock clock;
    @TempDir
    Path tmp;

    /** What this test injects on purpose: rule → subjects. */
    private final Map<String, Set<String>> injected = new LinkedHashMap<>();
    private final List<String> suspended = new ArrayList<>();
    private int people;

    static synchronized Path county() {
        if (county == null) {
            Path dir = TestDatabases.newDataDir().resolve("county");
            assertThat(GenerateCommand.run("--scale", "county", "--seed", "1", "--covered", "3000", "--out",
                    dir.toString())).isZero();
            county = dir;
        }
        return county;
    }

    @Test
    void aYearOfApplicationsAndPaymentsPassesTheCrossCheck() throws IOException {
        RegistryFixture.clear(jdbc);
        ImportResult imported = imports.importFolder(county(), "tester");
        assertThat(imported.accepted()).as("import: %s", imported.message()).isTrue();
        List<String> towns = jdbc.queryForList("SELECT code FROM regions WHERE level = 'TOWN' AND code LIKE '371526%' "
                + "ORDER BY code", String.class);
        List<String> villages = jdbc.queryForList("SELECT code FROM regions WHERE level = 'VILLAGE' AND code LIKE "
                + "'371526%' ORDER BY code", String.class);
        assertThat(towns).hasSizeGreaterThan(5);

        List<String> enrolled = new ArrayList<>();
        Map<String, YearMonth> startOf = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth m = FIRST.plusMonths(i);
            System.out.printf("[year] %s at %.1f s%n", m, (System.nanoTime() - started) / 1e9);
            List<String> cases = new ArrayList<>();
            for (int day = 1; day <= 25; day++) {
                clock.setDay(m.atDay(day));
                payDay(m, day, towns);
                if (day == 1) {
                    cases.add(applyNew(villages.get((2 * i) % villages.size()), "DIBAO_RURAL", i));
                    cases.add(applyNew(villages.get((2 * i + 7) % villages.size()), i % 2 == 0 ? "TEKUN" : "ORPHAN",
                            i));
                    if (i == 2) {
                        cases.add(applyRelative());
                    }
                }
                for (String id : cases) {
                    advance(id, i == 3 && id.equals(cases.get(0)));
                }
                if (i == 5 && day == 20) {
                    reviewSome();
                }
            }
            for (String id : cases) {
                Application a = applications.get(COUNTY, id);
                assertThat(a.status()).as("%s by the end of %s", id, m).isEqualTo(ApplicationStatus.ENROLLED);
                enrolled.add(a.enrollmentId());
                startOf.put(a.enrollmentId(), a.startMonth());
            }
        }

        // every enrolled case is paid from its start month on, once a month
        for (String e : enrolled) {
            List<String> periods = jdbc.queryForList("SELECT DISTINCT period FROM payments WHERE enrollment_id = ? "
                    + "ORDER BY period", String.class, e).stream().map(String::strip).toList();
            YearMonth start = startOf.get(e);
            if (!start.isAfter(FIRST.plusMonths(MONTHS - 1))) {
                assertThat(periods).as(e).isNotEmpty();
                assertThat(periods.get(0)).as(e).isEqualTo(start.toString());
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE import_id = 0", Integer.class))
                .isGreaterThan(MONTHS * 1000);

        // the cross-check at the twelfth month: no C-rule clue but the injected ones
        CheckEngine engine = CheckEngine.standard();
        Set<String> cRules = engine.rules().stream().map(RuleInfo::code).filter(c -> c.startsWith("C"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(cRules).contains("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09");
        CheckEngine c = engine.only(cRules);
        CheckResult result;
        try (CheckSource db = sources.open()) {
            result = c.run(db, FIRST.plusMonths(MONTHS - 1), c.defaultParameters());
        }
        Set<String> allowed = new HashSet<>();
        for (String line : Files.readAllLines(county().resolve("ground_truth.csv")).subList(1, Files.readAllLines(
                county().resolve("ground_truth.csv")).size())) {
            String[] f = line.split(",", 3);
            if (f[0].startsWith("C")) {
                allowed.add(f[0] + "|" + f[1]);
            }
        }
        injected.forEach((rule, subjects) -> subjects.forEach(s -> allowed.add(rule + "|" + s)));
        List<String> unexpected = result.clues().stream().filter(x -> !allowed.contains(x.rule() + "|" + x.subject()))
                .map(x -> x.rule() + " " + x.variant() + " " + x.subject() + " " + x.explanation()).toList();
        assertThat(unexpected).as("C-rule clues nobody injected").isEmpty();
        Set<String> found = result.clues().stream().map(x -> x.rule() + "|" + x.subject()).collect(Collectors.toSet());
        injected.forEach((rule, subjects) -> subjects.forEach(s -> assertThat(found).as("injected").contains(rule
                + "|" + s)));
        System.out.printf("[year] %d enrolled by applications, %d enrollments suspended for want of a card or as a "
                        + "duplicate person, %d payments, C-rule clues %s%n", enrolled.size(), suspended.size(),
                jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE import_id = 0", Integer.class),
                result.clues().stream().collect(Collectors.groupingBy(Clue::rule, java.util.TreeMap::new,
                        Collectors.counting())));
    }

    // ------------------------------------------------------------------ the month's payments

    private final Map<String, String> reissues = new LinkedHashMap<>();

    private void payDay(YearMonth m, int day, List<String> towns) throws IOException {
        int month = (int) java.time.temporal.ChronoUnit.MONTHS.between(FIRST, m);
        switch (day) {
            case 1 -> {
                // a new standard takes effect in 2027-01: the amounts that followed the old one follow the new one
                List<sunshine.applications.Rerating> rerated = reviews.rerate(COUNTY, m, true);
                if (m.equals(YearMonth.of(2027, 1))) {
                    assertThat(rerated).filteredOn(sunshine.applications.Rerating::applied).hasSizeGreaterThan(100);
                } else {
                    assertThat(rerated).noneMatch(sunshine.applications.Rerating::applied);
                }
                List<PaymentBatch> made = payments.generateAll(COUNTY, m);
                assertThat(made).extracting(PaymentBatch::kind).containsOnly(BatchKind.REGULAR);
            }
            case 2 -> {
                List<PaymentBatch> batches = payments.batches(COUNTY, m, BatchStatus.GENERATED, 1000);
                for (int i = 0; i < batches.size(); i++) {
                    PaymentBatch b = batches.get(i);
                    Actor town = townActor(b.townCode());
                    if (i == month % batches.size()) {
                        payments.upload(town, b.batchId(), ownList(b), "名册" + b.batchId() + ".csv");
                    } else {
                        payments.confirm(town, b.batchId());
                    }
                }
                List<String> ids = batches.stream().map(PaymentBatch::batchId).toList();
                for (PaymentBatch b : payments.precheck(COUNTY, ids)) {
                    if (b.status() == BatchStatus.BLOCKED) {
                        resolve(b);
                    }
                }
            }
            case 3 -> {
                List<String> ids = payments.batches(COUNTY, m, BatchStatus.PRECHECKED, 1000).stream()
                        .map(PaymentBatch::batchId).toList();
                assertThat(payments.approve(COUNTY, ids)).extracting(PaymentBatch::status)
                        .containsOnly(BatchStatus.APPROVED);
            }
            case 4 -> {
                for (PaymentBatch b : payments.batches(COUNTY, m, BatchStatus.APPROVED, 1000)) {
                    payments.export(COUNTY, b.batchId(), month % 2 == 0 ? "standard" : "gbk", m.atDay(5));
                }
            }
            case 6 -> {
                List<PaymentBatch> exported = payments.batches(COUNTY, m, BatchStatus.EXPORTED, 1000);
                Map<String, String> failures = new HashMap<>();
                Map<String, BigDecimal> amounts = new HashMap<>();
                List<BatchLine> all = new ArrayList<>();
                exported.forEach(b -> all.addAll(payments.lines(COUNTY, b.batchId())));
                if (month == 1) {
                    // two cards frozen: re-issued below
                    failures.put(all.get(3).paymentId(), "账户冻结");
                    failures.put(all.get(all.size() - 2).paymentId(), "卡号不存在");
                }
                if (month == 3) {
                    // a failure the county never re-issues: C08 FAILED and C06 MISSED, on purpose
                    BatchLine l = all.get(10);
                    failures.put(l.paymentId(), "户名不符");
                    injected.computeIfAbsent("C08", k -> new TreeSet<>()).add(l.paymentId());
                    injected.computeIfAbsent("C06", k -> new TreeSet<>()).add(l.enrollmentId() + "/" + m);
                }
                if (month == 5) {
                    // the bank paid ten yuan less: C08 AMOUNT, on purpose
                    BatchLine l = all.get(20);
                    amounts.put(l.paymentId(), l.amount().subtract(BigDecimal.TEN));
                    injected.computeIfAbsent("C08", k -> new TreeSet<>()).add(l.paymentId());
                }
                Reconciliation r = payments.importReceipts(COUNTY, null, receipts(all, failures, amounts, m.atDay(6)),
                        "回单" + m + ".csv");
                assertThat(r.batches()).extracting(PaymentBatch::status).containsOnly(BatchStatus.RECONCILED);
                assertThat(r.failed()).containsExactlyInAnyOrderElementsOf(failures.keySet());
                if (month == 1) {
                    for (PaymentBatch b : r.batches()) {
                        if (!payments.failedPayments(b.batchId()).isEmpty()) {
                            reissues.put(payments.reissue(COUNTY, b.batchId()).batchId(), b.townCode());
                        }
                    }
                }
            }
            case 7 -> {
                if (!reissues.isEmpty()) {
                    for (Map.Entry<String, String> r : reissues.entrySet()) {
                        payments.confirm(townActor(r.getValue()), r.getKey());
                    }
                    List<String> ids = new ArrayList<>(reissues.keySet());
                    assertThat(payments.precheck(COUNTY, ids)).extracting(PaymentBatch::status)
                            .containsOnly(BatchStatus.PRECHECKED);
                    payments.approve(COUNTY, ids);
                    List<BatchLine> lines = new ArrayList<>();
                    for (String id : ids) {
                        payments.export(COUNTY, id, null, m.atDay(8));
                        lines.addAll(payments.lines(COUNTY, id));
                    }
                    Reconciliation r = payments.importReceipts(COUNTY, null, receipts(lines, Map.of(), Map.of(),
                            m.atDay(9)), "重发回单" + m + ".csv");
                    assertThat(r.clues()).isEmpty();
                    reissues.clear();
                }
            }
            default -> {
            }
        }
    }

    /**
     * A blocked batch: every blocking clue must be a due enrollment the platform could not list (no usable card, or a
     * person another enrollment of the program already pays); the county suspends it pending verification, the list
     * is built again and passes.
     */
    private void resolve(PaymentBatch b) {
        Map<String, String> unpaid = payments.unpaid(COUNTY, b.batchId()).stream()
                .collect(Collectors.toMap(UnpaidEnrollment::enrollmentId, UnpaidEnrollment::reason));
        for (BatchClue c : payments.clues(COUNTY, b.batchId())) {
            if (!c.blocking()) {
                continue;
            }
            if (!"MISSING".equals(c.variant()) || !unpaid.containsKey(c.enrollmentId())) {
                fail("a blocking clue the platform's list should not have: %s %s %s", c.variant(), c.subject(),
                        c.explanation());
            }
            reviews.review(COUNTY, c.enrollmentId(), new ReviewRecord.Request("SUSPEND",
                    "NO_CARD".equals(unpaid.get(c.enrollmentId())) ? "无有效一卡通，暂停发放待核实"
                            : "同一保障对象重复享受，暂停发放待核实", null, null, null));
            suspended.add(c.enrollmentId());
        }
        payments.regenerate(COUNTY, b.batchId(), "暂停无法发放的待遇后重新生成");
        payments.confirm(townActor(b.townCode()), b.batchId());
        PaymentBatch again = payments.precheck(COUNTY, b.batchId());
        assertThat(again.status()).as("%s after resolution: %s", b.batchId(), payments.clues(COUNTY, b.batchId()))
                .isEqualTo(BatchStatus.PRECHECKED);
    }

    /** The town's own list: the platform's lines, written as a GBK contract file with the contract's writer. */
    private Path ownList(PaymentBatch b) throws IOException {
        Path f = tmp.resolve("list-" + b.batchId() + ".csv");
        try (DatasetWriter w = DatasetWriter.csv(f, DataContract.standard().dataset("payroll_submissions"),
                Charset.forName("GBK"), false)) {
            for (BatchLine l : payments.lines(COUNTY, b.batchId())) {
                w.write(b.batchId(), b.townCode(), b.period(), l.enrollmentId(), l.payeeIdNo(), l.payeeName(),
                        l.amount(), l.cardNo());
            }
        }
        return f;
    }

    private Path receipts(List<BatchLine> lines, Map<String, String> failures, Map<String, BigDecimal> amounts,
                          LocalDate settled) throws IOException {
        StringBuilder sb = new StringBuilder("payment_id,card_no,amount,status,settled_date,failure_reason\r\n");
        for (BatchLine l : lines) {
            String reason = failures.get(l.paymentId());
            BigDecimal amount = amounts.getOrDefault(l.paymentId(), l.amount());
            sb.append(l.paymentId()).append(',').append(l.cardNo()).append(',').append(amount.toPlainString())
                    .append(',').append(reason == null ? "SUCCESS" : "FAILED").append(',').append(settled).append(',')
                    .append(reason == null ? "" : reason).append("\r\n");
        }
        Path f = Files.createTempFile(tmp, "receipts", ".csv");
        Files.writeString(f, sb);
        return f;
    }

    private static Actor townActor(String town) {
        return new Actor("town-" + town, "乡镇经办人 " + town, Role.TOWN, town);
    }

    // ------------------------------------------------------------------ the month's applications

    private String newId(LocalDate birth) {
        people++;
        return IdNumbers.withCheckDigit("370102" + birth.toString().replace("-", "") + String.format("%03d",
                people % 1000));
    }

    private String applyNew(String village, String program, int month) {
        String village1 = village;
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(month * 37L + people);
        String head = newId(born);
        List<NewApplication.Member> members = new ArrayList<>();
        String payee = head;
        String card = "62399" + String.format("%014d", 100_000L + people);
        BigDecimal income;
        switch (program) {
            case "DIBAO_RURAL" -> {
                String spouse = newId(born.plusYears(2));
                members.add(new NewApplication.Member(head, "申请人" + people, "HEAD", null, true));
                members.add(new NewApplication.Member(spouse, "配偶" + people, "SPOUSE", null, true));
                income = new BigDecimal("300");
            }
            case "ORPHAN" -> {
                String child = newId(LocalDate.of(2015, 3, 1).plusDays(people));
                members.add(new NewApplication.Member(head, "监护人" + people, "GRANDPARENT", null, false));
                members.add(new NewApplication.Member(child, "孤儿" + people, "GRANDCHILD", null, true));
                income = null;
            }
            default -> {
                members.add(new NewApplication.Member(head, "特困" + people, "HEAD", null, true));
                income = BigDecimal.ZERO;
            }
        }
        return applications.submit(COUNTY, new NewApplication(program, null, village1, "RURAL", "某村" + people + "号",
                head, payee, card, "高唐县农村商业银行", income, false, null, members)).applicationId();
    }

    /** A close relative of a village cadre in office, new to the registry, applies for extreme-poverty support. */
    private String applyRelative() {
        Map<String, Object> r = jdbc.queryForMap("""
                SELECT r.relative_id_no, s.region_code FROM staff_relatives r JOIN staff s ON s.id_no = r.staff_id_no
                WHERE s.level = 'VILLAGE' AND s.active_to IS NULL
                  AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id_no = r.relative_id_no)
                  AND NOT EXISTS (SELECT 1 FROM staff x WHERE x.id_no = r.relative_id_no)
                ORDER BY r.relative_id_no LIMIT 1
                """);
        String idNo = (String) r.get("relative_id_no");
        Application a = applications.submit(COUNTY, new NewApplication("TEKUN", null, (String) r.get("region_code"),
                "RURAL", "村干部亲属家", idNo, idNo, "62398" + String.format("%014d", 1L), "高唐县农村商业银行",
                BigDecimal.ZERO, false, null, List.of(new NewApplication.Member(idNo, "干部亲属", "HEAD", null, true))));
        assertThat(a.relativeCase()).isTrue();
        assertThat(a.approvalLevel().name()).isEqualTo("COUNTY");
        assertThat(a.countyVisitReason()).isEqualTo("RELATIVE");
        return a.applicationId();
    }

    /**
     * The next step of a case that is due today: the steps of one working month (accepted on the 1st, visited on
     * the 2nd, notices of seven days, approved on the 16th, enrolled on the 23rd). {@code refuseOnce}: the town
     * refuses it after the visit, the applicant appeals, the case goes on.
     */
    private void advance(String id, boolean refuseOnce) {
        Application a = applications.get(COUNTY, id);
        int day = clock.today().getDayOfMonth();
        Actor town = townActor(a.regionCode().substring(0, 9) + "000");
        switch (a.status()) {
            case APPLIED -> applications.accept(town, id);
            case CHECKED -> {
                if (day >= 2) {
                    applications.visit(town, id, new Requests.Visit(null, List.of(
                            IdNumbers.withCheckDigit("37010219800101021"), IdNumbers.withCheckDigit("37010219810202022")),
                            "入户核实，情况属实", null));
                }
            }
            case VISITED -> {
                if (refuseOnce && a.appeals() == 0) {
                    applications.reject(town, id, "子女有赡养能力");
                    applications.notifyRefusal(town, id, null);
                    applications.appeal(town, id, "子女均无固定收入");
                    return;
                }
                if (a.nextSteps().get(0).equals("APPRAISE")) {
                    applications.appraise(town, id, new Requests.Appraisal(null, "评议通过"));
                }
                applications.postNotice(town, id);
            }
            case VILLAGE_NOTICE -> {
                if (clock.today().isAfter(a.noticeTo())) {
                    Application r = applications.townReview(town, id, new Requests.TownReview("同意上报"));
                    if (r.countyVisitReason() != null) {
                        applications.countyVisit(COUNTY, id, new Requests.Visit(null, List.of(
                                IdNumbers.withCheckDigit("37010219750303033"),
                                IdNumbers.withCheckDigit("37010219760404044")), "县级入户核查属实", null));
                    }
                    applications.postNotice(town, id);
                }
            }
            case TOWN_NOTICE -> {
                if (clock.today().isAfter(a.noticeTo())) {
                    applications.approve(COUNTY, id, new Requests.Approval(APPROVER, null, null, null));
                    applications.postNotice(town, id);
                }
            }
            case APPROVAL_NOTICE -> {
                if (clock.today().isAfter(a.noticeTo())) {
                    applications.enroll(town, id);
                }
            }
            default -> {
            }
        }
    }

    private void reviewSome() {
        List<ReviewItem> due = reviews.worklist(COUNTY, null, 30);
        assertThat(due).isNotEmpty();
        for (ReviewItem item : due.subList(0, Math.min(5, due.size()))) {
            reviews.review(COUNTY, item.enrollmentId(), new ReviewRecord.Request("CONTINUE", "复核情况未变", null, null,
                    null));
        }
    }
}
