package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.data.TextColumn;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * B07 NONSTANDARD_REMARK 发放摘要不规范 (docs/rules-interpretation.md, B07). Subject {@code payment_id}.
 * <p>
 * A made payment in W whose remark (empty counts as lacking) does not contain the program's keyword (低保 for
 * DIBAO_*, 特困, 临时救助, 孤儿, 生活补贴, 护理补贴) or does not contain its period in one of the forms
 * {@code 2026年10月}, {@code 2026年1月} (no leading zero), {@code 2026年01月}, {@code 202610}, {@code 2026-10}. Amount 0.
 * <p>
 * Remarks repeat (one text per program and month in a town): the verdict is computed once per distinct remark,
 * program and period (a cache indexed by the remark's dictionary code), not once per payment.
 */
public final class NonstandardRemark implements Rule {

    private static final int LACKS_KEYWORD = 1;
    private static final int LACKS_PERIOD = 2;

    @Override
    public String code() {
        return "B07";
    }

    @Override
    public String name() {
        return "NONSTANDARD_REMARK";
    }

    @Override
    public String nameZh() {
        return "发放摘要不规范";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    /** The forms of a month a remark may carry: 2026年10月 / 2026年1月, 2026年01月 / 202610 / 2026-10. */
    static List<String> periodForms(int month) {
        int y = Months.year(month);
        int m = Months.month(month);
        String two = m < 10 ? "0" + m : String.valueOf(m);
        List<String> forms = new ArrayList<>();
        forms.add(y + "年" + m + "月");
        if (m < 10) {
            forms.add(y + "年" + two + "月");
        }
        forms.add(y + two);
        forms.add(y + "-" + two);
        return forms;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Payments pay = ctx.payments();
        Enrollments en = ctx.enrollments();
        TextColumn remarks = pay.table().texts("remark");
        List<List<String>> forms = new ArrayList<>();
        for (int m = ctx.windowFrom(); m <= ctx.windowTo(); m++) {
            forms.add(periodForms(m));
        }
        // per distinct remark: the (period, program) of the last verdict (+1; 0 = none) and the verdict
        int[] cachedFor = new int[remarks.dictionary().size()];
        byte[] cached = new byte[cachedFor.length];
        Program[] programs = Program.values();
        for (int p = 0; p < pay.size(); p++) {
            if (!ctx.isMadeInWindow(p)) {
                continue;
            }
            int period = pay.period(p);
            Program program = en.program(pay.enrollment(p));
            int code = remarks.code(p);
            int verdict;
            if (code < 0) {
                verdict = LACKS_KEYWORD | LACKS_PERIOD;
            } else {
                int key = ((period - ctx.windowFrom()) * programs.length + program.ordinal()) + 1;
                if (cachedFor[code] == key) {
                    verdict = cached[code];
                } else {
                    verdict = verdict(remarks.get(p), program, forms.get(period - ctx.windowFrom()));
                    cachedFor[code] = key;
                    cached[code] = (byte) verdict;
                }
            }
            if (verdict != 0) {
                emit(ctx, out, p, program, verdict, forms.get(period - ctx.windowFrom()));
            }
        }
    }

    private static int verdict(String remark, Program program, List<String> forms) {
        int v = remark.contains(program.remarkKeyword()) ? 0 : LACKS_KEYWORD;
        for (String f : forms) {
            if (remark.contains(f)) {
                return v;
            }
        }
        return v | LACKS_PERIOD;
    }

    private static void emit(CheckContext ctx, Clues out, int p, Program program, int verdict, List<String> forms) {
        Payments pay = ctx.payments();
        int e = pay.enrollment(p);
        String remark = pay.remark(p);
        List<String> lacks = new ArrayList<>();
        List<String> lacksZh = new ArrayList<>();
        if ((verdict & LACKS_KEYWORD) != 0) {
            lacks.add("keyword");
            lacksZh.add("项目关键词“" + program.remarkKeyword() + "”");
        }
        if ((verdict & LACKS_PERIOD) != 0) {
            lacks.add("period");
            lacksZh.add("所属月份（如" + String.join("、", forms) + "）");
        }
        int period = pay.period(p);
        String explanation = Months.zh(period) + program.moneyZh() + "的发放摘要"
                + (remark == null ? "为空，缺少" : "“" + remark + "”缺少") + String.join("和", lacksZh);
        out.clue()
                .subject(pay.id(p))
                .enrollment(e)
                .idNo(ctx.enrollments().payeeIdNo(e))
                .cardNo(pay.paidCardNo(p))
                .periods(period, period)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("payment_id", pay.id(p))
                        .month("period", period)
                        .put("program", program.name())
                        .put("remark", remark)
                        .texts("lacks", lacks)
                        .put("keyword", program.remarkKeyword())
                        .texts("period_forms", forms)
                        .date("paid_date", pay.paidDate(p))
                        .put("channel", pay.channel(p)))
                .add();
    }
}
