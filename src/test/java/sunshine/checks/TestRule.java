package sunshine.checks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Rule;

/**
 * A rule for the server's tests, Z98, whose behaviour a test chooses ({@link #mode}): nothing; a clue for every
 * made payment for P (thousands of clues in every town, all severities, to page, filter and sort); failing; a clue
 * the database refuses (after thousands it accepts); or waiting until the test lets it go (a run that stays RUNNING).
 */
public final class TestRule implements Rule {

    public enum Mode {
        /** Finds nothing. */
        OFF,
        /** One clue per made payment for P: subject the payment, severity by its id, variant its channel. */
        CENSUS,
        /** Throws. */
        THROW,
        /** CENSUS, and last a clue whose subject is longer than the database takes. */
        BAD_CLUE,
        /** Waits for {@link #release()} (at most a minute), then finds nothing. */
        BLOCK
    }

    public static volatile Mode mode = Mode.OFF;
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Back to finding nothing, with a new gate. */
    public static void reset() {
        gate.countDown();
        gate = new CountDownLatch(1);
        mode = Mode.OFF;
    }

    public static void release() {
        gate.countDown();
    }

    @Override
    public String code() {
        return "Z98";
    }

    @Override
    public String name() {
        return "TEST_RULE";
    }

    @Override
    public String nameZh() {
        return "测试规则";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        switch (mode) {
            case OFF -> {
            }
            case THROW -> throw new IllegalStateException("the test rule fails on purpose");
            case BLOCK -> {
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case CENSUS -> census(ctx, out);
            case BAD_CLUE -> {
                census(ctx, out);
                out.clue().subject("X".repeat(300)).region(371526101001L).explanation("过长的主体")
                        .evidence(Evidence.object()).add();
            }
        }
    }

    private static void census(CheckContext ctx, Clues out) {
        Payments pay = ctx.payments();
        Severity[] severities = Severity.values();
        for (int e = 0; e < ctx.enrollments().size(); e++) {
            for (int p : ctx.madePaymentsInWindow(e)) {
                if (pay.period(p) != ctx.period()) {
                    continue;
                }
                String id = pay.id(p);
                out.clue().subject(id)
                        .severity(severities[Math.floorMod(id.hashCode(), severities.length)])
                        .variant(pay.channel(p))
                        .enrollment(e)
                        .idNo(ctx.enrollments().payeeIdNo(e))
                        .cardNo(pay.cardNo(p))
                        .periods(pay.period(p), pay.period(p))
                        .amountCents(pay.amount(p))
                        .explanation("测试：" + Money.formatCents(pay.amount(p)) + "元")
                        .evidence(Evidence.object().put("payment_id", id).money("amount", pay.amount(p)))
                        .add();
            }
        }
    }
}
