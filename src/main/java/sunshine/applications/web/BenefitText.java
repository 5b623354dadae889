package sunshine.applications.web;

import org.springframework.stereotype.Component;
import sunshine.security.Masking;

/** Free text of the benefit screens (explanations, reasons) with any ID number in it masked: {@code @benefitText}. */
@Component("benefitText")
public class BenefitText {

    public String masked(String text) {
        return text == null ? "" : Masking.idNumbersIn(text);
    }
}
