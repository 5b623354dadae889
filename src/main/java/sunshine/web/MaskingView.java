package sunshine.web;

import org.springframework.stereotype.Component;
import sunshine.security.Masking;

/** Masked personal data for the templates, as {@code @mask.id(...)} and {@code @mask.name(...)}. */
@Component("mask")
public class MaskingView {

    public String id(String idNo) {
        return Masking.idNumber(idNo);
    }

    public String name(String name) {
        return Masking.name(name);
    }
}
