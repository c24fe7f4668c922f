package keel.forecast.ets;

/** What the ETS parameter search minimises (R {@code ets(opt.crit = ...)}). */
public enum Criterion {
    /** −2 log-likelihood without constants: n·log Σe² (+ 2Σlog|ŷ| for multiplicative error). */
    LIKELIHOOD,
    /** In-sample one-step mean squared error of y − ŷ (what {@code ses} and {@code holt} use). */
    MSE,
    /** Mean of the squared innovations e_t. */
    SIGMA,
    /** Mean absolute innovation. */
    MAE
}
