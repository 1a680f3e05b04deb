"""Hub use cases: each takes a session and plain values; routers call them and the session commits."""
