package sunshine.payments;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The bank file of an exported batch.
 *
 * @param batch        the batch, now EXPORTED
 * @param layout       the bank layout used
 * @param payDate      the date the payments are made
 * @param paymentCount payments written
 * @param total        their sum
 * @param csv          the bank file as CSV (in the layout's encoding)
 * @param xlsx         the same as XLSX
 * @param csvSm3       SM3 of the CSV's bytes
 */
public record Export(PaymentBatch batch, String layout, LocalDate payDate, int paymentCount, BigDecimal total,
                     Path csv, Path xlsx, String csvSm3) {
}
