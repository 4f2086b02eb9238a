package shop;

/** No pragma: copied to the jvm folder as it is, so the generated folder is a complete source set. */
public class HelpPage {

    public String text() {
        return "Ask us anything.";
    }
}
