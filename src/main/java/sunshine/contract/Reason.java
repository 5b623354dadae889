package sunshine.contract;

/** A message every user can read: Chinese for the UI and the reports, English beside it. */
public record Reason(String zh, String en) {

    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
