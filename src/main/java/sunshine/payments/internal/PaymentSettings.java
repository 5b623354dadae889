package sunshine.payments.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code sunshine.payments.*}: where bank files go and the banks' layouts.
 * <pre>
 * sunshine:
 *   payments:
 *     default-layout: standard
 *     layouts:
 *       - code: ccb
 *         name: 建设银行代发
 *         encoding: GBK
 *         bom: false
 *         header: true
 *         columns:
 *           - {header: 账号, field: card_no}
 *           - {header: 户名, field: payee_name}
 *           - {header: 金额（分）, field: amount_cents}
 *           - {header: 用途, field: remark}
 * </pre>
 * Built-in layouts: {@code standard} (UTF-8 with BOM) and {@code gbk}; a configured layout with the same code
 * replaces a built-in one. Bank files are kept under {@code ${sunshine.data-dir}/payments/<batch>/}.
 */
@Component
public class PaymentSettings {

    private final Path dataDir;
    private final String defaultLayout;
    private final Map<String, BankLayout> layouts = new LinkedHashMap<>();

    public PaymentSettings(@Value("${sunshine.data-dir:./data}") String dataDir,
                           @Value("${sunshine.payments.default-layout:standard}") String defaultLayout,
                           Environment environment) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.defaultLayout = defaultLayout;
        BankLayout.builtIn().forEach(l -> layouts.put(l.code(), l));
        Binder.get(environment).bind("sunshine.payments.layouts", Bindable.listOf(BankLayout.class))
                .orElse(List.of()).forEach(l -> layouts.put(l.code(), l));
        if (!layouts.containsKey(defaultLayout)) {
            throw new IllegalStateException("sunshine.payments.default-layout: no layout " + defaultLayout);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where a batch's bank files go. */
    public Path batchDir(String batchId) {
        return dataDir.resolve("payments").resolve(batchId);
    }

    /** A path under the data directory as stored: relative, forward slashes. */
    public String relative(Path p) {
        return dataDir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public Path resolve(String stored) {
        return stored == null ? null : dataDir.resolve(stored).normalize();
    }

    public String defaultLayout() {
        return defaultLayout;
    }

    /** Every layout by code. */
    public Map<String, BankLayout> layouts() {
        return Map.copyOf(layouts);
    }

    public BankLayout layout(String code) {
        return layouts.get(code == null || code.isBlank() ? defaultLayout : code.strip());
    }
}
