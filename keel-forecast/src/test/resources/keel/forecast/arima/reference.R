# Reference values for keel.forecast.arima tests, from R forecast (run: Rscript reference.R > reference.txt
# in this directory, with /work/shared/data/m4 available or M4_DIR set). Generated with R 4.2.2 and
# forecast 8.20. Each line: case|field|comma-separated values.
suppressMessages(library(forecast))
m4dir <- Sys.getenv("M4_DIR", "/work/shared/data/m4")
m4 <- function(file, id, m) {
  d <- read.csv(file.path(m4dir, file))
  d <- d[d$series_id == id, ]
  ts(d$value[order(d$t)], frequency = m)
}
out <- function(case, field, v) cat(case, "|", field, "|", paste(format(v, digits = 15), collapse = ","), "\n", sep = "")
series <- list(
  lh = lh,
  usacc = USAccDeaths,
  logair = log(AirPassengers),
  www = WWWusage,
  lhna = { x <- lh; x[c(5, 17, 30)] <- NA; x },
  h1 = m4("m4_hourly_train.csv", "H1", 24),
  w246 = m4("m4_weekly_train.csv", "W246", 1)
)
for (nm in names(series)) { out(nm, "data", as.numeric(series[[nm]])); out(nm, "period", frequency(series[[nm]])) }

fixed <- list(
  list("lh_100", "lh", c(1,0,0), c(0,0,0), TRUE, FALSE, "CSS-ML"),
  list("lh_300", "lh", c(3,0,0), c(0,0,0), TRUE, FALSE, "CSS-ML"),
  list("lh_101", "lh", c(1,0,1), c(0,0,0), TRUE, FALSE, "CSS-ML"),
  list("lh_101css", "lh", c(1,0,1), c(0,0,0), TRUE, FALSE, "CSS"),
  list("lhna_100", "lhna", c(1,0,0), c(0,0,0), TRUE, FALSE, "CSS-ML"),
  list("usacc_011011", "usacc", c(0,1,1), c(0,1,1), FALSE, FALSE, "CSS-ML"),
  list("usacc_110100", "usacc", c(1,1,0), c(1,0,0), FALSE, TRUE, "CSS-ML"),
  list("logair_011011", "logair", c(0,1,1), c(0,1,1), FALSE, FALSE, "CSS-ML"),
  list("logair_210011", "logair", c(2,1,0), c(0,1,1), FALSE, FALSE, "CSS-ML"),
  list("www_310", "www", c(3,1,0), c(0,0,0), FALSE, FALSE, "CSS-ML"),
  list("www_111", "www", c(1,1,1), c(0,0,0), FALSE, TRUE, "CSS-ML"),
  list("h1_201011", "h1", c(2,0,1), c(0,1,1), FALSE, FALSE, "CSS-ML")
)
for (f in fixed) {
  x <- series[[f[[2]]]]
  fit <- Arima(x, order = f[[3]], seasonal = f[[4]], include.mean = f[[5]], include.drift = f[[6]], method = f[[7]])
  fc <- forecast(fit, h = 12, level = 95)
  out(f[[1]], "series", f[[2]])
  out(f[[1]], "order", c(f[[3]], f[[4]]))
  out(f[[1]], "constant", as.integer(f[[5]] || f[[6]]))
  out(f[[1]], "method", f[[7]])
  out(f[[1]], "coef", unname(coef(fit)))
  out(f[[1]], "loglik", fit$loglik)
  out(f[[1]], "sigma2", fit$sigma2)
  out(f[[1]], "aicc", if (is.null(fit$aicc)) NA else fit$aicc)
  out(f[[1]], "mean", as.numeric(fc$mean))
  out(f[[1]], "upper95", as.numeric(fc$upper[, 1]))
}
for (nm in c("lh", "usacc", "logair", "www", "h1", "w246")) {
  x <- series[[nm]]
  fit <- auto.arima(x)
  fc <- forecast(fit, h = 12, level = 95)
  ord <- arimaorder(fit)
  if (length(ord) == 3) ord <- c(ord, 0, 0, 0)
  out(paste0("auto_", nm), "series", nm)
  out(paste0("auto_", nm), "order", ord[1:6])
  out(paste0("auto_", nm), "coef", unname(coef(fit)))
  out(paste0("auto_", nm), "aicc", fit$aicc)
  out(paste0("auto_", nm), "mean", as.numeric(fc$mean))
  out(paste0("auto_", nm), "upper95", as.numeric(fc$upper[, 1]))
}
for (nm in c("lh", "usacc", "logair", "www", "h1", "w246")) {
  x <- series[[nm]]
  out(paste0("tests_", nm), "series", nm)
  out(paste0("tests_", nm), "kpss", urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(length(x)) / 13))@teststat)
  out(paste0("tests_", nm), "ndiffs", ndiffs(x))
  if (frequency(x) > 1) {
    out(paste0("tests_", nm), "strength", forecast:::seas.heuristic(x))
    out(paste0("tests_", nm), "nsdiffs", nsdiffs(x))
    s <- stl(x, s.window = 11)
    out(paste0("tests_", nm), "stlseasonal", as.numeric(s$time.series[, "seasonal"]))
    out(paste0("tests_", nm), "stltrend", as.numeric(s$time.series[, "trend"]))
  }
}
