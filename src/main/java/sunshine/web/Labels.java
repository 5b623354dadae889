package sunshine.web;

import java.util.Locale;
import org.springframework.stereotype.Component;
import sunshine.contract.DataContract;

/**
 * The names users see for codes of the data contract: the contract's Chinese label, or the code itself in English.
 * Templates call it as {@code @labels}.
 */
@Component("labels")
public class Labels {

    private final DataContract contract = DataContract.standard();

    public String program(String code, Locale locale) {
        return chinese(locale) ? contract.enumType("program").labelOf(code) : code;
    }

    public String dataset(String name, Locale locale) {
        return chinese(locale) ? contract.dataset(name).label() : name;
    }

    private static boolean chinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }
}
