package sunshine.applications;

import java.math.BigDecimal;
import java.util.List;

/**
 * An application as it is made.
 *
 * @param program        DIBAO_URBAN, DIBAO_RURAL, TEKUN, ORPHAN, DISABILITY_LIVING or DISABILITY_CARE
 * @param householdId    an existing registry household, or null for a household new to the registry
 * @param regionCode     the household's village (ignored for an existing household: the registry's is used)
 * @param urbanRural     URBAN or RURAL (ignored for an existing household)
 * @param address        the household's address
 * @param applicantIdNo  who applies (a member)
 * @param payeeIdNo      who is paid (a member; a guardian is listed as a member who is not covered)
 * @param cardNo         the payee's subsidy card, or null when the registry already has one
 * @param bank           its bank
 * @param declaredIncome the household's monthly income as declared (means-tested programs)
 * @param special        a special case (45 working days instead of 30)
 * @param specialReason  why
 * @param members        the household's members, covered or not
 */
public record NewApplication(String program, String householdId, String regionCode, String urbanRural,
                             String address, String applicantIdNo, String payeeIdNo, String cardNo, String bank,
                             BigDecimal declaredIncome, boolean special, String specialReason, List<Member> members) {

    /**
     * A member of the household.
     *
     * @param idNo            ID number (18 digits; 15-digit numbers are upgraded)
     * @param name            name
     * @param relation        HEAD, SPOUSE, CHILD ... (the contract's relation codes)
     * @param disabilityLevel 1-4, or null
     * @param covered         whether the benefit covers them
     */
    public record Member(String idNo, String name, String relation, Integer disabilityLevel, boolean covered) {
    }
}
