// SiftExtract: see README.md and docs/ for what this stage does.
