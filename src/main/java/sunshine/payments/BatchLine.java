package sunshine.payments;

import java.math.BigDecimal;

/**
 * One payment of a batch.
 *
 * @param lineNo       1-based position
 * @param enrollmentId the enrollment paid
 * @param program      its program (null when the town listed an enrollment the registry does not know)
 * @param regionCode   the household's village, or null
 * @param payeeIdNo    who is paid
 * @param payeeName    their name
 * @param amount       yuan
 * @param cardNo       the subsidy card paid to
 * @param bank         the card's bank
 * @param reissueOf    the failed payment a re-issue line pays again, or null
 * @param paymentId    the payment (once exported), or null
 */
public record BatchLine(int lineNo, String enrollmentId, String program, String regionCode, String payeeIdNo,
                        String payeeName, BigDecimal amount, String cardNo, String bank, String reissueOf,
                        String paymentId) {
}
