package sunshine.payments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.payments.UnpaidEnrollment;

/**
 * Builds a town's payroll for a month from the registry: who is due, how much, to which card.
 * <p>
 * <b>Due</b> (the enrollments rule C07 expects on the town's list): status ACTIVE at the period (start_month ≤ period,
 * no end_month before it), approved by the end of the period, not TEMP_ASSIST (one-off grants are not paid monthly),
 * the household's village in the town. Left out: enrollments already paid for the period (a made payment: no FAILED
 * receipt without a SUCCESS one), and enrollments with a covered member whom another batch of the program and month
 * already pays (the claim), or whom an earlier line of this list pays (a person covered twice in one program).
 * <p>
 * <b>Card</b>: an ACTIVE subsidy card (purpose SUBSIDY or empty) held by the payee, else an ACTIVE subsidy card that a
 * CUSTODY filing names for the payee or a covered member — exactly the cards rule C07 accepts. Among several, the
 * card the enrollment was last paid to, else the most recently opened one. No card: the enrollment is not listed
 * but reported ({@code NO_CARD}); a person paid elsewhere this month: reported ({@code PERSON_ALREADY_LISTED}).
 */
@Component
public class Payroll {

    /** A due enrollment. */
    public record Due(String enrollmentId, String program, String householdId, String regionCode, String payeeIdNo,
                      BigDecimal amount, List<String> members) {
    }

    /** A due enrollment with the card it is paid to. */
    public record Listed(Due due, String cardNo, String bank, String payeeName) {
    }

    /** The list and what could not be listed. */
    public record Built(List<Listed> lines, List<UnpaidEnrollment> unpaid) {
    }

    private record Card(String cardNo, String bank, String holderName, LocalDate opened) {
    }

    private static final Comparator<Card> NEWEST_FIRST = Comparator
            .comparing(Card::opened, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Card::cardNo);

    private final JdbcTemplate jdbc;

    public Payroll(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The payroll of a town for a month, for every due enrollment no batch holds yet. */
    public Built build(String townCode, YearMonth period) {
        List<Due> due = due(townCode, period);
        return list(due, period, true);
    }

    /** The due enrollments of a town. */
    public List<Due> due(String townCode, YearMonth period) {
        String p = period.toString();
        LocalDate end = period.atEndOfMonth();
        Map<String, Due> byId = new LinkedHashMap<>();
        jdbc.query("""
                SELECT e.enrollment_id, e.program, e.household_id, h.region_code, e.payee_id_no, e.monthly_amount
                FROM enrollments e JOIN households h ON h.household_id = e.household_id
                WHERE e.status = 'ACTIVE' AND e.program <> 'TEMP_ASSIST'
                  AND e.start_month <= ? AND (e.end_month IS NULL OR e.end_month >= ?)
                  AND e.approved_date <= ? AND h.region_code LIKE ?
                ORDER BY h.region_code, e.enrollment_id
                """, rs -> {
            byId.put(rs.getString(1), new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBigDecimal(6), new ArrayList<>()));
        }, p, p, end, townCode.substring(0, 9) + "%");
        Jdbc.inChunks(jdbc, "SELECT enrollment_id, id_no FROM enrollment_members WHERE enrollment_id IN (?) "
                + "ORDER BY enrollment_id, id_no", byId.keySet(), rs -> {
                    byId.get(rs.getString(1)).members().add(rs.getString(2));
                });
        Set<String> paid = new HashSet<>();
        Jdbc.inChunks(jdbc, """
                SELECT p.enrollment_id FROM payments p
                WHERE p.period = ? AND p.enrollment_id IN (?)
                  AND (EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = p.payment_id AND r.status = 'SUCCESS')
                       OR NOT EXISTS (SELECT 1 FROM bank_receipts r WHERE r.payment_id = p.payment_id
                                      AND r.status = 'FAILED'))
                """, byId.keySet(), rs -> {
                    paid.add(rs.getString(1));
                }, p);
        paid.forEach(byId::remove);
        return new ArrayList<>(byId.values());
    }

    /** Cards and claims for some due enrollments. */
    public Built list(List<Due> due, YearMonth period) {
        return list(due, period, true);
    }

    /** Cards for enrollments whose people are claimed already (a re-issue: the claims move with them). */
    public Built listIgnoringClaims(List<Due> due, YearMonth period) {
        return list(due, period, false);
    }

    private Built list(List<Due> due, YearMonth period, boolean claims) {
        Set<String> payees = new HashSet<>();
        Set<String> people = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Due d : due) {
            payees.add(d.payeeIdNo());
            people.add(d.payeeIdNo());
            people.addAll(d.members());
            ids.add(d.enrollmentId());
        }
        Map<String, List<Card>> own = new HashMap<>();
        Jdbc.inChunks(jdbc, """
                SELECT holder_id_no, card_no, bank, holder_name, opened_date FROM cards
                WHERE status = 'ACTIVE' AND (purpose IS NULL OR purpose = 'SUBSIDY') AND holder_id_no IN (?)
                """, payees, rs -> {
                    own.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Card(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class)));
                });
        Map<String, List<Card>> custody = new HashMap<>();
        Jdbc.inChunks(jdbc, """
                SELECT f.subject_id_no, c.card_no, c.bank, c.holder_name, c.opened_date
                FROM filings f JOIN cards c ON c.card_no = f.card_no
                WHERE f.kind = 'CUSTODY' AND c.status = 'ACTIVE' AND (c.purpose IS NULL OR c.purpose = 'SUBSIDY')
                  AND f.subject_id_no IN (?)
                """, people, rs -> {
                    custody.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Card(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class)));
                });
        Map<String, String> lastCard = new HashMap<>();
        Map<String, String> lastPeriod = new HashMap<>();
        Jdbc.inChunks(jdbc, "SELECT enrollment_id, period, card_no FROM payments WHERE card_no IS NOT NULL "
                + "AND enrollment_id IN (?)", ids, rs -> {
                    String e = rs.getString(1);
                    String m = rs.getString(2);
                    if (lastPeriod.get(e) == null || lastPeriod.get(e).compareTo(m) < 0) {
                        lastPeriod.put(e, m);
                        lastCard.put(e, rs.getString(3));
                    }
                });
        Map<String, String> names = new HashMap<>();
        Jdbc.inChunks(jdbc, "SELECT id_no, name FROM persons WHERE id_no IN (?)", payees, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        Set<String> claimed = new HashSet<>();
        Jdbc.inChunks(jdbc, "SELECT program, id_no FROM payroll_claim WHERE period = ? AND id_no IN (?)", people,
                rs -> {
                    claimed.add(rs.getString(1) + "|" + rs.getString(2));
                }, period.toString());

        List<Listed> lines = new ArrayList<>();
        List<sunshine.payments.UnpaidEnrollment> unpaid = new ArrayList<>();
        for (Due d : due) {
            boolean taken = false;
            if (!claims) {
                Card card = choose(d, own, custody, lastCard.get(d.enrollmentId()));
                if (card == null) {
                    unpaid.add(new UnpaidEnrollment(d.enrollmentId(), "NO_CARD"));
                } else {
                    lines.add(new Listed(d, card.cardNo(), card.bank(), names.getOrDefault(d.payeeIdNo(),
                            card.holderName())));
                }
                continue;
            }
            for (String m : d.members()) {
                taken |= claimed.contains(d.program() + "|" + m);
            }
            if (taken) {
                unpaid.add(new UnpaidEnrollment(d.enrollmentId(), "PERSON_ALREADY_LISTED"));
                continue;
            }
            Card card = choose(d, own, custody, lastCard.get(d.enrollmentId()));
            if (card == null) {
                unpaid.add(new UnpaidEnrollment(d.enrollmentId(), "NO_CARD"));
                continue;
            }
            d.members().forEach(m -> claimed.add(d.program() + "|" + m));
            String name = names.getOrDefault(d.payeeIdNo(), card.holderName());
            lines.add(new Listed(d, card.cardNo(), card.bank(), name));
        }
        return new Built(lines, unpaid);
    }

    private static Card choose(Due d, Map<String, List<Card>> own, Map<String, List<Card>> custody, String last) {
        List<Card> candidates = new ArrayList<>(own.getOrDefault(d.payeeIdNo(), List.of()));
        candidates.sort(NEWEST_FIRST);
        List<Card> filed = new ArrayList<>(custody.getOrDefault(d.payeeIdNo(), List.of()));
        for (String m : d.members()) {
            filed.addAll(custody.getOrDefault(m, List.of()));
        }
        filed.sort(Comparator.comparing(Card::cardNo));
        List<Card> all = new ArrayList<>(candidates);
        all.addAll(filed);
        if (last != null) {
            for (Card c : all) {
                if (c.cardNo().equals(last)) {
                    return c;
                }
            }
        }
        return all.isEmpty() ? null : all.get(0);
    }
}
