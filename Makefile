# The two commands of the README: `make run` (the main job on data/raw) and `make test`.
.PHONY: setup run test

setup:
	@bash scripts/setup.sh

run: setup
	.venv/bin/congvan run data/raw --out data/processed

test: setup
	.venv/bin/python -m pytest -q
