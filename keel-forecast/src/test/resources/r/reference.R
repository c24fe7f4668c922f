# Reference values for keel-forecast tests (baseline, smoothing, intermittent, distributions).
# Produced with R 4.x and forecast 8.20 (Debian r-cran-forecast):  Rscript reference.R > reference.txt
# The build does not run this script; the tests hold the printed numbers with stated tolerances.
suppressMessages(library(forecast))
options(digits = 15)
cat("# forecast", as.character(packageVersion("forecast")), "\n")
show <- function(name, x) cat(name, "=", paste(format(as.numeric(x), digits = 15), collapse = ", "), "\n")

y <- c(12, 15, 14, 18, 20, 17, 16, 21, 24, 22, 19, 23)
f <- naive(y, h = 3, level = c(80, 95));          show("naive.mean", f$mean); show("naive.upper95", f$upper[, 2]); show("naive.lower80", f$lower[, 1])
yq <- ts(y, frequency = 4)
f <- snaive(yq, h = 6, level = c(80, 95));         show("snaive.mean", f$mean); show("snaive.upper95", f$upper[, 2])
f <- rwf(y, h = 3, drift = TRUE, level = c(80, 95)); show("drift.mean", f$mean); show("drift.upper95", f$upper[, 2])
f <- meanf(y, h = 2);                              show("mean.mean", f$mean)

s <- c(30.1, 32.4, 31.0, 33.8, 35.2, 34.0, 36.5, 35.9, 37.2, 39.0, 38.1, 40.3, 39.7, 41.2, 40.8,
       42.5, 44.1, 43.0, 45.2, 44.6, 46.3, 47.0, 45.9, 48.2, 49.1)
f <- ses(s, h = 4, initial = "simple", level = c(80, 95))
show("ses.alpha", f$model$par["alpha"]); show("ses.mean", f$mean); show("ses.sse", f$model$SSE)
s2 <- c(5, 7, 3, 8, 6, 4, 9, 5, 6, 7, 2, 8, 6, 5, 7, 4, 6, 8, 5, 6)
f <- ses(s2, h = 2, initial = "simple"); show("ses2.alpha", f$model$par["alpha"]); show("ses2.mean", f$mean); show("ses2.sse", f$model$SSE)

d <- c(0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 0, 0, 4, 0, 1, 0, 0, 6, 0, 0, 3, 0, 0)
f <- croston(d, h = 3, alpha = 0.1); show("croston.mean", f$mean)

show("qnorm", qnorm(c(0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 1e-10)))
show("qpois.3.2", qpois(c(0.1, 0.5, 0.8, 0.9, 0.95, 0.99), 3.2))
# negative binomial with mean 5.2 and variance 14.3: size = mu^2 / (var - mu)
show("qnbinom.5.2.14.3", qnbinom(c(0.1, 0.5, 0.8, 0.9, 0.95, 0.99), size = 5.2^2 / (14.3 - 5.2), mu = 5.2))
show("qnbinom.0.4.3", qnbinom(c(0.5, 0.8, 0.9, 0.95, 0.99), size = 0.4^2 / (3 - 0.4), mu = 0.4))
show("qnbinom.2500.90000", qnbinom(c(0.01, 0.5, 0.99), size = 2500^2 / (90000 - 2500), mu = 2500))
show("qpois.1e6", qpois(c(0.01, 0.5, 0.99), 1e6))
