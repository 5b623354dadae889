package sunshine.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.checks.Clue;
import sunshine.contract.ContractFileException;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetReader;
import sunshine.contract.ParsedRow;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.contract.ValueParser;
import sunshine.payments.internal.Access;
import sunshine.payments.internal.BankFiles;
import sunshine.payments.internal.BankLayout;
import sunshine.payments.internal.BatchStore;
import sunshine.payments.internal.CheckRunner;
import sunshine.payments.internal.Json;
import sunshine.payments.internal.PaymentSettings;
import sunshine.payments.internal.Payroll;
import sunshine.payments.internal.Programs;
import sunshine.payments.internal.Sm3;
import sunshine.registry.PlatformRows;
import sunshine.registry.Regions;
import sunshine.registry.RegistrySources;
import sunshine.security.Actor;

/**
 * The monthly payment cycle (发放): for each town and month a batch is GENERATED from the registry's ACTIVE
 * enrollments (with control totals), SUBMITTED by the town (it confirms the platform's list or uploads its own),
 * PRECHECKED by rule C07 of the check engine (any unexplained clue blocks it), APPROVED by the county (C07 runs
 * again), EXPORTED once as a bank file in the bank's layout (writing the {@code payments} rows), and RECONCILED
 * with the bank's receipts (rule C08); failed payments are re-issued in a new batch.
 * <p>
 * Every method takes the acting {@link Actor}: batches are seen within the actor's region only, read-only roles
 * change nothing, and each step needs its level (see {@code docs/decisions.md}). Every decision is written to the
 * batch's history ({@link #history}). The guarantees (paid once, one batch per person, program and month, one
 * re-issue per failed payment) are constraints of the database, see {@code V6__benefits.sql}.
 */
@Service
public class PaymentCycle {

    private static final int RETRIES = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BatchStore store;
    private final Payroll payroll;
    private final CheckRunner checks;
    private final PaymentSettings settings;
    private final Regions regions;
    private final Clock clock;
    private final DataContract contract = DataContract.standard();

    PaymentCycle(JdbcTemplate jdbc, PlatformTransactionManager transactions, BatchStore store, Payroll payroll,
                 CheckRunner checks, PaymentSettings settings, Regions regions, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.payroll = payroll;
        this.checks = checks;
        this.settings = settings;
        this.regions = regions;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    // ================================================================== GENERATED

    /**
     * Generates the month's batch of every town in the actor's region (see {@link #generate}).
     *
     * @return the batches made (towns with nothing due get none)
     */
    public List<PaymentBatch> generateAll(Actor actor, YearMonth period) {
        Access.change(actor, 2, "生成发放批次", "generate batches");
        List<String> towns = jdbc.queryForList("SELECT code FROM regions WHERE level = 'TOWN' AND code LIKE ? "
                + "ORDER BY code", String.class, actor.regionPrefix() + "%");
        List<PaymentBatch> made = new ArrayList<>();
        for (String town : towns) {
            generate(actor, town, period).ifPresent(made::add);
        }
        return made;
    }

    /**
     * Generates a town's batch for a month: the REGULAR batch when the town has none for the month, else a
     * SUPPLEMENT with the due enrollments that no batch of the month holds yet (none: nothing is made). Concurrent
     * calls are safe: the batch's key and the people's claims are unique in the database; a call that loses a race
     * retries and finds the people taken.
     */
    public Optional<PaymentBatch> generate(Actor actor, String townCode, YearMonth period) {
        Access.change(actor, 2, "生成发放批次", "generate batches");
        String town = town(actor, townCode);
        return retrying(() -> tx.execute(status -> {
            String regular = regularId(town, period);
            boolean first = !store.exists(regular);
            if (!first && store.find(regular).orElseThrow().status() == BatchStatus.CANCELLED) {
                throw PaymentException.illegal(regular, BatchStatus.CANCELLED, "另行生成（请重新生成该批次）",
                        "generate another (regenerate this batch instead)");
            }
            String id = first ? regular : regular + "-S" + (store.countLike(regular + "-S") + 1);
            Payroll.Built built = payroll.build(town, period);
            if (built.lines().isEmpty() && (!first || built.unpaid().isEmpty())) {
                return Optional.<PaymentBatch>empty();
            }
            OffsetDateTime now = now();
            store.insertBatch(id, first ? BatchKind.REGULAR : BatchKind.SUPPLEMENT, town, period, built.lines(), null,
                    actor, now);
            store.insertLines(id, period, built.lines(), null);
            store.insertUnpaid(id, built.unpaid());
            store.event(id, actor, "GENERATE", null, BatchStatus.GENERATED, null, Json.write(Map.of(
                    "lines", built.lines().size(), "total", total(built.lines()), "unpaid", built.unpaid())), now);
            return store.find(id);
        }));
    }

    /**
     * Builds the list of a batch that is not yet approved (or was cancelled) again from the registry's current data
     * (after an enrollment was suspended or a card registered to resolve a blocked batch). The batch is GENERATED
     * again.
     */
    public PaymentBatch regenerate(Actor actor, String batchId, String reason) {
        Access.change(actor, 2, "重新生成批次", "regenerate a batch");
        visible(actor, batchId);
        return retrying(() -> tx.execute(status -> {
            PaymentBatch b = store.lock(batchId);
            if (!(b.status().open() || b.status() == BatchStatus.CANCELLED) || b.kind() == BatchKind.REISSUE) {
                throw PaymentException.illegal(batchId, b.status(), "重新生成", "regenerate");
            }
            store.clearList(batchId);
            Payroll.Built built = payroll.build(b.townCode(), b.period());
            OffsetDateTime now = now();
            store.insertLines(batchId, b.period(), built.lines(), null);
            store.insertUnpaid(batchId, built.unpaid());
            store.setControlTotals(batchId, built.lines());
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("submission", null);
            cols.put("submission_file", null);
            cols.put("submitted_count", null);
            cols.put("submitted_total", null);
            cols.put("blocking", 0);
            store.update(batchId, BatchStatus.GENERATED, now, cols);
            store.event(batchId, actor, "REGENERATE", b.status(), BatchStatus.GENERATED, reason, Json.write(Map.of(
                    "lines", built.lines().size(), "total", total(built.lines()), "unpaid", built.unpaid())), now);
            return store.find(batchId).orElseThrow();
        }));
    }

    // ================================================================== SUBMITTED

    /** The town confirms the platform's list as it stands (a regular batch's list becomes its payroll_submissions). */
    public PaymentBatch confirm(Actor actor, String batchId) {
        Access.town(actor, "确认发放名册", "confirming the list");
        visible(actor, batchId);
        return tx.execute(status -> {
            PaymentBatch b = store.lock(batchId);
            if (b.status() != BatchStatus.GENERATED) {
                throw PaymentException.illegal(batchId, b.status(), "确认名册（只能确认平台生成的名册）",
                        "confirm (only the platform's list can be confirmed)");
            }
            List<BatchLine> lines = store.lines(batchId);
            if (b.kind() == BatchKind.REGULAR) {
                store.writeSubmission(b, lines);
            }
            OffsetDateTime now = now();
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("submission", "CONFIRMED");
            cols.put("submitted_count", lines.size());
            cols.put("submitted_total", lineTotal(lines));
            store.update(batchId, BatchStatus.SUBMITTED, now, cols);
            store.event(batchId, actor, "CONFIRM", b.status(), BatchStatus.SUBMITTED, null,
                    Json.write(Map.of("rows", lines.size(), "total", lineTotal(lines))), now);
            return store.find(batchId).orElseThrow();
        });
    }

    /**
     * The town uploads its own list for its regular batch: a {@code payroll_submissions} file (CSV in UTF-8 or GBK,
     * XLSX, XLS; English or Chinese headers) read through the contract's reader, every row checked; any bad row
     * refuses the whole file. Its rows replace the batch's list and become the town's payroll_submissions; the
     * pre-check then compares them with the platform's data.
     *
     * @throws PaymentException INVALID with every bad row; CONFLICT when a listed person is in another batch of the
     *                          program and month
     */
    public PaymentBatch upload(Actor actor, String batchId, Path file, String fileName) {
        Access.town(actor, "上报发放名册", "uploading a list");
        PaymentBatch seen = visible(actor, batchId);
        if (seen.kind() != BatchKind.REGULAR) {
            throw PaymentException.invalid("只有乡镇月度批次可上报名册", "only a town's regular batch takes an uploaded list");
        }
        String name = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName;
        List<Object[]> rows = readSubmission(file, name, seen);
        String sm3 = Sm3.of(file);
        try {
            return storeUpload(actor, batchId, rows, name, sm3);
        } catch (DuplicateKeyException e) {
            throw PaymentException.conflict("名册中有人已被同时列入本月其他批次，未接收",
                    "someone on the list was put in another batch of the month at the same time: the list was not taken");
        }
    }

    private PaymentBatch storeUpload(Actor actor, String batchId, List<Object[]> rows, String name, String sm3) {
        return tx.execute(status -> {
            PaymentBatch b = store.lock(batchId);
            if (!b.status().open()) {
                throw PaymentException.illegal(batchId, b.status(), "上报名册", "take a list");
            }
            store.clearList(batchId);
            Dataset d = contract.dataset("payroll_submissions");
            List<Payroll.Listed> lines = new ArrayList<>();
            Map<String, Payroll.Due> known = enrollments(rows.stream().map(r -> (String) r[d.indexOf("enrollment_id")])
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
            Map<String, String> banks = banks(rows.stream().map(r -> (String) r[d.indexOf("card_no")]).toList());
            Set<String> claimedHere = new java.util.HashSet<>();
            List<Payroll.Listed> claimLines = new ArrayList<>();
            for (Object[] r : rows) {
                String e = (String) r[d.indexOf("enrollment_id")];
                Payroll.Due k = known.get(e);
                Payroll.Due line = new Payroll.Due(e, k == null ? null : k.program(), null,
                        k == null ? null : k.regionCode(), (String) r[d.indexOf("payee_id_no")],
                        (BigDecimal) r[d.indexOf("amount")], k == null ? List.of() : k.members());
                String card = (String) r[d.indexOf("card_no")];
                Payroll.Listed l = new Payroll.Listed(line, card, banks.get(card), (String) r[d.indexOf("name")]);
                lines.add(l);
                if (k != null && claimedHere.add(e)) {
                    claimLines.add(l);
                }
            }
            insertUploaded(b, lines, claimLines);
            OffsetDateTime now = now();
            store.writeSubmission(b, store.lines(batchId));
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("submission", "UPLOADED");
            cols.put("submission_file", name);
            cols.put("submitted_count", lines.size());
            cols.put("submitted_total", total(lines));
            cols.put("blocking", 0);
            store.update(batchId, BatchStatus.SUBMITTED, now, cols);
            store.event(batchId, actor, "UPLOAD", b.status(), BatchStatus.SUBMITTED, null, Json.write(Map.of(
                    "file", name, "sm3", sm3, "rows", lines.size(), "total", total(lines))), now);
            return store.find(batchId).orElseThrow();
        });
    }

    /** Inserts an uploaded list: the lines, and a claim per covered member of each listed enrollment. */
    private void insertUploaded(PaymentBatch b, List<Payroll.Listed> lines, List<Payroll.Listed> claimLines) {
        jdbc.batchUpdate("""
                INSERT INTO payment_batch_line (batch_id, line_no, enrollment_id, program, region_code, payee_id_no,
                    payee_name, amount, card_no, bank)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, indexed(lines).stream().map(x -> new Object[]{b.batchId(), x.no, x.line.due().enrollmentId(),
                x.line.due().program(), x.line.due().regionCode(), x.line.due().payeeIdNo(), x.line.payeeName(),
                x.line.due().amount(), x.line.cardNo(), x.line.bank()}).toList());
        Map<String, String> taken = new HashMap<>();
        Set<String> people = new java.util.HashSet<>();
        claimLines.forEach(l -> people.addAll(l.due().members()));
        sunshine.payments.internal.Jdbc.inChunks(jdbc, "SELECT program, id_no, batch_id FROM payroll_claim "
                + "WHERE period = ? AND id_no IN (?)", people, rs -> {
                    taken.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                }, b.period().toString());
        List<Object[]> claims = new ArrayList<>();
        for (Payroll.Listed l : claimLines) {
            for (String m : l.due().members()) {
                String holder = taken.putIfAbsent(l.due().program() + "|" + m, b.batchId());
                if (holder != null) {
                    throw PaymentException.conflict("名册中待遇" + l.due().enrollmentId() + "的保障对象" + mask(m)
                                    + "本月该项目已在批次" + holder + "中，同一人同一项目同一月份只能在一个批次中",
                            "enrollment " + l.due().enrollmentId() + ": covered member " + mask(m) + " is already in batch "
                                    + holder + " for this program and month; a person is in one batch only");
                }
                claims.add(new Object[]{l.due().program(), b.period().toString(), m, b.batchId(),
                        l.due().enrollmentId()});
            }
        }
        // the key is the guarantee: a concurrent claim of the same person fails here and rolls the upload back
        jdbc.batchUpdate("INSERT INTO payroll_claim (program, period, id_no, batch_id, enrollment_id) "
                + "VALUES (?, ?, ?, ?, ?)", claims);
    }

    private record Indexed(int no, Payroll.Listed line) {
    }

    private static List<Indexed> indexed(List<Payroll.Listed> lines) {
        List<Indexed> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Indexed(i + 1, lines.get(i)));
        }
        return out;
    }

    /** Reads an uploaded list through the contract's reader; every bad row is reported. */
    private List<Object[]> readSubmission(Path file, String name, PaymentBatch b) {
        Dataset d = contract.dataset("payroll_submissions");
        List<Object[]> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (DatasetReader reader = DatasetReader.open(file, name, d, new ValueParser(contract,
                regions.directory()))) {
            ParsedRow row;
            while ((row = reader.next()) != null) {
                if (!row.ok()) {
                    errors.addAll(row.errors());
                    continue;
                }
                Object[] v = row.values().clone();
                check(errors, name, row.row(), "batch_id", v[d.indexOf("batch_id")], b.batchId(),
                        "批次号不是本批次" + b.batchId(), "not this batch " + b.batchId());
                check(errors, name, row.row(), "region_code", v[d.indexOf("region_code")], b.townCode(),
                        "乡镇不是本批次的乡镇" + b.townCode(), "not this batch's town " + b.townCode());
                check(errors, name, row.row(), "period", v[d.indexOf("period")], b.period(),
                        "所属月份不是本批次的月份" + b.period(), "not this batch's month " + b.period());
                rows.add(v);
            }
        } catch (ContractFileException e) {
            throw new PaymentException(PaymentException.Kind.INVALID, e.reason(),
                    List.of(new RowError(name, 0, "", "", e.reason())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(name, 0, "", "", new Reason("文件没有数据行", "the file has no rows")));
        }
        if (!errors.isEmpty()) {
            throw new PaymentException(PaymentException.Kind.INVALID, new Reason(
                    "名册有" + errors.size() + "处错误，未接收（见各行错误）",
                    "the list has " + errors.size() + " error(s) and was not taken (see the rows)"), errors);
        }
        return rows;
    }

    private static void check(List<RowError> errors, String file, long row, String column, Object value,
                              Object expected, String zh, String en) {
        if (!expected.equals(value)) {
            errors.add(new RowError(file, row, column, String.valueOf(value), new Reason(zh, en)));
        }
    }

    // ================================================================== PRECHECKED

    /** Runs the pre-check (C07) on one batch. */
    public PaymentBatch precheck(Actor actor, String batchId) {
        return precheck(actor, List.of(batchId)).get(0);
    }

    /**
     * The pre-check (前置核对): rule C07 of the check engine compares each batch's list with the registry, in one
     * engine run per month. Every C07 clue about the batch blocks it (BLOCKED) except a MISSING one whose enrollment
     * another batch of the month pays or that is already paid for the month, and MISSING clues of a supplement or
     * re-issue batch (which by design lists only some). No blocking clue: PRECHECKED.
     */
    public List<PaymentBatch> precheck(Actor actor, List<String> batchIds) {
        Access.change(actor, 2, "前置核对", "pre-check");
        return runPrecheck(actor, batchIds, false);
    }

    // ================================================================== APPROVED

    /** The county approves a pre-checked batch (C07 runs again first: what is approved is what was checked). */
    public PaymentBatch approve(Actor actor, String batchId) {
        return approve(actor, List.of(batchId)).get(0);
    }

    /** Approves pre-checked batches, each re-checked by C07 (one engine run per month). */
    public List<PaymentBatch> approve(Actor actor, List<String> batchIds) {
        Access.change(actor, 3, "审核发放批次", "approve batches");
        for (String id : batchIds) {
            PaymentBatch b = visible(actor, id);
            if (b.status() != BatchStatus.PRECHECKED) {
                throw PaymentException.illegal(id, b.status(), "审核（须先通过前置核对）", "approve (pre-check it first)");
            }
        }
        return runPrecheck(actor, batchIds, true);
    }

    private List<PaymentBatch> runPrecheck(Actor actor, List<String> batchIds, boolean approving) {
        Map<YearMonth, List<PaymentBatch>> byPeriod = new TreeMap<>();
        for (String id : new LinkedHashSet<>(batchIds)) {
            PaymentBatch b = visible(actor, id);
            Set<BatchStatus> allowed = approving ? Set.of(BatchStatus.PRECHECKED)
                    : Set.of(BatchStatus.SUBMITTED, BatchStatus.BLOCKED, BatchStatus.PRECHECKED);
            if (!allowed.contains(b.status())) {
                throw PaymentException.illegal(id, b.status(), "前置核对（须先报送名册）", "pre-check (submit a list first)");
            }
            byPeriod.computeIfAbsent(b.period(), k -> new ArrayList<>()).add(b);
        }
        Map<String, PaymentBatch> done = new HashMap<>();
        for (Map.Entry<YearMonth, List<PaymentBatch>> e : byPeriod.entrySet()) {
            List<Object[]> overlay = new ArrayList<>();
            for (PaymentBatch b : e.getValue()) {
                if (b.kind() != BatchKind.REGULAR) {
                    for (BatchLine l : store.lines(b.batchId())) {
                        overlay.add(new Object[]{b.batchId(), b.townCode(), b.period(), l.enrollmentId(), l.payeeIdNo(),
                                l.payeeName(), l.amount(), l.cardNo()});
                    }
                }
            }
            List<Clue> clues = checks.run("C07", e.getKey(),
                    RegistrySources.Overlay.rows(Map.of("payroll_submissions", overlay)));
            for (PaymentBatch b : e.getValue()) {
                done.put(b.batchId(), storePrecheck(actor, b, clues, approving));
            }
        }
        return batchIds.stream().distinct().map(done::get).toList();
    }

    private PaymentBatch storePrecheck(Actor actor, PaymentBatch seen, List<Clue> all, boolean approving) {
        List<Clue> mine = all.stream().filter(c -> c.subject().startsWith(seen.batchId() + "/")).toList();
        List<Boolean> blocking = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Clue c : mine) {
            String note = null;
            if ("MISSING".equals(c.variant())) {
                if (seen.kind() != BatchKind.REGULAR) {
                    note = "补发/重发批次只列部分待遇 / a supplement or re-issue lists only some enrollments";
                } else {
                    Optional<String> other = store.otherClaim(c.enrollmentId(), seen.period(), seen.batchId());
                    if (other.isPresent()) {
                        note = "已列入本月批次" + other.get() + " / listed in batch " + other.get();
                    } else if (paidFor(c.enrollmentId(), seen.period())) {
                        note = "本月已发放 / already paid for the month";
                    }
                }
            }
            blocking.add(note == null);
            notes.add(note);
        }
        int blocks = (int) blocking.stream().filter(x -> x).count();
        return tx.execute(status -> {
            PaymentBatch b = store.lock(seen.batchId());
            if (b.version() != seen.version()) {
                throw PaymentException.conflict("批次" + b.batchId() + "在核对期间被修改，请重新核对",
                        "batch " + b.batchId() + " changed while it was checked: check it again");
            }
            store.replaceClues(b.batchId(), "PRECHECK", mine, blocking, notes);
            BatchStatus to = blocks > 0 ? BatchStatus.BLOCKED : approving ? BatchStatus.APPROVED : BatchStatus.PRECHECKED;
            OffsetDateTime now = now();
            store.update(b.batchId(), to, now, Map.of("blocking", blocks));
            store.event(b.batchId(), actor, approving ? "APPROVE" : "PRECHECK", b.status(), to, null, Json.write(Map.of(
                    "rule", "C07", "clues", mine.size(), "blocking", blocks)), now);
            return store.find(b.batchId()).orElseThrow();
        });
    }

    private boolean paidFor(String enrollmentId, YearMonth period) {
        return !jdbc.queryForList("""
                SELECT 1 FROM payments p WHERE p.enrollment_id = ? AND p.period = ?
                  AND (EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = p.payment_id AND r.status = 'SUCCESS')
                       OR NOT EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = p.payment_id
                                      AND r.status = 'FAILED'))
                """, Integer.class, enrollmentId, period.toString()).isEmpty();
    }

    // ================================================================== EXPORTED

    /**
     * Pays an approved batch: writes its bank file (CSV in the layout's encoding, and XLSX) and its {@code payments}
     * rows (remark {@code 2026年10月农村低保金}, the batch id, the pay date), once. A second export of the batch, also
     * a concurrent one, is refused by the database ({@code payment_export}'s key and the batch's row lock).
     *
     * @param layoutCode the bank's layout (null: the default)
     * @param payDate    the date the bank pays (null: today)
     */
    public Export export(Actor actor, String batchId, String layoutCode, LocalDate payDate) {
        Access.change(actor, 3, "导出银行代发文件", "export the bank file");
        PaymentBatch seen = visible(actor, batchId);
        BankLayout layout = settings.layout(layoutCode);
        if (layout == null) {
            throw PaymentException.invalid("没有银行格式" + layoutCode + "（可用：" + settings.layouts().keySet() + "）",
                    "no bank layout " + layoutCode + " (known: " + settings.layouts().keySet() + ")");
        }
        if (seen.status() != BatchStatus.APPROVED) {
            throw seen.status() == BatchStatus.EXPORTED || seen.status() == BatchStatus.RECONCILED
                    ? paidTwice(batchId) : PaymentException.illegal(batchId, seen.status(), "导出（须先审核）",
                    "export (approve it first)");
        }
        LocalDate date = payDate != null ? payDate : LocalDate.now(clock);
        List<BatchLine> lines = store.lines(batchId);
        List<BankFiles.Row> rows = new ArrayList<>();
        for (BatchLine l : lines) {
            rows.add(new BankFiles.Row(fields(seen, l, paymentId(batchId, l.lineNo()), date)));
        }
        Path dir = settings.batchDir(batchId);
        String base = batchId + "-" + layout.code();
        Path csv = dir.resolve(base + ".csv");
        Path xlsx = dir.resolve(base + ".xlsx");
        String tmp = UUID.randomUUID().toString();
        Path csvPart = dir.resolve(base + "." + tmp + ".csv.part");
        Path xlsxPart = dir.resolve(base + "." + tmp + ".xlsx.part");
        try {
            Files.createDirectories(dir);
            BankFiles.csv(csvPart, layout, rows);
            BankFiles.xlsx(xlsxPart, layout, rows);
            String sm3 = Sm3.of(csvPart);
            BigDecimal total = lineTotal(lines);
            PaymentBatch b = tx.execute(status -> {
                PaymentBatch locked = store.lock(batchId);
                if (locked.status() != BatchStatus.APPROVED) {
                    throw locked.status() == BatchStatus.EXPORTED || locked.status() == BatchStatus.RECONCILED
                            ? paidTwice(batchId) : PaymentException.illegal(batchId, locked.status(), "导出", "export");
                }
                if (locked.version() != seen.version()) {
                    throw PaymentException.conflict("批次" + batchId + "在导出期间被修改，请重试",
                            "batch " + batchId + " changed during the export: try again");
                }
                OffsetDateTime now = now();
                jdbc.update("""
                        INSERT INTO payment_export (batch_id, exported_at, exported_by, pay_date, layout, payment_count,
                            total, csv_file, xlsx_file, csv_sm3)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, batchId, now, actor.userId(), date, layout.code(), lines.size(), total,
                        settings.relative(csv), settings.relative(xlsx), sm3);
                List<Object[]> payments = new ArrayList<>();
                List<Object[]> ids = new ArrayList<>();
                for (BatchLine l : lines) {
                    String pid = paymentId(batchId, l.lineNo());
                    payments.add(new Object[]{pid, l.enrollmentId(), locked.period().toString(), l.amount(), l.cardNo(),
                            date, Programs.remark(l.program(), locked.period()), batchId, PlatformRows.IMPORT_ID});
                    ids.add(new Object[]{pid, batchId, l.lineNo()});
                }
                jdbc.batchUpdate("INSERT INTO payments (payment_id, enrollment_id, period, amount, channel, card_no, "
                        + "paid_date, remark, batch_id, import_id, source_row) VALUES (?, ?, ?, ?, 'CARD', ?, ?, ?, ?, ?, "
                        + "nextval('" + PlatformRows.ROW_SEQUENCE + "'))", payments);
                jdbc.batchUpdate("UPDATE payment_batch_line SET payment_id = ? WHERE batch_id = ? AND line_no = ?", ids);
                store.update(batchId, BatchStatus.EXPORTED, now, Map.of("pay_date", date));
                store.event(batchId, actor, "EXPORT", locked.status(), BatchStatus.EXPORTED, null, Json.write(Map.of(
                        "layout", layout.code(), "payDate", date.toString(), "payments", lines.size(),
                        "total", total, "csvSm3", sm3)), now);
                move(csvPart, csv);
                move(xlsxPart, xlsx);
                return store.find(batchId).orElseThrow();
            });
            return new Export(b, layout.code(), date, lines.size(), total, csv, xlsx, sm3);
        } catch (DuplicateKeyException e) {
            throw paidTwice(batchId);
        } catch (PessimisticLockingFailureException e) {
            throw PaymentException.conflict("批次" + batchId + "正在被他人导出", "batch " + batchId
                    + " is being exported by someone else");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(csvPart);
            deleteQuietly(xlsxPart);
        }
    }

    private static PaymentException paidTwice(String batchId) {
        return PaymentException.conflict("批次" + batchId + "已经导出发放，不能重复发放",
                "batch " + batchId + " was already exported: a batch is paid once");
    }

    /** A bank file of an exported batch. */
    public Path bankFile(Actor actor, String batchId, String format) {
        visible(actor, batchId);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT csv_file, xlsx_file FROM payment_export "
                + "WHERE batch_id = ?", batchId);
        if (rows.isEmpty()) {
            throw PaymentException.invalid("批次" + batchId + "尚未导出", "batch " + batchId + " was not exported");
        }
        String stored = (String) rows.get(0).get("xlsx".equalsIgnoreCase(format) ? "xlsx_file" : "csv_file");
        return settings.resolve(stored);
    }

    static String paymentId(String batchId, int lineNo) {
        return "P" + batchId.substring(1) + "-" + String.format("%04d", lineNo);
    }

    private Map<String, String> fields(PaymentBatch b, BatchLine l, String paymentId, LocalDate date) {
        Map<String, String> f = new HashMap<>();
        f.put("payment_id", paymentId);
        f.put("batch_id", b.batchId());
        f.put("line_no", String.valueOf(l.lineNo()));
        f.put("card_no", l.cardNo());
        f.put("bank", l.bank());
        f.put("payee_name", l.payeeName());
        f.put("payee_id_no", l.payeeIdNo());
        f.put("amount", l.amount().setScale(2).toPlainString());
        f.put("amount_cents", l.amount().movePointRight(2).setScale(0).toPlainString());
        f.put("remark", l.program() == null ? "" : Programs.remark(l.program(), b.period()));
        f.put("period", b.period().toString());
        f.put("enrollment_id", l.enrollmentId());
        f.put("program", l.program());
        f.put("town_code", b.townCode());
        f.put("region_code", l.regionCode());
        f.put("pay_date", date.toString());
        return f;
    }

    // ================================================================== RECONCILED

    /**
     * Takes a bank's receipt file ({@code bank_receipts}: payment_id, card_no, amount, status, settled_date,
     * failure_reason; CSV in UTF-8 or GBK, XLSX, XLS) for exported batches: every row must name a payment of an
     * exported batch in the actor's region (any bad row refuses the file), the rows are added to
     * {@code bank_receipts}, the batches become RECONCILED and rule C08 runs on them. The same file twice adds
     * nothing. Failed payments are listed for {@link #reissue}.
     *
     * @param batchId when not null, every row must be of this batch
     */
    public Reconciliation importReceipts(Actor actor, String batchId, Path file, String fileName) {
        Access.change(actor, 3, "导入银行回单", "import bank receipts");
        if (batchId != null) {
            visible(actor, batchId);
        }
        String name = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName;
        String sm3 = Sm3.of(file);
        Dataset d = contract.dataset("bank_receipts");
        List<Object[]> rows = new ArrayList<>();
        Map<String, String> batchOf = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        try (DatasetReader reader = DatasetReader.open(file, name, d, new ValueParser(contract, regions.directory()))) {
            ParsedRow row;
            while ((row = reader.next()) != null) {
                if (!row.ok()) {
                    errors.addAll(row.errors());
                    continue;
                }
                Object[] v = row.values().clone();
                String pid = (String) v[d.indexOf("payment_id")];
                String batch = batchOf.computeIfAbsent(pid, p -> jdbc.queryForList(
                        "SELECT batch_id FROM payment_batch_line WHERE payment_id = ?", String.class, p)
                        .stream().findFirst().orElse(""));
                PaymentBatch b = batch.isEmpty() ? null : store.find(batch).filter(x -> actor.canSee(x.townCode()))
                        .orElse(null);
                if (b == null) {
                    errors.add(new RowError(name, row.row(), "payment_id", pid, new Reason(
                            "不是本平台已导出批次的发放流水号", "not a payment of an exported batch of the platform")));
                } else if (batchId != null && !batchId.equals(batch)) {
                    errors.add(new RowError(name, row.row(), "payment_id", pid, new Reason(
                            "不属于批次" + batchId + "（属于" + batch + "）", "not of batch " + batchId + " (of " + batch + ")")));
                } else if (b.status() != BatchStatus.EXPORTED && b.status() != BatchStatus.RECONCILED) {
                    errors.add(new RowError(name, row.row(), "payment_id", pid, new Reason(
                            "所属批次" + batch + "尚未导出", "its batch " + batch + " was not exported")));
                } else {
                    rows.add(v);
                }
            }
        } catch (ContractFileException e) {
            throw new PaymentException(PaymentException.Kind.INVALID, e.reason(),
                    List.of(new RowError(name, 0, "", "", e.reason())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(name, 0, "", "", new Reason("文件没有数据行", "the file has no rows")));
        }
        if (!errors.isEmpty()) {
            throw new PaymentException(PaymentException.Kind.INVALID, new Reason(
                    "回单文件有" + errors.size() + "处错误，未导入（见各行错误）",
                    "the receipt file has " + errors.size() + " error(s) and was not imported (see the rows)"), errors);
        }
        Set<String> batches = new java.util.TreeSet<>();
        rows.forEach(r -> batches.add(batchOf.get((String) r[d.indexOf("payment_id")])));
        boolean[] unchanged = {true};
        int added = tx.execute(status -> {
            int n = 0;
            OffsetDateTime now = now();
            for (String id : batches) {
                PaymentBatch b = store.lock(id);
                if (!jdbc.queryForList("SELECT 1 FROM payment_receipt_file WHERE batch_id = ? AND content_sm3 = ?",
                        Integer.class, id, sm3).isEmpty()) {
                    continue;
                }
                unchanged[0] = false;
                List<Object[]> mine = rows.stream().filter(r -> id.equals(batchOf.get((String) r[d.indexOf("payment_id")])))
                        .map(r -> new Object[]{r[0], r[1], r[2], r[3], r[4], r[5], PlatformRows.IMPORT_ID}).toList();
                jdbc.update("INSERT INTO payment_receipt_file (receipt_file_id, batch_id, file_name, content_sm3, "
                        + "row_count, imported_at, imported_by) VALUES (nextval('receipt_file_seq'), ?, ?, ?, ?, ?, ?)",
                        id, name, sm3, mine.size(), now, actor.userId());
                jdbc.batchUpdate("INSERT INTO bank_receipts (payment_id, card_no, amount, status, settled_date, "
                        + "failure_reason, import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, nextval('"
                        + PlatformRows.ROW_SEQUENCE + "'))", mine);
                n += mine.size();
                store.update(id, BatchStatus.RECONCILED, now, Map.of());
                store.event(id, actor, "RECEIPTS", b.status(), BatchStatus.RECONCILED, null, Json.write(Map.of(
                        "file", name, "sm3", sm3, "rows", mine.size())), now);
            }
            return n;
        });
        List<PaymentBatch> result = new ArrayList<>();
        List<BatchClue> clues = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<YearMonth, List<PaymentBatch>> byPeriod = new TreeMap<>();
        for (String id : batches) {
            PaymentBatch b = store.find(id).orElseThrow();
            byPeriod.computeIfAbsent(b.period(), k -> new ArrayList<>()).add(b);
        }
        for (Map.Entry<YearMonth, List<PaymentBatch>> e : byPeriod.entrySet()) {
            List<Clue> found = unchanged[0] ? List.of() : checks.run("C08", e.getKey(), RegistrySources.Overlay.NONE);
            for (PaymentBatch b : e.getValue()) {
                Set<String> payments = new java.util.HashSet<>(jdbc.queryForList(
                        "SELECT payment_id FROM payment_batch_line WHERE batch_id = ? AND payment_id IS NOT NULL",
                        String.class, b.batchId()));
                List<Clue> mine = found.stream().filter(c -> payments.contains(c.subject())).toList();
                if (!unchanged[0]) {
                    tx.executeWithoutResult(status -> {
                        store.lock(b.batchId());
                        store.replaceClues(b.batchId(), "RECONCILE", mine, mine.stream().map(c -> false).toList(),
                                mine.stream().map(c -> (String) null).toList());
                        store.event(b.batchId(), actor, "RECONCILE", b.status(), b.status(), null, Json.write(Map.of(
                                "rule", "C08", "clues", mine.size())), now());
                    });
                }
                clues.addAll(store.clues(b.batchId()).stream().filter(c -> c.stage().equals("RECONCILE")).toList());
                failed.addAll(failedPayments(b.batchId()));
                result.add(store.find(b.batchId()).orElseThrow());
            }
        }
        return new Reconciliation(added, unchanged[0], result, clues, failed);
    }

    /** The batch's payments with a FAILED receipt and no SUCCESS one that no batch re-issues yet. */
    public List<String> failedPayments(String batchId) {
        return jdbc.queryForList("""
                SELECT l.payment_id FROM payment_batch_line l
                WHERE l.batch_id = ? AND l.payment_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = l.payment_id AND r.status = 'FAILED')
                  AND NOT EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = l.payment_id AND r.status = 'SUCCESS')
                  AND NOT EXISTS (SELECT 1 FROM payment_batch_line x WHERE x.reissue_of = l.payment_id)
                ORDER BY l.line_no
                """, String.class, batchId);
    }

    /**
     * Re-issues the failed payments of a reconciled batch in a new REISSUE batch ({@code ...-R<n>}): same enrollment,
     * month and amount, to the payee's card as the registry now has it. The people's claims move to the new batch;
     * a failed payment is re-issued once (unique in the database). The new batch goes through the whole cycle.
     */
    public PaymentBatch reissue(Actor actor, String batchId) {
        Access.change(actor, 3, "重新发放失败款项", "re-issue failed payments");
        visible(actor, batchId);
        try {
            return tx.execute(status -> {
                PaymentBatch old = store.lock(batchId);
                if (old.status() != BatchStatus.RECONCILED) {
                    throw PaymentException.illegal(batchId, old.status(), "重发（须先对账）", "re-issue (reconcile first)");
                }
                List<String> failed = failedPayments(batchId);
                if (failed.isEmpty()) {
                    throw PaymentException.invalid("批次" + batchId + "没有待重发的失败款项",
                            "batch " + batchId + " has no failed payment to re-issue");
                }
                Map<String, BatchLine> byPayment = new HashMap<>();
                store.lines(batchId).forEach(l -> byPayment.put(l.paymentId(), l));
                List<Payroll.Due> due = new ArrayList<>();
                List<String> reissueOf = new ArrayList<>();
                Map<String, Payroll.Due> current = enrollments(failed.stream().map(p -> byPayment.get(p).enrollmentId())
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
                for (String p : failed) {
                    BatchLine l = byPayment.get(p);
                    Payroll.Due now = current.get(l.enrollmentId());
                    due.add(new Payroll.Due(l.enrollmentId(), l.program(), null, l.regionCode(), now == null
                            ? l.payeeIdNo() : now.payeeIdNo(), l.amount(), now == null ? List.of() : now.members()));
                }
                Payroll.Built built = payroll.listIgnoringClaims(due, old.period());
                Map<String, String> failedOf = new HashMap<>();
                for (int i = 0; i < due.size(); i++) {
                    failedOf.put(due.get(i).enrollmentId(), failed.get(i));
                }
                built.lines().forEach(l -> reissueOf.add(failedOf.get(l.due().enrollmentId())));
                String base = regularId(old.townCode(), old.period());
                String id = base + "-R" + (store.countLike(base + "-R") + 1);
                OffsetDateTime now = now();
                store.insertBatch(id, BatchKind.REISSUE, old.townCode(), old.period(), built.lines(), batchId, actor, now);
                store.insertLines(id, old.period(), built.lines(), reissueOf);
                store.insertUnpaid(id, built.unpaid());
                for (Payroll.Listed l : built.lines()) {
                    jdbc.update("UPDATE payroll_claim SET batch_id = ? WHERE enrollment_id = ? AND period = ?",
                            id, l.due().enrollmentId(), old.period().toString());
                }
                store.event(id, actor, "GENERATE", null, BatchStatus.GENERATED, null, Json.write(Map.of(
                        "reissueOf", batchId, "payments", reissueOf, "unpaid", built.unpaid())), now);
                store.event(batchId, actor, "REISSUE", old.status(), old.status(), null, Json.write(Map.of(
                        "batch", id, "payments", reissueOf)), now);
                return store.find(id).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw PaymentException.conflict("失败款项已重发过（每笔只重发一次）", "the failed payments were already re-issued");
        }
    }

    // ================================================================== CANCELLED

    /** Cancels a batch that is not yet approved: its people are released (a re-issue's go back to the batch it re-issues). */
    public PaymentBatch cancel(Actor actor, String batchId, String reason) {
        Access.change(actor, 3, "作废批次", "cancel a batch");
        if (reason == null || reason.isBlank()) {
            throw PaymentException.invalid("作废须说明理由", "a cancellation needs a reason");
        }
        visible(actor, batchId);
        return tx.execute(status -> {
            PaymentBatch b = store.lock(batchId);
            if (!b.status().open()) {
                throw PaymentException.illegal(batchId, b.status(), "作废", "cancel");
            }
            if (b.kind() == BatchKind.REISSUE) {
                jdbc.update("UPDATE payroll_claim SET batch_id = ? WHERE batch_id = ?", b.reissueOf(), batchId);
                jdbc.update("UPDATE payment_batch_line SET reissue_of = NULL WHERE batch_id = ?", batchId);
            } else {
                jdbc.update("DELETE FROM payroll_claim WHERE batch_id = ?", batchId);
            }
            jdbc.update("DELETE FROM payroll_submissions WHERE batch_id = ?", batchId);
            OffsetDateTime now = now();
            store.update(batchId, BatchStatus.CANCELLED, now, Map.of());
            store.event(batchId, actor, "CANCEL", b.status(), BatchStatus.CANCELLED, reason.strip(), null, now);
            return store.find(batchId).orElseThrow();
        });
    }

    // ================================================================== queries

    public PaymentBatch batch(Actor actor, String batchId) {
        return visible(actor, batchId);
    }

    /** Batches in the actor's region, newest month first; period and status optional. */
    public List<PaymentBatch> batches(Actor actor, YearMonth period, BatchStatus status, int limit) {
        return store.list(actor.regionPrefix(), period, status, limit);
    }

    /**
     * Batches within {@code regionCode} (a town of the actor's region; null: the whole region; outside it: none),
     * newest month first; period and status optional.
     */
    public List<PaymentBatch> batches(Actor actor, String regionCode, YearMonth period, BatchStatus status, int limit) {
        if (regionCode == null || regionCode.isBlank()) {
            return batches(actor, period, status, limit);
        }
        String code = regionCode.strip();
        if (!code.matches("\\d{12}") || !actor.canSee(code)) {
            return List.of();
        }
        return store.list(Actor.prefixOf(code), period, status, limit);
    }

    public List<BatchLine> lines(Actor actor, String batchId) {
        visible(actor, batchId);
        return store.lines(batchId);
    }

    public List<UnpaidEnrollment> unpaid(Actor actor, String batchId) {
        visible(actor, batchId);
        return store.unpaid(batchId);
    }

    public List<BatchClue> clues(Actor actor, String batchId) {
        visible(actor, batchId);
        return store.clues(batchId);
    }

    public List<BatchEvent> history(Actor actor, String batchId) {
        visible(actor, batchId);
        return store.history(batchId);
    }

    /** The bank layouts this installation knows: code to name. */
    public Map<String, String> layouts() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.layouts().values().forEach(l -> out.put(l.code(), l.name()));
        return out;
    }

    // ================================================================== helpers

    private PaymentBatch visible(Actor actor, String batchId) {
        PaymentBatch b = store.find(batchId).orElseThrow(() -> PaymentException.notFound(batchId));
        if (!Access.sees(actor, b.townCode())) {
            throw PaymentException.notFound(batchId);
        }
        return b;
    }

    private String town(Actor actor, String townCode) {
        if (townCode == null || !townCode.matches("\\d{12}") || !"TOWN".equals(regions.levels().get(townCode))) {
            throw PaymentException.invalid("不是乡镇代码：" + townCode, "not a town code: " + townCode);
        }
        if (!actor.canSee(townCode)) {
            throw PaymentException.forbidden("乡镇" + townCode + "不在您的辖区", "town " + townCode + " is outside your region");
        }
        return townCode;
    }

    static String regularId(String town, YearMonth period) {
        return "B" + town.substring(0, 9) + "-" + period.toString().replace("-", "");
    }

    /** Enrollments by id: program, village, payee, amount, members. */
    private Map<String, Payroll.Due> enrollments(Set<String> ids) {
        Map<String, Payroll.Due> out = new HashMap<>();
        sunshine.payments.internal.Jdbc.inChunks(jdbc, """
                SELECT e.enrollment_id, e.program, e.household_id, h.region_code, e.payee_id_no, e.monthly_amount
                FROM enrollments e LEFT JOIN households h ON h.household_id = e.household_id
                WHERE e.enrollment_id IN (?)
                """, ids, rs -> {
                    out.put(rs.getString(1), new Payroll.Due(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBigDecimal(6), new ArrayList<>()));
                });
        sunshine.payments.internal.Jdbc.inChunks(jdbc, "SELECT enrollment_id, id_no FROM enrollment_members "
                + "WHERE enrollment_id IN (?) ORDER BY enrollment_id, id_no", ids, rs -> {
                    out.get(rs.getString(1)).members().add(rs.getString(2));
                });
        return out;
    }

    private Map<String, String> banks(List<String> cards) {
        Map<String, String> out = new HashMap<>();
        sunshine.payments.internal.Jdbc.inChunks(jdbc, "SELECT card_no, bank FROM cards WHERE card_no IN (?)",
                new LinkedHashSet<>(cards), rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static BigDecimal total(List<Payroll.Listed> lines) {
        return lines.stream().map(l -> l.due().amount()).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static BigDecimal lineTotal(List<BatchLine> lines) {
        return lines.stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static String mask(String idNo) {
        return idNo == null || idNo.length() < 18 ? idNo : idNo.substring(0, 6) + "********" + idNo.substring(14);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file left behind
        }
    }

    /** Runs a transaction again when it lost a race on a key or a lock (the loser finds the winner's rows). */
    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                if (attempt >= RETRIES) {
                    throw PaymentException.conflict("并发操作冲突，请重试", "a concurrent change got in the way: try again");
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw PaymentException.conflict("操作被中断", "interrupted");
                }
            }
        }
    }
}
