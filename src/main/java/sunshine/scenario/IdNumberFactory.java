package sunshine.scenario;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import sunshine.contract.IdNumbers;

/**
 * Valid resident ID numbers (GB 11643: region, birth date, sequence, MOD 11-2 check digit) whose first six digits
 * are the county's code. Registry people get sequence numbers 001-499, people who appear only in other
 * departments' data 500-999, so that the two can never collide and an external row matches a beneficiary only
 * where the generator meant it to. The sequence's last digit is odd for men and even for women.
 */
final class IdNumberFactory {

    private final String county6;
    private final RandomGenerator rng;
    private final Set<String> issued = new HashSet<>();

    IdNumberFactory(String county6, RandomGenerator rng) {
        this.county6 = county6;
        this.rng = rng;
    }

    /** A new registry ID number, unique in this county. */
    String registry(LocalDate birth, boolean male) {
        while (true) {
            int seq = 1 + rng.nextInt(499);
            String id = build(county6, birth, sequence(seq, male));
            if (issued.add(id)) {
                return id;
            }
            birth = birth.plusDays(1);
        }
    }

    /** An ID number of someone in other departments' data only (never a registry person). */
    String outsider(LocalDate birth, boolean male) {
        return outsider(county6, birth, male);
    }

    /** An ID number of an outsider registered in another county. */
    String outsider(String otherCounty6, LocalDate birth, boolean male) {
        int seq = 500 + rng.nextInt(500);
        return build(otherCounty6, birth, sequence(seq, male));
    }

    private static int sequence(int seq, boolean male) {
        boolean odd = seq % 2 == 1;
        if (odd != male) {
            seq = seq == 999 || seq == 499 ? seq - 1 : seq + 1;
        }
        return seq;
    }

    private static String build(String county6, LocalDate birth, int seq) {
        String first17 = county6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return IdNumbers.withCheckDigit(first17);
    }

    /** The old 15-digit form of an 18-digit number of someone born in the 1900s (as old cremation records hold). */
    static String fifteenDigit(String id18) {
        if (!id18.startsWith("19", 6)) {
            throw new IllegalArgumentException("only people born in the 1900s have a 15-digit number: " + id18);
        }
        return id18.substring(0, 6) + id18.substring(8, 17);
    }
}
