package sunshine.checks.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import sunshine.checks.CheckParameters;
import sunshine.checks.ParameterSpec;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Households;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Receipts;
import sunshine.checks.data.Regions;
import sunshine.checks.data.Snapshot;
import sunshine.checks.data.Staff;
import sunshine.checks.data.Standards;
import sunshine.checks.data.Submissions;
import sunshine.checks.data.Table;
import sunshine.checks.data.LongColumn;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.EnumColumn;

/**
 * What a rule sees: the check month P and window W, the parameters, the snapshot, and the <b>one</b> definition of
 * every term of docs/rules-interpretation.md ("Terms used below"). Rules never re-implement a term: if a rule needs
 * one that is not here, it is added here.
 * <p>
 * Indexes: enrollments, payments, persons, households, cards, staff rows are ints (see the façades in
 * {@code sunshine.checks.data}); months are ints ({@link Months}), days are epoch days ({@link Days}), money is
 * cents or share units ({@link Money}), ID numbers are long keys ({@link Ids}), region codes are longs
 * ({@link RegionCodes}).
 * <p>
 * Read-only and thread-safe: rules run in parallel on one context.
 */
public final class CheckContext {

    private final Snapshot data;
    private final CheckParameters parameters;
    private final int period;
    private final int lookback;
    private final int windowFrom;
    private final int endOfPeriod;
    private final int firstDayOfWindow;
    private final BitSet inScope;

    public CheckContext(Snapshot data, int period, CheckParameters parameters) {
        this.data = data;
        this.parameters = parameters;
        this.period = period;
        this.lookback = parameters.lookback();
        this.windowFrom = period - (lookback - 1);
        this.endOfPeriod = Months.lastDay(period);
        this.firstDayOfWindow = Months.firstDay(windowFrom);
        Enrollments en = data.enrollments();
        Payments pay = data.payments();
        this.inScope = new BitSet(en.size());
        for (int e = 0; e < en.size(); e++) {
            boolean scope = isActiveAt(e, period);
            for (int i = en.paymentsFrom(e); !scope && i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                scope = inWindow(pay.period(p)) && pay.isMade(p);
            }
            if (scope) {
                inScope.set(e);
            }
        }
    }

    // ------------------------------------------------------------------ the run

    /** P, the check month. */
    public int period() {
        return period;
    }

    /** L, the lookback in months. */
    public int lookback() {
        return lookback;
    }

    /** The first month of W: P-(L-1). */
    public int windowFrom() {
        return windowFrom;
    }

    /** The last month of W: P. */
    public int windowTo() {
        return period;
    }

    /** m in W. */
    public boolean inWindow(int month) {
        return month >= windowFrom && month <= period;
    }

    /** The end of P: its last day ("registered by the end of P" is {@code date <= endOfPeriod()}). */
    public int endOfPeriod() {
        return endOfPeriod;
    }

    /** The first day of W. */
    public int firstDayOfWindow() {
        return firstDayOfWindow;
    }

    public CheckParameters parameters() {
        return parameters;
    }

    public int integer(ParameterSpec p) {
        return parameters.integer(p);
    }

    /** A money parameter in cents. */
    public long moneyCents(ParameterSpec p) {
        return parameters.moneyCents(p);
    }

    public java.math.BigDecimal decimal(ParameterSpec p) {
        return parameters.decimal(p);
    }

    public boolean bool(ParameterSpec p) {
        return parameters.bool(p);
    }

    public List<String> codes(ParameterSpec p) {
        return parameters.codes(p);
    }

    // ------------------------------------------------------------------ the data

    public Snapshot data() {
        return data;
    }

    public Regions regions() {
        return data.regions();
    }

    public Households households() {
        return data.households();
    }

    public Persons persons() {
        return data.persons();
    }

    public Enrollments enrollments() {
        return data.enrollments();
    }

    public Payments payments() {
        return data.payments();
    }

    public Receipts receipts() {
        return data.receipts();
    }

    public Cards cards() {
        return data.cards();
    }

    public Standards standards() {
        return data.standards();
    }

    public Staff staff() {
        return data.staff();
    }

    public Filings filings() {
        return data.filings();
    }

    public Submissions submissions() {
        return data.submissions();
    }

    /**
     * An external dataset's rows of registry persons, ordered by person ({@link Table#from(int)},
     * {@link Table#to(int)}); empty when the dataset was absent (see {@link #present(String)}). The rule must list
     * the dataset in {@link Rule#uses()}.
     */
    public Table facts(String dataset) {
        return data.table(dataset);
    }

    /** Whether the input had the dataset. */
    public boolean present(String dataset) {
        return data.present(dataset);
    }

    // ------------------------------------------------------------------ Terms: payments

    /** Made payment: not (a FAILED receipt and no SUCCESS receipt); without receipts a payment is made. */
    public boolean isMade(int payment) {
        return data.payments().isMade(payment);
    }

    /** A made payment whose period is in W. */
    public boolean isMadeInWindow(int payment) {
        return inWindow(data.payments().period(payment)) && data.payments().isMade(payment);
    }

    /** The made payments of an enrollment with period in W, ordered by period (then as in the file). */
    public int[] madePaymentsInWindow(int enrollment) {
        Enrollments en = data.enrollments();
        int from = en.paymentsFrom(enrollment);
        int to = en.paymentsTo(enrollment);
        int[] out = new int[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int p = en.paymentAt(i);
            if (isMadeInWindow(p)) {
                out[n++] = p;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** paid(e, m): the sum of the made payments of enrollment e for period m, in cents. */
    public long paid(int enrollment, int month) {
        Enrollments en = data.enrollments();
        Payments pay = data.payments();
        long sum = 0;
        for (int i = en.paymentsFrom(enrollment); i < en.paymentsTo(enrollment); i++) {
            int p = en.paymentAt(i);
            if (pay.period(p) == month && pay.isMade(p)) {
                sum += pay.amount(p);
            }
        }
        return sum;
    }

    /** covered: the number of covered members of the enrollment. */
    public int covered(int enrollment) {
        return data.enrollments().covered(enrollment);
    }

    /**
     * Share of a covered member in a payment, in units ({@link Money}: 10 decimals of a yuan): amount ÷ covered for
     * DIBAO_URBAN, DIBAO_RURAL, TEMP_ASSIST, rounded HALF_UP to 10 decimals; the whole amount for every other
     * program. Sum shares in units and round once with {@link Money#yuanOfUnits(long)} (ClueBuilder.amountUnits).
     */
    public long share(int payment) {
        Payments pay = data.payments();
        int e = pay.enrollment(payment);
        Program program = data.enrollments().program(e);
        return program.isSharedByHousehold() ? Money.shareUnits(pay.amount(payment), covered(e))
                : Money.units(pay.amount(payment));
    }

    /** A covered member's share of an amount of the enrollment (e.g. paid(e, m)), in units. */
    public long share(int enrollment, long cents) {
        return data.enrollments().program(enrollment).isSharedByHousehold()
                ? Money.shareUnits(cents, covered(enrollment)) : Money.units(cents);
    }

    // ------------------------------------------------------------------ Terms: enrollments

    /** ACTIVE at month m: status ACTIVE, start_month <= m, end_month empty or >= m. */
    public boolean isActiveAt(int enrollment, int month) {
        Enrollments en = data.enrollments();
        if (!en.hasActiveStatus(enrollment) || en.startMonth(enrollment) > month) {
            return false;
        }
        int end = en.endMonth(enrollment);
        return end == Months.NONE || end >= month;
    }

    /**
     * In scope: a made payment in W, or ACTIVE at P. Every rule whose subject starts with an enrollment applies only
     * to enrollments in scope.
     */
    public boolean inScope(int enrollment) {
        return inScope.get(enrollment);
    }

    /**
     * Standard(e, m) in cents, or {@link Money#NONE} when unknown (see {@link Standards}). The rule must list
     * {@code standards} in {@link Rule#requires()}.
     */
    public long standard(int enrollment, int month) {
        return standard(data.enrollments().program(enrollment), data.enrollments().household(enrollment), month);
    }

    /** The standard of a program for a household's region and urban_rural, in cents, or {@link Money#NONE}. */
    public long standard(Program program, int household, int month) {
        Households h = data.households();
        return data.standards().lookup(program, h.region(household), h.urbanRuralRaw(household), month);
    }

    // ------------------------------------------------------------------ Terms: regions

    /** The household's region: its village code. */
    public long region(int household) {
        return data.households().region(household);
    }

    /** Town of a region: first 9 digits + 000. */
    public long town(long regionCode) {
        return RegionCodes.town(regionCode);
    }

    /** County of a region: its first 6 digits. */
    public int county(long regionCode) {
        return RegionCodes.county(regionCode);
    }

    // ------------------------------------------------------------------ Terms: staff

    /** In office on a day: active_from (empty: always) <= day <= active_to (empty: still). */
    public boolean inOffice(int staffRow, int day) {
        Staff s = data.staff();
        int from = s.activeFrom(staffRow);
        int to = s.activeTo(staffRow);
        return (from == Days.NONE || from <= day) && (to == Days.NONE || day <= to);
    }

    /** In office during W: in office on some day of W. */
    public boolean inOfficeDuringWindow(int staffRow) {
        Staff s = data.staff();
        int from = s.activeFrom(staffRow);
        int to = s.activeTo(staffRow);
        return (from == Days.NONE || from <= endOfPeriod) && (to == Days.NONE || to >= firstDayOfWindow);
    }

    /** Staff covers a household: the staff member's region, trailing zero segments ignored, prefixes the household's. */
    public boolean staffCovers(int staffRow, int household) {
        return RegionCodes.covers(data.staff().region(staffRow), data.households().region(household));
    }

    /** Is staff: the ID is in {@code staff}, whatever the dates. */
    public boolean isStaff(long idKey) {
        return data.staff().isStaff(idKey);
    }

    // ------------------------------------------------------------------ for explanations

    /** A person's name masked as on a public notice (张*三). */
    public String maskedName(int person) {
        return Texts.maskName(data.persons().name(person));
    }

    /** The parameters a rule's evidence records: period, lookback and the rule's own. */
    String parametersEvidence(Rule rule) {
        Evidence e = Evidence.object().put("period", Months.iso(period)).put("lookback", lookback);
        for (ParameterSpec p : rule.parameters()) {
            e.put(p.name(), parameters.text(p.name()));
        }
        return e.json();
    }

    // ================================================================== rules-de additions (D01-D03, E02-E03)
    // Terms added with rules D and E, kept in one block at the end of the class to ease merging.

    /**
     * Relatives of a staff member: the {@code staff_relatives} rows with that staff_id_no (the relative of row r is
     * {@code staff().relativeKey(r)}, the relation {@code staff().relation(r)}). The rule must list
     * {@code staff} and {@code staff_relatives} in {@link Rule#requires()}.
     */
    public int[] relativesOf(int staffRow) {
        Staff s = data.staff();
        if (s.relativesTable() == null) {
            throw new IllegalStateException("staff_relatives is not loaded: add it to the rule's requires()");
        }
        return s.relativeRowsOfStaff(s.key(staffRow));
    }

    /** Whether the person (an ID key) is among the relatives of the staff member. */
    public boolean isRelativeOf(long personKey, int staffRow) {
        Staff s = data.staff();
        for (int r : relativesOf(staffRow)) {
            if (s.relativeKey(r) == personKey) {
                return true;
            }
        }
        return false;
    }

    /** Whether the enrollment has a made payment for period m (whatever its amount, whatever W). */
    public boolean hasMadePayment(int enrollment, int month) {
        Enrollments en = data.enrollments();
        Payments pay = data.payments();
        for (int i = en.paymentsFrom(enrollment); i < en.paymentsTo(enrollment); i++) {
            int p = en.paymentAt(i);
            int period = pay.period(p);
            if (period > month) {
                return false;
            }
            if (period == month && pay.isMade(p)) {
                return true;
            }
        }
        return false;
    }

    // ================================================================== rules-b additions (B01-B08: cards)
    // Terms of the subsidy-card rules, kept together at the end of the class to ease merging.

    /**
     * The card a payment went to: the card code (card dictionary, see {@link Cards}) of a CARD payment; -1 for a
     * payment by any other channel, even one whose row carries a card_no (the money did not go to a card).
     */
    public int paidCard(int payment) {
        Payments pay = data.payments();
        return pay.isCard(payment) ? pay.card(payment) : -1;
    }

    /** An ACTIVE SUBSIDY card: a registered card with status ACTIVE and purpose SUBSIDY (empty purpose is SUBSIDY). */
    public boolean isActiveSubsidyCard(int card) {
        Cards c = data.cards();
        return c.isRegistered(card) && c.isActive(card) && c.isSubsidy(card);
    }

    /** Of two enrollments, the one with the smaller enrollment_id (text order); -1 stands for none. */
    public int smallerEnrollmentId(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        Enrollments en = data.enrollments();
        return en.id(b).compareTo(en.id(a)) < 0 ? b : a;
    }

    /**
     * The household of a clue about a card (B04, B05, B06) or a holder (B01): the holder's household when the holder
     * is in {@code persons}, else the household of {@code fallbackEnrollment} (the enrollment with the smallest
     * enrollment_id among those involved); -1 when neither exists.
     */
    public int holderHousehold(long holderKey, int fallbackEnrollment) {
        int person = data.persons().indexOf(holderKey);
        if (person >= 0) {
            return data.persons().household(person);
        }
        return fallbackEnrollment < 0 ? -1 : data.enrollments().household(fallbackEnrollment);
    }

    /**
     * The made payments in W that went to ({@link #paidCard(int)}) one of the given cards, grouped by card (ascending
     * card code), each card's payments by period, then as in the file. One pass over the payments.
     */
    public CardPayments madeCardPaymentsInWindow(BitSet cards) {
        Payments pay = data.payments();
        int n = 0;
        int[] found = new int[16];
        for (int p = 0; p < pay.size(); p++) {
            int c = paidCard(p);
            if (c >= 0 && cards.get(c) && isMadeInWindow(p)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = p;
            }
        }
        int[] groupCards = cards.stream().toArray();
        int[] dense = new int[n];
        for (int i = 0; i < n; i++) {
            dense[i] = Arrays.binarySearch(groupCards, paidCard(found[i]));
        }
        int[] order = new int[n];
        int[] start = sunshine.checks.data.IntArrays.group(dense, n, groupCards.length, order);
        int[] grouped = new int[n];
        long[] byPeriod = new long[n];
        for (int g = 0; g < groupCards.length; g++) {
            for (int j = start[g]; j < start[g + 1]; j++) {
                int p = found[order[j]];
                byPeriod[j] = ((long) pay.period(p) << 32) | p;
            }
            Arrays.sort(byPeriod, start[g], start[g + 1]);
            for (int j = start[g]; j < start[g + 1]; j++) {
                grouped[j] = (int) byPeriod[j];
            }
        }
        // keep only the cards that received something
        int kept = 0;
        for (int g = 0; g < groupCards.length; g++) {
            if (start[g + 1] > start[g]) {
                kept++;
            }
        }
        int[] outCards = new int[kept];
        int[] outStart = new int[kept + 1];
        int k = 0;
        for (int g = 0; g < groupCards.length; g++) {
            if (start[g + 1] > start[g]) {
                outCards[k] = groupCards[g];
                outStart[k + 1] = start[g + 1];
                k++;
            }
        }
        return new CardPayments(outCards, outStart, grouped);
    }

    // ================================================================== rules A02-A10 (branch rules-a): additions
    // Kept together at the end of the class so that additions made in parallel for other rules merge cleanly.

    /**
     * paid(e, m) for every month m of W at once: entry {@code m - windowFrom()} is the sum of the made payments of
     * the enrollment for period m, in cents (0 for a month without one). One pass over the enrollment's payments,
     * for rules that look at every month of W (A06, A07, A08).
     */
    public long[] paidInWindow(int enrollment) {
        Enrollments en = data.enrollments();
        Payments pay = data.payments();
        long[] out = new long[lookback];
        for (int i = en.paymentsFrom(enrollment); i < en.paymentsTo(enrollment); i++) {
            int p = en.paymentAt(i);
            int m = pay.period(p);
            if (inWindow(m) && pay.isMade(p)) {
                out[m - windowFrom] += pay.amount(p);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ Terms: the end of a person's residence

    /**
     * The row (in {@code facts("residency_events")}) of the person's earliest event that ends their residence in
     * the county: CANCELLED, or MOVED_OUT to another county or to an unknown place (rule A10); -1 when none (or
     * the dataset is absent). The rule must list residency_events in {@link Rule#uses()}.
     *
     * @param county the county to have left (6 digits as an int, see {@link #county(long)})
     */
    public int residencyEndRow(int person, int county) {
        Table t = data.table("residency_events");
        if (t.size() == 0) {
            return -1;
        }
        EnumColumn event = t.enums("event");
        IntColumn date = t.dates("event_date");
        LongColumn toRegion = t.regions("to_region");
        byte cancelled = event.index("CANCELLED");
        byte movedOut = event.index("MOVED_OUT");
        int first = -1;
        for (int i = t.from(person); i < t.to(person); i++) {
            byte ev = event.raw(i);
            boolean ends = ev == cancelled || (ev == movedOut
                    && (toRegion.isNull(i) || RegionCodes.county(toRegion.get(i)) != county));
            if (ends && (first < 0 || date.get(i) < date.get(first))) {
                first = i;
            }
        }
        return first;
    }

    /**
     * The person's earliest death date (epoch day) over all records of {@code facts("deaths")}, or
     * {@link Integer#MAX_VALUE} when there is none (or the dataset is absent). The rule must list deaths in
     * {@link Rule#uses()}.
     */
    public int deathDay(int person) {
        Table t = data.table("deaths");
        if (t.size() == 0) {
            return Integer.MAX_VALUE;
        }
        IntColumn date = t.dates("death_date");
        int earliest = Integer.MAX_VALUE;
        for (int i = t.from(person); i < t.to(person); i++) {
            earliest = Math.min(earliest, date.get(i));
        }
        return earliest;
    }
}
