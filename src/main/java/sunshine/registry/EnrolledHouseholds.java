package sunshine.registry;

import java.math.BigDecimal;
import java.util.List;
import sunshine.security.Actor;

/**
 * The households of a village that a program currently covers (ACTIVE enrollments), as a public notice lists
 * them: whose name the list shows, how many members are covered, the monthly amount. Full names: the caller masks
 * them before anything leaves the platform.
 */
public interface EnrolledHouseholds {

    /**
     * Every ACTIVE enrollment of the households of one village, in the order of the enrollment's key.
     *
     * @param actor       who asks: the village must lie within the actor's region (otherwise the answer is
     *                    empty, exactly as for a village without enrollments)
     * @param villageCode the village's 12-digit code
     * @throws org.springframework.security.access.AccessDeniedException when the actor's role does not handle
     *         personal data (the administrator)
     */
    List<Enrolled> activeInVillage(Actor actor, String villageCode);

    /**
     * One ACTIVE enrollment.
     *
     * @param enrollmentId   its key (never published)
     * @param program        the program code (DIBAO_URBAN ...)
     * @param name           the name of the payee (领款人, normally the applicant); the household head's when the
     *                       payee is not in {@code persons}; null when neither is
     * @param coveredMembers the distinct covered members in {@code enrollment_members}
     * @param monthlyAmount  the approved monthly amount, in yuan
     */
    record Enrolled(String enrollmentId, String program, String name, int coveredMembers,
                    BigDecimal monthlyAmount) {
    }
}
