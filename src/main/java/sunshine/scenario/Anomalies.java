package sunshine.scenario;

import static sunshine.scenario.CountyBuilder.money;
import static sunshine.scenario.GroundTruth.subject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Household;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Receipt;
import sunshine.scenario.Model.Staff;
import sunshine.scenario.Model.Submission;
import sunshine.scenario.RegionAtlas.Division;

/**
 * The anomalies: for every rule of rules.md, households that break it, each a clean household first (made by the
 * same {@link CountyBuilder} methods as the baseline) with one thing changed, and the clues a correct
 * implementation must produce for it, amounts computed from the very payments the household received.
 * <p>
 * Some anomalies break a second rule by their nature (money paid onto another household's card is also paid to
 * a card whose holder is not covered); those clues are recorded too, with the reason.
 */
final class Anomalies {

    private final CountyBuilder b;
    private final GroundTruth truth;
    private final String otherCounty;
    /** Enrollments whose line in the payroll for P is altered once the payroll is made (rule C07). */
    private final List<Runnable> payrollChanges = new ArrayList<>();

    Anomalies(CountyBuilder b, GroundTruth truth) {
        this.b = b;
        this.truth = truth;
        this.otherCounty = b.county6.equals("371525") ? "371526" : "371525";
    }

    /** Every rule but C07 (see {@link #alterPayroll}) and the town indicators (see {@link TownIndicators}). */
    void inject() {
        repeat(this::a01);
        repeat(this::a02);
        repeat(this::a03);
        repeat(this::a04);
        repeat(this::a05);
        repeat(this::a06);
        repeat(this::a07);
        repeat(this::a08);
        repeat(this::a09);
        repeat(this::a10);
        repeat(this::b01);
        repeat(this::b02);
        repeat(this::b03);
        repeat(this::b04);
        repeat(this::b05);
        repeat(this::b06);
        repeat(this::b07);
        repeat(this::b08);
        repeat(this::c01);
        repeat(this::c02);
        repeat(this::c03);
        repeat(this::c04);
        repeat(this::c05);
        repeat(this::c06);
        repeat(this::c07);
        repeat(this::c08);
        repeat(this::c09);
        repeat(this::d01);
        repeat(this::d02);
        repeat(this::d03);
        repeat(this::d04);
    }

    /** Rule C07 compares the payroll for P with the registry: its anomalies are made in the payroll itself. */
    void alterPayroll() {
        payrollChanges.forEach(Runnable::run);
    }

    // Where an anomaly changes who is paid (an enrollment ending or starting, a month unpaid), it does so at least
    // four months before P, so that it cannot move a town's growth between P-3 and P (indicator E02).

    private void repeat(Runnable injection) {
        long times = Math.max(1, Math.round(2 * b.factor));
        for (int i = 0; i < times; i++) {
            injection.run();
        }
    }

    // ------------------------------------------------------------------ A. eligibility

    private void a01() {
        // a member of a couple dies; the household's money goes on for the months after
        Enrollment e = dibao("RURAL", 2);
        Person dead = e.members.get(1);
        YearMonth month = b.someMonthInWindow(2);
        death(dead, b.someDay(month), "POLICE");
        truth.clue("A01", subject(e.id, dead.id), shares(e, m -> m.isAfter(month)),
                "member died " + month + ", paid after");

        // an old man on extreme-poverty support, cremated two years ago, recorded under his old 15-digit number;
        // a later police record of the same death gives another date: the earliest one counts
        Enrollment t = tekun();
        LocalDate died = b.firstMonth().minusMonths(20).atDay(11);
        b.data.deaths.add(new Model.Death(IdNumberFactory.fifteenDigit(t.payee.id), t.payee.name, died,
                "CREMATION"));
        death(t.payee, died.plusMonths(14), "POLICE");
        truth.clue("A01", subject(t.id, t.payee.id), shares(t, m -> m.isAfter(YearMonth.from(died))),
                "cremated " + died + " (15-digit ID), paid through the window");
    }

    private void a02() {
        Enrollment e = dibao("URBAN", 3);
        Person owner = e.members.get(1);
        YearMonth month = b.someMonthInWindow(1);
        business(owner, "LEGAL_REP", "ENTERPRISE", "ACTIVE", money(500_000), b.someDay(month));
        truth.clue("A02", subject(e.id, owner.id), shares(e, m -> !m.isBefore(month)),
                "legal representative of a company of 500,000 yuan founded " + month);

        Enrollment t = tekun();
        business(t.payee, "OWNER", "INDIVIDUAL", "ACTIVE", null, b.someDay(b.firstMonth().minusMonths(30)));
        truth.clue("A02", subject(t.id, t.payee.id), shares(t, m -> true), "runs a shop (individual business)");

        Enrollment u = dibao("RURAL", 2);
        YearMonth founded = b.someMonthInWindow(1);
        business(u.members.get(0), "SHAREHOLDER", "ENTERPRISE", "ACTIVE", null, b.someDay(founded));
        truth.clue("A02", subject(u.id, u.members.get(0).id), shares(u, m -> !m.isBefore(founded)),
                "shareholder of a company of unknown capital founded " + founded);
    }

    private void a03() {
        Enrollment e = dibao("RURAL", 2);
        Person owner = e.members.get(0);
        YearMonth month = b.someMonthInWindow(1);
        vehicle(owner, "CAR", money(128_000), b.someDay(month), "ACTIVE");
        truth.clue("A03", subject(e.id, owner.id), shares(e, m -> !m.isBefore(month)),
                "bought a 128,000-yuan car in " + month);

        Enrollment u = dibao("URBAN", 1);
        vehicle(u.members.get(0), "TRUCK", null, b.someDay(b.firstMonth().minusMonths(40)), "ACTIVE");
        truth.clue("A03", subject(u.id, u.members.get(0).id), shares(u, m -> true), "owns a truck, price unknown");
    }

    private void a04() {
        Enrollment e = dibao("URBAN", 2);
        YearMonth second = b.someMonthInWindow(1);
        property(e.members.get(0), "RESIDENTIAL", b.someDay(b.firstMonth().minusMonths(60)));
        property(e.members.get(1), "RESIDENTIAL", b.someDay(second));
        truth.clue("A04", e.id, totals(e, m -> !m.isBefore(second)), "second flat registered " + second);

        Enrollment u = dibao("RURAL", 3);
        property(u.members.get(2), "COMMERCIAL", b.someDay(b.firstMonth().minusMonths(15)));
        truth.clue("A04", u.id, totals(u, m -> true), "owns a shop");
    }

    private void a05() {
        Enrollment e = dibao("RURAL", 3);
        Person worker = e.members.get(1);
        employ(worker, "PUBLIC_INSTITUTION", b.someDay(b.firstMonth().minusMonths(50)), null);
        truth.clue("A05", subject(e.id, worker.id), shares(e, m -> true), "works for a public institution");

        Enrollment u = dibao("URBAN", 2);
        YearMonth left = b.someMonthInWindow(2);
        employ(u.members.get(0), "CIVIL_SERVANT", b.someDay(b.firstMonth().minusMonths(80)), b.someDay(left));
        truth.clue("A05", subject(u.id, u.members.get(0).id), shares(u, m -> !m.isAfter(left)),
                "civil servant until " + left);

        Enrollment t = tekun();
        YearMonth hired = b.someMonthInWindow(1);
        employ(t.payee, "SOE", b.someDay(hired), null);
        truth.clue("A05", subject(t.id, t.payee.id), shares(t, m -> !m.isBefore(hired)),
                "employed by a state enterprise from " + hired);
    }

    private void a06() {
        // a wage far above the standard from some month on: no longer eligible
        Enrollment e = dibao("RURAL", 2, 200);
        YearMonth from = b.someMonthInWindow(3);
        Person earner = e.members.get(1);
        BigDecimal wage = money(3_000);
        BigDecimal amount = BigDecimal.ZERO;
        for (YearMonth m : b.window) {
            if (!m.isBefore(from)) {
                b.data.insurance.add(new Model.Insurance(earner.id, m, "WAGE_BASE", wage));
                BigDecimal detected = wage.subtract(e.perCapitaIncome.multiply(BigDecimal.valueOf(2)));
                amount = amount.add(paid(e, m).min(detected));
            }
        }
        truth.clue("A06", e.id, "INELIGIBLE", amount, null, "wage of 3,000 a month from " + from);

        // a pension somewhat above what was declared: still eligible, but the top-up is too high
        Enrollment u = dibao("RURAL", 2, 400);
        BigDecimal pension = u.perCapitaIncome.add(money(150)).multiply(BigDecimal.valueOf(2));
        BigDecimal understated = BigDecimal.ZERO;
        for (YearMonth m : b.window) {
            b.data.insurance.add(new Model.Insurance(u.members.get(0).id, m, "PENSION", pension));
            BigDecimal excess = pension.subtract(u.perCapitaIncome.multiply(BigDecimal.valueOf(2)));
            understated = understated.add(paid(u, m).min(excess));
        }
        truth.clue("A06", u.id, "UNDERSTATED", understated, null, "pension of " + pension + " not declared");
    }

    private void a07() {
        Enrollment e = dibao("RURAL", 2);
        Person p = e.members.get(1);
        BigDecimal other = money(300);
        BigDecimal amount = BigDecimal.ZERO;
        YearMonth from = b.someMonthInWindow(4);
        for (int i = 0; i < 4; i++) {
            YearMonth m = from.plusMonths(i);
            b.data.otherRolls.add(new Model.OtherRoll(p.id, "DIBAO_RURAL", otherCounty + "000000", m, other));
            amount = amount.add(share(e, paymentFor(e, m)).min(other));
        }
        truth.clue("A07", subject(e.id, p.id), amount, "also on " + otherCounty + "'s rural roll for 4 months");

        Enrollment t = tekun();
        BigDecimal urban = money(500);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            YearMonth m = b.period.minusMonths(i);
            b.data.otherRolls.add(new Model.OtherRoll(t.payee.id, "DIBAO_URBAN", otherCounty + "001000", m, urban));
            total = total.add(share(t, paymentFor(t, m)).min(urban));
        }
        truth.clue("A07", subject(t.id, t.payee.id), total, "on another county's urban roll: same family as TEKUN");
    }

    private void a08() {
        // a member covered in the household's minimum living guarantee and on extreme-poverty support of his own
        Enrollment e = dibao("RURAL", 2);
        Person father = e.members.get(1);
        Enrollment t = b.enroll("TEKUN", e.household, father, List.of(father), b.longStanding(),
                b.standard("TEKUN", e.household, b.period), null);
        BigDecimal amount = BigDecimal.ZERO;
        for (YearMonth m : b.window) {
            BigDecimal s1 = share(e, paymentFor(e, m));
            BigDecimal s2 = share(t, paymentFor(t, m));
            amount = amount.add(s1.add(s2).subtract(s1.max(s2)));
        }
        truth.clue("A08", father.id, amount, "covered by DIBAO and TEKUN at once");

        // a woman who married into another household and is covered in both
        Enrollment h1 = dibao("URBAN", 2);
        Person wife = h1.members.get(1);
        Enrollment h2 = dibao("URBAN", 1);
        h2.members.add(wife);
        h2.monthlyAmount = h2.monthlyAmount.multiply(BigDecimal.valueOf(2));
        for (Payment p : h2.payments) {
            setAmount(p, h2.monthlyAmount);
        }
        BigDecimal twice = BigDecimal.ZERO;
        for (YearMonth m : b.window) {
            BigDecimal s1 = share(h1, paymentFor(h1, m));
            BigDecimal s2 = share(h2, paymentFor(h2, m));
            twice = twice.add(s1.add(s2).subtract(s1.max(s2)));
        }
        truth.clue("A08", wife.id, twice, "covered by two households' DIBAO");
    }

    private void a09() {
        // a severely disabled son, not covered himself, never got the care subsidy
        Enrollment e = dibao("RURAL", 2);
        Person son = extraPerson(e.household, "CHILD", 20, 40);
        b.certify(son, 2);
        truth.clue("A09", son.id, "CARE", CountyBuilder.ZERO,
                b.standard("DISABILITY_CARE", e.household, b.period), "level-2 certificate, no care subsidy");

        // a covered member with a level-4 certificate never got the living subsidy
        Enrollment u = dibao("URBAN", 2);
        Person m = u.members.get(1);
        b.certify(m, 4);
        truth.clue("A09", m.id, "LIVING", CountyBuilder.ZERO,
                b.standard("DISABILITY_LIVING", u.household, b.period), "DIBAO, certificate, no living subsidy");
    }

    private void a10() {
        Enrollment e = dibao("RURAL", 2);
        Person p = e.members.get(1);
        YearMonth month = b.someMonthInWindow(2);
        b.data.residency.add(new Model.Residency(p.id, "CANCELLED", b.someDay(month), null));
        truth.clue("A10", subject(e.id, p.id), shares(e, m -> m.isAfter(month)), "registration cancelled " + month);

        Enrollment u = dibao("URBAN", 2);
        Person q = u.members.get(0);
        YearMonth moved = b.someMonthInWindow(2);
        b.data.residency.add(new Model.Residency(q.id, "MOVED_OUT", b.someDay(moved), otherCounty + "102000"));
        truth.clue("A10", subject(u.id, q.id), shares(u, m -> m.isAfter(moved)), "moved to another county " + moved);

        Enrollment t = tekun();
        YearMonth gone = b.someMonthInWindow(2);
        b.data.residency.add(new Model.Residency(t.payee.id, "MOVED_OUT", b.someDay(gone), null));
        truth.clue("A10", subject(t.id, t.payee.id), shares(t, m -> m.isAfter(gone)), "moved out, destination unknown");
    }

    // ------------------------------------------------------------------ B. subsidy cards

    private void b01() {
        Enrollment e = dibao("RURAL", 2);
        Person head = e.payee;
        b.newCard(head, b.someDay(b.someMonthInWindow(1)), "ACTIVE", "SUBSIDY");
        truth.clue("B01", head.id, CountyBuilder.ZERO, "a second subsidy card, unused");
    }

    private void b02() {
        // the payee changed from the husband to the wife; both cards stay open
        Enrollment e = dibao("URBAN", 2);
        Person wife = e.members.get(1);
        Card second = b.subsidyCard(wife);
        // never the window's first month: both cards must be paid in the window
        YearMonth from = b.someMonthInWindow(2);
        if (from.equals(b.firstMonth())) {
            from = from.plusMonths(1);
        }
        e.payee = wife;
        for (Payment p : e.payments) {
            if (!p.period.isBefore(from)) {
                setCard(p, second.cardNo);
            }
        }
        truth.clue("B02", e.id, CountyBuilder.ZERO, "paid to the husband's and then the wife's card, both open");
    }

    private void b03() {
        // paid for months onto a stranger's card, since closed; then onto the payee's own
        Enrollment e = tekun();
        Card stranger = b.newCard(b.ids.outsider(b.birth(30, 50), true), ChineseNames.full(b.rng, true),
                b.someDay(b.firstMonth().minusMonths(30)), "CLOSED", "SUBSIDY");
        YearMonth until = b.someMonthInWindow(2);
        BigDecimal amount = BigDecimal.ZERO;
        for (Payment p : e.payments) {
            if (!p.period.isAfter(until)) {
                setCard(p, stranger.cardNo);
                amount = amount.add(p.amount);
            }
        }
        truth.clue("B03", subject(e.id, stranger.cardNo), amount, "paid to a stranger's card until " + until);
    }

    private void b04() {
        Enrollment owner = dibao("RURAL", 2);
        Card card = b.subsidyCard(owner.payee);
        BigDecimal others = BigDecimal.ZERO;
        int households = b.rng.nextBoolean() ? 1 : 2;
        for (int i = 0; i < households; i++) {
            Enrollment other = dibao("RURAL", 1);
            BigDecimal paidToCard = BigDecimal.ZERO;
            for (Payment p : other.payments) {
                setCard(p, card.cardNo);
                paidToCard = paidToCard.add(p.amount);
            }
            others = others.add(paidToCard);
            truth.clue("B03", subject(other.id, card.cardNo), paidToCard,
                    "paid onto another household's card (with B04)");
        }
        truth.clue("B04", card.cardNo, others, households + " other household(s) paid onto one card");
    }

    private void b05() {
        Enrollment e = tekun();
        Card card = b.subsidyCard(e.payee);
        card.custodianId = b.ids.outsider(b.birth(35, 60), true);
        truth.clue("B05", card.cardNo, CountyBuilder.ZERO, "kept by a neighbour, not filed");

        Enrollment u = tekun();
        Card kept = b.subsidyCard(u.payee);
        kept.custodianId = b.villageCadres.get(u.household.regionCode).get(1).id();
        truth.clue("B05", kept.cardNo, CountyBuilder.ZERO, "kept by the village cadre, not filed");
    }

    private void b06() {
        Enrollment e = tekun();
        Staff cadre = b.villageCadres.get(e.household.regionCode).get(0);
        Card card = b.newCard(cadre.id(), cadre.name(), b.someDay(b.firstMonth().minusMonths(40)), "ACTIVE",
                "SUBSIDY");
        BigDecimal amount = BigDecimal.ZERO;
        for (Payment p : e.payments) {
            setCard(p, card.cardNo);
            amount = amount.add(p.amount);
        }
        truth.clue("B06", card.cardNo, amount, "an old man's support paid onto the village cadre's own card");
        truth.clue("B03", subject(e.id, card.cardNo), amount, "the cadre is neither covered nor the payee (with B06)");
    }

    private void b07() {
        String[] bad = {"补助发放", null, CountyBuilder.programLabel("DIBAO_RURAL"), "%s生活费"};
        for (String remark : bad) {
            Enrollment e = dibao("RURAL", 1);
            Payment p = e.payments.get(b.rng.nextInt(e.payments.size()));
            p.remark = remark == null ? null : remark.contains("%s")
                    ? String.format(remark, p.period.getYear() + "年" + p.period.getMonthValue() + "月") : remark;
            truth.clue("B07", p.id, CountyBuilder.ZERO, "remark: " + p.remark);
        }
    }

    private void b08() {
        Enrollment e = dibao("RURAL", 2);
        Payment p = e.payments.get(b.rng.nextInt(e.payments.size()));
        p.channel = "CASH";
        p.cardNo = null;
        p.receipts.clear();
        truth.clue("B08", p.id, CountyBuilder.ZERO, "minimum living guarantee paid in cash");
    }

    // ------------------------------------------------------------------ C. payments

    private void c01() {
        Enrollment e = dibao("RURAL", 2);
        Payment over = paymentFor(e, b.someMonthInWindow(0));
        setAmount(over, over.amount.add(money(100)));
        truth.clue("C01", over.id, "OVER", money(100), null, "paid 100 more than approved");

        Enrollment u = dibao("URBAN", 1);
        Payment under = paymentFor(u, b.someMonthInWindow(0));
        setAmount(under, under.amount.subtract(money(50)));
        truth.clue("C01", under.id, "UNDER", CountyBuilder.ZERO, money(50), "paid 50 less than approved");
    }

    private void c02() {
        // computed with a top-up 30 yuan a person too high
        Enrollment e = dibao("RURAL", 2);
        setMonthlyAmount(e, e.monthlyAmount.add(money(60)));
        truth.clue("C02", e.id, "OVER", money(60L * e.payments.size()), null, "amount 60 above the calculation");

        Enrollment t = tekun();
        setMonthlyAmount(t, t.monthlyAmount.add(money(100)));
        truth.clue("C02", t.id, "OVER", money(100L * t.payments.size()), null, "TEKUN 100 above the standard");

        Enrollment o = b.orphanHousehold(b.randomVillage(), b.longStanding());
        setMonthlyAmount(o, o.monthlyAmount.subtract(money(200)));
        truth.clue("C02", o.id, "UNDER", CountyBuilder.ZERO, money(200L * o.payments.size()),
                "orphan allowance 200 below the standard");
    }

    private void c03() {
        Enrollment e = dibao("RURAL", 3);
        Payment first = paymentFor(e, b.someMonthInWindow(1));
        Payment again = new Payment(b.nextPaymentId(), e, first.period, first.amount, "CARD", first.cardNo,
                first.paidDate.plusDays(1).getDayOfMonth() <= 10 ? first.paidDate.plusDays(1) : first.paidDate,
                first.remark, first.batchId + "-S1");
        again.receipts.add(new Receipt(again.id, again.cardNo, again.amount, "SUCCESS", again.paidDate, null));
        e.payments.add(again);
        b.data.payments.add(again);
        truth.clue("C03", subject(e.id, first.period), again.amount, "paid twice for " + first.period);
    }

    private void c04() {
        // terminated, but the payroll went on for two more months
        Enrollment e = dibaoWith("RURAL", 2, b.endedIn(b.someMonthInWindow(6)));
        Card card = b.subsidyCard(e.payee);
        for (int i = 1; i <= 2; i++) {
            Payment p = b.pay(e, e.endMonth.plusMonths(i), e.monthlyAmount, card);
            truth.clue("C04", p.id, p.amount, "paid after the end month " + e.endMonth);
        }
        // paid for the month of approval, before the entitlement started
        Enrollment u = dibaoWith("URBAN", 1, b.approvedIn(b.someMonthInWindow(5)));
        Payment early = b.pay(u, u.startMonth.minusMonths(1), u.monthlyAmount, b.subsidyCard(u.payee));
        truth.clue("C04", early.id, early.amount, "paid before the start month " + u.startMonth);
    }

    private void c05() {
        Enrollment e = dibao("RURAL", 2);
        YearMonth m1 = b.someMonthInWindow(0);
        YearMonth m2 = m1.equals(b.period) ? m1.minusMonths(1) : m1.plusMonths(1);
        for (YearMonth m : List.of(m1, m2)) {
            Payment p = paymentFor(e, m);
            p.paidDate = b.day(m, 16 + b.rng.nextInt(10));
            for (Receipt r : p.receipts) {
                r.settledDate = p.paidDate;
            }
            truth.clue("C05", subject(e.id, m), CountyBuilder.ZERO, "paid on day " + p.paidDate.getDayOfMonth());
        }
    }

    private void c06() {
        Enrollment e = dibao("RURAL", 2);
        YearMonth m1 = b.someMonthInWindow(5);
        for (YearMonth m : List.of(m1, m1.plusMonths(1))) {
            removePayment(e, paymentFor(e, m));
            truth.clue("C06", subject(e.id, m), "", CountyBuilder.ZERO, e.monthlyAmount, "not paid for " + m);
        }
    }

    private void c07() {
        Enrollment amount = dibao("RURAL", 2);
        Enrollment card = dibao("RURAL", 2);
        Enrollment payee = dibao("URBAN", 2);
        Enrollment twice = dibao("RURAL", 1);
        Enrollment missing = dibao("RURAL", 3);
        Enrollment inactive = dibaoWith("RURAL", 2, b.endedIn(b.someMonthInWindow(4)));
        Enrollment other = dibao("URBAN", 1);
        String unknownId = b.nextEnrollmentId();
        payrollChanges.add(() -> {
            Submission a = line(amount);
            a.amount = a.amount.add(money(150));
            truth.clue("C07", subject(a.batchId, amount.id), "AMOUNT", money(150), null, "150 more than approved");

            Submission c = line(card);
            c.cardNo = b.subsidyCard(other.payee).cardNo;
            truth.clue("C07", subject(c.batchId, card.id), "CARD", CountyBuilder.ZERO, null, "someone else's card");

            Submission p = line(payee);
            p.payeeId = payee.members.get(1).id;
            p.name = payee.members.get(1).name;
            truth.clue("C07", subject(p.batchId, payee.id), "PAYEE", p.amount, null, "another payee");

            Submission d = line(twice);
            b.data.submissions.add(b.data.submissions.indexOf(d) + 1, d.copy());
            truth.clue("C07", subject(d.batchId, twice.id), "DUPLICATE", d.amount, null, "listed twice");

            Submission m = line(missing);
            b.data.submissions.remove(m);
            truth.clue("C07", subject(m.batchId, missing.id), "MISSING", CountyBuilder.ZERO, missing.monthlyAmount,
                    "left out of the payroll");

            String town = inactive.household.town();
            Submission stale = new Submission(CountyBuilder.batchId(town, b.period), town, b.period, inactive.id,
                    inactive.payee.id, inactive.payee.name, inactive.monthlyAmount,
                    b.subsidyCard(inactive.payee).cardNo);
            b.data.submissions.add(stale);
            truth.clue("C07", subject(stale.batchId, inactive.id), "INACTIVE", stale.amount, null,
                    "terminated " + inactive.endMonth + ", still listed");

            Submission base = line(other);
            Submission ghost = new Submission(base.batchId, base.regionCode, base.period, unknownId,
                    b.ids.outsider(b.birth(30, 70), true), ChineseNames.full(b.rng, true), money(480),
                    "623" + b.county6 + "9" + String.format("%09d", b.rng.nextInt(1_000_000_000)));
            b.data.submissions.add(ghost);
            truth.clue("C07", subject(ghost.batchId, unknownId), "UNKNOWN", money(480), null, "no such enrollment");
        });
    }

    private void c08() {
        Enrollment e = dibao("RURAL", 2);
        Payment over = paymentFor(e, b.someMonthInWindow(1));
        over.receipts.get(0).amount = over.amount.add(money(20));
        truth.clue("C08", over.id, "AMOUNT", money(20), null, "the bank paid 20 more");

        Enrollment u = dibao("URBAN", 2);
        Payment under = paymentFor(u, b.someMonthInWindow(1));
        under.receipts.get(0).amount = under.amount.subtract(money(30));
        truth.clue("C08", under.id, "AMOUNT", CountyBuilder.ZERO, money(30), "the bank paid 30 less");

        Enrollment c = dibao("RURAL", 1);
        Enrollment other = dibao("RURAL", 1);
        Payment wrong = paymentFor(c, b.someMonthInWindow(1));
        wrong.receipts.get(0).cardNo = b.subsidyCard(other.payee).cardNo;
        truth.clue("C08", wrong.id, "CARD", wrong.amount, null, "the bank credited another card");

        Enrollment f = dibao("RURAL", 2);
        Payment failed = paymentFor(f, b.someMonthInWindow(4));
        Receipt r = failed.receipts.get(0);
        r.status = "FAILED";
        r.failureReason = "账户已冻结";
        truth.clue("C08", failed.id, "FAILED", CountyBuilder.ZERO, null, "failed and never re-issued");
        truth.clue("C06", subject(f.id, failed.period), "", CountyBuilder.ZERO, f.monthlyAmount,
                "the failed payment was the month's only one (with C08 FAILED)");

        Enrollment g = dibao("RURAL", 2);
        Payment lost = paymentFor(g, b.someMonthInWindow(1));
        lost.receipts.clear();
        truth.clue("C08", lost.id, "MISSING", CountyBuilder.ZERO, null, "no receipt, though its batch has them");
    }

    private void c09() {
        // three grants in one window
        Household h = b.newHousehold(b.randomVillage(), "RURAL");
        List<Person> family = b.family(h, 2, 30, 70);
        YearMonth m = b.someMonthInWindow(6);
        for (int i = 0; i < 3; i++) {
            Baseline.temporaryAssistance(b, h, family, m.plusMonths(2L * i), 500, false);
        }
        truth.clue("C09", h.id, CountyBuilder.ZERO, "three grants of temporary assistance");

        // two grants of 6,000 each: 2,000 above the limit
        Household big = b.newHousehold(b.randomVillage(), "URBAN");
        List<Person> three = b.family(big, 3, 30, 70);
        YearMonth first = b.someMonthInWindow(3);
        Baseline.temporaryAssistance(b, big, three, first, 2_000, false);
        Baseline.temporaryAssistance(b, big, three, first.plusMonths(2), 2_000, true);
        truth.clue("C09", big.id, money(2_000), "12,000 yuan in two grants");
    }

    // ------------------------------------------------------------------ D. staff integrity

    private void d01() {
        // the village cadre's mother is covered; nobody filed it
        Division village = b.randomVillage();
        Staff cadre = b.staffMember("VILLAGE_CADRE", village.code(), "VILLAGE", LocalDate.of(2005, 3, 1), null);
        Enrollment e = dibaoIn(village, "RURAL", 2);
        Person mother = e.members.get(1);
        b.data.staffRelatives.add(new Model.StaffRelative(cadre.id(), mother.id, "PARENT"));
        truth.clue("D01", subject(e.id, cadre.id()), CountyBuilder.ZERO, "village cadre's parent, not filed");

        // a town official's brother in a village of his town
        Division v2 = b.randomVillage();
        Staff official = b.staffMember("TOWN_OFFICIAL", v2.code().substring(0, 9) + "000", "TOWN",
                LocalDate.of(2006, 7, 1), null);
        Enrollment u = dibaoIn(v2, "URBAN", 1);
        b.data.staffRelatives.add(new Model.StaffRelative(official.id(), u.members.get(0).id, "SIBLING"));
        truth.clue("D01", subject(u.id, official.id()), CountyBuilder.ZERO, "town official's sibling, not filed");
    }

    private void d02() {
        Division village = b.randomVillage();
        Enrollment e = dibaoIn(village, "RURAL", 2);
        Person cadre = e.members.get(0);
        b.staffMember(cadre, "VILLAGE_CADRE", village.code(), "VILLAGE", LocalDate.of(2016, 1, 1), null);
        truth.clue("D02", subject(e.id, cadre.id), CountyBuilder.ZERO, "a serving village cadre covered himself");
    }

    private void d03() {
        // the approving official is the sister of a covered member; the relationship was filed, but she approved
        Staff approver = b.staffMember("COUNTY_OFFICIAL", b.county.code(), "COUNTY", LocalDate.of(2005, 1, 1),
                null);
        Enrollment e = dibao("RURAL", 2);
        Person brother = e.members.get(0);
        e.approverId = approver.id();
        b.data.staffRelatives.add(new Model.StaffRelative(approver.id(), brother.id, "SIBLING"));
        b.data.filings.add(new Model.Filing(b.nextFilingId(), "RELATIVE", brother.id, approver.id(), null,
                e.approvedDate.minusDays(20), "CITY"));
        truth.clue("D03", e.id, totals(e, m -> true), "approved by the covered member's sister");

        // a caseworker investigated his own household (filed as a beneficiary himself, at the right level)
        Division village = b.randomVillage();
        Enrollment u = dibaoIn(village, "URBAN", 2);
        Person worker = u.members.get(0);
        b.staffMember(worker, "CASEWORKER", u.household.town(), "TOWN", LocalDate.of(2015, 1, 1), null);
        u.investigatorId = worker.id;
        b.data.filings.add(new Model.Filing(b.nextFilingId(), "RELATIVE", worker.id, worker.id, null,
                u.approvedDate.minusDays(10), "COUNTY"));
        truth.clue("D03", u.id, totals(u, m -> true), "the investigator is a covered member");
    }

    private void d04() {
        Division village = b.randomVillage();
        Staff cadre = b.staffMember("VILLAGE_CADRE", village.code(), "VILLAGE", LocalDate.of(2009, 1, 1), null);
        Enrollment e = dibaoIn(village, "RURAL", 2);
        Person wife = e.members.get(1);
        b.data.staffRelatives.add(new Model.StaffRelative(cadre.id(), wife.id, "SPOUSE"));
        Model.Filing f = new Model.Filing(b.nextFilingId(), "RELATIVE", wife.id, cadre.id(), null,
                e.approvedDate.minusDays(5), "TOWN");
        b.data.filings.add(f);
        truth.clue("D04", f.id(), CountyBuilder.ZERO, "village cadre's relative filed only with the town");

        Staff official = b.staffMember("COUNTY_OFFICIAL", b.county.code(), "COUNTY", LocalDate.of(2004, 1, 1),
                null);
        Enrollment u = dibao("URBAN", 1);
        b.data.staffRelatives.add(new Model.StaffRelative(official.id(), u.members.get(0).id, "CHILD"));
        Model.Filing g = new Model.Filing(b.nextFilingId(), "RELATIVE", u.members.get(0).id, official.id(), null,
                u.approvedDate.minusDays(5), "COUNTY");
        b.data.filings.add(g);
        truth.clue("D04", g.id(), CountyBuilder.ZERO, "county official's child filed at county level");
    }

    // ------------------------------------------------------------------ helpers

    /** A clean, long-standing minimum-living-guarantee household with the county's average top-up. */
    Enrollment dibao(String urbanRural, int covered) {
        return dibaoIn(b.randomVillage(), urbanRural, covered);
    }

    Enrollment dibao(String urbanRural, int covered, int topUp) {
        return b.dibaoHousehold(b.randomVillage(), urbanRural, covered, money(topUp), b.longStanding());
    }

    Enrollment dibaoIn(Division village, String urbanRural, int covered) {
        return b.dibaoHousehold(village, urbanRural, covered, money(topUp(urbanRural)), b.longStanding());
    }

    Enrollment dibaoWith(String urbanRural, int covered, CountyBuilder.Lifecycle lc) {
        return b.dibaoHousehold(b.randomVillage(), urbanRural, covered, money(topUp(urbanRural)), lc);
    }

    private static int topUp(String urbanRural) {
        return urbanRural.equals("URBAN") ? Baseline.URBAN_TOP_UP : Baseline.RURAL_TOP_UP;
    }

    Enrollment tekun() {
        return b.tekunHousehold(b.randomVillage(), "RURAL", b.longStanding());
    }

    Person extraPerson(Household h, String relation, int minAge, int maxAge) {
        boolean male = b.rng.nextBoolean();
        Person head = b.person(h.headId);
        return b.newPerson(h, relation, head.name.substring(0, 1) + ChineseNames.given(b.rng, male),
                b.birth(minAge, maxAge), male);
    }

    void death(Person p, LocalDate date, String source) {
        b.data.deaths.add(new Model.Death(p.id, p.name, date, source));
    }

    private void business(Person p, String role, String type, String status, BigDecimal capital, LocalDate founded) {
        String name = type.equals("ENTERPRISE") ? b.county.name() + p.name.substring(0, 1) + "氏商贸有限公司"
                : p.name + "便利店";
        String credit = (type.equals("ENTERPRISE") ? "91" : "92") + b.county6 + "MA"
                + String.format("%08d", b.rng.nextInt(100_000_000)).replace('0', 'A');
        b.data.businesses.add(new Model.Business(p.id, p.name, role, name, credit.substring(0, 18), type, status,
                capital, founded));
    }

    void vehicle(Person p, String type, BigDecimal price, LocalDate registered, String status) {
        b.data.vehicles.add(new Model.Vehicle(p.id, b.plate(), type, "PRIVATE", registered, price, status));
    }

    void property(Person p, String usage, LocalDate registered) {
        b.data.properties.add(new Model.Property(p.id, b.certificateNo(), usage,
                BigDecimal.valueOf(60 + b.rng.nextInt(80)).setScale(2), p.householdId == null ? null
                : b.county.code(), registered));
    }

    void employ(Person p, String category, LocalDate from, LocalDate to) {
        String employer = switch (category) {
            case "CIVIL_SERVANT" -> b.county.name() + "自然资源局";
            case "SOE" -> "山东高速集团有限公司";
            default -> b.county.name() + "第一中学";
        };
        b.data.publicEmployees.add(new Model.PublicEmployee(p.id, p.name, employer, category, from, to));
    }

    /** The payment of an enrollment for a month (there is exactly one in a clean household). */
    static Payment paymentFor(Enrollment e, YearMonth m) {
        for (Payment p : e.payments) {
            if (p.period.equals(m)) {
                return p;
            }
        }
        throw new IllegalStateException(e.id + " has no payment for " + m);
    }

    /** What a covered member's share of a payment is: an equal part for household programs. */
    static BigDecimal share(Enrollment e, Payment p) {
        if (!e.isHouseholdProgram()) {
            return p.amount;
        }
        return p.amount.divide(BigDecimal.valueOf(e.members.size()), 10, RoundingMode.HALF_UP);
    }

    /** The sum of made payments for periods in the window that match. */
    BigDecimal totals(Enrollment e, Predicate<YearMonth> periods) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Payment p : e.payments) {
            if (p.made() && b.inWindow(p.period) && periods.test(p.period)) {
                sum = sum.add(p.amount);
            }
        }
        return money(sum);
    }

    /** A covered member's shares of the made payments for periods in the window that match. */
    BigDecimal shares(Enrollment e, Predicate<YearMonth> periods) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Payment p : e.payments) {
            if (p.made() && b.inWindow(p.period) && periods.test(p.period)) {
                sum = sum.add(share(e, p));
            }
        }
        return money(sum);
    }

    static BigDecimal paid(Enrollment e, YearMonth m) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Payment p : e.payments) {
            if (p.period.equals(m) && p.made()) {
                sum = sum.add(p.amount);
            }
        }
        return sum;
    }

    static void setAmount(Payment p, BigDecimal amount) {
        p.amount = amount;
        for (Receipt r : p.receipts) {
            r.amount = amount;
        }
    }

    static void setCard(Payment p, String cardNo) {
        p.cardNo = cardNo;
        for (Receipt r : p.receipts) {
            r.cardNo = cardNo;
        }
    }

    static void setMonthlyAmount(Enrollment e, BigDecimal amount) {
        e.monthlyAmount = amount;
        for (Payment p : e.payments) {
            setAmount(p, amount);
        }
    }

    private void removePayment(Enrollment e, Payment p) {
        e.payments.remove(p);
        b.data.payments.remove(p);
    }

    /** The enrollment's line in its town's payroll for P. */
    private Submission line(Enrollment e) {
        for (Submission s : b.data.submissions) {
            if (e.id.equals(s.enrollmentId)) {
                return s;
            }
        }
        throw new IllegalStateException(e.id + " is not in the payroll for " + b.period);
    }
}
