package sunshine.ledger.web;

import org.springframework.stereotype.Component;
import sunshine.security.Masking;

/** Free text of the case screens with every ID number in it masked, for the templates as {@code @casesMask.text(...)}. */
@Component("casesMask")
class CasesView {

    public String text(String text) {
        return Masking.idNumbersIn(text);
    }
}
