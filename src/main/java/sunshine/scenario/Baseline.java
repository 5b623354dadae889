package sunshine.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sunshine.scenario.CountyBuilder.Lifecycle;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Household;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Receipt;
import sunshine.scenario.RegionAtlas.Division;

/**
 * The clean county, calibrated to a real one: 4,870 urban minimum-living-guarantee beneficiaries with an average
 * top-up of 180 yuan a month, 17,983 rural ones at 120 yuan, extreme-poverty support, orphans, disability
 * subsidies and temporary assistance, in the proportions a county of some 480,000 people has (scaled by
 * {@link CountyBuilder#factor}).
 * <p>
 * The towns differ, but by design evenly: coverage and top-up level are spread over a band around the county's
 * level ({@link TownIndicators#calibrate}), so that no town stands out on the town indicators (E01-E03) unless
 * {@link TownDesign} makes it.
 */
final class Baseline {

    static final int URBAN_PERSONS = 4_870;
    static final int RURAL_PERSONS = 17_983;
    static final int URBAN_TOP_UP = 180;
    static final int RURAL_TOP_UP = 120;

    /**
     * Which town breaks which indicator, and the even spread of the others.
     *
     * @param coverageTown  E01: its population is cut so that its coverage is far above the others'
     * @param growthTown    E02: a quarter more beneficiaries in the last three months
     * @param topUpTown     E03: top-ups far above the others'
     * @param coverageSpread per town, the relative deviation of its coverage from the county's
     * @param topUpSpread    per town, the relative deviation of its average top-up from the county's
     */
    record TownDesign(String coverageTown, String growthTown, String topUpTown, Map<String, Double> coverageSpread,
                      Map<String, Double> topUpSpread) {

        static TownDesign random(CountyBuilder b) {
            List<String> codes = new ArrayList<>();
            for (Division t : b.towns) {
                codes.add(t.code());
            }
            List<String> shuffled = new ArrayList<>(codes);
            Collections.shuffle(shuffled, new java.util.Random(b.rng.nextLong()));
            return new TownDesign(shuffled.get(0), shuffled.get(1), shuffled.get(2),
                    evenSpread(codes, 0.10, b), evenSpread(codes, 0.06, b));
        }

        private static Map<String, Double> evenSpread(List<String> towns, double half, CountyBuilder b) {
            List<Double> values = new ArrayList<>();
            int n = towns.size();
            for (int i = 0; i < n; i++) {
                values.add(n == 1 ? 0 : -half + 2 * half * i / (n - 1));
            }
            Collections.shuffle(values, new java.util.Random(b.rng.nextLong()));
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put(towns.get(i), values.get(i));
            }
            return m;
        }
    }

    /** A minimum-living-guarantee household before it is made. */
    private static final class Planned {
        final Division village;
        final String urbanRural;
        final int covered;
        final Lifecycle lifecycle;
        final boolean reassessed;
        final BigDecimal topUp;

        Planned(Division village, String urbanRural, int covered, Lifecycle lifecycle, boolean reassessed,
                BigDecimal topUp) {
            this.village = village;
            this.urbanRural = urbanRural;
            this.covered = covered;
            this.lifecycle = lifecycle;
            this.reassessed = reassessed;
            this.topUp = topUp;
        }

    }

    private final CountyBuilder b;
    private final TownDesign design;

    Baseline(CountyBuilder b, TownDesign design) {
        this.b = b;
        this.design = design;
    }

    void build() {
        dibao();
        tekun();
        orphans();
        careOutsideDibao();
        temporaryAssistance();
    }

    // ------------------------------------------------------------------ minimum living guarantee

    private void dibao() {
        int urban = (int) Math.round(URBAN_PERSONS * b.factor);
        int rural = (int) Math.round(RURAL_PERSONS * b.factor);
        double urbanShare = (double) urban / (urban + rural);
        Map<String, Double> weights = new LinkedHashMap<>();
        double total = 0;
        for (Division t : b.towns) {
            double w = b.townRegions.get(t.code()).population * (1 + design.coverageSpread().get(t.code()));
            weights.put(t.code(), w);
            total += w;
        }
        for (Division t : b.towns) {
            int persons = (int) Math.round((urban + rural) * weights.get(t.code()) / total);
            int urbanPersons = (int) Math.round(persons * urbanShare);
            List<Planned> plan = new ArrayList<>();
            plan(plan, t, "URBAN", urbanPersons, false);
            plan(plan, t, "RURAL", persons - urbanPersons, false);
            if (t.code().equals(design.growthTown())) {
                // E02: a quarter more persons, all approved in the last three months before P
                plan(plan, t, "RURAL", persons / 4, true);
            }
            for (Planned p : plan) {
                make(p);
            }
        }
    }

    /** Households of one town and kind, until their covered persons add up to {@code persons} exactly. */
    private void plan(List<Planned> plan, Division town, String urbanRural, int persons, boolean recentGrowth) {
        int left = persons;
        // households that start to be paid between P-3 and P move the town's growth (indicator E02): a small
        // town could otherwise grow 10% by chance, so they are held to 3% of the town's persons
        int recentRoom = recentGrowth ? Integer.MAX_VALUE : persons * 3 / 100;
        while (left > 0) {
            int size = Math.min(left, householdSize());
            Lifecycle lc;
            boolean reassessed = false;
            if (recentGrowth) {
                lc = b.approvedIn(b.period.minusMonths(1 + b.rng.nextInt(3)));
            } else {
                int r = b.rng.nextInt(100);
                if (r < 6) {
                    YearMonth approved = b.someMonthInWindow(1);
                    if (approved.isAfter(b.period.minusMonths(4))) {
                        if (size <= recentRoom) {
                            recentRoom -= size;
                        } else {
                            approved = b.someMonthInWindow(4);
                        }
                    }
                    lc = b.approvedIn(approved);
                } else if (r < 10) {
                    lc = b.endedIn(b.someMonthInWindow(1));
                } else if (r < 11) {
                    lc = b.suspendedAfter(b.someMonthInWindow(1));
                } else {
                    lc = b.longStanding();
                    reassessed = r < 13;
                }
            }
            int centre = urbanRural.equals("URBAN") ? URBAN_TOP_UP : RURAL_TOP_UP;
            double raw = centre + b.rng.nextGaussian() * centre * 0.25;
            BigDecimal topUp = BigDecimal.valueOf(Math.max(centre * 0.4, Math.min(centre * 1.7, raw)))
                    .setScale(2, RoundingMode.HALF_UP);
            plan.add(new Planned(b.randomVillage(town.code()), urbanRural, size, lc, reassessed, topUp));
            left -= size;
        }
    }

    private int householdSize() {
        int r = b.rng.nextInt(100);
        return r < 38 ? 1 : r < 68 ? 2 : r < 86 ? 3 : r < 96 ? 4 : 5;
    }

    private void make(Planned p) {
        Enrollment e = b.dibaoHousehold(p.village, p.urbanRural, p.covered, p.topUp, p.lifecycle);
        b.baselineDibao.add(e);
        Household h = e.household;
        if (p.reassessed) {
            reassess(e);
        }
        if (p.covered >= 2 && b.rng.nextInt(100) < 8) {
            // a grown-up child who works and is therefore not covered; some own a car, which is no concern
            boolean male = b.rng.nextBoolean();
            Person child = b.newPerson(h, "CHILD", e.members.get(0).name.substring(0, 1)
                    + ChineseNames.given(b.rng, male), b.birth(20, 34), male);
            if (b.rng.nextBoolean()) {
                b.data.vehicles.add(new Model.Vehicle(child.id, b.plate(), "CAR", "PRIVATE",
                        b.someDay(b.firstMonth().minusMonths(1 + b.rng.nextInt(60))),
                        CountyBuilder.money(60_000 + b.rng.nextInt(90_000)), "ACTIVE"));
            }
        }
        for (Person m : e.members) {
            if (b.age(m) >= 60 && b.rng.nextInt(100) < 45) {
                // the basic pension, declared in the per-capita income
                BigDecimal pension = CountyBuilder.money(150 + b.rng.nextInt(7) * 10);
                for (YearMonth month : b.window) {
                    b.data.insurance.add(new Model.Insurance(m.id, month, "PENSION", pension));
                }
            }
        }
        if (p.urbanRural.equals("URBAN") && b.rng.nextInt(100) < 20) {
            // the one flat the family lives in
            b.data.properties.add(new Model.Property(e.members.get(0).id, b.certificateNo(), "RESIDENTIAL",
                    BigDecimal.valueOf(40 + b.rng.nextInt(35)).setScale(2), h.regionCode,
                    b.someDay(b.firstMonth().minusMonths(24 + b.rng.nextInt(200)))));
        }
        if (p.lifecycle.status().equals("ACTIVE") && p.lifecycle.start().isBefore(b.firstMonth())) {
            for (Person m : e.members) {
                if (b.rng.nextInt(100) < 8) {
                    disabled(m, h);
                }
            }
        }
    }

    /**
     * Re-assessed this year: a new approval in the window set a new amount; the months before it were paid at the
     * old amount, as they should have been.
     */
    private void reassess(Enrollment e) {
        YearMonth approvedIn = b.window.get(2 + b.rng.nextInt(b.window.size() - 3));
        e.approvedDate = b.someDay(approvedIn);
        BigDecimal old = e.monthlyAmount.subtract(CountyBuilder.money(10L * e.members.size()));
        for (Payment pay : e.payments) {
            if (pay.period.isBefore(approvedIn)) {
                pay.amount = old;
                for (Receipt r : pay.receipts) {
                    r.amount = old;
                }
            }
        }
    }

    /** A covered member with a disability certificate gets the living subsidy, and at level 1-2 the care one. */
    private void disabled(Person m, Household h) {
        int r = b.rng.nextInt(100);
        int level = r < 10 ? 1 : r < 35 ? 2 : r < 70 ? 3 : 4;
        b.certify(m, level);
        b.disabilitySubsidy("DISABILITY_LIVING", m, h, b.longStanding());
        if (level <= 2) {
            b.disabilitySubsidy("DISABILITY_CARE", m, h, b.longStanding());
        }
    }

    // ------------------------------------------------------------------ other programs

    private void tekun() {
        int n = (int) Math.round(1_650 * b.factor);
        for (int i = 0; i < n; i++) {
            Division village = b.randomVillage();
            Enrollment e = b.tekunHousehold(village, b.rng.nextInt(5) == 0 ? "URBAN" : "RURAL", lifecycle());
            if (b.rng.nextInt(100) < 30) {
                // the village cadre keeps the old person's card, filed with the town as it must be
                Model.Staff cadre = b.villageCadres.get(village.code()).get(0);
                Card card = b.subsidyCard(e.payee);
                card.custodianId = cadre.id();
                b.data.filings.add(new Model.Filing(b.nextFilingId(), "CUSTODY", e.payee.id, cadre.id(),
                        card.cardNo, card.openedDate.plusDays(3), "TOWN"));
            }
        }
    }

    private Lifecycle lifecycle() {
        int r = b.rng.nextInt(100);
        return r < 5 ? b.approvedIn(b.someMonthInWindow(1)) : r < 9 ? b.endedIn(b.someMonthInWindow(1))
                : b.longStanding();
    }

    private void orphans() {
        int n = Math.max(1, (int) Math.round(45 * b.factor));
        for (int i = 0; i < n; i++) {
            b.orphanHousehold(b.randomVillage(), b.longStanding());
        }
    }

    /** Severely disabled people in households that have no minimum living guarantee: the care subsidy only. */
    private void careOutsideDibao() {
        int n = (int) Math.round(2_100 * b.factor);
        for (int i = 0; i < n; i++) {
            Household h = b.newHousehold(b.randomVillage(), b.rng.nextInt(5) == 0 ? "URBAN" : "RURAL");
            List<Person> family = b.family(h, 1 + b.rng.nextInt(3), 30, 80);
            Person disabled = family.get(b.rng.nextInt(family.size()));
            b.certify(disabled, 1 + b.rng.nextInt(2));
            // never a terminated one: a certificate of level 1-2 without an active care subsidy is rule A09
            Lifecycle lc = b.rng.nextInt(100) < 5 ? b.approvedIn(b.someMonthInWindow(1)) : b.longStanding();
            b.disabilitySubsidy("DISABILITY_CARE", disabled, h, lc);
        }
        // and some with a milder disability, who are entitled to nothing
        for (int i = 0; i < n / 10; i++) {
            Household h = b.newHousehold(b.randomVillage(), "RURAL");
            List<Person> family = b.family(h, 1 + b.rng.nextInt(3), 30, 80);
            b.certify(family.get(0), 3 + b.rng.nextInt(2));
        }
    }

    /** One-off assistance: at most two payments a household in the window, and at most 10,000 yuan together. */
    private void temporaryAssistance() {
        int n = (int) Math.round(500 * b.factor);
        for (int i = 0; i < n; i++) {
            Household h = b.newHousehold(b.randomVillage(), b.rng.nextInt(5) == 0 ? "URBAN" : "RURAL");
            List<Person> family = b.family(h, 1 + b.rng.nextInt(4), 25, 80);
            int payments = b.rng.nextInt(100) < 15 ? 2 : 1;
            YearMonth first = b.someMonthInWindow(0);
            YearMonth second = first.minusMonths(1 + b.rng.nextInt(3));
            int perPerson = 200 + 100 * b.rng.nextInt(payments == 2 ? 8 : 14);
            temporaryAssistance(h, family, first, perPerson, b.rng.nextInt(4) == 0);
            if (payments == 2 && b.inWindow(second)) {
                temporaryAssistance(h, family, second, perPerson, false);
            }
        }
    }

    /** One grant of temporary assistance to the household, paid in month m to the head's card or in cash. */
    static Enrollment temporaryAssistance(CountyBuilder b, Household h, List<Person> members, YearMonth m,
                                          int perPerson, boolean cash) {
        BigDecimal amount = CountyBuilder.money((long) perPerson * members.size());
        Person head = b.person(h.headId);
        Lifecycle lc = new Lifecycle(b.day(m, 1 + b.rng.nextInt(2)), m, m, "TERMINATED", m);
        Enrollment e = b.enrollUnpaid("TEMP_ASSIST", h, head, members, lc, amount, null);
        if (cash) {
            b.payCash(e, m, amount);
        } else {
            b.pay(e, m, amount, b.subsidyCard(head));
        }
        return e;
    }

    private void temporaryAssistance(Household h, List<Person> members, YearMonth m, int perPerson, boolean cash) {
        temporaryAssistance(b, h, members, m, perPerson, cash);
    }
}
