# Series per CPU-second of R forecast's ets(), auto.arima() and thetaf() on the series in a file,
# for keel-bench's speed benchmark (keel.bench.RBaseline runs it; by hand:
#   Rscript keel-bench/r/speed.R series.csv ets=20,arima=10,theta=0 > out.csv).
# Input: a header line, then one series per line: id,period,horizon,v1 v2 v3 ... (space-separated values).
# Second argument: method=limit pairs, limit 0 = every series in the file.
# Output (stdout, CSV): "time,method,series,cpu_seconds" per method, where cpu_seconds is user + system
# time from proc.time() around the loop only (R start-up, package and data loading excluded; one
# untimed warm-up call on the first series first), and "forecast,method,id,f1 f2 ... fh" per series.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript speed.R SERIES_FILE method=limit,...")
lines <- readLines(args[1])[-1]
fields <- strsplit(lines, ",", fixed = TRUE)
series <- lapply(fields, function(f) {
  list(id = f[1], y = ts(as.numeric(strsplit(f[4], " ", fixed = TRUE)[[1]]), frequency = as.integer(f[2])),
       h = as.integer(f[3]))
})
methods <- list(
  ets = function(s) forecast(ets(s$y), h = s$h)$mean,
  arima = function(s) forecast(auto.arima(s$y), h = s$h)$mean,
  theta = function(s) thetaf(s$y, h = s$h)$mean
)
for (pair in strsplit(strsplit(args[2], ",", fixed = TRUE)[[1]], "=", fixed = TRUE)) {
  name <- pair[1]
  limit <- as.integer(pair[2])
  run <- methods[[name]]
  if (is.null(run)) stop(paste0("method was \"", name, "\"; expected ets, arima or theta"))
  chosen <- if (limit > 0 && limit < length(series)) series[seq_len(limit)] else series
  invisible(run(chosen[[1]]))
  out <- vector("list", length(chosen))
  start <- proc.time()
  for (i in seq_along(chosen)) out[[i]] <- run(chosen[[i]])
  used <- proc.time() - start
  cpu <- used[["user.self"]] + used[["sys.self"]]
  cat(sprintf("time,%s,%d,%.3f\n", name, length(chosen), cpu))
  for (i in seq_along(chosen)) {
    cat(sprintf("forecast,%s,%s,%s\n", name, chosen[[i]]$id, paste(sprintf("%.10g", out[[i]]), collapse = " ")))
  }
}
