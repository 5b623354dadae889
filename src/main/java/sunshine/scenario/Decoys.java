package sunshine.scenario;

import static sunshine.scenario.CountyBuilder.money;
import static sunshine.scenario.GroundTruth.subject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Household;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Receipt;
import sunshine.scenario.Model.Staff;
import sunshine.scenario.RegionAtlas.Division;

/**
 * Near misses: households one step short of a rule, which a correct implementation must leave alone. Each is
 * recorded in {@code decoys.csv} with the rule and the subject it must not produce.
 */
final class Decoys {

    private final CountyBuilder b;
    private final GroundTruth truth;
    private final Anomalies make;

    Decoys(CountyBuilder b, GroundTruth truth, Anomalies make) {
        this.b = b;
        this.truth = truth;
        this.make = make;
    }

    void place() {
        eligibility();
        cards();
        payments();
        staff();
    }

    private void eligibility() {
        // A01: died in the month of the last payment; the enrollment ended with that month
        YearMonth month = b.someMonthInWindow(4);
        Enrollment ended = make.dibaoWith("RURAL", 1, b.endedIn(month));
        make.death(ended.members.get(0), b.someDay(month), "HEALTH");
        truth.decoy("A01", subject(ended.id, ended.members.get(0).id), "died in the month of the last payment");
        // A01: the one who died was not covered
        Enrollment e = make.dibao("RURAL", 2);
        Person notCovered = make.extraPerson(e.household, "PARENT", 80, 95);
        make.death(notCovered, b.someDay(b.someMonthInWindow(3)), "POLICE");
        truth.decoy("A01", subject(e.id, notCovered.id), "a household member who was not covered died");

        // A02: a small company, a revoked shop, a company founded after P, a shop of someone not means-tested
        Enrollment small = make.dibao("RURAL", 2);
        business(small.members.get(0), "LEGAL_REP", "ENTERPRISE", "ACTIVE", money(50_000),
                b.someDay(b.firstMonth().minusMonths(3)));
        truth.decoy("A02", subject(small.id, small.members.get(0).id), "registered capital 50,000 < 100,000");
        Enrollment revoked = make.dibao("URBAN", 1);
        business(revoked.members.get(0), "OWNER", "INDIVIDUAL", "REVOKED", null,
                b.someDay(b.firstMonth().minusMonths(30)));
        truth.decoy("A02", subject(revoked.id, revoked.members.get(0).id), "individual business revoked");
        Enrollment later = make.dibao("RURAL", 1);
        business(later.members.get(0), "LEGAL_REP", "ENTERPRISE", "ACTIVE", money(300_000),
                b.period.plusMonths(1).atDay(6));
        truth.decoy("A02", subject(later.id, later.members.get(0).id), "company founded after the check month");
        Household h = b.newHousehold(b.randomVillage(), "RURAL");
        Person disabled = b.family(h, 2, 35, 60).get(0);
        b.certify(disabled, 1);
        Enrollment care = b.disabilitySubsidy("DISABILITY_CARE", disabled, h, b.longStanding());
        business(disabled, "OWNER", "INDIVIDUAL", "ACTIVE", null, b.someDay(b.firstMonth().minusMonths(12)));
        truth.decoy("A02", subject(care.id, disabled.id), "care subsidy is not means-tested");

        // A03: exempt types, a cheap car, a scrapped one, one bought after P
        String[][] vehicles = {{"MOTORCYCLE", null}, {"TRICYCLE", "18000"}, {"AGRICULTURAL", "65000"},
            {"MOBILITY", null}, {"CAR", "30000"}};
        for (String[] v : vehicles) {
            Enrollment owner = make.dibao("RURAL", 2);
            make.vehicle(owner.members.get(0), v[0], v[1] == null ? null : money(Long.parseLong(v[1])),
                    b.someDay(b.firstMonth().minusMonths(10)), "ACTIVE");
            truth.decoy("A03", subject(owner.id, owner.members.get(0).id), v[0] + " price " + v[1]);
        }
        Enrollment scrapped = make.dibao("URBAN", 1);
        make.vehicle(scrapped.members.get(0), "CAR", money(150_000), b.someDay(b.firstMonth().minusMonths(70)),
                "SCRAPPED");
        truth.decoy("A03", subject(scrapped.id, scrapped.members.get(0).id), "car scrapped");
        Enrollment future = make.dibao("RURAL", 1);
        make.vehicle(future.members.get(0), "CAR", money(90_000), b.period.plusMonths(1).atDay(2), "ACTIVE");
        truth.decoy("A03", subject(future.id, future.members.get(0).id), "car registered after the check month");

        // A04: one flat on two names; one flat and a garage
        Enrollment couple = make.dibao("URBAN", 2);
        String certificate = b.certificateNo();
        LocalDate bought = b.someDay(b.firstMonth().minusMonths(40));
        for (Person p : couple.members) {
            b.data.properties.add(new Model.Property(p.id, certificate, "RESIDENTIAL", money(78), b.county.code(),
                    bought));
        }
        truth.decoy("A04", couple.id, "one flat owned jointly by two members");
        Enrollment garage = make.dibao("URBAN", 1);
        make.property(garage.members.get(0), "RESIDENTIAL", b.someDay(b.firstMonth().minusMonths(50)));
        make.property(garage.members.get(0), "OTHER", b.someDay(b.firstMonth().minusMonths(5)));
        truth.decoy("A04", garage.id, "one flat and a garage");

        // A05: left public employment before the window
        Enrollment former = make.dibao("RURAL", 2);
        make.employ(former.members.get(1), "PUBLIC_INSTITUTION", LocalDate.of(2001, 9, 1),
                b.firstMonth().minusMonths(3).atDay(20));
        truth.decoy("A05", subject(former.id, former.members.get(1).id), "employment ended before the window");

        // A06: a pension exactly at the tolerance
        Enrollment pensioner = make.dibao("RURAL", 1, 150);
        BigDecimal pension = pensioner.perCapitaIncome.add(money(100));
        for (YearMonth m : b.window) {
            b.data.insurance.add(new Model.Insurance(pensioner.members.get(0).id, m, "PENSION", pension));
        }
        truth.decoy("A06", pensioner.id, "pension equals per-capita income plus the tolerance");

        // A07: on a roll of the same county; on another county's roll of another program family
        Enrollment same = make.dibao("RURAL", 2);
        for (int i = 0; i < 3; i++) {
            b.data.otherRolls.add(new Model.OtherRoll(same.members.get(0).id, "DIBAO_RURAL",
                    b.towns.get(1).code(), b.period.minusMonths(i), money(200)));
        }
        truth.decoy("A07", subject(same.id, same.members.get(0).id), "the other roll is of the same county");
        Enrollment family = make.dibao("RURAL", 2);
        for (int i = 0; i < 3; i++) {
            b.data.otherRolls.add(new Model.OtherRoll(family.members.get(1).id, "DISABILITY_LIVING",
                    b.county6.equals("371525") ? "371526000000" : "371525000000", b.period.minusMonths(i),
                    money(100)));
        }
        truth.decoy("A07", subject(family.id, family.members.get(1).id), "another program family elsewhere");

        // A08: moved from the minimum living guarantee to extreme-poverty support without overlap
        YearMonth last = b.someMonthInWindow(4);
        Enrollment before = make.dibaoWith("RURAL", 1, b.endedIn(last));
        Person old = before.members.get(0);
        Enrollment after = b.enroll("TEKUN", before.household, old, List.of(old), b.approvedIn(last),
                b.standard("TEKUN", before.household, b.period), null);
        truth.decoy("A08", old.id, "DIBAO until " + last + ", TEKUN from " + after.startMonth);

        // A09: a revoked certificate
        Enrollment revokedCert = make.dibao("RURAL", 2);
        Person son = make.extraPerson(revokedCert.household, "CHILD", 18, 40);
        b.data.certificates.add(new Model.Certificate(son.id, 1, "PHYSICAL",
                b.someDay(b.firstMonth().minusMonths(40)), "REVOKED"));
        truth.decoy("A09", son.id, "level-1 certificate revoked");
        // A09: severely disabled, but died, or moved to another county, before the check month ended
        Enrollment bereaved = make.dibao("RURAL", 2);
        Person grandfather = make.extraPerson(bereaved.household, "PARENT", 80, 95);
        b.certify(grandfather, 1);
        make.death(grandfather, b.someDay(b.period.minusMonths(2)), "CREMATION");
        truth.decoy("A09", grandfather.id, "level-1 certificate, died before the end of P");
        Enrollment parted = make.dibao("URBAN", 2);
        Person daughter = make.extraPerson(parted.household, "CHILD", 20, 35);
        b.certify(daughter, 2);
        b.data.residency.add(new Model.Residency(daughter.id, "MOVED_OUT", b.someDay(b.period.minusMonths(3)),
                b.county6.equals("371525") ? "371526001000" : "371525001000"));
        truth.decoy("A09", daughter.id, "level-2 certificate, moved to another county before the end of P");

        // A10: moved within the county
        Enrollment moved = make.dibao("URBAN", 2);
        Person mover = moved.members.get(1);
        b.data.residency.add(new Model.Residency(mover.id, "MOVED_OUT", b.someDay(b.someMonthInWindow(2)),
                b.randomVillage().code()));
        truth.decoy("A10", subject(moved.id, mover.id), "moved to another village of the same county");
    }

    private void cards() {
        // B01: a second card for another purpose; a second card closed
        Enrollment other = make.dibao("RURAL", 1);
        b.newCard(other.payee, b.someDay(b.firstMonth().minusMonths(8)), "ACTIVE", "OTHER");
        truth.decoy("B01", other.payee.id, "the second card is not a subsidy card");
        Enrollment closed = make.dibao("RURAL", 1);
        b.newCard(closed.payee, b.someDay(b.firstMonth().minusMonths(60)), "CLOSED", "SUBSIDY");
        truth.decoy("B01", closed.payee.id, "the second subsidy card is closed");

        // B02: the card was replaced; the old one is closed
        Enrollment replaced = make.dibao("URBAN", 2);
        Card old = b.subsidyCard(replaced.payee);
        YearMonth from = b.someMonthInWindow(2);
        Card fresh = b.newCard(replaced.payee, from.atDay(1), "ACTIVE", "SUBSIDY");
        old.status = "CLOSED";
        b.subsidyCardOf.put(replaced.payee.id, fresh);
        for (Payment p : replaced.payments) {
            if (!p.period.isBefore(from)) {
                Anomalies.setCard(p, fresh.cardNo);
            }
        }
        truth.decoy("B02", replaced.id, "card replaced in " + from + ", the old one closed");

        // B03: the daughter's card, with the custody filed
        Enrollment t = make.tekun();
        Card daughters = b.newCard(b.ids.outsider(b.birth(35, 50), false), ChineseNames.full(b.rng, false),
                b.someDay(b.firstMonth().minusMonths(20)), "ACTIVE", "SUBSIDY");
        for (Payment p : t.payments) {
            Anomalies.setCard(p, daughters.cardNo);
        }
        b.data.filings.add(new Model.Filing(b.nextFilingId(), "CUSTODY", t.payee.id, daughters.holderId,
                daughters.cardNo, daughters.openedDate.plusDays(2), "TOWN"));
        truth.decoy("B03", subject(t.id, daughters.cardNo), "paid to the daughter's card, custody filed");
        truth.decoy("B04", daughters.cardNo, "one household only");

        // B05 and B06: the village cadre keeps the old woman's own card, filed with the town
        Enrollment kept = make.tekun();
        Staff cadre = b.villageCadres.get(kept.household.regionCode).get(0);
        Card card = b.subsidyCard(kept.payee);
        card.custodianId = cadre.id();
        b.data.filings.add(new Model.Filing(b.nextFilingId(), "CUSTODY", kept.payee.id, cadre.id(), card.cardNo,
                card.openedDate.plusDays(1), "TOWN"));
        truth.decoy("B05", card.cardNo, "custody by the village cadre, filed");
        truth.decoy("B06", card.cardNo, "the cadre keeps the card of someone the enrollment covers");

        // B07: other ways of writing the month
        String[] remarks = {"%1$d%2$02d低保金", "%1$d-%2$02d农村低保", "%1$d年%2$02d月农村低保"};
        for (String format : remarks) {
            Enrollment e = make.dibao("RURAL", 1);
            Payment p = e.payments.get(b.rng.nextInt(e.payments.size()));
            p.remark = String.format(format, p.period.getYear(), p.period.getMonthValue());
            truth.decoy("B07", p.id, "remark " + p.remark);
        }

        // B08: temporary assistance in cash
        Household h = b.newHousehold(b.randomVillage(), "RURAL");
        List<Person> family = b.family(h, 2, 30, 60);
        Enrollment cash = Baseline.temporaryAssistance(b, h, family, b.someMonthInWindow(1), 600, true);
        truth.decoy("B08", cash.payments.get(0).id, "temporary assistance in cash");
    }

    private void payments() {
        // C01: re-assessed this year; earlier months paid at the old amount
        Enrollment re = make.dibao("RURAL", 2);
        YearMonth approvedIn = b.period.minusMonths(4);
        re.approvedDate = b.someDay(approvedIn);
        BigDecimal oldAmount = re.monthlyAmount.subtract(money(20));
        Payment earlier = null;
        for (Payment p : re.payments) {
            if (p.period.isBefore(approvedIn)) {
                Anomalies.setAmount(p, oldAmount);
                earlier = p;
            }
        }
        truth.decoy("C01", earlier.id, "paid at the old amount before the re-assessment of " + approvedIn);

        // C02: half a yuan off
        Enrollment half = make.dibao("URBAN", 1);
        Anomalies.setMonthlyAmount(half, half.monthlyAmount.add(new BigDecimal("0.50")));
        truth.decoy("C02", half.id, "0.50 above the calculation, under the tolerance");

        // C03, C06, C08: failed, then re-issued within the deadline
        Enrollment f = make.dibao("RURAL", 2);
        Payment failed = Anomalies.paymentFor(f, b.someMonthInWindow(1));
        failed.paidDate = b.day(failed.period, 3);
        Receipt r = failed.receipts.get(0);
        r.status = "FAILED";
        r.settledDate = failed.paidDate;
        r.failureReason = "户名不符";
        Payment again = new Payment(b.nextPaymentId(), f, failed.period, failed.amount, "CARD", failed.cardNo,
                b.day(failed.period, 9), failed.remark, failed.batchId + "-R1");
        again.receipts.add(new Receipt(again.id, again.cardNo, again.amount, "SUCCESS", again.paidDate, null));
        f.payments.add(again);
        b.data.payments.add(again);
        truth.decoy("C03", subject(f.id, failed.period), "the failed payment is not a made one");
        truth.decoy("C06", subject(f.id, failed.period), "re-issued");
        truth.decoy("C08", failed.id, "failed, then re-issued");

        // C05: paid on the 10th
        Enrollment onTime = make.dibao("RURAL", 1);
        Payment tenth = Anomalies.paymentFor(onTime, b.someMonthInWindow(0));
        tenth.paidDate = b.day(tenth.period, 10);
        tenth.receipts.forEach(x -> x.settledDate = tenth.paidDate);
        truth.decoy("C05", subject(onTime.id, tenth.period), "paid on the 10th");

        // C06: suspended, so not paid
        Enrollment suspended = make.dibaoWith("RURAL", 2, b.suspendedAfter(b.period.minusMonths(4)));
        truth.decoy("C06", subject(suspended.id, b.period.minusMonths(1)), "suspended");

        // C09: two grants of exactly 10,000 together
        Household h = b.newHousehold(b.randomVillage(), "URBAN");
        List<Person> two = b.family(h, 2, 30, 60);
        YearMonth m = b.someMonthInWindow(3);
        Baseline.temporaryAssistance(b, h, two, m, 2_500, false);
        Baseline.temporaryAssistance(b, h, two, m.plusMonths(2), 2_500, false);
        truth.decoy("C09", h.id, "two grants, 10,000 yuan: at the limits, not above");
    }

    /** C08: the bank has not reported on one town's batch for P yet: no receipt is missing. */
    void unreconciledBatch() {
        String town = b.towns.get(b.towns.size() - 1).code();
        String batch = CountyBuilder.batchId(town, b.period);
        Payment any = null;
        for (Payment p : b.data.payments) {
            if (batch.equals(p.batchId)) {
                p.receipts.clear();
                any = p;
            }
        }
        if (any != null) {
            truth.decoy("C08", any.id, "the whole batch " + batch + " awaits the bank's receipts");
        }
    }

    private void staff() {
        // D01 and D04: filed at the county, as a village cadre's relative must be
        Division village = b.randomVillage();
        Staff cadre = b.staffMember("VILLAGE_CADRE", village.code(), "VILLAGE", LocalDate.of(2008, 1, 1), null);
        Enrollment e = make.dibaoIn(village, "RURAL", 2);
        Person mother = e.members.get(1);
        b.data.staffRelatives.add(new Model.StaffRelative(cadre.id(), mother.id, "PARENT"));
        Model.Filing filed = new Model.Filing(b.nextFilingId(), "RELATIVE", mother.id, cadre.id(), null,
                e.approvedDate.minusDays(10), "COUNTY");
        b.data.filings.add(filed);
        truth.decoy("D01", subject(e.id, cadre.id()), "filed");
        truth.decoy("D04", filed.id(), "filed at the county, above the village");

        // D01: the cadre of another town's village does not cover the household
        Division here = b.randomVillage(b.towns.get(0).code());
        Division elsewhere = b.randomVillage(b.towns.get(1).code());
        Staff far = b.staffMember("VILLAGE_CADRE", elsewhere.code(), "VILLAGE", LocalDate.of(2008, 1, 1), null);
        Enrollment cousin = make.dibaoIn(here, "RURAL", 1);
        b.data.staffRelatives.add(new Model.StaffRelative(far.id(), cousin.members.get(0).id, "SIBLING"));
        truth.decoy("D01", subject(cousin.id, far.id()), "the cadre is of another town's village");

        // D01: the cadre had left office before the approval
        Division v = b.randomVillage();
        Enrollment late = make.dibaoIn(v, "RURAL", 2);
        Staff gone = b.staffMember("VILLAGE_CADRE", v.code(), "VILLAGE", LocalDate.of(2002, 1, 1),
                late.approvedDate.minusMonths(6));
        b.data.staffRelatives.add(new Model.StaffRelative(gone.id(), late.members.get(1).id, "CHILD"));
        truth.decoy("D01", subject(late.id, gone.id()), "the cadre left office before the approval");

        // D02: a former cadre, out of office before the window, now covered
        Division w = b.randomVillage();
        Enrollment retired = make.dibaoIn(w, "RURAL", 1);
        Person him = retired.members.get(0);
        b.staffMember(him, "VILLAGE_CADRE", w.code(), "VILLAGE", LocalDate.of(1998, 1, 1),
                b.firstMonth().minusMonths(8).atDay(1));
        truth.decoy("D02", subject(retired.id, him.id), "left office before the window");
    }

    private void business(Person p, String role, String type, String status, BigDecimal capital, LocalDate founded) {
        b.data.businesses.add(new Model.Business(p.id, p.name, role, p.name + (type.equals("ENTERPRISE")
                ? "商贸有限公司" : "小吃部"), null, type, status, capital, founded));
    }
}
