"""urllib: URL handling (parse, error, request for http://)."""
