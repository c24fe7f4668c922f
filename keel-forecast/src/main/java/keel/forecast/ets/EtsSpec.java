package keel.forecast.ets;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exponential smoothing state space model ETS(error, trend, season), HKOS 2008 ch. 2: error
 * additive or multiplicative, trend none/additive/multiplicative (optionally damped), season
 * none/additive/multiplicative.
 *
 * @param error additive or multiplicative, never {@link Component#NONE}
 * @param trend the trend component
 * @param damped whether the trend is damped (requires a trend)
 * @param season the seasonal component
 */
public record EtsSpec(Component error, Component trend, boolean damped, Component season) {
    private static final Pattern NAME = Pattern.compile(
            "(?:ETS\\()?\\s*([AM])\\s*,?\\s*([NAM])(d?)\\s*,?\\s*([NAM])\\s*\\)?");

    /** A component of an ETS model. */
    public enum Component {
        NONE("N"), ADDITIVE("A"), MULTIPLICATIVE("M");

        private final String letter;

        Component(String letter) {
            this.letter = letter;
        }

        /** N, A or M. */
        public String letter() {
            return letter;
        }

        static Component of(String letter) {
            switch (letter) {
                case "N": return NONE;
                case "A": return ADDITIVE;
                case "M": return MULTIPLICATIVE;
                default: throw new IllegalArgumentException("ETS component was " + letter + "; expected N, A or M");
            }
        }
    }

    public EtsSpec {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(season, "season");
        if (error == Component.NONE) {
            throw new IllegalArgumentException("ETS error component was N; expected A or M");
        }
        if (damped && trend == Component.NONE) {
            throw new IllegalArgumentException("ETS model is damped without a trend; expected trend A or M");
        }
    }

    /**
     * Parses names like {@code "ETS(A,Ad,N)"}, {@code "MAM"} or {@code "AAdN"}.
     *
     * @throws IllegalArgumentException when the text is not an ETS model name
     */
    public static EtsSpec parse(String text) {
        Matcher matcher = NAME.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("ETS model was \"" + text + "\"; expected a name like ETS(A,Ad,N) or MAM");
        }
        return new EtsSpec(Component.of(matcher.group(1)), Component.of(matcher.group(2)),
                !matcher.group(3).isEmpty(), Component.of(matcher.group(4)));
    }

    /** True when the model has a seasonal component. */
    public boolean seasonal() {
        return season != Component.NONE;
    }

    /** True when the model has a trend component. */
    public boolean trended() {
        return trend != Component.NONE;
    }

    /** The name as R prints it, e.g. {@code ETS(A,Ad,N)}. */
    public String name() {
        return String.format(Locale.ROOT, "ETS(%s,%s%s,%s)", error.letter(), trend.letter(), damped ? "d" : "",
                season.letter());
    }

    @Override
    public String toString() {
        return name();
    }
}
