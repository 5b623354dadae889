package sunshine.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.benefits.BenefitTestConfig.AUDITOR;
import static sunshine.benefits.BenefitTestConfig.COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.OTHER_COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_1;
import static sunshine.benefits.BenefitTestConfig.TOWN_2;
import static sunshine.benefits.BenefitTestConfig.TOWN_2_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_STAFF;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_2;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_3;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.benefits.BenefitTestConfig;
import sunshine.benefits.RegistryFixture;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.registry.RegistrySources;

/**
 * The monthly payment cycle on a real database: generate, confirm or upload, pre-check (C07), approve, export,
 * receipts (C08), re-issue; the database guarantees (paid once, one batch per person) under concurrent threads.
 * Abstract: {@link PaymentCycleH2Test} and {@link PaymentCyclePostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(BenefitTestConfig.class)
abstract class PaymentCycleTest {

    static final YearMonth NOV = YearMonth.of(2026, 11);

    @Autowired
    PaymentCycle cycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistrySources sources;
    @Autowired
    BenefitTestConfig.MutableClock clock;
    @Autowired
    sunshine.audit.AuditLog audit;
    @TempDir
    Path tmp;

    RegistryFixture fx;
    String noCardHead;

    /** Town 1: five households (one without a card); town 2: two. */
    @BeforeEach
    void registry() {
        RegistryFixture.clear(jdbc);
        fx = new RegistryFixture(jdbc).regions().standards();
        fx.enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 3, "1500.00", "6230000000000001", 1);
        fx.enrolledHousehold("E0000002", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000002", 2);
        fx.enrolledHousehold("E0000003", "TEKUN", VILLAGE_2, 1, "1000.00", "6230000000000003", 3);
        fx.enrolledHousehold("E0000004", "DISABILITY_CARE", VILLAGE_2, 1, "125.00", "6230000000000004", 4);
        noCardHead = fx.enrolledHousehold("E0000005", "ORPHAN", VILLAGE_2, 1, "1200.00", null, 5);
        fx.enrolledHousehold("E0000006", "DIBAO_RURAL", VILLAGE_3, 2, "1000.00", "6230000000000006", 6);
        fx.enrolledHousehold("E0000007", "DIBAO_URBAN", VILLAGE_3, 1, "790.00", "6230000000000007", 7);
        clock.setDay(LocalDate.of(2026, 11, 2));
    }

    private static String regular(String town) {
        return "B" + town.substring(0, 9) + "-202611";
    }

    @Test
    void aMonthRunsThroughTheWholeCycle() throws IOException {
        List<PaymentBatch> made = cycle.generateAll(COUNTY_STAFF, NOV);
        assertThat(made).extracting(PaymentBatch::batchId).containsExactly(regular(TOWN_1), regular(TOWN_2));
        PaymentBatch t1 = made.get(0);
        assertThat(t1.kind()).isEqualTo(BatchKind.REGULAR);
        assertThat(t1.status()).isEqualTo(BatchStatus.GENERATED);
        assertThat(t1.lineCount()).isEqualTo(4);
        assertThat(t1.total()).isEqualByComparingTo("3125.00");
        assertThat(t1.unpaid()).isEqualTo(1);
        assertThat(cycle.unpaid(COUNTY_STAFF, t1.batchId()))
                .containsExactly(new UnpaidEnrollment("E0000005", "NO_CARD"));

        // the town confirms the platform's list; the pre-check blocks: the orphan is due but not listed
        cycle.confirm(TOWN_STAFF, t1.batchId());
        PaymentBatch blocked = cycle.precheck(COUNTY_STAFF, t1.batchId());
        assertThat(blocked.status()).isEqualTo(BatchStatus.BLOCKED);
        assertThat(cycle.clues(COUNTY_STAFF, t1.batchId())).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo("C07");
            assertThat(c.variant()).isEqualTo("MISSING");
            assertThat(c.enrollmentId()).isEqualTo("E0000005");
            assertThat(c.blocking()).isTrue();
        });
        assertThatThrownBy(() -> cycle.approve(COUNTY_STAFF, t1.batchId()))
                .isInstanceOf(PaymentException.class).extracting("kind")
                .isEqualTo(PaymentException.Kind.ILLEGAL_TRANSITION);

        // resolved: the orphan's guardian registers a card; the list is built again
        fx.card("6230000000000005", noCardHead, "户主5", "ACTIVE");
        PaymentBatch again = cycle.regenerate(COUNTY_STAFF, t1.batchId(), "登记了孤儿的一卡通");
        assertThat(again.status()).isEqualTo(BatchStatus.GENERATED);
        assertThat(again.lineCount()).isEqualTo(5);
        assertThat(again.total()).isEqualByComparingTo("4325.00");
        cycle.confirm(TOWN_STAFF, t1.batchId());
        cycle.confirm(TOWN_2_STAFF, regular(TOWN_2));
        assertThat(cycle.precheck(COUNTY_STAFF, List.of(t1.batchId(), regular(TOWN_2))))
                .extracting(PaymentBatch::status).containsOnly(BatchStatus.PRECHECKED);
        assertThat(cycle.approve(COUNTY_STAFF, List.of(t1.batchId(), regular(TOWN_2))))
                .extracting(PaymentBatch::status).containsOnly(BatchStatus.APPROVED);

        // the bank wants GBK
        Export export = cycle.export(COUNTY_STAFF, t1.batchId(), "gbk", LocalDate.of(2026, 11, 5));
        assertThat(export.batch().status()).isEqualTo(BatchStatus.EXPORTED);
        assertThat(export.paymentCount()).isEqualTo(5);
        assertThat(export.total()).isEqualByComparingTo("4325.00");
        List<String> csv = Files.readAllLines(export.csv(), Charset.forName("GBK"));
        assertThat(csv.get(0)).isEqualTo("流水号,卡号,户名,身份证号,金额,摘要");
        assertThat(csv).hasSize(6);
        assertThat(csv.get(1)).startsWith("P371526100-202611-0001,6230000000000001,户主1,").endsWith(
                ",1500.00,2026年11月农村低保金");
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(export.xlsx()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(6);
            assertThat(rows.get(1).getCellText(1)).isEqualTo("6230000000000001");
            assertThat(rows.get(1).getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v)
                    .isEqualByComparingTo("1500"));
        }
        assertThat(jdbc.queryForList("SELECT remark FROM payments WHERE batch_id = ? ORDER BY payment_id",
                String.class, t1.batchId())).containsExactly("2026年11月农村低保金", "2026年11月农村低保金",
                "2026年11月特困人员供养金", "2026年11月重度残疾人护理补贴", "2026年11月孤儿基本生活费");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE batch_id = ? AND import_id = 0 "
                + "AND paid_date = DATE '2026-11-05' AND channel = 'CARD'", Integer.class, t1.batchId())).isEqualTo(5);
        // never twice
        assertThatThrownBy(() -> cycle.export(COUNTY_STAFF, t1.batchId(), null, null))
                .isInstanceOf(PaymentException.class).extracting("kind").isEqualTo(PaymentException.Kind.CONFLICT);
        cycle.export(COUNTY_STAFF, regular(TOWN_2), null, LocalDate.of(2026, 11, 5));

        // the bank: one failed payment
        List<BatchLine> lines = cycle.lines(COUNTY_STAFF, t1.batchId());
        Path receipts = receipts(lines, "P371526100-202611-0003");
        Reconciliation rec = cycle.importReceipts(COUNTY_STAFF, null, receipts, "回单.csv");
        assertThat(rec.receipts()).isEqualTo(5);
        assertThat(rec.batches()).extracting(PaymentBatch::status).containsOnly(BatchStatus.RECONCILED);
        assertThat(rec.failed()).containsExactly("P371526100-202611-0003");
        assertThat(rec.clues()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo("C08");
            assertThat(c.variant()).isEqualTo("FAILED");
            assertThat(c.subject()).isEqualTo("P371526100-202611-0003");
        });
        // the same file again changes nothing
        assertThat(cycle.importReceipts(COUNTY_STAFF, null, receipts, "回单.csv").unchanged()).isTrue();

        // re-issued in a new batch, which runs the cycle too
        PaymentBatch r1 = cycle.reissue(COUNTY_STAFF, t1.batchId());
        assertThat(r1.batchId()).isEqualTo(regular(TOWN_1) + "-R1");
        assertThat(r1.kind()).isEqualTo(BatchKind.REISSUE);
        assertThat(cycle.lines(COUNTY_STAFF, r1.batchId())).singleElement().satisfies(l -> {
            assertThat(l.enrollmentId()).isEqualTo("E0000003");
            assertThat(l.reissueOf()).isEqualTo("P371526100-202611-0003");
        });
        assertThat(jdbc.queryForObject("SELECT batch_id FROM payroll_claim WHERE enrollment_id = 'E0000003'",
                String.class)).isEqualTo(r1.batchId());
        assertThatThrownBy(() -> cycle.reissue(COUNTY_STAFF, t1.batchId())).isInstanceOf(PaymentException.class);
        cycle.confirm(TOWN_STAFF, r1.batchId());
        assertThat(cycle.precheck(COUNTY_STAFF, r1.batchId()).status()).isEqualTo(BatchStatus.PRECHECKED);
        cycle.approve(COUNTY_STAFF, r1.batchId());
        cycle.export(COUNTY_STAFF, r1.batchId(), null, LocalDate.of(2026, 11, 8));
        Reconciliation second = cycle.importReceipts(COUNTY_STAFF, r1.batchId(),
                receipts(cycle.lines(COUNTY_STAFF, r1.batchId()), null), "回单2.csv");
        assertThat(second.clues()).isEmpty();
        assertThat(second.failed()).isEmpty();
        cycle.importReceipts(COUNTY_STAFF, regular(TOWN_2), receipts(cycle.lines(COUNTY_STAFF, regular(TOWN_2)),
                null), "回单3.csv");

        // what the platform paid passes the payment rules: no clue at all about the month
        CheckEngine c = CheckEngine.standard().only(Set.of("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"));
        try (CheckSource db = sources.open()) {
            List<Clue> clues = c.run(db, NOV, c.defaultParameters()).clues();
            assertThat(clues).as("clues").isEmpty();
        }
        // and every decision is in the history
        assertThat(cycle.history(COUNTY_STAFF, t1.batchId())).extracting(BatchEvent::action).containsExactly(
                "GENERATE", "CONFIRM", "PRECHECK", "REGENERATE", "CONFIRM", "PRECHECK", "APPROVE", "EXPORT",
                "RECEIPTS", "RECONCILE", "REISSUE");
        assertThat(cycle.history(COUNTY_STAFF, t1.batchId()).get(3).reason()).isEqualTo("登记了孤儿的一卡通");
        // and in the tamper-evident audit log, whose chain still holds
        assertThat(audit.recent(AUDITOR, 200)).filteredOn(e -> e.subject().equals("batch:" + t1.batchId()))
                .extracting(sunshine.audit.AuditEntry::action).contains("PAYMENT_BATCH_EXPORT", "PAYMENT_BATCH_APPROVE",
                        "PAYMENT_BATCH_REISSUE");
        assertThat(audit.verify().intact()).isTrue();
    }

    /** A bank receipt file for the lines: SUCCESS, except the one failed payment. */
    private Path receipts(List<BatchLine> lines, String failed) throws IOException {
        StringBuilder sb = new StringBuilder("发放流水号,卡号,金额,状态,入账日期,失败原因\r\n");
        for (BatchLine l : lines) {
            boolean fails = l.paymentId().equals(failed);
            sb.append(l.paymentId()).append(',').append(l.cardNo()).append(',').append(l.amount().toPlainString())
                    .append(',').append(fails ? "失败" : "成功").append(",2026-11-06,").append(fails ? "账户冻结" : "")
                    .append("\r\n");
        }
        Path f = Files.createTempFile(tmp, "receipts", ".csv");
        Files.writeString(f, sb, Charset.forName("GBK"));
        return f;
    }

    @Test
    void aTownUploadsItsOwnListWhichThePrecheckComparesWithTheRegistry() throws IOException {
        cycle.generate(COUNTY_STAFF, TOWN_2, NOV);
        String batch = regular(TOWN_2);
        List<BatchLine> lines = cycle.lines(COUNTY_STAFF, batch);
        // a GBK file with Chinese headers, 9-digit town codes, one amount 50 too high
        StringBuilder sb = new StringBuilder("批次号,乡镇,所属月份,待遇编号,领款人身份证号,姓名,金额,卡号\r\n");
        for (BatchLine l : lines) {
            BigDecimal amount = l.enrollmentId().equals("E0000007") ? l.amount().add(new BigDecimal("50")) : l.amount();
            sb.append(batch).append(",371526101,2026年11月,").append(l.enrollmentId()).append(',')
                    .append(l.payeeIdNo()).append(',').append(l.payeeName()).append(',').append(amount.toPlainString())
                    .append(',').append(l.cardNo()).append("\r\n");
        }
        Path file = tmp.resolve("名册.csv");
        Files.writeString(file, sb, Charset.forName("GBK"));
        PaymentBatch up = cycle.upload(TOWN_2_STAFF, batch, file, "名册.csv");
        assertThat(up.submission()).isEqualTo("UPLOADED");
        assertThat(up.submittedTotal()).isEqualByComparingTo("1840.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_submissions WHERE batch_id = ?", Integer.class,
                batch)).isEqualTo(2);
        PaymentBatch checked = cycle.precheck(COUNTY_STAFF, batch);
        assertThat(checked.status()).isEqualTo(BatchStatus.BLOCKED);
        assertThat(cycle.clues(COUNTY_STAFF, batch)).singleElement().satisfies(c -> {
            assertThat(c.variant()).isEqualTo("AMOUNT");
            assertThat(c.subject()).isEqualTo(batch + "/E0000007");
            assertThat(c.amountAtRisk()).isEqualByComparingTo("50.00");
        });

        // a file with bad rows is refused whole, every bad row named
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "batch_id,region_code,period,enrollment_id,payee_id_no,amount,card_no\r\n"
                + batch + ",371526101000,2026-11,E0000006,12345,1000.00,6230000000000006\r\n"
                + batch + ",371526100000,2026-11,E0000007,%s,790.00,6230000000000007\r\n".formatted(
                lines.get(1).payeeIdNo()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> cycle.upload(TOWN_2_STAFF, batch, bad, "bad.csv"))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PaymentException.Kind.INVALID);
                    assertThat(e.rows()).extracting(r -> r.row() + ":" + r.column())
                            .containsExactly("2:payee_id_no", "3:region_code");
                });

        // a corrected list passes
        Files.writeString(file, sb.toString().replace(",840.00,", ",790.00,"), Charset.forName("GBK"));
        cycle.upload(TOWN_2_STAFF, batch, file, "名册.csv");
        assertThat(cycle.precheck(COUNTY_STAFF, batch).status()).isEqualTo(BatchStatus.PRECHECKED);
    }

    @Test
    void aListNamingSomeoneAnotherBatchPaysIsRefused() throws IOException {
        cycle.generateAll(COUNTY_STAFF, NOV);
        // town 2 lists town 1's household E0000002 as well
        BatchLine foreign = cycle.lines(COUNTY_STAFF, regular(TOWN_1)).get(1);
        StringBuilder sb = new StringBuilder("batch_id,region_code,period,enrollment_id,payee_id_no,name,amount,card_no\r\n");
        List<BatchLine> lines = new ArrayList<>(cycle.lines(COUNTY_STAFF, regular(TOWN_2)));
        lines.add(foreign);
        for (BatchLine l : lines) {
            sb.append(regular(TOWN_2)).append(",371526101000,2026-11,").append(l.enrollmentId()).append(',')
                    .append(l.payeeIdNo()).append(',').append(l.payeeName()).append(',').append(l.amount())
                    .append(',').append(l.cardNo()).append("\r\n");
        }
        Path file = tmp.resolve("list.csv");
        Files.writeString(file, sb);
        assertThatThrownBy(() -> cycle.upload(TOWN_2_STAFF, regular(TOWN_2), file, "list.csv"))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PaymentException.Kind.CONFLICT);
                    assertThat(e.reason().en()).contains("E0000002").contains(regular(TOWN_1));
                });
        // nothing of it was kept
        assertThat(cycle.batch(COUNTY_STAFF, regular(TOWN_2)).status()).isEqualTo(BatchStatus.GENERATED);
        assertThat(cycle.lines(COUNTY_STAFF, regular(TOWN_2))).hasSize(2);
    }

    @Test
    void theDatabaseItselfRefusesASecondClaimAndASecondExport() {
        cycle.generate(COUNTY_STAFF, TOWN_2, NOV);
        String person = jdbc.queryForObject("SELECT MIN(id_no) FROM payroll_claim", String.class);
        String program = jdbc.queryForObject("SELECT program FROM payroll_claim WHERE id_no = ?", String.class, person);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO payroll_claim (program, period, id_no, batch_id, enrollment_id)"
                + " VALUES (?, '2026-11', ?, 'OTHER', 'E0000099')", program, person))
                .isInstanceOf(DuplicateKeyException.class);
        jdbc.update("INSERT INTO payment_export (batch_id, exported_at, exported_by, pay_date, layout, payment_count, "
                + "total, csv_file, xlsx_file, csv_sm3) VALUES ('X', CURRENT_TIMESTAMP, 'a', DATE '2026-11-05', 's', 0, "
                + "0, 'a', 'b', 'c')");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO payment_export (batch_id, exported_at, exported_by, pay_date, "
                + "layout, payment_count, total, csv_file, xlsx_file, csv_sm3) VALUES ('X', CURRENT_TIMESTAMP, 'b', "
                + "DATE '2026-11-05', 's', 0, 0, 'a', 'b', 'c')")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void concurrentGenerationsPutEachPersonInOneBatch() throws Exception {
        // a second, late enrollment in town 1 so that a supplement has something to take
        int threads = 8;
        List<Callable<Object>> work = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            work.add(() -> {
                start.await();
                return cycle.generate(COUNTY_STAFF, TOWN_1, NOV);
            });
        }
        List<Object> results = runAll(work, start);
        assertThat(results).noneMatch(r -> r instanceof Exception e && !(e instanceof PaymentException));
        assertThat(jdbc.queryForList("SELECT batch_id FROM payment_batch", String.class))
                .containsExactly(regular(TOWN_1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_batch_line", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT enrollment_id) FROM payment_batch_line", Integer.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_claim", Integer.class)).isEqualTo(6);

        // the orphan gets a card: eight concurrent calls make one supplement with it, no more
        fx.card("6230000000000005", noCardHead, "户主5", "ACTIVE");
        CountDownLatch again = new CountDownLatch(1);
        List<Callable<Object>> more = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            more.add(() -> {
                again.await();
                return cycle.generate(COUNTY_STAFF, TOWN_1, NOV);
            });
        }
        List<Object> second = runAll(more, again);
        assertThat(second).noneMatch(r -> r instanceof Exception e && !(e instanceof PaymentException));
        assertThat(jdbc.queryForList("SELECT batch_id FROM payment_batch ORDER BY batch_id", String.class))
                .containsExactly(regular(TOWN_1), regular(TOWN_1) + "-S1");
        assertThat(jdbc.queryForList("SELECT enrollment_id FROM payment_batch_line WHERE batch_id = ?", String.class,
                regular(TOWN_1) + "-S1")).containsExactly("E0000005");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_batch_line WHERE enrollment_id = 'E0000005'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void concurrentExportsPayABatchOnce() throws Exception {
        cycle.generate(COUNTY_STAFF, TOWN_2, NOV);
        cycle.confirm(TOWN_2_STAFF, regular(TOWN_2));
        cycle.precheck(COUNTY_STAFF, regular(TOWN_2));
        cycle.approve(COUNTY_STAFF, regular(TOWN_2));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            work.add(() -> {
                start.await();
                return cycle.export(COUNTY_STAFF, regular(TOWN_2), null, LocalDate.of(2026, 11, 5));
            });
        }
        List<Object> results = runAll(work, start);
        assertThat(results.stream().filter(r -> r instanceof Export).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> r instanceof PaymentException e
                && e.kind() == PaymentException.Kind.CONFLICT).count()).isEqualTo(threads - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE batch_id = ?", Integer.class,
                regular(TOWN_2))).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_export", Integer.class)).isEqualTo(1);
    }

    private static List<Object> runAll(List<Callable<Object>> work, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> w : work) {
                futures.add(pool.submit(() -> {
                    try {
                        return w.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelledBatchReleasesItsPeopleAndIsGeneratedAgain() {
        String b = cycle.generate(COUNTY_STAFF, TOWN_2, NOV).orElseThrow().batchId();
        cycle.confirm(TOWN_2_STAFF, b);
        assertThatThrownBy(() -> cycle.cancel(COUNTY_STAFF, b, " ")).isInstanceOf(PaymentException.class);
        PaymentBatch cancelled = cycle.cancel(COUNTY_STAFF, b, "名册有误，作废重做");
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_claim", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_submissions", Integer.class)).isZero();
        assertThatThrownBy(() -> cycle.generate(COUNTY_STAFF, TOWN_2, NOV)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.ILLEGAL_TRANSITION);
        PaymentBatch again = cycle.regenerate(COUNTY_STAFF, b, "重新生成");
        assertThat(again.status()).isEqualTo(BatchStatus.GENERATED);
        assertThat(again.lineCount()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payroll_claim", Integer.class)).isEqualTo(3);
    }

    @Test
    void whoMayDoWhat() {
        assertThatThrownBy(() -> cycle.generateAll(AUDITOR, NOV)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.FORBIDDEN);
        cycle.generate(COUNTY_STAFF, TOWN_1, NOV);
        String b = regular(TOWN_1);
        assertThat(cycle.batch(AUDITOR, b).batchId()).isEqualTo(b);
        assertThatThrownBy(() -> cycle.batch(OTHER_COUNTY_STAFF, b)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> cycle.batch(TOWN_2_STAFF, b)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> cycle.confirm(COUNTY_STAFF, b)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.FORBIDDEN);
        cycle.confirm(TOWN_STAFF, b);
        assertThatThrownBy(() -> cycle.export(TOWN_STAFF, b, null, null)).isInstanceOf(PaymentException.class)
                .extracting("kind").isEqualTo(PaymentException.Kind.FORBIDDEN);
        assertThat(cycle.batches(TOWN_2_STAFF, NOV, null, 100)).isEmpty();
        assertThat(cycle.batches(COUNTY_STAFF, NOV, null, 100)).hasSize(1);
    }
}
