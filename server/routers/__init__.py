"""One router per resource of protocol v1."""
