package sunshine.payments.internal;

import java.time.YearMonth;

/** What a program's money is called on a bank statement. */
public final class Programs {

    private Programs() {
    }

    /** The money's name: 农村低保金, 特困人员供养金 ... (each holds the keyword rule B07 looks for). */
    public static String money(String program) {
        return switch (program) {
            case "DIBAO_URBAN" -> "城市低保金";
            case "DIBAO_RURAL" -> "农村低保金";
            case "TEKUN" -> "特困人员供养金";
            case "TEMP_ASSIST" -> "临时救助金";
            case "ORPHAN" -> "孤儿基本生活费";
            case "DISABILITY_LIVING" -> "困难残疾人生活补贴";
            case "DISABILITY_CARE" -> "重度残疾人护理补贴";
            default -> throw new IllegalArgumentException("unknown program " + program);
        };
    }

    /** The payment remark: {@code 2026年10月农村低保金}. */
    public static String remark(String program, YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月" + money(program);
    }
}
