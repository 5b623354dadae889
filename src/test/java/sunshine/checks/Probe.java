package sunshine.checks;

import java.util.Set;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Rule;

/** A rule that finds nothing and keeps the context it ran on, so a test can examine the Terms on real data. */
public final class Probe implements Rule {

    private final Set<String> requires;
    private final Set<String> uses;
    public volatile CheckContext ctx;

    public Probe(Set<String> requires, Set<String> uses) {
        this.requires = requires;
        this.uses = uses;
    }

    @Override
    public String code() {
        return "Z99";
    }

    @Override
    public String name() {
        return "PROBE";
    }

    @Override
    public String nameZh() {
        return "探针";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public Set<String> requires() {
        return requires;
    }

    @Override
    public Set<String> uses() {
        return uses;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        this.ctx = ctx;
    }

    /** The index of an enrollment by id. */
    public int enrollment(String id) {
        for (int e = 0; e < ctx.enrollments().size(); e++) {
            if (ctx.enrollments().id(e).equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The index of a payment by id. */
    public int payment(String id) {
        for (int p = 0; p < ctx.payments().size(); p++) {
            if (ctx.payments().id(p).equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
