package sunshine.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import sunshine.security.Actor;

/** Households and their members, for the people who work with them: scoped by the actor's region. */
public interface Households {

    /**
     * A household and its members (in the order of the persons file), if it lies within the actor's region.
     * Outside it the answer is the same as for a household that does not exist: empty.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the actor's role does not handle
     *         personal data (the administrator)
     */
    Optional<Household> find(Actor actor, String householdId);

    /**
     * @param householdId the household
     * @param regionCode  its village (12 digits)
     * @param regionName  the village's name, or null when the regions table does not hold it
     * @param address     the address, or null
     * @param headIdNo    the head's ID number (full: screens show it masked)
     * @param urbanRural  URBAN or RURAL
     * @param members     the persons of the household
     */
    record Household(String householdId, String regionCode, String regionName, String address, String headIdNo,
                     String urbanRural, List<Member> members) {
    }

    /**
     * @param idNo            the ID number (full: screens show it masked)
     * @param name            the name
     * @param gender          M or F, or null
     * @param birthDate       or null
     * @param relation        the relation to the head (code), or null
     * @param disabilityLevel 1 to 4, or null
     */
    record Member(String idNo, String name, String gender, LocalDate birthDate, String relation,
                  Integer disabilityLevel) {
    }
}
