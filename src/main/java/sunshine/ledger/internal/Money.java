package sunshine.ledger.internal;

import java.math.BigDecimal;
import sunshine.ledger.LedgerException;

/** Amounts of money as users give them: yuan, at most two decimals (never rounded), never negative. */
public final class Money {

    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /**
     * @param positive whether 0 is refused too
     * @return the amount with scale 2
     */
    public static BigDecimal check(BigDecimal v, String zh, String en, boolean positive) {
        if (v == null) {
            throw LedgerException.invalid("请填写" + zh, en + " is required");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw LedgerException.invalid(zh + "最多两位小数（分）：" + v.toPlainString(),
                    en + " has more than two decimals (cents): " + v.toPlainString());
        }
        if (v.signum() < 0 || positive && v.signum() == 0) {
            throw LedgerException.invalid(zh + (positive ? "必须大于0：" : "不能为负数：") + v.toPlainString(),
                    en + (positive ? " must be more than 0: " : " cannot be negative: ") + v.toPlainString());
        }
        if (v.compareTo(MAX) > 0) {
            throw LedgerException.invalid(zh + "过大：" + v.toPlainString(), en + " is too large: " + v.toPlainString());
        }
        return v.setScale(2);
    }

    public static String yuan(BigDecimal v) {
        return v.setScale(2).toPlainString();
    }
}
