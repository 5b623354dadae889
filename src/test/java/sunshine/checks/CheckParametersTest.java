package sunshine.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckParametersTest {

    static final ParameterSpec CAPITAL = ParameterSpec.money("A02.enterprise_capital", "100000", "capital", "注册资本");
    static final ParameterSpec INDIVIDUAL = ParameterSpec.bool("A02.include_individual", true, "individual", "个体");
    static final ParameterSpec EXEMPT = ParameterSpec.codes("A03.exempt_types", "vehicle_type",
            "MOTORCYCLE,TRICYCLE", "exempt", "豁免");
    static final ParameterSpec Z = ParameterSpec.decimal("E.z", "3.5", "z", "z");

    private final CheckParameters defaults = CheckParameters.defaults(List.of(CAPITAL, INDIVIDUAL, EXEMPT, Z));

    @Test
    void defaultsAndOverrides() {
        assertThat(defaults.lookback()).isEqualTo(12);
        assertThat(defaults.moneyCents(CAPITAL)).isEqualTo(10_000_000);
        assertThat(defaults.text(CAPITAL.name())).isEqualTo("100000.00");
        CheckParameters p = defaults.withAssignment("A02.enterprise_capital=50,000.5")
                .with("A02.include_individual", "false")
                .with("A03.exempt_types", "摩托车, LOW_SPEED")
                .with("E.z", "4")
                .with("lookback", "6");
        assertThat(p.moneyCents(CAPITAL)).isEqualTo(5_000_050);
        assertThat(p.bool(INDIVIDUAL)).isFalse();
        assertThat(p.codes(EXEMPT)).containsExactly("LOW_SPEED", "MOTORCYCLE");
        assertThat(p.decimal(Z)).isEqualByComparingTo(new BigDecimal("4"));
        assertThat(p.lookback()).isEqualTo(6);
        assertThat(p.isDefault("E.z")).isFalse();
        assertThat(defaults.isDefault("E.z")).isTrue();
        assertThat(defaults.lookback()).as("immutable").isEqualTo(12);
    }

    @Test
    void badNamesAndValuesAreRefusedInChineseAndEnglish() {
        assertThatThrownBy(() -> defaults.with("A02.capital", "1"))
                .isInstanceOfSatisfying(CheckException.class, e -> {
                    assertThat(e.reason().zh()).startsWith("未知参数：A02.capital（可用参数：lookback, A02.enterprise_capital");
                    assertThat(e.reason().en()).startsWith("unknown parameter: A02.capital (known parameters:");
                });
        assertThatThrownBy(() -> defaults.with("A02.enterprise_capital", "-1")).isInstanceOf(CheckException.class)
                .hasMessageContaining("not money");
        assertThatThrownBy(() -> defaults.with("A02.enterprise_capital", "1.001")).isInstanceOf(CheckException.class);
        assertThatThrownBy(() -> defaults.with("A02.include_individual", "maybe")).isInstanceOf(CheckException.class);
        assertThatThrownBy(() -> defaults.with("A03.exempt_types", "BICYCLE")).isInstanceOf(CheckException.class)
                .hasMessageContaining("BICYCLE");
        assertThatThrownBy(() -> defaults.with("lookback", "0")).isInstanceOf(CheckException.class);
        assertThatThrownBy(() -> defaults.withAssignment("lookback")).isInstanceOf(CheckException.class)
                .hasMessageContaining("NAME=VALUE");
    }
}
