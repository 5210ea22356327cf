"""Every record is complete and valid against the shared schema, and its spans point into its text."""
from pipeline.process import process_file

from .conftest import SEEDS


def test_seed_records_are_schema_valid(validate_record):
    for seed in SEEDS:
        record = process_file(str(seed))
        validate_record(record)
        assert record["doc_id"] and len(record["doc_id"]) == 64
        for field in ("references", "recipients", "deadlines", "obligations"):
            for finding in record[field]:
                start, end = finding["span"]
                assert 0 <= start < end <= len(record["text"])
