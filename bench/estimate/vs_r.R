# R side of bench/estimate/vs_r.py: runs the reference R packages on one capture table.
#
# Usage (called by vs_r.py, which reads the CSV it writes):
#   Rscript vs_r.R check
#   Rscript vs_r.R speed    TABLE.csv ITERATIONS REPEATS OUT.csv
#   Rscript vs_r.R estimate TABLE.csv SEED OUT.csv [lcmcr] [rcapture] [dga]
#
# TABLE.csv has one 0/1 column per list and a final `count` column (dadkhah's format).
# Packages are loaded from the folder in the environment variable DADKHAH_R_LIBS (default
# /work/rlib) before the default library. Every number written is the package's own output; the
# only code here is glue: reading the table, calling the packages with the settings of
# shared/data/mse/README.md, and enumerating the decomposable graphs that dga's bma.cr takes as
# input (dga ships them as data; they are rebuilt here from the definition).

lib <- Sys.getenv("DADKHAH_R_LIBS", "/work/rlib")
.libPaths(c(lib, .libPaths()))

args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]

need <- function(pkg) {
  if (!requireNamespace(pkg, quietly = TRUE)) {
    stop(sprintf("R package %s not found (library path %s)", pkg, paste(.libPaths(), collapse = ":")))
  }
}

read_table <- function(path) {
  d <- read.csv(path, check.names = FALSE)
  J <- ncol(d) - 1
  list(patterns = as.matrix(d[, 1:J]), counts = d[[J + 1]], J = J, n = sum(d[[J + 1]]))
}

individuals <- function(tab) {
  # LCMCR wants one row per person with factor columns.
  keep <- tab$counts > 0
  rows <- rep(which(keep), tab$counts[keep])
  df <- as.data.frame(tab$patterns[rows, , drop = FALSE])
  names(df) <- paste0("L", seq_len(tab$J))
  for (j in seq_len(tab$J)) df[[j]] <- factor(df[[j]], levels = c(0, 1))
  df
}

out_rows <- list()
add_row <- function(method, model, estimate, lower = NA, upper = NA, stderr = NA, aic = NA,
                    bic = NA, seconds = NA, note = "") {
  out_rows[[length(out_rows) + 1]] <<- data.frame(
    method = method, model = model, estimate = estimate, lower = lower, upper = upper,
    stderr = stderr, aic = aic, bic = bic, seconds = seconds, note = note,
    stringsAsFactors = FALSE
  )
}
write_rows <- function(path) {
  write.csv(do.call(rbind, out_rows), path, row.names = FALSE)
}

# ------------------------------------------------------------------ LCMCR
lcmcr_posterior <- function(tab, seed, K = 10, burnin = 10000, samples = 10000, thinning = 100) {
  need("LCMCR")
  df <- individuals(tab)
  t0 <- proc.time()[["elapsed"]]
  o <- LCMCR::lcmCR(df, tabular = FALSE, in_list_label = "1", not_in_list_label = "0", K = K,
                    a_alpha = 0.25, b_alpha = 0.25, seed = seed, verbose = FALSE)
  N <- LCMCR::lcmCR_PostSampl(o, burnin = burnin, samples = samples, thinning = thinning,
                              output = FALSE)
  q <- quantile(N, c(0.025, 0.5, 0.975), names = FALSE)
  add_row("lcmcr", sprintf("K=%d seed=%d", K, seed), q[2], q[1], q[3],
          seconds = proc.time()[["elapsed"]] - t0)
}

lcmcr_speed <- function(tab, iterations, repeats, K = 10) {
  need("LCMCR")
  df <- individuals(tab)
  for (r in seq_len(repeats)) {
    o <- LCMCR::lcmCR(df, tabular = FALSE, K = K, a_alpha = 0.25, b_alpha = 0.25,
                      seed = r, verbose = FALSE)
    o$Update(1000, FALSE)  # warm-up outside the timing; tracing is off
    tm <- system.time(o$Update(iterations, FALSE))
    add_row("lcmcr-speed", sprintf("repeat %d", r), iterations / tm[["user.self"]],
            note = sprintf("wall_rate=%.1f", iterations / tm[["elapsed"]]),
            seconds = tm[["elapsed"]])
  }
}

# ------------------------------------------------------------------ Rcapture
rcapture_all <- function(tab) {
  need("Rcapture")
  X <- cbind(tab$patterns, tab$counts)
  t0 <- proc.time()[["elapsed"]]
  cp <- suppressWarnings(Rcapture::closedp.t(X, dfreq = TRUE))
  res <- cp$results
  for (i in seq_len(nrow(res))) {
    add_row("rcapture-closedp", rownames(res)[i], res[i, "abundance"], stderr = res[i, "stderr"],
            aic = res[i, "AIC"], bic = res[i, "BIC"], note = sprintf("infoFit=%s", res[i, "infoFit"]))
  }
  # closedpMS.t refuses all orders from six lists on; order 2 there, as dadkhah's search does
  maxorder <- if (tab$J >= 6) 2 else tab$J - 1
  ms <- suppressWarnings(Rcapture::closedpMS.t(X, dfreq = TRUE, maxorder = maxorder))
  r <- ms$results
  r <- r[order(r[, "BIC"]), , drop = FALSE]
  ms_seconds <- proc.time()[["elapsed"]] - t0
  for (i in seq_len(min(3, nrow(r)))) {
    add_row("rcapture-ms", rownames(r)[i], r[i, "abundance"], stderr = r[i, "stderr"],
            aic = r[i, "AIC"], bic = r[i, "BIC"], seconds = ms_seconds,
            note = sprintf("rank=%d models=%d maxorder=%d", i, nrow(r), maxorder))
  }
  best <- rownames(r)[1]
  ci <- tryCatch(suppressWarnings(Rcapture::closedpCI.t(X, dfreq = TRUE, mX = best)),
                 error = function(e) e)
  if (inherits(ci, "error")) {
    add_row("rcapture-ci", best, r[1, "abundance"], note = paste("error:", conditionMessage(ci)))
  } else {
    sup <- suppressWarnings(as.numeric(ci$CI[1, "supCL"]))
    add_row("rcapture-ci", best, ci$results[1, "abundance"], as.numeric(ci$CI[1, "infCL"]), sup,
            stderr = ci$results[1, "stderr"],
            note = sprintf("multinomial=%.3f infoCI=%s", as.numeric(ci$CI[1, "abundance"]),
                           as.character(ci$CI[1, "infoCI"])))
  }
}

# ------------------------------------------------------------------ dga
decomposable_graphs <- function(p) {
  # Every decomposable (chordal) graph on p nodes as list(C = cliques, S = separators), in the
  # form bma.cr reads: separators of a junction tree, empty ones left out.
  pairs <- combn(p, 2)
  graphs <- list()
  for (code in 0:(2^ncol(pairs) - 1)) {
    adj <- matrix(FALSE, p, p)
    bits <- as.integer(intToBits(code))[seq_len(ncol(pairs))]
    for (e in which(bits == 1)) {
      adj[pairs[1, e], pairs[2, e]] <- TRUE
      adj[pairs[2, e], pairs[1, e]] <- TRUE
    }
    # maximum cardinality search; chordal iff each vertex's earlier neighbours form a clique
    order <- integer(0)
    weight <- rep(0, p)
    chordal <- TRUE
    cand <- list()
    while (length(order) < p) {
      free <- setdiff(seq_len(p), order)
      v <- free[which.max(weight[free])]
      earlier <- order[adj[v, order]]
      if (length(earlier) > 1 && !all(adj[earlier, earlier][upper.tri(diag(length(earlier)))])) {
        chordal <- FALSE
        break
      }
      cand[[length(cand) + 1]] <- sort(c(earlier, v))
      order <- c(order, v)
      weight[adj[v, ]] <- weight[adj[v, ]] + 1
    }
    if (!chordal) next
    # maximal candidate sets are the cliques, kept in search order (a perfect sequence)
    maximal <- sapply(seq_along(cand), function(i) {
      !any(sapply(seq_along(cand), function(j) {
        j != i && length(cand[[j]]) > length(cand[[i]]) && all(cand[[i]] %in% cand[[j]])
      }))
    })
    cliques <- unique(cand[maximal])
    seps <- list()
    if (length(cliques) > 1) {
      for (k in 2:length(cliques)) {
        s <- intersect(cliques[[k]], unlist(cliques[1:(k - 1)]))
        if (length(s) > 0) seps[[length(seps) + 1]] <- sort(s)
      }
    }
    graphs[[length(graphs) + 1]] <- list(C = cliques, S = if (length(seps)) seps else NULL)
  }
  graphs
}

dga_posterior <- function(tab) {
  need("dga")
  p <- tab$J
  if (p < 3 || p > 5) return(invisible(NULL))
  t0 <- proc.time()[["elapsed"]]
  Y <- array(0, dim = rep(2, p))
  for (i in seq_len(nrow(tab$patterns))) {
    idx <- matrix(tab$patterns[i, ] + 1, nrow = 1)
    Y[idx] <- tab$counts[i]
  }
  graphs <- decomposable_graphs(p)
  delta <- 2^-p
  limit <- max(5 * tab$n, 2000)
  repeat {
    Nmissing <- 0:limit
    w <- dga::bma.cr(Y, Nmissing, delta, graphs)
    post <- colSums(w)
    if (post[length(post)] < 1e-9 * max(post) || limit > 200 * tab$n) break
    limit <- limit * 2
  }
  cdf <- cumsum(post)
  q <- sapply(c(0.025, 0.5, 0.975), function(a) Nmissing[which(cdf > a)[1]]) + tab$n
  top <- which.max(rowSums(w))
  add_row("dga", sprintf("delta=2^-%d graphs=%d", p, length(graphs)), q[2], q[1], q[3],
          seconds = proc.time()[["elapsed"]] - t0,
          note = sprintf("top_graph_prob=%.3f grid_max=%d", max(rowSums(w)), limit))
}

# ------------------------------------------------------------------ main
if (mode == "check") {
  for (pkg in c("LCMCR", "Rcapture", "dga")) need(pkg)
  cat(sprintf("R %s; LCMCR %s; Rcapture %s; dga %s\n", getRversion(),
              packageVersion("LCMCR"), packageVersion("Rcapture"), packageVersion("dga")))
} else if (mode == "speed") {
  tab <- read_table(args[2])
  lcmcr_speed(tab, as.integer(args[3]), as.integer(args[4]))
  write_rows(args[5])
} else if (mode == "estimate") {
  tab <- read_table(args[2])
  seed <- as.integer(args[3])
  what <- if (length(args) > 4) args[5:length(args)] else c("lcmcr", "rcapture", "dga")
  if ("rcapture" %in% what) rcapture_all(tab)
  if ("dga" %in% what) dga_posterior(tab)
  if ("lcmcr" %in% what) lcmcr_posterior(tab, seed)
  write_rows(args[4])
} else {
  stop("unknown mode: ", mode)
}
