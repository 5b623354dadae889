package sunshine.checks.data;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code filings} dataset with the lookups the rules need: RELATIVE filings by (subject, related staff) and by
 * subject; CUSTODY filings by card and by (card, subject).
 */
public final class Filings {

    private final Table table;
    private final TextColumn id;
    private final EnumColumn kind;
    private final LongColumn subject;
    private final LongColumn related;
    private final TextColumn card;
    private final IntColumn filed;
    private final EnumColumn level;
    private final Set<Long> relativeSubjects = new HashSet<>();
    private final Set<Pair> relativePairs = new HashSet<>();
    private final Set<Integer> custodyCards = new HashSet<>();
    private final Set<CardSubject> custodyCardSubjects = new HashSet<>();

    private record Pair(long subject, long related) {
    }

    private record CardSubject(int card, long subject) {
    }

    public Filings(Table table) {
        this.table = table;
        this.id = table.texts("filing_id");
        this.kind = table.enums("kind");
        this.subject = table.ids("subject_id_no");
        this.related = table.ids("related_id_no");
        this.card = table.texts("card_no");
        this.filed = table.dates("filed_date");
        this.level = table.enums("filed_level");
        for (int f = 0; f < table.size(); f++) {
            if (isRelative(f)) {
                relativeSubjects.add(subject.get(f));
                relativePairs.add(new Pair(subject.get(f), related.get(f)));
            } else if (isCustody(f) && !card.isNull(f)) {
                custodyCards.add(card.code(f));
                custodyCardSubjects.add(new CardSubject(card.code(f), subject.get(f)));
            }
        }
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    public String id(int f) {
        return id.get(f);
    }

    public boolean isRelative(int f) {
        return kind.is(f, "RELATIVE");
    }

    public boolean isCustody(int f) {
        return kind.is(f, "CUSTODY");
    }

    public long subjectKey(int f) {
        return subject.get(f);
    }

    public long relatedKey(int f) {
        return related.get(f);
    }

    /** The card code (card dictionary, see {@link Cards}) or -1. */
    public int card(int f) {
        return card.code(f);
    }

    public int filedDate(int f) {
        return filed.get(f);
    }

    /** TOWN, COUNTY or CITY. */
    public String filedLevel(int f) {
        return level.code(f);
    }

    /** A RELATIVE filing with this subject and this related staff member exists. */
    public boolean hasRelativeFiling(long subjectKey, long staffKey) {
        return relativePairs.contains(new Pair(subjectKey, staffKey));
    }

    /** A RELATIVE filing whose subject is this person exists. */
    public boolean hasRelativeFiling(long subjectKey) {
        return relativeSubjects.contains(subjectKey);
    }

    /** A CUSTODY filing names this card. */
    public boolean hasCustodyFiling(int cardCode) {
        return custodyCards.contains(cardCode);
    }

    /** A CUSTODY filing names this card and has this subject. */
    public boolean hasCustodyFiling(int cardCode, long subjectKey) {
        return custodyCardSubjects.contains(new CardSubject(cardCode, subjectKey));
    }
}
