package sunshine.checks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sunshine.checks.Clue;

/**
 * Where a rule puts its clues: {@code out.clue()...add()}. Refuses a second clue for one subject (one rule
 * produces at most one clue per subject: a rule that finds several variants for one subject must merge them).
 */
public final class Clues {

    private final Rule rule;
    private final CheckContext ctx;
    private final String parametersJson;
    private final List<Clue> clues = new ArrayList<>();
    private final Map<String, Integer> subjects = new HashMap<>();

    /** The sink of one rule's run (the engine makes one per rule). */
    public static Clues of(Rule rule, CheckContext ctx) {
        return new Clues(rule, ctx);
    }

    private Clues(Rule rule, CheckContext ctx) {
        this.rule = rule;
        this.ctx = ctx;
        this.parametersJson = ctx.parametersEvidence(rule);
    }

    /** A new clue of this rule, to be filled in and {@link ClueBuilder#add() added}. */
    public ClueBuilder clue() {
        return new ClueBuilder(this, rule, ctx);
    }

    void add(Clue c) {
        if (subjects.putIfAbsent(c.subject(), clues.size()) != null) {
            throw new IllegalStateException("rule " + rule.code() + " produced two clues for subject " + c.subject());
        }
        clues.add(c);
    }

    String parametersJson() {
        return parametersJson;
    }

    /** The clues so far. */
    public List<Clue> list() {
        return clues;
    }

    public int size() {
        return clues.size();
    }
}
