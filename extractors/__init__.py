"""Vietnamese NLP over a segmented Document: each module is a pure function returning findings with spans."""
