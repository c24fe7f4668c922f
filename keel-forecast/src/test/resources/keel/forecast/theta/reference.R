# Reference forecasts of R forecast 8.20 thetaf for keel.forecast.theta tests. Run: Rscript reference.R
# Series: AirPassengers, USAccDeaths, WWWusage (R datasets) and M4 Weekly W5 (M4-methods, see data README).
suppressMessages(library(forecast))
m4w <- read.csv("/work/shared/data/m4/m4_weekly_train.csv")
series <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, WWWusage = WWWusage,
               W5 = ts(m4w$value[m4w$series_id == "W5"], frequency = 1))
s <- c(); e <- c()
for (id in names(series)) {
  y <- series[[id]]
  fc <- thetaf(y, h = 12, level = 95)
  s <- c(s, paste(id, frequency(y), paste(format(as.numeric(y), digits = 17), collapse = ";"), sep = ","))
  e <- c(e, paste(id, "mean", paste(format(as.numeric(fc$mean), digits = 17), collapse = ";"), sep = ","))
  e <- c(e, paste(id, "upper95", paste(format(as.numeric(fc$upper), digits = 17), collapse = ";"), sep = ","))
}
writeLines(c("id,m,values", s), "series.csv")
writeLines(c("id,field,values", e), "expected.csv")
