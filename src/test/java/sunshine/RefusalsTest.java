package sunshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sunshine.applications.ApplicationException;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;
import sunshine.disclosure.DisclosureException;
import sunshine.ledger.LedgerException;
import sunshine.payments.PaymentException;
import sunshine.supervision.SupervisionException;

/** Every module's kinds of refusal get their HTTP status from one place, and every refusal the same JSON body. */
class RefusalsTest {

    @Test
    void everyKindOfEveryModuleHasItsStatus() {
        List<RefusalKind> kinds = Stream.of(LedgerException.Kind.values(), ApplicationException.Kind.values(),
                PaymentException.Kind.values(), SupervisionException.Kind.values(),
                DisclosureException.Kind.values()).flatMap(Arrays::stream).map(k -> (RefusalKind) k).toList();
        assertThat(kinds).hasSizeGreaterThan(30).allSatisfy(k -> assertThat(k.httpStatus()).isBetween(400, 599));
        assertThat(LedgerException.Kind.NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ApplicationException.Kind.FORBIDDEN.httpStatus()).isEqualTo(403);
        assertThat(SupervisionException.Kind.ILLEGAL_STATE.httpStatus()).isEqualTo(409);
        assertThat(LedgerException.Kind.ILLEGAL_TRANSITION.httpStatus()).isEqualTo(409);
        assertThat(DisclosureException.Kind.RATE_LIMITED.httpStatus()).isEqualTo(429);
        assertThat(LedgerException.Kind.UNSUPPORTED_TYPE.httpStatus()).isEqualTo(415);
        assertThat(PaymentException.Kind.UNAVAILABLE.httpStatus()).isEqualTo(503);
        assertThat(PaymentException.Kind.UNAUTHENTICATED.httpStatus()).isEqualTo(401);
    }

    @Test
    void aRefusalCarriesItsKindReasonAndBody() {
        RefusedException e = LedgerException.conflict(7);
        assertThat(((LedgerException) e).kind()).isEqualTo(LedgerException.Kind.CONFLICT);
        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.getMessage()).startsWith("CONFLICT: item 7 was changed");
        assertThat(e.body()).containsEntry("error", "CONFLICT")
                .containsEntry("message", Map.of("zh", e.reason().zh(), "en", e.reason().en()));
        assertThat(new SupervisionException(SupervisionException.Kind.INVALID, "样本为空", "empty sample").reason().zh())
                .isEqualTo("样本为空");
    }
}
