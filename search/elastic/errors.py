"""What Elasticsearch's answers to bulk writes mean for the index."""


class IndexingError(Exception):
    """Elasticsearch refused some documents; ``errors`` holds its answer for each."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} product(s) not indexed, first: {errors[0]}")
        self.errors = errors


def already_deleted(error) -> bool:
    """Deleting a product the index never had is not a failure."""
    answer = error.get("delete", {})
    return answer.get("status") == 404 and "error" not in answer


def missing_alias(error) -> bool:
    (answer,) = error.values()
    return answer.get("error", {}).get("type") == "index_not_found_exception"
