package sunshine.disclosure.web;

import sunshine.disclosure.DisclosureException;
import sunshine.ledger.LedgerException;

/** HTTP statuses of refusals, for the pages that render them. */
final class PublicErrors {

    private PublicErrors() {
    }

    static int status(DisclosureException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
            case TOO_LARGE -> 413;
        };
    }

    static int status(LedgerException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case ILLEGAL_TRANSITION, CONFLICT -> 409;
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case UNAUTHENTICATED -> 401;
        };
    }
}
