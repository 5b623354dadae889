package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Households;
import sunshine.checks.data.IntArrays;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Regions;
import sunshine.checks.data.Submissions;
import sunshine.checks.data.TextColumn;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Rule;

/**
 * C07 PRECHECK_MISMATCH 前置核对不一致 (docs/rules-interpretation.md, C07). Subject {@code batch_id/enrollment_id}.
 * <p>
 * The {@code payroll_submissions} rows for the check month P (the list the bank is about to pay; a list already paid
 * is C01's and C08's to judge, and is compared with amounts that may have changed since), per batch and enrollment; the variants in this order,
 * the first that applies names the clue and the evidence lists all that apply:
 * <ol>
 *   <li>UNKNOWN: no such enrollment. Amount: Σ the rows.</li>
 *   <li>INACTIVE: a row whose period the enrollment is not ACTIVE at, or a TEMP_ASSIST enrollment. Σ the rows.</li>
 *   <li>PAYEE: a row's payee_id_no differs from the enrollment's payee. Σ the rows.</li>
 *   <li>AMOUNT: a row's amount differs from monthly_amount. Σ max(0, submitted − monthly_amount); owed =
 *       Σ max(0, monthly_amount − submitted) when positive.</li>
 *   <li>CARD: a row's card is not an ACTIVE SUBSIDY card held by the enrollment's payee, nor an ACTIVE SUBSIDY card
 *       named by a CUSTODY filing whose subject is a covered member or the payee. Amount as AMOUNT.</li>
 *   <li>DUPLICATE: the enrollment is listed two or more times in the batch. Σ − the largest.</li>
 * </ol>
 * MISSING: for each batch (batch_id, town, period): an enrollment not TEMP_ASSIST, ACTIVE at the period, with
 * month(approved_date) ≤ period, whose household's town is the batch's town, that no row of the batch lists.
 * Amount 0, owed = monthly_amount. A batch with any clue must not be paid: every clue's evidence says so.
 * <p>
 * The subject starts with a batch, not an enrollment: the in-scope filter does not apply (an enrollment that ended
 * long ago and is listed again is exactly what INACTIVE finds).
 */
public final class PrecheckMismatch implements Rule {

    @Override
    public String code() {
        return "C07";
    }

    @Override
    public String name() {
        return "PRECHECK_MISMATCH";
    }

    @Override
    public String nameZh() {
        return "前置核对不一致";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> requires() {
        return Set.of("payroll_submissions", "cards", "filings");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Submissions subs = ctx.submissions();
        Enrollments en = ctx.enrollments();
        Households hh = ctx.households();
        Regions regions = ctx.regions();
        TextColumn enrollmentCodes = subs.table().texts("enrollment_id");
        int n = subs.size();

        // the rows of each batch for P (lists of other months are left out)
        int[] batchOf = new int[n];
        int batches = 0;
        for (int s = 0; s < n; s++) {
            batchOf[s] = subs.period(s) == ctx.period() ? subs.batch(s) : -1;
            batches = Math.max(batches, batchOf[s] + 1);
        }
        int[] rows = new int[n];
        int[] batchStart = IntArrays.group(batchOf, n, batches, rows);

        // the enrollments of each town (by the town's row in regions) that MISSING may concern
        int[] townOf = new int[en.size()];
        for (int e = 0; e < en.size(); e++) {
            townOf[e] = en.program(e) == Program.TEMP_ASSIST ? -1 : regions.indexOf(hh.town(en.household(e)));
        }
        int[] byTown = new int[en.size()];
        int[] townStart = IntArrays.group(townOf, en.size(), regions.size(), byTown);

        int[] listedIn = new int[en.size()];
        Arrays.fill(listedIn, -1);
        for (int b = 0; b < batches; b++) {
            int from = batchStart[b];
            int to = batchStart[b + 1];
            if (from == to) {
                continue;
            }
            // the rows of the batch by enrollment code, then row
            long[] keys = new long[to - from];
            for (int i = from; i < to; i++) {
                keys[i - from] = ((long) enrollmentCodes.code(rows[i]) << 32) | rows[i];
            }
            Arrays.sort(keys);
            int[] group = new int[keys.length];
            for (int i = 0; i < keys.length; ) {
                int code = (int) (keys[i] >>> 32);
                int k = 0;
                for (; i < keys.length && (int) (keys[i] >>> 32) == code; i++) {
                    group[k++] = (int) keys[i];
                }
                int e = subs.enrollment(group[0]);
                if (e >= 0) {
                    listedIn[e] = b;
                }
                listed(ctx, out, group, k, e);
            }
            missing(ctx, out, b, keys, townStart, byTown, listedIn);
        }
    }

    // ------------------------------------------------------------------ rows of the batch

    /** The rows group[0..k) of one batch naming one enrollment (e, or -1 when unknown): a clue when a variant applies. */
    private static void listed(CheckContext ctx, Clues out, int[] group, int k, int e) {
        Submissions subs = ctx.submissions();
        Enrollments en = ctx.enrollments();
        // a cheap pass first: most rows are as they should be
        boolean inactive = false;
        boolean payee = false;
        boolean amount = false;
        boolean card = false;
        if (e >= 0) {
            for (int i = 0; i < k; i++) {
                int s = group[i];
                inactive |= !active(ctx, e, subs.period(s));
                payee |= subs.payeeKey(s) != en.payeeKey(e);
                amount |= subs.amount(s) != en.monthlyAmount(e);
                card |= !cardOk(ctx, e, subs.card(s));
            }
        }
        if (e >= 0 && k < 2 && !inactive && !payee && !amount && !card) {
            return;
        }
        int[] rows = Arrays.copyOf(group, k);
        List<String> variants = new ArrayList<>();
        long sum = 0;
        long largest = 0;
        long over = 0;
        long under = 0;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        List<Evidence> lines = new ArrayList<>();
        for (int s : rows) {
            long a = subs.amount(s);
            sum += a;
            largest = Math.max(largest, a);
            first = Math.min(first, subs.period(s));
            last = Math.max(last, subs.period(s));
            Evidence line = Evidence.object().month("period", subs.period(s))
                    .put("payee_id_no", Ids.idNo(subs.payeeKey(s))).money("amount", a).put("card_no", subs.cardNo(s));
            if (e >= 0) {
                over += Math.max(0, a - en.monthlyAmount(e));
                under += Math.max(0, en.monthlyAmount(e) - a);
                line.put("active_at_period", active(ctx, e, subs.period(s)))
                        .put("card_ok", cardOk(ctx, e, subs.card(s)));
            }
            lines.add(line);
        }
        if (e < 0) {
            variants.add("UNKNOWN");
        }
        if (inactive) {
            variants.add("INACTIVE");
        }
        if (payee) {
            variants.add("PAYEE");
        }
        if (amount) {
            variants.add("AMOUNT");
        }
        if (card) {
            variants.add("CARD");
        }
        if (rows.length >= 2) {
            variants.add("DUPLICATE");
        }
        if (variants.isEmpty()) {
            return;
        }
        String variant = variants.get(0);
        int s0 = rows[0];
        String enrollmentId = subs.enrollmentId(s0);
        String head = "批次" + subs.batchId(s0) + "报送的" + (e >= 0 ? en.program(e).labelZh() : "") + "待遇" + enrollmentId;
        long risk;
        long owed = 0;
        String why;
        switch (variant) {
            case "UNKNOWN" -> {
                risk = sum;
                why = "在待遇库中不存在，报送金额" + Money.formatCents(sum) + "元";
            }
            case "INACTIVE" -> {
                risk = sum;
                why = (en.program(e) == Program.TEMP_ASSIST ? "为临时救助，不应列入月度发放名册"
                        : "在" + Months.zh(last) + "不处于正常享受状态（状态" + statusZh(en.status(e))
                        + (en.endMonth(e) == Months.NONE ? "" : "，终止月份" + Months.zh(en.endMonth(e))) + "）")
                        + "，报送金额" + Money.formatCents(sum) + "元";
            }
            case "PAYEE" -> {
                risk = sum;
                why = "领款人与待遇登记的领款人" + payeeName(ctx, e) + "不一致，报送金额" + Money.formatCents(sum) + "元";
            }
            case "AMOUNT" -> {
                risk = over;
                owed = under;
                why = "报送金额" + Money.formatCents(sum) + "元，核定月发放金额" + Money.formatCents(en.monthlyAmount(e))
                        + "元" + (rows.length > 1 ? "（共" + rows.length + "行）" : "")
                        + (over > 0 ? "，多报" + Money.formatCents(over) + "元" : "")
                        + (under > 0 ? "，少报" + Money.formatCents(under) + "元" : "");
            }
            case "CARD" -> {
                risk = over;
                owed = under;
                why = "卡号" + subs.cardNo(s0) + "不是领款人本人的有效一卡通，也不是已备案代管的有效一卡通";
            }
            default -> {
                risk = sum - largest;
                why = "在同一批次中重复列入" + rows.length + "次，多报" + Money.formatCents(sum - largest) + "元";
            }
        }
        String cardNo = subs.cardNo(s0);
        for (int s : rows) {
            if (subs.card(s) != subs.card(s0)) {
                cardNo = null;
            }
        }
        var clue = out.clue()
                .subject(subs.batchId(s0), enrollmentId)
                .variant(variant)
                .idNo(e >= 0 ? en.payeeIdNo(e) : Ids.idNo(subs.payeeKey(s0)))
                .cardNo(cardNo)
                .periods(first, last)
                .amountCents(risk)
                .explanation(head + why + "，该批次不得发放");
        if (e >= 0) {
            clue.enrollment(e);
        } else {
            clue.region(subs.town(s0));
        }
        Evidence evidence = Evidence.object()
                .put("batch_id", subs.batchId(s0))
                .put("town", RegionCodes.text(subs.town(s0)))
                .put("enrollment_id", enrollmentId)
                .put("enrollment_known", e >= 0)
                .texts("variants", variants);
        if (e >= 0) {
            evidence.put("program", en.program(e).name())
                    .put("status", en.status(e))
                    .month("start_month", en.startMonth(e))
                    .month("end_month", en.endMonth(e))
                    .put("payee_id_no", en.payeeIdNo(e))
                    .money("monthly_amount", en.monthlyAmount(e));
        }
        evidence.objects("rows", lines).put("batch_must_not_be_paid", true);
        clue.evidence(evidence);
        if ((variant.equals("AMOUNT") || variant.equals("CARD")) && owed > 0) {
            clue.owedCents(owed);
        }
        clue.add();
    }

    /** ACTIVE at the row's period, and not TEMP_ASSIST (a one-off grant has no place in a monthly payroll). */
    private static boolean active(CheckContext ctx, int e, int period) {
        return ctx.isActiveAt(e, period) && ctx.enrollments().program(e) != Program.TEMP_ASSIST;
    }

    /**
     * An ACTIVE SUBSIDY card held by the enrollment's payee, or an ACTIVE SUBSIDY card named by a CUSTODY filing whose
     * subject is a covered member or the payee.
     */
    private static boolean cardOk(CheckContext ctx, int e, int c) {
        Cards cards = ctx.cards();
        if (!cards.isRegistered(c) || !cards.isActive(c) || !cards.isSubsidy(c)) {
            return false;
        }
        Enrollments en = ctx.enrollments();
        long payee = en.payeeKey(e);
        if (cards.holderKey(c) == payee) {
            return true;
        }
        Filings filings = ctx.filings();
        if (!filings.hasCustodyFiling(c)) {
            return false;
        }
        if (filings.hasCustodyFiling(c, payee)) {
            return true;
        }
        Persons persons = ctx.persons();
        for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
            if (filings.hasCustodyFiling(c, persons.key(en.memberAt(i)))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ enrollments left out of the batch

    private static void missing(CheckContext ctx, Clues out, int b, long[] keys, int[] townStart, int[] byTown,
                                int[] listedIn) {
        Submissions subs = ctx.submissions();
        Enrollments en = ctx.enrollments();
        Regions regions = ctx.regions();
        // the batch's (town, period) pairs: one in any sane payroll
        List<long[]> units = new ArrayList<>();
        for (long key : keys) {
            int s = (int) key;
            long town = subs.town(s);
            int period = subs.period(s);
            boolean known = false;
            for (long[] u : units) {
                known |= u[0] == town && u[1] == period;
            }
            if (!known) {
                units.add(new long[] {town, period});
            }
        }
        units.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
        int batchRow = (int) keys[0];
        // enrollment -> periods it is missing from (several only for a batch of several periods)
        List<int[]> found = new ArrayList<>();
        for (long[] unit : units) {
            int t = regions.indexOf(unit[0]);
            if (t < 0) {
                continue;
            }
            int period = (int) unit[1];
            for (int i = townStart[t]; i < townStart[t + 1]; i++) {
                int e = byTown[i];
                if (listedIn[e] != b && en.approvedMonth(e) <= period && ctx.isActiveAt(e, period)) {
                    found.add(new int[] {e, period});
                }
            }
        }
        found.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        for (int i = 0; i < found.size(); ) {
            int e = found.get(i)[0];
            int j = i;
            while (j < found.size() && found.get(j)[0] == e) {
                j++;
            }
            int first = found.get(i)[1];
            int last = found.get(j - 1)[1];
            int months = j - i;
            long owed = en.monthlyAmount(e) * months;
            List<String> periods = new ArrayList<>();
            for (int k = i; k < j; k++) {
                periods.add(Months.iso(found.get(k)[1]));
            }
            out.clue()
                    .subject(subs.batchId(batchRow), en.id(e))
                    .variant("MISSING")
                    .enrollment(e)
                    .idNo(en.payeeIdNo(e))
                    .periods(first, last)
                    .owedCents(owed)
                    .explanation(en.program(e).labelZh() + "待遇" + en.id(e) + "在" + Months.zh(first)
                            + (months > 1 ? "等" + months + "个月" : "") + "应发" + Money.formatCents(owed)
                            + "元，未列入批次" + subs.batchId(batchRow) + "的发放名册，该批次不得发放")
                    .evidence(Evidence.object()
                            .put("batch_id", subs.batchId(batchRow))
                            .put("town", RegionCodes.text(ctx.households().town(en.household(e))))
                            .put("enrollment_id", en.id(e))
                            .texts("variants", List.of("MISSING"))
                            .texts("periods", periods)
                            .put("program", en.program(e).name())
                            .put("status", en.status(e))
                            .month("start_month", en.startMonth(e))
                            .month("end_month", en.endMonth(e))
                            .date("approved_date", en.approvedDate(e))
                            .money("monthly_amount", en.monthlyAmount(e))
                            .put("batch_must_not_be_paid", true))
                    .add();
            i = j;
        }
    }

    private static String payeeName(CheckContext ctx, int e) {
        int p = ctx.persons().indexOf(ctx.enrollments().payeeKey(e));
        return p < 0 ? "" : ctx.maskedName(p);
    }

    private static String statusZh(String status) {
        return switch (status) {
            case "ACTIVE" -> "正常";
            case "SUSPENDED" -> "暂停";
            case "TERMINATED" -> "终止";
            default -> status;
        };
    }
}
