package sunshine.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Household;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Receipt;
import sunshine.scenario.Model.Region;
import sunshine.scenario.Model.Staff;
import sunshine.scenario.Model.Standard;
import sunshine.scenario.RegionAtlas.Division;

/**
 * Builds one county's registry as a well-run bureau would keep it: households, persons, enrollments of every
 * program, standards, subsidy cards, twelve months of payments with their bank receipts, staff and their
 * relatives. Clean means that no rule of rules.md fires on it; {@link Anomalies} then adds households that break
 * exactly one rule each, and {@link Decoys} households that come close without breaking any.
 * <p>
 * The methods that make a household ({@link #dibaoHousehold}, {@link #tekunHousehold} ...) are used for both.
 */
final class CountyBuilder {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    final ScenarioSettings settings;
    final Division county;
    final String county6;
    final RandomGenerator rng;
    final IdNumberFactory ids;
    final ScenarioData data = new ScenarioData();
    final YearMonth period;
    final List<YearMonth> window;
    /** Rows per covered person relative to the calibration county (1.0 = 28,000 covered persons). */
    final double factor;

    final List<Division> towns;
    final Map<String, List<Division>> villages = new LinkedHashMap<>();
    final Map<String, Region> townRegions = new LinkedHashMap<>();
    final Map<String, Person> personsById = new HashMap<>();
    final Map<String, Card> subsidyCardOf = new HashMap<>();
    /** The baseline's minimum-living-guarantee enrollments, whose top-ups calibrate the towns' indicator E03. */
    final List<Enrollment> baselineDibao = new ArrayList<>();

    final List<Staff> countyOfficials = new ArrayList<>();
    final Map<String, List<Staff>> townOfficials = new HashMap<>();
    final Map<String, List<Staff>> townCaseworkers = new HashMap<>();
    final Map<String, List<Staff>> villageCadres = new HashMap<>();

    private final String countyName;
    private final String remarkStyle;
    private final int standardStep;
    private long householdSeq;
    private long enrollmentSeq;
    private long paymentSeq;
    private long cardSeq;
    private long filingSeq;
    private long certificateSeq;

    CountyBuilder(ScenarioSettings settings, RegionAtlas atlas, Division county, double factor) {
        this.settings = settings;
        this.county = county;
        this.county6 = county.code().substring(0, 6);
        this.rng = new java.util.SplittableRandom(settings.seed() * 1_000_003L + Long.parseLong(county6));
        this.ids = new IdNumberFactory(county6, rng);
        this.period = settings.period();
        this.window = settings.window();
        this.factor = factor;
        this.countyName = county.name();
        this.towns = atlas.children(county.code());
        for (Division t : towns) {
            villages.put(t.code(), atlas.children(t.code()).isEmpty() ? List.of(syntheticVillage(t))
                    : atlas.children(t.code()));
        }
        String[] styles = {"YMD_CN", "YYYYMM", "YYYY-MM"};
        this.remarkStyle = styles[(int) (Long.parseLong(county6) % 3)];
        this.standardStep = (int) (Long.parseLong(county6) % 5) * 10;
    }

    private static Division syntheticVillage(Division town) {
        return new Division(town.code().substring(0, 9) + "001", town.name() + "社区居委会", "VILLAGE", town.code());
    }

    // ------------------------------------------------------------------ time

    YearMonth firstMonth() {
        return window.get(0);
    }

    boolean inWindow(YearMonth m) {
        return !m.isBefore(firstMonth()) && !m.isAfter(period);
    }

    LocalDate day(YearMonth m, int day) {
        return m.atDay(Math.min(day, m.lengthOfMonth()));
    }

    /** A random day of a month. */
    LocalDate someDay(YearMonth m) {
        return m.atDay(1 + rng.nextInt(m.lengthOfMonth()));
    }

    /** A random month in the window, at least {@code fromEnd} months before P. */
    YearMonth someMonthInWindow(int fromEnd) {
        int from = Math.min(fromEnd, settings.lookback() - 1);
        return period.minusMonths(from + rng.nextInt(settings.lookback() - from));
    }

    LocalDate birth(int minAge, int maxAge) {
        LocalDate ref = period.atEndOfMonth();
        int age = minAge + rng.nextInt(maxAge - minAge + 1);
        return ref.minusYears(age).minusDays(rng.nextInt(365));
    }

    // ------------------------------------------------------------------ regions, standards, staff

    /** The county's own regions (county, towns, villages) with populations, and its standards. */
    void regionsAndStandards() {
        long countyPopulation = 0;
        List<Region> townRows = new ArrayList<>();
        List<Region> villageRows = new ArrayList<>();
        for (Division t : towns) {
            boolean subdistrict = t.name().endsWith("街道");
            long pop = (long) ((subdistrict ? 45_000 + rng.nextInt(30_000) : 25_000 + rng.nextInt(25_000))
                    * Math.max(0.05, factor));
            Region town = new Region(t.code(), t.name(), "TOWN", county.code(), pop);
            townRows.add(town);
            townRegions.put(t.code(), town);
            countyPopulation += pop;
            List<Division> vs = villages.get(t.code());
            long left = pop;
            for (int i = 0; i < vs.size(); i++) {
                long vp = i == vs.size() - 1 ? left : pop / vs.size();
                left -= vp;
                Division v = vs.get(i);
                villageRows.add(new Region(v.code(), v.name(), "VILLAGE", t.code(), vp));
            }
        }
        data.regions.add(new Region(county.code(), countyName, "COUNTY", county.parentCode(), countyPopulation));
        data.regions.addAll(townRows);
        data.regions.addAll(villageRows);

        String code = county.code();
        YearMonth current = firstMonth().minusMonths(10);
        YearMonth previous = current.minusMonths(12);
        YearMonth next = period.plusMonths(3);
        int s = standardStep;
        standard(code, "DIBAO_URBAN", "URBAN", previous, 830 + s);
        standard(code, "DIBAO_URBAN", "URBAN", current, 880 + s);
        standard(code, "DIBAO_URBAN", "URBAN", next, 930 + s);
        standard(code, "DIBAO_RURAL", "RURAL", previous, 660 + s);
        standard(code, "DIBAO_RURAL", "RURAL", current, 700 + s);
        standard(code, "DIBAO_RURAL", "RURAL", next, 740 + s);
        standard(code, "TEKUN", "URBAN", current, 1144 + s);
        standard(code, "TEKUN", "RURAL", current, 910 + s);
        standard(code, "ORPHAN", null, current, 1500);
        standard(code, "DISABILITY_LIVING", null, current, 100 + s / 2);
        standard(code, "DISABILITY_CARE", null, current, 120 + s / 2);
        // the seat of the county guarantees its urban residents a little more: the most specific region wins
        standard(towns.get(0).code(), "DIBAO_URBAN", "URBAN", current, 900 + s);
    }

    private void standard(String region, String program, String urbanRural, YearMonth from, int amount) {
        data.standards.add(new Standard(region, program, urbanRural, from, money(amount)));
    }

    /** The standard the rules apply to a household at month m: most specific region, then latest month. */
    BigDecimal standard(String program, Household h, YearMonth m) {
        Standard best = null;
        for (Standard s : data.standards) {
            if (!s.program().equals(program) || s.effectiveMonth().isAfter(m)
                    || (s.urbanRural() != null && !s.urbanRural().equals(h.urbanRural))) {
                continue;
            }
            String prefix = regionPrefix(s.regionCode());
            if (!h.regionCode.startsWith(prefix)) {
                continue;
            }
            int bestLength = best == null ? -1 : regionPrefix(best.regionCode()).length();
            if (prefix.length() > bestLength
                    || (prefix.length() == bestLength && s.effectiveMonth().isAfter(best.effectiveMonth()))) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no standard for " + program + " at " + h.regionCode);
        }
        return best.monthlyStandard();
    }

    /**
     * A region code without its trailing zero segments (province 2, city 2, county 2, town 3, village 3 digits):
     * what "trailing zeros ignored" means in rules.md (docs/rules-interpretation.md).
     */
    static String regionPrefix(String code) {
        int[] ends = {12, 9, 6, 4, 2};
        for (int i = 0; i < ends.length - 1; i++) {
            if (!code.substring(ends[i + 1], ends[i]).chars().allMatch(c -> c == '0')) {
                return code.substring(0, ends[i]);
            }
        }
        return code.substring(0, 2);
    }

    /** Officials of the county, the towns and the villages, some of them former. */
    void staff() {
        LocalDate longAgo = LocalDate.of(2008, 1, 1);
        for (int i = 0; i < 6; i++) {
            countyOfficials.add(addStaff("COUNTY_OFFICIAL", county.code(), "COUNTY", longAgo, null));
        }
        addStaff("COUNTY_OFFICIAL", county.code(), "COUNTY", longAgo, firstMonth().minusMonths(30).atDay(1));
        for (int i = 0; i < 3; i++) {
            addStaff("CASEWORKER", county.code(), "COUNTY", longAgo.plusYears(i), null);
        }
        for (Division t : towns) {
            List<Staff> officials = new ArrayList<>();
            List<Staff> caseworkers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                officials.add(addStaff("TOWN_OFFICIAL", t.code(), "TOWN", longAgo, null));
                caseworkers.add(addStaff("CASEWORKER", t.code(), "TOWN", longAgo, null));
            }
            townOfficials.put(t.code(), officials);
            townCaseworkers.put(t.code(), caseworkers);
            for (Division v : villages.get(t.code())) {
                List<Staff> cadres = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    cadres.add(addStaff("VILLAGE_CADRE", v.code(), "VILLAGE",
                            LocalDate.of(2010 + rng.nextInt(12), 1 + rng.nextInt(12), 1), null));
                }
                villageCadres.put(v.code(), cadres);
            }
        }
    }

    private Staff addStaff(String role, String region, String level, LocalDate from, LocalDate to) {
        boolean male = rng.nextInt(3) > 0;
        Staff s = addStaff(ids.registry(birth(28, 58), male), ChineseNames.full(rng, male), role, region, level,
                from, to);
        if (!level.equals("VILLAGE")) {
            data.publicEmployees.add(new Model.PublicEmployee(s.id(), s.name(),
                    countyName + (level.equals("COUNTY") ? "民政局" : "人民政府"), "CIVIL_SERVANT", from, to));
        }
        return s;
    }

    /** A staff member with two to four relatives who receive nothing. */
    Staff addStaff(String id, String name, String role, String region, String level, LocalDate from,
                   LocalDate to) {
        Staff s = new Staff(id, name, role, region, level, from, to);
        data.staff.add(s);
        String[] relations = {"SPOUSE", "PARENT", "CHILD", "SIBLING", "PARENT_IN_LAW"};
        int n = 2 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            String relation = relations[i % relations.length];
            data.staffRelatives.add(new Model.StaffRelative(id, ids.outsider(birth(10, 85), rng.nextBoolean()),
                    relation));
        }
        return s;
    }

    Staff staffMember(String role, String region, String level, LocalDate from, LocalDate to) {
        return addStaff(role, region, level, from, to);
    }

    /** A registry person who is also staff, hired on contract (not on the public payroll). */
    Staff staffMember(Person p, String role, String region, String level, LocalDate from, LocalDate to) {
        return addStaff(p.id, p.name, role, region, level, from, to);
    }

    // ------------------------------------------------------------------ households and persons

    Division randomVillage(String townCode) {
        List<Division> vs = villages.get(townCode);
        return vs.get(rng.nextInt(vs.size()));
    }

    Division randomVillage() {
        return randomVillage(towns.get(rng.nextInt(towns.size())).code());
    }

    Household newHousehold(Division village, String urbanRural) {
        String id = "H" + county6 + String.format("%07d", ++householdSeq);
        String place = village.name().replaceAll("(村民委员会|村委会|居民委员会|居委会|社区)$", "");
        Division town = null;
        for (Division t : towns) {
            if (village.code().startsWith(t.code().substring(0, 9))) {
                town = t;
            }
        }
        String address = countyName + (town == null ? "" : town.name()) + place + (1 + rng.nextInt(180)) + "号";
        Household h = new Household(id, village.code(), address, null, urbanRural);
        data.households.add(h);
        return h;
    }

    Person newPerson(Household h, String relation, String name, LocalDate birth, boolean male) {
        String id = ids.registry(birth, male);
        // the birth date is the ID number's (the factory moves it a day where a number is taken)
        Person p = new Person(id, name, male ? "M" : "F", sunshine.contract.IdNumbers.birthDate(id), h.id, relation);
        if (relation.equals("HEAD")) {
            h.headId = p.id;
        }
        data.persons.add(p);
        personsById.put(p.id, p);
        return p;
    }

    /** A family: a head and {@code size - 1} others sharing the head's surname where they are kin by blood. */
    List<Person> family(Household h, int size, int headMinAge, int headMaxAge) {
        List<Person> people = new ArrayList<>();
        String surname = ChineseNames.surname(rng);
        boolean headMale = rng.nextInt(10) < 7;
        LocalDate headBirth = birth(headMinAge, headMaxAge);
        people.add(newPerson(h, "HEAD", surname + ChineseNames.given(rng, headMale), headBirth, headMale));
        int headAge = period.getYear() - headBirth.getYear();
        for (int i = 1; i < size; i++) {
            if (i == 1 && rng.nextInt(10) < 7) {
                boolean male = !headMale;
                people.add(newPerson(h, "SPOUSE", ChineseNames.full(rng, male), birth(Math.max(20, headAge - 5),
                        Math.max(22, headAge + 3)), male));
            } else if (headAge > 45 && i == size - 1 && rng.nextInt(4) == 0 && headAge < 70) {
                boolean male = rng.nextBoolean();
                people.add(newPerson(h, "PARENT", surname + ChineseNames.given(rng, male),
                        birth(headAge + 22, Math.min(100, headAge + 32)), male));
            } else {
                boolean male = rng.nextBoolean();
                int maxChildAge = Math.max(1, Math.min(headAge - 20, 30));
                people.add(newPerson(h, "CHILD", surname + ChineseNames.given(rng, male),
                        birth(0, maxChildAge), male));
            }
        }
        return people;
    }

    int age(Person p) {
        return period.getYear() - p.birthDate.getYear();
    }

    // ------------------------------------------------------------------ cards

    /** The person's ACTIVE subsidy card, opened now if they have none. */
    Card subsidyCard(Person p) {
        Card c = subsidyCardOf.get(p.id);
        if (c == null) {
            c = newCard(p, someDay(firstMonth().minusMonths(12 + rng.nextInt(96))), "ACTIVE", null);
            subsidyCardOf.put(p.id, c);
        }
        return c;
    }

    Card newCard(Person holder, LocalDate opened, String status, String purpose) {
        return newCard(holder.id, holder.name, opened, status, purpose);
    }

    Card newCard(String holderId, String holderName, LocalDate opened, String status, String purpose) {
        String[] banks = {countyName + "农村商业银行", "中国农业银行" + countyName + "支行",
            "中国邮政储蓄银行" + countyName + "支行"};
        String no = "623" + county6 + String.format("%010d", ++cardSeq);
        Card c = new Card(no, banks[(int) (cardSeq % 3 == 0 ? 1 : cardSeq % 7 == 0 ? 2 : 0)], holderId, holderName,
                opened, status, purpose, null);
        data.cards.add(c);
        return c;
    }

    // ------------------------------------------------------------------ enrollments and payments

    /** When an enrollment was approved, when it ran, and until when it was paid. */
    record Lifecycle(LocalDate approved, YearMonth start, YearMonth end, String status, YearMonth lastPaid) {
    }

    /** Approved years ago, ACTIVE, paid every month of the window. */
    Lifecycle longStanding() {
        LocalDate approved = someDay(firstMonth().minusMonths(2 + rng.nextInt(110)));
        return new Lifecycle(approved, YearMonth.from(approved).plusMonths(1), null, "ACTIVE", period);
    }

    /** Approved in month {@code approvedIn} (before P), paid from the next month on. */
    Lifecycle approvedIn(YearMonth approvedIn) {
        LocalDate approved = someDay(approvedIn);
        return new Lifecycle(approved, approvedIn.plusMonths(1), null, "ACTIVE", period);
    }

    /** Terminated: the last month of entitlement {@code end} lies in the window before P. */
    Lifecycle endedIn(YearMonth end) {
        LocalDate approved = someDay(firstMonth().minusMonths(2 + rng.nextInt(80)));
        return new Lifecycle(approved, YearMonth.from(approved).plusMonths(1), end, "TERMINATED", end);
    }

    /** Suspended after being paid for {@code lastPaid}. */
    Lifecycle suspendedAfter(YearMonth lastPaid) {
        LocalDate approved = someDay(firstMonth().minusMonths(2 + rng.nextInt(80)));
        return new Lifecycle(approved, YearMonth.from(approved).plusMonths(1), null, "SUSPENDED", lastPaid);
    }

    /** An enrollment paid to the payee's subsidy card for every month of the window its lifecycle covers. */
    Enrollment enroll(String program, Household h, Person payee, List<Person> members, Lifecycle lc,
                      BigDecimal monthly, BigDecimal perCapitaIncome) {
        Enrollment e = enrollUnpaid(program, h, payee, members, lc, monthly, perCapitaIncome);
        Card card = subsidyCard(payee);
        for (YearMonth m : window) {
            if (!m.isBefore(lc.start()) && !m.isAfter(lc.lastPaid()) && (lc.end() == null || !m.isAfter(lc.end()))) {
                pay(e, m, monthly, card);
            }
        }
        return e;
    }

    /** An enrollment without payments (the caller pays it), approved by a county official after a town visit. */
    Enrollment enrollUnpaid(String program, Household h, Person payee, List<Person> members, Lifecycle lc,
                            BigDecimal monthly, BigDecimal perCapitaIncome) {
        Enrollment e = new Enrollment(nextEnrollmentId(), program, h, payee, lc.status(), lc.approved(), lc.start(),
                lc.end(), monthly, perCapitaIncome);
        e.members.addAll(members);
        e.approverId = countyOfficials.get(rng.nextInt(countyOfficials.size())).id();
        List<Staff> cw = townCaseworkers.get(h.town());
        e.investigatorId = cw.get(rng.nextInt(cw.size())).id();
        data.enrollments.add(e);
        return e;
    }

    /** One payment to a card, on a day between the 3rd and the 10th, with its SUCCESS receipt. */
    Payment pay(Enrollment e, YearMonth m, BigDecimal amount, Card card) {
        LocalDate paid = day(m, 3 + rng.nextInt(8));
        Payment p = new Payment("P" + county6 + String.format("%09d", ++paymentSeq), e, m, amount, "CARD",
                card.cardNo, paid, remark(e.program, m), batchId(e.household.town(), m));
        p.receipts.add(new Receipt(p.id, card.cardNo, amount, "SUCCESS", paid, null));
        e.payments.add(p);
        data.payments.add(p);
        return p;
    }

    /** A payment in cash (temporary assistance is often paid so): no card, no receipt. */
    Payment payCash(Enrollment e, YearMonth m, BigDecimal amount) {
        LocalDate paid = day(m, 3 + rng.nextInt(8));
        Payment p = new Payment("P" + county6 + String.format("%09d", ++paymentSeq), e, m, amount, "CASH", null,
                paid, remark(e.program, m), batchId(e.household.town(), m));
        e.payments.add(p);
        data.payments.add(p);
        return p;
    }

    String nextPaymentId() {
        return "P" + county6 + String.format("%09d", ++paymentSeq);
    }

    String nextFilingId() {
        return "F" + county6 + String.format("%06d", ++filingSeq);
    }

    String nextEnrollmentId() {
        return "E" + county6 + String.format("%07d", ++enrollmentSeq);
    }

    static String batchId(String town, YearMonth m) {
        return "B" + town.substring(0, 9) + "-" + m.toString().replace("-", "");
    }

    /** The payment remark the bank statement shows: the month and the program, in the county's style. */
    String remark(String program, YearMonth m) {
        String month = switch (remarkStyle) {
            case "YYYYMM" -> m.toString().replace("-", "");
            case "YYYY-MM" -> m.toString();
            default -> m.getYear() + "年" + m.getMonthValue() + "月";
        };
        return month + programLabel(program);
    }

    static String programLabel(String program) {
        return switch (program) {
            case "DIBAO_URBAN" -> "城市低保金";
            case "DIBAO_RURAL" -> "农村低保金";
            case "TEKUN" -> "特困人员供养金";
            case "TEMP_ASSIST" -> "临时救助金";
            case "ORPHAN" -> "孤儿基本生活费";
            case "DISABILITY_LIVING" -> "困难残疾人生活补贴";
            case "DISABILITY_CARE" -> "重度残疾人护理补贴";
            default -> throw new IllegalArgumentException(program);
        };
    }

    // ------------------------------------------------------------------ households of each program

    /**
     * A minimum-living-guarantee household: {@code covered} members, all covered, the head the payee; top-up
     * {@code topUp} yuan per person (standard minus per-capita income).
     */
    Enrollment dibaoHousehold(Division village, String urbanRural, int covered, BigDecimal topUp, Lifecycle lc) {
        Household h = newHousehold(village, urbanRural);
        List<Person> people = family(h, covered, covered == 1 ? 55 : 30, covered == 1 ? 88 : 80);
        String program = urbanRural.equals("URBAN") ? "DIBAO_URBAN" : "DIBAO_RURAL";
        BigDecimal standard = standard(program, h, period);
        BigDecimal pci = standard.subtract(topUp);
        if (pci.signum() < 0) {
            throw new IllegalStateException("top-up above the standard: " + topUp);
        }
        return enroll(program, h, people.get(0), people, lc, topUp.multiply(BigDecimal.valueOf(covered)), pci);
    }

    /** Extreme-poverty support for one elderly person living alone. */
    Enrollment tekunHousehold(Division village, String urbanRural, Lifecycle lc) {
        Household h = newHousehold(village, urbanRural);
        Person p = family(h, 1, 62, 94).get(0);
        return enroll("TEKUN", h, p, List.of(p), lc, standard("TEKUN", h, period), null);
    }

    /** An orphan raised by a grandparent, who is the payee. */
    Enrollment orphanHousehold(Division village, Lifecycle lc) {
        Household h = newHousehold(village, "RURAL");
        boolean male = rng.nextBoolean();
        Person grandparent = newPerson(h, "HEAD", ChineseNames.full(rng, male), birth(58, 78), male);
        boolean childMale = rng.nextBoolean();
        Person child = newPerson(h, "GRANDCHILD", grandparent.name.substring(0, 1)
                + ChineseNames.given(rng, childMale), birth(2, 16), childMale);
        return enroll("ORPHAN", h, grandparent, List.of(child), lc, standard("ORPHAN", h, period), null);
    }

    /**
     * A disability subsidy for one person: {@code program} DISABILITY_LIVING or DISABILITY_CARE; adults are their
     * own payees, children are paid through the head of the household.
     */
    Enrollment disabilitySubsidy(String program, Person person, Household h, Lifecycle lc) {
        Person payee = age(person) >= 18 ? person : personsById.get(h.headId);
        return enroll(program, h, payee, List.of(person), lc, standard(program, h, period), null);
    }

    /** The disability certificate that entitles a person, and the level on the person's registry row. */
    void certify(Person p, int level) {
        String[] kinds = {"PHYSICAL", "VISUAL", "HEARING", "INTELLECTUAL", "MENTAL", "MULTIPLE", "SPEECH"};
        p.disabilityLevel = level;
        data.certificates.add(new Model.Certificate(p.id, level, kinds[rng.nextInt(kinds.length)],
                someDay(firstMonth().minusMonths(13 + rng.nextInt(120))), "ACTIVE"));
    }

    static BigDecimal money(long yuan) {
        return BigDecimal.valueOf(yuan).setScale(2);
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    Person person(String id) {
        return personsById.get(id);
    }

    /** A licence plate of Liaocheng (鲁P). */
    String plate() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder("鲁P");
        for (int i = 0; i < 5; i++) {
            s.append(i == 0 ? letters.charAt(rng.nextInt(letters.length())) : (char) ('0' + rng.nextInt(10)));
        }
        return s.toString();
    }

    /** A real-estate certificate number in the national format. */
    String certificateNo() {
        return "鲁(" + (2012 + rng.nextInt(12)) + ")" + countyName + "不动产权第" + String.format("%07d",
                ++certificateSeq) + "号";
    }
}
