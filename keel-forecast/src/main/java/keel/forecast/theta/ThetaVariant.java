package keel.forecast.theta;

/**
 * The Theta models of Fiorucci, Pellegrini, Louzada, Petropoulos &amp; Koehler (2016), IJF 32(4),
 * as statsforecast implements them: static or dynamic trend line, θ fixed at 2 or optimised.
 */
public enum ThetaVariant {
    /** Standard Theta model: static line, θ = 2 (equivalent to SES with drift). */
    STM(false, false),
    /** Optimised Theta model: static line, θ estimated. */
    OTM(false, true),
    /** Dynamic standard Theta model: line coefficients updated every step, θ = 2. */
    DSTM(true, false),
    /** Dynamic optimised Theta model. */
    DOTM(true, true);

    private final boolean dynamic;
    private final boolean optimisedTheta;

    ThetaVariant(boolean dynamic, boolean optimisedTheta) {
        this.dynamic = dynamic;
        this.optimisedTheta = optimisedTheta;
    }

    /** Whether A and B are updated every step. */
    public boolean dynamic() {
        return dynamic;
    }

    /** Whether θ is estimated (otherwise 2). */
    public boolean optimisedTheta() {
        return optimisedTheta;
    }
}
