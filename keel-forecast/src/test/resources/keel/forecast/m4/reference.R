# Reference forecasts of the M4 benchmarks for keel.forecast.m4 tests, computed with the functions
# of the organisers' script (Mcompetitions/M4-methods, "Benchmarks and Evaluation.R", restated
# here) and R forecast 8.20. Data: M4 Hourly H1-H5 and Weekly W1-W5 training parts
# (Makridakis, Spiliotis & Assimakopoulos 2020, IJF 36(1)). Run: Rscript reference.R
suppressMessages(library(forecast))
SeasonalityTest <- function(input, ppy) {
  tcrit <- 1.645
  if (length(input) < 3 * ppy) return(FALSE)
  xacf <- acf(input, plot = FALSE)$acf[-1, 1, 1]
  clim <- tcrit / sqrt(length(input)) * sqrt(cumsum(c(1, 2 * xacf^2)))
  s <- abs(xacf[ppy]) > clim[ppy]
  if (is.na(s)) FALSE else s
}
Theta.classic <- function(input, fh) {
  n <- length(input)
  fit <- lm(input ~ poly(1:n, 1, raw = TRUE))
  l0in <- as.numeric(predict(fit))
  b <- coef(fit)
  l0out <- b[1] + b[2] * ((n + 1):(n + fh))
  z <- 2 * input - l0in
  f <- 0.5 * ses(z, h = fh)$mean + 0.5 * l0out
  pmax(f, 0)
}
Benchmarks <- function(input, fh) {
  ppy <- frequency(input); ST <- FALSE
  if (ppy > 1) ST <- SeasonalityTest(input, ppy)
  if (ST) {
    Dec <- decompose(input, type = "multiplicative")
    des <- input / Dec$seasonal
    SIout <- head(rep(Dec$seasonal[(length(Dec$seasonal) - ppy + 1):length(Dec$seasonal)], fh), fh)
  } else { des <- input; SIout <- rep(1, fh) }
  f1 <- naive(input, h = fh)$mean
  f2 <- if (ppy > 1) head(rep(as.numeric(tail(input, ppy)), fh), fh) else f1
  f3 <- naive(des, h = fh)$mean * SIout
  f4 <- ses(des, h = fh)$mean * SIout
  f5 <- holt(des, h = fh, damped = FALSE)$mean * SIout
  f6 <- holt(des, h = fh, damped = TRUE)$mean * SIout
  f7 <- Theta.classic(des, fh) * SIout
  f8 <- (f4 + f5 + f6) / 3
  list(Naive1 = f1, sNaive = f2, Naive2 = f3, SES = f4, Holt = f5, Damped = f6, Theta = f7, "Comb S-H-D" = f8)
}
tr <- rbind(read.csv("/work/shared/data/m4/m4_hourly_train.csv"), read.csv("/work/shared/data/m4/m4_weekly_train.csv"))
ids <- c(paste0("H", 1:5), paste0("W", 1:5))
series <- c(); out <- c()
for (id in ids) {
  y <- tr$value[tr$series_id == id]
  ppy <- if (substr(id, 1, 1) == "H") 24 else 1
  fh <- if (ppy == 24) 48 else 13
  x <- ts(y, frequency = ppy)
  series <- c(series, paste(id, ppy, fh, paste(format(y, digits = 17), collapse = ";"), sep = ","))
  b <- Benchmarks(x, fh)
  for (nm in names(b)) out <- c(out, paste(id, nm, paste(format(as.numeric(b[[nm]]), digits = 17), collapse = ";"), sep = ","))
  out <- c(out, paste(id, "seasonal", ppy > 1 && SeasonalityTest(x, ppy), sep = ","))
}
writeLines(c("id,m,h,values", series), "series.csv")
writeLines(c("id,method,values", out), "expected.csv")
