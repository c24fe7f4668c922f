# Reference values for keel.forecast.ets tests, made with R's forecast package (8.20).
# Run from this directory:  Rscript reference.R
# Writes series.csv (id,m,values separated by ';') and expected.csv (id,model,field,step,value).
suppressMessages(library(forecast))
m4 <- read.csv("/work/shared/data/m4/m4_hourly_train.csv")
m4w <- read.csv("/work/shared/data/m4/m4_weekly_train.csv")
series <- list(
  AirPassengers = AirPassengers,
  USAccDeaths = USAccDeaths,
  WWWusage = WWWusage,
  lynx = ts(as.numeric(lynx)),
  H7 = ts(tail(m4$value[m4$series_id == "H7"], 24 * 14), frequency = 24),
  W5 = ts(m4w$value[m4w$series_id == "W5"], frequency = 1)
)
models <- c("ANN", "AAN", "AAdN", "MNN", "MAN", "MAdN", "ANA", "AAA", "AAdA", "MNA", "MAA", "MNM", "MAM", "MAdM")
out <- data.frame()
add <- function(id, model, field, step, value) {
  out <<- rbind(out, data.frame(id = id, model = model, field = field, step = step, value = value))
}
record <- function(id, label, fit, h) {
  p <- fit$par
  for (nm in c("alpha", "beta", "gamma", "phi")) if (!is.na(p[nm])) add(id, label, nm, 0, p[nm])
  add(id, label, "loglik", 0, fit$loglik)
  add(id, label, "aicc", 0, fit$aicc)
  add(id, label, "mse", 0, fit$mse)
  add(id, label, "sigma2", 0, fit$sigma2)
  fc <- forecast(fit, h = h, level = 95)
  for (i in 1:h) {
    add(id, label, "mean", i, fc$mean[i])
    add(id, label, "upper95", i, fc$upper[i, 1])
  }
}
lines <- c()
for (id in names(series)) {
  y <- series[[id]]
  m <- frequency(y)
  lines <- c(lines, paste(id, m, paste(format(as.numeric(y), digits = 17), collapse = ";"), sep = ","))
  h <- 8
  for (model in models) {
    seasonal <- substr(model, nchar(model), nchar(model)) != "N"
    if (seasonal && m == 1) next
    if (substr(model, 1, 1) == "M" && min(y) <= 0) next
    damped <- grepl("d", model)
    spec <- gsub("d", "", model)
    fit <- try(ets(y, model = spec, damped = damped), silent = TRUE)
    if (inherits(fit, "try-error")) next
    record(id, model, fit, h)
  }
  fit <- ets(y, opt.crit = "mse", model = "AAN", damped = FALSE)
  record(id, "holt-mse", fit, h)
  fit <- ets(y)
  add(id, "auto", paste0("chosen:", gsub(",", "", fit$method)), 0, NA)
  record(id, "auto", fit, h)
}
writeLines(c("id,m,values", lines), "series.csv")
write.csv(out, "expected.csv", row.names = FALSE, quote = FALSE)
