package sunshine.payments;

/**
 * A due enrollment the platform could not put on a batch's list.
 *
 * @param enrollmentId the enrollment
 * @param reason       NO_CARD: neither the payee holds an ACTIVE subsidy card nor a filed custody card exists
 */
public record UnpaidEnrollment(String enrollmentId, String reason) {
}
